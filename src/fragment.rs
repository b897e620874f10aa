//! Fragments and dialogs: parts of the script that rerun on their own.
//!
//! A full run calls the fragment inline. When a widget drawn in its body
//! changes (or its `run_every` timer fires), only the fragment runs again:
//! its body is redrawn in place, the rest of the page stays, and output it
//! writes to containers outside its body accumulates until the next full run.
//!
//! ```
//! use std::cell::Cell;
//! use std::rc::Rc;
//! use wasmlit::prelude::*;
//!
//! let script_runs = Rc::new(Cell::new(0));
//! let counter = script_runs.clone();
//! let mut at = AppTest::new(move |ui: &Ui| {
//!     counter.set(counter.get() + 1);
//!     ui.fragment(|ui: &Ui| {
//!         let n = ui.slider("n", 0..=10);
//!         ui.write(format!("n = {n}"));
//!     })
//! });
//! at.run();
//! at.slider(0).set_value(4).run();
//! assert_eq!(at.markdown(0).text(), "n = 4");
//! assert_eq!(script_runs.get(), 1, "only the fragment ran again");
//! ```

use std::any::type_name;
use std::rc::Rc;
use std::time::Duration;

use crate::element::{BlockKind, FragmentId, WidgetValue};
use crate::error::{Error, IntoScriptResult, Result};
use crate::identity::{Identity, WidgetId};
use crate::runtime::{FragmentRecord, RunScope};
use crate::session_state::Callback;
use crate::ui::{Command, Ui};
use crate::widgets::{register, show_error, CommonOptions, Spec};

/// A fragment: `ui.add(Fragment::new(|ui: &Ui| { ... }).run_every(Duration::from_secs(2)))`.
pub struct Fragment<F> {
    script: F,
    run_every: Option<Duration>,
}

impl<F, R> Fragment<F>
where
    F: Fn(&Ui) -> R + 'static,
    R: IntoScriptResult,
{
    pub fn new(script: F) -> Self {
        Fragment { script, run_every: None }
    }

    /// Reruns the fragment on its own every `period` while the page is open.
    pub fn run_every(mut self, period: Duration) -> Self {
        self.run_every = Some(period);
        self
    }
}

impl<F, R> Command for Fragment<F>
where
    F: Fn(&Ui) -> R + 'static,
    R: IntoScriptResult,
{
    /// The fragment's result in this full run. Its error is already drawn inside the fragment;
    /// `?` it to end the run there, as Streamlit does (ignored, the run still counts as failed).
    type Output = Result;

    fn show(self, ui: &Ui) -> Result {
        let id = fragment_id(ui, type_name::<F>(), "");
        let run_every_ms = self.run_every.map(|period| period.as_millis().max(1) as u64);
        let script = self.script;
        run_fragment(
            ui,
            id,
            {
                crate::layout::install_block!(fragment);
                BlockKind::Fragment { id, run_every_ms }
            },
            Rc::new(move |ui: &Ui| script(ui).into_script_result()),
        )
    }
}

/// A modal dialog with fragment behaviour: `ui.add(Dialog::new("Title", |ui: &Ui| ...).wide())`.
///
/// Its widgets rerun only the dialog; `ui.rerun()` inside closes it (the
/// full rerun no longer opens it); the viewer can dismiss it without a rerun, unless it is
/// [`dismissible(false)`](Dialog::dismissible), [`on_dismiss_rerun`](Dialog::on_dismiss_rerun) or
/// [`on_dismiss`](Dialog::on_dismiss).
pub struct Dialog<F> {
    title: String,
    script: F,
    wide: bool,
    dismissible: bool,
    rerun_on_dismiss: bool,
    on_dismiss: Option<Callback>,
}

impl<F, R> Dialog<F>
where
    F: Fn(&Ui) -> R + 'static,
    R: IntoScriptResult,
{
    pub fn new(title: impl Into<String>, script: F) -> Self {
        Dialog {
            title: title.into(),
            script,
            wide: false,
            dismissible: true,
            rerun_on_dismiss: false,
            on_dismiss: None,
        }
    }

    /// Whether the viewer can close the dialog with its ×, Esc or a click beside it (the
    /// default). With `false` there is no ×, and only a run that does not draw it closes it
    /// (a button in the dialog that calls `ui.rerun()`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| -> Result {
    ///     ui.add(Dialog::new("Terms", |ui: &Ui| -> Result {
    ///         if ui.button("I agree") {
    ///             ui.rerun()?;
    ///         }
    ///         Ok(())
    ///     }).dismissible(false))
    /// });
    /// at.run();
    /// assert!(!at.dialog_dismissible());
    /// ```
    pub fn dismissible(mut self, dismissible: bool) -> Self {
        self.dismissible = dismissible;
        self
    }

    /// Streamlit's `on_dismiss="rerun"`: when the viewer dismisses the dialog, the whole app
    /// reruns (so the script sees that it was closed).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| -> Result {
    ///     let runs = ui.session_state().update_or("runs", 0, |n: &mut u32| *n += 1)?;
    ///     ui.write(format!("runs: {runs}"));
    ///     if runs == 1 {
    ///         ui.add(Dialog::new("Hello", |ui: &Ui| { ui.write("hi"); }).on_dismiss_rerun())?;
    ///     }
    ///     Ok(())
    /// });
    /// at.run();
    /// at.dismiss_dialog().run();
    /// assert_eq!(at.markdown(0).text(), "runs: 2");
    /// assert!(at.get("markdown").iter().all(|m| m.text() != "hi"), "closed");
    /// ```
    pub fn on_dismiss_rerun(mut self) -> Self {
        self.rerun_on_dismiss = true;
        self
    }

    /// Streamlit's `on_dismiss=callable`: when the viewer dismisses the dialog, `callback`
    /// runs (before the script, like a widget's callback), then the whole app reruns.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| -> Result {
    ///     let dismissed = ui.session_state().get_or_insert_with("dismissed", || 0u32)?;
    ///     ui.write(format!("dismissed: {dismissed}"));
    ///     if dismissed == 0 {
    ///         ui.add(Dialog::new("Hello", |ui: &Ui| { ui.write("hi"); }).on_dismiss(|ui: &Ui| {
    ///             ui.session_state().update("dismissed", |n: &mut u32| *n += 1)
    ///         }))?;
    ///     }
    ///     Ok(())
    /// });
    /// at.run();
    /// at.dismiss_dialog().run();
    /// assert_eq!(at.markdown(0).text(), "dismissed: 1");
    /// ```
    pub fn on_dismiss<C, CR>(mut self, callback: C) -> Self
    where
        C: Fn(&Ui) -> CR + 'static,
        CR: IntoScriptResult,
    {
        self.rerun_on_dismiss = true;
        self.on_dismiss = Some(Rc::new(move |ui: &Ui| callback(ui).into_script_result()));
        self
    }

    /// A large dialog instead of a small one.
    pub fn wide(mut self) -> Self {
        self.wide = true;
        self
    }
}

impl<F, R> Command for Dialog<F>
where
    F: Fn(&Ui) -> R + 'static,
    R: IntoScriptResult,
{
    type Output = Result;

    fn show(self, ui: &Ui) -> Result {
        let already_open = std::mem::replace(&mut ui.runtime.borrow_mut().dialog_opened, true);
        if already_open {
            return Err(Error::api(
                "Only one dialog is allowed to be opened at the same time. Please make sure to not call \
                 a dialog function more than once in a script run.",
            ));
        }
        let id = fragment_id(ui, type_name::<F>(), &self.title);
        let opened = ui.runtime.borrow().run_id;
        let on_dismiss = self.on_dismiss.and_then(|callback| dismiss_trigger(ui, id, &self.title, callback));
        crate::layout::install_block!(dialog);
        let kind = BlockKind::Dialog {
            id,
            title: self.title,
            wide: self.wide,
            opened,
            dismissible: self.dismissible,
            rerun_on_dismiss: self.rerun_on_dismiss,
            on_dismiss,
        };
        let script = self.script;
        run_fragment(ui, id, kind, Rc::new(move |ui: &Ui| script(ui).into_script_result()))
    }
}

/// Registers the hidden trigger that the page presses when the viewer dismisses the dialog
/// `id`; its callback is `on_dismiss`'s. A dialog that cannot have one (in a form) draws the
/// error and is dismissed with a plain rerun.
fn dismiss_trigger(ui: &Ui, id: FragmentId, title: &str, callback: Callback) -> Option<WidgetId> {
    let options = CommonOptions { callback: Some(callback), ..CommonOptions::default() };
    let spec = Spec {
        kind: "dialog",
        identity: Identity::new("dialog_dismiss").text("fragment", &id.0.to_string()),
        default: WidgetValue::Trigger(false),
        decode: Rc::new(|wire| match wire {
            WidgetValue::Trigger(pressed) => Some(*pressed),
            _ => None,
        }),
        encode: Box::new(|pressed| Ok(WidgetValue::Trigger(*pressed))),
        explicit_default: false,
    };
    match register::<bool>(ui, title, &options, spec) {
        Ok(registered) => Some(registered.common.id),
        Err(error) => {
            show_error(ui, error);
            None
        }
    }
}

/// A fragment's id: its function's type and where its body is drawn.
fn fragment_id(ui: &Ui, function: &str, title: &str) -> FragmentId {
    let place = ui.next_place();
    let path: Vec<f64> = place.path.iter().map(|&i| i as f64).collect();
    let root = format!("{:?}", place.root);
    let id = Identity::new("fragment")
        .text("function", function)
        .text("title", title)
        .text("root", &root)
        .numbers("path", &path);
    FragmentId(id.finish().0)
}

fn run_fragment(ui: &Ui, id: FragmentId, kind: BlockKind, script: Rc<dyn Fn(&Ui) -> Result>) -> Result {
    let mut body = ui.push_block(kind, Vec::new());
    body.fragment = Some(id);
    {
        let mut runtime = ui.runtime.borrow_mut();
        let page = runtime.pages.running.clone();
        runtime.fragments.insert(id, FragmentRecord { script: script.clone(), place: body.place().clone(), page });
        runtime.fragments_seen.insert(id);
    }
    run_body(&body, &*script)
}

/// Runs a fragment's `script` on its `body`, marking the body as the place its widgets must be drawn in.
///
/// An error the script raises is drawn at the end of the body, as Streamlit renders a fragment's
/// exception inside its container (so the fragment's next successful rerun replaces it), and the
/// run counts as failed even if the caller ignores the result. The error goes back to the caller
/// marked as drawn: `?` ends the run without drawing it a second time.
pub(crate) fn run_body(body: &Ui, script: &dyn Fn(&Ui) -> Result) -> Result {
    body.runtime.borrow_mut().running_fragments.push(body.place().clone());
    let result = script(body);
    body.runtime.borrow_mut().running_fragments.pop();
    result.map_err(|mut error| {
        if let Some((kind, message)) = error.take_unshown() {
            body.push_exception(kind, message);
        }
        if error.is_script_error() {
            body.runtime.borrow_mut().fragment_failed = true;
        }
        error
    })
}

impl Ui {
    /// Runs `script` as a fragment: inline now, and on its own when one of
    /// its widgets changes. Its widgets belong in its body (or containers
    /// made there); drawing one into a container made outside it is an error,
    /// and so is writing an element straight into the sidebar (draw the
    /// fragment there instead: `ui.sidebar().fragment(..)`).
    pub fn fragment<F, R>(&self, script: F) -> Result
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.add(Fragment::new(script))
    }

    /// Opens a modal dialog titled `title` whose body is `script`.
    pub fn dialog<F, R>(&self, title: impl Into<String>, script: F) -> Result
    where
        F: Fn(&Ui) -> R + 'static,
        R: IntoScriptResult,
    {
        self.add(Dialog::new(title, script))
    }

    /// Ends this fragment run and reruns just the fragment (Streamlit's
    /// `st.rerun(scope="fragment")`); only valid during a fragment rerun.
    pub fn rerun_fragment(&self) -> Result {
        let runtime = self.runtime.borrow();
        match (&runtime.scope, self.fragment) {
            (RunScope::Fragments(ids), Some(id)) if ids.contains(&id) => Err(Error::rerun_fragment(id)),
            _ => Err(Error::api("`rerun_fragment()` can only be called from a fragment during a fragment rerun.")),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;

    use crate::prelude::*;
    use crate::RerunRequest;

    fn counted() -> (Rc<Cell<u32>>, Rc<Cell<u32>>) {
        (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)))
    }

    #[test]
    fn a_widget_outside_the_fragment_reruns_everything() {
        let (script, fragment) = counted();
        let (s, f) = (script.clone(), fragment.clone());
        let mut at = AppTest::new(move |ui: &Ui| {
            s.set(s.get() + 1);
            ui.checkbox("outside");
            let f = f.clone();
            ui.fragment(move |ui: &Ui| {
                f.set(f.get() + 1);
                ui.checkbox("inside");
            })
        });
        at.run();
        at.checkbox(1).check().run();
        assert_eq!((script.get(), fragment.get()), (1, 2));
        at.checkbox(0).check().run();
        assert_eq!((script.get(), fragment.get()), (2, 3));
    }

    #[test]
    fn writes_to_outside_containers_accumulate_until_the_next_full_run() {
        let mut at = AppTest::new(|ui: &Ui| {
            let log = ui.container();
            ui.fragment(move |ui: &Ui| {
                let n = ui.add(NumberInput::int("n"));
                log.write(format!("saw {n}"));
            })
        });
        at.run();
        at.number_input(0).increment().run();
        at.number_input(0).increment().run();
        let lines: Vec<String> = at.get("markdown").iter().map(|e| e.text()).collect();
        assert_eq!(lines, ["saw 0", "saw 1", "saw 2"]);
        at.run();
        assert_eq!(at.get("markdown").len(), 1);
    }

    #[test]
    fn widget_cleanup_is_scoped_to_the_fragment() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Slider::new("outside", 0..=9).key("outside"));
            ui.fragment(|ui: &Ui| {
                if ui.checkbox("more") {
                    ui.add(Slider::new("inner", 0..=9).key("inner"));
                }
            })
        });
        at.run();
        at.slider(0).set_value(5).run();
        at.checkbox(0).check().run();
        at.slider(1).set_value(3).run();
        at.checkbox(0).uncheck().run();
        let state = at.session_state();
        assert!(!state.contains("inner"), "the fragment's hidden widget is gone");
        assert_eq!(state.get::<i32>("outside").unwrap(), 5, "widgets outside the fragment are untouched");
    }

    #[test]
    fn run_every_requests_rerun_only_the_fragment() {
        let (script, fragment) = counted();
        let (s, f) = (script.clone(), fragment.clone());
        let mut session = crate::Session::new(move |ui: &Ui| {
            s.set(s.get() + 1);
            let f = f.clone();
            ui.add(
                Fragment::new(move |ui: &Ui| {
                    f.set(f.get() + 1);
                    ui.write(format!("tick {}", f.get()));
                })
                .run_every(Duration::from_secs(1)),
            )
        });
        session.run(RerunRequest::default());
        let [(id, period)] = session.timed_fragments()[..] else { panic!("one timed fragment") };
        assert_eq!(period, Duration::from_secs(1));
        session.run(RerunRequest::fragment(id));
        session.run(RerunRequest::fragment(id));
        assert_eq!((script.get(), fragment.get()), (1, 3));
        assert_eq!(session.elements()[0].text(), "tick 3");
    }

    #[test]
    fn rerun_fragment_is_only_valid_during_a_fragment_rerun() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.fragment(|ui: &Ui| {
                let again = ui.session_state().update_or("again", 0, |n: &mut i32| *n += 1)?;
                if ui.button("Again") && again < 5 {
                    ui.rerun_fragment()?;
                }
                ui.rerun_fragment()
            })
        });
        at.run();
        assert!(at.exception(0).text().contains("only be called from a fragment during a fragment rerun"));
    }

    #[test]
    fn widgets_cannot_be_drawn_into_outside_containers_during_a_fragment_rerun() {
        let mut at = AppTest::new(|ui: &Ui| {
            let outside = ui.container();
            ui.fragment(move |ui: &Ui| {
                if ui.button("Go") {
                    outside.button("Sneaky");
                }
            })
        });
        at.run();
        at.button(0).click().run();
        assert!(at.exception(0).text().contains("Fragments cannot write widgets to outside containers"));
    }

    #[test]
    fn widgets_cannot_be_drawn_into_outside_containers_in_a_full_run_either() {
        let mut at = AppTest::new(|ui: &Ui| {
            let outside = ui.container();
            let sidebar = ui.sidebar();
            ui.fragment(move |ui: &Ui| {
                outside.write("elements may go outside");
                outside.button("Sneaky");
                sidebar.checkbox("Sneaky too");
                ui.checkbox("inside");
            })
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors.iter().all(|e| e.contains("Fragments cannot write widgets to outside containers")),
            "{errors:?}"
        );
        assert!(at.get("button").is_empty());
        assert_eq!(at.get("checkbox").len(), 1, "only the widget in the fragment's body is drawn");
        assert_eq!(at.markdown(0).text(), "elements may go outside");
    }

    #[test]
    fn containers_and_fragments_inside_a_fragment_may_hold_its_widgets() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.fragment(|ui: &Ui| {
                let [left, _] = ui.columns([1, 1]);
                let n = left.add(NumberInput::int("n"));
                ui.fragment(|ui: &Ui| {
                    let m = ui.add(NumberInput::int("m"));
                    ui.container().write(format!("m = {m}"));
                })?;
                ui.write(format!("n = {n}"));
                Ok::<_, Error>(())
            })
        });
        at.run();
        at.number_input(0).increment().run();
        at.number_input(1).increment().run();
        assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
        let lines: Vec<String> = at.get("markdown").iter().map(|e| e.text()).collect();
        assert_eq!(lines, ["m = 1", "n = 1"]);
    }

    #[test]
    fn a_parent_fragment_rerun_reruns_the_fragments_inside_it_and_accepts_their_widgets() {
        let (outer, inner) = counted();
        let (o, i) = (outer.clone(), inner.clone());
        let mut at = AppTest::new(move |ui: &Ui| {
            let (o, i) = (o.clone(), i.clone());
            ui.fragment(move |ui: &Ui| {
                o.set(o.get() + 1);
                let parent = ui.add(NumberInput::int("parent"));
                let i = i.clone();
                ui.fragment(move |ui: &Ui| {
                    i.set(i.get() + 1);
                    let child = ui.add(NumberInput::int("child"));
                    ui.write(format!("child = {child}"));
                })?;
                ui.write(format!("parent = {parent}"));
                Ok::<_, Error>(())
            })
        });
        let lines = |at: &AppTest| at.get("markdown").iter().map(|e| e.text()).collect::<Vec<_>>();
        at.run();
        at.number_input(1).increment().run();
        assert_eq!((outer.get(), inner.get()), (1, 2), "the nested fragment reran alone");
        at.number_input(0).increment().run();
        assert_eq!((outer.get(), inner.get()), (2, 3), "the parent reran, and the fragment inside it");
        assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
        assert_eq!(lines(&at), ["child = 1", "parent = 1"]);
        // Both changed before one run: the nested fragment runs once, inside its parent.
        at.number_input(0).increment();
        at.number_input(1).increment().run();
        assert_eq!((outer.get(), inner.get()), (3, 4));
        assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
        assert_eq!(lines(&at), ["child = 2", "parent = 2"]);
    }

    #[test]
    fn a_parent_fragment_rerun_drops_the_widgets_of_nested_fragments_it_no_longer_draws() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.add(Slider::new("outside", 0..=9).key("outside"));
            ui.fragment(|ui: &Ui| {
                if ui.checkbox("nested") {
                    ui.fragment(|ui: &Ui| {
                        ui.add(Slider::new("inner", 0..=9).key("inner"));
                    })?;
                }
                Ok::<_, Error>(())
            })
        });
        at.run();
        at.slider(0).set_value(5).run();
        at.checkbox(0).check().run();
        at.slider(1).set_value(3).run();
        assert_eq!(at.session_state().get::<i32>("inner").unwrap(), 3);
        at.checkbox(0).uncheck().run();
        let state = at.session_state();
        assert!(!state.contains("inner"), "the nested fragment's widget went with it");
        assert_eq!(state.get::<i32>("outside").unwrap(), 5, "widgets outside the fragment are untouched");
        at.checkbox(0).check().run();
        assert_eq!(at.slider(1).value::<i32>(), 0, "it comes back at its default");
    }

    #[test]
    fn a_fragment_error_in_a_full_run_is_drawn_inside_the_fragment_and_ends_the_run() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.write("before");
            ui.fragment(|ui: &Ui| {
                if ui.add(Checkbox::new("Fail").key("fail")) {
                    return Err(Error::msg("boom"));
                }
                ui.write("fragment ok");
                Ok(())
            })?;
            ui.write("after");
            Ok::<_, Error>(())
        });
        at.session_state().set("fail", true).unwrap();
        at.run();
        assert_eq!(at.status(), Some(crate::RunStatus::Failed));
        assert_eq!(at.fragment(0).exception(0).text(), "Error: boom", "drawn inside the fragment");
        assert_eq!(at.get("exception").len(), 1, "and only there");
        let lines: Vec<String> = at.get("markdown").iter().map(|e| e.text()).collect();
        assert_eq!(lines, ["before"], "the error ended the full run");
        at.checkbox(0).uncheck().run();
        assert!(at.get("exception").is_empty(), "the fragment's successful rerun replaced its container");
        assert_eq!(at.fragment(0).markdown(0).text(), "fragment ok");
    }

    #[test]
    fn an_ignored_fragment_error_is_still_drawn_and_the_run_counts_as_failed() {
        let mut at = AppTest::new(|ui: &Ui| {
            let _ = ui.fragment(|ui: &Ui| -> Result {
                ui.checkbox("inside");
                Err(Error::msg("boom"))
            });
            ui.write("after");
        });
        at.run();
        assert_eq!(at.fragment(0).exception(0).text(), "Error: boom");
        assert_eq!(at.status(), Some(crate::RunStatus::Failed));
    }

    #[test]
    fn when_one_of_several_queued_fragments_raises_the_others_still_run() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.fragment(|ui: &Ui| {
                if ui.button("Break A") {
                    return Err(Error::msg("A broke"));
                }
                Ok(())
            })?;
            ui.fragment(|ui: &Ui| {
                if ui.button("Press B") {
                    ui.write("B pressed");
                }
            })
        });
        at.run();
        at.button(0).click();
        at.button(1).click().run();
        assert_eq!(at.fragment(0).exception(0).text(), "Error: A broke");
        assert_eq!(at.fragment(1).markdown(0).text(), "B pressed", "B ran, with its press");
        assert_eq!(at.get("exception").len(), 1);
    }

    #[test]
    fn a_fragment_cannot_write_straight_into_the_sidebar_and_nothing_piles_up() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.fragment(|ui: &Ui| {
                let n = ui.add(NumberInput::int("n"));
                ui.sidebar().write(format!("n = {n}"));
                ui.sidebar().checkbox("Sneaky");
            })
        });
        at.run();
        at.number_input(0).increment().run();
        at.number_input(0).increment().run();
        assert!(at.sidebar().get("markdown").is_empty() && at.sidebar().get("checkbox").is_empty());
        assert!(at.sidebar().get("exception").is_empty(), "no error piles up in the sidebar either");
        let errors: Vec<String> = at.fragment(0).get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].contains("Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported"),
            "{errors:?}"
        );
        assert!(errors[1].contains("Fragments cannot write widgets to outside containers"), "{errors:?}");
    }

    #[test]
    fn a_fragment_drawn_in_the_sidebar_works_there() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.sidebar().fragment(|ui: &Ui| {
                let n = ui.add(NumberInput::int("n"));
                ui.write(format!("n = {n}"));
            })
        });
        at.run();
        at.number_input(0).increment().run();
        at.number_input(0).increment().run();
        assert!(at.get("exception").is_empty(), "{:?}", at.get("exception"));
        assert_eq!(at.sidebar().get("markdown").len(), 1);
        assert_eq!(at.sidebar().markdown(0).text(), "n = 2");
    }

    #[test]
    fn a_dialog_reruns_alone_and_closes_with_rerun() {
        let (script, _) = counted();
        let s = script.clone();
        let mut at = AppTest::new(move |ui: &Ui| {
            s.set(s.get() + 1);
            let open = ui.session_state().get_or_insert_with("open", || false)?;
            if ui.button("Vote") || open {
                ui.session_state().set("open", true)?;
                ui.dialog("Cast your vote", |ui: &Ui| {
                    let choice = ui.radio("Pick", ["A", "B"]);
                    if ui.button("Submit") {
                        ui.session_state().set("vote", choice)?;
                        ui.session_state().set("open", false)?;
                        ui.rerun()?;
                    }
                    Ok::<_, Error>(())
                })?;
            }
            if let Ok(vote) = ui.session_state().get::<&str>("vote") {
                ui.write(format!("You voted {vote}"));
            }
            Ok::<_, Error>(())
        });
        at.run();
        at.button(0).click().run();
        assert_eq!(script.get(), 2);
        at.radio(0).select("B").run();
        assert_eq!(script.get(), 2, "the dialog's widget reran only the dialog");
        at.button(1).click().run();
        assert_eq!(at.markdown(0).text(), "You voted B");
        assert!(at.get("radio").is_empty(), "rerun() closed the dialog");
    }

    #[test]
    fn two_fragments_drawn_by_the_same_function_stay_apart() {
        let mut at = AppTest::new(|ui: &Ui| {
            for name in ["a", "b"] {
                ui.fragment(move |ui: &Ui| {
                    let runs = ui.session_state().update_or(name, 0, |n: &mut i32| *n += 1)?;
                    ui.checkbox(format!("{name} box"));
                    ui.write(format!("{name} ran {runs}"));
                    Ok::<_, Error>(())
                })?;
            }
            Ok::<_, Error>(())
        });
        at.run();
        at.checkbox(0).check().run();
        let lines: Vec<String> = at.get("markdown").iter().map(|e| e.text()).collect();
        assert_eq!(lines, ["a ran 2", "b ran 1"]);
    }

    #[test]
    fn only_one_dialog_per_run() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.dialog("One", |_: &Ui| {})?;
            ui.dialog("Two", |_: &Ui| {})
        });
        at.run();
        assert!(at.exception(0).text().contains("Only one dialog"));
    }

    type TestDialog = Dialog<fn(&Ui) -> Result>;

    fn dialog_app(dialog: fn(TestDialog) -> TestDialog) -> impl Fn(&Ui) -> Result {
        move |ui: &Ui| -> Result {
            let runs = ui.session_state().update_or("runs", 0, |n: &mut u32| *n += 1)?;
            ui.write(format!("runs: {runs}"));
            if ui.button("Open") {
                let body: fn(&Ui) -> Result = |ui: &Ui| {
                    ui.checkbox("inside");
                    Ok(())
                };
                ui.add(dialog(Dialog::new("Box", body)))?;
            }
            Ok(())
        }
    }

    #[test]
    fn dialogs_are_dismissible_by_default_and_not_when_asked() {
        let mut at = AppTest::new(dialog_app(|d| d));
        at.run();
        at.button(0).click().run();
        assert!(at.dialog_dismissible());
        let mut at = AppTest::new(dialog_app(|d| d.dismissible(false)));
        at.run();
        at.button(0).click().run();
        assert!(!at.dialog_dismissible());
        let flags: Vec<(bool, bool)> = at
            .tree()
            .main
            .children
            .iter()
            .filter_map(|node| match node {
                crate::element::Node::Block(block) => match block.kind {
                    crate::element::BlockKind::Dialog { dismissible, rerun_on_dismiss, .. } => {
                        Some((dismissible, rerun_on_dismiss))
                    }
                    _ => None,
                },
                _ => None,
            })
            .collect();
        assert_eq!(flags, [(false, false)]);
    }

    #[test]
    #[should_panic(expected = "cannot be dismissed")]
    fn a_dialog_that_is_not_dismissible_refuses_a_dismissal() {
        let mut at = AppTest::new(dialog_app(|d| d.dismissible(false)));
        at.run();
        at.button(0).click().run();
        at.dismiss_dialog();
    }

    #[test]
    #[should_panic(expected = "opened no dialog")]
    fn dismissing_without_a_dialog_is_a_test_error() {
        let mut at = AppTest::new(dialog_app(|d| d));
        at.run();
        at.dismiss_dialog();
    }

    #[test]
    fn on_dismiss_rerun_reruns_the_whole_app_and_a_plain_dismissal_sends_nothing() {
        // A dialog widget's change alone reruns only the dialog; the dismissal decides.
        let mut at = AppTest::new(dialog_app(|d| d.on_dismiss_rerun()));
        at.run();
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "runs: 2");
        at.dialog(0).checkbox(label("inside")).check();
        at.dismiss_dialog().run();
        assert_eq!(at.markdown(0).text(), "runs: 3", "the dismissal reran the script");
        assert!(at.get("checkbox").is_empty(), "the button is not pressed any more: the dialog is gone");

        let mut at = AppTest::new(dialog_app(|d| d));
        at.run();
        at.button(0).click().run();
        at.dialog(0).checkbox(label("inside")).check();
        at.dismiss_dialog().run();
        assert_eq!(at.markdown(0).text(), "runs: 2", "only the dialog reran");
        assert!(at.checkbox(0).value::<bool>());
    }

    #[test]
    fn on_dismiss_runs_its_callback_once_then_the_whole_app() {
        let mut at = AppTest::new(|ui: &Ui| -> Result {
            let runs = ui.session_state().update_or("runs", 0, |n: &mut u32| *n += 1)?;
            let calls = ui.session_state().get_or_insert_with("calls", || 0u32)?;
            ui.write(format!("runs: {runs}, calls: {calls}"));
            if ui.button("Open") {
                ui.add(
                    Dialog::new("Hi", |ui: &Ui| {
                        ui.checkbox("inside");
                    })
                    .on_dismiss(|ui: &Ui| ui.session_state().update("calls", |n: &mut u32| *n += 1)),
                )?;
            }
            Ok(())
        });
        at.run();
        at.button(0).click().run();
        at.dialog(0).checkbox(label("inside")).check().run();
        assert_eq!(at.markdown(0).text(), "runs: 2, calls: 0", "a dialog widget reruns only the dialog");
        at.dismiss_dialog().run();
        assert_eq!(at.markdown(0).text(), "runs: 3, calls: 1", "the callback ran before the full rerun");
        assert!(at.get("checkbox").is_empty(), "the dialog is gone");
        at.run();
        assert_eq!(at.markdown(0).text(), "runs: 4, calls: 1", "once");
    }
}

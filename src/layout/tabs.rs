//! `tabs`: a tab bar; every tab body runs on every rerun, one is visible. With `on_change`
//! the selected tab is widget state (see [`Panel`]).

use std::rc::Rc;

use super::panel::{register_open, OnChange, OpenSpec, Panel, Stateful, Static};
use crate::element::{Block, BlockKind, Node, WidgetValue};
use crate::identity::WidgetId;
use crate::ui::{Command, Ui};
use crate::widgets::{identity, show_error};

impl Ui {
    /// Tabs; every tab body runs on every rerun, only one is visible.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let [cat, dog] = ui.tabs(["Cat", "Dog"]);
    ///     cat.header("A cat");
    ///     dog.header("A dog");
    /// });
    /// at.run();
    /// assert_eq!(at.tab(1).header(0).text(), "A dog");
    /// ```
    pub fn tabs<S: TabSpec>(&self, labels: S) -> S::Output<Ui> {
        self.add(Tabs::new(labels))
    }
}

/// Tabs with options, as `st.tabs(.., default=..)`: `ui.add(Tabs::new(["A", "B"]).default("B"))`.
/// With [`OnChange`] (`.on_change(..)`, `.rerun_on_change()`) the selected tab is widget state
/// and the tabs come back as [`Panel`]s.
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::element::{BlockKind, Node};
/// let mut at = AppTest::new(|ui: &Ui| {
///     let [_, dog] = ui.add(Tabs::new(["Cat", "Dog"]).default("Dog"));
///     dog.write("shown first");
///     ui.add(Tabs::new(["A", "B"]).default("C")); // not a tab: an error, then the first tab
/// });
/// at.run();
/// let Node::Block(bar) = &at.tree().main.children[0] else { unreachable!() };
/// assert!(matches!(bar.kind, BlockKind::Tabs { default: 1, .. }));
/// assert!(at.exception(0).text().contains("\"C\""));
/// assert_eq!(at.tab(1).markdown(0).text(), "shown first");
/// ```
#[must_use = "tabs are drawn by `ui.add(..)`"]
pub struct Tabs<S: TabSpec, M = Static> {
    labels: S,
    default: Option<String>,
    key: Option<String>,
    mode: M,
}

impl<S: TabSpec> Tabs<S> {
    pub fn new(labels: S) -> Self {
        Tabs { labels, default: None, key: None, mode: Static }
    }
}

impl<S: TabSpec, M> Tabs<S, M> {
    /// The label of the tab shown first (the first tab by default).
    pub fn default(mut self, label: impl Into<String>) -> Self {
        self.default = Some(label.into());
        self
    }

    /// Names the tab bar: with `on_change`, the key is its identity and its session-state
    /// key, which holds the selected tab's label (set it to select a tab).
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// The labels and the index of the default tab; a default that is not a tab draws an
    /// error and gives the first tab.
    fn labels_and_default(&self, ui: &Ui) -> (Vec<String>, usize) {
        let labels = self.labels.labels();
        let default = match &self.default {
            None => 0,
            Some(wanted) => labels.iter().position(|label| label == wanted).unwrap_or_else(|| {
                ui.push_exception(
                    "StreamlitAPIException".into(),
                    format!("The default tab {wanted:?} is not one of the tabs: {labels:?}."),
                );
                0
            }),
        };
        (labels, default)
    }
}

impl<S: TabSpec, M> OnChange for Tabs<S, M> {
    type Stateful = Tabs<S, Stateful>;
    fn stateful(self, mode: Stateful) -> Tabs<S, Stateful> {
        Tabs { labels: self.labels, default: self.default, key: self.key, mode }
    }
}

/// Draws the tab bar with `selected` shown and returns the tab bodies.
fn draw(ui: &Ui, labels: Vec<String>, selected: usize, widget: Option<WidgetId>) -> Vec<Ui> {
    let count = labels.len();
    let children = labels.iter().map(|_| Node::Block(Block::new(BlockKind::Vertical))).collect();
    crate::layout::install_block!(tabs);
    let bar = ui.push_block(BlockKind::Tabs { labels, default: selected, widget }, children);
    (0..count).map(|i| bar.child(i)).collect()
}

impl<S: TabSpec> Command for Tabs<S> {
    type Output = S::Output<Ui>;
    fn show(self, ui: &Ui) -> S::Output<Ui> {
        let (labels, default) = self.labels_and_default(ui);
        S::output(draw(ui, labels, default, None))
    }
}

/// Stateful tabs ([`OnChange`]): the selected tab is widget state; the tabs come back as
/// [`Panel`]s whose `open` says which one is selected. A label set through session state that
/// is not a tab draws an error, and the default tab is shown.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let tabs = Tabs::new(["Cat", "Dog"]).key("pet").on_change(|ui: &Ui| {
///         ui.session_state().update_or("switches", 0, |n: &mut u32| *n += 1).map(|_| ())
///     });
///     let [cat, dog] = ui.add(tabs);
///     ui.write(format!("cat open: {}, dog open: {}", cat.open, dog.open));
/// });
/// at.run();
/// at.tabs(0).select("Dog").run();
/// assert_eq!(at.markdown(0).text(), "cat open: false, dog open: true");
/// assert_eq!(at.session_state().get::<String>("pet").unwrap(), "Dog");
/// assert_eq!(at.session_state().get::<u32>("switches").unwrap(), 1);
/// ```
impl<S: TabSpec> Command for Tabs<S, Stateful> {
    type Output = S::Output<Panel>;
    fn show(self, ui: &Ui) -> S::Output<Panel> {
        let (labels, default) = self.labels_and_default(ui);
        let first = labels.get(default).cloned().unwrap_or_default();
        let identity = identity(
            "tabs",
            self.key.as_deref(),
            |id| id.texts("labels", &labels).text("default", &first),
            |id| id.texts("labels", &labels),
        );
        let decoded = labels.clone();
        let known = labels.clone();
        let spec = OpenSpec {
            kind: "tabs",
            label: labels.join(", "),
            key: self.key,
            identity,
            default: WidgetValue::Text(first),
            decode: Rc::new(move |wire| match wire {
                WidgetValue::Text(label) if decoded.contains(label) => Some(label.clone()),
                _ => None,
            }),
            encode: Box::new(move |label: &String| {
                if known.contains(label) {
                    Ok(WidgetValue::Text(label.clone()))
                } else {
                    Err(format!("{label:?} is not one of the tabs {known:?}"))
                }
            }),
            explicit_default: self.default.is_some(),
        };
        let (selected, widget) = match register_open(ui, self.mode, spec) {
            Ok(registered) => {
                let index = labels.iter().position(|label| *label == registered.value).unwrap_or(default);
                (index, Some(registered.common.id))
            }
            Err(error) => {
                show_error(ui, error);
                (default, None)
            }
        };
        let tabs = draw(ui, labels, selected, widget);
        S::output(tabs.into_iter().enumerate().map(|(i, tab)| Panel::new(tab, i == selected)).collect())
    }
}

/// What [`Ui::tabs`] accepts: an array or a list of labels.
pub trait TabSpec {
    /// One `T` per tab: an array for an array of labels, else a `Vec`.
    type Output<T>;
    fn labels(&self) -> Vec<String>;
    fn output<T>(tabs: Vec<T>) -> Self::Output<T>;
}

impl<S: AsRef<str>, const N: usize> TabSpec for [S; N] {
    type Output<T> = [T; N];
    fn labels(&self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_string()).collect()
    }
    fn output<T>(tabs: Vec<T>) -> [T; N] {
        tabs.try_into().unwrap_or_else(|_| unreachable!("one handle per label"))
    }
}

impl<S: AsRef<str>> TabSpec for Vec<S> {
    type Output<T> = Vec<T>;
    fn labels(&self) -> Vec<String> {
        self.iter().map(|s| s.as_ref().to_string()).collect()
    }
    fn output<T>(tabs: Vec<T>) -> Vec<T> {
        tabs
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use crate::prelude::*;

    /// Three stateful tabs keyed "t"; each run writes which tabs are open, the lazy "C" body
    /// only while it is selected, and counts runs and callbacks.
    fn app(runs: Rc<Cell<u32>>, calls: Rc<Cell<u32>>) -> impl Fn(&Ui) -> Result {
        move |ui: &Ui| {
            runs.set(runs.get() + 1);
            let calls = calls.clone();
            if ui.button("Go to B") {
                ui.session_state().set("t", "B")?;
            }
            let tabs =
                ui.add(Tabs::new(vec!["A", "B", "C"]).key("t").on_change(move |_: &Ui| calls.set(calls.get() + 1)));
            let open: Vec<bool> = tabs.iter().map(|tab| tab.open).collect();
            ui.write(format!("open: {open:?}"));
            if tabs[2].open {
                tabs[2].write("lazy C");
            }
            Ok(())
        }
    }

    #[test]
    fn switching_reruns_calls_back_once_and_opens_only_the_selected_tab() {
        let (runs, calls) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
        let mut at = AppTest::new(app(runs.clone(), calls.clone()));
        at.run();
        assert_eq!(at.markdown(0).text(), "open: [true, false, false]");
        assert!(at.tab(2).get("markdown").is_empty(), "a closed tab's lazy body did not run");
        assert_eq!(at.tabs(0).selected(), "A");
        at.tabs(0).select("C").run();
        assert_eq!((runs.get(), calls.get()), (2, 1));
        assert_eq!(at.tab(2).markdown(0).text(), "lazy C");
        assert_eq!(at.markdown(1).text(), "open: [false, false, true]", "after the tab bar");
        assert_eq!(at.tabs(0).selected(), "C");
        assert_eq!(at.session_state().get::<String>("t").unwrap(), "C");
        at.run();
        assert_eq!(calls.get(), 1, "a rerun without a switch calls nothing");
        assert_eq!(at.tabs(0).selected(), "C", "the selection survives reruns");
    }

    #[test]
    fn the_script_selects_a_tab_through_session_state() {
        let (runs, calls) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
        let mut at = AppTest::new(app(runs, calls.clone()));
        at.run();
        at.button(0).click().run();
        assert_eq!(at.tabs(0).selected(), "B");
        assert_eq!(at.markdown(0).text(), "open: [false, true, false]");
        assert_eq!(calls.get(), 0, "a change made by the script is no viewer's change");
        assert_eq!(at.session_state().get::<String>("t").unwrap(), "B");
    }

    #[test]
    fn a_label_that_is_not_a_tab_is_an_error_and_the_first_tab_is_shown() {
        let mut at = AppTest::new(|ui: &Ui| -> Result {
            if ui.session_state().get_or_insert_with("first", || true)? {
                ui.session_state().set("first", false)?;
                ui.session_state().set("t", "Z")?;
            }
            let [a, b] = ui.add(Tabs::new(["A", "B"]).key("t").rerun_on_change());
            ui.write(format!("{} {}", a.open, b.open));
            Ok(())
        });
        at.run();
        assert!(at.exception(0).text().contains("\"Z\" is not one of the tabs"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "true false");
        assert_eq!(at.tabs(0).selected(), "A");
    }

    #[test]
    fn static_tabs_run_every_body_and_never_tell_the_app() {
        let mut at = AppTest::new(|ui: &Ui| {
            let [a, b] = ui.add(Tabs::new(["A", "B"]).key("t"));
            a.write("a");
            b.write("b");
        });
        at.run();
        assert_eq!(at.tab(1).markdown(0).text(), "b");
        assert!(!at.session_state().contains("t"));
        let switched = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            at.tabs(0).select("B");
        }));
        assert!(switched.is_err(), "switching static tabs is the browser's business");
    }

    #[test]
    fn stateful_tabs_in_a_form_are_an_error_and_drawn_static() {
        let mut at = AppTest::new(|ui: &Ui| {
            let form = ui.form("f");
            let [a, _] = form.add(Tabs::new(["A", "B"]).rerun_on_change());
            a.write(format!("open: {}", a.open));
            form.form_submit_button("Go");
        });
        at.run();
        assert!(at.exception(0).text().contains("in a form"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "open: true");
    }
}

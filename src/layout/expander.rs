//! `expander`: a collapsible section whose body always runs. With `on_change` whether it is
//! open is widget state (see [`Panel`]).

use super::panel::{bool_state, register_open, OnChange, Panel, Stateful, Static};
use crate::element::BlockKind;
use crate::ui::{Command, Ui};
use crate::widgets::{identity, show_error};

impl Ui {
    /// A collapsible section, collapsed at first. Its body always runs.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.expander("More").write("hidden until opened");
    /// });
    /// at.run();
    /// assert_eq!(at.expander(0).markdown(0).text(), "hidden until opened");
    /// ```
    pub fn expander(&self, label: impl Into<String>) -> Ui {
        self.add(Expander::new(label))
    }
}

/// A collapsible section: `ui.add(Expander::new("More").expanded(true))`.
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::element::{BlockKind, Node};
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Expander::new("Details").icon("🔍")).write("inside");
///     ui.add(Expander::new("Plain").icon("not an icon")).write("still drawn"); // an error above it
/// });
/// at.run();
/// let Node::Block(first) = &at.tree().main.children[0] else { unreachable!() };
/// assert!(matches!(&first.kind, BlockKind::Expander { icon: Some(icon), .. } if icon == "🔍"));
/// assert!(at.exception(0).text().contains("not a valid emoji or icon"));
/// assert_eq!(at.expander(1).markdown(0).text(), "still drawn");
/// ```
#[must_use = "an expander is drawn by `ui.add(..)`"]
pub struct Expander<M = Static> {
    label: String,
    expanded: bool,
    icon: Option<String>,
    key: Option<String>,
    mode: M,
}

impl Expander {
    pub fn new(label: impl Into<String>) -> Self {
        Expander { label: label.into(), expanded: false, icon: None, key: None, mode: Static }
    }
}

impl<M> Expander<M> {
    /// An icon before the label: one emoji or a Material icon (`":material/info:"`). A bad
    /// icon draws an error above the expander, which is drawn without one.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
    }

    /// Starts open.
    pub fn expanded(mut self, expanded: bool) -> Self {
        self.expanded = expanded;
        self
    }

    /// Names the expander: with `on_change`, the key is its identity and its session-state
    /// key, which holds whether it is open (set it to open or close it).
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// The icon if it is one; else an error drawn above the expander. Every expander is made
    /// after this call, which installs the page's expander renderer.
    fn checked_icon(&mut self, ui: &Ui) -> Option<String> {
        crate::layout::install_block!(expander);
        self.icon.take().filter(|icon| match crate::layout::check_icon(icon) {
            Ok(()) => true,
            Err(message) => {
                ui.push_exception("StreamlitAPIException".into(), message);
                false
            }
        })
    }
}

impl<M> OnChange for Expander<M> {
    type Stateful = Expander<Stateful>;
    fn stateful(self, mode: Stateful) -> Expander<Stateful> {
        let Expander { label, expanded, icon, key, .. } = self;
        Expander { label, expanded, icon, key, mode }
    }
}

impl Command for Expander {
    type Output = Ui;
    fn show(mut self, ui: &Ui) -> Ui {
        let icon = self.checked_icon(ui);
        ui.push_block(
            BlockKind::Expander { label: self.label, expanded: self.expanded, icon, widget: None },
            Vec::new(),
        )
    }
}

/// A stateful expander ([`OnChange`]): whether it is open is widget state (`expanded` is its
/// default); it comes back as a [`Panel`] whose `open` says whether it is open.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let more = ui.add(Expander::new("More").key("more").on_change(|ui: &Ui| {
///         ui.session_state().update_or("toggles", 0, |n: &mut u32| *n += 1).map(|_| ())
///     }));
///     if more.open {
///         more.write("loaded on opening");
///     }
/// });
/// at.run();
/// assert!(at.expander(0).get("markdown").is_empty());
/// at.expander(0).open().run();
/// assert_eq!(at.expander(0).markdown(0).text(), "loaded on opening");
/// assert!(at.session_state().get::<bool>("more").unwrap());
/// assert_eq!(at.session_state().get::<u32>("toggles").unwrap(), 1);
/// ```
impl Command for Expander<Stateful> {
    type Output = Panel;
    fn show(mut self, ui: &Ui) -> Panel {
        let icon = self.checked_icon(ui);
        let Expander { label, expanded, key, mode, .. } = self;
        let identity =
            identity("expander", key.as_deref(), |id| id.text("label", &label).flag("expanded", expanded), |id| id);
        let spec = bool_state("expander", label.clone(), key, identity, expanded, expanded);
        let (open, widget) = match register_open(ui, mode, spec) {
            Ok(registered) => (registered.value, Some(registered.common.id)),
            Err(error) => {
                show_error(ui, error);
                (expanded, None)
            }
        };
        Panel::new(ui.push_block(BlockKind::Expander { label, expanded: open, icon, widget }, Vec::new()), open)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;

    use crate::prelude::*;

    #[test]
    fn opening_and_closing_rerun_call_back_and_round_trip_through_session_state() {
        let calls = Rc::new(Cell::new(0));
        let counter = calls.clone();
        let mut at = AppTest::new(move |ui: &Ui| -> Result {
            if ui.button("Open it") {
                ui.session_state().set("more", true)?;
            }
            let counter = counter.clone();
            let more =
                ui.add(Expander::new("More").key("more").on_change(move |_: &Ui| counter.set(counter.get() + 1)));
            ui.write(format!("open: {}", more.open));
            Ok(())
        });
        at.run();
        assert!(!at.expander(0).is_open());
        assert_eq!(at.markdown(0).text(), "open: false");
        at.expander(0).open().run();
        assert_eq!((at.markdown(0).text(), calls.get()), ("open: true".into(), 1));
        assert!(at.expander(0).is_open());
        assert!(at.session_state().get::<bool>("more").unwrap());
        at.expander(0).close().run();
        assert_eq!((at.markdown(0).text(), calls.get()), ("open: false".into(), 2));
        at.button(0).click().run();
        assert_eq!((at.markdown(0).text(), calls.get()), ("open: true".into(), 2), "the script opened it");
        assert!(at.expander(0).is_open());
    }

    #[test]
    fn expanded_is_the_default_of_a_stateful_expander() {
        let mut at = AppTest::new(|ui: &Ui| {
            let open = ui.add(Expander::new("Open").expanded(true).rerun_on_change()).open;
            ui.write(format!("open: {open}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "open: true");
        at.expander(0).close().run();
        assert_eq!(at.markdown(0).text(), "open: false");
    }

    #[test]
    #[should_panic(expected = "has no on_change")]
    fn a_static_expander_cannot_be_opened_from_a_test() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.expander("Plain").write("body");
        });
        at.run();
        at.expander(0).open();
    }
}

//! `popover`: a button that opens a floating container; its body always runs. With
//! `on_change` whether it is open is widget state (see [`Panel`]).

use super::panel::{bool_state, register_open, OnChange, Panel, Stateful, Static};
use crate::element::BlockKind;
use crate::identity::WidgetId;
use crate::ui::{Command, Ui};
use crate::widgets::{identity, show_error};

impl Ui {
    /// A button that opens a floating container. Like an expander's, its body runs on every
    /// rerun whether it is open or not; options through [`Popover`].
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let settings = ui.popover("Settings");
    ///     let loud = settings.checkbox("Loud");
    ///     ui.write(format!("loud: {loud}"));
    /// });
    /// at.run();
    /// at.popover(0).checkbox(label("Loud")).check().run();
    /// assert_eq!(at.markdown(0).text(), "loud: true");
    /// ```
    pub fn popover(&self, label: impl Into<String>) -> Ui {
        self.add(Popover::new(label))
    }
}

/// A popover with options, as `st.popover(label, help=.., icon=.., disabled=.., key=..,
/// on_change=..)`; with [`OnChange`] whether it is open is widget state.
#[must_use = "a popover is drawn by `ui.add(..)`"]
pub struct Popover<M = Static> {
    label: String,
    icon: Option<String>,
    help: Option<String>,
    disabled: bool,
    key: Option<String>,
    mode: M,
}

impl Popover {
    pub fn new(label: impl Into<String>) -> Self {
        Popover { label: label.into(), icon: None, help: None, disabled: false, key: None, mode: Static }
    }
}

impl<M> Popover<M> {
    /// An icon on the button: one emoji or a Material icon (`":material/settings:"`). A bad
    /// icon draws an error above the popover, which is drawn without one.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
    }

    /// A tooltip on the button.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Greys the button out so it cannot be opened (the body still runs).
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }

    /// Names the popover: with `on_change`, the key is its identity and its session-state
    /// key, which holds whether it is open (set it to open or close it).
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// The block of this popover, its icon checked (a bad one draws an error above it).
    fn block(self, ui: &Ui, open: bool, widget: Option<WidgetId>) -> BlockKind {
        let Popover { label, icon, help, disabled, .. } = self;
        let icon = icon.filter(|icon| match crate::layout::check_icon(icon) {
            Ok(()) => true,
            Err(message) => {
                ui.push_exception("StreamlitAPIException".into(), message);
                false
            }
        });
        crate::layout::install_block!(popover);
        BlockKind::Popover { label, icon, help, disabled, open, widget }
    }
}

impl<M> OnChange for Popover<M> {
    type Stateful = Popover<Stateful>;
    fn stateful(self, mode: Stateful) -> Popover<Stateful> {
        let Popover { label, icon, help, disabled, key, .. } = self;
        Popover { label, icon, help, disabled, key, mode }
    }
}

impl Command for Popover {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        let kind = self.block(ui, false, None);
        ui.push_block(kind, Vec::new())
    }
}

/// A stateful popover ([`OnChange`]): closed at first; it comes back as a [`Panel`] whose
/// `open` says whether it is open.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let filters = ui.add(Popover::new("Filters").key("filters").rerun_on_change());
///     ui.write(format!("open: {}", filters.open));
/// });
/// at.run();
/// at.popover(0).open().run();
/// assert_eq!(at.markdown(0).text(), "open: true");
/// at.popover(0).close().run();
/// assert_eq!(at.markdown(0).text(), "open: false");
/// ```
impl Command for Popover<Stateful> {
    type Output = Panel;
    fn show(self, ui: &Ui) -> Panel {
        let Popover { label, icon, help, disabled, key, mode } = self;
        let identity = identity(
            "popover",
            key.as_deref(),
            |id| id.text("label", &label).opt_text("help", help.as_deref()),
            |id| id,
        );
        let spec = bool_state("popover", label.clone(), key, identity, false, false);
        let (open, widget) = match register_open(ui, mode, spec) {
            Ok(registered) => (registered.value, Some(registered.common.id)),
            Err(error) => {
                show_error(ui, error);
                (false, None)
            }
        };
        let kind = Popover { label, icon, help, disabled, key: None, mode: Static }.block(ui, open, widget);
        Panel::new(ui.push_block(kind, Vec::new()), open)
    }
}

#[cfg(test)]
mod tests {
    use crate::element::{BlockKind, Node};
    use crate::prelude::*;

    #[test]
    fn the_body_runs_closed_and_options_reach_the_block() {
        let mut at = AppTest::new(|ui: &Ui| {
            let pop = ui.add(Popover::new("Filters").icon(":material/tune:").help("Pick").disabled(true));
            pop.write("body");
            ui.add(Popover::new("Bad").icon("two words")).write("bad body");
            ui.write("after");
        });
        at.run();
        assert_eq!(at.popover(0).markdown(0).text(), "body");
        assert_eq!(at.popover(1).markdown(0).text(), "bad body");
        let Node::Block(first) = &at.tree().main.children[0] else { panic!("not a block") };
        assert_eq!(
            first.kind,
            BlockKind::Popover {
                label: "Filters".into(),
                icon: Some(":material/tune:".into()),
                help: Some("Pick".into()),
                disabled: true,
                open: false,
                widget: None
            }
        );
        assert!(at.exception(0).text().contains("\"two words\""));
        assert!(
            matches!(&at.tree().main.children[2], Node::Block(b) if matches!(&b.kind, BlockKind::Popover { icon: None, .. }))
        );
        assert_eq!(at.markdown(2).text(), "after");
    }

    #[test]
    fn a_stateful_popover_opens_closes_and_follows_session_state() {
        let mut at = AppTest::new(|ui: &Ui| -> Result {
            if ui.button("Close it") {
                ui.session_state().set("pop", false)?;
            }
            let calls = ui.session_state().get_or_insert_with("calls", || 0u32)?;
            let pop = ui.add(
                Popover::new("Filters")
                    .key("pop")
                    .on_change(|ui: &Ui| ui.session_state().update("calls", |n: &mut u32| *n += 1)),
            );
            if pop.open {
                pop.write("filters");
            }
            ui.write(format!("open: {}, calls: {calls}", pop.open));
            Ok(())
        });
        at.run();
        assert!(!at.popover(0).is_open());
        at.popover(0).open().run();
        assert!(at.popover(0).is_open());
        assert_eq!(at.popover(0).markdown(0).text(), "filters");
        assert_eq!(at.markdown(1).text(), "open: true, calls: 1");
        at.button(0).click().run();
        assert!(!at.popover(0).is_open());
        assert_eq!(at.markdown(0).text(), "open: false, calls: 1", "the script closed it, no callback");
        assert!(!at.session_state().get::<bool>("pop").unwrap());
    }
}

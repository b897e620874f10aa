//! `popover`: a button that opens a floating container; its body always runs.

use crate::element::BlockKind;
use crate::ui::{Command, Ui};

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

/// A popover with options, as `st.popover(label, help=.., icon=.., disabled=..)`.
#[must_use = "a popover is drawn by `ui.add(..)`"]
pub struct Popover {
    label: String,
    icon: Option<String>,
    help: Option<String>,
    disabled: bool,
}

impl Popover {
    pub fn new(label: impl Into<String>) -> Self {
        Popover { label: label.into(), icon: None, help: None, disabled: false }
    }

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
}

impl Command for Popover {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        let Popover { label, icon, help, disabled } = self;
        let icon = icon.filter(|icon| match crate::layout::check_icon(icon) {
            Ok(()) => true,
            Err(message) => {
                ui.push_exception("StreamlitAPIException".into(), message);
                false
            }
        });
        ui.push_block(BlockKind::Popover { label, icon, help, disabled }, Vec::new())
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
                disabled: true
            }
        );
        assert!(at.exception(0).text().contains("\"two words\""));
        assert!(
            matches!(&at.tree().main.children[2], Node::Block(b) if matches!(&b.kind, BlockKind::Popover { icon: None, .. }))
        );
        assert_eq!(at.markdown(2).text(), "after");
    }
}

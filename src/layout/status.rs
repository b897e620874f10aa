//! `status`: an expander-like box whose header shows whether the work inside is running,
//! complete or failed; the returned handle updates it in place.

use std::ops::Deref;

use crate::element::{BlockKind, StatusState};
use crate::ui::{Command, Ui};

impl Ui {
    /// A status box labelled `label`, running and collapsed at first. Write the steps of the
    /// work into the returned handle, then [`update`](StatusContainer::update) it.
    ///
    /// Rust has no `with` block, so the box does not turn complete on its own at the end of
    /// the work, as Streamlit's does when its `with` block ends: call `update` (or
    /// [`complete`](StatusContainer::complete)).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let status = ui.status("Downloading data...");
    ///     status.write("Searching for data...");
    ///     status.write("Found URL.");
    ///     status.update("Download complete!", StatusState::Complete, false);
    /// });
    /// at.run();
    /// assert_eq!(at.status_container(0).markdown(1).text(), "Found URL.");
    /// ```
    pub fn status(&self, label: impl Into<String>) -> StatusContainer {
        self.add(Status::new(label))
    }
}

/// A status box with options: `ui.add(Status::new("Working").expanded(true))`.
#[must_use = "a status box is drawn by `ui.add(..)`"]
pub struct Status {
    label: String,
    state: StatusState,
    expanded: bool,
}

impl Status {
    /// A running, collapsed status box labelled `label`.
    pub fn new(label: impl Into<String>) -> Self {
        Status { label: label.into(), state: StatusState::Running, expanded: false }
    }

    /// Starts open.
    pub fn expanded(mut self, expanded: bool) -> Self {
        self.expanded = expanded;
        self
    }

    /// The state shown at first (running by default).
    pub fn state(mut self, state: StatusState) -> Self {
        self.state = state;
        self
    }
}

impl Command for Status {
    type Output = StatusContainer;
    fn show(self, ui: &Ui) -> StatusContainer {
        let Status { label, state, expanded } = self;
        crate::layout::install_block!(status);
        let body = ui.push_block(BlockKind::Status { label, state, expanded }, Vec::new());
        let run = ui.runtime.borrow().run_id;
        StatusContainer { body, run }
    }
}

/// What [`Ui::status`] returns: a handle that draws into the box (it derefs to [`Ui`]) and
/// updates its header.
#[derive(Clone)]
pub struct StatusContainer {
    body: Ui,
    run: u64,
}

impl Deref for StatusContainer {
    type Target = Ui;
    fn deref(&self) -> &Ui {
        &self.body
    }
}

impl StatusContainer {
    /// The handle that draws into the box.
    pub fn ui(&self) -> &Ui {
        &self.body
    }

    /// Changes the box's label, state and whether it is open, in place (Streamlit's
    /// `status.update(label=, state=, expanded=)`). A handle kept past its run does nothing.
    pub fn update(&self, label: impl Into<String>, state: StatusState, expanded: bool) {
        let label = label.into();
        let mut runtime = self.body.runtime.borrow_mut();
        if runtime.run_id != self.run {
            return;
        }
        self.body.place().with_block(&mut runtime.tree, |block| {
            if let BlockKind::Status { .. } = block.kind {
                block.kind = BlockKind::Status { label, state, expanded };
            }
        });
    }

    /// Marks the box complete, keeping its label and openness (what Streamlit does when
    /// the `with` block ends).
    pub fn complete(&self) {
        let mut runtime = self.body.runtime.borrow_mut();
        if runtime.run_id != self.run {
            return;
        }
        self.body.place().with_block(&mut runtime.tree, |block| {
            if let BlockKind::Status { state, .. } = &mut block.kind {
                *state = StatusState::Complete;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::element::{BlockKind, StatusState};
    use crate::prelude::*;

    fn header(at: &AppTest, index: usize) -> (String, StatusState, bool) {
        let tree = at.tree();
        let found: Vec<_> = tree
            .main
            .blocks()
            .into_iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Status { label, state, expanded } => Some((label.clone(), *state, *expanded)),
                _ => None,
            })
            .collect();
        found[index].clone()
    }

    #[test]
    fn a_status_starts_running_and_collapsed_and_options_change_that() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.status("Working");
            ui.add(Status::new("Failed").state(StatusState::Error).expanded(true));
        });
        at.run();
        assert_eq!(header(&at, 0), ("Working".into(), StatusState::Running, false));
        assert_eq!(header(&at, 1), ("Failed".into(), StatusState::Error, true));
    }

    #[test]
    fn update_rewrites_the_same_box_and_keeps_its_body() {
        let mut at = AppTest::new(|ui: &Ui| {
            let status = ui.status("Downloading...");
            status.write("step 1");
            ui.write("below");
            status.write("step 2");
            status.update("Done", StatusState::Complete, true);
        });
        at.run();
        assert_eq!(header(&at, 0), ("Done".into(), StatusState::Complete, true));
        assert_eq!(at.status_container(0).get("markdown").len(), 2);
        assert_eq!(at.tree().main.blocks().len(), 1, "no second box");
    }

    #[test]
    fn complete_keeps_the_label_and_an_async_run_shows_running_first() {
        let mut at = AppTest::new_async(|ui: Ui| async move {
            let status = ui.add(Status::new("Crunching").expanded(true));
            ui.sleep(Duration::from_secs(1)).await;
            status.write("crunched");
            status.complete();
        });
        at.run_for(Duration::from_millis(500));
        assert_eq!(header(&at, 0), ("Crunching".into(), StatusState::Running, true));
        at.wait();
        assert_eq!(header(&at, 0), ("Crunching".into(), StatusState::Complete, true));
    }

    #[test]
    fn a_handle_kept_past_its_run_does_not_touch_the_next_run() {
        use std::cell::RefCell;
        use std::rc::Rc;
        let kept: Rc<RefCell<Option<StatusContainer>>> = Rc::default();
        let store = kept.clone();
        let mut at = AppTest::new(move |ui: &Ui| {
            let status = ui.status("Fresh");
            if let Some(old) = store.borrow_mut().replace(status) {
                old.update("Stale", StatusState::Error, true);
            }
        });
        at.run();
        at.run();
        assert_eq!(header(&at, 0), ("Fresh".into(), StatusState::Running, false));
    }
}

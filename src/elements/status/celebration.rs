//! What `balloons` and `snow` share: a short full-page animation, shown once per run that
//! calls it.

use serde::{Deserialize, Serialize};

use crate::element::DisplayProps;
use crate::ui::Ui;

/// A celebration: the page plays it once for the run that drew it (`run`), over everything,
/// and removes it after a few seconds. A rerun that calls it again plays it again; a patch
/// of the same run does not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CelebrationProps {
    /// The run that drew it.
    pub run: u64,
}

impl DisplayProps for CelebrationProps {
    fn text(&self) -> String {
        String::new()
    }
}

impl CelebrationProps {
    pub(crate) fn now(ui: &Ui) -> Self {
        CelebrationProps { run: ui.runtime.borrow().run_id }
    }
}

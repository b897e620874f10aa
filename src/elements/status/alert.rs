//! What the four alert boxes (`success`, `info`, `warning`, `error`) share.

use serde::{Deserialize, Serialize};

use crate::element::DisplayProps;

/// What the page shows for an alert box; its colour comes from its kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertProps {
    /// Markdown.
    pub body: String,
}

impl DisplayProps for AlertProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

//! `latex`: a display-mode equation, as `st.latex`, rendered to MathML in Rust
//! (feature `latex`).

use serde::{Deserialize, Serialize};

use crate::element::{make, DisplayProps};
use crate::ui::Ui;

/// What the page shows for an equation: its LaTeX source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatexProps {
    pub body: String,
}

impl DisplayProps for LatexProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl LatexProps {
    /// The equation as block MathML (see [`latex_to_mathml`](crate::markdown::latex_to_mathml)).
    pub fn mathml(&self) -> String {
        crate::markdown::latex_to_mathml(&self.body, true)
    }
}

impl Ui {
    /// An equation in LaTeX, drawn as a centred block of MathML. Inline math in Markdown is
    /// written `$..$` (and a block `$$..$$`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.latex(r"a + ar + ar^2 = \sum_{k=0}^{2} ar^k");
    /// });
    /// at.run();
    /// assert_eq!(at.latex(0).text(), r"a + ar + ar^2 = \sum_{k=0}^{2} ar^k");
    /// let Element::Latex(props) = at.latex(0).element().clone() else { unreachable!() };
    /// assert!(props.mathml().contains("<munderover>"));
    /// ```
    pub fn latex(&self, body: impl Into<String>) -> Ui {
        self.push_element(make::latex(LatexProps { body: body.into() }))
    }
}

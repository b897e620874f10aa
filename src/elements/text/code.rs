//! `code`: a block of code in a fixed-width font, with a copy button.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// What the page shows for a code block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CodeProps {
    pub body: String,
    /// The language, for highlighting (`"rust"`), if any.
    pub language: Option<String>,
    /// Numbers the lines in a gutter on the left.
    #[serde(default)]
    pub line_numbers: bool,
    /// Wraps long lines instead of scrolling sideways.
    #[serde(default)]
    pub wrap_lines: bool,
}

impl DisplayProps for CodeProps {
    fn text(&self) -> String {
        self.body.clone()
    }
}

impl Ui {
    /// A code block; `language` picks the highlighting (e.g. `"rust"`, or `""` for none).
    /// Line numbers and wrapping through [`Code`].
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.code("fn main() {}", "rust");
    /// });
    /// at.run();
    /// assert_eq!(at.code(0).text(), "fn main() {}");
    /// ```
    pub fn code(&self, body: impl Into<String>, language: &str) -> Ui {
        self.add(Code::new(body).language(language))
    }
}

/// A code block with options, as `st.code(.., line_numbers=True, wrap_lines=True)`.
///
/// The block has a copy button, as in Streamlit. Its language is none unless set (Streamlit's
/// default is Python).
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.add(Code::new("let x = 1;").language("rust").line_numbers(true).wrap_lines(true));
/// });
/// at.run();
/// let code = at.code(0);
/// let Element::Code(props) = code.element() else { unreachable!() };
/// assert!(props.line_numbers && props.wrap_lines);
/// assert_eq!(props.language.as_deref(), Some("rust"));
/// ```
#[must_use = "a code block is drawn by `ui.add(..)`"]
pub struct Code {
    body: String,
    language: Option<String>,
    line_numbers: bool,
    wrap_lines: bool,
}

impl Code {
    pub fn new(body: impl Into<String>) -> Self {
        Code { body: body.into(), language: None, line_numbers: false, wrap_lines: false }
    }

    /// The language, for highlighting (`""` for none).
    pub fn language(mut self, language: &str) -> Self {
        self.language = (!language.is_empty()).then(|| language.to_string());
        self
    }

    /// Numbers the lines in a gutter on the left.
    pub fn line_numbers(mut self, on: bool) -> Self {
        self.line_numbers = on;
        self
    }

    /// Wraps long lines instead of scrolling sideways.
    pub fn wrap_lines(mut self, on: bool) -> Self {
        self.wrap_lines = on;
        self
    }
}

impl Command for Code {
    type Output = Ui;
    fn show(self, ui: &Ui) -> Ui {
        let Code { body, language, line_numbers, wrap_lines } = self;
        #[cfg(target_arch = "wasm32")]
        if language.is_some() {
            crate::web::install_code_highlighter();
        }
        ui.push_element(make::code(CodeProps { body, language, line_numbers, wrap_lines }))
    }
}

/// The numbers of `body`'s lines, one a line, for the gutter (a final newline adds no line).
///
/// ```
/// assert_eq!(wasmlit::elements::text::code::line_numbers("a\nb\n"), "1\n2");
/// assert_eq!(wasmlit::elements::text::code::line_numbers(""), "1");
/// ```
pub fn line_numbers(body: &str) -> String {
    let lines = body.strip_suffix('\n').unwrap_or(body).split('\n').count();
    (1..=lines).map(|n| n.to_string()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn the_shortcut_has_no_options_and_an_empty_language_is_none() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.code("x", "");
            ui.add(Code::new("y").line_numbers(true));
        });
        at.run();
        let props = |i| match at.code(i).element() {
            Element::Code(p) => p.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!((props(0).language, props(0).line_numbers, props(0).wrap_lines), (None, false, false));
        assert_eq!((props(1).line_numbers, props(1).wrap_lines), (true, false));
    }

    #[test]
    fn line_numbers_count_lines_but_not_a_final_newline() {
        assert_eq!(super::line_numbers("one"), "1");
        assert_eq!(super::line_numbers("1\n2\n3"), "1\n2\n3");
        assert_eq!(super::line_numbers("a\n\n"), "1\n2");
    }
}

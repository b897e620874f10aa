//! `text_area`: multi-line text, committed on Ctrl+Enter or when focus leaves.

use serde::{Deserialize, Serialize};

use super::text_input::text_spec;
use super::{show, CommonOptions, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a text area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextAreaProps {
    pub common: WidgetCommon,
    pub value: String,
    pub height: Option<u32>,
    pub max_chars: Option<usize>,
    pub placeholder: Option<String>,
}

impl WidgetProps for TextAreaProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        WidgetValue::Text(self.value.clone())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        if let WidgetValue::Text(text) = value {
            self.value = text.clone();
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match value {
            TestValue::Text(text) => Ok(WidgetValue::Text(text)),
            other => Err(format!("a text area cannot take {other:?}")),
        }
    }
}

/// A multi-line text input.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let text = ui.text_area("Text to analyze");
///     ui.write(format!("You wrote {} characters.", text.chars().count()));
/// });
/// at.run();
/// at.text_area(0).input("It was the best of times").run();
/// assert_eq!(at.markdown(0).text(), "You wrote 24 characters.");
/// ```
pub struct TextArea {
    label: String,
    value: Option<String>,
    height: Option<u32>,
    max_chars: Option<usize>,
    placeholder: Option<String>,
    options: CommonOptions,
}

impl TextArea {
    pub fn new(label: impl Into<String>) -> Self {
        TextArea {
            label: label.into(),
            value: None,
            height: None,
            max_chars: None,
            placeholder: None,
            options: CommonOptions::default(),
        }
    }

    /// The text on first run.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// The height in pixels.
    pub fn height(mut self, pixels: u32) -> Self {
        self.height = Some(pixels);
        self
    }

    /// At most this many characters.
    pub fn max_chars(mut self, max: usize) -> Self {
        self.max_chars = Some(max);
        self
    }

    /// Grey text shown while the area is empty.
    pub fn placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.placeholder = Some(placeholder.into());
        self
    }
}

impl WidgetOptions for TextArea {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for TextArea {
    type Output = String;

    fn show(self, ui: &Ui) -> String {
        let TextArea { label, value, height, max_chars, placeholder, options } = self;
        show(
            ui,
            &label,
            &options,
            text_spec("text_area", &label, value.as_deref(), max_chars, placeholder.as_deref(), &options, |id| {
                id.number("height", height.map_or(-1.0, f64::from))
            }),
            || value.unwrap_or_default(),
            |registered| {
                let common = registered.common.clone();
                make::text_area(TextAreaProps {
                    common,
                    value: registered.value.clone(),
                    height,
                    max_chars,
                    placeholder,
                })
            },
        )
    }
}

impl Ui {
    /// A multi-line text input, empty at first.
    pub fn text_area(&self, label: impl Into<String>) -> String {
        self.add(TextArea::new(label))
    }
}

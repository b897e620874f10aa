//! `color_picker`: a colour as a hex string.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{api, identity, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a colour picker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColorPickerProps {
    /// Id, label, key, form, help, ...
    pub common: WidgetCommon,
    /// The colour as the script holds it: `#rrggbb` or `#rgb`.
    pub value: String,
}

impl WidgetProps for ColorPickerProps {
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
            // Sent as is, as a page would: the engine refuses what is not a hex colour.
            TestValue::Text(color) => Ok(WidgetValue::Text(color)),
            other => Err(format!("a color_picker cannot take {other:?}")),
        }
    }
}

/// Whether `color` is a hex colour as Streamlit accepts it: `#rgb` or `#rrggbb`.
pub fn is_hex_color(color: &str) -> bool {
    color.strip_prefix('#').is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `color` as the `#rrggbb` an `<input type="color">` takes (`#f0a` becomes `#ff00aa`), in lower case.
pub fn full_hex(color: &str) -> String {
    let hex = color.trim_start_matches('#').to_ascii_lowercase();
    if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).fold(String::from("#"), |mut out, c| {
            out.push(c);
            out
        })
    } else {
        format!("#{hex}")
    }
}

fn invalid(color: &str) -> String {
    format!("'{color}' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'.")
}

/// A colour picker; returns the colour as a hex string, `"#000000"` (black) at first.
///
/// Colours are `#rrggbb` or the short `#rgb`, as in Streamlit; the value comes back as it
/// was given, and as `#rrggbb` (lower case) once the user picks one. A default that is not
/// a hex colour is an error drawn in place of the widget (the call returns black and the
/// script goes on), and so is such a value set through session state.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let color = ui.add(ColorPicker::new("Pick A Color").value("#00f900"));
///     ui.write(format!("The current color is {color}"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "The current color is #00f900");
/// at.color_picker(0).set_value("#ff4b4b").run();
/// assert_eq!(at.markdown(0).text(), "The current color is #ff4b4b");
/// ```
#[must_use = "a color picker is drawn by `ui.add(..)`"]
pub struct ColorPicker {
    label: String,
    value: Option<String>,
    options: CommonOptions,
}

impl ColorPicker {
    /// A colour picker starting at black.
    pub fn new(label: impl Into<String>) -> Self {
        ColorPicker { label: label.into(), value: None, options: CommonOptions::default() }
    }

    /// The colour on first run: `#rrggbb` or `#rgb`.
    pub fn value(mut self, color: impl Into<String>) -> Self {
        self.value = Some(color.into());
        self
    }
}

impl WidgetOptions for ColorPicker {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl Command for ColorPicker {
    type Output = String;

    fn show(self, ui: &Ui) -> String {
        let ColorPicker { label, value, options } = self;
        let explicit_default = value.is_some();
        let default = value.unwrap_or_else(|| "#000000".into());
        if !is_hex_color(&default) {
            show_error(ui, api(invalid(&default)));
            return "#000000".into();
        }
        let spec = Spec {
            kind: "color_picker",
            identity: identity(
                "color_picker",
                options.key.as_deref(),
                |id| id.text("label", &label).text("value", &default).opt_text("help", options.help.as_deref()),
                // Nothing constrains a colour: with a key, the key alone is the identity.
                |id| id,
            ),
            default: WidgetValue::Text(default.clone()),
            decode: Rc::new(|wire| match wire {
                WidgetValue::Text(color) if is_hex_color(color) => Some(color.clone()),
                _ => None,
            }),
            encode: Box::new(|color: &String| {
                if is_hex_color(color) {
                    Ok(WidgetValue::Text(color.clone()))
                } else {
                    Err(invalid(color))
                }
            }),
            explicit_default,
        };
        let fallback = default.clone();
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || fallback,
            |registered| {
                make::color_picker(ColorPickerProps {
                    common: registered.common.clone(),
                    value: registered.value.clone(),
                })
            },
        )
    }
}

impl Ui {
    /// A colour picker; returns the colour as `#rrggbb` (black at first).
    pub fn color_picker(&self, label: impl Into<String>) -> String {
        self.add(ColorPicker::new(label))
    }
}

#[cfg(test)]
mod tests {
    use super::{full_hex, is_hex_color};
    use crate::prelude::*;
    use crate::Element;

    #[test]
    fn hex_colours_are_checked_and_expanded() {
        assert!(is_hex_color("#000") && is_hex_color("#00FFaa"));
        assert!(!is_hex_color("000000") && !is_hex_color("#12345") && !is_hex_color("#ggg") && !is_hex_color("red"));
        assert_eq!(full_hex("#F0a"), "#ff00aa");
        assert_eq!(full_hex("#00FFAA"), "#00ffaa");
    }

    #[test]
    fn black_at_first_then_what_the_user_picks() {
        let mut at = AppTest::new(|ui: &Ui| {
            let color = ui.color_picker("Accent");
            ui.write(color);
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "#000000");
        at.color_picker(0).set_value("#ff4b4b").run();
        assert_eq!(at.markdown(0).text(), "#ff4b4b");
        assert_eq!(at.color_picker(0).value::<String>(), "#ff4b4b");
    }

    #[test]
    fn a_bad_default_is_an_error_element_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let color = ui.add(ColorPicker::new("Accent").value("tomato"));
            ui.write(format!("got {color}"));
        });
        at.run();
        assert_eq!(
            at.exception(0).text(),
            "StreamlitAPIException: 'tomato' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'."
        );
        assert!(at.get("color_picker").is_empty());
        assert_eq!(at.markdown(0).text(), "got #000000");
    }

    #[test]
    fn a_bad_session_state_value_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Good") {
                ui.session_state().set("accent", "#abc".to_string())?;
            }
            if ui.button("Bad") {
                ui.session_state().set("accent", "#abcd".to_string())?;
            }
            let color = ui.add(ColorPicker::new("Accent").key("accent"));
            ui.write(color);
            Ok::<_, Error>(())
        });
        at.run();
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), "#abc", "a short colour comes back as given");
        at.button(1).click().run();
        assert!(at.exception(0).text().contains("'#abcd' is not a valid hex code"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "#000000");
    }

    #[test]
    fn a_bad_colour_from_the_page_is_refused_and_the_value_stays() {
        let mut at = AppTest::new(|ui: &Ui| {
            let color = ui.add(ColorPicker::new("Accent").value("#123456"));
            ui.write(color);
        });
        at.run();
        at.color_picker(0).set_value("#abcdef").run();
        at.color_picker(0).set_value("blue").run();
        assert_eq!(at.markdown(0).text(), "#abcdef");
        let Element::ColorPicker(props) = at.color_picker(0).element().clone() else { panic!("not a color picker") };
        assert_eq!(props.value, "#abcdef");
    }
}

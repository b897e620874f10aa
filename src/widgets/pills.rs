//! `pills`: a row of toggle buttons, one choice or many. Also the shared core of
//! [`segmented_control`](super::segmented_control), which is the same widget drawn as a
//! joined button group.

use std::fmt::Display;
use std::marker::PhantomData;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{api, display_format, identity, option_index, show, show_error, CommonOptions, Spec, WidgetOptions};
use crate::app_test::TestValue;
use crate::element::make;
use crate::element::{Element, WidgetCommon, WidgetProps, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for pills and segmented controls.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ButtonGroupProps {
    /// Id, label, key, form, help, ...
    pub common: WidgetCommon,
    /// The options as shown (through the format function).
    pub options: Vec<String>,
    /// The indices of the selected options, in the options' order (at most one unless `multi`).
    pub indices: Vec<usize>,
    /// `selection_mode="multi"`: any number of options can be selected.
    pub multi: bool,
}

impl WidgetProps for ButtonGroupProps {
    fn common(&self) -> &WidgetCommon {
        &self.common
    }
    fn value(&self) -> WidgetValue {
        wire(self.multi, self.indices.clone())
    }
    fn set_value(&mut self, value: &WidgetValue) {
        match (self.multi, value) {
            (true, WidgetValue::Indices(indices)) => self.indices = indices.clone(),
            (false, WidgetValue::Index(index)) => self.indices = index.iter().copied().collect(),
            _ => {}
        }
    }
    fn test_value(&self, value: TestValue) -> Result<WidgetValue, String> {
        match (self.multi, value) {
            (false, TestValue::Text(option)) => Ok(WidgetValue::Index(Some(option_index(&self.options, &option)?))),
            (true, TestValue::Texts(options)) => Ok(WidgetValue::Indices(
                options.iter().map(|o| option_index(&self.options, o)).collect::<Result<_, _>>()?,
            )),
            (multi, other) => {
                let mode = if multi { "multi" } else { "single" };
                Err(format!("{mode}-selection pills or segmented control cannot take {other:?}"))
            }
        }
    }
    fn options(&self) -> Option<&[String]> {
        Some(&self.options)
    }
}

/// The wire value: `Index` for single selection, `Indices` for multi.
fn wire(multi: bool, indices: Vec<usize>) -> WidgetValue {
    if multi {
        WidgetValue::Indices(indices)
    } else {
        WidgetValue::Index(indices.first().copied())
    }
}

/// Selection mode `"single"`: one option or none; the widget returns `Option<T>`.
pub struct Single;
/// Selection mode `"multi"`: any number of options; the widget returns `Vec<T>`.
pub struct Multi;

/// Pills' and segmented controls' `selection_mode`, as a type: [`Single`] or [`Multi`].
pub trait SelectionMode: 'static {
    /// What the script gets: `Option<T>` or `Vec<T>`.
    type Output<T: Clone + 'static>: Clone + 'static;
    /// Whether this is `"multi"`.
    const MULTI: bool;
    #[doc(hidden)]
    fn pick<T: Clone + 'static>(values: &[T], wire: &WidgetValue) -> Option<Self::Output<T>>;
    #[doc(hidden)]
    fn values<T: Clone + 'static>(value: &Self::Output<T>) -> Vec<T>;
}

impl SelectionMode for Single {
    type Output<T: Clone + 'static> = Option<T>;
    const MULTI: bool = false;
    fn pick<T: Clone + 'static>(values: &[T], wire: &WidgetValue) -> Option<Option<T>> {
        match wire {
            WidgetValue::Index(None) => Some(None),
            WidgetValue::Index(Some(i)) => values.get(*i).cloned().map(Some),
            _ => None,
        }
    }
    fn values<T: Clone + 'static>(value: &Option<T>) -> Vec<T> {
        value.iter().cloned().collect()
    }
}

impl SelectionMode for Multi {
    type Output<T: Clone + 'static> = Vec<T>;
    const MULTI: bool = true;
    fn pick<T: Clone + 'static>(values: &[T], wire: &WidgetValue) -> Option<Vec<T>> {
        let WidgetValue::Indices(indices) = wire else { return None };
        let mut sorted = indices.clone();
        sorted.sort_unstable();
        sorted.dedup();
        sorted.iter().map(|&i| values.get(i).cloned()).collect()
    }
    fn values<T: Clone + 'static>(value: &Vec<T>) -> Vec<T> {
        value.clone()
    }
}

/// The indices of `chosen` among `values`, in the options' order, or why not.
fn indices_of<T: PartialEq>(values: &[T], labels: &[String], chosen: &[T]) -> Result<Vec<usize>, String> {
    let mut indices = chosen
        .iter()
        .map(|c| values.iter().position(|v| v == c))
        .collect::<Option<Vec<usize>>>()
        .ok_or_else(|| format!("a value is not one of the options {labels:?}"))?;
    indices.sort_unstable();
    indices.dedup();
    Ok(indices)
}

/// What pills and segmented controls share: everything but their look.
pub(crate) struct ButtonGroup<T> {
    pub label: String,
    pub values: Vec<T>,
    pub format: Rc<dyn Fn(&T) -> String>,
    pub default: Option<Vec<T>>,
    pub options: CommonOptions,
}

impl<T: Clone + PartialEq + 'static> ButtonGroup<T> {
    pub fn new(label: String, values: Vec<T>, format: Rc<dyn Fn(&T) -> String>) -> Self {
        ButtonGroup { label, values, format, default: None, options: CommonOptions::default() }
    }

    /// Draws the group as `kind` (`"pills"`, `"segmented_control"`) through `element`.
    pub fn show<M: SelectionMode>(
        self,
        ui: &Ui,
        kind: &'static str,
        element: fn(ButtonGroupProps) -> Element,
    ) -> M::Output<T> {
        let ButtonGroup { label, values, format, default, options } = self;
        let nothing = || M::pick::<T>(&[], &wire(M::MULTI, Vec::new())).expect("an empty selection is valid");
        if values.is_empty() {
            show_error(ui, api(format!("The options argument to st.{kind} must contain at least one option.")));
            return nothing();
        }
        let explicit_default = default.is_some();
        let labels: Vec<String> = values.iter().map(|v| format(v)).collect();
        let default = match indices_of(&values, &labels, default.as_deref().unwrap_or_default()) {
            Ok(indices) => indices,
            Err(message) => {
                show_error(ui, api(format!("The default of the {kind} \"{label}\" is invalid: {message}.")));
                return nothing();
            }
        };
        let values = Rc::new(values);
        let decode_values = values.clone();
        let encode_values = values.clone();
        let encode_labels = labels.clone();
        let mode = if M::MULTI { "multi" } else { "single" };
        let spec = Spec {
            kind,
            identity: identity(
                kind,
                options.key.as_deref(),
                |id| {
                    id.text("label", &label)
                        .texts("options", &labels)
                        .numbers("default", &default.iter().map(|&i| i as f64).collect::<Vec<_>>())
                        .text("selection_mode", mode)
                        .opt_text("help", options.help.as_deref())
                },
                // Streamlit: with a key, `selection_mode` still enters the identity; so do the
                // options here, as for every choice widget (an index means nothing without them).
                |id| id.texts("options", &labels).text("selection_mode", mode),
            ),
            default: wire(M::MULTI, default.clone()),
            decode: Rc::new(move |wire| M::pick(&decode_values, wire)),
            encode: Box::new(move |value: &M::Output<T>| {
                indices_of(&encode_values, &encode_labels, &M::values(value)).map(|indices| wire(M::MULTI, indices))
            }),
            explicit_default,
        };
        let fallback = M::pick(&values, &wire(M::MULTI, default));
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || fallback.unwrap_or_else(nothing),
            |registered| {
                let mut indices = match &registered.wire {
                    WidgetValue::Index(index) => index.iter().copied().collect(),
                    WidgetValue::Indices(indices) => indices.clone(),
                    _ => Vec::new(),
                };
                indices.sort_unstable();
                indices.dedup();
                element(ButtonGroupProps {
                    common: registered.common.clone(),
                    options: labels,
                    indices,
                    multi: M::MULTI,
                })
            },
        )
    }
}

/// A row of pill-shaped toggle buttons: Streamlit's `st.pills`.
///
/// The selection mode is a type, so the return type follows it: `Pills::new` selects one
/// option or none and returns `Option<T>` (`None` until the user picks one; clicking the
/// selected pill again clears it); `.multi()` selects any number and returns `Vec<T>`, in the
/// options' order. A default that is not one of the options, or no options at all, is an
/// error drawn in place of the widget; the call then returns nothing selected and the script
/// goes on.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let tags = ui.add(Pills::new("Tags", ["bug", "feature", "docs"]).multi().default(["docs"]));
///     ui.write(format!("{tags:?}"));
///     let view = ui.pills("View", ["Day", "Week"]);
///     ui.write(format!("{view:?}"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), r#"["docs"]"#);
/// assert_eq!(at.markdown(1).text(), "None");
/// at.pills(0).select("bug").run();
/// at.pills(1).select("Week").run();
/// assert_eq!(at.markdown(0).text(), r#"["bug", "docs"]"#);
/// assert_eq!(at.markdown(1).text(), r#"Some("Week")"#);
/// ```
#[must_use = "pills are drawn by `ui.add(..)`"]
pub struct Pills<T, M: SelectionMode = Single> {
    group: ButtonGroup<T>,
    mode: PhantomData<M>,
}

impl<T: Clone + PartialEq + Display + 'static> Pills<T> {
    /// Pills for `options`, shown through `Display`; one can be selected, none at first.
    pub fn new(label: impl Into<String>, options: impl IntoIterator<Item = T>) -> Self {
        Pills::with_format_func(label, options, display_format::<T>)
    }
}

impl<T: Clone + PartialEq + 'static> Pills<T> {
    /// Options shown through `format` instead of `Display`.
    pub fn with_format_func(
        label: impl Into<String>,
        options: impl IntoIterator<Item = T>,
        format: impl Fn(&T) -> String + 'static,
    ) -> Self {
        Pills {
            group: ButtonGroup::new(label.into(), options.into_iter().collect(), Rc::new(format)),
            mode: PhantomData,
        }
    }

    /// The option selected on first run.
    pub fn default(mut self, value: T) -> Self {
        self.group.default = Some(vec![value]);
        self
    }

    /// `selection_mode="multi"`: any number of options; the widget returns `Vec<T>`.
    pub fn multi(self) -> Pills<T, Multi> {
        Pills { group: self.group, mode: PhantomData }
    }
}

impl<T: Clone + PartialEq + 'static> Pills<T, Multi> {
    /// The options selected on first run.
    pub fn default(mut self, values: impl IntoIterator<Item = T>) -> Self {
        self.group.default = Some(values.into_iter().collect());
        self
    }
}

impl<T, M: SelectionMode> WidgetOptions for Pills<T, M> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.group.options
    }
}

impl<T: Clone + PartialEq + 'static, M: SelectionMode> Command for Pills<T, M> {
    type Output = M::Output<T>;

    fn show(self, ui: &Ui) -> M::Output<T> {
        self.group.show::<M>(ui, "pills", make::pills)
    }
}

impl Ui {
    /// Pills for `options`; returns the selected one (`None` until the user picks one).
    pub fn pills<T>(&self, label: impl Into<String>, options: impl IntoIterator<Item = T>) -> Option<T>
    where
        T: Clone + PartialEq + Display + 'static,
    {
        self.add(Pills::new(label, options))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;
    use crate::Element;

    fn indices(at: &mut AppTest) -> Vec<usize> {
        match at.pills(0).element() {
            Element::Pills(p) => p.indices.clone(),
            other => panic!("not pills: {other:?}"),
        }
    }

    #[test]
    fn single_pills_select_one_and_clear_it_again() {
        let mut at = AppTest::new(|ui: &Ui| {
            let view = ui.add(Pills::new("View", ["Day", "Week", "Month"]).default("Week"));
            ui.write(format!("{view:?}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), r#"Some("Week")"#);
        assert_eq!(indices(&mut at), [1]);
        at.pills(0).select("Month").run();
        assert_eq!(at.markdown(0).text(), r#"Some("Month")"#);
        at.pills(0).unselect("Month").run();
        assert_eq!(at.markdown(0).text(), "None");
        assert!(indices(&mut at).is_empty());
    }

    #[test]
    fn multi_pills_return_the_selection_in_the_options_order() {
        let mut at = AppTest::new(|ui: &Ui| {
            let tags = ui.add(Pills::new("Tags", ["bug", "feature", "docs"]).multi());
            ui.write(format!("{tags:?}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "[]");
        at.pills(0).select("docs").select("bug").run();
        assert_eq!(at.markdown(0).text(), r#"["bug", "docs"]"#);
        at.pills(0).unselect("bug").run();
        assert_eq!(at.markdown(0).text(), r#"["docs"]"#);
        at.pills(0).set_value(vec!["feature", "bug"]).run();
        assert_eq!(at.markdown(0).text(), r#"["bug", "feature"]"#);
    }

    #[test]
    fn a_bad_default_or_no_options_is_an_error_element_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let one = ui.add(Pills::new("One", ["a", "b"]).default("z"));
            let many = ui.add(Pills::new("Many", ["a", "b"]).multi().default(["a", "q"]));
            let none = ui.pills("None", Vec::<&str>::new());
            ui.write(format!("{one:?} {many:?} {none:?}"));
        });
        at.run();
        let errors: Vec<String> = at.get("exception").iter().map(|e| e.text()).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("The default of the pills \"One\" is invalid"), "{errors:?}");
        assert!(errors[2].contains("must contain at least one option"), "{errors:?}");
        assert_eq!(at.markdown(0).text(), "None [] None");
    }

    #[test]
    fn session_state_sets_pills_and_a_bad_value_is_an_error_element() {
        let mut at = AppTest::new(|ui: &Ui| {
            if ui.button("Set") {
                ui.session_state().set("tags", vec!["docs", "bug"])?;
            }
            if ui.button("Bad") {
                ui.session_state().set("tags", vec!["nope"])?;
            }
            let tags = ui.add(Pills::new("Tags", ["bug", "feature", "docs"]).multi().key("tags"));
            ui.write(format!("{tags:?}"));
            Ok::<_, Error>(())
        });
        at.run();
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), r#"["bug", "docs"]"#);
        at.button(1).click().run();
        assert!(at.exception(0).text().contains("not one of the options"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "[]");
    }

    #[test]
    fn with_a_key_the_selection_mode_still_resets_the_widget() {
        let mut at = AppTest::new(|ui: &Ui| {
            let label = if ui.checkbox("Rename") { "Renamed" } else { "Tags" };
            let pills = Pills::new(label, ["a", "b", "c"]).key("tags");
            if ui.checkbox("Multi") {
                let tags = ui.add(pills.multi());
                ui.write(format!("{tags:?}"));
            } else {
                let tag = ui.add(pills);
                ui.write(format!("{tag:?}"));
            }
        });
        at.run();
        at.pills(0).select("b").run();
        at.checkbox(0).check().run();
        assert_eq!(at.markdown(0).text(), r#"Some("b")"#, "a new label keeps a keyed value");
        at.checkbox(1).check().run();
        assert_eq!(at.markdown(0).text(), "[]", "a new selection mode resets it");
    }

    #[test]
    fn the_page_cannot_send_an_index_outside_the_options() {
        let mut at = AppTest::new(|ui: &Ui| {
            let view = ui.add(Pills::new("View", ["Day", "Week"]).default("Day"));
            ui.write(format!("{view:?}"));
        });
        at.run();
        at.pills(0).select_index(5).run();
        assert_eq!(at.markdown(0).text(), r#"Some("Day")"#);
    }

    #[test]
    fn in_a_form_picks_wait_for_the_submit_and_build_on_each_other() {
        let mut at = AppTest::new(|ui: &Ui| {
            let form = ui.form("f");
            let tags = form.add(Pills::new("Tags", ["a", "b", "c"]).multi());
            let one = form.add(SegmentedControl::new("One", ["x", "y"]));
            form.form_submit_button("Save");
            ui.write(format!("{tags:?} {one:?}"));
        });
        at.run();
        at.pills(0).select("c");
        at.pills(0).select("a");
        at.segmented_control(0).select("y");
        at.run();
        assert_eq!(at.markdown(0).text(), "[] None", "held by the form");
        at.button(0).click().run();
        assert_eq!(at.markdown(0).text(), r#"["a", "c"] Some("y")"#);
    }
}

//! `radio`: one choice out of a few, all visible.

use std::fmt::Display;
use std::marker::PhantomData;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{
    display_format, identity, show, show_error, Choices, CommonOptions, Optional, Presence, Required, Spec,
    WidgetOptions,
};
use crate::element::make;
use crate::element::{WidgetCommon, WidgetValue};
use crate::ui::{Command, Ui};

/// What the page shows for a radio group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RadioProps {
    pub common: WidgetCommon,
    pub options: Vec<String>,
    pub index: Option<usize>,
    pub horizontal: bool,
    /// One caption per option, shown under it; empty for none.
    pub captions: Vec<String>,
    /// Made by `.no_default()`: it may have nothing chosen.
    pub optional: bool,
}

super::single_choice_props!(RadioProps, "radio");

/// A radio group. Options are any values; the chosen value is returned.
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let house = ui.radio("Sorting hat", ["Gryffindor", "Ravenclaw", "Hufflepuff", "Slytherin"]);
///     ui.write(format!("You are in {house} house!"));
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "You are in Gryffindor house!");
/// at.radio(0).select("Slytherin").run();
/// assert_eq!(at.markdown(0).text(), "You are in Slytherin house!");
/// ```
///
/// `.captions(..)` puts one line of text under each option (as many captions as options, or
/// an error is drawn in place of the radio and the call returns the default option):
///
/// ```
/// use wasmlit::prelude::*;
/// let mut at = AppTest::new(|ui: &Ui| {
///     let genre = ui.add(
///         Radio::new("What's your favorite movie genre", ["Comedy", "Drama", "Documentary"])
///             .captions(["Laugh out loud.", "Get the popcorn.", "Never stop learning."]),
///     );
///     ui.write(genre);
/// });
/// at.run();
/// let Element::Radio(radio) = at.radio(0).element().clone() else { unreachable!() };
/// assert_eq!(radio.captions[1], "Get the popcorn.");
/// ```
pub struct Radio<T, P: Presence = Required> {
    label: String,
    values: Vec<T>,
    format: Rc<dyn Fn(&T) -> String>,
    index: Option<usize>,
    horizontal: bool,
    captions: Option<Vec<String>>,
    options: CommonOptions,
    presence: PhantomData<P>,
}

impl<T: Clone + PartialEq + Default + Display + 'static> Radio<T> {
    pub fn new(label: impl Into<String>, options: impl IntoIterator<Item = T>) -> Self {
        Radio::with_format_func(label, options, display_format::<T>)
    }
}

impl<T: Clone + PartialEq + Default + 'static> Radio<T> {
    /// Options shown through `format` instead of `Display`.
    pub fn with_format_func(
        label: impl Into<String>,
        options: impl IntoIterator<Item = T>,
        format: impl Fn(&T) -> String + 'static,
    ) -> Self {
        Radio {
            label: label.into(),
            values: options.into_iter().collect(),
            format: Rc::new(format),
            index: None,
            horizontal: false,
            captions: None,
            options: CommonOptions::default(),
            presence: PhantomData,
        }
    }

    /// Starts with no option chosen (Streamlit's `index=None`) and returns `Option<T>`.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let house = ui.add(Radio::new("Sorting hat", ["Gryffindor", "Slytherin"]).no_default());
    ///     ui.write(format!("{house:?}"));
    /// });
    /// at.run();
    /// assert_eq!(at.markdown(0).text(), "None");
    /// at.radio(0).select("Slytherin").run();
    /// assert_eq!(at.markdown(0).text(), "Some(\"Slytherin\")");
    /// ```
    pub fn no_default(self) -> Radio<T, Optional> {
        Radio {
            label: self.label,
            values: self.values,
            format: self.format,
            index: None,
            horizontal: self.horizontal,
            captions: self.captions,
            options: self.options,
            presence: PhantomData,
        }
    }
}

impl<T: Clone + PartialEq + Default + 'static, P: Presence> Radio<T, P> {
    /// The option chosen on first run.
    pub fn index(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }

    /// Lays the options out in a row.
    pub fn horizontal(mut self, horizontal: bool) -> Self {
        self.horizontal = horizontal;
        self
    }

    /// One caption per option, shown under it in smaller, muted text.
    pub fn captions<S: Into<String>>(mut self, captions: impl IntoIterator<Item = S>) -> Self {
        self.captions = Some(captions.into_iter().map(Into::into).collect());
        self
    }
}

impl<T, P: Presence> WidgetOptions for Radio<T, P> {
    fn options_mut(&mut self) -> &mut CommonOptions {
        &mut self.options
    }
}

impl<T: Clone + PartialEq + Default + 'static, P: Presence> Command for Radio<T, P> {
    type Output = P::Output<T>;

    fn show(self, ui: &Ui) -> P::Output<T> {
        let Radio { label, values, format, index, horizontal, captions, options, .. } = self;
        let explicit_default = index.is_some();
        // A required radio starts at the first option; an optional one at none.
        let chosen = if P::OPTIONAL { index } else { Some(index.unwrap_or(0)) };
        let choices = Choices::new(values, &*format);
        if choices.values.is_empty() {
            ui.warning(format!("The radio \"{label}\" has no options to choose from."));
            return choices.pick::<P>(None);
        }
        if let Some(index) = chosen.filter(|&i| i >= choices.values.len()) {
            show_error(
                ui,
                super::api(format!(
                    "Radio index must be between 0 and length of options ({}), got {index}.",
                    choices.values.len()
                )),
            );
            return choices.pick::<P>(Some(0).filter(|_| !P::OPTIONAL));
        }
        if let Some(captions) = captions.as_ref().filter(|c| c.len() != choices.values.len()) {
            show_error(
                ui,
                super::api(format!(
                    "The radio \"{label}\" has {} captions for {} options: pass one caption per option.",
                    captions.len(),
                    choices.values.len()
                )),
            );
            return choices.pick::<P>(chosen);
        }
        let spec = Spec {
            kind: "radio",
            identity: identity(
                "radio",
                options.key.as_deref(),
                |id| {
                    let id = id
                        .text("label", &label)
                        .texts("options", &choices.labels)
                        .number("index", chosen.map_or(f64::NAN, |i| i as f64))
                        .opt_text("help", options.help.as_deref())
                        .flag("horizontal", horizontal);
                    // Only a radio with captions hashes them: the ids of radios without stay as they were.
                    let id = match &captions {
                        Some(captions) => id.texts("captions", captions),
                        None => id,
                    };
                    // Only an optional radio says so: the ids of the others stay as they were.
                    if P::OPTIONAL {
                        id.flag("optional", true)
                    } else {
                        id
                    }
                },
                |id| {
                    let id = id.texts("options", &choices.labels);
                    if P::OPTIONAL {
                        id.flag("optional", true)
                    } else {
                        id
                    }
                },
            ),
            default: WidgetValue::Index(chosen),
            decode: choices.decode_presence::<P>(),
            encode: choices.encode_presence::<P>(),
            explicit_default,
        };
        show(
            ui,
            &label,
            &options,
            Ok(spec),
            || choices.pick::<P>(chosen),
            |registered| {
                let index = match registered.wire {
                    WidgetValue::Index(index) => index,
                    _ => chosen,
                };
                let common = registered.common.clone();
                let captions = captions.unwrap_or_default();
                make::radio(RadioProps {
                    common,
                    options: choices.labels.clone(),
                    index,
                    horizontal,
                    captions,
                    optional: P::OPTIONAL,
                })
            },
        )
    }
}

impl Ui {
    /// A radio group; returns the chosen option (the first at first).
    pub fn radio<T>(&self, label: impl Into<String>, options: impl IntoIterator<Item = T>) -> T
    where
        T: Clone + PartialEq + Default + Display + 'static,
    {
        self.add(Radio::new(label, options))
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;
    use crate::Element;

    #[test]
    fn captions_go_to_the_page_one_per_option() {
        let mut at = AppTest::new(|ui: &Ui| {
            let size = ui.add(Radio::new("Size", ["S", "M"]).captions(["small", "medium"]));
            ui.write(size);
        });
        at.run();
        let Element::Radio(radio) = at.radio(0).element().clone() else { panic!("not a radio") };
        assert_eq!(radio.captions, ["small", "medium"]);
        at.radio(0).select("M").run();
        assert_eq!(at.markdown(0).text(), "M");
    }

    #[test]
    fn captions_that_do_not_match_the_options_are_an_error_element_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            let size = ui.add(Radio::new("Size", ["S", "M", "L"]).index(1).captions(["small"]));
            ui.write(size);
        });
        at.run();
        assert!(at.exception(0).text().contains("has 1 captions for 3 options"), "{}", at.exception(0).text());
        assert!(at.get("radio").is_empty());
        assert_eq!(at.markdown(0).text(), "M", "the default option");
    }

    #[test]
    fn a_radio_without_captions_keeps_the_identity_it_had_and_captions_change_it() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.radio("Size", ["S", "M"]);
            ui.add(Radio::new("Size", ["S", "M"]).captions(["small", "medium"]));
        });
        at.run();
        assert!(at.get("exception").is_empty(), "captions tell two radios apart");
        let expected = crate::identity::Identity::new("radio")
            .text("label", "Size")
            .texts("options", &["S".to_string(), "M".to_string()])
            .number("index", 0.0)
            .opt_text("help", None)
            .flag("horizontal", false)
            .opt_text("form", None)
            .text("page", "")
            .finish();
        assert_eq!(at.radio(0).element().widget().map(|c| c.id), Some(expected));
    }

    #[test]
    fn no_default_starts_with_nothing_chosen_and_app_test_can_clear_it() {
        let mut at = AppTest::new(|ui: &Ui| {
            let size = ui.add(Radio::new("Size", ["S", "M"]).no_default().captions(["small", "medium"]));
            ui.write(format!("{size:?}"));
        });
        at.run();
        assert_eq!(at.markdown(0).text(), "None");
        let Element::Radio(radio) = at.radio(0).element().clone() else { panic!("not a radio") };
        assert_eq!((radio.index, radio.optional), (None, true));
        at.radio(0).select("M").run();
        assert_eq!(at.markdown(0).text(), "Some(\"M\")");
        at.radio(0).set_value(None::<&str>).run();
        assert_eq!(at.markdown(0).text(), "None");
    }

    #[test]
    fn an_optional_radio_with_a_bad_index_is_an_error_element_and_returns_none() {
        let mut at = AppTest::new(|ui: &Ui| {
            let size = ui.add(Radio::new("Size", ["S", "M"]).no_default().index(2));
            ui.write(format!("{size:?}"));
        });
        at.run();
        assert!(at.exception(0).text().contains("got 2"), "{}", at.exception(0).text());
        assert_eq!(at.markdown(0).text(), "None");
    }
}

//! `json`: any `Serialize` value, or a JSON string, as a collapsible tree.

use serde::{Deserialize, Serialize};
use serde_json::Value as JsonValue;

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::{Command, Ui};

/// What the page shows for `json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonProps {
    /// The value, keys in the order they were written.
    pub body: JsonValue,
    /// Which objects and arrays start open.
    pub expanded: JsonExpanded,
}

impl DisplayProps for JsonProps {
    /// The value as compact JSON.
    fn text(&self) -> String {
        self.body.to_string()
    }
}

/// Which objects and arrays of a [`Json`] tree start open (Streamlit's `expanded`: a bool or
/// a depth). `.expanded(true)`, `.expanded(false)` and `.expanded(2)` all work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JsonExpanded {
    /// Every node open (the default).
    All,
    /// The nodes less than this deep: 0 closes everything, 1 opens the root only.
    Depth(u32),
}

impl JsonExpanded {
    /// Whether a node `depth` deep (the root is 0) starts open.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// assert!(JsonExpanded::All.opens(7));
    /// assert!(JsonExpanded::Depth(1).opens(0) && !JsonExpanded::Depth(1).opens(1));
    /// assert_eq!(JsonExpanded::from(false), JsonExpanded::Depth(0));
    /// ```
    pub fn opens(self, depth: u32) -> bool {
        match self {
            JsonExpanded::All => true,
            JsonExpanded::Depth(limit) => depth < limit,
        }
    }
}

impl From<bool> for JsonExpanded {
    fn from(expanded: bool) -> Self {
        if expanded {
            JsonExpanded::All
        } else {
            JsonExpanded::Depth(0)
        }
    }
}

impl From<u32> for JsonExpanded {
    fn from(depth: u32) -> Self {
        JsonExpanded::Depth(depth)
    }
}

/// A JSON viewer: objects and arrays open and close on a click, values show as text.
///
/// The body is any `Serialize` value (a struct's fields keep their order). As in Streamlit,
/// a value that serializes to a *string* is taken as serialized JSON and parsed; an invalid
/// one, or a value JSON cannot hold (a map with non-string keys), is an error drawn in its
/// place and the script goes on.
///
/// ```
/// use wasmlit::prelude::*;
/// #[derive(serde::Serialize)]
/// struct Person { name: &'static str, tags: Vec<&'static str> }
/// let mut at = AppTest::new(|ui: &Ui| {
///     ui.json(&Person { name: "Ada", tags: vec!["math"] });
///     ui.add(Json::new(r#"{"a": [1, 2.5, null]}"#).expanded(1));
///     ui.json("{\"a\": tru}");
/// });
/// at.run();
/// assert_eq!(at.json(0).text(), r#"{"name":"Ada","tags":["math"]}"#);
/// assert_eq!(at.json(1).text(), r#"{"a":[1,2.5,null]}"#);
/// assert_eq!(at.exception(0).text(), "StreamlitAPIException: The JSON string is not valid: expected ident at line 1 column 10.");
/// ```
#[must_use = "a JSON viewer is drawn by `ui.add(..)`"]
pub struct Json {
    body: Result<JsonValue, String>,
    expanded: JsonExpanded,
}

impl Json {
    /// A JSON viewer of `body`, every node open.
    pub fn new<T: Serialize + ?Sized>(body: &T) -> Self {
        let body = serde_json::to_value(body).map_err(|error| format!("The value cannot be shown as JSON: {error}."));
        Json { body, expanded: JsonExpanded::All }
    }

    /// Which nodes start open: `true` (all), `false` (none) or a depth (`1`: the root only).
    pub fn expanded(mut self, expanded: impl Into<JsonExpanded>) -> Self {
        self.expanded = expanded.into();
        self
    }
}

/// The value to show: a string is parsed as JSON, as Streamlit does.
fn parse_body(body: JsonValue) -> Result<JsonValue, String> {
    match body {
        JsonValue::String(text) => {
            serde_json::from_str(&text).map_err(|error| format!("The JSON string is not valid: {error}."))
        }
        other => Ok(other),
    }
}

impl Command for Json {
    type Output = Ui;

    fn show(self, ui: &Ui) -> Ui {
        match self.body.and_then(parse_body) {
            Ok(body) => ui.push_element(make::json(JsonProps { body, expanded: self.expanded })),
            Err(message) => ui.push_exception("StreamlitAPIException".into(), message),
        }
    }
}

impl Ui {
    /// A JSON viewer of any `Serialize` value (a string is parsed as JSON), every node open.
    pub fn json<T: Serialize + ?Sized>(&self, body: &T) -> Ui {
        self.add(Json::new(body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;
    use std::collections::HashMap;

    fn props(at: &AppTest, index: usize) -> JsonProps {
        match at.get("json")[index].clone() {
            Element::Json(props) => props,
            other => panic!("not json: {other:?}"),
        }
    }

    #[test]
    fn struct_fields_keep_their_order_and_strings_are_parsed() {
        #[derive(Serialize)]
        struct Row {
            zeta: i32,
            alpha: Vec<Option<f64>>,
        }
        let mut at = AppTest::new(|ui: &Ui| {
            ui.json(&Row { zeta: 1, alpha: vec![Some(0.5), None] });
            ui.json(r#"{"b": 1, "a": {"c": true}}"#);
            ui.json(&serde_json::json!(["x", 2]));
        });
        at.run();
        assert_eq!(at.json(0).text(), r#"{"zeta":1,"alpha":[0.5,null]}"#);
        assert_eq!(at.json(1).text(), r#"{"b":1,"a":{"c":true}}"#);
        assert_eq!(at.json(2).text(), r#"["x",2]"#);
        assert!(at.get("exception").is_empty());
    }

    #[test]
    fn bad_bodies_are_error_elements_naming_the_position_and_the_app_goes_on() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.json("{\n  \"a\": 1,\n}");
            let mut bad = HashMap::new();
            bad.insert(vec![1], 2);
            ui.json(&bad);
            ui.write("still running");
        });
        at.run();
        assert_eq!(
            at.exception(0).text(),
            "StreamlitAPIException: The JSON string is not valid: trailing comma at line 3 column 1."
        );
        assert!(
            at.exception(1).text().contains("cannot be shown as JSON: key must be a string"),
            "{}",
            at.exception(1).text()
        );
        assert!(at.get("json").is_empty());
        assert_eq!(at.markdown(0).text(), "still running");
    }

    #[test]
    fn expanded_is_a_bool_or_a_depth() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.json(&[1]);
            ui.add(Json::new(&[1]).expanded(false));
            ui.add(Json::new(&[1]).expanded(2));
        });
        at.run();
        let expanded: Vec<JsonExpanded> = (0..3).map(|i| props(&at, i).expanded).collect();
        assert_eq!(expanded, [JsonExpanded::All, JsonExpanded::Depth(0), JsonExpanded::Depth(2)]);
        assert!(!JsonExpanded::Depth(2).opens(2) && JsonExpanded::Depth(2).opens(1));
    }

    #[test]
    fn markup_stays_text() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.json(&serde_json::json!({"<b>": "<script>alert(1)</script>"}));
        });
        at.run();
        assert_eq!(props(&at, 0).body["<b>"], "<script>alert(1)</script>");
    }
}

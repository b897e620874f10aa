//! `query_params`: Streamlit's `st.query_params`, a map-like view of the address bar's query
//! string, and widgets bound to it (`bind="query-params"`, Streamlit 1.55).
//!
//! Keys and values are text; a key may repeat (`?a=1&a=2`): [`QueryParams::get`] gives the
//! last value, [`QueryParams::get_all`] all of them. In the browser every change is written
//! back to the address bar with `history.replaceState` after the run.
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! fn app(ui: &Ui) -> Result {
//!     let params = ui.query_params();
//!     let name = params.get("name").unwrap_or_else(|| "stranger".into());
//!     ui.write(format!("Hello {name}"));
//!     params.set("seen", "yes")?;
//!     Ok(())
//! }
//! let mut at = AppTest::new(app);
//! at.set_query_string("?name=Ada%20L");
//! at.run();
//! assert_eq!(at.markdown(0).text(), "Hello Ada L");
//! assert_eq!(at.query_string(), "name=Ada+L&seen=yes");
//! ```
//!
//! A widget with a key binds to the parameter of that name with
//! [`WidgetOptions::bind`](crate::widgets::WidgetOptions::bind): the URL value is its start
//! value on its first run (a value it refuses is ignored, with a console message), its value
//! is written to the URL (removed when it equals the default), and the script cannot set or
//! remove that parameter (use session state).
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! let mut at = AppTest::new(|ui: &Ui| {
//!     let n = ui.add(Slider::new("N", 0..=10).key("n").bind(Bind::QueryParams));
//!     ui.write(format!("n = {n}"));
//! });
//! at.set_query_string("n=7");
//! at.run();
//! assert_eq!(at.markdown(0).text(), "n = 7");
//! at.slider(0).set_value(3).run();
//! assert_eq!(at.query_string(), "n=3");
//! at.slider(0).set_value(0).run(); // the default: the parameter goes
//! assert_eq!(at.query_string(), "");
//! ```

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use crate::app_test::TestValue;
use crate::element::{Element, WidgetValue};
use crate::identity::WidgetId;
use crate::runtime::Runtime;
use crate::ui::Ui;

/// How a widget's value is tied to something outside the script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bind {
    /// Streamlit's `bind="query-params"`: the value lives in `?<key>=<value>`.
    QueryParams,
}

/// Keys Streamlit reserves for itself; the script may not write them.
const RESERVED: [&str; 2] = ["embed", "embed_options"];

/// The query string the session holds, and which keys widgets own.
#[derive(Default)]
pub(crate) struct QueryStore {
    /// The parameters in address-bar order.
    pairs: Vec<(String, String)>,
    /// Keys bound to a widget: key → the widget.
    bound: BTreeMap<String, WidgetId>,
    /// Messages for the browser console (the URL's bad parts), drained by the page.
    notes: Vec<String>,
}

impl QueryStore {
    /// Replaces the parameters with those of `query` (with or without its `?`).
    pub(crate) fn load(&mut self, query: &str) {
        let (pairs, notes) = parse(query);
        self.pairs = pairs;
        self.notes.extend(notes);
    }

    /// The parameters as a query string without `?` (`a=1&b=x+y`), as the address bar shows them.
    pub(crate) fn to_query_string(&self) -> String {
        self.pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
    }

    fn values(&self, key: &str) -> Vec<String> {
        self.pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect()
    }

    /// Puts `values` under `key`, where the key first was (or at the end).
    fn put(&mut self, key: &str, values: Vec<String>) {
        let at = self.pairs.iter().position(|(k, _)| k == key).unwrap_or(self.pairs.len());
        self.pairs.retain(|(k, _)| k != key);
        let at = at.min(self.pairs.len());
        let new = values.into_iter().map(|v| (key.to_string(), v));
        self.pairs.splice(at..at, new);
    }

    /// Empties the query string (a page switch); widget bindings stay.
    pub(crate) fn clear(&mut self) {
        self.pairs.clear();
    }

    /// Forgets bindings whose widget is gone (cleaned up at the end of a run) and their parameters.
    pub(crate) fn drop_stale(
        &mut self,
        widgets: &std::collections::HashMap<WidgetId, crate::session_state::WidgetRecord>,
    ) {
        let stale: Vec<String> =
            self.bound.iter().filter(|(_, id)| !widgets.contains_key(id)).map(|(k, _)| k.clone()).collect();
        for key in stale {
            self.bound.remove(&key);
            self.pairs.retain(|(k, _)| *k != key);
        }
    }

    pub(crate) fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }
}

/// Why a query-param write was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryParamsError {
    /// The key is bound to a widget: set the widget's value through session state.
    Bound { key: String },
    /// `embed` and `embed_options` are reserved, as in Streamlit.
    Reserved { key: String },
}

impl fmt::Display for QueryParamsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryParamsError::Bound { key } => write!(
                f,
                "The query parameter \"{key}\" is bound to a widget and cannot be set or removed through \
                 st.query_params; set st.session_state[\"{key}\"] instead."
            ),
            QueryParamsError::Reserved { key } => {
                write!(f, "The query parameter \"{key}\" is reserved and cannot be set through st.query_params.")
            }
        }
    }
}

impl std::error::Error for QueryParamsError {}

/// The handle [`Ui::query_params`] returns: every call reads or writes the live query string.
#[derive(Clone)]
pub struct QueryParams {
    runtime: Rc<RefCell<Runtime>>,
}

impl QueryParams {
    pub(crate) fn new(runtime: Rc<RefCell<Runtime>>) -> Self {
        QueryParams { runtime }
    }

    /// The last value under `key`, as Streamlit's `st.query_params[key]`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.runtime.borrow().query.values(key).pop()
    }

    /// Every value under `key`, in order (`?a=1&a=2` gives `["1", "2"]`).
    pub fn get_all(&self, key: &str) -> Vec<String> {
        self.runtime.borrow().query.values(key)
    }

    /// Whether `key` is in the query string.
    pub fn contains(&self, key: &str) -> bool {
        self.runtime.borrow().query.pairs.iter().any(|(k, _)| k == key)
    }

    /// The keys, in order, each once.
    pub fn keys(&self) -> Vec<String> {
        let runtime = self.runtime.borrow();
        let mut keys: Vec<String> = Vec::new();
        for (k, _) in &runtime.query.pairs {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
        keys
    }

    /// Every `(key, value)` pair, repeated keys included, in order.
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.runtime.borrow().query.pairs.clone()
    }

    /// The last value of each key (Streamlit's `to_dict`).
    pub fn to_map(&self) -> BTreeMap<String, String> {
        self.runtime.borrow().query.pairs.iter().cloned().collect()
    }

    /// The query string without `?`, encoded as in the address bar.
    pub fn to_query_string(&self) -> String {
        self.runtime.borrow().query.to_query_string()
    }

    fn writable(&self, key: &str) -> Result<(), QueryParamsError> {
        if RESERVED.contains(&key) {
            return Err(QueryParamsError::Reserved { key: key.to_string() });
        }
        if self.runtime.borrow().query.bound.contains_key(key) {
            return Err(QueryParamsError::Bound { key: key.to_string() });
        }
        Ok(())
    }

    /// Sets `key` to one value (any `Display` value is stored as its text, as Streamlit
    /// stores `str(value)`), replacing what was there.
    pub fn set(&self, key: &str, value: impl fmt::Display) -> Result<(), QueryParamsError> {
        self.set_all(key, [value])
    }

    /// Sets `key` to several values: a repeated key (`?a=1&a=2`). An empty list removes it.
    pub fn set_all<V: fmt::Display>(
        &self,
        key: &str,
        values: impl IntoIterator<Item = V>,
    ) -> Result<(), QueryParamsError> {
        self.writable(key)?;
        let values = values.into_iter().map(|v| v.to_string()).collect();
        self.runtime.borrow_mut().query.put(key, values);
        Ok(())
    }

    /// Removes `key`; returns whether it was there.
    pub fn remove(&self, key: &str) -> Result<bool, QueryParamsError> {
        self.writable(key)?;
        let mut runtime = self.runtime.borrow_mut();
        let before = runtime.query.pairs.len();
        runtime.query.pairs.retain(|(k, _)| k != key);
        Ok(runtime.query.pairs.len() != before)
    }

    /// Removes every parameter not bound to a widget.
    pub fn clear(&self) {
        let mut runtime = self.runtime.borrow_mut();
        let query = &mut runtime.query;
        let bound = &query.bound;
        query.pairs.retain(|(k, _)| bound.contains_key(k));
    }

    /// Replaces every parameter not bound to a widget with `pairs` (Streamlit's `from_dict`).
    /// Bound and reserved keys in `pairs` are refused, and nothing changes.
    pub fn replace_with<K: AsRef<str>, V: fmt::Display>(
        &self,
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<(), QueryParamsError> {
        let pairs: Vec<(String, String)> =
            pairs.into_iter().map(|(k, v)| (k.as_ref().to_string(), v.to_string())).collect();
        for (key, _) in &pairs {
            self.writable(key)?;
        }
        self.clear();
        self.runtime.borrow_mut().query.pairs.extend(pairs);
        Ok(())
    }
}

impl Ui {
    /// The address bar's query parameters (Streamlit's `st.query_params`); see
    /// [`QueryParams`](crate::query_params::QueryParams).
    pub fn query_params(&self) -> QueryParams {
        QueryParams::new(self.runtime.clone())
    }
}

/// Binds a widget just registered to its query parameter: on the widget's first run a URL
/// value it accepts becomes its value (`element` and the stored value follow); then its value
/// is written to the URL, or removed when it is the default. Returns the wire value now held.
pub(crate) fn bind_widget(
    ui: &Ui,
    key: &str,
    id: WidgetId,
    first_seen: bool,
    element: &mut Element,
) -> Option<WidgetValue> {
    let mut runtime = ui.runtime.borrow_mut();
    let runtime = &mut *runtime;
    let kind = element.kind();
    let label = element.text();
    let mut taken = None;
    let url = runtime.query.values(key);
    if first_seen && !url.is_empty() {
        let accepted = element.widget_props().and_then(|props| {
            let test = test_value(&props.value(), &url)?;
            let wire = props.test_value(test).ok()?;
            let record = runtime.store.widgets.get(&id)?;
            (record.decode)(&wire).map(|_| wire)
        });
        match accepted {
            Some(wire) => {
                if let Some(record) = runtime.store.widgets.get_mut(&id) {
                    record.value = wire.clone();
                }
                element.set_widget_value(&wire);
                taken = Some(wire);
            }
            None => runtime.query.notes.push(format!(
                "wasmlit: ignored the query parameter {key}={} : the {kind} \"{label}\" cannot hold it.",
                url.join(",")
            )),
        }
    }
    let (value, default, options) = match (element.widget_props(), runtime.store.widgets.get(&id)) {
        (Some(props), Some(record)) => (props.value(), record.default.clone(), props.options().map(<[String]>::to_vec)),
        _ => return taken,
    };
    let values = if value == default { Vec::new() } else { url_values(&value, options.as_deref()) };
    runtime.query.put(key, values);
    runtime.query.bound.insert(key.to_string(), id);
    taken
}

/// The URL's values for a widget holding wire values shaped like `shape`, as `AppTest` would
/// set them; `None` if they cannot fit (two values for a checkbox, a word for a number).
fn test_value(shape: &WidgetValue, url: &[String]) -> Option<TestValue> {
    let one = || match url {
        [value] => Some(value.as_str()),
        _ => None,
    };
    Some(match shape {
        WidgetValue::Bool(_) => TestValue::Bool(match one()? {
            "true" | "True" => true,
            "false" | "False" => false,
            _ => return None,
        }),
        WidgetValue::Number(_) | WidgetValue::NoNumber => match one()? {
            "" => TestValue::Empty,
            text => TestValue::Number(text.trim().parse().ok().filter(|x: &f64| x.is_finite())?),
        },
        WidgetValue::NumberPair(..) => match url {
            [low, high] => TestValue::Pair(low.trim().parse().ok()?, high.trim().parse().ok()?),
            _ => return None,
        },
        WidgetValue::Text(_) | WidgetValue::Index(_) => match url {
            [value] if value.is_empty() => TestValue::Empty,
            [value] => TestValue::Text(value.clone()),
            values => TestValue::Texts(values.to_vec()),
        },
        WidgetValue::Indices(_) | WidgetValue::Texts(_) => {
            TestValue::Texts(url.iter().filter(|v| !v.is_empty()).cloned().collect())
        }
        _ => return None,
    })
}

/// A wire value as the URL's values: options by their text, numbers without a needless `.0`.
fn url_values(value: &WidgetValue, options: Option<&[String]>) -> Vec<String> {
    let option = |i: &usize| options.and_then(|o| o.get(*i)).cloned().unwrap_or_else(|| i.to_string());
    match value {
        WidgetValue::Bool(b) => vec![b.to_string()],
        WidgetValue::Number(x) => vec![number(*x)],
        WidgetValue::NumberPair(a, b) => vec![number(*a), number(*b)],
        WidgetValue::NoNumber | WidgetValue::Index(None) => vec![String::new()],
        WidgetValue::Text(text) => vec![text.clone()],
        WidgetValue::Index(Some(i)) => vec![option(i)],
        WidgetValue::Indices(indices) if indices.is_empty() => vec![String::new()],
        WidgetValue::Indices(indices) => indices.iter().map(option).collect(),
        WidgetValue::Texts(texts) if texts.is_empty() => vec![String::new()],
        WidgetValue::Texts(texts) => texts.clone(),
        _ => Vec::new(),
    }
}

fn number(x: f64) -> String {
    format!("{x}")
}

/// Whether a widget holding `default` may bind to a query parameter: not a press, a
/// submission, files or a data editor's edits (Streamlit refuses the trigger-like widgets).
pub(crate) fn bindable(default: &WidgetValue) -> bool {
    matches!(
        default,
        WidgetValue::Bool(_)
            | WidgetValue::Number(_)
            | WidgetValue::NoNumber
            | WidgetValue::NumberPair(..)
            | WidgetValue::Text(_)
            | WidgetValue::Index(_)
            | WidgetValue::Indices(_)
            | WidgetValue::Texts(_)
    )
}

/// Parses a query string (`?a=1&b=x+y`, the `?` optional) as `application/x-www-form-urlencoded`.
/// Bad parts (a `%` not followed by two hex digits, bytes that are not UTF-8) are kept as well
/// as can be and reported in the returned notes, never refused.
///
/// ```
/// use wasmlit::query_params::parse;
/// let (pairs, notes) = parse("?a=1&a=2&name=Ada+L%C3%B6&flag&bad=%zz");
/// assert_eq!(pairs, [("a", "1"), ("a", "2"), ("name", "Ada Lö"), ("flag", ""), ("bad", "%zz")]
///     .map(|(k, v)| (k.to_string(), v.to_string())));
/// assert_eq!(notes.len(), 1);
/// ```
pub fn parse(query: &str) -> (Vec<(String, String)>, Vec<String>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut notes = Vec::new();
    let mut pairs = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let key = decode(key, &mut notes);
        if key.is_empty() {
            notes.push(format!("wasmlit: ignored the query string part \"{part}\": it has no key."));
            continue;
        }
        pairs.push((key, decode(value, &mut notes)));
    }
    (pairs, notes)
}

fn decode(text: &str, notes: &mut Vec<String>) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut malformed = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                // Two hex digits exactly (`from_str_radix` alone would take a sign: `%+1`).
                let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                match hex.and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => {
                        malformed = true;
                        out.push(b'%');
                    }
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    let decoded = String::from_utf8(out).unwrap_or_else(|e| {
        malformed = true;
        String::from_utf8_lossy(e.as_bytes()).into_owned()
    });
    if malformed {
        notes.push(format!("wasmlit: the query string part \"{text}\" is not well encoded; read as \"{decoded}\"."));
    }
    decoded
}

/// Encodes a key or value for a query string: unreserved characters stay, a space is `+`,
/// everything else `%XX` (UTF-8).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips() {
        for text in ["a b", "ü/€?&=+", "", "plain-._~"] {
            let (pairs, notes) = parse(&format!("k={}", encode(text)));
            assert_eq!(pairs, [("k".to_string(), text.to_string())]);
            assert!(notes.is_empty());
        }
    }

    #[test]
    fn malformed_parts_are_kept_and_reported() {
        let (pairs, notes) = parse("a=%E2%82&=x&b=%4");
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[1], ("b".to_string(), "%4".to_string()));
        assert_eq!(notes.len(), 3, "{notes:?}");
        let (pairs, notes) = parse("a=%+1&b=%-1");
        assert_eq!(pairs[0].1, "% 1", "a sign is not a hex digit: `%` stays, `+` is a space");
        assert_eq!(pairs[1].1, "%-1");
        assert_eq!(notes.len(), 2, "{notes:?}");
    }
}

//! Session state that survives a page reload — beyond Streamlit, where a reload is a new
//! session.
//!
//! Two mechanisms, both opt-in and both driven by the web layer (`wasmlit::web::persistence`,
//! linked with the crate's `persist` feature; without it the values live in memory only and
//! the page warns once that the app persists but was built without the feature):
//!
//! - **Persisted keys.** [`SessionState::persisted`] declares a key persisted, with its
//!   serde type. After each run the web layer writes the keys whose value changed to
//!   IndexedDB ([`changes`]); before the first run of the next page load it hands them back
//!   ([`seed_key`]) and the declaration restores the value.
//! - **Other tabs.** Tabs of one app share the stored keys. When another tab writes a key,
//!   the web layer hands the new bytes to [`adopt`]: the session takes them unless its own
//!   user changed the key since it was last stored (then its own write, made after its run,
//!   is the newer one and wins). "Reset session" in another tab makes the session forget
//!   every persisted value ([`drop_persisted`]), so it cannot write the old state back.
//! - **Development reloads.** In debug builds the web layer keeps a [`Snapshot`] of the
//!   session in `sessionStorage` after each run — user keys of common types, persisted keys
//!   and every widget's value by id — and applies it when `trunk serve` reloads the page,
//!   so the app reruns where the user was. Widget values are *seeds*: a widget takes its
//!   seed the first time it is drawn, after a value set through session state and before
//!   its default.
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::storage::StoragePort;
//!
//! fn app(ui: &Ui) -> Result {
//!     let notes: Vec<String> = ui.session_state().persisted("notes", Vec::new)?;
//!     if ui.button("Add") {
//!         ui.session_state().update("notes", |n: &mut Vec<String>| n.push("hi".into()))?;
//!     }
//!     ui.write(format!("{} notes", notes.len()));
//!     Ok(())
//! }
//! let mut at = AppTest::new(app);
//! at.run();
//! at.button(0).click().run();
//! // What the web layer writes after the run:
//! let changes = StoragePort::new(at.session_state()).take_writes().session;
//! let (key, Some(bytes)) = changes[0].clone() else { panic!() };
//!
//! // The next page load: a new session, seeded before its first run.
//! let mut reloaded = AppTest::new(app);
//! StoragePort::new(reloaded.session_state()).seed_key(&key, bytes);
//! reloaded.run();
//! assert_eq!(reloaded.markdown(0).text(), "1 notes");
//! ```

use std::any::Any;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::element::WidgetValue;
use crate::identity::WidgetId;
use crate::session_state::{SessionState, StateError, Value};

type Encode = Rc<dyn Fn(&Value) -> Option<Vec<u8>>>;
type Decode = Rc<dyn Fn(&[u8]) -> Option<Value>>;

/// How a persisted key's value turns into bytes and back.
#[derive(Clone)]
struct Codec {
    encode: Encode,
    decode: Decode,
}

/// What a session restores and persists; one per session (a field of the state store).
#[derive(Default)]
pub(crate) struct Restored {
    /// Widget values to start from, by id, taken on a widget's first appearance.
    widgets: HashMap<WidgetId, WidgetValue>,
    /// Stored bytes of persisted keys, taken when the key is declared.
    keys: BTreeMap<String, Vec<u8>>,
    /// Keys declared persisted, with their codecs.
    declared: BTreeMap<String, Codec>,
    /// What storage holds for each persisted key (so unchanged keys are not rewritten).
    written: BTreeMap<String, Vec<u8>>,
    /// Stored values that could not be read, to tell the user about.
    warnings: Vec<String>,
}

impl Restored {
    /// The seed of a widget drawn for the first time.
    pub(crate) fn take_widget(&mut self, id: WidgetId) -> Option<WidgetValue> {
        if self.widgets.is_empty() {
            return None;
        }
        self.widgets.remove(&id)
    }
}

impl SessionState {
    /// Declares `key` persisted and returns its value: the value stored by an earlier page
    /// load if there is one, else `init()`.
    ///
    /// The value is written to browser storage (IndexedDB) after every run in which it
    /// changed, and restored when the page loads again — including the value of a widget
    /// with this key, if the declaration comes before the widget. Call it on every run, like
    /// [`get_or_insert_with`](Self::get_or_insert_with). Natively (in `AppTest`) nothing is
    /// stored and it is `get_or_insert_with`.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.session_state().persisted("name", String::new)?;
    ///     let name = ui.add(TextInput::new("Name").key("name"));
    ///     ui.write(format!("Hello {name}"));
    ///     Ok::<_, Error>(())
    /// });
    /// at.run();
    /// at.text_input(0).input("Ada").run();
    /// assert_eq!(at.markdown(0).text(), "Hello Ada");
    /// ```
    pub fn persisted<T>(&self, key: &str, init: impl FnOnce() -> T) -> Result<T, StateError>
    where
        T: Any + Clone + Serialize + DeserializeOwned,
    {
        {
            let mut runtime = self.runtime.borrow_mut();
            let store = &mut runtime.store;
            let restored = &mut store.restored;
            let codec = restored.declared.entry(key.to_string()).or_insert_with(|| Codec {
                encode: Rc::new(|value: &Value| {
                    value.coerce::<T>().and_then(|typed| postcard::to_allocvec(&typed).ok())
                }),
                decode: Rc::new(|bytes: &[u8]| postcard::from_bytes::<T>(bytes).ok().map(Value::new)),
            });
            let decode = codec.decode.clone();
            let exists = store.user.contains_key(key) || store.keys.contains_key(key);
            if let (false, Some(bytes)) = (exists, restored.keys.remove(key)) {
                // A value that does not decode (damaged, or the type changed) is dropped:
                // `init` wins, overwrites it in storage, and the user is told.
                match decode(&bytes) {
                    Some(value) => {
                        store.user.insert(key.to_string(), value);
                        restored.written.insert(key.to_string(), bytes);
                    }
                    None => restored.warnings.push(unreadable(key)),
                }
            }
        }
        self.get_or_insert_with(key, init)
    }
}

/// The warning for a stored value of `key` that could not be read.
fn unreadable(key: &str) -> String {
    format!("The stored value of `{key}` could not be read (damaged, or saved with another type): it starts from its default.")
}

/// Warnings about stored values that could not be read, each once.
pub(crate) fn take_warnings(state: &SessionState) -> Vec<String> {
    std::mem::take(&mut state.runtime.borrow_mut().store.restored.warnings)
}

/// Takes the bytes another tab stored for `key` (`None`: it deleted the key), unless this
/// session changed the key since it was last stored. Returns whether the session's value
/// changed.
pub(crate) fn adopt(state: &SessionState, key: &str, bytes: Option<Vec<u8>>) -> bool {
    let mut runtime = state.runtime.borrow_mut();
    let store = &mut runtime.store;
    let Some(codec) = store.restored.declared.get(key).cloned() else {
        // Not declared in this session yet: the declaration will take the newest bytes.
        match bytes {
            Some(bytes) => {
                store.restored.written.insert(key.to_string(), bytes.clone());
                store.restored.keys.insert(key.to_string(), bytes);
            }
            None => {
                store.restored.written.remove(key);
                store.restored.keys.remove(key);
            }
        }
        return false;
    };
    let current = store.get_value(key).and_then(|value| (codec.encode)(&value));
    if current.as_ref() != store.restored.written.get(key) {
        return false; // changed here since it was stored: this session's write wins
    }
    match bytes {
        Some(bytes) if current.as_ref() == Some(&bytes) => false,
        Some(bytes) => match (codec.decode)(&bytes) {
            Some(value) => {
                store.user.insert(key.to_string(), value);
                store.restored.written.insert(key.to_string(), bytes);
                true
            }
            None => {
                store.restored.warnings.push(unreadable(key));
                false
            }
        },
        None => {
            store.restored.written.remove(key);
            store.user.remove(key).is_some()
        }
    }
}

/// Forgets every persisted value of the session ("Reset session" in another tab): the next
/// run starts them from their defaults. Returns whether a value was dropped.
pub(crate) fn drop_persisted(state: &SessionState) -> bool {
    let mut runtime = state.runtime.borrow_mut();
    let store = &mut runtime.store;
    store.restored.keys.clear();
    store.restored.written.clear();
    let declared: Vec<String> = store.restored.declared.keys().cloned().collect();
    let mut dropped = false;
    for key in declared {
        dropped |= store.user.remove(&key).is_some();
    }
    dropped
}

/// Hands the stored bytes of a persisted key to a session before its first run.
pub(crate) fn seed_key(state: &SessionState, key: &str, bytes: Vec<u8>) {
    let mut runtime = state.runtime.borrow_mut();
    let restored = &mut runtime.store.restored;
    restored.written.insert(key.to_string(), bytes.clone());
    restored.keys.insert(key.to_string(), bytes);
}

/// Gives a widget a value to start from, for its first appearance.
#[cfg(test)]
fn seed_widget(state: &SessionState, id: WidgetId, value: WidgetValue) {
    state.runtime.borrow_mut().store.restored.widgets.insert(id, value);
}

/// Drops seeds no widget or declaration took (call after the first completed run).
pub(crate) fn finish_restore(state: &SessionState) {
    let mut runtime = state.runtime.borrow_mut();
    let restored = &mut runtime.store.restored;
    restored.widgets.clear();
}

/// The persisted keys whose value changed since they were last stored: `(key, Some(bytes))`
/// to write, `(key, None)` for a key that was deleted. Marks them stored.
pub(crate) fn changes(state: &SessionState) -> Vec<(String, Option<Vec<u8>>)> {
    let mut runtime = state.runtime.borrow_mut();
    let store = &mut runtime.store;
    let mut out = Vec::new();
    let declared: Vec<(String, Encode)> =
        store.restored.declared.iter().map(|(key, codec)| (key.clone(), codec.encode.clone())).collect();
    for (key, encode) in declared {
        let current = store.get_value(&key).and_then(|value| encode(&value));
        let written = store.restored.written.get(&key).cloned();
        match current {
            Some(bytes) if written.as_ref() != Some(&bytes) => {
                store.restored.written.insert(key.clone(), bytes.clone());
                out.push((key, Some(bytes)));
            }
            None if written.is_some() && !store.user.contains_key(&key) && !store.keys.contains_key(&key) => {
                store.restored.written.remove(&key);
                out.push((key, None));
            }
            _ => {}
        }
    }
    out
}

macro_rules! known_types {
    ($($variant:ident($t:ty)),* $(,)?) => {
        /// A session-state value of a type the snapshot knows how to write.
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        enum Known { $($variant($t)),* }

        impl Known {
            fn from_value(value: &Value) -> Option<Known> {
                $(if let Some(v) = value.downcast::<$t>() { return Some(Known::$variant(v)); })*
                None
            }

            fn into_value(self) -> Value {
                match self { $(Known::$variant(v) => Value::new(v)),* }
            }

            /// Whether a text in the value is one the visitor supplied.
            fn holds_secret(&self, secrets: &crate::secrets::SecretStore) -> bool {
                match self {
                    Known::String(text) | Known::OptionString(Some(text)) => secrets.is_visitor_value(text),
                    Known::VecString(texts) => texts.iter().any(|t| secrets.is_visitor_value(t)),
                    Known::MapStringString(map) => map.values().any(|t| secrets.is_visitor_value(t)),
                    _ => false,
                }
            }
        }
    };
}

known_types! {
    Bool(bool), I8(i8), I16(i16), I32(i32), I64(i64), I128(i128), Isize(isize),
    U8(u8), U16(u16), U32(u32), U64(u64), U128(u128), Usize(usize), F32(f32), F64(f64),
    Char(char), String(String),
    VecBool(Vec<bool>), VecI32(Vec<i32>), VecI64(Vec<i64>), VecU32(Vec<u32>), VecU64(Vec<u64>),
    VecUsize(Vec<usize>), VecF32(Vec<f32>), VecF64(Vec<f64>), VecString(Vec<String>),
    OptionBool(Option<bool>), OptionI32(Option<i32>), OptionI64(Option<i64>), OptionUsize(Option<usize>),
    OptionF64(Option<f64>), OptionString(Option<String>),
    MapStringString(BTreeMap<String, String>), MapStringI64(BTreeMap<String, i64>),
    MapStringF64(BTreeMap<String, f64>),
}

/// A picture of one session: what a development reload brings back.
///
/// User keys of common types (numbers, `bool`, `char`, `String`, and `Vec`s, `Option`s
/// and string-keyed `BTreeMap`s of those), persisted keys, and every widget's value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    user: Vec<(String, Known)>,
    persisted: Vec<(String, Vec<u8>)>,
    widgets: Vec<(WidgetId, WidgetValue)>,
}

impl Snapshot {
    /// The snapshot as bytes.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(&(1u32, self)).unwrap_or_default()
    }

    /// A snapshot from bytes; `None` if they are not one.
    pub fn decode(bytes: &[u8]) -> Option<Snapshot> {
        match postcard::from_bytes::<(u32, Snapshot)>(bytes) {
            Ok((1, snapshot)) => Some(snapshot),
            _ => None,
        }
    }

    /// Whether the snapshot holds nothing.
    pub fn is_empty(&self) -> bool {
        self.user.is_empty() && self.persisted.is_empty() && self.widgets.is_empty()
    }
}

/// Takes a snapshot of a session (between runs), without secrets: the values of password
/// inputs, and texts equal to a value the visitor supplied (`ui.set_secret`).
pub(crate) fn snapshot(state: &SessionState) -> Snapshot {
    let runtime = state.runtime.borrow();
    let store = &runtime.store;
    let secrets = &runtime.secrets;
    let declared = &store.restored.declared;
    let user = store
        .user
        .iter()
        .filter(|(key, _)| !declared.contains_key(*key))
        .filter_map(|(key, value)| Known::from_value(value).map(|known| (key.clone(), known)))
        .filter(|(_, known)| !known.holds_secret(secrets))
        .collect();
    let persisted = declared
        .iter()
        .filter_map(|(key, codec)| {
            store.get_value(key).and_then(|value| (codec.encode)(&value)).map(|bytes| (key.clone(), bytes))
        })
        .collect();
    let mut widgets: Vec<(WidgetId, WidgetValue)> = store
        .widgets
        .iter()
        // Presses last one run; uploaded files are not kept across a reload (nor in Streamlit).
        .filter(|(_, record)| record.value.is_settable())
        .filter(|(id, record)| {
            !secrets.widgets.contains(*id)
                && !matches!(&record.value, WidgetValue::Text(text) if secrets.is_visitor_value(text))
        })
        .map(|(id, record)| (*id, record.value.clone()))
        .collect();
    widgets.sort_by_key(|(id, _)| *id);
    Snapshot { user, persisted, widgets }
}

/// Applies a snapshot to a session before its first run: user keys that are not set yet,
/// persisted keys (fresher than storage) and widget seeds.
pub(crate) fn apply_snapshot(state: &SessionState, snapshot: Snapshot) {
    let mut runtime = state.runtime.borrow_mut();
    let store = &mut runtime.store;
    for (key, known) in snapshot.user {
        store.user.entry(key).or_insert_with(|| known.into_value());
    }
    for (key, bytes) in snapshot.persisted {
        store.restored.keys.insert(key, bytes);
    }
    store.restored.widgets.extend(snapshot.widgets);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    fn counter_app(ui: &Ui) -> Result {
        let state = ui.session_state();
        state.get_or_insert_with("count", || 0_i64)?;
        if ui.button("+1") {
            state.update("count", |c: &mut i64| *c += 1)?;
        }
        let step = ui.slider("step", 1..=10);
        let name = ui.add(TextInput::new("Name").key("name"));
        let tags: Vec<String> = state.persisted("tags", Vec::new)?;
        ui.write(format!("count={} step={step} name={name} tags={}", state.get::<i64>("count")?, tags.len()));
        Ok(())
    }

    #[test]
    fn a_snapshot_brings_the_session_back_where_it_was() {
        let mut at = AppTest::new(counter_app);
        at.run();
        at.button(0).click().run();
        at.button(0).click().run();
        at.slider(0).set_value(7).run();
        at.text_input(0).input("Ada").run();
        at.session_state().set("tags", vec!["a".to_string()]).unwrap();
        at.run();
        assert_eq!(at.markdown(0).text(), "count=2 step=7 name=Ada tags=1");

        let bytes = snapshot(&at.session_state()).encode();
        let mut reloaded = AppTest::new(counter_app);
        apply_snapshot(&reloaded.session_state(), Snapshot::decode(&bytes).unwrap());
        reloaded.run();
        assert_eq!(reloaded.markdown(0).text(), "count=2 step=7 name=Ada tags=1");
        assert!(reloaded.get("exception").is_empty());
    }

    #[test]
    fn the_snapshot_holds_no_password_and_no_visitor_secret() {
        let app = |ui: &Ui| -> Result {
            let token = ui.add(TextInput::new("Token").password().key("token"));
            let name = ui.text_input("Name");
            let state = ui.session_state();
            if let Ok(password) = ui.secrets().get::<String>("db.password") {
                state.set("copy", password.clone())?;
                state.set("copies", vec![password, "kept".to_string()])?;
            }
            state.set("plain", "visible".to_string())?;
            ui.write(format!("token={token} name={name}"));
            Ok(())
        };
        let mut at = AppTest::new(app);
        at.run();
        at.text_input(0).input("s3cret-typed").run();
        at.text_input(1).input("Ada").run();
        at.set_secret("db.password", "hunter2").run();
        assert_eq!(at.markdown(0).text(), "token=s3cret-typed name=Ada");
        let bytes = snapshot(&at.session_state()).encode();
        let has = |text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
        assert!(!has("s3cret-typed"), "a password input's value");
        assert!(!has("hunter2"), "a visitor's secret, copied into session state");
        assert!(has("Ada") && has("visible"), "the rest is kept");

        let mut reloaded = AppTest::new(app);
        apply_snapshot(&reloaded.session_state(), Snapshot::decode(&bytes).unwrap());
        reloaded.run();
        assert_eq!(reloaded.markdown(0).text(), "token= name=Ada");
    }

    #[test]
    fn seeds_lose_to_session_state_and_refused_values_fall_back_to_the_default() {
        let app = |ui: &Ui| {
            let x = ui.slider("x", 0..=10);
            ui.write(x);
        };
        let mut at = AppTest::new(app);
        at.run();
        let id = at.slider(0).element().widget().unwrap().id;
        let mut reloaded = AppTest::new(app);
        seed_widget(&reloaded.session_state(), id, WidgetValue::Number(50.0));
        reloaded.run();
        assert_eq!(reloaded.markdown(0).text(), "0", "an out-of-range seed is refused");

        let keyed = |ui: &Ui| {
            let x = ui.add(Slider::new("x", 0..=10).key("x"));
            ui.write(x);
        };
        let mut at = AppTest::new(keyed);
        at.run();
        let id = at.slider(0).element().widget().unwrap().id;
        let mut reloaded = AppTest::new(keyed);
        seed_widget(&reloaded.session_state(), id, WidgetValue::Number(4.0));
        reloaded.session_state().set("x", 9).unwrap();
        reloaded.run();
        assert_eq!(reloaded.markdown(0).text(), "9", "a value set through session state wins");
    }

    #[test]
    fn persisted_keys_are_written_when_they_change_and_deleted_with_the_key() {
        let mut at = AppTest::new(|ui: &Ui| {
            let state = ui.session_state();
            let n: u32 = state.persisted("n", || 1)?;
            if ui.button("double") {
                state.set("n", n * 2)?;
            }
            if ui.button("forget") {
                state.remove("n");
            }
            Ok::<_, Error>(())
        });
        at.run();
        let first = changes(&at.session_state());
        assert_eq!(first, vec![("n".to_string(), Some(postcard::to_allocvec(&1u32).unwrap()))]);
        at.run();
        assert!(changes(&at.session_state()).is_empty(), "unchanged values are not rewritten");
        at.button(0).click().run();
        assert_eq!(changes(&at.session_state())[0].1, Some(postcard::to_allocvec(&2u32).unwrap()));
        at.button(1).click().run();
        // Removed after the declaration re-created it? The declaration runs first, then
        // `forget` removes it: storage follows.
        assert_eq!(changes(&at.session_state()), vec![("n".to_string(), None)]);
    }

    #[test]
    fn a_stored_value_of_another_type_is_dropped() {
        let mut at = AppTest::new(|ui: &Ui| {
            let n: u32 = ui.session_state().persisted("n", || 5)?;
            ui.write(n);
            Ok::<_, Error>(())
        });
        seed_key(&at.session_state(), "n", b"\xff\xff\xff\xff\xff\xff".to_vec());
        at.run();
        assert_eq!(at.markdown(0).text(), "5");
        let warnings = take_warnings(&at.session_state());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("`n`"), "{warnings:?}");
        let bytes = postcard::to_allocvec(&5u32).unwrap();
        assert_eq!(changes(&at.session_state()), vec![("n".to_string(), Some(bytes))], "the default overwrites it");
    }

    fn shared_counter(ui: &Ui) -> Result {
        let state = ui.session_state();
        let n: u32 = state.persisted("n", || 0)?;
        if ui.button("+1") {
            state.set("n", n + 1)?;
        }
        ui.write(state.get::<u32>("n")?);
        Ok(())
    }

    #[test]
    fn another_tabs_value_is_taken_unless_this_session_changed_the_key_since() {
        let mut at = AppTest::new(shared_counter);
        at.run();
        changes(&at.session_state());
        let seven = postcard::to_allocvec(&7u32).unwrap();
        assert!(adopt(&at.session_state(), "n", Some(seven.clone())));
        at.run();
        assert_eq!(at.markdown(0).text(), "7");
        assert!(changes(&at.session_state()).is_empty(), "an adopted value is not written back");
        assert!(!adopt(&at.session_state(), "n", Some(seven)), "the same value changes nothing");

        // The user clicks; before this session's write is taken, another tab's value arrives.
        at.button(0).click().run();
        assert!(!adopt(&at.session_state(), "n", Some(postcard::to_allocvec(&3u32).unwrap())));
        assert_eq!(at.markdown(0).text(), "8");
        assert_eq!(changes(&at.session_state()), vec![("n".to_string(), Some(postcard::to_allocvec(&8u32).unwrap()))]);

        // Damaged bytes from another tab are refused with a warning; a delete is taken.
        assert!(!adopt(&at.session_state(), "n", Some(vec![0xff; 9])));
        assert_eq!(take_warnings(&at.session_state()).len(), 1);
        assert!(adopt(&at.session_state(), "n", None));
        at.run();
        assert_eq!(at.markdown(0).text(), "0");
    }

    #[test]
    fn a_key_not_declared_yet_takes_the_newest_value_when_it_is() {
        let mut at = AppTest::new(shared_counter);
        seed_key(&at.session_state(), "n", postcard::to_allocvec(&2u32).unwrap());
        assert!(!adopt(&at.session_state(), "n", Some(postcard::to_allocvec(&4u32).unwrap())));
        at.run();
        assert_eq!(at.markdown(0).text(), "4");
        assert!(changes(&at.session_state()).is_empty());
    }

    #[test]
    fn dropping_persisted_values_starts_them_from_their_defaults_and_keeps_the_rest() {
        let mut at = AppTest::new(|ui: &Ui| {
            shared_counter(ui)?;
            ui.write(ui.session_state().get_or_insert_with("plain", || 1_i32)?);
            Ok::<_, Error>(())
        });
        at.run();
        at.button(0).click().run();
        at.session_state().set("plain", 5).unwrap();
        changes(&at.session_state());
        assert!(drop_persisted(&at.session_state()));
        at.run();
        assert_eq!(at.markdown(0).text(), "0");
        assert_eq!(at.markdown(1).text(), "5", "plain session keys are not persisted values");
        assert_eq!(changes(&at.session_state()), vec![("n".to_string(), Some(postcard::to_allocvec(&0u32).unwrap()))]);
    }
}

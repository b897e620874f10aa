//! Caching: Streamlit's `st.cache_data` and `st.cache_resource`.
//!
//! A script reruns on every interaction, so anything slow in it — loading a file, a
//! fetch, a model — must be remembered between runs. Mark the function:
//!
//! ```
//! use wasmlit::prelude::*;
//!
//! #[cache_data(ttl = "1h", max_entries = 100)]
//! fn load(ui: &Ui, rows: usize) -> Result<Vec<u64>> {
//!     ui.caption(format!("Loaded {rows} rows"));   // replayed on every hit
//!     Ok((0..rows as u64).map(|i| i * i).collect())
//! }
//!
//! fn app(ui: &Ui) -> Result {
//!     let data = load(ui, 1_000)?;
//!     ui.write(format!("sum = {}", data.iter().sum::<u64>()));
//!     Ok(())
//! }
//! let mut at = AppTest::new(app);
//! at.run();
//! assert_eq!(wasmlit::cache::last_outcome(), Some(CacheOutcome::Miss));
//! at.run();
//! assert_eq!(wasmlit::cache::last_outcome(), Some(CacheOutcome::Hit));
//! assert_eq!(at.caption(0).text(), "Loaded 1000 rows");
//! load::clear(); // or load::clear_entry(1_000), or cache_data::clear() for every function
//! ```
//!
//! **The key** is the function's identity — module path, name and a hash of its source
//! tokens (signature, body, cache options), so an edited function starts afresh — plus a
//! canonical hash ([`CacheKey`]) of its arguments. A `&Ui` argument and arguments whose
//! names start with `_` are not part of the key.
//!
//! **`cache_data`** returns an independent copy (`Clone`) on every hit; an `Err` is never
//! cached; `ttl` expires entries lazily, when they are next asked for; `max_entries` evicts
//! the least recently used entry. On a miss a spinner ``Running `load(...)`.`` sits where the function
//! draws (the page shows it only after 0.5 s), and the elements the function drew are
//! recorded and drawn again on each hit. A widget inside a cached function works on a miss
//! but comes with a `CachedWidgetWarning`, as in Streamlit (which removed widget replay in
//! 1.38): a hit draws the recorded widget again, but it is not registered, so it returns
//! nothing to the function that is not run. With `persist`, values are also kept in the
//! browser's IndexedDB and survive a page reload (see [`persist`]) when the crate's `persist`
//! feature is on; without it they live in memory and the page warns once.
//!
//! **`cache_resource`** keeps one shared `Rc<T>` per key: every caller gets the same
//! object. `validate` runs on every access; `on_release` runs when an entry is evicted or
//! cleared.
//!
//! "Global" in a browser is one tab: caches live in the page's memory (one thread), shared
//! by every session mounted in it.

mod duration;
mod key;
pub mod persist;
mod replay;

use std::any::{type_name, Any};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::thread::LocalKey;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;

pub use key::{CacheKey, FunctionKey, FunctionSpec, KeyHasher, Unhashed, ValueKey};
pub(crate) use replay::running_function;

use crate::time::now_ms;
use crate::ui::Ui;
use replay::{Recording, Replay};

// ----- options -------------------------------------------------------------------

/// What the spinner of a miss says.
#[derive(Clone, Debug, PartialEq)]
enum Spinner {
    /// ``Running `name(...)`.``
    Default,
    Off,
    Text(Cow<'static, str>),
}

/// The options of one cached function; the macros build this from their arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    ttl: Option<f64>,
    max_entries: Option<u64>,
    spinner: Spinner,
    persist: bool,
    /// A `ttl` the builder form could not read, shown as an error at the call.
    ttl_error: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options::new()
    }
}

impl Options {
    /// No ttl, no size limit, the default spinner, not persisted.
    pub const fn new() -> Self {
        Options { ttl: None, max_entries: None, spinner: Spinner::Default, persist: false, ttl_error: None }
    }

    /// The builders' `ttl`: a ttl that cannot be read becomes an error at the call.
    fn with_ttl(mut self, ttl: Ttl) -> Self {
        match ttl.0 {
            Ok(seconds) => self.ttl = Some(seconds),
            Err(error) => self.ttl_error = Some(error),
        }
        self
    }

    fn with_spinner(mut self, spinner: Spinner) -> Self {
        self.spinner = spinner;
        self
    }

    /// Entries older than this many seconds are computed again.
    pub const fn ttl_secs(mut self, seconds: f64) -> Self {
        self.ttl = Some(seconds);
        self
    }

    /// At most this many entries; a new one evicts the least recently used.
    pub const fn max_entries(mut self, max: u64) -> Self {
        self.max_entries = Some(max);
        self
    }

    /// No spinner on a miss.
    pub fn no_spinner(mut self) -> Self {
        self.spinner = Spinner::Off;
        self
    }

    /// The spinner of a miss says `text`.
    pub fn spinner_text(mut self, text: &'static str) -> Self {
        self.spinner = Spinner::Text(Cow::Borrowed(text));
        self
    }

    /// Also keep values in the browser's storage (IndexedDB).
    pub const fn persist(mut self) -> Self {
        self.persist = true;
        self
    }

    fn spinner_for(&self, name: &str) -> Option<String> {
        match &self.spinner {
            Spinner::Default => Some(format!("Running `{name}(...)`.")),
            Spinner::Off => None,
            Spinner::Text(text) => Some(text.to_string()),
        }
    }
}

/// Parses a ttl string like Streamlit's: `"10s"`, `"5m"`, `"1h23m"`, `"1.5 days"`, `"500ms"`.
///
/// ```
/// use std::time::Duration;
/// use wasmlit::cache::parse_duration;
/// assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
/// assert!(parse_duration("soon").is_err());
/// ```
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let seconds = duration::parse_seconds(text)?;
    Duration::try_from_secs_f64(seconds).map_err(|error| format!("`{text}`: {error}"))
}

/// A ttl for the builder forms: a [`Duration`], seconds, or a string like `"1h"`.
#[derive(Clone, Debug, PartialEq)]
pub struct Ttl(Result<f64, String>);

impl Ttl {
    /// The ttl in seconds, or why it could not be read.
    pub(crate) fn seconds(&self) -> Result<f64, String> {
        self.0.clone()
    }
}

impl From<Duration> for Ttl {
    fn from(duration: Duration) -> Self {
        Ttl(Ok(duration.as_secs_f64()))
    }
}

impl From<u64> for Ttl {
    fn from(seconds: u64) -> Self {
        Ttl(Ok(seconds as f64))
    }
}

impl From<f64> for Ttl {
    fn from(seconds: f64) -> Self {
        if seconds.is_finite() && seconds >= 0.0 {
            Ttl(Ok(seconds))
        } else {
            Ttl(Err(format!("ttl must be a positive number of seconds, got {seconds}")))
        }
    }
}

impl From<&str> for Ttl {
    fn from(text: &str) -> Self {
        Ttl(parse_duration(text).map(|d| d.as_secs_f64()))
    }
}

// ----- codecs --------------------------------------------------------------------

type Encode<T> = fn(&T) -> Option<Vec<u8>>;
type Decode<T> = fn(&[u8]) -> Option<T>;

/// How a cached value becomes bytes for `persist`: serde through postcard, or not at all.
pub struct Codec<T> {
    encode: Option<Encode<T>>,
    decode: Option<Decode<T>>,
}

impl<T> Codec<T> {
    /// Not persisted.
    pub fn none() -> Self {
        Codec { encode: None, decode: None }
    }
}

impl<T: Serialize + DeserializeOwned> Codec<T> {
    /// Persisted through serde (postcard bytes).
    pub fn serde() -> Self {
        Codec {
            encode: Some(|value: &T| postcard::to_allocvec(value).ok()),
            decode: Some(|bytes: &[u8]| postcard::from_bytes(bytes).ok()),
        }
    }
}

// ----- outcomes ----------------------------------------------------------------

/// How the latest cached call on this thread was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheOutcome {
    /// Computed now.
    Miss,
    /// Served from memory.
    Hit,
    /// Read back from browser storage (a value an earlier page load computed).
    PersistedHit,
}

thread_local! {
    static LAST_OUTCOME: Cell<Option<CacheOutcome>> = const { Cell::new(None) };
}

/// How the latest cached call was answered (for "computed in N ms / served from cache" lines).
pub fn last_outcome() -> Option<CacheOutcome> {
    LAST_OUTCOME.with(Cell::get)
}

fn set_outcome(outcome: CacheOutcome) {
    LAST_OUTCOME.with(|last| last.set(Some(outcome)));
}

// ----- the registry ------------------------------------------------------------

type Release = Rc<dyn Fn(&dyn Any)>;
type DecodeAny<'a> = &'a dyn Fn(&[u8]) -> Option<Rc<dyn Any>>;

/// `validate` of a resource: run on every access; `false` builds the value again.
pub type Validate<'a, T> = Option<&'a dyn Fn(&T) -> bool>;
/// `on_release` of a resource: run when its value leaves the cache.
pub type OnRelease<T> = Option<Rc<dyn Fn(&T)>>;

struct Entry {
    value: Rc<dyn Any>,
    created_ms: f64,
    /// When the entry was last stored or read: `max_entries` evicts the lowest.
    seq: u64,
    replay: Rc<Replay>,
    release: Option<Release>,
    /// The storage key of a persisted entry.
    stored: Option<String>,
}

impl Entry {
    fn release(self) {
        if let Some(release) = &self.release {
            release(&*self.value);
        }
        if let Some(key) = self.stored {
            persist::queue(persist::StorageOp::Delete { key });
        }
    }
}

struct FunctionCache {
    entries: HashMap<ValueKey, Entry>,
}

/// Every cached function of one kind (data or resource) on this thread.
#[derive(Default)]
pub(crate) struct Registry {
    functions: HashMap<FunctionKey, FunctionCache>,
    next_seq: u64,
}

thread_local! {
    static DATA: RefCell<Registry> = RefCell::default();
    static RESOURCES: RefCell<Registry> = RefCell::default();
}

fn expired(entry: &Entry, ttl: Option<f64>, now: f64) -> bool {
    ttl.is_some_and(|ttl| now - entry.created_ms >= ttl * 1000.0)
}

/// Runs `release` on entries after the registry is no longer borrowed (a release callback
/// may itself use caches).
fn release_all(entries: Vec<Entry>) {
    for entry in entries {
        entry.release();
    }
}

fn remove_function(registry: &'static LocalKey<RefCell<Registry>>, key: FunctionKey) {
    let removed = registry.with(|r| r.borrow_mut().functions.remove(&key));
    if let Some(function) = removed {
        release_all(function.entries.into_values().collect());
    }
}

fn remove_entry(registry: &'static LocalKey<RefCell<Registry>>, function: FunctionKey, value: ValueKey) {
    let removed = registry.with(|r| r.borrow_mut().functions.get_mut(&function).and_then(|f| f.entries.remove(&value)));
    if let Some(entry) = removed {
        entry.release();
    }
}

fn remove_everything(registry: &'static LocalKey<RefCell<Registry>>) {
    let functions = registry.with(|r| std::mem::take(&mut r.borrow_mut().functions));
    release_all(functions.into_values().flat_map(|f| f.entries.into_values()).collect());
}

/// One cached call: the lookup, and on a miss the recording and the store.
struct Call<'a> {
    registry: &'static LocalKey<RefCell<Registry>>,
    spec: &'a FunctionSpec,
    options: &'a Options,
    function: FunctionKey,
    value: ValueKey,
    ui: Option<&'a Ui>,
}

impl<'a> Call<'a> {
    fn new(
        registry: &'static LocalKey<RefCell<Registry>>,
        spec: &'a FunctionSpec,
        options: &'a Options,
        value: ValueKey,
        ui: Option<&'a Ui>,
    ) -> Self {
        if let (Some(error), Some(ui)) = (&options.ttl_error, ui) {
            ui.push_exception("StreamlitAPIException".into(), format!("Invalid ttl for `{}`: {error}", spec.name));
        }
        Call { registry, spec, options, function: spec.key(), value, ui }
    }

    /// The live entry for this key that `accept` takes, replayed; expired or refused
    /// entries are dropped (and released). `accept` runs before the replay, so an entry
    /// refused by `validate` draws nothing.
    fn lookup(&self, accept: &dyn Fn(&dyn Any) -> bool) -> Option<Rc<dyn Any>> {
        let now = now_ms();
        let found = self.registry.with(|r| {
            let registry = r.borrow();
            let entry = registry.functions.get(&self.function)?.entries.get(&self.value)?;
            Some((entry.value.clone(), entry.replay.clone(), expired(entry, self.options.ttl, now)))
        });
        let (value, replay, stale) = found?;
        if stale || !accept(&*value) {
            remove_entry(self.registry, self.function, self.value);
            return None;
        }
        self.touch();
        replay.draw(self.ui);
        set_outcome(CacheOutcome::Hit);
        Some(value)
    }

    /// A value an earlier page load persisted, if it is intact, of this build and fresh.
    fn lookup_persisted(&self, version: u64, decode: DecodeAny) -> Option<Rc<dyn Any>> {
        let key = persist::storage_key(self.function, self.value);
        let bytes = persist::take_preloaded(&key)?;
        let envelope = persist::Envelope::decode(&bytes);
        let damaged = envelope.is_none() && persist::Envelope::is_damaged(&bytes);
        let current = envelope.filter(|e| e.version == version);
        let fresh = current.filter(|e| !self.options.ttl.is_some_and(|ttl| now_ms() - e.created_ms >= ttl * 1000.0));
        let value = fresh.as_ref().map(|e| decode(&e.value));
        let undecodable = matches!(value, Some(None));
        let Some((envelope, Some(value))) = fresh.zip(value) else {
            // Corrupt, from another build, or expired: forget it and compute again.
            if damaged || undecodable {
                persist::warn(format!(
                    "A stored value of `{}` could not be read: it is computed again.",
                    self.spec.name
                ));
            }
            persist::queue(persist::StorageOp::Delete { key });
            return None;
        };
        let replay = Rc::new(envelope.replay);
        replay.install_renderers();
        replay.draw(self.ui);
        self.insert(value.clone(), replay, None, envelope.created_ms, Some(key));
        set_outcome(CacheOutcome::PersistedHit);
        Some(value)
    }

    /// Marks this key's entry as just used: `max_entries` evicts the least recently used
    /// entry (Streamlit's caches are LRU), not the oldest inserted one.
    fn touch(&self) {
        self.registry.with(|r| {
            let mut registry = r.borrow_mut();
            registry.next_seq += 1;
            let seq = registry.next_seq;
            let entry = registry.functions.get_mut(&self.function).and_then(|f| f.entries.get_mut(&self.value));
            if let Some(entry) = entry {
                entry.seq = seq;
            }
        });
    }

    fn start_miss(&self) -> Recording {
        Recording::start(self.ui, self.spec.name, self.options.spinner_for(self.spec.name))
    }

    fn insert(
        &self,
        value: Rc<dyn Any>,
        replay: Rc<Replay>,
        release: Option<Release>,
        created_ms: f64,
        stored: Option<String>,
    ) {
        let now = now_ms();
        let evicted = self.registry.with(|r| {
            let mut registry = r.borrow_mut();
            registry.next_seq += 1;
            let seq = registry.next_seq;
            let function =
                registry.functions.entry(self.function).or_insert_with(|| FunctionCache { entries: HashMap::new() });
            let mut evicted = Vec::new();
            if let Some(mut old) = function.entries.remove(&self.value) {
                // Replaced, not evicted: its storage key now holds the new value.
                old.stored = None;
                evicted.push(old);
            }
            // Expired entries go first; then the least recently used, until there is room.
            let stale: Vec<ValueKey> =
                function.entries.iter().filter(|(_, e)| expired(e, self.options.ttl, now)).map(|(k, _)| *k).collect();
            evicted.extend(stale.iter().filter_map(|k| function.entries.remove(k)));
            if let Some(max) = self.options.max_entries {
                while function.entries.len() as u64 >= max.max(1) {
                    let Some(unused) = function.entries.iter().min_by_key(|(_, e)| e.seq).map(|(k, _)| *k) else {
                        break;
                    };
                    evicted.extend(function.entries.remove(&unused));
                }
            }
            function.entries.insert(self.value, Entry { value, created_ms, seq, replay, release, stored });
            evicted
        });
        release_all(evicted);
    }
}

fn persisted_version<T>(spec: &FunctionSpec) -> u64 {
    let mut hasher = KeyHasher::new();
    hasher.write_str(spec.build);
    hasher.write_str(env!("CARGO_PKG_VERSION"));
    hasher.write_str(type_name::<T>());
    hasher.finish().0 as u64
}

/// Clears every cache: all `cache_data` and all `cache_resource` functions (the app menu's
/// "Clear cache").
pub fn clear_all() {
    data::clear();
    resource::clear();
}

// ----- cache_data ----------------------------------------------------------------

/// `cache_data`: copies of cached values. `cache_data::clear()` clears every data cache.
pub mod data {
    use super::*;

    fn lookup<T: Clone + 'static>(call: &Call, codec: &Codec<T>) -> Option<T> {
        let found = call.lookup(&|value| value.is::<T>());
        let found = match (found, call.options.persist, codec.decode) {
            (Some(value), ..) => Some(value),
            (None, true, Some(decode)) => call.lookup_persisted(persisted_version::<T>(call.spec), &|bytes| {
                decode(bytes).map(|value| Rc::new(value) as Rc<dyn Any>)
            }),
            _ => None,
        };
        found.and_then(|value| value.downcast_ref::<T>().cloned())
    }

    fn store<T: Clone + 'static>(call: &Call, codec: &Codec<T>, value: &T, replay: Replay) {
        set_outcome(CacheOutcome::Miss);
        let created_ms = now_ms();
        let mut put = None;
        if let (true, Some(encode)) = (call.options.persist, codec.encode) {
            match encode(value) {
                Some(bytes) => {
                    let key = persist::storage_key(call.function, call.value);
                    let envelope = persist::Envelope {
                        version: persisted_version::<T>(call.spec),
                        created_ms,
                        value: bytes,
                        replay: replay.clone(),
                    };
                    put = Some(persist::StorageOp::Put { key, bytes: envelope.encode() });
                }
                None => persist::warn(format!(
                    "The value of `{}` could not be serialized, so it is cached in memory only.",
                    call.spec.name
                )),
            }
        }
        let stored = match &put {
            Some(persist::StorageOp::Put { key, .. }) => Some(key.clone()),
            _ => None,
        };
        // Insert first: evicting older entries queues their deletes before this put.
        call.insert(Rc::new(value.clone()), Rc::new(replay), None, created_ms, stored);
        if let Some(put) = put {
            persist::queue(put);
        }
    }

    #[doc(hidden)]
    pub fn call_result<T: Clone + 'static, E>(
        spec: &FunctionSpec,
        options: &Options,
        key: ValueKey,
        ui: Option<&Ui>,
        codec: Codec<T>,
        compute: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E> {
        let call = Call::new(&DATA, spec, options, key, ui);
        if let Some(value) = lookup(&call, &codec) {
            return Ok(value);
        }
        let recording = call.start_miss();
        let value = compute()?;
        store(&call, &codec, &value, recording.finish());
        Ok(value)
    }

    #[doc(hidden)]
    pub fn call_value<T: Clone + 'static>(
        spec: &FunctionSpec,
        options: &Options,
        key: ValueKey,
        ui: Option<&Ui>,
        codec: Codec<T>,
        compute: impl FnOnce() -> T,
    ) -> T {
        let result: Result<T, std::convert::Infallible> = call_result(spec, options, key, ui, codec, || Ok(compute()));
        match result {
            Ok(value) => value,
            Err(never) => match never {},
        }
    }

    #[doc(hidden)]
    pub async fn call_result_async<T: Clone + 'static, E>(
        spec: &FunctionSpec,
        options: &Options,
        key: ValueKey,
        ui: Option<&Ui>,
        codec: Codec<T>,
        compute: impl Future<Output = Result<T, E>>,
    ) -> Result<T, E> {
        let call = Call::new(&DATA, spec, options, key, ui);
        if let Some(value) = lookup(&call, &codec) {
            return Ok(value);
        }
        let recording = call.start_miss();
        let value = compute.await?;
        store(&call, &codec, &value, recording.finish());
        Ok(value)
    }

    #[doc(hidden)]
    pub async fn call_value_async<T: Clone + 'static>(
        spec: &FunctionSpec,
        options: &Options,
        key: ValueKey,
        ui: Option<&Ui>,
        codec: Codec<T>,
        compute: impl Future<Output = T>,
    ) -> T {
        let result: Result<T, std::convert::Infallible> =
            call_result_async(spec, options, key, ui, codec, async { Ok(compute.await) }).await;
        match result {
            Ok(value) => value,
            Err(never) => match never {},
        }
    }

    /// Clears every value one function cached (in memory and in browser storage).
    #[doc(hidden)]
    pub fn clear_function(spec: &FunctionSpec) {
        let function = spec.key();
        remove_function(&DATA, function);
        persist::forget_function(function);
    }

    /// Clears the value one function cached for one argument set.
    #[doc(hidden)]
    pub fn clear_entry(spec: &FunctionSpec, key: ValueKey) {
        let function = spec.key();
        remove_entry(&DATA, function, key);
        persist::forget_entry(function, key);
    }

    /// Clears every `cache_data` value of every function, in memory and in browser storage
    /// (Streamlit's `st.cache_data.clear()`).
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// #[cache_data]
    /// fn square(x: i64) -> i64 { x * x }
    /// assert_eq!(square(3), 9);
    /// cache_data::clear();
    /// ```
    pub fn clear() {
        remove_everything(&DATA);
        persist::forget_all();
    }
}

// ----- cache_resource ------------------------------------------------------------

/// `cache_resource`: shared values. `cache_resource::clear()` clears every resource cache.
pub mod resource {
    use super::*;

    /// The live entry `validate` accepts: validated first, replayed only if valid (a refused
    /// entry is released and the miss draws the elements once).
    fn lookup<T: 'static>(call: &Call, validate: Validate<'_, T>) -> Option<Rc<T>> {
        let accept = |value: &dyn Any| value.downcast_ref::<T>().is_some_and(|v| validate.is_none_or(|ok| ok(v)));
        call.lookup(&accept)?.downcast::<T>().ok()
    }

    fn store<T: 'static>(call: &Call, value: T, release: OnRelease<T>, replay: Replay) -> Rc<T> {
        set_outcome(CacheOutcome::Miss);
        let shared = Rc::new(value);
        let release = release.map(|release| -> Release {
            Rc::new(move |value: &dyn Any| {
                if let Some(value) = value.downcast_ref::<T>() {
                    release(value);
                }
            })
        });
        call.insert(shared.clone(), Rc::new(replay), release, now_ms(), None);
        shared
    }

    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub fn call_result<T: 'static, E>(
        spec: &FunctionSpec,
        options: &Options,
        key: ValueKey,
        ui: Option<&Ui>,
        validate: Validate<'_, T>,
        on_release: OnRelease<T>,
        compute: impl FnOnce() -> Result<T, E>,
    ) -> Result<Rc<T>, E> {
        let call = Call::new(&RESOURCES, spec, options, key, ui);
        if let Some(value) = lookup(&call, validate) {
            return Ok(value);
        }
        let recording = call.start_miss();
        let value = compute()?;
        Ok(store(&call, value, on_release, recording.finish()))
    }

    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub fn call_value<T: 'static>(
        spec: &FunctionSpec,
        options: &Options,
        key: ValueKey,
        ui: Option<&Ui>,
        validate: Validate<'_, T>,
        on_release: OnRelease<T>,
        compute: impl FnOnce() -> T,
    ) -> Rc<T> {
        let result: Result<Rc<T>, std::convert::Infallible> =
            call_result(spec, options, key, ui, validate, on_release, || Ok(compute()));
        match result {
            Ok(value) => value,
            Err(never) => match never {},
        }
    }

    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub async fn call_result_async<T: 'static, E>(
        spec: &FunctionSpec,
        options: &Options,
        key: ValueKey,
        ui: Option<&Ui>,
        validate: Validate<'_, T>,
        on_release: OnRelease<T>,
        compute: impl Future<Output = Result<T, E>>,
    ) -> Result<Rc<T>, E> {
        let call = Call::new(&RESOURCES, spec, options, key, ui);
        if let Some(value) = lookup(&call, validate) {
            return Ok(value);
        }
        let recording = call.start_miss();
        let value = compute.await?;
        Ok(store(&call, value, on_release, recording.finish()))
    }

    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub async fn call_value_async<T: 'static>(
        spec: &FunctionSpec,
        options: &Options,
        key: ValueKey,
        ui: Option<&Ui>,
        validate: Validate<'_, T>,
        on_release: OnRelease<T>,
        compute: impl Future<Output = T>,
    ) -> Rc<T> {
        let result: Result<Rc<T>, std::convert::Infallible> =
            call_result_async(spec, options, key, ui, validate, on_release, async { Ok(compute.await) }).await;
        match result {
            Ok(value) => value,
            Err(never) => match never {},
        }
    }

    /// Clears (and releases) every value one function cached.
    #[doc(hidden)]
    pub fn clear_function(spec: &FunctionSpec) {
        remove_function(&RESOURCES, spec.key());
    }

    /// Clears (and releases) the value one function cached for one argument set.
    #[doc(hidden)]
    pub fn clear_entry(spec: &FunctionSpec, key: ValueKey) {
        remove_entry(&RESOURCES, spec.key(), key);
    }

    /// Clears every `cache_resource` value, calling each `on_release` (Streamlit's
    /// `st.cache_resource.clear()`).
    pub fn clear() {
        remove_everything(&RESOURCES);
    }
}

// ----- the builder forms -----------------------------------------------------------

/// `cache_data` without the attribute: for closures and computed keys.
///
/// ```
/// use wasmlit::prelude::*;
/// use wasmlit::cache::CacheData;
///
/// const SQUARES: CacheData = CacheData::new("squares");
/// let mut at = AppTest::new(|ui: &Ui| {
///     let n = ui.slider("n", 1..=100);
///     let squares: Vec<u64> = SQUARES.get(ui, &n, || (1..=n as u64).map(|i| i * i).collect());
///     ui.write(squares.len());
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "1");
/// ```
#[derive(Clone, Debug)]
pub struct CacheData {
    spec: FunctionSpec,
    options: Options,
}

impl CacheData {
    /// A cache named `name`: the name is its identity, so give each cache its own.
    pub const fn new(name: &'static str) -> Self {
        CacheData { spec: FunctionSpec::new("", name, 0, ""), options: Options::new() }
    }

    /// Entries older than `ttl` are computed again: a `Duration`, seconds, or `"1h30m"`.
    pub fn ttl(mut self, ttl: impl Into<Ttl>) -> Self {
        self.options = self.options.with_ttl(ttl.into());
        self
    }

    /// At most `max` entries; a new one evicts the least recently used.
    pub fn max_entries(mut self, max: u64) -> Self {
        self.options = self.options.max_entries(max);
        self
    }

    /// Shows (the default) or hides the spinner of a miss.
    pub fn show_spinner(mut self, show: bool) -> Self {
        self.options = self.options.with_spinner(if show { Spinner::Default } else { Spinner::Off });
        self
    }

    /// The spinner of a miss says `text`.
    pub fn spinner_text(mut self, text: impl Into<String>) -> Self {
        self.options.spinner = Spinner::Text(Cow::Owned(text.into()));
        self
    }

    /// Also keeps values in browser storage; they must be serde-serializable.
    pub fn persist(mut self) -> PersistedCacheData {
        self.options.persist = true;
        PersistedCacheData(self)
    }

    fn key<K: CacheKey + ?Sized>(key: &K) -> ValueKey {
        let mut hasher = KeyHasher::new();
        hasher.arg("key", key);
        hasher.finish()
    }

    /// The value cached for `key`, computing it with `compute` on a miss.
    pub fn get<K: CacheKey + ?Sized, T: Clone + 'static>(&self, ui: &Ui, key: &K, compute: impl FnOnce() -> T) -> T {
        data::call_value(&self.spec, &self.options, Self::key(key), Some(ui), Codec::none(), compute)
    }

    /// Like [`get`](Self::get) for a fallible computation: an `Err` is returned, not cached.
    pub fn try_get<K: CacheKey + ?Sized, T: Clone + 'static, E>(
        &self,
        ui: &Ui,
        key: &K,
        compute: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E> {
        data::call_result(&self.spec, &self.options, Self::key(key), Some(ui), Codec::none(), compute)
    }

    /// Clears every value of this cache.
    pub fn clear(&self) {
        data::clear_function(&self.spec);
    }

    /// Clears the value cached for `key`.
    pub fn clear_entry<K: CacheKey + ?Sized>(&self, key: &K) {
        data::clear_entry(&self.spec, Self::key(key));
    }
}

/// A [`CacheData`] whose values are also kept in browser storage.
#[derive(Clone, Debug)]
pub struct PersistedCacheData(CacheData);

impl PersistedCacheData {
    /// The value cached for `key`, computing it with `compute` on a miss.
    pub fn get<K, T>(&self, ui: &Ui, key: &K, compute: impl FnOnce() -> T) -> T
    where
        K: CacheKey + ?Sized,
        T: Clone + Serialize + DeserializeOwned + 'static,
    {
        data::call_value(&self.0.spec, &self.0.options, CacheData::key(key), Some(ui), Codec::serde(), compute)
    }

    /// Like [`get`](Self::get) for a fallible computation: an `Err` is returned, not cached.
    pub fn try_get<K, T, E>(&self, ui: &Ui, key: &K, compute: impl FnOnce() -> Result<T, E>) -> Result<T, E>
    where
        K: CacheKey + ?Sized,
        T: Clone + Serialize + DeserializeOwned + 'static,
    {
        data::call_result(&self.0.spec, &self.0.options, CacheData::key(key), Some(ui), Codec::serde(), compute)
    }

    /// Clears every value of this cache, in memory and in storage.
    pub fn clear(&self) {
        self.0.clear();
    }
}

/// `cache_resource` without the attribute: one shared `Rc<T>` per key.
///
/// ```
/// use std::cell::Cell;
/// use std::rc::Rc;
/// use wasmlit::prelude::*;
/// use wasmlit::cache::CacheResource;
///
/// let visits = CacheResource::new("visits");
/// let mut at = AppTest::new(move |ui: &Ui| {
///     let counter: Rc<Cell<u32>> = visits.get(ui, &(), || Cell::new(0));
///     counter.set(counter.get() + 1);   // every run sees the same counter
///     ui.write(counter.get());
/// });
/// at.run().run();
/// assert_eq!(at.markdown(0).text(), "2");
/// ```
#[derive(Clone)]
pub struct CacheResource {
    spec: FunctionSpec,
    options: Options,
}

impl CacheResource {
    /// A resource cache named `name`.
    pub const fn new(name: &'static str) -> Self {
        CacheResource { spec: FunctionSpec::new("", name, 0, ""), options: Options::new() }
    }

    /// Entries older than `ttl` are built again.
    pub fn ttl(mut self, ttl: impl Into<Ttl>) -> Self {
        self.options = self.options.with_ttl(ttl.into());
        self
    }

    /// At most `max` entries; a new one evicts (and releases) the least recently used.
    pub fn max_entries(mut self, max: u64) -> Self {
        self.options = self.options.max_entries(max);
        self
    }

    /// Shows (the default) or hides the spinner of a miss.
    pub fn show_spinner(mut self, show: bool) -> Self {
        self.options = self.options.with_spinner(if show { Spinner::Default } else { Spinner::Off });
        self
    }

    /// The shared value for `key`, built with `build` on a miss.
    pub fn get<K: CacheKey + ?Sized, T: 'static>(&self, ui: &Ui, key: &K, build: impl FnOnce() -> T) -> Rc<T> {
        resource::call_value(&self.spec, &self.options, CacheData::key(key), Some(ui), None, None, build)
    }

    /// Like [`get`](Self::get), with `validate` run on every access and `on_release` run
    /// when the value leaves the cache.
    pub fn get_with<K: CacheKey + ?Sized, T: 'static, E>(
        &self,
        ui: &Ui,
        key: &K,
        validate: Validate<'_, T>,
        on_release: OnRelease<T>,
        build: impl FnOnce() -> Result<T, E>,
    ) -> Result<Rc<T>, E> {
        resource::call_result(&self.spec, &self.options, CacheData::key(key), Some(ui), validate, on_release, build)
    }

    /// Clears (and releases) every value of this cache.
    pub fn clear(&self) {
        resource::clear_function(&self.spec);
    }
}

#[cfg(test)]
mod tests;

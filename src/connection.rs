//! Streamlit's `st.connection`: a connection object built from its parameters and cached like
//! `cache_resource`, whose read verbs are cached like `cache_data`, each with its own `ttl`.
//!
//! A connection type implements [`Connection`] (Streamlit's `BaseConnection`): `connect`
//! builds it from its [`ConnectionParams`] — the options given in the call, over
//! `[connections.<name>]` of the app's config and the visitor's secrets there — and its read
//! verbs are plain methods that go through the [`ReadCache`] it was given.
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::cache::Ttl;
//! use wasmlit::config::AppConfig;
//! use wasmlit::connection::{Connection, ConnectionParams, ReadCache};
//!
//! /// Rows kept in memory: a stand-in for a database.
//! struct Memory { rows: Vec<String>, reads: ReadCache }
//!
//! impl Connection for Memory {
//!     fn connect(params: &ConnectionParams) -> Result<Self> {
//!         Ok(Memory { rows: params.get("rows")?, reads: params.reads() })
//!     }
//! }
//!
//! impl Memory {
//!     /// The rows starting with `prefix`, cached for `ttl` (for ever when `None`).
//!     fn query(&self, prefix: &str, ttl: Option<Ttl>) -> Result<Vec<String>> {
//!         self.reads.read("query", prefix, ttl, || {
//!             Ok(self.rows.iter().filter(|r| r.starts_with(prefix)).cloned().collect())
//!         })
//!     }
//! }
//!
//! fn app(ui: &Ui) -> Result {
//!     let conn = ui.connection::<Memory>("fruit")?;
//!     let rows = conn.query("b", Some("10m".into()))?;
//!     ui.write(rows.join(", "));
//!     Ok(())
//! }
//! let mut at = AppTest::new(app);
//! at.config(AppConfig::parse("[connections.fruit]\nrows = [\"apple\", \"banana\", \"blueberry\"]"));
//! at.run();
//! assert_eq!(at.markdown(0).text(), "banana, blueberry");
//! ```
//!
//! Errors — parameters missing or of the wrong shape, a `connect` or a read that fails — come
//! back as [`ConnectionError`]s naming the connection; with `?` the page shows them as an
//! exception element where the script stopped, and the app keeps running.
//!
//! Streamlit's `st.connection("env:VAR")` takes the connection's name from an environment
//! variable. A static app has no environment at run time, so such a name is an error that
//! says so; `ui.connection(env!("VAR"))` reads the variable when the app is built instead.
//!
//! Parameters are public unless the visitor supplied them (see [`crate::config`]):
//! `ui.set_secret("connections.api.token", token)` makes `token` a parameter of `api`.

use std::any::type_name;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::rc::Rc;

use serde::de::DeserializeOwned;

use crate::cache::{self, CacheKey, Codec, FunctionSpec, KeyHasher, Options, Ttl, ValueKey};
use crate::ui::Ui;

/// A connection failed: bad parameters, a `connect` or a read that went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionError {
    /// The connection's name.
    pub connection: String,
    pub message: String,
}

impl fmt::Display for ConnectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "connection `{}`: {}", self.connection, self.message)
    }
}

impl std::error::Error for ConnectionError {}

/// Wraps an error raised inside a connection's code with what was being done, unless it
/// already is a [`ConnectionError`] (which names the connection) or a stop/rerun.
fn wrap(connection: &str, doing: &str, error: crate::Error) -> crate::Error {
    match error.kind_name() {
        None | Some("ConnectionError") => error,
        Some(_) => ConnectionError { connection: connection.into(), message: format!("{doing}: {error}") }.into(),
    }
}

/// Streamlit's `BaseConnection`: a type `ui.connection` can build and cache.
pub trait Connection: Sized + 'static {
    /// Builds the connection from its parameters (Streamlit's `_connect`). Keep
    /// [`ConnectionParams::reads`] for the read verbs.
    fn connect(params: &ConnectionParams) -> crate::Result<Self>;

    /// Runs when the cached connection is dropped from the cache: on [`Connected::reset`], when
    /// its `ttl` has passed, when `max_entries` evicts it, or on `cache_resource::clear()`.
    fn close(&self) {}
}

/// The parameters a connection is built from: the call's options over `[connections.<name>]`.
/// Its `Debug` shows the keys, never the values (a visitor's token may be one).
#[derive(Clone)]
pub struct ConnectionParams {
    name: String,
    type_name: &'static str,
    table: toml::Table,
    /// A canonical picture of `table`, part of every cache key.
    fingerprint: String,
}

impl fmt::Debug for ConnectionParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keys: Vec<&String> = self.table.keys().collect();
        f.debug_struct("ConnectionParams").field("name", &self.name).field("keys", &keys).finish()
    }
}

impl ConnectionParams {
    /// The connection's name (`[connections.<name>]`).
    pub fn name(&self) -> &str {
        &self.name
    }

    fn error(&self, message: String) -> crate::Error {
        ConnectionError { connection: self.name.clone(), message }.into()
    }

    /// The parameter `key`, read as `T`; `Err` names the connection and the key.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> crate::Result<T> {
        self.get_opt(key)?.ok_or_else(|| {
            self.error(format!(
                "missing parameter `{key}`: give it in the call (.param(\"{key}\", ..)) or in [connections.{}] of wasmlit.toml",
                self.name
            ))
        })
    }

    /// The parameter `key` if it is given; `Err` only if it does not read as `T`.
    pub fn get_opt<T: DeserializeOwned>(&self, key: &str) -> crate::Result<Option<T>> {
        let Some(value) = self.table.get(key) else { return Ok(None) };
        value
            .clone()
            .try_into()
            .map(Some)
            .map_err(|e: toml::de::Error| self.error(format!("parameter `{key}`: {}", e.message())))
    }

    /// Every parameter at once, as a struct (Streamlit's `**kwargs`).
    pub fn parse<T: DeserializeOwned>(&self) -> crate::Result<T> {
        toml::Value::Table(self.table.clone())
            .try_into()
            .map_err(|e: toml::de::Error| self.error(format!("parameters: {}", e.message())))
    }

    /// Whether `key` is given.
    pub fn contains(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// The cache of this connection's read verbs: keep it in the connection.
    pub fn reads(&self) -> ReadCache {
        ReadCache {
            name: self.name.as_str().into(),
            type_name: self.type_name,
            fingerprint: self.fingerprint.as_str().into(),
        }
    }
}

/// Where a connection's read verbs cache their results, like `cache_data`: one entry per
/// connection (name and parameters), verb and arguments. Errors are not cached;
/// `cache_data::clear()` (the menu's "Clear cache") clears them; results stay in memory only.
#[derive(Clone)]
pub struct ReadCache {
    name: Rc<str>,
    type_name: &'static str,
    fingerprint: Rc<str>,
}

impl fmt::Debug for ReadCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadCache").field("connection", &self.name).finish_non_exhaustive()
    }
}

impl ReadCache {
    /// The result of `verb` for `args`: cached, or computed by `read` and cached for `ttl`
    /// (`None`: until cleared, as Streamlit's read helpers without `ttl`).
    pub fn read<K, V>(
        &self,
        verb: &'static str,
        args: &K,
        ttl: Option<Ttl>,
        read: impl FnOnce() -> crate::Result<V>,
    ) -> crate::Result<V>
    where
        K: CacheKey + ?Sized,
        V: Clone + 'static,
    {
        let (spec, options, key) = self.entry(verb, args, ttl)?;
        cache::data::call_result(&spec, &options, key, None, Codec::none(), read)
            .map_err(|error| wrap(&self.name, &format!("`{verb}` failed"), error))
    }

    /// [`read`](Self::read) for async verbs (an HTTP request, say): `read` is awaited on a
    /// miss only.
    pub async fn read_async<K, V>(
        &self,
        verb: &'static str,
        args: &K,
        ttl: Option<Ttl>,
        read: impl std::future::Future<Output = crate::Result<V>>,
    ) -> crate::Result<V>
    where
        K: CacheKey + ?Sized,
        V: Clone + 'static,
    {
        let (spec, options, key) = self.entry(verb, args, ttl)?;
        cache::data::call_result_async(&spec, &options, key, None, Codec::none(), read)
            .await
            .map_err(|error| wrap(&self.name, &format!("`{verb}` failed"), error))
    }

    /// Where `verb` for `args` is cached.
    fn entry<K: CacheKey + ?Sized>(
        &self,
        verb: &'static str,
        args: &K,
        ttl: Option<Ttl>,
    ) -> crate::Result<(FunctionSpec, Options, ValueKey)> {
        let options = options(&self.name, ttl, None)?;
        let spec = FunctionSpec::new(self.type_name, verb, 0, "");
        let mut hasher = KeyHasher::new();
        hasher.arg("connection", &*self.name).arg("params", &*self.fingerprint).arg("args", args);
        Ok((spec, options, hasher.finish()))
    }

    /// Drops the cached results of `verb` (for every connection of this type: a write through
    /// one connection clears what its reads may have seen).
    pub fn clear(&self, verb: &'static str) {
        cache::data::clear_function(&FunctionSpec::new(self.type_name, verb, 0, ""));
    }
}

/// The cache options of a connection or a read; a ttl that cannot be read is an error.
fn options(name: &str, ttl: Option<Ttl>, max_entries: Option<u64>) -> crate::Result<Options> {
    let mut options = Options::new();
    if let Some(ttl) = ttl {
        let seconds = ttl
            .seconds()
            .map_err(|e| ConnectionError { connection: name.into(), message: format!("invalid ttl: {e}") })?;
        options = options.ttl_secs(seconds);
    }
    if let Some(max) = max_entries {
        options = options.max_entries(max);
    }
    Ok(options)
}

/// Why `env:VAR` cannot name a connection here, and what to write instead.
fn env_name(var: &str) -> String {
    format!(
        "a static app has no environment at run time, so `env:{var}` cannot name its connection; \
         name it directly (`ui.connection(\"<name>\")`), or read the variable when the app is built: \
         `ui.connection(env!(\"{var}\"))`"
    )
}

/// A cached connection: derefs to the connection, so its read verbs are called on it.
pub struct Connected<T> {
    connection: Rc<T>,
    name: String,
    spec: FunctionSpec,
    key: ValueKey,
}

impl<T> Connected<T> {
    /// The connection's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Streamlit's `conn.reset()`: drops the cached connection (calling its `close`), so the
    /// next `ui.connection` builds it again. Cached reads stay.
    pub fn reset(&self) {
        cache::resource::clear_entry(&self.spec, self.key);
    }

    /// The shared connection object.
    pub fn shared(&self) -> Rc<T> {
        self.connection.clone()
    }
}

impl<T> Deref for Connected<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.connection
    }
}

/// `st.connection(name, ttl=.., max_entries=.., **kwargs)`: a connection with options.
///
/// ```
/// # use wasmlit::prelude::*;
/// # use wasmlit::connection::{Connection, ConnectionParams, ConnectionOptions};
/// struct Api { base: String }
/// impl Connection for Api {
///     fn connect(params: &ConnectionParams) -> Result<Self> {
///         Ok(Api { base: params.get("base_url")? })
///     }
/// }
/// let mut at = AppTest::new(|ui: &Ui| -> Result {
///     let api = ConnectionOptions::<Api>::new("api").ttl("1h").param("base_url", "https://example.com").open(ui)?;
///     ui.write(&api.base);
///     Ok(())
/// });
/// at.run();
/// assert_eq!(at.markdown(0).text(), "https://example.com");
/// ```
pub struct ConnectionOptions<T> {
    name: String,
    ttl: Option<Ttl>,
    max_entries: Option<u64>,
    params: toml::Table,
    connection: PhantomData<fn() -> T>,
}

impl<T: Connection> ConnectionOptions<T> {
    /// The connection `name`: its `[connections.<name>]` config is read.
    pub fn new(name: impl Into<String>) -> Self {
        ConnectionOptions {
            name: name.into(),
            ttl: None,
            max_entries: None,
            params: toml::Table::new(),
            connection: PhantomData,
        }
    }

    /// The connection is built again after `ttl` (a `Duration`, seconds, or `"1h"`).
    pub fn ttl(mut self, ttl: impl Into<Ttl>) -> Self {
        self.ttl = Some(ttl.into());
        self
    }

    /// At most `max` connections of this type are kept (per name and parameters).
    pub fn max_entries(mut self, max: u64) -> Self {
        self.max_entries = Some(max);
        self
    }

    /// A parameter, over the config's value for the same key (Streamlit's `**kwargs`).
    pub fn param(mut self, key: impl Into<String>, value: impl Into<toml::Value>) -> Self {
        self.params.insert(key.into(), value.into());
        self
    }

    /// The parameters: `[connections.<name>]` (the config and the visitor's secrets there),
    /// then the call's.
    fn merged(&self, ui: &Ui) -> crate::Result<toml::Table> {
        let secrets = ui.secrets();
        let path = format!("connections.{}", self.name);
        let mut table = match secrets.table(&path) {
            Some(table) => table,
            None if secrets.contains(&path) => {
                return Err(ConnectionError {
                    connection: self.name.clone(),
                    message: format!("`{path}` must be a table"),
                }
                .into())
            }
            None => toml::Table::new(),
        };
        table.extend(self.params.clone());
        Ok(table)
    }

    /// The cached connection, built on a miss (with a spinner).
    pub fn open(self, ui: &Ui) -> crate::Result<Connected<T>> {
        if let Some(var) = self.name.strip_prefix("env:") {
            return Err(ConnectionError { connection: self.name.clone(), message: env_name(var) }.into());
        }
        let options = options(&self.name, self.ttl.clone(), self.max_entries)?;
        let table = self.merged(ui)?;
        let fingerprint = format!("{table:?}");
        let spec = FunctionSpec::new(type_name::<T>(), "connection", 0, "");
        let mut hasher = KeyHasher::new();
        hasher.arg("name", self.name.as_str()).arg("params", fingerprint.as_str());
        let key = hasher.finish();
        let params = ConnectionParams { name: self.name.clone(), type_name: type_name::<T>(), table, fingerprint };
        let close: cache::OnRelease<T> = Some(Rc::new(|connection: &T| connection.close()));
        let connection =
            cache::resource::call_result(&spec, &options, key, Some(ui), None, close, || T::connect(&params))
                .map_err(|error| wrap(&self.name, &format!("could not connect ({})", type_name::<T>()), error))?;
        Ok(Connected { connection, name: self.name, spec, key })
    }
}

impl Ui {
    /// Streamlit's `st.connection(name)`: the connection `name` of type `T`, built from
    /// `[connections.<name>]` and cached like `cache_resource` (no expiry). For `ttl`,
    /// `max_entries` or parameters in the call, use [`ConnectionOptions`].
    pub fn connection<T: Connection>(&self, name: &str) -> crate::Result<Connected<T>> {
        ConnectionOptions::<T>::new(name).open(self)
    }
}

#[cfg(feature = "data")]
pub mod clickhouse;
#[cfg(feature = "data")]
pub mod http;
#[cfg(feature = "sqlite")]
pub mod sqlite;

#[cfg(test)]
mod tests;

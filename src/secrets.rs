//! Streamlit's `st.secrets`, honestly: [`Ui::secrets`] reads the app's public config
//! (`[secrets]` and `[connections.<name>]` of its `wasmlit.toml`, see [`crate::config`]) and
//! the values the visitor supplied in this session ([`Ui::set_secret`]), which win.
//!
//! ```
//! use serde::Deserialize;
//! use wasmlit::prelude::*;
//! use wasmlit::config::AppConfig;
//!
//! #[derive(Deserialize)]
//! struct Db { host: String, port: u16 }
//!
//! fn app(ui: &Ui) -> Result {
//!     let token = ui.text_input("API token");          // a password input in a real app
//!     if !token.is_empty() {
//!         ui.set_secret("api.token", token);          // memory only, this session only
//!     }
//!     let db: Db = ui.secrets().section("db")?;
//!     ui.write(format!("{}:{}", db.host, db.port));
//!     if let Ok(token) = ui.secrets().get::<String>("api.token") {
//!         ui.write(format!("token of {} characters", token.len()));
//!     }
//!     Ok(())
//! }
//! let mut at = AppTest::new(app);
//! at.config(AppConfig::parse("[secrets.db]\nhost = \"db.example.com\"\nport = 5432"));
//! at.run();
//! assert_eq!(at.markdown(0).text(), "db.example.com:5432");
//! at.set_secret("api.token", "abc").run();
//! assert_eq!(at.markdown(1).text(), "token of 3 characters");
//! ```
//!
//! **Visitor secrets stay in the tab's memory**: they live on the session's runtime, not in
//! session state, so they are never in a persisted session key, IndexedDB or a persisted
//! cache, and "Reset session" (which reloads the page) forgets them. The development-reload
//! snapshot (debug builds, `sessionStorage`) leaves out the values of password inputs and any
//! text equal to a visitor's secret, wherever the app put it in session state. Only the app's
//! own code can put them somewhere else.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::de::DeserializeOwned;

use crate::identity::WidgetId;
use crate::ui::Ui;

/// What `ui.secrets()` could not give: Streamlit's `KeyError`, or a value of another shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecretsError {
    /// No value at `key`; `missing` is the first part of the path that is not there.
    Missing { key: String, missing: String },
    /// The value at `key` does not read as the type asked for.
    Invalid { key: String, message: String },
}

impl fmt::Display for SecretsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecretsError::Missing { key, missing } => write!(
                f,
                "no secret `{key}`: `{missing}` is not there (set it in [secrets] of wasmlit.toml, or at run time \
                 with ui.set_secret(\"{key}\", ..))"
            ),
            SecretsError::Invalid { key, message } => write!(f, "secret `{key}`: {message}"),
        }
    }
}

impl std::error::Error for SecretsError {}

/// The secrets a session holds: the config's root, and what the visitor supplied.
#[derive(Clone, Default)]
pub(crate) struct SecretStore {
    /// `[secrets]`' keys and `connections` from the app's config: a `toml::Table` behind
    /// `dyn Any`, so an app that never calls `with_config` links no TOML drop code.
    pub config: Option<std::rc::Rc<dyn std::any::Any>>,
    /// Dotted path → value, supplied at run time.
    pub visitor: BTreeMap<String, String>,
    /// Widgets whose value is a secret (password inputs): kept out of the reload snapshot.
    pub widgets: HashSet<WidgetId>,
}

impl SecretStore {
    /// Whether `text` is a value the visitor supplied (kept out of the reload snapshot).
    pub(crate) fn is_visitor_value(&self, text: &str) -> bool {
        !text.is_empty() && self.visitor.values().any(|value| value == text)
    }

    fn merged(&self) -> toml::Table {
        let config = self.config.as_ref().and_then(|c| c.downcast_ref::<toml::Table>());
        let mut root = config.cloned().unwrap_or_default();
        for (path, value) in &self.visitor {
            insert_path(&mut root, path, toml::Value::String(value.clone()));
        }
        root
    }
}

/// Puts `value` at a dotted `path`, making (or replacing non-table values with) tables on the way.
fn insert_path(root: &mut toml::Table, path: &str, value: toml::Value) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop().unwrap_or_default();
    let mut table = root;
    for part in parts {
        let slot = table.entry(part).or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if !slot.is_table() {
            *slot = toml::Value::Table(toml::Table::new());
        }
        let toml::Value::Table(inner) = slot else { return };
        table = inner;
    }
    table.insert(last.to_string(), value);
}

/// A copy of the session's secrets, as of the call: see the [module docs](self). Its
/// `Debug` shows the top-level keys, never the values.
#[derive(Clone)]
pub struct Secrets {
    root: toml::Table,
}

impl fmt::Debug for Secrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secrets").field("keys", &self.root.keys().collect::<Vec<_>>()).finish()
    }
}

impl Secrets {
    pub(crate) fn of(store: &SecretStore) -> Secrets {
        Secrets { root: store.merged() }
    }

    fn find(&self, key: &str) -> Result<toml::Value, SecretsError> {
        let mut value: Option<&toml::Value> = None;
        let mut walked = String::new();
        for part in key.split('.') {
            if !walked.is_empty() {
                walked.push('.');
            }
            walked.push_str(part);
            let next = match value {
                None => self.root.get(part),
                Some(toml::Value::Table(table)) => table.get(part),
                Some(_) => None,
            };
            value = Some(next.ok_or_else(|| SecretsError::Missing { key: key.into(), missing: walked.clone() })?);
        }
        value.cloned().ok_or_else(|| SecretsError::Missing { key: key.into(), missing: key.into() })
    }

    /// The value at a dotted `key` (`"db.host"`), read as `T` through serde: a string, a
    /// number, a list, a map or struct of a table. `Err` names the key, as Streamlit's `KeyError`.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| -> Result {
    ///     let port: u16 = ui.secrets().get("db.port")?;
    ///     ui.write(port);
    ///     Ok(())
    /// });
    /// at.set_secret("db.host", "x").run();
    /// assert!(at.exception(0).text().contains("no secret `db.port`: `db.port` is not there"));
    /// ```
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Result<T, SecretsError> {
        let value = self.find(key)?;
        value
            .try_into()
            .map_err(|e: toml::de::Error| SecretsError::Invalid { key: key.into(), message: e.message().to_string() })
    }

    /// A table (`[secrets.db]`) as a typed struct; `Err` if `key` is missing or not a table.
    pub fn section<T: DeserializeOwned>(&self, key: &str) -> Result<T, SecretsError> {
        if !self.find(key)?.is_table() {
            return Err(SecretsError::Invalid { key: key.into(), message: "is a value, not a section (table)".into() });
        }
        self.get(key)
    }

    /// Whether a value is at `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// The table at `key` (`None` if missing or not a table), for connection parameters.
    pub(crate) fn table(&self, key: &str) -> Option<toml::Table> {
        match self.find(key) {
            Ok(toml::Value::Table(table)) => Some(table),
            _ => None,
        }
    }
}

impl Ui {
    /// Streamlit's `st.secrets`: the app's public `[secrets]` and `[connections]` config, with
    /// the values the visitor supplied in this session on top. See [`crate::secrets`].
    pub fn secrets(&self) -> Secrets {
        Secrets::of(&self.runtime.borrow().secrets)
    }

    /// Keeps a value the visitor supplied (a token typed in a password input) at a dotted
    /// `key`, in memory for this session only; it wins over the config. `[connections.<name>]`
    /// keys (`"connections.api.token"`) become that connection's parameters.
    pub fn set_secret(&self, key: impl Into<String>, value: impl Into<String>) {
        self.runtime.borrow_mut().secrets.visitor.insert(key.into(), value.into());
    }

    /// Forgets a value the visitor supplied.
    pub fn clear_secret(&self, key: &str) {
        self.runtime.borrow_mut().secrets.visitor.remove(key);
    }
}

#[cfg(test)]
mod tests;

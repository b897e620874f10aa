//! The app's public configuration: a `wasmlit.toml` compiled in at build time, with its
//! `[theme]`, `[secrets]` and `[connections.<name>]` tables.
//!
//! ```toml
//! # Keys that look secret but are meant to be public, as dotted paths (top of the file).
//! public = ["connections.maps.api_key"]
//!
//! [secrets]
//! greeting = "hello"
//! db = { host = "db.example.com", port = 5432 }
//!
//! [connections.maps]
//! url = "https://tiles.example.com"
//! api_key = "pk_public_123"
//! ```
//!
//! ```ignore
//! fn main() {
//!     let session = wasmlit::Session::new(app).with_config(wasmlit::config!("wasmlit.toml"));
//!     wasmlit::run_session(session);
//! }
//! ```
//!
//! **Nothing in it is secret.** The file is compiled into the app, and anything shipped to a
//! browser can be read by whoever opens the page. So [`config!`](crate::config!) refuses, at
//! build time, a file whose `[secrets]` or `[connections]` keys look secret (a word part
//! `password`, `token`, `key` or `secret`) unless the top-level `public` array lists them (or
//! a table above them). Real secrets come from the visitor at run time
//! ([`Ui::set_secret`](crate::Ui::set_secret)) and stay in the tab's memory.
//!
//! ```
//! let config = wasmlit::config!("tests/support/config/public.toml");
//! assert!(config.error().is_none());
//! ```
//!
//! A password in the file does not compile (the message says why, and how to mark a key public):
//!
//! ```compile_fail
//! let config = wasmlit::config!("tests/support/config/secret.toml");
//! ```

pub(crate) mod check;

pub use check::looks_secret;

/// A parsed `wasmlit.toml`, or why it was refused. Made by [`config!`](crate::config!) (checked
/// at build time) or [`AppConfig::parse`] (checked when the session takes it).
#[derive(Clone, Debug)]
pub struct AppConfig {
    text: String,
    parsed: Result<toml::Table, String>,
}

impl AppConfig {
    /// Reads a `wasmlit.toml`: refused (as a whole) if it is not TOML, if `[secrets]` or
    /// `[connections.<name>]` are not tables, or if a key looks secret and is not marked public.
    ///
    /// ```
    /// use wasmlit::config::AppConfig;
    /// assert!(AppConfig::parse("[secrets]\nregion = \"eu\"").error().is_none());
    /// let refused = AppConfig::parse("[connections.db]\npassword = \"hunter2\"");
    /// assert!(refused.error().unwrap().contains("`connections.db.password`"));
    /// let public = AppConfig::parse("public = [\"connections.db.password\"]\n[connections.db]\npassword = \"demo\"");
    /// assert!(public.error().is_none());
    /// ```
    pub fn parse(text: &str) -> AppConfig {
        let parsed = text
            .parse::<toml::Table>()
            .map_err(|e| format!("wasmlit.toml: {}", e.to_string().trim()))
            .and_then(|table| check::check_public(&table).map(|()| table));
        AppConfig { text: text.to_string(), parsed }
    }

    /// Why the file was refused.
    pub fn error(&self) -> Option<&str> {
        self.parsed.as_ref().err().map(String::as_str)
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the file has a `[theme]` table.
    pub(crate) fn has_theme(&self) -> bool {
        self.parsed.as_ref().is_ok_and(|table| table.contains_key("theme"))
    }

    /// The `[secrets]` and `[connections]` tables, as the root of `ui.secrets()`: the keys of
    /// `[secrets]`, and `connections`.
    pub(crate) fn secrets_root(&self) -> toml::Table {
        let Ok(table) = &self.parsed else { return toml::Table::new() };
        let mut root = match table.get("secrets") {
            Some(toml::Value::Table(secrets)) => secrets.clone(),
            _ => toml::Table::new(),
        };
        if let Some(connections) = table.get("connections") {
            root.insert("connections".into(), connections.clone());
        }
        root
    }
}

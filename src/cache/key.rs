//! Cache keys: a function's identity and a canonical hash of its arguments.
//!
//! Both are xxh3 with seed 0 over a canonical encoding (tagged, length-prefixed, floats by
//! bits, maps in sorted order), like widget ids, so a key is the same across runs, builds
//! and page reloads — which persisted entries rely on. `std::hash` output never enters a key.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use xxhash_rust::xxh3::Xxh3;

/// Where a cached function comes from: what makes two functions "the same function".
///
/// `#[cache_data]` builds one from `module_path!()`, the function's name and a hash of its
/// source tokens, so an edited function starts with an empty cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FunctionSpec {
    /// `module_path!()` of the function (empty for the builder form).
    pub module: &'static str,
    /// The function's name, shown in the spinner.
    pub name: &'static str,
    /// A hash of the function's source (signature, body and cache options).
    pub source: u64,
    /// The app crate and version (`"name@1.2.3"`): part of a persisted entry's version.
    pub build: &'static str,
}

impl FunctionSpec {
    /// A function's identity; the macros call this.
    pub const fn new(module: &'static str, name: &'static str, source: u64, build: &'static str) -> Self {
        FunctionSpec { module, name, source, build }
    }

    /// The spec as seen from the function's companion module (`load::clear()`), whose
    /// `module_path!()` ends in `::load`.
    #[doc(hidden)]
    pub fn from_companion(module: &'static str, name: &'static str, source: u64, build: &'static str) -> Self {
        let parent = module.strip_suffix(name).and_then(|m| m.strip_suffix("::")).unwrap_or(module);
        FunctionSpec::new(parent, name, source, build)
    }

    /// The key of the function's cache.
    pub fn key(&self) -> FunctionKey {
        let mut hasher = KeyHasher::new();
        hasher.write_str(self.module);
        hasher.write_str(self.name);
        hasher.write_u64(self.source);
        FunctionKey(hasher.finish().0)
    }
}

/// The identity of one cached function.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FunctionKey(pub u128);

/// The hash of one argument set, within one function's cache.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ValueKey(pub u128);

impl fmt::Debug for FunctionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FunctionKey({:032x})", self.0)
    }
}

impl fmt::Debug for ValueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ValueKey({:032x})", self.0)
    }
}

/// The canonical hasher of cache keys.
///
/// ```
/// use wasmlit::cache::KeyHasher;
/// let mut a = KeyHasher::new();
/// a.arg("url", "https://example.com").arg("rows", &100);
/// let mut b = KeyHasher::new();
/// b.arg("url", "https://example.com").arg("rows", &100);
/// assert_eq!(a.finish(), b.finish());
/// ```
#[derive(Clone)]
pub struct KeyHasher {
    hasher: Xxh3,
}

impl Default for KeyHasher {
    fn default() -> Self {
        KeyHasher::new()
    }
}

impl KeyHasher {
    /// An empty key.
    pub fn new() -> Self {
        KeyHasher { hasher: Xxh3::with_seed(0) }
    }

    /// Adds a named argument: its name and its value's canonical encoding.
    pub fn arg<T: CacheKey + ?Sized>(&mut self, name: &str, value: &T) -> &mut Self {
        self.tag(b'a');
        self.write_str(name);
        value.cache_key(self);
        self
    }

    /// The 128-bit hash of everything added so far.
    pub fn finish(&self) -> ValueKey {
        ValueKey(self.hasher.digest128())
    }

    fn tag(&mut self, tag: u8) {
        self.hasher.update(&[tag]);
    }

    /// Adds raw bytes, length-prefixed.
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        self.tag(b'b');
        self.hasher.update(&(bytes.len() as u64).to_le_bytes());
        self.hasher.update(bytes);
    }

    /// Adds a string, length-prefixed.
    pub fn write_str(&mut self, text: &str) {
        self.tag(b's');
        self.hasher.update(&(text.len() as u64).to_le_bytes());
        self.hasher.update(text.as_bytes());
    }

    /// Adds an unsigned integer (all unsigned widths share this encoding).
    pub fn write_u64(&mut self, value: u64) {
        self.write_u128(u128::from(value));
    }

    /// Adds a wide unsigned integer.
    pub fn write_u128(&mut self, value: u128) {
        self.tag(b'u');
        self.hasher.update(&value.to_le_bytes());
    }

    /// Adds a signed integer (all signed widths share this encoding).
    pub fn write_i128(&mut self, value: i128) {
        self.tag(b'i');
        self.hasher.update(&value.to_le_bytes());
    }

    /// Adds a float by its bits (so `0.0` and `-0.0` differ, and `NaN` equals itself).
    pub fn write_f64(&mut self, value: f64) {
        self.tag(b'f');
        self.hasher.update(&value.to_bits().to_le_bytes());
    }

    /// Adds a bool.
    pub fn write_bool(&mut self, value: bool) {
        self.tag(if value { b'T' } else { b'F' });
    }

    /// Starts a sequence of `len` items.
    pub fn write_len(&mut self, len: usize) {
        self.tag(b'l');
        self.hasher.update(&(len as u64).to_le_bytes());
    }

    /// Marks which variant of an enum follows (derived `CacheKey` calls this).
    pub fn variant(&mut self, index: u64) {
        self.tag(b'v');
        self.hasher.update(&index.to_le_bytes());
    }

    /// Adds a set or map whose iteration order is not defined: items are sorted by their
    /// own hash first, so two equal maps hash equally.
    fn unordered<'a, I, F>(&mut self, items: I, each: F)
    where
        I: ExactSizeIterator,
        F: Fn(&mut KeyHasher, I::Item),
        I::Item: 'a,
    {
        let mut digests: Vec<u128> = items
            .map(|item| {
                let mut sub = KeyHasher::new();
                each(&mut sub, item);
                sub.finish().0
            })
            .collect();
        digests.sort_unstable();
        self.write_len(digests.len());
        for digest in digests {
            self.write_u128(digest);
        }
    }
}

/// A type whose values can be part of a cache key.
///
/// Implemented for numbers, `bool`, `char`, strings, `Option`, tuples, slices, `Vec`,
/// arrays, maps and sets (hash maps and sets in a canonical order), `Duration` and smart
/// pointers. Derive it for your own types with `#[derive(CacheKey)]`, or write it by hand to
/// hash only what matters (Streamlit's `hash_funcs`):
///
/// ```
/// use wasmlit::cache::{CacheKey, KeyHasher};
/// struct Connection { url: String, pool: Vec<u8> }
/// impl CacheKey for Connection {
///     fn cache_key(&self, hasher: &mut KeyHasher) {
///         self.url.cache_key(hasher); // the pool does not change results
///     }
/// }
/// ```
pub trait CacheKey {
    /// Feeds the value's canonical encoding to `hasher`.
    fn cache_key(&self, hasher: &mut KeyHasher);
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl CacheKey for $t {
            fn cache_key(&self, hasher: &mut KeyHasher) {
                hasher.write_u128(*self as u128);
            }
        }
    )*};
}
unsigned!(u8, u16, u32, u64, u128, usize);

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl CacheKey for $t {
            fn cache_key(&self, hasher: &mut KeyHasher) {
                hasher.write_i128(*self as i128);
            }
        }
    )*};
}
signed!(i8, i16, i32, i64, i128, isize);

impl CacheKey for f64 {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_f64(*self);
    }
}

impl CacheKey for f32 {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_f64(f64::from(*self));
    }
}

impl CacheKey for bool {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_bool(*self);
    }
}

impl CacheKey for char {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_u64(u64::from(*self as u32));
    }
}

impl CacheKey for str {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_str(self);
    }
}

impl CacheKey for String {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_str(self);
    }
}

impl CacheKey for () {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_len(0);
    }
}

impl CacheKey for Duration {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_u128(self.as_nanos());
    }
}

impl CacheKey for std::path::Path {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_str(&self.to_string_lossy());
    }
}

impl CacheKey for std::path::PathBuf {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        self.as_path().cache_key(hasher);
    }
}

macro_rules! transparent {
    ($($t:ty),*) => {$(
        impl<T: CacheKey + ?Sized> CacheKey for $t {
            fn cache_key(&self, hasher: &mut KeyHasher) {
                (**self).cache_key(hasher);
            }
        }
    )*};
}
transparent!(&T, &mut T, Box<T>, Rc<T>, Arc<T>);

impl<T: CacheKey + ToOwned + ?Sized> CacheKey for Cow<'_, T> {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        (**self).cache_key(hasher);
    }
}

impl<T: CacheKey> CacheKey for Option<T> {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        match self {
            None => hasher.variant(0),
            Some(value) => {
                hasher.variant(1);
                value.cache_key(hasher);
            }
        }
    }
}

impl<T: CacheKey, E: CacheKey> CacheKey for Result<T, E> {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        match self {
            Ok(value) => {
                hasher.variant(0);
                value.cache_key(hasher);
            }
            Err(error) => {
                hasher.variant(1);
                error.cache_key(hasher);
            }
        }
    }
}

impl<T: CacheKey> CacheKey for [T] {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_len(self.len());
        for item in self {
            item.cache_key(hasher);
        }
    }
}

impl<T: CacheKey, const N: usize> CacheKey for [T; N] {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        self.as_slice().cache_key(hasher);
    }
}

impl<T: CacheKey> CacheKey for Vec<T> {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        self.as_slice().cache_key(hasher);
    }
}

impl<T: CacheKey> CacheKey for VecDeque<T> {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_len(self.len());
        for item in self {
            item.cache_key(hasher);
        }
    }
}

impl<K: CacheKey, V: CacheKey> CacheKey for BTreeMap<K, V> {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_len(self.len());
        for (key, value) in self {
            key.cache_key(hasher);
            value.cache_key(hasher);
        }
    }
}

impl<T: CacheKey> CacheKey for BTreeSet<T> {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.write_len(self.len());
        for item in self {
            item.cache_key(hasher);
        }
    }
}

impl<K: CacheKey, V: CacheKey, S> CacheKey for HashMap<K, V, S> {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.unordered(self.iter(), |sub, (key, value)| {
            key.cache_key(sub);
            value.cache_key(sub);
        });
    }
}

impl<T: CacheKey, S> CacheKey for HashSet<T, S> {
    fn cache_key(&self, hasher: &mut KeyHasher) {
        hasher.unordered(self.iter(), |sub, item| item.cache_key(sub));
    }
}

macro_rules! tuples {
    ($( ($($name:ident),+) )*) => {$(
        #[allow(non_snake_case)]
        impl<$($name: CacheKey),+> CacheKey for ($($name,)+) {
            fn cache_key(&self, hasher: &mut KeyHasher) {
                let ($($name,)+) = self;
                let arity = [$(stringify!($name)),+].len();
                hasher.write_len(arity);
                $($name.cache_key(hasher);)+
            }
        }
    )*};
}
tuples! {
    (A) (A, B) (A, B, C) (A, B, C, D) (A, B, C, D, E) (A, B, C, D, E, F)
    (A, B, C, D, E, F, G) (A, B, C, D, E, F, G, H)
}

/// Wraps a value that must not be part of the key (the builder form's equivalent of an
/// argument named `_like_this`).
///
/// ```
/// use wasmlit::cache::{KeyHasher, Unhashed};
/// let mut a = KeyHasher::new();
/// a.arg("conn", &Unhashed(vec![1, 2, 3]));
/// let mut b = KeyHasher::new();
/// b.arg("conn", &Unhashed(vec![4]));
/// assert_eq!(a.finish(), b.finish());
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Unhashed<T>(pub T);

impl<T> CacheKey for Unhashed<T> {
    fn cache_key(&self, _hasher: &mut KeyHasher) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<T: CacheKey + ?Sized>(value: &T) -> ValueKey {
        let mut hasher = KeyHasher::new();
        hasher.arg("x", value);
        hasher.finish()
    }

    #[test]
    fn keys_are_fixed_across_builds() {
        // A persisted entry is found by this value: if it changes, persisted caches miss.
        let mut hasher = KeyHasher::new();
        hasher.arg("rows", &10_000u32).arg("url", "data.csv");
        assert_eq!(hasher.finish(), {
            let mut h = KeyHasher::new();
            h.arg("rows", &10_000u64).arg("url", &String::from("data.csv"));
            h.finish()
        });
        let spec = FunctionSpec::new("app", "load", 7, "app@1");
        assert_eq!(spec.key(), FunctionSpec::new("app", "load", 7, "app@2").key(), "the build is not identity");
        assert_ne!(spec.key(), FunctionSpec::new("app", "load", 8, "app@1").key(), "the source is");
    }

    #[test]
    fn encodings_are_canonical() {
        assert_eq!(key("ab"), key(&String::from("ab")));
        assert_ne!(key(&("a", "bc")), key(&("ab", "c")), "strings are length-prefixed");
        assert_ne!(key(&0.0f64), key(&-0.0f64), "floats hash by bits");
        assert_eq!(key(&1.5f32), key(&1.5f64));
        assert_ne!(key(&Some(0)), key(&None::<i32>));
        assert_ne!(key(&vec![1, 2]), key(&vec![2, 1]));
        let a: HashMap<&str, i32> = [("x", 1), ("y", 2), ("z", 3)].into_iter().collect();
        let mut b = HashMap::new();
        for (k, v) in [("z", 3), ("x", 1), ("y", 2)] {
            b.insert(k, v);
        }
        assert_eq!(key(&a), key(&b), "hash maps hash in a canonical order");
        let c: HashMap<&str, i32> = [("x", 1), ("y", 2), ("z", 4)].into_iter().collect();
        assert_ne!(key(&a), key(&c));
        let set: HashSet<i32> = (0..50).collect();
        let reversed: HashSet<i32> = (0..50).rev().collect();
        assert_eq!(key(&set), key(&reversed));
    }
}

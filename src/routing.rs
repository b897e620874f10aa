//! Where a multipage app's page lives in the address bar, as plain string maths the web layer
//! (`src/web/pages.rs`) applies to `window.location`.
//!
//! - [`Routing::Path`] (the default): `/<base>/plotting?x=1`, through the History API. A deep
//!   link needs a host that serves the app for it, or a `404.html` fallback as GitHub Pages has.
//! - [`Routing::Hash`]: `/<base>/?x=1#/plotting`. The host only ever serves the app's own
//!   file, so it works on any static host and from `file://`; an app opened from a `file:`
//!   URL (an exported app) always routes this way. A fragment that does not start with `/`
//!   stays a `#section` link.
//!
//! ```
//! use wasmlit::routing::{Address, Routing};
//! let here = Address { pathname: "/app/", search: "", hash: "#/plotting" };
//! assert_eq!(Routing::Hash.page("/app/", &here), "plotting");
//! assert_eq!(Routing::Hash.url("/app/", &here, Some("mapping"), "x=1"), Some(("/app/?x=1#/mapping".into(), true)));
//! ```

/// How pages map to URLs. Set with [`Session::with_routing`](crate::Session::with_routing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Routing {
    /// Pages are paths below the app's base URL.
    #[default]
    Path,
    /// Pages are fragments: `#/page`.
    Hash,
}

/// An address as `window.location` splits it: `pathname`, `search` (`""` or `?…`) and
/// `hash` (`""` or `#…`).
#[derive(Clone, Copy, Debug)]
pub struct Address<'a> {
    pub pathname: &'a str,
    pub search: &'a str,
    pub hash: &'a str,
}

impl Routing {
    /// The page path the address asks for (`""`: the default page). `base` is the app's base
    /// path, ending in `/`.
    pub fn page(self, base: &str, address: &Address) -> String {
        match self {
            Routing::Path => {
                let decoded = decode_component(address.pathname);
                let relative = decoded
                    .strip_prefix(base)
                    .or_else(|| (decoded.clone() + "/").strip_prefix(base).map(|_| ""))
                    .unwrap_or("")
                    .trim_matches('/');
                // `/app/index.html` is the app's root.
                relative.strip_suffix("index.html").unwrap_or(relative).trim_matches('/').to_string()
            }
            Routing::Hash => match address.hash.strip_prefix("#/") {
                Some(page) => decode_component(page).trim_matches('/').to_string(),
                None => String::new(),
            },
        }
    }

    /// The URL to show after a run on `page` (`None`: the run did not say, the page stays)
    /// with the query string `query` (without `?`), and whether it is another page than the
    /// address shows (a new history entry when the viewer moved, and the top of the page).
    /// `None` when the address already says it all. A `#section` stays while the page does.
    pub fn url(self, base: &str, address: &Address, page: Option<&str>, query: &str) -> Option<(String, bool)> {
        let query = if query.is_empty() { String::new() } else { format!("?{query}") };
        let (path, fragment, current) = match self {
            Routing::Path => {
                let path =
                    page.map_or_else(|| address.pathname.to_string(), |page| format!("{base}{}", encode_path(page)));
                (path, String::new(), address.pathname.to_string())
            }
            Routing::Hash => {
                let current = if address.hash.starts_with("#/") { address.hash } else { "" };
                let fragment = match page {
                    None => current.to_string(),
                    Some("") => String::new(),
                    Some(page) => format!("#/{}", encode_path(page)),
                };
                (address.pathname.to_string(), fragment.clone(), current.to_string())
            }
        };
        let same_page = match self {
            Routing::Path => path == current,
            Routing::Hash => fragment == current,
        };
        if same_page && query == address.search {
            return None;
        }
        let url = if same_page {
            format!("{}{query}{}", address.pathname, address.hash)
        } else {
            format!("{path}{query}{fragment}")
        };
        Some((url, !same_page))
    }

    /// The `href` of a link to `page` (`""`: the default page).
    pub fn href(self, base: &str, page: &str) -> String {
        match self {
            Routing::Path => format!("{base}{}", encode_path(page)),
            Routing::Hash => format!("#/{}", encode_path(page)),
        }
    }
}

/// `encodeURIComponent` of each `/`-separated part.
pub fn encode_path(path: &str) -> String {
    path.split('/').map(encode_component).collect::<Vec<_>>().join("/")
}

/// JavaScript's `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` as
/// `%XX` of its UTF-8 bytes.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `decodeURIComponent`, which keeps the text as it is when it is not valid percent-encoded
/// UTF-8 (where JavaScript would throw).
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
            let Some(byte) = hex else { return text.to_string() };
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(pathname: &'a str, search: &'a str, hash: &'a str) -> Address<'a> {
        Address { pathname, search, hash }
    }

    #[test]
    fn path_routing_reads_the_page_below_the_base() {
        let page = |pathname| Routing::Path.page("/app/", &at(pathname, "", ""));
        assert_eq!(page("/app/"), "");
        assert_eq!(page("/app"), "");
        assert_eq!(page("/app/index.html"), "");
        assert_eq!(page("/app/plotting/"), "plotting");
        assert_eq!(page("/app/caf%C3%A9"), "café");
        assert_eq!(page("/elsewhere/x"), "");
    }

    #[test]
    fn path_routing_writes_the_page_and_keeps_a_section_on_the_same_page() {
        let url = |here: Address, page, query| Routing::Path.url("/app/", &here, page, query);
        assert_eq!(url(at("/app/", "", ""), Some("two"), ""), Some(("/app/two".into(), true)));
        assert_eq!(url(at("/app/two", "", "#intro"), Some("two"), ""), None);
        assert_eq!(url(at("/app/two", "", "#intro"), Some("two"), "a=1"), Some(("/app/two?a=1#intro".into(), false)));
        assert_eq!(url(at("/app/two", "?a=1", "#intro"), Some(""), ""), Some(("/app/".into(), true)));
        assert_eq!(url(at("/app/x", "?a=1", ""), None, ""), Some(("/app/x".into(), false)));
        assert_eq!(url(at("/app/", "", ""), Some("a b/c"), ""), Some(("/app/a%20b/c".into(), true)));
    }

    #[test]
    fn hash_routing_reads_and_writes_the_fragment_and_leaves_sections_alone() {
        let page = |hash| Routing::Hash.page("/", &at("/tmp/app.html", "", hash));
        assert_eq!(page(""), "");
        assert_eq!(page("#/"), "");
        assert_eq!(page("#/plotting"), "plotting");
        assert_eq!(page("#/caf%C3%A9/"), "café");
        assert_eq!(page("#intro"), "", "a section is not a page");

        let url = |here: Address, page, query| Routing::Hash.url("/", &here, page, query);
        let file = "/tmp/app.html";
        assert_eq!(url(at(file, "", ""), Some("two"), ""), Some(("/tmp/app.html#/two".into(), true)));
        assert_eq!(url(at(file, "", "#/two"), Some("two"), ""), None);
        assert_eq!(url(at(file, "", "#/two"), Some("two"), "x=2"), Some(("/tmp/app.html?x=2#/two".into(), false)));
        assert_eq!(url(at(file, "?x=2", "#/two"), Some(""), "x=2"), Some(("/tmp/app.html?x=2".into(), true)));
        // The default page keeps a `#section`; the run did not name a page: nothing moves.
        assert_eq!(url(at(file, "", "#intro"), Some(""), ""), None);
        assert_eq!(url(at(file, "", "#intro"), None, "q=1"), Some(("/tmp/app.html?q=1#intro".into(), false)));
        assert_eq!(Routing::Hash.href("/app/", "a b"), "#/a%20b");
        assert_eq!(Routing::Path.href("/app/", "a b"), "/app/a%20b");
    }

    #[test]
    fn percent_coding_matches_javascript_and_survives_bad_input() {
        assert_eq!(encode_component("a b/ç?&=#~'"), "a%20b%2F%C3%A7%3F%26%3D%23~'");
        assert_eq!(decode_component("a%20b%2F%C3%A7"), "a b/ç");
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz"), "%zz");
        assert_eq!(decode_component("%C3"), "%C3", "not UTF-8: kept as written");
        assert_eq!(decode_component(&encode_component("ünï/cødé 😀")), "ünï/cødé 😀");
    }
}

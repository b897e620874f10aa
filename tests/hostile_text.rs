//! Hostile text through the Markdown sanitizer: every payload of `tests/corpus/xss.txt` (and
//! the same payloads inside links, labels and Streamlit's extras) renders to HTML made only of
//! the tags and attributes the sanitizer means to emit, with no URL a browser would run.
//!
//! The same corpus goes through every text surface of the built app in `tests/e2e.rs`
//! ("Hostile text"), where the browser parses it; this test pins the HTML itself.

use wasmlit::markdown::{label_html, safe_url, to_html};

/// The corpus: one payload per line, comments start with `-- `.
pub fn payloads() -> Vec<&'static str> {
    include_str!("corpus/xss.txt").lines().filter(|line| !line.is_empty() && !line.starts_with("-- ")).collect()
}

/// One start tag of the sanitizer's output: its name and attributes (entity-decoded values).
#[derive(Debug)]
struct StartTag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The start tags of `html`, read the way a browser's tokenizer reads them (quoted, single-quoted
/// and bare values), so that raw HTML can be checked too. Text in the sanitizer's output never
/// holds a raw `<` (it is escaped to `&lt;`), so there every `<` opens a tag.
fn start_tags(html: &str) -> Vec<StartTag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name_end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
        let mut tag = StartTag { name: rest[..name_end].to_ascii_lowercase(), attributes: Vec::new() };
        rest = &rest[name_end..];
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() {
                break;
            }
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let name_end = rest.find(|c: char| c.is_whitespace() || "=>/".contains(c)).unwrap_or(rest.len()).max(1);
            let name = rest[..name_end].to_ascii_lowercase();
            rest = rest[name_end..].trim_start();
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                let (raw, next) = match after.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        let body = &after[1..];
                        let end = body.find(quote).unwrap_or(body.len());
                        (&body[..end], &body[(end + 1).min(body.len())..])
                    }
                    _ => {
                        let end = after.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                value = decode_entities(raw);
                rest = next;
            }
            tag.attributes.push((name, value));
        }
        tags.push(tag);
    }
    tags
}

/// What a browser reads in an attribute value: the entities the sanitizer writes, decoded.
fn decode_entities(value: &str) -> String {
    value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// The Markdown around a payload: on its own, and in every place a payload could sit.
const CONTEXTS: [&str; 14] = [
    "{}",
    "[{}](https://example.com)",
    "[x]({})",
    "![{}]({})",
    "# {}",
    "| {} |\n|---|\n| {} |",
    "- [ ] {}\n1. {}",
    "> {}",
    ":red[{}] :blue-badge[{}] :small[{}]",
    "**{}** _{}_ ~~{}~~",
    "```\n{}\n```",
    "`{}`",
    "[x]: {}\n\n[x]",
    "<{}>",
];

/// The attributes each tag may carry in the sanitizer's output, and what they may hold.
fn allowed(tag: &str, name: &str, value: &str) -> bool {
    let scheme_free = |url: &str| {
        let url: String =
            url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_lowercase();
        !["javascript:", "vbscript:", "livescript:", "data:text", "data:application", "file:"]
            .iter()
            .any(|s| url.starts_with(s))
    };
    match (tag, name) {
        ("a", "href") => safe_url(value, false) && scheme_free(value),
        ("img", "src") => safe_url(value, true) && scheme_free(value),
        ("a" | "img", "title") | ("img", "alt") => true,
        ("span", "class") => value.split(' ').all(|class| class.starts_with("wl-")),
        ("input", "type") => value == "checkbox",
        ("input", "disabled" | "checked") => value.is_empty(),
        ("ol", "start") => value.parse::<u64>().is_ok(),
        ("th" | "td", "style") => value.starts_with("text-align:") && !value.contains(['(', ';', '"']),
        ("code", "class") => value.starts_with("language-") && !value.contains(['"', '<', '>']),
        _ => false,
    }
}

/// The tags the sanitizer may emit (without raw HTML allowed).
const TAGS: [&str; 25] = [
    "p",
    "a",
    "img",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "span",
];

/// A MathML element that `$..$` renders with the `latex` feature (pulldown-latex): no
/// `maction` (it can link) and no `mglyph` (it loads an image).
fn mathml(tag: &str) -> bool {
    cfg!(feature = "latex")
        && (tag == "math" || tag == "semantics" || tag == "annotation" || tag.starts_with('m'))
        && !matches!(tag, "maction" | "mglyph")
}

/// What a MathML element may carry: layout attributes, never a handler, a link or a URL.
fn mathml_attribute(name: &str, value: &str) -> bool {
    !name.starts_with("on")
        && !matches!(name, "href" | "xlink:href" | "src" | "actiontype")
        && !(name == "style" && (value.contains("url(") || value.contains("expression(")))
}

/// What in `html` the sanitizer should not have let through.
fn violations(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in start_tags(html) {
        let math = mathml(&tag.name);
        if !TAGS.contains(&tag.name.as_str()) && !matches!(tag.name.as_str(), "input" | "hr" | "br") && !math {
            found.push(format!("tag <{}>", tag.name));
        }
        for (name, value) in &tag.attributes {
            if !(allowed(&tag.name, name, value) || math && mathml_attribute(name, value)) {
                found.push(format!("attribute {name}={value:?} on <{}>", tag.name));
            }
        }
    }
    found
}

#[test]
fn the_corpus_holds_over_a_hundred_distinct_payloads() {
    let payloads = payloads();
    let distinct: std::collections::BTreeSet<_> = payloads.iter().collect();
    assert!(payloads.len() >= 100, "{} payloads", payloads.len());
    assert_eq!(distinct.len(), payloads.len(), "a payload is listed twice");
}

#[test]
fn every_payload_in_every_markdown_context_renders_only_allowed_tags_and_safe_urls() {
    let mut checked = 0;
    for payload in payloads() {
        for context in CONTEXTS {
            let body = context.replace("{}", payload);
            for (surface, html) in [("markdown", to_html(&body, false)), ("label", label_html(&body))] {
                let found = violations(&html);
                assert!(found.is_empty(), "{surface} of {body:?} lets through {found:?}:\n{html}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, payloads().len() * CONTEXTS.len() * 2);
}

#[test]
fn the_checker_catches_what_raw_html_lets_through() {
    // With HTML allowed (`markdown_unsafe_html`, the one way to raw HTML) the payloads are
    // the app author's own: the checker must see them, or the test above proves nothing.
    let caught = payloads().into_iter().filter(|payload| !violations(&to_html(payload, true)).is_empty()).count();
    assert!(caught * 10 >= payloads().len() * 6, "only {caught} raw payloads flagged");
    assert!(violations("<p><a href=\"javascript:alert(1)\">x</a></p>").len() == 1);
    assert!(violations("<img src=\"x\" onerror=\"alert(1)\" />").len() == 1);
    assert!(violations("<a href=\"https://example.com\" title=\"&quot;x\">y</a>").is_empty());
}

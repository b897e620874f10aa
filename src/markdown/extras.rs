//! Streamlit's Markdown extras, applied to the text of a Markdown event stream:
//! coloured text `:red[..]`, backgrounds `:red-background[..]`, `:small[..]`, badges
//! `:blue-badge[..]`, emoji shortcodes `:smile:` and Material icons `:material/home:`.
//!
//! Only `Text` events are read, never code spans, code blocks, URLs or raw HTML, so none
//! of these apply inside code. The text between the brackets stays `Text` (escaped when
//! rendered); the only HTML added is the `<span>`s built here from fixed class names and
//! icon names made of `[a-z0-9_]`. A directive closes at the first unmatched `]` in the
//! same Markdown container (`:red[**a**]` works, `:red[**a]**` does not); one that never
//! closes there is shown as typed.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::emoji;

/// The colours of `:color[..]`, `:color-background[..]` and `:color-badge[..]`
/// (`grey` is read as `gray`).
pub const COLORS: &[&str] = &["blue", "green", "orange", "red", "violet", "gray", "rainbow", "primary"];

/// The CSS classes of a directive's name (`red`, `red-background`, `small`, `blue-badge`).
fn directive_class(name: &str) -> Option<String> {
    let color = |c: &str| {
        let c = if c == "grey" { "gray" } else { c };
        COLORS.contains(&c).then(|| c.to_string())
    };
    if name == "small" {
        return Some("wl-small".into());
    }
    if let Some(c) = name.strip_suffix("-background") {
        return color(c).map(|c| format!("wl-bg wl-bg-{c}"));
    }
    if let Some(c) = name.strip_suffix("-badge") {
        return color(c).filter(|c| c != "rainbow").map(|c| format!("wl-badge wl-badge-{c}"));
    }
    color(name).map(|c| format!("wl-color wl-color-{c}"))
}

/// The `<span>` drawing Material icon `name` (made of `[a-z0-9_]`, checked by the caller).
pub(crate) fn material_icon_html(name: &str) -> String {
    format!("<span class=\"wl-material-icon\" data-icon=\"{name}\" aria-hidden=\"true\">{name}</span>")
}

fn is_icon_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A bracket open in the output: a directive's (its `<span>` is written when it closes,
/// `class` is `Some`) or a plain `[`.
struct Open {
    /// Where its opening text (`:red[` or `[`) is in the output.
    index: usize,
    /// The container nesting depth it was opened at.
    depth: usize,
    class: Option<String>,
}

/// Applies the extras to a whole event stream (see the module docs).
pub(crate) fn apply<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'a>> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut depth = 0usize;
    // Inside a code block or an image (whose alt text is plain text): no spans there.
    let mut verbatim = 0usize;
    for event in pulldown_cmark::TextMergeStream::new(events) {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::CodeBlock(_) | Tag::Image { .. }) {
                    verbatim += 1;
                }
                depth += 1;
                out.push(Event::Start(tag));
            }
            Event::End(end) => {
                if matches!(end, TagEnd::CodeBlock | TagEnd::Image) {
                    verbatim -= 1;
                }
                // Brackets still open in the container that ends stay as typed.
                while open.last().is_some_and(|o| o.depth >= depth) {
                    open.pop();
                }
                depth = depth.saturating_sub(1);
                out.push(Event::End(end));
            }
            Event::Text(text) if verbatim == 0 => text_with_extras(&text, depth, &mut out, &mut open),
            other => out.push(other),
        }
    }
    out
}

/// Splits one text into text and the HTML of the extras, onto `out`.
fn text_with_extras<'a>(text: &str, depth: usize, out: &mut Vec<Event<'a>>, open: &mut Vec<Open>) {
    let mut plain = String::new();
    let flush = |plain: &mut String, out: &mut Vec<Event<'a>>| {
        if !plain.is_empty() {
            out.push(Event::Text(CowStr::from(std::mem::take(plain))));
        }
    };
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == ':' {
            let after = &rest[1..];
            // `:name[`: a directive opens.
            let name_len = after.bytes().take_while(|b| b.is_ascii_lowercase() || *b == b'-').count();
            if after[name_len..].starts_with('[') {
                if let Some(class) = directive_class(&after[..name_len]) {
                    flush(&mut plain, out);
                    let typed = &rest[..name_len + 2];
                    open.push(Open { index: out.len(), depth, class: Some(class) });
                    out.push(Event::Text(CowStr::from(typed.to_string())));
                    rest = &rest[name_len + 2..];
                    continue;
                }
            }
            // `:material/name:` or `:shortcode:`.
            if let Some(end) = after.find(':') {
                let code = &after[..end];
                if let Some(icon) = code.strip_prefix("material/").filter(|n| is_icon_name(n)) {
                    flush(&mut plain, out);
                    out.push(Event::InlineHtml(CowStr::from(material_icon_html(icon))));
                    rest = &after[end + 1..];
                    continue;
                }
                if let Some(emoji) = emoji::shortcode(code) {
                    plain.push_str(emoji);
                    rest = &after[end + 1..];
                    continue;
                }
            }
        } else if c == '[' {
            flush(&mut plain, out);
            open.push(Open { index: out.len(), depth, class: None });
            out.push(Event::Text(CowStr::from("[")));
            rest = &rest[1..];
            continue;
        } else if c == ']' && open.last().is_some_and(|o| o.depth == depth) {
            flush(&mut plain, out);
            let bracket = open.pop().expect("checked above");
            match bracket.class {
                Some(class) => {
                    out[bracket.index] = Event::InlineHtml(CowStr::from(format!("<span class=\"{class}\">")));
                    out.push(Event::InlineHtml(CowStr::from("</span>")));
                }
                None => out.push(Event::Text(CowStr::from("]"))),
            }
            rest = &rest[1..];
            continue;
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut plain, out);
}

//! Markdown to HTML with pulldown-cmark; raw HTML is escaped unless allowed.
//!
//! ```
//! use wasmlit::markdown::to_html;
//! assert_eq!(to_html("**bold**", false), "<p><strong>bold</strong></p>\n");
//! assert_eq!(to_html("<b>x</b>", false), "<p>&lt;b&gt;x&lt;/b&gt;</p>\n");
//! assert_eq!(to_html("<b>x</b>", true), "<p><b>x</b></p>\n");
//! ```

use pulldown_cmark::{html, Event, Options, Parser};

/// Renders GitHub-flavoured Markdown (tables, strikethrough, task lists).
pub fn to_html(body: &str, allow_html: bool) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let parser = Parser::new_ext(body, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) if !allow_html => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

/// The anchor of a heading, as Streamlit makes it: lower case, words joined
/// by hyphens, punctuation dropped. Links like `[Widgets](#input-widgets)` use it.
///
/// ```
/// assert_eq!(wasmlit::markdown::anchor("Input widgets"), "input-widgets");
/// assert_eq!(wasmlit::markdown::anchor("Layout — sidebar!"), "layout-sidebar");
/// ```
pub fn anchor(heading: &str) -> String {
    let mut slug = String::with_capacity(heading.len());
    for c in heading.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn scripts_are_escaped_by_default() {
        let html = to_html("hi <script>alert(1)</script>", false);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn block_html_is_escaped_too() {
        let html = to_html("<div onclick=\"x()\">\nhello\n</div>", false);
        assert!(!html.contains("<div"), "{html}");
    }

    #[test]
    fn tables_render() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |", false);
        assert!(html.contains("<table>") && html.contains("<td>1</td>"), "{html}");
    }
}

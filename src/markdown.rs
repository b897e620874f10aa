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

//! Markdown to HTML with pulldown-cmark; raw HTML is escaped unless allowed, and
//! links and images keep only safe URLs.
//!
//! ```
//! use wasmlit::markdown::to_html;
//! assert_eq!(to_html("**bold**", false), "<p><strong>bold</strong></p>\n");
//! assert_eq!(to_html("<b>x</b>", false), "<p>&lt;b&gt;x&lt;/b&gt;</p>\n");
//! assert_eq!(to_html("<b>x</b>", true), "<p><b>x</b></p>\n");
//! assert_eq!(to_html("[docs](https://docs.streamlit.io)", false), "<p><a href=\"https://docs.streamlit.io\">docs</a></p>\n");
//! assert_eq!(to_html("[click](javascript:alert(1))", false), "<p>click</p>\n");
//! ```

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

pub mod emoji;
mod extras;

pub use extras::COLORS;

/// Renders GitHub-flavoured Markdown (tables, strikethrough, task lists) with Streamlit's
/// extras: coloured text `:red[..]` (blue, green, orange, red, violet, gray/grey, rainbow,
/// primary), backgrounds `:red-background[..]`, `:small[..]`, badges `:blue-badge[..]`,
/// emoji shortcodes `:smile:` (a table of common ones, see [`emoji`]) and Material icons
/// `:material/home:` (a `wl-material-icon` span holding the icon's name). The extras
/// never apply inside code, and the text they wrap stays escaped.
///
/// ```
/// use wasmlit::markdown::to_html;
/// assert_eq!(to_html(":red[hot] :tada:", false), "<p><span class=\"wl-color wl-color-red\">hot</span> 🎉</p>\n");
/// assert_eq!(to_html("`:red[x]`", false), "<p><code>:red[x]</code></p>\n");
/// ```
///
/// Every Markdown text of the page goes through here (`markdown`, `write`, captions,
/// alerts). A link whose URL is not safe (see [`safe_url`]) renders as its text alone, an
/// image with an unsafe source as an `<img>` with its alt text and no `src`. Raw HTML, when
/// `allow_html` lets it through, is the app author's own and is not filtered.
pub fn to_html(body: &str, allow_html: bool) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    #[cfg(feature = "latex")]
    let options = options | Options::ENABLE_MATH;
    let parser = Parser::new_ext(body, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) if !allow_html => Event::Text(raw),
        #[cfg(feature = "latex")]
        Event::InlineMath(expr) => Event::InlineHtml(CowStr::from(latex_to_mathml(&expr, false))),
        #[cfg(feature = "latex")]
        Event::DisplayMath(expr) => Event::InlineHtml(CowStr::from(latex_to_mathml(&expr, true))),
        other => other,
    });
    let mut out = String::with_capacity(body.len() * 3 / 2);
    let events = extras::apply(SafeUrls { events: parser, links: Vec::new() });
    html::push_html(&mut out, events.into_iter());
    out
}

/// A widget's or metric's label as Streamlit draws it: inline Markdown only (bold, italics,
/// strikethrough, inline code, links, images, and the extras: colours, emoji, icons), with
/// every other element unwrapped to its text; raw HTML is escaped.
///
/// ```
/// use wasmlit::markdown::label_html;
/// assert_eq!(label_html("Pick a **colour** :red[now]"), "Pick a <strong>colour</strong> <span class=\"wl-color wl-color-red\">now</span>");
/// assert_eq!(label_html("# Rows <b>"), "Rows &lt;b&gt;");
/// assert_eq!(label_html("[docs](javascript:x)"), "docs");
/// ```
pub fn label_html(label: &str) -> String {
    let parser = Parser::new_ext(label, Options::ENABLE_STRIKETHROUGH).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(tag) if !is_inline(&tag) => None,
        Event::End(end) if !is_inline_end(&end) => None,
        Event::SoftBreak | Event::HardBreak => Some(Event::Text(CowStr::from(" "))),
        Event::Rule | Event::TaskListMarker(_) | Event::FootnoteReference(_) => None,
        other => Some(other),
    });
    let mut out = String::with_capacity(label.len() + 16);
    let events = extras::apply(SafeUrls { events: parser, links: Vec::new() });
    html::push_html(&mut out, events.into_iter());
    out.trim().to_string()
}

fn is_inline(tag: &Tag) -> bool {
    matches!(tag, Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. })
}

fn is_inline_end(end: &TagEnd) -> bool {
    matches!(end, TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image)
}

/// LaTeX math as MathML (`<math>`), inline or as a block (`display`), rendered in Rust by
/// pulldown-latex; an error in the expression is drawn in red in its place. Markdown's
/// `$..$` and `$$..$$` and the `latex` element go through here (feature `latex`).
///
/// ```
/// let mathml = wasmlit::markdown::latex_to_mathml(r"\frac{a}{b}", false);
/// assert!(mathml.starts_with("<math") && mathml.contains("<mfrac>"));
/// assert!(wasmlit::markdown::latex_to_mathml("x", true).contains("display=\"block\""));
/// ```
#[cfg(feature = "latex")]
pub fn latex_to_mathml(expr: &str, display: bool) -> String {
    use pulldown_latex::config::DisplayMode;
    let storage = pulldown_latex::Storage::new();
    let parser = pulldown_latex::Parser::new(expr, &storage);
    let config = pulldown_latex::RenderConfig {
        display_mode: if display { DisplayMode::Block } else { DisplayMode::Inline },
        ..Default::default()
    };
    let mut out = String::new();
    if pulldown_latex::push_mathml(&mut out, parser, config).is_err() {
        // Writing to a String cannot fail; keep the source, escaped, if it ever does.
        out = format!("<code>{}</code>", escape_attribute(expr));
    }
    out
}

/// Whether a link may point at `url` (or, with `image`, an image load from it): http,
/// https, mailto and tel URLs, relative URLs and `#` anchors; images also `data:image/…`.
/// Anything else (`javascript:`, `vbscript:`, `data:text/html`, `file:`, …) is refused.
///
/// `url` is the destination as pulldown-cmark decoded it (entities and escapes resolved).
/// Browsers drop tabs and newlines anywhere in a URL, and controls and spaces around it,
/// before they read the scheme; all whitespace and controls are dropped here before the
/// scheme is read, so this is at least as strict.
///
/// ```
/// use wasmlit::markdown::safe_url;
/// assert!(safe_url("https://streamlit.io", false) && safe_url("#top", false) && safe_url("a/b:c", false));
/// assert!(!safe_url(" JaVa\tScRiPt:alert(1)", false));
/// assert!(safe_url("data:image/png;base64,iVBORw0KGgo=", true) && !safe_url("data:image/png;base64,", false));
/// ```
pub fn safe_url(url: &str, image: bool) -> bool {
    let url: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let Some((scheme, rest)) = url.split_once(':') else { return true };
    // A ':' after the first '/', '?' or '#' belongs to a relative URL's path, query or fragment.
    if scheme.contains(['/', '?', '#']) {
        return true;
    }
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" | "mailto" | "tel" => true,
        "data" => image && rest.get(..6).is_some_and(|media| media.eq_ignore_ascii_case("image/")),
        _ => false,
    }
}

/// Drops unsafe link and image URLs from a stream of Markdown events.
struct SafeUrls<'a, I: Iterator<Item = Event<'a>>> {
    events: I,
    /// For each link open now: whether its `<a>` was kept.
    links: Vec<bool>,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for SafeUrls<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let event = self.events.next()?;
            match &event {
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let keep = safe_url(dest_url, false);
                    self.links.push(keep);
                    if keep {
                        return Some(event);
                    }
                }
                Event::End(TagEnd::Link) => {
                    if self.links.pop().unwrap_or(true) {
                        return Some(event);
                    }
                }
                Event::Start(Tag::Image { dest_url, title, .. }) if !safe_url(dest_url, true) => {
                    let title = title.clone();
                    return Some(self.image_without_source(&title));
                }
                _ => return Some(event),
            }
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> SafeUrls<'a, I> {
    /// Takes the rest of an image (its alt text, up to its end) and renders it with no `src`.
    fn image_without_source(&mut self, title: &str) -> Event<'a> {
        let mut alt = String::new();
        let mut depth = 0;
        for event in self.events.by_ref() {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => break,
                Event::End(_) => depth -= 1,
                Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) => alt.push_str(&text),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
        }
        let mut html = format!("<img alt=\"{}\"", escape_attribute(&alt));
        if !title.is_empty() {
            html.push_str(&format!(" title=\"{}\"", escape_attribute(title)));
        }
        html.push_str(" />");
        Event::InlineHtml(CowStr::from(html))
    }
}

fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
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

    /// Link and image tricks that must not leave a live URL: scheme case, whitespace and
    /// control characters (which browsers strip before reading the scheme), entities (which
    /// pulldown-cmark decodes in destinations), other script schemes, `data:` documents,
    /// autolinks, reference definitions, and links nested in other markup.
    const UNSAFE: &[&str] = &[
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](javascript:alert(1) \"title\")",
        "[x](< javascript:alert(1)>)",
        "[x](<\u{1}javascript:alert(1)>)",
        "[x](<java\tscript:alert(1)>)",
        "[x](java&#x09;script:alert(1))",
        "[x](java&#10;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](java\u{a0}script:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](VBScript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](data:image/svg+xml;base64,PHN2Zz4=)",
        "[x](file:///etc/passwd)",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x]\n\n[x]: <javascript:alert(1)> \"t\"",
        "*[x](javascript:alert(1))* and **[x](javascript:alert(1))**",
        "# [x](javascript:alert(1))",
        "| a |\n|---|\n| [x](javascript:alert(1)) |",
        "- [ ] [x](javascript:alert(1))",
        "![x](javascript:alert(1))",
        "![x](JAVASCRIPT:alert(1) \"t\")",
        "![x](vbscript:msgbox(1))",
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x][r]\n\n[r]: &#106;avascript:alert(1)",
    ];

    #[test]
    fn unsafe_link_and_image_urls_are_dropped_and_their_text_kept() {
        for markdown in UNSAFE {
            let mut unfiltered = String::new();
            let options = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_TASKLISTS;
            pulldown_cmark::html::push_html(&mut unfiltered, pulldown_cmark::Parser::new_ext(markdown, options));
            assert!(unfiltered.contains("href=") || unfiltered.contains("src="), "{markdown:?} is no link at all");
            for allow_html in [false, true] {
                let html = to_html(markdown, allow_html);
                assert!(!html.contains("href=") && !html.contains("src="), "{markdown:?} gave {html}");
                let text = html.to_lowercase();
                assert!(text.contains('x') || text.contains("script:"), "{markdown:?} lost its text: {html}");
            }
        }
    }

    #[test]
    fn an_image_with_an_unsafe_source_keeps_its_alt_text_and_title() {
        assert_eq!(
            to_html("![a *b* <c>](javascript:x \"t\\\"q\")", false),
            "<p><img alt=\"a b &lt;c&gt;\" title=\"t&quot;q\" /></p>\n"
        );
    }

    #[test]
    fn an_unsafe_link_around_a_safe_image_keeps_the_image() {
        let html = to_html("[![logo](https://example.com/x.png)](javascript:alert(1))", false);
        assert_eq!(html, "<p><img src=\"https://example.com/x.png\" alt=\"logo\" /></p>\n");
    }

    #[test]
    fn safe_links_and_images_stay() {
        let cases = [
            ("[a](https://streamlit.io)", "href=\"https://streamlit.io\""),
            ("[a](HTTP://example.com/x?y=1#z)", "href=\"HTTP://example.com/x?y=1#z\""),
            ("[a](mailto:ada@example.com)", "href=\"mailto:ada@example.com\""),
            ("[a](tel:+15551234)", "href=\"tel:+15551234\""),
            ("[a](#input-widgets)", "href=\"#input-widgets\""),
            ("[a](/docs/page)", "href=\"/docs/page\""),
            ("[a](page.html)", "href=\"page.html\""),
            ("[a](./javascript:x)", "href=\"./javascript:x\""),
            ("[a](?q=a:b)", "href=\"?q=a:b\""),
            ("[a](//example.com)", "href=\"//example.com\""),
            ("<https://streamlit.io>", "href=\"https://streamlit.io\""),
            ("<ada@example.com>", "href=\"mailto:ada@example.com\""),
            ("[a][r]\n\n[r]: https://example.com", "href=\"https://example.com\""),
            ("![i](https://example.com/i.png)", "src=\"https://example.com/i.png\""),
            ("![i](img/cat.png)", "src=\"img/cat.png\""),
            ("![i](data:image/png;base64,iVBORw0KGgo=)", "src=\"data:image/png;base64,iVBORw0KGgo=\""),
        ];
        for (markdown, expected) in cases {
            let html = to_html(markdown, false);
            assert!(html.contains(expected), "{markdown:?} gave {html}");
        }
    }

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
    /// Streamlit's extras: markdown in, the HTML expected, with attempts to inject HTML or
    /// to break out of a directive, which must stay escaped text.
    const EXTRAS: &[(&str, &str)] = &[
        (":red[hot]", "<p><span class=\"wl-color wl-color-red\">hot</span></p>\n"),
        (":grey[g] :gray[g]", "<p><span class=\"wl-color wl-color-gray\">g</span> <span class=\"wl-color wl-color-gray\">g</span></p>\n"),
        (":rainbow[r] :primary[p]", "<p><span class=\"wl-color wl-color-rainbow\">r</span> <span class=\"wl-color wl-color-primary\">p</span></p>\n"),
        (":blue-background[b]", "<p><span class=\"wl-bg wl-bg-blue\">b</span></p>\n"),
        (":small[s]", "<p><span class=\"wl-small\">s</span></p>\n"),
        (":green-badge[ok]", "<p><span class=\"wl-badge wl-badge-green\">ok</span></p>\n"),
        (":rainbow-badge[x]", "<p>:rainbow-badge[x]</p>\n"),
        (":red[a **b** c]", "<p><span class=\"wl-color wl-color-red\">a <strong>b</strong> c</span></p>\n"),
        (":red[a :blue[b] c]", "<p><span class=\"wl-color wl-color-red\">a <span class=\"wl-color wl-color-blue\">b</span> c</span></p>\n"),
        (":red[a [b] c]", "<p><span class=\"wl-color wl-color-red\">a [b] c</span></p>\n"),
        (":red[**a]**", "<p>:red[<strong>a]</strong></p>\n"),
        (":red[never closed", "<p>:red[never closed</p>\n"),
        (":red[one\n\ntwo]", "<p>:red[one</p>\n<p>two]</p>\n"),
        (":purple[x] :Red[x]", "<p>:purple[x] :Red[x]</p>\n"),
        (":red[<script>alert(1)</script>]", "<p><span class=\"wl-color wl-color-red\">&lt;script&gt;alert(1)&lt;/script&gt;</span></p>\n"),
        (":red[\"><img src=x onerror=alert(1)>]", "<p><span class=\"wl-color wl-color-red\">\"&gt;&lt;img src=x onerror=alert(1)&gt;</span></p>\n"),
        (":red\" onclick=\"x[a]", "<p>:red\" onclick=\"x[a]</p>\n"),
        (":red-background\"><b>[x]", "<p>:red-background\"&gt;&lt;b&gt;[x]</p>\n"),
        ("`:red[x]` :smile:", "<p><code>:red[x]</code> 😄</p>\n"),
        ("```\n:red[x] :smile: :material/home:\n```", "<pre><code>:red[x] :smile: :material/home:\n</code></pre>\n"),
        ("    :red[x]", "<pre><code>:red[x]</code></pre>\n"),
        ("[:red[x]](https://a.b/:smile:)", "<p><a href=\"https://a.b/:smile:\"><span class=\"wl-color wl-color-red\">x</span></a></p>\n"),
        ("![:smile:](https://a.b/i.png)", "<p><img src=\"https://a.b/i.png\" alt=\":smile:\" /></p>\n"),
        (":smile: :+1: :tada::rocket:", "<p>😄 👍 🎉🚀</p>\n"),
        (":no_such_code: 10:30:45", "<p>:no_such_code: 10:30:45</p>\n"),
        ("a:b:smile:", "<p>a:b😄</p>\n"),
        (":material/home: go", "<p><span class=\"wl-material-icon\" data-icon=\"home\" aria-hidden=\"true\">home</span> go</p>\n"),
        (":material/Home: :material/a\"b: :material/<b>:", "<p>:material/Home: :material/a\"b: :material/&lt;b&gt;:</p>\n"),
        (":material/: x", "<p>:material/: x</p>\n"),
        ("# :blue[Title] :wave:", "<h1><span class=\"wl-color wl-color-blue\">Title</span> 👋</h1>\n"),
        ("| :red[a] |\n|---|\n| :green-badge[b] |", "<table><thead><tr><th><span class=\"wl-color wl-color-red\">a</span></th></tr></thead><tbody>\n<tr><td><span class=\"wl-badge wl-badge-green\">b</span></td></tr>\n</tbody></table>\n"),
    ];

    #[test]
    fn streamlit_extras_render_as_spans_and_never_let_html_through() {
        for (markdown, expected) in EXTRAS {
            assert_eq!(&to_html(markdown, false), expected, "{markdown:?}");
        }
    }

    #[cfg(feature = "latex")]
    #[test]
    fn math_renders_as_mathml_and_its_text_stays_escaped() {
        let html = to_html("Area $\\pi r^2$ and\n\n$$\\sum_i x_i$$\n\n`$x$`", false);
        assert!(html.contains("<math") && html.contains("display=\"block\""), "{html}");
        assert!(html.contains("<code>$x$</code>"), "{html}");
        for attempt in [
            "$\\text{<script>alert(1)</script>}$",
            "$\\text{</math><img src=x onerror=alert(1)>}$",
            "$\\color{red\" onmouseover=\"alert(1)}{x}$",
            "$\\href{javascript:alert(1)}{x}$",
            "$\\unknown<b>{x}$",
            "$$\\begin{matrix}<iframe>\\end{matrix}$$",
        ] {
            let html = to_html(attempt, false);
            assert!(
                !html.contains("<script") && !html.contains("<img") && !html.contains("<iframe"),
                "{attempt}: {html}"
            );
            assert!(!html.contains("onmouseover=\"") && !html.contains("href="), "{attempt}: {html}");
        }
    }

    #[cfg(not(feature = "latex"))]
    #[test]
    fn without_the_latex_feature_dollars_stay_text() {
        assert_eq!(to_html("$x$", false), "<p>$x$</p>\n");
    }

    #[test]
    fn with_html_allowed_raw_html_is_left_alone_by_the_extras() {
        assert_eq!(
            to_html("<b title=\":smile:\">:red[x]</b>", true),
            "<p><b title=\":smile:\"><span class=\"wl-color wl-color-red\">x</span></b></p>\n"
        );
    }
}

//! Custom themes, as Streamlit's `[theme]` configuration: a base (light or dark), colours,
//! fonts and corner radius, for the whole app and its sidebar.
//!
//! A theme comes from Rust ([`ThemeConfig`]'s builder) or from a `wasmlit.toml` file shaped
//! like Streamlit's `.streamlit/config.toml`, read when the app is built with `include_str!`:
//!
//! ```toml
//! [theme]
//! base = "dark"
//! primaryColor = "#7c3aed"
//! font = "serif"
//! baseRadius = "large"
//!
//! [theme.sidebar]
//! backgroundColor = "#1e1b4b"
//! ```
//!
//! ```ignore
//! fn main() {
//!     let session = wasmlit::Session::new(app).with_theme_file(include_str!("../wasmlit.toml"));
//!     wasmlit::run_session(session);
//! }
//! ```
//!
//! The page offers it as "Custom theme" in ⋮ → Settings, beside Light, Dark and the system's
//! setting, and starts with it. A file with an unknown key or a bad value is refused as a
//! whole, with a message naming it (the page shows it above the app, which keeps the default
//! theme and runs). Other tables of a Streamlit config (`[server]`, `[client]`, ...) are
//! ignored: they configure a server this app does not have.

use serde::Deserialize;

/// Which built-in theme a custom one starts from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Base {
    #[default]
    Light,
    Dark,
}

/// The colours the sidebar may set apart from the page (`[theme.sidebar]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SidebarTheme {
    pub primary_color: Option<String>,
    pub background_color: Option<String>,
    pub secondary_background_color: Option<String>,
    pub text_color: Option<String>,
    pub link_color: Option<String>,
    pub border_color: Option<String>,
}

/// A custom theme: Streamlit's `[theme]` options that apply to a page in the browser.
///
/// ```
/// use wasmlit::theme::{Base, ThemeConfig};
/// let theme = ThemeConfig::new(Base::Dark).primary_color("#7c3aed").base_radius("large");
/// assert!(theme.validate().is_ok());
/// assert!(theme.css().contains("--wl-primary: #7c3aed;"));
/// assert!(ThemeConfig::new(Base::Light).primary_color("red; x").validate().unwrap_err().contains("primaryColor"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ThemeConfig {
    #[serde(default)]
    pub base: Base,
    pub primary_color: Option<String>,
    pub background_color: Option<String>,
    pub secondary_background_color: Option<String>,
    pub text_color: Option<String>,
    pub link_color: Option<String>,
    pub border_color: Option<String>,
    /// `"sans serif"`, `"serif"`, `"monospace"`, or font family names.
    pub font: Option<String>,
    /// The font of headings (the body font when unset).
    pub heading_font: Option<String>,
    /// The font of code.
    pub code_font: Option<String>,
    /// `"none"`, `"small"`, `"medium"`, `"large"`, `"full"`, or a length in px or rem.
    pub base_radius: Option<String>,
    /// The colours of the built-in charts' series, in order.
    pub chart_categorical_colors: Option<Vec<String>>,
    pub sidebar: Option<SidebarTheme>,
}

/// The file's shape: only `[theme]` is read.
#[derive(Deserialize)]
struct ConfigFile {
    theme: Option<ThemeConfig>,
}

impl ThemeConfig {
    /// A theme on `base` that changes nothing yet.
    pub fn new(base: Base) -> ThemeConfig {
        ThemeConfig { base, ..ThemeConfig::default() }
    }

    /// Reads the `[theme]` table of a `wasmlit.toml` (or `.streamlit/config.toml`) file;
    /// `Err` names the key, value or line that is wrong.
    ///
    /// ```
    /// use wasmlit::theme::ThemeConfig;
    /// let theme = ThemeConfig::from_toml("[theme]\nprimaryColor = \"#ff8800\"\n").unwrap();
    /// assert_eq!(theme.primary_color.as_deref(), Some("#ff8800"));
    /// let err = ThemeConfig::from_toml("[theme]\nprimaryColour = \"#ff8800\"\n").unwrap_err();
    /// assert!(err.contains("primaryColour"), "{err}");
    /// ```
    pub fn from_toml(text: &str) -> Result<ThemeConfig, String> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| format!("wasmlit.toml: {}", e.to_string().trim()))?;
        let theme = file.theme.ok_or("wasmlit.toml has no [theme] table")?;
        theme.validate().map_err(|e| format!("wasmlit.toml: {e}"))?;
        Ok(theme)
    }

    pub fn primary_color(mut self, color: impl Into<String>) -> Self {
        self.primary_color = Some(color.into());
        self
    }

    pub fn background_color(mut self, color: impl Into<String>) -> Self {
        self.background_color = Some(color.into());
        self
    }

    pub fn secondary_background_color(mut self, color: impl Into<String>) -> Self {
        self.secondary_background_color = Some(color.into());
        self
    }

    pub fn text_color(mut self, color: impl Into<String>) -> Self {
        self.text_color = Some(color.into());
        self
    }

    pub fn font(mut self, font: impl Into<String>) -> Self {
        self.font = Some(font.into());
        self
    }

    pub fn base_radius(mut self, radius: impl Into<String>) -> Self {
        self.base_radius = Some(radius.into());
        self
    }

    pub fn sidebar(mut self, sidebar: SidebarTheme) -> Self {
        self.sidebar = Some(sidebar);
        self
    }

    /// Checks every value; `Err` names the first bad one with Streamlit's key.
    pub fn validate(&self) -> Result<(), String> {
        let page = [
            &self.primary_color,
            &self.background_color,
            &self.secondary_background_color,
            &self.text_color,
            &self.link_color,
            &self.border_color,
        ];
        for (key, color) in COLOR_KEYS.iter().zip(page) {
            check(key, color.as_deref(), crate::color::check_color)?;
        }
        if let Some(s) = &self.sidebar {
            let side = [
                &s.primary_color,
                &s.background_color,
                &s.secondary_background_color,
                &s.text_color,
                &s.link_color,
                &s.border_color,
            ];
            for (key, color) in COLOR_KEYS.iter().zip(side) {
                check(&format!("sidebar.{key}"), color.as_deref(), crate::color::check_color)?;
            }
        }
        for (key, font) in [("font", &self.font), ("headingFont", &self.heading_font), ("codeFont", &self.code_font)] {
            check(key, font.as_deref(), |f| font_family(f, "sans-serif").map(drop))?;
        }
        check("baseRadius", self.base_radius.as_deref(), |r| radius(r).map(drop))?;
        for color in self.chart_categorical_colors.iter().flatten() {
            check("chartCategoricalColors", Some(color), crate::color::check_color)?;
        }
        Ok(())
    }

    /// The CSS that applies the theme to `.wl-app[data-theme="custom"]`: the custom properties
    /// of `theme.css`, derived ones (muted text, borders, tinted primary) mixed from the
    /// given colours. Call [`Self::validate`] first: an invalid value is left out.
    pub fn css(&self) -> String {
        let scheme = match self.base {
            Base::Light => "light",
            Base::Dark => "dark",
        };
        let mut page = format!("color-scheme: {scheme};\n");
        push_colors(
            &mut page,
            [&self.primary_color, &self.background_color, &self.secondary_background_color],
            [&self.text_color, &self.link_color, &self.border_color],
        );
        if let Some(font) = self.font.as_deref().and_then(|f| font_family(f, "sans-serif").ok()) {
            page.push_str(&format!("--wl-font: {font};\n"));
        }
        if let Some(font) = self.heading_font.as_deref().and_then(|f| font_family(f, "sans-serif").ok()) {
            page.push_str(&format!("--wl-heading-font: {font};\n"));
        }
        if let Some(font) = self.code_font.as_deref().and_then(|f| font_family(f, "monospace").ok()) {
            page.push_str(&format!("--wl-mono: {font};\n"));
        }
        if let Some(length) = self.base_radius.as_deref().and_then(|r| radius(r).ok()) {
            page.push_str(&format!("--wl-radius: {length};\n"));
        }
        for (i, color) in self.chart_categorical_colors.iter().flatten().enumerate() {
            if crate::color::check_color(color).is_ok() {
                page.push_str(&format!("--wl-chart-{i}: {color};\n"));
            }
        }
        let mut css = format!(".wl-app[data-theme=\"custom\"] {{\n{page}}}\n");
        if let Some(s) = &self.sidebar {
            let mut side = String::new();
            push_colors(&mut side, [&s.primary_color, &None, &None], [&s.text_color, &s.link_color, &s.border_color]);
            // The sidebar's own fill is its `backgroundColor`; fields inside it take its
            // `secondaryBackgroundColor`, as in Streamlit's sidebar.
            let valid = |c: &Option<String>| c.clone().filter(|c| crate::color::check_color(c).is_ok());
            if let Some(bg) = valid(&s.background_color) {
                side.push_str(&format!("background: {bg};\n"));
            }
            if let Some(field) = valid(&s.secondary_background_color) {
                side.push_str(&format!("--wl-field: {field};\n--wl-code-bg: {field};\n"));
            }
            css.push_str(&format!(".wl-app[data-theme=\"custom\"] .wl-sidebar {{\n{side}}}\n"));
        }
        css
    }
}

/// The colour keys the page and the sidebar share, in the order `validate` checks them.
const COLOR_KEYS: [&str; 6] =
    ["primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor", "linkColor", "borderColor"];

fn check(key: &str, value: Option<&str>, rule: impl Fn(&str) -> Result<(), String>) -> Result<(), String> {
    match value {
        Some(value) => rule(value).map_err(|why| format!("{key} = \"{value}\": {why}")),
        None => Ok(()),
    }
}

/// Writes the custom properties of the given colours (invalid ones are skipped).
fn push_colors(
    css: &mut String,
    [primary, bg, secondary]: [&Option<String>; 3],
    [text, link, border]: [&Option<String>; 3],
) {
    let valid = |c: &Option<String>| c.clone().filter(|c| crate::color::check_color(c).is_ok());
    if let Some(c) = valid(primary) {
        css.push_str(&format!(
            "--wl-primary: {c};\n--wl-primary-text: {c};\n--wl-primary-strong: {c};\n--wl-primary-bg: color-mix(in srgb, {c} 12%, transparent);\n"
        ));
    }
    if let Some(c) = valid(bg) {
        css.push_str(&format!("--wl-bg: {c};\n"));
    }
    if let Some(c) = valid(secondary) {
        css.push_str(&format!("--wl-bg-secondary: {c};\n--wl-code-bg: {c};\n"));
    }
    if let Some(c) = valid(text) {
        css.push_str(&format!(
            "--wl-text: {c};\n--wl-text-muted: color-mix(in srgb, {c} 72%, transparent);\n--wl-border: color-mix(in srgb, {c} 20%, transparent);\n"
        ));
    }
    if let Some(c) = valid(link) {
        css.push_str(&format!("--wl-link: {c};\n"));
    }
    if let Some(c) = valid(border) {
        css.push_str(&format!("--wl-border: {c};\n"));
    }
}

/// Streamlit's three font names as CSS stacks, or family names (letters, digits, spaces,
/// quotes, commas, dots, hyphens) with `fallback` appended.
fn font_family(font: &str, fallback: &str) -> Result<String, String> {
    match font {
        "sans serif" | "sans-serif" => Ok("\"Source Sans Pro\", \"Source Sans 3\", system-ui, sans-serif".into()),
        "serif" => Ok("\"Source Serif Pro\", \"Source Serif 4\", Georgia, serif".into()),
        "monospace" => Ok("\"Source Code Pro\", ui-monospace, Menlo, Consolas, monospace".into()),
        _ if !font.trim().is_empty()
            && font.len() <= 200
            && font.chars().all(|c| c.is_alphanumeric() || " ,-_.'\"".contains(c)) =>
        {
            Ok(format!("{font}, {fallback}"))
        }
        _ => Err("use \"sans serif\", \"serif\", \"monospace\" or font family names".into()),
    }
}

/// Streamlit's radius names, or a length in px or rem.
fn radius(value: &str) -> Result<String, String> {
    let named = match value {
        "none" => Some("0"),
        "small" => Some("0.25rem"),
        "medium" => Some("0.5rem"),
        "large" => Some("1rem"),
        "full" => Some("1.5rem"),
        _ => None,
    };
    if let Some(length) = named {
        return Ok(length.into());
    }
    let number = value.strip_suffix("px").or_else(|| value.strip_suffix("rem"));
    match number.map(str::parse::<f64>) {
        Some(Ok(n)) if (0.0..=100.0).contains(&n) => Ok(value.into()),
        _ => Err("use none, small, medium, large, full, or a length such as \"6px\" or \"0.5rem\"".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r##"
[server]
port = 8501

[theme]
base = "dark"
primaryColor = "#7c3aed"
backgroundColor = "#0b1020"
textColor = "rgb(230, 230, 240)"
font = "serif"
codeFont = "'Fira Code'"
baseRadius = "6px"
chartCategoricalColors = ["#7c3aed", "#22c55e"]

[theme.sidebar]
backgroundColor = "#1e1b4b"
"##;

    #[test]
    fn a_streamlit_shaped_file_reads_and_becomes_css() {
        let theme = ThemeConfig::from_toml(FILE).unwrap();
        assert_eq!(theme.base, Base::Dark);
        let css = theme.css();
        for expected in [
            "color-scheme: dark;",
            "--wl-primary: #7c3aed;",
            "--wl-bg: #0b1020;",
            "--wl-text-muted: color-mix(in srgb, rgb(230, 230, 240) 72%, transparent);",
            "--wl-font: \"Source Serif Pro\"",
            "--wl-mono: 'Fira Code', monospace;",
            "--wl-radius: 6px;",
            "--wl-chart-1: #22c55e;",
            ".wl-sidebar {\nbackground: #1e1b4b;",
        ] {
            assert!(css.contains(expected), "{expected} missing from\n{css}");
        }
    }

    #[test]
    fn bad_files_name_what_is_wrong() {
        let cases = [
            ("[theme]\nprimaryColour = \"red\"", "primaryColour"),
            ("[theme]\nprimaryColor = \"#12\"", "primaryColor = \"#12\""),
            ("[theme]\nbase = \"blue\"", "blue"),
            ("[theme]\nbaseRadius = \"huge\"", "baseRadius"),
            ("[theme]\nfont = \"x;}body{display:none\"", "font"),
            ("[theme.sidebar]\ntextColor = \"url(x)\"", "sidebar.textColor"),
            ("[theme.sidebar]\nfont = \"serif\"", "font"),
            ("[theme]\nchartCategoricalColors = [\"#fff\", \"nope!\"]", "chartCategoricalColors"),
            ("[theme\nbase = \"dark\"", "wasmlit.toml"),
            ("[server]\nport = 1", "no [theme]"),
        ];
        for (text, named) in cases {
            let err = ThemeConfig::from_toml(text).unwrap_err();
            assert!(err.contains(named), "{text:?}: {err}");
        }
    }

    #[test]
    fn values_that_could_escape_the_css_rule_are_refused_and_never_written() {
        let theme = ThemeConfig::new(Base::Light).primary_color("red}body{display:none").font("a{b}");
        assert!(theme.validate().is_err());
        let css = theme.css();
        assert!(!css.contains("display:none") && !css.contains("a{b}"), "{css}");
    }
}

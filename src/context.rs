//! `ui.context()`: Streamlit's `st.context`, what the viewer's browser says about itself.
//!
//! The web layer fills it before every run from `navigator`, `Intl`, `Date`, `location`,
//! `document.cookie` and the theme the page wears; natively (and in `AppTest`) every field is
//! empty until a test sets it with [`AppTest::set_context`](crate::AppTest::set_context).
//!
//! A static host gives no request to the app: there are no request headers and no IP address.
//! The cookies are the ones the page's own script may read (not `HttpOnly` ones).
//!
//! ```
//! use wasmlit::prelude::*;
//! use wasmlit::context::Context;
//! let mut at = AppTest::new(|ui: &Ui| {
//!     let context = ui.context();
//!     ui.write(format!("{} in {}", context.locale.unwrap_or_default(), context.timezone.unwrap_or_default()));
//! });
//! at.set_context(Context { locale: Some("fr-FR".into()), timezone: Some("Europe/Paris".into()), ..Context::default() });
//! at.run();
//! assert_eq!(at.markdown(0).text(), "fr-FR in Europe/Paris");
//! ```

use crate::ui::Ui;

/// The light or dark look the page wears now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeType {
    Light,
    Dark,
}

/// What the browser says about the viewer (read-only for the script).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Context {
    /// The browser's preferred language, as a BCP 47 tag (`navigator.language`, e.g. `"en-US"`).
    pub locale: Option<String>,
    /// The IANA time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`, e.g. `"Europe/Paris"`).
    pub timezone: Option<String>,
    /// Minutes between UTC and local time, as JavaScript's `getTimezoneOffset` (and Streamlit)
    /// give it: positive west of UTC (`-60` in Paris in winter).
    pub timezone_offset: Option<i32>,
    /// The page's full URL (`location.href`).
    pub url: Option<String>,
    /// Light or dark, as the viewer's setting (or their system) has it now.
    pub theme_type: Option<ThemeType>,
    /// `navigator.userAgent`.
    pub user_agent: Option<String>,
    /// The cookies the page can read, in `document.cookie`'s order.
    pub cookies: Vec<(String, String)>,
    /// Whether the app runs embedded in another page (mounted into an element of a page
    /// that is not its own).
    pub is_embedded: bool,
}

impl Context {
    /// Reads `document.cookie` (`a=1; b=2`) into pairs; parts without `=` are skipped.
    ///
    /// ```
    /// use wasmlit::context::Context;
    /// assert_eq!(Context::parse_cookies("a=1; b = x=y;;c"), [("a".into(), "1".into()), ("b".into(), "x=y".into())]);
    /// ```
    pub fn parse_cookies(text: &str) -> Vec<(String, String)> {
        text.split(';')
            .filter_map(|part| part.split_once('='))
            .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
            .filter(|(name, _)| !name.is_empty())
            .collect()
    }

    /// The value of the cookie `name`, if the page can read it.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

impl Ui {
    /// Streamlit's `st.context`: the viewer's locale, time zone, URL, theme type, user agent
    /// and readable cookies, as of the start of this run. See [`Context`].
    pub fn context(&self) -> Context {
        self.runtime.borrow().context.clone()
    }
}

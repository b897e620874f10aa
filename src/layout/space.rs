//! `space`: vertical (or, in a horizontal container, horizontal) empty space.

use serde::{Deserialize, Serialize};

use crate::element::make;
use crate::element::DisplayProps;
use crate::ui::Ui;

/// What the page shows for `space`: empty room of a size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpaceProps {
    pub size: SpaceSize,
}

/// How much room `space` takes, as Streamlit's `size`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpaceSize {
    /// The height of one widget label (0.75rem).
    #[default]
    Small,
    /// The height of a button or text input (2.5rem).
    Medium,
    /// Room for a large gap (4rem).
    Large,
    /// This many CSS pixels.
    Pixels(u32),
}

impl SpaceSize {
    /// The size as a CSS length.
    pub fn css(self) -> String {
        match self {
            SpaceSize::Small => "0.75rem".into(),
            SpaceSize::Medium => "2.5rem".into(),
            SpaceSize::Large => "4rem".into(),
            SpaceSize::Pixels(px) => format!("{px}px"),
        }
    }
}

impl From<u32> for SpaceSize {
    fn from(pixels: u32) -> Self {
        SpaceSize::Pixels(pixels)
    }
}

impl DisplayProps for SpaceProps {
    /// The size as a CSS length (`"2.5rem"`, `"40px"`).
    fn text(&self) -> String {
        self.size.css()
    }
}

impl Ui {
    /// Empty room between elements: [`SpaceSize::Small`], `Medium`, `Large`, or pixels.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     ui.space(SpaceSize::Large);
    ///     ui.space(24);
    ///     ui.space(0); // not a size: an error in its place
    /// });
    /// at.run();
    /// assert_eq!(at.space(0).text(), "4rem");
    /// assert_eq!(at.space(1).text(), "24px");
    /// assert!(at.exception(0).text().contains("positive"));
    /// ```
    pub fn space(&self, size: impl Into<SpaceSize>) -> Ui {
        match size.into() {
            SpaceSize::Pixels(0) => self.push_exception(
                "StreamlitAPIException".into(),
                "The space size must be \"small\", \"medium\", \"large\" or a positive number of pixels.".into(),
            ),
            size => self.push_element(make::space(SpaceProps { size })),
        }
    }
}

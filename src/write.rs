//! `ui.write(..)`: Streamlit's `st.write`, which picks an element by the type of what it is
//! given. Text, numbers and anything else that is `Display` become Markdown; a
//! [`DataFrame`](crate::data::DataFrame) becomes an interactive `dataframe`.

use std::fmt;

use crate::ui::Ui;

/// What [`Ui::write`] accepts, and the element it makes of it.
pub trait Writable {
    /// Adds the element for `self` to `ui`.
    fn write_to(self, ui: &Ui) -> Ui;
}

impl<T: fmt::Display> Writable for T {
    fn write_to(self, ui: &Ui) -> Ui {
        ui.markdown(self.to_string())
    }
}

#[cfg(feature = "data")]
impl Writable for &crate::data::DataFrame {
    fn write_to(self, ui: &Ui) -> Ui {
        ui.dataframe(self)
    }
}

#[cfg(feature = "data")]
impl Writable for crate::data::DataFrame {
    fn write_to(self, ui: &Ui) -> Ui {
        ui.dataframe(&self)
    }
}

impl Ui {
    /// Writes what it is given with the element that suits its type, as `st.write`: text,
    /// numbers and other `Display` values as Markdown, a `DataFrame` as a `dataframe`.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     let x = ui.slider("x", 0..=100);
    ///     ui.write(format!("{x} squared is {}", x * x));
    ///     ui.write(42);
    ///     ui.write(&DataFrame::new(vec![("a", Column::from(vec![1_i64, 2]))]).unwrap());
    /// });
    /// at.run();
    /// at.slider(0).set_value(10).run();
    /// assert_eq!(at.markdown(0).text(), "10 squared is 100");
    /// assert_eq!(at.markdown(1).text(), "42");
    /// assert_eq!(at.get("dataframe").len(), 1);
    /// ```
    pub fn write(&self, value: impl Writable) -> Ui {
        value.write_to(self)
    }
}

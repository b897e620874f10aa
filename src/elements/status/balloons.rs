//! `balloons`: balloons float up over the page, once per run that calls it.

pub use super::celebration::CelebrationProps;
use crate::element::make;
use crate::ui::Ui;

impl Ui {
    /// Streamlit's `st.balloons()`: balloons rise over the page for a few seconds; each run
    /// that calls it plays them once.
    ///
    /// ```
    /// use wasmlit::prelude::*;
    /// let mut at = AppTest::new(|ui: &Ui| {
    ///     if ui.button("Celebrate") {
    ///         ui.balloons();
    ///     }
    /// });
    /// at.run();
    /// assert!(at.get("balloons").is_empty());
    /// at.button(0).click().run();
    /// assert_eq!(at.get("balloons").len(), 1);
    /// ```
    pub fn balloons(&self) -> Ui {
        self.push_element(make::balloons(CelebrationProps::now(self)))
    }
}

#[cfg(test)]
mod tests {
    use crate::element::Element;
    use crate::prelude::*;

    fn runs_of(at: &AppTest, kind: &str) -> Vec<u64> {
        at.get(kind)
            .into_iter()
            .map(|e| match e {
                Element::Balloons(p) | Element::Snow(p) => p.run,
                other => panic!("not a celebration: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn each_run_that_celebrates_carries_its_own_run_so_the_page_plays_it_again() {
        let mut at = AppTest::new(|ui: &Ui| {
            ui.balloons();
            ui.snow();
        });
        at.run();
        let first = runs_of(&at, "balloons");
        assert_eq!(first.len(), 1);
        assert_eq!(runs_of(&at, "snow"), first);
        at.run();
        let second = runs_of(&at, "balloons");
        assert_ne!(second, first, "a new run is a new celebration");
        assert_eq!(at.balloons(0).text(), "");
    }
}

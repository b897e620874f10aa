//! {{title}}: a wasmlit app. The script below runs top to bottom on every interaction; widget
//! calls return plain values. `trunk serve` shows it in the browser; `cargo test` runs the
//! tests at the end of this file without one, driving the app with `AppTest`.

use wasmlit::prelude::*;

/// The app script.
pub fn app(ui: &Ui) -> Result {
    ui.title("{{title}}");
    let x = ui.slider("x", 0..=100);
    ui.write(format!("{x} squared is {}", x * x));

    // Session state survives reruns: the button adds one each time it is pressed.
    let state = ui.session_state();
    if ui.button("Add one") {
        state.update_or("clicks", 0, |n: &mut i64| *n += 1)?;
    }
    let clicks = state.get_or_insert_with("clicks", || 0_i64)?;
    ui.write(format!("The button was pressed {clicks} times."));

    // A data frame: the squares up to x, in a grid that sorts and scrolls.
    let n: Vec<i64> = (0..=i64::from(x)).collect();
    let squares: Vec<i64> = n.iter().map(|n| n * n).collect();
    let frame = DataFrame::new(vec![("n", Column::from(n)), ("n squared", Column::from(squares))])?;
    ui.dataframe(&frame);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::app;
    use wasmlit::prelude::*;

    #[test]
    fn the_slider_squares_its_value() {
        let mut at = AppTest::new(app);
        at.run();
        assert_eq!(at.title(0).text(), "{{title}}");
        assert_eq!(at.markdown(0).text(), "0 squared is 0");
        at.slider(0).set_value(12).run();
        assert_eq!(at.markdown(0).text(), "12 squared is 144");
        assert_eq!(at.get("dataframe").len(), 1);
        assert!(at.get("exception").is_empty());
    }

    #[test]
    fn the_button_counts_its_presses() {
        let mut at = AppTest::new(app);
        at.run();
        assert_eq!(at.markdown(1).text(), "The button was pressed 0 times.");
        at.button(0).click().run();
        at.button(0).click().run();
        assert_eq!(at.markdown(1).text(), "The button was pressed 2 times.");
    }
}

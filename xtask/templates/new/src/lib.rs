//! {{title}}: a wasmlit app. The script below runs top to bottom on every interaction; widget
//! calls return plain values. `trunk serve` shows it in the browser, `cargo test` runs
//! `tests/app.rs` without one.

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

//! Streamlit's "Basic concepts" page, ported to wasmlit.
//!
//! <https://docs.streamlit.io/get-started/fundamentals/main-concepts>, section by
//! section, as far as the engine goes (no charts or maps yet), plus the
//! counter-with-a-callback example of the Session State page.
//!
//! Run it in the browser with `trunk serve` in this folder.

use std::time::Duration;

use wasmlit::prelude::*;

/// The app script: it runs top to bottom on every interaction. It is async
/// because of its last section, a progress bar that advances while it runs.
pub async fn app(ui: Ui) -> Result {
    let ui = &ui;
    ui.title("Basic concepts");
    ui.caption("Streamlit's *Basic concepts* page, ported to Rust: the script reruns on every interaction.");

    display_data(ui)?;
    widgets_as_variables(ui);
    access_widgets_by_key(ui)?;
    show_hide_data(ui);
    selectbox_for_options(ui);
    sidebar(ui);
    columns(ui);
    expander(ui);
    counter_with_callback(ui)?;
    show_progress(ui).await;
    Ok(())
}

/// "Show progress": the bar advances while the script runs; any interaction
/// cancels the loop and the rerun starts it again, as in Streamlit.
async fn show_progress(ui: &Ui) {
    ui.header("Show progress");
    ui.write("Starting a long computation...");
    let latest_iteration = ui.empty();
    let bar = ui.progress(0);
    for i in 0..100 {
        latest_iteration.text(format!("Iteration {}", i + 1));
        bar.progress(i + 1);
        ui.sleep(Duration::from_millis(100)).await;
    }
    ui.write("...and now we're done!");
}

/// `x = st.slider('x')`; `st.write(x, 'squared is', x * x)`.
fn widgets_as_variables(ui: &Ui) {
    ui.header("Widgets as variables");
    let x = ui.slider("x", 0..=100);
    ui.write(format!("{x} squared is {}", x * x));
}

/// `st.text_input("Your name", key="name")`, read back through `st.session_state.name`.
fn access_widgets_by_key(ui: &Ui) -> Result {
    ui.header("Access widgets by key");
    ui.add(TextInput::new("Your name").key("name"));
    let name: String = ui.session_state().get("name")?;
    if !name.is_empty() {
        ui.markdown(format!("Hello, {name}"));
    }
    Ok(())
}

/// The page's first frame: `pd.DataFrame({'first column': [1, 2, 3, 4], 'second column': [10, 20, 30, 40]})`.
pub fn first_frame() -> DataFrame {
    DataFrame::new(vec![
        ("first column", Column::from(vec![1_i64, 2, 3, 4])),
        ("second column", Column::from(vec![10_i64, 20, 30, 40])),
    ])
    .expect("two columns of four rows")
}

/// The page's `pd.DataFrame(np.random.randn(rows, columns), columns=('col %d' % i ...))`, from
/// a fixed seed so every run (and test) shows the same numbers.
pub fn random_frame(rows: usize, columns: usize) -> DataFrame {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut uniform = move || {
        // xorshift64*, then the top 53 bits as a float in (0, 1].
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        ((state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 + 1.0) / (1u64 << 53) as f64
    };
    // Box–Muller: two uniforms make one standard normal value (the other is dropped).
    let mut normal = move || (-2.0 * uniform().ln()).sqrt() * (std::f64::consts::TAU * uniform()).cos();
    let named =
        (0..columns).map(|c| (format!("col {c}"), Column::from((0..rows).map(|_| normal()).collect::<Vec<f64>>())));
    DataFrame::new(named.collect()).expect("columns of equal length")
}

/// "Display and style data": `st.write(df)` (an interactive frame), `st.dataframe` of a
/// random frame with each column's maximum highlighted (pandas' `style.highlight_max(axis=0)`),
/// a number format per column, and `st.table` (static).
fn display_data(ui: &Ui) -> Result {
    ui.header("Display and style data");
    ui.write(first_frame());
    let random = random_frame(10, 20);
    ui.add(DataFrameView::new(random.clone()).highlight_max(Axis::Columns));
    ui.table(&random);
    let squares = DataFrame::new(vec![
        ("x", Column::from((1..=10_i64).collect::<Vec<_>>())),
        ("x²", Column::from((1..=10_i64).map(|x| x * x).collect::<Vec<_>>())),
        ("√x", Column::from((1..=10).map(|x| f64::from(x).sqrt()).collect::<Vec<_>>())),
    ])?;
    ui.add(
        DataFrameView::new(squares.clone())
            .column_config("√x", ColumnConfig::number().format("%.3f").map_err(Error::msg)?),
    );
    ui.table(&squares.head(4));
    Ok(())
}

/// A checkbox that shows or hides data.
fn show_hide_data(ui: &Ui) {
    ui.header("Use checkboxes to show/hide data");
    if ui.checkbox("Show dataframe") {
        ui.write(first_frame());
    }
}

/// `st.selectbox('Which number do you like best?', df['first column'])`.
fn selectbox_for_options(ui: &Ui) {
    ui.header("Use a selectbox for options");
    let option = ui.selectbox("Which number do you like best?", [1, 2, 3, 4]);
    ui.write(format!("You selected: {option}"));
}

/// `st.sidebar.selectbox(...)` and a range slider in the sidebar.
fn sidebar(ui: &Ui) {
    ui.header("Layout — sidebar");
    let side = ui.sidebar();
    let contact = side.selectbox("How would you like to be contacted?", ["Email", "Home phone", "Mobile phone"]);
    let (low, high) = side.add(Slider::new("Select a range of values", 0.0..=100.0).value((25.0, 75.0)));
    ui.write(format!("The sidebar on the left holds two widgets: contact by **{contact}**, range **{low} – {high}**."));
}

/// Two columns: a button on the left, the sorting hat on the right.
fn columns(ui: &Ui) {
    ui.header("Columns");
    let [left, right] = ui.columns([1, 1]);
    if left.button("Press me!") {
        left.caption("Pressed!");
    }
    let house = right.radio("Sorting hat", ["Gryffindor", "Ravenclaw", "Hufflepuff", "Slytherin"]);
    right.write(format!("You are in {house} house!"));
}

/// `with st.expander("See explanation"):` — the page puts a bar chart above it.
fn expander(ui: &Ui) {
    ui.header("Expander");
    ui.write("Numbers I picked for you: 1, 5, 2, 6, 2, 1");
    let explanation = ui.expander("See explanation");
    explanation.write(
        "The numbers above are some I picked for you. I rolled actual dice for these, \
         so they're *guaranteed* to be random.",
    );
}

/// The Session State page's counter: the callback runs before the rerun it causes.
fn counter_with_callback(ui: &Ui) -> Result {
    ui.header("Session state counter with a callback");
    let state = ui.session_state();
    state.get_or_insert_with("count", || 0_i64)?;
    ui.add(
        Button::new("Increment")
            .on_click(|ui: &Ui| ui.session_state().update_or("count", 0_i64, |c| *c += 1).map(|_| ())),
    );
    let count: i64 = state.get("count")?;
    ui.markdown(format!("Count = {count}"));
    Ok(())
}

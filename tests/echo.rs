//! `echo!`: Streamlit's `with st.echo():`, the block's source shown as written, then run.

use wasmlit::prelude::*;

#[test]
fn echo_shows_the_blocks_source_as_written_then_runs_it() {
    let mut at = AppTest::new(|ui: &Ui| {
        let answer = echo!(ui, {
            // Comments stay, and so does the layout.
            let doubled = 21 * 2;
            ui.write(format!("The answer is {doubled}"));
            doubled
        });
        ui.caption(format!("returned {answer}"));
    });
    at.run();
    let kinds: Vec<&str> = at.elements().iter().map(|e| e.kind()).collect();
    assert_eq!(kinds, ["code", "markdown", "caption"]);
    assert_eq!(
        at.code(0).text(),
        "// Comments stay, and so does the layout.\nlet doubled = 21 * 2;\nui.write(format!(\"The answer is {doubled}\"));\ndoubled"
    );
    assert_eq!(at.markdown(0).text(), "The answer is 42");
    assert_eq!(at.caption(0).text(), "returned 42");
}

#[test]
fn echo_below_runs_the_block_first_and_shows_its_source_after() {
    let mut at = AppTest::new(|ui: &Ui| {
        echo!(ui, below, {
            ui.write("output first");
        });
        echo!(ui, above, {
            ui.write("code first");
        });
    });
    at.run();
    let kinds: Vec<&str> = at.elements().iter().map(|e| e.kind()).collect();
    assert_eq!(kinds, ["markdown", "code", "code", "markdown"]);
    assert_eq!(at.code(0).text(), "ui.write(\"output first\");");
}

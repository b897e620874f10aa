//! The benchmark app draws what the benchmark assumes: `n` elements, one of which changes.

use wasmlit::prelude::*;

fn started(n: usize) -> AppTest {
    let mut at = AppTest::new(move |ui: &Ui| bench_rerun::app(ui, n, 0));
    at.run();
    at
}

#[test]
fn draws_exactly_n_elements() {
    for n in [3, 10, 100, 1000] {
        assert_eq!(started(n).elements().len(), n, "n = {n}");
    }
}

#[test]
fn with_changing_lines_one_move_changes_each_of_them_too() {
    let mut at = AppTest::new(|ui: &Ui| bench_rerun::app(ui, 103, 100));
    at.run();
    assert_eq!(at.elements().len(), 103);
    let before = at.elements();
    at.slider(label("x")).set_value(7).run();
    let after = at.elements();
    let changed = (0..before.len()).filter(|&i| before[i] != after[i]).count();
    assert_eq!(changed, 102, "the slider, the squared line and the 100 lines");
    assert_eq!(at.text(99).text(), "Row 99: 7 + 99 = 106");
    assert_eq!(bench_rerun::changing_from_query("?n=103&changing=100", 103), 100);
    assert_eq!(bench_rerun::changing_from_query("?n=10&changing=100", 10), 7);
    assert_eq!(bench_rerun::changing_from_query("?n=10", 10), 0);
}

#[test]
fn moving_the_slider_changes_one_output_element() {
    let mut at = started(100);
    let before = at.elements();
    assert_eq!(at.markdown(0).text(), "0 squared is 0");
    at.slider(label("x")).set_value(7).run();
    let after = at.elements();
    assert_eq!(at.markdown(0).text(), "7 squared is 49");
    let changed: Vec<usize> = (0..before.len()).filter(|&i| before[i] != after[i]).collect();
    // The slider (its value) and the line below it; nothing else.
    assert_eq!(changed, [1, 2]);
    assert!(at.get("exception").is_empty());
}

#[test]
fn reads_the_element_count_from_the_query() {
    assert_eq!(bench_rerun::elements_from_query("?n=1000"), 1000);
    assert_eq!(bench_rerun::elements_from_query("?x=1&n=10000"), 10000);
    assert_eq!(bench_rerun::elements_from_query(""), bench_rerun::DEFAULT_ELEMENTS);
    assert_eq!(bench_rerun::elements_from_query("?n=1"), 3);
    assert_eq!(bench_rerun::elements_from_query("?n=lots"), bench_rerun::DEFAULT_ELEMENTS);
}

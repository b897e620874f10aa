//! The benchmark app draws what the benchmark assumes: `n` elements, one of which changes.

use wasmlit::prelude::*;

fn started(n: usize) -> AppTest {
    let mut at = AppTest::new(move |ui: &Ui| bench_rerun::app(ui, n));
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

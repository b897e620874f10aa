//! The smallest useful wasmlit app, for `cargo xtask bench`: its size is the floor every app
//! pays, and its cold start is the fastest a wasmlit page can answer.
//! Its Streamlit twin is `bench/peer/hello.py`.

use wasmlit::prelude::*;

fn app(ui: &Ui) {
    ui.title("Hello");
    let x = ui.slider("x", 0..=100);
    ui.write(format!("{x} squared is {}", x * x));
}

fn main() {
    wasmlit::run(app)
}

//! The baseline of `cargo xtask bench`: the page of `bench/apps/hello` (a title, a slider `x`
//! and the line "x squared is x²") written with Leptos directly, without wasmlit. Its size and
//! cold start are the floor that the framework alone costs; the rest of wasmlit's is wasmlit's.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;

    mount_to_body(|| {
        let (x, set_x) = signal(0i64);
        view! {
            <h1>"Hello"</h1>
            <label for="x">"x"</label>
            <input
                id="x"
                type="range"
                min="0"
                max="100"
                prop:value=move || x.get().to_string()
                on:change=move |event| set_x.set(event_target_value(&event).parse().unwrap_or(0))
            />
            <p>{move || format!("{} squared is {}", x.get(), x.get() * x.get())}</p>
        }
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("a browser app: `cargo xtask bench` builds it with trunk");
}

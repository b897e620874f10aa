//! A Leptos component that panics while it renders once the script tells it to: the crash
//! page's "renderer" case.

use leptos::prelude::*;
use wasmlit::web::{ComponentHandle, LeptosComponent};

/// Draws a fuse; panics in its view when its data says `true`.
pub struct Bomb;

impl LeptosComponent for Bomb {
    const NAME: &'static str = crate::BOMB;
    type Props = bool;

    fn view(explode: Signal<bool>, _handle: ComponentHandle) -> AnyView {
        view! {
            <p>
                {move || {
                    if explode.get() {
                        panic!("a panic in a renderer");
                    }
                    "A fuse, not lit."
                }}
            </p>
        }
        .into_any()
    }
}

//! Plays `balloons` and `snow`: a fixed overlay of pieces animated by CSS, removed after a
//! few seconds, once per run that draws the element.

use std::time::Duration;

use leptos::prelude::*;

use crate::elements::status::celebration::CelebrationProps;
use crate::web::elements::DisplayCell;

/// How long the overlay stays: the longest piece's delay plus its flight.
const SHOWN_FOR: Duration = Duration::from_millis(4500);
const PIECES: u32 = 28;

/// The overlay for `kind` (`"balloons"` or `"snow"`), whose pieces show `pieces` in turn.
pub(super) fn celebration(
    cell: DisplayCell<CelebrationProps>,
    kind: &'static str,
    pieces: &'static [&'static str],
) -> AnyView {
    let props = cell.props;
    // The run whose celebration is playing now, if any.
    let playing = RwSignal::new(None::<u64>);
    let played = StoredValue::new(None::<u64>);
    Effect::new(move |_| {
        let run = props.with(|p| p.run);
        if played.get_value() == Some(run) {
            return; // the same run, patched again: it already played
        }
        played.set_value(Some(run));
        playing.set(Some(run));
        set_timeout(
            move || {
                if playing.try_get_untracked() == Some(Some(run)) {
                    playing.set(None);
                }
            },
            SHOWN_FOR,
        );
    });
    view! {
        <Show when=move || playing.get().is_some()>
            <div class=format!("wl-celebration wl-celebration-{kind}") aria-hidden="true" data-run=move || playing.get().map(|r| r.to_string())>
                {(0..PIECES)
                    .map(|i| {
                        // Spread the pieces across the page with varied delays and sizes, the
                        // same every time (no randomness needed for a few seconds of confetti).
                        let left = (i * 37 + 11) % 100;
                        let delay = (i * 173) % 1500;
                        let duration = 2200 + (i * 311) % 1300;
                        let size = 1.6 + ((i * 7) % 5) as f64 * 0.35;
                        let style = format!(
                            "left:{left}%;animation-delay:{delay}ms;animation-duration:{duration}ms;font-size:{size}rem"
                        );
                        let piece = pieces[i as usize % pieces.len()];
                        view! { <span class="wl-celebration-piece" style=style>{piece}</span> }
                    })
                    .collect_view()}
            </div>
        </Show>
    }
    .into_any()
}

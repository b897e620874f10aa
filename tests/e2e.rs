//! End-to-end tests: the built apps in headless Chromium, driven like a person would.
//!
//! `cargo xtask test` (or `cargo xtask test e2e`) builds every app once with
//! `trunk build --release` into `target/e2e/<app>/` and then runs
//!
//! ```text
//! WASMLIT_E2E_DIST=$PWD/target/e2e cargo test --test e2e -- --ignored --test-threads=1
//! ```
//!
//! which you can also run by hand after a build. Each test serves one built app with the static
//! server in `tests/support/static_server.rs` on 127.0.0.1 (the gallery under `/wasmlit/`, as on
//! GitHub Pages), starts its own `chromedriver` and talks WebDriver to it with `fantoccini`: an
//! async WebDriver client that is maintained, works with Debian's `chromedriver`, and downloads
//! no browser of its own, so the whole toolchain stays in Rust and Debian packages.
//!
//! The tests only rely on the web layer's DOM contract: the app mounts in `#wasmlit-app`; every
//! element is a `div.wl-element.wl-<kind>[data-kind=<kind>]` (keyed widgets also get
//! `st-key-<key>`); a widget's label is a `<label>`; widgets are real HTML controls.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/chromedriver.rs"]
mod chromedriver;
#[path = "support/clickhouse.rs"]
mod clickhouse;
#[path = "support/static_server.rs"]
mod static_server;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chromedriver::ChromeDriver;
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use static_server::{Fault, StaticServer};

/// How long a test waits for the page to show what it expects.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How often it looks.
const POLL: Duration = Duration::from_millis(50);

/// WebDriver's codes for special keys.
const ENTER: &str = "\u{E007}";
const ARROW_RIGHT: &str = "\u{E014}";
const SHIFT: &str = "\u{E008}";
/// Releases the modifier keys pressed so far in one `send_keys`.
const RELEASE: &str = "\u{E000}";

// ---------------------------------------------------------------------------------------------
// The fundamentals example (examples/fundamentals): Streamlit's "Basic concepts" page.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn fundamentals_first_run_renders_without_exceptions() {
    let app = App::open("fundamentals", "/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-title", "Basic concepts", TIMEOUT).await;
    wait_for_text(c, ".wl-markdown", "0 squared is 0", TIMEOUT).await;
    wait_for_text(c, ".wl-markdown", "You selected: 1", TIMEOUT).await;
    wait_for_text(c, ".wl-markdown", "Count = 0", TIMEOUT).await;
    assert_no_exceptions(c).await;
    assert_eq!(c.title().await.unwrap(), "Basic concepts — wasmlit");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn slider_moved_with_the_keyboard_reruns_the_script() {
    let app = App::open("fundamentals", "/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-markdown", "0 squared is 0", TIMEOUT).await;
    // Element Send Keys focuses the control first, as a Tab would (a click would jump the
    // thumb to the middle); the arrow key fires `input` and `change`. The range is looked up
    // afresh each time, so the test holds whether the renderer patches or replaces it.
    let press_right = || async {
        let slider = widget(c, "slider", "x").await;
        let range = slider.find(Locator::Css("input[type='range']")).await.unwrap();
        range.send_keys(ARROW_RIGHT).await.unwrap();
    };
    press_right().await;
    wait_for_text(c, ".wl-markdown", "1 squared is 1", TIMEOUT).await;
    press_right().await;
    wait_for_text(c, ".wl-markdown", "2 squared is 4", TIMEOUT).await;
    press_right().await;
    wait_for_text(c, ".wl-markdown", "3 squared is 9", TIMEOUT).await;
    wait_until(TIMEOUT, "the slider shows 3", || async {
        let slider = widget(c, "slider", "x").await;
        match slider.find(Locator::Css(".wl-slider-value")).await {
            Ok(shown) => shown.text().await.map(|t| t.trim() == "3").unwrap_or(false),
            Err(_) => false,
        }
    })
    .await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn button_callback_increments_the_counter() {
    let app = App::open("fundamentals", "/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-markdown", "Count = 0", TIMEOUT).await;
    let button = button(c, "Increment").await;
    button.click().await.unwrap();
    wait_for_text(c, ".wl-markdown", "Count = 1", TIMEOUT).await;
    button_again(c, "Increment").await.click().await.unwrap();
    wait_for_text(c, ".wl-markdown", "Count = 2", TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn text_input_commits_on_enter_and_is_read_by_key() {
    let app = App::open("fundamentals", "/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-title", "Basic concepts", TIMEOUT).await;
    let input = c
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(".wl-text_input.st-key-name input[type='text']"))
        .await
        .expect("a text_input with key \"name\"");
    assert!(label_of(c, "text_input", "Your name").await.is_some(), "no text_input labelled \"Your name\"");
    input.send_keys("Ada").await.unwrap();
    // Typing alone does not commit (Streamlit commits on Enter or blur).
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!markdown_texts(c).await.iter().any(|t| t.contains("Hello, Ada")), "the greeting appeared before Enter");
    input.send_keys(ENTER).await.unwrap();
    wait_for_text(c, ".wl-markdown", "Hello, Ada", TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn checkbox_shows_and_hides_the_table() {
    let app = App::open("fundamentals", "/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-title", "Basic concepts", TIMEOUT).await;
    // Three frames always show (write, the highlighted one, the squares); the box adds a fourth.
    let has_table = || async { c.find_all(Locator::Css(".wl-dataframe")).await.unwrap_or_default().len() == 4 };
    assert!(!has_table().await, "the table shows before the box is ticked");
    let checkbox = widget(c, "checkbox", "Show dataframe").await;
    checkbox.find(Locator::Css("input[type='checkbox']")).await.unwrap().click().await.unwrap();
    wait_until(TIMEOUT, "the frame shows", has_table).await;
    wait_for_text(c, ".wl-dataframe .wl-grid-th", "first column", TIMEOUT).await;
    let checkbox = widget(c, "checkbox", "Show dataframe").await;
    checkbox.find(Locator::Css("input[type='checkbox']")).await.unwrap().click().await.unwrap();
    wait_until(TIMEOUT, "the table is gone", || async { !has_table().await }).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn selectbox_option_click_reruns_with_the_choice() {
    let app = App::open("fundamentals", "/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-markdown", "You selected: 1", TIMEOUT).await;
    select_option(c, "Which number do you like best?", "3").await;
    wait_for_text(c, ".wl-markdown", "You selected: 3", TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn radio_click_changes_the_house() {
    let app = App::open("fundamentals", "/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-markdown", "You are in Gryffindor house!", TIMEOUT).await;
    let radio = widget(c, "radio", "Sorting hat").await;
    let option = radio
        .find(Locator::XPath(
            ".//label[normalize-space(.)='Ravenclaw'] | .//input[@type='radio' and @value='Ravenclaw']",
        ))
        .await
        .expect("a Ravenclaw option in the Sorting hat radio");
    option.click().await.unwrap();
    wait_for_text(c, ".wl-markdown", "You are in Ravenclaw house!", TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn sidebar_holds_its_widgets_and_main_does_not() {
    let app = App::open("fundamentals", "/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-title", "Basic concepts", TIMEOUT).await;
    let sidebar = c.find(Locator::Css("aside.wl-sidebar")).await.expect("a sidebar");
    let labels = texts(&sidebar.find_all(Locator::Css("label")).await.unwrap()).await;
    for expected in ["How would you like to be contacted?", "Select a range of values"] {
        assert!(labels.iter().any(|l| l.contains(expected)), "sidebar labels {labels:?} lack {expected:?}");
    }
    let main = c.find(Locator::Css("main.wl-main")).await.expect("a main landmark");
    let main_text = main.text().await.unwrap();
    assert!(main_text.contains("0 squared is 0"), "main section text: {main_text}");
    assert!(!main_text.contains("How would you like to be contacted?"));
    // Changing a sidebar widget reruns the script and the main area follows.
    let contact = sidebar
        .find(Locator::XPath(".//div[contains(@class, 'wl-selectbox')][.//label[contains(., 'contacted')]]"))
        .await
        .expect("the contact selectbox");
    contact.find(Locator::Css("input[role=combobox]")).await.unwrap().click().await.unwrap();
    let option = contact.find(Locator::XPath(".//li[@role='option'][normalize-space(.)='Mobile phone']")).await;
    option.expect("the Mobile phone option").click().await.unwrap();
    wait_for_text(c, ".wl-main .wl-markdown", "contact by Mobile phone", TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn expander_opens_on_click() {
    let app = App::open("fundamentals", "/").await;
    let c = &app.client;
    let expander = match c.wait().at_most(TIMEOUT).for_element(Locator::Css("details.wl-expander")).await {
        Ok(expander) => expander,
        Err(_) => panic!("no expander; the page says:\n{}", page_text(c).await),
    };
    let summary = expander.find(Locator::Css("summary")).await.unwrap();
    assert_eq!(summary.text().await.unwrap().trim(), "See explanation");
    let body = expander.find(Locator::Css(".wl-markdown")).await.unwrap();
    assert!(!body.is_displayed().await.unwrap(), "the expander starts open");
    summary.click().await.unwrap();
    wait_until(TIMEOUT, "the expander shows its body", || async { body.is_displayed().await.unwrap_or(false) }).await;
    assert!(body.text().await.unwrap().contains("guaranteed"));
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// The gallery (examples/gallery via www/index.html), served under a sub-path like GitHub Pages.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn gallery_loads_under_a_sub_path() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    let title = match c.wait().at_most(TIMEOUT).for_element(Locator::Css("#wasmlit-app .wl-title")).await {
        Ok(title) => title,
        Err(_) => panic!("no title element; the page says:\n{}", page_text(c).await),
    };
    assert!(title.is_displayed().await.unwrap(), "the title is not visible");
    assert!(!title.text().await.unwrap().trim().is_empty(), "the title is empty");
    assert_eq!(title.text().await.unwrap().trim(), "wasmlit gallery");
    // The script ran to its end ...
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    // ... without crashing the module ...
    let crashed = c.find_all(Locator::Css("#wasmlit-crash")).await.unwrap_or_default();
    assert!(crashed.is_empty(), "the app crashed: {:?}", texts(&crashed).await);
    // ... and the only exceptions are the ones the gallery shows on purpose (its "Status
    // elements" and "Errors stay in place" sections, examples/gallery/src/lib.rs).
    const ON_PURPOSE: [&str; 6] =
        ["invalid digit", "min_value", "DuplicateWidgetID", "Progress", "port setting", "page icon"];
    let exceptions = texts(&c.find_all(Locator::Css(".wl-exception")).await.unwrap()).await;
    for exception in &exceptions {
        assert!(
            ON_PURPOSE.iter().any(|expected| exception.contains(expected)),
            "an unexpected exception in the gallery: {exception:?}"
        );
    }
    assert_eq!(exceptions.len(), ON_PURPOSE.len(), "exceptions shown: {exceptions:?}");
    let wasm: Vec<String> = serde_json::from_value(
        c.execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('.wasm'))",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    assert!(!wasm.is_empty(), "the page fetched no .wasm");
    for url in &wasm {
        assert!(url.starts_with(&app.url), "{url} is not under {}", app.url);
    }
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn gallery_number_input_plus_button_steps_the_value() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let quantity = widget(c, "number_input", "Quantity (0 to 10)").await;
    let input = quantity.find(Locator::Css("input[type='number']")).await.unwrap();
    assert_eq!(input.prop("value").await.unwrap().as_deref(), Some("1"));
    let plus = quantity.find(Locator::XPath(".//button[normalize-space(.)='+']")).await.unwrap();
    plus.click().await.unwrap();
    wait_for_text(c, ".wl-caption", "value: 2", TIMEOUT).await;
    let quantity = widget(c, "number_input", "Quantity (0 to 10)").await;
    let input = quantity.find(Locator::Css("input[type='number']")).await.unwrap();
    assert_eq!(input.prop("value").await.unwrap().as_deref(), Some("2"));
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// The execution model in the gallery: output during a run, interruption, forms, timed fragments.
// ---------------------------------------------------------------------------------------------

/// The percent of the long computation's progress bar (the one after its "Step N of 30"
/// text; the gallery shows other bars too), if it is on the page.
async fn progress_percent(client: &Client) -> Option<u32> {
    let value = client
        .execute(
            "const step = [...document.querySelectorAll('#wasmlit-app .wl-element.wl-text')] \
                 .find(t => t.innerText.startsWith('Step ')); \
             let next = step && step.nextElementSibling; \
             while (next && !next.classList.contains('wl-progress')) next = next.nextElementSibling; \
             const bar = next && next.querySelector('[role=progressbar]'); \
             return bar ? bar.getAttribute('aria-valuenow') : null",
            vec![],
        )
        .await
        .ok()?;
    value.as_str()?.parse().ok()
}

/// "The whole script has run N times" from the gallery's execution section.
async fn full_runs(client: &Client) -> u32 {
    let all = markdown_texts(client).await;
    let line = all.iter().find(|t| t.starts_with("The whole script has run")).expect("the run counter is shown");
    line.split_whitespace().nth(5).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("no count in {line:?}"))
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_progress_bar_passes_through_intermediate_values_during_one_run() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    assert_eq!(progress_percent(c).await, None, "no bar before the button");
    button(c, "Run a long computation").await.click().await.unwrap();
    let mut seen = Vec::new();
    let deadline = Instant::now() + TIMEOUT;
    while Instant::now() < deadline {
        if let Some(percent) = progress_percent(c).await {
            if seen.last() != Some(&percent) {
                seen.push(percent);
            }
        }
        let done = texts(&c.find_all(Locator::Css(".wl-success")).await.unwrap_or_default()).await;
        if done.iter().any(|t| t.contains("The long computation finished.")) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
    let intermediate: Vec<u32> = seen.iter().copied().filter(|p| *p > 0 && *p < 100).collect();
    assert!(intermediate.len() >= 5, "the bar advanced while the script ran: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "the bar only moved forward: {seen:?}");
    wait_for_text(c, ".wl-success", "The long computation finished.", TIMEOUT).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_click_during_a_long_run_cancels_it() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    button(c, "Run a long computation").await.click().await.unwrap();
    wait_until(TIMEOUT, "the long computation is under way", || async {
        progress_percent(c).await.is_some_and(|p| p >= 10)
    })
    .await;
    wait_for_text(c, ".wl-status", "Running", TIMEOUT).await;
    // Any interaction reruns the script; the button is false in that run, so the loop is gone.
    let agree = widget(c, "checkbox", "I agree").await;
    let label = agree.find(Locator::Css("label")).await.unwrap();
    // Scroll it to the middle, as a person would, clear of the fixed top bar.
    c.execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&label).unwrap()])
        .await
        .unwrap();
    label.click().await.unwrap();
    wait_until(TIMEOUT, "the cancelled run's progress bar is gone", || async { progress_percent(c).await.is_none() })
        .await;
    tokio::time::sleep(Duration::from_secs(4)).await;
    let successes = texts(&c.find_all(Locator::Css(".wl-success")).await.unwrap_or_default()).await;
    assert!(
        !successes.iter().any(|t| t.contains("The long computation finished.")),
        "the cancelled run went on: {successes:?}"
    );
    wait_for_text(c, ".wl-caption", "value: true", TIMEOUT).await;
    assert!(c.find_all(Locator::Css(".wl-status")).await.unwrap().is_empty(), "no run is in progress");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_form_submits_its_values_in_one_run() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let before = full_runs(c).await;
    let note = widget(c, "text_input", "Note for the kitchen").await;
    let input = note.find(Locator::Css("input")).await.unwrap();
    input.send_keys("no nuts").await.unwrap();
    let scoops = widget(c, "slider", "Scoops").await;
    scoops.find(Locator::Css("input[type='range']")).await.unwrap().send_keys(ARROW_RIGHT).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(full_runs(c).await, before, "changing widgets in a form does not rerun");
    button(c, "Order").await.click().await.unwrap();
    wait_for_text(c, ".wl-success", "Ordered 3 scoops of Vanilla (no nuts).", TIMEOUT).await;
    assert_eq!(full_runs(c).await, before + 1, "one run on submit");
    // clear_on_submit: the form shows its defaults again.
    let note = widget(c, "text_input", "Note for the kitchen").await;
    let value = note.find(Locator::Css("input")).await.unwrap().prop("value").await.unwrap();
    assert_eq!(value.as_deref(), Some(""));
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_run_every_fragment_ticks_while_the_rest_of_the_app_stays() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let tick = |texts: Vec<String>| {
        texts.iter().find_map(|t| {
            t.strip_prefix("This fragment reruns every second on its own: tick ")?
                .trim_end_matches('.')
                .parse::<u32>()
                .ok()
        })
    };
    let first = tick(markdown_texts(c).await).expect("the timed fragment is shown");
    let runs = full_runs(c).await;
    tokio::time::sleep(Duration::from_millis(2_600)).await;
    let later = tick(markdown_texts(c).await).expect("the timed fragment is still shown");
    assert!(later >= first + 2, "the fragment ticked on its own: {first} -> {later}");
    assert_eq!(full_runs(c).await, runs, "the rest of the app did not rerun");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_panic_shows_a_crash_panel_whose_button_restarts_the_app() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let panic = button(c, "Panic").await;
    c.execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&panic).unwrap()])
        .await
        .unwrap();
    panic.click().await.unwrap();
    wait_for_text(c, "#wasmlit-crash", "a deliberate panic from the gallery", TIMEOUT).await;
    // The panicking run may have shown part of its output (an async run shows it as it goes).
    let runs = full_runs(c).await;
    let restart =
        c.find(Locator::XPath("//div[@id='wasmlit-crash']//button[normalize-space(.)='Restart app']")).await.unwrap();
    assert!(restart.is_displayed().await.unwrap(), "the restart button is displayed");
    // ... and visible: its colours come from the theme, which reaches the panel.
    let colours = c
        .execute(
            "const s = getComputedStyle(arguments[0]); return [s.color, s.backgroundColor, arguments[0].getAttribute('onclick')]",
            vec![serde_json::to_value(&restart).unwrap()],
        )
        .await
        .unwrap();
    let [text, background, onclick] = [0, 1, 2].map(|i| colours[i].as_str().map(str::to_owned));
    assert_ne!(background.as_deref(), Some("rgba(0, 0, 0, 0)"), "the button has a background");
    assert_ne!(text, background, "its text stands out from its background");
    assert_eq!(onclick, None, "no inline handler (a Content-Security-Policy would refuse it)");
    // The stopped app takes no input and runs no more.
    let inert = c.execute("return document.querySelector('.wl-app').hasAttribute('inert')", vec![]).await.unwrap();
    assert_eq!(inert, serde_json::Value::Bool(true), "the app behind the panel is inert");
    c.execute("document.querySelector('.wl-app input[type=checkbox]').click()", vec![]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(full_runs(c).await, runs, "the click after the panic did not rerun the app");
    restart.click().await.unwrap();
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    assert!(c.find_all(Locator::Css("#wasmlit-crash")).await.unwrap().is_empty(), "the restarted app runs");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_slow_download_shows_progress_and_never_says_the_app_could_not_start() {
    // 18 s for the .wasm: past the 15 s after which the old page gave up.
    let started = Instant::now();
    let app = App::open_with("fundamentals", "/", Fault::Slow { suffix: ".wasm", seconds: 18 }).await;
    let c = &app.client;
    let mut said: Vec<String> = Vec::new();
    loop {
        let loading = c.find_all(Locator::Css(".wasmlit-loading")).await.unwrap_or_default();
        if loading.is_empty() && !c.find_all(Locator::Css(".wl-app")).await.unwrap_or_default().is_empty() {
            break;
        }
        for text in texts(&loading).await {
            if said.last() != Some(&text) {
                said.push(text);
            }
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the app did not start; the page said {said:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(started.elapsed() > Duration::from_secs(15), "the download was slow enough to matter");
    assert!(said.iter().all(|t| !t.contains("could not start")), "a slow link is not a failure: {said:?}");
    assert!(said.iter().any(|t| t.contains('%')), "the page showed how far the download was: {said:?}");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_missing_wasm_file_says_at_once_that_the_app_could_not_start() {
    let app = App::open_with("fundamentals", "/", Fault::Missing { suffix: ".wasm" }).await;
    wait_for_text(&app.client, ".wasmlit-loading", "could not start", Duration::from_secs(5)).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn fragments_nest_fail_in_place_and_a_forms_sidebar_widget_is_not_held() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;

    // A fragment inside a fragment: each reruns alone, and the outer one reruns the inner.
    wait_for_text(c, ".wl-markdown", "Outer fragment runs: 1.", TIMEOUT).await;
    let inner = widget(c, "checkbox", "A checkbox in the inner fragment").await;
    click_centered(c, &inner.find(Locator::Css("input[type='checkbox']")).await.unwrap()).await;
    wait_for_text(c, ".wl-markdown", "Inner fragment runs: 2; its checkbox is on.", TIMEOUT).await;
    click_centered(c, &button(c, "Rerun the outer fragment").await).await;
    wait_for_text(c, ".wl-markdown", "Outer fragment runs: 2.", TIMEOUT).await;
    wait_for_text(c, ".wl-markdown", "Inner fragment runs: 3; its checkbox is on.", TIMEOUT).await;

    // A fragment's error shows inside the fragment, and its next rerun clears it.
    let error = "a deliberate error inside the fragment";
    click_centered(c, &button(c, "Raise an error in this fragment").await).await;
    wait_for_text(c, ".wl-fragment .wl-exception", error, TIMEOUT).await;
    click_centered(c, &button(c, "Rerun this fragment").await).await;
    wait_until(TIMEOUT, "the fragment's rerun clears its error", || async {
        let shown = texts(&c.find_all(Locator::Css(".wl-exception")).await.unwrap_or_default()).await;
        !shown.iter().any(|t| t.contains(error))
    })
    .await;

    // A checkbox drawn into the sidebar through a form's handle is not in the form.
    wait_for_text(c, ".wl-markdown", "Form checkbox: false; sidebar checkbox: false.", TIMEOUT).await;
    let click_by_label = "const label = [...document.querySelectorAll('.wl-check')]                           .find(l => l.innerText.trim() === arguments[0]); label.querySelector('input').click()";
    c.execute(click_by_label, vec!["A sidebar checkbox drawn through the form".into()]).await.unwrap();
    wait_for_text(c, ".wl-markdown", "Form checkbox: false; sidebar checkbox: true.", TIMEOUT).await;
    c.execute(click_by_label, vec!["A checkbox in the form".into()]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        markdown_texts(c).await.iter().any(|t| t == "Form checkbox: false; sidebar checkbox: true."),
        "the form's checkbox waits for the submit"
    );
    click_centered(c, &button(c, "Submit this form").await).await;
    wait_for_text(c, ".wl-markdown", "Form checkbox: true; sidebar checkbox: true.", TIMEOUT).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn the_chat_app_streams_its_answer_under_a_pinned_input() {
    let app = App::open("chat", "/").await;
    let c = &app.client;
    let input = c.wait().at_most(TIMEOUT).for_element(Locator::Css(".wl-chat-input-text")).await.unwrap();
    let gap_below = c
        .execute(
            "return window.innerHeight - document.querySelector('.wl-chat-input').getBoundingClientRect().bottom",
            vec![],
        )
        .await
        .unwrap();
    assert!(gap_below.as_f64().is_some_and(|gap| (0.0..80.0).contains(&gap)), "pinned to the bottom: {gap_below}");

    // Shift+Enter is a new line, not a message.
    input.send_keys(&format!("one{SHIFT}{ENTER}{RELEASE}two")).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(c.find_all(Locator::Css(".wl-chat-message")).await.unwrap().is_empty(), "nothing was sent");
    let value = c.execute("return document.querySelector('.wl-chat-input-text').value", vec![]).await.unwrap();
    assert_eq!(value.as_str(), Some("one\ntwo"));

    // Enter sends; the answer streams in word by word (one word every 50 ms).
    input.send_keys(&format!(" three four five six seven{ENTER}")).await.unwrap();
    wait_for_text(c, ".wl-chat-message", "one", TIMEOUT).await;
    // The avatar sits beside the message, as in Streamlit, not above it.
    let beside = c
        .execute(
            "const m = document.querySelector('.wl-chat-message'); \
             const a = m.querySelector('.wl-chat-avatar').getBoundingClientRect(); \
             const b = m.querySelector('.wl-chat-body').getBoundingClientRect(); \
             return a.right <= b.left && Math.abs(a.top - b.top) < 20",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(beside, serde_json::Value::Bool(true), "avatar and message share a row");
    let cleared = c.execute("return document.querySelector('.wl-chat-input-text').value", vec![]).await.unwrap();
    assert_eq!(cleared.as_str(), Some(""), "the box clears after sending");
    let mut lengths = Vec::new();
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let answer = texts(&c.find_all(Locator::Css(".wl-chat-message .wl-markdown")).await.unwrap_or_default())
            .await
            .into_iter()
            .find(|t| t.starts_with("Echo:"))
            .unwrap_or_default();
        if lengths.last() != Some(&answer.len()) {
            lengths.push(answer.len());
        }
        if answer == "Echo: one two three four five six seven" {
            break;
        }
        assert!(Instant::now() < deadline, "the answer did not finish: {answer:?}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(lengths.len() >= 3, "the answer grew in steps: {lengths:?}");

    // The history stays: a second message adds to it.
    let input = c.find(Locator::Css(".wl-chat-input-text")).await.unwrap();
    input.send_keys(&format!("again{ENTER}")).await.unwrap();
    wait_for_text(c, ".wl-chat-message .wl-markdown", "Echo: again", TIMEOUT).await;
    let messages = c.find_all(Locator::Css(".wl-chat-message")).await.unwrap();
    assert_eq!(messages.len(), 4, "two questions and two answers");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_toast_shows_its_updated_text_and_goes_away_by_itself() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    click_centered(c, &button(c, "Make a toast").await).await;
    wait_for_text(c, ".wl-toasts .wl-toast-body", "Your toast is ready!", TIMEOUT).await;
    wait_until(Duration::from_secs(8), "the toast dismisses itself", || async {
        c.find_all(Locator::Css(".wl-toasts .wl-toast-box")).await.unwrap_or_default().is_empty()
    })
    .await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn pills_feedback_and_the_colour_picker_send_their_values() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let exceptions = || async { c.find_all(Locator::Css(".wl-exception")).await.unwrap_or_default().len() };
    let exceptions_before = exceptions().await;
    let pressed = |label: &'static str| async move {
        let xpath = format!("//button[normalize-space(.)='{label}']");
        c.find(Locator::XPath(&xpath)).await.unwrap().attr("aria-pressed").await.unwrap()
    };

    // Multi pills: a click adds a tag, a second click takes it away.
    let bug =
        c.find(Locator::XPath("//button[contains(@class, 'wl-pill') and normalize-space(.)='bug']")).await.unwrap();
    click_centered(c, &bug).await;
    wait_for_text(c, ".wl-caption", r#"value: ["bug", "docs"]"#, TIMEOUT).await;
    assert_eq!(pressed("bug").await.as_deref(), Some("true"));
    click_centered(c, &bug).await;
    wait_for_text(c, ".wl-caption", r#"value: ["docs"]"#, TIMEOUT).await;
    assert_eq!(pressed("bug").await.as_deref(), Some("false"));

    // The segmented control picks one.
    let month = c.find(Locator::XPath("//button[normalize-space(.)='Month']")).await.unwrap();
    click_centered(c, &month).await;
    wait_for_text(c, ".wl-caption", r#"value: Some("Month")"#, TIMEOUT).await;

    // Thumbs: None until clicked.
    let up = c.find(Locator::Css("button[aria-label='thumbs up']")).await.unwrap();
    click_centered(c, &up).await;
    wait_for_text(c, ".wl-caption", "value: Some(1)", TIMEOUT).await;
    assert_eq!(up.attr("aria-pressed").await.unwrap().as_deref(), Some("true"));

    // The colour picker sends its value on change.
    c.execute(
        "const input = document.querySelector('.wl-color_picker input[type=color]'); \
         input.value = '#1c83e1'; input.dispatchEvent(new Event('change', {bubbles: true}))",
        vec![],
    )
    .await
    .unwrap();
    wait_for_text(c, ".wl-caption", r##"value: "#1c83e1""##, TIMEOUT).await;
    assert_eq!(exceptions().await, exceptions_before, "no new error boxes");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn media_play_from_blob_urls_and_a_popover_holds_its_widgets() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let attr_of = |css: &'static str, attr: &'static str| async move {
        c.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("no {css}")).attr(attr).await.unwrap()
    };
    // Generated bytes are shown from Blob URLs.
    for css in [".wl-image img", ".wl-audio audio", ".wl-video video", ".wl-logo-box img"] {
        let src = attr_of(css, "src").await.unwrap_or_default();
        assert!(src.starts_with("blob:"), "{css} plays from a Blob URL, not {src:?}");
    }
    let image_src = attr_of(".wl-image img", "src").await;
    let muted = c.execute("return document.querySelector('.wl-video video').muted", vec![]).await.unwrap();
    assert_eq!(muted, serde_json::Value::Bool(true), "muted is set as a property");

    // The popover: closed at first, its checkbox works when open, Esc closes it.
    let open = button_in(c, ".wl-popover", "Open the popover").await;
    assert_eq!(open.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));
    click_centered(c, &open).await;
    assert_eq!(open.attr("aria-expanded").await.unwrap().as_deref(), Some("true"));
    let bold = widget(c, "checkbox", "Bold greeting").await;
    bold.find(Locator::Css("input[type='checkbox']")).await.unwrap().click().await.unwrap();
    wait_for_text(c, ".wl-markdown strong", "Hello from the popover!", TIMEOUT).await;
    // A rerun keeps the Blob URL of unchanged bytes.
    assert_eq!(attr_of(".wl-image img", "src").await, image_src, "the image's Blob URL is reused");
    c.find(Locator::Css("body")).await.unwrap().send_keys("\u{E00C}").await.unwrap();
    wait_until(TIMEOUT, "Esc closes the popover", || async {
        open.attr("aria-expanded").await.ok().flatten().as_deref() == Some("false")
    })
    .await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn dates_empty_states_and_tertiary_buttons_work_in_the_built_gallery() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    // Types `value` into the native input labelled `label` and commits it, as a picker does.
    let set = |label: &'static str, value: &'static str| async move {
        c.execute(
            "const input = document.querySelector(`input[aria-label=\"${arguments[0]}\"]`); \
             input.value = arguments[1]; input.dispatchEvent(new Event('change', {bubbles: true}))",
            vec![label.into(), value.into()],
        )
        .await
        .unwrap();
    };
    wait_for_text(c, ".wl-caption", "value: 2019-07-06", TIMEOUT).await;
    set("When's your birthday", "2016-02-29").await;
    wait_for_text(c, ".wl-caption", "value: 2016-02-29", TIMEOUT).await;
    // Outside the bounds (ten years around the default): refused, the value stays.
    set("When's your birthday", "1990-01-01").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let captions = texts(&c.find_all(Locator::Css(".wl-caption")).await.unwrap()).await;
    assert!(captions.iter().any(|t| t == "value: 2016-02-29"), "{captions:?}");
    assert!(!captions.iter().any(|t| t.contains("1990")), "{captions:?}");

    // An empty date input returns None until a date is set.
    set("Deadline (starts empty, in 2025)", "2025-03-31").await;
    wait_for_text(c, ".wl-caption", "value: Some(2025-03-31)", TIMEOUT).await;

    // A radio with captions under its options, and a tertiary button with an icon.
    wait_for_text(c, ".wl-radio", "For the whole team.", TIMEOUT).await;
    let undo =
        c.find(Locator::XPath("//button[contains(normalize-space(.), 'Undo (a tertiary button)')]")).await.unwrap();
    assert!(undo.attr("class").await.unwrap().unwrap_or_default().contains("wl-tertiary"), "drawn as tertiary");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn page_config_a_dialog_that_must_be_answered_and_the_r_shortcut() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    // set_page_config: the tab's title and an emoji favicon; the refused favicon is not used.
    let title = c.execute("return document.title", vec![]).await.unwrap();
    assert_eq!(title.as_str(), Some("wasmlit gallery"));
    let icon = c.execute("return document.getElementById('wasmlit-favicon').href", vec![]).await.unwrap();
    assert!(icon.as_str().is_some_and(|h| h.starts_with("data:image/svg+xml,")), "an emoji favicon: {icon}");
    let wide = || async {
        c.execute("return document.querySelector('main.wl-main').classList.contains('wl-wide')", vec![]).await.unwrap()
    };
    assert_eq!(wide().await, serde_json::Value::Bool(false));
    c.execute(
        "[...document.querySelectorAll('.wl-check')].find(l => l.innerText.trim() === 'Wide layout') \
         .querySelector('input').click()",
        vec![],
    )
    .await
    .unwrap();
    wait_until(TIMEOUT, "the wide layout applies", || async { wide().await == serde_json::Value::Bool(true) }).await;

    // A dialog that cannot be dismissed: Esc and the backdrop leave it, its button closes it.
    click_centered(c, &button(c, "Open a dialog you must answer").await).await;
    let dialog = "[role=dialog][aria-label='Terms of the gallery']";
    c.wait().at_most(TIMEOUT).for_element(Locator::Css(dialog)).await.unwrap();
    assert!(c.find_all(Locator::Css(&format!("{dialog} button[aria-label=Close]"))).await.unwrap().is_empty());
    c.find(Locator::Css("body")).await.unwrap().send_keys("\u{E00C}").await.unwrap();
    c.execute("document.querySelector('.wl-dialog-backdrop').click()", vec![]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!c.find_all(Locator::Css(dialog)).await.unwrap().is_empty(), "Esc and the backdrop leave it open");
    let agree = c.find(Locator::XPath("//div[@role='dialog']//button[normalize-space(.)='I agree']")).await.unwrap();
    agree.click().await.unwrap();
    wait_until(TIMEOUT, "its button closes it", || async {
        c.find_all(Locator::Css(dialog)).await.unwrap_or_default().is_empty()
    })
    .await;

    // R (focus on the page, not in an input) reruns the whole script.
    let runs = full_runs(c).await;
    c.execute("document.activeElement && document.activeElement.blur()", vec![]).await.unwrap();
    c.find(Locator::Css("body")).await.unwrap().send_keys("r").await.unwrap();
    wait_until(TIMEOUT, "R reruns the app", || async { full_runs(c).await > runs }).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn markdown_extras_badges_and_balloons_show_in_the_built_gallery() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let extras = c
        .find(Locator::XPath("//div[contains(@class,'wl-markdown')][.//*[contains(@class,'wl-color-red')]]"))
        .await
        .expect("the markdown extras paragraph");
    for class in ["wl-color-rainbow", "wl-bg-blue", "wl-small", "wl-badge-green", "wl-material-icon"] {
        assert!(!extras.find_all(Locator::Css(&format!(".{class}"))).await.unwrap().is_empty(), "{class}");
    }
    // Coloured text flows inside its line (a colour picker's row class once made it a block).
    let display = c
        .execute("return getComputedStyle(document.querySelector('.wl-md .wl-color-red')).display", vec![])
        .await
        .unwrap();
    assert_eq!(display.as_str(), Some("inline"), "coloured text stays inline");
    let code = extras.find(Locator::Css("code")).await.unwrap().text().await.unwrap();
    assert_eq!(code, ":red[x] :smile:", "directives stay as typed inside code");
    let badges = texts(&c.find_all(Locator::Css(".wl-element.wl-badge")).await.unwrap()).await;
    assert_eq!(badges.len(), 3, "{badges:?}");
    click_centered(c, &button(c, "Balloons").await).await;
    c.wait().at_most(TIMEOUT).for_element(Locator::Css(".wl-celebration-balloons")).await.unwrap();
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn html_is_sanitized_code_is_highlighted_and_a_pdf_shows_in_the_built_gallery() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    // html: DOMPurify loads, the markup and its <style> show, nothing hostile survives.
    let note = c.wait().at_most(TIMEOUT).for_element(Locator::Css(".wl-html .gallery-note")).await.unwrap();
    assert_eq!(note.find(Locator::Css("b")).await.unwrap().text().await.unwrap(), "HTML");
    let border = c
        .execute("return getComputedStyle(document.querySelector('.wl-html .gallery-note')).borderLeftColor", vec![])
        .await
        .unwrap();
    assert_eq!(border.as_str(), Some("rgb(128, 61, 245)"), "the body's <style> applies");
    let hostile = c
        .execute(
            "const h = document.querySelector('.wl-html'); \
             return [h.querySelectorAll('script').length, h.querySelector('img').getAttribute('onerror'), \
             h.querySelector('a').getAttribute('href')]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(hostile, serde_json::json!([0, null, null]), "no script, handler or javascript: URL");
    click_centered(c, &note.find(Locator::Css("a")).await.unwrap()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let pwned = c.execute("return window.wlPwned === undefined ? null : window.wlPwned", vec![]).await.unwrap();
    assert_eq!(pwned, serde_json::Value::Null, "nothing of the body ran");

    // code: Prism's token spans, coloured, over the same plain text; the gutter stays.
    let tokens = |language: &'static str| async move {
        let script = format!(
            "return Array.from(document.querySelectorAll('.wl-code code.language-{language} .token.keyword')).map(e => e.textContent)"
        );
        let found = c.execute(&script, vec![]).await.unwrap();
        found.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect::<Vec<_>>())
    };
    wait_until(TIMEOUT, "Prism highlights the Rust blocks", || async {
        tokens("rust").await.is_some_and(|k| k.iter().any(|k| k == "fn"))
    })
    .await;
    let python = tokens("python").await.unwrap_or_default();
    assert!(python.iter().any(|k| k == "def") && python.iter().any(|k| k == "import"), "{python:?}");
    let first = c.find(Locator::Css(".wl-code code.language-rust")).await.unwrap().text().await.unwrap();
    assert!(first.starts_with("fn app(ui: &Ui) {"), "the text is the body: {first:?}");
    let colours = c
        .execute(
            "const k = document.querySelector('.wl-code code.language-rust .token.keyword'); \
             return [getComputedStyle(k).color, getComputedStyle(k.closest('code')).color]",
            vec![],
        )
        .await
        .unwrap();
    assert_ne!(colours[0], colours[1], "keywords have their own colour: {colours}");
    let gutter = c
        .execute(
            "return document.querySelector('.wl-code-gutter').closest('pre').querySelectorAll('.token').length > 0",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(gutter, serde_json::Value::Bool(true), "a block with line numbers is highlighted too");

    // pdf: the generated document from a Blob URL (the viewer, or the link where there is none).
    let pdf = c
        .execute(
            "const f = document.querySelector('.wl-pdf iframe, .wl-pdf a'); \
             return f.getAttribute(f.tagName === 'IFRAME' ? 'src' : 'href')",
            vec![],
        )
        .await
        .unwrap();
    assert!(pdf.as_str().is_some_and(|url| url.starts_with("blob:")), "{pdf}");
    app.close().await;
}

/// The `<button>` saying `text` inside the first element matching `css`.
async fn button_in(client: &Client, css: &str, text: &str) -> Element {
    let container = client.wait().at_most(TIMEOUT).for_element(Locator::Css(css)).await.unwrap();
    let xpath = format!(".//button[normalize-space(.)='{text}' or contains(normalize-space(.), '{text}')]");
    container.find(Locator::XPath(&xpath)).await.unwrap_or_else(|_| panic!("no button {text:?} in {css}"))
}

/// Scrolls `element` to the middle of the window (clear of the fixed top bar), then clicks it.
async fn click_centered(client: &Client, element: &Element) {
    client
        .execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(element).unwrap()])
        .await
        .unwrap();
    element.clone().click().await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// Data elements in the gallery: the dataframe grid (src/web/elements/data/).
// ---------------------------------------------------------------------------------------------

/// The `data-row` of the rows the grid `grid` (a CSS selector) shows, top to bottom (rows are
/// recycled slots placed by transforms, so the DOM order is not the row order; a slot hidden
/// after a jump, until the scrolling pauses, is numbered by no row).
async fn grid_rows(client: &Client, grid: &str) -> Vec<String> {
    let script = format!(
        "return Array.from(document.querySelectorAll(\"{grid} .wl-grid-tr[data-row]\")).sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map(r => r.getAttribute('data-row'))"
    );
    serde_json::from_value(client.execute(&script, vec![]).await.unwrap()).unwrap_or_default()
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_million_row_grid_sorts_scrolls_to_the_last_row_and_selects() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let toggle = widget(c, "toggle", "Load a million rows").await;
    let input = toggle.find(Locator::Css("input")).await.unwrap();
    let started = Instant::now();
    // The switch's <input> is drawn over by its track: click it as the label would.
    c.execute("arguments[0].click()", vec![serde_json::to_value(&input).unwrap()]).await.unwrap();
    const GRID: &str = ".wl-grid:has(> [role=grid][aria-rowcount='1000000'])";
    let grid = c.wait().at_most(Duration::from_secs(60)).for_element(Locator::Css(GRID)).await.unwrap();
    wait_until(TIMEOUT, "the million-row grid shows row 0", || async {
        grid_rows(c, GRID).await.first().map(String::as_str) == Some("0")
    })
    .await;
    println!("a million rows: generated and shown {:?} after the click", started.elapsed());
    let drawn = grid_rows(c, GRID).await.len();
    assert!((5..=40).contains(&drawn), "{drawn} rows in the DOM");
    c.execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&grid).unwrap()])
        .await
        .unwrap();

    // Sort by `row`: ascending (as it is), then descending, by clicking its header.
    let header = grid.find(Locator::Css(".wl-grid-th[data-column='row']")).await.unwrap();
    header.clone().click().await.unwrap();
    let header = grid.find(Locator::Css(".wl-grid-th[data-column='row']")).await.unwrap();
    let sorted = Instant::now();
    header.click().await.unwrap();
    wait_until(TIMEOUT, "the grid is sorted descending", || async {
        grid_rows(c, GRID).await.first().map(String::as_str) == Some("999999")
    })
    .await;
    println!("sorting a million rows took {:?}", sorted.elapsed());
    let header = grid.find(Locator::Css(".wl-grid-th[data-column='row']")).await.unwrap();
    header.click().await.unwrap();
    wait_until(TIMEOUT, "the sort is off again", || async {
        grid_rows(c, GRID).await.first().map(String::as_str) == Some("0")
    })
    .await;

    // Scroll to the end and read the last row.
    c.execute(
        &format!("const s = document.querySelector(\"{GRID} .wl-grid-scroll\"); s.scrollTop = s.scrollHeight;"),
        vec![],
    )
    .await
    .unwrap();
    wait_until(TIMEOUT, "row 999,999 is drawn", || async {
        grid_rows(c, GRID).await.last().map(String::as_str) == Some("999999")
    })
    .await;
    let last = grid.find(Locator::Css(".wl-grid-tr[data-row='999999']")).await.unwrap();
    let text = last.text().await.unwrap();
    assert!(text.contains("999999") && text.contains("item-0999999"), "the last row says {text:?}");

    // Select a row in the selection example: the script writes it below.
    let people = c.find(Locator::Css(".st-key-gallery_people")).await.unwrap();
    let index = people.find(Locator::Css(".wl-grid-tr[data-row='3'] .wl-grid-index")).await.unwrap();
    click_centered(c, &index).await;
    wait_for_text(c, ".wl-markdown", "Selected rows: [3] (Ken #3)", TIMEOUT).await;
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// The harness.
// ---------------------------------------------------------------------------------------------

/// One built app, served, in one fresh headless Chromium.
struct App {
    client: Client,
    /// The app's URL, e.g. `http://127.0.0.1:PORT/wasmlit/`.
    url: String,
    _driver: ChromeDriver,
    _server: StaticServer,
}

impl App {
    /// Serves `$WASMLIT_E2E_DIST/<name>` under `prefix` and opens it.
    async fn open(name: &str, prefix: &str) -> App {
        App::open_with(name, prefix, Fault::None).await
    }

    /// Like [`open`](Self::open), with a server that plays `fault`.
    async fn open_with(name: &str, prefix: &str, fault: Fault) -> App {
        let dist = std::env::var_os("WASMLIT_E2E_DIST")
            .map(PathBuf::from)
            .expect("WASMLIT_E2E_DIST is not set: build the apps first: cargo xtask test e2e");
        let server = StaticServer::start_with(dist.join(name), prefix, fault)
            .unwrap_or_else(|e| panic!("cannot serve {name}: {e} (build the apps first: cargo xtask test e2e)"));
        App::serve(server, "").await
    }

    /// Opens `path` (below the app's URL) of an app `server` serves, in a fresh Chromium.
    async fn serve(server: StaticServer, path: &str) -> App {
        let driver = start_chromedriver();
        let client = connect(&driver).await;
        let url = server.url();
        client.goto(&format!("{url}{path}")).await.unwrap();
        App { client, url, _driver: driver, _server: server }
    }

    /// Ends the WebDriver session (which quits Chrome); the driver and server stop on drop.
    async fn close(self) {
        let App { client, _driver, _server, .. } = self;
        let _ = client.close().await;
    }
}

/// chromedriver from `$CHROMEDRIVER` (default: Debian's).
fn start_chromedriver() -> ChromeDriver {
    let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    ChromeDriver::start(Path::new(&program)).unwrap_or_else(|e| panic!("{e}"))
}

/// A fresh Chromium from `$CHROME` (default: Debian's).
async fn connect(driver: &ChromeDriver) -> Client {
    let chrome = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
    driver.connect(Path::new(&chrome)).await.unwrap_or_else(|e| panic!("{e}"))
}

/// Polls `ready` every [`POLL`] until it is true; panics with `what` after `timeout`.
async fn wait_until<F, Fut>(timeout: Duration, what: &str, mut ready: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if ready().await {
            return;
        }
        assert!(Instant::now() < deadline, "timed out after {timeout:?} waiting until {what}");
        tokio::time::sleep(POLL).await;
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile text (examples/hostile): the XSS corpus on every text surface, and five panics.
// ---------------------------------------------------------------------------------------------

/// The payloads of `tests/corpus/xss.txt`.
fn xss_payloads() -> Vec<&'static str> {
    include_str!("corpus/xss.txt").lines().filter(|line| !line.is_empty() && !line.starts_with("-- ")).collect()
}

/// A report-only Content-Security-Policy that allows the page's own inline scripts (by hash),
/// its own files, WebAssembly and Vega's compiled expressions, and nothing else: any script a
/// payload smuggled in (an inline handler, a `javascript:` URL, an inline or foreign
/// `<script>`) is reported to the page's `securitypolicyviolation` listener.
fn report_only_policy(index_html: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut hashes = String::new();
    let mut rest = index_html;
    while let Some(start) = rest.find("<script") {
        let open_end = start + rest[start..].find('>').expect("a script tag closes");
        let close = open_end + rest[open_end..].find("</script>").expect("a script ends");
        if !rest[start..open_end].contains(" src=") {
            let body = &rest[open_end + 1..close];
            let digest = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(body.as_bytes()));
            hashes.push_str(&format!(" 'sha256-{digest}'"));
        }
        rest = &rest[close..];
    }
    format!(
        "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'{hashes}; object-src 'none'; base-uri 'none'; \
         frame-src 'none'; form-action 'none'"
    )
}

/// Serves the hostile app with [`report_only_policy`] and opens `path` (under `/`).
async fn open_hostile(path: &str) -> App {
    let dist =
        PathBuf::from(std::env::var_os("WASMLIT_E2E_DIST").expect("WASMLIT_E2E_DIST is not set")).join("hostile");
    let index = std::fs::read_to_string(dist.join("index.html")).expect("build the apps first: cargo xtask test e2e");
    let headers = vec![("Content-Security-Policy-Report-Only".to_string(), report_only_policy(&index))];
    App::serve(StaticServer::start_with_headers(&dist, "/", headers).unwrap(), path).await
}

/// What ran or leaked: calls the page's tripwire caught (`sentinel.js`), policy reports, and
/// elements or attributes in the body that sanitizing should have removed.
const INERT_CHECK: &str = r#"
    const bad = [...window.__xss.map(x => 'ran ' + x), ...window.__csp.map(x => 'csp ' + x)];
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background',
        'poster', 'srcset', 'ping', 'codebase', 'lowsrc', 'dynsrc', 'to', 'from', 'values', 'content'];
    const never = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
        'set', 'animate', 'foreignobject', 'maction', 'xmp', 'plaintext', 'noscript', 'template', 'marquee', 'x',
        'mglyph', 'math'];
    for (const element of document.body.querySelectorAll('*')) {
        const tag = element.localName.toLowerCase();
        const own = (tag === 'script' && element.src.startsWith(location.origin + '/'))
            || (tag === 'noscript' && element.parentElement === document.body);
        if (never.includes(tag) && !own) bad.push('element <' + tag + '>: ' + element.outerHTML.slice(0, 120));
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
            if (name.startsWith('on')) bad.push('handler ' + name + ' on <' + tag + '>: ' + attribute.value.slice(0, 80));
            if (urlAttributes.includes(name) && /^(javascript|vbscript|livescript|data:text|data:application)/.test(value))
                bad.push('url ' + name + ' on <' + tag + '>: ' + attribute.value.slice(0, 80));
            if (name === 'style' && /expression\(|javascript:|url\(/.test(value))
                bad.push('style on <' + tag + '>: ' + attribute.value.slice(0, 80));
            if ((name === 'src' || name === 'data') && value === 'x') bad.push('payload element <' + tag + ' ' + name + '=x>');
        }
    }
    return bad;
"#;

/// Asserts that nothing of the corpus ran or got through, and no exception or crash is shown.
async fn assert_inert(client: &Client, page: &str) {
    let bad = js(client, INERT_CHECK).await;
    let bad: Vec<String> = serde_json::from_value(bad).unwrap();
    assert!(bad.is_empty(), "on {page}, hostile text got through:\n{}", bad.join("\n"));
    assert_no_exceptions(client).await;
    assert!(client.find_all(Locator::Css("#wasmlit-crash")).await.unwrap().is_empty(), "the app crashed on {page}");
}

/// How many elements match `css`.
async fn count(client: &Client, css: &str) -> usize {
    client.find_all(Locator::Css(css)).await.map(|found| found.len()).unwrap_or(0)
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn the_xss_corpus_stays_inert_on_every_text_surface() {
    let payloads = xss_payloads();
    let n = payloads.len();
    let app = open_hostile("text").await;
    let c = &app.client;
    // Every display element, once per payload: wait until the last ones are drawn.
    // About 1,900 elements and 134 toasts: more than a usual page, so a longer wait.
    wait_until(4 * TIMEOUT, "every payload is drawn on the text page", || async {
        count(c, ".wl-element.wl-metric").await == n && count(c, ".wl-element.wl-code").await == n
    })
    .await;
    assert!(count(c, ".wl-element.wl-markdown").await >= 2 * n, "markdown and write, once per payload");
    // Opened expanders and shown tooltips bring their hidden parts into the page.
    js(c, "document.querySelectorAll('.wl-expander summary, .wl-expander button').forEach(e => e.click())").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_inert(c, "the text page").await;
    // The payload text is shown as text: the first one, a script element, reads as written.
    let text = page_text(c).await;
    assert!(text.contains(payloads[0]), "the first payload is shown as text");

    for (path, ready) in [("widgets", ".wl-element.wl-text_input"), ("data", ".wl-element.wl-dataframe")] {
        c.goto(&format!("{}{path}", app.url)).await.unwrap();
        c.wait().at_most(TIMEOUT).for_element(Locator::Css(ready)).await.unwrap();
        if path == "widgets" {
            wait_until(4 * TIMEOUT, "every payload has its text input", || async {
                count(c, ".wl-element.wl-text_input").await == n
            })
            .await;
            // Open the selectbox and the popover: their options and body join the page.
            js(c, "document.querySelector('.wl-selectbox input, .wl-selectbox [role=combobox]')?.click()").await;
            js(c, "document.querySelector('.wl-popover button')?.click()").await;
        } else {
            // Vega draws the chart and shows a tooltip for the point under the pointer.
            c.wait()
                .at_most(TIMEOUT)
                .for_element(Locator::Css(".wl-vega_lite_chart canvas, .wl-vega_lite_chart svg"))
                .await
                .unwrap();
            let canvas = c.find(Locator::Css(".wl-vega_lite_chart canvas, .wl-vega_lite_chart svg")).await.unwrap();
            c.execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&canvas).unwrap()])
                .await
                .unwrap();
            use fantoccini::actions::InputSource as _;
            let actions = fantoccini::actions::MouseActions::new("mouse".into()).then(
                fantoccini::actions::PointerAction::MoveToElement {
                    element: canvas.clone(),
                    duration: None,
                    x: 0.0,
                    y: 0.0,
                },
            );
            c.perform_actions(actions).await.unwrap();
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_inert(c, path).await;
    }

    // Page titles: the tab's title and the navigation's links show payloads as text.
    let title = c.title().await.unwrap();
    assert_eq!(title, payloads[0], "the page title is the payload, as text");
    for (i, payload) in payloads.iter().take(8).enumerate() {
        c.goto(&format!("{}hostile-{i}", app.url)).await.unwrap();
        wait_for_text(c, ".wl-title", payload, TIMEOUT).await;
        assert_inert(c, &format!("the page titled with payload {i}")).await;
    }

    // The query string: `?q=` set by a link a stranger shares, echoed through Markdown, a
    // caption, an alert and a text input bound to it.
    for payload in payloads.iter().step_by(7) {
        let query: String = payload.bytes().map(|b| format!("%{b:02X}")).collect();
        c.goto(&format!("{}query?q={query}", app.url)).await.unwrap();
        let input = c.wait().at_most(TIMEOUT).for_element(Locator::Css(".st-key-q input")).await.unwrap();
        wait_until(TIMEOUT, "the query parameter reaches the text input", || async {
            input.prop("value").await.ok().flatten().as_deref() == Some(*payload)
        })
        .await;
        assert_inert(c, &format!("the query page with q={payload}")).await;
    }

    // An uploaded file's name.
    let files = TempFiles::new("hostile");
    let names =
        ["<img src=x onerror=alert(900)>.csv", "\"><svg onload=alert(901)>.txt", "[x](javascript:alert(902)).md"];
    // The names are Markdown there: the link's text stays, its URL goes.
    let shown =
        ["Uploaded: <img src=x onerror=alert(900)>.csv", "Uploaded: \"><svg onload=alert(901)>.txt", "Uploaded: x.md"];
    for (name, shown) in names.into_iter().zip(shown) {
        let path = files.write(name, b"a,b\n1,2\n");
        file_input(c, "files").await.send_keys(&path).await.unwrap();
        wait_for_text(c, ".wl-markdown", shown, TIMEOUT).await;
    }
    assert_inert(c, "the query page after hostile uploads").await;

    // The checks can fail: a payload put in the page raw trips each of them.
    js(c, "document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(999)>')").await;
    wait_until(TIMEOUT, "the raw payload runs and is reported", || async {
        js(c, "return window.__xss.length > 0 && window.__csp.length > 0").await == serde_json::Value::Bool(true)
    })
    .await;
    let caught: Vec<String> = serde_json::from_value(js(c, INERT_CHECK).await).unwrap();
    for wanted in ["ran alert(999)", "csp script-src", "handler onerror", "payload element <img src=x>"] {
        assert!(caught.iter().any(|line| line.starts_with(wanted)), "{wanted:?} not in {caught:?}");
    }
    println!("xss corpus: {n} payloads inert on the text, widgets, data, title, query and upload surfaces");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_panic_anywhere_shows_the_crash_panel_and_a_restart_keeps_persisted_state() {
    let app = open_hostile("crashes").await;
    let c = &app.client;
    button(c, "Add one").await.click().await.unwrap();
    wait_for_text(c, ".wl-markdown", "clicks: 1", TIMEOUT).await;
    let places = ["a callback", "a cached function", "a fragment", "a renderer", "an async run"];
    for (i, place) in places.into_iter().enumerate() {
        button(c, "Add one").await.click().await.unwrap();
        let clicks = i + 2;
        wait_for_text(c, ".wl-markdown", &format!("clicks: {clicks}"), TIMEOUT).await;
        // Let the run's write reach IndexedDB before the module dies.
        tokio::time::sleep(Duration::from_millis(300)).await;
        button(c, &format!("Panic in {place}")).await.click().await.unwrap();
        wait_for_text(c, "#wasmlit-crash", &format!("a panic in {place}"), TIMEOUT).await;
        let restart = c
            .find(Locator::XPath("//div[@id='wasmlit-crash']//button[normalize-space(.)='Restart app']"))
            .await
            .unwrap();
        restart.click().await.unwrap();
        wait_for_text(c, ".wl-markdown", &format!("clicks: {clicks}"), TIMEOUT).await;
        assert!(c.find_all(Locator::Css("#wasmlit-crash")).await.unwrap().is_empty(), "restarted after {place}");
    }
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// The components example (examples/components): JS and Leptos components in the page.
// ---------------------------------------------------------------------------------------------

/// Runs `script` in the page and returns its value.
async fn js(client: &Client, script: &str) -> serde_json::Value {
    client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}"))
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn components_send_values_keep_their_node_clean_up_and_fail_in_place() {
    let app = App::open("components", "/").await;
    let c = &app.client;
    let star = ".st-key-rating .stars button";
    c.wait().at_most(TIMEOUT).for_element(Locator::Css(star)).await.unwrap();
    // Mark the component's node: a remount would lose the mark.
    js(c, "document.querySelector('.st-key-rating .wl-component-root').wlMark = 'kept'").await;

    // A click on the third star: a state value, read by the script, its callback run once.
    c.find_all(Locator::Css(star)).await.unwrap()[2].click().await.unwrap();
    wait_for_text(c, ".wl-markdown", "You rated it 3 / 5 (changed 1 times).", TIMEOUT).await;
    // The HTML embed sits in a sandboxed frame whose origin is opaque (no `allow-same-origin`).
    let sandbox = js(c, "return document.querySelector('.wl-iframe iframe').getAttribute('sandbox')").await;
    let sandbox = sandbox.as_str().unwrap_or_default().to_string();
    assert!(sandbox.contains("allow-scripts") && !sandbox.contains("allow-same-origin"), "{sandbox}");
    let lit = js(c, "return document.querySelectorAll('.st-key-rating .stars button.lit').length").await;
    assert_eq!(lit.as_u64(), Some(3));

    // New data (seven stars): the same node, the entry called again.
    let slider = widget(c, "slider", "Stars").await;
    let range = slider.find(Locator::Css("input[type='range']")).await.unwrap();
    range.send_keys(&format!("{ARROW_RIGHT}{ARROW_RIGHT}")).await.unwrap();
    wait_for_text(c, ".wl-markdown", "You rated it 3 / 7", TIMEOUT).await;
    wait_until(TIMEOUT, "seven stars are drawn", || async {
        js(c, &format!("return document.querySelectorAll('{star}').length")).await.as_u64() == Some(7)
    })
    .await;
    let root = "document.querySelector('.st-key-rating .wl-component-root')";
    assert_eq!(js(c, &format!("return {root}.wlMark")).await.as_str(), Some("kept"), "the node was kept");
    assert!(js(c, &format!("return {root}.wlCalls")).await.as_u64() >= Some(2), "the entry ran again");
    // Themed through the host's custom properties: a lit star wears the primary colour.
    let colours = js(
        c,
        "const lit = document.querySelector('.st-key-rating .stars button.lit'); \
         const probe = document.createElement('i'); probe.style.color = 'var(--wl-primary)'; \
         document.querySelector('.st-key-rating .wl-component-host').append(probe); \
         const want = getComputedStyle(probe).color; probe.remove(); \
         return [getComputedStyle(lit).color, want]",
    )
    .await;
    assert_eq!(colours[0], colours[1], "{colours}");

    // A stroke on the sketchpad: a trigger value the script keeps.
    js(
        c,
        "const canvas = document.querySelector('.st-key-sketchpad canvas'); const box = canvas.getBoundingClientRect(); \
         const at = (type, x, y) => canvas.dispatchEvent(new PointerEvent(type, \
             { clientX: box.left + x, clientY: box.top + y, pointerId: 1, bubbles: true })); \
         at('pointerdown', 10, 10); at('pointermove', 50, 40); at('pointermove', 90, 60); at('pointerup', 90, 60);",
    )
    .await;
    wait_for_text(c, ".wl-markdown", "1 strokes, 3 points.", TIMEOUT).await;

    // The sketchpad's CSS (`button { margin-top: 0.5rem }`) styles its own button only (@scope).
    let margins = js(
        c,
        "return [document.querySelector('.st-key-sketchpad button'), document.querySelector('.st-key-swatch button')] \
         .map(b => getComputedStyle(b).marginTop)",
    )
    .await;
    assert_eq!(margins, serde_json::json!(["8px", "0px"]), "scoped CSS");

    // The Leptos swatch picker: a click sends its state value.
    c.find(Locator::Css(".st-key-swatch button[aria-label='#21c354']")).await.unwrap().click().await.unwrap();
    wait_for_text(c, ".wl-markdown", "You picked #21c354.", TIMEOUT).await;
    let pressed =
        js(c, "return document.querySelector(\".st-key-swatch button[aria-label='#21c354']\").ariaPressed").await;
    assert_eq!(pressed.as_str(), Some("true"));

    // Hidden: the component is removed and its cleanup ran.
    let show = widget(c, "checkbox", "Show the rating").await;
    show.find(Locator::Css("input[type='checkbox']")).await.unwrap().click().await.unwrap();
    wait_until(TIMEOUT, "the rating's cleanup ran", || async {
        js(c, "return document.body.dataset.starRatingCleanup").await.as_str() == Some("done")
    })
    .await;
    assert!(c.find_all(Locator::Css(".st-key-rating")).await.unwrap().is_empty(), "the rating is gone");

    // A component that throws: an error naming it, in its place; the app goes on.
    let broken = widget(c, "checkbox", "Show a broken component").await;
    broken.find(Locator::Css("input[type='checkbox']")).await.unwrap().click().await.unwrap();
    wait_for_text(c, ".wl-component-error", "The component \"broken\" raised an exception", TIMEOUT).await;
    wait_for_text(c, ".wl-component-error", "broken on purpose", TIMEOUT).await;
    // A module that does not parse, and one without a default export.
    wait_for_text(
        c,
        ".wl-component-error",
        "The component \"unparsable\" could not load its module: SyntaxError",
        TIMEOUT,
    )
    .await;
    wait_for_text(c, ".wl-component-error", "The component \"no_default\" could not load its module", TIMEOUT).await;
    wait_for_text(c, ".wl-component-error", "no default export", TIMEOUT).await;
    wait_for_text(c, ".wl-caption", "The app goes on below a broken component.", TIMEOUT).await;
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// The Uber pickups example (examples/uber_pickups): the CSV beside the app, fetched and parsed.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn uber_pickups_fetches_its_csv_shows_frames_and_filters_by_hour() {
    let app = App::open("uber_pickups", "/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-text", "Done! (using cache_data)", TIMEOUT).await;
    wait_for_text(c, ".wl-subheader", "Map of all pickups at 17:00", TIMEOUT).await;
    // The hour histogram: 24 bars drawn by Vega.
    wait_until(TIMEOUT, "24 bars", || async { chart_marks(c, ".wl-bar_chart", "rect").await == 24 }).await;
    // The map, offline: the 740 pickups of 17:00 all on the fitted view, drawn on its canvas.
    wait_until(TIMEOUT, "the map draws the 740 pickups", || async {
        canvas_attribute(c, 0, "data-points").await.as_deref() == Some("740")
    })
    .await;
    // Hour 17 → 18 with the keyboard: the filtered frame and its heading follow.
    let slider = widget(c, "slider", "hour").await;
    slider.find(Locator::Css("input[type='range']")).await.unwrap().send_keys(ARROW_RIGHT).await.unwrap();
    wait_for_text(c, ".wl-subheader", "Map of all pickups at 18:00", TIMEOUT).await;
    wait_until(TIMEOUT, "the map redraws another hour's pickups", || async {
        canvas_attribute(c, 0, "data-points").await.is_some_and(|n| n != "740")
    })
    .await;
    // The raw data: 10,000 rows behind a checkbox, in the page's only grid (the counts are
    // bars and the pickups a map).
    let checkbox = widget(c, "checkbox", "Show raw data").await;
    checkbox.find(Locator::Css("input[type='checkbox']")).await.unwrap().click().await.unwrap();
    wait_for_text(c, ".wl-subheader", "Raw data", TIMEOUT).await;
    wait_until(TIMEOUT, "one frame", || async {
        c.find_all(Locator::Css(".wl-dataframe")).await.unwrap_or_default().len() == 1
    })
    .await;
    wait_for_text(c, ".wl-dataframe .wl-grid-th", "date/time", TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

/// Waits until some element matching `css` has a text containing `expected`; on timeout the
/// panic shows what those elements said and the page's text.
async fn wait_for_text(client: &Client, css: &str, expected: &str, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    loop {
        let seen = match client.find_all(Locator::Css(css)).await {
            Ok(elements) => texts(&elements).await,
            Err(_) => Vec::new(),
        };
        if seen.iter().any(|t| t.contains(expected)) {
            return;
        }
        if Instant::now() >= deadline {
            panic!(
                "timed out after {timeout:?} waiting for {expected:?} in `{css}`; those elements say {seen:?}\n\
                 the page says:\n{}",
                page_text(client).await
            );
        }
        tokio::time::sleep(POLL).await;
    }
}

/// The visible text of the first element matching `css`.
#[allow(dead_code)]
async fn text_of(client: &Client, css: &str) -> String {
    let element = client.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("no `{css}` element"));
    element.text().await.unwrap()
}

async fn texts(elements: &[Element]) -> Vec<String> {
    let mut out = Vec::with_capacity(elements.len());
    for element in elements {
        // An element can go away between find and read: a rerun replaced it.
        if let Ok(text) = element.text().await {
            out.push(text);
        }
    }
    out
}

async fn markdown_texts(client: &Client) -> Vec<String> {
    texts(&client.find_all(Locator::Css(".wl-markdown")).await.unwrap_or_default()).await
}

/// The app's text (or the body's, if it never mounted), for failure messages.
async fn page_text(client: &Client) -> String {
    client
        .execute(
            "const root = document.getElementById('wasmlit-app') || document.body; return root ? root.innerText : '(no body)'",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "(could not read the page)".into())
}

/// The `<label>` of the first `kind` widget whose label text is `label`, if any.
async fn label_of(client: &Client, kind: &str, label: &str) -> Option<Element> {
    let elements = client.find_all(Locator::Css(&format!(".wl-element.wl-{kind}"))).await.ok()?;
    for element in elements {
        if let Ok(l) = element.find(Locator::Css("label")).await {
            if l.text().await.map(|t| t.trim() == label).unwrap_or(false) {
                return Some(l);
            }
        }
    }
    None
}

/// Waits for the `.wl-<kind>` element whose `<label>` says `label`.
async fn widget(client: &Client, kind: &str, label: &str) -> Element {
    let css = format!(".wl-element.wl-{kind}");
    let deadline = Instant::now() + TIMEOUT;
    loop {
        for element in client.find_all(Locator::Css(&css)).await.unwrap_or_default() {
            if let Ok(l) = element.find(Locator::Css("label")).await {
                if l.text().await.map(|t| t.trim() == label).unwrap_or(false) {
                    return element;
                }
            }
        }
        if Instant::now() >= deadline {
            panic!("no {kind} labelled {label:?}; the page says:\n{}", page_text(client).await);
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Waits for the `<button>` (in a `.wl-button`) that says `text`.
async fn button(client: &Client, text: &str) -> Element {
    let xpath = format!(
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' wl-button ')]//button[normalize-space(.)='{text}']"
    );
    match client.wait().at_most(TIMEOUT).for_element(Locator::XPath(&xpath)).await {
        Ok(button) => button,
        Err(_) => panic!("no button {text:?}; the page says:\n{}", page_text(client).await),
    }
}

/// The same button after a rerun (the renderer may keep or replace the node; either is fine).
async fn button_again(client: &Client, text: &str) -> Element {
    button(client, text).await
}

async fn assert_no_exceptions(client: &Client) {
    let exceptions = client.find_all(Locator::Css(".wl-exception")).await.unwrap_or_default();
    let said = texts(&exceptions).await;
    assert!(said.is_empty(), "the app shows exceptions: {said:?}");
}

// ---------------------------------------------------------------------------------------------
// Files and JSON in the gallery: file_uploader, download_button, json.
// ---------------------------------------------------------------------------------------------

/// A fresh temporary directory for the files a test uploads; removed on drop.
struct TempFiles(PathBuf);

impl TempFiles {
    fn new(name: &str) -> TempFiles {
        let dir = std::env::temp_dir().join(format!("wasmlit-e2e-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempFiles(dir)
    }

    /// Writes `bytes` to `name` and returns its absolute path.
    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    }
}

impl Drop for TempFiles {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The `<input type="file">` of the uploader with key `key`.
async fn file_input(client: &Client, key: &str) -> Element {
    let css = format!(".st-key-{key} input[type='file']");
    client.wait().at_most(TIMEOUT).for_element(Locator::Css(&css)).await.unwrap_or_else(|_| panic!("no {css}"))
}

/// What the link `css` downloads, read back by the page from its Blob URL, as bytes.
async fn downloaded_bytes(client: &Client, css: &str) -> Vec<u8> {
    let script = "const done = arguments[arguments.length - 1]; \
        const link = document.querySelector(arguments[0]); \
        fetch(link.href).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b)))) \
            .catch(e => done('failed: ' + e));";
    let value = client.execute_async(script, vec![css.into()]).await.unwrap();
    serde_json::from_value(value.clone()).unwrap_or_else(|_| panic!("could not read {css}: {value}"))
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn an_uploaded_csv_is_shown_and_downloads_back_byte_for_byte() {
    let files = TempFiles::new("upload");
    let csv = b"name,score\nAda,36\nGrace,85\n\xc3\xa9t\xc3\xa9,1\n";
    let path = files.write("scores.csv", csv);
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    wait_for_text(c, ".st-key-gallery_csv .wl-file-hint", "200MB per file • CSV", TIMEOUT).await;
    file_input(c, "gallery_csv").await.send_keys(&path).await.unwrap();
    wait_for_text(c, ".wl-markdown", &format!("Uploaded scores.csv: {} bytes", csv.len()), TIMEOUT).await;
    wait_for_text(c, ".wl-caption", "4 lines; it starts with: name,score", TIMEOUT).await;
    assert_eq!(text_of(c, ".st-key-gallery_csv .wl-file-name").await, "scores.csv");
    assert_eq!(text_of(c, ".st-key-gallery_csv .wl-file-size").await, format!("{} B", csv.len()));

    // The download button offers the same bytes under the same name.
    let link = ".st-key-gallery_download_back a";
    let download = c.wait().at_most(TIMEOUT).for_element(Locator::Css(link)).await.unwrap();
    assert_eq!(download.attr("download").await.unwrap().as_deref(), Some("scores.csv"));
    assert!(download.attr("href").await.unwrap().unwrap_or_default().starts_with("blob:"));
    assert_eq!(downloaded_bytes(c, link).await, csv, "the download is the upload, byte for byte");
    // The click itself: the app reruns with the button true. (The page's own file save is
    // stopped so the test leaves nothing in a downloads folder; the bytes were read above.)
    c.execute(
        "document.addEventListener('click', e => { if (e.target.closest('a[download]')) e.preventDefault(); })",
        vec![],
    )
    .await
    .unwrap();
    click_centered(c, &download).await;
    wait_for_text(c, ".wl-caption", "download_button returned true for this run.", TIMEOUT).await;

    // The ✕ removes the file: the script sees none and the download button goes.
    let remove = c.find(Locator::Css(".st-key-gallery_csv button[aria-label='Remove scores.csv']")).await.unwrap();
    click_centered(c, &remove).await;
    wait_for_text(c, ".wl-caption", "No CSV uploaded yet.", TIMEOUT).await;
    wait_until(TIMEOUT, "the download button goes", || async {
        c.find_all(Locator::Css(link)).await.map(|found| found.is_empty()).unwrap_or(false)
    })
    .await;
    assert_no_exceptions_but_the_gallerys(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn many_files_upload_at_once_a_wrong_type_is_refused_and_the_cross_removes_one() {
    let files = TempFiles::new("images");
    let png = files.write("a.png", b"\x89PNG\r\n\x1a\nnot really");
    let jpg = files.write("b.JPG", &[0xff, 0xd8, 0xff, 0x00]);
    let txt = files.write("notes.txt", b"plain text");
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    file_input(c, "gallery_images").await.send_keys(&format!("{png}\n{jpg}")).await.unwrap();
    wait_for_text(c, ".wl-caption", "2 image(s): a.png (18 bytes), b.JPG (4 bytes)", TIMEOUT).await;
    let names = texts(&c.find_all(Locator::Css(".st-key-gallery_images .wl-file-name")).await.unwrap()).await;
    assert_eq!(names, ["a.png", "b.JPG"]);

    // A text file: refused with a message under the widget; the two images stay.
    file_input(c, "gallery_images").await.send_keys(&txt).await.unwrap();
    wait_for_text(
        c,
        ".st-key-gallery_images .wl-file-error",
        "notes.txt: .txt files are not allowed (allowed: .png, .jpg).",
        TIMEOUT,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    wait_for_text(c, ".wl-caption", "2 image(s): a.png (18 bytes), b.JPG (4 bytes)", TIMEOUT).await;

    // The ✕ of the first row removes that file only.
    let remove = c.find(Locator::Css(".st-key-gallery_images button[aria-label='Remove a.png']")).await.unwrap();
    click_centered(c, &remove).await;
    wait_for_text(c, ".wl-caption", "1 image(s): b.JPG (4 bytes)", TIMEOUT).await;
    let names = texts(&c.find_all(Locator::Css(".st-key-gallery_images .wl-file-name")).await.unwrap()).await;
    assert_eq!(names, ["b.JPG"]);

    // json: the person's fields in order, and a caret closes the root.
    let keys = texts(&c.find_all(Locator::Css(".wl-json .wl-json-key")).await.unwrap()).await;
    assert_eq!(keys[..3], ["\"name\"", "\"id\"", "\"active\""]);
    let toggle = c.find(Locator::Css(".wl-json .wl-json-toggle")).await.unwrap();
    click_centered(c, &toggle).await;
    let root = c.find(Locator::Css(".wl-json .wl-json-node")).await.unwrap();
    assert_eq!(root.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));
    app.close().await;
}

/// Only the exceptions the gallery shows on purpose (see `gallery_loads_under_a_sub_path`).
async fn assert_no_exceptions_but_the_gallerys(client: &Client) {
    const ON_PURPOSE: [&str; 6] =
        ["invalid digit", "min_value", "DuplicateWidgetID", "Progress", "port setting", "page icon"];
    let exceptions = texts(&client.find_all(Locator::Css(".wl-exception")).await.unwrap()).await;
    assert!(
        exceptions.iter().all(|e| ON_PURPOSE.iter().any(|expected| e.contains(expected))),
        "unexpected exceptions: {exceptions:?}"
    );
}

/// The `.wl-app`'s theme attribute and its primary colour, as the page computes them.
async fn theme_of(c: &Client) -> (String, String) {
    let value = c
        .execute(
            "const app = document.querySelector('.wl-app'); \
             return [app.getAttribute('data-theme'), getComputedStyle(app).getPropertyValue('--wl-primary').trim()]",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn the_chat_app_wears_its_theme_file_and_a_settings_pick_survives_a_reload() {
    let app = App::open("chat", "/").await;
    let c = &app.client;
    c.wait().at_most(TIMEOUT).for_element(Locator::Css(".wl-chat-input-text")).await.unwrap();
    assert_eq!(theme_of(c).await, ("custom".to_string(), "#6d28d9".to_string()), "examples/chat/wasmlit.toml");
    c.find(Locator::Css("button[aria-label='Main menu']")).await.unwrap().click().await.unwrap();
    c.find(Locator::XPath("//div[@role='menu']/button[text()='Settings']")).await.unwrap().click().await.unwrap();
    let select = c.wait().at_most(TIMEOUT).for_element(Locator::Css("#wl-settings-theme")).await.unwrap();
    select.select_by_value("dark").await.unwrap();
    wait_until(TIMEOUT, "the app turns dark", || async { theme_of(c).await.0 == "dark" }).await;
    c.refresh().await.unwrap();
    c.wait().at_most(TIMEOUT).for_element(Locator::Css(".wl-chat-input-text")).await.unwrap();
    assert_eq!(theme_of(c).await.0, "dark", "the pick is kept");
    // The loader read it too, before the app started: the loading screen was dark.
    let early = c.execute("return document.getElementById('wasmlit-early-theme').textContent", vec![]).await.unwrap();
    assert!(early.as_str().is_some_and(|css| css.contains("color-scheme: dark")), "{early}");
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn the_gallery_shows_a_file_of_its_static_folder_at_app_static() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let sizes = c
        .execute(
            "const images = Array.from(document.querySelectorAll(\"img[src='app/static/wasmlit.svg']\")); \
             return Promise.all(images.map(i => i.decode().then(() => i.naturalWidth, () => 0)))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(sizes, serde_json::json!([240, 240]), "the image element and the Markdown image both load");
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// The multipage example (examples/multipage), served under /multipage/ as GitHub Pages serves
// a project: no SPA rewrite, unknown paths answer with the app's 404.html.
// ---------------------------------------------------------------------------------------------

/// Clicks the navigation link whose text is `title`.
async fn click_page_link(client: &Client, title: &str) {
    let links = client.find_all(Locator::Css(".wl-navigation .wl-nav-link")).await.unwrap();
    for link in links {
        if link.text().await.unwrap().contains(title) {
            link.click().await.unwrap();
            return;
        }
    }
    panic!("no page link \"{title}\"; the page says:\n{}", page_text(client).await);
}

async fn wait_for_path(client: &Client, path: &str) {
    let path = path.to_string();
    wait_until(TIMEOUT, &format!("the address bar to show {path}"), || {
        let path = path.clone();
        async move { client.current_url().await.is_ok_and(|url| url.path() == path) }
    })
    .await;
}

async fn wait_for_tab_title(client: &Client, title: &str) {
    let title = title.to_string();
    wait_until(TIMEOUT, &format!("the tab title {title}"), || {
        let title = title.clone();
        async move { client.title().await.is_ok_and(|t| t == title) }
    })
    .await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn multipage_pages_by_click_back_forward_and_reload() {
    let app = App::open("multipage", "/multipage/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-title", "Welcome to wasmlit!", TIMEOUT).await;
    wait_for_tab_title(c, "Main page").await;
    click_page_link(c, "Plotting demo").await;
    wait_for_text(c, ".wl-title", "Plotting demo", TIMEOUT).await;
    wait_for_path(c, "/multipage/plotting_demo").await;
    wait_for_tab_title(c, "Plotting demo").await;
    click_page_link(c, "DataFrame demo").await;
    wait_for_text(c, ".wl-title", "DataFrame demo", TIMEOUT).await;
    wait_for_path(c, "/multipage/dataframe_demo").await;
    c.back().await.unwrap();
    wait_for_text(c, ".wl-title", "Plotting demo", TIMEOUT).await;
    wait_for_path(c, "/multipage/plotting_demo").await;
    c.forward().await.unwrap();
    wait_for_text(c, ".wl-title", "DataFrame demo", TIMEOUT).await;
    // A reload asks the static server for /multipage/dataframe_demo: its 404.html goes up to
    // the app, which opens the page again.
    c.refresh().await.unwrap();
    wait_for_text(c, ".wl-title", "DataFrame demo", TIMEOUT).await;
    wait_for_path(c, "/multipage/dataframe_demo").await;
    click_page_link(c, "Main page").await;
    wait_for_path(c, "/multipage/").await;
    wait_for_text(c, ".wl-title", "Welcome to wasmlit!", TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn multipage_deep_and_shared_links_restore_the_page_and_bound_widgets() {
    let app = App::open("multipage", "/multipage/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-title", "Welcome to wasmlit!", TIMEOUT).await;
    // A shared link: a page and the widget values bound to its query params.
    c.goto(&format!("{}dataframe_demo?countries=India&countries=France", app.url)).await.unwrap();
    wait_for_text(c, ".wl-title", "DataFrame demo", TIMEOUT).await;
    wait_for_text(c, ".wl-multiselect .wl-chip", "France", TIMEOUT).await;
    let chosen = texts(&c.find_all(Locator::Css(".wl-multiselect .wl-chip")).await.unwrap()).await.join(" ");
    assert!(chosen.contains("India") && chosen.contains("France"), "{chosen}");
    assert!(!chosen.contains("China"), "the default was replaced by the link's values: {chosen}");
    let url = c.current_url().await.unwrap();
    assert_eq!((url.path(), url.query()), ("/multipage/dataframe_demo", Some("countries=India&countries=France")));
    // A value the slider refuses is dropped from the address bar and the app goes on.
    c.goto(&format!("{}plotting_demo?points=9999", app.url)).await.unwrap();
    wait_for_text(c, ".wl-title", "Plotting demo", TIMEOUT).await;
    wait_until(TIMEOUT, "the refused value to leave the URL", || async {
        c.current_url().await.is_ok_and(|url| url.query().is_none())
    })
    .await;
    // A path that is no page: "Page not found" and the main page.
    c.goto(&format!("{}no_such_page", app.url)).await.unwrap();
    wait_for_text(c, ".wl-title", "Welcome to wasmlit!", TIMEOUT).await;
    wait_for_text(c, ".wl-error", "Page not found", TIMEOUT).await;
    wait_for_path(c, "/multipage/").await;
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// Maps in the gallery: Leaflet loaded only when a map is shown, points drawn offline.
// ---------------------------------------------------------------------------------------------

/// An attribute of the points canvas of the `index`-th map on the page.
async fn canvas_attribute(client: &Client, index: usize, name: &str) -> Option<String> {
    let script = "const c = document.querySelectorAll('.wl-map-points')[arguments[0]]; \
                  return c ? c.getAttribute(arguments[1]) : null;";
    let value = client.execute(script, vec![index.into(), name.into()]).await.ok()?;
    value.as_str().map(str::to_string)
}

/// The resources the page has fetched whose URL contains `part`.
async fn resources(client: &Client, part: &str) -> Vec<String> {
    let script =
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes(arguments[0]))";
    serde_json::from_value(client.execute(script, vec![part.into()]).await.unwrap()).unwrap_or_default()
}

/// The view the `index`-th map's points were last drawn for.
async fn drawn_view(client: &Client, index: usize) -> wasmlit::elements::maps::mercator::View {
    use wasmlit::elements::maps::mercator::{project, View};
    let center = canvas_attribute(client, index, "data-center").await.expect("a drawn map");
    let (lat, lon) = center.split_once(',').expect("lat,lon");
    let zoom = canvas_attribute(client, index, "data-zoom").await.expect("a zoom");
    let script = "const c = document.querySelectorAll('.wl-map-points')[arguments[0]]; \
                  return [c.clientWidth, c.clientHeight];";
    let size: Vec<f64> = serde_json::from_value(client.execute(script, vec![index.into()]).await.unwrap()).unwrap();
    View {
        center: project(lat.parse().unwrap(), lon.parse().unwrap()),
        zoom: zoom.parse().unwrap(),
        width: size[0],
        height: size[1],
    }
}

/// The RGBA of the `index`-th map's canvas at a CSS-pixel position.
async fn canvas_pixel(client: &Client, index: usize, x: f64, y: f64) -> [u8; 4] {
    let script = "const c = document.querySelectorAll('.wl-map-points')[arguments[0]]; \
                  const r = c.width / c.clientWidth; \
                  return Array.from(c.getContext('2d').getImageData(Math.floor(arguments[1] * r), Math.floor(arguments[2] * r), 1, 1).data);";
    serde_json::from_value(client.execute(script, vec![index.into(), x.into(), y.into()]).await.unwrap()).unwrap()
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn gallery_maps_load_leaflet_only_when_shown_draw_offline_and_zoom() {
    use wasmlit::elements::maps::mercator::project;
    use wasmlit::elements::maps::Rgba;

    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    // A page without a map requests no Leaflet (its code blocks load Prism, its html DOMPurify).
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(resources(c, "leaflet").await, Vec::<String>::new());

    let toggle = widget(c, "toggle", "Show the maps").await;
    let input = toggle.find(Locator::Css("input[type='checkbox']")).await.unwrap();
    c.execute("arguments[0].click()", vec![serde_json::to_value(&input).unwrap()]).await.unwrap();
    wait_until(TIMEOUT, "both maps are drawn", || async {
        canvas_attribute(c, 1, "data-points").await.is_some() && canvas_attribute(c, 0, "data-points").await.is_some()
    })
    .await;
    let vendor = resources(c, "wasmlit-vendor").await;
    assert!(vendor.iter().any(|u| u.ends_with("/leaflet.js")), "{vendor:?}");
    assert!(vendor.iter().any(|u| u.ends_with("/leaflet.css")), "{vendor:?}");
    assert!(vendor.iter().all(|u| !u.contains("vega")), "a map page loads no chart library: {vendor:?}");
    // Every one of the 500 scattered points is on the fitted view.
    assert_eq!(canvas_attribute(c, 0, "data-points").await.as_deref(), Some("500"));

    // The cities map: each city is drawn in its colour where the view projects it, with no
    // tile loaded (the tests have no internet), and nothing is drawn far from them.
    let cities = [
        ("Berlin", 52.52, 13.405, Rgba::parse("#ff4b4b").unwrap()),
        ("Paris", 48.8566, 2.3522, Rgba::parse("#1c83e1").unwrap()),
        ("Madrid", 40.4168, -3.7038, Rgba::parse("#ffbd45c0").unwrap()),
    ];
    // Returns the view and how many of the cities were on it.
    let check_cities = || async {
        let view = drawn_view(c, 1).await;
        let mut seen = 0;
        for (name, lat, lon, color) in cities {
            let (x, y) = project(lat, lon);
            let (sx, sy) = view.to_screen(x, y);
            if sx < 0.0 || sy < 0.0 || sx >= view.width || sy >= view.height {
                continue;
            }
            seen += 1;
            let [r, g, b, a] = canvas_pixel(c, 1, sx, sy).await;
            let near = |p: u8, q: u8| (i16::from(p) - i16::from(q)).abs() <= 3;
            assert!(
                near(r, color.r) && near(g, color.g) && near(b, color.b) && near(a, color.a),
                "{name} at ({sx:.1}, {sy:.1}) of {view:?} is [{r}, {g}, {b}, {a}], not {color:?}"
            );
        }
        let (x, y) = project(46.0, 40.0);
        let (sx, sy) = view.to_screen(x, y);
        if sx > 0.0 && sx < view.width && sy > 0.0 && sy < view.height {
            assert_eq!(canvas_pixel(c, 1, sx, sy).await[3], 0, "nothing is drawn far from the cities");
        }
        (view, seen)
    };
    let (before, seen) = check_cities().await;
    assert_eq!(seen, cities.len(), "the fitted view shows every city");
    assert_eq!(canvas_attribute(c, 1, "data-points").await.as_deref(), Some("5"));

    // Zoom in with Leaflet's + button: the points are redrawn at the new zoom, still on their
    // cities.
    let map = c.find_all(Locator::Css(".wl-element.wl-map")).await.unwrap().remove(1);
    c.execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&map).unwrap()])
        .await
        .unwrap();
    let plus = map.find(Locator::Css(".leaflet-control-zoom-in")).await.unwrap();
    plus.click().await.unwrap();
    let zoomed = (before.zoom + 1.0).to_string();
    wait_until(TIMEOUT, "the map zooms in", || async {
        canvas_attribute(c, 1, "data-zoom").await.as_deref() == Some(zoomed.as_str())
    })
    .await;
    let (after, seen) = check_cities().await;
    assert_eq!(after.zoom, before.zoom + 1.0);
    assert!(seen >= 1, "no city left on the zoomed view {after:?}");

    // The bad frame is an error in place; the rest of the page runs on.
    wait_for_text(c, ".wl-exception", "at row 1 is 95: latitudes are between -90 and 90", TIMEOUT).await;
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// Charts in the gallery (src/web/elements/charts.rs): Vega loads on first use, draws the marks
// of each kind, shows tooltips, grows with add_rows in place, and draws a million points.
// ---------------------------------------------------------------------------------------------

/// A script run on the `nth` element matching `css` (its `.wl-chart`, as `el`, and Vega's view,
/// as `view`, once drawn); `body` returns a value, or `null` when the chart is not drawn yet.
async fn on_chart(client: &Client, css: &str, nth: usize, body: &str) -> serde_json::Value {
    let script = format!(
        "const box = document.querySelectorAll(arguments[0])[arguments[1]];\n\
         const el = box && box.querySelector('.wl-chart');\n\
         const view = el && el.__wlView;\n\
         if (!view) return null;\n{body}"
    );
    client.execute(&script, vec![css.into(), nth.into()]).await.unwrap_or_else(|e| {
        println!("a chart script failed: {e}");
        serde_json::Value::Null
    })
}

/// How many data marks of Vega's mark type `mark` (`line`, `area`, `rect`, `symbol`) the first
/// chart matching `css` draws in its SVG (legend symbols are not data marks).
async fn chart_marks(client: &Client, css: &str, mark: &str) -> usize {
    nth_chart_marks(client, css, 0, mark).await
}

async fn nth_chart_marks(client: &Client, css: &str, nth: usize, mark: &str) -> usize {
    let body = format!("return el.querySelectorAll('g.mark-{mark}.role-mark path').length;");
    on_chart(client, css, nth, &body).await.as_u64().unwrap_or(0) as usize
}

/// The vendor files the page has requested so far.
async fn vendor_requests(client: &Client) -> Vec<String> {
    let script =
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('wasmlit-vendor'));";
    let value = client.execute(script, vec![]).await.unwrap();
    serde_json::from_value(value).unwrap_or_default()
}

/// The gallery shows errors on purpose (its last section); no chart may be one of them.
async fn assert_no_chart_errors(client: &Client) {
    let errors = client.find_all(Locator::Css(".wl-chart-error")).await.unwrap_or_default();
    assert!(errors.is_empty(), "charts show errors: {:?}", texts(&errors).await);
}

async fn click_toggle(client: &Client, label: &str) {
    let toggle = widget(client, "toggle", label).await;
    let input = toggle.find(Locator::Css("input")).await.unwrap();
    client.execute("arguments[0].click()", vec![serde_json::to_value(&input).unwrap()]).await.unwrap();
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn charts_load_vega_only_when_drawn_and_draw_the_marks_of_each_kind() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before: Vec<String> = vendor_requests(c).await.into_iter().filter(|r| r.contains("vega")).collect();
    assert_eq!(before, Vec::<String>::new(), "a page without charts loads no chart library");

    click_toggle(c, "Draw the charts").await;
    let started = Instant::now();
    wait_until(TIMEOUT, "three lines", || async { chart_marks(c, ".wl-line_chart", "line").await == 3 }).await;
    println!("charts: first chart drawn {:?} after the click (Vega loaded)", started.elapsed());
    let requested = vendor_requests(c).await;
    assert!(requested.iter().any(|r| r.ends_with("vega-embed.min.js")), "{requested:?}");
    assert!(!requested.iter().any(|r| r.contains("leaflet")), "no map, no Leaflet: {requested:?}");
    wait_until(TIMEOUT, "two areas", || async { chart_marks(c, ".wl-area_chart", "area").await == 2 }).await;
    // Six days and three regions: 18 bars, stacked and horizontal.
    for nth in 0..2 {
        wait_until(TIMEOUT, "18 bars", || async { nth_chart_marks(c, ".wl-bar_chart", nth, "rect").await == 18 }).await;
    }
    wait_until(TIMEOUT, "40 points", || async { chart_marks(c, ".wl-scatter_chart", "symbol").await == 40 }).await;
    wait_until(TIMEOUT, "40 points in the Vega-Lite chart", || async {
        chart_marks(c, ".wl-vega_lite_chart", "symbol").await == 40
    })
    .await;
    // The theme's palette: the first series is Streamlit's blue.
    let stroke = on_chart(
        c,
        ".wl-line_chart",
        0,
        "return el.querySelector('g.mark-line.role-mark path').getAttribute('stroke');",
    )
    .await;
    assert_eq!(stroke, "#0068c9");

    // A tooltip on hover, from vega-embed's tooltip handler.
    let bar = c.find(Locator::Css(".wl-bar_chart g.mark-rect.role-mark path")).await.unwrap();
    c.execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&bar).unwrap()])
        .await
        .unwrap();
    use fantoccini::actions::InputSource as _;
    let hover = fantoccini::actions::MouseActions::new("mouse".into())
        .then(fantoccini::actions::PointerAction::MoveToElement { element: bar, duration: None, x: 0.0, y: 0.0 });
    c.perform_actions(hover).await.unwrap();
    wait_for_text(c, "#vg-tooltip-element", "sales", TIMEOUT).await;
    assert_no_chart_errors(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_clicked_bar_returns_its_point_to_the_script_as_streamlit_does() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    // The charts section's toggle is bound to `?charts=true`: the page opens with it drawn.
    c.goto(&format!("{}?charts=true", app.url)).await.unwrap();
    wait_for_text(c, ".wl-markdown", "Click a bar to pick a species.", TIMEOUT).await;
    // The second Vega-Lite chart: three bars, one per species.
    wait_until(TIMEOUT, "three bars", || async { nth_chart_marks(c, ".wl-vega_lite_chart", 1, "rect").await == 3 })
        .await;
    // Every chart of the section drawn, so none moves the bar while it is clicked.
    wait_until(TIMEOUT, "every chart drawn", || async {
        let script = "return [...document.querySelectorAll('.wl-chart')].every(el => el.__wlView);";
        c.execute(script, vec![]).await.is_ok_and(|drawn| drawn == true)
    })
    .await;
    // Its own bars, found by their datum: the first chart's brush is a rect mark too, and the
    // bars come in the data's order, not the axis's.
    let boxes = c.find_all(Locator::Css(".wl-vega_lite_chart")).await.unwrap();
    let chart = boxes.into_iter().nth(1).expect("the second Vega-Lite chart");
    let mut bar = None;
    for path in chart.find_all(Locator::Css("g.mark-rect.role-mark path")).await.unwrap() {
        let species = c
            .execute("return arguments[0].__data__.datum.species;", vec![serde_json::to_value(&path).unwrap()])
            .await
            .unwrap();
        if species == "versicolor" {
            bar = Some(path);
        }
    }
    let bar = bar.expect("a versicolor bar");
    c.execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&bar).unwrap()])
        .await
        .unwrap();
    use fantoccini::actions::InputSource as _;
    let click = fantoccini::actions::MouseActions::new("mouse".into())
        .then(fantoccini::actions::PointerAction::MoveToElement { element: bar, duration: None, x: 0.0, y: 0.0 })
        .then(fantoccini::actions::PointerAction::Down { button: 0 })
        .then(fantoccini::actions::PointerAction::Up { button: 0 });
    c.perform_actions(click).await.unwrap();
    // Streamlit's shape for a point selection: the list of picked points, by the params' fields.
    wait_for_text(c, ".wl-markdown", r#"Picked: [{"species":"versicolor"}]"#, TIMEOUT).await;
    assert_no_chart_errors(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn add_rows_grows_a_drawn_chart_without_drawing_it_again() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    click_toggle(c, "Draw the charts").await;
    // The add_rows chart is the second line chart.
    let rows = || async { on_chart(c, ".wl-line_chart", 1, "return view.data('data').length;").await.as_u64() };
    wait_until(TIMEOUT, "20 rows", || async { rows().await == Some(20) }).await;
    let embeds = "return el.__wlEmbeds;";
    assert_eq!(on_chart(c, ".wl-line_chart", 1, embeds).await, 1);
    on_chart(c, ".wl-line_chart", 1, "el.__wlMarker = 'kept'; return true;").await;
    button(c, "Add 5 rows").await.click().await.unwrap();
    wait_until(TIMEOUT, "25 rows", || async { rows().await == Some(25) }).await;
    button(c, "Add 5 rows").await.click().await.unwrap();
    wait_until(TIMEOUT, "30 rows", || async { rows().await == Some(30) }).await;
    assert_eq!(on_chart(c, ".wl-line_chart", 1, embeds).await, 1, "the Vega view is the same one");
    assert_eq!(on_chart(c, ".wl-line_chart", 1, "return el.__wlMarker;").await, "kept");
    assert_no_chart_errors(c).await;
    app.close().await;
}

/// Draws the gallery's charts, then its million points (the third line chart); returns how
/// long after the click its reduced rows were in Vega.
async fn draw_a_million_points(c: &Client) -> Duration {
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    click_toggle(c, "Draw the charts").await;
    wait_until(TIMEOUT, "the first chart", || async { chart_marks(c, ".wl-line_chart", "line").await == 3 }).await;
    let started = Instant::now();
    click_toggle(c, "Draw a million points").await;
    let sent = || async { on_chart(c, ".wl-line_chart", 2, "return view.data('data').length;").await.as_u64() };
    wait_until(Duration::from_secs(30), "the reduced rows", || async { sent().await.is_some_and(|n| n > 0) }).await;
    started.elapsed()
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_million_point_line_chart_draws_reduced_and_zooms_from_the_full_data() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    let took = draw_a_million_points(c).await;
    println!("a million points: drawn {took:?} after the click");
    // Its rows are the reduction of 1,000,000, ending at the last row.
    let sent = || async { on_chart(c, ".wl-line_chart", 2, "return view.data('data').length;").await.as_u64() };
    let full = sent().await.unwrap_or(0);
    assert!(full < 20_000, "{full} rows reached Vega");
    let last =
        on_chart(c, ".wl-line_chart", 2, "return Math.max(...view.data('data').map(d => d['index--wl']));").await;
    assert_eq!(last, 999_999);
    // Zoom in with the wheel over the plot; the visible range is re-reduced from the full data.
    // Vega's canvas handler sends a wheel to the item the pointer last moved over: move first.
    let zoom = "el.scrollIntoView({block: 'center'});\n\
                const target = el.querySelector('canvas, svg');\n\
                const rect = target.getBoundingClientRect();\n\
                const at = {clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true};\n\
                target.dispatchEvent(new PointerEvent('pointermove', at));\n\
                target.dispatchEvent(new MouseEvent('mousemove', at));\n\
                const t0 = performance.now();\n\
                for (let i = 0; i < 8; i++) {\n\
                  target.dispatchEvent(new WheelEvent('wheel', {...at, deltaY: -400, cancelable: true}));\n\
                }\n\
                return performance.now() - t0;";
    let took = on_chart(c, ".wl-line_chart", 2, zoom).await;
    println!("a million points: 8 wheel zooms handled in {took} ms");
    let narrow = || async {
        on_chart(c, ".wl-line_chart", 2, "const d = view.scale('x').domain(); return d[1] - d[0];").await.as_f64()
    };
    wait_until(TIMEOUT, "a narrower x domain", || async { narrow().await.is_some_and(|w| w < 900_000.0) }).await;
    let width = narrow().await.unwrap_or(0.0);
    // The rows sent now lie in the zoomed range (give or take the one beyond each edge) and
    // are denser than before.
    let check = "const [lo, hi] = view.scale('x').domain();\n\
                 const xs = view.data('data').map(d => d['index--wl']);\n\
                 const inside = xs.filter(x => x >= lo && x <= hi).length;\n\
                 return [xs.length, inside, Math.min(...xs), Math.max(...xs), lo, hi];";
    wait_until(TIMEOUT, "rows re-reduced for the zoomed range", || async {
        let v = on_chart(c, ".wl-line_chart", 2, check).await;
        let n = |i: usize| v[i].as_f64().unwrap_or(f64::NAN);
        n(0) > 0.0 && n(0) - n(1) <= 2.0 && n(2) >= n(4) - width && n(3) <= n(5) + width
    })
    .await;
    let v = on_chart(c, ".wl-line_chart", 2, check).await;
    println!("a million points: zoomed to {width:.0} rows wide, {} rows sent", v[0]);
    assert_no_chart_errors(c).await;
    app.close().await;
}

/// Wheel steps at the centre of the million-point chart's plot, dispatched in one go: Vega's
/// x domain before and right after them, the overlay's state after them (the first step is
/// drawn at once), and where the pointer is in the plot (`px` of `width`; an event's
/// `clientX` is a whole number).
const GESTURE: &str = "el.scrollIntoView({block: 'center'});\n\
    const target = el.querySelector('canvas.marks');\n\
    const rect = target.getBoundingClientRect();\n\
    const at = {clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true};\n\
    const vega = () => view.scale('x').domain().map(Number);\n\
    const before = vega();\n\
    let prevented = 0, clientX = at.clientX;\n\
    for (let i = 0; i < STEPS; i++) {\n\
      const wheel = new WheelEvent('wheel', {...at, deltaY: -200});\n\
      target.dispatchEvent(wheel);\n\
      if (wheel.defaultPrevented) prevented++;\n\
      clientX = wheel.clientX;\n\
    }\n\
    const overlay = el.querySelector('canvas.wl-zoom-overlay');\n\
    let coloured = 0;\n\
    if (overlay) {\n\
      const px = overlay.getContext('2d').getImageData(0, 0, overlay.width, overlay.height).data;\n\
      for (let i = 0; i < px.length; i += 4) {\n\
        if (px[i + 3] > 0 && Math.max(px[i], px[i + 1], px[i + 2]) - Math.min(px[i], px[i + 1], px[i + 2]) > 60) coloured++;\n\
      }\n\
    }\n\
    return {before, during: vega(), prevented, coloured,\n\
      shown: overlay ? overlay.style.display : 'none', clip: target.style.clipPath,\n\
      drawn: overlay ? JSON.parse(overlay.dataset.domain) : null, y: overlay ? JSON.parse(overlay.dataset.yDomain) : null,\n\
      px: clientX - rect.left - view.origin()[0], width: view.width()};";

/// Vega-Lite's zoom of a scale-bound interval by one wheel step of `delta_y` at `px` of `width`.
fn wheel_zoom((lo, hi): (f64, f64), px: f64, width: f64, delta_y: f64) -> (f64, f64) {
    let factor = 1.001_f64.powf(delta_y);
    let anchor = lo + px / width * (hi - lo);
    (anchor + (lo - anchor) * factor, anchor + (hi - anchor) * factor)
}

fn pair(v: &serde_json::Value) -> (f64, f64) {
    (v[0].as_f64().unwrap_or(f64::NAN), v[1].as_f64().unwrap_or(f64::NAN))
}

fn close((a, b): (f64, f64), (c, d): (f64, f64)) -> bool {
    let tolerance = 1e-9 * (b - a).abs().max(1.0);
    (a - c).abs() <= tolerance && (b - d).abs() <= tolerance
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_wheel_gesture_on_the_million_point_chart_is_drawn_by_the_page_then_by_vega_at_rest() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    draw_a_million_points(c).await;
    let vega_x =
        || async { pair(&on_chart(c, ".wl-line_chart", 2, "return view.scale('x').domain().map(Number);").await) };
    let vega_y =
        || async { pair(&on_chart(c, ".wl-line_chart", 2, "return view.scale('y').domain().map(Number);").await) };
    let overlay_gone = || async {
        let script = "const o = el.querySelector('canvas.wl-zoom-overlay');\n\
                      return (!o || o.style.display === 'none') && !el.querySelector('canvas.marks').style.clipPath;";
        on_chart(c, ".wl-line_chart", 2, script).await == true
    };

    // Six steps of a gesture: the page takes them (Vega's domain stays), draws the first at
    // once on its own canvas (the series' colour on it), and Vega's canvas is clipped there.
    let g = on_chart(c, ".wl-line_chart", 2, &GESTURE.replace("STEPS", "6")).await;
    println!("a wheel gesture: {g}");
    let (before, px, width) = (pair(&g["before"]), g["px"].as_f64().unwrap(), g["width"].as_f64().unwrap());
    assert_eq!(g["prevented"], 6, "the page took every wheel step");
    assert_eq!(pair(&g["during"]), before, "Vega did not run during the gesture");
    assert_eq!(g["shown"], "block");
    assert!(g["clip"].as_str().is_some_and(|clip| clip.starts_with("path(")), "Vega's plot is clipped: {g}");
    assert!(close(pair(&g["drawn"]), wheel_zoom(before, px, width, -200.0)), "the overlay drew the first step: {g}");
    assert!(g["coloured"].as_u64().unwrap_or(0) > 100, "the overlay shows a line: {g}");
    // At rest Vega has the gesture's interval (six steps), and the overlay is gone.
    let mut expected = before;
    for _ in 0..6 {
        expected = wheel_zoom(expected, px, width, -200.0);
    }
    wait_until(TIMEOUT, "Vega takes the interval at rest", || async { close(vega_x().await, expected) }).await;
    wait_until(TIMEOUT, "the overlay goes", overlay_gone).await;

    // One step: Vega's x and y domains at rest are those the overlay drew with, so the line
    // does not move when Vega takes over.
    let g = on_chart(c, ".wl-line_chart", 2, &GESTURE.replace("STEPS", "1")).await;
    // (The plot may be narrower now: the first hand-over's y labels took more room.)
    let (drawn, px, width) = (pair(&g["drawn"]), g["px"].as_f64().unwrap(), g["width"].as_f64().unwrap());
    assert!(close(drawn, wheel_zoom(pair(&g["before"]), px, width, -200.0)), "{g}");
    wait_until(TIMEOUT, "Vega takes the step at rest", || async { close(vega_x().await, drawn) }).await;
    assert_eq!(vega_y().await, pair(&g["y"]), "the overlay's y scale is Vega's");
    wait_until(TIMEOUT, "the overlay goes", overlay_gone).await;
    // The rows Vega got are the zoomed interval's.
    let check = "const [lo, hi] = view.scale('x').domain();\n\
                 const xs = view.data('data').map(d => d['index--wl']);\n\
                 return xs.filter(x => x < lo || x > hi).length;";
    assert!(on_chart(c, ".wl-line_chart", 2, check).await.as_u64().is_some_and(|outside| outside <= 2));
    assert_no_chart_errors(c).await;
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// An app made by `cargo xtask new` in a folder outside the workspace, built as its README says.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn an_app_made_by_cargo_xtask_new_runs_under_its_repository_path() {
    let app = App::open("new_app", "/my-app/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-title", "My app", TIMEOUT).await;
    wait_for_text(c, ".wl-markdown", "0 squared is 0", TIMEOUT).await;
    let slider = widget(c, "slider", "x").await;
    let range = slider.find(Locator::Css("input[type='range']")).await.unwrap();
    range.send_keys(&ARROW_RIGHT.repeat(3)).await.unwrap();
    wait_for_text(c, ".wl-markdown", "3 squared is 9", TIMEOUT).await;
    button(c, "Add one").await.click().await.unwrap();
    wait_for_text(c, ".wl-markdown", "The button was pressed 1 times.", TIMEOUT).await;
    // The frame of squares follows the slider: rows 0 to 3.
    wait_for_text(c, ".wl-dataframe", "9", TIMEOUT).await;
    assert_no_exceptions(c).await;
    assert_eq!(c.title().await.unwrap(), "My app");
    // Its pre-build hook installed the chart and map libraries from npm into the dist.
    let dist = PathBuf::from(std::env::var_os("WASMLIT_E2E_DIST").unwrap()).join("new_app");
    for file in ["wasmlit-vendor/vega.min.js", "wasmlit-vendor/leaflet.js", "wasmlit-vendor/LICENSE-vega.txt"] {
        assert!(dist.join(file).is_file(), "the new app's dist has no {file}");
    }
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// Long sessions: thousands of reruns of the gallery, its memory, DOM and listeners sampled.
// ---------------------------------------------------------------------------------------------

/// A Chrome DevTools Protocol command, sent through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(serde_json::json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

async fn cdp(client: &Client, cmd: &'static str) -> serde_json::Value {
    client.issue_cmd(Cdp { cmd, params: serde_json::json!({}) }).await.unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

/// One sample of a long session, after `runs` full runs and a garbage collection.
#[derive(Debug)]
struct Sample {
    runs: u64,
    /// The wasm module's linear memory (it only grows: a leak in Rust shows here).
    wasm_bytes: f64,
    /// The JavaScript heap in use.
    js_heap: f64,
    /// DOM nodes alive (attached or not) and JS event listeners, from `Memory.getDOMCounters`.
    nodes: f64,
    listeners: f64,
    /// Elements in the document.
    elements: f64,
}

/// The least of three readings 100 ms apart, each after a garbage collection: what a leak
/// keeps, without what a render or a timer holds for a moment.
async fn sample(client: &Client) -> Sample {
    let mut least = reading(client).await;
    for _ in 0..2 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let next = reading(client).await;
        least = Sample {
            runs: least.runs.max(next.runs),
            wasm_bytes: least.wasm_bytes.min(next.wasm_bytes),
            js_heap: least.js_heap.min(next.js_heap),
            nodes: least.nodes.min(next.nodes),
            listeners: least.listeners.min(next.listeners),
            elements: least.elements.min(next.elements),
        };
    }
    least
}

async fn reading(client: &Client) -> Sample {
    cdp(client, "HeapProfiler.collectGarbage").await;
    let counters = cdp(client, "Memory.getDOMCounters").await;
    let heap = cdp(client, "Runtime.getHeapUsage").await;
    let page = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const script = [...document.querySelectorAll('script[type=module]')] \
               .map(s => (s.textContent.match(/from '([^']+)'/) || [])[1]).find(Boolean); \
             const bindings = window.wasmBindings ? Promise.resolve(window.wasmBindings) : import(script); \
             bindings.then(b => b.default()).then(wasm => done({ \
               wasm: wasm.memory.buffer.byteLength, \
               elements: document.getElementsByTagName('*').length, \
               runs: Number((document.body.innerText.match(/The whole script has run (\\d+) times/) || [])[1]) }))",
            vec![],
        )
        .await
        .unwrap();
    let number =
        |value: &serde_json::Value, name: &str| value[name].as_f64().unwrap_or_else(|| panic!("no {name} in {value}"));
    Sample {
        runs: number(&page, "runs") as u64,
        wasm_bytes: number(&page, "wasm"),
        js_heap: number(&heap, "usedSize"),
        nodes: number(&counters, "nodes"),
        listeners: number(&counters, "jsEventListeners"),
        elements: number(&page, "elements"),
    }
}

/// Clicks the gallery's "Click me" button `n` times, each time waiting for the full run it
/// starts to finish (its run counter moved, no "Running..." status), all inside the page.
async fn click_and_rerun(client: &Client, n: u64) {
    let failed = client
        .execute_async(
            "const [n, done] = arguments; \
             const counter = () => [...document.querySelectorAll('#wasmlit-app .wl-markdown')] \
               .find(e => e.innerText.startsWith('The whole script has run')); \
             const button = () => [...document.querySelectorAll('#wasmlit-app .wl-button button')] \
               .find(b => b.innerText.trim() === 'Click me'); \
             let left = n; \
             const next = () => { try { \
               if (left === 0) return done(null); \
               if (!counter() || !button()) return setTimeout(next, 10); \
               left -= 1; \
               const before = counter().innerText; \
               const finished = () => counter() && counter().innerText !== before && !document.querySelector('.wl-status'); \
               const observer = new MutationObserver(() => { \
                 if (finished()) { observer.disconnect(); setTimeout(next, 0); } }); \
               observer.observe(document.getElementById('wasmlit-app'), { subtree: true, childList: true, characterData: true }); \
               button().click(); } catch (error) { done(String(error)); } }; \
             next();",
            vec![serde_json::json!(n)],
        )
        .await
        .unwrap_or_else(|e| panic!("clicking and rerunning: {e}"));
    assert!(failed.is_null(), "clicking and rerunning: {failed}");
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn ten_thousand_reruns_of_the_gallery_leak_no_memory_nodes_or_listeners() {
    // `WASMLIT_LONG_SESSION_RUNS` runs a shorter (or longer) session.
    let runs: u64 = std::env::var("WASMLIT_LONG_SESSION_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let every = (runs / 10).max(1);
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    c.update_timeouts(fantoccini::wd::TimeoutConfiguration::new(Some(Duration::from_secs(3600)), None, None))
        .await
        .unwrap();
    let started = Instant::now();
    println!("| full runs | wasm memory (MB) | JS heap (MB) | DOM nodes | elements | JS listeners |");
    println!("|---:|---:|---:|---:|---:|---:|");
    let print = |s: &Sample| {
        println!(
            "| {} | {:.2} | {:.2} | {} | {} | {} |",
            s.runs,
            s.wasm_bytes / 1048576.0,
            s.js_heap / 1048576.0,
            s.nodes,
            s.elements,
            s.listeners
        );
    };
    let mut samples = vec![sample(c).await];
    print(&samples[0]);
    while samples.last().unwrap().runs < samples[0].runs + runs {
        click_and_rerun(c, every).await;
        samples.push(sample(c).await);
        print(samples.last().unwrap());
    }
    let elapsed = started.elapsed();
    assert_no_exceptions_but_the_gallerys(c).await;
    let reruns = samples.last().unwrap().runs - samples[0].runs;
    println!(
        "{reruns} reruns in {:.1} s ({:.1} ms each)",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / reruns as f64
    );

    // After the warm-up (the first tenth), nothing grows by more than 5%.
    let warm = &samples[1];
    for s in &samples[2..] {
        let within = |now: f64, then: f64, what: &str| {
            assert!(now <= then * 1.05, "{what} grew from {then} to {now} between {} and {} runs", warm.runs, s.runs);
        };
        within(s.wasm_bytes, warm.wasm_bytes, "the wasm memory");
        within(s.js_heap, warm.js_heap, "the JS heap");
        within(s.nodes, warm.nodes, "the DOM node count");
        within(s.listeners, warm.listeners, "the listener count");
        assert!(s.nodes >= warm.nodes * 0.95, "the DOM shrank from {} to {} nodes", warm.nodes, s.nodes);
    }
    app.close().await;
}

/// N of "This browser has run the gallery N times", the gallery's persisted run counter, if
/// the page shows it.
async fn persisted_runs(client: &Client) -> Option<u64> {
    let all = markdown_texts(client).await;
    let line = all.iter().find(|t| t.starts_with("This browser has run the gallery"))?;
    line.split_whitespace().nth(6).and_then(|n| n.parse().ok())
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn two_tabs_of_the_gallery_count_every_run_and_a_reset_in_one_is_not_undone_by_the_other() {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let first = c.window().await.unwrap();
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second.clone()).await.unwrap();
    c.goto(&app.url).await.unwrap();
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let counted = persisted_runs(c).await.expect("the persisted counter");

    // The first tab takes the second's count before its next run adds one: no run is lost
    // (last writer wins would write its own older count plus one).
    let click = |times: u32| async move {
        for _ in 0..times {
            let runs = full_runs(c).await;
            button(c, "Click me").await.click().await.unwrap();
            wait_until(TIMEOUT, "the click's run", || async { full_runs(c).await > runs }).await;
        }
    };
    c.switch_to_window(first.clone()).await.unwrap();
    click(3).await;
    assert_eq!(persisted_runs(c).await, Some(counted + 3), "every tab's runs are counted");
    c.switch_to_window(second.clone()).await.unwrap();
    click(1).await;
    assert_eq!(persisted_runs(c).await, Some(counted + 4), "in both directions");

    // "Reset session" in the second tab (it reloads) makes the first drop its count and
    // rerun, so the old count is not written back.
    c.find(Locator::Css("button[aria-label='Main menu']")).await.unwrap().click().await.unwrap();
    c.find(Locator::XPath("//div[@role='menu']/button[text()='Reset session']")).await.unwrap().click().await.unwrap();
    wait_until(TIMEOUT, "the reset tab counts from the start", || async {
        persisted_runs(c).await.is_some_and(|n| n <= 3)
    })
    .await;
    c.switch_to_window(first).await.unwrap();
    wait_until(TIMEOUT, "the first tab starts again", || async { persisted_runs(c).await.is_some_and(|n| n <= 3) })
        .await;
    c.switch_to_window(second).await.unwrap();
    c.refresh().await.unwrap();
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let after = persisted_runs(c).await.expect("the persisted counter");
    assert!(after <= 4, "no tab wrote the old count ({}) back: {after}", counted + 4);
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// Embedding (examples/embed): two apps mounted from JavaScript into one ordinary page.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn two_embedded_apps_keep_their_own_state_and_leave_the_page_alone() {
    let app = App::open("embed", "/embed/").await;
    let c = &app.client;
    wait_for_text(c, "#left .wl-markdown", "Count: 0", TIMEOUT).await;
    wait_for_text(c, "#right .wl-markdown", "Nothing said yet.", TIMEOUT).await;
    let url = c.current_url().await.unwrap();
    // App 1: clicks count in its own session.
    let add = "//div[@id='left']//div[contains(@class, 'wl-button')]//button[normalize-space(.)='Add one']";
    c.find(Locator::XPath(add)).await.unwrap().click().await.unwrap();
    wait_for_text(c, "#left .wl-markdown", "Count: 1", TIMEOUT).await;
    c.find(Locator::XPath(add)).await.unwrap().click().await.unwrap();
    wait_for_text(c, "#left .wl-markdown", "Count: 2", TIMEOUT).await;
    // App 2: typing reruns only it.
    let input = c.find(Locator::Css("#right .wl-text_input input[type='text']")).await.unwrap();
    input.send_keys(&format!("hello{ENTER}")).await.unwrap();
    wait_for_text(c, "#right .wl-markdown", "You said: hello", TIMEOUT).await;
    assert_eq!(text_of(c, "#left .wl-markdown").await, "Count: 2", "app 1 kept its count");
    let right = texts(&c.find_all(Locator::Css("#right .wl-markdown")).await.unwrap()).await;
    assert!(right.iter().all(|t| !t.contains("Count")), "app 2 shows only its own: {right:?}");
    // Each app is marked with its id; the host page keeps its title, address and text.
    assert_eq!(c.find_all(Locator::Css("[data-wasmlit-app='left'] .wl-app.wl-embedded")).await.unwrap().len(), 1);
    assert_eq!(c.find_all(Locator::Css("[data-wasmlit-app='right'] .wl-app.wl-embedded")).await.unwrap().len(), 1);
    assert_eq!(c.title().await.unwrap(), "A page with two wasmlit apps");
    assert_eq!(c.current_url().await.unwrap(), url, "the address bar is the host page's");
    wait_for_text(c, "#host-footer", "stay the page's", TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_panic_in_an_embedded_app_stops_only_that_app() {
    let app = App::open("embed", "/embed/").await;
    let c = &app.client;
    wait_for_text(c, "#left .wl-markdown", "Count: 0", TIMEOUT).await;
    // A third app of the same module (the page's module, imported again, is the same instance).
    c.execute(
        "const box = document.createElement('div'); box.id = 'third'; document.body.append(box);\
         import('./pkg/embed.js').then(m => m.mount(box, { app: 'crash', id: 'third' }));",
        vec![],
    )
    .await
    .unwrap();
    let crash = "//div[@id='third']//div[contains(@class, 'wl-button')]//button[normalize-space(.)='Crash']";
    wait_until(TIMEOUT, "the crash app shows its button", || async { c.find(Locator::XPath(crash)).await.is_ok() })
        .await;
    c.find(Locator::XPath(crash)).await.unwrap().click().await.unwrap();
    wait_for_text(c, "#third .wl-crash", "a deliberate panic from the embedded crash app", TIMEOUT).await;
    assert_eq!(c.find_all(Locator::Css("#third .wl-app[inert]")).await.unwrap().len(), 1, "the crashed app is inert");
    assert!(c.find_all(Locator::Css("#wasmlit-crash")).await.unwrap().is_empty(), "no page-wide panel");
    assert!(c.find_all(Locator::Css("#left .wl-app[inert], #right .wl-app[inert]")).await.unwrap().is_empty());
    // The other apps still run.
    let add = "//div[@id='left']//div[contains(@class, 'wl-button')]//button[normalize-space(.)='Add one']";
    c.find(Locator::XPath(add)).await.unwrap().click().await.unwrap();
    wait_for_text(c, "#left .wl-markdown", "Count: 1", TIMEOUT).await;
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// `cargo xtask export`: the hello app as one file, opened from file:// with no server.
// ---------------------------------------------------------------------------------------------

/// Opens `$WASMLIT_E2E_DIST/export/<name>.html` from `file://`, copied alone into a folder:
/// nothing beside it to load.
async fn open_exported(name: &str) -> (Client, ChromeDriver, PathBuf) {
    let dist = std::env::var_os("WASMLIT_E2E_DIST")
        .map(PathBuf::from)
        .expect("WASMLIT_E2E_DIST is not set: build the apps first: cargo xtask test e2e");
    let file = dist.join("export").join(format!("{name}.html"));
    assert!(file.is_file(), "no {} (cargo xtask test e2e exports it)", file.display());
    let alone = std::env::temp_dir().join(format!("wasmlit-e2e-export-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&alone).unwrap();
    std::fs::copy(&file, alone.join("app.html")).unwrap();
    let driver = start_chromedriver();
    let client = connect(&driver).await;
    client.goto(&format!("file://{}", alone.join("app.html").display())).await.unwrap();
    (client, driver, alone)
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn an_exported_app_runs_from_a_file_url() {
    let (c, _driver, folder) = open_exported("hello").await;
    wait_for_text(&c, ".wl-title", "Hello", TIMEOUT).await;
    wait_for_text(&c, ".wl-markdown", "0 squared is 0", TIMEOUT).await;
    let slider = widget(&c, "slider", "x").await;
    let range = slider.find(Locator::Css("input[type='range']")).await.unwrap();
    range.send_keys(&ARROW_RIGHT.repeat(2)).await.unwrap();
    wait_for_text(&c, ".wl-markdown", "2 squared is 4", TIMEOUT).await;
    assert_no_exceptions(&c).await;
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&folder);
}

/// The fragment of the address bar (`#/page`), or `""`.
async fn fragment(client: &Client) -> String {
    client.current_url().await.ok().and_then(|url| url.fragment().map(|f| format!("#{f}"))).unwrap_or_default()
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn an_exported_multipage_app_keeps_its_pages_in_the_fragment_with_back_and_forward() {
    let (client, _driver, folder) = open_exported("multipage").await;
    let c = &client;
    wait_for_text(c, ".wl-title", "Welcome to wasmlit!", TIMEOUT).await;
    let file_path = c.current_url().await.unwrap().path().to_string();
    click_page_link(c, "DataFrame demo").await;
    wait_for_text(c, ".wl-title", "DataFrame demo", TIMEOUT).await;
    wait_until(TIMEOUT, "the fragment #/dataframe_demo", || async { fragment(c).await == "#/dataframe_demo" }).await;
    // The file's path never changes: a reload opens the same file, on the same page.
    assert_eq!(c.current_url().await.unwrap().path(), file_path);
    c.back().await.unwrap();
    wait_for_text(c, ".wl-title", "Welcome to wasmlit!", TIMEOUT).await;
    c.forward().await.unwrap();
    wait_for_text(c, ".wl-title", "DataFrame demo", TIMEOUT).await;
    c.refresh().await.unwrap();
    wait_for_text(c, ".wl-title", "DataFrame demo", TIMEOUT).await;
    assert_no_exceptions(c).await;
    let _ = client.close().await;
    let _ = std::fs::remove_dir_all(&folder);
}

// ---------------------------------------------------------------------------------------------
// Accessibility: axe-core (vendor/package.json, from npm) on the built gallery, light and dark.
// ---------------------------------------------------------------------------------------------

/// axe-core's browser build, which `cargo xtask setup` installs (`npm ci` in `vendor/`).
fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("vendor/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e} (install it: cargo xtask setup)", path.display()))
}

/// One rule axe-core found broken on a page: its id, impact, how many nodes, a few of them.
#[derive(Debug, serde::Deserialize)]
struct AxeViolation {
    id: String,
    impact: String,
    nodes: usize,
    targets: Vec<String>,
}

/// Injects axe-core (once per page load) and runs it on the whole document.
async fn axe_run(client: &Client, axe: &str) -> Vec<AxeViolation> {
    // WebDriver's scripts are not subject to the page's Content-Security-Policy.
    client.execute(&format!("if (!window.axe) {{ {axe} }}"), vec![]).await.unwrap();
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then(r => done(r.violations.map(v => ({
                 id: v.id,
                 impact: v.impact || 'none',
                 nodes: v.nodes.length,
                 targets: v.nodes.slice(0, 2).map(n => n.target.join(' ')),
               }))))
               .catch(e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(found.clone()).unwrap_or_else(|_| panic!("axe.run failed: {found}"))
}

/// What the gallery looks like to axe-core: (state, violations) for the page as loaded, with
/// a dialog open, and with the crash panel after a panic.
async fn gallery_states(theme: &str, axe: &str) -> Vec<(&'static str, Vec<AxeViolation>)> {
    let app = App::open("gallery", "/wasmlit/").await;
    let c = &app.client;
    // With the charts and maps on (their toggles are bound to the query string).
    c.goto(&format!("{}?theme={theme}&charts=true&maps=true", app.url)).await.unwrap();
    wait_for_text(c, ".wl-caption", "The end.", TIMEOUT).await;
    let shown = c.execute("return document.querySelector('.wl-app').dataset.theme", vec![]).await.unwrap();
    assert_eq!(shown.as_str(), Some(theme), "the gallery wears the {theme} theme");
    wait_until(TIMEOUT, "the charts draw", || async { chart_marks(c, ".wl-line_chart", "line").await == 3 }).await;
    wait_until(TIMEOUT, "the maps draw", || async {
        js(c, "return document.querySelectorAll('.wl-map-points').length").await.as_u64() > Some(0)
    })
    .await;
    let mut states = vec![("page", axe_run(c, axe).await)];
    click_centered(c, &button(c, "Open a dialog").await).await;
    c.wait().at_most(TIMEOUT).for_element(Locator::Css("[role=dialog][aria-label='Rate the gallery']")).await.unwrap();
    states.push(("dialog open", axe_run(c, axe).await));
    c.find(Locator::Css("body")).await.unwrap().send_keys("\u{E00C}").await.unwrap();
    click_centered(c, &button(c, "Panic").await).await;
    wait_for_text(c, "#wasmlit-crash", "a deliberate panic from the gallery", TIMEOUT).await;
    states.push(("crash panel", axe_run(c, axe).await));
    app.close().await;
    states
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn axe_core_finds_no_serious_or_critical_violation_in_the_gallery_light_or_dark() {
    let axe = axe_source();
    let impacts = ["critical", "serious", "moderate", "minor"];
    let mut table =
        vec![format!("| page | theme | {} |", impacts.join(" | ")), "|---|---|---|---|---|---|".to_string()];
    let mut details = Vec::new();
    let mut failing = Vec::new();
    for theme in ["light", "dark"] {
        for (state, violations) in gallery_states(theme, &axe).await {
            let counts = impacts.map(|impact| {
                let of: Vec<_> = violations.iter().filter(|v| v.impact == impact).collect();
                format!("{} ({} nodes)", of.len(), of.iter().map(|v| v.nodes).sum::<usize>())
            });
            table.push(format!("| gallery: {state} | {theme} | {} |", counts.join(" | ")));
            for v in &violations {
                let line =
                    format!("{state}, {theme}: {} [{}] on {} nodes, e.g. {:?}", v.id, v.impact, v.nodes, v.targets);
                if v.impact == "serious" || v.impact == "critical" {
                    failing.push(line.clone());
                }
                details.push(line);
            }
        }
    }
    println!("axe-core violations by impact: rules (nodes)\n{}\n\n{}", table.join("\n"), details.join("\n"));
    assert!(failing.is_empty(), "serious or critical violations:\n{}", failing.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// The connections example (examples/connections): an HTTP API and ClickHouse over HTTP.
// ---------------------------------------------------------------------------------------------

/// Picks `option` in the selectbox labelled `label`: typing filters the options, and the click
/// on the one left commits it.
async fn select_option(client: &Client, label: &str, option: &str) {
    let selectbox = widget(client, "selectbox", label).await;
    let field = selectbox.find(Locator::Css("input[role=combobox]")).await.unwrap();
    field.click().await.unwrap();
    field.send_keys(option).await.unwrap();
    let xpath = format!(".//li[@role='option'][normalize-space(.)='{option}']");
    selectbox.find(Locator::XPath(&xpath)).await.unwrap().click().await.unwrap();
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn connections_http_page_reads_the_json_beside_the_app_and_filters_it() {
    let dist = std::env::var_os("WASMLIT_E2E_DIST").map(PathBuf::from).expect("WASMLIT_E2E_DIST is not set");
    let server = StaticServer::start(dist.join("connections"), "/").expect("cannot serve connections");
    let app = App::serve(server, "http_api").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "3 of 12 cities", TIMEOUT).await;
    wait_for_text(c, ".wl-dataframe", "Marseille", TIMEOUT).await;
    select_option(c, "Country", "Germany").await;
    wait_for_text(c, ".wl-dataframe", "Hamburg", TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn connections_clickhouse_page_queries_a_real_server_and_filters_by_borough() {
    let db = clickhouse::ClickHouse::start().unwrap_or_else(|e| panic!("{e}"));
    db.query(
        "CREATE TABLE trips (pickup DateTime, borough String, passengers UInt8, fare Float64, \
         tip Nullable(Float64)) ENGINE = MergeTree ORDER BY pickup",
    )
    .unwrap();
    db.query(
        "INSERT INTO trips VALUES ('2024-05-01 08:00:00', 'Manhattan', 1, 12.5, 2), \
         ('2024-05-01 08:05:00', 'Queens', 2, 52, NULL), ('2024-05-01 08:10:00', 'Brooklyn', 1, 18, 3.5), \
         ('2024-05-01 08:15:00', 'Queens', 3, 31.25, 5), ('2024-05-01 08:20:00', 'Bronx', 1, 9, NULL)",
    )
    .unwrap();
    let dist = std::env::var_os("WASMLIT_E2E_DIST").map(PathBuf::from).expect("WASMLIT_E2E_DIST is not set");
    let server = StaticServer::start(dist.join("connections"), "/").expect("cannot serve connections");
    let app = App::serve(server, &format!("clickhouse?server={}", db.url())).await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "5 trips", TIMEOUT).await;
    wait_for_text(c, ".wl-dataframe", "Brooklyn", TIMEOUT).await;
    select_option(c, "Borough", "Queens").await;
    wait_for_text(c, ".wl-caption", "2 trips", TIMEOUT).await;
    wait_for_text(c, ".wl-dataframe", "31.25", TIMEOUT).await;
    assert_no_exceptions(c).await;
    // The server goes away: a new query (another borough) shows an error saying how to start one.
    drop(db);
    select_option(c, "Borough", "Bronx").await;
    wait_for_text(c, ".wl-error", "Is ClickHouse up?", Duration::from_secs(30)).await;
    wait_for_text(c, ".wl-error", "warehouse", TIMEOUT).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn connections_http_page_times_out_on_a_slow_server_and_says_after_how_many_tries() {
    let dist = std::env::var_os("WASMLIT_E2E_DIST").map(PathBuf::from).expect("WASMLIT_E2E_DIST is not set");
    let slow = Fault::Slow { suffix: "cities.json", seconds: 60 };
    let server = StaticServer::start_with(dist.join("connections"), "/", slow).expect("cannot serve connections");
    let app = App::serve(server, "http_api?timeout=2s").await;
    let c = &app.client;
    // Three tries of 2s, with 0.5s and 1s between them.
    wait_for_text(c, ".wl-exception", "timed out: no answer within 2s (3 tries)", Duration::from_secs(20)).await;
    wait_for_text(c, ".wl-exception", "cities.json", TIMEOUT).await;
    app.close().await;
}

// ---------------------------------------------------------------------------------------------
// Connections (examples/connections): SQLite in the tab.
// ---------------------------------------------------------------------------------------------

/// The guest book's row count, read from its metric (`None` while it is not drawn).
async fn guest_book_rows(client: &Client) -> Option<u64> {
    let metrics = texts(&client.find_all(Locator::Css(".wl-metric")).await.unwrap_or_default()).await;
    metrics.first()?.lines().filter_map(|line| line.trim().parse().ok()).next_back()
}

/// Whether the guest book's bytes in IndexedDB (`wasmlit-sqlite`) contain `text`.
async fn stored_guest_book_has(client: &Client, text: &str) -> bool {
    let script = "const [text, done] = arguments; \
        const open = indexedDB.open('wasmlit-sqlite'); \
        open.onerror = () => done(false); \
        open.onsuccess = () => { \
          const db = open.result; \
          if (!db.objectStoreNames.contains('databases')) { db.close(); return done(false); } \
          const get = db.transaction('databases').objectStore('databases').get('guestbook'); \
          get.onerror = () => { db.close(); done(false); }; \
          get.onsuccess = () => { db.close(); \
            done(!!get.result && new TextDecoder('latin1').decode(get.result).includes(text)); }; \
        };";
    client.execute_async(script, vec![text.into()]).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn the_sqlite_page_filters_a_shipped_file_and_a_row_added_survives_a_reload() {
    let dist = PathBuf::from(std::env::var_os("WASMLIT_E2E_DIST").expect("WASMLIT_E2E_DIST is not set"));
    let app = App::serve(StaticServer::start(dist.join("connections"), "/").unwrap(), "sqlite").await;
    let c = &app.client;
    // The shipped file (data/cities.sqlite), fetched and queried in the tab, then filtered.
    wait_for_text(c, ".wl-caption", "16 cities", TIMEOUT).await;
    select_option(c, "Country", "Spain").await;
    wait_for_text(c, ".wl-caption", "3 cities", TIMEOUT).await;
    wait_for_text(c, ".wl-dataframe", "Barcelona", TIMEOUT).await;

    // A row added through the form: written in a session, stored in IndexedDB.
    let before = guest_book_rows(c).await.expect("the guest book's count");
    let name = format!("e2e-{}", std::process::id());
    let input = widget(c, "text_input", "Name").await.find(Locator::Css("input")).await.unwrap();
    input.send_keys(&name).await.unwrap();
    button(c, "Add a row").await.click().await.unwrap();
    wait_until(TIMEOUT, "the count goes up", || async { guest_book_rows(c).await == Some(before + 1) }).await;
    wait_for_text(c, ".wl-dataframe", &name, TIMEOUT).await;
    // The write to IndexedDB follows the session: wait until the stored bytes hold the row.
    wait_until(TIMEOUT, "the guest book is stored with the row", || async { stored_guest_book_has(c, &name).await })
        .await;

    c.refresh().await.unwrap();
    wait_for_text(c, ".wl-caption", "16 cities", TIMEOUT).await;
    wait_until(TIMEOUT, "the row is still counted after the reload", || async {
        guest_book_rows(c).await == Some(before + 1)
    })
    .await;
    wait_for_text(c, ".wl-dataframe", &name, TIMEOUT).await;
    assert_no_exceptions(c).await;
    app.close().await;
}

/// Every string the tab keeps, as one text: each IndexedDB database's keys and records (bytes
/// read as Latin-1, other values as JSON), then localStorage and sessionStorage.
async fn everything_the_tab_stores(client: &Client) -> String {
    let script = "const done = arguments[0]; \
        const bytes = x => x instanceof ArrayBuffer || ArrayBuffer.isView(x); \
        const text = v => bytes(v) ? new TextDecoder('latin1').decode(v) \
          : JSON.stringify(v, (_, x) => bytes(x) ? new TextDecoder('latin1').decode(x) : x); \
        const ask = r => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); }); \
        (async () => { \
          const parts = []; \
          for (const { name } of await indexedDB.databases()) { \
            const db = await ask(indexedDB.open(name)); \
            for (const store of db.objectStoreNames) { \
              const keys = await ask(db.transaction(store).objectStore(store).getAllKeys()); \
              const values = await ask(db.transaction(store).objectStore(store).getAll()); \
              parts.push(`${name}/${store}: ${text(keys)}\\n${values.map(text).join('\\n')}`); \
            } \
            db.close(); \
          } \
          parts.push(text(Object.entries(localStorage)), text(Object.entries(sessionStorage))); \
          done(parts.join('\\n')); \
        })().catch(e => done('could not read the storage: ' + e));";
    let value = client.execute_async(script, vec![]).await.expect("the storage is readable");
    let text = value.as_str().unwrap_or_default().to_string();
    assert!(!text.starts_with("could not read the storage"), "{text}");
    text
}

#[tokio::test]
#[ignore = "end-to-end: run by cargo xtask test"]
async fn a_visitor_token_reaches_the_api_but_never_the_tabs_storage() {
    let dist = PathBuf::from(std::env::var_os("WASMLIT_E2E_DIST").expect("WASMLIT_E2E_DIST is not set"));
    let app = App::serve(StaticServer::start(dist.join("connections"), "/").unwrap(), "http_api").await;
    let c = &app.client;
    wait_for_text(c, ".wl-caption", "3 of 12 cities", TIMEOUT).await;
    // Record the Authorization header of every request the page sends from now on.
    c.execute(
        "window.sentAuthorizations = []; const fetch = window.fetch.bind(window); \
         window.fetch = (input, init) => { \
           const headers = new Headers(input instanceof Request ? input.headers : (init || {}).headers); \
           window.sentAuthorizations.push(headers.get('Authorization')); return fetch(input, init); };",
        vec![],
    )
    .await
    .unwrap();
    let token = format!("tok-{}-visitor-secret", std::process::id());
    let input = widget(c, "text_input", "API token (optional, stays in this tab)").await;
    let field = input.find(Locator::Css("input")).await.unwrap();
    field.send_keys(&format!("{token}\u{E007}")).await.unwrap();
    wait_until(TIMEOUT, "a request carries the token", || async {
        let sent = c.execute("return window.sentAuthorizations", vec![]).await.unwrap();
        sent.as_array().is_some_and(|sent| sent.iter().any(|a| a.as_str() == Some(&format!("Bearer {token}"))))
    })
    .await;
    wait_for_text(c, ".wl-caption", "3 of 12 cities", TIMEOUT).await;

    // The SQLite page in the same session writes its guest book to IndexedDB.
    click_page_link(c, "SQLite").await;
    let name = format!("guest-{}", std::process::id());
    wait_for_text(c, ".wl-caption", "16 cities", TIMEOUT).await;
    let field = widget(c, "text_input", "Name").await.find(Locator::Css("input")).await.unwrap();
    field.send_keys(&name).await.unwrap();
    button(c, "Add a row").await.click().await.unwrap();
    wait_until(TIMEOUT, "the guest book is stored with the row", || async { stored_guest_book_has(c, &name).await })
        .await;

    // The same reader finds what the app stored (the guest's name), and not the token.
    let stored = everything_the_tab_stores(c).await;
    assert!(stored.contains(&name), "the reader misses the guest book:\n{stored}");
    assert!(!stored.contains(&token), "the visitor's token reached the tab's storage:\n{stored}");
    assert_no_exceptions(c).await;
    app.close().await;
}

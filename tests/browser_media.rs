//! `html`, `code`, `pdf` and `iframe` in headless Chromium, without their libraries: the test runner
//! serves no `wasmlit-vendor/` folder, so DOMPurify and Prism cannot load. The page must then
//! put nothing of an `html` body into the DOM (it says the HTML could not be shown), show code
//! as plain, selectable text with its gutter and copy button, and show a PDF from a Blob URL
//! revoked with the element. (Sanitizing and highlighting with the real libraries are checked
//! end to end against a trunk build: tests/e2e.rs.)
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --test browser_media`

#![cfg(all(target_arch = "wasm32", feature = "media"))]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use wasmlit::prelude::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/browser.rs"]
mod support;
use support::*;

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JsValue> {
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(web_sys::window().unwrap().fetch_with_str(url)).await?.unchecked_into();
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[wasm_bindgen_test]
async fn html_without_dompurify_inserts_nothing_and_says_why_in_place() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.html(
            "<b class='mine'>bold</b><img src=x onerror=\"window.wlPwned = 1\"><script>window.wlPwned = 2</script>",
        );
        ui.write("after");
    })
    .await;
    let error = wait_find(&root, ".wl-html .wl-exception-box").await;
    assert!(error.text_content().unwrap().contains("The HTML could not be shown"), "{}", root.inner_html());
    let html = root.query_selector(".wl-html").unwrap().unwrap();
    assert!(html.query_selector("b, img, script").unwrap().is_none(), "nothing unsanitized: {}", html.inner_html());
    assert!(root.text_content().unwrap().contains("after"), "the app goes on");
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"wlPwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn code_stays_plain_text_with_its_gutter_when_prism_cannot_load() {
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.add(Code::new("fn main() {\n    let x = 1 < 2;\n}").language("rust").line_numbers(true));
    })
    .await;
    let code = wait_find(&root, ".wl-code code.language-rust").await;
    assert_eq!(code.text_content().unwrap(), "fn main() {\n    let x = 1 < 2;\n}", "plain at once");
    // Give the failed load time to settle: the text stays, with no token spans.
    sleep_ms(300).await;
    let code = wait_find(&root, ".wl-code code.language-rust").await;
    assert_eq!(code.text_content().unwrap(), "fn main() {\n    let x = 1 < 2;\n}");
    assert!(code.query_selector(".token").unwrap().is_none());
    assert_eq!(wait_find(&root, ".wl-code-gutter").await.text_content().unwrap(), "1\n2\n3");
    assert!(root.query_selector(".wl-code-copy").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_pdf_of_bytes_shows_from_a_blob_url_revoked_when_it_goes() {
    let (root, mounted) = mount(|ui: &Ui| {
        ui.add(Pdf::bytes(b"%PDF-1.4\n%%EOF\n".to_vec()).height(240));
    })
    .await;
    let shown = wait_find(&root, ".wl-pdf iframe, .wl-pdf a").await;
    let url = if shown.tag_name() == "IFRAME" {
        assert_eq!(shown.style().get_property_value("height").unwrap(), "240px");
        shown.get_attribute("src").unwrap()
    } else {
        shown.get_attribute("href").unwrap()
    };
    assert!(url.starts_with("blob:"), "{url}");
    assert_eq!(fetch_bytes(&url).await.unwrap(), b"%PDF-1.4\n%%EOF\n");
    drop(mounted);
    sleep_ms(30).await;
    assert!(fetch_bytes(&url).await.is_err(), "the Blob URL is revoked with the element");
}

/// Records the `postMessage`s this window receives, from when it is made until dropped.
struct Messages {
    received: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    listener: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl Messages {
    fn record() -> Messages {
        let received: std::rc::Rc<std::cell::RefCell<Vec<String>>> = Default::default();
        let sink = received.clone();
        let listener =
            wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                if let Some(data) = js_sys::Reflect::get(&event, &"data".into()).ok().and_then(|d| d.as_string()) {
                    sink.borrow_mut().push(data);
                }
            });
        let window = web_sys::window().unwrap();
        window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref()).unwrap();
        Messages { received, listener }
    }

    /// Waits (up to 3 s) for a message whose data starts with `prefix`.
    async fn starting_with(&self, prefix: &str) -> String {
        for _ in 0..300 {
            if let Some(found) = self.received.borrow().iter().find(|m| m.starts_with(prefix)) {
                return found.clone();
            }
            sleep_ms(10).await;
        }
        panic!("no message starting with {prefix}: {:?}", self.received.borrow())
    }
}

impl Drop for Messages {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        let _ = window.remove_event_listener_with_callback("message", self.listener.as_ref().unchecked_ref());
    }
}

#[wasm_bindgen_test]
async fn an_html_frame_runs_its_scripts_but_cannot_reach_the_app_page() {
    let messages = Messages::record();
    let (root, _mounted) = mount(|ui: &Ui| {
        ui.add(IFrame::html(
            "<p id='p'>frame</p><script>
               let reached = [];
               try { reached.push(parent.document.title); } catch (e) {}
               try { localStorage.setItem('wl', '1'); reached.push('storage'); } catch (e) {}
               try { indexedDB.open('wl'); reached.push('indexeddb'); } catch (e) {}
               parent.postMessage('wl-frame:' + document.getElementById('p').textContent + ':' + reached.join(','), '*');
             </script>",
        )
        .height(80));
        ui.add(IFrame::new("https://example.com/").width(320).scrolling(true));
        ui.write("after");
    })
    .await;
    assert_eq!(messages.starting_with("wl-frame:").await, "wl-frame:frame:", "its script ran, and reached nothing");
    let frames = root.query_selector_all(".wl-iframe iframe").unwrap();
    assert_eq!(frames.length(), 2, "{}", root.inner_html());
    let html: HtmlElement = frames.get(0).unwrap().unchecked_into();
    let url: HtmlElement = frames.get(1).unwrap().unchecked_into();
    let sandbox = html.get_attribute("sandbox").unwrap();
    assert!(sandbox.contains("allow-scripts") && !sandbox.contains("allow-same-origin"), "{sandbox}");
    assert!(url.get_attribute("sandbox").unwrap().contains("allow-same-origin"), "a page keeps its own origin");
    assert_eq!(
        (html.get_attribute("scrolling").as_deref(), url.get_attribute("scrolling").as_deref()),
        (Some("no"), Some("auto"))
    );
    assert_eq!(html.style().get_property_value("height").unwrap(), "80px");
    assert_eq!(url.style().get_property_value("width").unwrap(), "320px");
    assert_eq!(url.get_attribute("src").as_deref(), Some("https://example.com/"));
    assert!(root.text_content().unwrap().contains("after"));
}

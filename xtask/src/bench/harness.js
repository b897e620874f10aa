// Interaction latency: installed once per page load (WebDriver Execute Script). Everything that
// is timed happens in the page, so WebDriver round trips are not in the numbers:
//
// - a capture-phase `keydown` listener on window takes t0 = event.timeStamp of the trusted key
//   press that the benchmark sends with CDP Input.dispatchKeyEvent (the time the browser
//   created the event, on the performance.now() clock);
// - a MutationObserver on the whole document counts mutation records while armed and takes
//   tDom = performance.now() in the first callback after which the result line (the first <p>
//   that reads "<x> squared is <y>") says the expected text, and tLast = the last callback;
// - tPaint: the browser has rendered the frame that shows it (a message posted from the next
//   requestAnimationFrame callback after tDom runs after that frame's style, layout and paint).
//
// The same code runs against wasmlit and Streamlit: both show the result in a <p>, and both
// sliders move one step on ArrowRight (wasmlit's native <input type=range>, Streamlit's
// react-aria slider, whose keydown handler commits at once).
(() => {
  if (window.__wlb) return;
  const RESULT = /^\d+ squared is \d+$/;
  const b = (window.__wlb = {
    armed: false,
    expected: null,
    t0: null,
    tListener: null,
    tDom: null,
    tPaint: null,
    tLast: null,
    mutations: 0,
    result: null,
  });
  b.find = () => {
    if (b.result && b.result.isConnected) return b.result;
    b.result = null;
    for (const p of document.querySelectorAll("p")) {
      if (RESULT.test(p.textContent.trim())) {
        b.result = p;
        break;
      }
    }
    return b.result;
  };
  new MutationObserver((records) => {
    if (!b.armed) return;
    const now = performance.now();
    b.mutations += records.length;
    b.tLast = now;
    if (b.tDom === null) {
      const p = b.find();
      if (p && p.textContent.trim() === b.expected) {
        b.tDom = now;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (b.tPaint = performance.now());
          channel.port2.postMessage(0);
        });
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  window.addEventListener(
    "keydown",
    (event) => {
      if (b.armed && b.t0 === null) {
        b.t0 = event.timeStamp;
        b.tListener = performance.now();
      }
    },
    true,
  );
})();
// Focus the slider so the key press goes to it.
const range = document.querySelector('input[type="range"]');
if (!range) return "no slider";
range.focus();
const shown = window.__wlb.find();
return shown ? shown.textContent.trim() : "no result line";

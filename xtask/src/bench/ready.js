// Cold start: evaluated in every new document before the page's own scripts
// (CDP Page.addScriptToEvaluateOnNewDocument). The same condition for wasmlit and Streamlit:
// the page shows READY_TEXT in a <p> or <h1> that has a layout box, and a slider control
// exists. A MutationObserver checks after every batch of DOM changes, so the times are those of
// the change that made the app ready, not of a poll. All are performance.now(), milliseconds
// since navigation start:
//   __wlbDom     the DOM has the text and the slider (before layout);
//   __wlbReady   ... and the text has a layout box (getClientRects forces style and layout);
//   __wlbPainted the browser has rendered the next frame after that (a message posted from the
//                next requestAnimationFrame callback runs after that frame's style, layout and
//                paint).
//
// It also times every indexedDB.open() of the page (request → success or error), in
// window.__wlbIdb, to show what a first visit's storage costs.
(() => {
  const READY_TEXT = __READY_TEXT__;
  window.__wlbIdb = [];
  if (window.IDBFactory) {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const record = { name: String(args[0]), start: performance.now(), end: null };
      window.__wlbIdb.push(record);
      const request = open.apply(this, args);
      const done = () => (record.end = record.end ?? performance.now());
      request.addEventListener("success", done);
      request.addEventListener("error", done);
      return request;
    };
  }
  let observer = null;
  const check = () => {
    if (window.__wlbReady !== undefined) return;
    if (!document.querySelector('input[type="range"]')) return;
    for (const el of document.querySelectorAll("p, h1")) {
      if (el.textContent.trim() === READY_TEXT) {
        const dom = performance.now();
        if (el.getClientRects().length === 0) return;
        window.__wlbReady = performance.now();
        window.__wlbDom = dom;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (window.__wlbPainted = performance.now());
          channel.port2.postMessage(0);
        });
        return;
      }
    }
  };
  observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})();

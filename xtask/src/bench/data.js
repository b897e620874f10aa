// The data benchmark: evaluated in every new document before the page's own scripts (CDP
// Page.addScriptToEvaluateOnNewDocument), the same for wasmlit and Streamlit. A MutationObserver
// takes, in performance.now() milliseconds since navigation start:
//   timingsDom  the code block with the app's timings (JSON with "csv_parse_ms") is in the DOM;
//   rowDom      the grid's first data row is in the DOM (wasmlit: a row element with
//               data-row="0" that has a layout box; Streamlit: glide-data-grid's accessibility
//               cell of row 0 inside its canvas, the canvas having a layout box);
//   rowPainted  the browser has rendered the frame after that (a message posted from the next
//               requestAnimationFrame callback runs after that frame's style, layout and paint).
(() => {
  const ROW = __ROW_SELECTOR__;
  const d = (window.__wlbData = {});
  const check = () => {
    if (d.timingsDom === undefined) {
      for (const code of document.querySelectorAll("code")) {
        if (code.textContent.includes('"csv_parse_ms"')) {
          d.timingsDom = performance.now();
          d.timings = code.textContent;
          break;
        }
      }
    }
    if (d.rowDom === undefined) {
      const row = document.querySelector(ROW);
      if (!row) return;
      const boxed = row.closest("canvas") || row;
      if (boxed.getClientRects().length === 0) return;
      d.rowDom = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (d.rowPainted = performance.now());
        channel.port2.postMessage(0);
      });
    }
    if (d.timingsDom !== undefined && d.rowDom !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();

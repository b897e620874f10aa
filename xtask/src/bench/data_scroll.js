// Scroll frame times, the same for wasmlit and Streamlit: from a requestAnimationFrame loop,
// set the grid's scrollTop once per frame, `frames` times, and record every frame's start
// (the rAF timestamp: the frame's begin time, on the vsync grid). Frame durations are the
// differences: 16.7 ms at 60 Hz when the page keeps up, 33.3 ms when a frame was missed.
// A PerformanceObserver also collects the long animation frames (over 50 ms) meanwhile.
// Each frame's main-thread work is timed too: from the frame's begin time to the end of its
// rendering update (a message posted from the frame's animation frame callback runs once that
// frame's scroll handlers, style, layout, paint and commit are done). A frame interval can miss
// a vsync for reasons outside the page (the compositor or raster threads starved of a core);
// the work says whether the page's own part of the frame fit in the budget.
//
// arguments: scroller selector, pattern ("steady": `step` px per frame, as a wheel or a
// trackpad fling; "jump": the whole height in `frames` equal jumps, as dragging the scrollbar,
// so every frame shows rows it has never shown), frames, step, rows selector and the attribute
// that numbers a row, timeout ms.
const done = arguments[arguments.length - 1];
const [scrollerSelector, pattern, frames, step, rowSelector, rowAttribute, offset, timeout] = arguments;
const el = document.querySelector(scrollerSelector);
if (!el) return done({ error: `no ${scrollerSelector}` });
const max = el.scrollHeight - el.clientHeight;
const loaf = [];
let observer = null;
if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).includes("long-animation-frame")) {
  observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) loaf.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
  });
  observer.observe({ type: "long-animation-frame" });
}
const lastRow = () => {
  let last = null;
  for (const row of document.querySelectorAll(rowSelector)) {
    const n = Number(row.getAttribute(rowAttribute)) - offset;
    if (Number.isFinite(n) && (last === null || n > last)) last = n;
  }
  return last;
};
el.scrollTop = 0;
const stamps = [];
const work = [];
const channel = new MessageChannel();
channel.port1.onmessage = (event) => work.push(performance.now() - event.data);
let i = 0;
const started = performance.now();
const frame = (ts) => {
  stamps.push(ts);
  channel.port2.postMessage(ts);
  if (i === frames || performance.now() - started > timeout) {
    // Two more frames, so the last scroll's rows are drawn and the last long frame reported.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (observer) {
          for (const e of observer.takeRecords()) loaf.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
          observer.disconnect();
        }
        const result = { stamps, work, loaf, max, scrollTop: el.scrollTop, lastRow: lastRow(), complete: i === frames };
        // Glide's accessibility table (Streamlit) follows the canvas a moment later.
        setTimeout(() => done({ ...result, lastRowSettled: lastRow() }), 500);
      }),
    );
    return;
  }
  i += 1;
  el.scrollTop = pattern === "jump" ? Math.round((max * i) / frames) : Math.min(max, i * step);
  requestAnimationFrame(frame);
};
// Start on a fresh frame after the reset to the top has been drawn.
requestAnimationFrame(() => requestAnimationFrame(frame));

// After one key press: waits (in the page) until the result line shows the expected text, the
// frame showing it has been rendered, and the app is idle (Streamlit: the script state is
// "notRunning"; wasmlit has no such attribute), then two more animation frames so trailing DOM
// writes are counted, and returns the times.
const done = arguments[arguments.length - 1];
const timeout = arguments[0];
const b = window.__wlb;
const started = performance.now();
const idle = () => {
  const app = document.querySelector('[data-testid="stApp"]');
  const state = app && app.getAttribute("data-test-script-state");
  return !state || state === "notRunning";
};
const mark = (name) => {
  const marks = performance.getEntriesByName(name, "mark");
  return marks.length ? marks[marks.length - 1].startTime : null;
};
const finish = () => {
  b.armed = false;
  done({
    t0: b.t0,
    tListener: b.tListener,
    tDom: b.tDom,
    tPaint: b.tPaint,
    tLast: b.tLast,
    mutations: b.mutations,
    scriptStart: mark("wl-script-start"),
    scriptEnd: mark("wl-script-end"),
  });
};
const tick = () => {
  if (b.tDom !== null && b.tPaint !== null && b.t0 !== null && idle()) {
    requestAnimationFrame(() => requestAnimationFrame(finish));
    return;
  }
  if (performance.now() - started > timeout) {
    b.armed = false;
    const p = b.find();
    done({ error: "timeout", t0: b.t0, shown: p ? p.textContent : null, expected: b.expected });
    return;
  }
  setTimeout(tick, 4);
};
tick();

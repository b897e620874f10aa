// After a load of the data app: waits (in the page) until data.js has seen the timings and the
// painted first grid row, then returns its times and the mark `wl-data-end` (wasmlit's script
// end).
const done = arguments[arguments.length - 1];
const timeout = arguments[0];
const started = performance.now();
const tick = () => {
  const d = window.__wlbData || {};
  if (d.rowPainted !== undefined && d.timings !== undefined) {
    const marks = performance.getEntriesByName("wl-data-end", "mark");
    return done({
      timings: d.timings,
      timingsDom: d.timingsDom,
      rowDom: d.rowDom,
      rowPainted: d.rowPainted,
      scriptEnd: marks.length ? marks[0].startTime : null,
    });
  }
  if (performance.now() - started > timeout) {
    const error = document.querySelector('[role="alert"], .stException, .wl-error');
    return done({
      error: "timeout",
      seen: d,
      alert: error ? error.textContent.slice(0, 500) : null,
      text: document.body ? document.body.innerText.slice(0, 500) : "",
    });
  }
  setTimeout(tick, 20);
};
tick();

// After a load of a chart page: waits (in the page) until charts.js has seen the chart painted,
// then returns its times and wasmlit's User Timing marks around the chart call.
const done = arguments[arguments.length - 1];
const timeout = arguments[0];
const started = performance.now();
const mark = (name) => {
  const marks = performance.getEntriesByName(name, "mark");
  return marks.length ? marks[0].startTime : null;
};
const tick = () => {
  const d = window.__wlbChart || {};
  if (d.painted !== undefined) {
    const marks = document.querySelector(".wl-map-leaflet, [data-testid='stDeckGlJsonChart'], canvas.marks, svg.marks");
    const box = marks ? marks.getBoundingClientRect() : null;
    // wasmlit's chart renderer marks its steps: ms after the chart call.
    const call = mark("wl-chart-call");
    const steps = {};
    for (const m of performance.getEntriesByType("mark")) {
      if (m.name.startsWith("wl-chart-") && m.name !== "wl-chart-call" && call !== null && !(m.name in steps)) {
        steps[m.name.slice(9)] = Math.round((m.startTime - call) * 10) / 10;
      }
    }
    for (const r of performance.getEntriesByType("resource")) {
      if (/wasmlit-vendor\/vega[^/]*\.js$/.test(r.name) && call !== null) {
        steps["fetched " + r.name.split("/").pop()] = Math.round((r.responseEnd - call) * 10) / 10;
      }
    }
    return done({
      ...d,
      steps,
      call,
      scriptEnd: mark("wl-chart-end"),
      box: box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null,
    });
  }
  if (performance.now() - started > timeout) {
    const error = document.querySelector('[role="alert"], .stException, .wl-error, .wl-chart-error');
    return done({
      error: "timeout",
      seen: d,
      alert: error ? error.textContent.slice(0, 500) : null,
    });
  }
  setTimeout(tick, 20);
};
tick();

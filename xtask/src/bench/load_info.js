// After a cold load: waits (in the page) until ready.js has seen the frame after ready, then
// returns its times
// and what the Navigation and Resource Timing APIs saw: the files the first load transferred.
const done = arguments[arguments.length - 1];
const started = performance.now();
const timeout = arguments[0];
const report = () => {
  const nav = performance.getEntriesByType("navigation")[0] || {};
  const resources = performance.getEntriesByType("resource").map((r) => ({
    url: r.name,
    type: r.initiatorType,
    transfer: r.transferSize,
    encoded: r.encodedBodySize,
    decoded: r.decodedBodySize,
    start: r.startTime,
    responseStart: r.responseStart,
    end: r.responseEnd,
  }));
  const mark = (name) => {
    const marks = performance.getEntriesByName(name, "mark");
    return marks.length ? marks[0].startTime : null;
  };
  done({
    ready: window.__wlbReady,
    idb: window.__wlbIdb || [],
    dom: window.__wlbDom,
    painted: window.__wlbPainted,
    // wasmlit's rerun app marks its script; the first marks are the first run's.
    scriptStart: mark("wl-script-start"),
    scriptEnd: mark("wl-script-end"),
    url: location.href,
    document: { url: nav.name, transfer: nav.transferSize, encoded: nav.encodedBodySize, decoded: nav.decodedBodySize },
    responseEnd: nav.responseEnd,
    domContentLoaded: nav.domContentLoadedEventEnd,
    load: nav.loadEventEnd,
    resources,
  });
};
const tick = () => {
  if (window.__wlbPainted !== undefined) return report();
  if (performance.now() - started > timeout) return done({ error: "not ready", text: document.body ? document.body.innerText.slice(0, 500) : "" });
  setTimeout(tick, 20);
};
tick();

// Frame times while the benchmark sends input: `start` begins recording the begin time of every
// animation frame (the requestAnimationFrame timestamp, on the vsync grid: consecutive frames
// 16.7 ms apart at 60 Hz when the page keeps up) and the long animation frames (over 50 ms);
// `stop` ends it and returns them, with the durations of the page's own User Timing measures
// taken meanwhile (wasmlit's `wl-zoom*`: the steps of each zoom), by name, and each frame's
// main-thread work: from its begin time to the end of its rendering update (a message posted
// from the frame's animation-frame callback runs once that frame's event handlers, style,
// layout, paint and commit are done; see data_scroll.js). argument: "start" or "stop".
const [what] = arguments;
if (what === "start") {
  const f = (window.__wlbFrames = { stamps: [], work: [], loaf: [], on: true, observer: null, since: performance.now() });
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => f.work.push(performance.now() - event.data);
  if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).includes("long-animation-frame")) {
    f.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) f.loaf.push({ start: e.startTime, duration: e.duration });
    });
    f.observer.observe({ type: "long-animation-frame" });
  }
  const frame = (ts) => {
    if (!f.on) return;
    f.stamps.push(ts);
    channel.port2.postMessage(ts);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return true;
}
const f = window.__wlbFrames;
if (!f) return { error: "not recording" };
f.on = false;
if (f.observer) {
  for (const e of f.observer.takeRecords()) f.loaf.push({ start: e.startTime, duration: e.duration });
  f.observer.disconnect();
}
const first = f.stamps.length ? f.stamps[0] : 0;
const measures = {};
for (const m of performance.getEntriesByType("measure")) {
  if (m.startTime >= f.since && m.name.startsWith("wl-")) (measures[m.name] = measures[m.name] || []).push(m.duration);
}
return { stamps: f.stamps, work: f.work, loaf: f.loaf.filter((e) => e.start >= first), measures };

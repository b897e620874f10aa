// The charts benchmark: evaluated in every new document before the page's own scripts (CDP
// Page.addScriptToEvaluateOnNewDocument), the same for wasmlit and Streamlit (both draw with
// vega-embed, whose view is a <canvas class="marks"> or an <svg class="marks">). In
// performance.now() milliseconds since navigation start:
//   codeDom    the code block saying what the script built ({"chart": ...}) is in the DOM;
//   marksDom   Vega's canvas or svg is in the DOM;
//   drawn      the first animation frame at whose start the marks are drawn: the canvas has a
//              coloured pixel (max − min channel > 60: a series colour; axes, grid and text
//              are grey), or the svg has a line, symbol, area or rect path;
//   painted    that frame has been rendered (a message posted from its requestAnimationFrame
//              callback runs after the frame's style, layout and paint).
// The check reads the canvas's pixels once per frame until the marks are there, then stops.
// A map is drawn when wasmlit's points canvas says it drew points (its data-points attribute),
// or Streamlit's deck.gl has issued the instanced WebGL draw of its points (a WebGL canvas's
// pixels cannot be read here, so the draw calls are watched: `glPoints` instances at `glDrawn`).
(() => {
  const d = (window.__wlbChart = {});
  const gl = window.WebGL2RenderingContext && WebGL2RenderingContext.prototype;
  for (const name of gl ? ["drawArraysInstanced", "drawElementsInstanced"] : []) {
    const draw = gl[name];
    gl[name] = function (...args) {
      const instances = args[args.length - 1];
      if (d.glDrawn === undefined && instances >= 1000) {
        d.glDrawn = performance.now();
        d.glPoints = instances;
      }
      return draw.apply(this, args);
    };
  }
  const coloured = (canvas) => {
    if (!canvas.width || !canvas.height) return false;
    const ctx = canvas.getContext("2d");
    if (!ctx) return false;
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] > 0 && Math.max(px[i], px[i + 1], px[i + 2]) - Math.min(px[i], px[i + 1], px[i + 2]) > 60) return true;
    }
    return false;
  };
  const drawn = (marks) => {
    if (marks.tagName.toLowerCase() === "canvas") return coloured(marks);
    for (const p of marks.querySelectorAll(".mark-line path, .mark-symbol path, .mark-area path, .mark-rect path")) {
      if ((p.getAttribute("d") || "").length > 10) return true;
    }
    return false;
  };
  const frame = () => {
    if (d.codeDom === undefined) {
      for (const code of document.querySelectorAll("code")) {
        if (code.textContent.includes('"chart"')) {
          d.codeDom = performance.now();
          d.code = code.textContent;
          break;
        }
      }
    }
    // A map: wasmlit's points canvas once it has drawn points; Streamlit's deck.gl canvas (WebGL,
    // whose pixels cannot be read here) once its points' instanced draw was issued.
    const map = document.querySelector("canvas.wl-map-points, [data-testid='stDeckGlJsonChart'] canvas");
    if (map && d.marksDom === undefined) {
      d.marksDom = performance.now();
      d.renderer = "map canvas";
    }
    if (map && (Number(map.getAttribute("data-points")) > 0 || (!map.classList.contains("wl-map-points") && d.glDrawn !== undefined))) {
      d.drawn = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (d.painted = performance.now());
      channel.port2.postMessage(0);
      return;
    }
    const marks = document.querySelector("canvas.marks, svg.marks");
    if (marks && d.marksDom === undefined) {
      d.marksDom = performance.now();
      d.renderer = marks.tagName.toLowerCase();
    }
    if (marks && drawn(marks)) {
      d.drawn = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (d.painted = performance.now());
      channel.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();

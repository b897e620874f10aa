//! Renderers of the chart elements: one file per kind, all drawing through [`chart`].
//!
//! The first chart on a page loads Vega, Vega-Lite and vega-embed ([`vendor::load`]); a page
//! without charts never downloads them. A chart is embedded once per spec and theme: new
//! data (a rerun with another frame, `add_rows`) goes into the existing Vega view with
//! `view.insert` / `view.data`, so the view is not re-created. A frame above
//! [`THRESHOLD`](crate::charts::reduce::THRESHOLD) rows is reduced in Rust for the chart's
//! width in device pixels ([`Prepared`]) and re-reduced when the viewer zooms (the `zoom`
//! interval bound to the scales). Vega's parse errors are caught and shown in place.
//!
//! Like the grid, the chart renderer is installed by the script's first chart call
//! ([`install`]), so an app that never draws a chart does not link it.

pub(crate) mod area_chart;
pub(crate) mod bar_chart;
pub(crate) mod line_chart;
pub(crate) mod scatter_chart;
pub(crate) mod vega_lite_chart;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::charts::reduce::{Mode, Plan, Prepared, Viewport};
use crate::charts::rows::{rows_json, INDEX_FIELD};
use crate::charts::spec::{point_radius, ZOOM_PARAM};
use crate::charts::{mark_type, palette, ChartProps, ChartSpec};
use crate::data::DataFrame;
use crate::element::WidgetValue;
use crate::elements::charts::vega_lite_chart::streamlit_selection;
use crate::web::shell::Theme;
use crate::web::vendor::{self, Library};
use crate::web::widgets::Sink;

#[wasm_bindgen(inline_js = r#"
export function embed(el, spec, config, dark, rows, svg) {
  config = JSON.parse(config);
  // ARIA descriptions are SVG's only: on a canvas they are never read, yet Vega-Lite would
  // format one for every row on every update (a quarter of a large chart's zoom, measured).
  if (!svg) config.aria = false;
  const options = {
    actions: false,
    mode: 'vega-lite',
    config,
    renderer: svg ? 'svg' : 'canvas',
    tooltip: { theme: dark ? 'dark' : 'light' },
    patch: (vega) => { hideBrushes(vega); return vega; },
  };
  const parsed = JSON.parse(spec);
  // The rows go in with the spec (as Streamlit's do), so the first layout makes room for the
  // axes and the legend they need.
  if (rows !== undefined && rows !== null) parsed.datasets = { data: JSON.parse(rows) };
  return window.vegaEmbed(el, parsed, options).then((result) => {
    el.__wlView = result.view;
    el.__wlEmbeds = (el.__wlEmbeds || 0) + 1;
    result.view.__wlRoom = room(result.view);
    return result;
  });
}
// An interval selection's brush (Vega-Lite's marks `<param>_brush_bg` and `<param>_brush`)
// is drawn for the eye: it has no name, so screen readers skip it (`aria: false`).
function hideBrushes(spec) {
  for (const mark of spec.marks || []) {
    if (/_brush(_bg)?$/.test(mark.name || '')) mark.aria = false;
    hideBrushes(mark);
  }
}
// How far the axes, labels and legends reach beyond the plot on its left and right, as the
// last "fit" layout made room for them (Vega's ViewLayout reads the same bounds).
function room(view) {
  try {
    const b = view.scenegraph().root.items[0].bounds;
    return { left: Math.ceil(-b.x1), right: Math.ceil(b.x2 - view.width()) };
  } catch (e) { return null; }
}
// New rows may need wider axis labels: `resize` re-runs the "fit" layout.
function refit(view) {
  return view.resize().runAsync().then(() => { view.__wlRoom = room(view); return view; });
}
export function view_of(result) { return result.view; }
export function finalize(result) { try { result.finalize(); } catch (e) { console.warn(e); } }
export function insert_rows(view, rows) { view.insert('data', JSON.parse(rows)); return refit(view); }
export function replace_rows(view, rows) { view.data('data', JSON.parse(rows)); return refit(view); }
// A zoom's rows (picked from `started` to `picked`, then encoded, in `performance.now()` ms).
// Called by the interval's signal listener, which Vega runs inside the pulse of the wheel or
// drag event, right after the interval's signal and before the scales and marks that follow
// it: rows put in now join that pulse, so the new scales and the new rows are drawn in one
// render (a run of our own after it would draw the old rows at the new scale first, then
// ours). Without `resize`: the "fit" layout runs again only when the new labels need more
// room than the last one made, as when the y extent gains a digit. Each step is a User
// Timing measure; `run` ends when Vega's render of the pulse has.
export function zoom_rows(view, rows, started, picked) {
  const encoded = performance.now();
  const parsed = JSON.parse(rows);
  const parsedAt = performance.now();
  view.data('data', parsed);
  const put = performance.now();
  // Vega's evaluation of the pulse is under way: a run asked for once this task's code is
  // done waits for it (and its render), then finds nothing left to do.
  return Promise.resolve().then(() => view.runAsync()).then(() => {
    const ran = performance.now();
    const was = view.__wlRoom, now = room(view);
    const grew = !was || !now || now.left > was.left || now.right > was.right;
    return (grew ? refit(view) : Promise.resolve(view)).then(() => {
      const done = performance.now();
      const measure = (name, start, end) => performance.measure('wl-zoom-' + name, { start, end });
      measure('pick', started, picked);
      measure('encode', picked, encoded);
      measure('parse', encoded, parsedAt);
      measure('data', parsedAt, put);
      measure('run', put, ran);
      if (grew) measure('refit', ran, done);
      performance.measure('wl-zoom', { start: started, end: done });
    });
  });
}
// A wheel gesture over a reduced line chart's plot is drawn by us, not by Vega: each step of
// it re-reduces the range (`lines(lo, hi)`: the pyramid's rows as [count, then per line its
// label's index, its point count and x, y pairs]) and strokes those lines on a canvas over the
// plot, ~1 ms where Vega's pulse and render of the same rows took ~10. Vega's own canvas keeps
// its axes (clipped out over the plot meanwhile, so its old line does not show) until the
// gesture rests (`REST_MS` after the last wheel event, or a press): then Vega takes the
// interval through its own signal, so the listener above puts the same rows in, and it draws
// axes, line and tooltips; the overlay goes once that render is done. The y scale is Vega's:
// the rows' extent with zero, made nice, so the line does not move when Vega takes over.
const REST_MS = 150;
export function zoom_gesture(el, view, field, lines, labels) {
  if (el.__wlGestureOff) el.__wlGestureOff();
  const name = [field, field.replace(/\\(.)/g, '$1')]
    .map((f) => ('zoom_' + f).replace(/\W/g, '_'))
    .find((n) => { try { view.signal(n); return true; } catch (e) { return false; } });
  if (!name) return;
  let g = null;
  const marks = () => el.querySelector('canvas.marks');
  const plot = () => { const [ox, oy] = view.origin(); return { ox, oy, w: view.width(), h: view.height() }; };
  const start = (canvas, p) => {
    const overlay = el.__wlOverlay || document.createElement('canvas');
    el.__wlOverlay = overlay;
    overlay.className = 'wl-zoom-overlay';
    if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
    const c = canvas.getBoundingClientRect(), box = el.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    Object.assign(overlay.style, {
      position: 'absolute', pointerEvents: 'none', display: 'block',
      left: (c.left - box.left + p.ox) + 'px', top: (c.top - box.top + p.oy) + 'px',
      width: p.w + 'px', height: p.h + 'px',
    });
    overlay.width = Math.round(p.w * dpr);
    overlay.height = Math.round(p.h * dpr);
    el.appendChild(overlay);
    const W = c.width, H = c.height;
    canvas.style.clipPath = `path(evenodd, "M0 0H${W}V${H}H0Z M${p.ox} ${p.oy}h${p.w}v${p.h}h${-p.w}Z")`;
    let color = null;
    try { color = view.scale('color'); } catch (e) { /* one series */ }
    return { canvas, overlay, p, dpr, color, labels: JSON.parse(labels()), scene: scene(view), domain: null, timer: 0, frame: 0 };
  };
  const draw = (data) => {
    const started = performance.now();
    paint(view, g, data);
    g.overlay.dataset.domain = JSON.stringify(g.domain);
    performance.measure('wl-zoom-overlay', { start: started, end: performance.now() });
  };
  const step = () => {
    g.frame = 0;
    const started = performance.now();
    const data = lines(g.domain[0], g.domain[1]);
    const picked = performance.now();
    if (data) draw(data);
    performance.measure('wl-zoom-lines', { start: started, end: picked });
  };
  const rest = () => {
    if (!g) return;
    const done = g;
    g = null;
    clearTimeout(done.timer);
    if (done.frame) cancelAnimationFrame(done.frame);
    view.signal(name, done.domain);
    const off = () => { done.overlay.style.display = 'none'; done.canvas.style.clipPath = ''; };
    view.runAsync().then(off, off);
  };
  const wheel = (event) => {
    const canvas = marks();
    if (!canvas) return;
    const p = g ? g.p : plot(), c = canvas.getBoundingClientRect();
    const px = event.clientX - c.left - p.ox, py = event.clientY - c.top - p.oy;
    if (!g && (px < 0 || py < 0 || px > p.w || py > p.h)) return;
    let domain = g ? g.domain : null;
    if (!domain) {
      try { const d = view.scale('x').domain(); domain = [+d[0], +d[d.length - 1]]; } catch (e) { return; }
    }
    // Vega-Lite's zoom of a scale-bound interval: `zoomLinear(domain("x"), invert("x", x), delta)`.
    const delta = Math.pow(1.001, event.deltaY * Math.pow(16, event.deltaMode));
    const anchor = domain[0] + (px / p.w) * (domain[1] - domain[0]);
    const next = [anchor + (domain[0] - anchor) * delta, anchor + (domain[1] - anchor) * delta];
    if (!g) {
      let data;
      try { data = lines(next[0], next[1]); } catch (e) { return; }
      if (!data) return;
      g = start(canvas, p);
      g.domain = next;
      draw(data);
    } else {
      g.domain = next;
      if (!g.frame) g.frame = requestAnimationFrame(step);
    }
    event.preventDefault();
    event.stopPropagation();
    clearTimeout(g.timer);
    g.timer = setTimeout(rest, REST_MS);
  };
  const press = () => rest();
  el.addEventListener('wheel', wheel, { capture: true, passive: false });
  el.addEventListener('pointerdown', press, true);
  el.addEventListener('dblclick', press, true);
  el.__wlGestureOff = () => {
    el.removeEventListener('wheel', wheel, { capture: true });
    el.removeEventListener('pointerdown', press, true);
    el.removeEventListener('dblclick', press, true);
    if (g) rest();
  };
}
// What of Vega's scene the overlay draws again: the grid's rules (in plot coordinates) and the
// line's stroke style.
function scene(view) {
  const rules = [];
  let line = null;
  const walk = (node, x, y) => {
    for (const item of node.items || []) {
      if (node.role === 'axis-grid') {
        rules.push({ x: x + item.x, y: y + item.y, x2: x + (item.x2 ?? item.x), y2: y + (item.y2 ?? item.y),
          stroke: item.stroke, width: item.strokeWidth ?? 1, alpha: (item.opacity ?? 1) * (item.strokeOpacity ?? 1) });
      } else if (node.marktype === 'line' && node.role === 'mark') {
        line = line || item;
      } else if (node.marktype === 'group') {
        walk(item, x + (item.x || 0), y + (item.y || 0));
      } else {
        walk(item, x, y);
      }
    }
  };
  try { walk(view.scenegraph().root, 0, 0); } catch (e) { /* no scene yet */ }
  return { rules, line };
}
function paint(view, g, data) {
  const { overlay, p, dpr, color, labels, scene: { rules, line } } = g;
  const ctx = overlay.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, p.w, p.h);
  for (const r of rules) {
    ctx.globalAlpha = r.alpha;
    ctx.strokeStyle = r.stroke;
    ctx.lineWidth = r.width;
    ctx.beginPath();
    ctx.moveTo(r.x, r.y);
    ctx.lineTo(r.x2, r.y2);
    ctx.stroke();
  }
  let lo = Infinity, hi = -Infinity;
  for (let i = 1, n = data[0], l = 0; l < n; l++) {
    const count = data[i + 1];
    for (let k = 0; k < count; k++) { const y = data[i + 3 + 2 * k]; if (y < lo) lo = y; if (y > hi) hi = y; }
    i += 2 + 2 * count;
  }
  if (!(lo <= hi)) { lo = 0; hi = 0; }
  const y = view.scale('y').copy().domain([Math.min(lo, 0), Math.max(hi, 0)]).nice();
  const [y0, y1] = y.domain(), [x0, x1] = g.domain;
  const sx = p.w / (x1 - x0), sy = y1 > y0 ? p.h / (y1 - y0) : 0;
  ctx.globalAlpha = line ? (line.opacity ?? 1) * (line.strokeOpacity ?? 1) : 1;
  ctx.lineWidth = line ? (line.strokeWidth ?? 1) : 2;
  ctx.lineCap = (line && line.strokeCap) || 'butt';
  ctx.lineJoin = (line && line.strokeJoin) || 'miter';
  for (let i = 1, n = data[0], l = 0; l < n; l++) {
    const label = labels[data[i]], count = data[i + 1];
    ctx.strokeStyle = (color && label !== null ? color(label) : null) || (line && line.stroke) || '#0068c9';
    ctx.beginPath();
    for (let k = 0; k < count; k++) {
      const px = (data[i + 2 + 2 * k] - x0) * sx, py = p.h - (data[i + 3 + 2 * k] - y0) * sy;
      if (k) ctx.lineTo(px, py); else ctx.moveTo(px, py);
    }
    ctx.stroke();
    i += 2 + 2 * count;
  }
  ctx.globalAlpha = 1;
  overlay.dataset.yDomain = JSON.stringify([y0, y1]);
}
export function when_idle(callback) {
  if (window.requestIdleCallback) window.requestIdleCallback(() => callback(), { timeout: 2000 });
  else setTimeout(() => callback(), 50);
}
// The plot's width (or height), as Vega's "fit" layout made it.
export function plot_width(view, height) { try { return height ? view.height() : view.width(); } catch (e) { return 0; } }
// Calls `callback` with a signal's value as JSON; with `numbers`, dates as epoch ms (the
// numbers a time scale counts in) rather than text.
export function listen(view, name, callback, numbers) {
  const dates = function (key, value) { const was = this[key]; return was instanceof Date ? +was : value; };
  try {
    view.addSignalListener(name, (_, value) => callback(JSON.stringify(value === undefined ? null : value, numbers ? dates : undefined)));
    return true;
  } catch (e) { return false; }
}
export function domain(view, scale) {
  try {
    const d = view.scale(scale).domain();
    return [+d[0], +d[d.length - 1]];
  } catch (e) { return null; }
}
export function error_text(error) { return (error && error.message) ? error.message : String(error); }
"#)]
extern "C" {
    fn embed(
        el: &web_sys::Element,
        spec: &str,
        config: &str,
        dark: bool,
        rows: Option<String>,
        svg: bool,
    ) -> js_sys::Promise;
    fn view_of(result: &JsValue) -> JsValue;
    fn finalize(result: &JsValue);
    fn insert_rows(view: &JsValue, rows: String) -> js_sys::Promise;
    fn replace_rows(view: &JsValue, rows: String) -> js_sys::Promise;
    fn zoom_rows(view: &JsValue, rows: String, started: f64, picked: f64) -> js_sys::Promise;
    fn plot_width(view: &JsValue, height: bool) -> f64;
    fn when_idle(callback: JsValue);
    fn zoom_gesture(
        el: &web_sys::Element,
        view: &JsValue,
        field: &str,
        lines: &Closure<dyn FnMut(f64, f64) -> JsValue>,
        labels: &Closure<dyn FnMut() -> String>,
    );
    fn listen(view: &JsValue, name: &str, callback: &Closure<dyn FnMut(String)>, numbers: bool) -> bool;
    fn domain(view: &JsValue, scale: &str) -> JsValue;
    fn error_text(error: &JsValue) -> String;
}

/// Above this many rows sent, Vega draws on a canvas rather than SVG.
const SVG_ROWS: usize = 2_000;

/// What the page holds for a drawn chart.
struct Drawn {
    /// vega-embed's result (finalized when the chart goes) and its view.
    result: JsValue,
    view: JsValue,
    spec: Value,
    dark: bool,
    data: Option<DataFrame>,
    /// What zooms re-reduce, when the frame is reduced (shared with the zoom listener).
    source: Source,
    /// Listeners kept alive as long as the view.
    _listeners: Vec<Closure<dyn FnMut(String)>>,
    _gesture: Option<Gesture>,
}

/// What a reduced line chart's wheel gestures call (see `zoom_gesture`): the lines of an
/// interval, and the series' labels.
type Gesture = (Closure<dyn FnMut(f64, f64) -> JsValue>, Closure<dyn FnMut() -> String>);

impl Drop for Drawn {
    fn drop(&mut self) {
        finalize(&self.result);
    }
}

type State = Rc<RefCell<Option<Drawn>>>;

/// A reduced chart's spec and its frame's columns as numbers: what a zoom re-reduces. New
/// data replaces it, so a zoom after a rerun reads the new frame.
type Source = Rc<RefCell<Option<(ChartSpec, Rc<Prepared>)>>>;

/// Whether the app shows its dark theme (the shell's theme, else the system's).
fn dark_theme() -> Signal<bool> {
    let theme = use_context::<RwSignal<Theme>>();
    Signal::derive(move || match theme.map_or(Theme::System, |t| t.get()) {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => {
            window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|query| query.matches())
        }
        // A custom theme's base decides (its stylesheet sets the app's color-scheme).
        Theme::Custom => {
            let app = document().query_selector(".wl-app").ok().flatten();
            let scheme = app.and_then(|app| window().get_computed_style(&app).ok().flatten());
            scheme.and_then(|style| style.get_property_value("color-scheme").ok()).is_some_and(|s| s.trim() == "dark")
        }
    })
}

/// A width in CSS pixels (800 when unknown) in device pixels, for the reduction.
fn device_pixels(width: f64) -> usize {
    let ratio = window().device_pixel_ratio().max(1.0);
    let width = if width > 0.0 { width } else { 800.0 };
    (width * ratio).ceil() as usize
}

/// The chart's box in device pixels: the first reduction's width, before Vega has laid out
/// the plot (which is narrower by the axes and legend).
fn pixel_width(el: &web_sys::HtmlElement) -> usize {
    device_pixels(f64::from(el.client_width()))
}

/// `performance.now()`, for the zoom's User Timing measures.
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// The rows of `chart` to send for the visible x (and y) range, as JSON.
fn rows_for(chart: &ChartSpec, prepared: Option<&Prepared>, viewport: Viewport) -> Option<String> {
    let data = chart.data.as_ref()?;
    let rows = match prepared {
        Some(prepared) => prepared.pick(viewport),
        None => (0..data.num_rows()).collect(),
    };
    Some(rows_json(data, &chart.columns, chart.index, rows))
}

/// A frame's columns read for reducing, a scatter's binned by its points' radius (in device
/// pixels): each cell keeps one point, so Vega draws far fewer and the picture barely changes.
fn prepare(data: &DataFrame, plan: &Plan, spec: &Value) -> Prepared {
    let radius = point_radius(spec).unwrap_or(0.0);
    Prepared::new(data, plan).with_cell(radius * window().device_pixel_ratio().max(1.0))
}

/// Builds what the zooms of a reduced line chart read when the page is next idle (after the
/// first paint), so the first zoom does not pay for it.
fn prepare_when_idle(prepared: Option<&Rc<Prepared>>) {
    if let Some(prepared) = prepared.cloned() {
        when_idle(Closure::once_into_js(move || prepared.prepare_zoom()));
    }
}

/// What a chart with a selection mode does with selections: sends them as its value.
#[derive(Clone)]
pub(crate) struct OnSelect {
    pub params: Vec<String>,
    pub sink: Sink,
}

type Render = fn(Memo<ChartProps>, Option<OnSelect>) -> AnyView;

thread_local! {
    static CHART: Cell<Option<Render>> = const { Cell::new(None) };
}

/// Makes [`draw_chart`] the chart renderer (called by every chart command), and starts
/// loading Vega, so it downloads and compiles while the script goes on and the page renders.
pub(crate) fn install() {
    if CHART.with(Cell::get).is_none() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = vendor::load(Library::Vega).await; // a failure is shown by the chart's own load
        });
    }
    CHART.with(|c| c.set(Some(draw_chart)));
}

/// A User Timing mark (`performance.mark`), for the benchmark's breakdown of a chart's draw.
fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Draws a chart element: its props, and (for `vega_lite_chart`) where selections go.
pub(crate) fn chart(props: Memo<ChartProps>, on_select: Option<OnSelect>) -> AnyView {
    crate::web::style::require(&crate::web::style::CHART);
    match CHART.with(Cell::get) {
        Some(render) => render(props, on_select),
        None => {
            view! { <div class="wl-chart-error">"This chart cannot be shown: its renderer is not installed."</div> }
                .into_any()
        }
    }
}

fn draw_chart(props: Memo<ChartProps>, on_select: Option<OnSelect>) -> AnyView {
    let host = NodeRef::<Div>::new();
    let error = RwSignal::new(None::<String>);
    let state: StoredValue<State, LocalStorage> = StoredValue::new_local(Rc::new(RefCell::new(None)));
    let generation = StoredValue::new(0_u64);
    let dark = dark_theme();
    let on_select = StoredValue::new_local(on_select);
    on_cleanup(move || {
        if let Some(state) = state.try_get_value() {
            state.borrow_mut().take();
        }
    });
    Effect::new(move |_| {
        let chart = props.with(|p| p.chart.clone());
        let dark = dark.get();
        let Some(el) = host.get() else { return };
        let state = state.get_value();
        // Same spec and theme: the data changes in the view that is there.
        if let Some(drawn) = state.borrow_mut().as_mut() {
            if drawn.spec == chart.spec && drawn.dark == dark {
                if drawn.data != chart.data {
                    update_data(drawn, &chart, &el);
                }
                return;
            }
        }
        state.borrow_mut().take();
        generation.update_value(|g| *g += 1);
        let ticket = generation.get_value();
        let on_select = on_select.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            let drawn = draw(&el, *chart, dark, on_select).await;
            if generation.try_get_value() != Some(ticket) {
                return; // a newer spec or theme is being drawn; this one is dropped (finalized)
            }
            match drawn {
                Ok(drawn) => {
                    error.set(None);
                    *state.borrow_mut() = Some(drawn);
                }
                Err(message) => error.set(Some(message)),
            }
        });
    });
    let height = move || props.with(|p| p.spec.get("height").and_then(Value::as_u64).unwrap_or(0));
    view! {
        <div class="wl-chart-box">
            <div
                class="wl-chart"
                node_ref=host
                style:min-height=move || format!("{}px", height())
                style:display=move || if error.with(Option::is_some) { "none" } else { "block" }
            ></div>
            {move || error.get().map(|message| view! {
                <div class="wl-chart-error" role="alert">
                    <strong>"This chart cannot be drawn"</strong>
                    <pre>{message}</pre>
                </div>
            })}
        </div>
    }
    .into_any()
}

/// Loads Vega if needed and embeds the chart; listens to zooms (large frames) and selections.
async fn draw(
    el: &web_sys::HtmlElement,
    chart: ChartSpec,
    dark: bool,
    on_select: Option<OnSelect>,
) -> Result<Drawn, String> {
    // The rows first: Vega is loading meanwhile (started by `install`).
    let prepared = match (&chart.data, &chart.plan) {
        (Some(data), Some(plan)) => Some(Rc::new(prepare(data, plan, &chart.spec))).filter(|p| p.reduces()),
        _ => None,
    };
    let width = pixel_width(el);
    let height = chart.spec.get("height").and_then(Value::as_u64).unwrap_or(350) as usize;
    let viewport = Viewport { x: None, y: None, width, height };
    let rows = rows_for(&chart, prepared.as_deref(), viewport);
    mark("wl-chart-rows");
    vendor::load(Library::Vega).await?;
    mark("wl-chart-vega");
    let sent = chart.data.as_ref().map_or(0, |d| if prepared.is_some() { SVG_ROWS + 1 } else { d.num_rows() });
    let config = palette::config(dark).to_string();
    let result = JsFuture::from(embed(el, &chart.spec.to_string(), &config, dark, rows, sent <= SVG_ROWS))
        .await
        .map_err(|e| error_text(&e))?;
    mark("wl-chart-embed");
    prepare_when_idle(prepared.as_ref());
    let view = view_of(&result);
    let mut listeners = Vec::new();
    let mut gesture = None;
    let source: Source = Rc::new(RefCell::new(prepared.clone().map(|p| (chart.clone(), p))));
    // Every zoomable chart listens: its frame may become large with new data.
    if let Some(plan) = chart.plan.clone() {
        let lines = plan.mode == Mode::Lines && mark_type(&chart.spec) == "line";
        let (view_for_zoom, source_for_zoom) = (view.clone(), source.clone());
        let rezoom = move |value: String| {
            let started = now();
            let source = source_for_zoom.borrow();
            // Vega zooms all rows when the frame is not reduced.
            let Some((chart, prepared)) = source.as_ref() else { return };
            // The interval's value: `{x field: [lo, hi]}` (and the y field's for scatters), or
            // `{}` when the viewer resets the zoom (a double click).
            let value: Value = serde_json::from_str(&value).unwrap_or(Value::Null);
            let ranges: Vec<(f64, f64)> = value
                .as_object()
                .map(|intervals| {
                    intervals
                        .values()
                        .filter_map(|v| Some((v.get(0)?.as_f64()?, v.get(1)?.as_f64()?)))
                        .map(|(a, b)| (a.min(b), a.max(b)))
                        .collect()
                })
                .unwrap_or_default();
            // The scale's domain when the value names no numbers (dates come as numbers, see
            // `listen`); mid-pulse it may still be the last interval's.
            let scale = |name: &str| -> Option<(f64, f64)> {
                let d = js_sys::Array::from(&domain(&view_for_zoom, name));
                Some((d.get(0).as_f64()?, d.get(1).as_f64()?))
            };
            let zoomed = value.as_object().is_some_and(|m| !m.is_empty());
            let viewport = Viewport {
                x: if zoomed { ranges.first().copied().or_else(|| scale("x")) } else { None },
                y: if zoomed && plan.mode == Mode::Points {
                    ranges.get(1).copied().or_else(|| scale("y"))
                } else {
                    None
                },
                // The plot's own width, as Vega laid it out: a zoom's rows are ≤ 4 per pixel column.
                width: device_pixels(plot_width(&view_for_zoom, false)),
                height: device_pixels(plot_width(&view_for_zoom, true)),
            };
            let Some(data) = chart.data.as_ref() else { return };
            let rows = prepared.pick(viewport);
            let picked = now();
            let rows = rows_json(data, &chart.columns, chart.index, rows);
            let _ = zoom_rows(&view_for_zoom, rows, started, picked);
        };
        // Vega calls this inside the pulse of each wheel or drag event, before it lays out
        // the scales and marks: the rows are picked for that interval there and then, so the
        // event's one render draws them (see `zoom_rows`).
        let zoom = Closure::<dyn FnMut(String)>::new(rezoom);
        listen(&view, ZOOM_PARAM, &zoom, true);
        listeners.push(zoom);
        if lines {
            gesture = Some(draw_gestures(el, &view, &chart.spec, &source));
        }
    }
    if let Some(OnSelect { params, sink }) = on_select {
        let selected: Rc<RefCell<Map<String, Value>>> = Rc::default();
        let pending: Rc<RefCell<Option<TimeoutHandle>>> = Rc::default();
        for param in params {
            let (selected, pending, name) = (selected.clone(), pending.clone(), param.clone());
            let listener = Closure::<dyn FnMut(String)>::new(move |value: String| {
                // Streamlit's shape: points as the list of selected points, intervals as they are.
                let value = streamlit_selection(serde_json::from_str(&value).unwrap_or(Value::Null));
                let empty = value.as_object().is_some_and(Map::is_empty) || value.as_array().is_some_and(Vec::is_empty);
                if empty {
                    selected.borrow_mut().remove(&name);
                } else {
                    selected.borrow_mut().insert(name.clone(), value);
                }
                // A brush moves many times a second: the script reruns once it rests.
                if let Some(handle) = pending.borrow_mut().take() {
                    handle.clear();
                }
                let wire = Value::Object(selected.borrow().clone()).to_string();
                let handle = set_timeout_with_handle(
                    move || sink.send(WidgetValue::Text(wire)),
                    std::time::Duration::from_millis(150),
                );
                *pending.borrow_mut() = handle.ok();
            });
            listen(&view, &param, &listener, false);
            listeners.push(listener);
        }
    }
    Ok(Drawn {
        result,
        view,
        spec: chart.spec,
        dark,
        data: chart.data,
        source,
        _listeners: listeners,
        _gesture: gesture,
    })
}

/// Draws the steps of a wheel gesture over a reduced line chart on a canvas of the page's own
/// (`zoom_gesture`), from the rows a zoom to the same interval sends Vega: Vega draws once the
/// gesture rests. The lines are read from `source` at each step, so new data is zoomed too.
fn draw_gestures(el: &web_sys::HtmlElement, view: &JsValue, spec: &Value, source: &Source) -> Gesture {
    let (view_for_lines, source_for_lines) = (view.clone(), source.clone());
    let lines = Closure::<dyn FnMut(f64, f64) -> JsValue>::new(move |lo: f64, hi: f64| {
        let source = source_for_lines.borrow();
        let Some((chart, prepared)) = source.as_ref() else { return JsValue::NULL };
        let viewport = Viewport {
            x: Some((lo.min(hi), lo.max(hi))),
            y: None,
            width: device_pixels(plot_width(&view_for_lines, false)),
            height: device_pixels(plot_width(&view_for_lines, true)),
        };
        let lines = prepared.lines(viewport);
        if lines.is_empty() {
            return JsValue::NULL;
        }
        // [count, then per line: its label's index, its point count, x and y pairs].
        let folded = chart.plan.as_ref().is_some_and(|plan| plan.ys.len() > 1);
        let mut flat = Vec::with_capacity(1 + lines.iter().map(|l| 2 + 2 * l.points.len()).sum::<usize>());
        flat.push(lines.len() as f64);
        for line in lines {
            flat.push(if folded { line.y as f64 } else { f64::from(line.series) });
            flat.push(line.points.len() as f64);
            flat.extend(line.points.into_iter().flat_map(|(x, y)| [x, y]));
        }
        js_sys::Float64Array::from(&flat[..]).into()
    });
    let source_for_labels = source.clone();
    let labels = Closure::<dyn FnMut() -> String>::new(move || {
        let source = source_for_labels.borrow();
        let Some((chart, prepared)) = source.as_ref() else { return "[]".into() };
        series_labels(chart, prepared)
    });
    let field = spec.pointer("/encoding/x/field").and_then(Value::as_str).unwrap_or(INDEX_FIELD);
    zoom_gesture(el, view, field, &lines, &labels);
    (lines, labels)
}

/// What Vega's colour scale knows each line of [`Prepared::lines`] by, as a JSON array: the y
/// columns' names when several are folded, else each series' value of the group column (as
/// the rows sent carry it), else one `null` (a single line, drawn in its mark's colour).
fn series_labels(chart: &ChartSpec, prepared: &Prepared) -> String {
    let (Some(data), Some(plan)) = (chart.data.as_ref(), chart.plan.as_ref()) else { return "[]".into() };
    let names = data.column_names();
    if plan.ys.len() > 1 {
        return Value::from(plan.ys.iter().map(|&y| names[y]).collect::<Vec<_>>()).to_string();
    }
    let Some(group) = plan.group else { return "[null]".into() };
    let rows: Value =
        serde_json::from_str(&rows_json(data, &[group], false, prepared.series_rows())).unwrap_or_default();
    let values = rows.as_array().map(|rows| rows.iter().map(|row| row[names[group]].clone()).collect());
    Value::Array(values.unwrap_or_default()).to_string()
}

/// New data for a drawn chart: appended rows are inserted, anything else replaces the rows
/// (re-reduced when the frame is large); the view stays.
fn update_data(drawn: &mut Drawn, chart: &ChartSpec, el: &web_sys::HtmlElement) {
    let shown = drawn.data.as_ref().map_or(0, DataFrame::num_rows);
    let prepared = match (&chart.data, &chart.plan) {
        (Some(data), Some(plan)) => Some(Rc::new(prepare(data, plan, &chart.spec))).filter(|p| p.reduces()),
        _ => None,
    };
    let appended = chart.appended_from == Some(shown) && drawn.source.borrow().is_none() && prepared.is_none();
    if let (true, Some(data)) = (appended, &chart.data) {
        let rows = rows_json(data, &chart.columns, chart.index, shown..data.num_rows());
        let _ = insert_rows(&drawn.view, rows);
    } else {
        let height = chart.spec.get("height").and_then(Value::as_u64).unwrap_or(350) as usize;
        let viewport = Viewport { x: None, y: None, width: pixel_width(el), height };
        let rows = rows_for(chart, prepared.as_deref(), viewport).unwrap_or_else(|| "[]".into());
        let _ = replace_rows(&drawn.view, rows);
    }
    prepare_when_idle(prepared.as_ref());
    drawn.data = chart.data.clone();
    *drawn.source.borrow_mut() = prepared.map(|p| (chart.clone(), p));
}

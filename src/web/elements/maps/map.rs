//! Renders `map`: Leaflet for the basemap tiles, panning and zoom buttons, loaded the first
//! time a map is shown ([`vendor::load`]); the points drawn by Rust on one canvas over the
//! tiles.
//!
//! The points are projected once per data ([`Projected`]); every `zoom`, `resize` and the end
//! of every move of the map draws those on the screen into RGBA pixels ([`Projected::draw`],
//! off-screen points skipped) and hands them to the canvas in one `putImageData`. While the
//! map moves at the same zoom (a drag, a pan) the last drawing is only shifted with a CSS
//! transform, as Leaflet shifts its tiles, which costs no drawing: the points are drawn again,
//! at most once per animation frame, when the move ends. During Leaflet's zoom animation the
//! canvas is scaled with a CSS transform like the tiles, then redrawn sharp. The points need
//! no tile, so they are drawn when tiles cannot load (offline, in tests).
//!
//! Like the table, the renderer is installed by the script's first `map` call, so an app
//! without maps does not carry it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};

use crate::elements::maps::map::{MapProps, MapWidth, Tiles};
use crate::elements::maps::mercator::{project, unproject, View};
use crate::elements::maps::raster::Projected;
use crate::web::elements::DisplayCell;
use crate::web::vendor::{self, Library};

type Render = fn(DisplayCell<MapProps>) -> AnyView;

thread_local! {
    static MAP: Cell<Option<Render>> = const { Cell::new(None) };
}

/// Makes [`map`] the map renderer (called by every `ui.map(..)`).
pub(crate) fn install() {
    MAP.with(|m| m.set(Some(map)));
}

pub(crate) fn render(cell: DisplayCell<MapProps>) -> AnyView {
    crate::web::style::require(&crate::web::style::MAP);
    match MAP.with(Cell::get) {
        Some(map) => map(cell),
        None => view! { <div class="wl-grid-missing">"This map cannot be shown: its renderer is not installed."</div> }
            .into_any(),
    }
}

/// Leaflet's zoom animation (leaflet.css: `.leaflet-zoom-anim .leaflet-zoom-animated`).
const ZOOM_TRANSITION: &str = "transform 0.25s cubic-bezier(0,0,0.25,1)";

fn map(cell: DisplayCell<MapProps>) -> AnyView {
    let props = cell.props;
    let container = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(None::<String>);
    let live: StoredValue<Option<Rc<RefCell<LiveMap>>>, LocalStorage> = StoredValue::new_local(None);

    // Load Leaflet once the element is in the page, then make the map.
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let Some(div) = container.get() else { return false };
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(message) = vendor::load(Library::Leaflet).await {
                failed.set(Some(message));
                return;
            }
            let div: web_sys::HtmlElement = div.into();
            let Some(first) = props.try_get_untracked() else { return };
            match LiveMap::create(&div, &first) {
                Ok(map) => {
                    if live.try_set_value(Some(map.clone())).is_some() {
                        // The element went away while Leaflet loaded.
                        map.borrow_mut().remove();
                    }
                }
                Err(error) => failed.set(Some(describe(&error))),
            }
        });
        true
    });
    // New props (another frame, other options): the same map, new points.
    Effect::new(move |_| {
        props.with(|p| {
            if let Some(map) = live.with_value(Clone::clone) {
                if let Ok(mut map) = map.try_borrow_mut() {
                    map.update(p);
                }
            }
        });
    });
    on_cleanup(move || {
        if let Some(Some(map)) = live.try_update_value(Option::take) {
            map.borrow_mut().remove();
        }
    });

    let style = move || {
        props.with(|p| {
            let width = match p.width {
                MapWidth::Stretch => "100%".to_string(),
                MapWidth::Pixels(px) => format!("min({px}px, 100%)"),
            };
            format!("width: {width}; height: {}px;", p.height)
        })
    };
    view! {
        <div class="wl-map-frame">
            <Show when=move || failed.with(Option::is_some)>
                <div class="wl-exception-box" role="alert">
                    <div class="wl-exception-kind">"The map could not be shown"</div>
                    <pre class="wl-exception-message">{move || failed.get().unwrap_or_default()}</pre>
                </div>
            </Show>
            <div class="wl-map-leaflet" node_ref=container style=style hidden=move || failed.with(Option::is_some)></div>
        </div>
    }
    .into_any()
}

/// A Leaflet map with its points canvas, and what keeps them in step.
struct LiveMap {
    map: JsValue,
    tiles: JsValue,
    tile_url: String,
    div: web_sys::HtmlElement,
    canvas: web_sys::HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
    props: MapProps,
    projected: Projected,
    /// Whether the first view (fitted to the points) has been set: it needs the map's size.
    placed: bool,
    /// The view the canvas holds a drawing of (a move at its zoom only shifts the canvas).
    drawn: Option<View>,
    /// A redraw is asked for on the next animation frame.
    pending: Rc<Cell<bool>>,
    /// Leaflet handlers and observers, kept alive until [`LiveMap::remove`].
    closures: Vec<Closure<dyn FnMut(JsValue)>>,
    observers: Vec<JsValue>,
    media: Option<web_sys::MediaQueryList>,
}

impl LiveMap {
    fn create(div: &web_sys::HtmlElement, props: &MapProps) -> Result<Rc<RefCell<LiveMap>>, JsValue> {
        let leaflet = get(&window(), "L");
        let options = object(&[
            ("zoomControl", false.into()),
            ("attributionControl", true.into()),
            ("maxZoom", 22.into()),
            ("zoomSnap", 1.into()),
        ]);
        let map = call(&leaflet, "map", &[div.into(), options.into()])?;
        // The zoom buttons at the top right, where Streamlit's map has them.
        let zoom = call(&get(&leaflet, "control"), "zoom", &[object(&[("position", "topright".into())]).into()])?;
        call(&zoom, "addTo", std::slice::from_ref(&map))?;
        let dark = crate::web::context::is_dark(div);
        let tile_url = if dark { props.tiles.dark.clone() } else { props.tiles.light.clone() };
        let tiles = tile_layer(&map, &props.tiles, &tile_url)?;

        let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
        canvas.set_class_name("wl-map-points");
        div.append_child(&canvas)?;
        let context: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("no 2D canvas context"))?.unchecked_into();

        let live = Rc::new(RefCell::new(LiveMap {
            map: map.clone(),
            tiles,
            tile_url,
            div: div.clone(),
            canvas,
            context,
            props: props.clone(),
            projected: Projected::new(&props.points),
            placed: false,
            drawn: None,
            pending: Rc::new(Cell::new(false)),
            closures: Vec::new(),
            observers: Vec::new(),
            media: None,
        }));

        // A move shifts the drawing, the move's end redraws it; a zoom or a reset redraws.
        let shift = handler(&live, |map, _| map.shift());
        call(&map, "on", &["move".into(), shift.as_ref().clone()])?;
        let settle = handler_rc(&live, LiveMap::redraw_on_next_frame);
        call(&map, "on", &["moveend".into(), settle.as_ref().clone()])?;
        let redraw = handler(&live, |map, _| map.redraw());
        call(&map, "on", &["zoom viewreset resize".into(), redraw.as_ref().clone()])?;
        let animate = handler(&live, |map, event| map.animate_zoom(&event));
        call(&map, "on", &["zoomanim".into(), animate.as_ref().clone()])?;
        // The element's size changes with the layout (a tab shown, the sidebar closed).
        let resized = handler(&live, |map, _| map.resized());
        let resize_observer = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref())?;
        resize_observer.observe(div);
        // The theme: the viewer's choice in the menu (data-theme) or the system's.
        let themed = handler(&live, |map, _| map.follow_theme());
        let mutation_observer = web_sys::MutationObserver::new(themed.as_ref().unchecked_ref())?;
        if let Some(app) = div.closest(".wl-app")? {
            let init = web_sys::MutationObserverInit::new();
            init.set_attributes(true);
            init.set_attribute_filter(&Array::of1(&"data-theme".into()));
            mutation_observer.observe_with_options(&app, &init)?;
        }
        let media = window().match_media("(prefers-color-scheme: dark)").ok().flatten();
        if let Some(media) = &media {
            media.add_event_listener_with_callback("change", themed.as_ref().unchecked_ref())?;
        }
        {
            let mut this = live.borrow_mut();
            this.closures.extend([shift, settle, redraw, animate, resized, themed]);
            this.observers.extend([resize_observer.into(), mutation_observer.into()]);
            this.media = media;
            this.resized();
        }
        Ok(live)
    }

    /// The view Leaflet shows now.
    fn view(&self) -> View {
        let center = call(&self.map, "getCenter", &[]).unwrap_or(JsValue::NULL);
        let size = call(&self.map, "getSize", &[]).unwrap_or(JsValue::NULL);
        let zoom = call(&self.map, "getZoom", &[]).ok().and_then(|z| z.as_f64()).unwrap_or(0.0);
        View {
            center: project(number(&center, "lat"), number(&center, "lng")),
            zoom,
            width: number(&size, "x"),
            height: number(&size, "y"),
        }
    }

    /// The map moved: at the zoom of the drawing, shift the drawing with the map (a CSS
    /// transform, no drawing); at another zoom, draw again.
    fn shift(&mut self) {
        let view = self.view();
        let Some(drawn) =
            self.drawn.filter(|d| d.zoom == view.zoom && d.width == view.width && d.height == view.height)
        else {
            return self.redraw();
        };
        let scale = view.scale();
        let (dx, dy) = ((drawn.center.0 - view.center.0) * scale, (drawn.center.1 - view.center.1) * scale);
        let style = web_sys::HtmlElement::style(&self.canvas);
        let _ = style.set_property("transition", "none");
        let _ = style.set_property("transform", &format!("translate({dx}px, {dy}px)"));
    }

    /// Draws the points on the next animation frame (once, however often it is asked).
    fn redraw_on_next_frame(live: &Rc<RefCell<LiveMap>>) {
        let Ok(map) = live.try_borrow() else { return };
        if map.pending.replace(true) {
            return;
        }
        let weak = Rc::downgrade(live);
        request_animation_frame(move || {
            if let Some(live) = weak.upgrade() {
                if let Ok(mut map) = live.try_borrow_mut() {
                    map.pending.set(false);
                    map.redraw();
                }
            }
        });
    }

    /// Draws the points seen now, sharp for the screen's pixel ratio.
    fn redraw(&mut self) {
        let view = self.view();
        self.drawn = Some(view);
        let style = web_sys::HtmlElement::style(&self.canvas);
        let _ = style.set_property("transition", "none");
        let _ = style.set_property("transform", "none");
        if view.width < 1.0 || view.height < 1.0 {
            return;
        }
        let started = now_ms();
        let (raster, drawn) = self.projected.draw(&view, window().device_pixel_ratio());
        let (width, height) = (raster.width() as u32, raster.height() as u32);
        if self.canvas.width() != width || self.canvas.height() != height {
            self.canvas.set_width(width);
            self.canvas.set_height(height);
        }
        let _ = style.set_property("width", &format!("{}px", view.width));
        let _ = style.set_property("height", &format!("{}px", view.height));
        let rgba = raster.into_rgba();
        if let Ok(image) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), width, height) {
            let _ = self.context.put_image_data(&image, 0.0, 0.0);
        }
        // For tests and measurements: how many points are on the screen, how long it took, and
        // the view they were drawn for.
        let (lat, lon) = unproject(view.center.0, view.center.1);
        for (name, value) in [
            ("data-points", drawn.to_string()),
            ("data-draw-ms", format!("{:.1}", now_ms() - started)),
            ("data-center", format!("{lat},{lon}")),
            ("data-zoom", view.zoom.to_string()),
        ] {
            let _ = self.canvas.set_attribute(name, &value);
        }
    }

    /// Leaflet starts a zoom animation to `event.center` at `event.zoom`: carry the drawn
    /// points along with the tiles.
    fn animate_zoom(&self, event: &JsValue) {
        let now = self.view();
        let center = get(event, "center");
        let Some(zoom) = get(event, "zoom").as_f64() else { return };
        let next = View { center: project(number(&center, "lat"), number(&center, "lng")), zoom, ..now };
        let (tx, ty, s) = now.transform_to(&next);
        let style = web_sys::HtmlElement::style(&self.canvas);
        let _ = style.set_property("transition", ZOOM_TRANSITION);
        let _ = style.set_property("transform", &format!("translate({tx}px, {ty}px) scale({s})"));
    }

    /// The element's size changed: tell Leaflet, place the first view once there is a size.
    fn resized(&mut self) {
        let _ = call(&self.map, "invalidateSize", &[object(&[("animate", false.into())]).into()]);
        if !self.placed {
            let width = f64::from(self.div.client_width());
            let height = f64::from(self.div.client_height());
            if width < 1.0 || height < 1.0 {
                return;
            }
            self.place(width, height);
        }
        self.redraw();
    }

    /// Shows the first view: the script's zoom or the points fitted.
    fn place(&mut self, width: f64, height: f64) {
        let points = &self.props.points;
        let view = View::initial(points.bounds.as_ref(), self.props.zoom, width, height);
        let (lat, lon) = unproject(view.center.0, view.center.1);
        let center = Array::of2(&lat.into(), &lon.into());
        let _ =
            call(&self.map, "setView", &[center.into(), view.zoom.into(), object(&[("animate", false.into())]).into()]);
        self.placed = true;
    }

    /// New props: new points; a new place when the points moved elsewhere or the zoom changed,
    /// else the viewer's pan and zoom stay.
    fn update(&mut self, props: &MapProps) {
        if *props == self.props {
            return;
        }
        let moved = props.points.bounds != self.props.points.bounds || props.zoom != self.props.zoom;
        let tiles_changed = props.tiles != self.props.tiles;
        if props.points != self.props.points {
            self.projected = Projected::new(&props.points);
        }
        self.props = props.clone();
        if tiles_changed {
            // A new layer, for the new attribution as well as the new URLs.
            let _ = call(&self.tiles, "remove", &[]);
            let url =
                if crate::web::context::is_dark(&self.div) { &self.props.tiles.dark } else { &self.props.tiles.light };
            if let Ok(tiles) = tile_layer(&self.map, &self.props.tiles, url) {
                self.tiles = tiles;
                self.tile_url = url.clone();
            }
        }
        if moved {
            self.placed = false;
            self.resized();
        } else {
            self.redraw();
        }
    }

    /// Swaps the tiles when the page's theme changed.
    fn follow_theme(&mut self) {
        let url =
            if crate::web::context::is_dark(&self.div) { &self.props.tiles.dark } else { &self.props.tiles.light };
        if *url != self.tile_url {
            self.tile_url = url.clone();
            let _ = call(&self.tiles, "setUrl", &[url.as_str().into()]);
        }
    }

    /// Removes the map, its listeners and observers.
    fn remove(&mut self) {
        let _ = call(&self.map, "remove", &[]);
        for observer in self.observers.drain(..) {
            let _ = call(&observer, "disconnect", &[]);
        }
        if let (Some(media), Some(themed)) = (&self.media, self.closures.last()) {
            let _ = media.remove_event_listener_with_callback("change", themed.as_ref().unchecked_ref());
        }
        self.closures.clear();
    }
}

/// A handler for Leaflet events and observers that reaches the map, unless the map is busy
/// (an event fired while it updates: it redraws at the end anyway).
fn handler(live: &Rc<RefCell<LiveMap>>, act: fn(&mut LiveMap, JsValue)) -> Closure<dyn FnMut(JsValue)> {
    let weak = Rc::downgrade(live);
    Closure::new(move |event: JsValue| {
        if let Some(live) = weak.upgrade() {
            if let Ok(mut map) = live.try_borrow_mut() {
                act(&mut map, event);
            }
        }
    })
}

/// A handler that gets the map itself (to schedule work on it for later).
fn handler_rc(live: &Rc<RefCell<LiveMap>>, act: fn(&Rc<RefCell<LiveMap>>)) -> Closure<dyn FnMut(JsValue)> {
    let weak = Rc::downgrade(live);
    Closure::new(move |_: JsValue| {
        if let Some(live) = weak.upgrade() {
            act(&live);
        }
    })
}

/// A tile layer of `url` (a template of `tiles`) added to `map`.
fn tile_layer(map: &JsValue, tiles: &Tiles, url: &str) -> Result<JsValue, JsValue> {
    let options = object(&[
        ("attribution", escape_html(&tiles.attribution).into()),
        ("subdomains", "abcd".into()),
        ("maxZoom", 22.into()),
        ("maxNativeZoom", 19.into()),
    ]);
    let layer = call(&get(&window(), "L"), "tileLayer", &[url.into(), options.into()])?;
    call(&layer, "addTo", std::slice::from_ref(map))?;
    Ok(layer)
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn number(target: &JsValue, key: &str) -> f64 {
    get(target, key).as_f64().unwrap_or(0.0)
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = get(target, method).dyn_into()?;
    function.apply(target, &args.iter().collect::<Array>())
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

/// A JavaScript error as text.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "Leaflet could not make the map".into())
}

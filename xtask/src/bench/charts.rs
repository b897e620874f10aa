//! `cargo xtask bench`, the charts section (`--only charts` runs it alone): charts of 10,000,
//! 100,000 and 1,000,000 rows, in the tab and in Streamlit, in the same run.
//!
//! 1. **Apps**: `bench/apps/charts` draws one chart per load, chosen by `?chart=`: a
//!    10,000-point `line_chart`, a 100,000-point `scatter_chart`, a 1,000,000-row `line_chart`
//!    (fixed-seed random walks and clouds built by the script). It shows what it built in a code
//!    block, then marks `wl-chart-call` (User Timing) just before the chart call.
//!    `bench/peer/charts.py` does the same with numpy and Streamlit's chart commands.
//! 2. **Painted**: `charts.js` (injected before the page's scripts) checks at the start of
//!    every animation frame whether Vega's marks are drawn: its `<canvas class="marks">` has a
//!    coloured pixel (a series colour; axes, grid and labels are grey), or its `<svg
//!    class="marks">` has a line, symbol, area or rect path. The chart is *painted* when that
//!    frame has been rendered. Time to chart = painted − the chart call (wasmlit: the
//!    `wl-chart-call` mark; Streamlit: the code block, sent just before the chart, in the DOM).
//!    A load that is not painted within [`PAINT_TIMEOUT_MS`] counts as "not drawn".
//! 3. **Hover, zoom, drag**: trusted mouse events through CDP `Input.dispatchMouseEvent`, one
//!    every [`INPUT_EVERY`]. On the 1,000,000-row chart the pointer sweeps across the plot
//!    ("hover", tooltips on), then the wheel zooms in and back out at the plot's centre
//!    ("zoom"); on a map of 100,000 points (`?chart=map_100k`, Streamlit's `st.map` beside) the
//!    left button drags the map across ("drag"). Meanwhile `frames.js` records every animation
//!    frame's begin time and the long animation frames; a frame's time is the difference of
//!    consecutive begin times. The map is *drawn* when wasmlit's points canvas says it drew
//!    points, or Streamlit's deck.gl has issued the instanced WebGL draw of its points.
//!
//! Every load is in a new browser with the HTTP cache disabled; the tools take turns.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Map, Value};

use super::browser::{self, ChromeDriver, Session};
use super::peer::{self, Venv};
use super::stats::{self, json_of, Summary};
use super::{ms, ratio, Options, Tool};
use crate::setup::Tools;
use crate::static_server::StaticServer;
use crate::util::Result;

const CHARTS_JS: &str = include_str!("charts.js");
const CHARTS_WAIT_JS: &str = include_str!("charts_wait.js");
const FRAMES_JS: &str = include_str!("frames.js");

/// The charts: (`?chart=` value, label, goal for the time to the painted chart in ms).
const CASES: [(&str, &str, Option<f64>); 4] = [
    ("line_10k", "line_chart, 10,000 points", None),
    ("scatter_100k", "scatter_chart, 100,000 points", None),
    ("map_100k", "map, 100,000 points", None),
    // Last: Streamlit's page may freeze drawing it.
    ("line_1m", "line_chart, 1,000,000 rows", Some(500.0)),
];

/// How long a load may take until its chart is painted.
const PAINT_TIMEOUT_MS: u64 = 60_000;

/// Loads per tool and chart: (warm-up, measured).
const FULL_LOADS: (usize, usize) = (1, 3);
const QUICK_LOADS: (usize, usize) = (0, 1);

/// The input passes: (chart, pass, events).
const PASSES: [(&str, &str, usize); 3] =
    [("line_1m", "hover", 120), ("line_1m", "zoom", 120), ("map_100k", "drag", 120)];
/// How long one input pass may take (120 events take 2 s on a page that keeps up).
const PASS_TIMEOUT: Duration = Duration::from_secs(40);
/// One input event per 60 Hz frame.
const INPUT_EVERY: Duration = Duration::from_micros(16_667);

/// The frame budget the goal names, and the interval that shows a missed frame: frame begin
/// times sit on the vsync grid, so a frame that overran shows as an interval of two vsyncs or
/// more (over 1.5 vsyncs is a miss).
const FRAME_BUDGET_MS: f64 = 16.7;
const MISSED_MS: f64 = 25.0;

/// When the chart of one load was drawn, in ms after navigation start.
struct Paint {
    /// wasmlit's `wl-chart-call` mark.
    call: Option<f64>,
    code_dom: f64,
    marks_dom: f64,
    painted: f64,
    renderer: String,
    /// wasmlit's steps, ms after the chart call: Vega loaded, the rows picked and encoded,
    /// vega-embed done (User Timing marks of the chart renderer).
    steps: Map<String, Value>,
}

impl Paint {
    /// The chart call (Streamlit: the code block before it shown) → the chart painted.
    fn chart_ms(&self) -> f64 {
        self.painted - self.call.unwrap_or(self.code_dom)
    }
}

/// One input pass: frame durations and long animation frames.
struct Pass {
    name: &'static str,
    frames: Vec<f64>,
    /// Each frame's main-thread work (its begin time to the end of its rendering update).
    work: Vec<f64>,
    long_frames: Vec<f64>,
    /// How long sending the events took (CDP waits for the page to take each one).
    send_ms: f64,
    /// The page's User Timing measures during the pass, by name (wasmlit's zoom steps).
    measures: BTreeMap<String, Vec<f64>>,
}

/// One load of one chart by one tool.
struct ChartRun {
    tool: Tool,
    case: &'static str,
    /// The paint, or why there was none.
    paint: std::result::Result<Paint, String>,
    passes: Vec<Pass>,
    /// The input pass given up (the page stopped taking input within [`PASS_TIMEOUT`]).
    gave_up: Option<String>,
}

/// What the charts section measured.
pub struct ChartsResults {
    build_seconds: Option<f64>,
    runs: Vec<ChartRun>,
}

/// Builds the app (unless `--no-build`) and measures both tools.
pub fn run(tools: &Tools, options: &Options, venv: Option<&Venv>, bench_dir: &Path) -> Result<ChartsResults> {
    let dist = bench_dir.join("dist").join("charts");
    println!("\n==> bench: charts");
    let build_seconds = if options.build {
        Some(super::build(tools, "charts", "bench/apps/charts", &dist)?.as_secs_f64())
    } else if dist.join("index.html").is_file() {
        None
    } else {
        return Err(format!("--no-build, but {} has no build", dist.display()));
    };
    let chrome = tools.chrome()?.to_path_buf();
    let chromedriver = tools.chromedriver()?.to_path_buf();
    let runs = super::runtime()?.block_on(measure(options, &chrome, &chromedriver, &dist, venv, bench_dir))?;
    Ok(ChartsResults { build_seconds, runs })
}

async fn measure(
    options: &Options,
    chrome: &Path,
    chromedriver: &Path,
    dist: &Path,
    venv: Option<&Venv>,
    bench_dir: &Path,
) -> Result<Vec<ChartRun>> {
    let server = StaticServer::start(dist, "/").map_err(|e| format!("cannot serve the charts app: {e}"))?;
    let peer = match venv.filter(|_| options.peer) {
        Some(venv) => {
            println!("--> streamlit run bench/peer/charts.py");
            Some(peer::Streamlit::start(venv, "charts.py", bench_dir)?)
        }
        None => None,
    };
    let driver = ChromeDriver::start(chromedriver)?;
    let mut targets = vec![(Tool::Wasmlit, server.url())];
    if let Some(peer) = &peer {
        targets.push((Tool::Streamlit, peer.url("")));
    }
    let (warm_up, measured) = if options.quick { QUICK_LOADS } else { FULL_LOADS };
    let mut runs = Vec::new();
    for (case, label, _) in CASES {
        // A tool that could not draw a chart once is not asked again (each try costs the timeout).
        let mut gave_up: Vec<Tool> = Vec::new();
        for round in 0..warm_up + measured {
            for (tool, base) in &targets {
                if gave_up.contains(tool) {
                    continue;
                }
                let url = format!("{}/?chart={case}", base.trim_end_matches('/'));
                let session = browser::session(&driver, chrome).await?;
                // A page busy drawing answers no script: wait for the paint a little longer than
                // the paint's own timeout, not WebDriver's default.
                let timeouts = TimeoutConfiguration::new(
                    Some(Duration::from_millis(PAINT_TIMEOUT_MS + 15_000)),
                    Some(Duration::from_secs(120)),
                    Some(Duration::ZERO),
                );
                session.client.update_timeouts(timeouts).await.map_err(|e| format!("WebDriver timeouts: {e}"))?;
                let run = load(&session, *tool, case, &url).await;
                // Closing a browser whose page is still busy may not answer: the driver goes anyway.
                let _ = tokio::time::timeout(Duration::from_secs(30), session.close()).await;
                let run = run?;
                let passes: Vec<String> = run
                    .passes
                    .iter()
                    .filter_map(|p| {
                        let s = Summary::of(&p.frames)?;
                        let steps: Vec<String> = p
                            .measures
                            .iter()
                            .filter_map(|(k, v)| Some(format!("{k} {}", ms(Summary::of(v)?.median))))
                            .collect();
                        let steps =
                            if steps.is_empty() { String::new() } else { format!(" (medians: {})", steps.join(", ")) };
                        Some(format!("{} frames median / p95 {} / {} ms{steps}", p.name, ms(s.median), ms(s.p95)))
                    })
                    .collect();
                println!(
                    "    {:<9} {label:<30} load {}{}  {}{}",
                    tool.name(),
                    round + 1,
                    if round < warm_up { " (warm-up)" } else { "          " },
                    match &run.paint {
                        Ok(p) => format!(
                            "painted {} ms after the call ({}){}",
                            ms(p.chart_ms()),
                            p.renderer,
                            if p.steps.is_empty() {
                                String::new()
                            } else {
                                format!(" steps {}", Value::Object(p.steps.clone()))
                            }
                        ),
                        Err(e) => format!("not drawn: {e}"),
                    },
                    if passes.is_empty() { String::new() } else { format!("; {}", passes.join(", ")) }
                );
                if let Some(pass) = &run.gave_up {
                    println!("              input given up: {pass}");
                }
                if run.paint.is_err() {
                    gave_up.push(*tool);
                }
                if round >= warm_up || run.paint.is_err() {
                    runs.push(run);
                }
            }
        }
    }
    drop(driver);
    drop(peer);
    drop(server);
    Ok(runs)
}

/// One load: open the page, wait for the painted chart, then (on the interactive chart) hover
/// and zoom it.
async fn load(session: &Session, tool: Tool, case: &'static str, url: &str) -> Result<ChartRun> {
    session.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": CHARTS_JS })).await?;
    session.goto(url).await?;
    let mut run = ChartRun { tool, case, paint: Err(String::new()), passes: Vec::new(), gave_up: None };
    // A page busy drawing cannot run the waiting script's timer: WebDriver's script timeout.
    // A frozen page may not even let ChromeDriver time the script out: give up here too.
    let wait = session.execute_async(CHARTS_WAIT_JS, vec![json!(PAINT_TIMEOUT_MS)]);
    let answer = tokio::time::timeout(Duration::from_millis(PAINT_TIMEOUT_MS + 20_000), wait).await;
    let info = match answer.unwrap_or_else(|_| Err("timeout: no answer".into())) {
        Ok(info) => info,
        Err(e) if e.contains("timeout") => {
            run.paint = Err("the page stopped answering while drawing (WebDriver script timeout)".into());
            return Ok(run);
        }
        Err(e) => return Err(e),
    };
    if info.get("error").is_some() {
        let alert = info["alert"].as_str().map(|a| format!(" ({a})")).unwrap_or_default();
        run.paint = Err(format!("not painted within {} s{alert}", PAINT_TIMEOUT_MS / 1000));
        return Ok(run);
    }
    let num = |key: &str| info[key].as_f64().unwrap_or(f64::NAN);
    run.paint = Ok(Paint {
        call: info["call"].as_f64(),
        code_dom: num("codeDom"),
        marks_dom: num("marksDom"),
        painted: num("painted"),
        renderer: info["renderer"].as_str().unwrap_or("?").to_owned(),
        steps: info["steps"].as_object().cloned().unwrap_or_default(),
    });
    let passes: Vec<(&'static str, usize)> =
        PASSES.iter().filter(|(c, _, _)| *c == case).map(|(_, name, events)| (*name, *events)).collect();
    if passes.is_empty() {
        return Ok(run);
    }
    let box_ = &info["box"];
    let (Some(x), Some(y), Some(width), Some(height)) =
        (box_["x"].as_f64(), box_["y"].as_f64(), box_["width"].as_f64(), box_["height"].as_f64())
    else {
        return Err(format!("{} {url}: the chart has no box: {info}", tool.name()));
    };
    // Let the page settle (Streamlit finishes its run, fonts load) before the input.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    for (name, events) in passes {
        // A page may stop taking input (Streamlit's deck.gl map on software GL did, for minutes):
        // the pass is given up, and the load's other passes with it.
        let pass = tokio::time::timeout(PASS_TIMEOUT, input_pass(session, name, events, (x, y, width, height))).await;
        match pass {
            Ok(pass) => run.passes.push(pass.map_err(|e| format!("{} {url}: {name}: {e}", tool.name()))?),
            Err(_) => {
                run.gave_up = Some(format!("{name}: no end within {} s", PASS_TIMEOUT.as_secs()));
                break;
            }
        }
    }
    Ok(run)
}

/// One input pass of `events` trusted mouse events over the chart's box `(x, y, width, height)`,
/// with the frames recorded meanwhile.
async fn input_pass(session: &Session, name: &'static str, events: usize, box_: (f64, f64, f64, f64)) -> Result<Pass> {
    let (x, y, width, height) = box_;
    session.execute(FRAMES_JS, vec![json!("start")]).await?;
    if name == "drag" {
        let press = json!({ "type": "mousePressed", "x": x + width * 0.2, "y": y + height * 0.5, "button": "left", "buttons": 1, "clickCount": 1 });
        session.cdp("Input.dispatchMouseEvent", press).await?;
    }
    let start = Instant::now();
    for i in 0..events {
        let event = match name {
            // Across the plot, left to right, at mid height (the axes are at the edges).
            "hover" => {
                let px = x + width * (0.15 + 0.7 * i as f64 / (events - 1).max(1) as f64);
                json!({ "type": "mouseMoved", "x": px, "y": y + height * 0.45 })
            }
            // Left to right across the middle of the map, the button held.
            "drag" => {
                let px = x + width * (0.2 + 0.6 * (i + 1) as f64 / events as f64);
                json!({ "type": "mouseMoved", "x": px, "y": y + height * 0.5, "button": "left", "buttons": 1 })
            }
            // In for the first half, back out for the second.
            _ => {
                let delta = if i < events / 2 { -100 } else { 100 };
                json!({ "type": "mouseWheel", "x": x + width * 0.5, "y": y + height * 0.45, "deltaX": 0, "deltaY": delta })
            }
        };
        session.cdp("Input.dispatchMouseEvent", event).await?;
        let next = INPUT_EVERY * (i as u32 + 1);
        if let Some(wait) = next.checked_sub(start.elapsed()) {
            tokio::time::sleep(wait).await;
        }
    }
    let send_ms = start.elapsed().as_secs_f64() * 1000.0;
    if name == "drag" {
        let release = json!({ "type": "mouseReleased", "x": x + width * 0.8, "y": y + height * 0.5, "button": "left", "buttons": 0, "clickCount": 1 });
        session.cdp("Input.dispatchMouseEvent", release).await?;
    }
    // Two more frames' worth, so the last event's frame is in the record; after a zoom, until
    // wasmlit's chart has handed the gesture's interval to Vega (150 ms after the last wheel
    // step) and Vega has drawn it, so that frame is in the record too.
    let settle = if name == "zoom" { 400 } else { 100 };
    tokio::time::sleep(Duration::from_millis(settle)).await;
    let record = session.execute(FRAMES_JS, vec![json!("stop")]).await?;
    if let Some(error) = record.get("error") {
        return Err(format!("{error}"));
    }
    let stamps: Vec<f64> = record["stamps"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
    let long_frames = record["loaf"].as_array().into_iter().flatten().filter_map(|e| e["duration"].as_f64()).collect();
    let measures = record["measures"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_array().into_iter().flatten().filter_map(Value::as_f64).collect()))
        .collect();
    let frames = stamps.windows(2).map(|w| w[1] - w[0]).collect();
    let work = record["work"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(Pass { name, frames, work, long_frames, send_ms, measures })
}

impl ChartsResults {
    fn runs(&self, tool: Tool, case: &str) -> impl Iterator<Item = &ChartRun> {
        let case = case.to_owned();
        self.runs.iter().filter(move |r| r.tool == tool && r.case == case)
    }

    fn paints(&self, tool: Tool, case: &str, f: fn(&Paint) -> f64) -> Vec<f64> {
        self.runs(tool, case).filter_map(|r| r.paint.as_ref().ok()).map(f).collect()
    }

    /// Why `tool` drew no `case` chart, if it never did.
    fn failure(&self, tool: Tool, case: &str) -> Option<String> {
        let mut runs = self.runs(tool, case).peekable();
        runs.peek()?;
        let errors: Vec<&String> = runs.filter_map(|r| r.paint.as_ref().err()).collect();
        (errors.len() == self.runs(tool, case).count()).then(|| errors[0].clone())
    }

    fn pass(&self, tool: Tool, case: &str, name: &str, f: fn(&Pass) -> &[f64]) -> Vec<f64> {
        self.runs(tool, case)
            .flat_map(|r| r.passes.iter().filter(|p| p.name == name))
            .flat_map(|p| f(p).iter().copied())
            .collect()
    }

    /// The User Timing measures `tool`'s page took during the `name` passes of `case`.
    fn measure_names(&self, tool: Tool, case: &str, name: &str) -> Vec<String> {
        let mut names: Vec<String> = self
            .runs(tool, case)
            .flat_map(|r| r.passes.iter().filter(|p| p.name == name))
            .flat_map(|p| p.measures.keys().cloned())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    fn measure(&self, tool: Tool, case: &str, name: &str, measure: &str) -> Vec<f64> {
        self.runs(tool, case)
            .flat_map(|r| r.passes.iter().filter(|p| p.name == name))
            .flat_map(|p| p.measures.get(measure).into_iter().flatten().copied())
            .collect()
    }

    fn tools(&self) -> Vec<Tool> {
        [Tool::Wasmlit, Tool::Streamlit].into_iter().filter(|t| self.runs.iter().any(|r| r.tool == *t)).collect()
    }

    pub fn json(&self) -> Value {
        let r3 = stats::round3;
        let mut tools = Map::new();
        for tool in self.tools() {
            let mut cases = Map::new();
            for (case, _, _) in CASES {
                let passes: Map<String, Value> = PASSES
                    .iter()
                    .filter(|(c, _, _)| *c == case)
                    .map(|(_, name, _)| {
                        let frames = self.pass(tool, case, name, |p| &p.frames);
                        let value = json!({
                            "frame_ms": json_of(&frames),
                            "frames": frames.len(),
                            "over_budget": frames.iter().filter(|f| **f > MISSED_MS).count(),
                            "work_ms": json_of(&self.pass(tool, case, name, |p| &p.work)),
                            "long_animation_frames_ms": self.pass(tool, case, name, |p| &p.long_frames).iter().map(|f| r3(*f)).collect::<Vec<_>>(),
                            "samples_ms": frames.iter().map(|f| r3(*f)).collect::<Vec<_>>(),
                            "measures_ms": self.measure_names(tool, case, name).iter().map(|m| {
                                let v = self.measure(tool, case, name, m);
                                (m.clone(), json!({ "count": v.len(), "summary": json_of(&v) }))
                            }).collect::<Map<String, Value>>(),
                        });
                        ((*name).to_owned(), value)
                    })
                    .collect();
                let loads: Vec<Value> = self
                    .runs(tool, case)
                    .map(|r| match &r.paint {
                        Ok(p) => json!({
                            "chart_call_ms": p.call.map(r3),
                            "code_shown_ms": r3(p.code_dom),
                            "marks_in_dom_ms": r3(p.marks_dom),
                            "painted_ms": r3(p.painted),
                            "chart_ms": r3(p.chart_ms()),
                            "renderer": p.renderer,
                            "steps_ms": p.steps,
                            "input_send_ms": r.passes.iter().map(|p| json!({ "pass": p.name, "ms": r3(p.send_ms) })).collect::<Vec<_>>(),
                            "input_given_up": r.gave_up,
                        }),
                        Err(e) => json!({ "not_drawn": e }),
                    })
                    .collect();
                cases.insert(
                    case.into(),
                    json!({
                        "chart_ms": json_of(&self.paints(tool, case, Paint::chart_ms)),
                        "painted_from_navigation_ms": json_of(&self.paints(tool, case, |p| p.painted)),
                        "frames": passes,
                        "loads": loads,
                    }),
                );
            }
            tools.insert(tool.name().into(), Value::Object(cases));
        }
        json!({
            "build_seconds": self.build_seconds,
            "paint_timeout_ms": PAINT_TIMEOUT_MS,
            "frame_budget_ms": FRAME_BUDGET_MS,
            "missed_frame_over_ms": MISSED_MS,
            "tools": tools,
        })
    }

    /// The tables printed at the end (and pasted into docs/benchmarks.md).
    pub fn table(&self) -> String {
        let mut t = String::new();
        let dash = || "–".to_string();
        let cell = |s: Option<Summary>| {
            s.map(|s| format!("{} ({}–{})", ms(s.median), ms(s.min), ms(s.max))).unwrap_or_else(dash)
        };
        let loads = self.runs(Tool::Wasmlit, "line_1m").count();
        let _ = writeln!(
            t,
            "\nCharts: the chart call → its marks painted (Streamlit: from the code block shown just before the chart), ms, median (min–max) of {loads} load(s)"
        );
        let _ = writeln!(t, "| chart | wasmlit | Streamlit | Streamlit / wasmlit | wasmlit from navigation start | Streamlit from navigation start | goal |");
        let _ = writeln!(t, "|---|---:|---:|---:|---:|---:|---|");
        for (case, label, goal) in CASES {
            let summary = |tool, f| Summary::of(&self.paints(tool, case, f));
            let (w, s) = (summary(Tool::Wasmlit, Paint::chart_ms), summary(Tool::Streamlit, Paint::chart_ms));
            let peer = match self.failure(Tool::Streamlit, case) {
                Some(e) => format!("not drawn: {e}"),
                None => cell(s),
            };
            let times = ratio(s, w).map(|r| format!("{r:.1}×")).unwrap_or_else(dash);
            let goal = match (goal, w) {
                (Some(g), Some(w)) if w.max <= g => format!("≤ {g:.0} ms: met"),
                (Some(g), Some(w)) if w.median <= g => format!("≤ {g:.0} ms: median met, max {}", ms(w.max)),
                (Some(g), Some(_)) => format!("≤ {g:.0} ms: **missed**"),
                _ => String::new(),
            };
            let _ = writeln!(
                t,
                "| {label} | {} | {peer} | {times} | {} | {} | {goal} |",
                cell(w),
                cell(summary(Tool::Wasmlit, |p| p.painted)),
                cell(summary(Tool::Streamlit, |p| p.painted)),
            );
        }
        let _ = writeln!(
            t,
            "\nHovering and wheel-zooming the 1,000,000-row line chart, dragging the 100,000-point map: one trusted mouse event per 16.7 ms; frame = difference of consecutive frame begin times, ms"
        );
        let _ = writeln!(
            t,
            "| pass | tool | frames | median | p95 | max | over {FRAME_BUDGET_MS} ms (missed a vsync) | long animation frames (> 50 ms): count, max |"
        );
        let _ = writeln!(t, "|---|---|---:|---:|---:|---:|---:|---:|");
        for (case, name, events) in PASSES {
            let what = match name {
                "hover" => format!("1M line, hover: {events} moves across the plot"),
                "drag" => format!("100k map, drag: {events} moves, the button held"),
                _ => format!("1M line, zoom: {} wheel steps in, {} out", events / 2, events - events / 2),
            };
            for tool in self.tools() {
                let frames = self.pass(tool, case, name, |p| &p.frames);
                let Some(s) = Summary::of(&frames) else {
                    let gave_up = self.runs(tool, case).find_map(|r| r.gave_up.as_ref());
                    if let Some(e) = self.failure(tool, case) {
                        let _ = writeln!(t, "| {what} | {} | not drawn: {e} | | | | | |", tool.name());
                    } else if let Some(e) = gave_up {
                        let _ = writeln!(t, "| {what} | {} | given up: {e} | | | | | |", tool.name());
                    }
                    continue;
                };
                let over = frames.iter().filter(|f| **f > MISSED_MS).count();
                let long = self.pass(tool, case, name, |p| &p.long_frames);
                let _ = writeln!(
                    t,
                    "| {what} | {} | {} | {} | {} | {} | {over} ({:.0}%) | {}, {} |",
                    tool.name(),
                    s.n,
                    ms(s.median),
                    ms(s.p95),
                    ms(s.max),
                    100.0 * over as f64 / s.n as f64,
                    long.len(),
                    ms(long.iter().copied().fold(f64::NAN, f64::max)),
                );
            }
        }
        stats::work_table(
            &mut t,
            PASSES.iter().flat_map(|(case, name, _)| {
                self.tools().into_iter().map(move |tool| (*name, tool.name(), self.pass(tool, case, name, |p| &p.work)))
            }),
        );
        let _ = writeln!(
            t,
            "\nwasmlit's steps of each zoom of the 1M line (User Timing measures: during a wheel gesture, `lines` the lines of a step picked from the pyramid and `overlay` drawn on the page's canvas; when it rests, `wl-zoom` whole, from the pick in Vega's pulse to its render done; `pick` the reduction, `encode` the rows as JSON, `parse` JSON.parse, `data` view.data, `run` the rest of Vega's pulse and its one render, `refit` the layout when labels grew), ms"
        );
        let _ = writeln!(t, "| step | count | median | p95 | max |");
        let _ = writeln!(t, "|---|---:|---:|---:|---:|");
        for m in self.measure_names(Tool::Wasmlit, "line_1m", "zoom") {
            let v = self.measure(Tool::Wasmlit, "line_1m", "zoom", &m);
            if let Some(s) = Summary::of(&v) {
                let _ = writeln!(t, "| {m} | {} | {} | {} | {} |", s.n, ms(s.median), ms(s.p95), ms(s.max));
            }
        }
        t
    }
}

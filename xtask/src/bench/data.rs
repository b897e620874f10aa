//! `cargo xtask bench`, the data section (`--only data` runs it alone): a million rows of eight
//! columns, in the tab and in Streamlit, in the same run.
//!
//! 1. **Files**: [`write_csv`] writes `data.csv` (a fixed-seed xorshift generator, so every run
//!    and both tools read the same bytes) into the data app's dist, and pyarrow in the bench
//!    venv writes the same frame as `data.parquet` (snappy; dates as `date32`, datetimes as
//!    `timestamp[ms]`), as a pandas user's file would be. Neither is committed.
//! 2. **wasmlit**: `bench/apps/data` fetches both files, times (in the tab, `performance.now()`)
//!    the CSV parse, the Parquet read, two sorts, a group-by and a filter, reads the wasm memory
//!    size, and shows the timings as JSON and the frame in a `dataframe`.
//!    **Streamlit**: `bench/peer/data.py` does the same with pandas and `st.dataframe`.
//! 3. **Grid**: `data.js` (injected before the page's scripts) times the first grid row in the
//!    DOM and painted. **Scrolling**: `data_scroll.js` sets the grid's `scrollTop` once per
//!    animation frame and records the frames' begin times (rAF timestamps) and the long
//!    animation frames.
//!
//! Every load is in a new browser with the HTTP cache disabled; the tools take turns.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

use super::browser::{self, ChromeDriver, Session};
use super::peer::{self, Venv};
use super::stats::{self, json_of, Summary};
use super::{ms, ratio, Options, Tool};
use crate::setup::Tools;
use crate::static_server::StaticServer;
use crate::util::{self, fmt_duration, Result};

const DATA_JS: &str = include_str!("data.js");
const DATA_WAIT_JS: &str = include_str!("data_wait.js");
const DATA_SCROLL_JS: &str = include_str!("data_scroll.js");

/// Rows of the data set.
pub const ROWS: usize = 1_000_000;

/// The regions of the data set (one column of it).
pub const REGIONS: [&str; 8] = ["north", "south", "east", "west", "central", "coast", "hills", "plains"];

/// How long a load may take until the first grid row is painted.
const LOAD_TIMEOUT_MS: u64 = 300_000;

/// Loads per tool: (warm-up, measured).
const FULL_LOADS: (usize, usize) = (1, 3);
const QUICK_LOADS: (usize, usize) = (0, 1);

/// The scroll passes of every load: (pattern, frames, px per frame for "steady").
const SCROLLS: [(&str, usize, u32); 2] = [("steady", 120, 100), ("jump", 60, 0)]; // jump: the whole height

/// The 60 Hz frame budget.
const FRAME_BUDGET_MS: f64 = 16.7;
/// Frame begin times sit on the vsync grid (16.7 ms apart, ± timer jitter), so a frame that
/// overran its budget shows as an interval of two vsyncs or more: over 1.5 vsyncs is a miss.
const MISSED_MS: f64 = 25.0;

/// The steps both tools time, by their JSON key: (key, label, goal in ms).
const STEPS: [(&str, &str, Option<f64>); 7] = [
    ("csv_fetch_ms", "CSV fetch (wasmlit: HTTP into the tab; pandas reads the disk in its parse)", None),
    ("csv_parse_ms", "CSV parse (type inference, dates)", Some(2000.0)),
    ("parquet_read_ms", "Parquet read (snappy)", None),
    ("sort_float_ms", "sort by value (float), descending", None),
    ("sort_text_float_ms", "sort by category (text) ↑, value ↓", None),
    ("group_by_ms", "group by category (1,000 groups): sum and mean of value", Some(150.0)),
    ("filter_ms", "filter value > 0 and flag", None),
];

/// Writes the benchmark's CSV to `out`: `rows` rows of 8 columns (int id, text category with
/// 1,000 values, text region with 8, float value, int quantity, bool flag, date, datetime) from
/// a fixed-seed xorshift64* generator.
pub fn write_rows(out: &mut impl Write, rows: usize) -> std::io::Result<()> {
    out.write_all(b"id,category,region,value,quantity,flag,date,time\n")?;
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    for id in 0..rows {
        let (a, b, c) = (next(), next(), next());
        let category = a % 1000;
        let region = REGIONS[(a >> 20) as usize % REGIONS.len()];
        // Thousandths in -5000.000 ..= 4999.999, written exactly (no float formatting).
        let milli = (b % 10_000_000) as i64 - 5_000_000;
        let sign = if milli < 0 { "-" } else { "" };
        let quantity = (b >> 32) % 101;
        let flag = c & 1 == 1;
        let (month, day) = date_of((c >> 8) % 366);
        let seconds = (c >> 20) % 86_400;
        writeln!(
            out,
            "{id},c{category:03},{region},{sign}{}.{:03},{quantity},{flag},2024-{month:02}-{day:02},2024-{month:02}-{day:02} {:02}:{:02}:{:02}",
            milli.unsigned_abs() / 1000,
            milli.unsigned_abs() % 1000,
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )?;
    }
    Ok(())
}

/// [`write_rows`] into a file; its size in bytes.
pub fn write_csv(path: &Path, rows: usize) -> Result<u64> {
    let file = std::fs::File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    write_rows(&mut out, rows)
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    std::fs::metadata(path).map(|m| m.len()).map_err(|e| e.to_string())
}

/// Day `day` (0-based) of the leap year 2024, as (month, day of month), 1-based.
fn date_of(day: u64) -> (u64, u64) {
    const MONTHS: [u64; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut rest = day;
    for (month, length) in MONTHS.iter().enumerate() {
        if rest < *length {
            return (month as u64 + 1, rest + 1);
        }
        rest -= length;
    }
    (12, 31)
}

/// The same frame as Parquet, written by pyarrow (which Streamlit depends on) in the venv.
fn write_parquet(venv: &Venv, csv: &Path, parquet: &Path) -> Result<u64> {
    const SCRIPT: &str = "import sys, pyarrow as pa, pyarrow.csv as pc, pyarrow.parquet as pq\n\
        types = {'date': pa.date32(), 'time': pa.timestamp('ms')}\n\
        table = pc.read_csv(sys.argv[1], convert_options=pc.ConvertOptions(column_types=types))\n\
        pq.write_table(table, sys.argv[2], compression='snappy')\n";
    util::run(Command::new(venv.python()).args(["-c", SCRIPT]).arg(csv).arg(parquet))?;
    std::fs::metadata(parquet).map(|m| m.len()).map_err(|e| format!("{}: {e}", parquet.display()))
}

/// One scroll pass: frame durations (differences of consecutive frame begin times) and each
/// frame's main-thread work (its begin time to the end of its rendering update).
struct ScrollPass {
    pattern: &'static str,
    frames: Vec<f64>,
    work: Vec<f64>,
    /// Durations of the long animation frames (over 50 ms) that began during the pass.
    long_frames: Vec<f64>,
    /// The highest row number in the DOM 0.5 s after the end (wasmlit's rows; glide's
    /// accessibility table for Streamlit).
    last_row: Option<f64>,
    complete: bool,
}

/// One load of one tool.
struct DataRun {
    tool: Tool,
    timings: Map<String, Value>,
    /// ms after navigation start: wasmlit's script end (its last line), the timings block in the
    /// DOM, the first grid row in the DOM and painted.
    script_end: Option<f64>,
    timings_dom: f64,
    row_dom: f64,
    row_painted: f64,
    scrolls: Vec<ScrollPass>,
}

impl DataRun {
    fn num(&self, key: &str) -> Option<f64> {
        self.timings.get(key).and_then(Value::as_f64)
    }

    /// The data is ready (wasmlit: the script's end; Streamlit: the timings block, sent just
    /// before the frame, is shown) → the first grid row painted.
    fn grid_ms(&self) -> f64 {
        self.row_painted - self.script_end.unwrap_or(self.timings_dom)
    }
}

/// What the data section measured.
pub struct DataResults {
    csv_bytes: u64,
    parquet_bytes: u64,
    generate_seconds: f64,
    build_seconds: Option<f64>,
    runs: Vec<DataRun>,
}

/// Builds the app (unless `--no-build`), writes the files, and measures both tools.
pub fn run(tools: &Tools, options: &Options, venv: &Venv, bench_dir: &Path) -> Result<DataResults> {
    let dist = bench_dir.join("dist").join("data");
    println!("\n==> bench: data ({ROWS} rows × 8 columns)");
    let build_seconds = if options.build {
        Some(super::build(tools, "data", "bench/apps/data", &dist)?.as_secs_f64())
    } else if dist.join("index.html").is_file() {
        None
    } else {
        return Err(format!("--no-build, but {} has no build", dist.display()));
    };
    let start = Instant::now();
    let csv = dist.join("data.csv");
    let parquet = dist.join("data.parquet");
    let csv_bytes = write_csv(&csv, ROWS)?;
    let parquet_bytes = write_parquet(venv, &csv, &parquet)?;
    let generate_seconds = start.elapsed().as_secs_f64();
    println!(
        "--> wrote data.csv ({:.1} MiB) and data.parquet ({:.1} MiB) in {}",
        mib(csv_bytes as f64),
        mib(parquet_bytes as f64),
        fmt_duration(start.elapsed())
    );
    let chrome = tools.chrome()?.to_path_buf();
    let chromedriver = tools.chromedriver()?.to_path_buf();
    let runs =
        super::runtime()?.block_on(measure(options, &chrome, &chromedriver, &dist, &csv, &parquet, venv, bench_dir))?;
    Ok(DataResults { csv_bytes, parquet_bytes, generate_seconds, build_seconds, runs })
}

#[allow(clippy::too_many_arguments)]
async fn measure(
    options: &Options,
    chrome: &Path,
    chromedriver: &Path,
    dist: &Path,
    csv: &Path,
    parquet: &Path,
    venv: &Venv,
    bench_dir: &Path,
) -> Result<Vec<DataRun>> {
    let server = StaticServer::start(dist, "/").map_err(|e| format!("cannot serve the data app: {e}"))?;
    let peer = if options.peer {
        println!("--> streamlit run bench/peer/data.py");
        let env = [("BENCH_DATA_CSV", csv), ("BENCH_DATA_PARQUET", parquet)];
        Some(peer::Streamlit::start_with_env(venv, "data.py", bench_dir, &env)?)
    } else {
        None
    };
    let driver = ChromeDriver::start(chromedriver)?;
    let mut targets = vec![(Tool::Wasmlit, server.url())];
    if let Some(peer) = &peer {
        targets.push((Tool::Streamlit, peer.url("")));
    }
    let (warm_up, measured) = if options.quick { QUICK_LOADS } else { FULL_LOADS };
    let mut runs = Vec::new();
    for round in 0..warm_up + measured {
        for (tool, url) in &targets {
            let session = browser::session(&driver, chrome).await?;
            let outcome = load(&session, *tool, url).await;
            session.close().await;
            let run = outcome?;
            let scroll = |p: &str| {
                run.scrolls
                    .iter()
                    .find(|s| s.pattern == p)
                    .and_then(|s| Some((Summary::of(&s.frames)?, Summary::of(&s.work)?)))
                    .map(|(f, w)| format!("{} / {} (work max {})", ms(f.median), ms(f.max), ms(w.max)))
                    .unwrap_or_else(|| "–".into())
            };
            println!(
                "    {:<9} load {}{}  parse {:>7.1} ms, group-by {:>6.1} ms, grid painted {:>7.1} ms after the data; scroll frames median / max: steady {}, jump {} ms",
                tool.name(),
                round + 1,
                if round < warm_up { " (warm-up)" } else { "          " },
                run.num("csv_parse_ms").unwrap_or(f64::NAN),
                run.num("group_by_ms").unwrap_or(f64::NAN),
                run.grid_ms(),
                scroll("steady"),
                scroll("jump"),
            );
            if round >= warm_up {
                runs.push(run);
            }
        }
    }
    drop(driver);
    drop(peer);
    drop(server);
    Ok(runs)
}

/// One load: open the page, wait for the painted grid, then scroll it.
async fn load(session: &Session, tool: Tool, url: &str) -> Result<DataRun> {
    // (first row, scroller, rows, the attribute numbering a row, its offset from the row index)
    let (first_row, scroller, rows, attribute, offset) = match tool {
        Tool::Streamlit => (
            r#"[data-testid="data-grid-canvas"] [data-testid="glide-cell-1-0"]"#,
            ".dvn-scroller",
            r#"[data-testid="data-grid-canvas"] tr[aria-rowindex]"#,
            "aria-rowindex",
            2,
        ),
        Tool::Wasmlit | Tool::Leptos => {
            (r#".wl-grid-tr[data-row="0"]"#, ".wl-grid-scroll", ".wl-grid-tr[data-row]", "data-row", 0)
        }
    };
    let source = DATA_JS.replace("__ROW_SELECTOR__", &json!(first_row).to_string());
    session.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source })).await?;
    session.goto(url).await?;
    let info = session.execute_async(DATA_WAIT_JS, vec![json!(LOAD_TIMEOUT_MS)]).await?;
    if info.get("error").is_some() {
        return Err(format!("{} {url}: the grid was not painted: {info}", tool.name()));
    }
    let timings: Map<String, Value> = info["timings"]
        .as_str()
        .and_then(|t| serde_json::from_str(t).ok())
        .ok_or_else(|| format!("{} {url}: the timings block is not a JSON object: {}", tool.name(), info["timings"]))?;
    let num = |key: &str| info[key].as_f64().unwrap_or(f64::NAN);
    let mut run = DataRun {
        tool,
        timings,
        script_end: info["scriptEnd"].as_f64(),
        timings_dom: num("timingsDom"),
        row_dom: num("rowDom"),
        row_painted: num("rowPainted"),
        scrolls: Vec::new(),
    };
    // Let the page settle (Streamlit finishes its run, fonts load) before scrolling.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    for (pattern, frames, step) in SCROLLS {
        let args = vec![
            json!(scroller),
            json!(pattern),
            json!(frames),
            json!(step),
            json!(rows),
            json!(attribute),
            json!(offset),
            json!(60_000),
        ];
        let record = session.execute_async(DATA_SCROLL_JS, args).await?;
        if let Some(error) = record.get("error") {
            return Err(format!("{} {url}: scroll {pattern}: {error}", tool.name()));
        }
        let stamps: Vec<f64> = record["stamps"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
        let first = stamps.first().copied().unwrap_or(f64::NAN);
        let long_frames = record["loaf"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["start"].as_f64().is_some_and(|s| s >= first))
            .filter_map(|e| e["duration"].as_f64())
            .collect();
        run.scrolls.push(ScrollPass {
            pattern,
            frames: stamps.windows(2).map(|w| w[1] - w[0]).collect(),
            work: record["work"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect(),
            long_frames,
            last_row: record["lastRowSettled"].as_f64().or(record["lastRow"].as_f64()),
            complete: record["complete"].as_bool().unwrap_or(false),
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    Ok(run)
}

fn mib(bytes: f64) -> f64 {
    bytes / (1024.0 * 1024.0)
}

impl DataResults {
    fn runs(&self, tool: Tool) -> impl Iterator<Item = &DataRun> {
        self.runs.iter().filter(move |r| r.tool == tool)
    }

    fn series(&self, tool: Tool, f: impl Fn(&DataRun) -> Option<f64>) -> Vec<f64> {
        self.runs(tool).filter_map(f).collect()
    }

    fn step(&self, tool: Tool, key: &str) -> Option<Summary> {
        Summary::of(&self.series(tool, |r| r.num(key)))
    }

    /// Every frame of every load's `pattern` pass.
    fn frames(&self, tool: Tool, pattern: &str) -> Vec<f64> {
        self.runs(tool)
            .flat_map(|r| r.scrolls.iter().filter(|s| s.pattern == pattern))
            .flat_map(|s| s.frames.iter().copied())
            .collect()
    }

    /// The main-thread work of every frame of every load's `pattern` pass.
    fn work(&self, tool: Tool, pattern: &str) -> Vec<f64> {
        self.runs(tool)
            .flat_map(|r| r.scrolls.iter().filter(|s| s.pattern == pattern))
            .flat_map(|s| s.work.iter().copied())
            .collect()
    }

    fn long_frames(&self, tool: Tool, pattern: &str) -> Vec<f64> {
        self.runs(tool)
            .flat_map(|r| r.scrolls.iter().filter(|s| s.pattern == pattern))
            .flat_map(|s| s.long_frames.iter().copied())
            .collect()
    }

    fn tools(&self) -> Vec<Tool> {
        [Tool::Wasmlit, Tool::Streamlit].into_iter().filter(|t| self.runs(*t).next().is_some()).collect()
    }

    pub fn json(&self) -> Value {
        let r3 = stats::round3;
        let mut tools = Map::new();
        for tool in self.tools() {
            let mut steps = Map::new();
            for (key, _, _) in STEPS {
                steps.insert(key.into(), json_of(&self.series(tool, |r| r.num(key))));
            }
            let scroll: Map<String, Value> = SCROLLS
                .iter()
                .map(|(pattern, _, _)| {
                    let frames = self.frames(tool, pattern);
                    let over = frames.iter().filter(|f| **f > MISSED_MS).count();
                    let work = self.work(tool, pattern);
                    let value = json!({
                        "frame_ms": json_of(&frames),
                        "frames": frames.len(),
                        "over_budget": over,
                        "work_ms": json_of(&work),
                        "work_over_budget": work.iter().filter(|w| **w > FRAME_BUDGET_MS).count(),
                        "long_animation_frames_ms": self.long_frames(tool, pattern).iter().map(|f| r3(*f)).collect::<Vec<_>>(),
                        "samples_ms": frames.iter().map(|f| r3(*f)).collect::<Vec<_>>(),
                    });
                    ((*pattern).to_owned(), value)
                })
                .collect();
            let loads: Vec<Value> = self
                .runs(tool)
                .map(|r| {
                    json!({
                        "timings": r.timings,
                        "script_end_ms": r.script_end.map(r3),
                        "timings_shown_ms": r3(r.timings_dom),
                        "first_row_in_dom_ms": r3(r.row_dom),
                        "first_row_painted_ms": r3(r.row_painted),
                        "grid_after_data_ms": r3(r.grid_ms()),
                        "scroll_last_row": r.scrolls.iter().map(|s| json!({ "pattern": s.pattern, "last_row": s.last_row, "complete": s.complete })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            tools.insert(
                tool.name().into(),
                json!({
                    "steps_ms": steps,
                    "grid_after_data_ms": json_of(&self.series(tool, |r| Some(r.grid_ms()))),
                    "first_row_painted_from_navigation_ms": json_of(&self.series(tool, |r| Some(r.row_painted))),
                    "scroll": scroll,
                    "loads": loads,
                }),
            );
        }
        json!({
            "rows": ROWS,
            "csv_bytes": self.csv_bytes,
            "parquet_bytes": self.parquet_bytes,
            "generate_seconds": self.generate_seconds,
            "build_seconds": self.build_seconds,
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
        let loads = self.runs(Tool::Wasmlit).count();
        let _ = writeln!(
            t,
            "\nData: {ROWS} rows × 8 columns (CSV {:.1} MiB, Parquet {:.1} MiB); ms, median (min–max) of {loads} load(s)",
            mib(self.csv_bytes as f64),
            mib(self.parquet_bytes as f64)
        );
        let _ =
            writeln!(t, "| step | wasmlit (in the tab) | Streamlit (pandas, server) | Streamlit / wasmlit | goal |");
        let _ = writeln!(t, "|---|---:|---:|---:|---|");
        let goal = |g: Option<f64>, w: Option<Summary>| match (g, w) {
            (Some(g), Some(w)) if w.max <= g => format!("≤ {g:.0} ms: met"),
            (Some(g), Some(w)) if w.median <= g => format!("≤ {g:.0} ms: median met, max {}", ms(w.max)),
            (Some(g), Some(w)) => format!("≤ {g:.0} ms: **missed** by {:.0}%", (w.median / g - 1.0) * 100.0),
            _ => String::new(),
        };
        let times = |r: Option<f64>| r.map(|r| format!("{r:.1}×")).unwrap_or_else(dash);
        for (key, label, g) in STEPS {
            let (w, s) = (self.step(Tool::Wasmlit, key), self.step(Tool::Streamlit, key));
            let _ = writeln!(t, "| {label} | {} | {} | {} | {} |", cell(w), cell(s), times(ratio(s, w)), goal(g, w));
        }
        let grid = |tool| Summary::of(&self.series(tool, |r| Some(r.grid_ms())));
        let (w, s) = (grid(Tool::Wasmlit), grid(Tool::Streamlit));
        let _ = writeln!(
            t,
            "| first grid row painted, after the data is ready (wasmlit: script end; Streamlit: timings shown, then the frame is sent) | {} | {} | {} | |",
            cell(w),
            cell(s),
            times(ratio(s, w))
        );
        let nav = |tool| Summary::of(&self.series(tool, |r| Some(r.row_painted)));
        let (w, s) = (nav(Tool::Wasmlit), nav(Tool::Streamlit));
        let _ = writeln!(
            t,
            "| first grid row painted, from navigation start (everything above) | {} | {} | {} | |",
            cell(w),
            cell(s),
            times(ratio(s, w))
        );

        // Memory.
        let med = |tool, key: &str| self.step(tool, key).map(|s| s.median);
        let csv = self.csv_bytes as f64;
        if let Some(heap) = med(Tool::Wasmlit, "heap_end_bytes") {
            let frame = med(Tool::Wasmlit, "frame_bytes").unwrap_or(f64::NAN);
            let stages: Vec<String> = [
                ("start", "heap_start_bytes"),
                ("CSV fetched", "heap_after_csv_fetch_bytes"),
                ("parsed", "heap_after_parse_bytes"),
                ("sorted, grouped, filtered", "heap_after_csv_bytes"),
                ("Parquet read", "heap_end_bytes"),
            ]
            .iter()
            .map(|(label, key)| format!("{label} {:.0}", mib(med(Tool::Wasmlit, key).unwrap_or(f64::NAN))))
            .collect();
            let _ = writeln!(
                t,
                "\nMemory, wasmlit: wasm linear memory (it only grows: the peak), MiB: {}. That is {:.2}× the CSV and {:.2}× the frame's Arrow buffers ({:.0} MiB); goal ≤ 3× the raw data: {}.",
                stages.join(" → "),
                heap / csv,
                heap / frame,
                mib(frame),
                if heap <= 3.0 * csv { "met (against the CSV)" } else { "**missed**" }
            );
        }
        if let (Some(rss), Some(start)) =
            (med(Tool::Streamlit, "rss_end_bytes"), med(Tool::Streamlit, "rss_start_bytes"))
        {
            let _ = writeln!(
                t,
                "Memory, Streamlit: server process RSS {:.0} MiB → {:.0} MiB after the same work; the pandas frame itself {:.0} MiB (deep).",
                mib(start),
                mib(rss),
                mib(med(Tool::Streamlit, "frame_bytes").unwrap_or(f64::NAN))
            );
        }

        let _ = writeln!(
            t,
            "\nScrolling the grid: scrollTop set once per animation frame; frame = difference of consecutive frame begin times, ms"
        );
        let _ = writeln!(
            t,
            "| pass | tool | frames | median | p95 | max | over {FRAME_BUDGET_MS} ms (missed a vsync) | long animation frames (> 50 ms): count, max | last row shown |"
        );
        let _ = writeln!(t, "|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (pattern, frames, step) in SCROLLS {
            let what = if pattern == "jump" {
                format!("jump: top to bottom in {frames} frames")
            } else {
                format!("steady: {step} px a frame, {frames} frames")
            };
            for tool in self.tools() {
                let samples = self.frames(tool, pattern);
                let Some(s) = Summary::of(&samples) else { continue };
                let over = samples.iter().filter(|f| **f > MISSED_MS).count();
                let long = self.long_frames(tool, pattern);
                let long_max = long.iter().copied().fold(f64::NAN, f64::max);
                let last: Vec<String> = self
                    .runs(tool)
                    .flat_map(|r| r.scrolls.iter().filter(|p| p.pattern == pattern))
                    .map(|p| p.last_row.map(|r| format!("{r:.0}")).unwrap_or_else(dash))
                    .collect();
                let _ = writeln!(
                    t,
                    "| {what} | {} | {} | {} | {} | {} | {} ({:.0}%) | {}, {} | {} |",
                    tool.name(),
                    s.n,
                    ms(s.median),
                    ms(s.p95),
                    ms(s.max),
                    over,
                    100.0 * over as f64 / s.n as f64,
                    long.len(),
                    ms(long_max),
                    last.join(", ")
                );
            }
        }
        stats::work_table(
            &mut t,
            SCROLLS.iter().flat_map(|(pattern, _, _)| {
                self.tools().into_iter().map(move |tool| (*pattern, tool.name(), self.work(tool, pattern)))
            }),
        );
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(rows: usize) -> String {
        let mut out = Vec::new();
        write_rows(&mut out, rows).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_csv_is_deterministic_with_eight_well_formed_columns() {
        let text = csv(2000);
        assert_eq!(text, csv(2000), "the same bytes every run");
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("id,category,region,value,quantity,flag,date,time"));
        let mut categories = std::collections::HashSet::new();
        for (i, line) in lines.enumerate() {
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(f.len(), 8, "{line}");
            assert_eq!(f[0], i.to_string());
            assert!(f[1].len() == 4 && f[1].starts_with('c'), "{line}");
            categories.insert(f[1].to_owned());
            assert!(REGIONS.contains(&f[2]), "{line}");
            let value: f64 = f[3].parse().unwrap();
            assert!((-5000.0..5000.0).contains(&value), "{line}");
            assert_eq!(f[3].split('.').nth(1).map(str::len), Some(3), "{line}");
            assert!(f[4].parse::<u32>().unwrap() <= 100);
            assert!(f[5] == "true" || f[5] == "false");
            assert!(f[6].len() == 10 && f[6].starts_with("2024-"), "{line}");
            assert!(f[7].starts_with(f[6]) && f[7].len() == 19, "{line}");
        }
        assert!(categories.len() > 800, "about 1,000 categories: {}", categories.len());
    }

    #[test]
    fn dates_cover_the_leap_year() {
        assert_eq!(date_of(0), (1, 1));
        assert_eq!(date_of(59), (2, 29));
        assert_eq!(date_of(60), (3, 1));
        assert_eq!(date_of(365), (12, 31));
    }
}

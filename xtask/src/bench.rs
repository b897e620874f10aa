//! `cargo xtask bench [--quick] [--no-peer] [--no-build] [--only app|data|charts|network|sqlite]`: how big a wasmlit app
//! is, how fast it starts, how fast it answers, how a rerun scales with the page, and a million
//! rows of data — side by side with Streamlit, in the same run, on the same machine, through the
//! same driver.
//!
//! 1. **Build** `bench/apps/hello`, `bench/apps/leptos_hello` (the same page in Leptos alone, a
//!    floor), `bench/apps/rerun`, `examples/fundamentals` and the gallery once with
//!    `trunk build --release` into `target/bench/dist/<app>/`, and serve each from the static
//!    server of the end-to-end tests on 127.0.0.1.
//! 2. **Peer**: install `streamlit` (the version `bench/peer/requirements.txt` pins) into
//!    `target/bench/venv` and `streamlit run` `bench/peer/hello.py` and `rerun.py` on 127.0.0.1.
//! 3. **Cold start**: every load in a new headless Chromium (fresh profile, HTTP cache disabled
//!    through CDP `Network.setCacheDisabled`); `ready.js`, injected before the page's scripts,
//!    records `performance.now()` when the app shows its first output line and a slider (in the
//!    DOM, laid out, and painted) and times `indexedDB.open`. Loads alternate between the pages
//!    and tools; the first loads of each are warm-up.
//!    **Throttled**: hello again under Chromium's network emulation (DevTools' "Fast 4G" and
//!    "Slow 3G"), wasmlit served precompressed as a static host serves it (`.br`/`.gz` siblings,
//!    `dist/hello_hosted/`), Streamlit as its server sends it; `--only network` runs this alone.
//! 4. **Size**: the files the first load fetched (Resource Timing), fetched again over HTTP and
//!    compressed with gzip -9 and brotli -q 11.
//! 5. **Interaction latency / rerun scaling**: on the `rerun` app with `?n=` elements, trusted
//!    ArrowRight key presses (CDP `Input.dispatchKeyEvent`) move the slider one step; in the page,
//!    `harness.js` times the key event to the DOM showing `"<x> squared is <x²>"` and to the next
//!    painted frame, and counts DOM mutation records; the wasmlit app's User Timing marks split
//!    that into event → script, script, and script → DOM. One more page, `?n=103&changing=100`,
//!    has 100 text lines that change with the slider too. `--only app` runs steps 1–5 alone
//!    (issue 16's figures: size, cold start incl. throttled, interaction, rerun scaling).
//!
//! 6. **Data** (`bench/data.rs`, alone with `--only data`): a million rows × 8 columns as CSV and
//!    Parquet, parsed, sorted, grouped and filtered in the tab and by pandas in Streamlit; the
//!    grid's first painted row and its scroll frame times.
//! 7. **Charts** (`bench/charts.rs`, alone with `--only charts`): a 10,000-point line chart, a
//!    100,000-point scatter and a 1,000,000-row line chart from the call to the painted marks,
//!    and the frame times while hovering and wheel-zooming the last, beside Streamlit's.
//! 8. **SQLite** (`bench/sqlite.rs`, alone with `--only sqlite`): a million generated rows
//!    inserted, grouped and read into a `DataFrame` in the tab, and the bytes SQLite adds.
//!
//! It prints tables (with the Streamlit / wasmlit ratios) and writes everything, samples
//! included, to `target/bench/results.json`. `docs/benchmarks.md` records a run and explains
//! the method.

mod browser;
mod charts;
mod connections;
mod data;
mod peer;
pub mod size;
mod sqlite;
mod stats;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::setup::{setup, Tools};
use crate::static_server::StaticServer;
use crate::util::{fmt_duration, output_line, repo_root, run, Result};
use browser::{ChromeDriver, Session};
use size::PageSize;
use stats::{json_of, Summary};

const READY_JS: &str = include_str!("bench/ready.js");
const LOAD_INFO_JS: &str = include_str!("bench/load_info.js");
const HARNESS_JS: &str = include_str!("bench/harness.js");
const ARM_JS: &str = include_str!("bench/arm.js");
const WAIT_JS: &str = include_str!("bench/wait.js");

/// The apps `cargo xtask bench` builds: (name, folder with its `Trunk.toml`).
const APPS: [(&str, &str); 5] = [
    ("hello", "bench/apps/hello"),
    ("leptos_hello", "bench/apps/leptos_hello"),
    ("rerun", "bench/apps/rerun"),
    ("fundamentals", "examples/fundamentals"),
    ("gallery", "."),
];

/// What the first run shows when the app is ready (besides a slider).
const SQUARED_ZERO: &str = "0 squared is 0";

/// How long one page may take to become ready, and one interaction to show its result.
const READY_TIMEOUT_MS: u64 = 120_000;
const INTERACTION_TIMEOUT_MS: u64 = 30_000;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Tool {
    Wasmlit,
    Streamlit,
    /// The baseline: the hello page in Leptos alone (size and cold start only).
    Leptos,
}

impl Tool {
    fn name(self) -> &'static str {
        match self {
            Tool::Wasmlit => "wasmlit",
            Tool::Streamlit => "Streamlit",
            Tool::Leptos => "Leptos alone",
        }
    }
}

/// Interaction runs: rounds (each a fresh page), warm-up and measured presses per round.
type Presses = (usize, usize, usize);

/// How many loads and interactions to measure.
struct Plan {
    /// Cold loads per page: warm-up, then measured.
    loads: (usize, usize),
    /// The same on a throttled network (a Slow 3G load of Streamlit takes about a minute).
    throttled_loads: (usize, usize),
    /// Interaction runs per configuration: rounds (each a fresh page), warm-up and measured
    /// presses per round.
    presses: Presses,
    /// The same for the biggest pages (10,000 elements).
    big_presses: Presses,
    /// The same for Streamlit at 10,000 elements (a rerun there takes seconds).
    big_peer_presses: Presses,
}

const FULL: Plan = Plan {
    loads: (2, 12),
    throttled_loads: (1, 3),
    presses: (2, 5, 50),
    big_presses: (2, 5, 50),
    big_peer_presses: (1, 2, 10),
};
const QUICK: Plan = Plan {
    loads: (1, 3),
    throttled_loads: (0, 1),
    presses: (1, 3, 10),
    big_presses: (1, 2, 5),
    big_peer_presses: (1, 1, 3),
};

struct Options {
    quick: bool,
    peer: bool,
    build: bool,
    /// `--only app`: size, cold start (loopback and throttled), interaction and rerun scaling
    /// alone, without data, charts, SQLite and connections.
    only_app: bool,
    /// `--only data`: the data section alone.
    only_data: bool,
    /// `--only charts`: the charts section alone.
    only_charts: bool,
    /// `--only network`: hello's cold start on throttled networks alone.
    only_network: bool,
    /// `--only connections`: the ClickHouse query and the connection's size alone.
    only_connections: bool,
    /// `--only sqlite`: SQLite in the tab alone.
    only_sqlite: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            quick: false,
            peer: true,
            build: true,
            only_app: false,
            only_data: false,
            only_charts: false,
            only_network: false,
            only_connections: false,
            only_sqlite: false,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--only" => match args.next().map(String::as_str) {
                    Some("app") => options.only_app = true,
                    Some("data") => options.only_data = true,
                    Some("charts") => options.only_charts = true,
                    Some("network") => options.only_network = true,
                    Some("connections") => options.only_connections = true,
                    Some("sqlite") => options.only_sqlite = true,
                    other => {
                        return Err(format!(
                            "--only takes `app`, `data`, `charts`, `network`, `sqlite` or `connections`, not {other:?}"
                        ))
                    }
                },
                "--quick" => options.quick = true,
                "--no-peer" => options.peer = false,
                "--no-build" => options.build = false,
                other => {
                    return Err(format!(
                        "unknown bench option `{other}` (options: --quick, --no-peer, --no-build, --only app|data|charts|network|sqlite|connections)"
                    ))
                }
            }
        }
        Ok(options)
    }
}

pub fn bench(args: &[String]) -> Result {
    let options = Options::parse(args)?;
    let plan = if options.quick { &QUICK } else { &FULL };
    let start = Instant::now();
    let tools = setup()?;
    let chrome = tools.chrome()?.to_path_buf();
    let chromedriver = tools.chromedriver()?.to_path_buf();
    let bench_dir = repo_root().join("target").join("bench");
    let dist = bench_dir.join("dist");

    // The data section needs the venv's pyarrow to write its Parquet file, peer or not.
    let venv = if (options.peer && !options.only_sqlite && !options.only_connections) || options.only_data {
        println!("\n==> bench: peer");
        Some(peer::ensure_venv(&bench_dir)?)
    } else {
        None
    };
    let command = format!("cargo xtask bench{}", args.iter().map(|a| format!(" {a}")).collect::<String>());
    // One section alone (`--only`): its results under `name`, and its table.
    let alone = |machine: Value, name: &str, results: Value, table: String| {
        let mut report = serde_json::Map::new();
        report.insert("command".into(), json!(command));
        report.insert("machine".into(), machine);
        report.insert(name.into(), results);
        report.insert("total_seconds".into(), json!(start.elapsed().as_secs_f64()));
        write_report(&bench_dir, &Value::Object(report), &table, start)
    };
    if options.only_data {
        let machine = machine(&chrome, venv.as_ref());
        let venv = venv.as_ref().ok_or("the data section needs the bench venv")?;
        let data = data::run(&tools, &options, venv, &bench_dir)?;
        return alone(machine, "data", data.json(), data.table());
    }
    if options.only_sqlite {
        let machine = machine(&chrome, venv.as_ref());
        let sqlite = sqlite::run(&tools, &options, &bench_dir, true)?;
        return alone(machine, "sqlite", sqlite.json(), sqlite.table());
    }
    if options.only_charts {
        let machine = machine(&chrome, venv.as_ref());
        let charts = charts::run(&tools, &options, venv.as_ref(), &bench_dir)?;
        return alone(machine, "charts", charts.json(), charts.table());
    }
    if options.only_connections {
        let machine = machine(&chrome, venv.as_ref());
        let connections = connections::run(&tools, &options, &bench_dir)?;
        return alone(machine, "connections", connections.json(), connections.table());
    }
    if options.only_network {
        let machine = machine(&chrome, venv.as_ref());
        if options.build {
            build(&tools, "hello", "bench/apps/hello", &dist.join("hello"))?;
        }
        let results = runtime()?.block_on(measure(
            plan,
            &chrome,
            &chromedriver,
            &dist,
            &bench_dir,
            venv.as_ref(),
            Sections::Network,
        ))?;
        return alone(machine, "cold_start", results.cold_json(), results.cold_table());
    }

    // What runs, read before building (the checkout may move on while the bench runs).
    let machine = machine(&chrome, venv.as_ref());
    println!("\n==> bench: build");
    let mut build_times = serde_json::Map::new();
    for (name, dir) in APPS {
        if options.build {
            let took = build(&tools, name, dir, &dist.join(name))?;
            build_times.insert(name.into(), json!(took.as_secs_f64()));
        } else if !dist.join(name).join("index.html").is_file() {
            return Err(format!("--no-build, but {} has no build", dist.join(name).display()));
        }
    }

    let results =
        runtime()?.block_on(measure(plan, &chrome, &chromedriver, &dist, &bench_dir, venv.as_ref(), Sections::All))?;
    let mut report = json!({
        "command": command,
        "machine": machine,
        "build_seconds": build_times,
        "size": results.size_json(),
        "cold_start": results.cold_json(),
        "interaction": results.interaction_json(),
        "ratios": results.ratios_json(),
    });
    let mut tables = results.table(&report["machine"]);
    // `--only app` stops here: issue 16's figures without data, charts, SQLite and connections.
    if !options.only_app {
        let data_venv = match &venv {
            Some(venv) => venv,
            None => &peer::ensure_venv(&bench_dir)?,
        };
        let data = data::run(&tools, &options, data_venv, &bench_dir)?;
        let charts = charts::run(&tools, &options, venv.as_ref(), &bench_dir)?;
        let sqlite = sqlite::run(&tools, &options, &bench_dir, false)?;
        let connections = connections::run(&tools, &options, &bench_dir)?;
        report["data"] = data.json();
        report["charts"] = charts.json();
        report["sqlite"] = sqlite.json();
        report["connections"] = connections.json();
        tables += &format!("{}{}{}{}", data.table(), charts.table(), sqlite.table(), connections.table());
    }
    report["total_seconds"] = json!(start.elapsed().as_secs_f64());
    write_report(&bench_dir, &report, &tables, start)
}

/// The async runtime the browser sessions run on.
fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| format!("tokio runtime: {e}"))
}

/// Writes `results.json` and prints the tables.
fn write_report(bench_dir: &Path, report: &Value, tables: &str, start: Instant) -> Result {
    std::fs::create_dir_all(bench_dir).map_err(|e| e.to_string())?;
    let out = bench_dir.join("results.json");
    let text = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
    std::fs::write(&out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;

    println!("\n{tables}");
    println!("wrote {}", out.display());
    println!("bench: done in {}", fmt_duration(start.elapsed()));
    Ok(())
}

/// `trunk build --release` of one app into `out`, for the root URL.
fn build(tools: &Tools, name: &str, dir: &str, out: &Path) -> Result<Duration> {
    let start = Instant::now();
    println!("--> trunk build --release {name}");
    let mut trunk = tools.command("trunk");
    trunk
        .current_dir(repo_root().join(dir))
        .args(["build", "--release", "--dist"])
        .arg(out)
        .args(["--public-url", "/"]);
    run(&mut trunk)?;
    let took = start.elapsed();
    println!("--> built {name} in {}", fmt_duration(took));
    Ok(took)
}

// ---------------------------------------------------------------------------------------------
// What is measured
// ---------------------------------------------------------------------------------------------

/// One page to load cold.
struct ColdTarget {
    label: &'static str,
    tool: Tool,
    url: String,
    ready_text: &'static str,
    /// Whether its first load is also measured for size.
    size: bool,
    /// The network it loads over (none: loopback, as fast as the machine).
    network: Option<Network>,
}

/// A network emulated by Chromium (`Network.emulateNetworkConditions`), with DevTools' presets.
#[derive(Clone, Copy)]
struct Network {
    /// Round-trip latency added to every request, ms.
    latency_ms: f64,
    /// Bytes per second, down and up.
    download: f64,
    upload: f64,
}

/// DevTools' "Fast 4G": 9 Mbps down, 1.5 Mbps up, 165 ms round trips.
const FAST_4G: Network = Network { latency_ms: 165.0, download: 9e6 / 8.0 * 0.9, upload: 1.5e6 / 8.0 * 0.9 };
/// DevTools' "Slow 3G": 400 kbps down and up, 2 s round trips.
const SLOW_3G: Network = Network { latency_ms: 2000.0, download: 500e3 / 8.0 * 0.8, upload: 500e3 / 8.0 * 0.8 };

/// hello's build with a precompressed `.br` and `.gz` beside each file, served as a static
/// host serves it (the throttled loads).
const HOSTED: &str = "hello_hosted";

/// What `measure` runs.
#[derive(Clone, Copy, PartialEq)]
enum Sections {
    /// Cold starts (loopback and throttled), sizes, interactions.
    All,
    /// Only the throttled cold starts of hello (`--only network`).
    Network,
}

/// One cold load, as `load_info.js` saw it.
struct ColdLoad {
    /// The DOM has the first output line and a slider (before layout).
    dom: f64,
    /// ... and the line has a layout box.
    ready: f64,
    /// The frame after `ready` has been rendered: the app is visible.
    painted: f64,
    /// The HTML document fully received.
    document_end: f64,
    /// The `.wasm`'s first and last byte received (wasmlit).
    wasm_first_byte: f64,
    wasm_end: f64,
    /// The first `indexedDB.open()`: when it was asked for, and how long it took.
    idb_start: f64,
    idb_ms: f64,
    /// The first run's script start and end (wasmlit's `rerun` app marks them).
    script_start: f64,
    script_end: f64,
    dom_content_loaded: f64,
    load: f64,
    /// (URL, encoded bytes the browser received) of the document and every resource.
    files: Vec<(String, u64)>,
}

impl ColdLoad {
    /// The bytes the load received over the network: the document and every resource, as
    /// sent (compressed when the server compressed them).
    fn transferred(&self) -> f64 {
        self.files.iter().map(|(_, bytes)| *bytes as f64).sum()
    }
}

/// One interaction, in milliseconds from the key event.
#[derive(Clone, Debug)]
struct Press {
    /// Key event → the capture listener ran (input delivery).
    listener: f64,
    /// Key event → the result line in the DOM says the new value.
    dom: f64,
    /// Key event → the frame showing it has been rendered.
    paint: f64,
    /// Key event → the last DOM mutation of this rerun.
    last: f64,
    mutations: f64,
    /// wasmlit only: key event → script start, the script, script end → DOM.
    before_script: Option<f64>,
    script: Option<f64>,
    after_script: Option<f64>,
}

impl Press {
    fn from_json(v: &Value) -> Result<Press> {
        let num = |key: &str| v[key].as_f64();
        let (Some(t0), Some(dom)) = (num("t0"), num("tDom")) else {
            return Err(format!("incomplete interaction record: {v}"));
        };
        let script = match (num("scriptStart"), num("scriptEnd")) {
            (Some(s), Some(e)) if s >= t0 && e >= s && e <= dom => Some((s, e)),
            _ => None,
        };
        Ok(Press {
            listener: num("tListener").map(|t| t - t0).unwrap_or(f64::NAN),
            dom: dom - t0,
            paint: num("tPaint").map(|t| t - t0).unwrap_or(f64::NAN),
            last: num("tLast").map(|t| t - t0).unwrap_or(dom - t0),
            mutations: num("mutations").unwrap_or(f64::NAN),
            before_script: script.map(|(s, _)| s - t0),
            script: script.map(|(s, e)| e - s),
            after_script: script.map(|(_, e)| dom - e),
        })
    }

    fn json(&self) -> Value {
        let r = stats::round3;
        json!({
            "listener": r(self.listener), "dom": r(self.dom), "paint": r(self.paint), "last": r(self.last), "mutations": self.mutations,
            "before_script": self.before_script.map(r), "script": self.script.map(r), "after_script": self.after_script.map(r),
        })
    }
}

/// Interaction runs of one (tool, element count).
struct InteractionSet {
    tool: Tool,
    n: usize,
    /// How many text lines change with the slider besides the squared line (`?changing=`).
    changing: usize,
    presses: Vec<Press>,
    /// Cold load of this page, ms to ready, per round (a side result).
    ready: Vec<f64>,
}

impl InteractionSet {
    fn series(&self, f: impl Fn(&Press) -> Option<f64>) -> Vec<f64> {
        self.presses.iter().filter_map(f).collect()
    }
    fn dom(&self) -> Option<Summary> {
        Summary::of(&self.series(|p| Some(p.dom)))
    }
    fn paint(&self) -> Option<Summary> {
        Summary::of(&self.series(|p| Some(p.paint)))
    }
}

#[derive(Default)]
struct Results {
    cold: Vec<(ColdTargetInfo, Vec<ColdLoad>)>,
    sizes: Vec<(String, Tool, PageSize)>,
    interactions: Vec<InteractionSet>,
}

struct ColdTargetInfo {
    label: &'static str,
    tool: Tool,
    url: String,
    /// The emulated network, as JSON (null: loopback).
    network: Value,
}

/// Element counts of the interaction-latency table (both tools) and of the rerun-scaling table.
const LATENCY_SIZES: [usize; 3] = [10, 100, 1000];
const SCALING_SIZES: [usize; 3] = [100, 1000, 10_000];
/// The interaction page where many elements change: 103 elements, 100 of them text lines that
/// show the slider's value (issue 16's "100 changing elements").
const CHANGING_PAGE: (usize, usize) = (103, 100);

async fn measure(
    plan: &Plan,
    chrome: &Path,
    chromedriver: &Path,
    dist: &Path,
    bench_dir: &Path,
    venv: Option<&peer::Venv>,
    sections: Sections,
) -> Result<Results> {
    size::precompress(&dist.join("hello"), &dist.join(HOSTED))?;
    let mut servers: HashMap<&str, StaticServer> = HashMap::new();
    let apps: Vec<&str> = match sections {
        Sections::All => APPS.iter().map(|(name, _)| *name).chain([HOSTED]).collect(),
        Sections::Network => vec![HOSTED],
    };
    for name in apps {
        let server = StaticServer::start(dist.join(name), "/").map_err(|e| format!("cannot serve {name}: {e}"))?;
        servers.insert(name, server);
    }
    let url = |name: &str, query: &str| format!("{}{query}", servers[name].url());
    let peers = match venv {
        Some(venv) => {
            println!("--> streamlit run bench/peer/hello.py, bench/peer/rerun.py");
            let hello = peer::Streamlit::start(venv, "hello.py", bench_dir)?;
            let rerun = peer::Streamlit::start(venv, "rerun.py", bench_dir)?;
            Some((hello, rerun))
        }
        None => None,
    };
    let driver = ChromeDriver::start(chromedriver)?;
    let mut results = Results::default();

    // Cold start (and, from the first load of each page, size).
    let mut targets = Vec::new();
    if sections == Sections::All {
        targets.push(ColdTarget {
            label: "hello",
            tool: Tool::Wasmlit,
            url: url("hello", ""),
            ready_text: SQUARED_ZERO,
            size: true,
            network: None,
        });
        if let Some((hello, _)) = &peers {
            targets.push(ColdTarget {
                label: "hello",
                tool: Tool::Streamlit,
                url: hello.url(""),
                ready_text: SQUARED_ZERO,
                size: true,
                network: None,
            });
        }
        targets.push(ColdTarget {
            label: "hello",
            tool: Tool::Leptos,
            url: url("leptos_hello", ""),
            ready_text: SQUARED_ZERO,
            size: true,
            network: None,
        });
        targets.push(ColdTarget {
            label: "1,000 elements",
            tool: Tool::Wasmlit,
            url: url("rerun", "?n=1000"),
            ready_text: SQUARED_ZERO,
            size: false,
            network: None,
        });
        if let Some((_, rerun)) = &peers {
            targets.push(ColdTarget {
                label: "1,000 elements",
                tool: Tool::Streamlit,
                url: rerun.url("?n=1000"),
                ready_text: SQUARED_ZERO,
                size: false,
                network: None,
            });
        }
        targets.push(ColdTarget {
            label: "fundamentals",
            tool: Tool::Wasmlit,
            url: url("fundamentals", ""),
            ready_text: SQUARED_ZERO,
            size: true,
            network: None,
        });
        targets.push(ColdTarget {
            label: "gallery",
            tool: Tool::Wasmlit,
            url: url("gallery", ""),
            ready_text: "wasmlit gallery",
            size: true,
            network: None,
        });
    }
    // hello on throttled networks: wasmlit precompressed as a static host serves it, Streamlit
    // as its own server sends it (uncompressed).
    for (label, network) in [("hello, Fast 4G", FAST_4G), ("hello, Slow 3G", SLOW_3G)] {
        targets.push(ColdTarget {
            label,
            tool: Tool::Wasmlit,
            url: url(HOSTED, ""),
            ready_text: SQUARED_ZERO,
            size: false,
            network: Some(network),
        });
        if let Some((hello, _)) = &peers {
            targets.push(ColdTarget {
                label,
                tool: Tool::Streamlit,
                url: hello.url(""),
                ready_text: SQUARED_ZERO,
                size: false,
                network: Some(network),
            });
        }
    }

    println!(
        "\n==> bench: cold start ({} warm-up + {} measured loads of {} pages, {} + {} on a throttled network; interleaved)",
        plan.loads.0,
        plan.loads.1,
        targets.len(),
        plan.throttled_loads.0,
        plan.throttled_loads.1,
    );
    let mut loads: Vec<Vec<ColdLoad>> = targets.iter().map(|_| Vec::new()).collect();
    let rounds_of = |target: &ColdTarget| if target.network.is_some() { plan.throttled_loads } else { plan.loads };
    let most_rounds = targets.iter().map(|t| rounds_of(t).0 + rounds_of(t).1).max().unwrap_or(0);
    for round in 0..most_rounds {
        for (i, target) in targets.iter().enumerate() {
            let (warm_ups, measured) = rounds_of(target);
            if round >= warm_ups + measured {
                continue;
            }
            let warm_up = round < warm_ups;
            let load = cold_load(&driver, chrome, target).await?;
            println!(
                "    {:<12} {:<15} load {:>2}{}  ready {:>7.1} ms, painted {:>7.1} ms",
                target.tool.name(),
                target.label,
                round + 1,
                if warm_up { " (warm-up)" } else { "          " },
                load.ready,
                load.painted
            );
            if round == 0 && target.size {
                let sizes = size::measure(&load.files)?;
                results.sizes.push((target.label.to_owned(), target.tool, sizes));
            }
            if !warm_up {
                loads[i].push(load);
            }
        }
    }
    for (target, loads) in targets.into_iter().zip(loads) {
        let network = target.network.map_or(Value::Null, |n| {
            json!({ "latency_ms": n.latency_ms, "download_bytes_per_s": n.download, "upload_bytes_per_s": n.upload })
        });
        results.cold.push((ColdTargetInfo { label: target.label, tool: target.tool, url: target.url, network }, loads));
    }

    if sections == Sections::All {
        // Interaction latency and rerun scaling: the same runs, by element count; the tools take
        // turns so a slow spell of the machine hits both.
        println!("\n==> bench: interactions (key press → DOM)");
        let mut configs: Vec<(Tool, usize, usize, Presses)> = Vec::new();
        let mut sizes: Vec<usize> = LATENCY_SIZES.to_vec();
        for n in SCALING_SIZES {
            if !sizes.contains(&n) {
                sizes.push(n);
            }
        }
        let pages = sizes.iter().map(|&n| (n, 0)).chain([CHANGING_PAGE]);
        for (n, changing) in pages {
            let big = n >= 10_000;
            configs.push((Tool::Wasmlit, n, changing, if big { plan.big_presses } else { plan.presses }));
            if peers.is_some() {
                configs.push((Tool::Streamlit, n, changing, if big { plan.big_peer_presses } else { plan.presses }));
            }
        }
        let max_rounds = configs.iter().map(|c| c.3 .0).max().unwrap_or(0);
        let mut sets: Vec<InteractionSet> = configs
            .iter()
            .map(|&(tool, n, changing, _)| InteractionSet { tool, n, changing, presses: Vec::new(), ready: Vec::new() })
            .collect();
        for round in 0..max_rounds {
            for (i, &(tool, n, changing, (rounds, warm_up, measured))) in configs.iter().enumerate() {
                if round >= rounds {
                    continue;
                }
                let query = if changing > 0 { format!("?n={n}&changing={changing}") } else { format!("?n={n}") };
                let page = match (tool, &peers) {
                    (Tool::Wasmlit, _) => url("rerun", &query),
                    (Tool::Streamlit, Some((_, rerun))) => rerun.url(&query),
                    (Tool::Streamlit, None) | (Tool::Leptos, _) => {
                        unreachable!("only wasmlit and a started peer are pressed")
                    }
                };
                let (ready, presses) = interaction_run(&driver, chrome, &page, warm_up, measured).await?;
                let dom = Summary::of(&presses.iter().map(|p| p.dom).collect::<Vec<_>>());
                let paint = Summary::of(&presses.iter().map(|p| p.paint).collect::<Vec<_>>());
                println!(
                    "    {:<9} {:<14} round {}  ready {:>7.1} ms, {} presses, medians: DOM {:>8.2} ms, painted {:>8.2} ms",
                    tool.name(),
                    query,
                    round + 1,
                    ready,
                    presses.len(),
                    dom.map(|s| s.median).unwrap_or(f64::NAN),
                    paint.map(|s| s.median).unwrap_or(f64::NAN),
                );
                sets[i].ready.push(ready);
                sets[i].presses.extend(presses);
            }
        }
        results.interactions = sets;
    }
    drop(driver);
    drop(peers);
    drop(servers);
    Ok(results)
}

/// One load in a new browser: inject `ready.js`, open `url`, wait until ready.
async fn cold_load(driver: &ChromeDriver, chrome: &Path, target: &ColdTarget) -> Result<ColdLoad> {
    let session = browser::session(driver, chrome).await?;
    let outcome = cold_load_in(&session, target).await;
    session.close().await;
    outcome
}

async fn cold_load_in(session: &Session, target: &ColdTarget) -> Result<ColdLoad> {
    let text = serde_json::to_string(target.ready_text).map_err(|e| e.to_string())?;
    let source = READY_JS.replace("__READY_TEXT__", &text);
    session.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source })).await?;
    if let Some(network) = target.network {
        let conditions = json!({
            "offline": false,
            "latency": network.latency_ms,
            "downloadThroughput": network.download,
            "uploadThroughput": network.upload,
        });
        session.cdp("Network.emulateNetworkConditions", conditions).await?;
    }
    session.goto(&target.url).await?;
    let info = session.execute_async(LOAD_INFO_JS, vec![json!(READY_TIMEOUT_MS)]).await?;
    let Some(ready) = info["ready"].as_f64() else {
        return Err(format!("{} {} never got ready: {info}", target.tool.name(), target.url));
    };
    let num = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    let mut files = Vec::new();
    let mut wasm_end = f64::NAN;
    let mut wasm_first_byte = f64::NAN;
    let document = &info["document"];
    files.push((document["url"].as_str().unwrap_or(&target.url).to_owned(), document["encoded"].as_u64().unwrap_or(0)));
    for resource in info["resources"].as_array().into_iter().flatten() {
        let url = resource["url"].as_str().unwrap_or_default();
        if url.starts_with("http://127.0.0.1:") {
            files.push((url.to_owned(), resource["encoded"].as_u64().unwrap_or(0)));
        }
        if size::path_of(url).ends_with(".wasm") {
            wasm_end = num(&resource["end"]);
            wasm_first_byte = num(&resource["responseStart"]);
        }
    }
    Ok(ColdLoad {
        dom: num(&info["dom"]),
        ready,
        painted: num(&info["painted"]),
        document_end: num(&info["responseEnd"]),
        wasm_first_byte,
        wasm_end,
        idb_start: num(&info["idb"][0]["start"]),
        idb_ms: num(&info["idb"][0]["end"]) - num(&info["idb"][0]["start"]),
        script_start: num(&info["scriptStart"]),
        script_end: num(&info["scriptEnd"]),
        dom_content_loaded: info["domContentLoaded"].as_f64().unwrap_or(f64::NAN),
        load: info["load"].as_f64().unwrap_or(f64::NAN),
        files,
    })
}

/// Opens `url` in a new browser, waits for the first run, then presses ArrowRight on the
/// slider `warm_up + measured` times, one rerun at a time. Returns the page's ready time and
/// the measured presses.
async fn interaction_run(
    driver: &ChromeDriver,
    chrome: &Path,
    url: &str,
    warm_up: usize,
    measured: usize,
) -> Result<(f64, Vec<Press>)> {
    let session = browser::session(driver, chrome).await?;
    let outcome = interaction_run_in(&session, url, warm_up, measured).await;
    session.close().await;
    outcome
}

async fn interaction_run_in(
    session: &Session,
    url: &str,
    warm_up: usize,
    measured: usize,
) -> Result<(f64, Vec<Press>)> {
    let target = ColdTarget {
        label: "",
        tool: Tool::Wasmlit,
        url: url.to_owned(),
        ready_text: SQUARED_ZERO,
        size: false,
        network: None,
    };
    let ready = cold_load_in(session, &target).await?.ready;
    // Let the first run settle (Streamlit finishes its run, fonts load) before the first press.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let shown = session.execute(HARNESS_JS, vec![]).await?;
    if shown.as_str() != Some(SQUARED_ZERO) {
        return Err(format!("{url}: expected the line {SQUARED_ZERO:?}, the page shows {shown}"));
    }
    let mut presses = Vec::with_capacity(measured);
    for i in 1..=(warm_up + measured) as u64 {
        let expected = format!("{i} squared is {}", i * i);
        session.execute(ARM_JS, vec![json!(expected)]).await?;
        session.press("ArrowRight", 39).await?;
        let record = session.execute_async(WAIT_JS, vec![json!(INTERACTION_TIMEOUT_MS)]).await?;
        if record.get("error").is_some() {
            return Err(format!("{url}: press {i} did not show {expected:?}: {record}"));
        }
        let press = Press::from_json(&record)?;
        if i as usize > warm_up {
            presses.push(press);
        }
    }
    Ok((ready, presses))
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

fn ms(x: f64) -> String {
    if x.is_nan() {
        "–".into()
    } else if x < 10.0 {
        format!("{x:.2}")
    } else if x < 100.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.0}")
    }
}

fn kib(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.2} MiB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}

/// `median (p25–p75)`.
fn spread(s: &Summary) -> String {
    format!("{} ({}–{})", ms(s.median), ms(s.p25), ms(s.p75))
}

fn ratio(streamlit: Option<Summary>, wasmlit: Option<Summary>) -> Option<f64> {
    match (streamlit, wasmlit) {
        (Some(s), Some(w)) if w.median > 0.0 => Some(s.median / w.median),
        _ => None,
    }
}

impl Results {
    fn cold_loads(&self, label: &str, tool: Tool) -> Option<&[ColdLoad]> {
        self.cold.iter().find(|(t, _)| t.label == label && t.tool == tool).map(|(_, loads)| loads.as_slice())
    }

    fn cold_summary(&self, label: &str, tool: Tool, f: fn(&ColdLoad) -> f64) -> Option<Summary> {
        self.cold_loads(label, tool).and_then(|loads| Summary::of(&loads.iter().map(f).collect::<Vec<_>>()))
    }

    /// The interactions on the page of `n` elements of which one changes.
    fn set(&self, tool: Tool, n: usize) -> Option<&InteractionSet> {
        self.changing_set(tool, n, 0)
    }

    fn changing_set(&self, tool: Tool, n: usize, changing: usize) -> Option<&InteractionSet> {
        self.interactions.iter().find(|s| s.tool == tool && s.n == n && s.changing == changing)
    }

    /// The pages measured cold, each once, in order.
    fn cold_labels(&self) -> Vec<&'static str> {
        let mut labels: Vec<&'static str> = Vec::new();
        for (info, _) in &self.cold {
            if !labels.contains(&info.label) {
                labels.push(info.label);
            }
        }
        labels
    }

    fn size_json(&self) -> Value {
        let mut out = serde_json::Map::new();
        for (label, tool, size) in &self.sizes {
            out.insert(format!("{} {label}", tool.name()), size.json());
        }
        Value::Object(out)
    }

    fn cold_json(&self) -> Value {
        Value::Array(
            self.cold
                .iter()
                .map(|(t, loads)| {
                    let series = |f: fn(&ColdLoad) -> f64| loads.iter().map(f).collect::<Vec<_>>();
                    json!({
                        "page": t.label,
                        "tool": t.tool.name(),
                        "url": size::path_of(&t.url),
                        "dom_ms": json_of(&series(|l| l.dom)),
                        "ready_ms": json_of(&series(|l| l.ready)),
                        "painted_ms": json_of(&series(|l| l.painted)),
                        "document_received_ms": json_of(&series(|l| l.document_end)),
                        "wasm_first_byte_ms": json_of(&series(|l| l.wasm_first_byte)),
                        "wasm_received_ms": json_of(&series(|l| l.wasm_end)),
                        "indexeddb_open_start_ms": json_of(&series(|l| l.idb_start)),
                        "indexeddb_open_ms": json_of(&series(|l| l.idb_ms)),
                        "first_script_start_ms": json_of(&series(|l| l.script_start)),
                        "first_script_end_ms": json_of(&series(|l| l.script_end)),
                        "dom_content_loaded_ms": json_of(&series(|l| l.dom_content_loaded)),
                        "load_event_ms": json_of(&series(|l| l.load)),
                        "samples_ready_ms": series(|l| stats::round3(l.ready)),
                        "samples_painted_ms": series(|l| stats::round3(l.painted)),
                        "network": t.network,
                        "transferred_bytes": json_of(&series(ColdLoad::transferred)),
                    })
                })
                .collect(),
        )
    }

    fn interaction_json(&self) -> Value {
        Value::Array(
            self.interactions
                .iter()
                .map(|s| {
                    json!({
                        "tool": s.tool.name(),
                        "elements": s.n,
                        "changing": s.changing,
                        "event_to_dom_ms": json_of(&s.series(|p| Some(p.dom))),
                        "event_to_paint_ms": json_of(&s.series(|p| Some(p.paint))),
                        "event_to_last_mutation_ms": json_of(&s.series(|p| Some(p.last))),
                        "event_to_listener_ms": json_of(&s.series(|p| Some(p.listener))),
                        "before_script_ms": json_of(&s.series(|p| p.before_script)),
                        "script_ms": json_of(&s.series(|p| p.script)),
                        "after_script_ms": json_of(&s.series(|p| p.after_script)),
                        "mutations": json_of(&s.series(|p| Some(p.mutations))),
                        "page_ready_ms": s.ready.iter().map(|r| stats::round3(*r)).collect::<Vec<_>>(),
                        "samples": s.presses.iter().map(Press::json).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        )
    }

    fn ratios_json(&self) -> Value {
        let r3 = |r: Option<f64>| r.map(stats::round3);
        let mut cold = serde_json::Map::new();
        for label in self.cold_labels() {
            let ready = ratio(
                self.cold_summary(label, Tool::Streamlit, |l| l.ready),
                self.cold_summary(label, Tool::Wasmlit, |l| l.ready),
            );
            let painted = ratio(
                self.cold_summary(label, Tool::Streamlit, |l| l.painted),
                self.cold_summary(label, Tool::Wasmlit, |l| l.painted),
            );
            if ready.is_some() || painted.is_some() {
                cold.insert(label.into(), json!({ "ready": r3(ready), "painted": r3(painted) }));
            }
        }
        let mut latency = serde_json::Map::new();
        for s in self.interactions.iter().filter(|s| s.tool == Tool::Wasmlit) {
            let peer = self.changing_set(Tool::Streamlit, s.n, s.changing);
            let dom = ratio(peer.and_then(InteractionSet::dom), s.dom());
            let paint = ratio(peer.and_then(InteractionSet::paint), s.paint());
            if dom.is_some() || paint.is_some() {
                let page = if s.changing > 0 { format!("{}, {} changing", s.n, s.changing) } else { s.n.to_string() };
                latency.insert(page, json!({ "dom": r3(dom), "painted": r3(paint) }));
            }
        }
        json!({ "note": "Streamlit median / wasmlit median, same run", "cold_start": cold, "interaction_latency": latency })
    }

    /// The table printed at the end (and pasted into docs/benchmarks.md).
    /// The cold-start table: every page and tool, loopback and throttled.
    fn cold_table(&self) -> String {
        let mut t = String::new();
        let dash = || "–".to_string();
        let times = |r: Option<f64>| r.map(|r| format!("{r:.1}×")).unwrap_or_else(dash);
        let _ = writeln!(
            t,
            "\nCold start: navigation start → first output line and slider shown, ms, median (p25–p75) [min–max]; transferred: bytes on the wire (Resource Timing)"
        );
        let _ =
            writeln!(t, "| page | tool | in the DOM, laid out | painted | loads | transferred | ÷ wasmlit (painted) |");
        let _ = writeln!(t, "|---|---|---:|---:|---:|---:|---:|");
        for label in self.cold_labels() {
            for tool in [Tool::Wasmlit, Tool::Streamlit, Tool::Leptos] {
                let (Some(ready), Some(painted)) =
                    (self.cold_summary(label, tool, |l| l.ready), self.cold_summary(label, tool, |l| l.painted))
                else {
                    continue;
                };
                let r = if tool != Tool::Wasmlit {
                    times(ratio(Some(painted), self.cold_summary(label, Tool::Wasmlit, |l| l.painted)))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    t,
                    "| {label} | {} | {} [{}–{}] | {} [{}–{}] | {} | {} | {r} |",
                    tool.name(),
                    spread(&ready),
                    ms(ready.min),
                    ms(ready.max),
                    spread(&painted),
                    ms(painted.min),
                    ms(painted.max),
                    ready.n,
                    self.cold_summary(label, tool, ColdLoad::transferred)
                        .map(|s| kib(s.median as usize))
                        .unwrap_or_else(dash),
                );
            }
        }
        t
    }

    fn table(&self, machine: &Value) -> String {
        let mut t = String::new();
        let dash = || "–".to_string();
        let times = |r: Option<f64>| r.map(|r| format!("{r:.1}×")).unwrap_or_else(dash);
        let _ = writeln!(
            t,
            "Machine: {} cores, {} GiB, {}; {}; {}",
            machine["cores"],
            machine["memory_gib"],
            machine["cpu"].as_str().unwrap_or("?"),
            machine["chromium"].as_str().unwrap_or("?"),
            machine["streamlit"].as_str().map(|v| format!("Streamlit {v}")).unwrap_or_else(|| "no peer".into()),
        );

        let _ = writeln!(t, "\nSize: everything the first page load transfers (gzip -9, brotli -q 11)");
        let _ = writeln!(t, "| app | files | raw | gzip | brotli | of which .wasm (raw / brotli) |");
        let _ = writeln!(t, "|---|---:|---:|---:|---:|---:|");
        for (label, tool, size) in &self.sizes {
            let wasm =
                size.largest(".wasm").map(|f| format!("{} / {}", kib(f.raw), kib(f.brotli))).unwrap_or_else(dash);
            let _ = writeln!(
                t,
                "| {} {label} | {} | {} | {} | {} | {wasm} |",
                tool.name(),
                size.files.len(),
                kib(size.raw()),
                kib(size.gzip()),
                kib(size.brotli())
            );
        }

        t.push_str(&self.cold_table());

        let _ = writeln!(
            t,
            "\nWhere a wasmlit cold start goes: ms after navigation start, medians (script marks: the rerun app only)"
        );
        let _ = writeln!(
            t,
            "| page | HTML received | .wasm first byte | .wasm received | IndexedDB open: asked (took) | first script start | first script end | in the DOM | laid out | painted |"
        );
        let _ = writeln!(t, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (info, loads) in self.cold.iter().filter(|(info, _)| info.tool != Tool::Streamlit) {
            let med = |f: fn(&ColdLoad) -> f64| {
                Summary::of(&loads.iter().map(f).collect::<Vec<_>>()).map(|s| ms(s.median)).unwrap_or_else(dash)
            };
            let _ = writeln!(
                t,
                "| {}{} | {} | {} | {} | {} ({}) | {} | {} | {} | {} | {} |",
                info.label,
                if info.tool == Tool::Leptos { " (Leptos alone)" } else { "" },
                med(|l| l.document_end),
                med(|l| l.wasm_first_byte),
                med(|l| l.wasm_end),
                med(|l| l.idb_start),
                med(|l| l.idb_ms),
                med(|l| l.script_start),
                med(|l| l.script_end),
                med(|l| l.dom),
                med(|l| l.ready),
                med(|l| l.painted)
            );
        }

        let _ =
            writeln!(t, "\nInteraction latency: key press on the slider → the rerun's result in the DOM / painted, ms");
        let _ = writeln!(
            t,
            "| elements | tool | → DOM, median (p25–p75) | → DOM, p95 | → painted, median (p25–p75) | → painted, p95 | presses | Streamlit / wasmlit (DOM; painted) |"
        );
        let _ = writeln!(t, "|---:|---|---:|---:|---:|---:|---:|---:|");
        let pages = LATENCY_SIZES.iter().map(|&n| (n, 0)).chain([CHANGING_PAGE]);
        for (n, changing) in pages {
            for tool in [Tool::Wasmlit, Tool::Streamlit] {
                let Some(set) = self.changing_set(tool, n, changing) else { continue };
                let (Some(dom), Some(paint)) = (set.dom(), set.paint()) else { continue };
                let r = match (tool, self.changing_set(Tool::Wasmlit, n, changing)) {
                    (Tool::Streamlit, Some(w)) => {
                        format!("{}; {}", times(ratio(Some(dom), w.dom())), times(ratio(Some(paint), w.paint())))
                    }
                    _ => String::new(),
                };
                let _ = writeln!(
                    t,
                    "| {} | {} | {} | {} | {} | {} | {} | {r} |",
                    if changing > 0 { format!("{n}, {changing} changing") } else { n.to_string() },
                    tool.name(),
                    spread(&dom),
                    ms(dom.p95),
                    spread(&paint),
                    ms(paint.p95),
                    dom.n
                );
            }
        }

        let _ =
            writeln!(t, "\nRerun scaling (one element changes per rerun): medians, ms; DOM mutation records per rerun");
        let _ = writeln!(
            t,
            "| elements | tool | key → DOM (p25–p75) | key → script | script | script → DOM | key → painted (p25–p75) | mutations | presses |"
        );
        let _ = writeln!(t, "|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for n in SCALING_SIZES {
            for tool in [Tool::Wasmlit, Tool::Streamlit] {
                let Some(set) = self.set(tool, n) else { continue };
                let med = |v: Vec<f64>| Summary::of(&v).map(|s| ms(s.median)).unwrap_or_else(dash);
                let mutations = Summary::of(&set.series(|p| Some(p.mutations)))
                    .map(|s| {
                        if s.min == s.max {
                            format!("{}", s.median)
                        } else {
                            format!("{} ({}–{})", s.median, s.min, s.max)
                        }
                    })
                    .unwrap_or_else(dash);
                let _ = writeln!(
                    t,
                    "| {n} | {} | {} | {} | {} | {} | {} | {mutations} | {} |",
                    tool.name(),
                    set.dom().map(|s| spread(&s)).unwrap_or_else(dash),
                    med(set.series(|p| p.before_script)),
                    med(set.series(|p| p.script)),
                    med(set.series(|p| p.after_script)),
                    set.paint().map(|s| spread(&s)).unwrap_or_else(dash),
                    set.presses.len()
                );
            }
        }
        let ratios = self.ratios_json();
        let mut line = String::from("\nStreamlit / wasmlit, medians of this run:");
        for (page, r) in ratios["cold_start"].as_object().into_iter().flatten() {
            let _ = write!(line, " cold start {page} {:.1}× (painted);", r["painted"].as_f64().unwrap_or(f64::NAN));
        }
        for (n, r) in ratios["interaction_latency"].as_object().into_iter().flatten() {
            let _ = write!(
                line,
                " interaction at {n} elements {:.0}× (to the DOM), {:.1}× (painted);",
                r["dom"].as_f64().unwrap_or(f64::NAN),
                r["painted"].as_f64().unwrap_or(f64::NAN)
            );
        }
        let _ = writeln!(t, "{}", line.trim_end_matches(';'));
        t
    }
}

/// Cores, memory, CPU, Chromium, Streamlit, date, commit.
fn machine(chrome: &Path, venv: Option<&peer::Venv>) -> Value {
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kib: f64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned());
    let root = repo_root();
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(&root)
            .args(args)
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    json!({
        "date": output_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        "memory_gib": (mem_kib / (1024.0 * 1024.0) * 10.0).round() / 10.0,
        "cpu": cpu,
        "kernel": output_line("uname", &["-sr"]),
        "chromium": output_line(chrome, &["--version"]),
        "streamlit": venv.map(|v| v.version.clone()),
        "python": venv.and_then(|v| output_line(v.dir.join("bin").join("python"), &["--version"])),
        "commit": git(&["rev-parse", "--short", "HEAD"]),
        "uncommitted_changes": git(&["status", "--porcelain", "--untracked-files=no"]).map(|s| !s.is_empty()),
    })
}

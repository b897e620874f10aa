//! `cargo xtask bench --only sqlite`: SQLite in the tab (`bench/apps/sqlite`). Each cold load in
//! a fresh Chromium inserts a million generated rows into a `:memory:` database (one session),
//! runs a `GROUP BY` over them and reads them whole into a `DataFrame`; the app shows the
//! timings as JSON. Also the bytes SQLite adds: the app's files beside hello's (`bench/apps/hello`),
//! compressed with brotli -q 11. In the same run, the npm build (`@sqlite.org/sqlite-wasm`,
//! installed beside `bench/apps/sqlite/npm/index.html` in `target/bench/dist/sqlite_npm` at run
//! time) does the same steps, reading the rows into one array per column.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};

use super::stats::Summary;
use super::{browser, ms, size, Options};
use crate::setup::Tools;
use crate::static_server::StaticServer;
use crate::util::{run as run_cmd, Result};
use browser::ChromeDriver;

/// The npm build measured beside ours, pinned (3.41.2 is the registry's `latest` here).
const NPM_PACKAGE: &str = "@sqlite.org/sqlite-wasm@3.41.2";
/// What a load of the npm page fetches, below its folder.
const NPM_FILES: [&str; 4] = [
    "index.html",
    "node_modules/@sqlite.org/sqlite-wasm/index.mjs",
    "node_modules/@sqlite.org/sqlite-wasm/sqlite-wasm/jswasm/sqlite3-bundler-friendly.mjs",
    "node_modules/@sqlite.org/sqlite-wasm/sqlite-wasm/jswasm/sqlite3.wasm",
];

/// Loads (warm-up, measured) per mode.
const FULL_LOADS: (usize, usize) = (1, 5);
const QUICK_LOADS: (usize, usize) = (1, 2);
/// How long one load may take.
const LOAD_TIMEOUT: Duration = Duration::from_secs(120);
/// The timings the app reports, in milliseconds.
const TIMINGS: [&str; 3] = ["insert_ms", "group_by_ms", "select_all_ms"];

/// Polls for the app's JSON line (in its code block) and hands it back.
const WAIT_JS: &str = r#"
    const [timeout, done] = arguments;
    const started = performance.now();
    const poll = () => {
        const code = document.querySelector('.wl-code code, .wl-code pre');
        const failed = document.querySelector('.wl-exception');
        if (code && code.textContent.includes('select_all_ms')) return done(code.textContent);
        if (failed) return done(JSON.stringify({ error: failed.textContent }));
        if (performance.now() - started > timeout) return done(JSON.stringify({ error: 'timed out' }));
        setTimeout(poll, 20);
    };
    poll();
"#;

pub struct SqliteResults {
    /// Brotli bytes of everything the first load fetches: (bench_sqlite, hello).
    sizes: (usize, usize),
    /// The same for the `.wasm` alone.
    wasm: (usize, usize),
    runs: Vec<Value>,
    /// The npm build: brotli bytes of what its page fetches (all, `.wasm`), and its loads.
    npm_sizes: (usize, usize),
    npm_runs: Vec<Value>,
}

/// Builds the SQLite app, and hello when `build_hello` (the full bench has built it already),
/// unless `--no-build`; measures their files and the SQLite app's loads.
pub fn run(tools: &Tools, options: &Options, bench_dir: &Path, build_hello: bool) -> Result<SqliteResults> {
    let dist = bench_dir.join("dist");
    println!("\n==> bench: SQLite in the tab (1,000,000 rows)");
    for (name, dir, build) in [("sqlite", "bench/apps/sqlite", true), ("hello", "bench/apps/hello", build_hello)] {
        if options.build && build {
            super::build(tools, name, dir, &dist.join(name))?;
        } else if !dist.join(name).join("index.html").is_file() {
            return Err(format!("--no-build, but {} has no build", dist.join(name).display()));
        }
    }
    let (sqlite, sqlite_wasm) = dist_size(&dist.join("sqlite"))?;
    let (hello, hello_wasm) = dist_size(&dist.join("hello"))?;
    let chrome = tools.chrome()?.to_path_buf();
    let chromedriver = tools.chromedriver()?.to_path_buf();
    let npm = npm_page(tools, &dist)?;
    let npm_sizes = npm_size(&npm)?;
    let runtime = super::runtime()?;
    let runs = runtime.block_on(measure(options, &chrome, &chromedriver, &dist.join("sqlite"), "rusqlite"))?;
    let npm_runs = runtime.block_on(measure(options, &chrome, &chromedriver, &npm, "npm"))?;
    Ok(SqliteResults { sizes: (sqlite, hello), wasm: (sqlite_wasm, hello_wasm), runs, npm_sizes, npm_runs })
}

/// `bench/apps/sqlite/npm/index.html` in `dist/sqlite_npm`, with the npm package installed
/// beside it (unless it is there already).
fn npm_page(tools: &Tools, dist: &Path) -> Result<PathBuf> {
    let dir = dist.join("sqlite_npm");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    let page = crate::util::repo_root().join("bench/apps/sqlite/npm/index.html");
    std::fs::copy(&page, dir.join("index.html")).map_err(|e| format!("{}: {e}", page.display()))?;
    if NPM_FILES.iter().any(|file| !dir.join(file).is_file()) {
        let mut npm = tools.command("npm");
        npm.args(["install", "--no-save", "--no-audit", "--no-fund", "--prefix"]).arg(&dir).arg(NPM_PACKAGE);
        run_cmd(&mut npm)?;
    }
    Ok(dir)
}

/// Brotli bytes of the files a load of the npm page fetches, and of its `.wasm`.
fn npm_size(dir: &Path) -> Result<(usize, usize)> {
    let (mut total, mut wasm) = (0, 0);
    for file in NPM_FILES {
        let path = dir.join(file);
        let compressed = size::brotli(&std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?);
        total += compressed;
        if file.ends_with(".wasm") {
            wasm += compressed;
        }
    }
    Ok((total, wasm))
}

/// Brotli bytes of the files a first load of `dist` fetches (its top-level files; these apps
/// load no vendor folder), and of its `.wasm`.
fn dist_size(dist: &Path) -> Result<(usize, usize)> {
    let (mut total, mut wasm) = (0, 0);
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let counted = path.extension().is_some_and(|e| e == "wasm" || e == "js" || e == "html");
        if !counted || path.file_name().is_some_and(|n| n == "404.html") {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let compressed = size::brotli(&bytes);
        total += compressed;
        if path.extension().is_some_and(|e| e == "wasm") {
            wasm += compressed;
        }
    }
    Ok((total, wasm))
}

async fn measure(
    options: &Options,
    chrome: &Path,
    chromedriver: &Path,
    dist: &Path,
    label: &str,
) -> Result<Vec<Value>> {
    let server = StaticServer::start(dist, "/").map_err(|e| format!("cannot serve the SQLite app ({label}): {e}"))?;
    let driver = ChromeDriver::start(chromedriver)?;
    let (warm_up, measured) = if options.quick { QUICK_LOADS } else { FULL_LOADS };
    let mut runs = Vec::new();
    for round in 0..warm_up + measured {
        let session = browser::session(&driver, chrome).await?;
        let outcome = async {
            session.goto(&server.url()).await?;
            let text = session.execute_async(WAIT_JS, vec![json!(LOAD_TIMEOUT.as_millis() as u64)]).await?;
            let text = text.as_str().ok_or("the wait script returned no text")?.to_string();
            serde_json::from_str::<Value>(&text).map_err(|e| format!("the app's timings {text:?}: {e}"))
        }
        .await;
        session.close().await;
        let run = outcome?;
        if let Some(error) = run.get("error") {
            return Err(format!("the SQLite app ({label}) failed: {error}"));
        }
        println!(
            "    {label} load {}{}  insert {} ms, GROUP BY {} ms, SELECT * into a DataFrame {} ms",
            round + 1,
            if round < warm_up { " (warm-up)" } else { "          " },
            run["insert_ms"],
            run["group_by_ms"],
            run["select_all_ms"]
        );
        if round >= warm_up {
            runs.push(run);
        }
    }
    Ok(runs)
}

/// The samples of timing `name` in `runs`.
fn samples(runs: &[Value], name: &str) -> Vec<f64> {
    runs.iter().filter_map(|r| r[name].as_f64()).collect()
}

/// Each timing's statistics.
fn timings(runs: &[Value]) -> serde_json::Map<String, Value> {
    TIMINGS.iter().map(|name| (name.to_string(), super::stats::json_of(&samples(runs, name)))).collect()
}

impl SqliteResults {
    pub fn json(&self) -> Value {
        json!({
            "rows": self.runs.first().map(|r| r["rows"].clone()),
            "brotli_bytes": { "bench_sqlite": self.sizes.0, "hello": self.sizes.1 },
            "wasm_brotli_bytes": { "bench_sqlite": self.wasm.0, "hello": self.wasm.1 },
            "timings": timings(&self.runs),
            "runs": self.runs,
            "npm": {
                "package": NPM_PACKAGE,
                "brotli_bytes": self.npm_sizes.0,
                "wasm_brotli_bytes": self.npm_sizes.1,
                "timings": timings(&self.npm_runs),
                "runs": self.npm_runs,
            },
        })
    }

    pub fn table(&self) -> String {
        let kib = |b: usize| format!("{:.1} KiB", b as f64 / 1024.0);
        let mut t = String::from("\nSQLite in the tab: 1,000,000 rows (median / min / max of the loads)\n");
        t.push_str("| step | rusqlite median (ms) | min | max | npm median (ms) | min | max |\n|---|---|---|---|---|---|---|\n");
        for (name, label) in TIMINGS.iter().zip([
            "insert 1M generated rows (one session)",
            "GROUP BY over 1M rows (100 groups)",
            "SELECT * of 1M rows × 4 columns into columns",
        ]) {
            let cells = |runs: &[Value]| {
                Summary::of(&samples(runs, name))
                    .map_or("| | | ".to_string(), |s| format!("| {} | {} | {} ", ms(s.median), ms(s.min), ms(s.max)))
            };
            t.push_str(&format!("| {label} {}{}|\n", cells(&self.runs), cells(&self.npm_runs)));
        }
        t.push_str(&format!(
            "\nnpm build ({NPM_PACKAGE}), brotli -q 11: {} (.wasm {})\n",
            kib(self.npm_sizes.0),
            kib(self.npm_sizes.1)
        ));
        t.push_str(&format!(
            "\nSize (brotli -q 11): bench_sqlite {} (.wasm {}), hello {} (.wasm {}): SQLite and its frame add {}\n",
            kib(self.sizes.0),
            kib(self.wasm.0),
            kib(self.sizes.1),
            kib(self.wasm.1),
            kib(self.sizes.0.saturating_sub(self.sizes.1))
        ));
        t
    }
}

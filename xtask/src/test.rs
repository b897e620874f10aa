//! `cargo xtask test [lint|native|browser|e2e ...]`: set up, then run every kind of test, in
//! order, stopping at the first failure.
//!
//! - lint: `cargo fmt --check`, then clippy with warnings denied, natively for the workspace
//!   and for wasm32 on the crates that build for the browser;
//! - native: `cargo test --workspace` (engine, AppTest scenarios, doc-tests, the example apps'
//!   tests; the end-to-end tests are `#[ignore]`d there);
//! - browser: `tests/browser.rs`, `tests/browser_persistence.rs`, `tests/browser_data_editor.rs`, `tests/browser_maps.rs`, `tests/browser_charts.rs`, `tests/browser_media.rs`, `tests/browser_storage_faults.rs`, `tests/browser_a11y.rs`, `tests/browser_connections.rs` and `tests/browser_sqlite.rs` (feature `sqlite`) compiled to wasm32 and run
//!   by `wasm-bindgen-test-runner` in headless Chromium (flags in `webdriver.json`);
//! - e2e: every app built once with `trunk build --release` into `target/e2e/<app>/`; the hello
//!   app's `.wasm` must stay within 5% of the brotli size in `bench/size-ceiling.txt`; an app
//!   made by `cargo xtask new` in a temporary folder is built as its README says, and the
//!   hello and multipage apps exported to one file each (`cargo xtask export`), the embedding
//!   example built as `wasm-pack build --target web` would (`target/e2e/embed/`); then
//!   `tests/e2e.rs` drives the apps in Chromium (`WASMLIT_E2E_DIST=<abs>/target/e2e`).
//!
//! Everything shares the workspace's one `target/` folder.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::setup::{setup, Tools};
use crate::util::{fmt_duration, repo_root, run, run_tests, Counts, Result};

const STAGES: [&str; 4] = ["lint", "native", "browser", "e2e"];

/// An app the end-to-end tests (and `cargo xtask screenshot`) load.
pub struct E2eApp {
    /// Its folder in `target/e2e/`.
    pub name: &'static str,
    /// Where `trunk build` runs (it has the app's `Trunk.toml`), relative to the repo root.
    pub dir: &'static str,
    /// The URL prefix it is built for, and served under.
    pub public_url: &'static str,
}

/// The gallery is tested under a sub-path, as GitHub Pages serves it.
pub const GALLERY: E2eApp = E2eApp { name: "gallery", dir: ".", public_url: "/wasmlit/" };
/// The smallest app: its size is held under a ceiling.
/// The app with a custom theme (`examples/chat/wasmlit.toml`).
pub const CHAT: E2eApp = E2eApp { name: "chat", dir: "examples/chat", public_url: "/" };
pub const HELLO: E2eApp = E2eApp { name: "hello", dir: "bench/apps/hello", public_url: "/" };
pub const E2E_APPS: [E2eApp; 9] = [
    GALLERY,
    E2eApp { name: "fundamentals", dir: "examples/fundamentals", public_url: "/" },
    CHAT,
    E2eApp { name: "uber_pickups", dir: "examples/uber_pickups", public_url: "/" },
    // Under a sub-path, as on GitHub Pages: deep links go through its 404.html.
    E2eApp { name: "multipage", dir: "examples/multipage", public_url: "/multipage/" },
    HELLO,
    E2eApp { name: "components", dir: "examples/components", public_url: "/" },
    // The XSS corpus on every text surface, and panics in five places.
    E2eApp { name: "hostile", dir: "examples/hostile", public_url: "/" },
    // Connections: SQLite in the tab (a shipped file, a database persisted across reloads), an
    // HTTP API (its JSON beside the app) and ClickHouse over HTTP (started by the test).
    E2eApp { name: "connections", dir: "examples/connections", public_url: "/" },
];

/// The app `cargo xtask new` writes (`build_new_app`): its folder in `target/e2e/`, and its URL
/// prefix, as GitHub Pages serves a repository named `my-app`.
const NEW_APP: (&str, &str) = ("new_app", "/my-app/");

/// The committed ceiling for the hello app's `.wasm`, brotli-compressed (see `check_size`).
const SIZE_CEILING: &str = "bench/size-ceiling.txt";

/// `target/e2e` (absolute).
pub fn e2e_dist() -> PathBuf {
    repo_root().join("target").join("e2e")
}

struct StageResult {
    name: &'static str,
    counts: Counts,
    elapsed: std::time::Duration,
    note: &'static str,
}

pub fn test(args: &[String]) -> Result {
    let mut stages: Vec<&'static str> = Vec::new();
    for arg in args {
        match STAGES.iter().find(|s| **s == arg) {
            Some(stage) => stages.push(stage),
            None => return Err(format!("unknown test stage `{arg}` (stages: {})", STAGES.join(", "))),
        }
    }
    if stages.is_empty() {
        stages = STAGES.to_vec();
    }

    let start = Instant::now();
    let tools = setup()?;
    let mut results: Vec<StageResult> = Vec::new();
    for stage in stages {
        println!("\n==> test stage: {stage}");
        let stage_start = Instant::now();
        let outcome = match stage {
            "lint" => lint(&tools),
            "native" => native(&tools),
            "browser" => browser(&tools),
            "e2e" => e2e(&tools),
            _ => unreachable!(),
        };
        let elapsed = stage_start.elapsed();
        match outcome {
            Ok((counts, note)) => {
                println!(
                    "==> {stage}: {} passed, {} failed in {}",
                    counts.passed,
                    counts.failed,
                    fmt_duration(elapsed)
                );
                results.push(StageResult { name: stage, counts, elapsed, note });
            }
            Err((mut counts, message)) => {
                counts.failed = counts.failed.max(1);
                println!("==> {stage}: FAILED after {}", fmt_duration(elapsed));
                results.push(StageResult { name: stage, counts, elapsed, note: "FAILED" });
                summary(&results, start);
                return Err(format!("stage {stage} failed: {message}"));
            }
        }
    }
    summary(&results, start);
    Ok(())
}

fn summary(results: &[StageResult], start: Instant) {
    let mut total = Counts::default();
    println!("\n==> summary");
    for r in results {
        total.add(r.counts);
        println!(
            "  {:<8} {:>4} passed  {:>2} failed  {:>3} ignored  {:>8}  {}",
            r.name,
            r.counts.passed,
            r.counts.failed,
            r.counts.ignored,
            fmt_duration(r.elapsed),
            r.note
        );
    }
    println!("  total time (setup included): {}", fmt_duration(start.elapsed()));
    // The closing line, in the plain `N passed, N failed` form test-log readers look for.
    println!("xtask: {} passed, {} failed", total.passed, total.failed);
}

type StageOutcome = std::result::Result<(Counts, &'static str), (Counts, String)>;

/// The crates that build for the browser, linted for wasm32 (the web layer is wasm32-only).
const WASM_CRATES: [&str; 18] = [
    "wasmlit",
    "gallery",
    "fundamentals",
    "caching",
    "chat",
    "uber_pickups",
    "multipage",
    "bench_hello",
    "bench_rerun",
    "bench_leptos_hello",
    "bench_data",
    "bench_charts",
    "embed",
    "components",
    "hostile",
    "connections",
    "bench_clickhouse",
    "bench_sqlite",
];

fn lint(tools: &Tools) -> StageOutcome {
    let fail = |e: String| (Counts::default(), e);
    let root = repo_root();
    let mut fmt = tools.cargo();
    fmt.current_dir(&root).args(["fmt", "--all", "--check"]);
    run(&mut fmt).map_err(|e| fail(format!("{e}\n(run `cargo fmt --all` to format the tree)")))?;
    let mut native = tools.cargo();
    native.current_dir(&root).args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]);
    run(&mut native).map_err(fail)?;
    // The heavy element families are features on by default: the crate must build without them.
    let mut lean = tools.cargo();
    lean.current_dir(&root).args(["clippy", "-p", "wasmlit", "--lib", "--no-default-features", "--", "-D", "warnings"]);
    run(&mut lean).map_err(fail)?;
    // The same in the browser build (the embedding example uses wasmlit without them).
    let mut lean_wasm = tools.cargo();
    lean_wasm.current_dir(&root).args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "wasmlit",
        "--lib",
        "--no-default-features",
        "--",
        "-D",
        "warnings",
    ]);
    run(&mut lean_wasm).map_err(fail)?;
    let mut wasm = tools.cargo();
    wasm.current_dir(&root).args(["clippy", "--target", "wasm32-unknown-unknown", "--lib", "--bins", "--tests"]);
    for krate in WASM_CRATES {
        wasm.args(["-p", krate]);
    }
    wasm.args(["--", "-D", "warnings"]);
    run(&mut wasm).map_err(fail)?;
    Ok((Counts::default(), "fmt, clippy native and wasm32 (both also without default features)"))
}

/// Fails when the hello app's `.wasm`, brotli-compressed, is more than 5% above the ceiling
/// in `bench/size-ceiling.txt`. Raise the ceiling only with a line in `docs/benchmarks.md`.
fn check_size(dist: &Path) -> Result<String> {
    let path = repo_root().join(SIZE_CEILING);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let ceiling: usize = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .and_then(|line| line.parse().ok())
        .ok_or_else(|| format!("{} holds no byte count", path.display()))?;
    let wasm = std::fs::read_dir(dist)
        .map_err(|e| format!("cannot read {}: {e}", dist.display()))?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|x| x == "wasm"))
        .ok_or_else(|| format!("no .wasm in {}", dist.display()))?;
    let bytes = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let size = crate::bench::size::brotli(&bytes);
    let limit = ceiling + ceiling / 20;
    let report = format!("hello .wasm: {size} bytes brotli (ceiling {ceiling}, limit +5% = {limit})");
    if size > limit {
        return Err(format!(
            "{report}: too big. Shrink it, or raise {SIZE_CEILING} with a reason in docs/benchmarks.md"
        ));
    }
    Ok(report)
}

fn native(tools: &Tools) -> StageOutcome {
    let mut cargo = tools.cargo();
    cargo.current_dir(repo_root()).args(["test", "--workspace"]);
    run_tests(&mut cargo).map(|c| (c, ""))
}

fn browser(tools: &Tools) -> StageOutcome {
    let root = repo_root();
    if !root.join("tests").join("browser.rs").is_file() {
        println!();
        println!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
        println!("!!! SKIPPED: tests/browser.rs does not exist, so there are no browser tests");
        println!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
        return Ok((Counts::default(), "SKIPPED: no tests/browser.rs"));
    }
    let chromedriver = tools.chromedriver().map_err(|e| (Counts::default(), e))?;
    let mut cargo = tools.cargo();
    cargo
        .current_dir(&root)
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser",
            "--test",
            "browser_persistence",
            "--test",
            "browser_data_editor",
            "--test",
            "browser_maps",
            "--test",
            "browser_charts",
            "--test",
            "browser_media",
            "--test",
            "browser_storage_faults",
            "--test",
            "browser_a11y",
            "--test",
            "browser_connections",
            "--test",
            "browser_sqlite",
            // SQLite in the tab (tests/browser_sqlite.rs) is behind its feature.
            "--features",
            "sqlite",
            // The storage tests drive the IndexedDB layer.
            "--features",
            "persist",
        ])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
        .env("CHROMEDRIVER", chromedriver)
        // The runner's default (20 s for the whole run) is short for a slow CI machine.
        .env("WASM_BINDGEN_TEST_TIMEOUT", std::env::var("WASM_BINDGEN_TEST_TIMEOUT").unwrap_or_else(|_| "300".into()));
    let mut counts = run_tests(&mut cargo)?;
    // An app that persists, built without `persist`: it warns and keeps running.
    let mut without = tools.cargo();
    without
        .current_dir(&root)
        .args(["test", "--target", "wasm32-unknown-unknown", "--test", "browser_without_persist"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
        .env("CHROMEDRIVER", chromedriver);
    let more = run_tests(&mut without).map_err(|(mut failed, e)| {
        failed.add(counts);
        (failed, e)
    })?;
    counts.add(more);
    Ok((counts, ""))
}

/// Builds one app with `trunk build --release` into `target/e2e/<name>`.
pub fn build_app(tools: &Tools, app: &E2eApp) -> Result<PathBuf> {
    let dist = e2e_dist().join(app.name);
    let dir = repo_root().join(app.dir);
    let start = Instant::now();
    println!("--> trunk build --release {} (public URL {})", app.name, app.public_url);
    let mut trunk = tools.command("trunk");
    trunk.current_dir(&dir).args(["build", "--release", "--dist"]).arg(&dist).args(["--public-url", app.public_url]);
    run(&mut trunk)?;
    println!("--> built {} in {} ({})", app.name, fmt_duration(start.elapsed()), wasm_size(&dist));
    Ok(dist)
}

/// Makes an app with `cargo xtask new` in a temporary folder outside the workspace (wasmlit by
/// path to this checkout) and builds it with trunk, as its README says, into
/// `target/e2e/new_app`. It shares the workspace's target dir and a copy of its `Cargo.lock`,
/// so the wasmlit crates built for the hello app are reused: only the app's own crate compiles
/// and links.
fn build_new_app(tools: &Tools) -> Result<PathBuf> {
    let root = repo_root();
    let parent = std::env::temp_dir().join(format!("wasmlit-e2e-new-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&parent);
    let app = crate::new::NewApp {
        dir: parent.join("my-app"),
        name: "my-app".into(),
        source: crate::new::Source::Path(root.clone()),
    };
    crate::new::create(&app)?;
    let lock = app.dir.join("Cargo.lock");
    std::fs::copy(root.join("Cargo.lock"), &lock)
        .map_err(|e| format!("cannot copy Cargo.lock to {}: {e}", lock.display()))?;
    let dist = e2e_dist().join(NEW_APP.0);
    let start = Instant::now();
    println!("--> trunk build --release {} (made by cargo xtask new in {})", NEW_APP.0, app.dir.display());
    let mut trunk = tools.command("trunk");
    trunk
        .current_dir(&app.dir)
        .env("CARGO_TARGET_DIR", crate::new::target_dir(&root))
        .args(["build", "--release", "--dist"])
        .arg(&dist)
        .args(["--public-url", NEW_APP.1]);
    let built = run(&mut trunk);
    let _ = std::fs::remove_dir_all(&parent);
    built?;
    println!("--> built {} in {} ({})", NEW_APP.0, fmt_duration(start.elapsed()), wasm_size(&dist));
    Ok(dist)
}

/// The embedding example (examples/embed) as `wasm-pack build --target web --out-dir www/pkg`
/// makes it (wasm-pack is cargo + wasm-bindgen + wasm-opt): `target/e2e/embed/index.html`,
/// its host page, and `pkg/`. One release build of the example crate.
fn build_embed(tools: &Tools) -> Result<PathBuf> {
    let root = repo_root();
    let dist = e2e_dist().join("embed");
    let pkg = dist.join("pkg");
    let start = Instant::now();
    println!("--> cargo build --release embed (wasm32) + wasm-bindgen --target web + wasm-opt");
    let mut cargo = tools.cargo();
    cargo.current_dir(&root).args(["build", "--release", "--target", "wasm32-unknown-unknown", "-p", "embed"]);
    run(&mut cargo)?;
    let wasm = crate::new::target_dir(&root).join("wasm32-unknown-unknown/release/embed.wasm");
    let mut bindgen = tools.command("wasm-bindgen");
    bindgen.args(["--target", "web", "--out-dir"]).arg(&pkg).arg(&wasm);
    run(&mut bindgen)?;
    let optimized = pkg.join("embed_bg.wasm");
    let mut opt = tools.command("wasm-opt");
    opt.arg("-Oz").arg("--enable-bulk-memory").arg("--enable-reference-types").arg("--enable-nontrapping-float-to-int");
    opt.arg(&optimized).arg("-o").arg(&optimized);
    run(&mut opt)?;
    let page = dist.join("index.html");
    std::fs::copy(root.join("examples/embed/www/index.html"), &page)
        .map_err(|e| format!("cannot copy the embed page to {}: {e}", page.display()))?;
    println!("--> built embed in {} ({})", fmt_duration(start.elapsed()), wasm_size(&pkg));
    Ok(dist)
}

/// `cargo xtask export` of apps built above into `target/e2e/export/<app>.html`, which the
/// end-to-end tests open from `file://`: the hello app, and the multipage app (pages in the
/// fragment there).
fn export_apps() -> Result {
    let out = e2e_dist().join("export");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for app in [HELLO.name, "multipage"] {
        let html = crate::export::single_file(&e2e_dist().join(app))?;
        let file = out.join(format!("{app}.html"));
        std::fs::write(&file, &html).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        println!("--> exported {} ({} KiB)", file.display(), html.len() / 1024);
    }
    Ok(())
}

fn wasm_size(dist: &Path) -> String {
    let sizes: Vec<String> = std::fs::read_dir(dist)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "wasm"))
        .filter_map(|e| e.metadata().ok().map(|m| format!("{} KiB wasm", m.len() / 1024)))
        .collect();
    if sizes.is_empty() {
        "no .wasm?".into()
    } else {
        sizes.join(", ")
    }
}

fn e2e(tools: &Tools) -> StageOutcome {
    let fail = |e: String| (Counts::default(), e);
    let chromedriver = tools.chromedriver().map_err(fail)?;
    let chrome = tools.chrome().map_err(fail)?;
    for app in &E2E_APPS {
        let dist = build_app(tools, app).map_err(fail)?;
        if app.name == HELLO.name {
            println!("--> {}", check_size(&dist).map_err(fail)?);
        }
    }
    build_new_app(tools).map_err(fail)?;
    build_embed(tools).map_err(fail)?;
    export_apps().map_err(fail)?;
    let mut cargo = tools.cargo();
    cargo
        .current_dir(repo_root())
        .args(["test", "--test", "e2e", "--", "--ignored", "--test-threads=1"])
        .env("WASMLIT_E2E_DIST", e2e_dist())
        .env("CHROMEDRIVER", chromedriver)
        .env("CHROME", chrome);
    run_tests(&mut cargo).map(|c| (c, ""))
}

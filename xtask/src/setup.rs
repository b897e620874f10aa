//! `cargo xtask setup`: install whatever is missing, idempotently, and say what is there.
//!
//! What a fresh Debian machine with rustup, cargo, node and npm lacks:
//! - the `wasm32-unknown-unknown` target (rustup),
//! - `trunk` 0.21 (0.22 needs a newer rustc than the one here),
//! - `wasm-bindgen-cli` at exactly the version of the `wasm-bindgen` crate in `Cargo.lock`
//!   (trunk and `wasm-bindgen-test-runner` would otherwise try to download one),
//! - `wasm-opt` from npm's `binaryen@132` (Debian's binaryen 108 breaks wasm-bindgen's
//!   externref table), in `~/.cache/wasmlit/binaryen`,
//! - the JavaScript libraries of charts and maps, pinned in `vendor/package.json`
//!   (see [`crate::vendor`]),
//! - Chromium and ChromeDriver, which come from Debian: xtask does not run apt, it says what to
//!   run (`.ci/run` does run it in CI),
//! - `clickhouse-server` (Debian's 18.16), which the ClickHouse e2e test and bench start: the
//!   same, reported as a warning when missing (the rest of the suite runs without it).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::util::{cargo, fmt_duration, output_line, repo_root, run, Result};

const TRUNK_REQ: &str = "~0.21.14";
const TRUNK_PREFIX: &str = "trunk 0.21.";
const BINARYEN: &str = "binaryen@132";
const WASM_OPT_VERSION: &str = "version 132";
pub const APT_CHROMIUM: &str = "apt-get update && apt-get install -y chromium chromium-driver";
pub const APT_CLICKHOUSE: &str = "apt-get update && apt-get install -y clickhouse-server";
/// Debian's ClickHouse server binary.
pub const CLICKHOUSE_SERVER: &str = "/usr/sbin/clickhouse-server";

/// Where the tools are, for the commands that use them.
pub struct Tools {
    /// `PATH` for child processes: binaryen's `.bin`, cargo's `bin`, then the inherited `PATH`.
    pub path: OsString,
    pub chrome: Option<PathBuf>,
    pub chromedriver: Option<PathBuf>,
}

impl Tools {
    /// A command that finds the installed tools first on its `PATH`.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let program = program.as_ref();
        let resolved = find_in_path(Path::new(program), &self.path).unwrap_or_else(|| program.into());
        let mut cmd = Command::new(resolved);
        cmd.env("PATH", &self.path);
        cmd
    }

    /// Like [`crate::util::cargo`], with the tools on `PATH`.
    pub fn cargo(&self) -> Command {
        let mut cmd = cargo();
        cmd.env("PATH", &self.path);
        cmd
    }

    pub fn chrome(&self) -> Result<&Path> {
        self.chrome.as_deref().ok_or_else(|| format!("Chromium is missing: {APT_CHROMIUM}"))
    }

    pub fn chromedriver(&self) -> Result<&Path> {
        self.chromedriver.as_deref().ok_or_else(|| format!("ChromeDriver is missing: {APT_CHROMIUM}"))
    }
}

/// Whether a missing Chromium is an error (`setup`, `test`, `screenshot`) or a warning (`serve`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    Required,
    Optional,
}

pub fn setup() -> Result<Tools> {
    setup_with(Browser::Required)
}

pub fn setup_with(browser: Browser) -> Result<Tools> {
    let start = Instant::now();
    println!("==> setup");
    let binaryen_dir = cache_dir().join("binaryen");
    let binaryen_bin = binaryen_dir.join("node_modules").join(".bin");
    let cargo_bin = cargo_home().join("bin");
    let mut dirs = vec![binaryen_bin.clone(), cargo_bin.clone()];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    let path = std::env::join_paths(dirs).map_err(|e| format!("bad PATH: {e}"))?;
    let tools = |chrome, chromedriver| Tools { path: path.clone(), chrome, chromedriver };
    let probe = tools(None, None);

    wasm_target(&probe)?;
    trunk(&probe)?;
    wasm_bindgen(&probe)?;
    wasm_opt(&probe, &binaryen_dir, &binaryen_bin)?;
    crate::vendor::vendor(&probe, report)?;
    let (chrome, chromedriver) = chromium(browser)?;
    clickhouse();

    println!("setup: done in {}", fmt_duration(start.elapsed()));
    Ok(tools(chrome, chromedriver))
}

fn report(tool: &str, state: &str, detail: &str) {
    println!("setup: {tool:<14} {state:<9} {detail}");
}

fn wasm_target(tools: &Tools) -> Result {
    const TARGET: &str = "wasm32-unknown-unknown";
    let rustup = || tools.command("rustup");
    let installed = rustup()
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == TARGET))
        .map_err(|e| format!("cannot run rustup ({e}); install Rust with rustup: https://rustup.rs"))?;
    if installed {
        report("wasm32 target", "found", TARGET);
        return Ok(());
    }
    let start = Instant::now();
    run(rustup().args(["target", "add", TARGET]))?;
    report("wasm32 target", "installed", &format!("{TARGET} in {}", fmt_duration(start.elapsed())));
    Ok(())
}

/// `cargo install` with the release profile's fat LTO turned off: it builds several times faster
/// on two cores, and these are build tools, not shipped code.
fn cargo_install(tools: &Tools, args: &[&str]) -> Result {
    let mut cmd = tools.cargo();
    cmd.arg("install")
        .args(args)
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    run(&mut cmd)
}

fn version_of(tools: &Tools, program: &str) -> Option<String> {
    let resolved = find_in_path(Path::new(program), &tools.path)?;
    output_line(resolved, &["--version"])
}

fn where_is(tools: &Tools, program: &str) -> String {
    find_in_path(Path::new(program), &tools.path).map(|p| p.display().to_string()).unwrap_or_default()
}

fn trunk(tools: &Tools) -> Result {
    if let Some(version) = version_of(tools, "trunk").filter(|v| v.starts_with(TRUNK_PREFIX)) {
        report("trunk", "found", &format!("{version} ({})", where_is(tools, "trunk")));
        return Ok(());
    }
    let start = Instant::now();
    cargo_install(tools, &["trunk", "--version", TRUNK_REQ, "--locked", "--force"])?;
    let version = version_of(tools, "trunk")
        .filter(|v| v.starts_with(TRUNK_PREFIX))
        .ok_or_else(|| format!("installed trunk {TRUNK_REQ}, but `trunk --version` does not say {TRUNK_PREFIX}x"))?;
    report("trunk", "installed", &format!("{version} in {}", fmt_duration(start.elapsed())));
    Ok(())
}

/// The version of the `wasm-bindgen` crate in `Cargo.lock`.
fn locked_wasm_bindgen() -> Result<String> {
    let lock_path = repo_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path).map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) =
                lines.next().and_then(|l| l.trim().strip_prefix("version = \"")).and_then(|l| l.strip_suffix('"'))
            {
                return Ok(version.to_owned());
            }
        }
    }
    Err(format!("no wasm-bindgen package in {}", lock_path.display()))
}

fn wasm_bindgen(tools: &Tools) -> Result {
    let want = locked_wasm_bindgen()?;
    let ok = |tools: &Tools| {
        let expected = |name: &str| Some(format!("{name} {want}"));
        version_of(tools, "wasm-bindgen") == expected("wasm-bindgen")
            && version_of(tools, "wasm-bindgen-test-runner") == expected("wasm-bindgen-test-runner")
    };
    if ok(tools) {
        report("wasm-bindgen", "found", &format!("wasm-bindgen {want} ({})", where_is(tools, "wasm-bindgen")));
        return Ok(());
    }
    let start = Instant::now();
    // Not `--locked`: the CLI's own lock file wants a webpki-roots that the registry mirror
    // here lacks; resolving afresh works.
    cargo_install(tools, &["wasm-bindgen-cli", "--version", &format!("={want}"), "--force"])?;
    if !ok(tools) {
        return Err(format!("installed wasm-bindgen-cli {want}, but `wasm-bindgen --version` disagrees"));
    }
    report("wasm-bindgen", "installed", &format!("wasm-bindgen {want} in {}", fmt_duration(start.elapsed())));
    Ok(())
}

fn wasm_opt(tools: &Tools, dir: &Path, bin: &Path) -> Result {
    let wasm_opt = bin.join("wasm-opt");
    let version = || output_line(&wasm_opt, &["--version"]).filter(|v| v.contains(WASM_OPT_VERSION));
    if let Some(v) = version() {
        report("wasm-opt", "found", &format!("{v} ({})", wasm_opt.display()));
        return Ok(());
    }
    if version_of(tools, "npm").is_none() {
        return Err(format!(
            "npm is missing; wasm-opt comes from npm's {BINARYEN}. Install Node.js and npm:\n    apt-get install -y nodejs npm"
        ));
    }
    let start = Instant::now();
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut npm = tools.command("npm");
    npm.args(["install", "--no-audit", "--no-fund", "--prefix"]).arg(dir).arg(BINARYEN);
    run(&mut npm)?;
    let v = version().ok_or_else(|| format!("installed {BINARYEN}, but {} does not run", wasm_opt.display()))?;
    report("wasm-opt", "installed", &format!("{v} in {}", fmt_duration(start.elapsed())));
    Ok(())
}

fn chromium(browser: Browser) -> Result<(Option<PathBuf>, Option<PathBuf>)> {
    let locate = |var: &str, default: &str| {
        let path = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| default.into());
        path.is_file().then_some(path)
    };
    let chrome = locate("CHROME", "/usr/bin/chromium");
    let chromedriver = locate("CHROMEDRIVER", "/usr/bin/chromedriver");
    for (name, found) in [("chromium", &chrome), ("chromedriver", &chromedriver)] {
        match found {
            Some(path) => {
                let version = output_line(path, &["--version"])
                    .map(|v| v.split(" (").next().unwrap_or_default().to_owned())
                    .unwrap_or_else(|| "(version unknown)".into());
                report(name, "found", &format!("{version} ({})", path.display()));
            }
            None => report(name, "MISSING", "(set CHROME / CHROMEDRIVER if it is elsewhere)"),
        }
    }
    if chrome.is_none() || chromedriver.is_none() {
        let message = format!("Chromium and ChromeDriver come from Debian; as root run:\n    {APT_CHROMIUM}");
        match browser {
            Browser::Required => return Err(message),
            Browser::Optional => println!("setup: warning: {message}\n       (serving works without them)"),
        }
    }
    Ok((chrome, chromedriver))
}

/// Reports Debian's `clickhouse-server`, or what to run to install it.
fn clickhouse() {
    let server = Path::new(CLICKHOUSE_SERVER);
    if server.is_file() {
        // 18.16 has no `--version`; dpkg knows.
        let version = output_line("dpkg-query", &["-W", "-f=${Version}", "clickhouse-server"])
            .unwrap_or_else(|| "(version unknown)".into());
        report("clickhouse", "found", &format!("{version} ({CLICKHOUSE_SERVER})"));
    } else {
        report("clickhouse", "MISSING", "(only the ClickHouse e2e test and bench need it)");
        println!("setup: warning: ClickHouse comes from Debian; as root run:\n    {APT_CLICKHOUSE}");
    }
}

/// `$CARGO_HOME`, or `~/.cargo`.
fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|| home().join(".cargo"))
}

/// `$XDG_CACHE_HOME/wasmlit`, or `~/.cache/wasmlit`.
fn cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME").map(PathBuf::from).unwrap_or_else(|| home().join(".cache")).join("wasmlit")
}

fn home() -> PathBuf {
    std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| "/root".into())
}

/// `program` itself if it has a `/`, else the first executable of that name on `path`.
pub fn find_in_path(program: &Path, path: &OsString) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let executable =
        |p: &Path| p.metadata().map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false);
    if program.components().count() > 1 {
        return executable(program).then(|| program.to_path_buf());
    }
    std::env::split_paths(path).map(|dir| dir.join(program)).find(|p| executable(p))
}

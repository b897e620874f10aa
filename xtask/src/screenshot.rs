//! `cargo xtask screenshot`: build the gallery (as the e2e stage does, into `target/e2e/gallery`,
//! for the `/wasmlit/` sub-path), serve it on 127.0.0.1, and let headless Chromium's own
//! `--screenshot` take `target/screenshots/gallery-{light,dark,mobile}.png`.
//!
//! The colour scheme is set twice, so the picture is right whichever the app follows: Chromium's
//! `--blink-settings=preferredColorScheme=0|1` (0 = dark; `--force-dark-mode` agrees) flips
//! `prefers-color-scheme`, and `?theme=dark|light` asks the app for that theme outright.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::setup::setup;
use crate::static_server::StaticServer;
use crate::test::{build_app, GALLERY};
use crate::util::{display, fmt_duration, repo_root, Result};

/// Chromium's flags for a headless run as root in a container.
const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--hide-scrollbars",
];

struct Shot {
    file: &'static str,
    width: u32,
    height: u32,
    dark: bool,
}

const SHOTS: [Shot; 3] = [
    Shot { file: "gallery-light.png", width: 1280, height: 2000, dark: false },
    Shot { file: "gallery-dark.png", width: 1280, height: 2000, dark: true },
    Shot { file: "gallery-mobile.png", width: 420, height: 1800, dark: false },
];

pub fn screenshot(args: &[String]) -> Result {
    if let Some(arg) = args.first() {
        return Err(format!("screenshot takes no arguments (got `{arg}`)"));
    }
    let start = Instant::now();
    let tools = setup()?;
    let chrome = tools.chrome()?.to_path_buf();
    let dist = build_app(&tools, &GALLERY)?;
    let server =
        StaticServer::start(&dist, GALLERY.public_url).map_err(|e| format!("cannot serve {}: {e}", dist.display()))?;
    let out_dir = repo_root().join("target").join("screenshots");
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    println!("==> screenshots of {}", server.url());
    for shot in &SHOTS {
        let out = out_dir.join(shot.file);
        let theme = if shot.dark { "dark" } else { "light" };
        let url = format!("{}?theme={theme}", server.url());
        take(&chrome, shot, &url, &out)?;
        println!("saved {} ({}x{}, {theme})", out.display(), shot.width, shot.height);
    }
    drop(server);
    println!("screenshot: done in {}", fmt_duration(start.elapsed()));
    Ok(())
}

fn take(chrome: &Path, shot: &Shot, url: &str, out: &Path) -> Result {
    use std::os::unix::process::CommandExt;
    let profile = std::env::temp_dir().join(format!("wasmlit-screenshot-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let _ = std::fs::remove_file(out);
    let mut cmd = Command::new(chrome);
    cmd.args(CHROME_ARGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--window-size={},{}", shot.width, shot.height))
        .args(if shot.dark {
            &["--blink-settings=preferredColorScheme=0", "--force-dark-mode"][..]
        } else {
            &["--blink-settings=preferredColorScheme=1"][..]
        })
        // Virtual time runs ahead while the page is idle, so this waits for the wasm to load
        // and the first run to render without sleeping for real.
        .arg("--virtual-time-budget=5000")
        .arg(format!("--screenshot={}", out.display()))
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0);
    let line = display(&cmd);
    let mut child = cmd.spawn().map_err(|e| format!("cannot run `{line}`: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = Command::new("kill").args(["-KILL", &format!("-{}", child.id())]).status();
            let _ = child.wait();
            let _ = std::fs::remove_dir_all(&profile);
            return Err(format!("`{line}` took over 2 minutes"));
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = std::fs::remove_dir_all(&profile);
    if !status.success() || !out.is_file() {
        return Err(format!("`{line}` failed ({status}) or wrote no {}", out.display()));
    }
    Ok(())
}

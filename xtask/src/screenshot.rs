//! `cargo xtask screenshot`: build the gallery (as the e2e stage does, into `target/e2e/gallery`,
//! for the `/wasmlit/` sub-path) and the chat app, serve them on 127.0.0.1, and let headless
//! Chromium's own `--screenshot` take, in `target/screenshots/`:
//! `gallery-{light,dark,mobile}.png` (the top of the gallery),
//! `gallery-charts-{light,dark}.png` and `gallery-maps-{light,dark}.png` (those sections drawn:
//! their toggles are bound to `?charts=true` / `?maps=true`, and `#charts` scrolls to them), and
//! `chat-custom.png` (the chat app in its custom theme from `examples/chat/wasmlit.toml`).
//!
//! The colour scheme is set twice, so the picture is right whichever the app follows: Chromium's
//! `--blink-settings=preferredColorScheme=0|1` (0 = dark; `--force-dark-mode` agrees) flips
//! `prefers-color-scheme`, and `?theme=dark|light` asks the app for that theme outright.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::setup::setup;
use crate::static_server::StaticServer;
use crate::test::{build_app, CHAT, GALLERY};
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
    /// What follows the app's URL: query (after the theme) and fragment.
    query: &'static str,
    width: u32,
    height: u32,
    /// The theme asked for: `light`, `dark` or `custom` (the app's own).
    theme: &'static str,
}

const GALLERY_SHOTS: [Shot; 7] = [
    Shot { file: "gallery-light.png", query: "", width: 1280, height: 2000, theme: "light" },
    Shot { file: "gallery-dark.png", query: "", width: 1280, height: 2000, theme: "dark" },
    Shot { file: "gallery-mobile.png", query: "", width: 420, height: 1800, theme: "light" },
    Shot { file: "gallery-charts-light.png", query: "&charts=true#charts", width: 1280, height: 2400, theme: "light" },
    Shot { file: "gallery-charts-dark.png", query: "&charts=true#charts", width: 1280, height: 2400, theme: "dark" },
    Shot { file: "gallery-maps-light.png", query: "&maps=true#maps", width: 1280, height: 1600, theme: "light" },
    Shot { file: "gallery-maps-dark.png", query: "&maps=true#maps", width: 1280, height: 1600, theme: "dark" },
];

const CHAT_SHOTS: [Shot; 1] = [Shot { file: "chat-custom.png", query: "", width: 1280, height: 1000, theme: "custom" }];

pub fn screenshot(args: &[String]) -> Result {
    if let Some(arg) = args.first() {
        return Err(format!("screenshot takes no arguments (got `{arg}`)"));
    }
    let start = Instant::now();
    let tools = setup()?;
    let chrome = tools.chrome()?.to_path_buf();
    let out_dir = repo_root().join("target").join("screenshots");
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    for (app, shots) in [(&GALLERY, &GALLERY_SHOTS[..]), (&CHAT, &CHAT_SHOTS[..])] {
        let dist = build_app(&tools, app)?;
        let server =
            StaticServer::start(&dist, app.public_url).map_err(|e| format!("cannot serve {}: {e}", dist.display()))?;
        println!("==> screenshots of {}", server.url());
        for shot in shots {
            let out = out_dir.join(shot.file);
            let url = format!("{}?theme={}{}", server.url(), shot.theme, shot.query);
            take(&chrome, shot, &url, &out)?;
            println!("saved {} ({}x{}, {})", out.display(), shot.width, shot.height, shot.theme);
        }
    }
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
        .args(if shot.theme == "dark" {
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

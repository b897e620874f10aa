//! A `chromedriver` child for the end-to-end tests and `cargo xtask bench`: started on a free
//! 127.0.0.1 port in its own process group, and ended (with every browser it started) on drop.
//! Included by path from `tests/e2e.rs` and `xtask`, like `static_server.rs`.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::json;

/// Chromium's flags: headless, and what it needs to run as root in a container.
pub const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--window-size=1280,1000",
    // camera_input and audio_input: a fake camera and microphone, allowed without asking.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
];

/// A running `chromedriver`.
pub struct ChromeDriver {
    child: Child,
    port: u16,
}

impl ChromeDriver {
    /// Starts `program` and waits (up to 20 s) until it listens.
    pub fn start(program: &Path) -> Result<ChromeDriver, String> {
        use std::os::unix::process::CommandExt;
        let port = free_port()?;
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start {}: {e}; install it with `apt-get install -y chromium chromium-driver`",
                    program.display()
                )
            })?;
        let driver = ChromeDriver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err(format!("chromedriver did not listen on port {port}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }

    /// A new browser session: a fresh profile of `chrome` with [`CHROME_ARGS`].
    pub async fn connect(&self, chrome: &Path) -> Result<Client, String> {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), json!({ "binary": chrome, "args": CHROME_ARGS }));
        // A page that never finishes loading fails its test in a minute, not chromedriver's five.
        caps.insert("timeouts".into(), json!({ "pageLoad": 60_000 }));
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("cannot start a Chromium session ({}): {e}", chrome.display()))
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // Politely first: chromedriver's `/shutdown` quits the browsers it started (a test that
        // panicked never closed its session).
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) {
            use std::io::{Read, Write};
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = stream.write_all(b"GET /shutdown HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            let _ = stream.read(&mut [0; 256]);
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(50));
        }
        // Then firmly: the child leads its own process group, so signal the whole group.
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on right now.
pub fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

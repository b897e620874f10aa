//! Headless Chromium through ChromeDriver and `fantoccini` (the client `tests/e2e.rs` uses),
//! plus chromedriver's `goog/cdp/execute` endpoint for the few DevTools commands WebDriver
//! lacks: disabling the cache, a script that runs before the page's own, trusted key presses.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use crate::util::Result;

/// Chromium's flags, as in `tests/e2e.rs`: headless, and what it needs to run as root in a
/// container.
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
];

/// A `chromedriver` child in its own process group; the group (browsers included) is ended on
/// drop.
pub struct ChromeDriver {
    child: Child,
    port: u16,
}

impl ChromeDriver {
    pub fn start(program: &Path) -> Result<ChromeDriver> {
        use std::os::unix::process::CommandExt;
        let port = free_port()?;
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
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

    /// A new browser: a fresh profile (empty HTTP cache and code caches) in a new process.
    pub async fn session(&self, chrome: &Path) -> Result<Session> {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), json!({ "binary": chrome, "args": CHROME_ARGS }));
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("cannot start a Chromium session ({}): {e}", chrome.display()))?;
        let timeouts =
            TimeoutConfiguration::new(Some(Duration::from_secs(180)), Some(Duration::from_secs(120)), Some(Duration::ZERO));
        client.update_timeouts(timeouts).await.map_err(|e| format!("WebDriver timeouts: {e}"))?;
        let session = Session { client };
        // Every load is a cold one: no HTTP cache (and so no cached compiled code either).
        session.cdp("Network.enable", json!({})).await?;
        session.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true })).await?;
        Ok(session)
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // chromedriver's `/shutdown` quits the browsers it started; then end the group.
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
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser (one WebDriver session).
pub struct Session {
    pub client: Client,
}

impl Session {
    /// Runs a DevTools command in the page's target.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.client
            .issue_cmd(Cdp { cmd: cmd.to_owned(), params })
            .await
            .map_err(|e| format!("CDP {cmd}: {e}"))
    }

    pub async fn goto(&self, url: &str) -> Result {
        self.client.goto(url).await.map_err(|e| format!("cannot open {url}: {e}"))
    }

    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.client.execute(script, args).await.map_err(|e| format!("script failed: {e}"))
    }

    pub async fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.client.execute_async(script, args).await.map_err(|e| format!("async script failed: {e}"))
    }

    /// A trusted key press (down and up), as a person's would be, to the focused element.
    pub async fn press(&self, key: &str, code: i64) -> Result {
        for kind in ["keyDown", "keyUp"] {
            self.cdp(
                "Input.dispatchKeyEvent",
                json!({ "type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code }),
            )
            .await?;
        }
        Ok(())
    }

    /// Ends the session, which quits its browser.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// `POST /session/{id}/goog/cdp/execute {cmd, params}`.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> std::result::Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

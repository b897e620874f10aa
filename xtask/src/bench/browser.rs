//! Headless Chromium through ChromeDriver and `fantoccini` (the client `tests/e2e.rs` uses),
//! plus chromedriver's `goog/cdp/execute` endpoint for the few DevTools commands WebDriver
//! lacks: disabling the cache, a script that runs before the page's own, trusted key presses.

use std::path::Path;
use std::time::Duration;

use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use fantoccini::Client;
use serde_json::{json, Value};

use crate::util::Result;

pub use crate::chromedriver::{free_port, ChromeDriver};

/// A new browser: a fresh profile (empty HTTP cache and code caches) in a new process.
pub async fn session(driver: &ChromeDriver, chrome: &Path) -> Result<Session> {
    let client = driver.connect(chrome).await?;
    let timeouts =
        TimeoutConfiguration::new(Some(Duration::from_secs(180)), Some(Duration::from_secs(120)), Some(Duration::ZERO));
    client.update_timeouts(timeouts).await.map_err(|e| format!("WebDriver timeouts: {e}"))?;
    let session = Session { client };
    // Every load is a cold one: no HTTP cache (and so no cached compiled code either).
    session.cdp("Network.enable", json!({})).await?;
    session.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true })).await?;
    Ok(session)
}

/// One browser (one WebDriver session).
pub struct Session {
    pub client: Client,
}

impl Session {
    /// Runs a DevTools command in the page's target.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.client.issue_cmd(Cdp { cmd: cmd.to_owned(), params }).await.map_err(|e| format!("CDP {cmd}: {e}"))
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
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> std::result::Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

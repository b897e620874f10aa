//! A ClickHouse server for tests: Debian's `clickhouse-server`, started from its packaged
//! config with every path in a temporary folder and its ports free ones, stopped (and the
//! folder removed) when dropped. `cargo xtask setup` / `.ci/run` install it.
//!
//! Shared by the end-to-end tests and `cargo xtask bench`, which include this file with `#[path]`.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Debian's server binary.
pub const SERVER: &str = "/usr/sbin/clickhouse-server";
/// Its packaged config.
pub const CONFIG: &str = "/etc/clickhouse-server/config.xml";

/// A running server; it stops when dropped.
pub struct ClickHouse {
    child: Child,
    dir: PathBuf,
    http_port: u16,
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl ClickHouse {
    /// Starts a server and waits (up to 30s) until it answers SQL over HTTP.
    pub fn start() -> Result<ClickHouse, String> {
        if !std::path::Path::new(SERVER).exists() {
            return Err(format!(
                "{SERVER} is missing: install it with `apt-get install -y clickhouse-server` (cargo xtask setup says so too)"
            ));
        }
        let dir = std::env::temp_dir().join(format!(
            "wasmlit-clickhouse-{}-{}",
            std::process::id(),
            free_port().unwrap_or(0)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
        let port = || free_port().map_err(|e| format!("no free port: {e}"));
        let (http_port, tcp_port, interserver_port) = (port()?, port()?, port()?);
        let path = |name: &str| format!("{}/{name}", dir.display());
        let child = Command::new(SERVER)
            .arg(format!("--config-file={CONFIG}"))
            .arg("--")
            .arg(format!("--path={}/", path("data")))
            .arg(format!("--tmp_path={}/", path("tmp")))
            .arg(format!("--user_files_path={}/", path("user_files")))
            .arg(format!("--format_schema_path={}/", path("format_schemas")))
            .arg(format!("--logger.log={}", path("server.log")))
            .arg(format!("--logger.errorlog={}", path("error.log")))
            .arg(format!("--http_port={http_port}"))
            .arg(format!("--tcp_port={tcp_port}"))
            .arg(format!("--interserver_http_port={interserver_port}"))
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {SERVER}: {e}"))?;
        let server = ClickHouse { child, dir, http_port };
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if server.query("SELECT 1").is_ok_and(|answer| answer.trim() == "1") {
                return Ok(server);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Err(format!(
            "ClickHouse did not answer on port {http_port} within 30s (see {}/error.log)",
            server.dir.display()
        ))
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.http_port)
    }

    /// Runs `sql` through the HTTP interface; the body of a 200 answer, else the status line and body.
    pub fn query(&self, sql: &str) -> Result<String, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.http_port)).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(Duration::from_secs(300))).map_err(|e| e.to_string())?;
        let head = format!(
            "POST / HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\nContent-Type: text/plain\r\n\r\n",
            sql.len()
        );
        stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(sql.as_bytes())).map_err(|e| e.to_string())?;
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).map_err(|e| e.to_string())?;
        let answer = String::from_utf8_lossy(&answer).into_owned();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        let status = head.lines().next().unwrap_or("");
        if status.contains(" 200 ") {
            Ok(body.to_string())
        } else {
            Err(format!("{status}: {body}"))
        }
    }
}

impl Drop for ClickHouse {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

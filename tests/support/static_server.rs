//! A static file server for built apps, on 127.0.0.1 and a free port.
//!
//! Shared by the end-to-end tests (`tests/e2e.rs`) and `cargo xtask screenshot`, which both
//! include this file with `#[path]`. It serves a `trunk build` output folder under a URL prefix
//! (`/wasmlit/` as on GitHub Pages, or `/`), the way a static host does: the right
//! `Content-Type` (browsers refuse to stream-compile `.wasm` without `application/wasm`),
//! `index.html` for folder paths, and a 404 — with the folder's `404.html` as body when it has
//! one, as GitHub Pages does — for everything else. `tiny_http` does the HTTP.
#![allow(dead_code)]

use std::fs::File;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

/// A running server; it stops when dropped.
pub struct StaticServer {
    server: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
    port: u16,
    prefix: String,
}

/// A fault a test server plays for the files whose name ends in `suffix`.
#[derive(Clone, Copy, Debug)]
pub enum Fault {
    /// Serve everything normally.
    None,
    /// Spread each such file evenly over `seconds`, as a slow link would.
    Slow { suffix: &'static str, seconds: u64 },
    /// Answer 404 for such files.
    Missing { suffix: &'static str },
}

impl StaticServer {
    /// Serves `root` under `prefix` (e.g. `"/wasmlit/"` or `"/"`) on `127.0.0.1:<free port>`.
    pub fn start(root: impl Into<PathBuf>, prefix: &str) -> io::Result<Self> {
        Self::start_with(root, prefix, Fault::None)
    }

    /// Like [`start`](Self::start), playing `fault`; each request gets its own thread, so a
    /// slow file does not hold up the others.
    pub fn start_with(root: impl Into<PathBuf>, prefix: &str, fault: Fault) -> io::Result<Self> {
        let root: PathBuf = root.into();
        if !root.join("index.html").is_file() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{} has no index.html: build the app first", root.display()),
            ));
        }
        let prefix = normalize_prefix(prefix);
        let server = tiny_http::Server::http("127.0.0.1:0").map_err(io::Error::other)?;
        let port = server
            .server_addr()
            .to_ip()
            .map(|addr| addr.port())
            .ok_or_else(|| io::Error::other("server is not on an IP address"))?;
        let server = Arc::new(server);
        let thread = {
            let server = Arc::clone(&server);
            let prefix = prefix.clone();
            std::thread::Builder::new().name(format!("static-server-{port}")).spawn(move || {
                for request in server.incoming_requests() {
                    // A browser that went away mid-response is not our problem.
                    match fault {
                        Fault::None => {
                            let _ = respond(&root, &prefix, request, fault);
                        }
                        _ => {
                            let (root, prefix) = (root.clone(), prefix.clone());
                            std::thread::spawn(move || respond(&root, &prefix, request, fault));
                        }
                    }
                }
            })?
        };
        Ok(Self { server, thread: Some(thread), port, prefix })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:<port><prefix>`, ending in `/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.prefix)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn normalize_prefix(prefix: &str) -> String {
    let trimmed = prefix.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

fn respond(root: &Path, prefix: &str, request: tiny_http::Request, fault: Fault) -> io::Result<()> {
    let allowed = matches!(request.method(), tiny_http::Method::Get | tiny_http::Method::Head);
    if !allowed {
        return request.respond(tiny_http::Response::empty(405));
    }
    let url = request.url();
    let path = url.split(['?', '#']).next().unwrap_or("");
    // `/wasmlit` (no slash) is the app too: redirect like a static host does.
    if format!("{path}/") == prefix {
        let location = tiny_http::Header::from_bytes("Location", prefix.as_bytes()).unwrap();
        return request.respond(tiny_http::Response::empty(301).with_header(location));
    }
    match path.strip_prefix(prefix).and_then(|rest| resolve(root, rest)) {
        Some(file) => match (File::open(&file), fault) {
            (Ok(_), Fault::Missing { suffix }) if path.ends_with(suffix) => not_found(root, request),
            (Ok(body), Fault::Slow { suffix, seconds }) if path.ends_with(suffix) => {
                let length = body.metadata()?.len();
                let slow = Slow { file: body, bytes_per_tick: (length / (seconds.max(1) * 10)).max(1) as usize };
                let response = tiny_http::Response::new(
                    tiny_http::StatusCode(200),
                    vec![content_type(&file)],
                    slow,
                    Some(length as usize),
                    None,
                )
                // Send a Content-Length (as static hosts do), not chunks: the page shows a percentage.
                .with_chunked_threshold(usize::MAX);
                request.respond(response)
            }
            (Ok(body), _) => {
                let response = tiny_http::Response::from_file(body).with_header(content_type(&file));
                request.respond(response)
            }
            (Err(_), _) => not_found(root, request),
        },
        None => not_found(root, request),
    }
}

/// A file read a slice every 100 ms.
struct Slow {
    file: File,
    bytes_per_tick: usize,
}

impl Read for Slow {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let len = buf.len().min(self.bytes_per_tick);
        self.file.read(&mut buf[..len])
    }
}

/// Maps the URL path below the prefix to a file under `root`; `None` if there is none or the
/// path tries to leave `root`.
fn resolve(root: &Path, rest: &str) -> Option<PathBuf> {
    let decoded = percent_decode(rest)?;
    let mut file = root.to_path_buf();
    for component in Path::new(&decoded).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn not_found(root: &Path, request: tiny_http::Request) -> io::Result<()> {
    let page = root.join("404.html");
    match File::open(&page) {
        Ok(body) => {
            request.respond(tiny_http::Response::from_file(body).with_status_code(404).with_header(content_type(&page)))
        }
        Err(_) => request.respond(tiny_http::Response::from_string("404 Not Found").with_status_code(404)),
    }
}

fn content_type(file: &Path) -> tiny_http::Header {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let mime = match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    };
    tiny_http::Header::from_bytes("Content-Type", mime).unwrap()
}

/// `%XX` escapes to bytes; `None` for a malformed escape or a result that is not UTF-8.
fn percent_decode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = input.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

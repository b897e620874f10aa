//! A static file server for built apps, on 127.0.0.1 and a free port.
//!
//! Shared by the end-to-end tests (`tests/e2e.rs`) and `cargo xtask screenshot`, which both
//! include this file with `#[path]`. It serves a `trunk build` output folder under a URL prefix
//! (`/wasmlit/` as on GitHub Pages, or `/`), the way a static host does: the right
//! `Content-Type` (browsers refuse to stream-compile `.wasm` without `application/wasm`),
//! `index.html` for folder paths, and a 404 — with the folder's `404.html` as body when it has
//! one, as GitHub Pages does — for everything else.
//!
//! A file with a precompressed sibling (`app.wasm.br`, `app.wasm.gz`, as `cargo xtask bench`
//! writes for its "as a host serves it" pages) is sent in that encoding when the request
//! accepts it, as static hosts do.
//!
//! It speaks just enough HTTP/1.1 for a browser: one thread per connection, one `GET` or `HEAD`
//! per connection, answered with `Connection: close`. (`tiny_http` did this before; its thread
//! pool sometimes left a connection unserved behind idle keep-alive ones, and Chromium's first
//! page load then hung until the browser gave up on that connection.)
#![allow(dead_code)]

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// A running server; it stops when dropped.
pub struct StaticServer {
    stopping: Arc<AtomicBool>,
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

    /// Like [`start`](Self::start), playing `fault`; each connection gets its own thread, so a
    /// slow file does not hold up the others.
    pub fn start_with(root: impl Into<PathBuf>, prefix: &str, fault: Fault) -> io::Result<Self> {
        Self::serve(root.into(), prefix, fault, Vec::new())
    }

    /// Like [`start`](Self::start), adding `headers` to every response (e.g. a
    /// `Content-Security-Policy-Report-Only`).
    pub fn start_with_headers(
        root: impl Into<PathBuf>,
        prefix: &str,
        headers: Vec<(String, String)>,
    ) -> io::Result<Self> {
        Self::serve(root.into(), prefix, Fault::None, headers)
    }

    fn serve(root: PathBuf, prefix: &str, fault: Fault, headers: Vec<(String, String)>) -> io::Result<Self> {
        let headers = Arc::new(headers);
        if !root.join("index.html").is_file() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{} has no index.html: build the app first", root.display()),
            ));
        }
        let prefix = normalize_prefix(prefix);
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let stopping = Arc::new(AtomicBool::new(false));
        let thread = {
            let stopping = Arc::clone(&stopping);
            let prefix = prefix.clone();
            std::thread::Builder::new().name(format!("static-server-{port}")).spawn(move || {
                for stream in listener.incoming() {
                    if stopping.load(Ordering::Acquire) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (root, prefix, headers) = (root.clone(), prefix.clone(), Arc::clone(&headers));
                    // A browser that went away mid-response is not our problem.
                    std::thread::spawn(move || serve_connection(stream, &root, &prefix, fault, &headers));
                }
            })?
        };
        Ok(Self { stopping, thread: Some(thread), port, prefix })
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
        self.stopping.store(true, Ordering::Release);
        // Wake the accept loop so that it sees `stopping`.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
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

/// What to send back: a status, headers beyond the standard ones, and a body.
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Body,
}

enum Body {
    Empty,
    Text(&'static str),
    File { file: File, length: u64, slow: Option<u64> },
}

/// Reads one request head from `stream`, answers it and closes the connection.
fn serve_connection(
    stream: TcpStream,
    root: &Path,
    prefix: &str,
    fault: Fault,
    headers: &[(String, String)],
) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read every header, so the browser sees its request consumed; only one matters.
    let mut accept_encoding = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_ascii_lowercase();
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let reply = match method {
        "GET" | "HEAD" => answer(root, prefix, target, fault, &accept_encoding),
        _ => Reply { status: 405, headers: Vec::new(), body: Body::Empty },
    };
    write_reply(stream, reply, headers, method == "HEAD")
}

fn answer(root: &Path, prefix: &str, target: &str, fault: Fault, accept_encoding: &str) -> Reply {
    let path = target.split(['?', '#']).next().unwrap_or("");
    // `/wasmlit` (no slash) is the app too: redirect like a static host does.
    if format!("{path}/") == prefix {
        return Reply { status: 301, headers: vec![("Location", prefix.to_owned())], body: Body::Empty };
    }
    let Some(file) = path.strip_prefix(prefix).and_then(|rest| resolve(root, rest)) else {
        return not_found(root);
    };
    if let Some((encoding, body)) = precompressed(&file, accept_encoding) {
        let mut reply = file_reply(200, &file, body, None);
        reply.headers.push(("Content-Encoding", encoding.to_owned()));
        reply.headers.push(("Vary", "Accept-Encoding".to_owned()));
        return reply;
    }
    let body = match File::open(&file) {
        Ok(body) => body,
        Err(_) => return not_found(root),
    };
    match fault {
        Fault::Missing { suffix } if path.ends_with(suffix) => not_found(root),
        Fault::Slow { suffix, seconds } if path.ends_with(suffix) => file_reply(200, &file, body, Some(seconds)),
        _ => file_reply(200, &file, body, None),
    }
}

/// The precompressed sibling of `file` in an encoding the request accepts (brotli first).
fn precompressed(file: &Path, accept_encoding: &str) -> Option<(&'static str, File)> {
    let accepts = |name: &str| accept_encoding.split(',').any(|e| e.split(';').next().unwrap_or("").trim() == name);
    [("br", "br"), ("gzip", "gz")].into_iter().filter(|(encoding, _)| accepts(encoding)).find_map(
        |(encoding, suffix)| {
            let mut name = file.as_os_str().to_owned();
            name.push(format!(".{suffix}"));
            File::open(PathBuf::from(name)).ok().map(|body| (encoding, body))
        },
    )
}

fn file_reply(status: u16, path: &Path, file: File, slow: Option<u64>) -> Reply {
    let length = file.metadata().map(|m| m.len()).unwrap_or(0);
    Reply {
        status,
        headers: vec![("Content-Type", content_type(path).to_owned())],
        body: Body::File { file, length, slow },
    }
}

fn not_found(root: &Path) -> Reply {
    let page = root.join("404.html");
    match File::open(&page) {
        Ok(body) => file_reply(404, &page, body, None),
        Err(_) => Reply {
            status: 404,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_owned())],
            body: Body::Text("404 Not Found"),
        },
    }
}

fn write_reply(mut stream: TcpStream, reply: Reply, extra: &[(String, String)], head_only: bool) -> io::Result<()> {
    let reason = match reply.status {
        200 => "OK",
        301 => "Moved Permanently",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let length = match &reply.body {
        Body::Empty => 0,
        Body::Text(text) => text.len() as u64,
        Body::File { length, .. } => *length,
    };
    let mut head = format!("HTTP/1.1 {} {reason}\r\nContent-Length: {length}\r\nConnection: close\r\n", reply.status);
    for (name, value) in reply.headers.iter().map(|(n, v)| (*n, v)).chain(extra.iter().map(|(n, v)| (n.as_str(), v))) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        match reply.body {
            Body::Empty => {}
            Body::Text(text) => stream.write_all(text.as_bytes())?,
            Body::File { mut file, slow: None, .. } => {
                io::copy(&mut file, &mut stream)?;
            }
            // Send a Content-Length (as static hosts do), not chunks: the page shows a percentage.
            Body::File { file, length, slow: Some(seconds) } => {
                let mut slow = Slow { file, bytes_per_tick: (length / (seconds.max(1) * 10)).max(1) as usize };
                io::copy(&mut slow, &mut stream)?;
            }
        }
    }
    stream.flush()?;
    stream.shutdown(Shutdown::Write)
}

/// A file read a slice every 100 ms.
struct Slow {
    file: File,
    bytes_per_tick: usize,
}

impl Read for Slow {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        std::thread::sleep(Duration::from_millis(100));
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

fn content_type(file: &Path) -> &'static str {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
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
    }
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

//! What a first page load transfers: each file fetched again over HTTP from 127.0.0.1 (the URLs
//! come from the browser's Resource Timing), and compressed the way a static host that
//! precompresses would send it: gzip -9 and brotli -q 11.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};

use crate::util::Result;

/// One file of a page load.
#[derive(Debug, Clone)]
pub struct FileSize {
    pub url: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
    /// What the server actually sent over the wire, as the browser saw it (`encodedBodySize`).
    pub served: u64,
}

/// The files of one page load and their totals.
#[derive(Debug, Clone, Default)]
pub struct PageSize {
    pub files: Vec<FileSize>,
    /// Requests that did not answer 200 (a missing `/favicon.ico`): not part of the app.
    pub skipped: Vec<String>,
}

impl PageSize {
    pub fn raw(&self) -> usize {
        self.files.iter().map(|f| f.raw).sum()
    }
    pub fn gzip(&self) -> usize {
        self.files.iter().map(|f| f.gzip).sum()
    }
    pub fn brotli(&self) -> usize {
        self.files.iter().map(|f| f.brotli).sum()
    }
    pub fn served(&self) -> u64 {
        self.files.iter().map(|f| f.served).sum()
    }
    /// The biggest file whose URL ends in `suffix` (e.g. `.wasm`), raw bytes.
    pub fn largest(&self, suffix: &str) -> Option<&FileSize> {
        self.files.iter().filter(|f| path_of(&f.url).ends_with(suffix)).max_by_key(|f| f.raw)
    }

    pub fn json(&self) -> Value {
        json!({
            "files": self.files.len(),
            "raw": self.raw(),
            "gzip": self.gzip(),
            "brotli": self.brotli(),
            "served": self.served(),
            "skipped": self.skipped.iter().map(|u| path_of(u)).collect::<Vec<_>>(),
            "by_file": self.files.iter().map(|f| json!({
                "url": path_of(&f.url), "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli, "served": f.served,
            })).collect::<Vec<_>>(),
        })
    }
}

/// Measures every `(url, served bytes)` of a load. Only `http://127.0.0.1:<port>/...` URLs.
pub fn measure(urls: &[(String, u64)]) -> Result<PageSize> {
    let mut page = PageSize::default();
    for (url, served) in urls {
        match get(url)? {
            (200, body) => page.files.push(FileSize {
                url: url.clone(),
                raw: body.len(),
                gzip: gzip(&body),
                brotli: brotli(&body),
                served: *served,
            }),
            _ => page.skipped.push(url.clone()),
        }
    }
    Ok(page)
}

/// The path (and query) of a URL, for tables.
pub fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    rest.find('/').map(|i| &rest[i..]).unwrap_or("/")
}

pub fn gzip(bytes: &[u8]) -> usize {
    gzipped(bytes).len()
}

pub fn brotli(bytes: &[u8]) -> usize {
    brotlied(bytes).len()
}

fn gzipped(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to a Vec");
    encoder.finish().expect("writing to a Vec")
}

fn brotlied(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("compressing into a Vec");
    out
}

/// Copies the built app in `from` to `to` with a `.br` and a `.gz` beside each HTML, JS, CSS
/// and wasm file, as a host that precompresses serves it (the static server sends them to a
/// browser that accepts the encoding). Folders are copied as they are.
pub fn precompress(from: &Path, to: &Path) -> Result {
    let _ = std::fs::remove_dir_all(to);
    copy_compressed(from, to).map_err(|e| format!("cannot precompress {} into {}: {e}", from.display(), to.display()))
}

fn copy_compressed(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type()?.is_dir() {
            copy_compressed(&source, &target)?;
            continue;
        }
        let bytes = std::fs::read(&source)?;
        let compressible =
            ["html", "js", "css", "wasm"].iter().any(|ext| source.extension().is_some_and(|e| e == *ext));
        if compressible {
            let name = |suffix: &str| {
                let mut name = target.as_os_str().to_owned();
                name.push(suffix);
                PathBuf::from(name)
            };
            std::fs::write(name(".gz"), gzipped(&bytes))?;
            std::fs::write(name(".br"), brotlied(&bytes))?;
        }
        std::fs::write(&target, bytes)?;
    }
    Ok(())
}

/// GET over HTTP/1.0 from 127.0.0.1, without `Accept-Encoding`: the status, and the body as the
/// server has it.
pub fn get(url: &str) -> Result<(u16, Vec<u8>)> {
    let rest = url.strip_prefix("http://127.0.0.1:").ok_or_else(|| format!("not a 127.0.0.1 URL: {url}"))?;
    let (port, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let port: u16 = port.parse().map_err(|_| format!("bad port in {url}"))?;
    let path = if path.is_empty() { "/" } else { path };
    let path = path.split('#').next().unwrap_or(path);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("GET {url}: {e}"))?;
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")
        .map_err(|e| format!("GET {url}: {e}"))?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(|e| format!("GET {url}: {e}"))?;
    let split =
        response.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(|| format!("GET {url}: no header end"))?;
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let body = &response[split + 4..];
    let status: u16 =
        head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| format!("GET {url}: no status"))?;
    let header = |name: &str| head.lines().find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()));
    if let Some(encoding) = header("content-encoding:").filter(|e| e != "identity") {
        return Err(format!("GET {url}: the server sent it {encoding}-encoded unasked"));
    }
    if header("transfer-encoding:").is_some_and(|t| t.contains("chunked")) {
        return dechunk(body).map(|body| (status, body)).ok_or_else(|| format!("GET {url}: bad chunked body"));
    }
    Ok((status, body.to_vec()))
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compresses_repetitive_bytes() {
        let text = "wasmlit ".repeat(1000);
        assert!(gzip(text.as_bytes()) < 200);
        assert!(brotli(text.as_bytes()) < 200);
        assert!(gzip(b"") > 0, "a gzip stream has a header");
    }

    #[test]
    fn dechunks() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").unwrap(), b"hello world");
        assert!(dechunk(b"zz\r\n").is_none());
    }

    #[test]
    fn paths_of_urls() {
        assert_eq!(path_of("http://127.0.0.1:8080/a/b.wasm?x=1"), "/a/b.wasm?x=1");
        assert_eq!(path_of("http://127.0.0.1:8080"), "/");
    }
}

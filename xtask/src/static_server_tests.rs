//! Tests of the static server shared with the end-to-end tests (`tests/support/static_server.rs`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;

use crate::static_server::StaticServer;

fn site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wasmlit-static-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub dir")).unwrap();
    std::fs::write(dir.join("index.html"), "<p>home</p>").unwrap();
    std::fs::write(dir.join("404.html"), "<p>lost</p>").unwrap();
    std::fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("app.js"), "export default 1;").unwrap();
    std::fs::write(dir.join("sub dir").join("index.html"), "<p>sub</p>").unwrap();
    dir
}

/// (status, content-type, body) of a GET.
fn get(port: u16, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let content_type = head
        .lines()
        .find_map(|l| l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case("content-type")))
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default();
    (status, content_type, body.to_owned())
}

#[test]
fn serves_under_a_prefix_with_mime_types() {
    let dir = site("prefix");
    let server = StaticServer::start(&dir, "/wasmlit/").unwrap();
    let port = server.port();
    assert_eq!(server.url(), format!("http://127.0.0.1:{port}/wasmlit/"));

    let (status, mime, body) = get(port, "/wasmlit/");
    assert_eq!((status, mime.as_str(), body.as_str()), (200, "text/html; charset=utf-8", "<p>home</p>"));
    let (status, mime, _) = get(port, "/wasmlit/app_bg.wasm");
    assert_eq!((status, mime.as_str()), (200, "application/wasm"));
    let (status, mime, _) = get(port, "/wasmlit/app.js?v=1");
    assert_eq!((status, mime.as_str()), (200, "text/javascript; charset=utf-8"));
    let (status, _, body) = get(port, "/wasmlit/sub%20dir/");
    assert_eq!((status, body.as_str()), (200, "<p>sub</p>"));
    assert_eq!(get(port, "/wasmlit").0, 301);

    // Outside the prefix, missing files, escapes: 404 with the site's 404.html.
    for path in ["/", "/index.html", "/wasmlit/nope.js", "/wasmlit/../index.html", "/wasmlit/%2e%2e/x"] {
        let (status, _, body) = get(port, path);
        assert_eq!((status, body.as_str()), (404, "<p>lost</p>"), "{path}");
    }
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn serves_at_the_root() {
    let dir = site("root");
    let server = StaticServer::start(&dir, "/").unwrap();
    assert_eq!(get(server.port(), "/").2, "<p>home</p>");
    assert_eq!(get(server.port(), "/app_bg.wasm").1, "application/wasm");
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn refuses_a_folder_without_index_html() {
    let dir = std::env::temp_dir().join(format!("wasmlit-static-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    assert!(StaticServer::start(&dir, "/").is_err());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_precompressed_sibling_is_sent_when_the_request_accepts_its_encoding() {
    let dir = site("encoded");
    std::fs::write(dir.join("app.js.gz"), b"gzipped bytes").unwrap();
    std::fs::write(dir.join("app.js.br"), b"brotli bytes").unwrap();
    let server = StaticServer::start(&dir, "/").unwrap();
    let ask = |accept: &str| {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port())).unwrap();
        write!(stream, "GET /app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: {accept}\r\n\r\n").unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, body) = response.split_once("\r\n\r\n").unwrap();
        let head = head.to_ascii_lowercase();
        let encoding = head.lines().find_map(|l| l.strip_prefix("content-encoding:")).map(|e| e.trim().to_owned());
        assert!(head.contains("content-type: text/javascript"), "the type of the file itself: {head}");
        (encoding, body.to_owned())
    };
    assert_eq!(ask("gzip, deflate, br"), (Some("br".into()), "brotli bytes".into()));
    assert_eq!(ask("gzip, deflate"), (Some("gzip".into()), "gzipped bytes".into()));
    assert_eq!(ask("identity"), (None, "export default 1;".into()));
    // No sibling: the file as it is, whatever is accepted.
    assert_eq!(get(server.port(), "/index.html").2, "<p>home</p>");
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

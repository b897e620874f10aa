//! `cargo xtask export APP [--out FILE]`: one self-contained `.html` that runs from `file://`
//! and offline, for sharing an app by mail or attaching it to a report.
//!
//! APP is a built dist (a folder with trunk's `index.html`, e.g. `target/e2e/hello`) or an app's
//! folder (with a `Trunk.toml`), which is first built with `trunk build --release` into
//! `target/export/<name>`. The file holds the page with its stylesheets inlined, the `.wasm` as
//! base64 and wasm-bindgen's JavaScript (the glue and its snippets) as text, loaded as Blob-URL
//! modules: a `file://` page may run inline scripts but may not import module files.
//!
//! Not inlined: the chart and map libraries (`wasmlit-vendor/`, several megabytes) and the app's
//! `static/` files. The snippets look for the libraries beside the file, so an exported app with
//! charts or maps draws them when `wasmlit-vendor/` is copied next to it, and shows the
//! libraries' load error in place of the chart otherwise.

use std::path::{Path, PathBuf};

use base64::Engine as _;

use crate::setup::Tools;
use crate::util::{fmt_duration, repo_root, run, Result};

/// What trunk writes to start the app; the export replaces it.
const TRUNK_IMPORT: &str = "import init, * as bindings from '";
const TRUNK_WASM: &str = "module_or_path: '";

/// `cargo xtask export` with its command-line arguments.
pub fn export(args: &[String]) -> Result {
    let usage =
        "usage: cargo xtask export APP [--out FILE]   (APP: a built dist, or an app's folder with a Trunk.toml)";
    let mut app = None;
    let mut out = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(args.next().ok_or_else(|| format!("--out needs a file\n{usage}"))?)),
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`\n{usage}")),
            path if app.is_none() => app = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument `{extra}`\n{usage}")),
        }
    }
    let app = app.ok_or_else(|| format!("which app?\n{usage}"))?;
    let name = std::fs::canonicalize(&app)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "app".into());
    let dist = if app.join("index.html").is_file() && !app.join("Trunk.toml").is_file() {
        app
    } else if app.join("Trunk.toml").is_file() {
        let tools = crate::setup::setup()?;
        build(&tools, &app, &name)?
    } else {
        return Err(format!("{}: neither a built dist (index.html) nor an app folder (Trunk.toml)", app.display()));
    };
    let out = out.unwrap_or_else(|| PathBuf::from(format!("{name}.html")));
    let html = single_file(&dist)?;
    std::fs::write(&out, &html).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("wrote {} ({} KiB): open it in a browser, no server needed", out.display(), html.len() / 1024);
    Ok(())
}

/// `trunk build --release` of the app in `dir` into `target/export/<name>`, with relative URLs.
fn build(tools: &Tools, dir: &Path, name: &str) -> Result<PathBuf> {
    let dist = crate::new::target_dir(&repo_root()).join("export").join(name);
    let start = std::time::Instant::now();
    let mut trunk = tools.command("trunk");
    trunk.current_dir(dir).args(["build", "--release", "--dist"]).arg(&dist).args(["--public-url", "./"]);
    run(&mut trunk)?;
    println!("--> built {name} in {}", fmt_duration(start.elapsed()));
    Ok(dist)
}

/// The dist's `index.html` with everything it loads inlined.
pub fn single_file(dist: &Path) -> Result<String> {
    let read = |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    let mut html = read(&dist.join("index.html"))?;

    // Preload hints point at files that are no longer there.
    html = replace_tags(&html, "<link", ">", |tag| {
        if tag.contains("rel=\"modulepreload\"") || tag.contains("rel=\"preload\"") {
            return Ok(Some(String::new()));
        }
        if tag.contains("rel=\"stylesheet\"") {
            if let Some(href) = attribute(tag, "href").filter(|h| !h.contains("://")) {
                let css = read(&dist.join(file_part(&href)))?;
                return Ok(Some(format!("<style>{}</style>", css.replace("</", "<\\/"))));
            }
        }
        Ok(None)
    })?;

    let mut found = false;
    html = replace_tags(&html, "<script", "</script>", |tag| {
        let Some(js) = between(tag, TRUNK_IMPORT, "'") else { return Ok(None) };
        let wasm = between(tag, TRUNK_WASM, "'").ok_or("trunk's start script names no .wasm")?;
        found = true;
        let glue = read(&dist.join(file_part(js)))?;
        let wasm = std::fs::read(dist.join(file_part(wasm))).map_err(|e| format!("cannot read the .wasm: {e}"))?;
        let mut snippets = serde_json::Map::new();
        for path in files_under(&dist.join("snippets"))? {
            let relative = path.strip_prefix(dist).map_err(|e| e.to_string())?;
            let key = format!("./{}", relative.to_string_lossy().replace('\\', "/"));
            snippets.insert(key, read(&path)?.into());
        }
        Ok(Some(start_script(&glue, &wasm, snippets)))
    })?;
    if !found {
        return Err(format!("{}: no trunk start script (`{TRUNK_IMPORT}…`): is it a trunk dist?", dist.display()));
    }
    Ok(html)
}

/// The module script that starts the app from inlined text: each snippet becomes a Blob-URL
/// module (its `import.meta.url` is where it would have been, beside the page, so it finds
/// `wasmlit-vendor/` there), the glue imports them, and `init` gets the `.wasm` bytes.
fn start_script(glue: &str, wasm: &[u8], snippets: serde_json::Map<String, serde_json::Value>) -> String {
    let json = |value: serde_json::Value| value.to_string().replace("</", "<\\/");
    let wasm = base64::engine::general_purpose::STANDARD.encode(wasm);
    format!(
        r#"<script type="module">
const snippets = {snippets};
const glue = {glue};
const wasm = "{wasm}";
const moduleUrl = (text) => URL.createObjectURL(new Blob([text], {{ type: "text/javascript" }}));
let source = glue;
for (const [path, text] of Object.entries(snippets)) {{
  const here = JSON.stringify(new URL(path, document.baseURI).href);
  source = source.split(path).join(moduleUrl(text.split("import.meta.url").join(here)));
}}
const bindings = await import(moduleUrl(source));
const bytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
const instance = await bindings.default({{ module_or_path: bytes }});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm: instance }} }}));
</script>"#,
        snippets = json(snippets.into()),
        glue = json(glue.into()),
    )
}

/// Replaces each `open…close` tag for which `change` gives a replacement.
fn replace_tags(
    html: &str,
    open: &str,
    close: &str,
    mut change: impl FnMut(&str) -> Result<Option<String>>,
) -> Result<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let Some(length) = rest[start..].find(close) else { break };
        let tag = &rest[start..start + length + close.len()];
        out.push_str(&rest[..start]);
        match change(tag)? {
            Some(replacement) => out.push_str(&replacement),
            None => out.push_str(tag),
        }
        rest = &rest[start + tag.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The text between `before` and the next `after`.
fn between<'a>(text: &'a str, before: &str, after: &str) -> Option<&'a str> {
    let start = text.find(before)? + before.len();
    let length = text[start..].find(after)?;
    Some(&text[start..start + length])
}

/// An attribute's value in a tag written by trunk (`name="value"`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    between(tag, &format!(" {name}=\""), "\"").map(str::to_owned)
}

/// `/wasmlit/app-1234.js` → `app-1234.js`: trunk's files sit at the dist's root.
fn file_part(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

/// Every file under `dir`, sorted (none if it does not exist).
fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(files) };
    for entry in entries {
        let path = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?.path();
        if path.is_dir() {
            files.extend(files_under(&path)?);
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trunk_dist_becomes_one_file_with_nothing_left_to_load() {
        let dist = std::env::temp_dir().join(format!("wasmlit-export-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join("snippets/wasmlit-1/")).unwrap();
        std::fs::write(
            dist.join("index.html"),
            "<html><head><link rel=\"modulepreload\" href=\"/x/app-1.js\" crossorigin=\"anonymous\">\
             <link rel=\"preload\" href=\"/x/app-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\">\
             <link rel=\"stylesheet\" href=\"/x/style-1.css\">\
             <script type=\"module\">\nimport init, * as bindings from '/x/app-1.js';\n\
             const wasm = await init({ module_or_path: '/x/app-1_bg.wasm' });\n</script></head>\
             <body><script>var keep = 1;</script></body></html>",
        )
        .unwrap();
        std::fs::write(dist.join("app-1.js"), "import { f } from './snippets/wasmlit-1/inline0.js';\n</script>")
            .unwrap();
        std::fs::write(dist.join("app-1_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        std::fs::write(dist.join("style-1.css"), "body { color: red }").unwrap();
        std::fs::write(dist.join("snippets/wasmlit-1/inline0.js"), "export const f = import.meta.url;").unwrap();

        let html = single_file(&dist).unwrap();
        assert!(!html.contains("preload") && !html.contains("/x/"), "{html}");
        assert!(html.contains("<style>body { color: red }</style>"), "{html}");
        assert!(html.contains("const wasm = \"AGFzbQEAAAA=\";"), "{html}");
        assert!(html.contains(r#"{"./snippets/wasmlit-1/inline0.js":"export const f = import.meta.url;"}"#), "{html}");
        // The glue's `</script>` cannot end the inline script early.
        assert!(html.contains("<\\/script>") && html.contains("<script>var keep = 1;</script>"), "{html}");

        std::fs::write(dist.join("index.html"), "<html><script>var nothing;</script></html>").unwrap();
        assert!(single_file(&dist).unwrap_err().contains("no trunk start script"));
        std::fs::remove_dir_all(&dist).unwrap();
        assert!(single_file(&dist).unwrap_err().contains("cannot read"));
    }
}

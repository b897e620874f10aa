//! The lazily loaded JavaScript libraries: Vega, Vega-Lite and vega-embed for charts, Leaflet
//! for maps, DOMPurify for `html`, Prism for highlighting `code`.
//!
//! `vendor/package.json` and its lock file pin them; `cargo xtask setup` installs them from the
//! npm registry (`npm ci` into `vendor/node_modules`) and copies their browser builds, with their
//! licences, into `vendor/wasmlit-vendor/`. An app that shows charts or maps copies that folder
//! into its dist with `<link data-trunk rel="copy-dir" href=".../vendor/wasmlit-vendor" />`,
//! and the web layer (`src/web/vendor.rs`) loads a library from it the first time a page needs
//! it. Neither folder is committed.

use std::path::Path;
use std::time::Instant;

use crate::setup::Tools;
use crate::util::{fmt_duration, repo_root, run, Result};

/// The folder apps copy into their dist, under `vendor/`.
pub const ASSEMBLED: &str = "wasmlit-vendor";

/// (file in `vendor/node_modules`, name in `vendor/wasmlit-vendor`).
pub const FILES: [(&str, &str); 12] = [
    ("vega/build/vega.min.js", "vega.min.js"),
    ("vega-lite/build/vega-lite.min.js", "vega-lite.min.js"),
    ("vega-embed/build/vega-embed.min.js", "vega-embed.min.js"),
    ("leaflet/dist/leaflet.js", "leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet.css"),
    ("vega/LICENSE", "LICENSE-vega.txt"),
    ("vega-lite/LICENSE", "LICENSE-vega-lite.txt"),
    ("vega-embed/LICENSE", "LICENSE-vega-embed.txt"),
    ("leaflet/LICENSE", "LICENSE-leaflet.txt"),
    ("dompurify/dist/purify.min.js", "purify.min.js"),
    ("dompurify/LICENSE", "LICENSE-dompurify.txt"),
    ("prismjs/LICENSE", "LICENSE-prism.txt"),
];

/// Prism's core and the languages `code` highlights, in dependency order, joined into
/// `prism.min.js` (one request). The first line keeps Prism from highlighting the page itself.
pub const PRISM: [&str; 14] = [
    "core",
    "markup",
    "css",
    "clike",
    "javascript",
    "typescript",
    "rust",
    "python",
    "json",
    "toml",
    "yaml",
    "bash",
    "sql",
    "markdown",
];

/// Leaflet's stylesheet refers to these (layer control and marker icons).
pub const LEAFLET_IMAGES: &str = "leaflet/dist/images";

/// Installs the pinned libraries if the lock file changed since the last install, and
/// assembles `vendor/wasmlit-vendor/`.
pub fn vendor(tools: &Tools, report: impl Fn(&str, &str, &str)) -> Result {
    let dir = repo_root().join("vendor");
    let modules = dir.join("node_modules");
    let installed_lock = modules.join(".package-lock.json");
    let fresh = modified(&installed_lock).zip(modified(&dir.join("package-lock.json"))).is_some_and(|(i, l)| i >= l);
    let start = Instant::now();
    let state = if fresh {
        "found"
    } else {
        let mut npm = tools.command("npm");
        npm.args(["ci", "--no-audit", "--no-fund", "--prefix"]).arg(&dir);
        run(&mut npm)?;
        "installed"
    };
    let out = dir.join(ASSEMBLED);
    std::fs::create_dir_all(out.join("images")).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (from, to) in FILES {
        copy(&modules.join(from), &out.join(to))?;
    }
    let mut prism = String::from("window.Prism = { manual: true };\n");
    for language in PRISM {
        let part = modules.join(format!("prismjs/components/prism-{language}.min.js"));
        prism += &std::fs::read_to_string(&part).map_err(|e| format!("cannot read {}: {e}", part.display()))?;
        prism.push('\n');
    }
    let bundle = out.join("prism.min.js");
    std::fs::write(&bundle, prism).map_err(|e| format!("cannot write {}: {e}", bundle.display()))?;
    let images = modules.join(LEAFLET_IMAGES);
    let entries = std::fs::read_dir(&images).map_err(|e| format!("cannot read {}: {e}", images.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", images.display()))?;
        copy(&entry.path(), &out.join("images").join(entry.file_name()))?;
    }
    let detail = format!(
        "vega, vega-lite, vega-embed, leaflet, dompurify, prism in vendor/{ASSEMBLED} ({})",
        fmt_duration(start.elapsed())
    );
    report("js libraries", state, &detail);
    Ok(())
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to).map(drop).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

//! `cargo xtask new PATH [--name NAME] [--git URL | --path DIR]`: a standalone app crate,
//! outside this workspace, from the templates in `xtask/templates/new/`.
//!
//! The crate depends on wasmlit by git URL ([`REPOSITORY`] unless `--git` says another) or, with
//! `--path`, on a local checkout. It has the app (`src/lib.rs`, with its `AppTest` tests, which
//! `tests/new_app_template.rs` also runs in this workspace; `src/main.rs`), the `index.html` + `Trunk.toml` trunk builds, the page's loader (`www/loader.js`), a
//! GitHub Pages workflow and a README whose first section goes from there to a live URL.
//!
//! The chart and map libraries: the app gets wasmlit's own `vendor/package.json` and lock file,
//! and `vendor/assemble.mjs`, which trunk runs before each build (a `pre_build` hook): `npm ci`
//! when the lock file changed, then a copy of the browser builds into `vendor/wasmlit-vendor/`,
//! which `index.html` copies into the dist. That is the simplest thing that stays in sync with
//! wasmlit's pinned versions, takes them from the npm registry (no CDN, nothing third-party
//! committed), and needs nothing a trunk user lacks but Node.js, which GitHub's runners have.

use std::path::{Path, PathBuf};

use crate::util::Result;

/// Where `wasmlit` is fetched from by default (`--git URL` overrides it).
pub const REPOSITORY: &str = "https://github.com/wasmlit/wasmlit";

/// Where the new crate gets wasmlit from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A git repository URL.
    Git(String),
    /// A local checkout (made absolute).
    Path(PathBuf),
}

/// What `cargo xtask new` writes.
#[derive(Debug, Clone, PartialEq)]
pub struct NewApp {
    /// The folder to create (absent or empty).
    pub dir: PathBuf,
    /// The package name, e.g. `my-app`.
    pub name: String,
    pub source: Source,
}

/// (path in the new crate, template). `{{name}}`-style placeholders are filled by [`render`].
const TEMPLATES: [(&str, &str); 13] = [
    ("Cargo.toml", include_str!("../templates/new/Cargo.toml")),
    ("Trunk.toml", include_str!("../templates/new/Trunk.toml")),
    ("index.html", include_str!("../templates/new/index.html")),
    ("src/lib.rs", include_str!("../templates/new/src/lib.rs")),
    ("src/main.rs", include_str!("../templates/new/src/main.rs")),
    ("README.md", include_str!("../templates/new/README.md")),
    (".gitignore", include_str!("../templates/new/gitignore")),
    (".github/workflows/pages.yml", include_str!("../templates/new/github/workflows/pages.yml")),
    ("vendor/assemble.mjs", include_str!("../templates/new/vendor/assemble.mjs")),
    // Copied as they are: the page's loader and the pinned JavaScript libraries.
    ("loader.js", include_str!("../../www/loader.js")),
    ("vendor/package.json", include_str!("../../vendor/package.json")),
    ("vendor/package-lock.json", include_str!("../../vendor/package-lock.json")),
    ("vendor/.gitignore", "/node_modules\n/wasmlit-vendor\n"),
];

/// `cargo xtask new` with its command-line arguments.
pub fn new(args: &[String]) -> Result {
    let app = parse(args)?;
    let written = create(&app)?;
    println!("created {} ({} files) in {}", app.name, written.len(), app.dir.display());
    println!("next: cd {} && trunk serve   (then see its README.md to publish it)", app.dir.display());
    Ok(())
}

/// Reads `PATH [--name NAME] [--git URL | --path DIR]`.
pub fn parse(args: &[String]) -> Result<NewApp> {
    let usage = "usage: cargo xtask new PATH [--name NAME] [--git URL | --path DIR]";
    let mut dir = None;
    let mut name = None;
    let mut source = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().cloned().ok_or_else(|| format!("{flag} needs a value\n{usage}"));
        match arg.as_str() {
            "--name" => name = Some(value("--name")?),
            "--git" | "--path" if source.is_some() => return Err(format!("give --git or --path once\n{usage}")),
            "--git" => source = Some(Source::Git(value("--git")?)),
            "--path" => {
                let path = PathBuf::from(value("--path")?);
                let path = std::fs::canonicalize(&path).map_err(|e| format!("--path {}: {e}", path.display()))?;
                if !path.join("Cargo.toml").is_file() {
                    return Err(format!("--path {}: no Cargo.toml there (give a wasmlit checkout)", path.display()));
                }
                source = Some(Source::Path(path));
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`\n{usage}")),
            path if dir.is_none() => dir = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument `{extra}`\n{usage}")),
        }
    }
    let dir = dir.ok_or_else(|| format!("which folder?\n{usage}"))?;
    let name = match name {
        Some(name) => name,
        None => dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| format!("{} has no folder name: give --name", dir.display()))?,
    };
    check_name(&name)?;
    Ok(NewApp { dir, name, source: source.unwrap_or_else(|| Source::Git(REPOSITORY.into())) })
}

/// A package name cargo and trunk accept: a letter, then letters, digits, `-` or `_`.
fn check_name(name: &str) -> Result {
    let mut chars = name.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !starts_well || !chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(format!(
            "`{name}` cannot name a package: use a letter, then letters, digits, `-` or `_` (or give --name)"
        ));
    }
    if name == "wasmlit" || name == "test" {
        return Err(format!("`{name}` is taken (the dependency, or a built-in crate): give --name"));
    }
    Ok(())
}

/// Writes the crate; the paths written, in order. Refuses a folder that is not empty.
pub fn create(app: &NewApp) -> Result<Vec<PathBuf>> {
    check_name(&app.name)?;
    if std::fs::read_dir(&app.dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(format!("{} is not empty: give a new folder", app.dir.display()));
    }
    let vars = variables(app);
    let mut written = Vec::new();
    for (path, template) in TEMPLATES {
        let text = render(template, &vars).map_err(|e| format!("template {path}: {e}"))?;
        let target = app.dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&target, text).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        written.push(target);
    }
    Ok(written)
}

/// The placeholders' values.
fn variables(app: &NewApp) -> Vec<(&'static str, String)> {
    let dependency = match &app.source {
        Source::Git(url) => format!("{{ git = {} }}", toml_string(url)),
        Source::Path(path) => format!("{{ path = {} }}", toml_string(&path.to_string_lossy())),
    };
    let repository = match &app.source {
        Source::Git(url) => url.clone(),
        Source::Path(_) => REPOSITORY.into(),
    };
    let files: Vec<String> = crate::vendor::FILES.iter().map(|(from, to)| format!("  [{from:?}, {to:?}],")).collect();
    vec![
        ("name", app.name.clone()),
        ("crate", app.name.replace('-', "_")),
        ("title", title(&app.name)),
        ("wasmlit", dependency),
        ("repository", repository),
        ("vendor_files", format!("[\n{}\n]", files.join("\n"))),
        ("vendor_images", crate::vendor::LEAFLET_IMAGES.into()),
        ("prism_languages", format!("{:?}", crate::vendor::PRISM)),
    ]
}

/// `my-first_app` → `My first app`.
fn title(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Fills `{{key}}` placeholders; an error names a placeholder left unknown. GitHub Actions'
/// `${{ expr }}` (with spaces) is not a placeholder and stays.
pub fn render(template: &str, vars: &[(&str, String)]) -> Result<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let key_len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        let key = &after[..key_len];
        if key.is_empty() || !after[key_len..].starts_with("}}") {
            out.push_str("{{");
            rest = after;
            continue;
        }
        let value = vars.iter().find(|(k, _)| *k == key).ok_or_else(|| format!("unknown placeholder {{{{{key}}}}}"))?;
        out.push_str(&value.1);
        rest = &after[key_len + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The folder cargo builds into: `$CARGO_TARGET_DIR`, else the workspace's `target/`.
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn placeholders_are_filled_and_github_expressions_stay() {
        let vars = vec![("name", "demo".to_string())];
        let text = render("a {{name}} b ${{ github.sha }} {{ name }}", &vars).unwrap();
        assert_eq!(text, "a demo b ${{ github.sha }} {{ name }}");
        assert_eq!(render("{{nope}}", &vars).unwrap_err(), "unknown placeholder {{nope}}");
    }

    #[test]
    fn the_name_comes_from_the_folder_or_the_flag_and_is_checked() {
        let app = parse(&args("/tmp/x/my-app")).unwrap();
        assert_eq!(app.name, "my-app");
        assert_eq!(app.source, Source::Git(REPOSITORY.into()));
        assert_eq!(parse(&args("/tmp/x/dir --name other --git https://e.org/w")).unwrap().name, "other");
        assert!(parse(&args("/tmp/x/1app")).unwrap_err().contains("cannot name a package"));
        assert!(parse(&args("/tmp/x/app --name a.b")).unwrap_err().contains("`a.b`"));
        assert!(parse(&args("/tmp/x/app --git")).unwrap_err().contains("--git needs a value"));
        assert!(parse(&args("/tmp/x/app --git u --git v")).unwrap_err().contains("once"));
        assert!(parse(&args("/tmp/x/app --path /nonexistent-wasmlit")).unwrap_err().contains("--path"));
        assert!(parse(&args("")).unwrap_err().contains("which folder"));
        assert_eq!(title("my-first_app"), "My first app");
    }

    #[test]
    fn every_template_renders_and_the_crate_is_written_once() {
        let dir = std::env::temp_dir().join(format!("wasmlit-new-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let root = crate::util::repo_root();
        let app = NewApp { dir: dir.join("my-app"), name: "my-app".into(), source: Source::Path(root.clone()) };
        let written = create(&app).unwrap();
        assert_eq!(written.len(), TEMPLATES.len());
        let read = |path: &str| std::fs::read_to_string(app.dir.join(path)).unwrap();
        let manifest = read("Cargo.toml");
        assert!(manifest.contains("name = \"my-app\""), "{manifest}");
        assert!(manifest.contains(&format!("wasmlit = {{ path = {} }}", toml_string(&root.to_string_lossy()))));
        assert!(read("src/main.rs").contains("wasmlit::run(my_app::app)"));
        assert!(read("src/lib.rs").contains("assert_eq!(at.title(0).text(), \"My app\");"));
        assert!(read("index.html").contains("data-bin=\"my-app\""));
        assert!(read(".github/workflows/pages.yml").contains("${{ steps.pages.outputs.base_path }}"));
        let assemble = read("vendor/assemble.mjs");
        assert!(assemble.contains("[\"vega/build/vega.min.js\", \"vega.min.js\"],"), "{assemble}");
        for (path, _) in TEMPLATES {
            let text = read(path);
            assert!(!text.contains("{{name}}") && !text.contains("{{crate}}"), "{path} kept a placeholder");
        }
        // A second run does not overwrite the app.
        assert!(create(&app).unwrap_err().contains("is not empty"));
        let git = NewApp { source: Source::Git("https://example.org/w\"x".into()), ..app };
        assert!(variables(&git)
            .iter()
            .any(|(k, v)| *k == "wasmlit" && v == "{ git = \"https://example.org/w\\\"x\" }"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! `cargo xtask serve`: set up, then `trunk serve` the gallery (root `Trunk.toml` →
//! `www/index.html` → `examples/gallery`) on http://127.0.0.1:8080, rebuilding on changes.

use crate::setup::{setup_with, Browser};
use crate::util::{repo_root, run, Result};

pub fn serve(args: &[String]) -> Result {
    let tools = setup_with(Browser::Optional)?;
    let mut trunk = tools.command("trunk");
    trunk.current_dir(repo_root()).arg("serve");
    let has = |flag: &str| args.iter().any(|a| a == flag || a.starts_with(&format!("{flag}=")));
    if !has("--address") && !has("-a") {
        trunk.args(["--address", "127.0.0.1"]);
    }
    if !has("--port") && !has("-p") {
        trunk.args(["--port", "8080"]);
        println!("==> serving the gallery on http://127.0.0.1:8080 (Ctrl-C stops)");
    } else {
        println!("==> serving the gallery (Ctrl-C stops)");
    }
    trunk.args(args);
    run(&mut trunk)
}

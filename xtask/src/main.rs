//! `cargo xtask <command>`: the developer commands of wasmlit.
//!
//! ```text
//! cargo xtask setup                 install what is missing (wasm target, trunk, wasm-bindgen, wasm-opt)
//! cargo xtask serve [trunk args]    set up, then serve the gallery on http://127.0.0.1:8080
//! cargo xtask test [stage...]       set up, then run every test: native, browser, e2e
//! cargo xtask screenshot            set up, build the gallery and the chat app and screenshot them
//! cargo xtask bench                 set up, build the benchmark apps, measure them beside Streamlit
//! cargo xtask new PATH              a standalone app crate in PATH, ready for GitHub Pages
//! cargo xtask export APP            one self-contained .html of an app, runs from file://
//! ```

mod bench;
mod export;
mod new;
mod screenshot;
mod serve;
mod setup;
mod test;
mod util;
mod vendor;

#[path = "../../tests/support/chromedriver.rs"]
mod chromedriver;
#[path = "../../tests/support/clickhouse.rs"]
mod clickhouse;
#[path = "../../tests/support/static_server.rs"]
mod static_server;
#[cfg(test)]
mod static_server_tests;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup              install what is missing: the wasm32 target, trunk 0.21, wasm-bindgen-cli
                     (the version in Cargo.lock), wasm-opt (npm binaryen@132); check Chromium
  serve [ARGS...]    setup, then `trunk serve` the gallery on http://127.0.0.1:8080
                     (extra ARGS go to trunk serve)
  test [STAGE...]    setup, then run the stages in order, stopping at the first failure:
                       native   cargo test --workspace
                       browser  wasm-bindgen-test in headless Chromium (tests/browser.rs)
                       e2e      trunk build --release of every app, then tests/e2e.rs
                     (default: all three)
  screenshot         setup, build the gallery and the chat app, save target/screenshots/*.png:
                     gallery-{light,dark,mobile}, gallery-{charts,maps}-{light,dark}, chat-custom
  bench [OPTIONS]    setup, build the benchmark apps, measure size, cold start, interaction latency
                     and rerun scaling beside Streamlit (installed into target/bench/venv); prints a
                     table, writes target/bench/results.json (see docs/benchmarks.md)
                       --quick     fewer loads and presses (a smoke run, not for quoting)
                       --no-peer   wasmlit only, no Streamlit
                       --no-build  reuse target/bench/dist from the last run
                       --only app|data|charts|network|sqlite|connections   one section alone
                                   (app: size, cold start, interaction, rerun scaling)
  new PATH [--name NAME] [--git URL | --path DIR]
                     a standalone app crate in PATH (outside this workspace) depending on wasmlit
                     by git (default: the wasmlit repository) or a local checkout; with an
                     AppTest test and a GitHub Pages workflow
  export APP [--out FILE]
                     one self-contained .html (wasm, JS and CSS inlined) that runs from file://;
                     APP is a built dist (target/e2e/hello) or an app folder (built first)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        "setup" => setup::setup().map(|_| ()),
        "serve" => serve::serve(rest),
        "test" => test::test(rest),
        "screenshot" | "screenshots" => screenshot::screenshot(rest),
        "bench" => bench::bench(rest),
        "new" => new::new(rest),
        "export" => export::export(rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

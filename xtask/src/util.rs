//! Running commands, timing them, and where things are.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the folder with the root `Cargo.toml`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in a sub-folder of the workspace").to_path_buf()
}

/// The cargo that runs us (so `cargo +toolchain xtask` keeps its toolchain).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `12.3s` or `4m 05s`.
pub fn fmt_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        let whole = d.as_secs();
        format!("{}m {:02}s", whole / 60, whole % 60)
    }
}

/// How a command line looks to a person, for logs and errors.
pub fn display(cmd: &Command) -> String {
    let mut out = String::new();
    for (key, value) in cmd.get_envs() {
        let key = key.to_string_lossy();
        if key == "PATH" {
            continue;
        }
        if let Some(value) = value {
            out.push_str(&format!("{key}={} ", value.to_string_lossy()));
        }
    }
    out.push_str(&cmd.get_program().to_string_lossy());
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        if arg.contains(' ') {
            out.push_str(&format!(" '{arg}'"));
        } else {
            out.push(' ');
            out.push_str(&arg);
        }
    }
    out
}

/// Runs `cmd` with inherited output; an error unless it exits 0.
pub fn run(cmd: &mut Command) -> Result {
    println!("$ {}", display(cmd));
    let status = cmd.status().map_err(|e| format!("cannot run `{}`: {e}", display(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", display(cmd)))
    }
}

/// The first line of `program args` on stdout, if it runs and exits 0.
pub fn output_line(program: impl AsRef<OsStr>, args: &[&str]) -> Option<String> {
    let output = Command::new(program.as_ref()).args(args).stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines().next().map(|l| l.trim().to_owned())
}

/// Counts read from `cargo test`'s `test result:` lines (and wasm-bindgen-test-runner's).
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.ignored += other.ignored;
    }

    /// Parses `test result: ok. 12 passed; 0 failed; 3 ignored; 0 measured; 0 filtered out; ...`.
    fn parse(line: &str) -> Option<Counts> {
        let rest = line.trim().strip_prefix("test result:")?;
        let mut counts = Counts::default();
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (Some(what), Some(n)) = (words.next(), words.next()) else { continue };
            let Ok(n) = n.parse::<u64>() else { continue };
            match what {
                "passed" => counts.passed += n,
                "failed" => counts.failed += n,
                "ignored" => counts.ignored += n,
                _ => {}
            }
        }
        Some(counts)
    }
}

/// Runs a test command, echoing its stdout line by line while counting its `test result:`
/// lines; an error (with the counts so far) unless it exits 0.
pub fn run_tests(cmd: &mut Command) -> std::result::Result<Counts, (Counts, String)> {
    println!("$ {}", display(cmd));
    let mut child = match cmd.stdout(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(e) => return Err((Counts::default(), format!("cannot run `{}`: {e}", display(cmd)))),
    };
    let mut counts = Counts::default();
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        println!("{line}");
        if let Some(c) = Counts::parse(&line) {
            counts.add(c);
        }
    }
    match child.wait() {
        Ok(status) if status.success() => Ok(counts),
        Ok(status) => Err((counts, format!("`{}` failed ({status})", display(cmd)))),
        Err(e) => Err((counts, format!("`{}`: {e}", display(cmd)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cargo_test_result_lines() {
        let c = Counts::parse(
            "test result: ok. 12 passed; 1 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.01s",
        )
        .unwrap();
        assert_eq!((c.passed, c.failed, c.ignored), (12, 1, 3));
        assert!(Counts::parse("running 3 tests").is_none());
    }

    #[test]
    fn formats_durations() {
        assert_eq!(fmt_duration(Duration::from_millis(1234)), "1.2s");
        assert_eq!(fmt_duration(Duration::from_secs(245)), "4m 05s");
    }
}

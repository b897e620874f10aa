//! The peer: Streamlit from PyPI in a virtual environment under `target/bench/venv`, serving the
//! scripts of `bench/peer/` on 127.0.0.1.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{output_line, repo_root, run, Result};

/// `target/bench/venv`, with the `streamlit` that `bench/peer/requirements.txt` pins.
pub struct Venv {
    pub dir: PathBuf,
    pub version: String,
}

impl Venv {
    pub fn python(&self) -> PathBuf {
        self.dir.join("bin").join("python")
    }
}

/// The version `bench/peer/requirements.txt` pins (`streamlit==X`).
fn pinned() -> Result<String> {
    let file = repo_root().join("bench").join("peer").join("requirements.txt");
    let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    text.lines()
        .find_map(|l| l.trim().strip_prefix("streamlit=="))
        .map(|v| v.trim().to_owned())
        .ok_or_else(|| format!("{} pins no streamlit==<version>", file.display()))
}

/// Creates the virtual environment and installs Streamlit, unless the pinned version is there.
pub fn ensure_venv(bench_dir: &Path) -> Result<Venv> {
    let want = pinned()?;
    let dir = bench_dir.join("venv");
    let venv = Venv { dir: dir.clone(), version: want.clone() };
    let installed = || output_line(venv.python(), &["-c", "import streamlit; print(streamlit.__version__)"]);
    if installed().as_deref() == Some(want.as_str()) {
        println!("peer: streamlit {want} found ({})", dir.display());
        return Ok(venv);
    }
    if !venv.python().is_file() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&dir)).map_err(|e| {
            format!("{e}\n(python3 -m venv needs Debian's python3-venv: apt-get install -y python3-venv)")
        })?;
    }
    let requirements = repo_root().join("bench").join("peer").join("requirements.txt");
    run(Command::new(venv.python())
        .args(["-m", "pip", "install", "--disable-pip-version-check", "--quiet", "-r"])
        .arg(&requirements))?;
    match installed() {
        Some(v) if v == want => {
            println!("peer: streamlit {want} installed ({})", dir.display());
            Ok(venv)
        }
        other => Err(format!("installed streamlit {want}, but the venv says {other:?}")),
    }
}

/// `streamlit run <script>` on 127.0.0.1, in its own process group, stopped on drop.
pub struct Streamlit {
    child: Child,
    pub port: u16,
    log: PathBuf,
}

impl Streamlit {
    /// Starts `bench/peer/<script>` and waits (at most 90 s) until `/_stcore/health` says ok.
    pub fn start(venv: &Venv, script: &str, bench_dir: &Path) -> Result<Streamlit> {
        Self::start_with_env(venv, script, bench_dir, &[])
    }

    /// [`start`](Self::start), with environment variables for the script.
    pub fn start_with_env(venv: &Venv, script: &str, bench_dir: &Path, env: &[(&str, &Path)]) -> Result<Streamlit> {
        use std::os::unix::process::CommandExt;
        let script_path = repo_root().join("bench").join("peer").join(script);
        let port = super::browser::free_port()?;
        // An empty working folder, so no `.streamlit/config.toml` of the repo or the user applies.
        let cwd = bench_dir.join("peer-cwd");
        std::fs::create_dir_all(&cwd).map_err(|e| format!("cannot create {}: {e}", cwd.display()))?;
        let log = bench_dir.join(format!("streamlit-{}.log", script.trim_end_matches(".py")));
        let out = File::create(&log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        let child = Command::new(venv.python())
            .args(["-m", "streamlit", "run"])
            .arg(&script_path)
            .args(["--server.headless", "true"])
            .args(["--server.port", &port.to_string()])
            .args(["--server.address", "127.0.0.1"])
            .args(["--browser.gatherUsageStats", "false"])
            // No file watcher: it would poll the disk while the other side is measured.
            .args(["--server.fileWatcherType", "none"])
            .envs(env.iter().map(|(k, v)| (*k, *v)))
            .current_dir(&cwd)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start streamlit: {e}"))?;
        let mut streamlit = Streamlit { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if let Ok((200, body)) = super::size::get(&format!("http://127.0.0.1:{port}/_stcore/health")) {
                if body.starts_with(b"ok") {
                    return Ok(streamlit);
                }
            }
            if let Ok(Some(status)) = streamlit.child.try_wait() {
                return Err(format!("streamlit run {script} exited ({status}); see {}", streamlit.log.display()));
            }
            if Instant::now() > deadline {
                return Err(format!("streamlit run {script} did not answer in 90 s; see {}", streamlit.log.display()));
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    pub fn url(&self, query: &str) -> String {
        format!("http://127.0.0.1:{}/{query}", self.port)
    }
}

impl Drop for Streamlit {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-s", "TERM", "--", &group]).stderr(Stdio::null()).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-s", "KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.child.wait();
    }
}

//! Helpers: a temporary data folder and a way to run the real binary on it.
#![expect(
    clippy::unwrap_used,
    reason = "a test helper that cannot set up should stop the test"
)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Kiosk {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Kiosk {
    /// A fresh data folder in Los Angeles time, with the default Mon/Wed/Fri schedule.
    pub fn new() -> Kiosk {
        let kiosk = Kiosk::empty();
        let text = std::fs::read_to_string("assets/settings.toml").unwrap();
        std::fs::write(kiosk.settings_path(), text).unwrap();
        kiosk
    }

    /// A data folder that does not exist yet, as on a first run.
    pub fn empty() -> Kiosk {
        let dir = tempfile::tempdir().unwrap();
        Kiosk { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn settings_path(&self) -> PathBuf {
        self.path().join("settings.toml")
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let out: Output = Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
            .arg("--data-dir")
            .arg(self.path())
            .args(args)
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs with `input` piped to standard input, as an install script would.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> Run {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
            .arg("--data-dir")
            .arg(self.path())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs and expects success; returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "{args:?} failed: {}", run.stderr);
        run.stdout
    }
}

impl Run {
    /// A failure the way a person should see it: one line on stderr, non-zero exit, no panic.
    pub fn assert_one_line_failure(&self) {
        assert_ne!(self.code, 0, "expected a failure, got: {}", self.stdout);
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "stderr: {}",
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
    }
}

/// Every file under `root` whose bytes hold `needle` in any letter case, as `strings` and
/// `grep -ri` would find it: the database, its WAL, damaged copies, exports, anything.
pub fn files_containing(root: &Path, needle: &str) -> Vec<PathBuf> {
    let needle = needle.to_ascii_lowercase().into_bytes();
    let mut found = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap().to_ascii_lowercase();
            if bytes.windows(needle.len()).any(|w| w == needle.as_slice()) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

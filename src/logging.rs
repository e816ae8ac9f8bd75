//! A small rotating log file in the data folder, for staff. It never holds a name: callers
//! log what failed and why, never who signed in. Log lines stay English, written in Rust:
//! they are for whoever maintains the machine, read in journalctl and searched on the web.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// When the log reaches this size it is rotated; three old files are kept.
const MAX_BYTES: u64 = 1024 * 1024;
const KEEP: usize = 3;

struct FileLog {
    path: PathBuf,
    file: Mutex<Option<File>>,
}

impl FileLog {
    fn rotate_if_big(&self, file: &mut Option<File>) {
        let big = file
            .as_ref()
            .and_then(|f| f.metadata().ok())
            .is_some_and(|m| m.len() >= MAX_BYTES);
        if !big {
            return;
        }
        *file = None;
        for i in (1..KEEP).rev() {
            let _ = std::fs::rename(numbered(&self.path, i), numbered(&self.path, i + 1));
        }
        let _ = std::fs::rename(&self.path, numbered(&self.path, 1));
        *file = open(&self.path);
    }
}

fn numbered(path: &Path, i: usize) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{i}"));
    PathBuf::from(name)
}

fn open(path: &Path) -> Option<File> {
    OpenOptions::new().create(true).append(true).open(path).ok()
}

impl log::Log for FileLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Info && metadata.target().starts_with("dropin_kiosk")
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let mut file = self
            .file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        self.rotate_if_big(&mut file);
        if let Some(f) = file.as_mut() {
            let _ = writeln!(
                f,
                "{} {:<5} {}",
                // The machine's real time, even in a practice run at a pretend time.
                crate::clock::Clock::now(&crate::clock::SystemClock).format("%Y-%m-%dT%H:%M:%SZ"),
                record.level(),
                record.args()
            );
        }
    }

    fn flush(&self) {
        if let Some(f) = self
            .file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_mut()
        {
            let _ = f.flush();
        }
    }
}

/// Sends `log` records to `path`. Calling it again does nothing.
pub fn init(path: &Path) {
    let logger = FileLog {
        path: path.to_path_buf(),
        file: Mutex::new(open(path)),
    };
    if log::set_boxed_logger(Box::new(logger)).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
    }
}

#[cfg(test)]
mod tests {
    use log::Log as _;

    use super::*;

    #[test]
    fn the_log_rotates_at_its_size_and_keeps_three_old_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.log");
        let logger = FileLog {
            path: path.clone(),
            file: Mutex::new(open(&path)),
        };
        let line = "x".repeat(100_000);
        for _ in 0..60 {
            logger.log(
                &log::Record::builder()
                    .args(format_args!("a sign-in was not saved: {line}"))
                    .level(log::Level::Error)
                    .target("dropin_kiosk::app")
                    .build(),
            );
        }
        logger.flush();
        assert!(path.exists());
        for i in 1..=KEEP {
            assert!(numbered(&path, i).exists(), "kiosk.log.{i}");
        }
        assert!(!numbered(&path, KEEP + 1).exists());
        assert!(std::fs::metadata(&path).unwrap().len() <= MAX_BYTES + 200_000);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.lines()
                .last()
                .unwrap()
                .contains("ERROR a sign-in was not saved")
        );
    }
}

//! Practice runs (`--pretend-now` with no data folder named) each get a fresh private folder
//! in the temporary folder, locked for the life of the run; a folder whose run was killed
//! (it may hold a first name in its WAL) is removed by the next start.

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::fs::STALE_AFTER;

/// A practice folder is `dropin-kiosk-practice-XXXXXX` in the temporary folder.
const PREFIX: &str = "dropin-kiosk-practice-";
/// Held locked by the run, with its process id in it once locked.
const LOCK: &str = "practice.lock";

/// The folder of one practice run: deleted when the run ends, and locked until then so that
/// no other start takes it for a leftover.
pub struct PracticeFolder {
    _lock: File,
    folder: tempfile::TempDir,
}

impl PracticeFolder {
    /// A new, private folder in the temporary folder, locked.
    pub fn new() -> std::io::Result<PracticeFolder> {
        let folder = tempfile::Builder::new().prefix(PREFIX).tempdir()?;
        let mut lock = File::create_new(folder.path().join(LOCK))?;
        lock.lock()?;
        // Written only once locked: a lock file with something in it that can be locked
        // belongs to a run that is over.
        writeln!(lock, "{}", std::process::id())?;
        Ok(PracticeFolder {
            _lock: lock,
            folder,
        })
    }

    pub fn path(&self) -> &Path {
        self.folder.path()
    }
}

/// The practice folders in `temp` that belong to this user and whose run is over: their lock
/// can be taken, and the lock file has the process id in it, or (for a run stopped before it
/// was written, or from a version without the lock) the folder is older than
/// [`STALE_AFTER`]. Symlinks are never followed; nothing is changed.
pub fn stale_folders(temp: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(PREFIX))
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
        .map(|entry| entry.path())
        .filter(|path| is_ours(path) && run_is_over(path))
        .collect();
    found.sort();
    found
}

#[cfg(unix)]
fn is_ours(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::symlink_metadata(path)
        .is_ok_and(|meta| meta.uid() == rustix::process::geteuid().as_raw())
}

#[cfg(not(unix))]
fn is_ours(_path: &Path) -> bool {
    true
}

fn run_is_over(folder: &Path) -> bool {
    let old_enough = || {
        std::fs::symlink_metadata(folder)
            .and_then(|meta| meta.modified())
            .ok()
            .and_then(|at| at.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER)
    };
    match File::open(folder.join(LOCK)) {
        Ok(lock) => {
            lock.try_lock().is_ok() && (lock.metadata().is_ok_and(|m| m.len() > 0) || old_enough())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => old_enough(),
        Err(_) => false,
    }
}

/// Deletes the folders [`stale_folders`] finds in `temp`, and returns those deleted. Run by
/// every start that makes a practice folder, and by every start of the kiosk window.
pub fn remove_stale(temp: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for folder in stale_folders(temp) {
        match std::fs::remove_dir_all(&folder) {
            Ok(()) => {
                log::info!(
                    "deleted {}, left by a practice run that was stopped",
                    folder.display()
                );
                removed.push(folder);
            }
            Err(e) => log::error!("could not delete {}: {e}", folder.display()),
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_in_use_is_kept_and_one_whose_run_is_over_is_removed() {
        let temp = tempfile::tempdir().unwrap();
        let make = || {
            tempfile::Builder::new()
                .prefix(PREFIX)
                .tempdir_in(temp.path())
                .unwrap()
                .keep()
        };
        let in_use = make();
        let held = File::create_new(in_use.join(LOCK)).unwrap();
        held.lock().unwrap();
        std::fs::write(in_use.join(LOCK), "1\n").unwrap();
        let over = make();
        std::fs::write(over.join(LOCK), "2\n").unwrap();
        std::fs::write(over.join("kiosk.db-wal"), "Quillonia").unwrap();
        // Being set up this instant: not locked yet, nothing written.
        let starting = make();
        std::fs::write(starting.join(LOCK), "").unwrap();
        let no_lock_yet = make();
        let other = temp.path().join("dropin-kiosk-notes");
        std::fs::create_dir(&other).unwrap();

        assert_eq!(stale_folders(temp.path()), std::slice::from_ref(&over));
        assert_eq!(remove_stale(temp.path()), std::slice::from_ref(&over));
        for kept in [&in_use, &starting, &no_lock_yet, &other] {
            assert!(kept.exists(), "{kept:?}");
        }
        assert!(!over.exists());
        drop(held);
        assert_eq!(stale_folders(temp.path()), [in_use]);
    }
}

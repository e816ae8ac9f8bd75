//! The one way the kiosk writes a file: a fresh, exclusively created temporary file in the
//! target folder, flushed to disk, then renamed into place. Never through a symlink.
//! And how the data folder stays private to the kiosk's user (folders 0700, files 0600).

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// How many names (`name.csv`, `name-2.csv`, … `name-99.csv`) a new file may try.
pub const MAX_NAMES: u32 = 99;

/// A safe write's temporary file is `.dropin-XXXXXX.tmp`, beside the file it becomes.
const TEMP_PREFIX: &str = ".dropin-";
const TEMP_SUFFIX: &str = ".tmp";

/// A leftover found empty and unlocked may be a file or folder being set up this instant;
/// it is stale once it is this old. (A safe write lasts milliseconds.)
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_mins(5);

/// Folders nested deeper than this inside the data folder are not searched for leftovers.
const LEFTOVER_DEPTH: usize = 4;

/// A file or folder in the data folder that could not be made private to the kiosk's user;
/// the cause is technical.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotPrivate {
    pub path: PathBuf,
    pub why: String,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    NoFreeName {
        path: PathBuf,
    },
}

/// Replaces the file at `path` (settings, scripts, the PIN): a power cut leaves the old file or
/// the new one, never half of one. If `path` is a symlink, the link itself is replaced; the
/// file it points to is never written.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let tmp = written_temp(path, bytes)?;
    tmp.persist(path).map_err(|e| WriteError::Io {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    sync_folder(path)
}

/// Writes a new file at `path`, or at `stem-2.ext`, `stem-3.ext`, … when that name is taken
/// (by a file, a folder or a symlink): never over anything that exists. Returns the path
/// written.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let mut tmp = written_temp(path, bytes)?;
    for n in 1..=MAX_NAMES {
        let candidate = numbered(path, n);
        match tmp.persist_noclobber(&candidate) {
            Ok(_) => {
                sync_folder(&candidate)?;
                return Ok(candidate);
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => {
                return Err(WriteError::Io {
                    path: candidate,
                    source: e.error,
                });
            }
        }
    }
    Err(WriteError::NoFreeName {
        path: path.to_path_buf(),
    })
}

/// `path` itself for `n == 1`, else `stem-n.ext`.
fn numbered(path: &Path, n: u32) -> PathBuf {
    if n == 1 {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

/// A temporary file beside `path`, created exclusively (mode 0600), locked, written and
/// synced. The lock, taken before the first byte, tells [`stale_temp_files`] that it is being
/// written; the OS drops it when the file is closed or the process dies.
fn written_temp(path: &Path, bytes: &[u8]) -> Result<NamedTempFile, WriteError> {
    let err = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(folder)
        .map_err(err)?;
    tmp.as_file().lock().map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    Ok(tmp)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes the rename itself durable.
fn sync_folder(path: &Path) -> Result<(), WriteError> {
    let folder = folder_of(path);
    std::fs::File::open(folder)
        .and_then(|dir| dir.sync_all())
        .map_err(|source| WriteError::Io {
            path: folder.to_path_buf(),
            source,
        })
}

/// The temporary files of safe writes that never finished (a power cut, a kill), in `root`
/// and the folders inside it: `.dropin-*.tmp` files no process holds locked that have
/// something in them or are older than [`STALE_AFTER`]. One may hold a whole backup, names
/// and all, or a new `staff-pin.toml`. Symlinks are never followed; nothing is changed.
pub fn stale_temp_files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![(root.to_path_buf(), 0)];
    while let Some((folder, depth)) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() && depth < LEFTOVER_DEPTH {
                folders.push((path, depth + 1));
            } else if kind.is_file() && is_temp_name(&entry.file_name()) && unheld(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn is_temp_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Whether no process is writing the temporary file at `path`: its lock can be taken, and it
/// has something in it (a writer locks before its first byte) or is older than
/// [`STALE_AFTER`] (an empty one may have been created an instant ago).
fn unheld(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    if file.try_lock().is_err() {
        return false;
    }
    file.metadata().is_ok_and(|meta| {
        meta.len() > 0
            || meta
                .modified()
                .ok()
                .and_then(|at| at.elapsed().ok())
                .is_some_and(|age| age >= STALE_AFTER)
    })
}

/// Deletes the files [`stale_temp_files`] finds, and returns those deleted. Run at every
/// start; a file that cannot be deleted is logged and tried again next time.
pub fn remove_stale_temp_files(root: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for path in stale_temp_files(root) {
        match std::fs::remove_file(&path) {
            Ok(()) => {
                log::info!(
                    "deleted {}, left by a write that never finished",
                    path.display()
                );
                removed.push(path);
            }
            Err(e) => log::error!("could not delete {}: {e}", path.display()),
        }
    }
    removed
}

/// From now on, whatever this process creates is private to its user: folders 0700, files
/// 0600 (SQLite's journal files and the log included).
#[cfg(unix)]
pub fn create_private_from_now_on() {
    use rustix::fs::Mode;
    rustix::process::umask(Mode::RWXG | Mode::RWXO);
}

/// Folders nested deeper than this inside the data folder are left as they are.
#[cfg(unix)]
const DEEPEST: usize = 16;

/// Takes every permission but the owner's off `root` and everything in it (0755 → 0700,
/// 0644 → 0600), as earlier versions left them readable by anyone. Inside `root` a symlink is
/// never followed, and only folders and plain files are touched. Returns what could not be
/// made private.
#[cfg(unix)]
pub fn make_private(root: &Path) -> Vec<NotPrivate> {
    use rustix::fs::{Mode, OFlags};
    let mut problems = Vec::new();
    match rustix::fs::open(
        root,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    ) {
        Ok(folder) => make_folder_private(&folder, root, 0, &mut problems),
        Err(e) => problems.push(not_private(root, e)),
    }
    problems
}

#[cfg(unix)]
fn make_folder_private(
    folder: &std::os::fd::OwnedFd,
    path: &Path,
    depth: usize,
    problems: &mut Vec<NotPrivate>,
) {
    use rustix::fs::{AtFlags, Dir, FileType, Mode, OFlags};
    use std::os::unix::ffi::OsStrExt;

    make_one_private(folder, path, problems);
    if depth >= DEEPEST {
        return;
    }
    let entries = match Dir::read_from(folder) {
        Ok(entries) => entries,
        Err(e) => return problems.push(not_private(path, e)),
    };
    // NOFOLLOW and the type check close the gap between looking at a name and opening it;
    // NONBLOCK keeps a FIFO put there in the meantime from stalling the start.
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY;
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => return problems.push(not_private(path, e)),
        };
        let name = entry.file_name();
        if name == c"." || name == c".." {
            continue;
        }
        let child = path.join(std::ffi::OsStr::from_bytes(name.to_bytes()));
        let kind = match rustix::fs::statat(folder, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(stat) => FileType::from_raw_mode(stat.st_mode),
            Err(e) => {
                problems.push(not_private(&child, e));
                continue;
            }
        };
        let opened = match kind {
            FileType::Directory => {
                rustix::fs::openat(folder, name, flags | OFlags::DIRECTORY, Mode::empty())
            }
            FileType::RegularFile => rustix::fs::openat(folder, name, flags, Mode::empty()),
            _ => continue,
        };
        match opened {
            Ok(fd) if kind == FileType::Directory => {
                make_folder_private(&fd, &child, depth + 1, problems);
            }
            Ok(fd) => make_one_private(&fd, &child, problems),
            Err(e) => problems.push(not_private(&child, e)),
        }
    }
}

/// Clears the group and other bits of an open file or folder, if any are set.
#[cfg(unix)]
fn make_one_private(fd: &std::os::fd::OwnedFd, path: &Path, problems: &mut Vec<NotPrivate>) {
    use rustix::fs::Mode;
    let changed = rustix::fs::fstat(fd).and_then(|stat| {
        let mode = Mode::from_raw_mode(stat.st_mode);
        if mode == mode & Mode::RWXU {
            return Ok(());
        }
        rustix::fs::fchmod(fd, mode & Mode::RWXU)
    });
    if let Err(e) = changed {
        problems.push(not_private(path, e));
    }
}

#[cfg(unix)]
fn not_private(path: &Path, e: rustix::io::Errno) -> NotPrivate {
    NotPrivate {
        path: path.to_path_buf(),
        why: std::io::Error::from(e).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_swaps_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        replace(&path, b"one").unwrap();
        replace(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn replace_replaces_a_symlink_and_never_writes_through_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("kiosk.db");
        std::fs::write(&target, b"precious").unwrap();
        let link = dir.path().join("settings.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        replace(&link, b"new settings").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"precious");
        assert!(!std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read(&link).unwrap(), b"new settings");
    }

    #[cfg(unix)]
    #[test]
    fn create_new_skips_taken_names_and_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("kiosk.db");
        std::fs::write(&target, b"precious").unwrap();
        let path = dir.path().join("attendance.csv");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        std::fs::write(dir.path().join("attendance-2.csv"), b"older").unwrap();
        let written = create_new(&path, b"date,weekday").unwrap();
        assert_eq!(written, dir.path().join("attendance-3.csv"));
        assert_eq!(std::fs::read(&written).unwrap(), b"date,weekday");
        assert_eq!(std::fs::read(&target).unwrap(), b"precious");
        assert_eq!(
            std::fs::read(dir.path().join("attendance-2.csv")).unwrap(),
            b"older"
        );
    }

    #[test]
    fn a_new_file_is_private_to_the_kiosk() {
        let dir = tempfile::tempdir().unwrap();
        let written = create_new(&dir.path().join("a.csv"), b"x").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&written).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(written.exists());
    }

    #[test]
    fn when_every_name_is_taken_it_says_so_in_one_sentence() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        for n in 1..=MAX_NAMES {
            std::fs::write(numbered(&path, n), b"taken").unwrap();
        }
        let err = create_new(&path, b"x").unwrap_err();
        assert!(matches!(err, WriteError::NoFreeName { .. }), "{err}");
        assert_eq!(err.to_string().lines().count(), 1);
    }
}

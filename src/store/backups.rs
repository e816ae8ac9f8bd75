//! The `backups/` folder: daily snapshots kept for the retention period, their old first
//! names erased like the live database's, and any database a restore set aside.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, params};

use crate::error::StoreError;

/// A daily backup is `kiosk-YYYY-MM-DD.db` (`-2`, `-3`, … when that name was taken).
const DAILY_PREFIX: &str = "kiosk-";
/// The database a restore replaced: `replaced-YYYY-MM-DD-HHMMSS.db`.
const REPLACED_PREFIX: &str = "replaced-";
/// What SQLite keeps beside a database file while it is open.
const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// A snapshot kept in `backups/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    /// The day it was made (the kiosk's local date), from its name.
    pub date: NaiveDate,
    /// A daily backup, rather than a database a restore set aside.
    pub daily: bool,
}

/// The name of the daily backup made on `date`.
pub fn daily_backup_name(date: NaiveDate) -> String {
    format!("{DAILY_PREFIX}{date}.db")
}

/// The snapshots in `folder`, oldest first. Other files are left out.
pub fn backups_in(folder: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<BackupFile> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".db")?;
            let (rest, daily) = match stem.strip_prefix(DAILY_PREFIX) {
                Some(rest) => (rest, true),
                None => (stem.strip_prefix(REPLACED_PREFIX)?, false),
            };
            let date = NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()?;
            Some(BackupFile {
                path: entry.path(),
                date,
                daily,
            })
        })
        .collect();
    found.sort_by(|a, b| (a.date, &a.path).cmp(&(b.date, &b.path)));
    found
}

/// The newest daily backup in `folder`, if any.
pub fn last_daily_backup(folder: &Path) -> Option<BackupFile> {
    backups_in(folder).into_iter().rfind(|b| b.daily)
}

/// Deletes every snapshot in `folder` made before `first_kept` (with anything SQLite left
/// beside it), and returns those still kept. A file that cannot be deleted is logged and
/// tried again next time.
fn remove_backups_before(folder: &Path, first_kept: NaiveDate) -> Vec<BackupFile> {
    let (old, kept): (Vec<_>, Vec<_>) = backups_in(folder)
        .into_iter()
        .partition(|b| b.date < first_kept);
    for backup in old {
        let mut files = vec![backup.path.clone()];
        files.extend(SIDE_FILES.iter().map(|s| with_suffix(&backup.path, s)));
        for file in files {
            match std::fs::remove_file(&file) {
                Ok(()) => log::info!(
                    "deleted {}: it is older than the retention period",
                    file.display()
                ),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => log::error!("could not delete {}: {e}", file.display()),
            }
        }
    }
    kept
}

/// Erases, in the snapshot at `path`, the first names of sign-ins before `cutoff`, as
/// [`Store::purge_names_before`] does in the live database: the rows, then the free space
/// (`VACUUM`) when anything was erased. Counts stay. Returns how many names were erased.
fn purge_names_in_backup(path: &Path, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
    let fail = |e| StoreError::classify(e, Some(path));
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(fail)?;
    conn.busy_timeout(Duration::from_secs(5)).map_err(fail)?;
    conn.execute_batch("PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;")
        .map_err(fail)?;
    let erased = conn
        .execute(
            "UPDATE sign_ins SET first_name = NULL, name_key = NULL
             WHERE at_ms < ?1 AND (first_name IS NOT NULL OR name_key IS NOT NULL)",
            params![cutoff.timestamp_millis()],
        )
        .map_err(fail)?;
    if erased > 0 {
        conn.execute_batch("VACUUM").map_err(fail)?;
    }
    // A database a restore set aside may be in WAL mode: empty its WAL too.
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    });
    Ok(erased)
}

/// Keeps `backups/` within the retention rule at `now`: snapshots made before `first_kept`
/// are deleted, and in the others every first name older than `cutoff` is erased, so no name
/// outlives the retention period in a backup either. Problems are logged; a snapshot that
/// cannot be opened is deleted when its time comes, like a damaged copy.
pub fn tidy_backups(folder: &Path, first_kept: NaiveDate, cutoff: DateTime<Utc>) {
    for backup in remove_backups_before(folder, first_kept) {
        match purge_names_in_backup(&backup.path, cutoff) {
            Ok(0) => {}
            Ok(n) => log::info!("erased {n} old first names in {}", backup.path.display()),
            Err(e) => log::error!(
                "could not erase old first names in {}: {e}",
                backup.path.display()
            ),
        }
    }
}

/// Moves the database at `db` (with its WAL files) into `folder` as
/// `replaced-YYYY-MM-DD-HHMMSS.db`, where it is kept like a backup. Returns where it went,
/// or `None` when there was no database.
pub fn set_aside(
    db: &Path,
    folder: &Path,
    local_now: chrono::NaiveDateTime,
) -> std::io::Result<Option<PathBuf>> {
    if !db.exists() {
        return Ok(None);
    }
    // Folding the WAL into the file first leaves one file to move; if that fails (a damaged
    // database, say) the WAL files move with it.
    if let Ok(conn) = Connection::open(db) {
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            r.get::<_, i64>(0)
        });
    }
    std::fs::create_dir_all(folder)?;
    let aside = folder.join(format!(
        "{REPLACED_PREFIX}{}.db",
        local_now.format("%Y-%m-%d-%H%M%S")
    ));
    if aside.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} already exists", aside.display()),
        ));
    }
    std::fs::rename(db, &aside)?;
    for suffix in SIDE_FILES {
        let side = with_suffix(db, suffix);
        if side.exists() {
            std::fs::rename(&side, with_suffix(&aside, suffix))?;
        }
    }
    Ok(Some(aside))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use chrono::Duration as Days;

    use super::*;
    use crate::domain::schedule::Schedule;
    use crate::domain::visit::NewSignIn;
    use crate::store::{Store, check_backup};
    use crate::test_support::utc;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn sign_in(store: &mut Store, name: &str, at: &str) {
        let schedule = Schedule::new(chrono_tz::UTC, vec![], vec![]);
        store
            .sign_in(&NewSignIn::new(name, false, utc(at), &schedule, 30))
            .unwrap();
    }

    fn holds(path: &Path, needle: &str) -> bool {
        let bytes = std::fs::read(path).unwrap().to_ascii_lowercase();
        let needle = needle.to_ascii_lowercase().into_bytes();
        bytes.windows(needle.len()).any(|w| w == needle.as_slice())
    }

    #[test]
    fn backups_past_the_retention_period_go_and_old_names_leave_the_kept_ones() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("backups");
        std::fs::create_dir(&folder).unwrap();
        let mut store = Store::in_memory().unwrap();
        sign_in(&mut store, "Marigoldine", "2026-10-20T21:35:00Z");
        sign_in(&mut store, "Robin", "2026-11-24T21:35:00Z");
        let bytes = store.snapshot().unwrap();
        for name in [
            "kiosk-2026-10-20.db",
            "kiosk-2026-10-26.db",
            "kiosk-2026-10-26.db-journal",
            "kiosk-2026-11-24.db",
            "kiosk-2026-11-24-2.db",
            "replaced-2026-11-01-101500.db",
        ] {
            std::fs::write(folder.join(name), &bytes).unwrap();
        }
        std::fs::write(folder.join("notes.txt"), "keep me").unwrap();
        let now = utc("2026-11-25T12:00:00Z");
        tidy_backups(&folder, date("2026-10-26"), now - Days::days(30));

        let mut left: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "kiosk-2026-10-26.db",
                "kiosk-2026-11-24-2.db",
                "kiosk-2026-11-24.db",
                "notes.txt",
                "replaced-2026-11-01-101500.db",
            ]
        );
        for backup in backups_in(&folder) {
            assert!(!holds(&backup.path, "Marigoldine"), "{backup:?}");
            assert!(holds(&backup.path, "Robin"), "{backup:?}");
            assert_eq!(
                check_backup(&std::fs::read(&backup.path).unwrap()).map(|s| s.sign_ins),
                Ok(2)
            );
        }
        assert_eq!(
            last_daily_backup(&folder).map(|b| b.path),
            Some(folder.join("kiosk-2026-11-24.db"))
        );
    }

    #[test]
    fn a_database_set_aside_moves_with_its_wal_files_and_keeps_every_row() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kiosk.db");
        let mut store = Store::open(&db).unwrap();
        sign_in(&mut store, "Casey", "2026-11-25T21:35:00Z");
        let local = utc("2026-11-25T13:40:00Z").naive_utc();
        let folder = dir.path().join("backups");
        let aside = set_aside(&db, &folder, local).unwrap().unwrap();
        drop(store);
        assert_eq!(aside, folder.join("replaced-2026-11-25-134000.db"));
        assert!(!db.exists());
        assert!(!with_suffix(&db, "-wal").exists());
        assert_eq!(
            Store::open(&aside).unwrap().total_sign_ins().unwrap(),
            1,
            "the set-aside database still holds its rows"
        );
        assert_eq!(set_aside(&db, &folder, local).unwrap(), None);
    }
}

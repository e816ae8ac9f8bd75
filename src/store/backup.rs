//! Snapshots of `kiosk.db`: taken with SQLite's online backup API while the kiosk runs,
//! checked before a restore, and the `backups/` folder where the daily ones are kept for the
//! retention period, their old first names erased like the live database's.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, MAIN_DB, params};

use super::{MIGRATIONS, Store};
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

/// Why a file cannot be restored; each says that nothing was changed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BackupProblem {
    #[error("is not a dropin-kiosk backup (it is not an SQLite database)")]
    NotADatabase,
    #[error("is damaged (SQLite's integrity check found problems)")]
    Damaged,
    #[error("is an SQLite database, but not one of dropin-kiosk's")]
    Foreign,
    #[error("was made by a newer version of dropin-kiosk (schema version {0})")]
    TooNew(i64),
}

/// What a sound backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    pub schema_version: i64,
    pub sign_ins: u64,
}

impl Store {
    /// The whole database at one instant, as the bytes of a standalone `.db` file. Taken with
    /// the online backup API in one read transaction: sign-ins committing meanwhile (from
    /// this process or another) are either wholly in it or not at all, and are not held up.
    pub fn snapshot(&self) -> Result<Vec<u8>, StoreError> {
        let mut copy = self.copy_in_memory()?;
        image(&mut copy).map_err(|e| self.fail(e))
    }

    /// A snapshot with every first name and match key removed, and no old PIN hash: the
    /// counts alone, for a USB drive that leaves the building. The copy is rebuilt, so no
    /// removed name survives in a free page.
    pub fn snapshot_without_names(&self) -> Result<Vec<u8>, StoreError> {
        let mut copy = self.copy_in_memory()?;
        copy.execute_batch(
            "PRAGMA secure_delete = ON;
             UPDATE sign_ins SET first_name = NULL, name_key = NULL
               WHERE first_name IS NOT NULL OR name_key IS NOT NULL;
             UPDATE staff SET pin_hash = NULL;
             VACUUM;",
        )
        .map_err(|e| self.fail(e))?;
        image(&mut copy).map_err(|e| self.fail(e))
    }

    fn copy_in_memory(&self) -> Result<Connection, StoreError> {
        let mut copy = Connection::open_in_memory()?;
        let mut done = false;
        {
            let backup = Backup::new(&self.conn, &mut copy).map_err(|e| self.fail(e))?;
            // Every page in one step (-1), so the copy is one consistent snapshot. A writer
            // holding the database for a moment is waited for, as `busy_timeout` would.
            for _ in 0..100 {
                if backup.step(-1).map_err(|e| self.fail(e))? == StepResult::Done {
                    done = true;
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        if done {
            Ok(copy)
        } else {
            Err(StoreError::Busy)
        }
    }
}

/// The bytes of the database in `conn`, marked as a plain (rollback-journal) file so it opens
/// on its own anywhere, with no WAL beside it; the kiosk turns WAL back on when it opens it.
fn image(conn: &mut Connection) -> rusqlite::Result<Vec<u8>> {
    let mut bytes = conn.serialize(MAIN_DB)?.to_vec();
    // Bytes 18 and 19 of the header: file format write and read versions, 2 for WAL.
    if let Some(versions) = bytes.get_mut(18..20) {
        versions.copy_from_slice(&[1, 1]);
    }
    Ok(bytes)
}

/// Checks the bytes of a file offered for restore, without writing anything anywhere: a
/// sound SQLite database (`integrity_check`), with dropin-kiosk's tables, from this version
/// or an earlier one.
pub fn check_backup(bytes: &[u8]) -> Result<BackupSummary, BackupProblem> {
    let mut plain = bytes.to_vec();
    // A copy of a live file may be marked for WAL, which an in-memory database cannot use.
    if plain.starts_with(b"SQLite format 3\0")
        && let Some(versions) = plain.get_mut(18..20)
    {
        versions.copy_from_slice(&[1, 1]);
    }
    let mut conn = Connection::open_in_memory().map_err(|_| BackupProblem::NotADatabase)?;
    conn.deserialize_read_exact(MAIN_DB, plain.as_slice(), plain.len(), true)
        .map_err(|_| BackupProblem::NotADatabase)?;
    let classify = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => BackupProblem::Damaged,
        _ => BackupProblem::NotADatabase,
    };
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(classify)?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(classify)?;
    if integrity != "ok" {
        return Err(BackupProblem::Damaged);
    }
    let ours: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'
               AND name IN ('sign_ins', 'cancellations', 'staff')",
            [],
            |r| r.get(0),
        )
        .map_err(classify)?;
    if version < 1 || ours != 3 {
        return Err(BackupProblem::Foreign);
    }
    if version > MIGRATIONS.len() as i64 {
        return Err(BackupProblem::TooNew(version));
    }
    let sign_ins: i64 = conn
        .query_row("SELECT count(*) FROM sign_ins", [], |r| r.get(0))
        .map_err(|_| BackupProblem::Foreign)?;
    Ok(BackupSummary {
        schema_version: version,
        sign_ins: sign_ins.max(0) as u64,
    })
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
pub fn remove_backups_before(folder: &Path, first_kept: NaiveDate) -> Vec<BackupFile> {
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
pub fn purge_names_in_backup(path: &Path, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
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

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

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
    fn a_snapshot_of_a_live_wal_database_is_one_sound_file_that_opens_on_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kiosk.db")).unwrap();
        sign_in(&mut store, "Casey", "2026-11-25T21:35:00Z");
        sign_in(&mut store, "", "2026-11-25T21:36:00Z");
        let bytes = store.snapshot().unwrap();
        assert_eq!(
            check_backup(&bytes),
            Ok(BackupSummary {
                schema_version: MIGRATIONS.len() as i64,
                sign_ins: 2
            })
        );
        let path = dir.path().join("copy.db");
        std::fs::write(&path, &bytes).unwrap();
        let copy = Store::open_read_only(&path).unwrap();
        assert_eq!(copy.total_sign_ins().unwrap(), 2);
        assert!(holds(&path, "Casey"), "a full backup keeps today's names");
    }

    #[test]
    fn a_snapshot_without_names_keeps_every_count_and_no_name() {
        let mut store = Store::in_memory().unwrap();
        for i in 0..200 {
            sign_in(&mut store, &format!("Quillonia{i}"), "2026-11-25T21:35:00Z");
        }
        sign_in(&mut store, "", "2026-11-25T21:40:00Z");
        let bytes = store.snapshot_without_names().unwrap();
        let needle = b"quillonia";
        assert!(
            !bytes
                .to_ascii_lowercase()
                .windows(needle.len())
                .any(|w| w == needle)
        );
        assert_eq!(check_backup(&bytes).unwrap().sign_ins, 201);
    }

    #[test]
    fn files_that_are_not_a_sound_kiosk_database_are_refused_for_what_they_are() {
        assert_eq!(
            check_backup(b"name,when\nCasey,today\n"),
            Err(BackupProblem::NotADatabase)
        );
        assert_eq!(check_backup(&[]), Err(BackupProblem::NotADatabase));
        let mut other = Connection::open_in_memory().unwrap();
        other
            .execute_batch("CREATE TABLE songs (title TEXT); PRAGMA user_version = 2;")
            .unwrap();
        assert_eq!(
            check_backup(&image(&mut other).unwrap()),
            Err(BackupProblem::Foreign)
        );
        let store = Store::in_memory().unwrap();
        let mut newer = store.copy_in_memory().unwrap();
        newer.pragma_update(None, "user_version", 99).unwrap();
        assert_eq!(
            check_backup(&image(&mut newer).unwrap()),
            Err(BackupProblem::TooNew(99))
        );
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

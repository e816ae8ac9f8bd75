//! Snapshots of `kiosk.db`, taken with SQLite's online backup API while the kiosk runs, and
//! the check a file passes before it may be restored. Where they are kept: `backups`.

use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, MAIN_DB};

use super::{MIGRATIONS, Store};
use crate::error::StoreError;

/// Why a file cannot be restored; each says that nothing was changed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BackupProblem {
    NotADatabase,
    Damaged,
    Foreign,
    TooNew(i64),
}

/// What a sound backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    pub schema_version: i64,
    pub sign_ins: u64,
}

impl Store {
    /// The schema version (`PRAGMA user_version`): how far the migrations have run.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.query_i64("PRAGMA user_version", [])?.unwrap_or(0))
    }

    /// The whole database at one instant, as the bytes of a standalone `.db` file. Taken with
    /// the online backup API in one read transaction: sign-ins committing meanwhile (from
    /// this process or another) are either wholly in it or not at all, and are not held up.
    pub fn snapshot(&self) -> Result<Vec<u8>, StoreError> {
        let mut copy = self.copy_in_memory()?;
        image(&mut copy).map_err(|e| self.fail(e))
    }

    /// A snapshot with every first name and match key removed: the counts alone, for a USB
    /// drive that leaves the building. The copy is rebuilt, so no removed name survives in a
    /// free page.
    pub fn snapshot_without_names(&self) -> Result<Vec<u8>, StoreError> {
        let mut copy = self.copy_in_memory()?;
        strip_names(&copy).map_err(|e| self.fail(e))?;
        image(&mut copy).map_err(|e| self.fail(e))
    }

    pub(super) fn copy_in_memory(&self) -> Result<Connection, StoreError> {
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
        if !done {
            return Err(StoreError::Busy);
        }
        // A database restored from a counts copy still holds that copy's origin; no copy but
        // a new counts copy (which writes its own) may carry it, dated and scheduled wrong.
        super::counts_copy::forget_origin(&copy).map_err(|e| self.fail(e))?;
        Ok(copy)
    }
}

/// Removes every first name and match key from the copy in `conn`, rebuilt so no removed
/// name survives in a free page.
pub(super) fn strip_names(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "PRAGMA secure_delete = ON;
         UPDATE sign_ins SET first_name = NULL, name_key = NULL
           WHERE first_name IS NOT NULL OR name_key IS NOT NULL;
         VACUUM;",
    )
}

/// Marks the bytes of a database file as a plain (rollback-journal) file: a copy of a live
/// file may be marked for WAL, which an in-memory database cannot use.
pub(super) fn unmark_wal(bytes: &mut [u8]) {
    // Bytes 18 and 19 of the header: file format write and read versions, 2 for WAL.
    if bytes.starts_with(b"SQLite format 3\0")
        && let Some(versions) = bytes.get_mut(18..20)
    {
        versions.copy_from_slice(&[1, 1]);
    }
}

/// The bytes of the database in `conn`, marked as a plain (rollback-journal) file so it opens
/// on its own anywhere, with no WAL beside it; the kiosk turns WAL back on when it opens it.
pub(super) fn image(conn: &mut Connection) -> rusqlite::Result<Vec<u8>> {
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
    unmark_wal(&mut plain);
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
               AND name IN ('sign_ins', 'cancellations')",
            [],
            |r| r.get(0),
        )
        .map_err(classify)?;
    if version < 1 || ours != 2 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::Schedule;
    use crate::domain::visit::NewSignIn;
    use crate::test_support::utc;

    fn sign_in(store: &mut Store, name: &str, at: &str) {
        let schedule = Schedule::new(chrono_tz::UTC, vec![], vec![]);
        store
            .sign_in(&NewSignIn::new(name, false, utc(at), &schedule, 30))
            .unwrap();
    }

    fn holds(path: &std::path::Path, needle: &str) -> bool {
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
}

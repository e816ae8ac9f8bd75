//! The one module that owns SQLite (`kiosk.db`): opening, pragmas, migrations, and every query.

mod backup;
mod backups;
mod counts_copy;
mod damaged;
mod migrations;
mod sign_ins;
mod suggestions;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

pub use self::backup::{BackupProblem, BackupSummary, check_backup};
pub use self::backups::{
    BackupFile, backups_in, daily_backup_name, last_daily_backup, set_aside, tidy_backups,
};
pub use self::counts_copy::{CopyGroup, CopyOrigin, CopyProblem, CountsCopy, read_counts_copy};
pub use self::damaged::{
    CopyState, DamagedCopy, Salvaged, damaged_copy_path, remove_damaged_before,
};
pub use self::sign_ins::{FirstVisitMark, Receipt, StaffName};
use crate::domain::schedule::Cancellation;
use crate::error::StoreError;

pub use migrations::MIGRATIONS;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The next purge rebuilds the file even if it erases nothing: set when a database from
    /// before thorough erasing (schema version < 3) is opened.
    rebuild_pending: bool,
}

/// The first schema version whose erased names were never left in free space.
const THOROUGH_ERASE_VERSION: i64 = 3;

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::init(conn, Some(path.to_path_buf()))
    }

    /// Opens an existing database for reading only (e.g. on read-only media); every write
    /// fails with [`StoreError::ReadOnly`]. The schema must already be current.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let store = Store::open_read_only_as_is(path)?;
        let version = store.schema_version()?;
        let latest = MIGRATIONS.len() as i64;
        if version > latest {
            return Err(StoreError::TooNew(version));
        }
        if version < latest {
            return Err(StoreError::Outdated);
        }
        Ok(store)
    }

    /// Opens an existing database for reading only, whatever its schema version: for a
    /// health check that must change nothing, not even an upgrade.
    pub fn open_read_only_as_is(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let store = Store {
            conn,
            path: Some(path.to_path_buf()),
            rebuild_pending: false,
        };
        store
            .conn
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| store.fail(e))?;
        Ok(store)
    }

    /// A private database in memory, for tests.
    pub fn in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?, None)
    }

    fn init(conn: Connection, path: Option<PathBuf>) -> Result<Store, StoreError> {
        let classify = |e| StoreError::classify(e, path.as_deref());
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(classify)?;
        // journal_mode answers with a row; WAL lets headless commands read beside the kiosk.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(classify)?;
        // secure_delete zeroes whatever a changed row leaves behind, so an erased name is
        // not still readable in a page; temp_store keeps VACUUM's copy of the database (names
        // not yet erased included) in memory instead of a temporary file.
        conn.execute_batch(
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
             PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;",
        )
        .map_err(classify)?;
        let mut store = Store {
            conn,
            path,
            rebuild_pending: false,
        };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let classify = |e| StoreError::classify(e, path.as_deref());
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(classify)?;
        // Checked here rather than left to rusqlite_migration's own error, so staff hear of a
        // file from a newer kiosk in the kiosk's words, with its schema version.
        let latest = MIGRATIONS.len() as i64;
        if version > latest {
            return Err(StoreError::TooNew(version));
        }
        // A brand-new database (version 0) has nothing to rebuild.
        self.rebuild_pending = (1..THOROUGH_ERASE_VERSION).contains(&version);
        // Every pending migration runs in one transaction: one that fails leaves the file as
        // it was, at the version it had.
        migrations::migrations()
            .to_latest(&mut self.conn)
            .map_err(|e| StoreError::classify_migration(e, path.as_deref()))
    }

    fn fail(&self, err: rusqlite::Error) -> StoreError {
        StoreError::classify(err, self.path.as_deref())
    }

    /// `PRAGMA integrity_check`: true when the database is sound.
    pub fn integrity_ok(&self) -> Result<bool, StoreError> {
        let answer: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.fail(e))?;
        Ok(answer == "ok")
    }

    /// `PRAGMA quick_check`: a faster check, run each time the kiosk opens the database.
    pub fn quick_check_ok(&self) -> Result<bool, StoreError> {
        let answer: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| self.fail(e))?;
        Ok(answer == "ok")
    }

    pub fn cancellations(&self) -> Result<Vec<Cancellation>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT date, start, note FROM cancellations ORDER BY date, start")
            .map_err(|e| self.fail(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| self.fail(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (date, start, note) = row.map_err(|e| self.fail(e))?;
            // A row this version cannot read is skipped rather than hiding every other one.
            if let (Ok(date), Ok(start)) = (
                NaiveDate::parse_from_str(&date, "%Y-%m-%d"),
                NaiveTime::parse_from_str(&start, "%H:%M"),
            ) {
                out.push(Cancellation { date, start, note });
            }
        }
        Ok(out)
    }

    /// Cancels the occurrence at `date` `start`, or updates its note.
    pub fn cancel(
        &mut self,
        date: NaiveDate,
        start: NaiveTime,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO cancellations (date, start, note, created_ms) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (date, start) DO UPDATE SET note = excluded.note",
                params![
                    date.format("%Y-%m-%d").to_string(),
                    start.format("%H:%M").to_string(),
                    note,
                    now.timestamp_millis()
                ],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// Restores a cancelled occurrence. Returns whether it was cancelled.
    pub fn uncancel(&mut self, date: NaiveDate, start: NaiveTime) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute(
                "DELETE FROM cancellations WHERE date = ?1 AND start = ?2",
                params![
                    date.format("%Y-%m-%d").to_string(),
                    start.format("%H:%M").to_string()
                ],
            )
            .map_err(|e| self.fail(e))?;
        Ok(n > 0)
    }

    /// Copies the WAL into the database and empties it, so no old page (an erased name,
    /// say) stays readable there. Best effort: while another process is reading, the WAL
    /// cannot be emptied; the next purge tries again.
    fn truncate_wal(&self) {
        let done = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            });
        match done {
            Ok(0) => {}
            Ok(_) => log::warn!("the WAL could not be emptied yet: another process is reading"),
            Err(e) => log::warn!("the WAL could not be emptied yet: {e}"),
        }
    }

    fn query_i64(&self, sql: &str, args: impl rusqlite::Params) -> Result<Option<i64>, StoreError> {
        self.conn
            .query_row(sql, args, |r| r.get(0))
            .optional()
            .map_err(|e| self.fail(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_database_uses_wal_and_full_sync_and_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("kiosk.db")).unwrap();
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        let sync: i64 = store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!((mode.as_str(), sync), ("wal", 2));
        assert_eq!(
            store.query_i64("PRAGMA user_version", []).unwrap(),
            Some(MIGRATIONS.len() as i64)
        );
        assert!(store.integrity_ok().unwrap());
        drop(store);
        // Reopening an up-to-date database changes nothing.
        Store::open(&dir.path().join("kiosk.db")).unwrap();
    }

    #[test]
    fn a_read_only_database_reads_but_refuses_writes_plainly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        drop(Store::open(&path).unwrap());
        let mut store = Store::open_read_only(&path).unwrap();
        assert!(store.cancellations().unwrap().is_empty());
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let start = NaiveTime::from_hms_opt(13, 30, 0).unwrap();
        let err = store
            .cancel(date, start, "x", DateTime::UNIX_EPOCH)
            .unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly), "{err}");
    }

    /// A database file as an earlier version of the kiosk left it, at schema `version`.
    fn database_at(path: &Path, version: usize) -> Connection {
        let mut conn = Connection::open(path).unwrap();
        migrations::migrations()
            .to_version(&mut conn, version)
            .unwrap();
        conn
    }

    #[test]
    fn an_older_database_is_upgraded_in_place_and_keeps_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        let conn = database_at(&path, 1);
        conn.execute(
            "INSERT INTO sign_ins (at_ms, named, is_repeat, scope) VALUES (5, 0, 0, 'day x')",
            [],
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.total_sign_ins().unwrap(), 1);
        assert_eq!(
            store.query_i64("PRAGMA user_version", []).unwrap(),
            Some(MIGRATIONS.len() as i64)
        );
    }

    #[test]
    fn a_database_at_each_earlier_version_is_upgraded_to_the_latest() {
        let latest = MIGRATIONS.len();
        for version in 0..latest {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("kiosk.db");
            let conn = database_at(&path, version);
            if version >= 1 {
                conn.execute(
                    "INSERT INTO sign_ins (at_ms, named, is_repeat, scope)
                     VALUES (5, 0, 0, 'day x')",
                    [],
                )
                .unwrap();
            }
            drop(conn);
            let store = Store::open(&path).unwrap();
            assert_eq!(
                store.schema_version().unwrap(),
                latest as i64,
                "from version {version}"
            );
            assert_eq!(
                store.total_sign_ins().unwrap(),
                u64::from(version >= 1),
                "from version {version}"
            );
            assert_eq!(
                store.rebuild_pending,
                version == 1 || version == 2,
                "from version {version}"
            );
            assert!(store.integrity_ok().unwrap(), "from version {version}");
            assert_eq!(
                store.install_id().unwrap().len(),
                32,
                "from version {version}"
            );
            drop(store);
            // Opened again, it is current: nothing left to run, nothing to rebuild.
            let store = Store::open(&path).unwrap();
            assert!(!store.rebuild_pending, "from version {version}");
        }
    }

    #[test]
    fn an_upgrade_that_fails_leaves_the_file_at_its_old_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        let conn = database_at(&path, 1);
        // A table in the way of migration 4, so the upgrade fails after migrations 2 and 3.
        conn.execute_batch("CREATE TABLE suggestions (x INTEGER)")
            .unwrap();
        drop(conn);
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Sqlite(_)), "{err}");
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
        let index_of_migration_2: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'sign_ins_facts'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(index_of_migration_2, 0);
    }

    #[test]
    fn a_failed_migration_is_sorted_as_any_other_sqlite_failure() {
        let failure = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
        let failed_migration = |code| rusqlite_migration::Error::RusqliteError {
            query: "CREATE TABLE t (c)".into(),
            err: failure(code),
        };
        let path = Path::new("/data/kiosk.db");
        for code in [
            rusqlite::ffi::SQLITE_READONLY,
            rusqlite::ffi::SQLITE_CORRUPT,
            rusqlite::ffi::SQLITE_NOTADB,
            rusqlite::ffi::SQLITE_BUSY,
            rusqlite::ffi::SQLITE_FULL,
        ] {
            let plain = StoreError::classify(failure(code), Some(path));
            let migrated = StoreError::classify_migration(failed_migration(code), Some(path));
            assert_eq!(format!("{plain:?}"), format!("{migrated:?}"), "code {code}");
        }
        assert!(matches!(
            StoreError::classify_migration(
                failed_migration(rusqlite::ffi::SQLITE_READONLY),
                Some(path)
            ),
            StoreError::ReadOnly
        ));
    }

    #[test]
    fn a_negative_schema_version_is_refused_as_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", -1).unwrap();
        drop(conn);
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Migration(_)), "{err}");
    }

    #[test]
    fn a_name_erased_by_an_older_version_leaves_the_file_at_the_first_purge_after_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        let conn = database_at(&path, 2);
        for i in 0..40 {
            conn.execute(
                "INSERT INTO sign_ins (at_ms, first_name, name_key, named, is_repeat, scope)
                 VALUES (?1, 'Quillonia' || ?1, 'quillonia' || ?1, 1, 0, 'day x')",
                [i],
            )
            .unwrap();
        }
        // How versions before 3 erased: the row is nulled, the text stays in the page.
        conn.execute("UPDATE sign_ins SET first_name = NULL, name_key = NULL", [])
            .unwrap();
        drop(conn);
        let holds_the_name = || {
            ["kiosk.db", "kiosk.db-wal"].iter().any(|f| {
                std::fs::read(dir.path().join(f))
                    .unwrap_or_default()
                    .windows(9)
                    .any(|w| w.eq_ignore_ascii_case(b"quillonia"))
            })
        };
        assert!(holds_the_name(), "the old way leaves the name readable");
        let mut store = Store::open(&path).unwrap();
        // Nothing is left to erase, yet the first purge rebuilds the file once.
        assert_eq!(store.purge_names_before(DateTime::UNIX_EPOCH).unwrap(), 0);
        assert!(!holds_the_name());
        assert_eq!(store.total_sign_ins().unwrap(), 40);
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_plainly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        let err = Store::open(&path).unwrap_err();
        assert!(err.to_string().contains("newer version"));
    }

    #[test]
    fn a_file_that_is_not_a_database_is_reported_as_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        std::fs::write(&path, vec![0x5a_u8; 8192]).unwrap();
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::Corrupt { .. })
        ));
    }

    #[test]
    fn cancellations_are_kept_with_their_note_and_can_be_restored() {
        let mut store = Store::in_memory().unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let start = NaiveTime::from_hms_opt(13, 30, 0).unwrap();
        store
            .cancel(date, start, "Holiday", DateTime::UNIX_EPOCH)
            .unwrap();
        store
            .cancel(date, start, "Holiday — back Monday", DateTime::UNIX_EPOCH)
            .unwrap();
        let all = store.cancellations().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].note, "Holiday — back Monday");
        assert!(store.uncancel(date, start).unwrap());
        assert!(!store.uncancel(date, start).unwrap());
        assert!(store.cancellations().unwrap().is_empty());
    }
}

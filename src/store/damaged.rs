//! Damaged copies of `kiosk.db`: named when moved aside, salvaged for counts, and deleted
//! once the retention period is over, since they may still hold first names.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags, params};

use super::Store;
use crate::error::StoreError;

const STAMP: &str = "%Y%m%d-%H%M%S";
/// The stamp's length once written, e.g. `20261125-215600`.
const STAMP_LEN: usize = 15;

/// A damaged copy kept beside the live database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedCopy {
    pub path: PathBuf,
    /// When it was moved aside, from its name.
    pub made: DateTime<Utc>,
}

/// What was saved from a damaged copy: counts only, never names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Salvaged {
    pub sign_ins: u64,
    pub cancellations: u64,
}

fn prefix(db: &Path) -> String {
    let name = db.file_name().unwrap_or_default().to_string_lossy();
    format!("{name}.damaged-")
}

/// Where a damaged database moved aside at `now` is kept, beside the fresh one; its WAL
/// files keep their `-wal` and `-shm` endings after this name.
pub fn damaged_copy_path(db: &Path, now: DateTime<Utc>) -> PathBuf {
    db.with_file_name(format!("{}{}", prefix(db), now.format(STAMP)))
}

/// Deletes every damaged copy (with its `-wal` and `-shm`) moved aside before `cutoff`,
/// and returns the copies still kept, oldest first. A file that cannot be deleted is
/// logged and tried again next time.
pub fn remove_damaged_before(db: &Path, cutoff: DateTime<Utc>) -> Vec<DamagedCopy> {
    let Some(folder) = db.parent() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let prefix = prefix(db);
    let mut kept = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let Some(made) = rest
            .get(..STAMP_LEN)
            .and_then(|s| NaiveDateTime::parse_from_str(s, STAMP).ok())
            .map(|t| t.and_utc())
        else {
            continue;
        };
        let path = entry.path();
        if made < cutoff {
            match std::fs::remove_file(&path) {
                Ok(()) => log::info!("deleted {name}: it is older than the retention period"),
                Err(e) => log::error!("could not delete {name}: {e}"),
            }
        } else if rest.len() == STAMP_LEN {
            kept.push(DamagedCopy { path, made });
        }
    }
    kept.sort_by_key(|c| c.made);
    kept
}

struct Row {
    at_ms: i64,
    named: bool,
    is_repeat: bool,
    first_visit: bool,
    occ_start_ms: Option<i64>,
    occ_end_ms: Option<i64>,
    scope: String,
}

/// Reads the sign-ins with an id above `after`, in id order, into `out`. Returns the last
/// id reached and whether the table was read to its end; a row that cannot be decoded is
/// skipped, a page that cannot be read stops the scan.
fn read_sign_ins_after(conn: &Connection, after: i64, out: &mut Vec<Row>) -> (Option<i64>, bool) {
    let Ok(mut stmt) = conn.prepare(
        "SELECT id, at_ms, named, is_repeat, first_visit, occ_start_ms, occ_end_ms, scope
         FROM sign_ins WHERE id > ?1 ORDER BY id",
    ) else {
        return (None, true);
    };
    let Ok(mut rows) = stmt.query(params![after]) else {
        return (None, false);
    };
    let mut last = None;
    loop {
        match rows.next() {
            Ok(Some(row)) => {
                if let Ok(id) = row.get::<_, i64>(0) {
                    last = Some(id);
                }
                let read = || -> rusqlite::Result<Row> {
                    Ok(Row {
                        at_ms: row.get(1)?,
                        named: row.get(2)?,
                        is_repeat: row.get(3)?,
                        first_visit: row.get(4)?,
                        occ_start_ms: row.get(5)?,
                        occ_end_ms: row.get(6)?,
                        scope: row.get(7)?,
                    })
                };
                if let Ok(r) = read() {
                    out.push(r);
                }
            }
            Ok(None) => return (last, true),
            Err(_) => return (last, false),
        }
    }
}

/// Every sign-in that can still be read, going past unreadable pages: after a failure the
/// scan resumes at a higher id, twice as far on each failure in a row.
fn readable_sign_ins(conn: &Connection) -> Vec<Row> {
    let mut out = Vec::new();
    let mut after = i64::MIN;
    let mut jump: i64 = 1;
    // Each damaged stretch costs at most 64 doublings; this bounds a file damaged all over.
    for _ in 0..10_000 {
        let (last, finished) = read_sign_ins_after(conn, after, &mut out);
        if finished {
            break;
        }
        if let Some(last) = last {
            after = last;
            jump = 1;
        }
        let Some(next) = after.checked_add(jump) else {
            break;
        };
        after = next;
        let Some(longer) = jump.checked_mul(2) else {
            break;
        };
        jump = longer;
    }
    out
}

/// The cancellations that can still be read: (date, start, note, `created_ms`).
fn readable_cancellations(conn: &Connection) -> Vec<(String, String, String, i64)> {
    let mut out = Vec::new();
    let Ok(mut stmt) = conn.prepare("SELECT date, start, note, created_ms FROM cancellations")
    else {
        return out;
    };
    let Ok(mut rows) = stmt.query([]) else {
        return out;
    };
    while let Ok(Some(row)) = rows.next() {
        let read =
            || -> rusqlite::Result<_> { Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)) };
        if let Ok(c) = read() {
            out.push(c);
        }
    }
    out
}

impl Store {
    /// Copies into this store, in one transaction, every sign-in and cancellation that can
    /// still be read from the damaged database at `damaged`, so a damaged file loses as
    /// little as possible. Sign-ins come without their first name or match key: counts only.
    /// The damaged file is opened read-only and left as it was.
    pub fn salvage_from(&mut self, damaged: &Path) -> Result<Salvaged, StoreError> {
        let Ok(old) = Connection::open_with_flags(
            damaged,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        ) else {
            return Ok(Salvaged::default());
        };
        let sign_ins = readable_sign_ins(&old);
        let cancellations = readable_cancellations(&old);
        drop(old);

        let path = self.path.clone();
        let fail = |e| StoreError::classify(e, path.as_deref());
        let tx = self.conn.transaction().map_err(fail)?;
        let mut saved = Salvaged::default();
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO sign_ins
                        (at_ms, named, is_repeat, first_visit, occ_start_ms, occ_end_ms, scope)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(fail)?;
            for r in &sign_ins {
                // A row the damage garbled into something the schema refuses is left out.
                if insert
                    .execute(params![
                        r.at_ms,
                        r.named,
                        r.is_repeat,
                        r.first_visit,
                        r.occ_start_ms,
                        r.occ_end_ms,
                        r.scope
                    ])
                    .is_ok()
                {
                    saved.sign_ins += 1;
                }
            }
            let mut insert = tx
                .prepare(
                    "INSERT INTO cancellations (date, start, note, created_ms)
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT (date, start) DO NOTHING",
                )
                .map_err(fail)?;
            for (date, start, note, created_ms) in &cancellations {
                if let Ok(1) = insert.execute(params![date, start, note, created_ms]) {
                    saved.cancellations += 1;
                }
            }
        }
        tx.commit().map_err(fail)?;
        log::info!(
            "recovered {} sign-ins (counts only) and {} cancellations from {}",
            saved.sign_ins,
            saved.cancellations,
            damaged.display()
        );
        Ok(saved)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::test_support::utc;

    #[test]
    fn copies_past_the_cutoff_go_with_their_wal_files_and_nothing_else_is_touched() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kiosk.db");
        let old = damaged_copy_path(&db, utc("2026-10-01T12:00:00Z"));
        let recent = damaged_copy_path(&db, utc("2026-11-20T08:30:05Z"));
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(name(&old), "kiosk.db.damaged-20261001-120000");
        let mut files = vec![db.clone(), dir.path().join("kiosk.db.damaged-notes")];
        for copy in [&old, &recent] {
            for suffix in ["", "-wal", "-shm"] {
                files.push(PathBuf::from(format!("{}{suffix}", copy.display())));
            }
        }
        for f in &files {
            std::fs::write(f, "x").unwrap();
        }
        let kept = remove_damaged_before(&db, utc("2026-11-25T00:00:00Z") - Duration::days(30));
        assert_eq!(
            kept,
            vec![DamagedCopy {
                path: recent.clone(),
                made: utc("2026-11-20T08:30:05Z")
            }]
        );
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| name(&e.unwrap().path()))
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "kiosk.db",
                "kiosk.db.damaged-20261120-083005",
                "kiosk.db.damaged-20261120-083005-shm",
                "kiosk.db.damaged-20261120-083005-wal",
                "kiosk.db.damaged-notes",
            ]
        );
    }

    #[test]
    fn nothing_is_salvaged_from_a_file_that_is_not_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let damaged = dir.path().join("kiosk.db.damaged-20261125-215600");
        std::fs::write(&damaged, "name,when\nCasey,today\n").unwrap();
        let mut store = Store::in_memory().unwrap();
        assert_eq!(store.salvage_from(&damaged).unwrap(), Salvaged::default());
        assert_eq!(store.total_sign_ins().unwrap(), 0);
        assert_eq!(
            std::fs::read_to_string(&damaged).unwrap(),
            "name,when\nCasey,today\n"
        );
    }
}

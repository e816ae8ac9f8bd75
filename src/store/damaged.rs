//! Damaged copies of `kiosk.db`: named when moved aside, salvaged for counts, then
//! replaced by a copy without names (or deleted when nothing could be read from them), and
//! deleted once the retention period is over.
//!
//! A damaged file cannot keep its first names at all: the live database was last purged at
//! most a day before the damage was found, so its oldest names are already at the end of
//! the retention period when it is moved aside, and no program can purge pages SQLite can no
//! longer read. What can be read is kept, without names; the raw bytes go.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags, params};

use super::Store;
use crate::error::StoreError;

const STAMP: &str = "%Y%m%d-%H%M%S";
/// The stamp's length once written, e.g. `20261125-215600`.
const STAMP_LEN: usize = 15;
/// What SQLite may keep beside a database file: the copy never keeps them.
const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];

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
    /// What became of the damaged file once its counts were saved.
    pub copy: CopyState,
}

/// A damaged file, once what can be read from it is saved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CopyState {
    /// Replaced, under its own name, by a sound database holding what could be read from it
    /// with no first name: counts staff can still look at or restore.
    #[default]
    NamesFree,
    /// Nothing could be read from it, so it was deleted: its bytes may still have held first
    /// names that nothing could ever erase.
    Deleted,
    /// Neither could be done (logged); it is tried again at the next purge.
    Unchanged,
}

fn prefix(db: &Path) -> String {
    let name = db.file_name().unwrap_or_default().to_string_lossy();
    format!("{name}.damaged-")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Where a damaged database moved aside at `now` is kept, beside the fresh one; its WAL
/// files keep their `-wal` and `-shm` endings after this name.
pub fn damaged_copy_path(db: &Path, now: DateTime<Utc>) -> PathBuf {
    db.with_file_name(format!("{}{}", prefix(db), now.format(STAMP)))
}

/// Deletes every damaged copy (with its `-wal` and `-shm`) moved aside before `cutoff`,
/// makes sure the others hold no first name (a copy left by an earlier version, or by a
/// kiosk stopped before it could replace it, is replaced or deleted now, see
/// [`make_names_free`]), and returns the copies still kept, oldest first. A file that cannot
/// be deleted is logged and tried again next time.
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
    // A copy past the cutoff went above with its side files (their names start with its
    // own); each copy kept must hold no name. One that could not be changed is still there.
    kept.retain(|copy| {
        holds_no_names(&copy.path) || make_names_free(&copy.path) != CopyState::Deleted
    });
    kept.sort_by_key(|c| c.made);
    kept
}

/// Whether the file at `path` is a sound database holding no first name, no match key, no
/// topic in someone's own words and no free page, with nothing beside it: what
/// [`make_names_free`] leaves.
fn holds_no_names(path: &Path) -> bool {
    if SIDE_FILES.iter().any(|s| with_suffix(path, s).exists()) {
        return false;
    }
    let Ok(conn) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return false;
    };
    // A page left out of every table (damage can do that) is seen by the check, not by a query.
    let sound = conn
        .query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
        .is_ok_and(|s| s == "ok");
    let left = conn.query_row(
        "SELECT (SELECT count(*) FROM sign_ins
                  WHERE first_name IS NOT NULL OR name_key IS NOT NULL)
              + (SELECT count(*) FROM suggestions)
              + (SELECT freelist_count FROM pragma_freelist_count)",
        [],
        |r| r.get::<_, i64>(0),
    );
    sound && left == Ok(0)
}

/// Replaces the damaged file at `path` by a sound database, under the same name, holding
/// every sign-in (without its first name) and cancellation that can still be read from it;
/// its `-wal`, `-shm` and `-journal` go. When nothing at all can be read it is deleted
/// instead. Either way no first name is left in it. Problems are logged.
fn make_names_free(path: &Path) -> CopyState {
    replace_by_names_free(path, &read_damaged(path))
}

/// [`make_names_free`] with what was already read from the file at `path`.
fn replace_by_names_free(path: &Path, readable: &Readable) -> CopyState {
    let shown = path.display();
    let done = if readable.is_empty() {
        remove_with_side_files(path).map(|()| CopyState::Deleted)
    } else {
        names_free_image(readable)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                // The old WAL must not be laid over the new file, so it goes first.
                remove_side_files(path)?;
                crate::fs::replace(path, &bytes).map_err(|e| e.to_string())
            })
            .map(|()| CopyState::NamesFree)
    };
    match done {
        Ok(state) => {
            if state == CopyState::NamesFree {
                log::info!("{shown} now holds its counts without names");
            } else {
                log::info!("deleted {shown}: nothing could be read from it");
            }
            state
        }
        Err(e) => {
            log::error!("could not take the names out of {shown}: {e}");
            // Its names must not stay: a copy that cannot be rewritten is deleted.
            match remove_with_side_files(path) {
                Ok(()) => CopyState::Deleted,
                Err(e) => {
                    log::error!("{e}; it is tried again at the next purge");
                    CopyState::Unchanged
                }
            }
        }
    }
}

/// The bytes of a fresh database holding `readable`, with no name.
fn names_free_image(readable: &Readable) -> Result<Vec<u8>, StoreError> {
    let mut scratch = Store::in_memory()?;
    scratch.insert_salvaged(readable)?;
    scratch.snapshot_without_names()
}

fn remove_side_files(path: &Path) -> Result<(), String> {
    for suffix in SIDE_FILES {
        let side = with_suffix(path, suffix);
        match std::fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("could not delete {}: {e}", side.display())),
        }
    }
    Ok(())
}

fn remove_with_side_files(path: &Path) -> Result<(), String> {
    remove_side_files(path)?;
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("could not delete {}: {e}", path.display())),
    }
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

/// What can still be read from a damaged database: never a name.
#[derive(Default)]
struct Readable {
    sign_ins: Vec<Row>,
    cancellations: Vec<(String, String, String, i64)>,
    /// The kiosk's install id, when it can still be read: the counts stay this kiosk's, so
    /// an agency's `report` never counts them twice, under the old id and a new one.
    install_id: Option<String>,
}

impl Readable {
    fn is_empty(&self) -> bool {
        self.sign_ins.is_empty() && self.cancellations.is_empty()
    }
}

/// Reads the damaged database at `path` (and its WAL) read-only, past any damage.
fn read_damaged(path: &Path) -> Readable {
    let Ok(old) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return Readable::default();
    };
    Readable {
        sign_ins: readable_sign_ins(&old),
        cancellations: readable_cancellations(&old),
        install_id: old
            .query_row("SELECT install_id FROM install WHERE id = 1", [], |r| {
                r.get(0)
            })
            .ok(),
    }
}

impl Store {
    /// Copies into this store, in one transaction, every sign-in and cancellation that can
    /// still be read from the damaged database at `damaged`, so a damaged file loses as
    /// little as possible. Sign-ins come without their first name or match key: counts only.
    /// Once they are committed the damaged file is replaced by a copy of them with no name,
    /// or deleted when nothing could be read (see [`make_names_free`]).
    pub fn salvage_from(&mut self, damaged: &Path) -> Result<Salvaged, StoreError> {
        let readable = read_damaged(damaged);
        let mut saved = self.insert_salvaged(&readable)?;
        log::info!(
            "recovered {} sign-ins (counts only) and {} cancellations from {}",
            saved.sign_ins,
            saved.cancellations,
            damaged.display()
        );
        saved.copy = replace_by_names_free(damaged, &readable);
        Ok(saved)
    }

    fn insert_salvaged(&mut self, readable: &Readable) -> Result<Salvaged, StoreError> {
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
            for r in &readable.sign_ins {
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
            for (date, start, note, created_ms) in &readable.cancellations {
                if let Ok(1) = insert.execute(params![date, start, note, created_ms]) {
                    saved.cancellations += 1;
                }
            }
        }
        if let Some(id) = &readable.install_id {
            tx.execute(
                "UPDATE install SET install_id = ?1 WHERE id = 1",
                params![id],
            )
            .map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        Ok(saved)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use rusqlite::MAIN_DB;

    use super::*;
    use crate::domain::schedule::Schedule;
    use crate::domain::visit::NewSignIn;
    use crate::store::check_backup;
    use crate::test_support::utc;

    fn holds(path: &Path, needle: &str) -> bool {
        let bytes = std::fs::read(path).unwrap().to_ascii_lowercase();
        let needle = needle.to_ascii_lowercase().into_bytes();
        bytes.windows(needle.len()).any(|w| w == needle.as_slice())
    }

    /// The bytes of a sound database with `n` sign-ins, every one named `name`.
    fn database_with(name: &str, n: usize) -> Vec<u8> {
        let schedule = Schedule::new(chrono_tz::UTC, vec![], vec![]);
        let mut store = Store::in_memory().unwrap();
        for i in 0..n {
            let at = utc("2026-11-20T08:00:00Z") + Duration::minutes(i as i64);
            store
                .sign_in(&NewSignIn::new(
                    &format!("{name}{i}"),
                    false,
                    at,
                    &schedule,
                    30,
                ))
                .unwrap();
        }
        store.snapshot().unwrap()
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut left: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        left
    }

    #[test]
    fn copies_past_the_cutoff_go_and_the_kept_ones_are_left_without_names() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kiosk.db");
        let old = damaged_copy_path(&db, utc("2026-10-01T12:00:00Z"));
        let raw = damaged_copy_path(&db, utc("2026-11-20T08:30:05Z"));
        let unreadable = damaged_copy_path(&db, utc("2026-11-21T09:00:00Z"));
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(name(&old), "kiosk.db.damaged-20261001-120000");
        std::fs::write(&db, "x").unwrap();
        std::fs::write(dir.path().join("kiosk.db.damaged-notes"), "x").unwrap();
        for copy in [&old, &unreadable] {
            for suffix in ["", "-wal", "-shm"] {
                std::fs::write(with_suffix(copy, suffix), "Quillonia").unwrap();
            }
        }
        // As an earlier version left it: the damaged file as it was, names and all.
        std::fs::write(&raw, database_with("Quillonia", 3)).unwrap();

        let kept = remove_damaged_before(&db, utc("2026-11-25T00:00:00Z") - Duration::days(30));
        assert_eq!(
            kept,
            vec![DamagedCopy {
                path: raw.clone(),
                made: utc("2026-11-20T08:30:05Z")
            }]
        );
        assert_eq!(
            names_in(dir.path()),
            [
                "kiosk.db",
                "kiosk.db.damaged-20261120-083005",
                "kiosk.db.damaged-notes",
            ]
        );
        assert!(!holds(&raw, "Quillonia"));
        assert_eq!(
            check_backup(&std::fs::read(&raw).unwrap()).map(|s| s.sign_ins),
            Ok(3),
            "the counts stay, in a file restore accepts"
        );
        let before = std::fs::read(&raw).unwrap();
        remove_damaged_before(&db, utc("2026-11-25T00:00:00Z") - Duration::days(30));
        assert_eq!(std::fs::read(&raw).unwrap(), before, "done once");
    }

    #[test]
    fn a_salvaged_copy_keeps_its_counts_and_loses_every_name_and_its_wal() {
        let dir = tempfile::tempdir().unwrap();
        let damaged = dir.path().join("kiosk.db.damaged-20261125-215600");
        let mut bytes = database_with("Quillonia", 400);
        // Spoil one page in the middle of the table.
        let at = bytes
            .windows(12)
            .position(|w| w == b"Quillonia200")
            .unwrap();
        let page = at / 4096 * 4096;
        bytes[page..page + 4096].fill(0x5a);
        std::fs::write(&damaged, &bytes).unwrap();
        std::fs::write(with_suffix(&damaged, "-wal"), "Quillonia").unwrap();

        let mut store = Store::in_memory().unwrap();
        let saved = store.salvage_from(&damaged).unwrap();
        assert!(
            (200..400).contains(&saved.sign_ins),
            "all but one page: {saved:?}"
        );
        // Still the same kiosk's counts: the damaged database's install id comes along.
        let mut original = Connection::open_in_memory().unwrap();
        original
            .deserialize_read_exact(MAIN_DB, bytes.as_slice(), bytes.len(), true)
            .unwrap();
        let id: String = original
            .query_row("SELECT install_id FROM install", [], |r| r.get(0))
            .unwrap();
        assert_eq!(store.install_id().unwrap(), id);
        assert_eq!(saved.copy, CopyState::NamesFree);
        assert_eq!(store.total_sign_ins().unwrap(), saved.sign_ins);
        assert_eq!(names_in(dir.path()), ["kiosk.db.damaged-20261125-215600"]);
        assert!(!holds(&damaged, "Quillonia"));
        assert_eq!(
            check_backup(&std::fs::read(&damaged).unwrap()).map(|s| s.sign_ins),
            Ok(saved.sign_ins)
        );
        assert!(holds_no_names(&damaged));
    }

    #[test]
    fn a_file_that_is_not_a_database_gives_nothing_and_is_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let damaged = dir.path().join("kiosk.db.damaged-20261125-215600");
        std::fs::write(&damaged, "name,when\nCasey,today\n").unwrap();
        let mut store = Store::in_memory().unwrap();
        assert_eq!(
            store.salvage_from(&damaged).unwrap(),
            Salvaged {
                copy: CopyState::Deleted,
                ..Salvaged::default()
            }
        );
        assert_eq!(store.total_sign_ins().unwrap(), 0);
        assert!(!damaged.exists(), "it might hold names no one can erase");
    }
}

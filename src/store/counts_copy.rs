//! The counts copy (SPEC §16): a names-free snapshot that also carries its site, the kiosk's
//! install id and the schedule as it stood, so it can be counted on any machine; and reading
//! one back, refusing whatever is not such a copy.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use rusqlite::{Connection, MAIN_DB, params};

use super::Store;
use crate::domain::schedule::{Schedule, Slot, parse_weekday, weekday_key};
use crate::error::StoreError;

/// Where a counts copy comes from, and what counting needs besides the sign-ins and the
/// cancellations (which the copy holds as the kiosk's own database does).
#[derive(Debug, Clone, PartialEq)]
pub struct CopyOrigin {
    pub site: String,
    /// The instant the copy was made, by the kiosk's clock: sessions after it are unknown.
    pub made_at: DateTime<Utc>,
    /// When the kiosk first ran on its data folder, for its first day of records.
    pub first_run: DateTime<Utc>,
    pub time_zone: Tz,
    pub early_window_min: u32,
    /// The groups in settings order; every slot's `group` is an index into them.
    pub groups: Vec<CopyGroup>,
    pub slots: Vec<Slot>,
    /// The version of dropin-kiosk that made the copy.
    pub kiosk_version: String,
}

/// A group as the copy keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyGroup {
    pub name: String,
    pub room: String,
    /// A course's first meeting.
    pub course_start: Option<NaiveDate>,
}

/// A counts copy read back: its origin, its kiosk's install id, and its database in memory.
#[derive(Debug)]
pub struct CountsCopy {
    pub install_id: String,
    pub origin: CopyOrigin,
    pub store: Store,
}

impl CountsCopy {
    /// The schedule as it stood when the copy was made, with its cancellations.
    pub fn schedule(&self) -> Result<Schedule, StoreError> {
        Ok(Schedule::new(
            self.origin.time_zone,
            self.origin.slots.clone(),
            self.store.cancellations()?,
        ))
    }

    pub fn group_names(&self) -> Vec<String> {
        self.origin.groups.iter().map(|g| g.name.clone()).collect()
    }
}

/// Why a file is not a counts copy `report` can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CopyProblem {
    NotACopy,
    Damaged,
    HasNames,
    TooNew(i64),
}

impl Store {
    /// This database's install id (made once, by migration 7).
    pub fn install_id(&self) -> Result<String, StoreError> {
        self.conn
            .query_row("SELECT install_id FROM install WHERE id = 1", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.fail(e))
    }

    /// The names-free counts copy: every count, no first name, and `origin`, as the bytes of
    /// a standalone `.db` file that `restore` also accepts. Topics suggested from the room
    /// stay behind too: they are no count, and words someone typed may hold a name.
    pub fn counts_copy(&self, origin: &CopyOrigin) -> Result<Vec<u8>, StoreError> {
        let mut copy = self.copy_in_memory()?;
        copy.execute_batch("DELETE FROM suggestions;")
            .map_err(|e| self.fail(e))?;
        super::backup::strip_names(&copy).map_err(|e| self.fail(e))?;
        write_origin(&mut copy, origin).map_err(|e| self.fail(e))?;
        super::backup::image(&mut copy).map_err(|e| self.fail(e))
    }
}

/// Empties the copy tables of the database in `conn`.
pub(super) fn forget_origin(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("DELETE FROM copy_of; DELETE FROM copy_groups; DELETE FROM copy_slots;")
}

fn write_origin(conn: &mut Connection, origin: &CopyOrigin) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO copy_of
            (id, site, made_ms, first_run_ms, time_zone, early_window_min, kiosk_version)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            origin.site,
            origin.made_at.timestamp_millis(),
            origin.first_run.timestamp_millis(),
            origin.time_zone.name(),
            origin.early_window_min,
            origin.kiosk_version,
        ],
    )?;
    for (position, g) in origin.groups.iter().enumerate() {
        tx.execute(
            "INSERT INTO copy_groups (position, name, room, course_start) VALUES (?1, ?2, ?3, ?4)",
            params![
                position as i64,
                g.name,
                g.room,
                g.course_start.map(|d| d.format("%Y-%m-%d").to_string()),
            ],
        )?;
    }
    for s in &origin.slots {
        tx.execute(
            "INSERT INTO copy_slots (weekday, start, end, group_position) VALUES (?1, ?2, ?3, ?4)",
            params![
                weekday_key(s.weekday),
                s.start.format("%H:%M").to_string(),
                s.end.format("%H:%M").to_string(),
                s.group as i64,
            ],
        )?;
    }
    tx.commit()
}

/// Reads the bytes of a file offered to `report`: a sound dropin-kiosk database, from this
/// version or an earlier one, with no first name in it, that a counts copy filled in.
pub fn read_counts_copy(bytes: &[u8]) -> Result<CountsCopy, CopyProblem> {
    use super::BackupProblem;
    match super::check_backup(bytes) {
        Ok(_) => {}
        Err(BackupProblem::TooNew(v)) => return Err(CopyProblem::TooNew(v)),
        Err(BackupProblem::Damaged) => return Err(CopyProblem::Damaged),
        Err(BackupProblem::NotADatabase | BackupProblem::Foreign) => {
            return Err(CopyProblem::NotACopy);
        }
    }
    let mut plain = bytes.to_vec();
    super::backup::unmark_wal(&mut plain);
    let mut conn = Connection::open_in_memory().map_err(|_| CopyProblem::NotACopy)?;
    conn.deserialize_read_exact(MAIN_DB, plain.as_slice(), plain.len(), false)
        .map_err(|_| CopyProblem::NotACopy)?;
    // An older copy is brought up to this version's schema, in memory only.
    let store = Store::init(conn, None).map_err(|e| match e {
        StoreError::TooNew(v) => CopyProblem::TooNew(v),
        _ => CopyProblem::NotACopy,
    })?;
    let names = store
        .query_i64(
            "SELECT count(*) FROM sign_ins WHERE first_name IS NOT NULL OR name_key IS NOT NULL",
            [],
        )
        .map_err(|_| CopyProblem::NotACopy)?
        .unwrap_or(0);
    if names > 0 {
        return Err(CopyProblem::HasNames);
    }
    let origin = read_origin(&store.conn).map_err(|_| CopyProblem::NotACopy)?;
    let Some(origin) = origin else {
        return Err(CopyProblem::NotACopy);
    };
    let install_id = store.install_id().map_err(|_| CopyProblem::NotACopy)?;
    Ok(CountsCopy {
        install_id,
        origin,
        store,
    })
}

/// The origin a counts copy holds; `None` when the copy tables are empty (a plain backup).
fn read_origin(conn: &Connection) -> rusqlite::Result<Option<CopyOrigin>> {
    let row = conn.query_row(
        "SELECT site, made_ms, first_run_ms, time_zone, early_window_min, kiosk_version
         FROM copy_of WHERE id = 1",
        [],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, String>(5)?,
            ))
        },
    );
    let (site, made_ms, first_run_ms, zone, early, version) = match row {
        Ok(row) => row,
        Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
        Err(e) => return Err(e),
    };
    let unreadable = || rusqlite::Error::InvalidQuery;
    let instant = |ms| DateTime::from_timestamp_millis(ms).ok_or_else(unreadable);
    let mut groups = Vec::new();
    let mut stmt =
        conn.prepare("SELECT name, room, course_start FROM copy_groups ORDER BY position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let start: Option<String> = r.get(2)?;
        groups.push(CopyGroup {
            name: r.get(0)?,
            room: r.get(1)?,
            course_start: match start {
                Some(text) => {
                    Some(NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| unreadable())?)
                }
                None => None,
            },
        });
    }
    let mut slots = Vec::new();
    let mut stmt = conn.prepare("SELECT weekday, start, end, group_position FROM copy_slots")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let time = |text: String| NaiveTime::parse_from_str(&text, "%H:%M").ok();
        let weekday: Option<Weekday> = parse_weekday(&r.get::<_, String>(0)?);
        let group = usize::try_from(r.get::<_, i64>(3)?).ok();
        match (weekday, time(r.get(1)?), time(r.get(2)?), group) {
            (Some(weekday), Some(start), Some(end), Some(group)) if group < groups.len() => {
                slots.push(Slot {
                    weekday,
                    start,
                    end,
                    group,
                });
            }
            _ => return Err(unreadable()),
        }
    }
    Ok(Some(CopyOrigin {
        site,
        made_at: instant(made_ms)?,
        first_run: instant(first_run_ms)?,
        time_zone: zone.parse().map_err(|_| unreadable())?,
        early_window_min: u32::try_from(early).map_err(|_| unreadable())?,
        groups,
        slots,
        kiosk_version: version,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::visit::NewSignIn;
    use crate::test_support::{afternoons, utc};

    fn origin() -> CopyOrigin {
        CopyOrigin {
            site: "North".into(),
            made_at: utc("2026-11-30T12:00:00Z"),
            first_run: utc("2026-11-02T17:00:00Z"),
            time_zone: chrono_tz::America::Los_Angeles,
            early_window_min: 30,
            groups: vec![CopyGroup {
                name: "Drop-in Group".into(),
                room: "Room 2".into(),
                course_start: NaiveDate::from_ymd_opt(2026, 10, 6),
            }],
            slots: afternoons(),
            kiosk_version: "0.1.0".into(),
        }
    }

    fn store_with_casey() -> Store {
        let mut store = Store::in_memory().unwrap();
        let schedule = Schedule::new(chrono_tz::America::Los_Angeles, afternoons(), vec![]);
        let at = utc("2026-11-25T21:35:00Z");
        store
            .sign_in(&NewSignIn::new("Quillonia", false, at, &schedule, 30))
            .unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let start = NaiveTime::from_hms_opt(13, 30, 0).unwrap();
        store.cancel(date, start, "Holiday", at).unwrap();
        let own = crate::domain::suggestions::Suggested::Own("Marigoldine's story".into());
        store.suggest("Drop-in Group", at, &own).unwrap();
        store
    }

    #[test]
    fn a_counts_copy_reads_back_with_its_origin_and_install_id_and_no_name() {
        let store = store_with_casey();
        let bytes = store.counts_copy(&origin()).unwrap();
        let lower = bytes.to_ascii_lowercase();
        for name in [&b"quillonia"[..], b"marigoldine"] {
            assert!(!lower.windows(name.len()).any(|w| w == name));
        }
        let copy = read_counts_copy(&bytes).unwrap();
        assert_eq!(copy.origin, origin());
        assert_eq!(copy.install_id, store.install_id().unwrap());
        assert_eq!(copy.install_id.len(), 32);
        assert_eq!(copy.store.total_sign_ins().unwrap(), 1);
        assert_eq!(copy.schedule().unwrap().cancellations.len(), 1);
        assert_eq!(copy.group_names(), vec!["Drop-in Group".to_string()]);
        // It is still a backup a kiosk can restore; restored, its origin is not carried on
        // into the kiosk's other copies, and the next counts copy has the kiosk's own.
        assert!(super::super::check_backup(&bytes).is_ok());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        std::fs::write(&path, &bytes).unwrap();
        let restored = Store::open(&path).unwrap();
        assert_eq!(
            read_counts_copy(&restored.snapshot_without_names().unwrap()).unwrap_err(),
            CopyProblem::NotACopy
        );
        let later = CopyOrigin {
            site: "North clinic".into(),
            made_at: utc("2026-12-02T12:00:00Z"),
            ..origin()
        };
        let again = read_counts_copy(&restored.counts_copy(&later).unwrap()).unwrap();
        assert_eq!(again.origin, later);
        assert_eq!(again.install_id, copy.install_id);
    }

    #[test]
    fn every_database_has_its_own_install_id_that_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        let first = Store::open(&path).unwrap().install_id().unwrap();
        assert_eq!(Store::open(&path).unwrap().install_id().unwrap(), first);
        assert_ne!(Store::in_memory().unwrap().install_id().unwrap(), first);
    }

    #[test]
    fn a_backup_with_names_a_plain_backup_or_another_file_is_not_read_as_a_counts_copy() {
        let store = store_with_casey();
        assert_eq!(
            read_counts_copy(&store.snapshot().unwrap()).unwrap_err(),
            CopyProblem::HasNames
        );
        assert_eq!(
            read_counts_copy(&store.snapshot_without_names().unwrap()).unwrap_err(),
            CopyProblem::NotACopy
        );
        assert_eq!(
            read_counts_copy(b"site,visits\nNorth,3\n").unwrap_err(),
            CopyProblem::NotACopy
        );
        let mut newer = store.copy_in_memory().unwrap();
        newer.pragma_update(None, "user_version", 99).unwrap();
        let bytes = super::super::backup::image(&mut newer).unwrap();
        assert_eq!(
            read_counts_copy(&bytes).unwrap_err(),
            CopyProblem::TooNew(99)
        );
    }
}

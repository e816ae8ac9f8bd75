//! Sign-ins: recorded durably, counted, read back for export, and stripped of old names.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::domain::counts::SignInFact;
use crate::domain::visit::NewSignIn;
use crate::error::StoreError;

/// What the kiosk may say once a sign-in is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub id: i64,
    /// The same name already signed in to this occurrence: stored, not counted twice. Only
    /// staff hear of it (the command line); the tablet welcomes a repeat like anyone else.
    pub repeat: bool,
}

/// What a first-visit tap changed: the sign-in marked, and whether it was marked already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstVisitMark {
    pub id: i64,
    pub was_marked: bool,
}

/// A first name as staff see it on "Today's first names".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffName {
    pub at: DateTime<Utc>,
    pub name: String,
}

fn millis(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or(DateTime::UNIX_EPOCH)
}

impl Store {
    /// Stores a sign-in and returns only after its transaction has committed durably
    /// (WAL with `synchronous = FULL`), so a confirmation on screen is never a promise broken.
    pub fn sign_in(&mut self, new: &NewSignIn) -> Result<Receipt, StoreError> {
        let path = self.path.clone();
        let fail = |e| StoreError::classify(e, path.as_deref());
        // IMMEDIATE: the write lock is taken (waiting out a command's purge or backup beside
        // the kiosk) before the repeat check reads; a read upgraded to a write later would
        // fail at once, unretried, whenever another process had written meanwhile.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        let repeat = match &new.name_key {
            Some(key) => tx
                .query_row(
                    "SELECT 1 FROM sign_ins WHERE scope = ?1 AND name_key = ?2 LIMIT 1",
                    params![new.scope, key],
                    |_| Ok(()),
                )
                .optional()
                .map_err(fail)?
                .is_some(),
            None => false,
        };
        tx.execute(
            "INSERT INTO sign_ins
                (at_ms, first_name, name_key, named, is_repeat, first_visit,
                 occ_start_ms, occ_end_ms, scope)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                new.at.timestamp_millis(),
                new.name,
                new.name_key,
                new.name.is_some(),
                repeat,
                new.first_visit,
                new.occurrence.map(|(s, _)| s.timestamp_millis()),
                new.occurrence.map(|(_, e)| e.timestamp_millis()),
                new.scope,
            ],
        )
        .map_err(fail)?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(fail)?;
        Ok(Receipt { id, repeat })
    }

    /// Marks a stored sign-in as a first visit (the optional tap after confirmation). A repeat
    /// is offered the tap too (it sees what a first sign-in sees), so its mark goes to the
    /// person's first sign-in of that session, the one that is counted. Returns what was
    /// changed, so the same screen can take the mark back.
    pub fn mark_first_visit(&mut self, id: i64) -> Result<FirstVisitMark, StoreError> {
        let path = self.path.clone();
        let fail = |e| StoreError::classify(e, path.as_deref());
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        let (target, was_marked): (i64, bool) = tx
            .query_row(
                "SELECT id, first_visit FROM sign_ins WHERE id = coalesce(
                    (SELECT first.id FROM sign_ins AS this JOIN sign_ins AS first
                       ON first.scope = this.scope AND first.name_key = this.name_key
                     WHERE this.id = ?1 AND this.is_repeat = 1 AND first.is_repeat = 0
                     ORDER BY first.id LIMIT 1),
                    ?1)",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(fail)?;
        tx.execute(
            "UPDATE sign_ins SET first_visit = 1 WHERE id = ?1",
            params![target],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(FirstVisitMark {
            id: target,
            was_marked,
        })
    }

    /// Takes back a first-visit mark made by [`Store::mark_first_visit`]: the sign-in is as
    /// it was before the tap (a mark the person's first sign-in already had stays).
    pub fn unmark_first_visit(&mut self, mark: FirstVisitMark) -> Result<(), StoreError> {
        if mark.was_marked {
            return Ok(());
        }
        self.conn
            .execute(
                "UPDATE sign_ins SET first_visit = 0 WHERE id = ?1",
                params![mark.id],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// People counted in the occurrence starting at `start`: a number, never names.
    pub fn count_for_occurrence(&self, start: DateTime<Utc>) -> Result<u64, StoreError> {
        self.count_in_occurrence("AND is_repeat = 0", start)
    }

    /// Sign-ins recorded for the occurrence starting at `start`, a repeat of a name included:
    /// what the public script screen may show, since a repeat moves it exactly as a first
    /// sign-in does and so it never tells anyone whether a name is already here.
    pub fn sign_ins_for_occurrence(&self, start: DateTime<Utc>) -> Result<u64, StoreError> {
        self.count_in_occurrence("", start)
    }

    /// Sign-ins of the occurrence starting at `start` that also meet `and_also` (SQL).
    fn count_in_occurrence(&self, and_also: &str, start: DateTime<Utc>) -> Result<u64, StoreError> {
        let sql = format!("SELECT count(*) FROM sign_ins WHERE occ_start_ms = ?1 {and_also}");
        let n = self.query_i64(&sql, params![start.timestamp_millis()])?;
        Ok(n.unwrap_or(0).max(0) as u64)
    }

    /// Every sign-in with `from <= at < to`, in time order, without names, one at a time.
    pub fn for_each_fact(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        mut each: impl FnMut(SignInFact),
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT at_ms, occ_start_ms, occ_end_ms, named, is_repeat, first_visit
                 FROM sign_ins WHERE at_ms >= ?1 AND at_ms < ?2 ORDER BY at_ms",
            )
            .map_err(|e| self.fail(e))?;
        let mut rows = stmt
            .query(params![from.timestamp_millis(), to.timestamp_millis()])
            .map_err(|e| self.fail(e))?;
        while let Some(row) = rows.next().map_err(|e| self.fail(e))? {
            let read = || -> rusqlite::Result<SignInFact> {
                let start: Option<i64> = row.get(1)?;
                let end: Option<i64> = row.get(2)?;
                Ok(SignInFact {
                    at: millis(row.get(0)?),
                    occurrence: start.zip(end).map(|(s, e)| (millis(s), millis(e))),
                    named: row.get(3)?,
                    repeat: row.get(4)?,
                    first_visit: row.get(5)?,
                })
            };
            each(read().map_err(|e| self.fail(e))?);
        }
        Ok(())
    }

    /// First names signed in with `from <= at < to`, for staff only, in arrival order.
    pub fn names_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<StaffName>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT at_ms, first_name FROM sign_ins
                 WHERE at_ms >= ?1 AND at_ms < ?2 AND first_name IS NOT NULL ORDER BY at_ms",
            )
            .map_err(|e| self.fail(e))?;
        let rows = stmt
            .query_map(
                params![from.timestamp_millis(), to.timestamp_millis()],
                |r| {
                    Ok(StaffName {
                        at: millis(r.get(0)?),
                        name: r.get(1)?,
                    })
                },
            )
            .map_err(|e| self.fail(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.fail(e))
    }

    /// The instant of the earliest stored sign-in, if any (for the first day of records: a
    /// paper sheet entered later counts from its own day).
    pub fn earliest_sign_in(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let ms: Option<i64> = self
            .conn
            .query_row("SELECT min(at_ms) FROM sign_ins", [], |r| r.get(0))
            .map_err(|e| self.fail(e))?;
        Ok(ms.map(millis))
    }

    /// Erases first names (and their match keys) of sign-ins before `cutoff`, from every
    /// file: the rows (with `secure_delete` zeroing what they leave behind), the free space
    /// and old page copies (`VACUUM`, when anything was erased), and the WAL (truncated).
    /// Every count survives: whether a sign-in was named or a repeat has its own columns.
    /// Returns how many sign-ins lost their name.
    pub fn purge_names_before(&mut self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        let erased = self
            .conn
            .execute(
                "UPDATE sign_ins SET first_name = NULL, name_key = NULL
                 WHERE at_ms < ?1 AND (first_name IS NOT NULL OR name_key IS NOT NULL)",
                params![cutoff.timestamp_millis()],
            )
            .map_err(|e| self.fail(e))?;
        // Suggested topics go at the same age: the few words someone typed are theirs too.
        let suggestions = self.erase_suggestions_before(cutoff)?;
        if erased > 0 || suggestions > 0 || std::mem::take(&mut self.rebuild_pending) {
            // Rebuilds every page, so no earlier copy of a row (from before secure_delete,
            // or in a page now free) survives in the file. In WAL mode the kiosk and a
            // headless command beside it keep reading their own snapshot meanwhile.
            self.conn
                .execute_batch("VACUUM")
                .map_err(|e| self.fail(e))?;
        }
        self.truncate_wal();
        Ok(erased)
    }

    /// How many sign-ins are stored in all, for checks.
    pub fn total_sign_ins(&self) -> Result<u64, StoreError> {
        Ok(self
            .query_i64("SELECT count(*) FROM sign_ins", [])?
            .unwrap_or(0)
            .max(0) as u64)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Weekday};

    use super::*;
    use crate::domain::schedule::{Schedule, Slot, parse_hhmm};
    use crate::test_support::utc;

    fn schedule() -> Schedule {
        Schedule::new(
            chrono_tz::America::Los_Angeles,
            vec![Slot {
                weekday: Weekday::Wed,
                start: parse_hhmm("13:30").unwrap(),
                end: parse_hhmm("14:30").unwrap(),
                group: 0,
            }],
            vec![],
        )
    }

    fn sign_in(store: &mut Store, name: &str, at: &str) -> Receipt {
        store
            .sign_in(&NewSignIn::new(name, false, utc(at), &schedule(), 30))
            .unwrap()
    }

    #[test]
    fn casey_twice_in_one_session_counts_once_and_is_welcomed_back() {
        let mut store = Store::in_memory().unwrap();
        assert!(!sign_in(&mut store, "Casey", "2026-11-25T21:35:00Z").repeat);
        assert!(sign_in(&mut store, "casey ", "2026-11-25T21:50:00Z").repeat);
        assert!(!sign_in(&mut store, "", "2026-11-25T21:51:00Z").repeat);
        assert!(!sign_in(&mut store, "", "2026-11-25T21:52:00Z").repeat);
        let start = utc("2026-11-25T21:30:00Z");
        assert_eq!(store.count_for_occurrence(start).unwrap(), 3);
        // The number the public script screen shows moves with every sign-in, repeat or not.
        assert_eq!(store.sign_ins_for_occurrence(start).unwrap(), 4);
        // Next week Casey is new to that session again.
        assert!(!sign_in(&mut store, "Casey", "2026-12-02T21:35:00Z").repeat);
    }

    #[test]
    fn a_first_visit_tapped_after_a_repeat_marks_the_counted_sign_in_once() {
        let mut store = Store::in_memory().unwrap();
        sign_in(&mut store, "Casey", "2026-11-25T21:35:00Z");
        let again = sign_in(&mut store, "casey", "2026-11-25T21:50:00Z");
        let anon = sign_in(&mut store, "", "2026-11-25T21:55:00Z");
        store.mark_first_visit(again.id).unwrap();
        store.mark_first_visit(anon.id).unwrap();
        let mut facts = Vec::new();
        store
            .for_each_fact(
                utc("2026-11-25T00:00:00Z"),
                utc("2026-11-26T00:00:00Z"),
                |f| facts.push((f.repeat, f.first_visit)),
            )
            .unwrap();
        assert_eq!(facts, vec![(false, true), (true, false), (false, true)]);
    }

    #[test]
    fn a_first_visit_taken_back_leaves_the_sign_ins_as_they_were() {
        let mut store = Store::in_memory().unwrap();
        let first = sign_in(&mut store, "Casey", "2026-11-25T21:35:00Z");
        let anon = sign_in(&mut store, "", "2026-11-25T21:40:00Z");
        let marks = |store: &Store| {
            let mut marks = Vec::new();
            store
                .for_each_fact(
                    utc("2026-11-25T00:00:00Z"),
                    utc("2026-11-26T00:00:00Z"),
                    |f| marks.push(f.first_visit),
                )
                .unwrap();
            marks
        };
        let tapped = store.mark_first_visit(anon.id).unwrap();
        assert_eq!(marks(&store), vec![false, true]);
        store.unmark_first_visit(tapped).unwrap();
        assert_eq!(marks(&store), vec![false, false]);
        // Casey marked a first visit, then signed in again and tapped and took it back:
        // the mark from the first sign-in stays.
        store.mark_first_visit(first.id).unwrap();
        let again = sign_in(&mut store, "casey", "2026-11-25T21:50:00Z");
        let tapped = store.mark_first_visit(again.id).unwrap();
        assert_eq!(tapped.id, first.id);
        store.unmark_first_visit(tapped).unwrap();
        assert_eq!(marks(&store), vec![true, false, false]);
    }

    #[test]
    fn the_retention_purge_erases_names_and_keeps_every_count() {
        let mut store = Store::in_memory().unwrap();
        for (name, at) in [
            ("Casey", "2026-10-07T20:35:00Z"),
            ("casey", "2026-10-07T20:36:00Z"),
            ("", "2026-10-07T20:37:00Z"),
            ("Robin", "2026-11-25T21:35:00Z"),
        ] {
            sign_in(&mut store, name, at);
        }
        let mut before = Vec::new();
        let (from, to) = (utc("2026-10-01T00:00:00Z"), utc("2026-12-01T00:00:00Z"));
        store.for_each_fact(from, to, |f| before.push(f)).unwrap();

        let cutoff = utc("2026-11-25T00:00:00Z") - Duration::days(30);
        assert_eq!(store.purge_names_before(cutoff).unwrap(), 2);

        let mut after = Vec::new();
        store.for_each_fact(from, to, |f| after.push(f)).unwrap();
        assert_eq!(before, after);
        let names = store.names_between(from, to).unwrap();
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].name, "Robin");
        assert_eq!(
            store
                .count_for_occurrence(utc("2026-10-07T20:30:00Z"))
                .unwrap(),
            2
        );
    }

    /// Whether any file of the database holds `needle`, in any letter case.
    fn on_disk(dir: &std::path::Path, needle: &str) -> bool {
        let needle = needle.to_ascii_lowercase().into_bytes();
        std::fs::read_dir(dir).unwrap().flatten().any(|e| {
            let bytes = std::fs::read(e.path()).unwrap().to_ascii_lowercase();
            bytes.windows(needle.len()).any(|w| w == needle.as_slice())
        })
    }

    #[test]
    fn a_purge_beside_the_open_kiosk_leaves_the_name_in_no_file_and_both_keep_working() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kiosk.db");
        let mut kiosk = Store::open(&path).unwrap();
        sign_in(&mut kiosk, "Marigoldine", "2026-10-07T20:35:00Z");
        sign_in(&mut kiosk, "Robin", "2026-11-25T21:35:00Z");
        assert!(on_disk(dir.path(), "Marigoldine"));

        // A headless command opens the store beside the running kiosk and purges.
        let mut command = Store::open(&path).unwrap();
        let cutoff = utc("2026-11-25T00:00:00Z") - Duration::days(30);
        assert_eq!(command.purge_names_before(cutoff).unwrap(), 1);
        assert!(!on_disk(dir.path(), "Marigoldine"));
        assert_eq!(
            std::fs::metadata(dir.path().join("kiosk.db-wal"))
                .unwrap()
                .len(),
            0
        );

        // The kiosk's connection still reads and writes the rebuilt file.
        assert!(sign_in(&mut kiosk, "robin", "2026-11-25T21:40:00Z").repeat);
        let start = utc("2026-11-25T21:30:00Z");
        assert_eq!(kiosk.count_for_occurrence(start).unwrap(), 1);
        assert_eq!(command.count_for_occurrence(start).unwrap(), 1);
        assert_eq!(kiosk.total_sign_ins().unwrap(), 3);
        assert!(!on_disk(dir.path(), "Marigoldine"));
        assert!(on_disk(dir.path(), "Robin"));
        // Nothing left to erase: no rebuild, and nothing changes.
        assert_eq!(kiosk.purge_names_before(cutoff).unwrap(), 0);
    }

    #[test]
    fn odd_names_are_stored_as_plain_text_and_touch_no_other_row() {
        let mut store = Store::in_memory().unwrap();
        sign_in(&mut store, "Robin", "2026-11-25T21:35:00Z");
        sign_in(&mut store, "'); DROP TABLE x;--", "2026-11-25T21:36:00Z");
        let names = store
            .names_between(utc("2026-11-25T00:00:00Z"), utc("2026-11-26T00:00:00Z"))
            .unwrap();
        assert_eq!(names[0].name, "Robin");
        assert_eq!(names[1].name, "'); DROP TABLE x;--");
        assert_eq!(store.total_sign_ins().unwrap(), 2);
    }

    #[test]
    fn a_first_visit_tap_marks_the_stored_sign_in() {
        let mut store = Store::in_memory().unwrap();
        let receipt = sign_in(&mut store, "", "2026-11-25T21:35:00Z");
        store.mark_first_visit(receipt.id).unwrap();
        let mut facts = Vec::new();
        store
            .for_each_fact(
                utc("2026-11-25T00:00:00Z"),
                utc("2026-11-26T00:00:00Z"),
                |f| {
                    facts.push(f);
                },
            )
            .unwrap();
        assert!(facts[0].first_visit);
    }
}

//! Topics suggested from the room: stored with their group and the meeting they are for,
//! read back for the facilitator, removed by staff, erased with names after retention.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::Store;
use crate::domain::suggestions::{CommonTopic, Suggested, Suggestion};
use crate::error::StoreError;

impl Store {
    /// Stores one suggestion for `group`'s meeting starting at `for_start`; returns once the
    /// transaction has committed.
    pub fn suggest(
        &mut self,
        group: &str,
        for_start: DateTime<Utc>,
        topic: &Suggested,
    ) -> Result<(), StoreError> {
        let (key, words) = match topic {
            Suggested::Common(t) => (Some(t.key()), None),
            Suggested::Own(text) => (None, Some(text.as_str())),
        };
        self.conn
            .execute(
                "INSERT INTO suggestions (group_name, for_start_ms, topic_key, own_words, allowed)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    group,
                    for_start.timestamp_millis(),
                    key,
                    words,
                    topic.public_at_once()
                ],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// `group`'s suggestions for meetings starting after `after` and up to `until`, in the
    /// order they were made.
    pub fn suggestions(
        &self,
        group: &str,
        after: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<Suggestion>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, topic_key, own_words, allowed FROM suggestions
                 WHERE group_name = ?1 AND for_start_ms > ?2 AND for_start_ms <= ?3 ORDER BY id",
            )
            .map_err(|e| self.fail(e))?;
        let rows = stmt
            .query_map(
                params![group, after.timestamp_millis(), until.timestamp_millis()],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, bool>(3)?,
                    ))
                },
            )
            .map_err(|e| self.fail(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, key, words, allowed) = row.map_err(|e| self.fail(e))?;
            // A topic this version does not know is skipped rather than hiding the others.
            let topic = match (key.as_deref().and_then(CommonTopic::from_key), words) {
                (Some(t), _) => Suggested::Common(t),
                (None, Some(text)) => Suggested::Own(text),
                (None, None) => continue,
            };
            out.push(Suggestion { id, topic, allowed });
        }
        Ok(out)
    }

    /// Lets staff-read words be shown on the public script screen. Returns how many.
    pub fn allow_suggestions(&mut self, ids: &[i64]) -> Result<usize, StoreError> {
        let path = self.path.clone();
        let fail = |e| StoreError::classify(e, path.as_deref());
        let tx = self.conn.transaction().map_err(fail)?;
        let mut allowed = 0;
        for id in ids {
            allowed += tx
                .execute(
                    "UPDATE suggestions SET allowed = 1 WHERE id = ?1",
                    params![id],
                )
                .map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        Ok(allowed)
    }

    /// Removes suggestions (staff turning words down, or a topic that should not be read
    /// out), erased at once from every file: `secure_delete` zeroes the rows, and the WAL,
    /// which still holds the page as it was, is emptied. Returns how many went.
    pub fn remove_suggestions(&mut self, ids: &[i64]) -> Result<usize, StoreError> {
        let path = self.path.clone();
        let fail = |e| StoreError::classify(e, path.as_deref());
        let tx = self.conn.transaction().map_err(fail)?;
        let mut removed = 0;
        for id in ids {
            removed += tx
                .execute("DELETE FROM suggestions WHERE id = ?1", params![id])
                .map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        self.truncate_wal();
        Ok(removed)
    }

    /// Erases suggestions for meetings before `cutoff` (part of the retention purge).
    pub(super) fn erase_suggestions_before(
        &mut self,
        cutoff: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        self.conn
            .execute(
                "DELETE FROM suggestions WHERE for_start_ms < ?1",
                params![cutoff.timestamp_millis()],
            )
            .map_err(|e| self.fail(e))
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::test_support::utc;

    #[test]
    fn suggestions_are_read_back_per_group_and_meeting_and_can_be_removed() {
        let mut store = Store::in_memory().unwrap();
        let last = utc("2026-11-23T21:30:00Z");
        let next = utc("2026-11-25T21:30:00Z");
        let housing = Suggested::Common(CommonTopic::Housing);
        store.suggest("Drop-in", last, &housing).unwrap();
        store.suggest("Drop-in", next, &housing).unwrap();
        store
            .suggest("Drop-in", next, &Suggested::Own("sleep".into()))
            .unwrap();
        store.suggest("Course", next, &housing).unwrap();
        let got = store.suggestions("Drop-in", last, next).unwrap();
        let topics: Vec<Suggested> = got.iter().map(|s| s.topic.clone()).collect();
        assert_eq!(topics, vec![housing, Suggested::Own("sleep".into())]);
        assert_eq!(store.remove_suggestions(&[got[1].id]).unwrap(), 1);
        assert_eq!(store.suggestions("Drop-in", last, next).unwrap().len(), 1);
    }

    #[test]
    fn typed_words_wait_for_staff_and_words_turned_down_are_gone_from_every_file_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kiosk.db")).unwrap();
        let next = utc("2026-11-25T21:30:00Z");
        let before = next - Duration::days(2);
        store
            .suggest("Drop-in", next, &Suggested::Common(CommonTopic::Money))
            .unwrap();
        store
            .suggest("Drop-in", next, &Suggested::Own("Quillanbrook".into()))
            .unwrap();
        store
            .suggest("Drop-in", next, &Suggested::Own("sleep".into()))
            .unwrap();
        let got = store.suggestions("Drop-in", before, next).unwrap();
        let allowed: Vec<bool> = got.iter().map(|s| s.allowed).collect();
        assert_eq!(allowed, vec![true, false, false], "typed words wait");
        assert_eq!(store.allow_suggestions(&[got[2].id]).unwrap(), 1);
        let on_disk = || {
            std::fs::read_dir(dir.path()).unwrap().flatten().any(|e| {
                let bytes = std::fs::read(e.path()).unwrap();
                bytes.windows(12).any(|w| w == b"Quillanbrook")
            })
        };
        assert!(on_disk());
        store.remove_suggestions(&[got[1].id]).unwrap();
        assert!(
            !on_disk(),
            "turned down means unreadable at once, not at the purge"
        );
        let left = store.suggestions("Drop-in", before, next).unwrap();
        let left: Vec<(Suggested, bool)> = left.into_iter().map(|s| (s.topic, s.allowed)).collect();
        assert_eq!(
            left,
            vec![
                (Suggested::Common(CommonTopic::Money), true),
                (Suggested::Own("sleep".into()), true)
            ]
        );
    }

    #[test]
    fn the_retention_purge_erases_old_suggestions_from_the_file_too() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kiosk.db")).unwrap();
        let old = utc("2026-10-07T20:30:00Z");
        let recent = utc("2026-11-25T21:30:00Z");
        let words = |w: &str| Suggested::Own(w.into());
        store
            .suggest("Drop-in", old, &words("Zanzibarine"))
            .unwrap();
        store.suggest("Drop-in", recent, &words("sleep")).unwrap();
        let on_disk = || {
            std::fs::read_dir(dir.path()).unwrap().flatten().any(|e| {
                let bytes = std::fs::read(e.path()).unwrap();
                bytes.windows(11).any(|w| w == b"Zanzibarine")
            })
        };
        assert!(on_disk());
        store
            .purge_names_before(recent - Duration::days(30))
            .unwrap();
        assert!(!on_disk(), "erased from every file, not only hidden");
        let kept = store
            .suggestions("Drop-in", old - Duration::days(1), recent)
            .unwrap();
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn the_earliest_sign_in_is_known_for_the_first_day_of_records() {
        let mut store = Store::in_memory().unwrap();
        assert_eq!(store.earliest_sign_in().unwrap(), None);
        let schedule = crate::config::Settings::default().schedule(vec![]);
        for at in ["2026-11-25T21:35:00Z", "2026-11-16T21:40:00Z"] {
            let new = crate::domain::visit::NewSignIn::new("", false, utc(at), &schedule, 30);
            store.sign_in(&new).unwrap();
        }
        assert_eq!(
            store.earliest_sign_in().unwrap(),
            Some(utc("2026-11-16T21:40:00Z"))
        );
    }

    #[test]
    fn odd_words_are_stored_as_plain_text() {
        let mut store = Store::in_memory().unwrap();
        let at = utc("2026-11-25T21:30:00Z");
        let words = Suggested::Own("'); DROP TABLE suggestions;--".into());
        store.suggest("Drop-in", at, &words).unwrap();
        let got = store
            .suggestions("Drop-in", at - Duration::days(1), at)
            .unwrap();
        assert_eq!(got[0].topic, words);
    }
}

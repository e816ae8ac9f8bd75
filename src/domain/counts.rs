//! Attendance counts per occurrence and per outside-hours day, with totals. Never any name.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};

use super::schedule::{Occurrence, Schedule};

/// One stored sign-in, as counting needs it: no name, only whether there was one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInFact {
    pub at: DateTime<Utc>,
    /// Start and end of the occurrence it belongs to; `None` for an outside-hours visit.
    pub occurrence: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub named: bool,
    /// The same name already signed in to the same occurrence (or outside-hours day).
    pub repeat: bool,
    pub first_visit: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// People counted: every anonymous sign-in plus each distinct name once.
    pub sign_ins: u64,
    pub named: u64,
    pub anonymous: u64,
    pub first_visits: u64,
    pub before_start: u64,
    pub after_start: u64,
}

impl Tally {
    /// The counts in CSV column order: sign-ins, named, anonymous, first visits,
    /// before start, after start.
    pub fn columns(&self) -> [u64; 6] {
        [
            self.sign_ins,
            self.named,
            self.anonymous,
            self.first_visits,
            self.before_start,
            self.after_start,
        ]
    }

    /// Adds one sign-in; `start` is the occurrence start, if it has one.
    pub fn add(&mut self, fact: &SignInFact, start: Option<DateTime<Utc>>) {
        if fact.repeat {
            return;
        }
        self.sign_ins += 1;
        if fact.named {
            self.named += 1;
        } else {
            self.anonymous += 1;
        }
        if fact.first_visit {
            self.first_visits += 1;
        }
        if let Some(start) = start {
            if fact.at < start {
                self.before_start += 1;
            } else {
                self.after_start += 1;
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    Held,
    Cancelled,
    OutsideHours,
}

impl RowStatus {
    pub fn key(self) -> &'static str {
        match self {
            RowStatus::Held => "held",
            RowStatus::Cancelled => "cancelled",
            RowStatus::OutsideHours => "outside_hours",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub date: NaiveDate,
    pub weekday: Weekday,
    /// Local start and end; empty for outside-hours rows.
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub status: RowStatus,
    pub tally: Tally,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Totals {
    pub sessions_held: u64,
    pub sessions_cancelled: u64,
    /// Every counted visit in the range, outside hours included.
    pub visits: u64,
    pub first_visits: u64,
    /// Mean counted sign-ins per held session.
    pub mean_per_session: f64,
    /// The sum of every row, for the CSV's total line.
    pub tally: Tally,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub rows: Vec<Row>,
    pub totals: Totals,
}

/// Counts sign-ins for each occurrence whose local date is in `from..=to` and has begun by
/// `now`, plus one row per local day with outside-hours visits. Rows are in time order.
pub fn report(
    schedule: &Schedule,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
    facts: impl IntoIterator<Item = SignInFact>,
) -> Report {
    let in_range = |date: NaiveDate| from <= date && date <= to;
    // Occurrence start (ms) -> row, seeded from the schedule so empty sessions still show.
    let mut sessions: BTreeMap<i64, Row> = BTreeMap::new();
    for occ in schedule.occurrences_between(from, to) {
        if occ.start <= now {
            sessions.insert(occ.start.timestamp_millis(), session_row(&occ));
        }
    }
    let mut outside: BTreeMap<NaiveDate, Tally> = BTreeMap::new();
    // Cache of start ms -> whether it is in range, for sign-ins of slots since removed.
    let mut seen: HashMap<i64, bool> = HashMap::new();
    for fact in facts {
        if let Some((start, end)) = fact.occurrence {
            let key = start.timestamp_millis();
            let wanted = *seen.entry(key).or_insert_with(|| {
                if sessions.contains_key(&key) {
                    return true;
                }
                let date = schedule.local_date(start);
                if !in_range(date) {
                    return false;
                }
                // A sign-in kept from a slot the schedule no longer has.
                sessions.insert(
                    key,
                    Row {
                        date,
                        weekday: date.weekday(),
                        start: Some(schedule.local_time(start)),
                        end: Some(schedule.local_time(end)),
                        status: RowStatus::Held,
                        tally: Tally::default(),
                    },
                );
                true
            });
            if wanted && let Some(row) = sessions.get_mut(&key) {
                row.tally.add(&fact, Some(start));
            }
        } else {
            let date = schedule.local_date(fact.at);
            if in_range(date) {
                outside.entry(date).or_default().add(&fact, None);
            }
        }
    }

    let mut rows: Vec<(NaiveDate, u8, i64, Row)> = sessions
        .into_iter()
        .map(|(key, row)| (row.date, 0, key, row))
        .collect();
    rows.extend(outside.into_iter().map(|(date, tally)| {
        let row = Row {
            date,
            weekday: date.weekday(),
            start: None,
            end: None,
            status: RowStatus::OutsideHours,
            tally,
        };
        (date, 1, 0, row)
    }));
    rows.sort_by_key(|(date, order, key, _)| (*date, *order, *key));
    let rows: Vec<Row> = rows.into_iter().map(|(_, _, _, row)| row).collect();
    let totals = totals(&rows);
    Report { rows, totals }
}

fn session_row(occ: &Occurrence) -> Row {
    Row {
        date: occ.date,
        weekday: occ.date.weekday(),
        start: Some(occ.slot.start),
        end: Some(occ.slot.end),
        status: if occ.is_cancelled() {
            RowStatus::Cancelled
        } else {
            RowStatus::Held
        },
        tally: Tally::default(),
    }
}

fn totals(rows: &[Row]) -> Totals {
    let mut t = Totals::default();
    let mut held_sign_ins = 0;
    for row in rows {
        match row.status {
            RowStatus::Held => {
                t.sessions_held += 1;
                held_sign_ins += row.tally.sign_ins;
            }
            RowStatus::Cancelled => t.sessions_cancelled += 1,
            RowStatus::OutsideHours => {}
        }
        let s = &mut t.tally;
        s.sign_ins += row.tally.sign_ins;
        s.named += row.tally.named;
        s.anonymous += row.tally.anonymous;
        s.first_visits += row.tally.first_visits;
        s.before_start += row.tally.before_start;
        s.after_start += row.tally.after_start;
    }
    t.visits = t.tally.sign_ins;
    t.first_visits = t.tally.first_visits;
    if t.sessions_held > 0 {
        t.mean_per_session = held_sign_ins as f64 / t.sessions_held as f64;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::{Cancellation, Slot, parse_hhmm};

    fn schedule() -> Schedule {
        let slot = |weekday| Slot {
            weekday,
            start: parse_hhmm("13:30").unwrap(),
            end: parse_hhmm("14:30").unwrap(),
        };
        Schedule::new(
            chrono_tz::America::Los_Angeles,
            vec![slot(Weekday::Mon), slot(Weekday::Wed), slot(Weekday::Fri)],
            vec![Cancellation {
                date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
                start: parse_hhmm("13:30").unwrap(),
                note: "Holiday".into(),
            }],
        )
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn fact(at: &str, named: bool, repeat: bool) -> SignInFact {
        let s = schedule();
        let at = utc(at);
        SignInFact {
            at,
            occurrence: s.attribute(at, 30).map(|o| (o.start, o.end)),
            named,
            repeat,
            first_visit: false,
        }
    }

    #[test]
    fn repeats_count_once_and_anonymous_always_count() {
        let facts = [
            fact("2026-11-25T21:20:00Z", true, false), // Casey, before start
            fact("2026-11-25T21:40:00Z", true, true),  // casey again
            fact("2026-11-25T21:41:00Z", false, false),
            fact("2026-11-25T21:42:00Z", false, false),
        ];
        let d = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let r = report(&schedule(), d, d, utc("2026-11-26T00:00:00Z"), facts);
        assert_eq!(r.rows.len(), 1);
        let t = r.rows[0].tally;
        assert_eq!((t.sign_ins, t.named, t.anonymous), (3, 1, 2));
        assert_eq!((t.before_start, t.after_start), (1, 2));
    }

    #[test]
    fn rows_cover_held_cancelled_and_outside_hours_with_totals() {
        let facts = [
            fact("2026-11-23T21:35:00Z", false, false), // Mon, held
            fact("2026-11-24T18:00:00Z", true, false),  // Tue, outside hours
            fact("2026-11-27T21:35:00Z", false, false), // Fri, cancelled: outside hours
        ];
        let from = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let r = report(&schedule(), from, to, utc("2026-12-01T00:00:00Z"), facts);
        let kinds: Vec<_> = r
            .rows
            .iter()
            .map(|row| (row.date.day(), row.status))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (23, RowStatus::Held),
                (24, RowStatus::OutsideHours),
                (25, RowStatus::Held),
                (27, RowStatus::Cancelled),
                (27, RowStatus::OutsideHours),
            ]
        );
        assert_eq!(r.totals.sessions_held, 2);
        assert_eq!(r.totals.sessions_cancelled, 1);
        assert_eq!(r.totals.visits, 3);
        assert!((r.totals.mean_per_session - 0.5).abs() < 1e-9);
    }

    #[test]
    fn occurrences_that_have_not_begun_are_left_out() {
        let from = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let r = report(&schedule(), from, to, utc("2026-11-25T12:00:00Z"), []);
        assert_eq!(r.rows.len(), 1);
    }
}

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
    /// The group that met (an index into `Report::groups`); none for outside-hours rows and
    /// for a session of a slot the schedule no longer has.
    pub group: Option<usize>,
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
    /// The groups' names, for the rows' `group` index.
    pub groups: Vec<String>,
}

impl Report {
    /// The name of a row's group; empty when it has none.
    pub fn group_name(&self, row: &Row) -> &str {
        row.group
            .and_then(|g| self.groups.get(g))
            .map_or("", String::as_str)
    }
}

/// What a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    /// Local dates, both included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Occurrences that have not begun by now are left out.
    pub now: DateTime<Utc>,
    /// The kiosk's first day of records: an occurrence before it was never watched over by
    /// the kiosk, so it is not reported as held (nor cancelled).
    pub records_since: Option<NaiveDate>,
    /// Only this group's sessions; outside-hours visits belong to no group and are left out.
    pub group: Option<usize>,
}

impl Scope {
    /// Every group, every day from `from` to `to`.
    pub fn dates(from: NaiveDate, to: NaiveDate, now: DateTime<Utc>) -> Scope {
        Scope {
            from,
            to,
            now,
            records_since: None,
            group: None,
        }
    }

    fn covers(&self, date: NaiveDate, group: Option<usize>) -> bool {
        self.from <= date
            && date <= self.to
            && self.records_since.is_none_or(|first| first <= date)
            && (self.group.is_none() || self.group == group)
    }
}

/// Counts sign-ins for each occurrence in `scope` that has begun by `scope.now`, plus one
/// row per local day with outside-hours visits. Rows are in time order.
pub fn report(
    schedule: &Schedule,
    scope: Scope,
    facts: impl IntoIterator<Item = SignInFact>,
) -> Report {
    // Occurrence start (ms) -> row, seeded from the schedule so empty sessions still show.
    let mut sessions: BTreeMap<i64, Row> = BTreeMap::new();
    for occ in schedule.occurrences_between(scope.from, scope.to) {
        if occ.start <= scope.now && scope.covers(occ.date, Some(occ.slot.group)) {
            sessions.insert(occ.start.timestamp_millis(), session_row(&occ));
        }
    }
    let mut outside: BTreeMap<NaiveDate, Tally> = BTreeMap::new();
    // Cache of start ms -> whether it is in scope, for sign-ins of slots since removed.
    let mut seen: HashMap<i64, bool> = HashMap::new();
    for fact in facts {
        if let Some((start, end)) = fact.occurrence {
            let key = start.timestamp_millis();
            let wanted = *seen.entry(key).or_insert_with(|| {
                if sessions.contains_key(&key) {
                    return true;
                }
                let date = schedule.local_date(start);
                let local_start = schedule.local_time(start);
                // A sign-in kept from a slot the schedule no longer has (or no longer at
                // that time): its group is whichever group meets then now, if any.
                let group = schedule
                    .slots
                    .iter()
                    .find(|s| s.weekday == date.weekday() && s.start == local_start)
                    .map(|s| s.group);
                if !scope.covers(date, group) {
                    return false;
                }
                sessions.insert(
                    key,
                    Row {
                        date,
                        weekday: date.weekday(),
                        start: Some(local_start),
                        end: Some(schedule.local_time(end)),
                        group,
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
            if scope.group.is_none() && scope.covers(date, None) {
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
            group: None,
            status: RowStatus::OutsideHours,
            tally,
        };
        (date, 1, 0, row)
    }));
    rows.sort_by_key(|(date, order, key, _)| (*date, *order, *key));
    let rows: Vec<Row> = rows.into_iter().map(|(_, _, _, row)| row).collect();
    let totals = totals(&rows);
    Report {
        rows,
        totals,
        groups: Vec::new(),
    }
}

fn session_row(occ: &Occurrence) -> Row {
    Row {
        date: occ.date,
        weekday: occ.date.weekday(),
        start: Some(occ.slot.start),
        end: Some(occ.slot.end),
        group: Some(occ.slot.group),
        status: if occ.is_cancelled() {
            RowStatus::Cancelled
        } else {
            RowStatus::Held
        },
        tally: Tally::default(),
    }
}

/// The totals of `rows`: sessions held and cancelled, visits, the mean per held session, and
/// the sum of every row. Rows of several reports may be given together.
pub fn totals<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Totals {
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
pub(crate) mod tests;

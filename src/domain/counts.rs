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

/// One month's numbers, for a funder's form.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MonthCounts {
    pub sessions_held: u64,
    pub sessions_cancelled: u64,
    /// Counted visits: in sessions, plus the outside-hours visits on this row.
    pub visits: u64,
    /// Counted sign-ins per held session (outside-hours visits left out).
    pub mean_per_session: f64,
    pub first_visits: u64,
    pub outside_hours_visits: u64,
    /// Counted sign-ins in held sessions, the mean's numerator.
    pub session_visits: u64,
}

impl MonthCounts {
    fn add(&mut self, row: &Row) {
        match row.status {
            RowStatus::Held => {
                self.sessions_held += 1;
                self.session_visits += row.tally.sign_ins;
            }
            RowStatus::Cancelled => self.sessions_cancelled += 1,
            RowStatus::OutsideHours => self.outside_hours_visits += row.tally.sign_ins,
        }
        self.visits += row.tally.sign_ins;
        self.first_visits += row.tally.first_visits;
        if self.sessions_held > 0 {
            self.mean_per_session = self.session_visits as f64 / self.sessions_held as f64;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthRow {
    /// The first day of the month.
    pub month: NaiveDate,
    pub group: Option<usize>,
    pub counts: MonthCounts,
}

/// The report summed per month and group, with a total.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Monthly {
    pub rows: Vec<MonthRow>,
    pub total: MonthCounts,
}

/// Sums a report per month and group, in month order then group order. Outside-hours visits
/// belong to no group: they go on `outside_group`'s row (the only group, when there is one)
/// or, when that is `None`, on a row of their own with no group, after the groups.
pub fn monthly(report: &Report, outside_group: Option<usize>) -> Monthly {
    let mut by: BTreeMap<(NaiveDate, usize), MonthCounts> = BTreeMap::new();
    let mut total = MonthCounts::default();
    for row in &report.rows {
        let month = row.date.with_day(1).unwrap_or(row.date);
        let group = match row.status {
            RowStatus::OutsideHours => outside_group,
            _ => row.group,
        };
        // No group sorts after every group.
        let order = group.unwrap_or(usize::MAX);
        by.entry((month, order)).or_default().add(row);
        total.add(row);
    }
    Monthly {
        rows: by
            .into_iter()
            .map(|((month, order), counts)| MonthRow {
                month,
                group: (order != usize::MAX).then_some(order),
                counts,
            })
            .collect(),
        total,
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
            group: 0,
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
        let r = report(
            &schedule(),
            Scope::dates(d, d, utc("2026-11-26T00:00:00Z")),
            facts,
        );
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
        let r = report(
            &schedule(),
            Scope::dates(from, to, utc("2026-12-01T00:00:00Z")),
            facts,
        );
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
        let r = report(
            &schedule(),
            Scope::dates(from, to, utc("2026-11-25T12:00:00Z")),
            [],
        );
        assert_eq!(r.rows.len(), 1);
    }

    /// The default schedule plus a course (group 1) on Tuesday evenings.
    fn two_groups() -> Schedule {
        let mut s = schedule();
        s.slots.push(Slot {
            weekday: Weekday::Tue,
            start: parse_hhmm("18:00").unwrap(),
            end: parse_hhmm("19:30").unwrap(),
            group: 1,
        });
        Schedule::new(s.tz, s.slots, s.cancellations)
    }

    #[test]
    fn sessions_before_the_first_day_of_records_are_not_reported() {
        let from = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let scope = Scope {
            records_since: NaiveDate::from_ymd_opt(2026, 11, 25),
            ..Scope::dates(from, to, utc("2026-12-01T00:00:00Z"))
        };
        let r = report(
            &schedule(),
            scope,
            [fact("2026-11-25T21:35:00Z", false, false)],
        );
        let days: Vec<(u32, RowStatus)> = r.rows.iter().map(|r| (r.date.day(), r.status)).collect();
        assert_eq!(
            days,
            vec![
                (25, RowStatus::Held),
                (27, RowStatus::Cancelled),
                (30, RowStatus::Held)
            ],
            "not the twelve sessions since 1 November"
        );
        assert_eq!(r.totals.sessions_held, 2);
        assert!((r.totals.mean_per_session - 0.5).abs() < 1e-9);
    }

    #[test]
    fn rows_carry_their_group_and_one_group_can_be_reported_alone() {
        let from = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let now = utc("2026-11-26T00:00:00Z");
        let groups: Vec<Option<usize>> = report(&two_groups(), Scope::dates(from, to, now), [])
            .rows
            .iter()
            .map(|r| r.group)
            .collect();
        assert_eq!(groups, vec![Some(0), Some(1), Some(0)]);
        let outside = fact("2026-11-24T18:00:00Z", false, false);
        let course = Scope {
            group: Some(1),
            ..Scope::dates(from, to, now)
        };
        let r = report(&two_groups(), course, [outside]);
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.rows[0].weekday, Weekday::Tue);
        assert_eq!(
            r.totals.visits, 0,
            "outside-hours visits belong to no group"
        );
    }

    #[test]
    fn the_monthly_summary_sums_each_month_and_group_with_a_total() {
        let from = NaiveDate::from_ymd_opt(2026, 10, 26).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 11, 6).unwrap();
        let s = two_groups();
        let facts = [
            fact("2026-10-28T20:35:00Z", false, false), // Wed 28 Oct, drop-in (PDT)
            fact("2026-10-28T20:36:00Z", true, false),
            fact("2026-11-02T21:35:00Z", false, false), // Mon 2 Nov, drop-in (PST)
            fact("2026-11-03T18:00:00Z", false, false), // Tue 3 Nov, outside hours
        ];
        let r = report(
            &s,
            Scope::dates(from, to, utc("2026-12-01T00:00:00Z")),
            facts,
        );
        let m = monthly(&r, None);
        let shape: Vec<(u32, Option<usize>, u64, u64, u64)> = m
            .rows
            .iter()
            .map(|row| {
                let c = row.counts;
                (
                    row.month.month(),
                    row.group,
                    c.sessions_held,
                    c.visits,
                    c.outside_hours_visits,
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (10, Some(0), 3, 2, 0), // Mon 26, Wed 28, Fri 30
                (10, Some(1), 1, 0, 0), // Tue 27
                (11, Some(0), 3, 1, 0), // Mon 2, Wed 4, Fri 6
                (11, Some(1), 1, 0, 0), // Tue 3
                (11, None, 0, 1, 1),
            ]
        );
        assert_eq!(m.total.sessions_held, 8);
        assert_eq!(m.total.visits, 4);
        assert!((m.total.mean_per_session - 3.0 / 8.0).abs() < 1e-9);
        // With only one group, its row takes the month's outside-hours visits.
        let single = monthly(
            &report(
                &schedule(),
                Scope::dates(from, to, utc("2026-12-01T00:00:00Z")),
                facts,
            ),
            Some(0),
        );
        assert_eq!(single.rows.len(), 2);
        assert_eq!(single.rows[1].counts.outside_hours_visits, 1);
        assert_eq!(single.rows[1].counts.visits, 2);
    }
}

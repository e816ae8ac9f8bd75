//! Counting: repeats, held, cancelled and outside-hours rows, the first day of records and
//! one group at a time, at fixed instants.

use super::*;
use crate::domain::schedule::{Cancellation, Slot, parse_hhmm};

pub(crate) fn schedule() -> Schedule {
    Schedule::new(
        chrono_tz::America::Los_Angeles,
        crate::test_support::afternoons(),
        vec![Cancellation {
            date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            start: parse_hhmm("13:30").unwrap(),
            note: "Holiday".into(),
        }],
    )
}

pub(crate) use crate::test_support::utc;

pub(crate) fn fact(at: &str, named: bool, repeat: bool) -> SignInFact {
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
pub(crate) fn two_groups() -> Schedule {
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

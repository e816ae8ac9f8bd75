//! The fixed weekly schedule: slots in one IANA time zone, their occurrences and cancellations.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
    Weekday,
};
use chrono_tz::Tz;

/// One weekly meeting: a weekday and local start and end times, of one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Slot {
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// The group that meets then: an index into the settings' groups (0 when there is one).
    pub group: usize,
}

/// Why a slot cannot join the others (said in `crate::words::calendar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotProblem {
    /// Its end is not after its start.
    EndsBeforeStart(Slot),
    /// It overlaps another slot on the same day (the second one).
    Overlaps(Slot, Slot),
}

/// Whether `slot` can join `others`: its end must follow its start, and it must not
/// overlap another slot on the same day, of any group (one room holds one group at a time).
pub fn slot_problem(slot: &Slot, others: &[Slot]) -> Option<SlotProblem> {
    if slot.end <= slot.start {
        return Some(SlotProblem::EndsBeforeStart(*slot));
    }
    others
        .iter()
        .find(|o| o.weekday == slot.weekday && o.start < slot.end && slot.start < o.end)
        .map(|o| SlotProblem::Overlaps(*slot, *o))
}

/// A one-off cancellation of the occurrence of a slot on a date, with a public note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub note: String,
}

/// A slot on a date, resolved to real instants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub date: NaiveDate,
    pub slot: Slot,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The public note when this occurrence is cancelled.
    pub cancelled: Option<String>,
}

impl Occurrence {
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.is_some()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub tz: Tz,
    /// Sorted by weekday, then start.
    pub slots: Vec<Slot>,
    pub cancellations: Vec<Cancellation>,
}

/// How far around `now` occurrences are looked for; a weekly schedule always has one within it.
const SEARCH_DAYS: i64 = 15;

impl Schedule {
    pub fn new(tz: Tz, mut slots: Vec<Slot>, cancellations: Vec<Cancellation>) -> Schedule {
        slots.sort_by_key(|s| (s.weekday.num_days_from_monday(), s.start));
        Schedule {
            tz,
            slots,
            cancellations,
        }
    }

    /// Turns a local wall-clock time into an instant, deliberately and without panicking:
    /// a time in a repeated hour (clocks going back) takes the earlier instant;
    /// a time in a skipped hour (clocks going forward) moves to the first valid instant after it.
    pub fn resolve_local(&self, local: NaiveDateTime) -> DateTime<Utc> {
        resolve_local(self.tz, local)
    }

    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }

    pub fn local_time(&self, at: DateTime<Utc>) -> NaiveTime {
        at.with_timezone(&self.tz).time()
    }

    fn cancellation(&self, date: NaiveDate, start: NaiveTime) -> Option<&Cancellation> {
        self.cancellations
            .iter()
            .find(|c| c.date == date && c.start == start)
    }

    /// The occurrences of every slot on one local date, in start order.
    pub fn occurrences_on(&self, date: NaiveDate) -> Vec<Occurrence> {
        self.slots
            .iter()
            .filter(|s| s.weekday == date.weekday())
            .map(|slot| self.occurrence(date, *slot))
            .collect()
    }

    fn occurrence(&self, date: NaiveDate, slot: Slot) -> Occurrence {
        let start = self.resolve_local(date.and_time(slot.start));
        let mut end = self.resolve_local(date.and_time(slot.end));
        if end <= start {
            // Only possible when a DST jump swallows the whole slot; keep it a real interval.
            end = start + Duration::minutes(1);
        }
        Occurrence {
            date,
            slot,
            start,
            end,
            cancelled: self.cancellation(date, slot.start).map(|c| c.note.clone()),
        }
    }

    /// Every occurrence whose local date lies in `from..=to`, in start order.
    pub fn occurrences_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
        let mut out = Vec::new();
        let mut date = from;
        while date <= to {
            out.extend(self.occurrences_on(date));
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        out
    }

    /// Occurrences from a day before `now` to about two weeks after, in start order.
    pub fn occurrences_around(&self, now: DateTime<Utc>) -> Vec<Occurrence> {
        let today = self.local_date(now);
        self.occurrences_between(
            today - Duration::days(1),
            today + Duration::days(SEARCH_DAYS),
        )
    }

    /// The held occurrence a sign-in at `at` belongs to: from the start of the early window
    /// up to (not including) the end. `None` means an outside-hours visit.
    pub fn attribute(&self, at: DateTime<Utc>, early_window_min: u32) -> Option<Occurrence> {
        let early = Duration::minutes(i64::from(early_window_min));
        let today = self.local_date(at);
        self.occurrences_between(today - Duration::days(1), today + Duration::days(1))
            .into_iter()
            .filter(|o| !o.is_cancelled())
            .find(|o| o.start - early <= at && at < o.end)
    }

    /// The next cancelled occurrence that has not yet ended, for the Home notice.
    pub fn next_cancellation(&self, now: DateTime<Utc>) -> Option<Occurrence> {
        self.occurrences_around(now)
            .into_iter()
            .find(|o| o.is_cancelled() && o.end > now)
    }
}

fn resolve_local(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => {
            // Skipped by a spring-forward gap. Gaps are whole minutes and at most a few hours,
            // so the first valid minute after the time is the moment the clocks jumped to.
            for minutes in 1..=24 * 60 {
                let later = local + Duration::minutes(minutes);
                match tz.from_local_datetime(&later) {
                    LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
                        return t.with_timezone(&Utc);
                    }
                    LocalResult::None => {}
                }
            }
            // No zone has a gap of a day; reading the time as UTC is the least surprising fallback.
            Utc.from_utc_datetime(&local)
        }
    }
}

/// Parses "mon".."sun" (and full English names), case-insensitively.
pub fn parse_weekday(text: &str) -> Option<Weekday> {
    text.trim().parse::<Weekday>().ok()
}

/// "mon".."sun", as written in settings.
pub fn weekday_key(day: Weekday) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day.num_days_from_monday() as usize]
}

/// Parses "HH:MM" (24-hour).
pub fn parse_hhmm(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{slot, utc};

    fn default_schedule(tz: Tz) -> Schedule {
        Schedule::new(
            tz,
            vec![
                slot(Weekday::Fri, "13:30", "14:30"),
                slot(Weekday::Mon, "13:30", "14:30"),
                slot(Weekday::Wed, "13:30", "14:30"),
            ],
            vec![],
        )
    }

    #[test]
    fn a_slot_may_follow_another_but_not_overlap_it_or_run_backwards() {
        let taken = [slot(Weekday::Mon, "13:30", "14:30")];
        assert_eq!(
            slot_problem(&slot(Weekday::Mon, "14:30", "15:30"), &taken),
            None
        );
        assert_eq!(
            slot_problem(&slot(Weekday::Tue, "13:30", "14:30"), &taken),
            None
        );
        let late = slot(Weekday::Mon, "14:00", "15:00");
        assert_eq!(
            slot_problem(&late, &taken),
            Some(SlotProblem::Overlaps(late, taken[0]))
        );
        let backwards = slot(Weekday::Wed, "15:00", "15:00");
        assert_eq!(
            slot_problem(&backwards, &taken),
            Some(SlotProblem::EndsBeforeStart(backwards))
        );
    }

    #[test]
    fn a_session_is_at_1330_local_on_both_sides_of_the_spring_change() {
        // US clocks go forward on Sunday 2026-03-08.
        let s = default_schedule(chrono_tz::America::Los_Angeles);
        let fri = s.occurrences_on(NaiveDate::from_ymd_opt(2026, 3, 6).unwrap());
        let mon = s.occurrences_on(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap());
        assert_eq!(fri[0].start, utc("2026-03-06T21:30:00Z")); // PST, UTC-8
        assert_eq!(mon[0].start, utc("2026-03-09T20:30:00Z")); // PDT, UTC-7
        assert_eq!(mon[0].end - mon[0].start, Duration::hours(1));
    }

    #[test]
    fn a_session_is_at_1330_local_on_both_sides_of_the_autumn_change() {
        // EU clocks go back on Sunday 2026-10-25.
        let s = default_schedule(chrono_tz::Europe::Madrid);
        let fri = s.occurrences_on(NaiveDate::from_ymd_opt(2026, 10, 23).unwrap());
        let mon = s.occurrences_on(NaiveDate::from_ymd_opt(2026, 10, 26).unwrap());
        assert_eq!(fri[0].start, utc("2026-10-23T11:30:00Z")); // CEST, UTC+2
        assert_eq!(mon[0].start, utc("2026-10-26T12:30:00Z")); // CET, UTC+1
    }

    #[test]
    fn a_slot_in_the_skipped_hour_starts_when_the_clocks_jump() {
        // 02:30 does not exist in Los Angeles on 2026-03-08: clocks go 01:59 -> 03:00.
        let s = Schedule::new(
            chrono_tz::America::Los_Angeles,
            vec![slot(Weekday::Sun, "02:30", "04:00")],
            vec![],
        );
        let occ = s.occurrences_on(NaiveDate::from_ymd_opt(2026, 3, 8).unwrap());
        assert_eq!(occ[0].start, utc("2026-03-08T10:00:00Z")); // 03:00 PDT
        assert_eq!(occ[0].end, utc("2026-03-08T11:00:00Z")); // 04:00 PDT
    }

    #[test]
    fn a_slot_in_the_repeated_hour_takes_the_earlier_instant() {
        // 01:30 happens twice in Los Angeles on 2026-11-01.
        let s = Schedule::new(
            chrono_tz::America::Los_Angeles,
            vec![slot(Weekday::Sun, "01:30", "02:30")],
            vec![],
        );
        let occ = s.occurrences_on(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        assert_eq!(occ[0].start, utc("2026-11-01T08:30:00Z")); // 01:30 PDT, the first one
        assert_eq!(occ[0].end, utc("2026-11-01T10:30:00Z")); // 02:30 PST
    }

    #[test]
    fn sign_in_five_minutes_before_end_counts_for_that_session() {
        let s = default_schedule(chrono_tz::America::Los_Angeles);
        let occ = s.attribute(utc("2026-11-25T22:25:00Z"), 30).unwrap();
        assert_eq!(occ.start, utc("2026-11-25T21:30:00Z"));
    }

    #[test]
    fn sign_in_31_minutes_before_start_is_outside_hours() {
        let s = default_schedule(chrono_tz::America::Los_Angeles);
        assert!(s.attribute(utc("2026-11-25T20:59:00Z"), 30).is_none());
        assert!(s.attribute(utc("2026-11-25T21:00:00Z"), 30).is_some());
        assert!(s.attribute(utc("2026-11-25T22:30:00Z"), 30).is_none());
    }

    #[test]
    fn a_cancelled_occurrence_takes_no_sign_ins() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut s = default_schedule(chrono_tz::America::Los_Angeles);
        s.cancellations.push(Cancellation {
            date,
            start: parse_hhmm("13:30").unwrap(),
            note: "Holiday".into(),
        });
        assert!(s.attribute(utc("2026-11-25T22:00:00Z"), 30).is_none());
        let next = s.next_cancellation(utc("2026-11-24T12:00:00Z")).unwrap();
        assert_eq!(next.date, date);
        assert_eq!(next.cancelled.as_deref(), Some("Holiday"));
    }
}

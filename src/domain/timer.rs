//! The timer: which phase the group is in at `now`, and when what it shows next changes.
//! Its words are in `crate::words::timer`.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::schedule::{Occurrence, Schedule};

/// The windows around each occurrence, from settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Windows {
    pub early_window_min: u32,
    pub wrap_up_min: u32,
    pub ended_min: u32,
}

impl Default for Windows {
    fn default() -> Self {
        Windows {
            early_window_min: 30,
            wrap_up_min: 5,
            ended_min: 15,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Upcoming,
    DoorsOpen,
    InSession,
    WrapUp,
    Ended,
    Cancelled,
}

impl Phase {
    pub fn key(self) -> &'static str {
        match self {
            Phase::Upcoming => "upcoming",
            Phase::DoorsOpen => "doors_open",
            Phase::InSession => "in_session",
            Phase::WrapUp => "wrap_up",
            Phase::Ended => "ended",
            Phase::Cancelled => "cancelled",
        }
    }
}

/// What the timer shows at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub phase: Phase,
    pub now: DateTime<Utc>,
    /// The occurrence the phase refers to (the next held one when upcoming).
    pub occurrence: Option<Occurrence>,
    /// For a cancelled day: the next held occurrence, so people know when to come back.
    pub next_held: Option<Occurrence>,
    /// Local wall-clock date of `now`, to say "today" and "tomorrow".
    pub today: chrono::NaiveDate,
}

impl Status {
    /// Time left to the start (doors open) or to the end (in session, wrap-up); never negative.
    pub fn remaining(&self) -> Option<Duration> {
        let occ = self.occurrence.as_ref()?;
        let target = match self.phase {
            Phase::DoorsOpen => occ.start,
            Phase::InSession | Phase::WrapUp => occ.end,
            _ => return None,
        };
        Some((target - self.now).max(Duration::zero()))
    }

    /// Whole seconds of the countdown, for `status --json`.
    pub fn seconds(&self) -> Option<i64> {
        self.remaining()
            .map(|d| (d.num_milliseconds() + 999) / 1000)
    }

    /// True while the words show seconds: the last minute before the start, and the wrap-up.
    pub fn shows_seconds(&self) -> bool {
        match self.phase {
            Phase::WrapUp => true,
            Phase::DoorsOpen => self.remaining().is_some_and(|d| d <= Duration::seconds(60)),
            _ => false,
        }
    }

    /// Fraction of the session gone, 0.0..=1.0, while in session or wrap-up.
    pub fn progress(&self) -> Option<f32> {
        let occ = self.occurrence.as_ref()?;
        if !matches!(self.phase, Phase::InSession | Phase::WrapUp) {
            return None;
        }
        let total = (occ.end - occ.start).num_milliseconds().max(1) as f32;
        let gone = (self.now - occ.start).num_milliseconds() as f32;
        Some((gone / total).clamp(0.0, 1.0))
    }

    /// The next instant at which the words, colour or progress shown could change.
    /// The UI asks for its next repaint then: each second while seconds show, else each minute.
    pub fn next_change(&self, windows: Windows) -> DateTime<Utc> {
        let step_ms: i64 = if self.shows_seconds() { 1_000 } else { 60_000 };
        let mut next = self.now + Duration::milliseconds(step_ms);
        if let Some(left) = self.remaining() {
            let ms = left.num_milliseconds();
            let until_tick = match ms % step_ms {
                0 => step_ms,
                rest => rest,
            };
            next = next.min(self.now + Duration::milliseconds(until_tick));
            // The switch to seconds one minute before the start.
            if self.phase == Phase::DoorsOpen && ms > 60_000 {
                next = next.min(self.now + Duration::milliseconds(ms - 60_000));
            }
        }
        if let Some(boundary) = self.next_boundary(windows) {
            next = next.min(boundary);
        }
        next.max(self.now + Duration::milliseconds(1))
    }

    fn next_boundary(&self, w: Windows) -> Option<DateTime<Utc>> {
        let occ = self.occurrence.as_ref()?;
        let early = Duration::minutes(i64::from(w.early_window_min));
        let wrap = Duration::minutes(i64::from(w.wrap_up_min));
        let ended = Duration::minutes(i64::from(w.ended_min));
        [
            occ.start - early,
            occ.start,
            occ.end - wrap,
            occ.end,
            occ.end + ended,
        ]
        .into_iter()
        .find(|b| *b > self.now)
    }
}

/// The timer's phase at `now`. Pure: the same schedule and instant always give the same answer.
pub fn status_at(schedule: &Schedule, windows: Windows, now: DateTime<Utc>) -> Status {
    let early = Duration::minutes(i64::from(windows.early_window_min));
    let wrap = Duration::minutes(i64::from(windows.wrap_up_min));
    let ended = Duration::minutes(i64::from(windows.ended_min));
    let today = schedule.local_date(now);
    let all = schedule.occurrences_around(now);
    let next_held = |after: DateTime<Utc>| {
        all.iter()
            .find(|o| !o.is_cancelled() && o.end > after)
            .cloned()
    };
    let status = |phase, occurrence: Option<Occurrence>, next: Option<Occurrence>| Status {
        phase,
        now,
        occurrence,
        next_held: next,
        today,
    };

    // A held occurrence whose window (doors open .. ended) contains now wins.
    for occ in all.iter().filter(|o| !o.is_cancelled()) {
        if occ.start - early <= now && now < occ.end {
            let phase = if now < occ.start {
                Phase::DoorsOpen
            } else if now < occ.end - wrap {
                Phase::InSession
            } else {
                Phase::WrapUp
            };
            return status(phase, Some(occ.clone()), None);
        }
    }
    for occ in all.iter().filter(|o| !o.is_cancelled()) {
        if occ.end <= now && now < occ.end + ended {
            return status(Phase::Ended, Some(occ.clone()), None);
        }
    }
    // A cancelled occurrence later today (or still running) is announced all day.
    if let Some(cancelled) = all
        .iter()
        .find(|o| o.is_cancelled() && o.date == today && now < o.end + ended)
    {
        return status(
            Phase::Cancelled,
            Some(cancelled.clone()),
            next_held(cancelled.end),
        );
    }
    status(Phase::Upcoming, next_held(now), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Tz;

    fn schedule(tz: Tz) -> Schedule {
        crate::test_support::default_schedule(tz)
    }

    fn local(tz: Tz, text: &str) -> DateTime<Utc> {
        let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap();
        schedule(tz).resolve_local(naive)
    }

    #[test]
    fn repaints_each_minute_until_seconds_show_then_each_second() {
        let tz = chrono_tz::America::Los_Angeles;
        let s = schedule(tz);
        let w = Windows::default();
        let now = local(tz, "2026-11-25 13:56:00");
        let st = status_at(&s, w, now);
        assert_eq!(st.next_change(w) - now, Duration::seconds(60));
        // 34:40 left shows "35 min" until 34:00 left.
        let now = local(tz, "2026-11-25 13:56:20");
        assert_eq!(
            status_at(&s, w, now).next_change(w) - now,
            Duration::seconds(40)
        );
        let now = local(tz, "2026-11-25 14:26:00");
        assert_eq!(
            status_at(&s, w, now).next_change(w) - now,
            Duration::seconds(1)
        );
        let now = local(tz, "2026-11-25 13:28:30");
        assert_eq!(
            status_at(&s, w, now).next_change(w) - now,
            Duration::seconds(30)
        );
    }

    #[test]
    fn a_clock_jump_gives_the_right_phase_and_never_a_negative_countdown() {
        let tz = chrono_tz::America::Los_Angeles;
        let s = schedule(tz);
        let w = Windows::default();
        for text in [
            "2026-11-25 14:29:59",
            "2026-11-26 14:29:59",
            "2026-11-25 12:29:59",
        ] {
            let st = status_at(&s, w, local(tz, text));
            assert!(st.seconds().unwrap_or(0) >= 0);
            assert!(st.next_change(w) > st.now);
        }
    }
}

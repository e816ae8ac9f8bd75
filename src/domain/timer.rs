//! The timer: which phase the group is in at `now`, its words, and when those words next change.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::lang::Lang;
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

    /// The status line in two parts for a large display: a short headline and, for a
    /// cancelled day, the note and the next group in smaller type.
    pub fn headline_and_detail(&self, lang: Lang, schedule: &Schedule) -> (String, Option<String>) {
        let words = self.words(lang, schedule);
        if self.phase != Phase::Cancelled {
            return (words, None);
        }
        let headline = match lang {
            Lang::En => "No group today.",
            Lang::Es => "Hoy no hay grupo.",
        };
        let detail = words
            .strip_prefix(headline)
            .map(str::trim)
            .unwrap_or_default();
        (
            headline.to_string(),
            (!detail.is_empty()).then(|| detail.to_string()),
        )
    }

    /// The status line, as Home shows it.
    pub fn words(&self, lang: Lang, schedule: &Schedule) -> String {
        let en = lang == Lang::En;
        match self.phase {
            Phase::Upcoming => match &self.occurrence {
                Some(occ) => {
                    let when = self.when(occ, lang, schedule);
                    if en {
                        format!("Next group: {when}")
                    } else {
                        format!("Próximo grupo: {when}")
                    }
                }
                None if en => "No group times are set yet.".to_string(),
                None => "Todavía no hay horarios de grupo.".to_string(),
            },
            Phase::DoorsOpen => {
                let left = self.countdown_text();
                if en {
                    format!("Group starts in {left}")
                } else {
                    format!("El grupo empieza en {left}")
                }
            }
            Phase::InSession | Phase::WrapUp => {
                let left = self.countdown_text();
                if en {
                    format!("{left} left")
                } else {
                    format!("Quedan {left}")
                }
            }
            Phase::Ended if en => "Group has ended. Thank you for coming.".to_string(),
            Phase::Ended => "El grupo terminó. Gracias por venir.".to_string(),
            Phase::Cancelled => {
                let note = self
                    .occurrence
                    .as_ref()
                    .and_then(|o| o.cancelled.as_deref())
                    .map(str::trim)
                    .filter(|n| !n.is_empty());
                let mut line = if en {
                    "No group today.".to_string()
                } else {
                    "Hoy no hay grupo.".to_string()
                };
                if let Some(note) = note {
                    line.push(' ');
                    line.push_str(note);
                }
                if let Some(next) = &self.next_held {
                    let when = self.when(next, lang, schedule);
                    line.push_str(if en {
                        " Next group: "
                    } else {
                        " Próximo grupo: "
                    });
                    line.push_str(&when);
                }
                line
            }
        }
    }

    /// A second line under the status for the wrap-up phase, so it never relies on colour.
    pub fn wrap_up_words(&self, lang: Lang) -> Option<&'static str> {
        (self.phase == Phase::WrapUp).then_some(match lang {
            Lang::En => "Time to wrap up",
            Lang::Es => "Es hora de ir cerrando",
        })
    }

    fn when(&self, occ: &Occurrence, lang: Lang, schedule: &Schedule) -> String {
        let local = occ.start.with_timezone(&schedule.tz);
        let time = lang.time(local.time());
        let date = local.date_naive();
        let day = if date == self.today {
            match lang {
                Lang::En => "today".to_string(),
                Lang::Es => "hoy".to_string(),
            }
        } else if Some(date) == self.today.succ_opt() {
            match lang {
                Lang::En => "tomorrow".to_string(),
                Lang::Es => "mañana".to_string(),
            }
        } else {
            lang.weekday_long(occ.slot.weekday).to_string()
        };
        match lang {
            Lang::En => format!("{day} {time}"),
            Lang::Es => format!("{day} a las {time}"),
        }
    }

    /// "8 min" (rounded up), or "0:42" / "4:59" while seconds show.
    fn countdown_text(&self) -> String {
        let Some(left) = self.remaining() else {
            return String::new();
        };
        let secs = (left.num_milliseconds() + 999) / 1000;
        if self.shows_seconds() {
            format!("{}:{:02}", secs / 60, secs % 60)
        } else {
            format!("{} min", (secs + 59) / 60)
        }
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
    use crate::domain::schedule::{Cancellation, Slot, parse_hhmm};
    use chrono::{NaiveDate, Weekday};
    use chrono_tz::Tz;

    fn schedule(tz: Tz) -> Schedule {
        let slot = |weekday| Slot {
            weekday,
            start: parse_hhmm("13:30").unwrap(),
            end: parse_hhmm("14:30").unwrap(),
        };
        Schedule::new(
            tz,
            vec![slot(Weekday::Mon), slot(Weekday::Wed), slot(Weekday::Fri)],
            vec![],
        )
    }

    fn local(tz: Tz, text: &str) -> DateTime<Utc> {
        let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap();
        schedule(tz).resolve_local(naive)
    }

    fn words_at(tz: Tz, text: &str) -> (Phase, String, Option<i64>) {
        let s = schedule(tz);
        let st = status_at(&s, Windows::default(), local(tz, text));
        (st.phase, st.words(Lang::En, &s), st.seconds())
    }

    // 2026-11-25 is a Wednesday.
    #[test]
    fn each_phase_at_fixed_instants_in_los_angeles() {
        let tz = chrono_tz::America::Los_Angeles;
        assert_eq!(
            words_at(tz, "2026-11-25 09:00:00"),
            (Phase::Upcoming, "Next group: today 1:30 PM".into(), None)
        );
        assert_eq!(
            words_at(tz, "2026-11-25 13:22:00"),
            (Phase::DoorsOpen, "Group starts in 8 min".into(), Some(480))
        );
        assert_eq!(
            words_at(tz, "2026-11-25 13:29:18"),
            (Phase::DoorsOpen, "Group starts in 0:42".into(), Some(42))
        );
        assert_eq!(
            words_at(tz, "2026-11-25 13:56:00"),
            (Phase::InSession, "34 min left".into(), Some(2040))
        );
        assert_eq!(
            words_at(tz, "2026-11-25 14:25:01"),
            (Phase::WrapUp, "4:59 left".into(), Some(299))
        );
        assert_eq!(
            words_at(tz, "2026-11-25 14:40:00"),
            (
                Phase::Ended,
                "Group has ended. Thank you for coming.".into(),
                None
            )
        );
        assert_eq!(
            words_at(tz, "2026-11-25 14:46:00"),
            (Phase::Upcoming, "Next group: Friday 1:30 PM".into(), None)
        );
        assert_eq!(
            words_at(tz, "2026-11-26 10:00:00"),
            (Phase::Upcoming, "Next group: tomorrow 1:30 PM".into(), None)
        );
    }

    #[test]
    fn each_phase_at_fixed_instants_in_madrid_in_spanish() {
        let tz = chrono_tz::Europe::Madrid;
        let s = schedule(tz);
        let at = |text| {
            let st = status_at(&s, Windows::default(), local(tz, text));
            (st.phase, st.words(Lang::Es, &s))
        };
        assert_eq!(
            at("2026-11-24 18:00:00"),
            (Phase::Upcoming, "Próximo grupo: mañana a las 13:30".into())
        );
        assert_eq!(
            at("2026-11-25 13:10:00"),
            (Phase::DoorsOpen, "El grupo empieza en 20 min".into())
        );
        assert_eq!(
            at("2026-11-25 13:30:00"),
            (Phase::InSession, "Quedan 60 min".into())
        );
        assert_eq!(
            at("2026-11-25 14:29:00"),
            (Phase::WrapUp, "Quedan 1:00".into())
        );
        assert_eq!(
            at("2026-11-25 14:30:00"),
            (Phase::Ended, "El grupo terminó. Gracias por venir.".into())
        );
    }

    #[test]
    fn the_timer_follows_local_time_across_the_spring_change() {
        // Friday 2026-03-06 is PST, Monday 2026-03-09 is PDT; both start at 13:30 local.
        let tz = chrono_tz::America::Los_Angeles;
        assert_eq!(words_at(tz, "2026-03-06 13:40:00").1, "50 min left");
        assert_eq!(words_at(tz, "2026-03-09 13:40:00").1, "50 min left");
        assert_eq!(
            words_at(tz, "2026-03-08 12:00:00").1,
            "Next group: tomorrow 1:30 PM"
        );
    }

    #[test]
    fn the_timer_follows_local_time_across_the_autumn_change() {
        let tz = chrono_tz::America::Los_Angeles;
        assert_eq!(
            words_at(tz, "2026-10-30 13:20:00").1,
            "Group starts in 10 min"
        );
        assert_eq!(
            words_at(tz, "2026-11-02 13:20:00").1,
            "Group starts in 10 min"
        );
    }

    #[test]
    fn a_cancelled_occurrence_shows_its_note_and_no_countdown() {
        let tz = chrono_tz::America::Los_Angeles;
        let mut s = schedule(tz);
        s.cancellations.push(Cancellation {
            date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            start: parse_hhmm("13:30").unwrap(),
            note: "Staff training.".into(),
        });
        for text in [
            "2026-11-25 08:00:00",
            "2026-11-25 13:25:00",
            "2026-11-25 14:00:00",
        ] {
            let st = status_at(&s, Windows::default(), local(tz, text));
            assert_eq!(st.phase, Phase::Cancelled, "at {text}");
            assert_eq!(st.seconds(), None);
            assert_eq!(
                st.words(Lang::En, &s),
                "No group today. Staff training. Next group: Friday 1:30 PM"
            );
        }
        // The day before, the countdown skips to the next held occurrence.
        let st = status_at(&s, Windows::default(), local(tz, "2026-11-24 12:00:00"));
        assert_eq!(st.phase, Phase::Upcoming);
        assert_eq!(st.words(Lang::En, &s), "Next group: Friday 1:30 PM");
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

    #[test]
    fn no_slots_means_upcoming_with_plain_words() {
        let s = Schedule::new(chrono_tz::UTC, vec![], vec![]);
        let st = status_at(
            &s,
            Windows::default(),
            local(chrono_tz::UTC, "2026-11-25 12:00:00"),
        );
        assert_eq!(st.phase, Phase::Upcoming);
        assert_eq!(st.words(Lang::En, &s), "No group times are set yet.");
    }
}

//! The facilitator's cues: the moment wrap-up begins and the moment a session ends, each due
//! from the schedule and `now` like the phases, so a restart, a sleep or a clock jump never
//! gives one late or twice. How a cue shows is the pulse (`pulse_level`) and the chime.

use chrono::{DateTime, Duration, Utc};

use super::schedule::Schedule;
use super::timer::Windows;

/// A cue is given only this soon after its moment: a kiosk that was asleep, off or busy at
/// the moment stays quiet rather than chime late. The frame loop wakes at each moment
/// (`timer::Status::next_change`), so a running kiosk is well inside this.
pub const DUE_WITHIN: Duration = Duration::seconds(5);

/// How long the timer panel's one pulse takes: brighter (or darker) and back, one slow
/// change each way, far from WCAG 2.3.1's three flashes a second.
pub const PULSE: Duration = Duration::milliseconds(2_000);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// The last minutes begin (`wrap_up_min` before the end).
    WrapUp,
    /// The session's end.
    End,
}

/// Which moments the chime sounds at, as staff chose (`chime` in settings.toml). The pulse
/// shows at both moments whatever this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Chime {
    #[default]
    Off,
    WrapUp,
    WrapUpAndEnd,
}

impl Chime {
    pub const ALL: [Chime; 3] = [Chime::Off, Chime::WrapUp, Chime::WrapUpAndEnd];

    /// As written in `settings.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Chime::Off => "off",
            Chime::WrapUp => "wrap_up",
            Chime::WrapUpAndEnd => "wrap_up_and_end",
        }
    }

    pub fn from_key(key: &str) -> Option<Chime> {
        Chime::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Whether the chime sounds at `moment`.
    pub fn rings_at(self, moment: Moment) -> bool {
        match self {
            Chime::Off => false,
            Chime::WrapUp => moment == Moment::WrapUp,
            Chime::WrapUpAndEnd => true,
        }
    }
}

/// One cue: which moment, and its instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub moment: Moment,
    pub at: DateTime<Utc>,
}

/// The cue due at `now`, if any: a moment of a held (not cancelled) occurrence that came at
/// most `DUE_WITHIN` ago and is later than `last`, the moment last cued. Moments only move
/// forward, so a clock set back never gives a cue again. With no wrap-up time, wrap-up and
/// the end are one moment, cued once as the end.
pub fn due(
    schedule: &Schedule,
    windows: Windows,
    now: DateTime<Utc>,
    last: Option<DateTime<Utc>>,
) -> Option<Cue> {
    let wrap = Duration::minutes(i64::from(windows.wrap_up_min));
    schedule
        .occurrences_around(now)
        .into_iter()
        .filter(|o| !o.is_cancelled())
        .flat_map(|o| {
            let wrap_up = (wrap > Duration::zero()).then_some(Cue {
                moment: Moment::WrapUp,
                at: o.end - wrap,
            });
            let end = Cue {
                moment: Moment::End,
                at: o.end,
            };
            wrap_up.into_iter().chain([end])
        })
        .filter(|c| c.at <= now && now - c.at < DUE_WITHIN)
        .filter(|c| last.is_none_or(|last| c.at > last))
        .max_by_key(|c| c.at)
}

/// How far the pulse that began at `since` has gone at `now`, 0.0 (the panel as it is) to
/// 1.0 (its strongest) and back; `None` before it begins and once it is over. A raised
/// cosine: it starts and ends still, so nothing jumps.
pub fn pulse_level(since: DateTime<Utc>, now: DateTime<Utc>) -> Option<f32> {
    let gone = now - since;
    if gone < Duration::zero() || gone >= PULSE {
        return None;
    }
    let phase = gone.num_milliseconds() as f32 / PULSE.num_milliseconds() as f32;
    Some(0.5 - 0.5 * (std::f32::consts::TAU * phase).cos())
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;
    use chrono_tz::America::Los_Angeles;

    use super::*;
    use crate::domain::schedule::Cancellation;
    use crate::test_support::{default_schedule, slot, utc};

    fn cue(moment: Moment, at: &str) -> Cue {
        Cue {
            moment,
            at: utc(at),
        }
    }

    #[test]
    fn wrap_up_and_the_end_are_each_cued_at_their_moment() {
        let s = default_schedule(Los_Angeles);
        let w = Windows::default();
        // Wednesday 2026-11-25, 13:30–14:30 PST: wrap-up at 14:25.
        assert_eq!(due(&s, w, utc("2026-11-25T14:24:59-08:00"), None), None);
        assert_eq!(
            due(&s, w, utc("2026-11-25T14:25:00-08:00"), None),
            Some(cue(Moment::WrapUp, "2026-11-25T14:25:00-08:00"))
        );
        assert_eq!(
            due(&s, w, utc("2026-11-25T14:30:01-08:00"), None),
            Some(cue(Moment::End, "2026-11-25T14:30:00-08:00"))
        );
    }

    #[test]
    fn a_cue_given_is_never_given_again_even_when_the_clock_goes_back() {
        let s = default_schedule(Los_Angeles);
        let w = Windows::default();
        let given = utc("2026-11-25T14:25:00-08:00");
        assert_eq!(
            due(&s, w, utc("2026-11-25T14:25:01-08:00"), Some(given)),
            None
        );
        // The clock set back a minute, then the moment comes round again.
        assert_eq!(
            due(&s, w, utc("2026-11-25T14:24:00-08:00"), Some(given)),
            None
        );
        assert_eq!(
            due(&s, w, utc("2026-11-25T14:25:02-08:00"), Some(given)),
            None
        );
        // The next moment still comes.
        assert_eq!(
            due(&s, w, utc("2026-11-25T14:30:00-08:00"), Some(given)),
            Some(cue(Moment::End, "2026-11-25T14:30:00-08:00"))
        );
        // Both given, then the clock set back into wrap-up's first seconds: not again.
        let end = utc("2026-11-25T14:30:00-08:00");
        assert_eq!(
            due(&s, w, utc("2026-11-25T14:25:01-08:00"), Some(end)),
            None
        );
    }

    #[test]
    fn a_restart_in_the_middle_of_wrap_up_gives_no_cue() {
        let s = default_schedule(Los_Angeles);
        let w = Windows::default();
        // The kiosk comes back at 14:27, two minutes into wrap-up, remembering nothing.
        assert_eq!(due(&s, w, utc("2026-11-25T14:27:00-08:00"), None), None);
        assert_eq!(due(&s, w, utc("2026-11-25T14:25:06-08:00"), None), None);
    }

    #[test]
    fn a_sleep_or_a_jump_past_the_moment_gives_no_late_cue() {
        let s = default_schedule(Los_Angeles);
        let w = Windows::default();
        let before = utc("2026-11-25T14:24:00-08:00");
        // Asleep from 14:24 to 14:31: both moments passed unseen.
        assert_eq!(due(&s, w, before, None), None);
        assert_eq!(due(&s, w, utc("2026-11-25T14:31:00-08:00"), None), None);
        // A jump of a day lands in nobody's wrap-up.
        assert_eq!(due(&s, w, utc("2026-11-26T14:25:00-08:00"), None), None);
    }

    #[test]
    fn a_cancelled_occurrence_gives_no_cue() {
        let s = Schedule::new(
            Los_Angeles,
            crate::test_support::afternoons(),
            vec![Cancellation {
                date: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
                start: crate::domain::schedule::parse_hhmm("13:30").unwrap(),
                note: "Closed for the holiday".into(),
            }],
        );
        let w = Windows::default();
        assert_eq!(due(&s, w, utc("2026-11-25T14:25:00-08:00"), None), None);
        assert_eq!(due(&s, w, utc("2026-11-25T14:30:00-08:00"), None), None);
        // Friday's meeting is held and cued.
        assert!(due(&s, w, utc("2026-11-27T14:25:00-08:00"), None).is_some());
    }

    #[test]
    fn on_a_daylight_saving_day_the_cue_is_at_the_local_wrap_up_time() {
        // Clocks go back at 02:00 on Sunday 2026-11-01 in Los Angeles; an afternoon group
        // that day wraps up at 14:25 PST (22:25 UTC), not an hour off.
        let s = Schedule::new(
            Los_Angeles,
            vec![slot(Weekday::Sun, "13:30", "14:30")],
            vec![],
        );
        let w = Windows::default();
        assert_eq!(due(&s, w, utc("2026-11-01T21:25:00Z"), None), None);
        assert_eq!(
            due(&s, w, utc("2026-11-01T22:25:00Z"), None),
            Some(cue(Moment::WrapUp, "2026-11-01T14:25:00-08:00"))
        );
        // And a slot across the change (01:30 PDT – 02:30 PST, two hours) wraps up at
        // 02:25 PST.
        let s = Schedule::new(
            Los_Angeles,
            vec![slot(Weekday::Sun, "01:30", "02:30")],
            vec![],
        );
        assert_eq!(
            due(&s, w, utc("2026-11-01T10:25:00Z"), None),
            Some(cue(Moment::WrapUp, "2026-11-01T02:25:00-08:00"))
        );
        assert_eq!(due(&s, w, utc("2026-11-01T09:25:00Z"), None), None);
    }

    #[test]
    fn with_no_wrap_up_time_the_end_is_cued_once() {
        let s = default_schedule(Los_Angeles);
        let w = Windows {
            wrap_up_min: 0,
            ..Windows::default()
        };
        let end = utc("2026-11-25T14:30:00-08:00");
        assert_eq!(
            due(&s, w, end, None),
            Some(cue(Moment::End, "2026-11-25T14:30:00-08:00"))
        );
        assert_eq!(due(&s, w, end, Some(end)), None);
    }

    #[test]
    fn the_pulse_rises_and_falls_once_in_two_seconds() {
        let since = utc("2026-11-25T14:25:00-08:00");
        let at = |ms: i64| pulse_level(since, since + Duration::milliseconds(ms));
        assert_eq!(at(-1), None);
        assert_eq!(at(0), Some(0.0));
        assert!((at(1_000).unwrap() - 1.0).abs() < 1e-6);
        assert!(at(500).unwrap() < at(1_000).unwrap());
        assert!(at(1_500).unwrap() < at(1_000).unwrap());
        assert_eq!(at(2_000), None);
        // One change up and one back in two seconds: sampled every 10 ms, the level turns
        // round once (WCAG 2.3.1 allows up to three flashes a second).
        let levels: Vec<f32> = (0..200).filter_map(|i| at(i * 10)).collect();
        let turns = levels
            .windows(3)
            .filter(|w| (w[1] - w[0]) * (w[2] - w[1]) < 0.0)
            .count();
        assert_eq!(turns, 1);
    }
}

//! The timer's words: the status line as Home shows it, in each language.

use crate::domain::schedule::{Occurrence, Schedule};
use crate::domain::timer::{Phase, Status};
use crate::locale::Tr;

/// What the timer says at one instant.
pub trait StatusWords {
    /// The status line, as Home shows it.
    fn words(&self, tr: &Tr<'_>, schedule: &Schedule) -> String;
    /// The status line in two parts for a large display: a short headline and, for a
    /// cancelled day, the note and the next group in smaller type.
    fn headline_and_detail(&self, tr: &Tr<'_>, schedule: &Schedule) -> (String, Option<String>);
    /// A second line under the status for the wrap-up phase, so it never relies on colour.
    fn wrap_up_words(&self, tr: &Tr<'_>) -> Option<String>;
}

impl StatusWords for Status {
    fn headline_and_detail(&self, tr: &Tr<'_>, schedule: &Schedule) -> (String, Option<String>) {
        if self.phase != Phase::Cancelled {
            return (self.words(tr, schedule), None);
        }
        let detail = cancelled_detail(self, tr, schedule);
        (
            tr.t("timer-no-group-today"),
            (!detail.is_empty()).then_some(detail),
        )
    }

    fn words(&self, tr: &Tr<'_>, schedule: &Schedule) -> String {
        match self.phase {
            Phase::Upcoming => match &self.occurrence {
                Some(occ) => tr.a(
                    "timer-next-group",
                    &[("when", when(self, occ, tr, schedule).into())],
                ),
                None => tr.t("timer-no-times"),
            },
            Phase::DoorsOpen => tr.a(
                "timer-starts-in",
                &[("left", countdown_text(self, tr).into())],
            ),
            Phase::InSession | Phase::WrapUp => tr.a(
                "timer-time-left",
                &[("left", countdown_text(self, tr).into())],
            ),
            Phase::Ended => tr.t("timer-ended"),
            Phase::Cancelled => {
                let headline = tr.t("timer-no-group-today");
                let detail = cancelled_detail(self, tr, schedule);
                if detail.is_empty() {
                    headline
                } else {
                    format!("{headline} {detail}")
                }
            }
        }
    }

    fn wrap_up_words(&self, tr: &Tr<'_>) -> Option<String> {
        (self.phase == Phase::WrapUp).then(|| tr.t("timer-wrap-up"))
    }
}

/// A cancelled day's note and the next group held: "Staff training. Next group: Friday 1:30 PM".
fn cancelled_detail(status: &Status, tr: &Tr<'_>, schedule: &Schedule) -> String {
    let note = status
        .occurrence
        .as_ref()
        .and_then(|o| o.cancelled.as_deref())
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let next = status.next_held.as_ref().map(|next| {
        tr.a(
            "timer-next-group",
            &[("when", when(status, next, tr, schedule).into())],
        )
    });
    [note.map(str::to_string), next]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

fn when(status: &Status, occ: &Occurrence, tr: &Tr<'_>, schedule: &Schedule) -> String {
    let local = occ.start.with_timezone(&schedule.tz);
    let time = tr.time(local.time());
    let date = local.date_naive();
    if date == status.today {
        tr.a("timer-when-today", &[("time", time.into())])
    } else if Some(date) == status.today.succ_opt() {
        tr.a("timer-when-tomorrow", &[("time", time.into())])
    } else {
        let day = tr.weekday_long(occ.slot.weekday);
        tr.a(
            "timer-when-day",
            &[("day", day.into()), ("time", time.into())],
        )
    }
}

/// "8 min" (rounded up), or "0:42" / "4:59" while seconds show.
fn countdown_text(status: &Status, tr: &Tr<'_>) -> String {
    let Some(left) = status.remaining() else {
        return String::new();
    };
    let secs = (left.num_milliseconds() + 999) / 1000;
    if status.shows_seconds() {
        format!("{}:{:02}", secs / 60, secs % 60)
    } else {
        tr.a("timer-minutes", &[("minutes", ((secs + 59) / 60).into())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;
    use crate::domain::schedule::{Cancellation, parse_hhmm};
    use crate::domain::timer::{Windows, status_at};
    use crate::locale::built_in;
    use chrono::NaiveDate;
    use chrono::{DateTime, Utc};
    use chrono_tz::Tz;

    fn schedule(tz: Tz) -> Schedule {
        crate::test_support::default_schedule(tz)
    }

    fn local(tz: Tz, text: &str) -> DateTime<Utc> {
        let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap();
        schedule(tz).resolve_local(naive)
    }

    fn words_at(tz: Tz, text: &str) -> (Phase, String, Option<i64>) {
        let s = schedule(tz);
        let st = status_at(&s, Windows::default(), local(tz, text));
        (
            st.phase,
            st.words(&built_in().tr(Lang::EN), &s),
            st.seconds(),
        )
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
            (
                st.phase,
                st.words(&built_in().tr(Lang::from_code("es").unwrap()), &s),
            )
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
                st.words(&built_in().tr(Lang::EN), &s),
                "No group today. Staff training. Next group: Friday 1:30 PM"
            );
        }
        // The day before, the countdown skips to the next held occurrence.
        let st = status_at(&s, Windows::default(), local(tz, "2026-11-24 12:00:00"));
        assert_eq!(st.phase, Phase::Upcoming);
        assert_eq!(
            st.words(&built_in().tr(Lang::EN), &s),
            "Next group: Friday 1:30 PM"
        );
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
        assert_eq!(
            st.words(&built_in().tr(Lang::EN), &s),
            "No group times are set yet."
        );
    }
}

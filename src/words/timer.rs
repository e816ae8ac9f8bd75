//! The timer's words: the status line as Home shows it, in English and Spanish.

use crate::domain::lang::Lang;
use crate::domain::schedule::{Occurrence, Schedule};
use crate::domain::timer::{Phase, Status};
use crate::words::calendar::LangWords as _;

/// What the timer says at one instant.
pub trait StatusWords {
    /// The status line, as Home shows it.
    fn words(&self, lang: Lang, schedule: &Schedule) -> String;
    /// The status line in two parts for a large display: a short headline and, for a
    /// cancelled day, the note and the next group in smaller type.
    fn headline_and_detail(&self, lang: Lang, schedule: &Schedule) -> (String, Option<String>);
    /// A second line under the status for the wrap-up phase, so it never relies on colour.
    fn wrap_up_words(&self, lang: Lang) -> Option<&'static str>;
}

impl StatusWords for Status {
    fn headline_and_detail(&self, lang: Lang, schedule: &Schedule) -> (String, Option<String>) {
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

    fn words(&self, lang: Lang, schedule: &Schedule) -> String {
        let en = lang == Lang::En;
        match self.phase {
            Phase::Upcoming => match &self.occurrence {
                Some(occ) => {
                    let when = when(self, occ, lang, schedule);
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
                let left = countdown_text(self);
                if en {
                    format!("Group starts in {left}")
                } else {
                    format!("El grupo empieza en {left}")
                }
            }
            Phase::InSession | Phase::WrapUp => {
                let left = countdown_text(self);
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
                    let when = when(self, next, lang, schedule);
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

    fn wrap_up_words(&self, lang: Lang) -> Option<&'static str> {
        (self.phase == Phase::WrapUp).then_some(match lang {
            Lang::En => "Time to wrap up",
            Lang::Es => "Es hora de ir cerrando",
        })
    }
}

fn when(status: &Status, occ: &Occurrence, lang: Lang, schedule: &Schedule) -> String {
    let local = occ.start.with_timezone(&schedule.tz);
    let time = lang.time(local.time());
    let date = local.date_naive();
    let day = if date == status.today {
        match lang {
            Lang::En => "today".to_string(),
            Lang::Es => "hoy".to_string(),
        }
    } else if Some(date) == status.today.succ_opt() {
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
fn countdown_text(status: &Status) -> String {
    let Some(left) = status.remaining() else {
        return String::new();
    };
    let secs = (left.num_milliseconds() + 999) / 1000;
    if status.shows_seconds() {
        format!("{}:{:02}", secs / 60, secs % 60)
    } else {
        format!("{} min", (secs + 59) / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::{Cancellation, parse_hhmm};
    use crate::domain::timer::{Windows, status_at};
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

//! Calendar words: day names, times of day and the weekly schedule, in each language.

use chrono::{NaiveTime, Timelike, Weekday};

use crate::domain::lang::Lang;
use crate::domain::schedule::{Schedule, SlotProblem};

/// The words each language needs to speak of days and times.
pub trait LangWords {
    /// The language's own name, as shown on the switch.
    fn native_name(self) -> &'static str;
    fn weekday_long(self, day: Weekday) -> &'static str;
    fn weekday_short(self, day: Weekday) -> &'static str;
    /// "1:30 PM" in English, "13:30" in Spanish.
    fn time(self, t: NaiveTime) -> String;
    /// "1:30–2:30 PM" (one AM/PM mark when both share it), "13:30–14:30".
    fn time_range(self, start: NaiveTime, end: NaiveTime) -> String;
    /// "Monday, Wednesday and Friday" / "lunes, miércoles y viernes".
    fn join_list(self, items: &[&str]) -> String;
}

impl LangWords for Lang {
    fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    fn weekday_long(self, day: Weekday) -> &'static str {
        let i = day.num_days_from_monday() as usize;
        match self {
            Lang::En => [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ][i],
            Lang::Es => [
                "lunes",
                "martes",
                "miércoles",
                "jueves",
                "viernes",
                "sábado",
                "domingo",
            ][i],
        }
    }

    fn weekday_short(self, day: Weekday) -> &'static str {
        let i = day.num_days_from_monday() as usize;
        match self {
            Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
            Lang::Es => ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"][i],
        }
    }

    fn time(self, t: NaiveTime) -> String {
        match self {
            Lang::En => {
                let (pm, h12) = t.hour12();
                format!("{h12}:{:02} {}", t.minute(), if pm { "PM" } else { "AM" })
            }
            Lang::Es => format!("{}:{:02}", t.hour(), t.minute()),
        }
    }

    fn time_range(self, start: NaiveTime, end: NaiveTime) -> String {
        match self {
            Lang::En if start.hour12().0 == end.hour12().0 => {
                let h12 = start.hour12().1;
                format!("{h12}:{:02}–{}", start.minute(), self.time(end))
            }
            _ => format!("{}–{}", self.time(start), self.time(end)),
        }
    }

    fn join_list(self, items: &[&str]) -> String {
        let and = match self {
            Lang::En => "and",
            Lang::Es => "y",
        };
        match items {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
        }
    }
}

/// The weekly schedule in plain words.
pub trait ScheduleWords {
    /// "Mon · Wed · Fri, 1:30–2:30 PM"; slots with different times one by one:
    /// "Mon 1:30–2:30 PM · Thu 6–7 PM".
    fn summary(&self, lang: Lang) -> String;
    /// The meeting days in full words, each day once: "Monday, Wednesday and Friday".
    fn days_words(&self, lang: Lang) -> String;
}

impl ScheduleWords for Schedule {
    fn summary(&self, lang: Lang) -> String {
        let Some(first) = self.slots.first() else {
            return String::new();
        };
        let same_times = self
            .slots
            .iter()
            .all(|s| s.start == first.start && s.end == first.end);
        if same_times {
            let days: Vec<&str> = self
                .slots
                .iter()
                .map(|s| lang.weekday_short(s.weekday))
                .collect();
            format!(
                "{}, {}",
                days.join(" · "),
                lang.time_range(first.start, first.end)
            )
        } else {
            self.slots
                .iter()
                .map(|s| {
                    format!(
                        "{} {}",
                        lang.weekday_short(s.weekday),
                        lang.time_range(s.start, s.end)
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ")
        }
    }

    fn days_words(&self, lang: Lang) -> String {
        let mut days: Vec<&str> = Vec::new();
        for slot in &self.slots {
            let name = lang.weekday_long(slot.weekday);
            if !days.contains(&name) {
                days.push(name);
            }
        }
        lang.join_list(&days)
    }
}

/// A slot rule broken, for staff and for `validate()`; settings are written in English.
impl std::fmt::Display for SlotProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hhmm = |t: NaiveTime| t.format("%H:%M").to_string();
        match self {
            SlotProblem::EndsBeforeStart(s) => write!(
                f,
                "the {} group ends at {} which is not after its start at {}",
                Lang::En.weekday_long(s.weekday),
                hhmm(s.end),
                hhmm(s.start)
            ),
            SlotProblem::Overlaps(s, other) => {
                let day = Lang::En.weekday_long(s.weekday);
                write!(
                    f,
                    "the {day} group at {} overlaps the {day} group at {}",
                    hhmm(s.start),
                    hhmm(other.start)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::slot;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn english_times_share_one_pm_mark() {
        assert_eq!(Lang::En.time_range(t(13, 30), t(14, 30)), "1:30–2:30 PM");
        assert_eq!(
            Lang::En.time_range(t(11, 30), t(12, 30)),
            "11:30 AM–12:30 PM"
        );
        assert_eq!(Lang::En.time(t(0, 5)), "12:05 AM");
    }

    #[test]
    fn spanish_times_use_the_24_hour_clock() {
        assert_eq!(Lang::Es.time_range(t(13, 30), t(14, 30)), "13:30–14:30");
    }

    #[test]
    fn lists_join_with_the_local_and() {
        assert_eq!(
            Lang::En.join_list(&["Monday", "Wednesday", "Friday"]),
            "Monday, Wednesday and Friday"
        );
        assert_eq!(Lang::Es.join_list(&["lunes", "viernes"]), "lunes y viernes");
    }

    fn default_schedule() -> Schedule {
        crate::test_support::default_schedule(chrono_tz::America::Los_Angeles)
    }

    #[test]
    fn summary_groups_days_with_the_same_times() {
        let s = default_schedule();
        assert_eq!(s.summary(Lang::En), "Mon · Wed · Fri, 1:30–2:30 PM");
        assert_eq!(s.summary(Lang::Es), "lun · mié · vie, 13:30–14:30");
        assert_eq!(s.days_words(Lang::En), "Monday, Wednesday and Friday");
    }

    #[test]
    fn summary_lists_slots_with_different_times_one_by_one() {
        let s = Schedule::new(
            chrono_tz::UTC,
            vec![
                slot(Weekday::Thu, "18:00", "19:30"),
                slot(Weekday::Mon, "13:30", "14:30"),
            ],
            vec![],
        );
        assert_eq!(s.summary(Lang::En), "Mon 1:30–2:30 PM · Thu 6:00–7:30 PM");
    }
}

//! The weekly schedule in plain words, in each language (days, times and lists come from
//! `crate::locale::Tr`).

use crate::domain::schedule::Schedule;
use crate::locale::Tr;

/// The weekly schedule in plain words.
pub trait ScheduleWords {
    /// "Mon · Wed · Fri, 1:30–2:30 PM"; slots with different times one by one:
    /// "Mon 1:30–2:30 PM · Thu 6–7 PM".
    fn summary(&self, tr: &Tr<'_>) -> String;
    /// The meeting days in full words, each day once: "Monday, Wednesday and Friday".
    fn days_words(&self, tr: &Tr<'_>) -> String;
}

impl ScheduleWords for Schedule {
    fn summary(&self, tr: &Tr<'_>) -> String {
        let Some(first) = self.slots.first() else {
            return String::new();
        };
        let same_times = self
            .slots
            .iter()
            .all(|s| s.start == first.start && s.end == first.end);
        if same_times {
            let days: Vec<String> = self
                .slots
                .iter()
                .map(|s| tr.weekday_short(s.weekday))
                .collect();
            format!(
                "{}, {}",
                days.join(" · "),
                tr.time_range(first.start, first.end)
            )
        } else {
            self.slots
                .iter()
                .map(|s| {
                    format!(
                        "{} {}",
                        tr.weekday_short(s.weekday),
                        tr.time_range(s.start, s.end)
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ")
        }
    }

    fn days_words(&self, tr: &Tr<'_>) -> String {
        let mut days: Vec<String> = Vec::new();
        for slot in &self.slots {
            let name = tr.weekday_long(slot.weekday);
            if !days.contains(&name) {
                days.push(name);
            }
        }
        tr.join_list(&days)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::*;
    use crate::domain::lang::Lang;
    use crate::locale::built_in;
    use crate::test_support::slot;

    fn default_schedule() -> Schedule {
        crate::test_support::default_schedule(chrono_tz::America::Los_Angeles)
    }

    #[test]
    fn summary_groups_days_with_the_same_times() {
        let s = default_schedule();
        let en = built_in().tr(Lang::EN);
        let es = built_in().tr(Lang::from_code("es").unwrap());
        assert_eq!(s.summary(&en), "Mon · Wed · Fri, 1:30–2:30 PM");
        assert_eq!(s.summary(&es), "lun · mié · vie, 13:30–14:30");
        assert_eq!(s.days_words(&en), "Monday, Wednesday and Friday");
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
        assert_eq!(
            s.summary(&built_in().tr(Lang::EN)),
            "Mon 1:30–2:30 PM · Thu 6:00–7:30 PM"
        );
    }
}

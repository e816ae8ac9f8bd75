//! Words about groups and courses: each group's weekly times, and where a course meeting
//! stands ("Meeting 3 of 8 · Drug, set and setting"), in English and Spanish.

use chrono::{NaiveTime, Timelike};

use crate::config::Settings;
use crate::domain::course::{CourseMeeting, Topic};
use crate::domain::lang::Lang;
use crate::domain::schedule::{Schedule, Slot};
use crate::words::calendar::LangWords as _;

/// "6–7:30 PM", "1:30–2:30 PM", "11 AM–12:30 PM" (whole hours without ":00"); Spanish keeps
/// the 24-hour clock: "18:00–19:30".
pub fn short_time_range(lang: Lang, start: NaiveTime, end: NaiveTime) -> String {
    match lang {
        Lang::En => {
            let clock = |t: NaiveTime| {
                let h = t.hour12().1;
                match t.minute() {
                    0 => h.to_string(),
                    m => format!("{h}:{m:02}"),
                }
            };
            let mark = |t: NaiveTime| if t.hour12().0 { "PM" } else { "AM" };
            if mark(start) == mark(end) {
                format!("{}–{} {}", clock(start), clock(end), mark(end))
            } else {
                format!(
                    "{} {}–{} {}",
                    clock(start),
                    mark(start),
                    clock(end),
                    mark(end)
                )
            }
        }
        Lang::Es => lang.time_range(start, end),
    }
}

/// One group's week: "Mon · Wed · Fri 1:30–2:30 PM"; slots at different times one by one,
/// "Mon 1:30–2:30 PM · Thu 6–7 PM". Empty when the group has no slot.
pub fn group_times(schedule: &Schedule, group: usize, lang: Lang) -> String {
    let slots: Vec<&Slot> = schedule.slots.iter().filter(|s| s.group == group).collect();
    let Some(first) = slots.first() else {
        return String::new();
    };
    if slots
        .iter()
        .all(|s| s.start == first.start && s.end == first.end)
    {
        let days: Vec<&str> = slots
            .iter()
            .map(|s| lang.weekday_short(s.weekday))
            .collect();
        format!(
            "{} {}",
            days.join(" · "),
            short_time_range(lang, first.start, first.end)
        )
    } else {
        slots
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    lang.weekday_short(s.weekday),
                    short_time_range(lang, s.start, s.end)
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// One line per group that meets, in settings order: "Drop-in group · Mon · Wed · Fri
/// 1:30–2:30 PM", "Eight-week course · Tue 6–7:30 PM".
pub fn schedule_lines(settings: &Settings, schedule: &Schedule, lang: Lang) -> Vec<String> {
    settings
        .groups
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let times = group_times(schedule, i, lang);
            (!times.is_empty()).then(|| format!("{} · {times}", g.name))
        })
        .collect()
}

/// Where a course meeting stands, in words: "Meeting 3 of 8 · Drug, set and setting",
/// "The course has finished", "The course starts on Tuesday 2026-10-06". None for a
/// cancelled meeting (Home already says so) or a number with no topic.
pub fn topic_line(meeting: CourseMeeting, topic: Option<&Topic>, lang: Lang) -> Option<String> {
    let en = lang == Lang::En;
    match meeting {
        CourseMeeting::Numbered { number, of } => {
            let title = &topic?.words(lang).title;
            Some(if en {
                format!("Meeting {number} of {of} · {title}")
            } else {
                format!("Reunión {number} de {of} · {title}")
            })
        }
        CourseMeeting::Finished { .. } if en => Some("The course has finished".into()),
        CourseMeeting::Finished { .. } => Some("El curso terminó".into()),
        CourseMeeting::NotStarted { starts, .. } => {
            let day = lang.weekday_long(chrono::Datelike::weekday(&starts));
            Some(if en {
                format!("The course starts on {day} {starts}")
            } else {
                format!("El curso empieza el {day} {starts}")
            })
        }
        CourseMeeting::Cancelled => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::course::TopicWords;
    use crate::domain::schedule::parse_hhmm;

    fn settings() -> Settings {
        crate::config::parse(
            "group_name = \"x\"\n\
             [[group]]\nname = \"Drop-in group\"\n\
             [[group]]\nname = \"Eight-week course\"\nscript = \"course\"\n\
             course_start = \"2026-10-06\"\ntopics = \"eight-week\"\n\
             [[slot]]\nweekday = \"mon\"\nstart = \"13:30\"\nend = \"14:30\"\ngroup = \"Drop-in group\"\n\
             [[slot]]\nweekday = \"wed\"\nstart = \"13:30\"\nend = \"14:30\"\ngroup = \"Drop-in group\"\n\
             [[slot]]\nweekday = \"fri\"\nstart = \"13:30\"\nend = \"14:30\"\ngroup = \"Drop-in group\"\n\
             [[slot]]\nweekday = \"tue\"\nstart = \"18:00\"\nend = \"19:30\"\ngroup = \"Eight-week course\"\n",
        )
        .unwrap()
    }

    #[test]
    fn each_group_has_its_own_line_of_times() {
        let s = settings();
        let schedule = s.schedule(vec![]);
        assert_eq!(
            schedule_lines(&s, &schedule, Lang::En),
            vec![
                "Drop-in group · Mon · Wed · Fri 1:30–2:30 PM",
                "Eight-week course · Tue 6–7:30 PM",
            ]
        );
        assert_eq!(
            schedule_lines(&s, &schedule, Lang::Es)[1],
            "Eight-week course · mar 18:00–19:30"
        );
    }

    #[test]
    fn times_drop_zero_minutes_and_share_one_mark() {
        let t = |s| parse_hhmm(s).unwrap();
        assert_eq!(
            short_time_range(Lang::En, t("11:00"), t("12:30")),
            "11 AM–12:30 PM"
        );
        assert_eq!(short_time_range(Lang::En, t("18:00"), t("19:00")), "6–7 PM");
    }

    #[test]
    fn a_course_meeting_is_said_with_its_number_and_topic() {
        let topic = Topic {
            en: TopicWords {
                title: "Drug, set and setting".into(),
                prompt: String::new(),
            },
            es: TopicWords {
                title: "Sustancia, estado de ánimo y entorno".into(),
                prompt: String::new(),
            },
        };
        let third = CourseMeeting::Numbered { number: 3, of: 8 };
        assert_eq!(
            topic_line(third, Some(&topic), Lang::En).as_deref(),
            Some("Meeting 3 of 8 · Drug, set and setting")
        );
        assert_eq!(
            topic_line(third, Some(&topic), Lang::Es).as_deref(),
            Some("Reunión 3 de 8 · Sustancia, estado de ánimo y entorno")
        );
        assert_eq!(
            topic_line(CourseMeeting::Finished { of: 8 }, None, Lang::En).as_deref(),
            Some("The course has finished")
        );
        let starts = NaiveDate::from_ymd_opt(2026, 10, 6).unwrap();
        assert_eq!(
            topic_line(CourseMeeting::NotStarted { starts, of: 8 }, None, Lang::En).as_deref(),
            Some("The course starts on Tuesday 2026-10-06")
        );
        assert_eq!(topic_line(CourseMeeting::Cancelled, None, Lang::En), None);
    }
}

//! Words about groups and courses: each group's weekly times, and where a course meeting
//! stands ("Meeting 3 of 8 · Drug, set and setting"), in each language.

use crate::config::Settings;
use crate::domain::course::{CourseMeeting, Topic};
use crate::domain::schedule::{Schedule, Slot};
use crate::locale::Tr;

/// One group's week: "Mon · Wed · Fri 1:30–2:30 PM"; slots at different times one by one,
/// "Mon 1:30–2:30 PM · Thu 6–7 PM". Empty when the group has no slot.
pub fn group_times(schedule: &Schedule, group: usize, tr: &Tr<'_>) -> String {
    let slots: Vec<&Slot> = schedule.slots.iter().filter(|s| s.group == group).collect();
    let Some(first) = slots.first() else {
        return String::new();
    };
    if slots
        .iter()
        .all(|s| s.start == first.start && s.end == first.end)
    {
        let days: Vec<String> = slots.iter().map(|s| tr.weekday_short(s.weekday)).collect();
        format!(
            "{} {}",
            days.join(" · "),
            tr.short_time_range(first.start, first.end)
        )
    } else {
        slots
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    tr.weekday_short(s.weekday),
                    tr.short_time_range(s.start, s.end)
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// One line per group that meets, in settings order: "Drop-in group · Mon · Wed · Fri
/// 1:30–2:30 PM", "Eight-week course · Tue 6–7:30 PM".
pub fn schedule_lines(settings: &Settings, schedule: &Schedule, tr: &Tr<'_>) -> Vec<String> {
    settings
        .groups
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let times = group_times(schedule, i, tr);
            (!times.is_empty()).then(|| format!("{} · {times}", g.name))
        })
        .collect()
}

/// Where a course meeting stands, in words: "Meeting 3 of 8 · Drug, set and setting",
/// "The course has finished", "The course starts on Tuesday 2026-10-06". None for a
/// cancelled meeting (Home already says so) or a number with no topic.
pub fn topic_line(meeting: CourseMeeting, topic: Option<&Topic>, tr: &Tr<'_>) -> Option<String> {
    match meeting {
        CourseMeeting::Numbered { number, of } => {
            let title = topic?.words(tr.lang()).title.clone();
            Some(tr.a(
                "course-meeting",
                &[
                    ("number", number.into()),
                    ("of", of.into()),
                    ("title", title.into()),
                ],
            ))
        }
        CourseMeeting::Finished { .. } => Some(tr.t("course-finished")),
        CourseMeeting::NotStarted { starts, .. } => {
            let day = tr.weekday_long(chrono::Datelike::weekday(&starts));
            Some(tr.a(
                "course-not-started",
                &[("day", day.into()), ("date", starts.to_string().into())],
            ))
        }
        CourseMeeting::Cancelled => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::course::TopicWords;
    use crate::domain::lang::Lang;
    use crate::locale::built_in;

    fn es() -> Lang {
        Lang::from_code("es").unwrap()
    }

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
            schedule_lines(&s, &schedule, &built_in().tr(Lang::EN)),
            vec![
                "Drop-in group · Mon · Wed · Fri 1:30–2:30 PM",
                "Eight-week course · Tue 6–7:30 PM",
            ]
        );
        assert_eq!(
            schedule_lines(&s, &schedule, &built_in().tr(es()))[1],
            "Eight-week course · mar 18:00–19:30"
        );
    }

    #[test]
    fn a_course_meeting_is_said_with_its_number_and_topic() {
        let mut topic = Topic::new(TopicWords {
            title: "Drug, set and setting".into(),
            prompt: String::new(),
        });
        topic.add(
            es(),
            TopicWords {
                title: "Sustancia, estado de ánimo y entorno".into(),
                prompt: String::new(),
            },
        );
        let third = CourseMeeting::Numbered { number: 3, of: 8 };
        assert_eq!(
            topic_line(third, Some(&topic), &built_in().tr(Lang::EN)).as_deref(),
            Some("Meeting 3 of 8 · Drug, set and setting")
        );
        assert_eq!(
            topic_line(third, Some(&topic), &built_in().tr(es())).as_deref(),
            Some("Reunión 3 de 8 · Sustancia, estado de ánimo y entorno")
        );
        assert_eq!(
            topic_line(
                CourseMeeting::Finished { of: 8 },
                None,
                &built_in().tr(Lang::EN)
            )
            .as_deref(),
            Some("The course has finished")
        );
        let starts = NaiveDate::from_ymd_opt(2026, 10, 6).unwrap();
        assert_eq!(
            topic_line(
                CourseMeeting::NotStarted { starts, of: 8 },
                None,
                &built_in().tr(Lang::EN)
            )
            .as_deref(),
            Some("The course starts on Tuesday 2026-10-06")
        );
        assert_eq!(
            topic_line(CourseMeeting::Cancelled, None, &built_in().tr(Lang::EN)),
            None
        );
    }
}

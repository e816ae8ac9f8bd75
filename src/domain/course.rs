//! Courses: a group with a start date and an ordered list of topics, one per held meeting.
//! A cancelled meeting uses up no topic; after the last topic the course is finished until
//! staff set a new start.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::lang::Lang;
use super::schedule::{Occurrence, Schedule};

/// One meeting's topic in one language: a short title and a one-line prompt (maybe empty).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TopicWords {
    pub title: String,
    pub prompt: String,
}

/// One meeting's topic, in English and in each language that has its words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Topic {
    english: TopicWords,
    others: BTreeMap<Lang, TopicWords>,
}

impl Topic {
    pub fn new(english: TopicWords) -> Topic {
        Topic {
            english,
            others: BTreeMap::new(),
        }
    }

    /// Gives the topic its words in `lang`.
    pub fn add(&mut self, lang: Lang, words: TopicWords) {
        if lang == Lang::EN {
            self.english = words;
        } else {
            self.others.insert(lang, words);
        }
    }

    /// The words in `lang`, or in English when that language has none for this topic.
    pub fn words(&self, lang: Lang) -> &TopicWords {
        self.others.get(&lang).unwrap_or(&self.english)
    }
}

/// A course as settings give it: the first day it counts from and how many topics it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Course {
    pub start: NaiveDate,
    pub topics: usize,
}

/// A course group's start date with its topics, read from settings and the course file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseTopics {
    pub start: NaiveDate,
    pub topics: Vec<Topic>,
}

impl CourseTopics {
    pub fn course(&self) -> Course {
        Course {
            start: self.start,
            topics: self.topics.len(),
        }
    }

    /// Where `occ`, an occurrence of `group`, stands in the course, and its topic if any.
    pub fn at(
        &self,
        schedule: &Schedule,
        group: usize,
        occ: &Occurrence,
    ) -> (CourseMeeting, Option<&Topic>) {
        let m = meeting(schedule, group, self.course(), occ);
        (m, m.topic_index().and_then(|i| self.topics.get(i)))
    }
}

/// Where one occurrence of a course group stands in the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CourseMeeting {
    /// Held meeting `number` (from 1) of `of`: its topic is the `number`th.
    Numbered { number: usize, of: usize },
    /// Every topic has had its meeting.
    Finished { of: usize },
    /// The occurrence is before the course's start date.
    NotStarted { starts: NaiveDate, of: usize },
    /// Cancelled: it keeps no topic, the next held meeting takes it.
    Cancelled,
}

impl CourseMeeting {
    /// The index of this meeting's topic, when it has one.
    pub fn topic_index(self) -> Option<usize> {
        match self {
            CourseMeeting::Numbered { number, .. } => Some(number - 1),
            _ => None,
        }
    }
}

/// Where `occ`, an occurrence of `group`, stands in `course`. Counts the group's held
/// occurrences from the start date up to and including `occ`; pure and quick (it stops as
/// soon as the course is known to be finished).
pub fn meeting(
    schedule: &Schedule,
    group: usize,
    course: Course,
    occ: &Occurrence,
) -> CourseMeeting {
    if occ.is_cancelled() {
        return CourseMeeting::Cancelled;
    }
    let of = course.topics;
    if occ.date < course.start {
        return CourseMeeting::NotStarted {
            starts: course.start,
            of,
        };
    }
    let mut number = 0;
    let mut date = course.start;
    while date <= occ.date {
        number += schedule
            .occurrences_on(date)
            .iter()
            .filter(|o| o.slot.group == group && !o.is_cancelled() && o.start <= occ.start)
            .count();
        if number > of {
            return CourseMeeting::Finished { of };
        }
        match date.succ_opt() {
            Some(next) => date = next,
            None => break,
        }
    }
    if number == 0 {
        // `occ` is not one of the group's occurrences; nothing honest to number it with.
        return CourseMeeting::NotStarted {
            starts: course.start,
            of,
        };
    }
    CourseMeeting::Numbered { number, of }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc, Weekday};

    use super::*;
    use crate::domain::schedule::{Cancellation, Slot, parse_hhmm};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    /// The drop-in group (0) Mon/Wed/Fri afternoons and the course (1) Tuesday evenings,
    /// in Los Angeles.
    fn schedule(cancelled: &[NaiveDate]) -> Schedule {
        let slot = |weekday, start: &str, end: &str, group| Slot {
            weekday,
            start: parse_hhmm(start).unwrap(),
            end: parse_hhmm(end).unwrap(),
            group,
        };
        Schedule::new(
            chrono_tz::America::Los_Angeles,
            vec![
                slot(Weekday::Mon, "13:30", "14:30", 0),
                slot(Weekday::Wed, "13:30", "14:30", 0),
                slot(Weekday::Fri, "13:30", "14:30", 0),
                slot(Weekday::Tue, "18:00", "19:30", 1),
            ],
            cancelled
                .iter()
                .map(|date| Cancellation {
                    date: *date,
                    start: parse_hhmm("18:00").unwrap(),
                    note: "Staff training".into(),
                })
                .collect(),
        )
    }

    fn tuesday(s: &Schedule, date: NaiveDate) -> Occurrence {
        let occ = s.occurrences_on(date);
        assert_eq!(occ.len(), 1, "{date} should be a course Tuesday");
        occ[0].clone()
    }

    const EIGHT: Course = Course {
        start: NaiveDate::from_ymd_opt(2026, 10, 6).unwrap(),
        topics: 8,
    };

    fn numbers(s: &Schedule, dates: &[NaiveDate]) -> Vec<CourseMeeting> {
        dates
            .iter()
            .map(|date| meeting(s, 1, EIGHT, &tuesday(s, *date)))
            .collect()
    }

    #[test]
    fn each_held_meeting_takes_the_next_topic_and_other_groups_do_not_count() {
        let s = schedule(&[]);
        let got = numbers(&s, &[d(10, 6), d(10, 13), d(10, 20)]);
        assert_eq!(
            got,
            vec![
                CourseMeeting::Numbered { number: 1, of: 8 },
                CourseMeeting::Numbered { number: 2, of: 8 },
                CourseMeeting::Numbered { number: 3, of: 8 },
            ]
        );
        assert_eq!(got[2].topic_index(), Some(2));
    }

    #[test]
    fn a_cancelled_meeting_mid_course_uses_up_no_topic() {
        // 20 October is cancelled: 27 October is meeting 3, not 4.
        let s = schedule(&[d(10, 20)]);
        let got = numbers(&s, &[d(10, 13), d(10, 20), d(10, 27)]);
        assert_eq!(
            got,
            vec![
                CourseMeeting::Numbered { number: 2, of: 8 },
                CourseMeeting::Cancelled,
                CourseMeeting::Numbered { number: 3, of: 8 },
            ]
        );
        // Eight held meetings end on 1 December instead of 24 November.
        assert_eq!(
            numbers(&s, &[d(11, 24), d(12, 1), d(12, 8)]),
            vec![
                CourseMeeting::Numbered { number: 7, of: 8 },
                CourseMeeting::Numbered { number: 8, of: 8 },
                CourseMeeting::Finished { of: 8 },
            ]
        );
    }

    #[test]
    fn the_count_carries_across_the_daylight_saving_change_at_the_same_local_time() {
        // US clocks go back on Sunday 1 November 2026: 27 October is PDT, 3 November PST.
        let s = schedule(&[]);
        let before = tuesday(&s, d(10, 27));
        let after = tuesday(&s, d(11, 3));
        let utc = |t: &str| DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc);
        assert_eq!(before.start, utc("2026-10-28T01:00:00Z"));
        assert_eq!(after.start, utc("2026-11-04T02:00:00Z"));
        assert_eq!(
            meeting(&s, 1, EIGHT, &before),
            CourseMeeting::Numbered { number: 4, of: 8 }
        );
        assert_eq!(
            meeting(&s, 1, EIGHT, &after),
            CourseMeeting::Numbered { number: 5, of: 8 }
        );
    }

    #[test]
    fn before_its_start_a_course_has_not_started_and_a_new_start_numbers_again() {
        let s = schedule(&[]);
        assert_eq!(
            meeting(&s, 1, EIGHT, &tuesday(&s, d(9, 29))),
            CourseMeeting::NotStarted {
                starts: d(10, 6),
                of: 8
            }
        );
        let again = Course {
            start: d(12, 8),
            topics: 8,
        };
        assert_eq!(
            meeting(&s, 1, again, &tuesday(&s, d(12, 8))),
            CourseMeeting::Numbered { number: 1, of: 8 }
        );
    }

    #[test]
    fn a_long_finished_course_is_answered_without_walking_every_day_since() {
        let s = schedule(&[]);
        let years_later = tuesday(&s, NaiveDate::from_ymd_opt(2036, 10, 7).unwrap());
        assert_eq!(
            meeting(&s, 1, EIGHT, &years_later),
            CourseMeeting::Finished { of: 8 }
        );
    }
}

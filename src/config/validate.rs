//! `validate()`: every problem in a settings file at once, each on its line (from the
//! spans `toml` keeps for each value).

use chrono::NaiveDate;
use chrono_tz::Tz;
use toml::Spanned;

use super::{
    Bounds, CHIME_VOLUME, CourseSetting, EARLY_WINDOW_MIN, ENDED_MIN, Group, RETENTION_DAYS,
    RawGroup, RawSettings, RawSlot, Settings, Topics, WRAP_UP_MIN,
};
use crate::domain::cue::Chime;
use crate::domain::lang::Lang;
use crate::domain::schedule::{Slot, SlotProblem, parse_hhmm, parse_weekday, slot_problem};
use crate::domain::text_size::TextSize;

/// One thing wrong in the settings file, with the line it is on when that is known; said
/// in words by `crate::words::settings`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub line: Option<usize>,
    pub wrong: Wrong,
}

/// What is wrong with one value of the settings file, with the values that say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wrong {
    /// A whole number outside the setting's bounds.
    OutOfRange {
        value: i64,
        bounds: Bounds,
    },
    NotATextSize(String),
    NotAChime(String),
    /// A script set's name that cannot name a file.
    NotAScriptName,
    /// Topics that are neither a course's name nor a list with a title in it.
    NotTopics,
    NoGroupName,
    /// Two groups with this name.
    SameGroupName(String),
    NotADate(String),
    /// A course start with no topics.
    CourseNeedsTopics,
    /// Topics with no course start.
    CourseNeedsStart,
    /// A slot names a group that is not there; the groups that are.
    NoSuchGroup {
        name: String,
        groups: Vec<String>,
    },
    /// A slot names no group, and there are several.
    SlotNeedsGroup {
        groups: Vec<String>,
    },
    NotAWeekday(String),
    /// Not HH:MM; `example` is a time to show, like "13:30".
    NotATime {
        value: String,
        example: &'static str,
    },
    Slot(SlotProblem),
    UnknownZone(String),
    NotALanguage(String),
}

/// The line (1-based) of `text` that byte `offset` is on.
pub(super) fn line_of_offset(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |before| before.matches('\n').count())
        + 1
}

/// The line a value was read from; none for an empty span, which is a value from no file.
fn line_at(text: &str, span: &std::ops::Range<usize>) -> Option<usize> {
    (!span.is_empty()).then(|| line_of_offset(text, span.start))
}

/// Problems found so far, each placed on its line of `text` when there is one.
struct Problems<'a> {
    text: Option<&'a str>,
    found: Vec<Problem>,
}

impl Problems<'_> {
    fn add<T>(&mut self, key: &str, value: &Spanned<T>, wrong: Wrong) {
        self.found.push(Problem {
            key: key.into(),
            line: self.text.and_then(|t| line_at(t, &value.span())),
            wrong,
        });
    }

    fn number(&mut self, key: &str, value: &Spanned<i64>, bounds: Bounds) -> u32 {
        let n = *value.get_ref();
        match u32::try_from(n).ok().filter(|n| bounds.contains(*n)) {
            Some(n) => n,
            None => {
                self.add(key, value, Wrong::OutOfRange { value: n, bounds });
                bounds.min
            }
        }
    }
}

/// Every group's name, to say which names a slot may use.
fn names_list(groups: &[Group]) -> Vec<String> {
    groups.iter().map(|g| g.name.clone()).collect()
}

/// Whether `name` can name a file in the data folder: not empty, not a path, not hidden.
fn is_file_name(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty() && !name.contains(['/', '\\']) && !name.starts_with('.')
}

impl Problems<'_> {
    /// The text size each new person starts with.
    fn text_size(&mut self, value: &Spanned<String>) -> TextSize {
        TextSize::from_key(value.get_ref().trim()).unwrap_or_else(|| {
            self.add(
                "text_size",
                value,
                Wrong::NotATextSize(value.get_ref().clone()),
            );
            TextSize::Normal
        })
    }

    /// The facilitator's chime: when it sounds and how loud.
    fn chime(&mut self, when: &Spanned<String>, volume: &Spanned<i64>) -> (Chime, u32) {
        let chime = Chime::from_key(when.get_ref().trim()).unwrap_or_else(|| {
            self.add("chime", when, Wrong::NotAChime(when.get_ref().clone()));
            Chime::Off
        });
        (chime, self.number("chime_volume", volume, CHIME_VOLUME))
    }

    /// A script set's name, which must be a plain file name.
    fn script_name(&mut self, value: &Spanned<String>) {
        if !is_file_name(value.get_ref()) {
            self.add("script", value, Wrong::NotAScriptName);
        }
    }

    /// One `[[group]]` table, checked; problems are noted and a usable group returned.
    fn group(&mut self, raw: &RawGroup, default_script: &str) -> Group {
        let name = raw.name.get_ref().trim().to_string();
        if name.is_empty() {
            self.add("name", &raw.name, Wrong::NoGroupName);
        }
        let script = match &raw.script {
            Some(script) => {
                self.script_name(script);
                script.get_ref().trim().to_string()
            }
            None => default_script.trim().to_string(),
        };
        let start = raw.course_start.as_ref().and_then(|start| {
            let date = NaiveDate::parse_from_str(start.get_ref().trim(), "%Y-%m-%d").ok();
            if date.is_none() {
                self.add(
                    "course_start",
                    start,
                    Wrong::NotADate(start.get_ref().clone()),
                );
            }
            date
        });
        let topics = raw.topics.as_ref().and_then(|topics| {
            let fine = match topics.get_ref() {
                Topics::Set(name) => is_file_name(name),
                Topics::List(titles) => titles.iter().any(|t| !t.trim().is_empty()),
            };
            if !fine {
                self.add("topics", topics, Wrong::NotTopics);
            }
            fine.then(|| match topics.get_ref() {
                Topics::Set(name) => Topics::Set(name.trim().to_string()),
                Topics::List(titles) => Topics::List(
                    titles
                        .iter()
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect(),
                ),
            })
        });
        match (&raw.course_start, &raw.topics) {
            (Some(start), None) => self.add("course_start", start, Wrong::CourseNeedsTopics),
            (None, Some(topics)) => self.add("topics", topics, Wrong::CourseNeedsStart),
            _ => {}
        }
        Group {
            name,
            script,
            room: raw
                .room
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_string),
            course: start
                .zip(topics)
                .map(|(start, topics)| CourseSetting { start, topics }),
        }
    }

    /// One `[[slot]]` table, checked against the groups and the slots before it; `None`
    /// when a problem was noted.
    fn slot(&mut self, raw: &RawSlot, groups: &[Group], taken: &[Slot]) -> Option<Slot> {
        let group = match &raw.group {
            Some(name) => {
                let found = groups.iter().position(|g| g.name == name.get_ref().trim());
                if found.is_none() {
                    self.add(
                        "group",
                        name,
                        Wrong::NoSuchGroup {
                            name: name.get_ref().clone(),
                            groups: names_list(groups),
                        },
                    );
                }
                found
            }
            None if groups.len() == 1 => Some(0),
            None => {
                self.add(
                    "group",
                    &raw.weekday,
                    Wrong::SlotNeedsGroup {
                        groups: names_list(groups),
                    },
                );
                None
            }
        };
        let weekday = parse_weekday(raw.weekday.get_ref());
        if weekday.is_none() {
            self.add(
                "weekday",
                &raw.weekday,
                Wrong::NotAWeekday(raw.weekday.get_ref().clone()),
            );
        }
        let start = parse_hhmm(raw.start.get_ref());
        if start.is_none() {
            self.add(
                "start",
                &raw.start,
                Wrong::NotATime {
                    value: raw.start.get_ref().clone(),
                    example: "13:30",
                },
            );
        }
        let end = parse_hhmm(raw.end.get_ref());
        if end.is_none() {
            self.add(
                "end",
                &raw.end,
                Wrong::NotATime {
                    value: raw.end.get_ref().clone(),
                    example: "14:30",
                },
            );
        }
        let (Some(weekday), Some(start), Some(end), Some(group)) = (weekday, start, end, group)
        else {
            return None;
        };
        let slot = Slot {
            weekday,
            start,
            end,
            group,
        };
        if let Some(why) = slot_problem(&slot, taken) {
            self.add("end", &raw.end, Wrong::Slot(why));
            return None;
        }
        Some(slot)
    }
}

impl RawSettings {
    /// Checks every field and returns typed settings, or every problem found.
    /// `text` is the file the settings came from, used to name line numbers.
    pub fn validate(&self, text: Option<&str>) -> Result<Settings, Vec<Problem>> {
        let mut problems = Problems {
            text,
            found: Vec::new(),
        };
        let time_zone = self
            .time_zone
            .get_ref()
            .trim()
            .parse::<Tz>()
            .unwrap_or_else(|_| {
                problems.add(
                    "time_zone",
                    &self.time_zone,
                    Wrong::UnknownZone(self.time_zone.get_ref().clone()),
                );
                chrono_tz::UTC
            });
        let language = Lang::from_code(self.language.get_ref().trim()).unwrap_or_else(|| {
            problems.add(
                "language",
                &self.language,
                Wrong::NotALanguage(self.language.get_ref().clone()),
            );
            Lang::EN
        });
        let text_size = problems.text_size(&self.text_size);
        let script = self.script.get_ref();
        problems.script_name(&self.script);
        let groups = if self.groups.is_empty() {
            vec![Group {
                name: self.group_name.trim().to_string(),
                script: script.trim().to_string(),
                room: None,
                course: None,
            }]
        } else {
            let mut groups: Vec<Group> = Vec::new();
            for raw in &self.groups {
                let group = problems.group(raw, script);
                if groups.iter().any(|g| g.name == group.name) {
                    problems.add("name", &raw.name, Wrong::SameGroupName(group.name.clone()));
                }
                groups.push(group);
            }
            groups
        };
        let mut slots: Vec<Slot> = Vec::new();
        for raw in &self.slots {
            if let Some(slot) = problems.slot(raw, &groups, &slots) {
                slots.push(slot);
            }
        }
        let early_window_min =
            problems.number("early_window_min", &self.early_window_min, EARLY_WINDOW_MIN);
        let wrap_up_min = problems.number("wrap_up_min", &self.wrap_up_min, WRAP_UP_MIN);
        let ended_min = problems.number("ended_min", &self.ended_min, ENDED_MIN);
        let retention_days =
            problems.number("retention_days", &self.retention_days, RETENTION_DAYS);
        let (chime, chime_volume) = problems.chime(&self.chime, &self.chime_volume);
        if problems.found.is_empty() {
            Ok(Settings {
                group_name: self.group_name.trim().to_string(),
                room: self.room.trim().to_string(),
                site: Some(self.site.trim().to_string()).filter(|s| !s.is_empty()),
                time_zone,
                language,
                text_size,
                early_window_min,
                wrap_up_min,
                ended_min,
                retention_days,
                script: script.trim().to_string(),
                chime,
                chime_volume,
                groups,
                slots,
            })
        } else {
            Err(problems.found)
        }
    }
}

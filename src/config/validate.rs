//! `validate()`: every problem in a settings file at once, each on its line (from the
//! spans `toml` keeps for each value).

use std::fmt;

use chrono::NaiveDate;
use chrono_tz::Tz;
use toml::Spanned;

use super::{
    Bounds, CHIME_VOLUME, CourseSetting, EARLY_WINDOW_MIN, ENDED_MIN, Group, RETENTION_DAYS,
    RawGroup, RawSettings, RawSlot, Settings, Topics, WRAP_UP_MIN,
};
use crate::domain::cue::Chime;
use crate::domain::lang::Lang;
use crate::domain::schedule::{Slot, parse_hhmm, parse_weekday, slot_problem};
use crate::domain::text_size::TextSize;

/// One thing wrong in the settings file, with the line it is on when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}, {}: {}", self.key, self.message),
            None => write!(f, "{}: {}", self.key, self.message),
        }
    }
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
    fn add<T>(&mut self, key: &str, value: &Spanned<T>, message: String) {
        self.found.push(Problem {
            key: key.into(),
            line: self.text.and_then(|t| line_at(t, &value.span())),
            message,
        });
    }

    fn number(&mut self, key: &str, value: &Spanned<i64>, bounds: Bounds) -> u32 {
        let n = *value.get_ref();
        match u32::try_from(n).ok().filter(|n| bounds.contains(*n)) {
            Some(n) => n,
            None => {
                let Bounds { min, max, unit } = bounds;
                self.add(
                    key,
                    value,
                    format!("{n} is out of range; use {min} to {max} {unit}"),
                );
                min
            }
        }
    }
}

const SCRIPT_HINT: &str = "give the name of a script set, like \"drop-in\" or \"check-in\"";
const TOPICS_HINT: &str = "give the name of a course, like \"eight-week\", or a list of topics";

/// "\"Drop-in group\", \"Eight-week course\"", to say which names a slot may use.
fn names_list(groups: &[Group]) -> String {
    groups
        .iter()
        .map(|g| format!("\"{}\"", g.name))
        .collect::<Vec<_>>()
        .join(", ")
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
                format!(
                    "\"{}\" is not a text size here; use \"normal\", \"large\" or \"largest\"",
                    value.get_ref()
                ),
            );
            TextSize::Normal
        })
    }

    /// The facilitator's chime: when it sounds and how loud.
    fn chime(&mut self, when: &Spanned<String>, volume: &Spanned<i64>) -> (Chime, u32) {
        let chime = Chime::from_key(when.get_ref().trim()).unwrap_or_else(|| {
            self.add(
                "chime",
                when,
                format!(
                    "\"{}\" is not a chime setting here; use \"off\", \"wrap_up\" or \"wrap_up_and_end\"",
                    when.get_ref()
                ),
            );
            Chime::Off
        });
        (chime, self.number("chime_volume", volume, CHIME_VOLUME))
    }

    /// A script or course name that must be a plain file name.
    fn set_name(&mut self, key: &str, value: &Spanned<String>, hint: &str) {
        if !is_file_name(value.get_ref()) {
            self.add(key, value, hint.into());
        }
    }

    /// One `[[group]]` table, checked; problems are noted and a usable group returned.
    fn group(&mut self, raw: &RawGroup, default_script: &str) -> Group {
        let name = raw.name.get_ref().trim().to_string();
        if name.is_empty() {
            self.add("name", &raw.name, "give the group a name".into());
        }
        let script = match &raw.script {
            Some(script) => {
                self.set_name("script", script, SCRIPT_HINT);
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
                    format!(
                        "\"{}\" is not a date; write it like 2026-10-06",
                        start.get_ref()
                    ),
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
                self.add("topics", topics, TOPICS_HINT.into());
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
            (Some(start), None) => self.add(
                "course_start",
                start,
                "a course needs topics too, like topics = \"eight-week\"".into(),
            ),
            (None, Some(topics)) => self.add(
                "topics",
                topics,
                "a course needs course_start too, like course_start = \"2026-10-06\"".into(),
            ),
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
                        format!(
                            "there is no group called \"{}\"; use one of: {}",
                            name.get_ref(),
                            names_list(groups)
                        ),
                    );
                }
                found
            }
            None if groups.len() == 1 => Some(0),
            None => {
                self.add(
                    "group",
                    &raw.weekday,
                    format!(
                        "this slot needs group = \"...\", one of: {}",
                        names_list(groups)
                    ),
                );
                None
            }
        };
        let weekday = parse_weekday(raw.weekday.get_ref());
        if weekday.is_none() {
            self.add(
                "weekday",
                &raw.weekday,
                format!(
                    "\"{}\" is not a weekday; use mon, tue, wed, thu, fri, sat or sun",
                    raw.weekday.get_ref()
                ),
            );
        }
        let start = parse_hhmm(raw.start.get_ref());
        if start.is_none() {
            self.add(
                "start",
                &raw.start,
                format!(
                    "\"{}\" is not a time; use HH:MM, like 13:30",
                    raw.start.get_ref()
                ),
            );
        }
        let end = parse_hhmm(raw.end.get_ref());
        if end.is_none() {
            self.add(
                "end",
                &raw.end,
                format!(
                    "\"{}\" is not a time; use HH:MM, like 14:30",
                    raw.end.get_ref()
                ),
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
            self.add("end", &raw.end, why.to_string());
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
                    format!(
                        "\"{}\" is not a known time zone; use a name like \"America/Los_Angeles\"",
                        self.time_zone.get_ref()
                    ),
                );
                chrono_tz::UTC
            });
        let language = Lang::from_code(self.language.get_ref().trim()).unwrap_or_else(|| {
            problems.add(
                "language",
                &self.language,
                format!(
                    "\"{}\" is not a language id; use one like \"en\", \"es\" or \"vi\"",
                    self.language.get_ref()
                ),
            );
            Lang::EN
        });
        let text_size = problems.text_size(&self.text_size);
        let script = self.script.get_ref();
        problems.set_name("script", &self.script, SCRIPT_HINT);
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
                    problems.add(
                        "name",
                        &raw.name,
                        format!(
                            "two groups are called \"{}\"; give each its own name",
                            group.name
                        ),
                    );
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

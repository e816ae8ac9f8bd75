//! `validate()`: every problem in a settings file at once, each on its line (from the
//! spans `toml` keeps for each value).

use std::fmt;

use chrono_tz::Tz;
use toml::Spanned;

use super::{
    Bounds, EARLY_WINDOW_MIN, ENDED_MIN, RETENTION_DAYS, RawSettings, Settings, WRAP_UP_MIN,
};
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
                    "\"{}\" is not a language here; use \"en\" or \"es\"",
                    self.language.get_ref()
                ),
            );
            Lang::En
        });
        let text_size = TextSize::from_key(self.text_size.get_ref().trim()).unwrap_or_else(|| {
            problems.add(
                "text_size",
                &self.text_size,
                format!(
                    "\"{}\" is not a text size here; use \"normal\", \"large\" or \"largest\"",
                    self.text_size.get_ref()
                ),
            );
            TextSize::Normal
        });
        let script = self.script.get_ref();
        if script.trim().is_empty() || script.contains(['/', '\\']) || script.starts_with('.') {
            problems.add(
                "script",
                &self.script,
                "give the name of a script set, like \"drop-in\" or \"check-in\"".into(),
            );
        }
        let mut slots: Vec<Slot> = Vec::new();
        for raw in &self.slots {
            let weekday = parse_weekday(raw.weekday.get_ref());
            if weekday.is_none() {
                problems.add(
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
                problems.add(
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
                problems.add(
                    "end",
                    &raw.end,
                    format!(
                        "\"{}\" is not a time; use HH:MM, like 14:30",
                        raw.end.get_ref()
                    ),
                );
            }
            let (Some(weekday), Some(start), Some(end)) = (weekday, start, end) else {
                continue;
            };
            let slot = Slot {
                weekday,
                start,
                end,
            };
            if let Some(why) = slot_problem(&slot, &slots) {
                problems.add("end", &raw.end, why.to_string());
                continue;
            }
            slots.push(slot);
        }
        let early_window_min =
            problems.number("early_window_min", &self.early_window_min, EARLY_WINDOW_MIN);
        let wrap_up_min = problems.number("wrap_up_min", &self.wrap_up_min, WRAP_UP_MIN);
        let ended_min = problems.number("ended_min", &self.ended_min, ENDED_MIN);
        let retention_days =
            problems.number("retention_days", &self.retention_days, RETENTION_DAYS);
        if problems.found.is_empty() {
            Ok(Settings {
                group_name: self.group_name.trim().to_string(),
                room: self.room.trim().to_string(),
                time_zone,
                language,
                text_size,
                early_window_min,
                wrap_up_min,
                ended_min,
                retention_days,
                script: script.trim().to_string(),
                slots,
            })
        } else {
            Err(problems.found)
        }
    }
}

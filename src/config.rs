//! Settings (`settings.toml`): serde with a default for every field, and a `validate()` that
//! reports every problem at once. A bad file never stops the kiosk; it is kept as it was.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::domain::lang::Lang;
use crate::domain::schedule::{
    Cancellation, Schedule, Slot, parse_hhmm, parse_weekday, weekday_key,
};
use crate::domain::timer::Windows;
use crate::error::SettingsError;
use crate::words::calendar::LangWords as _;

/// The settings file shipped in `assets/`, copied into the data folder on first run.
pub const DEFAULT_SETTINGS_TOML: &str = include_str!("../assets/settings.toml");

/// The settings file as written: plain strings and numbers, each with a default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawSettings {
    pub group_name: String,
    pub room: String,
    pub time_zone: String,
    pub language: String,
    pub early_window_min: i64,
    pub wrap_up_min: i64,
    pub ended_min: i64,
    pub retention_days: i64,
    pub script: String,
    #[serde(rename = "slot")]
    pub slots: Vec<RawSlot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSlot {
    pub weekday: String,
    pub start: String,
    pub end: String,
}

impl Default for RawSettings {
    fn default() -> Self {
        let slot = |day: &str| RawSlot {
            weekday: day.into(),
            start: "13:30".into(),
            end: "14:30".into(),
        };
        RawSettings {
            group_name: "Drop-in Group".into(),
            room: "Room 2".into(),
            time_zone: "America/Los_Angeles".into(),
            language: "en".into(),
            early_window_min: 30,
            wrap_up_min: 5,
            ended_min: 15,
            retention_days: 30,
            script: "drop-in".into(),
            slots: vec![slot("mon"), slot("wed"), slot("fri")],
        }
    }
}

/// Checked settings the rest of the program can rely on.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub group_name: String,
    pub room: String,
    pub time_zone: Tz,
    pub language: Lang,
    pub early_window_min: u32,
    pub wrap_up_min: u32,
    pub ended_min: u32,
    pub retention_days: u32,
    pub script: String,
    pub slots: Vec<Slot>,
}

impl Default for Settings {
    fn default() -> Self {
        match RawSettings::default().validate(None) {
            Ok(settings) => settings,
            Err(problems) => unreachable!("the built-in defaults are valid: {problems:?}"),
        }
    }
}

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

fn in_range(
    problems: &mut Vec<Problem>,
    text: Option<&str>,
    key: &str,
    value: i64,
    min: i64,
    max: i64,
    unit: &str,
) -> u32 {
    if (min..=max).contains(&value) {
        value as u32
    } else {
        problems.push(Problem {
            key: key.into(),
            line: text.and_then(|t| line_of(t, key, None)),
            message: format!("{value} is out of range; use {min} to {max} {unit}"),
        });
        min.max(0) as u32
    }
}

impl RawSettings {
    /// Checks every field and returns typed settings, or every problem found.
    /// `text` is the file the settings came from, used to name line numbers.
    pub fn validate(&self, text: Option<&str>) -> Result<Settings, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut problem = |key: &str, slot: Option<usize>, message: String| {
            problems.push(Problem {
                key: key.into(),
                line: text.and_then(|t| line_of(t, key, slot)),
                message,
            });
        };
        let time_zone = self.time_zone.trim().parse::<Tz>().unwrap_or_else(|_| {
            problem(
                "time_zone",
                None,
                format!(
                    "\"{}\" is not a known time zone; use a name like \"America/Los_Angeles\"",
                    self.time_zone
                ),
            );
            chrono_tz::UTC
        });
        let language = Lang::from_code(self.language.trim()).unwrap_or_else(|| {
            problem(
                "language",
                None,
                format!(
                    "\"{}\" is not a language here; use \"en\" or \"es\"",
                    self.language
                ),
            );
            Lang::En
        });
        if self.script.trim().is_empty()
            || self.script.contains(['/', '\\'])
            || self.script.starts_with('.')
        {
            problem(
                "script",
                None,
                "give the name of a script set, like \"drop-in\" or \"check-in\"".into(),
            );
        }
        let mut slots: Vec<Slot> = Vec::new();
        for (i, raw) in self.slots.iter().enumerate() {
            let weekday = parse_weekday(&raw.weekday);
            if weekday.is_none() {
                problem(
                    "weekday",
                    Some(i),
                    format!(
                        "\"{}\" is not a weekday; use mon, tue, wed, thu, fri, sat or sun",
                        raw.weekday
                    ),
                );
            }
            let start = parse_hhmm(&raw.start);
            if start.is_none() {
                problem(
                    "start",
                    Some(i),
                    format!("\"{}\" is not a time; use HH:MM, like 13:30", raw.start),
                );
            }
            let end = parse_hhmm(&raw.end);
            if end.is_none() {
                problem(
                    "end",
                    Some(i),
                    format!("\"{}\" is not a time; use HH:MM, like 14:30", raw.end),
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
                problem("end", Some(i), why.to_string());
                continue;
            }
            slots.push(slot);
        }
        let mut problems_out = problems;
        let p = &mut problems_out;
        let early_window_min = in_range(
            p,
            text,
            "early_window_min",
            self.early_window_min,
            0,
            240,
            "minutes",
        );
        let wrap_up_min = in_range(p, text, "wrap_up_min", self.wrap_up_min, 0, 60, "minutes");
        let ended_min = in_range(p, text, "ended_min", self.ended_min, 0, 240, "minutes");
        let retention_days = in_range(
            p,
            text,
            "retention_days",
            self.retention_days,
            1,
            3650,
            "days",
        );
        if problems_out.is_empty() {
            Ok(Settings {
                group_name: self.group_name.trim().to_string(),
                room: self.room.trim().to_string(),
                time_zone,
                language,
                early_window_min,
                wrap_up_min,
                ended_min,
                retention_days,
                script: self.script.trim().to_string(),
                slots,
            })
        } else {
            Err(problems_out)
        }
    }
}

/// Why a slot cannot join the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotProblem {
    /// Its end is not after its start.
    EndsBeforeStart(Slot),
    /// It overlaps another slot on the same day (the second one).
    Overlaps(Slot, Slot),
}

impl fmt::Display for SlotProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

/// Whether `slot` can join `others`: its end must follow its start, and it must not
/// overlap another slot on the same day.
pub fn slot_problem(slot: &Slot, others: &[Slot]) -> Option<SlotProblem> {
    if slot.end <= slot.start {
        return Some(SlotProblem::EndsBeforeStart(*slot));
    }
    others
        .iter()
        .find(|o| o.weekday == slot.weekday && o.start < slot.end && slot.start < o.end)
        .map(|o| SlotProblem::Overlaps(*slot, *o))
}

/// The line (1-based) where `key = ` is set; within the `slot`-th `[[slot]]` table if given.
fn line_of(text: &str, key: &str, slot: Option<usize>) -> Option<usize> {
    let mut tables_seen: Option<usize> = None;
    let mut in_other_table = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            if trimmed.starts_with("[[slot]]") {
                tables_seen = Some(tables_seen.map_or(0, |n| n + 1));
                in_other_table = false;
            } else {
                in_other_table = true;
            }
            continue;
        }
        let wanted_place = match slot {
            Some(n) => tables_seen == Some(n) && !in_other_table,
            None => tables_seen.is_none() && !in_other_table,
        };
        let is_key = trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if wanted_place && is_key {
            return Some(i + 1);
        }
    }
    None
}

impl Settings {
    pub fn windows(&self) -> Windows {
        Windows {
            early_window_min: self.early_window_min,
            wrap_up_min: self.wrap_up_min,
            ended_min: self.ended_min,
        }
    }

    pub fn schedule(&self, cancellations: Vec<Cancellation>) -> Schedule {
        Schedule::new(self.time_zone, self.slots.clone(), cancellations)
    }

    pub fn to_raw(&self) -> RawSettings {
        let hhmm = |t: NaiveTime| t.format("%H:%M").to_string();
        let mut slots = self.slots.clone();
        slots.sort_by_key(|s| (s.weekday.num_days_from_monday(), s.start));
        RawSettings {
            group_name: self.group_name.clone(),
            room: self.room.clone(),
            time_zone: self.time_zone.name().to_string(),
            language: self.language.code().to_string(),
            early_window_min: i64::from(self.early_window_min),
            wrap_up_min: i64::from(self.wrap_up_min),
            ended_min: i64::from(self.ended_min),
            retention_days: i64::from(self.retention_days),
            script: self.script.clone(),
            slots: slots
                .iter()
                .map(|s| RawSlot {
                    weekday: weekday_key(s.weekday).to_string(),
                    start: hhmm(s.start),
                    end: hhmm(s.end),
                })
                .collect(),
        }
    }

    /// The settings file text for these settings.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(&self.to_raw()).unwrap_or_default();
        format!(
            "# dropin-kiosk settings, saved from the staff area. You may also edit this by hand.\n\n{body}"
        )
    }
}

/// Reads settings text: either valid settings, or one plain message naming each wrong line.
pub fn parse(text: &str) -> Result<Settings, String> {
    let raw: RawSettings = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_string();
        // An unknown key is reported against its whole table; point at the key itself.
        let unknown = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next())
            .and_then(|key| {
                text.lines().position(|l| {
                    l.trim()
                        .strip_prefix(key)
                        .is_some_and(|rest| rest.trim_start().starts_with('='))
                })
            })
            .map(|i| i + 1);
        let line = unknown.or_else(|| {
            e.span().map(|span| {
                text.get(..span.start)
                    .map_or(0, |t| t.matches('\n').count())
                    + 1
            })
        });
        match line {
            Some(line) => format!("line {line}: {message}"),
            None => message,
        }
    })?;
    raw.validate(Some(text)).map_err(|problems| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// Settings as the kiosk runs on them, and what (if anything) was wrong with the file.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub settings: Settings,
    /// For staff: which line is wrong and what the kiosk is running on instead.
    pub problem: Option<String>,
}

/// Loads `path`. A good file is also copied to `last_good` (beside it) for next time.
/// A bad or unreadable file is never changed: the last good copy (or the defaults) is used
/// instead, and `problem` says exactly what is wrong.
pub fn load(path: &Path) -> Loaded {
    let last_good = last_good_path(path);
    let outcome = match std::fs::read_to_string(path) {
        Ok(text) => parse(&text).map(|settings| (settings, text)),
        Err(e) => Err(format!("could not be read ({e})")),
    };
    match outcome {
        Ok((settings, text)) => {
            if std::fs::read_to_string(&last_good).ok().as_deref() != Some(text.as_str()) {
                // Best effort: the copy only helps a later bad edit; failing it changes nothing now.
                let _ = crate::fs::replace(&last_good, text.as_bytes());
            }
            Loaded {
                settings,
                problem: None,
            }
        }
        Err(why) => {
            let fallback = std::fs::read_to_string(&last_good)
                .ok()
                .and_then(|text| parse(&text).ok());
            let (settings, running_on) = match fallback {
                Some(s) => (s, "the last good settings"),
                None => (Settings::default(), "the built-in settings"),
            };
            Loaded {
                settings,
                problem: Some(format!(
                    "{} has a problem, so the kiosk is running on {running_on}: {why}",
                    path.display()
                )),
            }
        }
    }
}

fn last_good_path(path: &Path) -> PathBuf {
    path.with_file_name(".settings.last-good.toml")
}

/// Saves settings so a power cut leaves either the old file or the new one, never half of one.
pub fn save(path: &Path, settings: &Settings) -> Result<(), SettingsError> {
    let text = settings.to_toml();
    crate::fs::replace(path, text.as_bytes())?;
    let _ = crate::fs::replace(&last_good_path(path), text.as_bytes());
    Ok(())
}

/// The first-run settings text: the shipped file with the machine's own time zone.
pub fn first_run_text(machine_zone: Option<&str>) -> String {
    let zone = machine_zone
        .filter(|z| z.parse::<Tz>().is_ok())
        .unwrap_or("UTC");
    DEFAULT_SETTINGS_TOML
        .lines()
        .map(|line| {
            if line.starts_with("time_zone") {
                format!("time_zone = \"{zone}\"")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_settings_are_the_documented_defaults() {
        let s = parse(DEFAULT_SETTINGS_TOML).unwrap();
        assert_eq!(s, Settings::default());
        assert_eq!(s.slots.len(), 3);
        assert_eq!(
            (s.early_window_min, s.wrap_up_min, s.ended_min),
            (30, 5, 15)
        );
        assert_eq!((s.retention_days, s.language), (30, Lang::En));
    }

    #[test]
    fn first_run_uses_the_machine_time_zone() {
        let s = parse(&first_run_text(Some("Europe/Madrid"))).unwrap();
        assert_eq!(s.time_zone, chrono_tz::Europe::Madrid);
        let s = parse(&first_run_text(Some("Not/AZone"))).unwrap();
        assert_eq!(s.time_zone, chrono_tz::UTC);
    }

    #[test]
    fn validate_reports_every_problem_with_its_line() {
        let text = "time_zone = \"Mars/Olympus\"\nlanguage = \"fr\"\nwrap_up_min = 500\n\n[[slot]]\nweekday = \"mon\"\nstart = \"13:30\"\nend = \"14:30\"\n\n[[slot]]\nweekday = \"funday\"\nstart = \"25:00\"\nend = \"14:30\"\n";
        let err = parse(text).unwrap_err();
        assert!(
            err.contains("line 1, time_zone: \"Mars/Olympus\" is not a known time zone"),
            "{err}"
        );
        assert!(err.contains("line 2, language"), "{err}");
        assert!(
            err.contains("line 3, wrap_up_min: 500 is out of range"),
            "{err}"
        );
        assert!(err.contains("line 11, weekday"), "{err}");
        assert!(err.contains("line 12, start"), "{err}");
    }

    #[test]
    fn overlapping_slots_and_backwards_times_are_refused() {
        let text = "[[slot]]\nweekday = \"mon\"\nstart = \"13:30\"\nend = \"14:30\"\n[[slot]]\nweekday = \"mon\"\nstart = \"14:00\"\nend = \"15:00\"\n[[slot]]\nweekday = \"tue\"\nstart = \"15:00\"\nend = \"14:00\"\n";
        let err = parse(text).unwrap_err();
        assert!(err.contains("overlaps"), "{err}");
        assert!(err.contains("not after its start"), "{err}");
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let err = parse("group_name = \"Open\nroom = 3\n").unwrap_err();
        assert!(err.starts_with("line 1"), "{err}");
        let err = parse("group_name = \"Open\"\nroom = = 3\n").unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
        let err = parse("group_name = \"A\"\nrooom = \"B\"\n").unwrap_err();
        assert!(err.starts_with("line 2") && err.contains("rooom"), "{err}");
    }

    #[test]
    fn a_malformed_file_runs_on_the_last_good_copy_and_is_kept_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "group_name = \"Open Door\"\n").unwrap();
        assert_eq!(load(&path).settings.group_name, "Open Door");
        let bad = "group_name = \"Open Door\"\nearly_window_min = \"soon\"\n";
        std::fs::write(&path, bad).unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.settings.group_name, "Open Door");
        let problem = loaded.problem.unwrap();
        assert!(
            problem.contains("line 2") && problem.contains("last good"),
            "{problem}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), bad);
    }

    #[test]
    fn a_malformed_file_with_no_good_copy_runs_on_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        std::fs::write(&path, "[[[").unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.settings, Settings::default());
        assert!(loaded.problem.unwrap().contains("built-in settings"));
    }

    #[test]
    fn saved_settings_read_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        let s = Settings {
            group_name: "Grupo \"Abierto\"".into(),
            language: Lang::Es,
            ..Settings::default()
        };
        save(&path, &s).unwrap();
        assert_eq!(load(&path).settings, s);
    }
}

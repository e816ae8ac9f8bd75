//! Settings (`settings.toml`): serde with a default for every field, and a `validate()` that
//! reports every problem at once. A bad file never stops the kiosk; it is kept as it was.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::domain::lang::Lang;
pub use crate::domain::schedule::SlotProblem;
use crate::domain::schedule::{
    Cancellation, Schedule, Slot, parse_hhmm, parse_weekday, slot_problem, weekday_key,
};
use crate::domain::timer::Windows;
use crate::error::SettingsError;

/// The settings file shipped in `assets/`, copied into the data folder on first run.
pub const DEFAULT_SETTINGS_TOML: &str = include_str!("../assets/settings.toml");

/// The values a whole-number setting may take, for the file and the staff form alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub min: u32,
    pub max: u32,
    /// Named in the problem a value outside these bounds gets.
    pub unit: &'static str,
}

impl Bounds {
    pub fn contains(self, value: u32) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

pub const EARLY_WINDOW_MIN: Bounds = Bounds {
    min: 0,
    max: 240,
    unit: "minutes",
};
pub const WRAP_UP_MIN: Bounds = Bounds {
    min: 0,
    max: 60,
    unit: "minutes",
};
pub const ENDED_MIN: Bounds = Bounds {
    min: 0,
    max: 240,
    unit: "minutes",
};
pub const RETENTION_DAYS: Bounds = Bounds {
    min: 1,
    max: 3650,
    unit: "days",
};

/// The settings file as written: plain strings and numbers, each with a default.
/// Every value `validate()` can refuse keeps its place in the file, to name its line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawSettings {
    pub group_name: String,
    pub room: String,
    pub time_zone: Spanned<String>,
    pub language: Spanned<String>,
    pub early_window_min: Spanned<i64>,
    pub wrap_up_min: Spanned<i64>,
    pub ended_min: Spanned<i64>,
    pub retention_days: Spanned<i64>,
    pub script: Spanned<String>,
    #[serde(rename = "slot")]
    pub slots: Vec<RawSlot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSlot {
    pub weekday: Spanned<String>,
    pub start: Spanned<String>,
    pub end: Spanned<String>,
}

/// A value that comes from no file (a default, or settings saved from the staff area).
fn unplaced<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

impl RawSlot {
    fn new(weekday: &str, start: &str, end: &str) -> RawSlot {
        RawSlot {
            weekday: unplaced(weekday.into()),
            start: unplaced(start.into()),
            end: unplaced(end.into()),
        }
    }
}

impl Default for RawSettings {
    fn default() -> Self {
        let slot = |day: &str| RawSlot::new(day, "13:30", "14:30");
        RawSettings {
            group_name: "Drop-in Group".into(),
            room: "Room 2".into(),
            time_zone: unplaced("America/Los_Angeles".into()),
            language: unplaced("en".into()),
            early_window_min: unplaced(30),
            wrap_up_min: unplaced(5),
            ended_min: unplaced(15),
            retention_days: unplaced(30),
            script: unplaced("drop-in".into()),
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

/// The line (1-based) of `text` that byte `offset` is on.
fn line_of_offset(text: &str, offset: usize) -> usize {
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
            time_zone: unplaced(self.time_zone.name().to_string()),
            language: unplaced(self.language.code().to_string()),
            early_window_min: unplaced(i64::from(self.early_window_min)),
            wrap_up_min: unplaced(i64::from(self.wrap_up_min)),
            ended_min: unplaced(i64::from(self.ended_min)),
            retention_days: unplaced(i64::from(self.retention_days)),
            script: unplaced(self.script.clone()),
            slots: slots
                .iter()
                .map(|s| RawSlot::new(weekday_key(s.weekday), &hhmm(s.start), &hhmm(s.end)))
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
        match e.span() {
            Some(span) => format!("line {}: {message}", line_of_offset(text, span.start)),
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
    fn a_line_is_named_however_the_file_is_laid_out() {
        let text = "slot = [\n  { weekday = \"mon\", start = \"13:30\", end = \"14:30\" },\n  { weekday = \"mon\", start = \"14:00\", end = \"9:00\" },\n]\nwrap_up_min=   75\n";
        let err = parse(text).unwrap_err();
        assert!(
            err.contains("line 3, end: the Monday group ends at 09:00"),
            "{err}"
        );
        assert!(
            err.contains("line 5, wrap_up_min: 75 is out of range; use 0 to 60 minutes"),
            "{err}"
        );
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

//! Settings (`settings.toml`): serde with a default for every field, and a `validate()` that
//! reports every problem at once. A bad file never stops the kiosk; it is kept as it was.

use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::domain::cue::Chime;
use crate::domain::lang::Lang;
use crate::domain::schedule::{Cancellation, Schedule, Slot, weekday_key};
use crate::domain::text_size::TextSize;
use crate::domain::timer::Windows;
use crate::error::{SettingsError, SettingsTextError};

pub mod course;
mod groups;
mod validate;

pub use groups::{CourseSetting, Group, RawGroup, Topics};
pub use validate::{Problem, Wrong};

/// The settings file shipped in `assets/`, copied into the data folder on first run.
pub const DEFAULT_SETTINGS_TOML: &str = include_str!("../../assets/settings.toml");

/// The values a whole-number setting may take, for the file and the staff form alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub min: u32,
    pub max: u32,
    /// Named in the problem a value outside these bounds gets.
    pub unit: Unit,
}

/// What a whole-number setting counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minutes,
    Days,
    Percent,
}

impl Unit {
    /// The unit as Fluent selects on it.
    pub fn key(self) -> &'static str {
        match self {
            Unit::Minutes => "minutes",
            Unit::Days => "days",
            Unit::Percent => "percent",
        }
    }
}

impl Bounds {
    pub fn contains(self, value: u32) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

pub const EARLY_WINDOW_MIN: Bounds = Bounds {
    min: 0,
    max: 240,
    unit: Unit::Minutes,
};
pub const WRAP_UP_MIN: Bounds = Bounds {
    min: 0,
    max: 60,
    unit: Unit::Minutes,
};
pub const ENDED_MIN: Bounds = Bounds {
    min: 0,
    max: 240,
    unit: Unit::Minutes,
};
pub const CHIME_VOLUME: Bounds = Bounds {
    min: 0,
    max: 100,
    unit: Unit::Percent,
};
pub const RETENTION_DAYS: Bounds = Bounds {
    min: 1,
    max: 3650,
    unit: Unit::Days,
};

/// The settings file as written: plain strings and numbers, each with a default.
/// Every value `validate()` can refuse keeps its place in the file, to name its line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawSettings {
    pub group_name: String,
    pub room: String,
    /// The site a counts copy names, for an agency's report across rooms; the room when
    /// left out.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub site: String,
    pub time_zone: Spanned<String>,
    pub language: Spanned<String>,
    /// The public screens' text size for each new person: normal, large or largest.
    pub text_size: Spanned<String>,
    pub early_window_min: Spanned<i64>,
    pub wrap_up_min: Spanned<i64>,
    pub ended_min: Spanned<i64>,
    pub retention_days: Spanned<i64>,
    pub script: Spanned<String>,
    /// The facilitator's chime: `off`, `wrap_up` or `wrap_up_and_end`; and how loud, 0–100.
    pub chime: Spanned<String>,
    pub chime_volume: Spanned<i64>,
    /// Several groups in one room; none means one group, from `group_name`, `room`, `script`.
    #[serde(rename = "group", skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<RawGroup>,
    #[serde(rename = "slot")]
    pub slots: Vec<RawSlot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSlot {
    pub weekday: Spanned<String>,
    pub start: Spanned<String>,
    pub end: Spanned<String>,
    /// The `name` of the `[[group]]` that meets then; may be left out when there is one group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Spanned<String>>,
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
            group: None,
        }
    }
}

impl Default for RawSettings {
    fn default() -> Self {
        let slot = |day: &str| RawSlot::new(day, "13:30", "14:30");
        RawSettings {
            group_name: "Drop-in Group".into(),
            room: "Room 2".into(),
            site: String::new(),
            time_zone: unplaced("America/Los_Angeles".into()),
            language: unplaced("en".into()),
            text_size: unplaced("normal".into()),
            early_window_min: unplaced(30),
            wrap_up_min: unplaced(5),
            ended_min: unplaced(15),
            retention_days: unplaced(30),
            script: unplaced("drop-in".into()),
            chime: unplaced("off".into()),
            chime_volume: unplaced(60),
            groups: Vec::new(),
            slots: vec![slot("mon"), slot("wed"), slot("fri")],
        }
    }
}

/// Checked settings the rest of the program can rely on.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub group_name: String,
    pub room: String,
    /// Set in the file; otherwise the site is the room (see `site_name`).
    pub site: Option<String>,
    pub time_zone: Tz,
    pub language: Lang,
    pub text_size: TextSize,
    pub early_window_min: u32,
    pub wrap_up_min: u32,
    pub ended_min: u32,
    pub retention_days: u32,
    pub script: String,
    pub chime: Chime,
    pub chime_volume: u32,
    /// Every slot's `group` is an index into this; never empty (a file with no `[[group]]`
    /// has one group, from `group_name`, `room` and `script`).
    pub groups: Vec<Group>,
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

impl Settings {
    pub fn windows(&self) -> Windows {
        Windows {
            early_window_min: self.early_window_min,
            wrap_up_min: self.wrap_up_min,
            ended_min: self.ended_min,
        }
    }

    /// The site a counts copy names: `site` when set, else the room.
    pub fn site_name(&self) -> &str {
        self.site.as_deref().unwrap_or(&self.room)
    }

    pub fn schedule(&self, cancellations: Vec<Cancellation>) -> Schedule {
        Schedule::new(self.time_zone, self.slots.clone(), cancellations)
    }

    pub fn to_raw(&self) -> RawSettings {
        let hhmm = |t: NaiveTime| t.format("%H:%M").to_string();
        let mut slots = self.slots.clone();
        slots.sort_by_key(|s| (s.weekday.num_days_from_monday(), s.start));
        let plain = self.is_one_plain_group();
        let groups = if plain {
            Vec::new()
        } else {
            self.groups
                .iter()
                .map(|g| RawGroup {
                    name: unplaced(g.name.clone()),
                    script: Some(unplaced(g.script.clone())),
                    room: g.room.clone(),
                    course_start: g
                        .course
                        .as_ref()
                        .map(|c| unplaced(c.start.format("%Y-%m-%d").to_string())),
                    topics: g.course.as_ref().map(|c| unplaced(c.topics.clone())),
                })
                .collect()
        };
        RawSettings {
            group_name: self.group_name.clone(),
            room: self.room.clone(),
            site: self.site.clone().unwrap_or_default(),
            time_zone: unplaced(self.time_zone.name().to_string()),
            language: unplaced(self.language.code().to_string()),
            text_size: unplaced(self.text_size.key().to_string()),
            early_window_min: unplaced(i64::from(self.early_window_min)),
            wrap_up_min: unplaced(i64::from(self.wrap_up_min)),
            ended_min: unplaced(i64::from(self.ended_min)),
            retention_days: unplaced(i64::from(self.retention_days)),
            script: unplaced(self.script.clone()),
            chime: unplaced(self.chime.key().to_string()),
            chime_volume: unplaced(i64::from(self.chime_volume)),
            groups,
            slots: slots
                .iter()
                .map(|s| RawSlot {
                    group: (!plain)
                        .then(|| self.groups.get(s.group))
                        .flatten()
                        .map(|g| unplaced(g.name.clone())),
                    ..RawSlot::new(weekday_key(s.weekday), &hhmm(s.start), &hhmm(s.end))
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

/// Reads settings text: either valid settings, or what is wrong, naming each wrong line.
pub fn parse(text: &str) -> Result<Settings, SettingsTextError> {
    let raw: RawSettings = toml::from_str(text).map_err(|e| SettingsTextError::Syntax {
        line: e
            .span()
            .map(|span| validate::line_of_offset(text, span.start)),
        message: e.message().trim().to_string(),
    })?;
    raw.validate(Some(text)).map_err(SettingsTextError::Rules)
}

/// Settings as the kiosk runs on them, and what (if anything) was wrong with the file.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub settings: Settings,
    /// For staff: which line is wrong and what the kiosk is running on instead.
    pub problem: Option<SettingsProblem>,
}

/// What staff are told about the settings, as values; `crate::words::settings` says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsProblem {
    /// What is wrong with the file, if anything.
    pub file: Option<FileProblem>,
    /// What the kiosk runs on instead of a bad file; none where nothing is run (`doctor`).
    pub running_on: Option<RunningOn>,
    /// A language the settings name that no language folder has: the kiosk shows English.
    pub missing_language: Option<Lang>,
}

/// Why `settings.toml` could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// It could not be read at all; the cause is technical, for staff.
    Unreadable { path: PathBuf, why: String },
    /// Its text is not valid settings.
    Invalid {
        path: PathBuf,
        error: SettingsTextError,
    },
}

/// The settings a kiosk runs on while its file has a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunningOn {
    LastGood,
    BuiltIn,
}

impl SettingsProblem {
    /// The problem with the file at `path`, as `doctor` finds it (nothing is run on).
    pub fn file(file: FileProblem) -> SettingsProblem {
        SettingsProblem {
            file: Some(file),
            running_on: None,
            missing_language: None,
        }
    }
}

/// Reads `path` as settings, or says why it cannot be used.
pub fn read(path: &Path) -> Result<(Settings, String), FileProblem> {
    let text = std::fs::read_to_string(path).map_err(|e| FileProblem::Unreadable {
        path: path.to_path_buf(),
        why: e.to_string(),
    })?;
    match parse(&text) {
        Ok(settings) => Ok((settings, text)),
        Err(error) => Err(FileProblem::Invalid {
            path: path.to_path_buf(),
            error,
        }),
    }
}

/// The language the settings at `path` name, for the terminal: English when they cannot be
/// read or are not valid (and so say nothing for sure).
pub fn language_at(path: &Path) -> Lang {
    read(path).map_or(Lang::EN, |(settings, _)| settings.language)
}

/// Loads `path`. A good file is also copied to `last_good` (beside it) for next time.
/// A bad or unreadable file is never changed: the last good copy (or the defaults) is used
/// instead, and `problem` says exactly what is wrong.
pub fn load(path: &Path) -> Loaded {
    let last_good = last_good_path(path);
    match read(path) {
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
        Err(file) => {
            let fallback = std::fs::read_to_string(&last_good)
                .ok()
                .and_then(|text| parse(&text).ok());
            let (settings, running_on) = match fallback {
                Some(s) => (s, RunningOn::LastGood),
                None => (Settings::default(), RunningOn::BuiltIn),
            };
            Loaded {
                settings,
                problem: Some(SettingsProblem {
                    file: Some(file),
                    running_on: Some(running_on),
                    missing_language: None,
                }),
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
mod tests;

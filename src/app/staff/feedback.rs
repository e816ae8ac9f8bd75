//! What a staff action came to, as values; the staff area says it in the kiosk's language.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime, Weekday};

use super::ExportPlace;
use crate::domain::schedule::SlotProblem;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feedback {
    PinSaved,
    SettingsSaved,
    ScriptSaved,
    ScriptChosen(String),
    Cancelled(NaiveDate, NaiveTime),
    Restored(NaiveDate, NaiveTime),
    ScheduleSaved,
    SuggestionRemoved,
    /// Typed words staff read and allowed onto the script screen.
    SuggestionAllowed,
    /// Typed words staff turned down, erased at once.
    SuggestionTurnedDown,
    Exported(PathBuf),
    /// The CSV file could not be written there; the cause is technical, for staff.
    ExportFailed(ExportPlace, String),
    /// A backup with no names was written here.
    CountsCopied(PathBuf),
    /// It could not be written to this drive; the cause is technical, for staff.
    CountsCopyFailed(PathBuf, String),
    DatesSwapped,
    DateShape,
    NoDatabase,
    SlotTimes(Weekday),
    /// A group with no name, or the same name twice.
    GroupName,
    /// A group cannot be removed while slots meet for it; its name.
    GroupInUse(String),
    /// A course start that is not a date, for the group named.
    CourseStart(String),
    Slot(SlotProblem),
    UnknownZone(String),
    OutOfRange {
        field: NumberField,
        min: u32,
        max: u32,
    },
    /// A settings rule broken, as `validate()` found it.
    Invalid(crate::config::Problem),
    /// Something could not be saved or read; the cause is technical, for staff.
    Failed(Failure, String),
}

impl Feedback {
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            Feedback::PinSaved
                | Feedback::SettingsSaved
                | Feedback::ScriptSaved
                | Feedback::ScriptChosen(_)
                | Feedback::Cancelled(..)
                | Feedback::Restored(..)
                | Feedback::ScheduleSaved
                | Feedback::SuggestionRemoved
                | Feedback::SuggestionAllowed
                | Feedback::SuggestionTurnedDown
                | Feedback::Exported(_)
                | Feedback::CountsCopied(_)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberField {
    EarlyWindow,
    WrapUp,
    Ended,
    Retention,
    ChimeVolume,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    Counts,
    Cancel,
    Restore,
    Script,
    Settings,
    Suggestion,
}

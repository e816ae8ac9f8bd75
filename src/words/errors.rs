//! Errors in words: each error that can reach a person is a Fluent message with its values,
//! said at the terminal in the settings' language; `Display` says it in English, for the log.

use std::fmt;
use std::path::Path;

use fluent_bundle::FluentValue;

use crate::chime::ChimeError;
use crate::commands::{CommandError, Reading};
use crate::error::{
    CourseError, DataDirError, LockError, PinFileError, SettingsError, SettingsTextError,
    StoreError, WindowError,
};
use crate::export::dhis2::MapError;
use crate::fs::WriteError;
use crate::locale::Tr;
use crate::report::ReportError;
use crate::report::sites::Period;
use crate::staff_pin::rules::Refusal;
use crate::store::{BackupProblem, CopyProblem};
use crate::words::calendar::ScheduleWords as _;

/// An error said as one sentence in the language of `tr`.
pub trait ErrorWords {
    fn words(&self, tr: &Tr<'_>) -> String;
}

/// What is wrong with a file, said with the file as its subject: "kiosk.db is damaged…".
pub trait FileProblemWords {
    fn about(&self, file: &str, tr: &Tr<'_>) -> String;
}

/// `Display` in English, from the English messages: for the log and `to_string()`.
macro_rules! said_in_english {
    ($($error:ty),* $(,)?) => {$(
        impl fmt::Display for $error {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.words(&crate::locale::english()))
            }
        }
    )*};
}

said_in_english!(
    StoreError,
    SettingsError,
    SettingsTextError,
    CourseError,
    DataDirError,
    LockError,
    PinFileError,
    WriteError,
    crate::fs::NotPrivate,
    ChimeError,
    WindowError,
    ReportError,
    CommandError,
);

/// A file problem's `Display` names the file plainly, as "the file".
macro_rules! about_the_file_in_english {
    ($($problem:ty),* $(,)?) => {$(
        impl fmt::Display for $problem {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let en = crate::locale::english();
                f.write_str(&self.about(&en.t("error-the-file"), &en))
            }
        }
    )*};
}

about_the_file_in_english!(BackupProblem, CopyProblem, MapError);

fn shown(path: &Path) -> FluentValue<'static> {
    path.display().to_string().into()
}

fn why(e: &impl ToString) -> FluentValue<'static> {
    e.to_string().into()
}

impl ErrorWords for StoreError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            StoreError::Open { path, source } => tr.a(
                "error-store-open",
                &[("path", shown(path)), ("why", why(source))],
            ),
            StoreError::Corrupt { path } => tr.a("error-store-corrupt", &[("path", shown(path))]),
            StoreError::ReadOnly => tr.t("error-store-read-only"),
            StoreError::TooNew(version) => {
                tr.a("error-store-too-new", &[("version", (*version).into())])
            }
            StoreError::Outdated => tr.t("error-store-outdated"),
            StoreError::Busy => tr.t("error-store-busy"),
            StoreError::Sqlite(e) => tr.a("error-store-failed", &[("why", why(e))]),
            StoreError::Migration(e) => tr.a("error-store-failed", &[("why", why(e))]),
        }
    }
}

impl ErrorWords for SettingsError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            SettingsError::Read { path, source } => tr.a(
                "error-file-unreadable",
                &[("path", shown(path)), ("why", why(source))],
            ),
            SettingsError::Write(e) => e.words(tr),
        }
    }
}

impl ErrorWords for SettingsTextError {
    fn words(&self, tr: &Tr<'_>) -> String {
        super::settings::text_error(self, tr)
    }
}

impl ErrorWords for CourseError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            // The TOML reader's own words.
            CourseError::Syntax(message) => message.clone(),
            CourseError::NoTopics => tr.t("error-course-no-topics"),
        }
    }
}

impl ErrorWords for DataDirError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            DataDirError::NoHome => tr.t("error-no-home"),
            DataDirError::Create { path, source } => tr.a(
                "error-data-folder-create",
                &[("path", shown(path)), ("why", why(source))],
            ),
        }
    }
}

impl ErrorWords for LockError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            LockError::AlreadyRunning(path) => {
                tr.a("error-already-running", &[("path", shown(path))])
            }
            LockError::Lock { path, source } => {
                tr.a("error-lock", &[("path", shown(path)), ("why", why(source))])
            }
        }
    }
}

impl ErrorWords for PinFileError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            PinFileError::Read { path, source } => tr.a(
                "error-pin-unreadable",
                &[("path", shown(path)), ("why", why(source))],
            ),
            PinFileError::Damaged { path } => tr.a("error-pin-damaged", &[("path", shown(path))]),
            PinFileError::Hash(e) => tr.a("error-pin-not-prepared", &[("why", why(e))]),
            PinFileError::Encode(e) => tr.a("error-pin-not-prepared", &[("why", why(e))]),
            PinFileError::Write(e) => e.words(tr),
        }
    }
}

impl ErrorWords for WriteError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            WriteError::Io { path, source } => tr.a(
                "error-not-written",
                &[("path", shown(path)), ("why", why(source))],
            ),
            WriteError::NoFreeName { path } => tr.a(
                "error-no-free-name",
                &[
                    ("path", shown(path)),
                    ("others", (crate::fs::MAX_NAMES - 1).into()),
                ],
            ),
        }
    }
}

impl ErrorWords for crate::fs::NotPrivate {
    fn words(&self, tr: &Tr<'_>) -> String {
        tr.a(
            "error-not-private",
            &[
                ("path", shown(&self.path)),
                ("why", self.why.as_str().into()),
            ],
        )
    }
}

impl ErrorWords for ChimeError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            ChimeError::NoDevice(cause) => {
                tr.a("error-no-sound-device", &[("why", cause.as_str().into())])
            }
        }
    }
}

impl ErrorWords for WindowError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            WindowError::Lock(e) => e.words(tr),
            WindowError::Window(cause) => {
                tr.a("error-no-window", &[("why", cause.as_str().into())])
            }
        }
    }
}

impl ErrorWords for ReportError {
    fn words(&self, tr: &Tr<'_>) -> String {
        match self {
            ReportError::DatesSwapped { from, to } => tr.a(
                "error-dates-swapped",
                &[
                    ("from", from.to_string().into()),
                    ("to", to.to_string().into()),
                ],
            ),
            ReportError::Store(e) => e.words(tr),
        }
    }
}

impl FileProblemWords for BackupProblem {
    fn about(&self, file: &str, tr: &Tr<'_>) -> String {
        let file: (&str, FluentValue<'_>) = ("file", file.into());
        match self {
            BackupProblem::NotADatabase => tr.a("backup-not-a-database", &[file]),
            BackupProblem::Damaged => tr.a("backup-damaged", &[file]),
            BackupProblem::Foreign => tr.a("backup-foreign", &[file]),
            BackupProblem::TooNew(version) => {
                tr.a("backup-too-new", &[file, ("version", (*version).into())])
            }
        }
    }
}

impl FileProblemWords for CopyProblem {
    fn about(&self, file: &str, tr: &Tr<'_>) -> String {
        let file: (&str, FluentValue<'_>) = ("file", file.into());
        match self {
            CopyProblem::NotACopy => tr.a("copy-not-a-copy", &[file]),
            CopyProblem::Damaged => tr.a("backup-damaged", &[file]),
            CopyProblem::HasNames => tr.a("copy-has-names", &[file]),
            CopyProblem::TooNew(version) => {
                tr.a("copy-too-new", &[file, ("version", (*version).into())])
            }
        }
    }
}

impl FileProblemWords for MapError {
    fn about(&self, file: &str, tr: &Tr<'_>) -> String {
        let file: (&str, FluentValue<'_>) = ("file", file.into());
        match self {
            MapError::Syntax { line, message } => tr.a(
                "map-syntax",
                &[
                    file,
                    ("line", (*line).into()),
                    ("why", message.as_str().into()),
                ],
            ),
            MapError::NoFigures => tr.a("map-no-figures", &[file]),
            MapError::NoOrgUnit(site) => {
                tr.a("map-no-org-unit", &[file, ("site", site.as_str().into())])
            }
        }
    }
}

/// `Monday 2026-11-23 at 13:30`: one occurrence of a group, as the command line names it.
pub fn occurrence(date: chrono::NaiveDate, start: chrono::NaiveTime, tr: &Tr<'_>) -> String {
    tr.a(
        "cli-occurrence",
        &[
            (
                "day",
                tr.weekday_long(chrono::Datelike::weekday(&date)).into(),
            ),
            ("date", date.to_string().into()),
            ("time", start.format("%H:%M").to_string().into()),
        ],
    )
}

/// `"Drop-in group", "Eight-week course"`: names, each quoted, in a list.
pub fn quoted(names: &[String], tr: &Tr<'_>) -> String {
    names
        .iter()
        .map(|n| tr.a("settings-quoted", &[("value", n.as_str().into())]))
        .collect::<Vec<_>>()
        .join(&tr.t("list-separator"))
}

impl ErrorWords for CommandError {
    #[expect(
        clippy::too_many_lines,
        reason = "a table: one arm per error, each its message and values"
    )]
    fn words(&self, tr: &Tr<'_>) -> String {
        let nothing_changed = |why: String| tr.a("cli-nothing-changed", &[("why", why.into())]);
        match self {
            CommandError::Store(e) => e.words(tr),
            CommandError::DataDir(e) => e.words(tr),
            CommandError::Settings(e) => e.words(tr),
            CommandError::SettingsFile(problem) => super::settings::problem(problem, tr),
            CommandError::Io(e) => tr.a("cli-export-not-written", &[("why", why(e))]),
            CommandError::Csv(e) => tr.a("cli-export-not-written", &[("why", why(e))]),
            CommandError::Write(e) => e.words(tr),
            CommandError::Pin(e) => e.words(tr),
            CommandError::Report(e) => e.words(tr),
            CommandError::Chime(e) => e.words(tr),
            CommandError::Window(e) => e.words(tr),
            CommandError::FutureSignIn(at) => {
                tr.a("cli-future-sign-in", &[("time", at.as_str().into())])
            }
            CommandError::NoSuchGroup { name, groups } => tr.a(
                "cli-no-such-group",
                &[
                    ("name", name.as_str().into()),
                    ("groups", quoted(groups, tr).into()),
                ],
            ),
            CommandError::NoGroupOn { date, schedule } => tr.a(
                "cli-no-group-on",
                &[
                    (
                        "day",
                        tr.weekday_long(chrono::Datelike::weekday(date)).into(),
                    ),
                    ("date", date.to_string().into()),
                    ("schedule", schedule.summary(tr).into()),
                ],
            ),
            CommandError::NoGroupStarts { date, start } => tr.a(
                "cli-no-group-starts",
                &[
                    ("time", start.format("%H:%M").to_string().into()),
                    (
                        "day",
                        tr.weekday_long(chrono::Datelike::weekday(date)).into(),
                    ),
                    ("date", date.to_string().into()),
                ],
            ),
            CommandError::ChecksFailed { failing, total } => tr.a(
                "cli-checks-failed",
                &[("failing", (*failing).into()), ("total", (*total).into())],
            ),
            CommandError::InputUnreadable {
                reading,
                why: cause,
            } => tr.a(
                "cli-input-unreadable",
                &[
                    (
                        "what",
                        match reading {
                            Reading::Pin => "pin",
                            Reading::Name => "name",
                        }
                        .into(),
                    ),
                    ("why", cause.as_str().into()),
                ],
            ),
            CommandError::PinNeedsTwoLines => tr.t("cli-pin-two-lines"),
            CommandError::PinRefused(refusal) => tr.t(match refusal {
                Refusal::NotFourToEight => "cli-pin-not-four-to-eight",
                Refusal::TooEasy => "cli-pin-too-easy",
                Refusal::Different => "cli-pin-different",
            }),
            CommandError::NameInputEmpty => tr.t("cli-name-input-empty"),
            CommandError::NameInputLines => tr.t("cli-name-input-lines"),
            CommandError::BackupRefused(problem) => tr.a(
                "cli-backup-refused",
                &[("why", problem.about(&tr.t("cli-the-backup"), tr).into())],
            ),
            CommandError::FileUnreadable { path, why: cause } => tr.a(
                "error-file-unreadable",
                &[("path", shown(path)), ("why", cause.as_str().into())],
            ),
            CommandError::RestoreUnreadable { path, why: cause } => nothing_changed(tr.a(
                "error-file-unreadable",
                &[("path", shown(path)), ("why", cause.as_str().into())],
            )),
            CommandError::RestoreRefused { path, problem } => {
                nothing_changed(problem.about(&path.display().to_string(), tr))
            }
            CommandError::RestoreWhileRunning(root) => {
                tr.a("cli-restore-while-running", &[("path", shown(root))])
            }
            CommandError::RestoreNotLocked(e) => nothing_changed(e.words(tr)),
            CommandError::RestoreNotMovedAside(cause) => tr.a(
                "cli-restore-not-moved-aside",
                &[("why", cause.as_str().into())],
            ),
            CommandError::RestoreNotReplaced { why: cause, kept } => tr.a(
                "cli-restore-not-replaced",
                &[("why", cause.words(tr).into()), ("path", shown(kept))],
            ),
            CommandError::NotACopy { path, problem } => {
                problem.about(&path.display().to_string(), tr)
            }
            CommandError::MapNeeded => tr.t("cli-map-needed"),
            CommandError::MapNotWanted => tr.t("cli-map-not-wanted"),
            CommandError::MapUnreadable { path, why: cause } => tr.a(
                "cli-map-unreadable",
                &[("path", shown(path)), ("why", cause.as_str().into())],
            ),
            CommandError::MapProblem { path, problem } => {
                problem.about(&tr.a("cli-the-map", &[("path", shown(path))]), tr)
            }
            CommandError::PeriodNeeded => tr.t("cli-dhis2-period-needed"),
            CommandError::PartPeriods(period) => tr.a(
                "cli-dhis2-whole-periods",
                &[(
                    "period",
                    match period {
                        Period::Month => "month",
                        Period::Quarter => "quarter",
                    }
                    .into(),
                )],
            ),
        }
    }
}

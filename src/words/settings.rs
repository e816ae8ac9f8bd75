//! What is wrong with `settings.toml`, in words: on the tablet in the staff area's language,
//! at the terminal in the settings' own (English when they cannot be read).

use fluent_bundle::FluentValue;

use crate::config::{FileProblem, Problem, RunningOn, SettingsProblem, Wrong};
use crate::error::SettingsTextError;
use crate::locale::Tr;

/// Everything staff are told about the settings, in one or two sentences.
pub fn problem(problem: &SettingsProblem, tr: &Tr<'_>) -> String {
    let file = problem.file.as_ref().map(|file| {
        let why = file_words(file, tr);
        let path = match file {
            FileProblem::Unreadable { path, .. } | FileProblem::Invalid { path, .. } => path,
        };
        let path = path.display().to_string();
        match problem.running_on {
            Some(running_on) => tr.a(
                "settings-file-running-on",
                &[
                    ("path", path.into()),
                    ("running", running_key(running_on).into()),
                    ("why", why.into()),
                ],
            ),
            None => tr.a(
                "settings-file-problem",
                &[("path", path.into()), ("why", why.into())],
            ),
        }
    });
    let language = problem.missing_language.map(|lang| {
        tr.a(
            "locale-unknown-language",
            &[("language", lang.code().into())],
        )
    });
    [file, language]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

fn running_key(running_on: RunningOn) -> &'static str {
    match running_on {
        RunningOn::LastGood => "last-good",
        RunningOn::BuiltIn => "built-in",
    }
}

/// Why the file cannot be used: it could not be read, or each of its problems.
fn file_words(file: &FileProblem, tr: &Tr<'_>) -> String {
    match file {
        FileProblem::Unreadable { why, .. } => {
            tr.a("settings-unreadable", &[("why", why.as_str().into())])
        }
        FileProblem::Invalid { error, .. } => text_error(error, tr),
    }
}

/// What is wrong with the text of the file: the TOML reader's words for a syntax error
/// (they are the `toml` crate's, in English), or every rule broken, each on its line.
pub fn text_error(error: &SettingsTextError, tr: &Tr<'_>) -> String {
    match error {
        SettingsTextError::Syntax { line, message } => match line {
            Some(line) => tr.a(
                "settings-syntax-at-line",
                &[("line", (*line).into()), ("why", message.as_str().into())],
            ),
            None => message.clone(),
        },
        SettingsTextError::Rules(problems) => problems
            .iter()
            .map(|p| placed(p, tr))
            .collect::<Vec<_>>()
            .join(&tr.t("settings-problem-separator")),
    }
}

/// One problem after its place in the file: `line 3, wrap_up_min: 500 is out of range; …`.
pub fn placed(problem: &Problem, tr: &Tr<'_>) -> String {
    let key = problem.key.as_str();
    let what = wrong(&problem.wrong, tr);
    match problem.line {
        Some(line) => tr.a(
            "settings-problem-at-line",
            &[
                ("line", line.into()),
                ("key", key.into()),
                ("problem", what.into()),
            ],
        ),
        None => tr.a(
            "settings-problem-at-key",
            &[("key", key.into()), ("problem", what.into())],
        ),
    }
}

/// What is wrong with one value, without its place.
pub fn wrong(wrong: &Wrong, tr: &Tr<'_>) -> String {
    let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let quoted = |names: &[String]| {
        names
            .iter()
            .map(|n| tr.a("settings-quoted", &[("value", n.as_str().into())]))
            .collect::<Vec<_>>()
            .join(&tr.t("list-separator"))
    };
    let value = |id: &str, v: &str| tr.a(id, &[("value", v.into())]);
    match wrong {
        Wrong::OutOfRange { value, bounds } => tr.a(
            "settings-out-of-range",
            &[
                ("value", FluentValue::from(*value)),
                ("min", bounds.min.into()),
                ("max", bounds.max.into()),
                ("unit", bounds.unit.key().into()),
            ],
        ),
        Wrong::NotATextSize(v) => value("settings-not-a-text-size", v),
        Wrong::NotAChime(v) => value("settings-not-a-chime", v),
        Wrong::NotAScriptName => tr.t("settings-not-a-script-name"),
        Wrong::NotTopics => tr.t("settings-not-topics"),
        Wrong::NoGroupName => tr.t("settings-no-group-name"),
        Wrong::SameGroupName(v) => value("settings-same-group-name", v),
        Wrong::NotADate(v) => value("settings-not-a-date", v),
        Wrong::CourseNeedsTopics => tr.t("settings-course-needs-topics"),
        Wrong::CourseNeedsStart => tr.t("settings-course-needs-start"),
        Wrong::NoSuchGroup { name, groups } => tr.a(
            "settings-no-such-group",
            &[
                ("value", name.as_str().into()),
                ("groups", quoted(groups).into()),
            ],
        ),
        Wrong::SlotNeedsGroup { groups } => tr.a(
            "settings-slot-needs-group",
            &[("groups", quoted(groups).into())],
        ),
        Wrong::NotAWeekday(v) => value("settings-not-a-weekday", v),
        Wrong::NotATime { value, example } => tr.a(
            "settings-not-a-time",
            &[
                ("value", value.as_str().into()),
                ("example", (*example).into()),
            ],
        ),
        Wrong::Slot(crate::domain::schedule::SlotProblem::EndsBeforeStart(slot)) => tr.a(
            "settings-slot-ends-before",
            &[
                ("day", tr.weekday_long(slot.weekday).into()),
                ("end", hhmm(slot.end).into()),
                ("start", hhmm(slot.start).into()),
            ],
        ),
        Wrong::Slot(crate::domain::schedule::SlotProblem::Overlaps(slot, other)) => tr.a(
            "settings-slot-overlaps",
            &[
                ("day", tr.weekday_long(slot.weekday).into()),
                ("start", hhmm(slot.start).into()),
                ("other", hhmm(other.start).into()),
            ],
        ),
        Wrong::UnknownZone(v) => value("settings-unknown-zone", v),
        Wrong::NotALanguage(v) => value("settings-not-a-language", v),
    }
}

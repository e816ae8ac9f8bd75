//! The staff area behind the PIN: one tab per section, any problem in plain words on top.

mod attendance;
mod export;
pub mod pin;
mod schedule;
mod script;
mod settings;

use egui::{RichText, Ui};

use crate::app::staff::{ExportPlace, Failure, Feedback, NumberField, StaffState};
use crate::app::{Action, Section, StaffAction, View};
use crate::domain::schedule::SlotProblem;
use crate::ui::{theme, widgets};
use crate::words::calendar::ScheduleWords as _;

pub fn staff_ui(ui: &mut Ui, view: &View<'_>, state: &mut StaffState, actions: &mut Vec<Action>) {
    let w = view.tr();
    if let (Section::Export, true, Some(qr)) = (state.section, state.qr_shown, &state.qr) {
        export::qr_view_ui(ui, view, qr, actions);
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for section in Section::ALL {
            if widgets::tab_button(ui, &w.t(section_id(section)), state.section == section)
                .clicked()
            {
                actions.push(Action::Staff(StaffAction::Open(section)));
            }
        }
        if widgets::tab_button(ui, &w.t("staff-lock"), false).clicked() {
            actions.push(Action::GoHome);
        }
    });
    if let Some(problem) = view.settings_problem {
        let text = crate::words::settings::problem(problem, &w);
        banner(ui, &text, theme::WARNING, theme::TEXT);
    }
    for problem in view.locales.problems() {
        banner(
            ui,
            &crate::locale::problem_words(problem, &w),
            theme::WARNING,
            theme::TEXT,
        );
    }
    if let Some(problem) = view.store_problem {
        let text = crate::ui::text::store_problem(problem, &w);
        banner(ui, &text, theme::WARNING, theme::TEXT);
    }
    for until in view.damaged_until {
        let date = until.with_timezone(&view.schedule.tz).date_naive();
        let day = w.weekday_long(chrono::Datelike::weekday(&date));
        let text = w.a(
            "staff-damaged-copy-kept",
            &[("date", format!("{day} {date}").into())],
        );
        ui.label(
            RichText::new(text)
                .size(theme::sizes(ui.ctx()).body())
                .color(theme::TEXT),
        );
    }
    if let Some(feedback) = &state.feedback {
        let text = feedback_words(view, feedback);
        if feedback.is_problem() {
            banner(ui, &text, theme::NOTICE, theme::NOTICE_TEXT);
        } else {
            ui.label(
                RichText::new(text)
                    .size(theme::sizes(ui.ctx()).body())
                    .color(theme::TEXT),
            );
        }
    }
    ui.separator();
    // Every section can be reached on any screen: whatever does not fit scrolls.
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| match state.section {
            Section::Attendance => attendance::attendance_ui(ui, view, state, actions),
            Section::Export => export::export_ui(ui, view, state, actions),
            Section::Schedule => schedule::schedule_ui(ui, view, state, actions),
            Section::Script => script::script_ui(ui, view, state, actions),
            Section::Settings => settings::settings_ui(ui, view, state, actions),
            Section::TodaysNames => {
                ui.label(
                    RichText::new(w.t("staff-names-today"))
                        .size(theme::sizes(ui.ctx()).body())
                        .strong(),
                );
                if state.todays_names.is_empty() {
                    ui.label(w.t("staff-names-none"));
                }
                ui.vertical(|ui| {
                    for (time, name) in &state.todays_names {
                        ui.label(format!("{time}   {name}"));
                    }
                });
            }
            Section::Quit => {
                ui.label(
                    RichText::new(w.t("staff-quit-explain")).size(theme::sizes(ui.ctx()).body()),
                );
                let quit = widgets::filled_button(
                    ui,
                    &w.t("staff-quit-now"),
                    theme::sizes(ui.ctx()).big_button_text(),
                    (theme::WARNING, theme::TEXT),
                    egui::vec2(480.0, theme::sizes(ui.ctx()).touch() * 1.5),
                );
                if quit.clicked() {
                    actions.push(Action::Quit);
                }
            }
        });
}

/// The message naming a section on its tab.
fn section_id(section: Section) -> &'static str {
    match section {
        Section::Attendance => "staff-section-attendance",
        Section::Export => "staff-section-export",
        Section::Schedule => "staff-section-schedule",
        Section::Script => "staff-section-script",
        Section::Settings => "staff-section-settings",
        Section::TodaysNames => "staff-section-names",
        Section::Quit => "staff-section-quit",
    }
}

/// What a staff action came to, in one sentence in the kiosk's language.
#[expect(
    clippy::too_many_lines,
    reason = "a table: one arm per feedback, each its message and arguments"
)]
fn feedback_words(view: &View<'_>, feedback: &Feedback) -> String {
    let w = view.tr();
    let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let when = |date: chrono::NaiveDate, start: chrono::NaiveTime| {
        format!(
            "{} {date} {}",
            w.weekday_long(chrono::Datelike::weekday(&date)),
            w.time(start)
        )
    };
    let path = |p: &std::path::Path| p.display().to_string();
    match feedback {
        Feedback::PinSaved => w.t("staff-pin-saved"),
        Feedback::SettingsSaved => w.t("staff-settings-saved"),
        Feedback::ScriptSaved => w.t("staff-script-saved"),
        Feedback::ScriptChosen(name) => {
            w.a("staff-script-chosen", &[("name", name.as_str().into())])
        }
        Feedback::Cancelled(date, start) => w.a(
            "staff-session-cancelled",
            &[("when", when(*date, *start).into())],
        ),
        Feedback::Restored(date, start) => w.a(
            "staff-session-restored",
            &[("when", when(*date, *start).into())],
        ),
        Feedback::ScheduleSaved => w.a(
            "staff-schedule-saved",
            &[("summary", view.schedule.summary(&w).into())],
        ),
        Feedback::Exported(p) => w.a("staff-exported", &[("path", path(p).into())]),
        Feedback::ExportFailed(place, why) => {
            let place = match place {
                ExportPlace::Drive(mount) => crate::export::destination::label(mount),
                ExportPlace::Tablet => w.t("staff-this-tablet"),
            };
            w.a(
                "staff-export-failed",
                &[("place", place.into()), ("why", why.as_str().into())],
            )
        }
        Feedback::CountsCopied(p) => w.a("staff-counts-copied", &[("path", path(p).into())]),
        Feedback::CountsCopyFailed(drive, why) => w.a(
            "staff-counts-copy-failed",
            &[
                ("drive", crate::export::destination::label(drive).into()),
                ("why", why.as_str().into()),
            ],
        ),
        Feedback::DatesSwapped => w.t("staff-dates-swapped"),
        Feedback::DateShape => w.t("staff-date-shape"),
        Feedback::NoDatabase => w.t("staff-no-database"),
        Feedback::SlotTimes(day) => {
            w.a("staff-slot-times", &[("day", w.weekday_long(*day).into())])
        }
        Feedback::Slot(SlotProblem::EndsBeforeStart(slot)) => w.a(
            "staff-slot-ends-before",
            &[
                ("day", w.weekday_long(slot.weekday).into()),
                ("end", hhmm(slot.end).into()),
                ("start", hhmm(slot.start).into()),
            ],
        ),
        Feedback::Slot(SlotProblem::Overlaps(slot, other)) => w.a(
            "staff-slot-overlaps",
            &[
                ("day", w.weekday_long(slot.weekday).into()),
                ("start", hhmm(slot.start).into()),
                ("other", hhmm(other.start).into()),
            ],
        ),
        Feedback::UnknownZone(zone) => w.a("staff-unknown-zone", &[("zone", zone.as_str().into())]),
        Feedback::OutOfRange { field, min, max } => {
            let name = w.t(match field {
                NumberField::EarlyWindow => "staff-field-early-window",
                NumberField::WrapUp => "staff-field-wrap-up",
                NumberField::Ended => "staff-field-ended",
                NumberField::Retention => "staff-field-retention",
                NumberField::ChimeVolume => "chime-volume",
            });
            w.a(
                "staff-out-of-range",
                &[
                    ("field", name.into()),
                    ("min", (*min).into()),
                    ("max", (*max).into()),
                ],
            )
        }
        Feedback::SuggestionRemoved => w.t("groups-suggestion-removed"),
        Feedback::SuggestionAllowed => w.t("groups-suggestion-allowed"),
        Feedback::SuggestionTurnedDown => w.t("groups-suggestion-turned-down"),
        Feedback::GroupName => w.t("groups-group-name-problem"),
        Feedback::GroupInUse(name) => {
            w.a("groups-group-in-use", &[("group", name.as_str().into())])
        }
        Feedback::CourseStart(name) => w.a(
            "groups-course-start-problem",
            &[("group", name.as_str().into())],
        ),
        Feedback::Invalid(problem) => w.a(
            "staff-settings-invalid",
            &[
                ("key", problem.key.as_str().into()),
                (
                    "problem",
                    crate::words::settings::wrong(&problem.wrong, &w).into(),
                ),
            ],
        ),
        Feedback::Failed(what, why) => {
            let what = w.t(match what {
                Failure::Counts => "staff-failure-counts",
                Failure::Cancel => "staff-failure-cancel",
                Failure::Restore => "staff-failure-restore",
                Failure::Script => "staff-failure-script",
                Failure::Settings => "staff-failure-settings",
                Failure::Suggestion => "groups-suggestion-failed",
            });
            w.a(
                "staff-failed",
                &[("what", what.into()), ("why", why.as_str().into())],
            )
        }
    }
}

fn banner(ui: &mut Ui, text: &str, fill: egui::Color32, color: egui::Color32) {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(theme::CORNER)
        .inner_margin(egui::Margin::symmetric(16, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(text)
                    .size(theme::sizes(ui.ctx()).small())
                    .color(color),
            );
        });
}

/// A labelled one-line text field, `width` design points wide; the label names the field
/// for screen readers and tests.
pub(crate) fn field(ui: &mut Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    let s = theme::sizes(ui.ctx());
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(label).size(s.small()));
        ui.add(
            egui::TextEdit::singleline(text)
                .font(theme::font(s.small()))
                .desired_width(s.px(width))
                .margin(egui::vec2(s.px(10.0), s.px(14.0))),
        )
        .labelled_by(label.id)
    })
    .inner
}

/// The date range row shared by attendance and export.
pub(crate) fn range_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut StaffState,
    actions: &mut Vec<Action>,
) {
    use crate::app::staff::QuickRange;
    let w = view.tr();
    ui.horizontal_wrapped(|ui| {
        for (which, label) in [
            (QuickRange::LastFourWeeks, &w.t("staff-last-four-weeks")),
            (QuickRange::ThisMonth, &w.t("staff-this-month")),
            (QuickRange::LastMonth, &w.t("staff-last-month")),
            (QuickRange::ThisYear, &w.t("staff-this-year")),
        ] {
            if widgets::tab_button(ui, label, false).clicked() {
                actions.push(Action::Staff(StaffAction::QuickRange(which)));
            }
        }
    });
    // A labelled field is a group egui cannot measure before placing, so the dates get
    // their own row rather than running off the side.
    ui.horizontal_wrapped(|ui| {
        field(ui, &w.t("staff-from"), &mut state.from_text, 150.0);
        field(ui, &w.t("staff-to"), &mut state.to_text, 150.0);
        if widgets::tab_button(ui, &w.t("staff-show"), false).clicked() {
            actions.push(Action::Staff(StaffAction::ApplyRange));
        }
    });
}

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
use crate::ui::text::{group_words, staff_words};
use crate::ui::{theme, widgets};
use crate::words::calendar::{LangWords as _, ScheduleWords as _};

pub fn staff_ui(ui: &mut Ui, view: &View<'_>, state: &mut StaffState, actions: &mut Vec<Action>) {
    let w = staff_words(view.lang);
    if let (Section::Export, true, Some(qr)) = (state.section, state.qr_shown, &state.qr) {
        export::qr_view_ui(ui, view, qr, actions);
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for (section, label) in Section::ALL.iter().zip(w.sections) {
            if widgets::tab_button(ui, label, state.section == *section).clicked() {
                actions.push(Action::Staff(StaffAction::Open(*section)));
            }
        }
        if widgets::tab_button(ui, w.lock, false).clicked() {
            actions.push(Action::GoHome);
        }
    });
    if let Some(problem) = view.settings_problem {
        banner(ui, problem, theme::WARNING, theme::TEXT);
    }
    if let Some(problem) = view.store_problem {
        let text = crate::ui::text::store_problem(problem, view.lang);
        banner(ui, &text, theme::WARNING, theme::TEXT);
    }
    for until in view.damaged_until {
        let date = until.with_timezone(&view.schedule.tz).date_naive();
        let day = view.lang.weekday_long(chrono::Datelike::weekday(&date));
        let text = w
            .damaged_copy_kept
            .replace("{date}", &format!("{day} {date}"));
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
                    RichText::new(w.names_today)
                        .size(theme::sizes(ui.ctx()).body())
                        .strong(),
                );
                if state.todays_names.is_empty() {
                    ui.label(w.names_none);
                }
                ui.vertical(|ui| {
                    for (time, name) in &state.todays_names {
                        ui.label(format!("{time}   {name}"));
                    }
                });
            }
            Section::Quit => {
                ui.label(RichText::new(w.quit_explain).size(theme::sizes(ui.ctx()).body()));
                let quit = widgets::filled_button(
                    ui,
                    w.quit_now,
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

/// What a staff action came to, in one sentence in the kiosk's language.
fn feedback_words(view: &View<'_>, feedback: &Feedback) -> String {
    let w = staff_words(view.lang);
    let g = group_words(view.lang);
    let lang = view.lang;
    let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let when = |date: chrono::NaiveDate, start: chrono::NaiveTime| {
        format!(
            "{} {date} {}",
            lang.weekday_long(chrono::Datelike::weekday(&date)),
            lang.time(start)
        )
    };
    match feedback {
        Feedback::PinSaved => w.pin_saved.to_string(),
        Feedback::SettingsSaved => w.settings_saved.to_string(),
        Feedback::ScriptSaved => w.script_saved.to_string(),
        Feedback::ScriptChosen(name) => w.script_chosen.replace("{name}", name),
        Feedback::Cancelled(date, start) => {
            w.session_cancelled.replace("{when}", &when(*date, *start))
        }
        Feedback::Restored(date, start) => {
            w.session_restored.replace("{when}", &when(*date, *start))
        }
        Feedback::ScheduleSaved => w
            .schedule_saved
            .replace("{summary}", &view.schedule.summary(lang)),
        Feedback::Exported(path) => w.exported.replace("{path}", &path.display().to_string()),
        Feedback::ExportFailed(place, why) => {
            let place = match place {
                ExportPlace::Drive(mount) => crate::export::destination::label(mount),
                ExportPlace::Tablet => w.this_tablet.to_string(),
            };
            w.export_failed
                .replace("{place}", &place)
                .replace("{why}", why)
        }
        Feedback::CountsCopied(path) => w
            .counts_copied
            .replace("{path}", &path.display().to_string()),
        Feedback::CountsCopyFailed(drive, why) => w
            .counts_copy_failed
            .replace("{drive}", &crate::export::destination::label(drive))
            .replace("{why}", why),
        Feedback::DatesSwapped => w.dates_swapped.to_string(),
        Feedback::DateShape => w.date_shape.to_string(),
        Feedback::NoDatabase => w.no_database.to_string(),
        Feedback::SlotTimes(day) => w.slot_times.replace("{day}", lang.weekday_long(*day)),
        Feedback::Slot(SlotProblem::EndsBeforeStart(slot)) => w
            .slot_ends_before
            .replace("{day}", lang.weekday_long(slot.weekday))
            .replace("{end}", &hhmm(slot.end))
            .replace("{start}", &hhmm(slot.start)),
        Feedback::Slot(SlotProblem::Overlaps(slot, other)) => w
            .slot_overlaps
            .replace("{day}", lang.weekday_long(slot.weekday))
            .replace("{start}", &hhmm(slot.start))
            .replace("{other}", &hhmm(other.start)),
        Feedback::UnknownZone(zone) => w.unknown_zone.replace("{zone}", zone),
        Feedback::OutOfRange { field, min, max } => {
            let name = match field {
                NumberField::EarlyWindow => w.number_fields[0],
                NumberField::WrapUp => w.number_fields[1],
                NumberField::Ended => w.number_fields[2],
                NumberField::Retention => w.number_fields[3],
                NumberField::ChimeVolume => crate::words::cue::chime_volume(lang),
            };
            w.out_of_range
                .replace("{field}", name)
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string())
        }
        Feedback::SuggestionRemoved => g.suggestion_removed.to_string(),
        Feedback::SuggestionAllowed => g.suggestion_allowed.to_string(),
        Feedback::SuggestionTurnedDown => g.suggestion_turned_down.to_string(),
        Feedback::GroupName => g.group_name_problem.to_string(),
        Feedback::GroupInUse(name) => g.group_in_use.replace("{group}", name),
        Feedback::CourseStart(name) => g.course_start_problem.replace("{group}", name),
        Feedback::Invalid { key, message } => format!("{key}: {message}."),
        Feedback::Failed(what, why) => {
            let what = match what {
                Failure::Counts => w.failures[0],
                Failure::Cancel => w.failures[1],
                Failure::Restore => w.failures[2],
                Failure::Script => w.failures[3],
                Failure::Settings => w.failures[4],
                Failure::Suggestion => g.suggestion_failed,
            };
            format!("{what}: {why}.")
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
    let w = staff_words(view.lang);
    ui.horizontal_wrapped(|ui| {
        for (which, label) in [
            (QuickRange::LastFourWeeks, w.last_four_weeks),
            (QuickRange::ThisMonth, w.this_month),
            (QuickRange::LastMonth, w.last_month),
            (QuickRange::ThisYear, w.this_year),
        ] {
            if widgets::tab_button(ui, label, false).clicked() {
                actions.push(Action::Staff(StaffAction::QuickRange(which)));
            }
        }
    });
    // A labelled field is a group egui cannot measure before placing, so the dates get
    // their own row rather than running off the side.
    ui.horizontal_wrapped(|ui| {
        field(ui, w.from, &mut state.from_text, 150.0);
        field(ui, w.to, &mut state.to_text, 150.0);
        if widgets::tab_button(ui, w.show, false).clicked() {
            actions.push(Action::Staff(StaffAction::ApplyRange));
        }
    });
}

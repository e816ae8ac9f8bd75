//! Schedule: weekly slots, the time zone, and cancelling or restoring upcoming sessions.

use chrono::{Duration, Weekday};
use egui::{RichText, Ui};

use super::field;
use crate::app::staff::{GroupDraft, StaffState};
use crate::app::{Action, StaffAction, View};
use crate::config::Topics;
use crate::ui::{theme, widgets};

const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

pub fn schedule_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut StaffState,
    actions: &mut Vec<Action>,
) {
    ui.vertical(|ui| {
        groups_ui(ui, view, state, actions);
        weekly_times_ui(ui, view, state, actions);
        ui.separator();
        upcoming_ui(ui, view, state, actions);
    });
}

/// The weekly times, each with its group, day and hours, then the time zone and Save.
fn weekly_times_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut StaffState,
    actions: &mut Vec<Action>,
) {
    let w = view.tr();
    let g = view.tr();
    ui.label(
        RichText::new(w.t("staff-weekly-times"))
            .size(theme::sizes(ui.ctx()).body())
            .strong(),
    );
    let names: Vec<String> = state.groups.iter().map(|d| d.name.clone()).collect();
    for (i, slot) in state.slots.iter_mut().enumerate() {
        if names.len() > 1 {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{} {}", &g.t("groups-slot-group"), i + 1))
                        .size(theme::SMALL_SIZE),
                );
                for (k, name) in names.iter().enumerate() {
                    let label = format!("{} {}: {name}", &g.t("groups-slot-group"), i + 1);
                    if widgets::tab_button(ui, &label, slot.group == k).clicked() {
                        slot.group = k;
                    }
                }
            });
        }
        ui.horizontal(|ui| {
            for day in DAYS {
                let label = view.tr().weekday_short(day);
                let chosen = slot.weekday == day;
                let button =
                    egui::Button::new(RichText::new(label).size(theme::sizes(ui.ctx()).small()))
                        .selected(chosen)
                        .stroke(if chosen {
                            egui::Stroke::new(3.0, theme::NOTICE)
                        } else {
                            egui::Stroke::NONE
                        })
                        .min_size(egui::vec2(
                            theme::sizes(ui.ctx()).touch(),
                            theme::sizes(ui.ctx()).touch(),
                        ));
                if ui.add(button).clicked() {
                    slot.weekday = day;
                }
            }
            field(
                ui,
                &format!("{} {}", &w.t("staff-from"), i + 1),
                &mut slot.start,
                90.0,
            );
            field(
                ui,
                &format!("{} {}", &w.t("staff-to"), i + 1),
                &mut slot.end,
                90.0,
            );
            if widgets::tab_button(ui, &format!("{} {}", &w.t("staff-remove"), i + 1), false)
                .clicked()
            {
                actions.push(Action::Staff(StaffAction::RemoveSlot(i)));
            }
        });
    }
    if widgets::quiet_button(ui, &w.t("staff-add-slot")).clicked() {
        actions.push(Action::Staff(StaffAction::AddSlot));
    }
    ui.horizontal(|ui| {
        field(ui, &w.t("staff-time-zone"), &mut state.zone, 320.0);
        field(ui, &w.t("staff-search-zone"), &mut state.zone_search, 240.0);
    });
    let search = state.zone_search.trim().to_lowercase();
    if search.len() >= 2 {
        ui.horizontal_wrapped(|ui| {
            for tz in chrono_tz::TZ_VARIANTS
                .iter()
                .filter(|tz| tz.name().to_lowercase().contains(&search))
                .take(8)
            {
                if widgets::quiet_button(ui, tz.name()).clicked() {
                    state.zone = tz.name().to_string();
                    state.zone_search.clear();
                }
            }
        });
    }
    if widgets::big_button(
        ui,
        &w.t("staff-save-schedule"),
        egui::vec2(420.0, theme::sizes(ui.ctx()).touch() * 1.25),
    )
    .clicked()
    {
        actions.push(Action::Staff(StaffAction::SaveSchedule));
    }
}

/// The next four weeks' meetings, each with its note and Cancel, or Restore once cancelled.
fn upcoming_ui(ui: &mut Ui, view: &View<'_>, state: &mut StaffState, actions: &mut Vec<Action>) {
    let w = view.tr();
    ui.label(
        RichText::new(w.t("staff-upcoming-sessions"))
            .size(theme::sizes(ui.ctx()).body())
            .strong(),
    );
    let today = view.schedule.local_date(view.now);
    for occ in view
        .schedule
        .occurrences_between(today, today + Duration::days(27))
        .into_iter()
        .filter(|o| o.end > view.now)
    {
        ui.horizontal(|ui| {
            let when = format!(
                "{} {} {}",
                view.tr().weekday_short(occ.slot.weekday),
                occ.date,
                view.tr().time(occ.slot.start)
            );
            let short = format!(
                "{} {}",
                view.tr().weekday_short(occ.slot.weekday),
                occ.date.format("%d/%m")
            );
            let when_label = ui.add_sized(
                egui::vec2(280.0, theme::sizes(ui.ctx()).touch()),
                egui::Label::new(RichText::new(&when).size(theme::sizes(ui.ctx()).small())),
            );
            let key = (occ.date, occ.slot.start);
            let sizes = theme::sizes(ui.ctx());
            let small = |text: String| {
                egui::Button::new(RichText::new(text).size(sizes.small()))
                    .min_size(egui::vec2(sizes.touch() * 2.0, sizes.touch()))
            };
            match &occ.cancelled {
                Some(note) => {
                    ui.label(
                        RichText::new(format!("{} — {note}", &w.t("staff-cancelled")))
                            .size(theme::sizes(ui.ctx()).small())
                            .color(theme::NOTICE),
                    );
                    if ui
                        .add(small(format!("{} {short}", &w.t("staff-restore-session"))))
                        .clicked()
                    {
                        actions.push(Action::Staff(StaffAction::Restore {
                            date: occ.date,
                            start: occ.slot.start,
                        }));
                    }
                }
                None => {
                    let note = state.notes.entry(key).or_default();
                    ui.add(
                        egui::TextEdit::singleline(note)
                            .hint_text(w.t("staff-public-note"))
                            .font(theme::font(theme::sizes(ui.ctx()).small()))
                            .desired_width(theme::sizes(ui.ctx()).px(360.0))
                            .margin(egui::vec2(10.0, 14.0)),
                    )
                    .labelled_by(when_label.id);
                    if ui
                        .add(small(format!("{} {short}", &w.t("staff-cancel-session"))))
                        .clicked()
                    {
                        actions.push(Action::Staff(StaffAction::Cancel {
                            date: occ.date,
                            start: occ.slot.start,
                        }));
                    }
                }
            }
        });
    }
}

/// Each group: its name, room, script set and, for a course, the first meeting and topics.
fn groups_ui(ui: &mut Ui, view: &View<'_>, state: &mut StaffState, actions: &mut Vec<Action>) {
    let g = view.tr();
    ui.label(
        RichText::new(g.t("groups-groups"))
            .size(theme::BODY_SIZE)
            .strong(),
    );
    let scripts = state.script_names.clone();
    let courses = state.course_names.clone();
    let several = state.groups.len() > 1;
    for (i, group) in state.groups.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal_wrapped(|ui| {
            field(
                ui,
                &format!("{} {n}", &g.t("groups-group-name")),
                &mut group.name,
                320.0,
            );
            field(
                ui,
                &format!("{} {n}", &g.t("groups-group-room")),
                &mut group.room,
                200.0,
            );
            if several
                && widgets::tab_button(ui, &format!("{} {n}", &g.t("groups-remove-group")), false)
                    .clicked()
            {
                actions.push(Action::Staff(StaffAction::RemoveGroup(i)));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("{} {n}", &g.t("groups-group-script")))
                    .size(theme::SMALL_SIZE),
            );
            for name in &scripts {
                let label = format!("{} {n}: {name}", &g.t("groups-group-script"));
                if widgets::tab_button(ui, &label, group.script == *name).clicked() {
                    group.script.clone_from(name);
                }
            }
        });
        course_ui(ui, &g, n, group, &courses);
    }
    if widgets::quiet_button(ui, &g.t("groups-add-group")).clicked() {
        actions.push(Action::Staff(StaffAction::AddGroup));
    }
    ui.separator();
}

/// Whether a group is a course; if so its first meeting (a new date starts it again from
/// the first topic) and which course's topics it follows.
fn course_ui(
    ui: &mut Ui,
    g: &crate::locale::Tr<'_>,
    n: usize,
    group: &mut GroupDraft,
    courses: &[String],
) {
    use crate::app::staff::CourseDraft;
    ui.horizontal_wrapped(|ui| {
        let is_course = group.course.is_some();
        let label = format!("{} {n}", &g.t("groups-is-course"));
        if widgets::tab_button(ui, &label, is_course).clicked() {
            group.course = if is_course {
                None
            } else {
                Some(CourseDraft {
                    start: String::new(),
                    topics: Topics::Set(courses.first().cloned().unwrap_or_default()),
                })
            };
        }
        let Some(course) = &mut group.course else {
            return;
        };
        field(
            ui,
            &format!("{} {n}", &g.t("groups-course-start")),
            &mut course.start,
            160.0,
        );
        for name in courses {
            let chosen = course.topics == Topics::Set(name.clone());
            let label = format!("{} {n}: {name}", &g.t("groups-course-topics"));
            if widgets::tab_button(ui, &label, chosen).clicked() {
                course.topics = Topics::Set(name.clone());
            }
        }
        if matches!(course.topics, Topics::List(_)) {
            ui.label(RichText::new(g.t("groups-topics-in-settings")).size(theme::SMALL_SIZE));
        }
    });
}

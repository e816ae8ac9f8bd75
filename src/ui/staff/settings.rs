//! Settings: group name, room, default language, the timer windows, name retention, PIN,
//! and the health check `doctor` prints.

use egui::Ui;

use super::field;
use crate::app::staff::{PinAction, StaffState};
use crate::app::{Action, StaffAction, View};
use crate::domain::text_size::TextSize;
use crate::ui::{theme, widgets};

pub fn settings_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut StaffState,
    actions: &mut Vec<Action>,
) {
    let w = view.tr();
    let d = &mut state.settings_draft;
    ui.vertical(|ui| {
        field(ui, &w.t("staff-group-name"), &mut d.group_name, 520.0);
        field(ui, &w.t("staff-room"), &mut d.room, 520.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(w.t("staff-default-language"));
            for (lang, name) in view.locales.languages() {
                if widgets::choice_button(ui, name, d.language == lang).clicked() {
                    d.language = lang;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(w.t("staff-default-text-size"));
            for size in TextSize::ALL {
                let label = w.t(match size {
                    TextSize::Normal => "staff-text-size-normal",
                    TextSize::Large => "staff-text-size-large",
                    TextSize::Largest => "staff-text-size-largest",
                });
                if widgets::choice_button(ui, &label, d.text_size == size).clicked() {
                    d.text_size = size;
                }
            }
        });
        field(
            ui,
            &w.t("staff-early-window"),
            &mut d.early_window_min,
            100.0,
        );
        field(ui, &w.t("staff-wrap-up"), &mut d.wrap_up_min, 100.0);
        field(ui, &w.t("staff-ended"), &mut d.ended_min, 100.0);
        field(ui, &w.t("staff-retention"), &mut d.retention_days, 100.0);
        chime_ui(ui, &w, d, actions);
        ui.horizontal(|ui| {
            if widgets::big_button(
                ui,
                &w.t("staff-save-settings"),
                egui::vec2(360.0, theme::sizes(ui.ctx()).touch() * 1.25),
            )
            .clicked()
            {
                actions.push(Action::Staff(StaffAction::SaveSettings));
            }
            if widgets::quiet_button(ui, &w.t("staff-change-pin")).clicked() {
                actions.push(Action::Pin(PinAction::Change));
            }
        });
        health_ui(ui, view, &state.health);
    });
}

/// The facilitator's chime: when it sounds, how loud, and a way to hear it.
fn chime_ui(
    ui: &mut Ui,
    w: &crate::locale::Tr<'_>,
    d: &mut crate::app::staff::SettingsDraft,
    actions: &mut Vec<Action>,
) {
    use crate::domain::cue::Chime;
    ui.horizontal_wrapped(|ui| {
        ui.label(w.t("chime-title"));
        for chime in Chime::ALL {
            let label = w.t(match chime {
                Chime::Off => "chime-off",
                Chime::WrapUp => "chime-wrap-up",
                Chime::WrapUpAndEnd => "chime-wrap-up-and-end",
            });
            if widgets::choice_button(ui, &label, d.chime == chime).clicked() {
                d.chime = chime;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        field(ui, &w.t("chime-volume"), &mut d.chime_volume, 100.0);
        if widgets::quiet_button(ui, &w.t("chime-play")).clicked() {
            actions.push(Action::Staff(StaffAction::PlayChime));
        }
    });
}

/// The health check, one line each, as `dropin-kiosk doctor` prints it; problems stand out.
fn health_ui(ui: &mut Ui, view: &View<'_>, lines: &[crate::health::Line]) {
    ui.add_space(theme::GAP);
    let w = view.tr();
    ui.label(
        egui::RichText::new(w.t("staff-health-title"))
            .size(theme::BODY_SIZE)
            .strong(),
    );
    for line in lines {
        let text = crate::words::health::say(line, &w, view.data_root);
        let color = if line.finding.is_ok() {
            theme::TEXT_SOFT
        } else {
            theme::NOTICE
        };
        ui.label(
            egui::RichText::new(text)
                .size(theme::SMALL_SIZE)
                .color(color),
        );
    }
}

//! Settings: group name, room, default language, the timer windows, name retention, PIN,
//! and the health check `doctor` prints.

use egui::Ui;

use super::field;
use crate::app::staff::{PinAction, StaffState};
use crate::app::{Action, StaffAction, View};
use crate::domain::lang::Lang;
use crate::domain::text_size::TextSize;
use crate::ui::text::staff_words;
use crate::ui::{theme, widgets};
use crate::words::calendar::LangWords as _;

pub fn settings_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut StaffState,
    actions: &mut Vec<Action>,
) {
    let w = staff_words(view.lang);
    let d = &mut state.settings_draft;
    ui.vertical(|ui| {
        field(ui, w.group_name, &mut d.group_name, 520.0);
        field(ui, w.room, &mut d.room, 520.0);
        ui.horizontal(|ui| {
            ui.label(w.default_language);
            for lang in Lang::ALL {
                if widgets::choice_button(ui, lang.native_name(), d.language == lang).clicked() {
                    d.language = lang;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(w.default_text_size);
            for (size, label) in TextSize::ALL.into_iter().zip(w.text_sizes) {
                if widgets::choice_button(ui, label, d.text_size == size).clicked() {
                    d.text_size = size;
                }
            }
        });
        field(ui, w.early_window, &mut d.early_window_min, 100.0);
        field(ui, w.wrap_up, &mut d.wrap_up_min, 100.0);
        field(ui, w.ended, &mut d.ended_min, 100.0);
        field(ui, w.retention, &mut d.retention_days, 100.0);
        chime_ui(ui, view.lang, d, actions);
        ui.horizontal(|ui| {
            if widgets::big_button(
                ui,
                w.save_settings,
                egui::vec2(360.0, theme::sizes(ui.ctx()).touch() * 1.25),
            )
            .clicked()
            {
                actions.push(Action::Staff(StaffAction::SaveSettings));
            }
            if widgets::quiet_button(ui, w.change_pin).clicked() {
                actions.push(Action::Pin(PinAction::Change));
            }
        });
        health_ui(ui, view, &state.health);
    });
}

/// The facilitator's chime: when it sounds, how loud, and a way to hear it.
fn chime_ui(
    ui: &mut Ui,
    lang: Lang,
    d: &mut crate::app::staff::SettingsDraft,
    actions: &mut Vec<Action>,
) {
    use crate::domain::cue::Chime;
    use crate::words::cue;
    ui.horizontal_wrapped(|ui| {
        ui.label(cue::chime_title(lang));
        for chime in Chime::ALL {
            if widgets::choice_button(ui, cue::chime_option(chime, lang), d.chime == chime)
                .clicked()
            {
                d.chime = chime;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        field(ui, cue::chime_volume(lang), &mut d.chime_volume, 100.0);
        if widgets::quiet_button(ui, cue::play_chime(lang)).clicked() {
            actions.push(Action::Staff(StaffAction::PlayChime));
        }
    });
}

/// The health check, one line each, as `dropin-kiosk doctor` prints it; problems stand out.
fn health_ui(ui: &mut Ui, view: &View<'_>, lines: &[crate::health::Line]) {
    ui.add_space(theme::GAP);
    let w = staff_words(view.lang);
    ui.label(
        egui::RichText::new(w.health_title)
            .size(theme::BODY_SIZE)
            .strong(),
    );
    for line in lines {
        let text = crate::words::health::say(line, view.lang, view.data_root);
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

//! Home, the resting screen: who and where, the live timer, the schedule, the two ways in.

use egui::{Align, Layout, RichText, Ui, Vec2};

use super::{theme, widgets};
use crate::app::{Action, View};
use crate::domain::lang::Lang;
use crate::words::calendar::{LangWords as _, ScheduleWords as _};

pub fn home_ui(ui: &mut Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    let w = super::text::words(view.lang);
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.label(
                RichText::new(&view.settings.group_name)
                    .size(theme::TITLE_SIZE)
                    .strong(),
            );
            ui.label(
                RichText::new(&view.settings.room)
                    .size(theme::BODY_SIZE)
                    .color(theme::TEXT_SOFT),
            );
        });
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            for lang in [Lang::Es, Lang::En] {
                if widgets::choice_button(ui, lang.native_name(), view.lang == lang).clicked() {
                    actions.push(Action::SetLanguage(lang));
                }
            }
        });
    });

    widgets::status_band(ui, view, theme::STATUS_SIZE);

    ui.label(
        RichText::new(format!(
            "{} {}",
            w.we_meet,
            view.schedule.summary(view.lang)
        ))
        .size(theme::BODY_SIZE),
    );
    if let Some(cancelled) = view.schedule.next_cancellation(view.now)
        && view.status.phase != crate::domain::timer::Phase::Cancelled
    {
        let day = format!(
            "{} {}",
            view.lang.weekday_long(cancelled.slot.weekday),
            cancelled.date.format("%d/%m")
        );
        let mut line = w.no_group_on.replace("{day}", &day);
        if let Some(note) = cancelled
            .cancelled
            .as_deref()
            .filter(|n| !n.trim().is_empty())
        {
            line.push(' ');
            line.push_str(note.trim());
        }
        egui::Frame::new()
            .fill(theme::NOTICE)
            .corner_radius(theme::CORNER)
            .inner_margin(egui::Margin::symmetric(16, 8))
            .show(ui, |ui| {
                ui.label(
                    RichText::new(line)
                        .size(theme::BODY_SIZE)
                        .color(theme::NOTICE_TEXT),
                );
            });
    }

    let half = (ui.available_width() - theme::GAP) / 2.0;
    let size = Vec2::new(half, theme::BIG_BUTTON_HEIGHT);
    ui.horizontal(|ui| {
        if widgets::big_button(ui, w.sign_in_named, size).clicked() {
            actions.push(Action::OpenSignIn);
        }
        if widgets::big_button(ui, w.sign_in_anonymous, size).clicked() {
            actions.push(Action::SignIn(String::new()));
        }
    });
    ui.add_space(theme::GAP);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new(w.welcome_anytime).size(theme::TITLE_SIZE * 0.8));
    });

    ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
        ui.horizontal(|ui| {
            if widgets::quiet_button(ui, w.open_script).clicked() {
                actions.push(Action::OpenScript);
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if widgets::quiet_button(ui, w.open_staff).clicked() {
                    actions.push(Action::OpenStaff);
                }
            });
        });
        if view.practice {
            ui.label(
                RichText::new(w.practice_banner)
                    .size(theme::SMALL_SIZE)
                    .color(theme::TEXT_SOFT),
            );
        }
    });
}

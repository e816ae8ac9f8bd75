//! The languages, each in its own name, when there are more than Home lists in a row: one
//! tap chooses and goes back Home.

use egui::{RichText, Ui, Vec2};

use super::{theme, widgets};
use crate::app::{Action, View};

pub fn languages_ui(ui: &mut Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    let s = theme::sizes(ui.ctx());
    let w = view.tr();
    ui.label(
        RichText::new(super::home::language_button_words(view.locales, view.lang).join(" · "))
            .size(s.title())
            .strong(),
    );
    ui.add_space(s.gap());
    let languages: Vec<_> = view.locales.languages().collect();
    // Two columns of big buttons; the rows share the room left above Back.
    let columns = if s.portrait { 1 } else { 2 };
    let rows = languages.len().div_ceil(columns).max(1);
    let gap = s.gap();
    let room = ui.available_height() - s.touch() - 2.0 * gap;
    let each_h =
        ((room - gap * (rows as f32 - 1.0)) / rows as f32).clamp(s.touch(), s.touch() * 2.0);
    let each_w = (ui.available_width() - gap * (columns as f32 - 1.0)) / columns as f32;
    for row in languages.chunks(columns) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (lang, name) in row {
                if widgets::big_button(ui, name, Vec2::new(each_w, each_h)).clicked() {
                    actions.push(Action::SetLanguage(*lang));
                }
            }
        });
        ui.add_space(gap * 0.5);
    }
    ui.add_space(gap);
    if widgets::quiet_button(ui, &w.t("back")).clicked() {
        actions.push(Action::GoHome);
    }
}

//! Sign in with a first name: a large field, the on-screen keyboard, "Sign in" and "Back".
//! A physical keyboard types into the same field.

use egui::{Align, Layout, RichText, TextEdit, Ui, Vec2};

use super::{keyboard, theme, widgets};
use crate::app::{Action, View};
use crate::domain::names;

pub fn sign_in_ui(
    ui: &mut Ui,
    view: &View<'_>,
    name: &mut String,
    visit: u64,
    actions: &mut Vec<Action>,
) {
    let w = super::text::words(view.lang);
    ui.label(RichText::new(w.name_title).size(theme::TITLE_SIZE).strong());
    ui.label(
        RichText::new(w.name_hint)
            .size(theme::BODY_SIZE)
            .color(theme::TEXT_SOFT),
    );

    let mut submit = false;
    let field = ui.add(
        TextEdit::singleline(name)
            // A new field each visit: no undo history or selection from the last person.
            .id_salt(("first-name", visit))
            .font(theme::font(theme::TITLE_SIZE))
            .hint_text(w.name_field)
            .desired_width(ui.available_width())
            .margin(Vec2::new(16.0, 12.0)),
    );
    // The field always has the keyboard focus, so a physical keyboard just works.
    if !field.has_focus() && !field.lost_focus() {
        field.request_focus();
    }
    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        submit = true;
    }
    // Typed, pasted or tapped: the same cleaning rules.
    let cleaned = names::clean_typing(name);
    if *name != cleaned {
        *name = cleaned;
    }

    if let Some(key) = keyboard::keyboard_ui(ui, view) {
        keyboard::apply(name, key);
    }

    ui.add_space(theme::GAP);
    ui.horizontal(|ui| {
        let height = theme::MIN_TOUCH * 1.5;
        let back = egui::Button::new(
            egui::RichText::new(w.back)
                .size(theme::BIG_BUTTON_SIZE)
                .color(theme::TEXT),
        )
        .fill(theme::QUIET_BUTTON)
        .corner_radius(theme::CORNER)
        .min_size(Vec2::new(320.0, height));
        if ui.add(back).clicked() {
            actions.push(Action::GoHome);
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let size = Vec2::new(ui.available_width().min(560.0), height);
            if widgets::big_button(ui, w.sign_in, size).clicked() {
                submit = true;
            }
        });
    });
    if submit {
        actions.push(Action::SignIn(name.clone()));
    }
}

//! Sign in with a first name: a large field, the on-screen keyboard, "Sign in" and "Back".
//! A physical keyboard types into the same field.

use egui::{Align, Layout, RichText, TextEdit, Ui, Vec2};

use super::{keyboard, theme, widgets};
use crate::app::{Action, View};
use crate::domain::names;

pub fn sign_in_ui(ui: &mut Ui, view: &View<'_>, name: &mut String, actions: &mut Vec<Action>) {
    let w = view.words;
    ui.label(RichText::new(w.name_title).size(theme::TITLE_SIZE).strong());
    ui.label(
        RichText::new(w.name_hint)
            .size(theme::BODY_SIZE)
            .color(theme::TEXT_SOFT),
    );

    let mut submit = false;
    ui.horizontal(|ui| {
        let field_w = ui.available_width() - 2.0 * (theme::MIN_TOUCH * 3.0 + theme::GAP);
        let field = ui.add(
            TextEdit::singleline(name)
                .id_salt("first-name")
                .font(theme::font(theme::TITLE_SIZE))
                .hint_text(w.name_field)
                .desired_width(field_w.max(200.0))
                .margin(Vec2::new(16.0, 12.0)),
        );
        // The field always has the keyboard focus, so a physical keyboard just works.
        if !field.has_focus() && !field.lost_focus() {
            field.request_focus();
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            submit = true;
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let size = Vec2::new(theme::MIN_TOUCH * 3.0, theme::MIN_TOUCH * 1.25);
            if widgets::big_button(ui, w.sign_in, size).clicked() {
                submit = true;
            }
            if widgets::quiet_button(ui, w.back)
                .on_hover_text(w.back)
                .clicked()
            {
                actions.push(Action::GoHome);
            }
        });
    });
    // Typed, pasted or tapped: the same cleaning rules.
    let cleaned = names::clean_typing(name);
    if *name != cleaned {
        *name = cleaned;
    }

    ui.add_space(theme::GAP);
    if let Some(key) = keyboard::keyboard_ui(ui, view) {
        keyboard::apply(name, key);
    }
    if submit {
        actions.push(Action::SignIn(name.clone()));
    }
}

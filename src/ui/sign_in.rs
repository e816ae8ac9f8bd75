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
    let w = view.tr();
    let s = theme::sizes(ui.ctx());
    ui.spacing_mut().item_spacing.y = s.px(10.0);
    let title = ui
        .horizontal(|ui| {
            let title = ui.label(RichText::new(w.t("name-title")).size(s.title()).strong());
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                widgets::larger_text_button(ui, view, actions);
            });
            title
        })
        .inner;
    ui.label(
        RichText::new(w.t("name-hint"))
            .size(s.small())
            .color(theme::TEXT_SOFT),
    );

    let mut submit = false;
    let field = ui
        .add(
            TextEdit::singleline(name)
                // A new field each visit: no undo history or selection from the last person.
                .id_salt(("first-name", visit))
                .font(theme::font(s.title()))
                .hint_text(w.t("name-field"))
                .desired_width(ui.available_width())
                .margin(Vec2::new(s.px(16.0), s.px(10.0))),
        )
        // Screen readers call the field by the question above it.
        .labelled_by(title.id);
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
        keyboard::cursor_to_end(ui.ctx(), field.id, name);
    }

    // The keys share what is left above the two buttons.
    let buttons_h = s.touch() * 1.25;
    let keys_room = ui.available_height() - buttons_h - ui.spacing().item_spacing.y;
    if let Some(key) = keyboard::keyboard_ui(ui, view, keys_room) {
        keyboard::apply(name, key);
        keyboard::cursor_to_end(ui.ctx(), field.id, name);
    }

    ui.horizontal(|ui| {
        let back = widgets::filled_button(
            ui,
            &w.t("back"),
            s.big_button_text(),
            (theme::QUIET_BUTTON, theme::TEXT),
            Vec2::new(s.px(240.0), buttons_h),
        );
        if back.clicked() {
            actions.push(Action::GoHome);
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let size = Vec2::new(ui.available_width().min(s.px(480.0)), buttons_h);
            if widgets::big_button(ui, &w.t("sign-in"), size).clicked() {
                submit = true;
            }
        });
    });
    if submit {
        actions.push(Action::SignIn(name.clone()));
    }
}

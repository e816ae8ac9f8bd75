//! Confirmation, shown only once the sign-in has been committed: a warm welcome and an
//! optional "first time here?" tap. If it could not be saved, a calm line and nothing more.

use egui::{Align, Layout, RichText, Ui, Vec2};

use super::{theme, widgets};
use crate::app::{Action, Confirmation, Outcome, View};
use crate::domain::names;

pub fn confirm_ui(
    ui: &mut Ui,
    view: &View<'_>,
    confirmation: &Confirmation,
    actions: &mut Vec<Action>,
) {
    let w = view.tr();
    let s = theme::sizes(ui.ctx());
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        ui.add_space(s.px(48.0));
        match &confirmation.outcome {
            Outcome::Counted {
                name, first_visit, ..
            } => {
                let size = s.status() * 0.85;
                // A name the screen cannot draw faithfully (letters no font here has, or
                // right-to-left script) is not shown mangled: the welcome goes without it.
                let drawable = name.as_deref().filter(|n| {
                    !names::has_right_to_left(n)
                        && ui.ctx().fonts_mut(|f| f.has_glyphs(&theme::font(size), n))
                });
                let line = match (name, drawable) {
                    (Some(_), Some(name)) => w.a("welcome-named", &[("name", name.into())]),
                    (Some(_), None) => w.t("welcome-signed-in"),
                    (None, _) => w.t("welcome-anonymous"),
                };
                ui.label(RichText::new(line).size(size).strong());
                ui.add_space(s.px(32.0));
                if first_visit.is_some() {
                    ui.label(RichText::new(w.t("first-time-thanks")).size(s.title()));
                    // A tap a shaky hand did not mean can be taken back here.
                    let undo = widgets::filled_button(
                        ui,
                        &w.t("first-time-undo"),
                        s.body(),
                        (theme::QUIET_BUTTON, theme::TEXT),
                        Vec2::new(s.px(420.0), s.touch()),
                    );
                    if undo.clicked() {
                        actions.push(Action::UnmarkFirstVisit);
                    }
                } else {
                    ui.label(RichText::new(w.t("first-time-question")).size(s.body()));
                    let size = Vec2::new(s.px(420.0), s.touch() * 1.5);
                    if widgets::big_button(ui, &w.t("first-time-yes"), size).clicked() {
                        actions.push(Action::MarkFirstVisit);
                    }
                }
            }
            Outcome::NotSaved => {
                ui.label(
                    RichText::new(w.t("tablet-needs-help"))
                        .size(s.title())
                        .strong(),
                );
            }
        }
        ui.add_space(s.px(32.0));
        let done = widgets::filled_button(
            ui,
            &w.t("done"),
            s.big_button_text(),
            (theme::QUIET_BUTTON, theme::TEXT),
            Vec2::new(s.px(300.0), s.touch() * 1.5),
        );
        if done.clicked() {
            actions.push(Action::GoHome);
        }
    });
}

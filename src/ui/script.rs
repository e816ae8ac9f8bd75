//! The facilitator script: the words in large type, the live timer always in view, the
//! number of people signed in this session (never names), and the closing words at wrap-up.

use egui::{RichText, ScrollArea, Ui};

use super::{theme, widgets};
use crate::app::{Action, View};
use crate::domain::timer::Phase;

pub fn script_ui(ui: &mut Ui, view: &View<'_>, closing: bool, actions: &mut Vec<Action>) {
    let w = super::text::words(view.lang);
    let s = theme::sizes(ui.ctx());
    widgets::status_band(ui, view, s.title());
    ui.horizontal_wrapped(|ui| {
        if widgets::quiet_button(ui, w.back_home).clicked() {
            actions.push(Action::GoHome);
        }
        if widgets::choice_button(ui, w.opening_words, !closing).clicked() {
            actions.push(Action::ShowClosingWords(false));
        }
        if widgets::choice_button(ui, w.closing_words, closing).clicked() {
            actions.push(Action::ShowClosingWords(true));
        }
        if let Some(n) = view.session_count {
            ui.label(
                RichText::new(w.signed_in_count.replace("{n}", &n.to_string())).size(s.body()),
            );
        }
    });
    if !closing && matches!(view.status.phase, Phase::WrapUp | Phase::Ended) {
        let prompt = widgets::filled_button(
            ui,
            w.closing_prompt,
            s.body(),
            (theme::NOTICE, theme::NOTICE_TEXT),
            egui::vec2(ui.available_width(), s.touch()),
        );
        if prompt.clicked() {
            actions.push(Action::ShowClosingWords(true));
        }
    }
    let text = view
        .script
        .map(|s| if closing { &s.closing } else { &s.opening })
        .cloned()
        .unwrap_or_default();
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(RichText::new(text).size(s.script()));
        });
}

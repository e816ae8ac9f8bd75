//! The facilitator script: the words in large type, the live timer always in view, the
//! number of sign-ins this session (never names; a repeat moves it like anyone), and the
//! closing words at wrap-up.

use egui::{RichText, ScrollArea, Ui};

use super::{theme, widgets};
use crate::app::{Action, View};
use crate::domain::timer::Phase;

pub fn script_ui(ui: &mut Ui, view: &View<'_>, closing: bool, actions: &mut Vec<Action>) {
    let w = view.tr();
    let s = theme::sizes(ui.ctx());
    widgets::status_band(ui, view, s.title());
    ui.horizontal_wrapped(|ui| {
        if widgets::quiet_button(ui, &w.t("back-home")).clicked() {
            actions.push(Action::GoHome);
        }
        if widgets::choice_button(ui, &w.t("opening-words"), !closing).clicked() {
            actions.push(Action::ShowClosingWords(false));
        }
        if widgets::choice_button(ui, &w.t("closing-words"), closing).clicked() {
            actions.push(Action::ShowClosingWords(true));
        }
        if let Some(n) = view.session_sign_ins {
            let count = w.a("sign-ins-so-far", &[("n", n.into())]);
            ui.add(egui::Label::new(RichText::new(count).size(s.body())).extend());
        }
    });
    if !closing && matches!(view.status.phase, Phase::WrapUp | Phase::Ended) {
        let prompt = widgets::filled_button(
            ui,
            &w.t("closing-prompt"),
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
            if let Some(group) = &view.group_now {
                if let Some(line) = &group.topic_line {
                    ui.label(RichText::new(line).size(s.title() * 0.8).strong());
                }
                if let Some(topic) = &group.topic {
                    ui.label(
                        RichText::new(&topic.prompt)
                            .size(s.body())
                            .color(theme::TEXT_SOFT),
                    );
                }
            }
            suggestions_ui(ui, view);
            ui.label(RichText::new(text).size(s.script()));
        });
}

/// What the room asked to talk about since the group last met, with how many asked.
fn suggestions_ui(ui: &mut Ui, view: &View<'_>) {
    if view.suggestions.is_empty() {
        return;
    }
    let s = theme::sizes(ui.ctx());
    let g = view.tr();
    let group = view
        .group_now
        .as_ref()
        .map_or(view.settings.group_name.as_str(), |g| g.name.as_str());
    let heading = g.a("groups-suggestions-for", &[("group", group.into())]);
    ui.label(RichText::new(heading).size(s.body()).strong());
    for suggestion in &view.suggestions {
        let line = super::suggest::suggestion_line(view, suggestion);
        ui.label(RichText::new(line).size(s.body()));
    }
    ui.separator();
}

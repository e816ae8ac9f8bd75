//! "Suggest a topic": six common topics to tap, or a few words typed on the on-screen
//! keyboard; "Send" thanks the person and goes Home. No name is asked, nothing is shown of
//! what others suggested, and nothing ties a suggestion to a sign-in.

use egui::{Align, Layout, RichText, TextEdit, Ui, Vec2};

use super::keyboard::{self, KeyPress};
use super::{theme, widgets};
use crate::app::{Action, Suggestion, View};
use crate::domain::suggestions::{self, CommonTopic, Suggested, SuggestionCount};

pub fn suggest_ui(ui: &mut Ui, view: &View<'_>, s: &mut Suggestion, actions: &mut Vec<Action>) {
    let w = view.tr();
    let g = w;
    let z = theme::sizes(ui.ctx());
    let title = ui.label(
        RichText::new(g.t("groups-suggest-title"))
            .size(z.title())
            .strong(),
    );
    if let Some(sent) = s.sent {
        ui.add_space(z.gap() * 2.0);
        let line = if sent.saved {
            &g.t("groups-suggest-thanks")
        } else {
            &w.t("tablet-needs-help")
        };
        ui.label(RichText::new(line).size(z.title()));
        ui.add_space(z.gap() * 2.0);
        if widgets::big_button(ui, &w.t("done"), Vec2::new(z.px(420.0), z.touch() * 1.5)).clicked()
        {
            actions.push(Action::GoHome);
        }
        return;
    }
    let height = z.touch() * 1.25;
    if s.typing {
        typing_ui(ui, view, s, height, title.id);
    } else {
        topics_ui(ui, view, s);
        ui.add_space(z.gap());
    }

    ui.horizontal(|ui| {
        let back = widgets::filled_button(
            ui,
            &w.t("back"),
            z.big_button_text(),
            (theme::QUIET_BUTTON, theme::TEXT),
            Vec2::new(z.px(240.0), height),
        );
        if back.clicked() {
            if s.typing {
                s.typing = false;
            } else {
                actions.push(Action::GoHome);
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let size = Vec2::new(ui.available_width().min(z.px(480.0)), height);
            if widgets::big_button(ui, &g.t("groups-suggest-send"), size).clicked() {
                actions.push(Action::SendSuggestion {
                    topic: s.topic,
                    words: s.words.clone(),
                });
            }
        });
    });
}

/// The six common topics, three to a row, and the way to write one's own.
fn topics_ui(ui: &mut Ui, view: &View<'_>, s: &mut Suggestion) {
    let g = view.tr();
    let z = theme::sizes(ui.ctx());
    ui.label(
        RichText::new(g.t("groups-suggest-hint"))
            .size(z.body())
            .color(theme::TEXT_SOFT),
    );
    let per_row = if z.portrait { 2 } else { 3 };
    let width = (ui.available_width() - z.gap() * (per_row - 1) as f32) / per_row as f32;
    ui.spacing_mut().item_spacing = Vec2::splat(z.gap());
    for row in CommonTopic::ALL.chunks(per_row) {
        ui.horizontal(|ui| {
            for topic in row {
                let chosen = s.topic == Some(*topic);
                if topic_button(ui, &topic_words(view, *topic), chosen, width).clicked() {
                    // A second tap takes the choice back.
                    s.topic = if chosen { None } else { Some(*topic) };
                }
            }
        });
    }
    ui.horizontal(|ui| {
        if widgets::quiet_button(ui, &g.t("groups-suggest-own")).clicked() {
            s.typing = true;
        }
        if !s.words.is_empty() {
            ui.label(RichText::new(format!("“{}”", s.words)).size(z.body()));
        }
    });
}

/// A large toggle, marked when chosen by a border as well as its fill.
fn topic_button(ui: &mut Ui, text: &str, chosen: bool, width: f32) -> egui::Response {
    let z = theme::sizes(ui.ctx());
    let size = Vec2::new(width, z.touch() * 1.5);
    let button = egui::Button::new(
        RichText::new(text)
            .size(z.control_text() * 1.15)
            .color(theme::TEXT),
    )
    .fill(if chosen {
        theme::KEY
    } else {
        theme::QUIET_BUTTON
    })
    .stroke(if chosen {
        egui::Stroke::new(4.0, theme::NOTICE)
    } else {
        egui::Stroke::NONE
    })
    .selected(chosen)
    .corner_radius(theme::CORNER)
    .min_size(size);
    ui.add(button)
}

/// The words field (a new one each visit) and the on-screen keyboard.
fn typing_ui(ui: &mut Ui, view: &View<'_>, s: &mut Suggestion, buttons_h: f32, title: egui::Id) {
    let g = view.tr();
    let z = theme::sizes(ui.ctx());
    // Said before anything is typed: the words go to staff first, never straight to the room.
    ui.label(
        RichText::new(g.t("groups-suggest-read-first"))
            .size(z.small())
            .color(theme::TEXT_SOFT),
    );
    let field = ui
        .add(
            TextEdit::singleline(&mut s.words)
                // A new field each visit: no undo history or selection from the last person.
                .id_salt(("suggested-topic", s.visit))
                .font(theme::font(z.title()))
                .hint_text(g.t("groups-suggest-field"))
                .char_limit(suggestions::MAX_SUGGESTION_CHARS)
                .desired_width(ui.available_width())
                .margin(Vec2::new(z.px(16.0), z.px(10.0))),
        )
        // Screen readers call the field by the question above it.
        .labelled_by(title);
    if !field.has_focus() && !field.lost_focus() {
        field.request_focus();
    }
    let cleaned = clean_typing(&s.words);
    if s.words != cleaned {
        s.words = cleaned;
        keyboard::cursor_to_end(ui.ctx(), field.id, &s.words);
    }
    let room = ui.available_height() - buttons_h - ui.spacing().item_spacing.y;
    if let Some(key) = keyboard::keyboard_ui(ui, view, room) {
        apply(&mut s.words, key);
        keyboard::cursor_to_end(ui.ctx(), field.id, &s.words);
    }
}

/// Typed, pasted or tapped: the rules names follow, with room for a short sentence.
fn clean_typing(raw: &str) -> String {
    crate::domain::names::clean_typing_capped(raw, suggestions::MAX_SUGGESTION_CHARS)
}

/// A key of the on-screen keyboard: a sentence starts with a capital and goes on in small
/// letters, so nobody needs a shift key.
fn apply(words: &mut String, key: KeyPress) {
    match key {
        KeyPress::Char(c) if words.is_empty() => words.extend(c.to_uppercase()),
        KeyPress::Char(c) => words.extend(c.to_lowercase()),
        KeyPress::Space => words.push(' '),
        KeyPress::Delete => {
            words.pop();
        }
    }
    *words = clean_typing(words);
}

/// A common topic in the view's language.
pub fn topic_words(view: &View<'_>, topic: CommonTopic) -> String {
    let id = match topic {
        CommonTopic::Housing => "groups-topic-housing",
        CommonTopic::Money => "groups-topic-money",
        CommonTopic::Health => "groups-topic-health",
        CommonTopic::Feelings => "groups-topic-feelings",
        CommonTopic::Relationships => "groups-topic-relationships",
        CommonTopic::StayingSafe => "groups-topic-staying-safe",
    };
    view.tr().t(id)
}

/// One line of the facilitator's list: "3 × Housing", "1 × Sleep".
pub fn suggestion_line(view: &View<'_>, s: &SuggestionCount) -> String {
    let topic = match &s.topic {
        Suggested::Common(t) => topic_words(view, *t),
        Suggested::Own(words) => words.clone(),
    };
    view.tr().a(
        "groups-suggestion-count",
        &[("n", s.count.into()), ("topic", topic.into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_start_with_a_capital_and_stop_at_80_characters() {
        let mut words = String::new();
        for c in "SLEEP".chars() {
            apply(&mut words, KeyPress::Char(c));
        }
        apply(&mut words, KeyPress::Space);
        apply(&mut words, KeyPress::Char('Y'));
        assert_eq!(words, "Sleep y");
        for _ in 0..200 {
            apply(&mut words, KeyPress::Char('A'));
        }
        assert_eq!(words.chars().count(), 80);
        apply(&mut words, KeyPress::Delete);
        assert_eq!(words.chars().count(), 79);
    }
}

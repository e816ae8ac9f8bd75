//! The on-screen keyboard: big keys for letters (with Ñ and accented vowels), space,
//! hyphen, apostrophe and delete.

use egui::{Ui, Vec2};

use super::{theme, widgets};
use crate::app::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPress {
    Char(char),
    Space,
    Delete,
}

/// Four rows, so the keys can stay large on a 7-inch panel: letters, then the accented
/// vowels with hyphen, apostrophe and space; delete at the end of the third row.
const ROWS: [&str; 4] = ["QWERTYUIOP", "ASDFGHJKLÑ", "ZXCVBNM", "ÁÉÍÓÚÜ-'"];

/// Draws the keyboard at the bottom of `room` points of height and returns the key tapped
/// this frame, if any. Keys grow with the room, up to a size comfortable for a finger (taller
/// in portrait, where the keyboard sits low for thumbs).
pub fn keyboard_ui(ui: &mut Ui, view: &View<'_>, room: f32) -> Option<KeyPress> {
    let s = theme::sizes(ui.ctx());
    let words = crate::ui::text::words(view.lang);
    let gap = s.px(8.0);
    let key_w = (ui.available_width() - gap * 9.0) / 10.0;
    let tallest = s.px(theme::KEY_HEIGHT) * if s.portrait { 1.5 } else { 1.0 };
    let key_h = ((room - gap * 4.0) / 4.0).clamp(s.touch(), tallest);
    ui.add_space((room - key_h * 4.0 - gap * 4.0).max(0.0));
    let mut pressed = None;
    let key = |ui: &mut Ui, label: &str, width: f32| {
        widgets::key_button(ui, label, Vec2::new(width, key_h))
    };
    ui.spacing_mut().item_spacing = Vec2::splat(gap);
    for (i, row) in ROWS.iter().enumerate() {
        ui.horizontal(|ui| {
            for c in row.chars() {
                if key(ui, &c.to_string(), key_w) {
                    pressed = Some(KeyPress::Char(c));
                }
            }
            if i == 2 && key(ui, words.key_delete, key_w * 3.0 + gap * 2.0) {
                pressed = Some(KeyPress::Delete);
            }
            if i == 3 && key(ui, words.key_space, key_w * 2.0 + gap) {
                pressed = Some(KeyPress::Space);
            }
        });
    }
    pressed
}

/// After the kiosk itself changed the text of the field `id` (an on-screen key, or the
/// cleaning rules), the field's cursor goes to the end of `text`. Otherwise a plugged-in
/// keyboard would go on typing where its cursor was before the change, and "Mary", the
/// on-screen Space, then "Ann" typed on keys would become `MaryAnn `.
pub fn cursor_to_end(ctx: &egui::Context, id: egui::Id, text: &str) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let end = egui::text::CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(end)));
    state.store(ctx, id);
}

/// Applies a key to the name being typed. Letters start each word in capitals and continue
/// in small letters, so nobody has to find a shift key.
pub fn apply(name: &mut String, key: KeyPress) {
    match key {
        KeyPress::Char(c) => {
            let word_start = name
                .chars()
                .last()
                .is_none_or(|p| p == ' ' || p == '-' || p == '\'');
            if word_start {
                name.extend(c.to_uppercase());
            } else {
                name.extend(c.to_lowercase());
            }
        }
        KeyPress::Space => name.push(' '),
        KeyPress::Delete => {
            name.pop();
        }
    }
    *name = crate::domain::names::clean_typing(name);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_start_with_a_capital_and_continue_small() {
        let mut name = String::new();
        for key in "MARIA JOSÉ O'NEIL".chars() {
            apply(
                &mut name,
                if key == ' ' {
                    KeyPress::Space
                } else {
                    KeyPress::Char(key)
                },
            );
        }
        assert_eq!(name, "Maria José O'Neil");
        apply(&mut name, KeyPress::Delete);
        assert_eq!(name, "Maria José O'Nei");
    }

    #[test]
    fn a_leading_space_is_not_typed() {
        let mut name = String::new();
        apply(&mut name, KeyPress::Space);
        assert_eq!(name, "");
    }
}

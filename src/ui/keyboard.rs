//! The on-screen keyboard: big keys for A–Z, the language's own extra letters (from its
//! `keyboard-extra-letters` message: Ñ and accented vowels in Spanish), space, hyphen,
//! apostrophe and delete.

use egui::{Ui, Vec2};

use super::{theme, widgets};
use crate::app::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPress {
    Char(char),
    Space,
    Delete,
}

/// Keys in a full row; Space is two keys wide, Delete three.
const ROW_KEYS: usize = 10;

/// The rows of letter keys for `extra` (the language's extra letters, in capitals): A–Z in
/// three rows, the first extra letter ending the second row, then the rest with hyphen and
/// apostrophe, ten to a row. With the Spanish letters that is four rows, so the keys can
/// stay large on a 7-inch panel.
pub fn rows(extra: &[char]) -> Vec<Vec<char>> {
    let mut rows: Vec<Vec<char>> = ["QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"]
        .iter()
        .map(|r| r.chars().collect())
        .collect();
    let mut extra = extra.iter().copied();
    rows[1].extend(extra.next());
    let rest: Vec<char> = extra.chain(['-', '\'']).collect();
    rows.extend(rest.chunks(ROW_KEYS).map(<[char]>::to_vec));
    rows
}

/// The language's extra letters, in capitals, each once and none of A–Z.
pub fn extra_letters(text: &str) -> Vec<char> {
    let mut letters: Vec<char> = Vec::new();
    for c in text.split_whitespace().flat_map(str::chars) {
        let upper = c.to_uppercase().next().unwrap_or(c);
        if upper.is_alphabetic() && !upper.is_ascii() && !letters.contains(&upper) {
            letters.push(upper);
        }
    }
    letters
}

/// Draws the keyboard at the bottom of `room` points of height and returns the key tapped
/// this frame, if any. Keys grow with the room, up to a size comfortable for a finger (taller
/// in portrait, where the keyboard sits low for thumbs).
pub fn keyboard_ui(ui: &mut Ui, view: &View<'_>, room: f32) -> Option<KeyPress> {
    let s = theme::sizes(ui.ctx());
    let words = view.tr();
    let rows = rows(&extra_letters(&words.t("keyboard-extra-letters")));
    // Space goes at the end of the last row when it has room for it, else on a row of its own.
    let space_alone = rows.last().is_some_and(|r| r.len() + 2 > ROW_KEYS);
    let n_rows = rows.len() + usize::from(space_alone);
    let gap = s.px(8.0);
    let key_w = (ui.available_width() - gap * 9.0) / 10.0;
    let tallest = s.px(theme::KEY_HEIGHT) * if s.portrait { 1.5 } else { 1.0 };
    let n = n_rows as f32;
    let key_h = ((room - gap * n) / n).clamp(s.touch(), tallest);
    ui.add_space((room - key_h * n - gap * n).max(0.0));
    let mut pressed = None;
    let key = |ui: &mut Ui, label: &str, width: f32| {
        widgets::key_button(ui, label, Vec2::new(width, key_h))
    };
    ui.spacing_mut().item_spacing = Vec2::splat(gap);
    let last = rows.len() - 1;
    for (i, row) in rows.iter().enumerate() {
        ui.horizontal(|ui| {
            for c in row {
                if key(ui, &c.to_string(), key_w) {
                    pressed = Some(KeyPress::Char(*c));
                }
            }
            if i == 2 && key(ui, &words.t("key-delete"), key_w * 3.0 + gap * 2.0) {
                pressed = Some(KeyPress::Delete);
            }
            if i == last && !space_alone && key(ui, &words.t("key-space"), key_w * 2.0 + gap) {
                pressed = Some(KeyPress::Space);
            }
        });
    }
    if space_alone {
        ui.horizontal(|ui| {
            if key(ui, &words.t("key-space"), key_w * 2.0 + gap) {
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
    fn the_language_s_extra_letters_make_the_rows() {
        let spanish = extra_letters("ñ á é í ó ú ü Ñ");
        assert_eq!(spanish, vec!['Ñ', 'Á', 'É', 'Í', 'Ó', 'Ú', 'Ü']);
        let r = rows(&spanish);
        let text: Vec<String> = r.iter().map(|r| r.iter().collect()).collect();
        assert_eq!(text, ["QWERTYUIOP", "ASDFGHJKLÑ", "ZXCVBNM", "ÁÉÍÓÚÜ-'"]);
        assert_eq!(rows(&[]).last().unwrap(), &vec!['-', '\'']);
        let many = extra_letters("ă â đ ê ô ơ ư á à ả ã ạ é è");
        assert!(rows(&many).iter().all(|r| r.len() <= ROW_KEYS));
    }

    #[test]
    fn a_leading_space_is_not_typed() {
        let mut name = String::new();
        apply(&mut name, KeyPress::Space);
        assert_eq!(name, "");
    }
}

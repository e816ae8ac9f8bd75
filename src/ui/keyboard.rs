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

/// From this many extra letters they are an alphabet of their own (Russian's 33), shown
/// without A–Z, so the keys stay large; A–Z are a tap away in another language.
const ALPHABET: usize = 20;

/// The keys of the on-screen keyboard: rows of letters, and the rows Delete and Space end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pub rows: Vec<Vec<char>>,
    pub delete_row: usize,
    pub space_row: usize,
}

/// The keys for `extra` (the language's extra letters, in capitals). With a few: A–Z in
/// three rows with Delete ending the third, the first extra letter ending the second row,
/// then the rest with hyphen and apostrophe, ten to a row, Space ending the last (the
/// Spanish letters make four rows, so the keys stay large on a 7-inch panel). With an
/// alphabet of its own: its letters, hyphen and apostrophe ten to a row, Delete and Space
/// after them.
pub fn keys(extra: &[char]) -> Keys {
    let mut rows: Vec<Vec<char>> = Vec::new();
    let delete_row = if extra.len() >= ALPHABET {
        let all: Vec<char> = extra.iter().copied().chain(['-', '\'']).collect();
        rows.extend(all.chunks(ROW_KEYS).map(<[char]>::to_vec));
        if rows.last().is_some_and(|r| r.len() + 3 > ROW_KEYS) {
            rows.push(Vec::new());
        }
        rows.len() - 1
    } else {
        rows.extend(
            ["QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"]
                .iter()
                .map(|r| r.chars().collect::<Vec<char>>()),
        );
        let mut extra = extra.iter().copied();
        rows[1].extend(extra.next());
        let rest: Vec<char> = extra.chain(['-', '\'']).collect();
        rows.extend(rest.chunks(ROW_KEYS).map(<[char]>::to_vec));
        2
    };
    let last = rows.len() - 1;
    let used = rows[last].len() + if delete_row == last { 3 } else { 0 };
    if used + 2 > ROW_KEYS {
        rows.push(Vec::new());
    }
    let space_row = rows.len() - 1;
    Keys {
        rows,
        delete_row,
        space_row,
    }
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
    let keys = keys(&extra_letters(&words.t("keyboard-extra-letters")));
    let gap = s.px(8.0);
    let key_w = (ui.available_width() - gap * 9.0) / 10.0;
    let tallest = s.px(theme::KEY_HEIGHT) * if s.portrait { 1.5 } else { 1.0 };
    let n = keys.rows.len() as f32;
    let key_h = ((room - gap * n) / n).clamp(s.touch(), tallest);
    ui.add_space((room - key_h * n - gap * n).max(0.0));
    let mut pressed = None;
    let key = |ui: &mut Ui, label: &str, width: f32| {
        widgets::key_button(ui, label, Vec2::new(width, key_h))
    };
    ui.spacing_mut().item_spacing = Vec2::splat(gap);
    for (i, row) in keys.rows.iter().enumerate() {
        ui.horizontal(|ui| {
            for c in row {
                if key(ui, &c.to_string(), key_w) {
                    pressed = Some(KeyPress::Char(*c));
                }
            }
            if i == keys.delete_row && key(ui, &words.t("key-delete"), key_w * 3.0 + gap * 2.0) {
                pressed = Some(KeyPress::Delete);
            }
            if i == keys.space_row && key(ui, &words.t("key-space"), key_w * 2.0 + gap) {
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
        let k = keys(&spanish);
        let text: Vec<String> = k.rows.iter().map(|r| r.iter().collect()).collect();
        assert_eq!(text, ["QWERTYUIOP", "ASDFGHJKLÑ", "ZXCVBNM", "ÁÉÍÓÚÜ-'"]);
        assert_eq!((k.delete_row, k.space_row), (2, 3));
        let units = |k: &Keys, i: usize| {
            k.rows[i].len()
                + if i == k.delete_row { 3 } else { 0 }
                + if i == k.space_row { 2 } else { 0 }
        };
        let russian =
            extra_letters("ё а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я");
        let k = keys(&russian);
        assert_eq!(k.rows.len(), 4, "{k:?}");
        assert!(!k.rows[0].contains(&'Q'), "an alphabet of its own");
        assert_eq!((k.delete_row, k.space_row), (3, 3));
        for lang in [
            &spanish,
            &russian,
            &extra_letters("ă â đ ê ô ơ ư á à ả ã ạ é è"),
            &vec![],
        ] {
            let k = keys(lang);
            assert!((0..k.rows.len()).all(|i| units(&k, i) <= ROW_KEYS), "{k:?}");
        }
    }

    #[test]
    fn a_leading_space_is_not_typed() {
        let mut name = String::new();
        apply(&mut name, KeyPress::Space);
        assert_eq!(name, "");
    }
}

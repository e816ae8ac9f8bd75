//! First names as typed at the tablet: cleaned up for storage, and keyed for "same person?".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The longest first name kept, in characters.
pub const MAX_NAME_CHARS: usize = 24;

/// Characters that change how text is laid out or hide in it, and would let a name spoof
/// another on the staff screen: bidi overrides and isolates, zero-width marks, the BOM.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Cleans a typed first name: drops control and invisible formatting characters, collapses
/// runs of whitespace to one space, trims, and caps the length. `None` means anonymous.
pub fn normalize(raw: &str) -> Option<String> {
    normalize_capped(raw, MAX_NAME_CHARS)
}

/// [`normalize`] with another length cap, for other short text typed at the tablet (a
/// suggested topic, say): the same cleaning, so nothing hidden or spoofing is ever stored.
pub fn normalize_capped(raw: &str, max_chars: usize) -> Option<String> {
    let mut out = String::new();
    let mut pending_space = false;
    let mut count = 0;
    for c in raw.nfc() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c.is_control() || is_invisible_format(c) {
            continue;
        }
        if pending_space {
            if count + 1 >= max_chars {
                break;
            }
            out.push(' ');
            count += 1;
            pending_space = false;
        }
        if count == max_chars {
            break;
        }
        out.push(c);
        count += 1;
    }
    (!out.is_empty()).then_some(out)
}

/// Cleans a name while it is being typed, on screen or on a keyboard (or pasted): the same
/// rules as [`normalize`], except that one trailing space is kept so a second word can follow.
/// `normalize(&clean_typing(x)) == normalize(x)` for any `x`.
pub fn clean_typing(raw: &str) -> String {
    clean_typing_capped(raw, MAX_NAME_CHARS)
}

/// [`clean_typing`] with another length cap, matching [`normalize_capped`].
pub fn clean_typing_capped(raw: &str, max_chars: usize) -> String {
    let trailing_space = raw.chars().last().is_some_and(char::is_whitespace);
    let mut out = normalize_capped(raw, max_chars).unwrap_or_default();
    if trailing_space && !out.is_empty() && out.chars().count() + 1 < max_chars {
        out.push(' ');
    }
    out
}

/// Whether a name holds right-to-left letters (Hebrew, Arabic and their neighbours). The
/// screen lays text out left to right, so such a name would be shown mangled.
pub fn has_right_to_left(name: &str) -> bool {
    name.chars().any(|c| {
        matches!(c,
            '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
                | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
    })
}

/// The key two sign-ins share when they are the same name: case, accents and spacing ignored.
/// "José", "jose " and "JOSE" share one key.
pub fn duplicate_key(name: &str) -> String {
    let folded: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_inner_spaces_collapsed() {
        assert_eq!(normalize("  Mary   Ann \t").as_deref(), Some("Mary Ann"));
    }

    #[test]
    fn control_and_invisible_characters_are_dropped() {
        assert_eq!(
            normalize("Ca\u{0}sey\u{202E}\u{7}").as_deref(),
            Some("Casey")
        );
    }

    #[test]
    fn an_empty_or_blank_name_is_anonymous() {
        assert_eq!(normalize(""), None);
        assert_eq!(normalize(" \n\t "), None);
        assert_eq!(normalize("\u{200B}\u{0}"), None);
    }

    #[test]
    fn long_names_are_capped_at_24_characters() {
        let long = "ñ".repeat(10_000);
        let name = normalize(&long).unwrap();
        assert_eq!(name.chars().count(), MAX_NAME_CHARS);
        assert!(!normalize(&"a ".repeat(30)).unwrap().ends_with(' '));
    }

    #[test]
    fn duplicate_keys_ignore_case_accents_and_spaces() {
        assert_eq!(duplicate_key("Casey"), duplicate_key("casey "));
        assert_eq!(duplicate_key("José"), duplicate_key("JOSE"));
        assert_eq!(duplicate_key("Mary  Ann"), duplicate_key("mary ann"));
        assert_ne!(duplicate_key("Ana"), duplicate_key("Anna"));
    }

    #[test]
    fn typing_keeps_one_space_between_words_and_the_same_rules() {
        assert_eq!(clean_typing("Mary "), "Mary ");
        assert_eq!(clean_typing("Mary  \t"), "Mary ");
        assert_eq!(clean_typing("  "), "");
        assert_eq!(clean_typing("Mary Ann"), "Mary Ann");
        let long = "x".repeat(40);
        assert_eq!(clean_typing(&long).chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn right_to_left_names_are_recognised() {
        assert!(has_right_to_left("مريم"));
        assert!(has_right_to_left("Dana דנה"));
        assert!(!has_right_to_left("José Ñandú"));
    }

    #[test]
    fn decomposed_accents_are_stored_composed() {
        assert_eq!(normalize("Jose\u{301}").as_deref(), Some("José"));
    }
}

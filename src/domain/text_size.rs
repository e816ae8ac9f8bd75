//! How large the words on the public screens are: a participant's one-tap choice, with a
//! default staff set in Settings. The sizes themselves are the ui's.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Largest];

    /// The next size for the "Larger text" tap: larger, then back to normal.
    #[must_use]
    pub fn next(self) -> TextSize {
        match self {
            TextSize::Normal => TextSize::Large,
            TextSize::Large => TextSize::Largest,
            TextSize::Largest => TextSize::Normal,
        }
    }

    /// As written in `settings.toml`.
    pub fn key(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Largest => "largest",
        }
    }

    pub fn from_key(key: &str) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_tap_steps_up_twice_then_back_to_normal() {
        let mut size = TextSize::Normal;
        let seen: Vec<TextSize> = (0..4)
            .map(|_| {
                size = size.next();
                size
            })
            .collect();
        assert_eq!(
            seen,
            [
                TextSize::Large,
                TextSize::Largest,
                TextSize::Normal,
                TextSize::Large
            ]
        );
        for s in TextSize::ALL {
            assert_eq!(TextSize::from_key(s.key()), Some(s));
        }
    }
}

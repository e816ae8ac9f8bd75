//! A language of the kiosk: the id of one folder of Fluent files (`en`, `es`, `vi`, …),
//! found when the kiosk starts. Its words live in `crate::locale`.

use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language id such as `en` or `zh-Hant`. Cheap to copy: the few ids a kiosk ever meets
/// are kept once for the life of the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(&'static str);

/// Every id met so far, each kept once: a handful of short strings per process.
static KNOWN: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

impl Lang {
    /// English: the language every other falls back to, message by message.
    pub const EN: Lang = Lang("en");

    /// The language with id `code`, if it looks like one: letters, digits and `-`, starting
    /// with two or three letters (`en`, `es`, `zh-Hant`, `fil`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        let primary = code.split('-').next().unwrap_or_default();
        let well_formed = (2..=3).contains(&primary.len())
            && primary.chars().all(|c| c.is_ascii_lowercase())
            && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !code.ends_with('-');
        if !well_formed {
            return None;
        }
        if code == Lang::EN.0 {
            return Some(Lang::EN);
        }
        let mut known = KNOWN.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(kept) = known.iter().find(|k| **k == code) {
            return Some(Lang(kept));
        }
        let kept: &'static str = Box::leak(code.to_string().into_boxed_str());
        known.push(kept);
        Some(Lang(kept))
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// The language before any region or script: `zh` for `zh-Hant`.
    pub fn primary(self) -> &'static str {
        self.0.split('-').next().unwrap_or(self.0)
    }
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::EN
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{code}\" is not a language id")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_kept_once() {
        for code in ["en", "es", "vi", "zh-Hant", "fil"] {
            assert_eq!(Lang::from_code(code).unwrap().code(), code);
        }
        assert_eq!(Lang::from_code("vi"), Lang::from_code("vi"));
        assert_eq!(Lang::from_code("zh-Hant").unwrap().primary(), "zh");
        for not_one in ["", "e", "English", "../etc", "en-", "EN", "en_US"] {
            assert_eq!(Lang::from_code(not_one), None, "{not_one}");
        }
    }
}

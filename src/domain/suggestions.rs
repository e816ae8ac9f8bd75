//! Topics suggested from the room: a common topic tapped or a few words typed, with no name
//! and no link to any sign-in, grouped with counts for the facilitator.

use super::names::{duplicate_key, normalize_capped};

/// The longest suggestion kept, in characters.
pub const MAX_SUGGESTION_CHARS: usize = 80;

/// The six topics offered with one tap. The key is what is stored; the words are the ui's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommonTopic {
    Housing,
    Money,
    Health,
    Feelings,
    Relationships,
    StayingSafe,
}

impl CommonTopic {
    pub const ALL: [CommonTopic; 6] = [
        CommonTopic::Housing,
        CommonTopic::Money,
        CommonTopic::Health,
        CommonTopic::Feelings,
        CommonTopic::Relationships,
        CommonTopic::StayingSafe,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CommonTopic::Housing => "housing",
            CommonTopic::Money => "money",
            CommonTopic::Health => "health",
            CommonTopic::Feelings => "feelings",
            CommonTopic::Relationships => "relationships",
            CommonTopic::StayingSafe => "staying_safe",
        }
    }

    pub fn from_key(key: &str) -> Option<CommonTopic> {
        CommonTopic::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// What one suggestion asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Suggested {
    Common(CommonTopic),
    /// A few words, cleaned like a first name and capped at [`MAX_SUGGESTION_CHARS`].
    Own(String),
}

/// One stored suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub id: i64,
    pub topic: Suggested,
    /// Whether it may be shown on the public script screen: a tapped common topic at once;
    /// words someone typed only once staff have read and allowed them, since anything can
    /// be typed (a name, an accusation).
    pub allowed: bool,
}

impl Suggested {
    /// Whether a suggestion of this kind may be shown before staff have read it.
    pub fn public_at_once(&self) -> bool {
        matches!(self, Suggested::Common(_))
    }
}

/// The same topic asked for `count` times; `ids` are the stored suggestions behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionCount {
    pub topic: Suggested,
    pub count: usize,
    pub ids: Vec<i64>,
    /// Allowed to be shown on the public screen (see [`Suggestion::allowed`]).
    pub allowed: bool,
}

/// Typed words as they are stored: control and invisible characters dropped, spaces
/// collapsed, at most 80 characters. `None` when nothing is left.
pub fn clean(raw: &str) -> Option<String> {
    normalize_capped(raw, MAX_SUGGESTION_CHARS)
}

/// Suggestions grouped by topic, the most asked for first (ties in the order first asked).
/// Own words count together when they differ only in case, accents or spacing, and only with
/// others of the same standing: words staff allowed never carry along ones they have not read.
pub fn grouped(suggestions: &[Suggestion]) -> Vec<SuggestionCount> {
    let mut out: Vec<(String, SuggestionCount)> = Vec::new();
    for s in suggestions {
        let key = match &s.topic {
            Suggested::Common(t) => format!("common {}", t.key()),
            Suggested::Own(text) => format!("own {} {}", s.allowed, duplicate_key(text)),
        };
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, entry)) => {
                entry.count += 1;
                entry.ids.push(s.id);
            }
            None => out.push((
                key,
                SuggestionCount {
                    topic: s.topic.clone(),
                    count: 1,
                    ids: vec![s.id],
                    allowed: s.allowed,
                },
            )),
        }
    }
    // A stable sort keeps ties in the order they were first asked for.
    out.sort_by_key(|(_, entry)| std::cmp::Reverse(entry.count));
    out.into_iter().map(|(_, entry)| entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(id: i64, text: &str) -> Suggestion {
        Suggestion {
            id,
            topic: Suggested::Own(text.into()),
            allowed: true,
        }
    }

    fn common(id: i64, topic: CommonTopic) -> Suggestion {
        Suggestion {
            id,
            topic: Suggested::Common(topic),
            allowed: true,
        }
    }

    #[test]
    fn words_staff_have_not_read_never_count_with_words_they_allowed() {
        let unread = Suggestion {
            allowed: false,
            ..own(2, "sleep")
        };
        let got = grouped(&[own(1, "Sleep"), unread, own(3, "SLEEP")]);
        let shape: Vec<(usize, bool, Vec<i64>)> = got
            .iter()
            .map(|g| (g.count, g.allowed, g.ids.clone()))
            .collect();
        assert_eq!(shape, vec![(2, true, vec![1, 3]), (1, false, vec![2])]);
        assert!(!Suggested::Own("x".into()).public_at_once());
        assert!(Suggested::Common(CommonTopic::Money).public_at_once());
    }

    #[test]
    fn the_same_topic_counts_together_most_asked_first() {
        let got = grouped(&[
            own(1, "Sleep"),
            common(2, CommonTopic::Housing),
            common(3, CommonTopic::Housing),
            own(4, "sleep "),
            common(5, CommonTopic::Housing),
            common(6, CommonTopic::Money),
        ]);
        let counts: Vec<(Suggested, usize)> =
            got.iter().map(|g| (g.topic.clone(), g.count)).collect();
        assert_eq!(
            counts,
            vec![
                (Suggested::Common(CommonTopic::Housing), 3),
                (Suggested::Own("Sleep".into()), 2),
                (Suggested::Common(CommonTopic::Money), 1),
            ]
        );
        assert_eq!(got[0].ids, vec![2, 3, 5]);
    }

    #[test]
    fn typed_words_are_cleaned_like_names_and_capped_at_80() {
        assert_eq!(
            clean("  talking\u{202E} to  family\n").as_deref(),
            Some("talking to family")
        );
        assert_eq!(clean(" \u{200B} "), None);
        assert_eq!(clean(&"é".repeat(500)).unwrap().chars().count(), 80);
    }

    #[test]
    fn every_common_topic_key_reads_back() {
        for t in CommonTopic::ALL {
            assert_eq!(CommonTopic::from_key(t.key()), Some(t));
        }
        assert_eq!(CommonTopic::from_key("nope"), None);
    }
}

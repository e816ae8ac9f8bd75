//! Course files: the topics of a course, one per meeting, each with a title and a one-line
//! prompt. The shipped course's shape is in `assets/courses/`, its words in each language's
//! `courses/NAME.toml`; a course of the data folder's `courses/` is in English (with
//! `title_es` / `prompt_es` for Spanish, as earlier versions wrote), and its other languages
//! are in the data folder's `locales/<lang>/courses/NAME.toml`.

use serde::Deserialize;

use super::Topics;
use crate::domain::course::{Topic, TopicWords};
use crate::domain::lang::Lang;
use crate::error::CourseError;
use crate::locale::Locales;

/// The courses shipped with the kiosk, by name: how many meetings each has.
pub const BUILTIN_COURSES: &[(&str, &str)] = &[(
    "eight-week",
    include_str!("../../assets/courses/eight-week.toml"),
)];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Shape {
    meetings: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCourse {
    #[serde(rename = "topic", default)]
    topics: Vec<RawTopic>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    title: String,
    #[serde(default)]
    prompt: String,
    /// The Spanish words, in a course file of the data folder's `courses/`.
    title_es: Option<String>,
    prompt_es: Option<String>,
}

fn raw(text: &str) -> Result<Vec<RawTopic>, CourseError> {
    let raw: RawCourse =
        toml::from_str(text).map_err(|e| CourseError::Syntax(e.message().trim().to_string()))?;
    let topics: Vec<RawTopic> = raw
        .topics
        .into_iter()
        .filter(|t| !t.title.trim().is_empty())
        .collect();
    if topics.is_empty() {
        return Err(CourseError::NoTopics);
    }
    Ok(topics)
}

/// Reads one language's topics in order (`[[topic]] title = … prompt = …`).
pub fn parse_words(text: &str) -> Result<Vec<TopicWords>, CourseError> {
    Ok(raw(text)?
        .into_iter()
        .map(|t| TopicWords {
            title: t.title.trim().to_string(),
            prompt: t.prompt.trim().to_string(),
        })
        .collect())
}

/// Reads a course file of the data folder's `courses/`: its topics in order, in English,
/// and in Spanish where it has `title_es`; or what is wrong with it.
pub fn parse(text: &str) -> Result<Vec<Topic>, CourseError> {
    let spanish = Lang::from_code("es").unwrap_or_default();
    Ok(raw(text)?
        .into_iter()
        .map(|t| {
            let mut topic = Topic::new(TopicWords {
                title: t.title.trim().to_string(),
                prompt: t.prompt.trim().to_string(),
            });
            if let Some(title) = t.title_es {
                topic.add(
                    spanish,
                    TopicWords {
                        title: title.trim().to_string(),
                        prompt: t.prompt_es.unwrap_or_default().trim().to_string(),
                    },
                );
            }
            topic
        })
        .collect())
}

/// How many meetings the shipped course `name` has, if there is one.
pub fn builtin_meetings(name: &str) -> Option<usize> {
    let (_, text) = BUILTIN_COURSES.iter().find(|(n, _)| *n == name)?;
    toml::from_str::<Shape>(text).ok().map(|s| s.meetings)
}

/// Topics written straight into settings: the same title in each language, no prompt.
pub fn from_titles(titles: &[String]) -> Vec<Topic> {
    titles
        .iter()
        .map(|title| {
            Topic::new(TopicWords {
                title: title.clone(),
                prompt: String::new(),
            })
        })
        .collect()
}

/// The topics `topics` stands for, in every language of `locales` that has their words;
/// `load` reads a course of the data folder's `courses/`, which comes before the shipped
/// one of that name. An unknown or unreadable course has no topics.
pub fn resolve(
    topics: &Topics,
    locales: &Locales,
    load: impl Fn(&str) -> Option<String>,
) -> Vec<Topic> {
    let name = match topics {
        Topics::List(titles) => return from_titles(titles),
        Topics::Set(name) => name.as_str(),
    };
    let words_in = |lang| {
        locales
            .course(lang, name)
            .and_then(|text| parse_words(text).ok())
    };
    let shipped = words_in(Lang::EN);
    let own = load(name).and_then(|text| parse(&text).ok());
    // The shipped translations fit the shipped English only; a course of the data folder's
    // own (another name, or its copy changed) takes translations of the data folder's.
    let shipped_english = || shipped.iter().flatten().map(|w| w.title.as_str());
    let fits_translations = match (&own, builtin_meetings(name)) {
        (None, _) | (Some(_), None) => true,
        (Some(own), Some(_)) => own
            .iter()
            .map(|t| t.words(Lang::EN).title.as_str())
            .eq(shipped_english()),
    };
    let mut topics = match own {
        Some(own) => own,
        None => shipped
            .unwrap_or_default()
            .into_iter()
            .map(Topic::new)
            .collect(),
    };
    if !fits_translations {
        return topics;
    }
    for (lang, _) in locales.languages().filter(|(l, _)| *l != Lang::EN) {
        match words_in(lang) {
            Some(words) if words.len() == topics.len() => {
                for (topic, words) in topics.iter_mut().zip(words) {
                    topic.add(lang, words);
                }
            }
            Some(words) => log::warn!(
                "courses/{name}.toml in {lang} has {} topics, not {}; they show in English",
                words.len(),
                topics.len()
            ),
            None => {}
        }
    }
    topics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::built_in;

    fn es() -> Lang {
        Lang::from_code("es").unwrap()
    }

    #[test]
    fn every_language_has_each_shipped_course_topic_with_a_prompt() {
        for (name, _) in BUILTIN_COURSES {
            let meetings = builtin_meetings(name).unwrap();
            for (lang, _) in built_in().languages() {
                let text = built_in().course(lang, name).unwrap();
                let words = parse_words(text).unwrap();
                assert_eq!(words.len(), meetings, "{lang}: courses/{name}.toml");
                for w in &words {
                    assert!(
                        !w.title.is_empty() && w.title.chars().count() < 60,
                        "{lang}: {w:?}"
                    );
                    let end = w.prompt.chars().last().unwrap_or_default();
                    assert!(".?。？".contains(end), "{lang}: {w:?}");
                }
            }
        }
        let topics = resolve(&Topics::Set("eight-week".into()), built_in(), |_| None);
        assert_eq!(topics.len(), 8);
        assert_eq!(topics[2].words(Lang::EN).title, "Drug, set and setting");
        assert_eq!(
            topics[2].words(es()).title,
            "Sustancia, estado de ánimo y entorno"
        );
    }

    #[test]
    fn a_course_file_with_no_topics_is_refused_in_one_sentence() {
        assert_eq!(
            parse("# nothing yet\n").unwrap_err().to_string(),
            "it has no [[topic]] with a title"
        );
        assert!(parse("[[topic]]\ntitel = \"x\"\n").is_err());
    }

    #[test]
    fn topics_resolve_from_a_file_a_shipped_course_or_a_list() {
        let own = "[[topic]]\ntitle = \"Sleep\"\n";
        let from_file = resolve(&Topics::Set("mine".into()), built_in(), |_| {
            Some(own.into())
        });
        assert_eq!(from_file[0].words(es()).title, "Sleep");
        let with_es = "[[topic]]\ntitle = \"Sleep\"\ntitle_es = \"Dormir\"\n";
        let from_file = resolve(&Topics::Set("mine".into()), built_in(), |_| {
            Some(with_es.into())
        });
        assert_eq!(from_file[0].words(es()).title, "Dormir");
        assert!(resolve(&Topics::Set("missing".into()), built_in(), |_| None).is_empty());
        let list = resolve(
            &Topics::List(vec!["A".into(), "B".into()]),
            built_in(),
            |_| None,
        );
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn a_changed_copy_of_the_shipped_course_is_not_given_the_shipped_translations() {
        let changed = "[[topic]]\ntitle = \"Sleep\"\n";
        let topics = resolve(&Topics::Set("eight-week".into()), built_in(), |_| {
            Some(changed.into())
        });
        assert_eq!(topics.len(), 1);
        assert_eq!(topics[0].words(es()).title, "Sleep");
    }
}

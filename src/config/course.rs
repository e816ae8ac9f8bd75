//! Course files (`courses/NAME.toml`, one shipped in `assets/courses/`): the topics of a
//! course, one per meeting, each with a title and a one-line prompt in English and Spanish.

use serde::Deserialize;

use super::Topics;
use crate::domain::course::{Topic, TopicWords};
use crate::error::CourseError;

/// The courses shipped with the kiosk, built into the binary.
pub const BUILTIN_COURSES: &[(&str, &str)] = &[(
    "eight-week",
    include_str!("../../assets/courses/eight-week.toml"),
)];

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
    /// The Spanish words; the English ones when left out.
    title_es: Option<String>,
    prompt_es: Option<String>,
}

/// Reads a course file: its topics in order, or what is wrong with it.
pub fn parse(text: &str) -> Result<Vec<Topic>, CourseError> {
    let raw: RawCourse =
        toml::from_str(text).map_err(|e| CourseError::Syntax(e.message().trim().to_string()))?;
    let topics: Vec<Topic> = raw
        .topics
        .into_iter()
        .filter(|t| !t.title.trim().is_empty())
        .map(|t| {
            let en = TopicWords {
                title: t.title.trim().to_string(),
                prompt: t.prompt.trim().to_string(),
            };
            let es = TopicWords {
                title: t
                    .title_es
                    .map_or_else(|| en.title.clone(), |s| s.trim().to_string()),
                prompt: t
                    .prompt_es
                    .map_or_else(|| en.prompt.clone(), |s| s.trim().to_string()),
            };
            Topic { en, es }
        })
        .collect();
    if topics.is_empty() {
        return Err(CourseError::NoTopics);
    }
    Ok(topics)
}

/// The shipped course called `name`, if there is one.
pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN_COURSES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// Topics written straight into settings: the same title in each language, no prompt.
pub fn from_titles(titles: &[String]) -> Vec<Topic> {
    titles
        .iter()
        .map(|title| {
            let words = TopicWords {
                title: title.clone(),
                prompt: String::new(),
            };
            Topic {
                en: words.clone(),
                es: words,
            }
        })
        .collect()
}

/// The topics `topics` stands for; `load` reads a named course (from the data folder, then
/// the shipped ones). An unknown or unreadable course has no topics.
pub fn resolve(topics: &Topics, load: impl Fn(&str) -> Option<String>) -> Vec<Topic> {
    match topics {
        Topics::List(titles) => from_titles(titles),
        Topics::Set(name) => load(name)
            .and_then(|text| parse(&text).ok())
            .or_else(|| builtin(name).and_then(|text| parse(text).ok()))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;

    #[test]
    fn the_shipped_course_has_eight_topics_with_prompts_in_both_languages() {
        let topics = parse(builtin("eight-week").unwrap()).unwrap();
        assert_eq!(topics.len(), 8);
        assert_eq!(topics[2].words(Lang::En).title, "Drug, set and setting");
        for t in &topics {
            for lang in Lang::ALL {
                let w = t.words(lang);
                assert!(!w.title.is_empty() && w.title.len() < 60, "{w:?}");
                assert!(w.prompt.ends_with('?') || w.prompt.ends_with('.'), "{w:?}");
            }
            assert_ne!(
                t.en.title, t.es.title,
                "Spanish words are written, not copied"
            );
        }
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
        let from_file = resolve(&Topics::Set("mine".into()), |_| Some(own.into()));
        assert_eq!(from_file[0].es.title, "Sleep");
        assert_eq!(
            resolve(&Topics::Set("eight-week".into()), |_| None).len(),
            8
        );
        assert!(resolve(&Topics::Set("missing".into()), |_| None).is_empty());
        let list = resolve(&Topics::List(vec!["A".into(), "B".into()]), |_| None);
        assert_eq!(list.len(), 2);
    }
}

//! Languages as files: one folder of Project Fluent messages per language, with its scripts
//! and course topics, built into the binary from `assets/locales/` and found in the data
//! folder's `locales/` at start, both read by the same code. Rust holds message ids only.

mod load;
mod tr;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, PoisonError};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

use crate::domain::lang::Lang;
pub use tr::Tr;

/// Primary languages written right to left. egui lays text out left to right only, so a
/// folder for one of these is refused rather than drawn wrong.
const RIGHT_TO_LEFT: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// Every language found, English first, and what staff are told about the folders that
/// could not be used as they are.
pub struct Locales {
    languages: Vec<Language>,
    problems: Vec<LocaleProblem>,
    /// (language, message id) already logged as missing, so each is said once.
    missing_said: Mutex<HashSet<(Lang, String)>>,
}

/// One language: its messages, its own name, its scripts and its course topics.
pub struct Language {
    pub lang: Lang,
    /// The language's name in its own words (`language-name`), as Home lists it.
    pub name: String,
    bundle: FluentBundle<FluentResource>,
    /// Script sets by name (`drop-in`), as the file `scripts/NAME.md` holds them.
    scripts: BTreeMap<String, String>,
    /// Course topics by course name (`eight-week`), as `courses/NAME.toml` holds them.
    courses: BTreeMap<String, String>,
    /// Each message id with the `$arguments` it uses, to check translations against English.
    variables: BTreeMap<String, BTreeSet<String>>,
}

/// A language folder, or one of its files, that could not be used as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocaleProblem {
    /// A Fluent file with a mistake at `line` (from 1): the messages around it still load,
    /// the broken ones show in English.
    Broken {
        file: PathBuf,
        line: usize,
        why: String,
    },
    /// A file or folder that could not be read at all.
    Unreadable { file: PathBuf, why: String },
    /// A language written right to left (by its id, or `language-direction = rtl`).
    RightToLeft { folder: PathBuf },
    /// A folder whose name is not a language id.
    NotALanguage { folder: PathBuf },
}

impl Locales {
    /// The languages built into the binary, then those of `data_locales` (the data folder's
    /// `locales/`): a folder there for a built-in language adds to it and overrides its
    /// messages; any other folder is a new language.
    pub fn load(data_locales: Option<&Path>) -> Locales {
        let mut folders = load::builtin();
        let mut problems = Vec::new();
        if let Some(dir) = data_locales {
            for folder in load::from_dir(dir, &mut problems) {
                match folders.iter_mut().find(|f| f.lang == folder.lang) {
                    Some(same) => same.files.extend(folder.files),
                    None => folders.push(folder),
                }
            }
        }
        let mut languages: Vec<Language> = folders
            .into_iter()
            .filter_map(|folder| load::language(folder, &mut problems))
            .collect();
        // English first, then the others in the order of their ids, so Home lists them alike
        // on every start.
        languages.sort_by_key(|l| (l.lang != Lang::EN, l.lang));
        for problem in &problems {
            log::warn!("{problem:?}");
        }
        Locales {
            languages,
            problems,
            missing_said: Mutex::new(HashSet::new()),
        }
    }

    /// The built-in languages only (the command line, and tests).
    pub fn builtin() -> Locales {
        Locales::load(None)
    }

    /// The words of `lang`; English when no such language was found.
    pub fn tr(&self, lang: Lang) -> Tr<'_> {
        let language = self
            .languages
            .iter()
            .find(|l| l.lang == lang)
            .unwrap_or_else(|| self.english());
        Tr::new(self, language)
    }

    fn english(&self) -> &Language {
        // The English folder is built into the binary and checked by the tests: it is
        // always there.
        self.languages
            .iter()
            .find(|l| l.lang == Lang::EN)
            .expect("English is built into the binary")
    }

    /// Every language found, English first, each with its own name.
    pub fn languages(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.languages.iter().map(|l| (l.lang, l.name.as_str()))
    }

    pub fn has(&self, lang: Lang) -> bool {
        self.languages.iter().any(|l| l.lang == lang)
    }

    /// The folders and files that could not be used as they are, for staff.
    pub fn problems(&self) -> &[LocaleProblem] {
        &self.problems
    }

    /// The script set `name` (`scripts/NAME.md`) in `lang`, if that language has one.
    pub fn script(&self, lang: Lang, name: &str) -> Option<&str> {
        self.find(lang)?.scripts.get(name).map(String::as_str)
    }

    /// The topics of course `name` (`courses/NAME.toml`) in `lang`, if it has them.
    pub fn course(&self, lang: Lang, name: &str) -> Option<&str> {
        self.find(lang)?.courses.get(name).map(String::as_str)
    }

    /// Every script set of every language: (language, name, text).
    pub fn all_scripts(&self) -> impl Iterator<Item = (Lang, &str, &str)> {
        self.languages.iter().flat_map(|l| {
            l.scripts
                .iter()
                .map(move |(name, text)| (l.lang, name.as_str(), text.as_str()))
        })
    }

    /// Each message id of `lang` with the `$arguments` it uses.
    pub fn variables(&self, lang: Lang) -> Option<&BTreeMap<String, BTreeSet<String>>> {
        self.find(lang).map(|l| &l.variables)
    }

    fn find(&self, lang: Lang) -> Option<&Language> {
        self.languages.iter().find(|l| l.lang == lang)
    }

    /// Says once in the log that `id` is missing (or broken) in `lang`.
    fn say_missing(&self, lang: Lang, id: &str) {
        let mut said = self
            .missing_said
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if said.insert((lang, id.to_string())) {
            log::warn!("the message {id} is missing in {lang}; it shows in English");
        }
    }
}

static BUILT_IN: LazyLock<Locales> = LazyLock::new(Locales::builtin);

/// The languages built into the binary, read once (the command line, settings.toml's
/// problems, and a kiosk with no languages of its own in the data folder).
pub fn built_in() -> &'static Locales {
    &BUILT_IN
}

/// English as built in: what the command line prints and settings.toml's problems say.
pub fn english() -> Tr<'static> {
    BUILT_IN.tr(Lang::EN)
}

/// The problem in staff's words, in the language of `tr`.
pub fn problem_words(problem: &LocaleProblem, tr: &Tr<'_>) -> String {
    let path = |p: &Path| p.display().to_string();
    match problem {
        LocaleProblem::Broken { file, line, why } => tr.a(
            "locale-broken",
            &[
                ("file", path(file).into()),
                ("line", (*line).into()),
                ("why", why.clone().into()),
            ],
        ),
        LocaleProblem::Unreadable { file, why } => tr.a(
            "locale-unreadable",
            &[("file", path(file).into()), ("why", why.clone().into())],
        ),
        // Named by its folder: its own name is in letters the kiosk cannot draw.
        LocaleProblem::RightToLeft { folder } => {
            tr.a("locale-right-to-left", &[("language", path(folder).into())])
        }
        LocaleProblem::NotALanguage { folder } => {
            tr.a("locale-not-a-language", &[("folder", path(folder).into())])
        }
    }
}

#[cfg(test)]
mod tests;

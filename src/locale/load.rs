//! Reading language folders, built-in or from the data folder, into `Language`s.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_syntax::ast;
use include_dir::{Dir, include_dir};

use super::{Language, LocaleProblem, RIGHT_TO_LEFT};
use crate::domain::lang::Lang;

/// `assets/locales/`, built into the binary.
static BUILTIN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/locales");

/// One language folder as read: its files by their path inside the folder.
pub(super) struct Folder {
    pub lang: Lang,
    pub files: Vec<File>,
}

pub(super) struct File {
    /// Inside the folder: `kiosk.ftl`, `scripts/drop-in.md`, `courses/eight-week.toml`.
    inside: PathBuf,
    /// As staff are told of it: the real path, or `assets/locales/...` for a built-in one.
    shown: PathBuf,
    text: String,
    /// From the data folder: its messages override the built-in ones of the same id.
    added: bool,
}

/// The folders built into the binary.
pub(super) fn builtin() -> Vec<Folder> {
    let mut folders = Vec::new();
    for dir in BUILTIN.dirs() {
        let Some(lang) = dir.path().to_str().and_then(Lang::from_code) else {
            continue;
        };
        let mut files = Vec::new();
        collect_builtin(dir, dir.path(), &mut files);
        folders.push(Folder { lang, files });
    }
    folders
}

fn collect_builtin(dir: &Dir<'_>, root: &Path, files: &mut Vec<File>) {
    for file in dir.files() {
        if let (Ok(inside), Some(text)) = (file.path().strip_prefix(root), file.contents_utf8()) {
            files.push(File {
                inside: inside.to_path_buf(),
                shown: Path::new("assets/locales").join(file.path()),
                text: text.to_string(),
                added: false,
            });
        }
    }
    for sub in dir.dirs() {
        collect_builtin(sub, root, files);
    }
}

/// The folders in `dir` (the data folder's `locales/`); none when it does not exist.
pub(super) fn from_dir(dir: &Path, problems: &mut Vec<LocaleProblem>) -> Vec<Folder> {
    let mut folders = Vec::new();
    for path in sorted_entries(dir, Path::is_dir) {
        let Some(lang) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(Lang::from_code)
        else {
            problems.push(LocaleProblem::NotALanguage { folder: path });
            continue;
        };
        let mut files = Vec::new();
        for sub in [Path::new(""), Path::new("scripts"), Path::new("courses")] {
            for file in sorted_entries(&path.join(sub), Path::is_file) {
                let Some(name) = file.file_name() else {
                    continue;
                };
                match std::fs::read_to_string(&file) {
                    Ok(text) => files.push(File {
                        inside: sub.join(name),
                        shown: file.clone(),
                        text,
                        added: true,
                    }),
                    Err(e) => problems.push(LocaleProblem::Unreadable {
                        file,
                        why: e.to_string(),
                    }),
                }
            }
        }
        folders.push(Folder { lang, files });
    }
    folders
}

/// The entries of `dir` that `keep` accepts, in name order; none when `dir` cannot be read.
fn sorted_entries(dir: &Path, keep: fn(&Path) -> bool) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| keep(p))
        .collect();
    paths.sort();
    paths
}

/// The language of `folder`, or None (with the reason in `problems`) when it cannot be shown.
pub(super) fn language(folder: Folder, problems: &mut Vec<LocaleProblem>) -> Option<Language> {
    let id = folder
        .lang
        .code()
        .parse::<unic_langid::LanguageIdentifier>()
        .unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around each argument matter only for mixed directions, which
    // the kiosk does not draw; without them a name reads back exactly as it was typed.
    bundle.set_use_isolating(false);
    let mut variables = BTreeMap::new();
    let mut scripts = BTreeMap::new();
    let mut courses = BTreeMap::new();
    for file in folder.files {
        let ext = file.inside.extension().and_then(|e| e.to_str());
        let stem = file
            .inside
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let parent = file.inside.parent().and_then(|p| p.to_str()).unwrap_or("");
        match (parent, ext) {
            ("", Some("ftl")) => {
                let resource = match FluentResource::try_new(file.text) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        for error in errors {
                            problems.push(LocaleProblem::Broken {
                                file: file.shown.clone(),
                                line: line_of(resource.source(), error.pos.start),
                                why: error.to_string(),
                            });
                        }
                        resource
                    }
                };
                variables.extend(message_variables(&resource));
                if file.added {
                    bundle.add_resource_overriding(resource);
                } else if let Err(errors) = bundle.add_resource(resource) {
                    for error in errors {
                        log::warn!("{}: {error}", file.shown.display());
                    }
                }
            }
            ("scripts", Some("md")) => {
                scripts.insert(stem, file.text);
            }
            ("courses", Some("toml")) => {
                courses.insert(stem, file.text);
            }
            _ => {}
        }
    }
    let message = |id: &str| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, None, &mut errors)
                .trim()
                .to_string(),
        )
    };
    let name = message("language-name").unwrap_or_else(|| folder.lang.code().to_string());
    let rtl = RIGHT_TO_LEFT.contains(&folder.lang.primary())
        || message("language-direction").is_some_and(|d| d.eq_ignore_ascii_case("rtl"));
    if rtl {
        problems.push(LocaleProblem::RightToLeft {
            folder: PathBuf::from("locales").join(folder.lang.code()),
        });
        return None;
    }
    Some(Language {
        lang: folder.lang,
        name,
        bundle,
        scripts,
        courses,
        variables,
    })
}

/// The line (from 1) of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.char_indices()
        .take_while(|(i, _)| *i < at)
        .filter(|(_, c)| *c == '\n')
        .count()
        + 1
}

/// Each message of `resource` with the `$arguments` it and its attributes use.
fn message_variables(resource: &FluentResource) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(message) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut vars);
            }
            for attribute in &message.attributes {
                pattern_variables(&attribute.value, &mut vars);
            }
            found.insert(message.id.name.to_string(), vars);
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for variant in variants {
                pattern_variables(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, vars),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_variables(arg, vars);
            }
            for arg in &arguments.named {
                inline_variables(&arg.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        _ => {}
    }
}

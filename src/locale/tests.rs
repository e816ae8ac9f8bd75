use std::path::Path;

use super::*;

fn lang(code: &str) -> Lang {
    Lang::from_code(code).unwrap()
}

/// A data folder's `locales/` holding `files` (path inside it, text).
fn data_locales(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn every_folder_in_assets_is_built_in_and_every_file_parses() {
    let on_disk: BTreeSet<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    let locales = Locales::builtin();
    let built_in: BTreeSet<String> = locales
        .languages()
        .map(|(l, _)| l.code().to_string())
        .collect();
    assert_eq!(built_in, on_disk);
    assert_eq!(locales.problems(), &[]);
}

/// Each language has every message English has, with the same `$arguments`, and no message
/// English lacks. A translation that drops one fails here, naming the language and the id.
#[test]
fn every_language_has_every_message_of_english_with_the_same_arguments() {
    let locales = Locales::builtin();
    let english = locales.variables(Lang::EN).unwrap();
    assert!(english.len() > 250, "{}", english.len());
    let mut wrong = Vec::new();
    for (lang, _) in locales.languages() {
        let theirs = locales.variables(lang).unwrap();
        for (id, vars) in english {
            match theirs.get(id) {
                None => wrong.push(format!("{lang}: {id} is missing")),
                Some(v) if v != vars => {
                    wrong.push(format!("{lang}: {id} uses {v:?}, English {vars:?}"));
                }
                Some(_) => {}
            }
        }
        for id in theirs.keys().filter(|id| !english.contains_key(*id)) {
            wrong.push(format!("{lang}: {id} is not an English message"));
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn every_language_names_itself_and_has_the_scripts_and_course_of_english() {
    let locales = Locales::builtin();
    for (lang, name) in locales.languages() {
        assert_ne!(name, lang.code(), "{lang} gives itself a name");
        for script in ["drop-in", "check-in", "course"] {
            assert!(
                locales.script(lang, script).is_some(),
                "{lang}: scripts/{script}.md"
            );
        }
        assert!(
            locales.course(lang, "eight-week").is_some(),
            "{lang}: courses/eight-week.toml"
        );
    }
    assert_eq!(locales.tr(lang("es")).name(), "Español");
}

#[test]
fn a_message_missing_in_a_language_shows_in_english_never_another_language() {
    let dir = data_locales(&[(
        "vi/language.ftl",
        "language-name = Tiếng Việt\nsign-in = Đăng nhập\n",
    )]);
    let locales = Locales::load(Some(dir.path()));
    let vi = locales.tr(lang("vi"));
    assert_eq!(vi.name(), "Tiếng Việt");
    assert_eq!(vi.t("sign-in"), "Đăng nhập");
    assert_eq!(vi.t("back"), "Back");
    assert_eq!(vi.t("back"), "Back", "asked again, still English");
    assert_eq!(locales.tr(lang("es")).t("back"), "Volver");
    let names: Vec<&str> = locales.languages().map(|(_, n)| n).collect();
    assert_eq!(names[0], "English");
    assert!(names.contains(&"Tiếng Việt"), "{names:?}");
}

#[test]
fn a_broken_file_in_the_data_folder_is_named_with_its_line_and_the_rest_still_loads() {
    let dir = data_locales(&[(
        "vi/kiosk.ftl",
        "language-name = Tiếng Việt\nback = Quay lại\nsign-in Đăng nhập\ndone = Xong\n",
    )]);
    let locales = Locales::load(Some(dir.path()));
    let [LocaleProblem::Broken { file, line, .. }] = locales.problems() else {
        panic!("{:?}", locales.problems());
    };
    assert_eq!((file, *line), (&dir.path().join("vi/kiosk.ftl"), 3));
    let said = problem_words(&locales.problems()[0], &locales.tr(Lang::EN));
    assert!(said.contains("kiosk.ftl, line 3:"), "{said}");
    let vi = locales.tr(lang("vi"));
    assert_eq!(
        (vi.t("back"), vi.t("done"), vi.t("sign-in")),
        ("Quay lại".into(), "Xong".into(), "Sign in".into())
    );
}

#[test]
fn a_right_to_left_language_is_refused_in_one_sentence() {
    let dir = data_locales(&[
        ("ar/language.ftl", "language-name = العربية\n"),
        (
            "xx/language.ftl",
            "language-name = Xx\nlanguage-direction = rtl\n",
        ),
        ("Not a language/language.ftl", "language-name = ?\n"),
    ]);
    let locales = Locales::load(Some(dir.path()));
    assert!(!locales.has(lang("ar")) && !locales.has(lang("xx")));
    let said: Vec<String> = locales
        .problems()
        .iter()
        .map(|p| problem_words(p, &locales.tr(Lang::EN)))
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        said[0].contains("Not a language") && said[0].contains("not named like a language"),
        "{said:?}"
    );
    assert_eq!(
        said[1],
        "locales/ar is written right to left, which the kiosk cannot draw yet, so it is not offered."
    );
}

#[test]
fn plurals_and_calendar_words_come_from_each_language() {
    let locales = Locales::builtin();
    let en = locales.tr(Lang::EN);
    let es = locales.tr(lang("es"));
    assert_eq!(
        en.a("staff-pin-digits-typed", &[("n", 1.into())]),
        "1 digit typed"
    );
    assert_eq!(
        en.a("staff-pin-digits-typed", &[("n", 4.into())]),
        "4 digits typed"
    );
    assert_eq!(
        es.a("staff-pin-digits-typed", &[("n", 1.into())]),
        "1 cifra escrita"
    );
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!(en.time_range(t(13, 30), t(14, 30)), "1:30–2:30 PM");
    assert_eq!(en.time_range(t(11, 30), t(12, 30)), "11:30 AM–12:30 PM");
    assert_eq!(en.time(t(0, 5)), "12:05 AM");
    assert_eq!(es.time_range(t(13, 30), t(14, 30)), "13:30–14:30");
    assert_eq!(en.short_time_range(t(11, 0), t(12, 30)), "11 AM–12:30 PM");
    assert_eq!(en.short_time_range(t(18, 0), t(19, 0)), "6–7 PM");
    let days = |tr: &Tr<'_>| {
        tr.join_list(&[
            tr.weekday_long(chrono::Weekday::Mon),
            tr.weekday_long(chrono::Weekday::Wed),
            tr.weekday_long(chrono::Weekday::Fri),
        ])
    };
    assert_eq!(days(&en), "Monday, Wednesday and Friday");
    assert_eq!(days(&es), "lunes, miércoles y viernes");
}

#[test]
fn every_shipped_script_splits_and_uses_only_known_placeholders() {
    let locales = Locales::builtin();
    let mut seen = 0;
    for (lang, name, text) in locales.all_scripts() {
        let s = crate::domain::script::parse(text, &locales.tr(lang).script_headings());
        assert!(
            s.opening.chars().count() > 150 && s.closing.chars().count() > 60,
            "{lang}: {name}"
        );
        let filled = crate::domain::script::fill(
            &format!("{}{}", s.opening, s.closing),
            &crate::domain::script::Fill::default(),
        );
        assert!(
            !filled.contains('{') && !filled.contains('}'),
            "{lang}: {name}"
        );
        seen += 1;
    }
    assert!(seen >= 6);
}

/// The string literals of Rust source `code`, each with the byte it starts at; comments
/// (where doc comments quote words) are skipped.
fn string_literals(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut chars = code.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '/' if code[at..].starts_with("//") => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            // A char literal ('"', '\n'); anything else is a lifetime ('a, '_).
            '\'' => {
                let rest = &code[at + 1..];
                let mut inside = rest.chars();
                // How many characters the literal has after its opening quote.
                let length = match (inside.next(), inside.next()) {
                    (Some('\\'), _) => rest[2..].find('\'').map_or(0, |n| n + 3),
                    (Some(_), Some('\'')) => 2,
                    _ => 0,
                };
                for _ in 0..length {
                    chars.next();
                }
            }
            '"' => {
                let mut text = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            text.push(c);
                            if let Some((_, escaped)) = chars.next() {
                                text.push(escaped);
                            }
                        }
                        _ => text.push(c),
                    }
                }
                found.push((at, text));
            }
            _ => {}
        }
    }
    found
}

/// The Rust files of `src/` outside their unit tests (which may say what they check in
/// words), each with its path inside `src/`.
fn source_files() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut folders = vec![src.clone()];
    let mut files = Vec::new();
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.file_name().is_some_and(|n| n != "tests.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                let inside = path.strip_prefix(&src).unwrap().to_string_lossy();
                files.push((inside.replace('\\', "/"), code.to_string()));
            }
        }
    }
    files.sort();
    files
}

/// Every literal in the code shaped like a message id (`staff-pin-saved`) is an English
/// message, whether it is asked for with `t`/`a` or handed back from a `match`; a Fluent
/// argument's name (`("sign-ins", …)`) is not an id. A typo in an id fails here rather than
/// showing the id to a person.
#[test]
fn every_message_id_in_the_code_is_an_english_message() {
    let english = Locales::builtin();
    let english = english.variables(Lang::EN).unwrap();
    // Literals shaped like ids that are not: script and course names, Fluent selector keys,
    // the program's name.
    let not_ids = [
        "drop-in",
        "eight-week",
        "dropin-kiosk",
        "last-good",
        "built-in",
    ];
    let is_id_shaped = |s: &str| {
        s.split('-').count() > 1
            && s.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
            && s.starts_with(|c: char| c.is_ascii_lowercase())
    };
    let mut unknown = Vec::new();
    let mut seen = 0;
    for (file, code) in source_files() {
        for (at, literal) in string_literals(&code) {
            // `("name", value)`: a tuple, where `a("id", …)` is a call.
            let before = code[..at].trim_end();
            let tuple = before.strip_suffix('(').is_some_and(|b| {
                !b.trim_end()
                    .ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '!')
            });
            let argument_name =
                tuple && code[at + literal.len() + 2..].trim_start().starts_with(',');
            if !is_id_shaped(&literal) || argument_name || not_ids.contains(&literal.as_str()) {
                continue;
            }
            seen += 1;
            if !english.contains_key(&literal) {
                unknown.push(format!("{file}: {literal}"));
            }
        }
    }
    assert!(
        seen > 300,
        "{seen} ids found: is the search still finding them?"
    );
    assert_eq!(unknown, Vec::<String>::new());
}

/// Rust holds message ids and their values, never a sentence a person reads, so a translator
/// finds every word in the Fluent files: no string of three or more words where the command
/// line, the settings' rules and the errors are written. Log lines stay English in Rust, for
/// whoever maintains the machine.
#[test]
fn no_sentence_a_person_reads_is_written_in_rust() {
    let checked = |file: &str| {
        file.starts_with("commands")
            || [
                "config/validate.rs",
                "error.rs",
                "fs.rs",
                "chime.rs",
                "report.rs",
                "export/dhis2.rs",
                "lib.rs",
                "words/errors.rs",
                "words/settings.rs",
            ]
            .contains(&file)
    };
    let is_word = |w: &str| {
        let w = w.trim_end_matches([',', ';', ':', '.', ')']);
        w.len() > 1 && w.chars().all(|c| c.is_ascii_alphabetic())
    };
    let mut sentences = Vec::new();
    let mut files = 0;
    for (file, code) in source_files().into_iter().filter(|(f, _)| checked(f)) {
        files += 1;
        for (at, literal) in string_literals(&code) {
            let before = &code[..at];
            let statement = before
                .rfind([';', '{', '}'])
                .map_or(before, |i| &before[i..]);
            let logged = statement.contains("log::");
            let reason = statement.trim_end().ends_with("reason =");
            if literal.split_whitespace().filter(|w| is_word(w)).count() >= 3 && !logged && !reason
            {
                sentences.push(format!("{file}: {literal}"));
            }
        }
    }
    assert!(files >= 14, "{files} files checked");
    assert_eq!(sentences, Vec::<String>::new());
}

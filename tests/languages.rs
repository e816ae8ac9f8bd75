//! Languages as folders (SPEC §14): a folder added to the data folder's `locales/` is on
//! Home in its own name, a message it lacks is in English, a broken file is named to staff
//! with its line, and past three languages Home has one button for a chooser.

use dropin_kiosk::domain::lang::Lang;

use crate::util::{DataFolder, Tablet};

const IN_SESSION: &str = "2026-11-25T13:56:00-08:00";

/// A data folder with language folders `files` (path under `locales/`, text) added.
fn with_locales(files: &[(&str, &str)]) -> DataFolder {
    let folder = DataFolder::new();
    for (path, text) in files {
        let path = folder.path().join("locales").join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    folder
}

/// Letters egui's own font has, so the test needs no system font (Vietnamese, say, needs
/// `DejaVu`: see the README).
const PORTUGUESE: (&str, &str) = (
    "pt/language.ftl",
    "language-name = Português\nsign-in-named = Entrar com o meu nome\ntimer-time-left = Faltam { $left }\n",
);

fn pt() -> Lang {
    Lang::from_code("pt").unwrap()
}

#[test]
fn a_language_folder_added_to_the_data_folder_is_on_home_in_its_own_name() {
    let folder = with_locales(&[PORTUGUESE]);
    let mut t = Tablet::in_dir(folder.dir, IN_SESSION);
    let names: Vec<&str> = t.kiosk().locales().languages().map(|(_, n)| n).collect();
    assert_eq!(names[..2], ["English", "Español"]);
    assert!(names.contains(&"Português"), "{names:?}");
    // Tapped by its own name, in the row or on the chooser.
    t.choose_language(pt());
    assert!(t.has("Entrar com o meu nome"), "its own words");
    assert!(t.has("Faltam 34 min"), "its words with their arguments");
    // What the folder does not have yet is in English, never in Spanish.
    assert!(t.has("Count me in — no name"));
    assert!(!t.has("Cuéntame — sin nombre"));
    assert!(t.has("Facilitator script"));
}

#[test]
fn settings_may_name_a_language_found_in_the_data_folder() {
    let folder = with_locales(&[PORTUGUESE]);
    let settings = std::fs::read_to_string(folder.settings_path()).unwrap();
    std::fs::write(
        folder.settings_path(),
        settings.replace("language = \"en\"", "language = \"pt\""),
    )
    .unwrap();
    let t = Tablet::in_dir(folder.dir, IN_SESSION);
    assert_eq!(t.kiosk().settings_problem, None);
    assert_eq!(t.kiosk().visit.lang, pt());
    assert!(t.has("Entrar com o meu nome"));
}

#[test]
fn a_language_settings_name_that_is_not_there_is_told_to_staff_and_home_is_in_english() {
    let folder = DataFolder::new();
    let settings = std::fs::read_to_string(folder.settings_path()).unwrap();
    std::fs::write(
        folder.settings_path(),
        settings.replace("language = \"en\"", "language = \"vi\""),
    )
    .unwrap();
    let t = Tablet::in_dir(folder.dir, IN_SESSION);
    assert_eq!(t.kiosk().visit.lang, Lang::EN);
    assert!(t.has("Sign in with my first name"));
    let problem = t.settings_problem();
    assert!(
        problem.contains("\"vi\", which the kiosk does not have"),
        "{problem}"
    );
}

#[test]
fn a_broken_file_in_a_language_folder_is_named_to_staff_with_its_line() {
    let folder = with_locales(&[(
        "pt/kiosk.ftl",
        "language-name = Português\nback = Voltar\nsign-in-named Entrar\n",
    )]);
    let mut t = Tablet::in_dir(folder.dir, IN_SESSION);
    assert_eq!(
        t.kiosk().locales().tr(pt()).name(),
        "Português",
        "the rest of the file still loads"
    );
    crate::staff::set_up_staff(&mut t);
    assert!(
        t.has_text_containing("pt/kiosk.ftl, line 3:"),
        "staff are told which file and line"
    );
    assert!(t.has("Attendance"), "the kiosk keeps running");
}

#[test]
fn a_right_to_left_language_folder_is_refused_in_one_sentence_and_not_offered() {
    let folder = with_locales(&[("ar/language.ftl", "language-name = العربية\n")]);
    let mut t = Tablet::in_dir(folder.dir, IN_SESSION);
    assert!(!t.has("العربية"));
    crate::staff::set_up_staff(&mut t);
    assert!(t.has_text_containing(
        "locales/ar is written right to left, which the kiosk cannot draw yet"
    ));
}

#[test]
fn past_three_languages_home_has_one_button_for_a_chooser_in_their_own_names() {
    let folder = with_locales(&[
        PORTUGUESE,
        (
            "fil/language.ftl",
            "language-name = Filipino\nlanguage-switch = Wika\n",
        ),
        ("it/language.ftl", "language-name = Italiano\n"),
    ]);
    let mut t = Tablet::in_dir(folder.dir, IN_SESSION);
    assert!(
        !t.has("Português"),
        "the names are on the chooser, not in the row"
    );
    assert!(
        t.has_text_containing("Language"),
        "the button's first word is the one on screen"
    );
    t.open_language_chooser();
    assert!(
        t.has_text_containing("Language · Idioma · Wika"),
        "the chooser names itself in every language, each once"
    );
    for name in ["English", "Español", "Filipino", "Italiano", "Português"] {
        assert!(t.has(name), "{name}");
    }
    t.tap("Português");
    assert!(t.on_home());
    assert!(t.has("Entrar com o meu nome"));
}

#[test]
fn doctor_names_a_broken_language_file_with_its_line() {
    let folder = with_locales(&[(
        "pt/kiosk.ftl",
        "language-name = Português\nback = Voltar\nsign-in-named Entrar\n",
    )]);
    let run = folder.run(&["doctor"]);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("languages: "))
        .unwrap_or_default()
        .to_string();
    assert!(line.contains("pt/kiosk.ftl, line 3: "), "{}", run.stdout);
    assert!(
        line.ends_with("Until it is fixed, the kiosk shows that part in English."),
        "{line}"
    );
    assert_eq!(run.code, 1, "a check that needs attention");
}

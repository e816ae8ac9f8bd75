//! Bad input gets a clear answer and loses nothing: damaged files, a read-only store,
//! malformed settings, a second instance, clock jumps and odd names.

use std::sync::Arc;

use chrono::Duration;
use dropin_kiosk::app::{Kiosk, Storage};
use dropin_kiosk::clock::FixedClock;
use dropin_kiosk::data::DataDir;
use dropin_kiosk::domain::names::{MAX_NAME_CHARS, clean_typing, normalize};
use dropin_kiosk::domain::visit::NewSignIn;
use dropin_kiosk::store::Store;
use dropin_kiosk::ui::theme;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use proptest::prelude::*;

use crate::util::DataFolder;
use crate::util::{Tablet, instant};

const IN_SESSION: &str = "2026-11-25T13:56:00-08:00";

fn settings_in(dir: &tempfile::TempDir) {
    std::fs::write(
        dir.path().join("settings.toml"),
        std::fs::read_to_string("assets/settings.toml").unwrap(),
    )
    .unwrap();
}

fn damaged_files(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| {
            n.starts_with("kiosk.db.damaged-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .collect()
}

pub fn a_real_database_cut_in_half(path: &std::path::Path) {
    {
        let mut store = Store::open(path).unwrap();
        let schedule = dropin_kiosk::config::Settings::default().schedule(vec![]);
        for i in 0..3000 {
            let at = instant("2026-01-05T21:35:00Z") + Duration::hours(i);
            let new = NewSignIn::new(&format!("Marigold {i}"), false, at, &schedule, 30);
            store.sign_in(&new).unwrap();
        }
    }
    let bytes = std::fs::read(path).unwrap();
    std::fs::write(path, &bytes[..bytes.len() / 2]).unwrap();
    let _ = std::fs::remove_file(path.with_file_name("kiosk.db-wal"));
}

/// Something that spoils the file at a path.
type Damage = dyn Fn(&std::path::Path);

#[test]
fn a_damaged_database_nothing_can_be_read_from_is_deleted_and_the_kiosk_starts_fresh_quietly() {
    let cases: [(&str, Box<Damage>); 3] = [
        (
            "random bytes",
            Box::new(|p| {
                let bytes: Vec<u8> = (0..20_000u32)
                    .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                    .collect();
                std::fs::write(p, bytes).unwrap();
            }),
        ),
        (
            "a text file",
            Box::new(|p| std::fs::write(p, "name,when\nMarigold 7,today\n").unwrap()),
        ),
        ("truncated", Box::new(a_real_database_cut_in_half)),
    ];
    for (what, damage) in cases {
        let dir = tempfile::tempdir().unwrap();
        damage(&dir.path().join("kiosk.db"));
        let mut t = Tablet::in_dir(dir, IN_SESSION);
        assert!(t.has("Count me in — no name"), "{what}: Home is as usual");
        assert!(
            !t.has_text_containing("damaged"),
            "{what}: nothing alarming on Home"
        );
        let problem = t.store_problem();
        assert!(
            problem
                .starts_with("The attendance database was damaged, and a fresh one was started.")
                && problem.contains("so it was deleted"),
            "{what}: staff are told: {problem}"
        );
        // Its bytes may hold first names no program could ever erase.
        assert_eq!(damaged_files(t.dir.path()), Vec::<String>::new(), "{what}");
        assert!(
            crate::util::files_containing(t.dir.path(), "Marigold").is_empty(),
            "{what}: no name is left"
        );
        t.tap("Count me in — no name");
        assert!(
            t.has("You're counted in. Welcome!"),
            "{what}: the fresh store saves"
        );
        assert_eq!(t.stored(), 1);
    }
}

/// The damaged copies of `kiosk.db` in a folder, with their `-wal` and `-shm`.
fn damaged_copy_files(dir: &std::path::Path) -> Vec<String> {
    let mut all: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("kiosk.db.damaged-"))
        .collect();
    all.sort();
    all
}

#[test]
fn counts_survive_a_damaged_page_and_no_name_is_left_in_the_copy_kept_until_retention_ends() {
    let dir = tempfile::tempdir().unwrap();
    settings_in(&dir);
    let path = dir.path().join("kiosk.db");
    let schedule = dropin_kiosk::config::Settings::default().schedule(vec![]);
    let first = instant("2026-01-05T21:35:00Z");
    let end = first + Duration::hours(3000);
    let mut original = Vec::new();
    {
        let mut store = Store::open(&path).unwrap();
        let batch: Vec<_> = (0..3000)
            .map(|i| {
                let name = if i % 5 == 0 {
                    String::new()
                } else {
                    format!("Quillon {i}")
                };
                let at = first + Duration::hours(i);
                NewSignIn::new(&name, i % 7 == 0, at, &schedule, 30)
            })
            .collect();
        for new in &batch {
            store.sign_in(new).unwrap();
        }
        let holiday = chrono::NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
        let start = chrono::NaiveTime::from_hms_opt(13, 30, 0).unwrap();
        store.cancel(holiday, start, "Holiday", first).unwrap();
        store
            .for_each_fact(first, end, |f| original.push(f))
            .unwrap();
    }
    // Spoil the page, in the middle of the table, that holds Quillon 1501's sign-in.
    let mut bytes = std::fs::read(&path).unwrap();
    let row = b"Quillon 1501";
    let at = bytes.windows(row.len()).position(|w| w == row).unwrap();
    let page = at / 4096 * 4096;
    bytes[page..page + 4096].fill(0x5a);
    std::fs::write(&path, &bytes).unwrap();

    let mut t = Tablet::in_dir(dir, IN_SESSION);
    let store = t.kiosk().store().unwrap();
    let mut saved = Vec::new();
    store.for_each_fact(first, end, |f| saved.push(f)).unwrap();
    assert!(
        (2800..3000).contains(&saved.len()),
        "all but the spoiled page: {}",
        saved.len()
    );
    assert!(
        saved.iter().all(|f| original.contains(f)),
        "counts as they were"
    );
    assert_eq!(saved.first(), original.first());
    assert_eq!(
        saved.last(),
        original.last(),
        "the rows after the spoiled page are saved too"
    );
    assert!(store.names_between(first, end).unwrap().is_empty());
    assert_eq!(store.cancellations().unwrap()[0].note, "Holiday");
    let problem = t.store_problem();
    assert!(
        problem.contains(&format!("{} sign-ins were recovered", saved.len())),
        "{problem}"
    );
    // As soon as the counts are saved, no name is left in any file: the damaged copy now
    // holds them without names, with no WAL beside it.
    assert_eq!(
        crate::util::files_containing(t.dir.path(), "Quillon"),
        Vec::<std::path::PathBuf>::new()
    );
    let copy = damaged_copy_files(t.dir.path());
    assert_eq!(copy.len(), 1, "{copy:?}");
    assert!(
        problem.contains(&format!(
            "A copy of them, with no names, is kept as {}",
            t.dir.path().join(&copy[0]).display()
        )),
        "{problem}"
    );
    assert_eq!(
        dropin_kiosk::store::check_backup(&std::fs::read(t.dir.path().join(&copy[0])).unwrap())
            .map(|s| s.sign_ins),
        Ok(saved.len() as u64),
        "it holds the counts recovered, and restore accepts it"
    );

    crate::staff::set_up_staff(&mut t);
    assert!(t.has(
        "A damaged copy of the attendance database is kept until Friday 2026-12-25, then deleted."
    ));
    t.wait(Duration::days(29));
    assert!(!damaged_copy_files(t.dir.path()).is_empty());
    t.wait(Duration::days(1) + Duration::minutes(1));
    assert_eq!(
        damaged_copy_files(t.dir.path()),
        Vec::<String>::new(),
        "deleted with its WAL files once the retention period is over"
    );
    assert!(t.kiosk().damaged_until().is_empty());
    assert!(crate::util::files_containing(t.dir.path(), "Quillon").is_empty());
    assert_eq!(t.stored(), saved.len() as u64);
}

#[test]
fn a_read_only_database_gives_no_confirmation_and_staff_see_why() {
    let dir = tempfile::tempdir().unwrap();
    settings_in(&dir);
    drop(Store::open(&dir.path().join("kiosk.db")).unwrap());
    let store = Store::open_read_only(&dir.path().join("kiosk.db")).unwrap();
    let clock = FixedClock::new(instant(IN_SESSION));
    let data = DataDir::prepare(dir.path()).unwrap();
    let kiosk = Kiosk::with_store(data, Arc::new(clock), Storage::open(store));
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(theme::apply)
        .build_ui_state(dropin_kiosk::ui::frame::show, kiosk);
    harness.run();
    harness.get_by_label("Count me in — no name").click();
    harness.run();
    assert!(
        harness
            .query_by_label(
                "Thanks for coming — please let a staff member know the tablet needs help."
            )
            .is_some()
    );
    assert!(harness.query_by_label_contains("Welcome").is_none());
    let problem = dropin_kiosk::ui::text::store_problem(
        harness.state().store_problem().unwrap(),
        &dropin_kiosk::locale::english(),
    );
    assert!(problem.contains("read-only"), "{problem}");
}

#[test]
fn malformed_settings_keep_the_kiosk_running_and_staff_see_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = "group_name = \"Open Door\"\nwrap_up_min = \"five\"\n";
    std::fs::write(dir.path().join("settings.toml"), bad).unwrap();
    let mut t = Tablet::in_dir(dir, IN_SESSION);
    assert!(t.has("Drop-in Group"), "runs on the built-in settings");
    assert!(
        !t.has_text_containing("line 2"),
        "participants see nothing technical"
    );
    t.tap("Staff");
    for d in ["4", "8", "2", "1", "OK", "4", "8", "2", "1", "OK"] {
        t.tap(d);
    }
    assert!(
        t.has_text_containing("line 2: invalid type"),
        "staff see the wrong line"
    );
    assert_eq!(
        std::fs::read_to_string(t.dir.path().join("settings.toml")).unwrap(),
        bad
    );
}

#[test]
fn a_clock_jump_gives_the_right_phase_on_the_next_frame() {
    let mut t = Tablet::at("2026-11-25T13:56:00-08:00");
    assert!(t.has("34 min left"));
    t.clock.set(instant("2026-11-25T14:56:00-08:00"));
    t.wait(Duration::zero());
    assert!(t.has("Next group: Friday 1:30 PM"), "an hour forward");
    t.clock.set(instant("2026-11-25T12:56:00-08:00"));
    t.wait(Duration::zero());
    assert!(t.has("Next group: today 1:30 PM"), "two hours back");
    t.clock.set(instant("2026-11-27T14:29:00-08:00"));
    t.wait(Duration::zero());
    assert!(t.has("1:00 left"), "two days forward, as after a sleep");
    t.clock.set(instant("2026-11-26T14:29:00-08:00"));
    t.wait(Duration::zero());
    assert!(t.has("Next group: tomorrow 1:30 PM"), "a day back");
    t.clock.set(instant("2026-11-27T14:29:59.400-08:00"));
    t.wait(Duration::zero());
    assert!(t.has("0:01 left"));
    t.clock.set(instant("2026-11-27T14:30:00.100-08:00"));
    t.wait(Duration::zero());
    assert!(
        t.has("Group has ended. Thank you for coming."),
        "never a negative countdown"
    );
}

#[test]
fn sign_ins_keep_their_true_instants_across_a_clock_jump() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Count me in — no name");
    t.tap("Done");
    t.clock.set(instant("2026-11-27T13:40:00-08:00"));
    t.wait(Duration::zero());
    t.tap("Count me in — no name");
    let mut seen = Vec::new();
    t.kiosk()
        .store()
        .unwrap()
        .for_each_fact(
            instant("2026-11-20T00:00:00Z"),
            instant("2026-12-01T00:00:00Z"),
            |f| {
                seen.push(f.at);
            },
        )
        .unwrap();
    assert_eq!(
        seen,
        vec![instant(IN_SESSION), instant("2026-11-27T13:40:00-08:00")]
    );
}

#[test]
fn a_second_kiosk_on_the_same_folder_says_so_and_headless_commands_still_work() {
    let k = DataFolder::new();
    let data = DataDir::prepare(k.path()).unwrap();
    let _held = data.lock().unwrap();
    let run = k.run(&[]);
    run.assert_one_line_failure();
    assert!(
        run.stderr
            .contains("another dropin-kiosk is already running on"),
        "{}",
        run.stderr
    );
    assert_eq!(k.ok(&["status", "--at", IN_SESSION]).trim(), "34 min left");
    k.ok(&["sign-in", "--at", IN_SESSION]);
}

#[test]
fn odd_names_typed_into_the_field_sign_in_as_their_cleaned_form() {
    let long = "Ä".repeat(10_000);
    for (typed, shown) in [
        ("😀 Sam", None),
        ("\u{202E}Robin\u{202C}", Some("Robin")),
        ("مريم", None),
        ("Ca\u{0}s\u{7}ey\n", Some("Casey")),
        (
            "Robert'); DROP TABLE sign_ins;--",
            Some("Robert'); DROP TABLE sig"),
        ),
        (long.as_str(), Some(&long[..MAX_NAME_CHARS * 2])),
        ("\t \u{200B} ", Some("")),
    ] {
        let mut t = Tablet::drawing_boxes_for_missing_glyphs(IN_SESSION);
        t.tap("Sign in with my first name");
        t.harness
            .get_by_role(egui::accesskit::Role::TextInput)
            .click();
        t.harness.run();
        // As a keyboard or an input method delivers it (a paste never reaches the field).
        t.harness.event(egui::Event::Text(typed.to_string()));
        t.harness.run();
        t.tap("Sign in");
        match shown {
            Some("") => assert!(t.has("You're counted in. Welcome!"), "{typed:?}"),
            Some(name) => assert!(t.has(&format!("Welcome, {name}!")), "{typed:?}"),
            // Stored, but not drawn as boxes or backwards: welcomed without the name.
            None => assert!(t.has("You're signed in. Welcome!"), "{typed:?}"),
        }
        assert_eq!(t.stored(), 1);
    }
}

proptest! {
    #[test]
    fn any_text_normalises_to_a_short_clean_name_or_to_anonymous(raw in any::<String>()) {
        if let Some(name) = normalize(&raw) {
            prop_assert!(name.chars().count() <= MAX_NAME_CHARS);
            prop_assert!(!name.chars().any(char::is_control));
            prop_assert_eq!(name.trim(), name.as_str());
            prop_assert!(!name.contains("  "));
            prop_assert_eq!(normalize(&name), Some(name.clone()), "normalising twice changes nothing");
        }
    }

    #[test]
    fn typing_and_pasting_follow_the_same_rules(raw in any::<String>()) {
        prop_assert_eq!(normalize(&clean_typing(&raw)), normalize(&raw));
    }

    #[test]
    fn any_name_is_stored_cleaned_and_never_touches_another_row(raw in "(?s).{0,200}") {
        let mut store = Store::in_memory().unwrap();
        let schedule = dropin_kiosk::config::Settings::default().schedule(vec![]);
        let at = instant("2026-11-25T21:40:00Z");
        store.sign_in(&NewSignIn::new("Robin", false, at, &schedule, 30)).unwrap();
        store.sign_in(&NewSignIn::new(&raw, false, at, &schedule, 30)).unwrap();
        let names = store.names_between(instant("2026-11-25T00:00:00Z"), instant("2026-11-26T00:00:00Z")).unwrap();
        prop_assert_eq!(&names[0].name, "Robin");
        prop_assert_eq!(names.get(1).map(|n| n.name.clone()), normalize(&raw).filter(|_| names.len() == 2));
        prop_assert_eq!(store.total_sign_ins().unwrap(), 2);
    }
}

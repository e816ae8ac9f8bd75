//! Trust (SPEC §10), tried as a curious next person with a plugged-in keyboard would try it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::Duration;
use dropin_kiosk::app::{Action, Screen};
use dropin_kiosk::domain::visit::NewSignIn;
use dropin_kiosk::store::Store;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::util::{DataFolder, Tablet, files_containing, instant};

const IN_SESSION: &str = "2026-11-25T13:56:00-08:00";

/// What is in the name field now, as the kiosk holds it.
fn name_field(t: &Tablet) -> String {
    match &t.kiosk().visit.screen {
        Screen::SignIn { name, .. } => name.clone(),
        other => panic!("expected the sign-in screen, got {other:?}"),
    }
}

/// A tap in the text field, as a person with a plugged-in keyboard would before typing.
fn focus_the_field(t: &mut Tablet) {
    t.harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .click();
    t.harness.run();
}

fn type_on_a_keyboard(t: &mut Tablet, text: &str) {
    focus_the_field(t);
    t.harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text(text);
    t.harness.run();
}

fn press(t: &mut Tablet, modifiers: Modifiers, key: Key) {
    t.harness.key_press_modifiers(modifiers, key);
    t.harness.run();
}

/// Text the kiosk handed to the system clipboard in the last frame, if any.
fn copied(t: &Tablet) -> Vec<String> {
    t.harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_next_person_cannot_bring_back_the_last_name_with_undo_redo_paste_or_arrows() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Sign in with my first name");
    type_on_a_keyboard(&mut t, "Casey");
    assert_eq!(name_field(&t), "Casey");
    // Select it all and copy: nothing reaches the clipboard.
    press(&mut t, Modifiers::COMMAND, Key::A);
    t.harness.event(Event::Copy);
    t.harness.step();
    assert!(copied(&t).is_empty(), "copied {:?}", copied(&t));
    t.harness.event(Event::Cut);
    t.harness.step();
    assert!(copied(&t).is_empty(), "cut {:?}", copied(&t));
    t.harness.run();
    t.tap("Sign in");
    assert!(t.has("Welcome, Casey!"));
    t.tap("Done");

    t.tap("Sign in with my first name");
    type_on_a_keyboard(&mut t, "");
    assert_eq!(name_field(&t), "");
    let shift_command = Modifiers::COMMAND | Modifiers::SHIFT;
    for (modifiers, key) in [
        (Modifiers::COMMAND, Key::Z),
        (Modifiers::COMMAND, Key::Z),
        (shift_command, Key::Z),
        (Modifiers::COMMAND, Key::Y),
        (Modifiers::NONE, Key::ArrowUp),
        (Modifiers::NONE, Key::ArrowDown),
        (Modifiers::NONE, Key::ArrowLeft),
        (Modifiers::NONE, Key::ArrowRight),
        (Modifiers::NONE, Key::End),
    ] {
        press(&mut t, modifiers, key);
        assert_eq!(
            name_field(&t),
            "",
            "{modifiers:?} {key:?} brought text back"
        );
    }
    // Whatever a clipboard holds is not pasted in.
    t.harness.event(Event::Paste("Casey".into()));
    t.harness.run();
    assert_eq!(name_field(&t), "");
    assert!(!t.has_text_containing("Casey"));
}

#[test]
fn the_next_visit_starts_a_new_field_even_after_going_back_unsigned() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Sign in with my first name");
    type_on_a_keyboard(&mut t, "Robin");
    t.tap("Back");
    t.tap("Sign in with my first name");
    type_on_a_keyboard(&mut t, "");
    press(&mut t, Modifiers::COMMAND, Key::Z);
    assert_eq!(name_field(&t), "");
}

#[test]
fn words_on_public_screens_cannot_be_selected_or_copied() {
    let mut t = Tablet::at(IN_SESSION);
    assert!(!t.harness.ctx.global_style().interaction.selectable_labels);
    t.tap("Sign in with my first name");
    for key in ["C", "A", "S", "E", "Y"] {
        t.tap(key);
    }
    t.tap("Sign in");
    // Drag across the welcome, as if to select it, then copy.
    let rect = t.harness.get_by_label("Welcome, Casey!").rect();
    t.harness.drag_at(rect.left_center());
    t.harness.run();
    t.harness.hover_at(rect.right_center());
    t.harness.run();
    t.harness.drop_at(rect.right_center());
    t.harness.run();
    t.harness.event(Event::Copy);
    t.harness.step();
    assert!(copied(&t).is_empty(), "copied {:?}", copied(&t));
}

#[test]
fn keyboard_zoom_and_quit_shortcuts_change_nothing() {
    let mut t = Tablet::at(IN_SESSION);
    let zoom = t.harness.ctx.zoom_factor();
    for key in [Key::Plus, Key::Equals, Key::Plus, Key::Minus, Key::Num0] {
        press(&mut t, Modifiers::COMMAND, key);
        assert!((t.harness.ctx.zoom_factor() - zoom).abs() < f32::EPSILON);
    }
    t.harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    t.harness.step();
    let root = &t.harness.output().viewport_output[&egui::ViewportId::ROOT];
    assert!(
        !root.commands.contains(&egui::ViewportCommand::Close),
        "{:?}",
        root.commands
    );
    assert!(t.has("Count me in — no name") && t.has("Staff"));
}

#[test]
fn a_repeat_sees_exactly_the_welcome_of_a_first_sign_in_and_is_counted_once() {
    let mut t = Tablet::at(IN_SESSION);
    let mut seen = Vec::new();
    for _ in 0..2 {
        t.tap("Sign in with my first name");
        for key in ["C", "A", "S", "E", "Y"] {
            t.tap(key);
        }
        t.tap("Sign in");
        let mut labels: Vec<String> = t
            .harness
            .root()
            .children_recursive()
            .filter_map(|n| {
                let node = n.accesskit_node();
                node.label().or_else(|| node.value())
            })
            .collect();
        labels.sort();
        seen.push(labels);
        t.tap("Done");
    }
    assert_eq!(seen[0], seen[1]);
    assert!(seen[1].contains(&"Welcome, Casey!".to_string()), "{seen:?}");
    assert!(seen[1].contains(&"Yes, first time".to_string()));
    let start = crate::util::instant("2026-11-25T13:30:00-08:00");
    let store = t.kiosk().store().unwrap();
    assert_eq!(store.count_for_occurrence(start).unwrap(), 1);
    assert_eq!(t.stored(), 2);
}

#[test]
fn a_practice_run_says_so_on_home() {
    let mut t = Tablet::at(IN_SESSION);
    assert!(!t.has("Practice mode: nothing done here is kept."));
    t.harness.state_mut().practice = true;
    t.harness.run();
    assert!(t.has("Practice mode: nothing done here is kept."));
}

#[test]
fn pretend_now_without_a_data_folder_never_touches_the_real_one() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .args([
            "--pretend-now",
            "2030-01-02T10:00:00Z",
            "sign-in",
            "--name",
            "Zed",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("practice run"), "{stderr}");
    let real = home.path().join("data").join("dropin-kiosk");
    assert!(!real.exists(), "the real data folder was written: {real:?}");
}

/// Every key of `text` arrives within one frame, as a quick typist's do.
fn press_keys(t: &mut Tablet, text: &str) {
    for event in keystrokes(text) {
        t.harness.event(event);
    }
    t.harness.run();
}

/// Each character as a plugged-in keyboard delivers it: key down, the text, key up.
fn keystrokes(text: &str) -> Vec<Event> {
    let mut events = Vec::new();
    for c in text.chars() {
        let key = if c == ' ' {
            Some(Key::Space)
        } else {
            Key::from_name(&c.to_ascii_uppercase().to_string())
        };
        let down = |pressed| {
            key.map(|key| Event::Key {
                key,
                physical_key: Some(key),
                pressed,
                repeat: false,
                modifiers: Modifiers::NONE,
            })
        };
        events.extend(down(true));
        events.push(Event::Text(c.to_string()));
        events.extend(down(false));
    }
    events
}

#[test]
fn fast_typing_keeps_every_space_in_order() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Sign in with my first name");
    focus_the_field(&mut t);
    press_keys(&mut t, "Mary Ann");
    assert_eq!(name_field(&t), "Mary Ann");
}

#[test]
fn the_on_screen_space_between_typed_words_stays_between_them() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Sign in with my first name");
    focus_the_field(&mut t);
    press_keys(&mut t, "Mary");
    t.tap("Space");
    press_keys(&mut t, "Ann");
    t.tap("Space");
    for word in ["L", "E", "E"] {
        t.tap(word);
    }
    assert_eq!(name_field(&t), "Mary Ann Lee");
}

/// Every word, number and label on the screen now, sorted: what a curious person could read.
fn screen_words(t: &Tablet) -> Vec<String> {
    let mut labels: Vec<String> = t
        .harness
        .root()
        .children_recursive()
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect();
    labels.sort();
    labels
}

fn sign_in_as(t: &mut Tablet, name: &str) {
    t.tap("Sign in with my first name");
    type_on_a_keyboard(t, name);
    t.tap("Sign in");
    t.tap("Done");
}

/// The script screen as anyone can open it from Home, after `name` signs in on top of Casey.
fn script_after_casey_and(name: &str) -> Vec<String> {
    let mut t = Tablet::at(IN_SESSION);
    sign_in_as(&mut t, "Casey");
    sign_in_as(&mut t, name);
    t.tap("Facilitator script");
    screen_words(&t)
}

#[test]
fn the_script_screen_cannot_tell_whether_a_name_is_already_here() {
    // Someone wondering whether Casey came signs in as Casey, then as someone else, and
    // opens the script screen each time: it reads the same either way.
    let after_a_repeat = script_after_casey_and("Casey");
    let after_a_new_name = script_after_casey_and("Robin");
    assert_eq!(after_a_repeat, after_a_new_name);
    assert!(
        after_a_repeat.contains(&"Sign-ins so far: 2".to_string()),
        "{after_a_repeat:?}"
    );
}

/// "Suggest a topic" → "Write my own" → `words` on a plugged-in keyboard → "Send" → "Done".
fn suggest_in_own_words(t: &mut Tablet, words: &str) {
    t.tap("Suggest a topic");
    t.tap("Write my own");
    assert!(t.has("Staff read what you write before the group sees it."));
    type_on_a_keyboard(t, words);
    t.tap("Send");
    t.tap("Done");
}

#[test]
fn typed_topics_reach_the_script_screen_only_once_staff_allow_them() {
    let mut t = Tablet::at(IN_SESSION);
    suggest_in_own_words(&mut t, "Casey uses meth");
    suggest_in_own_words(&mut t, "Sleep");
    t.tap("Suggest a topic");
    t.tap("Money");
    t.tap("Send");
    t.tap("Done");

    // Anyone can open the script screen: a tapped topic shows, typed words do not.
    t.tap("Facilitator script");
    assert!(t.has("1 × Money"));
    assert!(!t.has_text_containing("Casey"), "{:?}", screen_words(&t));
    assert!(!t.has_text_containing("Sleep"));
    t.tap("Back to Home");

    crate::staff::set_up_staff(&mut t);
    t.tap("Script");
    assert!(t.has("Typed at the tablet, not shown until you allow it: 1 × Casey uses meth"));
    t.tap("Turn down: 1 × Casey uses meth");
    assert!(t.has("The words were erased."));
    assert!(!t.has_text_containing("Casey uses meth"));
    t.tap("Allow: 1 × Sleep");
    assert!(t.has("The words will show on the script screen."));
    assert!(t.has("Remove: 1 × Sleep"));
    // Turned down means gone from every file at once, not at the next purge.
    let files = crate::util::files_containing(t.dir.path(), "uses meth");
    assert!(files.is_empty(), "still readable in {files:?}");

    t.tap("Lock");
    t.tap("Facilitator script");
    assert!(t.has("1 × Sleep") && t.has("1 × Money"));
    assert!(!t.has_text_containing("Casey"));
}

/// First-visit marks stored on the Wednesday of `IN_SESSION`.
fn first_visits(t: &Tablet) -> usize {
    let day = crate::util::instant("2026-11-25T00:00:00-08:00");
    let mut marks = 0;
    t.kiosk()
        .store()
        .unwrap()
        .for_each_fact(day, day + Duration::days(1), |f| {
            marks += usize::from(f.first_visit);
        })
        .unwrap();
    marks
}

#[test]
fn a_shaky_double_or_triple_tap_on_count_me_in_counts_once_at_every_text_size() {
    for larger in 0..3 {
        let mut t = Tablet::fine_grained(IN_SESSION);
        for taps in [2, 3] {
            for gap_ms in [80, 150, 300] {
                // Each person starts at the normal size and makes the text larger.
                for _ in 0..larger {
                    t.tap("A+ Larger text");
                }
                let before = t.stored();
                t.shaky_taps("Count me in — no name", taps, gap_ms);
                let case = format!("{taps} taps {gap_ms} ms apart, text {larger} sizes larger");
                assert_eq!(t.stored(), before + 1, "{case}");
                assert_eq!(first_visits(&t), 0, "{case}");
                assert!(t.has("You're counted in. Welcome!"), "{case}");
                assert!(
                    matches!(t.kiosk().visit.screen, Screen::Confirm(_)),
                    "{case}"
                );
                t.wait(Duration::seconds(7));
                assert!(t.on_home(), "{case}");
            }
        }
    }
}

#[test]
fn a_shaky_double_tap_types_nothing_and_goes_back_only_once() {
    for gap_ms in [80, 150, 300] {
        let mut t = Tablet::fine_grained(IN_SESSION);
        t.shaky_taps("Sign in with my first name", 2, gap_ms);
        assert_eq!(name_field(&t), "", "{gap_ms} ms");
        t.shaky_taps("Back", 2, gap_ms);
        assert!(t.on_home(), "{gap_ms} ms: the script opened");
    }
}

#[test]
fn a_first_visit_mark_can_be_taken_back_and_a_double_tap_on_it_does_not_undo_it() {
    let mut t = Tablet::fine_grained(IN_SESSION);
    t.tap("Count me in — no name");
    t.shaky_taps("Yes, first time", 2, 150);
    assert!(t.has("Thank you. We're glad you came."));
    assert_eq!(first_visits(&t), 1, "the second tap did not take it back");
    t.tap("Undo: not my first time");
    assert_eq!(first_visits(&t), 0);
    assert!(t.has("Yes, first time"), "the question is asked again");
    assert!(t.has("You're counted in. Welcome!"));
    assert_eq!(t.stored(), 1);
}

#[test]
fn no_first_name_outlives_the_retention_period_in_any_file_of_the_data_folder() {
    const THEN: &str = "2026-10-21T13:56:00-07:00";
    let then = instant(THEN);
    let mut t = Tablet::at(THEN);
    t.harness
        .state_mut()
        .apply(Action::SignIn("Quillonia".into()));
    t.harness.run();
    // Today's backup, made a minute after the start, holds the name.
    t.wait(Duration::minutes(1));
    let Tablet { dir, .. } = t;
    let k = DataFolder { dir };
    let root = k.path().to_path_buf();
    let daily = root.join("backups/kiosk-2026-10-21.db");
    assert_eq!(
        files_containing(&root.join("backups"), "Quillonia"),
        std::slice::from_ref(&daily)
    );
    let at = |later: Duration| (then + later).to_rfc3339();

    // A backup by hand, kept in the folder.
    let by_hand = root.join("exports/by-hand.db");
    k.ok(&[
        "--pretend-now",
        &at(Duration::minutes(2)),
        "backup",
        "--out",
        by_hand.to_str().unwrap(),
    ]);
    // What an earlier version left two days later: a damaged copy as it was, with its WAL.
    let with_names = std::fs::read(&daily).unwrap();
    let copy =
        dropin_kiosk::store::damaged_copy_path(&root.join("kiosk.db"), then + Duration::days(2));
    std::fs::write(&copy, &with_names).unwrap();
    let mut wal = copy.clone().into_os_string();
    wal.push("-wal");
    std::fs::write(&wal, b"WAL frame: Quillonia").unwrap();
    // What power cuts left during safe writes: a whole backup, and a settings file.
    std::fs::write(root.join("backups/.dropin-Xq3kLm.tmp"), &with_names).unwrap();
    std::fs::write(
        root.join(".dropin-Ab12Cd.tmp"),
        "group_name = \"Quillonia's group\"\n",
    )
    .unwrap();

    // Thirty-one days on, any command (as any start of the kiosk) leaves the name nowhere.
    let month_on = at(Duration::days(31));
    k.ok(&["--pretend-now", &month_on, "status"]);
    assert_eq!(files_containing(&root, "Quillonia"), Vec::<PathBuf>::new());
    assert!(
        copy.exists(),
        "the damaged copy is kept, without names, until its own time"
    );
    let csv = k.ok(&[
        "--pretend-now",
        &month_on,
        "export",
        "--from",
        "2026-10-21",
        "--to",
        "2026-10-21",
    ]);
    let row = csv.lines().find(|l| l.starts_with("2026-10-21,")).unwrap();
    assert!(row.contains(",held,1,"), "the count stays: {row}");
}

/// The practice folders in `temp`.
fn practice_folders(temp: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(temp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("dropin-kiosk-practice-")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_killed_practice_run_leaves_a_folder_that_doctor_names_and_the_next_start_removes() {
    let temp = tempfile::tempdir().unwrap();
    let kiosk = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"));
        command.env("TMPDIR", temp.path());
        command
    };
    let practice = |args: &[&str]| {
        let out = kiosk()
            .args(["--pretend-now", IN_SESSION])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // A practice run that waits: set-pin reads the PIN from standard input.
    let mut running = kiosk()
        .args(["--pretend-now", IN_SESSION, "set-pin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut folders = Vec::new();
    for _ in 0..200 {
        folders = practice_folders(temp.path());
        if folders.len() == 1 && folders[0].join("settings.toml").exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(folders.len(), 1, "{folders:?}");
    let folder = folders.remove(0);
    // Someone practised signing in with their own name.
    {
        let settings = dropin_kiosk::config::Settings::default();
        let mut store = Store::open(&folder.join("kiosk.db")).unwrap();
        let new = NewSignIn::new(
            "Quillonia",
            false,
            instant(IN_SESSION),
            &settings.schedule(vec![]),
            30,
        );
        store.sign_in(&new).unwrap();
    }
    practice(&["status"]);
    assert!(folder.exists(), "a run under way keeps its folder");

    running.kill().unwrap();
    running.wait().unwrap();
    assert!(folder.exists(), "a killed run cannot clean up after itself");
    let data = DataFolder::new();
    let doctor = kiosk()
        .arg("--data-dir")
        .arg(data.path())
        .arg("doctor")
        .output()
        .unwrap();
    assert!(!doctor.status.success());
    let stdout = String::from_utf8_lossy(&doctor.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("leftover files: "))
        .unwrap_or_default();
    assert!(
        line.contains(&format!("{} left by", folder.display())),
        "{stdout}"
    );
    assert!(folder.exists(), "doctor changes nothing");

    practice(&["status"]);
    assert_eq!(practice_folders(temp.path()), Vec::<PathBuf>::new());
    assert_eq!(
        files_containing(temp.path(), "Quillonia"),
        Vec::<PathBuf>::new()
    );

    // The kiosk window's start removes them too, before it opens a window.
    let left = temp.path().join("dropin-kiosk-practice-Zz9Yy8");
    std::fs::create_dir(&left).unwrap();
    std::fs::write(left.join("practice.lock"), "4242\n").unwrap();
    let window = kiosk()
        .args(["--windowed", "--data-dir"])
        .arg(data.path())
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        // No X server answers here: the window fails to open after the start's tidying.
        .env("DISPLAY", ":97")
        .output()
        .unwrap();
    assert!(!window.status.success());
    assert!(!left.exists());
}

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
    match &t.kiosk().screen {
        Screen::SignIn { name, .. } => name.clone(),
        other => panic!("expected the sign-in screen, got {other:?}"),
    }
}

fn type_on_a_keyboard(t: &mut Tablet, text: &str) {
    t.harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .click();
    t.harness.run();
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

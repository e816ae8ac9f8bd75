//! The staff area, driven through its labels: PIN, attendance, export, schedule,
//! cancellations, scripts, settings, names, quit.

use chrono::Duration;
use dropin_kiosk::app::Screen;
use egui_kittest::kittest::Queryable as _;

use crate::util::{Tablet, instant};

const IN_SESSION: &str = "2026-11-25T13:56:00-08:00";

fn type_pin(t: &mut Tablet, pin: &str) {
    for d in pin.chars() {
        t.tap(&d.to_string());
    }
    t.tap("OK");
}

/// First run: choose 4821 twice and land in the staff area.
pub fn set_up_staff(t: &mut Tablet) {
    t.tap("Staff");
    assert!(t.has("Choose a staff PIN"));
    type_pin(t, "4821");
    assert!(t.has("Type the same PIN again"));
    type_pin(t, "4821");
}

/// Closes the kiosk (and its database) and hands back its data folder.
fn close(t: Tablet) -> tempfile::TempDir {
    t.dir
}

fn in_staff(t: &Tablet) -> bool {
    matches!(t.kiosk().visit.screen, Screen::Staff(_))
}

pub fn set_text(t: &mut Tablet, label: &str, text: &str) {
    t.harness.get_by_label(label).scroll_to_me();
    t.harness.run();
    t.harness.get_by_label(label).click();
    t.harness.run();
    // Select everything in the field and type over it.
    t.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    t.harness.run();
    t.harness.get_by_label(label).type_text(text);
    t.harness.run();
}

#[test]
fn first_run_asks_for_a_new_pin_typed_twice_and_stores_only_a_hash() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Staff");
    assert!(
        t.has("Choose a staff PIN"),
        "no built-in PIN: staff choose one"
    );
    type_pin(&mut t, "12");
    assert!(t.has("Please use 4 to 8 digits."));
    type_pin(&mut t, "4821");
    type_pin(&mut t, "4822");
    assert!(t.has("The two PINs were different. Please choose again."));
    type_pin(&mut t, "4821");
    type_pin(&mut t, "4821");
    assert!(in_staff(&t));
    assert!(t.has("The new PIN is saved."));
    let pin_file = t.dir.path().join("staff-pin.toml");
    let saved = std::fs::read_to_string(&pin_file).unwrap();
    assert!(saved.contains("hash = \"$argon2id$") && !saved.contains("4821"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pin_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the kiosk's user can read it");
    }

    t.tap("Lock");
    assert!(t.on_home());
    t.tap("Staff");
    assert!(
        t.has("Staff PIN"),
        "next time the PIN is asked for, not chosen"
    );
    type_pin(&mut t, "4821");
    assert!(in_staff(&t));
}

#[test]
fn five_wrong_pins_lock_entry_with_a_calm_message_that_survives_a_restart() {
    let mut t = Tablet::at(IN_SESSION);
    set_up_staff(&mut t);
    t.tap("Lock");
    t.tap("Staff");
    for _ in 0..4 {
        type_pin(&mut t, "0000");
        assert!(t.has("That PIN didn't match. Please try again."));
    }
    type_pin(&mut t, "0000");
    assert!(t.has("Too many tries. Please try again in 30 s."));
    type_pin(&mut t, "4821");
    assert!(!in_staff(&t), "even the right PIN waits out the lock");

    // Restart the kiosk: the lock is still there.
    let dir = t.dir;
    let mut t = Tablet::in_dir(dir, "2026-11-25T13:56:10-08:00");
    t.tap("Staff");
    type_pin(&mut t, "4821");
    assert!(t.has_text_containing("Too many tries. Please try again in"));
    assert!(!in_staff(&t));

    // The sixth failure doubles the lock.
    t.wait(Duration::seconds(30));
    type_pin(&mut t, "1111");
    assert!(t.has("Too many tries. Please try again in 1 min."));
    t.wait(Duration::seconds(61));
    assert!(t.on_home(), "the untouched PIN pad went back to Home");
    t.tap("Staff");
    type_pin(&mut t, "4821");
    assert!(in_staff(&t));
}

#[test]
fn the_staff_area_locks_itself_after_two_minutes_untouched() {
    let mut t = Tablet::at(IN_SESSION);
    set_up_staff(&mut t);
    t.wait(Duration::seconds(90));
    assert!(in_staff(&t));
    t.wait(Duration::seconds(31));
    assert!(t.on_home());
}

#[test]
fn a_cancellation_made_by_staff_appears_on_home_with_its_note() {
    let mut t = Tablet::at("2026-11-24T10:00:00-08:00");
    set_up_staff(&mut t);
    t.tap("Schedule");
    set_text(
        &mut t,
        "Wed 2026-11-25 1:30 PM",
        "Closed for staff training.",
    );
    t.tap("Cancel this group Wed 25/11");
    assert!(t.has_text_containing("is cancelled"));
    t.tap("Lock");
    assert!(t.has("No group on Wednesday 25/11. Closed for staff training."));
    assert!(t.has("Next group: Friday 1:30 PM"));
    // And staff can restore it.
    t.tap("Staff");
    type_pin(&mut t, "4821");
    t.tap("Schedule");
    t.tap("Restore Wed 25/11");
    t.tap("Lock");
    assert!(t.has("Next group: tomorrow 1:30 PM"));
}

#[test]
fn an_edited_slot_changes_the_home_schedule_line() {
    let mut t = Tablet::at(IN_SESSION);
    set_up_staff(&mut t);
    t.tap("Schedule");
    set_text(&mut t, "From 3", "18:00");
    set_text(&mut t, "To 3", "19:30");
    t.tap("Save schedule");
    assert!(t.has_text_containing(
        "Saved. Home now shows: Mon 1:30–2:30 PM · Wed 1:30–2:30 PM · Fri 6:00–7:30 PM"
    ));
    t.tap("Lock");
    assert!(t.has("We meet Mon 1:30–2:30 PM · Wed 1:30–2:30 PM · Fri 6:00–7:30 PM"));
    let saved = std::fs::read_to_string(t.dir.path().join("settings.toml")).unwrap();
    assert!(saved.contains("start = \"18:00\""));
}

#[test]
fn a_slot_ending_before_it_starts_is_refused_and_nothing_is_saved() {
    let mut t = Tablet::at(IN_SESSION);
    set_up_staff(&mut t);
    let before = std::fs::read_to_string(t.dir.path().join("settings.toml")).unwrap();
    t.tap("Schedule");
    set_text(&mut t, "From 1", "15:00");
    set_text(&mut t, "To 1", "14:00");
    t.tap("Save schedule");
    assert!(t.has("The Monday group ends at 14:00 which is not after its start at 15:00."));
    // An added Wednesday slot overlapping the existing one is refused too.
    set_text(&mut t, "To 1", "16:00");
    t.tap("Add a group time");
    set_text(&mut t, "From 4", "14:00");
    set_text(&mut t, "To 4", "15:00");
    assert_eq!(
        t.harness.query_all_by_label("Wed").count(),
        4,
        "one day row per slot"
    );
    t.harness.query_all_by_label("Wed").nth(3).unwrap().click();
    t.harness.run();
    t.tap("Save schedule");
    assert!(t.has("The Wednesday group at 14:00 overlaps the Wednesday group at 13:30."));
    let after = std::fs::read_to_string(t.dir.path().join("settings.toml")).unwrap();
    assert_eq!(before, after, "nothing is half-saved");
    t.tap("Lock");
    assert!(t.has("We meet Mon · Wed · Fri, 1:30–2:30 PM"));
}

#[test]
fn export_writes_a_csv_whose_rows_match_the_store_and_holds_no_name() {
    let mut t = Tablet::at(IN_SESSION);
    for name in ["Casey", "casey", ""] {
        t.tap(if name.is_empty() {
            "Count me in — no name"
        } else {
            "Sign in with my first name"
        });
        for c in name.chars() {
            t.tap(&c.to_uppercase().to_string());
        }
        if !name.is_empty() {
            t.tap("Sign in");
        }
        t.tap("Done");
    }
    set_up_staff(&mut t);
    // The kiosk was set up today: the eleven earlier sessions in these four weeks were
    // never watched over by it, so they are not reported as held.
    assert!(t.has("Sessions held: 1 · Cancelled: 0 · Visits: 2 · Mean per session: 2.0"));
    t.tap("Export");
    assert!(t.has("Scan with a phone to take the whole CSV."));
    assert!(t.harness.query_by_label("QR code of the export").is_some());
    t.tap("This tablet (exports folder)");
    let file = t
        .dir
        .path()
        .join("exports")
        .join("attendance-2026-10-29-to-2026-11-25.csv");
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(
        csv.contains("2026-11-25,Wednesday,13:30,14:30,Drop-in Group,held,2,1,1,0,0,2"),
        "{csv}"
    );
    assert!(!csv.to_lowercase().contains("casey"));
    assert!(t.has_text_containing("Saved to"));
}

const EXPORT_NAME: &str = "attendance-2026-10-29-to-2026-11-25.csv";

/// The CSV file name, or its `-n` form, as the export would try them.
fn export_name(n: u32) -> String {
    if n == 1 {
        EXPORT_NAME.to_string()
    } else {
        EXPORT_NAME.replace(".csv", &format!("-{n}.csv"))
    }
}

#[cfg(unix)]
#[test]
fn an_export_never_writes_through_a_symlink_at_any_name_it_could_use() {
    let mut t = Tablet::at(IN_SESSION);
    t.harness.state_mut().set_drive_source(Vec::new);
    set_up_staff(&mut t);
    let db = t.dir.path().join("kiosk.db");
    let exports = t.dir.path().join("exports");
    for n in 1..=dropin_kiosk::fs::MAX_NAMES {
        std::os::unix::fs::symlink(&db, exports.join(export_name(n))).unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    t.tap("Export");
    t.tap("This tablet (exports folder)");
    assert_eq!(std::fs::read(&db).unwrap(), before, "kiosk.db is untouched");
    let said = format!(
        "The CSV file was not saved to this tablet: could not write {}: \
         that name and the next 98 are already taken.",
        exports.join(EXPORT_NAME).display()
    );
    assert!(t.has(&said), "staff are told in one sentence: {said}");
    assert!(
        !t.has("Save to this tablet instead"),
        "the tablet itself failed, so it is not offered again"
    );
    let left: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.is_symlink())
        .collect();
    assert!(
        left.is_empty(),
        "no temporary file is left behind: {left:?}"
    );
}

#[test]
fn staff_pick_a_drive_by_its_label_and_the_csv_lands_on_that_one() {
    let drives = tempfile::tempdir().unwrap();
    let (a, b) = (drives.path().join("KEY A"), drives.path().join("KEY B"));
    for drive in [&a, &b] {
        std::fs::create_dir(drive).unwrap();
    }
    let mut t = Tablet::at(IN_SESSION);
    t.offer_drives(vec![a.clone(), b.clone()]);
    set_up_staff(&mut t);
    t.tap("Export");
    for place in ["KEY A", "KEY B", "This tablet (exports folder)"] {
        assert!(t.has(place), "{place:?} is offered");
    }
    t.tap("KEY B");
    let file = b.join(EXPORT_NAME);
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(csv.starts_with("date,weekday,"), "{csv}");
    assert!(t.has(&format!("Saved to {}", file.display())));
    assert_eq!(
        std::fs::read_dir(&a).unwrap().count(),
        0,
        "nothing on KEY A"
    );
    assert!(!t.dir.path().join("exports").join(EXPORT_NAME).exists());
}

#[test]
fn a_drive_that_cannot_take_the_file_offers_the_tablet_instead() {
    let drives = tempfile::tempdir().unwrap();
    let full = drives.path().join("OLD STICK");
    std::fs::create_dir(&full).unwrap();
    for n in 1..=dropin_kiosk::fs::MAX_NAMES {
        std::fs::write(full.join(export_name(n)), "an older export\n").unwrap();
    }
    let mut t = Tablet::at(IN_SESSION);
    t.offer_drives(vec![full.clone()]);
    set_up_staff(&mut t);
    t.tap("Export");
    t.tap("OLD STICK");
    assert!(t.has_text_containing("The CSV file was not saved to OLD STICK: could not write"));
    t.tap("Save to this tablet instead");
    let file = t.dir.path().join("exports").join(EXPORT_NAME);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("date,weekday,")
    );
    assert!(t.has(&format!("Saved to {}", file.display())));
    assert!(!t.has("Save to this tablet instead"));
    let older = std::fs::read_to_string(full.join(EXPORT_NAME)).unwrap();
    assert_eq!(
        older, "an older export\n",
        "the drive's files are untouched"
    );
}

#[test]
fn the_retention_purge_at_start_erases_old_names_and_keeps_counts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("settings.toml"),
        std::fs::read_to_string("assets/settings.toml").unwrap(),
    )
    .unwrap();
    let schedule = dropin_kiosk::config::Settings::default().schedule(vec![]);
    {
        let mut store = dropin_kiosk::store::Store::open(&dir.path().join("kiosk.db")).unwrap();
        for (name, at) in [
            ("Casey", "2026-10-07T13:35:00-07:00"),
            ("Robin", "2026-11-23T13:35:00-08:00"),
        ] {
            let new = dropin_kiosk::domain::visit::NewSignIn::new(
                name,
                false,
                instant(at),
                &schedule,
                30,
            );
            store.sign_in(&new).unwrap();
        }
    }
    let mut t = Tablet::in_dir(dir, IN_SESSION);
    let store = t.kiosk().store().unwrap();
    let names = store
        .names_between(
            instant("2026-10-01T00:00:00Z"),
            instant("2026-12-01T00:00:00Z"),
        )
        .unwrap();
    assert_eq!(
        names.len(),
        1,
        "Casey was 49 days ago, past the 30-day retention"
    );
    assert_eq!(names[0].name, "Robin");
    assert_eq!(store.total_sign_ins().unwrap(), 2);
    assert!(
        crate::util::files_containing(t.dir.path(), "Casey").is_empty(),
        "Casey is unreadable in every file while the kiosk runs, not only hidden"
    );
    assert!(!crate::util::files_containing(t.dir.path(), "Robin").is_empty());
    set_up_staff(&mut t);
    t.tap("This year");
    assert!(t.has_text_containing("Visits: 2"), "counts are kept");
}

#[test]
fn todays_first_names_are_shown_to_staff_only() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Sign in with my first name");
    for c in ["R", "O", "B", "I", "N"] {
        t.tap(c);
    }
    t.tap("Sign in");
    t.tap("Done");
    assert!(!t.has_text_containing("Robin"));
    set_up_staff(&mut t);
    t.tap("Today's names");
    assert!(t.has_text_containing("Robin"));
}

#[test]
fn settings_saved_by_staff_change_home_and_are_written_to_the_file() {
    let mut t = Tablet::at(IN_SESSION);
    set_up_staff(&mut t);
    t.tap("Settings");
    set_text(&mut t, "Group name", "Open Door");
    set_text(&mut t, "Room", "Hall B");
    t.tap("Save settings");
    assert!(t.has("Settings saved."));
    set_text(&mut t, "Keep first names for (days)", "0");
    t.tap("Save settings");
    assert!(t.has("Days to keep names must be a whole number from 1 to 3650."));
    t.tap("Lock");
    assert!(t.has("Open Door") && t.has("Hall B"));
    let text = std::fs::read_to_string(t.dir.path().join("settings.toml")).unwrap();
    assert!(text.contains("group_name = \"Open Door\"") && text.contains("retention_days = 30"));
}

#[test]
fn a_crash_between_writing_and_renaming_settings_leaves_the_old_file_in_use() {
    let mut t = Tablet::at(IN_SESSION);
    let path = t.dir.path().join("settings.toml");
    let before = std::fs::read_to_string(&path).unwrap();
    // What a power cut mid-save leaves: a half-written temporary file beside the real one.
    std::fs::write(path.with_extension("toml.tmp"), "group_name = \"Half wr").unwrap();
    let t2 = Tablet::in_dir(t.dir, IN_SESSION);
    assert!(t2.has("Drop-in Group"));
    assert!(t2.kiosk().settings_problem.is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // The next save from the staff area simply replaces it.
    t = t2;
    set_up_staff(&mut t);
    t.tap("Settings");
    set_text(&mut t, "Room", "Hall C");
    t.tap("Save settings");
    assert!(std::fs::read_to_string(&path).unwrap().contains("Hall C"));
}

#[test]
fn the_script_editor_previews_placeholders_and_saves_the_words() {
    let mut t = Tablet::at(IN_SESSION);
    set_up_staff(&mut t);
    t.tap("Script");
    assert!(t.has("Preview, as the facilitator sees it"));
    t.tap("check-in");
    assert!(t.has_text_containing("The facilitator script is now \"check-in\""));
    set_text(&mut t, "Closing words", "See you {days} in {room}.");
    assert!(t.has("See you Monday, Wednesday and Friday in Room 2."));
    t.tap("Save words");
    let saved = std::fs::read_to_string(t.dir.path().join("scripts/check-in.en.md")).unwrap();
    assert!(saved.contains("# Closing\n\nSee you {days} in {room}."));
    t.tap("Lock");
    t.tap("Facilitator script");
    t.tap("Closing words");
    assert!(t.has("See you Monday, Wednesday and Friday in Room 2."));
}

#[test]
fn quit_is_only_behind_the_pin() {
    let mut t = Tablet::at(IN_SESSION);
    assert!(!t.has("Quit kiosk"));
    set_up_staff(&mut t);
    t.tap("Quit kiosk");
    assert!(!t.kiosk().quit_requested);
    t.tap("Quit the kiosk now");
    assert!(t.kiosk().quit_requested);
}

#[test]
fn the_staff_area_speaks_spanish_when_the_kiosk_does() {
    let mut t = Tablet::at(IN_SESSION);
    t.choose_language(dropin_kiosk::domain::lang::Lang::from_code("es").unwrap());
    t.tap("Personal");
    assert!(t.has("Elige un PIN para el personal"));
    for d in ["1", "1", "1", "1", "Aceptar"] {
        t.tap(d);
    }
    assert!(t.has("Ese PIN sería fácil de adivinar. Elige uno menos obvio, por favor."));
    for _ in 0..2 {
        for d in ["4", "8", "2", "1", "Aceptar"] {
            t.tap(d);
        }
    }
    assert!(t.has("El nuevo PIN quedó guardado."));
    t.tap("Exportar");
    assert!(t.has("Esta tableta (carpeta exports)"));
    for label in [
        "Asistencia",
        "Exportar",
        "Horario",
        "Guion",
        "Ajustes",
        "Bloquear",
    ] {
        assert!(t.has(label), "{label:?}");
    }
    t.tap("Ajustes");
    set_text(&mut t, "Guardar nombres (días)", "0");
    t.tap("Guardar ajustes");
    assert!(t.has("El número de días para guardar nombres debe ser un número entero de 1 a 3650."));
    for english in ["Attendance", "Settings", "Save settings", "Lock"] {
        assert!(!t.has(english), "{english:?} left in English");
    }
}

#[test]
fn a_settings_file_problem_is_told_to_staff_in_the_language_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let settings = std::fs::read_to_string("assets/settings.toml").unwrap();
    // Monday's group, on line 44, written to end before it starts.
    let bad = settings.replacen("end = \"14:30\"", "end = \"09:00\"", 1);
    std::fs::write(dir.path().join("settings.toml"), bad).unwrap();
    let mut t = Tablet::in_dir(dir, IN_SESSION);
    t.choose_language(dropin_kiosk::domain::lang::Lang::from_code("es").unwrap());
    t.tap("Personal");
    for _ in 0..2 {
        for d in ["4", "8", "2", "1", "Aceptar"] {
            t.tap(d);
        }
    }
    assert!(t.has("El nuevo PIN quedó guardado."));
    assert!(t.has_text_containing(
        "settings.toml tiene un problema, así que el quiosco usa los ajustes de fábrica: \
         línea 44, end: el grupo del lunes termina a las 09:00, que no es después de su \
         inicio a las 13:30"
    ));
    assert!(
        !t.has_text_containing("has a problem"),
        "nothing of it in English"
    );
    assert!(
        t.settings_problem()
            .contains("line 44, end: the Monday group ends at 09:00 which is not after"),
        "the same problem, in English for the log: {}",
        t.settings_problem()
    );
}

#[test]
fn enter_on_a_keyboard_submits_a_tapped_pin_exactly_once() {
    let mut t = Tablet::at(IN_SESSION);
    set_up_staff(&mut t);
    t.tap("Lock");
    t.tap("Staff");
    for d in ["4", "8", "2", "1"] {
        t.tap(d);
    }
    // Tab gives a key the keyboard focus; Enter must submit, not press that key too.
    t.harness.key_press(egui::Key::Tab);
    t.harness.run();
    t.harness.key_press(egui::Key::Enter);
    t.harness.run();
    assert!(in_staff(&t), "the tapped PIN was submitted as typed");

    // Typed on the keyboard and entered in one go, it is submitted whole.
    t.tap("Lock");
    t.tap("Staff");
    for d in ["4", "8", "2", "1"] {
        t.harness.event(egui::Event::Text(d.into()));
    }
    t.harness.key_press(egui::Key::Enter);
    t.harness.run();
    assert!(in_staff(&t), "the typed PIN was submitted whole");
}

#[test]
fn ok_with_nothing_typed_is_not_a_wrong_try() {
    let mut t = Tablet::at(IN_SESSION);
    set_up_staff(&mut t);
    t.tap("Lock");
    t.tap("Staff");
    for _ in 0..8 {
        t.tap("OK");
        t.harness.key_press(egui::Key::Enter);
        t.harness.run();
    }
    assert!(!t.has("That PIN didn't match. Please try again."));
    assert!(!t.has_text_containing("Too many tries"));
    type_pin(&mut t, "4821");
    assert!(in_staff(&t));
}

#[test]
fn a_damaged_or_deleted_database_keeps_the_pin_and_never_offers_a_new_one() {
    for damage in ["cut in half", "deleted"] {
        let mut t = Tablet::at(IN_SESSION);
        set_up_staff(&mut t);
        let dir = close(t);
        let db = dir.path().join("kiosk.db");
        if damage == "deleted" {
            for file in ["kiosk.db", "kiosk.db-wal", "kiosk.db-shm"] {
                let _ = std::fs::remove_file(dir.path().join(file));
            }
        } else {
            crate::reliability::a_real_database_cut_in_half(&db);
        }
        let mut t = Tablet::in_dir(dir, IN_SESSION);
        if damage == "cut in half" {
            let problem = t.store_problem();
            assert!(problem.contains("was damaged"), "{problem}");
        }
        t.tap("Staff");
        assert!(
            !t.has("Choose a staff PIN"),
            "{damage}: no new PIN on offer"
        );
        assert!(t.has("Staff PIN"), "{damage}");
        type_pin(&mut t, "1357");
        assert!(!in_staff(&t), "{damage}: any PIN does not open");
        type_pin(&mut t, "4821");
        assert!(in_staff(&t), "{damage}: the old PIN opens");
    }
}

#[test]
fn a_clock_set_back_a_year_never_locks_staff_out_for_more_than_fifteen_minutes() {
    // The lock was made while the clock (or a --pretend-now demo) said a year later.
    let mut t = Tablet::at("2027-11-25T13:56:00-08:00");
    set_up_staff(&mut t);
    t.tap("Lock");
    t.tap("Staff");
    for _ in 0..5 {
        type_pin(&mut t, "1357");
    }
    assert!(t.has("Too many tries. Please try again in 30 s."));

    let mut t = Tablet::in_dir(close(t), IN_SESSION);
    t.tap("Staff");
    assert!(t.has("Too many tries. Please try again in 15 min."));
    type_pin(&mut t, "4821");
    assert!(!in_staff(&t), "the lock still holds for now");
    t.wait(Duration::minutes(10));
    assert!(t.on_home(), "the untouched PIN pad went back to Home");
    t.tap("Staff");
    assert!(t.has("Too many tries. Please try again in 5 min."));
    t.wait(Duration::minutes(5) + Duration::seconds(1));
    t.tap("Staff");
    type_pin(&mut t, "4821");
    assert!(in_staff(&t), "fifteen minutes later staff are in");

    // The clock jumping back while the kiosk runs is held to fifteen minutes too.
    t.tap("Lock");
    t.tap("Staff");
    for _ in 0..5 {
        type_pin(&mut t, "1357");
    }
    t.clock.advance(-Duration::days(365));
    t.harness.run();
    assert!(t.has("Too many tries. Please try again in 15 min."));
    type_pin(&mut t, "4821");
    t.wait(Duration::minutes(15));
    t.tap("Staff");
    type_pin(&mut t, "4821");
    assert!(in_staff(&t));
}

#[test]
fn a_pin_file_that_cannot_be_read_is_told_to_staff_and_never_offers_a_new_pin() {
    let mut t = Tablet::at(IN_SESSION);
    set_up_staff(&mut t);
    let dir = close(t);
    let pin_file = dir.path().join("staff-pin.toml");
    // What a power cut could never leave, but a disk error or a careless edit might.
    std::fs::write(&pin_file, "hash = \"$argon2id$v=19$m=19").unwrap();
    let mut t = Tablet::in_dir(dir, IN_SESSION);
    t.tap("Staff");
    assert!(!t.has("Choose a staff PIN"));
    assert!(t.has_text_containing("The PIN can't be checked right now"));
    assert!(t.has_text_containing("dropin-kiosk set-pin"));
    for _ in 0..6 {
        type_pin(&mut t, "4821");
    }
    assert!(!in_staff(&t));
    assert!(
        !t.has_text_containing("Too many tries"),
        "a PIN that could not be checked is no wrong try"
    );
    assert_eq!(
        std::fs::read_to_string(&pin_file).unwrap(),
        "hash = \"$argon2id$v=19$m=19",
        "the file is left for staff to look at"
    );
    // Set again (as `set-pin` does, here beside the running kiosk): it counts at once.
    dropin_kiosk::staff_pin::set(&pin_file, "5930").unwrap();
    type_pin(&mut t, "5930");
    assert!(in_staff(&t));
}

#[test]
fn the_commonest_pins_are_refused_kindly_when_choosing_one() {
    let mut t = Tablet::at(IN_SESSION);
    t.tap("Staff");
    for easy in ["0000", "1234", "7777", "9876"] {
        type_pin(&mut t, easy);
        assert!(
            t.has("That PIN would be easy to guess. Please choose a less obvious one."),
            "{easy}"
        );
        assert!(t.has("Choose a staff PIN"), "{easy}");
    }
    assert!(!t.dir.path().join("staff-pin.toml").exists());
    type_pin(&mut t, "4821");
    type_pin(&mut t, "4821");
    assert!(in_staff(&t));
    // Changing it later follows the same rule.
    t.tap("Settings");
    t.tap("Change PIN");
    type_pin(&mut t, "5555");
    assert!(t.has("That PIN would be easy to guess. Please choose a less obvious one."));
}

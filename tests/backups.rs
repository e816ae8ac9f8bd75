//! Backups on a real kiosk machine: daily snapshots kept for the retention period, `backup`
//! and `restore` on the command line, "Copy counts to USB", and the health check.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Duration, Utc};
use dropin_kiosk::config;
use dropin_kiosk::data::DataDir;
use dropin_kiosk::domain::visit::NewSignIn;
use dropin_kiosk::store::Store;

use crate::util::{DataFolder, Tablet, files_containing, instant};

const IN_SESSION: &str = "2026-11-25T13:56:00-08:00";

/// Every file in the folder with its bytes, to show that nothing changed.
fn everything_in(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.insert(path.clone(), Vec::new());
                folders.push(path);
            } else {
                found.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    found
}

/// The n-th sign-in of a stream: a few names coming back within a session, and anonymous ones.
fn nth_sign_in(n: usize, first: DateTime<Utc>, settings: &config::Settings) -> NewSignIn {
    let name = ["Casey", "", "Robin", "casey", "", "Ana María"][n % 6];
    let at = first + Duration::seconds(5 * n as i64);
    NewSignIn::new(
        name,
        n.is_multiple_of(11),
        at,
        &settings.schedule(vec![]),
        30,
    )
}

#[test]
fn a_backup_taken_while_sign_ins_stream_in_restores_to_the_counts_of_that_instant() {
    let original = DataFolder::new();
    let settings = config::load(&original.settings_path()).settings;
    // Recent enough that no name is past the retention period: every count is as typed.
    let first = Utc::now() - Duration::days(10);
    let committed = Arc::new(AtomicUsize::new(0));
    let stop_after = Arc::new(AtomicUsize::new(usize::MAX));
    let writer = {
        let (committed, stop_after) = (committed.clone(), stop_after.clone());
        let path = original.path().join("kiosk.db");
        let settings = settings.clone();
        std::thread::spawn(move || {
            let mut store = Store::open(&path).unwrap();
            let mut n = 0;
            while n < stop_after.load(Ordering::SeqCst) {
                store.sign_in(&nth_sign_in(n, first, &settings)).unwrap();
                n += 1;
                committed.store(n, Ordering::SeqCst);
                // A busy door rather than a flood: the replay below stays short.
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            n
        })
    };
    while committed.load(Ordering::SeqCst) < 50 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let files = tempfile::tempdir().unwrap();
    let backup = files.path().join("kiosk-backup.db");
    let said = original.ok(&["backup", "--out", backup.to_str().unwrap()]);
    assert!(said.starts_with("Wrote a backup of "), "{said}");
    // The stream goes on after the backup, so the backup is a moment in the middle of it.
    stop_after.store(committed.load(Ordering::SeqCst) + 50, Ordering::SeqCst);
    let total = writer.join().unwrap();

    let restored = DataFolder::new();
    let said = restored.ok(&["restore", backup.to_str().unwrap()]);
    assert!(said.starts_with("Restored "), "{said}");
    let at_backup = Store::open(&restored.path().join("kiosk.db"))
        .unwrap()
        .total_sign_ins()
        .unwrap() as usize;
    assert!(
        (50..total).contains(&at_backup),
        "taken mid-stream: {at_backup} of {total}"
    );

    // The original as it was at the backup instant: the same sign-ins, up to that one.
    let then = DataFolder::new();
    {
        let mut store = Store::open(&then.path().join("kiosk.db")).unwrap();
        for n in 0..at_backup {
            store.sign_in(&nth_sign_in(n, first, &settings)).unwrap();
        }
    }
    let from = (first - Duration::days(1)).date_naive().to_string();
    let to = (first + Duration::days(9)).date_naive().to_string();
    let export = |k: &DataFolder| k.ok(&["export", "--from", &from, "--to", &to]);
    assert_eq!(export(&restored), export(&then));
    assert_ne!(
        export(&original),
        export(&then),
        "the sign-ins after the backup are not in it"
    );
}

#[test]
fn a_restore_of_a_damaged_or_foreign_file_is_refused_in_one_sentence_and_changes_nothing() {
    let k = DataFolder::new();
    k.ok(&["sign-in", "--name", "Casey", "--at", IN_SESSION]);
    k.ok(&["sign-in", "--at", IN_SESSION]);
    let files = tempfile::tempdir().unwrap();
    let good = files.path().join("good.db");
    // With names, so that the page to spoil can be found by one.
    k.ok(&["backup", "--with-names", "--out", good.to_str().unwrap()]);
    let good_bytes = std::fs::read(&good).unwrap();

    let not_a_database = files.path().join("notes.db");
    std::fs::write(&not_a_database, "name,when\nCasey,today\n").unwrap();
    let truncated = files.path().join("truncated.db");
    std::fs::write(&truncated, &good_bytes[..good_bytes.len() / 2]).unwrap();
    let damaged = files.path().join("damaged.db");
    let mut spoiled = good_bytes.clone();
    let row = spoiled.windows(5).position(|w| w == b"Casey").unwrap();
    let page = row / 4096 * 4096;
    spoiled[page + 8..page + 4096].fill(0x5a);
    std::fs::write(&damaged, &spoiled).unwrap();
    let foreign = files.path().join("songs.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
        .unwrap();
    drop(conn);
    let newer = files.path().join("newer.db");
    std::fs::write(&newer, &good_bytes).unwrap();
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);

    let before = everything_in(k.path());
    for (file, why) in [
        (&not_a_database, "is not a dropin-kiosk backup"),
        (&truncated, "is damaged"),
        (&damaged, "is damaged"),
        (&foreign, "not one of dropin-kiosk's"),
        (&newer, "newer version of dropin-kiosk"),
        (&files.path().join("missing.db"), "could not read"),
    ] {
        let run = k.run(&["restore", file.to_str().unwrap()]);
        run.assert_one_line_failure();
        assert!(run.stderr.contains(why), "{file:?}: {}", run.stderr);
        assert!(run.stderr.contains("nothing was changed"), "{}", run.stderr);
        assert!(
            everything_in(k.path()) == before,
            "{file:?} changed the folder"
        );
    }

    // A sound backup is refused too while a kiosk runs on the folder.
    let held = DataDir::prepare(k.path()).unwrap().lock().unwrap();
    let before = everything_in(k.path());
    let run = k.run(&["restore", good.to_str().unwrap()]);
    run.assert_one_line_failure();
    assert!(run.stderr.contains("stop it first"), "{}", run.stderr);
    assert!(everything_in(k.path()) == before);
    drop(held);

    let said = k.ok(&["restore", good.to_str().unwrap()]);
    assert!(
        said.contains("Restored") && said.contains("2 sign-ins"),
        "{said}"
    );
    let replaced: Vec<_> = std::fs::read_dir(k.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        replaced.len() == 1 && replaced[0].starts_with("replaced-"),
        "the database it replaced is kept: {replaced:?}"
    );
}

#[test]
fn copy_counts_to_usb_writes_a_backup_that_holds_no_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("settings.toml"),
        std::fs::read_to_string("assets/settings.toml").unwrap(),
    )
    .unwrap();
    {
        let settings = config::load(&dir.path().join("settings.toml")).settings;
        let mut store = Store::open(&dir.path().join("kiosk.db")).unwrap();
        for (i, name) in ["Quillonia", "Marigoldine", "", "quillonia"]
            .iter()
            .enumerate()
        {
            let at = instant(IN_SESSION) - Duration::minutes(i as i64);
            let new = NewSignIn::new(name, false, at, &settings.schedule(vec![]), 30);
            store.sign_in(&new).unwrap();
        }
    }
    let drives = tempfile::tempdir().unwrap();
    let usb = drives.path().join("USB STICK");
    std::fs::create_dir(&usb).unwrap();
    let mut t = Tablet::in_dir(dir, IN_SESSION);
    t.offer_drives(vec![usb.clone()]);
    crate::staff::set_up_staff(&mut t);
    t.tap("Export");
    assert!(t.has("Copy counts to USB"));
    t.tap("Copy counts to USB STICK");
    let copy = usb.join("dropin-kiosk-counts-2026-11-25.db");
    assert!(
        t.has(&format!(
            "The counts (no names) were copied to {}",
            copy.display()
        )),
        "staff are told where it went"
    );
    for name in ["Quillonia", "Marigoldine"] {
        assert!(
            files_containing(drives.path(), name).is_empty(),
            "{name} is on the drive"
        );
    }
    // It is a backup a kiosk can be restored from, with every count.
    let k = DataFolder::new();
    k.ok(&["restore", copy.to_str().unwrap()]);
    assert_eq!(
        Store::open(&k.path().join("kiosk.db"))
            .unwrap()
            .total_sign_ins()
            .unwrap(),
        4
    );
}

fn backup_names(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_kiosk_backs_up_at_start_and_each_day_and_keeps_backups_for_the_retention_period() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("backups")).unwrap();
    // The last backup, from two days before: another is due as soon as the kiosk starts.
    std::fs::write(dir.path().join("backups/kiosk-2026-11-23.db"), b"").unwrap();
    let mut t = Tablet::in_dir(dir, IN_SESSION);
    assert_eq!(
        backup_names(t.dir.path()),
        ["kiosk-2026-11-23.db"],
        "the first frame does not wait for a backup"
    );
    t.wait(Duration::minutes(1));
    assert_eq!(
        backup_names(t.dir.path()),
        ["kiosk-2026-11-23.db", "kiosk-2026-11-25.db"]
    );
    t.harness
        .state_mut()
        .apply(dropin_kiosk::app::Action::SignIn("Quillonia".into()));
    t.harness.run();
    t.wait(Duration::hours(2));
    assert_eq!(backup_names(t.dir.path()).len(), 2, "one a day");
    t.wait(Duration::days(1));
    assert!(backup_names(t.dir.path()).contains(&"kiosk-2026-11-26.db".to_string()));
    let with_name = files_containing(&t.dir.path().join("backups"), "Quillonia");
    assert_eq!(
        with_name.len(),
        1,
        "the backup after the sign-in: {with_name:?}"
    );

    // Thirty days on, the name is erased everywhere, backups included, and a backup older
    // than the retention period is gone.
    t.wait(Duration::days(30));
    assert!(files_containing(t.dir.path(), "Quillonia").is_empty());
    assert_eq!(
        backup_names(t.dir.path()),
        ["kiosk-2026-11-26.db", "kiosk-2026-12-26.db"]
    );
}

#[test]
fn doctor_prints_one_line_per_check_and_fails_until_the_pin_is_set() {
    let k = DataFolder::new();
    k.ok(&["status"]);
    let run = k.run(&["doctor"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 11, "{}", run.stdout);
    assert!(
        lines[10].starts_with("languages: ok (English, Español")
            || lines[10] == "languages: ok (English and Español)",
        "{}",
        lines[10]
    );
    assert_eq!(lines[0], "data folder: ok (private to the kiosk's user)");
    assert!(lines[3].starts_with("staff PIN: not set"), "{}", lines[3]);
    assert_eq!(
        run.stderr.trim(),
        "dropin-kiosk: 1 of 11 checks need attention"
    );
    let set = k.run_with_input(&["set-pin"], "4821\n4821\n");
    assert_eq!(set.code, 0, "{}", set.stderr);
    let ok = k.ok(&["doctor"]);
    assert!(ok.lines().all(|l| l.contains(": ok")), "{ok}");
    assert!(ok.contains("time zone: ok (America/Los_Angeles)"), "{ok}");
}

#[test]
fn the_staff_settings_section_shows_the_health_check() {
    let mut t = Tablet::at(IN_SESSION);
    t.wait(Duration::minutes(1));
    crate::staff::set_up_staff(&mut t);
    t.tap("Settings");
    assert!(t.has("Health check"));
    for line in [
        "staff PIN: ok",
        "last backup: ok (today)",
        "running kiosk: ok (this kiosk)",
        "time zone: ok (America/Los_Angeles)",
    ] {
        assert!(t.has(line), "{line}");
    }
}

#[test]
fn the_data_folder_comes_from_dropin_kiosk_data_when_no_option_names_one() {
    let k = DataFolder::new();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
        .args(["sign-in", "--at", IN_SESSION])
        .env("DROPIN_KIOSK_DATA", k.path())
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    assert!(k.path().join("kiosk.db").exists());
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
        .args(["--pretend-now", IN_SESSION, "status"])
        .env("DROPIN_KIOSK_DATA", k.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&status.stderr).contains("practice run"),
        "a demo writes only where --data-dir says"
    );
}

#[test]
fn starting_on_x11_says_in_the_log_that_taps_need_wayland() {
    let k = DataFolder::new();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
        .args(["--windowed", "--data-dir"])
        .arg(k.path())
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        // No X server answers here: the window fails to open after the line is written.
        .env("DISPLAY", ":97")
        .output()
        .unwrap();
    assert!(!run.status.success());
    let log = std::fs::read_to_string(k.path().join("kiosk.log")).unwrap();
    let lines: Vec<_> = log.lines().filter(|l| l.contains("X11")).collect();
    assert_eq!(lines.len(), 1, "{log}");
    assert!(lines[0].contains("Wayland"), "{log}");
}

/// Signs `names` in at `at` through the store, as the kiosk would ("" for no name).
fn signed_in(k: &DataFolder, names: &[&str], at: &str) {
    let settings = config::load(&k.settings_path()).settings;
    let mut store = Store::open(&k.path().join("kiosk.db")).unwrap();
    for name in names {
        let new = NewSignIn::new(name, false, instant(at), &settings.schedule(vec![]), 30);
        store.sign_in(&new).unwrap();
    }
}

#[test]
fn backup_out_holds_no_name_unless_with_names_is_asked_for_and_then_says_so() {
    let k = DataFolder::new();
    signed_in(&k, &["Quillonia", "", "Marigoldine"], IN_SESSION);
    let files = tempfile::tempdir().unwrap();
    let plain = files.path().join("plain.db");
    let said = k.ok(&["backup", "--out", plain.to_str().unwrap()]);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("3 sign-ins (counts only, no names)"),
        "{said}"
    );
    for name in ["Quillonia", "Marigoldine"] {
        assert!(files_containing(files.path(), name).is_empty(), "{name}");
    }
    let restored = DataFolder::new();
    restored.ok(&["restore", plain.to_str().unwrap()]);
    let store = Store::open(&restored.path().join("kiosk.db")).unwrap();
    assert_eq!(store.total_sign_ins().unwrap(), 3, "every count is in it");

    let named = files.path().join("named.db");
    let said = k.ok(&["backup", "--with-names", "--out", named.to_str().unwrap()]);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 2, "{said}");
    assert!(
        lines[1].starts_with("It holds the first names of the last 30 days")
            && lines[1].contains("keep it private, and delete it"),
        "{said}"
    );
    assert_eq!(files_containing(files.path(), "Quillonia"), [named]);

    let other = files.path().join("other.db");
    let run = k.run(&["backup", "--no-names", "--out", other.to_str().unwrap()]);
    run.assert_one_line_failure();
    assert!(run.stderr.contains("--no-names"), "{}", run.stderr);
    assert!(!other.exists());
}

#[test]
fn a_write_cut_short_leaves_a_temporary_file_that_doctor_names_and_the_next_start_removes() {
    let k = DataFolder::new();
    let set = k.run_with_input(&["set-pin"], "4821\n4821\n");
    assert_eq!(set.code, 0, "{}", set.stderr);
    // As power cuts during safe writes leave them: a whole new staff-pin.toml, half a backup.
    let pin = k.path().join(".dropin-Ab12Cd.tmp");
    std::fs::copy(k.path().join("staff-pin.toml"), &pin).unwrap();
    let half = k.path().join("backups/.dropin-Xq3kLm.tmp");
    std::fs::write(&half, b"SQLite format 3\0 Quillonia").unwrap();
    let run = k.run(&["doctor"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("leftover files: "))
        .unwrap_or_default();
    assert_eq!(
        line,
        format!(
            "leftover files: {pin} {half} left by a write or a practice run that was cut short, and may hold first names; restart the kiosk (it deletes them) or delete them with: rm -r {pin} {half}",
            pin = pin.display(),
            half = half.display()
        ),
        "{}",
        run.stdout
    );
    assert!(pin.exists() && half.exists(), "doctor changes nothing");
    k.ok(&["status"]);
    assert!(!pin.exists() && !half.exists());
    let ok = k.ok(&["doctor"]);
    assert!(ok.contains("leftover files: ok (none)"), "{ok}");
}

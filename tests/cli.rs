//! The headless command line, run as the real binary.

use crate::util::DataFolder;

// 2026-11-25 is a Wednesday; the group meets 13:30–14:30 Los Angeles time (UTC-8).

#[test]
fn status_json_reports_each_phase_with_words_and_countdown() {
    let k = DataFolder::new();
    let json = |at: &str| -> serde_json::Value {
        serde_json::from_str(&k.ok(&["status", "--json", "--at", at])).unwrap()
    };
    let v = json("2026-11-25T13:22:00-08:00");
    assert_eq!(v["phase"], "doors_open");
    assert_eq!(v["words"], "Group starts in 8 min");
    assert_eq!(v["seconds"], 480);
    assert_eq!(v["occurrence_start"], "2026-11-25T13:30:00-08:00");
    assert_eq!(v["occurrence_end"], "2026-11-25T14:30:00-08:00");
    assert!(v["note"].is_null());
    let v = json("2026-11-25T14:25:01-08:00");
    assert_eq!(
        (v["phase"].as_str(), v["words"].as_str()),
        (Some("wrap_up"), Some("4:59 left"))
    );
    let v = json("2026-11-25T10:00:00-08:00");
    assert_eq!(v["phase"], "upcoming");
    assert!(v["seconds"].is_null());
    assert_eq!(
        k.ok(&["status", "--at", "2026-11-25T13:56:00-08:00"])
            .trim(),
        "34 min left"
    );
}

#[test]
fn pretend_now_sets_the_clock_for_headless_commands() {
    let k = DataFolder::new();
    let out = k.ok(&["--pretend-now", "2026-11-25T14:40:00-08:00", "status"]);
    assert_eq!(out.trim(), "Group has ended. Thank you for coming.");
}

#[test]
fn a_cancelled_occurrence_reports_cancelled_with_its_note() {
    let k = DataFolder::new();
    let out = k.ok(&[
        "cancel",
        "2026-11-25",
        "--note",
        "Closed for staff training.",
    ]);
    assert!(
        out.contains("Cancelled the group on Wednesday 2026-11-25 at 13:30"),
        "{out}"
    );
    let v: serde_json::Value =
        serde_json::from_str(&k.ok(&["status", "--json", "--at", "2026-11-25T13:40:00-08:00"]))
            .unwrap();
    assert_eq!(v["phase"], "cancelled");
    assert_eq!(v["note"], "Closed for staff training.");
    assert!(v["seconds"].is_null());
    assert!(
        v["words"]
            .as_str()
            .unwrap()
            .contains("Closed for staff training.")
    );

    assert!(k.ok(&["uncancel", "2026-11-25"]).contains("Restored"));
    let out = k.ok(&["status", "--at", "2026-11-25T13:40:00-08:00"]);
    assert_eq!(out.trim(), "50 min left");
}

#[test]
fn cancelling_a_day_without_a_group_says_so() {
    let k = DataFolder::new();
    let run = k.run(&["cancel", "2026-11-24"]);
    run.assert_one_line_failure();
    assert!(
        run.stderr.contains("no group on Tuesday 2026-11-24"),
        "{}",
        run.stderr
    );
}

#[test]
fn export_totals_match_stored_sign_ins_and_contain_no_name() {
    let k = DataFolder::new();
    for (name, at) in [
        ("Casey", "2026-11-23T13:20:00-08:00"),  // Mon, before start
        ("casey ", "2026-11-23T13:40:00-08:00"), // repeat: counted once
        ("", "2026-11-23T13:45:00-08:00"),
        ("", "2026-11-23T13:46:00-08:00"),
        ("Zoë", "2026-11-24T10:00:00-08:00"), // Tue: outside hours
        ("Robin", "2026-11-25T14:25:00-08:00"), // Wed, five minutes before the end
    ] {
        let mut args = vec!["sign-in", "--at", at];
        if !name.is_empty() {
            args.extend(["--name", name]);
        }
        let out = k.ok(&args);
        assert!(out.starts_with("Signed in"), "{out}");
    }
    k.ok(&["cancel", "2026-11-27", "--note", "Holiday"]);
    let csv = k.ok(&[
        "--pretend-now",
        "2026-11-28T12:00:00-08:00",
        "export",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
    ]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines,
        vec![
            "date,weekday,start,end,group,status,sign_ins,named,anonymous,first_visits,before_start,after_start",
            "2026-11-23,Monday,13:30,14:30,Drop-in Group,held,3,1,2,0,1,2",
            "2026-11-24,Tuesday,,,,outside_hours,1,1,0,0,0,0",
            "2026-11-25,Wednesday,13:30,14:30,Drop-in Group,held,1,1,0,0,0,1",
            "2026-11-27,Friday,13:30,14:30,Drop-in Group,cancelled,0,0,0,0,0,0",
            "total,,,,,held 2; cancelled 1; visits 5; mean per session 2.0,5,3,2,0,1,3",
        ]
    );
    for name in ["Casey", "casey", "Zoë", "Robin"] {
        assert!(!csv.contains(name), "the export holds the name {name}");
    }
}

#[test]
fn export_to_a_file_writes_the_same_csv() {
    let k = DataFolder::new();
    k.ok(&["sign-in", "--at", "2026-11-25T13:35:00-08:00"]);
    let file = k.path().join("out.csv");
    let args = ["export", "--from", "2026-11-25", "--to", "2026-11-25"];
    let stdout = k.ok(&args);
    let said = k.ok(&[&args[..], &["--out", file.to_str().unwrap()]].concat());
    assert!(said.contains("Wrote 2 rows"), "{said}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
}

#[cfg(unix)]
#[test]
fn an_export_read_by_a_reader_that_stops_early_ends_quietly() {
    use std::io::{BufRead as _, BufReader};
    use std::process::{Command, Stdio};
    let k = DataFolder::new();
    // Records from 2000 on: many times the pipe's buffer, so the export is still writing
    // when the reader stops, as `dropin-kiosk export … | head -1` would.
    std::fs::write(k.path().join("first-run.txt"), "2000-01-01T00:00:00Z\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
        .arg("--data-dir")
        .arg(k.path())
        .args(["export", "--from", "2000-01-01", "--to", "2026-11-30"])
        .env("TMPDIR", env!("CARGO_TARGET_TMPDIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("date,weekday,"), "{first}");
    // The reader is dropped here: the pipe closes with most of the export unread.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "a reader that stops is no error");
}

#[test]
fn export_to_a_symlink_leaves_its_target_alone_and_says_where_it_wrote() {
    let k = DataFolder::new();
    k.ok(&["sign-in", "--at", "2026-11-25T13:35:00-08:00"]);
    let target = k.path().join("kiosk.db");
    let before = std::fs::read(&target).unwrap();
    let link = k.path().join("out.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let args = ["export", "--from", "2026-11-25", "--to", "2026-11-25"];
    let stdout = k.ok(&args);
    let said = k.ok(&[&args[..], &["--out", link.to_str().unwrap()]].concat());
    assert_eq!(
        std::fs::read(&target).unwrap(),
        before,
        "kiosk.db is untouched"
    );
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    let written = k.path().join("out-2.csv");
    assert_eq!(
        said.trim(),
        format!("Wrote 2 rows to {}.", written.display())
    );
    assert_eq!(std::fs::read_to_string(&written).unwrap(), stdout);
}

#[test]
fn sign_in_prints_its_confirmation_and_counts_a_repeat_once() {
    let k = DataFolder::new();
    let first = k.ok(&[
        "sign-in",
        "--name",
        "  Casey ",
        "--at",
        "2026-11-25T13:35:00-08:00",
    ]);
    assert_eq!(
        first.trim(),
        "Signed in Casey at 2026-11-25 13:35, the 2026-11-25 13:30 group."
    );
    let again = k.ok(&[
        "sign-in",
        "--name",
        "CASEY",
        "--at",
        "2026-11-25T13:50:00-08:00",
    ]);
    assert!(again.contains("counted once"), "{again}");
    let early = k.ok(&["sign-in", "--at", "2026-11-25T12:59:00-08:00"]);
    assert!(early.contains("outside group hours"), "{early}");
}

#[test]
fn first_run_creates_the_data_folder_with_defaults() {
    let k = DataFolder::empty();
    let root = k.path().join("fresh");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
        .args(["--data-dir", root.to_str().unwrap(), "status"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let settings = std::fs::read_to_string(root.join("settings.toml")).unwrap();
    assert!(settings.contains("early_window_min = 30"));
    assert!(settings.contains("time_zone = \""));
    for file in [
        "drop-in.en.md",
        "drop-in.es.md",
        "check-in.en.md",
        "check-in.es.md",
    ] {
        assert!(root.join("scripts").join(file).exists(), "{file}");
    }
    assert!(root.join("kiosk.db").exists());
}

#[test]
fn malformed_settings_give_a_clear_message_and_the_file_is_kept() {
    let k = DataFolder::new();
    let bad = "group_name = \"Open Door\"\ntime_zone = \"Mars/Olympus\"\n";
    std::fs::write(k.settings_path(), bad).unwrap();
    let run = k.run(&["status"]);
    run.assert_one_line_failure();
    assert!(
        run.stderr
            .contains("line 2, time_zone: \"Mars/Olympus\" is not a known time zone"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(k.settings_path()).unwrap(), bad);
}

#[test]
fn bad_command_line_input_gives_one_line_and_a_non_zero_exit() {
    let k = DataFolder::new();
    for args in [
        &["export", "--from", "2026-13-01", "--to", "2026-12-01"][..],
        &["export", "--from", "2026-12-01", "--to", "2026-11-01"][..],
        &["status", "--at", "yesterday"][..],
        &["cancel", "2026-11-25", "--start", "1:30 PM"][..],
        &["cancel", "2026-11-25", "--start", "15:00"][..],
        &["no-such-command"][..],
        &["sign-in", "--name"][..],
    ] {
        let run = k.run(args);
        run.assert_one_line_failure();
    }
    let run = k.run(&["export", "--from", "2026-12-01", "--to", "2026-11-01"]);
    assert!(
        run.stderr.contains("is after the end date"),
        "{}",
        run.stderr
    );
    let run = k.run(&["export", "--from", "2026-13-01", "--to", "2026-12-01"]);
    assert!(
        run.stderr.contains("\"2026-13-01\" is not a date"),
        "{}",
        run.stderr
    );
}

#[test]
fn odd_names_on_the_command_line_never_panic() {
    let k = DataFolder::new();
    let long = "é".repeat(10_000);
    for name in [
        "😀🎉",
        "مرحبا",
        "\u{202E}evil",
        "Robert'); DROP TABLE sign_ins;--",
        &long,
        " ",
    ] {
        k.ok(&[
            "sign-in",
            "--name",
            name,
            "--at",
            "2026-11-25T13:35:00-08:00",
        ]);
    }
    let csv = k.ok(&["export", "--from", "2026-11-25", "--to", "2026-11-25"]);
    assert!(
        csv.contains("2026-11-25,Wednesday,13:30,14:30,Drop-in Group,held,6,5,1"),
        "{csv}"
    );
}

#[test]
fn names_past_retention_are_unreadable_in_every_file_after_any_command_and_counts_stay() {
    let k = DataFolder::new();
    // Sixty people at three Wednesday groups in October (PDT, UTC-7), each signed in on the
    // day itself, so their names are fresh when stored; Zephyrine01 also comes back twice.
    let days = ["2026-10-07", "2026-10-14", "2026-10-21"];
    for i in 0..60 {
        let at = format!("{}T13:{:02}:00-07:00", days[i % 3], 31 + i / 3);
        let name = format!("Zephyrine{:02}", i + 1);
        k.ok(&["--pretend-now", &at, "sign-in", "--name", &name]);
    }
    k.ok(&[
        "--pretend-now",
        "2026-10-07T14:20:00-07:00",
        "sign-in",
        "--name",
        "zephyrine01",
    ]);
    let export = |now: &str| {
        k.ok(&[
            "--pretend-now",
            now,
            "export",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-21",
        ])
    };
    let before = export("2026-10-21T18:00:00-07:00");
    assert!(
        before.contains("2026-10-07,Wednesday,13:30,14:30,Drop-in Group,held,20,20,0"),
        "the repeat counts once: {before}"
    );
    assert!(
        !crate::util::files_containing(k.path(), "Zephyrine").is_empty(),
        "the names are in the files while they are kept"
    );

    // Forty days after the last group, staff only ask what time it is.
    k.ok(&["--pretend-now", "2026-11-30T10:00:00-08:00", "status"]);

    for i in 1..=60 {
        let name = format!("Zephyrine{i:02}");
        let found = crate::util::files_containing(k.path(), &name);
        assert!(found.is_empty(), "{name} is still readable in {found:?}");
    }
    assert!(crate::util::files_containing(k.path(), "Zephyrine").is_empty());
    assert_eq!(
        export("2026-11-30T10:00:00-08:00"),
        before,
        "counts unchanged"
    );
}

/// Every folder and file under `root` with its permission bits, never following a symlink.
#[cfg(unix)]
fn modes_under(root: &std::path::Path) -> Vec<(String, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut found = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(path) = todo.pop() {
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_symlink() {
            continue;
        }
        if meta.is_dir() {
            todo.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        }
        let name = path.strip_prefix(root).unwrap().display().to_string();
        found.push((name, meta.permissions().mode() & 0o777));
    }
    found.sort();
    found
}

#[cfg(unix)]
#[test]
fn a_first_run_makes_the_data_folder_and_every_file_in_it_private() {
    let k = DataFolder::empty();
    let root = k.path().join("fresh");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
            .arg("--data-dir")
            .arg(&root)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["sign-in", "--name", "Casey"]);
    // SQLite removes its journal files when the last connection closes; holding one open
    // keeps them, as they are while the kiosk runs.
    let _held = dropin_kiosk::store::Store::open(&root.join("kiosk.db")).unwrap();
    run(&["sign-in", "--name", "Robin"]);
    let modes = modes_under(&root);
    for name in [
        "",
        "settings.toml",
        "scripts",
        "scripts/drop-in.en.md",
        "scripts/check-in.es.md",
        "exports",
        "kiosk.db",
        "kiosk.db-wal",
        "kiosk.db-shm",
    ] {
        assert!(
            modes.iter().any(|(n, _)| n == name),
            "{name:?} in {modes:?}"
        );
    }
    for (name, mode) in &modes {
        let folder = root.join(name).is_dir();
        let expected = if folder { 0o700 } else { 0o600 };
        assert_eq!(*mode, expected, "{name:?} is {mode:o}");
    }
}

#[cfg(unix)]
#[test]
fn a_folder_left_readable_by_an_earlier_version_is_made_private_at_start() {
    use std::os::unix::fs::PermissionsExt;
    let k = DataFolder::new();
    let root = k.path();
    let set = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    for folder in ["scripts", "exports", "exports/2025"] {
        std::fs::create_dir_all(root.join(folder)).unwrap();
    }
    for file in [
        "scripts/drop-in.en.md",
        "exports/attendance-old.csv",
        "exports/2025/attendance-2025.csv",
    ] {
        std::fs::write(root.join(file), "old\n").unwrap();
    }
    // A symlink inside pointing out of the folder: what it points to is not the kiosk's.
    let outside = tempfile::tempdir().unwrap();
    let elsewhere = outside.path().join("shared.txt");
    std::fs::write(&elsewhere, "someone else's\n").unwrap();
    set(&elsewhere, 0o644);
    std::os::unix::fs::symlink(&elsewhere, root.join("exports/link.csv")).unwrap();
    set(outside.path(), 0o755);
    std::os::unix::fs::symlink(outside.path(), root.join("scripts/elsewhere")).unwrap();
    for (name, _) in modes_under(root) {
        let path = root.join(name);
        set(&path, if path.is_dir() { 0o755 } else { 0o644 });
    }

    k.ok(&["status"]);

    let modes = modes_under(root);
    assert!(modes.len() >= 10, "{modes:?}");
    for (name, mode) in &modes {
        let expected = if root.join(name).is_dir() {
            0o700
        } else {
            0o600
        };
        assert_eq!(*mode, expected, "{name:?} is {mode:o}");
    }
    let theirs = std::fs::metadata(&elsewhere).unwrap().permissions().mode();
    assert_eq!(theirs & 0o777, 0o644, "the symlink was not followed");
    let theirs = std::fs::metadata(outside.path())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(theirs & 0o777, 0o755, "the folder symlink was not followed");
}

#[test]
fn set_pin_reads_two_lines_and_the_tablet_then_asks_for_that_pin() {
    let k = DataFolder::new();
    let run = k.run_with_input(&["set-pin"], "4821\n4821\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim_end().lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.starts_with("The staff PIN is set"));
    assert!(!run.stdout.contains("4821") && !run.stderr.contains("4821"));

    let mut t = crate::util::Tablet::in_dir(k.dir, "2026-11-25T13:56:00-08:00");
    t.tap("Staff");
    assert!(!t.has("Choose a staff PIN"), "the PIN was set at install");
    assert!(t.has("Staff PIN"));
    for key in ["4", "8", "2", "1", "OK"] {
        t.tap(key);
    }
    assert!(matches!(
        t.kiosk().visit.screen,
        dropin_kiosk::app::Screen::Staff(_)
    ));
}

#[test]
fn set_pin_refuses_an_easy_pin_two_different_ones_or_a_missing_line_and_changes_nothing() {
    let k = DataFolder::new();
    let pin_file = k.path().join("staff-pin.toml");
    for (input, says) in [
        ("1234\n1234\n", "easy to guess"),
        ("0000\n0000\n", "easy to guess"),
        ("4821\n4812\n", "the two PINs were different"),
        ("48a1\n48a1\n", "4 to 8 digits"),
        ("4821\n", "two lines"),
        ("", "two lines"),
    ] {
        let run = k.run_with_input(&["set-pin"], input);
        run.assert_one_line_failure();
        assert!(run.stderr.contains(says), "{input:?}: {}", run.stderr);
        assert!(!pin_file.exists(), "{input:?}");
    }
    k.run_with_input(&["set-pin"], "4821\n4821\n");
    let before = std::fs::read(&pin_file).unwrap();
    k.run_with_input(&["set-pin"], "5930\n5931\n")
        .assert_one_line_failure();
    assert_eq!(std::fs::read(&pin_file).unwrap(), before);
}

/// A data folder whose settings say `language = "es"`.
fn in_spanish() -> DataFolder {
    let k = DataFolder::new();
    let settings = std::fs::read_to_string(k.settings_path()).unwrap();
    assert!(settings.contains("language = \"en\""));
    std::fs::write(
        k.settings_path(),
        settings.replace("language = \"en\"", "language = \"es\""),
    )
    .unwrap();
    k
}

#[test]
fn the_command_line_answers_in_the_settings_language_and_in_english_by_default() {
    for (k, said) in [
        (
            in_spanish(),
            [
                "El PIN del personal quedó guardado en ",
                "Se canceló el grupo del miércoles 2026-11-25 a las 13:30.",
                "Se registró a Casey el 2026-11-25 13:35, en el grupo del 2026-11-25 13:30.",
                "Se escribió una copia de seguridad de 1 registro (solo conteos, sin nombres) en ",
                "no hay grupo el martes 2026-11-24; el horario es lun · mié · vie, 13:30–14:30",
                "un PIN del personal tiene de 4 a 8 cifras; no se cambió nada",
            ],
        ),
        (
            DataFolder::new(),
            [
                "The staff PIN is set in ",
                "Cancelled the group on Wednesday 2026-11-25 at 13:30.",
                "Signed in Casey at 2026-11-25 13:35, the 2026-11-25 13:30 group.",
                "Wrote a backup of 1 sign-in (counts only, no names) to ",
                "there is no group on Tuesday 2026-11-24; the schedule is Mon · Wed · Fri, 1:30–2:30 PM",
                "a staff PIN is 4 to 8 digits; nothing was changed",
            ],
        ),
    ] {
        let [
            pin_set,
            cancelled,
            signed_in,
            backed_up,
            no_group,
            short_pin,
        ] = said;
        let set = k.run_with_input(&["set-pin"], "4821\n4821\n");
        assert!(
            set.stdout.starts_with(pin_set),
            "{}{}",
            set.stdout,
            set.stderr
        );
        let short = k.run_with_input(&["set-pin"], "12\n12\n");
        short.assert_one_line_failure();
        assert_eq!(short.stderr.trim(), format!("dropin-kiosk: {short_pin}"));
        let out = k.ok(&["cancel", "2026-11-25"]);
        assert_eq!(out.trim(), cancelled);
        k.ok(&["uncancel", "2026-11-25"]);
        let out = k.ok(&[
            "sign-in",
            "--name",
            "Casey",
            "--at",
            "2026-11-25T13:35:00-08:00",
        ]);
        assert_eq!(out.trim(), signed_in);
        let copy = k.path().join("copy.db");
        let out = k.ok(&["backup", "--out", copy.to_str().unwrap()]);
        assert!(out.starts_with(backed_up), "{out}");
        let run = k.run(&["cancel", "2026-11-24"]);
        run.assert_one_line_failure();
        assert_eq!(run.stderr.trim(), format!("dropin-kiosk: {no_group}"));
    }
}

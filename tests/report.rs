//! Counts across rooms (SPEC §16): three kiosks' data folders built with the real binary, their
//! counts copies ("Copy counts to USB" and `backup`), and `report` over them compared row by
//! row with each kiosk's own `export`; a kiosk's copy given twice; files refused.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{DataFolder, Run, Tablet};

/// When the copies are made and each kiosk's own export is run: a Wednesday afternoon.
const COPIED_AT: &str = "2026-11-25T13:56:00-08:00";
/// Each kiosk first ran on Monday 5 October.
const FIRST_RUN: &str = "2026-10-05T09:00:00-07:00";
const RANGE: [&str; 4] = ["--from", "2026-10-01", "--to", "2026-11-30"];

/// A kiosk's data folder: the shipped settings with `edits` (line prefix → new line).
fn kiosk(settings: &str, edits: &[(&str, &str)]) -> DataFolder {
    let k = DataFolder::new();
    let text: String = settings
        .lines()
        .map(|line| {
            edits
                .iter()
                .find(|(prefix, _)| line.starts_with(prefix))
                .map_or(line.to_string(), |(_, new)| (*new).to_string())
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(k.settings_path(), text + "\n").unwrap();
    k.ok(&["--pretend-now", FIRST_RUN, "status"]);
    k
}

/// A sign-in at `at`, entered at that moment (a name older than the retention period would
/// already be erased, and a repeat of it not known as one).
fn sign_in(k: &DataFolder, at: &str, name: Option<&str>, first_visit: bool) {
    let mut args = vec!["--pretend-now", at, "sign-in", "--at", at];
    if first_visit {
        args.push("--first-visit");
    }
    match name {
        Some(name) => {
            args.extend(["--name", "-"]);
            let run = k.run_with_input(&args, name);
            assert_eq!(run.code, 0, "{}", run.stderr);
        }
        None => {
            k.ok(&args);
        }
    }
}

/// North: the shipped schedule in Los Angeles, its October (summer time) so far.
fn north_in_october() -> DataFolder {
    let settings = std::fs::read_to_string("assets/settings.toml").unwrap();
    let k = kiosk(
        &settings,
        &[("room =", "room = \"Room 2\"\nsite = \"North\"")],
    );
    sign_in(&k, "2026-10-07T13:20:00-07:00", None, false);
    sign_in(&k, "2026-10-07T13:40:00-07:00", Some("Casey"), false);
    sign_in(&k, "2026-10-07T13:50:00-07:00", Some("casey"), false);
    k
}

/// North's November.
fn north_in_november(k: &DataFolder) {
    sign_in(k, "2026-11-02T13:35:00-08:00", None, true);
    sign_in(k, "2026-11-03T10:00:00-08:00", None, false);
    k.ok(&[
        "--pretend-now",
        COPIED_AT,
        "cancel",
        "2026-11-13",
        "--note",
        "Staff day",
    ]);
}

/// South: a drop-in group and an eight-week course, in New York.
fn south() -> DataFolder {
    let settings = std::fs::read_to_string("tests/fixtures/two-groups.toml").unwrap();
    let k = kiosk(
        &settings,
        &[
            ("room = \"Room 2\"", "room = \"Room 2\"\nsite = \"South\""),
            ("time_zone =", "time_zone = \"America/New_York\""),
        ],
    );
    sign_in(&k, "2026-10-13T18:05:00-04:00", Some("Robin"), true);
    sign_in(&k, "2026-10-19T13:31:00-04:00", None, false);
    sign_in(&k, "2026-11-10T17:45:00-05:00", None, false);
    sign_in(&k, "2026-11-11T12:00:00-05:00", None, false);
    k.ok(&[
        "--pretend-now",
        COPIED_AT,
        "cancel",
        "2026-11-17",
        "--start",
        "18:00",
    ]);
    k
}

/// East: the shipped schedule in another room, with no site set: its site is its room.
fn east() -> DataFolder {
    let settings = std::fs::read_to_string("assets/settings.toml").unwrap();
    let k = kiosk(&settings, &[("room =", "room = \"Room 7\"")]);
    sign_in(&k, "2026-11-20T13:45:00-08:00", None, false);
    sign_in(&k, "2026-11-25T13:40:00-08:00", Some("Ana"), false);
    k
}

/// The kiosk's own export (of `extra` layout) at the instant the copies are made.
fn export(k: &DataFolder, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["--pretend-now", COPIED_AT, "export"];
    args.extend(RANGE);
    args.extend(extra);
    k.ok(&args).lines().map(str::to_string).collect()
}

/// `report` over `files` for October and November.
fn report(files: &[&Path], extra: &[&str]) -> Run {
    report_in(files, RANGE, extra)
}

/// `report` over `files` for `range`, run with a data folder that does not exist, which it
/// must not make.
fn report_in(files: &[&Path], range: [&str; 4], extra: &[&str]) -> Run {
    let nowhere = tempfile::tempdir().unwrap();
    let folder = nowhere.path().join("no-kiosk-here");
    let mut args: Vec<String> = vec!["report".into()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(range.iter().map(|s| (*s).to_string()));
    args.extend(extra.iter().map(|s| (*s).to_string()));
    let out = Command::new(env!("CARGO_BIN_EXE_dropin-kiosk"))
        .arg("--data-dir")
        .arg(&folder)
        .args(&args)
        .output()
        .unwrap();
    assert!(!folder.exists(), "report made a data folder");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn ok(run: &Run) -> Vec<String> {
    assert_eq!(run.code, 0, "report failed: {}", run.stderr);
    run.stdout.lines().map(str::to_string).collect()
}

/// Every row of a kiosk's export (header aside) as `report` must print it: its site first.
fn as_reported(site: &str, export: &[String]) -> Vec<String> {
    export[1..]
        .iter()
        .map(|line| format!("{site},{line}"))
        .collect()
}

struct Kiosks {
    north: DataFolder,
    south: DataFolder,
    east: DataFolder,
    copies: tempfile::TempDir,
    north_old: PathBuf,
    north_copy: PathBuf,
    south_copy: PathBuf,
    east_copy: PathBuf,
}

fn three_kiosks_and_their_copies() -> Kiosks {
    let copies = tempfile::tempdir().unwrap();
    let north = north_in_october();
    // An older copy of North, from before its November.
    let north_old = copies.path().join("north-october.db");
    north.ok(&[
        "--pretend-now",
        "2026-10-31T12:00:00-07:00",
        "backup",
        "--out",
        north_old.to_str().unwrap(),
    ]);
    north_in_november(&north);
    let north_copy = copies.path().join("north.db");
    north.ok(&[
        "--pretend-now",
        COPIED_AT,
        "backup",
        "--out",
        north_copy.to_str().unwrap(),
    ]);
    let south = south();
    let south_copy = copies.path().join("south.db");
    south.ok(&[
        "--pretend-now",
        COPIED_AT,
        "backup",
        "--out",
        south_copy.to_str().unwrap(),
    ]);
    let east = east();
    let east_copy = copy_counts_on_the_tablet(&east, copies.path());
    Kiosks {
        north,
        south,
        east,
        copies,
        north_old,
        north_copy,
        south_copy,
        east_copy,
    }
}

/// Staff at the East kiosk tap "Copy counts to USB"; the Export section names the site and
/// says who reads the copy. Returns the copy, moved off the drive.
fn copy_counts_on_the_tablet(east: &DataFolder, into: &Path) -> PathBuf {
    let drives = tempfile::tempdir().unwrap();
    let usb = drives.path().join("KEY");
    std::fs::create_dir(&usb).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(east.path()).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    let mut t = Tablet::in_dir(dir, COPIED_AT);
    t.offer_drives(vec![usb.clone()]);
    crate::staff::set_up_staff(&mut t);
    t.tap("Export");
    assert!(
        t.has("This site: Room 7"),
        "the Export section names the site"
    );
    assert!(t.has(
        "Every count, with no names: the file the coordinator's report reads. It is also a backup to keep somewhere safe."
    ));
    t.tap("Copy counts to KEY");
    let on_drive = usb.join("dropin-kiosk-counts-2026-11-25.db");
    assert!(on_drive.exists(), "the copy is on the drive");
    let copy = into.join("east.db");
    std::fs::copy(&on_drive, &copy).unwrap();
    copy
}

#[test]
fn three_kiosks_counts_copies_report_exactly_each_kiosks_own_export() {
    let k = three_kiosks_and_their_copies();
    let files = [k.north_copy.as_path(), k.south_copy.as_path(), &k.east_copy];
    let sites = [
        ("North", &k.north),
        ("South", &k.south),
        ("Room 7", &k.east),
    ];

    // Per session: every row of every kiosk's export, its site first, and nothing else but
    // the header and the total across all.
    let run = report(&files, &[]);
    assert_eq!(
        run.stderr.trim(),
        "dropin-kiosk: note: counts stop where each copy was made, before 2026-11-30: \
         North on 2026-11-25, Room 7 on 2026-11-25, South on 2026-11-25",
        "the coordinator is told the copies end before the dates asked"
    );
    let lines = ok(&run);
    println!("report:\n{}", lines.join("\n"));
    assert_eq!(
        lines[0],
        "site,date,weekday,start,end,group,status,sign_ins,named,anonymous,first_visits,before_start,after_start"
    );
    let mut expected = Vec::new();
    for (site, kiosk) in sites {
        let rows = as_reported(site, &export(kiosk, &[]));
        assert!(rows.len() > 10, "{site} has its sessions");
        for row in &rows {
            assert!(lines.contains(row), "{row} is not in the report");
        }
        expected.extend(rows);
    }
    assert_eq!(lines.len(), 1 + expected.len() + 1);
    let total = lines.last().unwrap();
    // Held: North 22 (12 in October from the 5th, 11 in November to the 25th, less one
    // cancelled), South 15 (8 Mondays, 8 Tuesdays, less one cancelled), East 23. Visits:
    // North 4 (Casey once), South 4, East 2; 2 of them outside group hours, so the mean per
    // held session is 8 / 60.
    assert_eq!(
        total,
        "total,total,,,,,held 60; cancelled 2; visits 10; mean per session 0.1,10,3,7,2,2,6"
    );
    // Blocks: South's course rows come after all its drop-in rows, outside hours last.
    let south: Vec<&String> = lines.iter().filter(|l| l.starts_with("South,2")).collect();
    let first_course = south
        .iter()
        .position(|l| l.contains("Eight-week course"))
        .unwrap();
    assert!(
        south[..first_course]
            .iter()
            .all(|l| l.contains("Drop-in group"))
    );
    assert!(south.last().unwrap().contains("outside_hours"));

    // Per month: each kiosk's own `export --by month`, row for row.
    let monthly = ok(&report(&files, &["--by", "month"]));
    println!("report --by month:\n{}", monthly.join("\n"));
    assert_eq!(
        monthly[0],
        "site,month,group,sessions_held,sessions_cancelled,visits,mean_per_session,first_visits,outside_hours_visits"
    );
    let mut expected = 0;
    for (site, kiosk) in sites {
        for row in as_reported(site, &export(kiosk, &["--by", "month"])) {
            assert!(monthly.contains(&row), "{row} is not in the monthly report");
            expected += 1;
        }
    }
    assert_eq!(monthly.len(), 1 + expected + 1);
    assert_eq!(monthly.last().unwrap(), "total,total,,60,2,10,0.1,2,2");

    // Per quarter: October and November are one quarter, with the months' totals.
    let quarterly = ok(&report(&files, &["--by", "quarter"]));
    println!("report --by quarter:\n{}", quarterly.join("\n"));
    for row in [
        "North,2026-Q4,Drop-in Group,22,1,4,0.1,1,1",
        "North,total,,22,1,4,0.1,1,1",
        "South,2026-Q4,Drop-in group,8,0,1,0.1,0,0",
        "South,2026-Q4,,0,0,1,0.0,0,1",
    ] {
        assert!(quarterly.contains(&row.to_string()), "{row}: {quarterly:?}");
    }
    assert!(monthly.contains(&"North,total,,22,1,4,0.1,1,1".to_string()));
    assert_eq!(quarterly.last(), monthly.last());
    assert!(
        quarterly.contains(&"South,2026-Q4,Eight-week course,7,1,2,0.3,1,0".to_string()),
        "{quarterly:?}"
    );
    drop(k.copies);
}

#[test]
fn a_kiosks_copy_given_twice_counts_once_and_the_newer_copy_wins() {
    let k = three_kiosks_and_their_copies();
    let newest = ok(&report(&[&k.north_copy, &k.south_copy, &k.east_copy], &[]));
    for files in [
        [&k.north_old, &k.north_copy, &k.south_copy, &k.east_copy],
        [&k.north_copy, &k.south_copy, &k.east_copy, &k.north_old],
        [&k.north_copy, &k.south_copy, &k.north_copy, &k.east_copy],
    ] {
        let files: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
        assert_eq!(ok(&report(&files, &[])), newest, "{files:?}");
    }
    // The older copy alone knows nothing of November.
    let old = ok(&report(&[&k.north_old], &[]));
    assert!(old.iter().all(|l| !l.contains("2026-11-")), "{old:?}");
    assert!(newest.iter().any(|l| l.starts_with("North,2026-11-02")));
}

#[test]
fn dhis2_gets_one_row_per_site_period_and_mapped_figure() {
    let k = three_kiosks_and_their_copies();
    let files = [k.north_copy.as_path(), k.south_copy.as_path(), &k.east_copy];
    let map = k.copies.path().join("dhis2-map.toml");
    std::fs::write(
        &map,
        "[data_elements]\nsessions_held = \"deHeld0001\"\nvisits = \"deVisits01\"\n\
         first_visits = \"deFirst001\"\n\
         [org_units]\nNorth = \"ouNorth001\"\nSouth = \"ouSouth001\"\n\"Room 7\" = \"ouEast0001\"\n",
    )
    .unwrap();
    let map_arg = map.to_str().unwrap();
    let run = report(&files, &["--format", "dhis2"]);
    run.assert_one_line_failure();
    assert!(
        run.stderr.contains("--format dhis2 needs --map FILE"),
        "{}",
        run.stderr
    );
    let run = report(
        &files,
        &["--format", "dhis2", "--map", map_arg, "--by", "session"],
    );
    run.assert_one_line_failure();
    assert!(
        run.stderr.contains("use --by month or --by quarter"),
        "{}",
        run.stderr
    );
    let monthly = ok(&report(&files, &["--format", "dhis2", "--map", map_arg]));
    println!("report --format dhis2:\n{}", monthly.join("\n"));
    assert_eq!(
        monthly[0],
        "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted"
    );
    assert_eq!(monthly.len(), 1 + 3 * 2 * 3, "3 sites, 2 months, 3 figures");
    // North's own monthly export: October, 12 sessions held (from the 5th), 2 visits.
    let north = export(&k.north, &["--by", "month"]);
    assert!(
        north.contains(&"2026-10,Drop-in Group,12,0,2,0.2,0,0".to_string()),
        "{north:?}"
    );
    for row in [
        "deHeld0001,202610,ouNorth001,HllvX50cXC0,HllvX50cXC0,12,,,,,",
        "deVisits01,202610,ouNorth001,HllvX50cXC0,HllvX50cXC0,2,,,,,",
        "deFirst001,202611,ouSouth001,HllvX50cXC0,HllvX50cXC0,0,,,,,",
        "deVisits01,202611,ouEast0001,HllvX50cXC0,HllvX50cXC0,2,,,,,",
    ] {
        assert!(monthly.contains(&row.to_string()), "{row} missing");
    }
    let by_quarter = ["--format", "dhis2", "--map", map_arg, "--by", "quarter"];
    // A quarter's value is the whole quarter's: October and November alone are refused.
    let run = report(&files, &by_quarter);
    run.assert_one_line_failure();
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("DHIS2 takes whole quarters"),
        "{}",
        run.stderr
    );
    let quarter = ["--from", "2026-10-01", "--to", "2026-12-31"];
    let quarterly = ok(&report_in(&files, quarter, &by_quarter));
    println!(
        "report --format dhis2 --by quarter:\n{}",
        quarterly.join("\n")
    );
    assert_eq!(quarterly.len(), 1 + 3 * 3);
    assert!(
        quarterly
            .contains(&"deVisits01,2026Q4,ouNorth001,HllvX50cXC0,HllvX50cXC0,4,,,,,".to_string())
    );

    // A site the map leaves out: one sentence naming it, nothing printed.
    std::fs::write(
        &map,
        "[data_elements]\nvisits = \"deVisits01\"\n[org_units]\nNorth = \"ouNorth001\"\nSouth = \"ouSouth001\"\n",
    )
    .unwrap();
    let run = report(&files, &["--format", "dhis2", "--map", map_arg]);
    run.assert_one_line_failure();
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr.trim(),
        format!(
            "dropin-kiosk: the map {map_arg} gives no org unit for the site \"Room 7\"; add \"Room 7\" = \"…\" under [org_units]"
        )
    );
}

#[test]
fn a_file_that_is_not_a_names_free_counts_copy_is_refused_in_one_sentence_and_nothing_printed() {
    let copies = tempfile::tempdir().unwrap();
    let k = DataFolder::new();
    k.ok(&["--pretend-now", FIRST_RUN, "status"]);
    sign_in(&k, "2026-11-25T13:40:00-08:00", Some("Quillonia"), false);
    let good = copies.path().join("good.db");
    k.ok(&[
        "--pretend-now",
        COPIED_AT,
        "backup",
        "--out",
        good.to_str().unwrap(),
    ]);
    let with_names = copies.path().join("with-names.db");
    k.ok(&[
        "--pretend-now",
        COPIED_AT,
        "backup",
        "--with-names",
        "--out",
        with_names.to_str().unwrap(),
    ]);
    let csv = copies.path().join("attendance.csv");
    k.ok(&[
        "--pretend-now",
        COPIED_AT,
        "export",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        csv.to_str().unwrap(),
    ]);
    let newer = copies.path().join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    // 23 sessions from Monday 5 October to Wednesday 25 November, a site total, a total.
    assert_eq!(ok(&report(&[&good], &[])).len(), 1 + 23 + 1 + 1);
    for (file, why) in [
        (
            &with_names,
            "holds first names; only a names-free counts copy may be combined (\"Copy counts to USB\", or `backup` without --with-names)",
        ),
        (
            &csv,
            "is not a counts copy (use \"Copy counts to USB\" in the staff area, or `dropin-kiosk backup`)",
        ),
        (
            &newer,
            "was made by a newer version of dropin-kiosk (schema version 99); update this one to read it",
        ),
    ] {
        let run = report(&[&good, file], &[]);
        run.assert_one_line_failure();
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert_eq!(
            run.stderr.trim(),
            format!("dropin-kiosk: {} {why}", file.display())
        );
    }
}

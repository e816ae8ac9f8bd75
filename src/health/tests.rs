use super::*;
use crate::test_support::utc;

fn finding(lines: &[Line], check: Check) -> Finding {
    lines
        .iter()
        .find(|l| l.check == check)
        .map(|l| l.finding.clone())
        .unwrap()
}

#[test]
fn a_fresh_folder_with_a_pin_passes_every_check_but_the_utc_zone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::prepare(tmp.path()).unwrap();
    std::fs::write(dir.settings_path(), config::first_run_text(Some("UTC"))).unwrap();
    crate::staff_pin::set(&dir.pin_path(), "4821").unwrap();
    let practice_temp = tempfile::tempdir().unwrap();
    let lines = doctor_with_practice_in(&dir, utc("2026-11-25T21:35:00Z"), practice_temp.path());
    assert_eq!(lines.len(), 11);
    let failing: Vec<_> = lines.iter().filter(|l| !l.finding.is_ok()).collect();
    assert_eq!(
        failing,
        [&Line {
            check: Check::TimeZone,
            finding: Finding::ZoneUtc("UTC".into())
        }]
    );
    assert_eq!(finding(&lines, Check::Database), Finding::NoDatabaseYet);
    assert_eq!(finding(&lines, Check::Backup), Finding::NothingToBackUpYet);
    assert_eq!(finding(&lines, Check::Lock), Finding::NoKioskRunning);
    assert_eq!(finding(&lines, Check::Leftovers), Finding::NoLeftovers);
    assert!(
        !dir.lock_path().exists() && !dir.db_path().exists(),
        "the check creates nothing"
    );
}

#[test]
fn counts_without_a_recent_backup_a_readable_file_and_a_missing_pin_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::prepare(tmp.path()).unwrap();
    std::fs::write(
        dir.settings_path(),
        config::first_run_text(Some("America/Los_Angeles")),
    )
    .unwrap();
    let mut store = Store::open(&dir.db_path()).unwrap();
    let schedule = crate::domain::schedule::Schedule::new(chrono_tz::UTC, vec![], vec![]);
    let now = utc("2026-11-25T21:35:00Z");
    store
        .sign_in(&crate::domain::visit::NewSignIn::new(
            "", false, now, &schedule, 30,
        ))
        .unwrap();
    let lines = doctor(&dir, now);
    assert_eq!(finding(&lines, Check::Backup), Finding::BackupMissing);
    assert_eq!(finding(&lines, Check::Pin), Finding::PinMissing);
    assert!(matches!(
        finding(&lines, Check::Database),
        Finding::Database { sign_ins: 1, .. }
    ));

    let old = dir.backups_dir().join("kiosk-2026-11-20.db");
    std::fs::write(&old, store.snapshot().unwrap()).unwrap();
    assert_eq!(
        finding(&doctor(&dir, now), Check::Backup),
        Finding::BackupOld {
            date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            days: 5
        }
    );
    let lock = dir.lock().unwrap();
    assert_eq!(
        finding(&doctor(&dir, now), Check::Lock),
        Finding::KioskRunning
    );
    drop(lock);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        drop(store);
        // As every start of the kiosk does; this test process keeps the usual umask.
        assert!(crate::fs::make_private(&dir.root).is_empty());
        assert_eq!(
            finding(&doctor(&dir, now), Check::Folder),
            Finding::FolderPrivate
        );
        let export = dir.exports_dir().join("november.csv");
        std::fs::write(&export, "date\n").unwrap();
        std::fs::set_permissions(&export, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(
            finding(&doctor(&dir, now), Check::Folder),
            Finding::NotPrivate(export)
        );
    }
}

#[test]
fn leftovers_of_a_write_cut_short_and_of_a_killed_practice_run_are_named_until_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::prepare(tmp.path()).unwrap();
    let practice_temp = tempfile::tempdir().unwrap();
    let now = utc("2026-11-25T21:35:00Z");
    let cut_short = dir.backups_dir().join(".dropin-Xq3kLm.tmp");
    std::fs::write(&cut_short, b"SQLite format 3\0").unwrap();
    // A write under way holds its temporary file locked: it is no leftover.
    let under_way = dir.root.join(".dropin-Ab12Cd.tmp");
    std::fs::write(&under_way, b"group_name = ").unwrap();
    let writing = std::fs::File::open(&under_way).unwrap();
    writing.lock().unwrap();
    let killed = practice_temp.path().join("dropin-kiosk-practice-Zz9Yy8");
    std::fs::create_dir(&killed).unwrap();
    std::fs::write(killed.join("practice.lock"), "4242\n").unwrap();

    let lines = doctor_with_practice_in(&dir, now, practice_temp.path());
    assert_eq!(
        finding(&lines, Check::Leftovers),
        Finding::Leftovers(vec![cut_short.clone(), killed.clone()])
    );
    assert!(
        cut_short.exists() && killed.exists(),
        "the check changes nothing"
    );
    assert_eq!(crate::fs::remove_stale_temp_files(&dir.root), [cut_short]);
    assert_eq!(
        crate::practice::remove_stale(practice_temp.path()),
        [killed]
    );
    assert_eq!(
        finding(
            &doctor_with_practice_in(&dir, now, practice_temp.path()),
            Check::Leftovers
        ),
        Finding::NoLeftovers
    );
    assert!(under_way.exists());
}

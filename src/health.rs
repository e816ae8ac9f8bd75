//! The health check of a kiosk machine: one finding per check, each fine or a problem with
//! something to do about it. `dropin-kiosk doctor` prints them and the staff area's Settings
//! section shows them (`words::health` says them); both come from here.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use crate::config::{self, Settings};
use crate::data::DataDir;
use crate::store::Store;

/// Below this much free space, a failing write (and a lost sign-in) is close.
pub const LOW_DISK_MIB: u64 = 200;

/// A daily backup older than this many days means the kiosk is not running or failing.
pub const BACKUP_STALE_DAYS: i64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Folder,
    Database,
    Settings,
    Pin,
    Backup,
    Disk,
    TimeZone,
    Lock,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    FolderPrivate,
    FolderMissing,
    /// Readable or writable by other users.
    NotPrivate(PathBuf),
    /// A file the kiosk's user does not own (e.g. made by a command run as root).
    OwnedByOther {
        path: PathBuf,
        owner: String,
    },
    /// The check was run by another user than the folder's owner.
    RunAsOwner {
        owner: String,
    },
    Database {
        schema_version: i64,
        sign_ins: u64,
    },
    NoDatabaseYet,
    DatabaseDamaged,
    DatabaseTooNew(i64),
    DatabaseUnreadable(String),
    /// Not opened, so that another user's check leaves no file behind.
    DatabaseNotChecked,
    SettingsValid,
    /// No `settings.toml` yet: the kiosk writes the built-in one when it first starts.
    NoSettingsYet,
    SettingsProblem(String),
    PinSet,
    PinMissing,
    PinUnreadable(String),
    BackupFresh {
        date: NaiveDate,
        days: i64,
    },
    NothingToBackUpYet,
    BackupMissing,
    BackupOld {
        date: NaiveDate,
        days: i64,
    },
    DiskFree {
        mib: u64,
    },
    DiskLow {
        mib: u64,
    },
    DiskUnknown(String),
    ZoneKnown(String),
    /// UTC or GMT: almost always a machine whose zone was never set.
    ZoneUtc(String),
    NoKioskRunning,
    KioskRunning,
    /// The staff area asks from inside the kiosk that holds the lock.
    ThisKiosk,
    LockUnusable(String),
}

impl Finding {
    pub fn is_ok(&self) -> bool {
        matches!(
            self,
            Finding::FolderPrivate
                | Finding::Database { .. }
                | Finding::NoDatabaseYet
                | Finding::SettingsValid
                | Finding::NoSettingsYet
                | Finding::PinSet
                | Finding::BackupFresh { .. }
                | Finding::NothingToBackUpYet
                | Finding::DiskFree { .. }
                | Finding::ZoneKnown(_)
                | Finding::NoKioskRunning
                | Finding::KioskRunning
                | Finding::ThisKiosk
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub check: Check,
    pub finding: Finding,
}

/// `dropin-kiosk doctor`: checks the folder as it is, from outside the kiosk. Nothing is
/// created or repaired; run by another user than the folder's owner, the database is not
/// opened at all, so no file of that user's is left in the folder.
pub fn doctor(dir: &DataDir, now: DateTime<Utc>) -> Vec<Line> {
    let folder = folder_finding(&dir.root);
    let as_owner = !matches!(folder, Finding::RunAsOwner { .. } | Finding::FolderMissing);
    let (settings, settings_problem) = settings_as_they_are(&dir.settings_path());
    let (database, sign_ins) = if !dir.db_path().exists() {
        (Finding::NoDatabaseYet, 0)
    } else if as_owner {
        match Store::open_read_only_as_is(&dir.db_path()) {
            Ok(store) => database_finding(&store),
            Err(e) => (store_error_finding(e), 0),
        }
    } else {
        (Finding::DatabaseNotChecked, 0)
    };
    let lock = lock_finding(&dir.lock_path());
    lines(
        dir,
        now,
        &settings,
        settings_problem,
        folder,
        database,
        sign_ins,
        lock,
    )
}

/// The same checks from inside the running kiosk, for the staff area: its own store, its
/// settings as loaded, and the lock it holds.
pub fn in_kiosk(
    dir: &DataDir,
    now: DateTime<Utc>,
    settings: &Settings,
    settings_problem: Option<String>,
    store: Option<&Store>,
    store_problem: Option<&str>,
) -> Vec<Line> {
    let (database, sign_ins) = match store {
        Some(store) => database_finding(store),
        None => (
            Finding::DatabaseUnreadable(store_problem.unwrap_or_default().to_string()),
            0,
        ),
    };
    lines(
        dir,
        now,
        settings,
        settings_problem,
        folder_finding(&dir.root),
        database,
        sign_ins,
        Finding::ThisKiosk,
    )
}

#[expect(
    clippy::too_many_arguments,
    reason = "the findings the two callers gather differently, put in one order"
)]
fn lines(
    dir: &DataDir,
    now: DateTime<Utc>,
    settings: &Settings,
    settings_problem: Option<String>,
    folder: Finding,
    database: Finding,
    sign_ins: u64,
    lock: Finding,
) -> Vec<Line> {
    let today = now.with_timezone(&settings.time_zone).date_naive();
    let backup = match crate::store::last_daily_backup(&dir.backups_dir()) {
        Some(last) => {
            let days = (today - last.date).num_days();
            if days <= BACKUP_STALE_DAYS {
                Finding::BackupFresh {
                    date: last.date,
                    days,
                }
            } else {
                Finding::BackupOld {
                    date: last.date,
                    days,
                }
            }
        }
        None if sign_ins == 0 => Finding::NothingToBackUpYet,
        None => Finding::BackupMissing,
    };
    let pin = match crate::staff_pin::load(&dir.pin_path()) {
        Ok(Some(_)) => Finding::PinSet,
        Ok(None) => Finding::PinMissing,
        Err(e) => Finding::PinUnreadable(e.to_string()),
    };
    let zone = settings.time_zone.name().to_string();
    let zone = if matches!(
        zone.as_str(),
        "UTC"
            | "Etc/UTC"
            | "UCT"
            | "Etc/UCT"
            | "Universal"
            | "Etc/Universal"
            | "Zulu"
            | "Etc/Zulu"
            | "GMT"
            | "Etc/GMT"
            | "GMT0"
            | "Etc/GMT0"
            | "Etc/GMT+0"
            | "Etc/GMT-0"
            | "Greenwich"
            | "Etc/Greenwich"
    ) {
        Finding::ZoneUtc(zone)
    } else {
        Finding::ZoneKnown(zone)
    };
    vec![
        Line {
            check: Check::Folder,
            finding: folder,
        },
        Line {
            check: Check::Database,
            finding: database,
        },
        Line {
            check: Check::Settings,
            finding: match settings_problem {
                Some(problem) => Finding::SettingsProblem(problem),
                None if !dir.settings_path().exists() => Finding::NoSettingsYet,
                None => Finding::SettingsValid,
            },
        },
        Line {
            check: Check::Pin,
            finding: pin,
        },
        Line {
            check: Check::Backup,
            finding: backup,
        },
        Line {
            check: Check::Disk,
            finding: disk_finding(&dir.root),
        },
        Line {
            check: Check::TimeZone,
            finding: zone,
        },
        Line {
            check: Check::Lock,
            finding: lock,
        },
    ]
}

/// The settings file as it is now, without writing the last-good copy `config::load` keeps.
fn settings_as_they_are(path: &Path) -> (Settings, Option<String>) {
    match std::fs::read_to_string(path) {
        // The first start writes the built-in settings, in the machine's time zone.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let zone = iana_time_zone::get_timezone().ok();
            let first = config::parse(&config::first_run_text(zone.as_deref()));
            (first.unwrap_or_default(), None)
        }
        Ok(text) => match config::parse(&text) {
            Ok(settings) => (settings, None),
            Err(why) => (
                Settings::default(),
                Some(format!("{} has a problem: {why}", path.display())),
            ),
        },
        Err(e) => (
            Settings::default(),
            Some(format!("{} could not be read ({e})", path.display())),
        ),
    }
}

fn database_finding(store: &Store) -> (Finding, u64) {
    let inspected = store
        .integrity_ok()
        .and_then(|ok| Ok((ok, store.schema_version()?, store.total_sign_ins()?)));
    match inspected {
        Ok((true, schema_version, _)) if schema_version > crate::store::MIGRATIONS.len() as i64 => {
            (Finding::DatabaseTooNew(schema_version), 0)
        }
        Ok((true, schema_version, sign_ins)) => (
            Finding::Database {
                schema_version,
                sign_ins,
            },
            sign_ins,
        ),
        Ok((false, ..)) => (Finding::DatabaseDamaged, 0),
        Err(e) => (store_error_finding(e), 0),
    }
}

fn store_error_finding(e: crate::error::StoreError) -> Finding {
    use crate::error::StoreError;
    match e {
        StoreError::Corrupt { .. } => Finding::DatabaseDamaged,
        StoreError::TooNew(version) => Finding::DatabaseTooNew(version),
        other => Finding::DatabaseUnreadable(other.to_string()),
    }
}

/// Whether a kiosk holds the folder's lock now. The lock file is opened read-only and never
/// created: a folder no kiosk ever ran on has none.
fn lock_finding(path: &Path) -> Finding {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Finding::NoKioskRunning,
        Err(e) => return Finding::LockUnusable(e.to_string()),
    };
    match file.try_lock() {
        Ok(()) => Finding::NoKioskRunning,
        Err(std::fs::TryLockError::WouldBlock) => Finding::KioskRunning,
        Err(std::fs::TryLockError::Error(e)) => Finding::LockUnusable(e.to_string()),
    }
}

#[cfg(unix)]
fn disk_finding(root: &Path) -> Finding {
    match rustix::fs::statvfs(root) {
        Ok(stat) => {
            let mib = stat.f_bavail.saturating_mul(stat.f_frsize) / (1024 * 1024);
            if mib < LOW_DISK_MIB {
                Finding::DiskLow { mib }
            } else {
                Finding::DiskFree { mib }
            }
        }
        Err(e) => Finding::DiskUnknown(std::io::Error::from(e).to_string()),
    }
}

#[cfg(not(unix))]
fn disk_finding(_root: &Path) -> Finding {
    Finding::DiskUnknown("not measured on this system".to_string())
}

/// Folders nested deeper than this inside the data folder are not looked into.
#[cfg(unix)]
const DEEPEST: usize = 16;

/// The data folder and everything in it: private to its owner (no group or other
/// permission), owned by that one user, and checked by that user.
#[cfg(unix)]
fn folder_finding(root: &Path) -> Finding {
    use std::os::unix::fs::MetadataExt;
    let meta = match std::fs::symlink_metadata(root) {
        Ok(meta) if meta.is_dir() => meta,
        _ => return Finding::FolderMissing,
    };
    let owner = meta.uid();
    if rustix::process::geteuid().as_raw() != owner {
        return Finding::RunAsOwner {
            owner: user_name(owner),
        };
    }
    let mut folders = vec![(root.to_path_buf(), 0)];
    while let Some((folder, depth)) = folders.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&folder) else {
            continue;
        };
        if let Some(problem) = not_private(&folder, &meta, owner) {
            return problem;
        }
        let Ok(entries) = std::fs::read_dir(&folder) else {
            return Finding::NotPrivate(folder);
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                if depth < DEEPEST {
                    folders.push((path, depth + 1));
                }
            } else if meta.is_file()
                && let Some(problem) = not_private(&path, &meta, owner)
            {
                return problem;
            }
        }
    }
    Finding::FolderPrivate
}

#[cfg(unix)]
fn not_private(path: &Path, meta: &std::fs::Metadata, owner: u32) -> Option<Finding> {
    use std::os::unix::fs::MetadataExt;
    if meta.uid() != owner {
        Some(Finding::OwnedByOther {
            path: path.to_path_buf(),
            owner: user_name(owner),
        })
    } else if meta.mode() & 0o077 != 0 {
        Some(Finding::NotPrivate(path.to_path_buf()))
    } else {
        None
    }
}

#[cfg(not(unix))]
fn folder_finding(root: &Path) -> Finding {
    if root.is_dir() {
        Finding::FolderPrivate
    } else {
        Finding::FolderMissing
    }
}

/// The login name of `uid` from `/etc/passwd`, else the number (which `chown` also takes).
#[cfg(unix)]
fn user_name(uid: u32) -> String {
    std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|text| {
            text.lines().find_map(|line| {
                let mut fields = line.split(':');
                let name = fields.next()?;
                (fields.nth(1)?.parse::<u32>().ok()? == uid).then(|| name.to_string())
            })
        })
        .unwrap_or_else(|| uid.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

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
        let lines = doctor(&dir, utc("2026-11-25T21:35:00Z"));
        assert_eq!(lines.len(), 8);
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
        let lock = crate::window::lock_data_dir(&dir).unwrap();
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
}

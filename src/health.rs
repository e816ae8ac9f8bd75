//! The health check of a kiosk machine: one finding per check, each fine or a problem with
//! something to do about it. `dropin-kiosk doctor` prints them and the staff area's Settings
//! section shows them (`words::health` says them); both come from here.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use crate::config::{self, FileProblem, Settings, SettingsProblem};
use crate::data::DataDir;
use crate::store::Store;

mod folder;
use folder::{disk_finding, folder_finding};

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
    Leftovers,
    Sound,
    Languages,
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
    SettingsProblem(config::SettingsProblem),
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
    NoLeftovers,
    /// Temporary files of writes that never finished, and folders of practice runs that
    /// were killed: either may hold first names.
    Leftovers(Vec<PathBuf>),
    /// A sound device opened, or the kiosk's last chime played.
    SoundPlays,
    /// The kiosk has not needed its sound device yet.
    SoundNotTried,
    /// No sound device: a problem only when staff turned the chime on.
    NoSound {
        why: String,
        chime_on: bool,
    },
    /// Every language found, by its own name, English first.
    LanguagesFound(Vec<String>),
    /// Language folders of the data folder's `locales/` that could not be used as they are.
    LanguageProblems(Vec<crate::locale::LocaleProblem>),
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
                | Finding::NoLeftovers
                | Finding::SoundPlays
                | Finding::SoundNotTried
                | Finding::NoSound {
                    chime_on: false,
                    ..
                }
                | Finding::LanguagesFound(_)
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
    doctor_with_practice_in(dir, now, &std::env::temp_dir())
}

/// [`doctor`], looking for leftover practice folders in `temp` instead of the temporary
/// folder of this process.
pub fn doctor_with_practice_in(dir: &DataDir, now: DateTime<Utc>, temp: &Path) -> Vec<Line> {
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
    let gathered = Gathered {
        settings_problem,
        folder,
        database,
        sign_ins,
        lock: lock_finding(dir),
        leftovers: leftovers_finding(&dir.root, temp),
        sound: match crate::chime::probe() {
            Ok(()) => Finding::SoundPlays,
            Err(crate::chime::ChimeError::NoDevice(why)) => Finding::NoSound {
                why,
                chime_on: settings.chime != crate::domain::cue::Chime::Off,
            },
        },
    };
    lines(dir, now, &settings, gathered)
}

/// The same checks from inside the running kiosk, for the staff area: its own store, its
/// settings as loaded, and the lock it holds.
pub fn in_kiosk(
    dir: &DataDir,
    now: DateTime<Utc>,
    settings: &Settings,
    settings_problem: Option<SettingsProblem>,
    store: Option<&Store>,
    store_problem: Option<&str>,
    heard: crate::chime::Heard,
) -> Vec<Line> {
    let (database, sign_ins) = match store {
        Some(store) => database_finding(store),
        None => (
            Finding::DatabaseUnreadable(store_problem.unwrap_or_default().to_string()),
            0,
        ),
    };
    let gathered = Gathered {
        settings_problem,
        folder: folder_finding(&dir.root),
        database,
        sign_ins,
        lock: Finding::ThisKiosk,
        leftovers: leftovers_finding(&dir.root, &std::env::temp_dir()),
        // What the chime's own thread last found: opening the device here would make the
        // screen wait on it.
        sound: match heard {
            crate::chime::Heard::NotTried => Finding::SoundNotTried,
            crate::chime::Heard::Played => Finding::SoundPlays,
            crate::chime::Heard::NoDevice(why) => Finding::NoSound {
                why,
                chime_on: settings.chime != crate::domain::cue::Chime::Off,
            },
        },
    };
    lines(dir, now, settings, gathered)
}

/// The findings `doctor` and the staff area gather each in their own way.
struct Gathered {
    settings_problem: Option<SettingsProblem>,
    folder: Finding,
    database: Finding,
    sign_ins: u64,
    lock: Finding,
    leftovers: Finding,
    sound: Finding,
}

/// Every check's line, in one order: what was gathered, and the checks both make alike.
fn lines(dir: &DataDir, now: DateTime<Utc>, settings: &Settings, gathered: Gathered) -> Vec<Line> {
    let Gathered {
        settings_problem,
        folder,
        database,
        sign_ins,
        lock,
        leftovers,
        sound,
    } = gathered;
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
    let zone = zone_finding(settings);
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
        Line {
            check: Check::Leftovers,
            finding: leftovers,
        },
        Line {
            check: Check::Sound,
            finding: sound,
        },
        Line {
            check: Check::Languages,
            finding: languages_finding(&dir.locales_dir()),
        },
    ]
}

/// The time zone, and whether it looks like one never set (UTC or GMT).
fn zone_finding(settings: &Settings) -> Finding {
    let zone = settings.time_zone.name().to_string();
    if matches!(
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
    }
}

/// The languages the kiosk finds, built in and in the data folder's `locales/`.
fn languages_finding(locales: &Path) -> Finding {
    let found = crate::locale::Locales::load(Some(locales));
    if found.problems().is_empty() {
        Finding::LanguagesFound(
            found
                .languages()
                .map(|(_, name)| name.to_string())
                .collect(),
        )
    } else {
        Finding::LanguageProblems(found.problems().to_vec())
    }
}

/// Temporary files of writes that never finished in the data folder, and folders of this
/// user's practice runs that were killed, in `temp`.
fn leftovers_finding(root: &Path, temp: &Path) -> Finding {
    let mut found = crate::fs::stale_temp_files(root);
    found.extend(crate::practice::stale_folders(temp));
    if found.is_empty() {
        Finding::NoLeftovers
    } else {
        Finding::Leftovers(found)
    }
}

/// The settings file as it is now, without writing the last-good copy `config::load` keeps.
fn settings_as_they_are(path: &Path) -> (Settings, Option<SettingsProblem>) {
    match config::read(path) {
        // The first start writes the built-in settings, in the machine's time zone.
        Err(FileProblem::Unreadable { .. }) if !path.exists() => {
            let zone = iana_time_zone::get_timezone().ok();
            let first = config::parse(&config::first_run_text(zone.as_deref()));
            (first.unwrap_or_default(), None)
        }
        Ok((settings, _)) => (settings, None),
        Err(file) => (Settings::default(), Some(SettingsProblem::file(file))),
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
fn lock_finding(dir: &DataDir) -> Finding {
    match dir.lock_is_held() {
        Ok(false) => Finding::NoKioskRunning,
        Ok(true) => Finding::KioskRunning,
        Err(e) => Finding::LockUnusable(e.to_string()),
    }
}

#[cfg(test)]
mod tests;

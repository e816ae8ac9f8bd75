//! Opening `kiosk.db` for the kiosk: a damaged file is moved aside and a fresh one started,
//! with what could be read from the old one salvaged (counts only).

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};

use super::Kiosk;
use crate::data::DataDir;
use crate::error::StoreError;
use crate::store::{CopyState, Store};

/// How long after start the first backup waits, so the first frame never waits for it.
pub(super) const START_BACKUP_DELAY: Duration = Duration::seconds(30);

/// The attendance database as the kiosk has it: open, or not, with why for staff.
pub enum Storage {
    /// Open. `problem` is what staff are still told after a damaged file was replaced or a
    /// save failed.
    Open {
        store: Store,
        problem: Option<StoreProblem>,
    },
    /// Not open: nothing is saved, for this reason.
    Failed(StoreProblem),
}

impl Storage {
    /// An open store with nothing to tell staff.
    pub fn open(store: Store) -> Storage {
        Storage::Open {
            store,
            problem: None,
        }
    }

    pub fn store(&self) -> Option<&Store> {
        match self {
            Storage::Open { store, .. } => Some(store),
            Storage::Failed(_) => None,
        }
    }

    pub fn store_mut(&mut self) -> Option<&mut Store> {
        match self {
            Storage::Open { store, .. } => Some(store),
            Storage::Failed(_) => None,
        }
    }

    /// What staff are told about the database, if anything.
    pub fn problem(&self) -> Option<&StoreProblem> {
        match self {
            Storage::Open { problem, .. } => problem.as_ref(),
            Storage::Failed(problem) => Some(problem),
        }
    }

    /// Keeps `problem` (a save that failed) for staff, in place of what they were told.
    pub(super) fn note(&mut self, new: StoreProblem) {
        match self {
            Storage::Open { problem, .. } => *problem = Some(new),
            Storage::Failed(problem) => *problem = new,
        }
    }
}

/// Why sign-ins are not being saved, or what became of a damaged database, as values; the
/// staff area says it. A `cause` is technical, for staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreProblem {
    /// `kiosk.db` could not be opened or checked.
    NotSaving { cause: String },
    /// It is damaged and could not be moved aside.
    DamagedNotMoved { cause: String },
    /// It was damaged, and a fresh one was started with what could be read from it.
    Reset(Recovered),
    /// It was damaged, moved aside as `kept`, and the fresh one could not be opened either.
    FreshNotOpened { cause: String, kept: PathBuf },
    /// The last sign-in was not saved.
    SignInNotSaved { cause: String },
    /// The last suggested topic was not saved.
    SuggestionNotSaved { cause: String },
}

impl StoreProblem {
    /// The technical cause, if there is one.
    pub fn cause(&self) -> Option<&str> {
        match self {
            StoreProblem::NotSaving { cause }
            | StoreProblem::DamagedNotMoved { cause }
            | StoreProblem::FreshNotOpened { cause, .. }
            | StoreProblem::SignInNotSaved { cause }
            | StoreProblem::SuggestionNotSaved { cause }
            | StoreProblem::Reset(Recovered::Nothing { cause, .. }) => Some(cause),
            StoreProblem::Reset(Recovered::Counts { .. }) => None,
        }
    }
}

/// What could be read from a damaged database (the copy moved aside) into the fresh one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovered {
    /// `sign_ins` counts, with no names; `copy` says what became of the damaged file.
    Counts {
        sign_ins: u64,
        copy: CopyState,
        kept: PathBuf,
    },
    /// Nothing; the damaged file is `kept` until its names can be erased.
    Nothing { cause: String, kept: PathBuf },
}

/// Opens `kiosk.db` and checks it. A damaged file is moved aside and a fresh store started;
/// any other failure leaves the kiosk running without saving, with the reason for staff.
pub fn open_store(dir: &DataDir, now: DateTime<Utc>) -> Storage {
    let path = dir.db_path();
    let opened = Store::open(&path).and_then(|store| {
        if store.quick_check_ok()? {
            Ok(store)
        } else {
            Err(StoreError::Corrupt { path: path.clone() })
        }
    });
    match opened {
        Ok(store) => Storage::open(store),
        Err(StoreError::Corrupt { .. }) => start_fresh(dir, now),
        Err(e) => {
            log::error!("sign-ins are not being saved: {e}");
            Storage::Failed(StoreProblem::NotSaving {
                cause: e.to_string(),
            })
        }
    }
}

/// Moves a damaged `kiosk.db` (and its WAL files) aside, opens a new one and copies into it
/// the counts that can still be read. The damaged file is then left without names (kept for
/// the retention period as a copy of those counts) or, when nothing could be read from it,
/// deleted: no first name may outlive the retention period in it.
pub(super) fn start_fresh(dir: &DataDir, now: DateTime<Utc>) -> Storage {
    let path = dir.db_path();
    let aside = crate::store::damaged_copy_path(&path, now);
    if let Err(e) = std::fs::rename(&path, &aside) {
        log::error!("the attendance database is damaged and could not be moved aside: {e}");
        let cause = e.to_string();
        return Storage::Failed(StoreProblem::DamagedNotMoved { cause });
    }
    for suffix in ["-wal", "-shm"] {
        let side = path.with_file_name(format!("kiosk.db{suffix}"));
        let mut kept = aside.clone().into_os_string();
        kept.push(suffix);
        if side.exists() {
            let _ = std::fs::rename(&side, kept);
        }
    }
    log::error!(
        "the attendance database was damaged, and a fresh one was started; the damaged file was moved to {}",
        aside.display()
    );
    match Store::open(&path) {
        Ok(mut store) => {
            let recovered = match store.salvage_from(&aside) {
                Ok(saved) => Recovered::Counts {
                    sign_ins: saved.sign_ins,
                    copy: saved.copy,
                    kept: aside,
                },
                Err(e) => {
                    log::error!("nothing could be recovered from {}: {e}", aside.display());
                    Recovered::Nothing {
                        cause: e.to_string(),
                        kept: aside,
                    }
                }
            };
            Storage::Open {
                store,
                problem: Some(StoreProblem::Reset(recovered)),
            }
        }
        Err(e) => {
            log::error!("the fresh attendance database could not be opened either: {e}");
            let problem = StoreProblem::FreshNotOpened {
                cause: e.to_string(),
                kept: aside,
            };
            Storage::Failed(problem)
        }
    }
}

impl Kiosk {
    /// Erases first names older than the retention period, from every file; counts stay.
    /// Runs at start and then once a day.
    pub(super) fn purge_if_due(&mut self, now: DateTime<Utc>) {
        if now < self.chores.next_purge {
            return;
        }
        self.chores.next_purge = now + Duration::days(1);
        self.remove_old_damaged_copies(now);
        let keep = Duration::days(i64::from(self.settings.retention_days));
        let cutoff = now - keep;
        let today = self.calendar.schedule.local_date(now);
        crate::store::tidy_backups(&self.dir.backups_dir(), today - keep, cutoff);
        if let Some(store) = self.storage.store_mut() {
            match store.purge_names_before(cutoff) {
                Ok(0) => {}
                Ok(n) => log::info!(
                    "erased {n} first names older than {} days",
                    self.settings.retention_days
                ),
                Err(e) => log::error!("could not erase old first names: {e}"),
            }
        }
    }

    /// Makes today's backup of `kiosk.db` in `backups/` if there is none yet: just after
    /// start, and on the first tick of each new day. A failure is logged and tried again in
    /// an hour.
    pub(super) fn backup_if_due(&mut self, now: DateTime<Utc>) {
        let today = self.calendar.schedule.local_date(now);
        if now < self.chores.next_backup_try || self.chores.last_backup == Some(today) {
            return;
        }
        let folder = self.dir.backups_dir();
        // Equal, not later: after a clock that ran ahead is put right, backups go on.
        if crate::store::backups_in(&folder)
            .iter()
            .any(|b| b.daily && b.date == today)
        {
            self.chores.last_backup = Some(today);
            return;
        }
        let Some(store) = self.storage.store() else {
            return;
        };
        let written = store
            .snapshot()
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let _ = std::fs::create_dir_all(&folder);
                let path = folder.join(crate::store::daily_backup_name(today));
                crate::fs::create_new(&path, &bytes).map_err(|e| e.to_string())
            });
        match written {
            Ok(path) => {
                log::info!("backed up the attendance database to {}", path.display());
                self.chores.last_backup = Some(today);
            }
            Err(e) => {
                log::error!("the daily backup was not made: {e}");
                self.chores.next_backup_try = now + Duration::hours(1);
            }
        }
    }

    /// Deletes damaged copies of the database once the retention period is over, leaves the
    /// others without names, and notes when they will go.
    pub(super) fn remove_old_damaged_copies(&mut self, now: DateTime<Utc>) {
        let keep = Duration::days(i64::from(self.settings.retention_days));
        let kept = crate::store::remove_damaged_before(&self.dir.db_path(), now - keep);
        self.chores.damaged_until = kept.iter().map(|c| c.made + keep).collect();
    }
}

//! Opening `kiosk.db` for the kiosk: a damaged file is moved aside and a fresh one started,
//! with what could be read from the old one salvaged (counts only).

use chrono::{DateTime, Duration, Utc};

use super::Kiosk;
use crate::data::DataDir;
use crate::error::StoreError;
use crate::store::{CopyState, Store};

/// How long after start the first backup waits, so the first frame never waits for it.
pub(super) const START_BACKUP_DELAY: Duration = Duration::seconds(30);

/// Opens `kiosk.db` and checks it. A damaged file is moved aside and a fresh store started; any other failure leaves the kiosk running without saving, with a
/// sentence for staff.
pub fn open_store(dir: &DataDir, now: DateTime<Utc>) -> (Option<Store>, Option<String>) {
    let path = dir.db_path();
    let opened = Store::open(&path).and_then(|store| {
        if store.quick_check_ok()? {
            Ok(store)
        } else {
            Err(StoreError::Corrupt { path: path.clone() })
        }
    });
    match opened {
        Ok(store) => (Some(store), None),
        Err(StoreError::Corrupt { .. }) => start_fresh(dir, now),
        Err(e) => {
            let why = format!("Sign-ins are not being saved: {e}.");
            log::error!("{why}");
            (None, Some(why))
        }
    }
}

/// Moves a damaged `kiosk.db` (and its WAL files) aside, opens a new one and copies into it
/// the counts that can still be read. The damaged file is then left without names (kept for
/// the retention period as a copy of those counts) or, when nothing could be read from it,
/// deleted: no first name may outlive the retention period in it.
pub(super) fn start_fresh(dir: &DataDir, now: DateTime<Utc>) -> (Option<Store>, Option<String>) {
    let path = dir.db_path();
    let aside = crate::store::damaged_copy_path(&path, now);
    if let Err(e) = std::fs::rename(&path, &aside) {
        let why = format!(
            "The attendance database is damaged and could not be moved aside ({e}); sign-ins are not being saved."
        );
        log::error!("{why}");
        return (None, Some(why));
    }
    for suffix in ["-wal", "-shm"] {
        let side = path.with_file_name(format!("kiosk.db{suffix}"));
        let mut kept = aside.clone().into_os_string();
        kept.push(suffix);
        if side.exists() {
            let _ = std::fs::rename(&side, kept);
        }
    }
    let why = "The attendance database was damaged, and a fresh one was started.";
    log::error!("{why} The damaged file was moved to {}.", aside.display());
    match Store::open(&path) {
        Ok(mut store) => {
            let why = match store.salvage_from(&aside) {
                Ok(saved) => {
                    let copy = match saved.copy {
                        CopyState::NamesFree => format!(
                            " A copy of them, with no names, is kept as {}.",
                            aside.display()
                        ),
                        CopyState::Deleted => {
                            " Nothing else could be read from the damaged file, so it was deleted."
                                .to_string()
                        }
                        CopyState::Unchanged => format!(
                            " The damaged file is kept as {} until its names can be erased.",
                            aside.display()
                        ),
                    };
                    format!(
                        "{why} {} sign-ins were recovered from it, without names.{copy}",
                        saved.sign_ins
                    )
                }
                Err(e) => {
                    log::error!("nothing could be recovered from {}: {e}", aside.display());
                    format!(
                        "{why} Nothing could be recovered from it ({e}); it is kept as {} until its names can be erased.",
                        aside.display()
                    )
                }
            };
            (Some(store), Some(why))
        }
        Err(e) => {
            let why = format!(
                "{why} The fresh one could not be opened either: {e}. The damaged file is kept as {}.",
                aside.display()
            );
            log::error!("{why}");
            (None, Some(why))
        }
    }
}

impl Kiosk {
    /// Erases first names older than the retention period, from every file; counts stay.
    /// Runs at start and then once a day.
    pub(super) fn purge_if_due(&mut self, now: DateTime<Utc>) {
        if now < self.next_purge {
            return;
        }
        self.next_purge = now + Duration::days(1);
        self.remove_old_damaged_copies(now);
        let keep = Duration::days(i64::from(self.settings.retention_days));
        let cutoff = now - keep;
        let today = self.schedule.local_date(now);
        crate::store::tidy_backups(&self.dir.backups_dir(), today - keep, cutoff);
        if let Some(store) = &mut self.store {
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
        let today = self.schedule.local_date(now);
        if now < self.next_backup_try || self.last_backup == Some(today) {
            return;
        }
        let folder = self.dir.backups_dir();
        // Equal, not later: after a clock that ran ahead is put right, backups go on.
        if crate::store::backups_in(&folder)
            .iter()
            .any(|b| b.daily && b.date == today)
        {
            self.last_backup = Some(today);
            return;
        }
        let Some(store) = &self.store else {
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
                self.last_backup = Some(today);
            }
            Err(e) => {
                log::error!("the daily backup was not made: {e}");
                self.next_backup_try = now + Duration::hours(1);
            }
        }
    }

    /// Deletes damaged copies of the database once the retention period is over, leaves the
    /// others without names, and notes when they will go.
    pub(super) fn remove_old_damaged_copies(&mut self, now: DateTime<Utc>) {
        let keep = Duration::days(i64::from(self.settings.retention_days));
        let kept = crate::store::remove_damaged_before(&self.dir.db_path(), now - keep);
        self.damaged_until = kept.iter().map(|c| c.made + keep).collect();
    }
}

//! Attendance for a date range: quick ranges, the counts (through the one report service),
//! the CSV and its QR code, and writing the export to a drive or the tablet.

use std::path::PathBuf;

use chrono::{Datelike, Duration, NaiveDate};

use super::{Failure, Feedback, StaffState};
use crate::app::Kiosk;
use crate::export;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickRange {
    LastFourWeeks,
    ThisMonth,
    LastMonth,
    ThisYear,
}

/// A QR code as a plain grid of dark modules, ready to paint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrView {
    pub width: usize,
    pub dark: Vec<bool>,
    pub holds: export::qr::Holds,
}

/// How the export is laid out, as staff chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportBy {
    /// One row per session, outside-hours rows, a total row.
    Session,
    /// One row per month and group, a total row: what a funder's form asks for.
    Month,
}

/// Where staff chose to save the CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportPlace {
    /// A mounted removable drive, by its mount point.
    Drive(PathBuf),
    /// The data folder's `exports/`.
    Tablet,
}

/// The dates of a quick choice, seen from `today`.
pub fn quick_range(which: QuickRange, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_of = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(today);
    match which {
        QuickRange::LastFourWeeks => (today - Duration::days(27), today),
        QuickRange::ThisMonth => (first_of(today.year(), today.month()), today),
        QuickRange::LastMonth => {
            let this = first_of(today.year(), today.month());
            let end = this.pred_opt().unwrap_or(this);
            (first_of(end.year(), end.month()), end)
        }
        QuickRange::ThisYear => (first_of(today.year(), 1), today),
    }
}

impl Kiosk {
    /// Recounts the chosen range and rebuilds the CSV and QR code from it.
    pub(super) fn recount(&self, state: &mut StaffState) {
        let Some(store) = self.storage.store() else {
            state.report = None;
            return;
        };
        let (from, to) = state.range;
        let query = crate::report::Query::dates(from, to, self.now(), self.calendar.first_run);
        match crate::report::counts(store, &self.settings, &self.calendar.schedule, &query) {
            Ok(report) => {
                let monthly = export::csv::monthly_to_string(
                    &crate::report::monthly(&report),
                    &report.groups,
                );
                state.csv = match state.by {
                    ExportBy::Session => export::csv::to_string(&report),
                    ExportBy::Month => monthly.clone(),
                };
                let totals = export::csv::summary(&report);
                state.qr = export::qr::for_export(&state.csv, &monthly, &totals).map(|qr| QrView {
                    width: qr.width(),
                    dark: (0..qr.width() * qr.width())
                        .map(|i| qr.dark(i % qr.width(), i / qr.width()))
                        .collect(),
                    holds: qr.holds,
                });
                state.report = Some(report);
            }
            Err(e) => {
                log::error!("could not count attendance: {e}");
                state.feedback = Some(Feedback::Failed(Failure::Counts, e.to_string()));
            }
        }
    }

    pub(super) fn export(&self, state: &mut StaffState, place: ExportPlace) {
        self.recount(state);
        if state.report.is_none() {
            state.feedback = Some(Feedback::NoDatabase);
            return;
        }
        let folder = match &place {
            ExportPlace::Drive(mount) => mount.clone(),
            ExportPlace::Tablet => {
                let folder = self.dir.exports_dir();
                let _ = std::fs::create_dir_all(&folder);
                folder
            }
        };
        let (from, to) = state.range;
        let name = match state.by {
            ExportBy::Session => export::destination::file_name(from, to),
            ExportBy::Month => export::destination::monthly_file_name(from, to),
        };
        let path = folder.join(name);
        state.feedback = Some(match crate::fs::create_new(&path, state.csv.as_bytes()) {
            Ok(path) => {
                log::info!("attendance exported to {}", path.display());
                Feedback::Exported(path)
            }
            Err(e) => {
                log::error!("the export was not saved: {e}");
                Feedback::ExportFailed(place, e.to_string())
            }
        });
    }
}

impl Kiosk {
    /// "Copy counts to USB": a snapshot of the database with every name removed, with the
    /// site and schedule (the counts copy an agency's `report` reads), written as a new file
    /// on the drive. It can be restored, and it carries nobody's name.
    pub(super) fn copy_counts(&self, state: &mut StaffState, drive: &std::path::Path) {
        let Some(store) = self.storage.store() else {
            state.feedback = Some(Feedback::NoDatabase);
            return;
        };
        let now = self.now();
        let today = self.calendar.schedule.local_date(now);
        let path = drive.join(export::destination::counts_file_name(today));
        let origin = crate::report::copy_origin(&self.settings, self.calendar.first_run, now);
        let written = store
            .counts_copy(&origin)
            .map_err(|e| e.to_string())
            .and_then(|bytes| crate::fs::create_new(&path, &bytes).map_err(|e| e.to_string()));
        state.feedback = Some(match written {
            Ok(path) => {
                log::info!("counts (no names) copied to {}", path.display());
                Feedback::CountsCopied(path)
            }
            Err(e) => {
                log::error!("the counts were not copied: {e}");
                Feedback::CountsCopyFailed(drive.to_path_buf(), e)
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    pub(super) fn quick_ranges_cover_the_expected_days() {
        let today = d(2026, 1, 14);
        assert_eq!(
            quick_range(QuickRange::LastFourWeeks, today),
            (d(2025, 12, 18), today)
        );
        assert_eq!(
            quick_range(QuickRange::ThisMonth, today),
            (d(2026, 1, 1), today)
        );
        assert_eq!(
            quick_range(QuickRange::LastMonth, today),
            (d(2025, 12, 1), d(2025, 12, 31))
        );
        assert_eq!(
            quick_range(QuickRange::ThisYear, today),
            (d(2026, 1, 1), today)
        );
    }
}

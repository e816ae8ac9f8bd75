//! The one report service: attendance counts for a local date range, streamed out of the
//! store into the pure counter. The staff area and the command line both ask here.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use thiserror::Error;

use crate::domain::counts::{self, Report};
use crate::domain::schedule::Schedule;
use crate::error::StoreError;
use crate::store::Store;

#[derive(Debug, Error)]
pub enum ReportError {
    #[error("the start date {from} is after the end date {to}; swap them")]
    DatesSwapped { from: NaiveDate, to: NaiveDate },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Counts for `from..=to` (local dates), as the export and the staff area show them.
pub fn counts(
    store: &Store,
    schedule: &Schedule,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Report, ReportError> {
    if from > to {
        return Err(ReportError::DatesSwapped { from, to });
    }
    // A day either side covers every zone offset and early windows across midnight.
    let start = schedule.resolve_local(from.and_time(NaiveTime::MIN)) - Duration::days(1);
    let end = schedule.resolve_local(to.and_time(NaiveTime::MIN)) + Duration::days(2);
    let mut facts = Vec::new();
    store.for_each_fact(start, end, |f| facts.push(f))?;
    Ok(counts::report(schedule, from, to, now, facts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapped_dates_are_refused_in_one_sentence() {
        let store = Store::in_memory().unwrap();
        let schedule = Schedule::new(chrono_tz::UTC, vec![], vec![]);
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let err = counts(&store, &schedule, d(20), d(10), DateTime::UNIX_EPOCH).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the start date 2026-11-20 is after the end date 2026-11-10; swap them"
        );
        assert!(counts(&store, &schedule, d(10), d(20), DateTime::UNIX_EPOCH).is_ok());
    }
}

//! The one report service: attendance counts for a local date range, streamed out of the
//! store into the pure counter. The staff area and the command line both ask here.

pub mod sites;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use thiserror::Error;

use crate::config::Settings;
use crate::domain::counts::{self, Report, Scope};
use crate::domain::monthly::{self, Monthly};
use crate::domain::schedule::Schedule;
use crate::error::StoreError;
use crate::store::{CopyGroup, CopyOrigin, Store};

#[derive(Debug, Error)]
pub enum ReportError {
    DatesSwapped { from: NaiveDate, to: NaiveDate },
    Store(#[from] StoreError),
}

/// What to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Query {
    /// Local dates, both included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub now: DateTime<Utc>,
    /// When the kiosk first ran on its data folder (`DataDir::first_run`); with the earliest
    /// stored sign-in it gives the first day of records.
    pub first_run: Option<DateTime<Utc>>,
    /// One group only (an index into the settings' groups).
    pub group: Option<usize>,
}

impl Query {
    /// Every group, from `from` to `to`, with records kept since `first_run`.
    pub fn dates(
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<Utc>,
        first_run: DateTime<Utc>,
    ) -> Query {
        Query {
            from,
            to,
            now,
            first_run: Some(first_run),
            group: None,
        }
    }
}

/// Counts for `query`, as the export and the staff area show them. Sessions from before the
/// kiosk's first day of records (the earlier of its first run and the earliest stored
/// sign-in, so a paper sheet entered later still counts) are not reported.
pub fn counts(
    store: &Store,
    settings: &Settings,
    schedule: &Schedule,
    query: &Query,
) -> Result<Report, ReportError> {
    count(store, settings.group_names(), schedule, query)
}

/// Counts for `query` of a store whose groups are `groups` (by index): a kiosk's own, or a
/// counts copy's, counted the same way.
pub fn count(
    store: &Store,
    groups: Vec<String>,
    schedule: &Schedule,
    query: &Query,
) -> Result<Report, ReportError> {
    let Query { from, to, now, .. } = *query;
    if from > to {
        return Err(ReportError::DatesSwapped { from, to });
    }
    let records_since = [query.first_run, store.earliest_sign_in()?]
        .into_iter()
        .flatten()
        .min()
        .map(|at| schedule.local_date(at));
    // A day either side covers every zone offset and early windows across midnight.
    let start = schedule.resolve_local(from.and_time(NaiveTime::MIN)) - Duration::days(1);
    let end = schedule.resolve_local(to.and_time(NaiveTime::MIN)) + Duration::days(2);
    let mut facts = Vec::new();
    store.for_each_fact(start, end, |f| facts.push(f))?;
    let scope = Scope {
        from,
        to,
        now,
        records_since,
        group: query.group,
    };
    let mut report = counts::report(schedule, scope, facts);
    report.groups = groups;
    Ok(report)
}

/// What a counts copy made now carries besides the counts: the site, the schedule as it
/// stands, and the first run, so `report` counts it as this kiosk's own `export` would.
pub fn copy_origin(
    settings: &Settings,
    first_run: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CopyOrigin {
    CopyOrigin {
        site: settings.site_name().to_string(),
        made_at: now,
        first_run,
        time_zone: settings.time_zone,
        early_window_min: settings.early_window_min,
        groups: settings
            .groups
            .iter()
            .map(|g| CopyGroup {
                name: g.name.clone(),
                room: settings.room_of(g).to_string(),
                course_start: g.course.as_ref().map(|c| c.start),
            })
            .collect(),
        slots: settings.slots.clone(),
        kiosk_version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// The report per month and group. With one group, outside-hours visits count on its row.
pub fn monthly(report: &Report) -> Monthly {
    let only = (report.groups.len() == 1).then_some(0);
    monthly::monthly(report, only)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::visit::NewSignIn;
    use crate::test_support::utc;

    #[test]
    fn swapped_dates_are_refused_in_one_sentence() {
        let store = Store::in_memory().unwrap();
        let settings = Settings::default();
        let schedule = Schedule::new(chrono_tz::UTC, vec![], vec![]);
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let query = |from, to| Query::dates(from, to, DateTime::UNIX_EPOCH, DateTime::UNIX_EPOCH);
        let err = counts(&store, &settings, &schedule, &query(d(20), d(10))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the start date 2026-11-20 is after the end date 2026-11-10; swap them"
        );
        assert!(counts(&store, &settings, &schedule, &query(d(10), d(20))).is_ok());
    }

    #[test]
    fn a_new_kiosk_reports_no_sessions_from_before_it_existed_but_a_paper_sheet_counts() {
        let mut store = Store::in_memory().unwrap();
        let settings = Settings::default();
        let schedule = settings.schedule(vec![]);
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let now = utc("2026-11-30T12:00:00Z");
        // Installed on Friday 27 November (Los Angeles), nothing signed in yet.
        let query = Query::dates(d(1), d(30), now, utc("2026-11-27T17:00:00Z"));
        let report = counts(&store, &settings, &schedule, &query).unwrap();
        assert_eq!(report.totals.sessions_held, 1, "only Friday the 27th");
        // A paper sheet from Monday 16 November is entered: the records reach back to it.
        let sheet = NewSignIn::new("", false, utc("2026-11-16T21:40:00Z"), &schedule, 30);
        store.sign_in(&sheet).unwrap();
        let report = counts(&store, &settings, &schedule, &query).unwrap();
        assert_eq!(report.totals.sessions_held, 6);
        assert_eq!(report.totals.visits, 1);
        assert_eq!(report.groups, vec!["Drop-in Group".to_string()]);
    }
}

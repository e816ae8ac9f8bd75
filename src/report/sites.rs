//! Counts across rooms (SPEC §16): several kiosks' counts copies, each counted exactly as its
//! own `export` counts, one kiosk once however many of its copies are given, then summed per
//! site, group and month or quarter.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::{Query, ReportError, count};
use crate::domain::counts::Report;
use crate::domain::monthly::{MonthCounts, quarter_start};
use crate::store::CountsCopy;

/// One kiosk's counts for the dates asked, from its newest copy.
#[derive(Debug, Clone)]
pub struct SiteCounts {
    pub site: String,
    pub install_id: String,
    /// When its copy was made: its sessions are counted up to then.
    pub made_at: DateTime<Utc>,
    /// The kiosk's local date then.
    pub made_on: NaiveDate,
    pub report: Report,
}

/// Counts every kiosk's copy from `from` to `to` (local dates of each kiosk). A kiosk given
/// twice (the same install id) is counted once, from its newer copy. Sorted by site, then
/// install id, so the same files always give the same report.
pub fn combine(
    copies: Vec<CountsCopy>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<SiteCounts>, ReportError> {
    if from > to {
        return Err(ReportError::DatesSwapped { from, to });
    }
    let mut newest: BTreeMap<String, CountsCopy> = BTreeMap::new();
    for copy in copies {
        let newer = newest
            .get(&copy.install_id)
            .is_none_or(|kept| kept.origin.made_at < copy.origin.made_at);
        if newer {
            newest.insert(copy.install_id.clone(), copy);
        }
    }
    let mut sites = Vec::new();
    for (install_id, copy) in newest {
        let query = Query {
            from,
            to,
            now: copy.origin.made_at,
            first_run: Some(copy.origin.first_run),
            group: None,
        };
        let schedule = copy.schedule()?;
        let report = count(&copy.store, copy.group_names(), &schedule, &query)?;
        sites.push(SiteCounts {
            site: copy.origin.site.clone(),
            install_id,
            made_at: copy.origin.made_at,
            made_on: schedule.local_date(copy.origin.made_at),
            report,
        });
    }
    sites.sort_by(|a, b| (&a.site, &a.install_id).cmp(&(&b.site, &b.install_id)));
    Ok(sites)
}

/// The length of a period a funder's form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month,
    Quarter,
}

impl Period {
    /// The first day of the period `date` falls in.
    pub fn start(self, date: NaiveDate) -> NaiveDate {
        match self {
            Period::Month => date.with_day(1).unwrap_or(date),
            Period::Quarter => quarter_start(date),
        }
    }

    /// The last day of the period starting on `start`.
    pub fn end(self, start: NaiveDate) -> NaiveDate {
        let months = match self {
            Period::Month => 1,
            Period::Quarter => 3,
        };
        start
            .checked_add_months(chrono::Months::new(months))
            .and_then(|next| next.pred_opt())
            .unwrap_or(start)
    }
}

/// One site's numbers for one group (empty: no group, e.g. outside-hours visits when the
/// kiosk has several groups) in one period.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodRow {
    pub site: String,
    /// The first day of the period.
    pub period: NaiveDate,
    pub group: String,
    pub counts: MonthCounts,
}

/// The counts per site, group and period, with a total per site and one across all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ByPeriod {
    /// In blocks: site by site, within a site group by group (no group last), period order.
    pub rows: Vec<PeriodRow>,
    pub site_totals: Vec<(String, MonthCounts)>,
    pub total: MonthCounts,
}

/// One site's counts: (group order, group name) -> period start -> counts.
type Blocks = BTreeMap<(usize, String), BTreeMap<NaiveDate, MonthCounts>>;

/// Sums each kiosk's monthly summary (the one its own `export --by month` gives) per site,
/// group and period; kiosks of the same site add up.
pub fn by_period(sites: &[SiteCounts], period: Period) -> ByPeriod {
    let mut by: BTreeMap<&str, Blocks> = BTreeMap::new();
    let mut site_totals: BTreeMap<&str, MonthCounts> = BTreeMap::new();
    let mut total = MonthCounts::default();
    for site in sites {
        let monthly = super::monthly(&site.report);
        let blocks = by.entry(site.site.as_str()).or_default();
        for row in &monthly.rows {
            let group = row
                .group
                .and_then(|g| site.report.groups.get(g))
                .cloned()
                .unwrap_or_default();
            // Groups in the order they first appear; no group after every group.
            let order = if group.is_empty() {
                usize::MAX
            } else {
                blocks
                    .keys()
                    .find(|(_, name)| *name == group)
                    .map_or(blocks.len(), |(order, _)| *order)
            };
            blocks
                .entry((order, group))
                .or_default()
                .entry(period.start(row.month))
                .or_default()
                .absorb(&row.counts);
        }
        site_totals
            .entry(site.site.as_str())
            .or_default()
            .absorb(&monthly.total);
        total.absorb(&monthly.total);
    }
    let mut rows = Vec::new();
    for (site, blocks) in by {
        for ((_, group), periods) in blocks {
            for (start, counts) in periods {
                rows.push(PeriodRow {
                    site: site.to_string(),
                    period: start,
                    group: group.clone(),
                    counts,
                });
            }
        }
    }
    ByPeriod {
        rows,
        site_totals: site_totals
            .into_iter()
            .map(|(site, counts)| (site.to_string(), counts))
            .collect(),
        total,
    }
}

/// Each site's numbers per period, every group together: what an aggregate system (DHIS2)
/// takes for one organisation unit.
pub fn per_site_and_period(by: &ByPeriod) -> Vec<(String, NaiveDate, MonthCounts)> {
    let mut sums: BTreeMap<(&str, NaiveDate), MonthCounts> = BTreeMap::new();
    for row in &by.rows {
        sums.entry((row.site.as_str(), row.period))
            .or_default()
            .absorb(&row.counts);
    }
    sums.into_iter()
        .map(|((site, period), counts)| (site.to_string(), period, counts))
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::*;
    use crate::domain::counts::{Row, RowStatus, Tally, totals};

    fn held(day: u32, group: usize, sign_ins: u64) -> Row {
        let date = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        Row {
            date,
            weekday: Weekday::Mon,
            start: None,
            end: None,
            group: Some(group),
            status: RowStatus::Held,
            tally: Tally {
                sign_ins,
                anonymous: sign_ins,
                ..Tally::default()
            },
        }
    }

    fn kiosk(site: &str, id: &str, groups: &[&str], rows: Vec<Row>) -> SiteCounts {
        SiteCounts {
            site: site.into(),
            install_id: id.into(),
            made_at: DateTime::UNIX_EPOCH,
            made_on: NaiveDate::MIN,
            report: Report {
                totals: totals(&rows),
                rows,
                groups: groups.iter().map(|g| (*g).to_string()).collect(),
            },
        }
    }

    #[test]
    fn two_kiosks_of_one_site_add_up_per_group_whatever_order_they_list_their_groups() {
        let sites = [
            kiosk(
                "North",
                "a",
                &["Drop-in", "Course"],
                vec![held(2, 0, 3), held(3, 1, 2)],
            ),
            kiosk(
                "North",
                "b",
                &["Course", "Drop-in"],
                vec![held(4, 0, 4), held(9, 1, 1)],
            ),
            kiosk("South", "c", &["Drop-in"], vec![held(2, 0, 5)]),
        ];
        let by = by_period(&sites, Period::Quarter);
        let shape: Vec<(&str, &str, u64, u64)> = by
            .rows
            .iter()
            .map(|r| {
                let c = r.counts;
                (r.site.as_str(), r.group.as_str(), c.sessions_held, c.visits)
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                ("North", "Drop-in", 2, 4),
                ("North", "Course", 2, 6),
                ("South", "Drop-in", 1, 5),
            ]
        );
        assert_eq!(by.site_totals[0].1.visits, 10);
        assert_eq!(by.total.sessions_held, 5);
        assert!((by.total.mean_per_session - 3.0).abs() < 1e-9);
    }

    #[test]
    fn periods_start_and_end_on_the_first_and_last_day() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(Period::Quarter.start(d(11, 25)), d(10, 1));
        assert_eq!(Period::Quarter.end(d(10, 1)), d(12, 31));
        assert_eq!(Period::Quarter.start(d(3, 31)), d(1, 1));
        assert_eq!(Period::Month.start(d(2, 14)), d(2, 1));
        assert_eq!(Period::Month.end(d(2, 1)), d(2, 28));
    }
}

//! The attendance report summed per month and group, with a total: what a funder's
//! quarterly form asks for (visits per month, new participants, sessions held).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::counts::{Report, Row, RowStatus};

/// One month's numbers, for a funder's form.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MonthCounts {
    pub sessions_held: u64,
    pub sessions_cancelled: u64,
    /// Counted visits: in sessions, plus the outside-hours visits on this row.
    pub visits: u64,
    /// Counted sign-ins per held session (outside-hours visits left out).
    pub mean_per_session: f64,
    pub first_visits: u64,
    pub outside_hours_visits: u64,
    /// Counted sign-ins in held sessions, the mean's numerator.
    pub session_visits: u64,
}

impl MonthCounts {
    fn add(&mut self, row: &Row) {
        match row.status {
            RowStatus::Held => {
                self.sessions_held += 1;
                self.session_visits += row.tally.sign_ins;
            }
            RowStatus::Cancelled => self.sessions_cancelled += 1,
            RowStatus::OutsideHours => self.outside_hours_visits += row.tally.sign_ins,
        }
        self.visits += row.tally.sign_ins;
        self.first_visits += row.tally.first_visits;
        if self.sessions_held > 0 {
            self.mean_per_session = self.session_visits as f64 / self.sessions_held as f64;
        }
    }
}

impl MonthCounts {
    /// Adds `other`'s numbers to these (another kiosk's, or another month's).
    pub fn absorb(&mut self, other: &MonthCounts) {
        self.sessions_held += other.sessions_held;
        self.sessions_cancelled += other.sessions_cancelled;
        self.visits += other.visits;
        self.first_visits += other.first_visits;
        self.outside_hours_visits += other.outside_hours_visits;
        self.session_visits += other.session_visits;
        self.mean_per_session = if self.sessions_held > 0 {
            self.session_visits as f64 / self.sessions_held as f64
        } else {
            0.0
        };
    }
}

/// The first day of the quarter `date` falls in.
pub fn quarter_start(date: NaiveDate) -> NaiveDate {
    let month = (date.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthRow {
    /// The first day of the month.
    pub month: NaiveDate,
    pub group: Option<usize>,
    pub counts: MonthCounts,
}

/// The report summed per month and group, with a total.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Monthly {
    pub rows: Vec<MonthRow>,
    pub total: MonthCounts,
}

/// Sums a report per month and group, in month order then group order. Outside-hours visits
/// belong to no group: they go on `outside_group`'s row (the only group, when there is one)
/// or, when that is `None`, on a row of their own with no group, after the groups.
pub fn monthly(report: &Report, outside_group: Option<usize>) -> Monthly {
    let mut by: BTreeMap<(NaiveDate, usize), MonthCounts> = BTreeMap::new();
    let mut total = MonthCounts::default();
    for row in &report.rows {
        let month = row.date.with_day(1).unwrap_or(row.date);
        let group = match row.status {
            RowStatus::OutsideHours => outside_group,
            _ => row.group,
        };
        // No group sorts after every group.
        let order = group.unwrap_or(usize::MAX);
        by.entry((month, order)).or_default().add(row);
        total.add(row);
    }
    Monthly {
        rows: by
            .into_iter()
            .map(|((month, order), counts)| MonthRow {
                month,
                group: (order != usize::MAX).then_some(order),
                counts,
            })
            .collect(),
        total,
    }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;
    use crate::domain::counts::tests::{fact, schedule, two_groups, utc};
    use crate::domain::counts::{Scope, report};

    #[test]
    fn the_monthly_summary_sums_each_month_and_group_with_a_total() {
        let from = NaiveDate::from_ymd_opt(2026, 10, 26).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 11, 6).unwrap();
        let s = two_groups();
        let facts = [
            fact("2026-10-28T20:35:00Z", false, false), // Wed 28 Oct, drop-in (PDT)
            fact("2026-10-28T20:36:00Z", true, false),
            fact("2026-11-02T21:35:00Z", false, false), // Mon 2 Nov, drop-in (PST)
            fact("2026-11-03T18:00:00Z", false, false), // Tue 3 Nov, outside hours
        ];
        let r = report(
            &s,
            Scope::dates(from, to, utc("2026-12-01T00:00:00Z")),
            facts,
        );
        let m = monthly(&r, None);
        let shape: Vec<(u32, Option<usize>, u64, u64, u64)> = m
            .rows
            .iter()
            .map(|row| {
                let c = row.counts;
                (
                    row.month.month(),
                    row.group,
                    c.sessions_held,
                    c.visits,
                    c.outside_hours_visits,
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (10, Some(0), 3, 2, 0), // Mon 26, Wed 28, Fri 30
                (10, Some(1), 1, 0, 0), // Tue 27
                (11, Some(0), 3, 1, 0), // Mon 2, Wed 4, Fri 6
                (11, Some(1), 1, 0, 0), // Tue 3
                (11, None, 0, 1, 1),
            ]
        );
        assert_eq!(m.total.sessions_held, 8);
        assert_eq!(m.total.visits, 4);
        assert!((m.total.mean_per_session - 3.0 / 8.0).abs() < 1e-9);
        // With only one group, its row takes the month's outside-hours visits.
        let single = monthly(
            &report(
                &schedule(),
                Scope::dates(from, to, utc("2026-12-01T00:00:00Z")),
                facts,
            ),
            Some(0),
        );
        assert_eq!(single.rows.len(), 2);
        assert_eq!(single.rows[1].counts.outside_hours_visits, 1);
        assert_eq!(single.rows[1].counts.visits, 2);
    }
}

//! The CSV of counts across rooms (`report`): a `site` column first, then the columns each
//! kiosk's own export has; one block per site and group, a total per site, a total across all.

use std::io::Write;

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::csv::{HEADER, MONTHLY_HEADER, counts, in_memory, month_fields, row_fields, summary_of};
use crate::domain::counts::{Row, RowStatus, totals};
use crate::domain::monthly::MonthCounts;
use crate::report::sites::{ByPeriod, Period, SiteCounts};

/// The `site` column's word on the last row, the total across all sites.
pub const ALL_SITES: &str = "total";

/// Where a session row goes in its site: group order (no group last), date, outside-hours
/// rows after sessions, start, then which kiosk.
type SortKey = (usize, NaiveDate, u8, Option<NaiveTime>, usize);

/// One row per session, as each kiosk's `export` writes it, site by site and, within a
/// site, group by group (rows of no group, such as outside-hours visits, last), each block
/// in time order; after each site its total row, and at the end the total across all.
pub fn write_sessions(sites: &[SiteCounts], out: impl Write) -> Result<(), ::csv::Error> {
    let mut w = ::csv::Writer::from_writer(out);
    let mut header = vec!["site"];
    header.extend(HEADER);
    w.write_record(&header)?;
    let mut i = 0;
    while i < sites.len() {
        let site = &sites[i].site;
        let same: Vec<&SiteCounts> = sites[i..].iter().take_while(|s| &s.site == site).collect();
        i += same.len();
        // Every row of the site's kiosks, with where it goes.
        let mut groups: Vec<&str> = Vec::new();
        let mut rows: Vec<(SortKey, &Row)> = Vec::new();
        for (kiosk, s) in same.iter().enumerate() {
            for row in &s.report.rows {
                let name = s.report.group_name(row);
                let order = if name.is_empty() {
                    usize::MAX
                } else if let Some(at) = groups.iter().position(|g| *g == name) {
                    at
                } else {
                    groups.push(name);
                    groups.len() - 1
                };
                let outside = u8::from(row.status == RowStatus::OutsideHours);
                rows.push(((order, row.date, outside, row.start, kiosk), row));
            }
        }
        rows.sort_by_key(|(key, _)| *key);
        for ((.., kiosk), row) in &rows {
            let mut record = vec![site.clone()];
            record.extend(row_fields(&same[*kiosk].report, row));
            w.write_record(record)?;
        }
        let site_rows = same.iter().flat_map(|s| s.report.rows.iter());
        w.write_record(total_record(site, site_rows))?;
    }
    w.write_record(total_record(
        ALL_SITES,
        sites.iter().flat_map(|s| s.report.rows.iter()),
    ))?;
    w.flush()?;
    Ok(())
}

fn total_record<'a>(site: &str, rows: impl IntoIterator<Item = &'a Row>) -> Vec<String> {
    let t = totals(rows);
    let mut record = vec![
        site.to_string(),
        "total".to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        summary_of(&t),
    ];
    record.extend(counts(&t.tally));
    record
}

/// How a period is written in the CSV: `2026-11` or `2026-Q4`.
pub fn period_label(period: Period, start: NaiveDate) -> String {
    match period {
        Period::Month => start.format("%Y-%m").to_string(),
        Period::Quarter => format!("{}-Q{}", start.year(), start.month0() / 3 + 1),
    }
}

/// One row per site, group and month (or quarter), with the columns of each kiosk's own
/// `export --by month`; a total row per site, and the total across all.
pub fn write_periods(by: &ByPeriod, period: Period, out: impl Write) -> Result<(), ::csv::Error> {
    let mut w = ::csv::Writer::from_writer(out);
    let mut header = vec!["site"];
    let first = match period {
        Period::Month => "month",
        Period::Quarter => "quarter",
    };
    header.push(first);
    header.extend(&MONTHLY_HEADER[1..]);
    w.write_record(&header)?;
    let record = |site: &str, label: String, group: &str, c: &MonthCounts| {
        let mut record = vec![site.to_string()];
        record.extend(month_fields(label, group, c));
        record
    };
    for (site, total) in &by.site_totals {
        for row in by.rows.iter().filter(|r| &r.site == site) {
            let label = period_label(period, row.period);
            w.write_record(record(site, label, &row.group, &row.counts))?;
        }
        w.write_record(record(site, "total".into(), "", total))?;
    }
    w.write_record(record(ALL_SITES, "total".into(), "", &by.total))?;
    w.flush()?;
    Ok(())
}

/// [`write_sessions`] as a string.
pub fn sessions_to_string(sites: &[SiteCounts]) -> String {
    in_memory(|buf| write_sessions(sites, buf))
}

/// [`write_periods`] as a string.
pub fn periods_to_string(by: &ByPeriod, period: Period) -> String {
    in_memory(|buf| write_periods(by, period, buf))
}

//! The attendance CSV of SPEC §8: one row per occurrence, outside-hours rows, a total row;
//! and the monthly summary (`--by month`) a funder's form asks for.

use std::io::Write;

use crate::domain::counts::{Report, Row, Tally, Totals};
use crate::domain::monthly::{MonthCounts, Monthly};

pub const HEADER: [&str; 12] = [
    "date",
    "weekday",
    "start",
    "end",
    "group",
    "status",
    "sign_ins",
    "named",
    "anonymous",
    "first_visits",
    "before_start",
    "after_start",
];

pub(super) fn counts(t: &Tally) -> [String; 6] {
    t.columns().map(|n| n.to_string())
}

pub(super) fn row_fields(report: &Report, row: &Row) -> Vec<String> {
    let hhmm =
        |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    let mut fields = vec![
        row.date.format("%Y-%m-%d").to_string(),
        crate::locale::english().weekday_long(row.weekday),
        hhmm(row.start),
        hhmm(row.end),
        report.group_name(row).to_string(),
        row.status.key().to_string(),
    ];
    fields.extend(counts(&row.tally));
    fields
}

/// The one-line summary of the totals, used in the total row and as the QR fallback.
pub fn summary(report: &Report) -> String {
    summary_of(&report.totals)
}

/// The one-line summary of `t`.
pub fn summary_of(t: &Totals) -> String {
    format!(
        "held {}; cancelled {}; visits {}; mean per session {:.1}",
        t.sessions_held, t.sessions_cancelled, t.visits, t.mean_per_session
    )
}

/// Writes the CSV (UTF-8, RFC 4180 quoting). It holds counts only; the report has no names.
pub fn write(report: &Report, out: impl Write) -> Result<(), ::csv::Error> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for row in &report.rows {
        w.write_record(row_fields(report, row))?;
    }
    let mut total = vec![
        "total".to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        summary(report),
    ];
    total.extend(counts(&report.totals.tally));
    w.write_record(total)?;
    w.flush()?;
    Ok(())
}

/// The CSV as a string.
pub fn to_string(report: &Report) -> String {
    in_memory(|buf| write(report, buf))
}

pub const MONTHLY_HEADER: [&str; 8] = [
    "month",
    "group",
    "sessions_held",
    "sessions_cancelled",
    "visits",
    "mean_per_session",
    "first_visits",
    "outside_hours_visits",
];

pub(super) fn month_fields(month: String, group: &str, c: &MonthCounts) -> [String; 8] {
    [
        month,
        group.to_string(),
        c.sessions_held.to_string(),
        c.sessions_cancelled.to_string(),
        c.visits.to_string(),
        format!("{:.1}", c.mean_per_session),
        c.first_visits.to_string(),
        c.outside_hours_visits.to_string(),
    ]
}

/// Writes the monthly summary: one row per month and group (`2026-11`), then a `total` row.
/// A row with an empty group holds visits outside group hours when there are several groups.
pub fn write_monthly(
    monthly: &Monthly,
    groups: &[String],
    out: impl Write,
) -> Result<(), ::csv::Error> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(MONTHLY_HEADER)?;
    for row in &monthly.rows {
        let group = row
            .group
            .and_then(|g| groups.get(g))
            .map_or("", String::as_str);
        w.write_record(month_fields(
            row.month.format("%Y-%m").to_string(),
            group,
            &row.counts,
        ))?;
    }
    w.write_record(month_fields("total".into(), "", &monthly.total))?;
    w.flush()?;
    Ok(())
}

/// The monthly summary as a string.
pub fn monthly_to_string(monthly: &Monthly, groups: &[String]) -> String {
    in_memory(|buf| write_monthly(monthly, groups, buf))
}

pub(super) fn in_memory(write: impl FnOnce(&mut Vec<u8>) -> Result<(), ::csv::Error>) -> String {
    let mut buf = Vec::new();
    // Writing to memory cannot fail for I/O reasons, and every field is valid UTF-8.
    if write(&mut buf).is_err() {
        return String::new();
    }
    String::from_utf8(buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveTime, Weekday};

    use super::*;
    use crate::domain::counts::RowStatus;

    #[test]
    fn columns_are_exactly_as_specified_and_the_last_row_is_the_total() {
        let tally = Tally {
            sign_ins: 3,
            named: 1,
            anonymous: 2,
            first_visits: 1,
            before_start: 1,
            after_start: 2,
        };
        let report = Report {
            rows: vec![Row {
                date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
                weekday: Weekday::Wed,
                start: NaiveTime::from_hms_opt(13, 30, 0),
                end: NaiveTime::from_hms_opt(14, 30, 0),
                group: Some(0),
                status: RowStatus::Held,
                tally,
            }],
            groups: vec!["Drop-in, \"Open\"".into()],
            totals: Totals {
                sessions_held: 1,
                visits: 3,
                first_visits: 1,
                mean_per_session: 3.0,
                tally,
                ..Totals::default()
            },
        };
        let text = to_string(&report);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "date,weekday,start,end,group,status,sign_ins,named,anonymous,first_visits,before_start,after_start"
        );
        assert_eq!(
            lines[1],
            "2026-11-25,Wednesday,13:30,14:30,\"Drop-in, \"\"Open\"\"\",held,3,1,2,1,1,2"
        );
        assert_eq!(
            lines[2],
            "total,,,,,held 1; cancelled 0; visits 3; mean per session 3.0,3,1,2,1,1,2"
        );
    }

    #[test]
    fn the_monthly_summary_has_one_row_per_month_and_group_then_the_total() {
        use crate::domain::monthly::{MonthRow, Monthly};
        let counts = MonthCounts {
            sessions_held: 12,
            sessions_cancelled: 1,
            visits: 90,
            mean_per_session: 7.5,
            first_visits: 5,
            outside_hours_visits: 0,
            ..MonthCounts::default()
        };
        let monthly = Monthly {
            rows: vec![MonthRow {
                month: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                group: Some(1),
                counts,
            }],
            total: counts,
        };
        let groups = ["Drop-in group".to_string(), "Eight-week course".to_string()];
        let text = monthly_to_string(&monthly, &groups);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            vec![
                "month,group,sessions_held,sessions_cancelled,visits,mean_per_session,first_visits,outside_hours_visits",
                "2026-11,Eight-week course,12,1,90,7.5,5,0",
                "total,,12,1,90,7.5,5,0",
            ]
        );
    }
}

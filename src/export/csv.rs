//! The attendance CSV of SPEC §8: one row per occurrence, outside-hours rows, a total row.

use std::io::Write;

use crate::domain::counts::{Report, Row, Tally};
use crate::words::calendar::LangWords as _;

pub const HEADER: [&str; 11] = [
    "date",
    "weekday",
    "start",
    "end",
    "status",
    "sign_ins",
    "named",
    "anonymous",
    "first_visits",
    "before_start",
    "after_start",
];

fn counts(t: &Tally) -> [String; 6] {
    t.columns().map(|n| n.to_string())
}

fn row_fields(row: &Row) -> Vec<String> {
    let hhmm =
        |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    let mut fields = vec![
        row.date.format("%Y-%m-%d").to_string(),
        crate::domain::lang::Lang::En
            .weekday_long(row.weekday)
            .to_string(),
        hhmm(row.start),
        hhmm(row.end),
        row.status.key().to_string(),
    ];
    fields.extend(counts(&row.tally));
    fields
}

/// The one-line summary of the totals, used in the total row and as the QR fallback.
pub fn summary(report: &Report) -> String {
    let t = &report.totals;
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
        w.write_record(row_fields(row))?;
    }
    let mut total = vec![
        "total".to_string(),
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
    let mut buf = Vec::new();
    // Writing to memory cannot fail for I/O reasons, and every field is valid UTF-8.
    if write(report, &mut buf).is_err() {
        return String::new();
    }
    String::from_utf8(buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveTime, Weekday};

    use super::*;
    use crate::domain::counts::{RowStatus, Totals};

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
                status: RowStatus::Held,
                tally,
            }],
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
            "date,weekday,start,end,status,sign_ins,named,anonymous,first_visits,before_start,after_start"
        );
        assert_eq!(
            lines[1],
            "2026-11-25,Wednesday,13:30,14:30,held,3,1,2,1,1,2"
        );
        assert_eq!(
            lines[2],
            "total,,,,held 1; cancelled 0; visits 3; mean per session 3.0,3,1,2,1,1,2"
        );
    }
}

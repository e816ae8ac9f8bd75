//! `report`: counts copies from several kiosks combined into one CSV, or DHIS2's
//! `dataValueSets` CSV. It reads only the files it is given: no kiosk data folder, no network.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::CommandError;
use crate::cli::{ReportArgs, ReportBy, ReportFormat};
use crate::export;
use crate::locale::Tr;
use crate::report::sites::{self, Period};

/// Runs `report`. Everything is read and checked first: a refused file or map prints
/// nothing but its one sentence.
pub fn report_across_sites(
    args: &ReportArgs,
    tr: &Tr<'_>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let map = match (args.format, &args.map) {
        (ReportFormat::Dhis2, Some(path)) => Some(read_map(path)?),
        (ReportFormat::Dhis2, None) => return Err(CommandError::MapNeeded),
        (ReportFormat::Csv, Some(_)) => return Err(CommandError::MapNotWanted),
        (ReportFormat::Csv, None) => None,
    };
    let by = args.by.unwrap_or(match args.format {
        ReportFormat::Csv => ReportBy::Session,
        ReportFormat::Dhis2 => ReportBy::Month,
    });
    let period = match by {
        ReportBy::Session => None,
        ReportBy::Month => Some(Period::Month),
        ReportBy::Quarter => Some(Period::Quarter),
    };
    if map.is_some() {
        whole_periods(args.from, args.to, period)?;
    }
    let mut copies = Vec::new();
    for file in &args.files {
        let bytes = std::fs::read(file).map_err(|e| CommandError::FileUnreadable {
            path: file.clone(),
            why: e.to_string(),
        })?;
        let copy =
            crate::store::read_counts_copy(&bytes).map_err(|problem| CommandError::NotACopy {
                path: file.clone(),
                problem,
            })?;
        copies.push(copy);
    }
    let sites = sites::combine(copies, args.from, args.to)?;
    // Not a refusal: a report for the month so far is a fair question, but its answer stops
    // where each copy does.
    let cut_short: Vec<String> = sites
        .iter()
        .filter(|s| s.made_on < args.to)
        .map(|s| {
            tr.a(
                "cli-site-made-on",
                &[
                    ("site", s.site.as_str().into()),
                    ("date", s.made_on.to_string().into()),
                ],
            )
        })
        .collect();
    let text = match (period, &map) {
        (None, _) => export::sites::sessions_to_string(&sites),
        (Some(period), None) => {
            export::sites::periods_to_string(&sites::by_period(&sites, period), period)
        }
        (Some(period), Some((map, path))) => {
            map.check_sites(sites.iter().map(|s| s.site.as_str()))
                .map_err(|e| map_problem(path, &e))?;
            let sums = sites::per_site_and_period(&sites::by_period(&sites, period));
            export::dhis2::to_string(map, period, &sums)
        }
    };
    match &args.out {
        Some(path) => {
            let written = crate::fs::create_new(path, text.as_bytes())?;
            let rows = text.lines().count().saturating_sub(1);
            writeln!(out, "{}", super::wrote_rows(rows, &written, tr))?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    if !cut_short.is_empty() {
        let said = tr.a(
            "cli-counts-cut-short",
            &[
                ("date", args.to.to_string().into()),
                ("sites", cut_short.join(&tr.t("list-separator")).into()),
            ],
        );
        eprintln!("dropin-kiosk: {said}");
    }
    Ok(())
}

fn read_map(path: &Path) -> Result<(export::dhis2::Map, PathBuf), CommandError> {
    let text = std::fs::read_to_string(path).map_err(|e| CommandError::MapUnreadable {
        path: path.to_path_buf(),
        why: e.to_string(),
    })?;
    let map = export::dhis2::parse_map(&text).map_err(|e| map_problem(path, &e))?;
    Ok((map, path.to_path_buf()))
}

fn map_problem(path: &Path, problem: &export::dhis2::MapError) -> CommandError {
    CommandError::MapProblem {
        path: path.to_path_buf(),
        problem: problem.clone(),
    }
}

/// A DHIS2 period's value is the whole period's: dates that cut one short are refused.
fn whole_periods(
    from: NaiveDate,
    to: NaiveDate,
    period: Option<Period>,
) -> Result<(), CommandError> {
    let Some(period) = period else {
        return Err(CommandError::PeriodNeeded);
    };
    if period.start(from) == from && period.end(period.start(to)) == to {
        return Ok(());
    }
    Err(CommandError::PartPeriods(period))
}

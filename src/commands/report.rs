//! `report`: counts copies from several kiosks combined into one CSV, or DHIS2's
//! `dataValueSets` CSV. It reads only the files it is given: no kiosk data folder, no network.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::CommandError;
use crate::cli::{ReportArgs, ReportBy, ReportFormat};
use crate::export;
use crate::report::ReportError;
use crate::report::sites::{self, Period};

/// Runs `report`. Everything is read and checked first: a refused file or map prints
/// nothing but its one sentence.
pub fn report_across_sites(args: &ReportArgs, out: &mut dyn Write) -> Result<(), CommandError> {
    let map = match (args.format, &args.map) {
        (ReportFormat::Dhis2, Some(path)) => Some(read_map(path)?),
        (ReportFormat::Dhis2, None) => {
            return Err(plain(
                "--format dhis2 needs --map FILE, the TOML file naming DHIS2's ids (see the README)",
            ));
        }
        (ReportFormat::Csv, Some(_)) => {
            return Err(plain(
                "--map is for --format dhis2; leave it out for a plain CSV",
            ));
        }
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
        let shown = file.display();
        let bytes = std::fs::read(file)
            .map_err(|e| CommandError::Plain(format!("could not read {shown} ({e})")))?;
        let copy = crate::store::read_counts_copy(&bytes)
            .map_err(|p| CommandError::Plain(format!("{shown} {p}")))?;
        copies.push(copy);
    }
    let sites = sites::combine(copies, args.from, args.to).map_err(|e| match e {
        ReportError::Store(e) => CommandError::Store(e),
        swapped @ ReportError::DatesSwapped { .. } => plain(&swapped.to_string()),
    })?;
    // Not a refusal: a report for the month so far is a fair question, but its answer stops
    // where each copy does.
    let cut_short: Vec<String> = sites
        .iter()
        .filter(|s| s.made_on < args.to)
        .map(|s| format!("{} on {}", s.site, s.made_on))
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
            writeln!(out, "Wrote {rows} rows to {}.", written.display())?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    if !cut_short.is_empty() {
        eprintln!(
            "dropin-kiosk: note: counts stop where each copy was made, before {}: {}",
            args.to,
            cut_short.join(", ")
        );
    }
    Ok(())
}

fn plain(sentence: &str) -> CommandError {
    CommandError::Plain(sentence.to_string())
}

fn read_map(path: &Path) -> Result<(export::dhis2::Map, PathBuf), CommandError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CommandError::Plain(format!("could not read the map {} ({e})", path.display()))
    })?;
    let map = export::dhis2::parse_map(&text).map_err(|e| map_problem(path, &e))?;
    Ok((map, path.to_path_buf()))
}

fn map_problem(path: &Path, problem: &export::dhis2::MapError) -> CommandError {
    CommandError::Plain(format!("the map {} {problem}", path.display()))
}

/// A DHIS2 period's value is the whole period's: dates that cut one short are refused.
fn whole_periods(
    from: NaiveDate,
    to: NaiveDate,
    period: Option<Period>,
) -> Result<(), CommandError> {
    let Some(period) = period else {
        return Err(plain(
            "DHIS2 takes counts per month or quarter; use --by month or --by quarter",
        ));
    };
    if period.start(from) == from && period.end(period.start(to)) == to {
        return Ok(());
    }
    let (unit, example) = match period {
        Period::Month => ("months", "--from 2026-10-01 --to 2026-11-30"),
        Period::Quarter => ("quarters", "--from 2026-07-01 --to 2026-12-31"),
    };
    Err(CommandError::Plain(format!(
        "DHIS2 takes whole {unit}: start --from on the first day of one and end --to on the last day of one, e.g. {example}"
    )))
}

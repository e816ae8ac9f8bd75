//! The command line (SPEC §8): the kiosk with no subcommand, headless subcommands otherwise.
//! The `--help` texts are these doc comments, in English (clap builds them at compile time);
//! what the commands print comes from `terminal.ftl`, in the settings' language.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "dropin-kiosk",
    version,
    about = "A kiosk for a drop-in group: schedule, welcome words, sign-in, session timer, counts."
)]
pub struct Cli {
    /// Folder for settings, scripts, the database and exports [default: the user's data
    /// folder, e.g. ~/.local/share/dropin-kiosk].
    #[arg(long, global = true, value_name = "DIR", env = "DROPIN_KIOSK_DATA")]
    pub data_dir: Option<PathBuf>,

    /// Whether the data folder came from `DROPIN_KIOSK_DATA` rather than `--data-dir`.
    #[arg(skip)]
    pub data_dir_from_env: bool,

    /// Open a 1280×800 window instead of full screen.
    #[arg(long, global = true)]
    pub windowed: bool,

    /// Start the clock at this instant and let it run (training, demos, screenshots).
    #[arg(long, global = true, value_name = "RFC3339", value_parser = parse_instant)]
    pub pretend_now: Option<DateTime<Utc>>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the attendance CSV for a date range (no names, ever).
    Export {
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: NaiveDate,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: NaiveDate,
        /// File to write; standard output when left out.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Only this group's sessions (its name as in settings.toml).
        #[arg(long, value_name = "NAME")]
        group: Option<String>,
        /// One row per session (the default), or per month and group.
        #[arg(long, value_enum, default_value_t = By::Session)]
        by: By,
    },
    /// Show the timer phase and its words, as Home shows them.
    Status {
        #[arg(long, value_name = "RFC3339", value_parser = parse_instant)]
        at: Option<DateTime<Utc>>,
        /// Print one JSON object instead of the words.
        #[arg(long)]
        json: bool,
    },
    /// Record a sign-in, e.g. from a paper sheet kept while the tablet was down.
    SignIn {
        /// The first name, or `-` to read it from standard input: a name on the command
        /// line shows in every process list and stays in shell history.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        #[arg(long)]
        first_visit: bool,
        #[arg(long, value_name = "RFC3339", value_parser = parse_instant)]
        at: Option<DateTime<Utc>>,
    },
    /// Cancel the group on a date (every slot that day, or the one at --start).
    Cancel {
        #[arg(value_name = "DATE", value_parser = parse_date)]
        date: NaiveDate,
        #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
        start: Option<NaiveTime>,
        /// A short public note shown on Home, e.g. "Closed for the holiday".
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Set the staff PIN for this data folder, typed twice (from standard input, one per
    /// line, when it is not a terminal). Clears any wrong-PIN lockout.
    SetPin,
    /// Write a snapshot of the attendance database to a new file (never over one), with no
    /// first name in it: nothing would erase names from a file kept elsewhere.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Keep the first names of the retention period in it (keep it private, delete it
        /// when done).
        #[arg(long)]
        with_names: bool,
    },
    /// Put a backup in place of the attendance database, which is kept in backups/. The
    /// kiosk must be stopped first.
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Check the data folder, database, settings, PIN, backups, disk, time zone and lock:
    /// one line each, `ok` or what to do. Exits non-zero if any check fails.
    Doctor,
    /// Combine counts copies from several kiosks ("Copy counts to USB", or `backup`) into one
    /// CSV with a site column and totals. Needs no kiosk data folder.
    Report(ReportArgs),
    /// Play the facilitator's chime once on the default sound device, at the volume in
    /// settings (or --volume), to hear that the speaker works.
    Chime {
        #[arg(long, value_name = "0-100", value_parser = clap::value_parser!(u8).range(0..=100))]
        volume: Option<u8>,
    },
    /// Restore a cancelled group.
    Uncancel {
        #[arg(value_name = "DATE", value_parser = parse_date)]
        date: NaiveDate,
        #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
        start: Option<NaiveTime>,
    },
}

/// How an export is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One row per session, outside-hours rows, a total row.
    Session,
    /// One row per month and group, a total row: what a funder's form asks for.
    Month,
}

/// What `report` is asked for.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// The counts copies, one or more per kiosk (the newest of a kiosk's copies counts).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: NaiveDate,
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: NaiveDate,
    /// One row per session, or per month or quarter and group [default: session; month
    /// with --format dhis2].
    #[arg(long, value_enum)]
    pub by: Option<ReportBy>,
    /// Plain CSV, or DHIS2's dataValueSets CSV (needs --map).
    #[arg(long, value_enum, default_value_t = ReportFormat::Csv)]
    pub format: ReportFormat,
    /// The TOML file naming DHIS2's data element and org unit ids (see the README).
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// File to write; standard output when left out.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// How a report across kiosks is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportBy {
    /// One row per session of every kiosk, outside-hours rows, totals.
    Session,
    /// One row per site, month and group, totals.
    Month,
    /// One row per site, quarter and group, totals: what a funder's quarterly form asks for.
    Quarter,
}

/// What a report across kiosks is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Csv,
    /// DHIS2's dataValueSets CSV, for `POST /api/dataValueSets`.
    Dhis2,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a date; write it like 2026-11-25"))
}

fn parse_time(text: &str) -> Result<NaiveTime, String> {
    crate::domain::schedule::parse_hhmm(text)
        .ok_or_else(|| format!("\"{text}\" is not a time; write it like 13:30"))
}

fn parse_instant(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            format!("\"{text}\" is not a date and time; write it like 2026-11-25T13:30:00-08:00")
        })
}

impl Cli {
    /// Parses the process's arguments, noting whether the data folder came from the
    /// environment (a demo run never writes into a folder it was not named on the line).
    pub fn try_parse_args() -> Result<Cli, clap::Error> {
        use clap::{CommandFactory as _, FromArgMatches as _};
        let matches = Cli::command().try_get_matches()?;
        let mut cli = Cli::from_arg_matches(&matches)?;
        cli.data_dir_from_env =
            matches.value_source("data_dir") == Some(clap::parser::ValueSource::EnvVariable);
        Ok(cli)
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn dates_and_instants_parse_with_plain_errors() {
        assert!(parse_date("2026-11-25").is_ok());
        assert_eq!(
            parse_date("25/11/2026").unwrap_err(),
            "\"25/11/2026\" is not a date; write it like 2026-11-25"
        );
        assert!(parse_instant("2026-11-25T13:30:00-08:00").is_ok());
        assert!(parse_time("1:30 PM").is_err());
    }
}

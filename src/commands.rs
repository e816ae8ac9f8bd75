//! The headless subcommands: status, sign-in, cancel, uncancel, export, set-pin, backup,
//! restore and doctor.

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use thiserror::Error;

use crate::cli::{By, Command};
use crate::config::{self, Settings};
use crate::data::DataDir;
use crate::domain::counts::Report;
use crate::domain::schedule::{Occurrence, Schedule};
use crate::domain::timer::{self, Status};
use crate::domain::visit::NewSignIn;
use crate::error::{DataDirError, PinFileError, SettingsError, StoreError};
use crate::export;
use crate::locale::Tr;
use crate::report::sites::Period;
use crate::store::Store;
use crate::words::errors::{ErrorWords as _, occurrence};
use crate::words::timer::StatusWords as _;

mod backup;
mod pin;
mod report;
mod sign_in;

pub use backup::doctor;
pub use pin::set_pin;
pub use report::report_across_sites;

/// Why a command did nothing (or stopped), as values; `crate::words::errors` says it at the
/// terminal in the settings' language.
#[derive(Debug, Error)]
pub enum CommandError {
    Store(#[from] StoreError),
    DataDir(#[from] DataDirError),
    Settings(#[from] SettingsError),
    /// `settings.toml` has a problem: no command runs on settings that might be wrong.
    SettingsFile(config::SettingsProblem),
    /// The export could not be written out.
    Io(#[from] std::io::Error),
    Write(#[from] crate::fs::WriteError),
    Pin(#[from] PinFileError),
    Csv(#[from] ::csv::Error),
    Report(#[from] crate::report::ReportError),
    Chime(#[from] crate::chime::ChimeError),
    Window(#[from] crate::error::WindowError),
    /// A sign-in asked for at this time (RFC 3339, the settings' zone), which is after now.
    FutureSignIn(String),
    /// No group is called `name`; the groups there are.
    NoSuchGroup {
        name: String,
        groups: Vec<String>,
    },
    /// No group meets on `date`; the schedule, to say when they do.
    NoGroupOn {
        date: NaiveDate,
        schedule: Box<Schedule>,
    },
    NoGroupStarts {
        date: NaiveDate,
        start: NaiveTime,
    },
    /// `doctor`: this many of its checks need attention.
    ChecksFailed {
        failing: usize,
        total: usize,
    },
    /// Standard input could not be read; the cause is technical.
    InputUnreadable {
        reading: Reading,
        why: String,
    },
    PinNeedsTwoLines,
    PinRefused(crate::staff_pin::rules::Refusal),
    /// `sign-in --name -` read nothing at all.
    NameInputEmpty,
    /// `sign-in --name -` read more than one line.
    NameInputLines,
    /// `backup`: what would be written is not a backup a restore would take.
    BackupRefused(crate::store::BackupProblem),
    /// A file given on the command line could not be read.
    FileUnreadable {
        path: PathBuf,
        why: String,
    },
    RestoreUnreadable {
        path: PathBuf,
        why: String,
    },
    RestoreRefused {
        path: PathBuf,
        problem: crate::store::BackupProblem,
    },
    /// A kiosk is running on this data folder.
    RestoreWhileRunning(PathBuf),
    RestoreNotLocked(crate::error::LockError),
    RestoreNotMovedAside(String),
    /// The restored file could not be put in place; the database it replaced is `kept`.
    RestoreNotReplaced {
        why: crate::fs::WriteError,
        kept: PathBuf,
    },
    /// `report`: a file that is not a counts copy it can combine.
    NotACopy {
        path: PathBuf,
        problem: crate::store::CopyProblem,
    },
    /// `--format dhis2` without `--map`.
    MapNeeded,
    /// `--map` without `--format dhis2`.
    MapNotWanted,
    MapUnreadable {
        path: PathBuf,
        why: String,
    },
    MapProblem {
        path: PathBuf,
        problem: crate::export::dhis2::MapError,
    },
    /// DHIS2 counts per session were asked for.
    PeriodNeeded,
    /// Dates that cut a DHIS2 period short.
    PartPeriods(Period),
}

/// What was being read from standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Pin,
    Name,
}

impl CommandError {
    /// Whether whoever reads standard output stopped early (`dropin-kiosk export … | head`):
    /// the normal end of a pipe, not an error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CommandError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// What every headless command needs: settings that are known good, and the store.
pub struct Context {
    pub dir: DataDir,
    pub settings: Settings,
    pub store: Store,
    /// When the kiosk first ran on this data folder, by its own clock.
    pub first_run: DateTime<Utc>,
}

impl Context {
    /// Headless commands refuse to run on fallback settings: a sign-in or an export against
    /// the wrong zone or schedule would be silently wrong, so staff fix the file first.
    /// Like the kiosk, every command first erases names older than the retention period.
    pub fn open(dir: DataDir, now: DateTime<Utc>) -> Result<Context, CommandError> {
        Context::open_with(dir, now, Store::open)
    }

    /// For commands that only read: works on a database that cannot be written to.
    pub fn open_for_reading(dir: DataDir, now: DateTime<Utc>) -> Result<Context, CommandError> {
        Context::open_with(dir, now, |path| {
            // The first error is the one that explains the trouble.
            Store::open(path).or_else(|e| Store::open_read_only(path).map_err(|_| e))
        })
    }

    fn open_with(
        dir: DataDir,
        now: DateTime<Utc>,
        open: impl FnOnce(&std::path::Path) -> Result<Store, StoreError>,
    ) -> Result<Context, CommandError> {
        let loaded = config::load(&dir.settings_path());
        if let Some(problem) = loaded.problem {
            return Err(CommandError::SettingsFile(problem));
        }
        let keep = Duration::days(i64::from(loaded.settings.retention_days));
        crate::store::remove_damaged_before(&dir.db_path(), now - keep);
        let today = now.with_timezone(&loaded.settings.time_zone).date_naive();
        crate::store::tidy_backups(&dir.backups_dir(), today - keep, now - keep);
        let mut store = open(&dir.db_path())?;
        match store.purge_names_before(now - keep) {
            // A store that could only be opened read-only cannot be purged; its names are
            // erased the next time anything opens it for writing.
            Ok(_) | Err(StoreError::ReadOnly) => {}
            // The command still runs: the names go at the next purge, and staff are told.
            Err(e) => {
                let tr = crate::locale::built_in().tr(loaded.settings.language);
                let said = tr.a("cli-names-not-erased", &[("why", e.words(&tr).into())]);
                eprintln!("dropin-kiosk: {said}");
            }
        }
        Ok(Context {
            first_run: dir.first_run(now),
            dir,
            settings: loaded.settings,
            store,
        })
    }

    pub fn schedule(&self) -> Result<Schedule, CommandError> {
        Ok(self.settings.schedule(self.store.cancellations()?))
    }
}

#[derive(Debug, Serialize)]
struct StatusJson {
    phase: &'static str,
    words: String,
    occurrence_start: Option<String>,
    occurrence_end: Option<String>,
    seconds: Option<i64>,
    note: Option<String>,
    /// The group the phase refers to (the one on or next).
    group: Option<String>,
    /// For a course meeting: its topic's title.
    topic: Option<String>,
}

fn status_json(status: &Status, schedule: &Schedule, ctx: &Context) -> StatusJson {
    let settings = &ctx.settings;
    let rfc = |t: DateTime<Utc>| t.with_timezone(&schedule.tz).to_rfc3339();
    let occ = status.occurrence.as_ref();
    let group = occ.map(|o| o.slot.group);
    let topic = occ.zip(group).and_then(|(occ, g)| {
        let locales = crate::locale::Locales::load(Some(&ctx.dir.locales_dir()));
        let courses = ctx.dir.courses(settings, &locales);
        let course = courses.get(g)?.as_ref()?;
        let (_, topic) = course.at(schedule, g, occ);
        topic.map(|t| t.words(settings.language).title.clone())
    });
    StatusJson {
        group: group
            .and_then(|g| settings.group(g))
            .map(|g| g.name.clone()),
        topic,
        phase: status.phase.key(),
        words: status.words(&crate::locale::built_in().tr(settings.language), schedule),
        occurrence_start: occ.map(|o| rfc(o.start)),
        occurrence_end: occ.map(|o| rfc(o.end)),
        seconds: status.seconds(),
        note: occ.and_then(|o| o.cancelled.clone()),
    }
}

/// Runs one headless command, writing its answer to `out` in the words of `tr` (the
/// settings' language).
pub fn run(
    command: Command,
    dir: DataDir,
    now: DateTime<Utc>,
    tr: &Tr<'_>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let mut ctx = match command {
        // The PIN needs neither settings nor the database: an installer sets it first.
        Command::SetPin => return set_pin(&dir, tr, out),
        // A restore must work when the current database is damaged, so it does not open it.
        Command::Restore { file } => return backup::restore(&dir, &file, now, tr, out),
        Command::Doctor => return backup::doctor(&dir, now, tr, out),
        // Reads only the copies it is given (`crate::run` calls it before any data folder).
        Command::Report(args) => return report_across_sites(&args, tr, out),
        Command::Chime { volume } => return chime(&dir, volume, tr, out),
        Command::Status { .. } | Command::Export { .. } | Command::Backup { .. } => {
            Context::open_for_reading(dir, now)?
        }
        _ => Context::open(dir, now)?,
    };
    match command {
        Command::Status { at, json } => {
            let schedule = ctx.schedule()?;
            let status = timer::status_at(&schedule, ctx.settings.windows(), at.unwrap_or(now));
            if json {
                let value = status_json(&status, &schedule, &ctx);
                writeln!(out, "{}", serde_json::to_string(&value).unwrap_or_default())?;
            } else {
                writeln!(out, "{}", status.words(tr, &schedule))?;
            }
        }
        Command::SignIn {
            name,
            first_visit,
            at,
        } => sign_in(&mut ctx, name, first_visit, at.unwrap_or(now), now, tr, out)?,
        Command::Cancel { date, start, note } => {
            let schedule = ctx.schedule()?;
            let targets = occurrences_on(&schedule, date, start)?;
            let note = note.unwrap_or_default();
            for occ in &targets {
                ctx.store.cancel(date, occ.slot.start, note.trim(), now)?;
                let when = occurrence(occ.date, occ.slot.start, tr);
                writeln!(out, "{}", tr.a("cli-cancelled", &[("when", when.into())]))?;
            }
        }
        Command::SetPin
        | Command::Restore { .. }
        | Command::Doctor
        | Command::Report(_)
        | Command::Chime { .. } => {}
        Command::Backup {
            out: file,
            with_names,
        } => backup::backup(&ctx, &file, with_names, now, tr, out)?,
        Command::Uncancel { date, start } => {
            let schedule = ctx.schedule()?;
            let targets = occurrences_on(&schedule, date, start)?;
            for occ in &targets {
                let id = if ctx.store.uncancel(date, occ.slot.start)? {
                    "cli-restored"
                } else {
                    "cli-not-cancelled"
                };
                let when = occurrence(occ.date, occ.slot.start, tr);
                writeln!(out, "{}", tr.a(id, &[("when", when.into())]))?;
            }
        }
        Command::Export {
            from,
            to,
            out: file,
            group,
            by,
        } => {
            let group = match group {
                Some(name) => Some(group_named(&ctx.settings, &name)?),
                None => None,
            };
            let written = export_csv(&ctx, (from, to), group, by, file.as_deref(), now, out)?;
            if let Some((rows, path)) = written {
                writeln!(out, "{}", wrote_rows(rows, &path, tr))?;
            }
        }
    }
    Ok(())
}

/// `chime`: the chime once, played to its end, at `volume` or the settings' volume.
fn chime(
    dir: &DataDir,
    volume: Option<u8>,
    tr: &Tr<'_>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let volume = volume.map_or_else(
        || config::load(&dir.settings_path()).settings.chime_volume,
        u32::from,
    );
    crate::chime::play(u8::try_from(volume).unwrap_or(100))?;
    writeln!(
        out,
        "{}",
        tr.a("cli-chime-played", &[("volume", volume.into())])
    )?;
    Ok(())
}

/// "Wrote 5 rows to export.csv." after a CSV written to a file.
pub(crate) fn wrote_rows(rows: usize, path: &std::path::Path, tr: &Tr<'_>) -> String {
    tr.a(
        "cli-wrote-rows",
        &[
            ("rows", rows.into()),
            ("path", path.display().to_string().into()),
        ],
    )
}

/// `sign-in`: one sign-in at `at` (not after `now`), said once the transaction has committed.
fn sign_in(
    ctx: &mut Context,
    name: Option<String>,
    first_visit: bool,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    tr: &Tr<'_>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    if at > now {
        return Err(CommandError::FutureSignIn(
            at.with_timezone(&ctx.settings.time_zone).to_rfc3339(),
        ));
    }
    let schedule = ctx.schedule()?;
    // Asked for only once the folder, settings and time are known good.
    let name = sign_in::name(name, tr)?;
    let new = NewSignIn::new(
        name.as_deref().unwrap_or(""),
        first_visit,
        at,
        &schedule,
        ctx.settings.early_window_min,
    );
    let receipt = ctx.store.sign_in(&new)?;
    // Printed only now that the transaction has committed.
    let local = |t: DateTime<Utc>| t.with_timezone(&schedule.tz).format("%Y-%m-%d %H:%M");
    let who = match new.name.as_deref() {
        Some(name) => name.to_string(),
        None => tr.t("cli-anonymous"),
    };
    let group = match new.occurrence {
        Some((start, _)) => tr.a(
            "cli-in-group",
            &[("start", local(start).to_string().into())],
        ),
        None => tr.t("cli-outside-hours"),
    };
    let said = tr.a(
        "cli-signed-in",
        &[
            ("who", who.into()),
            ("time", local(at).to_string().into()),
            ("group", group.into()),
            ("repeat", if receipt.repeat { "yes" } else { "no" }.into()),
        ],
    );
    writeln!(out, "{said}")?;
    Ok(())
}

/// `export`: the CSV from `from` to `to` per session or per month, to `file` or to `out`;
/// for a file, how many rows were written and where.
fn export_csv(
    ctx: &Context,
    (from, to): (NaiveDate, NaiveDate),
    group: Option<usize>,
    by: By,
    file: Option<&std::path::Path>,
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<Option<(usize, PathBuf)>, CommandError> {
    let report = report(ctx, from, to, now, group)?;
    let (text, rows) = match by {
        By::Session => (export::csv::to_string(&report), report.rows.len() + 1),
        By::Month => {
            let monthly = crate::report::monthly(&report);
            (
                export::csv::monthly_to_string(&monthly, &report.groups),
                monthly.rows.len() + 1,
            )
        }
    };
    match file {
        // Never over an existing file: a taken name gets `-2`, `-3`, … instead.
        Some(path) => Ok(Some((rows, crate::fs::create_new(path, text.as_bytes())?))),
        None => {
            out.write_all(text.as_bytes())?;
            Ok(None)
        }
    }
}

/// The index of the group called `name` (letter case aside), or one line naming the groups.
fn group_named(settings: &Settings, name: &str) -> Result<usize, CommandError> {
    let wanted = name.trim().to_lowercase();
    settings
        .groups
        .iter()
        .position(|g| g.name.to_lowercase() == wanted)
        .ok_or_else(|| CommandError::NoSuchGroup {
            name: name.to_string(),
            groups: settings.groups.iter().map(|g| g.name.clone()).collect(),
        })
}

/// Counts for `from..=to` from the store, through the one report service.
fn report(
    ctx: &Context,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
    group: Option<usize>,
) -> Result<Report, CommandError> {
    let schedule = ctx.schedule()?;
    let query = crate::report::Query {
        group,
        ..crate::report::Query::dates(from, to, now, ctx.first_run)
    };
    Ok(crate::report::counts(
        &ctx.store,
        &ctx.settings,
        &schedule,
        &query,
    )?)
}

fn occurrences_on(
    schedule: &Schedule,
    date: NaiveDate,
    start: Option<NaiveTime>,
) -> Result<Vec<Occurrence>, CommandError> {
    let all = schedule.occurrences_on(date);
    if all.is_empty() {
        return Err(CommandError::NoGroupOn {
            date,
            schedule: Box::new(schedule.clone()),
        });
    }
    match start {
        None => Ok(all),
        Some(start) => {
            let found: Vec<Occurrence> =
                all.into_iter().filter(|o| o.slot.start == start).collect();
            if found.is_empty() {
                Err(CommandError::NoGroupStarts { date, start })
            } else {
                Ok(found)
            }
        }
    }
}

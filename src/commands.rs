//! The headless subcommands: status, sign-in, cancel, uncancel, export, set-pin, backup,
//! restore and doctor.

use std::io::Write;

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
use crate::store::Store;
use crate::words::calendar::ScheduleWords as _;
use crate::words::timer::StatusWords as _;

mod backup;
mod pin;
mod report;
mod sign_in;

pub use backup::doctor;
pub use pin::set_pin;
pub use report::report_across_sites;

#[derive(Debug, Error)]
pub enum CommandError {
    #[error("{0}")]
    Plain(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    DataDir(#[from] DataDirError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("could not write the export: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Write(#[from] crate::fs::WriteError),
    #[error(transparent)]
    Pin(#[from] PinFileError),
    #[error("could not write the export: {0}")]
    Csv(#[from] ::csv::Error),
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
            let english = crate::locale::english();
            return Err(CommandError::Plain(crate::words::settings::problem(
                &problem, &english,
            )));
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
            Err(e) => eprintln!("dropin-kiosk: old first names could not be erased yet: {e}"),
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

/// Runs one headless command, writing its answer to `out`.
pub fn run(
    command: Command,
    dir: DataDir,
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let mut ctx = match command {
        // The PIN needs neither settings nor the database: an installer sets it first.
        Command::SetPin => return set_pin(&dir, out),
        // A restore must work when the current database is damaged, so it does not open it.
        Command::Restore { file } => return backup::restore(&dir, &file, now, out),
        Command::Doctor => return backup::doctor(&dir, now, out),
        // Reads only the copies it is given (`crate::run` calls it before any data folder).
        Command::Report(args) => return report_across_sites(&args, out),
        Command::Chime { volume } => return chime(&dir, volume, out),
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
                let tr = crate::locale::built_in().tr(ctx.settings.language);
                writeln!(out, "{}", status.words(&tr, &schedule))?;
            }
        }
        Command::SignIn {
            name,
            first_visit,
            at,
        } => sign_in(&mut ctx, name, first_visit, at.unwrap_or(now), now, out)?,
        Command::Cancel { date, start, note } => {
            let schedule = ctx.schedule()?;
            let targets = occurrences_on(&schedule, date, start)?;
            let note = note.unwrap_or_default();
            for occ in &targets {
                ctx.store.cancel(date, occ.slot.start, note.trim(), now)?;
                writeln!(out, "Cancelled the group on {}.", describe(occ))?;
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
        } => backup::backup(&ctx, &file, with_names, now, out)?,
        Command::Uncancel { date, start } => {
            let schedule = ctx.schedule()?;
            let targets = occurrences_on(&schedule, date, start)?;
            for occ in &targets {
                if ctx.store.uncancel(date, occ.slot.start)? {
                    writeln!(out, "Restored the group on {}.", describe(occ))?;
                } else {
                    writeln!(out, "The group on {} was not cancelled.", describe(occ))?;
                }
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
            export_csv(&ctx, (from, to), group, by, file.as_deref(), now, out)?;
        }
    }
    Ok(())
}

/// `chime`: the chime once, played to its end, at `volume` or the settings' volume.
fn chime(dir: &DataDir, volume: Option<u8>, out: &mut dyn Write) -> Result<(), CommandError> {
    let volume = volume.map_or_else(
        || config::load(&dir.settings_path()).settings.chime_volume,
        u32::from,
    );
    crate::chime::play(u8::try_from(volume).unwrap_or(100))
        .map_err(|e| CommandError::Plain(e.to_string()))?;
    writeln!(
        out,
        "Played the chime at volume {volume} on the default sound device."
    )?;
    Ok(())
}

/// `sign-in`: one sign-in at `at` (not after `now`), said once the transaction has committed.
fn sign_in(
    ctx: &mut Context,
    name: Option<String>,
    first_visit: bool,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    if at > now {
        return Err(CommandError::Plain(format!(
            "{} is in the future; a sign-in can only be entered for a time that has passed",
            at.with_timezone(&ctx.settings.time_zone).to_rfc3339()
        )));
    }
    let schedule = ctx.schedule()?;
    // Asked for only once the folder, settings and time are known good.
    let name = sign_in::name(name)?;
    let new = NewSignIn::new(
        name.as_deref().unwrap_or(""),
        first_visit,
        at,
        &schedule,
        ctx.settings.early_window_min,
    );
    let receipt = ctx.store.sign_in(&new)?;
    // Printed only now that the transaction has committed.
    let who = new.name.as_deref().unwrap_or("an anonymous visitor");
    let local = at.with_timezone(&schedule.tz).format("%Y-%m-%d %H:%M");
    let group = match new.occurrence {
        Some((start, _)) => format!(
            "the {} group",
            start.with_timezone(&schedule.tz).format("%Y-%m-%d %H:%M")
        ),
        None => "outside group hours".to_string(),
    };
    let again = if receipt.repeat {
        " (already signed in to this group, so counted once)"
    } else {
        ""
    };
    writeln!(out, "Signed in {who} at {local}, {group}{again}.")?;
    Ok(())
}

/// `export`: the CSV from `from` to `to` per session or per month, to `file` or to `out`.
fn export_csv(
    ctx: &Context,
    (from, to): (NaiveDate, NaiveDate),
    group: Option<usize>,
    by: By,
    file: Option<&std::path::Path>,
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
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
        Some(path) => {
            // Never over an existing file: a taken name gets `-2`, `-3`, … instead.
            let written = crate::fs::create_new(path, text.as_bytes())?;
            writeln!(out, "Wrote {rows} rows to {}.", written.display())?;
        }
        None => out.write_all(text.as_bytes())?,
    }

    Ok(())
}

/// The index of the group called `name` (letter case aside), or one line naming the groups.
fn group_named(settings: &Settings, name: &str) -> Result<usize, CommandError> {
    let wanted = name.trim().to_lowercase();
    settings
        .groups
        .iter()
        .position(|g| g.name.to_lowercase() == wanted)
        .ok_or_else(|| {
            let names: Vec<String> = settings
                .groups
                .iter()
                .map(|g| format!("\"{}\"", g.name))
                .collect();
            CommandError::Plain(format!(
                "there is no group called \"{name}\"; the groups are {}",
                names.join(", ")
            ))
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
    crate::report::counts(&ctx.store, &ctx.settings, &schedule, &query).map_err(|e| match e {
        crate::report::ReportError::Store(e) => CommandError::Store(e),
        swapped @ crate::report::ReportError::DatesSwapped { .. } => {
            CommandError::Plain(swapped.to_string())
        }
    })
}

fn occurrences_on(
    schedule: &Schedule,
    date: NaiveDate,
    start: Option<NaiveTime>,
) -> Result<Vec<Occurrence>, CommandError> {
    let all = schedule.occurrences_on(date);
    let english = crate::locale::english();
    let day = english.weekday_long(chrono::Datelike::weekday(&date));
    if all.is_empty() {
        return Err(CommandError::Plain(format!(
            "there is no group on {day} {date}; the schedule is {}",
            schedule.summary(&english)
        )));
    }
    match start {
        None => Ok(all),
        Some(t) => {
            let found: Vec<Occurrence> = all.into_iter().filter(|o| o.slot.start == t).collect();
            if found.is_empty() {
                Err(CommandError::Plain(format!(
                    "no group starts at {} on {day} {date}",
                    t.format("%H:%M")
                )))
            } else {
                Ok(found)
            }
        }
    }
}

fn describe(occ: &Occurrence) -> String {
    let day = crate::locale::english().weekday_long(chrono::Datelike::weekday(&occ.date));
    format!("{day} {} at {}", occ.date, occ.slot.start.format("%H:%M"))
}

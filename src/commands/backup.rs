//! The backup commands: `backup`, `restore`, and the health check `doctor`.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};

use super::{CommandError, Context};
use crate::config;
use crate::data::DataDir;
use crate::store::Store;

/// `backup --out FILE`: a snapshot written as a new file, checked as a restore would check it.
/// It holds no first name unless `with_names`: such a file lives outside every purge. Without
/// names it is the counts copy an agency's `report` reads.
pub(super) fn backup(
    ctx: &Context,
    file: &Path,
    with_names: bool,
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let bytes = if with_names {
        ctx.store.snapshot()?
    } else {
        let origin = crate::report::copy_origin(&ctx.settings, ctx.first_run, now);
        ctx.store.counts_copy(&origin)?
    };
    // What is written is what a restore will accept.
    let summary = crate::store::check_backup(&bytes)
        .map_err(|p| CommandError::Plain(format!("the backup {p}; nothing was written")))?;
    let written = crate::fs::create_new(file, &bytes)?;
    let names = if with_names {
        "with first names"
    } else {
        "counts only, no names"
    };
    writeln!(
        out,
        "Wrote a backup of {} sign-ins ({names}) to {}.",
        summary.sign_ins,
        written.display()
    )?;
    if with_names {
        writeln!(
            out,
            "It holds the first names of the last {} days, and nothing will erase them: keep it private, and delete it when it is no longer needed.",
            ctx.settings.retention_days
        )?;
    }
    Ok(())
}

/// `restore FILE`: checks the file, then, with the kiosk stopped, moves the current database
/// into `backups/` (kept for the retention period like a backup) and puts the file in its
/// place. Every refusal says so in one sentence and changes nothing.
pub(super) fn restore(
    dir: &DataDir,
    file: &Path,
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let shown = file.display();
    let bytes = std::fs::read(file).map_err(|e| {
        CommandError::Plain(format!("could not read {shown} ({e}); nothing was changed"))
    })?;
    let summary = crate::store::check_backup(&bytes)
        .map_err(|p| CommandError::Plain(format!("{shown} {p}; nothing was changed")))?;
    // Held until the restore is done, so a kiosk starting meanwhile waits its turn.
    let _lock = dir.lock().map_err(|e| match e {
        crate::error::LockError::AlreadyRunning(_) => CommandError::Plain(format!(
            "a kiosk is running on {}; stop it first (sudo systemctl stop dropin-kiosk), then restore; nothing was changed",
            dir.root.display()
        )),
        other @ crate::error::LockError::Lock { .. } => {
            CommandError::Plain(format!("{other}; nothing was changed"))
        }
    })?;
    let settings = config::load(&dir.settings_path()).settings;
    let local_now = now.with_timezone(&settings.time_zone).naive_local();
    let aside =
        crate::store::set_aside(&dir.db_path(), &dir.backups_dir(), local_now).map_err(|e| {
            CommandError::Plain(format!(
                "the current database could not be moved aside ({e}); nothing was restored"
            ))
        })?;
    let kept = |aside: &Path| format!("the database it replaced is kept as {}", aside.display());
    crate::fs::replace(&dir.db_path(), &bytes).map_err(|e| match &aside {
        Some(aside) => CommandError::Plain(format!("{e}; {}", kept(aside))),
        None => CommandError::Write(e),
    })?;
    // Brought up to date, and no name older than the retention period comes back with it.
    let keep = Duration::days(i64::from(settings.retention_days));
    let mut store = Store::open(&dir.db_path())?;
    store.purge_names_before(now - keep)?;
    writeln!(out, "Restored {shown}: {} sign-ins.", summary.sign_ins)?;
    if let Some(aside) = aside {
        let until = local_now.date() + keep;
        writeln!(
            out,
            "Until {until} (the retention period), {}.",
            kept(&aside)
        )?;
    }
    Ok(())
}

/// `doctor`: one line per check in English; fails when any check does.
pub fn doctor(dir: &DataDir, now: DateTime<Utc>, out: &mut dyn Write) -> Result<(), CommandError> {
    let lines = crate::health::doctor(dir, now);
    for line in &lines {
        writeln!(
            out,
            "{}",
            crate::words::health::say(line, &crate::locale::english(), &dir.root)
        )?;
    }
    match lines.iter().filter(|l| !l.finding.is_ok()).count() {
        0 => Ok(()),
        failing => Err(CommandError::Plain(format!(
            "{failing} of {} checks need attention",
            lines.len()
        ))),
    }
}

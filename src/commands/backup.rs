//! The backup commands: `backup`, `restore`, and the health check `doctor`.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};

use super::{CommandError, Context};
use crate::config;
use crate::data::DataDir;
use crate::locale::Tr;
use crate::store::Store;

/// `backup --out FILE`: a snapshot written as a new file, checked as a restore would check it.
/// It holds no first name unless `with_names`: such a file lives outside every purge. Without
/// names it is the counts copy an agency's `report` reads.
pub(super) fn backup(
    ctx: &Context,
    file: &Path,
    with_names: bool,
    now: DateTime<Utc>,
    tr: &Tr<'_>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let bytes = if with_names {
        ctx.store.snapshot()?
    } else {
        let origin = crate::report::copy_origin(&ctx.settings, ctx.first_run, now);
        ctx.store.counts_copy(&origin)?
    };
    // What is written is what a restore will accept.
    let summary = crate::store::check_backup(&bytes).map_err(CommandError::BackupRefused)?;
    let written = crate::fs::create_new(file, &bytes)?;
    let said = tr.a(
        "cli-backup-written",
        &[
            ("sign-ins", summary.sign_ins.into()),
            ("names", if with_names { "yes" } else { "no" }.into()),
            ("path", written.display().to_string().into()),
        ],
    );
    writeln!(out, "{said}")?;
    if with_names {
        let days = ctx.settings.retention_days;
        writeln!(
            out,
            "{}",
            tr.a("cli-backup-keep-private", &[("days", days.into())])
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
    tr: &Tr<'_>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let bytes = std::fs::read(file).map_err(|e| CommandError::RestoreUnreadable {
        path: file.to_path_buf(),
        why: e.to_string(),
    })?;
    let summary =
        crate::store::check_backup(&bytes).map_err(|problem| CommandError::RestoreRefused {
            path: file.to_path_buf(),
            problem,
        })?;
    // Held until the restore is done, so a kiosk starting meanwhile waits its turn.
    let _lock = dir.lock().map_err(|e| match e {
        crate::error::LockError::AlreadyRunning(_) => {
            CommandError::RestoreWhileRunning(dir.root.clone())
        }
        other @ crate::error::LockError::Lock { .. } => CommandError::RestoreNotLocked(other),
    })?;
    let settings = config::load(&dir.settings_path()).settings;
    let local_now = now.with_timezone(&settings.time_zone).naive_local();
    let aside = crate::store::set_aside(&dir.db_path(), &dir.backups_dir(), local_now)
        .map_err(|e| CommandError::RestoreNotMovedAside(e.to_string()))?;
    crate::fs::replace(&dir.db_path(), &bytes).map_err(|e| match &aside {
        Some(aside) => CommandError::RestoreNotReplaced {
            why: e,
            kept: aside.clone(),
        },
        None => CommandError::Write(e),
    })?;
    // Brought up to date, and no name older than the retention period comes back with it.
    let keep = Duration::days(i64::from(settings.retention_days));
    let mut store = Store::open(&dir.db_path())?;
    store.purge_names_before(now - keep)?;
    let said = tr.a(
        "cli-restored-file",
        &[
            ("path", file.display().to_string().into()),
            ("sign-ins", summary.sign_ins.into()),
        ],
    );
    writeln!(out, "{said}")?;
    if let Some(aside) = aside {
        let until = local_now.date() + keep;
        let said = tr.a(
            "cli-replaced-kept-until",
            &[
                ("date", until.to_string().into()),
                ("path", aside.display().to_string().into()),
            ],
        );
        writeln!(out, "{said}")?;
    }
    Ok(())
}

/// `doctor`: one line per check in the words of `tr`; fails when any check does.
pub fn doctor(
    dir: &DataDir,
    now: DateTime<Utc>,
    tr: &Tr<'_>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let lines = crate::health::doctor(dir, now);
    for line in &lines {
        writeln!(out, "{}", crate::words::health::say(line, tr, &dir.root))?;
    }
    match lines.iter().filter(|l| !l.finding.is_ok()).count() {
        0 => Ok(()),
        failing => Err(CommandError::ChecksFailed {
            failing,
            total: lines.len(),
        }),
    }
}

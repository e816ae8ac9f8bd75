//! dropin-kiosk: a full-screen kiosk for a harm-reduction drop-in group.
//!
//! Layers point one way: `domain` (pure, values only) ← `store`, `export`, `report`,
//! `health` and `words` (every sentence) ← `app` (state and intents, no egui) ← `ui` (frame
//! loop and screens) ← `window` and `run`. `commands` is the headless edge beside the window.

pub mod app;
pub mod chime;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod data;
pub mod domain;
pub mod error;
pub mod export;
pub mod fs;
pub mod health;
pub mod locale;
pub mod logging;
pub mod practice;
pub mod process;
pub mod report;
pub mod service;
pub mod staff_pin;
pub mod store;
pub mod ui;
pub mod window;
pub mod words;

use std::sync::Arc;

/// Memory is zeroed as it is freed, so a first name typed, drawn or cached leaves no copy in
/// freed memory once its screen is gone: the sign-in field and its undo history, the welcome
/// line, egui's laid-out text and key events. This is for every program built on this
/// library. SQLite allocates its own memory; its page cache holds the rows by design.
#[global_allocator]
static ALLOCATOR: zeroizing_alloc::ZeroAlloc<std::alloc::System> =
    zeroizing_alloc::ZeroAlloc(std::alloc::System);

use crate::cli::Cli;
use crate::clock::{Clock, PretendClock, SystemClock};
use crate::commands::CommandError;
use crate::data::DataDir;
use crate::domain::lang::Lang;
use crate::words::errors::ErrorWords as _;

/// Why `run` failed, with the language to say it in at the terminal: the settings' own,
/// English when they cannot be read (or before a data folder is known).
#[derive(Debug)]
pub struct Failure {
    pub error: CommandError,
    pub lang: Lang,
}

impl Failure {
    /// Whether whoever reads standard output stopped early: a normal end, not an error.
    pub fn is_broken_pipe(&self) -> bool {
        self.error.is_broken_pipe()
    }
}

/// The error in the settings' language, as one line for the terminal.
impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.error.words(&locale::built_in().tr(self.lang)))
    }
}

/// Runs what the command line asks for: a headless command, or the kiosk window.
/// `started` is when the process began, for the first-frame figure in the log.
pub fn run(cli: Cli, started: std::time::Instant) -> Result<(), Failure> {
    let mut lang = Lang::EN;
    run_in(cli, started, &mut lang).map_err(|error| Failure { error, lang })
}

/// [`run`], noting in `lang` the settings' language as soon as the data folder is known.
fn run_in(cli: Cli, started: std::time::Instant, lang: &mut Lang) -> Result<(), CommandError> {
    #[cfg(unix)]
    fs::create_private_from_now_on();
    if let Some(cli::Command::Report(args)) = &cli.command {
        // Counts copies from any kiosk, on any machine: no data folder is opened or made, so
        // no settings say a language.
        let stdout = std::io::stdout();
        return commands::report_across_sites(args, &locale::english(), &mut stdout.lock());
    }
    // A demo or training run at a pretend time never writes into the real data folder: unless
    // a folder is named with --data-dir (the service's DROPIN_KIOSK_DATA does not count), it
    // runs on a fresh one, deleted when the run ends.
    let named_on_the_line = cli.data_dir.is_some() && !cli.data_dir_from_env;
    let practice = match cli.pretend_now {
        Some(_) if !named_on_the_line => Some(practice_folder()?),
        _ => None,
    };
    let root = match (&practice, cli.data_dir) {
        (Some(folder), _) => folder.path().to_path_buf(),
        (None, Some(dir)) => dir,
        (None, None) => DataDir::default_root()?,
    };
    *lang = config::language_at(&DataDir::existing(&root).settings_path());
    // The built-in languages are read only where a command says something: the kiosk window
    // reads its own, and its first frame should not wait for a second copy.
    let settings_lang = *lang;
    let words = move || locale::built_in().tr(settings_lang);
    if practice.is_some() {
        let said = words().a(
            "cli-practice-run",
            &[("path", root.display().to_string().into())],
        );
        eprintln!("dropin-kiosk: {said}");
    }
    let clock: Arc<dyn Clock> = match cli.pretend_now {
        Some(at) => Arc::new(PretendClock::new(at)),
        None => Arc::new(SystemClock),
    };
    if matches!(cli.command, Some(cli::Command::Doctor)) {
        // The check looks at the folder as it is: nothing is created or repaired first.
        let stdout = std::io::stdout();
        let dir = DataDir::existing(&root);
        return commands::doctor(&dir, clock.now(), &words(), &mut stdout.lock());
    }
    let dir = match cli.command {
        Some(_) => DataDir::prepare(&root)?,
        // The window copies the built-in texts on its database thread.
        None => DataDir::prepare_folders(&root)?,
    };
    if cli.command.is_none() {
        // First, so that what is removed below is noted in the log.
        logging::init(&dir.log_path());
    }
    // A write cut short by a power cut or a kill left its temporary file, maybe a whole copy
    // of the database. No process is writing it: it is locked while written.
    fs::remove_stale_temp_files(&dir.root);
    if practice.is_some() || cli.command.is_none() {
        // A practice run that was killed left its folder, maybe with a name in its WAL.
        practice::remove_stale(&std::env::temp_dir());
    }
    match cli.command {
        Some(command) => {
            let tr = words();
            for problem in &dir.not_private {
                let said = tr.a("cli-warning", &[("why", problem.words(&tr).into())]);
                eprintln!("dropin-kiosk: {said}");
            }
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            commands::run(command, dir, clock.now(), &tr, &mut out)
        }
        None => {
            for problem in &dir.not_private {
                log::warn!("{problem}");
            }
            window::run(dir, clock, cli.windowed, practice.is_some(), started)
                .map_err(CommandError::from)
        }
    }
}

/// A new, private temporary folder for a practice run, locked while it runs.
fn practice_folder() -> Result<practice::PracticeFolder, CommandError> {
    practice::PracticeFolder::new().map_err(|source| {
        CommandError::from(error::DataDirError::Create {
            path: std::env::temp_dir(),
            source,
        })
    })
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers the unit tests share.
    use chrono::{DateTime, Utc, Weekday};
    use chrono_tz::Tz;

    use crate::domain::schedule::{Schedule, Slot, parse_hhmm};

    /// A slot of the first group, from one "HH:MM" to another.
    pub fn slot(weekday: Weekday, start: &str, end: &str) -> Slot {
        Slot {
            weekday,
            start: parse_hhmm(start).unwrap(),
            end: parse_hhmm(end).unwrap(),
            group: 0,
        }
    }

    /// The default schedule's slots: Monday, Wednesday and Friday, 13:30–14:30.
    pub fn afternoons() -> Vec<Slot> {
        [Weekday::Mon, Weekday::Wed, Weekday::Fri]
            .map(|day| slot(day, "13:30", "14:30"))
            .to_vec()
    }

    /// The default schedule in `tz`, with nothing cancelled.
    pub fn default_schedule(tz: Tz) -> Schedule {
        Schedule::new(tz, afternoons(), vec![])
    }

    /// An RFC 3339 instant, as UTC.
    pub fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }
}

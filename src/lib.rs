//! dropin-kiosk: a full-screen kiosk for a harm-reduction drop-in group.
//!
//! Layers: `domain` (pure) ← `store` and `export` ← `app` (state and intents) ← `ui`.

pub mod app;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod data;
pub mod domain;
pub mod error;
pub mod export;
pub mod fs;
pub mod logging;
pub mod staff_pin;
pub mod store;
pub mod ui;

use std::sync::Arc;

use crate::cli::Cli;
use crate::clock::{Clock, PretendClock, SystemClock};
use crate::commands::CommandError;
use crate::data::DataDir;

/// Runs what the command line asks for: a headless command, or the kiosk window.
/// `started` is when the process began, for the first-frame figure in the log.
pub fn run(cli: Cli, started: std::time::Instant) -> Result<(), CommandError> {
    let root = match cli.data_dir {
        Some(dir) => dir,
        None => DataDir::default_root()?,
    };
    let dir = DataDir::prepare(&root)?;
    let clock: Arc<dyn Clock> = match cli.pretend_now {
        Some(at) => Arc::new(PretendClock::new(at)),
        None => Arc::new(SystemClock),
    };
    match cli.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            commands::run(command, dir, clock.now(), &mut out)
        }
        None => {
            logging::init(&dir.log_path());
            app::window::run(dir, clock, cli.windowed, started)
                .map_err(|e| CommandError::Plain(e.to_string()))
        }
    }
}

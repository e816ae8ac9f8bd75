//! The `dropin-kiosk` binary: parse the command line, run, and turn any error into one line.

use std::process::ExitCode;

use dropin_kiosk::cli::Cli;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // Before anything reads a name: from the command line, standard input or the database.
    #[cfg(unix)]
    dropin_kiosk::process::keep_out_of_crash_dumps();
    let cli = match Cli::try_parse_args() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => {
            // clap's own message spans several lines; the first one says what is wrong.
            let text = err.to_string();
            let line = text.lines().next().unwrap_or("error: invalid arguments");
            eprintln!("dropin-kiosk: {}", line.trim_start_matches("error: "));
            return ExitCode::from(2);
        }
        Err(err) => {
            // --help and --version.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
    };
    match dropin_kiosk::run(cli, started) {
        Ok(()) => ExitCode::SUCCESS,
        // As `head` expects of what it reads from: the rest goes unread, nothing is wrong.
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dropin-kiosk: {err}");
            ExitCode::FAILURE
        }
    }
}

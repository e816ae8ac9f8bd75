//! `set-pin`: the staff PIN set from a terminal or an installer script, before the tablet
//! goes on the wall.

use std::io::{BufRead, IsTerminal, Write};

use super::CommandError;
use crate::data::DataDir;
use crate::staff_pin::rules;

/// `set-pin`: asks for the PIN twice without echo on a terminal, else reads two lines from
/// standard input (so an installer can script it).
pub fn set_pin(dir: &DataDir, out: &mut dyn Write) -> Result<(), CommandError> {
    let (first, again) = if std::io::stdin().is_terminal() {
        let ask = |prompt: &str| {
            rpassword::prompt_password(prompt)
                .map_err(|e| CommandError::Plain(format!("could not read the PIN: {e}")))
        };
        (
            ask("New staff PIN (4 to 8 digits): ")?,
            ask("The same PIN again: ")?,
        )
    } else {
        let mut lines = std::io::stdin().lock().lines();
        let mut next = || match lines.next() {
            Some(Ok(line)) => Ok(line),
            Some(Err(e)) => Err(CommandError::Plain(format!("could not read the PIN: {e}"))),
            None => Err(CommandError::Plain(
                "set-pin needs two lines on standard input: the PIN, then the same PIN again"
                    .to_string(),
            )),
        };
        (next()?, next()?)
    };
    set_pin_to(dir, &first, &again, out)
}

/// Checks the PIN typed twice and saves it; nothing is changed when it is refused.
fn set_pin_to(
    dir: &DataDir,
    first: &str,
    again: &str,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let (first, again) = (first.trim(), again.trim());
    if !rules::is_valid(first) {
        return Err(CommandError::Plain(
            "a staff PIN is 4 to 8 digits; nothing was changed".to_string(),
        ));
    }
    if rules::is_too_easy(first) {
        return Err(CommandError::Plain(
            "that PIN would be easy to guess (one digit repeated, or a run like 1234); please choose a less obvious one".to_string(),
        ));
    }
    if first != again {
        return Err(CommandError::Plain(
            "the two PINs were different; nothing was changed".to_string(),
        ));
    }
    let path = dir.pin_path();
    crate::staff_pin::set(&path, first)?;
    writeln!(out, "The staff PIN is set in {}.", path.display())?;
    Ok(())
}

//! `set-pin`: the staff PIN set from a terminal or an installer script, before the tablet
//! goes on the wall.

use std::io::{BufRead, IsTerminal, Write};

use super::{CommandError, Reading};
use crate::data::DataDir;
use crate::locale::Tr;
use crate::staff_pin::rules;

/// `set-pin`: asks for the PIN twice without echo on a terminal, else reads two lines from
/// standard input (so an installer can script it).
pub fn set_pin(dir: &DataDir, tr: &Tr<'_>, out: &mut dyn Write) -> Result<(), CommandError> {
    let unreadable = |e: std::io::Error| CommandError::InputUnreadable {
        reading: Reading::Pin,
        why: e.to_string(),
    };
    let (first, again) = if std::io::stdin().is_terminal() {
        // Fluent trims a message's last space; the prompt keeps one before what is typed.
        let ask = |id: &str| rpassword::prompt_password(format!("{} ", tr.t(id)));
        (
            ask("cli-pin-ask").map_err(unreadable)?,
            ask("cli-pin-ask-again").map_err(unreadable)?,
        )
    } else {
        let mut lines = std::io::stdin().lock().lines();
        let mut next = || match lines.next() {
            Some(Ok(line)) => Ok(line),
            Some(Err(e)) => Err(unreadable(e)),
            None => Err(CommandError::PinNeedsTwoLines),
        };
        (next()?, next()?)
    };
    set_pin_to(dir, &first, &again, tr, out)
}

/// Checks the PIN typed twice and saves it; nothing is changed when it is refused.
fn set_pin_to(
    dir: &DataDir,
    first: &str,
    again: &str,
    tr: &Tr<'_>,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    let (first, again) = (first.trim(), again.trim());
    if let Some(refusal) = rules::refusal_of_both(first, again) {
        return Err(CommandError::PinRefused(refusal));
    }
    let path = dir.pin_path();
    crate::staff_pin::set(&path, first)?;
    let path = path.display().to_string();
    writeln!(out, "{}", tr.a("cli-pin-set", &[("path", path.into())]))?;
    Ok(())
}

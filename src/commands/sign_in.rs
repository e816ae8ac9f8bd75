//! `sign-in --name -`: the first name read from standard input, so it never shows in a
//! process list (anyone on the machine can read another process's command line), in shell
//! history or in sudo's log.

use std::io::{BufRead, IsTerminal as _, Read as _, Write as _};

use super::{CommandError, Reading};
use crate::locale::Tr;

/// What `--name` asks for: `-` means "read it from standard input".
pub const FROM_STANDARD_INPUT: &str = "-";

/// The most read from a pipe or file: far more than one line of a paper sheet.
const MOST_BYTES: u64 = 64 * 1024;

/// The name given with `--name`, or read from standard input for `--name -`: asked for on a
/// terminal, else the one line a pipe or file holds.
pub fn name(given: Option<String>, tr: &Tr<'_>) -> Result<Option<String>, CommandError> {
    match given {
        Some(dash) if dash == FROM_STANDARD_INPUT => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                // Fluent trims a message's last space; the prompt keeps one before the name.
                eprint!("{} ", tr.t("cli-name-ask"));
                let _ = std::io::stderr().flush();
            }
            read_name(&mut stdin.lock()).map(Some)
        }
        other => Ok(other),
    }
}

/// One line from `input`, without its line ending; the same cleaning as `--name NAME` follows.
/// An empty line is a sign-in with no name. More than one line is refused: a sign-in
/// records one person, and a second name silently dropped would be a visit not counted.
fn read_name(input: &mut dyn BufRead) -> Result<String, CommandError> {
    let unreadable = |e: std::io::Error| CommandError::InputUnreadable {
        reading: Reading::Name,
        why: e.to_string(),
    };
    let mut limited = input.take(MOST_BYTES);
    let mut line = String::new();
    if limited.read_line(&mut line).map_err(unreadable)? == 0 {
        return Err(CommandError::NameInputEmpty);
    }
    let ended = line.ends_with('\n');
    let name = line.trim_end_matches(['\n', '\r']).to_string();
    if ended {
        let mut rest = String::new();
        limited.read_to_string(&mut rest).map_err(unreadable)?;
        if !rest.trim().is_empty() {
            return Err(CommandError::NameInputLines);
        }
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<String, CommandError> {
        read_name(&mut text.as_bytes())
    }

    #[test]
    fn one_line_is_the_name_without_its_line_ending() {
        assert_eq!(read("Casey\n").unwrap(), "Casey");
        assert_eq!(read("Casey\r\n").unwrap(), "Casey");
        assert_eq!(read("Casey").unwrap(), "Casey");
        assert_eq!(read("Casey\n\n  \n").unwrap(), "Casey");
    }

    #[test]
    fn an_empty_line_is_no_name_and_nothing_at_all_is_refused() {
        assert_eq!(read("\n").unwrap(), "");
        assert!(read("").is_err());
    }

    #[test]
    fn a_second_name_is_refused_rather_than_dropped() {
        let err = read("Casey\nRobin\n").unwrap_err();
        assert!(matches!(err, CommandError::NameInputLines), "{err}");
        assert!(err.to_string().contains("more than one line"), "{err}");
    }
}

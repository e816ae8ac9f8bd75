//! The facilitator's script: opening and closing words, with placeholders filled from settings.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Script {
    pub opening: String,
    pub closing: String,
}

/// The values placeholders are filled with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fill {
    pub group: String,
    pub room: String,
    pub days: String,
    pub start: String,
    pub end: String,
}

/// The headings that mark a script file's two parts in one language, without the `# `:
/// "Opening" and "Closing", "Apertura" and "Cierre".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headings {
    pub opening: String,
    pub closing: String,
}

/// The file format's own headings, understood in a script of any language, so a translation
/// that keeps the English ones still splits.
const FORMAT_OPENING: &str = "# opening";
const FORMAT_CLOSING: &str = "# closing";

/// Splits a script file into its opening and closing words. The headings `# Opening` /
/// `# Closing` (or the language's own, `# Apertura` / `# Cierre`) mark the parts; text
/// before any heading is opening words.
pub fn parse(text: &str, own: &Headings) -> Script {
    let own_opening = format!("# {}", own.opening.trim().to_lowercase());
    let own_closing = format!("# {}", own.closing.trim().to_lowercase());
    let mut script = Script::default();
    let mut in_closing = false;
    for line in text.lines() {
        let heading = line.trim().to_lowercase();
        if heading == FORMAT_OPENING || heading == own_opening {
            in_closing = false;
            continue;
        }
        if heading == FORMAT_CLOSING || heading == own_closing {
            in_closing = true;
            continue;
        }
        let part = if in_closing {
            &mut script.closing
        } else {
            &mut script.opening
        };
        part.push_str(line.trim_end());
        part.push('\n');
    }
    script.opening = script.opening.trim().to_string();
    script.closing = script.closing.trim().to_string();
    script
}

/// Writes a script back in the file format `parse` reads, with the language's own headings.
pub fn render(script: &Script, own: &Headings) -> String {
    format!(
        "# {}\n\n{}\n\n# {}\n\n{}\n",
        own.opening.trim(),
        script.opening.trim(),
        own.closing.trim(),
        script.closing.trim()
    )
}

/// Replaces `{group}`, `{room}`, `{days}`, `{start}` and `{end}`; other text is left as written.
pub fn fill(text: &str, values: &Fill) -> String {
    text.replace("{group}", &values.group)
        .replace("{room}", &values.room)
        .replace("{days}", &values.days)
        .replace("{start}", &values.start)
        .replace("{end}", &values.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanish() -> Headings {
        Headings {
            opening: "Apertura".into(),
            closing: "Cierre".into(),
        }
    }

    #[test]
    fn a_script_file_splits_into_opening_and_closing() {
        let s = parse(
            "# Opening\n\nHello {group}.\n\n# Closing\n\nSee you {days}.\n",
            &spanish(),
        );
        assert_eq!(s.opening, "Hello {group}.");
        assert_eq!(s.closing, "See you {days}.");
        assert_eq!(parse(&render(&s, &spanish()), &spanish()), s);
    }

    #[test]
    fn the_language_s_own_headings_are_understood() {
        let s = parse("# Apertura\nHola.\n# Cierre\nAdiós.", &spanish());
        assert_eq!(
            (s.opening.as_str(), s.closing.as_str()),
            ("Hola.", "Adiós.")
        );
    }

    #[test]
    fn placeholders_are_filled_from_settings() {
        let values = Fill {
            group: "Open Door".into(),
            room: "Room 2".into(),
            days: "Monday and Friday".into(),
            start: "1:30 PM".into(),
            end: "2:30 PM".into(),
        };
        assert_eq!(
            fill(
                "{group} meets in {room} on {days}, {start}–{end}. {other}",
                &values
            ),
            "Open Door meets in Room 2 on Monday and Friday, 1:30 PM–2:30 PM. {other}"
        );
    }
}

//! The facilitator's script: opening and closing words, with placeholders filled from settings.

use super::lang::Lang;

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

const OPENING_HEADINGS: [&str; 2] = ["# opening", "# apertura"];
const CLOSING_HEADINGS: [&str; 2] = ["# closing", "# cierre"];

/// Splits a script file into its opening and closing words. Headings `# Opening` / `# Closing`
/// (or `# Apertura` / `# Cierre`) mark the parts; text before any heading is opening words.
pub fn parse(text: &str) -> Script {
    let mut script = Script::default();
    let mut in_closing = false;
    for line in text.lines() {
        let heading = line.trim().to_lowercase();
        if OPENING_HEADINGS.contains(&heading.as_str()) {
            in_closing = false;
            continue;
        }
        if CLOSING_HEADINGS.contains(&heading.as_str()) {
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

/// Writes a script back in the file format `parse` reads.
pub fn render(script: &Script, lang: Lang) -> String {
    let (open, close) = match lang {
        Lang::En => ("# Opening", "# Closing"),
        Lang::Es => ("# Apertura", "# Cierre"),
    };
    format!(
        "{open}\n\n{}\n\n{close}\n\n{}\n",
        script.opening.trim(),
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

    #[test]
    fn a_script_file_splits_into_opening_and_closing() {
        let s = parse("# Opening\n\nHello {group}.\n\n# Closing\n\nSee you {days}.\n");
        assert_eq!(s.opening, "Hello {group}.");
        assert_eq!(s.closing, "See you {days}.");
        assert_eq!(parse(&render(&s, Lang::Es)), s);
    }

    #[test]
    fn spanish_headings_are_understood() {
        let s = parse("# Apertura\nHola.\n# Cierre\nAdiós.");
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

    #[test]
    fn every_shipped_script_parses_and_uses_only_known_placeholders() {
        for text in [
            include_str!("../../assets/scripts/drop-in.en.md"),
            include_str!("../../assets/scripts/drop-in.es.md"),
            include_str!("../../assets/scripts/check-in.en.md"),
            include_str!("../../assets/scripts/check-in.es.md"),
            include_str!("../../assets/scripts/course.en.md"),
            include_str!("../../assets/scripts/course.es.md"),
        ] {
            let s = parse(text);
            assert!(s.opening.len() > 200 && s.closing.len() > 100);
            let filled = fill(&format!("{}{}", s.opening, s.closing), &Fill::default());
            assert!(!filled.contains('{') && !filled.contains('}'));
        }
    }
}

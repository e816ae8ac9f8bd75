//! The words of one language: a message by id, with its arguments, falling back to English
//! message by message; and the calendar words every screen needs (days, times, lists).

use chrono::{NaiveTime, Timelike, Weekday};
use fluent_bundle::{FluentArgs, FluentValue};

use super::{Language, Locales};
use crate::domain::lang::Lang;

/// One language's words, with English behind it for any message it lacks.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    locales: &'a Locales,
    language: &'a Language,
}

impl<'a> Tr<'a> {
    pub(super) fn new(locales: &'a Locales, language: &'a Language) -> Tr<'a> {
        Tr { locales, language }
    }

    pub fn lang(&self) -> Lang {
        self.language.lang
    }

    /// The language's name in its own words.
    pub fn name(&self) -> &'a str {
        &self.language.name
    }

    /// The message `id`.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with its arguments.
    pub fn a(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.format(id, Some(&fluent))
    }

    /// In this language when it has the message and it formats cleanly; otherwise in
    /// English, said once in the log; never in a third language.
    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        if let Some(text) = format_in(self.language, id, args) {
            return text;
        }
        self.locales.say_missing(self.language.lang, id);
        let english = self.locales.english();
        format_in(english, id, args).unwrap_or_else(|| id.to_string())
    }

    /// The headings of this language's script files: "Opening" and "Closing".
    pub fn script_headings(&self) -> crate::domain::script::Headings {
        crate::domain::script::Headings {
            opening: self.t("script-heading-opening"),
            closing: self.t("script-heading-closing"),
        }
    }

    /// "Monday" / "lunes".
    pub fn weekday_long(&self, day: Weekday) -> String {
        self.t(day_id(day))
    }

    /// "Mon" / "lun".
    pub fn weekday_short(&self, day: Weekday) -> String {
        self.t(&format!("{}-short", day_id(day)))
    }

    /// Whether this language's clock has AM and PM (`clock-hours = 12`).
    fn twelve_hours(&self) -> bool {
        self.t("clock-hours").trim() == "12"
    }

    fn mark(&self, t: NaiveTime) -> String {
        self.t(if t.hour12().0 { "clock-pm" } else { "clock-am" })
    }

    fn with_mark(&self, time: &str, t: NaiveTime) -> String {
        self.a(
            "clock-with-mark",
            &[("time", time.into()), ("mark", self.mark(t).into())],
        )
    }

    /// "1:30 PM" on a 12-hour clock, "13:30" on a 24-hour one.
    pub fn time(&self, t: NaiveTime) -> String {
        if self.twelve_hours() {
            let bare = format!("{}:{:02}", t.hour12().1, t.minute());
            self.with_mark(&bare, t)
        } else {
            format!("{}:{:02}", t.hour(), t.minute())
        }
    }

    /// "1:30–2:30 PM" (one AM/PM mark when both share it), "13:30–14:30".
    pub fn time_range(&self, start: NaiveTime, end: NaiveTime) -> String {
        if self.twelve_hours() && start.hour12().0 == end.hour12().0 {
            format!(
                "{}:{:02}–{}",
                start.hour12().1,
                start.minute(),
                self.time(end)
            )
        } else {
            format!("{}–{}", self.time(start), self.time(end))
        }
    }

    /// "6–7:30 PM", "11 AM–12:30 PM" (whole hours without ":00") on a 12-hour clock;
    /// "18:00–19:30" on a 24-hour one.
    pub fn short_time_range(&self, start: NaiveTime, end: NaiveTime) -> String {
        if !self.twelve_hours() {
            return self.time_range(start, end);
        }
        let clock = |t: NaiveTime| {
            let h = t.hour12().1;
            match t.minute() {
                0 => h.to_string(),
                m => format!("{h}:{m:02}"),
            }
        };
        if start.hour12().0 == end.hour12().0 {
            let both = format!("{}–{}", clock(start), clock(end));
            self.with_mark(&both, end)
        } else {
            format!(
                "{}–{}",
                self.with_mark(&clock(start), start),
                self.with_mark(&clock(end), end)
            )
        }
    }

    /// "Monday, Wednesday and Friday" / "lunes, miércoles y viernes".
    pub fn join_list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => {
                let separator = self.t("list-separator");
                self.a(
                    "list-and",
                    &[
                        ("items", rest.join(&separator).into()),
                        ("last", last.as_str().into()),
                    ],
                )
            }
        }
    }
}

fn format_in(language: &Language, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let pattern = language.bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = language.bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

fn day_id(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "day-mon",
        Weekday::Tue => "day-tue",
        Weekday::Wed => "day-wed",
        Weekday::Thu => "day-thu",
        Weekday::Fri => "day-fri",
        Weekday::Sat => "day-sat",
        Weekday::Sun => "day-sun",
    }
}

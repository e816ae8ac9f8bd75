//! A script's placeholders (`{group}`, `{room}`, `{days}`, `{start}`, `{end}`) filled from
//! the settings and the real schedule, in the words of each language.

use crate::config::Settings;
use crate::domain::lang::Lang;
use crate::domain::schedule::Schedule;
use crate::domain::script::{self, Script};
use crate::words::calendar::{LangWords as _, ScheduleWords as _};

/// Fills a script's placeholders from settings and the real schedule.
pub fn filled(raw: &Script, settings: &Settings, schedule: &Schedule, lang: Lang) -> Script {
    let first = schedule.slots.first();
    let values = script::Fill {
        group: settings.group_name.clone(),
        room: settings.room.clone(),
        days: schedule.days_words(lang),
        start: first.map(|s| lang.time(s.start)).unwrap_or_default(),
        end: first.map(|s| lang.time(s.end)).unwrap_or_default(),
    };
    Script {
        opening: script::fill(&raw.opening, &values),
        closing: script::fill(&raw.closing, &values),
    }
}

//! A script's placeholders (`{group}`, `{room}`, `{days}`, `{start}`, `{end}`) filled from
//! the settings and the real schedule of one group, in the words of each language.

use crate::config::Settings;
use crate::domain::schedule::Schedule;
use crate::domain::script::{self, Script};
use crate::locale::Tr;
use crate::words::calendar::ScheduleWords as _;

/// Fills a script's placeholders from settings and the real schedule of `group` (an index
/// into the settings' groups): its name, room, days and times.
pub fn filled(
    raw: &Script,
    settings: &Settings,
    schedule: &Schedule,
    group: usize,
    tr: &Tr<'_>,
) -> Script {
    let own = Schedule {
        slots: schedule
            .slots
            .iter()
            .filter(|s| s.group == group)
            .copied()
            .collect(),
        cancellations: Vec::new(),
        ..*schedule
    };
    let first = own.slots.first();
    let (name, room) = match settings.group(group) {
        Some(g) => (g.name.clone(), settings.room_of(g).to_string()),
        None => (settings.group_name.clone(), settings.room.clone()),
    };
    let values = script::Fill {
        group: name,
        room,
        days: own.days_words(tr),
        start: first.map(|s| tr.time(s.start)).unwrap_or_default(),
        end: first.map(|s| tr.time(s.end)).unwrap_or_default(),
    };
    Script {
        opening: script::fill(&raw.opening, &values),
        closing: script::fill(&raw.closing, &values),
    }
}

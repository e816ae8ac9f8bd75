//! The named parts of the kiosk's state: the person at the tablet, the week the settings
//! make, what frames reuse, and when the daily chores are next due.

use chrono::{DateTime, NaiveDate, Utc};

use super::Screen;
use crate::domain::course::CourseTopics;
use crate::domain::lang::Lang;
use crate::domain::schedule::Schedule;
use crate::domain::script::Script;
use crate::domain::suggestions::SuggestionCount;
use crate::domain::text_size::TextSize;

/// The person at the tablet now: the screen they are on and what they chose for themselves.
/// Language and text size go back to the settings' for the next person.
pub struct Visit {
    pub screen: Screen,
    pub lang: Lang,
    /// The text size chosen with "Larger text".
    pub text_size: TextSize,
    /// The last touch, key or typed text: an untouched screen goes Home after a while.
    pub(super) last_touch: DateTime<Utc>,
    /// How many times the sign-in screen has been opened, so each opening starts afresh.
    pub(super) sign_in_visits: u64,
    /// How many times the suggest screen has been opened, likewise.
    pub(super) suggest_visits: u64,
}

/// The week the settings and cancellations make, and the courses in it.
pub(super) struct Calendar {
    pub(super) schedule: Schedule,
    /// Each group's course (start and topics), by group index; `None` for other groups.
    pub(super) courses: Vec<Option<CourseTopics>>,
    /// When the kiosk first ran on its data folder, by its own clock: the first day of records.
    pub(super) first_run: DateTime<Utc>,
}

/// What frames reuse until something changes.
#[derive(Default)]
pub(super) struct Caches {
    /// (group, script set, language) and the script filled for that group.
    pub(super) script: Option<(usize, String, Lang, Script)>,
    /// (occurrence start ms, sign-ins) for the script screen.
    pub(super) count: Option<(i64, u64)>,
    /// The script screen's suggestions by occurrence start ms; cleared by any intent.
    pub(super) suggestions: Option<(i64, Vec<SuggestionCount>)>,
}

/// When the daily chores (erasing old names, the backup) are next due, and what they left.
pub(super) struct Chores {
    pub(super) next_purge: DateTime<Utc>,
    /// The day of the newest daily backup this kiosk knows of.
    pub(super) last_backup: Option<NaiveDate>,
    /// When a backup is next tried: a moment after start, or an hour after a failed one.
    pub(super) next_backup_try: DateTime<Utc>,
    /// For staff: when each damaged copy still kept will be deleted, soonest first.
    pub(super) damaged_until: Vec<DateTime<Utc>>,
}

/// The facilitator's cues: the moment last cued (so none comes twice), when the timer
/// panel's pulse began, and the bell that rings the chime.
pub(super) struct Cues {
    pub(super) last: Option<DateTime<Utc>>,
    pub(super) pulse_since: Option<DateTime<Utc>>,
    pub(super) bell: Box<dyn crate::chime::Bell>,
}

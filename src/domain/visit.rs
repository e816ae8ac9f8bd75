//! A sign-in about to be stored: the name cleaned, its duplicate key, and the occurrence it
//! belongs to, all worked out from the schedule and the instant.

use chrono::{DateTime, Utc};

use super::names::{duplicate_key, normalize};
use super::schedule::Schedule;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSignIn {
    pub at: DateTime<Utc>,
    pub name: Option<String>,
    pub name_key: Option<String>,
    pub first_visit: bool,
    /// Start and end of the held occurrence it belongs to, if any.
    pub occurrence: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Within which a name counts once: the occurrence, or the local day outside hours.
    pub scope: String,
}

impl NewSignIn {
    pub fn new(
        raw_name: &str,
        first_visit: bool,
        at: DateTime<Utc>,
        schedule: &Schedule,
        early_window_min: u32,
    ) -> NewSignIn {
        let name = normalize(raw_name);
        let name_key = name.as_deref().map(duplicate_key);
        let occurrence = schedule
            .attribute(at, early_window_min)
            .map(|o| (o.start, o.end));
        let scope = match occurrence {
            Some((start, _)) => format!("occurrence {}", start.timestamp_millis()),
            None => format!("day {}", schedule.local_date(at)),
        };
        NewSignIn {
            at,
            name,
            name_key,
            first_visit,
            occurrence,
            scope,
        }
    }
}

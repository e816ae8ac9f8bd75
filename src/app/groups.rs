//! Several groups in one room: which group is on or next (its name, room and, for a course,
//! the meeting's topic), and the topics suggested from the room for its next meeting.

use chrono::{DateTime, Duration, Utc};

use super::state::{Sent, Suggestion};
use super::{Kiosk, Screen};
use crate::domain::course::{CourseMeeting, TopicWords};
use crate::domain::lang::Lang;
use crate::domain::schedule::Occurrence;
use crate::domain::suggestions::{self, CommonTopic, Suggested, SuggestionCount};
use crate::domain::timer::{self, Status};

/// The group that is on or next, as Home and the script screen show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupNow {
    /// An index into the settings' groups.
    pub index: usize,
    pub name: String,
    /// Its own room, else the settings' room.
    pub room: String,
    /// For a course: where this meeting stands.
    pub meeting: Option<CourseMeeting>,
    /// For a course meeting with a topic: its title and one-line prompt, in the view's language.
    pub topic: Option<TopicWords>,
    /// Ready to draw, in the view's language: "Meeting 3 of 8 · Drug, set and setting",
    /// "The course has finished", "The course starts on Tuesday 2026-10-06"; `None` when
    /// the group is not a course (or this meeting is cancelled).
    pub topic_line: Option<String>,
}

/// How far back the previous meeting of a group is looked for ("since its last meeting").
const LAST_MEETING_WITHIN_DAYS: i64 = 35;

impl Kiosk {
    /// Loads and fills `group`'s script in the current language, once per change.
    pub(super) fn fill_script_cache(&mut self, group: usize) {
        let name = self
            .settings
            .group(group)
            .map_or_else(|| self.settings.script.clone(), |g| g.script.clone());
        let lang = self.visit.lang;
        let fresh = matches!(&self.caches.script,
            Some((g, n, l, _)) if *g == group && *n == name && *l == lang);
        if !fresh {
            let loaded = self.dir.load_script(&name, lang, &self.locales);
            let filled = crate::words::script::filled(
                &loaded,
                &self.settings,
                &self.calendar.schedule,
                group,
                &self.locales.tr(lang),
            );
            self.caches.script = Some((group, name, lang, filled));
        }
    }

    /// The sign-ins of the session the timer shows, repeats included (see
    /// `Store::sign_ins_for_occurrence`): the script screen is public.
    pub(super) fn session_sign_ins(&mut self, status: &Status) -> Option<u64> {
        let occ = status.occurrence.as_ref().filter(|_| {
            matches!(
                status.phase,
                timer::Phase::DoorsOpen
                    | timer::Phase::InSession
                    | timer::Phase::WrapUp
                    | timer::Phase::Ended
            )
        })?;
        let key = occ.start.timestamp_millis();
        if let Some((k, n)) = self.caches.count
            && k == key
        {
            return Some(n);
        }
        let n = self
            .storage
            .store()?
            .sign_ins_for_occurrence(occ.start)
            .ok()?;
        self.caches.count = Some((key, n));
        Some(n)
    }

    /// The group the timer's occurrence belongs to, or the first group when nothing is
    /// scheduled.
    pub(super) fn group_now(&self, status: &Status, lang: Lang) -> Option<GroupNow> {
        let occ = status.occurrence.as_ref();
        let index = occ.map_or(0, |o| o.slot.group);
        let group = self.settings.group(index)?;
        let course = self.calendar.courses.get(index).and_then(Option::as_ref);
        let (meeting, topic) = match (course, occ) {
            (Some(course), Some(occ)) => {
                let (meeting, topic) = course.at(&self.calendar.schedule, index, occ);
                (Some(meeting), topic)
            }
            _ => (None, None),
        };
        let topic_line = meeting
            .and_then(|m| crate::words::groups::topic_line(m, topic, &self.locales.tr(lang)));
        Some(GroupNow {
            index,
            name: group.name.clone(),
            room: self.settings.room_of(group).to_string(),
            meeting,
            topic: topic.map(|t| t.words(lang).clone()),
            topic_line,
        })
    }

    /// The held occurrence a suggestion made at `now` is for: the first one, of any group,
    /// that has not ended.
    fn suggestion_target(&self, now: DateTime<Utc>) -> Option<Occurrence> {
        self.calendar
            .schedule
            .occurrences_around(now)
            .into_iter()
            .find(|o| !o.is_cancelled() && o.end > now)
    }

    /// What the public script screen may show of `suggestions_for(occ)` (tapped topics, and
    /// typed words staff have allowed), read once until the next intent.
    pub(super) fn cached_suggestions(&mut self, occ: &Occurrence) -> Vec<SuggestionCount> {
        let key = occ.start.timestamp_millis();
        if let Some((k, found)) = &self.caches.suggestions
            && *k == key
        {
            return found.clone();
        }
        let mut found = self.suggestions_for(occ);
        found.retain(|s| s.allowed);
        self.caches.suggestions = Some((key, found.clone()));
        found
    }

    /// The suggestions for `occ`'s group since its previous held meeting, grouped with counts.
    pub(super) fn suggestions_for(&self, occ: &Occurrence) -> Vec<SuggestionCount> {
        let group = occ.slot.group;
        let Some(name) = self.settings.group(group).map(|g| g.name.as_str()) else {
            return Vec::new();
        };
        let earliest = occ.start - Duration::days(LAST_MEETING_WITHIN_DAYS);
        let previous = self
            .calendar
            .schedule
            .occurrences_between(self.calendar.schedule.local_date(earliest), occ.date)
            .into_iter()
            .filter(|o| o.slot.group == group && !o.is_cancelled() && o.start < occ.start)
            .map(|o| o.start)
            .next_back()
            .unwrap_or(earliest);
        let Some(store) = self.storage.store() else {
            return Vec::new();
        };
        match store.suggestions(name, previous, occ.start) {
            Ok(found) => suggestions::grouped(&found),
            Err(e) => {
                log::error!("could not read the suggested topics: {e}");
                Vec::new()
            }
        }
    }

    /// Each group's suggestions for its next held meeting, for staff.
    pub(super) fn suggestions_by_group(&self) -> Vec<(String, Vec<SuggestionCount>)> {
        let now = self.now();
        self.settings
            .groups
            .iter()
            .enumerate()
            .filter_map(|(i, g)| {
                let next = self
                    .calendar
                    .schedule
                    .occurrences_around(now)
                    .into_iter()
                    .find(|o| o.slot.group == i && !o.is_cancelled() && o.end > now)?;
                Some((g.name.clone(), self.suggestions_for(&next)))
            })
            .collect()
    }

    pub(super) fn open_suggest(&mut self) {
        self.visit.suggest_visits = self.visit.suggest_visits.wrapping_add(1);
        self.visit.screen = Screen::Suggest(Suggestion {
            topic: None,
            words: String::new(),
            typing: false,
            visit: self.visit.suggest_visits,
            sent: None,
        });
    }

    /// Stores what was suggested, with no name, for the group that is on or next, then
    /// shows the thanks. Nothing chosen and nothing typed simply goes Home.
    pub(super) fn send_suggestion(
        &mut self,
        topic: Option<CommonTopic>,
        words: &str,
        now: DateTime<Utc>,
    ) {
        let asked: Vec<Suggested> = topic
            .map(Suggested::Common)
            .into_iter()
            .chain(suggestions::clean(words).map(Suggested::Own))
            .collect();
        if asked.is_empty() {
            self.go_home();
            return;
        }
        let target = self.suggestion_target(now);
        let group = target.as_ref().map_or(0, |o| o.slot.group);
        let for_start = target.map_or(now, |o| o.start);
        let name = self
            .settings
            .group(group)
            .map_or_else(|| self.settings.group_name.clone(), |g| g.name.clone());
        let saved = match self.storage.store_mut() {
            Some(store) => asked
                .iter()
                .try_for_each(|t| store.suggest(&name, for_start, t)),
            None => Err(crate::error::StoreError::ReadOnly),
        };
        if let Err(e) = &saved {
            log::error!("a suggested topic was not saved: {e}");
            self.storage.note(super::StoreProblem::SuggestionNotSaved {
                cause: e.to_string(),
            });
        }
        let visit = self.visit.suggest_visits;
        // What was chosen is not kept on screen: the thanks is the same for everyone.
        self.visit.screen = Screen::Suggest(Suggestion {
            topic: None,
            words: String::new(),
            typing: false,
            visit,
            sent: Some(Sent {
                at: now,
                saved: saved.is_ok(),
            }),
        });
    }
}

//! Drafts of the schedule and settings as staff type them, checked and saved in one go.

use chrono::{NaiveDate, Weekday};

use super::{Failure, Feedback, NumberField, StaffState};
use crate::app::Kiosk;
use crate::config::{self, Bounds, CourseSetting, Group, Settings, Topics};
use crate::domain::lang::Lang;
use crate::domain::schedule::{Slot, parse_hhmm, slot_problem};
use crate::domain::text_size::TextSize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotDraft {
    pub weekday: Weekday,
    pub start: String,
    pub end: String,
    /// An index into the drafts of groups.
    pub group: usize,
}

/// A group as staff edit it in the Schedule section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDraft {
    pub name: String,
    /// Empty: the settings' room.
    pub room: String,
    pub script: String,
    /// Set when the group is a course.
    pub course: Option<CourseDraft>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseDraft {
    /// Typed like 2026-10-06; a new date starts the course again from its first topic.
    pub start: String,
    pub topics: Topics,
}

pub(super) fn group_drafts(s: &Settings) -> Vec<GroupDraft> {
    s.groups
        .iter()
        .map(|g| GroupDraft {
            name: g.name.clone(),
            room: g.room.clone().unwrap_or_default(),
            script: g.script.clone(),
            course: g.course.as_ref().map(|c| CourseDraft {
                start: c.start.format("%Y-%m-%d").to_string(),
                topics: c.topics.clone(),
            }),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsDraft {
    pub group_name: String,
    pub room: String,
    pub language: Lang,
    pub text_size: TextSize,
    pub early_window_min: String,
    pub wrap_up_min: String,
    pub ended_min: String,
    pub retention_days: String,
    pub chime: crate::domain::cue::Chime,
    pub chime_volume: String,
}

pub(super) fn settings_draft(s: &Settings) -> SettingsDraft {
    SettingsDraft {
        group_name: s.group_name.clone(),
        room: s.room.clone(),
        language: s.language,
        text_size: s.text_size,
        early_window_min: s.early_window_min.to_string(),
        wrap_up_min: s.wrap_up_min.to_string(),
        ended_min: s.ended_min.to_string(),
        retention_days: s.retention_days.to_string(),
        chime: s.chime,
        chime_volume: s.chime_volume.to_string(),
    }
}

pub(super) fn slot_drafts(s: &Settings) -> Vec<SlotDraft> {
    s.slots
        .iter()
        .map(|slot| SlotDraft {
            weekday: slot.weekday,
            start: slot.start.format("%H:%M").to_string(),
            end: slot.end.format("%H:%M").to_string(),
            group: slot.group,
        })
        .collect()
}

/// The groups as typed, checked: names given and different, course dates real dates.
fn checked_groups(drafts: &[GroupDraft]) -> Result<Vec<Group>, Feedback> {
    let mut groups: Vec<Group> = Vec::new();
    for d in drafts {
        let name = d.name.trim().to_string();
        if name.is_empty() || groups.iter().any(|g| g.name == name) {
            return Err(Feedback::GroupName);
        }
        let course = match &d.course {
            Some(c) => {
                let Ok(start) = NaiveDate::parse_from_str(c.start.trim(), "%Y-%m-%d") else {
                    return Err(Feedback::CourseStart(name));
                };
                Some(CourseSetting {
                    start,
                    topics: c.topics.clone(),
                })
            }
            None => None,
        };
        let room = d.room.trim();
        groups.push(Group {
            name,
            script: d.script.clone(),
            room: (!room.is_empty()).then(|| room.to_string()),
            course,
        });
    }
    Ok(groups)
}

/// A whole number typed into a settings field, within the setting's bounds.
pub(super) fn parse_number(
    text: &str,
    field: NumberField,
    bounds: Bounds,
) -> Result<u32, Feedback> {
    match text.trim().parse::<u32>() {
        Ok(n) if bounds.contains(n) => Ok(n),
        _ => Err(Feedback::OutOfRange {
            field,
            min: bounds.min,
            max: bounds.max,
        }),
    }
}

/// Takes a group out of the drafts, unless a slot still meets for it or it is the last.
pub(super) fn remove_group_draft(state: &mut StaffState, i: usize) {
    let Some(group) = state.groups.get(i) else {
        return;
    };
    if state.groups.len() == 1 || state.slots.iter().any(|s| s.group == i) {
        state.feedback = Some(Feedback::GroupInUse(group.name.clone()));
        return;
    }
    state.groups.remove(i);
    for slot in &mut state.slots {
        if slot.group > i {
            slot.group -= 1;
        }
    }
}

impl Kiosk {
    pub(super) fn save_schedule(&mut self, state: &mut StaffState) {
        let groups = match checked_groups(&state.groups) {
            Ok(groups) => groups,
            Err(why) => {
                state.feedback = Some(why);
                return;
            }
        };
        let mut slots: Vec<Slot> = Vec::new();
        for draft in &state.slots {
            let (Some(start), Some(end)) = (parse_hhmm(&draft.start), parse_hhmm(&draft.end))
            else {
                state.feedback = Some(Feedback::SlotTimes(draft.weekday));
                return;
            };
            let slot = Slot {
                weekday: draft.weekday,
                start,
                end,
                group: draft.group.min(groups.len().saturating_sub(1)),
            };
            if let Some(why) = slot_problem(&slot, &slots) {
                state.feedback = Some(Feedback::Slot(why));
                return;
            }
            slots.push(slot);
        }
        let Ok(zone) = state.zone.trim().parse::<chrono_tz::Tz>() else {
            state.feedback = Some(Feedback::UnknownZone(state.zone.clone()));
            return;
        };
        let mut settings = self.settings.clone();
        // One group with no room or course of its own is kept as the plain settings file
        // (no [[group]] tables) that an existing kiosk started with.
        if let [only] = groups.as_slice()
            && only.room.is_none()
            && only.course.is_none()
        {
            settings.group_name.clone_from(&only.name);
            settings.script.clone_from(&only.script);
        }
        settings.groups = groups;
        settings.slots = slots;
        settings.time_zone = zone;
        if self.save_settings(state, settings) {
            state.groups = group_drafts(&self.settings);
            state.slots = slot_drafts(&self.settings);
            state.feedback = Some(Feedback::ScheduleSaved);
        }
    }

    /// Validates and saves settings atomically; on success the kiosk runs on them at once.
    pub(super) fn save_settings(&mut self, state: &mut StaffState, settings: Settings) -> bool {
        if let Err(problems) = settings.to_raw().validate(None) {
            // `validate` refuses only with a problem; the first is the one to fix first.
            state.feedback = problems.into_iter().next().map(Feedback::Invalid);
            return false;
        }
        match config::save(&self.dir.settings_path(), &settings) {
            Ok(()) => {
                self.settings = settings;
                self.settings_problem = None;
                self.caches.script = None;
                self.refresh_schedule();
                true
            }
            Err(e) => {
                state.feedback = Some(Feedback::Failed(Failure::Settings, e.to_string()));
                false
            }
        }
    }
}

//! Drafts of the schedule and settings as staff type them, checked and saved in one go.

use chrono::Weekday;

use super::{Failure, Feedback, NumberField, StaffState};
use crate::app::Kiosk;
use crate::config::{self, Bounds, Settings};
use crate::domain::lang::Lang;
use crate::domain::schedule::{Slot, parse_hhmm, slot_problem};
use crate::domain::text_size::TextSize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotDraft {
    pub weekday: Weekday,
    pub start: String,
    pub end: String,
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
    }
}

pub(super) fn slot_drafts(s: &Settings) -> Vec<SlotDraft> {
    s.slots
        .iter()
        .map(|slot| SlotDraft {
            weekday: slot.weekday,
            start: slot.start.format("%H:%M").to_string(),
            end: slot.end.format("%H:%M").to_string(),
        })
        .collect()
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

impl Kiosk {
    pub(super) fn save_schedule(&mut self, state: &mut StaffState) {
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
        settings.slots = slots;
        settings.time_zone = zone;
        if self.save_settings(state, settings) {
            state.slots = slot_drafts(&self.settings);
            state.feedback = Some(Feedback::ScheduleSaved);
        }
    }

    /// Validates and saves settings atomically; on success the kiosk runs on them at once.
    pub(super) fn save_settings(&mut self, state: &mut StaffState, settings: Settings) -> bool {
        if let Err(problems) = settings.to_raw().validate(None) {
            let first = problems
                .first()
                .map_or_else(String::new, |p| format!("{}: {}.", p.key, p.message));
            state.feedback = Some(Feedback::Invalid(first));
            return false;
        }
        match config::save(&self.dir.settings_path(), &settings) {
            Ok(()) => {
                self.settings = settings;
                self.settings_problem = None;
                self.script_cache = None;
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

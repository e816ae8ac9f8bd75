//! The staff area's state and intents: attendance, export, schedule, cancellations, scripts,
//! settings and today's names. The PIN pad in front of it is `pin`.

mod drafts;
mod feedback;
mod pin;
mod reports;

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{Duration, NaiveDate, NaiveTime, Weekday};

use super::{Kiosk, Screen, StoreProblem};
use crate::config;
use crate::domain::counts::Report;
use crate::domain::lang::Lang;
use crate::domain::script::{self, Script};

pub use drafts::{CourseDraft, GroupDraft, SettingsDraft, SlotDraft};
use drafts::{group_drafts, parse_number, remove_group_draft, settings_draft, slot_drafts};
pub use feedback::{Failure, Feedback, NumberField};
pub use pin::{PinAction, PinMessage, PinPad, PinPurpose};
pub use reports::{ExportBy, ExportPlace, QrView, QuickRange, quick_range};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Attendance,
    Export,
    Schedule,
    Script,
    Settings,
    TodaysNames,
    Quit,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Attendance,
        Section::Export,
        Section::Schedule,
        Section::Script,
        Section::Settings,
        Section::TodaysNames,
        Section::Quit,
    ];
}

#[derive(Debug, Clone, PartialEq)]
pub struct StaffState {
    pub section: Section,
    pub from_text: String,
    pub to_text: String,
    pub range: (NaiveDate, NaiveDate),
    pub report: Option<Report>,
    pub csv: String,
    pub qr: Option<QrView>,
    /// The QR code on a view of its own, as large as the screen allows.
    pub qr_shown: bool,
    pub feedback: Option<Feedback>,
    /// Per session or per month, for the file and the QR code alike.
    pub by: ExportBy,
    pub groups: Vec<GroupDraft>,
    pub slots: Vec<SlotDraft>,
    pub zone: String,
    pub zone_search: String,
    /// Public notes being typed for upcoming occurrences, keyed by date and start.
    pub notes: HashMap<(NaiveDate, NaiveTime), String>,
    pub script_name: String,
    pub script_lang: Lang,
    pub script_draft: Script,
    pub settings_draft: SettingsDraft,
    pub todays_names: Vec<(String, String)>,
    /// Script sets on offer: the built-in ones and any in `scripts/`.
    pub script_names: Vec<String>,
    /// Removable drives mounted now, refreshed while the Export section is shown.
    pub drives: Vec<PathBuf>,
    /// Courses on offer: the shipped ones and any in `courses/`.
    pub course_names: Vec<String>,
    /// Each group's suggested topics for its next meeting (the Script section).
    pub suggestions: Vec<(String, Vec<crate::domain::suggestions::SuggestionCount>)>,
    /// The health check, as `doctor` prints it, taken when the Settings section opens.
    pub health: Vec<crate::health::Line>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// What staff do inside the staff area, one section at a time.
pub enum StaffAction {
    Open(Section),
    QuickRange(QuickRange),
    ApplyRange,
    Export(ExportPlace),
    ExportBy(ExportBy),
    AddGroup,
    RemoveGroup(usize),
    /// "Copy counts to USB": a backup with no names, to this drive's mount point.
    CopyCounts(PathBuf),
    AddSlot,
    RemoveSlot(usize),
    SaveSchedule,
    Cancel {
        date: NaiveDate,
        start: NaiveTime,
    },
    Restore {
        date: NaiveDate,
        start: NaiveTime,
    },
    ChooseScriptSet(String),
    ScriptLanguage(Lang),
    SaveScript,
    SaveSettings,
    /// Rings the chime once at the volume typed, so staff hear it before saving.
    PlayChime,
    /// The Export section's QR code on a view of its own, or back.
    ShowQr(bool),
    /// Removes suggested topics (the ids behind one line of counts).
    RemoveSuggestion(Vec<i64>),
    /// Lets typed words staff have read show on the script screen.
    AllowSuggestion(Vec<i64>),
    /// Erases typed words staff have read and will not show.
    TurnDownSuggestion(Vec<i64>),
}

impl Kiosk {
    pub(super) fn new_staff_state(&self) -> StaffState {
        let today = self.calendar.schedule.local_date(self.now());
        let range = quick_range(QuickRange::LastFourWeeks, today);
        let mut state = StaffState {
            section: Section::Attendance,
            from_text: range.0.to_string(),
            to_text: range.1.to_string(),
            range,
            report: None,
            csv: String::new(),
            qr: None,
            qr_shown: false,
            feedback: None,
            by: ExportBy::Session,
            groups: group_drafts(&self.settings),
            slots: slot_drafts(&self.settings),
            zone: self.settings.time_zone.name().to_string(),
            zone_search: String::new(),
            notes: HashMap::new(),
            script_name: self.settings.script.clone(),
            script_lang: self.visit.lang,
            script_draft: self.dir.load_script(
                &self.settings.script,
                self.visit.lang,
                &self.locales,
            ),
            settings_draft: settings_draft(&self.settings),
            todays_names: Vec::new(),
            script_names: self.dir.script_names(&self.locales),
            drives: Vec::new(),
            course_names: self.dir.course_names(),
            suggestions: Vec::new(),
            health: Vec::new(),
        };
        self.recount(&mut state);
        state
    }

    pub(super) fn todays_names(&self) -> Vec<(String, String)> {
        let Some(store) = self.storage.store() else {
            return Vec::new();
        };
        let today = self.calendar.schedule.local_date(self.now());
        let start = self
            .calendar
            .schedule
            .resolve_local(today.and_time(NaiveTime::MIN));
        let end = start + Duration::days(1);
        store
            .names_between(start, end)
            .unwrap_or_default()
            .into_iter()
            .map(|n| {
                (
                    self.locales
                        .tr(self.visit.lang)
                        .time(self.calendar.schedule.local_time(n.at)),
                    n.name,
                )
            })
            .collect()
    }

    /// Applies a staff-area intent to the staff area's state.
    pub(in crate::app) fn apply_staff(&mut self, action: StaffAction) {
        // The state leaves the screen while the kiosk (store, settings, files) works on it,
        // and goes back after: its handlers need the whole kiosk and the state at once.
        let Screen::Staff(mut state) = std::mem::replace(&mut self.visit.screen, Screen::Home)
        else {
            return;
        };
        state.feedback = None;
        self.apply_section(&mut state, action);
        self.visit.screen = Screen::Staff(state);
    }

    /// Allows the suggestions `ids` onto the script screen (`done` is `SuggestionAllowed`)
    /// or erases them (removed, or turned down unread by the room).
    fn change_suggestions(&mut self, state: &mut StaffState, ids: &[i64], done: Feedback) {
        let result = match self.storage.store_mut() {
            Some(store) if done == Feedback::SuggestionAllowed => store.allow_suggestions(ids),
            Some(store) => store.remove_suggestions(ids),
            None => Err(crate::error::StoreError::ReadOnly),
        };
        state.feedback = Some(match result {
            Ok(_) => done,
            Err(e) => Feedback::Failed(Failure::Suggestion, e.to_string()),
        });
        state.suggestions = self.suggestions_by_group();
    }

    pub(super) fn apply_section(&mut self, state: &mut StaffState, action: StaffAction) {
        match action {
            StaffAction::Open(section) => self.open_section(state, section),
            StaffAction::QuickRange(which) => {
                let today = self.calendar.schedule.local_date(self.now());
                state.range = quick_range(which, today);
                state.from_text = state.range.0.to_string();
                state.to_text = state.range.1.to_string();
                self.recount(state);
            }
            StaffAction::ApplyRange => self.apply_range(state),
            StaffAction::Export(place) => self.export(state, place),
            StaffAction::ExportBy(by) => {
                state.by = by;
                self.recount(state);
            }
            StaffAction::AddGroup => state.groups.push(GroupDraft {
                name: String::new(),
                room: String::new(),
                script: self.settings.script.clone(),
                course: None,
            }),
            StaffAction::RemoveGroup(i) => remove_group_draft(state, i),
            StaffAction::CopyCounts(drive) => self.copy_counts(state, &drive),
            StaffAction::AddSlot => {
                let last = state.slots.last().cloned();
                state.slots.push(SlotDraft {
                    weekday: last.as_ref().map_or(Weekday::Mon, |s| s.weekday.succ()),
                    start: last.as_ref().map_or("13:30".into(), |s| s.start.clone()),
                    end: last.as_ref().map_or("14:30".into(), |s| s.end.clone()),
                    group: last.map_or(0, |s| s.group),
                });
            }
            StaffAction::RemoveSuggestion(ids) => {
                self.change_suggestions(state, &ids, Feedback::SuggestionRemoved);
            }
            StaffAction::TurnDownSuggestion(ids) => {
                self.change_suggestions(state, &ids, Feedback::SuggestionTurnedDown);
            }
            StaffAction::AllowSuggestion(ids) => {
                self.change_suggestions(state, &ids, Feedback::SuggestionAllowed);
            }
            StaffAction::RemoveSlot(i) => {
                if i < state.slots.len() {
                    state.slots.remove(i);
                }
            }
            StaffAction::SaveSchedule => self.save_schedule(state),
            StaffAction::Cancel { date, start } => self.cancel_session(state, date, start),
            StaffAction::Restore { date, start } => self.restore_session(state, date, start),
            StaffAction::ChooseScriptSet(name) => {
                let mut settings = self.settings.clone();
                settings.set_script(&name);
                if self.save_settings(state, settings) {
                    state.script_name = name;
                    state.script_draft =
                        self.dir
                            .load_script(&state.script_name, state.script_lang, &self.locales);
                    state.feedback = Some(Feedback::ScriptChosen(state.script_name.clone()));
                }
            }
            StaffAction::ScriptLanguage(lang) => {
                state.script_lang = lang;
                state.script_draft = self
                    .dir
                    .load_script(&state.script_name, lang, &self.locales);
            }
            StaffAction::SaveScript => self.save_script(state),
            StaffAction::SaveSettings => self.save_settings_draft(state),
            StaffAction::PlayChime => {
                let typed = state.settings_draft.chime_volume.trim().parse::<u8>().ok();
                let volume = typed.filter(|v| config::CHIME_VOLUME.contains(u32::from(*v)));
                match volume {
                    Some(volume) => self.cues.bell.ring(volume),
                    None => {
                        state.feedback = Some(Feedback::OutOfRange {
                            field: NumberField::ChimeVolume,
                            min: config::CHIME_VOLUME.min,
                            max: config::CHIME_VOLUME.max,
                        });
                    }
                }
            }
            StaffAction::ShowQr(shown) => state.qr_shown = shown,
        }
    }

    fn open_section(&mut self, state: &mut StaffState, section: Section) {
        state.section = section;
        state.qr_shown = false;
        match section {
            Section::TodaysNames => state.todays_names = self.todays_names(),
            Section::Settings => {
                state.health = crate::health::in_kiosk(
                    &self.dir,
                    self.now(),
                    &self.settings,
                    self.settings_problem.clone(),
                    self.storage.store(),
                    self.storage.problem().and_then(StoreProblem::cause),
                    self.heard(),
                );
            }
            Section::Attendance | Section::Export => self.recount(state),
            Section::Script => state.suggestions = self.suggestions_by_group(),
            _ => {}
        }
    }

    /// The dates typed for the Attendance section, counted when they make a range.
    fn apply_range(&mut self, state: &mut StaffState) {
        let parse = |t: &str| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d");
        match (parse(&state.from_text), parse(&state.to_text)) {
            (Ok(from), Ok(to)) if from <= to => {
                state.range = (from, to);
                self.recount(state);
            }
            (Ok(_), Ok(_)) => state.feedback = Some(Feedback::DatesSwapped),
            _ => state.feedback = Some(Feedback::DateShape),
        }
    }

    fn cancel_session(&mut self, state: &mut StaffState, date: NaiveDate, start: NaiveTime) {
        let note = state.notes.get(&(date, start)).cloned().unwrap_or_default();
        let now = self.now();
        let result = match self.storage.store_mut() {
            Some(store) => store.cancel(date, start, note.trim(), now),
            None => Err(crate::error::StoreError::ReadOnly),
        };
        state.feedback = Some(match result {
            Ok(()) => Feedback::Cancelled(date, start),
            Err(e) => Feedback::Failed(Failure::Cancel, e.to_string()),
        });
        self.refresh_schedule();
    }

    fn restore_session(&mut self, state: &mut StaffState, date: NaiveDate, start: NaiveTime) {
        let result = match self.storage.store_mut() {
            Some(store) => store.uncancel(date, start).map(|_| ()),
            None => Err(crate::error::StoreError::ReadOnly),
        };
        state.feedback = Some(match result {
            Ok(()) => Feedback::Restored(date, start),
            Err(e) => Feedback::Failed(Failure::Restore, e.to_string()),
        });
        self.refresh_schedule();
    }

    fn save_script(&mut self, state: &mut StaffState) {
        let path = self.dir.script_path(&state.script_name, state.script_lang);
        let headings = self.locales.tr(state.script_lang).script_headings();
        let text = script::render(&state.script_draft, &headings);
        state.feedback = Some(match crate::fs::replace(&path, text.as_bytes()) {
            Ok(()) => {
                self.caches.script = None;
                Feedback::ScriptSaved
            }
            Err(e) => Feedback::Failed(Failure::Script, e.to_string()),
        });
    }

    /// The Settings section's fields, saved once every number is in its range.
    fn save_settings_draft(&mut self, state: &mut StaffState) {
        let d = state.settings_draft.clone();
        let numbers = (|| -> Result<(u32, u32, u32, u32, u32), Feedback> {
            Ok((
                parse_number(
                    &d.early_window_min,
                    NumberField::EarlyWindow,
                    config::EARLY_WINDOW_MIN,
                )?,
                parse_number(&d.wrap_up_min, NumberField::WrapUp, config::WRAP_UP_MIN)?,
                parse_number(&d.ended_min, NumberField::Ended, config::ENDED_MIN)?,
                parse_number(
                    &d.retention_days,
                    NumberField::Retention,
                    config::RETENTION_DAYS,
                )?,
                parse_number(
                    &d.chime_volume,
                    NumberField::ChimeVolume,
                    config::CHIME_VOLUME,
                )?,
            ))
        })();
        match numbers {
            Ok((early, wrap, ended, retention, chime_volume)) => {
                let mut s = self.settings.clone();
                s.set_name_and_room(&d.group_name, &d.room);
                s.language = d.language;
                s.text_size = d.text_size;
                s.early_window_min = early;
                s.wrap_up_min = wrap;
                s.ended_min = ended;
                s.retention_days = retention;
                s.chime = d.chime;
                s.chime_volume = chime_volume;
                if self.save_settings(state, s) {
                    self.visit.lang = self.settings.language;
                    self.visit.text_size = self.settings.text_size;
                    state.feedback = Some(Feedback::SettingsSaved);
                }
            }
            Err(why) => state.feedback = Some(why),
        }
    }
}

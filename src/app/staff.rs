//! The staff area's state and intents: PIN entry, attendance, export, schedule,
//! cancellations, scripts, settings, today's names and quitting.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use super::{Kiosk, Screen};
use crate::config::{self, Bounds, Settings};
use crate::domain::counts::Report;
use crate::domain::lang::Lang;
use crate::domain::pin::{self, PinLock};
use crate::domain::schedule::{Slot, SlotProblem, parse_hhmm, slot_problem};
use crate::domain::script::{self, Script};
use crate::error::PinFileError;
use crate::export;
use crate::staff_pin::{self, StaffPin};
use crate::words::calendar::LangWords as _;

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinPurpose {
    /// Staff type the PIN to come in.
    Enter,
    /// Choosing a new PIN (first run, or a change from Settings).
    Choose { first_run: bool },
    /// Typing the new PIN a second time.
    Confirm { first: String, first_run: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinMessage {
    Wrong,
    Locked,
    NotFourToEight,
    TooEasy,
    Different,
    CannotCheck(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinPad {
    pub purpose: PinPurpose,
    pub digits: String,
    pub message: Option<PinMessage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickRange {
    LastFourWeeks,
    ThisMonth,
    LastMonth,
    ThisYear,
}

/// A QR code as a plain grid of dark modules, ready to paint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrView {
    pub width: usize,
    pub dark: Vec<bool>,
    pub summary_only: bool,
}

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
    pub early_window_min: String,
    pub wrap_up_min: String,
    pub ended_min: String,
    pub retention_days: String,
}

/// What a staff action came to; the staff area says it in the kiosk's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feedback {
    PinSaved,
    SettingsSaved,
    ScriptSaved,
    ScriptChosen(String),
    Cancelled(NaiveDate, NaiveTime),
    Restored(NaiveDate, NaiveTime),
    ScheduleSaved,
    Exported(PathBuf),
    /// The CSV file could not be written there; the cause is technical, for staff.
    ExportFailed(ExportPlace, String),
    DatesSwapped,
    DateShape,
    NoDatabase,
    SlotTimes(Weekday),
    Slot(SlotProblem),
    UnknownZone(String),
    OutOfRange {
        field: NumberField,
        min: u32,
        max: u32,
    },
    /// A settings rule broken, as `validate()` words it for staff.
    Invalid(String),
    /// Something could not be saved or read; the cause is technical, for staff.
    Failed(Failure, String),
}

impl Feedback {
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            Feedback::PinSaved
                | Feedback::SettingsSaved
                | Feedback::ScriptSaved
                | Feedback::ScriptChosen(_)
                | Feedback::Cancelled(..)
                | Feedback::Restored(..)
                | Feedback::ScheduleSaved
                | Feedback::Exported(_)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberField {
    EarlyWindow,
    WrapUp,
    Ended,
    Retention,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    Counts,
    Cancel,
    Restore,
    Script,
    Settings,
}

/// Where staff chose to save the CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportPlace {
    /// A mounted removable drive, by its mount point.
    Drive(PathBuf),
    /// The data folder's `exports/`.
    Tablet,
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
    pub feedback: Option<Feedback>,
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffAction {
    Digit(char),
    DeleteDigit,
    SubmitPin,
    Lock,
    Open(Section),
    QuickRange(QuickRange),
    ApplyRange,
    Export(ExportPlace),
    AddSlot,
    RemoveSlot(usize),
    SaveSchedule,
    Cancel { date: NaiveDate, start: NaiveTime },
    Restore { date: NaiveDate, start: NaiveTime },
    ChooseScriptSet(String),
    ScriptLanguage(Lang),
    SaveScript,
    SaveSettings,
    ChangePin,
    Quit,
}

fn settings_draft(s: &Settings) -> SettingsDraft {
    SettingsDraft {
        group_name: s.group_name.clone(),
        room: s.room.clone(),
        language: s.language,
        early_window_min: s.early_window_min.to_string(),
        wrap_up_min: s.wrap_up_min.to_string(),
        ended_min: s.ended_min.to_string(),
        retention_days: s.retention_days.to_string(),
    }
}

fn slot_drafts(s: &Settings) -> Vec<SlotDraft> {
    s.slots
        .iter()
        .map(|slot| SlotDraft {
            weekday: slot.weekday,
            start: slot.start.format("%H:%M").to_string(),
            end: slot.end.format("%H:%M").to_string(),
        })
        .collect()
}

/// The dates of a quick choice, seen from `today`.
pub fn quick_range(which: QuickRange, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_of = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(today);
    match which {
        QuickRange::LastFourWeeks => (today - Duration::days(27), today),
        QuickRange::ThisMonth => (first_of(today.year(), today.month()), today),
        QuickRange::LastMonth => {
            let this = first_of(today.year(), today.month());
            let end = this.pred_opt().unwrap_or(this);
            (first_of(end.year(), end.month()), end)
        }
        QuickRange::ThisYear => (first_of(today.year(), 1), today),
    }
}

/// A whole number typed into a settings field, within the setting's bounds.
fn parse_number(text: &str, field: NumberField, bounds: Bounds) -> Result<u32, Feedback> {
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
    /// The PIN pad: "Choose a staff PIN" only when no PIN was ever set in this data folder.
    pub(super) fn open_staff_entry(&mut self) {
        let (purpose, message) = match self.load_pin(self.now()) {
            Ok(None) => (PinPurpose::Choose { first_run: true }, None),
            Ok(Some(_)) => (PinPurpose::Enter, None),
            Err(e) => {
                log::error!("{e}");
                (
                    PinPurpose::Enter,
                    Some(PinMessage::CannotCheck(e.to_string())),
                )
            }
        };
        self.screen = Screen::Pin(PinPad {
            purpose,
            digits: String::new(),
            message,
        });
    }

    /// Reads `staff-pin.toml` afresh (so `set-pin` run beside the kiosk counts at once) and
    /// keeps its lockout, clamped so it never ends more than the longest lock from `now`.
    pub(super) fn load_pin(
        &mut self,
        now: DateTime<Utc>,
    ) -> Result<Option<StaffPin>, PinFileError> {
        let path = self.dir.pin_path();
        let Some(mut found) = staff_pin::load(&path)? else {
            self.pin_lock = PinLock::default();
            return Ok(None);
        };
        let clamped = found.lock.clamped(now);
        if clamped != found.lock {
            found.lock = clamped;
            // Saved, so the clamp is not taken again from a later `now` and the wait ends.
            if let Err(e) = staff_pin::save(&path, &found) {
                log::error!("could not save the PIN lock: {e}");
            }
        }
        self.pin_lock = found.lock;
        Ok(Some(found))
    }

    fn new_staff_state(&self) -> StaffState {
        let today = self.schedule.local_date(self.now());
        let range = quick_range(QuickRange::LastFourWeeks, today);
        let mut state = StaffState {
            section: Section::Attendance,
            from_text: range.0.to_string(),
            to_text: range.1.to_string(),
            range,
            report: None,
            csv: String::new(),
            qr: None,
            feedback: None,
            slots: slot_drafts(&self.settings),
            zone: self.settings.time_zone.name().to_string(),
            zone_search: String::new(),
            notes: HashMap::new(),
            script_name: self.settings.script.clone(),
            script_lang: self.lang,
            script_draft: self.dir.load_script(&self.settings.script, self.lang),
            settings_draft: settings_draft(&self.settings),
            todays_names: Vec::new(),
            script_names: self.dir.script_names(),
            drives: Vec::new(),
        };
        self.recount(&mut state);
        state
    }

    /// Recounts the chosen range and rebuilds the CSV and QR code from it.
    fn recount(&self, state: &mut StaffState) {
        let Some(store) = &self.store else {
            state.report = None;
            return;
        };
        let (from, to) = state.range;
        match crate::report::counts(store, &self.schedule, from, to, self.now()) {
            Ok(report) => {
                state.csv = export::csv::to_string(&report);
                state.qr =
                    export::qr::for_export(&state.csv, &export::csv::summary(&report)).map(|qr| {
                        QrView {
                            width: qr.width(),
                            dark: (0..qr.width() * qr.width())
                                .map(|i| qr.dark(i % qr.width(), i / qr.width()))
                                .collect(),
                            summary_only: qr.summary_only,
                        }
                    });
                state.report = Some(report);
            }
            Err(e) => {
                log::error!("could not count attendance: {e}");
                state.feedback = Some(Feedback::Failed(Failure::Counts, e.to_string()));
            }
        }
    }

    fn todays_names(&self) -> Vec<(String, String)> {
        let Some(store) = &self.store else {
            return Vec::new();
        };
        let today = self.schedule.local_date(self.now());
        let start = self.schedule.resolve_local(today.and_time(NaiveTime::MIN));
        let end = start + Duration::days(1);
        store
            .names_between(start, end)
            .unwrap_or_default()
            .into_iter()
            .map(|n| (self.lang.time(self.schedule.local_time(n.at)), n.name))
            .collect()
    }

    /// The wrong-PIN lock as it stands, for the PIN pad to say when to try again.
    pub fn pin_locked_for(&self) -> Option<Duration> {
        pin::locked_for(self.pin_lock.locked_until, self.now())
    }

    pub(super) fn apply_staff(&mut self, action: StaffAction) {
        let now = self.now();
        match action {
            StaffAction::Digit(d) => {
                if let Screen::Pin(pad) = &mut self.screen
                    && pad.digits.len() < pin::MAX_DIGITS
                {
                    pad.digits.push(d);
                }
            }
            StaffAction::DeleteDigit => {
                if let Screen::Pin(pad) = &mut self.screen {
                    pad.digits.pop();
                }
            }
            StaffAction::SubmitPin => self.submit_pin(now),
            StaffAction::Lock => self.screen = Screen::Home,
            StaffAction::ChangePin => {
                self.screen = Screen::Pin(PinPad {
                    purpose: PinPurpose::Choose { first_run: false },
                    digits: String::new(),
                    message: None,
                });
            }
            StaffAction::Quit => {
                log::info!("staff quit the kiosk");
                self.quit_requested = true;
            }
            other => {
                if !matches!(self.screen, Screen::Staff(_)) {
                    return;
                }
                if let Screen::Staff(mut state) = std::mem::replace(&mut self.screen, Screen::Home)
                {
                    state.feedback = None;
                    self.apply_section(&mut state, other);
                    self.screen = Screen::Staff(state);
                }
            }
        }
    }

    fn apply_section(&mut self, state: &mut StaffState, action: StaffAction) {
        match action {
            StaffAction::Open(section) => {
                state.section = section;
                match section {
                    Section::TodaysNames => state.todays_names = self.todays_names(),
                    Section::Attendance | Section::Export => self.recount(state),
                    _ => {}
                }
            }
            StaffAction::QuickRange(which) => {
                let today = self.schedule.local_date(self.now());
                state.range = quick_range(which, today);
                state.from_text = state.range.0.to_string();
                state.to_text = state.range.1.to_string();
                self.recount(state);
            }
            StaffAction::ApplyRange => {
                let parse = |t: &str| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d");
                match (parse(&state.from_text), parse(&state.to_text)) {
                    (Ok(from), Ok(to)) if from <= to => {
                        state.range = (from, to);
                        self.recount(state);
                    }
                    (Ok(_), Ok(_)) => {
                        state.feedback = Some(Feedback::DatesSwapped);
                    }
                    _ => {
                        state.feedback = Some(Feedback::DateShape);
                    }
                }
            }
            StaffAction::Export(place) => self.export(state, place),
            StaffAction::AddSlot => {
                let last = state.slots.last().cloned();
                state.slots.push(SlotDraft {
                    weekday: last.as_ref().map_or(Weekday::Mon, |s| s.weekday.succ()),
                    start: last.as_ref().map_or("13:30".into(), |s| s.start.clone()),
                    end: last.map_or("14:30".into(), |s| s.end),
                });
            }
            StaffAction::RemoveSlot(i) => {
                if i < state.slots.len() {
                    state.slots.remove(i);
                }
            }
            StaffAction::SaveSchedule => self.save_schedule(state),
            StaffAction::Cancel { date, start } => {
                let note = state.notes.get(&(date, start)).cloned().unwrap_or_default();
                let now = self.now();
                let result = match &mut self.store {
                    Some(store) => store.cancel(date, start, note.trim(), now),
                    None => Err(crate::error::StoreError::ReadOnly),
                };
                state.feedback = Some(match result {
                    Ok(()) => Feedback::Cancelled(date, start),
                    Err(e) => Feedback::Failed(Failure::Cancel, e.to_string()),
                });
                self.refresh_schedule();
            }
            StaffAction::Restore { date, start } => {
                let result = match &mut self.store {
                    Some(store) => store.uncancel(date, start).map(|_| ()),
                    None => Err(crate::error::StoreError::ReadOnly),
                };
                state.feedback = Some(match result {
                    Ok(()) => Feedback::Restored(date, start),
                    Err(e) => Feedback::Failed(Failure::Restore, e.to_string()),
                });
                self.refresh_schedule();
            }
            StaffAction::ChooseScriptSet(name) => {
                let mut settings = self.settings.clone();
                settings.script.clone_from(&name);
                if self.save_settings(state, settings) {
                    state.script_name = name;
                    state.script_draft =
                        self.dir.load_script(&state.script_name, state.script_lang);
                    state.feedback = Some(Feedback::ScriptChosen(state.script_name.clone()));
                }
            }
            StaffAction::ScriptLanguage(lang) => {
                state.script_lang = lang;
                state.script_draft = self.dir.load_script(&state.script_name, lang);
            }
            StaffAction::SaveScript => {
                let path = self.dir.script_path(&state.script_name, state.script_lang);
                let text = script::render(&state.script_draft, state.script_lang);
                state.feedback = Some(match crate::fs::replace(&path, text.as_bytes()) {
                    Ok(()) => {
                        self.script_cache = None;
                        Feedback::ScriptSaved
                    }
                    Err(e) => Feedback::Failed(Failure::Script, e.to_string()),
                });
            }
            StaffAction::SaveSettings => {
                let d = state.settings_draft.clone();
                let numbers = (|| -> Result<(u32, u32, u32, u32), Feedback> {
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
                    ))
                })();
                match numbers {
                    Ok((early, wrap, ended, retention)) => {
                        let mut s = self.settings.clone();
                        s.group_name = d.group_name.trim().to_string();
                        s.room = d.room.trim().to_string();
                        s.language = d.language;
                        s.early_window_min = early;
                        s.wrap_up_min = wrap;
                        s.ended_min = ended;
                        s.retention_days = retention;
                        if self.save_settings(state, s) {
                            self.lang = self.settings.language;
                            state.feedback = Some(Feedback::SettingsSaved);
                        }
                    }
                    Err(why) => state.feedback = Some(why),
                }
            }
            StaffAction::Digit(_)
            | StaffAction::DeleteDigit
            | StaffAction::SubmitPin
            | StaffAction::Lock
            | StaffAction::ChangePin
            | StaffAction::Quit => {}
        }
    }

    fn export(&self, state: &mut StaffState, place: ExportPlace) {
        self.recount(state);
        if state.report.is_none() {
            state.feedback = Some(Feedback::NoDatabase);
            return;
        }
        let folder = match &place {
            ExportPlace::Drive(mount) => mount.clone(),
            ExportPlace::Tablet => {
                let folder = self.dir.exports_dir();
                let _ = std::fs::create_dir_all(&folder);
                folder
            }
        };
        let path = folder.join(export::destination::file_name(state.range.0, state.range.1));
        state.feedback = Some(match crate::fs::create_new(&path, state.csv.as_bytes()) {
            Ok(path) => {
                log::info!("attendance exported to {}", path.display());
                Feedback::Exported(path)
            }
            Err(e) => {
                log::error!("the export was not saved: {e}");
                Feedback::ExportFailed(place, e.to_string())
            }
        });
    }

    fn save_schedule(&mut self, state: &mut StaffState) {
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
    fn save_settings(&mut self, state: &mut StaffState, settings: Settings) -> bool {
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

    fn submit_pin(&mut self, now: DateTime<Utc>) {
        let Screen::Pin(pad) = &self.screen else {
            return;
        };
        let pad = pad.clone();
        let mut next = PinPad {
            purpose: pad.purpose.clone(),
            digits: String::new(),
            message: None,
        };
        match pad.purpose {
            PinPurpose::Enter => {
                // OK with nothing typed is a slip of the finger, not a guess.
                if pad.digits.is_empty() {
                    return;
                }
                let stored = match self.load_pin(now) {
                    Ok(Some(stored)) => stored,
                    Ok(None) => {
                        self.open_staff_entry();
                        return;
                    }
                    Err(e) => {
                        // The PIN could not be checked: staff are told why, and it is no try.
                        log::error!("{e}");
                        next.message = Some(PinMessage::CannotCheck(e.to_string()));
                        self.screen = Screen::Pin(next);
                        return;
                    }
                };
                if pin::locked_for(self.pin_lock.locked_until, now).is_some() {
                    next.message = Some(PinMessage::Locked);
                    self.screen = Screen::Pin(next);
                    return;
                }
                if pin::verify(&pad.digits, &stored.hash) {
                    if self.pin_lock != PinLock::default() {
                        self.pin_lock = PinLock::default();
                        self.save_pin_lock(stored.hash);
                    }
                    log::info!("staff area opened");
                    self.screen = Screen::Staff(Box::new(self.new_staff_state()));
                } else {
                    self.pin_lock = self.pin_lock.after_failure(now);
                    self.save_pin_lock(stored.hash);
                    log::warn!(
                        "a wrong staff PIN was typed ({} in a row)",
                        self.pin_lock.failures
                    );
                    next.message = Some(if self.pin_lock.locked_until.is_some() {
                        PinMessage::Locked
                    } else {
                        PinMessage::Wrong
                    });
                    self.screen = Screen::Pin(next);
                }
            }
            PinPurpose::Choose { first_run } => {
                if !pin::is_valid(&pad.digits) {
                    next.message = Some(PinMessage::NotFourToEight);
                } else if pin::is_too_easy(&pad.digits) {
                    next.message = Some(PinMessage::TooEasy);
                } else {
                    next.purpose = PinPurpose::Confirm {
                        first: pad.digits,
                        first_run,
                    };
                }
                self.screen = Screen::Pin(next);
            }
            PinPurpose::Confirm { first, first_run } => {
                if pad.digits != first {
                    next.purpose = PinPurpose::Choose { first_run };
                    next.message = Some(PinMessage::Different);
                    self.screen = Screen::Pin(next);
                    return;
                }
                // A PIN set meanwhile (say with `set-pin`) is never replaced from the pad
                // without it.
                if first_run && !matches!(staff_pin::load(&self.dir.pin_path()), Ok(None)) {
                    self.open_staff_entry();
                    return;
                }
                match staff_pin::set(&self.dir.pin_path(), &first) {
                    Ok(()) => {
                        log::info!("the staff PIN was set");
                        self.pin_lock = PinLock::default();
                        let mut state = self.new_staff_state();
                        if !first_run {
                            state.section = Section::Settings;
                        }
                        state.feedback = Some(Feedback::PinSaved);
                        self.screen = Screen::Staff(Box::new(state));
                    }
                    Err(e) => {
                        log::error!("{e}");
                        next.message = Some(PinMessage::CannotCheck(e.to_string()));
                        self.screen = Screen::Pin(next);
                    }
                }
            }
        }
    }

    /// Keeps the lockout in the PIN file, so a restart does not reset it.
    fn save_pin_lock(&self, hash: String) {
        let record = StaffPin {
            hash,
            lock: self.pin_lock,
        };
        if let Err(e) = staff_pin::save(&self.dir.pin_path(), &record) {
            log::error!("could not save the PIN lock: {e}");
        }
    }

    /// Erases first names older than the retention period, from every file; counts stay.
    /// Runs at start and then once a day.
    pub(super) fn purge_if_due(&mut self, now: DateTime<Utc>) {
        if now < self.next_purge {
            return;
        }
        self.next_purge = now + Duration::days(1);
        self.remove_old_damaged_copies(now);
        let cutoff = now - Duration::days(i64::from(self.settings.retention_days));
        if let Some(store) = &mut self.store {
            match store.purge_names_before(cutoff) {
                Ok(0) => {}
                Ok(n) => log::info!(
                    "erased {n} first names older than {} days",
                    self.settings.retention_days
                ),
                Err(e) => log::error!("could not erase old first names: {e}"),
            }
        }
    }

    /// Deletes damaged copies of the database once the retention period is over (they may
    /// hold first names), and notes when the others will go.
    pub(super) fn remove_old_damaged_copies(&mut self, now: DateTime<Utc>) {
        let keep = Duration::days(i64::from(self.settings.retention_days));
        let kept = crate::store::remove_damaged_before(&self.dir.db_path(), now - keep);
        self.damaged_until = kept.iter().map(|c| c.made + keep).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn quick_ranges_cover_the_expected_days() {
        let today = d(2026, 1, 14);
        assert_eq!(
            quick_range(QuickRange::LastFourWeeks, today),
            (d(2025, 12, 18), today)
        );
        assert_eq!(
            quick_range(QuickRange::ThisMonth, today),
            (d(2026, 1, 1), today)
        );
        assert_eq!(
            quick_range(QuickRange::LastMonth, today),
            (d(2025, 12, 1), d(2025, 12, 31))
        );
        assert_eq!(
            quick_range(QuickRange::ThisYear, today),
            (d(2026, 1, 1), today)
        );
    }
}

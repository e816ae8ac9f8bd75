//! The kiosk's state, with no drawing in it: what each frame shows (`frame`), the intents
//! a screen sends (`apply`), time passing (`tick`) and when the next frame is due
//! (`next_wake`). The `ui` draws it.

pub mod action;
mod groups;
mod parts;
pub mod staff;
pub mod state;
mod storage;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::clock::Clock;
use crate::config::{self, Settings};
use crate::data::DataDir;
use crate::domain::lang::Lang;
use crate::domain::schedule::Schedule;
use crate::domain::script::Script;
use crate::domain::text_size::TextSize;
use crate::domain::timer::{self, Status};
use crate::domain::visit::NewSignIn;
use crate::error::StoreError;
use crate::locale::{Locales, Tr};
use crate::store::Store;

pub use action::Action;
pub use groups::GroupNow;
pub use parts::Visit;
use parts::{Caches, Calendar, Chores, Cues};
pub use staff::{Section, StaffAction};
pub use state::{Confirmation, Layout, Outcome, Screen, Sent, Suggestion};
pub use storage::{Recovered, Storage, StoreProblem, open_store};

/// The time between the timer panel's frames while it pulses.
pub const PULSE_FRAME: chrono::Duration = chrono::Duration::milliseconds(40);

pub struct Kiosk {
    dir: DataDir,
    clock: Arc<dyn Clock>,
    pub settings: Settings,
    /// Every language found at start: built in, and the data folder's `locales/`.
    locales: Locales,
    /// For staff: what is wrong with `settings.toml`, if anything.
    pub settings_problem: Option<config::SettingsProblem>,
    /// The attendance database, open or not, and what staff are told about it.
    storage: Storage,
    /// The person at the tablet now.
    pub visit: Visit,
    calendar: Calendar,
    caches: Caches,
    chores: Chores,
    cues: Cues,
    /// The staff area's lock: the wrong-PIN lockout as last read from or written to
    /// `staff-pin.toml`.
    pin_lock: crate::staff_pin::PinLock,
    /// Set when staff choose "Quit kiosk"; the window closes on the next frame.
    pub quit_requested: bool,
    /// A practice run (`--pretend-now` on a temporary folder): Home says so.
    pub practice: bool,
    /// The removable drives mounted now; `/proc/mounts` unless a test offers its own.
    drives: Box<dyn Fn() -> Vec<PathBuf>>,
}

/// What a screen may read while it draws: values, never words (the ui says them).
pub struct View<'a> {
    pub lang: Lang,
    /// Every language found, for the choice of language and the words of `lang`.
    pub locales: &'a Locales,
    pub text_size: TextSize,
    pub settings: &'a Settings,
    pub schedule: &'a Schedule,
    pub status: Status,
    /// How far the timer panel's pulse has gone (0.0 to 1.0 and back) while it runs.
    pub pulse: Option<f32>,
    pub now: DateTime<Utc>,
    /// Sign-ins in the current session, a repeat of a name included, for the facilitator
    /// (the people counted once each are the staff area's).
    pub session_sign_ins: Option<u64>,
    pub script: Option<&'a Script>,
    /// For staff: what is wrong with `settings.toml`, said in the staff area's language.
    pub settings_problem: Option<&'a config::SettingsProblem>,
    /// For staff: why attendance cannot be saved or was reset.
    pub store_problem: Option<&'a StoreProblem>,
    /// For staff: when each damaged copy of the database still kept will be deleted.
    pub damaged_until: &'a [DateTime<Utc>],
    pub pin_locked_for: Option<chrono::Duration>,
    pub practice: bool,
    /// The group that is on or next: its name and room for Home, and for a course the
    /// meeting's topic (Home under the name, the script screen above the opening words).
    pub group_now: Option<GroupNow>,
    /// Each group's week in `lang`, one line per group that meets:
    /// "Drop-in group · Mon · Wed · Fri 1:30–2:30 PM", "Eight-week course · Tue 6–7:30 PM".
    pub group_schedules: Vec<String>,
    /// The script screen only (never Home): topics suggested for its group since the
    /// group's last meeting, most asked for first.
    pub suggestions: Vec<crate::domain::suggestions::SuggestionCount>,
    /// The data folder, named in the health check's advice.
    pub data_root: &'a std::path::Path,
}

impl<'a> View<'a> {
    /// The words of the language on screen.
    pub fn tr(&self) -> Tr<'a> {
        self.locales.tr(self.lang)
    }
}

impl Kiosk {
    /// Loads settings and opens the store; a problem with either is kept for staff, and the
    /// kiosk runs anyway.
    pub fn new(dir: DataDir, clock: Arc<dyn Clock>) -> Kiosk {
        let storage = open_store(&dir, clock.now());
        Kiosk::with_store(dir, clock, storage)
    }

    /// A kiosk on a store opened by the caller (or none, with the reason for staff).
    pub fn with_store(dir: DataDir, clock: Arc<dyn Clock>, storage: Storage) -> Kiosk {
        let mut loaded = config::load(&dir.settings_path());
        let locales = Locales::load(Some(&dir.locales_dir()));
        if !locales.has(loaded.settings.language) {
            let problem = loaded.problem.get_or_insert(config::SettingsProblem {
                file: None,
                running_on: None,
                missing_language: None,
            });
            problem.missing_language = Some(loaded.settings.language);
            loaded.settings.language = Lang::EN;
        }
        if let Some(problem) = &loaded.problem {
            let english = locales.tr(Lang::EN);
            log::warn!("{}", crate::words::settings::problem(problem, &english));
        }
        let now = clock.now();
        let mut kiosk = Kiosk {
            visit: Visit {
                screen: Screen::Home,
                lang: loaded.settings.language,
                text_size: loaded.settings.text_size,
                last_touch: now,
                sign_in_visits: 0,
                suggest_visits: 0,
            },
            calendar: Calendar {
                schedule: loaded.settings.schedule(Vec::new()),
                courses: Vec::new(),
                first_run: dir.first_run(now),
            },
            settings: loaded.settings,
            locales,
            settings_problem: loaded.problem,
            storage,
            caches: Caches::default(),
            chores: Chores {
                next_purge: DateTime::UNIX_EPOCH,
                last_backup: None,
                // Not before the first frame: the screen comes first, the copy a moment later.
                next_backup_try: now + storage::START_BACKUP_DELAY,
                damaged_until: Vec::new(),
            },
            cues: Cues {
                last: None,
                pulse_since: None,
                bell: Box::new(crate::chime::Speaker::default()),
            },
            pin_lock: crate::staff_pin::PinLock::default(),
            quit_requested: false,
            practice: false,
            drives: Box::new(crate::export::destination::mounted_drives),
            dir,
            clock,
        };
        if let Err(e) = kiosk.load_pin(kiosk.now()) {
            log::error!("{e}");
        }
        kiosk.refresh_schedule();
        kiosk.purge_if_due(kiosk.now());
        kiosk
    }

    /// What rings the chime (tests offer one that records).
    pub fn set_bell(&mut self, bell: impl crate::chime::Bell + 'static) {
        self.cues.bell = Box::new(bell);
    }

    /// What the chime's sound device last did, for the staff area's health check.
    pub fn heard(&self) -> crate::chime::Heard {
        self.cues.bell.heard()
    }

    /// Where the Export section looks for removable drives (tests offer temporary folders).
    pub fn set_drive_source(&mut self, drives: impl Fn() -> Vec<PathBuf> + 'static) {
        self.drives = Box::new(drives);
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn store(&self) -> Option<&Store> {
        self.storage.store()
    }

    /// Every language found at start.
    pub fn locales(&self) -> &Locales {
        &self.locales
    }

    /// For staff: why attendance cannot be saved or was reset, if so.
    pub fn store_problem(&self) -> Option<&StoreProblem> {
        self.storage.problem()
    }

    /// For staff: when each damaged copy of the database still kept will be deleted.
    pub fn damaged_until(&self) -> &[DateTime<Utc>] {
        &self.chores.damaged_until
    }

    /// Rebuilds the schedule after settings or cancellations change.
    pub fn refresh_schedule(&mut self) {
        let cancellations = match self.storage.store() {
            Some(store) => store.cancellations().unwrap_or_else(|e| {
                log::error!("could not read cancellations: {e}");
                Vec::new()
            }),
            None => Vec::new(),
        };
        self.calendar.schedule = self.settings.schedule(cancellations);
        self.calendar.courses = self.dir.courses(&self.settings, &self.locales);
    }

    /// A touch, a key or typed text at `now`: an idle screen starts its wait again.
    pub fn touched(&mut self, now: DateTime<Utc>) {
        self.visit.last_touch = now;
    }

    /// Time passing, before each frame: the daily purge and backup, an untouched screen
    /// going Home, and the Export section's list of drives.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.purge_if_due(now);
        self.backup_if_due(now);
        self.cue_if_due(now);
        let status = self.status_at(now);
        if let Some(at) = state::home_at(&self.visit.screen, self.visit.last_touch, &status)
            && now >= at
        {
            self.go_home();
            // The language chosen by one person is not forced on the next.
            self.visit.lang = self.settings.language;
            self.visit.text_size = self.settings.text_size;
        }
        if let Screen::Staff(state) = &mut self.visit.screen
            && state.section == Section::Export
        {
            state.drives = (self.drives)();
        }
    }

    /// Wrap-up beginning or the session ending: the timer panel pulses once and, if staff
    /// chose so, the chime rings (on its own thread; this returns at once).
    fn cue_if_due(&mut self, now: DateTime<Utc>) {
        let Some(cue) = crate::domain::cue::due(
            &self.calendar.schedule,
            self.settings.windows(),
            now,
            self.cues.last,
        ) else {
            return;
        };
        self.cues.last = Some(cue.at);
        self.cues.pulse_since = Some(now);
        if self.settings.chime.rings_at(cue.moment) {
            let volume = u8::try_from(self.settings.chime_volume).unwrap_or(100);
            self.cues.bell.ring(volume);
        }
    }

    fn pulse_at(&self, now: DateTime<Utc>) -> Option<f32> {
        self.cues
            .pulse_since
            .and_then(|since| crate::domain::cue::pulse_level(since, now))
    }

    /// What is laid out on screen now, for the tap settle.
    pub fn layout(&self) -> Layout {
        Layout::of(&self.visit.screen, self.visit.text_size, self.visit.lang)
    }

    /// The timer at `now`.
    pub fn status_at(&self, now: DateTime<Utc>) -> Status {
        timer::status_at(&self.calendar.schedule, self.settings.windows(), now)
    }

    /// What this frame shows, and the screen itself, whose text fields a screen edits in
    /// place while it draws.
    pub fn frame(&mut self, now: DateTime<Utc>) -> (View<'_>, &mut Screen) {
        let status = self.status_at(now);
        let on_script = matches!(self.visit.screen, Screen::Script { .. });
        let count = if on_script {
            self.session_sign_ins(&status)
        } else {
            None
        };
        let group_now = self.group_now(&status, self.visit.lang);
        let suggestions = match (&status.occurrence, on_script) {
            (Some(occ), true) => self.cached_suggestions(occ),
            _ => Vec::new(),
        };
        if on_script {
            self.fill_script_cache(group_now.as_ref().map_or(0, |g| g.index));
        }
        let script = if on_script {
            self.caches.script.as_ref().map(|(_, _, _, s)| s)
        } else {
            None
        };
        let group_schedules = crate::words::groups::schedule_lines(
            &self.settings,
            &self.calendar.schedule,
            &self.locales.tr(self.visit.lang),
        );
        let view = View {
            lang: self.visit.lang,
            locales: &self.locales,
            text_size: self.visit.text_size,
            settings: &self.settings,
            schedule: &self.calendar.schedule,
            status,
            pulse: self.pulse_at(now),
            now,
            session_sign_ins: count,
            script,
            settings_problem: self.settings_problem.as_ref(),
            store_problem: self.storage.problem(),
            damaged_until: &self.chores.damaged_until,
            pin_locked_for: self.pin_locked_for(),
            practice: self.practice,
            group_now,
            group_schedules,
            suggestions,
            data_root: &self.dir.root,
        };
        (view, &mut self.visit.screen)
    }

    /// When the next frame is due if nobody touches anything: when the words change or a
    /// screen times out, never continuously.
    pub fn next_wake(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let status = self.status_at(now);
        let mut next = status.next_change(self.settings.windows());
        if let Some(at) = state::home_at(&self.visit.screen, self.visit.last_touch, &status) {
            next = next.min(at);
        }
        if self.pulse_at(now).is_some() {
            // The pulse's frames, 25 a second, only while it runs.
            next = next.min(now + PULSE_FRAME);
        }
        if matches!(&self.visit.screen, Screen::Staff(state) if state.section == Section::Export) {
            // A drive plugged in shows its button without anyone touching the screen.
            next = next.min(now + chrono::Duration::seconds(2));
        }
        next
    }

    fn go_home(&mut self) {
        if matches!(self.visit.screen, Screen::Confirm(_))
            || matches!(&self.visit.screen, Screen::Suggest(s) if s.sent.is_some())
        {
            // A sign-in is finished: the next person starts in the default language.
            self.visit.lang = self.settings.language;
            self.visit.text_size = self.settings.text_size;
        }
        self.visit.screen = Screen::Home;
    }

    pub fn apply(&mut self, action: Action) {
        let now = self.now();
        self.visit.last_touch = now;
        self.caches.suggestions = None;
        match action {
            Action::GoHome => self.go_home(),
            Action::OpenSignIn => {
                self.visit.sign_in_visits = self.visit.sign_in_visits.wrapping_add(1);
                self.visit.screen = Screen::SignIn {
                    name: String::new(),
                    visit: self.visit.sign_in_visits,
                }
            }
            Action::OpenScript => self.visit.screen = Screen::Script { closing: false },
            Action::OpenSuggest => self.open_suggest(),
            Action::SendSuggestion { topic, words } => self.send_suggestion(topic, &words, now),
            Action::OpenStaff => self.open_staff_entry(),
            Action::Pin(action) => self.apply_pin(action),
            Action::Staff(action) => self.apply_staff(action),
            Action::Quit => {
                log::info!("staff quit the kiosk");
                self.quit_requested = true;
            }
            Action::ShowClosingWords(closing) => self.visit.screen = Screen::Script { closing },
            Action::SetLanguage(lang) => {
                self.visit.lang = lang;
                if self.visit.screen == Screen::Languages {
                    self.visit.screen = Screen::Home;
                }
            }
            Action::OpenLanguages => self.visit.screen = Screen::Languages,
            Action::LargerText => self.visit.text_size = self.visit.text_size.next(),
            Action::SignIn(name) => {
                let outcome = self.sign_in(&name, now);
                self.visit.screen = Screen::Confirm(Confirmation {
                    outcome,
                    shown_at: now,
                });
            }
            Action::MarkFirstVisit | Action::UnmarkFirstVisit => {
                self.change_first_visit(action == Action::MarkFirstVisit);
            }
        }
    }

    /// The "first time here?" tap on the confirmation screen (`mark`), or taking it back.
    fn change_first_visit(&mut self, mark: bool) {
        let (
            Screen::Confirm(Confirmation {
                outcome:
                    Outcome::Counted {
                        id, first_visit, ..
                    },
                ..
            }),
            Some(store),
        ) = (&mut self.visit.screen, self.storage.store_mut())
        else {
            return;
        };
        match (mark, *first_visit) {
            (true, None) => match store.mark_first_visit(*id) {
                Ok(done) => *first_visit = Some(done),
                Err(e) => log::error!("a first-visit mark was not saved: {e}"),
            },
            (false, Some(done)) => match store.unmark_first_visit(done) {
                Ok(()) => *first_visit = None,
                Err(e) => log::error!("a first-visit mark was not taken back: {e}"),
            },
            _ => {}
        }
    }

    /// Stores a sign-in; the outcome is `Counted` only once the commit has returned.
    fn sign_in(&mut self, typed: &str, now: DateTime<Utc>) -> Outcome {
        let new = NewSignIn::new(
            typed,
            false,
            now,
            &self.calendar.schedule,
            self.settings.early_window_min,
        );
        let mut result = match self.storage.store_mut() {
            Some(store) => store.sign_in(&new),
            None => {
                log::error!("a sign-in was not saved: the attendance database is not open");
                return Outcome::NotSaved;
            }
        };
        if let Err(e @ StoreError::Corrupt { .. }) = &result {
            // Damage found mid-run: close it, keep the damaged file, start a fresh one, and
            // try once more.
            let cause = e.to_string();
            self.storage = Storage::Failed(StoreProblem::NotSaving { cause });
            self.storage = storage::start_fresh(&self.dir, now);
            self.remove_old_damaged_copies(now);
            result = match self.storage.store_mut() {
                Some(store) => store.sign_in(&new),
                None => return Outcome::NotSaved,
            };
        }
        match result {
            Ok(receipt) => {
                self.caches.count = None;
                Outcome::Counted {
                    id: receipt.id,
                    name: new.name,
                    first_visit: None,
                }
            }
            Err(e) => {
                log::error!("a sign-in was not saved: {e}");
                self.storage.note(StoreProblem::SignInNotSaved {
                    cause: e.to_string(),
                });
                Outcome::NotSaved
            }
        }
    }
}

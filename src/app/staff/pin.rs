//! The PIN pad in front of the staff area: entering the PIN, choosing one on first run or
//! from Settings, and the wrong-PIN lockout kept in `staff-pin.toml`.

use chrono::{DateTime, Duration, Utc};

use super::{Feedback, Section};
use crate::app::{Kiosk, Screen};
use crate::error::PinFileError;
use crate::staff_pin::{self, PinLock, StaffPin, rules};

/// What a finger or a keyboard does on the PIN pad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinAction {
    Digit(char),
    Delete,
    Submit,
    /// "Change PIN" in the staff Settings: choose a new one, typed twice.
    Change,
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
    Refused(rules::Refusal),
    CannotCheck(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinPad {
    pub purpose: PinPurpose,
    pub digits: String,
    pub message: Option<PinMessage>,
}

impl Kiosk {
    pub(in crate::app) fn apply_pin(&mut self, action: PinAction) {
        match action {
            PinAction::Digit(d) => {
                if let Screen::Pin(pad) = &mut self.visit.screen
                    && pad.digits.len() < rules::MAX_DIGITS
                {
                    pad.digits.push(d);
                }
            }
            PinAction::Delete => {
                if let Screen::Pin(pad) = &mut self.visit.screen {
                    pad.digits.pop();
                }
            }
            PinAction::Submit => self.submit_pin(self.now()),
            PinAction::Change => {
                self.visit.screen = Screen::Pin(PinPad {
                    purpose: PinPurpose::Choose { first_run: false },
                    digits: String::new(),
                    message: None,
                });
            }
        }
    }

    /// The PIN pad: "Choose a staff PIN" only when no PIN was ever set in this data folder.
    pub(in crate::app) fn open_staff_entry(&mut self) {
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
        self.visit.screen = Screen::Pin(PinPad {
            purpose,
            digits: String::new(),
            message,
        });
    }

    /// Reads `staff-pin.toml` afresh (so `set-pin` run beside the kiosk counts at once) and
    /// keeps its lockout, clamped so it never ends more than the longest lock from `now`.
    pub(in crate::app) fn load_pin(
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

    /// The wrong-PIN lock as it stands, for the PIN pad to say when to try again.
    pub fn pin_locked_for(&self) -> Option<Duration> {
        rules::locked_for(self.pin_lock.locked_until, self.now())
    }

    pub(super) fn submit_pin(&mut self, now: DateTime<Utc>) {
        let Screen::Pin(pad) = &self.visit.screen else {
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
                        self.visit.screen = Screen::Pin(next);
                        return;
                    }
                };
                if rules::locked_for(self.pin_lock.locked_until, now).is_some() {
                    next.message = Some(PinMessage::Locked);
                    self.visit.screen = Screen::Pin(next);
                    return;
                }
                if staff_pin::verify(&pad.digits, &stored.hash) {
                    if self.pin_lock != PinLock::default() {
                        self.pin_lock = PinLock::default();
                        self.save_pin_lock(stored.hash);
                    }
                    log::info!("staff area opened");
                    self.visit.screen = Screen::Staff(Box::new(self.new_staff_state()));
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
                    self.visit.screen = Screen::Pin(next);
                }
            }
            PinPurpose::Choose { first_run } => {
                if let Some(refusal) = rules::refusal(&pad.digits) {
                    next.message = Some(PinMessage::Refused(refusal));
                } else {
                    next.purpose = PinPurpose::Confirm {
                        first: pad.digits,
                        first_run,
                    };
                }
                self.visit.screen = Screen::Pin(next);
            }
            PinPurpose::Confirm { first, first_run } => {
                if pad.digits != first {
                    next.purpose = PinPurpose::Choose { first_run };
                    next.message = Some(PinMessage::Refused(rules::Refusal::Different));
                    self.visit.screen = Screen::Pin(next);
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
                        self.visit.screen = Screen::Staff(Box::new(state));
                    }
                    Err(e) => {
                        log::error!("{e}");
                        next.message = Some(PinMessage::CannotCheck(e.to_string()));
                        self.visit.screen = Screen::Pin(next);
                    }
                }
            }
        }
    }

    /// Keeps the lockout in the PIN file, so a restart does not reset it.
    pub(super) fn save_pin_lock(&self, hash: String) {
        let record = StaffPin {
            hash,
            lock: self.pin_lock,
        };
        if let Err(e) = staff_pin::save(&self.dir.pin_path(), &record) {
            log::error!("could not save the PIN lock: {e}");
        }
    }
}

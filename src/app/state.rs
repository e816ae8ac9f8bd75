//! What the kiosk is showing, and when an untouched screen goes back to Home.

use chrono::{DateTime, Duration, Utc};

use super::staff::{PinPad, StaffState};
use crate::domain::suggestions::CommonTopic;
use crate::domain::timer::{Phase, Status};

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    /// `visit` numbers each opening, so the name field of one person is never the field
    /// (with its undo history) of the next.
    SignIn {
        name: String,
        visit: u64,
    },
    Confirm(Confirmation),
    Script {
        closing: bool,
    },
    /// "Suggest a topic": no name, nothing tied to a sign-in.
    Suggest(Suggestion),
    Pin(PinPad),
    Staff(Box<StaffState>),
    /// Every language in its own name, when there are more than Home lists in a row.
    Languages,
}

/// The suggest screen as it is being filled in; the screen edits `topic` and `words` in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The common topic tapped, if any.
    pub topic: Option<CommonTopic>,
    /// A few words typed, if any.
    pub words: String,
    /// Showing the field and keyboard instead of the topics (a small screen cannot hold both).
    pub typing: bool,
    /// Numbers each opening, so one person's words field is never the next person's.
    pub visit: u64,
    /// Set once "Send" has been tapped: when, and whether it was stored.
    pub sent: Option<Sent>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub at: DateTime<Utc>,
    pub saved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub outcome: Outcome,
    pub shown_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored and committed.
    /// A repeat in the same session sees exactly this too, so nobody can test whether a
    /// given name is already here.
    Counted {
        id: i64,
        name: Option<String>,
        /// The "first time here?" tap, while it can still be taken back on this screen.
        first_visit: Option<crate::store::FirstVisitMark>,
    },
    /// Not stored; the participant sees a calm line and staff see why in the log.
    NotSaved,
}

/// What is laid out on screen, as far as a tap is concerned: it changes when another screen
/// appears or the controls of one move (another staff section, the closing words, the
/// first-visit answer, larger text, another language), and a new layout ignores taps for a
/// moment (`domain::settle`). Typing a letter or a PIN digit moves nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    screen: u8,
    variant: u8,
    text_size: crate::domain::text_size::TextSize,
    lang: crate::domain::lang::Lang,
}

impl Layout {
    pub fn of(
        screen: &Screen,
        text_size: crate::domain::text_size::TextSize,
        lang: crate::domain::lang::Lang,
    ) -> Layout {
        let (screen, variant) = match screen {
            Screen::Home => (0, 0),
            Screen::SignIn { .. } => (1, 0),
            Screen::Confirm(c) => (
                2,
                u8::from(matches!(
                    c.outcome,
                    Outcome::Counted {
                        first_visit: Some(_),
                        ..
                    }
                )),
            ),
            Screen::Script { closing } => (3, u8::from(*closing)),
            Screen::Suggest(s) => (4, u8::from(s.typing) + 2 * u8::from(s.sent.is_some())),
            Screen::Pin(_) => (5, 0),
            Screen::Staff(state) => (6, state.section as u8 + 16 * u8::from(state.qr_shown)),
            Screen::Languages => (7, 0),
        };
        Layout {
            screen,
            variant,
            text_size,
            lang,
        }
    }
}

/// How long the confirmation stays before going back to Home on its own.
pub const CONFIRM_SHOWN: Duration = Duration::seconds(6);
/// Sign-in left untouched this long goes back to Home.
pub const SIGN_IN_IDLE: Duration = Duration::seconds(60);
/// The script stays while a session runs; outside one, this long untouched goes Home,
/// and it goes Home this long after a session ends.
pub const SCRIPT_IDLE: Duration = Duration::minutes(10);
/// The staff area locks itself after this long untouched.
pub const STAFF_IDLE: Duration = Duration::minutes(2);

/// When `screen`, last touched at `last_touch`, should go back to Home on its own;
/// `None` while it should stay. Pure: `status` carries `now`.
pub fn home_at(
    screen: &Screen,
    last_touch: DateTime<Utc>,
    status: &Status,
) -> Option<DateTime<Utc>> {
    match screen {
        Screen::Home => None,
        Screen::SignIn { .. } | Screen::Pin(_) | Screen::Languages => {
            Some(last_touch + SIGN_IN_IDLE)
        }
        Screen::Suggest(s) => match s.sent {
            Some(sent) => {
                Some((sent.at.max(last_touch) + CONFIRM_SHOWN).min(last_touch + SIGN_IN_IDLE))
            }
            None => Some(last_touch + SIGN_IN_IDLE),
        },
        Screen::Staff(_) => Some(last_touch + STAFF_IDLE),
        Screen::Confirm(c) => {
            Some((c.shown_at.max(last_touch) + CONFIRM_SHOWN).min(last_touch + SIGN_IN_IDLE))
        }
        Screen::Script { .. } => match status.phase {
            // A facilitator reads for minutes without touching anything.
            Phase::DoorsOpen | Phase::InSession | Phase::WrapUp => None,
            Phase::Ended => {
                let end = status.occurrence.as_ref().map_or(status.now, |o| o.end);
                Some((end + SCRIPT_IDLE).max(last_touch + SCRIPT_IDLE))
            }
            _ => Some(last_touch + SCRIPT_IDLE),
        },
    }
}

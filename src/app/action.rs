//! Intents a screen sends; the app applies them after drawing.

use super::staff::{PinAction, StaffAction};
use crate::domain::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    GoHome,
    OpenSignIn,
    OpenScript,
    /// The small staff entry: the PIN pad (or choosing a PIN on first run).
    OpenStaff,
    Pin(PinAction),
    Staff(StaffAction),
    /// "Quit kiosk" in the staff area: the window closes.
    Quit,
    /// Sign in with this typed name; an empty or blank name signs in anonymously.
    SignIn(String),
    /// The optional "first time here?" tap on the confirmation screen.
    MarkFirstVisit,
    SetLanguage(Lang),
    /// "Larger text": the next text size, back to normal after the largest.
    LargerText,
    ShowClosingWords(bool),
}

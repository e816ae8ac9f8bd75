//! Intents a screen sends; the app applies them after drawing.

use super::staff::{PinAction, StaffAction};
use crate::domain::lang::Lang;
use crate::domain::suggestions::CommonTopic;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    GoHome,
    OpenSignIn,
    OpenScript,
    /// The quiet "Suggest a topic" on Home.
    OpenSuggest,
    /// "Send" on the suggest screen: the topic tapped and the words typed (either may be
    /// empty); stored for the group that is on or next, with no name.
    SendSuggestion {
        topic: Option<CommonTopic>,
        words: String,
    },
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
    /// Takes that tap back, on the same screen (a shaky hand may have made it).
    UnmarkFirstVisit,
    SetLanguage(Lang),
    /// The one language button on Home when there are more languages than fit in a row.
    OpenLanguages,
    /// "Larger text": the next text size, back to normal after the largest.
    LargerText,
    ShowClosingWords(bool),
}

//! Intents a screen sends; the app applies them after drawing.

use crate::domain::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    GoHome,
    OpenSignIn,
    OpenScript,
    /// Sign in with this typed name; an empty or blank name signs in anonymously.
    SignIn(String),
    /// The optional "first time here?" tap on the confirmation screen.
    MarkFirstVisit,
    SetLanguage(Lang),
    ShowClosingWords(bool),
}

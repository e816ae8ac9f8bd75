//! What staff are told about the attendance database, in words. Every other word of the
//! screens is a Fluent message (`crate::locale`), asked for by id where it is drawn.

use crate::app::{Recovered, StoreProblem};
use crate::locale::Tr;
use crate::store::CopyState;

/// The store's problem as staff read it.
pub fn store_problem(problem: &StoreProblem, tr: &Tr<'_>) -> String {
    let path = |kept: &std::path::Path| kept.display().to_string();
    let why = |cause: &str| tr.a("store-not-saving", &[("why", cause.into())]);
    match problem {
        StoreProblem::NotSaving { cause } => why(cause),
        StoreProblem::DamagedNotMoved { cause } => {
            tr.a("store-damaged-not-moved", &[("why", cause.as_str().into())])
        }
        StoreProblem::Reset(Recovered::Counts {
            sign_ins,
            copy,
            kept,
        }) => {
            let copy = match copy {
                CopyState::NamesFree => {
                    tr.a("store-copy-names-free", &[("path", path(kept).into())])
                }
                CopyState::Deleted => tr.t("store-copy-deleted"),
                CopyState::Unchanged => {
                    tr.a("store-copy-unchanged", &[("path", path(kept).into())])
                }
            };
            let recovered = tr.a("store-recovered", &[("n", (*sign_ins).into())]);
            format!("{} {recovered} {copy}", tr.t("store-reset"))
        }
        StoreProblem::Reset(Recovered::Nothing { cause, kept }) => {
            let nothing = tr.a(
                "store-recovered-nothing",
                &[("why", cause.as_str().into()), ("path", path(kept).into())],
            );
            format!("{} {nothing}", tr.t("store-reset"))
        }
        StoreProblem::FreshNotOpened { cause, kept } => {
            let fresh = tr.a(
                "store-fresh-not-opened",
                &[("why", cause.as_str().into()), ("path", path(kept).into())],
            );
            format!("{} {fresh}", tr.t("store-reset"))
        }
        StoreProblem::SignInNotSaved { cause } => {
            tr.a("store-sign-in-not-saved", &[("why", cause.as_str().into())])
        }
        StoreProblem::SuggestionNotSaved { cause } => tr.a(
            "store-suggestion-not-saved",
            &[("why", cause.as_str().into())],
        ),
    }
}

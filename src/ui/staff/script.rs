//! Script: choose the set, edit the opening and closing words in each language, and see
//! them with the placeholders filled in.

use egui::{RichText, ScrollArea, TextEdit, Ui};

use crate::app::staff::StaffState;
use crate::app::{Action, StaffAction, View};
use crate::ui::{theme, widgets};
use crate::words::script::filled as fill_script;

pub fn script_ui(ui: &mut Ui, view: &View<'_>, state: &mut StaffState, actions: &mut Vec<Action>) {
    let w = view.tr();
    // Words typed at the tablet come first, so staff read them before anything else here.
    waiting_suggestions_ui(ui, view, state, actions);
    ui.horizontal_wrapped(|ui| {
        ui.label(w.t("staff-script-set"));
        for name in &state.script_names {
            if widgets::choice_button(ui, name, *name == state.script_name).clicked() {
                actions.push(Action::Staff(StaffAction::ChooseScriptSet(name.clone())));
            }
        }
        ui.label(w.t("staff-editing-language"));
        for (lang, name) in view.locales.languages() {
            if widgets::choice_button(ui, name, state.script_lang == lang).clicked() {
                actions.push(Action::Staff(StaffAction::ScriptLanguage(lang)));
            }
        }
    });
    let lw = view.locales.tr(state.script_lang);
    ui.columns(2, |cols| {
        let left = &mut cols[0];
        ScrollArea::vertical()
            .id_salt("script editors")
            .show(left, |ui| {
                let label = ui.label(lw.t("opening-words"));
                ui.add(
                    TextEdit::multiline(&mut state.script_draft.opening)
                        .desired_rows(7)
                        .desired_width(f32::INFINITY)
                        .font(theme::font(theme::sizes(ui.ctx()).small())),
                )
                .labelled_by(label.id);
                let label = ui.label(lw.t("closing-words"));
                ui.add(
                    TextEdit::multiline(&mut state.script_draft.closing)
                        .desired_rows(5)
                        .desired_width(f32::INFINITY)
                        .font(theme::font(theme::sizes(ui.ctx()).small())),
                )
                .labelled_by(label.id);
                if widgets::big_button(
                    ui,
                    &w.t("staff-save-script"),
                    egui::vec2(360.0, theme::sizes(ui.ctx()).touch()),
                )
                .clicked()
                {
                    actions.push(Action::Staff(StaffAction::SaveScript));
                }
                suggestions_ui(ui, view, state, actions);
            });
        let right = &mut cols[1];
        right.label(RichText::new(w.t("staff-preview")).strong());
        // Filled for the first group that reads this set, as its facilitator will see it.
        let group = view
            .settings
            .groups
            .iter()
            .position(|g| g.script == state.script_name)
            .unwrap_or_default();
        let filled = fill_script(
            &state.script_draft,
            view.settings,
            view.schedule,
            group,
            &lw,
        );
        ScrollArea::vertical()
            .id_salt("script preview")
            .show(right, |ui| {
                ui.label(RichText::new(filled.opening).size(theme::sizes(ui.ctx()).small()));
                ui.separator();
                ui.label(RichText::new(filled.closing).size(theme::sizes(ui.ctx()).small()));
            });
    });
}

/// Typed words nobody has read yet, per group: staff allow them onto the script screen, or
/// turn them down and they are erased.
fn waiting_suggestions_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &StaffState,
    actions: &mut Vec<Action>,
) {
    let g = view.tr();
    for (_, counts) in &state.suggestions {
        for count in counts.iter().filter(|c| !c.allowed) {
            let line = crate::ui::suggest::suggestion_line(view, count);
            ui.label(
                RichText::new(g.a(
                    "groups-suggestion-waiting",
                    &[("words", line.as_str().into())],
                ))
                .size(theme::SMALL_SIZE)
                .strong(),
            );
            ui.horizontal(|ui| {
                let allow = format!("{}: {line}", &g.t("groups-allow-suggestion"));
                if widgets::tab_button(ui, &allow, false).clicked() {
                    actions.push(Action::Staff(StaffAction::AllowSuggestion(
                        count.ids.clone(),
                    )));
                }
                let turn_down = format!("{}: {line}", &g.t("groups-turn-down-suggestion"));
                if widgets::tab_button(ui, &turn_down, false).clicked() {
                    actions.push(Action::Staff(StaffAction::TurnDownSuggestion(
                        count.ids.clone(),
                    )));
                }
            });
        }
    }
}

/// Each group's suggested topics for its next meeting as the script screen shows them, with
/// a way to remove one (an unkind or identifying line should never be read out).
fn suggestions_ui(ui: &mut Ui, view: &View<'_>, state: &StaffState, actions: &mut Vec<Action>) {
    let g = view.tr();
    for (group, counts) in &state.suggestions {
        ui.separator();
        ui.label(
            RichText::new(g.a("groups-suggestions-for", &[("group", group.into())]))
                .size(theme::SMALL_SIZE)
                .strong(),
        );
        if counts.is_empty() {
            ui.label(RichText::new(g.t("groups-suggestions-none")).size(theme::SMALL_SIZE));
        }
        for count in counts.iter().filter(|c| c.allowed) {
            ui.horizontal(|ui| {
                let line = crate::ui::suggest::suggestion_line(view, count);
                ui.label(RichText::new(&line).size(theme::SMALL_SIZE));
                let remove = format!("{}: {line}", &g.t("groups-remove-suggestion"));
                if widgets::tab_button(ui, &remove, false).clicked() {
                    actions.push(Action::Staff(StaffAction::RemoveSuggestion(
                        count.ids.clone(),
                    )));
                }
            });
        }
    }
}

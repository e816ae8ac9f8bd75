//! Screens: thin functions that read a `View`, draw, and push `Action`s.

pub mod confirm;
pub mod home;
pub mod keyboard;
pub mod script;
pub mod sign_in;
pub mod staff;
pub mod text;
pub mod theme;
pub mod widgets;

use crate::app::{Action, Screen, View};

/// Draws the current screen on a full-window panel.
pub fn draw(ui: &mut egui::Ui, view: &View<'_>, screen: &mut Screen, actions: &mut Vec<Action>) {
    egui::Frame::new()
        .fill(theme::BACKGROUND)
        .inner_margin(theme::MARGIN)
        .show(ui, |ui| {
            ui.set_min_size(ui.available_size());
            match screen {
                Screen::Home => home::home_ui(ui, view, actions),
                Screen::SignIn { name } => sign_in::sign_in_ui(ui, view, name, actions),
                Screen::Confirm(confirmation) => {
                    confirm::confirm_ui(ui, view, confirmation, actions);
                }
                Screen::Script { closing } => script::script_ui(ui, view, *closing, actions),
                Screen::Pin(pad) => staff::pin::pin_ui(ui, view, pad, actions),
                Screen::Staff(state) => staff::staff_ui(ui, view, state, actions),
            }
        });
}

//! The kiosk on screen: the frame loop (`frame`) and thin screens that read a `View`,
//! draw, and push `Action`s.

pub mod confirm;
pub mod frame;
pub mod home;
pub mod keyboard;
pub mod languages;
pub mod scale;
pub mod script;
pub mod settle;
pub mod sign_in;
pub mod staff;
pub mod suggest;
pub mod text;
pub mod theme;
pub mod widgets;

use crate::app::{Action, Screen, View};

/// Draws the current screen over the whole window, scaled to fill the screen and shrunk if it
/// would not fit. The background is the colour the window clears each frame to
/// (`window::KioskApp::clear_color`), so no full-screen fill is painted on top of it.
pub fn draw(ui: &mut egui::Ui, view: &View<'_>, screen: &mut Screen, actions: &mut Vec<Action>) {
    forget_what_the_last_person_typed(ui, screen);
    let room = ui.max_rect();
    let viewport = ui.ctx().viewport_rect().size();
    let key = scale::FitKey {
        screen: screen_kind(screen),
        text_size: view.text_size,
        lang: view.lang,
        viewport: [viewport.x.round() as u32, viewport.y.round() as u32],
    };
    let (sizes, settled) = scale::begin(ui.ctx(), key, view.text_size);
    let drawn = egui::Frame::new()
        .inner_margin(sizes.px(f32::from(theme::MARGIN)))
        .show(ui, |ui| {
            ui.set_min_size(ui.available_size());
            match screen {
                Screen::Home => home::home_ui(ui, view, actions),
                Screen::SignIn { name, visit } => {
                    sign_in::sign_in_ui(ui, view, name, *visit, actions);
                }
                Screen::Confirm(confirmation) => {
                    confirm::confirm_ui(ui, view, confirmation, actions);
                }
                Screen::Script { closing } => script::script_ui(ui, view, *closing, actions),
                Screen::Suggest(suggestion) => {
                    suggest::suggest_ui(ui, view, suggestion, actions);
                }
                Screen::Pin(pad) => staff::pin::pin_ui(ui, view, pad, actions),
                Screen::Staff(state) => staff::staff_ui(ui, view, state, actions),
                Screen::Languages => languages::languages_ui(ui, view, actions),
            }
        });
    if settled {
        scale::end(ui.ctx(), key, drawn.response.rect, room);
    }
}

/// Which screen, for remembering how it fits.
fn screen_kind(screen: &Screen) -> u8 {
    match screen {
        Screen::Home => 0,
        Screen::SignIn { .. } => 1,
        Screen::Confirm(_) => 2,
        Screen::Script { .. } => 3,
        Screen::Pin(_) => 4,
        Screen::Staff(_) => 5,
        Screen::Suggest(_) => 6,
        Screen::Languages => 7,
    }
}

/// Nothing of one person reaches the next. Copy, cut and paste never reach a widget, so no
/// clipboard carries a name from one visit to another; and once a public screen other than
/// sign-in shows, every text field's remembered state (its undo history and selection) is
/// dropped, so Ctrl+Z on the next visit brings nothing back.
fn forget_what_the_last_person_typed(ui: &egui::Ui, screen: &Screen) {
    ui.input_mut(|i| {
        i.events.retain(|e| {
            !matches!(
                e,
                egui::Event::Copy | egui::Event::Cut | egui::Event::Paste(_)
            )
        });
    });
    if matches!(screen, Screen::Home | Screen::Confirm(_)) {
        ui.data_mut(egui::util::IdTypeMap::remove_by_type::<egui::text_edit::TextEditState>);
    }
}

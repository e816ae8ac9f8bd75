//! The PIN pad: big digits for entering, choosing and confirming the staff PIN.

use egui::{Align, Layout, RichText, Ui, Vec2};

use crate::app::staff::{PinAction, PinMessage, PinPad, PinPurpose};
use crate::app::{Action, View};
use crate::staff_pin::rules::Refusal;
use crate::ui::{theme, widgets};

/// "30 s", "2 min": when to try again, rounded up.
fn wait_words(left: chrono::Duration, w: &crate::locale::Tr<'_>) -> String {
    let secs = left.num_seconds().max(1);
    if secs < 60 {
        w.a("staff-pin-wait-seconds", &[("n", secs.into())])
    } else {
        w.a(
            "staff-pin-wait-minutes",
            &[("n", ((secs + 59) / 60).into())],
        )
    }
}

pub fn pin_ui(ui: &mut Ui, view: &View<'_>, pad: &PinPad, actions: &mut Vec<Action>) {
    let w = view.tr();
    // Taken before any key is drawn: a key holding the keyboard focus (after Tab) would take
    // Enter or Space as a press of itself, typing a digit or submitting twice.
    let (enters, _) = ui.input_mut(|i| {
        (
            i.count_and_consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            i.count_and_consume_key(egui::Modifiers::NONE, egui::Key::Space),
        )
    });
    let (title, hint) = match &pad.purpose {
        PinPurpose::Enter => (w.t("staff-pin-enter"), None),
        PinPurpose::Choose { .. } => (w.t("staff-pin-choose"), Some(w.t("staff-pin-choose-hint"))),
        PinPurpose::Confirm { .. } => (w.t("staff-pin-again"), None),
    };
    let s = theme::sizes(ui.ctx());
    let locked = view
        .pin_locked_for
        .filter(|_| pad.purpose == PinPurpose::Enter);
    let message = match (&pad.message, locked) {
        (_, Some(left)) => Some(w.a("staff-pin-locked", &[("time", wait_words(left, &w).into())])),
        (Some(PinMessage::Wrong), None) => Some(w.t("staff-pin-wrong")),
        (Some(PinMessage::Refused(refusal)), None) => Some(w.t(match refusal {
            Refusal::NotFourToEight => "staff-pin-shape",
            Refusal::TooEasy => "staff-pin-too-easy",
            Refusal::Different => "staff-pin-different",
        })),
        (Some(PinMessage::CannotCheck(why)), None) => {
            Some(w.a("staff-pin-cannot-check", &[("why", why.as_str().into())]))
        }
        (Some(PinMessage::Locked) | None, None) => None,
    };
    let words_ui = |ui: &mut Ui, actions: &mut Vec<Action>| {
        ui.label(RichText::new(&title).size(s.title()).strong());
        if let Some(hint) = &hint {
            ui.label(RichText::new(hint).size(s.body()).color(theme::TEXT_SOFT));
        }
        if let Some(message) = &message {
            ui.label(RichText::new(message).size(s.body()).color(theme::NOTICE));
        }
        let count = pad.digits.len();
        dots(
            ui,
            count,
            &w.a("staff-pin-digits-typed", &[("n", count.into())]),
        );
        if widgets::quiet_button(ui, &w.t("back")).clicked() {
            actions.push(Action::GoHome);
        }
    };
    if s.portrait {
        ui.with_layout(Layout::top_down(Align::Center), |ui| {
            words_ui(ui, actions);
            ui.add_space(s.gap());
            keys_ui(ui, view, actions);
        });
    } else {
        // Side by side, so the keys stay large on a short screen.
        ui.columns(2, |columns| {
            columns[0].with_layout(Layout::top_down(Align::Center), |ui| words_ui(ui, actions));
            columns[1].with_layout(Layout::top_down(Align::Center), |ui| {
                keys_ui(ui, view, actions);
            });
        });
    }
    // A physical keyboard works too.
    let typed: Vec<Action> = ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Text(t) => t
                    .chars()
                    .find(char::is_ascii_digit)
                    .map(|d| Action::Pin(PinAction::Digit(d))),
                egui::Event::Key {
                    key: egui::Key::Backspace,
                    pressed: true,
                    ..
                } => Some(Action::Pin(PinAction::Delete)),
                _ => None,
            })
            .collect()
    });
    actions.extend(typed);
    // After the digits, so a PIN typed and entered within one frame is submitted whole.
    actions.extend((0..enters).map(|_| Action::Pin(PinAction::Submit)));
}

/// The digits, delete and OK, sized to the room left.
fn keys_ui(ui: &mut Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    let w = view.tr();
    let s = theme::sizes(ui.ctx());
    let gap = s.gap();
    let key_h = ((ui.available_height() - gap * 3.0) / 4.0).clamp(s.touch(), s.px(78.0));
    let key_size = Vec2::new(
        s.px(150.0).min((ui.available_width() - gap * 2.0) / 3.0),
        key_h,
    );
    let delete = w.t("key-delete");
    let ok = w.t("staff-ok");
    let rows: [[&str; 3]; 4] = [
        ["1", "2", "3"],
        ["4", "5", "6"],
        ["7", "8", "9"],
        [&delete, "0", &ok],
    ];
    let pad_width = key_size.x * 3.0 + gap * 2.0;
    for row in rows {
        ui.allocate_ui_with_layout(
            Vec2::new(pad_width, key_size.y),
            Layout::left_to_right(Align::Center),
            |ui| {
                for label in row {
                    if widgets::key_button(ui, label, key_size) {
                        actions.push(Action::Pin(match label.chars().next() {
                            Some(d) if d.is_ascii_digit() && label.len() == 1 => {
                                PinAction::Digit(d)
                            }
                            _ if label == ok => PinAction::Submit,
                            _ => PinAction::Delete,
                        }));
                    }
                }
            },
        );
    }
}

/// One filled circle per digit typed; the digits themselves are never shown. `said` is what a
/// screen reader says.
fn dots(ui: &mut Ui, count: usize, said: &str) {
    let s = theme::sizes(ui.ctx());
    let step = s.px(40.0);
    let size = Vec2::new(8.0 * step, s.px(48.0));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, said));
    let painter = ui.painter();
    let first = rect.center().x - step / 2.0 * (count as f32 - 1.0);
    for i in 0..count {
        let x = first + step * i as f32;
        painter.circle_filled(egui::pos2(x, rect.center().y), s.px(13.0), theme::TEXT);
    }
}

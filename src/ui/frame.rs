//! The frame loop: notice touches, let time pass, draw the screen, apply the intents it
//! sent, let a new screen settle before it takes taps, and plan the next repaint (each
//! second while seconds show, else each minute, never continuously).

use egui::Ui;

use crate::app::Kiosk;

/// One frame of the kiosk.
pub fn show(ui: &mut Ui, kiosk: &mut Kiosk) {
    let now = kiosk.now();
    let layout = kiosk.layout();
    if touched(ui) {
        kiosk.touched(now);
    }
    kiosk.tick(now);
    let mut actions = Vec::new();
    {
        let (view, screen) = kiosk.frame(now);
        super::draw(ui, &view, screen, &mut actions);
    }
    let acted = !actions.is_empty();
    for action in actions {
        kiosk.apply(action);
    }
    if kiosk.layout() != layout {
        // A shaky second tap must not land on what just appeared under the finger.
        super::settle::screen_appeared(ui.ctx());
    }
    if acted {
        ui.ctx().request_repaint();
    } else {
        let wait = (kiosk.next_wake(now) - now).to_std().unwrap_or_default();
        ui.ctx()
            .request_repaint_after(wait + std::time::Duration::from_millis(5));
    }
}

/// A finger down, a key or typed text: someone is using the tablet.
fn touched(ui: &Ui) -> bool {
    ui.input(|i| {
        i.pointer.any_pressed()
            || i.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::Key { .. } | egui::Event::Text(_) | egui::Event::Paste(_)
                )
            })
    })
}

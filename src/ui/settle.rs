//! The settle gate between the window's input and egui: a finger that comes down on a
//! screen that has just appeared is dropped before any widget sees it, with whatever else
//! that finger does until it lifts. Keys and typed text always pass.

use std::collections::HashSet;

use egui::{Event, RawInput, TouchPhase};

use crate::domain::settle::Settle;

#[derive(Default)]
pub struct SettlePlugin {
    settle: Settle,
    /// The mouse or first finger's press was dropped: so is its release.
    pointer_dropped: bool,
    /// Fingers whose touch began while the screen was settling.
    touches_dropped: HashSet<(u64, u64)>,
}

impl SettlePlugin {
    /// The screen changed at `at` (seconds on egui's clock).
    pub fn appeared(&mut self, at: f64) {
        self.settle.appeared(at);
    }

    fn keep(&mut self, event: &Event, at: f64) -> bool {
        match event {
            Event::PointerButton { pressed: true, .. } => {
                let taken = self.settle.admits(at);
                self.pointer_dropped = !taken;
                taken
            }
            Event::PointerButton { pressed: false, .. } => {
                !std::mem::take(&mut self.pointer_dropped)
            }
            Event::Touch {
                device_id,
                id,
                phase,
                ..
            } => {
                let finger = (device_id.0, id.0);
                match phase {
                    TouchPhase::Start if !self.settle.admits(at) => {
                        self.touches_dropped.insert(finger);
                        false
                    }
                    TouchPhase::Start | TouchPhase::Move => !self.touches_dropped.contains(&finger),
                    TouchPhase::End | TouchPhase::Cancel => !self.touches_dropped.remove(&finger),
                }
            }
            _ => true,
        }
    }
}

impl egui::Plugin for SettlePlugin {
    fn debug_name(&self) -> &'static str {
        "tap settle"
    }

    fn input_hook(&mut self, ctx: &egui::Context, input: &mut RawInput) {
        // The time egui gives this pass: the window's, or the last one moved on by a frame.
        let at = input
            .time
            .unwrap_or_else(|| ctx.input(|i| i.time + f64::from(input.predicted_dt)));
        input.events.retain(|event| self.keep(event, at));
    }
}

/// The screen changed in this pass: taps wait for it to settle.
pub fn screen_appeared(ctx: &egui::Context) {
    let at = ctx.input(|i| i.time);
    ctx.plugin_or_default::<SettlePlugin>().lock().appeared(at);
}

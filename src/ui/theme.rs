//! Design tokens in one place: colours per timer phase, text sizes, spacing, touch sizes.
//! Every text/background pair here keeps a contrast ratio of at least 4.5:1.

use egui::{Color32, FontFamily, FontId, Stroke, Style, TextStyle, Visuals};

use crate::domain::timer::Phase;

pub const BACKGROUND: Color32 = Color32::from_rgb(0x0F, 0x14, 0x19);
pub const TEXT: Color32 = Color32::from_rgb(0xF5, 0xF7, 0xFA);
/// Secondary text, still well above 4.5:1 on the background.
pub const TEXT_SOFT: Color32 = Color32::from_rgb(0xC4, 0xCD, 0xD5);
pub const PANEL: Color32 = Color32::from_rgb(0x1F, 0x29, 0x33);
pub const BUTTON: Color32 = Color32::from_rgb(0x1D, 0x4E, 0xD8);
pub const BUTTON_TEXT: Color32 = Color32::WHITE;
pub const KEY: Color32 = Color32::from_rgb(0x33, 0x3D, 0x49);
pub const QUIET_BUTTON: Color32 = Color32::from_rgb(0x2A, 0x32, 0x3C);
pub const FIELD: Color32 = Color32::from_rgb(0x05, 0x08, 0x0B);
pub const NOTICE: Color32 = Color32::from_rgb(0xFF, 0xD5, 0x4A);
pub const NOTICE_TEXT: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);
pub const WARNING: Color32 = Color32::from_rgb(0x8A, 0x1C, 0x1C);

/// Background and text colour of the status band in each phase. Wrap-up also changes its
/// words and shows seconds, so colour is never the only sign.
pub fn phase_colors(phase: Phase) -> (Color32, Color32) {
    match phase {
        Phase::Upcoming => (PANEL, Color32::WHITE),
        Phase::DoorsOpen => (Color32::from_rgb(0x0B, 0x4F, 0x8A), Color32::WHITE),
        Phase::InSession => (Color32::from_rgb(0x0E, 0x6B, 0x3A), Color32::WHITE),
        Phase::WrapUp => (
            Color32::from_rgb(0xFF, 0xB0, 0x20),
            Color32::from_rgb(0x1A, 0x1A, 0x1A),
        ),
        Phase::Ended => (Color32::from_rgb(0x4B, 0x3F, 0x72), Color32::WHITE),
        Phase::Cancelled => (WARNING, Color32::WHITE),
    }
}

/// Text sizes in points. The tablet is read at arm's length by people who may not see well.
pub const STATUS_SIZE: f32 = 76.0;
pub const TITLE_SIZE: f32 = 44.0;
pub const BIG_BUTTON_SIZE: f32 = 38.0;
pub const BODY_SIZE: f32 = 30.0;
pub const SMALL_SIZE: f32 = 24.0;
pub const SCRIPT_SIZE: f32 = 34.0;
pub const KEY_SIZE: f32 = 34.0;

/// The smallest touch target, in points, for shaky hands.
pub const MIN_TOUCH: f32 = 64.0;
pub const BIG_BUTTON_HEIGHT: f32 = 190.0;
pub const KEY_HEIGHT: f32 = 72.0;
pub const GAP: f32 = 16.0;
pub const MARGIN: i8 = 24;
pub const CORNER: u8 = 14;

pub fn font(size: f32) -> FontId {
    FontId::new(size, FontFamily::Proportional)
}

/// Applies the kiosk look to egui's style: dark, high contrast, large text and targets.
pub fn apply(ctx: &egui::Context) {
    ctx.set_visuals(Visuals::dark());
    // A plugged-in keyboard can do nothing a finger cannot: egui's built-in Ctrl +/−/0 zoom
    // and Ctrl+Q quit are off, so the layout stays whole and only staff can close the kiosk.
    ctx.options_mut(|o| {
        o.zoom_with_keyboard = false;
        o.quit_shortcuts.clear();
    });
    ctx.all_styles_mut(|style: &mut Style| {
        // Nothing on screen can be selected and copied for the next person to paste.
        style.interaction.selectable_labels = false;
        // egui has these debug options only in builds with debug assertions.
        #[cfg(debug_assertions)]
        {
            style.debug.debug_on_hover_with_all_modifiers = false;
        }
        style.text_styles = [
            (TextStyle::Heading, font(TITLE_SIZE)),
            (TextStyle::Body, font(BODY_SIZE)),
            (TextStyle::Button, font(BODY_SIZE)),
            (TextStyle::Small, font(SMALL_SIZE)),
            (
                TextStyle::Monospace,
                FontId::new(BODY_SIZE, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.interact_size.y = MIN_TOUCH;
        style.spacing.button_padding = egui::vec2(20.0, 12.0);
        style.spacing.item_spacing = egui::vec2(GAP, GAP);
        style.spacing.scroll.bar_width = 24.0;
        let v = &mut style.visuals;
        v.panel_fill = BACKGROUND;
        v.window_fill = BACKGROUND;
        v.extreme_bg_color = FIELD;
        v.override_text_color = Some(TEXT);
        v.widgets.inactive.weak_bg_fill = QUIET_BUTTON;
        v.widgets.inactive.bg_fill = QUIET_BUTTON;
        v.widgets.hovered.weak_bg_fill = KEY;
        v.widgets.active.weak_bg_fill = BUTTON;
        v.selection.stroke = Stroke::new(3.0, NOTICE);
        v.widgets.inactive.fg_stroke = Stroke::new(2.0, TEXT);
        // Touch screens have no hover; the focus ring must still be visible for keyboards.
        v.widgets.hovered.bg_stroke = Stroke::new(2.0, TEXT_SOFT);
    });
}

/// WCAG contrast ratio between two colours.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let s = f32::from(v) / 255.0;
            if s <= 0.039_28 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phase_colour_pair_reads_at_4_5_to_1_or_better() {
        for phase in [
            Phase::Upcoming,
            Phase::DoorsOpen,
            Phase::InSession,
            Phase::WrapUp,
            Phase::Ended,
            Phase::Cancelled,
        ] {
            let (bg, fg) = phase_colors(phase);
            assert!(contrast(bg, fg) >= 4.5, "{phase:?}: {}", contrast(bg, fg));
        }
    }

    #[test]
    fn buttons_keys_and_text_read_at_4_5_to_1_or_better() {
        for (bg, fg) in [
            (BACKGROUND, TEXT),
            (BACKGROUND, TEXT_SOFT),
            (BUTTON, BUTTON_TEXT),
            (KEY, TEXT),
            (QUIET_BUTTON, TEXT),
            (FIELD, TEXT),
            (NOTICE, NOTICE_TEXT),
            (WARNING, TEXT),
            (PANEL, TEXT),
        ] {
            assert!(contrast(bg, fg) >= 4.5, "{bg:?} on {fg:?}");
        }
    }
}

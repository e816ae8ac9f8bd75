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

/// How far the timer panel's colour goes at the height of its pulse (`domain::cue`).
pub const PULSE_DEPTH: f32 = 0.45;

/// The timer panel's fill `level` (0.0 to 1.0) of the way into its pulse: toward white
/// behind dark words, toward black behind light ones, so the words only ever read better.
pub fn pulsed(bg: Color32, fg: Color32, level: f32) -> Color32 {
    let toward = if contrast(fg, Color32::BLACK) > contrast(fg, Color32::WHITE) {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    bg.lerp_to_gamma(toward, PULSE_DEPTH * level.clamp(0.0, 1.0))
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

/// Every size a screen draws with, in points, at one scale: the design tokens above times
/// the screen's scale (`ui::scale`), the fonts also times the chosen text size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Points per design point for layout and touch targets.
    pub scale: f32,
    /// Points per design point for text.
    pub text: f32,
    /// Taller than wide: screens stack what sits side by side in landscape.
    pub portrait: bool,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            scale: 1.0,
            text: 1.0,
            portrait: false,
        }
    }
}

impl Sizes {
    /// A layout length (spacing, a width, a touch target) at this scale.
    pub fn px(&self, design: f32) -> f32 {
        design * self.scale
    }
    /// A text size at this scale.
    pub fn font_size(&self, design: f32) -> f32 {
        design * self.text
    }
    pub fn status(&self) -> f32 {
        self.font_size(STATUS_SIZE)
    }
    pub fn title(&self) -> f32 {
        self.font_size(TITLE_SIZE)
    }
    /// The words on a big button. Controls keep their size when "Larger text" makes the
    /// words around them grow, so they stay on one line and within reach.
    pub fn big_button_text(&self) -> f32 {
        self.px(BIG_BUTTON_SIZE)
    }
    /// The words on a small button or a tab.
    pub fn control_text(&self) -> f32 {
        self.px(BODY_SIZE)
    }
    pub fn body(&self) -> f32 {
        self.font_size(BODY_SIZE)
    }
    pub fn small(&self) -> f32 {
        self.font_size(SMALL_SIZE)
    }
    pub fn script(&self) -> f32 {
        self.font_size(SCRIPT_SIZE)
    }
    pub fn key_text(&self) -> f32 {
        self.px(KEY_SIZE)
    }
    /// The smallest touch target.
    pub fn touch(&self) -> f32 {
        self.px(MIN_TOUCH)
    }
    pub fn gap(&self) -> f32 {
        self.px(GAP)
    }
}

/// The sizes of this frame, as `ui::scale` set them.
pub fn sizes(ctx: &egui::Context) -> Sizes {
    ctx.data(|d| d.get_temp::<Sizes>(egui::Id::NULL))
        .unwrap_or_default()
}

/// Gives egui's own style (text styles, spacing, touch height) these sizes, and keeps them
/// for the screens. Takes effect for the next pass.
pub fn apply_sizes(ctx: &egui::Context, sizes: Sizes) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::NULL, sizes));
    ctx.all_styles_mut(|style: &mut Style| {
        style.text_styles = [
            (TextStyle::Heading, font(sizes.title())),
            (TextStyle::Body, font(sizes.body())),
            (TextStyle::Button, font(sizes.body())),
            (TextStyle::Small, font(sizes.small())),
            (
                TextStyle::Monospace,
                FontId::new(sizes.body(), FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.interact_size.y = sizes.touch();
        style.spacing.button_padding = egui::vec2(sizes.px(20.0), sizes.px(12.0));
        style.spacing.item_spacing = egui::vec2(sizes.gap(), sizes.gap());
        style.spacing.scroll.bar_width = sizes.px(24.0);
    });
}

/// Applies the kiosk look to egui's style: dark, high contrast, large text and targets.
pub fn apply(ctx: &egui::Context) {
    ctx.set_visuals(Visuals::dark());
    // A plugged-in keyboard can do nothing a finger cannot: egui's built-in Ctrl +/−/0 zoom
    // and Ctrl+Q quit are off, so the layout stays whole and only staff can close the kiosk.
    ctx.options_mut(|o| {
        o.zoom_with_keyboard = false;
        o.quit_shortcuts.clear();
        // Room for the passes that fit a screen to its size after a change (`ui::scale`).
        o.max_passes = std::num::NonZeroUsize::new(8).unwrap_or(o.max_passes);
    });
    ctx.all_styles_mut(|style: &mut Style| {
        // Nothing on screen can be selected and copied for the next person to paste.
        style.interaction.selectable_labels = false;
        // egui has these debug options only in builds with debug assertions.
        #[cfg(debug_assertions)]
        {
            style.debug.debug_on_hover_with_all_modifiers = false;
        }
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
    apply_sizes(ctx, Sizes::default());
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
    fn the_pulse_changes_the_panel_and_keeps_its_words_readable() {
        for phase in [Phase::WrapUp, Phase::Ended, Phase::InSession] {
            let (bg, fg) = phase_colors(phase);
            assert_ne!(pulsed(bg, fg, 1.0), bg, "{phase:?}");
            assert_eq!(pulsed(bg, fg, 0.0), bg, "{phase:?}");
            for step in 0..=10 {
                let fill = pulsed(bg, fg, step as f32 / 10.0);
                assert!(
                    contrast(fill, fg) >= contrast(bg, fg) - 0.01,
                    "{phase:?} {step}"
                );
            }
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

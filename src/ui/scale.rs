//! How big the kiosk is drawn on this screen. Every screen is designed for 1024×640 points
//! (640×1024 in portrait) and scaled to fill the real screen, so a 7-inch panel and a
//! 1920×1080 monitor show the same layout; "Larger text" scales the words on top. If a
//! screen still would not fit (long Spanish words at the largest text, say), its words
//! shrink until it does, but touch targets never get smaller than 48 px (64 px from
//! 1280×800 up).

use egui::{Context, Id, Rect, Vec2};

use super::theme::{self, Sizes};
use crate::domain::text_size::TextSize;

pub const DESIGN_LANDSCAPE: Vec2 = Vec2::new(1024.0, 640.0);
pub const DESIGN_PORTRAIT: Vec2 = Vec2::new(640.0, 1024.0);

/// The words never shrink below this share of their normal size to fit.
const SMALLEST_FIT: f32 = 0.5;

/// Points per design point on a screen of `viewport` points.
pub fn base_scale(viewport: Vec2) -> f32 {
    let design = if viewport.y > viewport.x {
        DESIGN_PORTRAIT
    } else {
        DESIGN_LANDSCAPE
    };
    (viewport.x / design.x)
        .min(viewport.y / design.y)
        .max(touch_floor(viewport))
}

/// The smallest layout scale: a touch target of `theme::MIN_TOUCH` design points is at
/// least 48 points, and 64 from 1280×800 up.
pub fn touch_floor(viewport: Vec2) -> f32 {
    let (long, short) = (viewport.x.max(viewport.y), viewport.x.min(viewport.y));
    let smallest = if long >= 1280.0 && short >= 800.0 {
        64.0
    } else {
        48.0
    };
    smallest / theme::MIN_TOUCH
}

pub fn text_factor(size: TextSize) -> f32 {
    match size {
        TextSize::Normal => 1.0,
        TextSize::Large => 1.25,
        TextSize::Largest => 1.5,
    }
}

/// What a fit is remembered for: the same screen, words and size fit the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FitKey {
    pub screen: u8,
    pub text_size: TextSize,
    pub lang: crate::domain::lang::Lang,
    pub viewport: [u32; 2],
}

impl FitKey {
    fn id(self) -> Id {
        Id::unique(("dropin-fit", self))
    }
}

/// How much a screen has had to shrink to fit: first its layout (spacing and touch targets,
/// never below the floor), then, only if that was not enough, its words.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fit {
    layout: f32,
    text: f32,
}

const NO_FIT: Fit = Fit {
    layout: 1.0,
    text: 1.0,
};

fn fit_of(ctx: &Context, key: FitKey) -> Fit {
    ctx.data(|d| d.get_temp::<Fit>(key.id())).unwrap_or(NO_FIT)
}

fn viewport_of(key: FitKey) -> Vec2 {
    Vec2::new(key.viewport[0] as f32, key.viewport[1] as f32)
}

/// The sizes for a screen: the screen's scale, the text size, and any shrinking this screen
/// needed to fit before. A change takes effect in a new pass of this frame; until then
/// (`false`), this pass is drawn with the old sizes and is not measured.
pub fn begin(ctx: &Context, key: FitKey, text_size: TextSize) -> (Sizes, bool) {
    let viewport = viewport_of(key);
    let fit = fit_of(ctx, key);
    let base = base_scale(viewport);
    let sizes = Sizes {
        scale: (base * fit.layout).max(touch_floor(viewport)),
        text: base * text_factor(text_size) * fit.text,
        portrait: viewport.y > viewport.x,
    };
    let settled = theme::sizes(ctx) == sizes;
    if !settled {
        theme::apply_sizes(ctx, sizes);
        ctx.request_discard("sizes for this screen");
        ctx.request_repaint();
    }
    (sizes, settled)
}

/// After drawing: if what was drawn (`content`) ran past the screen (`room`), shrink this
/// screen's fit and draw again.
pub fn end(ctx: &Context, key: FitKey, content: Rect, room: Rect) {
    let over_y = content.bottom() - room.bottom();
    let over_x = content.right() - room.right();
    // A point or two is rounding (margins are whole points), not a screen that does not fit.
    if over_y <= 2.0 && over_x <= 2.0 {
        return;
    }
    let ratio = (room.height() / content.height())
        .min(room.width() / content.width())
        .min(0.97);
    let viewport = viewport_of(key);
    let fit = fit_of(ctx, key);
    let smallest_layout = touch_floor(viewport) / base_scale(viewport);
    // The layout goes straight to its floor (at most a fifth smaller): shrinking it frees
    // less room than its share of the screen, so stepping down would take many frames.
    let smaller = if fit.layout > smallest_layout + 1e-3 {
        Fit {
            layout: smallest_layout,
            ..fit
        }
    } else {
        Fit {
            text: (fit.text * ratio).max(SMALLEST_FIT),
            ..fit
        }
    };
    if smaller != fit {
        ctx.data_mut(|d| d.insert_temp(key.id(), smaller));
        ctx.request_discard("the screen did not fit");
        ctx.request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_screen_size_gets_the_design_scaled_to_fill_it() {
        let at = |w: f32, h: f32| base_scale(Vec2::new(w, h));
        assert!((at(800.0, 480.0) - 0.75).abs() < 1e-4);
        assert!((at(1024.0, 600.0) - 0.9375).abs() < 1e-4);
        assert!((at(1280.0, 800.0) - 1.25).abs() < 1e-4);
        assert!((at(1920.0, 1080.0) - 1.6875).abs() < 1e-4);
        assert!((at(720.0, 1280.0) - 1.125).abs() < 1e-4);
    }

    #[test]
    fn touch_targets_stay_at_48_px_and_64_px_from_1280_by_800() {
        let px = |w: f32, h: f32| touch_floor(Vec2::new(w, h)) * theme::MIN_TOUCH;
        assert!((px(800.0, 480.0) - 48.0).abs() < 1e-4);
        assert!((px(720.0, 1280.0) - 48.0).abs() < 1e-4);
        assert!((px(1280.0, 800.0) - 64.0).abs() < 1e-4);
        assert!((px(1920.0, 1080.0) - 64.0).abs() < 1e-4);
    }
}

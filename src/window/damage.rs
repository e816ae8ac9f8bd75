//! Which part of the screen a frame changes: the shapes egui drew last time and now are
//! compared, and the pixels the changed ones cover (before and after) are the damage.
//!
//! A pixel outside the damage is touched only by shapes that are the same, in the same order,
//! in both frames, so its colour cannot have changed; inside it, everything is painted again.

use egui::epaint::{ClippedShape, Primitive};
use egui::{Context, Rect};

/// A rectangle of physical pixels, from the top left of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PixelRect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl PixelRect {
    pub fn whole(size: [u32; 2]) -> PixelRect {
        PixelRect {
            x: 0,
            y: 0,
            width: size[0],
            height: size[1],
        }
    }

    pub fn area(self) -> u64 {
        u64::from(self.width) * u64::from(self.height)
    }

    /// The same rectangle in points, for clipping egui's primitives to it. The painter rounds
    /// `points * pixels_per_point` back to whole pixels, which gives these edges exactly.
    pub fn to_points(self, pixels_per_point: f32) -> Rect {
        Rect::from_min_max(
            egui::pos2(
                self.x as f32 / pixels_per_point,
                self.y as f32 / pixels_per_point,
            ),
            egui::pos2(
                (self.x + self.width) as f32 / pixels_per_point,
                (self.y + self.height) as f32 / pixels_per_point,
            ),
        )
    }
}

/// What must be painted again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// Nothing changed: no paint, no present.
    None,
    /// Only these rectangles changed (they do not overlap).
    Regions(Vec<PixelRect>),
    /// The whole window.
    Full,
}

impl Damage {
    /// This damage and `other`'s together.
    pub fn union(self, other: Damage, size: [u32; 2]) -> Damage {
        match (self, other) {
            (Damage::Full, _) | (_, Damage::Full) => Damage::Full,
            (Damage::None, x) | (x, Damage::None) => x,
            (Damage::Regions(mut a), Damage::Regions(b)) => {
                a.extend(b);
                regions(a, size)
            }
        }
    }

    /// The pixels painted, out of `size`.
    pub fn area(&self, size: [u32; 2]) -> u64 {
        match self {
            Damage::None => 0,
            Damage::Regions(rects) => rects.iter().map(|r| r.area()).sum(),
            Damage::Full => PixelRect::whole(size).area(),
        }
    }
}

/// Rectangles closer than this (in pixels) are painted as one: each separate rectangle
/// costs a pass over every primitive.
const MERGE_GAP: u32 = 16;
/// More rectangles than this are painted as the one rectangle around them all.
const MAX_REGIONS: usize = 6;

impl PixelRect {
    fn right(self) -> u32 {
        self.x + self.width
    }

    fn bottom(self) -> u32 {
        self.y + self.height
    }

    fn near(self, other: PixelRect) -> bool {
        self.x <= other.right() + MERGE_GAP
            && other.x <= self.right() + MERGE_GAP
            && self.y <= other.bottom() + MERGE_GAP
            && other.y <= self.bottom() + MERGE_GAP
    }

    fn around(self, other: PixelRect) -> PixelRect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        PixelRect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }
}

/// `rects` merged until none is near another; the whole window when that is nearly all.
fn regions(mut rects: Vec<PixelRect>, size: [u32; 2]) -> Damage {
    rects.retain(|r| r.area() > 0);
    if rects.is_empty() {
        return Damage::None;
    }
    let mut merged = true;
    while merged {
        merged = false;
        'search: for i in 0..rects.len() {
            for j in i + 1..rects.len() {
                if rects[i].near(rects[j]) {
                    let other = rects.swap_remove(j);
                    rects[i] = rects[i].around(other);
                    merged = true;
                    break 'search;
                }
            }
        }
    }
    if rects.len() > MAX_REGIONS {
        let all = rects.iter().fold(rects[0], |a, b| a.around(*b));
        rects = vec![all];
    }
    let damage = Damage::Regions(rects);
    if damage.area(size) * 10 >= PixelRect::whole(size).area() * 9 {
        Damage::Full
    } else {
        damage
    }
}

/// The shapes that differ between `old` and `new`, from each. With as many shapes in both,
/// they are compared pair by pair; otherwise everything between the common start and the
/// common end counts as changed.
fn changed<'a>(
    old: &'a [ClippedShape],
    new: &'a [ClippedShape],
) -> (Vec<&'a ClippedShape>, Vec<&'a ClippedShape>) {
    if old.len() == new.len() {
        return old.iter().zip(new).filter(|(a, b)| a != b).unzip();
    }
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (
        old[prefix..old.len() - suffix].iter().collect(),
        new[prefix..new.len() - suffix].iter().collect(),
    )
}

/// The pixels each of `shapes` covers once tessellated as egui paints it (anti-aliasing
/// feather included), cut to its clip rectangle; out to whole pixels, and one more all round,
/// as the rasteriser may light a pixel a triangle only grazes.
fn covered(
    ctx: &Context,
    shapes: &[&ClippedShape],
    pixels_per_point: f32,
    size: [u32; 2],
) -> Vec<PixelRect> {
    let owned: Vec<ClippedShape> = shapes.iter().map(|s| (*s).clone()).collect();
    let low = |v: f32, limit: u32| {
        (v * pixels_per_point - 1.0)
            .floor()
            .clamp(0.0, limit as f32) as u32
    };
    let high =
        |v: f32, limit: u32| (v * pixels_per_point + 1.0).ceil().clamp(0.0, limit as f32) as u32;
    let mut rects = Vec::new();
    // One shape at a time: tessellating them together would merge neighbours into one mesh.
    for shape in owned {
        for primitive in ctx.tessellate(vec![shape], pixels_per_point) {
            let bounds = match &primitive.primitive {
                Primitive::Mesh(mesh) => mesh.calc_bounds(),
                Primitive::Callback(callback) => callback.rect,
            };
            let points = bounds.intersect(primitive.clip_rect);
            if !points.is_positive() {
                continue;
            }
            let (x0, y0) = (low(points.min.x, size[0]), low(points.min.y, size[1]));
            let (x1, y1) = (high(points.max.x, size[0]), high(points.max.y, size[1]));
            if x1 > x0 && y1 > y0 {
                rects.push(PixelRect {
                    x: x0,
                    y: y0,
                    width: x1 - x0,
                    height: y1 - y0,
                });
            }
        }
    }
    rects
}

/// What changed from the frame painted with `old` to the one to paint with `new`, on a
/// window of `size` pixels. The textures and the scale must be the same for both frames.
pub fn between(
    ctx: &Context,
    old: &[ClippedShape],
    new: &[ClippedShape],
    pixels_per_point: f32,
    size: [u32; 2],
) -> Damage {
    let (before, after) = changed(old, new);
    let mut rects = covered(ctx, &before, pixels_per_point, size);
    rects.extend(covered(ctx, &after, pixels_per_point, size));
    // Changes that draw nothing (an empty text, a shape off screen) leave no rectangle.
    regions(rects, size)
}

#[cfg(test)]
mod tests {
    use egui::{Color32, FontId, RawInput, Rect, pos2, vec2};

    use super::*;

    const SIZE: [u32; 2] = [1280, 800];

    /// The one rectangle around a partial damage.
    fn bounds(damage: &Damage) -> PixelRect {
        let Damage::Regions(rects) = damage else {
            panic!("expected regions, got {damage:?}");
        };
        rects.iter().fold(rects[0], |a, b| a.around(*b))
    }

    /// The shapes of one frame showing a big label and a bar.
    fn frame(ctx: &Context, label: &str, bar: f32) -> Vec<ClippedShape> {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
            ..RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            let painter = ui.painter();
            painter.rect_filled(ui.max_rect(), 0.0, Color32::from_rgb(20, 30, 40));
            painter.text(
                pos2(600.0, 300.0),
                egui::Align2::CENTER_CENTER,
                label,
                FontId::proportional(60.0),
                Color32::WHITE,
            );
            painter.rect_filled(
                Rect::from_min_size(pos2(100.0, 600.0), vec2(1080.0 * bar, 20.0)),
                4.0,
                Color32::YELLOW,
            );
        });
        // Nothing is painted here, so the font atlas is not needed.
        output.textures_delta.clear();
        output.shapes
    }

    #[test]
    fn the_same_frame_again_changes_nothing() {
        let ctx = Context::default();
        let a = frame(&ctx, "4:59 left", 0.5);
        let b = frame(&ctx, "4:59 left", 0.5);
        assert_eq!(between(&ctx, &a, &b, 1.0, SIZE), Damage::None);
    }

    #[test]
    fn a_new_second_damages_only_the_words_around_it() {
        let ctx = Context::default();
        let a = frame(&ctx, "4:59 left", 0.5);
        let b = frame(&ctx, "4:58 left", 0.5);
        let r = bounds(&between(&ctx, &a, &b, 1.0, SIZE));
        // The label is centred on (600, 300) and about 60 px tall.
        assert!(r.x < 600 && r.x + r.width > 600, "{r:?}");
        assert!(r.y < 300 && r.y + r.height > 300, "{r:?}");
        assert!(r.height < 120, "{r:?}");
        assert!(r.area() * 10 < PixelRect::whole(SIZE).area(), "{r:?}");
    }

    #[test]
    fn changes_far_apart_are_painted_as_separate_rectangles() {
        let ctx = Context::default();
        let a = frame(&ctx, "4:59 left", 0.5);
        let b = frame(&ctx, "4:58 left", 0.6);
        let damage = between(&ctx, &a, &b, 1.0, SIZE);
        let Damage::Regions(rects) = &damage else {
            panic!("expected regions, got {damage:?}");
        };
        assert_eq!(rects.len(), 2, "{rects:?}");
        let around = bounds(&damage);
        assert!(around.y < 300 && around.bottom() >= 620, "{around:?}");
        assert!(damage.area(SIZE) * 2 < around.area(), "{rects:?}");
    }

    #[test]
    fn a_moving_bar_end_is_inside_the_damage() {
        let ctx = Context::default();
        let a = frame(&ctx, "4:59 left", 0.5);
        let b = frame(&ctx, "4:59 left", 0.6);
        let r = bounds(&between(&ctx, &a, &b, 1.0, SIZE));
        // The bar grows from x = 640 to x = 748, at y 600..620.
        assert!(r.x <= 640 && r.x + r.width >= 748, "{r:?}");
        assert!(r.y <= 600 && r.y + r.height >= 620, "{r:?}");
        assert!(r.y > 500, "{r:?}");
    }

    #[test]
    fn a_different_number_of_shapes_still_finds_the_changed_part() {
        let ctx = Context::default();
        let a = frame(&ctx, "4:59 left", 0.5);
        let mut b = a.clone();
        b.insert(
            1,
            ClippedShape {
                clip_rect: a[0].clip_rect,
                shape: egui::Shape::rect_filled(
                    Rect::from_min_size(pos2(10.0, 10.0), vec2(50.0, 50.0)),
                    0.0,
                    Color32::RED,
                ),
                transform_after_tessellation: egui::emath::TSTransform::IDENTITY,
            },
        );
        let r = bounds(&between(&ctx, &a, &b, 1.0, SIZE));
        assert!(r.x <= 10 && r.y <= 10 && r.x + r.width >= 60 && r.y + r.height >= 60);
        assert!(r.x + r.width < 100 && r.y + r.height < 100, "{r:?}");
    }

    #[test]
    fn a_change_over_most_of_the_screen_is_a_full_repaint() {
        let ctx = Context::default();
        let a = frame(&ctx, "4:59 left", 0.5);
        let mut b = a.clone();
        b[0].shape = egui::Shape::rect_filled(
            Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0)),
            0.0,
            Color32::BLACK,
        );
        assert_eq!(between(&ctx, &a, &b, 1.0, SIZE), Damage::Full);
    }

    #[test]
    fn a_region_maps_to_points_and_back_to_the_same_pixels() {
        let r = PixelRect {
            x: 333,
            y: 101,
            width: 77,
            height: 19,
        };
        for ppp in [1.0_f32, 1.25, 1.5, 2.0, 0.75] {
            let p = r.to_points(ppp);
            assert_eq!((p.min.x * ppp).round() as u32, r.x);
            assert_eq!((p.min.y * ppp).round() as u32, r.y);
            assert_eq!((p.max.x * ppp).round() as u32, r.x + r.width);
            assert_eq!((p.max.y * ppp).round() as u32, r.y + r.height);
        }
    }
}

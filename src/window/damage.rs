//! Which part of the screen a frame changes: the shapes egui drew last time and now are
//! compared, and the pixels the changed ones cover (before and after) are the damage.
//!
//! A changed shape is narrowed further where that is exact: a shape only clipped differently
//! (the filled part of a progress bar) damages only the pixels between the two clips, and a
//! mesh built the same way with some triangles moved (one new digit) only those triangles.

use egui::epaint::{ClippedPrimitive, ClippedShape, Mesh, Primitive};
use egui::{Context, Rect};

pub use rect::PixelRect;

mod rect;

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

/// Whether `a` and `b` are closer than `MERGE_GAP`.
fn near(a: PixelRect, b: PixelRect) -> bool {
    a.x <= b.right() + MERGE_GAP
        && b.x <= a.right() + MERGE_GAP
        && a.y <= b.bottom() + MERGE_GAP
        && b.y <= a.bottom() + MERGE_GAP
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
                if near(rects[i], rects[j]) {
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

/// One difference between the last frame's shapes and this frame's.
#[derive(Clone, Copy)]
enum Change<'a> {
    /// The shape at the same place in both frames, changed.
    Pair(&'a ClippedShape, &'a ClippedShape),
    /// A shape that has no partner in the other frame.
    Alone(&'a ClippedShape),
}

/// The shapes that differ between `old` and `new`. With as many shapes in both, they are
/// compared pair by pair; otherwise everything between the common start and the common end
/// counts as changed.
fn changed<'a>(old: &'a [ClippedShape], new: &'a [ClippedShape]) -> Vec<Change<'a>> {
    if old.len() == new.len() {
        return old
            .iter()
            .zip(new)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| Change::Pair(a, b))
            .collect();
    }
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    old[prefix..old.len() - suffix]
        .iter()
        .chain(&new[prefix..new.len() - suffix])
        .map(Change::Alone)
        .collect()
}

/// Points to whole pixels, as the painter places them on a window of `size` pixels.
#[derive(Clone, Copy)]
struct Pixels {
    per_point: f32,
    size: [u32; 2],
}

impl Pixels {
    /// The pixels the rasteriser may light for triangles within `points`: out to whole
    /// pixels, and one more all round, as a triangle that only grazes a pixel may light it.
    fn around(self, points: Rect) -> Option<PixelRect> {
        let low =
            |v: f32, limit: u32| (v * self.per_point - 1.0).floor().clamp(0.0, limit as f32) as u32;
        let high =
            |v: f32, limit: u32| (v * self.per_point + 1.0).ceil().clamp(0.0, limit as f32) as u32;
        let (x0, y0) = (
            low(points.min.x, self.size[0]),
            low(points.min.y, self.size[1]),
        );
        let (x1, y1) = (
            high(points.max.x, self.size[0]),
            high(points.max.y, self.size[1]),
        );
        (points.is_positive() && x1 > x0 && y1 > y0).then(|| PixelRect {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
        })
    }

    /// The pixels the painter's scissor keeps for `clip`: each edge rounded to the nearest
    /// pixel and kept on the window, as `egui_glow` sets it.
    fn scissor(self, clip: Rect) -> PixelRect {
        let edge = |v: f32, low: u32, limit: u32| {
            ((v * self.per_point).round().max(0.0) as u32).clamp(low, limit)
        };
        let x0 = edge(clip.min.x, 0, self.size[0]);
        let y0 = edge(clip.min.y, 0, self.size[1]);
        PixelRect {
            x: x0,
            y: y0,
            width: edge(clip.max.x, x0, self.size[0]) - x0,
            height: edge(clip.max.y, y0, self.size[1]) - y0,
        }
    }
}

/// More changed triangles than this in one mesh are counted as the one rectangle around them.
const MAX_TRIANGLES: usize = 64;

/// One shape tessellated on its own, as egui paints it: tessellating shapes together would
/// merge neighbours into one mesh.
fn tessellate(ctx: &Context, shape: &ClippedShape, pixels: Pixels) -> Vec<ClippedPrimitive> {
    ctx.tessellate(vec![shape.clone()], pixels.per_point)
}

/// The pixels `primitives` cover (anti-aliasing feather included), cut to their clip.
fn covered(primitives: &[ClippedPrimitive], pixels: Pixels) -> Vec<PixelRect> {
    primitives
        .iter()
        .filter_map(|primitive| {
            let bounds = match &primitive.primitive {
                Primitive::Mesh(mesh) => mesh.calc_bounds(),
                Primitive::Callback(callback) => callback.rect,
            };
            pixels.around(bounds.intersect(primitive.clip_rect))
        })
        .collect()
}

/// The same shape under a different clip: the same triangles, kept by a different scissor.
/// Only pixels one scissor keeps and the other does not can change.
fn clip_moved(
    ctx: &Context,
    old: &ClippedShape,
    new: &ClippedShape,
    pixels: Pixels,
) -> Vec<PixelRect> {
    let unclipped = ClippedShape {
        clip_rect: Rect::EVERYTHING,
        ..old.clone()
    };
    let (a, b) = (pixels.scissor(old.clip_rect), pixels.scissor(new.clip_rect));
    let mut moved = a.minus(b);
    moved.extend(b.minus(a));
    covered(&tessellate(ctx, &unclipped, pixels), pixels)
        .into_iter()
        .flat_map(|mesh| moved.iter().filter_map(move |m| m.intersect(mesh)))
        .collect()
}

/// When `old` and `new` are the same meshes with some vertices moved or recoloured (a digit
/// of a label, in a font whose digits are all as wide), the pixels of the triangles that
/// changed; `None` when the meshes are built differently.
fn triangles_changed(
    old: &[ClippedPrimitive],
    new: &[ClippedPrimitive],
    pixels: Pixels,
) -> Option<Vec<PixelRect>> {
    if old.len() != new.len() {
        return None;
    }
    let mut rects = Vec::new();
    for (a, b) in old.iter().zip(new) {
        let (Primitive::Mesh(ma), Primitive::Mesh(mb)) = (&a.primitive, &b.primitive) else {
            return None;
        };
        if a.clip_rect != b.clip_rect
            || ma.texture_id != mb.texture_id
            || ma.indices != mb.indices
            || ma.vertices.len() != mb.vertices.len()
        {
            return None;
        }
        let mut here: Vec<PixelRect> = Vec::new();
        for triangle in ma.indices.chunks_exact(3) {
            let corners = |mesh: &Mesh| [0, 1, 2].map(|n| mesh.vertices[triangle[n] as usize]);
            let (before, after) = (corners(ma), corners(mb));
            if before == after {
                continue;
            }
            for vertices in [before, after] {
                let points = Rect::from_points(&vertices.map(|v| v.pos));
                here.extend(pixels.around(points.intersect(a.clip_rect)));
            }
        }
        if here.len() > MAX_TRIANGLES {
            here = vec![here.iter().fold(here[0], |a, b| a.around(*b))];
        }
        rects.extend(here);
    }
    Some(rects)
}

/// The pixels one change may alter.
fn change_damage(ctx: &Context, change: Change<'_>, pixels: Pixels) -> Vec<PixelRect> {
    match change {
        Change::Alone(shape) => covered(&tessellate(ctx, shape, pixels), pixels),
        Change::Pair(old, new)
            if old.shape == new.shape
                && old.transform_after_tessellation == new.transform_after_tessellation =>
        {
            clip_moved(ctx, old, new, pixels)
        }
        Change::Pair(old, new) => {
            let (a, b) = (tessellate(ctx, old, pixels), tessellate(ctx, new, pixels));
            triangles_changed(&a, &b, pixels).unwrap_or_else(|| {
                let mut rects = covered(&a, pixels);
                rects.extend(covered(&b, pixels));
                rects
            })
        }
    }
}

/// What changed from the frame painted with `old` to the one to paint with `new`, on a
/// window of `size` pixels. The textures and the scale must be the same for both frames.
///
/// A pixel outside the damage is lit only by triangles that are the same, in the same order,
/// in both frames (with the same scissor), so its colour cannot have changed.
pub fn between(
    ctx: &Context,
    old: &[ClippedShape],
    new: &[ClippedShape],
    pixels_per_point: f32,
    size: [u32; 2],
) -> Damage {
    let pixels = Pixels {
        per_point: pixels_per_point,
        size,
    };
    let rects = changed(old, new)
        .into_iter()
        .flat_map(|change| change_damage(ctx, change, pixels))
        .collect();
    // Changes that draw nothing (an empty text, a shape off screen) leave no rectangle.
    regions(rects, size)
}

#[cfg(test)]
mod tests;

//! Rectangles of whole pixels, as the damage is counted and painted.

use egui::Rect;

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

impl PixelRect {
    pub(super) fn right(self) -> u32 {
        self.x + self.width
    }

    pub(super) fn bottom(self) -> u32 {
        self.y + self.height
    }

    /// The smallest rectangle holding both.
    pub(super) fn around(self, other: PixelRect) -> PixelRect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        PixelRect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }
}

impl PixelRect {
    /// The pixels in both, if any.
    pub(super) fn intersect(self, other: PixelRect) -> Option<PixelRect> {
        let (x0, y0) = (self.x.max(other.x), self.y.max(other.y));
        let (x1, y1) = (
            self.right().min(other.right()),
            self.bottom().min(other.bottom()),
        );
        (x1 > x0 && y1 > y0).then(|| PixelRect {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
        })
    }

    /// The pixels of `self` outside `other`, as up to four rectangles.
    pub(super) fn minus(self, other: PixelRect) -> Vec<PixelRect> {
        let Some(inner) = self.intersect(other) else {
            return vec![self];
        };
        let band = |x: u32, y: u32, right: u32, bottom: u32| PixelRect {
            x,
            y,
            width: right - x,
            height: bottom - y,
        };
        [
            band(self.x, self.y, self.right(), inner.y),
            band(self.x, inner.bottom(), self.right(), self.bottom()),
            band(self.x, inner.y, inner.x, inner.bottom()),
            band(inner.right(), inner.y, self.right(), inner.bottom()),
        ]
        .into_iter()
        .filter(|r| r.area() > 0)
        .collect()
    }
}

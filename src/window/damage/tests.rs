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

/// How a frame draws its progress bar.
#[derive(Clone, Copy)]
enum Bar {
    /// The whole bar, shown through a clip as wide as the progress (as the kiosk draws it).
    Clipped,
    /// A rectangle as wide as the progress.
    Resized,
}

/// The shapes of one frame showing a big label and a bar.
fn frame(ctx: &Context, label: &str, bar: f32) -> Vec<ClippedShape> {
    frame_with(ctx, label, bar, Bar::Clipped)
}

fn frame_with(ctx: &Context, label: &str, progress: f32, bar: Bar) -> Vec<ClippedShape> {
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
        let whole = Rect::from_min_size(pos2(100.0, 600.0), vec2(1080.0, 20.0));
        let done = Rect::from_min_size(whole.min, vec2(1080.0 * progress, 20.0));
        match bar {
            Bar::Clipped => painter
                .with_clip_rect(done)
                .rect_filled(whole, 4.0, Color32::YELLOW),
            Bar::Resized => painter.rect_filled(done, 4.0, Color32::YELLOW),
        };
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
fn a_new_second_damages_only_the_digit_that_changed() {
    let ctx = Context::default();
    let a = frame(&ctx, "4:59 left", 0.5);
    let b = frame(&ctx, "4:58 left", 0.5);
    let r = bounds(&between(&ctx, &a, &b, 1.0, SIZE));
    // The label is centred on (600, 300) and about 60 px tall; its digits are all as wide,
    // so "4:5" and " left" stay where they were and only the last digit is painted again.
    let label = ctx.fonts_mut(|f| {
        f.layout_no_wrap(
            "4:59 left".into(),
            FontId::proportional(60.0),
            Color32::WHITE,
        )
    });
    let digit =
        ctx.fonts_mut(|f| f.layout_no_wrap("9".into(), FontId::proportional(60.0), Color32::WHITE));
    assert!(r.x > 600 - label.size().x as u32 / 2, "{r:?}");
    assert!(r.y < 300 && r.y + r.height > 300, "{r:?}");
    assert!(r.height < 70, "{r:?}");
    assert!(
        r.width < digit.size().x as u32 + 6,
        "one digit is {} px wide: {r:?}",
        digit.size().x
    );
}

#[test]
fn a_label_that_changes_width_damages_the_whole_label() {
    let ctx = Context::default();
    let a = frame(&ctx, "10:00 left", 0.5);
    let b = frame(&ctx, "9:59 left", 0.5);
    let r = bounds(&between(&ctx, &a, &b, 1.0, SIZE));
    let label = ctx.fonts_mut(|f| {
        f.layout_no_wrap(
            "10:00 left".into(),
            FontId::proportional(60.0),
            Color32::WHITE,
        )
    });
    // The label's ink, a little narrower than its advance.
    assert!(r.width as f32 >= label.size().x * 0.9, "{r:?}");
    assert!(r.y < 300 && r.y + r.height > 300 && r.height < 120, "{r:?}");
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
fn a_bar_shown_through_a_wider_clip_damages_only_the_part_it_grew_by() {
    let ctx = Context::default();
    let a = frame(&ctx, "4:59 left", 0.5);
    let b = frame(&ctx, "4:59 left", 0.6);
    let r = bounds(&between(&ctx, &a, &b, 1.0, SIZE));
    // The bar grows from x = 640 to x = 748, at y 600..620.
    assert!(r.x <= 640 && r.x + r.width >= 748, "{r:?}");
    assert!(r.y <= 600 && r.y + r.height >= 620, "{r:?}");
    assert!(r.x >= 638 && r.x + r.width <= 750, "{r:?}");
    assert!(r.y >= 596 && r.y + r.height <= 624, "{r:?}");
}

#[test]
fn a_bar_drawn_narrower_or_wider_damages_all_it_covers_before_and_after() {
    let ctx = Context::default();
    let a = frame_with(&ctx, "4:59 left", 0.5, Bar::Resized);
    let b = frame_with(&ctx, "4:59 left", 0.6, Bar::Resized);
    let r = bounds(&between(&ctx, &a, &b, 1.0, SIZE));
    assert!(r.x + r.width >= 748, "{r:?}");
    assert!(r.y <= 600 && r.y + r.height >= 620, "{r:?}");
    assert!(r.y > 500, "{r:?}");
}

#[test]
fn a_clip_that_slides_sideways_damages_only_what_one_clip_keeps_and_the_other_not() {
    let ctx = Context::default();
    let a = frame(&ctx, "4:59 left", 0.5);
    let mut b = a.clone();
    // The bar (the last shape) seen through a clip slid right: 100..640 becomes 400..940.
    let last = b.len() - 1;
    b[last].clip_rect = a[last].clip_rect.translate(vec2(300.0, 0.0));
    let damage = between(&ctx, &a, &b, 1.0, SIZE);
    let r = bounds(&damage);
    assert!(r.x <= 100 && r.x + r.width >= 940, "{r:?}");
    // Where both clips keep the bar, nothing changes.
    let Damage::Regions(rects) = &damage else {
        panic!("{damage:?}")
    };
    let both = PixelRect {
        x: 410,
        y: 600,
        width: 220,
        height: 20,
    };
    assert!(
        rects.iter().all(|r| r.intersect(both).is_none()),
        "{rects:?}"
    );
}

#[test]
fn a_rectangle_minus_another_leaves_what_is_outside_it() {
    let outer = PixelRect {
        x: 10,
        y: 10,
        width: 100,
        height: 50,
    };
    let inner = PixelRect {
        x: 30,
        y: 20,
        width: 40,
        height: 10,
    };
    let parts = outer.minus(inner);
    assert_eq!(
        parts.iter().map(|r| r.area()).sum::<u64>(),
        outer.area() - inner.area()
    );
    assert!(parts.iter().all(|p| p.intersect(inner).is_none()));
    assert!(parts.iter().all(|p| p.intersect(outer) == Some(*p)));
    assert_eq!(outer.minus(outer), vec![]);
    let apart = PixelRect { x: 500, ..inner };
    assert_eq!(outer.minus(apart), vec![outer]);
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

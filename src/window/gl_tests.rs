//! The damage-limited renderer against a full repaint, pixel for pixel, on the kiosk's real
//! screens. The GL is Mesa's software rasteriser through EGL on its software device: no
//! display and no GPU, only Mesa's libraries (`.ci/run` installs them).

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use glutin::api::egl;
use glutin::config::{ConfigSurfaceTypes, ConfigTemplateBuilder};
use glutin::context::ContextAttributesBuilder;
use glutin::prelude::*;

use super::*;
use crate::app::Kiosk;
use crate::clock::FixedClock;
use crate::data::DataDir;

/// An OpenGL context with no window, and framebuffers to paint on.
struct Headless {
    gl: Arc<glow::Context>,
    _context: egl::context::PossiblyCurrentContext,
}

#[expect(
    unsafe_code,
    reason = "EGL display and context creation and glow's loader are unsafe C calls"
)]
fn headless() -> Headless {
    let device = egl::device::Device::query_devices()
        .expect(
            "EGL is missing; install Mesa's libraries: apt-get install libegl1 libegl-mesa0 \
             libgl1-mesa-dri",
        )
        .find(|d| d.extensions().contains("EGL_MESA_device_software"))
        .expect("Mesa's software EGL device is missing (libegl-mesa0, libgl1-mesa-dri)");
    // SAFETY: no native display is passed; the device came from EGL itself.
    let display = unsafe { egl::display::Display::with_device(&device, None) }.unwrap();
    let template = ConfigTemplateBuilder::new()
        .with_surface_type(ConfigSurfaceTypes::empty())
        .build();
    // SAFETY: the template is plain data for this display.
    let config = unsafe { display.find_configs(template) }
        .unwrap()
        .next()
        .expect("an EGL configuration");
    // SAFETY: a context with no window; `None` is a valid raw window handle for it.
    let context =
        unsafe { display.create_context(&config, &ContextAttributesBuilder::new().build(None)) }
            .unwrap()
            .make_current_surfaceless()
            .unwrap();
    // SAFETY: the context is current on this thread.
    let gl = unsafe { glow::Context::from_loader_function_cstr(|s| display.get_proc_address(s)) };
    Headless {
        gl: Arc::new(gl),
        _context: context,
    }
}

#[expect(unsafe_code, reason = "glow marks every GL call unsafe")]
impl Headless {
    /// A new RGBA framebuffer of `size`, bound for painting.
    fn framebuffer(&self, size: [u32; 2]) -> glow::Framebuffer {
        let gl = &self.gl;
        // SAFETY: the context is current on this thread; the texture gets storage before it
        // is attached, and is never freed while the test runs.
        unsafe {
            let texture = gl.create_texture().unwrap();
            gl.bind_texture(glow::TEXTURE_2D, Some(texture));
            gl.tex_image_2d(
                glow::TEXTURE_2D,
                0,
                glow::RGBA8 as i32,
                size[0] as i32,
                size[1] as i32,
                0,
                glow::RGBA,
                glow::UNSIGNED_BYTE,
                glow::PixelUnpackData::Slice(None),
            );
            let fbo = gl.create_framebuffer().unwrap();
            gl.bind_framebuffer(glow::FRAMEBUFFER, Some(fbo));
            gl.framebuffer_texture_2d(
                glow::FRAMEBUFFER,
                glow::COLOR_ATTACHMENT0,
                glow::TEXTURE_2D,
                Some(texture),
                0,
            );
            assert_eq!(
                gl.check_framebuffer_status(glow::FRAMEBUFFER),
                glow::FRAMEBUFFER_COMPLETE
            );
            fbo
        }
    }

    fn bind(&self, fbo: glow::Framebuffer) {
        // SAFETY: the context is current and `fbo` is one of its framebuffers.
        unsafe { self.gl.bind_framebuffer(glow::FRAMEBUFFER, Some(fbo)) };
    }
}

const BACKGROUND: [f32; 4] = [0.1, 0.1, 0.1, 1.0];

/// The kiosk in Los Angeles with the default schedule (Wednesday 13:30–14:30).
fn kiosk(at: DateTime<Utc>) -> (Kiosk, FixedClock, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("settings.toml"),
        crate::config::first_run_text(Some("America/Los_Angeles")),
    )
    .unwrap();
    let dir = DataDir::prepare(tmp.path()).unwrap();
    let clock = FixedClock::new(at);
    (Kiosk::new(dir, Arc::new(clock.clone())), clock, tmp)
}

/// Paints the kiosk second by second from `start` with a damage-limited renderer on one
/// framebuffer and a full repaint on another, and compares them after every frame. Returns
/// the damage of each frame after the first.
fn compare_second_by_second(
    start: &str,
    seconds: i64,
    size: [u32; 2],
    pixels_per_point: f32,
) -> Vec<Damage> {
    compare_every(start, Duration::seconds(1), seconds, size, pixels_per_point)
}

/// As `compare_second_by_second`, a frame every `step`, `steps` times after the first.
fn compare_every(
    start: &str,
    step: Duration,
    steps: i64,
    size: [u32; 2],
    pixels_per_point: f32,
) -> Vec<Damage> {
    let start = DateTime::parse_from_rfc3339(start).unwrap().to_utc();
    let (mut kiosk, clock, _tmp) = kiosk(start);
    let ctx = egui::Context::default();
    crate::ui::theme::apply(&ctx);
    let gl = headless();
    let kept = gl.framebuffer(size);
    let fresh = gl.framebuffer(size);
    let mut limited = Renderer::new(Arc::clone(&gl.gl)).unwrap();
    let mut full = Renderer::new(Arc::clone(&gl.gl)).unwrap();
    let points = egui::vec2(size[0] as f32, size[1] as f32) / pixels_per_point;
    let mut damages = Vec::new();
    let mut previous: Option<Vec<u8>> = None;
    for s in 0..=steps {
        clock.set(start + step * s as i32);
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, points)),
            ..egui::RawInput::default()
        };
        input
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(pixels_per_point);
        let mut output = ctx.run_ui(input, |ui| crate::ui::frame::show(ui, &mut kiosk));
        assert!((output.pixels_per_point - pixels_per_point).abs() < 1e-6);
        let frame = |o: &egui::FullOutput| Frame {
            shapes: o.shapes.clone(),
            textures_delta: o.textures_delta.clone(),
            pixels_per_point: o.pixels_per_point,
        };
        let (for_limited, for_full) = (frame(&output), frame(&output));
        // Each renderer has its own copy of the texture changes.
        output.textures_delta.clear();

        gl.bind(kept);
        let damage = limited.paint(&ctx, for_limited, size, 1, BACKGROUND);
        let limited_pixels = limited.read_pixels(size);
        gl.bind(fresh);
        assert_eq!(
            full.paint(&ctx, for_full, size, 0, BACKGROUND),
            Damage::Full
        );
        let full_pixels = full.read_pixels(size);

        let differing = limited_pixels
            .chunks_exact(4)
            .zip(full_pixels.chunks_exact(4))
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(
            differing, 0,
            "step {s}: {differing} pixels differ from a full repaint (damage {damage:?})"
        );
        let moved = previous.as_ref().map_or(usize::MAX, |p| {
            p.chunks_exact(4)
                .zip(full_pixels.chunks_exact(4))
                .filter(|(a, b)| a != b)
                .count()
        });
        if s > 0 {
            // The picture really moves every second: the seconds show (SPEC §4).
            assert!(moved > 0, "step {s} looks the same as the one before");
            damages.push(damage);
        }
        previous = Some(full_pixels);
    }
    limited.destroy();
    full.destroy();
    damages
}

/// The share of the screen a damage covers, in percent.
fn percent(damage: &Damage, size: [u32; 2]) -> f64 {
    100.0 * damage.area(size) as f64 / PixelRect::whole(size).area() as f64
}

#[test]
fn wrap_up_seconds_painted_in_part_match_a_full_repaint_at_1280x800() {
    let size = [1280, 800];
    // From the last second in session into wrap-up (14:25 on a Wednesday in Los Angeles),
    // when the seconds start to show.
    let damages = compare_second_by_second("2026-11-25T14:24:59-08:00", 8, size, 1.0);
    // Only the digit that changed and the sliver the bar grew by: under 1 % of the screen.
    let small = damages
        .iter()
        .filter(|d| matches!(d, Damage::Regions(_)) && percent(d, size) < 1.0)
        .count();
    assert!(
        small >= 6,
        "most wrap-up seconds should repaint under 1 % of the screen: {:?}",
        damages
            .iter()
            .map(|d| format!("{:.1} %", percent(d, size)))
            .collect::<Vec<_>>()
    );
}

#[test]
fn wrap_up_seconds_painted_in_part_match_a_full_repaint_at_a_fractional_scale() {
    let size = [1920, 1200];
    let damages = compare_second_by_second("2026-11-25T14:27:10-08:00", 4, size, 1.5);
    // The first new second may bring new glyphs to the font atlas (a full repaint).
    assert!(
        damages[1..]
            .iter()
            .all(|d| matches!(d, Damage::Regions(_)) && percent(d, size) < 1.0),
        "{damages:?}"
    );
}

#[test]
fn a_new_minute_in_wrap_up_painted_in_part_matches_a_full_repaint() {
    let size = [1280, 800];
    // 14:26:59 to 14:27:01: the countdown's minute turns over and so does the clock on top.
    let damages = compare_second_by_second("2026-11-25T14:26:58-08:00", 3, size, 1.0);
    assert!(
        damages
            .iter()
            .all(|d| matches!(d, Damage::Regions(_)) && percent(d, size) < 10.0),
        "{damages:?}"
    );
}

#[test]
fn the_font_atlas_stays_small_on_the_largest_screen() {
    let size = egui::vec2(1920.0, 1200.0);
    let start = DateTime::parse_from_rfc3339("2026-11-25T14:26:00-08:00")
        .unwrap()
        .to_utc();
    let (mut kiosk, clock, _tmp) = kiosk(start);
    let ctx = egui::Context::default();
    crate::ui::theme::apply(&ctx);
    for s in 0..10 {
        clock.set(start + Duration::seconds(s));
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            // What the window asks for on Mesa's software GL, which allows 16 384.
            max_texture_side: Some(16_384.min(super::super::event_loop::MAX_TEXTURE_SIDE)),
            ..egui::RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| crate::ui::frame::show(ui, &mut kiosk));
        output.textures_delta.clear();
    }
    let ([width, height], fill) = ctx.fonts(|f| (f.font_image_size(), f.font_atlas_fill_ratio()));
    // 4 MiB at most (egui keeps one copy, the driver another), and far from full.
    assert!(width * height * 4 <= 4 << 20, "{width}×{height}");
    assert!(fill < 0.5, "{fill}");
}

#[test]
fn each_new_minute_in_session_repaints_only_the_minutes_from_the_first_one_on() {
    let size = [1920, 1200];
    // 40, 39, 38 and 37 minutes left, from the kiosk's first frame: each digit the countdown
    // can show is in the font atlas already, so a new one never grows it (a full repaint).
    let damages = compare_every(
        "2026-11-25T13:50:00-08:00",
        Duration::minutes(1),
        3,
        size,
        1.0,
    );
    assert!(
        damages
            .iter()
            .all(|d| matches!(d, Damage::Regions(_)) && percent(d, size) < 2.0),
        "{:?}",
        damages
            .iter()
            .map(|d| format!("{:.1} %", percent(d, size)))
            .collect::<Vec<_>>()
    );
}

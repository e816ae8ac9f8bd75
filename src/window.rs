//! The real window, run by eframe's glow renderer: full screen with no decorations, a close
//! button or Alt+F4 that participants cannot use to leave, and a repaint only when what shows
//! changes (`ui::frame` plans it).

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::app::Kiosk;
use crate::clock::Clock;
use crate::data::{DataDir, DataLock};
use crate::error::WindowError;
use crate::ui::theme;

/// The widest texture egui may make. egui makes its font atlas as wide as the driver allows
/// (16 384 pixels in Mesa's software GL) and doubles its height as glyphs arrive, so a few
/// glyphs cost 8 MiB twice over (egui's copy and the driver's); 2048 wide, the kiosk's glyphs
/// fit in a quarter to a half of that. 2048 is egui's own default and what every GPU supports.
pub const MAX_TEXTURE_SIDE: usize = 2048;

pub struct KioskApp {
    pub kiosk: Kiosk,
    /// `--windowed` is for development and training; it closes like any window.
    windowed: bool,
    started: Instant,
    first_frame: FirstFrame,
    /// How often systemd's watchdog wants a ping (`service`); `None` outside systemd.
    watchdog: Option<Duration>,
    /// Held for the life of the window: the OS releases it if the process dies.
    _lock: DataLock,
}

/// How far the first frame has come, timed from launch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FirstFrame {
    Pending,
    /// Laid out, and handed to eframe to paint.
    LaidOut(Duration),
    /// On screen: painted, presented and its window shown.
    Shown(Duration),
}

impl eframe::App for KioskApp {
    /// Runs before every frame's screen, and also on a close request while the window is
    /// minimised or hidden (when nothing is drawn), so a close request is refused in every
    /// state.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if self.kiosk.quit_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else if !self.windowed && ctx.input(|i| i.viewport().fullscreen) == Some(false) {
            // Something (a window manager shortcut, a display change) took full screen away.
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
        self.note_first_frame_shown(ctx);
        // systemd's watchdog: every frame pings it, and a frame comes at least that often.
        if let Some(interval) = self.watchdog {
            crate::service::watchdog();
            ctx.request_repaint_after(interval);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::frame::show(ui, &mut self.kiosk);
        if self.first_frame == FirstFrame::Pending {
            self.first_frame = FirstFrame::LaidOut(self.started.elapsed());
        }
        if let FirstFrame::LaidOut(_) = self.first_frame {
            // eframe paints this frame, presents it and shows the window once `ui` returns;
            // the next frame starts right after that, and notes when the first was on screen.
            // Asked in every pass: egui may run a frame's passes again (its sizing passes; four
            // under Wayland), and eframe takes only what the last two passes asked.
            ui.ctx().request_repaint();
        }
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // eframe passes the driver's limit once, in the first frame's input.
        raw_input.max_texture_side = raw_input
            .max_texture_side
            .map(|side| side.min(MAX_TEXTURE_SIDE));
    }

    /// The screen's background is the colour the frame is cleared to, so no frame also fills
    /// the whole screen with a panel.
    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        theme::BACKGROUND.to_normalized_gamma_f32()
    }
}

impl KioskApp {
    /// The kiosk in its window; `lock` is the data folder's single-instance lock, held until
    /// the window closes.
    pub fn new(kiosk: Kiosk, windowed: bool, started: Instant, lock: DataLock) -> KioskApp {
        KioskApp {
            kiosk,
            windowed,
            started,
            first_frame: FirstFrame::Pending,
            watchdog: crate::service::watchdog_interval(),
            _lock: lock,
        }
    }

    /// At the start of the second frame, the first has been painted, presented and its
    /// window shown: said once in the log, and to systemd (the unit is `Type=notify`).
    /// Under Wayland the second frame waits for the compositor to ask for it; one that never
    /// asks (weston's headless output does not) has eframe run `logic` alone 250 ms after
    /// the first, so the kiosk says it is up then, never later.
    fn note_first_frame_shown(&mut self, ctx: &egui::Context) {
        if let FirstFrame::LaidOut(laid_out) = self.first_frame
            && ctx.cumulative_frame_nr() >= 1
        {
            let shown = self.started.elapsed();
            self.first_frame = FirstFrame::Shown(shown);
            log::info!(
                "first frame drawn {} ms after launch (laid out at {} ms)",
                shown.as_millis(),
                laid_out.as_millis()
            );
            crate::service::ready();
        }
    }

    fn may_close(&self) -> bool {
        self.windowed || self.kiosk.quit_requested
    }
}

/// Fonts many Linux tablets carry, used after egui's own for letters it lacks (Cyrillic,
/// Greek, many symbols), so more first names are drawn as typed rather than as boxes.
const FALLBACK_FONTS: &[&str] = &[
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
];

/// Where Debian's `fonts-noto-cjk` (a Recommends of the package) and similar put a font for
/// Chinese, Japanese and Korean, which neither egui's fonts nor `DejaVu` have.
const CJK_FONTS: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
];

/// Languages whose words need a CJK font.
const CJK_LANGUAGES: &[&str] = &["zh", "ja", "ko", "yue"];

fn add_font(ctx: &egui::Context, path: &str, bytes: Vec<u8>) {
    ctx.add_font(egui::epaint::text::FontInsert::new(
        path,
        egui::FontData::from_owned(bytes),
        vec![egui::epaint::text::InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: egui::epaint::text::FontPriority::Lowest,
        }],
    ));
}

/// Adds the system's fallback fonts; a CJK font too when a language found needs one (it is
/// some 20 MB in memory, too much to carry for a name typed once in a while).
fn add_system_fallback_fonts(ctx: &egui::Context, locales: &crate::locale::Locales) {
    for path in FALLBACK_FONTS {
        if let Ok(bytes) = std::fs::read(path) {
            add_font(ctx, path, bytes);
        }
    }
    let needing: Vec<&str> = locales
        .languages()
        .filter(|(lang, _)| CJK_LANGUAGES.contains(&lang.primary()))
        .map(|(_, name)| name)
        .collect();
    if needing.is_empty() {
        return;
    }
    match CJK_FONTS
        .iter()
        .find_map(|path| std::fs::read(path).ok().map(|bytes| (path, bytes)))
    {
        Some((path, bytes)) => {
            log::info!("{} uses the font {path}", needing.join(", "));
            add_font(ctx, path, bytes);
        }
        None => log::warn!(
            "no font for Chinese, Japanese or Korean is installed, so {} shows as boxes; install fonts-noto-cjk",
            needing.join(", ")
        ),
    }
}

/// Said once in `kiosk.log` when the window starts on X11.
pub const X11_TOUCH_WARNING: &str = "started on X11, where a tap on a touch screen arrives as a pointer move with no click (winit issue 3924), so taps may be ignored; on a touch screen, run the kiosk in a Wayland session or install the dropin-kiosk package, which runs it under cage";

/// Whether winit will open the window on X11: it prefers Wayland whenever a Wayland display
/// is named, and uses X11 when only `DISPLAY` is.
pub fn starts_on_x11(wayland: bool, x11_display: bool) -> bool {
    !wayland && x11_display
}

/// The size asked of a full-screen window before eframe makes it no larger than the largest
/// screen: a 4K screen, so on any smaller one the window starts exactly as large as it.
pub const FULL_SCREEN_START_SIZE: egui::Vec2 = egui::vec2(3840.0, 2160.0);

/// The window the kiosk asks for.
pub fn viewport(windowed: bool) -> egui::ViewportBuilder {
    let viewport = egui::ViewportBuilder::default()
        .with_title("Drop-in kiosk")
        .with_app_id("dropin-kiosk")
        // No window icon: nobody sees one on a full-screen kiosk, and egui's would be decoded.
        .with_icon(egui::IconData::default());
    if windowed {
        viewport.with_inner_size([1280.0, 800.0])
    } else {
        // Full screen from the first frame, so nothing is laid out for a smaller window first,
        // and as large as the screen from the first frame too: Debian 12's cage (0.1.4) tells
        // a window its size only after that window's first frame is shown, so a window left at
        // winit's 800×600 had its first frame drawn in the screen's top-left corner.
        viewport
            .with_fullscreen(true)
            .with_decorations(false)
            .with_inner_size(FULL_SCREEN_START_SIZE)
            .with_clamp_size_to_monitor_size(true)
    }
}

/// Opens the kiosk window and runs until staff quit it.
pub fn run(
    dir: DataDir,
    clock: Arc<dyn Clock>,
    windowed: bool,
    practice: bool,
    started: Instant,
) -> Result<(), WindowError> {
    let lock = dir.lock()?;
    let named = |key: &str| std::env::var_os(key).is_some_and(|v| !v.is_empty());
    if starts_on_x11(
        named("WAYLAND_DISPLAY") || named("WAYLAND_SOCKET"),
        named("DISPLAY"),
    ) {
        log::warn!("{X11_TOUCH_WARNING}");
    }
    let options = eframe::NativeOptions {
        viewport: viewport(windowed),
        // Each frame is painted whole, so each is kept as cheap as it can be: no dithering
        // noise, no multisampling (egui feathers its edges itself), and no wait for vsync,
        // since the kiosk paints at most once a second (a swap waiting on a compositor's frame
        // callback that never came once hung it).
        dithering: false,
        multisampling: 0,
        depth_buffer: 0,
        stencil_buffer: 0,
        glow_options: eframe::egui_glow::GlowConfiguration {
            vsync: false,
            ..Default::default()
        },
        ..Default::default()
    };
    // The built-in texts are copied and the database is opened (on a first run: made, with
    // a sync per step) while eframe opens the window and loads the GL driver, which takes
    // longer; neither needs the other, and the first frame waits for both. The folder is
    // locked already.
    let opening = {
        let dir = dir.clone();
        let now = clock.now();
        std::thread::spawn(move || {
            dir.copy_built_in_texts();
            crate::app::open_store(&dir, now)
        })
    };
    eframe::run_native(
        "dropin-kiosk",
        options,
        Box::new(move |cc| {
            // A panic there is this thread's too (the release build aborts on any panic).
            let storage = opening
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let mut kiosk = Kiosk::with_store(dir, clock, storage);
            kiosk.practice = practice;
            let app = KioskApp::new(kiosk, windowed, started, lock);
            theme::apply(&cc.egui_ctx);
            add_system_fallback_fonts(&cc.egui_ctx, app.kiosk.locales());
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| WindowError::Window(e.to_string()))
}

#[cfg(test)]
mod tests {
    use eframe::App as _;
    use egui::{ViewportCommand, ViewportEvent, ViewportId};

    use super::*;
    use crate::clock::FixedClock;

    fn app(windowed: bool) -> (KioskApp, tempfile::TempDir) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::prepare(tmp.path()).unwrap();
        let lock = dir.lock().unwrap();
        let clock = FixedClock::new(chrono::DateTime::UNIX_EPOCH);
        let kiosk = Kiosk::new(dir, Arc::new(clock));
        (KioskApp::new(kiosk, windowed, Instant::now(), lock), tmp)
    }

    /// `App::logic` as eframe calls it, with the frame eframe gives a test.
    fn logic(app: &mut KioskApp, ctx: &egui::Context) {
        app.logic(ctx, &mut eframe::Frame::_new_kittest());
    }

    /// What the app asks of the window when only `KioskApp::logic` runs, as it does for a
    /// close request while the window is minimised or hidden.
    fn commands_while_hidden(
        app: &mut KioskApp,
        event: Option<ViewportEvent>,
    ) -> Vec<ViewportCommand> {
        let ctx = egui::Context::default();
        let mut input = egui::RawInput::default();
        let viewport = input.viewports.entry(ViewportId::ROOT).or_default();
        viewport.minimized = Some(true);
        viewport.fullscreen = Some(true);
        viewport.events.extend(event);
        let out = ctx.run_logic(&input, |ctx| logic(app, ctx));
        out.viewport_commands
            .get(&ViewportId::ROOT)
            .cloned()
            .unwrap_or_default()
    }

    #[test]
    fn a_close_request_is_refused_while_the_window_is_hidden() {
        let (mut app, _tmp) = app(false);
        let commands = commands_while_hidden(&mut app, Some(ViewportEvent::Close));
        assert!(
            commands.contains(&ViewportCommand::CancelClose),
            "{commands:?}"
        );
    }

    #[test]
    fn a_windowed_run_closes_like_any_window() {
        let (mut app, _tmp) = app(true);
        let commands = commands_while_hidden(&mut app, Some(ViewportEvent::Close));
        assert!(
            !commands.contains(&ViewportCommand::CancelClose),
            "{commands:?}"
        );
    }

    #[test]
    fn full_screen_is_asked_for_again_when_it_is_lost() {
        let (mut app, _tmp) = app(false);
        let ctx = egui::Context::default();
        let mut input = egui::RawInput::default();
        input
            .viewports
            .entry(ViewportId::ROOT)
            .or_default()
            .fullscreen = Some(false);
        let out = ctx.run_logic(&input, |ctx| logic(&mut app, ctx));
        let commands = out.viewport_commands.get(&ViewportId::ROOT).cloned();
        assert_eq!(commands, Some(vec![ViewportCommand::Fullscreen(true)]));
        assert!(commands_while_hidden(&mut app, None).is_empty());
    }

    /// One frame as eframe runs it: `logic`, then `ui`, in each of egui's passes.
    fn frame(app: &mut KioskApp, ctx: &egui::Context) -> egui::FullOutput {
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            logic(app, ui.ctx());
            app.ui(ui, &mut eframe::Frame::_new_kittest());
        });
        // No renderer here to take the font atlas.
        out.textures_delta.clear();
        out
    }

    #[test]
    fn the_first_frame_is_timed_once_it_is_on_screen_not_when_it_is_laid_out() {
        let (mut app, _tmp) = app(false);
        let ctx = egui::Context::default();
        // What eframe hears: each repaint asked for, and in which pass.
        let asked = Arc::new(std::sync::Mutex::new(Vec::new()));
        ctx.set_request_repaint_callback({
            let asked = Arc::clone(&asked);
            move |info| {
                asked
                    .lock()
                    .unwrap()
                    .push((info.current_cumulative_pass_nr, info.delay));
            }
        });
        // A first frame whose passes egui runs again, as it does when a screen first sizes
        // itself: under Wayland the kiosk's first frame took four.
        ctx.options_mut(|o| o.max_passes = std::num::NonZeroUsize::new(4).unwrap());
        let mut input = egui::RawInput::default();
        let passes = std::sync::atomic::AtomicUsize::new(0);
        let mut first = ctx.run_ui(input.take(), |ui| {
            if passes.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < 3 {
                ui.ctx().request_discard("a sizing pass");
            }
            logic(&mut app, ui.ctx());
            app.ui(ui, &mut eframe::Frame::_new_kittest());
        });
        first.textures_delta.clear();
        assert_eq!(
            ctx.cumulative_pass_nr(),
            4,
            "the first frame ran four passes"
        );
        let FirstFrame::LaidOut(laid_out) = app.first_frame else {
            panic!("after the first frame: {:?}", app.first_frame);
        };
        // eframe paints and shows it after `ui`, and takes a repaint asked for in the last
        // pass or the one before: the next frame is asked for at once from there, so it
        // starts as soon as the first is on screen, not after a minute's wait.
        let last_pass = ctx.cumulative_pass_nr() - 1;
        let asked_in_last_pass = asked
            .lock()
            .unwrap()
            .iter()
            .any(|&(pass, delay)| pass == last_pass && delay.is_zero());
        assert!(asked_in_last_pass, "{:?}", asked.lock().unwrap());
        frame(&mut app, &ctx);
        let FirstFrame::Shown(shown) = app.first_frame else {
            panic!("after the second frame: {:?}", app.first_frame);
        };
        assert!(shown >= laid_out, "{shown:?} < {laid_out:?}");
        // Noted once: later frames leave it as it was.
        frame(&mut app, &ctx);
        assert_eq!(app.first_frame, FirstFrame::Shown(shown));
    }

    #[test]
    fn the_font_atlas_stays_2048_pixels_wide_on_a_driver_that_allows_more() {
        let (mut app, _tmp) = app(false);
        let ctx = egui::Context::default();
        // Mesa's software GL allows 16 384: the atlas would be that wide, 8 MiB for a few glyphs.
        let mut first = egui::RawInput {
            max_texture_side: Some(16_384),
            ..Default::default()
        };
        app.raw_input_hook(&ctx, &mut first);
        ctx.run_ui(first, |ui| {
            ui.label("0123456789");
        })
        .textures_delta
        .clear();
        // Later frames carry no limit; the first one's holds.
        let mut later = egui::RawInput::default();
        app.raw_input_hook(&ctx, &mut later);
        ctx.run_ui(later, |ui| {
            ui.label("9876543210");
        })
        .textures_delta
        .clear();
        assert_eq!(ctx.fonts(|f| f.font_image_size()[0]), MAX_TEXTURE_SIDE);
    }

    #[test]
    fn a_driver_allowing_less_than_2048_keeps_its_own_limit() {
        let (mut app, _tmp) = app(false);
        let mut input = egui::RawInput {
            max_texture_side: Some(1024),
            ..Default::default()
        };
        app.raw_input_hook(&egui::Context::default(), &mut input);
        assert_eq!(input.max_texture_side, Some(1024));
    }

    #[test]
    fn a_full_screen_window_starts_as_large_as_the_screen() {
        let full = viewport(false);
        assert_eq!(full.fullscreen, Some(true));
        // eframe makes it no larger than the largest screen, so exactly as large as one up to 4K.
        assert_eq!(full.inner_size, Some(FULL_SCREEN_START_SIZE));
        assert_eq!(full.clamp_size_to_monitor_size, Some(true));
        assert_eq!(viewport(true).fullscreen, None);
    }

    #[test]
    fn the_screen_is_cleared_to_the_kiosk_background() {
        let (app, _tmp) = app(false);
        let [r, g, b, a] = app
            .clear_color(&egui::Visuals::dark())
            .map(|c| (c * 255.0).round() as u8);
        assert_eq!(
            egui::Color32::from_rgba_premultiplied(r, g, b, a),
            theme::BACKGROUND
        );
    }
}

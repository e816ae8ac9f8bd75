//! The real window: full-screen with no decorations, a close button or Alt+F4 that
//! participants cannot use to leave, and a renderer that repaints only what changed.

mod damage;
mod event_loop;
mod gl;

use std::sync::Arc;
use std::time::Instant;

use crate::app::Kiosk;
use crate::clock::Clock;
use crate::data::{DataDir, DataLock};
use crate::ui::theme;

pub struct KioskApp {
    pub kiosk: Kiosk,
    /// `--windowed` is for development and training; it closes like any window.
    windowed: bool,
    started: Instant,
    first_frame_logged: bool,
    /// Held for the life of the window: the OS releases it if the process dies.
    _lock: DataLock,
}

impl KioskApp {
    /// Runs before every frame's screen, and also on a close request while the window is
    /// minimised or hidden (when nothing is drawn), so a close request is refused in every
    /// state.
    fn logic(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if self.kiosk.quit_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else if !self.windowed && ctx.input(|i| i.viewport().fullscreen) == Some(false) {
            // Something (a window manager shortcut, a display change) took full screen away.
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui) {
        crate::ui::frame::show(ui, &mut self.kiosk);
    }

    fn after_first_frame(&mut self) {
        if !self.first_frame_logged {
            self.first_frame_logged = true;
            log::info!(
                "first frame drawn {} ms after launch",
                self.started.elapsed().as_millis()
            );
        }
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
            first_frame_logged: false,
            _lock: lock,
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

fn add_system_fallback_fonts(ctx: &egui::Context) {
    for path in FALLBACK_FONTS {
        if let Ok(bytes) = std::fs::read(path) {
            ctx.add_font(egui::epaint::text::FontInsert::new(
                path,
                egui::FontData::from_owned(bytes),
                vec![egui::epaint::text::InsertFontFamily {
                    family: egui::FontFamily::Proportional,
                    priority: egui::epaint::text::FontPriority::Lowest,
                }],
            ));
        }
    }
}

/// Why the kiosk window could not start, in one sentence.
#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    #[error(transparent)]
    Lock(#[from] crate::error::LockError),
    #[error("could not open the kiosk window: {0}")]
    Window(String),
}

/// Said once in `kiosk.log` when the window starts on X11.
pub const X11_TOUCH_WARNING: &str = "started on X11, where a tap on a touch screen arrives as a pointer move with no click (winit issue 3924), so taps may be ignored; on a touch screen, run the kiosk in a Wayland session or install the dropin-kiosk package, which runs it under cage";

/// Whether winit will open the window on X11: it prefers Wayland whenever a Wayland display
/// is named, and uses X11 when only `DISPLAY` is.
pub fn starts_on_x11(wayland: bool, x11_display: bool) -> bool {
    !wayland && x11_display
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
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Drop-in kiosk")
        .with_app_id("dropin-kiosk");
    viewport = if windowed {
        viewport.with_inner_size([1280.0, 800.0])
    } else {
        viewport.with_fullscreen(true).with_decorations(false)
    };
    let mut kiosk = Kiosk::new(dir, clock);
    kiosk.practice = practice;
    let ctx = egui::Context::default();
    theme::apply(&ctx);
    add_system_fallback_fonts(&ctx);
    let app = KioskApp::new(kiosk, windowed, started, lock);
    event_loop::run(app, ctx, viewport)
}

#[cfg(test)]
mod tests {
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
        let out = ctx.run_logic(&input, |ctx| app.logic(ctx));
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
        let out = ctx.run_logic(&input, |ctx| app.logic(ctx));
        let commands = out.viewport_commands.get(&ViewportId::ROOT).cloned();
        assert_eq!(commands, Some(vec![ViewportCommand::Fullscreen(true)]));
        assert!(commands_while_hidden(&mut app, None).is_empty());
    }
}

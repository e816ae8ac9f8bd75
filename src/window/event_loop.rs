//! The window's event loop: winit events into egui, one egui pass per frame, and the frame
//! painted and presented by the damage-limited renderer. It does what eframe's glow loop did
//! for the kiosk (one window, AccessKit, viewport commands, repaint timing), without its full
//! repaint of every frame.

use std::sync::Arc;
use std::time::Instant;

use egui::{ViewportCommand, ViewportId, ViewportInfo};
use egui_winit::accesskit_winit;
use winit::application::ApplicationHandler;
use winit::event::{StartCause, WindowEvent};
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop, EventLoopProxy};
use winit::window::{Window, WindowId};

use super::damage::Damage;
use super::gl::{Frame, Renderer, Surface};
use super::{KioskApp, WindowError};
use crate::ui::theme;

/// What reaches the loop from outside a window event.
#[derive(Debug)]
pub enum UserEvent {
    /// egui asked for a repaint (from a pass, or from AccessKit).
    Repaint(std::time::Duration),
    AccessKit(accesskit_winit::Event),
}

impl From<accesskit_winit::Event> for UserEvent {
    fn from(event: accesskit_winit::Event) -> Self {
        UserEvent::AccessKit(event)
    }
}

/// The window once it exists.
struct Live {
    window: Arc<Window>,
    state: egui_winit::State,
    surface: Surface,
    renderer: Renderer,
    info: ViewportInfo,
    /// Paint the next frame whole: the window was resized, exposed, touched, or rescaled.
    repaint_whole: bool,
    /// A redraw the loop asked for itself; any other is the system's (an expose).
    asked: bool,
    stats: PaintStats,
}

/// The widest texture egui may make. egui makes its font atlas as wide as the driver allows
/// (16 384 pixels in Mesa's software GL) and doubles its height as glyphs arrive, so a few
/// glyphs cost 8 MiB twice over (egui's copy and the driver's); 2048 wide, the kiosk's glyphs
/// fit in a quarter to a half of that. 2048 is egui's own default and what every GPU supports.
pub(super) const MAX_TEXTURE_SIDE: usize = 2048;

/// How long painting and presenting takes, logged every so many frames so a slow machine
/// shows in the log (and the benchmark can read it).
#[derive(Default)]
struct PaintStats {
    frames: u32,
    seconds: f64,
    share: f64,
}

impl PaintStats {
    const EVERY: u32 = 10;

    fn add(&mut self, took: std::time::Duration, area: u64, size: [u32; 2]) {
        self.frames += 1;
        self.seconds += took.as_secs_f64();
        let whole = (u64::from(size[0]) * u64::from(size[1])).max(1);
        self.share += area as f64 / whole as f64;
        if self.frames == Self::EVERY {
            let n = f64::from(self.frames);
            log::info!(
                "painted {} frames in {:.2} ms each on average, {:.1} % of the screen each",
                self.frames,
                1000.0 * self.seconds / n,
                100.0 * self.share / n
            );
            *self = PaintStats::default();
        }
    }
}

struct Runner {
    app: KioskApp,
    ctx: egui::Context,
    viewport: egui::ViewportBuilder,
    proxy: EventLoopProxy<UserEvent>,
    live: Option<Live>,
    next_repaint: Option<Instant>,
    error: Option<WindowError>,
    /// `DROPIN_KIOSK_FULL_REPAINT=1`: paint and present every frame whole, as before damage
    /// tracking; for a graphics driver that shows partial frames wrongly, and for comparing.
    always_whole: bool,
}

/// Runs the kiosk window until staff quit it.
pub fn run(
    app: KioskApp,
    ctx: egui::Context,
    viewport: egui::ViewportBuilder,
) -> Result<(), WindowError> {
    let event_loop = EventLoop::<UserEvent>::with_user_event()
        .build()
        .map_err(|e| WindowError::Window(e.to_string()))?;
    let proxy = event_loop.create_proxy();
    let repaint_proxy = egui::mutex::Mutex::new(proxy.clone());
    ctx.set_request_repaint_callback(move |info| {
        // Fails only once the loop has ended, when no repaint is wanted anyway.
        let _ = repaint_proxy
            .lock()
            .send_event(UserEvent::Repaint(info.delay));
    });
    let mut runner = Runner {
        app,
        ctx,
        viewport,
        proxy,
        live: None,
        next_repaint: Some(Instant::now()),
        error: None,
        always_whole: std::env::var_os("DROPIN_KIOSK_FULL_REPAINT").is_some_and(|v| v == "1"),
    };
    event_loop
        .run_app(&mut runner)
        .map_err(|e| WindowError::Window(e.to_string()))?;
    runner.error.map_or(Ok(()), Err)
}

impl Runner {
    fn open(&mut self, event_loop: &ActiveEventLoop) -> Result<Live, String> {
        // Hidden until the first frame is painted, as eframe does, and so AccessKit can attach.
        let attributes =
            egui_winit::create_winit_window_attributes(&self.ctx, self.viewport.clone())
                .with_visible(false);
        let (window, surface, gl) = Surface::create(event_loop, attributes)?;
        let window = Arc::new(window);
        egui_winit::apply_viewport_builder_to_window(&self.ctx, &window, &self.viewport);
        let renderer = Renderer::new(gl)?;
        let mut state = egui_winit::State::new(
            self.ctx.clone(),
            ViewportId::ROOT,
            event_loop,
            Some(window.scale_factor() as f32),
            event_loop.system_theme(),
            Some(renderer.max_texture_side().min(MAX_TEXTURE_SIDE)),
        );
        state.init_accesskit(event_loop, &window, self.proxy.clone());
        let mut info = ViewportInfo::default();
        egui_winit::update_viewport_info(&mut info, &self.ctx, &window, true);
        Ok(Live {
            window,
            state,
            surface,
            renderer,
            info,
            repaint_whole: true,
            asked: true,
            stats: PaintStats::default(),
        })
    }

    /// One egui pass, then paint and present what it changed.
    fn frame(&mut self, event_loop: &ActiveEventLoop) {
        let Some(live) = self.live.as_mut() else {
            return;
        };
        egui_winit::update_viewport_info(&mut live.info, &self.ctx, &live.window, false);
        let mut input = live.state.take_egui_input(&live.window);
        input.viewports = std::iter::once((ViewportId::ROOT, live.info.clone())).collect();
        let close_requested = input.viewport().close_requested();
        live.info.events.clear();
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| {
            app.logic(ui.ctx());
            app.ui(ui);
        });
        live.state.handle_platform_output_with_event_loop(
            &live.window,
            event_loop,
            output.platform_output,
        );

        let mut commands = output
            .viewport_output
            .get(&ViewportId::ROOT)
            .map(|v| v.commands.clone())
            .unwrap_or_default();
        let refused = commands.contains(&ViewportCommand::CancelClose);
        let mut quit = close_requested && !refused;
        commands.retain(|c| {
            let close = matches!(c, ViewportCommand::Close);
            quit |= close;
            !close && !matches!(c, ViewportCommand::CancelClose)
        });
        let mut actions = Vec::new();
        egui_winit::process_viewport_commands(
            &self.ctx,
            &mut live.info,
            commands,
            &live.window,
            &mut actions,
        );
        if quit {
            event_loop.exit();
            return;
        }
        let delay = output
            .viewport_output
            .get(&ViewportId::ROOT)
            .map_or(std::time::Duration::MAX, |v| v.repaint_delay);
        self.next_repaint = Instant::now().checked_add(delay);

        if live.window.is_minimized() == Some(true) {
            live.renderer.skip(output.textures_delta);
            live.repaint_whole = true;
            return;
        }
        let size: [u32; 2] = live.window.inner_size().into();
        let age = if live.repaint_whole || self.always_whole {
            0
        } else {
            live.surface.age()
        };
        let started = Instant::now();
        let damage = live.renderer.paint(
            &self.ctx,
            Frame {
                shapes: output.shapes,
                textures_delta: output.textures_delta,
                pixels_per_point: output.pixels_per_point,
            },
            size,
            age,
            theme::BACKGROUND.to_normalized_gamma_f32(),
        );
        if let Err(err) = live.surface.present(&damage, size) {
            log::error!("could not show the frame: {err}");
            live.renderer.forget();
        }
        if damage != Damage::None {
            live.stats.add(started.elapsed(), damage.area(size), size);
        }
        live.repaint_whole = false;
        if !self.app.first_frame_logged {
            live.window.set_visible(true);
            // Shown now: paint it whole once it is on screen.
            live.repaint_whole = true;
            live.asked = true;
            live.window.request_redraw();
        }
        self.app.after_first_frame();
    }
}

impl ApplicationHandler<UserEvent> for Runner {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.live.is_some() {
            return;
        }
        match self.open(event_loop) {
            Ok(live) => {
                live.window.request_redraw();
                self.live = Some(live);
            }
            Err(err) => {
                self.error = Some(WindowError::Window(err));
                event_loop.exit();
            }
        }
    }

    fn new_events(&mut self, _event_loop: &ActiveEventLoop, cause: StartCause) {
        if let (StartCause::ResumeTimeReached { .. }, Some(live)) = (cause, self.live.as_mut()) {
            live.asked = true;
            live.window.request_redraw();
        }
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, _id: WindowId, event: WindowEvent) {
        let Some(live) = self.live.as_mut() else {
            return;
        };
        match &event {
            WindowEvent::RedrawRequested => {
                if !live.asked {
                    live.repaint_whole = true;
                }
                live.asked = false;
                self.frame(event_loop);
                return;
            }
            WindowEvent::CloseRequested => {
                // Decided in a pass by `KioskApp::logic`, as eframe does, also while hidden.
                live.info.events.push(egui::ViewportEvent::Close);
            }
            WindowEvent::Resized(size) => {
                live.surface.resize(size.width, size.height);
            }
            WindowEvent::Occluded(occluded) => live.info.occluded = Some(*occluded),
            _ => {}
        }
        let response = live.state.on_window_event(&live.window, &event);
        let screen_change = matches!(
            event,
            WindowEvent::CloseRequested
                | WindowEvent::Resized(_)
                | WindowEvent::ScaleFactorChanged { .. }
                | WindowEvent::Occluded(_)
                | WindowEvent::Moved(_)
        );
        if response.repaint || screen_change {
            // Anything but time passing (a touch, a key, a screen change) repaints it all.
            live.repaint_whole = true;
            live.asked = true;
            live.window.request_redraw();
        }
    }

    fn user_event(&mut self, _event_loop: &ActiveEventLoop, event: UserEvent) {
        let Some(live) = self.live.as_mut() else {
            return;
        };
        match event {
            UserEvent::Repaint(delay) => {
                if let Some(when) = Instant::now().checked_add(delay) {
                    self.next_repaint = Some(self.next_repaint.map_or(when, |t| t.min(when)));
                }
            }
            UserEvent::AccessKit(accesskit_winit::Event { window_event, .. }) => match window_event
            {
                accesskit_winit::WindowEvent::InitialTreeRequested => {
                    self.ctx.enable_accesskit();
                    live.asked = true;
                    live.window.request_redraw();
                }
                accesskit_winit::WindowEvent::ActionRequested(request) => {
                    live.state.on_accesskit_action_request(request);
                    live.repaint_whole = true;
                    live.asked = true;
                    live.window.request_redraw();
                }
                accesskit_winit::WindowEvent::AccessibilityDeactivated => {
                    self.ctx.disable_accesskit();
                }
            },
        }
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        match self.next_repaint {
            Some(when) if when <= Instant::now() => {
                self.next_repaint = None;
                if let Some(live) = self.live.as_mut() {
                    live.asked = true;
                    live.window.request_redraw();
                }
                event_loop.set_control_flow(ControlFlow::Wait);
            }
            Some(when) => event_loop.set_control_flow(ControlFlow::WaitUntil(when)),
            None => event_loop.set_control_flow(ControlFlow::Wait),
        }
    }

    fn exiting(&mut self, _event_loop: &ActiveEventLoop) {
        if let Some(live) = self.live.as_mut() {
            live.renderer.destroy();
        }
    }
}

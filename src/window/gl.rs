//! The renderer: egui's glow painter on an OpenGL context from glutin. A frame that differs
//! from the last only in a region (a new second, the progress bar) is painted only there, on
//! a back buffer that still holds the last frame, and only that region is presented.
//!
//! This is the one module with `unsafe`: OpenGL, EGL and GLX are C interfaces, and glow and
//! glutin mark a call unsafe wherever a stale handle or a call without a current context
//! would be undefined behaviour. Each use is scoped to one function and says why it holds.

use std::collections::VecDeque;
use std::ffi::c_void;
use std::num::NonZeroU32;
use std::sync::Arc;

use egui::epaint::{ClippedPrimitive, ClippedShape};
use egui::{Context, TexturesDelta};
use glow::HasContext as _;
use glutin::config::{Config, ConfigTemplateBuilder};
use glutin::context::{
    ContextApi, ContextAttributesBuilder, NotCurrentGlContext as _, PossiblyCurrentContext,
};
use glutin::display::{
    AsRawDisplay as _, Display, DisplayApiPreference, GetDisplayExtensions as _, GlDisplay as _,
    RawDisplay,
};
use glutin::surface::{
    AsRawSurface as _, GlSurface as _, RawSurface, SurfaceAttributesBuilder, SwapInterval,
    WindowSurface,
};
use winit::event_loop::ActiveEventLoop;
use winit::raw_window_handle::{HasDisplayHandle as _, HasWindowHandle as _};
use winit::window::{Window, WindowAttributes};

use super::damage::{self, Damage, PixelRect};

/// How many past frames' damage is remembered, for back buffers a few swaps old.
const HISTORY: usize = 4;

/// One frame as egui produced it.
pub struct Frame {
    pub shapes: Vec<ClippedShape>,
    pub textures_delta: TexturesDelta,
    pub pixels_per_point: f32,
}

/// egui's painter plus what it painted last, to find what the next frame changes.
pub struct Renderer {
    painter: egui_glow::Painter,
    last: Option<(Vec<ClippedShape>, f32, [u32; 2])>,
    /// The damage of recent frames, newest first.
    history: VecDeque<Damage>,
}

impl Renderer {
    /// A painter on `gl`, with eframe's defaults (shader chosen by the GL version, dithering).
    pub fn new(gl: Arc<glow::Context>) -> Result<Renderer, String> {
        let painter = egui_glow::Painter::new(gl, "", None, true).map_err(|e| e.to_string())?;
        Ok(Renderer {
            painter,
            last: None,
            history: VecDeque::new(),
        })
    }

    pub fn max_texture_side(&self) -> usize {
        self.painter.max_texture_side()
    }

    /// Paints `frame` on the bound framebuffer of `size` pixels. `age` is how many frames ago
    /// that buffer was last painted by this renderer (1: it holds the last frame; 0: unknown,
    /// so everything is painted). Returns what was painted, for presenting just that.
    pub fn paint(
        &mut self,
        ctx: &Context,
        frame: Frame,
        size: [u32; 2],
        age: u32,
        clear_color: [f32; 4],
    ) -> Damage {
        let Frame {
            shapes,
            mut textures_delta,
            pixels_per_point: ppp,
        } = frame;
        // A whole texture replaced or freed may change pixels of shapes that stayed the same;
        // a patch (new glyphs in the font atlas) lands where no earlier shape samples.
        let textures_replaced = !textures_delta.free.is_empty()
            || textures_delta
                .set
                .values()
                .flatten()
                .any(|delta| delta.pos.is_none());
        let changed = match &self.last {
            Some((old, old_ppp, old_size))
                if !textures_replaced
                    && old_ppp.to_bits() == ppp.to_bits()
                    && *old_size == size =>
            {
                damage::between(ctx, old, &shapes, ppp, size)
            }
            _ => Damage::Full,
        };
        if changed == Damage::None {
            // Nothing to paint or present: the buffers stay as they are, and so does their age.
            self.update_textures(&mut textures_delta, shapes, ppp, size);
            return Damage::None;
        }
        self.history.push_front(changed);
        self.history.truncate(HISTORY);
        // The buffer misses this frame's changes and those of the frames since it was painted.
        let damage = if age == 0 || age as usize > self.history.len() {
            Damage::Full
        } else {
            self.history
                .iter()
                .take(age as usize)
                .fold(Damage::None, |a, b| a.union(b.clone(), size))
        };

        self.set_textures(&mut textures_delta);
        match &damage {
            Damage::None => {}
            Damage::Full => {
                let primitives = ctx.tessellate(shapes.clone(), ppp);
                self.painter.clear(size, clear_color);
                self.painter.paint_primitives(size, ppp, &primitives);
            }
            Damage::Regions(regions) => {
                let all = ctx.tessellate(shapes.clone(), ppp);
                for region in regions {
                    let clip = region.to_points(ppp);
                    let primitives: Vec<ClippedPrimitive> = all
                        .iter()
                        .filter_map(|p| {
                            let clip_rect = p.clip_rect.intersect(clip);
                            clip_rect.is_positive().then(|| ClippedPrimitive {
                                clip_rect,
                                primitive: p.primitive.clone(),
                            })
                        })
                        .collect();
                    clear_region(self.painter.gl(), size, *region, clear_color);
                    self.painter.paint_primitives(size, ppp, &primitives);
                }
            }
        }
        self.free_textures(&mut textures_delta);
        self.last = Some((shapes, ppp, size));
        damage
    }

    fn update_textures(
        &mut self,
        delta: &mut TexturesDelta,
        shapes: Vec<ClippedShape>,
        ppp: f32,
        size: [u32; 2],
    ) {
        self.set_textures(delta);
        self.free_textures(delta);
        self.last = Some((shapes, ppp, size));
    }

    /// Keeps the textures of a frame that is not painted (the window is minimised); the next
    /// frame is painted whole.
    pub fn skip(&mut self, mut delta: TexturesDelta) {
        self.set_textures(&mut delta);
        self.free_textures(&mut delta);
        self.forget();
    }

    fn set_textures(&mut self, delta: &mut TexturesDelta) {
        #[expect(
            clippy::iter_over_hash_type,
            reason = "each texture is set on its own; the order does not matter"
        )]
        for (id, deltas) in delta.set.drain() {
            for image in deltas {
                self.painter.set_texture(id, &image);
            }
        }
    }

    fn free_textures(&mut self, delta: &mut TexturesDelta) {
        #[expect(
            clippy::iter_over_hash_type,
            reason = "each texture is freed on its own; the order does not matter"
        )]
        for id in delta.free.drain() {
            self.painter.free_texture(id);
        }
    }

    /// Forgets the last frame, so the next is painted whole.
    pub fn forget(&mut self) {
        self.last = None;
        self.history.clear();
    }

    /// The bound framebuffer's pixels, top row first, RGBA.
    #[cfg(test)]
    pub fn read_pixels(&self, size: [u32; 2]) -> Vec<u8> {
        self.painter.read_screen_rgba(size).as_raw().to_vec()
    }

    pub fn destroy(&mut self) {
        self.painter.destroy();
    }
}

/// Fills `region` with the background colour, leaving the rest of the buffer as it is.
#[expect(
    unsafe_code,
    reason = "glow marks every GL call unsafe; these run on the renderer's current context"
)]
fn clear_region(gl: &glow::Context, size: [u32; 2], region: PixelRect, color: [f32; 4]) {
    // SAFETY: the painter's context is current on this thread (it was made current when the
    // renderer was created and is never released), and these calls take plain values only.
    unsafe {
        gl.viewport(0, 0, size[0] as i32, size[1] as i32);
        gl.enable(glow::SCISSOR_TEST);
        gl.scissor(
            region.x as i32,
            (size[1] - region.y - region.height) as i32,
            region.width as i32,
            region.height as i32,
        );
        gl.clear_color(color[0], color[1], color[2], color[3]);
        gl.clear(glow::COLOR_BUFFER_BIT);
        gl.disable(glow::SCISSOR_TEST);
    }
}

/// `glXCopySubBufferMESA`: copies a rectangle of the back buffer to the window, leaving the
/// back buffer as it was.
type CopySubBuffer = unsafe extern "C" fn(*const c_void, u64, i32, i32, i32, i32);

/// The window's OpenGL surface and context.
pub struct Surface {
    display: Display,
    gl_window: glutin::surface::Surface<WindowSurface>,
    context: PossiblyCurrentContext,
    /// On GLX with `GLX_MESA_copy_sub_buffer` (Mesa, including software GL on X), the kiosk
    /// never swaps: the back buffer keeps every frame and damaged rectangles are copied out.
    copy_sub_buffer: Option<CopySubBuffer>,
}

impl Surface {
    /// Creates the window from `attributes` with an OpenGL context current on it, and the
    /// glow context for egui's painter.
    #[expect(
        unsafe_code,
        reason = "glutin's context and surface creation and glow's loader are unsafe C calls"
    )]
    pub fn create(
        event_loop: &ActiveEventLoop,
        attributes: WindowAttributes,
    ) -> Result<(Window, Surface, Arc<glow::Context>), String> {
        let template = ConfigTemplateBuilder::new()
            .prefer_hardware_accelerated(None)
            .with_depth_size(0)
            .with_stencil_size(0)
            .with_transparency(false)
            .build();
        let raw_display = event_loop
            .display_handle()
            .map_err(|e| e.to_string())?
            .as_raw();
        // GLX first on X (as eframe does; Mesa's GLX can present part of a frame), else EGL.
        let preference = DisplayApiPreference::GlxThenEgl(Box::new(
            winit::platform::x11::register_xlib_error_hook,
        ));
        // SAFETY: the display handle is the event loop's, which outlives every window, surface
        // and context made from it.
        let display = unsafe { Display::new(raw_display, preference) }
            .map_err(|e| format!("no OpenGL display: {e}"))?;
        // SAFETY: the template is plain data for this display.
        let config: Config = unsafe { display.find_configs(template) }
            .map_err(|e| format!("no OpenGL configuration: {e}"))?
            .next()
            .ok_or("no OpenGL configuration fits the window")?;
        let window = glutin_winit::finalize_window(event_loop, attributes, &config)
            .map_err(|e| e.to_string())?;
        let handle = window.window_handle().map_err(|e| e.to_string())?.as_raw();
        let context = ContextAttributesBuilder::new().build(Some(handle));
        let fallback = ContextAttributesBuilder::new()
            .with_context_api(ContextApi::Gles(None))
            .build(Some(handle));
        // SAFETY: `handle` is the window just created, which outlives the context (both are
        // dropped together by the event loop, the context first).
        let not_current = unsafe {
            display
                .create_context(&config, &context)
                .or_else(|_| display.create_context(&config, &fallback))
        }
        .map_err(|e| format!("no OpenGL context: {e}"))?;
        let (w, h): (u32, u32) = window.inner_size().into();
        let surface_attributes = SurfaceAttributesBuilder::<WindowSurface>::new().build(
            handle,
            NonZeroU32::new(w).unwrap_or(NonZeroU32::MIN),
            NonZeroU32::new(h).unwrap_or(NonZeroU32::MIN),
        );
        // SAFETY: as above, the window outlives its surface.
        let surface = unsafe { display.create_window_surface(&config, &surface_attributes) }
            .map_err(|e| format!("no OpenGL surface: {e}"))?;
        let context = not_current
            .make_current(&surface)
            .map_err(|e| e.to_string())?;
        // Vsync on GLX, as eframe asks it; a driver without it simply presents at once. On EGL
        // (Wayland) a swap that waits for vsync waits for the compositor's frame callback, which
        // never comes while the output is blanked or the window is not yet shown: the kiosk
        // would hang inside the swap, deaf to taps and to its own clock. It draws at most once
        // a second unless touched, so it has no frames to throttle.
        let interval = if matches!(display, Display::Egl(_)) {
            SwapInterval::DontWait
        } else {
            SwapInterval::Wait(NonZeroU32::MIN)
        };
        let _ = surface.set_swap_interval(&context, interval);
        // SAFETY: the context is current on this thread; glutin returns null for unknown names.
        let gl =
            unsafe { glow::Context::from_loader_function_cstr(|s| display.get_proc_address(s)) };
        let copy_sub_buffer = copy_sub_buffer(&display).filter(|_| !surface.is_single_buffered());
        log::info!(
            "OpenGL: {}; damaged regions presented by {}",
            gl_renderer_name(&gl),
            if copy_sub_buffer.is_some() {
                "glXCopySubBufferMESA"
            } else if matches!(display, Display::Egl(_)) {
                "eglSwapBuffersWithDamage where supported, with the buffer age"
            } else {
                "a full swap, with the buffer age"
            }
        );
        Ok((
            window,
            Surface {
                display,
                gl_window: surface,
                context,
                copy_sub_buffer,
            },
            Arc::new(gl),
        ))
    }

    pub fn resize(&self, width: u32, height: u32) {
        if let (Some(w), Some(h)) = (NonZeroU32::new(width), NonZeroU32::new(height)) {
            self.gl_window.resize(&self.context, w, h);
        }
    }

    /// How many frames ago the back buffer was painted (see [`Renderer::paint`]).
    pub fn age(&self) -> u32 {
        if self.copy_sub_buffer.is_some() {
            1
        } else {
            self.gl_window.buffer_age()
        }
    }

    /// Shows what [`Renderer::paint`] just painted on the back buffer.
    #[expect(
        unsafe_code,
        reason = "glXCopySubBufferMESA is a C function found at run time"
    )]
    pub fn present(&self, damage: &Damage, size: [u32; 2]) -> Result<(), String> {
        let regions = match damage {
            Damage::None => return Ok(()),
            Damage::Full => vec![PixelRect::whole(size)],
            Damage::Regions(regions) => regions.clone(),
        };
        // GL's rectangles start at the bottom left. A whole frame is swapped, not copied: Mesa's
        // software GLX learns the window's size at a swap, and copies nothing before one.
        let gl_rect = |r: &PixelRect| {
            let from_bottom = size[1].saturating_sub(r.y + r.height);
            [
                r.x as i32,
                from_bottom as i32,
                r.width as i32,
                r.height as i32,
            ]
        };
        if let (Damage::Regions(_), Some(copy), RawDisplay::Glx(dpy), RawSurface::Glx(drawable)) = (
            damage,
            self.copy_sub_buffer,
            self.display.raw_display(),
            self.gl_window.raw_surface(),
        ) {
            for [x, y, w, h] in regions.iter().map(gl_rect) {
                // SAFETY: `dpy` and `drawable` are the live X display and GLX window of this
                // surface; the function was looked up by its exact name on this display, and
                // takes plain integers for the rectangle.
                unsafe { copy(dpy, drawable, x, y, w, h) };
            }
            return Ok(());
        }
        let result = match (&self.gl_window, &self.context) {
            (
                glutin::surface::Surface::Egl(surface),
                glutin::context::PossiblyCurrentContext::Egl(context),
            ) if *damage != Damage::Full => {
                let rects: Vec<glutin::surface::Rect> = regions
                    .iter()
                    .map(gl_rect)
                    .map(|[x, y, w, h]| glutin::surface::Rect::new(x, y, w, h))
                    .collect();
                surface.swap_buffers_with_damage(context, &rects)
            }
            _ => self.gl_window.swap_buffers(&self.context),
        };
        result.map_err(|e| e.to_string())
    }
}

/// `glXCopySubBufferMESA` when the display is GLX and offers it.
#[expect(
    unsafe_code,
    reason = "a C function pointer from glXGetProcAddress is given its documented type"
)]
fn copy_sub_buffer(display: &Display) -> Option<CopySubBuffer> {
    let Display::Glx(glx) = display else {
        return None;
    };
    if !glx.extensions().contains("GLX_MESA_copy_sub_buffer") {
        return None;
    }
    let pointer = display.get_proc_address(c"glXCopySubBufferMESA");
    if pointer.is_null() {
        return None;
    }
    // SAFETY: the extension is offered, and its function has this C signature:
    // void glXCopySubBufferMESA(Display*, GLXDrawable, int x, int y, int width, int height).
    Some(unsafe { std::mem::transmute::<*const c_void, CopySubBuffer>(pointer) })
}

#[expect(
    unsafe_code,
    reason = "glow marks every GL call unsafe; this runs on the current context"
)]
fn gl_renderer_name(gl: &glow::Context) -> String {
    // SAFETY: the context is current on this thread; RENDERER is a GL 1.0 string.
    unsafe { gl.get_parameter_string(glow::RENDERER) }
}

#[cfg(test)]
#[path = "gl_tests.rs"]
mod tests;

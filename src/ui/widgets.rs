//! Shared pieces: big touch buttons and the status band with the live timer.

use egui::{Button, Color32, Response, RichText, Ui, Vec2};

use super::theme;
use crate::app::{Action, View};
use crate::domain::text_size::TextSize;
use crate::words::timer::StatusWords as _;

/// A button of one colour with its text as its accessible label.
pub fn filled_button(
    ui: &mut Ui,
    text: &str,
    text_size: f32,
    (fill, color): (Color32, Color32),
    min_size: Vec2,
) -> Response {
    ui.add(
        Button::new(RichText::new(text).size(text_size).color(color))
            .fill(fill)
            .corner_radius(theme::CORNER)
            .min_size(min_size)
            .wrap(),
    )
}

/// A large, high-contrast button of `size`; its words wrap inside it.
pub fn big_button(ui: &mut Ui, text: &str, size: Vec2) -> Response {
    let s = theme::sizes(ui.ctx());
    ui.allocate_ui(size, |ui| {
        filled_button(
            ui,
            text,
            s.big_button_text(),
            (theme::BUTTON, theme::BUTTON_TEXT),
            size,
        )
    })
    .inner
}

/// A secondary button: still at least the minimum touch size.
pub fn quiet_button(ui: &mut Ui, text: &str) -> Response {
    let s = theme::sizes(ui.ctx());
    filled_button(
        ui,
        text,
        s.control_text(),
        (theme::QUIET_BUTTON, theme::TEXT),
        Vec2::new(s.touch() * 2.0, s.touch()),
    )
}

/// The width a `quiet_button` showing `text` takes on one line.
pub fn quiet_button_width(ui: &Ui, text: &str) -> f32 {
    let s = theme::sizes(ui.ctx());
    let words = ui.ctx().fonts_mut(|f| {
        f.layout_no_wrap(
            text.into(),
            egui::FontId::proportional(s.control_text()),
            theme::TEXT,
        )
    });
    (words.size().x + 2.0 * ui.spacing().button_padding.x).max(s.touch() * 2.0)
}

/// A key of the on-screen keyboard or the PIN pad.
pub fn key_button(ui: &mut Ui, label: &str, size: Vec2) -> bool {
    let s = theme::sizes(ui.ctx());
    filled_button(ui, label, s.key_text(), (theme::KEY, theme::TEXT), size).clicked()
}

/// A toggle button, marked when selected (by a border, not colour alone).
pub fn choice_button(ui: &mut Ui, text: &str, selected: bool) -> Response {
    // Controls keep their size when the words grow, so the header never runs off the side.
    let s = theme::sizes(ui.ctx());
    sized_choice_button(ui, text, selected, s.control_text())
}

/// "Larger text" on the public screens: one tap makes the words larger, twice larger still,
/// a third time back to normal; the next person starts at the default again.
pub fn larger_text_button(ui: &mut Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    let w = view.tr();
    let label = if view.text_size == TextSize::Largest {
        &w.t("normal-text")
    } else {
        &w.t("larger-text")
    };
    if choice_button(ui, label, view.text_size != TextSize::Normal).clicked() {
        actions.push(Action::LargerText);
    }
}

/// A smaller toggle for the staff area's many tabs; still a full touch target in height.
pub fn tab_button(ui: &mut Ui, text: &str, selected: bool) -> Response {
    let s = theme::sizes(ui.ctx());
    sized_choice_button(ui, text, selected, s.px(theme::SMALL_SIZE))
}

fn sized_choice_button(ui: &mut Ui, text: &str, selected: bool, size: f32) -> Response {
    let stroke = if selected {
        egui::Stroke::new(4.0, theme::NOTICE)
    } else {
        egui::Stroke::NONE
    };
    ui.add(
        Button::new(RichText::new(text).size(size).color(theme::TEXT))
            .fill(if selected {
                theme::KEY
            } else {
                theme::QUIET_BUTTON
            })
            .stroke(stroke)
            .selected(selected)
            .corner_radius(theme::CORNER)
            .min_size(Vec2::new(
                theme::sizes(ui.ctx()).touch() * 1.5,
                theme::sizes(ui.ctx()).touch(),
            )),
    )
}

/// The coloured band with the timer's words; `size` is the main text size.
pub fn status_band(ui: &mut Ui, view: &View<'_>, size: f32) {
    let status = &view.status;
    let s = theme::sizes(ui.ctx());
    let (bg, fg) = theme::phase_colors(status.phase);
    // Wrap-up beginning and the session ending: one slow pulse the facilitator catches out
    // of the corner of an eye.
    let bg = view.pulse.map_or(bg, |level| theme::pulsed(bg, fg, level));
    egui::Frame::new()
        .fill(bg)
        .corner_radius(theme::CORNER)
        .inner_margin(egui::Margin::symmetric(s.px(28.0) as i8, s.px(14.0) as i8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let (headline, detail) = status.headline_and_detail(&view.tr(), view.schedule);
            // Every digit the countdown can show, laid out once at this size (and then kept in
            // egui's cache): a digit first seen a minute later could grow the font atlas, and
            // a grown atlas repaints the whole screen instead of one number.
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap("0123456789".into(), egui::FontId::proportional(size), fg)
            });
            ui.label(RichText::new(headline).size(size).color(fg));
            if let Some(detail) = detail {
                ui.label(RichText::new(detail).size(s.title() * 0.8).color(fg));
            }
            if let Some(extra) = status.wrap_up_words(&view.tr()) {
                ui.label(RichText::new(extra).size(s.title() * 0.8).color(fg));
            }
            if let Some(progress) = status.progress() {
                progress_bar(ui, progress, fg);
            }
        });
}

fn progress_bar(ui: &mut Ui, progress: f32, fg: Color32) {
    let height = theme::sizes(ui.ctx()).px(16.0);
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), height),
        egui::Sense::hover(),
    );
    let painter = ui.painter();
    painter.rect_stroke(
        rect,
        9.0,
        egui::Stroke::new(2.0, fg),
        egui::StrokeKind::Inside,
    );
    // The whole bar, filled, and shown only up to where time has got to: each second the same
    // shape under a wider clip, so only the sliver it grew by is painted again.
    let mut done = rect;
    done.set_width(rect.width() * progress);
    painter.with_clip_rect(done).rect_filled(rect, 9.0, fg);
}

//! Export: the CSV file to a USB drive or the exports folder, as staff pick, and a QR code of
//! the same data.

use egui::{RichText, Ui, Vec2};

use super::range_ui;
use crate::app::staff::{ExportBy, ExportPlace, Feedback, QrView, StaffState};
use crate::app::{Action, StaffAction, View};
use crate::export::destination;
use crate::export::qr::Holds;
use crate::ui::{theme, widgets};

pub fn export_ui(ui: &mut Ui, view: &View<'_>, state: &mut StaffState, actions: &mut Vec<Action>) {
    let w = view.tr();
    // Right under the sentence saying the drive failed, the way out that needs no drive.
    if let Some(Feedback::ExportFailed(ExportPlace::Drive(_), _)) = &state.feedback {
        save_to(
            ui,
            &w.t("staff-save-on-tablet-instead"),
            ExportPlace::Tablet,
            actions,
        );
    }
    range_ui(ui, view, state, actions);
    let g = w;
    ui.horizontal_wrapped(|ui| {
        for (by, label) in [
            (ExportBy::Session, g.t("groups-per-session")),
            (ExportBy::Month, g.t("groups-per-month")),
        ] {
            if widgets::tab_button(ui, &label, state.by == by).clicked() {
                actions.push(Action::Staff(StaffAction::ExportBy(by)));
            }
        }
        if state.qr.is_some() && widgets::tab_button(ui, &w.t("qr-show"), false).clicked() {
            actions.push(Action::Staff(StaffAction::ShowQr(true)));
        }
    });
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(560.0);
            if let Some(report) = &state.report {
                ui.label(
                    RichText::new(super::attendance::totals_line(&w, report))
                        .size(theme::sizes(ui.ctx()).small()),
                );
            }
            ui.label(
                RichText::new(w.t("staff-export-where"))
                    .size(theme::sizes(ui.ctx()).small())
                    .color(theme::TEXT_SOFT),
            );
            ui.label(
                RichText::new(w.t("staff-save-csv-to"))
                    .size(theme::sizes(ui.ctx()).body())
                    .strong(),
            );
            ui.vertical(|ui| {
                for drive in &state.drives {
                    let place = ExportPlace::Drive(drive.clone());
                    save_to(ui, &destination::label(drive), place, actions);
                }
                save_to(
                    ui,
                    &w.t("staff-save-on-tablet"),
                    ExportPlace::Tablet,
                    actions,
                );
                copy_counts_ui(ui, view, &w, &state.drives, actions);
            });
        });
        if let Some(qr) = &state.qr {
            ui.vertical(|ui| {
                let side = ui.available_height().min(ui.available_width()).min(470.0) - 40.0;
                qr_ui(ui, qr, side.max(200.0), &w.t("staff-qr-label"));
                ui.label(RichText::new(holds_line(&w, qr)).size(theme::sizes(ui.ctx()).small()));
            });
        }
    });
}

/// The one line saying what the code holds.
fn holds_line(w: &crate::locale::Tr<'_>, qr: &QrView) -> String {
    w.t(match qr.holds {
        Holds::Chosen => "staff-qr-whole",
        Holds::Monthly => "groups-qr-monthly",
        Holds::Totals => "staff-qr-summary",
    })
}

/// The QR code on a view of its own: the way back and the line saying what it holds on
/// one row, and the code, whole, as large as the rest of the screen allows.
pub fn qr_view_ui(ui: &mut Ui, view: &View<'_>, qr: &QrView, actions: &mut Vec<Action>) {
    let s = theme::sizes(ui.ctx());
    let w = view.tr();
    ui.horizontal_wrapped(|ui| {
        if widgets::tab_button(ui, &w.t("qr-back-to-export"), false).clicked() {
            actions.push(Action::Staff(StaffAction::ShowQr(false)));
        }
        ui.label(RichText::new(holds_line(&w, qr)).size(s.small()));
    });
    let room = ui.available_size();
    let side = room.x.min(room.y).max(0.0);
    ui.vertical_centered(|ui| qr_ui(ui, qr, side, &w.t("staff-qr-label")));
}

/// One button per place the file can go, named as staff know it.
fn save_to(ui: &mut Ui, label: &str, place: ExportPlace, actions: &mut Vec<Action>) {
    if widgets::big_button(ui, label, Vec2::new(480.0, theme::sizes(ui.ctx()).touch())).clicked() {
        actions.push(Action::Staff(StaffAction::Export(place)));
    }
}

/// "Copy counts to USB": one button per drive, for the names-free counts copy that names
/// this site and that the coordinator's `report` reads.
fn copy_counts_ui(
    ui: &mut Ui,
    view: &View<'_>,
    w: &crate::locale::Tr<'_>,
    drives: &[std::path::PathBuf],
    actions: &mut Vec<Action>,
) {
    ui.add_space(theme::GAP);
    ui.label(
        RichText::new(w.t("staff-copy-counts-title"))
            .size(theme::BODY_SIZE)
            .strong(),
    );
    ui.label(
        RichText::new(w.a("report-site", &[("site", view.settings.site_name().into())]))
            .size(theme::SMALL_SIZE),
    );
    ui.label(
        RichText::new(w.t("report-copy-counts-explain"))
            .size(theme::SMALL_SIZE)
            .color(theme::TEXT_SOFT),
    );
    if drives.is_empty() {
        ui.label(RichText::new(w.t("staff-copy-counts-no-drive")).size(theme::SMALL_SIZE));
    }
    for drive in drives {
        let label = w.a(
            "staff-copy-counts-to",
            &[("drive", destination::label(drive).into())],
        );
        if widgets::big_button(ui, &label, Vec2::new(480.0, theme::MIN_TOUCH)).clicked() {
            actions.push(Action::Staff(StaffAction::CopyCounts(drive.clone())));
        }
    }
}

/// Paints the code black on white with its quiet zone, whole pixels per module.
fn qr_ui(ui: &mut Ui, qr: &QrView, side: f32, label: &str) {
    let modules = qr.width + 8;
    let pixels = ui.ctx().pixels_per_point();
    let module = ((side * pixels / modules as f32).floor() / pixels).max(1.0 / pixels);
    let total = module * modules as f32;
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(total), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, label));
    let painter = ui.painter();
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    for y in 0..qr.width {
        for x in 0..qr.width {
            if qr.dark[y * qr.width + x] {
                let min = rect.min + Vec2::new((x + 4) as f32 * module, (y + 4) as f32 * module);
                painter.rect_filled(
                    egui::Rect::from_min_size(min, Vec2::splat(module)),
                    0.0,
                    egui::Color32::BLACK,
                );
            }
        }
    }
}

//! Attendance: a table per session and a bar chart of sign-ins, outside-hours visits apart,
//! and the totals.

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use super::range_ui;
use crate::app::staff::StaffState;
use crate::app::{Action, View};
use crate::domain::counts::{Report, RowStatus};
use crate::ui::theme;

pub fn attendance_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut StaffState,
    actions: &mut Vec<Action>,
) {
    let w = view.tr();
    range_ui(ui, view, state, actions);
    let Some(report) = &state.report else {
        return;
    };
    ui.label(
        RichText::new(totals_line(&w, report))
            .size(theme::sizes(ui.ctx()).body())
            .strong(),
    );
    let outside: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::OutsideHours)
        .collect();
    if !outside.is_empty() {
        let visits: u64 = outside.iter().map(|r| r.tally.sign_ins).sum();
        ui.label(w.a(
            "staff-outside-hours",
            &[("n", visits.into()), ("days", outside.len().into())],
        ));
    }
    let sessions: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.status != RowStatus::OutsideHours)
        .collect();
    if sessions.is_empty() {
        ui.label(w.t("staff-no-sessions"));
        return;
    }
    ui.vertical(|ui| {
        let bars: Vec<Bar> = sessions
            .iter()
            .enumerate()
            .map(|(i, r)| {
                Bar::new(i as f64, r.tally.sign_ins as f64)
                    .width(0.7)
                    .fill(theme::BUTTON)
                    .name(format!("{} {}", r.date, w.t("staff-section-attendance")))
            })
            .collect();
        let labels: Vec<String> = sessions
            .iter()
            .map(|r| r.date.format("%d/%m").to_string())
            .collect();
        Plot::new("sign-ins per session")
            .height(200.0)
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .include_y(0.0)
            .x_axis_formatter(move |mark, _| {
                let i = mark.value.round();
                if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                    return String::new();
                }
                labels.get(i as usize).cloned().unwrap_or_default()
            })
            .show(ui, |plot| {
                plot.bar_chart(BarChart::new(w.t("staff-column-sign-ins"), bars));
            });
        egui::Grid::new("attendance table")
            .striped(true)
            .spacing(egui::vec2(24.0, 8.0))
            .show(ui, |ui| {
                for heading in COLUMNS.map(|id| w.t(id)) {
                    ui.label(
                        RichText::new(heading)
                            .size(theme::sizes(ui.ctx()).small())
                            .strong(),
                    );
                }
                ui.end_row();
                for r in &sessions {
                    let time = r.start.map(|t| w.time(t)).unwrap_or_default();
                    let status = w.t(if r.status == RowStatus::Cancelled {
                        "staff-cancelled"
                    } else {
                        "staff-held"
                    });
                    let first = [
                        format!("{} {}", w.weekday_short(r.weekday), r.date),
                        time,
                        status,
                    ];
                    let counts = r.tally.columns().map(|n| n.to_string());
                    for cell in first.into_iter().chain(counts) {
                        ui.label(RichText::new(cell).size(theme::sizes(ui.ctx()).small()));
                    }
                    ui.end_row();
                }
            });
    });
}

/// The table's headings, in order.
const COLUMNS: [&str; 9] = [
    "staff-column-date",
    "staff-column-time",
    "staff-column-status",
    "staff-column-sign-ins",
    "staff-column-named",
    "staff-column-no-name",
    "staff-column-first-visits",
    "staff-column-before-start",
    "staff-column-after-start",
];

pub(super) fn totals_line(w: &crate::locale::Tr<'_>, report: &Report) -> String {
    let t = &report.totals;
    w.a(
        "staff-totals",
        &[
            ("held", t.sessions_held.into()),
            ("cancelled", t.sessions_cancelled.into()),
            ("visits", t.visits.into()),
            ("mean", format!("{:.1}", t.mean_per_session).into()),
        ],
    )
}

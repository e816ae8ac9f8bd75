//! Attendance: a table per session and a bar chart of sign-ins, outside-hours visits apart,
//! and the totals.

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use super::range_ui;
use crate::app::staff::StaffState;
use crate::app::{Action, View};
use crate::domain::counts::{Report, RowStatus};
use crate::ui::text::{StaffWords, staff_words};
use crate::ui::theme;
use crate::words::calendar::LangWords as _;

pub fn attendance_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &mut StaffState,
    actions: &mut Vec<Action>,
) {
    let w = staff_words(view.lang);
    range_ui(ui, view, state, actions);
    let Some(report) = &state.report else {
        return;
    };
    ui.label(
        RichText::new(totals_line(w, report))
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
        ui.label(
            w.outside_hours
                .replace("{n}", &visits.to_string())
                .replace("{days}", &outside.len().to_string()),
        );
    }
    let sessions: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.status != RowStatus::OutsideHours)
        .collect();
    if sessions.is_empty() {
        ui.label(w.no_sessions);
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
                    .name(format!("{} {}", r.date, w.sections[0]))
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
            .show(ui, |plot| plot.bar_chart(BarChart::new(w.columns[3], bars)));
        egui::Grid::new("attendance table")
            .striped(true)
            .spacing(egui::vec2(24.0, 8.0))
            .show(ui, |ui| {
                for heading in w.columns {
                    ui.label(
                        RichText::new(heading)
                            .size(theme::sizes(ui.ctx()).small())
                            .strong(),
                    );
                }
                ui.end_row();
                for r in &sessions {
                    let time = r.start.map(|t| view.lang.time(t)).unwrap_or_default();
                    let status = if r.status == RowStatus::Cancelled {
                        w.cancelled
                    } else {
                        w.held
                    };
                    let first = [
                        format!("{} {}", view.lang.weekday_short(r.weekday), r.date),
                        time,
                        status.to_string(),
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

pub(super) fn totals_line(w: &StaffWords, report: &Report) -> String {
    let t = &report.totals;
    w.totals
        .replace("{held}", &t.sessions_held.to_string())
        .replace("{cancelled}", &t.sessions_cancelled.to_string())
        .replace("{visits}", &t.visits.to_string())
        .replace("{mean}", &format!("{:.1}", t.mean_per_session))
}

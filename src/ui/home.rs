//! Home, the resting screen: who and where, the live timer, the schedule, the two ways in.

use egui::{Align, Layout, RichText, Ui, Vec2};

use super::{theme, widgets};
use crate::app::{Action, View};
use crate::domain::lang::Lang;
use crate::words::calendar::ScheduleWords as _;

pub fn home_ui(ui: &mut Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    let w = view.tr();
    let s = theme::sizes(ui.ctx());
    if s.portrait {
        who_and_where_ui(ui, view);
        ui.horizontal_wrapped(|ui| choices_ui(ui, view, actions));
    } else {
        // The choices first, from the right; the group's name and topic wrap in what is left.
        ui.horizontal(|ui| {
            ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
                choices_ui(ui, view, actions);
                ui.with_layout(Layout::top_down(Align::Min), |ui| {
                    who_and_where_ui(ui, view);
                });
            });
        });
    }

    widgets::status_band(ui, view, s.status());

    schedule_ui(ui, view);

    // The two ways in take the room left above the welcome line and the small entries, so
    // the same layout fills a 7-inch panel and a large monitor.
    let welcome_h = s.title() * 0.8 * 1.3 * if s.portrait { 2.0 } else { 1.0 };
    let practice_h = if view.practice {
        s.small() * 1.3 + s.gap()
    } else {
        0.0
    };
    // On a narrow screen the small entries may take two rows (Staff on its own): counted
    // here, the buttons take the room that is really left instead of pushing the screen
    // past its bottom, which would shrink everything on it.
    let entries = [
        w.t("open-script"),
        w.t("groups-suggest-open"),
        w.t("open-staff"),
    ];
    let entries_w: f32 = entries
        .iter()
        .map(|e| widgets::quiet_button_width(ui, e) + ui.spacing().item_spacing.x)
        .sum();
    let entry_rows = if entries_w > ui.available_width() + ui.spacing().item_spacing.x {
        2.0
    } else {
        1.0
    };
    let below = s.gap() + welcome_h + entry_rows * (s.gap() + s.touch()) + practice_h;
    let room = (ui.available_height() - below - s.gap()).max(0.0);
    let tallest = s.px(theme::BIG_BUTTON_HEIGHT);
    let shortest = s.touch() * 1.25;
    if s.portrait {
        let each = ((room - s.gap()) / 2.0).clamp(shortest, tallest);
        let size = Vec2::new(ui.available_width(), each);
        // Centred, their words stand in the middle of each button as in landscape.
        ui.vertical_centered(|ui| ways_in_ui(ui, w, size, actions));
        ui.add_space((room - 2.0 * each - s.gap()).max(0.0));
    } else {
        let each = room.clamp(shortest, tallest);
        let size = Vec2::new((ui.available_width() - s.gap()) / 2.0, each);
        ui.horizontal(|ui| ways_in_ui(ui, w, size, actions));
        ui.add_space((room - each).max(0.0));
    }
    ui.vertical_centered(|ui| {
        ui.label(RichText::new(w.t("welcome-anytime")).size(s.title() * 0.8));
    });
    if view.practice {
        ui.label(
            RichText::new(w.t("practice-banner"))
                .size(s.small())
                .color(theme::TEXT_SOFT),
        );
    }
    // Staff sits at the right end of the row, or on a row of its own when the row is too
    // narrow for it (a portrait screen), never over the other buttons.
    let staff_width = widgets::quiet_button_width(ui, &w.t("open-staff"));
    let staff = |ui: &mut Ui, actions: &mut Vec<Action>| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if widgets::quiet_button(ui, &w.t("open-staff")).clicked() {
                actions.push(Action::OpenStaff);
            }
        });
    };
    let staff_fits = ui
        .horizontal(|ui| {
            if widgets::quiet_button(ui, &w.t("open-script")).clicked() {
                actions.push(Action::OpenScript);
            }
            if widgets::quiet_button(ui, &w.t("groups-suggest-open")).clicked() {
                actions.push(Action::OpenSuggest);
            }
            let fits = ui.available_width() >= staff_width + ui.spacing().item_spacing.x;
            if fits {
                staff(ui, actions);
            }
            fits
        })
        .inner;
    if !staff_fits {
        staff(ui, actions);
    }
}

/// When the groups meet, and the next cancelled meeting with its note.
fn schedule_ui(ui: &mut Ui, view: &View<'_>) {
    let w = view.tr();
    let s = theme::sizes(ui.ctx());
    if view.group_schedules.len() > 1 {
        // Several groups meet here: one line each, so everyone finds their own.
        for line in &view.group_schedules {
            ui.label(RichText::new(line).size(s.body()));
        }
    } else {
        ui.label(
            RichText::new(format!("{} {}", w.t("we-meet"), view.schedule.summary(&w)))
                .size(s.body()),
        );
    }
    if let Some(cancelled) = view.schedule.next_cancellation(view.now)
        && view.status.phase != crate::domain::timer::Phase::Cancelled
    {
        let day = format!(
            "{} {}",
            w.weekday_long(cancelled.slot.weekday),
            cancelled.date.format("%d/%m")
        );
        let mut line = w.a("no-group-on", &[("day", day.into())]);
        if let Some(note) = cancelled
            .cancelled
            .as_deref()
            .filter(|n| !n.trim().is_empty())
        {
            line.push(' ');
            line.push_str(note.trim());
        }
        egui::Frame::new()
            .fill(theme::NOTICE)
            .corner_radius(theme::CORNER)
            .inner_margin(egui::Margin::symmetric(s.px(16.0) as i8, s.px(8.0) as i8))
            .show(ui, |ui| {
                ui.label(RichText::new(line).size(s.body()).color(theme::NOTICE_TEXT));
            });
    }
}

/// The group that is on or next, its room, and for a course this meeting's topic.
fn who_and_where_ui(ui: &mut Ui, view: &View<'_>) {
    let s = theme::sizes(ui.ctx());
    let (name, room, topic) = match &view.group_now {
        Some(group) => (
            group.name.as_str(),
            group.room.as_str(),
            group.topic_line.as_deref(),
        ),
        None => (
            view.settings.group_name.as_str(),
            view.settings.room.as_str(),
            None,
        ),
    };
    ui.label(RichText::new(name).size(s.title()).strong());
    if let Some(topic) = topic {
        ui.label(RichText::new(topic).size(s.body()));
    }
    ui.label(RichText::new(room).size(s.body()).color(theme::TEXT_SOFT));
}

/// The most languages Home lists one by one; past that, one button opens the chooser.
pub const LANGUAGES_IN_A_ROW: usize = 3;

/// "Larger text" and the languages: each person's own choices, undone for the next. Each
/// language is listed in its own name; with more than fit in a row, one button, its words
/// in every language, opens a screen listing them all.
fn choices_ui(ui: &mut Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    let right_to_left = ui.layout().prefer_right_to_left();
    if !right_to_left {
        widgets::larger_text_button(ui, view, actions);
    }
    let mut languages: Vec<_> = view.locales.languages().collect();
    if languages.len() > LANGUAGES_IN_A_ROW {
        // As many languages' words as fit in a third of the screen, the one on screen first:
        // at larger text all of them would squeeze the group's name into more lines and the
        // whole screen would shrink to fit, undoing the larger text.
        let budget = ui.ctx().content_rect().width() / 3.0;
        let words = language_button_words(view.locales, view.lang)
            .into_iter()
            .fold(String::new(), |line, word| {
                let longer = if line.is_empty() {
                    word
                } else {
                    format!("{line} · {word}")
                };
                if line.is_empty() || widgets::quiet_button_width(ui, &longer) <= budget {
                    longer
                } else {
                    line
                }
            });
        if widgets::choice_button(ui, &words, false).clicked() {
            actions.push(Action::OpenLanguages);
        }
    } else {
        if right_to_left {
            languages.reverse();
        }
        for (lang, name) in languages {
            if widgets::choice_button(ui, name, view.lang == lang).clicked() {
                actions.push(Action::SetLanguage(lang));
            }
        }
    }
    if right_to_left {
        widgets::larger_text_button(ui, view, actions);
    }
}

/// The chooser's button: "Language" in the language on screen, then in each other one, so
/// everyone finds the word they read ("Language · Idioma · Wika · Язык").
pub fn language_button_words(locales: &crate::locale::Locales, on_screen: Lang) -> Vec<String> {
    let mut words = vec![locales.tr(on_screen).t("language-switch")];
    for (lang, _) in locales.languages() {
        let word = locales.tr(lang).t("language-switch");
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// The two big ways in: with a first name, or with no name at all.
fn ways_in_ui(ui: &mut Ui, w: crate::locale::Tr<'_>, size: Vec2, actions: &mut Vec<Action>) {
    if widgets::big_button(ui, &w.t("sign-in-named"), size).clicked() {
        actions.push(Action::OpenSignIn);
    }
    if widgets::big_button(ui, &w.t("sign-in-anonymous"), size).clicked() {
        actions.push(Action::SignIn(String::new()));
    }
}

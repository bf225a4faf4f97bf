//! The calendar's one-week view: a row per day, with the day's chips (to drag, click,
//! right-click) and each workout's full details beside them, target paces in its conditions
//! included.

use chrono::{Days, NaiveDate};

use super::calendar::{CalendarState, CalendarView, drag_ghost_ui};
use super::day_cell::{day_cell_ui, race_tag};
use super::targets::{adjustment_line, paces_line};
use crate::export::{length_text, week_totals_lines, workout_facts};
use crate::ui::commands::Request;

/// One week, one row per day: the day's chips (to drag, click, right-click) and each
/// workout's full details beside them.
pub(super) fn week_ui(
    ui: &mut egui::Ui,
    view: &CalendarView<'_>,
    state: &CalendarState,
    commands: &mut Vec<Request>,
) {
    let first = state.first_day + Days::new(7);
    let area = ui.available_rect_before_wrap();
    // Room under the seven days for the week's totals.
    let totals_height = 26.0;
    let row_height = ((area.height() - 8.0 - totals_height) / 7.0).max(84.0);
    let chip_width = (area.width() * 0.34).clamp(150.0, 260.0);
    let mut hovered = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for k in 0..7 {
            let day = first + Days::new(k);
            // The details first, so the row is as tall as they need (a hot day's paces and
            // notes can take more than a seventh of the view).
            let top = ui.cursor().min;
            let details = egui::Rect::from_min_max(
                egui::pos2(top.x + chip_width + 10.0, top.y + 2.0),
                egui::pos2(top.x + area.width() - 8.0, f32::INFINITY),
            );
            let mut details_ui = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(details)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            day_details_ui(&mut details_ui, view, day);
            let height = row_height.max(details_ui.min_rect().height() + 8.0);
            let (row, _) = ui
                .allocate_exact_size(egui::vec2(area.width() - 8.0, height), egui::Sense::hover());
            let cell = egui::Rect::from_min_size(row.min, egui::vec2(chip_width, height - 4.0));
            let mut cell_ui = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(cell)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            if day_cell_ui(&mut cell_ui, view, day, commands) {
                hovered = Some(day);
            }
        }
        week_totals_ui(ui, view, first);
    });
    if let Some(drag) = view.drag {
        drag_ghost_ui(ui, view, drag, hovered);
    }
}

/// The week's planned totals, under its last day: "Week: 47 km · 5 h 10 min · load 310".
fn week_totals_ui(ui: &mut egui::Ui, view: &CalendarView<'_>, first: NaiveDate) {
    let Some(week) = view.overview.weeks.get(&first) else {
        return;
    };
    let text = week_totals_lines(week, view.doc.athlete.units).join(" · ");
    ui.add_space(4.0);
    ui.strong(format!("Week: {text}"))
        .on_hover_text("Planned running distance, training time and load of the week");
}

/// The full details of a day's workouts: kind, intensity, size, load, steps, status, notes.
fn day_details_ui(ui: &mut egui::Ui, view: &CalendarView<'_>, day: NaiveDate) {
    let doc = view.doc;
    let units = doc.athlete.units;
    let Some(plan) = doc.active_plan() else {
        return;
    };
    ui.spacing_mut().item_spacing.y = 1.0;
    ui.strong(day.format("%A %-d %B").to_string());
    if let Some(reason) = plan.day_off(day) {
        ui.colored_label(ui.visuals().warn_fg_color, reason.label());
    }
    for w in plan.workouts_on(day) {
        // Each fact once: "Easy · 8 km · 45 min", never "Easy · Easy · 8.0 km · 45:00".
        let mut facts = workout_facts(w, units);
        facts.extend(race_tag(w));
        if let Some(load) = view.overview.planned_loads.get(&w.id).filter(|l| **l > 0.0) {
            facts.push(format!("load {load:.0}"));
        }
        let mut line = facts.join(" · ");
        if let Some(status) = view.overview.statuses.get(&w.id) {
            line.push_str(&format!(" · {}", status.word()));
        }
        ui.label(line);
        if !w.steps.is_empty() {
            ui.weak(steps_summary(w, units));
        }
        if let Some(paces) = paces_line(w, doc, units) {
            ui.weak(paces);
        }
        if let Some(adjusted) = adjustment_line(w, doc) {
            ui.colored_label(ui.visuals().warn_fg_color, adjusted);
        }
        if !w.notes.is_empty() {
            ui.weak(&w.notes);
        }
    }
}

/// One line for a workout's steps in the athlete's units: "2 km E, 4 x (1 km I, 400 m E),
/// 2 km E".
fn steps_summary(w: &crate::model::Workout, units: crate::model::Units) -> String {
    use crate::model::{Step, Target};
    let one = |s: &crate::model::Segment| {
        let length = length_text(s.length, units);
        match &s.target {
            Target::PaceZone(z) => format!("{length} {z:?}"),
            Target::Rpe(r) => format!("{length} RPE {r}"),
            Target::HeartRate { min_bpm, max_bpm } => format!("{length} {min_bpm}-{max_bpm} bpm"),
            Target::PaceRange { .. } => format!("{length} at pace"),
            Target::None => length,
        }
    };
    w.steps
        .iter()
        .map(|step| match step {
            Step::Single(s) => one(s),
            Step::Repeat { times, segments } => format!(
                "{times} x ({})",
                segments.iter().map(one).collect::<Vec<_>>().join(", ")
            ),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

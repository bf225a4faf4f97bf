//! The Season view: every plan of the document with its goal race, its tune-up races and its
//! days off, and the choice of the active plan (the one the calendar, the rules and the
//! editor work on).

use chrono::NaiveDate;

use crate::model::{AthleteDocument, Plan, RacePriority, Units, format_distance};
use crate::ui::commands::{Command, Request};
use crate::ui::palette::{day_off_color, intensity_color};

fn long_day(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// Draws the list of plans.
pub fn season_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    today: NaiveDate,
    commands: &mut Vec<Request>,
) {
    ui.horizontal(|ui| {
        let count = match doc.plans.len() {
            1 => "1 plan".to_owned(),
            n => format!("{n} plans"),
        };
        ui.strong(format!("Season: {count}"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(Command::PlanAnotherRace.label())
                .on_hover_text("Make a plan toward another race and keep this one")
                .clicked()
            {
                commands.push(Command::PlanAnotherRace.into());
            }
        });
    });
    if doc.plans.is_empty() {
        ui.add_space(20.0);
        ui.weak("No plans yet: make one with Plan > New plan.");
        return;
    }
    ui.weak(
        "The active plan is the one on the calendar; the charts show every plan still ahead. \
         Right-click a day on the calendar to add a race, days away or sick days.",
    );
    let units = doc.athlete.units;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (i, plan) in doc.plans.iter().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                plan_ui(ui, i, plan, today, units, commands);
            });
            ui.add_space(4.0);
        }
    });
}

/// One plan: its name and state, its goal race, tune-up races and days off.
fn plan_ui(
    ui: &mut egui::Ui,
    index: usize,
    plan: &Plan,
    today: NaiveDate,
    units: Units,
    commands: &mut Vec<Request>,
) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.heading(&plan.name);
        if index == 0 {
            ui.label(
                egui::RichText::new(" Active ")
                    .strong()
                    .color(egui::Color32::WHITE)
                    .background_color(ui.visuals().selection.bg_fill),
            );
        } else if ui
            .button(Request::MakeActivePlan(index).label())
            .on_hover_text("Show this plan on the calendar and check it with the rules")
            .clicked()
        {
            commands.push(Request::MakeActivePlan(index));
        }
        if plan.goal.date < today {
            ui.weak("over");
        }
    });
    let goal = &plan.goal;
    let name = if goal.name.trim().is_empty() {
        "Goal race"
    } else {
        goal.name.as_str()
    };
    ui.horizontal(|ui| {
        ui.colored_label(
            intensity_color(crate::model::Intensity::Race, dark),
            "A race",
        );
        ui.label(format!(
            "{name} · {} · {}",
            long_day(goal.date),
            format_distance(goal.distance_m, units)
        ));
    });
    ui.weak(format!(
        "{} to {} · {} workouts",
        long_day(plan.start_date),
        long_day(plan.end_date()),
        plan.workouts.len()
    ));
    let mut tune_ups: Vec<_> = plan
        .workouts
        .iter()
        .filter(|w| matches!(w.kind.race_priority(), Some(p) if p != RacePriority::A))
        .collect();
    tune_ups.sort_by_key(|w| w.date);
    for w in tune_ups {
        let tag = w
            .kind
            .race_priority()
            .map_or_else(String::new, |p| format!("{} race", p.letter()));
        let mut parts = Vec::new();
        // An unnamed race is titled by its priority alone.
        if w.display_title() != tag {
            parts.push(w.display_title());
        }
        parts.push(long_day(w.date));
        parts.extend(w.kind.race_distance_m().map(|m| format_distance(m, units)));
        ui.horizontal(|ui| {
            ui.colored_label(intensity_color(w.intensity(), dark), tag);
            ui.label(parts.join(" · "));
        });
    }
    for off in &plan.days_off {
        let days = match off.len_days() {
            1 => "1 day".to_owned(),
            n => format!("{n} days"),
        };
        ui.horizontal(|ui| {
            ui.colored_label(day_off_color(off.reason), off.reason.label());
            ui.label(format!(
                "{} to {} ({days})",
                long_day(off.from),
                long_day(off.to)
            ));
        });
    }
}

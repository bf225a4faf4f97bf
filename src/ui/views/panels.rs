//! The status bar and side panels.

use chrono::NaiveDate;

use crate::model::{AthleteDocument, format_distance, format_duration, format_pace};
use crate::science::charts::signed;
use crate::session::Session;
use crate::session::overview::Overview;
use crate::ui::commands::{Command, Request};

/// The status bar: the last message, and whether there are unsaved changes.
pub fn status_bar_ui(ui: &mut egui::Ui, session: &Session, message: Option<&str>) {
    ui.horizontal(|ui| {
        let state = if session.is_modified() {
            "Unsaved changes"
        } else if session.path().is_some() {
            "All changes saved"
        } else {
            "Not saved to a file yet"
        };
        ui.label(state);
        if let Some(message) = message {
            ui.separator();
            ui.label(message);
        }
    });
}

/// The athlete's profile and goal, on the left.
pub fn athlete_panel_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    overview: &Overview,
    today: NaiveDate,
    commands: &mut Vec<Request>,
) {
    let a = &doc.athlete;
    ui.heading(&a.name);
    ui.label(format!(
        "{}, {} years running",
        a.level.label(),
        a.training_age_years
    ));
    ui.add_space(6.0);
    // In a narrow panel the values wrap rather than run past its edge.
    let value_width = (ui.available_width() - 90.0).max(60.0);
    egui::Grid::new("athlete_facts")
        .num_columns(2)
        .max_col_width(value_width)
        .show(ui, |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            ui.label("Fitness");
            match (overview.vdot, &a.recent_race, a.vdot) {
                (Some(vdot), Some(race), None) => ui.label(format!(
                    "VDOT {vdot:.1} ({} in {})",
                    format_distance(race.distance_m, a.units),
                    format_duration(race.time_s)
                )),
                (Some(vdot), _, _) => ui.label(format!("VDOT {vdot:.1}")),
                (None, _, _) => ui.weak("no VDOT or race given"),
            };
            ui.end_row();
            if let Some(p) = &overview.paces {
                let pace = |s: f64| format_pace(s, a.units);
                ui.label("Paces");
                ui.vertical(|ui| {
                    ui.label(format!(
                        "E {} - {}",
                        pace(p.easy_fast_s_per_km),
                        pace(p.easy_slow_s_per_km)
                    ));
                    ui.label(format!(
                        "M {}  T {}",
                        pace(p.marathon_s_per_km),
                        pace(p.threshold_s_per_km)
                    ));
                    ui.label(format!(
                        "I {}  R {}",
                        pace(p.interval_s_per_km),
                        pace(p.repetition_s_per_km)
                    ));
                });
                ui.end_row();
            }
            ui.label("Weekly volume");
            ui.label(format_distance(a.weekly_volume_km * 1000.0, a.units));
            ui.end_row();
            ui.label("Heart rate");
            ui.label(format!(
                "rest {} / max {} bpm",
                a.resting_hr_bpm, a.max_hr_bpm
            ));
            ui.end_row();
            ui.label("Long run");
            ui.label(a.long_run_day.to_string());
            ui.end_row();
        });
    if ui.button("Edit profile…").clicked() {
        commands.push(Command::EditProfile.into());
    }
    ui.separator();
    let Some(plan) = doc.active_plan() else {
        ui.weak("No plan yet.");
        if ui.button("New plan…").clicked() {
            commands.push(Command::NewPlan.into());
        }
        return;
    };
    ui.strong("Goal");
    ui.label(&plan.goal.name);
    ui.label(format!(
        "{} on {}",
        format_distance(plan.goal.distance_m, a.units),
        plan.goal.date.format("%a %-d %b %Y")
    ));
    match (plan.goal.date - today).num_days() {
        0 => {
            ui.label("Race day");
        }
        days if days > 0 => {
            ui.label(format!("{} to go", crate::model::days_text(days)));
        }
        _ => {}
    }
    if let Some(goal) = plan.goal.goal_time_s {
        ui.label(format!("Goal time {}", format_duration(goal)));
    }
    match (&overview.model.goal, overview.goal_prediction_s) {
        (Some(p), _) => {
            let d = plan.goal.distance_m;
            let time = |v: f64| {
                crate::science::paces::race_time_s(
                    v.clamp(
                        crate::science::paces::MIN_VDOT,
                        crate::science::paces::MAX_VDOT,
                    ),
                    d,
                )
                .map_or_else(|_| "-".to_owned(), format_duration)
            };
            ui.label(format!("Predicted {}", time(p.vdot)))
                .on_hover_text(format!(
                    "Race-day VDOT {:.1} from your training and the plan, by the model {}.",
                    p.vdot,
                    p.basis.describe()
                ));
            ui.weak(format!(
                "80% band {} to {}",
                time(p.vdot_high),
                time(p.vdot_low)
            ));
            if let (Some(vdot), Some(now)) = (overview.vdot, overview.goal_prediction_s) {
                ui.weak(format!("At VDOT {vdot:.1} today: {}", format_duration(now)))
                    .on_hover_text("Daniels & Gilbert prediction from the profile's VDOT.");
            }
        }
        (None, Some(predicted)) => {
            ui.label(format!("Predicted {}", format_duration(predicted)))
                .on_hover_text("Daniels & Gilbert prediction from the current VDOT.");
        }
        (None, None) => {}
    }
    if let Some(form) = overview.race_morning_form {
        ui.label(format!("Race-morning form {}", signed(form, 0)))
            .on_hover_text("Fitness minus fatigue on race morning if the plan is followed.");
    }
    ui.separator();
    findings_ui(ui, doc, overview, commands);
}

/// The plan's findings under the recovery rules: errors first, each with its fix on hover;
/// clicking one selects that day's workout.
fn findings_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    overview: &Overview,
    commands: &mut Vec<Request>,
) {
    use crate::rules::Severity;
    let findings = &overview.findings;
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    ui.strong(format!("Findings ({})", findings.len()));
    if findings.is_empty() {
        ui.weak("The plan keeps every recovery rule.");
        return;
    }
    if errors > 0 {
        ui.colored_label(ui.visuals().error_fg_color, format!("{errors} to fix"));
    }
    let mut ordered: Vec<&crate::rules::Finding> = findings.iter().collect();
    ordered.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.date.cmp(&b.date)));
    egui::ScrollArea::vertical()
        .id_salt("findings")
        .max_height(220.0)
        .show(ui, |ui| {
            for f in ordered {
                let (word, color) = match f.severity {
                    Severity::Error => ("Error", ui.visuals().error_fg_color),
                    Severity::Warning => ("Warning", ui.visuals().warn_fg_color),
                };
                let text = egui::RichText::new(format!(
                    "{word} · {} {}: {}",
                    f.date.format("%a %-d %b"),
                    f.rule.code(),
                    f.message
                ))
                .color(color)
                .small();
                let response = ui
                    .add(egui::Label::new(text).wrap().sense(egui::Sense::click()))
                    .on_hover_text(format!("Fix: {}", f.fix));
                if response.clicked() {
                    let workout = doc
                        .active_plan()
                        .and_then(|p| p.workouts_on(f.date).next())
                        .map(|w| w.id);
                    commands.push(Request::SelectWorkout(workout));
                }
            }
        });
}

/// The charts strip at the bottom: today's fitness, fatigue and form.
pub fn charts_ui(ui: &mut egui::Ui, overview: &Overview) {
    ui.strong("Fitness, fatigue and form");
    let Some(day) = overview.today else {
        // No value today: either nothing to compute from, or a plan that starts later.
        match overview.series.days().first() {
            None => ui.weak("Log training or build a plan to see how fitness, fatigue and form move."),
            Some(first) => ui.weak(format!(
                "Fitness, fatigue and form start with the plan on {}; log training to start them sooner.",
                first.date.format("%a %-d %b")
            )),
        };
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Today: fitness {:.0}", day.fitness));
        ui.separator();
        ui.label(format!("fatigue {:.0}", day.fatigue));
        ui.separator();
        ui.label(format!("form {}", signed(day.form, 0)));
        if let Some(ramp) = day.ramp {
            ui.separator();
            ui.label(format!("ramp {ramp:+.1} a week"));
        }
        if let Some(acwr) = day.acwr {
            ui.separator();
            ui.label(format!("ACWR {acwr:.2}"))
                .on_hover_text("Acute:chronic workload ratio; 0.8-1.3 is a guide, not a verdict.");
        }
        if let Some(m) = day.monotony {
            ui.separator();
            ui.label(format!("monotony {m:.1}"));
        }
    });
}

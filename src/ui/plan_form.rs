//! The New plan form: a goal race and the athlete's training facts, for the generator.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::generator::optimize::Candidate;
use crate::generator::{CrossTrainingPreference, GeneratorInput};
use crate::model::format_duration;
use crate::model::{AthleteDocument, ExperienceLevel, GoalRace, WeekStart};
use crate::science::paces::athlete_vdot;
use crate::science::personal::history_vdot;

/// Race distances offered, and "other".
const RACES: [(&str, f64); 4] = [
    ("5K", 5000.0),
    ("10K", 10_000.0),
    ("Half marathon", 21_097.5),
    ("Marathon", 42_195.0),
];

/// The form's state.
#[derive(Clone, Debug)]
pub struct PlanForm {
    /// Index into the race list; `RACES.len()` for a custom distance.
    pub race: usize,
    /// Custom distance in km, as typed.
    pub custom_km: String,
    /// Race name.
    pub name: String,
    /// Race date, as typed.
    pub race_date: String,
    /// First day, as typed.
    pub start: String,
    /// Level.
    pub level: ExperienceLevel,
    /// Weekly volume in km, as typed.
    pub weekly_km: String,
    /// VDOT, as typed.
    pub vdot: String,
    /// Days to run on, Monday first.
    pub days: [bool; 7],
    /// Long-run day.
    pub long_run_day: Weekday,
    /// Cross-training.
    pub cross: CrossTrainingPreference,
    /// Messages by field, from the last attempt.
    pub errors: HashMap<&'static str, String>,
    /// Search tapers and peak volumes for the best predicted race day.
    pub optimize: bool,
    /// The optimiser's three best tapers, once found (best first), and the standard plan's
    /// predicted VDOT.
    pub candidates: Vec<Candidate>,
    /// The standard plan's predicted race-day VDOT and the smallest gain worth departing
    /// from it for, when candidates are shown.
    pub standard_vdot: Option<(f64, f64)>,
    /// The plan is added to the season beside the active one, instead of replacing it.
    pub add_to_season: bool,
}

impl PlanForm {
    /// The form filled in from the document: the profile, and the current goal if it is
    /// still ahead.
    pub fn for_document(doc: &AthleteDocument, today: NaiveDate) -> Self {
        let a = &doc.athlete;
        let mut start = today + Days::new(1);
        while start.weekday() != Weekday::Mon {
            start = start + Days::new(1);
        }
        let goal = doc
            .active_plan()
            .map(|p| &p.goal)
            .filter(|g| g.date > start);
        let race = goal
            .and_then(|g| {
                RACES
                    .iter()
                    .position(|(_, d)| (d - g.distance_m).abs() < 1.0)
            })
            .unwrap_or(1);
        PlanForm {
            race,
            custom_km: goal.map_or_else(
                || "15".to_owned(),
                |g| format!("{:.1}", g.distance_m / 1000.0),
            ),
            name: goal.map_or_else(String::new, |g| g.name.clone()),
            race_date: goal
                .map_or(start + Days::new(7 * 12 - 1), |g| g.date)
                .to_string(),
            start: start.to_string(),
            level: a.level,
            weekly_km: format!("{:.0}", a.weekly_volume_km),
            vdot: athlete_vdot(a)
                .or_else(|| history_vdot(&doc.history, start).map(|r| r.vdot))
                .map_or_else(String::new, |v| format!("{v:.1}")),
            days: WeekStart::Monday
                .weekdays()
                .map(|d| a.available_weekdays.contains(&d)),
            long_run_day: a.long_run_day,
            cross: CrossTrainingPreference::None,
            errors: HashMap::new(),
            optimize: false,
            candidates: Vec::new(),
            standard_vdot: None,
            add_to_season: false,
        }
    }

    /// The form for a plan to add to the season: it starts on the Monday after the last plan
    /// ends (or after today) and leads to a race twelve weeks on, with no name yet.
    pub fn for_another_race(doc: &AthleteDocument, today: NaiveDate) -> Self {
        let mut form = PlanForm::for_document(doc, today);
        let last = doc.plans.iter().map(crate::model::Plan::end_date).max();
        let mut start = last.map_or(today, |d| d.max(today)) + Days::new(1);
        while start.weekday() != Weekday::Mon {
            start = start + Days::new(1);
        }
        form.start = start.to_string();
        form.race_date = (start + Days::new(7 * 12 - 1)).to_string();
        form.name = String::new();
        form.add_to_season = true;
        form
    }

    /// The generator input, or messages by field.
    ///
    /// # Errors
    /// A map from field to message for what cannot be read.
    pub fn input(
        &self,
        doc: &AthleteDocument,
    ) -> Result<GeneratorInput, HashMap<&'static str, String>> {
        let mut errors = HashMap::new();
        let date = |field: &'static str, text: &str, errors: &mut HashMap<_, _>| {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .map_err(|_| errors.insert(field, "Use YYYY-MM-DD.".to_owned()))
                .ok()
        };
        let race_date = date("race_date", &self.race_date, &mut errors);
        let start = date("start", &self.start, &mut errors);
        let distance_m = match RACES.get(self.race) {
            Some((_, d)) => Some(*d),
            None => match self.custom_km.trim().parse::<f64>() {
                Ok(km) if km > 0.0 => Some(km * 1000.0),
                _ => {
                    errors.insert("race", "Enter the distance in km.".to_owned());
                    None
                }
            },
        };
        let weekly = self.weekly_km.trim().parse::<f64>().ok();
        if weekly.is_none() {
            errors.insert("weekly_volume_km", "Enter km as a number.".to_owned());
        }
        let vdot = self.vdot.trim().parse::<f64>().ok();
        if vdot.is_none() {
            errors.insert("vdot", "Enter a VDOT (20-90).".to_owned());
        }
        let (Some(race_date), Some(start), Some(distance_m), Some(weekly), Some(vdot)) =
            (race_date, start, distance_m, weekly, vdot)
        else {
            return Err(errors);
        };
        let mut athlete = doc.athlete.clone();
        athlete.level = self.level;
        athlete.weekly_volume_km = weekly;
        athlete.vdot = Some(vdot);
        athlete.available_weekdays = WeekStart::Monday
            .weekdays()
            .into_iter()
            .zip(self.days)
            .filter_map(|(d, on)| on.then_some(d))
            .collect();
        athlete.long_run_day = self.long_run_day;
        let name = if self.name.trim().is_empty() {
            RACES.get(self.race).map_or("Goal race", |r| r.0).to_owned()
        } else {
            self.name.trim().to_owned()
        };
        Ok(GeneratorInput {
            athlete,
            goal: GoalRace {
                name,
                distance_m,
                date: race_date,
                goal_time_s: None,
            },
            start,
            longest_recent_run_km: None,
            cross_training: self.cross,
            tune_ups: Vec::new(),
            days_off: Vec::new(),
        })
    }
}

/// What the user did with the form.
pub enum PlanFormOutcome {
    /// Still editing.
    Editing,
    /// Asked for a plan.
    Generate,
    /// Closed the form.
    Cancelled,
    /// Chose one of the optimiser's candidates.
    Use(usize),
}

fn row(
    ui: &mut egui::Ui,
    form: &mut PlanForm,
    label: &str,
    field: &'static str,
    text: fn(&mut PlanForm) -> &mut String,
) {
    let l = ui.label(label);
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(text(form)).desired_width(110.0))
            .labelled_by(l.id);
        if let Some(e) = form.errors.get(field) {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    });
    ui.end_row();
}

/// Draws the form.
pub fn plan_form_ui(ui: &mut egui::Ui, form: &mut PlanForm) -> PlanFormOutcome {
    egui::Grid::new("plan_form")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let l = ui.label("Race");
            ui.horizontal(|ui| {
                let name = RACES.get(form.race).map_or("Other distance", |r| r.0);
                egui::ComboBox::from_id_salt("race_distance")
                    .selected_text(name)
                    .show_ui(ui, |ui| {
                        for (i, (n, _)) in RACES.iter().enumerate() {
                            ui.selectable_value(&mut form.race, i, *n);
                        }
                        ui.selectable_value(&mut form.race, RACES.len(), "Other distance");
                    })
                    .response
                    .labelled_by(l.id);
                if form.race == RACES.len() {
                    ui.add(egui::TextEdit::singleline(&mut form.custom_km).desired_width(50.0))
                        .labelled_by(l.id);
                    ui.label("km");
                }
                if let Some(e) = form.errors.get("race") {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
            });
            ui.end_row();
            row(ui, form, "Race name", "name", |f| &mut f.name);
            row(ui, form, "Race date", "race_date", |f| &mut f.race_date);
            row(ui, form, "First day", "start", |f| &mut f.start);
            let l = ui.label("Level");
            egui::ComboBox::from_id_salt("plan_level")
                .selected_text(form.level.label())
                .show_ui(ui, |ui| {
                    for level in ExperienceLevel::ALL {
                        ui.selectable_value(&mut form.level, level, level.label());
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            row(ui, form, "Weekly volume (km)", "weekly_volume_km", |f| {
                &mut f.weekly_km
            });
            row(ui, form, "VDOT", "vdot", |f| &mut f.vdot);
            ui.label("Days to run on");
            ui.horizontal(|ui| {
                for (day, on) in WeekStart::Monday
                    .weekdays()
                    .iter()
                    .zip(form.days.iter_mut())
                {
                    ui.checkbox(on, day.to_string());
                }
                if let Some(e) = form.errors.get("available_weekdays") {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
            });
            ui.end_row();
            let l = ui.label("Long-run day");
            ui.horizontal(|ui| {
                egui::ComboBox::from_id_salt("plan_long_run")
                    .selected_text(form.long_run_day.to_string())
                    .show_ui(ui, |ui| {
                        for day in WeekStart::Monday.weekdays() {
                            ui.selectable_value(&mut form.long_run_day, day, day.to_string());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                if let Some(e) = form.errors.get("long_run_day") {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
            });
            ui.end_row();
            ui.label("Cross-training");
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.cross, CrossTrainingPreference::None, "None");
                ui.radio_value(&mut form.cross, CrossTrainingPreference::Bike, "Bike");
                ui.radio_value(&mut form.cross, CrossTrainingPreference::Swim, "Swim");
            });
            ui.end_row();
        });
    if let Some(e) = form.errors.get("other") {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    let mut outcome = PlanFormOutcome::Editing;
    let before = form.optimize;
    ui.checkbox(&mut form.optimize, "Optimise for race day")
        .on_hover_text(
            "Try tapers and peak volumes within every recovery rule, and show the three your \
             own model predicts the best race day for",
        );
    if form.optimize != before {
        form.candidates.clear();
    }
    if !form.candidates.is_empty() {
        candidates_ui(ui, form, &mut outcome);
    }
    ui.separator();
    ui.horizontal(|ui| {
        let label = if form.optimize {
            "Find the best race day"
        } else {
            "Generate"
        };
        if ui.button(label).clicked() {
            outcome = PlanFormOutcome::Generate;
        }
        if ui.button("Cancel").clicked() {
            outcome = PlanFormOutcome::Cancelled;
        }
    });
    outcome
}

/// The optimiser's candidates side by side, each with its predicted race day and a button to
/// take it.
fn candidates_ui(ui: &mut egui::Ui, form: &PlanForm, outcome: &mut PlanFormOutcome) {
    ui.add_space(4.0);
    if let Some((v, worthwhile)) = form.standard_vdot {
        ui.label(format!(
            "Predicted race-day VDOT of the standard plan: {v:.1}. Within the rules, the \
             recommended plan and the best alternatives (a gain under {worthwhile:.1} VDOT is \
             within what one race to the next varies by, so the standard plan stays):"
        ));
    }
    ui.columns(form.candidates.len(), |columns| {
        for (i, (ui, c)) in columns.iter_mut().zip(&form.candidates).enumerate() {
            ui.group(|ui| {
                ui.strong(if i == 0 { "Recommended" } else { "Alternative" });
                ui.label(c.taper.describe());
                ui.label(format!(
                    "Peak volume {:.0}% of the standard",
                    100.0 * c.tuning.peak_scale
                ));
                ui.label(format!(
                    "VDOT {:.1} ({:.1} to {:.1})",
                    c.vdot.0, c.vdot.1, c.vdot.2
                ));
                ui.label(format!("Race time {}", format_duration(c.race_time_s)));
                ui.label(format!(
                    "Race-morning form {}",
                    crate::science::charts::signed(c.form, 0)
                ));
                if ui.button(format!("Use plan {}", i + 1)).clicked() {
                    *outcome = PlanFormOutcome::Use(i);
                }
            });
        }
    });
}

//! The athlete profile form, used by "New athlete" and "Athlete profile".
//!
//! [`ProfileForm`] holds what the user typed, as text, and [`ProfileForm::build`] turns it into
//! an [`Athlete`] or a message per field; [`profile_form_ui`] only draws it.

use chrono::Weekday;

use crate::model::{
    Athlete, ExperienceLevel, FieldError, RaceResult, Sex, Units, WeekStart, parse_duration,
};

/// Monday-first weekdays, for the checkboxes (stored order, whatever the week start).
fn weekdays() -> [Weekday; 7] {
    WeekStart::Monday.weekdays()
}

/// How the athlete's fitness is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FitnessInput {
    /// A VDOT number.
    Vdot,
    /// A recent race result.
    Race,
}

/// The form's state: typed text and choices.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileForm {
    /// Name.
    pub name: String,
    /// Sex, optional.
    pub sex: Option<Sex>,
    /// Birth year, as typed.
    pub birth_year: String,
    /// Experience level.
    pub level: ExperienceLevel,
    /// Training age in years, as typed.
    pub training_age_years: String,
    /// Weekly volume in the chosen units, as typed.
    pub weekly_volume: String,
    /// Resting HR, as typed.
    pub resting_hr_bpm: String,
    /// Max HR, as typed.
    pub max_hr_bpm: String,
    /// VDOT or race.
    pub fitness: FitnessInput,
    /// VDOT, as typed.
    pub vdot: String,
    /// Race distance in km, as typed.
    pub race_distance_km: String,
    /// Race time, as typed (`h:mm:ss` or `mm:ss`).
    pub race_time: String,
    /// Available days, Monday first.
    pub weekdays: [bool; 7],
    /// Long-run day.
    pub long_run_day: Weekday,
    /// Display units.
    pub units: Units,
    /// Week start.
    pub week_start: WeekStart,
    /// Home altitude in metres, as typed (empty for sea level).
    pub home_altitude_m: String,
}

fn number_text(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

impl ProfileForm {
    /// The form filled in from a profile.
    pub fn from_athlete(a: &Athlete) -> Self {
        let race = a.recent_race.as_ref();
        ProfileForm {
            name: a.name.clone(),
            sex: a.sex,
            birth_year: a.birth_year.to_string(),
            level: a.level,
            training_age_years: a.training_age_years.to_string(),
            weekly_volume: number_text(a.weekly_volume_km * 1000.0 / a.units.metres_per_unit()),
            resting_hr_bpm: a.resting_hr_bpm.to_string(),
            max_hr_bpm: a.max_hr_bpm.to_string(),
            fitness: if a.vdot.is_none() && race.is_some() {
                FitnessInput::Race
            } else {
                FitnessInput::Vdot
            },
            vdot: a.vdot.map(number_text).unwrap_or_default(),
            race_distance_km: race
                .map(|r| number_text(r.distance_m / 1000.0))
                .unwrap_or_else(|| "10".to_owned()),
            race_time: race
                .map(|r| crate::model::format_duration(r.time_s))
                .unwrap_or_default(),
            weekdays: weekdays().map(|d| a.available_weekdays.contains(&d)),
            long_run_day: a.long_run_day,
            units: a.units,
            week_start: a.week_start,
            home_altitude_m: if a.home_altitude_m == 0.0 {
                String::new()
            } else {
                number_text(a.home_altitude_m)
            },
        }
    }

    /// Builds the profile, or returns one message per field that is wrong.
    ///
    /// # Errors
    /// A list of [`FieldError`]s, each naming the field as [`Athlete::validate`] does.
    pub fn build(&self) -> Result<Athlete, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut number = |field: &'static str, text: &str, what: &str| -> f64 {
            match text.trim().parse::<f64>() {
                Ok(v) if v.is_finite() => v,
                _ => {
                    errors.push(FieldError {
                        field,
                        message: format!("Enter {what} as a number."),
                    });
                    f64::NAN
                }
            }
        };
        let birth_year = number("birth_year", &self.birth_year, "the birth year");
        let training_age = number("training_age_years", &self.training_age_years, "years");
        let volume = number("weekly_volume_km", &self.weekly_volume, "the weekly volume");
        let resting = number("resting_hr_bpm", &self.resting_hr_bpm, "beats per minute");
        let max = number("max_hr_bpm", &self.max_hr_bpm, "beats per minute");
        let home_altitude_m = if self.home_altitude_m.trim().is_empty() {
            0.0
        } else {
            number(
                "home_altitude_m",
                &self.home_altitude_m,
                "the altitude in metres",
            )
        };
        let (vdot, recent_race) = match self.fitness {
            FitnessInput::Vdot => (Some(number("vdot", &self.vdot, "the VDOT")), None),
            FitnessInput::Race => {
                let km = number("recent_race", &self.race_distance_km, "the race distance");
                let race = match parse_duration(&self.race_time) {
                    Ok(time_s) => Some(RaceResult {
                        distance_m: km * 1000.0,
                        time_s,
                        date: None,
                    }),
                    Err(message) => {
                        errors.push(FieldError {
                            field: "recent_race",
                            message,
                        });
                        None
                    }
                };
                (None, race)
            }
        };
        // Whole numbers are range-checked by `Athlete::validate`; clamp only to fit the type.
        let whole = |v: f64, hi: f64| {
            if v.is_finite() {
                v.round().clamp(0.0, hi)
            } else {
                0.0
            }
        };
        let athlete = Athlete {
            name: self.name.trim().to_owned(),
            sex: self.sex,
            birth_year: whole(birth_year, 1e6) as i32,
            level: self.level,
            training_age_years: whole(training_age, 1e6) as u32,
            weekly_volume_km: volume * self.units.metres_per_unit() / 1000.0,
            resting_hr_bpm: whole(resting, 1000.0) as u16,
            max_hr_bpm: whole(max, 1000.0) as u16,
            vdot,
            recent_race,
            available_weekdays: weekdays()
                .iter()
                .zip(self.weekdays)
                .filter_map(|(d, on)| on.then_some(*d))
                .collect(),
            long_run_day: self.long_run_day,
            units: self.units,
            week_start: self.week_start,
            home_altitude_m,
        };
        for e in athlete.validate() {
            if !errors.iter().any(|seen| seen.field == e.field) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(athlete)
        } else {
            Err(errors)
        }
    }
}

/// What the user did with the form this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum FormOutcome {
    /// Still editing.
    Editing,
    /// Confirmed with a valid profile.
    Accepted(Athlete),
    /// Cancelled.
    Cancelled,
}

fn field_error(ui: &mut egui::Ui, errors: &[FieldError], field: &str) {
    if let Some(e) = errors.iter().find(|e| e.field == field) {
        ui.colored_label(ui.visuals().error_fg_color, &e.message);
    }
}

fn text_row(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    errors: &[FieldError],
    field: &str,
) {
    let label = ui.label(label);
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(value).desired_width(140.0))
            .labelled_by(label.id);
        field_error(ui, errors, field);
    });
    ui.end_row();
}

/// Draws the form; `confirm` is the label of the confirming button ("Create", "Apply").
pub fn profile_form_ui(ui: &mut egui::Ui, form: &mut ProfileForm, confirm: &str) -> FormOutcome {
    let built = form.build();
    let errors: &[FieldError] = match &built {
        Ok(_) => &[],
        Err(errors) => errors,
    };
    egui::Grid::new("profile_form")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            text_row(ui, "Name", &mut form.name, errors, "name");
            ui.label("Sex (for heart-rate load)");
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.sex, None, "Not given");
                ui.radio_value(&mut form.sex, Some(Sex::Female), "Female");
                ui.radio_value(&mut form.sex, Some(Sex::Male), "Male");
            });
            ui.end_row();
            text_row(ui, "Birth year", &mut form.birth_year, errors, "birth_year");
            let label = ui.label("Experience");
            egui::ComboBox::from_id_salt("level")
                .selected_text(form.level.label())
                .show_ui(ui, |ui| {
                    for level in ExperienceLevel::ALL {
                        ui.selectable_value(&mut form.level, level, level.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            text_row(
                ui,
                "Training age (years)",
                &mut form.training_age_years,
                errors,
                "training_age_years",
            );
            let volume_label = format!("Weekly volume ({})", form.units.distance_label());
            text_row(
                ui,
                &volume_label,
                &mut form.weekly_volume,
                errors,
                "weekly_volume_km",
            );
            text_row(
                ui,
                "Home altitude (m)",
                &mut form.home_altitude_m,
                errors,
                "home_altitude_m",
            );
            text_row(
                ui,
                "Resting heart rate (bpm)",
                &mut form.resting_hr_bpm,
                errors,
                "resting_hr_bpm",
            );
            text_row(
                ui,
                "Maximum heart rate (bpm)",
                &mut form.max_hr_bpm,
                errors,
                "max_hr_bpm",
            );
            ui.label("Fitness from");
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.fitness, FitnessInput::Vdot, "Known VDOT");
                ui.radio_value(&mut form.fitness, FitnessInput::Race, "A recent race");
            });
            ui.end_row();
            match form.fitness {
                FitnessInput::Vdot => text_row(ui, "VDOT", &mut form.vdot, errors, "vdot"),
                FitnessInput::Race => {
                    let label = ui.label("Race distance (km), time");
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut form.race_distance_km)
                                .desired_width(60.0),
                        )
                        .labelled_by(label.id);
                        ui.add(
                            egui::TextEdit::singleline(&mut form.race_time)
                                .hint_text("h:mm:ss")
                                .desired_width(80.0),
                        );
                        field_error(ui, errors, "recent_race");
                    });
                    ui.end_row();
                }
            }
            ui.label("Days available");
            ui.horizontal(|ui| {
                for (day, on) in weekdays().iter().zip(form.weekdays.iter_mut()) {
                    ui.checkbox(on, day.to_string());
                }
                field_error(ui, errors, "available_weekdays");
            });
            ui.end_row();
            let label = ui.label("Long-run day");
            egui::ComboBox::from_id_salt("long_run_day")
                .selected_text(form.long_run_day.to_string())
                .show_ui(ui, |ui| {
                    for day in weekdays() {
                        ui.selectable_value(&mut form.long_run_day, day, day.to_string());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            ui.label("Units");
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.units, Units::Km, "Kilometres");
                ui.radio_value(&mut form.units, Units::Miles, "Miles");
            });
            ui.end_row();
            ui.label("Week starts on");
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.week_start, WeekStart::Monday, "Monday");
                ui.radio_value(&mut form.week_start, WeekStart::Sunday, "Sunday");
            });
            ui.end_row();
        });
    ui.separator();
    let mut outcome = FormOutcome::Editing;
    ui.horizontal(|ui| {
        let button = ui.add_enabled(built.is_ok(), egui::Button::new(confirm));
        let button = button.on_disabled_hover_text("Fix the fields marked in red first.");
        if button.clicked()
            && let Ok(athlete) = &built
        {
            outcome = FormOutcome::Accepted(athlete.clone());
        }
        if ui.button("Cancel").clicked() {
            outcome = FormOutcome::Cancelled;
        }
    });
    outcome
}

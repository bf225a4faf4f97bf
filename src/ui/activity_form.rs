//! Logging a completed session, or editing a logged one: date and time, kind, duration,
//! distance, RPE, heart rate and notes, with the load it gives shown as it is typed.

use chrono::{NaiveDate, NaiveTime};

use crate::model::{
    Activity, AthleteDocument, CrossActivity, RacePriority, Units, WorkoutKind, format_duration,
    parse_duration,
};
use crate::science::load::{LoadContext, metric_label};
use crate::ui::fields::{checked_grid_field, optional_number};

/// The kinds offered, in the order the list shows them.
fn kinds() -> Vec<WorkoutKind> {
    let cross = |activity| WorkoutKind::CrossTraining { activity };
    vec![
        WorkoutKind::Easy,
        WorkoutKind::Recovery,
        WorkoutKind::Long,
        WorkoutKind::Tempo,
        WorkoutKind::Intervals,
        WorkoutKind::Hills,
        WorkoutKind::RacePace,
        WorkoutKind::Fartlek,
        WorkoutKind::race(0.0, RacePriority::A),
        cross(CrossActivity::Cycling),
        cross(CrossActivity::Swimming),
        cross(CrossActivity::Rowing),
        cross(CrossActivity::Elliptical),
        cross(CrossActivity::Strength),
    ]
}

/// The form's fields as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityForm {
    /// The activity being edited (`None`: a new one).
    pub original: Option<Activity>,
    /// What the new activity starts from (links to a planned workout, source file).
    base: Activity,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
    /// The kind.
    pub kind: WorkoutKind,
    /// `h:mm:ss`, `mm:ss` or minutes.
    pub duration: String,
    /// In the athlete's units.
    pub distance: String,
    /// CR10 RPE.
    pub rpe: String,
    /// Average HR.
    pub avg_hr: String,
    /// Maximum HR.
    pub max_hr: String,
    /// Notes.
    pub notes: String,
    /// What is wrong, shown under the form.
    /// Save was pressed once: from then on, every field's problem shows, empty ones too.
    pub tried: bool,
}

/// What the form asks of the app after a frame.
pub enum ActivityOutcome {
    /// Still being filled.
    Editing,
    /// Closed without saving.
    Cancelled,
    /// Save this activity (boxed: an activity is large beside the other outcomes).
    Save(Box<Activity>),
}

fn same_kind(a: &WorkoutKind, b: &WorkoutKind) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
        && match (a, b) {
            (
                WorkoutKind::CrossTraining { activity: x },
                WorkoutKind::CrossTraining { activity: y },
            ) => x == y,
            _ => true,
        }
}

impl ActivityForm {
    /// A form for a new activity filled from `a` (a blank one, or one made from a planned
    /// workout), or for editing `a` when `editing` is true.
    pub fn new(a: Activity, units: Units, editing: bool) -> Self {
        let per_unit = units.metres_per_unit();
        ActivityForm {
            original: editing.then(|| a.clone()),
            date: a.start.date().format("%Y-%m-%d").to_string(),
            time: a.start.time().format("%H:%M").to_string(),
            kind: a.kind.clone(),
            duration: if a.duration_s > 0.0 {
                format_duration(a.duration_s)
            } else {
                String::new()
            },
            distance: a
                .distance_m
                .map_or_else(String::new, |d| format!("{:.2}", d / per_unit)),
            rpe: a.rpe.map_or_else(String::new, |r| format!("{r}")),
            avg_hr: a.avg_hr_bpm.map_or_else(String::new, |h| h.to_string()),
            max_hr: a.max_hr_bpm.map_or_else(String::new, |h| h.to_string()),
            notes: a.notes.clone(),
            tried: false,
            base: a,
        }
    }

    /// A blank form for a run on `day` at 07:00.
    pub fn blank(day: NaiveDate, units: Units) -> Self {
        let start = day.and_time(NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default());
        let a = Activity {
            start,
            kind: WorkoutKind::Easy,
            instant: None,
            duration_s: 0.0,
            moving_s: None,
            normalised_pace_s_per_km: None,
            distance_m: None,
            avg_hr_bpm: None,
            max_hr_bpm: None,
            rpe: None,
            load: None,
            source_file: None,
            planned_workout: None,
            notes: String::new(),
        };
        ActivityForm::new(a, units, false)
    }

    /// The activity the form holds, or what is wrong with it.
    ///
    /// # Errors
    /// One plain message per bad field.
    pub fn activity(&self, units: Units) -> Result<Activity, Vec<String>> {
        let mut errors = Vec::new();
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d")
            .map_err(|_| errors.push("Date: use YYYY-MM-DD, like 2027-03-12".to_owned()))
            .ok()
            .filter(|d| {
                let (first, last) = crate::model::DATE_YEARS;
                let ok = (first..=last).contains(&chrono::Datelike::year(d));
                if !ok {
                    errors.push("Date: the year must be between 1900 and 2200".to_owned());
                }
                ok
            });
        let time = NaiveTime::parse_from_str(self.time.trim(), "%H:%M")
            .map_err(|_| errors.push("Time: use HH:MM, like 07:30".to_owned()))
            .ok();
        let duration = if self.duration.contains(':') {
            parse_duration(&self.duration)
        } else {
            self.duration
                .trim()
                .parse::<f64>()
                .map(|m| m * 60.0)
                .map_err(|_| "enter h:mm:ss, mm:ss or minutes".to_owned())
        };
        let duration = match duration {
            Ok(d) if d > 0.0 && d.is_finite() && d <= 86_400.0 * 2.0 => Some(d),
            Ok(_) => {
                errors.push("Duration: must be more than zero and at most 48 hours".to_owned());
                None
            }
            Err(e) => {
                errors.push(format!("Duration: {e}"));
                None
            }
        };
        let mut number = |label: &str, text: &str, range: (f64, f64)| {
            optional_number(label, text, range, &mut errors)
        };
        let distance =
            number("Distance", &self.distance, (0.0, 1000.0)).map(|d| d * units.metres_per_unit());
        let rpe = number("RPE", &self.rpe, (0.0, 10.0));
        let avg = number("Average HR", &self.avg_hr, (20.0, 250.0)).map(|v| v.round() as u16);
        let max = number("Maximum HR", &self.max_hr, (20.0, 250.0)).map(|v| v.round() as u16);
        if let (Some(a), Some(m)) = (avg, max)
            && a > m
        {
            errors.push("Average HR is above maximum HR".to_owned());
        }
        let mut kind = self.kind.clone();
        if let WorkoutKind::Race { distance_m, .. } = &mut kind {
            match distance {
                Some(d) if d > 0.0 => *distance_m = d,
                _ => errors.push("Distance: a race needs its distance".to_owned()),
            }
        }
        let (Some(date), Some(time), Some(duration)) = (date, time, duration) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut a = self.base.clone();
        a.start = date.and_time(time);
        a.kind = kind;
        a.duration_s = duration;
        a.distance_m = distance;
        a.rpe = rpe;
        a.avg_hr_bpm = avg;
        a.max_hr_bpm = max;
        a.notes = self.notes.trim().to_owned();
        // A load computed before is recomputed from the new figures; a given one is kept.
        if a.load
            .is_some_and(|l| l.metric != crate::model::LoadMetric::Explicit)
        {
            a.load = None;
        }
        Ok(a)
    }
}

/// Draws the form; returns what the user asked for.
pub fn activity_form_ui(
    ui: &mut egui::Ui,
    form: &mut ActivityForm,
    doc: &AthleteDocument,
) -> ActivityOutcome {
    let units = doc.athlete.units;
    // What is wrong is worked out as the fields are typed, and shown next to each field: at
    // once for a field with text in it, for empty ones only after Save was pressed.
    let live = form.activity(units);
    let problems = live.as_ref().err().map_or(&[][..], Vec::as_slice);
    let problem = |field: &str, text: &str| -> Option<String> {
        if !form.tried && text.trim().is_empty() {
            return None;
        }
        problems.iter().find(|e| e.starts_with(field)).map(|e| {
            e.trim_start_matches(field)
                .trim_start_matches(':')
                .trim()
                .to_owned()
        })
    };
    let shown: Vec<Option<String>> = [
        ("Date", &form.date),
        ("Time", &form.time),
        ("Duration", &form.duration),
        ("Distance", &form.distance),
        ("RPE", &form.rpe),
        ("Average HR", &form.avg_hr),
        ("Maximum HR", &form.max_hr),
    ]
    .into_iter()
    .map(|(field, text)| problem(field, text))
    .collect();
    let load_line = match &live {
        Ok(a) => {
            let context = LoadContext::new(&doc.athlete, &doc.settings);
            match context.activity_load(a) {
                Some(load) => format!(
                    "Load {:.0} (from {})",
                    load.value,
                    metric_label(load.metric)
                ),
                None => "No load: give a heart rate, a distance or an RPE".to_owned(),
            }
        }
        Err(_) => "Load: complete the form to see it".to_owned(),
    };
    let at = |i: usize| shown.get(i).and_then(Option::as_deref);
    egui::Grid::new("activity_grid")
        .num_columns(3)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            checked_grid_field(ui, "Date", &mut form.date, "YYYY-MM-DD", 110.0, at(0));
            checked_grid_field(ui, "Start time", &mut form.time, "HH:MM", 60.0, at(1));
            let l = ui.label("Kind");
            egui::ComboBox::from_id_salt("activity_kind")
                .selected_text(form.kind.label())
                .show_ui(ui, |ui| {
                    for k in kinds() {
                        let selected = same_kind(&form.kind, &k);
                        if ui.selectable_label(selected, k.label()).clicked() {
                            form.kind = k;
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            checked_grid_field(
                ui,
                "Duration (h:mm:ss or min)",
                &mut form.duration,
                "45:00",
                110.0,
                at(2),
            );
            let distance_label = format!("Distance ({})", units.distance_label());
            checked_grid_field(
                ui,
                &distance_label,
                &mut form.distance,
                "optional",
                80.0,
                at(3),
            );
            checked_grid_field(ui, "RPE (0-10)", &mut form.rpe, "4", 50.0, at(4));
            checked_grid_field(ui, "Average HR", &mut form.avg_hr, "bpm", 60.0, at(5));
            checked_grid_field(ui, "Maximum HR", &mut form.max_hr, "bpm", 60.0, at(6));
            let l = ui.label("Notes");
            ui.add(egui::TextEdit::multiline(&mut form.notes).desired_rows(2))
                .labelled_by(l.id);
            ui.end_row();
        });
    ui.weak(load_line);
    let mut outcome = ActivityOutcome::Editing;
    ui.horizontal(|ui| {
        let verb = if form.original.is_some() {
            "Save changes"
        } else {
            "Save activity"
        };
        if ui.button(verb).clicked() {
            match form.activity(units) {
                Ok(a) => outcome = ActivityOutcome::Save(Box::new(a)),
                Err(_) => form.tried = true,
            }
        }
        if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            outcome = ActivityOutcome::Cancelled;
        }
    });
    outcome
}

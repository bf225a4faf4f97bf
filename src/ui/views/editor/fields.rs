//! The editor's text fields: how each is drawn and named, and how their text is read back
//! into the draft with a message beside each value that cannot be used.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::EditorState;
use crate::model::{
    Conditions, Segment, SegmentLength, Step, Target, Units, format_duration, parse_duration,
    parse_pace,
};
use crate::science::load::LoadContext;

/// The condition fields: text key, label, and the range a value must be in.
pub(super) const CONDITIONS: [(&str, &str, (f64, f64)); 3] = [
    (
        "temperature",
        "Temperature (°C)",
        crate::model::TEMPERATURE_C,
    ),
    ("dew_point", "Dew point (°C)", crate::model::TEMPERATURE_C),
    ("altitude", "Altitude (m)", crate::model::ALTITUDE_M),
];

/// A condition's text key and where the workout keeps its value.
pub(super) fn condition_value<'a>(c: &'a mut Conditions, key: &str) -> &'a mut Option<f64> {
    match key {
        "temperature" => &mut c.temperature_c,
        "dew_point" => &mut c.dew_point_c,
        _ => &mut c.altitude_m,
    }
}

/// A segment's length as its field shows it: km with two decimals, or `m:ss`.
pub(super) fn length_text(length: SegmentLength) -> String {
    match length {
        SegmentLength::Distance(m) => format!("{:.2}", m / 1000.0),
        SegmentLength::Duration(s) => format_duration(s),
    }
}

/// A pace in seconds per km as its field shows it, per the athlete's unit.
pub(super) fn pace_text(pace_s_per_km: f64, units: Units) -> String {
    format_duration(pace_s_per_km * units.metres_per_unit() / 1000.0)
}

/// Gives a widget without a visible label its accessible name.
pub(super) fn name(response: &egui::Response, role: egui::Role, label: &'static str) {
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, label));
}

/// How a text field is named for assistive technology: by a visible label, or by a name.
pub(super) enum FieldName {
    /// Labelled by this widget.
    By(egui::Id),
    /// No visible label: this accessible name.
    Named(&'static str),
}

/// A one-line field over the text kept under `key`; true when it lost focus (the moment
/// its value is committed).
pub(super) fn text_field(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    key: &str,
    width: f32,
    field: FieldName,
) -> bool {
    let text = state.texts.entry(key.to_owned()).or_default();
    let edit = ui.add(egui::TextEdit::singleline(text).desired_width(width));
    let edit = match field {
        FieldName::By(id) => edit.labelled_by(id),
        FieldName::Named(label) => {
            name(&edit, egui::Role::TextInput, label);
            edit
        }
    };
    edit.lost_focus()
}

/// The message for the field under `key`, if its value was refused.
pub(super) fn error_here(ui: &mut egui::Ui, state: &EditorState, key: &str) {
    if let Some(e) = state.errors.get(key) {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

/// The weather and altitude the workout is run in, each committed like the other fields.
pub(super) fn conditions_ui(ui: &mut egui::Ui, state: &mut EditorState) -> bool {
    let mut lost_focus = false;
    ui.strong("Conditions")
        .on_hover_text("Optional. Heat and altitude slow the target paces.");
    egui::Grid::new("editor_conditions")
        .num_columns(2)
        .show(ui, |ui| {
            for (key, label, _) in CONDITIONS {
                let l = ui.label(label);
                ui.horizontal(|ui| {
                    lost_focus |= text_field(ui, state, key, 50.0, FieldName::By(l.id));
                    error_here(ui, state, key);
                });
                ui.end_row();
            }
        });
    lost_focus
}

/// A step length typed into its field, checked against the kind of length it replaces.
fn parse_length(text: &str, old: SegmentLength) -> Result<SegmentLength, String> {
    match old {
        SegmentLength::Distance(_) => match text.trim().parse::<f64>() {
            Ok(km) if km > 0.0 && km <= 100.0 => Ok(SegmentLength::Distance(km * 1000.0)),
            _ => Err("Enter km above 0 (at most 100).".to_owned()),
        },
        SegmentLength::Duration(_) => match parse_duration(text) {
            Ok(sec) if sec > 0.0 && sec <= 6.0 * 3600.0 => Ok(SegmentLength::Duration(sec)),
            Ok(_) => Err("Enter a time above 0:00.".to_owned()),
            Err(e) => Err(e),
        },
    }
}

/// Reads the texts of one segment (`i.j`) into it, noting refused values in `errors`.
fn read_segment(
    s: &mut Segment,
    key: &str,
    text: &dyn Fn(&str) -> String,
    units: Units,
    errors: &mut HashMap<String, String>,
) {
    let len_key = format!("len{key}");
    match parse_length(&text(&len_key), s.length) {
        Ok(l) => s.length = l,
        Err(e) => {
            errors.insert(len_key, e);
        }
    }
    if let Target::PaceRange { .. } = s.target {
        let fast = parse_pace(&text(&format!("fast{key}")), units);
        let slow = parse_pace(&text(&format!("slow{key}")), units);
        match (fast, slow) {
            (Ok(f), Ok(sl)) => {
                s.target = Target::PaceRange {
                    fast_s_per_km: f.min(sl),
                    slow_s_per_km: f.max(sl),
                };
            }
            (Err(e), _) | (_, Err(e)) => {
                errors.insert(format!("pace{key}"), e);
            }
        }
    }
}

/// Reads every text field into the draft; returns false (with messages) if any is invalid.
pub(super) fn read_texts(state: &mut EditorState, units: Units, context: &LoadContext) -> bool {
    let Some(mut w) = state.draft.clone() else {
        return false;
    };
    state.errors.clear();
    let texts = &state.texts;
    let text = |k: &str| texts.get(k).cloned().unwrap_or_default();
    let mut errors: HashMap<String, String> = HashMap::new();
    w.type_title(&text("title"));
    w.notes = text("notes");
    match NaiveDate::parse_from_str(text("date").trim(), "%Y-%m-%d") {
        Ok(d) => w.date = d,
        Err(_) => {
            errors.insert("date".into(), "Use YYYY-MM-DD.".into());
        }
    }
    for (key, label, range) in CONDITIONS {
        let mut messages = Vec::new();
        let value = crate::ui::fields::optional_number(label, &text(key), range, &mut messages);
        match messages.pop() {
            Some(m) => {
                errors.insert(key.into(), m);
            }
            None => *condition_value(&mut w.conditions, key) = value,
        }
    }
    if let (Some(t), Some(d)) = (w.conditions.temperature_c, w.conditions.dew_point_c)
        && d > t
    {
        errors.insert(
            "dew_point".into(),
            "The dew point is at most the temperature.".into(),
        );
    }
    for (i, step) in w.steps.iter_mut().enumerate() {
        let segments: Vec<&mut Segment> = match step {
            Step::Single(s) => vec![s],
            Step::Repeat { segments, .. } => segments.iter_mut().collect(),
        };
        for (j, s) in segments.into_iter().enumerate() {
            read_segment(s, &format!("{i}.{j}"), &text, units, &mut errors);
        }
    }
    if w.steps.is_empty() {
        read_planned(&mut w, &text, units, &mut errors);
    } else {
        let (duration, distance, _) = context.running_split(&w);
        w.planned_duration_s = Some(duration.round());
        w.planned_distance_m = (distance > 0.0).then_some(distance.round());
    }
    state.errors = errors;
    if state.errors.is_empty() {
        state.draft = Some(w);
        true
    } else {
        false
    }
}

/// The planned distance and duration of a workout without steps, as typed.
fn read_planned(
    w: &mut crate::model::Workout,
    text: &dyn Fn(&str) -> String,
    units: Units,
    errors: &mut HashMap<String, String>,
) {
    let distance = text("distance");
    if distance.trim().is_empty() {
        w.planned_distance_m = None;
    } else {
        match distance.trim().parse::<f64>() {
            Ok(d) if (0.0..=300.0).contains(&d) => {
                w.planned_distance_m = Some(d * units.metres_per_unit());
            }
            _ => {
                errors.insert("distance".into(), "Enter a distance of 0 or more.".into());
            }
        }
    }
    let duration = text("duration");
    if duration.trim().is_empty() {
        w.planned_duration_s = None;
    } else {
        match parse_duration(&duration) {
            Ok(s) => w.planned_duration_s = Some(s),
            Err(e) => {
                errors.insert("duration".into(), e);
            }
        }
    }
}

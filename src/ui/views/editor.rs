//! The workout editor: the selected workout's kind, title, date, conditions (heat and
//! altitude, which slow its target paces), notes and structured steps.
//!
//! The editor works on a draft. Buttons and choices commit at once; text fields commit when
//! they lose focus, so a typed value is one undo step, not one per keystroke. A value that is
//! out of range is refused next to its field and not committed. Planned distance, duration and
//! load follow the draft as it changes.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{
    AthleteDocument, CrossActivity, PaceZone, Segment, SegmentKind, SegmentLength, Step, Target,
    Units, Workout, WorkoutId, WorkoutKind, format_distance, format_duration, format_pace,
    parse_duration, parse_pace,
};
use crate::science::load::LoadContext;
use crate::science::paces::TrainingPaces;
use crate::session::Edit;
use crate::ui::commands::Request;

/// The editor's draft and typed text (UI state, not saved).
#[derive(Clone, Debug, Default)]
pub struct EditorState {
    source: Option<(WorkoutId, u64, u64)>,
    draft: Option<Workout>,
    texts: HashMap<String, String>,
    errors: HashMap<String, String>,
}

/// A kind's name in the menu and how to make it.
type KindChoice = (&'static str, fn() -> WorkoutKind);

const KINDS: [KindChoice; 11] = [
    ("Rest", || WorkoutKind::Rest),
    ("Recovery", || WorkoutKind::Recovery),
    ("Easy", || WorkoutKind::Easy),
    ("Long run", || WorkoutKind::Long),
    ("Tempo", || WorkoutKind::Tempo),
    ("Intervals", || WorkoutKind::Intervals),
    ("Hills", || WorkoutKind::Hills),
    ("Race pace", || WorkoutKind::RacePace),
    ("Fartlek", || WorkoutKind::Fartlek),
    ("Cycling", || WorkoutKind::CrossTraining {
        activity: CrossActivity::Cycling,
    }),
    ("Swimming", || WorkoutKind::CrossTraining {
        activity: CrossActivity::Swimming,
    }),
];

const SEGMENT_KINDS: [(SegmentKind, &str); 4] = [
    (SegmentKind::WarmUp, "Warm-up"),
    (SegmentKind::Work, "Work"),
    (SegmentKind::Recovery, "Recovery"),
    (SegmentKind::CoolDown, "Cool-down"),
];

/// The condition fields: text key, label, and the range a value must be in.
const CONDITIONS: [(&str, &str, (f64, f64)); 3] = [
    (
        "temperature",
        "Temperature (°C)",
        crate::model::TEMPERATURE_C,
    ),
    ("dew_point", "Dew point (°C)", crate::model::TEMPERATURE_C),
    ("altitude", "Altitude (m)", crate::model::ALTITUDE_M),
];

/// A condition's text key and where the workout keeps its value.
fn condition_value<'a>(c: &'a mut crate::model::Conditions, key: &str) -> &'a mut Option<f64> {
    match key {
        "temperature" => &mut c.temperature_c,
        "dew_point" => &mut c.dew_point_c,
        _ => &mut c.altitude_m,
    }
}

fn length_text(length: SegmentLength) -> String {
    match length {
        SegmentLength::Distance(m) => format!("{:.2}", m / 1000.0),
        SegmentLength::Duration(s) => format_duration(s),
    }
}

fn target_name(t: &Target) -> &'static str {
    match t {
        Target::None => "No target",
        Target::PaceZone(PaceZone::E) => "E pace",
        Target::PaceZone(PaceZone::M) => "M pace",
        Target::PaceZone(PaceZone::T) => "T pace",
        Target::PaceZone(PaceZone::I) => "I pace",
        Target::PaceZone(PaceZone::R) => "R pace",
        Target::PaceRange { .. } => "Pace range",
        Target::HeartRate { .. } => "Heart rate",
        Target::Rpe(_) => "RPE",
    }
}

/// What a change in the editor asks for.
enum Change {
    None,
    /// The draft changed through a button or choice: commit now.
    Now,
    /// A text field lost focus: commit if its value is valid.
    Text,
}

impl EditorState {
    fn load(&mut self, w: &Workout, key: (WorkoutId, u64, u64), units: Units) {
        self.source = Some(key);
        self.draft = Some(w.clone());
        self.errors.clear();
        self.texts.clear();
        self.texts.insert("title".into(), w.title.clone());
        self.texts.insert("date".into(), w.date.to_string());
        self.texts.insert("notes".into(), w.notes.clone());
        self.texts.insert(
            "distance".into(),
            w.planned_distance_m
                .map(|m| format!("{:.2}", m / units.metres_per_unit()))
                .unwrap_or_default(),
        );
        self.texts.insert(
            "duration".into(),
            w.planned_duration_s
                .map(format_duration)
                .unwrap_or_default(),
        );
        let mut conditions = w.conditions;
        for (key, _, _) in CONDITIONS {
            let value = *condition_value(&mut conditions, key);
            self.texts
                .insert(key.into(), value.map(|v| v.to_string()).unwrap_or_default());
        }
        for (i, step) in w.steps.iter().enumerate() {
            let segments: Vec<&Segment> = match step {
                Step::Single(s) => vec![s],
                Step::Repeat { segments, .. } => segments.iter().collect(),
            };
            for (j, s) in segments.into_iter().enumerate() {
                self.texts
                    .insert(format!("len{i}.{j}"), length_text(s.length));
                if let Target::PaceRange {
                    fast_s_per_km,
                    slow_s_per_km,
                } = s.target
                {
                    let unit = |p: f64| format_duration(p * units.metres_per_unit() / 1000.0);
                    self.texts
                        .insert(format!("fast{i}.{j}"), unit(fast_s_per_km));
                    self.texts
                        .insert(format!("slow{i}.{j}"), unit(slow_s_per_km));
                }
            }
        }
    }
}

/// Gives a widget without a visible label its accessible name.
fn name(response: &egui::Response, role: egui::Role, label: &'static str) {
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, label));
}

/// How a text field is named for assistive technology: by a visible label, or by a name.
enum FieldName {
    /// Labelled by this widget.
    By(egui::Id),
    /// No visible label: this accessible name.
    Named(&'static str),
}

fn text_field(
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

fn error_here(ui: &mut egui::Ui, state: &EditorState, key: &str) {
    if let Some(e) = state.errors.get(key) {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

/// Reads every text field into the draft; returns false (with messages) if any is invalid.
fn read_texts(state: &mut EditorState, units: Units, context: &LoadContext) -> bool {
    let Some(mut w) = state.draft.clone() else {
        return false;
    };
    state.errors.clear();
    let text = |k: &str| state.texts.get(k).cloned().unwrap_or_default();
    let mut errors: HashMap<String, String> = HashMap::new();
    w.title = text("title").trim().to_owned();
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
            let key = format!("len{i}.{j}");
            let t = text(&key);
            let parsed = match s.length {
                SegmentLength::Distance(_) => match t.trim().parse::<f64>() {
                    Ok(km) if km > 0.0 && km <= 100.0 => Ok(SegmentLength::Distance(km * 1000.0)),
                    _ => Err("Enter km above 0 (at most 100).".to_owned()),
                },
                SegmentLength::Duration(_) => match parse_duration(&t) {
                    Ok(sec) if sec > 0.0 && sec <= 6.0 * 3600.0 => Ok(SegmentLength::Duration(sec)),
                    Ok(_) => Err("Enter a time above 0:00.".to_owned()),
                    Err(e) => Err(e),
                },
            };
            match parsed {
                Ok(l) => s.length = l,
                Err(e) => {
                    errors.insert(key, e);
                }
            }
            if let Target::PaceRange { .. } = s.target {
                let fast = parse_pace(&text(&format!("fast{i}.{j}")), units);
                let slow = parse_pace(&text(&format!("slow{i}.{j}")), units);
                match (fast, slow) {
                    (Ok(f), Ok(sl)) => {
                        s.target = Target::PaceRange {
                            fast_s_per_km: f.min(sl),
                            slow_s_per_km: f.max(sl),
                        };
                    }
                    (Err(e), _) | (_, Err(e)) => {
                        errors.insert(format!("pace{i}.{j}"), e);
                    }
                }
            }
        }
    }
    if w.steps.is_empty() {
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

fn segment_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    s: &mut Segment,
    key: &str,
    units: Units,
    paces: &TrainingPaces,
    change: &mut Change,
) {
    ui.horizontal_wrapped(|ui| {
        let kind = egui::ComboBox::from_id_salt(format!("kind{key}"))
            .width(80.0)
            .selected_text(
                SEGMENT_KINDS
                    .iter()
                    .find(|(k, _)| *k == s.kind)
                    .map_or("", |k| k.1),
            )
            .show_ui(ui, |ui| {
                for (k, label) in SEGMENT_KINDS {
                    if ui.selectable_value(&mut s.kind, k, label).changed() {
                        *change = Change::Now;
                    }
                }
            })
            .response;
        name(&kind, egui::Role::ComboBox, "Step kind");
        if text_field(
            ui,
            state,
            &format!("len{key}"),
            50.0,
            FieldName::Named("Step length"),
        ) {
            *change = Change::Text;
        }
        let by_time = matches!(s.length, SegmentLength::Duration(_));
        let unit = if by_time { "min:s" } else { "km" };
        if ui
            .button(unit)
            .on_hover_text("Switch between distance and time")
            .clicked()
        {
            s.length = if by_time {
                SegmentLength::Distance(1000.0)
            } else {
                SegmentLength::Duration(300.0)
            };
            state
                .texts
                .insert(format!("len{key}"), length_text(s.length));
            *change = Change::Now;
        }
        let target = egui::ComboBox::from_id_salt(format!("target{key}"))
            .width(90.0)
            .selected_text(target_name(&s.target))
            .show_ui(ui, |ui| {
                let options = [
                    Target::None,
                    Target::PaceZone(PaceZone::E),
                    Target::PaceZone(PaceZone::M),
                    Target::PaceZone(PaceZone::T),
                    Target::PaceZone(PaceZone::I),
                    Target::PaceZone(PaceZone::R),
                    Target::PaceRange {
                        fast_s_per_km: 270.0,
                        slow_s_per_km: 300.0,
                    },
                    Target::HeartRate {
                        min_bpm: 140,
                        max_bpm: 155,
                    },
                    Target::Rpe(5.0),
                ];
                for option in options {
                    let name = target_name(&option);
                    if ui
                        .selectable_label(target_name(&s.target) == name, name)
                        .clicked()
                        && target_name(&s.target) != name
                    {
                        if let Target::PaceRange {
                            fast_s_per_km,
                            slow_s_per_km,
                        } = option
                        {
                            let unit =
                                |p: f64| format_duration(p * units.metres_per_unit() / 1000.0);
                            state
                                .texts
                                .insert(format!("fast{key}"), unit(fast_s_per_km));
                            state
                                .texts
                                .insert(format!("slow{key}"), unit(slow_s_per_km));
                        }
                        s.target = option;
                        *change = Change::Now;
                    }
                }
            })
            .response;
        name(&target, egui::Role::ComboBox, "Step target");
        match &mut s.target {
            Target::PaceZone(zone) => {
                ui.weak(format_pace(paces.zone_s_per_km(*zone), units));
            }
            Target::PaceRange { .. } => {
                if text_field(
                    ui,
                    state,
                    &format!("fast{key}"),
                    40.0,
                    FieldName::Named("Fastest pace"),
                ) {
                    *change = Change::Text;
                }
                ui.label("-");
                if text_field(
                    ui,
                    state,
                    &format!("slow{key}"),
                    40.0,
                    FieldName::Named("Slowest pace"),
                ) {
                    *change = Change::Text;
                }
                ui.weak(format!("/{}", units.distance_label()));
            }
            Target::HeartRate { min_bpm, max_bpm } => {
                let (lo, hi) = crate::model::HEART_RATE_BPM;
                let a = ui.add(egui::DragValue::new(min_bpm).range(lo..=hi).suffix(" bpm"));
                let b = ui.add(egui::DragValue::new(max_bpm).range(lo..=hi).suffix(" bpm"));
                if a.drag_stopped() || a.lost_focus() || b.drag_stopped() || b.lost_focus() {
                    *change = Change::Now;
                }
            }
            Target::Rpe(rpe) => {
                let r = ui.add(egui::DragValue::new(rpe).range(0.0..=10.0).speed(0.1));
                if r.drag_stopped() || r.lost_focus() {
                    *change = Change::Now;
                }
            }
            Target::None => {}
        }
    });
    error_here(ui, state, &format!("len{key}"));
    error_here(ui, state, &format!("pace{key}"));
}

/// The weather and altitude the workout is run in, each committed like the other fields.
fn conditions_ui(ui: &mut egui::Ui, state: &mut EditorState, change: &mut Change) {
    ui.strong("Conditions")
        .on_hover_text("Optional. Heat and altitude slow the target paces.");
    egui::Grid::new("editor_conditions")
        .num_columns(2)
        .show(ui, |ui| {
            for (key, label, _) in CONDITIONS {
                let l = ui.label(label);
                ui.horizontal(|ui| {
                    if text_field(ui, state, key, 50.0, FieldName::By(l.id)) {
                        *change = Change::Text;
                    }
                    error_here(ui, state, key);
                });
                ui.end_row();
            }
        });
}

/// Draws the editor for the selected workout (or an empty state).
#[allow(clippy::too_many_lines)]
pub fn workout_editor_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    doc: &AthleteDocument,
    selected: Option<WorkoutId>,
    revision: (u64, u64),
    commands: &mut Vec<Request>,
) {
    ui.heading("Workout");
    let Some(w) = selected.and_then(|id| doc.active_plan().and_then(|p| p.workout(id))) else {
        ui.weak("Select a workout on the calendar to see and edit its steps, targets and notes.");
        state.source = None;
        return;
    };
    let units = doc.athlete.units;
    let key = (w.id, revision.0, revision.1);
    if state.source != Some(key) && !ui.ctx().egui_wants_keyboard_input() {
        state.load(w, key, units);
    }
    let context = LoadContext::new(&doc.athlete, &doc.settings);
    let Some(mut draft) = state.draft.clone() else {
        return;
    };
    // The target paces in the workout's conditions.
    let paces = super::targets::workout_paces(&draft, doc);
    let mut change = Change::None;
    egui::ScrollArea::vertical()
        .id_salt("editor")
        .show(ui, |ui| {
            egui::Grid::new("editor_fields")
                .num_columns(2)
                .show(ui, |ui| {
                    let l = ui.label("Title");
                    if text_field(ui, state, "title", 170.0, FieldName::By(l.id)) {
                        change = Change::Text;
                    }
                    ui.end_row();
                    let l = ui.label("Kind");
                    let current = KINDS
                        .iter()
                        .find(|(_, k)| k() == draft.kind)
                        .map_or_else(|| draft.kind.label(), |(n, _)| (*n).to_owned());
                    egui::ComboBox::from_id_salt("workout_kind")
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            for (name, make) in KINDS {
                                if ui.selectable_label(draft.kind == make(), name).clicked() {
                                    draft.kind = make();
                                    change = Change::Now;
                                }
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label("Date");
                    ui.horizontal(|ui| {
                        if text_field(ui, state, "date", 90.0, FieldName::By(l.id)) {
                            change = Change::Text;
                        }
                        error_here(ui, state, "date");
                    });
                    ui.end_row();
                    if draft.steps.is_empty() {
                        let l = ui.label(format!("Distance ({})", units.distance_label()));
                        ui.horizontal(|ui| {
                            if text_field(ui, state, "distance", 60.0, FieldName::By(l.id)) {
                                change = Change::Text;
                            }
                            error_here(ui, state, "distance");
                        });
                        ui.end_row();
                        let l = ui.label("Duration");
                        ui.horizontal(|ui| {
                            if text_field(ui, state, "duration", 60.0, FieldName::By(l.id)) {
                                change = Change::Text;
                            }
                            error_here(ui, state, "duration");
                        });
                        ui.end_row();
                    }
                });
            let load = context.planned_load(&draft);
            ui.label(format!(
                "{} · {} · {} · load {load:.0}",
                draft.intensity().label(),
                draft
                    .planned_distance_m
                    .map_or_else(|| "-".to_owned(), |d| format_distance(d, units)),
                draft
                    .planned_duration_s
                    .map_or_else(|| "-".to_owned(), format_duration),
            ));
            ui.separator();
            conditions_ui(ui, state, &mut change);
            if let Some(adjusted) = super::targets::adjustment_line(&draft, doc) {
                ui.colored_label(ui.visuals().warn_fg_color, adjusted);
            }
            ui.separator();
            ui.strong("Steps");
            let mut remove = None;
            let mut swap = None;
            let count = draft.steps.len();
            for i in 0..count {
                ui.push_id(("step", i), |ui| {
                    ui.horizontal(|ui| {
                        if ui.small_button("Up").clicked() && i > 0 {
                            swap = Some((i - 1, i));
                        }
                        if ui.small_button("Down").clicked() && i + 1 < count {
                            swap = Some((i, i + 1));
                        }
                        if ui.small_button("Remove").clicked() {
                            remove = Some(i);
                        }
                    });
                    match &mut draft.steps[i] {
                        Step::Single(s) => {
                            segment_ui(ui, state, s, &format!("{i}.0"), units, &paces, &mut change);
                        }
                        Step::Repeat { times, segments } => {
                            ui.horizontal(|ui| {
                                ui.label("Repeat");
                                let r = ui.add(
                                    egui::DragValue::new(times)
                                        .range(
                                            crate::model::REPEAT_TIMES.0
                                                ..=crate::model::REPEAT_TIMES.1,
                                        )
                                        .suffix(" times"),
                                );
                                if r.drag_stopped() || r.lost_focus() {
                                    change = Change::Now;
                                }
                            });
                            ui.indent("repeat", |ui| {
                                for (j, s) in segments.iter_mut().enumerate() {
                                    segment_ui(
                                        ui,
                                        state,
                                        s,
                                        &format!("{i}.{j}"),
                                        units,
                                        &paces,
                                        &mut change,
                                    );
                                }
                            });
                        }
                    }
                    ui.add_space(4.0);
                });
            }
            if let Some(i) = remove {
                draft.steps.remove(i);
                change = Change::Now;
            }
            if let Some((a, b)) = swap {
                draft.steps.swap(a, b);
                change = Change::Now;
            }
            ui.horizontal_wrapped(|ui| {
                let add = |kind, zone, metres: f64| {
                    Step::Single(Segment {
                        kind,
                        length: SegmentLength::Distance(metres),
                        target: Target::PaceZone(zone),
                        rpe: None,
                    })
                };
                if ui.button("+ Warm-up").clicked() {
                    draft
                        .steps
                        .push(add(SegmentKind::WarmUp, PaceZone::E, 2000.0));
                    change = Change::Now;
                }
                if ui.button("+ Work").clicked() {
                    draft
                        .steps
                        .push(add(SegmentKind::Work, PaceZone::T, 1000.0));
                    change = Change::Now;
                }
                if ui.button("+ Repeat").clicked() {
                    draft.steps.push(Step::Repeat {
                        times: 4,
                        segments: vec![
                            Segment {
                                kind: SegmentKind::Work,
                                length: SegmentLength::Distance(800.0),
                                target: Target::PaceZone(PaceZone::I),
                                rpe: None,
                            },
                            Segment {
                                kind: SegmentKind::Recovery,
                                length: SegmentLength::Duration(120.0),
                                target: Target::PaceZone(PaceZone::E),
                                rpe: None,
                            },
                        ],
                    });
                    change = Change::Now;
                }
                if ui.button("+ Cool-down").clicked() {
                    draft
                        .steps
                        .push(add(SegmentKind::CoolDown, PaceZone::E, 1500.0));
                    change = Change::Now;
                }
            });
            ui.separator();
            let l = ui.label("Notes");
            let notes = state.texts.entry("notes".to_owned()).or_default();
            let edit = ui
                .add(
                    egui::TextEdit::multiline(notes)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if edit.lost_focus() {
                change = Change::Text;
            }
        });
    if matches!(change, Change::None) {
        return;
    }
    // Steps changed structurally: their texts follow the draft.
    let steps_changed = state
        .draft
        .as_ref()
        .is_some_and(|d| d.steps.len() != draft.steps.len());
    state.draft = Some(draft.clone());
    if steps_changed || matches!(change, Change::Now) {
        let units_now = units;
        let texts = std::mem::take(&mut state.texts);
        state.load(&draft, key, units_now);
        let fields = ["title", "date", "notes", "distance", "duration"];
        for field in fields.into_iter().chain(CONDITIONS.map(|c| c.0)) {
            if let Some(t) = texts.get(field) {
                state.texts.insert(field.to_owned(), t.clone());
            }
        }
        if !steps_changed {
            for (k, v) in texts {
                state.texts.entry(k).or_insert(v);
            }
        }
    }
    if read_texts(state, units, &context)
        && let Some(new) = &state.draft
        && new != w
    {
        commands.push(Request::Apply(Edit::ReplaceWorkout(new.clone())));
    }
}

//! The workout editor: the selected workout's kind, title, date, conditions (heat and
//! altitude, which slow its target paces), notes and structured steps.
//!
//! The editor works on a draft. Buttons and choices commit at once; text fields commit when
//! they lose focus (Enter or leaving the field), so a typed value is one undo step, not one
//! per keystroke; numbers commit on each arrow key, on Enter or leaving the field, and when a
//! drag ends. A value that is out of range is refused next to its field and not committed.
//! Planned distance, duration and load follow the draft as it changes, and a title the runner
//! did not type follows the steps ([`crate::model::Workout::retitle_after`]).

mod fields;
mod steps;

use std::collections::HashMap;

use crate::model::{
    AthleteDocument, CrossActivity, Segment, Step, Target, Units, Workout, WorkoutId, WorkoutKind,
    format_distance, format_duration,
};
use crate::science::load::LoadContext;
use crate::session::Edit;
use crate::ui::commands::Request;
use fields::{
    CONDITIONS, FieldName, condition_value, conditions_ui, error_here, length_text, pace_text,
    read_texts, text_field,
};

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

/// What a change in the editor asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    None,
    /// A text field lost focus: commit if its value is valid.
    Text,
    /// The draft changed through a button, a choice or a number: commit now.
    Now,
}

impl Change {
    fn now(&mut self) {
        *self = Change::Now;
    }

    fn text(&mut self) {
        if *self == Change::None {
            *self = Change::Text;
        }
    }
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
                    self.texts
                        .insert(format!("fast{i}.{j}"), pace_text(fast_s_per_km, units));
                    self.texts
                        .insert(format!("slow{i}.{j}"), pace_text(slow_s_per_km, units));
                }
            }
        }
    }

    /// After a committed change: the step texts follow the draft (its steps may have moved),
    /// the other fields keep what was typed.
    fn follow_draft(
        &mut self,
        draft: &Workout,
        key: (WorkoutId, u64, u64),
        units: Units,
        steps_changed: bool,
    ) {
        let texts = std::mem::take(&mut self.texts);
        self.load(draft, key, units);
        let fields = ["title", "date", "notes", "distance", "duration"];
        for field in fields.into_iter().chain(CONDITIONS.map(|c| c.0)) {
            if let Some(t) = texts.get(field) {
                self.texts.insert(field.to_owned(), t.clone());
            }
        }
        if !steps_changed {
            for (k, v) in texts {
                self.texts.entry(k).or_insert(v);
            }
        }
    }
}

/// Title, kind, date, and for a workout without steps its distance and duration.
fn main_fields_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    draft: &mut Workout,
    units: Units,
    change: &mut Change,
) {
    egui::Grid::new("editor_fields")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label("Title");
            if text_field(ui, state, "title", 170.0, FieldName::By(l.id)) {
                change.text();
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
                            change.now();
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            let mut field = |ui: &mut egui::Ui, label: String, key: &str, width: f32| {
                let l = ui.label(label);
                ui.horizontal(|ui| {
                    if text_field(ui, state, key, width, FieldName::By(l.id)) {
                        change.text();
                    }
                    error_here(ui, state, key);
                });
                ui.end_row();
            };
            field(ui, "Date".to_owned(), "date", 90.0);
            if draft.steps.is_empty() {
                let distance = format!("Distance ({})", units.distance_label());
                field(ui, distance, "distance", 60.0);
                field(ui, "Duration".to_owned(), "duration", 60.0);
            }
        });
}

/// Draws the editor for the selected workout (or an empty state).
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
    // A field being typed in keeps its text; anything else shows the document as it is.
    if state.source != Some(key) && !ui.ctx().text_edit_focused() {
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
            main_fields_ui(ui, state, &mut draft, units, &mut change);
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
            if conditions_ui(ui, state) {
                change.text();
            }
            if let Some(adjusted) = super::targets::adjustment_line(&draft, doc) {
                ui.colored_label(ui.visuals().warn_fg_color, adjusted);
            }
            ui.separator();
            let segments = steps::SegmentContext {
                units,
                paces: &paces,
            };
            steps::steps_ui(ui, state, &mut draft, &segments, &mut change);
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
                change.text();
            }
        });
    let edit = Edited {
        workout: w,
        key,
        units,
        context: &context,
    };
    commit(state, draft, &edit, change, commands);
}

/// The workout being edited as the document holds it, and what reading its fields needs.
struct Edited<'a> {
    workout: &'a Workout,
    key: (WorkoutId, u64, u64),
    units: Units,
    context: &'a LoadContext,
}

/// Commits the draft when a change asks for it; a change in progress (a drag) stays in the
/// draft, so the next frame draws it.
fn commit(
    state: &mut EditorState,
    draft: Workout,
    edited: &Edited<'_>,
    change: Change,
    commands: &mut Vec<Request>,
) {
    let (w, units) = (edited.workout, edited.units);
    if change == Change::None {
        if state.draft.as_ref() != Some(&draft) {
            state.draft = Some(draft);
        }
        return;
    }
    let steps_changed = state
        .draft
        .as_ref()
        .is_some_and(|d| d.steps.len() != draft.steps.len());
    if steps_changed || change == Change::Now {
        state.follow_draft(&draft, edited.key, units, steps_changed);
    }
    state.draft = Some(draft);
    if read_texts(state, units, edited.context)
        && let Some(new) = &mut state.draft
    {
        new.retitle_after(w);
        // The title field shows a title that followed the steps.
        state.texts.insert("title".into(), new.title.clone());
        if new != w {
            commands.push(Request::Apply(Edit::ReplaceWorkout(new.clone())));
        }
    }
}

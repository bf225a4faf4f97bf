//! The editor's steps: each segment's kind, length and target, repeats with their count, and
//! the buttons that add, move and remove steps.

use super::fields::{FieldName, error_here, length_text, name, pace_text, text_field};
use super::{Change, EditorState};
use crate::model::{
    PaceZone, Segment, SegmentKind, SegmentLength, Step, Target, Units, Workout, format_pace,
};
use crate::science::paces::TrainingPaces;

const SEGMENT_KINDS: [(SegmentKind, &str); 4] = [
    (SegmentKind::WarmUp, "Warm-up"),
    (SegmentKind::Work, "Work"),
    (SegmentKind::Recovery, "Recovery"),
    (SegmentKind::CoolDown, "Cool-down"),
];

const ZONES: [PaceZone; 5] = [
    PaceZone::E,
    PaceZone::M,
    PaceZone::T,
    PaceZone::I,
    PaceZone::R,
];

/// A target's name in its menu: a zone in words with its letter ("Marathon pace (M)"), so
/// the letter never reads as anything else.
fn target_name(t: &Target) -> String {
    match t {
        Target::None => "No target".to_owned(),
        Target::PaceZone(zone) => {
            let word = zone.word();
            let mut letters = word.chars();
            let capital: String = letters
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            format!("{capital}{} pace ({zone:?})", letters.as_str())
        }
        Target::PaceRange { .. } => "Pace range".to_owned(),
        Target::HeartRate { .. } => "Heart rate".to_owned(),
        Target::Rpe(_) => "RPE".to_owned(),
    }
}

/// The targets a segment can be given, with a starting value for those that need one.
fn target_options() -> Vec<Target> {
    let mut options = vec![Target::None];
    options.extend(ZONES.map(Target::PaceZone));
    options.extend([
        Target::PaceRange {
            fast_s_per_km: 270.0,
            slow_s_per_km: 300.0,
        },
        Target::HeartRate {
            min_bpm: 140,
            max_bpm: 155,
        },
        Target::Rpe(5.0),
    ]);
    options
}

/// The step of a whole-number field per arrow key (and per point dragged): one. A smaller
/// step is rounded away, and the arrow keys would never change the number.
const WHOLE_STEP: f64 = 1.0;

/// Whether a number widget's change is committed now: a step of the arrow keys, a typed
/// value confirmed by Enter or by leaving the field, or the end of a drag. While a drag goes
/// on, the draft follows it and nothing is committed, so one drag is one undo step.
fn number_committed(r: &egui::Response) -> bool {
    r.drag_stopped() || (r.changed() && !r.dragged())
}

/// The paces, units and place a segment row is drawn with.
pub(super) struct SegmentContext<'a> {
    pub units: Units,
    pub paces: &'a TrainingPaces,
}

fn segment_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    s: &mut Segment,
    key: &str,
    c: &SegmentContext<'_>,
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
                        change.now();
                    }
                }
            })
            .response;
        name(&kind, egui::Role::ComboBox, "Step kind");
        let len_key = format!("len{key}");
        if text_field(ui, state, &len_key, 50.0, FieldName::Named("Step length")) {
            change.text();
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
            state.texts.insert(len_key, length_text(s.length));
            change.now();
        }
        target_ui(ui, state, s, key, c, change);
    });
    error_here(ui, state, &format!("len{key}"));
    error_here(ui, state, &format!("pace{key}"));
}

/// The target menu and, beside it, the target's pace or values.
fn target_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    s: &mut Segment,
    key: &str,
    c: &SegmentContext<'_>,
    change: &mut Change,
) {
    let current = target_name(&s.target);
    let target = egui::ComboBox::from_id_salt(format!("target{key}"))
        .width(140.0)
        .selected_text(current.clone())
        .show_ui(ui, |ui| {
            for option in target_options() {
                let option_name = target_name(&option);
                if ui
                    .selectable_label(current == option_name, &option_name)
                    .clicked()
                    && current != option_name
                {
                    if let Target::PaceRange {
                        fast_s_per_km,
                        slow_s_per_km,
                    } = option
                    {
                        let texts = &mut state.texts;
                        texts.insert(format!("fast{key}"), pace_text(fast_s_per_km, c.units));
                        texts.insert(format!("slow{key}"), pace_text(slow_s_per_km, c.units));
                    }
                    s.target = option;
                    change.now();
                }
            }
        })
        .response;
    name(&target, egui::Role::ComboBox, "Step target");
    match &mut s.target {
        Target::PaceZone(zone) => {
            ui.weak(format_pace(c.paces.zone_s_per_km(*zone), c.units));
        }
        Target::PaceRange { .. } => {
            let fast = format!("fast{key}");
            if text_field(ui, state, &fast, 40.0, FieldName::Named("Fastest pace")) {
                change.text();
            }
            ui.label("-");
            let slow = format!("slow{key}");
            if text_field(ui, state, &slow, 40.0, FieldName::Named("Slowest pace")) {
                change.text();
            }
            ui.weak(format!("/{}", c.units.distance_label()));
        }
        Target::HeartRate { min_bpm, max_bpm } => {
            let (lo, hi) = crate::model::HEART_RATE_BPM;
            for (bpm, label) in [
                (min_bpm, "Lowest heart rate"),
                (max_bpm, "Highest heart rate"),
            ] {
                let r = ui.add(
                    egui::DragValue::new(bpm)
                        .range(lo..=hi)
                        .speed(WHOLE_STEP)
                        .suffix(" bpm")
                        .update_while_editing(false),
                );
                name(&r, egui::Role::SpinButton, label);
                if number_committed(&r) {
                    change.now();
                }
            }
        }
        Target::Rpe(rpe) => {
            let r = ui.add(
                egui::DragValue::new(rpe)
                    .range(0.0..=10.0)
                    .speed(0.1)
                    .update_while_editing(false),
            );
            name(&r, egui::Role::SpinButton, "RPE");
            if number_committed(&r) {
                change.now();
            }
        }
        Target::None => {}
    }
}

/// A repeat's count: arrows, typing (committed by Enter or by leaving the field) and
/// dragging all change it.
fn repeat_count_ui(ui: &mut egui::Ui, times: &mut u32, change: &mut Change) {
    ui.horizontal(|ui| {
        let l = ui.label("Repeat");
        let (lo, hi) = crate::model::REPEAT_TIMES;
        let r = ui
            .add(
                egui::DragValue::new(times)
                    .range(lo..=hi)
                    .speed(WHOLE_STEP)
                    .suffix(" times")
                    .update_while_editing(false),
            )
            .labelled_by(l.id);
        if number_committed(&r) {
            change.now();
        }
    });
}

/// The steps, each with buttons to move it up or down or remove it, and the buttons that
/// add a step.
pub(super) fn steps_ui(
    ui: &mut egui::Ui,
    state: &mut EditorState,
    draft: &mut Workout,
    c: &SegmentContext<'_>,
    change: &mut Change,
) {
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
                Step::Single(s) => segment_ui(ui, state, s, &format!("{i}.0"), c, change),
                Step::Repeat { times, segments } => {
                    repeat_count_ui(ui, times, change);
                    ui.indent("repeat", |ui| {
                        for (j, s) in segments.iter_mut().enumerate() {
                            segment_ui(ui, state, s, &format!("{i}.{j}"), c, change);
                        }
                    });
                }
            }
            ui.add_space(4.0);
        });
    }
    if let Some(i) = remove {
        draft.steps.remove(i);
        change.now();
    }
    if let Some((a, b)) = swap {
        draft.steps.swap(a, b);
        change.now();
    }
    add_step_ui(ui, draft, change);
}

fn add_step_ui(ui: &mut egui::Ui, draft: &mut Workout, change: &mut Change) {
    let segment = |kind, length, zone| Segment {
        kind,
        length,
        target: Target::PaceZone(zone),
        rpe: None,
    };
    let km = SegmentLength::Distance;
    ui.horizontal_wrapped(|ui| {
        let mut add = |step| {
            draft.steps.push(step);
            change.now();
        };
        let single = |kind, metres, zone| Step::Single(segment(kind, km(metres), zone));
        let repeat = || Step::Repeat {
            times: 4,
            segments: vec![
                segment(SegmentKind::Work, km(800.0), PaceZone::I),
                segment(
                    SegmentKind::Recovery,
                    SegmentLength::Duration(120.0),
                    PaceZone::E,
                ),
            ],
        };
        let buttons = [
            (
                "+ Warm-up",
                single(SegmentKind::WarmUp, 2000.0, PaceZone::E),
            ),
            ("+ Work", single(SegmentKind::Work, 1000.0, PaceZone::T)),
            ("+ Repeat", repeat()),
            (
                "+ Cool-down",
                single(SegmentKind::CoolDown, 1500.0, PaceZone::E),
            ),
        ];
        for (label, step) in buttons {
            if ui.button(label).clicked() {
                add(step);
            }
        }
    });
}

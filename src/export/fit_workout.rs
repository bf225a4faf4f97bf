//! Structured workouts as FIT workout files, the format watches load workouts from.
//!
//! Each file holds, in the order of the FIT profile's workout file: `file_id` (type
//! `workout`), one `workout` message (name, sport `running`, `num_valid_steps`) and one
//! `workout_step` per step, numbered by `message_index` from 0. Field meanings and scales
//! are those of the FIT profile (Garmin FIT SDK, `Profile.xlsx`, messages `workout_step` and
//! types `wkt_step_duration`, `wkt_step_target`, `intensity`):
//!
//! - duration: `time` in milliseconds (`duration_time`, scale 1000) or `distance` in
//!   centimetres (`duration_distance`, scale 100);
//! - target: `speed` with `target_value` 0 and `custom_target_speed_low/high` in mm/s (scale
//!   1000) for a pace zone (its window from [`super::zone_pace_window`]) or a pace range;
//!   `heart_rate` with `custom_target_heart_rate_low/high` as bpm + 100 (values up to 100
//!   are percentages); `open` otherwise (an RPE goes into the step's notes);
//! - intensity: warm-up `warmup`, work `active`, recovery `rest`, cool-down `cooldown`;
//! - a repeat: its segments as steps, then a step with duration type
//!   `repeat_until_steps_cmplt`, `duration_step` = the message index of the block's first
//!   step and `repeat_steps` (in `target_value`) = the number of repetitions.
//!
//! Files are named `<date>-<kind>.fit` (`2027-03-12-tempo.fit`), with `-w<id>` added when two
//! workouts of one kind share a day.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use embedded_io_adapters::std::FromStd;
use rustyfit::Encoder;
use rustyfit::profile::mesgdef;
use rustyfit::profile::typedef::{
    DateTime as FitDateTime, File, Intensity, Manufacturer, MessageIndex, Sport, WktStepDuration,
    WktStepTarget,
};
use rustyfit::proto::{FIT, Message};

use super::{
    ExportError, athlete_paces, plan_key, segment_role, target_text, write_atomic, zone_pace_window,
};
use crate::model::{
    AthleteDocument, Plan, Segment, SegmentKind, SegmentLength, Step, Target, Units, Workout,
};
use crate::science::paces::TrainingPaces;
use crate::storage::plan_csv::kind_name;

/// Longest workout or step name written, in bytes (watches show far fewer characters).
const MAX_NAME_BYTES: usize = 64;
/// Longest step note written, in bytes.
const MAX_NOTES_BYTES: usize = 200;

/// True for workouts that become FIT files: running workouts with structured steps.
pub fn is_structured(w: &Workout) -> bool {
    w.kind.is_running() && !w.steps.is_empty()
}

/// The workouts of a plan that become FIT files, by date then id, with their file names.
pub fn planned_files(plan: &Plan) -> Vec<(&Workout, String)> {
    let mut list: Vec<&Workout> = plan.workouts.iter().filter(|w| is_structured(w)).collect();
    list.sort_by_key(|w| (w.date, w.id));
    let base = |w: &Workout| format!("{}-{}", w.date, kind_name(&w.kind).replace('_', "-"));
    list.iter()
        .map(|w| {
            let shared = list.iter().filter(|o| base(o) == base(w)).nth(1).is_some();
            let name = if shared {
                format!("{}-w{}.fit", base(w), w.id.0)
            } else {
                format!("{}.fit", base(w))
            };
            (*w, name)
        })
        .collect()
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn clip(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A physical amount in FIT's integer units, kept inside the field's valid range.
fn scaled(value: f64, scale: f64) -> u32 {
    let v = (value * scale).round();
    if v.is_finite() && v > 0.0 {
        // u32::MAX means "invalid" in FIT.
        v.min(f64::from(u32::MAX - 1)) as u32
    } else {
        0
    }
}

/// FIT speed (mm/s) of a pace in seconds per km.
fn speed_of_pace(pace_s_per_km: f64) -> u32 {
    if pace_s_per_km > 0.0 {
        scaled(1000.0 / pace_s_per_km, 1000.0)
    } else {
        0
    }
}

fn intensity(kind: SegmentKind) -> Intensity {
    match kind {
        SegmentKind::WarmUp => Intensity::WARMUP,
        SegmentKind::Work => Intensity::ACTIVE,
        SegmentKind::Recovery => Intensity::REST,
        SegmentKind::CoolDown => Intensity::COOLDOWN,
    }
}

/// The workout step of one segment.
fn segment_step(
    s: &Segment,
    index: u16,
    paces: Option<&TrainingPaces>,
    units: Units,
) -> mesgdef::WorkoutStep {
    let mut step = mesgdef::WorkoutStep::new();
    step.message_index = MessageIndex(index);
    step.wkt_step_name = clip(segment_role(s.kind), MAX_NAME_BYTES).into();
    step.intensity = intensity(s.kind);
    match s.length {
        SegmentLength::Duration(seconds) => {
            step.duration_type = WktStepDuration::TIME;
            step.duration_value = scaled(seconds, 1000.0);
        }
        SegmentLength::Distance(metres) => {
            step.duration_type = WktStepDuration::DISTANCE;
            step.duration_value = scaled(metres, 100.0);
        }
    }
    let pace_window = match (&s.target, paces) {
        (Target::PaceZone(zone), Some(p)) => Some(zone_pace_window(p, *zone)),
        (
            Target::PaceRange {
                fast_s_per_km,
                slow_s_per_km,
            },
            _,
        ) => Some((
            fast_s_per_km.min(*slow_s_per_km),
            fast_s_per_km.max(*slow_s_per_km),
        )),
        _ => None,
    };
    match (&s.target, pace_window) {
        (_, Some((fast, slow))) => {
            step.target_type = WktStepTarget::SPEED;
            step.target_value = 0;
            step.custom_target_value_low = speed_of_pace(slow);
            step.custom_target_value_high = speed_of_pace(fast);
        }
        (Target::HeartRate { min_bpm, max_bpm }, None) => {
            step.target_type = WktStepTarget::HEART_RATE;
            step.target_value = 0;
            step.custom_target_value_low = u32::from(*min_bpm.min(max_bpm)) + 100;
            step.custom_target_value_high = u32::from(*min_bpm.max(max_bpm)) + 100;
        }
        _ => step.target_type = WktStepTarget::OPEN,
    }
    let mut notes: Vec<String> = target_text(&s.target, paces, units).into_iter().collect();
    if let Some(rpe) = s.rpe {
        notes.push(format!("RPE {rpe}"));
    }
    if !notes.is_empty() {
        step.notes = clip(&notes.join(", "), MAX_NOTES_BYTES).into();
    }
    step
}

/// The workout steps of a workout, in order, repeats closed by their repeat step.
pub fn workout_steps(
    w: &Workout,
    paces: Option<&TrainingPaces>,
    units: Units,
) -> Vec<mesgdef::WorkoutStep> {
    let mut steps = Vec::new();
    let next = |steps: &[mesgdef::WorkoutStep]| u16::try_from(steps.len()).ok();
    for step in &w.steps {
        match step {
            Step::Single(s) => {
                if let Some(i) = next(&steps) {
                    steps.push(segment_step(s, i, paces, units));
                }
            }
            Step::Repeat { times, segments } => {
                if *times == 0 || segments.is_empty() {
                    continue;
                }
                let Some(first) = next(&steps) else { continue };
                for s in segments {
                    if let Some(i) = next(&steps) {
                        steps.push(segment_step(s, i, paces, units));
                    }
                }
                if let Some(i) = next(&steps) {
                    let mut repeat = mesgdef::WorkoutStep::new();
                    repeat.message_index = MessageIndex(i);
                    repeat.duration_type = WktStepDuration::REPEAT_UNTIL_STEPS_CMPLT;
                    repeat.duration_value = u32::from(first);
                    repeat.target_value = *times;
                    steps.push(repeat);
                }
            }
        }
    }
    steps
}

/// The most steps a FIT workout can hold: a step's message index keeps 12 bits for the
/// number (FIT profile, `message_index` mask 0x0FFF), so indexes run 0-4095.
pub const MAX_FIT_STEPS: usize = 4096;

/// Why a workout cannot be written as FIT steps a watch follows, if it cannot: an empty
/// repeat (a watch would loop on nothing), a repeat of 0 times, or more steps than FIT holds.
pub fn fit_problem(w: &Workout) -> Option<String> {
    let mut count = 0usize;
    for (i, step) in w.steps.iter().enumerate() {
        match step {
            Step::Single(_) => count += 1,
            Step::Repeat { segments, .. } if segments.is_empty() => {
                return Some(format!("step {} is a repeat with nothing in it", i + 1));
            }
            Step::Repeat { times: 0, .. } => {
                return Some(format!("step {} is a repeat of 0 times", i + 1));
            }
            Step::Repeat { segments, .. } => count += segments.len() + 1,
        }
    }
    if count > MAX_FIT_STEPS {
        return Some(format!(
            "it has {count} steps, and a FIT workout holds at most {MAX_FIT_STEPS}"
        ));
    }
    None
}

/// The error for a workout [`fit_problem`] refuses.
fn refused(w: &Workout, problem: String) -> ExportError {
    ExportError::Encode {
        what: format!("the workout \"{}\" on {} as FIT", w.display_title(), w.date),
        message: format!("{problem}; change its steps and export again"),
    }
}

/// The FIT file of one workout. `serial` and `now` go into `file_id` (serial number and
/// creation time), which watches use to tell files apart.
///
/// # Errors
/// [`ExportError::Encode`] for a workout [`fit_problem`] refuses, or if the encoder refuses a
/// message.
pub fn workout_fit(
    w: &Workout,
    paces: Option<&TrainingPaces>,
    units: Units,
    serial: u32,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, ExportError> {
    if let Some(problem) = fit_problem(w) {
        return Err(refused(w, problem));
    }
    let steps = workout_steps(w, paces, units);
    let mut file_id = mesgdef::FileId::new();
    file_id.r#type = File::WORKOUT;
    file_id.manufacturer = Manufacturer::DEVELOPMENT;
    file_id.product = 0;
    // 0 is the invalid value of this field's type.
    file_id.serial_number = serial.max(1);
    file_id.time_created = FitDateTime::from_unix_timestamp(now.timestamp());
    let mut workout = mesgdef::Workout::new();
    workout.wkt_name = clip(&w.display_title(), MAX_NAME_BYTES).into();
    workout.sport = Sport::RUNNING;
    workout.num_valid_steps = u16::try_from(steps.len()).unwrap_or(u16::MAX);
    let mut messages = vec![Message::from(file_id), Message::from(workout)];
    messages.extend(steps.into_iter().map(Message::from));
    let mut fit = FIT {
        messages,
        ..Default::default()
    };
    let mut writer = FromStd::new(Cursor::new(Vec::new()));
    Encoder::new()
        .encode(&mut writer, &mut fit)
        .map_err(|e| ExportError::Encode {
            what: format!("the workout \"{}\" as FIT", w.display_title()),
            message: e.to_string(),
        })?;
    Ok(writer.into_inner().into_inner())
}

/// Writes one FIT file per structured workout of `plan` into the folder `out` (created if
/// missing) and returns the files written.
///
/// # Errors
/// [`ExportError::NoStructuredWorkouts`], [`ExportError::Io`] or [`ExportError::Encode`].
pub fn write_folder(
    doc: &AthleteDocument,
    plan: &Plan,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>, ExportError> {
    let files = planned_files(plan);
    if files.is_empty() {
        return Err(ExportError::NoStructuredWorkouts);
    }
    // Every workout is checked before any file is written, so a refusal leaves nothing half
    // done.
    if let Some((w, problem)) = files
        .iter()
        .find_map(|(w, _)| fit_problem(w).map(|p| (*w, p)))
    {
        return Err(refused(w, problem));
    }
    std::fs::create_dir_all(out).map_err(|source| ExportError::Io {
        path: out.to_owned(),
        action: "create the folder",
        source,
    })?;
    let paces = athlete_paces(doc);
    let key = plan_key(plan);
    let mut written = Vec::with_capacity(files.len());
    for (w, name) in files {
        // A serial number per plan and workout, so each file has its own identity.
        let serial = (key ^ w.id.0.wrapping_mul(0x9e37_79b9_7f4a_7c15)) as u32;
        let paces = super::workout_paces(&doc.athlete, paces.as_ref(), w);
        let bytes = workout_fit(w, paces.as_ref(), doc.athlete.units, serial, now)?;
        let path = out.join(name);
        write_atomic(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

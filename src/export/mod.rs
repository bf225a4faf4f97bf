//! Exporting the active plan where runners use it: calendars, spreadsheets, watches, paper.
//!
//! [`export_plan`] writes one of five formats ([`ExportFormat`]):
//!
//! - iCalendar (RFC 5545, [`ics`]): one all-day event per workout, with a UID that stays the
//!   same across exports and moves, so a calendar app updates events rather than adding them
//!   again.
//! - The plan CSV of [`crate::storage::plan_csv`].
//! - A RON athlete document holding the profile, the settings and the active plan, which
//!   opens in Stride and reads back into the same plan.
//! - FIT workout files ([`fit_workout`]), one per structured running workout, in a folder.
//! - A printable HTML page ([`html`]): the weeks as a table and the fitness, fatigue and form
//!   chart.
//!
//! Texts shared by the formats and the window's calendar (a workout's line with the kind in
//! words and its target pace, its steps, the goal race's goal) are made in one place and
//! re-exported here.
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use stride::export::{ExportFormat, export_plan};
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let dir = tempfile::tempdir().unwrap();
//! let out = dir.path().join("plan.ics");
//! let now = Utc.with_ymd_and_hms(2026, 11, 29, 8, 0, 0).unwrap();
//! let written = export_plan(&doc, ExportFormat::Ics, &out, now).unwrap();
//! assert_eq!(written, vec![out.clone()]);
//! assert!(std::fs::read_to_string(&out).unwrap().starts_with("BEGIN:VCALENDAR\r\n"));
//! ```

pub mod fit_workout;
pub mod html;
pub mod ics;
mod text;

pub use text::{
    WorkoutLine, distance_text, duration_text, effort_text, goal_race_of, goal_text, length_text,
    paces_text, planned_time_s, segment_role, segment_text, step_lines, target_text, time_text,
    volume_text, week_totals_lines, workout_amount, workout_description, workout_facts,
    workout_line,
};

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::model::{AthleteDocument, PaceZone, Plan, Workout, WorkoutId, WorkoutKind};
use crate::science::load::LoadContext;
use crate::science::paces::{TrainingPaces, athlete_vdot};
use crate::storage::{document_to_string, plan_csv};

/// A format the active plan can be exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// iCalendar: one all-day event per workout.
    Ics,
    /// The plan CSV.
    Csv,
    /// A Stride athlete document with the plan.
    Ron,
    /// FIT workout files for watches, one per structured workout, in a folder.
    Fit,
    /// A printable HTML page.
    Html,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Ics,
        ExportFormat::Csv,
        ExportFormat::Ron,
        ExportFormat::Fit,
        ExportFormat::Html,
    ];

    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Ics => "Calendar (iCalendar .ics)",
            ExportFormat::Csv => "Spreadsheet (plan CSV)",
            ExportFormat::Ron => "Stride document (.ron)",
            ExportFormat::Fit => "Watch workouts (FIT files)",
            ExportFormat::Html => "Printable plan (HTML)",
        }
    }

    /// The file name extension, without the dot (for FIT, that of each file in the folder).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Ics => "ics",
            ExportFormat::Csv => "csv",
            ExportFormat::Ron => "ron",
            ExportFormat::Fit => "fit",
            ExportFormat::Html => "html",
        }
    }

    /// True when the format writes several files into a folder (FIT) rather than one file.
    pub fn writes_folder(self) -> bool {
        matches!(self, ExportFormat::Fit)
    }
}

/// Why a plan could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The document has no plan.
    #[error("the document has no plan to export; make one with Plan > New plan first")]
    NoPlan,
    /// The plan has no workout with structured steps, so there is no FIT workout to write.
    #[error(
        "the plan has no running workout with structured steps, so there is no watch workout \
         to write"
    )]
    NoStructuredWorkouts,
    /// A file or folder could not be written.
    #[error("{}: could not {action}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was being done: `write the file`, `create the folder`.
        action: &'static str,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The content could not be put into the format.
    #[error("could not write {what}: {message}")]
    Encode {
        /// What was being encoded, like `the workout "Tempo" as FIT`.
        what: String,
        /// The encoder's reason.
        message: String,
    },
}

/// Writes the document's active plan in `format` to `out` (a file, or a folder for FIT),
/// atomically where it is one file; `now` is the DTSTAMP for iCalendar, the creation time of
/// FIT files and the day that separates history from plan in the HTML chart. Returns what
/// was written (files).
///
/// The RON document holds the athlete, the settings and the active plan (not the history).
/// FIT files go into `out`, which is created if missing; files of earlier exports there are
/// replaced when they have the same name and otherwise left alone.
///
/// # Errors
/// [`ExportError::NoPlan`] without a plan, [`ExportError::NoStructuredWorkouts`] for FIT
/// when no workout has steps, [`ExportError::Io`] when a file cannot be written, and
/// [`ExportError::Encode`] when an encoder fails.
pub fn export_plan(
    doc: &AthleteDocument,
    format: ExportFormat,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>, ExportError> {
    let plan = doc.active_plan().ok_or(ExportError::NoPlan)?;
    let text = match format {
        ExportFormat::Ics => ics::plan_calendar(doc, plan, now),
        ExportFormat::Csv => {
            plan_csv::write_plan(plan, &LoadContext::new(&doc.athlete, &doc.settings))
        }
        ExportFormat::Ron => {
            document_to_string(&plan_document(doc, plan)).map_err(|e| ExportError::Encode {
                what: "the plan as a Stride document".to_owned(),
                message: e.to_string(),
            })?
        }
        ExportFormat::Html => html::printable_plan(doc, plan, now.date_naive()),
        ExportFormat::Fit => return fit_workout::write_folder(doc, plan, out, now),
    };
    // An export that replaces a file keeps the one it replaces, as a save does; through a
    // link, the linked file is the one replaced.
    let out = &crate::storage::write_target(out);
    if out.is_file() {
        crate::storage::replace_backup(out).map_err(|source| ExportError::Io {
            path: crate::storage::backup_path(out),
            action: "keep the previous version here",
            source,
        })?;
    }
    write_atomic(out, text.as_bytes())?;
    Ok(vec![out.to_owned()])
}

/// The document a RON export writes: the athlete, the settings and `plan` as the only plan.
pub fn plan_document(doc: &AthleteDocument, plan: &Plan) -> AthleteDocument {
    let mut out = AthleteDocument::new(doc.athlete.clone());
    out.settings = doc.settings.clone();
    out.plans.push(plan.clone());
    out
}

/// Writes `bytes` to `path` atomically: a failure leaves any earlier file as it was.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_owned(),
        action: "write the file",
        source,
    };
    let mut file = atomic_write_file::AtomicWriteFile::open(path).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.commit().map_err(io)
}

/// The athlete's training paces, when the profile gives a VDOT (directly or from a race).
pub fn athlete_paces(doc: &AthleteDocument) -> Option<TrainingPaces> {
    athlete_vdot(&doc.athlete).and_then(|v| TrainingPaces::from_vdot(v).ok())
}

/// A workout's paces: the athlete's, slowed for the heat and altitude the workout is run in
/// ([`crate::science::conditions`]).
pub fn workout_paces(
    athlete: &crate::model::Athlete,
    paces: Option<&TrainingPaces>,
    w: &Workout,
) -> Option<TrainingPaces> {
    paces.map(|p| crate::science::conditions::Adjustment::for_workout(w, athlete).paces(p))
}

/// Half the width of the pace window a watch is given for the M, T, I and R zones, as a
/// fraction of the zone's pace (2.5%: about 6 s either side of 4:15/km).
pub const ZONE_PACE_TOLERANCE: f64 = 0.025;

/// The pace window of a zone, seconds per km, fast end first: for E the whole easy range of
/// the Daniels formulas (74% to 59% of VDOT), for the others the zone's pace plus and minus
/// [`ZONE_PACE_TOLERANCE`].
pub fn zone_pace_window(paces: &TrainingPaces, zone: PaceZone) -> (f64, f64) {
    match zone {
        PaceZone::E => (paces.easy_fast_s_per_km, paces.easy_slow_s_per_km),
        _ => {
            let pace = paces.zone_s_per_km(zone);
            (
                pace * (1.0 - ZONE_PACE_TOLERANCE),
                pace * (1.0 + ZONE_PACE_TOLERANCE),
            )
        }
    }
}

/// FNV-1a, 64 bits: a hash that is the same on every machine and every build, unlike the
/// standard library's.
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A number that names a plan across exports: a hash of its name, goal race and goal date.
/// Editing workouts or moving them does not change it.
pub fn plan_key(plan: &Plan) -> u64 {
    let identity = format!(
        "{}\u{1f}{}\u{1f}{}",
        plan.name, plan.goal.name, plan.goal.date
    );
    fnv1a64(identity.as_bytes())
}

/// The iCalendar UID of a workout: `stride-<plan key>-w<id>@stride`. It depends only on the
/// plan's identity ([`plan_key`]) and the workout's id, so it stays the same when the
/// workout is moved or edited.
///
/// ```
/// use chrono::NaiveDate;
/// use stride::model::WorkoutId;
/// let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
/// let doc = stride::storage::demo_document(today).unwrap();
/// let plan = doc.active_plan().unwrap();
/// let uid = stride::export::workout_uid(plan, WorkoutId(7));
/// assert!(uid.starts_with("stride-") && uid.ends_with("-w7@stride"));
/// ```
pub fn workout_uid(plan: &Plan, id: WorkoutId) -> String {
    format!("stride-{:016x}-w{}@stride", plan_key(plan), id.0)
}

/// Workouts worth a calendar entry (all but rest days), by date then id.
pub fn exported_workouts(plan: &Plan) -> Vec<&Workout> {
    let mut list: Vec<&Workout> = plan
        .workouts
        .iter()
        .filter(|w| !matches!(w.kind, WorkoutKind::Rest))
        .collect();
    list.sort_by_key(|w| (w.date, w.id));
    list
}

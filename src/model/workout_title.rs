//! Titles made from a workout's steps, so that a title says what the steps hold: when the
//! steps change, a title the runner did not type changes with them.
//!
//! A title names the kind and the work: the repeats (`5 x 1200 m at I`), else the one
//! segment off easy pace (`Tempo 3 km at T`), with the whole distance first for the runs that
//! are mostly easy running (`Long run 16 km, 4 km at M`). Zones are named by their letter, as
//! the generator's titles do, and the calendar writes them out as paces.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::model::{PaceZone, Segment, SegmentKind, SegmentLength, Step, Target, Workout, WorkoutId, WorkoutKind};
//!
//! let day = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
//! let mut w = Workout::new(WorkoutId(1), day, WorkoutKind::Intervals);
//! let segment = |kind, metres, zone| Segment {
//!     kind,
//!     length: SegmentLength::Distance(metres),
//!     target: Target::PaceZone(zone),
//!     rpe: None,
//! };
//! w.steps = vec![
//!     Step::Single(segment(SegmentKind::WarmUp, 2000.0, PaceZone::E)),
//!     Step::Repeat {
//!         times: 2,
//!         segments: vec![
//!             segment(SegmentKind::Work, 1200.0, PaceZone::I),
//!             segment(SegmentKind::Recovery, 400.0, PaceZone::E),
//!         ],
//!     },
//! ];
//! assert_eq!(w.step_title().as_deref(), Some("2 x 1200 m at I"));
//! ```

use super::workout::{
    PaceZone, Segment, SegmentKind, SegmentLength, Step, Target, Workout, WorkoutKind,
};

/// Reps and single segments up to this long are written in metres (`1200 m`), longer ones
/// in kilometres (`3 km`).
const METRES_UP_TO_M: f64 = 2000.0;

/// Kilometres without trailing zeros, at most one decimal: `16`, `12.5`.
fn km_text(metres: f64) -> String {
    let km = (metres / 100.0).round() / 10.0;
    if km.fract() == 0.0 {
        format!("{km:.0}")
    } else {
        format!("{km:.1}")
    }
}

/// A segment's length: `400 m`, `1200 m`, `3 km`; `90 s`, `5 min`, `2:30`.
fn length_text(length: SegmentLength) -> String {
    match length {
        SegmentLength::Distance(m) if m < METRES_UP_TO_M => format!("{m:.0} m"),
        SegmentLength::Distance(m) => format!("{} km", km_text(m)),
        SegmentLength::Duration(s) => {
            let s = s.round();
            if s > 0.0 && s % 60.0 == 0.0 {
                format!("{:.0} min", s / 60.0)
            } else if s < 120.0 {
                format!("{s:.0} s")
            } else {
                super::format_duration(s)
            }
        }
    }
}

/// What a segment aims for, after its length: ` at T`, ` at 150-160 bpm`, ` at RPE 7`.
fn target_text(target: &Target) -> String {
    match target {
        Target::None => String::new(),
        Target::PaceZone(zone) => format!(" at {zone:?}"),
        Target::PaceRange { .. } => " at pace".to_owned(),
        Target::HeartRate { min_bpm, max_bpm } => format!(" at {min_bpm}-{max_bpm} bpm"),
        Target::Rpe(rpe) => format!(" at RPE {rpe}"),
    }
}

fn segment_text(s: &Segment) -> String {
    format!("{}{}", length_text(s.length), target_text(&s.target))
}

/// True for a segment run at easy pace or without a target.
fn easy(s: &Segment) -> bool {
    matches!(s.target, Target::None | Target::PaceZone(PaceZone::E))
}

impl Workout {
    /// A title made from the steps; `None` without steps.
    ///
    /// The work is the first repeat with a work segment (`6 x 1 min`), else the first work
    /// segment off easy pace (`3 km at T`). Easy, recovery and long runs and fartleks are
    /// mostly easy running, so their title starts with the whole distance when every
    /// segment is measured by distance (`Fartlek 8 km, 6 x 1 min`); intervals are named by
    /// their repeats alone (`5 x 1000 m at I`); other kinds by their name and the work
    /// (`Tempo 3 km at T`, `Hills 6 x 90 s`).
    pub fn step_title(&self) -> Option<String> {
        if self.steps.is_empty() {
            return None;
        }
        let repeats = self.steps.iter().find_map(|step| match step {
            Step::Repeat { times, segments } => segments
                .iter()
                .find(|s| s.kind == SegmentKind::Work)
                .map(|s| format!("{times} x {}", segment_text(s))),
            Step::Single(_) => None,
        });
        let single = || {
            self.steps.iter().find_map(|step| match step {
                Step::Single(s) if s.kind == SegmentKind::Work && !easy(s) => Some(segment_text(s)),
                _ => None,
            })
        };
        let work = repeats.clone().or_else(single);
        let kind = self.kind.label();
        let mostly_easy = matches!(
            self.kind,
            WorkoutKind::Easy | WorkoutKind::Recovery | WorkoutKind::Long | WorkoutKind::Fartlek
        );
        Some(match (mostly_easy, self.total_distance_m(), work) {
            (true, Some(total), Some(work)) => format!("{kind} {} km, {work}", km_text(total)),
            (true, Some(total), None) => format!("{kind} {} km", km_text(total)),
            (false, _, Some(work)) if self.kind == WorkoutKind::Intervals && repeats.is_some() => {
                work
            }
            (_, _, Some(work)) => format!("{kind} {work}"),
            (_, _, None) => kind,
        })
    }

    /// The steps' whole distance in metres, repeats counted; `None` when a segment is
    /// measured by time.
    fn total_distance_m(&self) -> Option<f64> {
        let length = |segments: &[Segment]| -> Option<f64> {
            segments.iter().try_fold(0.0, |sum, s| match s.length {
                SegmentLength::Distance(m) => Some(sum + m),
                SegmentLength::Duration(_) => None,
            })
        };
        self.steps.iter().try_fold(0.0, |sum, step| match step {
            Step::Single(s) => length(std::slice::from_ref(s)).map(|m| sum + m),
            Step::Repeat { times, segments } => {
                length(segments).map(|m| sum + f64::from(*times) * m)
            }
        })
    }

    /// Keeps an untyped title in step with the workout after an edit from `before`: when the
    /// steps or the kind changed and the runner did not type the title, the title is made
    /// anew from the steps (or left empty without steps, so the kind's name shows). A typed
    /// title stays as it is.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use stride::model::{Workout, WorkoutId, WorkoutKind};
    /// let day = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
    /// let mut before = Workout::new(WorkoutId(1), day, WorkoutKind::Easy);
    /// before.title = "Easy with strides".to_owned();
    /// let mut after = before.clone();
    /// after.kind = WorkoutKind::Recovery;
    /// after.retitle_after(&before);
    /// assert_eq!(after.display_title(), "Recovery");
    /// ```
    pub fn retitle_after(&mut self, before: &Workout) {
        if self.title_typed || (self.steps == before.steps && self.kind == before.kind) {
            return;
        }
        self.title = self.step_title().unwrap_or_default();
    }

    /// Sets the title as the runner typed it: an empty title hands the title back to the
    /// steps, anything else is kept through later changes of the steps.
    pub fn type_title(&mut self, typed: &str) {
        let typed = typed.trim();
        if typed == self.title {
            return;
        }
        self.title_typed = !typed.is_empty();
        self.title = if self.title_typed {
            typed.to_owned()
        } else {
            self.step_title().unwrap_or_default()
        };
    }
}

//! The athlete document: profile, plans, training history and settings.
//!
//! Everything Stride stores lives in one [`AthleteDocument`], saved as a human-editable RON file
//! (see [`crate::storage`]). The types here are plain data with serde derives and documented
//! units in their names (`distance_m`, `duration_s`, `pace_s_per_km`). They know nothing about
//! the window that shows them.
//!
//! ```
//! use stride::model::{AthleteDocument, Athlete};
//!
//! let doc = AthleteDocument::new(Athlete::example());
//! assert_eq!(doc.format_version, stride::model::CURRENT_FORMAT_VERSION);
//! assert!(doc.plans.is_empty());
//! ```

mod athlete;
mod document;
mod history;
mod plan;
mod settings;
mod units;
mod workout;
mod workout_title;

pub use athlete::{Athlete, ExperienceLevel, FieldError, RaceResult, Sex, WeekStart};
pub use document::{AthleteDocument, CURRENT_FORMAT_VERSION, DATE_YEARS};
pub use history::{Activity, History, Load, LoadMetric, WellnessEntry, WellnessMerge};
pub use plan::{DayChange, DaysOff, GoalRace, OffReason, Phase, PhaseKind, Plan};
pub use settings::{CrossTrainingFactors, FormConvention, LoadModel, Settings};
pub use units::{
    ALTITUDE_M, FASTEST_PACE_S_PER_KM, HEART_RATE_BPM, MAX_DISTANCE_M, MAX_DURATION_S,
    REPEAT_TIMES, SLOWEST_PACE_S_PER_KM, TEMPERATURE_C, Units, days_text, format_distance,
    format_duration, format_pace, parse_distance, parse_duration, parse_pace,
};
pub use workout::{
    Conditions, CrossActivity, Intensity, PaceZone, RacePriority, Segment, SegmentKind,
    SegmentLength, Step, Target, Workout, WorkoutId, WorkoutKind,
};

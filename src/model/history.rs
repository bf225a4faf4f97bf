//! What actually happened: completed activities and daily wellness check-ins.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{WorkoutId, WorkoutKind};

/// Which formula produced a session's load. Loads are on one TSS-like scale (one hour at
/// threshold = 100) whatever the metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadMetric {
    /// Entered by the user or another application.
    Explicit,
    /// From heart rate (Banister TRIMP scaled to threshold).
    HeartRate,
    /// From pace (rTSS).
    Pace,
    /// From session-RPE (Foster).
    SessionRpe,
    /// Planned load from a workout's steps.
    Planned,
}

/// A session's load and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Load {
    /// Load on the TSS-like scale.
    pub value: f64,
    /// The formula that produced it.
    pub metric: LoadMetric,
}

/// A completed session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// Local start time.
    pub start: NaiveDateTime,
    /// What kind of session it was.
    pub kind: WorkoutKind,
    /// Elapsed duration in seconds.
    pub duration_s: f64,
    /// Distance in metres, if measured.
    #[serde(default)]
    pub distance_m: Option<f64>,
    /// Average heart rate, bpm.
    #[serde(default)]
    pub avg_hr_bpm: Option<u16>,
    /// Maximum heart rate, bpm.
    #[serde(default)]
    pub max_hr_bpm: Option<u16>,
    /// Session RPE on the CR10 scale.
    #[serde(default)]
    pub rpe: Option<f64>,
    /// Load and the metric that produced it.
    #[serde(default)]
    pub load: Option<Load>,
    /// The file it was imported from.
    #[serde(default)]
    pub source_file: Option<String>,
    /// The planned workout it fulfils.
    #[serde(default)]
    pub planned_workout: Option<WorkoutId>,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
}

impl Activity {
    /// A completed session as planned: the planned workout's kind, duration and distance, at
    /// 07:00 on its day, linked to it. The user adjusts what differed.
    pub fn from_planned(w: &super::Workout) -> Activity {
        Activity {
            start: w
                .date
                .and_time(chrono::NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default()),
            kind: w.kind.clone(),
            duration_s: w.planned_duration_s.unwrap_or(0.0),
            distance_m: w.planned_distance_m,
            avg_hr_bpm: None,
            max_hr_bpm: None,
            rpe: None,
            load: None,
            source_file: None,
            planned_workout: Some(w.id),
            notes: String::new(),
        }
    }

    /// The day the activity started on.
    pub fn date(&self) -> NaiveDate {
        self.start.date()
    }
}

/// A morning check-in. Scales run 1 (worst) to 5 (best) for sleep quality, mood and
/// motivation, and 1 (none) to 5 (severe) for soreness, fatigue and stress.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WellnessEntry {
    /// The day.
    pub date: NaiveDate,
    /// Resting heart rate on waking, bpm.
    #[serde(default)]
    pub resting_hr_bpm: Option<u16>,
    /// Heart-rate variability (rMSSD), milliseconds.
    #[serde(default)]
    pub hrv_ms: Option<f64>,
    /// Hours slept.
    #[serde(default)]
    pub sleep_hours: Option<f64>,
    /// Sleep quality 1-5.
    #[serde(default)]
    pub sleep_quality: Option<u8>,
    /// Muscle soreness 1-5.
    #[serde(default)]
    pub soreness: Option<u8>,
    /// Fatigue 1-5.
    #[serde(default)]
    pub fatigue: Option<u8>,
    /// Stress 1-5.
    #[serde(default)]
    pub stress: Option<u8>,
    /// Mood 1-5.
    #[serde(default)]
    pub mood: Option<u8>,
    /// Motivation 1-5 (1: dreading runs).
    #[serde(default)]
    pub motivation: Option<u8>,
}

/// Training and wellness history.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Completed activities.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Daily check-ins.
    #[serde(default)]
    pub wellness: Vec<WellnessEntry>,
}

impl History {
    /// The latest day with an activity or a check-in.
    pub fn last_date(&self) -> Option<NaiveDate> {
        let activity = self.activities.iter().map(Activity::date).max();
        let wellness = self.wellness.iter().map(|w| w.date).max();
        activity.max(wellness)
    }
}

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
    /// Estimated from the duration and the kind's typical intensity, for a session with no
    /// heart rate, pace or RPE.
    Estimated,
}

/// A session's load and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Load {
    /// Load on the TSS-like scale.
    pub value: f64,
    /// The formula that produced it.
    pub metric: LoadMetric,
}

/// A completed session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Local start time.
    pub start: NaiveDateTime,
    /// What kind of session it was.
    pub kind: WorkoutKind,
    /// The instant it started, when the source tells it (a recording's time with a zone, a
    /// watch's UTC clock, Strava's export): duplicates are found by it, so a run read once
    /// with `Z` and once with `+01:00`, or again after the computer's time zone changed, is
    /// one run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instant: Option<chrono::DateTime<chrono::Utc>>,
    /// Elapsed duration in seconds.
    pub duration_s: f64,
    /// Moving time in seconds (without stops), when the recording tells it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moving_s: Option<f64>,
    /// Normalised, grade-adjusted pace in s/km, worked out from a recorded track: what the
    /// pace load of an uneven session (intervals, hills) is computed from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalised_pace_s_per_km: Option<f64>,
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
    /// A session of `kind` that started at `start` and took `duration_s` seconds, with
    /// nothing else known yet (distance, heart rate, RPE and the rest to be filled in).
    ///
    /// ```
    /// use stride::model::{Activity, WorkoutKind};
    /// let start = chrono::NaiveDate::from_ymd_opt(2027, 3, 2).unwrap().and_hms_opt(7, 0, 0).unwrap();
    /// let run = Activity::new(start, WorkoutKind::Easy, 1800.0);
    /// assert_eq!(run.date(), start.date());
    /// assert!(run.distance_m.is_none() && run.planned_workout.is_none());
    /// ```
    pub fn new(start: NaiveDateTime, kind: WorkoutKind, duration_s: f64) -> Activity {
        Activity {
            start,
            kind,
            instant: None,
            duration_s,
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
        }
    }

    /// A completed session as planned: the planned workout's kind, duration and distance, at
    /// 07:00 on its day, linked to it. The user adjusts what differed.
    pub fn from_planned(w: &super::Workout) -> Activity {
        let start = w
            .date
            .and_time(chrono::NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default());
        Activity {
            distance_m: w.planned_distance_m,
            planned_workout: Some(w.id),
            ..Activity::new(start, w.kind.clone(), w.planned_duration_s.unwrap_or(0.0))
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct History {
    /// Completed activities.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Daily check-ins.
    #[serde(default)]
    pub wellness: Vec<WellnessEntry>,
}

impl History {
    /// Days of the four weeks before `until` (not included) that the activities cover: from
    /// the first activity, at least 7 and at most 28. A weekly average over a history that
    /// began less than a month ago divides by these days, not by four weeks.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use stride::model::{Activity, History, Workout, WorkoutId, WorkoutKind};
    /// let day = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
    /// let mut h = History::default();
    /// h.activities.push(Activity::from_planned(&Workout::new(WorkoutId(1), day, WorkoutKind::Easy)));
    /// assert_eq!(h.recent_span_days(day + chrono::Days::new(14)), 14);
    /// assert_eq!(h.recent_span_days(day + chrono::Days::new(90)), 28);
    /// assert_eq!(History::default().recent_span_days(day), 28);
    /// ```
    pub fn recent_span_days(&self, until: NaiveDate) -> i64 {
        self.activities
            .iter()
            .map(|a| (until - a.date()).num_days())
            .max()
            .unwrap_or(28)
            .clamp(7, 28)
    }

    /// The latest day with an activity or a check-in.
    pub fn last_date(&self) -> Option<NaiveDate> {
        let activity = self.activities.iter().map(Activity::date).max();
        let wellness = self.wellness.iter().map(|w| w.date).max();
        activity.max(wellness)
    }

    /// Merges check-ins by date. For a day already in the history, each value an entry records
    /// overwrites the stored one and values it lacks keep theirs; a day not yet in the history
    /// is added, unless the entry records nothing. The wellness list ends sorted by date (it is
    /// sorted first if it was not; entries of the same day keep their order).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use stride::model::{History, WellnessEntry};
    ///
    /// let day = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
    /// let mut history = History::default();
    /// history.wellness.push(WellnessEntry {
    ///     date: day,
    ///     resting_hr_bpm: Some(52),
    ///     mood: Some(3),
    ///     ..WellnessEntry::default()
    /// });
    /// let merge = history.merge_wellness([
    ///     WellnessEntry { date: day, mood: Some(4), ..WellnessEntry::default() },
    ///     WellnessEntry { date: day.pred_opt().unwrap(), stress: Some(2), ..WellnessEntry::default() },
    /// ]);
    /// assert_eq!((merge.added, merge.updated, merge.unchanged), (1, 1, 0));
    /// // The day before comes first; the stored resting heart rate stays, the mood is new.
    /// assert_eq!(history.wellness[1].resting_hr_bpm, Some(52));
    /// assert_eq!(history.wellness[1].mood, Some(4));
    /// assert_eq!(history.wellness[0].stress, Some(2));
    /// ```
    pub fn merge_wellness(
        &mut self,
        entries: impl IntoIterator<Item = WellnessEntry>,
    ) -> WellnessMerge {
        self.wellness.sort_by_key(|w| w.date);
        let mut merge = WellnessMerge::default();
        for entry in entries {
            let at = self.wellness.partition_point(|w| w.date < entry.date);
            match self.wellness.get_mut(at) {
                Some(stored) if stored.date == entry.date => {
                    if stored.overwrite_with(&entry) {
                        merge.updated += 1;
                    } else {
                        merge.unchanged += 1;
                    }
                }
                _ if entry.records_anything() => {
                    self.wellness.insert(at, entry);
                    merge.added += 1;
                }
                _ => merge.unchanged += 1,
            }
        }
        merge
    }
}

/// What [`History::merge_wellness`] did with the entries it was given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WellnessMerge {
    /// Entries for days that had no check-in.
    pub added: usize,
    /// Entries that changed at least one value of a stored check-in.
    pub updated: usize,
    /// Entries that changed nothing: every value they record was already stored, or they
    /// record nothing at all.
    pub unchanged: usize,
}

impl WellnessEntry {
    /// Whether the entry records any value besides its date.
    pub fn records_anything(&self) -> bool {
        self.resting_hr_bpm.is_some()
            || self.hrv_ms.is_some()
            || self.sleep_hours.is_some()
            || self.sleep_quality.is_some()
            || self.soreness.is_some()
            || self.fatigue.is_some()
            || self.stress.is_some()
            || self.mood.is_some()
            || self.motivation.is_some()
    }

    /// Copies every value `other` records over this entry's, keeping the values `other`
    /// lacks; returns whether anything changed. The date is not touched.
    fn overwrite_with(&mut self, other: &WellnessEntry) -> bool {
        fn take<T: Copy + PartialEq>(stored: &mut Option<T>, new: Option<T>) -> bool {
            match new {
                Some(value) if *stored != Some(value) => {
                    *stored = Some(value);
                    true
                }
                _ => false,
            }
        }
        // Every field is taken, whatever the earlier ones did.
        let changes = [
            take(&mut self.resting_hr_bpm, other.resting_hr_bpm),
            take(&mut self.hrv_ms, other.hrv_ms),
            take(&mut self.sleep_hours, other.sleep_hours),
            take(&mut self.sleep_quality, other.sleep_quality),
            take(&mut self.soreness, other.soreness),
            take(&mut self.fatigue, other.fatigue),
            take(&mut self.stress, other.stress),
            take(&mut self.mood, other.mood),
            take(&mut self.motivation, other.motivation),
        ];
        changes.contains(&true)
    }
}

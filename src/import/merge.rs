//! The one duplicate rule: which imported activities are sessions already there
//! ([`same_activity`]), what a duplicate adds to the stored one ([`fill_missing`]), and adding
//! activities to a history in start order ([`merge_into`]). The import of many files
//! ([`super::import_files`]) finds duplicates with the same index.
//!
//! A duplicate is never a second activity. When it carries a figure the stored activity lacks
//! (heart rate, moving time, distance, normalised pace, RPE, a name), that figure is filled in
//! and the duplicate counts as *merged*; what the stored activity has is kept as it is, and a
//! duplicate that adds nothing counts as *skipped*.
//!
//! ```
//! use stride::import::{fill_missing, merge_into};
//! use stride::model::{Activity, History, Workout, WorkoutId, WorkoutKind};
//! use chrono::NaiveDate;
//!
//! let day = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
//! let mut run = Activity::from_planned(&Workout::new(WorkoutId(0), day, WorkoutKind::Easy));
//! run.start = day.and_hms_opt(7, 0, 0).unwrap();
//! run.duration_s = 1800.0;
//! let mut history = History { activities: vec![run.clone()], ..History::default() };
//! let mut with_hr = run.clone();
//! with_hr.avg_hr_bpm = Some(145);
//! let merge = merge_into(&mut history, vec![with_hr.clone(), with_hr]);
//! assert_eq!((merge.added, merge.merged, merge.duplicates), (0, 1, 1));
//! assert_eq!(history.activities[0].avg_hr_bpm, Some(145));
//! ```

use chrono::{NaiveDateTime, TimeDelta};

use super::DUPLICATE_WINDOW_S;
use crate::model::{Activity, History, WorkoutKind};

/// Whether two start times are of the same session: at most [`DUPLICATE_WINDOW_S`] apart.
pub fn same_session(a: NaiveDateTime, b: NaiveDateTime) -> bool {
    (a - b).abs() <= TimeDelta::seconds(DUPLICATE_WINDOW_S)
}

/// Whether a start has no time of day: a date-only row (a session CSV's `date` without a
/// time) starts at midnight.
fn date_only(start: NaiveDateTime) -> bool {
    start.time() == chrono::NaiveTime::MIN
}

/// Whether `new` is a session already recorded as `old`: they start within a minute of each
/// other, and when either start is date-only (at midnight), they are also of the same kind and
/// their durations differ by at most a minute, so two different sessions of one day, both
/// given by date alone, are both kept.
pub fn same_activity(old: &Activity, new: &Activity) -> bool {
    recorded_as(
        &TakenSession {
            kind: old.kind.clone(),
            duration_s: old.duration_s,
            instant: old.instant,
            origin: None,
            slot: 0,
        },
        old.start,
        new,
    )
}

/// [`same_activity`] against a session already taken, starting at `start` (local). When both
/// give their instant, the instants are compared: the local times of one run differ when it
/// was read in two time zones.
fn recorded_as(old: &TakenSession, start: NaiveDateTime, new: &Activity) -> bool {
    if let (Some(a), Some(b)) = (old.instant, new.instant) {
        let apart = a.signed_duration_since(b).abs();
        return apart <= TimeDelta::seconds(DUPLICATE_WINDOW_S);
    }
    let (kind, duration_s) = (&old.kind, old.duration_s);
    same_session(start, new.start)
        && (!(date_only(start) || date_only(new.start))
            || (*kind == new.kind
                && (duration_s - new.duration_s).abs() <= DUPLICATE_WINDOW_S as f64))
}

/// Fills in what `stored` lacks from `new`, a duplicate of it: moving time (at most the stored
/// elapsed time), distance, average and highest heart rate, normalised pace, RPE, and the
/// name (notes) when the stored one has none. What `stored` has is kept. Returns the figures
/// filled in, in words; none when `new` adds nothing.
pub fn fill_missing(stored: &mut Activity, new: &Activity) -> Vec<&'static str> {
    fn fill<T: Clone>(to: &mut Option<T>, from: &Option<T>) -> bool {
        let missing = to.is_none() && from.is_some();
        if missing {
            to.clone_from(from);
        }
        missing
    }
    let mut filled = Vec::new();
    let moving = new.moving_s.map(|m| m.min(stored.duration_s));
    let figures = [
        (
            fill(&mut stored.avg_hr_bpm, &new.avg_hr_bpm),
            "average heart rate",
        ),
        (
            fill(&mut stored.max_hr_bpm, &new.max_hr_bpm),
            "highest heart rate",
        ),
        (fill(&mut stored.moving_s, &moving), "moving time"),
        (fill(&mut stored.distance_m, &new.distance_m), "distance"),
        (
            fill(
                &mut stored.normalised_pace_s_per_km,
                &new.normalised_pace_s_per_km,
            ),
            "normalised pace",
        ),
        (fill(&mut stored.rpe, &new.rpe), "RPE"),
    ];
    filled.extend(figures.iter().filter(|(done, _)| *done).map(|(_, n)| *n));
    if stored.notes.trim().is_empty() && !new.notes.trim().is_empty() {
        stored.notes.clone_from(&new.notes);
        filled.push("name");
    }
    filled
}

/// A session already taken: its kind and duration, where it came from (`None`: the history;
/// else the index of the file), and its place in the caller's list of activities.
#[derive(Clone)]
pub(super) struct TakenSession {
    kind: WorkoutKind,
    duration_s: f64,
    instant: Option<chrono::DateTime<chrono::Utc>>,
    origin: Option<usize>,
    slot: usize,
}

/// Sessions already taken, indexed by local start and by instant, so finding a duplicate
/// costs a range lookup whatever the size of the history.
pub(super) struct Taken {
    starts: std::collections::BTreeMap<NaiveDateTime, Vec<TakenSession>>,
    instants: std::collections::BTreeMap<chrono::DateTime<chrono::Utc>, NaiveDateTime>,
}

/// A duplicate found: the start of the session it duplicates, where that came from, and its
/// slot.
#[derive(Clone, Copy)]
pub(super) struct Found {
    pub start: NaiveDateTime,
    pub origin: Option<usize>,
    pub slot: usize,
}

impl Taken {
    /// The history's activities, slot `i` for the `i`th.
    pub(super) fn new(existing: &[Activity]) -> Self {
        let mut taken = Taken {
            starts: std::collections::BTreeMap::new(),
            instants: std::collections::BTreeMap::new(),
        };
        for (slot, a) in existing.iter().enumerate() {
            taken.insert(a, None, slot);
        }
        taken
    }

    /// The taken session nearest `activity` that it duplicates ([`same_activity`]), if any.
    pub(super) fn find(&self, activity: &Activity) -> Option<Found> {
        let window = TimeDelta::seconds(DUPLICATE_WINDOW_S);
        let found = |at: NaiveDateTime, s: &TakenSession| Found {
            start: at,
            origin: s.origin,
            slot: s.slot,
        };
        // A session of the same instant, whatever its local time.
        if let Some(instant) = activity.instant {
            let hit = self
                .instants
                .range(
                    instant
                        .checked_sub_signed(window)
                        .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC)
                        ..=instant
                            .checked_add_signed(window)
                            .unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC),
                )
                .flat_map(|(_, local)| {
                    self.starts
                        .get(local)
                        .into_iter()
                        .flatten()
                        .map(move |s| (*local, s))
                })
                .find(|(at, s)| recorded_as(s, *at, activity));
            if let Some((at, s)) = hit {
                return Some(found(at, s));
            }
        }
        let start = activity.start;
        let from = start
            .checked_sub_signed(window)
            .unwrap_or(NaiveDateTime::MIN);
        let to = start
            .checked_add_signed(window)
            .unwrap_or(NaiveDateTime::MAX);
        self.starts
            .range(from..=to)
            .flat_map(|(at, sessions)| sessions.iter().map(move |s| (*at, s)))
            .filter(|(at, s)| recorded_as(s, *at, activity))
            .min_by_key(|(at, _)| (*at - start).abs())
            .map(|(at, s)| found(at, s))
    }

    pub(super) fn insert(&mut self, activity: &Activity, origin: Option<usize>, slot: usize) {
        if let Some(instant) = activity.instant {
            self.instants.insert(instant, activity.start);
        }
        self.starts
            .entry(activity.start)
            .or_default()
            .push(TakenSession {
                kind: activity.kind.clone(),
                duration_s: activity.duration_s,
                instant: activity.instant,
                origin,
                slot,
            });
    }
}

/// How many activities [`merge_into`] added, merged and left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merge {
    /// Activities added to the history.
    pub added: usize,
    /// Duplicates that filled in figures of an activity already there (or added just before
    /// from the same list).
    pub merged: usize,
    /// Duplicates that added nothing and were left out.
    pub duplicates: usize,
}

/// Adds `activities` to the history in start order. One that duplicates an activity already
/// there, or one added just before from the same list ([`same_activity`]), is not added: it
/// fills in what that activity lacks ([`fill_missing`]) and counts as merged, or, adding
/// nothing, as a duplicate. The history ends sorted by start, also when it was not before
/// (activities of one start keep their order).
pub fn merge_into(history: &mut History, activities: Vec<Activity>) -> Merge {
    let existing = history.activities.len();
    let mut taken = Taken::new(&history.activities);
    let mut merge = Merge::default();
    let mut added: Vec<Activity> = Vec::new();
    for activity in activities {
        if let Some(found) = taken.find(&activity) {
            let stored = match found.slot.checked_sub(existing) {
                Some(k) => added.get_mut(k),
                None => history.activities.get_mut(found.slot),
            };
            match stored.map(|stored| fill_missing(stored, &activity)) {
                Some(filled) if !filled.is_empty() => merge.merged += 1,
                _ => merge.duplicates += 1,
            }
            continue;
        }
        taken.insert(&activity, None, existing + added.len());
        added.push(activity);
    }
    merge.added = added.len();
    history.activities.extend(added);
    // A history with activities logged by hand after later ones is put in order too.
    if !history.activities.is_sorted_by_key(|a| a.start) {
        history.activities.sort_by_key(|a| a.start);
    }
    merge
}

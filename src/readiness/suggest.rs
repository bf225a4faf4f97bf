//! Concrete changes to the plan when warning signs fire.
//!
//! Each suggestion is the whole active plan after one change, so the window can preview it
//! (the changed days are listed) and apply it as one undoable edit:
//!
//! - **Swap the next hard session for a recovery run** (within the next
//!   [`LOOKAHEAD_DAYS`] days), on any warning: hard training on a body that has not recovered
//!   adds fatigue without adding fitness.
//! - **Rest tomorrow**, when a bodily sign fires (resting HR, soreness, fatigue, sluggish easy
//!   runs, a low wellness score) or the status is red.
//! - **Cut next week's volume by [`CUT_SHARE`]**, when the load figures are high (ACWR, form,
//!   monotony) or the status is red, unless next week holds the race (the taper cuts it).
//!   The easy and long runs are shortened; the quality sessions keep their repeats.
//!
//! Changed workouts are marked `locked` (placed by hand), so regenerating keeps them.
//!
//! ```
//! use chrono::{Days, NaiveDate};
//! use stride::readiness::{Readiness, suggestions};
//! use stride::model::WellnessEntry;
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let mut doc = stride::storage::demo_document(today).unwrap();
//! for back in 0..3u64 {
//!     let date = today - Days::new(back);
//!     doc.history.wellness.retain(|e| e.date != date);
//!     doc.history.wellness.push(WellnessEntry { date, resting_hr_bpm: Some(70),
//!         sleep_quality: Some(1), ..Default::default() });
//! }
//! let readiness = Readiness::assess(&doc, today);
//! let list = suggestions(&doc, today, &readiness);
//! assert!(list[0].title.starts_with("Swap"), "{list:?}");
//! assert_ne!(Some(&list[0].plan), doc.active_plan());
//! ```

use chrono::{Days, NaiveDate};

use super::{Readiness, Sign, Status};
use crate::model::{
    AthleteDocument, Intensity, PaceZone, Plan, Segment, SegmentKind, SegmentLength, Step, Target,
    Workout, WorkoutKind,
};

/// How far ahead the next hard session is looked for.
pub const LOOKAHEAD_DAYS: u64 = 7;
/// How much "cut next week's volume" removes.
pub const CUT_SHARE: f64 = 0.2;
/// Longest recovery run put in place of a hard session, minutes.
pub const RECOVERY_RUN_MAX_MIN: f64 = 40.0;
/// Shortest recovery run, minutes.
pub const RECOVERY_RUN_MIN_MIN: f64 = 20.0;
/// The most "cut next week" shortens one run: to half its length.
pub const MIN_CUT_FACTOR: f64 = 0.5;

/// One suggested change.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// What it does, in plain words: "Swap Thu 3 Dec's Intervals 5 x 1000 m for a recovery
    /// run". Also the undo label.
    pub title: String,
    /// Why, naming the signs.
    pub reason: String,
    /// The active plan with the change made.
    pub plan: Plan,
    /// The days it changes, with the workout before and after (`None`: nothing that day).
    pub changes: Vec<(NaiveDate, Option<Workout>, Option<Workout>)>,
}

fn day(d: NaiveDate) -> String {
    d.format("%a %-d %b").to_string()
}

/// The suggestions for the signs that fired, most useful first; none when the status is
/// green or there is no plan.
pub fn suggestions(doc: &AthleteDocument, today: NaiveDate, r: &Readiness) -> Vec<Suggestion> {
    let Some(plan) = doc.active_plan() else {
        return Vec::new();
    };
    if r.status == Status::Green {
        return Vec::new();
    }
    let signs: Vec<&str> = r.warnings.iter().map(|w| w.message.as_str()).collect();
    let reason = signs.join("; ");
    let mut out = Vec::new();
    let easy = crate::science::paces::athlete_vdot(&doc.athlete)
        .and_then(|v| crate::science::paces::TrainingPaces::from_vdot(v).ok())
        .map(|p| p.zone_s_per_km(PaceZone::E));
    if let Some(s) = swap_next_hard(plan, today, easy, &reason) {
        out.push(s);
    }
    let bodily = r.warnings.iter().any(|w| w.sign.is_bodily());
    if (bodily || r.status == Status::Red)
        && let Some(s) = rest_tomorrow(plan, today, &reason)
    {
        out.push(s);
    }
    let load = r.has(Sign::Acwr) || r.has(Sign::Form) || r.has(Sign::Monotony);
    if (load || r.status == Status::Red)
        && let Some(s) = cut_next_week(doc, plan, today, &reason)
    {
        out.push(s);
    }
    out
}

fn replace(plan: &Plan, new: &[Workout]) -> Plan {
    let mut plan = plan.clone();
    for w in new {
        if let Some(old) = plan.workouts.iter_mut().find(|o| o.id == w.id) {
            *old = w.clone();
        }
    }
    plan
}

fn changes(plan: &Plan, new: &[Workout]) -> Vec<(NaiveDate, Option<Workout>, Option<Workout>)> {
    new.iter()
        .map(|w| (w.date, plan.workout(w.id).cloned(), Some(w.clone())))
        .collect()
}

/// A recovery run in place of `w`: 60% of its time, 20-40 minutes, at E pace and RPE 2.
pub fn recovery_run_for(w: &Workout, easy_s_per_km: Option<f64>) -> Workout {
    let minutes = (w.planned_duration_s.unwrap_or(45.0 * 60.0) / 60.0 * 0.6)
        .clamp(RECOVERY_RUN_MIN_MIN, RECOVERY_RUN_MAX_MIN)
        .round();
    let mut r = Workout::new(w.id, w.date, WorkoutKind::Recovery);
    r.title = format!("Recovery run {minutes:.0} min");
    r.planned_duration_s = Some(minutes * 60.0);
    r.planned_distance_m = easy_s_per_km
        .filter(|p| *p > 0.0)
        .map(|p| (minutes * 60.0 / p * 1000.0 / 100.0).round() * 100.0);
    r.steps = vec![Step::Single(Segment {
        kind: SegmentKind::Work,
        length: SegmentLength::Duration(minutes * 60.0),
        target: Target::PaceZone(PaceZone::E),
        rpe: Some(2.0),
    })];
    r.notes = format!("In place of {}.", w.display_title());
    r.locked = true;
    r
}

fn swap_next_hard(
    plan: &Plan,
    today: NaiveDate,
    easy_s_per_km: Option<f64>,
    reason: &str,
) -> Option<Suggestion> {
    let until = today + Days::new(LOOKAHEAD_DAYS);
    let next = plan
        .workouts
        .iter()
        .filter(|w| (today..until).contains(&w.date) && w.intensity() == Intensity::Hard)
        .min_by_key(|w| w.date)?;
    let new = vec![recovery_run_for(next, easy_s_per_km)];
    Some(Suggestion {
        title: format!(
            "Swap {}'s {} for a recovery run",
            day(next.date),
            next.display_title()
        ),
        reason: reason.to_owned(),
        plan: replace(plan, &new),
        changes: changes(plan, &new),
    })
}

fn rest_tomorrow(plan: &Plan, today: NaiveDate, reason: &str) -> Option<Suggestion> {
    let tomorrow = today + Days::new(1);
    let new: Vec<Workout> = plan
        .workouts_on(tomorrow)
        .filter(|w| w.intensity() != Intensity::Rest && !matches!(w.kind, WorkoutKind::Race { .. }))
        .map(Workout::as_rest)
        .collect();
    if new.is_empty() {
        return None;
    }
    Some(Suggestion {
        title: format!("Rest tomorrow ({})", day(tomorrow)),
        reason: reason.to_owned(),
        plan: replace(plan, &new),
        changes: changes(plan, &new),
    })
}

/// `w` with its distance, duration and step lengths scaled by `factor`, its title's
/// kilometres updated.
pub fn scaled(w: &Workout, factor: f64) -> Workout {
    let mut s = w.clone();
    s.planned_distance_m = w
        .planned_distance_m
        .map(|d| (d * factor / 100.0).round() * 100.0);
    s.planned_duration_s = w
        .planned_duration_s
        .map(|t| (t * factor / 60.0).round() * 60.0);
    let scale = |seg: &mut Segment| {
        seg.length = match seg.length {
            SegmentLength::Duration(t) => SegmentLength::Duration((t * factor).round()),
            SegmentLength::Distance(d) => SegmentLength::Distance((d * factor).round()),
        };
    };
    for step in &mut s.steps {
        match step {
            Step::Single(seg) => scale(seg),
            Step::Repeat { segments, .. } => segments.iter_mut().for_each(scale),
        }
    }
    if let (Some(old), Some(new)) = (w.planned_distance_m, s.planned_distance_m) {
        let from = format!("{:.0} km", old / 1000.0);
        let to = format!("{:.0} km", new / 1000.0);
        s.title = s.title.replacen(&from, &to, 1);
    }
    if let (Some(old), Some(new)) = (w.planned_duration_s, s.planned_duration_s) {
        let from = format!("{:.0} min", old / 60.0);
        let to = format!("{:.0} min", new / 60.0);
        s.title = s.title.replacen(&from, &to, 1);
    }
    s.locked = true;
    s
}

fn cut_next_week(
    doc: &AthleteDocument,
    plan: &Plan,
    today: NaiveDate,
    reason: &str,
) -> Option<Suggestion> {
    let start = doc.athlete.week_start.week_of(today) + Days::new(7);
    let end = start + Days::new(7);
    if (start..end).contains(&plan.goal.date) {
        return None;
    }
    // The quality sessions stay as they are (their repeats are the point of them); the easy
    // and long runs give up the 20%, down to half their length at most.
    let running: Vec<&Workout> = plan
        .workouts
        .iter()
        .filter(|w| {
            (start..end).contains(&w.date)
                && w.kind.is_running()
                && !matches!(w.kind, WorkoutKind::Race { .. })
        })
        .collect();
    let size = |w: &Workout| w.planned_distance_m.or(w.planned_duration_s).unwrap_or(0.0);
    let total: f64 = running.iter().map(|w| size(w)).sum();
    let easy: Vec<&Workout> = running
        .into_iter()
        .filter(|w| w.intensity() < Intensity::Hard)
        .collect();
    let easy_total: f64 = easy.iter().map(|w| size(w)).sum();
    if easy_total <= 0.0 {
        return None;
    }
    let factor = (1.0 - CUT_SHARE * total / easy_total).max(MIN_CUT_FACTOR);
    let new: Vec<Workout> = easy.into_iter().map(|w| scaled(w, factor)).collect();
    if new.is_empty() {
        return None;
    }
    Some(Suggestion {
        title: format!(
            "Cut next week's volume by {:.0}% (from {})",
            CUT_SHARE * 100.0,
            day(start)
        ),
        reason: reason.to_owned(),
        plan: replace(plan, &new),
        changes: changes(plan, &new),
    })
}

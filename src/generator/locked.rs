//! Regenerating a plan keeps the workouts the athlete placed by hand (`locked`) where the
//! recovery rules allow.

use crate::model::{Plan, Settings, Workout};
use crate::rules::{CheckInput, Severity, check_plan};

/// Puts each locked workout of `old` that falls within `new`'s dates into `new`, replacing
/// what was generated on its day, unless that gives the plan an error-level finding it did
/// not have. Returns the plan and the locked workouts it could not keep.
pub fn keep_locked(
    mut new: Plan,
    old: &Plan,
    athlete: &crate::model::Athlete,
    settings: &Settings,
) -> (Plan, Vec<Workout>) {
    let errors = |plan: &Plan| {
        check_plan(&CheckInput {
            plan,
            athlete,
            settings,
            history: None,
        })
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .count()
    };
    let mut dropped = Vec::new();
    let mut next_id = new.workouts.iter().map(|w| w.id.0).max().unwrap_or(0) + 1;
    for locked in old.workouts.iter().filter(|w| w.locked) {
        if locked.date < new.start_date || locked.date > new.goal.date {
            continue;
        }
        let mut candidate = new.clone();
        candidate.workouts.retain(|w| w.date != locked.date);
        let mut kept = locked.clone();
        kept.id = crate::model::WorkoutId(next_id);
        candidate.workouts.push(kept);
        candidate.workouts.sort_by_key(|w| w.date);
        if errors(&candidate) <= errors(&new) {
            new = candidate;
            next_id += 1;
        } else {
            dropped.push(locked.clone());
        }
    }
    (new, dropped)
}

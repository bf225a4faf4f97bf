//! How planned workouts went: done, partly done, missed, or still planned.
//!
//! A workout is matched with the activity that names it (`planned_workout`), else with an
//! unlinked activity on its day of the same kind of sport (running or not). Done means at
//! least [`DONE_SHARE`] of the planned distance (or, without one, duration) was run; less is
//! partly done. A day before today with no match is missed, unless it is a sick day or a day
//! away ([`crate::model::Plan::days_off`]): those are excused, not missed. Rest days have no
//! status.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::science::adherence::{statuses, Status};
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let s = statuses(doc.active_plan().unwrap(), &doc.history, today);
//! assert!(s.values().any(|v| *v == Status::Done));
//! assert!(s.values().any(|v| *v == Status::Missed), "the demo runner skipped one run");
//! ```

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Activity, History, Plan, WorkoutId, WorkoutKind};

/// Share of the planned distance or duration that counts as done.
pub const DONE_SHARE: f64 = 0.8;

/// How a planned workout went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Still ahead (today or later), not yet done.
    Planned,
    /// Done as planned.
    Done,
    /// Done, but well short of the plan.
    PartlyDone,
    /// Its day passed without it.
    Missed,
    /// Its day passed without it, on a sick day or a day away.
    Excused,
}

impl Status {
    /// The word shown on the calendar.
    pub fn word(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Done => "done",
            Status::PartlyDone => "partly done",
            Status::Missed => "missed",
            Status::Excused => "excused",
        }
    }
}

/// The status of every non-rest workout of a plan, and which activities matched none.
pub fn statuses(plan: &Plan, history: &History, today: NaiveDate) -> HashMap<WorkoutId, Status> {
    matches(plan, history, today).0
}

/// Statuses, and the indices of the history's activities that matched no workout.
pub fn matches(
    plan: &Plan,
    history: &History,
    today: NaiveDate,
) -> (HashMap<WorkoutId, Status>, Vec<usize>) {
    let mut used = vec![false; history.activities.len()];
    let mut out = HashMap::new();
    let mut workouts: Vec<_> = plan
        .workouts
        .iter()
        .filter(|w| !matches!(w.kind, WorkoutKind::Rest))
        .collect();
    workouts.sort_by_key(|w| w.date);
    // Linked activities first, so an unlinked one is not taken for a linked workout.
    let mut found: HashMap<WorkoutId, usize> = HashMap::new();
    for (i, a) in history.activities.iter().enumerate() {
        if let Some(id) = a.planned_workout
            && plan.workout(id).is_some()
            && !found.contains_key(&id)
        {
            found.insert(id, i);
            used[i] = true;
        }
    }
    for w in &workouts {
        if found.contains_key(&w.id) {
            continue;
        }
        let same_day = history.activities.iter().enumerate().position(|(i, a)| {
            !used[i]
                && a.planned_workout.is_none()
                && a.date() == w.date
                && a.kind.is_running() == w.kind.is_running()
        });
        if let Some(i) = same_day {
            found.insert(w.id, i);
            used[i] = true;
        }
    }
    for w in workouts {
        let status = match found.get(&w.id).map(|&i| &history.activities[i]) {
            Some(a) if short_of_plan(a, w.planned_distance_m, w.planned_duration_s) => {
                Status::PartlyDone
            }
            Some(_) => Status::Done,
            None if w.date < today && plan.day_off(w.date).is_some() => Status::Excused,
            None if w.date < today => Status::Missed,
            None => Status::Planned,
        };
        out.insert(w.id, status);
    }
    let unmatched = (0..used.len()).filter(|i| !used[*i]).collect();
    (out, unmatched)
}

fn short_of_plan(a: &Activity, distance_m: Option<f64>, duration_s: Option<f64>) -> bool {
    match (distance_m, a.distance_m, duration_s) {
        (Some(plan), Some(done), _) if plan > 0.0 => done < DONE_SHARE * plan,
        (_, _, Some(plan)) if plan > 0.0 => a.duration_s < DONE_SHARE * plan,
        _ => false,
    }
}

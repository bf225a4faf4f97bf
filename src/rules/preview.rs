//! What dropping a workout on each day would do, before the drop: the findings the move would
//! add and the race-morning form after it. The calendar computes this once when a drag starts
//! and tints every visible day from it.
//!
//! ```
//! use chrono::{Days, NaiveDate};
//! use stride::rules::preview::{DropKind, preview_drops};
//! use stride::science::{pmc::PmcParams, series::LoadSeries};
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let series = LoadSeries::from_document(&doc, today, &PmcParams::from_settings(&doc.settings));
//! let tempo = doc.plans[0].workouts.iter().find(|w| w.title.starts_with("Tempo")).unwrap();
//! let days: Vec<NaiveDate> = (0..7).map(|k| tempo.date + Days::new(k)).collect();
//! let verdicts = preview_drops(&doc, tempo.id, &days, &series, DropKind::Move);
//! assert_eq!(verdicts.len(), 7);
//! assert!(verdicts[0].added.is_empty(), "staying put adds nothing");
//! ```

use chrono::{Days, NaiveDate};

use super::{CheckInput, Finding, Severity, check_with_profile};
use crate::model::{AthleteDocument, DayChange, Workout, WorkoutId};
use crate::science::load::LoadContext;
use crate::science::series::LoadSeries;

/// The verdict for one drop target.
#[derive(Clone, Debug, PartialEq)]
pub struct DropVerdict {
    /// The day.
    pub date: NaiveDate,
    /// Findings the drop would add (not present in the plan as it is).
    pub added: Vec<Finding>,
    /// Race-morning form after the drop, if the plan has an upcoming race.
    pub race_form: Option<f64>,
}

impl DropVerdict {
    /// The worst severity the drop would add, if any.
    pub fn severity(&self) -> Option<Severity> {
        self.added.iter().map(|f| f.severity).max()
    }
}

fn key(f: &Finding) -> (NaiveDate, super::Rule, Severity, &str) {
    (f.date, f.rule, f.severity, f.message.as_str())
}

/// What a drop does with the dragged workout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DropKind {
    /// Move it to the target day.
    Move,
    /// Copy it to the target day.
    Copy,
    /// Exchange its day's workouts with the target day's.
    Swap,
}

impl DropKind {
    /// What a drop does with the keys held: Ctrl (Cmd on a Mac) copies, whatever else is held;
    /// Shift alone swaps the two days; no key moves. The calendar's tint, the label that
    /// follows the pointer and the drop itself all take the kind from here.
    ///
    /// ```
    /// use stride::rules::preview::DropKind;
    /// assert_eq!(DropKind::from_keys(false, false), DropKind::Move);
    /// assert_eq!(DropKind::from_keys(true, false), DropKind::Copy);
    /// assert_eq!(DropKind::from_keys(false, true), DropKind::Swap);
    /// assert_eq!(DropKind::from_keys(true, true), DropKind::Copy);
    /// ```
    pub fn from_keys(command: bool, shift: bool) -> DropKind {
        match (command, shift) {
            (true, _) => DropKind::Copy,
            (false, true) => DropKind::Swap,
            (false, false) => DropKind::Move,
        }
    }

    /// The verb for the label that follows the pointer: "Move", "Copy", "Swap".
    pub fn verb(self) -> &'static str {
        match self {
            DropKind::Move => "Move",
            DropKind::Copy => "Copy",
            DropKind::Swap => "Swap",
        }
    }

    /// The change a drop of workout `workout` on `to` makes; `new_id` is a copy's id.
    pub fn change(self, workout: &Workout, to: NaiveDate, new_id: WorkoutId) -> DayChange {
        match self {
            DropKind::Move => DayChange::Move { id: workout.id, to },
            DropKind::Copy => DayChange::Copy {
                id: workout.id,
                to,
                new_id,
            },
            DropKind::Swap => DayChange::Swap {
                a: workout.date,
                b: to,
            },
        }
    }
}

/// Verdicts for dropping workout `id` of the active plan on each of `days`, as `kind` says.
/// The drop is made on a copy of the plan by [`crate::model::Plan::apply_day_change`], the
/// function the session's edits use, and checked by the same rules as the plan. Unknown ids
/// give no verdicts.
pub fn preview_drops(
    doc: &AthleteDocument,
    id: WorkoutId,
    days: &[NaiveDate],
    series: &LoadSeries,
    kind: DropKind,
) -> Vec<DropVerdict> {
    let Some(base_input) = CheckInput::for_document(doc) else {
        return Vec::new();
    };
    let Some(workout) = base_input.plan.workout(id) else {
        return Vec::new();
    };
    // The profile, the athlete's own recovery included, is worked out once for every target.
    let profile = super::profile::RecoveryProfile::for_check(&base_input);
    let baseline = check_with_profile(&base_input, &profile);
    let context = LoadContext::new(&doc.athlete, &doc.settings);
    let day_load = |day: NaiveDate| -> f64 {
        base_input
            .plan
            .workouts_on(day)
            .map(|w| context.planned_load(w))
            .sum()
    };
    // Facts and baselines are worked out once too; each drop target only refreshes the days
    // that change.
    let facts = super::facts::PlanFacts::with_context(&base_input, &context);
    let baselines = super::checks::Baselines::new(&base_input, &facts);
    let next_id = doc.next_workout_id();
    let load = context.planned_load(workout);
    // One working copy of the plan: each drop is made on it, checked, and undone by putting
    // back the workouts of the days it touched.
    let mut plan = base_input.plan.clone();
    days.iter()
        .map(|&date| {
            let change = kind.change(workout, date, next_id);
            let (a, b) = match change {
                DayChange::Move { to, .. } => (workout.date, to),
                DayChange::Copy { to, .. } => (to, to),
                DayChange::Swap { a, b } => (a, b),
            };
            let saved: Vec<Workout> = plan
                .workouts
                .iter()
                .filter(|w| w.date == a || w.date == b)
                .cloned()
                .collect();
            let touched = plan.apply_day_change(change);
            let input = CheckInput {
                plan: &plan,
                ..base_input
            };
            let mut moved = facts.clone();
            let findings = if moved.refresh_days(&plan, &touched, &context) {
                super::check_prepared(&input, &moved, &profile, &baselines)
            } else {
                check_with_profile(&input, &profile)
            };
            plan.workouts
                .retain(|w| w.date != a && w.date != b && w.id != next_id);
            plan.workouts.extend(saved);
            let added = findings
                .into_iter()
                .filter(|f| !baseline.iter().any(|b| key(b) == key(f)))
                .collect();
            let race_form = match kind {
                DropKind::Move => series.race_morning_form_after_move(load, workout.date, date),
                // A copy adds load where it lands and takes none away: as if it came from
                // after the race.
                DropKind::Copy => series.race_morning_form_after_move(
                    load,
                    base_input.plan.goal.date + Days::new(1),
                    date,
                ),
                DropKind::Swap => {
                    let there = series.race_morning_form_after_move(
                        day_load(workout.date),
                        workout.date,
                        date,
                    );
                    let back =
                        series.race_morning_form_after_move(day_load(date), date, workout.date);
                    let base = series.race_morning_form();
                    there.zip(back).zip(base).map(|((a, b), base)| a + b - base)
                }
            };
            DropVerdict {
                date,
                added,
                race_form,
            }
        })
        .collect()
}

//! What each week of a plan asks for: planned running distance, training time and load, on
//! the athlete's week boundaries. Coaches read plans by the week; the calendar shows these at
//! the end of each week's row.
//!
//! - **Distance** is running only (cross-training kilometres are not running kilometres): a
//!   workout's planned distance, a race's own distance when it has none, else its planned
//!   time at the kind's typical pace (the pace [`LoadContext::planned_duration_s`] assumes
//!   the other way round).
//! - **Time** is all training, running and cross-training: as planned, else estimated from
//!   the distance ([`LoadContext::planned_duration_s`]).
//! - **Load** is the sum of the planned loads ([`LoadContext::planned_load`]), the numbers
//!   the calendar's chips show.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::science::load::LoadContext;
//! use stride::science::week_totals::planned_weeks;
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let plan = doc.active_plan().unwrap();
//! let context = LoadContext::new(&doc.athlete, &doc.settings);
//! let weeks = planned_weeks(plan, doc.athlete.week_start, &context);
//! let first = weeks.values().next().unwrap();
//! assert!(first.distance_m > 0.0 && first.duration_s > 0.0 && first.load > 0.0);
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::load::LoadContext;
use crate::model::{Intensity, Plan, WeekStart, Workout};

/// One week of a plan, summed.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WeekTotals {
    /// First day of the week.
    pub start: NaiveDate,
    /// Planned running distance, metres.
    pub distance_m: f64,
    /// Planned training time, running and cross-training, seconds.
    pub duration_s: f64,
    /// Planned load, the sum of the sessions' loads.
    pub load: f64,
    /// Training sessions (rest days are not sessions).
    pub sessions: usize,
}

impl WeekTotals {
    /// An empty week starting on `start`.
    pub fn new(start: NaiveDate) -> Self {
        WeekTotals {
            start,
            ..Default::default()
        }
    }

    /// Adds one workout.
    pub fn add(&mut self, w: &Workout, context: &LoadContext) {
        if w.intensity() == Intensity::Rest {
            return;
        }
        self.sessions += 1;
        let duration_s = context.planned_duration_s(w);
        self.duration_s += duration_s;
        self.load += context.planned_load(w);
        if w.kind.is_running() {
            self.distance_m += planned_distance_m(w, duration_s, context);
        }
    }
}

/// A running workout's distance: as planned, a race's own, else its time at the kind's
/// typical pace (the threshold pace over the kind's intensity factor).
fn planned_distance_m(w: &Workout, duration_s: f64, context: &LoadContext) -> f64 {
    if let Some(d) = w.planned_distance_m.or(w.kind.race_distance_m()) {
        return d.max(0.0);
    }
    let intensity = context.kind_intensity_factor(&w.kind);
    let pace_s_per_km = context.paces().threshold_s_per_km / intensity;
    if intensity > 0.0 && pace_s_per_km.is_finite() && pace_s_per_km > 0.0 {
        duration_s / pace_s_per_km * 1000.0
    } else {
        0.0
    }
}

/// Every week of `plan` with a workout in it, keyed by its first day (`week_start`'s
/// weekday on or before the workouts).
pub fn planned_weeks(
    plan: &Plan,
    week_start: WeekStart,
    context: &LoadContext,
) -> BTreeMap<NaiveDate, WeekTotals> {
    let mut weeks: BTreeMap<NaiveDate, WeekTotals> = BTreeMap::new();
    for w in &plan.workouts {
        let start = week_start.week_of(w.date);
        weeks
            .entry(start)
            .or_insert_with(|| WeekTotals::new(start))
            .add(w, context);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Athlete, CrossActivity, GoalRace, Settings, WorkoutId, WorkoutKind, format_duration,
    };

    /// Mon 1 March 2027 and the days after it.
    fn day(offset: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 1).expect("date") + chrono::Days::new(offset)
    }

    fn workout(
        id: u64,
        offset: u64,
        kind: WorkoutKind,
        km: Option<f64>,
        minutes: Option<f64>,
    ) -> Workout {
        let mut w = Workout::new(WorkoutId(id), day(offset), kind);
        w.planned_distance_m = km.map(|k| k * 1000.0);
        w.planned_duration_s = minutes.map(|m| m * 60.0);
        w
    }

    fn plan(workouts: Vec<Workout>) -> Plan {
        Plan {
            name: "Test".to_owned(),
            goal: GoalRace {
                name: "Half".to_owned(),
                distance_m: 21_097.5,
                date: day(70),
                goal_time_s: None,
            },
            start_date: day(0),
            phases: Vec::new(),
            workouts,
            notes: Vec::new(),
            days_off: Vec::new(),
        }
    }

    fn context() -> LoadContext {
        let mut athlete = Athlete::example();
        athlete.vdot = Some(45.0);
        LoadContext::new(&athlete, &Settings::default())
    }

    /// One week of every kind of day, and a run in the week after.
    fn week() -> Vec<Workout> {
        vec![
            workout(1, 0, WorkoutKind::Rest, None, None),
            workout(2, 1, WorkoutKind::Easy, Some(8.0), Some(45.0)),
            workout(3, 2, WorkoutKind::Intervals, Some(10.0), Some(55.0)),
            // Cross-training kilometres are not running kilometres.
            workout(
                4,
                3,
                WorkoutKind::CrossTraining {
                    activity: CrossActivity::Cycling,
                },
                Some(20.0),
                Some(60.0),
            ),
            workout(5, 6, WorkoutKind::Long, Some(16.0), Some(95.0)),
            workout(6, 7, WorkoutKind::Easy, Some(6.0), Some(35.0)),
        ]
    }

    #[test]
    fn a_week_sums_running_distance_all_training_time_and_load() {
        let context = context();
        let workouts = week();
        let weeks = planned_weeks(&plan(workouts.clone()), WeekStart::Monday, &context);
        assert_eq!(weeks.keys().copied().collect::<Vec<_>>(), [day(0), day(7)]);
        let first = weeks[&day(0)];
        assert_eq!(first.start, day(0));
        assert_eq!(first.sessions, 4, "the rest day is not a session");
        assert!((first.distance_m - 34_000.0).abs() < 1e-6, "8 + 10 + 16 km");
        assert!(
            (first.duration_s - (45.0 + 55.0 + 60.0 + 95.0) * 60.0).abs() < 1e-6,
            "{}",
            format_duration(first.duration_s)
        );
        let load: f64 = workouts[..5].iter().map(|w| context.planned_load(w)).sum();
        assert!(load > 0.0);
        assert!((first.load - load).abs() < 1e-9);
        let second = weeks[&day(7)];
        assert_eq!(second.sessions, 1);
        assert!((second.distance_m - 6000.0).abs() < 1e-6);
    }

    #[test]
    fn weeks_follow_the_athletes_first_weekday() {
        // Weeks from Sunday: the Sunday long run opens the second week.
        let weeks = planned_weeks(&plan(week()), WeekStart::Sunday, &context());
        let starts: Vec<NaiveDate> = weeks.keys().copied().collect();
        let sunday_before = day(0) - chrono::Days::new(1);
        assert_eq!(starts, [sunday_before, day(6)]);
        assert!((weeks[&sunday_before].distance_m - 18_000.0).abs() < 1e-6);
        assert!((weeks[&day(6)].distance_m - 22_000.0).abs() < 1e-6);
    }

    #[test]
    fn missing_distance_or_time_is_estimated_from_the_other() {
        let context = context();
        // A run planned by time only, one by distance only, and a race by its distance.
        let by_time = workout(1, 1, WorkoutKind::Easy, None, Some(50.0));
        let by_distance = workout(2, 3, WorkoutKind::Easy, Some(10.0), None);
        let race = workout(
            3,
            6,
            WorkoutKind::Race {
                distance_m: 5000.0,
                priority: Default::default(),
            },
            None,
            None,
        );
        let weeks = planned_weeks(
            &plan(vec![by_time, by_distance.clone(), race.clone()]),
            WeekStart::Monday,
            &context,
        );
        let week = weeks[&day(0)];
        // Easy pace at VDOT 45 is 5:19-6:22/km: 50 minutes is 7.8 to 9.4 km.
        let estimated_km = (week.distance_m - 15_000.0) / 1000.0;
        assert!((7.8..=9.4).contains(&estimated_km), "{estimated_km}");
        let expected_s = 50.0 * 60.0
            + context.planned_duration_s(&by_distance)
            + context.planned_duration_s(&race);
        assert!((week.duration_s - expected_s).abs() < 1e-6);
        // 10 km easy takes 53 to 64 minutes.
        let easy_min = context.planned_duration_s(&by_distance) / 60.0;
        assert!((53.0..=64.0).contains(&easy_min), "{easy_min}");
    }

    #[test]
    fn a_plan_without_workouts_has_no_weeks() {
        assert!(planned_weeks(&plan(Vec::new()), WeekStart::Monday, &context()).is_empty());
    }
}

//! The whole document a user opens and saves.

use chrono::{Datelike, NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};

use super::{
    Athlete, FASTEST_PACE_S_PER_KM, FieldError, HEART_RATE_BPM, History, MAX_DISTANCE_M,
    MAX_DURATION_S, Plan, REPEAT_TIMES, SLOWEST_PACE_S_PER_KM, Segment, SegmentLength, Settings,
    Step, Target, WorkoutId,
};

/// The file format version this build writes. Files with a higher version are refused; lower
/// versions are migrated on load (see [`crate::storage`]).
pub const CURRENT_FORMAT_VERSION: u32 = 1;

/// Profile, plans, history and settings of one athlete: the unit of saving and loading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AthleteDocument {
    /// File format version, [`CURRENT_FORMAT_VERSION`] when written by this build.
    pub format_version: u32,
    /// The athlete.
    pub athlete: Athlete,
    /// Plans; the first is the active one.
    #[serde(default)]
    pub plans: Vec<Plan>,
    /// Completed training and wellness.
    #[serde(default)]
    pub history: History,
    /// Model settings.
    #[serde(default)]
    pub settings: Settings,
}

/// Years a stored date may fall in; anything outside is a damaged or hostile file.
pub const DATE_YEARS: (i32, i32) = (1900, 2200);

impl AthleteDocument {
    /// A document with just a profile.
    pub fn new(athlete: Athlete) -> Self {
        AthleteDocument {
            format_version: CURRENT_FORMAT_VERSION,
            athlete,
            plans: Vec::new(),
            history: History::default(),
            settings: Settings::default(),
        }
    }

    /// The active plan, if there is one.
    pub fn active_plan(&self) -> Option<&Plan> {
        self.plans.first()
    }

    /// A workout id not used by any plan of this document.
    pub fn next_workout_id(&self) -> WorkoutId {
        let max = self
            .plans
            .iter()
            .flat_map(|p| p.workouts.iter().map(|w| w.id.0))
            .max();
        WorkoutId(max.map_or(1, |m| m.saturating_add(1)))
    }

    /// One line describing what the document holds, as `stride validate` prints it.
    ///
    /// ```
    /// use stride::model::{Athlete, AthleteDocument};
    /// let doc = AthleteDocument::new(Athlete::example());
    /// assert_eq!(doc.summary(), "New athlete: no plan, 0 activities, 0 wellness entries");
    /// ```
    pub fn summary(&self) -> String {
        let plans = match self.plans.as_slice() {
            [] => "no plan".to_owned(),
            [only] => format!(
                "plan \"{}\" ({} workouts, race {})",
                only.name,
                only.workouts.len(),
                only.goal.date
            ),
            [first, rest @ ..] => format!(
                "{} plans, active \"{}\" ({} workouts, race {})",
                rest.len() + 1,
                first.name,
                first.workouts.len(),
                first.goal.date
            ),
        };
        format!(
            "{}: {}, {} activities, {} wellness entries",
            self.athlete.name,
            plans,
            self.history.activities.len(),
            self.history.wellness.len()
        )
    }

    /// Checks that every value is in a range Stride can work with: the profile's fields,
    /// dates within the years 1900-2200, finite non-negative durations and distances, and
    /// 1-5 wellness scales. Returns the first problem with the field's path.
    ///
    /// # Errors
    /// A [`FieldError`] whose `message` names the offending field and value.
    pub fn validate(&self) -> Result<(), FieldError> {
        if let Some(e) = self.athlete.validate().into_iter().next() {
            return Err(FieldError {
                field: e.field,
                message: format!("athlete.{}: {}", e.field, e.message),
            });
        }
        let bad = |field: &'static str, message: String| Err(FieldError { field, message });
        for (p, plan) in self.plans.iter().enumerate() {
            check_date(&format!("plans[{p}].goal.date"), plan.goal.date)?;
            check_date(&format!("plans[{p}].start_date"), plan.start_date)?;
            check_race_distance(&format!("plans[{p}].goal.distance_m"), plan.goal.distance_m)?;
            if let Some(t) = plan.goal.goal_time_s {
                check_amount(&format!("plans[{p}].goal.goal_time_s"), t)?;
            }
            for (i, phase) in plan.phases.iter().enumerate() {
                check_date(&format!("plans[{p}].phases[{i}].start"), phase.start)?;
                check_date(&format!("plans[{p}].phases[{i}].end"), phase.end)?;
                if phase.end < phase.start {
                    return bad(
                        "phases",
                        format!("plans[{p}].phases[{i}]: the phase ends before it starts"),
                    );
                }
            }
            for (i, off) in plan.days_off.iter().enumerate() {
                check_date(&format!("plans[{p}].days_off[{i}].from"), off.from)?;
                check_date(&format!("plans[{p}].days_off[{i}].to"), off.to)?;
                if off.to < off.from {
                    return bad(
                        "days_off",
                        format!("plans[{p}].days_off[{i}]: the days end before they start"),
                    );
                }
            }
            let mut ids = std::collections::HashMap::new();
            for (i, w) in plan.workouts.iter().enumerate() {
                let at = format!("plans[{p}].workouts[{i}]");
                if let Some(first) = ids.insert(w.id, i) {
                    return bad(
                        "id",
                        format!(
                            "{at}.id: {} is already the id of plans[{p}].workouts[{first}]; \
                             every workout of a plan needs its own id",
                            w.id.0
                        ),
                    );
                }
                check_date(&format!("{at}.date"), w.date)?;
                if let Some(d) = w.planned_duration_s {
                    check_range(
                        &format!("{at}.planned_duration_s"),
                        d,
                        0.0,
                        MAX_DURATION_S,
                        "s",
                    )?;
                }
                if let Some(d) = w.planned_distance_m {
                    check_range(
                        &format!("{at}.planned_distance_m"),
                        d,
                        0.0,
                        MAX_DISTANCE_M,
                        "m",
                    )?;
                }
                if let Some(distance_m) = w.kind.race_distance_m() {
                    check_race_distance(&format!("{at}.kind.distance_m"), distance_m)?;
                }
                check_conditions(&format!("{at}.conditions"), &w.conditions)?;
                for (s, step) in w.steps.iter().enumerate() {
                    check_step(&format!("{at}.steps[{s}]"), step)?;
                }
            }
        }
        for (i, a) in self.history.activities.iter().enumerate() {
            let at = format!("history.activities[{i}]");
            check_date(&format!("{at}.start"), a.date())?;
            if let Some(instant) = a.instant {
                check_date(&format!("{at}.instant"), instant.date_naive())?;
            }
            if let (Some(race_m), true) = (a.kind.race_distance_m(), a.duration_s > 0.0)
                && race_m / a.duration_s > super::athlete::FASTEST_RACE_M_PER_S
            {
                return bad(
                    "duration_s",
                    format!(
                        "{at}: a race of {:.1} km in {:.0} s is faster than anyone has run; \
                         check the time",
                        race_m / 1000.0,
                        a.duration_s
                    ),
                );
            }
            check_range(
                &format!("{at}.duration_s"),
                a.duration_s,
                0.0,
                MAX_DURATION_S,
                "s",
            )?;
            if let Some(m) = a.moving_s {
                check_range(&format!("{at}.moving_s"), m, 0.0, MAX_DURATION_S, "s")?;
            }
            if let Some(d) = a.distance_m {
                check_range(&format!("{at}.distance_m"), d, 0.0, MAX_DISTANCE_M, "m")?;
            }
            for (name, hr) in [("avg_hr_bpm", a.avg_hr_bpm), ("max_hr_bpm", a.max_hr_bpm)] {
                if let Some(hr) = hr {
                    check_heart_rate(&format!("{at}.{name}"), hr)?;
                }
            }
            if let Some(rpe) = a.rpe
                && !(0.0..=10.0).contains(&rpe)
            {
                return bad("rpe", format!("{at}.rpe: {rpe} is outside the 0-10 scale"));
            }
            if let Some(load) = a.load {
                check_amount(&format!("{at}.load.value"), load.value)?;
            }
        }
        for (i, w) in self.history.wellness.iter().enumerate() {
            let at = format!("history.wellness[{i}]");
            check_date(&format!("{at}.date"), w.date)?;
            let scales = [
                ("sleep_quality", w.sleep_quality),
                ("soreness", w.soreness),
                ("fatigue", w.fatigue),
                ("stress", w.stress),
                ("mood", w.mood),
                ("motivation", w.motivation),
            ];
            for (name, value) in scales {
                if let Some(v) = value
                    && !(1..=5).contains(&v)
                {
                    return bad(name, format!("{at}.{name}: {v} is outside the 1-5 scale"));
                }
            }
            if let Some(h) = w.sleep_hours
                && (!h.is_finite() || !(0.0..=24.0).contains(&h))
            {
                return bad(
                    "sleep_hours",
                    format!("{at}.sleep_hours: {h} is not between 0 and 24"),
                );
            }
            if let Some(hrv) = w.hrv_ms {
                check_amount(&format!("{at}.hrv_ms"), hrv)?;
            }
        }
        if let Some(e) = self.settings.validate() {
            return Err(e);
        }
        Ok(())
    }

    /// Moves every date in the document (plans, phases, workouts, history) by `days`.
    /// Weekday preferences of the profile move with them, so the plan keeps its shape.
    ///
    /// Dates that would leave chrono's range stay where they are; [`Self::validate`] keeps
    /// stored dates far from that range.
    pub fn shift_dates(&mut self, days: i64) {
        let delta = TimeDelta::days(days);
        let shift = |d: &mut NaiveDate| {
            if let Some(moved) = d.checked_add_signed(delta) {
                *d = moved;
            }
        };
        for plan in &mut self.plans {
            shift(&mut plan.start_date);
            shift(&mut plan.goal.date);
            for phase in &mut plan.phases {
                shift(&mut phase.start);
                shift(&mut phase.end);
            }
            for w in &mut plan.workouts {
                shift(&mut w.date);
            }
        }
        if let Some(d) = self
            .athlete
            .recent_race
            .as_mut()
            .and_then(|r| r.date.as_mut())
        {
            shift(d);
        }
        for a in &mut self.history.activities {
            if let Some(moved) = a.start.checked_add_signed(delta) {
                a.start = moved;
            }
        }
        for w in &mut self.history.wellness {
            shift(&mut w.date);
        }
        let rotate = |day: chrono::Weekday| {
            let n = (i64::from(day.num_days_from_monday()) + days).rem_euclid(7);
            chrono::Weekday::try_from(n as u8).unwrap_or(day)
        };
        self.athlete.long_run_day = rotate(self.athlete.long_run_day);
        for d in &mut self.athlete.available_weekdays {
            *d = rotate(*d);
        }
        self.athlete
            .available_weekdays
            .sort_by_key(|d| d.num_days_from_monday());
    }
}

fn check_date(path: &str, date: NaiveDate) -> Result<(), FieldError> {
    let (lo, hi) = DATE_YEARS;
    if (lo..=hi).contains(&date.year()) {
        Ok(())
    } else {
        Err(FieldError {
            field: "date",
            message: format!("{path}: {date} is outside the years {lo}-{hi}"),
        })
    }
}

fn check_amount(path: &str, value: f64) -> Result<(), FieldError> {
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(FieldError {
            field: "number",
            message: format!(
                "{path}: {} is not a finite, non-negative number",
                shown(value)
            ),
        })
    }
}

/// The longest race a plan may hold, metres: longer than any race a plan is made for (the
/// longest ultramarathons run on consecutive days), and short enough that nothing computed
/// from a race's distance runs away. Stride's own bound.
pub const MAX_RACE_DISTANCE_M: f64 = 1_000_000.0;

fn check_race_distance(path: &str, value: f64) -> Result<(), FieldError> {
    if value.is_finite() && value > 0.0 && value <= MAX_RACE_DISTANCE_M {
        Ok(())
    } else {
        Err(FieldError {
            field: "distance_m",
            message: format!(
                "{path}: a race of {} m is not between 0 and {:.0} km",
                shown(value),
                MAX_RACE_DISTANCE_M / 1000.0
            ),
        })
    }
}

fn check_segment(path: &str, segment: &Segment) -> Result<(), FieldError> {
    if let Some(rpe) = segment.rpe
        && !(0.0..=10.0).contains(&rpe)
    {
        return Err(FieldError {
            field: "rpe",
            message: format!("{path}.rpe: {rpe} is outside the 0-10 scale"),
        });
    }
    match segment.length {
        SegmentLength::Duration(v) => {
            check_range(&format!("{path}.length"), v, 0.0, MAX_DURATION_S, "s")?;
        }
        SegmentLength::Distance(v) => {
            check_range(&format!("{path}.length"), v, 0.0, MAX_DISTANCE_M, "m")?;
        }
    }
    match segment.target {
        Target::PaceRange {
            fast_s_per_km,
            slow_s_per_km,
        } => {
            for (name, pace) in [
                ("fast_s_per_km", fast_s_per_km),
                ("slow_s_per_km", slow_s_per_km),
            ] {
                check_range(
                    &format!("{path}.target.{name}"),
                    pace,
                    FASTEST_PACE_S_PER_KM,
                    SLOWEST_PACE_S_PER_KM,
                    "s/km",
                )?;
            }
            Ok(())
        }
        Target::HeartRate { min_bpm, max_bpm } => {
            check_heart_rate(&format!("{path}.target.min_bpm"), min_bpm)?;
            check_heart_rate(&format!("{path}.target.max_bpm"), max_bpm)
        }
        Target::Rpe(rpe) if !(0.0..=10.0).contains(&rpe) => Err(FieldError {
            field: "rpe",
            message: format!("{path}.target: RPE {rpe} is outside the 0-10 scale"),
        }),
        _ => Ok(()),
    }
}

fn check_step(path: &str, step: &Step) -> Result<(), FieldError> {
    match step {
        Step::Single(segment) => check_segment(path, segment),
        Step::Repeat { times, segments } => {
            let (lo, hi) = REPEAT_TIMES;
            if !(lo..=hi).contains(times) {
                return Err(FieldError {
                    field: "times",
                    message: format!("{path}.times: {times} is not between {lo} and {hi}"),
                });
            }
            segments
                .iter()
                .enumerate()
                .try_for_each(|(i, s)| check_segment(&format!("{path}.segments[{i}]"), s))
        }
    }
}

/// A number as a message shows it: in full, or in scientific notation when it is huge (a
/// hostile 1e300 is not printed as 300 digits).
fn shown(value: f64) -> String {
    if value.is_finite() && value.abs() >= 1e9 {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}

/// A number within `lo..=hi` (finite), or an error naming the field, the value and the range.
fn check_range(path: &str, value: f64, lo: f64, hi: f64, unit: &str) -> Result<(), FieldError> {
    if value.is_finite() && (lo..=hi).contains(&value) {
        Ok(())
    } else {
        Err(FieldError {
            field: "number",
            message: format!(
                "{path}: {} is not between {lo} and {hi} {unit}",
                shown(value)
            ),
        })
    }
}

fn check_heart_rate(path: &str, bpm: u16) -> Result<(), FieldError> {
    let (lo, hi) = HEART_RATE_BPM;
    if (lo..=hi).contains(&bpm) {
        Ok(())
    } else {
        Err(FieldError {
            field: "heart_rate",
            message: format!("{path}: {bpm} bpm is not between {lo} and {hi}"),
        })
    }
}

fn check_conditions(at: &str, c: &super::Conditions) -> Result<(), FieldError> {
    match c.problem() {
        None => Ok(()),
        Some((field, message)) => Err(FieldError {
            field,
            message: format!("{at}.{field}: {message}"),
        }),
    }
}

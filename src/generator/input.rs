//! What a plan is generated from, and the checks that the input can make a sound plan.

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::model::{DaysOff, RacePriority};

/// Cross-training the athlete likes on a spare day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CrossTrainingPreference {
    /// Rest days stay rest.
    #[default]
    None,
    /// Easy cycling on one spare day a week.
    Bike,
    /// Easy swimming on one spare day a week.
    Swim,
}

/// What a plan is generated from.
#[derive(Clone, Debug, PartialEq)]
pub struct GeneratorInput {
    /// The athlete (level, training age, birth year, weekly volume, VDOT or race, available
    /// days, long-run day, week start).
    pub athlete: Athlete,
    /// The goal race.
    pub goal: GoalRace,
    /// The plan's first day.
    pub start: NaiveDate,
    /// The longest run of recent weeks, km, if known: long runs grow from it.
    pub longest_recent_run_km: Option<f64>,
    /// Cross-training on a spare day.
    pub cross_training: CrossTrainingPreference,
    /// Races before the goal race: B races get a mini-taper and easy days after, C races
    /// are run as the week's hard session.
    pub tune_ups: Vec<TuneUp>,
    /// Days away and sick days: no running on them, and a graded return after sick days.
    pub days_off: Vec<DaysOff>,
}

/// A race before the goal race.
#[derive(Clone, Debug, PartialEq)]
pub struct TuneUp {
    /// Race day.
    pub date: NaiveDate,
    /// Distance in metres.
    pub distance_m: f64,
    /// B or C (an A race is the goal).
    pub priority: RacePriority,
    /// Name of the event, if any.
    pub name: String,
}

/// Which way plan-making failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenerateErrorKind {
    /// An input field is out of its range; `field` names it.
    InvalidInput,
    /// The input is valid, but no plan made from it keeps every error-level recovery rule;
    /// the message names the first rule and day that could not be met.
    RulesUnmet,
}

/// Why no plan could be made: the field and what it must be, or the rule that could not
/// be kept.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct GenerateError {
    /// Which way it failed.
    pub kind: GenerateErrorKind,
    /// The input field (`plan` when a rule could not be kept).
    pub field: &'static str,
    /// What is wrong and the allowed range.
    pub message: String,
}

pub(super) fn invalid(field: &'static str, message: String) -> GenerateError {
    GenerateError {
        kind: GenerateErrorKind::InvalidInput,
        field,
        message,
    }
}

/// The error for a plan that still breaks an error-level rule after repairs.
pub(super) fn unmet(finding: &crate::rules::Finding, errors: usize) -> GenerateError {
    GenerateError {
        kind: GenerateErrorKind::RulesUnmet,
        field: "plan",
        message: format!(
            "no plan keeps every recovery rule for this input ({errors} {} left); \
             first: {} on {}: {}. Add running days, lower the weekly volume, or move the race \
             later",
            if errors == 1 { "error" } else { "errors" },
            finding.rule.code(),
            finding.date,
            finding.message
        ),
    }
}

/// Fewest weeks a plan for a distance needs (beginners' marathons: 18).
pub fn min_weeks(distance_m: f64, level: ExperienceLevel) -> u32 {
    match distance_m {
        d if d <= 5_500.0 => 6,
        d if d <= 10_500.0 => 8,
        d if d <= 21_500.0 => 10,
        _ if level == ExperienceLevel::Beginner => 18,
        _ => 14,
    }
}

/// Most weeks a plan may span.
pub const MAX_WEEKS: u32 = 52;
/// Fewest available days a plan needs: a long run, a quality session and an easy run.
pub const MIN_DAYS: usize = 3;
/// Weekly volume a plan starts from at least, km.
pub const MIN_START_KM: f64 = 10.0;
/// Average running per run a plan may hold, minutes at easy pace. Below advanced that is one
/// run a day; advanced and elite runners get easy second runs (doubles) beyond it.
pub const MAX_MINUTES_PER_RUN_DAY: f64 = 80.0;
/// The longest easy second run of a day, minutes (elite doubles are typically 30-50 minutes).
pub const DOUBLE_MAX_MINUTES: f64 = 45.0;
/// The shortest second run worth a second outing, km.
pub const DOUBLE_MIN_KM: f64 = 4.0;

/// Kilometres in [`MAX_MINUTES_PER_RUN_DAY`] at the athlete's easy pace.
pub fn max_km_per_run_day(a: &Athlete) -> f64 {
    let vdot = athlete_vdot(a).unwrap_or(crate::science::load::REFERENCE_VDOT);
    let easy = crate::science::paces::TrainingPaces::from_vdot(vdot)
        .map_or(360.0, |p| p.easy_typical_s_per_km);
    MAX_MINUTES_PER_RUN_DAY * 60.0 / easy
}
/// Marathon plans (races over 21.5 km) need at least this weekly volume to start from, km:
/// the long run must reach 28 km or three hours. Faster runners, whose three hours cover more
/// than 25 km, need the long run's distance (see [`marathon_min_start_km`]).
pub const MARATHON_MIN_START_KM: f64 = 25.0;

/// The weekly volume a marathon plan needs to start from, km: [`MARATHON_MIN_START_KM`], or
/// the long run's floor (28 km or three hours at easy pace, whichever is shorter) when that
/// is more, so that the long run can reach it in steps the weeks can carry.
///
/// ```
/// let mut a = stride::model::Athlete::example();
/// a.vdot = Some(30.0);
/// assert_eq!(stride::generator::marathon_min_start_km(&a), 25.0);
/// a.vdot = Some(60.0);
/// assert_eq!(stride::generator::marathon_min_start_km(&a), 28.0);
/// ```
pub fn marathon_min_start_km(a: &Athlete) -> f64 {
    let per_minute = max_km_per_run_day(a) / MAX_MINUTES_PER_RUN_DAY;
    let floor = crate::rules::limits::MARATHON_LONG_RUN_FLOOR_KM
        .min(crate::rules::limits::LONG_RUN_MINUTES.1 * per_minute);
    MARATHON_MIN_START_KM.max(floor)
}
/// Marathon plans need at least this many available days: a long run of up to three hours
/// within an average of [`MAX_MINUTES_PER_RUN_DAY`] a run.
pub const MARATHON_MIN_DAYS: usize = 4;

/// The most weekly volume the athlete's days carry, km: one run a day of
/// [`MAX_MINUTES_PER_RUN_DAY`] on average at easy pace on each running day, and for advanced
/// and elite runners (by the level recovery counts with in `year`) an easy second run of
/// [`DOUBLE_MAX_MINUTES`] on all but three of them (the long run's day and the days either
/// side of it).
///
/// ```
/// use stride::model::{Athlete, ExperienceLevel};
/// let mut a = Athlete::example();
/// a.vdot = Some(60.0);
/// a.available_weekdays = stride::model::WeekStart::Monday.weekdays().to_vec();
/// a.level = ExperienceLevel::Intermediate;
/// let single = stride::generator::max_weekly_km(&a, 2027);
/// a.level = ExperienceLevel::Elite;
/// a.training_age_years = 10;
/// assert!(stride::generator::max_weekly_km(&a, 2027) > single, "doubles carry more");
/// ```
pub fn max_weekly_km(a: &Athlete, year: i32) -> f64 {
    let level = RecoveryProfile::for_athlete(a, year).level;
    let per_day = max_km_per_run_day(a);
    let days = if level >= ExperienceLevel::Advanced {
        max_run_days(a)
    } else {
        max_run_days(a).min(6)
    };
    let mut km = per_day * days as f64;
    if level >= ExperienceLevel::Advanced {
        km +=
            per_day * DOUBLE_MAX_MINUTES / MAX_MINUTES_PER_RUN_DAY * days.saturating_sub(3) as f64;
    }
    km
}

/// Most running days a week for the athlete: the available days, less the weekly day off
/// that beginners and intermediates keep (R3).
pub fn max_run_days(a: &Athlete) -> usize {
    let cap = if a.level >= ExperienceLevel::Advanced {
        7
    } else {
        6
    };
    a.available_weekdays.len().min(cap)
}

/// Checks the input. `short_ok` lets a plan have fewer weeks than [`min_weeks`]: the rest
/// of a plan regenerated part-way through.
/// The youngest runner Stride makes a plan for: youth running is coached around growth,
/// which a plan generator cannot see.
pub const MIN_AGE: i32 = 14;
/// The youngest runner Stride makes a marathon plan for (the usual entry age of marathons).
pub const MIN_MARATHON_AGE: i32 = 18;

pub(super) fn validate(input: &GeneratorInput, short_ok: bool) -> Result<f64, GenerateError> {
    let a = &input.athlete;
    if let Some(e) = a.validate().into_iter().next() {
        return Err(invalid(e.field, e.message));
    }
    let d = input.goal.distance_m;
    let age = a.age_in(input.start.year());
    if age < MIN_AGE {
        return Err(invalid(
            "birth_year",
            format!(
                "a runner born in {} is {age} when the plan starts; Stride makes plans for \
                 runners of {MIN_AGE} and over (younger runners train around their growth, \
                 with a coach who sees them)",
                a.birth_year
            ),
        ));
    }
    if d >= crate::rules::limits::MARATHON_M && age < MIN_MARATHON_AGE {
        return Err(invalid(
            "birth_year",
            format!(
                "a runner of {age} is too young for a marathon plan: many marathons only take \
                 runners of {MIN_MARATHON_AGE} and over; choose a half marathon or shorter"
            ),
        ));
    }
    if !d.is_finite() || !(1500.0..=100_000.0).contains(&d) {
        return Err(invalid(
            "race",
            "the race distance must be between 1.5 and 100 km".to_owned(),
        ));
    }
    if let Some(t) = input.goal.goal_time_s
        && (!t.is_finite() || t <= 0.0)
    {
        return Err(invalid(
            "goal_time",
            "the goal time must be positive".to_owned(),
        ));
    }
    if input.goal.date <= input.start {
        return Err(invalid(
            "race_date",
            format!(
                "the race ({}) must be after the plan's start ({})",
                input.goal.date, input.start
            ),
        ));
    }
    validate_season(input)?;
    let weeks = ((input.goal.date - input.start).num_days() / 7) as u32;
    // The level as recovery counts it: under a year of training is a beginner, whatever the
    // profile says (see `RecoveryProfile`).
    let level = RecoveryProfile::for_athlete(a, input.start.year()).level;
    let need = min_weeks(d, level);
    if weeks < need && !short_ok {
        return Err(invalid(
            "race_date",
            format!(
                "a {:.1} km plan for a {} needs at least {need} weeks, and there are {weeks}",
                d / 1000.0,
                level.label().to_lowercase()
            ),
        ));
    }
    if weeks > MAX_WEEKS {
        return Err(invalid(
            "race_date",
            format!("a plan may span at most {MAX_WEEKS} weeks, not {weeks}"),
        ));
    }
    if !(0.0..=300.0).contains(&a.weekly_volume_km) {
        return Err(invalid(
            "weekly_volume_km",
            "the weekly volume must be between 0 and 300 km".to_owned(),
        ));
    }
    let marathon_min = marathon_min_start_km(a);
    if d > 21_500.0 && a.weekly_volume_km < marathon_min {
        return Err(invalid(
            "weekly_volume_km",
            format!(
                "a marathon plan needs at least {marathon_min:.0} km a week to start from, so that the long run can reach 28 km or three hours"
            ),
        ));
    }
    if d > 21_500.0 && a.available_weekdays.len() < MARATHON_MIN_DAYS {
        return Err(invalid(
            "available_weekdays",
            format!(
                "a marathon plan needs at least {MARATHON_MIN_DAYS} days to run on, so that a long run of up to three hours fits in about {MAX_MINUTES_PER_RUN_DAY:.0} minutes a run"
            ),
        ));
    }
    if a.available_weekdays.len() < MIN_DAYS {
        return Err(invalid(
            "available_weekdays",
            format!(
                "choose at least {MIN_DAYS} days to run on (1-7 allowed by the profile, 3-7 for a plan)"
            ),
        ));
    }
    let run_days = max_run_days(a);
    let per_day = max_km_per_run_day(a);
    let most = max_weekly_km(a, input.start.year());
    if a.weekly_volume_km > most + 1e-9 {
        let doubles = if level >= ExperienceLevel::Advanced {
            format!(
                " plus an easy second run of up to {DOUBLE_MAX_MINUTES:.0} minutes on most days"
            )
        } else {
            String::new()
        };
        return Err(invalid(
            "weekly_volume_km",
            format!(
                "{:.0} km a week does not fit in {run_days} running days (one run a day of \
                 {MAX_MINUTES_PER_RUN_DAY:.0} minutes on average, {per_day:.1} km at easy \
                 pace{doubles}: at most {most:.0} km); add days or lower the volume",
                a.weekly_volume_km,
            ),
        ));
    }
    if !a.available_weekdays.contains(&a.long_run_day) {
        return Err(invalid(
            "long_run_day",
            "the long-run day must be one of the available days".to_owned(),
        ));
    }
    if let Some(km) = input.longest_recent_run_km
        && (!km.is_finite() || !(0.0..=100.0).contains(&km))
    {
        return Err(invalid(
            "longest_recent_run_km",
            "the longest recent run must be between 0 and 100 km".to_owned(),
        ));
    }
    athlete_vdot(a).ok_or_else(|| {
        invalid(
            "vdot",
            "give a VDOT (20-90) or a recent race result, for the paces".to_owned(),
        )
    })
}

/// Days a tune-up race must be before the goal race: a week, so that the goal race's taper
/// is not a B race's recovery.
pub const TUNE_UP_MIN_DAYS_BEFORE: i64 = 7;

/// Most tune-up races a plan takes, and most spells of days off.
pub const MAX_SEASON_ENTRIES: usize = 50;

/// Tune-up races inside the plan and at least [`TUNE_UP_MIN_DAYS_BEFORE`] days before the
/// goal race, one a day, none on a day off; days off that end after they start and leave
/// the goal race free.
fn validate_season(input: &GeneratorInput) -> Result<(), GenerateError> {
    let race = input.goal.date;
    if input.tune_ups.len() > MAX_SEASON_ENTRIES || input.days_off.len() > MAX_SEASON_ENTRIES {
        return Err(invalid(
            "tune_up",
            format!(
                "a plan takes at most {MAX_SEASON_ENTRIES} tune-up races and {MAX_SEASON_ENTRIES} spells of days off"
            ),
        ));
    }
    for off in &input.days_off {
        if off.to < off.from {
            return Err(invalid(
                "unavailable",
                format!(
                    "the days off {}..{} end before they start",
                    off.from, off.to
                ),
            ));
        }
        if off.contains(race) {
            return Err(invalid(
                "unavailable",
                format!(
                    "the days off {}..{} include the race ({race}); move the race or the days",
                    off.from, off.to
                ),
            ));
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut by_date: Vec<&TuneUp> = input.tune_ups.iter().collect();
    by_date.sort_by_key(|t| t.date);
    for pair in by_date.windows(2) {
        let (first, next) = (pair[0], pair[1]);
        let need = days_after_race(first.distance_m);
        if first.date != next.date && (next.date - first.date).num_days() <= need {
            return Err(invalid(
                "tune_up",
                format!(
                    "the races on {} and {} are too close: after {:.1} km, {need} easy days \
                     come before the next race",
                    first.date,
                    next.date,
                    first.distance_m / 1000.0
                ),
            ));
        }
    }
    if let Some(last) = by_date.last()
        && (race - last.date).num_days() <= days_after_race(last.distance_m)
    {
        return Err(invalid(
            "tune_up",
            format!(
                "the tune-up race on {} is too close to the goal race ({race}): after {:.1} km, \
                 {} easy days come before the next race",
                last.date,
                last.distance_m / 1000.0,
                days_after_race(last.distance_m)
            ),
        ));
    }
    for t in &input.tune_ups {
        let what = format!("the tune-up race on {}", t.date);
        if t.priority == RacePriority::A {
            return Err(invalid(
                "tune_up",
                format!(
                    "{what} is an A race; the goal race is the plan's A race, so choose B or C"
                ),
            ));
        }
        if !t.distance_m.is_finite() || !(400.0..=100_000.0).contains(&t.distance_m) {
            return Err(invalid(
                "tune_up",
                format!("{what}: the distance must be between 400 m and 100 km"),
            ));
        }
        if t.date <= input.start || (race - t.date).num_days() < TUNE_UP_MIN_DAYS_BEFORE {
            return Err(invalid(
                "tune_up",
                format!(
                    "{what} must fall after the plan's start ({}) and at least \
                     {TUNE_UP_MIN_DAYS_BEFORE} days before the goal race ({race})",
                    input.start
                ),
            ));
        }
        if !seen.insert(t.date) {
            return Err(invalid(
                "tune_up",
                format!("{what} is given twice; one race a day"),
            ));
        }
        if let Some(off) = input.days_off.iter().find(|o| o.contains(t.date)) {
            return Err(invalid(
                "tune_up",
                format!("{what} falls on the days off {}..{}", off.from, off.to),
            ));
        }
    }
    Ok(())
}

/// Easy days a race asks for before the next race: one per 3 km raced (R10), at least three
/// (a hard session's recovery, and a B race's quiet days before it).
pub fn days_after_race(distance_m: f64) -> i64 {
    let days = crate::rules::easy_days_after_race(distance_m)
        .max(crate::rules::limits::QUIET_DAYS_BEFORE_B_RACE);
    i64::try_from(days).unwrap_or(i64::MAX)
}

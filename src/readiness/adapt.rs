//! "Adapt plan from today": the remaining weeks made again from what actually happened.
//!
//! - Days before the start (today, or tomorrow when something was done today) stay as they
//!   are: a missed session is not crammed into the days left.
//! - The rest is generated again ([`crate::generator::generate_remaining`]) toward the same
//!   race on the same date, with the weekly volume, the longest run and the ramp taken from
//!   the training actually done in the last weeks, so fitness comes from the real load.
//! - Workouts placed by hand (`locked`) keep their days where the rules allow.
//! - Warning signs lighten the first days: amber turns hard sessions of the next
//!   [`AMBER_EASY_DAYS`] days into recovery runs; red makes the first day a rest day and does
//!   the same for [`RED_EASY_DAYS`] days.
//! - The joined plan is checked against the recovery rules; where the join of old and new
//!   breaks one, the new workout there is made easy.
//!
//! The result carries a before/after comparison (weekly volume, sessions changed, race-day
//! form) for the window to show before anything is applied.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::readiness::{Readiness, adapt_from_today};
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let old = doc.active_plan().unwrap();
//! let a = adapt_from_today(&doc, today, &Readiness::assess(&doc, today)).unwrap();
//! assert_eq!(a.plan.goal.date, old.goal.date);
//! assert!(a.plan.workouts.iter().filter(|w| w.date < a.start)
//!     .all(|w| old.workouts.contains(w)), "the past is kept as it was");
//! ```

use chrono::{Days, NaiveDate};

use super::suggest::recovery_run_for;
use super::{Readiness, Status};
use crate::generator::{
    CrossTrainingPreference, GenerateError, GeneratorInput, TuneUp, generate_remaining, keep_locked,
};
use crate::model::{
    AthleteDocument, CrossActivity, DaysOff, Intensity, Phase, Plan, RacePriority, Workout,
    WorkoutId, WorkoutKind,
};
use crate::rules::profile::RecoveryProfile;
use crate::rules::{CheckInput, Severity, check_with_profile};
use crate::science::pmc::PmcParams;
use crate::science::series::LoadSeries;

/// Days made easy when the status is amber.
pub const AMBER_EASY_DAYS: u64 = 3;
/// Days made easy when the status is red (the first of them a rest day).
pub const RED_EASY_DAYS: u64 = 5;
/// Most rounds of easing workouts where the join breaks a rule.
const JOIN_ROUNDS: usize = 40;
/// Most times one week is shortened by a tenth without clearing an error (to 59%).
const MAX_SHORTENINGS: u32 = 5;

/// Why a plan could not be adapted.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AdaptError {
    /// There is no active plan.
    #[error("there is no plan to adapt: make one with Plan > New plan")]
    NoPlan,
    /// The race is today or behind.
    #[error("the goal race ({0}) is not ahead any more: make a new plan")]
    RaceOver(NaiveDate),
    /// The generator refused the input.
    #[error("the plan could not be made again: {0}")]
    Generate(#[from] GenerateError),
}

/// One week's running volume before and after.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeekChange {
    /// The first day of the week.
    pub week: NaiveDate,
    /// Planned running km before (days from the start only).
    pub before_km: f64,
    /// Planned running km after.
    pub after_km: f64,
}

/// An adapted plan and how it differs from the current one.
#[derive(Clone, Debug, PartialEq)]
pub struct Adaptation {
    /// The whole plan after adapting (past days unchanged).
    pub plan: Plan,
    /// The first day that was made again.
    pub start: NaiveDate,
    /// Weekly volume from the start's week to the race week.
    pub weeks: Vec<WeekChange>,
    /// Days from the start on whose workouts changed.
    pub sessions_changed: usize,
    /// Days from the start to the race, both included.
    pub days: usize,
    /// Race-morning form with the current plan.
    pub race_form_before: Option<f64>,
    /// Race-morning form with the adapted plan.
    pub race_form_after: Option<f64>,
    /// Hand-placed workouts that could not keep their day.
    pub dropped_locked: Vec<Workout>,
    /// Days lightened because of the warning signs.
    pub eased: Vec<NaiveDate>,
}

fn running_km(workouts: &[Workout], from: NaiveDate, to: NaiveDate) -> f64 {
    workouts
        .iter()
        .filter(|w| (from..to).contains(&w.date) && w.kind.is_running())
        .filter_map(|w| w.planned_distance_m)
        .fold(0.0, |sum, m| sum + m)
        / 1000.0
}

fn cross_preference(plan: &Plan, from: NaiveDate) -> CrossTrainingPreference {
    let future = plan.workouts.iter().filter(|w| w.date >= from);
    let mut pref = CrossTrainingPreference::None;
    for w in future {
        match &w.kind {
            WorkoutKind::CrossTraining {
                activity: CrossActivity::Cycling,
            } => return CrossTrainingPreference::Bike,
            WorkoutKind::CrossTraining {
                activity: CrossActivity::Swimming,
            } => pref = CrossTrainingPreference::Swim,
            _ => {}
        }
    }
    pref
}

/// A change to the season that the rest of the plan is made again around.
#[derive(Clone, Debug, PartialEq)]
pub enum SeasonEdit {
    /// A tune-up race (B or C) on a day of the plan.
    AddRace(TuneUp),
    /// Days away, or sick days (past days too: the return after them is graded).
    DaysOff(DaysOff),
}

/// Regenerates the active plan from `today` (see the module notes).
///
/// # Errors
/// [`AdaptError`] when there is no plan, the race is not ahead, or the generator refuses
/// the athlete's profile (its message names the field).
pub fn adapt_from_today(
    doc: &AthleteDocument,
    today: NaiveDate,
    readiness: &Readiness,
) -> Result<Adaptation, AdaptError> {
    adapt_with(doc, today, readiness, None)
}

/// Adds a tune-up race or days off to the active plan and makes the rest of it again from
/// `today` around them, as [`adapt_from_today`] does: B races get their mini-taper and easy
/// days after, C races stand for a hard session, days away hold no running, and sick days
/// are followed by a graded return ([`crate::generator::season`]). The plan's earlier
/// tune-up races and days off are kept.
///
/// ```
/// use chrono::NaiveDate;
/// use stride::model::{DaysOff, OffReason};
/// use stride::readiness::{Readiness, adapt::{SeasonEdit, adapt_season}};
///
/// let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
/// let doc = stride::storage::demo_document(today).unwrap();
/// let sick = DaysOff { from: today, to: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
///     reason: OffReason::Sick };
/// let a = adapt_season(&doc, today, &Readiness::assess(&doc, today),
///     &SeasonEdit::DaysOff(sick)).unwrap();
/// assert!(a.plan.workouts.iter().filter(|w| sick.contains(w.date))
///     .all(|w| !w.kind.is_running()), "no running on sick days");
/// ```
///
/// # Errors
/// As [`adapt_from_today`]; the generator's message names a race or days that do not fit
/// (a race on a day off, days off over the goal race).
pub fn adapt_season(
    doc: &AthleteDocument,
    today: NaiveDate,
    readiness: &Readiness,
    edit: &SeasonEdit,
) -> Result<Adaptation, AdaptError> {
    adapt_with(doc, today, readiness, Some(edit))
}

fn adapt_with(
    doc: &AthleteDocument,
    today: NaiveDate,
    readiness: &Readiness,
    edit: Option<&SeasonEdit>,
) -> Result<Adaptation, AdaptError> {
    let current = doc.active_plan().ok_or(AdaptError::NoPlan)?;
    let race = current.goal.date;
    let done_today = doc.history.activities.iter().any(|a| a.date() == today);
    let start = if done_today {
        today + Days::new(1)
    } else {
        today
    };
    // A plan that has not begun is made again from its own first day.
    let start = start.max(current.start_date);
    if race <= start {
        return Err(AdaptError::RaceOver(race));
    }
    // The plan with the edit: days off recorded, and what stood on the new days gone from
    // the start on (hand-placed workouts too: the days are taken).
    let mut edited = current.clone();
    let mut new_race = None;
    match edit {
        Some(SeasonEdit::AddRace(t)) => {
            edited
                .workouts
                .retain(|w| w.date < start || w.date != t.date);
            new_race = Some(t.clone());
        }
        Some(SeasonEdit::DaysOff(off)) => {
            edited
                .workouts
                .retain(|w| w.date < start || !off.contains(w.date) || !w.kind.is_running());
            edited.days_off.push(*off);
            edited.days_off.sort_by_key(|d| d.from);
        }
        None => {}
    }
    let old = &edited;
    let mut input = input_for(doc, old, today, start);
    input.tune_ups.extend(new_race);
    input.tune_ups.sort_by_key(|t| t.date);
    let history = (!doc.history.activities.is_empty()).then_some(&doc.history);
    let fresh = generate_remaining(&input, &doc.settings, history)?;
    let (fresh, mut dropped_locked) = keep_locked(fresh, old, &input.athlete, &doc.settings);
    let mut plan = join(old, fresh, start);
    let eased = ease(&mut plan, start, readiness.status, &input.athlete);
    dropped_locked.extend(repair_join(&mut plan, doc, start));

    let params = PmcParams::from_settings(&doc.settings);
    let form =
        |d: &AthleteDocument| LoadSeries::from_document(d, today, &params).race_morning_form();
    plan.days_off = old.days_off.clone();
    let old = current;
    let mut after = doc.clone();
    after.plans[0] = plan.clone();
    let week_one = doc.athlete.week_start.week_of(start);
    let weeks = std::iter::successors(Some(week_one), |w| Some(*w + Days::new(7)))
        .take_while(|w| *w <= race)
        .map(|w| {
            let from = w.max(start);
            let to = w + Days::new(7);
            WeekChange {
                week: w,
                before_km: running_km(&old.workouts, from, to),
                after_km: running_km(&plan.workouts, from, to),
            }
        })
        .collect();
    Ok(Adaptation {
        sessions_changed: changed_days(old, &plan, start),
        days: (race - start).num_days() as usize + 1,
        race_form_before: form(doc),
        race_form_after: form(&after),
        weeks,
        plan,
        start,
        dropped_locked,
        eased,
    })
}

/// The generator's input. The weekly volume the rest ramps up from is what was actually
/// run a week over the last four weeks (over the days the history covers, when it began
/// less than four weeks ago: two weeks at 40 km are 40 km a week, not 20), but no more than
/// the plan's larger of the two weeks before the start: behind the plan, the ramp starts
/// from what was run (missed sessions are not made up); ahead of it, the rest does not jump
/// up.
fn input_for(
    doc: &AthleteDocument,
    old: &Plan,
    today: NaiveDate,
    start: NaiveDate,
) -> GeneratorInput {
    let mut athlete = doc.athlete.clone();
    let recent = |d: NaiveDate| d <= today && (today - d).num_days() < 28;
    let runs = doc
        .history
        .activities
        .iter()
        .filter(|a| a.kind.is_running() && recent(a.date()));
    let mut longest: Option<f64> = None;
    let mut done_km = 0.0;
    for a in runs {
        let km = a.distance_m.unwrap_or(0.0) / 1000.0;
        done_km += km;
        longest = Some(longest.map_or(km, |l: f64| l.max(km)));
    }
    let week = doc.athlete.week_start.week_of(start);
    let planned = [14, 7]
        .map(|back| week - Days::new(back))
        .into_iter()
        .filter(|w| *w >= old.start_date)
        .map(|w| running_km(&old.workouts, w, w + Days::new(7)))
        .fold(None, |m: Option<f64>, km| Some(m.map_or(km, |m| m.max(km))));
    // Over the days of the last four weeks the history covers (today included).
    let covered = doc.history.recent_span_days(today + Days::new(1));
    let done = longest.map(|_| done_km * 7.0 / covered as f64);
    let fits = crate::generator::max_km_per_run_day(&athlete)
        * crate::generator::max_run_days(&athlete) as f64;
    let from = match (done, planned) {
        (Some(d), Some(p)) => Some(d.min(p)),
        (d, p) => d.or(p),
    };
    if let Some(km) = from {
        athlete.weekly_volume_km = km.min(fits).round();
    }
    GeneratorInput {
        goal: old.goal.clone(),
        start,
        longest_recent_run_km: longest.filter(|km| *km > 0.0).map(|km| km.min(100.0)),
        cross_training: cross_preference(old, start),
        tune_ups: tune_ups(old, start),
        days_off: old.days_off.clone(),
        athlete,
    }
}

/// The plan's tune-up races from `start` on, as the generator takes them.
fn tune_ups(plan: &Plan, start: NaiveDate) -> Vec<TuneUp> {
    plan.workouts
        .iter()
        .filter(|w| w.date >= start && w.date < plan.goal.date)
        .filter_map(|w| match w.kind {
            WorkoutKind::Race {
                distance_m,
                priority,
            } if priority != RacePriority::A => Some(TuneUp {
                date: w.date,
                distance_m,
                priority,
                name: w.title.clone(),
            }),
            _ => None,
        })
        .collect()
}

/// The old plan before `start` and the fresh one from it, with fresh ids for the new part.
fn join(old: &Plan, fresh: Plan, start: NaiveDate) -> Plan {
    let mut plan = old.clone();
    plan.workouts.retain(|w| w.date < start);
    let first_id = old.workouts.iter().map(|w| w.id.0).max().unwrap_or(0) + 1;
    let new = fresh.workouts.into_iter().filter(|w| w.date >= start);
    for (id, mut w) in (first_id..).zip(new) {
        w.id = WorkoutId(id);
        plan.workouts.push(w);
    }
    plan.workouts.sort_by_key(|w| (w.date, w.id));
    let mut phases: Vec<Phase> = old
        .phases
        .iter()
        .filter(|p| p.start < start)
        .cloned()
        .map(|mut p| {
            p.end = p.end.min(start - Days::new(1));
            p
        })
        .collect();
    phases.extend(fresh.phases.into_iter().filter(|p| p.end >= start));
    plan.phases = phases;
    plan
}

fn ease(
    plan: &mut Plan,
    start: NaiveDate,
    status: Status,
    athlete: &crate::model::Athlete,
) -> Vec<NaiveDate> {
    let days = match status {
        Status::Green => return Vec::new(),
        Status::Amber => AMBER_EASY_DAYS,
        Status::Red => RED_EASY_DAYS,
    };
    let easy = crate::science::paces::athlete_vdot(athlete)
        .and_then(|v| crate::science::paces::TrainingPaces::from_vdot(v).ok())
        .map(|p| p.zone_s_per_km(crate::model::PaceZone::E));
    let mut eased = Vec::new();
    for w in &mut plan.workouts {
        if w.date < start
            || w.date >= start + Days::new(days)
            || w.locked
            || matches!(w.kind, WorkoutKind::Race { .. })
        {
            continue;
        }
        let rest_first = status == Status::Red && w.date == start;
        if rest_first && w.intensity() != Intensity::Rest {
            *w = Workout {
                locked: false,
                ..w.as_rest()
            };
            eased.push(w.date);
        } else if w.intensity() >= Intensity::Moderate {
            *w = Workout {
                locked: false,
                ..recovery_run_for(w, easy)
            };
            eased.push(w.date);
        }
    }
    eased
}

/// Mends the join of old and new where it breaks an error-level rule (checked as the
/// window checks, with the history): the nearest new hard or moderate workout is made easy,
/// the flagged day (or the nearest training day before it) becomes a rest day, or the new
/// workouts of the week are shortened by a tenth, whichever first lowers the number of
/// errors. Only ever lowers load.
fn repair_join(plan: &mut Plan, doc: &AthleteDocument, start: NaiveDate) -> Vec<Workout> {
    let mut released = Vec::new();
    let history = Some(&doc.history).filter(|h| !h.activities.is_empty());
    // The athlete's recovery profile, worked out once for every round's check.
    let profile = RecoveryProfile::for_check(&CheckInput {
        plan,
        athlete: &doc.athlete,
        settings: &doc.settings,
        history,
    });
    let errors = |plan: &Plan| -> Vec<NaiveDate> {
        check_with_profile(
            &CheckInput {
                plan,
                athlete: &doc.athlete,
                settings: &doc.settings,
                history,
            },
            &profile,
        )
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.date >= start)
        .map(|f| f.date)
        .collect()
    };
    let changeable =
        |w: &Workout| w.date >= start && !w.locked && !matches!(w.kind, WorkoutKind::Race { .. });
    let mut shortened_weeks = std::collections::HashMap::new();
    for _ in 0..JOIN_ROUNDS {
        let now = errors(plan);
        let Some(bad) = now.first().copied() else {
            return released;
        };
        let mut trials = Vec::new();
        let mut nearest: Vec<usize> = (0..plan.workouts.len())
            .filter(|&i| changeable(&plan.workouts[i]))
            .filter(|&i| plan.workouts[i].intensity() > Intensity::Easy)
            .collect();
        nearest.sort_by_key(|&i| (plan.workouts[i].date - bad).num_days().abs());
        if let Some(&i) = nearest.first() {
            let mut trial = plan.clone();
            trial.workouts[i] = Workout {
                locked: false,
                ..trial.workouts[i].as_easy()
            };
            trials.push(trial);
        }
        // A load spike (ACWR) may need a day off: the flagged day, else the nearest before it.
        let rest_day = (0..plan.workouts.len())
            .filter(|&i| {
                let w = &plan.workouts[i];
                changeable(w) && w.date <= bad && w.intensity() != Intensity::Rest
            })
            .max_by_key(|&i| plan.workouts[i].date);
        if let Some(i) = rest_day {
            let mut trial = plan.clone();
            trial.workouts[i] = Workout {
                locked: false,
                ..trial.workouts[i].as_rest()
            };
            trials.push(trial);
        }
        let week = doc.athlete.week_start.week_of(bad);
        let mut shorter = plan.clone();
        for w in &mut shorter.workouts {
            if changeable(w) && (week..week + Days::new(7)).contains(&w.date) {
                *w = Workout {
                    locked: false,
                    ..super::suggest::scaled(w, 0.9)
                };
            }
        }
        let shortened = shortened_weeks.entry(week).or_insert(0);
        let better = trials.into_iter().find(|t| errors(t).len() < now.len());
        match better {
            Some(trial) => *plan = trial,
            // A volume jump may take a few tenths off before it clears.
            None if *shortened < MAX_SHORTENINGS && errors(&shorter).len() <= now.len() => {
                *shortened += 1;
                *plan = shorter;
            }
            // A hand-placed workout that the rest of the week cannot make room for (a long
            // run placed for a bigger week, say): it lets go of its day's lock and is
            // reported as not kept, then the week is tried again.
            None => {
                let locked: Vec<usize> = (0..plan.workouts.len())
                    .filter(|&i| {
                        let w = &plan.workouts[i];
                        w.locked && w.date >= start && (week..week + Days::new(7)).contains(&w.date)
                    })
                    .collect();
                if locked.is_empty() {
                    return released;
                }
                for i in locked {
                    released.push(plan.workouts[i].clone());
                    plan.workouts[i].locked = false;
                }
                shortened_weeks.insert(week, 0);
            }
        }
    }
    released
}

fn changed_days(old: &Plan, new: &Plan, start: NaiveDate) -> usize {
    let key = |p: &Plan, d: NaiveDate| -> Vec<(String, Option<i64>, Option<i64>)> {
        let mut v: Vec<_> = p
            .workouts_on(d)
            .map(|w| {
                (
                    w.display_title(),
                    w.planned_distance_m.map(|m| m.round() as i64),
                    w.planned_duration_s.map(|s| s.round() as i64),
                )
            })
            .collect();
        v.sort();
        v
    };
    std::iter::successors(Some(start), |d| d.checked_add_days(Days::new(1)))
        .take_while(|d| *d <= old.goal.date.max(new.goal.date))
        .filter(|d| key(old, *d) != key(new, *d))
        .count()
}

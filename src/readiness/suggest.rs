//! Concrete changes to the plan when warning signs fire.
//!
//! Each suggestion is the whole active plan after one change, so the window can preview it
//! (the changed days are listed) and apply it as one undoable edit:
//!
//! - **Rest today, or swap today's run for a recovery run**, first, whenever [`today_call`]
//!   says so: rest when today's check-in says very sore or a bodily sign is red, a recovery
//!   run when the status is red for other reasons. A red day is about today before it is
//!   about next week, and the tips ([`super::tips`]) say the same as this suggestion.
//! - **Swap the next hard session for a recovery run** (within the next
//!   [`LOOKAHEAD_DAYS`] days, after today when today is already changed), on any warning:
//!   hard training on a body that has not recovered adds fatigue without adding fitness.
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
//! // Red: the first change is today's.
//! assert!(list[0].title.contains("today"), "{list:?}");
//! assert_ne!(Some(&list[0].plan), doc.active_plan());
//! ```

use chrono::{Days, NaiveDate};

use super::limits::VERY_SORE_TODAY;
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

/// What today's training should become, when the signs say more than "go easier soon".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TodayCall {
    /// No run today.
    Rest,
    /// A short recovery run in place of anything harder.
    RecoveryRun,
}

/// Today's soreness from the check-in, if there is one.
pub fn soreness_today(doc: &AthleteDocument, today: NaiveDate) -> Option<u8> {
    doc.history
        .wellness
        .iter()
        .filter(|e| e.date == today)
        .find_map(|e| e.soreness)
}

/// What today should become: rest when today's check-in says very sore (soreness
/// [`VERY_SORE_TODAY`] or more) or a bodily sign is red (resting HR, HRV, soreness, fatigue);
/// a recovery run when the status is red for other reasons; `None` otherwise. The
/// suggestions and the tips both follow it, so they never disagree about today.
pub fn today_call(doc: &AthleteDocument, today: NaiveDate, r: &Readiness) -> Option<TodayCall> {
    let very_sore = soreness_today(doc, today).is_some_and(|s| s >= VERY_SORE_TODAY);
    let bodily_red = r
        .warnings
        .iter()
        .any(|w| w.level == Status::Red && w.sign.is_bodily());
    if very_sore || bodily_red {
        Some(TodayCall::Rest)
    } else if r.status == Status::Red {
        Some(TodayCall::RecoveryRun)
    } else {
        None
    }
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
    let today_changed = today_call(doc, today, r)
        .and_then(|call| change_today(doc, plan, today, call, easy, &reason));
    // Today's session is settled by the first suggestion; the next hard one is after it.
    let from = if today_changed.is_some() {
        today + Days::new(1)
    } else {
        today
    };
    out.extend(today_changed);
    if let Some(s) = swap_next_hard(plan, from, today, easy, &reason) {
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

/// Today's training as `call` says, unless it is a race, already done, or already no
/// harder than the call.
fn change_today(
    doc: &AthleteDocument,
    plan: &Plan,
    today: NaiveDate,
    call: TodayCall,
    easy_s_per_km: Option<f64>,
    reason: &str,
) -> Option<Suggestion> {
    let done = |w: &Workout| {
        doc.history
            .activities
            .iter()
            .any(|a| a.date() == today && (a.planned_workout == Some(w.id) || a.kind == w.kind))
    };
    let todays: Vec<&Workout> = plan
        .workouts_on(today)
        .filter(|w| w.intensity() != Intensity::Rest && !w.kind.is_race() && !done(w))
        .collect();
    let (new, title): (Vec<Workout>, String) = match call {
        TodayCall::Rest => {
            let names: Vec<String> = todays.iter().map(|w| w.display_title()).collect();
            (
                todays.iter().map(|w| w.as_rest()).collect(),
                format!(
                    "Rest today ({}) instead of {}",
                    day(today),
                    names.join(" and ")
                ),
            )
        }
        TodayCall::RecoveryRun => {
            let runs: Vec<&Workout> = todays
                .into_iter()
                .filter(|w| w.kind.is_running() && w.intensity() > Intensity::Recovery)
                .collect();
            let names: Vec<String> = runs.iter().map(|w| w.display_title()).collect();
            (
                runs.iter()
                    .map(|w| recovery_run_for(w, easy_s_per_km))
                    .collect(),
                format!(
                    "Swap today's {} for a recovery run ({})",
                    names.join(" and "),
                    day(today)
                ),
            )
        }
    };
    if new.is_empty() {
        return None;
    }
    Some(Suggestion {
        title,
        reason: reason.to_owned(),
        plan: replace(plan, &new),
        changes: changes(plan, &new),
    })
}

/// The first hard session from `from` on, within [`LOOKAHEAD_DAYS`] of `today`, as a
/// recovery run.
fn swap_next_hard(
    plan: &Plan,
    from: NaiveDate,
    today: NaiveDate,
    easy_s_per_km: Option<f64>,
    reason: &str,
) -> Option<Suggestion> {
    let until = today + Days::new(LOOKAHEAD_DAYS);
    let next = plan
        .workouts
        .iter()
        .filter(|w| (from..until).contains(&w.date) && w.intensity() == Intensity::Hard)
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

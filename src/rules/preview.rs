//! What dropping a workout on each day would do, before the drop: the findings the move would
//! add and the race-morning form after it. The calendar computes this once when a drag starts
//! and tints every visible day from it.
//!
//! ```
//! use chrono::{Days, NaiveDate};
//! use stride::rules::preview::preview_drops;
//! use stride::science::{pmc::PmcParams, series::LoadSeries};
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let series = LoadSeries::from_document(&doc, today, &PmcParams::from_settings(&doc.settings));
//! let tempo = doc.plans[0].workouts.iter().find(|w| w.title.starts_with("Tempo")).unwrap();
//! let days: Vec<NaiveDate> = (0..7).map(|k| tempo.date + Days::new(k)).collect();
//! let verdicts = preview_drops(&doc, tempo.id, &days, &series, false);
//! assert_eq!(verdicts.len(), 7);
//! assert!(verdicts[0].added.is_empty(), "staying put adds nothing");
//! ```

use chrono::{Days, NaiveDate};

use super::{CheckInput, Finding, Severity, check_plan};
use crate::model::{AthleteDocument, WorkoutId};
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

/// Verdicts for moving (or, with `copy`, copying) workout `id` of the active plan to each of
/// `days`. Unknown ids give no verdicts.
pub fn preview_drops(
    doc: &AthleteDocument,
    id: WorkoutId,
    days: &[NaiveDate],
    series: &LoadSeries,
    copy: bool,
) -> Vec<DropVerdict> {
    let Some(base_input) = CheckInput::for_document(doc) else {
        return Vec::new();
    };
    let Some(workout) = base_input.plan.workout(id) else {
        return Vec::new();
    };
    let baseline = check_plan(&base_input);
    let context = LoadContext::new(&doc.athlete, &doc.settings);
    let load = context.planned_load(workout);
    // A copy adds load where it lands and takes none away: as if it came from after the race.
    let from = if copy {
        base_input.plan.goal.date + Days::new(1)
    } else {
        workout.date
    };
    // Facts, baselines and profile are worked out once; each drop target only refreshes the
    // two days that change.
    let facts =
        super::facts::PlanFacts::with_context(base_input.plan, doc.athlete.week_start, &context);
    let baselines = super::checks::Baselines::new(&base_input, &facts);
    let profile = super::profile::RecoveryProfile::for_athlete(
        &doc.athlete,
        chrono::Datelike::year(&base_input.plan.start_date),
    );
    let next_id = doc.next_workout_id();
    let mut plan = base_input.plan.clone();
    let original_date = workout.date;
    days.iter()
        .map(|&date| {
            if copy {
                let mut c = workout.clone();
                c.id = next_id;
                c.date = date;
                plan.workouts.push(c);
            } else if let Some(w) = plan.workouts.iter_mut().find(|w| w.id == id) {
                w.date = date;
            }
            let input = CheckInput {
                plan: &plan,
                ..base_input
            };
            let mut moved = facts.clone();
            let findings = if moved.refresh_days(&plan, &[original_date, date], &context) {
                super::check_prepared(&input, &moved, &profile, &baselines)
            } else {
                check_plan(&input)
            };
            // Back to the plan as it is, for the next target.
            if copy {
                plan.workouts.pop();
            } else if let Some(w) = plan.workouts.iter_mut().find(|w| w.id == id) {
                w.date = original_date;
            }
            let added = findings
                .into_iter()
                .filter(|f| !baseline.iter().any(|b| key(b) == key(f)))
                .collect();
            DropVerdict {
                date,
                added,
                race_form: series.race_morning_form_after_move(load, from, date),
            }
        })
        .collect()
}

//! The numbers the main window shows about an athlete (and the plan's findings under the
//! recovery rules), computed once per document change.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::session::overview::Overview;
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let overview = Overview::compute(&doc, today);
//! assert!(overview.vdot.is_some());
//! assert!(overview.goal_prediction_s.is_some());
//! // The demo's history has five races: the model is its own.
//! assert!(overview.model.fit.is_ok());
//! assert!(overview.model.goal.is_some());
//! assert!(overview.today.is_some());
//! ```

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{AthleteDocument, WorkoutId};
use crate::science::load::LoadContext;
use crate::science::paces::{TrainingPaces, athlete_vdot, race_time_s};
use crate::science::pmc::{PmcDay, PmcParams};
use crate::science::series::LoadSeries;
use crate::science::{adherence, personal};

/// Derived numbers for the window.
#[derive(Clone, Debug)]
pub struct Overview {
    /// The athlete's VDOT (their own, or from their recent race).
    pub vdot: Option<f64>,
    /// Training paces for that VDOT.
    pub paces: Option<TrainingPaces>,
    /// Predicted time for the goal race at that VDOT, seconds.
    pub goal_prediction_s: Option<f64>,
    /// Predicted form on the goal race's morning.
    pub race_morning_form: Option<f64>,
    /// The model's values today.
    pub today: Option<PmcDay>,
    /// Planned load of each workout of the active plan.
    pub planned_loads: HashMap<WorkoutId, f64>,
    /// The active plan's planned distance, time and load by week, keyed by the week's first
    /// day.
    pub weeks: std::collections::BTreeMap<NaiveDate, crate::science::week_totals::WeekTotals>,
    /// The whole series, for charts and what-if evaluations.
    pub series: LoadSeries,
    /// The runner's own model: its fit, the goal race's prediction, its daily line.
    pub model: personal::ModelSummary,
    /// The active plan's findings under the recovery rules.
    pub findings: Vec<crate::rules::Finding>,
    /// How each planned workout went (done, partly done, missed, planned).
    pub statuses: HashMap<WorkoutId, adherence::Status>,
    /// Completed activities that match no planned workout, by day.
    pub unplanned: HashMap<NaiveDate, Vec<crate::model::Activity>>,
}

impl Overview {
    /// Computes everything for a document as of `today`.
    pub fn compute(doc: &AthleteDocument, today: NaiveDate) -> Self {
        let vdot = athlete_vdot(&doc.athlete);
        let paces = vdot.and_then(|v| TrainingPaces::from_vdot(v).ok());
        let plan = doc.active_plan();
        let goal_prediction_s = vdot
            .zip(plan)
            .and_then(|(v, p)| race_time_s(v, p.goal.distance_m).ok());
        let params = PmcParams::from_settings(&doc.settings);
        let series = LoadSeries::from_document(doc, today, &params);
        let context = LoadContext::new(&doc.athlete, &doc.settings);
        let planned_loads = plan
            .iter()
            .flat_map(|p| &p.workouts)
            .map(|w| (w.id, context.planned_load(w)))
            .collect();
        let weeks = plan.map_or_else(Default::default, |p| {
            crate::science::week_totals::planned_weeks(p, doc.athlete.week_start, &context)
        });
        let model = personal::ModelSummary::compute(doc, today);
        // The rules' gaps follow the athlete's own recovery, worked out once for the model
        // and the check alike.
        let findings = crate::rules::CheckInput::for_document(doc)
            .map(|input| {
                let year = chrono::Datelike::year(&input.plan.start_date);
                let profile =
                    crate::rules::profile::RecoveryProfile::for_athlete(input.athlete, year)
                        .with_personal(&model.recovery);
                crate::rules::check_with_profile(&input, &profile)
            })
            .unwrap_or_default();
        let (statuses, unmatched) = plan.map_or_else(Default::default, |p| {
            adherence::matches(p, &doc.history, today)
        });
        let mut unplanned: HashMap<NaiveDate, Vec<crate::model::Activity>> = HashMap::new();
        let unmatched = if plan.is_some() {
            unmatched
        } else {
            (0..doc.history.activities.len()).collect()
        };
        for i in unmatched {
            let a = &doc.history.activities[i];
            unplanned.entry(a.date()).or_default().push(a.clone());
        }
        Overview {
            statuses,
            unplanned,
            findings,
            vdot,
            paces,
            goal_prediction_s,
            race_morning_form: series.race_morning_form(),
            today: series.on(today).map(|d| d.values),
            planned_loads,
            weeks,
            series,
            model,
        }
    }
}

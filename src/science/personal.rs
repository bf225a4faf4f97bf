//! The runner's own model, from their document: races as performances, the VDOT the history
//! gives, the fitted model ([`super::banister`]) and race-day predictions.
//!
//! - **Performances** are the races in the history: each gives a VDOT (Daniels & Gilbert,
//!   section 4) from the race's distance (the distance the race is entered with, not the
//!   watch's) and its elapsed time. Best efforts inside training runs are not used: the
//!   history keeps each run's totals, not its track, and a fast stretch of a training run
//!   is rarely a maximal effort, so it would read as a low VDOT.
//! - **The VDOT from history**: the best VDOT of the races in the [`RECENT_RACE_DAYS`] days
//!   up to a day. Twelve weeks is about one training block; the best rather than the latest
//!   race, because a race run in heat, on hills or while tired reads low, and Daniels
//!   advises training from the best recent performance.
//! - **The fit** runs over the document's daily loads (history, as the fitness line uses
//!   them) with the document's weighting and starting values; the time constants are the
//!   settings' unless fitted.
//! - **Predictions** for a day run the model over the history and then the active plan's
//!   planned loads after the last day of history. Without a fit (fewer than four races) the
//!   population model ([`super::banister::population`]) is anchored on the latest race, or
//!   on the profile's VDOT at the last day of history, with its wide band.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::science::personal;
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let race = doc.active_plan().unwrap().goal.date;
//! let p = personal::predict(&doc, race, None).unwrap();
//! assert!(p.vdot_low < p.vdot && p.vdot < p.vdot_high);
//! ```

use chrono::NaiveDate;

use super::banister::{self, FitError, FitOptions, Fitted, Model, Observation, TimeConstants};
use super::load::LoadContext;
use super::paces::{MARATHON_M, athlete_vdot, race_time_s, vdot_from_race};
use super::pmc::PmcParams;
use crate::model::{AthleteDocument, History, Plan};

/// Days back from a day within which races give the VDOT from history.
pub const RECENT_RACE_DAYS: i64 = 84;

/// The distances a prediction gives times for: name and metres.
pub const PREDICTED_DISTANCES: [(&str, f64); 4] = [
    ("5k", 5000.0),
    ("10k", 10_000.0),
    ("half", MARATHON_M / 2.0),
    ("marathon", MARATHON_M),
];

/// A race from the history.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Performance {
    /// The race day.
    pub date: NaiveDate,
    /// Distance, metres.
    pub distance_m: f64,
    /// Elapsed time, seconds.
    pub time_s: f64,
    /// The VDOT it gives.
    pub vdot: f64,
}

/// The races of a history with a time that gives a VDOT, by date.
pub fn performances(history: &History) -> Vec<Performance> {
    let mut out: Vec<Performance> = history
        .activities
        .iter()
        .filter_map(|a| {
            let distance_m = a.kind.race_distance_m()?;
            let vdot = vdot_from_race(distance_m, a.duration_s).ok()?;
            Some(Performance {
                date: a.date(),
                distance_m,
                time_s: a.duration_s,
                vdot,
            })
        })
        .collect();
    out.sort_by_key(|p| p.date);
    out
}

/// The best race of the [`RECENT_RACE_DAYS`] days up to `day` (included), if any.
///
/// ```
/// use chrono::NaiveDate;
/// use stride::model::{Activity, History, WorkoutKind};
/// use stride::science::personal::history_vdot;
///
/// let day = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
/// let mut history = History::default();
/// let mut race = Activity::from_planned(&stride::model::Workout::new(
///     stride::model::WorkoutId(1), day, WorkoutKind::race(10_000.0, stride::model::RacePriority::A)));
/// race.duration_s = 45.0 * 60.0;
/// history.activities.push(race);
/// assert!(history_vdot(&history, day).is_some());
/// assert!(history_vdot(&history, day + chrono::Days::new(100)).is_none());
/// ```
pub fn history_vdot(history: &History, day: NaiveDate) -> Option<Performance> {
    performances(history)
        .into_iter()
        .filter(|p| p.date <= day && (day - p.date).num_days() <= RECENT_RACE_DAYS)
        .max_by(|a, b| a.vdot.total_cmp(&b.vdot))
}

/// The document's daily loads from their first day, and fitness and fatigue the day before.
#[derive(Clone, Debug, PartialEq)]
pub struct DailyLoads {
    /// Day 0.
    pub first_day: NaiveDate,
    /// Loads, one a day.
    pub loads: Vec<f64>,
    /// Fitness and fatigue the day before day 0.
    pub start: (f64, f64),
    /// The last day of history, if there is any.
    pub last_history_day: Option<NaiveDate>,
    params: PmcParams,
}

impl DailyLoads {
    /// The history's loads alone, as the fitness line counts them.
    pub fn of_history(doc: &AthleteDocument) -> Self {
        let params = PmcParams::from_settings(&doc.settings);
        let context = LoadContext::new(&doc.athlete, &doc.settings);
        let first = doc.history.activities.iter().map(|a| a.date()).min();
        let last = doc.history.activities.iter().map(|a| a.date()).max();
        let mut daily = DailyLoads {
            first_day: first.unwrap_or(NaiveDate::MIN),
            loads: Vec::new(),
            start: (0.0, 0.0),
            last_history_day: last,
            params,
        };
        if let (Some(first), Some(last)) = (first, last) {
            daily.loads = vec![0.0; (last - first).num_days() as usize + 1];
            for a in &doc.history.activities {
                let i = (a.date() - first).num_days() as usize;
                daily.loads[i] += context.activity_load(a).map_or(0.0, |l| l.value);
            }
        }
        daily.start = params.start_values(&daily.loads);
        daily
    }

    /// The history as of `today`: days up to yesterday with nothing done count as rest
    /// (missed workouts are not projected), as the fitness line counts them.
    pub fn as_of(mut self, today: NaiveDate) -> Self {
        let (Some(last), Some(yesterday)) = (self.last_history_day, today.pred_opt()) else {
            return self;
        };
        if last < yesterday {
            let len = usize::try_from(self.index(yesterday) + 1).unwrap_or(0);
            self.loads.resize(len, 0.0);
            self.last_history_day = Some(yesterday);
        }
        self
    }

    /// These loads followed by a plan's planned loads after the last day of history (all
    /// of them without history).
    pub fn with_plan(&self, plan: &Plan, context: &LoadContext) -> Self {
        let mut out = self.clone();
        let after = |date: NaiveDate| self.last_history_day.is_none_or(|last| date > last);
        let planned = plan.workouts.iter().filter(|w| after(w.date));
        if self.last_history_day.is_none() {
            out.first_day = plan
                .workouts
                .iter()
                .map(|w| w.date)
                .min()
                .unwrap_or(plan.start_date);
        }
        for w in planned {
            let Ok(i) = usize::try_from(out.index(w.date)) else {
                continue;
            };
            if out.loads.len() <= i {
                out.loads.resize(i + 1, 0.0);
            }
            out.loads[i] += context.planned_load(w);
        }
        if self.last_history_day.is_none() {
            out.start = self.params.start_values(&out.loads);
        }
        out
    }

    /// History through its last day, then the active plan's planned loads.
    pub fn of_document(doc: &AthleteDocument) -> Self {
        let history = Self::of_history(doc);
        match doc.active_plan() {
            Some(plan) => history.with_plan(plan, &LoadContext::new(&doc.athlete, &doc.settings)),
            None => history,
        }
    }

    /// The index of a day (negative before the first).
    pub fn index(&self, date: NaiveDate) -> i64 {
        (date - self.first_day).num_days()
    }
}

/// The time constants of a document's settings.
pub fn settings_time_constants(doc: &AthleteDocument) -> TimeConstants {
    TimeConstants {
        fitness_days: f64::from(doc.settings.fitness_days),
        fatigue_days: f64::from(doc.settings.fatigue_days),
    }
}

/// A model whose mornings are fitness and fatigue as the settings draw them (its gains are
/// 0: only [`Model::mornings`] is read from it, for the form a prediction reports).
pub fn lines_model(doc: &AthleteDocument) -> Model {
    Model::new(
        0.0,
        0.0,
        0.0,
        settings_time_constants(doc),
        doc.settings.load_model,
    )
}

/// A race with the model's value for it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitPoint {
    /// The race.
    pub performance: Performance,
    /// The fitted model's VDOT on that morning.
    pub fitted: f64,
}

/// The model fitted to a document's races.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonalFit {
    /// The model.
    pub model: Model,
    /// The races with the fitted values.
    pub points: Vec<FitPoint>,
    /// Root mean square of the residuals, VDOT.
    pub rmse_vdot: f64,
}

/// Fits the model to the document's races.
///
/// # Errors
/// [`FitError`] with fewer than four races.
pub fn fit(doc: &AthleteDocument, options: FitOptions) -> Result<PersonalFit, FitError> {
    fit_over(doc, &DailyLoads::of_history(doc), options)
}

/// [`fit`] over the history's loads worked out beforehand ([`DailyLoads::of_history`]).
///
/// # Errors
/// As [`fit`].
pub fn fit_over(
    doc: &AthleteDocument,
    daily: &DailyLoads,
    options: FitOptions,
) -> Result<PersonalFit, FitError> {
    let races: Vec<Performance> = performances(&doc.history)
        .into_iter()
        .filter(|p| daily.index(p.date) >= 0)
        .collect();
    let observations: Vec<Observation> = races
        .iter()
        .map(|p| Observation {
            day: usize::try_from(daily.index(p.date)).unwrap_or(0),
            vdot: p.vdot,
        })
        .collect();
    let Fitted {
        model,
        fitted,
        rmse_vdot,
    } = banister::fit(
        &daily.loads,
        daily.start,
        doc.settings.load_model,
        settings_time_constants(doc),
        &observations,
        options,
    )?;
    let points = races
        .into_iter()
        .zip(fitted)
        .map(|(performance, fitted)| FitPoint {
            performance,
            fitted,
        })
        .collect();
    Ok(PersonalFit {
        model,
        points,
        rmse_vdot,
    })
}

/// What a prediction's model is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Basis {
    /// Fitted to this many races.
    Fitted {
        /// Races.
        races: usize,
        /// Root mean square of the residuals, VDOT.
        rmse_vdot: f64,
    },
    /// Population values anchored on a race.
    PopulationFromRace(Performance),
    /// Population values anchored on the profile's VDOT.
    PopulationFromProfile,
}

impl Basis {
    /// A plain phrase naming the model: "fitted to 5 races (RMSE 0.8 VDOT)".
    pub fn describe(&self) -> String {
        match self {
            Basis::Fitted { races, rmse_vdot } => {
                format!("fitted to {races} races (RMSE {rmse_vdot:.1} VDOT)")
            }
            Basis::PopulationFromRace(race) => format!(
                "population values, from the {:.1} km race on {} (VDOT {:.1}); \
                 4 races in the history give a model of your own",
                race.distance_m / 1000.0,
                race.date,
                race.vdot
            ),
            Basis::PopulationFromProfile => "population values, from the profile's VDOT; \
                 4 races in the history give a model of your own"
                .to_owned(),
        }
    }
}

/// The predicted race day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RacePrediction {
    /// The day.
    pub date: NaiveDate,
    /// Predicted VDOT.
    pub vdot: f64,
    /// Lower end of the 80% band.
    pub vdot_low: f64,
    /// Upper end of the 80% band.
    pub vdot_high: f64,
    /// Race-morning form (fitness minus fatigue with the settings' time constants).
    pub form: f64,
    /// What the model is.
    pub basis: Basis,
}

impl RacePrediction {
    /// Predicted times in seconds for [`PREDICTED_DISTANCES`] at the VDOT and at the band's
    /// ends: `(name, time, slow, fast)`.
    pub fn times(&self) -> Vec<(&'static str, f64, f64, f64)> {
        let clamp = |v: f64| v.clamp(super::paces::MIN_VDOT, super::paces::MAX_VDOT);
        PREDICTED_DISTANCES
            .iter()
            .map(|&(name, m)| {
                let time = |v: f64| race_time_s(clamp(v), m).unwrap_or(f64::NAN);
                (
                    name,
                    time(self.vdot),
                    time(self.vdot_low),
                    time(self.vdot_high),
                )
            })
            .collect()
    }
}

/// Why there is no prediction.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PredictError {
    /// Nothing to anchor the model on.
    #[error(
        "no VDOT to start from: the history has no race and the profile gives no VDOT or recent race"
    )]
    NoVdot,
    /// No loads at all.
    #[error("the document has no history and no plan to predict from")]
    NoData,
}

/// The model a document predicts with: the fit when given, else the population model
/// anchored on the latest race or the profile's VDOT.
///
/// # Errors
/// [`PredictError`] when there is nothing to anchor on.
pub fn model_for(
    doc: &AthleteDocument,
    daily: &DailyLoads,
    fit: Option<&PersonalFit>,
) -> Result<(Model, Basis), PredictError> {
    if let Some(fit) = fit {
        let basis = Basis::Fitted {
            races: fit.points.len(),
            rmse_vdot: fit.rmse_vdot,
        };
        return Ok((fit.model.clone(), basis));
    }
    let taus = settings_time_constants(doc);
    let weighting = doc.settings.load_model;
    let probe = lines_model(doc);
    let latest = performances(&doc.history)
        .into_iter()
        .rfind(|p| daily.index(p.date) >= 0);
    let (day, vdot, basis) = match latest {
        Some(p) => (daily.index(p.date), p.vdot, Basis::PopulationFromRace(p)),
        None => {
            let vdot = athlete_vdot(&doc.athlete).ok_or(PredictError::NoVdot)?;
            let last = doc.history.last_date().map_or(0, |d| daily.index(d) + 1);
            (last, vdot, Basis::PopulationFromProfile)
        }
    };
    let day = usize::try_from(day).unwrap_or(0);
    let anchor = probe.mornings(&daily.loads, daily.start, &[day])[0];
    Ok((Model::population(anchor, vdot, taus, weighting), basis))
}

/// Predicts the VDOT of a race on `date` from the history and the active plan.
///
/// # Errors
/// [`PredictError`] when there is nothing to predict from.
pub fn predict(
    doc: &AthleteDocument,
    date: NaiveDate,
    fit: Option<&PersonalFit>,
) -> Result<RacePrediction, PredictError> {
    let daily = DailyLoads::of_document(doc);
    if daily.loads.is_empty() && athlete_vdot(&doc.athlete).is_none() {
        return Err(PredictError::NoData);
    }
    let (model, basis) = model_for(doc, &daily, fit)?;
    let day = usize::try_from(daily.index(date).max(0)).unwrap_or(0);
    let (g, h) = model.mornings(&daily.loads, daily.start, &[day])[0];
    let (vdot, vdot_low, vdot_high) = model.band(g, h);
    // Form as the fitness line shows it: the settings' time constants.
    let (fitness, fatigue) = lines_model(doc).mornings(&daily.loads, daily.start, &[day])[0];
    Ok(RacePrediction {
        date,
        vdot,
        vdot_low,
        vdot_high,
        form: fitness - fatigue,
        basis,
    })
}

/// The model's line over the days: the VDOT it gives each morning, with its band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurvePoint {
    /// The day.
    pub date: NaiveDate,
    /// The model's VDOT that morning.
    pub vdot: f64,
    /// Lower end of the 80% band.
    pub low: f64,
    /// Upper end of the 80% band.
    pub high: f64,
    /// True for days whose loads come from the plan.
    pub projected: bool,
}

/// What the window shows of the runner's own model, computed once per document change.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelSummary {
    /// The fit, or why there is none.
    pub fit: Result<PersonalFit, FitError>,
    /// The races of the history.
    pub performances: Vec<Performance>,
    /// The predicted goal race of the active plan.
    pub goal: Option<RacePrediction>,
    /// The model's daily line, from the first day of data to the goal race (or the last
    /// planned day).
    pub curve: Vec<CurvePoint>,
    /// How fast the athlete recovers after tough sessions, from their check-ins.
    pub recovery: super::recovery_time::PersonalRecovery,
}

impl ModelSummary {
    /// The summary of a document as of `today`.
    pub fn compute(doc: &AthleteDocument, today: NaiveDate) -> Self {
        let history = DailyLoads::of_history(doc);
        let fit = fit_over(doc, &history, FitOptions::default());
        let performances = performances(&doc.history);
        let recovery = super::recovery_time::PersonalRecovery::from_history(&doc.history);
        let history = history.as_of(today);
        let daily = match doc.active_plan() {
            Some(plan) => history.with_plan(plan, &LoadContext::new(&doc.athlete, &doc.settings)),
            None => history,
        };
        let Ok((model, basis)) = model_for(doc, &daily, fit.as_ref().ok()) else {
            return ModelSummary {
                fit,
                performances,
                goal: None,
                curve: Vec::new(),
                recovery,
            };
        };
        let end = doc
            .active_plan()
            .map_or(daily.loads.len(), |p| {
                usize::try_from(daily.index(p.goal.date)).unwrap_or(0) + 1
            })
            .max(daily.loads.len());
        let days: Vec<usize> = (0..end).collect();
        let states = model.mornings(&daily.loads, daily.start, &days);
        let shown = lines_model(doc);
        let curve: Vec<CurvePoint> = states
            .iter()
            .enumerate()
            .map(|(i, &(g, h))| {
                let (vdot, low, high) = model.band(g, h);
                let date = daily.first_day + chrono::Days::new(i as u64);
                CurvePoint {
                    date,
                    vdot,
                    low,
                    high,
                    projected: daily.last_history_day.is_none_or(|last| date > last),
                }
            })
            .collect();
        let goal = doc.active_plan().and_then(|p| {
            let i = usize::try_from(daily.index(p.goal.date)).ok()?;
            let point = curve.get(i)?;
            let (f, a) = shown.mornings(&daily.loads, daily.start, &[i])[0];
            Some(RacePrediction {
                date: p.goal.date,
                vdot: point.vdot,
                vdot_low: point.low,
                vdot_high: point.high,
                form: f - a,
                basis,
            })
        });
        ModelSummary {
            fit,
            performances,
            goal,
            curve,
            recovery,
        }
    }
}

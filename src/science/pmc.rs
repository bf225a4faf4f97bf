//! Fitness (CTL), fatigue (ATL) and form (TSB), with ACWR, monotony and strain.
//!
//! Over daily loads `L_t` (a day without sessions is 0), `training-science.md` sections 2-3:
//!
//! ```text
//! fitness_t = fitness_{t-1} + lambda_c (L_t - fitness_{t-1})     N_c = 42 days by default
//! fatigue_t = fatigue_{t-1} + lambda_a (L_t - fatigue_{t-1})     N_a = 7 days by default
//! ```
//!
//! with `lambda = 1/N` (TrainingPeaks), `1 - e^(-1/N)` (GoldenCheetah) or `2/(N+1)`
//! (Runalyze). Form is `fitness_{t-1} - fatigue_{t-1}` (start of day, TrainingPeaks and
//! GoldenCheetah) or `fitness_t - fatigue_t` (same day, Runalyze). Ramp is
//! `fitness_t - fitness_{t-7}`.
//!
//! - **ACWR** (Williams et al. 2017): acute and chronic EWMAs with `lambda = 2/(N+1)`, N = 7
//!   and 28, starting from 0; their ratio. It is left undefined while the chronic load is 0
//!   and during the first 27 days of a series, before the chronic average has seen its
//!   window (an average of a few days would flag every new history as a spike). The
//!   0.8-1.3 "sweet spot" and 1.5 "danger zone" (Gabbett 2016) are guides, not verdicts.
//! - **Monotony** (Foster 1998): over the last 7 days, missing days 0, the mean daily load
//!   divided by its population standard deviation, clamped to 0-10, and 10 when the
//!   deviation is 0 (Runalyze). A week without any load has no monotony. **Strain** is the
//!   7-day load times monotony.
//!
//! ```
//! use stride::model::{FormConvention, LoadModel};
//! use stride::science::pmc::{PmcParams, compute};
//!
//! let params = PmcParams { model: LoadModel::Runalyze, form: FormConvention::SameDay,
//!     ..PmcParams::default() };
//! let days = compute(&[1000.0], &params);
//! // Runalyze's published case: one workout of 1000 gives fitness 47, fatigue 250, form -203.
//! assert_eq!(days[0].fitness.round(), 47.0);
//! assert_eq!(days[0].fatigue.round(), 250.0);
//! assert_eq!(days[0].form.round(), -203.0);
//! ```

use crate::model::{FormConvention, LoadModel, Settings};

/// Time constant of the acute average in the ACWR, days.
pub const ACUTE_DAYS: u32 = 7;
/// Time constant of the chronic average in the ACWR, days.
pub const CHRONIC_DAYS: u32 = 28;
/// Days in the monotony window.
pub const MONOTONY_DAYS: usize = 7;
/// Monotony's upper clamp, also its value when the loads do not vary.
pub const MONOTONY_MAX: f64 = 10.0;

/// The smoothing factor of an exponentially weighted average over `days` in a model.
///
/// ```
/// use stride::model::LoadModel;
/// use stride::science::pmc::lambda;
/// assert_eq!(lambda(LoadModel::Trainingpeaks, 42), 1.0 / 42.0);
/// assert_eq!(lambda(LoadModel::Runalyze, 7), 0.25);
/// assert!((lambda(LoadModel::Goldencheetah, 7) - (1.0 - (-1.0f64 / 7.0).exp())).abs() < 1e-15);
/// ```
pub fn lambda(model: LoadModel, days: u32) -> f64 {
    let n = f64::from(days.max(1));
    match model {
        LoadModel::Trainingpeaks => 1.0 / n,
        LoadModel::Goldencheetah => 1.0 - (-1.0 / n).exp(),
        LoadModel::Runalyze => 2.0 / (n + 1.0),
    }
}

/// The model's parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PmcParams {
    /// Weighting.
    pub model: LoadModel,
    /// Fitness time constant, days.
    pub fitness_days: u32,
    /// Fatigue time constant, days.
    pub fatigue_days: u32,
    /// Form convention.
    pub form: FormConvention,
    /// Fitness the day before the first day.
    pub start_fitness: f64,
    /// Fatigue the day before the first day.
    pub start_fatigue: f64,
}

impl Default for PmcParams {
    fn default() -> Self {
        PmcParams::from_settings(&Settings::default())
    }
}

impl PmcParams {
    /// The parameters stored in a document's settings.
    pub fn from_settings(s: &Settings) -> Self {
        PmcParams {
            model: s.load_model,
            fitness_days: s.fitness_days,
            fatigue_days: s.fatigue_days,
            form: s.form_convention,
            start_fitness: s.start_fitness,
            start_fatigue: s.start_fatigue,
        }
    }

    /// Fitness smoothing factor.
    pub fn fitness_lambda(&self) -> f64 {
        lambda(self.model, self.fitness_days)
    }

    /// Fatigue smoothing factor.
    pub fn fatigue_lambda(&self) -> f64 {
        lambda(self.model, self.fatigue_days)
    }
}

/// The model's values on one day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PmcDay {
    /// The day's load.
    pub load: f64,
    /// Fitness (CTL) at the end of the day.
    pub fitness: f64,
    /// Fatigue (ATL) at the end of the day.
    pub fatigue: f64,
    /// Form (TSB) by the chosen convention.
    pub form: f64,
    /// Fitness change over 7 days; undefined for the first 7 days.
    pub ramp: Option<f64>,
    /// Acute:chronic workload ratio; see the module notes for when it is undefined.
    pub acwr: Option<f64>,
    /// Monotony of the last 7 days; undefined when they carry no load.
    pub monotony: Option<f64>,
    /// 7-day load x monotony.
    pub strain: Option<f64>,
}

/// Monotony of a window of daily loads: mean / population standard deviation, clamped to
/// 0-10, 10 when the deviation is 0, undefined when the window carries no load.
///
/// ```
/// use stride::science::pmc::monotony;
/// // Runalyze's published cases.
/// assert_eq!(monotony(&[8.0, 12.0]), Some(5.0));
/// assert_eq!(monotony(&[100.0]), Some(10.0));
/// ```
pub fn monotony(loads: &[f64]) -> Option<f64> {
    if loads.is_empty() {
        return None;
    }
    let n = loads.len() as f64;
    let mean = loads.iter().sum::<f64>() / n;
    if mean <= 0.0 {
        return None;
    }
    let variance = loads.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / n;
    let deviation = variance.sqrt();
    if deviation <= 1e-9 * mean {
        return Some(MONOTONY_MAX);
    }
    Some((mean / deviation).clamp(0.0, MONOTONY_MAX))
}

/// Runs the model over consecutive daily loads, the first being day 0.
pub fn compute(loads: &[f64], params: &PmcParams) -> Vec<PmcDay> {
    let mut out = Vec::with_capacity(loads.len());
    compute_into(loads, params, &mut out);
    out
}

/// [`compute`] into a buffer that is cleared first, so repeated runs do not allocate.
pub fn compute_into(loads: &[f64], params: &PmcParams, out: &mut Vec<PmcDay>) {
    out.clear();
    let (lc, la) = (params.fitness_lambda(), params.fatigue_lambda());
    let (acute_l, chronic_l) = (
        lambda(LoadModel::Runalyze, ACUTE_DAYS),
        lambda(LoadModel::Runalyze, CHRONIC_DAYS),
    );
    let (mut fitness, mut fatigue) = (params.start_fitness, params.start_fatigue);
    let (mut acute, mut chronic) = (0.0, 0.0);
    for (i, &load) in loads.iter().enumerate() {
        let (fitness_before, fatigue_before) = (fitness, fatigue);
        fitness += lc * (load - fitness);
        fatigue += la * (load - fatigue);
        acute += acute_l * (load - acute);
        chronic += chronic_l * (load - chronic);
        let form = match params.form {
            FormConvention::StartOfDay => fitness_before - fatigue_before,
            FormConvention::SameDay => fitness - fatigue,
        };
        let ramp = (i >= 7).then(|| fitness - out[i - 7].fitness);
        let acwr = (i + 1 >= CHRONIC_DAYS as usize && chronic > 0.0).then(|| acute / chronic);
        // The last 7 days, with days before the series counting as 0.
        let mut window = [0.0; MONOTONY_DAYS];
        let first = (i + 1).saturating_sub(MONOTONY_DAYS);
        window[MONOTONY_DAYS - (i + 1 - first)..].copy_from_slice(&loads[first..=i]);
        let monotony = monotony(&window);
        let week_load: f64 = window.iter().sum();
        out.push(PmcDay {
            load,
            fitness,
            fatigue,
            form,
            ramp,
            acwr,
            monotony,
            strain: monotony.map(|m| week_load * m),
        });
    }
}

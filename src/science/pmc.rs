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
//! - **Where the averages start.** A series does not start from nothing: someone who logs
//!   their first week in Stride has been running before it. Unless the document gives start
//!   values (a season start: `start_fitness` or `start_fatigue` not 0), fitness and fatigue
//!   start at the mean daily load of the first [`SEED_DAYS`] days of data ([`seed_load`]),
//!   the steady state of that training, so form starts at 0 and a steady load keeps it
//!   there. The first weeks are used rather than the profile's weekly volume because they
//!   are measured on the same load scale as everything after them, while the profile's
//!   kilometres would need a pace and an intensity guessed for them and are often stale. A
//!   runner who really starts from nothing shows as steady at the level of their first
//!   weeks; the rules' weekly volume checks (R5) still compare the plan with the profile.
//! - **ACWR**: the load of the last 7 days over the average weekly load of the last 28
//!   (rolling averages, coupled: the chronic window holds the acute week), the form Gabbett
//!   (2016, BJSM 50:273) derived the 0.8-1.3 "sweet spot" and the 1.5 "danger zone" from.
//!   Stride chose it over the EWMA ratio (Williams et al. 2017, `lambda = 2/(N+1)`): with
//!   the EWMA, a sustained doubling of the load peaks near 1.36, so Gabbett's thresholds
//!   almost never fire; the rolling ratio reaches 1.6 a week into a doubling. Coupling
//!   inflates correlations in injury studies (Lolli et al. 2019, BJSM 53:921), which matters
//!   for research, not for a guide that compares this week with the month. Days before the
//!   data count at the start level (the seed); with given start values of 0 the ratio is
//!   undefined until 28 days of data exist. Below a chronic load of [`ACWR_MIN_WEEKLY_LOAD`]
//!   a week (about two hours of easy running) the ratio is left undefined: at such loads a
//!   short extra run doubles it without meaning anything (Stride's own threshold). Race days are left out (counted as 0): the race
//!   is what the training is for, not a spike to warn about. The thresholds are guides, not
//!   verdicts (Impellizzeri et al. 2020). One function, [`acwr`], gives the chart, the
//!   readiness sign and rule R5 their values.
//! - **Monotony** (Foster 1998): over the last 7 days, missing days 0, the mean daily load
//!   divided by its population standard deviation, clamped to 0-10, and 10 when the
//!   deviation is 0 (Runalyze). A week without any load has no monotony. **Strain** is the
//!   7-day load times monotony.
//!
//! ```
//! use stride::model::{FormConvention, LoadModel};
//! use stride::science::pmc::{PmcParams, Start, compute};
//!
//! let params = PmcParams { model: LoadModel::Runalyze, form: FormConvention::SameDay,
//!     start: Start::Given { fitness: 0.0, fatigue: 0.0 }, ..PmcParams::default() };
//! let days = compute(&[1000.0], &params);
//! // Runalyze's published case: one workout of 1000 gives fitness 47, fatigue 250, form -203.
//! assert_eq!(days[0].fitness.round(), 47.0);
//! assert_eq!(days[0].fatigue.round(), 250.0);
//! assert_eq!(days[0].form.round(), -203.0);
//! ```

use crate::model::{FormConvention, LoadModel, Settings};

/// Days in the acute window of the ACWR.
pub const ACUTE_DAYS: u32 = 7;
/// Days in the chronic window of the ACWR.
pub const CHRONIC_DAYS: u32 = 28;
/// The chronic weekly load under which the ACWR is undefined: about two hours of easy
/// running (an easy hour scores about 55).
pub const ACWR_MIN_WEEKLY_LOAD: f64 = 100.0;
/// Days of data whose mean daily load seeds fitness and fatigue.
pub const SEED_DAYS: usize = 28;
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
    lambda_of_days(model, f64::from(days.max(1)))
}

/// [`lambda`] for a time constant that need not be a whole number of days (a fitted one);
/// `days` is at least 1.
pub fn lambda_of_days(model: LoadModel, days: f64) -> f64 {
    let n = days.max(1.0);
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
    /// Where fitness and fatigue start.
    pub start: Start,
}

/// Where fitness and fatigue start, the day before the first day of data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Start {
    /// Both at the mean daily load of the first [`SEED_DAYS`] days of data ([`seed_load`]).
    FirstWeeks,
    /// Given values (a season start).
    Given {
        /// Fitness the day before the first day.
        fitness: f64,
        /// Fatigue the day before the first day.
        fatigue: f64,
    },
}

/// The mean daily load of the first [`SEED_DAYS`] days from the first day with a load (all
/// of them when there are fewer); 0 without any load.
///
/// ```
/// use stride::science::pmc::seed_load;
/// assert_eq!(seed_load(&[0.0, 0.0, 60.0, 0.0, 90.0]), 50.0);
/// assert_eq!(seed_load(&[]), 0.0);
/// ```
pub fn seed_load(loads: &[f64]) -> f64 {
    let Some(first) = loads.iter().position(|l| *l > 0.0) else {
        return 0.0;
    };
    let window = &loads[first..loads.len().min(first + SEED_DAYS)];
    window.iter().sum::<f64>() / window.len() as f64
}

/// Acute:chronic workload ratio of every day: the last 7 days' load over the average weekly
/// load of the last 28 (see the module notes). `training` holds the daily loads to count
/// (race days as 0); days before it count `before` each. A day is undefined when its
/// chronic weekly load is under [`ACWR_MIN_WEEKLY_LOAD`], and while the window reaches before
/// the data if `before` is 0.
///
/// ```
/// use stride::science::pmc::acwr;
/// // Four weeks at 30 a day, then a week at 60: 420 over (3 x 210 + 420) / 4.
/// let mut loads = vec![30.0; 28];
/// loads.extend([60.0; 7]);
/// let ratio = acwr(&loads, 30.0);
/// assert_eq!(ratio[0], Some(1.0));
/// assert!((ratio[34].unwrap() - 420.0 / 262.5).abs() < 1e-12);
/// ```
pub fn acwr(training: &[f64], before: f64) -> Vec<Option<f64>> {
    let mut out = Vec::with_capacity(training.len());
    acwr_each(
        training.len(),
        |i| training[i],
        before,
        |_, ratio| out.push(ratio),
    );
    out
}

/// [`acwr`] over a plan with days off (travel, illness): their zero load counts in the acute
/// week, which it lightens, but not in the chronic average, which is taken over the other
/// days of the 28. A short spell off then neither hides the runner's usual load nor makes
/// the return look like a spike. `off[i]` marks day `i` (missing entries are not off).
///
/// ```
/// use stride::science::pmc::{acwr, acwr_with_days_off};
/// // Three weeks at 40 a day, a week off, then a week back at 40.
/// let mut loads = vec![40.0; 21];
/// loads.extend([0.0; 7]);
/// loads.extend([40.0; 7]);
/// let mut off = vec![false; 35];
/// off[21..28].fill(true);
/// let plain = acwr(&loads, 40.0)[34].unwrap();
/// let with_off = acwr_with_days_off(&loads, &off, 40.0)[34].unwrap();
/// assert!(plain > 1.3 && (with_off - 1.0).abs() < 1e-9);
/// ```
pub fn acwr_with_days_off(training: &[f64], off: &[bool], before: f64) -> Vec<Option<f64>> {
    let (acute_n, chronic_n) = (ACUTE_DAYS as usize, CHRONIC_DAYS as usize);
    let is_off = |i: usize| off.get(i).copied().unwrap_or(false);
    (0..training.len())
        .map(|i| {
            let acute: f64 = (0..acute_n)
                .map(|back| i.checked_sub(back).map_or(before, |j| training[j]))
                .sum();
            let (mut sum, mut count) = (0.0, 0usize);
            for back in 0..chronic_n {
                match i.checked_sub(back) {
                    Some(j) if is_off(j) => {}
                    Some(j) => {
                        sum += training[j];
                        count += 1;
                    }
                    None => {
                        sum += before;
                        count += 1;
                    }
                }
            }
            let known = before > 0.0 || i + 1 >= chronic_n;
            let weekly = if count == 0 {
                0.0
            } else {
                sum / count as f64 * acute_n as f64
            };
            (known && weekly >= ACWR_MIN_WEEKLY_LOAD).then(|| acute.max(0.0) / weekly)
        })
        .collect()
}

/// [`acwr`] without a buffer: `load(i)` gives day `i`'s load to count, and `each(i, ratio)`
/// receives every day's ratio in order.
fn acwr_each(
    len: usize,
    load: impl Fn(usize) -> f64,
    before: f64,
    mut each: impl FnMut(usize, Option<f64>),
) {
    let (acute_n, chronic_n) = (ACUTE_DAYS as usize, CHRONIC_DAYS as usize);
    let at = |i: usize, back: usize| i.checked_sub(back).map_or(before, &load);
    let (mut acute, mut chronic) = (before * acute_n as f64, before * chronic_n as f64);
    for i in 0..len {
        let today = load(i);
        acute += today - at(i, acute_n);
        chronic += today - at(i, chronic_n);
        let weekly = chronic * acute_n as f64 / chronic_n as f64;
        let known = before > 0.0 || i + 1 >= chronic_n;
        each(
            i,
            (known && weekly >= ACWR_MIN_WEEKLY_LOAD).then(|| acute.max(0.0) / weekly),
        );
    }
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
            start: if s.start_fitness == 0.0 && s.start_fatigue == 0.0 {
                Start::FirstWeeks
            } else {
                Start::Given {
                    fitness: s.start_fitness,
                    fatigue: s.start_fatigue,
                }
            },
        }
    }

    /// Fitness and fatigue the day before the first day of `loads`.
    pub fn start_values(&self, loads: &[f64]) -> (f64, f64) {
        match self.start {
            Start::FirstWeeks => {
                let seed = seed_load(loads);
                (seed, seed)
            }
            Start::Given { fitness, fatigue } => (fitness, fatigue),
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
    compute_into(loads, &[], params, &mut out);
    out
}

/// [`compute`] into a buffer that is cleared first, so repeated runs do not allocate.
/// `race_days` flags the days that hold a race (missing entries: no race); the ACWR leaves
/// them out.
pub fn compute_into(loads: &[f64], race_days: &[bool], params: &PmcParams, out: &mut Vec<PmcDay>) {
    out.clear();
    let (lc, la) = (params.fitness_lambda(), params.fatigue_lambda());
    let (mut fitness, mut fatigue) = params.start_values(loads);
    let before = fitness;
    for (i, &load) in loads.iter().enumerate() {
        let (fitness_before, fatigue_before) = (fitness, fatigue);
        fitness += lc * (load - fitness);
        fatigue += la * (load - fatigue);
        let form = match params.form {
            FormConvention::StartOfDay => fitness_before - fatigue_before,
            FormConvention::SameDay => fitness - fatigue,
        };
        let ramp = (i >= 7).then(|| fitness - out[i - 7].fitness);
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
            acwr: None,
            monotony,
            strain: monotony.map(|m| week_load * m),
        });
    }
    let training = |i: usize| {
        if race_days.get(i) == Some(&true) {
            0.0
        } else {
            loads[i]
        }
    };
    acwr_each(loads.len(), training, before, |i, ratio| {
        out[i].acwr = ratio
    });
}

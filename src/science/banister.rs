//! The Banister impulse-response model: performance from fitness and fatigue, fitted to an
//! athlete's races (`training-science.md` sections 2 and 8).
//!
//! ```text
//! p(t) = p0 + k1 g(t) - k2 h(t)
//! ```
//!
//! `p` is the VDOT of a race run on day `t`; `g` and `h` are fitness and fatigue on that
//! morning, the same exponentially weighted averages of the daily loads as the fitness and
//! fatigue lines ([`super::pmc`]: the document's weighting and starting values), with time
//! constants that may be fitted. Because `g` and `h` are averages rather than Banister's
//! sums, `k1` and `k2` are "VDOT per point of fitness (fatigue)": Banister's gains times the
//! time constant.
//!
//! - **Fit.** For fixed time constants the model is linear in `(p0, k1, k2)`, so the fit is
//!   closed-form: Bayesian least squares with a Gaussian prior on `k1` and `k2`
//!   ([`population`]) and a flat one on `p0`. The prior is what regularises the fit toward
//!   population values when races are few; with many races the data outweigh it. With
//!   [`FitOptions::fit_time_constants`] the two time constants are fitted within
//!   [`FITNESS_DAYS_BOUNDS`] and [`FATIGUE_DAYS_BOUNDS`] by Levenberg-Marquardt on their
//!   logarithms, the linear parameters solved in closed form at each step (variable
//!   projection), from the best point of a small grid, so the result does not depend on a
//!   starting guess. At least [`MIN_PERFORMANCES`] races are needed.
//! - **Band.** A prediction carries an 80% band: the parameters' posterior covariance and
//!   the race-to-race noise, whose size comes from the residuals blended with a prior of
//!   [`population::RACE_NOISE_VDOT`] worth two races (so four races that happen to sit on a
//!   line do not give a band of zero). The uncertainty of fitted time constants is not in
//!   the band.
//! - **Cautions** (section 8). The parameters are poorly identifiable: different
//!   `(k1, k2, tau)` fit the same races about equally well (Marchal et al. 2025). Read the
//!   model by its predictions and their band, not by its parameters.
//!
//! ```
//! use stride::model::LoadModel;
//! use stride::science::banister::{FitOptions, Observation, TimeConstants, fit};
//!
//! // Four years of training that alternates easy and hard months, with a race every 5 weeks
//! // by a runner whose VDOT follows the model exactly.
//! let loads: Vec<f64> = (0..1460).map(|d| if (d / 30) % 2 == 0 { 40.0 } else { 80.0 }).collect();
//! let taus = TimeConstants { fitness_days: 42.0, fatigue_days: 7.0 };
//! let truth = stride::science::banister::Model::new(38.0, 0.12, 0.06, taus, LoadModel::Trainingpeaks);
//! let days: Vec<usize> = (1..40).map(|i| i * 35).collect();
//! let states = truth.mornings(&loads, (40.0, 40.0), &days);
//! let races: Vec<Observation> = days.iter().zip(&states)
//!     .map(|(&day, &(g, h))| Observation { day, vdot: truth.value(g, h) })
//!     .collect();
//! let fitted = fit(&loads, (40.0, 40.0), LoadModel::Trainingpeaks, taus, &races, FitOptions::default()).unwrap();
//! assert!(fitted.rmse_vdot < 0.05);
//! ```

use super::pmc::lambda_of_days;
use crate::model::LoadModel;

/// Fewest races a fit takes.
pub const MIN_PERFORMANCES: usize = 4;
/// Where a fitted fitness time constant may lie, days: around Banister's 42-50 (Banister
/// 1975; GoldenCheetah's 50), wide enough for the spread Busso reported.
pub const FITNESS_DAYS_BOUNDS: (f64, f64) = (21.0, 70.0);
/// Where a fitted fatigue time constant may lie, days: around the usual 7-15.
pub const FATIGUE_DAYS_BOUNDS: (f64, f64) = (3.0, 20.0);
/// z of the two-sided 80% band.
pub const BAND_Z: f64 = 1.2816;

/// Population values of the model and of the noise, the prior a fit shrinks toward and
/// what predictions use before there are enough races.
///
/// The ratio `k2/k1` of about one half follows Morton et al. 1990 (J Appl Physiol
/// 69:1171: `k1` 1, `k2` 2 with 45- and 11-day time constants; in Stride's averaged units
/// each gain is multiplied by its time constant, giving about 0.5). The scale of `k1`, 0.1
/// VDOT per point of fitness, is Stride's own: it makes 50 points of steady fitness worth
/// about 2.5 VDOT over none, and a one-week halving of the load before a race worth a few
/// tenths, the size of the taper gains in the literature (2-3% of race time). The noise of
/// 0.7 VDOT (about 1.5% of race time) is the race-to-race spread of a runner whose fitness
/// has not changed, Stride's own estimate.
pub mod population {
    /// VDOT per point of fitness.
    pub const K1: f64 = 0.10;
    /// The prior's standard deviation of `k1`.
    pub const K1_SD: f64 = 0.05;
    /// VDOT per point of fatigue.
    pub const K2: f64 = 0.05;
    /// The prior's standard deviation of `k2`.
    pub const K2_SD: f64 = 0.03;
    /// Race-to-race noise, VDOT.
    pub const RACE_NOISE_VDOT: f64 = 0.7;
    /// How many races' worth of weight the prior noise has when the residuals give theirs.
    pub const NOISE_PRIOR_RACES: f64 = 2.0;
}

/// The two time constants, in days (not necessarily whole).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeConstants {
    /// Fitness.
    pub fitness_days: f64,
    /// Fatigue.
    pub fatigue_days: f64,
}

/// One race: the day (an index into the daily loads) and its VDOT.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Observation {
    /// Index of the race day in the loads (its morning values are used).
    pub day: usize,
    /// VDOT the race gives.
    pub vdot: f64,
}

/// How to fit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FitOptions {
    /// Fit the time constants within their bounds (otherwise they are given).
    pub fit_time_constants: bool,
}

/// Why there is no fit.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FitError {
    /// Too few races.
    #[error(
        "{found} race{s} with a usable time; the model needs at least {needed} to fit",
        s = if *found == 1 { "" } else { "s" }
    )]
    TooFewPerformances {
        /// Races found.
        found: usize,
        /// Races needed.
        needed: usize,
    },
    /// The numbers did not allow a solution (all races on one day, say).
    #[error("the races do not determine the model (they fall on too few different days)")]
    Degenerate,
}

/// A model: its parameters and their uncertainty.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// VDOT with no fitness and no fatigue.
    pub p0: f64,
    /// VDOT per point of fitness.
    pub k1: f64,
    /// VDOT per point of fatigue.
    pub k2: f64,
    /// The time constants.
    pub taus: TimeConstants,
    /// How the averages are weighted.
    pub weighting: LoadModel,
    /// Covariance of `(p0, k1, k2)`.
    covariance: [[f64; 3]; 3],
    /// Race-to-race noise, VDOT.
    noise_sd: f64,
}

/// A fitted model with how well it fits.
#[derive(Clone, Debug, PartialEq)]
pub struct Fitted {
    /// The model.
    pub model: Model,
    /// The model's value on each race's morning, in the order of the observations.
    pub fitted: Vec<f64>,
    /// Root mean square of the residuals, VDOT.
    pub rmse_vdot: f64,
}

impl Model {
    /// A model with exact parameters and no uncertainty in them (noise: the population's).
    pub fn new(p0: f64, k1: f64, k2: f64, taus: TimeConstants, weighting: LoadModel) -> Self {
        Model {
            p0,
            k1,
            k2,
            taus,
            weighting,
            covariance: [[0.0; 3]; 3],
            noise_sd: population::RACE_NOISE_VDOT,
        }
    }

    /// The population model anchored on one race: `k1` and `k2` at their population values,
    /// `p0` such that the model passes through the race, with the band the prior's spread
    /// of `k1` and `k2` and the noise of both races give.
    pub fn population(
        anchor: (f64, f64),
        anchor_vdot: f64,
        taus: TimeConstants,
        weighting: LoadModel,
    ) -> Self {
        use population::*;
        let (g, h) = anchor;
        let (v1, v2, vn) = (
            K1_SD * K1_SD,
            K2_SD * K2_SD,
            RACE_NOISE_VDOT * RACE_NOISE_VDOT,
        );
        // p0 = vdot - k1 g + k2 h, with the anchor's noise and the gains' spread.
        let covariance = [
            [vn + g * g * v1 + h * h * v2, -g * v1, h * v2],
            [-g * v1, v1, 0.0],
            [h * v2, 0.0, v2],
        ];
        Model {
            p0: anchor_vdot - K1 * g + K2 * h,
            k1: K1,
            k2: K2,
            taus,
            weighting,
            covariance,
            noise_sd: RACE_NOISE_VDOT,
        }
    }

    /// The model's VDOT for a morning's fitness and fatigue.
    pub fn value(&self, fitness: f64, fatigue: f64) -> f64 {
        self.p0 + self.k1 * fitness - self.k2 * fatigue
    }

    /// The model's VDOT with its 80% band: `(value, low, high)`.
    pub fn band(&self, fitness: f64, fatigue: f64) -> (f64, f64, f64) {
        let x = [1.0, fitness, -fatigue];
        let mut spread = self.noise_sd * self.noise_sd;
        for (i, row) in self.covariance.iter().enumerate() {
            for (j, c) in row.iter().enumerate() {
                spread += x[i] * c * x[j];
            }
        }
        let value = self.value(fitness, fatigue);
        let half = BAND_Z * spread.max(0.0).sqrt();
        (value, value - half, value + half)
    }

    /// Fitness and fatigue on the mornings of `days` (ascending indexes into `loads`; days
    /// past the end count no load), from `start` the day before day 0.
    pub fn mornings(&self, loads: &[f64], start: (f64, f64), days: &[usize]) -> Vec<(f64, f64)> {
        let mut out = Vec::with_capacity(days.len());
        mornings_into(loads, start, self.lambdas(), days, &mut out);
        out
    }

    /// The smoothing factors of fitness and fatigue.
    pub fn lambdas(&self) -> (f64, f64) {
        lambdas(self.weighting, self.taus)
    }

    /// Race-to-race noise the band includes, VDOT.
    pub fn noise_sd(&self) -> f64 {
        self.noise_sd
    }
}

fn lambdas(weighting: LoadModel, taus: TimeConstants) -> (f64, f64) {
    (
        lambda_of_days(weighting, taus.fitness_days),
        lambda_of_days(weighting, taus.fatigue_days),
    )
}

/// Fitness and fatigue on the mornings of ascending `days`, into `out` (cleared first).
pub fn mornings_into(
    loads: &[f64],
    start: (f64, f64),
    (lc, la): (f64, f64),
    days: &[usize],
    out: &mut Vec<(f64, f64)>,
) {
    out.clear();
    let (mut g, mut h) = start;
    let mut next = 0;
    for &day in days {
        while next < day {
            let load = loads.get(next).copied().unwrap_or(0.0);
            g += lc * (load - g);
            h += la * (load - h);
            next += 1;
        }
        out.push((g, h));
    }
}

/// Fits the model to races over daily loads.
///
/// # Errors
/// [`FitError::TooFewPerformances`] under [`MIN_PERFORMANCES`] races;
/// [`FitError::Degenerate`] when they determine nothing.
pub fn fit(
    loads: &[f64],
    start: (f64, f64),
    weighting: LoadModel,
    taus: TimeConstants,
    races: &[Observation],
    options: FitOptions,
) -> Result<Fitted, FitError> {
    if races.len() < MIN_PERFORMANCES {
        return Err(FitError::TooFewPerformances {
            found: races.len(),
            needed: MIN_PERFORMANCES,
        });
    }
    let mut races = races.to_vec();
    races.sort_by_key(|r| r.day);
    let problem = Problem {
        loads,
        start,
        weighting,
        races: &races,
    };
    let taus = if options.fit_time_constants {
        problem.best_time_constants(taus)
    } else {
        taus
    };
    let solved = problem.solve(taus).ok_or(FitError::Degenerate)?;
    // Back in the caller's order.
    let mut fitted = Vec::with_capacity(races.len());
    let mut states = Vec::new();
    problem.states(taus, &mut states);
    let mut squares = 0.0;
    for (race, &(g, h)) in races.iter().zip(&states) {
        let value = solved.value(g, h);
        squares += (race.vdot - value).powi(2);
        fitted.push(value);
    }
    let n = races.len() as f64;
    let rmse_vdot = (squares / n).sqrt();
    Ok(Fitted {
        model: solved,
        fitted,
        rmse_vdot,
    })
}

struct Problem<'a> {
    loads: &'a [f64],
    start: (f64, f64),
    weighting: LoadModel,
    races: &'a [Observation],
}

impl Problem<'_> {
    fn states(&self, taus: TimeConstants, out: &mut Vec<(f64, f64)>) {
        let days: Vec<usize> = self.races.iter().map(|r| r.day).collect();
        mornings_into(
            self.loads,
            self.start,
            lambdas(self.weighting, taus),
            &days,
            out,
        );
    }

    /// The closed-form solution for fixed time constants.
    fn solve(&self, taus: TimeConstants) -> Option<Model> {
        use population::*;
        let mut states = Vec::with_capacity(self.races.len());
        self.states(taus, &mut states);
        let noise = RACE_NOISE_VDOT * RACE_NOISE_VDOT;
        let prior_precision = [0.0, 1.0 / (K1_SD * K1_SD), 1.0 / (K2_SD * K2_SD)];
        let prior_mean = [0.0, K1, K2];
        let normal = |noise: f64| {
            let mut a = [[0.0; 3]; 3];
            let mut b = [0.0; 3];
            for (race, &(g, h)) in self.races.iter().zip(&states) {
                let x = [1.0, g, -h];
                for i in 0..3 {
                    b[i] += x[i] * race.vdot / noise;
                    for j in 0..3 {
                        a[i][j] += x[i] * x[j] / noise;
                    }
                }
            }
            for i in 0..3 {
                a[i][i] += prior_precision[i];
                b[i] += prior_precision[i] * prior_mean[i];
            }
            (a, b)
        };
        let (a, b) = normal(noise);
        let inverse = invert(&a)?;
        let theta: [f64; 3] = std::array::from_fn(|i| (0..3).map(|j| inverse[i][j] * b[j]).sum());
        let squares: f64 = self
            .races
            .iter()
            .zip(&states)
            .map(|(r, &(g, h))| (r.vdot - (theta[0] + theta[1] * g - theta[2] * h)).powi(2))
            .sum();
        let n = self.races.len() as f64;
        let noise_sd = ((squares + NOISE_PRIOR_RACES * noise) / (n + NOISE_PRIOR_RACES)).sqrt();
        let covariance = invert(&normal(noise_sd * noise_sd).0)?;
        Some(Model {
            p0: theta[0],
            k1: theta[1],
            k2: theta[2],
            taus,
            weighting: self.weighting,
            covariance,
            noise_sd,
        })
    }

    /// The weighted residuals of the closed-form solution (races, then the two prior terms),
    /// whose sum of squares the time constants minimise.
    fn residuals(&self, u: [f64; 2]) -> Option<Vec<f64>> {
        use population::*;
        let taus = TimeConstants {
            fitness_days: u[0].exp(),
            fatigue_days: u[1].exp(),
        };
        let model = self.solve(taus)?;
        let mut states = Vec::with_capacity(self.races.len());
        self.states(taus, &mut states);
        let mut r: Vec<f64> = self
            .races
            .iter()
            .zip(&states)
            .map(|(race, &(g, h))| (race.vdot - model.value(g, h)) / RACE_NOISE_VDOT)
            .collect();
        r.push((model.k1 - K1) / K1_SD);
        r.push((model.k2 - K2) / K2_SD);
        Some(r)
    }

    fn cost(&self, u: [f64; 2]) -> f64 {
        self.residuals(u)
            .map_or(f64::INFINITY, |r| r.iter().map(|x| x * x).sum())
    }

    /// Levenberg-Marquardt over the logarithms of the time constants, from the best of a
    /// grid (and the given constants), kept inside the bounds.
    fn best_time_constants(&self, given: TimeConstants) -> TimeConstants {
        let lo = [FITNESS_DAYS_BOUNDS.0.ln(), FATIGUE_DAYS_BOUNDS.0.ln()];
        let hi = [FITNESS_DAYS_BOUNDS.1.ln(), FATIGUE_DAYS_BOUNDS.1.ln()];
        let clamp = |u: [f64; 2]| [u[0].clamp(lo[0], hi[0]), u[1].clamp(lo[1], hi[1])];
        let mut starts = vec![clamp([given.fitness_days.ln(), given.fatigue_days.ln()])];
        for i in 0..5 {
            for j in 0..4 {
                let f = f64::from(i) / 4.0;
                let a = f64::from(j) / 3.0;
                starts.push([lo[0] + f * (hi[0] - lo[0]), lo[1] + a * (hi[1] - lo[1])]);
            }
        }
        let mut u = starts[0];
        let mut cost = self.cost(u);
        for s in starts {
            let c = self.cost(s);
            if c < cost {
                (u, cost) = (s, c);
            }
        }
        let mut mu = 1e-2;
        const STEP: f64 = 1e-5;
        for _ in 0..100 {
            let Some(r) = self.residuals(u) else { break };
            let mut columns = [Vec::new(), Vec::new()];
            for (k, column) in columns.iter_mut().enumerate() {
                let mut moved = u;
                moved[k] += STEP;
                let Some(r2) = self.residuals(moved) else {
                    return self.taus_of(u);
                };
                *column = r2.iter().zip(&r).map(|(b, a)| (b - a) / STEP).collect();
            }
            let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
            let jtj = [
                [dot(&columns[0], &columns[0]), dot(&columns[0], &columns[1])],
                [dot(&columns[1], &columns[0]), dot(&columns[1], &columns[1])],
            ];
            let jtr = [dot(&columns[0], &r), dot(&columns[1], &r)];
            let mut improved = false;
            for _ in 0..10 {
                let m = [
                    [jtj[0][0] * (1.0 + mu) + 1e-12, jtj[0][1]],
                    [jtj[1][0], jtj[1][1] * (1.0 + mu) + 1e-12],
                ];
                let det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
                if det.abs() < 1e-300 {
                    break;
                }
                let delta = [
                    -(m[1][1] * jtr[0] - m[0][1] * jtr[1]) / det,
                    -(m[0][0] * jtr[1] - m[1][0] * jtr[0]) / det,
                ];
                let candidate = clamp([u[0] + delta[0], u[1] + delta[1]]);
                let c = self.cost(candidate);
                if c < cost {
                    let moved = (candidate[0] - u[0]).abs() + (candidate[1] - u[1]).abs();
                    (u, cost) = (candidate, c);
                    mu = (mu / 3.0).max(1e-9);
                    improved = moved > 1e-7;
                    break;
                }
                mu *= 4.0;
            }
            if !improved {
                break;
            }
        }
        self.taus_of(u)
    }

    fn taus_of(&self, u: [f64; 2]) -> TimeConstants {
        TimeConstants {
            fitness_days: u[0].exp(),
            fatigue_days: u[1].exp(),
        }
    }
}

/// The inverse of a symmetric positive definite 3x3 matrix, by cofactors.
fn invert(a: &[[f64; 3]; 3]) -> Option<[[f64; 3]; 3]> {
    let c = |i: usize, j: usize| {
        let (r0, r1) = ((i + 1) % 3, (i + 2) % 3);
        let (c0, c1) = ((j + 1) % 3, (j + 2) % 3);
        a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0]
    };
    let det = a[0][0] * c(0, 0) + a[0][1] * c(0, 1) + a[0][2] * c(0, 2);
    let scale = a.iter().flatten().map(|x| x.abs()).fold(0.0, f64::max);
    if !det.is_finite() || det.abs() <= 1e-12 * scale.powi(3) {
        return None;
    }
    // The inverse is the transposed cofactor matrix over the determinant.
    Some(std::array::from_fn(|i| {
        std::array::from_fn(|j| c(j, i) / det)
    }))
}

//! A week's quality sessions: which kinds a race and phase call for, and how much work each
//! holds within Daniels' caps (`training-science.md` sections 4, 5 and 7).
//!
//! | race | build | peak and taper |
//! | --- | --- | --- |
//! | 5K | intervals (I), repetitions (R), threshold (T) | 5K pace, R, T |
//! | 10K | I, T | 10K pace, T, I |
//! | half marathon | T, I | half-marathon pace, T, I |
//! | marathon | T, marathon pace (M), I | M runs, T, I; M finishes on long runs |
//!
//! The base phase holds hills and strides; runners new to training (a training age of a year
//! or less, or a beginner's level) start with strides and fartlek, and the first two weeks
//! hold nothing harder. Race pace is the pace the athlete's VDOT predicts for the goal
//! race's distance.
//!
//! **Caps** (Daniels, per week): threshold work at most [`T_SHARE`] of the week, interval work
//! at most the lesser of [`I_MAX_KM`] and [`I_SHARE`], repetition work at most the lesser of
//! [`R_MAX_KM`] and [`R_SHARE`]. Race-pace work counts toward I when it is faster than T pace
//! (5K to about 15K); slower race pace (half marathon) has a budget of its own,
//! [`HALF_PACE_SHARE`]. A marathon-pace run holds at most
//! [`M_SESSION_SHARE`] of the week and Daniels' 29 km or 110 minutes. All faster running
//! together, long-run M finishes included, stays within [`NON_EASY_SHARE`] of the week's
//! time, so R9's 80% easy holds (Seiler & Tonnessen 2009).

use super::recipe::Recipe;
use super::sessions::{M_RUN_MAX_KM, M_RUN_MAX_S};
use super::shape::RaceClass;
use crate::model::PhaseKind;
use crate::science::paces::TrainingPaces;

/// Daniels: threshold work, share of the week.
pub const T_SHARE: f64 = 0.10;
/// Daniels: interval work, share of the week.
pub const I_SHARE: f64 = 0.08;
/// Daniels: interval work, km.
pub const I_MAX_KM: f64 = 10.0;
/// Daniels: repetition work, share of the week.
pub const R_SHARE: f64 = 0.05;
/// Daniels: repetition work, km.
pub const R_MAX_KM: f64 = 8.0;
/// Half-marathon-pace work's share of the week (Stride's choice: as much as Daniels allows
/// at T, the next faster pace).
pub const HALF_PACE_SHARE: f64 = 0.10;
/// A marathon-pace run's share of the week.
pub const M_SESSION_SHARE: f64 = 0.15;
/// All faster running's share of the week's time (R9 asks for 80% easy).
pub const NON_EASY_SHARE: f64 = 0.16;
/// A marathon long run's M finish: at most this share of the long run.
pub const LONG_M_SHARE: f64 = 0.25;
/// Days from the plan's start in which runners new to training run nothing harder than
/// strides and fartlek.
pub const GENTLE_START_DAYS: i64 = 14;

/// A quality session before sizing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Strides,
    Fartlek,
    Hills,
    Tempo,
    Intervals,
    Reps,
    RacePace,
    Marathon,
}

/// Which budget a kind draws from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Budget {
    T,
    I,
    R,
    /// Half-marathon pace: between M and T, a budget of its own.
    Half,
    Other,
}

/// What a week's quality sessions are chosen and sized from.
pub(super) struct QualityWeek<'a> {
    pub class: RaceClass,
    pub paces: &'a TrainingPaces,
    pub phase: PhaseKind,
    pub volume: f64,
    /// The week's index (varies the sessions).
    pub week: usize,
    /// How many quality sessions the week holds.
    pub count: usize,
    /// The week lies in a new runner's gentle start.
    pub gentle: bool,
    /// A new runner (a training age of a year or less, or a beginner).
    pub novice: bool,
    /// Kilometres at M pace in the week's long run.
    pub long_m_km: f64,
    /// The goal race's predicted pace is faster than T pace (5K to about 15K): its work
    /// counts toward I; slower (half marathon) toward a budget of its own.
    pub race_faster_than_t: bool,
}

impl QualityWeek<'_> {
    fn kinds(&self) -> Vec<Kind> {
        use Kind::*;
        let even = self.week.is_multiple_of(2);
        if self.gentle {
            return vec![Strides, Fartlek];
        }
        match (self.phase, self.class) {
            (PhaseKind::Base, _) if self.novice => {
                if even {
                    vec![Fartlek, Hills]
                } else {
                    vec![Hills, Fartlek]
                }
            }
            (PhaseKind::Base, _) if even => vec![Hills, Strides, Tempo],
            (PhaseKind::Base, _) => vec![Strides, Hills, Tempo],
            (PhaseKind::Build, RaceClass::Five) if even => vec![Intervals, Reps, Tempo],
            (PhaseKind::Build, RaceClass::Five) => vec![Tempo, Intervals, Reps],
            (PhaseKind::Build, RaceClass::Ten) if even => vec![Intervals, Tempo, Reps],
            (PhaseKind::Build, RaceClass::Ten) => vec![Tempo, Intervals, Reps],
            (PhaseKind::Build, RaceClass::Half) if even => vec![Tempo, Intervals, Hills],
            (PhaseKind::Build, RaceClass::Half) => vec![Intervals, Tempo, Hills],
            (PhaseKind::Build, RaceClass::Marathon) if even => vec![Tempo, Marathon, Intervals],
            (PhaseKind::Build, RaceClass::Marathon) => vec![Marathon, Tempo, Intervals],
            (_, RaceClass::Five) if even => vec![RacePace, Reps, Tempo],
            (_, RaceClass::Five) => vec![RacePace, Tempo, Reps],
            (_, RaceClass::Ten) if even => vec![RacePace, Tempo, Intervals],
            (_, RaceClass::Ten) => vec![RacePace, Tempo, Reps],
            (_, RaceClass::Half) if even => vec![RacePace, Tempo, Intervals],
            (_, RaceClass::Half) => vec![RacePace, Intervals, Tempo],
            (_, RaceClass::Marathon) if even => vec![Marathon, Tempo, Intervals],
            (_, RaceClass::Marathon) => vec![Marathon, Intervals, Tempo],
        }
    }

    fn budget(&self, k: Kind) -> Budget {
        match k {
            Kind::Tempo => Budget::T,
            Kind::Intervals => Budget::I,
            Kind::Reps => Budget::R,
            Kind::RacePace if !self.race_faster_than_t => Budget::Half,
            Kind::RacePace => Budget::I,
            _ => Budget::Other,
        }
    }

    /// The pace of a kind's work, seconds per km.
    fn pace(&self, k: Kind) -> f64 {
        let p = self.paces;
        match k {
            Kind::Tempo => p.threshold_s_per_km,
            Kind::Intervals => p.interval_s_per_km,
            Kind::Reps => p.repetition_s_per_km,
            Kind::Marathon => p.marathon_s_per_km,
            Kind::RacePace if !self.race_faster_than_t => p.threshold_s_per_km,
            _ => p.interval_s_per_km,
        }
    }

    /// The week's quality sessions, most important first, sized within the caps.
    pub(super) fn sessions(&self) -> Vec<Recipe> {
        let v = self.volume;
        let kinds: Vec<Kind> = self.kinds().into_iter().take(self.count).collect();
        let cap = |b: Budget| match b {
            Budget::T => T_SHARE * v,
            Budget::I => (I_SHARE * v).min(I_MAX_KM),
            Budget::R => (R_SHARE * v).min(R_MAX_KM),
            Budget::Half => HALF_PACE_SHARE * v,
            Budget::Other => 0.0,
        };
        // A hair under the caps, for the rounding of reps.
        let work: Vec<f64> = kinds
            .iter()
            .map(|&k| match k {
                Kind::Marathon => (M_SESSION_SHARE * v)
                    .min(M_RUN_MAX_KM)
                    .min(M_RUN_MAX_S / self.paces.marathon_s_per_km),
                _ => {
                    // Race pace takes the larger part of a budget it shares.
                    let weight = |x: Kind| if x == Kind::RacePace { 1.5 } else { 1.0 };
                    let b = self.budget(k);
                    let sharing: f64 = kinds
                        .iter()
                        .filter(|&&x| self.budget(x) == b)
                        .map(|&x| weight(x))
                        .sum();
                    0.95 * cap(b) * weight(k) / sharing.max(1.0)
                }
            })
            .collect();
        // Hills: a rep a 6 km of the week, 4-10; fixed minutes of faster running for strides
        // and fartlek.
        let hill_reps = ((v / 6.0).round() as u32).clamp(4, 10);
        let climb_s = [60.0, 75.0, 90.0][self.week % 3];
        let fixed_min = |k: Kind| match k {
            Kind::Hills => f64::from(hill_reps) * climb_s / 60.0,
            Kind::Fartlek => FARTLEK_PICKUPS as f64,
            Kind::Strides => 2.0,
            _ => 0.0,
        };
        let fast_min: f64 = kinds
            .iter()
            .zip(&work)
            .map(|(&k, w)| w * self.pace(k) / 60.0 + fixed_min(k))
            .sum();
        let week_min = v * self.paces.easy_typical_s_per_km / 60.0;
        let long_m_min = self.long_m_km * self.paces.marathon_s_per_km / 60.0;
        let room = (NON_EASY_SHARE * week_min - long_m_min).max(0.0);
        let f = if fast_min > room {
            room / fast_min
        } else {
            1.0
        };
        let variant = self.week;
        kinds
            .iter()
            .zip(work)
            .map(|(&k, w)| {
                let w = w * f;
                match k {
                    Kind::Strides => Recipe::Strides(0.0),
                    Kind::Fartlek => Recipe::Fartlek {
                        km: 0.0,
                        pickups: FARTLEK_PICKUPS,
                    },
                    Kind::Hills => Recipe::Hills {
                        weekly: v,
                        reps: ((f64::from(hill_reps) * f).floor() as u32).max(3),
                        variant,
                    },
                    Kind::Tempo if w >= 1.0 => Recipe::Tempo {
                        weekly: v,
                        work: w,
                        variant,
                    },
                    Kind::Intervals if w >= 0.8 => Recipe::Intervals {
                        weekly: v,
                        work: w,
                        variant,
                    },
                    Kind::Reps if w >= 0.8 => Recipe::Reps {
                        weekly: v,
                        work: w,
                        variant,
                    },
                    Kind::RacePace if w >= 0.8 => Recipe::RacePace {
                        weekly: v,
                        work: w,
                        variant,
                    },
                    Kind::Marathon if w >= 3.0 => Recipe::Marathon { weekly: v, work: w },
                    // Too little room for the session: an easy run with strides.
                    _ => Recipe::Strides(0.0),
                }
            })
            .collect()
    }
}

/// Pick-ups in a fartlek session, one minute each.
pub(super) const FARTLEK_PICKUPS: u32 = 6;

/// Kilometres at M pace in a marathon long run of `long_km`: a quarter of it, within half the
/// week's room for faster running, or all of it in a week without quality sessions
/// (Pfitzinger: 8-16 miles at M within long runs in the last 8-10 weeks).
pub(super) fn long_run_m_km(
    paces: &TrainingPaces,
    volume: f64,
    long_km: f64,
    sessions: usize,
) -> f64 {
    let share = if sessions == 0 { 1.0 } else { 0.5 };
    let room_min = share * NON_EASY_SHARE * volume * paces.easy_typical_s_per_km / 60.0;
    (LONG_M_SHARE * long_km)
        .min(room_min * 60.0 / paces.marathon_s_per_km)
        .floor()
}

/// Whether the pace predicted for a race of `distance_m` is faster than T pace.
pub(super) fn race_faster_than_t(paces: &TrainingPaces, distance_m: f64) -> bool {
    super::sessions::race_pace_target(paces, distance_m).1 < paces.threshold_s_per_km
}

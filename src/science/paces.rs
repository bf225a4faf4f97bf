//! Daniels & Gilbert: VDOT from a race, race-time predictions, and training paces.
//!
//! With v the speed in metres per minute and t the race time in minutes
//! (Daniels & Gilbert, *Oxygen Power*, 1979; as in GoldenCheetah's `VDOTCalculator.cpp` and
//! `training-science.md` section 4):
//!
//! ```text
//! VO2(v)  = -4.60 + 0.182258 v + 0.000104 v^2
//! %max(t) = 0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t)
//! VDOT    = VO2(d / t) / %max(t)
//! ```
//!
//! A race time for a distance at a VDOT solves `VDOT(d, t) = VDOT` for t (bisection: the
//! VDOT of a distance falls steadily as the time grows). Training paces feed fractions of the
//! VDOT to the inverse of `VO2(v)`: easy 59-74% (67% typical), threshold 88%, interval 97.5%;
//! marathon pace is the predicted marathon's pace; repetition pace is 1.05 x vVDOT, the speed
//! whose VO2 equals the VDOT. Riegel's `T2 = T1 (D2/D1)^1.06` is offered as a second opinion.
//!
//! ```
//! use stride::science::paces::{vdot_from_race, race_time_s, TrainingPaces};
//!
//! // 19:57 for 5 km is VDOT 50 in Daniels' table.
//! let vdot = vdot_from_race(5000.0, 19.0 * 60.0 + 57.0).unwrap();
//! assert!((vdot - 50.0).abs() < 0.1);
//! let marathon = race_time_s(50.0, 42_195.0).unwrap();
//! assert!((marathon - (3.0 * 3600.0 + 10.0 * 60.0 + 49.0)).abs() < 60.0);
//! let paces = TrainingPaces::from_vdot(50.0).unwrap();
//! assert!((paces.threshold_s_per_km - 255.0).abs() < 2.0); // 4:15 per km
//! ```

use thiserror::Error;

/// Lowest VDOT the formulas are used for.
pub const MIN_VDOT: f64 = 20.0;
/// Highest VDOT the formulas are used for (world-class runners are in the mid 80s).
pub const MAX_VDOT: f64 = 90.0;
/// Shortest race distance accepted, metres.
pub const MIN_RACE_M: f64 = 800.0;
/// Longest race distance accepted, metres.
pub const MAX_RACE_M: f64 = 100_000.0;

/// Fractions of VDOT for the training intensities (GoldenCheetah `VDOTCalculator.cpp`).
pub mod fraction {
    /// Slow end of easy running.
    pub const EASY_SLOW: f64 = 0.59;
    /// Fast end of easy running.
    pub const EASY_FAST: f64 = 0.74;
    /// The single typical easy pace of Daniels' tables.
    pub const EASY_TYPICAL: f64 = 0.67;
    /// Threshold (T).
    pub const THRESHOLD: f64 = 0.88;
    /// Interval (I).
    pub const INTERVAL: f64 = 0.975;
    /// Repetition (R), as a multiple of vVDOT (speed, not VO2).
    pub const REPETITION_SPEED: f64 = 1.05;
}

/// Riegel's fatigue exponent.
pub const RIEGEL_EXPONENT: f64 = 1.06;

/// Why a pace or prediction could not be computed.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum PaceError {
    /// The VDOT is outside the range the formulas are meant for.
    #[error("VDOT {0:.1} is outside {MIN_VDOT}-{MAX_VDOT}, the range of the Daniels formulas")]
    VdotOutOfRange(f64),
    /// The race distance is outside the accepted range.
    #[error("a race of {0:.0} m is outside {MIN_RACE_M:.0} m - {max:.0} km", max = MAX_RACE_M / 1000.0)]
    DistanceOutOfRange(f64),
    /// The race time is not a positive number.
    #[error("the race time must be a positive number of seconds")]
    BadTime,
    /// The race result implies a VDOT outside the accepted range.
    #[error(
        "{distance_m:.0} m in {time} gives VDOT {vdot:.1}, outside {MIN_VDOT}-{MAX_VDOT}; \
         check the distance and the time",
        time = crate::model::format_duration(*time_s)
    )]
    ImplausibleResult {
        /// Distance, metres.
        distance_m: f64,
        /// Time, seconds.
        time_s: f64,
        /// The VDOT it implies.
        vdot: f64,
    },
}

/// Oxygen cost of running at `v` metres per minute, ml/kg/min.
pub fn vo2_at_speed(v_m_per_min: f64) -> f64 {
    -4.60 + 0.182258 * v_m_per_min + 0.000104 * v_m_per_min * v_m_per_min
}

/// The speed (metres per minute) whose oxygen cost is `vo2`: the positive root of the
/// quadratic [`vo2_at_speed`].
pub fn speed_at_vo2(vo2: f64) -> f64 {
    let (a, b, c) = (0.000104, 0.182258, -4.60 - vo2);
    (-b + (b * b - 4.0 * a * c).sqrt()) / (2.0 * a)
}

/// Fraction of VO2max that can be sustained for `t_min` minutes.
pub fn fraction_of_max(t_min: f64) -> f64 {
    0.8 + 0.1894393 * (-0.012778 * t_min).exp() + 0.2989558 * (-0.1932605 * t_min).exp()
}

/// VDOT of running `distance_m` in `time_s`, without range checks.
fn vdot_unchecked(distance_m: f64, time_s: f64) -> f64 {
    let t_min = time_s / 60.0;
    vo2_at_speed(distance_m / t_min) / fraction_of_max(t_min)
}

fn check_vdot(vdot: f64) -> Result<(), PaceError> {
    if vdot.is_finite() && (MIN_VDOT..=MAX_VDOT).contains(&vdot) {
        Ok(())
    } else {
        Err(PaceError::VdotOutOfRange(vdot))
    }
}

fn check_distance(distance_m: f64) -> Result<(), PaceError> {
    if distance_m.is_finite() && (MIN_RACE_M..=MAX_RACE_M).contains(&distance_m) {
        Ok(())
    } else {
        Err(PaceError::DistanceOutOfRange(distance_m))
    }
}

/// The VDOT of a race result.
///
/// # Errors
/// [`PaceError::DistanceOutOfRange`], [`PaceError::BadTime`], or
/// [`PaceError::ImplausibleResult`] when the result implies a VDOT outside 20-90 (a 5K in
/// five minutes, say).
pub fn vdot_from_race(distance_m: f64, time_s: f64) -> Result<f64, PaceError> {
    check_distance(distance_m)?;
    if !time_s.is_finite() || time_s <= 0.0 {
        return Err(PaceError::BadTime);
    }
    let vdot = vdot_unchecked(distance_m, time_s);
    if vdot.is_finite() && (MIN_VDOT..=MAX_VDOT).contains(&vdot) {
        Ok(vdot)
    } else {
        Err(PaceError::ImplausibleResult {
            distance_m,
            time_s,
            vdot,
        })
    }
}

/// The predicted race time in seconds for `distance_m` at `vdot`.
///
/// # Errors
/// [`PaceError::VdotOutOfRange`] or [`PaceError::DistanceOutOfRange`].
pub fn race_time_s(vdot: f64, distance_m: f64) -> Result<f64, PaceError> {
    check_vdot(vdot)?;
    check_distance(distance_m)?;
    Ok(race_time_unchecked(vdot, distance_m))
}

fn race_time_unchecked(vdot: f64, distance_m: f64) -> f64 {
    // VDOT(d, t) falls as t grows. Bracket in seconds: no one runs faster than 12 m/s, and
    // 100 km at VDOT 20 takes well under two days.
    let (mut fast, mut slow) = (distance_m / 12.0, 2.0 * 86_400.0);
    for _ in 0..100 {
        let mid = 0.5 * (fast + slow);
        if vdot_unchecked(distance_m, mid) > vdot {
            fast = mid;
        } else {
            slow = mid;
        }
        if slow - fast < 1e-6 {
            break;
        }
    }
    0.5 * (fast + slow)
}

/// Riegel's prediction: the time for `to_m` from a result of `from_time_s` over `from_m`.
///
/// ```
/// let ten_k = stride::science::paces::riegel_time_s(5000.0, 1200.0, 10_000.0);
/// assert!((ten_k - 1200.0 * 2f64.powf(1.06)).abs() < 1e-9);
/// ```
pub fn riegel_time_s(from_m: f64, from_time_s: f64, to_m: f64) -> f64 {
    from_time_s * (to_m / from_m).powf(RIEGEL_EXPONENT)
}

/// Seconds per kilometre at a speed in metres per minute.
fn pace_s_per_km(v_m_per_min: f64) -> f64 {
    60_000.0 / v_m_per_min
}

/// Training paces for a VDOT, in seconds per kilometre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingPaces {
    /// The VDOT they are for.
    pub vdot: f64,
    /// Fast end of easy running (74% of VDOT).
    pub easy_fast_s_per_km: f64,
    /// Slow end of easy running (59% of VDOT).
    pub easy_slow_s_per_km: f64,
    /// Typical easy pace (67%).
    pub easy_typical_s_per_km: f64,
    /// Marathon pace: the predicted marathon's average.
    pub marathon_s_per_km: f64,
    /// Threshold (88%).
    pub threshold_s_per_km: f64,
    /// Interval (97.5%).
    pub interval_s_per_km: f64,
    /// Repetition (1.05 x vVDOT).
    pub repetition_s_per_km: f64,
}

/// Metres in a marathon.
pub const MARATHON_M: f64 = 42_195.0;

impl TrainingPaces {
    /// The paces for a VDOT.
    ///
    /// # Errors
    /// [`PaceError::VdotOutOfRange`].
    pub fn from_vdot(vdot: f64) -> Result<Self, PaceError> {
        check_vdot(vdot)?;
        Ok(Self::unchecked(vdot))
    }

    /// The paces for a VDOT known to be in range.
    pub(crate) fn unchecked(vdot: f64) -> Self {
        let at = |f: f64| pace_s_per_km(speed_at_vo2(f * vdot));
        TrainingPaces {
            vdot,
            easy_fast_s_per_km: at(fraction::EASY_FAST),
            easy_slow_s_per_km: at(fraction::EASY_SLOW),
            easy_typical_s_per_km: at(fraction::EASY_TYPICAL),
            marathon_s_per_km: race_time_unchecked(vdot, MARATHON_M) / (MARATHON_M / 1000.0),
            threshold_s_per_km: at(fraction::THRESHOLD),
            interval_s_per_km: at(fraction::INTERVAL),
            repetition_s_per_km: pace_s_per_km(fraction::REPETITION_SPEED * speed_at_vo2(vdot)),
        }
    }

    /// The pace of a zone, seconds per km (easy gives the typical easy pace).
    pub fn zone_s_per_km(&self, zone: crate::model::PaceZone) -> f64 {
        use crate::model::PaceZone;
        match zone {
            PaceZone::E => self.easy_typical_s_per_km,
            PaceZone::M => self.marathon_s_per_km,
            PaceZone::T => self.threshold_s_per_km,
            PaceZone::I => self.interval_s_per_km,
            PaceZone::R => self.repetition_s_per_km,
        }
    }
}

/// The athlete's VDOT: the profile's own number, else the one from their recent race.
pub fn athlete_vdot(athlete: &crate::model::Athlete) -> Option<f64> {
    athlete.vdot.filter(|v| check_vdot(*v).is_ok()).or_else(|| {
        let race = athlete.recent_race.as_ref()?;
        vdot_from_race(race.distance_m, race.time_s).ok()
    })
}

//! Target paces in heat and at altitude (`training-science.md`, section 9).
//!
//! **Heat.** Runners add the air temperature and the dew point in degrees Fahrenheit. At 100
//! or less the pace stands; above it the pace slows by the table Hadley publicised:
//!
//! | temperature + dew point (°F) | slower by |
//! | --- | --- |
//! | 100 or less | 0% |
//! | 110 | 0.5% |
//! | 120 | 1% |
//! | 130 | 2% |
//! | 140 | 3% |
//! | 150 | 4.5% |
//! | 160 | 6% |
//! | 170 | 8% |
//! | 180 | 10% |
//! | above 180 | no hard running |
//!
//! Stride takes the upper end of each band and interpolates between them. The notes' shorter
//! form, "0.5-1% for each 10 above 100", agrees up to about 130 and understates the hotter
//! bands, where the table's steps grow; Stride follows the table, because overheating is the
//! costlier mistake. The slowdown applies to every pace.
//!
//! **Altitude.** Daniels gives T and I paces about 4-5 seconds per mile slower for each
//! 1,000 ft above 3,000 ft (about 300 m above 900 m). Stride takes 4.5 s per mile (2.8 s per
//! km) for each 1,000 ft, for T and I pace only: E and M running go by feel and effort, and R
//! repetitions are short enough, with full recoveries, that Daniels keeps their pace. Paces
//! come from races run at home, so only the altitude above the runner's home (or above 900 m,
//! whichever is higher) counts.
//!
//! ```
//! use stride::model::{Conditions, PaceZone};
//! use stride::science::conditions::Adjustment;
//! let hot = Conditions { temperature_c: Some(30.0), dew_point_c: Some(22.0), altitude_m: None };
//! let a = Adjustment::new(&hot, 0.0);
//! let t = a.pace(PaceZone::T, 280.0);
//! assert!(t > 280.0 * 1.02 && t < 280.0 * 1.10);
//! ```

use crate::model::{Athlete, Conditions, PaceZone, Workout};
use crate::science::paces::TrainingPaces;

/// Temperature plus dew point (°F) and the share by which pace slows at it.
pub const HEAT_TABLE: [(f64, f64); 9] = [
    (100.0, 0.0),
    (110.0, 0.005),
    (120.0, 0.01),
    (130.0, 0.02),
    (140.0, 0.03),
    (150.0, 0.045),
    (160.0, 0.06),
    (170.0, 0.08),
    (180.0, 0.10),
];

/// Above this sum of temperature and dew point (°F) the table advises no hard running.
pub const NO_HARD_RUNNING_F: f64 = 180.0;

/// Altitude from which T and I paces slow, metres (3,000 ft).
pub const ALTITUDE_FROM_M: f64 = 914.4;

/// Seconds per kilometre T and I pace slow for each metre above [`ALTITUDE_FROM_M`]: 4.5 s
/// per mile for each 1,000 ft.
pub const ALTITUDE_S_PER_KM_PER_M: f64 = 4.5 / 1.609_344 / 304.8;

/// Degrees Fahrenheit from degrees Celsius.
pub fn fahrenheit(celsius: f64) -> f64 {
    celsius * 9.0 / 5.0 + 32.0
}

/// The share by which pace slows at a temperature and dew point (°C), by [`HEAT_TABLE`]:
/// 0 at 100 °F or less, 0.10 from 180 °F.
pub fn heat_slowdown(temperature_c: f64, dew_point_c: f64) -> f64 {
    let sum = fahrenheit(temperature_c) + fahrenheit(dew_point_c);
    if !sum.is_finite() || sum <= HEAT_TABLE[0].0 {
        return 0.0;
    }
    for pair in HEAT_TABLE.windows(2) {
        let ((f0, s0), (f1, s1)) = (pair[0], pair[1]);
        if sum <= f1 {
            return s0 + (s1 - s0) * (sum - f0) / (f1 - f0);
        }
    }
    HEAT_TABLE[HEAT_TABLE.len() - 1].1
}

/// How the conditions of one workout change its target paces.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Adjustment {
    /// Temperature plus dew point, °F, when both are known.
    pub heat_index_f: Option<f64>,
    /// The share every pace slows by for heat.
    pub heat_share: f64,
    /// The altitude the workout is run at, m, when it is above home and 900 m.
    pub altitude_m: Option<f64>,
    /// Seconds per km T and I pace slow by for altitude.
    pub altitude_s_per_km: f64,
}

impl Adjustment {
    /// The adjustment for a workout's conditions, for a runner living at `home_altitude_m`.
    /// Without a dew point there is no heat adjustment: the table needs both.
    pub fn new(conditions: &Conditions, home_altitude_m: f64) -> Adjustment {
        let heat_index_f = match (conditions.temperature_c, conditions.dew_point_c) {
            (Some(t), Some(d)) if t.is_finite() && d.is_finite() => {
                Some(fahrenheit(t) + fahrenheit(d))
            }
            _ => None,
        };
        let heat_share = match (conditions.temperature_c, conditions.dew_point_c) {
            (Some(t), Some(d)) => heat_slowdown(t, d),
            _ => 0.0,
        };
        let base = ALTITUDE_FROM_M.max(if home_altitude_m.is_finite() {
            home_altitude_m
        } else {
            0.0
        });
        let (altitude_m, altitude_s_per_km) = match conditions.altitude_m {
            Some(a) if a.is_finite() && a > base => (Some(a), (a - base) * ALTITUDE_S_PER_KM_PER_M),
            _ => (None, 0.0),
        };
        Adjustment {
            heat_index_f,
            heat_share,
            altitude_m,
            altitude_s_per_km,
        }
    }

    /// True when no pace changes.
    pub fn is_none(&self) -> bool {
        self.heat_share == 0.0 && self.altitude_s_per_km == 0.0
    }

    /// True when the heat is above the line where the table advises no hard running.
    pub fn too_hot_for_hard_running(&self) -> bool {
        self.heat_index_f.is_some_and(|f| f > NO_HARD_RUNNING_F)
    }

    /// The pace of a zone in these conditions, from its pace at home in the cool.
    pub fn pace(&self, zone: PaceZone, s_per_km: f64) -> f64 {
        let altitude = match zone {
            PaceZone::T | PaceZone::I => self.altitude_s_per_km,
            PaceZone::E | PaceZone::M | PaceZone::R => 0.0,
        };
        (s_per_km + altitude) * (1.0 + self.heat_share)
    }

    /// The paces of a VDOT in these conditions: every zone as [`Adjustment::pace`] gives it
    /// (the easy range by heat only). The VDOT stays the runner's.
    pub fn paces(&self, p: &TrainingPaces) -> TrainingPaces {
        TrainingPaces {
            vdot: p.vdot,
            easy_fast_s_per_km: self.any_pace(p.easy_fast_s_per_km),
            easy_slow_s_per_km: self.any_pace(p.easy_slow_s_per_km),
            easy_typical_s_per_km: self.pace(PaceZone::E, p.easy_typical_s_per_km),
            marathon_s_per_km: self.pace(PaceZone::M, p.marathon_s_per_km),
            threshold_s_per_km: self.pace(PaceZone::T, p.threshold_s_per_km),
            interval_s_per_km: self.pace(PaceZone::I, p.interval_s_per_km),
            repetition_s_per_km: self.pace(PaceZone::R, p.repetition_s_per_km),
        }
    }

    /// The adjustment for a planned workout, for this athlete.
    pub fn for_workout(w: &Workout, athlete: &Athlete) -> Adjustment {
        Adjustment::new(&w.conditions, athlete.home_altitude_m)
    }

    /// A pace with no zone (an explicit range, the goal race's pace): heat only.
    pub fn any_pace(&self, s_per_km: f64) -> f64 {
        s_per_km * (1.0 + self.heat_share)
    }

    /// What the adjustment is, in words for the editor, the week view and the calendar text,
    /// e.g. "heat (temperature + dew point 158 °F): paces 5.6% slower; altitude 2000 m: T and I
    /// 10 s/km slower". `None` when nothing changes.
    pub fn describe(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(f) = self.heat_index_f
            && self.heat_share > 0.0
        {
            let mut text = format!(
                "heat (temperature + dew point {f:.0} °F): paces {:.1}% slower",
                self.heat_share * 100.0
            );
            if self.too_hot_for_hard_running() {
                text.push_str("; above 180 °F, no hard running");
            }
            parts.push(text);
        }
        if let Some(a) = self.altitude_m
            && self.altitude_s_per_km > 0.0
        {
            parts.push(format!(
                "altitude {a:.0} m: T and I {:.0} s/km slower",
                self.altitude_s_per_km
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_rises_through_its_own_points() {
        // 100 °F in all (e.g. 10 °C and 10 °C is 100 °F): no change.
        assert_eq!(heat_slowdown(10.0, 10.0), 0.0);
        // 30 °C and 25 °C: 86 + 77 = 163 °F, between 6% and 8%.
        let s = heat_slowdown(30.0, 25.0);
        assert!(s > 0.06 && s < 0.08, "{s}");
        let mut last = 0.0;
        for tenth in 0..500 {
            let s = heat_slowdown(f64::from(tenth) / 10.0, 15.0);
            assert!(s >= last, "the slowdown never falls as it gets hotter");
            last = s;
        }
    }

    #[test]
    fn altitude_counts_only_above_home_and_900_m() {
        let at = |a: f64, home: f64| {
            Adjustment::new(
                &Conditions {
                    altitude_m: Some(a),
                    ..Conditions::default()
                },
                home,
            )
            .altitude_s_per_km
        };
        assert_eq!(at(800.0, 0.0), 0.0);
        assert_eq!(at(1800.0, 2000.0), 0.0);
        // 2,000 m is 3,562 ft above 3,000 ft: 3.56 x 4.5 s per mile, about 10 s per km.
        assert!((at(2000.0, 0.0) - 9.96).abs() < 0.1, "{}", at(2000.0, 0.0));
        assert!(at(2500.0, 2000.0) < at(2500.0, 0.0));
    }
}

//! Numbers as the charts print them: the ACWR axis's ticks, and signed values such as form.
//!
//! ```
//! use stride::science::charts::{acwr_ticks, signed};
//! let ticks: Vec<f64> = acwr_ticks(0.4, 1.7).iter().map(|t| t.value).collect();
//! assert_eq!(ticks, [0.5, 0.8, 1.0, 1.3, 1.5]);
//! assert_eq!(signed(-0.3, 0), "0");
//! assert_eq!(signed(8.4, 0), "+8");
//! ```

use super::{ACWR_BAND_HIGH, ACWR_BAND_LOW};

/// One tick of an axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisTick {
    /// Where it is, in the axis's units.
    pub value: f64,
    /// How far it is from the nearest tick at least as important: the space its label has.
    /// A chart too short to give a label that much room leaves the label out, so the
    /// band's edges go first and the round values stay.
    pub spacing: f64,
}

/// The ratio step between round ticks, before a wide range doubles it.
const ACWR_STEP: f64 = 0.5;
/// Most round ticks on the ACWR axis.
const ACWR_MAX_ROUND_TICKS: f64 = 12.0;

/// The ticks of the ACWR axis between `min` and `max`: the round values 0.5 apart (1.0 and
/// the 1.5 spike line among them; wider apart on a very tall range) and the edges of the
/// usual band, 0.8 and 1.3, so each line drawn has its value beside it. Empty for a range
/// that is not finite or not increasing.
pub fn acwr_ticks(min: f64, max: f64) -> Vec<AxisTick> {
    if !(min.is_finite() && max.is_finite()) || min >= max {
        return Vec::new();
    }
    let mut step = ACWR_STEP;
    while (max - min) / step > ACWR_MAX_ROUND_TICKS {
        step *= 2.0;
    }
    let mut ticks = Vec::new();
    let mut k = (min / step).ceil();
    while k * step <= max {
        ticks.push(AxisTick {
            value: k * step,
            spacing: step,
        });
        k += 1.0;
    }
    for edge in [ACWR_BAND_LOW, ACWR_BAND_HIGH] {
        if (min..=max).contains(&edge) && ticks.iter().all(|t| (t.value - edge).abs() > 1e-9) {
            let nearest = ticks
                .iter()
                .map(|t| (t.value - edge).abs())
                .fold(step, f64::min);
            ticks.push(AxisTick {
                value: edge,
                spacing: nearest,
            });
        }
    }
    ticks.sort_by(|a, b| a.value.total_cmp(&b.value));
    ticks
}

/// A value with its sign, rounded to `decimals`: `+8`, `-12`, `+0.5`. Anything that rounds
/// to zero reads `0` (or `0.0`), never `-0` or `+0`; a value that is not finite reads `-`.
pub fn signed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "-".to_owned();
    }
    let text = format!("{value:+.decimals$}");
    let digits = &text[1..];
    if digits.chars().all(|c| c == '0' || c == '.') {
        digits.to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(ticks: &[AxisTick]) -> Vec<f64> {
        ticks.iter().map(|t| t.value).collect()
    }

    #[test]
    fn a_usual_range_shows_the_band_edges_one_and_the_spike() {
        let ticks = acwr_ticks(0.4, 1.7);
        assert_eq!(values(&ticks), [0.5, 0.8, 1.0, 1.3, 1.5]);
        // The round values have their step of room, the band's edges the 0.2 to 1.0 and 1.5.
        let spacing: Vec<f64> = ticks.iter().map(|t| (t.spacing * 10.0).round()).collect();
        assert_eq!(spacing, [5.0, 2.0, 5.0, 2.0, 5.0]);
    }

    #[test]
    fn a_tall_range_keeps_round_ticks_and_the_band_edges() {
        let ticks = acwr_ticks(0.0, 3.0);
        assert_eq!(
            values(&ticks),
            [0.0, 0.5, 0.8, 1.0, 1.3, 1.5, 2.0, 2.5, 3.0]
        );
    }

    #[test]
    fn a_range_without_the_band_has_no_band_ticks() {
        assert_eq!(values(&acwr_ticks(1.6, 2.6)), [2.0, 2.5]);
        assert_eq!(values(&acwr_ticks(0.85, 0.95)), Vec::<f64>::new());
    }

    #[test]
    fn a_huge_range_has_a_dozen_round_ticks_at_most() {
        let ticks = acwr_ticks(0.0, 100.0);
        let round = ticks.iter().filter(|t| t.value.fract() == 0.0).count();
        assert!(round <= 13, "{ticks:?}");
        assert!(ticks.iter().all(|t| (0.0..=100.0).contains(&t.value)));
    }

    #[test]
    fn a_range_that_is_not_one_has_no_ticks() {
        for (min, max) in [
            (1.0, 1.0),
            (2.0, 1.0),
            (f64::NAN, 1.0),
            (0.0, f64::INFINITY),
        ] {
            assert!(acwr_ticks(min, max).is_empty(), "{min} {max}");
        }
    }

    #[test]
    fn signed_values_never_read_minus_or_plus_zero() {
        let cases = [
            (-0.3, 0, "0"),
            (0.4, 0, "0"),
            (-0.0, 0, "0"),
            (-0.04, 1, "0.0"),
            (-0.6, 0, "-1"),
            (8.4, 0, "+8"),
            (-12.0, 0, "-12"),
            (0.05, 1, "+0.1"),
            (-4.06, 1, "-4.1"),
            (f64::NAN, 0, "-"),
        ];
        for (value, decimals, expected) in cases {
            assert_eq!(signed(value, decimals), expected, "{value} to {decimals}");
        }
    }
}

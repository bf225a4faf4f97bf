//! Weekly volume: the ramp's constants and the pass that holds realized weeks to it.

use chrono::{Days, NaiveDate};

use super::*;

/// Weekly growth in build weeks.
pub(super) const GROWTH: f64 = 0.06;
/// Cut-back week share of the level before it.
pub(super) const CUT_BACK: f64 = 0.80;

/// Peak weekly volume, km, by distance class and level (beginner, intermediate, advanced,
/// elite).
pub(super) fn peak_target_km(distance_m: f64, level: ExperienceLevel) -> f64 {
    let row = match distance_m {
        d if d <= 5_500.0 => [25.0, 40.0, 60.0, 90.0],
        d if d <= 10_500.0 => [30.0, 45.0, 70.0, 100.0],
        d if d <= 21_500.0 => [35.0, 55.0, 80.0, 120.0],
        _ => [45.0, 65.0, 95.0, 140.0],
    };
    row[level as usize]
}

/// Holds the realized weekly volumes to the plan's progression: at most 7% over the larger of
/// the two weeks before (and 25% over two weeks), cut-back weeks at most 80% of the week
/// before. Rounding and fixed-size sessions would otherwise drift past the rules' limits.
/// Only easy running and the long run are trimmed, quality sessions too when that is not
/// enough.
pub(super) fn hold_volume_progression(b: &mut Builder<'_>, baseline: &[f64]) {
    // Races are not training volume (as in the rules).
    let km_of = |b: &Builder<'_>, from: NaiveDate| -> f64 {
        b.km_where(|d| d >= from && d < from + Days::new(7) && d != b.input.goal.date)
    };
    let mut actual: Vec<f64> = Vec::new();
    for i in 0..b.weeks.len() {
        let (week, cut_back, taper_share) = b.weeks[i];
        let before: Vec<f64> = baseline.iter().chain(actual.iter()).copied().collect();
        let n = before.len();
        let last_two = before[n.saturating_sub(2)..]
            .iter()
            .copied()
            .fold(0.0, f64::max);
        let two_three = before[n.saturating_sub(3)..n.saturating_sub(1)]
            .iter()
            .copied()
            .fold(0.0, f64::max);
        let mut limit = f64::INFINITY;
        if last_two > 0.0 {
            limit = limit.min(1.07 * last_two);
        }
        if two_three > 0.0 {
            limit = limit.min(1.25 * two_three);
        }
        if cut_back && let Some(prev) = before.last() {
            limit = limit.min(0.80 * prev);
        }
        // Taper weeks follow the peak that was actually reached.
        if let Some(share) = taper_share {
            limit = limit.min(share * actual.iter().copied().fold(0.0, f64::max));
        }
        let in_week = |d: NaiveDate| d >= week && d < week + Days::new(7);
        let easy_kind = |r: &Recipe| {
            matches!(
                r,
                Recipe::Easy(_) | Recipe::Recovery(_) | Recipe::Strides(_) | Recipe::Long { .. }
            )
        };
        for attempt in 0..6 {
            let have = km_of(b, week);
            if have <= limit {
                break;
            }
            // Scale just enough: the factor applies to the part that is scaled.
            let all = attempt >= 2;
            let scalable: f64 = b
                .days
                .iter()
                .filter(|(d, r)| in_week(*d) && (all || easy_kind(r)))
                .map(|(d, r)| b.km(*d, r))
                .sum();
            if scalable <= 0.0 || attempt >= 4 {
                // Nothing left to scale: the week's quality sessions become easy runs of
                // about their length.
                for i in 0..b.days.len() {
                    let (d, r) = &b.days[i];
                    let quality = matches!(
                        r,
                        Recipe::Hills { .. }
                            | Recipe::Tempo { .. }
                            | Recipe::Intervals { .. }
                            | Recipe::RacePace { .. }
                    );
                    if quality && in_week(*d) {
                        let km = b.km(*d, r);
                        b.days[i].1 = Recipe::Easy((0.9 * km).max(2.0));
                    }
                }
                continue;
            }
            let f = ((scalable - (have - 0.995 * limit)) / scalable).clamp(0.3, 1.0);
            for (d, r) in b.days.iter_mut() {
                if in_week(*d) && (all || easy_kind(r)) {
                    *r = r.scaled(f);
                }
            }
        }
        actual.push(km_of(b, week));
    }
}

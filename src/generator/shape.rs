//! The plan's shape over its weeks: how volume builds, when cut-back weeks come, how the long
//! run grows and peaks, and how deep the taper cuts (`training-science.md` sections 4, 5
//! and 7).
//!
//! **Volume** starts at the athlete's current week and builds toward a peak of 1.3 times it,
//! held within a range for the race and level, and within what the athlete's days carry
//! ([`super::MAX_MINUTES_PER_RUN_DAY`] a run day, plus easy second runs for advanced and
//! elite runners). The build is spread over the training weeks, at most
//! [`MAX_GROWTH`] a week (R5 warns from 10%). A cut-back week at [`CUT_BACK`] of the level
//! comes every 4th week, every 3rd for beginners and runners of 50 and over (reference: every
//! 3-4 weeks at 70-80%).
//!
//! | peak km a week | beginner | intermediate | advanced | elite |
//! | --- | --- | --- | --- | --- |
//! | 5K | 20-30 | 35-50 | 55-80 | 90-130 |
//! | 10K | 25-35 | 40-60 | 60-90 | 100-140 |
//! | half marathon | 30-45 | 45-65 | 65-100 | 110-160 |
//! | marathon | 45-60 | 55-85 | 85-115 | 120-180 |
//!
//! The marathon row follows Pfitzinger & Douglas (*Advanced Marathoning*: plans peaking at
//! 55, 70 and 85+ miles a week, 88, 113 and 137+ km) and Daniels' plans by weekly mileage; the
//! shorter races' rows scale it down, as Daniels' 5K-15K and half-marathon plans do. Where a
//! range and the current volume disagree, the current volume wins: a plan never asks for
//! less than the athlete runs now.
//!
//! **Long runs** start from about what the first week carries (at most 70% of the peak, and
//! no more than 1.5 km over the longest recent run), hold there until steps of about 2 km
//! (1.5-2.5) reach the peak, drop to [`LONG_CUT_BACK`] in cut-back weeks, and peak in the last
//! build week whose long run is at least 21 days before the race (3-5 weeks out), then
//! shorten through the taper. Peaks, km:
//!
//! | peak long run | beginner | intermediate | advanced | elite |
//! | --- | --- | --- | --- | --- |
//! | 5K | 10 | 13 | 15 | 16 |
//! | 10K | 14 | 16 | 18 | 18 |
//! | half marathon | 16 | 19 | 21 | 22 |
//! | marathon | 29 | 32 | 34 | 35 |
//!
//! All within [`crate::rules::limits::LONG_RUN_MINUTES`] at easy pace (2.5 hours, Daniels;
//! 3 hours for the marathon, Hansons). A marathon plan's long run reaches at least
//! [`MARATHON_LONG_RUN_FLOOR_KM`] or three hours, whichever is shorter (Higdon's and
//! Pfitzinger's plans peak at 32-35 km), and may exceed R8's share of the week up to that
//! floor. Shorter races' long runs stay within R8's share of the week, so a runner of 15 km a
//! week runs 6 km, not the table's 10.
//!
//! **Taper** (Bosquet et al. 2007, a meta-analysis: about two weeks, volume cut 41-60%,
//! intensity kept): marathon three weeks at 80% and 65% of the peak week, then a race week; a
//! half two weeks at 70%, then the race week; 5K and 10K the race week. The last 7 days before
//! the race hold [`FINAL_WEEK_LONG`] of the peak for a half or marathon (R7 warns over 60%) and
//! [`FINAL_WEEK_SHORT`] for shorter races (R7 warns over 70%).

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::model::{ExperienceLevel, PhaseKind};

/// Most weekly growth in build weeks.
pub const MAX_GROWTH: f64 = 0.07;
/// Peak volume over the current week's, before the race's range is applied.
pub const PEAK_OVER_CURRENT: f64 = 1.3;
/// Cut-back week share of the level before it.
pub const CUT_BACK: f64 = 0.80;
/// A cut-back week's long run, share of the one before.
pub const LONG_CUT_BACK: f64 = 0.75;
pub use crate::rules::limits::MARATHON_LONG_RUN_FLOOR_KM;
/// Smallest and largest long-run step between build weeks, km.
pub const LONG_STEP_KM: (f64, f64) = (1.5, 2.5);
/// The long-run step the build aims for, km.
pub const LONG_STEP_TYPICAL_KM: f64 = 2.0;
/// The long run is at least this many times the week's average run (within R8's share).
pub const LONG_OVER_AVERAGE: f64 = 1.1;
/// The first long run is at most this share of the peak one.
pub const LONG_START_OF_PEAK: f64 = 0.7;
/// Days before the race by which the long run peaks, at least.
pub const LONG_PEAK_DAYS_BEFORE: i64 = 21;
/// Last 7 days' share of the peak week, half and marathon.
pub const FINAL_WEEK_LONG: f64 = 0.50;
/// Last 7 days' share of the peak week, 5K and 10K.
pub const FINAL_WEEK_SHORT: f64 = 0.60;

/// The goal race's distance class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum RaceClass {
    Five,
    Ten,
    Half,
    Marathon,
}

impl RaceClass {
    pub(super) fn of(distance_m: f64) -> Self {
        match distance_m {
            d if d <= 5_500.0 => RaceClass::Five,
            d if d <= 10_500.0 => RaceClass::Ten,
            d if d <= 21_500.0 => RaceClass::Half,
            _ => RaceClass::Marathon,
        }
    }

    /// The full taper weeks' share of the peak week, in order (their number is the taper's
    /// full weeks before the race week).
    pub(super) fn taper_shares(self) -> &'static [f64] {
        match self {
            RaceClass::Marathon => &[0.80, 0.65],
            RaceClass::Half => &[0.70],
            _ => &[],
        }
    }

    /// The last 7 days' share of the peak week.
    pub(super) fn final_week_share(self) -> f64 {
        if self >= RaceClass::Half {
            FINAL_WEEK_LONG
        } else {
            FINAL_WEEK_SHORT
        }
    }

    pub(super) fn peak_range_km(self, level: ExperienceLevel) -> (f64, f64) {
        let row = match self {
            RaceClass::Five => [(20.0, 30.0), (35.0, 50.0), (55.0, 80.0), (90.0, 130.0)],
            RaceClass::Ten => [(25.0, 35.0), (40.0, 60.0), (60.0, 90.0), (100.0, 140.0)],
            RaceClass::Half => [(30.0, 45.0), (45.0, 65.0), (65.0, 100.0), (110.0, 160.0)],
            RaceClass::Marathon => [(45.0, 60.0), (55.0, 85.0), (85.0, 115.0), (120.0, 180.0)],
        };
        row[level as usize]
    }

    pub(super) fn peak_long_km(self, level: ExperienceLevel) -> f64 {
        let row = match self {
            RaceClass::Five => [10.0, 13.0, 15.0, 16.0],
            RaceClass::Ten => [14.0, 16.0, 18.0, 18.0],
            RaceClass::Half => [16.0, 19.0, 21.0, 22.0],
            RaceClass::Marathon => [29.0, 32.0, 34.0, 35.0],
        };
        row[level as usize]
    }
}

/// Departures from the standard shape, for the race-day optimiser: how far the peak volume
/// builds and how the taper cuts. The default is the standard plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanTuning {
    /// The peak week's target over the standard one (within what the days carry).
    pub peak_scale: f64,
    /// The full taper weeks before the race week, and each one's share of the peak week;
    /// `None` keeps the race's standard taper.
    pub taper_shares: Option<Vec<f64>>,
    /// The last 7 days' share of the peak week; `None` keeps the race's standard.
    pub final_week_share: Option<f64>,
}

impl Default for PlanTuning {
    fn default() -> Self {
        PlanTuning {
            peak_scale: 1.0,
            taper_shares: None,
            final_week_share: None,
        }
    }
}

impl PlanTuning {
    /// Whether this is the standard plan.
    pub fn is_standard(&self) -> bool {
        *self == PlanTuning::default()
    }

    /// The full taper weeks' shares for a race distance (metres).
    pub fn taper_shares_for(&self, distance_m: f64) -> Vec<f64> {
        self.taper_shares
            .clone()
            .unwrap_or_else(|| RaceClass::of(distance_m).taper_shares().to_vec())
    }

    /// The last 7 days' share for a race distance (metres).
    pub fn final_week_share_for(&self, distance_m: f64) -> f64 {
        self.final_week_share
            .unwrap_or_else(|| RaceClass::of(distance_m).final_week_share())
    }
}

/// What the shape is worked out from.
pub(super) struct ShapeInput<'a> {
    pub tuning: &'a PlanTuning,
    pub class: RaceClass,
    pub level: ExperienceLevel,
    pub cut_back_every: usize,
    /// The first week's volume, km.
    pub volume0: f64,
    /// The most a week can hold on the pattern's days, km.
    pub capacity_km: f64,
    /// Running days a week in the pattern.
    pub runs: usize,
    /// The longest long run, km (the time cap at easy pace).
    pub long_cap_km: f64,
    /// The long run's share of the week (just under R8's).
    pub long_share: f64,
    pub longest_recent_km: Option<f64>,
    /// Whether the marathon's long-run floor applies: to a full marathon, unless recent
    /// training is below what a marathon plan starts from.
    pub floor_applies: bool,
    /// First days of the full weeks before the race week.
    pub full_weeks: &'a [NaiveDate],
    pub race: NaiveDate,
    pub long_run_day: Weekday,
}

/// One full week of the plan.
#[derive(Clone, Copy, Debug)]
pub(super) struct WeekShape {
    pub start: NaiveDate,
    pub volume: f64,
    pub long_km: f64,
    pub phase: PhaseKind,
    pub cut_back: bool,
    /// Taper weeks: their share of the peak week.
    pub taper_share: Option<f64>,
}

/// The plan's weeks.
pub(super) struct Shape {
    pub weeks: Vec<WeekShape>,
    /// Training weeks (the rest are taper weeks).
    pub training: usize,
    pub base_n: usize,
    pub build_n: usize,
    /// The largest planned week, km.
    pub peak_km: f64,
    /// The first week's long run (also the intro days').
    pub first_long_km: f64,
    /// The first day of the week whose long run is the plan's longest.
    pub peak_long_week: Option<NaiveDate>,
}

/// The peak weekly volume a plan builds toward from `volume0`, before the days' capacity.
pub(super) fn peak_target_km(class: RaceClass, level: ExperienceLevel, volume0: f64) -> f64 {
    let (lo, hi) = class.peak_range_km(level);
    (volume0 * PEAK_OVER_CURRENT).clamp(lo, hi).max(volume0)
}

/// The table's peak long run for a race and level, km.
pub(super) fn peak_long_km(class: RaceClass, level: ExperienceLevel) -> f64 {
    class.peak_long_km(level)
}

/// The marathon's long-run floor for a time cap: 28 km or the cap, whichever is shorter.
pub(super) fn marathon_floor_km(class: RaceClass, long_cap_km: f64) -> f64 {
    if class == RaceClass::Marathon {
        MARATHON_LONG_RUN_FLOOR_KM.min(long_cap_km)
    } else {
        0.0
    }
}

pub(super) fn shape(s: &ShapeInput<'_>) -> Shape {
    let n = s.full_weeks.len();
    let standard_shares = s.class.taper_shares();
    let shares: &[f64] = s.tuning.taper_shares.as_deref().unwrap_or(standard_shares);
    let taper_full = shares.len().min(n.saturating_sub(1));
    let training = n - taper_full;
    let peak_n = ((training as f64 * 0.25).round() as usize).max(1);
    let build_n = ((training as f64 * 0.35).round() as usize).max(1);
    let base_n = training.saturating_sub(peak_n + build_n).max(1);
    let phase_of = |i: usize| {
        if i >= training {
            PhaseKind::Taper
        } else if i < base_n {
            PhaseKind::Base
        } else if i < base_n + build_n {
            PhaseKind::Build
        } else {
            PhaseKind::Peak
        }
    };
    let every = s.cut_back_every.max(2);
    let cut = |i: usize| i < training && i % every == every - 1;

    // Volume: grow evenly toward the peak over the training weeks' build steps.
    let peak_target = (s.tuning.peak_scale * peak_target_km(s.class, s.level, s.volume0))
        .min(s.capacity_km)
        .max(s.volume0);
    let steps = (1..training).filter(|&i| !cut(i)).count().max(1);
    let growth = ((peak_target / s.volume0).powf(1.0 / steps as f64) - 1.0).clamp(0.0, MAX_GROWTH);
    let mut level = s.volume0;
    let mut volumes = Vec::with_capacity(n);
    for i in 0..training {
        if i > 0 && !cut(i) {
            level = (level * (1.0 + growth)).min(peak_target);
        }
        volumes.push(if cut(i) { level * CUT_BACK } else { level });
    }
    let peak_km = volumes.iter().copied().fold(s.volume0, f64::max);
    for i in 0..taper_full {
        volumes.push(peak_km * shares.get(i).copied().unwrap_or(0.6));
    }

    // Long runs: the peak week, the peak, the start, and the steps between.
    let offset = |week: NaiveDate| u64::from(s.long_run_day.days_since(week.weekday()).min(6));
    let long_date = |i: usize| s.full_weeks[i] + Days::new(offset(s.full_weeks[i]));
    let days_before = |i: usize| (s.race - long_date(i)).num_days();
    let p = (0..training)
        .rev()
        .find(|&i| !cut(i) && days_before(i) >= LONG_PEAK_DAYS_BEFORE)
        .or_else(|| (0..training).rev().find(|&i| !cut(i)))
        .unwrap_or(0);
    let floor = if s.floor_applies {
        marathon_floor_km(s.class, s.long_cap_km)
    } else {
        0.0
    };
    let share_cap = |v: f64| (s.long_share * v).max(floor);
    let long_peak = s
        .class
        .peak_long_km(s.level)
        .min(s.long_cap_km)
        .min(share_cap(volumes.get(p).copied().unwrap_or(s.volume0)))
        .max(floor);
    let growth_steps = (1..=p).filter(|&i| !cut(i)).count();
    let natural = s.long_share * s.volume0;
    let average = s.volume0 / s.runs.max(1) as f64;
    // Start near what the first week carries, but no higher than 70% of the peak, and low
    // enough that the largest step reaches the peak.
    let mut start = natural.min(LONG_START_OF_PEAK * long_peak);
    if let Some(longest) = s.longest_recent_km.filter(|l| *l > 0.0) {
        start = start.min(longest + LONG_STEP_KM.0);
    }
    start = start
        .max(average.min(natural))
        .max(long_peak - LONG_STEP_KM.1 * growth_steps as f64)
        .min(long_peak)
        .max(0.0);
    // Steps of about 2 km: the long run holds at its start until the build can reach the
    // peak in such steps.
    let steps_needed = ((long_peak - start) / LONG_STEP_TYPICAL_KM).ceil() as usize;
    let hold = growth_steps.saturating_sub(steps_needed.max(1));
    let climbing = growth_steps - hold;
    let step = if climbing == 0 {
        0.0
    } else {
        (long_peak - start) / climbing as f64
    };
    let mut longs = Vec::with_capacity(n);
    let mut grown: usize = 0;
    let mut last_build = start;
    for (i, v) in volumes.iter().enumerate() {
        let planned = if i <= p {
            if cut(i) {
                LONG_CUT_BACK * last_build
            } else {
                if i > 0 {
                    grown += 1;
                }
                last_build = start + step * grown.saturating_sub(hold) as f64;
                last_build
            }
        } else {
            // After the peak: shorter each week toward the race.
            let weeks_to_race = n - i;
            let factor: f64 = match (weeks_to_race, s.class) {
                (1, RaceClass::Marathon) => 0.55,
                (1, _) => 0.65,
                (2, RaceClass::Marathon) => 0.75,
                (2, _) => 0.80,
                _ => 0.85,
            };
            let f = if cut(i) {
                factor.min(LONG_CUT_BACK)
            } else {
                factor
            };
            long_peak * f
        };
        // Never shorter than the week's other runs.
        let average = v / s.runs.max(1) as f64;
        longs.push(
            planned
                .max(LONG_OVER_AVERAGE * average)
                .min(share_cap(*v))
                .min(s.long_cap_km),
        );
    }
    // The peak week's long run stays the plan's longest, by half a kilometre at least.
    if let Some(&top) = longs.get(p) {
        for (i, l) in longs.iter_mut().enumerate() {
            if i != p {
                *l = l.min(top - 0.5).max(0.0);
            }
        }
    }
    // Whole half kilometres, rounded down so that a long run at the time cap keeps to it.
    for l in &mut longs {
        *l = (*l * 2.0).floor() / 2.0;
    }
    let weeks = (0..n)
        .map(|i| WeekShape {
            start: s.full_weeks[i],
            volume: volumes[i],
            long_km: longs[i],
            phase: phase_of(i),
            cut_back: cut(i),
            taper_share: (i >= training).then(|| shares.get(i - training).copied().unwrap_or(0.6)),
        })
        .collect();
    Shape {
        weeks,
        training,
        base_n,
        build_n,
        peak_km,
        first_long_km: start.min(share_cap(s.volume0)),
        peak_long_week: s.full_weeks.get(p).copied(),
    }
}

//! The thresholds of the warning signs, in one place (see the table in [`super`]).

/// Resting HR this many bpm above the athlete's usual is a sign (Polar's guide).
pub const RESTING_HR_RISE_BPM: f64 = 5.0;
/// Resting HR this many bpm above usual is a red sign.
pub const RESTING_HR_RED_BPM: f64 = 10.0;
/// Days before the window whose median is the athlete's usual resting HR (the chart's).
pub const RESTING_HR_BASELINE_DAYS: i64 = crate::science::charts::USUAL_HR_DAYS;
/// Fewest readings the usual resting HR is taken from (the chart's).
pub const RESTING_HR_MIN_READINGS: usize = crate::science::charts::USUAL_HR_MIN_ENTRIES;
/// The window resting HR is read over, and how many of its days must be high.
pub const RESTING_HR_WINDOW: (i64, usize) = (3, 2);

/// Days of the HRV window whose mean of ln(rMSSD) is compared with the normal range, and
/// the fewest readings in it.
pub const HRV_WINDOW: (i64, usize) = (7, 4);
/// Days before the HRV window that make the athlete's normal range (HRV4Training; the
/// recovery estimate's).
pub const HRV_BASELINE_DAYS: i64 = crate::science::charts::HRV_NORMAL_DAYS;
/// Fewest HRV readings a normal range is made from (the recovery estimate's).
pub const HRV_MIN_READINGS: usize = crate::science::charts::HRV_NORMAL_MIN_READINGS;
/// The 7-day mean below the normal mean by this many SDs of the daily values is a sign: the
/// smallest worthwhile change (Vesterinen 2016, Nuuttila 2022).
pub const HRV_DROP_SD: f64 = 0.5;
/// Below the normal mean by this many SDs it is a red sign (Kiviniemi 2007's line for
/// holding back hard training).
pub const HRV_RED_SD: f64 = 1.0;

/// Days of check-ins, in the last [`BASELINE_SPAN_DAYS`], before the signs that compare
/// with the athlete's own normal have a baseline.
pub const BASELINE_MIN_DAYS: usize = 14;
/// The span those check-ins are counted over.
pub const BASELINE_SPAN_DAYS: i64 = 60;
/// Soreness at this level is flagged on a single day while there is no baseline.
pub const SEVERE_SORENESS: u8 = 5;

/// Sleep quality at or below this (1-5) is a poor night.
pub const POOR_SLEEP_QUALITY: u8 = 2;
/// Sleep under this many hours is a short night.
pub const SHORT_SLEEP_HOURS: f64 = 6.0;
/// The nights sleep is read over, and how many of them must be poor or short.
pub const SLEEP_WINDOW: (i64, usize) = (5, 3);

/// Soreness at or above this (1-5) on today's check-in means no run today: rest (see
/// [`super::suggest::today_call`]).
pub const VERY_SORE_TODAY: u8 = 4;
/// Soreness or fatigue at or above this (1-5) is high.
pub const HIGH_SORENESS_OR_FATIGUE: u8 = 4;
/// Days in a row of high soreness, fatigue or low motivation that make a sign.
pub const DAYS_IN_A_ROW: usize = 3;
/// Motivation at or below this (1-5) is low ("dreading runs" is 1).
pub const LOW_MOTIVATION: u8 = 2;

/// Days in a row the wellness score must sit in the worst quarter ("more than 7 days").
pub const WELLNESS_DAYS: usize = 8;
/// Days before those whose scores define the athlete's worst quarter.
pub const WELLNESS_BASELINE_DAYS: i64 = 90;
/// Fewest scored days for a personal quarter; with fewer, the worst quarter of the scale is
/// used (a score of [`WELLNESS_ABSOLUTE_QUARTER`] or less).
pub const WELLNESS_MIN_BASELINE: usize = 21;
/// The worst quarter of the 6-30 scale.
pub const WELLNESS_ABSOLUTE_QUARTER: f64 = 12.0;
/// Fewest of the six items a check-in needs to be scored.
pub const WELLNESS_MIN_ITEMS: usize = 4;

/// An easy run rated this much above its planned RPE is sluggish.
pub const SLUGGISH_RPE_ABOVE: f64 = 2.0;
/// The easy runs read, and how many must be sluggish.
pub const SLUGGISH_WINDOW: (usize, usize) = (3, 2);
/// Easy runs older than this many days are not read.
pub const SLUGGISH_MAX_AGE_DAYS: i64 = 14;

/// Pace at a similar heart rate this share slower than the baseline is a dip.
pub const PACE_DIP_SHARE: f64 = 0.05;
/// Heart rates within this many bpm count as similar.
pub const SIMILAR_HR_BPM: f64 = 5.0;
/// Recent runs are the last week's; the baseline is the 4 weeks before them.
pub const PACE_RECENT_DAYS: i64 = 7;
/// Days of the pace baseline before the recent week.
pub const PACE_BASELINE_DAYS: i64 = 28;
/// A race this share slower than the VDOT's prediction is a dip.
pub const RACE_DIP_SHARE: f64 = 0.03;
/// Races older than this many days are not read.
pub const RACE_MAX_AGE_DAYS: i64 = 14;

/// ACWR at or above this is a sign (Gabbett's "danger zone").
pub const ACWR_HIGH: f64 = 1.5;
/// ACWR at or above this is a red sign.
pub const ACWR_RED: f64 = 2.0;
/// Form below this is a sign (the "high risk" zone).
pub const FORM_LOW: f64 = -30.0;
/// Monotony above this is a sign (Foster's critical level).
pub const MONOTONY_HIGH: f64 = 2.0;

/// This many signs at once make the status red.
pub const RED_SIGN_COUNT: usize = 3;

/// Check-ins older than this many days say nothing about today.
pub const CHECK_IN_MAX_AGE_DAYS: i64 = 1;

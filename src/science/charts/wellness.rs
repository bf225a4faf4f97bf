//! Wellness on the charts: the check-ins' lines, and the usual levels the warning signs
//! compare a morning with (the runner's usual resting heart rate, their normal HRV).

use chrono::NaiveDate;

use super::day_x;

/// Days of entries before a day that make a runner's usual resting heart rate: the one
/// definition the chart and the resting-HR warning sign share.
pub const USUAL_HR_DAYS: i64 = 28;
/// Readings needed in that window before there is a usual value.
pub const USUAL_HR_MIN_ENTRIES: usize = 7;

/// The usual resting heart rate from the readings of the [`USUAL_HR_DAYS`] days before a
/// day: their median (robust to the odd high morning), once there are
/// [`USUAL_HR_MIN_ENTRIES`].
///
/// ```
/// use stride::science::charts::usual_resting_hr;
/// assert_eq!(usual_resting_hr(&[50.0, 51.0, 49.0, 50.0, 62.0, 50.0, 52.0]), Some(50.0));
/// assert_eq!(usual_resting_hr(&[50.0; 6]), None);
/// ```
pub fn usual_resting_hr(readings: &[f64]) -> Option<f64> {
    usual_level(readings)
}

/// The usual level of a morning reading (resting HR, soreness, fatigue) from the readings of
/// the [`USUAL_HR_DAYS`] days before a day: their median, once there are
/// [`USUAL_HR_MIN_ENTRIES`]. [`usual_resting_hr`] is this for resting HR.
///
/// ```
/// use stride::science::charts::usual_level;
/// assert_eq!(usual_level(&[1.0, 2.0, 1.0, 1.0, 3.0, 2.0, 1.0]), Some(1.0));
/// assert_eq!(usual_level(&[2.0; 6]), None);
/// ```
pub fn usual_level(readings: &[f64]) -> Option<f64> {
    if readings.len() < USUAL_HR_MIN_ENTRIES {
        return None;
    }
    median(readings.to_vec())
}

/// Days before a day whose HRV readings make the athlete's normal range (HRV4Training's
/// 60-day normal range, `training-science.md` section 8): the one definition the HRV warning
/// sign and the recovery estimate share.
pub const HRV_NORMAL_DAYS: i64 = 60;
/// Fewest HRV readings a normal range is made from.
pub const HRV_NORMAL_MIN_READINGS: usize = 14;

/// The natural log of a check-in's rMSSD, the scale HRV is compared on (`training-science.md`
/// section 8); `None` without a positive, finite reading.
pub fn ln_rmssd(entry: &crate::model::WellnessEntry) -> Option<f64> {
    entry
        .hrv_ms
        .filter(|v| v.is_finite() && *v > 0.0)
        .map(f64::ln)
}

/// The athlete's normal HRV from the ln(rMSSD) readings of the [`HRV_NORMAL_DAYS`] days
/// before a day: their mean and sample standard deviation, once there are
/// [`HRV_NORMAL_MIN_READINGS`].
///
/// ```
/// use stride::science::charts::hrv_normal;
/// let (mean, sd) = hrv_normal(&[4.0, 4.2].repeat(7)).unwrap();
/// assert!((mean - 4.1).abs() < 1e-9 && (sd - 0.1038).abs() < 1e-3);
/// assert_eq!(hrv_normal(&[4.0; 13]), None);
/// ```
pub fn hrv_normal(ln_readings: &[f64]) -> Option<(f64, f64)> {
    (ln_readings.len() >= HRV_NORMAL_MIN_READINGS).then(|| mean_sd(ln_readings))
}

/// Mean and sample standard deviation (0 for a single value); `NaN` for none.
pub(crate) fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (mean, var.sqrt())
}

/// The median of some values, `None` for none.
pub(crate) fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}
/// Resting heart rate this far above the usual is a warning sign (Polar; reference,
/// "warning signs of insufficient recovery").
pub const RESTING_HR_WARNING_BPM: f64 = 5.0;

/// Wellness entries as `[x, y]` points, each series in date order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WellnessLines {
    /// Resting heart rate, bpm.
    pub resting_hr: Vec<[f64; 2]>,
    /// The usual resting heart rate on each day with a reading ([`usual_resting_hr`] of the
    /// readings of the [`USUAL_HR_DAYS`] days before it).
    pub usual_hr: Vec<[f64; 2]>,
    /// Sleep, hours.
    pub sleep_hours: Vec<[f64; 2]>,
    /// Soreness, 1 (none) to 5 (severe), as the check-in asks it.
    pub soreness: Vec<[f64; 2]>,
    /// Fatigue, 1 (none) to 5 (severe), as the check-in asks it.
    pub fatigue: Vec<[f64; 2]>,
}

impl WellnessLines {
    /// The lines of a history's wellness entries, in any order.
    pub fn from_history(history: &crate::model::History) -> Self {
        let mut entries: Vec<&crate::model::WellnessEntry> = history.wellness.iter().collect();
        entries.sort_by_key(|e| e.date);
        let mut lines = WellnessLines::default();
        let mut readings: Vec<(NaiveDate, f64)> = Vec::new();
        for e in &entries {
            let x = day_x(e.date);
            if let Some(hr) = e.resting_hr_bpm {
                readings.push((e.date, f64::from(hr)));
                lines.resting_hr.push([x, f64::from(hr)]);
            }
            let add = |v: Option<f64>, line: &mut Vec<[f64; 2]>| {
                if let Some(v) = v.filter(|v| v.is_finite()) {
                    line.push([x, v]);
                }
            };
            add(e.sleep_hours, &mut lines.sleep_hours);
            add(e.soreness.map(f64::from), &mut lines.soreness);
            add(e.fatigue.map(f64::from), &mut lines.fatigue);
        }
        // The readings of the USUAL_HR_DAYS days before each reading's day.
        let mut start = 0usize;
        for (end, &(date, _)) in readings.iter().enumerate() {
            while (date - readings[start].0).num_days() > USUAL_HR_DAYS {
                start += 1;
            }
            let before: Vec<f64> = readings[start..end]
                .iter()
                .filter(|(d, _)| *d < date)
                .map(|(_, hr)| *hr)
                .collect();
            if let Some(usual) = usual_resting_hr(&before) {
                lines.usual_hr.push([day_x(date), usual]);
            }
        }
        lines
    }
}

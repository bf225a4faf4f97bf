//! The data behind the load and recovery charts, computed once per document change.
//!
//! Every chart reads a [`ChartData`]: lines split into a history part (through today) and a
//! projection part (today on, over the plan), daily load bars with the day's hardest
//! intensity, and weekly buckets on the athlete's week-start boundaries. Nothing here knows
//! about drawing; the x axis is a day number ([`day_x`]), so dates never pass through time
//! zones and a daylight-saving change cannot shift a point.
//!
//! Thresholds drawn on the charts come from `training-science.md`: form zones (section 2,
//! "commonly quoted form zones"), the ACWR band 0.8-1.3 and the 1.5 line (section 3, Gabbett
//! 2016, on the rolling ratio of [`super::pmc::acwr`], shown as guides), monotony 1.5 and 2.0 (section 3, Foster 1998).
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::science::charts::ChartData;
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let charts = ChartData::from_document(&doc, today);
//! // History ends where the projection starts, so the two lines join.
//! assert_eq!(charts.fitness.history.last(), charts.fitness.projection.first());
//! assert!(charts.race.is_some());
//! ```

use chrono::{Datelike, Days, NaiveDate};

use super::load::LoadContext;
use super::pmc::PmcParams;
use super::series::{LoadSeries, SeriesDay, counts_plan};
use crate::model::{AthleteDocument, Intensity, PhaseKind};

/// Lower edge of the ACWR band drawn as "usual" (a guide, not a verdict).
pub const ACWR_BAND_LOW: f64 = 0.8;
/// Upper edge of the ACWR band.
pub const ACWR_BAND_HIGH: f64 = 1.3;
/// The ACWR line above which load spikes are most often reported.
pub const ACWR_SPIKE: f64 = 1.5;
/// Monotony at which Foster's warning level starts.
pub const MONOTONY_WARNING: f64 = 1.5;
/// Monotony at which Foster's critical level starts.
pub const MONOTONY_CRITICAL: f64 = 2.0;
/// A week counts as a cut-back when its volume is at most this share of the week before:
/// the one definition the chart and rule R6 share (a cut-back week runs roughly 70-80% of
/// the week before, `training-science.md` section 5; 85% leaves room for rounding).
pub const CUT_BACK_SHARE: f64 = 0.85;

/// The charts' colours as RGB, shared by the window and the exported images.
pub mod colors {
    use super::FormZone;

    /// Fitness (CTL).
    pub const FITNESS: (u8, u8, u8) = (50, 120, 220);
    /// Fatigue (ATL).
    pub const FATIGUE: (u8, u8, u8) = (200, 60, 120);
    /// Form (TSB).
    pub const FORM: (u8, u8, u8) = (230, 150, 30);
    /// The goal race.
    pub const RACE: (u8, u8, u8) = (150, 90, 200);

    /// A form zone's shade (drawn translucent).
    pub fn zone(zone: FormZone) -> (u8, u8, u8) {
        match zone {
            FormZone::Detraining => (200, 160, 60),
            FormZone::Fresh => (60, 170, 90),
            FormZone::Neutral => (160, 160, 160),
            FormZone::Productive => (70, 130, 210),
            FormZone::HighRisk => (220, 70, 60),
        }
    }
}

/// The day number a date is drawn at: days since 1970-01-01.
///
/// ```
/// use chrono::NaiveDate;
/// use stride::science::charts::{day_x, x_day};
/// let d = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
/// assert_eq!(day_x(d.succ_opt().unwrap()) - day_x(d), 1.0);
/// assert_eq!(x_day(day_x(d) + 0.4), Some(d));
/// ```
pub fn day_x(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - EPOCH_DAYS_FROM_CE)
}

/// The date nearest a day number, if it is a representable date.
pub fn x_day(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1.0e7 {
        return None;
    }
    let days = i32::try_from(x.round() as i64).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(EPOCH_DAYS_FROM_CE)?)
}

/// Limits a shown range of day numbers so zoom and pan stay sensible: 7 days wide at
/// least, the data's span plus a year either side at most, and overlapping the data.
///
/// ```
/// use stride::science::charts::clamp_view;
/// let span = (100.0, 400.0);
/// assert_eq!(clamp_view(200.0, 201.0, span).1 - clamp_view(200.0, 201.0, span).0, 7.0);
/// let (from, to) = clamp_view(5000.0, 5100.0, span);
/// assert!(from < 400.0 && to > 100.0);
/// ```
pub fn clamp_view(from: f64, to: f64, span: (f64, f64)) -> (f64, f64) {
    if !(from.is_finite() && to.is_finite()) {
        return (span.0, span.1.max(span.0 + 7.0));
    }
    let (lo, hi) = (span.0 - 365.0, span.1 + 365.0);
    let width = (to - from).clamp(7.0, hi - lo);
    let mid = (from + to) / 2.0;
    // The view's middle may go no further than to leave a week of data in view (or the
    // data's middle, for data shorter than that).
    let (left, right) = (span.0 + 7.0 - width / 2.0, span.1 - 7.0 + width / 2.0);
    let middle = if left <= right {
        mid.clamp(left, right)
    } else {
        (span.0 + span.1) / 2.0
    };
    if width == to - from && middle == mid && from >= lo {
        return (from, to);
    }
    let from = (middle - width / 2.0).max(lo);
    (from, from + width)
}

/// `NaiveDate::from_ymd(1970, 1, 1).num_days_from_ce()`.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The commonly quoted form (TSB) zones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormZone {
    /// Above +25: so fresh that fitness is being lost.
    Detraining,
    /// +5 to +25: fresh, race-ready.
    Fresh,
    /// -10 to +5: neutral.
    Neutral,
    /// -30 to -10: productive training.
    Productive,
    /// Below -30: high risk of overreaching.
    HighRisk,
}

impl FormZone {
    /// All zones from the top of the chart down.
    pub const ALL: [FormZone; 5] = [
        FormZone::Detraining,
        FormZone::Fresh,
        FormZone::Neutral,
        FormZone::Productive,
        FormZone::HighRisk,
    ];

    /// The zone a form value falls in; a value on a boundary belongs to the zone above it.
    ///
    /// ```
    /// use stride::science::charts::FormZone;
    /// assert_eq!(FormZone::of(5.0), FormZone::Fresh);
    /// assert_eq!(FormZone::of(-12.0), FormZone::Productive);
    /// assert_eq!(FormZone::of(-31.0), FormZone::HighRisk);
    /// ```
    pub fn of(form: f64) -> FormZone {
        Self::ALL
            .into_iter()
            .find(|z| form >= z.range().0)
            .unwrap_or(FormZone::HighRisk)
    }

    /// The zone's range (lower, upper); the outer zones are open-ended.
    pub fn range(self) -> (f64, f64) {
        match self {
            FormZone::Detraining => (25.0, f64::INFINITY),
            FormZone::Fresh => (5.0, 25.0),
            FormZone::Neutral => (-10.0, 5.0),
            FormZone::Productive => (-30.0, -10.0),
            FormZone::HighRisk => (f64::NEG_INFINITY, -30.0),
        }
    }

    /// The legend label, with the range.
    pub fn label(self) -> &'static str {
        match self {
            FormZone::Detraining => "Detraining (above +25)",
            FormZone::Fresh => "Fresh (+5 to +25)",
            FormZone::Neutral => "Neutral (-10 to +5)",
            FormZone::Productive => "Productive (-30 to -10)",
            FormZone::HighRisk => "High risk (below -30)",
        }
    }
}

/// A line as `[x, y]` points, split at today.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SplitLine {
    /// Points through today (drawn solid).
    pub history: Vec<[f64; 2]>,
    /// Points from today on (drawn dashed); the first is today's, so the lines join.
    pub projection: Vec<[f64; 2]>,
}

impl SplitLine {
    fn push(&mut self, x: f64, y: Option<f64>, today_x: f64) {
        let Some(y) = y.filter(|y| y.is_finite()) else {
            return;
        };
        if x <= today_x {
            self.history.push([x, y]);
        }
        if x >= today_x {
            self.projection.push([x, y]);
        }
    }
}

/// One day's load bar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LoadBar {
    /// The day ([`day_x`]).
    pub x: f64,
    /// The day's load.
    pub load: f64,
    /// The hardest intensity of the day, for the bar's colour.
    pub intensity: Intensity,
    /// True when the load is planned rather than done.
    pub projected: bool,
}

/// The goal race on the charts.
#[derive(Clone, Debug, PartialEq)]
pub struct RaceMarker {
    /// The race day ([`day_x`]).
    pub x: f64,
    /// The race's name.
    pub name: String,
    /// Form on the race morning, if the race is still ahead.
    pub form: Option<f64>,
}

/// One week of running, on the athlete's week-start boundary.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekBucket {
    /// First day of the week.
    pub start: NaiveDate,
    /// Kilometres by the session's intensity class, indexed by [`intensity_index`]; the easy
    /// part of a planned session (its easy running time's share) counts as easy.
    pub km: [f64; 6],
    /// Seconds of running.
    pub running_s: f64,
    /// Seconds of that at easy or recovery intensity (warm-ups and cool-downs of planned
    /// quality sessions count, as in the easy-share rule R9).
    pub easy_s: f64,
    /// Change of volume against the week before, as a fraction (0.1 = 10% more).
    pub ramp: Option<f64>,
    /// Volume at most [`CUT_BACK_SHARE`] of the week before.
    pub cut_back: bool,
    /// The week overlaps the plan's taper.
    pub taper: bool,
    /// The week has days after today (its numbers are partly or wholly planned).
    pub projected: bool,
    /// Monotony of the seven days up to the week's last day (or the series' last day).
    pub monotony: Option<f64>,
    /// Strain over the same seven days: their load times their monotony.
    pub strain: Option<f64>,
}

impl WeekBucket {
    fn new(start: NaiveDate) -> Self {
        WeekBucket {
            start,
            km: [0.0; 6],
            running_s: 0.0,
            easy_s: 0.0,
            ramp: None,
            cut_back: false,
            taper: false,
            projected: false,
            monotony: None,
            strain: None,
        }
    }

    /// Total kilometres.
    pub fn total_km(&self) -> f64 {
        self.km.iter().sum()
    }

    /// Kilometres at one intensity.
    pub fn km_at(&self, intensity: Intensity) -> f64 {
        self.km[intensity_index(intensity)]
    }

    /// Share of running time at easy or recovery intensity, if there was running.
    pub fn easy_share(&self) -> Option<f64> {
        (self.running_s > 0.0).then(|| (self.easy_s / self.running_s).clamp(0.0, 1.0))
    }
}

/// The position of an intensity in [`WeekBucket::km`], from rest (0) to race (5).
pub fn intensity_index(intensity: Intensity) -> usize {
    match intensity {
        Intensity::Rest => 0,
        Intensity::Recovery => 1,
        Intensity::Easy => 2,
        Intensity::Moderate => 3,
        Intensity::Hard => 4,
        Intensity::Race => 5,
    }
}

/// The values of one day, for a hover tooltip.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayValues {
    /// The day.
    pub date: NaiveDate,
    /// The model's values on it.
    pub day: SeriesDay,
    /// The zone its form falls in.
    pub zone: FormZone,
}

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
    /// Soreness, 1-7 (Hooper).
    pub soreness: Vec<[f64; 2]>,
    /// Fatigue, 1-7 (Hooper).
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

/// Everything the four charts draw.
#[derive(Clone, Debug)]
pub struct ChartData {
    /// The series the lines come from.
    pub series: LoadSeries,
    /// Today ([`day_x`]).
    pub today: f64,
    /// Fitness (CTL).
    pub fitness: SplitLine,
    /// Fatigue (ATL).
    pub fatigue: SplitLine,
    /// Form (TSB).
    pub form: SplitLine,
    /// ACWR, where defined.
    pub acwr: SplitLine,
    /// Daily load bars (days with load only).
    pub loads: Vec<LoadBar>,
    /// Weeks from the first day of data to the last, in order.
    pub weeks: Vec<WeekBucket>,
    /// The active plan's goal race.
    pub race: Option<RaceMarker>,
    /// First and last day of data ([`day_x`]); today alone when there is none.
    pub span: (f64, f64),
    /// Wellness entries.
    pub wellness: WellnessLines,
}

impl ChartData {
    /// The chart data for a document as of `today`, with the document's model settings.
    pub fn from_document(doc: &AthleteDocument, today: NaiveDate) -> Self {
        let params = PmcParams::from_settings(&doc.settings);
        Self::with_series(doc, today, LoadSeries::from_document(doc, today, &params))
    }

    /// The chart data around an already computed series (it must be for the same document
    /// and day).
    pub fn with_series(doc: &AthleteDocument, today: NaiveDate, series: LoadSeries) -> Self {
        let today_x = day_x(today);
        let mut data = ChartData {
            today: today_x,
            fitness: SplitLine::default(),
            fatigue: SplitLine::default(),
            form: SplitLine::default(),
            acwr: SplitLine::default(),
            loads: Vec::new(),
            weeks: Vec::new(),
            race: None,
            span: (today_x, today_x),
            wellness: WellnessLines::from_history(&doc.history),
            series,
        };
        let days = data.series.days();
        if let (Some(first), Some(last)) = (days.first(), days.last()) {
            data.span = (day_x(first.date), day_x(last.date));
        }
        for d in days {
            let x = day_x(d.date);
            data.fitness.push(x, Some(d.values.fitness), today_x);
            data.fatigue.push(x, Some(d.values.fatigue), today_x);
            data.form.push(x, Some(d.values.form), today_x);
            data.acwr.push(x, d.values.acwr, today_x);
        }
        // Today counts what was done if anything was, else what is planned (as the series).
        let done_today = doc.history.activities.iter().any(|a| a.date() == today);
        data.loads = load_bars(doc, today, done_today, days);
        data.weeks = week_buckets(doc, today, done_today, days);
        data.race = doc.active_plan().map(|p| RaceMarker {
            x: day_x(p.goal.date),
            name: p.goal.name.clone(),
            form: data.series.race_morning_form(),
        });
        data
    }

    /// The values of one day, if the series covers it.
    pub fn day_values(&self, date: NaiveDate) -> Option<DayValues> {
        self.series.on(date).map(|d| DayValues {
            date,
            day: *d,
            zone: FormZone::of(d.values.form),
        })
    }

    /// The week bucket that contains `date`, if any.
    pub fn week_of(&self, date: NaiveDate) -> Option<&WeekBucket> {
        let i = self.weeks.partition_point(|w| w.start <= date);
        self.weeks
            .get(i.checked_sub(1)?)
            .filter(|w| date < w.start + Days::new(7))
    }
}

fn load_bars(
    doc: &AthleteDocument,
    today: NaiveDate,
    done_today: bool,
    days: &[SeriesDay],
) -> Vec<LoadBar> {
    let Some(first) = days.first().map(|d| d.date) else {
        return Vec::new();
    };
    let mut hardest = vec![Intensity::Rest; days.len()];
    let index = |date: NaiveDate| usize::try_from((date - first).num_days()).ok();
    for a in &doc.history.activities {
        if a.date() > today {
            continue;
        }
        if let Some(slot) = index(a.date()).and_then(|i| hardest.get_mut(i)) {
            *slot = (*slot).max(a.kind.default_intensity());
        }
    }
    for w in doc.active_plan().iter().flat_map(|p| &p.workouts) {
        if !counts_plan(w.date, today, done_today) {
            continue;
        }
        if let Some(slot) = index(w.date).and_then(|i| hardest.get_mut(i)) {
            *slot = (*slot).max(w.intensity());
        }
    }
    days.iter()
        .zip(hardest)
        .filter(|(d, _)| d.values.load > 0.0)
        .map(|(d, intensity)| LoadBar {
            x: day_x(d.date),
            load: d.values.load,
            intensity,
            projected: d.projected,
        })
        .collect()
}

fn week_buckets(
    doc: &AthleteDocument,
    today: NaiveDate,
    done_today: bool,
    days: &[SeriesDay],
) -> Vec<WeekBucket> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let week_start = doc.athlete.week_start;
    let first_week = week_start.week_of(first.date);
    let count = usize::try_from((last.date - first_week).num_days() / 7 + 1).unwrap_or(0);
    let mut weeks: Vec<WeekBucket> = (0..count)
        .map(|i| WeekBucket::new(first_week + Days::new(7 * i as u64)))
        .collect();
    let slot = |date: NaiveDate| usize::try_from((date - first_week).num_days() / 7).ok();

    let context = LoadContext::new(&doc.athlete, &doc.settings);
    for a in &doc.history.activities {
        if a.date() > today || !a.kind.is_running() || a.date() < first_week {
            continue;
        }
        let Some(week) = slot(a.date()).and_then(|i| weeks.get_mut(i)) else {
            continue;
        };
        let intensity = a.kind.default_intensity();
        week.km[intensity_index(intensity)] += a.distance_m.unwrap_or(0.0).max(0.0) / 1000.0;
        let duration = a.duration_s.max(0.0);
        week.running_s += duration;
        if intensity <= Intensity::Easy {
            week.easy_s += duration;
        }
    }
    let plan = doc.active_plan();
    for w in plan.iter().flat_map(|p| &p.workouts) {
        if !counts_plan(w.date, today, done_today) || w.date < first_week {
            continue;
        }
        let Some(week) = slot(w.date).and_then(|i| weeks.get_mut(i)) else {
            continue;
        };
        let (duration, distance, easy) = context.running_split(w);
        // The easy part of a session (warm-up, recoveries, cool-down, an all-easy long run)
        // is easy in the bar too, so the bar and the easy share tell one story.
        let class = w.intensity();
        let easy_km = if duration > 0.0 && class > Intensity::Easy {
            distance / 1000.0 * (easy / duration).clamp(0.0, 1.0)
        } else {
            0.0
        };
        week.km[intensity_index(Intensity::Easy)] += easy_km;
        week.km[intensity_index(class)] += distance / 1000.0 - easy_km;
        week.running_s += duration;
        week.easy_s += easy;
    }

    let taper: Vec<(NaiveDate, NaiveDate)> = plan
        .iter()
        .flat_map(|p| &p.phases)
        .filter(|p| p.kind == PhaseKind::Taper)
        .map(|p| (p.start, p.end))
        .collect();
    for i in 0..weeks.len() {
        let start = weeks[i].start;
        let end = start + Days::new(6);
        let total = weeks[i].total_km();
        let previous = i.checked_sub(1).map(|p| weeks[p].total_km());
        let week = &mut weeks[i];
        week.ramp = previous.filter(|p| *p > 0.0).map(|p| total / p - 1.0);
        week.taper = taper.iter().any(|(s, e)| *s <= end && start <= *e);
        week.cut_back =
            !week.taper && previous.is_some_and(|p| p > 0.0 && total <= CUT_BACK_SHARE * p + 1e-9);
        week.projected = end > today;
        let last_index = (end.min(last.date) - first.date).num_days();
        let last_day = usize::try_from(last_index)
            .ok()
            .and_then(|i| days.get(i))
            .filter(|d| d.date >= start);
        week.monotony = last_day.and_then(|d| d.values.monotony);
        week.strain = last_day.and_then(|d| d.values.strain);
    }
    weeks
}

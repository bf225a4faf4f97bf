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

use super::pmc::PmcParams;
use super::series::{LoadSeries, SeriesDay, counts_plan};
use crate::model::{AthleteDocument, Intensity};

mod axis;
mod weeks;
mod wellness;

pub use axis::{AxisTick, acwr_ticks, signed};
pub use weeks::{WeekBucket, intensity_index};
pub use wellness::{
    HRV_NORMAL_DAYS, HRV_NORMAL_MIN_READINGS, RESTING_HR_WARNING_BPM, USUAL_HR_DAYS,
    USUAL_HR_MIN_ENTRIES, WellnessLines, hrv_normal, ln_rmssd, usual_level, usual_resting_hr,
};
pub(crate) use wellness::{mean_sd, median};

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
        data.weeks = weeks::week_buckets(doc, today, done_today, days);
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

//! Readiness: the warning signs of insufficient recovery, read from the history, the
//! check-ins and the load series, and what to do about them.
//!
//! Each sign has one documented threshold (in [`limits`]); the sources are in
//! `training-science.md`, section 5 ("Warning signs of insufficient recovery": resting HR
//! 5+ bpm above the athlete's usual after Polar, Hooper's wellness questionnaire, poor sleep,
//! dreading runs, sluggishness, a dip in performance) and section 3 (ACWR after Gabbett 2016,
//! monotony after Foster 1998, form zones), and sections 5 and 8 for HRV. Every window ends on `today`:
//!
//! | sign | fires when | red when |
//! | --- | --- | --- |
//! | resting HR | 5+ bpm above the median of the 28 days before, on 2 of the last 3 days | 10+ bpm |
//! | HRV | the mean of ln(rMSSD) over the last 7 days (4+ readings) below the normal range: the mean of the 60 days before (14+ readings) minus 0.5 SD of their daily values, the smallest worthwhile change | 1 SD below (Kiviniemi 2007) |
//! | sleep | quality 1-2 on 3 of the last 5 nights, or under 6 h on 3 of the last 5 | - |
//! | soreness, fatigue | 4 or 5 on 3+ days in a row, up to today or yesterday | 5 on all of them |
//! | wellness score | the sum of the six 1-5 items (higher = better) in the athlete's worst quarter on each of the last 8 days | - |
//! | sluggish easy runs | RPE 2+ above plan on 2 of the last 3 easy runs (past 14 days) | - |
//! | performance dip | pace at a similar heart rate (within 5 bpm) 5%+ slower than the 4 weeks before, or a race 3%+ slower than the VDOT predicts | - |
//! | ACWR | 1.5 or more | 2.0 or more |
//! | form | below -30 | - |
//! | monotony | above 2.0 | - |
//! | motivation | 1-2 on 3+ days in a row | - |
//!
//! The status is green with no sign, red with a red sign or three signs or more, amber
//! otherwise. With check-ins on fewer than 14 of the last 60 days there is no baseline for
//! the signs that compare with the athlete's own normal: the summary says "no baseline yet
//! (N of 14 days of check-ins)" rather than "no warning signs", and what needs no baseline
//! is still flagged from the latest check-in alone (under 6 h of sleep, soreness 5). The thresholds are guides, not verdicts (ACWR's are disputed, Impellizzeri 2020).
//!
//! ```
//! use chrono::{Days, NaiveDate};
//! use stride::model::{Athlete, AthleteDocument, WellnessEntry};
//! use stride::readiness::{Readiness, Sign, Status};
//!
//! let today = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
//! let mut doc = AthleteDocument::new(Athlete::example());
//! for back in 0..30u64 {
//!     let date = today - Days::new(back);
//!     let resting_hr_bpm = Some(if back < 2 { 58 } else { 50 });
//!     doc.history.wellness.push(WellnessEntry { date, resting_hr_bpm, ..Default::default() });
//! }
//! let readiness = Readiness::assess(&doc, today);
//! assert_eq!(readiness.status, Status::Amber);
//! assert_eq!(readiness.warnings[0].sign, Sign::RestingHr);
//! // Days over +5 are counted; the value named is today's.
//! assert!(readiness.warnings[0].message.contains("+5 bpm or more"));
//! assert!(readiness.warnings[0].message.contains("on 2 of the last 3 days (today +8)"));
//! ```

pub mod adapt;
pub mod limits;
pub mod scales;
mod signs;
pub mod suggest;
pub mod tips;

use chrono::NaiveDate;

use crate::model::AthleteDocument;
use crate::science::pmc::PmcParams;
use crate::science::series::LoadSeries;

pub use adapt::{AdaptError, Adaptation, SeasonEdit, adapt_from_today, adapt_season};
pub use suggest::{Suggestion, TodayCall, suggestions, today_call};
pub use tips::{Tip, tips};

/// The overall readiness to train hard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// No warning sign: train as planned.
    Green,
    /// Some signs: go easier for a day or two.
    Amber,
    /// Several or strong signs: rest and cut back.
    Red,
}

impl Status {
    /// `green`, `amber` or `red`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Amber => "amber",
            Status::Red => "red",
        }
    }
}

/// Which warning sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sign {
    /// Resting heart rate above the athlete's usual.
    RestingHr,
    /// Heart-rate variability below the athlete's normal range.
    Hrv,
    /// Poor or short sleep.
    Sleep,
    /// Soreness that does not subside.
    Soreness,
    /// Persistent fatigue.
    Fatigue,
    /// The overall wellness score in the athlete's worst quarter.
    WellnessScore,
    /// Easy runs feeling harder than planned.
    Sluggish,
    /// Slower at the same heart rate, or a race below the prediction.
    PerformanceDip,
    /// Acute load well above chronic load.
    Acwr,
    /// Form (fitness minus fatigue) deep in the red.
    Form,
    /// Every day the same load.
    Monotony,
    /// Dreading runs.
    Motivation,
}

impl Sign {
    /// The short code `stride check` prints in its rule column (`W-HR`, `W-SLEEP` ...).
    pub fn code(self) -> &'static str {
        match self {
            Sign::RestingHr => "W-HR",
            Sign::Hrv => "W-HRV",
            Sign::Sleep => "W-SLEEP",
            Sign::Soreness => "W-SORE",
            Sign::Fatigue => "W-FATIGUE",
            Sign::WellnessScore => "W-WELLNESS",
            Sign::Sluggish => "W-SLUGGISH",
            Sign::PerformanceDip => "W-PERF",
            Sign::Acwr => "W-ACWR",
            Sign::Form => "W-FORM",
            Sign::Monotony => "W-MONOTONY",
            Sign::Motivation => "W-MOTIVATION",
        }
    }

    /// Whether the sign is about the body being worn down (rather than about load figures);
    /// such signs call for rest rather than only lighter training.
    pub fn is_bodily(self) -> bool {
        matches!(
            self,
            Sign::RestingHr
                | Sign::Hrv
                | Sign::Soreness
                | Sign::Fatigue
                | Sign::Sluggish
                | Sign::WellnessScore
        )
    }
}

/// One warning sign that fired.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// Which sign.
    pub sign: Sign,
    /// Amber, or red for a strong sign.
    pub level: Status,
    /// The last day the sign is seen on.
    pub date: NaiveDate,
    /// What was seen, in plain words: "resting HR +5 bpm or more above your usual 50 on 2 of
    /// the last 3 days (today +6)". A count goes with the threshold it counts; a value named
    /// is one day's, and says which.
    pub message: String,
}

impl std::fmt::Display for Warning {
    /// The line `stride check` prints: `date<TAB>warning<TAB>code<TAB>message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = if self.level == Status::Red {
            "error"
        } else {
            "warning"
        };
        write!(
            f,
            "{}\t{}\t{}\t{}",
            self.date,
            severity,
            self.sign.code(),
            self.message
        )
    }
}

/// The readiness status and the signs behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Readiness {
    /// Green, amber or red.
    pub status: Status,
    /// The signs that fired, strongest first.
    pub warnings: Vec<Warning>,
    /// Days with a check-in in the last [`limits::BASELINE_SPAN_DAYS`] when they are fewer
    /// than [`limits::BASELINE_MIN_DAYS`]: the signs that compare with the athlete's own
    /// normal cannot speak yet. `None` once there is a baseline.
    pub no_baseline: Option<usize>,
}

impl Readiness {
    /// Assesses a document as of `today`, computing the load series itself.
    pub fn assess(doc: &AthleteDocument, today: NaiveDate) -> Self {
        let series =
            LoadSeries::from_document(doc, today, &PmcParams::from_settings(&doc.settings));
        Readiness::assess_with(doc, today, &series)
    }

    /// Assesses a document as of `today` with a load series already computed for it.
    pub fn assess_with(doc: &AthleteDocument, today: NaiveDate, series: &LoadSeries) -> Self {
        let days = signs::check_in_days(doc, today);
        let no_baseline = (days < limits::BASELINE_MIN_DAYS).then_some(days);
        let mut warnings = signs::all(doc, today, series, no_baseline.is_some());
        warnings.sort_by_key(|w| (std::cmp::Reverse(w.level), w.sign));
        let status = if warnings.is_empty() {
            Status::Green
        } else if warnings.iter().any(|w| w.level == Status::Red)
            || warnings.len() >= limits::RED_SIGN_COUNT
        {
            Status::Red
        } else {
            Status::Amber
        };
        Readiness {
            status,
            warnings,
            no_baseline,
        }
    }

    /// "no baseline yet (3 of 14 days of check-ins)" while there is none.
    pub fn baseline_note(&self) -> Option<String> {
        self.no_baseline.map(|days| {
            format!(
                "no baseline yet ({days} of {} days of check-ins)",
                limits::BASELINE_MIN_DAYS
            )
        })
    }

    /// One line for the banner: "amber: resting HR +5 bpm or more above your usual 50 on 2 of
    /// the last 3 days (today +6); poor sleep on 3 of the last 5 nights".
    pub fn summary(&self) -> String {
        let note = self.baseline_note();
        if self.warnings.is_empty() {
            return note.unwrap_or_else(|| "green: no warning signs".to_owned());
        }
        let mut reasons: Vec<&str> = self.warnings.iter().map(|w| w.message.as_str()).collect();
        reasons.extend(note.as_deref());
        format!("{}: {}", self.status.name(), reasons.join("; "))
    }

    /// True if a sign fired.
    pub fn has(&self, sign: Sign) -> bool {
        self.warnings.iter().any(|w| w.sign == sign)
    }
}

//! Personal recovery: how many days this athlete takes to be back at their own baseline
//! after a tough session, read from the morning check-ins that follow their long runs and
//! interval-type sessions.
//!
//! "Adaptation happens during recovery" and "fitter athletes recover faster"
//! (`training-science.md` section 5): the recovery rules' table gives every athlete of a
//! level the same gap, and this estimate lets the rules lengthen it for an athlete whose own
//! mornings say they need longer (see [`crate::rules::profile`]).
//!
//! **Tough sessions.** Two kinds, estimated apart because a long run's glycogen use and
//! muscle damage and an interval session's intensity take different times to recover from
//! (section 6):
//! - [`ToughKind::LongRun`]: activities of kind [`WorkoutKind::Long`], whatever their pace
//!   (section 6: a long run is a tough session whatever its pace).
//! - [`ToughKind::Intervals`]: [`WorkoutKind::Intervals`], [`WorkoutKind::Hills`] and
//!   [`WorkoutKind::Tempo`], the kinds the recovery rules class as hard by their kind alone
//!   ([`crate::rules::stress`]; section 6 names "intervals, tempo runs, hill repeats").
//!   Marathon-pace runs and fartlek are left out: they are moderate by their kind, and
//!   counting their quicker recovery would make the estimate faster than the sessions the
//!   rules apply it to. Races are left out too (R10 spaces the days after a race by its
//!   distance), but like every tough session they end the mornings a session is followed
//!   over.
//!
//! **Baseline.** For a session on day D, the athlete's own baseline comes from the
//! check-ins before D, with the definitions the charts and the warning signs use:
//! - resting HR, soreness and fatigue: their usual level, the median of the readings of the
//!   28 days before D once there are 7 ([`charts::usual_level`], the usual resting HR of the
//!   chart and of the resting-HR sign);
//! - HRV: the normal range, the mean and SD of ln(rMSSD) over the 60 days before D once there
//!   are 14 readings ([`charts::hrv_normal`], the HRV sign's; HRV4Training's 60-day normal
//!   range, section 8).
//!
//! A morning check-in is **back at baseline** when every reading it has that has a baseline
//! is within it:
//! - resting HR less than [`charts::RESTING_HR_WARNING_BPM`] (5 bpm) above the usual: a rise
//!   of 5 bpm is section 5's warning sign of insufficient recovery (Polar), and any morning
//!   under it is one the warning signs also leave alone;
//! - ln(rMSSD) no lower than the normal mean minus [`HRV_BELOW_SD`] (1) SD: Kiviniemi 2007
//!   (section 8) trains hard on a morning whose HRV is above that line, which is what a
//!   morning back at baseline allows. The smallest worthwhile change of 0.5 SD (Vesterinen
//!   2016, Nuuttila 2022) is for the 7-day rolling mean the HRV sign reads; a single
//!   morning's reading is noisier, and with 0.5 SD about three ordinary mornings in ten
//!   would fall below it (for normally spread readings) and pass for incomplete recovery;
//! - soreness and fatigue (1 is none, 5 is severe) no more than [`ITEM_SLACK`] (1) point above
//!   their usual level: Stride's own choice, one step of the 1-5 scale being the smallest
//!   difference it can show, so that the ordinary morning-to-morning scatter of one point is
//!   not read as a session's after-effect.
//!
//! A check-in with none of these readings, or none with a baseline, says nothing and counts
//! as missing.
//!
//! **Days to recover.** For each session: the days from the session's day to the first
//! morning back at baseline (the next morning is 1). The mornings are followed up to
//! [`MAX_DAYS_FOLLOWED`] days and no further than the morning of the next tough session or
//! race (its effects would mix in). A session with a morning missing before the first one
//! back at baseline is skipped, not guessed. A session not back by the last morning followed
//! counts as one day more than that: a lower bound, so the median never overstates. The
//! estimate is the median over the sessions of a kind (the shared [`charts`] median),
//! rounded to whole days, once there are [`MIN_SESSIONS`] of them (Stride's own choice:
//! enough that one odd week, an illness or a bad night, cannot move the median alone).
//!
//! **Cost.** One sort of the check-ins and the sessions, then for each session binary
//! searches into the sorted check-ins and a read of its 60-day window and of the mornings
//! after it: twenty years of daily check-ins and 1,500 sessions take about 40 ms in an
//! unoptimised build.
//!
//! ```
//! use chrono::{Days, NaiveDate};
//! use stride::model::{Activity, History, WellnessEntry, Workout, WorkoutId, WorkoutKind};
//! use stride::science::recovery_time::{PersonalRecovery, ToughKind};
//!
//! let first = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
//! let mut history = History::default();
//! for day in 0..120 {
//!     let date = first + Days::new(day);
//!     // A long run every Sunday from the fifth week, and sore mornings for two days after.
//!     let sunday = day % 7 == 6 && day >= 28;
//!     if sunday {
//!         let run = Workout::new(WorkoutId(day), date, WorkoutKind::Long);
//!         history.activities.push(Activity::from_planned(&run));
//!     }
//!     let after = day % 7;
//!     let sore = day >= 28 && (after == 0 || after == 1);
//!     let soreness = Some(if sore { 4 } else { 1 });
//!     history.wellness.push(WellnessEntry { date, soreness, ..Default::default() });
//! }
//! let personal = PersonalRecovery::from_history(&history);
//! let long = personal.long_run.unwrap();
//! assert_eq!((long.kind, long.days), (ToughKind::LongRun, 3));
//! assert_eq!(personal.intervals, None, "no interval sessions");
//! assert_eq!(
//!     personal.sentences(),
//!     [format!("You recover from long runs in about 3 days ({} long runs with check-ins).", long.sessions)]
//! );
//! ```

use chrono::{Days, NaiveDate};

use super::charts;
use crate::model::{History, WellnessEntry, WorkoutKind};

/// Fewest sessions of a kind with check-ins before there is an estimate for it.
pub const MIN_SESSIONS: usize = 6;
/// Mornings followed after a session at most.
pub const MAX_DAYS_FOLLOWED: u32 = 7;
/// A morning's ln(rMSSD) this many SDs of the normal range below its mean is not back at
/// baseline (Kiviniemi 2007).
pub const HRV_BELOW_SD: f64 = 1.0;
/// Soreness or fatigue this many points above the usual level still counts as back at
/// baseline (Stride's own choice: one step of the 1-5 scale).
pub const ITEM_SLACK: f64 = 1.0;

/// The kinds of tough session the estimate is made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToughKind {
    /// Long runs.
    LongRun,
    /// Interval-type quality sessions: intervals, hill repeats, tempo runs.
    Intervals,
}

impl ToughKind {
    /// `long_run` or `intervals`, for files and the command line.
    pub fn name(self) -> &'static str {
        match self {
            ToughKind::LongRun => "long_run",
            ToughKind::Intervals => "intervals",
        }
    }

    /// `long runs` or `intervals`, for sentences.
    pub fn label(self) -> &'static str {
        match self {
            ToughKind::LongRun => "long runs",
            ToughKind::Intervals => "intervals",
        }
    }

    /// The tough kind of an activity's kind, if it is one the estimate reads.
    pub fn of(kind: &WorkoutKind) -> Option<Self> {
        match kind {
            WorkoutKind::Long => Some(ToughKind::LongRun),
            WorkoutKind::Intervals | WorkoutKind::Hills | WorkoutKind::Tempo => {
                Some(ToughKind::Intervals)
            }
            _ => None,
        }
    }

    /// What the sessions are called when counted.
    fn sessions_noun(self) -> &'static str {
        match self {
            ToughKind::LongRun => "long runs",
            ToughKind::Intervals => "interval, hill or tempo sessions",
        }
    }
}

/// How long the athlete takes to recover from one kind of tough session.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RecoveryEstimate {
    /// The kind of session.
    pub kind: ToughKind,
    /// Days from the session's day to the first morning back at baseline (the median; the
    /// next morning is 1).
    pub days: u32,
    /// Sessions the median is taken over.
    pub sessions: usize,
}

/// The athlete's own recovery times, where their check-ins tell them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonalRecovery {
    /// After long runs.
    pub long_run: Option<RecoveryEstimate>,
    /// After interval-type sessions.
    pub intervals: Option<RecoveryEstimate>,
}

impl PersonalRecovery {
    /// The estimates a history supports: each kind with at least [`MIN_SESSIONS`] sessions
    /// whose following mornings have check-ins.
    pub fn from_history(history: &History) -> Self {
        let mornings = Mornings::new(&history.wellness);
        if mornings.entries.is_empty() {
            return Self::default();
        }
        let mut sessions: Vec<(NaiveDate, ToughKind)> = Vec::new();
        // Every day with a tough session or a race: they end the mornings followed.
        let mut tough_days: Vec<NaiveDate> = Vec::new();
        for a in &history.activities {
            let kind = ToughKind::of(&a.kind);
            if let Some(kind) = kind {
                sessions.push((a.date(), kind));
            }
            if kind.is_some() || matches!(a.kind, WorkoutKind::Race { .. }) {
                tough_days.push(a.date());
            }
        }
        sessions.sort_by_key(|(d, k)| (*d, *k == ToughKind::Intervals));
        sessions.dedup();
        tough_days.sort();
        tough_days.dedup();
        let mut days: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
        for (date, kind) in sessions {
            let next = tough_days.partition_point(|d| *d <= date);
            let limit = tough_days
                .get(next)
                .map_or(i64::from(MAX_DAYS_FOLLOWED), |d| (*d - date).num_days())
                .min(i64::from(MAX_DAYS_FOLLOWED));
            if let Some(n) = mornings.days_to_baseline(date, limit) {
                days[kind as usize].push(f64::from(n));
            }
        }
        let estimate = |kind: ToughKind| {
            let values = &days[kind as usize];
            if values.len() < MIN_SESSIONS {
                return None;
            }
            let median = charts::median(values.clone())?;
            Some(RecoveryEstimate {
                kind,
                days: median.round().max(1.0) as u32,
                sessions: values.len(),
            })
        };
        PersonalRecovery {
            long_run: estimate(ToughKind::LongRun),
            intervals: estimate(ToughKind::Intervals),
        }
    }

    /// No estimate at all.
    pub fn is_empty(&self) -> bool {
        self.long_run.is_none() && self.intervals.is_none()
    }

    /// The estimates there are, long runs first.
    pub fn estimates(&self) -> impl Iterator<Item = RecoveryEstimate> {
        self.long_run.into_iter().chain(self.intervals)
    }

    /// One plain sentence per estimate.
    pub fn sentences(&self) -> Vec<String> {
        self.estimates()
            .map(|e| {
                format!(
                    "You recover from {} in about {} day{} ({} {} with check-ins).",
                    e.kind.label(),
                    e.days,
                    if e.days == 1 { "" } else { "s" },
                    e.sessions,
                    e.kind.sessions_noun()
                )
            })
            .collect()
    }
}

/// The check-ins, one a day (the last given for a day), in date order.
struct Mornings<'a> {
    entries: Vec<&'a WellnessEntry>,
}

/// A session's baseline: the usual levels and the normal HRV range before its day.
#[derive(Default)]
struct Baseline {
    resting_hr: Option<f64>,
    soreness: Option<f64>,
    fatigue: Option<f64>,
    /// Mean and SD of ln(rMSSD).
    hrv: Option<(f64, f64)>,
}

impl Baseline {
    /// Whether a morning is back at this baseline; `None` when it has no reading to judge.
    fn back(&self, e: &WellnessEntry) -> Option<bool> {
        let mut judged = false;
        let mut back = true;
        let mut judge = |usual: Option<f64>, value: Option<f64>, ok: &dyn Fn(f64, f64) -> bool| {
            if let (Some(usual), Some(value)) = (usual, value) {
                judged = true;
                back &= ok(value, usual);
            }
        };
        judge(
            self.resting_hr,
            e.resting_hr_bpm.map(f64::from),
            &|hr, usual| hr - usual < charts::RESTING_HR_WARNING_BPM,
        );
        let item = |v: f64, usual: f64| v <= usual + ITEM_SLACK;
        judge(self.soreness, e.soreness.map(f64::from), &item);
        judge(self.fatigue, e.fatigue.map(f64::from), &item);
        if let (Some((mean, sd)), Some(ln)) = (self.hrv, charts::ln_rmssd(e)) {
            judged = true;
            back &= ln >= mean - HRV_BELOW_SD * sd;
        }
        judged.then_some(back)
    }
}

impl<'a> Mornings<'a> {
    fn new(wellness: &'a [WellnessEntry]) -> Self {
        let mut sorted: Vec<&WellnessEntry> = wellness.iter().collect();
        // Stable: of two check-ins on one day, the later one given stays, as in the signs.
        sorted.sort_by_key(|e| e.date);
        let mut entries: Vec<&WellnessEntry> = Vec::with_capacity(sorted.len());
        for e in sorted {
            match entries.last_mut() {
                Some(last) if last.date == e.date => *last = e,
                _ => entries.push(e),
            }
        }
        Mornings { entries }
    }

    /// Index of the first check-in on or after `day`.
    fn from(&self, day: NaiveDate) -> usize {
        self.entries.partition_point(|e| e.date < day)
    }

    /// The baseline for a session on `day`, from the check-ins before it.
    fn baseline(&self, day: NaiveDate) -> Baseline {
        let before = |n: i64| day.checked_sub_days(Days::new(n.unsigned_abs()));
        let end = self.from(day);
        let (Some(usual_from), Some(hrv_from)) = (
            before(charts::USUAL_HR_DAYS),
            before(charts::HRV_NORMAL_DAYS),
        ) else {
            return Baseline::default();
        };
        let usual = &self.entries[self.from(usual_from)..end];
        let level = |item: fn(&WellnessEntry) -> Option<u8>| {
            let readings: Vec<f64> = usual
                .iter()
                .filter_map(|e| item(e))
                .map(f64::from)
                .collect();
            charts::usual_level(&readings)
        };
        let hr: Vec<f64> = usual
            .iter()
            .filter_map(|e| e.resting_hr_bpm)
            .map(f64::from)
            .collect();
        let ln: Vec<f64> = self.entries[self.from(hrv_from)..end]
            .iter()
            .filter_map(|e| charts::ln_rmssd(e))
            .collect();
        Baseline {
            resting_hr: charts::usual_resting_hr(&hr),
            soreness: level(|e| e.soreness),
            fatigue: level(|e| e.fatigue),
            hrv: charts::hrv_normal(&ln),
        }
    }

    /// Days from a session on `day` to the first morning back at baseline, following at
    /// most `limit` mornings: `None` when a morning before it has no check-in to judge, and
    /// `limit + 1` when none of them is back.
    fn days_to_baseline(&self, day: NaiveDate, limit: i64) -> Option<u32> {
        let baseline = self.baseline(day);
        // The check-ins after the day, one a day: the k-th must be the k-th morning.
        let after = &self.entries[self.from(day.checked_add_days(Days::new(1))?)..];
        let mut mornings = after.iter();
        for k in 1..=limit {
            let morning = mornings.next().filter(|e| (e.date - day).num_days() == k)?;
            if baseline.back(morning)? {
                return u32::try_from(k).ok();
            }
        }
        u32::try_from(limit + 1).ok()
    }
}

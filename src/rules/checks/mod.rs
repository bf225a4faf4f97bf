//! The rules themselves, each a function over the plan's facts.

use chrono::NaiveDate;

use super::facts::{DayFacts, PlanFacts};
use super::profile::RecoveryProfile;
use super::stress::StressClass;
use super::{CheckInput, Finding, Rule, Severity};
use crate::science::load::LoadContext;
use crate::science::pmc::{CHRONIC_DAYS, acwr, acwr_with_days_off, seed_load};

/// Days of history before a plan that its projected ACWR reads: more than the 28-day chronic
/// window, so the seed rarely matters.
const HISTORY_DAYS: usize = 120;

/// Every threshold of the rules, in one place.
pub mod limits {
    /// R5: weekly growth over the larger of the two previous weeks (warning).
    pub const WEEKLY_GROWTH: f64 = 0.10;
    /// R5: growth over two weeks (error), against the larger of the weeks two and three back.
    pub const TWO_WEEK_GROWTH: f64 = 0.30;
    /// R5: the profile's weekly volume, or a week of history, is a baseline only from this
    /// many km: below it there is no base to grow by 10% from.
    pub const PROFILE_BASELINE_MIN_KM: f64 = 10.0;
    /// R5: projected ACWR warning level.
    pub const ACWR_WARNING: f64 = 1.3;
    /// R5: projected ACWR error level.
    pub const ACWR_ERROR: f64 = 1.5;
    /// R6: a cut-back week is at most this share of the week before (the charts' definition).
    pub const CUT_BACK_SHARE: f64 = crate::science::charts::CUT_BACK_SHARE;
    /// R7: 5K and 10K: the last 7 days' share of the peak week, at most.
    pub const TAPER_FINAL_WEEK: f64 = 0.70;
    /// R7: half and marathon: the last 7 days' share of the peak week, at most (Bosquet et
    /// al. 2007: volume cut by 41-60%).
    pub const TAPER_FINAL_WEEK_LONG_RACE: f64 = 0.60;
    /// R7: half and marathon: average share of the final two weeks.
    pub const TAPER_TWO_WEEKS: f64 = 0.75;
    /// R7: days before the race without hard running.
    pub const QUIET_DAYS_BEFORE_RACE: u64 = 2;
    /// R8: long run share of the week's running by running days (5+, 4, 3, 2, 1).
    pub const LONG_RUN_SHARE: [(usize, f64); 5] =
        [(5, 0.30), (4, 0.35), (3, 0.40), (2, 0.55), (1, 1.0)];
    /// R8: extra share in half-marathon and marathon plans.
    pub const LONG_RUN_SHARE_LONG_RACE: f64 = 0.10;
    /// R8: longest long run, minutes (marathon plans: the second number). Daniels caps the
    /// long run at 150 minutes for most runners; Hansons at about 2.5-3 hours.
    pub const LONG_RUN_MINUTES: (f64, f64) = (150.0, 180.0);
    /// R8: in marathon plans a long run up to this distance (or the time cap, whichever is
    /// shorter) may exceed the share of the week: Higdon's and Pfitzinger's plans peak at
    /// 32-35 km whatever the week's volume.
    pub const MARATHON_LONG_RUN_FLOOR_KM: f64 = 28.0;
    /// R9: share of running time at easy or recovery intensity over 4 weeks (about 80%:
    /// Seiler & Tonnessen 2009).
    pub const EASY_SHARE: f64 = 0.80;
    /// R10: kilometres raced per easy day afterwards.
    pub const KM_PER_EASY_DAY: f64 = 3.0;
    /// R10: days before a B race with nothing tough (its mini-taper).
    pub const QUIET_DAYS_BEFORE_B_RACE: u64 = 3;
    /// R5: days before a B race that run lighter (the generator's mini-taper), left out of
    /// the chronic average with the easy days after it.
    pub const LIGHTER_DAYS_BEFORE_B_RACE: u64 = 4;
    /// Goal distances from which a plan counts as a half-marathon plan, metres.
    pub const HALF_MARATHON_M: f64 = 21_000.0;
    /// Goal distances from which a plan counts as a marathon plan, metres.
    pub const MARATHON_M: f64 = 42_000.0;
    /// Slack for rounding in volume comparisons.
    pub const EPSILON: f64 = 1e-6;
}

struct Ctx<'a> {
    input: &'a CheckInput<'a>,
    facts: &'a PlanFacts,
    profile: &'a RecoveryProfile,
    baselines: &'a Baselines,
    out: Vec<Finding>,
}

/// What the rules take from the training before the plan, worked out once per plan start:
/// the weekly volumes R5 grows from and the daily loads that seed the projected ACWR.
#[derive(Clone, Debug)]
pub(crate) struct Baselines {
    prior: Vec<f64>,
    history_seed: Option<Vec<f64>>,
}

impl Baselines {
    pub(crate) fn new(input: &CheckInput<'_>, facts: &PlanFacts) -> Self {
        let first_full = facts.weeks.iter().find(|w| w.full).map(|w| w.start);
        let history = first_full.and_then(|day| {
            input
                .history
                .filter(|h| history_weeks_before(h, day).iter().any(|m| *m > 0.0))
        });
        let prior = match (first_full, history) {
            (None, _) => Vec::new(),
            (Some(day), Some(h)) => history_weeks_before(h, day).to_vec(),
            (Some(_), None) => {
                let km = input.athlete.weekly_volume_km;
                if km >= limits::PROFILE_BASELINE_MIN_KM {
                    vec![km * 1000.0]
                } else {
                    Vec::new()
                }
            }
        };
        let history_seed = history.map(|history| {
            // From the first known day at most HISTORY_DAYS back: days before the history
            // began are unknown, not rest, and counting them as 0 would fake a low chronic
            // load.
            let context = LoadContext::new(input.athlete, input.settings);
            let known = history
                .activities
                .iter()
                .map(|a| (facts.start - a.date()).num_days())
                .filter(|back| (1..=HISTORY_DAYS as i64).contains(back))
                .max()
                .unwrap_or(0);
            let mut loads = vec![0.0; known as usize];
            for a in &history.activities {
                let back = (facts.start - a.date()).num_days();
                if (1..=known).contains(&back) {
                    loads[(known - back) as usize] +=
                        context.activity_load(a).map_or(0.0, |l| l.value);
                }
            }
            loads
        });
        Baselines {
            prior,
            history_seed,
        }
    }
}

impl Ctx<'_> {
    fn add(
        &mut self,
        date: NaiveDate,
        rule: Rule,
        severity: Severity,
        message: String,
        fix: String,
    ) {
        self.out.push(Finding {
            date,
            rule,
            severity,
            message,
            fix,
        });
    }

    fn day(&self, i: i64) -> Option<&DayFacts> {
        usize::try_from(i).ok().and_then(|i| self.facts.days.get(i))
    }
}

fn name(date: NaiveDate) -> String {
    PlanFacts::day_name(date)
}

pub(super) fn run(
    input: &CheckInput<'_>,
    facts: &PlanFacts,
    profile: &RecoveryProfile,
    baselines: &Baselines,
) -> Vec<Finding> {
    let mut ctx = Ctx {
        input,
        facts,
        profile,
        baselines,
        out: Vec::new(),
    };
    r1_three_in_a_row(&mut ctx);
    r2_after_hard(&mut ctx);
    r3_light_day(&mut ctx);
    r4_hard_sessions(&mut ctx);
    r5_volume(&mut ctx);
    r5_acwr(&mut ctx);
    r6_cut_back(&mut ctx);
    r7_taper(&mut ctx);
    r8_long_run(&mut ctx);
    r9_easy_share(&mut ctx);
    r10_after_race(&mut ctx);
    r11_available_days(&mut ctx);
    r12_heat(&mut ctx);
    ctx.out
}

/// R10: easy days after racing `distance_m`, one per [`limits::KM_PER_EASY_DAY`] km
/// (Daniels). The rules, the generator's season and its input checks all count them so.
///
/// ```
/// assert_eq!(stride::rules::easy_days_after_race(21_097.5), 8);
/// assert_eq!(stride::rules::easy_days_after_race(5_000.0), 2);
/// ```
pub fn easy_days_after_race(distance_m: f64) -> u64 {
    (distance_m / 1000.0 / limits::KM_PER_EASY_DAY).ceil() as u64
}

/// Running distance (metres) of the two weeks before `day` in a history, older week first,
/// as a baseline for R5: a week under [`limits::PROFILE_BASELINE_MIN_KM`] counts as no base
/// (0). The generator starts its ramp from the same numbers the rules judge it by.
pub fn history_weeks_before(history: &crate::model::History, day: NaiveDate) -> [f64; 2] {
    raw_history_weeks(history, day).map(|m| {
        if m >= limits::PROFILE_BASELINE_MIN_KM * 1000.0 {
            m
        } else {
            0.0
        }
    })
}

fn raw_history_weeks(history: &crate::model::History, day: NaiveDate) -> [f64; 2] {
    let mut weeks = [0.0; 2];
    for a in &history.activities {
        if !a.kind.is_running() {
            continue;
        }
        let days_before = (day - a.date()).num_days();
        if (1..=14).contains(&days_before) {
            let w = usize::from(days_before <= 7);
            weeks[w] += a.distance_m.unwrap_or(0.0);
        }
    }
    weeks
}

mod daily;
mod sessions;
mod volume;

use daily::{r1_three_in_a_row, r2_after_hard, r3_light_day, r4_hard_sessions};
pub(crate) use sessions::long_run_share;
use sessions::{r8_long_run, r9_easy_share, r10_after_race, r11_available_days, r12_heat};
use volume::{r5_acwr, r5_volume, r6_cut_back, r7_taper};

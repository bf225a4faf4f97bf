//! The rules themselves, each a function over the plan's facts.

use chrono::{Days, NaiveDate};

use super::facts::{DayFacts, PlanFacts};
use super::profile::RecoveryProfile;
use super::{CheckInput, Finding, Rule, Severity};
use crate::model::Intensity;
use crate::science::load::LoadContext;
use crate::science::pmc::{ACUTE_DAYS, CHRONIC_DAYS, lambda};

/// Days of history before a plan that seed its projected ACWR: after this many days the
/// chronic average (lambda = 2/29) keeps under 0.1% of a load.
const SEED_DAYS: usize = 120;

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
    /// R6: a cut-back week is at most this share of the week before.
    pub const CUT_BACK_SHARE: f64 = 0.85;
    /// R7: final week's share of the peak week.
    pub const TAPER_FINAL_WEEK: f64 = 0.70;
    /// R7: half and marathon: average share of the final two weeks.
    pub const TAPER_TWO_WEEKS: f64 = 0.75;
    /// R7: days before the race without hard running.
    pub const QUIET_DAYS_BEFORE_RACE: u64 = 2;
    /// R8: long run share of the week's running by running days (5+, 4, 3, 2, 1).
    pub const LONG_RUN_SHARE: [(usize, f64); 5] =
        [(5, 0.30), (4, 0.35), (3, 0.40), (2, 0.55), (1, 1.0)];
    /// R8: extra share in half-marathon and marathon plans.
    pub const LONG_RUN_SHARE_LONG_RACE: f64 = 0.10;
    /// R8: longest long run, minutes (marathon plans: the second number).
    pub const LONG_RUN_MINUTES: (f64, f64) = (150.0, 180.0);
    /// R9: share of running time at easy or recovery intensity over 4 weeks.
    pub const EASY_SHARE: f64 = 0.75;
    /// R10: kilometres raced per easy day afterwards.
    pub const KM_PER_EASY_DAY: f64 = 3.0;
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
            // From the first known day at most SEED_DAYS back: days before the history
            // began are unknown, not rest, and counting them as 0 would fake a low chronic
            // load.
            let context = LoadContext::new(input.athlete, input.settings);
            let known = history
                .activities
                .iter()
                .map(|a| (facts.start - a.date()).num_days())
                .filter(|back| (1..=SEED_DAYS as i64).contains(back))
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
    ctx.out
}

fn r1_three_in_a_row(ctx: &mut Ctx<'_>) {
    for i in 2..ctx.facts.days.len() {
        let run = &ctx.facts.days[i - 2..=i];
        if run.iter().all(DayFacts::is_moderate_plus) {
            let date = ctx.facts.date(i);
            let first = ctx.facts.date(i - 2);
            ctx.add(
                date,
                Rule::R1,
                Severity::Error,
                format!(
                    "three moderate-or-harder days in a row, {} to {}",
                    name(first),
                    name(date)
                ),
                format!("make {} an easy run or a rest day", name(date)),
            );
        }
    }
}

fn r2_after_hard(ctx: &mut Ctx<'_>) {
    let p = *ctx.profile;
    for i in 0..ctx.facts.days.len() {
        if !ctx.facts.days[i].is_hard() {
            continue;
        }
        let hard_date = ctx.facts.date(i);
        for k in 1..=i64::from(p.easy_days_after_hard) {
            let j = i as i64 + k;
            let Some(next) = ctx.day(j) else { break };
            let date = hard_date + Days::new(k as u64);
            if next.is_hard() {
                let severity = if p.hard_pair_is_warning && k == 1 {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                ctx.add(
                    date,
                    Rule::R2,
                    severity,
                    format!(
                        "hard session {} day(s) after the hard day on {}; recovery needs {} easy day(s) first",
                        k,
                        name(hard_date),
                        p.easy_days_after_hard
                    ),
                    format!("move it later or make {} easy", name(date)),
                );
            } else if next.intensity() == Intensity::Moderate && !p.moderate_after_hard_ok {
                ctx.add(
                    date,
                    Rule::R2,
                    Severity::Error,
                    format!(
                        "moderate session {} day(s) after the hard day on {}; it needs {} easy day(s) first",
                        k,
                        name(hard_date),
                        p.easy_days_after_hard
                    ),
                    format!("make {} easy, or move the hard session", name(date)),
                );
            }
        }
    }
}

fn r3_light_day(ctx: &mut Ctx<'_>) {
    let weeks: Vec<_> = ctx.facts.weeks.iter().filter(|w| w.full).cloned().collect();
    for week in weeks {
        let light = (week.first..week.first + 7)
            .filter_map(|i| ctx.day(i))
            .any(|d| {
                if ctx.profile.needs_rest_or_cross_day {
                    d.no_running
                } else {
                    d.no_running || d.intensity() <= Intensity::Recovery
                }
            });
        if !light {
            let (what, fix) = if ctx.profile.needs_rest_or_cross_day {
                (
                    "rest or cross-training day",
                    "turn the easiest run of the week into rest or cross-training",
                )
            } else {
                (
                    "recovery or rest day",
                    "turn the easiest run of the week into a recovery run or rest",
                )
            };
            ctx.add(
                week.start,
                Rule::R3,
                Severity::Error,
                format!("the week of {} has no {what}", name(week.start)),
                fix.to_owned(),
            );
        }
    }
}

fn r4_hard_sessions(ctx: &mut Ctx<'_>) {
    let max = ctx.profile.max_hard_per_week;
    let weeks: Vec<_> = ctx.facts.weeks.iter().filter(|w| w.full).cloned().collect();
    for week in weeks {
        let hard: u32 = (week.first..week.first + 7)
            .filter_map(|i| ctx.day(i))
            .map(|d| d.hard_sessions)
            .sum();
        if hard > max {
            ctx.add(
                week.start,
                Rule::R4,
                Severity::Warning,
                format!(
                    "the week of {} has {hard} hard sessions; {max} is the most that recovers",
                    name(week.start)
                ),
                "make one of them an easy run".to_owned(),
            );
        }
    }
    if ctx.profile.long_run_apart_from_hard {
        for i in 0..ctx.facts.days.len() {
            if ctx.facts.days[i].long_run.is_none() {
                continue;
            }
            let next_to_hard = [i as i64 - 1, i as i64 + 1]
                .iter()
                .any(|&j| ctx.day(j).is_some_and(DayFacts::is_hard));
            if next_to_hard {
                let date = ctx.facts.date(i);
                ctx.add(
                    date,
                    Rule::R4,
                    Severity::Warning,
                    format!("the long run on {} is next to a hard day", name(date)),
                    "leave an easy day between the long run and hard sessions".to_owned(),
                );
            }
        }
    }
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

fn r5_volume(ctx: &mut Ctx<'_>) {
    let mut volumes: Vec<(Option<NaiveDate>, f64)> =
        ctx.baselines.prior.iter().map(|v| (None, *v)).collect();
    volumes.extend(
        ctx.facts
            .weeks
            .iter()
            .filter(|w| w.full)
            .map(|w| (Some(w.start), w.running_m)),
    );
    for i in 1..volumes.len() {
        let (Some(date), volume) = volumes[i] else {
            continue;
        };
        let base = volumes[i.saturating_sub(2)..i]
            .iter()
            .map(|v| v.1)
            .fold(0.0, f64::max);
        if base > 0.0 && volume > base * (1.0 + limits::WEEKLY_GROWTH) + limits::EPSILON {
            ctx.add(
                date,
                Rule::R5,
                Severity::Warning,
                format!(
                    "the week of {} runs {:.0} km, {:.0}% more than the larger of the two weeks before ({:.0} km)",
                    name(date),
                    volume / 1000.0,
                    (volume / base - 1.0) * 100.0,
                    base / 1000.0
                ),
                format!("keep it to {:.0} km", base * (1.0 + limits::WEEKLY_GROWTH) / 1000.0),
            );
        }
        if i >= 2 {
            // Two weeks back, or three when that was larger: a cut-back week is no baseline.
            let two_before = volumes[i.saturating_sub(3)..=i - 2]
                .iter()
                .map(|v| v.1)
                .fold(0.0, f64::max);
            if two_before > 0.0
                && volume > two_before * (1.0 + limits::TWO_WEEK_GROWTH) + limits::EPSILON
            {
                ctx.add(
                    date,
                    Rule::R5,
                    Severity::Error,
                    format!(
                        "the week of {} runs {:.0}% more than two weeks earlier; over 30% in two weeks raises injury risk",
                        name(date),
                        (volume / two_before - 1.0) * 100.0
                    ),
                    format!("keep it to {:.0} km", two_before * (1.0 + limits::TWO_WEEK_GROWTH) / 1000.0),
                );
            }
        }
    }
}

/// Projected ACWR over the plan's days. For a plan the averages run over the rolling 7-day
/// load rather than single days, so the rhythm within a week (three runs in a row, then
/// rest) does not read as a spike; week-over-week ramps do. The averages start from the
/// history's actual loads when there is history; otherwise from the plan's first full week,
/// taken as what the athlete is used to (R5's volume check compares that week with the
/// profile). Race days are left out: they are what the training is for.
fn r5_acwr(ctx: &mut Ctx<'_>) {
    let days = &ctx.facts.days;
    if days.is_empty() {
        return;
    }
    let (la, lc) = (
        lambda(crate::model::LoadModel::Runalyze, ACUTE_DAYS),
        lambda(crate::model::LoadModel::Runalyze, CHRONIC_DAYS),
    );
    // Daily loads before the plan (oldest first), from history or the first plan week. The
    // chronic average forgets within a few months, so the last SEED_DAYS of history suffice.
    let before: Vec<f64> = match &ctx.baselines.history_seed {
        Some(seed) => seed.clone(),
        None => {
            // The first full week (a plan starting mid-week has an intro of a few days).
            let first = ctx
                .facts
                .weeks
                .iter()
                .find(|w| w.full)
                .map_or(0, |w| w.first.max(0) as usize);
            let week: f64 = days.iter().skip(first).take(7).map(|d| d.load).sum();
            vec![week / 7.0; CHRONIC_DAYS as usize]
        }
    };
    let daily: Vec<f64> = before
        .iter()
        .copied()
        .chain(days.iter().map(|d| d.load))
        .collect();
    let offset = before.len();
    let (mut acute, mut chronic) = (None::<f64>, None::<f64>);
    let mut above: Option<Severity> = None;
    for t in 0..daily.len() {
        let week: f64 =
            daily[t.saturating_sub(6)..=t].iter().sum::<f64>() * 7.0 / (t.min(6) + 1) as f64;
        let a = acute.map_or(week, |a| a + la * (week - a));
        let c = chronic.map_or(week, |c| c + lc * (week - c));
        acute = Some(a);
        chronic = Some(c);
        let Some(i) = t.checked_sub(offset) else {
            continue;
        };
        // Judged on days that carry load, once the 7-day window lies in the plan: before that
        // the acute load is the history's (the step from history into the plan is R5's
        // weekly volume check), a rest day cannot cause a spike, and the race is what the
        // training is for.
        let in_plan = i + 1 >= ACUTE_DAYS as usize;
        let level = if c <= 0.0 || !in_plan || days[i].race_m.is_some() || days[i].load <= 0.0 {
            None
        } else if a / c > limits::ACWR_ERROR {
            Some(Severity::Error)
        } else if a / c > limits::ACWR_WARNING {
            Some(Severity::Warning)
        } else {
            None
        };
        if level.is_some() && level > above {
            let date = ctx.facts.date(i);
            ctx.add(
                date,
                Rule::R5,
                level.unwrap_or(Severity::Warning),
                format!(
                    "projected acute:chronic workload ratio reaches {:.2} on {} (a guide: 0.8-1.3 is the usual range)",
                    a / c,
                    name(date)
                ),
                "spread the load: lighten this and the days just before".to_owned(),
            );
        }
        above = level;
    }
}

/// The first day of the taper: the plan's taper phase, else two weeks before the race.
fn taper_start(ctx: &Ctx<'_>) -> NaiveDate {
    let plan = ctx.input.plan;
    plan.phases
        .iter()
        .find(|p| p.kind == crate::model::PhaseKind::Taper)
        .map(|p| p.start)
        .unwrap_or_else(|| plan.goal.date - Days::new(14))
}

fn r6_cut_back(ctx: &mut Ctx<'_>) {
    let every = ctx.profile.cut_back_every_weeks as usize;
    let taper = taper_start(ctx);
    let weeks: Vec<_> = ctx
        .facts
        .weeks
        .iter()
        .filter(|w| w.full && w.start + Days::new(6) < taper)
        .cloned()
        .collect();
    let mut since_cut_back = 0;
    for (i, week) in weeks.iter().enumerate() {
        let cut_back = i > 0
            && week.running_m <= weeks[i - 1].running_m * limits::CUT_BACK_SHARE + limits::EPSILON;
        since_cut_back = if cut_back { 0 } else { since_cut_back + 1 };
        if since_cut_back >= every {
            ctx.add(
                week.start,
                Rule::R6,
                Severity::Warning,
                format!(
                    "{every} weeks without a cut-back week by the week of {}",
                    name(week.start)
                ),
                format!(
                    "run about 80% of the week before in the week of {}",
                    name(week.start)
                ),
            );
            since_cut_back = 0;
        }
    }
}

fn window_volume(ctx: &Ctx<'_>, from: NaiveDate, to: NaiveDate) -> f64 {
    let mut d = from;
    let mut sum = 0.0;
    while d <= to {
        if let Some(i) = ctx.facts.index(d) {
            sum += ctx.facts.days[i].running_m;
        }
        d = d + Days::new(1);
    }
    sum
}

fn r7_taper(ctx: &mut Ctx<'_>) {
    let race = ctx.input.plan.goal.date;
    // Only a plan that holds its race on the goal date has a taper to judge.
    let Some(race_index) = ctx.facts.index(race) else {
        return;
    };
    if ctx.facts.days[race_index].race_m.is_none() {
        return;
    }
    let peak = ctx
        .facts
        .weeks
        .iter()
        .filter(|w| w.full)
        .map(|w| w.running_m)
        .fold(0.0, f64::max);
    let final_week = window_volume(ctx, race - Days::new(7), race - Days::new(1));
    let long_race = ctx.input.plan.goal.distance_m >= limits::HALF_MARATHON_M;
    if peak > 0.0 {
        if long_race {
            let before = window_volume(ctx, race - Days::new(14), race - Days::new(8));
            let average = 0.5 * (final_week + before);
            if average > limits::TAPER_TWO_WEEKS * peak + limits::EPSILON {
                ctx.add(
                    race - Days::new(14),
                    Rule::R7,
                    Severity::Warning,
                    format!(
                        "the final two weeks average {:.0}% of the peak week; a taper cuts them to 75% or less",
                        average / peak * 100.0
                    ),
                    "cut the last two weeks' volume, keeping some faster running".to_owned(),
                );
            }
        } else if final_week > limits::TAPER_FINAL_WEEK * peak + limits::EPSILON {
            ctx.add(
                race - Days::new(7),
                Rule::R7,
                Severity::Warning,
                format!(
                    "the final week runs {:.0}% of the peak week; a taper cuts it to 70% or less",
                    final_week / peak * 100.0
                ),
                "cut the final week's volume, keeping a short faster session".to_owned(),
            );
        }
    }
    let faster = (1..=7)
        .filter_map(|k| ctx.facts.index(race - Days::new(k)))
        .any(|i| ctx.facts.days[i].faster_session);
    if !faster && ctx.facts.days.len() > 7 {
        ctx.add(
            race - Days::new(7),
            Rule::R7,
            Severity::Warning,
            "the final week has no short faster session; a taper keeps some intensity".to_owned(),
            "add a few short repeats at race pace or faster early in race week".to_owned(),
        );
    }
    for k in 1..=limits::QUIET_DAYS_BEFORE_RACE {
        let date = race - Days::new(k);
        if let Some(i) = ctx.facts.index(date)
            && ctx.facts.days[i].is_hard()
        {
            ctx.add(
                date,
                Rule::R7,
                Severity::Error,
                format!("hard session on {}, {k} day(s) before the race", name(date)),
                "make it easy or rest, and keep hard work at least three days before the race"
                    .to_owned(),
            );
        }
    }
}

/// R8's share limit for a number of running days.
pub(crate) fn long_run_share(running_days: usize, long_race: bool) -> f64 {
    let base = limits::LONG_RUN_SHARE
        .iter()
        .find(|(days, _)| running_days >= *days)
        .map_or(1.0, |(_, share)| *share);
    if long_race && running_days >= 3 {
        base + limits::LONG_RUN_SHARE_LONG_RACE
    } else {
        base
    }
}

fn r8_long_run(ctx: &mut Ctx<'_>) {
    let goal = ctx.input.plan.goal.distance_m;
    let long_race = goal >= limits::HALF_MARATHON_M;
    let max_minutes = if goal >= limits::MARATHON_M {
        limits::LONG_RUN_MINUTES.1
    } else {
        limits::LONG_RUN_MINUTES.0
    };
    let weeks: Vec<_> = ctx.facts.weeks.iter().filter(|w| w.full).cloned().collect();
    for week in weeks {
        let running_days = ctx.facts.running_days(&week);
        let share = long_run_share(running_days, long_race);
        for i in week.first..week.first + 7 {
            let Some((distance, duration)) = ctx.day(i).and_then(|d| d.long_run) else {
                continue;
            };
            let date = ctx.facts.date(i as usize);
            if week.running_m > 0.0 && distance > share * week.running_m + limits::EPSILON {
                ctx.add(
                    date,
                    Rule::R8,
                    Severity::Warning,
                    format!(
                        "the long run on {} is {:.0}% of the week's running; at {running_days} running days keep it to {:.0}%",
                        name(date),
                        distance / week.running_m * 100.0,
                        share * 100.0
                    ),
                    format!("shorten it to {:.1} km", share * week.running_m / 1000.0),
                );
            }
            if duration / 60.0 > max_minutes + limits::EPSILON {
                ctx.add(
                    date,
                    Rule::R8,
                    Severity::Warning,
                    format!(
                        "the long run on {} lasts {:.0} minutes; keep it to {max_minutes:.0}",
                        name(date),
                        duration / 60.0
                    ),
                    format!("shorten it to {max_minutes:.0} minutes"),
                );
            }
        }
    }
}

fn r9_easy_share(ctx: &mut Ctx<'_>) {
    let full: Vec<_> = ctx.facts.weeks.iter().filter(|w| w.full).cloned().collect();
    for block in full.windows(4) {
        let (mut easy, mut total) = (0.0, 0.0);
        for week in block {
            for d in (week.first..week.first + 7).filter_map(|i| ctx.day(i)) {
                easy += d.easy_s;
                total += d.training_s;
            }
        }
        if total > 0.0 && easy < limits::EASY_SHARE * total - limits::EPSILON {
            let date = block[0].start;
            ctx.add(
                date,
                Rule::R9,
                Severity::Warning,
                format!(
                    "in the four weeks from {} only {:.0}% of running time is easy; aim for 75% or more",
                    name(date),
                    easy / total * 100.0
                ),
                "shorten the faster parts or add easy running".to_owned(),
            );
        }
    }
}

fn r10_after_race(ctx: &mut Ctx<'_>) {
    for i in 0..ctx.facts.days.len() {
        let Some(raced) = ctx.facts.days[i].race_m else {
            continue;
        };
        let easy_days = (raced / 1000.0 / limits::KM_PER_EASY_DAY).ceil() as i64;
        let race_date = ctx.facts.date(i);
        for k in 1..=easy_days {
            if let Some(d) = ctx.day(i as i64 + k)
                && d.hard_sessions > 0
            {
                let date = race_date + Days::new(k as u64);
                ctx.add(
                    date,
                    Rule::R10,
                    Severity::Warning,
                    format!(
                        "hard session {k} day(s) after racing {:.1} km on {}; allow {easy_days} easy days",
                        raced / 1000.0,
                        name(race_date)
                    ),
                    format!("make {} easy", name(date)),
                );
            }
        }
    }
}

fn r11_available_days(ctx: &mut Ctx<'_>) {
    let available = &ctx.input.athlete.available_weekdays;
    let mut seen = std::collections::BTreeSet::new();
    for w in &ctx.input.plan.workouts {
        // Rest needs no day, and a race's date is the event's, not the athlete's choice.
        if matches!(
            w.kind,
            crate::model::WorkoutKind::Rest | crate::model::WorkoutKind::Race { .. }
        ) {
            continue;
        }
        let weekday = chrono::Datelike::weekday(&w.date);
        if !available.contains(&weekday) && seen.insert(w.date) {
            ctx.add(
                w.date,
                Rule::R11,
                Severity::Warning,
                format!("{} is not one of the athlete's running days", name(w.date)),
                "move it to an available day".to_owned(),
            );
        }
    }
}

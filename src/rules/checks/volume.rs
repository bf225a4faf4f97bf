//! Volume rules: R5 (weekly growth and projected ACWR), R6 (cut-back weeks), R7 (taper).

use chrono::{Days, NaiveDate};

use super::*;

pub(super) fn r5_volume(ctx: &mut Ctx<'_>) {
    let mut volumes: Vec<(Option<NaiveDate>, f64)> =
        ctx.baselines.prior.iter().map(|v| (None, *v)).collect();
    volumes.extend(
        ctx.facts
            .weeks
            .iter()
            .filter(|w| w.full)
            .map(|w| (Some(w.start), w.running_m)),
    );
    // A week with days off, the graded return after sick days or a tune-up race is no
    // baseline: the weeks are judged against the training weeks around it.
    let plan = ctx.input.plan;
    let volumes: Vec<(Option<NaiveDate>, f64, bool)> = volumes
        .into_iter()
        .map(|(w, v)| (w, v, w.is_some_and(|w| interrupted(plan, w))))
        .collect();
    for i in 1..volumes.len() {
        let (Some(date), volume, _) = volumes[i] else {
            continue;
        };
        // The two (and three) weeks before, interrupted weeks skipped.
        let earlier: Vec<f64> = volumes[..i].iter().filter(|v| !v.2).map(|v| v.1).collect();
        let n = earlier.len();
        let base = earlier[n.saturating_sub(2)..]
            .iter()
            .copied()
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
        if n >= 2 {
            // Two weeks back, or three when that was larger: a cut-back week is no baseline.
            let two_before = earlier[n.saturating_sub(3)..=n - 2]
                .iter()
                .copied()
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

/// Projected ACWR over the plan's days, by the same function and seed as the chart's
/// ([`crate::science::pmc::acwr`]): the days before the plan take the history's loads when
/// there is history, and the days before the data count at the mean daily load of the first
/// weeks of data ([`crate::science::pmc::seed_load`]). It is judged from the plan's 28th day,
/// when the ratio weighs the plan against itself. Race days are left out: they are what the
/// training is for.
pub(super) fn r5_acwr(ctx: &mut Ctx<'_>) {
    let days = &ctx.facts.days;
    if days.is_empty() {
        return;
    }
    let before: &[f64] = ctx.baselines.history_seed.as_deref().unwrap_or(&[]);
    let daily: Vec<f64> = before
        .iter()
        .copied()
        .chain(
            days.iter()
                .map(|d| if d.race_m.is_some() { 0.0 } else { d.load }),
        )
        .collect();
    let offset = before.len();
    // Days off, the graded return after sick days and the days around a tune-up race count
    // in the acute week but are left out of the chronic average ([`acwr_with_days_off`]):
    // they neither hide the usual load nor make the return to it look like a spike.
    let plan = ctx.input.plan;
    // Around a tune-up race: its lighter days before and its easy days after.
    let mut around_races = std::collections::BTreeSet::new();
    for w in &plan.workouts {
        if let (Some(p), Some(m)) = (w.kind.race_priority(), w.kind.race_distance_m())
            && p != crate::model::RacePriority::A
        {
            let after = super::easy_days_after_race(m).min(60) as i64;
            for k in -(limits::LIGHTER_DAYS_BEFORE_B_RACE as i64)..=after {
                around_races.insert(w.date + chrono::Duration::days(k));
            }
        }
    }
    let off: Vec<bool> = std::iter::repeat_n(false, offset)
        .chain((0..days.len()).map(|i| {
            let d = ctx.facts.date(i);
            plan.day_off(d).is_some() || plan.returning_on(d) || around_races.contains(&d)
        }))
        .collect();
    let ratios = if off.contains(&true) {
        acwr_with_days_off(&daily, &off, seed_load(&daily))
    } else {
        acwr(&daily, seed_load(&daily))
    };
    let mut above: Option<Severity> = None;
    for (i, ratio) in ratios[offset..].iter().enumerate() {
        // Judged on days that carry load, once the chronic window lies in the plan: before
        // that the ratio weighs the plan against the weeks before it, and that step is the
        // weekly volume checks' (which accept a return to the larger of the last two weeks
        // after an easy one). A rest day cannot cause a spike, and the race is what the
        // training is for.
        let in_plan = i + 1 >= CHRONIC_DAYS as usize;
        let level = match ratio {
            Some(r) if in_plan && days[i].load > 0.0 && days[i].race_m.is_none() => {
                if *r > limits::ACWR_ERROR {
                    Some(Severity::Error)
                } else if *r > limits::ACWR_WARNING {
                    Some(Severity::Warning)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let (Some(severity), Some(r)) = (level, ratio)
            && level > above
        {
            let date = ctx.facts.date(i);
            ctx.add(
                date,
                Rule::R5,
                severity,
                format!(
                    "projected acute:chronic workload ratio reaches {r:.2} on {} (a guide: 0.8-1.3 is the usual range)",
                    name(date)
                ),
                "spread the load: lighten this and the days just before".to_owned(),
            );
        }
        above = level;
    }
}

/// Whether the week from `week` holds days off, days of the graded return after sick days,
/// or a tune-up race: R5 takes no baseline from it, and R6 counts it as a lighter week.
fn interrupted(plan: &crate::model::Plan, week: NaiveDate) -> bool {
    let end = week + Days::new(6);
    let season = !plan.days_off.is_empty()
        && (0..7)
            .map(|k| week + Days::new(k))
            .any(|d| plan.day_off(d).is_some() || plan.returning_on(d));
    season
        || plan.workouts.iter().any(|x| {
            (week..=end).contains(&x.date)
                && x.kind
                    .race_priority()
                    .is_some_and(|p| p != crate::model::RacePriority::A)
        })
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

/// The first day R6 leaves to the taper: the taper's, and at the latest the last 7 days
/// before the race, which R7 judges.
fn cut_back_end(ctx: &Ctx<'_>) -> NaiveDate {
    taper_start(ctx).min(ctx.input.plan.goal.date - Days::new(7))
}

pub(super) fn r6_cut_back(ctx: &mut Ctx<'_>) {
    let every = ctx.profile.cut_back_every_weeks as usize;
    let taper = cut_back_end(ctx);
    let weeks: Vec<_> = ctx
        .facts
        .weeks
        .iter()
        .filter(|w| w.full && w.start + Days::new(6) < taper)
        .cloned()
        .collect();
    let mut since_cut_back = 0;
    // The week before, or after an interrupted week the last week that was not.
    let mut before: Option<f64> = None;
    for week in &weeks {
        let broken = interrupted(ctx.input.plan, week.start);
        let cut_back = broken
            || before
                .is_some_and(|b| week.running_m <= b * limits::CUT_BACK_SHARE + limits::EPSILON);
        if !broken {
            before = Some(week.running_m);
        }
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

pub(super) fn r7_taper(ctx: &mut Ctx<'_>) {
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
    // Days off or a graded return in the last two weeks leave the final week to freshness:
    // its volume and its faster session follow the return, not the peak.
    let time_off = (1..=14).any(|k| {
        let d = race - Days::new(k);
        ctx.input.plan.day_off(d).is_some() || ctx.input.plan.returning_on(d)
    });
    let final_week = window_volume(ctx, race - Days::new(7), race - Days::new(1));
    let long_race = ctx.input.plan.goal.distance_m >= limits::HALF_MARATHON_M;
    let final_limit = if long_race {
        limits::TAPER_FINAL_WEEK_LONG_RACE
    } else {
        limits::TAPER_FINAL_WEEK
    };
    if peak > 0.0 && !time_off {
        if final_week > final_limit * peak + limits::EPSILON {
            ctx.add(
                race - Days::new(7),
                Rule::R7,
                Severity::Warning,
                format!(
                    "the last 7 days before the race run {:.0}% of the peak week; a taper cuts them to {:.0}% or less",
                    final_week / peak * 100.0,
                    final_limit * 100.0
                ),
                "cut the final week's volume, keeping a short faster session".to_owned(),
            );
        }
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
        }
    }
    let faster = (1..=7)
        .filter_map(|k| ctx.facts.index(race - Days::new(k)))
        .any(|i| ctx.facts.days[i].faster_session);
    if !faster && !time_off && ctx.facts.days.len() > 7 {
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
            && ctx.facts.days[i].is_tough()
        {
            ctx.add(
                date,
                Rule::R7,
                Severity::Error,
                format!(
                    "{} on {}, {} before the race",
                    ctx.facts.days[i].stress.describe(),
                    name(date),
                    crate::model::days_text(k as i64)
                ),
                "make it easy or rest, and keep hard work at least three days before the race"
                    .to_owned(),
            );
        }
    }
}

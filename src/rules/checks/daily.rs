//! Day-to-day rules: R1 (three in a row), R2 (easy days after hard), R3 (a light day a
//! week), R4 (hard sessions a week; the beginner's long run apart from hard days).

use chrono::Days;

use super::*;

pub(super) fn r1_three_in_a_row(ctx: &mut Ctx<'_>) {
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

pub(super) fn r2_after_hard(ctx: &mut Ctx<'_>) {
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

pub(super) fn r3_light_day(ctx: &mut Ctx<'_>) {
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

pub(super) fn r4_hard_sessions(ctx: &mut Ctx<'_>) {
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

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

/// Easy days a tough day asks for, by the profile: by its class, and by the athlete's own
/// recovery from the long run or quality session it holds (races are R10's).
pub(super) fn easy_days_after(profile: &RecoveryProfile, day: &DayFacts) -> u32 {
    let (long_run, quality) = holds(day);
    profile.easy_days_after(day.class(), long_run, quality)
}

/// Whether a day holds a long run, and a tough session besides it that is not a race.
fn holds(day: &DayFacts) -> (bool, bool) {
    let s = &day.stress;
    (s.long_run.is_some(), s.quality_sessions > 0 && !s.race)
}

pub(super) fn r2_after_hard(ctx: &mut Ctx<'_>) {
    let p = *ctx.profile;
    for i in 0..ctx.facts.days.len() {
        let tough = &ctx.facts.days[i];
        let need = easy_days_after(&p, tough);
        if need == 0 {
            continue;
        }
        let hard_date = ctx.facts.date(i);
        // When the athlete's own recovery asks for more than the table, the message says so.
        let (long_run, _) = holds(tough);
        let table = p.easy_days_after(tough.class(), false, false);
        let easy = if need == 1 {
            "1 easy day".to_owned()
        } else {
            format!("{need} easy days")
        };
        let why = if need > table {
            let kind = if long_run && p.personal_after_long_run == need {
                "long runs"
            } else {
                "quality sessions"
            };
            format!("your check-ins after {kind} show recovery needs {easy} first")
        } else {
            format!("recovery needs {easy} first")
        };
        for k in 1..=i64::from(need) {
            let Some(next) = ctx.day(i as i64 + k) else {
                break;
            };
            if !next.is_moderate_plus() {
                continue;
            }
            let date = hard_date + Days::new(k as u64);
            let next_what = if next.is_tough() {
                "hard session"
            } else {
                "moderate session"
            };
            ctx.add(
                date,
                Rule::R2,
                Severity::Error,
                format!(
                    "{next_what} {} after {} on {}; {why}",
                    crate::model::days_text(k),
                    ctx.facts.days[i].stress.describe(),
                    name(hard_date),
                ),
                format!("move it later or make {} easy", name(date)),
            );
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
                    d.no_running || d.class() == StressClass::Light
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
            .map(|d| d.stress.quality_sessions)
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
    // Two tough sessions on one day: a very hard day, and two toward the weekly count.
    for i in 0..ctx.facts.days.len() {
        let tough = ctx.facts.days[i].stress.tough_sessions;
        if tough < 2 {
            continue;
        }
        let date = ctx.facts.date(i);
        let severity = if ctx.profile.double_day_is_warning {
            Severity::Warning
        } else {
            Severity::Error
        };
        ctx.add(
            date,
            Rule::R4,
            severity,
            format!(
                "{tough} hard sessions on {}; together they are a very hard day",
                name(date)
            ),
            "move one of them to another day, after an easy day".to_owned(),
        );
    }
    if ctx.profile.long_run_apart_from_hard {
        for i in 0..ctx.facts.days.len() {
            if ctx.facts.days[i].long_run.is_none() {
                continue;
            }
            let next_to_hard = [i as i64 - 1, i as i64 + 1]
                .iter()
                .any(|&j| ctx.day(j).is_some_and(|d| d.stress.quality_sessions > 0));
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

//! Session rules: R8 (long run share and length), R9 (easy share), R10 (recovery after a
//! race, a B race's mini-taper), R11 (available days, days off), R12 (heat).

use chrono::{Days, NaiveDate};

use crate::model::{OffReason, RacePriority, WorkoutKind, days_text};

use super::daily::easy_days_after as daily_easy_days;
use super::*;

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

pub(super) fn r8_long_run(ctx: &mut Ctx<'_>) {
    let goal = ctx.input.plan.goal.distance_m;
    let long_race = goal >= limits::HALF_MARATHON_M;
    let max_minutes = if goal >= limits::MARATHON_M {
        limits::LONG_RUN_MINUTES.1
    } else {
        limits::LONG_RUN_MINUTES.0
    };
    // Marathon plans: a long run up to the floor may exceed the share of the week.
    let floor_m = if goal >= limits::MARATHON_M {
        let easy = crate::science::load::LoadContext::new(ctx.input.athlete, ctx.input.settings)
            .paces()
            .easy_typical_s_per_km;
        1000.0 * limits::MARATHON_LONG_RUN_FLOOR_KM.min(max_minutes * 60.0 / easy)
    } else {
        0.0
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
            if week.running_m > 0.0
                && distance > (share * week.running_m).max(floor_m) + limits::EPSILON
            {
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
                    format!(
                        "shorten it to {:.1} km",
                        (share * week.running_m).max(floor_m) / 1000.0
                    ),
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

pub(super) fn r9_easy_share(ctx: &mut Ctx<'_>) {
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
                    "in the four weeks from {} only {:.0}% of running time is easy; aim for {:.0}% or more",
                    name(date),
                    easy / total * 100.0,
                    limits::EASY_SHARE * 100.0
                ),
                "shorten the faster parts or add easy running".to_owned(),
            );
        }
    }
}

/// The priority of the most important race on a day (A before B before C).
fn race_priority(plan: &crate::model::Plan, day: NaiveDate) -> Option<RacePriority> {
    plan.workouts_on(day)
        .filter_map(|w| w.kind.race_priority())
        .min()
}

pub(super) fn r10_after_race(ctx: &mut Ctx<'_>) {
    for i in 0..ctx.facts.days.len() {
        let Some(raced) = ctx.facts.days[i].race_m else {
            continue;
        };
        let race_date = ctx.facts.date(i);
        let priority = race_priority(ctx.input.plan, race_date);
        // A C race is run as a workout: R2 and R4 judge it as the hard session it is.
        if priority == Some(RacePriority::C) {
            continue;
        }
        if priority == Some(RacePriority::B) {
            for k in 1..=limits::QUIET_DAYS_BEFORE_B_RACE {
                let date = race_date - Days::new(k);
                if let Some(d) = ctx.facts.index(date).map(|j| &ctx.facts.days[j])
                    && d.is_tough()
                {
                    ctx.add(
                        date,
                        Rule::R10,
                        Severity::Warning,
                        format!(
                            "{} on {}, {} before the B race on {}; a tune-up gets a few lighter days first",
                            d.stress.describe(),
                            name(date),
                            days_text(k as i64),
                            name(race_date)
                        ),
                        format!("make {} easy", name(date)),
                    );
                }
            }
        }
        let easy_days = super::easy_days_after_race(raced);
        // R2 already speaks for the first days after the race.
        let after = i64::from(daily_easy_days(ctx.profile, &ctx.facts.days[i]));
        // Only the plan's days can break the rule: the loop is bounded by them, not by the
        // distance (a hostile 1e15 m race would otherwise run for days).
        let days_left = (ctx.facts.days.len() - 1 - i) as u64;
        for k in after + 1..=easy_days.min(days_left) as i64 {
            if let Some(d) = ctx.day(i as i64 + k)
                && d.is_tough()
            {
                let date = race_date + Days::new(k as u64);
                ctx.add(
                    date,
                    Rule::R10,
                    Severity::Warning,
                    format!(
                        "tough session {} after racing {:.1} km on {}; allow {easy_days} easy days",
                        days_text(k),
                        raced / 1000.0,
                        name(race_date)
                    ),
                    format!("make {} easy", name(date)),
                );
            }
        }
    }
}

pub(super) fn r11_available_days(ctx: &mut Ctx<'_>) {
    let available = &ctx.input.athlete.available_weekdays;
    let mut seen = std::collections::BTreeSet::new();
    for w in &ctx.input.plan.workouts {
        let Some(reason) = ctx.input.plan.day_off(w.date) else {
            continue;
        };
        let allowed = match reason {
            OffReason::Away { cross_training } => {
                !w.kind.is_running() && (cross_training || w.kind == WorkoutKind::Rest)
            }
            OffReason::Sick => w.kind == WorkoutKind::Rest,
        };
        if !allowed && seen.insert(w.date) {
            let (what, fix) = match reason {
                OffReason::Sick => ("a sick day", "rest until the illness has passed"),
                OffReason::Away {
                    cross_training: true,
                } => ("a day away", "make it cross-training or rest"),
                OffReason::Away { .. } => ("a day away", "make it a rest day"),
            };
            ctx.add(
                w.date,
                Rule::R11,
                Severity::Warning,
                format!(
                    "{} is {what}: {} is planned",
                    name(w.date),
                    w.display_title()
                ),
                fix.to_owned(),
            );
        }
    }
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

/// R12: hard running above the heat table's line (temperature plus dew point over 180 °F).
pub(super) fn r12_heat(ctx: &mut Ctx<'_>) {
    for w in &ctx.input.plan.workouts {
        let hard = w.intensity() >= crate::model::Intensity::Hard
            || matches!(w.kind, WorkoutKind::RacePace);
        if !hard || w.conditions.is_empty() {
            continue;
        }
        let adjustment = crate::science::conditions::Adjustment::for_workout(w, ctx.input.athlete);
        if let Some(f) = adjustment.heat_index_f
            && adjustment.too_hot_for_hard_running()
        {
            ctx.add(
                w.date,
                Rule::R12,
                Severity::Warning,
                format!(
                    "{} on {} in heat of {f:.0} °F (temperature + dew point); above {:.0} no hard running is advised",
                    w.display_title(),
                    name(w.date),
                    crate::science::conditions::NO_HARD_RUNNING_F
                ),
                "run it easy, early in the morning, or on a cooler day".to_owned(),
            );
        }
    }
}

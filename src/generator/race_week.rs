//! The race week, its sharpener, and weekly cross-training.

use chrono::{Datelike, Days, NaiveDate};

use super::*;

/// Days before the race the sharpener may fall on: three to five (a short, sharp session
/// keeps the taper's intensity without fatigue on race day).
pub const SHARPENER_DAYS: std::ops::RangeInclusive<i64> = 3..=5;

/// The race week: easy running, a sharpener three to five days out, a shake-out or rest the
/// day before, and the race. The week holds `final_share` of the peak week (pro rata when
/// the race comes early in the week).
pub(super) fn race_week_days(
    b: &mut Builder<'_>,
    race_week: NaiveDate,
    peak: f64,
    final_share: f64,
) {
    let race = b.input.goal.date;
    let start = b.input.start;
    let dates: Vec<NaiveDate> = (0..7)
        .map(|k| race_week + Days::new(k))
        .filter(|d| *d >= start && *d < race)
        .collect();
    let volume = peak * final_share;
    let before = b.days.len();
    let share_of_week = (dates.len() as f64 / 6.0).min(1.0);
    b.week(&WeekSpec {
        dates: &dates,
        volume: volume * share_of_week,
        long_km: 0.0,
        phase: PhaseKind::Taper,
        index: 99,
        intro: false,
        doubles: false,
    });
    // Long runs and quality days become easy; the sharpener goes on the best day.
    let mut candidates = Vec::new();
    for (date, r) in b.days[before..].iter_mut() {
        let to_race = (race - *date).num_days();
        match &*r {
            Recipe::Long { km, .. } => *r = Recipe::Easy((*km * 0.6).max(2.0)),
            _ if r.is_quality() => {
                if SHARPENER_DAYS.contains(&to_race) {
                    candidates.push(*date);
                }
                *r = Recipe::Easy((volume / 8.0).max(2.0));
            }
            Recipe::Strides(km) | Recipe::Fartlek { km, .. } => *r = Recipe::Easy(km.max(2.0)),
            _ => {}
        }
        // The last days before the race stay short.
        if to_race <= 2
            && let Recipe::Easy(km) = r
        {
            *km = km.min((volume / 6.0).clamp(3.0, 6.0));
        }
        if to_race == 1 && !matches!(r, Recipe::Rest) {
            *r = Recipe::Recovery((volume / 8.0).clamp(2.0, 4.0));
        }
    }
    // Prefer a pattern quality day; else an easy day; else any available day 3-6 days out.
    let available = &b.input.athlete.available_weekdays;
    for k in SHARPENER_DAYS {
        let date = race - Days::new(k as u64);
        if date >= start && !candidates.contains(&date) && available.contains(&date.weekday()) {
            candidates.push(date);
        }
    }
    let chosen = candidates.into_iter().find(|date| sharpener_fits(b, *date));
    if chosen.is_none() {
        // No room for a hard sharpener: an easy run with strides keeps some speed instead.
        let fallback = [3, 4, 5, 2, 6]
            .into_iter()
            .map(|k| race - Days::new(k))
            .find(|d| *d >= start && available.contains(&d.weekday()));
        if let Some(date) = fallback {
            let strides = Recipe::Strides((volume / 6.0).clamp(3.0, 8.0));
            if let Some(entry) = b.days.iter_mut().find(|(d, _)| *d == date) {
                entry.1 = strides;
            } else {
                b.days.push((date, strides));
            }
        }
    }
    if let Some(date) = chosen {
        let sharpener = Recipe::Sharpener {
            reps: if volume < 12.0 {
                3
            } else if volume < 25.0 {
                4
            } else {
                5
            },
            warm_up_km: (volume / 12.0).clamp(1.0, 2.0),
        };
        if let Some(entry) = b.days.iter_mut().find(|(d, _)| *d == date) {
            entry.1 = sharpener;
        } else {
            b.days.push((date, sharpener));
        }
        // The sharpener may fall in the week before the race week: keep that week's hard
        // sessions (the race too, when it is in the same week) within the profile's limit.
        let week_start = b.input.athlete.week_start;
        let week = week_start.week_of(date);
        let in_week = |d: NaiveDate| week_start.week_of(d) == week;
        let mut hard = 1 + usize::from(in_week(race));
        for (d, r) in b.days.iter_mut() {
            if r.is_quality() && in_week(*d) {
                if hard < b.profile.max_hard_per_week as usize {
                    hard += 1;
                } else {
                    *r = Recipe::Strides(4.0);
                }
            }
        }
    }
    // The race week keeps its day off (R3) even when the pattern's day off is race day: the
    // day before the race rests, else the earliest easy run.
    let week_start = b.input.athlete.week_start;
    let in_race_week = |d: NaiveDate| week_start.week_of(d) == race_week && d < race;
    // A day with nothing planned, or only rest or cross-training, is the week's light day.
    let has_rest = (0..7)
        .map(|k| race_week + Days::new(k))
        .any(|day| in_race_week(day) && b.days.iter().all(|(d, r)| *d != day || !r.is_run()));
    if b.profile.needs_rest_or_cross_day && !has_rest {
        let eve = race - Days::new(1);
        let easy = |r: &Recipe| matches!(r, Recipe::Easy(_) | Recipe::Recovery(_));
        let target = b
            .days
            .iter()
            .position(|(d, r)| *d == eve && in_race_week(*d) && easy(r))
            .or_else(|| b.days.iter().position(|(d, r)| in_race_week(*d) && easy(r)));
        if let Some(i) = target {
            b.days[i].1 = Recipe::Rest;
        }
    }
    // No long run in the days just before the race, even when they fall in the week before
    // the race week (a race on the first day of the week).
    let quiet = Days::new(crate::rules::limits::QUIET_DAYS_BEFORE_RACE);
    for (d, r) in b.days.iter_mut() {
        if *d < race
            && *d + quiet >= race
            && let Recipe::Long { km, .. } = *r
        {
            *r = Recipe::Easy((km * 0.6).max(2.0));
        }
    }
    b.days.push((race, Recipe::Race));
}

/// Whether a sharpener (hard) on `date` keeps the day-to-day rules with its neighbours.
fn sharpener_fits(b: &Builder<'_>, date: NaiveDate) -> bool {
    let level = |d: NaiveDate| -> u8 {
        b.days
            .iter()
            .filter(|(x, _)| *x == d)
            .map(|(_, r)| {
                if r.is_quality()
                    || matches!(
                        r,
                        Recipe::Long { .. }
                            | Recipe::Sharpener { .. }
                            | Recipe::Race
                            | Recipe::TuneUp(_)
                    )
                {
                    3
                } else {
                    0
                }
            })
            .max()
            // The race is added last, after the sharpener: count it already (a gap of three
            // easy days after the sharpener reaches race day).
            .unwrap_or(if d == b.input.goal.date { 3 } else { 0 })
    };
    let at = |k: i64| {
        level(if k < 0 {
            date - Days::new(k.unsigned_abs())
        } else {
            date + Days::new(k as u64)
        })
    };
    let p = &b.profile;
    // R1 around the day, with the sharpener counted as hard.
    let lv = |k: i64| if k == 0 { 3 } else { at(k) };
    for s in -2..=0 {
        if (s..s + 3).all(|k| lv(k) >= 2) {
            return false;
        }
    }
    // R2 both ways: no tough day (long runs included) within the gap before, nothing
    // moderate or harder within the gap after.
    let gap = p
        .easy_days_after_very_hard
        .max(p.after_long_run())
        .max(p.after_quality());
    (1..=i64::from(gap)).all(|k| at(-k) < 3 && at(k) < 2)
}

/// One easy cross-training session a week on a spare available day, keeping a full rest day.
pub(super) fn add_cross_training(b: &mut Builder<'_>) {
    let activity = match b.input.cross_training {
        CrossTrainingPreference::None => return,
        CrossTrainingPreference::Bike => CrossActivity::Cycling,
        CrossTrainingPreference::Swim => CrossActivity::Swimming,
    };
    let available = b.input.athlete.available_weekdays.clone();
    let race = b.input.goal.date;
    let week_start = b.input.athlete.week_start;
    let mut by_week: std::collections::BTreeMap<NaiveDate, Vec<usize>> = Default::default();
    for (i, (date, r)) in b.days.iter().enumerate() {
        if matches!(r, Recipe::Rest) && (race - *date).num_days() > 2 {
            by_week
                .entry(week_start.week_of(*date))
                .or_default()
                .push(i);
        }
    }
    for rests in by_week.values() {
        if rests.len() < 2 {
            continue;
        }
        if let Some(&i) = rests
            .iter()
            .find(|&&i| available.contains(&b.days[i].0.weekday()))
        {
            b.days[i].1 = Recipe::Cross(activity.clone());
        }
    }
}

/// Puts easy strides on a day three to five days before the race when nothing faster runs
/// there: on an easy run if there is one, else on a free available day. Second runs left
/// without a first run become the day's run. Returns whether anything changed.
pub(super) fn restore_sharpness(b: &mut Builder<'_>) -> bool {
    let race = b.input.goal.date;
    let start = b.input.start;
    let mut changed = false;
    // A second run whose first run was trimmed away is the day's only run.
    for i in 0..b.days.len() {
        if let Recipe::Double(km) = b.days[i].1 {
            let d = b.days[i].0;
            let alone = !b
                .days
                .iter()
                .enumerate()
                .any(|(j, (x, r))| j != i && *x == d && r.is_run());
            if alone {
                b.days[i].1 = Recipe::Easy(km);
                changed = true;
            }
        }
    }
    let window = |d: NaiveDate| {
        (race - d).num_days() >= *SHARPENER_DAYS.start()
            && (race - d).num_days() <= *SHARPENER_DAYS.end()
    };
    let sharp = b.days.iter().any(|(d, r)| {
        window(*d) && (r.is_quality() || matches!(r, Recipe::Strides(_) | Recipe::Sharpener { .. }))
    });
    if sharp {
        return changed;
    }
    if let Some(i) = b
        .days
        .iter()
        .position(|(d, r)| window(*d) && matches!(r, Recipe::Easy(_) | Recipe::Recovery(_)))
    {
        let km = match b.days[i].1 {
            Recipe::Easy(km) | Recipe::Recovery(km) => km,
            _ => 3.0,
        };
        let day = b.days[i].0;
        let before = b.km(day, &b.days[i].1);
        b.days[i].1 = Recipe::Strides(km.max(3.0));
        // Strides add a little running: the longest other easy run of the last week gives
        // it back, so the taper stays as deep.
        let grown = b.km(day, &b.days[i].1) - before;
        let last_week = |x: NaiveDate| x < race && x + Days::new(7) >= race && x != day;
        let other = (0..b.days.len())
            .filter(|&j| last_week(b.days[j].0) && matches!(b.days[j].1, Recipe::Easy(_)))
            .max_by(|&x, &y| {
                let (kx, ky) = (
                    b.km(b.days[x].0, &b.days[x].1),
                    b.km(b.days[y].0, &b.days[y].1),
                );
                kx.total_cmp(&ky)
            });
        if grown > 0.0
            && let Some(j) = other
            && let Recipe::Easy(km) = b.days[j].1
        {
            b.days[j].1 = Recipe::Easy((km - grown).max(2.0));
        }
        return true;
    }
    let available = &b.input.athlete.available_weekdays;
    let free = SHARPENER_DAYS
        .map(|k| race - Days::new(k as u64))
        .find(|d| {
            *d >= start
                && available.contains(&d.weekday())
                && b.days
                    .iter()
                    .all(|(x, r)| x != d || matches!(r, Recipe::Rest))
        });
    if let Some(d) = free {
        // Moved there from elsewhere in the last week when there is an easy run to move, so
        // the week does not grow.
        let last_week = |x: NaiveDate| x < race && x + Days::new(7) >= race && !window(x);
        let moved = b.days.iter().position(|(x, r)| {
            last_week(*x)
                && matches!(
                    r,
                    Recipe::Easy(_) | Recipe::Recovery(_) | Recipe::Strides(_)
                )
        });
        let km = match moved.map(|i| b.days[i].1.clone()) {
            Some(Recipe::Easy(km) | Recipe::Recovery(km) | Recipe::Strides(km)) => km,
            _ => 3.0,
        };
        if let Some(i) = moved {
            b.days[i].1 = Recipe::Rest;
        }
        b.days.retain(|(x, _)| *x != d);
        b.days.push((d, Recipe::Strides(km.max(3.0))));
        return true;
    }
    changed
}

//! Real life inside a plan: tune-up races, days away and sick days (`training-science.md`,
//! section 9).
//!
//! The weeks are built as usual, then the season is laid over them, and laid again after
//! every hold and repair, so no trim or fix brings back what it took out:
//!
//! - **Days away**: no running. With cross-training possible, the day's run becomes easy
//!   cross-training. The other days of the week run no more than they were planned to: the
//!   days off are not made up around them.
//! - **Sick days**: no training, then a graded return (Stride's reading of the notes): for as
//!   many days as the illness lasted (3 to 7), running is cut to [`RETURN_SHARES`]`[0]` of
//!   what was planned, then for as many again to [`RETURN_SHARES`]`[1]`, and neither block
//!   holds a hard session or a long run ([`DaysOff::return_block_days`]).
//! - **B races**: a mini-taper: the [`B_LIGHTER_DAYS`] days before run at most
//!   [`B_LIGHTER_SHARE`] of what was planned, the last [`B_QUIET_DAYS`] of them with nothing
//!   hard; after the race an easy day per 3 km raced (R10), the first at most a recovery run's
//!   length. Long runs falling there become easy runs: the race is that week's long effort.
//! - **C races**: run as a workout: the days before and after get a hard session's easy
//!   days.
//! - Every tune-up race counts as one of its week's hard sessions (R4): the week's quality
//!   session nearest it gives way to an easy run.
//! - After three days or more away with no running, the first [`AWAY_RETURN_DAYS`] days back
//!   hold nothing hard and run at most [`AWAY_RETURN_SHARE`] of what they were planned to
//!   (Stride's own caution: travel leaves legs stiff, and the time off is not made up).
//!
//! A week interrupted this way is no baseline for the next week's growth, here as in the
//! rules (R5): the ramp is judged against the training weeks around it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};

use super::recipe::Recipe;
use super::*;
use crate::model::{DaysOff, OffReason, RacePriority};
use crate::rules::stress::StressClass;

/// Shares of the planned running in the two blocks after sick days.
pub const RETURN_SHARES: [f64; 2] = [0.5, 0.75];
/// Days before a B race that run lighter.
pub const B_LIGHTER_DAYS: u64 = crate::rules::limits::LIGHTER_DAYS_BEFORE_B_RACE;
/// What those days run at most, as a share of what was planned.
pub const B_LIGHTER_SHARE: f64 = 0.75;
/// Days before a B race with nothing hard.
pub const B_QUIET_DAYS: u64 = 3;
/// Days away without running from which the first days back run lighter.
pub const AWAY_RETURN_FROM_DAYS: i64 = 3;
/// Days back after time away with nothing hard, at most [`AWAY_RETURN_SHARE`] of what they
/// were planned to run.
pub const AWAY_RETURN_DAYS: u64 = 2;
/// What the first days back after time away run at most, as a share of the plan.
pub const AWAY_RETURN_SHARE: f64 = 0.75;
/// The day after a B race runs at most this far, km.
const AFTER_B_RACE_KM: f64 = 5.0;

/// The season laid over a plan's days.
#[derive(Clone, Debug, Default)]
pub(super) struct Season {
    off: BTreeMap<NaiveDate, OffReason>,
    /// Tune-up races by date: their index in the input.
    races: BTreeMap<NaiveDate, usize>,
    /// Days with nothing hard and no long run.
    quiet: BTreeSet<NaiveDate>,
    /// The most a day runs, as a share of what it was planned to run.
    shares: BTreeMap<NaiveDate, f64>,
    /// The most a day runs, km, worked out from the shares once the weeks are built.
    caps_km: BTreeMap<NaiveDate, f64>,
    /// Days of the graded return after sick days.
    returning: BTreeSet<NaiveDate>,
}

impl Season {
    /// The season of an input, over the plan's days (`input.start` to the race).
    pub(super) fn new(input: &GeneratorInput, profile: &RecoveryProfile) -> Season {
        let mut s = Season::default();
        let race = input.goal.date;
        let in_plan = |d: NaiveDate| d >= input.start && d < race;
        for off in &input.days_off {
            for d in days(off.from, off.to) {
                if in_plan(d) {
                    let reason = s.off.entry(d).or_insert(off.reason);
                    if off.reason.strictness() > reason.strictness() {
                        *reason = off.reason;
                    }
                }
            }
            s.add_return(off, &in_plan);
        }
        // A race is a tough day: the tough sessions before it keep the easy days they ask
        // for, and a C race gets a hard session's after it.
        let gap = u64::from(
            profile
                .easy_days_after(StressClass::VeryHard, false, false)
                .max(1),
        );
        for (i, t) in input.tune_ups.iter().enumerate() {
            if !in_plan(t.date) {
                continue;
            }
            s.races.insert(t.date, i);
            match t.priority {
                RacePriority::C => {
                    s.quiet_days(t.date - Days::new(gap), t.date - Days::new(1));
                    s.quiet_days(t.date + Days::new(1), t.date + Days::new(gap.max(2)));
                }
                RacePriority::A | RacePriority::B => {
                    let easy = crate::rules::easy_days_after_race(t.distance_m).max(1);
                    let before = B_QUIET_DAYS.max(gap);
                    s.quiet_days(t.date - Days::new(before), t.date - Days::new(1));
                    s.quiet_days(t.date + Days::new(1), t.date + Days::new(easy));
                    for k in 1..=B_LIGHTER_DAYS {
                        s.share(t.date - Days::new(k), B_LIGHTER_SHARE);
                    }
                }
            }
        }
        s.quiet.retain(|d| in_plan(*d));
        s
    }

    /// True when the plan has no season to lay over it.
    pub(super) fn is_empty(&self) -> bool {
        self.off.is_empty() && self.races.is_empty() && self.quiet.is_empty()
    }

    fn quiet_days(&mut self, from: NaiveDate, to: NaiveDate) {
        self.quiet.extend(days(from, to));
    }

    fn share(&mut self, day: NaiveDate, share: f64) {
        let s = self.shares.entry(day).or_insert(1.0);
        *s = s.min(share);
    }

    /// The graded return after sick days, and a quiet start after a long time away.
    fn add_return(&mut self, off: &DaysOff, in_plan: &dyn Fn(NaiveDate) -> bool) {
        let after = off.to + Days::new(1);
        match off.reason {
            OffReason::Sick => {
                let n = off.return_block_days().unwrap_or(1);
                for (block, share) in RETURN_SHARES.iter().enumerate() {
                    let from = after + Days::new(block as u64 * n);
                    for d in days(from, from + Days::new(n - 1)) {
                        if in_plan(d) {
                            self.share(d, *share);
                            self.quiet.insert(d);
                            self.returning.insert(d);
                        }
                    }
                }
            }
            OffReason::Away {
                cross_training: false,
            } if off.len_days() >= AWAY_RETURN_FROM_DAYS => {
                for d in days(after, after + Days::new(AWAY_RETURN_DAYS - 1)) {
                    if in_plan(d) {
                        self.quiet.insert(d);
                        self.share(d, AWAY_RETURN_SHARE);
                    }
                }
            }
            OffReason::Away { .. } => {}
        }
    }

    /// The recipe a tune-up race's day holds.
    pub(super) fn race_on(&self, day: NaiveDate) -> Option<usize> {
        self.races.get(&day).copied()
    }

    /// True when a week (its first day) holds a day off, a day of the graded return after
    /// sick days or a tune-up race: no baseline for the next weeks' growth (as in R5).
    pub(super) fn interrupts(&self, week: NaiveDate) -> bool {
        let end = week + Days::new(6);
        self.off.range(week..=end).next().is_some()
            || self.returning.range(week..=end).next().is_some()
            || self.races.range(week..=end).next().is_some()
    }

    /// Works out each capped day's km from what the built weeks plan there, then lays the
    /// season over the days.
    pub(super) fn apply(b: &mut Builder<'_>) {
        if b.season.is_empty() {
            return;
        }
        for (i, t) in b.input.tune_ups.iter().enumerate() {
            if b.season.races.get(&t.date) == Some(&i) {
                b.days.push((t.date, Recipe::TuneUp(i)));
            }
        }
        // The other days of a week with days off run no more than planned: what the days off
        // lose is not made up around them.
        let week_start = b.input.athlete.week_start;
        let weeks: BTreeSet<NaiveDate> = b
            .season
            .off
            .keys()
            .map(|d| week_start.week_of(*d))
            .collect();
        for week in weeks {
            for d in days(week, week + Days::new(6)) {
                if !b.season.off.contains_key(&d) {
                    b.season.share(d, 1.0);
                }
            }
        }
        let caps: Vec<(NaiveDate, f64)> = b
            .season
            .shares
            .iter()
            .map(|(d, share)| (*d, share * b.km_where(|x| x == *d)))
            .collect();
        b.season.caps_km = caps.into_iter().collect();
        Season::settle(b);
        b.season
            .recount_cut_backs(&mut b.weeks, b.profile.cut_back_every_weeks as usize);
    }

    /// Cut-back weeks counted again from the interrupted weeks: a week with days off or a
    /// race is already lighter (R6 counts it so), and the next cut-back comes the usual
    /// number of weeks after it, not where the standard plan had it.
    fn recount_cut_backs(&self, weeks: &mut [(NaiveDate, bool, Option<f64>)], every: usize) {
        if !weeks.iter().any(|(w, _, _)| self.interrupts(*w)) {
            return;
        }
        let mut since = 0;
        for (week, cut_back, taper) in weeks.iter_mut() {
            if taper.is_some() {
                break;
            }
            if self.interrupts(*week) {
                *cut_back = false;
                since = 0;
                continue;
            }
            since += 1;
            *cut_back = since >= every;
            if *cut_back {
                since = 0;
            }
        }
    }

    /// Lays the season over the days again: days off without running, races alone on their
    /// day, quiet days easy, capped days within their km. Only ever takes load away, so it
    /// can follow every hold and repair.
    pub(super) fn settle(b: &mut Builder<'_>) {
        if b.season.is_empty() {
            return;
        }
        let season = std::mem::take(&mut b.season);
        let easy_max_km = EASY_RUN_MAX_MINUTES * 60.0 / b.context.paces().easy_typical_s_per_km;
        // Days off and race days first: a day off keeps one rest day (or, away with
        // cross-training possible, easy cross-training where a run was planned), a race day
        // its race alone.
        let ran: BTreeSet<NaiveDate> = b
            .days
            .iter()
            .filter(|(d, r)| {
                season.off.contains_key(d) && (r.is_run() || matches!(r, Recipe::Cross(_)))
            })
            .map(|(d, _)| *d)
            .collect();
        b.days.retain(|(d, r)| match season.race_on(*d) {
            Some(_) => matches!(r, Recipe::TuneUp(_)),
            None => !season.off.contains_key(d),
        });
        // The athlete's cross-training, else cycling.
        let activity = match b.input.cross_training {
            CrossTrainingPreference::Swim => CrossActivity::Swimming,
            _ => CrossActivity::Cycling,
        };
        for (d, reason) in &season.off {
            let recipe = match reason {
                OffReason::Away {
                    cross_training: true,
                } if ran.contains(d) => Recipe::Cross(activity.clone()),
                _ => Recipe::Rest,
            };
            b.days.push((*d, recipe));
        }
        // Quiet and capped days run once: a second run joins the day's run.
        let calm = |d: &NaiveDate| season.quiet.contains(d) || season.caps_km.contains_key(d);
        let mut joined = Vec::new();
        for i in 0..b.days.len() {
            let (day, Recipe::Double(km)) = b.days[i].clone() else {
                continue;
            };
            if !calm(&day) {
                continue;
            }
            let first = (0..b.days.len()).find(|&j| {
                b.days[j].0 == day && matches!(b.days[j].1, Recipe::Easy(_) | Recipe::Recovery(_))
            });
            match first.map(|j| &mut b.days[j].1) {
                Some(Recipe::Easy(x) | Recipe::Recovery(x)) => {
                    *x += km;
                    joined.push(i);
                }
                _ => b.days[i].1 = Recipe::Easy(km),
            }
        }
        for i in joined.into_iter().rev() {
            b.days.remove(i);
        }
        // Quiet days: nothing hard, no long run.
        for i in 0..b.days.len() {
            let (d, r) = &b.days[i];
            if season.quiet.contains(d)
                && (r.is_quality()
                    || matches!(
                        r,
                        Recipe::Long { .. } | Recipe::Fartlek { .. } | Recipe::Sharpener { .. }
                    ))
            {
                let km = b.km(*d, r).min(easy_max_km);
                b.days[i].1 = Recipe::Easy(half_km(km).max(3.0));
            }
        }
        // The day after a B race: a recovery run at most.
        for (i, t) in b.input.tune_ups.iter().enumerate() {
            if season.race_on(t.date) != Some(i) || t.priority == RacePriority::C {
                continue;
            }
            let next = t.date + Days::new(1);
            for (d, r) in &mut b.days {
                if *d == next
                    && let Recipe::Easy(km) | Recipe::Double(km) = *r
                {
                    *r = Recipe::Recovery(half_km(km.min(AFTER_B_RACE_KM)).max(2.0));
                }
            }
        }
        // A race is one of the week's hard sessions (R4): the quality session nearest it in
        // its week becomes easy.
        let week_start = b.input.athlete.week_start;
        for (i, t) in b.input.tune_ups.iter().enumerate() {
            if season.race_on(t.date) != Some(i) {
                continue;
            }
            let week = week_start.week_of(t.date);
            let nearest = (0..b.days.len())
                .filter(|&j| b.days[j].1.is_quality() && week_start.week_of(b.days[j].0) == week)
                .min_by_key(|&j| (b.days[j].0 - t.date).num_days().abs());
            if let Some(j) = nearest {
                let km = b.km(b.days[j].0, &b.days[j].1).min(easy_max_km);
                b.days[j].1 = Recipe::Easy(half_km(km).max(3.0));
            }
        }
        // Capped days: scaled down to their km, or rest when that is under an easy run.
        for (day, cap) in &season.caps_km {
            let have = b.km_where(|d| d == *day);
            if have <= cap + 0.05 {
                continue;
            }
            let runs: Vec<usize> = (0..b.days.len())
                .filter(|&j| b.days[j].0 == *day && b.days[j].1.is_run())
                .collect();
            if *cap < 2.0 {
                b.days.retain(|(d, r)| *d != *day || !r.is_run());
                if !b.days.iter().any(|(d, _)| d == day) {
                    b.days.push((*day, Recipe::Rest));
                }
                continue;
            }
            let f = cap / have;
            for j in runs {
                let r = &b.days[j].1;
                b.days[j].1 = match *r {
                    Recipe::Easy(km) => Recipe::Easy(half_km(km * f).max(2.0)),
                    Recipe::Recovery(km) => Recipe::Recovery(half_km(km * f).max(2.0)),
                    Recipe::Double(km) => Recipe::Double(half_km(km * f).max(2.0)),
                    Recipe::Strides(km) => Recipe::Strides(half_km(km * f).max(3.0)),
                    _ => r.scaled(f),
                };
            }
        }
        b.season = season;
    }
}

/// Every day from `from` to `to`, both included (none when `to` is before `from`).
fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    std::iter::successors(Some(from), |d| d.checked_add_days(Days::new(1)))
        .take_while(move |d| *d <= to)
}

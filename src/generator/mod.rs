//! The plan generator: a plan toward a goal race with recovery built in.
//!
//! The plan is made to pass [`crate::rules`] with no findings:
//!
//! - **One weekly pattern** of run days, quality days and the long run, chosen over the
//!   athlete's available days so that, repeated week after week, it keeps the day-to-day
//!   rules (R1, R2, R3, R4).
//! - **Shape** ([`shape`]): volume builds from the athlete's current week toward a peak
//!   for the race and level, with a cut-back week every 3rd (beginners, 50+) or 4th week;
//!   long runs grow in steps of about 2 km and peak 3-5 weeks before the race (a marathon's
//!   reaches 28 km or three hours); the taper cuts the last 7 days to half the peak week
//!   (60% for 5K and 10K) and keeps the intensity.
//! - **Phases**: base (hills and strides; strides and fartlek first for runners new to
//!   training), build, peak (race-specific work), taper, and a race week with a short
//!   sharpener three to five days out.
//! - **Sessions** ([`quality`], [`sessions`]): chosen by race and phase, sized within
//!   Daniels' weekly caps (T 10%, I the lesser of 10 km and 8%, R the lesser of 8 km and 5%),
//!   reps chosen by time at the athlete's pace, and about 80% of running time easy.
//! - **Doubles**: advanced and elite runners whose week is more than one run a day of about
//!   80 minutes get easy second runs on some days.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::generator::{generate, GeneratorInput, CrossTrainingPreference};
//! use stride::model::{Athlete, GoalRace, Settings};
//! use stride::rules::{check_plan, CheckInput};
//!
//! let mut athlete = Athlete::example();
//! athlete.vdot = Some(45.0);
//! let input = GeneratorInput {
//!     athlete: athlete.clone(),
//!     goal: GoalRace { name: "City 10K".into(), distance_m: 10_000.0,
//!         date: NaiveDate::from_ymd_opt(2027, 4, 25).unwrap(), goal_time_s: None },
//!     start: NaiveDate::from_ymd_opt(2027, 2, 15).unwrap(),
//!     longest_recent_run_km: None,
//!     cross_training: CrossTrainingPreference::None,
//!     tune_ups: Vec::new(),
//!     days_off: Vec::new(),
//! };
//! let settings = Settings::default();
//! let plan = generate(&input, &settings).unwrap();
//! let findings = check_plan(&CheckInput { plan: &plan, athlete: &athlete,
//!     settings: &settings, history: None });
//! assert!(findings.is_empty(), "{findings:?}");
//! ```

mod input;
mod locked;
pub mod optimize;
pub(crate) mod pattern;
pub mod quality;
mod race_week;
mod recipe;
mod repair;
pub mod season;
pub mod sessions;
pub mod shape;
mod volume;

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{
    Athlete, CrossActivity, ExperienceLevel, GoalRace, Phase, PhaseKind, Plan, Settings, Workout,
};
use crate::rules::profile::RecoveryProfile;
use crate::rules::{CheckInput, Rule, check_with_profile};
use crate::science::load::LoadContext;
use crate::science::paces::athlete_vdot;
use crate::science::recovery_time::PersonalRecovery;
use pattern::{Pattern, Slot};
use sessions::Sessions;

use crate::rules::limits::HALF_MARATHON_M;
pub use input::{
    CrossTrainingPreference, DOUBLE_MAX_MINUTES, DOUBLE_MIN_KM, GenerateError, GenerateErrorKind,
    GeneratorInput, MARATHON_MIN_DAYS, MARATHON_MIN_START_KM, MAX_MINUTES_PER_RUN_DAY,
    MAX_SEASON_ENTRIES, MAX_WEEKS, MIN_DAYS, MIN_START_KM, TUNE_UP_MIN_DAYS_BEFORE, TuneUp,
    days_after_race, marathon_min_start_km, max_km_per_run_day, max_run_days, max_weekly_km,
    min_weeks,
};
use input::{unmet, validate};
pub use locked::keep_locked;
use race_week::{add_cross_training, race_week_days};
use recipe::{Recipe, half_km, make};
use repair::{REPAIR_ROUNDS, repair};
pub use shape::PlanTuning;
use shape::RaceClass;
use volume::{
    hold_final_week, hold_long_run_peak, hold_minutes_per_run, hold_session_caps,
    hold_volume_progression,
};

/// The longest easy run, minutes: well under the 90 minutes that make a run tough
/// ([`crate::rules::stress::LONG_RUN_TOUGH_MINUTES`]).
pub const EASY_RUN_MAX_MINUTES: f64 = 80.0;

/// The first week over the average week of the four before it, when there is history: the
/// projected ACWR (R5) warns at 1.3.
const HISTORY_MONTH_GROWTH: f64 = 1.15;

/// How much a week may lengthen its long run to keep it the longest run of the week, km
/// (within the 1.5-2.5 km steps of the progression).
const LONG_GROWTH_IN_WEEK_KM: f64 = 1.0;

/// Everything the week builder needs.
struct Builder<'a> {
    input: &'a GeneratorInput,
    context: LoadContext,
    profile: RecoveryProfile,
    pattern: Pattern,
    quality_max: usize,
    class: RaceClass,
    /// A runner new to training: strides and fartlek first.
    novice: bool,
    /// Easy second runs allowed (advanced and elite).
    doubles: bool,
    /// The first day of the week whose long run is the plan's longest.
    peak_long_week: Option<NaiveDate>,
    /// The goal race's pace is faster than T pace.
    race_faster_than_t: bool,
    /// A marathon's long-run floor, km (0 for shorter races).
    long_floor_km: f64,
    days: Vec<(NaiveDate, Recipe)>,
    /// Kilometres and minutes of the sessions made so far, by their sizes.
    sizes: std::cell::RefCell<std::collections::HashMap<recipe::SizeKey, (f64, f64)>>,
    /// Full weeks: first day, whether it is a cut-back week, and for taper weeks their share
    /// of the peak week.
    weeks: Vec<(NaiveDate, bool, Option<f64>)>,
    /// Tune-up races, days away and sick days, laid over the weeks.
    season: season::Season,
}

fn slot_index(date: NaiveDate) -> usize {
    date.weekday().num_days_from_monday() as usize
}

/// One week to build: its days, volume, long run and phase.
struct WeekSpec<'d> {
    dates: &'d [NaiveDate],
    volume: f64,
    long_km: f64,
    phase: PhaseKind,
    index: usize,
    /// The first days of a plan that starts mid-week: easy running only.
    intro: bool,
    /// Easy second runs allowed this week (not in race week).
    doubles: bool,
}

impl Builder<'_> {
    fn sessions(&self) -> Sessions<'_> {
        Sessions {
            context: &self.context,
            next_id: 1,
            goal_m: self.input.goal.distance_m,
        }
    }

    /// Kilometres a recipe runs, measured as the rules measure them (from the steps).
    fn km(&self, date: NaiveDate, r: &Recipe) -> f64 {
        self.split(date, r).0
    }

    /// Minutes a recipe runs.
    fn minutes(&self, date: NaiveDate, r: &Recipe) -> f64 {
        self.split(date, r).1
    }

    /// Kilometres and minutes a recipe runs: worked out directly for steady runs, from the
    /// workout (made once per size) for sessions with structure.
    fn split(&self, date: NaiveDate, r: &Recipe) -> (f64, f64) {
        if let Some(split) = self.steady_split(r) {
            return split;
        }
        let key = r.size_key();
        if let Some(k) = key
            && let Some(split) = self.sizes.borrow().get(&k)
        {
            return *split;
        }
        let mut s = self.sessions();
        let split = make(&mut s, self.input, date, r).map_or((0.0, 0.0), |w| {
            let (duration, distance, _) = self.context.running_split(&w);
            (distance / 1000.0, duration / 60.0)
        });
        if let Some(k) = key {
            self.sizes.borrow_mut().insert(k, split);
        }
        split
    }

    /// Kilometres and minutes of the steady recipes (rest, easy running, the long run), worked
    /// out as their workouts' steps would give them, without making the workouts: the holds
    /// and repairs ask for them many times over.
    fn steady_split(&self, r: &Recipe) -> Option<(f64, f64)> {
        let p = self.context.paces();
        // Segments are whole metres.
        let metres = |km: f64| (km * 1000.0).round() / 1000.0;
        let easy = |km: f64| {
            let km = metres(km);
            (km, km * p.easy_typical_s_per_km / 60.0)
        };
        match *r {
            Recipe::Rest | Recipe::Cross(_) | Recipe::TuneUp(_) => Some((0.0, 0.0)),
            Recipe::Easy(km) | Recipe::Recovery(km) | Recipe::Double(km) => Some(easy(km)),
            Recipe::Long { km, marathon_km } => {
                let total = half_km(km);
                if marathon_km > 0.0 {
                    let (e, m) = (metres(total - marathon_km), metres(marathon_km));
                    Some((
                        e + m,
                        (e * p.easy_typical_s_per_km + m * p.marathon_s_per_km) / 60.0,
                    ))
                } else {
                    Some(easy(total))
                }
            }
            _ => None,
        }
    }

    /// Kilometres run on the days `pick` chooses.
    fn km_where(&self, pick: impl Fn(NaiveDate) -> bool) -> f64 {
        self.days
            .iter()
            .filter(|(d, _)| pick(*d))
            .map(|(d, r)| self.km(*d, r))
            .sum()
    }

    /// The index of the shortest easy or recovery run on the days `pick` chooses.
    fn shortest_easy(&self, pick: impl Fn(NaiveDate) -> bool) -> Option<usize> {
        self.days
            .iter()
            .enumerate()
            .filter(|(_, (d, r))| pick(*d) && matches!(r, Recipe::Easy(_) | Recipe::Recovery(_)))
            .min_by(|x, y| self.km(x.1.0, &x.1.1).total_cmp(&self.km(y.1.0, &y.1.1)))
            .map(|(i, _)| i)
    }

    /// The pattern for a week with `quality` quality sessions: extra quality days, nearest
    /// the long run first, become easy.
    fn week_pattern(&self, quality: usize) -> Pattern {
        let mut p = self.pattern;
        let long = p.iter().position(|s| *s == Slot::Long).unwrap_or(6) as i32;
        let mut q: Vec<usize> = (0..7).filter(|&i| p[i] == Slot::Quality).collect();
        q.sort_by_key(|&i| {
            let d = (i as i32 - long).rem_euclid(7);
            std::cmp::Reverse(d.min(7 - d))
        });
        for &i in q.iter().skip(quality) {
            p[i] = Slot::Easy;
        }
        p
    }

    fn quality_for(&self, phase: PhaseKind, volume: f64) -> usize {
        let (base, build, peak) = match self.profile.level {
            ExperienceLevel::Beginner => (1, 1, 2),
            ExperienceLevel::Intermediate => (1, 2, 2),
            ExperienceLevel::Advanced => (2, 2, 3),
            ExperienceLevel::Elite => (2, 3, 3),
        };
        let wanted = match phase {
            PhaseKind::Base | PhaseKind::CutBack => base,
            PhaseKind::Build => build,
            PhaseKind::Peak | PhaseKind::Taper => peak,
        };
        let by_volume = if volume < 15.0 { 1 } else { 3 };
        // At least one easy run besides the long run carries the week's volume.
        let runs = self.pattern.iter().filter(|s| **s != Slot::Off).count();
        wanted
            .min(by_volume)
            .min(self.quality_max)
            .min(runs.saturating_sub(2).max(1))
    }

    /// The recipes of one week.
    fn week(&mut self, w: &WeekSpec<'_>) {
        let Some(&first_day) = w.dates.first() else {
            return;
        };
        let quality = if w.intro {
            0
        } else {
            self.quality_for(w.phase, w.volume)
        };
        let p = self.week_pattern(quality);
        let runs = p.iter().filter(|s| **s != Slot::Off).count();
        let paces = *self.context.paces();
        let easy_pace = paces.easy_typical_s_per_km;
        let long_km = w.long_km;
        // Marathon-pace finishes on the long run in the peak phase, and in the build phase
        // too when the week has no room for an M session.
        let m_finish = match w.phase {
            PhaseKind::Peak => true,
            PhaseKind::Build => quality == 0,
            _ => false,
        };
        let marathon_km = if m_finish && self.class == RaceClass::Marathon && !w.intro {
            quality::long_run_m_km(&paces, w.volume, long_km, quality)
        } else {
            0.0
        };
        let gentle =
            self.novice && (first_day - self.input.start).num_days() < quality::GENTLE_START_DAYS;
        let sessions = quality::QualityWeek {
            class: self.class,
            paces: &paces,
            phase: w.phase,
            volume: w.volume,
            week: w.index,
            count: quality,
            gentle,
            novice: self.novice,
            long_m_km: marathon_km,
            race_faster_than_t: self.race_faster_than_t,
        }
        .sessions();
        let mut q_iter = sessions.into_iter();
        // First pass: long run and quality sessions, in pattern order.
        let mut planned: Vec<(NaiveDate, Option<Recipe>)> = Vec::new();
        let mut fixed_km = 0.0;
        let mut easy_days = Vec::new();
        for &date in w.dates {
            let slot = p[slot_index(date)];
            let recipe = match slot {
                Slot::Long => Some(Recipe::Long {
                    km: long_km,
                    marathon_km,
                }),
                Slot::Quality => q_iter.next(),
                Slot::Easy => {
                    easy_days.push(date);
                    None
                }
                Slot::Off => Some(Recipe::Rest),
            };
            match &recipe {
                // The exact distance, not the rounded one, so rounding does not squeeze out
                // an easy run.
                Some(Recipe::Long { km, .. }) => fixed_km += km,
                Some(Recipe::Strides(_) | Recipe::Fartlek { .. }) | None => {}
                Some(r) => fixed_km += self.km(date, r),
            }
            planned.push((date, recipe));
        }
        // Strides and fartlek sessions are easy runs with something added.
        for (date, r) in &planned {
            if matches!(r, Some(Recipe::Strides(_) | Recipe::Fartlek { .. })) {
                easy_days.push(*date);
            }
        }
        let mut left = w.volume - fixed_km;
        if w.intro {
            // Intro days carry the same daily volume as a full week would.
            left = (w.volume - long_km) / (runs.max(1) as f64) * easy_days.len() as f64;
        }
        let mut each = if easy_days.is_empty() {
            0.0
        } else {
            left / easy_days.len() as f64
        };
        // Far too little left for every easy day: fewer easy runs, unless the week needs
        // them to keep its minutes a run (a short one spreads them).
        let week_minutes = w.volume * easy_pace / 60.0;
        // With room to spare: warm-ups, jogs and rounding add minutes.
        let runs_needed = (week_minutes / (MAX_MINUTES_PER_RUN_DAY - 8.0)).ceil() as usize;
        let other_runs = planned
            .iter()
            .filter(|(_, r)| matches!(r, Some(r) if !matches!(r, Recipe::Rest)))
            .count();
        while !easy_days.is_empty() && each < 0.8 && other_runs + easy_days.len() > runs_needed {
            easy_days.pop();
            each = if easy_days.is_empty() {
                0.0
            } else {
                left / easy_days.len() as f64
            };
        }
        // No easy run is longer than the long run, nor so long that it becomes a second
        // long run (a tough day by its load). In a small week whose easy runs would outgrow
        // the long run, the long run grows to them, within R8's share.
        let single_max = EASY_RUN_MAX_MINUTES * 60.0 / easy_pace;
        let mut long_km = long_km;
        let long_share =
            crate::rules::checks_long_run_share(runs, self.class >= RaceClass::Half) - 0.03;
        let roomier = (each.min(single_max))
            .min(long_share * w.volume)
            .min(long_km + LONG_GROWTH_IN_WEEK_KM);
        if !w.intro && !easy_days.is_empty() && roomier > long_km {
            let grown = (roomier * 2.0).floor() / 2.0;
            if grown > long_km {
                for (_, r) in &mut planned {
                    if let Some(Recipe::Long { km, .. }) = r {
                        *km = grown;
                    }
                }
                left -= grown - long_km;
                each = left / easy_days.len() as f64;
                long_km = grown;
            }
        }
        let single = each.min(long_km.max(3.0)).min(single_max);
        // What one run a day cannot carry goes into easy second runs (advanced and elite).
        let overflow = (left - single * easy_days.len() as f64).max(0.0);
        // Without them the week is shorter than planned: the long run keeps its share of
        // what the week holds (R8), marathon long runs up to their floor excepted.
        if !self.doubles && overflow > 0.0 && !w.intro {
            // Nearer R8's share than the plan aims for: this only takes back what the
            // week cannot hold.
            let share = long_share + 0.02;
            let others = fixed_km - w.long_km + single * easy_days.len() as f64;
            let fitting = (share * others / (1.0 - share)).max(self.long_floor_km.min(long_km));
            for (_, r) in &mut planned {
                if let Some(Recipe::Long { km, marathon_km }) = r
                    && *km > fitting
                {
                    *km = (fitting * 2.0).floor() / 2.0;
                    *marathon_km = marathon_km.min(0.3 * *km);
                }
            }
        }
        for (date, recipe) in planned {
            let recipe = match recipe {
                Some(Recipe::Strides(_)) if easy_days.contains(&date) => {
                    Recipe::Strides(half_km(single).max(3.0))
                }
                Some(Recipe::Fartlek { pickups, .. }) if easy_days.contains(&date) => {
                    Recipe::Fartlek {
                        km: half_km(single).max(3.0),
                        pickups,
                    }
                }
                Some(Recipe::Strides(_) | Recipe::Fartlek { .. }) => Recipe::Rest,
                Some(r) => r,
                None if easy_days.contains(&date) => Recipe::Easy(half_km(single).max(2.5)),
                None => Recipe::Rest,
            };
            self.days.push((date, recipe));
        }
        let first = self.days.len() - w.dates.len();
        // Without a day off, one run must be a recovery run (advanced and elite).
        let week_days = &mut self.days[first..];
        let has_light = week_days
            .iter()
            .any(|(_, r)| matches!(r, Recipe::Rest | Recipe::Recovery(_) | Recipe::Cross(_)));
        if !has_light
            && !w.intro
            && let Some(r) = week_days
                .iter_mut()
                .map(|(_, r)| r)
                .find(|r| matches!(r, Recipe::Easy(_)))
            && let Recipe::Easy(km) = *r
        {
            *r = Recipe::Recovery(half_km(0.8 * km).max(2.5));
        }
        // Runs the week needs to stay within the minutes-a-run limit.
        let per_run = MAX_MINUTES_PER_RUN_DAY * 60.0 / easy_pace;
        let runs_now = self.days[first..]
            .iter()
            .filter(|(_, r)| r.is_run())
            .count();
        let extra = ((w.volume / per_run).ceil() as usize).saturating_sub(runs_now);
        if self.doubles && w.doubles && !w.intro && (overflow >= DOUBLE_MIN_KM || extra > 0) {
            self.add_doubles(first, overflow, extra, easy_pace);
        }
    }

    /// Easy second runs for `overflow` km, and at least `extra` of them, on the week's days
    /// from `first`: easy days first, then quality days, never the long run's day, the days
    /// either side of it, or the day after a quality session. Second runs carry at least [`DOUBLE_MIN_KM`], taken from the week's easy
    /// runs when the overflow is smaller.
    fn add_doubles(&mut self, first: usize, overflow: f64, extra: usize, easy_pace: f64) {
        let double_max = DOUBLE_MAX_MINUTES * 60.0 / easy_pace;
        // The days before the week count too: a quality session on its eve.
        let week_first = self.days[first..].iter().map(|(d, _)| *d).min();
        let near = |d: NaiveDate| week_first.is_some_and(|w| d + Days::new(1) >= w);
        let long_days: Vec<NaiveDate> = self
            .days
            .iter()
            .filter(|(d, r)| near(*d) && matches!(r, Recipe::Long { .. }))
            .map(|(d, _)| *d)
            .collect();
        // Not the long run's day, nor the days either side of it, nor the day after a quality
        // session (a heavier easy day there would no longer be easy).
        let quality_days: Vec<NaiveDate> = self
            .days
            .iter()
            .filter(|(d, r)| near(*d) && r.is_quality())
            .map(|(d, _)| *d)
            .collect();
        let after_long = |d: NaiveDate| {
            long_days
                .iter()
                .any(|l| *l == d || *l + Days::new(1) == d || d + Days::new(1) == *l)
                || quality_days.iter().any(|q| *q + Days::new(1) == d)
        };
        let mut candidates: Vec<NaiveDate> = self.days[first..]
            .iter()
            .filter(|(d, r)| {
                matches!(
                    r,
                    Recipe::Easy(_) | Recipe::Strides(_) | Recipe::Fartlek { .. }
                ) && !after_long(*d)
            })
            .map(|(d, _)| *d)
            .collect();
        candidates.extend(
            self.days[first..]
                .iter()
                .filter(|(d, r)| r.is_quality() && !after_long(*d))
                .map(|(d, _)| *d),
        );
        let n = ((overflow / double_max).ceil() as usize)
            .max(extra)
            .min(candidates.len());
        if n == 0 {
            return;
        }
        let each = half_km(overflow / n as f64).clamp(DOUBLE_MIN_KM, double_max.floor());
        // What the second runs carry beyond the overflow comes off the easy runs.
        let deficit = each * n as f64 - overflow;
        let easy: Vec<usize> = (first..self.days.len())
            .filter(|&i| matches!(self.days[i].1, Recipe::Easy(_)))
            .collect();
        if deficit > 0.0 && !easy.is_empty() {
            let cut = deficit / easy.len() as f64;
            for i in easy {
                if let Recipe::Easy(km) = self.days[i].1 {
                    self.days[i].1 = Recipe::Easy((km - cut).max(3.0));
                }
            }
        }
        for date in candidates.into_iter().take(n) {
            self.days.push((date, Recipe::Double(each)));
        }
    }
}

/// Generates a plan.
///
/// # Errors
/// A [`GenerateError`] naming the field and the allowed range when the input cannot make a
/// sound plan (race too soon, no days to run on, volume out of range, no VDOT ...).
pub fn generate(input: &GeneratorInput, settings: &Settings) -> Result<Plan, GenerateError> {
    generate_with_history(input, settings, None)
}

/// Generates a plan that also keeps the rules against the training already done: the ramp
/// starts from the last two weeks of `history` (when it has any), tough sessions are spaced
/// by the athlete's own recovery when its check-ins tell it
/// ([`crate::science::recovery_time`]), and the plan is checked with it, as `stride check`
/// and the window check it.
///
/// # Errors
/// As [`generate`].
pub fn generate_with_history(
    input: &GeneratorInput,
    settings: &Settings,
    history: Option<&crate::model::History>,
) -> Result<Plan, GenerateError> {
    generate_checked(input, settings, history, false, &PlanTuning::default())
}

/// Generates a plan as [`generate_with_history`] does, with the shape departing from the
/// standard as `tuning` says (the race-day optimiser's candidates).
///
/// # Errors
/// As [`generate`].
pub fn generate_tuned(
    input: &GeneratorInput,
    settings: &Settings,
    history: Option<&crate::model::History>,
    tuning: &PlanTuning,
) -> Result<Plan, GenerateError> {
    generate_checked(input, settings, history, false, tuning)
}

/// Generates the rest of a plan from `input.start` to the race, as
/// [`generate_with_history`] does, but also when fewer weeks are left than a whole plan for
/// the distance needs (see [`min_weeks`]): what is left is made from the phases that fit.
///
/// # Errors
/// As [`generate`], except for the minimum number of weeks.
pub fn generate_remaining(
    input: &GeneratorInput,
    settings: &Settings,
    history: Option<&crate::model::History>,
) -> Result<Plan, GenerateError> {
    generate_checked(input, settings, history, true, &PlanTuning::default())
}

/// Running days a week a level starts from, by the volume it runs.
fn runs_for_level(level: ExperienceLevel, volume: f64) -> usize {
    let (low, high, from) = match level {
        ExperienceLevel::Beginner => (3, 4, 30.0),
        ExperienceLevel::Intermediate => (4, 5, 40.0),
        ExperienceLevel::Advanced => (5, 6, 60.0),
        ExperienceLevel::Elite => (6, 7, 90.0),
    };
    if volume < from { low } else { high }
}

fn generate_checked(
    input: &GeneratorInput,
    settings: &Settings,
    history: Option<&crate::model::History>,
    short_ok: bool,
    tuning: &PlanTuning,
) -> Result<Plan, GenerateError> {
    validate(input, short_ok)?;
    let history = history.filter(|h| !h.activities.is_empty());
    let a = &input.athlete;
    let context = LoadContext::new(a, settings);
    // With the athlete's own recovery from the history as given, as the document's check
    // reads it: the pattern spaces tough days by it and the plan is checked with it.
    let profile = RecoveryProfile::for_athlete(a, input.start.year());
    let profile = match history {
        Some(h) => profile.with_personal(&PersonalRecovery::from_history(h)),
        None => profile,
    };
    let d = input.goal.distance_m;
    let race = input.goal.date;
    let start = input.start;
    let class = RaceClass::of(d);
    // The weeks before the plan, as the rules see them: from history, or the profile's volume.
    let first_full = {
        let w = a.week_start.week_of(input.start);
        if w < input.start { w + Days::new(7) } else { w }
    };
    // As the rules do: a history too thin to judge against leaves the profile standing in.
    let history = history.filter(|h| {
        crate::rules::history_weeks_before(h, first_full)
            .iter()
            .any(|m| *m > 0.0)
    });
    let baseline_km: Vec<f64> = match history {
        Some(h) => crate::rules::history_weeks_before(h, first_full)
            .iter()
            .map(|m| m / 1000.0)
            .collect(),
        None if a.weekly_volume_km >= crate::rules::limits::PROFILE_BASELINE_MIN_KM => {
            vec![a.weekly_volume_km]
        }
        None => Vec::new(),
    };
    let recent = baseline_km.iter().copied().fold(0.0, f64::max);
    let mut volume0 = a.weekly_volume_km.max(MIN_START_KM);
    if let Some(h) = history
        && recent > 0.0
    {
        volume0 = volume0.min(1.05 * recent);
        // Nor far above the average week of the four weeks before.
        let month_km: f64 = h
            .activities
            .iter()
            .filter(|x| x.kind.is_running())
            .filter(|x| (1..=28).contains(&(first_full - x.date()).num_days()))
            .filter_map(|x| x.distance_m)
            .sum::<f64>()
            / 1000.0;
        // Over the days the history covers when it began less than four weeks ago.
        let month_week = month_km * 7.0 / h.recent_span_days(first_full) as f64;
        volume0 = volume0.min((HISTORY_MONTH_GROWTH * month_week).max(MIN_START_KM));
    }
    let per_day = max_km_per_run_day(a);
    let doubles = profile.level >= ExperienceLevel::Advanced;
    // Enough running days for the volume the plan builds to, one run a day below advanced.
    let peak_guess = shape::peak_target_km(class, profile.level, volume0);
    let single_share = if doubles { 0.8 } else { 0.9 };
    let runs_wanted = runs_for_level(profile.level, volume0)
        .max((peak_guess / (single_share * per_day)).ceil() as usize)
        // Easy runs of a useful length beside the long run (about 40% of a small week).
        .min((1 + (0.6 * volume0 / 4.5).floor() as usize).max(3))
        .min(max_run_days(a));
    let quality_wanted = quality_wanted(profile.level);
    let long_cap_km = long_run_max_minutes(input) * 60.0 / context.paces().easy_typical_s_per_km;
    let gaps = pattern::Gaps::new(
        &profile,
        long_may_be_very_hard(input, &context, profile.level),
    );
    let (pattern, quality_max) = pattern::best_pattern(
        &a.available_weekdays,
        a.long_run_day,
        runs_wanted,
        quality_wanted,
        &profile,
        gaps,
    );
    let mut notes = Vec::new();
    let (_, quality_any_days) = pattern::best_pattern(
        &all_weekdays(),
        a.long_run_day,
        runs_wanted,
        quality_wanted,
        &profile,
        gaps,
    );
    if quality_max < quality_any_days {
        notes.push(quality_note(
            &a.available_weekdays,
            quality_max,
            quality_any_days,
        ));
    }
    let runs = pattern.iter().filter(|s| **s != Slot::Off).count();
    // A little under what the days carry, for the rounding of runs to half kilometres.
    let capacity_km = 0.97 * week_capacity_km(runs, per_day, doubles);
    let volume0 = volume0.min(capacity_km);
    let novice = a.training_age_years <= 1 || profile.level == ExperienceLevel::Beginner;
    let race_faster_than_t = quality::race_faster_than_t(context.paces(), d);
    let season = season::Season::new(input, &profile);
    let mut b = Builder {
        season,
        input,
        context,
        profile,
        pattern,
        quality_max,
        class,
        novice,
        doubles,
        peak_long_week: None,
        race_faster_than_t,
        long_floor_km: 0.0,
        days: Vec::new(),
        sizes: Default::default(),
        weeks: Vec::new(),
    };

    // Calendar weeks: an intro week if the plan starts mid-week, full weeks, the race week.
    let week_start = a.week_start;
    let first_week = week_start.week_of(start);
    let race_week = week_start.week_of(race);
    let mut full_weeks = Vec::new();
    let mut w = if first_week < start {
        first_week + Days::new(7)
    } else {
        first_week
    };
    while w < race_week {
        full_weeks.push(w);
        w = w + Days::new(7);
    }
    // Recent training below what a marathon plan starts from: the plan builds from it, and
    // the long run stops where the weeks allow.
    let marathon_min = marathon_min_start_km(a);
    // The floor is a full marathon's (R8's exemption is for those too).
    let full_marathon = d >= crate::rules::limits::MARATHON_M;
    let floor_applies = full_marathon && volume0 >= 0.97 * marathon_min;
    if full_marathon && !floor_applies {
        notes.push(format!(
            "Recent training ({volume0:.0} km a week) is below the {marathon_min:.0} km a week a \
             marathon plan starts from: the long run builds as far as the weeks allow, short of \
             28 km or three hours"
        ));
    }
    let final_share = tuning.final_week_share_for(d);
    let shape = shape::shape(&shape::ShapeInput {
        tuning,
        class,
        level: profile.level,
        cut_back_every: profile.cut_back_every_weeks as usize,
        volume0,
        capacity_km,
        runs,
        long_cap_km,
        long_share: crate::rules::checks_long_run_share(runs, d >= HALF_MARATHON_M) - 0.03,
        longest_recent_km: input.longest_recent_run_km,
        floor_applies,
        full_weeks: &full_weeks,
        race,
        long_run_day: a.long_run_day,
    });

    b.peak_long_week = shape.peak_long_week;
    if floor_applies {
        b.long_floor_km = shape::marathon_floor_km(class, long_cap_km);
    }
    if first_week < start {
        let dates: Vec<NaiveDate> = (0..7)
            .map(|k| first_week + Days::new(k))
            .filter(|d| *d >= start)
            .collect();
        b.week(&WeekSpec {
            dates: &dates,
            volume: volume0,
            long_km: shape.first_long_km,
            phase: PhaseKind::Base,
            index: 0,
            intro: true,
            doubles: false,
        });
    }
    for (i, week) in shape.weeks.iter().enumerate() {
        let dates: Vec<NaiveDate> = (0..7).map(|k| week.start + Days::new(k)).collect();
        b.week(&WeekSpec {
            dates: &dates,
            volume: week.volume,
            long_km: week.long_km,
            phase: week.phase,
            index: i,
            intro: false,
            doubles: true,
        });
        b.weeks.push((week.start, week.cut_back, week.taper_share));
    }
    race_week_days(&mut b, race_week, shape.peak_km, final_share);
    add_cross_training(&mut b);
    season::Season::apply(&mut b);
    // The holds that shorten single runs first, then the weekly ramp on what is left, then
    // again whatever the ramp may have unsettled.
    hold_long_run_peak(&mut b);
    hold_minutes_per_run(&mut b);
    hold_volume_progression(&mut b, &baseline_km);
    // The taper's trims can leave its sessions over their caps, and the caps' trims can
    // leave the last days short: settle both.
    hold_final_week(&mut b, final_share);
    for _ in 0..2 {
        hold_session_caps(&mut b);
        hold_final_week(&mut b, final_share);
    }
    hold_long_run_peak(&mut b);
    hold_minutes_per_run(&mut b);
    // Last, on the volume each week finally holds.
    hold_session_caps(&mut b);
    season::Season::settle(&mut b);

    let cut_backs: Vec<NaiveDate> = b
        .weeks
        .iter()
        .filter(|(_, cut_back, _)| *cut_back)
        .map(|(week, _, _)| *week)
        .collect();
    let phases = with_cut_backs(
        phases(
            start,
            race,
            &full_weeks,
            shape.base_n,
            shape.build_n,
            shape.training,
        ),
        &cut_backs,
    );
    let mut plan = materialize(&b, phases.clone());
    let mut findings = Vec::new();
    for round in 0..=REPAIR_ROUNDS {
        findings = check_with_profile(
            &CheckInput {
                plan: &plan,
                athlete: a,
                settings,
                history,
            },
            &profile,
        );
        if findings.is_empty() || round == REPAIR_ROUNDS || !repair(&mut b, &findings) {
            break;
        }
        hold_final_week(&mut b, final_share);
        hold_long_run_peak(&mut b);
        hold_session_caps(&mut b);
        hold_final_week(&mut b, final_share);
        hold_minutes_per_run(&mut b);
        hold_session_caps(&mut b);
        season::Season::settle(&mut b);
        plan = materialize(&b, phases.clone());
    }
    // Trims may have taken the taper's last faster running: easy strides three to five days
    // out bring it back, when they keep the plan as clean as it was.
    if race_week::restore_sharpness(&mut b) {
        season::Season::settle(&mut b);
        let sharper = materialize(&b, phases.clone());
        let again = check_with_profile(
            &CheckInput {
                plan: &sharper,
                athlete: a,
                settings,
                history,
            },
            &profile,
        );
        if again.len() <= findings.len() {
            plan = sharper;
            findings = again;
        }
    }
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == crate::rules::Severity::Error)
        .collect();
    if let Some(first) = errors.first() {
        return Err(unmet(first, errors.len()));
    }
    plan.notes = notes;
    Ok(plan)
}

/// The most a week holds on `runs` days, km: one run a day of
/// [`MAX_MINUTES_PER_RUN_DAY`] on average, and with doubles an easy second run of
/// [`DOUBLE_MAX_MINUTES`] on every day but the long run's and the days either side of it.
fn week_capacity_km(runs: usize, per_day: f64, doubles: bool) -> f64 {
    let single = runs as f64 * per_day;
    if doubles {
        let double_km = per_day * DOUBLE_MAX_MINUTES / MAX_MINUTES_PER_RUN_DAY;
        single + runs.saturating_sub(3) as f64 * double_km
    } else {
        single
    }
}

/// The `n` weekdays (long-run day included) that space the athlete's week best: each quality
/// session and the long run followed by the easy days the athlete's recovery needs, hard days
/// as far apart as the week allows. `stride plan --days N` runs on these.
///
/// ```
/// use chrono::Weekday;
/// use stride::model::{Athlete, ExperienceLevel};
/// let mut athlete = Athlete::example();
/// athlete.level = ExperienceLevel::Intermediate;
/// athlete.training_age_years = 3;
/// athlete.long_run_day = Weekday::Sun;
/// let days = stride::generator::spaced_days(&athlete, 5, 2027);
/// assert_eq!(days.len(), 5);
/// assert!(days.contains(&Weekday::Sun));
/// ```
pub fn spaced_days(athlete: &Athlete, n: usize, year: i32) -> Vec<chrono::Weekday> {
    let profile = RecoveryProfile::for_athlete(athlete, year);
    let quality = quality_wanted(profile.level);
    let gaps = pattern::Gaps::new(&profile, true);
    let (p, _) = pattern::best_pattern(
        &all_weekdays(),
        athlete.long_run_day,
        n,
        quality,
        &profile,
        gaps,
    );
    let mut days: Vec<chrono::Weekday> = all_weekdays()
        .into_iter()
        .filter(|d| p[d.num_days_from_monday() as usize] != Slot::Off)
        .collect();
    // A week that must keep a day off still offers it when more days are asked for.
    for d in all_weekdays() {
        if days.len() >= n {
            break;
        }
        if !days.contains(&d) {
            days.push(d);
        }
    }
    days.sort_by_key(|d| d.num_days_from_monday());
    days
}

/// Quality sessions a week the pattern looks for at a level.
fn quality_wanted(level: ExperienceLevel) -> usize {
    match level {
        ExperienceLevel::Beginner | ExperienceLevel::Intermediate => 2,
        _ => 3,
    }
}

/// Every day of the week, Monday first.
fn all_weekdays() -> [chrono::Weekday; 7] {
    crate::model::WeekStart::Monday.weekdays()
}

/// Whether the plan's long runs may run over two hours (a very hard day): the peak long run
/// of the race and level, within the time cap, at easy pace.
fn long_may_be_very_hard(
    input: &GeneratorInput,
    context: &LoadContext,
    level: ExperienceLevel,
) -> bool {
    let class = RaceClass::of(input.goal.distance_m);
    let pace = context.paces().easy_typical_s_per_km;
    let cap = long_run_max_minutes(input);
    let km = shape::peak_long_km(class, level);
    (km * pace / 60.0).min(cap) > crate::rules::stress::LONG_RUN_VERY_HARD_MINUTES
}

/// The longest long run the builder plans, minutes: R8's cap.
fn long_run_max_minutes(input: &GeneratorInput) -> f64 {
    let (short, marathon) = crate::rules::limits::LONG_RUN_MINUTES;
    let cap = if input.goal.distance_m >= crate::rules::limits::MARATHON_M {
        marathon
    } else {
        short
    };
    // The shape rounds long runs down to half kilometres, so they keep within it.
    cap
}

/// The plan note for days that hold fewer quality sessions than other days would.
fn quality_note(days: &[chrono::Weekday], holds: usize, could: usize) -> String {
    let names: Vec<String> = days.iter().map(|d| d.to_string()).collect();
    format!(
        "{} a week: on {} there is no way to follow each quality session and the long run \
         with an easy day; days with gaps between them would hold {could}",
        match holds {
            0 => "No quality session".to_owned(),
            1 => "One quality session".to_owned(),
            n => format!("{n} quality sessions"),
        },
        names.join(", ")
    )
}

fn phases(
    start: NaiveDate,
    race: NaiveDate,
    full_weeks: &[NaiveDate],
    base_n: usize,
    build_n: usize,
    training: usize,
) -> Vec<Phase> {
    let week_end = |i: usize| full_weeks.get(i).map(|w| *w + Days::new(6));
    let mut phases = Vec::new();
    let mut from = start;
    let bounds = [
        (PhaseKind::Base, base_n),
        (PhaseKind::Build, base_n + build_n),
        (PhaseKind::Peak, training),
    ];
    for (kind, until) in bounds {
        if let Some(end) = until.checked_sub(1).and_then(week_end)
            && end >= from
        {
            phases.push(Phase {
                kind,
                start: from,
                end,
            });
            from = end + Days::new(1);
        }
    }
    phases.push(Phase {
        kind: PhaseKind::Taper,
        start: from.min(race),
        end: race,
    });
    phases
}

/// The phases with each cut-back week (given by its first day) cut out of the phase it falls
/// in as a [`PhaseKind::CutBack`] phase of its own, so the calendar and the print label the
/// week as the lighter week it is. Taper weeks stay taper.
fn with_cut_backs(phases: Vec<Phase>, cut_backs: &[NaiveDate]) -> Vec<Phase> {
    let mut out = Vec::with_capacity(phases.len() + 2 * cut_backs.len());
    for phase in phases {
        let mut from = phase.start;
        if phase.kind != PhaseKind::Taper {
            for &week in cut_backs {
                let end = week + Days::new(6);
                if week < from || end > phase.end {
                    continue;
                }
                if week > from {
                    out.push(Phase {
                        kind: phase.kind,
                        start: from,
                        end: week - Days::new(1),
                    });
                }
                out.push(Phase {
                    kind: PhaseKind::CutBack,
                    start: week,
                    end,
                });
                from = end + Days::new(1);
            }
        }
        if from <= phase.end {
            out.push(Phase {
                kind: phase.kind,
                start: from,
                end: phase.end,
            });
        }
    }
    out
}

fn materialize(b: &Builder<'_>, phases: Vec<Phase>) -> Plan {
    let mut days = b.days.clone();
    days.sort_by_key(|(d, _)| *d);
    let mut s = b.sessions();
    let workouts = days
        .iter()
        .filter_map(|(date, r)| make(&mut s, b.input, *date, r))
        .collect();
    let goal = &b.input.goal;
    Plan {
        notes: Vec::new(),
        name: format!(
            "{} - {} weeks",
            if goal.name.trim().is_empty() {
                "Race plan"
            } else {
                goal.name.as_str()
            },
            ((goal.date - b.input.start).num_days() + 6) / 7
        ),
        goal: goal.clone(),
        start_date: b.input.start,
        phases,
        workouts,
        days_off: b.input.days_off.clone(),
    }
}

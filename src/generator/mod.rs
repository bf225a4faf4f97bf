//! The plan generator: a plan toward a goal race with recovery built in.
//!
//! The plan is made to pass [`crate::rules`] with no findings:
//!
//! - **One weekly pattern** of run days, quality days and the long run, chosen over the
//!   athlete's available days so that, repeated week after week, it keeps the day-to-day
//!   rules (R1, R2, R3, R4).
//! - **Volume** starts at the athlete's current weekly volume, grows 6% a week toward a peak
//!   that depends on the distance and level, and drops to 80% in a cut-back week every 4th
//!   (beginners, 50+) or 5th week; the week after a cut-back returns to the level before it.
//! - **Phases**: base (hills and strides), build (threshold and intervals), peak
//!   (race-specific work, marathon-pace finishes on long runs for half and marathon), taper
//!   (1 week for 5K/10K, 2 for the half, 2-3 for the marathon; volume down to 50-80% of the
//!   peak, intensity kept) and a race week with a short sharpener at least three days out.
//! - **Sessions** are sized from the week's volume within Daniels' caps (threshold about 8%,
//!   intervals 7%, race pace 7% of the week), so about 80% of running time stays easy.
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
//! };
//! let settings = Settings::default();
//! let plan = generate(&input, &settings).unwrap();
//! let findings = check_plan(&CheckInput { plan: &plan, athlete: &athlete,
//!     settings: &settings, history: None });
//! assert!(findings.is_empty(), "{findings:?}");
//! ```

pub(crate) mod pattern;
mod sessions;

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{
    Athlete, CrossActivity, ExperienceLevel, GoalRace, PaceZone, Phase, PhaseKind, Plan, Settings,
    Workout,
};
use crate::rules::profile::RecoveryProfile;
use crate::rules::{CheckInput, Rule, check_plan};
use crate::science::load::LoadContext;
use crate::science::paces::athlete_vdot;
use pattern::{Pattern, Slot};
use sessions::Sessions;

/// Cross-training the athlete likes on a spare day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CrossTrainingPreference {
    /// Rest days stay rest.
    #[default]
    None,
    /// Easy cycling on one spare day a week.
    Bike,
    /// Easy swimming on one spare day a week.
    Swim,
}

/// What a plan is generated from.
#[derive(Clone, Debug, PartialEq)]
pub struct GeneratorInput {
    /// The athlete (level, training age, birth year, weekly volume, VDOT or race, available
    /// days, long-run day, week start).
    pub athlete: Athlete,
    /// The goal race.
    pub goal: GoalRace,
    /// The plan's first day.
    pub start: NaiveDate,
    /// The longest run of recent weeks, km, if known: long runs grow from it.
    pub longest_recent_run_km: Option<f64>,
    /// Cross-training on a spare day.
    pub cross_training: CrossTrainingPreference,
}

/// Why no plan could be made: the field and what it must be.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct GenerateError {
    /// The input field.
    pub field: &'static str,
    /// What is wrong and the allowed range.
    pub message: String,
}

fn invalid(field: &'static str, message: String) -> GenerateError {
    GenerateError { field, message }
}

/// Fewest weeks a plan for a distance needs (beginners' marathons: 18).
pub fn min_weeks(distance_m: f64, level: ExperienceLevel) -> u32 {
    match distance_m {
        d if d <= 5_500.0 => 6,
        d if d <= 10_500.0 => 8,
        d if d <= 21_500.0 => 10,
        _ if level == ExperienceLevel::Beginner => 18,
        _ => 14,
    }
}

/// Most weeks a plan may span.
pub const MAX_WEEKS: u32 = 52;
/// Fewest available days a plan needs: a long run, a quality session and an easy run.
pub const MIN_DAYS: usize = 3;
/// Weekly volume a plan starts from at least, km.
pub const MIN_START_KM: f64 = 10.0;
/// Average running per running day a plan may need, minutes at easy pace: Stride plans one
/// run a day.
pub const MAX_MINUTES_PER_RUN_DAY: f64 = 80.0;

/// Kilometres in [`MAX_MINUTES_PER_RUN_DAY`] at the athlete's easy pace.
pub fn max_km_per_run_day(a: &Athlete) -> f64 {
    let vdot = athlete_vdot(a).unwrap_or(crate::science::load::REFERENCE_VDOT);
    let easy = crate::science::paces::TrainingPaces::from_vdot(vdot)
        .map_or(360.0, |p| p.easy_typical_s_per_km);
    MAX_MINUTES_PER_RUN_DAY * 60.0 / easy
}
/// Beginners' marathon plans need at least this weekly volume, km.
pub const BEGINNER_MARATHON_KM: f64 = 25.0;
/// Weekly growth in build weeks.
const GROWTH: f64 = 0.06;
/// Cut-back week share of the level before it.
const CUT_BACK: f64 = 0.80;

/// Peak weekly volume, km, by distance class and level (beginner, intermediate, advanced,
/// elite).
fn peak_target_km(distance_m: f64, level: ExperienceLevel) -> f64 {
    let row = match distance_m {
        d if d <= 5_500.0 => [25.0, 40.0, 60.0, 90.0],
        d if d <= 10_500.0 => [30.0, 45.0, 70.0, 100.0],
        d if d <= 21_500.0 => [35.0, 55.0, 80.0, 120.0],
        _ => [45.0, 65.0, 95.0, 140.0],
    };
    row[level as usize]
}

/// Most running days a week for the athlete: the available days, less the weekly day off
/// that beginners and intermediates keep (R3).
pub fn max_run_days(a: &Athlete) -> usize {
    let cap = if a.level >= ExperienceLevel::Advanced {
        7
    } else {
        6
    };
    a.available_weekdays.len().min(cap)
}

fn validate(input: &GeneratorInput) -> Result<f64, GenerateError> {
    let a = &input.athlete;
    if let Some(e) = a.validate().into_iter().next() {
        return Err(invalid(e.field, e.message));
    }
    let d = input.goal.distance_m;
    if !d.is_finite() || !(1500.0..=100_000.0).contains(&d) {
        return Err(invalid(
            "race",
            "the race distance must be between 1.5 and 100 km".to_owned(),
        ));
    }
    if let Some(t) = input.goal.goal_time_s
        && (!t.is_finite() || t <= 0.0)
    {
        return Err(invalid(
            "goal_time",
            "the goal time must be positive".to_owned(),
        ));
    }
    if input.goal.date <= input.start {
        return Err(invalid(
            "race_date",
            format!(
                "the race ({}) must be after the plan's start ({})",
                input.goal.date, input.start
            ),
        ));
    }
    let weeks = ((input.goal.date - input.start).num_days() / 7) as u32;
    // The level as recovery counts it: under a year of training is a beginner, whatever the
    // profile says (see `RecoveryProfile`).
    let level = RecoveryProfile::for_athlete(a, input.start.year()).level;
    let need = min_weeks(d, level);
    if weeks < need {
        return Err(invalid(
            "race_date",
            format!(
                "a {:.1} km plan for a {} needs at least {need} weeks, and there are {weeks}",
                d / 1000.0,
                level.label().to_lowercase()
            ),
        ));
    }
    if weeks > MAX_WEEKS {
        return Err(invalid(
            "race_date",
            format!("a plan may span at most {MAX_WEEKS} weeks, not {weeks}"),
        ));
    }
    if !(0.0..=300.0).contains(&a.weekly_volume_km) {
        return Err(invalid(
            "weekly_volume_km",
            "the weekly volume must be between 0 and 300 km".to_owned(),
        ));
    }
    if d > 21_500.0
        && level == ExperienceLevel::Beginner
        && a.weekly_volume_km < BEGINNER_MARATHON_KM
    {
        return Err(invalid(
            "weekly_volume_km",
            format!(
                "a beginner's marathon plan needs at least {BEGINNER_MARATHON_KM:.0} km a week to start from"
            ),
        ));
    }
    if a.available_weekdays.len() < MIN_DAYS {
        return Err(invalid(
            "available_weekdays",
            format!(
                "choose at least {MIN_DAYS} days to run on (1-7 allowed by the profile, 3-7 for a plan)"
            ),
        ));
    }
    let run_days = max_run_days(a);
    let per_day = max_km_per_run_day(a);
    if a.weekly_volume_km > per_day * run_days as f64 {
        return Err(invalid(
            "weekly_volume_km",
            format!(
                "{:.0} km a week does not fit in {run_days} running days (one run a day of \
                 {MAX_MINUTES_PER_RUN_DAY:.0} minutes on average, {per_day:.1} km at easy pace: \
                 at most {:.0} km); add days or lower the volume",
                a.weekly_volume_km,
                per_day * run_days as f64
            ),
        ));
    }
    if !a.available_weekdays.contains(&a.long_run_day) {
        return Err(invalid(
            "long_run_day",
            "the long-run day must be one of the available days".to_owned(),
        ));
    }
    if let Some(km) = input.longest_recent_run_km
        && (!km.is_finite() || !(0.0..=100.0).contains(&km))
    {
        return Err(invalid(
            "longest_recent_run_km",
            "the longest recent run must be between 0 and 100 km".to_owned(),
        ));
    }
    athlete_vdot(a).ok_or_else(|| {
        invalid(
            "vdot",
            "give a VDOT (20-90) or a recent race result, for the paces".to_owned(),
        )
    })
}

/// One planned day's content before it becomes a workout; its sizes can be scaled.
#[derive(Clone, Debug)]
enum Recipe {
    Rest,
    Easy(f64),
    Recovery(f64),
    Strides(f64),
    Long {
        km: f64,
        marathon_km: f64,
    },
    Hills {
        weekly: f64,
        reps: u32,
        variant: usize,
    },
    Tempo {
        weekly: f64,
        work: f64,
        variant: usize,
    },
    Intervals {
        weekly: f64,
        work: f64,
        variant: usize,
    },
    RacePace {
        weekly: f64,
        work: f64,
        zone: PaceZone,
        variant: usize,
    },
    Sharpener {
        reps: u32,
        warm_up_km: f64,
    },
    Cross(CrossActivity),
    Race,
}

impl Recipe {
    fn scaled(&self, f: f64) -> Recipe {
        match self.clone() {
            Recipe::Easy(km) => Recipe::Easy((km * f).max(2.0)),
            Recipe::Recovery(km) => Recipe::Recovery((km * f).max(2.0)),
            Recipe::Strides(km) => Recipe::Strides((km * f).max(3.0)),
            Recipe::Long { km, marathon_km } => Recipe::Long {
                km: (km * f).max(3.0),
                marathon_km: (marathon_km * f).min(0.3 * km * f),
            },
            Recipe::Hills {
                weekly,
                reps,
                variant,
            } => Recipe::Hills {
                weekly: weekly * f,
                reps: ((f64::from(reps) * f).floor() as u32).max(2),
                variant,
            },
            Recipe::Tempo {
                weekly,
                work,
                variant,
            } => Recipe::Tempo {
                weekly: weekly * f,
                work: (work * f).max(1.5),
                variant,
            },
            Recipe::Intervals {
                weekly,
                work,
                variant,
            } => Recipe::Intervals {
                weekly: weekly * f,
                work: (work * f).max(1.6),
                variant,
            },
            Recipe::RacePace {
                weekly,
                work,
                zone,
                variant,
            } => Recipe::RacePace {
                weekly: weekly * f,
                work: (work * f).max(1.0),
                zone,
                variant,
            },
            Recipe::Sharpener { reps, warm_up_km } => Recipe::Sharpener {
                reps: ((f64::from(reps) * f).floor() as u32).max(3),
                warm_up_km: (warm_up_km * f).max(1.0),
            },
            other => other,
        }
    }
}

/// Everything the week builder needs.
struct Builder<'a> {
    input: &'a GeneratorInput,
    context: LoadContext,
    profile: RecoveryProfile,
    pattern: Pattern,
    quality_max: usize,
    long_race: bool,
    race_zone: PaceZone,
    days: Vec<(NaiveDate, Recipe)>,
    /// Full weeks: first day, whether it is a cut-back week, and for taper weeks their share
    /// of the peak week.
    weeks: Vec<(NaiveDate, bool, Option<f64>)>,
}

fn slot_index(date: NaiveDate) -> usize {
    date.weekday().num_days_from_monday() as usize
}

impl Builder<'_> {
    fn sessions(&self) -> Sessions<'_> {
        Sessions {
            context: &self.context,
            next_id: 1,
        }
    }

    /// Kilometres a recipe runs, measured as the rules measure them (from the steps).
    fn km(&self, date: NaiveDate, r: &Recipe) -> f64 {
        let mut s = self.sessions();
        make(&mut s, self.input, date, r).map_or(0.0, |w| self.context.running_split(&w).1) / 1000.0
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

    /// Quality sessions for a phase, in order of importance.
    fn quality_kinds(&self, phase: PhaseKind, volume: f64, week: usize) -> Vec<Recipe> {
        let v = volume;
        let tempo = Recipe::Tempo {
            weekly: v,
            work: (0.08 * v).clamp(1.5, 10.0),
            variant: week,
        };
        let intervals = Recipe::Intervals {
            weekly: v,
            work: (0.07 * v).clamp(1.6, 10.0),
            variant: week,
        };
        let race = Recipe::RacePace {
            weekly: v,
            work: (0.07 * v).clamp(1.0, 8.0),
            zone: self.race_zone,
            variant: week,
        };
        let hills = Recipe::Hills {
            weekly: v,
            reps: ((v / 6.0).round() as u32).clamp(4, 10),
            variant: week,
        };
        let strides = Recipe::Strides(0.0);
        match phase {
            PhaseKind::Base if week.is_multiple_of(2) => vec![hills, strides],
            PhaseKind::Base => vec![strides, hills],
            PhaseKind::Build if week.is_multiple_of(2) => vec![intervals, tempo, hills],
            PhaseKind::Build => vec![tempo, intervals, hills],
            PhaseKind::Peak | PhaseKind::Taper if week.is_multiple_of(2) => {
                vec![race, tempo, strides]
            }
            PhaseKind::Peak | PhaseKind::Taper => vec![race, intervals, strides],
        }
    }

    fn quality_for(&self, phase: PhaseKind, volume: f64) -> usize {
        let (base, build, peak) = match self.profile.level {
            ExperienceLevel::Beginner => (1, 1, 2),
            ExperienceLevel::Intermediate => (1, 2, 2),
            ExperienceLevel::Advanced => (2, 2, 3),
            ExperienceLevel::Elite => (2, 3, 3),
        };
        let wanted = match phase {
            PhaseKind::Base => base,
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

    /// The recipes of the days `dates` of one week at `volume` km.
    fn week(
        &mut self,
        dates: &[NaiveDate],
        volume: f64,
        phase: PhaseKind,
        week: usize,
        intro: bool,
    ) {
        let quality = if intro {
            0
        } else {
            self.quality_for(phase, volume)
        };
        let p = self.week_pattern(quality);
        let runs = p.iter().filter(|s| **s != Slot::Off).count();
        // Just under R8's cap: the long run is the week's longest run.
        let share = crate::rules::checks_long_run_share(runs, self.long_race) - 0.04;
        let easy_pace = self.context.paces().easy_typical_s_per_km;
        let max_minutes = if self.input.goal.distance_m >= 42_000.0 {
            170.0
        } else {
            140.0
        };
        let mut long_km = (share * volume).min(max_minutes * 60.0 / easy_pace);
        if let Some(longest) = self.input.longest_recent_run_km.filter(|l| *l > 0.0) {
            // Long runs grow from the longest recent one, but are never shorter than an
            // average run of the week.
            let average = volume / runs.max(1) as f64;
            long_km = long_km.min((longest + 1.5 * (week as f64 + 1.0)).max(average));
        }
        let marathon_km = if phase == PhaseKind::Peak && self.long_race {
            (0.25 * long_km).min(0.07 * volume).floor()
        } else {
            0.0
        };
        let kinds = self.quality_kinds(phase, volume, week);
        let mut q_iter = kinds.into_iter();
        // First pass: long run and quality sessions, in pattern order.
        let mut planned: Vec<(NaiveDate, Option<Recipe>)> = Vec::new();
        let mut fixed_km = 0.0;
        let mut easy_days = Vec::new();
        for &date in dates {
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
                Some(Recipe::Strides(_)) | None => {}
                Some(r) => fixed_km += self.km(date, r),
            }
            planned.push((date, recipe));
        }
        // Strides sessions count as easy runs with strides.
        for (date, r) in &planned {
            if matches!(r, Some(Recipe::Strides(_))) {
                easy_days.push(*date);
            }
        }
        let full_week_runs = runs.max(1);
        let scale = dates.len() as f64 / 7.0;
        let _ = full_week_runs;
        let mut left = volume * if intro { scale } else { 1.0 } - fixed_km;
        if intro {
            // Intro days carry the same daily volume as a full week would.
            left = (volume - long_km) / (runs.max(1) as f64) * easy_days.len() as f64;
        }
        let mut each = if easy_days.is_empty() {
            0.0
        } else {
            left / easy_days.len() as f64
        };
        // Too little left for every easy day: fewer, longer easy runs.
        while !easy_days.is_empty() && each < 1.5 {
            easy_days.pop();
            each = if easy_days.is_empty() {
                0.0
            } else {
                left / easy_days.len() as f64
            };
        }
        // No easy run is longer than the long run.
        let each = each.min(long_km.max(3.0));
        for (date, recipe) in planned {
            let recipe = match recipe {
                Some(Recipe::Strides(_)) if easy_days.contains(&date) => {
                    Recipe::Strides(half_km(each).max(3.0))
                }
                Some(Recipe::Strides(_)) => Recipe::Rest,
                Some(r) => r,
                None if easy_days.contains(&date) => Recipe::Easy(half_km(each).max(2.5)),
                None => Recipe::Rest,
            };
            self.days.push((date, recipe));
        }
        // Without a day off, one run must be a recovery run (advanced and elite).
        let first = self.days.len() - dates.len();
        let week_days = &mut self.days[first..];
        let has_light = week_days
            .iter()
            .any(|(_, r)| matches!(r, Recipe::Rest | Recipe::Recovery(_) | Recipe::Cross(_)));
        if !has_light
            && !intro
            && let Some(r) = week_days
                .iter_mut()
                .map(|(_, r)| r)
                .find(|r| matches!(r, Recipe::Easy(_)))
            && let Recipe::Easy(km) = *r
        {
            *r = Recipe::Recovery(half_km(0.8 * km).max(2.5));
        }
    }
}

/// Holds the realized weekly volumes to the plan's progression: at most 7% over the larger of
/// the two weeks before (and 25% over two weeks), cut-back weeks at most 80% of the week
/// before. Rounding and fixed-size sessions would otherwise drift past the rules' limits.
/// Only easy running and the long run are trimmed, quality sessions too when that is not
/// enough.
fn hold_volume_progression(b: &mut Builder<'_>, profile_km: f64) {
    // Races are not training volume (as in the rules).
    let km_of = |b: &Builder<'_>, from: NaiveDate| -> f64 {
        b.km_where(|d| d >= from && d < from + Days::new(7) && d != b.input.goal.date)
    };
    let mut actual: Vec<f64> = Vec::new();
    let baseline =
        (profile_km >= crate::rules::limits::PROFILE_BASELINE_MIN_KM).then_some(profile_km);
    for i in 0..b.weeks.len() {
        let (week, cut_back, taper_share) = b.weeks[i];
        let before: Vec<f64> = baseline.into_iter().chain(actual.iter().copied()).collect();
        let n = before.len();
        let last_two = before[n.saturating_sub(2)..]
            .iter()
            .copied()
            .fold(0.0, f64::max);
        let two_three = before[n.saturating_sub(3)..n.saturating_sub(1)]
            .iter()
            .copied()
            .fold(0.0, f64::max);
        let mut limit = f64::INFINITY;
        if last_two > 0.0 {
            limit = limit.min(1.07 * last_two);
        }
        if two_three > 0.0 {
            limit = limit.min(1.25 * two_three);
        }
        if cut_back && let Some(prev) = before.last() {
            limit = limit.min(0.80 * prev);
        }
        // Taper weeks follow the peak that was actually reached.
        if let Some(share) = taper_share {
            limit = limit.min(share * actual.iter().copied().fold(0.0, f64::max));
        }
        let in_week = |d: NaiveDate| d >= week && d < week + Days::new(7);
        let easy_kind = |r: &Recipe| {
            matches!(
                r,
                Recipe::Easy(_) | Recipe::Recovery(_) | Recipe::Strides(_) | Recipe::Long { .. }
            )
        };
        for attempt in 0..6 {
            let have = km_of(b, week);
            if have <= limit {
                break;
            }
            // Scale just enough: the factor applies to the part that is scaled.
            let all = attempt >= 2;
            let scalable: f64 = b
                .days
                .iter()
                .filter(|(d, r)| in_week(*d) && (all || easy_kind(r)))
                .map(|(d, r)| b.km(*d, r))
                .sum();
            if scalable <= 0.0 || attempt >= 4 {
                // Nothing left to scale: the week's quality sessions become easy runs of
                // about their length.
                for i in 0..b.days.len() {
                    let (d, r) = &b.days[i];
                    let quality = matches!(
                        r,
                        Recipe::Hills { .. }
                            | Recipe::Tempo { .. }
                            | Recipe::Intervals { .. }
                            | Recipe::RacePace { .. }
                    );
                    if quality && in_week(*d) {
                        let km = b.km(*d, r);
                        b.days[i].1 = Recipe::Easy((0.9 * km).max(2.0));
                    }
                }
                continue;
            }
            let f = ((scalable - (have - 0.995 * limit)) / scalable).clamp(0.3, 1.0);
            for (d, r) in b.days.iter_mut() {
                if in_week(*d) && (all || easy_kind(r)) {
                    *r = r.scaled(f);
                }
            }
        }
        actual.push(km_of(b, week));
    }
}

/// Rounds to the nearest half kilometre.
fn half_km(km: f64) -> f64 {
    (km * 2.0).round() / 2.0
}

/// Turns a recipe into a workout (None for nothing to do).
fn make(
    s: &mut Sessions<'_>,
    input: &GeneratorInput,
    date: NaiveDate,
    r: &Recipe,
) -> Option<Workout> {
    Some(match r {
        Recipe::Rest => s.rest(date),
        Recipe::Easy(km) => s.easy(date, *km),
        Recipe::Recovery(km) => s.recovery(date, *km),
        Recipe::Strides(km) => s.strides(date, *km),
        Recipe::Long { km, marathon_km } => s.long_run(date, half_km(*km), *marathon_km),
        Recipe::Hills {
            weekly,
            reps,
            variant,
        } => s.hills(date, *weekly, *reps, *variant),
        Recipe::Tempo {
            weekly,
            work,
            variant,
        } => s.tempo(date, *weekly, *work, *variant),
        Recipe::Intervals {
            weekly,
            work,
            variant,
        } => s.intervals(date, *weekly, *work, *variant),
        Recipe::RacePace {
            weekly,
            work,
            zone,
            variant,
        } => s.race_pace(date, *weekly, *work, *zone, *variant),
        Recipe::Sharpener { reps, warm_up_km } => s.sharpener(date, *reps, *warm_up_km),
        Recipe::Cross(activity) => s.cross_training(date, activity.clone()),
        Recipe::Race => s.race(
            date,
            &input.goal.name,
            input.goal.distance_m,
            input.goal.goal_time_s,
        ),
    })
}

/// Generates a plan.
///
/// # Errors
/// A [`GenerateError`] naming the field and the allowed range when the input cannot make a
/// sound plan (race too soon, no days to run on, volume out of range, no VDOT ...).
pub fn generate(input: &GeneratorInput, settings: &Settings) -> Result<Plan, GenerateError> {
    validate(input)?;
    let a = &input.athlete;
    let context = LoadContext::new(a, settings);
    let profile = RecoveryProfile::for_athlete(a, input.start.year());
    let d = input.goal.distance_m;
    let race = input.goal.date;
    let start = input.start;
    let long_race = d >= crate::rules::limits::HALF_MARATHON_M;
    let race_zone = match d {
        d if d <= 5_500.0 => PaceZone::I,
        d if d <= 21_500.0 => PaceZone::T,
        _ => PaceZone::M,
    };
    let volume0 = a.weekly_volume_km.max(MIN_START_KM);
    let runs_wanted = match profile.level {
        ExperienceLevel::Beginner => {
            if volume0 < 30.0 {
                3
            } else {
                4
            }
        }
        ExperienceLevel::Intermediate => {
            if volume0 < 40.0 {
                4
            } else {
                5
            }
        }
        ExperienceLevel::Advanced => {
            if volume0 < 60.0 {
                5
            } else {
                6
            }
        }
        ExperienceLevel::Elite => {
            if volume0 < 90.0 {
                6
            } else {
                7
            }
        }
    };
    let runs_wanted = runs_wanted
        .max((volume0 / (0.8 * max_km_per_run_day(a))).ceil() as usize)
        .min(((volume0 / 3.5).floor() as usize).max(3))
        .min(max_run_days(a));
    let quality_wanted = match profile.level {
        ExperienceLevel::Beginner | ExperienceLevel::Intermediate => 2,
        _ => 3,
    };
    let (pattern, quality_max) = pattern::best_pattern(
        &a.available_weekdays,
        a.long_run_day,
        runs_wanted,
        quality_wanted,
        &profile,
    );
    let mut b = Builder {
        input,
        context,
        profile,
        pattern,
        quality_max,
        long_race,
        race_zone,
        days: Vec::new(),
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
    let taper_weeks = match d {
        d if d <= 10_500.0 => 1,
        d if d <= 21_500.0 => 2,
        _ if full_weeks.len() >= 15 => 3,
        _ => 2,
    };
    let taper_full = (taper_weeks - 1).min(full_weeks.len().saturating_sub(1));
    let training = full_weeks.len() - taper_full;
    let peak_n = ((training as f64 * 0.25).round() as usize).max(1);
    let build_n = ((training as f64 * 0.35).round() as usize).max(1);
    let base_n = training.saturating_sub(peak_n + build_n).max(1);
    let phase_of = |i: usize| {
        if i >= training {
            PhaseKind::Taper
        } else if i < base_n {
            PhaseKind::Base
        } else if i < base_n + build_n {
            PhaseKind::Build
        } else {
            PhaseKind::Peak
        }
    };

    // Volumes of the training weeks.
    let every = profile.cut_back_every_weeks as usize;
    let peak_target = peak_target_km(d, profile.level).max(volume0);
    let mut level = volume0;
    let mut volumes = Vec::new();
    for i in 0..training {
        let cut = |i: usize| i % every == every - 1;
        if i > 0 && !cut(i - 1) {
            level = (level * (1.0 + GROWTH)).min(peak_target);
        }
        volumes.push(if cut(i) { level * CUT_BACK } else { level });
    }
    let peak = volumes.iter().copied().fold(volume0, f64::max);
    let taper_fractions: &[f64] = match taper_weeks {
        1 => &[],
        2 => &[0.72],
        _ => &[0.80, 0.62],
    };
    for i in 0..taper_full {
        volumes.push(peak * taper_fractions.get(i).copied().unwrap_or(0.6));
    }

    if first_week < start {
        let dates: Vec<NaiveDate> = (0..7)
            .map(|k| first_week + Days::new(k))
            .filter(|d| *d >= start)
            .collect();
        b.week(&dates, volume0, PhaseKind::Base, 0, true);
    }
    for (i, week) in full_weeks.iter().enumerate() {
        let dates: Vec<NaiveDate> = (0..7).map(|k| *week + Days::new(k)).collect();
        b.week(&dates, volumes[i], phase_of(i), i, false);
        let taper_share =
            (i >= training).then(|| taper_fractions.get(i - training).copied().unwrap_or(0.6));
        b.weeks
            .push((*week, i < training && i % every == every - 1, taper_share));
    }
    race_week_days(&mut b, race_week, peak, taper_weeks);
    add_cross_training(&mut b);
    hold_volume_progression(&mut b, a.weekly_volume_km);

    let phases = phases(start, race, &full_weeks, base_n, build_n, training);
    let mut plan = materialize(&b, phases.clone());
    for _ in 0..REPAIR_ROUNDS {
        let findings = check_plan(&CheckInput {
            plan: &plan,
            athlete: a,
            settings,
            history: None,
        });
        if findings.is_empty() || !repair(&mut b, &findings) {
            break;
        }
        plan = materialize(&b, phases.clone());
    }
    Ok(plan)
}

/// Most rounds of check-and-trim after building.
const REPAIR_ROUNDS: usize = 30;

/// Trims what a finding points at; only ever reduces load. Returns whether anything changed.
fn repair(b: &mut Builder<'_>, findings: &[crate::rules::Finding]) -> bool {
    let race = b.input.goal.date;
    let week_start = b.input.athlete.week_start;
    let mut changed = false;
    for f in findings {
        let day = f.date;
        let in_week = |d: NaiveDate| week_start.week_of(d) == week_start.week_of(day);
        let scale_where =
            |b: &mut Builder<'_>, pick: &dyn Fn(NaiveDate, &Recipe) -> bool, factor: f64| {
                let mut any = false;
                for (d, r) in b.days.iter_mut() {
                    if pick(*d, r) && !matches!(r, Recipe::Race | Recipe::Rest | Recipe::Cross(_)) {
                        *r = r.scaled(factor);
                        any = true;
                    }
                }
                any
            };
        let easy_kind = |r: &Recipe| {
            matches!(
                r,
                Recipe::Easy(_) | Recipe::Recovery(_) | Recipe::Strides(_) | Recipe::Long { .. }
            )
        };
        changed |= match f.rule {
            // The ratio runs over rolling 7-day load: trim the seven days up to the day,
            // and where nothing shrinks, the shortest easy run becomes rest.
            Rule::R5 if f.message.contains("acute:chronic") => {
                let from = day - Days::new(6);
                let window = |d: NaiveDate| d >= from && d <= day;
                let before = b.km_where(window);
                scale_where(b, &|d, _| window(d), 0.93);
                if b.km_where(window) > before - 0.05
                    && let Some(i) = b.shortest_easy(window)
                {
                    b.days[i].1 = Recipe::Rest;
                }
                true
            }
            // Growth or a missing cut-back: trim the week's easy running; where the runs are
            // already at their shortest, the shortest becomes rest.
            Rule::R5 | Rule::R6 => {
                let before = b.km_where(in_week);
                scale_where(b, &|d, r| in_week(d) && easy_kind(r), 0.93);
                if b.km_where(in_week) > before - 0.05 {
                    match b.shortest_easy(in_week) {
                        Some(i) => b.days[i].1 = Recipe::Rest,
                        // Nothing easy left: the week's sessions shrink too.
                        None => {
                            scale_where(b, &|d, _| in_week(d), 0.85);
                        }
                    }
                }
                true
            }
            Rule::R7
                if f.severity == crate::rules::Severity::Warning
                    && f.message.contains("of the peak week") =>
            {
                let window = |d: NaiveDate| d >= day && d < race;
                let before = b.km_where(window);
                scale_where(b, &|d, _| window(d), 0.85);
                // Runs already at their shortest become rest days.
                for (d, r) in b.days.iter_mut() {
                    let shortest =
                        matches!(r, Recipe::Easy(km) | Recipe::Recovery(km) if *km <= 2.0 + 1e-9);
                    if window(*d) && shortest {
                        *r = Recipe::Rest;
                    }
                }
                // Everything at its floor: the largest session (never the sharpener) becomes
                // a shorter easy run, or an easy run becomes rest.
                if b.km_where(window) > before - 0.05 {
                    let largest = b
                        .days
                        .iter()
                        .enumerate()
                        .filter(|(_, (d, r))| {
                            window(*d)
                                && !matches!(
                                    r,
                                    Recipe::Sharpener { .. }
                                        | Recipe::Race
                                        | Recipe::Rest
                                        | Recipe::Cross(_)
                                )
                        })
                        .max_by(|x, y| b.km(x.1.0, &x.1.1).total_cmp(&b.km(y.1.0, &y.1.1)))
                        .map(|(i, (d, r))| {
                            (
                                i,
                                b.km(*d, r),
                                matches!(r, Recipe::Easy(_) | Recipe::Recovery(_)),
                            )
                        });
                    if let Some((i, km, easy)) = largest {
                        b.days[i].1 = if easy {
                            Recipe::Rest
                        } else {
                            Recipe::Easy((0.6 * km).max(2.0))
                        };
                    }
                }
                true
            }
            Rule::R8 => scale_where(
                b,
                &|d, r| d == day && matches!(r, Recipe::Long { .. }),
                0.85,
            ),
            // No light day in the week: its shortest easy run becomes rest.
            Rule::R3 => {
                let shortest = b.shortest_easy(in_week);
                if let Some(i) = shortest {
                    b.days[i].1 = Recipe::Rest;
                }
                shortest.is_some()
            }
            Rule::R9 => {
                let block_end = day + Days::new(28);
                scale_where(b, &|d, r| d >= day && d < block_end && !easy_kind(r), 0.85)
            }
            // Day-to-day rules: make the day easy.
            _ => {
                let mut any = false;
                for (d, r) in b.days.iter_mut() {
                    if *d == day
                        && !matches!(
                            r,
                            Recipe::Race
                                | Recipe::Rest
                                | Recipe::Easy(_)
                                | Recipe::Recovery(_)
                                | Recipe::Cross(_)
                        )
                    {
                        *r = Recipe::Easy(4.0);
                        any = true;
                    }
                }
                any
            }
        };
    }
    changed
}

/// The race week: easy running, a sharpener three to six days out, a shake-out or rest the
/// day before, and the race.
fn race_week_days(b: &mut Builder<'_>, race_week: NaiveDate, peak: f64, taper_weeks: usize) {
    let race = b.input.goal.date;
    let start = b.input.start;
    let dates: Vec<NaiveDate> = (0..7)
        .map(|k| race_week + Days::new(k))
        .filter(|d| *d >= start && *d < race)
        .collect();
    let fraction = if taper_weeks == 1 { 0.60 } else { 0.50 };
    let volume = peak * fraction;
    let before = b.days.len();
    b.week(&dates, volume, PhaseKind::Taper, 99, false);
    // Long runs and quality days become easy; the sharpener goes on the best day.
    let mut candidates = Vec::new();
    for (date, r) in b.days[before..].iter_mut() {
        let to_race = (race - *date).num_days();
        match r {
            Recipe::Long { km, .. } => *r = Recipe::Easy((*km * 0.6).max(2.0)),
            Recipe::Hills { weekly, .. }
            | Recipe::Tempo { weekly, .. }
            | Recipe::Intervals { weekly, .. }
            | Recipe::RacePace { weekly, .. } => {
                if (3..=6).contains(&to_race) {
                    candidates.push(*date);
                }
                *r = Recipe::Easy((*weekly / 8.0).max(2.0));
            }
            Recipe::Strides(km) => *r = Recipe::Easy(km.max(2.0)),
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
    for k in 3..=6 {
        let date = race - Days::new(k);
        if date >= start && !candidates.contains(&date) && available.contains(&date.weekday()) {
            candidates.push(date);
        }
    }
    let chosen = candidates.into_iter().find(|date| sharpener_fits(b, *date));
    if chosen.is_none() {
        // No room for a hard sharpener: an easy run with strides keeps some speed instead.
        let fallback = (2..=6)
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
            let quality = matches!(
                r,
                Recipe::Hills { .. }
                    | Recipe::Tempo { .. }
                    | Recipe::Intervals { .. }
                    | Recipe::RacePace { .. }
            );
            if quality && in_week(*d) {
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
    let has_rest = b
        .days
        .iter()
        .any(|(d, r)| in_race_week(*d) && matches!(r, Recipe::Rest | Recipe::Cross(_)));
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
    b.days.push((race, Recipe::Race));
}

/// Whether a sharpener (hard) on `date` keeps the day-to-day rules with its neighbours.
fn sharpener_fits(b: &Builder<'_>, date: NaiveDate) -> bool {
    let level = |d: NaiveDate| -> u8 {
        b.days
            .iter()
            .filter(|(x, _)| *x == d)
            .map(|(_, r)| match r {
                Recipe::Long { .. } => 2,
                Recipe::Hills { .. }
                | Recipe::Tempo { .. }
                | Recipe::Intervals { .. }
                | Recipe::RacePace { .. }
                | Recipe::Sharpener { .. }
                | Recipe::Race => 3,
                _ => 0,
            })
            .max()
            .unwrap_or(0)
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
    // R2 both ways: the days before must not be hard within the gap, nor the days after.
    for k in 1..=i64::from(p.easy_days_after_hard) {
        let before = at(-k);
        let after = at(k);
        if before == 3 || after == 3 {
            return false;
        }
        if !p.moderate_after_hard_ok && after == 2 {
            return false;
        }
    }
    !(p.long_run_apart_from_hard && (at(-1) == 2 || at(1) == 2))
}

/// One easy cross-training session a week on a spare available day, keeping a full rest day.
fn add_cross_training(b: &mut Builder<'_>) {
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
    }
}

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

mod input;
mod locked;
pub(crate) mod pattern;
mod race_week;
mod recipe;
mod repair;
mod sessions;
mod volume;

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

pub use input::{
    BEGINNER_MARATHON_KM, CrossTrainingPreference, GenerateError, GenerateErrorKind,
    GeneratorInput, MAX_MINUTES_PER_RUN_DAY, MAX_WEEKS, MIN_DAYS, MIN_START_KM, max_km_per_run_day,
    max_run_days, min_weeks,
};
use input::{unmet, validate};
pub use locked::keep_locked;
use race_week::{add_cross_training, race_week_days};
use recipe::{Recipe, half_km, make};
use repair::{REPAIR_ROUNDS, repair};
use volume::{CUT_BACK, GROWTH, hold_volume_progression, peak_target_km};

/// The longest easy run, minutes: well under the 90 minutes that make a run tough
/// ([`crate::rules::stress::LONG_RUN_TOUGH_MINUTES`]).
pub const EASY_RUN_MAX_MINUTES: f64 = 75.0;

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
        let max_minutes = long_run_max_minutes(self.input);
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
        // No easy run is longer than the long run, nor so long that it becomes a second
        // long run (a tough day by its load).
        let each = each
            .min(long_km.max(3.0))
            .min(EASY_RUN_MAX_MINUTES * 60.0 / easy_pace);
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

/// Generates a plan.
///
/// # Errors
/// A [`GenerateError`] naming the field and the allowed range when the input cannot make a
/// sound plan (race too soon, no days to run on, volume out of range, no VDOT ...).
pub fn generate(input: &GeneratorInput, settings: &Settings) -> Result<Plan, GenerateError> {
    generate_with_history(input, settings, None)
}

/// Generates a plan that also keeps the rules against the training already done: the ramp
/// starts from the last two weeks of `history` (when it has any), and the plan is checked
/// with it, as `stride check` and the window check it.
///
/// # Errors
/// As [`generate`].
pub fn generate_with_history(
    input: &GeneratorInput,
    settings: &Settings,
    history: Option<&crate::model::History>,
) -> Result<Plan, GenerateError> {
    generate_checked(input, settings, history, false)
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
    generate_checked(input, settings, history, true)
}

fn generate_checked(
    input: &GeneratorInput,
    settings: &Settings,
    history: Option<&crate::model::History>,
    short_ok: bool,
) -> Result<Plan, GenerateError> {
    validate(input, short_ok)?;
    let history = history.filter(|h| !h.activities.is_empty());
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
    if history.is_some() && recent > 0.0 {
        volume0 = volume0.min(1.05 * recent);
    }
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
    let quality_wanted = quality_wanted(profile.level);
    let gaps = pattern::Gaps::new(&profile, long_may_be_very_hard(input, &context, volume0));
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
    hold_volume_progression(&mut b, &baseline_km);

    let phases = phases(start, race, &full_weeks, base_n, build_n, training);
    let mut plan = materialize(&b, phases.clone());
    let mut findings = Vec::new();
    for round in 0..=REPAIR_ROUNDS {
        findings = check_plan(&CheckInput {
            plan: &plan,
            athlete: a,
            settings,
            history,
        });
        if findings.is_empty() || round == REPAIR_ROUNDS || !repair(&mut b, &findings) {
            break;
        }
        plan = materialize(&b, phases.clone());
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

/// Whether the plan's long runs may run over two hours (a very hard day): the longest long
/// run the builder can make, at the peak volume and easy pace.
fn long_may_be_very_hard(input: &GeneratorInput, context: &LoadContext, volume0: f64) -> bool {
    let peak = volume::peak_target_km(input.goal.distance_m, input.athlete.level).max(volume0);
    let long_race = input.goal.distance_m >= crate::rules::limits::HALF_MARATHON_M;
    let share = crate::rules::checks_long_run_share(3, long_race);
    let minutes = share * peak * context.paces().easy_typical_s_per_km / 60.0;
    minutes.min(long_run_max_minutes(input)) > crate::rules::stress::LONG_RUN_VERY_HARD_MINUTES
}

/// The longest long run the builder plans, minutes.
fn long_run_max_minutes(input: &GeneratorInput) -> f64 {
    if input.goal.distance_m >= crate::rules::limits::MARATHON_M {
        170.0
    } else {
        140.0
    }
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
    }
}

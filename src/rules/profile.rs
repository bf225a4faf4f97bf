//! How much recovery an athlete needs: one function of level, training age and age.
//!
//! "The fitter you are, the faster you bounce back": the recovery rules read their gaps from
//! [`RecoveryProfile::for_athlete`]. The athlete's level is capped by training age (under 1
//! year: beginner at most; under 3 years: intermediate at most), then this table applies:
//!
//! | effective level | easy days after a tough day | after a very hard day | two hard sessions on one day | hard sessions a week | long run next to hard | weekly light day |
//! | --- | --- | --- | --- | --- | --- | --- |
//! | beginner | 2 | 2 | error | 2 | warning | rest or cross-training |
//! | intermediate | 1 | 1 (masters: 2) | error | 2 | allowed | rest or cross-training |
//! | advanced | 1 | 1 (masters: 2) | warning | 3 | allowed | recovery or lighter |
//! | elite | 1 | 1 (masters: 2) | warning | 3 | allowed | recovery or lighter |
//!
//! Tough days (quality sessions, tough long runs, races, heavy days: see
//! [`super::stress`]) are followed by easy, recovery, rest or cross-training days at every
//! level; only their number differs. Two hard sessions on one day are a deliberate method of
//! some elite athletes (the double-threshold day), so advanced and elite runners get a
//! warning rather than an error. Masters (50 and over) get two easy days after a very hard
//! day, and a cut-back week at least every 3rd week, as beginners do; everyone else every
//! 4th (reference: a recovery week every 3-4 weeks). From 60, age lengthens recovery rather
//! than lowering the level: two easy days after every tough day, while the volume and the
//! sessions stay those of the level and training age.
//!
//! **Personal recovery.** When the athlete's check-ins tell how long they take to be back at
//! baseline after long runs or interval-type sessions
//! ([`crate::science::recovery_time`]), [`RecoveryProfile::with_personal`] lengthens the gap
//! after those sessions: a morning back at baseline may train hard again, so a recovery of
//! N days asks for N - 1 easy days. The table stays the floor (a fast recoverer never gets
//! fewer easy days than their level's), and [`MAX_PERSONAL_EASY_DAYS`] (3) is the ceiling.
//! The ceiling is Stride's own choice: 3 easy days after the long run and 2 after a quality
//! session still fit a long run and a quality session into every week (4 + 3 days), and 3
//! after both still leave the weekly long run, so every plan stays feasible; a recovery
//! slower than 4 days says more about illness or lasting fatigue, which the warning signs
//! watch for, than about how to space a plan. The personal gaps apply to tough days
//! holding a long run or a quality session (not races, whose days R10 spaces, nor days
//! hard by their load alone), where R2 asks for the larger of the gap and the table's.
//!
//! ```
//! use stride::model::{Athlete, ExperienceLevel};
//! use stride::rules::profile::RecoveryProfile;
//!
//! let mut a = Athlete::example();
//! a.level = ExperienceLevel::Advanced;
//! a.training_age_years = 1;
//! let p = RecoveryProfile::for_athlete(&a, 2027);
//! assert_eq!(p.level, ExperienceLevel::Intermediate, "one year of training caps the level");
//! ```

use super::stress::StressClass;
use crate::model::{Athlete, ExperienceLevel};
use crate::science::recovery_time::{PersonalRecovery, RecoveryEstimate};

/// Age from which cut-back weeks come every 3rd week.
pub const MASTERS_AGE: i32 = 50;
/// Age from which every tough day is followed by two easy days.
pub const VETERAN_AGE: i32 = 60;
/// The most easy days the athlete's own recovery can ask for after a tough session
/// (Stride's own choice: see the module notes).
pub const MAX_PERSONAL_EASY_DAYS: u32 = 3;

/// Recovery needs derived from the athlete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecoveryProfile {
    /// The level the recovery rules use.
    pub level: ExperienceLevel,
    /// Days after a tough (hard) day that must be easy or lighter.
    pub easy_days_after_hard: u32,
    /// Days after a very hard day (a race, a long run over two hours, two hard sessions)
    /// that must be easy or lighter.
    pub easy_days_after_very_hard: u32,
    /// Whether two hard sessions on one day are only a warning (otherwise an error).
    pub double_day_is_warning: bool,
    /// Most hard sessions in a week.
    pub max_hard_per_week: u32,
    /// Whether the long run next to a hard day is warned about.
    pub long_run_apart_from_hard: bool,
    /// Whether the weekly light day must be rest or cross-training (otherwise a recovery run
    /// is light enough).
    pub needs_rest_or_cross_day: bool,
    /// A cut-back week at least every this many weeks.
    pub cut_back_every_weeks: u32,
    /// Easy days after a tough long run that the athlete's own recovery asks for (0 without
    /// an estimate); see [`RecoveryProfile::with_personal`].
    pub personal_after_long_run: u32,
    /// Easy days after a tough quality session that the athlete's own recovery asks for (0
    /// without an estimate).
    pub personal_after_quality: u32,
}

impl RecoveryProfile {
    /// The profile for an athlete in a given calendar year.
    pub fn for_athlete(athlete: &Athlete, year: i32) -> Self {
        let age = athlete.age_in(year);
        let cap = match athlete.training_age_years {
            0 => ExperienceLevel::Beginner,
            1 | 2 => ExperienceLevel::Intermediate,
            _ => ExperienceLevel::Elite,
        };
        let mut profile = Self::for_level(athlete.level.min(cap), age >= MASTERS_AGE);
        if age >= VETERAN_AGE {
            profile.easy_days_after_hard = profile.easy_days_after_hard.max(2);
            profile.easy_days_after_very_hard = profile.easy_days_after_very_hard.max(2);
        }
        profile
    }

    /// The table row of a level.
    pub fn for_level(level: ExperienceLevel, masters: bool) -> Self {
        let beginner = level == ExperienceLevel::Beginner;
        let fit = level >= ExperienceLevel::Advanced;
        let after_hard = if beginner { 2 } else { 1 };
        RecoveryProfile {
            level,
            easy_days_after_hard: after_hard,
            easy_days_after_very_hard: if masters { 2 } else { after_hard },
            double_day_is_warning: fit,
            max_hard_per_week: if fit { 3 } else { 2 },
            long_run_apart_from_hard: beginner,
            needs_rest_or_cross_day: !fit,
            cut_back_every_weeks: if beginner || masters { 3 } else { 4 },
            personal_after_long_run: 0,
            personal_after_quality: 0,
        }
    }

    /// The profile of a check: the athlete's in the plan's first year, with their own
    /// recovery when the check has a history.
    pub fn for_check(input: &super::CheckInput<'_>) -> Self {
        let year = chrono::Datelike::year(&input.plan.start_date);
        let profile = Self::for_athlete(input.athlete, year);
        match input.history {
            Some(history) => profile.with_personal(&PersonalRecovery::from_history(history)),
            None => profile,
        }
    }

    /// This profile with the gaps the athlete's own recovery asks for: after long runs and
    /// after quality sessions, recovery days - 1 easy days, never fewer than the table's
    /// [`Self::easy_days_after_hard`] and never more than [`MAX_PERSONAL_EASY_DAYS`]. Kinds
    /// without an estimate keep the table.
    ///
    /// ```
    /// use stride::model::Athlete;
    /// use stride::rules::profile::RecoveryProfile;
    /// use stride::science::recovery_time::{PersonalRecovery, RecoveryEstimate, ToughKind};
    ///
    /// let table = RecoveryProfile::for_athlete(&Athlete::example(), 2027);
    /// let slow = PersonalRecovery {
    ///     long_run: Some(RecoveryEstimate { kind: ToughKind::LongRun, days: 9, sessions: 8 }),
    ///     intervals: None,
    /// };
    /// let p = table.with_personal(&slow);
    /// assert_eq!(p.after_long_run(), 3, "capped");
    /// assert_eq!(p.after_quality(), table.easy_days_after_hard, "no estimate: the table");
    /// ```
    pub fn with_personal(mut self, personal: &PersonalRecovery) -> Self {
        let gap = |estimate: Option<RecoveryEstimate>, now: u32| {
            estimate.map_or(now, |e| {
                personal_gap(self.easy_days_after_hard, e.days).max(now)
            })
        };
        self.personal_after_long_run = gap(personal.long_run, self.personal_after_long_run);
        self.personal_after_quality = gap(personal.intervals, self.personal_after_quality);
        self
    }

    /// Easy days after a tough day holding a long run (at least the table's).
    pub fn after_long_run(&self) -> u32 {
        self.easy_days_after_hard.max(self.personal_after_long_run)
    }

    /// Easy days after a tough day holding a quality session (at least the table's).
    pub fn after_quality(&self) -> u32 {
        self.easy_days_after_hard.max(self.personal_after_quality)
    }

    /// Easy days a day of stress `class` asks for: by its class (the table), and when it is
    /// tough, by the athlete's own recovery from the long run or quality session it holds.
    pub fn easy_days_after(&self, class: StressClass, long_run: bool, quality: bool) -> u32 {
        let table = match class {
            StressClass::VeryHard => self.easy_days_after_very_hard,
            StressClass::Hard => self.easy_days_after_hard,
            _ => return 0,
        };
        let long = if long_run {
            self.personal_after_long_run
        } else {
            0
        };
        let quality = if quality {
            self.personal_after_quality
        } else {
            0
        };
        table.max(long).max(quality)
    }
}

/// Easy days for a recovery of `days` days (a morning back at baseline may train hard),
/// within the table's `table` and [`MAX_PERSONAL_EASY_DAYS`].
///
/// ```
/// use stride::rules::profile::personal_gap;
/// assert_eq!(personal_gap(1, 3), 2);
/// assert_eq!(personal_gap(2, 1), 2, "never below the table");
/// assert_eq!(personal_gap(1, 30), 3, "capped");
/// ```
pub fn personal_gap(table: u32, days: u32) -> u32 {
    days.saturating_sub(1)
        .min(MAX_PERSONAL_EASY_DAYS)
        .max(table)
}

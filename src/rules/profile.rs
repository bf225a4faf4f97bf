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

use crate::model::{Athlete, ExperienceLevel};

/// Age from which cut-back weeks come every 3rd week.
pub const MASTERS_AGE: i32 = 50;
/// Age from which every tough day is followed by two easy days.
pub const VETERAN_AGE: i32 = 60;

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
        }
    }
}

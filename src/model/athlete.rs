//! The athlete's profile: who they are, how fit, and how they like to train.

use chrono::{Datelike, Weekday};
use serde::{Deserialize, Serialize};

use super::Units;

/// Sex, used only to pick the coefficients of heart-rate load formulas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Female coefficients.
    Female,
    /// Male coefficients.
    Male,
}

/// Training background. It scales the recovery rules: beginners get more easy days after a hard
/// one, advanced and elite runners tolerate denser training.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExperienceLevel {
    /// New to structured running.
    Beginner,
    /// Some years of regular running.
    #[default]
    Intermediate,
    /// Years of structured training and racing.
    Advanced,
    /// Competes at a high level.
    Elite,
}

impl ExperienceLevel {
    /// All levels, from least to most experienced.
    pub const ALL: [ExperienceLevel; 4] = [
        ExperienceLevel::Beginner,
        ExperienceLevel::Intermediate,
        ExperienceLevel::Advanced,
        ExperienceLevel::Elite,
    ];

    /// The word shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            ExperienceLevel::Beginner => "Beginner",
            ExperienceLevel::Intermediate => "Intermediate",
            ExperienceLevel::Advanced => "Advanced",
            ExperienceLevel::Elite => "Elite",
        }
    }
}

/// The first day of the week in calendars and weekly totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekStart {
    /// Weeks run Monday to Sunday.
    #[default]
    Monday,
    /// Weeks run Sunday to Saturday.
    Sunday,
}

impl WeekStart {
    /// The chrono weekday the week starts on.
    pub fn weekday(self) -> Weekday {
        match self {
            WeekStart::Monday => Weekday::Mon,
            WeekStart::Sunday => Weekday::Sun,
        }
    }

    /// The first day of the week that contains `day`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use stride::model::WeekStart;
    /// let thu = NaiveDate::from_ymd_opt(2027, 3, 11).unwrap();
    /// assert_eq!(WeekStart::Monday.week_of(thu), NaiveDate::from_ymd_opt(2027, 3, 8).unwrap());
    /// assert_eq!(WeekStart::Sunday.week_of(thu), NaiveDate::from_ymd_opt(2027, 3, 7).unwrap());
    /// ```
    pub fn week_of(self, day: chrono::NaiveDate) -> chrono::NaiveDate {
        let back = day.weekday().days_since(self.weekday());
        day - chrono::Days::new(u64::from(back))
    }

    /// The seven weekdays in display order.
    pub fn weekdays(self) -> [Weekday; 7] {
        let first = self.weekday();
        std::array::from_fn(|i| {
            let mut day = first;
            for _ in 0..i {
                day = day.succ();
            }
            day
        })
    }
}

/// A recent race or time trial, from which the VDOT is derived.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RaceResult {
    /// Race distance in metres.
    pub distance_m: f64,
    /// Finishing time in seconds.
    pub time_s: f64,
    /// When it was run, if known.
    #[serde(default)]
    pub date: Option<chrono::NaiveDate>,
}

/// A field of a form or file that failed validation, with a message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as stored in files (`resting_hr_bpm`).
    pub field: &'static str,
    /// What is wrong and what would be accepted.
    pub message: String,
}

/// The athlete's profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Athlete {
    /// Name shown in the title bar and on exports.
    pub name: String,
    /// Optional, only for heart-rate load coefficients.
    #[serde(default)]
    pub sex: Option<Sex>,
    /// Year of birth; masters (50+) get more frequent cut-back weeks.
    pub birth_year: i32,
    /// Training background.
    #[serde(default)]
    pub level: ExperienceLevel,
    /// Years of regular running.
    #[serde(default)]
    pub training_age_years: u32,
    /// Current running volume per week, in kilometres.
    pub weekly_volume_km: f64,
    /// Resting heart rate, beats per minute.
    pub resting_hr_bpm: u16,
    /// Maximum heart rate, beats per minute.
    pub max_hr_bpm: u16,
    /// Daniels VDOT, if known directly.
    #[serde(default)]
    pub vdot: Option<f64>,
    /// A recent race result, used for the VDOT when `vdot` is not given.
    #[serde(default)]
    pub recent_race: Option<RaceResult>,
    /// Weekdays the athlete can run on.
    pub available_weekdays: Vec<Weekday>,
    /// Preferred day for the long run.
    pub long_run_day: Weekday,
    /// Units for display.
    #[serde(default)]
    pub units: Units,
    /// First day of the week.
    #[serde(default)]
    pub week_start: WeekStart,
    /// The altitude the runner lives and trains at, metres: paces are adjusted only for
    /// altitude above it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub home_altitude_m: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

pub(crate) use limits::FASTEST_RACE_M_PER_S;

/// Accepted ranges, in one place so forms, loaders and messages agree.
mod limits {
    pub const NAME_CHARS: usize = 200;
    pub const BIRTH_YEAR: (i32, i32) = (1900, 2200);
    pub const TRAINING_AGE_YEARS: u32 = 90;
    pub const WEEKLY_VOLUME_KM: (f64, f64) = (0.0, 400.0);
    pub const RESTING_HR_BPM: (u16, u16) = (25, 120);
    pub const MAX_HR_BPM: (u16, u16) = (100, 240);
    pub const VDOT: (f64, f64) = (20.0, 90.0);
    /// The fastest average speed a race result may give, m/s: over 400 m or more no one has
    /// run faster than about 9.3 m/s (the 400 m world record), so anything quicker is a
    /// mistyped time.
    pub const FASTEST_RACE_M_PER_S: f64 = 10.0;
}

impl Athlete {
    /// A plausible intermediate runner, used as the starting point of the New athlete form.
    pub fn example() -> Self {
        Athlete {
            name: "New athlete".to_owned(),
            sex: None,
            birth_year: 1990,
            level: ExperienceLevel::Intermediate,
            training_age_years: 3,
            weekly_volume_km: 30.0,
            resting_hr_bpm: 55,
            max_hr_bpm: 185,
            vdot: Some(40.0),
            recent_race: None,
            available_weekdays: WeekStart::Monday.weekdays().to_vec(),
            long_run_day: Weekday::Sun,
            units: Units::Km,
            week_start: WeekStart::Monday,
            home_altitude_m: 0.0,
        }
    }

    /// Checks every field and returns one message per field that is out of range, in the
    /// order of the form. An empty list means the profile is valid.
    ///
    /// ```
    /// use stride::model::Athlete;
    /// let mut a = Athlete::example();
    /// assert!(a.validate().is_empty());
    /// a.max_hr_bpm = 50;
    /// assert_eq!(a.validate()[0].field, "max_hr_bpm");
    /// ```
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut fail = |field: &'static str, message: String| {
            errors.push(FieldError { field, message });
        };
        if self.name.trim().is_empty() {
            fail("name", "Enter a name.".to_owned());
        } else if self.name.chars().count() > limits::NAME_CHARS {
            fail(
                "name",
                format!("A name has at most {} characters.", limits::NAME_CHARS),
            );
        }
        let (lo, hi) = limits::BIRTH_YEAR;
        if !(lo..=hi).contains(&self.birth_year) {
            fail(
                "birth_year",
                format!("Birth year must be between {lo} and {hi}."),
            );
        }
        if self.training_age_years > limits::TRAINING_AGE_YEARS {
            fail(
                "training_age_years",
                format!(
                    "Training age must be at most {} years.",
                    limits::TRAINING_AGE_YEARS
                ),
            );
        }
        let (lo, hi) = limits::WEEKLY_VOLUME_KM;
        if !self.weekly_volume_km.is_finite() || !(lo..=hi).contains(&self.weekly_volume_km) {
            fail(
                "weekly_volume_km",
                format!("Weekly volume must be between {lo} and {hi} km."),
            );
        }
        let (lo, hi) = limits::RESTING_HR_BPM;
        if !(lo..=hi).contains(&self.resting_hr_bpm) {
            fail(
                "resting_hr_bpm",
                format!("Resting heart rate must be between {lo} and {hi} bpm."),
            );
        }
        let (lo, hi) = limits::MAX_HR_BPM;
        if !(lo..=hi).contains(&self.max_hr_bpm) {
            fail(
                "max_hr_bpm",
                format!("Maximum heart rate must be between {lo} and {hi} bpm."),
            );
        } else if self.max_hr_bpm <= self.resting_hr_bpm {
            fail(
                "max_hr_bpm",
                "Maximum heart rate must be above the resting heart rate.".to_owned(),
            );
        }
        if let Some(vdot) = self.vdot {
            let (lo, hi) = limits::VDOT;
            if !vdot.is_finite() || !(lo..=hi).contains(&vdot) {
                fail("vdot", format!("VDOT must be between {lo} and {hi}."));
            }
        }
        if let Some(race) = &self.recent_race {
            if !race.distance_m.is_finite()
                || race.distance_m < 400.0
                || race.distance_m > 100_000.0
            {
                fail(
                    "recent_race",
                    "Race distance must be between 400 m and 100 km.".to_owned(),
                );
            } else if !race.time_s.is_finite() || race.time_s <= 0.0 {
                fail("recent_race", "Race time must be positive.".to_owned());
            } else if race.distance_m / race.time_s > limits::FASTEST_RACE_M_PER_S {
                fail(
                    "recent_race",
                    format!(
                        "{:.1} km in {:.0} s is faster than anyone has run; check the time.",
                        race.distance_m / 1000.0,
                        race.time_s
                    ),
                );
            }
        }
        let (lo, hi) = super::units::ALTITUDE_M;
        if !self.home_altitude_m.is_finite() || !(lo..=hi).contains(&self.home_altitude_m) {
            fail(
                "home_altitude_m",
                format!("Home altitude must be between {lo} and {hi} m."),
            );
        }
        if self.available_weekdays.is_empty() {
            fail(
                "available_weekdays",
                "Choose at least one day to run on.".to_owned(),
            );
        }
        errors
    }

    /// Age in whole years during the given calendar year.
    pub fn age_in(&self, year: i32) -> i32 {
        year - self.birth_year
    }
}

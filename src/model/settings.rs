//! Choices that change computed numbers: the fitness/fatigue model, its time constants and
//! starting values, and how cross-training counts. The formulas live in [`crate::science`].

use serde::{Deserialize, Serialize};

use super::{CrossActivity, FieldError};

/// How the exponentially weighted averages of fitness and fatigue are weighted, matching the
/// applications runners compare with (`../training-science.md` section 2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadModel {
    /// lambda = 1/N, as TrainingPeaks publishes it.
    #[default]
    Trainingpeaks,
    /// lambda = 1 - e^(-1/N), as GoldenCheetah (and intervals.icu) compute it.
    Goldencheetah,
    /// lambda = 2/(N+1), as Runalyze computes it.
    Runalyze,
}

impl LoadModel {
    /// All models, in menu order.
    pub const ALL: [LoadModel; 3] = [
        LoadModel::Trainingpeaks,
        LoadModel::Goldencheetah,
        LoadModel::Runalyze,
    ];

    /// The name used on the command line and in files.
    pub fn name(self) -> &'static str {
        match self {
            LoadModel::Trainingpeaks => "trainingpeaks",
            LoadModel::Goldencheetah => "goldencheetah",
            LoadModel::Runalyze => "runalyze",
        }
    }
}

/// Which day's fitness and fatigue the form of a day is taken from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormConvention {
    /// The form you start the day with: yesterday's fitness minus yesterday's fatigue
    /// (TrainingPeaks, GoldenCheetah).
    #[default]
    StartOfDay,
    /// The same day's fitness minus fatigue (Runalyze).
    SameDay,
}

impl FormConvention {
    /// The name used on the command line and in files.
    pub fn name(self) -> &'static str {
        match self {
            FormConvention::StartOfDay => "start-of-day",
            FormConvention::SameDay => "same-day",
        }
    }
}

/// How much an hour of another sport counts against an hour of running at the same effort.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct CrossTrainingFactors {
    /// Cycling (default 0.5).
    pub cycling: f64,
    /// Swimming (default 0.4).
    pub swimming: f64,
    /// Rowing (default 0.5).
    pub rowing: f64,
    /// Elliptical trainer, the closest to running (default 0.7).
    pub elliptical: f64,
    /// Strength and conditioning (default 0.3).
    pub strength: f64,
    /// Anything else (default 0.5).
    pub other: f64,
}

impl Default for CrossTrainingFactors {
    fn default() -> Self {
        CrossTrainingFactors {
            cycling: 0.5,
            swimming: 0.4,
            rowing: 0.5,
            elliptical: 0.7,
            strength: 0.3,
            other: 0.5,
        }
    }
}

impl CrossTrainingFactors {
    /// The factor for one activity.
    pub fn factor(&self, activity: &CrossActivity) -> f64 {
        match activity {
            CrossActivity::Cycling => self.cycling,
            CrossActivity::Swimming => self.swimming,
            CrossActivity::Rowing => self.rowing,
            CrossActivity::Elliptical => self.elliptical,
            CrossActivity::Strength => self.strength,
            CrossActivity::Other(_) => self.other,
        }
    }

    fn all(&self) -> [(&'static str, f64); 6] {
        [
            ("cycling", self.cycling),
            ("swimming", self.swimming),
            ("rowing", self.rowing),
            ("elliptical", self.elliptical),
            ("strength", self.strength),
            ("other", self.other),
        ]
    }
}

/// Document-wide settings (model choices that change computed numbers, not display).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Time constant of fitness (CTL), days (default 42).
    pub fitness_days: u32,
    /// Time constant of fatigue (ATL), days (default 7).
    pub fatigue_days: u32,
    /// Weighting of the averages.
    pub load_model: LoadModel,
    /// Which day's values form is taken from.
    pub form_convention: FormConvention,
    /// Fitness on the day before the first day of history (a season start).
    pub start_fitness: f64,
    /// Fatigue on the day before the first day of history.
    pub start_fatigue: f64,
    /// How other sports count.
    pub cross_training: CrossTrainingFactors,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            fitness_days: 42,
            fatigue_days: 7,
            load_model: LoadModel::default(),
            form_convention: FormConvention::default(),
            start_fitness: 0.0,
            start_fatigue: 0.0,
            cross_training: CrossTrainingFactors::default(),
        }
    }
}

impl Settings {
    /// The first setting that is out of range, if any.
    pub fn validate(&self) -> Option<FieldError> {
        let bad = |field: &'static str, message: String| Some(FieldError { field, message });
        for (name, days) in [
            ("fitness_days", self.fitness_days),
            ("fatigue_days", self.fatigue_days),
        ] {
            if !(1..=365).contains(&days) {
                return bad(
                    name,
                    format!("settings.{name}: {days} is not between 1 and 365 days"),
                );
            }
        }
        for (name, value) in [
            ("start_fitness", self.start_fitness),
            ("start_fatigue", self.start_fatigue),
        ] {
            if !value.is_finite() || !(0.0..=1000.0).contains(&value) {
                return bad(
                    name,
                    format!("settings.{name}: {value} is not between 0 and 1000"),
                );
            }
        }
        for (name, factor) in self.cross_training.all() {
            if !factor.is_finite() || !(0.0..=2.0).contains(&factor) {
                return bad(
                    "cross_training",
                    format!("settings.cross_training.{name}: {factor} is not between 0 and 2"),
                );
            }
        }
        None
    }
}

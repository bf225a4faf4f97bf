//! A training plan toward a goal race.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Workout, WorkoutId};

/// The race the plan builds toward.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalRace {
    /// Name of the event.
    #[serde(default)]
    pub name: String,
    /// Distance in metres.
    pub distance_m: f64,
    /// Race day.
    pub date: NaiveDate,
    /// Goal finishing time in seconds, if the athlete has one.
    #[serde(default)]
    pub goal_time_s: Option<f64>,
}

/// A training phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    /// Aerobic base: mostly easy volume.
    Base,
    /// Build: quality sessions added.
    Build,
    /// Peak: most race-specific work.
    Peak,
    /// Taper: volume cut, intensity kept.
    Taper,
}

impl PhaseKind {
    /// The word shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            PhaseKind::Base => "Base",
            PhaseKind::Build => "Build",
            PhaseKind::Peak => "Peak",
            PhaseKind::Taper => "Taper",
        }
    }
}

/// A phase over a date range, both ends included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    /// Which phase.
    pub kind: PhaseKind,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// A plan: phases and workouts toward a goal race.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Name shown in lists.
    pub name: String,
    /// The goal race.
    pub goal: GoalRace,
    /// First day of the plan.
    pub start_date: NaiveDate,
    /// Phases in date order.
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// Workouts, in any order (views sort by date).
    #[serde(default)]
    pub workouts: Vec<Workout>,
}

impl Plan {
    /// The workout with this id, if any.
    pub fn workout(&self, id: WorkoutId) -> Option<&Workout> {
        self.workouts.iter().find(|w| w.id == id)
    }

    /// The phase a day falls in, if any.
    pub fn phase_on(&self, day: NaiveDate) -> Option<&Phase> {
        self.phases.iter().find(|p| p.start <= day && day <= p.end)
    }

    /// Workouts on a day, in stored order.
    pub fn workouts_on(&self, day: NaiveDate) -> impl Iterator<Item = &Workout> {
        self.workouts.iter().filter(move |w| w.date == day)
    }

    /// The last day of the plan: race day, or the last workout if later.
    pub fn end_date(&self) -> NaiveDate {
        self.workouts
            .iter()
            .map(|w| w.date)
            .chain(std::iter::once(self.goal.date))
            .max()
            .unwrap_or(self.goal.date)
    }
}

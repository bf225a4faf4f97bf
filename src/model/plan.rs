//! A training plan toward a goal race.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Workout, WorkoutId, WorkoutKind};

/// The race the plan builds toward.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// A cut-back week inside base, build or peak: volume lowered for a week so the
    /// training of the weeks before is absorbed.
    CutBack,
}

impl PhaseKind {
    /// The word shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            PhaseKind::Base => "Base",
            PhaseKind::Build => "Build",
            PhaseKind::Peak => "Peak",
            PhaseKind::Taper => "Taper",
            PhaseKind::CutBack => "Cut-back",
        }
    }
}

/// A phase over a date range, both ends included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Which phase.
    pub kind: PhaseKind,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// Why the runner cannot train as planned over some days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OffReason {
    /// Travel or other commitments: no running, or cross-training only.
    Away {
        /// Cross-training is possible on these days.
        #[serde(default)]
        cross_training: bool,
    },
    /// Ill or injured: no training, then a graded return.
    Sick,
}

impl OffReason {
    /// How little training the reason allows: sick days least, then days away, then days
    /// away with cross-training. Where spells overlap, the strictest holds.
    pub fn strictness(self) -> u8 {
        match self {
            OffReason::Away {
                cross_training: true,
            } => 0,
            OffReason::Away {
                cross_training: false,
            } => 1,
            OffReason::Sick => 2,
        }
    }

    /// The word shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            OffReason::Away {
                cross_training: false,
            } => "Away",
            OffReason::Away {
                cross_training: true,
            } => "Away (cross-training only)",
            OffReason::Sick => "Sick",
        }
    }
}

/// Days, both ends included, on which the runner cannot train as planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaysOff {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Why.
    pub reason: OffReason,
}

impl DaysOff {
    /// True when `day` lies within these days.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// How many days these are.
    pub fn len_days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// Sick days: the days of each block of the graded return after them, as many as the
    /// illness lasted, within [`DaysOff::RETURN_BLOCK_DAYS`]. `None` for days away.
    pub fn return_block_days(&self) -> Option<u64> {
        let (lo, hi) = DaysOff::RETURN_BLOCK_DAYS;
        (self.reason == OffReason::Sick).then(|| self.len_days().clamp(lo, hi) as u64)
    }

    /// The graded return after sick days: from the day after them through both blocks.
    pub fn return_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let n = self.return_block_days()?;
        let first = self.to.checked_add_days(chrono::Days::new(1))?;
        Some((first, first.checked_add_days(chrono::Days::new(2 * n - 1))?))
    }

    /// Bounds of a block of the graded return after sick days, days.
    pub const RETURN_BLOCK_DAYS: (i64, i64) = (3, 7);
}

/// A plan: phases and workouts toward a goal race.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// What the generator could not do as asked, and why ("one quality session a week: ...").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Days away and sick days: no running planned on them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days_off: Vec<DaysOff>,
}

/// Where workouts sit on the calendar: what a drag and drop does. The session applies it as
/// an edit and the drop preview applies it to a copy, through the same
/// [`Plan::apply_day_change`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayChange {
    /// Move a workout to another day.
    Move {
        /// Which workout.
        id: WorkoutId,
        /// The new day.
        to: NaiveDate,
    },
    /// Copy a workout to a day, as a new workout with id `new_id`.
    Copy {
        /// Which workout.
        id: WorkoutId,
        /// The day of the copy.
        to: NaiveDate,
        /// The copy's id.
        new_id: WorkoutId,
    },
    /// Exchange the workouts of two days.
    Swap {
        /// One day.
        a: NaiveDate,
        /// The other day.
        b: NaiveDate,
    },
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

    /// Applies a move, copy or swap. Workouts placed this way are `locked` (placed by hand).
    /// A session dropped onto a rest day makes it a training day: the day's `Rest` entries go.
    /// Returns the days whose workouts changed.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use stride::model::{DayChange, GoalRace, Plan, Workout, WorkoutId, WorkoutKind};
    /// let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
    /// let goal = GoalRace { name: "10K".into(), distance_m: 10_000.0, date: day(28), goal_time_s: None };
    /// let mut plan = Plan::new("Spring 10K", goal, day(1));
    /// plan.workouts.push(Workout::new(WorkoutId(1), day(2), WorkoutKind::Tempo));
    /// plan.workouts.push(Workout::new(WorkoutId(2), day(3), WorkoutKind::Rest));
    /// plan.apply_day_change(DayChange::Move { id: WorkoutId(1), to: day(3) });
    /// let kinds: Vec<_> = plan.workouts_on(day(3)).map(|w| w.kind.clone()).collect();
    /// assert_eq!(kinds, vec![WorkoutKind::Tempo], "the rest day became a training day");
    /// ```
    pub fn apply_day_change(&mut self, change: DayChange) -> [NaiveDate; 2] {
        let (touched, landed) = match change {
            DayChange::Move { id, to } => {
                let Some(w) = self.workouts.iter_mut().find(|w| w.id == id) else {
                    return [to, to];
                };
                let from = std::mem::replace(&mut w.date, to);
                w.locked = true;
                ([from, to], Some((id, to)))
            }
            DayChange::Copy { id, to, new_id } => {
                let Some(w) = self.workouts.iter().find(|w| w.id == id) else {
                    return [to, to];
                };
                let mut copy = w.clone();
                copy.id = new_id;
                copy.date = to;
                copy.locked = true;
                self.workouts.push(copy);
                ([to, to], Some((new_id, to)))
            }
            DayChange::Swap { a, b } => {
                for w in &mut self.workouts {
                    if w.date == a {
                        w.date = b;
                        w.locked = true;
                    } else if w.date == b {
                        w.date = a;
                        w.locked = true;
                    }
                }
                ([a, b], None)
            }
        };
        if let Some((id, day)) = landed
            && self
                .workout(id)
                .is_some_and(|w| w.kind != WorkoutKind::Rest)
        {
            self.workouts
                .retain(|w| w.date != day || w.kind != WorkoutKind::Rest);
        }
        touched
    }

    /// A plan with no workouts, phases or notes yet.
    pub fn new(name: impl Into<String>, goal: GoalRace, start_date: NaiveDate) -> Plan {
        Plan {
            name: name.into(),
            goal,
            start_date,
            phases: Vec::new(),
            workouts: Vec::new(),
            notes: Vec::new(),
            days_off: Vec::new(),
        }
    }

    /// True when a day falls in the graded return after sick days.
    pub fn returning_on(&self, day: NaiveDate) -> bool {
        self.days_off
            .iter()
            .filter_map(DaysOff::return_span)
            .any(|(from, to)| from <= day && day <= to)
    }

    /// Why the runner cannot train as planned on a day, if they cannot (the strictest reason
    /// where spells overlap).
    pub fn day_off(&self, day: NaiveDate) -> Option<OffReason> {
        self.days_off
            .iter()
            .filter(|d| d.contains(day))
            .map(|d| d.reason)
            .max_by_key(|r| r.strictness())
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

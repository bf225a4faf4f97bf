//! A day's stress: what its sessions add up to, and how much recovery that asks for.
//!
//! The recovery rules judge days by stress, not by their labels (`training-science.md`
//! sections 5-6). The tough sessions are "intervals, tempo runs, hill repeats, or long runs";
//! two sessions on one day are more stress than the larger of them; and the day after a
//! tough session is easy.
//!
//! A day's **load** is the sum of its sessions' loads on the one TSS-like scale of
//! [`crate::science::load`]: planned loads, or the loads of the activities done that day when
//! the history holds any. Its **class** is the highest of:
//!
//! | from | light | easy | moderate | hard | very hard |
//! | --- | --- | --- | --- | --- | --- |
//! | the hardest session's kind | rest, recovery run | easy run, cross-training | fartlek, marathon-pace run | tempo, intervals, hills, or [`QUALITY_WORK_MINUTES`] of work at T pace or faster | race |
//! | the long run | | | shorter than the rows to the right | [`LONG_RUN_TOUGH_MINUTES`] or more, [`LONG_RUN_FAST_MINUTES`] at marathon pace or faster, or the week's largest load | over [`LONG_RUN_VERY_HARD_MINUTES`] |
//! | the day's load | | | | [`HARD_DAY_LOAD`] or [`HARD_DAY_TYPICAL`] x the typical day | [`VERY_HARD_DAY_LOAD`] or [`VERY_HARD_DAY_TYPICAL`] x the typical day |
//! | the number of tough sessions | | | | one | two or more |
//!
//! **Sources and choices.**
//! - Long runs are tough sessions (the product's source text; Daniels, Pfitzinger and Hansons
//!   all follow the long run with an easy day or rest). 90 minutes is where glycogen use and
//!   muscle damage make a run "long" in those books; over about two hours (and Daniels' cap of
//!   150 minutes for most runners) it needs more than one easy day for beginners and masters.
//! - Absolute load levels follow the TSS guide of Allen & Coggan (*Training and Racing with a
//!   Power Meter*, as TrainingPeaks publishes it): under 150 recovery is usually complete by
//!   the next day, 150-300 leaves some fatigue the next day, over 300 some fatigue even after
//!   two days. Stress's scale has the same anchor (one hour at threshold = 100).
//! - Relative levels: a day carrying twice the athlete's typical training day is hard, three
//!   times very hard. The typical day is the mean load of the days with training in the 28
//!   days before (the chronic load's window, Williams et al. 2017); in the plan's first 28
//!   days, the mean of those first 28 days. It is never less than the average run of the
//!   athlete's stated weekly volume over their available days (or 30 easy minutes). Twice the typical
//!   day is where the long-run rule lands for most runners (a 90-minute run against a
//!   45-minute usual run); this is Stride's choice, not a published threshold.
//! - Whichever of the absolute and relative levels comes first applies, so a beginner's
//!   100-minute day is hard though it is under 150.
//!
//! ```
//! use chrono::{Days, NaiveDate};
//! use stride::model::{Athlete, GoalRace, Plan, Settings, Workout, WorkoutId, WorkoutKind};
//! use stride::rules::{CheckInput, stress::{StressClass, day_stress}};
//!
//! let sunday = NaiveDate::from_ymd_opt(2027, 3, 7).unwrap();
//! let goal = GoalRace { name: "Marathon".into(), distance_m: 42_195.0,
//!     date: sunday + Days::new(60), goal_time_s: None };
//! let mut plan = Plan::new("Spring", goal, sunday);
//! let mut long = Workout::new(WorkoutId(1), sunday, WorkoutKind::Long);
//! long.planned_duration_s = Some(150.0 * 60.0);
//! plan.workouts.push(long);
//! let athlete = Athlete::example();
//! let settings = Settings::default();
//! let days = day_stress(&CheckInput { plan: &plan, athlete: &athlete,
//!     settings: &settings, history: None });
//! assert_eq!(days[0].1.class, StressClass::VeryHard, "a 150-minute long run");
//! ```

use chrono::NaiveDate;

use crate::model::{Intensity, PaceZone, Workout, WorkoutKind};
use crate::science::load::{LoadContext, intensity_load};

/// A long run of this many minutes or more is a tough session.
pub const LONG_RUN_TOUGH_MINUTES: f64 = 90.0;
/// A long run over this many minutes is very hard.
pub const LONG_RUN_VERY_HARD_MINUTES: f64 = 120.0;
/// A long run with this many minutes at marathon pace or faster is a tough session.
pub const LONG_RUN_FAST_MINUTES: f64 = 5.0;
/// A session with this many minutes of work at threshold pace or faster is hard, whatever
/// its kind (strides, a few seconds each, stay easy).
pub const QUALITY_WORK_MINUTES: f64 = 8.0;
/// A day of this load or more is hard (Allen & Coggan: fatigue left the next day).
pub const HARD_DAY_LOAD: f64 = 150.0;
/// A day of this load or more is very hard (Allen & Coggan: fatigue left after two days).
pub const VERY_HARD_DAY_LOAD: f64 = 300.0;
/// A day of this many typical days' load or more is hard.
pub const HARD_DAY_TYPICAL: f64 = 2.0;
/// A day of this many typical days' load or more is very hard.
pub const VERY_HARD_DAY_TYPICAL: f64 = 3.0;
/// Days before a day whose training days give its typical day.
pub const TYPICAL_DAY_WINDOW: usize = 28;
/// The typical day is never below this many minutes of easy running.
pub const TYPICAL_DAY_MIN_MINUTES: f64 = 30.0;

/// How much stress a day carries, lightest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StressClass {
    /// Rest, a recovery run, or nothing.
    #[default]
    Light,
    /// Easy running or cross-training.
    Easy,
    /// Steady running: fartlek, marathon pace, a short long run.
    Moderate,
    /// A tough session: quality, a long run, or a heavy day.
    Hard,
    /// A race, a long run over two hours, two tough sessions, or a very heavy day.
    VeryHard,
}

impl StressClass {
    /// The words shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            StressClass::Light => "light",
            StressClass::Easy => "easy",
            StressClass::Moderate => "moderate",
            StressClass::Hard => "hard",
            StressClass::VeryHard => "very hard",
        }
    }

    /// Hard or very hard: a session or day that must be followed by easy days.
    pub fn is_tough(self) -> bool {
        self >= StressClass::Hard
    }

    /// The class a label gives.
    pub fn of_intensity(intensity: Intensity) -> Self {
        match intensity {
            Intensity::Rest | Intensity::Recovery => StressClass::Light,
            Intensity::Easy => StressClass::Easy,
            Intensity::Moderate => StressClass::Moderate,
            Intensity::Hard => StressClass::Hard,
            Intensity::Race => StressClass::VeryHard,
        }
    }
}

/// Why a day has its class, for the messages.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Why {
    /// Nothing stands out: the hardest session's kind.
    #[default]
    Sessions,
    /// A race.
    Race,
    /// The long run, of this many minutes.
    LongRun {
        /// Its length, minutes.
        minutes: f64,
    },
    /// Two or more tough sessions.
    Double {
        /// How many.
        sessions: u32,
    },
    /// The day's load against the typical day.
    Load {
        /// The day's load.
        load: f64,
        /// The typical day's load.
        typical: f64,
    },
}

/// The long run of a day, as stress sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LongRunStress {
    /// Its load.
    pub load: f64,
    /// Its length, seconds.
    pub duration_s: f64,
    /// Seconds at marathon pace or faster.
    pub fast_s: f64,
}

/// The stress of one day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DayStress {
    /// Sum of the sessions' loads.
    pub load: f64,
    /// The class.
    pub class: StressClass,
    /// Why the class.
    pub why: Why,
    /// Tough sessions: quality sessions and races, and the long run when it is tough.
    pub tough_sessions: u32,
    /// Tough sessions besides the long run (R4 counts these a week).
    pub quality_sessions: u32,
    /// The hardest class of the sessions other than the long run.
    pub label_class: StressClass,
    /// The long run, if the day has one.
    pub long_run: Option<LongRunStress>,
    /// A race is run that day.
    pub race: bool,
    /// The stress comes from activities done, not from the plan.
    pub done: bool,
}

impl DayStress {
    /// Adds a planned workout of planned load `load`.
    pub(crate) fn add_workout(&mut self, w: &Workout, load: f64, context: &LoadContext) {
        let fast = |zone| context.work_at_or_faster_s(w, zone);
        if w.kind == WorkoutKind::Long {
            let duration = context.planned_duration_s(w);
            self.add_long(load, duration, fast(PaceZone::M));
        } else {
            let mut class = StressClass::of_intensity(w.intensity());
            if class < StressClass::Hard
                && w.kind.is_running()
                && !w.steps.is_empty()
                && fast(PaceZone::T) >= QUALITY_WORK_MINUTES * 60.0
            {
                class = StressClass::Hard;
            }
            self.add_session(class, load, matches!(w.kind, WorkoutKind::Race { .. }));
        }
    }

    /// Adds a done activity: its kind, length and load (pace work inside it is not known).
    pub(crate) fn add_activity(&mut self, a: &crate::model::Activity, context: &LoadContext) {
        let load = context.activity_load(a).map_or(0.0, |l| l.value);
        let duration = a.moving_s.unwrap_or(a.duration_s);
        self.done = true;
        if a.kind == WorkoutKind::Long {
            self.add_long(load, duration, 0.0);
        } else {
            let class = StressClass::of_intensity(a.kind.default_intensity());
            self.add_session(class, load, matches!(a.kind, WorkoutKind::Race { .. }));
        }
    }

    fn add_long(&mut self, load: f64, duration_s: f64, fast_s: f64) {
        let long = self.long_run.get_or_insert_with(LongRunStress::default);
        long.load += load;
        long.duration_s += duration_s;
        long.fast_s += fast_s;
        self.load += load;
    }

    fn add_session(&mut self, class: StressClass, load: f64, race: bool) {
        self.load += load;
        self.label_class = self.label_class.max(class);
        self.race |= race;
        if class.is_tough() {
            self.quality_sessions += 1;
        }
    }

    /// The long run's class: `largest` says whether it carries the week's largest load.
    fn long_class(long: &LongRunStress, largest: bool) -> StressClass {
        let minutes = long.duration_s / 60.0;
        if minutes > LONG_RUN_VERY_HARD_MINUTES {
            StressClass::VeryHard
        } else if minutes >= LONG_RUN_TOUGH_MINUTES
            || long.fast_s >= LONG_RUN_FAST_MINUTES * 60.0
            || largest
        {
            StressClass::Hard
        } else {
            StressClass::Moderate
        }
    }

    /// Works out the class from what was added, the typical day's load and whether the long
    /// run carries the week's largest load.
    pub(crate) fn classify(&mut self, typical: f64, long_is_largest: bool) {
        let mut class = self.label_class;
        let mut why = if self.race { Why::Race } else { Why::Sessions };
        let long_class = self.long_run.map(|l| Self::long_class(&l, long_is_largest));
        if let (Some(long), Some(c)) = (self.long_run, long_class)
            && c > class
        {
            class = c;
            why = Why::LongRun {
                minutes: long.duration_s / 60.0,
            };
        }
        self.tough_sessions =
            self.quality_sessions + u32::from(long_class.is_some_and(StressClass::is_tough));
        let by_load = if self.load >= VERY_HARD_DAY_LOAD.min(VERY_HARD_DAY_TYPICAL * typical) {
            StressClass::VeryHard
        } else if self.load >= HARD_DAY_LOAD.min(HARD_DAY_TYPICAL * typical) {
            StressClass::Hard
        } else {
            StressClass::Light
        };
        if by_load > class {
            class = by_load;
            why = Why::Load {
                load: self.load,
                typical,
            };
        }
        if self.tough_sessions >= 2 && class < StressClass::VeryHard {
            class = StressClass::VeryHard;
            why = Why::Double {
                sessions: self.tough_sessions,
            };
        }
        self.class = class;
        self.why = why;
    }

    /// What makes the day tough, for messages: "the 150-minute long run", "the race".
    pub fn describe(&self) -> String {
        match self.why {
            Why::Race => "the race".to_owned(),
            Why::LongRun { minutes } => format!("the {minutes:.0}-minute long run"),
            Why::Double { sessions } => format!("{sessions} hard sessions"),
            Why::Load { load, typical } => format!(
                "a day of load {load:.0} ({:.1} times a typical day)",
                load / typical.max(1.0)
            ),
            Why::Sessions => format!("the {} session", self.class.label()),
        }
    }
}

/// The typical day's floor: the average run of the athlete's weekly volume over their
/// available days (at least 3), at easy pace, and at least [`TYPICAL_DAY_MIN_MINUTES`].
pub(crate) fn typical_day_floor(athlete: &crate::model::Athlete, context: &LoadContext) -> f64 {
    let paces = context.paces();
    let easy_if = paces.threshold_s_per_km / paces.easy_typical_s_per_km;
    let days = athlete.available_weekdays.len().clamp(3, 7) as f64;
    let km = athlete.weekly_volume_km.max(0.0) / days;
    let minutes = (km * paces.easy_typical_s_per_km / 60.0).max(TYPICAL_DAY_MIN_MINUTES);
    intensity_load(easy_if, minutes * 60.0)
}

/// The stress of every day of a check's plan, from its first day to its last, as the rules
/// see it.
pub fn day_stress(input: &super::CheckInput<'_>) -> Vec<(NaiveDate, DayStress)> {
    let facts = super::facts::PlanFacts::for_check(input);
    facts
        .days
        .iter()
        .enumerate()
        .map(|(i, d)| (facts.date(i), d.stress.clone()))
        .collect()
}

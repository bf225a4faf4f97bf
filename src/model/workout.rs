//! Planned workouts and their structured steps.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Identifies a workout within a document; stable across edits, moves and saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WorkoutId(pub u64);

/// A non-running activity that still counts towards load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrossActivity {
    /// Road or indoor cycling.
    Cycling,
    /// Pool or open-water swimming.
    Swimming,
    /// Rowing or ergometer.
    Rowing,
    /// Elliptical trainer.
    Elliptical,
    /// Strength and conditioning.
    Strength,
    /// Anything else, by name.
    Other(String),
}

impl CrossActivity {
    /// The name shown to the user.
    pub fn label(&self) -> &str {
        match self {
            CrossActivity::Cycling => "Cycling",
            CrossActivity::Swimming => "Swimming",
            CrossActivity::Rowing => "Rowing",
            CrossActivity::Elliptical => "Elliptical",
            CrossActivity::Strength => "Strength",
            CrossActivity::Other(name) => name,
        }
    }

    /// The sport in one short word, as a calendar or a printed plan names the session:
    /// `Bike`, `Swim`, `Row`; another sport by its name (`Cross-training` without one).
    pub fn sport(&self) -> &str {
        match self {
            CrossActivity::Cycling => "Bike",
            CrossActivity::Swimming => "Swim",
            CrossActivity::Rowing => "Row",
            CrossActivity::Elliptical => "Elliptical",
            CrossActivity::Strength => "Strength",
            CrossActivity::Other(name) if name.trim().is_empty() => "Cross-training",
            CrossActivity::Other(name) => name.trim(),
        }
    }
}

/// What kind of session a workout is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkoutKind {
    /// No training.
    Rest,
    /// Very easy, short, conversational running.
    Recovery,
    /// Easy aerobic running.
    Easy,
    /// The week's long run.
    Long,
    /// Sustained running at threshold (T) pace.
    Tempo,
    /// Repeats at interval (I) or repetition (R) pace.
    Intervals,
    /// Hill repeats.
    Hills,
    /// Running at goal marathon or race pace (M).
    RacePace,
    /// Unstructured speed play.
    Fartlek,
    /// Another sport.
    CrossTraining {
        /// Which sport.
        activity: CrossActivity,
    },
    /// A race.
    Race {
        /// Race distance in metres.
        distance_m: f64,
        /// How much the race matters: the goal race is A, tune-ups B or C.
        #[serde(default, skip_serializing_if = "RacePriority::is_goal")]
        priority: RacePriority,
    },
}

/// How much a race within a plan matters, as coaches grade races.
///
/// - **A**: the goal race, which the plan tapers for.
/// - **B**: a tune-up that gets a mini-taper of a few lighter days before it and an easy day
///   per 3 km raced after it (Daniels).
/// - **C**: a race run as the week's hard workout: no taper, and the recovery of a hard
///   session after it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum RacePriority {
    /// The goal race.
    #[default]
    A,
    /// A tune-up race with a mini-taper and easy days after it.
    B,
    /// A race run as a workout.
    C,
}

impl RacePriority {
    /// True for the goal race's priority (A).
    pub fn is_goal(&self) -> bool {
        *self == RacePriority::A
    }

    /// The letter shown to the user.
    pub fn letter(self) -> char {
        match self {
            RacePriority::A => 'A',
            RacePriority::B => 'B',
            RacePriority::C => 'C',
        }
    }

    /// The priority a letter names (`A`, `B` or `C`, either case).
    pub fn from_letter(s: &str) -> Option<RacePriority> {
        match s.trim() {
            "A" | "a" => Some(RacePriority::A),
            "B" | "b" => Some(RacePriority::B),
            "C" | "c" => Some(RacePriority::C),
            _ => None,
        }
    }
}

/// The weather and ground a workout is run in: target paces slow down for heat and altitude
/// ([`crate::science::conditions`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    /// Air temperature, degrees Celsius.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature_c: Option<f64>,
    /// Dew point, degrees Celsius.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dew_point_c: Option<f64>,
    /// Altitude, metres above sea level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub altitude_m: Option<f64>,
}

impl Conditions {
    /// The first value out of range, as its field and a message: temperatures and dew point
    /// within [`super::TEMPERATURE_C`], the dew point no higher than the temperature, the
    /// altitude within [`super::ALTITUDE_M`].
    ///
    /// ```
    /// use stride::model::Conditions;
    /// let humid = Conditions { temperature_c: Some(20.0), dew_point_c: Some(25.0), altitude_m: None };
    /// assert_eq!(humid.problem().map(|p| p.0), Some("dew_point_c"));
    /// ```
    pub fn problem(&self) -> Option<(&'static str, String)> {
        let (lo, hi) = super::TEMPERATURE_C;
        for (field, value) in [
            ("temperature_c", self.temperature_c),
            ("dew_point_c", self.dew_point_c),
        ] {
            if let Some(v) = value
                && !(v.is_finite() && (lo..=hi).contains(&v))
            {
                return Some((field, format!("{v} °C is not between {lo} and {hi} °C")));
            }
        }
        if let (Some(t), Some(d)) = (self.temperature_c, self.dew_point_c)
            && d > t
        {
            return Some((
                "dew_point_c",
                format!(
                    "a dew point of {d} °C is above the temperature ({t} °C); the dew point is \
                     at most the air temperature"
                ),
            ));
        }
        let (lo, hi) = super::ALTITUDE_M;
        if let Some(a) = self.altitude_m
            && !(a.is_finite() && (lo..=hi).contains(&a))
        {
            return Some((
                "altitude_m",
                format!("{a} m is not between {lo} and {hi} m"),
            ));
        }
        None
    }

    /// True when nothing is set.
    pub fn is_empty(&self) -> bool {
        self.temperature_c.is_none() && self.dew_point_c.is_none() && self.altitude_m.is_none()
    }
}

impl WorkoutKind {
    /// The intensity class this kind has unless a workout overrides it.
    pub fn default_intensity(&self) -> Intensity {
        match self {
            WorkoutKind::Rest => Intensity::Rest,
            WorkoutKind::Recovery => Intensity::Recovery,
            WorkoutKind::Easy | WorkoutKind::CrossTraining { .. } => Intensity::Easy,
            WorkoutKind::Long | WorkoutKind::RacePace | WorkoutKind::Fartlek => Intensity::Moderate,
            WorkoutKind::Tempo | WorkoutKind::Intervals | WorkoutKind::Hills => Intensity::Hard,
            WorkoutKind::Race { .. } => Intensity::Race,
        }
    }

    /// The word shown to the user ("Tempo", "Cross-training: Cycling").
    pub fn label(&self) -> String {
        match self {
            WorkoutKind::Rest => "Rest".to_owned(),
            WorkoutKind::Recovery => "Recovery".to_owned(),
            WorkoutKind::Easy => "Easy".to_owned(),
            WorkoutKind::Long => "Long run".to_owned(),
            WorkoutKind::Tempo => "Tempo".to_owned(),
            WorkoutKind::Intervals => "Intervals".to_owned(),
            WorkoutKind::Hills => "Hills".to_owned(),
            WorkoutKind::RacePace => "Race pace".to_owned(),
            WorkoutKind::Fartlek => "Fartlek".to_owned(),
            WorkoutKind::CrossTraining { activity } => activity.label().to_owned(),
            WorkoutKind::Race { .. } => "Race".to_owned(),
        }
    }

    /// The kind in a word or two, where the print, the calendar file and the window's chips
    /// name a session: `Easy`, `Long`, `Tempo`, `Race pace`; cross-training by its sport
    /// (`Bike`). Words rather than letters, so a kind never reads as a pace zone.
    ///
    /// ```
    /// use stride::model::{CrossActivity, WorkoutKind};
    /// assert_eq!(WorkoutKind::Long.word(), "Long");
    /// let bike = WorkoutKind::CrossTraining { activity: CrossActivity::Cycling };
    /// assert_eq!(bike.word(), "Bike");
    /// ```
    pub fn word(&self) -> &str {
        match self {
            WorkoutKind::Rest => "Rest",
            WorkoutKind::Recovery => "Recovery",
            WorkoutKind::Easy => "Easy",
            WorkoutKind::Long => "Long",
            WorkoutKind::Tempo => "Tempo",
            WorkoutKind::Intervals => "Intervals",
            WorkoutKind::Hills => "Hills",
            WorkoutKind::RacePace => "Race pace",
            WorkoutKind::Fartlek => "Fartlek",
            WorkoutKind::CrossTraining { activity } => activity.sport(),
            WorkoutKind::Race { .. } => "Race",
        }
    }

    /// True for kinds that are running (everything but rest and cross-training).
    pub fn is_running(&self) -> bool {
        !matches!(self, WorkoutKind::Rest | WorkoutKind::CrossTraining { .. })
    }

    /// A race of the given distance and priority.
    pub fn race(distance_m: f64, priority: RacePriority) -> WorkoutKind {
        WorkoutKind::Race {
            distance_m,
            priority,
        }
    }

    /// A race's priority; `None` for every other kind.
    pub fn race_priority(&self) -> Option<RacePriority> {
        match self {
            WorkoutKind::Race { priority, .. } => Some(*priority),
            _ => None,
        }
    }

    /// True for a race.
    pub fn is_race(&self) -> bool {
        matches!(self, WorkoutKind::Race { .. })
    }

    /// A race's distance in metres; `None` for every other kind.
    pub fn race_distance_m(&self) -> Option<f64> {
        match self {
            WorkoutKind::Race { distance_m, .. } => Some(*distance_m),
            _ => None,
        }
    }
}

/// How hard a session is, in the classes the recovery rules and the palette use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intensity {
    /// No training.
    Rest,
    /// Recovery running or very light cross-training.
    Recovery,
    /// Easy aerobic work.
    Easy,
    /// Steady or long running.
    Moderate,
    /// Quality sessions: tempo, intervals, hills.
    Hard,
    /// A race.
    Race,
}

impl Intensity {
    /// The word shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Intensity::Rest => "Rest",
            Intensity::Recovery => "Recovery",
            Intensity::Easy => "Easy",
            Intensity::Moderate => "Moderate",
            Intensity::Hard => "Hard",
            Intensity::Race => "Race",
        }
    }
}

/// Daniels training pace zones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaceZone {
    /// Easy.
    E,
    /// Marathon.
    M,
    /// Threshold.
    T,
    /// Interval.
    I,
    /// Repetition.
    R,
}

impl PaceZone {
    /// The zone's name in a word, lower case, for sentences: `threshold` in "3 km at
    /// threshold pace 4:38/km".
    pub fn word(self) -> &'static str {
        match self {
            PaceZone::E => "easy",
            PaceZone::M => "marathon",
            PaceZone::T => "threshold",
            PaceZone::I => "interval",
            PaceZone::R => "repetition",
        }
    }
}

/// What a segment aims for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// No target.
    #[default]
    None,
    /// A Daniels pace zone, turned into paces from the athlete's VDOT.
    PaceZone(PaceZone),
    /// An explicit pace range in seconds per kilometre (fast end first).
    PaceRange {
        /// Faster bound, seconds per km.
        fast_s_per_km: f64,
        /// Slower bound, seconds per km.
        slow_s_per_km: f64,
    },
    /// A heart-rate range.
    HeartRate {
        /// Lower bound, bpm.
        min_bpm: u16,
        /// Upper bound, bpm.
        max_bpm: u16,
    },
    /// Rating of perceived exertion on the CR10 scale.
    Rpe(f64),
}

/// The role of a segment in a workout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// Warm-up.
    WarmUp,
    /// The work itself.
    Work,
    /// Recovery between work bouts.
    Recovery,
    /// Cool-down.
    CoolDown,
}

/// How long a segment lasts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentLength {
    /// By time, seconds.
    Duration(f64),
    /// By distance, metres.
    Distance(f64),
}

/// One continuous part of a workout.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// Its role.
    pub kind: SegmentKind,
    /// How long.
    pub length: SegmentLength,
    /// What to aim for.
    #[serde(default)]
    pub target: Target,
    /// How it should feel, on the CR10 scale, beside the pace or heart-rate target.
    #[serde(default)]
    pub rpe: Option<f64>,
}

/// A step of a structured workout: one segment, or segments repeated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// A single segment.
    Single(Segment),
    /// The segments in order, `times` times.
    Repeat {
        /// How many repetitions.
        times: u32,
        /// The segments of one repetition.
        segments: Vec<Segment>,
    },
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A planned session on one day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workout {
    /// Stable identity.
    pub id: WorkoutId,
    /// The day it is planned for.
    pub date: NaiveDate,
    /// What kind of session.
    pub kind: WorkoutKind,
    /// Overrides the intensity class derived from the kind.
    #[serde(default)]
    pub intensity_override: Option<Intensity>,
    /// Short title, e.g. "3 x 2 km at T". Unless [`Workout::title_typed`], it follows the
    /// steps when they change ([`Workout::retitle_after`]).
    #[serde(default)]
    pub title: String,
    /// The runner typed the title, so it stays as typed when the steps change. Files
    /// written before this field existed load with `false`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub title_typed: bool,
    /// Structured steps; empty for an unstructured session.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Planned duration in seconds.
    #[serde(default)]
    pub planned_duration_s: Option<f64>,
    /// Planned distance in metres.
    #[serde(default)]
    pub planned_distance_m: Option<f64>,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// The user placed this workout by hand; the generator leaves it where it is.
    #[serde(default)]
    pub locked: bool,
    /// Heat and altitude, when the runner expects them: target paces are adjusted for them.
    #[serde(default, skip_serializing_if = "Conditions::is_empty")]
    pub conditions: Conditions,
}

impl Workout {
    /// A workout of the given kind with nothing else filled in.
    pub fn new(id: WorkoutId, date: NaiveDate, kind: WorkoutKind) -> Self {
        Workout {
            id,
            date,
            kind,
            intensity_override: None,
            title: String::new(),
            title_typed: false,
            steps: Vec::new(),
            planned_duration_s: None,
            planned_distance_m: None,
            notes: String::new(),
            locked: false,
            conditions: Conditions::default(),
        }
    }

    /// The intensity class: the override if set, else what the steps say, else the kind's
    /// default. Steps only ever lower the kind's class, to easy when every segment targets
    /// easy pace ([`Workout::steps_intensity`]): a long run all at E pace is an easy run, not a
    /// moderate one.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use stride::model::{Intensity, PaceZone, Segment, SegmentKind, SegmentLength, Step, Target, Workout, WorkoutId, WorkoutKind};
    /// let day = NaiveDate::from_ymd_opt(2027, 3, 12).unwrap();
    /// let mut w = Workout::new(WorkoutId(1), day, WorkoutKind::Tempo);
    /// assert_eq!(w.intensity(), Intensity::Hard);
    /// w.intensity_override = Some(Intensity::Moderate);
    /// assert_eq!(w.intensity(), Intensity::Moderate);
    ///
    /// let mut long = Workout::new(WorkoutId(2), day, WorkoutKind::Long);
    /// assert_eq!(long.intensity(), Intensity::Moderate);
    /// long.steps.push(Step::Single(Segment {
    ///     kind: SegmentKind::Work,
    ///     length: SegmentLength::Distance(16_000.0),
    ///     target: Target::PaceZone(PaceZone::E),
    ///     rpe: None,
    /// }));
    /// assert_eq!(long.intensity(), Intensity::Easy);
    /// ```
    pub fn intensity(&self) -> Intensity {
        let kind = self.kind.default_intensity();
        self.intensity_override
            .or_else(|| self.steps_intensity().map(|steps| steps.min(kind)))
            .unwrap_or(kind)
    }

    /// The class the steps give on their own: easy when the workout is a run with steps and
    /// every segment targets easy pace (E); `None` otherwise, when the steps cannot tell (no
    /// steps, a segment without a pace zone, a faster zone whose share needs the paces, or
    /// a race, rest or another sport, whose kind decides).
    pub fn steps_intensity(&self) -> Option<Intensity> {
        if self.steps.is_empty() || !self.kind.is_running() || self.kind.is_race() {
            return None;
        }
        self.segments()
            .all(|s| s.target == Target::PaceZone(PaceZone::E))
            .then_some(Intensity::Easy)
    }

    /// Every segment of the steps in order, each repeated segment once.
    pub fn segments(&self) -> impl Iterator<Item = &Segment> {
        self.steps.iter().flat_map(|step| match step {
            Step::Single(s) => std::slice::from_ref(s),
            Step::Repeat { segments, .. } => segments.as_slice(),
        })
    }

    /// The same day as an easy run over the planned distance (or duration), without steps.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use stride::model::{Intensity, Workout, WorkoutId, WorkoutKind};
    /// let mut w = Workout::new(WorkoutId(1), NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(), WorkoutKind::Intervals);
    /// w.planned_distance_m = Some(9000.0);
    /// let easy = w.as_easy();
    /// assert_eq!((easy.intensity(), easy.title.as_str()), (Intensity::Easy, "Easy 9 km"));
    /// ```
    pub fn as_easy(&self) -> Workout {
        let mut w = Workout::new(self.id, self.date, WorkoutKind::Easy);
        w.planned_distance_m = self.planned_distance_m;
        w.planned_duration_s = self.planned_duration_s;
        w.title = match self.planned_distance_m {
            Some(m) => format!("Easy {:.0} km", m / 1000.0),
            None => "Easy".to_owned(),
        };
        w.notes = self.notes.clone();
        w.conditions = self.conditions;
        w.locked = true;
        w
    }

    /// The same day as a rest day.
    pub fn as_rest(&self) -> Workout {
        let mut w = Workout::new(self.id, self.date, WorkoutKind::Rest);
        w.title = "Rest".to_owned();
        w.notes = self.notes.clone();
        w.conditions = self.conditions;
        w.locked = true;
        w
    }

    /// The title if set, else the kind's label.
    pub fn display_title(&self) -> String {
        if self.title.trim().is_empty() {
            self.kind.label()
        } else {
            self.title.clone()
        }
    }
}

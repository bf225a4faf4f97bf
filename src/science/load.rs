//! How hard one session was, on one TSS-like scale: one hour at threshold = 100.
//!
//! Each completed session's load comes from the best information it has, in this order
//! (`training-science.md` section 1):
//!
//! 1. **explicit**: a load entered by the user or another application, used as given;
//! 2. **heart rate**: Banister's TRIMP, `minutes x HRr x e^(b HRr)` with
//!    `HRr = (HRavg - HRrest) / (HRmax - HRrest)` and b = 1.92 (men), 1.67 (women),
//!    1.795 (not given; Runalyze), taken as a ratio to an hour at lactate-threshold heart
//!    rate (`HRrest + 0.85 (HRmax - HRrest)`), which is 100 (the usual leading constant 0.64,
//!    0.86, ... cancels in the ratio), and mapped onto the scale as below;
//! 3. **pace** (running only): rTSS, `hours x IF^2 x 100` with `IF = speed / threshold speed`
//!    and threshold pace from the athlete's VDOT. The hours are the moving time when the
//!    recording gives one, and the speed is the normalised (grade-adjusted) speed when the
//!    reader could work it out from the track, else distance over moving time;
//! 4. **session-RPE** (Foster 2001): minutes times an effort weight from the CR10 rating;
//! 5. **estimated**: with none of these (no heart rate, pace or RPE, or a pace without a
//!    VDOT), the duration at the kind's typical intensity ([`LoadContext::kind_intensity_factor`]),
//!    marked as estimated so the window can say so. A session never counts as 0 silently.
//!
//! **One scale.** The scale is TSS's own: one hour at threshold is 100 and a steady hour
//! scores `100 x IF^2`, which is exactly the pace load (rTSS). Heart rate and RPE are mapped
//! onto it, so that an hour at threshold (lactate-threshold heart rate; RPE 7, "very hard",
//! a one-hour race) scores 100 by every metric, and an easy hour agrees too: E pace scores
//! 64-65 at any VDOT, and before the mapping an hour at 65% of the heart-rate reserve scored
//! 52-55 by TRIMP and an hour rated 3 scored 43 by Foster's plain `RPE x minutes`. The
//! mapping is a power of each metric's own ratio to its threshold hour:
//!
//! - heart rate: `100 x hours x (TRIMP rate / TRIMP rate at LTHR)^0.85` ([`HR_EXPONENT`]),
//!   which keeps Banister's extra weight on harder minutes and puts an easy hour at 57-60;
//! - RPE: `100 x hours x (RPE / 7)^0.58` ([`RPE_EXPONENT`]): an hour rated 3 scores 61, one
//!   rated 10 scores 123, about what an hour at 5K effort scores by pace.
//!
//! The exponents are Stride's own calibration, chosen for that agreement (within 20% on an
//! easy hour, within 10% on a threshold hour, checked by a test); no published mapping
//! between the three was found. Where they disagree, the pace load is the reference, since
//! `100 x IF^2` is the definition of the scale.
//!
//! Other sports count with a factor per sport from the document's settings (cycling 0.5 and
//! swimming 0.4 by default), applied only to loads worked out from duration or pace (and
//! estimated ones): heart rate and RPE already measure the effort the sport took. Planned
//! workouts get a planned load from their steps: each segment's duration and the intensity
//! factor of its target, on the same rTSS scale.
//!
//! ```
//! use stride::science::load::{hr_load, session_rpe_load};
//! // One hour rated 7 is 100; an hour rated 3 about 61.
//! assert!((session_rpe_load(7.0, 3600.0) - 100.0).abs() < 1e-9);
//! assert!((session_rpe_load(3.0, 3600.0) - 61.2).abs() < 0.1);
//! // One hour at threshold heart rate is 100 whatever the sex coefficient.
//! let lthr = 50.0 + 0.85 * (190.0 - 50.0);
//! assert!((hr_load(lthr, 3600.0, 50.0, 190.0, None) - 100.0).abs() < 1e-9);
//! ```

use crate::model::{
    Activity, Athlete, Load, LoadMetric, PaceZone, Segment, SegmentKind, SegmentLength, Settings,
    Sex, Step, Target, Workout, WorkoutKind,
};
use crate::science::paces::{TrainingPaces, athlete_vdot, race_time_s};

/// CR10 rating of a one-hour session at threshold effort; such an hour is load 100.
pub const RPE_OF_THRESHOLD_HOUR: f64 = 7.0;
/// The power of `RPE / 7` that weights a minute of session-RPE load (see the module notes).
pub const RPE_EXPONENT: f64 = 0.58;
/// The power of the TRIMP ratio to a threshold hour that gives the heart-rate load (see the
/// module notes).
pub const HR_EXPONENT: f64 = 0.85;
/// Lactate-threshold heart rate as a fraction of the heart-rate reserve.
pub const LTHR_RESERVE_FRACTION: f64 = 0.85;
/// VDOT assumed for planned loads when the athlete has none: intensity factors of the pace
/// zones hardly depend on it.
pub const REFERENCE_VDOT: f64 = 45.0;

/// TRIMP exponent b for the athlete's sex (GoldenCheetah, Runalyze).
pub fn trimp_exponent(sex: Option<Sex>) -> f64 {
    match sex {
        Some(Sex::Male) => 1.92,
        Some(Sex::Female) => 1.67,
        None => 1.795,
    }
}

/// Session-RPE load: `100 x hours x (RPE / 7)^0.58`, so one hour at RPE 7 is 100 and an easy
/// hour (RPE 3) agrees with the heart-rate and pace loads of an easy hour.
pub fn session_rpe_load(rpe: f64, duration_s: f64) -> f64 {
    let weight = (rpe.max(0.0) / RPE_OF_THRESHOLD_HOUR).powf(RPE_EXPONENT);
    100.0 * duration_s / 3600.0 * weight
}

/// Heart-rate load: the TRIMP rate's ratio to that of threshold heart rate, to the power
/// [`HR_EXPONENT`], times hours x 100; one hour at threshold heart rate is 100. The reserve
/// fraction is clamped to 0-1 (an average above the maximum counts as the maximum).
pub fn hr_load(avg_hr: f64, duration_s: f64, rest_hr: f64, max_hr: f64, sex: Option<Sex>) -> f64 {
    let b = trimp_exponent(sex);
    let reserve = ((avg_hr - rest_hr) / (max_hr - rest_hr)).clamp(0.0, 1.0);
    let rate = |hrr: f64| hrr * (b * hrr).exp();
    let ratio = rate(reserve) / rate(LTHR_RESERVE_FRACTION);
    100.0 * duration_s / 3600.0 * ratio.powf(HR_EXPONENT)
}

/// rTSS: `hours x IF^2 x 100` for running at an intensity factor.
pub fn intensity_load(intensity_factor: f64, duration_s: f64) -> f64 {
    duration_s / 3600.0 * intensity_factor * intensity_factor * 100.0
}

/// Share of an unstructured quality session (no steps) counted as easy running: its warm-up,
/// recoveries and cool-down. About half in Stride's own sessions (a tempo run of 2 + 4 + 2 km
/// is 55% easy by time, 6 x 800 m with jogs 65%, a marathon-pace run 35%).
pub const UNSTRUCTURED_EASY_SHARE: f64 = 0.5;

/// Intensity factors of unstructured sessions whose effort is mixed (a tempo session with
/// its warm-up and cool-down, say). Steady kinds take theirs from their pace zone.
pub mod mixed_intensity {
    /// Fartlek.
    pub const FARTLEK: f64 = 0.85;
    /// Hill repeats.
    pub const HILLS: f64 = 0.87;
    /// Tempo with warm-up and cool-down.
    pub const TEMPO: f64 = 0.90;
    /// Intervals with warm-up, recoveries and cool-down.
    pub const INTERVALS: f64 = 0.90;
}

/// What load computations need to know about the athlete, worked out once.
#[derive(Clone, Debug)]
pub struct LoadContext {
    paces: TrainingPaces,
    has_own_vdot: bool,
    rest_hr: f64,
    max_hr: f64,
    sex: Option<Sex>,
    factors: crate::model::CrossTrainingFactors,
}

impl LoadContext {
    /// The context for an athlete and the document's settings.
    pub fn new(athlete: &Athlete, settings: &Settings) -> Self {
        let own = athlete_vdot(athlete);
        let paces = TrainingPaces::unchecked(own.unwrap_or(REFERENCE_VDOT));
        LoadContext {
            paces,
            has_own_vdot: own.is_some(),
            rest_hr: f64::from(athlete.resting_hr_bpm),
            max_hr: f64::from(athlete.max_hr_bpm),
            sex: athlete.sex,
            factors: settings.cross_training.clone(),
        }
    }

    /// The training paces used (the athlete's, or those of [`REFERENCE_VDOT`]).
    pub fn paces(&self) -> &TrainingPaces {
        &self.paces
    }

    fn hr_usable(&self) -> bool {
        self.max_hr > self.rest_hr
    }

    /// Intensity factor of running at a pace.
    fn pace_if(&self, pace_s_per_km: f64) -> f64 {
        self.paces.threshold_s_per_km / pace_s_per_km
    }

    fn zone_if(&self, zone: PaceZone) -> f64 {
        self.pace_if(self.paces.zone_s_per_km(zone))
    }

    /// Intensity factor of a whole unstructured session of this kind.
    pub fn kind_intensity_factor(&self, kind: &WorkoutKind) -> f64 {
        match kind {
            WorkoutKind::Rest => 0.0,
            WorkoutKind::Recovery => self.pace_if(self.paces.easy_slow_s_per_km),
            WorkoutKind::Easy | WorkoutKind::Long | WorkoutKind::CrossTraining { .. } => {
                self.zone_if(PaceZone::E)
            }
            WorkoutKind::RacePace => self.zone_if(PaceZone::M),
            WorkoutKind::Fartlek => mixed_intensity::FARTLEK,
            WorkoutKind::Hills => mixed_intensity::HILLS,
            WorkoutKind::Tempo => mixed_intensity::TEMPO,
            WorkoutKind::Intervals => mixed_intensity::INTERVALS,
            WorkoutKind::Race { distance_m, .. } => race_time_s(self.paces.vdot, *distance_m)
                .map_or(1.0, |t| self.pace_if(t / (distance_m / 1000.0))),
        }
    }

    fn cross_factor(&self, kind: &WorkoutKind) -> f64 {
        match kind {
            WorkoutKind::CrossTraining { activity } => self.factors.factor(activity),
            _ => 1.0,
        }
    }

    /// The load of a completed activity, with the metric that produced it. A session with
    /// nothing to compute from (no load, heart rate, usable pace or RPE) gets an estimate
    /// from its duration and kind ([`LoadMetric::Estimated`]); `None` only for a session
    /// without a duration.
    pub fn activity_load(&self, a: &Activity) -> Option<Load> {
        if let Some(load) = a.load.filter(|l| l.metric == LoadMetric::Explicit) {
            return Some(load);
        }
        let factor = self.cross_factor(&a.kind);
        let duration = a.duration_s;
        let moving = a.moving_s.filter(|m| *m > 0.0).unwrap_or(duration);
        let computed = if let (Some(hr), true) = (a.avg_hr_bpm, self.hr_usable()) {
            let value = hr_load(f64::from(hr), duration, self.rest_hr, self.max_hr, self.sex);
            Some((value, LoadMetric::HeartRate))
        } else if let (Some(distance), true, true) =
            (a.distance_m, a.kind.is_running(), self.has_own_vdot)
            && distance > 0.0
            && moving > 0.0
        {
            let pace = a
                .normalised_pace_s_per_km
                .filter(|p| p.is_finite() && *p > 0.0)
                .unwrap_or(moving / (distance / 1000.0));
            Some((
                intensity_load(self.pace_if(pace), moving) * factor,
                LoadMetric::Pace,
            ))
        } else {
            a.rpe
                .map(|rpe| (session_rpe_load(rpe, duration), LoadMetric::SessionRpe))
        };
        match computed {
            Some((value, metric)) => Some(Load { value, metric }),
            // A load stored by an earlier computation is kept when nothing else is known.
            None => a.load.or_else(|| {
                (moving > 0.0 && !matches!(a.kind, WorkoutKind::Rest)).then(|| Load {
                    value: intensity_load(self.kind_intensity_factor(&a.kind), moving) * factor,
                    metric: LoadMetric::Estimated,
                })
            }),
        }
    }

    /// Planned load of a workout from its steps, or from its kind and planned duration or
    /// distance when it has no steps.
    pub fn planned_load(&self, w: &Workout) -> f64 {
        if matches!(w.kind, WorkoutKind::Rest) {
            return 0.0;
        }
        let factor = self.cross_factor(&w.kind);
        if !w.steps.is_empty() && w.kind.is_running() {
            let total: f64 = Self::segments(w)
                .map(|(s, times)| times * self.segment_load(s, &w.kind))
                .sum();
            return total * factor;
        }
        let intensity = self.kind_intensity_factor(&w.kind);
        let duration = self.planned_duration_s(w);
        intensity_load(intensity, duration) * factor
    }

    /// Planned duration: as given, else the distance at the kind's typical pace, else for a
    /// race the predicted time.
    pub fn planned_duration_s(&self, w: &Workout) -> f64 {
        if let Some(d) = w.planned_duration_s {
            return d;
        }
        let intensity = self.kind_intensity_factor(&w.kind);
        let distance = match (&w.kind, w.planned_distance_m) {
            (_, Some(d)) => d,
            (WorkoutKind::Race { distance_m, .. }, None) => *distance_m,
            _ => return 0.0,
        };
        if intensity <= 0.0 {
            return 0.0;
        }
        // The pace whose intensity factor is the session's.
        distance / 1000.0 * self.paces.threshold_s_per_km / intensity
    }

    /// Intensity factor, pace (s/km) and duration of one segment of a workout of `kind`.
    fn segment_effort(&self, s: &Segment, kind: &WorkoutKind) -> (f64, f64, f64) {
        let default_if = match s.kind {
            SegmentKind::Work => self.kind_intensity_factor(kind),
            SegmentKind::WarmUp | SegmentKind::CoolDown | SegmentKind::Recovery => {
                self.zone_if(PaceZone::E)
            }
        };
        let (intensity, pace) = match &s.target {
            Target::PaceZone(zone) => (self.zone_if(*zone), self.paces.zone_s_per_km(*zone)),
            Target::PaceRange {
                fast_s_per_km,
                slow_s_per_km,
            } => {
                let pace = 0.5 * (fast_s_per_km + slow_s_per_km);
                (self.pace_if(pace), pace)
            }
            _ => (default_if, self.paces.threshold_s_per_km / default_if),
        };
        let duration = match s.length {
            SegmentLength::Duration(d) => d,
            SegmentLength::Distance(m) => m / 1000.0 * pace,
        };
        (intensity, pace, duration)
    }

    fn segment_load(&self, s: &Segment, kind: &WorkoutKind) -> f64 {
        let (intensity, _, duration) = self.segment_effort(s, kind);
        match s.target {
            Target::HeartRate { min_bpm, max_bpm } if self.hr_usable() => {
                let mid = 0.5 * (f64::from(min_bpm) + f64::from(max_bpm));
                hr_load(mid, duration, self.rest_hr, self.max_hr, self.sex)
            }
            Target::Rpe(rpe) => session_rpe_load(rpe, duration),
            _ => intensity_load(intensity, duration),
        }
    }

    /// Seconds of a planned running workout's work at `zone` pace or faster. Structured
    /// workouts count their work segments; an unstructured tempo (T), interval (I) or
    /// race-pace (M) session counts the share that is not warm-up, recoveries and cool-down
    /// (see [`UNSTRUCTURED_EASY_SHARE`]).
    pub fn work_at_or_faster_s(&self, w: &Workout, zone: PaceZone) -> f64 {
        if !w.kind.is_running() {
            return 0.0;
        }
        // A hair of slack, so work at exactly the zone's pace counts.
        let floor = self.zone_if(zone) * 0.99;
        if w.steps.is_empty() {
            let kind_zone = match w.kind {
                WorkoutKind::Tempo => PaceZone::T,
                WorkoutKind::Intervals => PaceZone::I,
                WorkoutKind::RacePace => PaceZone::M,
                _ => return 0.0,
            };
            return if self.zone_if(kind_zone) >= floor {
                (1.0 - UNSTRUCTURED_EASY_SHARE) * self.planned_duration_s(w)
            } else {
                0.0
            };
        }
        Self::segments(w)
            .filter(|(s, _)| s.kind == SegmentKind::Work)
            .map(|(s, times)| {
                let (intensity, _, duration) = self.segment_effort(s, &w.kind);
                if intensity >= floor {
                    times * duration
                } else {
                    0.0
                }
            })
            .sum()
    }

    /// Segments of a workout's steps with their repeat counts.
    fn segments(w: &Workout) -> impl Iterator<Item = (&Segment, f64)> {
        w.steps.iter().flat_map(|step| -> Vec<(&Segment, f64)> {
            match step {
                Step::Single(s) => vec![(s, 1.0)],
                Step::Repeat { times, segments } => {
                    segments.iter().map(|s| (s, f64::from(*times))).collect()
                }
            }
        })
    }

    /// Planned running of a workout: (duration in seconds, distance in metres, seconds at
    /// easy or recovery intensity). Rest and other sports have none.
    pub fn running_split(&self, w: &Workout) -> (f64, f64, f64) {
        if !w.kind.is_running() {
            return (0.0, 0.0, 0.0);
        }
        let easy_if = self.zone_if(PaceZone::E) * 1.02;
        if w.steps.is_empty() {
            let duration = self.planned_duration_s(w);
            let intensity = self.kind_intensity_factor(&w.kind);
            let distance = w.planned_distance_m.unwrap_or_else(|| {
                duration / (self.paces.threshold_s_per_km / intensity.max(0.01)) * 1000.0
            });
            let easy = match w.kind {
                WorkoutKind::Recovery | WorkoutKind::Easy | WorkoutKind::Long => duration,
                // An unstructured quality session still has its warm-up and cool-down.
                WorkoutKind::Tempo
                | WorkoutKind::Intervals
                | WorkoutKind::Hills
                | WorkoutKind::Fartlek
                | WorkoutKind::RacePace => UNSTRUCTURED_EASY_SHARE * duration,
                _ => 0.0,
            };
            return (duration, distance, easy);
        }
        let (mut duration, mut distance, mut easy) = (0.0, 0.0, 0.0);
        for (s, times) in Self::segments(w) {
            let (intensity, pace, d) = self.segment_effort(s, &w.kind);
            duration += times * d;
            distance += times * d / pace * 1000.0;
            let is_easy = match s.target {
                Target::Rpe(rpe) => rpe <= 4.0,
                Target::HeartRate { .. } => s.kind != SegmentKind::Work,
                _ => intensity <= easy_if,
            };
            if is_easy {
                easy += times * d;
            }
        }
        (duration, distance, easy)
    }
}

/// The words for how a load was computed, as the window shows them: "heart rate", "pace".
pub fn metric_label(metric: LoadMetric) -> &'static str {
    match metric {
        LoadMetric::Explicit => "given",
        LoadMetric::HeartRate => "heart rate",
        LoadMetric::Pace => "pace",
        LoadMetric::SessionRpe => "session RPE",
        LoadMetric::Planned => "planned",
        LoadMetric::Estimated => "estimated from duration",
    }
}

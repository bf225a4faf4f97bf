//! The workouts a generated plan is made of, each with structured steps, pace zones from the
//! athlete's VDOT and a target RPE.
//!
//! Repeat lengths are chosen by time at the athlete's own pace, as Daniels prescribes them
//! (*Daniels' Running Formula*, `training-science.md` sections 4 and 7): one interval (I) rep
//! lasts at most [`I_REP_MAX_S`] (about 5 minutes), one repetition (R) rep at most
//! [`R_REP_MAX_S`] (about 2 minutes), a continuous threshold run at most
//! [`TEMPO_CONTINUOUS_MAX_S`] (Daniels' 20-minute tempo run; more threshold work is split
//! into cruise intervals), and a marathon-pace run at most [`M_RUN_MAX_KM`] or
//! [`M_RUN_MAX_S`], whichever comes first. "Race pace" is the pace the athlete's VDOT
//! predicts for the goal race's distance (section 4); the marathon's is M pace.

use chrono::NaiveDate;

use crate::model::{
    CrossActivity, Intensity, PaceZone, RacePriority, Segment, SegmentKind, SegmentLength, Step,
    Target, Workout, WorkoutId, WorkoutKind,
};
use crate::science::load::LoadContext;

/// Longest interval (I) rep, seconds (Daniels: about 5 minutes).
pub const I_REP_MAX_S: f64 = 300.0;
/// Longest repetition (R) rep, seconds (Daniels: about 2 minutes).
pub const R_REP_MAX_S: f64 = 120.0;
/// Longest continuous threshold run, seconds (Daniels' 20-minute tempo run).
pub const TEMPO_CONTINUOUS_MAX_S: f64 = 20.0 * 60.0;
/// Longest marathon-pace run, km (Daniels: the lesser of 29 km and 110 minutes).
pub const M_RUN_MAX_KM: f64 = 29.0;
/// Longest marathon-pace run, seconds.
pub const M_RUN_MAX_S: f64 = 110.0 * 60.0;

/// Rep lengths the generator picks from, metres: intervals and repetitions.
const I_REP_M: [f64; 6] = [400.0, 600.0, 800.0, 1000.0, 1200.0, 1600.0];
const R_REP_M: [f64; 5] = [200.0, 300.0, 400.0, 500.0, 600.0];

/// The longest rep lengths of `lengths` that last at most `max_s` at `pace` and fit at least
/// `min_reps` times into `work_m`; `variant` picks among the three longest.
fn rep_length(
    lengths: &[f64],
    pace_s_per_km: f64,
    max_s: f64,
    work_m: f64,
    min_reps: f64,
    variant: usize,
) -> f64 {
    let fitting: Vec<f64> = lengths
        .iter()
        .copied()
        .filter(|m| m / 1000.0 * pace_s_per_km <= max_s && *m * min_reps <= work_m + 1.0)
        .collect();
    match fitting.len() {
        0 => lengths[0],
        n => fitting[n - 1 - variant % n.min(3)],
    }
}

/// The target of race-pace work: the pace predicted for `distance_m`, 3 s/km either side,
/// and the middle of that range (T pace when no prediction can be made).
pub(crate) fn race_pace_target(
    paces: &crate::science::paces::TrainingPaces,
    distance_m: f64,
) -> (Target, f64) {
    let pace = crate::science::paces::race_time_s(paces.vdot, distance_m)
        .map_or(paces.threshold_s_per_km, |t| t / (distance_m / 1000.0));
    let (fast, slow) = ((pace - 3.0).round(), (pace + 3.0).round());
    (
        Target::PaceRange {
            fast_s_per_km: fast,
            slow_s_per_km: slow,
        },
        0.5 * (fast + slow),
    )
}

/// How repeats at a zone are cut: the zone, the rep lengths to choose from, the longest a rep
/// may last, the fewest reps, and the jog after each as a share of the rep's time.
struct RepRule {
    zone: PaceZone,
    lengths: &'static [f64],
    max_s: f64,
    min_reps: f64,
    jog_per_rep: f64,
    notes: &'static str,
}

/// The name of a goal race's pace: "5K pace", "half-marathon pace", "15.0 km race pace".
pub(crate) fn race_pace_name(distance_m: f64) -> String {
    match distance_m {
        d if (d - 5_000.0).abs() < 1.0 => "5K pace".to_owned(),
        d if (d - 10_000.0).abs() < 1.0 => "10K pace".to_owned(),
        d if (d - 21_097.5).abs() < 100.0 => "half-marathon pace".to_owned(),
        d if (d - 42_195.0).abs() < 200.0 => "marathon pace".to_owned(),
        d => format!("{} km race pace", km_text(d / 1000.0)),
    }
}

fn segment(kind: SegmentKind, length: SegmentLength, zone: Option<PaceZone>, rpe: f64) -> Segment {
    Segment {
        kind,
        length,
        target: zone.map_or(Target::None, Target::PaceZone),
        rpe: Some(rpe),
    }
}

/// A distance for a title: whole kilometres without decimals, else one decimal.
fn km_text(km: f64) -> String {
    let rounded = (km * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

fn km(x: f64) -> SegmentLength {
    SegmentLength::Distance((x * 1000.0).round())
}

fn metres(x: f64) -> SegmentLength {
    SegmentLength::Distance(x.round())
}

fn seconds(x: f64) -> SegmentLength {
    SegmentLength::Duration(x.round())
}

fn warm_up(x: f64) -> Step {
    Step::Single(segment(SegmentKind::WarmUp, km(x), Some(PaceZone::E), 3.0))
}

fn cool_down(x: f64) -> Step {
    Step::Single(segment(
        SegmentKind::CoolDown,
        km(x),
        Some(PaceZone::E),
        2.0,
    ))
}

/// Builds workouts and fills in their planned distance and duration from their steps.
pub(crate) struct Sessions<'a> {
    pub context: &'a LoadContext,
    pub next_id: u64,
    /// The goal race's distance, metres: race-pace sessions run at its predicted pace.
    pub goal_m: f64,
}

/// Kilometres of warm-up and cool-down for a week's volume.
fn warm_up_km(weekly_km: f64) -> f64 {
    if weekly_km < 18.0 {
        1.0
    } else if weekly_km < 25.0 {
        1.5
    } else {
        2.0
    }
}

impl Sessions<'_> {
    fn workout(
        &mut self,
        date: NaiveDate,
        kind: WorkoutKind,
        title: String,
        steps: Vec<Step>,
        notes: &str,
    ) -> Workout {
        let mut w = Workout::new(WorkoutId(self.next_id), date, kind);
        self.next_id += 1;
        w.title = title;
        w.steps = steps;
        w.notes = notes.to_owned();
        let (duration, distance, _) = self.context.running_split(&w);
        if distance > 0.0 {
            w.planned_distance_m = Some((distance / 100.0).round() * 100.0);
            w.planned_duration_s = Some((duration / 60.0).round() * 60.0);
        }
        w
    }

    /// A rest day.
    pub fn rest(&mut self, date: NaiveDate) -> Workout {
        self.workout(date, WorkoutKind::Rest, "Rest".to_owned(), Vec::new(), "")
    }

    /// A steady run at E pace of `distance_km`.
    fn steady(
        &mut self,
        date: NaiveDate,
        kind: WorkoutKind,
        distance_km: f64,
        rpe: f64,
        notes: &str,
    ) -> Workout {
        let steps = vec![Step::Single(segment(
            SegmentKind::Work,
            km(distance_km),
            Some(PaceZone::E),
            rpe,
        ))];
        let title = format!("{} {} km", kind.label(), km_text(distance_km));
        self.workout(date, kind, title, steps, notes)
    }

    /// An easy run of `distance_km`.
    pub fn easy(&mut self, date: NaiveDate, distance_km: f64) -> Workout {
        self.steady(
            date,
            WorkoutKind::Easy,
            distance_km,
            3.0,
            "Conversational pace.",
        )
    }

    /// A recovery run: short and very easy.
    pub fn recovery(&mut self, date: NaiveDate, distance_km: f64) -> Workout {
        self.steady(
            date,
            WorkoutKind::Recovery,
            distance_km,
            2.0,
            "Slower than easy; rest instead if very sore.",
        )
    }

    /// An easy run with strides at the end.
    pub fn strides(&mut self, date: NaiveDate, distance_km: f64) -> Workout {
        let strides = 6;
        // The strides and their jogs are part of the distance.
        let p = self.context.paces();
        let strides_km =
            f64::from(strides) * (20.0 / p.repetition_s_per_km + 60.0 / p.easy_typical_s_per_km);
        let steps = vec![
            Step::Single(segment(
                SegmentKind::Work,
                km((distance_km - strides_km).max(1.0)),
                Some(PaceZone::E),
                3.0,
            )),
            Step::Repeat {
                times: strides,
                segments: vec![
                    segment(SegmentKind::Work, seconds(20.0), Some(PaceZone::R), 6.0),
                    segment(SegmentKind::Recovery, seconds(60.0), Some(PaceZone::E), 2.0),
                ],
            },
        ];
        self.workout(
            date,
            WorkoutKind::Easy,
            format!("Easy {} km + {strides} strides", km_text(distance_km)),
            steps,
            "Strides: quick and relaxed, not sprints.",
        )
    }

    /// The long run; with `marathon_pace_km` the last part is at M pace.
    pub fn long_run(
        &mut self,
        date: NaiveDate,
        distance_km: f64,
        marathon_pace_km: f64,
    ) -> Workout {
        let mut steps = vec![Step::Single(segment(
            SegmentKind::Work,
            km(distance_km - marathon_pace_km),
            Some(PaceZone::E),
            4.0,
        ))];
        let title = if marathon_pace_km > 0.0 {
            steps.push(Step::Single(segment(
                SegmentKind::Work,
                km(marathon_pace_km),
                Some(PaceZone::M),
                6.0,
            )));
            format!(
                "Long run {} km, last {} at M",
                km_text(distance_km),
                km_text(marathon_pace_km)
            )
        } else {
            format!("Long run {} km", km_text(distance_km))
        };
        self.workout(
            date,
            WorkoutKind::Long,
            title,
            steps,
            "Steady and easy; practise fuelling.",
        )
    }

    /// Hill repeats, `variant` choosing the length of the climbs.
    pub fn hills(&mut self, date: NaiveDate, weekly_km: f64, reps: u32, variant: usize) -> Workout {
        let climb = [60.0, 75.0, 90.0][variant % 3];
        let wu = warm_up_km(weekly_km);
        let steps = vec![
            warm_up(wu),
            Step::Repeat {
                times: reps,
                segments: vec![
                    segment(SegmentKind::Work, seconds(climb), None, 8.0),
                    segment(
                        SegmentKind::Recovery,
                        seconds(climb * 1.5),
                        Some(PaceZone::E),
                        2.0,
                    ),
                ],
            },
            cool_down(wu),
        ];
        self.workout(
            date,
            WorkoutKind::Hills,
            format!("Hills {reps} x {climb:.0} s"),
            steps,
            "Strong up a moderate hill, jog back down.",
        )
    }

    /// Threshold running, `work_km` in all: a continuous tempo run of up to 20 minutes, or
    /// cruise intervals (`variant` odd, or more work than 20 minutes).
    pub fn tempo(
        &mut self,
        date: NaiveDate,
        weekly_km: f64,
        work_km: f64,
        variant: usize,
    ) -> Workout {
        let wu = warm_up_km(weekly_km);
        let pace = self.context.paces().threshold_s_per_km;
        let continuous = work_km * pace <= TEMPO_CONTINUOUS_MAX_S
            && (variant.is_multiple_of(2) || work_km < 3.0);
        let (main, title) = if continuous {
            (
                Step::Single(segment(
                    SegmentKind::Work,
                    km(work_km),
                    Some(PaceZone::T),
                    7.0,
                )),
                format!("Tempo {work_km:.1} km at T"),
            )
        } else {
            // Cruise intervals of about 1.6 km (Daniels: 1-2 miles), a minute's jog between.
            let reps = (work_km / 1.6).round().max(2.0) as u32;
            // Repeats in whole hundreds of metres, never adding up to more than the work.
            let each = (work_km / f64::from(reps) * 10.0).floor() / 10.0;
            (
                Step::Repeat {
                    times: reps,
                    segments: vec![
                        segment(SegmentKind::Work, km(each), Some(PaceZone::T), 7.0),
                        segment(SegmentKind::Recovery, seconds(60.0), Some(PaceZone::E), 2.0),
                    ],
                },
                format!("{reps} x {} km at T", km_text(each)),
            )
        };
        self.workout(
            date,
            WorkoutKind::Tempo,
            title,
            vec![warm_up(wu), main, cool_down(wu)],
            "Comfortably hard: a pace you could hold for about an hour.",
        )
    }

    /// Repeats of `rep_m` metres, `reps` times, with a jog of `jog_s` seconds between.
    #[allow(clippy::too_many_arguments)]
    fn repeats(
        &mut self,
        date: NaiveDate,
        weekly_km: f64,
        reps: u32,
        rep_m: f64,
        target: Target,
        jog_s: f64,
        title: String,
        notes: &str,
    ) -> Workout {
        let wu = warm_up_km(weekly_km);
        let work = Segment {
            kind: SegmentKind::Work,
            length: metres(rep_m),
            target,
            rpe: Some(8.0),
        };
        let steps = vec![
            warm_up(wu),
            Step::Repeat {
                times: reps,
                segments: vec![
                    work,
                    segment(
                        SegmentKind::Recovery,
                        seconds(jog_s),
                        Some(PaceZone::E),
                        2.0,
                    ),
                ],
            },
            cool_down(wu),
        ];
        self.workout(date, WorkoutKind::Intervals, title, steps, notes)
    }

    /// Repeats of `work_km` in all at one zone's pace, each lasting at most `rule.max_s`;
    /// `variant` chooses among the longest lengths that fit.
    fn zone_repeats(
        &mut self,
        date: NaiveDate,
        weekly_km: f64,
        work_km: f64,
        variant: usize,
        rule: &RepRule,
    ) -> Workout {
        let pace = self.context.paces().zone_s_per_km(rule.zone);
        let rep_m = rep_length(
            rule.lengths,
            pace,
            rule.max_s,
            work_km * 1000.0,
            rule.min_reps,
            variant,
        );
        let reps = ((work_km * 1000.0 / rep_m).floor() as u32).max(2);
        let jog = (rule.jog_per_rep * rep_m / 1000.0 * pace).round();
        self.repeats(
            date,
            weekly_km,
            reps,
            rep_m,
            Target::PaceZone(rule.zone),
            jog,
            format!("{reps} x {rep_m:.0} m at {:?}", rule.zone),
            rule.notes,
        )
    }

    /// Intervals at I pace, `work_km` in all; each rep lasts at most [`I_REP_MAX_S`] at the
    /// athlete's I pace, with jog recoveries about as long as the rep (Daniels).
    pub fn intervals(
        &mut self,
        date: NaiveDate,
        weekly_km: f64,
        work_km: f64,
        variant: usize,
    ) -> Workout {
        let rule = RepRule {
            zone: PaceZone::I,
            lengths: &I_REP_M,
            max_s: I_REP_MAX_S,
            min_reps: 2.0,
            jog_per_rep: 1.0,
            notes: "Hard but even; jog the recoveries.",
        };
        self.zone_repeats(date, weekly_km, work_km, variant, &rule)
    }

    /// Repetitions at R pace, `work_km` in all; each lasts at most [`R_REP_MAX_S`], with a
    /// full recovery: an easy jog of two to three times the rep's time (Daniels).
    pub fn repetitions(
        &mut self,
        date: NaiveDate,
        weekly_km: f64,
        work_km: f64,
        variant: usize,
    ) -> Workout {
        let rule = RepRule {
            zone: PaceZone::R,
            lengths: &R_REP_M,
            max_s: R_REP_MAX_S,
            min_reps: 4.0,
            jog_per_rep: 2.5,
            notes: "Fast and relaxed, good form; recover fully between.",
        };
        self.zone_repeats(date, weekly_km, work_km, variant, &rule)
    }

    /// Repeats at the goal race's predicted pace, `work_km` in all: reps of about 5 minutes
    /// for a 5K, 1-2 km for a 10K, 2-5 km for longer races.
    pub fn race_pace(
        &mut self,
        date: NaiveDate,
        weekly_km: f64,
        work_km: f64,
        variant: usize,
    ) -> Workout {
        let (target, pace) = race_pace_target(self.context.paces(), self.goal_m);
        let work_m = work_km * 1000.0;
        let (rep_m, jog) = if self.goal_m <= 5_500.0 {
            let m = rep_length(&I_REP_M, pace, I_REP_MAX_S, work_m, 2.0, variant);
            (m, (m / 1000.0 * pace).round())
        } else {
            // About 1.2 km reps for a 10K, 3 km for longer races, at least two.
            let typical = if self.goal_m <= 10_500.0 {
                1200.0
            } else {
                3000.0
            };
            let reps = (work_m / typical).round().max(2.0);
            // Whole hundreds of metres.
            (((work_m / reps) / 100.0).floor().max(4.0) * 100.0, 90.0)
        };
        let reps = ((work_m / rep_m).floor() as u32).max(2);
        let name = race_pace_name(self.goal_m);
        let mut w = self.repeats(
            date,
            weekly_km,
            reps,
            rep_m,
            target,
            jog,
            format!("{reps} x {} km at {name}", km_text(rep_m / 1000.0)),
            "Rehearse the goal race's pace: controlled, not all out.",
        );
        w.kind = WorkoutKind::RacePace;
        w.intensity_override = Some(Intensity::Hard);
        w
    }

    /// A continuous run at marathon pace of `work_km`, with an easy warm-up and cool-down.
    pub fn marathon_pace(&mut self, date: NaiveDate, weekly_km: f64, work_km: f64) -> Workout {
        let wu = warm_up_km(weekly_km);
        let work_km = (work_km * 2.0).floor() / 2.0;
        let steps = vec![
            warm_up(wu),
            Step::Single(segment(
                SegmentKind::Work,
                km(work_km),
                Some(PaceZone::M),
                6.0,
            )),
            cool_down(wu),
        ];
        let mut w = self.workout(
            date,
            WorkoutKind::RacePace,
            format!("{} km at marathon pace", km_text(work_km)),
            steps,
            "Rehearse race day: goal pace, race shoes, fuel as you will on the day.",
        );
        w.intensity_override = Some(Intensity::Hard);
        w
    }

    /// An easy run with `pickups` one-minute pick-ups: speed play before structured work.
    pub fn fartlek(&mut self, date: NaiveDate, distance_km: f64, pickups: u32) -> Workout {
        // The pick-ups and their jogs are part of the distance (about easy pace on average).
        let pickups_km = f64::from(pickups) * 180.0 / self.context.paces().easy_typical_s_per_km;
        let steps = vec![
            Step::Single(segment(
                SegmentKind::Work,
                km((distance_km - pickups_km).max(1.0)),
                Some(PaceZone::E),
                3.0,
            )),
            Step::Repeat {
                times: pickups,
                segments: vec![
                    segment(SegmentKind::Work, seconds(60.0), None, 6.0),
                    segment(
                        SegmentKind::Recovery,
                        seconds(120.0),
                        Some(PaceZone::E),
                        2.0,
                    ),
                ],
            },
        ];
        self.workout(
            date,
            WorkoutKind::Fartlek,
            format!("Fartlek {} km, {pickups} x 1 min", km_text(distance_km)),
            steps,
            "Easy running with one-minute pick-ups at a comfortably quick effort; jog easily between.",
        )
    }

    /// A second easy run on a day that already has one.
    pub fn second_run(&mut self, date: NaiveDate, distance_km: f64) -> Workout {
        let mut w = self.steady(
            date,
            WorkoutKind::Easy,
            distance_km,
            2.0,
            "Second run of the day: short and easy, some hours after the first.",
        );
        w.title = format!("Second run {} km", km_text(distance_km));
        w
    }

    /// A short sharpener for race week.
    pub fn sharpener(&mut self, date: NaiveDate, reps: u32, warm_up_km: f64) -> Workout {
        let steps = vec![
            warm_up(warm_up_km),
            Step::Repeat {
                times: reps,
                segments: vec![
                    segment(SegmentKind::Work, metres(400.0), Some(PaceZone::I), 7.0),
                    segment(SegmentKind::Recovery, metres(200.0), Some(PaceZone::E), 2.0),
                ],
            },
            cool_down(warm_up_km),
        ];
        self.workout(
            date,
            WorkoutKind::Intervals,
            format!("Sharpener {reps} x 400 m"),
            steps,
            "Short and snappy to stay sharp; stop well before tiring.",
        )
    }

    /// Easy cross-training.
    pub fn cross_training(&mut self, date: NaiveDate, activity: CrossActivity) -> Workout {
        let title = format!("Easy {} 45 min", activity.label().to_lowercase());
        let mut w = self.workout(
            date,
            WorkoutKind::CrossTraining { activity },
            title,
            Vec::new(),
            "Low-impact aerobic work; keep it easy.",
        );
        w.planned_duration_s = Some(45.0 * 60.0);
        w
    }

    /// The goal race.
    pub fn race(
        &mut self,
        date: NaiveDate,
        name: &str,
        distance_m: f64,
        time_s: Option<f64>,
    ) -> Workout {
        let title = if name.trim().is_empty() {
            "Race".to_owned()
        } else {
            name.to_owned()
        };
        let mut w = self.workout(
            date,
            WorkoutKind::race(distance_m, RacePriority::A),
            title,
            Vec::new(),
            "Race day.",
        );
        w.planned_distance_m = Some(distance_m);
        w.planned_duration_s = time_s.or_else(|| Some(self.context.planned_duration_s(&w)));
        w
    }
}

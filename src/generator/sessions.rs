//! The workouts a generated plan is made of, each with structured steps, pace zones from the
//! athlete's VDOT and a target RPE.

use chrono::NaiveDate;

use crate::model::{
    CrossActivity, Intensity, PaceZone, Segment, SegmentKind, SegmentLength, Step, Target, Workout,
    WorkoutId, WorkoutKind,
};
use crate::science::load::LoadContext;

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
        let steps = vec![
            Step::Single(segment(
                SegmentKind::Work,
                km((distance_km - 1.0).max(2.0)),
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

    /// Threshold running: continuous or cruise intervals, `work_km` in all.
    pub fn tempo(
        &mut self,
        date: NaiveDate,
        weekly_km: f64,
        work_km: f64,
        variant: usize,
    ) -> Workout {
        let wu = warm_up_km(weekly_km);
        let (main, title) = if variant.is_multiple_of(2) || work_km < 3.0 {
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
            let reps = (work_km / 1.6).round().max(2.0) as u32;
            // Repeats in whole hundreds of metres.
            let each = (work_km / f64::from(reps) * 10.0).round() / 10.0;
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

    /// Intervals at I pace, `work_km` in all, the repeat length chosen by `variant`.
    pub fn intervals(
        &mut self,
        date: NaiveDate,
        weekly_km: f64,
        work_km: f64,
        variant: usize,
    ) -> Workout {
        let rep_m = [800.0, 1000.0, 1200.0][variant % 3];
        let reps = ((work_km * 1000.0 / rep_m).round() as u32).max(2);
        let wu = warm_up_km(weekly_km);
        let steps = vec![
            warm_up(wu),
            Step::Repeat {
                times: reps,
                segments: vec![
                    segment(SegmentKind::Work, metres(rep_m), Some(PaceZone::I), 8.0),
                    segment(
                        SegmentKind::Recovery,
                        seconds(rep_m / 1000.0 * 150.0),
                        Some(PaceZone::E),
                        2.0,
                    ),
                ],
            },
            cool_down(wu),
        ];
        self.workout(
            date,
            WorkoutKind::Intervals,
            format!("{reps} x {rep_m:.0} m at I"),
            steps,
            "Hard but even; jog the recoveries.",
        )
    }

    /// Race-specific work in the goal race's zone.
    pub fn race_pace(
        &mut self,
        date: NaiveDate,
        weekly_km: f64,
        work_km: f64,
        zone: PaceZone,
        variant: usize,
    ) -> Workout {
        let wu = warm_up_km(weekly_km);
        let reps = if variant.is_multiple_of(2) { 2 } else { 3 };
        let each = ((work_km / f64::from(reps)).max(0.4) * 10.0).round() / 10.0;
        let steps = vec![
            warm_up(wu),
            Step::Repeat {
                times: reps,
                segments: vec![
                    segment(SegmentKind::Work, km(each), Some(zone), 7.0),
                    segment(
                        SegmentKind::Recovery,
                        seconds(120.0),
                        Some(PaceZone::E),
                        2.0,
                    ),
                ],
            },
            cool_down(wu),
        ];
        let mut w = self.workout(
            date,
            WorkoutKind::RacePace,
            format!("{reps} x {} km at race pace ({zone:?})", km_text(each)),
            steps,
            "Rehearse the goal pace: controlled, not all out.",
        );
        w.intensity_override = Some(Intensity::Hard);
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
            WorkoutKind::Race { distance_m },
            title,
            Vec::new(),
            "Race day.",
        );
        w.planned_distance_m = Some(distance_m);
        w.planned_duration_s = time_s.or_else(|| Some(self.context.planned_duration_s(&w)));
        w
    }
}

//! The RON file format, pinned by a snapshot: a change to what Stride writes must be a
//! deliberate one (and, if it breaks old files, come with a format version and a migration).

use chrono::{NaiveDate, NaiveDateTime};
use stride::model::*;
use stride::storage::document_to_string;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn small_document() -> AthleteDocument {
    let mut athlete = Athlete::example();
    athlete.name = "Anna K.".to_owned();
    athlete.available_weekdays = vec![chrono::Weekday::Tue, chrono::Weekday::Sun];
    let mut tempo = Workout::new(WorkoutId(2), day(2027, 3, 11), WorkoutKind::Tempo);
    tempo.title = "3 x 2 km at T".to_owned();
    tempo.planned_distance_m = Some(10_000.0);
    tempo.steps = vec![
        Step::Single(Segment {
            kind: SegmentKind::WarmUp,
            length: SegmentLength::Distance(2000.0),
            target: Target::PaceZone(PaceZone::E),
            rpe: None,
        }),
        Step::Repeat {
            times: 3,
            segments: vec![
                Segment {
                    kind: SegmentKind::Work,
                    length: SegmentLength::Distance(2000.0),
                    target: Target::PaceZone(PaceZone::T),
                    rpe: None,
                },
                Segment {
                    kind: SegmentKind::Recovery,
                    length: SegmentLength::Duration(120.0),
                    target: Target::None,
                    rpe: None,
                },
            ],
        },
    ];
    let mut doc = AthleteDocument::new(athlete);
    doc.plans.push(Plan {
        notes: Vec::new(),
        days_off: Vec::new(),
        name: "Spring half".to_owned(),
        goal: GoalRace {
            name: "City Half".to_owned(),
            distance_m: 21_097.5,
            date: day(2027, 4, 18),
            goal_time_s: Some(5980.0),
        },
        start_date: day(2027, 1, 4),
        phases: vec![Phase {
            kind: PhaseKind::Taper,
            start: day(2027, 4, 5),
            end: day(2027, 4, 18),
        }],
        workouts: vec![
            tempo,
            Workout::new(
                WorkoutId(3),
                day(2027, 3, 12),
                WorkoutKind::CrossTraining {
                    activity: CrossActivity::Swimming,
                },
            ),
        ],
    });
    doc.history.activities.push(Activity {
        start: NaiveDateTime::parse_from_str("2027-03-09 07:05:00", "%Y-%m-%d %H:%M:%S")
            .expect("time"),
        kind: WorkoutKind::Easy,
        duration_s: 2400.0,
        moving_s: None,
        normalised_pace_s_per_km: None,
        instant: None,
        distance_m: Some(7100.0),
        avg_hr_bpm: Some(141),
        max_hr_bpm: None,
        rpe: Some(3.0),
        load: Some(Load {
            value: 42.5,
            metric: LoadMetric::HeartRate,
        }),
        source_file: Some("2027-03-09.fit".to_owned()),
        planned_workout: None,
        notes: String::new(),
    });
    doc.history.wellness.push(WellnessEntry {
        date: day(2027, 3, 10),
        resting_hr_bpm: Some(49),
        sleep_quality: Some(4),
        ..WellnessEntry::default()
    });
    doc
}

#[test]
fn the_ron_layout_is_stable() {
    let text = document_to_string(&small_document()).expect("serialize");
    insta::assert_snapshot!(text);
}

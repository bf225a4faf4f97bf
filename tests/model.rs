//! The document model: validation, derived values and date handling.

use chrono::{NaiveDate, Weekday};
use stride::model::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn each_kind_has_the_intensity_the_recovery_rules_expect() {
    let cases = [
        (WorkoutKind::Rest, Intensity::Rest),
        (WorkoutKind::Recovery, Intensity::Recovery),
        (WorkoutKind::Easy, Intensity::Easy),
        (WorkoutKind::Long, Intensity::Moderate),
        (WorkoutKind::Tempo, Intensity::Hard),
        (WorkoutKind::Intervals, Intensity::Hard),
        (WorkoutKind::Hills, Intensity::Hard),
        (WorkoutKind::RacePace, Intensity::Moderate),
        (WorkoutKind::Fartlek, Intensity::Moderate),
        (
            WorkoutKind::CrossTraining {
                activity: CrossActivity::Swimming,
            },
            Intensity::Easy,
        ),
        (
            WorkoutKind::Race {
                distance_m: 21_097.5,
                priority: Default::default(),
            },
            Intensity::Race,
        ),
    ];
    for (kind, expected) in cases {
        assert_eq!(kind.default_intensity(), expected, "{kind:?}");
    }
}

#[test]
fn the_override_wins_over_the_kind() {
    let mut w = Workout::new(WorkoutId(1), day(2027, 1, 5), WorkoutKind::Long);
    assert_eq!(w.intensity(), Intensity::Moderate);
    w.intensity_override = Some(Intensity::Easy);
    assert_eq!(w.intensity(), Intensity::Easy);
}

#[test]
fn untitled_workouts_show_their_kind() {
    let mut w = Workout::new(WorkoutId(1), day(2027, 1, 5), WorkoutKind::RacePace);
    assert_eq!(w.display_title(), "Race pace");
    w.title = "10 km at M".to_owned();
    assert_eq!(w.display_title(), "10 km at M");
}

/// A named way to spoil one field of a valid profile.
type Spoil = (&'static str, fn(&mut Athlete));

#[test]
fn profile_validation_names_each_bad_field() {
    let cases: [Spoil; 8] = [
        ("name", |a| a.name = "  ".to_owned()),
        ("birth_year", |a| a.birth_year = 1850),
        ("weekly_volume_km", |a| a.weekly_volume_km = f64::NAN),
        ("resting_hr_bpm", |a| a.resting_hr_bpm = 10),
        ("max_hr_bpm", |a| a.max_hr_bpm = 300),
        ("vdot", |a| a.vdot = Some(150.0)),
        ("recent_race", |a| {
            a.recent_race = Some(RaceResult {
                distance_m: 5000.0,
                time_s: -1.0,
                date: None,
            })
        }),
        ("available_weekdays", |a| a.available_weekdays.clear()),
    ];
    for (field, spoil) in cases {
        let mut athlete = Athlete::example();
        spoil(&mut athlete);
        let errors = athlete.validate();
        assert_eq!(errors.len(), 1, "{field}: {errors:?}");
        assert_eq!(errors[0].field, field);
        assert!(!errors[0].message.is_empty());
    }
}

#[test]
fn max_heart_rate_must_be_above_resting() {
    let mut a = Athlete::example();
    a.resting_hr_bpm = 110;
    a.max_hr_bpm = 105;
    let errors = a.validate();
    assert_eq!(errors[0].field, "max_hr_bpm");
    assert!(errors[0].message.contains("above the resting"));
}

#[test]
fn weeks_start_on_the_athletes_day() {
    // 2027-03-07 is a Sunday, 2027-03-08 a Monday.
    for (d, monday_week, sunday_week) in [
        (day(2027, 3, 7), day(2027, 3, 1), day(2027, 3, 7)),
        (day(2027, 3, 8), day(2027, 3, 8), day(2027, 3, 7)),
        (day(2027, 3, 13), day(2027, 3, 8), day(2027, 3, 7)),
        (day(2027, 1, 1), day(2026, 12, 28), day(2026, 12, 27)),
    ] {
        assert_eq!(WeekStart::Monday.week_of(d), monday_week, "{d}");
        assert_eq!(WeekStart::Sunday.week_of(d), sunday_week, "{d}");
    }
    assert_eq!(WeekStart::Sunday.weekdays()[0], Weekday::Sun);
    assert_eq!(WeekStart::Sunday.weekdays()[6], Weekday::Sat);
    assert_eq!(WeekStart::Monday.weekdays()[6], Weekday::Sun);
}

#[test]
fn shifting_dates_moves_everything_and_rotates_weekday_preferences() {
    let mut doc = AthleteDocument::new(Athlete::example());
    doc.athlete.long_run_day = Weekday::Sun;
    doc.athlete.available_weekdays = vec![Weekday::Tue, Weekday::Sun];
    let race_day = day(2027, 2, 14);
    doc.plans.push(Plan {
        notes: Vec::new(),
        days_off: Vec::new(),
        name: "p".to_owned(),
        goal: GoalRace {
            name: String::new(),
            distance_m: 10_000.0,
            date: race_day,
            goal_time_s: None,
        },
        start_date: day(2026, 12, 1),
        phases: vec![Phase {
            kind: PhaseKind::Base,
            start: day(2026, 12, 1),
            end: day(2026, 12, 31),
        }],
        workouts: vec![Workout::new(
            WorkoutId(1),
            day(2027, 2, 14),
            WorkoutKind::Long,
        )],
    });
    doc.history.wellness.push(WellnessEntry {
        date: day(2026, 11, 30),
        ..WellnessEntry::default()
    });
    doc.shift_dates(3);
    let plan = doc.active_plan().expect("plan");
    assert_eq!(plan.goal.date, day(2027, 2, 17));
    assert_eq!(plan.start_date, day(2026, 12, 4));
    assert_eq!(plan.phases[0].end, day(2027, 1, 3));
    assert_eq!(plan.workouts[0].date, day(2027, 2, 17));
    assert_eq!(doc.history.wellness[0].date, day(2026, 12, 3));
    assert_eq!(doc.athlete.long_run_day, Weekday::Wed);
    assert_eq!(
        doc.athlete.available_weekdays,
        vec![Weekday::Wed, Weekday::Fri]
    );
    doc.shift_dates(-3);
    assert_eq!(doc.active_plan().expect("plan").goal.date, race_day);
    assert_eq!(doc.athlete.long_run_day, Weekday::Sun);
}

#[test]
fn new_workout_ids_are_unused() {
    let mut doc = AthleteDocument::new(Athlete::example());
    assert_eq!(doc.next_workout_id(), WorkoutId(1));
    doc.plans.push(Plan {
        notes: Vec::new(),
        days_off: Vec::new(),
        name: "p".to_owned(),
        goal: GoalRace {
            name: String::new(),
            distance_m: 5000.0,
            date: day(2027, 1, 1),
            goal_time_s: None,
        },
        start_date: day(2026, 12, 1),
        phases: vec![],
        workouts: vec![
            Workout::new(WorkoutId(7), day(2026, 12, 2), WorkoutKind::Easy),
            Workout::new(WorkoutId(3), day(2026, 12, 3), WorkoutKind::Easy),
        ],
    });
    assert_eq!(doc.next_workout_id(), WorkoutId(8));
}

#[test]
fn durations_parse_and_format_both_ways() {
    for (text, seconds) in [
        ("45:30", 2730.0),
        ("1:39:40", 5980.0),
        ("0:59", 59.0),
        ("75", 75.0),
    ] {
        assert_eq!(parse_duration(text), Ok(seconds), "{text}");
    }
    for bad in ["", "1:2:3:4", "ab:cd", "10:60", "-5:00", "1::00"] {
        assert!(parse_duration(bad).is_err(), "{bad}");
    }
    assert_eq!(format_duration(5980.0), "1:39:40");
    assert_eq!(format_duration(f64::NAN), "-");
}

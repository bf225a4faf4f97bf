//! The generator: random valid inputs give plans that pass every rule, and invalid inputs
//! give errors naming the field.
//!
//! The property runs 2,000 cases by default; the long run is
//! `PROPTEST_CASES=100000 cargo test --release --test generator`.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate, min_weeks};
use stride::model::*;
use stride::rules::profile::RecoveryProfile;
use stride::rules::{CheckInput, check_plan};

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn input() -> impl Strategy<Value = GeneratorInput> {
    (
        (0usize..4, 0u32..30, 1950i32..=2008, 10.0f64..150.0),
        (0usize..5, 1500.0f64..50_000.0, 0u32..15, 0i64..365),
        (
            3u8..=127,
            0usize..7,
            any::<bool>(),
            0usize..3,
            30.0f64..70.0,
        ),
        prop::option::of(5.0f64..35.0),
    )
        .prop_map(
            |(
                (level, years, born, volume),
                (class, custom, extra_weeks, offset),
                (mask, long, sunday, cross, vdot),
                longest,
            )| {
                let level = ExperienceLevel::ALL[level];
                let distance_m = [5000.0, 10_000.0, 21_097.5, 42_195.0, custom][class];
                let mut days: Vec<Weekday> = (0..7)
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| WEEKDAYS[i])
                    .collect();
                if !days.contains(&WEEKDAYS[long]) {
                    days.push(WEEKDAYS[long]);
                }
                while days.len() < 3 {
                    let next = WEEKDAYS.iter().find(|d| !days.contains(d)).copied();
                    days.extend(next);
                }
                days.sort_by_key(|d| d.num_days_from_monday());
                let usable = if level >= ExperienceLevel::Advanced {
                    days.len()
                } else {
                    days.len().min(6)
                };
                let mut athlete = Athlete::example();
                athlete.vdot = Some(vdot);
                let mut volume =
                    volume.min(stride::generator::max_km_per_run_day(&athlete) * usable as f64);
                let start =
                    NaiveDate::from_ymd_opt(2027, 1, 1).expect("date") + Days::new(offset as u64);
                athlete.level = level;
                athlete.training_age_years = years;
                athlete.birth_year = born;
                // The level recovery counts with (training age and age lower it).
                let effective = RecoveryProfile::for_athlete(&athlete, start.year()).level;
                if effective == ExperienceLevel::Beginner && distance_m > 21_500.0 {
                    volume = volume.max(25.0);
                }
                let weeks = min_weeks(distance_m, effective) + extra_weeks;
                let race = start + Days::new(u64::from(weeks) * 7 + (offset % 7) as u64);
                athlete.level = level;
                athlete.training_age_years = years;
                athlete.birth_year = born;
                athlete.weekly_volume_km = volume;
                athlete.vdot = Some(vdot);
                athlete.available_weekdays = days;
                athlete.long_run_day = WEEKDAYS[long];
                athlete.week_start = if sunday {
                    WeekStart::Sunday
                } else {
                    WeekStart::Monday
                };
                GeneratorInput {
                    athlete,
                    goal: GoalRace {
                        name: "Goal race".to_owned(),
                        distance_m,
                        date: race,
                        goal_time_s: None,
                    },
                    start,
                    longest_recent_run_km: longest,
                    cross_training: [
                        CrossTrainingPreference::None,
                        CrossTrainingPreference::Bike,
                        CrossTrainingPreference::Swim,
                    ][cross],
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn generated_plans_pass_their_own_rules(input in input()) {
        let settings = Settings::default();
        let plan = generate(&input, &settings).expect("a valid input gives a plan");
        let athlete = &input.athlete;
        let findings = check_plan(&CheckInput { plan: &plan, athlete, settings: &settings, history: None });
        prop_assert!(findings.is_empty(), "{} findings, first: {}", findings.len(), findings[0]);

        // Read from the workouts themselves: nothing hard the day after a long run, and
        // never two hard sessions on one day below advanced.
        let hard = |w: &Workout| w.intensity() >= Intensity::Hard;
        for long in plan.workouts.iter().filter(|w| w.kind == WorkoutKind::Long) {
            let next = long.date + Days::new(1);
            prop_assert!(
                !plan.workouts_on(next).any(|w| hard(w) || w.kind == WorkoutKind::Long),
                "a hard session on {next}, the day after the long run"
            );
        }
        let effective = RecoveryProfile::for_athlete(athlete, input.start.year()).level;
        if effective < ExperienceLevel::Advanced {
            for w in &plan.workouts {
                prop_assert!(plan.workouts_on(w.date).filter(|x| hard(x)).count() <= 1,
                    "two hard sessions on {}", w.date);
            }
        }

        let race = plan.workouts.iter().find(|w| matches!(w.kind, WorkoutKind::Race { .. }));
        prop_assert_eq!(race.map(|w| w.date), Some(input.goal.date), "the race on race day");
        prop_assert!(plan.phases.iter().any(|p| p.kind == PhaseKind::Taper), "a taper");
        prop_assert!(plan.workouts.iter().all(|w| w.date >= input.start && w.date <= input.goal.date));

        for w in &plan.workouts {
            let off_day = !athlete.available_weekdays.contains(&w.date.weekday());
            let fixed = matches!(w.kind, WorkoutKind::Rest | WorkoutKind::Race { .. });
            prop_assert!(!off_day || fixed, "{} on an unavailable day", w.date);
        }

        // Full weeks before the race week.
        let ws = athlete.week_start;
        let mut week = ws.week_of(input.start);
        if week < input.start { week = week + Days::new(7); }
        let mut weeks = Vec::new();
        while week + Days::new(6) < input.goal.date {
            weeks.push(week);
            week = week + Days::new(7);
        }
        let volume = |from: NaiveDate| -> f64 {
            plan.workouts.iter()
                .filter(|w| w.date >= from && w.date < from + Days::new(7) && w.kind.is_running())
                .filter(|w| !matches!(w.kind, WorkoutKind::Race { .. }))
                .filter_map(|w| w.planned_distance_m)
                .sum::<f64>() / 1000.0
        };
        let with_long_run = weeks.iter().filter(|w| {
            plan.workouts.iter().any(|x| x.kind == WorkoutKind::Long
                && x.date >= **w && x.date < **w + Days::new(7)
                && x.date.weekday() == athlete.long_run_day)
        }).count();
        prop_assert!(with_long_run * 10 >= weeks.len() * 7, "long run on its day in most weeks: {}/{}", with_long_run, weeks.len());
        if let Some(first) = weeks.first() {
            let current = athlete.weekly_volume_km.max(10.0);
            let v = volume(*first);
            prop_assert!((v - current).abs() <= 0.25 * current, "first week {v:.1} km vs {current:.1} km");
        }
    }
}

fn valid() -> GeneratorInput {
    let mut athlete = Athlete::example();
    athlete.vdot = Some(45.0);
    GeneratorInput {
        athlete,
        goal: GoalRace {
            name: "City Half".to_owned(),
            distance_m: 21_097.5,
            date: NaiveDate::from_ymd_opt(2027, 5, 2).expect("date"),
            goal_time_s: None,
        },
        start: NaiveDate::from_ymd_opt(2027, 1, 4).expect("date"),
        longest_recent_run_km: None,
        cross_training: CrossTrainingPreference::None,
    }
}

/// A field, a way to make the input invalid there, and a phrase the error must contain.
type Spoil = (&'static str, fn(&mut GeneratorInput), &'static str);

#[test]
fn invalid_inputs_name_the_field_and_the_range() {
    let cases: [Spoil; 9] = [
        (
            "weekly_volume_km",
            |i| {
                i.athlete.available_weekdays = vec![Weekday::Tue, Weekday::Thu, Weekday::Sun];
                i.athlete.weekly_volume_km = 80.0;
            },
            "does not fit in 3 running days",
        ),
        (
            "race_date",
            |i| i.goal.date = i.start,
            "after the plan's start",
        ),
        (
            "race_date",
            |i| i.goal.date = i.start + Days::new(50),
            "at least 10 weeks",
        ),
        (
            "available_weekdays",
            |i| i.athlete.available_weekdays = vec![Weekday::Sun],
            "at least 3",
        ),
        (
            "available_weekdays",
            |i| i.athlete.available_weekdays.clear(),
            "at least one day",
        ),
        (
            "weekly_volume_km",
            |i| i.athlete.weekly_volume_km = 350.0,
            "between 0 and 300",
        ),
        (
            "long_run_day",
            |i| {
                i.athlete.available_weekdays = vec![Weekday::Mon, Weekday::Wed, Weekday::Fri];
                i.athlete.long_run_day = Weekday::Sun;
            },
            "one of the available days",
        ),
        ("vdot", |i| i.athlete.vdot = None, "VDOT"),
        (
            "weekly_volume_km",
            |i| {
                i.athlete.level = ExperienceLevel::Beginner;
                i.athlete.weekly_volume_km = 15.0;
                i.goal.distance_m = 42_195.0;
                i.goal.date = i.start + Days::new(7 * 20);
            },
            "25 km",
        ),
    ];
    for (field, spoil, needle) in cases {
        let mut input = valid();
        spoil(&mut input);
        let error = generate(&input, &Settings::default()).expect_err(field);
        assert_eq!(error.field, field, "{error}");
        assert!(error.to_string().contains(needle), "{error}");
    }
    assert!(generate(&valid(), &Settings::default()).is_ok());
}

#[test]
fn regenerating_keeps_hand_placed_workouts_the_rules_allow() {
    use stride::generator::keep_locked;
    let input = valid();
    let settings = Settings::default();
    let old = generate(&input, &settings).expect("plan");
    let mut old_with_locks = old.clone();
    // An easy run placed by hand mid-plan, and intervals the day before the race.
    let mid = input.start + Days::new(30);
    let mut easy = Workout::new(WorkoutId(900), mid, WorkoutKind::Easy);
    easy.planned_distance_m = Some(6000.0);
    easy.locked = true;
    let mut late = Workout::new(
        WorkoutId(901),
        input.goal.date - Days::new(1),
        WorkoutKind::Intervals,
    );
    late.planned_distance_m = Some(8000.0);
    late.locked = true;
    old_with_locks.workouts.push(easy);
    old_with_locks.workouts.push(late.clone());
    let (plan, dropped) = keep_locked(old.clone(), &old_with_locks, &input.athlete, &settings);
    assert!(
        plan.workouts
            .iter()
            .any(|w| w.locked && w.date == mid && w.kind == WorkoutKind::Easy)
    );
    assert_eq!(
        dropped,
        vec![late],
        "a hard session the day before the race is not kept"
    );
}

fn history_before(start: NaiveDate, daily_km: &[f64]) -> History {
    let mut h = History::default();
    for (back, km) in daily_km.iter().enumerate() {
        if *km <= 0.0 {
            continue;
        }
        let day = start - Days::new(back as u64 + 1);
        h.activities.push(Activity {
            start: day.and_hms_opt(7, 0, 0).expect("time"),
            kind: WorkoutKind::Easy,
            duration_s: km * 360.0,
            moving_s: None,
            distance_m: Some(km * 1000.0),
            avg_hr_bpm: None,
            max_hr_bpm: None,
            rpe: Some(3.0),
            load: None,
            source_file: None,
            planned_workout: None,
            notes: String::new(),
        });
    }
    h
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn plans_keep_the_rules_against_the_training_already_done(
        input in input(),
        daily in prop::collection::vec(prop_oneof![Just(0.0), 3.0f64..16.0], 28..60),
    ) {
        let settings = Settings::default();
        let history = history_before(input.start, &daily);
        let plan = stride::generator::generate_with_history(&input, &settings, Some(&history))
            .expect("a valid input gives a plan");
        let findings = check_plan(&CheckInput {
            plan: &plan,
            athlete: &input.athlete,
            settings: &settings,
            history: Some(&history),
        });
        prop_assert!(findings.is_empty(), "{} findings, first: {}", findings.len(), findings[0]);
    }
}

/// A known gap, kept visible: an elite profile of 95 km a week whose history holds about
/// 25 km in four weeks. The ramp starts from the history; since easy runs are capped at 75
/// minutes the R5 error is gone, but two R6 warnings (four weeks without a cut-back) remain.
/// Run with `cargo test --test generator -- --ignored`.
#[test]
#[ignore = "known gap: a history far below the profile's volume"]
fn an_elite_profile_over_a_tiny_history_keeps_the_two_week_growth_limit() {
    let mut athlete = Athlete::example();
    athlete.birth_year = 1968;
    athlete.level = ExperienceLevel::Elite;
    athlete.weekly_volume_km = 95.2;
    athlete.vdot = Some(67.3);
    athlete.available_weekdays = vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Sat,
    ];
    athlete.long_run_day = Weekday::Mon;
    let start = NaiveDate::from_ymd_opt(2027, 8, 22).expect("date");
    let input = GeneratorInput {
        athlete,
        goal: GoalRace {
            name: "Goal race".into(),
            distance_m: 5000.0,
            date: NaiveDate::from_ymd_opt(2027, 11, 30).expect("date"),
            goal_time_s: None,
        },
        start,
        longest_recent_run_km: None,
        cross_training: CrossTrainingPreference::None,
    };
    let mut daily = vec![0.0; 28];
    daily[8] = 6.1;
    daily[10] = 15.4;
    daily[26] = 3.0;
    let settings = Settings::default();
    let history = history_before(start, &daily);
    let plan = stride::generator::generate_with_history(&input, &settings, Some(&history))
        .expect("a valid input gives a plan");
    let findings = check_plan(&CheckInput {
        plan: &plan,
        athlete: &input.athlete,
        settings: &settings,
        history: Some(&history),
    });
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn a_plan_that_cannot_keep_the_rules_is_a_typed_error_not_a_plan() {
    use stride::generator::GenerateErrorKind;
    // Hard sessions already done on the plan's first three days: no plan from there keeps
    // R2, and the generator says so instead of returning one.
    let input = valid();
    let mut history = history_before(input.start, &[8.0; 28]);
    for k in 0..3 {
        let day = input.start + Days::new(k);
        history.activities.push(Activity {
            start: day.and_hms_opt(7, 0, 0).expect("time"),
            kind: WorkoutKind::Intervals,
            duration_s: 3600.0,
            moving_s: None,
            distance_m: Some(12_000.0),
            avg_hr_bpm: None,
            max_hr_bpm: None,
            rpe: Some(8.0),
            load: None,
            source_file: None,
            planned_workout: None,
            notes: String::new(),
        });
    }
    let error =
        stride::generator::generate_with_history(&input, &Settings::default(), Some(&history))
            .expect_err("no plan keeps R2 over three hard days done");
    assert_eq!(error.kind, GenerateErrorKind::RulesUnmet, "{error}");
    assert_eq!(error.field, "plan");
    assert!(error.to_string().contains("R2 on 2027-01-05"), "{error}");
    // Without those days the same input gives a plan.
    let history = history_before(input.start, &[8.0; 28]);
    assert!(
        stride::generator::generate_with_history(&input, &Settings::default(), Some(&history))
            .is_ok()
    );
}

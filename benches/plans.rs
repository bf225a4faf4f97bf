//! Speed goals of the generator and the rules engine.
//!
//! - Generate an 18-week marathon plan: under 2 ms.
//! - Check a 26-week plan: under 100 microseconds (the calendar re-checks on every hovered
//!   drop target).

use std::hint::black_box;

use chrono::{NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate};
use stride::model::*;
use stride::rules::{CheckInput, check_plan};

fn input(distance_m: f64, weeks: u64) -> GeneratorInput {
    let mut athlete = Athlete::example();
    athlete.level = ExperienceLevel::Advanced;
    athlete.training_age_years = 8;
    athlete.weekly_volume_km = 60.0;
    athlete.vdot = Some(52.0);
    athlete.available_weekdays = vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let start = NaiveDate::from_ymd_opt(2027, 6, 14).expect("date");
    GeneratorInput {
        athlete,
        goal: GoalRace {
            name: "Marathon".to_owned(),
            distance_m,
            date: start + chrono::Days::new(weeks * 7 - 1),
            goal_time_s: None,
        },
        start,
        longest_recent_run_km: None,
        cross_training: CrossTrainingPreference::Bike,
    }
}

fn bench(c: &mut Criterion) {
    let settings = Settings::default();
    let marathon = input(42_195.0, 18);
    c.bench_function("generate: 18-week marathon plan", |b| {
        b.iter(|| generate(black_box(&marathon), &settings))
    });
    let long = input(42_195.0, 26);
    let plan = generate(&long, &settings).expect("plan");
    let check = CheckInput {
        plan: &plan,
        athlete: &long.athlete,
        settings: &settings,
        history: None,
    };
    c.bench_function("check: 26-week plan", |b| {
        b.iter(|| check_plan(black_box(&check)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

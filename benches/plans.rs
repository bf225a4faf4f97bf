//! Speed goals of the generator and the rules engine.
//!
//! - Generate an 18-week marathon plan: under 2 ms.
//! - Check a 26-week plan: under 100 microseconds (the calendar re-checks on every hovered
//!   drop target).
//! - Optimise an 18-week marathon plan for race day (about 85 candidate plans): under 1 s,
//!   the demo athlete's half marathon with its year of history likewise.

use std::hint::black_box;

use chrono::{NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use stride::generator::optimize::optimize_for_document;
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
        tune_ups: Vec::new(),
        days_off: Vec::new(),
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
    let doc = AthleteDocument::new(marathon.athlete.clone());
    let mut group = c.benchmark_group("optimise");
    group.sample_size(10);
    group.bench_function("18-week marathon plan", |b| {
        b.iter(|| optimize_for_document(black_box(&marathon), &doc))
    });
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let demo = stride::storage::demo_document(today).expect("demo");
    let mut half = input(21_097.5, 16);
    half.athlete = demo.athlete.clone();
    half.start = NaiveDate::from_ymd_opt(2026, 12, 7).expect("date");
    half.goal.date = half.start + chrono::Days::new(16 * 7 - 1);
    group.bench_function(
        "the demo athlete's 16-week half, with its year of history",
        |b| b.iter(|| optimize_for_document(black_box(&half), &demo)),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

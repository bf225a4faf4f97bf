//! Representative generated plans, pinned as snapshots and read by eye: would a coach sign
//! them? Each also passes its own rules.

use chrono::{NaiveDate, Weekday};
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate};
use stride::model::*;
use stride::rules::{CheckInput, check_plan};
use stride::science::load::LoadContext;
use stride::storage::plan_csv::write_plan;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn plan_csv(input: &GeneratorInput) -> String {
    let settings = Settings::default();
    let plan = generate(input, &settings).expect("plan");
    let findings = check_plan(&CheckInput {
        plan: &plan,
        athlete: &input.athlete,
        settings: &settings,
        history: None,
    });
    assert!(findings.is_empty(), "{findings:?}");
    write_plan(&plan, &LoadContext::new(&input.athlete, &settings))
}

fn athlete(
    level: ExperienceLevel,
    years: u32,
    born: i32,
    km: f64,
    vdot: f64,
    days: &[Weekday],
    long: Weekday,
) -> Athlete {
    let mut a = Athlete::example();
    a.level = level;
    a.training_age_years = years;
    a.birth_year = born;
    a.weekly_volume_km = km;
    a.vdot = Some(vdot);
    a.available_weekdays = days.to_vec();
    a.long_run_day = long;
    a
}

fn input(a: Athlete, distance_m: f64, start: NaiveDate, race: NaiveDate) -> GeneratorInput {
    GeneratorInput {
        athlete: a,
        goal: GoalRace {
            name: "Goal race".to_owned(),
            distance_m,
            date: race,
            goal_time_s: None,
        },
        start,
        longest_recent_run_km: None,
        cross_training: CrossTrainingPreference::None,
    }
}

use Weekday::*;

#[test]
fn beginner_5k_in_8_weeks_on_3_days() {
    let a = athlete(
        ExperienceLevel::Beginner,
        0,
        1995,
        12.0,
        33.0,
        &[Tue, Thu, Sun],
        Sun,
    );
    insta::assert_snapshot!(plan_csv(&input(
        a,
        5000.0,
        day(2027, 3, 1),
        day(2027, 4, 25)
    )));
}

#[test]
fn intermediate_half_in_12_weeks() {
    let a = athlete(
        ExperienceLevel::Intermediate,
        4,
        1988,
        35.0,
        44.0,
        &[Mon, Tue, Thu, Fri, Sun],
        Sun,
    );
    insta::assert_snapshot!(plan_csv(&input(
        a,
        21_097.5,
        day(2027, 1, 25),
        day(2027, 4, 18)
    )));
}

#[test]
fn advanced_marathon_in_18_weeks_on_6_days() {
    let a = athlete(
        ExperienceLevel::Advanced,
        8,
        1985,
        60.0,
        52.0,
        &[Mon, Tue, Wed, Thu, Sat, Sun],
        Sun,
    );
    let mut i = input(a, 42_195.0, day(2027, 6, 14), day(2027, 10, 17));
    i.cross_training = CrossTrainingPreference::Bike;
    insta::assert_snapshot!(plan_csv(&i));
}

#[test]
fn masters_10k() {
    let a = athlete(
        ExperienceLevel::Intermediate,
        12,
        1966,
        30.0,
        41.0,
        &[Tue, Wed, Fri, Sat, Sun],
        Sat,
    );
    let mut i = input(a, 10_000.0, day(2027, 2, 1), day(2027, 4, 24));
    i.cross_training = CrossTrainingPreference::Swim;
    insta::assert_snapshot!(plan_csv(&i));
}

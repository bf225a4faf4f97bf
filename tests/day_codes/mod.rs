//! Plans written as weeks of seven day codes, Monday first: `-` rest, `E8` easy 8 km, `R5`
//! recovery, `L16` long run, `T10` tempo, `I10` intervals, `P10` race pace (moderate), `X`
//! 45 minutes of cycling, `RACE10` a 10 km race (the goal race when it is the last one),
//! `REST` a rest entry. Sessions of one day are joined by `+` (`I8+T6`).

#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use stride::model::*;
use stride::rules::{CheckInput, Finding, Rule, check_plan};

pub fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 1).expect("a Monday")
}

pub fn workout(id: u64, date: NaiveDate, code: &str) -> Option<Workout> {
    if code == "-" {
        return None;
    }
    let (letters, number): (String, String) = code.chars().partition(|c| c.is_ascii_alphabetic());
    let km: f64 = number.parse().unwrap_or(0.0);
    let kind = match letters.as_str() {
        "REST" => WorkoutKind::Rest,
        "E" => WorkoutKind::Easy,
        "R" => WorkoutKind::Recovery,
        "L" => WorkoutKind::Long,
        "T" => WorkoutKind::Tempo,
        "I" => WorkoutKind::Intervals,
        "P" => WorkoutKind::RacePace,
        "X" => WorkoutKind::CrossTraining {
            activity: CrossActivity::Cycling,
        },
        "RACE" => WorkoutKind::Race {
            distance_m: km * 1000.0,
            priority: Default::default(),
        },
        other => panic!("unknown code {other}"),
    };
    let mut w = Workout::new(WorkoutId(id), date, kind);
    if letters == "X" {
        w.planned_duration_s = Some(2700.0);
    } else {
        w.planned_distance_m = Some(km * 1000.0);
    }
    Some(w)
}

pub fn plan(weeks: &[[&str; 7]]) -> Plan {
    let mut workouts = Vec::new();
    for (w, week) in weeks.iter().enumerate() {
        for (d, codes) in week.iter().enumerate() {
            let date = monday() + Days::new((w * 7 + d) as u64);
            for (k, code) in codes.split('+').enumerate() {
                workouts.extend(workout(((w * 7 + d) * 10 + k) as u64 + 1, date, code));
            }
        }
    }
    let race = workouts
        .iter()
        .rev()
        .find(|w| matches!(w.kind, WorkoutKind::Race { .. }))
        .map(|w| (w.date, w.planned_distance_m.unwrap_or(10_000.0)));
    let end = monday() + Days::new((weeks.len() * 7) as u64 - 1);
    let (date, distance_m) = race.unwrap_or((end + Days::new(60), 10_000.0));
    Plan {
        notes: Vec::new(),
        days_off: Vec::new(),
        name: "test".to_owned(),
        goal: GoalRace {
            name: String::new(),
            distance_m,
            date,
            goal_time_s: None,
        },
        start_date: monday(),
        phases: Vec::new(),
        workouts,
    }
}

pub fn athlete(level: ExperienceLevel) -> Athlete {
    let mut a = Athlete::example();
    a.level = level;
    a.training_age_years = 10;
    a.birth_year = 1990;
    a.vdot = Some(45.0);
    a.weekly_volume_km = 40.0;
    a
}

pub fn check_with(p: &Plan, a: &Athlete) -> Vec<Finding> {
    check_plan(&CheckInput {
        plan: p,
        athlete: a,
        settings: &Settings::default(),
        history: None,
    })
}

pub fn findings(level: ExperienceLevel, weeks: &[[&str; 7]], rule: Rule) -> Vec<Finding> {
    check_with(&plan(weeks), &athlete(level))
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

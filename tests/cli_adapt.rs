//! `stride adapt`: the window's "Adapt plan from today" from the command line.

use std::process::{Command, Output};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate};
use stride::model::*;

fn stride(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A plan that began two weeks before `today`, and those two weeks run at 40 km a week
/// (8 km on five days), with nothing in the history before them.
fn two_weeks_at_40(level: ExperienceLevel, race_km: f64) -> (AthleteDocument, NaiveDate) {
    let today = NaiveDate::from_ymd_opt(2027, 3, 15).expect("a Monday");
    let start = today - Days::new(14);
    let mut athlete = Athlete::example();
    athlete.level = level;
    athlete.training_age_years = if level == ExperienceLevel::Beginner {
        1
    } else {
        5
    };
    athlete.birth_year = 1990;
    athlete.weekly_volume_km = 40.0;
    athlete.vdot = Some(45.0);
    athlete.available_weekdays = vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Thu,
        Weekday::Sat,
        Weekday::Sun,
    ];
    athlete.long_run_day = Weekday::Sun;
    let input = GeneratorInput {
        athlete: athlete.clone(),
        goal: GoalRace {
            name: "Goal".to_owned(),
            distance_m: race_km * 1000.0,
            date: today + Days::new(7 * 16 + 6),
            goal_time_s: None,
        },
        start,
        longest_recent_run_km: Some(16.0),
        cross_training: CrossTrainingPreference::None,
        tune_ups: Vec::new(),
        days_off: Vec::new(),
    };
    let plan = generate(&input, &Settings::default()).expect("a plan");
    let mut doc = AthleteDocument::new(athlete);
    doc.plans.push(plan);
    for back in 1..=14u64 {
        let day = today - Days::new(back);
        if !doc.athlete.available_weekdays.contains(&day.weekday()) {
            continue;
        }
        let mut a = Activity::from_planned(&Workout::new(
            WorkoutId(9000 + back),
            day,
            WorkoutKind::Easy,
        ));
        a.planned_workout = None;
        a.duration_s = 8.0 * 330.0;
        a.distance_m = Some(8000.0);
        a.rpe = Some(3.0);
        doc.history.activities.push(a);
    }
    (doc, today)
}

fn first_week_km(plan: &Plan, monday: NaiveDate) -> f64 {
    plan.workouts
        .iter()
        .filter(|w| w.date >= monday && w.date < monday + Days::new(7) && w.kind.is_running())
        .filter_map(|w| w.planned_distance_m)
        .sum::<f64>()
        / 1000.0
}

/// Issue: two weeks at 40 km a week restarted at 20 km (the last 28 days divided by 4).
#[test]
fn adapt_after_two_weeks_at_40_km_keeps_the_volume() {
    let (doc, today) = two_weeks_at_40(ExperienceLevel::Intermediate, 21.1);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("runner.ron");
    stride::storage::save_document(&doc, &path).expect("saved");
    let o = stride(&["adapt", path.to_str().expect("p"), "--today", "2027-03-15"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(stdout.lines().any(|l| l.starts_with("form\t")), "{stdout}");
    assert_eq!(
        stdout.lines().last(),
        Some(format!("saved\t{}", path.display()).as_str())
    );
    for line in stdout.lines().filter(|l| l.starts_with("changed\t")) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "{line}");
        assert!(
            fields[1].parse::<NaiveDate>().is_ok_and(|d| d >= today),
            "{line}"
        );
    }
    let adapted = stride::storage::load_document(&path).expect("readable");
    let km = first_week_km(adapted.active_plan().expect("plan"), today);
    assert!(km >= 34.0, "first week {km:.1} km after two weeks at 40");
    assert!(
        dir.path().join("runner.ron.bak").exists(),
        "the previous version is kept"
    );
    let bak = stride::storage::load_document(&dir.path().join("runner.ron.bak")).expect("bak");
    assert_eq!(bak, doc);
}

/// Issue: the same two weeks made a beginner's marathon plan impossible to adapt.
#[test]
fn adapt_keeps_a_beginners_marathon_going_and_writes_to_out() {
    let (doc, today) = two_weeks_at_40(ExperienceLevel::Beginner, 42.195);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("runner.ron");
    let out = dir.path().join("adapted.ron");
    stride::storage::save_document(&doc, &path).expect("saved");
    let before = std::fs::read(&path).expect("read");
    let o = stride(&[
        "adapt",
        path.to_str().expect("p"),
        "--today",
        &today.to_string(),
        "--out",
        out.to_str().expect("p"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the input is untouched"
    );
    let adapted = stride::storage::load_document(&out).expect("written");
    assert_eq!(
        adapted.active_plan().map(|p| p.goal.date),
        doc.active_plan().map(|p| p.goal.date)
    );
}

#[test]
fn adapt_without_a_plan_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("empty.ron");
    stride::storage::save_document(&AthleteDocument::new(Athlete::example()), &path)
        .expect("saved");
    let before = std::fs::read(&path).expect("read");
    let o = stride(&["adapt", path.to_str().expect("p"), "--today", "2027-03-15"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("there is no plan to adapt"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

//! Season and life: tune-up races, days away, sick days with a graded return, and paces for
//! heat and altitude, through the generator, the rules and the command line.

use std::process::{Command, Output};

use chrono::{Days, NaiveDate, Weekday};
use stride::generator::{CrossTrainingPreference, GeneratorInput, TuneUp, generate};
use stride::model::*;
use stride::readiness::{Readiness, SeasonEdit, adapt_season};
use stride::rules::{CheckInput, Rule, check_plan};
use stride::science::adherence::{Status, statuses};

fn stride(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// An intermediate runner's 16-week marathon on five days, 50 km a week, VDOT 45.
fn marathon() -> GeneratorInput {
    let mut athlete = Athlete::example();
    athlete.level = ExperienceLevel::Intermediate;
    athlete.training_age_years = 5;
    athlete.birth_year = 1984;
    athlete.weekly_volume_km = 50.0;
    athlete.vdot = Some(45.0);
    athlete.available_weekdays = vec![
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Sat,
        Weekday::Sun,
    ];
    athlete.long_run_day = Weekday::Sun;
    GeneratorInput {
        athlete,
        goal: GoalRace {
            name: "Spring Marathon".to_owned(),
            distance_m: 42_195.0,
            date: day(2027, 4, 25),
            goal_time_s: None,
        },
        start: day(2027, 1, 4),
        longest_recent_run_km: None,
        cross_training: CrossTrainingPreference::None,
        tune_ups: Vec::new(),
        days_off: Vec::new(),
    }
}

fn findings(input: &GeneratorInput, plan: &Plan) -> Vec<stride::rules::Finding> {
    check_plan(&CheckInput {
        plan,
        athlete: &input.athlete,
        settings: &Settings::default(),
        history: None,
    })
}

/// A tough session: a hard one, or a long run.
fn tough(w: &Workout) -> bool {
    w.intensity() >= Intensity::Hard && !w.kind.is_race() || w.kind == WorkoutKind::Long
}

/// Asserts that the `days` days from `from` hold nothing tough.
fn assert_nothing_tough(plan: &Plan, from: NaiveDate, days: u64) {
    for w in plan
        .workouts
        .iter()
        .filter(|w| w.date >= from && w.date < from + Days::new(days))
    {
        assert!(!tough(w), "{} on {}", w.display_title(), w.date);
    }
}

/// Asserts that every workout on the days off is a rest day.
fn assert_rest_on(plan: &Plan, off: &DaysOff) {
    for w in plan.workouts.iter().filter(|w| off.contains(w.date)) {
        assert_eq!(
            w.kind,
            WorkoutKind::Rest,
            "{} on {}",
            w.display_title(),
            w.date
        );
    }
}

fn running_km(plan: &Plan, from: NaiveDate, days: u64) -> f64 {
    plan.workouts
        .iter()
        .filter(|w| w.date >= from && w.date < from + Days::new(days))
        .filter(|w| w.kind.is_running() && !w.kind.is_race())
        .filter_map(|w| w.planned_distance_m)
        .sum::<f64>()
        / 1000.0
}

/// The marathon with a tune-up race, and its plan.
fn marathon_with_race(
    date: NaiveDate,
    distance_m: f64,
    priority: RacePriority,
    name: &str,
) -> (GeneratorInput, Plan) {
    let mut input = marathon();
    input.tune_ups.push(TuneUp {
        date,
        distance_m,
        priority,
        name: name.to_owned(),
    });
    let plan = generate(&input, &Settings::default()).expect("a plan");
    (input, plan)
}

#[test]
fn a_marathon_with_a_b_half_six_weeks_out_tapers_for_it_and_recovers_after_it() {
    let half = day(2027, 3, 14);
    let (input, plan) = marathon_with_race(half, 21_097.5, RacePriority::B, "Spring Half");
    let race: Vec<&Workout> = plan.workouts_on(half).collect();
    assert_eq!(race.len(), 1, "the race stands alone on its day");
    assert_eq!(race[0].kind.race_priority(), Some(RacePriority::B));
    assert_eq!(race[0].title, "Spring Half");
    for w in &plan.workouts {
        let from_race = (w.date - half).num_days();
        assert!(
            !((-3..=-1).contains(&from_race) || (1..=6).contains(&from_race)) || !tough(w),
            "{} on {}, {from_race} days from the half",
            w.display_title(),
            w.date
        );
    }
    let f = findings(&input, &plan);
    assert!(f.is_empty(), "{f:?}");
    // The days before run lighter than the same days without the race.
    let without = generate(&marathon(), &Settings::default()).expect("a plan");
    let before = half - Days::new(4);
    assert!(running_km(&plan, before, 4) < running_km(&without, before, 4));
}

#[test]
fn a_c_race_takes_the_place_of_a_hard_session_in_its_week() {
    let ten_k = day(2027, 2, 6);
    let (input, plan) = marathon_with_race(ten_k, 10_000.0, RacePriority::C, "");
    let without = generate(&marathon(), &Settings::default()).expect("a plan");
    let week = day(2027, 2, 1);
    let hard = |p: &Plan| {
        p.workouts
            .iter()
            .filter(|w| w.date >= week && w.date < week + Days::new(7))
            .filter(|w| w.intensity() >= Intensity::Hard && !w.kind.is_race())
            .count()
    };
    assert!(
        hard(&without) == 0 || hard(&plan) < hard(&without),
        "{} hard sessions beside the race, {} without it",
        hard(&plan),
        hard(&without)
    );
    assert!(plan.workouts_on(ten_k).any(|w| w.title == "C race"));
    let f = findings(&input, &plan);
    assert!(f.is_empty(), "{f:?}");
}

/// Days away from `from` to `to`, cross-training possible or not.
fn away(from: NaiveDate, to: NaiveDate, cross_training: bool) -> DaysOff {
    DaysOff {
        from,
        to,
        reason: OffReason::Away { cross_training },
    }
}

/// The marathon with days off, and its plan.
fn marathon_with(off: DaysOff) -> (GeneratorInput, Plan) {
    let mut input = marathon();
    input.days_off.push(off);
    let plan = generate(&input, &Settings::default()).expect("a plan");
    (input, plan)
}

#[test]
fn days_away_hold_no_running_and_the_weeks_around_them_stay_sensible() {
    let away = away(day(2027, 2, 15), day(2027, 2, 21), false);
    let (input, plan) = marathon_with(away);
    assert_eq!(plan.days_off, vec![away]);
    assert_rest_on(&plan, &away);
    let f = findings(&input, &plan);
    assert!(f.is_empty(), "{f:?}");
    // The week back is no bigger than the weeks before the time away allow (R5's 10%), and
    // its first days hold nothing hard.
    let before = running_km(&plan, day(2027, 2, 8), 7).max(running_km(&plan, day(2027, 2, 1), 7));
    assert!(running_km(&plan, day(2027, 2, 22), 7) <= 1.1 * before + 0.5);
    assert_nothing_tough(
        &plan,
        away.to + Days::new(1),
        stride::generator::season::AWAY_RETURN_DAYS,
    );
}

#[test]
fn days_away_with_cross_training_cross_train_where_runs_were() {
    let away = away(day(2027, 2, 16), day(2027, 2, 18), true);
    let (_, plan) = marathon_with(away);
    let crossed = plan
        .workouts
        .iter()
        .filter(|w| away.contains(w.date))
        .filter(|w| matches!(w.kind, WorkoutKind::CrossTraining { .. }))
        .count();
    assert_eq!(crossed, 3, "Tue, Wed and Thu were running days");
    assert!(
        plan.workouts
            .iter()
            .filter(|w| away.contains(w.date))
            .all(|w| !w.kind.is_running())
    );
}

#[test]
fn after_sick_days_running_returns_at_half_then_three_quarters() {
    let sick = DaysOff {
        from: day(2027, 2, 9),
        to: day(2027, 2, 12),
        reason: OffReason::Sick,
    };
    let (input, plan) = marathon_with(sick);
    let without = generate(&marathon(), &Settings::default()).expect("a plan");
    let f = findings(&input, &plan);
    assert!(f.is_empty(), "{f:?}");
    // Four days ill: four days at half, then four at three quarters (the notes' 50% and
    // 75%), nothing tough in them.
    for (block, share) in [(0u64, 0.5), (1, 0.75)] {
        let from = sick.to + Days::new(1 + 4 * block);
        let (now, planned) = (running_km(&plan, from, 4), running_km(&without, from, 4));
        assert!(
            now <= share * planned + 0.5,
            "{now:.1} km from {from}, {planned:.1} km planned without the illness"
        );
        assert_nothing_tough(&plan, from, 4);
    }
}

/// The demo athlete's document, its plan from 2026-11-30, as the window opens it.
fn demo(today: NaiveDate) -> AthleteDocument {
    stride::storage::demo_document(today).expect("the demo")
}

#[test]
fn five_sick_days_leave_at_most_80_percent_of_the_next_week_and_nothing_hard_for_4_days() {
    let today = day(2026, 11, 29);
    let doc = demo(today);
    let sick = DaysOff {
        from: day(2026, 12, 1),
        to: day(2026, 12, 5),
        reason: OffReason::Sick,
    };
    let adapted = adapt_season(
        &doc,
        today,
        &Readiness::assess(&doc, today),
        &SeasonEdit::DaysOff(sick),
    )
    .expect("adapted");
    let plan = &adapted.plan;
    let old = doc.active_plan().expect("a plan");
    assert!(plan.days_off.contains(&sick));
    assert_rest_on(plan, &sick);
    let next = sick.to + Days::new(1);
    let (after, before) = (running_km(plan, next, 7), running_km(old, next, 7));
    assert!(before > 0.0);
    assert!(
        after <= 0.8 * before + 1e-9,
        "{after:.1} km in the week after, {before:.1} km planned"
    );
    assert_nothing_tough(plan, next, 4);
    let errors: Vec<_> = findings_for(&doc, plan)
        .into_iter()
        .filter(|f| f.severity == stride::rules::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

fn findings_for(doc: &AthleteDocument, plan: &Plan) -> Vec<stride::rules::Finding> {
    check_plan(&CheckInput {
        plan,
        athlete: &doc.athlete,
        settings: &doc.settings,
        history: Some(&doc.history),
    })
}

#[test]
fn adding_a_race_to_a_plan_keeps_the_past_and_lays_the_race_over_the_rest() {
    let today = day(2026, 11, 29);
    let doc = demo(today);
    let old = doc.active_plan().expect("a plan");
    let race_day = old.goal.date - Days::new(42);
    let adapted = adapt_season(
        &doc,
        today,
        &Readiness::assess(&doc, today),
        &SeasonEdit::AddRace(TuneUp {
            date: race_day,
            distance_m: 10_000.0,
            priority: RacePriority::B,
            name: "Club 10K".to_owned(),
        }),
    )
    .expect("adapted");
    let on_day: Vec<_> = adapted.plan.workouts_on(race_day).collect();
    assert_eq!(on_day.len(), 1);
    assert_eq!(on_day[0].kind, WorkoutKind::race(10_000.0, RacePriority::B));
    assert!(
        adapted
            .plan
            .workouts
            .iter()
            .filter(|w| w.date < today)
            .all(|w| old.workouts.contains(w))
    );
    // Adapting again keeps the race: it is part of the plan now.
    let mut again = doc.clone();
    again.plans[0] = adapted.plan.clone();
    let later = adapt_season(
        &again,
        today,
        &Readiness::assess(&again, today),
        &SeasonEdit::DaysOff(away(
            race_day + Days::new(10),
            race_day + Days::new(12),
            false,
        )),
    )
    .expect("adapted");
    assert!(
        later
            .plan
            .workouts_on(race_day)
            .any(|w| w.kind.race_priority() == Some(RacePriority::B))
    );
    assert_eq!(later.plan.days_off.len(), 1);
}

#[test]
fn missed_workouts_on_sick_days_are_excused_not_missed() {
    let today = day(2026, 11, 29);
    let mut doc = demo(today);
    let plan = &mut doc.plans[0];
    let missed: Vec<(WorkoutId, NaiveDate)> = statuses(plan, &doc.history, today)
        .into_iter()
        .filter(|(_, s)| *s == Status::Missed)
        .map(|(id, _)| (id, plan.workout(id).expect("a workout").date))
        .collect();
    assert!(!missed.is_empty(), "the demo runner missed a run");
    for (_, date) in &missed {
        plan.days_off.push(DaysOff {
            from: *date,
            to: *date,
            reason: OffReason::Sick,
        });
    }
    let now = statuses(plan, &doc.history, today);
    for (id, _) in missed {
        assert_eq!(now[&id], Status::Excused);
    }
}

#[test]
fn the_rules_know_b_and_c_races_days_off_and_heat() {
    let input = marathon();
    let mut plan = generate(&input, &Settings::default()).expect("a plan");
    let clean = findings(&input, &plan);
    assert!(clean.is_empty());
    // A B race the day after a quality session: its mini-taper is missing (R10).
    let quality = plan
        .workouts
        .iter()
        .find(|w| w.intensity() == Intensity::Hard && w.date > day(2027, 2, 1))
        .expect("a quality session")
        .clone();
    let b_day = quality.date + Days::new(2);
    plan.workouts.retain(|w| w.date != b_day);
    let mut b = Workout::new(
        WorkoutId(9_000),
        b_day,
        WorkoutKind::race(5000.0, RacePriority::B),
    );
    b.planned_distance_m = Some(5000.0);
    plan.workouts.push(b.clone());
    let f = findings(&input, &plan);
    assert!(
        f.iter()
            .any(|f| f.rule == Rule::R10 && f.date == quality.date),
        "{f:?}"
    );
    // As a C race it is a workout: no mini-taper asked for.
    plan.workouts.retain(|w| w.id != b.id);
    b.kind = WorkoutKind::race(5000.0, RacePriority::C);
    plan.workouts.push(b);
    let f = findings(&input, &plan);
    assert!(
        !f.iter()
            .any(|f| f.rule == Rule::R10 && f.date == quality.date),
        "{f:?}"
    );
    // A run on a sick day (R11).
    let run = plan
        .workouts
        .iter()
        .find(|w| w.kind == WorkoutKind::Easy)
        .expect("an easy run")
        .date;
    plan.days_off.push(DaysOff {
        from: run,
        to: run,
        reason: OffReason::Sick,
    });
    let f = findings(&input, &plan);
    assert!(
        f.iter().any(|f| f.rule == Rule::R11 && f.date == run),
        "{f:?}"
    );
    // A hard session at 35 °C with a 27 °C dew point: 176 °F is under the line, 34 °C and
    // 30 °C (179.6 °F) too, 36 °C and 30 °C (182.8 °F) over it (R12).
    let i = plan
        .workouts
        .iter()
        .position(|w| w.intensity() == Intensity::Hard)
        .expect("a hard session");
    let heat = |t: f64, d: f64| Conditions {
        temperature_c: Some(t),
        dew_point_c: Some(d),
        altitude_m: None,
    };
    plan.workouts[i].conditions = heat(34.0, 30.0);
    assert!(!findings(&input, &plan).iter().any(|f| f.rule == Rule::R12));
    plan.workouts[i].conditions = heat(36.0, 30.0);
    assert!(findings(&input, &plan).iter().any(|f| f.rule == Rule::R12));
}

fn paces_json(args: &[&str]) -> serde_json::Value {
    let out = stride(&[&["paces", "--vdot", "45", "--format", "json"], args].concat());
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn threshold_pace_slows_2_to_10_percent_in_heat_and_1_5_to_6_percent_at_altitude() {
    let t = |v: &serde_json::Value| v["paces_s_per_km"]["threshold"].as_f64().expect("T");
    let cool = paces_json(&[]);
    let hot = paces_json(&["--temperature-c", "30", "--dew-point-c", "22"]);
    let high = paces_json(&["--altitude-m", "2000"]);
    let slower = |v: &serde_json::Value| t(v) / t(&cool) - 1.0;
    assert!((0.02..=0.10).contains(&slower(&hot)), "{}", slower(&hot));
    assert!((0.015..=0.06).contains(&slower(&high)), "{}", slower(&high));
    assert!(
        hot["adjusted_for"]
            .as_str()
            .is_some_and(|s| s.contains("°F"))
    );
    assert!(cool.get("adjusted_for").is_none());
    // Repetition pace is not slowed by altitude (Daniels), but by heat.
    let r = |v: &serde_json::Value| v["paces_s_per_km"]["repetition"].as_f64().expect("R");
    assert_eq!(r(&high), r(&cool));
    assert!(r(&hot) > r(&cool));
    // The text says what the paces are adjusted for.
    let out = stride(&["paces", "--vdot", "45", "--altitude-m", "2000"]);
    assert!(text(&out.stdout).contains("altitude 2000 m"));
    // A dew point above the temperature is refused, with the flag.
    let out = stride(&[
        "paces",
        "--vdot",
        "45",
        "--temperature-c",
        "20",
        "--dew-point-c",
        "25",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--dew-point-c"),
        "{}",
        text(&out.stderr)
    );
}

fn plan_doc(extra: &[&str]) -> Result<AthleteDocument, String> {
    let base = [
        "plan",
        "--race",
        "marathon",
        "--race-date",
        "2027-04-25",
        "--start",
        "2027-01-04",
        "--level",
        "intermediate",
        "--weekly-km",
        "50",
        "--days",
        "tue,wed,thu,sat,sun",
        "--vdot",
        "45",
        "--age",
        "42",
    ];
    let out = stride(&[&base[..], extra].concat());
    if !out.status.success() {
        return Err(text(&out.stderr));
    }
    stride::storage::document_from_str(&text(&out.stdout), std::path::Path::new("plan.ron"))
        .map_err(|e| e.to_string())
}

#[test]
fn stride_plan_takes_tune_ups_and_days_away() {
    let doc = plan_doc(&[
        "--tune-up",
        "2027-03-14:half",
        "--tune-up",
        "2027-02-06:10k:C",
        "--unavailable",
        "2027-02-15..2027-02-19",
    ])
    .expect("a plan");
    let plan = doc.active_plan().expect("a plan");
    let priority = |d: NaiveDate| plan.workouts_on(d).find_map(|w| w.kind.race_priority());
    assert_eq!(priority(day(2027, 3, 14)), Some(RacePriority::B));
    assert_eq!(priority(day(2027, 2, 6)), Some(RacePriority::C));
    assert_eq!(priority(day(2027, 4, 25)), Some(RacePriority::A));
    assert_eq!(plan.days_off.len(), 1);
    assert!(
        plan.workouts
            .iter()
            .filter(|w| plan.day_off(w.date).is_some())
            .all(|w| w.kind == WorkoutKind::Rest)
    );
    // `stride check` reads the document clean.
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("season.ron");
    stride::storage::save_document(&doc, &path).expect("saved");
    let out = stride(&["check", path.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stdout));
}

#[test]
fn stride_plan_refuses_tune_ups_and_days_away_that_do_not_fit() {
    for (args, says) in [
        (&["--tune-up", "2027-03-14:half:A"][..], "B or C"),
        (&["--tune-up", "2027-03-14"][..], "DATE:DISTANCE"),
        (
            &["--tune-up", "2027-04-22:5k"][..],
            "too close to the goal race",
        ),
        (&["--tune-up", "2027-04-19:5k"][..], "7 days before"),
        (&["--tune-up", "14.3.2027:5k"][..], "not a date"),
        (
            &["--unavailable", "2027-04-20..2027-04-26"][..],
            "include the race",
        ),
        (
            &["--unavailable", "2027-02-19..2027-02-15"][..],
            "before the first",
        ),
        (
            &[
                "--tune-up",
                "2027-02-17:10k",
                "--unavailable",
                "2027-02-15..2027-02-19",
            ][..],
            "falls on the days off",
        ),
    ] {
        let message = plan_doc(args).expect_err("refused");
        assert!(message.contains(says), "{args:?}: {message}");
    }
}

#[test]
fn stride_adapt_sick_records_the_days_and_grades_the_return() {
    let today = day(2026, 11, 29);
    let doc = demo(today);
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("demo.ron");
    stride::storage::save_document(&doc, &path).expect("saved");
    let out = stride(&[
        "adapt",
        path.to_str().expect("utf-8"),
        "--today",
        "2026-11-29",
        "--sick",
        "2026-12-01..2026-12-05",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("changed\t2026-12-01\t")),
        "{stdout}"
    );
    let adapted = stride::storage::load_document(&path).expect("the adapted document");
    let plan = adapted.active_plan().expect("a plan");
    assert_eq!(plan.days_off.len(), 1);
    assert_eq!(plan.days_off[0].reason, OffReason::Sick);
    let out = stride(&[
        "adapt",
        path.to_str().expect("utf-8"),
        "--sick",
        "2026-12-05..2026-12-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_calendar_carries_paces_adjusted_for_the_conditions() {
    let today = day(2026, 11, 29);
    let mut doc = demo(today);
    let plan = &mut doc.plans[0];
    let i = plan
        .workouts
        .iter()
        .position(|w| w.kind == WorkoutKind::Tempo && w.date > today)
        .expect("a tempo run ahead");
    let cool = stride::export::ics::plan_calendar(&doc, &doc.plans[0], chrono::Utc::now());
    doc.plans[0].workouts[i].conditions = Conditions {
        temperature_c: Some(30.0),
        dew_point_c: Some(22.0),
        altitude_m: None,
    };
    let hot = stride::export::ics::plan_calendar(&doc, &doc.plans[0], chrono::Utc::now());
    assert!(hot.contains("Paces adjusted for heat"), "{hot}");
    assert!(!cool.contains("Paces adjusted"));
    // The tempo's summary names a slower pace than in the cool.
    let summary = |ics: &str| -> String {
        let uid = format!("{}", doc.plans[0].workouts[i].id.0);
        let event = ics
            .split("BEGIN:VEVENT")
            .find(|e| e.contains(&uid) && e.contains("SUMMARY:"))
            .expect("the event")
            .to_owned();
        event
            .lines()
            .find(|l| l.starts_with("SUMMARY:"))
            .expect("a summary")
            .to_owned()
    };
    assert_ne!(summary(&cool), summary(&hot));
}

#[test]
fn sick_days_bring_the_neck_check_into_the_tips() {
    let today = day(2026, 11, 29);
    let mut doc = demo(today);
    let neck = |doc: &AthleteDocument, on: NaiveDate| {
        stride::readiness::tips(doc, on, &Readiness::assess(doc, on))
            .iter()
            .any(|t| t.text.contains("neck check"))
    };
    assert!(!neck(&doc, today));
    doc.plans[0].days_off.push(DaysOff {
        from: today,
        to: today + Days::new(1),
        reason: OffReason::Sick,
    });
    assert!(neck(&doc, today), "sick today");
    assert!(neck(&doc, today + Days::new(3)), "on the way back");
    assert!(!neck(&doc, today + Days::new(30)), "long after");
}

#[test]
fn a_plan_that_has_not_begun_is_adapted_from_its_own_first_day() {
    let input = marathon();
    let mut doc = AthleteDocument::new(input.athlete.clone());
    doc.plans
        .push(generate(&input, &Settings::default()).expect("a plan"));
    let today = day(2026, 12, 1);
    let adapted = adapt_season(
        &doc,
        today,
        &Readiness::assess(&doc, today),
        &SeasonEdit::DaysOff(away(day(2027, 2, 15), day(2027, 2, 17), false)),
    )
    .expect("adapted");
    assert_eq!(adapted.start, input.start);
    assert!(adapted.plan.workouts.iter().all(|w| w.date >= input.start));
}

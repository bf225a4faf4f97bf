//! Speed goals of the calendar, run headless (an egui context without a renderer).
//!
//! - A frame of the month view with a 52-week plan and 10 years of history: under 2 ms.
//! - Working out what a drop on each of the 42 visible days would do: under 1 ms in total.
//! - A frame of the Charts tab over the same ten years and plan: under 3 ms.

use std::hint::black_box;

use chrono::{Days, NaiveDate, NaiveTime, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate};
use stride::model::*;
use stride::rules::preview::{DropKind, preview_drops};
use stride::science::pmc::PmcParams;
use stride::science::series::LoadSeries;
use stride::session::Session;
use stride::ui::{CentralTab, FixedDialogs, StrideApp};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).expect("date")
}

/// An advanced runner with ten years of daily history and a 52-week marathon plan.
fn big_document() -> AthleteDocument {
    let mut athlete = Athlete::example();
    athlete.level = ExperienceLevel::Advanced;
    athlete.training_age_years = 10;
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
    let input = GeneratorInput {
        athlete: athlete.clone(),
        goal: GoalRace {
            name: "Marathon".to_owned(),
            distance_m: 42_195.0,
            date: today() + Days::new(52 * 7 - 1),
            goal_time_s: None,
        },
        start: today(),
        longest_recent_run_km: None,
        cross_training: CrossTrainingPreference::None,
        tune_ups: Vec::new(),
        days_off: Vec::new(),
    };
    let mut doc = AthleteDocument::new(athlete);
    doc.plans
        .push(generate(&input, &doc.settings).expect("plan"));
    for back in 1..=3650u64 {
        let day = today() - Days::new(back);
        if back % 7 == 3 {
            continue;
        }
        doc.history.activities.push(Activity {
            start: day.and_time(NaiveTime::from_hms_opt(7, 0, 0).expect("time")),
            kind: if back % 7 == 0 {
                WorkoutKind::Long
            } else {
                WorkoutKind::Easy
            },
            duration_s: 3000.0,
            moving_s: None,
            normalised_pace_s_per_km: None,
            instant: None,
            distance_m: Some(9000.0),
            avg_hr_bpm: Some(142),
            max_hr_bpm: None,
            rpe: Some(3.0),
            load: None,
            source_file: None,
            planned_workout: None,
            notes: String::new(),
        });
    }
    doc
}

fn bench(c: &mut Criterion) {
    let doc = big_document();
    let mut app = StrideApp::new(
        Session::new(doc.clone(), None),
        today(),
        Box::new(FixedDialogs::default()),
    );
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 820.0),
        )),
        ..Default::default()
    };
    // Warm up fonts and layout caches, as a running app has.
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.frame_ui(ui));
    }
    c.bench_function(
        "frame: month view, 52-week plan, 10 years of history",
        |b| b.iter(|| black_box(ctx.run_ui(input(), |ui| app.frame_ui(ui)))),
    );
    app.show_tab(CentralTab::Charts);
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.frame_ui(ui));
    }
    c.bench_function(
        "frame: charts tab, 52-week plan, 10 years of history",
        |b| b.iter(|| black_box(ctx.run_ui(input(), |ui| app.frame_ui(ui)))),
    );

    let series = LoadSeries::from_document(&doc, today(), &PmcParams::from_settings(&doc.settings));
    let plan = doc.active_plan().expect("plan");
    let workout = plan
        .workouts
        .iter()
        .find(|w| w.kind == WorkoutKind::Intervals && w.date > today() + Days::new(60))
        .expect("intervals");
    let first = doc.athlete.week_start.week_of(workout.date) - Days::new(7);
    let days: Vec<NaiveDate> = (0..42).map(|k| first + Days::new(k)).collect();
    c.bench_function("drag: verdicts for all 42 drop targets (move)", |b| {
        b.iter(|| preview_drops(black_box(&doc), workout.id, &days, &series, DropKind::Move))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

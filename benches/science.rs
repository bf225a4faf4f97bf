//! Speed goals of the training science core.
//!
//! - The full series for 20 years of daily history (7,300 days, 10,000 sessions): under 0.5 ms.
//! - Race-morning form after moving one workout in a 26-week plan: under 20 microseconds,
//!   so all 42 days of a month view can be evaluated within a frame while dragging.
//! - Everything the four charts draw, over the same 20 years: under 2 ms, so it can be
//!   recomputed on every document change (it is never recomputed per frame).
//! - Exporting a chart (SVG, then PNG): well under a second, so saving feels immediate.
//! - The readiness (every warning sign) over the same 20 years plus a daily check-in: under
//!   1 ms with the series computed, as it is once per document change.
//! - "Adapt plan from today" on the demo athlete: under 20 ms, so the comparison appears
//!   at the click.
//! - Fitting the runner's model over 10 years of history with a race every 5 weeks: under
//!   50 ms, with the time constants fitted too (the window fits with the settings' ones on
//!   every document change, which must stay well under that).

use std::hint::black_box;

use chrono::{Days, NaiveDate, NaiveTime};
use criterion::{Criterion, criterion_group, criterion_main};
use stride::model::*;
use stride::science::charts::ChartData;
use stride::science::load::LoadContext;
use stride::science::pmc::{PmcParams, compute};
use stride::science::series::LoadSeries;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2006, 1, 2).expect("date")
}

/// 10,000 sessions spread over 7,300 days, with a mix of heart-rate, pace and RPE data.
fn twenty_years() -> AthleteDocument {
    let mut athlete = Athlete::example();
    athlete.vdot = Some(48.0);
    let mut doc = AthleteDocument::new(athlete);
    let kinds = [
        WorkoutKind::Easy,
        WorkoutKind::Tempo,
        WorkoutKind::Long,
        WorkoutKind::Recovery,
    ];
    for i in 0..10_000u64 {
        let day = start() + Days::new(i * 7300 / 10_000);
        let n = i as usize;
        doc.history.activities.push(Activity {
            start: day.and_time(NaiveTime::from_hms_opt(7, 0, 0).expect("time")),
            kind: kinds[n % kinds.len()].clone(),
            duration_s: 2400.0 + (n % 5) as f64 * 600.0,
            moving_s: None,
            normalised_pace_s_per_km: None,
            instant: None,
            distance_m: (!n.is_multiple_of(3)).then_some(8000.0 + (n % 7) as f64 * 1000.0),
            avg_hr_bpm: n.is_multiple_of(2).then_some(140 + (n % 20) as u16),
            max_hr_bpm: None,
            rpe: Some(3.0 + (n % 5) as f64),
            load: None,
            source_file: None,
            planned_workout: None,
            notes: String::new(),
        });
    }
    doc
}

fn bench_full_series(c: &mut Criterion) {
    let doc = twenty_years();
    let today = start() + Days::new(7300);
    let params = PmcParams::from_settings(&doc.settings);
    c.bench_function(
        "series: 20 years, 10,000 sessions, from the document",
        |b| b.iter(|| LoadSeries::from_document(black_box(&doc), today, &params)),
    );
    let loads: Vec<f64> = (0..7300).map(|i| f64::from(i % 90)).collect();
    c.bench_function("model: 7,300 daily loads", |b| {
        b.iter(|| compute(black_box(&loads), &params))
    });
    c.bench_function("charts: lines, load bars and weeks for 20 years", |b| {
        b.iter(|| ChartData::from_document(black_box(&doc), today))
    });
    let demo_today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let demo = stride::storage::demo_document(demo_today).expect("demo");
    let data = ChartData::from_document(&demo, demo_today);
    let range = (data.span.0, data.span.1);
    let size = stride::storage::chart_image::ImageSize::default();
    c.bench_function("export: the demo's whole chart as SVG", |b| {
        b.iter(|| stride::storage::chart_image::fitness_chart_svg(black_box(&data), range, size))
    });
    let svg = stride::storage::chart_image::fitness_chart_svg(&data, range, size).expect("svg");
    c.bench_function("export: that SVG rendered to a 1200 x 600 PNG", |b| {
        b.iter(|| stride::storage::chart_image::svg_to_png(black_box(&svg)))
    });
}

fn bench_move(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let doc = stride::storage::demo_document(today).expect("demo");
    let params = PmcParams::from_settings(&doc.settings);
    let series = LoadSeries::from_document(&doc, today, &params);
    let ctx = LoadContext::new(&doc.athlete, &doc.settings);
    let plan = doc.active_plan().expect("plan");
    let workout = plan
        .workouts
        .iter()
        .find(|w| w.date > today && ctx.planned_load(w) > 0.0)
        .expect("a future workout");
    let load = ctx.planned_load(workout);
    let first = workout.date - Days::new(14);
    c.bench_function(
        "drag: race-morning form for all 42 days of a month view",
        |b| {
            b.iter(|| {
                let mut sum = 0.0;
                for d in 0..42 {
                    let to = first + Days::new(d);
                    sum += series
                        .race_morning_form_after_move(black_box(load), workout.date, to)
                        .unwrap_or(0.0);
                }
                sum
            })
        },
    );
    c.bench_function("drag: full re-projection of the plan after one move", |b| {
        let mut moved = doc.clone();
        let id = workout.id;
        b.iter(|| {
            if let Some(w) = moved.plans[0].workouts.iter_mut().find(|w| w.id == id) {
                w.date = workout.date + Days::new(1);
            }
            LoadSeries::from_document(black_box(&moved), today, &params).race_morning_form()
        })
    });
}

fn bench_readiness(c: &mut Criterion) {
    let mut doc = twenty_years();
    for d in 0..7300u64 {
        let n = d as usize;
        doc.history.wellness.push(WellnessEntry {
            date: start() + Days::new(d),
            resting_hr_bpm: Some(48 + (n % 7) as u16),
            hrv_ms: Some(60.0 + (n % 11) as f64),
            sleep_hours: Some(6.5 + (n % 4) as f64 * 0.5),
            sleep_quality: Some(2 + (n % 4) as u8),
            soreness: Some(1 + (n % 4) as u8),
            fatigue: Some(1 + (n % 5) as u8),
            stress: Some(1 + (n % 3) as u8),
            mood: Some(2 + (n % 4) as u8),
            motivation: Some(2 + (n % 4) as u8),
        });
    }
    let today = start() + Days::new(7300);
    let series = LoadSeries::from_document(&doc, today, &PmcParams::from_settings(&doc.settings));
    c.bench_function(
        "readiness: 20 years, 10,000 sessions, 7,300 check-ins (series given)",
        |b| b.iter(|| stride::readiness::Readiness::assess_with(black_box(&doc), today, &series)),
    );

    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let demo = stride::storage::demo_document(today).expect("demo");
    let readiness = stride::readiness::Readiness::assess(&demo, today);
    c.bench_function(
        "readiness: suggestions and tips for the demo athlete",
        |b| {
            b.iter(|| {
                let s = stride::readiness::suggestions(black_box(&demo), today, &readiness);
                let t = stride::readiness::tips(&demo, today, &readiness);
                (s, t)
            })
        },
    );
    c.bench_function("readiness: adapt the demo athlete's plan from today", |b| {
        b.iter(|| stride::readiness::adapt_from_today(black_box(&demo), today, &readiness))
    });
}

/// Ten years of daily training (3,650 sessions) with a 10K race every 5 weeks (104 races).
fn ten_years_with_races() -> AthleteDocument {
    let mut athlete = Athlete::example();
    athlete.vdot = Some(48.0);
    let mut doc = AthleteDocument::new(athlete);
    for d in 0..3650u64 {
        let day = start() + Days::new(d);
        let race = d % 35 == 34;
        let block = (d / 28) % 4;
        let kind = if race {
            WorkoutKind::Race {
                distance_m: 10_000.0,
                priority: Default::default(),
            }
        } else {
            WorkoutKind::Easy
        };
        // VDOT 46-50 over the blocks, as a 10K time.
        let vdot = 46.0 + f64::from(u32::try_from(block).unwrap_or(0));
        let duration_s = if race {
            stride::science::paces::race_time_s(vdot, 10_000.0).expect("time")
        } else {
            3000.0 + 600.0 * block as f64
        };
        doc.history.activities.push(Activity {
            start: day.and_time(NaiveTime::from_hms_opt(7, 0, 0).expect("time")),
            kind,
            duration_s,
            moving_s: None,
            normalised_pace_s_per_km: None,
            instant: None,
            distance_m: Some(10_000.0),
            avg_hr_bpm: Some(140 + 5 * block as u16),
            max_hr_bpm: None,
            rpe: None,
            load: None,
            source_file: None,
            planned_workout: None,
            notes: String::new(),
        });
    }
    doc
}

fn bench_personal(c: &mut Criterion) {
    use stride::science::banister::FitOptions;
    use stride::science::personal;
    let doc = ten_years_with_races();
    c.bench_function(
        "fit: 10 years, 104 races, the settings' time constants",
        |b| b.iter(|| personal::fit(black_box(&doc), FitOptions::default())),
    );
    c.bench_function("fit: 10 years, 104 races, time constants fitted", |b| {
        b.iter(|| {
            personal::fit(
                black_box(&doc),
                FitOptions {
                    fit_time_constants: true,
                },
            )
        })
    });
    let today = start() + Days::new(3650);
    c.bench_function("fit: the window's model summary over 10 years", |b| {
        b.iter(|| personal::ModelSummary::compute(black_box(&doc), today))
    });
}

criterion_group!(
    benches,
    bench_full_series,
    bench_move,
    bench_readiness,
    bench_personal
);
criterion_main!(benches);

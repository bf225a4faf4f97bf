//! The runner's own model: synthetic athletes made from the model itself, with known
//! parameters and noise, fitted and asked to forecast races they have not seen.

use chrono::{Days, NaiveDate, NaiveTime};
use stride::model::{
    Activity, Athlete, AthleteDocument, History, Load, LoadMetric, LoadModel, WorkoutKind,
};
use stride::science::banister::{FitError, FitOptions, Model, TimeConstants};
use stride::science::paces::race_time_s;
use stride::science::personal::{self, Basis, DailyLoads};

/// A reproducible stream of numbers in [0, 1).
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    /// About normal, mean 0, sd 1 (sum of twelve uniforms).
    fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.next()).sum::<f64>() - 6.0
    }
}

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 3).expect("date")
}

fn at(day: NaiveDate) -> chrono::NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(8, 0, 0).expect("time"))
}

fn run(day: NaiveDate, load: f64, kind: WorkoutKind, duration_s: f64) -> Activity {
    Activity {
        start: at(day),
        kind,
        duration_s,
        moving_s: None,
        normalised_pace_s_per_km: None,
        instant: None,
        distance_m: None,
        avg_hr_bpm: None,
        max_hr_bpm: None,
        rpe: None,
        load: Some(Load {
            value: load,
            metric: LoadMetric::Explicit,
        }),
        source_file: None,
        planned_workout: None,
        notes: String::new(),
    }
}

/// A synthetic athlete: `days` of training in 4-week blocks of varied load, a 10K race at the
/// end of every 5th week after a lighter week, each race run at the VDOT `truth` gives on
/// its morning plus noise of `noise_sd`.
fn athlete(truth: &Model, days: u64, noise_sd: f64, seed: u64) -> AthleteDocument {
    let mut noise = Noise(seed);
    let mut loads = Vec::new();
    let mut level = 50.0;
    let mut race_days = Vec::new();
    for d in 0..days {
        if d % 28 == 0 {
            level = 25.0 + 70.0 * noise.next();
        }
        let race_day = d % 35 == 34 && d > 60;
        let taper = d % 35 >= 28;
        // One rest day a week; tapered weeks at half the load.
        let mut load = if d % 7 == 0 { 0.0 } else { level * 7.0 / 6.0 };
        if taper {
            load *= 0.5;
        }
        if race_day {
            race_days.push(d as usize);
        }
        loads.push(load);
    }
    let start = (loads[..28].iter().sum::<f64>() / 28.0, 0.0);
    let start = (start.0, start.0);
    let states = truth.mornings(&loads, start, &race_days);
    let mut history = History::default();
    for (d, &load) in loads.iter().enumerate() {
        let day = first_day() + Days::new(d as u64);
        if let Some(k) = race_days.iter().position(|r| *r == d) {
            let (g, h) = states[k];
            let vdot = truth.value(g, h) + noise_sd * noise.normal();
            let time = race_time_s(vdot, 10_000.0).expect("time");
            history.activities.push(run(
                day,
                load.max(1.0),
                WorkoutKind::Race {
                    distance_m: 10_000.0,
                    priority: Default::default(),
                },
                time,
            ));
        } else if load > 0.0 {
            history
                .activities
                .push(run(day, load, WorkoutKind::Easy, 3600.0));
        }
    }
    let mut doc = AthleteDocument::new(Athlete::example());
    doc.athlete.vdot = None;
    doc.athlete.recent_race = None;
    doc.history = history;
    doc
}

fn truth(p0: f64, k1: f64, k2: f64, fitness_days: f64, fatigue_days: f64) -> Model {
    Model::new(
        p0,
        k1,
        k2,
        TimeConstants {
            fitness_days,
            fatigue_days,
        },
        LoadModel::Trainingpeaks,
    )
}

fn until(doc: &AthleteDocument, last: NaiveDate) -> AthleteDocument {
    let mut cut = doc.clone();
    cut.history.activities.retain(|a| a.date() <= last);
    cut
}

#[test]
fn forecasts_of_unseen_races_beat_the_previous_race() {
    for (seed, model) in [
        (1, truth(36.0, 0.15, 0.08, 42.0, 7.0)),
        (2, truth(44.0, 0.08, 0.05, 42.0, 7.0)),
        (3, truth(30.0, 0.20, 0.06, 42.0, 7.0)),
    ] {
        let doc = athlete(&model, 4 * 365, 0.3, seed);
        let races = personal::performances(&doc.history);
        assert!(races.len() >= 30, "{} races", races.len());
        // Fit on the first 20 races, forecast the rest from the training done.
        let cutoff = races[19].date;
        let fit = personal::fit(&until(&doc, cutoff), FitOptions::default()).expect("fit");
        let (mut model_error, mut naive_error) = (0.0, 0.0);
        for pair in races[19..].windows(2) {
            let (previous, race) = (pair[0], pair[1]);
            let p = personal::predict(&doc, race.date, Some(&fit)).expect("prediction");
            model_error += (p.vdot - race.vdot).abs();
            naive_error += (previous.vdot - race.vdot).abs();
        }
        assert!(
            model_error < 0.8 * naive_error,
            "seed {seed}: model {model_error:.2} vs previous race {naive_error:.2}"
        );
    }
}

#[test]
fn the_band_holds_most_unseen_races() {
    let model = truth(38.0, 0.12, 0.06, 42.0, 7.0);
    let doc = athlete(&model, 5 * 365, 0.5, 7);
    let races = personal::performances(&doc.history);
    let cutoff = races[15].date;
    let fit = personal::fit(&until(&doc, cutoff), FitOptions::default()).expect("fit");
    let later = &races[16..];
    let inside = later
        .iter()
        .filter(|r| {
            let p = personal::predict(&doc, r.date, Some(&fit)).expect("prediction");
            (p.vdot_low..=p.vdot_high).contains(&r.vdot)
        })
        .count();
    // An 80% band: most races inside, and not trivially all of them by being huge.
    assert!(
        inside * 10 >= later.len() * 6,
        "{inside} of {}",
        later.len()
    );
    let p = personal::predict(&doc, later[0].date, Some(&fit)).expect("prediction");
    assert!(p.vdot_high - p.vdot_low < 4.0, "{p:?}");
}

#[test]
fn fitted_time_constants_move_toward_the_truth_and_fit_better() {
    // The athlete's fitness builds and fades faster than the settings' 42 days say.
    let model = truth(36.0, 0.15, 0.09, 25.0, 12.0);
    let doc = until(&athlete(&model, 6 * 365, 0.15, 11), NaiveDate::MAX);
    let fixed = personal::fit(&doc, FitOptions::default()).expect("fit");
    let free = personal::fit(
        &doc,
        FitOptions {
            fit_time_constants: true,
        },
    )
    .expect("fit");
    assert!(free.rmse_vdot < fixed.rmse_vdot, "{free:?} vs {fixed:?}");
    let taus = free.model.taus;
    assert!(
        (taus.fitness_days - 25.0).abs() < (42.0 - 25.0) / 2.0,
        "{taus:?}"
    );
    assert!((21.0..=70.0).contains(&taus.fitness_days));
    assert!((3.0..=20.0).contains(&taus.fatigue_days));
}

#[test]
fn fewer_than_four_races_get_a_clear_message_and_population_predictions() {
    let model = truth(40.0, 0.1, 0.05, 42.0, 7.0);
    let doc = athlete(&model, 170, 0.0, 3);
    let races = personal::performances(&doc.history);
    assert_eq!(races.len(), 3);
    let err = personal::fit(&doc, FitOptions::default()).expect_err("too few");
    assert_eq!(
        err,
        FitError::TooFewPerformances {
            found: 3,
            needed: 4
        }
    );
    assert!(err.to_string().contains("at least 4"), "{err}");
    // The population model passes through the latest race on its morning.
    let last = races[2];
    let p = personal::predict(&doc, last.date, None).expect("prediction");
    assert!((p.vdot - last.vdot).abs() < 1e-6, "{p:?} {last:?}");
    assert!(matches!(p.basis, Basis::PopulationFromRace(r) if r == last));
    // Its band widens the further the training moves from the anchor's.
    let later = personal::predict(&doc, last.date + Days::new(120), None).expect("prediction");
    assert!(later.vdot_high - later.vdot_low > p.vdot_high - p.vdot_low);
}

#[test]
fn a_fit_with_few_races_stays_near_the_population_values() {
    let model = truth(40.0, 0.4, 0.0, 42.0, 7.0);
    let few = athlete(&model, 220, 0.3, 5);
    assert!(personal::performances(&few.history).len() < 6);
    let fit = personal::fit(&few, FitOptions::default()).expect("fit");
    use stride::science::banister::population::{K1, K2};
    // Five races cannot pull the gains far from the prior, four years of races can.
    assert!(
        (fit.model.k1 - K1).abs() < (0.4 - K1) / 2.0,
        "{:?}",
        fit.model
    );
    let many = athlete(&model, 4 * 365, 0.3, 5);
    let fit = personal::fit(&many, FitOptions::default()).expect("fit");
    assert!(
        (fit.model.k1 - 0.4).abs() < (0.4 - K1) / 2.0,
        "{:?}",
        fit.model
    );
    assert!(fit.model.k2 < K2, "{:?}", fit.model);
}

#[test]
fn the_vdot_from_history_is_the_best_recent_race() {
    let model = truth(40.0, 0.1, 0.05, 42.0, 7.0);
    let doc = athlete(&model, 400, 0.5, 9);
    let races = personal::performances(&doc.history);
    let last = races.last().expect("race").date;
    let best = personal::history_vdot(&doc.history, last).expect("vdot");
    let recent: Vec<_> = races
        .iter()
        .filter(|r| (last - r.date).num_days() <= 84)
        .collect();
    assert!(recent.len() >= 2);
    assert!(recent.iter().all(|r| r.vdot <= best.vdot));
    assert!(recent.iter().any(|r| r.vdot == best.vdot));
    assert!(personal::history_vdot(&doc.history, last + Days::new(85)).is_none());
}

#[test]
fn predictions_count_the_planned_training_after_the_history() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let doc = stride::storage::demo_document(today).expect("demo");
    let plan = doc.active_plan().expect("plan");
    let race = plan.goal.date;
    let with_plan = personal::predict(&doc, race, None).expect("prediction");
    let mut idle = doc.clone();
    idle.plans.clear();
    let without = personal::predict(&idle, race, None).expect("prediction");
    let daily = DailyLoads::of_document(&doc);
    assert!(daily.index(race) > 0);
    // Weeks of training ahead keep fitness up; stopping loses it.
    assert!(
        with_plan.vdot > without.vdot,
        "{with_plan:?} vs {without:?}"
    );
}

//! `stride fit`, `stride predict` and `stride plan --optimize`, run as a user would.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;
use stride::model::WorkoutKind;
use stride::science::paces::{race_time_s, vdot_from_race};

fn stride(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .output()
        .expect("run stride")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

fn demo() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-athlete.ron")
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", text(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("json")
}

/// `stride predict FILE --date DATE --format json`.
fn predict(path: &std::path::Path, date: &str) -> Value {
    let path = path.to_str().expect("p");
    json(&stride(&[
        "predict", path, "--date", date, "--format", "json",
    ]))
}

#[test]
fn fit_prints_the_model_and_every_race_of_the_history() {
    let path = demo();
    let v = json(&stride(&[
        "fit",
        path.to_str().expect("p"),
        "--format",
        "json",
    ]));
    let doc = stride::storage::load_document(&path).expect("demo");
    let races: Vec<(String, f64)> = doc
        .history
        .activities
        .iter()
        .filter_map(|a| match a.kind {
            WorkoutKind::Race { distance_m, .. } => Some((
                a.date().to_string(),
                vdot_from_race(distance_m, a.duration_s).expect("vdot"),
            )),
            _ => None,
        })
        .collect();
    assert!(races.len() >= 4);
    assert_eq!(v["performances"], races.len());
    let points = v["points"].as_array().expect("points");
    assert_eq!(points.len(), races.len());
    let mut squares = 0.0;
    for (p, (date, vdot)) in points.iter().zip(&races) {
        assert_eq!(p["date"], date.as_str());
        assert!((p["vdot"].as_f64().expect("vdot") - vdot).abs() < 0.01);
        let fitted = p["fitted"].as_f64().expect("fitted");
        squares += (fitted - vdot).powi(2);
    }
    let rmse = (squares / races.len() as f64).sqrt();
    assert!((v["rmse_vdot"].as_f64().expect("rmse") - rmse).abs() < 0.01);
    for key in ["k1", "k2", "p0"] {
        assert!(v[key].is_f64(), "{key}: {v}");
    }
    assert_eq!(v["tau_fitness_days"], 42.0);
    assert_eq!(v["tau_fatigue_days"], 7.0);
    assert!(v.get("recovery_days").is_some(), "{v}");
    // Fitting the time constants keeps them within their bounds.
    let free = json(&stride(&[
        "fit",
        path.to_str().expect("p"),
        "--fit-time-constants",
        "--format",
        "json",
    ]));
    let fitness = free["tau_fitness_days"].as_f64().expect("tau");
    let fatigue = free["tau_fatigue_days"].as_f64().expect("tau");
    assert!((21.0..=70.0).contains(&fitness) && (3.0..=20.0).contains(&fatigue));
    assert!(free["rmse_vdot"].as_f64() <= v["rmse_vdot"].as_f64());
}

#[test]
fn fit_with_too_few_races_says_how_many_it_needs() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("few.ron");
    let mut doc = stride::storage::load_document(&demo()).expect("demo");
    let mut kept = 0;
    doc.history.activities.retain(|a| {
        if a.kind.is_race() {
            kept += 1;
            kept <= 3
        } else {
            true
        }
    });
    std::fs::write(
        &path,
        stride::storage::document_to_string(&doc).expect("ron"),
    )
    .expect("write");
    let o = stride(&["fit", path.to_str().expect("p")]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("3 races") && err.contains("at least 4"),
        "{err}"
    );
    // Predictions still work, from population values.
    let o = stride(&["predict", path.to_str().expect("p"), "--date", "2027-02-14"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("population values"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn predict_prints_the_vdot_its_band_and_the_times_it_gives() {
    let path = demo();
    let v = predict(&path, "2027-02-14");
    assert_eq!(v["date"], "2027-02-14");
    let vdot = v["vdot"].as_f64().expect("vdot");
    let (low, high) = (
        v["vdot_low"].as_f64().expect("low"),
        v["vdot_high"].as_f64().expect("high"),
    );
    assert!(low < vdot && vdot < high, "{v}");
    assert!(v["form"].is_f64(), "{v}");
    for (key, metres) in [
        ("5k", 5000.0),
        ("10k", 10_000.0),
        ("half", 21_097.5),
        ("marathon", 42_195.0),
    ] {
        let t = v["predictions_s"][key].as_f64().expect("time");
        let expected = race_time_s(vdot, metres).expect("time");
        // The JSON's VDOT is rounded to 0.01.
        assert!(
            (t - expected).abs() / expected < 0.002,
            "{key}: {t} vs {expected}"
        );
    }
    let text_out = stride(&["predict", path.to_str().expect("p"), "--date", "2027-02-14"]);
    let shown = text(&text_out.stdout);
    assert!(
        shown.contains("80% band") && shown.contains("fitted to"),
        "{shown}"
    );
}

#[test]
fn a_plan_written_as_a_document_can_be_predicted_and_the_optimiser_says_what_it_chose() {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("plan.ron");
    let path = demo();
    let args = [
        "plan",
        "--profile",
        path.to_str().expect("p"),
        "--race",
        "half",
        "--race-date",
        "2027-04-18",
        "--start",
        "2026-12-07",
        "--format",
        "ron",
        "--out",
        out.to_str().expect("p"),
    ];
    let o = stride(&args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let standard = predict(&out, "2027-04-18");
    let mut optimised_args = args.to_vec();
    optimised_args.push("--optimize");
    let o = stride(&optimised_args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let note = text(&o.stderr);
    assert!(note.contains("optimised over"), "{note}");
    let best = predict(&out, "2027-04-18");
    assert!(
        best["vdot"].as_f64() >= standard["vdot"].as_f64(),
        "{best} vs {standard}"
    );
    let check = stride(&["check", out.to_str().expect("p"), "--today", "2026-12-01"]);
    let findings = text(&check.stdout);
    let rule_error = |line: &str| {
        let fields: Vec<&str> = line.split('\t').collect();
        fields.get(1) == Some(&"error")
            && fields.get(2).is_some_and(|r| {
                r.starts_with('R') && r.len() > 1 && r[1..].chars().all(|c| c.is_ascii_digit())
            })
    };
    assert!(!findings.lines().any(rule_error), "{findings}");
}

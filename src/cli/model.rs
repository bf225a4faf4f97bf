//! `stride fit` and `stride predict`: the runner's own model on the command line.
//!
//! `stride fit FILE.ron --format json` prints one object:
//! `{"k1", "k2", "p0", "tau_fitness_days", "tau_fatigue_days", "performances", "rmse_vdot",
//! "points": [{"date", "vdot", "fitted"}], "recovery_days"}`. `recovery_days` is `null`
//! until the check-ins after tough sessions give an estimate, else an object with an entry
//! per kind of session (`long_run`, `intervals`): `{"days", "sessions"}`, or `null` for a
//! kind with too few.
//!
//! `stride predict FILE.ron --date DATE --format json` prints
//! `{"date", "vdot", "vdot_low", "vdot_high", "form", "predictions_s": {"5k", "10k", "half",
//! "marathon"}}`: the 80% band of the VDOT, the race-morning form, and the predicted times
//! in seconds at the VDOT.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::model::{AthleteDocument, format_duration};
use crate::science::banister::{FitError, FitOptions};
use crate::science::personal::{self, PersonalFit, RacePrediction};
use crate::science::recovery_time::{PersonalRecovery, RecoveryEstimate, ToughKind};
use crate::storage;

fn round(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

fn load(file: &Path) -> Result<AthleteDocument, String> {
    storage::load_document(file).map_err(|e| e.to_string())
}

/// The `recovery_days` value of `stride fit`'s JSON: `null` without any estimate, else an
/// entry per kind, `{"days", "sessions"}` or `null`.
pub fn recovery_json(recovery: &PersonalRecovery) -> Value {
    if recovery.is_empty() {
        return Value::Null;
    }
    let entry = |e: Option<RecoveryEstimate>| {
        e.map_or(
            Value::Null,
            |e| json!({"days": e.days, "sessions": e.sessions}),
        )
    };
    json!({
        ToughKind::LongRun.name(): entry(recovery.long_run),
        ToughKind::Intervals.name(): entry(recovery.intervals),
    })
}

fn fit_json(fit: &PersonalFit, recovery: Value) -> Value {
    let m = &fit.model;
    let points: Vec<Value> = fit
        .points
        .iter()
        .map(|p| {
            json!({
                "date": p.performance.date.to_string(),
                "vdot": round(p.performance.vdot, 2),
                "fitted": round(p.fitted, 2),
            })
        })
        .collect();
    json!({
        "k1": round(m.k1, 5),
        "k2": round(m.k2, 5),
        "p0": round(m.p0, 3),
        "tau_fitness_days": round(m.taus.fitness_days, 2),
        "tau_fatigue_days": round(m.taus.fatigue_days, 2),
        "performances": fit.points.len(),
        "rmse_vdot": round(fit.rmse_vdot, 3),
        "points": points,
        "recovery_days": recovery,
    })
}

/// Runs `stride fit`.
///
/// # Errors
/// An unreadable document, or too few races (with what to do).
pub fn run_fit(
    file: &Path,
    options: FitOptions,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), String> {
    let doc = load(file)?;
    let fit = personal::fit(&doc, options).map_err(|e| match e {
        FitError::TooFewPerformances { .. } => format!(
            "{}: {e}. Add race results to the history (a race activity with its time); \
             until then `stride predict` uses population values",
            file.display()
        ),
        FitError::Degenerate => format!("{}: {e}", file.display()),
    })?;
    let recovery = PersonalRecovery::from_history(&doc.history);
    let text = if json {
        fit_json(&fit, recovery_json(&recovery)).to_string() + "\n"
    } else {
        fit_text(&fit, &recovery.sentences(), options)
    };
    out.write_all(text.as_bytes()).map_err(super::output_error)
}

fn fit_text(fit: &PersonalFit, recovery: &[String], options: FitOptions) -> String {
    let m = &fit.model;
    let taus = if options.fit_time_constants {
        "fitted"
    } else {
        "from the settings"
    };
    let mut text = format!(
        "model fitted to {} races: RMSE {:.2} VDOT\n\
         VDOT = {:.2} + {:.4} x fitness - {:.4} x fatigue\n\
         time constants ({taus}): fitness {:.1} days, fatigue {:.1} days\n\
         date\tdistance\ttime\tVDOT\tfitted\n",
        fit.points.len(),
        fit.rmse_vdot,
        m.p0,
        m.k1,
        m.k2,
        m.taus.fitness_days,
        m.taus.fatigue_days,
    );
    for p in &fit.points {
        let r = p.performance;
        text += &format!(
            "{}\t{:.1} km\t{}\t{:.1}\t{:.1}\n",
            r.date,
            r.distance_m / 1000.0,
            format_duration(r.time_s),
            r.vdot,
            p.fitted
        );
    }
    for sentence in recovery {
        text += &format!("recovery: {sentence}\n");
    }
    text
}

fn prediction_json(p: &RacePrediction) -> Value {
    let mut times = serde_json::Map::new();
    for (name, time, _, _) in p.times() {
        times.insert(name.to_owned(), json!(time.round()));
    }
    json!({
        "date": p.date.to_string(),
        "vdot": round(p.vdot, 2),
        "vdot_low": round(p.vdot_low, 2),
        "vdot_high": round(p.vdot_high, 2),
        "form": round(p.form, 1),
        "predictions_s": times,
    })
}

fn prediction_text(p: &RacePrediction) -> String {
    let mut text = format!(
        "{}: VDOT {:.1} (80% band {:.1} to {:.1}), race-morning form {:+.0}\n",
        p.date, p.vdot, p.vdot_low, p.vdot_high, p.form
    );
    for (name, time, slow, fast) in p.times() {
        text += &format!(
            "{name}\t{}\t({} to {})\n",
            format_duration(time),
            format_duration(fast),
            format_duration(slow)
        );
    }
    text += &format!("model: {}\n", p.basis.describe());
    text
}

/// The document's fit when its races allow one (the settings' time constants), else none.
pub fn fit_if_possible(doc: &AthleteDocument) -> Option<PersonalFit> {
    personal::fit(doc, FitOptions::default()).ok()
}

/// Runs `stride predict`.
///
/// # Errors
/// An unreadable document, or nothing to predict from.
pub fn run_predict(
    file: &Path,
    date: NaiveDate,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), String> {
    let doc = load(file)?;
    let fit = fit_if_possible(&doc);
    let p = personal::predict(&doc, date, fit.as_ref())
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let text = if json {
        prediction_json(&p).to_string() + "\n"
    } else {
        prediction_text(&p)
    };
    out.write_all(text.as_bytes()).map_err(super::output_error)
}

//! `stride load`: the day-by-day fitness, fatigue and form series, as CSV or JSON.
//!
//! CSV: header `date,load,fitness,fatigue,form,ramp,acwr,monotony,strain,projected`, one row
//! per day, numbers with two decimals, an empty cell where a value is undefined, and
//! `projected` `true` or `false`. JSON: an object with the model (`model`, `fitness_days`,
//! `fatigue_days`, `form`), the goal race's predicted morning form (`race`, or `null`) and
//! `days`, an array of objects with the CSV's columns as keys (`null` where undefined).

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Athlete, AthleteDocument, FormConvention, LoadMetric, LoadModel, Sex};
use crate::science::load::LoadContext;
use crate::science::pmc::{PmcParams, Start};
use crate::science::series::{LoadSeries, SeriesDay};
use crate::storage::{self, session_csv};

/// What `stride load` was asked for, already parsed.
pub struct LoadRequest<'a> {
    /// Athlete document or session CSV.
    pub input: &'a Path,
    /// Model settings (the document's, overridden by flags).
    pub model: Option<LoadModel>,
    /// Fitness time constant.
    pub fitness_days: Option<u32>,
    /// Fatigue time constant.
    pub fatigue_days: Option<u32>,
    /// Form convention.
    pub form: Option<FormConvention>,
    /// Starting fitness.
    pub start_fitness: Option<f64>,
    /// Starting fatigue.
    pub start_fatigue: Option<f64>,
    /// First day shown.
    pub from: Option<NaiveDate>,
    /// Last day shown.
    pub to: Option<NaiveDate>,
    /// The day that separates history from plan.
    pub today: NaiveDate,
    /// JSON instead of CSV.
    pub json: bool,
    /// For a CSV: resting heart rate, to compute heart-rate loads.
    pub resting_hr: Option<u16>,
    /// For a CSV: maximum heart rate.
    pub max_hr: Option<u16>,
    /// For a CSV: sex, for the heart-rate formula.
    pub sex: Option<Sex>,
    /// For a CSV: VDOT, to compute pace loads.
    pub vdot: Option<f64>,
}

fn is_csv(path: &Path, text: &str) -> bool {
    let by_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    by_name
        || text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with("date")
}

/// An athlete document holding the sessions of a CSV as history.
fn document_from_csv(text: &str, request: &LoadRequest<'_>) -> Result<AthleteDocument, String> {
    let path = request.input.display();
    let rows = session_csv::parse_sessions(text)
        .map_err(|e| format!("{path}:{}:{}: {}", e.line, e.column, e.message))?;
    let mut athlete = Athlete::example();
    athlete.sex = request.sex;
    athlete.vdot = request.vdot;
    athlete.recent_race = None;
    // Without both heart rates, heart-rate loads cannot be computed: leave no reserve.
    match (request.resting_hr, request.max_hr) {
        (Some(rest), Some(max)) if max > rest => {
            athlete.resting_hr_bpm = rest;
            athlete.max_hr_bpm = max;
        }
        (None, None) => {
            athlete.resting_hr_bpm = 0;
            athlete.max_hr_bpm = 0;
        }
        _ => return Err("give both --resting-hr and --max-hr (maximum above resting)".to_owned()),
    }
    let mut doc = AthleteDocument::new(athlete);
    let context = LoadContext::new(&doc.athlete, &doc.settings);
    for row in rows {
        // A heart rate or a distance the user gave must count: an estimate from the duration
        // would quietly ignore it.
        let a = &row.activity;
        let estimated = context
            .activity_load(a)
            .is_none_or(|l| l.metric == LoadMetric::Estimated);
        if estimated && (a.avg_hr_bpm.is_some() || a.distance_m.is_some() || a.duration_s <= 0.0) {
            return Err(format!(
                "{path}:{}:1: no load can be computed for this session: give load, or \
                 duration_min with rpe, avg_hr (and --resting-hr, --max-hr) or distance_km \
                 (and --vdot)",
                row.line
            ));
        }
        doc.history.activities.push(row.activity);
    }
    Ok(doc)
}

#[derive(Serialize)]
struct JsonOutput {
    model: &'static str,
    fitness_days: u32,
    fatigue_days: u32,
    form: &'static str,
    race: Option<JsonRace>,
    days: Vec<JsonDay>,
}

#[derive(Serialize)]
struct JsonRace {
    date: String,
    morning_form: f64,
}

#[derive(Serialize)]
struct JsonDay {
    date: String,
    load: f64,
    fitness: f64,
    fatigue: f64,
    form: f64,
    ramp: Option<f64>,
    acwr: Option<f64>,
    monotony: Option<f64>,
    strain: Option<f64>,
    projected: bool,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Runs `stride load`.
///
/// # Errors
/// A message naming the file (and line and column for CSV input).
pub fn run(request: &LoadRequest<'_>, out: &mut dyn Write) -> Result<(), String> {
    let path = request.input;
    let text = storage::read_text(path).map_err(|e| e.to_string())?;
    let (doc, today) = if is_csv(path, &text) {
        let doc = document_from_csv(&text, request)?;
        // Every row of a session file is history, whatever its date.
        let last = doc.history.last_date().unwrap_or(request.today);
        (doc, last.max(request.today))
    } else {
        let doc = storage::document_from_str(&text, path).map_err(|e| e.to_string())?;
        (doc, request.today)
    };
    let mut params = PmcParams::from_settings(&doc.settings);
    params.model = request.model.unwrap_or(params.model);
    params.fitness_days = request.fitness_days.unwrap_or(params.fitness_days);
    params.fatigue_days = request.fatigue_days.unwrap_or(params.fatigue_days);
    params.form = request.form.unwrap_or(params.form);
    // The flags keep the settings' range, as a document's values must.
    let flags = crate::model::Settings {
        start_fitness: request.start_fitness.unwrap_or(0.0),
        start_fatigue: request.start_fatigue.unwrap_or(0.0),
        ..crate::model::Settings::default()
    };
    if let Some(e) = flags.validate() {
        let reason = e
            .message
            .split_once(": ")
            .map_or(e.message.as_str(), |m| m.1);
        return Err(format!("--{}: {reason}", e.field.replace('_', "-")));
    }
    if request.start_fitness.is_some() || request.start_fatigue.is_some() {
        let (fitness, fatigue) = match params.start {
            Start::Given { fitness, fatigue } => (fitness, fatigue),
            Start::FirstWeeks => (0.0, 0.0),
        };
        params.start = Start::Given {
            fitness: request.start_fitness.unwrap_or(fitness),
            fatigue: request.start_fatigue.unwrap_or(fatigue),
        };
    }
    if params.fitness_days == 0 || params.fatigue_days == 0 {
        return Err("time constants must be at least 1 day".to_owned());
    }
    if let (Some(from), Some(to)) = (request.from, request.to)
        && from > to
    {
        return Err(format!("--from {from} is after --to {to}"));
    }
    let series = LoadSeries::from_document_in(&doc, today, &params, request.from, request.to);
    let days = series.days_between(request.from, request.to);
    let written = if request.json {
        write_json(out, &series, days, &params)
    } else {
        write_csv(out, days)
    };
    written.map_err(super::output_error)
}

fn write_csv(out: &mut dyn Write, days: &[SeriesDay]) -> std::io::Result<()> {
    writeln!(
        out,
        "date,load,fitness,fatigue,form,ramp,acwr,monotony,strain,projected"
    )?;
    let cell = |v: Option<f64>| v.map_or_else(String::new, |x| format!("{x:.2}"));
    for d in days {
        let v = &d.values;
        writeln!(
            out,
            "{},{:.2},{:.2},{:.2},{:.2},{},{},{},{},{}",
            d.date,
            v.load,
            v.fitness,
            v.fatigue,
            v.form,
            cell(v.ramp),
            cell(v.acwr),
            cell(v.monotony),
            cell(v.strain),
            d.projected
        )?;
    }
    Ok(())
}

fn write_json(
    out: &mut dyn Write,
    series: &LoadSeries,
    days: &[SeriesDay],
    params: &PmcParams,
) -> std::io::Result<()> {
    let race = series
        .race_day()
        .zip(series.race_morning_form())
        .map(|(date, form)| JsonRace {
            date: date.to_string(),
            morning_form: round2(form),
        });
    let output = JsonOutput {
        model: params.model.name(),
        fitness_days: params.fitness_days,
        fatigue_days: params.fatigue_days,
        form: params.form.name(),
        race,
        days: days
            .iter()
            .map(|d| JsonDay {
                date: d.date.to_string(),
                load: round2(d.values.load),
                fitness: round2(d.values.fitness),
                fatigue: round2(d.values.fatigue),
                form: round2(d.values.form),
                ramp: d.values.ramp.map(round2),
                acwr: d.values.acwr.map(round2),
                monotony: d.values.monotony.map(round2),
                strain: d.values.strain.map(round2),
                projected: d.projected,
            })
            .collect(),
    };
    let text = serde_json::to_string(&output).map_err(std::io::Error::other)?;
    writeln!(out, "{text}")
}

//! `stride paces`: VDOT, training paces and race predictions.

use std::io::Write;

use serde::Serialize;

use crate::model::{Conditions, Units, format_duration, format_pace, parse_duration};
use crate::science::conditions::Adjustment;
use crate::science::paces::{TrainingPaces, race_time_s, riegel_time_s, vdot_from_race};

/// The distances predicted, with their names in the output.
pub const PREDICTED: [(&str, &str, f64); 6] = [
    ("1500", "1500 m", 1500.0),
    ("mile", "Mile", 1609.344),
    ("5k", "5 km", 5000.0),
    ("10k", "10 km", 10_000.0),
    ("half", "Half marathon", 21_097.5),
    ("marathon", "Marathon", 42_195.0),
];

pub use crate::model::parse_distance;

/// The JSON document `stride paces --format json` prints.
#[derive(Debug, Serialize)]
struct PacesJson {
    vdot: f64,
    paces_s_per_km: PacesPerKm,
    predictions_s: Predictions,
    /// What the paces are adjusted for, when conditions were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    adjusted_for: Option<String>,
}

#[derive(Debug, Serialize)]
struct PacesPerKm {
    easy: [f64; 2],
    easy_typical: f64,
    marathon: f64,
    threshold: f64,
    interval: f64,
    repetition: f64,
}

#[derive(Debug, Serialize)]
struct Predictions {
    #[serde(rename = "1500")]
    m1500: f64,
    mile: f64,
    #[serde(rename = "5k")]
    k5: f64,
    #[serde(rename = "10k")]
    k10: f64,
    half: f64,
    marathon: f64,
}

fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Where the VDOT came from.
pub enum PacesInput {
    /// A race: distance text and time text.
    Race {
        /// Distance as typed.
        distance: String,
        /// Time as typed.
        time: String,
    },
    /// A VDOT number.
    Vdot(f64),
}

/// Runs `stride paces`.
///
/// # Errors
/// A message for a bad distance, time or VDOT.
pub fn run(
    input: PacesInput,
    units: Units,
    json: bool,
    conditions: &Conditions,
    out: &mut dyn Write,
) -> Result<(), String> {
    if let Some((field, message)) = conditions.problem() {
        let flag = match field {
            "temperature_c" => "--temperature-c",
            "dew_point_c" => "--dew-point-c",
            _ => "--altitude-m",
        };
        return Err(format!("{flag}: {message}"));
    }
    let adjustment = Adjustment::new(conditions, 0.0);
    let (vdot, race) = match input {
        PacesInput::Race { distance, time } => {
            let distance_m = parse_distance(&distance)?;
            let time_s = parse_duration(&time)?;
            let vdot = vdot_from_race(distance_m, time_s).map_err(|e| e.to_string())?;
            (vdot, Some((distance_m, time_s)))
        }
        PacesInput::Vdot(vdot) => (vdot, None),
    };
    let paces = adjustment.paces(&TrainingPaces::from_vdot(vdot).map_err(|e| e.to_string())?);
    let mut times = [0.0; PREDICTED.len()];
    for (slot, (_, _, d)) in times.iter_mut().zip(PREDICTED) {
        *slot = race_time_s(vdot, d).map_err(|e| e.to_string())?;
    }
    let written = if json {
        let doc = PacesJson {
            vdot: one_decimal(vdot),
            paces_s_per_km: PacesPerKm {
                easy: [
                    one_decimal(paces.easy_fast_s_per_km),
                    one_decimal(paces.easy_slow_s_per_km),
                ],
                easy_typical: one_decimal(paces.easy_typical_s_per_km),
                marathon: one_decimal(paces.marathon_s_per_km),
                threshold: one_decimal(paces.threshold_s_per_km),
                interval: one_decimal(paces.interval_s_per_km),
                repetition: one_decimal(paces.repetition_s_per_km),
            },
            predictions_s: Predictions {
                m1500: one_decimal(times[0]),
                mile: one_decimal(times[1]),
                k5: one_decimal(times[2]),
                k10: one_decimal(times[3]),
                half: one_decimal(times[4]),
                marathon: one_decimal(times[5]),
            },
            adjusted_for: adjustment.describe(),
        };
        let text = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
        writeln!(out, "{text}")
    } else {
        write_text(out, vdot, race, &paces, &times, units, &adjustment)
    };
    written.map_err(super::output_error)
}

fn write_text(
    out: &mut dyn Write,
    vdot: f64,
    race: Option<(f64, f64)>,
    p: &TrainingPaces,
    times: &[f64],
    units: Units,
    adjustment: &Adjustment,
) -> std::io::Result<()> {
    match race {
        Some((d, t)) => writeln!(
            out,
            "VDOT {vdot:.1} (from {} in {})",
            crate::model::format_distance(d, units),
            format_duration(t)
        )?,
        None => writeln!(out, "VDOT {vdot:.1}")?,
    }
    writeln!(out)?;
    writeln!(out, "Training paces (per {})", units.distance_label())?;
    if let Some(how) = adjustment.describe() {
        writeln!(out, "  adjusted for {how}")?;
    }
    let pace = |s: f64| format_pace(s, units);
    writeln!(
        out,
        "  Easy        {} - {}  (typical {})",
        pace(p.easy_fast_s_per_km),
        pace(p.easy_slow_s_per_km),
        pace(p.easy_typical_s_per_km)
    )?;
    writeln!(out, "  Marathon    {}", pace(p.marathon_s_per_km))?;
    writeln!(out, "  Threshold   {}", pace(p.threshold_s_per_km))?;
    writeln!(out, "  Interval    {}", pace(p.interval_s_per_km))?;
    writeln!(out, "  Repetition  {}", pace(p.repetition_s_per_km))?;
    writeln!(out)?;
    match race {
        Some(_) => writeln!(out, "Race predictions   Daniels    Riegel")?,
        None => writeln!(out, "Race predictions   Daniels")?,
    }
    if !adjustment.is_none() {
        writeln!(
            out,
            "  (in the cool at sea level; the conditions slow them too)"
        )?;
    }
    for ((_, name, d), t) in PREDICTED.iter().zip(times) {
        let daniels = format_duration(*t);
        match race {
            Some((rd, rt)) => writeln!(
                out,
                "  {name:<16} {daniels:>8}  {:>8}",
                format_duration(riegel_time_s(rd, rt, *d))
            )?,
            None => writeln!(out, "  {name:<16} {daniels:>8}")?,
        }
    }
    Ok(())
}

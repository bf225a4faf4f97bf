//! Plans as CSV: `date,kind,intensity,duration_min,distance_km,load,title`, one row per
//! workout; days without a row are rest days.
//!
//! Kinds and intensities are Stride's lower-case words (`easy`, `long`, `tempo`, ...,
//! `cross_training`, `race`; `rest` ... `race`). The load column is the planned load; it is
//! written for people and other tools and ignored on reading, where it is recomputed.
//!
//! ```
//! use stride::storage::plan_csv::{read_plan, write_plan};
//! let text = "date,kind,intensity,duration_min,distance_km,load,title\n\
//!             2027-03-02,tempo,hard,50.0,10.00,70.0,Tempo\n\
//!             2027-03-07,race,race,45.0,10.00,95.0,City 10K\n";
//! let plan = read_plan(text).unwrap();
//! assert_eq!(plan.workouts.len(), 2);
//! assert_eq!(plan.goal.distance_m, 10_000.0);
//! ```

use chrono::NaiveDate;

use super::session_csv::CsvError;
use crate::model::{
    CrossActivity, GoalRace, Intensity, Plan, RacePriority, Workout, WorkoutId, WorkoutKind,
};
use crate::science::load::LoadContext;

/// The header of a plan CSV.
pub const HEADER: &str = "date,kind,intensity,duration_min,distance_km,load,title";

/// The word for a kind in plan CSVs.
pub fn kind_name(kind: &WorkoutKind) -> &'static str {
    match kind {
        WorkoutKind::Rest => "rest",
        WorkoutKind::Recovery => "recovery",
        WorkoutKind::Easy => "easy",
        WorkoutKind::Long => "long",
        WorkoutKind::Tempo => "tempo",
        WorkoutKind::Intervals => "intervals",
        WorkoutKind::Hills => "hills",
        WorkoutKind::RacePace => "race_pace",
        WorkoutKind::Fartlek => "fartlek",
        WorkoutKind::CrossTraining { .. } => "cross_training",
        WorkoutKind::Race { .. } => "race",
    }
}

/// The word for an intensity class.
pub fn intensity_name(intensity: Intensity) -> &'static str {
    match intensity {
        Intensity::Rest => "rest",
        Intensity::Recovery => "recovery",
        Intensity::Easy => "easy",
        Intensity::Moderate => "moderate",
        Intensity::Hard => "hard",
        Intensity::Race => "race",
    }
}

fn parse_intensity(word: &str) -> Result<Intensity, String> {
    Ok(match word.trim().to_ascii_lowercase().as_str() {
        "rest" => Intensity::Rest,
        "recovery" => Intensity::Recovery,
        "easy" => Intensity::Easy,
        "moderate" => Intensity::Moderate,
        "hard" => Intensity::Hard,
        "race" => Intensity::Race,
        other => {
            return Err(format!(
                "unknown intensity '{other}'; use rest, recovery, easy, moderate, hard or race"
            ));
        }
    })
}

/// Writes a plan as CSV (rest days left out), with planned loads from `context`.
pub fn write_plan(plan: &Plan, context: &LoadContext) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let mut rows: Vec<&Workout> = plan
        .workouts
        .iter()
        .filter(|w| !matches!(w.kind, WorkoutKind::Rest))
        .collect();
    rows.sort_by_key(|w| w.date);
    // Writing into memory cannot fail.
    let _ = writer.write_record(HEADER.split(','));
    for w in rows {
        let duration = w
            .planned_duration_s
            .unwrap_or_else(|| context.planned_duration_s(w));
        let _ = writer.write_record([
            w.date.to_string(),
            kind_name(&w.kind).to_owned(),
            intensity_name(w.intensity()).to_owned(),
            format!("{:.1}", duration / 60.0),
            w.planned_distance_m
                .map_or_else(String::new, |d| format!("{:.2}", d / 1000.0)),
            format!("{:.1}", context.planned_load(w)),
            spreadsheet_text(&w.display_title()),
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The characters that make a spreadsheet read a cell as a formula when they start it.
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

/// Text made safe for a spreadsheet cell: control characters (NUL, BEL, line breaks ...)
/// become spaces, and a leading `=`, `+`, `-` or `@` gets an apostrophe before it, which
/// spreadsheets take as "this is text" (OWASP's advice against CSV formula injection).
/// [`read_plan`] takes the apostrophe off again.
///
/// ```
/// use stride::storage::plan_csv::spreadsheet_text;
/// assert_eq!(spreadsheet_text("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
/// assert_eq!(spreadsheet_text("Tempo\u{7} 3 km"), "Tempo  3 km");
/// assert_eq!(spreadsheet_text("Easy 8 km"), "Easy 8 km");
/// ```
pub fn spreadsheet_text(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.starts_with(FORMULA_STARTS) {
        format!("'{clean}")
    } else {
        clean
    }
}

/// A cell written by [`spreadsheet_text`], as it was before.
fn from_spreadsheet_text(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// Reads a plan CSV. The plan starts on its first row's date; its goal race is the last row
/// of kind `race` (without one, the goal is a 10 km race the day after the last row).
///
/// # Errors
/// A [`CsvError`] with line and column for a bad header, date, kind, intensity or number.
pub fn read_plan(text: &str) -> Result<Plan, CsvError> {
    let (mut reader, headers) = super::session_csv::open(text)?;
    let at = CsvError::at;
    let expected: Vec<&str> = HEADER.split(',').collect();
    for (i, name) in expected.iter().enumerate() {
        if headers.get(i).map(str::to_ascii_lowercase).as_deref() != Some(*name) {
            return Err(at(1, i + 1, format!("the header must be {HEADER}")));
        }
    }
    let mut workouts = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| CsvError::of_row(&e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |i: usize| record.get(i).unwrap_or("");
        let date = NaiveDate::parse_from_str(field(0), "%Y-%m-%d").map_err(|_| {
            at(
                line,
                1,
                format!("'{}' is not a date (YYYY-MM-DD)", field(0)),
            )
        })?;
        let number = |i: usize, name: &str| -> Result<Option<f64>, CsvError> {
            let t = field(i);
            if t.is_empty() {
                return Ok(None);
            }
            match t.parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
                _ => Err(at(
                    line,
                    i + 1,
                    format!("{name} '{t}' is not a non-negative number"),
                )),
            }
        };
        let duration = number(3, "duration_min")?;
        let distance = number(4, "distance_km")?;
        let kind = match field(1).to_ascii_lowercase().as_str() {
            "cross_training" => WorkoutKind::CrossTraining {
                activity: CrossActivity::Other("cross-training".to_owned()),
            },
            "race" => WorkoutKind::race(distance.unwrap_or(10.0) * 1000.0, RacePriority::A),
            word => super::session_csv::parse_kind(word).map_err(|m| at(line, 2, m))?,
        };
        let intensity = parse_intensity(field(2)).map_err(|m| at(line, 3, m))?;
        let mut w = Workout::new(WorkoutId(n as u64 + 1), date, kind);
        if intensity != w.kind.default_intensity() {
            w.intensity_override = Some(intensity);
        }
        w.planned_duration_s = duration.map(|m| m * 60.0);
        w.planned_distance_m = distance.map(|km| km * 1000.0);
        w.title = from_spreadsheet_text(field(6)).to_owned();
        workouts.push(w);
    }
    let Some(first) = workouts.iter().map(|w| w.date).min() else {
        return Err(at(2, 1, "the file has no workouts".to_owned()));
    };
    let last = workouts.iter().map(|w| w.date).max().unwrap_or(first);
    let goal = workouts
        .iter()
        .rev()
        .find_map(|w| match w.kind {
            WorkoutKind::Race { distance_m, .. } => Some(GoalRace {
                name: w.title.clone(),
                distance_m,
                date: w.date,
                goal_time_s: None,
            }),
            _ => None,
        })
        .unwrap_or(GoalRace {
            name: String::new(),
            distance_m: 10_000.0,
            date: last.succ_opt().unwrap_or(last),
            goal_time_s: None,
        });
    Ok(Plan {
        name: "Plan from CSV".to_owned(),
        goal,
        start_date: first,
        phases: Vec::new(),
        workouts,
        notes: Vec::new(),
        days_off: Vec::new(),
    })
}

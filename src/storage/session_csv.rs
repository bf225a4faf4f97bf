//! Sessions from a CSV file: one row per session, columns named in the header.
//!
//! The header names any of `date,kind,duration_min,distance_km,rpe,avg_hr,load,title`, in any
//! order; `date` is required. Dates are `YYYY-MM-DD`, optionally with a time
//! (`YYYY-MM-DD HH:MM[:SS]` or with `T`). Kinds are Stride's words (`easy`, `tempo`, ...,
//! `cycling`, `swimming`), empty meaning `easy`. A row's `load`, when given, is an explicit
//! load. Every error names the line and column.
//!
//! ```
//! use stride::storage::session_csv::parse_sessions;
//! let text = "date,kind,duration_min,rpe\n2027-03-01,easy,45,3\n2027-03-02,tempo,50,7\n";
//! let rows = parse_sessions(text).unwrap();
//! assert_eq!(rows.len(), 2);
//! assert_eq!(rows[1].activity.duration_s, 3000.0);
//! assert_eq!(rows[1].line, 3);
//! ```

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::model::{Activity, CrossActivity, Load, LoadMetric, RacePriority, WorkoutKind};

/// The columns a session CSV may have.
pub const COLUMNS: [&str; 8] = [
    "date",
    "kind",
    "duration_min",
    "distance_km",
    "rpe",
    "avg_hr",
    "load",
    "title",
];

/// A problem in a CSV file (sessions, plans or wellness), with its place.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct CsvError {
    /// Line, from 1 (the header is line 1).
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// What is wrong and what is accepted.
    pub message: String,
}

impl CsvError {
    /// An error at a place.
    pub(crate) fn at(line: usize, column: usize, message: String) -> Self {
        CsvError {
            line,
            column,
            message,
        }
    }

    /// The error of a row the CSV reader could not read, with its line.
    pub(crate) fn of_row(e: &csv::Error) -> Self {
        let line = e.position().map_or(0, |p| p.line() as usize);
        let message = match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => format!("the row has {len} fields, the header {expected_len}"),
            _ => e.to_string(),
        };
        CsvError::at(line, 1, message)
    }
}

/// Opens CSV text (a leading byte-order mark skipped, fields trimmed) and reads its header.
///
/// # Errors
/// A [`CsvError`] on line 1 when the header cannot be read.
pub(crate) fn open(text: &str) -> Result<(csv::Reader<&[u8]>, csv::StringRecord), CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| CsvError::at(1, 1, format!("the header cannot be read: {e}")))?
        .clone();
    Ok((reader, headers))
}

/// Where each of `columns` is in `headers` (matched case-insensitively), for a CSV whose
/// column `required` must be there. An unknown column is an error listing the columns after
/// `listing` ("columns are"); so are a repeated column and a missing required one.
///
/// # Errors
/// A [`CsvError`] on line 1 at the offending column.
pub(crate) fn column_index<const N: usize>(
    headers: &csv::StringRecord,
    columns: &[&str; N],
    listing: &str,
    required: usize,
) -> Result<[Option<usize>; N], CsvError> {
    let at = CsvError::at;
    let mut index = [None; N];
    for (i, name) in headers.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        let Some(c) = columns.iter().position(|known| *known == name) else {
            return Err(at(
                1,
                i + 1,
                format!("unknown column '{name}'; {listing} {}", columns.join(",")),
            ));
        };
        if index[c].is_some() {
            return Err(at(1, i + 1, format!("column '{name}' appears twice")));
        }
        index[c] = Some(i);
    }
    if index[required].is_none() {
        return Err(at(
            1,
            1,
            format!(
                "the header has no '{}' column, which is required",
                columns[required]
            ),
        ));
    }
    Ok(index)
}

/// One parsed row and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionRow {
    /// Line in the file, from 1.
    pub line: usize,
    /// The session as a history activity.
    pub activity: Activity,
}

/// Parses a kind word.
///
/// # Errors
/// A message listing the accepted words.
pub fn parse_kind(word: &str) -> Result<WorkoutKind, String> {
    let kind = match word
        .trim()
        .to_ascii_lowercase()
        .replace(['-', ' '], "_")
        .as_str()
    {
        "" | "easy" | "run" | "running" => WorkoutKind::Easy,
        "rest" => WorkoutKind::Rest,
        "recovery" => WorkoutKind::Recovery,
        "long" | "long_run" => WorkoutKind::Long,
        "tempo" | "threshold" => WorkoutKind::Tempo,
        "intervals" | "interval" => WorkoutKind::Intervals,
        "hills" => WorkoutKind::Hills,
        "race_pace" => WorkoutKind::RacePace,
        "fartlek" => WorkoutKind::Fartlek,
        "race" => WorkoutKind::race(0.0, RacePriority::A),
        "cycling" | "bike" | "ride" => cross(CrossActivity::Cycling),
        "swimming" | "swim" => cross(CrossActivity::Swimming),
        "rowing" => cross(CrossActivity::Rowing),
        "elliptical" => cross(CrossActivity::Elliptical),
        "strength" => cross(CrossActivity::Strength),
        "cross_training" => cross(CrossActivity::Other("cross-training".to_owned())),
        other => {
            return Err(format!(
                "unknown kind '{other}'; use one of rest, recovery, easy, long, tempo, \
                 intervals, hills, race_pace, fartlek, race, cycling, swimming, rowing, \
                 elliptical, strength, cross_training"
            ));
        }
    };
    Ok(kind)
}

fn cross(activity: CrossActivity) -> WorkoutKind {
    WorkoutKind::CrossTraining { activity }
}

fn parse_start(text: &str) -> Result<NaiveDateTime, String> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date.and_time(NaiveTime::MIN));
    }
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(time) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(time);
        }
    }
    Err(format!(
        "'{text}' is not a date; use YYYY-MM-DD (optionally with HH:MM)"
    ))
}

/// Parses the number in a cell, `None` when the cell is empty.
///
/// # Errors
/// A message naming the column `name` when the text is not a finite number within `range`.
pub(crate) fn parse_number(
    text: &str,
    name: &str,
    range: (f64, f64),
) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value: f64 = text
        .parse()
        .map_err(|_| format!("{name} '{text}' is not a number"))?;
    if !value.is_finite() {
        return Err(format!("{name} '{text}' is not a finite number"));
    }
    if value < range.0 || value > range.1 {
        return Err(format!(
            "{name} {text} is outside {} to {}",
            range.0, range.1
        ));
    }
    Ok(Some(value))
}

/// Parses a session CSV.
///
/// # Errors
/// The first [`CsvError`]: an unknown, repeated or missing column, a malformed row, or a
/// value that is not of its column's kind or range.
pub fn parse_sessions(text: &str) -> Result<Vec<SessionRow>, CsvError> {
    let (mut reader, headers) = open(text)?;
    let at = CsvError::at;
    let index = column_index(&headers, &COLUMNS, "columns are", 0)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CsvError::of_row(&e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |c: usize| index[c].and_then(|i| record.get(i)).unwrap_or("");
        let fail = |c: usize, message: String| at(line, index[c].map_or(1, |i| i + 1), message);
        let start = parse_start(field(0)).map_err(|m| fail(0, m))?;
        let kind = parse_kind(field(1)).map_err(|m| fail(1, m))?;
        let duration_min = parse_number(field(2), "duration_min", (0.0, 7.0 * 24.0 * 60.0))
            .map_err(|m| fail(2, m))?;
        let distance_km =
            parse_number(field(3), "distance_km", (0.0, 1000.0)).map_err(|m| fail(3, m))?;
        let rpe = parse_number(field(4), "rpe", (0.0, 10.0)).map_err(|m| fail(4, m))?;
        let avg_hr = parse_number(field(5), "avg_hr", (20.0, 250.0)).map_err(|m| fail(5, m))?;
        let load = parse_number(field(6), "load", (0.0, 10_000.0)).map_err(|m| fail(6, m))?;
        let kind = match kind {
            WorkoutKind::Race { priority, .. } => {
                WorkoutKind::race(distance_km.unwrap_or(0.0) * 1000.0, priority)
            }
            other => other,
        };
        rows.push(SessionRow {
            line,
            activity: Activity {
                start,
                kind,
                // A session CSV gives local times without a zone.
                instant: None,
                duration_s: duration_min.unwrap_or(0.0) * 60.0,
                moving_s: None,
                normalised_pace_s_per_km: None,
                distance_m: distance_km.map(|km| km * 1000.0),
                avg_hr_bpm: avg_hr.map(|h| h.round() as u16),
                max_hr_bpm: None,
                rpe,
                load: load.map(|value| Load {
                    value,
                    metric: LoadMetric::Explicit,
                }),
                source_file: None,
                planned_workout: None,
                notes: field(7).to_owned(),
            },
        });
    }
    Ok(rows)
}

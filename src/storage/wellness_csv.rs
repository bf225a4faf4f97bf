//! Wellness check-ins from a CSV file, as other apps export them: one row per day, columns
//! named in the header.
//!
//! The header names any of
//! `date,resting_hr,hrv,sleep_hours,sleep_quality,soreness,fatigue,stress,mood,motivation`, in
//! any order and in any case; `date` is required, the others may be left out. Dates are
//! `YYYY-MM-DD` in the years 1900-2200, and each day appears once. An empty cell means the value
//! was not recorded. The values:
//!
//! | column | value |
//! | --- | --- |
//! | `resting_hr` | resting heart rate on waking, a whole number of bpm, 20-250 |
//! | `hrv` | heart-rate variability (rMSSD), ms, 1-500 |
//! | `sleep_hours` | hours slept, 0-24 |
//! | `sleep_quality`, `mood`, `motivation` | whole numbers, 1 (worst) to 5 (best) |
//! | `soreness`, `fatigue`, `stress` | whole numbers, 1 (none) to 5 (severe) |
//!
//! A leading byte-order mark is skipped. Every error names the line, the column and the field.
//! [`csv_kind`] tells a wellness CSV from a session CSV ([`super::session_csv`]) by its header.
//!
//! ```
//! use stride::storage::wellness_csv::parse_wellness;
//! let text = "Date,Mood,HRV\n2027-03-01,4,62.5\n2027-03-02,,58\n";
//! let rows = parse_wellness(text).unwrap();
//! assert_eq!(rows.len(), 2);
//! assert_eq!(rows[0].entry.mood, Some(4));
//! assert_eq!(rows[1].entry.mood, None);
//! assert_eq!(rows[1].entry.hrv_ms, Some(58.0));
//! assert_eq!(rows[1].line, 3);
//! ```

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::session_csv::{self, CsvError, column_index, open, parse_number};
use crate::model::{DATE_YEARS, WellnessEntry};

/// The columns a wellness CSV may have.
pub const COLUMNS: [&str; 10] = [
    "date",
    "resting_hr",
    "hrv",
    "sleep_hours",
    "sleep_quality",
    "soreness",
    "fatigue",
    "stress",
    "mood",
    "motivation",
];

/// Positions in [`COLUMNS`].
const DATE: usize = 0;
const RESTING_HR: usize = 1;
const HRV: usize = 2;
const SLEEP_HOURS: usize = 3;
/// The 1-5 scales, from `sleep_quality` to `motivation`.
const SCALES: std::ops::RangeInclusive<usize> = 4..=9;

/// One parsed row and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct WellnessRow {
    /// Line in the file, from 1 (the header is line 1).
    pub line: usize,
    /// The day's check-in.
    pub entry: WellnessEntry,
}

/// What a CSV file holds, as its header tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvKind {
    /// Sessions: `date` and at least one other column of [`session_csv::COLUMNS`], and no
    /// wellness column.
    Sessions,
    /// Wellness check-ins: `date` and at least one other column of [`COLUMNS`], and no session
    /// column.
    Wellness,
}

/// Tells a session CSV from a wellness CSV by its header (names trimmed, in any case).
///
/// `None` when the header cannot be read, has no `date` column, has no other column of either
/// kind, or mixes session and wellness columns. Columns of neither kind do not count: the
/// kind's parser reports them.
///
/// ```
/// use stride::storage::wellness_csv::{CsvKind, csv_kind};
/// assert_eq!(csv_kind("date,hrv,mood\n"), Some(CsvKind::Wellness));
/// assert_eq!(csv_kind("date,kind,duration_min\n"), Some(CsvKind::Sessions));
/// assert_eq!(csv_kind("date,kind,mood\n"), None);
/// ```
pub fn csv_kind(text: &str) -> Option<CsvKind> {
    let (_, headers) = open(text).ok()?;
    let names: Vec<String> = headers
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    if !names.iter().any(|n| n == COLUMNS[DATE]) {
        return None;
    }
    let has_any = |columns: &[&str]| {
        names
            .iter()
            .any(|n| n != COLUMNS[DATE] && columns.contains(&n.as_str()))
    };
    match (has_any(&COLUMNS), has_any(&session_csv::COLUMNS)) {
        (true, false) => Some(CsvKind::Wellness),
        (false, true) => Some(CsvKind::Sessions),
        _ => None,
    }
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("date is empty; every row needs a day as YYYY-MM-DD".to_owned());
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("date '{text}' is not a date; use YYYY-MM-DD"))?;
    let (lo, hi) = DATE_YEARS;
    if !(lo..=hi).contains(&date.year()) {
        return Err(format!("date {text} is outside the years {lo}-{hi}"));
    }
    Ok(date)
}

/// A whole number within `range`, `None` for an empty cell.
fn parse_whole(text: &str, name: &str, range: (f64, f64)) -> Result<Option<f64>, String> {
    let value = parse_number(text, name, range)?;
    match value {
        Some(v) if v.fract() != 0.0 => Err(format!(
            "{name} {} is not a whole number; use {} to {}",
            text.trim(),
            range.0,
            range.1
        )),
        _ => Ok(value),
    }
}

/// Parses a wellness CSV.
///
/// # Errors
/// The first [`CsvError`]: an unknown, repeated or missing column, a malformed row, a value
/// that is not of its column's kind or range, or a day that appears twice.
pub fn parse_wellness(text: &str) -> Result<Vec<WellnessRow>, CsvError> {
    let (mut reader, headers) = open(text)?;
    let at = CsvError::at;
    let index = column_index(&headers, &COLUMNS, "a wellness CSV's columns are", DATE)?;
    let mut rows = Vec::new();
    let mut seen: HashMap<NaiveDate, usize> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| CsvError::of_row(&e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |c: usize| index[c].and_then(|i| record.get(i)).unwrap_or("");
        let fail = |c: usize, message: String| at(line, index[c].map_or(1, |i| i + 1), message);
        let date = parse_date(field(DATE)).map_err(|m| fail(DATE, m))?;
        if let Some(first) = seen.insert(date, line) {
            return Err(fail(
                DATE,
                format!(
                    "date {date} appears on line {first} and again on line {line}; give each day once"
                ),
            ));
        }
        let resting_hr = parse_whole(field(RESTING_HR), COLUMNS[RESTING_HR], (20.0, 250.0))
            .map_err(|m| fail(RESTING_HR, m))?;
        let hrv = parse_number(field(HRV), COLUMNS[HRV], (1.0, 500.0)).map_err(|m| fail(HRV, m))?;
        let sleep_hours = parse_number(field(SLEEP_HOURS), COLUMNS[SLEEP_HOURS], (0.0, 24.0))
            .map_err(|m| fail(SLEEP_HOURS, m))?;
        let mut scales = [None; 6];
        for (slot, c) in scales.iter_mut().zip(SCALES) {
            *slot = parse_whole(field(c), COLUMNS[c], (1.0, 5.0))
                .map_err(|m| fail(c, m))?
                .map(|v| v as u8);
        }
        let [sleep_quality, soreness, fatigue, stress, mood, motivation] = scales;
        rows.push(WellnessRow {
            line,
            entry: WellnessEntry {
                date,
                resting_hr_bpm: resting_hr.map(|v| v as u16),
                hrv_ms: hrv,
                sleep_hours,
                sleep_quality,
                soreness,
                fatigue,
                stress,
                mood,
                motivation,
            },
        });
    }
    Ok(rows)
}

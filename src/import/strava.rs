//! The `activities.csv` of Strava's bulk export (Settings > My Account > Download or Delete
//! Your Account > Request your archive), one row per activity.
//!
//! Its header repeats names: the first `Elapsed Time`, `Distance` and `Max Heart Rate` are
//! display values, the later ones the raw figures. The reader finds each column by its name and
//! the how-many-th time that name occurs, so exports with and without some columns (older ones
//! lack `Activity Private Note`, which shifts everything after it by one) read alike. In
//! today's layout the columns read are (counted from 1):
//!
//! | column | name | read as |
//! | --- | --- | --- |
//! | 2 | `Activity Date` | start, UTC, like `Sep 12, 2018, 3:02:23 PM` (or `2018-09-12 15:02:23`); becomes local time of this computer |
//! | 3 | `Activity Name` | notes |
//! | 4 | `Activity Type` | sport: `Run`, `Trail Run`, `Ride`, `Swim`, `Rowing`, `Elliptical`, `Weight Training`, ... ([`super::kind_for_sport`]) |
//! | 6 | `Elapsed Time` (1st) | elapsed seconds, when there is no second one |
//! | 8 | `Max Heart Rate` (1st) | highest heart rate, when there is no second one |
//! | 16 | `Elapsed Time` (2nd) | elapsed seconds |
//! | 17 | `Moving Time` | moving seconds |
//! | 18 | `Distance` (2nd) | metres |
//! | 31 | `Max Heart Rate` (2nd) | highest heart rate, bpm |
//! | 32 | `Average Heart Rate` | average heart rate, bpm |
//!
//! The first `Distance` (column 7) is in the unit the activity is shown in (kilometres,
//! miles, or metres for swims), so it is not used: an export without the second `Distance` has
//! no distances. Names are compared without case; a leading byte-order mark is skipped. Rows
//! may have fewer fields than the header (the missing ones are empty); empty rows are skipped.
//! A date that cannot be read or a duration or distance that is not a non-negative number is an
//! error naming its line and column; an implausible heart rate (outside 20-250) is dropped.

use super::{ImportError, Place, SourceFormat, Stamp, Summary};
use crate::model::Activity;
use crate::storage::session_csv::CsvError;

const FORMAT: SourceFormat = SourceFormat::StravaCsv;

/// The date formats of `Activity Date`.
const DATE_FORMATS: [&str; 4] = [
    "%b %d, %Y, %I:%M:%S %p",
    "%b %d, %Y %I:%M:%S %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
];

/// Whether a CSV header line is that of Strava's `activities.csv`: it starts with `Activity
/// ID` and names `Activity Date`.
pub fn is_header(line: &str) -> bool {
    let line = line.trim_start_matches('\u{feff}').trim_start();
    let lower = line.to_ascii_lowercase();
    let first = lower
        .split(',')
        .next()
        .unwrap_or_default()
        .trim_matches([' ', '"']);
    first == "activity id" && lower.contains("activity date")
}

/// The column of the `nth` (from 1) occurrence of `name` in the header, from 0.
fn column(headers: &csv::StringRecord, name: &str, nth: usize) -> Option<usize> {
    headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.trim().eq_ignore_ascii_case(name))
        .nth(nth.saturating_sub(1))
        .map(|(i, _)| i)
}

/// The columns the reader uses, from 0.
struct Columns {
    date: usize,
    name: Option<usize>,
    sport: Option<usize>,
    elapsed: usize,
    moving: Option<usize>,
    distance: Option<usize>,
    max_hr: Option<usize>,
    avg_hr: Option<usize>,
}

impl Columns {
    fn find(headers: &csv::StringRecord) -> Result<Columns, ImportError> {
        let missing = |name: &str| {
            ImportError::corrupt(
                FORMAT,
                Some(Place::LineColumn { line: 1, column: 1 }),
                format!(
                    "the header has no '{name}' column; is this the activities.csv of a Strava \
                     export?"
                ),
            )
        };
        let date = column(headers, "Activity Date", 1).ok_or_else(|| missing("Activity Date"))?;
        let elapsed = column(headers, "Elapsed Time", 2)
            .or_else(|| column(headers, "Elapsed Time", 1))
            .ok_or_else(|| missing("Elapsed Time"))?;
        Ok(Columns {
            date,
            name: column(headers, "Activity Name", 1),
            sport: column(headers, "Activity Type", 1),
            elapsed,
            moving: column(headers, "Moving Time", 1),
            distance: column(headers, "Distance", 2),
            max_hr: column(headers, "Max Heart Rate", 2)
                .or_else(|| column(headers, "Max Heart Rate", 1)),
            avg_hr: column(headers, "Average Heart Rate", 1),
        })
    }
}

/// Parses `Activity Date`, a UTC time.
fn parse_date(text: &str) -> Option<Stamp> {
    let text = text.trim();
    DATE_FORMATS
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(text, f).ok())
        .map(Stamp::from_utc)
}

/// Reads the activities of Strava's `activities.csv`.
///
/// # Errors
/// An [`ImportError`] naming the line and column of a header without the needed columns, a
/// malformed row, or a value that cannot be read.
pub fn parse(bytes: &[u8]) -> Result<Vec<Activity>, ImportError> {
    let text = super::utf8_text(bytes, FORMAT)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers = match records.next() {
        Some(Ok(headers)) => headers,
        Some(Err(e)) => return Err(ImportError::of_csv(FORMAT, CsvError::of_row(&e))),
        None => {
            return Err(ImportError::Empty {
                format: FORMAT,
                reason: "the file is empty".to_owned(),
            });
        }
    };
    let columns = Columns::find(&headers)?;
    let mut activities = Vec::new();
    for record in records {
        let record = record.map_err(|e| ImportError::of_csv(FORMAT, CsvError::of_row(&e)))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        let place = |column: usize| {
            Some(Place::LineColumn {
                line,
                column: column + 1,
            })
        };
        let field = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("");
        let number = |c: Option<usize>, what: &str, max: f64| -> Result<Option<f64>, ImportError> {
            let text = field(c);
            if text.is_empty() {
                return Ok(None);
            }
            let fail = |reason: String| ImportError::corrupt(FORMAT, place(c.unwrap_or(0)), reason);
            let value: f64 = text
                .parse()
                .map_err(|_| fail(format!("{what} '{text}' is not a number")))?;
            if !value.is_finite() || value < 0.0 {
                return Err(fail(format!("{what} {text} is not a number of 0 or more")));
            }
            if value > max {
                return Err(fail(format!(
                    "{what} {text} is over the {max} Stride accepts"
                )));
            }
            Ok(Some(value))
        };
        let date_text = field(Some(columns.date));
        let start = parse_date(date_text).ok_or_else(|| {
            ImportError::corrupt(
                FORMAT,
                place(columns.date),
                format!(
                    "Activity Date '{date_text}' is not a date; Strava writes dates like \
                     'Sep 12, 2018, 3:02:23 PM' (an export in another language is not read)"
                ),
            )
        })?;
        let elapsed = number(Some(columns.elapsed), "Elapsed Time", super::MAX_DURATION_S)?
            .ok_or_else(|| {
                ImportError::corrupt(
                    FORMAT,
                    place(columns.elapsed),
                    "Elapsed Time is empty; every activity needs one".to_owned(),
                )
            })?;
        let moving = number(columns.moving, "Moving Time", super::MAX_DURATION_S)?;
        let distance = number(columns.distance, "Distance", super::MAX_DISTANCE_M)?;
        let max_hr = number(columns.max_hr, "Max Heart Rate", f64::MAX)?;
        let avg_hr = number(columns.avg_hr, "Average Heart Rate", f64::MAX)?;
        let text_of = |c: Option<usize>| Some(field(c).to_owned()).filter(|s| !s.is_empty());
        let summary = Summary {
            start: Some(start.local),
            instant: start.instant(),
            sport: text_of(columns.sport),
            elapsed_s: elapsed,
            moving_s: moving,
            normalised_pace_s_per_km: None,
            distance_m: distance,
            avg_hr,
            max_hr,
            name: text_of(columns.name),
        };
        activities.push(summary.into_activity(FORMAT, place(columns.date))?);
    }
    Ok(activities)
}

//! What one file on its own holds, as an import reads it: activities (a FIT, GPX or TCX
//! recording, Strava's `activities.csv` or a session CSV) or wellness check-ins (a wellness
//! CSV, [`crate::storage::wellness_csv`]), told apart by content first and name second
//! ([`super::detect`]), and checked against the document's rules before anything of it is
//! merged.
//!
//! A CSV that is neither kind is refused with what its header lacks or mixes; a session CSV
//! with a header and no rows holds no activities, which is not an error.

use std::path::{Path, PathBuf};

use super::{ImportError, Place, SourceFormat, detect, extension, parse, read_bytes};
use crate::model::{Activity, Athlete, AthleteDocument, WellnessEntry};
use crate::storage::session_csv;
use crate::storage::wellness_csv::{self, CsvKind};

/// What a file holds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Contents {
    /// Activities, in the order of the file.
    Activities(Vec<Activity>),
    /// Check-ins, in the order of the file.
    Wellness(Vec<WellnessEntry>),
}

/// One file read by an import: where it is, the format its content was read as when that was
/// told, and what it holds or why it could not be imported.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The file; for a file in an archive, the archive joined with the member's name.
    pub path: PathBuf,
    /// The activity format [`detect`] told, if any (a wellness CSV has none).
    pub format: Option<SourceFormat>,
    /// What it holds.
    pub contents: Result<Contents, ImportError>,
}

impl Decoded {
    /// A file that holds activities, or why it could not be read.
    pub(crate) fn activities(
        path: PathBuf,
        activities: Result<Vec<Activity>, ImportError>,
    ) -> Self {
        Decoded {
            path,
            format: None,
            contents: activities.map(Contents::Activities),
        }
    }

    /// The file with its values checked against the document's rules (a race faster than
    /// anyone has run, say): nothing of a file that would make the document invalid is
    /// merged.
    pub(crate) fn checked(self) -> Self {
        Decoded {
            contents: self.contents.and_then(checked),
            ..self
        }
    }
}

/// Whether a format is a recording (or Strava's export) rather than a session CSV.
pub(crate) fn is_recording(format: SourceFormat) -> bool {
    format != SourceFormat::SessionCsv
}

/// Reads one file that is not packed: a recording or Strava's `activities.csv` by its format,
/// a CSV by its header (wellness or sessions). Each activity's `source_file` is the file's
/// name.
pub(crate) fn read_plain(path: &Path) -> Decoded {
    let bytes = match read_bytes(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Decoded {
                path: path.to_owned(),
                format: None,
                contents: Err(e),
            };
        }
    };
    let format = detect(&bytes, path);
    Decoded {
        path: path.to_owned(),
        format,
        contents: contents(path, format, &bytes),
    }
}

fn contents(
    path: &Path,
    format: Option<SourceFormat>,
    bytes: &[u8],
) -> Result<Contents, ImportError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if let Some(format) = format.filter(|f| is_recording(*f)) {
        return parse(format, bytes, &name).map(Contents::Activities);
    }
    // The CSV files, told apart by their header.
    let Ok(text) = std::str::from_utf8(bytes) else {
        if format.is_none() && !matches!(extension(path).as_str(), "csv" | "txt") {
            let reason = super::unsupported_reason(bytes, path);
            return Err(ImportError::Unsupported { reason });
        }
        return Err(not_utf8(bytes));
    };
    match wellness_csv::csv_kind(text) {
        Some(CsvKind::Wellness) => wellness_csv::parse_wellness(text)
            .map(|rows| Contents::Wellness(rows.into_iter().map(|row| row.entry).collect()))
            .map_err(|e| ImportError::Csv {
                place: Some(Place::LineColumn {
                    line: e.line,
                    column: e.column,
                }),
                reason: e.message,
            }),
        Some(CsvKind::Sessions) => match parse(SourceFormat::SessionCsv, bytes, &name) {
            Ok(activities) => Ok(Contents::Activities(activities)),
            // A header without rows adds nothing.
            Err(ImportError::Empty { .. }) => Ok(Contents::Activities(Vec::new())),
            Err(e) => Err(e),
        },
        None => Err(unknown_kind(text)),
    }
}

/// The contents if their values pass the document's checks.
fn checked(contents: Contents) -> Result<Contents, ImportError> {
    let mut doc = AthleteDocument::new(Athlete::example());
    match contents {
        Contents::Activities(activities) => {
            doc.history.activities = activities;
            doc.validate().map_err(invalid)?;
            Ok(Contents::Activities(doc.history.activities))
        }
        Contents::Wellness(entries) => {
            doc.history.wellness = entries;
            doc.validate().map_err(invalid)?;
            Ok(Contents::Wellness(doc.history.wellness))
        }
    }
}

fn invalid(e: crate::model::FieldError) -> ImportError {
    ImportError::Invalid { reason: e.message }
}

/// The error of a CSV file that is not UTF-8, at the first bad byte.
fn not_utf8(bytes: &[u8]) -> ImportError {
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    let (line, column) = crate::storage::line_column(bytes, valid);
    ImportError::Csv {
        place: Some(Place::LineColumn { line, column }),
        reason: "the file is not UTF-8 text; save it as a UTF-8 CSV".to_owned(),
    }
}

/// The error of a file that is neither a wellness nor a session CSV (nor anything else Stride
/// imports), saying why and what is expected.
fn unknown_kind(text: &str) -> ImportError {
    let expected = format!(
        "a wellness CSV's header has date and any of {}; a session CSV's has date and any of {}; \
         other files must be FIT, GPX or TCX recordings or Strava's activities.csv",
        wellness_csv::COLUMNS[1..].join(","),
        session_csv::COLUMNS[1..].join(",")
    );
    let fail = |place: Option<Place>, reason: String| ImportError::Csv { place, reason };
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return fail(None, format!("the file is empty; {expected}"));
    }
    let names: Vec<String> = match session_csv::open(text) {
        Ok((_, headers)) => headers
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect(),
        Err(e) => {
            let place = Place::LineColumn {
                line: e.line,
                column: e.column,
            };
            return fail(Some(place), format!("{}; {expected}", e.message));
        }
    };
    let of = |columns: &[&str]| -> Vec<&str> {
        names
            .iter()
            .map(String::as_str)
            .filter(|n| *n != "date" && columns.contains(n))
            .collect()
    };
    let (wellness, sessions) = (of(&wellness_csv::COLUMNS), of(&session_csv::COLUMNS));
    let header = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let other_delimiter = [';', '\t'].into_iter().find(|d| {
        !header.contains(',')
            && header
                .split(*d)
                .any(|c| c.trim().eq_ignore_ascii_case("date"))
    });
    let why = if let Some(d) = other_delimiter {
        let name = if d == ';' { "semicolons" } else { "tabs" };
        format!(
            "the columns are separated by {name}; Stride reads comma-separated files: export or \
             save the file with commas"
        )
    } else if !names.iter().any(|n| n == "date") {
        "the header has no 'date' column".to_owned()
    } else if !wellness.is_empty() && !sessions.is_empty() {
        format!(
            "the header mixes wellness columns ({}) and session columns ({}); import them as \
             two files",
            wellness.join(","),
            sessions.join(",")
        )
    } else {
        "the header names no wellness or session column besides date".to_owned()
    };
    fail(
        Some(Place::LineColumn { line: 1, column: 1 }),
        format!("this is neither a wellness nor a session CSV: {why}; {expected}"),
    )
}

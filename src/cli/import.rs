//! `stride import FILES... --into FILE.ron`: wellness check-ins and sessions from CSV files,
//! merged into an athlete document.
//!
//! Each file's header tells what it holds: a wellness CSV (a `date` column and any of
//! `resting_hr,hrv,sleep_hours,sleep_quality,soreness,fatigue,stress,mood,motivation`, see
//! [`crate::storage::wellness_csv`]) or a session CSV (a `date` column and any of
//! `kind,duration_min,distance_km,rpe,avg_hr,load,title`, see
//! [`crate::storage::session_csv`]). Wellness rows merge by day: each value a row has
//! overwrites the stored one, values it lacks keep theirs. Session rows become activities; one
//! that starts at most a minute from an activity already in the document (or imported just
//! before it) is taken for the same session and skipped.
//!
//! Standard output has one line per file imported, in the order given, then one line about the
//! document:
//!
//! ```text
//! wellness.csv: wellness 12 added, 3 updated, 0 unchanged
//! runs.csv: activities 20 added, 2 duplicates skipped
//! saved anna.ron
//! ```
//!
//! `FILE` is the path as given, and the words stay the same whatever the counts (`1 duplicates
//! skipped`), so other tools can read the lines. The last line is `saved FILE` when anything was
//! added or updated, and `unchanged FILE` when nothing was; the document is then not written at
//! all. Saving is atomic and keeps the
//! previous version as `FILE.bak`. A file that fails is reported on standard error as
//! `error: FILE:LINE:COLUMN: message` (or `error: FILE: message` when the problem has no place
//! in the file) and gets no line on standard output; the other files are still imported. The
//! exit code is 0 when every file was imported and 2 when any failed, or when the document
//! could not be read or saved (nothing is written then).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, TimeDelta};

use crate::model::{AthleteDocument, DATE_YEARS};
use crate::storage::session_csv::{self, CsvError};
use crate::storage::wellness_csv::{self, CsvKind};
use crate::storage::{self, MAX_DOCUMENT_BYTES};

/// Whether every file of a `stride import` was imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Every file was imported.
    AllImported,
    /// At least one file failed and was reported on standard error.
    SomeFailed,
}

/// What one file added to the document.
struct Imported {
    /// The file's output line after `FILE: `.
    summary: String,
    /// Whether the document changed.
    changed: bool,
}

/// Runs `stride import`: merges `files` into the document at `into`, reporting each file's
/// result on `out` and each failed file on `err`.
///
/// # Errors
/// A message naming the file when the document cannot be read or saved, or when the output
/// cannot be written.
pub fn run(
    files: &[PathBuf],
    into: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ImportOutcome, String> {
    let mut doc = storage::load_document(into).map_err(|e| e.to_string())?;
    let mut lines = Vec::with_capacity(files.len() + 1);
    let mut changed = false;
    let mut outcome = ImportOutcome::AllImported;
    for file in files {
        match import_file(&mut doc, file) {
            Ok(imported) => {
                changed |= imported.changed;
                lines.push(format!("{}: {}", file.display(), imported.summary));
            }
            Err(message) => {
                outcome = ImportOutcome::SomeFailed;
                // If standard error is gone there is nobody left to tell.
                let _ = writeln!(err, "error: {message}");
            }
        }
    }
    // The document is saved before anything is printed, so a reader that stops reading early
    // cannot leave it unsaved.
    if changed {
        storage::save_document(&doc, into).map_err(|e| e.to_string())?;
        lines.push(format!("saved {}", into.display()));
    } else {
        lines.push(format!("unchanged {}", into.display()));
    }
    for line in lines {
        writeln!(out, "{line}").map_err(super::output_error)?;
    }
    Ok(outcome)
}

/// Imports one file into `doc`; on any error `doc` is left as it was.
fn import_file(doc: &mut AthleteDocument, path: &Path) -> Result<Imported, String> {
    let text = read_text(path)?;
    let mut merged = doc.clone();
    let imported = match wellness_csv::csv_kind(&text) {
        Some(CsvKind::Wellness) => import_wellness(&mut merged, path, &text)?,
        Some(CsvKind::Sessions) => import_sessions(&mut merged, path, &text)?,
        None => return Err(unknown_kind(path, &text)),
    };
    merged.validate().map_err(|e| {
        format!(
            "{}: the imported values would make the document invalid: {}",
            path.display(),
            e.message
        )
    })?;
    *doc = merged;
    Ok(imported)
}

/// A CSV error as `FILE:LINE:COLUMN: message`.
fn located(path: &Path, e: &CsvError) -> String {
    format!("{}:{}:{}: {}", path.display(), e.line, e.column, e.message)
}

/// The text of a file to import.
fn read_text(path: &Path) -> Result<String, String> {
    let name = path.display();
    let unreadable = |e: std::io::Error| format!("{name}: could not read the file: {e}");
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(format!(
            "{name}: the file is {} MB, over the {} MB limit for imports; is it the right file?",
            size / (1024 * 1024),
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = storage::line_column(e.as_bytes(), e.utf8_error().valid_up_to());
        format!("{name}:{line}:{column}: the file is not UTF-8 text; save it as a UTF-8 CSV")
    })
}

fn import_wellness(doc: &mut AthleteDocument, path: &Path, text: &str) -> Result<Imported, String> {
    let rows = wellness_csv::parse_wellness(text).map_err(|e| located(path, &e))?;
    let merge = doc
        .history
        .merge_wellness(rows.into_iter().map(|row| row.entry));
    Ok(Imported {
        summary: format!(
            "wellness {} added, {} updated, {} unchanged",
            merge.added, merge.updated, merge.unchanged
        ),
        changed: merge.added + merge.updated > 0,
    })
}

fn import_sessions(doc: &mut AthleteDocument, path: &Path, text: &str) -> Result<Imported, String> {
    let rows = session_csv::parse_sessions(text).map_err(|e| located(path, &e))?;
    // The session reader takes any date; the document keeps to its years.
    let (lo, hi) = DATE_YEARS;
    if let Some(row) = rows
        .iter()
        .find(|row| !(lo..=hi).contains(&row.activity.start.year()))
    {
        return Err(format!(
            "{}:{}:{}: date {} is outside the years {lo}-{hi}",
            path.display(),
            row.line,
            date_column(text),
            row.activity.start.date()
        ));
    }
    let source = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    let activities = &mut doc.history.activities;
    let (mut added, mut duplicates) = (0, 0);
    for row in rows {
        let mut activity = row.activity;
        let same_session = activities
            .iter()
            .any(|a| (a.start - activity.start).abs() <= TimeDelta::minutes(1));
        if same_session {
            duplicates += 1;
            continue;
        }
        activity.source_file.clone_from(&source);
        let at = activities.partition_point(|a| a.start <= activity.start);
        activities.insert(at, activity);
        added += 1;
    }
    Ok(Imported {
        summary: format!("activities {added} added, {duplicates} duplicates skipped"),
        changed: added > 0,
    })
}

/// The column of `date` in a CSV's header, from 1 (1 when there is none).
fn date_column(text: &str) -> usize {
    session_csv::open(text)
        .ok()
        .and_then(|(_, headers)| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case("date"))
        })
        .map_or(1, |i| i + 1)
}

/// The error of a file that is neither a wellness nor a session CSV, saying why and what is
/// expected.
fn unknown_kind(path: &Path, text: &str) -> String {
    let expected = format!(
        "a wellness CSV's header has date and any of {}; a session CSV's has date and any of {}",
        wellness_csv::COLUMNS[1..].join(","),
        session_csv::COLUMNS[1..].join(",")
    );
    let name = path.display();
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return format!("{name}: the file is empty; {expected}");
    }
    let names: Vec<String> = match session_csv::open(text) {
        Ok((_, headers)) => headers
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect(),
        Err(e) => return format!("{name}:{}:{}: {}; {expected}", e.line, e.column, e.message),
    };
    let of = |columns: &[&str]| -> Vec<&str> {
        names
            .iter()
            .map(String::as_str)
            .filter(|n| *n != "date" && columns.contains(n))
            .collect()
    };
    let (wellness, sessions) = (of(&wellness_csv::COLUMNS), of(&session_csv::COLUMNS));
    let why = if !names.iter().any(|n| n == "date") {
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
    format!("{name}:1:1: this is neither a wellness nor a session CSV: {why}; {expected}")
}

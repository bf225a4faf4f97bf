//! `stride import FILES... --into FILE.ron`: wellness check-ins and sessions from CSV files, and
//! activities from FIT, GPX and TCX recordings and Strava's `activities.csv`, merged into an
//! athlete document.
//!
//! Each FILE is a file or a folder; a folder stands for the `.fit`, `.gpx`, `.tcx` and `.csv`
//! files in it (not in its subfolders), gzip-compressed ones (`.fit.gz`, ...) and zip archives,
//! in name order ([`crate::import::expand_paths`]). A gzip file is read as the file it holds,
//! and a zip archive (Strava's export as downloaded) as the recordings in it, each named
//! `ARCHIVE/MEMBER` in the output ([`crate::import::packed`]). A file's content tells what it
//! holds, its extension only when the content does not ([`crate::import::detect`]):
//!
//! - a wellness CSV (a `date` column and any of
//!   `resting_hr,hrv,sleep_hours,sleep_quality,soreness,fatigue,stress,mood,motivation`, see
//!   [`crate::storage::wellness_csv`]): rows merge by day, each value a row has overwriting the
//!   stored one, values it lacks keeping theirs;
//! - a session CSV (a `date` column and any of `kind,duration_min,distance_km,rpe,avg_hr,load,
//!   title`, see [`crate::storage::session_csv`]), a FIT, GPX or TCX recording, or Strava's
//!   `activities.csv` (see [`crate::import`]): each session becomes an activity; one that
//!   starts at most a minute from an activity already in the document (or imported just before
//!   it) is taken for the same session: it fills in what that activity lacks (heart rate,
//!   moving time, distance, ...; merged) or, adding nothing, is skipped
//!   ([`crate::import::fill_missing`]).
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
//! When FILES name a folder, an archive or any FIT, GPX, TCX or Strava file, or a duplicate was
//! merged, a summary line ends the output (imports of wellness and session CSVs alone that
//! merge nothing print exactly the lines above, as before). Merged duplicates are counted
//! there only, after the skipped ones:
//!
//! ```text
//! runs/morning.fit: activities 1 added, 0 duplicates skipped
//! runs/evening.gpx: activities 0 added, 1 duplicates skipped
//! runs/evening-hr.tcx: activities 0 added, 0 duplicates skipped
//! saved anna.ron
//! summary: 3 files imported, 1 failed, 1 activities added, 1 duplicates skipped, 1 merged
//! ```
//!
//! `FILE` is the path as given (for a folder's files, the folder joined with the name), and the
//! words stay the same whatever the counts (`1 duplicates skipped`), so other tools can read the
//! lines. The document line is `saved FILE` when anything was added, updated or merged, and
//! `unchanged FILE` when nothing was; the document is then not written at all. Saving is atomic
//! and keeps the previous version as `FILE.bak`. A file that fails is reported on standard
//! error as `error: FILE:LINE:COLUMN: message` for a place in a text file, `error: FILE: byte
//! N: message` for one in a FIT file, or `error: FILE: message` when the problem has no place
//! in the file, and gets no line on standard output; the other files are still imported. The
//! exit code is 0 when every file was imported and 2 when any failed, or when the document
//! could not be read or saved (nothing is written then).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::import::{self, ImportError, SourceFormat};
use crate::model::AthleteDocument;
use crate::storage::session_csv;
use crate::storage::wellness_csv::{self, CsvKind};
use crate::storage::{self};

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
    /// Activities added and left out as duplicates.
    activities: import::Merge,
}

/// Running totals for the summary line, and the lines so far.
#[derive(Default)]
struct Totals {
    imported: usize,
    failed: usize,
    added: usize,
    merged: usize,
    duplicates: usize,
    /// Whether the summary line is printed: a folder, an archive or a recording was among the
    /// files, or a duplicate was merged.
    summarize: bool,
    /// Whether the document changed.
    changed: bool,
    /// The lines of standard output so far.
    lines: Vec<String>,
}

impl Totals {
    /// Counts one file's result: its line, or its error on `err`.
    fn take(&mut self, file: &Path, result: Result<Imported, String>, err: &mut dyn Write) {
        match result {
            Ok(imported) => {
                self.changed |= imported.changed;
                self.imported += 1;
                self.added += imported.activities.added;
                self.merged += imported.activities.merged;
                self.duplicates += imported.activities.duplicates;
                self.summarize |= imported.activities.merged > 0;
                self.lines
                    .push(format!("{}: {}", file.display(), imported.summary));
            }
            Err(message) => {
                self.failed += 1;
                // If standard error is gone there is nobody left to tell.
                let _ = writeln!(err, "error: {message}");
            }
        }
    }
}

/// Runs `stride import`: merges `files` (files or folders) into the document at `into`,
/// reporting each file's result on `out` and each failed file on `err`.
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
    // Held until the document is written: a second import waits, then reads this one's result.
    let _lock = storage::lock_document(into).map_err(|e| e.to_string())?;
    let mut doc = storage::load_document(into).map_err(|e| e.to_string())?;
    let as_read = storage::disk_stamp(into);
    // Before reading anything: a read-only document is not to change.
    storage::check_replaceable(into).map_err(|e| e.to_string())?;
    let mut totals = Totals {
        summarize: files.iter().any(|f| f.is_dir()),
        ..Totals::default()
    };
    let files = import::expand_paths(files);
    for file in &files {
        if import::packed::packing(file) != import::packed::Packing::Plain {
            // A gzip file or an archive: each file in it on its own.
            totals.summarize = true;
            import::read_each(file, &mut |read| {
                let result =
                    read.activities
                        .map_err(|e| e.located(&read.path))
                        .and_then(|activities| {
                            checked(&mut doc, &read.path, |merged| {
                                Ok(merge_activities(merged, activities))
                            })
                        });
                totals.take(&read.path, result, err);
                true
            });
            continue;
        }
        let result = import_file(&mut doc, file, &mut totals.summarize);
        totals.take(file, result, err);
    }
    let mut lines = std::mem::take(&mut totals.lines);
    // The document is saved before anything is printed, so a reader that stops reading early
    // cannot leave it unsaved.
    if totals.changed {
        // A program that does not take the lock may still have written it meanwhile.
        if storage::disk_stamp(into) != as_read {
            return Err(storage::DocumentError::ChangedOnDisk {
                path: into.to_owned(),
            }
            .to_string());
        }
        storage::save_document(&doc, into).map_err(|e| e.to_string())?;
        lines.push(format!("saved {}", into.display()));
    } else {
        lines.push(format!("unchanged {}", into.display()));
    }
    if totals.summarize {
        lines.push(format!(
            "summary: {} files imported, {} failed, {} activities added, {} duplicates \
             skipped, {} merged",
            totals.imported, totals.failed, totals.added, totals.duplicates, totals.merged
        ));
    }
    for line in lines {
        writeln!(out, "{line}").map_err(super::output_error)?;
    }
    Ok(if totals.failed > 0 {
        ImportOutcome::SomeFailed
    } else {
        ImportOutcome::AllImported
    })
}

/// Whether a format is one of the recordings (or Strava's export) rather than a CSV of before.
fn is_recording(format: SourceFormat) -> bool {
    !matches!(format, SourceFormat::SessionCsv)
}

/// Imports one file into `doc`; on any error `doc` is left as it was. Sets `recording` when
/// the file is (or is named as) a recording or Strava's export.
fn import_file(
    doc: &mut AthleteDocument,
    path: &Path,
    recording: &mut bool,
) -> Result<Imported, String> {
    let named = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(named.as_str(), "fit" | "gpx" | "tcx") {
        *recording = true;
    }
    let bytes = import::read_bytes(path).map_err(|e| e.located(path))?;
    let format = import::detect(&bytes, path);
    if format.is_some_and(is_recording) {
        *recording = true;
    }
    checked(doc, path, |merged| match format {
        Some(format) if is_recording(format) => import_activities(merged, path, format, &bytes),
        _ => {
            // The CSV files of before, told apart by their header.
            let Ok(text) = std::str::from_utf8(&bytes) else {
                if format.is_none() && !matches!(named.as_str(), "csv" | "txt") {
                    let reason = import::unsupported_reason(&bytes, path);
                    return Err(ImportError::Unsupported { reason }.located(path));
                }
                return Err(not_utf8(path, &bytes));
            };
            match wellness_csv::csv_kind(text) {
                Some(CsvKind::Wellness) => import_wellness(merged, path, text),
                Some(CsvKind::Sessions) => {
                    import_activities(merged, path, SourceFormat::SessionCsv, &bytes)
                }
                None => Err(unknown_kind(path, text)),
            }
        }
    })
}

/// Applies `import` to a copy of `doc` and keeps it only when it succeeds and the document
/// stays valid; on any error `doc` is left as it was.
fn checked(
    doc: &mut AthleteDocument,
    path: &Path,
    import: impl FnOnce(&mut AthleteDocument) -> Result<Imported, String>,
) -> Result<Imported, String> {
    let mut merged = doc.clone();
    let imported = import(&mut merged)?;
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

/// The error of a CSV file that is not UTF-8, naming the first bad byte.
fn not_utf8(path: &Path, bytes: &[u8]) -> String {
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    let (line, column) = storage::line_column(bytes, valid);
    format!(
        "{}:{line}:{column}: the file is not UTF-8 text; save it as a UTF-8 CSV",
        path.display()
    )
}

fn import_wellness(doc: &mut AthleteDocument, path: &Path, text: &str) -> Result<Imported, String> {
    let rows = wellness_csv::parse_wellness(text)
        .map_err(|e| format!("{}:{}:{}: {}", path.display(), e.line, e.column, e.message))?;
    let merge = doc
        .history
        .merge_wellness(rows.into_iter().map(|row| row.entry));
    Ok(Imported {
        summary: format!(
            "wellness {} added, {} updated, {} unchanged",
            merge.added, merge.updated, merge.unchanged
        ),
        changed: merge.added + merge.updated > 0,
        activities: import::Merge::default(),
    })
}

/// Imports the activities of a session CSV, a recording or Strava's export.
fn import_activities(
    doc: &mut AthleteDocument,
    path: &Path,
    format: SourceFormat,
    bytes: &[u8],
) -> Result<Imported, String> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let activities = match import::parse(format, bytes, &name) {
        Ok(activities) => activities,
        // A session CSV with a header and no rows adds nothing, as it always did.
        Err(ImportError::Empty { .. }) if format == SourceFormat::SessionCsv => Vec::new(),
        Err(e) => return Err(e.located(path)),
    };
    Ok(merge_activities(doc, activities))
}

/// Merges activities into the history; the file's line counts those added and those skipped
/// (merged ones are counted in the summary line).
fn merge_activities(
    doc: &mut AthleteDocument,
    activities: Vec<crate::model::Activity>,
) -> Imported {
    let merge = import::merge_into(&mut doc.history, activities);
    Imported {
        summary: format!(
            "activities {} added, {} duplicates skipped",
            merge.added, merge.duplicates
        ),
        changed: merge.added + merge.merged > 0,
        activities: merge,
    }
}

/// The error of a file that is neither a wellness nor a session CSV (nor anything else Stride
/// imports), saying why and what is expected.
fn unknown_kind(path: &Path, text: &str) -> String {
    let expected = format!(
        "a wellness CSV's header has date and any of {}; a session CSV's has date and any of {}; \
         other files must be FIT, GPX or TCX recordings or Strava's activities.csv",
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
    format!("{name}:1:1: this is neither a wellness nor a session CSV: {why}; {expected}")
}

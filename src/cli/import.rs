//! `stride import FILES... --into FILE.ron`: wellness check-ins and sessions from CSV files, and
//! activities from FIT, GPX and TCX recordings and Strava's `activities.csv`, merged into an
//! athlete document.
//!
//! Each FILE is a file or a folder; a folder stands for the `.fit`, `.gpx`, `.tcx` and `.csv`
//! files in it (not in its subfolders), gzip-compressed ones (`.fit.gz`, ...) and zip archives,
//! in name order ([`crate::import::expand_paths`]), and every file is imported as the window
//! imports it ([`crate::import::import_files`]). A gzip file is read as the file it holds,
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

use crate::import::{self, FileCounts, SourceFormat};
use crate::storage;

/// Whether every file of a `stride import` was imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Every file was imported.
    AllImported,
    /// At least one file failed and was reported on standard error.
    SomeFailed,
}

/// Running totals for the summary line.
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
    /// Whether the document changes.
    changed: bool,
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
    // A gzip file or an archive: each file in it is one line.
    totals.summarize |= files
        .iter()
        .any(|f| import::packed::packing(f) != import::packed::Packing::Plain);
    let report = import::import_files(&files, &doc.history, &mut |_| true);
    let mut lines = Vec::with_capacity(report.files.len() + 2);
    for file in &report.files {
        totals.summarize |= is_recording(&file.file, file.format);
        match &file.result {
            Ok(FileCounts::Activities(merge)) => {
                totals.imported += 1;
                totals.added += merge.added;
                totals.merged += merge.merged;
                totals.duplicates += merge.duplicates;
                totals.summarize |= merge.merged > 0;
                totals.changed |= merge.added + merge.merged > 0;
                lines.push(format!(
                    "{}: activities {} added, {} duplicates skipped",
                    file.file.display(),
                    merge.added,
                    merge.duplicates
                ));
            }
            Ok(FileCounts::Wellness(merge)) => {
                totals.imported += 1;
                totals.changed |= merge.added + merge.updated > 0;
                lines.push(format!(
                    "{}: wellness {} added, {} updated, {} unchanged",
                    file.file.display(),
                    merge.added,
                    merge.updated,
                    merge.unchanged
                ));
            }
            Err(failed) => {
                totals.failed += 1;
                // If standard error is gone there is nobody left to tell.
                let _ = writeln!(err, "error: {}", failed.located);
            }
        }
    }
    // The document is saved before anything is printed, so a reader that stops reading early
    // cannot leave it unsaved.
    if totals.changed {
        report.additions().apply_to(&mut doc.history);
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

/// Whether a file is (or is named as) a recording or Strava's export rather than a CSV of
/// sessions or check-ins.
fn is_recording(file: &Path, format: Option<SourceFormat>) -> bool {
    let named = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(named.as_str(), "fit" | "gpx" | "tcx")
        || format.is_some_and(|f| f != SourceFormat::SessionCsv)
}

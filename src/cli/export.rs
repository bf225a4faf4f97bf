//! `stride export`: the active plan of a document as iCalendar, plan CSV, RON, FIT workouts
//! or printable HTML.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};

use crate::export::{ExportError, ExportFormat, export_plan};
use crate::storage;

/// Parses `--now`: an RFC 3339 time such as `2027-03-01T08:00:00Z`.
///
/// # Errors
/// A message showing the expected form.
pub fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("--now '{text}' is not a time like 2027-03-01T08:00:00Z"))
}

/// Runs `stride export`: loads `file`, writes its active plan in `format` to `out` (a folder
/// for FIT) and prints `wrote PATH` for each file written.
///
/// # Errors
/// A message naming the file for an unreadable document, a document without a plan, or a
/// file that cannot be written (exit code 2).
pub fn run(
    file: &Path,
    format: ExportFormat,
    out_path: &Path,
    now: DateTime<Utc>,
    out: &mut dyn Write,
) -> Result<(), String> {
    if storage::same_file(file, out_path) {
        return Err(format!(
            "{}: --out is the document being exported; choose another file (nothing was written)",
            out_path.display()
        ));
    }
    let doc = storage::load_document(file).map_err(|e| e.to_string())?;
    let written = export_plan(&doc, format, out_path, now).map_err(|e| match e {
        // These name the file they are about already.
        ExportError::Io { .. } | ExportError::Encode { .. } => e.to_string(),
        ExportError::NoPlan | ExportError::NoStructuredWorkouts => {
            format!("{}: {e}", file.display())
        }
    })?;
    for path in written {
        writeln!(out, "wrote {}", path.display()).map_err(super::output_error)?;
    }
    Ok(())
}

//! Reading and writing athlete documents as RON files.
//!
//! Files are pretty, human-editable RON with ISO dates. Loading never changes anything on disk
//! and reports problems with file, line and column. Saving is atomic: the new text goes to a
//! temporary file in the same folder, is flushed, and is renamed over the old file (the folder
//! is flushed too), and the previous version is kept next to it as `<name>.bak`.
//!
//! ```
//! use stride::model::{Athlete, AthleteDocument};
//! use stride::storage::{document_from_str, document_to_string};
//!
//! let doc = AthleteDocument::new(Athlete::example());
//! let text = document_to_string(&doc).unwrap();
//! assert!(text.contains("format_version: 1"));
//! let back = document_from_str(&text, "example.ron".as_ref()).unwrap();
//! assert_eq!(back, doc);
//! ```

pub mod chart_image;
mod demo;
mod error;
pub mod plan_csv;
pub mod recovery;
pub mod session_csv;
pub mod wellness_csv;

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use demo::{DEMO_ATHLETE_RON, demo_document};
pub use error::DocumentError;
pub use wellness_csv::{CsvKind, csv_kind};

use crate::model::{AthleteDocument, CURRENT_FORMAT_VERSION};

/// Largest document Stride opens, in bytes (256 MB).
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// The RON layout Stride writes: indented, no struct names, plain newlines.
fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ")
        .new_line("\n")
}

/// Writes a document as pretty RON text.
///
/// # Errors
/// Only if serde fails, which the model's types do not do.
pub fn document_to_string(doc: &AthleteDocument) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(doc, pretty_config())?;
    text.push('\n');
    Ok(text)
}

/// Reads just the version field, so a newer file is refused before its body is interpreted.
#[derive(Deserialize)]
#[serde(rename = "AthleteDocument")]
struct VersionProbe {
    /// 0 when the field is absent: no Stride file has version 0.
    #[serde(default)]
    format_version: u32,
}

fn parse_error(text: &str, path: &Path, error: &ron::error::SpannedError) -> DocumentError {
    let (line, column) = skip_blanks(text, error.span.start.line, error.span.start.col);
    let row = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let before: String = row.chars().take(column.saturating_sub(1)).collect();
    let at: String = row.chars().skip(column.saturating_sub(1)).collect();
    DocumentError::Parse {
        path: path.to_owned(),
        line,
        column,
        message: plain_message(&error.code, before.trim_end().chars().last(), &at),
    }
}

/// The value a parse error points into: the text up to the closing quote, comma or bracket.
fn value_at(at: &str) -> &str {
    let at = at.trim_start_matches('"');
    at.split(['"', ',', ')', ']']).next().unwrap_or(at)
}

/// The parser's message, in words for someone fixing the file by hand where the parser's own
/// words are about its internals. `before` is the last character before the place the error
/// points at, `at` the rest of that line.
fn plain_message(code: &ron::Error, before: Option<char>, at: &str) -> String {
    use ron::Error as E;
    let value = value_at(at);
    let has_time = value.contains('T');
    let date_only = value.len() == 10
        && value.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    match code {
        E::IntegerOutOfBounds if before == Some('-') || value.starts_with('-') => {
            "a negative number is not allowed here".to_owned()
        }
        E::Eof => "the file ends too early: is it cut off?".to_owned(),
        E::TrailingCharacters => {
            "there is more text after the end of the document (a stray bracket?)".to_owned()
        }
        E::ExceededRecursionLimit => {
            format!("brackets nest deeper than an athlete document can ({RECURSION_LIMIT} levels)")
        }
        E::IntegerOutOfBounds => "the number is too large for this field".to_owned(),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let within = outer
                .as_deref()
                .map_or_else(String::new, |o| format!(" in {o}"));
            let hint = closest_name(found, expected)
                .map_or_else(String::new, |name| format!("; did you mean `{name}`?"));
            format!(
                "unknown field `{found}`{within}{hint} (Stride would drop it on saving, so the \
                 file is refused; the fields here are {})",
                expected.join(", ")
            )
        }
        // Dates and weekdays are checked by chrono, whose messages name no format.
        E::Message(m) if m == "input is out of range" && has_time => {
            "not a real date and time (hours run 0-23, minutes and seconds 0-59, and the day \
             must exist in its month)"
                .to_owned()
        }
        E::Message(m) if m == "input is out of range" => {
            "not a real date (a day that does not exist in that month?)".to_owned()
        }
        E::Message(m) if m == "premature end of input" && date_only => {
            "this needs a time as well as the date: write it \"YYYY-MM-DDTHH:MM:SS\", like \
             \"2027-03-12T07:00:00\""
                .to_owned()
        }
        E::Message(m)
            if (m == "input contains invalid characters"
                || m == "premature end of input"
                || m == "input is not enough for unique date and time"
                || m == "trailing input")
                && has_time =>
        {
            "a date and time must be written \"YYYY-MM-DDTHH:MM:SS\", like \
             \"2027-03-12T07:00:00\""
                .to_owned()
        }
        E::Message(m)
            if m == "input contains invalid characters"
                || m == "premature end of input"
                || m == "input is not enough for unique date and time"
                || m == "trailing input" =>
        {
            "a date must be written \"YYYY-MM-DD\", like \"2027-03-12\"".to_owned()
        }
        other => other.to_string(),
    }
}

/// The name among `names` nearest to `typed`, if it is near enough to be a slip: at most
/// two edits (letters added, dropped, changed or swapped), and fewer than half its letters.
fn closest_name<'a>(typed: &str, names: &[&'a str]) -> Option<&'a str> {
    names
        .iter()
        .map(|name| (edit_distance(typed, name), *name))
        .filter(|(d, name)| *d <= 2 && 2 * d < name.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each count 1.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// How deep brackets may nest in a document (the parser's limit; the deepest real document
/// nests about eight levels).
pub const RECURSION_LIMIT: usize = 128;

/// The parser reports some errors at the blank before the offending value; a person fixing
/// the file wants the value itself. Moves a (line, column) position, both from 1, forward over
/// spaces and tabs on the same line, unless that reaches the end of the line.
fn skip_blanks(text: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
        return (line, column);
    };
    let rest = row.chars().skip(column.saturating_sub(1));
    let mut skipped = 0;
    for c in rest {
        if c == ' ' || c == '\t' {
            skipped += 1;
        } else {
            return (line, column + skipped);
        }
    }
    (line, column)
}

/// Parses a document from text; `path` is used only in messages.
///
/// # Errors
/// [`DocumentError::Empty`], [`DocumentError::Parse`] with line and column,
/// [`DocumentError::FutureVersion`], or [`DocumentError::Invalid`] when a value is out of range.
pub fn document_from_str(text: &str, path: &Path) -> Result<AthleteDocument, DocumentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DocumentError::Empty {
            path: path.to_owned(),
        });
    }
    // One parse for a good file; the version alone is read only when the whole document
    // does not parse, to tell a newer format from a broken file.
    let parsed: Result<AthleteDocument, _> = ron::from_str(text);
    let version = match &parsed {
        Ok(doc) => doc.format_version,
        Err(_) => {
            let probe: VersionProbe =
                ron::from_str(text).map_err(|e| parse_error(text, path, &e))?;
            probe.format_version
        }
    };
    if version == 0 {
        return Err(DocumentError::Invalid {
            path: path.to_owned(),
            message: "the field `format_version` is missing or 0; is this a Stride athlete \
                      document?"
                .to_owned(),
        });
    }
    if version > CURRENT_FORMAT_VERSION {
        return Err(DocumentError::FutureVersion {
            path: path.to_owned(),
            found: version,
            supported: CURRENT_FORMAT_VERSION,
        });
    }
    let doc = parsed.map_err(|e| parse_error(text, path, &e))?;
    let doc = migrate(doc, version).map_err(|message| DocumentError::Invalid {
        path: path.to_owned(),
        message,
    })?;
    doc.validate().map_err(|e| DocumentError::Invalid {
        path: path.to_owned(),
        message: e.message,
    })?;
    Ok(doc)
}

/// Brings a document read from an older format version up to [`CURRENT_FORMAT_VERSION`], one
/// version at a time. Version 1 is the first format, so today the chain is empty; each future
/// format change adds one step here and a test with a file of the old version.
///
/// # Errors
/// A message when the version is one no Stride ever wrote (0).
pub fn migrate(mut doc: AthleteDocument, from_version: u32) -> Result<AthleteDocument, String> {
    if from_version == 0 {
        return Err("format version 0 does not exist; the first Stride format is 1".to_owned());
    }
    // Steps from version v to v + 1 go here, in order: `if version < 2 { ... }`.
    doc.format_version = CURRENT_FORMAT_VERSION;
    Ok(doc)
}

/// Line and column (from 1) of a byte offset in a byte string.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, offset - line_start + 1)
}

/// Reads a text file Stride was given (a document, plan or session CSV) as untrusted input:
/// over [`MAX_DOCUMENT_BYTES`] it is refused before reading, and bytes that are not UTF-8 are
/// reported with the line and column of the first bad one.
///
/// # Errors
/// [`DocumentError::Io`], [`DocumentError::TooLarge`] or [`DocumentError::Encoding`].
pub fn read_text(path: &Path) -> Result<String, DocumentError> {
    let io = |source| DocumentError::Io {
        path: path.to_owned(),
        action: "read",
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge {
            path: path.to_owned(),
            size_mb: size / (1024 * 1024),
            limit_mb: MAX_DOCUMENT_BYTES / (1024 * 1024),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(e.as_bytes(), e.utf8_error().valid_up_to());
        DocumentError::Encoding {
            path: path.to_owned(),
            line,
            column,
        }
    })
}

/// Loads a document from a file. Nothing on disk changes, whatever happens.
///
/// # Errors
/// Any [`DocumentError`]; each names the file, and parse errors the line and column. When
/// the file is damaged ([`DocumentError::is_damage`]) and the copy saving keeps
/// ([`backup_path`]) is beside it, [`DocumentError::DamagedWithBackup`]: the message then
/// names the copy, says whether it loads, and what to do.
pub fn load_document(path: &Path) -> Result<AthleteDocument, DocumentError> {
    read_text(path)
        .and_then(|text| document_from_str(&text, path))
        .map_err(|e| with_backup(e, path))
}

/// `error` with the `.bak` beside the file named, when the file is damaged and there is one.
fn with_backup(error: DocumentError, path: &Path) -> DocumentError {
    let backup = backup_path(&write_target(path));
    if !error.is_damage() || !backup.is_file() {
        return error;
    }
    let backup_loads = read_text(&backup)
        .and_then(|text| document_from_str(&text, &backup))
        .is_ok();
    DocumentError::DamagedWithBackup {
        source: Box::new(error),
        backup,
        backup_loads,
    }
}

/// The path of the previous version kept by [`save_document`]: `anna.ron` -> `anna.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `<name>.bak` with the current file at `path`, atomically: the old file is linked
/// (or, where links are not supported, copied and flushed) to a temporary name in the same
/// folder, then renamed over the backup. On failure the temporary file is removed and the old
/// backup stays as it was.
pub(crate) fn replace_backup(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(backup.file_name().unwrap_or_default());
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let _ = std::fs::remove_file(&temp);
    let result = std::fs::hard_link(path, &temp)
        .or_else(|_| {
            std::fs::copy(path, &temp)?;
            std::fs::File::open(&temp)?.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, &backup));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Whether two paths name one existing file (through links, `..` and the like).
///
/// ```
/// let dir = std::env::temp_dir();
/// assert!(stride::storage::same_file(&dir, &dir.join(".")));
/// assert!(!stride::storage::same_file(&dir, &dir.join("no such file here")));
/// ```
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The file a write to `path` must replace: `path` itself, or for a symbolic link the file it
/// points to (through any chain of links, also when that file does not exist yet), so that
/// saving through a link updates the linked file, keeps its permissions and keeps its `.bak`
/// a real file beside it, instead of replacing the link.
pub fn write_target(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return path.to_owned();
    }
    std::fs::canonicalize(path).unwrap_or_else(|_| match std::fs::read_link(path) {
        Ok(target) if target.is_absolute() => target,
        Ok(target) => path
            .parent()
            .map_or(target.clone(), |dir| dir.join(&target)),
        Err(_) => path.to_owned(),
    })
}

/// What a file on disk is: its length and modification time. Two stamps of one file that
/// differ mean something wrote it in between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// The stamp of the file a write to `path` would replace ([`write_target`]), if it exists.
pub fn disk_stamp(path: &Path) -> Option<DiskStamp> {
    let meta = std::fs::metadata(write_target(path)).ok()?;
    Some(DiskStamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// An exclusive lock on a document, held while it is read, changed and written, so two
/// writers (two `stride import` runs, or one and the window's save) take turns instead of one
/// losing the other's change. It is a lock on a hidden file beside the document,
/// `.<name>.lock` (the document itself is replaced on every save, so a lock on it would not
/// last); dropping the value releases it.
#[derive(Debug)]
pub struct DocumentLock {
    _file: std::fs::File,
}

/// Takes the lock of the document at `path`, waiting while another process holds it.
///
/// # Errors
/// [`DocumentError::Io`] when the lock file cannot be created or locked.
pub fn lock_document(path: &Path) -> Result<DocumentLock, DocumentError> {
    let target = write_target(path);
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(".lock");
    let lock_path = target.with_file_name(name);
    let io = |source| DocumentError::Io {
        path: lock_path.clone(),
        action: "lock",
        source,
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io)?;
    file.lock().map_err(io)?;
    Ok(DocumentLock { _file: file })
}

/// Refuses to let a save replace a read-only file (through a link, the linked file): replacing
/// by rename would get past its mode, which says it is not to change.
///
/// # Errors
/// [`DocumentError::ReadOnly`].
pub fn check_replaceable(path: &Path) -> Result<(), DocumentError> {
    let target = write_target(path);
    if std::fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) {
        return Err(DocumentError::ReadOnly { path: target });
    }
    Ok(())
}

/// Saves a document atomically, keeping the previous file as `<name>.bak`. Through a
/// symbolic link, the linked file is the one replaced ([`write_target`]).
///
/// If anything fails, the file at `path` is left exactly as it was.
///
/// # Errors
/// [`DocumentError::Io`] when the folder cannot be written; [`DocumentError::ReadOnly`] when
/// the file is read-only.
pub fn save_document(doc: &AthleteDocument, path: &Path) -> Result<(), DocumentError> {
    let path = &write_target(path);
    check_replaceable(path)?;
    let text = document_to_string(doc).map_err(|e| DocumentError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    let io = |source| DocumentError::Io {
        path: path.to_owned(),
        action: "write",
        source,
    };
    let mut file = atomic_write_file::AtomicWriteFile::open(path).map_err(io)?;
    file.write_all(text.as_bytes()).map_err(io)?;
    if path.exists() {
        // A failure here is about the backup, so the message names it.
        replace_backup(path).map_err(|source| DocumentError::Io {
            path: backup_path(path),
            action: "replace",
            source,
        })?;
    }
    file.commit().map_err(io)
}

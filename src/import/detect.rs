//! Which files to read and what they hold: the files of a folder ([`expand_paths`]), a file's
//! bytes within the size limit ([`read_bytes`]), and its format, told by its content first and
//! its extension second ([`detect`]).

use std::path::{Path, PathBuf};

use super::error::too_large;
use super::{ImportError, MAX_FILE_BYTES, SourceFormat, fit, packed, strava};
use crate::storage::wellness_csv::{self, CsvKind};

/// Reads a file's bytes, refusing files over [`MAX_FILE_BYTES`] before reading them.
///
/// # Errors
/// [`ImportError::Io`] when the file cannot be read (a folder, missing, no permission),
/// [`ImportError::TooLarge`] when it is over the limit.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let metadata = std::fs::metadata(path)?;
    if metadata.is_dir() {
        return Err(ImportError::Unsupported {
            reason: "this is a folder whose files could not be listed".to_owned(),
        });
    }
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    Ok(std::fs::read(path)?)
}

/// The file's extension in lower case, `""` when it has none.
pub(crate) fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// How many bytes from the start [`detect`] looks at for an XML root element.
const SNIFF_BYTES: usize = 4096;

/// How many bytes of a CSV header line [`detect`] looks at.
const SNIFF_HEADER_BYTES: usize = 64 * 1024;

/// Tells a file's format by its content first and its extension second; `None` when neither
/// tells one this module reads (a wellness CSV included: it holds check-ins, not activities).
///
/// By content: a FIT header (`.FIT` at bytes 8-11 after a 12- or 14-byte header size), an XML
/// root element `gpx` or `TrainingCenterDatabase` in the first 4 KB, a CSV header starting
/// with `Activity ID` and naming `Activity Date` (Strava), or a session CSV header. By
/// extension: `.fit`, `.gpx`, `.tcx`, and `.csv` for a session CSV. Gzip or zip content is
/// none of them, whatever the name ([`packed`] reads it).
///
/// ```
/// use stride::import::{SourceFormat, detect};
/// let gpx = b"\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<gpx version=\"1.1\"></gpx>";
/// assert_eq!(detect(gpx, "track.xml".as_ref()), Some(SourceFormat::Gpx));
/// assert_eq!(detect(b"date,kind\n", "x.txt".as_ref()), Some(SourceFormat::SessionCsv));
/// assert_eq!(detect(b"garbage", "run.fit".as_ref()), Some(SourceFormat::Fit));
/// assert_eq!(detect(b"date,mood\n", "wellness.csv".as_ref()), None);
/// ```
pub fn detect(bytes: &[u8], path: &Path) -> Option<SourceFormat> {
    if fit::has_header(bytes) {
        return Some(SourceFormat::Fit);
    }
    if packed::misnamed(bytes).is_some() {
        // Compressed content: whatever the name says, it is not read as it is.
        return None;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    let text = &text[start..];
    if text.first() == Some(&b'<') {
        let head = &text[..text.len().min(SNIFF_BYTES)];
        match xml_root(head) {
            Some(root) if root.eq_ignore_ascii_case(b"gpx") => return Some(SourceFormat::Gpx),
            Some(root) if root == b"TrainingCenterDatabase" => return Some(SourceFormat::Tcx),
            _ => {}
        }
    }
    let first_line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let header = String::from_utf8_lossy(&first_line[..first_line.len().min(SNIFF_HEADER_BYTES)]);
    let wellness = match wellness_csv::csv_kind(&header) {
        Some(CsvKind::Sessions) => return Some(SourceFormat::SessionCsv),
        Some(CsvKind::Wellness) => true,
        None => false,
    };
    if strava::is_header(&header) {
        return Some(SourceFormat::StravaCsv);
    }
    match extension(path).as_str() {
        "fit" => Some(SourceFormat::Fit),
        "gpx" => Some(SourceFormat::Gpx),
        "tcx" => Some(SourceFormat::Tcx),
        "csv" if !wellness => Some(SourceFormat::SessionCsv),
        _ => None,
    }
}

/// The local name of the first element of XML text (after the declaration, comments and a
/// document type), `None` when there is none in `head`.
fn xml_root(head: &[u8]) -> Option<&[u8]> {
    let mut rest = head;
    loop {
        let at = rest.iter().position(|&b| b == b'<')?;
        rest = rest.get(at + 1..)?;
        match rest.first()? {
            b'?' | b'!' => {
                let end = rest.iter().position(|&b| b == b'>')?;
                rest = rest.get(end + 1..)?;
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
                    .unwrap_or(rest.len());
                let name = &rest[..end];
                let local = match name.iter().rposition(|&b| b == b':') {
                    Some(colon) => &name[colon + 1..],
                    None => name,
                };
                return Some(local);
            }
        }
    }
}

/// Why a wellness CSV gives no activities, where only activities are read (a single file,
/// or a file in an archive).
pub(crate) const WELLNESS_IS_NO_ACTIVITY: &str = "this is a wellness CSV: it holds check-ins, \
                                                  not activities (stride import merges it into \
                                                  a document)";

/// Says what a file [`detect`] found no format for looks like.
pub fn unsupported_reason(bytes: &[u8], path: &Path) -> String {
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let header = String::from_utf8_lossy(header);
    if wellness_csv::csv_kind(&header) == Some(CsvKind::Wellness) {
        return WELLNESS_IS_NO_ACTIVITY.to_owned();
    }
    if let Some(misnamed) = packed::misnamed(bytes) {
        return misnamed.to_owned();
    }
    match extension(path).as_str() {
        "" => "the file's content is not one Stride knows and its name has no extension".to_owned(),
        ext => format!("the file's content is not one Stride knows, nor is its extension .{ext}"),
    }
}

/// The supported file extensions, for [`expand_paths`].
const EXTENSIONS: [&str; 4] = ["fit", "gpx", "tcx", "csv"];

/// The files to import: each path that is not a folder as it is, and for a folder the files in
/// it (not in its subfolders) whose extension is `.fit`, `.gpx`, `.tcx` or `.csv` in any case,
/// each also gzip-compressed (`.fit.gz`, ...), and zip archives (`.zip`), sorted by name;
/// hidden files (names starting with `.`) are left out. Links to nothing with those extensions
/// are listed too, so the import reports why it cannot read them. The paths keep their order.
/// A folder that cannot be listed is returned as it is, so importing it reports why.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let Ok(entries) = std::fs::read_dir(path) else {
            files.push(path.clone());
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| {
                let hidden = p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                // A link to nothing is listed too, so the import says why it cannot read it
                // instead of passing it over in silence.
                let compressed = extension(p) == "gz"
                    && EXTENSIONS.contains(&extension(&p.with_extension("")).as_str());
                let known = EXTENSIONS.contains(&extension(p).as_str())
                    || compressed
                    || extension(p) == "zip";
                let broken_link = std::fs::symlink_metadata(p)
                    .is_ok_and(|m| m.file_type().is_symlink())
                    && !p.exists();
                !hidden && known && (p.is_file() || broken_link)
            })
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

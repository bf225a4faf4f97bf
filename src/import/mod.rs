//! Importing completed activities from the files other apps and devices write: FIT, GPX and
//! TCX recordings, Stride's session CSV ([`crate::storage::session_csv`]) and the
//! `activities.csv` of Strava's bulk export.
//!
//! [`read_file`] tells a file's format by its content first and its extension second
//! ([`detect`]), [`parse`] reads bytes of a known format, [`packed`] reads gzip-compressed
//! files and zip archives (Strava's export) without unpacking them, and [`import_files`]
//! imports many files, merging duplicates into the activities they repeat ([`merge`]) and
//! reporting progress. Every file becomes zero or more [`Activity`] values that pass
//! [`crate::model::AthleteDocument::validate`]:
//!
//! - `start`: local wall-clock time. A time written with a non-zero UTC offset keeps its wall
//!   time; a UTC time (`Z`, as GPX and TCX write, and Strava's `Activity Date`) becomes this
//!   computer's local time on that date; a FIT file's own local offset (its `activity`
//!   message's `local_timestamp`) is used when it has one.
//! - `kind`: running is [`WorkoutKind::Easy`], or [`WorkoutKind::Long`] from 90 minutes
//!   (moving time when known, else elapsed); cycling, swimming, rowing, elliptical and strength
//!   training are cross-training of that sport; anything else is cross-training by the name
//!   the file gives ([`kind_for_sport`]).
//! - `duration_s` is the elapsed time, `moving_s` the moving time: the recording's own
//!   figure when it has one, else the sum of the intervals between consecutive points moving
//!   faster than [`MOVING_SPEED_M_S`].
//! - `distance_m`, `avg_hr_bpm`, `max_hr_bpm` as recorded; heart rates outside 20-250 bpm are
//!   dropped (a strap without contact records 0).
//! - `normalised_pace_s_per_km`, from a track of timed points covering two minutes or more of
//!   moving: 30-second rolling speeds, each interval's distance weighted by the cost of
//!   running its grade (Minetti et al. 2002; from GPX `ele` and TCX `AltitudeMeters`, flat
//!   for FIT records), and the fourth root of the mean fourth power (as normalised power;
//!   see `GradedTrack`). The pace load of intervals and hills is taken from it.
//! - `source_file` is the file's name, `notes` the activity's name when the file gives one,
//!   and `load` is left empty: [`crate::science::load::LoadContext::activity_load`] computes
//!   it from heart rate, pace or RPE when it is needed.
//!
//! Distances between GPS points use the haversine formula (R. W. Sinnott, "Virtues of the
//! Haversine", Sky and Telescope 68(2), 1984) on a sphere of the IUGG mean Earth radius,
//! 6,371,008.8 m (H. Moritz, "Geodetic Reference System 1980", Journal of Geodesy 74, 2000).
//!
//! Every error is an [`ImportError`] that says what is wrong, where (line and column, or byte
//! offset) when known, and what to do. Nothing in a file, however damaged, makes the import
//! panic or allocate more than the file's own size suggests; files over [`MAX_FILE_BYTES`] are
//! refused before they are read, and compressed content once that much is inflated.
//!
//! ```
//! use stride::import::{SourceFormat, parse};
//! use stride::model::WorkoutKind;
//!
//! let gpx = br#"<?xml version="1.0"?>
//! <gpx version="1.1" creator="example"><trk><type>running</type><trkseg>
//!   <trkpt lat="52.0" lon="13.0"><time>2027-03-01T07:00:00+01:00</time></trkpt>
//!   <trkpt lat="52.001" lon="13.0"><time>2027-03-01T07:00:40+01:00</time></trkpt>
//! </trkseg></trk></gpx>"#;
//! let activities = parse(SourceFormat::Gpx, gpx, "run.gpx").unwrap();
//! assert_eq!(activities.len(), 1);
//! assert_eq!(activities[0].start.to_string(), "2027-03-01 07:00:00");
//! assert_eq!(activities[0].kind, WorkoutKind::Easy);
//! assert_eq!(activities[0].duration_s, 40.0);
//! assert_eq!(activities[0].source_file.as_deref(), Some("run.gpx"));
//! ```

pub mod fit;
pub mod gpx;
pub mod merge;
pub mod packed;
pub mod strava;
pub mod tcx;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Local, NaiveDateTime, TimeZone};

pub use merge::{
    Failed, ImportReport, Merge, Merged, Skipped, fill_missing, import_files, merge_into,
    same_activity, same_session,
};
pub use packed::{FileRead, count_files, read_each};

use crate::model::{Activity, CrossActivity, DATE_YEARS, WorkoutKind};
use crate::storage::session_csv::{self, CsvError};
use crate::storage::wellness_csv::{self, CsvKind};

/// Largest file Stride imports, in bytes (256 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Two activities starting at most this many seconds apart are taken for the same session.
pub const DUPLICATE_WINDOW_S: i64 = 60;

/// Speed above which an interval between two recorded points counts as moving, m/s.
pub const MOVING_SPEED_M_S: f64 = 0.5;

/// A running activity this long (moving time, else elapsed) or longer is a long run, seconds.
pub const LONG_RUN_S: f64 = 90.0 * 60.0;

/// Longest activity and distance accepted: the model's bounds, one set for every path.
pub use crate::model::{MAX_DISTANCE_M, MAX_DURATION_S};

/// Mean Earth radius (IUGG), metres.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Heart rates outside this range, bpm, are not recorded values.
const HR_RANGE: (f64, f64) = (20.0, 250.0);

/// Longest sport or activity name kept, in characters.
const MAX_NAME_CHARS: usize = 80;

/// The file formats Stride imports activities from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// Garmin's binary Flexible and Interoperable Data Transfer format (`.fit`).
    Fit,
    /// GPS Exchange Format (`.gpx`), with Garmin's heart-rate extension.
    Gpx,
    /// Garmin Training Center XML (`.tcx`).
    Tcx,
    /// Stride's session CSV ([`crate::storage::session_csv`]).
    SessionCsv,
    /// The `activities.csv` of Strava's bulk export.
    StravaCsv,
}

impl SourceFormat {
    /// The format's name as shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Fit => "FIT",
            SourceFormat::Gpx => "GPX",
            SourceFormat::Tcx => "TCX",
            SourceFormat::SessionCsv => "session CSV",
            SourceFormat::StravaCsv => "Strava activities.csv",
        }
    }
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Where in a file a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A line and column of a text file, both from 1 (columns count bytes).
    LineColumn {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// A byte offset in a binary file, from 0.
    Byte(u64),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::LineColumn { line, column } => write!(f, "line {line}, column {column}"),
            Place::Byte(offset) => write!(f, "byte {offset}"),
        }
    }
}

/// What the text of [`ImportError::Unsupported`] ends with.
const SUPPORTED: &str = "Stride imports FIT, GPX and TCX recordings (also gzip-compressed, \
                         .fit.gz), session CSVs (date,kind,duration_min,...), Strava's \
                         activities.csv and Strava's export zip";

/// Why a file could not be imported. The `Display` text says what is wrong and what to do;
/// [`ImportError::located`] puts the file (and the place in it) in front.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Neither the content nor the name of the file tells a format Stride imports.
    #[error("{reason}; {SUPPORTED}")]
    Unsupported {
        /// What the file looks like instead.
        reason: String,
    },
    /// The file could not be read at the operating-system level.
    #[error("could not read the file: {source}")]
    Io {
        /// The operating system's reason.
        #[from]
        source: std::io::Error,
    },
    /// The file is larger than Stride imports.
    #[error(
        "the file is {size_mb} MB, over the {limit_mb} MB limit for imports; is it the right \
         file?"
    )]
    TooLarge {
        /// Its size in MB.
        size_mb: u64,
        /// The limit in MB.
        limit_mb: u64,
    },
    /// The content is damaged or holds a value Stride cannot accept.
    #[error("{}{reason}", place_prefix(place))]
    Corrupt {
        /// The format the file was read as.
        format: SourceFormat,
        /// Where the problem is, when known.
        place: Option<Place>,
        /// What is wrong, in plain words, and what to do.
        reason: String,
    },
    /// A gzip file or zip archive that is not one, is damaged, or is packed in a way Stride
    /// does not read.
    #[error("{reason}")]
    Archive {
        /// What is wrong, in plain words, and what to do.
        reason: String,
    },
    /// The file is readable but holds no activity.
    #[error("the {format} file holds no activity: {reason}")]
    Empty {
        /// The format the file was read as.
        format: SourceFormat,
        /// What it holds instead.
        reason: String,
    },
}

fn place_prefix(place: &Option<Place>) -> String {
    place.map_or_else(String::new, |p| format!("{p}: "))
}

impl ImportError {
    /// Where in the file the problem is, when known.
    pub fn place(&self) -> Option<Place> {
        match self {
            ImportError::Corrupt { place, .. } => *place,
            _ => None,
        }
    }

    /// The error with the file in front: `FILE:LINE:COLUMN: reason` for a place in a text
    /// file, `FILE: byte N: reason` for one in a binary file, else `FILE: reason`.
    pub fn located(&self, file: &Path) -> String {
        match self {
            ImportError::Corrupt {
                place: Some(Place::LineColumn { line, column }),
                reason,
                ..
            } => format!("{}:{line}:{column}: {reason}", file.display()),
            other => format!("{}: {other}", file.display()),
        }
    }

    /// A problem in the content, at a place.
    pub(crate) fn corrupt(format: SourceFormat, place: Option<Place>, reason: String) -> Self {
        ImportError::Corrupt {
            format,
            place,
            reason,
        }
    }

    /// A problem at a byte offset of a text file, as line and column.
    pub(crate) fn at_offset(
        format: SourceFormat,
        bytes: &[u8],
        offset: usize,
        reason: String,
    ) -> Self {
        let (line, column) = crate::storage::line_column(bytes, offset);
        ImportError::corrupt(format, Some(Place::LineColumn { line, column }), reason)
    }

    /// A CSV reader's error.
    pub(crate) fn of_csv(format: SourceFormat, e: CsvError) -> Self {
        let place = Place::LineColumn {
            line: e.line,
            column: e.column,
        };
        ImportError::corrupt(format, Some(place), e.message)
    }
}

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

pub(crate) fn too_large(size: u64) -> ImportError {
    ImportError::TooLarge {
        size_mb: size / (1024 * 1024),
        limit_mb: MAX_FILE_BYTES / (1024 * 1024),
    }
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

/// How deep XML elements may nest; GPX and TCX need fewer than ten levels.
pub const MAX_XML_DEPTH: usize = 256;

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

/// Reads one file's activities; the format is told by content first, extension second
/// ([`detect`]). Each activity's `source_file` is the file's name.
///
/// # Errors
/// An [`ImportError`]: the file cannot be read or is too large, its format is not one Stride
/// imports, its content is damaged or invalid, or it holds no activity.
pub fn read_file(path: &Path) -> Result<Vec<Activity>, ImportError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = match packed::packing(path) {
        packed::Packing::Plain => read_bytes(path)?,
        packed::Packing::Gzip => {
            let file = std::fs::File::open(path)?;
            if file.metadata()?.is_dir() {
                // The folder's own message.
                read_bytes(path)?;
            }
            packed::gunzip(std::io::BufReader::new(file))?
        }
        packed::Packing::Zip => {
            let mut all = Ok(Vec::new());
            // Every file's activities, or the first error.
            read_each(path, &mut |file| match file.activities {
                Ok(activities) => {
                    if let Ok(all) = &mut all {
                        all.extend(activities);
                    }
                    true
                }
                Err(e) => {
                    all = Err(e);
                    false
                }
            });
            return all;
        }
    };
    let recorded = read_recorded(&bytes, &packed::inner_name(path))?;
    Ok(recorded
        .into_iter()
        .map(|mut r| {
            r.activity.source_file = Some(name.clone());
            r.activity
        })
        .collect())
}

/// The activities of the bytes of a file named `path`, its format told by [`detect`], each
/// with whether the file named its sport.
pub(crate) fn read_recorded(bytes: &[u8], path: &Path) -> Result<Vec<Recorded>, ImportError> {
    let Some(format) = detect(bytes, path) else {
        return Err(ImportError::Unsupported {
            reason: unsupported_reason(bytes, path),
        });
    };
    parse_recorded(format, bytes)
}

/// Says what a file [`detect`] found no format for looks like.
pub fn unsupported_reason(bytes: &[u8], path: &Path) -> String {
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let header = String::from_utf8_lossy(header);
    if wellness_csv::csv_kind(&header) == Some(CsvKind::Wellness) {
        return "this is a wellness CSV: it holds check-ins, not activities (stride import \
                merges it into a document)"
            .to_owned();
    }
    if let Some(misnamed) = packed::misnamed(bytes) {
        return misnamed.to_owned();
    }
    match extension(path).as_str() {
        "" => "the file's content is not one Stride knows and its name has no extension".to_owned(),
        ext => format!("the file's content is not one Stride knows, nor is its extension .{ext}"),
    }
}

/// Parses the bytes of a file of a known format. `file_name` becomes each activity's
/// `source_file`. This is what the fuzz targets call.
///
/// # Errors
/// An [`ImportError`] when the content is damaged or invalid, or holds no activity.
pub fn parse(
    format: SourceFormat,
    bytes: &[u8],
    file_name: &str,
) -> Result<Vec<Activity>, ImportError> {
    Ok(parse_recorded(format, bytes)?
        .into_iter()
        .map(|mut r| {
            r.activity.source_file = Some(file_name.to_owned());
            r.activity
        })
        .collect())
}

/// [`parse`], each activity with whether the file named its sport (a CSV row always does).
fn parse_recorded(format: SourceFormat, bytes: &[u8]) -> Result<Vec<Recorded>, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let named = |activities: Vec<Activity>| {
        activities
            .into_iter()
            .map(|activity| Recorded {
                activity,
                sport_named: true,
            })
            .collect()
    };
    let recorded: Vec<Recorded> = match format {
        SourceFormat::Fit => fit::read(bytes)?,
        SourceFormat::Gpx => gpx::read(bytes)?,
        SourceFormat::Tcx => tcx::read(bytes)?,
        SourceFormat::SessionCsv => named(parse_session_csv(bytes)?),
        SourceFormat::StravaCsv => named(strava::parse(bytes)?),
    };
    if recorded.is_empty() {
        return Err(ImportError::Empty {
            format,
            reason: "it has no rows or recorded points".to_owned(),
        });
    }
    Ok(recorded)
}

/// UTF-8 text of a text format, a leading byte-order mark skipped; the error names the first
/// byte that is not UTF-8.
pub(crate) fn utf8_text(bytes: &[u8], format: SourceFormat) -> Result<&str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| {
        ImportError::at_offset(
            format,
            bytes,
            e.valid_up_to(),
            format!("the file is not UTF-8 text; save it as UTF-8 (is it a {format} file at all?)"),
        )
    })
}

/// A session CSV's activities, with the document's date years enforced.
fn parse_session_csv(bytes: &[u8]) -> Result<Vec<Activity>, ImportError> {
    let format = SourceFormat::SessionCsv;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::at_offset(
            format,
            bytes,
            e.valid_up_to(),
            "the file is not UTF-8 text; save it as a UTF-8 CSV".to_owned(),
        )
    })?;
    let rows = session_csv::parse_sessions(text).map_err(|e| ImportError::of_csv(format, e))?;
    let (lo, hi) = DATE_YEARS;
    let mut activities = Vec::with_capacity(rows.len());
    for row in rows {
        if !(lo..=hi).contains(&row.activity.start.year()) {
            let column = session_csv::open(text)
                .ok()
                .and_then(|(_, headers)| {
                    headers
                        .iter()
                        .position(|h| h.trim().eq_ignore_ascii_case("date"))
                })
                .map_or(1, |i| i + 1);
            let place = Place::LineColumn {
                line: row.line,
                column,
            };
            return Err(ImportError::corrupt(
                format,
                Some(place),
                format!(
                    "date {} is outside the years {lo}-{hi}",
                    row.activity.start.date()
                ),
            ));
        }
        activities.push(row.activity);
    }
    Ok(activities)
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

/// The kind of a session from the name of its sport as files write it ("running", "Run",
/// "Trail Run", "Biking", "cycling", "Swim", "WeightTraining", "elliptical", ...), compared
/// without case, accents, spaces or punctuation; the names of Strava's exports in German,
/// French, Spanish, Italian, Dutch and Portuguese ("Lauf", "Radfahrt", "Course à pied",
/// "Natación", "Corsa", "Fietsrit", "Corrida", ...) are known too. No name means running. Running is
/// [`WorkoutKind::Easy`], or [`WorkoutKind::Long`] when `duration_s` is at least
/// [`LONG_RUN_S`]; other sports are cross-training, by the name given when none of Stride's
/// sports fits.
///
/// ```
/// use stride::import::kind_for_sport;
/// use stride::model::{CrossActivity, WorkoutKind};
/// assert_eq!(kind_for_sport(Some("Trail Run"), 3600.0), WorkoutKind::Easy);
/// assert_eq!(kind_for_sport(None, 2.0 * 3600.0), WorkoutKind::Long);
/// assert_eq!(
///     kind_for_sport(Some("VirtualRide"), 3600.0),
///     WorkoutKind::CrossTraining { activity: CrossActivity::Cycling }
/// );
/// assert_eq!(
///     kind_for_sport(Some("Radfahrt"), 3600.0),
///     WorkoutKind::CrossTraining { activity: CrossActivity::Cycling }
/// );
/// assert_eq!(kind_for_sport(Some("Course à pied"), 3600.0), WorkoutKind::Easy);
/// assert_eq!(
///     kind_for_sport(Some("Hike"), 3600.0),
///     WorkoutKind::CrossTraining { activity: CrossActivity::Other("Hike".into()) }
/// );
/// ```
pub fn kind_for_sport(sport: Option<&str>, duration_s: f64) -> WorkoutKind {
    let name = sport.map(clean_name).unwrap_or_default();
    let key = strava::fold(&name);
    let any = |words: &[&str]| words.iter().any(|w| key.contains(w));
    let cross = |activity| WorkoutKind::CrossTraining { activity };
    if any(&[
        "swim", "schwimm", "natation", "natacion", "natacao", "nuoto", "zwem",
    ]) {
        cross(CrossActivity::Swimming)
    } else if any(&["ellipti", "ellittic", "crosstrainer"]) {
        cross(CrossActivity::Elliptical)
    } else if any(&[
        "cycl", "bik", "ride", "radfahrt", "velo", "bici", "cicl", "fiets", "pedalada",
    ]) {
        cross(CrossActivity::Cycling)
    } else if key == "row" || any(&["rowing", "rudern", "aviron", "remo", "canottaggio", "roei"]) {
        cross(CrossActivity::Rowing)
    } else if any(&[
        "strength",
        "weight",
        "kraft",
        "poids",
        "musculation",
        "pesas",
        "pesi",
        "pesos",
    ]) {
        cross(CrossActivity::Strength)
    } else if key.is_empty()
        || any(&[
            "run",
            "jog",
            "courseapied",
            "carrera",
            "corsa",
            "hardloop",
            "corrida",
        ])
        || (key.contains("lauf") && !key.contains("langlauf"))
    {
        if duration_s >= LONG_RUN_S {
            WorkoutKind::Long
        } else {
            WorkoutKind::Easy
        }
    } else {
        cross(CrossActivity::Other(name))
    }
}

/// A name from a file, without control characters, trimmed and at most
/// [`MAX_NAME_CHARS`] characters long.
pub(crate) fn clean_name(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    cleaned.trim().chars().take(MAX_NAME_CHARS).collect()
}

/// A point in time from a file: the instant, for durations, and the local wall-clock time, for
/// the start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Stamp {
    /// Milliseconds since 1970-01-01 UTC (for a time without offset, as if it were UTC).
    pub ms: i64,
    /// Local wall-clock time.
    pub local: NaiveDateTime,
    /// Whether the file gave a zone (`Z`, an offset, or a clock that is UTC by definition),
    /// so that `ms` is a real instant.
    pub zoned: bool,
}

impl Stamp {
    /// The instant, when the file gave a zone.
    pub(crate) fn instant(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        if self.zoned {
            chrono::DateTime::from_timestamp_millis(self.ms)
        } else {
            None
        }
    }

    /// A UTC time, as local time of this computer. A time outside the years a document holds
    /// is left as it is (it is refused later); the time zone is not asked about it, as
    /// conversions near the ends of the calendar overflow.
    pub(crate) fn from_utc(utc: NaiveDateTime) -> Self {
        let (lo, hi) = DATE_YEARS;
        let local = if (lo..=hi).contains(&utc.year()) {
            let offset = Local.offset_from_utc_datetime(&utc);
            utc.checked_add_offset(offset).unwrap_or(utc)
        } else {
            utc
        };
        Stamp {
            ms: utc.and_utc().timestamp_millis(),
            local,
            zoned: true,
        }
    }

    /// Parses an ISO 8601 / RFC 3339 time: with `Z` or `+00:00` it is UTC and becomes local
    /// time of this computer; with another offset its wall time is kept; without an offset it
    /// is taken as local time.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(time) = DateTime::parse_from_rfc3339(text) {
            if time.offset().local_minus_utc() == 0 {
                return Some(Stamp::from_utc(time.naive_utc()));
            }
            return Some(Stamp {
                ms: time.timestamp_millis(),
                local: time.naive_local(),
                zoned: true,
            });
        }
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
        Some(Stamp {
            ms: naive.and_utc().timestamp_millis(),
            local: naive,
            zoned: false,
        })
    }
}

/// Great-circle distance between two points given in degrees, metres (haversine).
pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.1 - a.1).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.clamp(0.0, 1.0).sqrt().asin()
}

/// A heart rate sample if it is a plausible one.
pub(crate) fn plausible_hr(bpm: f64) -> Option<f64> {
    (bpm.is_finite() && bpm >= HR_RANGE.0 && bpm <= HR_RANGE.1).then_some(bpm)
}

/// Statistics of a recorded track, point by point: elapsed span, distance, moving time and
/// heart rate. Used by the GPX and TCX readers.
#[derive(Debug, Default)]
pub(crate) struct TrackStats {
    first: Option<Stamp>,
    first_ms: Option<i64>,
    last_ms: Option<i64>,
    prev: Option<TrackPoint>,
    distance_m: f64,
    has_distance: bool,
    moving_s: f64,
    has_motion: bool,
    hr_sum: f64,
    hr_count: u64,
    hr_max: Option<f64>,
    graded: GradedTrack,
}

/// One recorded point.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TrackPoint {
    /// When, if recorded.
    pub time: Option<Stamp>,
    /// Latitude and longitude in degrees, if recorded.
    pub position: Option<(f64, f64)>,
    /// Distance from the start as the device measured it, metres.
    pub distance_m: Option<f64>,
    /// Heart rate, bpm (plausible values only).
    pub hr: Option<f64>,
    /// Altitude, metres, if recorded.
    pub altitude_m: Option<f64>,
}

impl TrackStats {
    /// Adds the next point. `connected` is false for the first point of a new segment: the
    /// gap before it adds time but no distance.
    pub(crate) fn add(&mut self, point: TrackPoint, connected: bool) {
        if let Some(time) = point.time {
            // The start is the earliest time, also when a device wrote its points out of order.
            if self.first.is_none_or(|f| time.ms < f.ms) {
                self.first = Some(time);
            }
            self.first_ms = Some(self.first_ms.map_or(time.ms, |f| f.min(time.ms)));
            self.last_ms = Some(self.last_ms.map_or(time.ms, |l| l.max(time.ms)));
        }
        if let Some(hr) = point.hr {
            self.hr_sum += hr;
            self.hr_count += 1;
            self.hr_max = Some(self.hr_max.map_or(hr, |m: f64| m.max(hr)));
        }
        if let (Some(prev), true) = (self.prev, connected) {
            let step = match (
                prev.distance_m,
                point.distance_m,
                prev.position,
                point.position,
            ) {
                (Some(a), Some(b), _, _) => Some((b - a).max(0.0)),
                (_, _, Some(a), Some(b)) => Some(haversine_m(a, b)),
                _ => None,
            };
            if let Some(step) = step.filter(|s| s.is_finite()) {
                self.distance_m += step;
                self.has_distance = true;
                if let (Some(t0), Some(t1)) = (prev.time, point.time) {
                    let dt = (t1.ms - t0.ms) as f64 / 1000.0;
                    if dt > 0.0 {
                        self.has_motion = true;
                        if step / dt > MOVING_SPEED_M_S {
                            self.moving_s += dt;
                        }
                        let climb = prev.altitude_m.zip(point.altitude_m).map(|(a, b)| b - a);
                        self.graded.add(dt, step, climb);
                    }
                }
            }
        }
        // After a point without distance or position the next step is measured from the last
        // point that had one.
        let located = point.distance_m.is_some() || point.position.is_some();
        if located || !connected || self.prev.is_none() {
            self.prev = Some(point);
        }
    }

    /// The earliest recorded time.
    pub(crate) fn start(&self) -> Option<Stamp> {
        self.first
    }

    /// Seconds from the earliest to the latest recorded time.
    pub(crate) fn span_s(&self) -> Option<f64> {
        Some((self.last_ms? - self.first_ms?) as f64 / 1000.0)
    }

    /// The distance covered, when positions or distances were recorded.
    pub(crate) fn distance_m(&self) -> Option<f64> {
        self.has_distance.then_some(self.distance_m)
    }

    /// Moving time, when positions or distances were recorded with times.
    pub(crate) fn moving_s(&self) -> Option<f64> {
        self.has_motion.then_some(self.moving_s)
    }

    /// Mean of the heart-rate samples.
    pub(crate) fn avg_hr(&self) -> Option<f64> {
        (self.hr_count > 0).then(|| self.hr_sum / self.hr_count as f64)
    }

    /// Highest heart-rate sample.
    pub(crate) fn max_hr(&self) -> Option<f64> {
        self.hr_max
    }

    /// Normalised, grade-adjusted pace, s/km ([`GradedTrack::normalised_pace`]).
    pub(crate) fn normalised_pace(&self) -> Option<f64> {
        self.graded.normalised_pace()
    }
}

/// Seconds of the rolling average that normalised pace is taken over (as normalised power
/// takes 30 s: Coggan).
const NORMALISED_WINDOW_S: f64 = 30.0;
/// Steepest grade the cost of running is taken at, either way: steeper readings are mostly
/// altitude noise (Minetti's measurements span -45% to +45%).
const MAX_GRADE: f64 = 0.3;
/// Fewest seconds of moving track a normalised pace is worked out from.
const NORMALISED_MIN_S: f64 = 120.0;

/// Energy cost of running on a slope, J/kg/m (Minetti et al. 2002, J Appl Physiol
/// 93:1039-1046): `155.4 i^5 - 30.4 i^4 - 43.3 i^3 + 46.3 i^2 + 19.5 i + 3.6` for a grade `i`.
///
/// ```
/// use stride::import::running_cost;
/// assert_eq!(running_cost(0.0), 3.6);
/// assert!(running_cost(0.1) > running_cost(0.0) && running_cost(-0.1) < running_cost(0.0));
/// ```
pub fn running_cost(grade: f64) -> f64 {
    let i = grade;
    155.4 * i.powi(5) - 30.4 * i.powi(4) - 43.3 * i.powi(3) + 46.3 * i.powi(2) + 19.5 * i + 3.6
}

/// A track's moving intervals as grade-adjusted distance over time, for its normalised pace.
///
/// Each interval's distance is weighted by the cost of running its grade against the flat
/// ([`running_cost`]); the speed is averaged over rolling [`NORMALISED_WINDOW_S`] seconds,
/// and the normalised speed is the fourth root of the mean fourth power of those averages,
/// as normalised power is worked out from power (Coggan). Stops are left out. For a steady
/// run on the flat it equals the average moving pace; for intervals and hills it is faster,
/// as their cost is.
#[derive(Clone, Debug, Default)]
pub(crate) struct GradedTrack {
    /// (seconds of moving time so far, graded metres so far) after each moving interval.
    points: Vec<(f64, f64)>,
}

impl GradedTrack {
    /// Adds an interval of `dt` seconds covering `step` metres, climbing `climb` metres.
    pub(crate) fn add(&mut self, dt: f64, step: f64, climb: Option<f64>) {
        if !(dt > 0.0 && step.is_finite() && step / dt > MOVING_SPEED_M_S) {
            return;
        }
        let grade = climb
            .filter(|c| c.is_finite() && step > 1.0)
            .map_or(0.0, |c| (c / step).clamp(-MAX_GRADE, MAX_GRADE));
        let (t, d) = self.points.last().copied().unwrap_or((0.0, 0.0));
        if self.points.is_empty() {
            self.points.push((0.0, 0.0));
        }
        self.points
            .push((t + dt, d + step * running_cost(grade) / running_cost(0.0)));
    }

    /// Graded metres after `t` seconds of moving time (linear between points).
    fn distance_at(&self, t: f64, from: &mut usize) -> f64 {
        while *from + 1 < self.points.len() && self.points[*from + 1].0 < t {
            *from += 1;
        }
        let (t0, d0) = self.points[*from];
        match self.points.get(*from + 1) {
            Some(&(t1, d1)) if t1 > t0 => d0 + (d1 - d0) * ((t - t0) / (t1 - t0)).clamp(0.0, 1.0),
            _ => d0,
        }
    }

    /// Normalised pace, s/km, from at least [`NORMALISED_MIN_S`] of moving track.
    pub(crate) fn normalised_pace(&self) -> Option<f64> {
        let total = self.points.last()?.0;
        if total < NORMALISED_MIN_S {
            return None;
        }
        // One sample a second, or fewer on very long tracks.
        let step = (total / 20_000.0).max(1.0);
        let (mut lead, mut lag) = (0usize, 0usize);
        let (mut sum, mut n) = (0.0, 0.0);
        let mut t = NORMALISED_WINDOW_S;
        while t <= total {
            let speed = (self.distance_at(t, &mut lead)
                - self.distance_at(t - NORMALISED_WINDOW_S, &mut lag))
                / NORMALISED_WINDOW_S;
            sum += speed.powi(4);
            n += 1.0;
            t += step;
        }
        let speed = (sum / n).powf(0.25);
        (speed > MOVING_SPEED_M_S).then(|| 1000.0 / speed)
    }
}

/// What a reader found out about one activity, before it is checked and becomes an
/// [`Activity`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Summary {
    /// Local start time.
    pub start: Option<NaiveDateTime>,
    /// The start as an instant, when the file gives a zone.
    pub instant: Option<chrono::DateTime<chrono::Utc>>,
    /// The sport's name as the file gives it (`None`: not said).
    pub sport: Option<String>,
    /// Elapsed seconds.
    pub elapsed_s: f64,
    /// Moving seconds.
    pub moving_s: Option<f64>,
    /// Normalised, grade-adjusted pace, s/km.
    pub normalised_pace_s_per_km: Option<f64>,
    /// Metres.
    pub distance_m: Option<f64>,
    /// Average heart rate, bpm.
    pub avg_hr: Option<f64>,
    /// Highest heart rate, bpm.
    pub max_hr: Option<f64>,
    /// The activity's name.
    pub name: Option<String>,
}

impl Summary {
    /// Checks every value and makes the activity. Implausible heart rates and moving times are
    /// dropped (a moving time over the elapsed one is cut to it); a missing or out-of-range
    /// start, or a duration or distance that is negative, not finite or over the limits, is an
    /// error at `place`.
    pub(crate) fn into_activity(
        self,
        format: SourceFormat,
        place: Option<Place>,
    ) -> Result<Activity, ImportError> {
        let fail = |reason: String| ImportError::corrupt(format, place, reason);
        let Some(start) = self.start else {
            return Err(fail(
                "the activity has no start time; the recording may be damaged".to_owned(),
            ));
        };
        let (lo, hi) = DATE_YEARS;
        if !(lo..=hi).contains(&start.year()) {
            return Err(fail(format!(
                "the activity starts on {}, outside the years {lo}-{hi}; was the device's \
                 clock set?",
                start.date()
            )));
        }
        let elapsed = self.elapsed_s;
        if !elapsed.is_finite() || elapsed < 0.0 {
            return Err(fail(format!(
                "the elapsed time {elapsed} s is not a duration; the recording may be damaged"
            )));
        }
        let recording = matches!(
            format,
            SourceFormat::Fit | SourceFormat::Gpx | SourceFormat::Tcx
        );
        if recording && elapsed < 1.0 {
            return Err(fail(
                "the recording spans no time (a single point, or every point at one time): \
                 there is no session in it to import"
                    .to_owned(),
            ));
        }
        if elapsed > MAX_DURATION_S {
            return Err(fail(format!(
                "the activity lasts {:.1} hours, over the {} days Stride accepts for one \
                 session; is the recording damaged?",
                elapsed / 3600.0,
                MAX_DURATION_S / 86_400.0
            )));
        }
        let distance = match self.distance_m {
            Some(d) if !d.is_finite() || d < 0.0 => {
                return Err(fail(format!(
                    "the distance {d} m is not a distance; the recording may be damaged"
                )));
            }
            Some(d) if d > MAX_DISTANCE_M => {
                return Err(fail(format!(
                    "the distance {:.1} km is over the {} km Stride accepts for one session; \
                     is the recording damaged?",
                    d / 1000.0,
                    MAX_DISTANCE_M / 1000.0
                )));
            }
            other => other,
        };
        let moving = self
            .moving_s
            .filter(|m| m.is_finite() && *m >= 0.0)
            .map(|m| m.min(elapsed));
        let bpm = |hr: Option<f64>| hr.and_then(plausible_hr).map(|h| h.round() as u16);
        let kind = kind_for_sport(self.sport.as_deref(), moving.unwrap_or(elapsed));
        Ok(Activity {
            start,
            kind,
            instant: self.instant,
            duration_s: elapsed,
            moving_s: moving,
            normalised_pace_s_per_km: self
                .normalised_pace_s_per_km
                .filter(|p| p.is_finite() && *p > 0.0),
            distance_m: distance,
            avg_hr_bpm: bpm(self.avg_hr),
            max_hr_bpm: bpm(self.max_hr),
            rpe: None,
            load: None,
            source_file: None,
            planned_workout: None,
            notes: self.name.map(|n| clean_name(&n)).unwrap_or_default(),
        })
    }
}

/// An activity as a file gave it, with whether the file named its sport (for Strava's
/// export, which gives the type of recordings that do not).
#[derive(Clone, Debug)]
pub(crate) struct Recorded {
    /// The activity.
    pub activity: Activity,
    /// Whether the file named the sport; else the kind is running by default.
    pub sport_named: bool,
}

impl Summary {
    /// [`Summary::into_activity`], remembering whether a sport was named.
    pub(crate) fn into_recorded(
        self,
        format: SourceFormat,
        place: Option<Place>,
    ) -> Result<Recorded, ImportError> {
        let sport_named = self.sport.is_some();
        Ok(Recorded {
            activity: self.into_activity(format, place)?,
            sport_named,
        })
    }
}

/// XML text of a GPX or TCX file: UTF-8 checked, a byte-order mark and white space before the
/// first markup skipped. Returns the text and its byte offset in `bytes`.
pub(crate) fn xml_text(bytes: &[u8], format: SourceFormat) -> Result<(&str, usize), ImportError> {
    let text = utf8_text(bytes, format)?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = body.trim_start();
    Ok((body, text.len() - body.len()))
}

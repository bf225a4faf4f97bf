//! Importing completed activities from the files other apps and devices write: FIT, GPX and
//! TCX recordings, Stride's session CSV ([`crate::storage::session_csv`]) and the
//! `activities.csv` of Strava's bulk export; and, beside them, check-ins from wellness CSVs
//! ([`crate::storage::wellness_csv`]).
//!
//! [`read_file`] tells a file's format by its content first and its extension second
//! ([`detect`]), [`parse`] reads bytes of a known format, [`packed`] reads gzip-compressed
//! files and zip archives (Strava's export) without unpacking them, and [`import_files`] is
//! the one import of many files that `stride import` and the window both use: it reads them on
//! every core, merges duplicates into the activities they repeat ([`merge`]) in the order of
//! the files, reports each file and progress, and gives what it adds as one change
//! ([`Additions`]). Every file becomes zero or more [`Activity`] values that pass
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

mod archive;
mod batch;
mod detect;
mod error;
mod file;
mod summary;
mod track;
mod xml;

use std::fmt;
use std::path::Path;

use chrono::Datelike;

pub use batch::{
    Additions, Failed, FileCounts, FileOutcome, ImportReport, Merged, Skipped, import_files,
};
pub use detect::{detect, expand_paths, read_bytes, unsupported_reason};
pub use error::{ImportError, Place};
pub use merge::{Merge, fill_missing, merge_into, same_activity, same_session};
pub use packed::{FileRead, count_files, read_each};
pub use summary::kind_for_sport;
pub use track::{EARTH_RADIUS_M, haversine_m, running_cost};
pub use xml::MAX_XML_DEPTH;

pub(crate) use detect::extension;
pub(crate) use error::too_large;
pub(crate) use summary::{Recorded, Stamp, Summary};
pub(crate) use track::{TrackPoint, TrackStats, plausible_hr};

use crate::model::{Activity, DATE_YEARS};
use crate::storage::session_csv;

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

//! Compressed recordings and archives, read as streams: nothing is unpacked to disk.
//!
//! - A gzip file (`run.fit.gz`, as Strava's export holds its recordings; RFC 1952) is one
//!   recording: inflated in memory, its format told by its content like any other file's, and
//!   by its name less `.gz`. A file named `.gz` that is not gzip (it does not start with the
//!   bytes 1F 8B) is an error saying so.
//! - A zip archive (`export_12345.zip`, Strava's bulk export as it is downloaded) stands for
//!   the recordings in it, each read as one file named by the archive joined with the
//!   member's name ([`read_each`]). When the archive holds an `activities.csv` (Strava's
//!   export), the recordings read are the members in the `activities/` folder beside it
//!   (`.fit`, `.gpx`, `.tcx`, each also as `.gz`); its `routes/`, `media/` and other files
//!   are left alone. Without one, every recording in the archive is read. Members are read in
//!   name order.
//! - Strava's `activities.csv` links each row to its recording by the row's `Filename`
//!   ([`super::strava::Row::file`]). A recording takes its row's name (Strava's name for the
//!   activity) as its notes, and its row's activity type when the recording names no sport of
//!   its own (a GPX track's `type` that is a number, a FIT file's generic sport). The rows
//!   whose recording is not in the archive (activities entered by hand have none) are read
//!   from the CSV alone, as one more file, `activities.csv`, after the recordings.
//!
//! The size limits of plain files hold for what is inflated: a member or a gzip file whose
//! content is over [`MAX_FILE_BYTES`] is refused when its declared size says so, and in any
//! case once that many bytes have been inflated (the stream is read with one byte to spare and
//! no further), so a zip bomb costs at most the limit in memory and time per member.

use std::io::Read;
use std::path::{Path, PathBuf};

use flate2::bufread::MultiGzDecoder;

use super::archive::{Plan, Reader};
use super::file::Contents;
use super::{ImportError, MAX_FILE_BYTES};
use crate::model::Activity;

/// The first two bytes of every gzip file (RFC 1952, section 2.3.1).
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The first four bytes of a zip archive's first member (PKWARE's APPNOTE, 4.3.7), and of an
/// empty archive's end record (4.3.16).
const ZIP_MAGICS: [[u8; 4]; 2] = [*b"PK\x03\x04", *b"PK\x05\x06"];

/// How a file is packed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Packing {
    /// Not packed: read as it is.
    Plain,
    /// Gzip-compressed: one file.
    Gzip,
    /// A zip archive: many files.
    Zip,
}

/// How a file is packed, by its name: `.gz` is gzip, `.zip` a zip archive (in any case).
pub fn packing(path: &Path) -> Packing {
    match super::extension(path).as_str() {
        "gz" => Packing::Gzip,
        "zip" => Packing::Zip,
        _ => Packing::Plain,
    }
}

/// Whether bytes start like a gzip file.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// Whether bytes start like a zip archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    ZIP_MAGICS.iter().any(|m| bytes.starts_with(m))
}

/// The name a gzip file's content goes by: its own less `.gz` (`run.fit.gz` is `run.fit`).
pub fn inner_name(path: &Path) -> PathBuf {
    if packing(path) == Packing::Gzip {
        path.with_extension("")
    } else {
        path.to_owned()
    }
}

/// Reads at most `limit` bytes from `reader`, refusing more: it reads one byte past the limit
/// and no further. `declared` is the size the container gives, when it gives one: over the
/// limit, nothing is read.
pub(super) fn read_limited(
    reader: impl Read,
    declared: Option<u64>,
    limit: u64,
) -> Result<Vec<u8>, ImportError> {
    if let Some(size) = declared.filter(|s| *s > limit) {
        return Err(super::too_large(size));
    }
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(super::too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The error of gzip data that cannot be inflated.
fn gzip_error(e: &std::io::Error) -> ImportError {
    ImportError::Archive {
        reason: format!(
            "the gzip-compressed data is damaged or cut short ({e}); download or copy the file \
             again"
        ),
    }
}

/// Inflates gzip data read from `reader`, within the size limit of imports
/// ([`gunzip_within`] [`MAX_FILE_BYTES`]).
///
/// # Errors
/// As [`gunzip_within`].
pub fn gunzip(reader: impl std::io::BufRead) -> Result<Vec<u8>, ImportError> {
    gunzip_within(reader, MAX_FILE_BYTES)
}

/// Inflates gzip data read from `reader`, stopping one byte past `limit` bytes of content. A
/// file of several gzip members (as `cat a.gz b.gz` makes) is inflated whole.
///
/// # Errors
/// [`ImportError::Archive`] when the data is not gzip or is damaged, [`ImportError::TooLarge`]
/// when its content is over `limit` bytes (then no more than that was inflated).
pub fn gunzip_within(
    mut reader: impl std::io::BufRead,
    limit: u64,
) -> Result<Vec<u8>, ImportError> {
    let head = reader.fill_buf()?;
    if !is_gzip(head) {
        let what = if head.is_empty() {
            "it is empty".to_owned()
        } else {
            format!(
                "it starts with {} rather than the gzip signature 1f 8b",
                head.iter()
                    .take(4)
                    .map(|b| format!("{b:02x}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        };
        return Err(ImportError::Archive {
            reason: format!(
                "the file is named .gz but is not gzip-compressed: {what}; rename it without \
                 .gz if it is a plain recording, or download it again"
            ),
        });
    }
    match read_limited(MultiGzDecoder::new(reader), None, limit) {
        Err(ImportError::Io { source }) => Err(gzip_error(&source)),
        other => other,
    }
}

/// What one file, or one file in an archive, held.
#[derive(Debug)]
pub struct FileRead {
    /// The file; for a file in an archive, the archive joined with the member's name.
    pub path: PathBuf,
    /// Its activities, or why it could not be read.
    pub activities: Result<Vec<Activity>, ImportError>,
}

/// Reads `path`, a file, a gzip-compressed file or a zip archive, and hands `each` what every
/// file in it holds, in order ([`super::read_file`] for one file; see the module
/// documentation for archives). Returns false when `each` returned false, which stops it.
pub fn read_each(path: &Path, each: &mut dyn FnMut(FileRead) -> bool) -> bool {
    if packing(path) != Packing::Zip {
        return each(FileRead {
            path: path.to_owned(),
            activities: super::read_file(path),
        });
    }
    let plan = Plan::new(std::slice::from_ref(&path.to_path_buf()));
    let mut reader = Reader::new(&plan);
    for unit in &plan.units {
        for read in reader.read(unit) {
            let activities = read.contents.and_then(|contents| match contents {
                Contents::Activities(activities) => Ok(activities),
                Contents::Wellness(_) => Err(ImportError::Unsupported {
                    reason: super::detect::WELLNESS_IS_NO_ACTIVITY.to_owned(),
                }),
            });
            if !each(FileRead {
                path: read.path,
                activities,
            }) {
                return false;
            }
        }
    }
    true
}

/// How many files [`read_each`] hands on for `path`: one, or for a zip archive its recordings
/// and its `activities.csv`. An archive that cannot be opened counts as one.
pub fn count_files(path: &Path) -> usize {
    if packing(path) != Packing::Zip {
        return 1;
    }
    super::archive::count_files(path).unwrap_or(1)
}

/// What to do with a file whose first bytes say it is packed though its name does not, for
/// the reason it is not read.
pub(crate) fn misnamed(bytes: &[u8]) -> Option<&'static str> {
    if is_gzip(bytes) {
        Some(
            "the file is gzip-compressed but its name does not end in .gz; rename it \
             (run.fit.gz) and import it again",
        )
    } else if is_zip(bytes) {
        Some(
            "the file is a zip archive but its name does not end in .zip; rename it \
             (export.zip) and import it again",
        )
    } else {
        None
    }
}

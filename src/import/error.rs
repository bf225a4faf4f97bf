//! Why a file could not be imported, and where in it: [`ImportError`] says what is wrong and
//! what to do, [`Place`] where (a line and column of a text file, a byte of a binary one).
//!
//! ```
//! use stride::import::{ImportError, Place, SourceFormat, parse};
//! let e = parse(SourceFormat::Gpx, b"<gpx><trk>", "a.gpx").unwrap_err();
//! assert!(matches!(e.place(), Some(Place::LineColumn { line: 1, .. })));
//! assert!(e.located("a.gpx".as_ref()).starts_with("a.gpx:1:"));
//! assert!(matches!(e, ImportError::Corrupt { .. }));
//! ```

use std::fmt;
use std::path::Path;

use super::{MAX_FILE_BYTES, SourceFormat};
use crate::storage::session_csv::CsvError;

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
    /// A CSV file that is neither a session nor a wellness CSV, is not UTF-8 text, or is a
    /// wellness CSV with a row Stride cannot take.
    #[error("{}{reason}", place_prefix(place))]
    Csv {
        /// Where the problem is, when known.
        place: Option<Place>,
        /// What is wrong, in plain words, and what is expected.
        reason: String,
    },
    /// The file's values are readable but would make the document invalid.
    #[error("the imported values would make the document invalid: {reason}")]
    Invalid {
        /// The document's check, naming the value.
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
            ImportError::Corrupt { place, .. } | ImportError::Csv { place, .. } => *place,
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
            }
            | ImportError::Csv {
                place: Some(Place::LineColumn { line, column }),
                reason,
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

pub(crate) fn too_large(size: u64) -> ImportError {
    ImportError::TooLarge {
        size_mb: size / (1024 * 1024),
        limit_mb: MAX_FILE_BYTES / (1024 * 1024),
    }
}

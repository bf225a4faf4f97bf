//! The one error type of document loading and saving.

use std::path::{Path, PathBuf};

/// What went wrong reading or writing an athlete document. Every variant names the file, and
/// its `Display` is a sentence a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The file could not be read or written at the operating-system level.
    #[error("{}: could not {action} the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// `read` or `write`.
        action: &'static str,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file changed on disk since it was read: replacing it would lose those changes.
    #[error(
        "{}: the file changed on disk since it was opened or last saved (another program, or \
         another Stride, wrote it); nothing was overwritten: save to another file, or open it \
         again to see the changes",
        path.display()
    )]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The file to be replaced is read-only: Stride leaves it as it is.
    #[error(
        "{}: the file is read-only, so Stride does not replace it; make it writable, or save to \
         another file",
        path.display()
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The file is larger than Stride accepts.
    #[error(
        "{}: the file is {size_mb} MB, over the {limit_mb} MB limit for the files Stride reads; \
         is it the right file?",
        path.display()
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in MB.
        size_mb: u64,
        /// The limit in MB.
        limit_mb: u64,
    },
    /// The file is empty or holds only white space.
    #[error("{}: the file is empty; an athlete document starts with `(format_version: 1, ...`", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The bytes are not UTF-8 text.
    #[error(
        "{}:{line}:{column}: the file is not UTF-8 text (is it a binary or a differently \
         encoded file?)",
        path.display()
    )]
    Encoding {
        /// The file.
        path: PathBuf,
        /// Line of the first bad byte, from 1.
        line: usize,
        /// Column of the first bad byte, from 1.
        column: usize,
    },
    /// The text is not valid RON for an athlete document.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What the parser expected or found.
        message: String,
    },
    /// The file was written by a newer Stride.
    #[error(
        "{}: the file has format version {found}, but this Stride reads versions up to \
         {supported}; update Stride to open it",
        path.display()
    )]
    FutureVersion {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// The file parses but a value is out of range.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The field path and what is wrong with it.
        message: String,
    },
    /// The document could not be turned into text (a bug, not a user error).
    #[error("{}: could not write the document as RON: {message}", path.display())]
    Serialize {
        /// The file.
        path: PathBuf,
        /// The serializer's message.
        message: String,
    },
}

impl DocumentError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            DocumentError::Io { path, .. }
            | DocumentError::TooLarge { path, .. }
            | DocumentError::Empty { path }
            | DocumentError::ReadOnly { path }
            | DocumentError::ChangedOnDisk { path }
            | DocumentError::Encoding { path, .. }
            | DocumentError::Parse { path, .. }
            | DocumentError::FutureVersion { path, .. }
            | DocumentError::Invalid { path, .. }
            | DocumentError::Serialize { path, .. } => path,
        }
    }

    /// Line and column, when the error has a place in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            DocumentError::Parse { line, column, .. }
            | DocumentError::Encoding { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

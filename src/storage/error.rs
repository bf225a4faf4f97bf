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
    /// The file is damaged (empty, cut short, not text, out of range), and the copy that
    /// saving keeps next to it (`<name>.bak`, the version before the last save) is there.
    #[error("{source}\n{}", backup_advice(source, backup, *backup_loads))]
    DamagedWithBackup {
        /// Why the file did not load.
        source: Box<DocumentError>,
        /// The copy kept by the last save.
        backup: PathBuf,
        /// Whether that copy loads.
        backup_loads: bool,
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

/// What to do with the `.bak` copy of a file that did not load.
fn backup_advice(source: &DocumentError, backup: &Path, loads: bool) -> String {
    let name = backup.file_name().map_or_else(
        || backup.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let repair = match source.position() {
        Some((line, _)) => format!("repair this file at line {line}"),
        None => "repair this file".to_owned(),
    };
    if loads {
        format!(
            "The version before the last save is kept next to it as {name}: open {name} to carry \
             on from there (then save it under the original name to replace the damaged file), \
             or {repair}."
        )
    } else {
        format!(
            "The version before the last save is kept next to it as {name}, but it does not load \
             either; {repair}."
        )
    }
}

impl DocumentError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            DocumentError::DamagedWithBackup { source, .. } => source.path(),
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

    /// Whether the error says the file's content is damaged (empty, cut short, not UTF-8,
    /// too large, out of range), rather than unreadable or from a newer Stride.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            DocumentError::Empty { .. }
                | DocumentError::Encoding { .. }
                | DocumentError::Parse { .. }
                | DocumentError::Invalid { .. }
                | DocumentError::TooLarge { .. }
                | DocumentError::DamagedWithBackup { .. }
        )
    }

    /// Line and column, when the error has a place in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            DocumentError::DamagedWithBackup { source, .. } => source.position(),
            DocumentError::Parse { line, column, .. }
            | DocumentError::Encoding { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Athlete, AthleteDocument};
    use crate::storage::{backup_path, load_document, save_document};

    /// A document saved twice into a fresh folder, so its `.bak` is there, and the file.
    fn saved_twice(dir: &Path) -> PathBuf {
        let path = dir.join("anna.ron");
        let mut doc = AthleteDocument::new(Athlete::example());
        save_document(&doc, &path).expect("first save");
        doc.athlete.name = "Anna Karlsson".to_owned();
        save_document(&doc, &path).expect("second save");
        assert!(backup_path(&path).is_file());
        path
    }

    /// Cuts the file at `path` to its first half, as a crash or a full disk might.
    fn truncate(path: &Path) {
        let text = std::fs::read_to_string(path).expect("read");
        std::fs::write(path, &text[..text.len() / 2]).expect("write");
    }

    #[test]
    fn a_truncated_file_names_the_bak_copy_and_what_to_do() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = saved_twice(dir.path());
        truncate(&path);
        let error = load_document(&path).expect_err("truncated");
        assert!(
            matches!(
                &error,
                DocumentError::DamagedWithBackup {
                    backup_loads: true,
                    ..
                }
            ),
            "{error:?}"
        );
        assert_eq!(error.path(), path.as_path());
        let (line, _) = error.position().expect("the place of the damage");
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("{}:{line}:", path.display())),
            "{message}"
        );
        for part in [
            "kept next to it as anna.ron.bak",
            "open anna.ron.bak to carry on from there",
            "save it under the original name",
            &format!("repair this file at line {line}"),
        ] {
            assert!(message.contains(part), "{part}: {message}");
        }
        // The copy is the version before the last save.
        let copy = load_document(&backup_path(&path)).expect("the copy loads");
        assert_eq!(copy.athlete.name, Athlete::example().name);
    }

    #[test]
    fn without_a_bak_or_for_other_errors_the_message_is_the_plain_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("alone.ron");
        save_document(&AthleteDocument::new(Athlete::example()), &path).expect("save");
        assert!(!backup_path(&path).exists());
        truncate(&path);
        let error = load_document(&path).expect_err("truncated");
        assert!(matches!(error, DocumentError::Parse { .. }), "{error:?}");
        assert!(!error.to_string().contains(".bak"), "{error}");
        // A missing file is not a damaged one: its copy is not offered.
        let path = saved_twice(dir.path());
        std::fs::remove_file(&path).expect("remove");
        let error = load_document(&path).expect_err("missing");
        assert!(matches!(error, DocumentError::Io { .. }), "{error:?}");
    }

    #[test]
    fn an_empty_file_with_a_damaged_bak_says_the_copy_does_not_load_either() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = saved_twice(dir.path());
        std::fs::write(&path, "").expect("empty");
        truncate(&backup_path(&path));
        let error = load_document(&path).expect_err("empty");
        assert!(
            matches!(
                &error,
                DocumentError::DamagedWithBackup {
                    backup_loads: false,
                    ..
                }
            ),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(message.contains("the file is empty"), "{message}");
        assert!(
            message.contains("anna.ron.bak, but it does not load either; repair this file."),
            "{message}"
        );
        assert!(!message.contains("open anna.ron.bak"), "{message}");
    }
}

//! Recovery files: unsaved changes kept safe until they are saved or discarded.
//!
//! While a document has unsaved changes the window writes it, every 30 seconds and when it
//! loses focus, to a recovery file in the user's data folder (never over the user's own
//! file). A save or a clean exit removes it. A recovery file still there when Stride starts
//! means the last session ended without either, and the window offers to restore it.
//!
//! Each running window has its own file, `recovery-<process id>.ron`, holding the document,
//! the file it belongs to and when it was written. The files of windows still running are
//! not offered.
//!
//! ```
//! use stride::model::{Athlete, AthleteDocument};
//! use stride::storage::recovery::RecoveryStore;
//!
//! let dir = tempfile::tempdir().unwrap();
//! // A window (process 4000000) keeps its unsaved changes, then ends without saving.
//! let crashed = RecoveryStore::in_folder_as(dir.path().to_owned(), 4_000_000);
//! let doc = AthleteDocument::new(Athlete::example());
//! crashed.write(&doc, None).unwrap();
//! assert!(crashed.leftovers().is_empty(), "a window is never offered its own file");
//! // The next start finds it.
//! let next = RecoveryStore::in_folder(dir.path().to_owned());
//! let found = next.leftovers();
//! assert_eq!(found[0].content.as_ref().unwrap().document, doc);
//! // A file of a window still running (this process) is not offered.
//! next.write(&doc, None).unwrap();
//! assert_eq!(RecoveryStore::in_folder_as(dir.path().to_owned(), 1).leftovers().len(), 1);
//! ```

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::DocumentError;
use crate::model::AthleteDocument;

/// What a recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovered {
    /// When it was written (local time).
    pub written: NaiveDateTime,
    /// The user's file the changes belong to (`None`: never saved).
    pub original: Option<PathBuf>,
    /// The document with its unsaved changes.
    pub document: AthleteDocument,
}

/// A recovery file found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Leftover {
    /// The recovery file.
    pub path: PathBuf,
    /// What it holds, or why it cannot be read.
    pub content: Result<Recovered, String>,
}

/// The folder of recovery files, and this process's file in it.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    folder: PathBuf,
    pid: u32,
}

const PREFIX: &str = "recovery-";
const SUFFIX: &str = ".ron";

impl RecoveryStore {
    /// The user's data folder (`~/.local/share/stride/recovery` on Linux), if the system
    /// names one.
    pub fn default_location() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "stride")?;
        Some(RecoveryStore::in_folder(dirs.data_dir().join("recovery")))
    }

    /// A store in `folder`, for this process.
    pub fn in_folder(folder: PathBuf) -> Self {
        RecoveryStore::in_folder_as(folder, std::process::id())
    }

    /// A store in `folder` for the process `pid` (tests use it to play the next start).
    pub fn in_folder_as(folder: PathBuf, pid: u32) -> Self {
        RecoveryStore { folder, pid }
    }

    /// This process's recovery file.
    pub fn own_file(&self) -> PathBuf {
        self.folder.join(format!("{PREFIX}{}{SUFFIX}", self.pid))
    }

    /// Writes the document (atomically) as this process's recovery file.
    ///
    /// # Errors
    /// [`DocumentError::Io`] when the folder cannot be made or written.
    pub fn write(
        &self,
        doc: &AthleteDocument,
        original: Option<&Path>,
    ) -> Result<(), DocumentError> {
        let path = self.own_file();
        let io = |action: &'static str| {
            let path = path.clone();
            move |source| DocumentError::Io {
                path,
                action,
                source,
            }
        };
        std::fs::create_dir_all(&self.folder).map_err(io("write"))?;
        let content = Recovered {
            written: chrono::Local::now().naive_local(),
            original: original.map(Path::to_owned),
            document: doc.clone(),
        };
        let text =
            ron::ser::to_string_pretty(&content, ron::ser::PrettyConfig::new()).map_err(|e| {
                DocumentError::Serialize {
                    path: path.clone(),
                    message: e.to_string(),
                }
            })?;
        let mut file = atomic_write_file::AtomicWriteFile::open(&path).map_err(io("write"))?;
        std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io("write"))?;
        file.commit().map_err(io("write"))
    }

    /// Removes this process's recovery file, if there is one.
    ///
    /// # Errors
    /// [`DocumentError::Io`] when it exists but cannot be removed.
    pub fn clear(&self) -> Result<(), DocumentError> {
        remove(&self.own_file())
    }

    /// Recovery files left by earlier sessions that ended without saving, newest first.
    /// Files of processes still running are left out, and so is this process's own.
    pub fn leftovers(&self) -> Vec<Leftover> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found: Vec<Leftover> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let Some(pid) = pid_of(p) else {
                    return false;
                };
                pid != self.pid && !process_running(pid)
            })
            .map(|path| Leftover {
                content: read(&path),
                path,
            })
            .collect();
        found.sort_by_key(|l| std::cmp::Reverse(l.content.as_ref().ok().map(|r| r.written)));
        found
    }
}

/// Removes a recovery file (a leftover the user has dealt with).
///
/// # Errors
/// [`DocumentError::Io`] when it exists but cannot be removed.
pub fn remove(path: &Path) -> Result<(), DocumentError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(DocumentError::Io {
            path: path.to_owned(),
            action: "remove",
            source,
        }),
    }
}

fn pid_of(path: &Path) -> Option<u32> {
    let name = path.file_name()?.to_str()?;
    name.strip_prefix(PREFIX)?
        .strip_suffix(SUFFIX)?
        .parse()
        .ok()
}

/// Whether a process is running; without a way to tell, false (the file is offered).
fn process_running(pid: u32) -> bool {
    cfg!(target_os = "linux") && Path::new(&format!("/proc/{pid}")).exists()
}

fn read(path: &Path) -> Result<Recovered, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("could not read it: {e}"))?;
    if bytes.len() as u64 > super::MAX_DOCUMENT_BYTES {
        return Err("it is larger than any athlete document".to_owned());
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| "it is not UTF-8 text".to_owned())?;
    let recovered: Recovered = ron::from_str(text).map_err(|e| format!("it is damaged ({e})"))?;
    recovered
        .document
        .validate()
        .map_err(|e| format!("it holds a value out of range ({}: {})", e.field, e.message))?;
    Ok(recovered)
}

/// What differs between the document as saved and as recovered, in plain lines for the
/// Compare view ("3 workouts changed", "2 activities more").
///
/// ```
/// use stride::model::{Athlete, AthleteDocument};
/// use stride::storage::recovery::differences;
/// let saved = AthleteDocument::new(Athlete::example());
/// let mut recovered = saved.clone();
/// recovered.athlete.name = "Anna".into();
/// assert_eq!(differences(&saved, &recovered), vec!["the athlete profile changed".to_owned()]);
/// assert!(differences(&saved, &saved).is_empty());
/// ```
pub fn differences(saved: &AthleteDocument, recovered: &AthleteDocument) -> Vec<String> {
    let mut out = Vec::new();
    if saved.athlete != recovered.athlete {
        out.push("the athlete profile changed".to_owned());
    }
    if saved.settings != recovered.settings {
        out.push("the model settings changed".to_owned());
    }
    let count = |n: usize, what: &str| {
        if n == 1 {
            format!("1 {what}")
        } else {
            format!("{n} {what}s")
        }
    };
    match (saved.active_plan(), recovered.active_plan()) {
        (None, Some(p)) => out.push(format!("a new plan, \"{}\"", p.name)),
        (Some(_), None) => out.push("the plan was removed".to_owned()),
        (Some(a), Some(b)) if a != b => {
            let changed = b
                .workouts
                .iter()
                .filter(|w| a.workout(w.id).is_some_and(|old| old != *w))
                .count();
            let added = b
                .workouts
                .iter()
                .filter(|w| a.workout(w.id).is_none())
                .count();
            let removed = a
                .workouts
                .iter()
                .filter(|w| b.workout(w.id).is_none())
                .count();
            for (n, what) in [(changed, "changed"), (added, "added"), (removed, "removed")] {
                if n > 0 {
                    out.push(format!("{} {what}", count(n, "workout")));
                }
            }
            if changed + added + removed == 0 {
                out.push("the plan's goal or phases changed".to_owned());
            }
        }
        _ => {}
    }
    let diff = |a: usize, b: usize, what: &str| match b.cmp(&a) {
        std::cmp::Ordering::Greater => Some(format!("{} more", count(b - a, what))),
        std::cmp::Ordering::Less => Some(format!("{} fewer", count(a - b, what))),
        std::cmp::Ordering::Equal => None,
    };
    let (ha, hb) = (&saved.history, &recovered.history);
    out.extend(
        diff(ha.activities.len(), hb.activities.len(), "activity")
            .map(|s| s.replace("activitys", "activities")),
    );
    if ha.activities.len() == hb.activities.len() && ha.activities != hb.activities {
        out.push("some activities were edited".to_owned());
    }
    out.extend(diff(ha.wellness.len(), hb.wellness.len(), "check-in"));
    if ha.wellness.len() == hb.wellness.len() && ha.wellness != hb.wellness {
        out.push("some check-ins were edited".to_owned());
    }
    out
}

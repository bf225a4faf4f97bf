//! The one way files come into a history, for the command line and the window alike:
//! [`import_files`] reads files, folders, gzip files and archives, and merges what they hold
//! in the order given, with one duplicate rule ([`super::merge`]); [`ImportReport::additions`]
//! is what it adds, applied in one step ([`Additions::apply_to`]).
//!
//! Files are decoded on every core: as many threads as [`std::thread::available_parallelism`],
//! the calling one among them, take the files one at a time, and what they read is merged on
//! the calling thread in the order of the files, so the activities, the report's lines, the
//! progress count and where a cancelled import stops are what reading the files one after
//! another would give.
//!
//! ```
//! use stride::import::{FileCounts, import_files};
//! use stride::model::History;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let runs = dir.path().join("runs.csv");
//! std::fs::write(&runs, "date,kind,duration_min\n2027-03-01 07:00,easy,40\n").unwrap();
//! let checkins = dir.path().join("wellness.csv");
//! std::fs::write(&checkins, "date,mood\n2027-03-01,4\n").unwrap();
//!
//! let mut history = History::default();
//! let report = import_files(&[dir.path().to_owned()], &history, &mut |_| true);
//! assert_eq!(report.files_done, 2);
//! assert!(matches!(report.files[0].result, Ok(FileCounts::Activities(m)) if m.added == 1));
//! report.additions().apply_to(&mut history);
//! assert_eq!((history.activities.len(), history.wellness.len()), (1, 1));
//! // The same files again add nothing.
//! let again = import_files(&[dir.path().to_owned()], &history, &mut |_| true);
//! assert!(!again.changes_history());
//! ```

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use chrono::NaiveDateTime;

use super::archive::{Plan, Reader, Unit};
use super::file::{Contents, Decoded};
use super::merge::{Merge, Taken, fill_missing, merge_into};
use super::{ImportError, SourceFormat, expand_paths};
use crate::model::{Activity, History, WellnessEntry, WellnessMerge};

/// A file that could not be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failed {
    /// The file (for a member of an archive, the archive joined with the member's name).
    pub file: PathBuf,
    /// What is wrong, with the place in the file when known (the error's `Display`).
    pub reason: String,
    /// The same with the file in front: `FILE:LINE:COLUMN: reason` ([`ImportError::located`]).
    pub located: String,
}

impl Failed {
    /// The failure of `file` with this error.
    fn of(file: &Path, e: &ImportError) -> Failed {
        Failed {
            file: file.to_owned(),
            reason: e.to_string(),
            located: e.located(file),
        }
    }
}

/// An activity left out because the history (or this import) already has it, and it adds
/// nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    /// The file it came from.
    pub file: PathBuf,
    /// Its start time.
    pub start: NaiveDateTime,
    /// Which activity it duplicates, in words.
    pub reason: String,
}

/// A duplicate that filled in figures the activity already taken lacked.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The file it came from.
    pub file: PathBuf,
    /// Its start time.
    pub start: NaiveDateTime,
    /// What it filled in, in words ("average heart rate, moving time").
    pub filled: String,
    /// Which activity it filled in, in words.
    pub reason: String,
}

/// What one file added, counted against the history as the files before it left it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileCounts {
    /// Activities added, duplicates that filled in figures (merged), and duplicates left out.
    Activities(Merge),
    /// Check-ins added, updated and unchanged.
    Wellness(WellnessMerge),
}

/// One file of an import, in the order the files were read.
#[derive(Clone, Debug, PartialEq)]
pub struct FileOutcome {
    /// The file; for a file in an archive, the archive joined with the member's name.
    pub file: PathBuf,
    /// The activity format its content was read as, when told ([`super::detect`]; `None` for
    /// a wellness CSV, a file that could not be read, and files in gzip files and archives).
    pub format: Option<SourceFormat>,
    /// What it added, or why it could not be imported (nothing of it is then).
    pub result: Result<FileCounts, Failed>,
}

/// What [`import_files`] did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// The new activities, in the order of the files and, within a file, as it lists them
    /// (with what later duplicates in this import filled in).
    pub imported: Vec<Activity>,
    /// Duplicates that filled in figures, of the history or of an activity imported before.
    pub merged: Vec<Merged>,
    /// Duplicates of activities already in the history that fill in figures: applied before
    /// [`ImportReport::imported`] ([`ImportReport::additions`]).
    pub fills: Vec<Activity>,
    /// Activities left out as duplicates that add nothing.
    pub skipped: Vec<Skipped>,
    /// The check-ins of the wellness CSVs, in the order of the files.
    pub wellness: Vec<WellnessEntry>,
    /// Every file handled, in order, with what it added or why it failed.
    pub files: Vec<FileOutcome>,
    /// How many files were handled (imported or failed) before the import ended; a member of
    /// an archive counts as a file.
    pub files_done: usize,
    /// Whether the progress callback stopped the import.
    pub cancelled: bool,
}

impl ImportReport {
    /// The files that could not be imported, in order: the failures among
    /// [`ImportReport::files`].
    pub fn failed(&self) -> Vec<&Failed> {
        self.files
            .iter()
            .filter_map(|f| f.result.as_ref().err())
            .collect()
    }

    /// What the import adds to the history it was read against: the duplicates that fill in
    /// figures, the new activities, and the check-ins.
    pub fn additions(&self) -> Additions {
        let mut activities = self.fills.clone();
        activities.extend(self.imported.iter().cloned());
        Additions {
            activities,
            wellness: self.wellness.clone(),
        }
    }

    /// The check-ins of every wellness CSV, counted together.
    pub fn wellness_counts(&self) -> WellnessMerge {
        let mut total = WellnessMerge::default();
        for outcome in &self.files {
            if let Ok(FileCounts::Wellness(m)) = outcome.result {
                total.added += m.added;
                total.updated += m.updated;
                total.unchanged += m.unchanged;
            }
        }
        total
    }

    /// Whether applying [`ImportReport::additions`] changes the history: an activity is new or
    /// fills in figures, or a check-in is new or changes a value.
    pub fn changes_history(&self) -> bool {
        let wellness = self.wellness_counts();
        !self.imported.is_empty() || !self.fills.is_empty() || wellness.added + wellness.updated > 0
    }
}

/// What an import adds to a history, as one change: the window applies it as one undoable
/// edit, the command line to the document it saves.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Additions {
    /// Activities: duplicates that fill in what the history's activities lack, then the new
    /// ones.
    pub activities: Vec<Activity>,
    /// Check-ins, merged by day.
    pub wellness: Vec<WellnessEntry>,
}

impl Additions {
    /// Whether there is nothing to add.
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty() && self.wellness.is_empty()
    }

    /// Merges the additions into `history`: the activities with [`merge_into`] (the history
    /// ends sorted by start), the check-ins with [`History::merge_wellness`]. Applied to the
    /// history the import was read against, the counts are the import's.
    pub fn apply_to(self, history: &mut History) -> (Merge, WellnessMerge) {
        let activities = merge_into(history, self.activities);
        let wellness = if self.wellness.is_empty() {
            WellnessMerge::default()
        } else {
            history.merge_wellness(self.wellness)
        };
        (activities, wellness)
    }
}

/// Imports `files` (files, folders, gzip files and zip archives; a folder stands for its files,
/// [`expand_paths`]) in order against `existing`, which is not changed.
///
/// Each file holds activities or check-ins ([`super::file`]); every file in an archive counts
/// as one. An activity that starts within a minute of one in `existing` or of one imported
/// earlier in this call is a duplicate ([`super::same_activity`]): it fills in what that one
/// lacks ([`fill_missing`]; merged) or is left out (skipped). A file whose values would make
/// the document invalid adds nothing. After each file it calls `progress(files_done)`; when
/// that returns false, it stops and marks the report cancelled. A failing file is recorded in
/// the report, never fatal. The caller applies [`ImportReport::additions`].
pub fn import_files(
    files: &[PathBuf],
    existing: &History,
    progress: &mut dyn FnMut(usize) -> bool,
) -> ImportReport {
    let plan = Plan::new(&expand_paths(files));
    let units = plan.units.len();
    let mut merger = Merger::new(existing);
    // The calling thread reads files too, between merging what the others have read: one
    // thread to a core, none of them only waiting.
    let others = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(units)
        .saturating_sub(1);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (sender, receiver) = mpsc::channel::<(usize, Vec<Decoded>)>();
    std::thread::scope(|scope| {
        for _ in 0..others {
            let sender = sender.clone();
            let (plan, next, stop) = (&plan, &next, &stop);
            scope.spawn(move || {
                let mut reader = Reader::new(plan);
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(unit) = plan.units.get(i) else {
                        break;
                    };
                    if sender.send((i, read(&mut reader, unit))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut reader = Reader::new(&plan);
        // What was read ahead of the file to merge next.
        let mut ahead: BTreeMap<usize, Vec<Decoded>> = BTreeMap::new();
        let mut merged = 0;
        'files: while merged < units {
            ahead.extend(receiver.try_iter());
            while let Some(decoded) = ahead.remove(&merged) {
                merged += 1;
                for file in decoded {
                    merger.take(file);
                    if !progress(merger.report.files_done) {
                        merger.report.cancelled = true;
                        break 'files;
                    }
                }
            }
            if merged == units {
                break;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            match plan.units.get(i) {
                Some(unit) => {
                    ahead.insert(i, read(&mut reader, unit));
                }
                // Every file is taken: wait for the others'.
                None => match receiver.recv() {
                    Ok((j, decoded)) => {
                        ahead.insert(j, decoded);
                    }
                    // Every other thread ended without it: one failed, and the scope says how.
                    Err(_) => break,
                },
            }
        }
        stop.store(true, Ordering::Relaxed);
    });
    merger.report
}

/// What a file holds, its values checked.
fn read(reader: &mut Reader<'_>, unit: &Unit) -> Vec<Decoded> {
    reader
        .read(unit)
        .into_iter()
        .map(Decoded::checked)
        .collect()
}

/// Merges files into a report in order, against a history it does not change.
struct Merger<'h> {
    existing: &'h History,
    /// The sessions of the history and of the files merged so far.
    taken: Taken,
    /// The history's activities as this import filled them in, by slot.
    filled_in: BTreeMap<usize, Activity>,
    /// Each file merged, by the index `origin` names.
    read: Vec<PathBuf>,
    /// The history's check-ins as the wellness CSVs so far left them.
    wellness: History,
    report: ImportReport,
}

impl<'h> Merger<'h> {
    fn new(existing: &'h History) -> Self {
        Merger {
            existing,
            taken: Taken::new(&existing.activities),
            filled_in: BTreeMap::new(),
            read: Vec::new(),
            wellness: History {
                wellness: existing.wellness.clone(),
                ..History::default()
            },
            report: ImportReport::default(),
        }
    }

    /// Merges the next file.
    fn take(&mut self, file: Decoded) {
        let i = self.read.len();
        self.read.push(file.path.clone());
        let result = match file.contents {
            Ok(Contents::Activities(activities)) => Ok(FileCounts::Activities(
                self.take_activities(i, &file.path, activities),
            )),
            Ok(Contents::Wellness(entries)) => {
                let counts = self.wellness.merge_wellness(entries.iter().cloned());
                self.report.wellness.extend(entries);
                Ok(FileCounts::Wellness(counts))
            }
            Err(e) => Err(Failed::of(&file.path, &e)),
        };
        self.report.files.push(FileOutcome {
            file: file.path,
            format: file.format,
            result,
        });
        self.report.files_done = self.read.len();
    }

    /// Merges the activities of the `i`th file.
    fn take_activities(&mut self, i: usize, file: &Path, activities: Vec<Activity>) -> Merge {
        let history_len = self.existing.activities.len();
        let mut counts = Merge::default();
        for activity in activities {
            let Some(found) = self.taken.find(&activity) else {
                let slot = history_len + self.report.imported.len();
                self.taken.insert(&activity, Some(i), slot);
                self.report.imported.push(activity);
                counts.added += 1;
                continue;
            };
            let whose = match found.origin {
                None => "one already in the history".to_owned(),
                Some(j) if j == i => "one earlier in the same file".to_owned(),
                Some(j) => match self.read.get(j) {
                    Some(other) => format!("one imported from {}", other.display()),
                    None => "one imported before".to_owned(),
                },
            };
            let reason = format!(
                "starts within a minute of {whose} (at {})",
                found.start.format("%Y-%m-%d %H:%M:%S")
            );
            let filled = match found.slot.checked_sub(history_len) {
                Some(k) => self
                    .report
                    .imported
                    .get_mut(k)
                    .map(|stored| fill_missing(stored, &activity))
                    .unwrap_or_default(),
                None => match self.existing.activities.get(found.slot) {
                    Some(original) => {
                        let stored = self
                            .filled_in
                            .entry(found.slot)
                            .or_insert_with(|| original.clone());
                        let filled = fill_missing(stored, &activity);
                        if !filled.is_empty() {
                            self.report.fills.push(activity.clone());
                        }
                        filled
                    }
                    None => Vec::new(),
                },
            };
            if filled.is_empty() {
                counts.duplicates += 1;
                self.report.skipped.push(Skipped {
                    file: file.to_owned(),
                    start: activity.start,
                    reason,
                });
            } else {
                counts.merged += 1;
                self.report.merged.push(Merged {
                    file: file.to_owned(),
                    start: activity.start,
                    filled: filled.join(", "),
                    reason,
                });
            }
        }
        counts
    }
}

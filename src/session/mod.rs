//! The open document, its file, and the one place where edits are applied.
//!
//! Every change to a document goes through [`Session::apply`] as an [`Edit`]. That makes every
//! change undoable (one edit is one undo step, history capped at [`UNDO_LIMIT`]) and gives each
//! document state a revision number, which views use to know when derived data (load series,
//! findings) must be recomputed and whether there are unsaved changes.
//!
//! An undo step holds only what its edit changed (a moved workout, a logged activity's place,
//! a check-in as it was), not a copy of the document, so undo costs the same with twenty years
//! of history as with one.
//!
//! ```
//! use stride::model::{Athlete, AthleteDocument};
//! use stride::session::{Edit, Session};
//!
//! let mut session = Session::new(AthleteDocument::new(Athlete::example()), None);
//! assert!(!session.is_modified());
//! let mut athlete = session.document().athlete.clone();
//! athlete.name = "Anna".into();
//! session.apply(Edit::SetAthlete(athlete));
//! assert!(session.is_modified());
//! session.undo();
//! assert_eq!(session.document().athlete.name, "New athlete");
//! assert!(!session.is_modified());
//! ```

pub mod derived;
pub mod drag;
pub mod overview;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::{
    Activity, Athlete, AthleteDocument, DayChange, Plan, Settings, WellnessEntry, Workout,
    WorkoutId,
};
use crate::storage::{self, DocumentError};

mod undo;

/// How many edits can be undone.
pub const UNDO_LIMIT: usize = 200;

/// A committed change to the document. Plan edits act on the active plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replace the athlete profile.
    SetAthlete(Athlete),
    /// Move a workout to another day; it becomes `locked` (placed by hand).
    MoveWorkout {
        /// Which workout.
        id: WorkoutId,
        /// The new day.
        to: NaiveDate,
    },
    /// Copy a workout to a day (a new, locked workout).
    CopyWorkout {
        /// Which workout.
        id: WorkoutId,
        /// The day of the copy.
        to: NaiveDate,
    },
    /// Exchange the workouts of two days.
    SwapDays {
        /// One day.
        a: NaiveDate,
        /// The other day.
        b: NaiveDate,
    },
    /// Remove a workout.
    DeleteWorkout(WorkoutId),
    /// Replace a workout with an edited version (same id).
    ReplaceWorkout(Workout),
    /// Replace the active plan (a generated one), or add it when there is none.
    SetPlan(Plan),
    /// Add a completed activity to the history.
    LogActivity(Activity),
    /// Replace a logged activity (the first one equal to `old`) with `new`.
    EditActivity {
        /// The activity as it is.
        old: Box<Activity>,
        /// What it becomes.
        new: Box<Activity>,
    },
    /// Remove a logged activity (the first one equal to it).
    DeleteActivity(Activity),
    /// Add imported activities and check-ins to the history, as one step.
    ImportActivities {
        /// The new activities, and duplicates that fill in figures.
        activities: Vec<Activity>,
        /// The check-ins, merged by day.
        wellness: Vec<WellnessEntry>,
        /// What was imported, for the Undo menu.
        label: String,
    },
    /// Record a day's wellness check-in, replacing any earlier one of that day.
    SetWellness(WellnessEntry),
    /// Remove the check-in of a day.
    DeleteWellness(NaiveDate),
    /// Replace the active plan with a changed version of itself: a suggestion taken or the
    /// plan adapted from today. The label names the change for Undo.
    ChangePlan {
        /// The whole plan after the change.
        plan: Plan,
        /// What changed, for the Undo menu.
        label: String,
    },
    /// Replace the model settings (load model, time constants, form convention).
    SetSettings(Settings),
    /// Add a plan to the season, after the others: the active plan stays active. Its workouts
    /// are numbered after every id the document uses, its logged activities' included, so no
    /// activity done for another plan counts as done for this one.
    AddPlan(Plan),
    /// Make the plan at this index of [`AthleteDocument::plans`] the active one: it moves to
    /// the front, the others keep their order behind it.
    MakeActivePlan(usize),
}

fn day_label(day: NaiveDate) -> String {
    day.format("%a %-d %b").to_string()
}

impl Edit {
    /// What the edit did, for the Undo/Redo menu entries: "Move Tempo 8 km to Thu 12 Mar".
    pub fn describe(&self, doc: &AthleteDocument) -> String {
        let title = |id: &WorkoutId| {
            doc.active_plan()
                .and_then(|p| p.workout(*id))
                .map_or_else(|| "workout".to_owned(), Workout::display_title)
        };
        match self {
            Edit::SetAthlete(_) => "profile change".to_owned(),
            Edit::SetSettings(_) => "model settings".to_owned(),
            Edit::MoveWorkout { id, to } => format!("Move {} to {}", title(id), day_label(*to)),
            Edit::CopyWorkout { id, to } => format!("Copy {} to {}", title(id), day_label(*to)),
            Edit::SwapDays { a, b } => format!("Swap {} and {}", day_label(*a), day_label(*b)),
            Edit::DeleteWorkout(id) => format!("Delete {}", title(id)),
            Edit::ReplaceWorkout(w) => format!("Edit {}", w.display_title()),
            Edit::SetPlan(plan) => format!("New plan \"{}\"", plan.name),
            Edit::LogActivity(a) => match a.planned_workout {
                Some(id) => format!("Mark {} done", title(&id)),
                None => format!("Log {}", a.kind.label()),
            },
            Edit::EditActivity { new, .. } => {
                format!("Edit {} of {}", new.kind.label(), day_label(new.date()))
            }
            Edit::DeleteActivity(a) => {
                format!("Delete {} of {}", a.kind.label(), day_label(a.date()))
            }
            Edit::SetWellness(e) => format!("Check-in of {}", day_label(e.date)),
            Edit::ImportActivities { label, .. } => label.clone(),
            Edit::DeleteWellness(d) => format!("Delete check-in of {}", day_label(*d)),
            Edit::ChangePlan { label, .. } => label.clone(),
            Edit::AddPlan(plan) => format!("Add plan \"{}\" to the season", plan.name),
            Edit::MakeActivePlan(i) => doc.plans.get(*i).map_or_else(
                || "active plan".to_owned(),
                |p| format!("Make \"{}\" the active plan", p.name),
            ),
        }
    }

    /// Applies the edit to a document.
    fn apply_to(self, doc: &mut AthleteDocument) {
        let next_id = doc.next_workout_id();
        let plan = match self {
            Edit::SetAthlete(athlete) => return doc.athlete = athlete,
            Edit::SetSettings(settings) => return doc.settings = settings,
            Edit::SetPlan(plan) => {
                match doc.plans.first_mut() {
                    Some(active) => *active = plan,
                    None => doc.plans.push(plan),
                }
                return;
            }
            Edit::LogActivity(activity) => return doc.history.activities.push(activity),
            Edit::ImportActivities {
                activities,
                wellness,
                ..
            } => {
                // The command line's merge: the history stays sorted by start.
                crate::import::Additions {
                    activities,
                    wellness,
                }
                .apply_to(&mut doc.history);
                return;
            }
            Edit::EditActivity { old, new } => {
                if let Some(a) = doc.history.activities.iter_mut().find(|a| **a == *old) {
                    *a = *new;
                }
                return;
            }
            Edit::DeleteActivity(old) => {
                if let Some(i) = doc.history.activities.iter().position(|a| *a == old) {
                    doc.history.activities.remove(i);
                }
                return;
            }
            Edit::SetWellness(entry) => {
                let wellness = &mut doc.history.wellness;
                wellness.retain(|e| e.date != entry.date);
                let at = wellness.partition_point(|e| e.date < entry.date);
                return wellness.insert(at, entry);
            }
            Edit::DeleteWellness(day) => return doc.history.wellness.retain(|e| e.date != day),
            Edit::AddPlan(mut plan) => {
                let logged = doc
                    .history
                    .activities
                    .iter()
                    .filter_map(|a| a.planned_workout)
                    .map(|id| id.0.saturating_add(1))
                    .max();
                let mut next = next_id.0.max(logged.unwrap_or(1));
                for w in &mut plan.workouts {
                    w.id = WorkoutId(next);
                    next = next.saturating_add(1);
                }
                return doc.plans.push(plan);
            }
            Edit::MakeActivePlan(i) => {
                if i < doc.plans.len() {
                    let plan = doc.plans.remove(i);
                    doc.plans.insert(0, plan);
                }
                return;
            }
            plan_edit => plan_edit,
        };
        let Some(active) = doc.plans.first_mut() else {
            return;
        };
        apply_to_plan(plan, active, next_id);
    }
}

/// Applies an edit of the active plan.
fn apply_to_plan(edit: Edit, plan: &mut Plan, next_id: WorkoutId) {
    match edit {
        Edit::ChangePlan { plan: new, .. } => *plan = new,
        Edit::MoveWorkout { id, to } => {
            plan.apply_day_change(DayChange::Move { id, to });
        }
        Edit::CopyWorkout { id, to } => {
            plan.apply_day_change(DayChange::Copy {
                id,
                to,
                new_id: next_id,
            });
        }
        Edit::SwapDays { a, b } => {
            plan.apply_day_change(DayChange::Swap { a, b });
        }
        Edit::DeleteWorkout(id) => plan.workouts.retain(|w| w.id != id),
        Edit::ReplaceWorkout(new) => {
            if let Some(w) = plan.workouts.iter_mut().find(|w| w.id == new.id) {
                *w = new;
            }
        }
        Edit::SetAthlete(_)
        | Edit::SetSettings(_)
        | Edit::SetPlan(_)
        | Edit::LogActivity(_)
        | Edit::EditActivity { .. }
        | Edit::DeleteActivity(_)
        | Edit::ImportActivities { .. }
        | Edit::SetWellness(_)
        | Edit::DeleteWellness(_)
        | Edit::AddPlan(_)
        | Edit::MakeActivePlan(_) => {}
    }
}

/// A step of the undo or redo history: what turns the document into the state it returns
/// to, that state's revision, and the edit's name.
#[derive(Clone, Debug)]
struct Entry {
    changes: Vec<undo::Change>,
    revision: u64,
    label: String,
}

/// The open document with its file path, undo history and save state.
#[derive(Debug)]
pub struct Session {
    document: AthleteDocument,
    path: Option<PathBuf>,
    /// The file as it was when last read or written here: a save that finds it different
    /// refuses, since something else wrote it in between.
    disk: Option<storage::DiskStamp>,
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    undo: Vec<Entry>,
    redo: Vec<Entry>,
}

impl Session {
    /// A session on a document that has nothing unsaved: one just read from `path`, or one
    /// with nothing to lose such as the demo (no path).
    pub fn new(document: AthleteDocument, path: Option<PathBuf>) -> Self {
        Session::with_saved_revision(document, path, Some(0))
    }

    /// A session on changes restored from a recovery file: they belong to `path` (if the
    /// document was ever saved) but are not in it, so the session counts as unsaved.
    pub fn restored(document: AthleteDocument, path: Option<PathBuf>) -> Self {
        Session::with_saved_revision(document, path, None)
    }

    /// A session on a document just created by the user: it counts as unsaved until it has
    /// been saved to a file.
    pub fn created(document: AthleteDocument) -> Self {
        Session::with_saved_revision(document, None, None)
    }

    fn with_saved_revision(
        document: AthleteDocument,
        path: Option<PathBuf>,
        saved_revision: Option<u64>,
    ) -> Self {
        Session {
            disk: path.as_deref().and_then(storage::disk_stamp),
            document,
            path,
            revision: 0,
            next_revision: 1,
            saved_revision,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Opens a file into a new session.
    ///
    /// # Errors
    /// The loader's [`DocumentError`]; nothing on disk changes.
    pub fn open(path: &Path) -> Result<Self, DocumentError> {
        let document = storage::load_document(path)?;
        Ok(Session::new(document, Some(path.to_owned())))
    }

    /// The document as it is now.
    pub fn document(&self) -> &AthleteDocument {
        &self.document
    }

    /// The file this session saves to, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A number that changes whenever the document changes (including undo and redo).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the document differs from the file it was opened from or last saved to, or
    /// was created here and never saved.
    pub fn is_modified(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    /// Applies an edit as one undoable step. An edit that changes nothing records nothing.
    pub fn apply(&mut self, edit: Edit) {
        let label = edit.describe(&self.document);
        let before = undo::Before::take(&self.document, undo::scope(&edit, &self.document));
        edit.apply_to(&mut self.document);
        let changes = before.changes(&self.document);
        if changes.is_empty() {
            return;
        }
        self.undo.push(Entry {
            changes,
            revision: self.revision,
            label,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision = self.next_revision;
        self.next_revision += 1;
    }

    /// What Undo would undo, if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// What Redo would redo, if anything.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Returns to the state before the last edit. Returns false if there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Re-applies the last undone edit. Returns false if there was nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, backwards: bool) -> bool {
        let (from, to) = if backwards {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(target) = from.pop() else {
            return false;
        };
        let changes = target
            .changes
            .into_iter()
            .map(|change| change.apply(&mut self.document))
            .collect();
        to.push(Entry {
            changes,
            revision: self.revision,
            label: target.label,
        });
        self.revision = target.revision;
        true
    }

    /// Saves to the session's file.
    ///
    /// # Errors
    /// The saver's [`DocumentError`] ([`DocumentError::ChangedOnDisk`] when something else
    /// wrote the file since it was opened or saved here); on error the file on disk is
    /// unchanged and the session stays modified. A session without a file returns an error
    /// asking for Save as.
    pub fn save(&mut self) -> Result<(), DocumentError> {
        let Some(path) = self.path.clone() else {
            return Err(DocumentError::Io {
                path: PathBuf::from("(untitled)"),
                action: "write",
                source: std::io::Error::other("choose a file with Save as first"),
            });
        };
        self.save_as(&path)
    }

    /// Saves to a new file, which becomes the session's file.
    ///
    /// # Errors
    /// The saver's [`DocumentError`]; on error nothing changes.
    pub fn save_as(&mut self, path: &Path) -> Result<(), DocumentError> {
        let _lock = storage::lock_document(path)?;
        // Over its own file, the session first checks that nothing else wrote it since.
        let own = self
            .path
            .as_deref()
            .is_some_and(|p| p == path || storage::same_file(p, path));
        if own && self.disk.is_some() && storage::disk_stamp(path) != self.disk {
            return Err(DocumentError::ChangedOnDisk {
                path: path.to_owned(),
            });
        }
        storage::save_document(&self.document, path)?;
        self.path = Some(path.to_owned());
        self.disk = storage::disk_stamp(path);
        self.saved_revision = Some(self.revision);
        Ok(())
    }

    /// Whether the session's file changed on disk since it was opened or last saved here.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.disk) {
            (Some(path), Some(stamp)) => storage::disk_stamp(path) != Some(stamp),
            _ => false,
        }
    }
}

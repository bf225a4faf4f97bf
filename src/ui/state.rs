//! The window's own state that is not the document: what persists between runs, which tab
//! is shown, and an action waiting on the unsaved-changes question. Views, dialogs and the app
//! all read these; none of them needs the app to do so.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files the File menu lists.
const RECENT_LIMIT: usize = 10;

/// UI state kept between runs through eframe's storage. Athlete data is never stored here,
/// only in the user's own files.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    /// Most recently opened or saved files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The athlete panel on the left is hidden.
    pub hide_athlete_panel: bool,
    /// The workout panel on the right is hidden.
    pub hide_workout_panel: bool,
}

impl UiState {
    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_LIMIT);
    }
}

/// An action waiting for the user to decide about unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingAction {
    /// Start a new athlete.
    NewAthlete,
    /// Show the open dialog.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
}

/// The user's answer to the unsaved-changes question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Do nothing.
    Cancel,
}

/// The main view in the centre of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CentralTab {
    /// The plan on a calendar.
    Calendar,
    /// Completed activities.
    History,
    /// Fitness, fatigue and form, ACWR, weekly volume, wellness.
    Charts,
    /// The plans of the document with their races and days off.
    Season,
}

//! The user's commands: one enum that defines each command's label and shortcut, read by the
//! menus and the keyboard handler alike.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::WorkoutId;
use crate::session::Edit;

/// Something the user asked for. Views push these while drawing; the app runs them after the
/// frame's drawing, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum AppCommand {
    /// Start a new athlete document.
    NewAthlete,
    /// Open a document through the open dialog.
    Open,
    /// Open a given file (recent files, command line).
    OpenPath(PathBuf),
    /// Save to the current file (Save as when there is none).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Edit the athlete profile.
    EditProfile,
    /// Generate a new plan toward a goal race.
    NewPlan,
    /// Close the window (asks about unsaved changes).
    Quit,
    /// Apply an edit to the document.
    Apply(Edit),
    /// Select a workout (or nothing).
    SelectWorkout(Option<WorkoutId>),
    /// Show a day on the calendar and select its first workout.
    ShowDay(chrono::NaiveDate),
    /// Ask where to save the fitness, fatigue and form chart over these days (day numbers).
    ExportChart {
        /// First day shown.
        from: i64,
        /// Last day shown.
        to: i64,
    },
    /// Move the selection by this many days (to the nearest day with a workout that way).
    MoveSelection(i64),
    /// Open today's check-in.
    CheckIn,
    /// Open the check-in of a day.
    CheckInOn(chrono::NaiveDate),
    /// Open the activity form: a new activity (`None`) or one to edit.
    LogActivity(Option<Box<crate::model::Activity>>),
    /// Open the activity form prefilled from a planned workout ("Mark done").
    MarkDone(WorkoutId),
    /// Show the Recovery window (warnings, suggestions, tips).
    ShowRecovery,
    /// Work out "Adapt plan from today" and show the comparison.
    AdaptPlan,
    /// Open the form for a tune-up race on a day.
    AddRace(chrono::NaiveDate),
    /// Open the form for days away from a day.
    Away(chrono::NaiveDate),
    /// Open the form for sick days from a day.
    Sick(chrono::NaiveDate),
    /// Open the New plan form for a plan to add to the season.
    PlanAnotherRace,
    /// Make the plan at this index the active one, and show it on the calendar.
    MakeActivePlan(usize),
    /// Choose activity files to import.
    ImportActivities,
    /// Choose a folder of activity files to import.
    ImportFolder,
    /// Choose a format and a place to export the plan.
    ExportPlan,
    /// Delete the selected workout.
    DeleteSelected,
    /// Duplicate the selected workout on its day.
    DuplicateSelected,
    /// A drag of a workout started: work out what a drop on each visible day would do.
    BeginDrag(WorkoutId),
    /// A dragged workout was dropped on a day: move it, copy it (Ctrl) or swap the two days
    /// (Shift).
    Drop {
        /// The workout.
        id: WorkoutId,
        /// The day it was dropped on.
        to: chrono::NaiveDate,
        /// Copy instead of move.
        copy: bool,
        /// Swap the two days' workouts.
        swap: bool,
    },
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl AppCommand {
    /// The label in menus.
    pub fn label(&self) -> &'static str {
        match self {
            AppCommand::NewAthlete => "New athlete…",
            AppCommand::Open => "Open…",
            AppCommand::OpenPath(_) => "Open",
            AppCommand::Save => "Save",
            AppCommand::SaveAs => "Save as…",
            AppCommand::Undo => "Undo",
            AppCommand::Redo => "Redo",
            AppCommand::EditProfile => "Athlete profile…",
            AppCommand::NewPlan => "New plan…",
            AppCommand::Quit => "Quit",
            AppCommand::Apply(_) => "Edit",
            AppCommand::SelectWorkout(_) => "Select",
            AppCommand::ShowDay(_) => "Show on the calendar",
            AppCommand::ExportChart { .. } => "Save chart…",
            AppCommand::MoveSelection(_) => "Move selection",
            AppCommand::CheckIn | AppCommand::CheckInOn(_) => "Check in…",
            AppCommand::LogActivity(_) => "Log activity…",
            AppCommand::MarkDone(_) => "Mark done…",
            AppCommand::ShowRecovery => "Recovery…",
            AppCommand::AdaptPlan => "Adapt plan from today…",
            AppCommand::AddRace(_) => "Add race…",
            AppCommand::Away(_) => "Away…",
            AppCommand::Sick(_) => "Sick…",
            AppCommand::PlanAnotherRace => "New plan for another race…",
            AppCommand::MakeActivePlan(_) => "Make active",
            AppCommand::ImportActivities => "Import activities…",
            AppCommand::ImportFolder => "Import a folder of activities…",
            AppCommand::ExportPlan => "Export plan…",
            AppCommand::DeleteSelected => "Delete workout",
            AppCommand::DuplicateSelected => "Duplicate workout",
            AppCommand::BeginDrag(_) => "Drag",
            AppCommand::Drop { .. } => "Drop",
        }
    }

    /// The primary keyboard shortcut, shown in menus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let (modifiers, key) = match self {
            AppCommand::NewAthlete => (CTRL, Key::N),
            AppCommand::Open => (CTRL, Key::O),
            AppCommand::Save => (CTRL, Key::S),
            AppCommand::SaveAs => (CTRL_SHIFT, Key::S),
            AppCommand::Undo => (CTRL, Key::Z),
            AppCommand::Redo => (CTRL_SHIFT, Key::Z),
            AppCommand::Quit => (CTRL, Key::Q),
            AppCommand::DuplicateSelected => (CTRL, Key::D),
            AppCommand::DeleteSelected => (Modifiers::NONE, Key::Delete),
            _ => return None,
        };
        Some(KeyboardShortcut::new(modifiers, key))
    }

    /// Commands reachable by keyboard, with extra shortcuts (Ctrl+Y for Redo). Shortcuts with
    /// more modifiers come first so Ctrl+Shift+S is not taken for Ctrl+S.
    pub fn keyboard() -> Vec<(KeyboardShortcut, AppCommand)> {
        let mut all: Vec<(KeyboardShortcut, AppCommand)> = [
            AppCommand::SaveAs,
            AppCommand::Redo,
            AppCommand::NewAthlete,
            AppCommand::Open,
            AppCommand::Save,
            AppCommand::Undo,
            AppCommand::Quit,
        ]
        .into_iter()
        .filter_map(|c| c.shortcut().map(|s| (s, c)))
        .collect();
        all.push((KeyboardShortcut::new(CTRL, Key::Y), AppCommand::Redo));
        all
    }

    /// Keys that act on the calendar's selection; they are left to text fields that have the
    /// keyboard focus.
    pub fn selection_keys() -> Vec<(KeyboardShortcut, AppCommand)> {
        let none = Modifiers::NONE;
        vec![
            (
                KeyboardShortcut::new(none, Key::ArrowLeft),
                AppCommand::MoveSelection(-1),
            ),
            (
                KeyboardShortcut::new(none, Key::ArrowRight),
                AppCommand::MoveSelection(1),
            ),
            (
                KeyboardShortcut::new(none, Key::ArrowUp),
                AppCommand::MoveSelection(-7),
            ),
            (
                KeyboardShortcut::new(none, Key::ArrowDown),
                AppCommand::MoveSelection(7),
            ),
            (
                KeyboardShortcut::new(none, Key::Delete),
                AppCommand::DeleteSelected,
            ),
            (
                KeyboardShortcut::new(CTRL, Key::D),
                AppCommand::DuplicateSelected,
            ),
        ]
    }
}

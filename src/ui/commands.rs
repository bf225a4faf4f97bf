//! What the user can ask of the window, in two kinds:
//!
//! - [`Command`]: a data-less command with one row in one table ([`Command::info`]): its menu
//!   label, tooltip, keyboard shortcuts and menu entry. The menus and the keyboard handler both
//!   read the table, so a shortcut shown in a menu is the one that works, and a test checks
//!   that no two commands share a shortcut.
//! - [`Request`]: what a view or a window asks for with data attached (an edit, a day, a file),
//!   or a [`Command`]. Views push requests while drawing; the app carries them out after the
//!   frame is drawn, in order, in one place ([`crate::ui::StrideApp::push`]).

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers};

use super::dialogs::{DialogAnswer, DialogRequest};
use super::state::{PendingAction, UnsavedChoice};
use crate::model::{Activity, AthleteDocument, WorkoutId};
use crate::rules::preview::DropKind;
use crate::session::Edit;

/// A data-less user command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new athlete document.
    NewAthlete,
    /// Open a document through the open dialog.
    Open,
    /// Save to the current file (Save as when there is none).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Choose activity, session or wellness files to import.
    ImportActivities,
    /// Choose a folder of files to import.
    ImportFolder,
    /// Choose a format and a place to export the plan.
    ExportPlan,
    /// Close the window (asks about unsaved changes).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Duplicate the selected workout on its day.
    DuplicateSelected,
    /// Delete the selected workout.
    DeleteSelected,
    /// Edit the athlete profile.
    EditProfile,
    /// Generate a new plan toward a goal race.
    NewPlan,
    /// Open the New plan form for a plan to add to the season.
    PlanAnotherRace,
    /// Work out "Adapt plan from today" and show the comparison.
    AdaptPlan,
    /// Show the Recovery window (warnings, suggestions, tips).
    ShowRecovery,
    /// Open the form for a new activity.
    LogActivity,
    /// Open today's check-in.
    CheckIn,
    /// Select the workout of the previous day with one.
    SelectPreviousDay,
    /// Select the workout of the next day with one.
    SelectNextDay,
    /// Select a workout a week earlier.
    SelectPreviousWeek,
    /// Select a workout a week later.
    SelectNextWeek,
    /// Show or hide the athlete panel on the left.
    ToggleAthletePanel,
    /// Show or hide the workout panel on the right.
    ToggleWorkoutPanel,
}

/// The menus of the menu bar, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// Documents, import and export.
    File,
    /// Undo, the selection, the profile.
    Edit,
    /// Plans.
    Plan,
    /// Logging training and check-ins.
    Training,
    /// What the window shows.
    View,
}

impl Menu {
    /// Every menu, in the order of the menu bar.
    pub const ALL: [Menu; 5] = [
        Menu::File,
        Menu::Edit,
        Menu::Plan,
        Menu::Training,
        Menu::View,
    ];

    /// The menu's title.
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::Plan => "Plan",
            Menu::Training => "Training",
            Menu::View => "View",
        }
    }
}

/// When a command's keys work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyScope {
    /// Anywhere, unless a form window has the keyboard.
    Anywhere,
    /// Only when no text field has the keyboard and no dialog is open: the keys act on the
    /// calendar's selection, and a text field needs them itself.
    Calendar,
}

/// A command's row in the table.
#[derive(Clone, Copy, Debug)]
pub struct CommandInfo {
    /// The label in menus and on buttons.
    pub label: &'static str,
    /// What it does, on hover.
    pub tooltip: &'static str,
    /// Its shortcuts; the first is shown in menus.
    pub shortcuts: &'static [KeyboardShortcut],
    /// Where its keys work.
    pub scope: KeyScope,
    /// Its menu, and a group within it (a separator falls between groups).
    pub menu: Option<(Menu, u8)>,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;

const fn info(
    label: &'static str,
    tooltip: &'static str,
    shortcuts: &'static [KeyboardShortcut],
    menu: Option<(Menu, u8)>,
) -> CommandInfo {
    CommandInfo {
        label,
        tooltip,
        shortcuts,
        scope: KeyScope::Anywhere,
        menu,
    }
}

const fn calendar_key(
    label: &'static str,
    tooltip: &'static str,
    shortcuts: &'static [KeyboardShortcut],
    menu: Option<(Menu, u8)>,
) -> CommandInfo {
    CommandInfo {
        scope: KeyScope::Calendar,
        ..info(label, tooltip, shortcuts, menu)
    }
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 25] = [
        Command::NewAthlete,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::ImportActivities,
        Command::ImportFolder,
        Command::ExportPlan,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::DuplicateSelected,
        Command::DeleteSelected,
        Command::EditProfile,
        Command::NewPlan,
        Command::PlanAnotherRace,
        Command::AdaptPlan,
        Command::ShowRecovery,
        Command::LogActivity,
        Command::CheckIn,
        Command::SelectPreviousDay,
        Command::SelectNextDay,
        Command::SelectPreviousWeek,
        Command::SelectNextWeek,
        Command::ToggleAthletePanel,
        Command::ToggleWorkoutPanel,
    ];

    /// The command's row: label, tooltip, shortcuts, menu.
    pub fn info(self) -> CommandInfo {
        use Menu::{Edit, File, Plan, Training, View};
        match self {
            Command::NewAthlete => info(
                "New athlete…",
                "Start a document for another athlete",
                &const { [key(CTRL, Key::N)] },
                Some((File, 0)),
            ),
            Command::Open => info(
                "Open…",
                "Open an athlete document (.ron)",
                &const { [key(CTRL, Key::O)] },
                Some((File, 0)),
            ),
            Command::Save => info(
                "Save",
                "Save to the document's file",
                &const { [key(CTRL, Key::S)] },
                Some((File, 1)),
            ),
            Command::SaveAs => info(
                "Save as…",
                "Save to a new file, which becomes the document's file",
                &const { [key(CTRL_SHIFT, Key::S)] },
                Some((File, 1)),
            ),
            Command::ImportActivities => info(
                "Import activities…",
                "Activities (FIT, GPX, TCX, Strava's export), sessions and check-ins (CSV)",
                &[],
                Some((File, 2)),
            ),
            Command::ImportFolder => info(
                "Import a folder of activities…",
                "Every activity, session and check-in file in a folder",
                &[],
                Some((File, 2)),
            ),
            Command::ExportPlan => info(
                "Export plan…",
                "The active plan as a calendar, a spreadsheet, watch workouts or a printout",
                &[],
                Some((File, 2)),
            ),
            Command::Quit => info(
                "Quit",
                "Close the window (asks about unsaved changes)",
                &const { [key(CTRL, Key::Q)] },
                Some((File, 3)),
            ),
            Command::Undo => info(
                "Undo",
                "Take back the last change",
                &const { [key(CTRL, Key::Z)] },
                Some((Edit, 0)),
            ),
            Command::Redo => info(
                "Redo",
                "Make the change taken back again",
                &const { [key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)] },
                Some((Edit, 0)),
            ),
            Command::DuplicateSelected => calendar_key(
                "Duplicate workout",
                "A copy of the selected workout on its day",
                &const { [key(CTRL, Key::D)] },
                Some((Edit, 1)),
            ),
            Command::DeleteSelected => calendar_key(
                "Delete workout",
                "Remove the selected workout from the plan",
                &const { [key(NONE, Key::Delete)] },
                Some((Edit, 1)),
            ),
            Command::EditProfile => info(
                "Athlete profile…",
                "Name, age, heart rates, fitness and experience",
                &[],
                Some((Edit, 2)),
            ),
            Command::NewPlan => info(
                "New plan…",
                "A plan toward a goal race, replacing the active one",
                &[],
                Some((Plan, 0)),
            ),
            Command::PlanAnotherRace => info(
                "New plan for another race…",
                "A plan added to the season; the active plan stays active",
                &[],
                Some((Plan, 0)),
            ),
            Command::AdaptPlan => info(
                "Adapt plan from today…",
                "The rest of the plan made again from what was done and how recovery goes",
                &[],
                Some((Plan, 0)),
            ),
            Command::ShowRecovery => info(
                "Recovery…",
                "Warning signs, suggested changes and recovery tips",
                &[],
                Some((Plan, 1)),
            ),
            Command::LogActivity => info(
                "Log activity…",
                "Record a run or other training by hand",
                &[],
                Some((Training, 0)),
            ),
            Command::CheckIn => info(
                "Check in…",
                "Today's resting heart rate, sleep, soreness and mood",
                &[],
                Some((Training, 0)),
            ),
            Command::SelectPreviousDay => calendar_key(
                "Previous workout",
                "Select the workout of the day before",
                &const { [key(NONE, Key::ArrowLeft)] },
                None,
            ),
            Command::SelectNextDay => calendar_key(
                "Next workout",
                "Select the workout of the day after",
                &const { [key(NONE, Key::ArrowRight)] },
                None,
            ),
            Command::SelectPreviousWeek => calendar_key(
                "Workout a week earlier",
                "Select a workout a week earlier",
                &const { [key(NONE, Key::ArrowUp)] },
                None,
            ),
            Command::SelectNextWeek => calendar_key(
                "Workout a week later",
                "Select a workout a week later",
                &const { [key(NONE, Key::ArrowDown)] },
                None,
            ),
            Command::ToggleAthletePanel => info(
                "Athlete panel",
                "Show or hide the athlete, goal and findings on the left",
                &const { [key(CTRL, Key::OpenBracket)] },
                Some((View, 0)),
            ),
            Command::ToggleWorkoutPanel => info(
                "Workout panel",
                "Show or hide the workout editor on the right",
                &const { [key(CTRL, Key::CloseBracket)] },
                Some((View, 0)),
            ),
        }
    }

    /// The label in menus.
    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// The shortcut shown in menus.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.info().shortcuts.first().copied()
    }

    /// Every shortcut with its command, those with more modifiers first: egui matches Ctrl+S
    /// when Ctrl+Shift+S is pressed, so the longer one must be tried first.
    pub fn keyboard() -> Vec<(KeyboardShortcut, Command)> {
        let mut all: Vec<(KeyboardShortcut, Command)> = Command::ALL
            .iter()
            .flat_map(|&c| c.info().shortcuts.iter().map(move |&s| (s, c)))
            .collect();
        let held = |m: Modifiers| u8::from(m.alt) + u8::from(m.command) + u8::from(m.shift);
        all.sort_by_key(|(s, _)| std::cmp::Reverse(held(s.modifiers)));
        all
    }

    /// The commands of one menu, in order, with their group.
    pub fn in_menu(menu: Menu) -> impl Iterator<Item = (Command, u8)> {
        Command::ALL
            .into_iter()
            .filter_map(move |c| match c.info().menu {
                Some((m, group)) if m == menu => Some((c, group)),
                _ => None,
            })
    }
}

/// Something a view or window asks of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// A data-less command.
    Run(Command),
    /// Apply an edit to the document (one undo step).
    Apply(Edit),
    /// Open a given file (recent files).
    OpenPath(PathBuf),
    /// Make a new document, just created in the profile form, the open one.
    OpenCreated(Box<AthleteDocument>),
    /// Make restored changes the open document: they belong to `path` but are not in it.
    OpenRestored {
        /// The restored document.
        document: Box<AthleteDocument>,
        /// The file it belongs to, if it was ever saved.
        path: Option<PathBuf>,
        /// The recovery file it came from, removed once the changes are kept in this
        /// session's own.
        leftover: PathBuf,
    },
    /// A file dialog (or the typed-path prompt standing in for one) was answered.
    Answer {
        /// What was asked.
        request: DialogRequest,
        /// The answer.
        answer: DialogAnswer,
    },
    /// The user answered the unsaved-changes question about an action.
    Decide {
        /// The action that asked.
        action: PendingAction,
        /// Save first, go on without saving, or cancel.
        choice: UnsavedChoice,
    },
    /// Show a message in the status bar (after an edit, to say more than its name).
    Say(String),
    /// Select a workout (or nothing).
    SelectWorkout(Option<WorkoutId>),
    /// Show a day on the calendar and select its first workout.
    ShowDay(NaiveDate),
    /// Ask where to save the fitness, fatigue and form chart over these days (day numbers).
    ExportChart {
        /// First day shown.
        from: i64,
        /// Last day shown.
        to: i64,
    },
    /// Open the check-in of a day.
    CheckInOn(NaiveDate),
    /// Open the activity form on a logged activity.
    EditActivity(Box<Activity>),
    /// Open the activity form prefilled from a planned workout ("Mark done").
    MarkDone(WorkoutId),
    /// Open the form for a tune-up race on a day.
    AddRace(NaiveDate),
    /// Open the form for days away from a day.
    Away(NaiveDate),
    /// Open the form for sick days from a day.
    Sick(NaiveDate),
    /// Make the plan at this index the active one, and show it on the calendar.
    MakeActivePlan(usize),
    /// A drag of a workout started: work out what a drop on each visible day would do.
    BeginDrag(WorkoutId),
    /// A dragged workout was dropped on a day.
    Drop {
        /// The workout.
        id: WorkoutId,
        /// The day it was dropped on.
        to: NaiveDate,
        /// Move, copy or swap, from the keys held ([`DropKind::from_keys`]).
        kind: DropKind,
    },
}

impl From<Command> for Request {
    fn from(command: Command) -> Request {
        Request::Run(command)
    }
}

impl Request {
    /// The label of a request's button, for requests that have one.
    pub fn label(&self) -> &'static str {
        match self {
            Request::Run(command) => command.label(),
            Request::CheckInOn(_) => Command::CheckIn.label(),
            Request::EditActivity(_) => "Edit activity…",
            Request::MarkDone(_) => "Mark done…",
            Request::AddRace(_) => "Add race…",
            Request::Away(_) => "Away…",
            Request::Sick(_) => "Sick…",
            Request::MakeActivePlan(_) => "Make active",
            Request::ExportChart { .. } => "Save chart…",
            Request::ShowDay(_) => "Show on the calendar",
            Request::Apply(_)
            | Request::OpenPath(_)
            | Request::OpenCreated(_)
            | Request::OpenRestored { .. }
            | Request::Answer { .. }
            | Request::Decide { .. }
            | Request::Say(_)
            | Request::SelectWorkout(_)
            | Request::BeginDrag(_)
            | Request::Drop { .. } => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let all = Command::keyboard();
        for (i, (a, ca)) in all.iter().enumerate() {
            for (b, cb) in &all[i + 1..] {
                assert!(a != b, "{ca:?} and {cb:?} both use {a:?}");
            }
        }
        assert!(all.len() >= 12, "the table has the shortcuts");
    }

    #[test]
    fn longer_shortcuts_are_tried_first() {
        let all = Command::keyboard();
        let at = |c: Command, m: Modifiers| {
            all.iter()
                .position(|(s, cmd)| *cmd == c && s.modifiers == m)
                .expect("listed")
        };
        assert!(at(Command::SaveAs, CTRL_SHIFT) < at(Command::Save, CTRL));
        assert!(at(Command::Redo, CTRL_SHIFT) < at(Command::Undo, CTRL));
    }

    #[test]
    fn every_command_has_a_label_and_a_tooltip_and_every_menu_entries() {
        for c in Command::ALL {
            let info = c.info();
            assert!(!info.label.is_empty() && !info.tooltip.is_empty(), "{c:?}");
        }
        for menu in Menu::ALL {
            assert!(Command::in_menu(menu).count() >= 2, "{menu:?}");
        }
    }

    #[test]
    fn every_command_is_listed_once() {
        for (i, c) in Command::ALL.iter().enumerate() {
            assert!(!Command::ALL[i + 1..].contains(c), "{c:?} twice");
        }
    }
}

//! The menu bar, drawn from the command table ([`Command::in_menu`]): every entry's label,
//! tooltip and shortcut text come from there.

use crate::session::Session;
use crate::ui::commands::{Command, Menu, Request};
use crate::ui::state::UiState;

/// What decides which entries are enabled.
pub struct MenuState<'a> {
    /// The open session (its undo and redo labels, its active plan).
    pub session: &'a Session,
    /// The recent files.
    pub ui_state: &'a UiState,
    /// Whether a workout is selected.
    pub has_selection: bool,
}

impl MenuState<'_> {
    fn enabled(&self, command: Command) -> bool {
        let has_plan = self.session.document().active_plan().is_some();
        match command {
            Command::Undo => self.session.undo_label().is_some(),
            Command::Redo => self.session.redo_label().is_some(),
            Command::DuplicateSelected | Command::DeleteSelected => self.has_selection,
            Command::ExportPlan | Command::AdaptPlan => has_plan,
            _ => true,
        }
    }

    /// The entry's text: Undo and Redo name what they would undo ("Undo \"Move Tempo to Thu
    /// 12 Mar\"").
    fn text(&self, command: Command) -> String {
        let what = match command {
            Command::Undo => self.session.undo_label(),
            Command::Redo => self.session.redo_label(),
            _ => None,
        };
        let shown = match command {
            Command::ToggleAthletePanel => Some(!self.ui_state.hide_athlete_panel),
            Command::ToggleWorkoutPanel => Some(!self.ui_state.hide_workout_panel),
            _ => None,
        };
        match (what, shown) {
            (Some(what), _) => format!("{} \"{what}\"", command.label()),
            (None, Some(true)) => format!("✔ {}", command.label()),
            (None, Some(false)) => format!("    {}", command.label()),
            (None, None) => command.label().to_owned(),
        }
    }
}

/// The menu bar: the command table's menus, then View and Help.
pub fn menu_bar_ui(ui: &mut egui::Ui, state: &MenuState<'_>, requests: &mut Vec<Request>) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            ui.menu_button(menu.title(), |ui| {
                menu_ui(ui, menu, state, requests);
                if menu == Menu::View {
                    ui.separator();
                    theme_ui(ui);
                }
            });
        }
        ui.menu_button("Help", |ui| {
            ui.label(format!("Stride {}", env!("CARGO_PKG_VERSION")));
            ui.label("Running plans that build recovery in.");
        });
    });
}

fn menu_ui(ui: &mut egui::Ui, menu: Menu, state: &MenuState<'_>, requests: &mut Vec<Request>) {
    let mut last_group = None;
    for (command, group) in Command::in_menu(menu) {
        if last_group.is_some_and(|g| g != group) {
            ui.separator();
        }
        last_group = Some(group);
        command_button(ui, command, state, requests);
        if command == Command::Open {
            recent_files_ui(ui, state.ui_state, requests);
        }
    }
}

/// One entry: label, shortcut text and tooltip from the table.
fn command_button(
    ui: &mut egui::Ui,
    command: Command,
    state: &MenuState<'_>,
    requests: &mut Vec<Request>,
) {
    let info = command.info();
    let mut button = egui::Button::new(state.text(command));
    if let Some(shortcut) = info.shortcuts.first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui
        .add_enabled(state.enabled(command), button)
        .on_hover_text(info.tooltip)
        .clicked()
    {
        requests.push(command.into());
    }
}

/// The theme is egui's own setting, kept by eframe between runs.
fn theme_ui(ui: &mut egui::Ui) {
    let mut dark = ui.visuals().dark_mode;
    if ui.checkbox(&mut dark, "Dark theme").changed() {
        let theme = if dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        ui.ctx().set_theme(theme);
    }
}

fn recent_files_ui(ui: &mut egui::Ui, ui_state: &UiState, requests: &mut Vec<Request>) {
    ui.menu_button("Open recent", |ui| {
        if ui_state.recent_files.is_empty() {
            ui.weak("No recent files");
        }
        for path in &ui_state.recent_files {
            if ui.button(path.display().to_string()).clicked() {
                requests.push(Request::OpenPath(path.clone()));
            }
        }
    });
}

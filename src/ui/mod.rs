//! The window: an eframe application over the domain core.
//!
//! Views read the document and the derived state ([`crate::session::derived`]) and push
//! [`Request`]s; [`StrideApp`] carries them out after drawing, in one place, so every edit goes
//! through the undoable [`crate::session::Session`]. Data-less [`Command`]s (menus, shortcuts)
//! are rows of one table.
//! File dialogs go through the [`FileDialogs`] interface so tests never open a native one.

mod activity_form;
mod app;
mod checkin_form;
mod commands;
mod dialogs;
mod fields;
mod palette;
mod plan_form;
mod profile_form;
mod season_form;
mod state;
mod views;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::{StrideApp, suggested_file_name};
pub use commands::{Command, CommandInfo, KeyScope, Menu, Request};
pub use dialogs::{
    DialogAnswer, DialogPurpose, DialogRequest, FileDialogs, FixedDialogs, NativeDialogs,
};
pub use palette::intensity_color;
pub use profile_form::{FitnessInput, FormOutcome, ProfileForm};
pub use state::{CentralTab, PendingAction, UiState, UnsavedChoice};
pub use views::day_summary;

/// Key of the UI state in eframe's storage.
const UI_STATE_KEY: &str = "stride_ui_state";

impl eframe::App for StrideApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_guarded(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.clean_exit();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, UI_STATE_KEY, self.ui_state());
    }
}

/// The window's icon (`assets/icon.png`, also what `assets/stride.desktop` names).
pub fn icon() -> std::sync::Arc<egui::IconData> {
    let png = include_bytes!("../../assets/icon.png");
    // The icon is the project's own file, checked by a test; a bad one falls back to none.
    let icon = eframe::icon_data::from_png_bytes(png).unwrap_or_default();
    std::sync::Arc::new(icon)
}

/// Opens the window on `file`, or on the demo athlete, and runs until it is closed.
pub fn run_app(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Stride")
            .with_app_id("stride")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([900.0, 600.0])
            .with_icon(icon()),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Stride",
        options,
        Box::new(move |cc| {
            let today = chrono::Local::now().date_naive();
            let dialogs = Box::new(NativeDialogs::new(cc.egui_ctx.clone()));
            let mut app = match &file {
                Some(path) => StrideApp::with_file(path, today, dialogs),
                None => StrideApp::with_demo(today, dialogs),
            };
            if let Some(store) = crate::storage::recovery::RecoveryStore::default_location() {
                app = app.with_recovery(store);
            }
            if let Some(state) = cc
                .storage
                .and_then(|s| eframe::get_value::<UiState>(s, UI_STATE_KEY))
            {
                app.set_ui_state(state);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: the window could not be opened: {e}");
            ExitCode::FAILURE
        }
    }
}

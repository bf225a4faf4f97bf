//! Helpers shared by the window tests: the demo app in a harness, keys, fields, clicks.

#![allow(dead_code)]

use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stride::ui::{FixedDialogs, StrideApp};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
}

pub fn harness(dialogs: FixedDialogs) -> Harness<'static, StrideApp> {
    harness_sized(dialogs, egui::vec2(1280.0, 820.0))
}

/// The demo app in a window of this size.
pub fn harness_sized(dialogs: FixedDialogs, size: egui::Vec2) -> Harness<'static, StrideApp> {
    let app = StrideApp::with_demo(today(), Box::new(dialogs));
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut StrideApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

pub fn shortcut(harness: &mut Harness<'static, StrideApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

pub const SHIFT_COMMAND: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// Replaces the text of the field labelled `label`.
pub fn fill(harness: &mut Harness<'static, StrideApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

pub fn click(harness: &mut Harness<'static, StrideApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the demo's first tempo run on the calendar ("Tempo 3 km at T"), which opens it in
/// the workout editor, and gives its id.
pub fn select_first_tempo(harness: &mut Harness<'static, StrideApp>) -> stride::model::WorkoutId {
    harness
        .get_all_by_label_contains("Tempo 3 km @ ")
        .next()
        .expect("a tempo chip")
        .click();
    harness.run();
    harness.state().selected_workout().expect("selected")
}

/// What Undo would undo ("" when nothing).
pub fn undo_label(harness: &Harness<'static, StrideApp>) -> String {
    harness
        .state()
        .session()
        .undo_label()
        .unwrap_or_default()
        .to_owned()
}

/// The open document's active plan.
pub fn active_plan(harness: &Harness<'static, StrideApp>) -> stride::model::Plan {
    harness
        .state()
        .session()
        .document()
        .active_plan()
        .expect("plan")
        .clone()
}

//! Pixel snapshots of the main window, rendered on the CPU through wgpu (Mesa's lavapipe).
//! Behind the `snapshot` feature: `cargo test --features snapshot`. Update the reference images
//! with `UPDATE_SNAPSHOTS=1 cargo test --features snapshot --test ui_snapshot`.
#![cfg(feature = "snapshot")]

use chrono::NaiveDate;
use egui_kittest::Harness;
use stride::ui::{FixedDialogs, StrideApp};

fn demo_harness(theme: egui::Theme) -> Harness<'static, StrideApp> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let app = StrideApp::with_demo(today, Box::new(FixedDialogs::default()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_theme(theme)
        .wgpu()
        .build_ui_state(|ui, app: &mut StrideApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

#[test]
fn main_window_dark() {
    demo_harness(egui::Theme::Dark).snapshot("main_window_dark");
}

#[test]
fn main_window_light() {
    demo_harness(egui::Theme::Light).snapshot("main_window_light");
}

//! The window at its smallest size (900x600, the minimum `run_app` sets): the calendar shows
//! every day of the week and the charts' controls can be reached.

use egui_kittest::kittest::Queryable;
use stride::ui::FixedDialogs;

mod common;
use common::*;

const SMALLEST: egui::Vec2 = egui::vec2(900.0, 600.0);

#[test]
fn at_the_smallest_size_the_calendar_shows_every_weekday_in_full() {
    let h = harness_sized(FixedDialogs::default(), SMALLEST);
    // The calendar lies right of the athlete panel (whose "Long run Sun" is another "Sun").
    let calendar_left = h.get_by_label("Calendar").rect().min.x;
    for day in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
        let heading = h
            .get_all_by_label(day)
            .map(|n| n.rect())
            .find(|r| r.min.x >= calendar_left)
            .unwrap_or_else(|| panic!("a {day} heading on the calendar"));
        assert!(
            heading.max.x <= SMALLEST.x && heading.min.y >= 0.0,
            "{day}'s heading is on screen: {heading:?}"
        );
    }
    // The last day of the week is whole, not cut by the workout panel.
    let sunday = h.get_by_label("Sunday 6 December 2026").rect();
    let panel = h.get_by_label("Workout").rect();
    assert!(
        sunday.max.x <= panel.min.x,
        "Sunday ends before the workout panel starts: {sunday:?} {panel:?}"
    );
}

#[test]
fn at_the_smallest_size_save_chart_can_be_reached_and_works() {
    let dir = std::env::temp_dir().join(format!("stride-ui-layout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("chart.svg");
    let mut h = harness_sized(FixedDialogs::choosing([path.clone()]), SMALLEST);
    click(&mut h, "Charts");
    h.get_by_label("Save chart…").scroll_to_me();
    h.run();
    let button = h.get_by_label("Save chart…").rect();
    assert!(
        button.max.y <= SMALLEST.y && button.min.y >= 0.0 && button.max.x <= SMALLEST.x,
        "the button is on screen after scrolling to it: {button:?}"
    );
    click(&mut h, "Save chart…");
    h.run();
    let svg = std::fs::read_to_string(&path).expect("the chart was written");
    assert!(svg.contains("Fitness, fatigue and form"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_side_panels_hide_and_come_back_from_the_view_menu() {
    let mut h = harness_sized(FixedDialogs::default(), SMALLEST);
    assert!(h.query_by_label("Edit profile…").is_some());
    h.state_mut().push(stride::ui::Command::ToggleAthletePanel);
    h.run();
    h.run();
    assert!(h.query_by_label("Edit profile…").is_none(), "hidden");
    assert!(
        h.state().ui_state().hide_athlete_panel,
        "remembered for the next run"
    );
    h.state_mut().push(stride::ui::Command::ToggleAthletePanel);
    h.run();
    h.run();
    assert!(h.query_by_label("Edit profile…").is_some(), "back");
}

#[test]
fn the_window_has_its_icon_and_the_desktop_entry_names_it() {
    let icon = stride::ui::icon();
    assert_eq!((icon.width, icon.height), (256, 256), "the icon decodes");
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    let entry = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/stride.desktop"),
    )
    .expect("the desktop entry");
    for line in [
        "Exec=stride %f",
        "Icon=stride",
        "StartupWMClass=stride",
        "Type=Application",
    ] {
        assert!(entry.lines().any(|l| l == line), "{line}");
    }
}

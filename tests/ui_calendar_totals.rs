//! Each week's planned totals at the end of its calendar row, in the month and the week view,
//! and the week view's lines saying each fact once; driven through egui_kittest by labels.

use chrono::{Days, NaiveDate};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stride::model::Intensity;
use stride::ui::{FixedDialogs, StrideApp};

mod common;
use common::*;

/// The week's totals worked out here from the plan's own numbers: running kilometres, the
/// planned time in hours and minutes, and the load the chips show.
fn expected_totals(h: &Harness<'static, StrideApp>, first: NaiveDate) -> [String; 3] {
    let plan = active_plan(h);
    let week: Vec<_> = plan
        .workouts
        .iter()
        .filter(|w| (first..first + Days::new(7)).contains(&w.date))
        .filter(|w| w.intensity() != Intensity::Rest)
        .collect();
    assert!(!week.is_empty());
    let mut metres = 0.0;
    let mut seconds = 0.0;
    let mut load = 0.0;
    for w in &week {
        if w.kind.is_running() {
            metres += w.planned_distance_m.expect("the demo plans distances");
        }
        seconds += w.planned_duration_s.expect("the demo plans times");
        load += h.state().overview().planned_loads[&w.id];
    }
    let minutes = (seconds / 60.0).round() as u64;
    let time = match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    };
    [
        format!("{:.0} km", metres / 1000.0),
        time,
        format!("load {load:.0}"),
    ]
}

#[test]
fn the_month_view_ends_each_week_row_with_its_planned_totals() {
    let h = harness(FixedDialogs::default());
    assert!(
        h.query_by_label("Week total").is_some(),
        "the column's header"
    );
    // The rows start on Mondays, from the week before today's.
    let this_week = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    for first in [
        this_week,
        this_week + Days::new(7),
        this_week + Days::new(14),
    ] {
        for text in expected_totals(&h, first) {
            assert!(
                h.query_all_by_label(&text).next().is_some(),
                "{first}: {text}"
            );
        }
    }
}

#[test]
fn the_week_view_sums_its_week_under_the_last_day_and_says_each_fact_once() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Week");
    let first = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let line = format!("Week: {}", expected_totals(&h, first).join(" · "));
    assert!(h.query_by_label(&line).is_some(), "{line}");
    // "Easy · Easy" or "Rest · Rest" would say one thing twice, "13.0 km · 1:12:35" in two
    // formats other lines do not use.
    for twice in [
        "Easy · Easy",
        "Recovery · Recovery",
        "Rest · Rest",
        "13.0 km",
    ] {
        assert!(h.query_by_label_contains(twice).is_none(), "{twice}");
    }
    assert!(
        h.query_by_label_contains("Long run · moderate · 13 km · 1 h")
            .is_some()
    );
}

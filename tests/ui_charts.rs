//! The Charts tab in the window: legends under their charts, the wellness scales, the legend
//! entries that hide a line, and the model settings committed once per typed value.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stride::readiness::scales::WellnessItem;
use stride::science::charts::FormZone;
use stride::ui::{FixedDialogs, StrideApp};

mod common;
use common::*;

fn charts() -> Harness<'static, StrideApp> {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Charts");
    h
}

/// The top of the first node labelled `label` (the heading, above any legend entry).
fn top_of(h: &Harness<'static, StrideApp>, label: &str) -> egui::Rect {
    h.get_all_by_label(label)
        .map(|n| n.rect())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap_or_else(|| panic!("{label}"))
}

#[test]
fn legends_stand_under_their_charts_not_over_the_data() {
    let h = charts();
    // The form chart is 180 points tall under its heading; its legend comes after it and
    // before the caption under the chart.
    let heading = top_of(&h, "Form");
    let caption = h
        .get_by_label_contains("Solid: history; dashed: the plan.")
        .rect();
    for zone in FormZone::ALL {
        let entry = h.get_by_label(zone.label()).rect();
        assert!(
            entry.top() >= heading.bottom() + 180.0,
            "{zone:?} legend at {entry:?}, chart from {heading:?}"
        );
        assert!(
            entry.bottom() <= caption.top(),
            "{zone:?} above the caption"
        );
    }
    // The same for fitness and fatigue, 240 points tall.
    let heading = top_of(&h, "Fitness and fatigue");
    for entry in ["Fitness", "Fatigue", "Daily load (colour: intensity)"] {
        // The legend's entry, not the athlete panel's "Fitness" on the left.
        let rect = h
            .get_all_by_label(entry)
            .map(|n| n.rect())
            .find(|r| r.left() >= heading.left())
            .unwrap_or_else(|| panic!("{entry}"));
        assert!(
            rect.top() >= heading.bottom() + 240.0,
            "{entry} at {rect:?}"
        );
        assert!(rect.bottom() <= top_of(&h, "Form").top(), "{entry}");
    }
}

#[test]
fn the_wellness_legend_gives_the_check_in_scales() {
    let h = charts();
    for item in [WellnessItem::Soreness, WellnessItem::Fatigue] {
        let top = item.words().len();
        let scale = format!("{} 1-{top}", item.label());
        assert!(h.query_by_label_contains(&scale).is_some(), "{scale}");
    }
    assert!(h.query_by_label_contains("1-7").is_none());
    assert!(h.query_by_label_contains("28-day median").is_some());
}

#[test]
fn a_legend_entry_hides_and_shows_its_line() {
    let mut h = charts();
    let shown = |h: &Harness<'static, StrideApp>| {
        let toggled = h.get_by_label("Fatigue").accesskit_node().toggled();
        toggled.expect("a checkbox state") == egui::accesskit::Toggled::True
    };
    assert!(shown(&h));
    click(&mut h, "Fatigue");
    assert!(!shown(&h), "hidden after a click");
    click(&mut h, "Fatigue");
    assert!(shown(&h), "shown again");
}

/// The model's fitness and fatigue days as the document has them.
fn days(h: &Harness<'static, StrideApp>) -> (u32, u32) {
    let s = &h.state().session().document().settings;
    (s.fitness_days, s.fatigue_days)
}

#[test]
fn a_typed_number_of_days_is_one_edit_made_when_confirmed() {
    let mut h = charts();
    click(&mut h, "Model settings");
    let form_before = h.state().overview().race_morning_form;
    assert_eq!(days(&h), (42, 7));

    h.get_by_label("Fitness days").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Fitness days").type_text("2");
    h.run();
    assert_eq!(days(&h), (42, 7), "nothing applied while typing");
    assert!(!h.state().session().is_modified());
    h.get_by_label("Fitness days").type_text("8");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(days(&h), (28, 7), "28 applied on Enter");
    assert!(
        h.query_by_label_contains("fitness 28 days").is_some(),
        "the caption follows"
    );
    assert_ne!(h.state().overview().race_morning_form, form_before);

    // One undo takes the whole number back.
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(days(&h), (42, 7));
    assert_eq!(h.state().overview().race_morning_form, form_before);
    assert!(h.state().session().undo_label().is_none());
}

#[test]
fn the_arrow_keys_step_the_days_one_edit_each() {
    let mut h = charts();
    click(&mut h, "Model settings");
    h.get_by_label("Fatigue days").focus();
    h.run();
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(days(&h), (42, 8));
    h.key_press(Key::Escape);
    h.run();
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(days(&h), (42, 7));
}

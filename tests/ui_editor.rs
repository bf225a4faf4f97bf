//! The workout editor in the window: a repeat's count by typing, keys and dragging, titles
//! that follow the steps until one is typed, intensity from the steps, and target names; and
//! the calendar's label for a cut-back week.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stride::model::{Intensity, Step, Workout, WorkoutId, WorkoutKind, format_distance};
use stride::ui::{FixedDialogs, StrideApp};

mod common;
use common::*;

/// Clicks the first chip whose text contains `text` and gives the selected workout's id.
fn select(h: &mut Harness<'static, StrideApp>, text: &str) -> WorkoutId {
    h.get_all_by_label_contains(text)
        .next()
        .unwrap_or_else(|| panic!("a chip with {text}"))
        .click();
    h.run();
    h.state().selected_workout().expect("selected")
}

fn workout(h: &Harness<'static, StrideApp>, id: WorkoutId) -> Workout {
    active_plan(h).workout(id).expect("the workout").clone()
}

/// The count of the workout's first repeat.
fn repeat_times(w: &Workout) -> u32 {
    w.steps
        .iter()
        .find_map(|s| match s {
            Step::Repeat { times, .. } => Some(*times),
            Step::Single(_) => None,
        })
        .expect("a repeat")
}

/// Puts the keyboard in the repeat's count.
fn focus_count(h: &mut Harness<'static, StrideApp>) {
    h.get_by_label("Repeat").focus();
    h.run();
}

#[test]
fn the_repeat_count_changes_by_typing_backspace_the_arrow_keys_and_dragging() {
    let mut h = harness(FixedDialogs::default());
    let id = select(&mut h, "4 x 1000 m @ ");
    assert_eq!(repeat_times(&workout(&h, id)), 4);

    // Typed over the selection and confirmed with Enter: one undo step.
    focus_count(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Repeat").type_text("6");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(repeat_times(&workout(&h, id)), 6, "typed and confirmed");

    // Backspace clears the digit; the new one is kept when the field is left.
    focus_count(&mut h);
    h.key_press(Key::End);
    h.key_press(Key::Backspace);
    h.get_by_label("Repeat").type_text("3");
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(repeat_times(&workout(&h, id)), 3, "edited and left");

    // The Up key steps it.
    focus_count(&mut h);
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(repeat_times(&workout(&h, id)), 4, "one up");
    h.key_press(Key::Escape);
    h.run();

    // A drag to the right raises it, committed once when the drag ends.
    let at = h.get_by_label("Repeat").rect().center();
    h.drag_at(at);
    h.run();
    for dx in [10.0, 20.0, 30.0, 40.0] {
        h.hover_at(at + egui::vec2(dx, 0.0));
        h.run();
    }
    h.drop_at(at + egui::vec2(40.0, 0.0));
    h.run();
    let dragged = repeat_times(&workout(&h, id));
    assert!(dragged > 4, "dragged to {dragged}");
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(repeat_times(&workout(&h, id)), 4, "one drag, one undo step");
}

#[test]
fn an_untyped_title_follows_the_steps_and_a_typed_one_stays() {
    let mut h = harness(FixedDialogs::default());
    let id = select(&mut h, "4 x 1000 m @ ");
    assert!(!workout(&h, id).title_typed);

    // The work rep becomes 1.2 km: the title says so.
    h.get_all_by_label("Step length")
        .nth(1)
        .expect("the rep's length")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_all_by_label("Step length")
        .nth(1)
        .expect("the rep's length")
        .type_text("1.2");
    h.key_press(Key::Enter);
    h.run();
    let w = workout(&h, id);
    assert_eq!(w.title, "4 x 1200 m at I");
    assert!(!w.title_typed);

    // A typed title is the runner's: changing the count keeps it.
    fill(&mut h, "Title", "Track Tuesday");
    h.key_press(Key::Enter);
    h.run();
    assert!(workout(&h, id).title_typed);
    focus_count(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Repeat").type_text("5");
    h.key_press(Key::Enter);
    h.run();
    let w = workout(&h, id);
    assert_eq!((w.title.as_str(), repeat_times(&w)), ("Track Tuesday", 5));

    // Clearing the title hands it back to the steps.
    fill(&mut h, "Title", "");
    h.key_press(Key::Backspace);
    h.key_press(Key::Enter);
    h.run();
    let w = workout(&h, id);
    assert_eq!(w.title, "5 x 1200 m at I");
    assert!(!w.title_typed);
}

#[test]
fn a_long_run_with_only_easy_steps_reads_easy() {
    let mut h = harness(FixedDialogs::default());
    let id = select(&mut h, "Long run · ");
    let long = workout(&h, id);
    assert_eq!(long.kind, WorkoutKind::Long);
    assert!(long.steps.is_empty());
    // The editor's summary: "Moderate · 13.0 km · 1:12:35 · load 78".
    let units = h.state().session().document().athlete.units;
    let distance = format_distance(long.planned_distance_m.expect("distance"), units);
    let summary = |effort: &str| format!("{effort} · {distance} · ");
    assert!(h.query_by_label_contains(&summary("Moderate")).is_some());

    // One step at easy pace: the run is easy.
    click(&mut h, "+ Warm-up");
    let w = workout(&h, id);
    assert_eq!(w.steps.len(), 1);
    assert_eq!(w.intensity(), Intensity::Easy);
    let distance = format_distance(2000.0, units);
    let summary = |effort: &str| format!("{effort} · {distance} · ");
    assert!(h.query_by_label_contains(&summary("Easy")).is_some());
    assert!(h.query_by_label_contains(&summary("Moderate")).is_none());
    assert_eq!(w.title, "Long run 2 km");

    // A step at threshold pace: the steps no longer say easy, the kind decides.
    click(&mut h, "+ Work");
    assert_eq!(workout(&h, id).intensity(), Intensity::Moderate);
}

#[test]
fn step_targets_name_their_zone_in_words_with_the_letter() {
    let mut h = harness(FixedDialogs::default());
    select_first_tempo(&mut h);
    // Warm-up and cool-down at E, the work at T.
    let targets: Vec<String> = h
        .query_all_by_label("Step target")
        .map(|n| n.value().unwrap_or_default())
        .collect();
    assert_eq!(
        targets,
        ["Easy pace (E)", "Threshold pace (T)", "Easy pace (E)"]
    );
}

#[test]
fn the_calendar_labels_the_cut_back_week_as_such() {
    let h = harness(FixedDialogs::default());
    let plan = active_plan(&h);
    // The demo's lighter week in December, inside its build phase.
    let cut_back = chrono::NaiveDate::from_ymd_opt(2026, 12, 17).expect("date");
    let phase = plan.phase_on(cut_back).expect("a phase");
    assert_eq!(phase.kind, stride::model::PhaseKind::CutBack);
    // Beside the week of 14 December, level with its Monday's number.
    let labels: Vec<egui::Rect> = h.query_all_by_label("Cut-back").map(|n| n.rect()).collect();
    let monday = h.get_by_label("14").rect();
    assert!(
        labels
            .iter()
            .any(|l| l.right() <= monday.left()
                && (l.top()..=l.bottom() + 60.0).contains(&monday.top())),
        "{labels:?} beside {monday:?}"
    );
    assert!(h.query_all_by_label("Build").count() >= 2);
}

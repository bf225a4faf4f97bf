//! The window, driven through egui_kittest by labels, clicks and keys, on the CPU.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stride::storage::load_document;
use stride::ui::{FixedDialogs, StrideApp};

mod common;
use common::*;

#[test]
fn opens_on_the_demo_athlete_with_its_plan_on_the_calendar() {
    let harness = harness(FixedDialogs::default());
    assert!(harness.query_by_label("Anna K.").is_some());
    assert!(
        harness
            .query_by_label_contains("Riverside Half Marathon")
            .is_some()
    );
    assert!(harness.query_by_label("29 · today").is_some());
    assert_eq!(harness.state().title(), "Anna K. - untitled - Stride");
    assert!(!harness.state().session().is_modified());
}

#[test]
fn chips_name_the_kind_in_words_with_the_target_pace() {
    let h = harness(FixedDialogs::default());
    let doc = h.state().session().document().clone();
    let vdot = stride::science::paces::athlete_vdot(&doc.athlete).expect("vdot");
    let paces = stride::science::paces::TrainingPaces::from_vdot(vdot).expect("paces");
    let threshold = stride::model::format_pace(paces.threshold_s_per_km, doc.athlete.units);
    // "Tempo 3 km at T" reads with its pace; the bike ride names its sport.
    let tempo = format!("Tempo 3 km @ {threshold} · 7 km");
    let shown = |text: &str| h.query_all_by_label_contains(text).next().is_some();
    assert!(shown(&tempo), "{tempo}");
    assert!(shown("Bike: Easy spin 45 min"));
    assert!(shown("Long run · "));
    // No chip starts with an intensity's letter any more.
    for letter in ["E Easy", "M Long run", "H Tempo", "R Recovery"] {
        assert!(!shown(letter), "{letter}");
    }
}

#[test]
fn new_athlete_form_checks_fields_and_builds_the_profile() {
    let mut h = harness(FixedDialogs::default());
    shortcut(&mut h, Modifiers::COMMAND, Key::N);
    assert!(
        h.query_by_label("New athlete").is_some(),
        "the form is open"
    );
    fill(&mut h, "Name", "Ben Runner");
    fill(&mut h, "Resting heart rate (bpm)", "12");
    assert!(
        h.query_by_label("Resting heart rate must be between 25 and 120 bpm.")
            .is_some(),
        "the message stands next to the field"
    );
    click(&mut h, "Create");
    assert_eq!(
        h.state().session().document().athlete.name,
        "Anna K.",
        "Create is disabled"
    );
    fill(&mut h, "Resting heart rate (bpm)", "48");
    fill(&mut h, "Birth year", "1979");
    assert!(h.query_by_label_contains("must be between 25").is_none());
    click(&mut h, "Create");
    let doc = h.state().session().document();
    assert_eq!(doc.athlete.name, "Ben Runner");
    assert_eq!(doc.athlete.resting_hr_bpm, 48);
    assert_eq!(doc.athlete.birth_year, 1979);
    assert!(doc.plans.is_empty() && doc.history.activities.is_empty());
    assert!(
        h.state().session().is_modified(),
        "a new athlete is unsaved until saved"
    );
    assert_eq!(h.state().title(), "Ben Runner - untitled * - Stride");
}

#[test]
fn save_as_then_open_round_trips_the_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("anna.ron");
    let mut h = harness(FixedDialogs::choosing([path.clone(), path.clone()]));
    let original = h.state().session().document().clone();
    shortcut(&mut h, SHIFT_COMMAND, Key::S);
    assert_eq!(load_document(&path).expect("saved file loads"), original);
    assert_eq!(h.state().session().path(), Some(path.as_path()));
    assert_eq!(h.state().title(), "Anna K. - anna.ron - Stride");

    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    assert_eq!(h.state().session().document(), &original);
    assert_eq!(h.state().ui_state().recent_files, vec![path]);
}

#[test]
fn the_unsaved_marker_appears_after_an_edit_and_goes_after_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("anna.ron");
    let mut h = harness(FixedDialogs::choosing([path.clone()]));
    shortcut(&mut h, SHIFT_COMMAND, Key::S);
    assert!(h.query_by_label("All changes saved").is_some());

    click(&mut h, "Edit profile…");
    fill(&mut h, "Name", "Anna Karlsson");
    click(&mut h, "Apply");
    assert_eq!(h.state().title(), "Anna Karlsson - anna.ron * - Stride");
    assert!(h.query_by_label("Unsaved changes").is_some());

    shortcut(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().title(), "Anna Karlsson - anna.ron - Stride");
    assert!(h.query_by_label("All changes saved").is_some());
    assert_eq!(
        load_document(&path).expect("load").athlete.name,
        "Anna Karlsson"
    );

    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().session().document().athlete.name, "Anna K.");
    assert!(
        h.state().title().ends_with(" * - Stride"),
        "undo past the save is unsaved"
    );
}

#[test]
fn a_corrupted_file_shows_line_and_column_and_keeps_the_open_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.ron");
    let text = stride::storage::DEMO_ATHLETE_RON.replacen("units: km,", "units: kilometres,", 1);
    std::fs::write(&path, &text).expect("write");
    let mut h = harness(FixedDialogs::choosing([path.clone()]));
    let before = h.state().session().document().clone();
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    let message = h
        .state()
        .error_message()
        .expect("an error is shown")
        .to_owned();
    let expected = stride::storage::load_document(&path)
        .expect_err("broken")
        .to_string();
    assert!(message.starts_with(&expected), "{message}");
    assert!(expected.contains(&format!("{}:", path.display())) && expected.contains("kilometres"));
    assert!(
        h.query_by_label_contains("The open document is unchanged.")
            .is_some()
    );
    assert_eq!(h.state().session().document(), &before);
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "file untouched"
    );
    click(&mut h, "OK");
    assert!(h.state().error_message().is_none());
}

#[test]
fn leaving_unsaved_changes_asks_first_and_cancel_keeps_them() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Edit profile…");
    fill(&mut h, "Name", "Changed");
    click(&mut h, "Apply");
    shortcut(&mut h, Modifiers::COMMAND, Key::O);
    assert!(
        h.query_by_label("Save the changes to this athlete first?")
            .is_some()
    );
    click(&mut h, "Cancel");
    assert_eq!(h.state().session().document().athlete.name, "Changed");
    assert!(h.query_by_label("Unsaved changes").is_some());

    shortcut(&mut h, Modifiers::COMMAND, Key::N);
    click(&mut h, "Don't save");
    assert!(
        h.query_by_label("New athlete").is_some(),
        "after Don't save, the form opens"
    );
}

#[test]
fn without_a_native_dialog_the_app_asks_for_a_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path: PathBuf = dir.path().join("typed.ron");
    let reason = "No file chooser here.".to_owned();
    let dialogs = FixedDialogs::answering([stride::ui::DialogAnswer::Unavailable(reason.clone())]);
    let mut h = harness(dialogs);
    shortcut(&mut h, SHIFT_COMMAND, Key::S);
    assert!(h.query_by_label(&reason).is_some());
    fill(&mut h, "File path", &path.display().to_string());
    click(&mut h, "OK");
    assert!(Path::new(&path).exists());
    assert_eq!(h.state().session().path(), Some(path.as_path()));
}

#[test]
fn editing_a_steps_distance_changes_the_planned_load_in_one_undo_step() {
    use stride::science::load::LoadContext;
    let mut h = harness(FixedDialogs::default());
    assert!(h.query_by_label("Steps").is_none());
    let id = select_first_tempo(&mut h);
    let doc = h.state().session().document().clone();
    let context = LoadContext::new(&doc.athlete, &doc.settings);
    let before = context.planned_load(doc.active_plan().expect("plan").workout(id).expect("w"));
    assert!(h.query_by_label("Steps").is_some());
    // The editor's summary: "Hard · 7.0 km · 33:15 · load 48" (chips show no duration).
    let summary = |doc: &stride::model::AthleteDocument, load: f64| {
        let w = doc
            .active_plan()
            .expect("plan")
            .workout(id)
            .expect("w")
            .clone();
        format!(
            "km · {} · load {load:.0}",
            stride::model::format_duration(w.planned_duration_s.expect("duration"))
        )
    };
    assert!(h.query_by_label_contains(&summary(&doc, before)).is_some());

    // The tempo's steps: warm-up, 3 km at T, cool-down. Make the work 5 km.
    let work = h
        .get_all_by_label("Step length")
        .nth(1)
        .expect("work length");
    work.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_all_by_label("Step length")
        .nth(1)
        .expect("work length")
        .type_text("5");
    h.run();
    assert_eq!(
        h.state().session().undo_label(),
        None,
        "nothing committed while typing"
    );
    h.key_press(Key::Tab);
    h.run();
    let doc = h.state().session().document().clone();
    let after = context.planned_load(doc.active_plan().expect("plan").workout(id).expect("w"));
    assert!(
        after > before + 10.0,
        "2 km more at T: {before:.0} -> {after:.0}"
    );
    assert!(h.query_by_label_contains(&summary(&doc, after)).is_some());
    assert!(
        h.state()
            .session()
            .undo_label()
            .is_some_and(|l| l.starts_with("Edit "))
    );
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    let doc = h.state().session().document().clone();
    let undone = context.planned_load(doc.active_plan().expect("plan").workout(id).expect("w"));
    assert!((undone - before).abs() < 1e-9, "one undo step");
}

#[test]
fn invalid_step_values_are_refused_next_to_the_field() {
    let mut h = harness(FixedDialogs::default());
    select_first_tempo(&mut h);
    let before = h.state().session().document().clone();
    h.get_all_by_label("Step length")
        .nth(1)
        .expect("work length")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_all_by_label("Step length")
        .nth(1)
        .expect("work length")
        .type_text("-2");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert!(
        h.query_by_label("Enter km above 0 (at most 100).")
            .is_some()
    );
    assert_eq!(h.state().session().document(), &before, "nothing committed");
}

#[test]
fn derived_numbers_are_shown_and_follow_edits() {
    use stride::model::format_duration;
    use stride::science::paces::{race_time_s, vdot_from_race};
    let mut h = harness(FixedDialogs::default());
    let doc = h.state().session().document().clone();
    let race = doc.athlete.recent_race.clone().expect("demo race");
    let vdot = vdot_from_race(race.distance_m, race.time_s).expect("vdot");
    let goal = doc.active_plan().expect("plan").goal.distance_m;
    let predicted = format_duration(race_time_s(vdot, goal).expect("prediction"));
    assert!(
        h.query_by_label(&format!("At VDOT {vdot:.1} today: {predicted}"))
            .is_some(),
        "{predicted}"
    );
    // The race-day prediction is the runner's own model's, from the races and the plan.
    let fit = stride::science::personal::fit(&doc, Default::default()).expect("fit");
    let race_day = doc.active_plan().expect("plan").goal.date;
    let model = stride::science::personal::predict(&doc, race_day, Some(&fit)).expect("model");
    let on_race_day = format_duration(race_time_s(model.vdot, goal).expect("prediction"));
    assert!(
        h.query_by_label(&format!("Predicted {on_race_day}"))
            .is_some(),
        "{on_race_day}"
    );
    assert!(h.query_by_label_contains("Race-morning form").is_some());
    assert!(h.query_by_label_contains("Today: fitness").is_some());

    click(&mut h, "Edit profile…");
    click(&mut h, "Known VDOT");
    fill(&mut h, "VDOT", "55");
    click(&mut h, "Apply");
    let faster = format_duration(race_time_s(55.0, goal).expect("prediction"));
    assert!(
        h.query_by_label(&format!("At VDOT 55.0 today: {faster}"))
            .is_some(),
        "{faster}"
    );
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(
        h.query_by_label(&format!("At VDOT {vdot:.1} today: {predicted}"))
            .is_some(),
        "undo restores"
    );
}

#[test]
fn the_plans_findings_are_listed_and_select_their_day() {
    let mut h = harness(FixedDialogs::default());
    let findings = h.state().overview().findings.clone();
    assert!(!findings.is_empty(), "the demo plan has a few warnings");
    assert!(
        h.query_by_label(&format!("Findings ({})", findings.len()))
            .is_some()
    );
    let first = findings
        .iter()
        .max_by(|a, b| a.severity.cmp(&b.severity).then(b.date.cmp(&a.date)))
        .expect("one");
    let label = format!(
        "{} {}: {}",
        first.date.format("%a %-d %b"),
        first.rule.code(),
        first.message
    );
    h.get_by_label_contains(&label).click();
    h.run();
    let selected = h.state().selected_workout().expect("a workout is selected");
    let plan = active_plan(&h);
    assert_eq!(plan.workout(selected).map(|w| w.date), Some(first.date));
}

/// Presses on `from`, moves to `to` with `modifiers` held, and stops there (not released).
fn drag_to(
    h: &mut Harness<'static, StrideApp>,
    from: egui::Pos2,
    to: egui::Pos2,
    modifiers: Modifiers,
) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for k in 1..=4 {
        h.hover_at(from + (to - from) * (k as f32 / 4.0));
        h.run();
    }
    h.event(egui::Event::ModifiersChanged(modifiers));
    h.hover_at(to);
    h.run();
}

fn release(h: &mut Harness<'static, StrideApp>, at: egui::Pos2) {
    h.drop_at(at);
    h.run();
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

fn date_of(h: &Harness<'static, StrideApp>, id: stride::model::WorkoutId) -> NaiveDate {
    let plan = active_plan(h);
    plan.workout(id).expect("workout").date
}

/// The intervals session on Tue 1 Dec and the point of Fri 4 Dec, the day after Thursday's
/// tempo, found from the chips' positions.
fn intervals_and_friday(
    h: &Harness<'static, StrideApp>,
) -> (stride::model::WorkoutId, egui::Pos2, egui::Pos2) {
    let tuesday = h
        .get_by_label_contains("Intervals: 4 x 1000 m @ ")
        .rect()
        .center();
    let thursday = h
        .get_all_by_label_contains("Tempo 3 km @ ")
        .map(|n| n.rect().center())
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .expect("a tempo chip");
    let column = (thursday.x - tuesday.x) / 2.0;
    let friday = egui::pos2(thursday.x + column, thursday.y + 30.0);
    let plan = active_plan(h);
    let id = plan
        .workouts
        .iter()
        .find(|w| w.title.starts_with("4 x 1000 m"))
        .expect("intervals")
        .id;
    (id, tuesday, friday)
}

#[test]
fn dragging_a_workout_moves_it_with_a_verdict_first_and_undo_brings_it_back() {
    let mut h = harness(FixedDialogs::default());
    let (id, tuesday, friday) = intervals_and_friday(&h);
    let before = date_of(&h, id);
    let fri = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
    drag_to(&mut h, tuesday, friday, Modifiers::NONE);
    let drag = h.state().drag().expect("a drag is in progress");
    let verdict = drag
        .verdict(stride::rules::preview::DropKind::Move, fri)
        .expect("Friday is visible");
    assert_eq!(
        verdict.severity(),
        Some(stride::rules::Severity::Error),
        "red before the drop"
    );
    assert!(
        h.query_all_by_label("error").count() >= 1,
        "the tint carries a word"
    );
    release(&mut h, friday);
    assert_eq!(date_of(&h, id), fri);
    let findings = &h.state().overview().findings;
    assert!(
        findings
            .iter()
            .any(|f| f.date == fri && f.rule == stride::rules::Rule::R2),
        "the finding is there after the drop"
    );
    assert!(h.state().drag().is_none());

    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(date_of(&h, id), before, "undo restores it");
    shortcut(&mut h, SHIFT_COMMAND, Key::Z);
    assert_eq!(date_of(&h, id), fri, "redo repeats it");
}

#[test]
fn ctrl_drag_copies() {
    let mut h = harness(FixedDialogs::default());
    let (id, tuesday, friday) = intervals_and_friday(&h);
    let count = h
        .state()
        .session()
        .document()
        .active_plan()
        .expect("plan")
        .workouts
        .len();
    drag_to(&mut h, tuesday, friday, Modifiers::COMMAND);
    release(&mut h, friday);
    let plan = active_plan(&h);
    assert_eq!(plan.workouts.len(), count + 1);
    assert_eq!(
        date_of(&h, id),
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
    );
    let copy = plan.workouts.last().expect("copy");
    assert_eq!(
        copy.date,
        NaiveDate::from_ymd_opt(2026, 12, 4).expect("date")
    );
    assert!(copy.locked);
}

/// Drags Tuesday's intervals to Friday with `modifiers` held and checks that the label at the
/// pointer names `verb`, that the day is tinted from verdicts of that kind, and that the drop
/// does what the label said: the status bar then repeats it as the edit's name.
fn drop_does_what_it_says(modifiers: Modifiers, verb: &str) -> stride::model::Plan {
    let mut h = harness(FixedDialogs::default());
    let (_, tuesday, friday) = intervals_and_friday(&h);
    let fri = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
    drag_to(&mut h, tuesday, friday, modifiers);
    let said = h.state().drop_label(fri).expect("a drag is in progress");
    assert!(said.starts_with(verb), "{said}");
    let kind = match verb {
        "Move" => stride::rules::preview::DropKind::Move,
        "Copy" => stride::rules::preview::DropKind::Copy,
        _ => stride::rules::preview::DropKind::Swap,
    };
    let drag = h.state().drag().expect("a drag is in progress");
    assert!(
        drag.verdict(kind, fri).is_some(),
        "Friday's tint comes from the {verb} verdicts"
    );
    release(&mut h, friday);
    assert_eq!(
        h.state().status_message(),
        Some(said.as_str()),
        "the drop did what the label said"
    );
    active_plan(&h)
}

fn kinds_on(plan: &stride::model::Plan, day: u32) -> Vec<String> {
    let date = NaiveDate::from_ymd_opt(2026, 12, day).expect("date");
    plan.workouts_on(date).map(|w| w.title.clone()).collect()
}

/// Whether Tuesday's intervals (or a copy) are on this day of December.
fn intervals_on(plan: &stride::model::Plan, day: u32) -> bool {
    kinds_on(plan, day)
        .iter()
        .any(|t| t.starts_with("4 x 1000 m"))
}

#[test]
fn a_plain_drop_moves() {
    let before = active_plan(&harness(FixedDialogs::default()));
    let after = drop_does_what_it_says(Modifiers::NONE, "Move");
    assert_eq!(after.workouts.len(), before.workouts.len());
    assert!(intervals_on(&after, 4));
    assert!(!intervals_on(&after, 1));
}

#[test]
fn a_ctrl_drop_copies() {
    let before = active_plan(&harness(FixedDialogs::default()));
    let after = drop_does_what_it_says(Modifiers::COMMAND, "Copy");
    assert!(intervals_on(&after, 4));
    assert!(intervals_on(&after, 1));
    assert!(after.workouts.len() >= before.workouts.len());
}

#[test]
fn a_shift_drop_swaps_the_two_days() {
    let before = active_plan(&harness(FixedDialogs::default()));
    let after = drop_does_what_it_says(Modifiers::SHIFT, "Swap");
    assert_eq!(kinds_on(&after, 4), kinds_on(&before, 1));
    assert_eq!(kinds_on(&after, 1), kinds_on(&before, 4));
}

#[test]
fn a_ctrl_shift_drop_copies_as_it_says() {
    let after = drop_does_what_it_says(SHIFT_COMMAND, "Copy");
    assert!(intervals_on(&after, 4));
    assert!(intervals_on(&after, 1));
}

#[test]
fn arrows_move_the_selection_delete_removes_and_ctrl_d_duplicates() {
    let mut h = harness(FixedDialogs::default());
    let (id, tuesday, _) = intervals_and_friday(&h);
    h.hover_at(tuesday);
    h.run();
    h.get_by_label_contains("Intervals: 4 x 1000 m @ ").click();
    h.run();
    assert_eq!(h.state().selected_workout(), Some(id));
    let day = date_of(&h, id);
    h.key_press(Key::ArrowRight);
    h.run();
    let next = h.state().selected_workout().expect("selection");
    assert_eq!(date_of(&h, next), day + chrono::Days::new(1));
    h.key_press(Key::ArrowDown);
    h.run();
    let below = h.state().selected_workout().expect("selection");
    assert_eq!(date_of(&h, below), day + chrono::Days::new(8));

    let count = h
        .state()
        .session()
        .document()
        .active_plan()
        .expect("plan")
        .workouts
        .len();
    shortcut(&mut h, Modifiers::COMMAND, Key::D);
    let plan = active_plan(&h);
    assert_eq!(plan.workouts.len(), count + 1);
    assert_eq!(
        plan.workouts.last().map(|w| w.date),
        Some(day + chrono::Days::new(8))
    );
    h.key_press(Key::Delete);
    h.run();
    let plan = active_plan(&h);
    assert_eq!(plan.workouts.len(), count);
    assert!(plan.workout(below).is_none());
    assert!(
        h.state()
            .session()
            .undo_label()
            .is_some_and(|l| l.starts_with("Delete "))
    );
}

#[test]
fn the_new_plan_form_produces_a_plan_without_findings() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Plan");
    click(&mut h, "New plan…");
    assert!(h.query_by_label("Generate").is_some(), "the form is open");
    click(&mut h, "Generate");
    assert!(h.query_by_label("Generate").is_none(), "the form closed");
    let plan = active_plan(&h);
    assert!(
        plan.name.contains("Riverside Half Marathon"),
        "{}",
        plan.name
    );
    assert!(
        h.state().overview().findings.is_empty(),
        "{:?}",
        h.state().overview().findings
    );
    assert!(h.query_by_label("Findings (0)").is_some());
    assert!(
        h.state()
            .session()
            .undo_label()
            .is_some_and(|l| l.starts_with("New plan"))
    );
}

#[test]
fn the_new_plan_form_names_the_field_that_is_wrong() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Plan");
    click(&mut h, "New plan…");
    fill(&mut h, "Race date", "2026-12-20");
    click(&mut h, "Generate");
    assert!(
        h.query_by_label_contains("needs at least 10 weeks")
            .is_some()
    );
    assert!(
        h.query_by_label("Generate").is_some(),
        "the form stays open"
    );
}

#[test]
fn the_week_view_shows_each_days_workouts_in_full() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Week");
    assert!(
        h.query_by_label("Sunday 29 November").is_some(),
        "the week of today"
    );
    assert!(h.query_by_label("Monday 23 November").is_some());
    click(&mut h, ">");
    assert!(
        h.query_by_label("Tuesday 1 December").is_some(),
        "one week on"
    );
    // Lengths as the chips write them; the effort once, in lower case after the kind.
    assert!(
        h.query_by_label("2 km E, 4 x (1 km I, 400 m E), 2 km E")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Intervals · hard · 9.6 km")
            .is_some()
    );
    click(&mut h, "Month");
    assert!(h.query_by_label("Tuesday 1 December").is_none());
}

#[test]
fn the_charts_tab_names_its_lines_zones_and_race_and_describes_a_hovered_day() {
    let mut harness = harness(FixedDialogs::default());
    click(&mut harness, "Charts");
    for entry in [
        "Fitness",
        "Fatigue",
        "Form",
        "Today",
        "ACWR",
        "Spike 1.5",
        "Warning 1.5",
        "Critical 2.0",
        "Resting HR",
        "Usual + 5 bpm (warning sign)",
        "Sleep, hours",
    ] {
        assert!(
            harness.query_all_by_label(entry).next().is_some(),
            "legend entry {entry}"
        );
    }
    use stride::science::charts::FormZone;
    for zone in FormZone::ALL {
        assert!(
            harness.query_by_label(zone.label()).is_some(),
            "zone {zone:?}"
        );
    }
    let form = harness
        .state()
        .overview()
        .race_morning_form
        .expect("race ahead");
    let race = format!("Riverside Half Marathon (race-morning form {form:+.0})");
    assert!(harness.query_by_label(&race).is_some(), "{race}");

    // The hover label of a known day: the plan's tempo on Thu 3 Dec.
    let doc = harness.state().session().document();
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
    let data = stride::science::charts::ChartData::from_document(doc, today());
    let text = stride::ui::day_summary(&data, day);
    let values = data.day_values(day).expect("in the series").day.values;
    assert!(text.starts_with("Thu 3 Dec 2026 (planned)"), "{text}");
    assert!(
        text.contains(&format!("fitness {:.1}", values.fitness)),
        "{text}"
    );
    assert!(
        text.contains(&format!("form {:+.1}", values.form)),
        "{text}"
    );
    assert!(values.load > 0.0 && text.contains(&format!("load {:.0}", values.load)));
    let week = data.week_of(day).expect("week");
    assert!(
        text.contains(&format!("{:.1} km", week.total_km())),
        "{text}"
    );

    // Presets keep the tab and its legends.
    click(&mut harness, "Whole plan");
    click(&mut harness, "All data");
    assert!(harness.query_by_label(FormZone::Fresh.label()).is_some());
}

#[test]
fn hovering_a_chart_names_the_day_and_clicking_shows_it_on_the_calendar() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Charts");
    let heading = h.get_by_label("Fitness and fatigue").rect();
    let at = egui::pos2(heading.left() + 450.0, heading.bottom() + 140.0);
    h.hover_at(at);
    h.run();
    let tooltip = h
        .query_by_label_contains("\nfitness ")
        .expect("a hover label with the day's values")
        .value()
        .expect("text");
    let first_line = tooltip.lines().next().expect("a date line");
    let date_text = first_line.trim_end_matches(" (planned)");
    let day = NaiveDate::parse_from_str(date_text, "%a %-d %b %Y").expect(first_line);
    assert!(day > today(), "the point is in the plan: {first_line}");

    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
    assert_eq!(h.state().tab(), stride::ui::CentralTab::Calendar);
    let selected = h
        .state()
        .selected_workout()
        .expect("the day's workout is selected");
    assert_eq!(active_plan(&h).workout(selected).map(|w| w.date), Some(day));
}

#[test]
fn the_model_settings_change_the_charts_in_one_undoable_step() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Charts");
    let form_before = h.state().overview().race_morning_form;
    click(&mut h, "Model settings");
    click(&mut h, "Averaging");
    click(&mut h, "Runalyze (2/(N+1))");
    let settings = &h.state().session().document().settings;
    assert_eq!(settings.load_model, stride::model::LoadModel::Runalyze);
    assert!(h.state().session().is_modified());
    assert!(
        h.query_by_label_contains("Model: Runalyze (2/(N+1)), fitness 42 days")
            .is_some()
    );
    assert_ne!(h.state().overview().race_morning_form, form_before);
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    let settings = &h.state().session().document().settings;
    assert_eq!(settings.load_model, stride::model::LoadModel::Trainingpeaks);
    assert_eq!(h.state().overview().race_morning_form, form_before);
}

#[test]
fn save_chart_writes_the_shown_days_through_the_save_dialog() {
    let dir = std::env::temp_dir().join(format!("stride-ui-chart-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("chart.svg");
    let wide = dir.join("plan.svg");
    let mut h = harness(FixedDialogs::choosing([path.clone(), wide.clone()]));
    click(&mut h, "Charts");
    // Three months around today: the race, ten weeks out, is not in the picture.
    click(&mut h, "Save chart…");
    h.run();
    let svg = std::fs::read_to_string(&path).expect("the chart was written");
    assert!(svg.contains("Fitness, fatigue and form"));
    assert!(!svg.contains("Riverside Half Marathon"));
    // The whole plan shows it.
    click(&mut h, "Whole plan");
    h.run();
    click(&mut h, "Save chart…");
    h.run();
    let svg = std::fs::read_to_string(&wide).expect("the chart was written");
    assert!(svg.contains("Riverside Half Marathon"));
    assert!(h.query_by_label_contains("Saved the chart to").is_some());
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn dragging_a_tempo_onto_a_day_with_intervals_marks_the_day_an_error() {
    let mut h = harness(FixedDialogs::default());
    let (_, tuesday, _) = intervals_and_friday(&h);
    let thursday = h
        .get_all_by_label_contains("Tempo 3 km @ ")
        .map(|n| n.rect().center())
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .expect("a tempo chip");
    let tue = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    drag_to(&mut h, thursday, tuesday, Modifiers::NONE);
    let drag = h.state().drag().expect("a drag is in progress");
    let verdict = drag
        .verdict(stride::rules::preview::DropKind::Move, tue)
        .expect("Tuesday is visible");
    assert_eq!(verdict.severity(), Some(stride::rules::Severity::Error));
    assert!(
        h.query_all_by_label("error").count() >= 1,
        "the day is marked error"
    );
    // The panel at the pointer names the finding.
    assert!(
        h.query_all_by_label_contains("2 hard sessions on Tue 1 Dec")
            .count()
            >= 1,
        "the finding is in the pointer's panel"
    );
    release(&mut h, tuesday);
    let findings = &h.state().overview().findings;
    assert!(
        findings.iter().any(|f| f.date == tue
            && f.rule == stride::rules::Rule::R4
            && f.severity == stride::rules::Severity::Error),
        "{findings:?}"
    );
}

#[test]
fn the_optimiser_in_new_plan_shows_three_tapers_and_takes_the_chosen_one() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Plan");
    click(&mut h, "New plan…");
    h.get_by_label("Optimise for race day").click();
    h.run();
    click(&mut h, "Find the best race day");
    // The form stays open with the candidates side by side.
    for n in 1..=3 {
        assert!(
            h.query_by_label(&format!("Use plan {n}")).is_some(),
            "candidate {n}"
        );
    }
    assert!(
        h.query_by_label_contains("Predicted race-day VDOT of the standard plan")
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("-week").count() >= 3,
        "tapers are named"
    );
    click(&mut h, "Use plan 2");
    assert!(
        h.query_by_label("Find the best race day").is_none(),
        "the form closed"
    );
    let plan = active_plan(&h);
    assert!(
        plan.name.contains("Riverside Half Marathon"),
        "{}",
        plan.name
    );
    let errors = h
        .state()
        .overview()
        .findings
        .iter()
        .filter(|f| f.severity == stride::rules::Severity::Error)
        .count();
    assert_eq!(errors, 0, "{:?}", h.state().overview().findings);
}

#[test]
fn the_charts_tab_shows_the_runners_model_and_the_panel_its_race_day() {
    let mut h = harness(FixedDialogs::default());
    assert!(
        h.query_by_label_contains("80% band").is_some(),
        "the goal's band"
    );
    let goal = h.state().overview().model.goal.expect("a prediction");
    assert!(goal.vdot_low < goal.vdot && goal.vdot < goal.vdot_high);
    click(&mut h, "Charts");
    assert!(
        h.query_by_label("Your model: race VDOT from fitness and fatigue")
            .is_some()
    );
    let races = h.state().overview().model.performances.len();
    assert!(
        h.query_by_label_contains(&format!("Fitted to your {races} races"))
            .is_some(),
        "{races} races"
    );
}

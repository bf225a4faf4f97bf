//! The window's history and recovery parts, driven through egui_kittest: check-ins, the
//! readiness banner, suggestions, logging activities, and adapting the plan.

use chrono::Days;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use stride::model::{Intensity, WorkoutKind};
use stride::readiness::Status;
use stride::ui::{FixedDialogs, Request};

mod common;
use common::*;

/// Fills the open check-in form with a high resting HR and poor sleep, and saves it.
fn check_in_badly(h: &mut egui_kittest::Harness<'static, stride::ui::StrideApp>) {
    fill(h, "Resting HR", "66");
    fill(h, "Sleep hours", "5");
    fill(h, "Sleep quality", "1");
    fill(h, "Soreness", "4");
    click(h, "Save check-in");
}

/// The demo runner with a calm last fortnight: usual resting HR, good sleep, easy runs
/// that felt easy.
fn calm_harness() -> egui_kittest::Harness<'static, stride::ui::StrideApp> {
    let mut doc = stride::storage::demo_document(today()).expect("present");
    let since = today() - Days::new(14);
    for e in doc.history.wellness.iter_mut().filter(|e| e.date >= since) {
        e.resting_hr_bpm = Some(50);
        e.hrv_ms = Some(66.0);
        e.sleep_quality = Some(4);
        e.sleep_hours = Some(7.5);
    }
    // A second rest day instead of the cycling session: days of varied load.
    doc.history
        .activities
        .retain(|a| a.date() < since || !matches!(a.kind, WorkoutKind::CrossTraining { .. }));
    for a in doc
        .history
        .activities
        .iter_mut()
        .filter(|a| a.date() >= since)
    {
        if a.kind == WorkoutKind::Easy {
            a.rpe = Some(3.0);
        }
    }
    harness_on(doc)
}

/// The window on a document, at the usual size.
fn harness_on(
    doc: stride::model::AthleteDocument,
) -> egui_kittest::Harness<'static, stride::ui::StrideApp> {
    let session = stride::session::Session::new(doc, None);
    let app = stride::ui::StrideApp::new(session, today(), Box::new(FixedDialogs::default()));
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut stride::ui::StrideApp| app.frame_ui(ui), app);
    h.run();
    h
}

#[test]
fn the_demo_runner_opens_with_the_warning_signs_of_its_last_week() {
    let h = harness(FixedDialogs::default());
    let r = h.state().readiness();
    assert_eq!(r.status, Status::Red, "{}", r.summary());
    assert!(h.query_by_label(" Readiness: RED ").is_some());
    assert!(
        h.query_by_label_contains("poor sleep on 3 of the last 5 nights")
            .is_some()
    );
}

#[test]
fn check_ins_turn_the_banner_amber_with_reasons_and_a_suggestion_is_applied_and_undone() {
    let mut h = calm_harness();
    let before = h.state().readiness().status;
    let before_summary = h.state().readiness().summary();
    assert!(
        h.query_by_label_contains("Readiness: ").is_some(),
        "the banner is shown"
    );
    // Yesterday's and today's check-ins: resting HR 15 bpm over the usual, short sleep.
    h.state_mut()
        .push(Request::CheckInOn(today() - Days::new(1)));
    h.run();
    check_in_badly(&mut h);
    click(&mut h, "Check in…");
    assert!(h.query_by_label("Check-in").is_some(), "the form is open");
    check_in_badly(&mut h);
    let wellness = &h.state().session().document().history.wellness;
    let today_entry = wellness
        .iter()
        .find(|e| e.date == today())
        .expect("present");
    assert_eq!(
        (today_entry.resting_hr_bpm, today_entry.sleep_quality),
        (Some(66), Some(1))
    );
    let readiness = h.state().readiness().clone();
    assert_eq!(
        before,
        Status::Green,
        "the demo runner starts well recovered: {before_summary}"
    );
    assert!(readiness.status >= Status::Amber, "{}", readiness.summary());
    assert!(
        h.query_by_label_contains("resting HR +").is_some(),
        "the banner names the reason"
    );
    let label = format!(" Readiness: {} ", readiness.status.name().to_uppercase());
    assert!(h.query_by_label(&label).is_some());

    // Sore today (4 of 5): the first suggestion rests today's run; the next hard session
    // after today is still offered as a recovery run.
    let plan_before = h
        .state()
        .session()
        .document()
        .active_plan()
        .expect("present")
        .clone();
    let todays = plan_before
        .workouts_on(today())
        .find(|w| w.intensity() != Intensity::Rest)
        .expect("the demo trains today")
        .clone();
    click(&mut h, "See fixes");
    assert!(h.query_by_label("Suggested changes").is_some());
    assert!(h.query_by_label_contains("for a recovery run").is_some());
    assert!(
        h.query_by_label_contains("Rest today (Sun 29 Nov) instead of")
            .is_some()
    );
    h.get_all_by_label("Apply").next().expect("present").click();
    h.run();
    let plan_after = h
        .state()
        .session()
        .document()
        .active_plan()
        .expect("present")
        .clone();
    assert_eq!(
        plan_after.workout(todays.id).expect("present").kind,
        WorkoutKind::Rest
    );
    assert!(
        h.state()
            .session()
            .undo_label()
            .is_some_and(|l| l.starts_with("Rest today")),
        "one undoable edit named after the suggestion"
    );
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state()
            .session()
            .document()
            .active_plan()
            .expect("present"),
        &plan_before
    );
}

#[test]
fn a_check_in_with_a_bad_value_is_refused_with_the_field_named() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Check in…");
    fill(&mut h, "Resting HR", "300");
    click(&mut h, "Save check-in");
    assert!(
        h.query_by_label("Resting HR: enter a number from 20 to 250")
            .is_some()
    );
    assert!(
        h.query_by_label("Check-in").is_some(),
        "the form stays open"
    );
}

#[test]
fn logging_an_activity_shows_its_load_and_the_table_edits_and_deletes_it() {
    let mut h = harness(FixedDialogs::default());
    let count = h.state().session().document().history.activities.len();
    click(&mut h, "History");
    click(&mut h, "Log activity…");
    fill(&mut h, "Duration (h:mm:ss or min)", "50:00");
    fill(&mut h, "Distance (km)", "10");
    fill(&mut h, "Average HR", "150");
    assert!(
        h.query_by_label_contains("(from heart rate)").is_some(),
        "the load and its metric are shown while typing"
    );
    click(&mut h, "Save activity");
    let doc = h.state().session().document();
    assert_eq!(doc.history.activities.len(), count + 1);
    let logged = doc
        .history
        .activities
        .iter()
        .find(|a| a.date() == today() && a.avg_hr_bpm == Some(150))
        .expect("present")
        .clone();
    assert_eq!(logged.duration_s, 3000.0);
    assert_eq!(logged.distance_m, Some(10_000.0));

    // Newest first: the row just logged is the first; edit its RPE, then delete it.
    h.get_all_by_label("Edit…").next().expect("present").click();
    h.run();
    assert!(h.query_by_label("Edit activity").is_some());
    fill(&mut h, "RPE (0-10)", "6");
    click(&mut h, "Save changes");
    let doc = h.state().session().document();
    assert_eq!(doc.history.activities.len(), count + 1);
    assert!(
        doc.history
            .activities
            .iter()
            .any(|a| a.avg_hr_bpm == Some(150) && a.rpe == Some(6.0))
    );
    h.get_all_by_label("Delete")
        .next()
        .expect("present")
        .click();
    h.run();
    assert_eq!(
        h.state().session().document().history.activities.len(),
        count
    );
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().session().document().history.activities.len(),
        count + 1,
        "undo brings the deleted activity back"
    );
}

#[test]
fn sorting_and_filtering_the_history_table() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "History");
    let all = h.state().session().document().history.activities.len();
    assert!(
        h.query_by_label(&format!("{all} of {all} activities"))
            .is_some()
    );
    let running = h
        .state()
        .session()
        .document()
        .history
        .activities
        .iter()
        .filter(|a| a.kind.is_running())
        .count();
    assert!(
        running > 0 && running < all,
        "the demo has some cross-training"
    );
    h.get_by_label("Show").click();
    h.run();
    click(&mut h, "Running");
    assert!(
        h.query_by_label(&format!("{running} of {all} activities"))
            .is_some()
    );
    click(&mut h, "Date · desc");
    assert!(
        h.query_by_label("Date · asc").is_some(),
        "a second click reverses the order"
    );
}

#[test]
fn adapt_plan_from_today_shows_the_comparison_and_applies_as_one_edit() {
    let mut h = harness(FixedDialogs::default());
    let before = h
        .state()
        .session()
        .document()
        .active_plan()
        .expect("present")
        .clone();
    click(&mut h, "Adapt plan from today…");
    assert!(
        h.query_by_label("Week of").is_some(),
        "weekly volume before and after"
    );
    assert!(
        h.query_by_label_contains("with the plan as it is")
            .is_some(),
        "race-morning form before and after"
    );
    click(&mut h, "Apply the adapted plan");
    let after = h
        .state()
        .session()
        .document()
        .active_plan()
        .expect("present")
        .clone();
    assert_eq!(after.goal.date, before.goal.date);
    assert!(
        after
            .workouts
            .iter()
            .filter(|w| w.date < today())
            .all(|w| before.workouts.contains(w)),
        "the past is kept"
    );
    assert!(
        h.state()
            .session()
            .undo_label()
            .is_some_and(|l| l.starts_with("Adapt plan from"))
    );
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state()
            .session()
            .document()
            .active_plan()
            .expect("present"),
        &before
    );
}

/// Issue: a run with no heart rate, RPE or usable pace counted as 0 without a word. Its load
/// is now estimated, and the History table says so.
#[test]
fn the_history_table_names_an_estimated_load() {
    let mut doc = stride::storage::demo_document(today()).expect("present");
    let mut bare = stride::model::Activity::from_planned(&stride::model::Workout::new(
        stride::model::WorkoutId(999_999),
        today() - Days::new(1),
        WorkoutKind::Intervals,
    ));
    bare.planned_workout = None;
    bare.duration_s = 3000.0;
    bare.start += chrono::TimeDelta::hours(10);
    doc.history.activities.push(bare);
    // Without a VDOT the pace of the demo's runs cannot be used either.
    doc.athlete.vdot = None;
    doc.athlete.recent_race = None;
    let mut h = harness_on(doc);
    click(&mut h, "History");
    assert!(
        h.query_by_label_contains("estimated from duration")
            .is_some(),
        "the estimated load is labelled"
    );
}

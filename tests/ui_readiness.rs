//! The readiness banner and the Recovery window as a runner with a bad few days finds them,
//! driven through egui_kittest by labels and clicks: what the banner counts, what is
//! suggested for today, and tips that say the same.

use chrono::Days;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stride::model::{AthleteDocument, Intensity, WellnessEntry, WorkoutKind};
use stride::readiness::Status;
use stride::ui::{FixedDialogs, StrideApp};

mod common;
use common::*;

/// The window on a document, at the usual size.
fn harness_on(doc: AthleteDocument) -> Harness<'static, StrideApp> {
    let session = stride::session::Session::new(doc, None);
    let app = StrideApp::new(session, today(), Box::new(FixedDialogs::default()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut StrideApp| app.frame_ui(ui), app);
    h.run();
    h
}

/// The demo runner (usual resting HR 50, a long run planned today) after three bad mornings:
/// resting HR 56, 57 and today 66, poor short nights, easy runs that felt hard and the same
/// load every day. HRV stays in its normal range, so no sign is red by itself: four amber
/// signs make the day red. `soreness` is today's.
fn four_signs(soreness: u8) -> AthleteDocument {
    let mut doc = stride::storage::demo_document(today()).expect("demo");
    let week_ago = today() - Days::new(7);
    for e in doc
        .history
        .wellness
        .iter_mut()
        .filter(|e| e.date > week_ago)
    {
        e.hrv_ms = Some(64.0);
    }
    doc.history.wellness.retain(|e| e.date != today());
    doc.history.wellness.push(WellnessEntry {
        date: today(),
        resting_hr_bpm: Some(66),
        hrv_ms: Some(64.0),
        sleep_hours: Some(5.5),
        sleep_quality: Some(2),
        soreness: Some(soreness),
        fatigue: Some(3),
        stress: Some(2),
        mood: Some(3),
        motivation: Some(3),
    });
    doc
}

/// The texts of the tips in the open Recovery window (each drawn after a bullet).
fn tips_shown(h: &Harness<'static, StrideApp>) -> Vec<String> {
    // A label's text is its accesskit value.
    h.query_all_by_label_contains("• ")
        .filter_map(|n| n.accesskit_node().value())
        .collect()
}

/// Today's workout in the open document's plan.
fn todays_kind(h: &Harness<'static, StrideApp>) -> WorkoutKind {
    active_plan(h)
        .workouts_on(today())
        .find(|w| w.intensity() != Intensity::Rest || w.kind == WorkoutKind::Rest)
        .expect("a workout today")
        .kind
        .clone()
}

#[test]
fn the_banner_counts_the_days_over_the_threshold_and_names_only_todays_rise() {
    let h = harness_on(four_signs(3));
    assert!(
        h.query_by_label_contains(
            "resting HR +5 bpm or more above your usual 50 on 3 of the last 3 days (today +16)"
        )
        .is_some(),
        "{}",
        h.state().readiness().summary()
    );
    // Only today was 16 above: the three days are not said to be.
    assert!(h.query_by_label_contains("+16 bpm above").is_none());
    assert!(h.query_by_label_contains("+16 bpm").is_none());
}

#[test]
fn a_red_day_offers_a_recovery_run_today_first_and_the_tips_agree() {
    let mut h = harness_on(four_signs(3));
    let r = h.state().readiness().clone();
    assert_eq!(r.status, Status::Red, "{}", r.summary());
    assert!(r.warnings.len() >= 4, "{}", r.summary());
    assert!(h.query_by_label(" Readiness: RED ").is_some());
    assert_eq!(todays_kind(&h), WorkoutKind::Long);
    click(&mut h, "See fixes");
    assert!(
        h.query_by_label("Swap today's Long run for a recovery run (Sun 29 Nov)")
            .is_some()
    );
    let tips = tips_shown(&h);
    assert!(
        tips.iter()
            .any(|t| t.contains("Keep today to a short recovery run")),
        "{tips:?}"
    );
    assert!(
        !tips
            .iter()
            .any(|t| t.to_lowercase().contains("rest today rather than run")),
        "{tips:?}"
    );
    // The first Apply is today's change.
    h.get_all_by_label("Apply")
        .next()
        .expect("a suggestion")
        .click();
    h.run();
    assert_eq!(todays_kind(&h), WorkoutKind::Recovery);
}

#[test]
fn very_sore_on_a_red_day_rests_today_first_and_no_tip_says_run() {
    let mut h = harness_on(four_signs(4));
    assert_eq!(h.state().readiness().status, Status::Red);
    click(&mut h, "See fixes");
    assert!(
        h.query_by_label("Rest today (Sun 29 Nov) instead of Long run")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Swap today's").is_none(),
        "one change for today"
    );
    let tips = tips_shown(&h);
    assert!(
        tips.iter()
            .any(|t| t.contains("Very sore: rest today rather than run")),
        "{tips:?}"
    );
    assert!(
        !tips.iter().any(|t| t.contains("recovery run")),
        "no tip proposes a run today: {tips:?}"
    );
    h.get_all_by_label("Apply")
        .next()
        .expect("a suggestion")
        .click();
    h.run();
    assert_eq!(todays_kind(&h), WorkoutKind::Rest);
    assert!(
        h.state()
            .session()
            .undo_label()
            .is_some_and(|l| l.starts_with("Rest today"))
    );
}

#[test]
fn fitness_and_form_ask_for_a_plan_only_when_there_is_none_and_no_training_either() {
    let nothing = "Log training or build a plan to see how fitness, fatigue and form move.";
    let empty = AthleteDocument::new(stride::model::Athlete::example());
    let h = harness_on(empty.clone());
    assert!(h.query_by_label(nothing).is_some());

    // A plan that starts next week, before any training is logged.
    let demo = stride::storage::demo_document(today()).expect("demo");
    let mut plan = demo.active_plan().expect("plan").clone();
    let start = today() + Days::new(8);
    plan.workouts.retain(|w| w.date >= start);
    plan.start_date = start;
    let first = plan
        .workouts
        .iter()
        .map(|w| w.date)
        .min()
        .expect("workouts");
    let mut doc = empty;
    doc.plans.push(plan);
    let h = harness_on(doc);
    assert!(h.query_by_label(nothing).is_none());
    let expected = format!(
        "Fitness, fatigue and form start with the plan on {}; log training to start them sooner.",
        first.format("%a %-d %b")
    );
    assert!(h.query_by_label(&expected).is_some(), "{expected}");
}

#[test]
fn the_days_to_the_race_are_counted_in_words() {
    let mut doc = stride::storage::demo_document(today()).expect("demo");
    let plan = doc.plans.first_mut().expect("plan");
    plan.goal.date = today() + Days::new(1);
    let h = harness_on(doc.clone());
    assert!(h.query_by_label("1 day to go").is_some());
    assert!(h.query_by_label_contains("(s)").is_none());
    doc.plans[0].goal.date = today() + Days::new(3);
    let h = harness_on(doc);
    assert!(h.query_by_label("3 days to go").is_some());
}

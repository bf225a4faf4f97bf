//! The session: every edit undoable, revisions, and the unsaved state.

use stride::model::{Athlete, AthleteDocument};
use stride::session::{Edit, Session, UNDO_LIMIT};

fn renamed(session: &Session, name: &str) -> Edit {
    let mut athlete = session.document().athlete.clone();
    athlete.name = name.to_owned();
    Edit::SetAthlete(athlete)
}

fn fresh() -> Session {
    Session::new(AthleteDocument::new(Athlete::example()), None)
}

#[test]
fn undo_and_redo_walk_the_edits_in_order() {
    let mut s = fresh();
    for name in ["A", "B", "C"] {
        let edit = renamed(&s, name);
        s.apply(edit);
    }
    assert_eq!(s.document().athlete.name, "C");
    assert!(s.undo());
    assert!(s.undo());
    assert_eq!(s.document().athlete.name, "A");
    assert!(s.redo());
    assert_eq!(s.document().athlete.name, "B");
    let edit = renamed(&s, "D");
    s.apply(edit);
    assert!(!s.redo(), "a new edit clears the redo history");
    assert!(s.undo());
    assert!(s.undo());
    assert!(s.undo());
    assert!(!s.undo(), "nothing before the first edit");
    assert_eq!(s.document().athlete.name, "New athlete");
}

#[test]
fn an_edit_that_changes_nothing_is_not_an_undo_step() {
    let mut s = fresh();
    let same = Edit::SetAthlete(s.document().athlete.clone());
    let revision = s.revision();
    s.apply(same);
    assert_eq!(s.revision(), revision);
    assert_eq!(s.undo_label(), None);
    assert!(!s.is_modified());
}

#[test]
fn revisions_change_on_every_edit_undo_and_redo_and_never_repeat_for_new_states() {
    let mut s = fresh();
    let r0 = s.revision();
    let edit = renamed(&s, "A");
    s.apply(edit);
    let r1 = s.revision();
    assert_ne!(r0, r1);
    s.undo();
    assert_eq!(
        s.revision(),
        r0,
        "undo returns to the earlier state's revision"
    );
    let edit = renamed(&s, "B");
    s.apply(edit);
    assert_ne!(s.revision(), r1, "a different state gets a new revision");
}

#[test]
fn history_is_capped() {
    let mut s = fresh();
    for i in 0..UNDO_LIMIT + 25 {
        let edit = renamed(&s, &format!("name {i}"));
        s.apply(edit);
    }
    let mut undone = 0;
    while s.undo() {
        undone += 1;
    }
    assert_eq!(undone, UNDO_LIMIT);
}

#[test]
fn saving_clears_the_modified_state_and_undo_past_the_save_sets_it_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    let mut s = fresh();
    assert!(
        !s.is_modified(),
        "the demo-like starting document has nothing to lose"
    );
    let edit = renamed(&s, "A");
    s.apply(edit);
    assert!(s.is_modified());
    s.save_as(&path).expect("save");
    assert!(!s.is_modified());
    assert_eq!(s.path(), Some(path.as_path()));
    s.undo();
    assert!(s.is_modified(), "the file holds A");
    s.redo();
    assert!(!s.is_modified(), "back to what the file holds");
}

#[test]
fn a_created_document_is_unsaved_until_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Session::created(AthleteDocument::new(Athlete::example()));
    assert!(s.is_modified());
    assert!(s.save().is_err(), "no file yet: Save as is needed");
    assert!(s.is_modified());
    s.save_as(&dir.path().join("new.ron")).expect("save as");
    assert!(!s.is_modified());
}

#[test]
fn a_failed_save_keeps_the_session_modified_and_its_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    let mut s = fresh();
    s.save_as(&path).expect("save");
    let edit = renamed(&s, "A");
    s.apply(edit);
    let missing = dir.path().join("no-such-folder").join("b.ron");
    assert!(s.save_as(&missing).is_err());
    assert!(s.is_modified());
    assert_eq!(s.path(), Some(path.as_path()));
}

#[test]
fn opening_a_file_gives_an_unmodified_session_on_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    let mut s = fresh();
    s.save_as(&path).expect("save");
    let opened = Session::open(&path).expect("open");
    assert!(!opened.is_modified());
    assert_eq!(opened.document(), s.document());
}

fn demo_session() -> Session {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    Session::new(stride::storage::demo_document(today).expect("demo"), None)
}

fn tempo(s: &Session) -> stride::model::Workout {
    s.document()
        .active_plan()
        .expect("plan")
        .workouts
        .iter()
        .find(|w| w.kind == stride::model::WorkoutKind::Tempo)
        .expect("a tempo")
        .clone()
}

#[test]
fn moving_a_workout_locks_it_and_names_the_undo_step() {
    let mut s = demo_session();
    let w = tempo(&s);
    let to = w.date + chrono::Days::new(1);
    s.apply(Edit::MoveWorkout { id: w.id, to });
    let moved = s
        .document()
        .active_plan()
        .expect("plan")
        .workout(w.id)
        .expect("w")
        .clone();
    assert_eq!(moved.date, to);
    assert!(moved.locked);
    let expected = format!("Move {} to {}", w.display_title(), to.format("%a %-d %b"));
    assert_eq!(s.undo_label(), Some(expected.as_str()));
    s.undo();
    assert_eq!(
        s.document().active_plan().expect("plan").workout(w.id),
        Some(&w)
    );
    assert_eq!(s.redo_label(), Some(expected.as_str()));
}

#[test]
fn copy_swap_delete_and_replace() {
    let mut s = demo_session();
    let w = tempo(&s);
    let count = s.document().active_plan().expect("plan").workouts.len();
    let to = w.date + chrono::Days::new(2);
    s.apply(Edit::CopyWorkout { id: w.id, to });
    let plan = s.document().active_plan().expect("plan").clone();
    assert_eq!(plan.workouts.len(), count + 1);
    let copy = plan.workouts.last().expect("copy");
    assert!(copy.id != w.id && copy.date == to && copy.locked && copy.title == w.title);

    let (a, b) = (w.date, w.date + chrono::Days::new(1));
    let on = |s: &Session, d| -> Vec<stride::model::WorkoutId> {
        s.document()
            .active_plan()
            .expect("plan")
            .workouts_on(d)
            .map(|w| w.id)
            .collect()
    };
    let (on_a, on_b) = (on(&s, a), on(&s, b));
    s.apply(Edit::SwapDays { a, b });
    assert_eq!((on(&s, a), on(&s, b)), (on_b, on_a));

    s.apply(Edit::DeleteWorkout(w.id));
    assert!(
        s.document()
            .active_plan()
            .expect("plan")
            .workout(w.id)
            .is_none()
    );
    s.undo();
    let mut edited = tempo(&s);
    edited.title = "Cruise intervals".to_owned();
    s.apply(Edit::ReplaceWorkout(edited.clone()));
    assert_eq!(s.undo_label(), Some("Edit Cruise intervals"));
    assert_eq!(tempo(&s).title, "Cruise intervals");
}

#[test]
fn a_save_over_a_file_another_program_changed_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("anna.ron");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let doc = stride::storage::demo_document(today).expect("demo");
    stride::storage::save_document(&doc, &path).expect("save");
    let mut session = Session::open(&path).expect("open");
    assert!(!session.changed_on_disk());
    // Another program writes the file.
    let mut other = doc.clone();
    other.athlete.name = "Written elsewhere".to_owned();
    std::thread::sleep(std::time::Duration::from_millis(20));
    stride::storage::save_document(&other, &path).expect("save");
    assert!(session.changed_on_disk());
    let written = std::fs::read(&path).expect("read");
    let e = session.save().expect_err("refused");
    assert!(e.to_string().contains("changed on disk"), "{e}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        written,
        "nothing overwritten"
    );
    // Saving elsewhere works, and the session follows its new file.
    let copy = dir.path().join("copy.ron");
    session.save_as(&copy).expect("save as");
    assert!(!session.changed_on_disk());
    session.save().expect("save again");
}

#[test]
fn a_plan_added_to_the_season_waits_behind_the_active_one_until_it_is_made_active() {
    let mut s = demo_session();
    let current = s.document().active_plan().expect("plan").clone();
    let mut next = current.clone();
    next.name = "Spring 10K".to_owned();
    s.apply(Edit::AddPlan(next.clone()));
    let doc = s.document().clone();
    assert_eq!(doc.plans.len(), 2);
    assert_eq!(doc.active_plan(), Some(&current), "still active");
    assert_eq!(
        s.undo_label(),
        Some("Add plan \"Spring 10K\" to the season")
    );
    // The same workouts under new ids: none of the active plan's, none a logged activity
    // names.
    let added = &doc.plans[1];
    assert_eq!(added.workouts.len(), next.workouts.len());
    for (w, old) in added.workouts.iter().zip(&next.workouts) {
        assert_eq!((w.date, &w.kind), (old.date, &old.kind));
        assert!(current.workout(w.id).is_none(), "{:?} is taken", w.id);
        assert!(
            doc.history
                .activities
                .iter()
                .all(|a| a.planned_workout != Some(w.id))
        );
    }
    assert!(
        doc.history
            .activities
            .iter()
            .any(|a| a.planned_workout.is_some()),
        "the demo's activities name their workouts"
    );

    s.apply(Edit::MakeActivePlan(1));
    assert_eq!(s.document().plans, vec![added.clone(), current.clone()]);
    assert_eq!(
        s.undo_label(),
        Some("Make \"Spring 10K\" the active plan"),
        "one step, named"
    );
    s.undo();
    assert_eq!(s.document().active_plan(), Some(&current));
    let revision = s.revision();
    s.apply(Edit::MakeActivePlan(7));
    assert_eq!(s.revision(), revision, "no plan there: nothing changes");
}

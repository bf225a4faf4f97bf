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

mod undo_against_copies {
    //! Random edits of every kind, undone and redone in any order, against a model that keeps
    //! a whole copy of the document for each step (as undo once did).

    use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
    use proptest::prelude::*;
    use stride::model::{Activity, AthleteDocument, CrossActivity, WellnessEntry, WorkoutKind};
    use stride::session::{Edit, Session, UNDO_LIMIT};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
    }

    /// About twenty years back from today.
    fn day(offset: i64) -> NaiveDate {
        today() - TimeDelta::days(7300 - offset)
    }

    fn kind(pick: u8) -> WorkoutKind {
        match pick % 6 {
            0 => WorkoutKind::Easy,
            1 => WorkoutKind::Long,
            2 => WorkoutKind::Tempo,
            3 => WorkoutKind::Intervals,
            4 => WorkoutKind::Recovery,
            _ => WorkoutKind::CrossTraining {
                activity: CrossActivity::Cycling,
            },
        }
    }

    /// An activity on one of the last 7,300 days.
    #[derive(Clone, Debug)]
    struct Run {
        day: i64,
        minute: u32,
        kind: u8,
        duration_min: u16,
        hr: Option<u16>,
        notes: bool,
    }

    impl Run {
        fn activity(&self) -> Activity {
            let start: NaiveDateTime = day(self.day).and_hms_opt(6, 0, 0).expect("time")
                + TimeDelta::minutes(i64::from(self.minute));
            Activity {
                start,
                kind: kind(self.kind),
                instant: None,
                duration_s: f64::from(self.duration_min) * 60.0,
                moving_s: None,
                normalised_pace_s_per_km: None,
                distance_m: None,
                avg_hr_bpm: self.hr,
                max_hr_bpm: None,
                rpe: None,
                load: None,
                source_file: None,
                planned_workout: None,
                notes: if self.notes {
                    "hilly".to_owned()
                } else {
                    String::new()
                },
            }
        }
    }

    fn run() -> impl Strategy<Value = Run> {
        (
            0i64..7300,
            0u32..(14 * 60),
            any::<u8>(),
            10u16..200,
            proptest::option::of(120u16..180),
            any::<bool>(),
        )
            .prop_map(|(day, minute, kind, duration_min, hr, notes)| Run {
                day,
                minute,
                kind,
                duration_min,
                hr,
                notes,
            })
    }

    /// What an imported file brings: a new activity, or one already logged (picked by
    /// position) with a heart rate, which fills in what the logged one lacks.
    #[derive(Clone, Debug)]
    enum Imported {
        New(Run),
        Again(usize),
    }

    /// An edit described by positions and amounts, made concrete on the document it is
    /// applied to.
    #[derive(Clone, Debug)]
    enum EditOp {
        Rename(u8),
        FitnessDays(u32),
        Move {
            pick: usize,
            days: i64,
        },
        Copy {
            pick: usize,
            days: i64,
        },
        Swap {
            pick: usize,
            days: i64,
        },
        DeleteWorkout(usize),
        RetitleWorkout {
            pick: usize,
            title: u8,
        },
        SetPlan {
            keep: usize,
        },
        ChangePlan {
            every: usize,
        },
        AddPlan,
        MakeActive(usize),
        Log(Run),
        EditActivity {
            pick: usize,
            minutes: u16,
        },
        DeleteActivity(usize),
        Import(Vec<Imported>),
        SetWellness {
            pick: Option<usize>,
            day: i64,
            mood: Option<u8>,
        },
        DeleteWellness(usize),
    }

    #[derive(Clone, Debug)]
    enum Op {
        Apply(EditOp),
        Undo,
        Redo,
        Save,
    }

    fn edit_op() -> impl Strategy<Value = EditOp> {
        let pick = || 0usize..1000;
        prop_oneof![
            any::<u8>().prop_map(EditOp::Rename),
            (30u32..50).prop_map(EditOp::FitnessDays),
            (pick(), -3i64..4).prop_map(|(pick, days)| EditOp::Move { pick, days }),
            (pick(), -3i64..4).prop_map(|(pick, days)| EditOp::Copy { pick, days }),
            (pick(), -3i64..4).prop_map(|(pick, days)| EditOp::Swap { pick, days }),
            pick().prop_map(EditOp::DeleteWorkout),
            (pick(), 0u8..3).prop_map(|(pick, title)| EditOp::RetitleWorkout { pick, title }),
            (0usize..200).prop_map(|keep| EditOp::SetPlan { keep }),
            (1usize..6).prop_map(|every| EditOp::ChangePlan { every }),
            Just(EditOp::AddPlan),
            (0usize..4).prop_map(EditOp::MakeActive),
            run().prop_map(EditOp::Log),
            (pick(), 0u16..3).prop_map(|(pick, minutes)| EditOp::EditActivity { pick, minutes }),
            pick().prop_map(EditOp::DeleteActivity),
            proptest::collection::vec(
                prop_oneof![
                    run().prop_map(Imported::New),
                    pick().prop_map(Imported::Again)
                ],
                0..6
            )
            .prop_map(EditOp::Import),
            (
                proptest::option::of(pick()),
                0i64..7300,
                proptest::option::of(1u8..=5)
            )
                .prop_map(|(pick, day, mood)| EditOp::SetWellness { pick, day, mood }),
            pick().prop_map(EditOp::DeleteWellness),
        ]
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            6 => edit_op().prop_map(Op::Apply),
            2 => Just(Op::Undo),
            1 => Just(Op::Redo),
            1 => Just(Op::Save),
        ]
    }

    /// The `pick`th item of a list (wrapping), if it has any.
    fn nth<T>(items: &[T], pick: usize) -> Option<&T> {
        items.get(pick.checked_rem(items.len())?)
    }

    /// The edit `op` stands for on `doc`. Some make no change (the same name, a move to the
    /// day a locked workout is on, an activity edited to itself, a day without a check-in
    /// deleted), which must not become undo steps.
    fn edit(op: &EditOp, doc: &AthleteDocument) -> Edit {
        let plan = doc.active_plan();
        let workouts = plan.map(|p| p.workouts.as_slice()).unwrap_or_default();
        let workout = |pick| nth(workouts, pick);
        let shifted = |date: NaiveDate, days: i64| date + TimeDelta::days(days);
        let activities = &doc.history.activities;
        let wellness = &doc.history.wellness;
        let renamed = |name: String| {
            let mut athlete = doc.athlete.clone();
            athlete.name = name;
            Edit::SetAthlete(athlete)
        };
        match op {
            EditOp::Rename(n) if n % 4 == 0 => renamed(doc.athlete.name.clone()),
            EditOp::Rename(n) => renamed(format!("Runner {n}")),
            EditOp::FitnessDays(days) => {
                let mut settings = doc.settings.clone();
                settings.fitness_days = *days;
                Edit::SetSettings(settings)
            }
            EditOp::Move { pick, days } => match workout(*pick) {
                Some(w) => Edit::MoveWorkout {
                    id: w.id,
                    to: shifted(w.date, *days),
                },
                None => renamed("No workout to move".to_owned()),
            },
            EditOp::Copy { pick, days } => match workout(*pick) {
                Some(w) => Edit::CopyWorkout {
                    id: w.id,
                    to: shifted(w.date, *days),
                },
                None => renamed("No workout to copy".to_owned()),
            },
            EditOp::Swap { pick, days } => {
                let a = workout(*pick).map_or(today(), |w| w.date);
                Edit::SwapDays {
                    a,
                    b: shifted(a, *days),
                }
            }
            EditOp::DeleteWorkout(pick) => match workout(*pick) {
                Some(w) => Edit::DeleteWorkout(w.id),
                None => renamed("No workout to delete".to_owned()),
            },
            EditOp::RetitleWorkout { pick, title } => match workout(*pick) {
                Some(w) => {
                    let mut w = w.clone();
                    w.title = ["Tempo", "Cruise intervals", "Hill repeats"][usize::from(*title)]
                        .to_owned();
                    Edit::ReplaceWorkout(w)
                }
                None => renamed("No workout to edit".to_owned()),
            },
            EditOp::SetPlan { keep } => match plan {
                Some(p) => {
                    let mut p = p.clone();
                    p.workouts.truncate(*keep);
                    p.name = format!("First {keep}");
                    Edit::SetPlan(p)
                }
                None => renamed("No plan to set".to_owned()),
            },
            EditOp::ChangePlan { every } => match plan {
                Some(p) => {
                    let mut p = p.clone();
                    let mut i = 0;
                    p.workouts.retain(|_| {
                        i += 1;
                        i % every != 0
                    });
                    Edit::ChangePlan {
                        plan: p,
                        label: format!("Drop every {every}th workout"),
                    }
                }
                None => renamed("No plan to change".to_owned()),
            },
            EditOp::AddPlan => match plan {
                Some(p) => {
                    let mut p = p.clone();
                    p.name = format!("Plan {}", doc.plans.len() + 1);
                    Edit::AddPlan(p)
                }
                None => renamed("No plan to add".to_owned()),
            },
            EditOp::MakeActive(i) => Edit::MakeActivePlan(*i),
            EditOp::Log(run) => Edit::LogActivity(run.activity()),
            EditOp::EditActivity { pick, minutes } => match nth(activities, *pick) {
                Some(a) => {
                    let mut new = a.clone();
                    new.duration_s += f64::from(*minutes) * 60.0;
                    Edit::EditActivity {
                        old: Box::new(a.clone()),
                        new: Box::new(new),
                    }
                }
                None => renamed("No activity to edit".to_owned()),
            },
            EditOp::DeleteActivity(pick) => {
                // One past the end: an activity that is not in the history.
                match activities.get(pick % (activities.len() + 1)) {
                    Some(a) => Edit::DeleteActivity(a.clone()),
                    None => Edit::DeleteActivity(
                        Run {
                            day: 7301,
                            minute: 0,
                            kind: 0,
                            duration_min: 30,
                            hr: None,
                            notes: false,
                        }
                        .activity(),
                    ),
                }
            }
            EditOp::Import(items) => Edit::ImportActivities {
                activities: items
                    .iter()
                    .filter_map(|item| match item {
                        Imported::New(run) => Some(run.activity()),
                        Imported::Again(pick) => nth(activities, *pick).map(|a| {
                            let mut again = a.clone();
                            again.avg_hr_bpm = Some(151);
                            again.notes = "from the watch".to_owned();
                            again
                        }),
                    })
                    .collect(),
                // A check-in file beside the recordings: one day per item, some of them days
                // that may already have a check-in.
                wellness: (0..items.len())
                    .map(|k| WellnessEntry {
                        date: day(7300 - 3 * k as i64),
                        sleep_hours: Some(6.5),
                        ..WellnessEntry::default()
                    })
                    .collect(),
                label: format!("Import {} files", items.len()),
            },
            EditOp::SetWellness { pick, day: d, mood } => {
                let date = pick
                    .and_then(|pick| nth(wellness, pick))
                    .map_or_else(|| day(*d), |e| e.date);
                Edit::SetWellness(WellnessEntry {
                    date,
                    mood: *mood,
                    sleep_hours: Some(7.5),
                    ..WellnessEntry::default()
                })
            }
            EditOp::DeleteWellness(pick) => match wellness.get(pick % (wellness.len() + 1)) {
                Some(e) => Edit::DeleteWellness(e.date),
                None => Edit::DeleteWellness(today() + Days::new(1)),
            },
        }
    }

    /// A step of the model's history: the whole document, its revision, the edit's name.
    type Copy = (AthleteDocument, u64, String);

    /// Undo as a list of whole copies, with the revisions and saved state the session
    /// promises.
    struct Copies {
        doc: AthleteDocument,
        undo: Vec<Copy>,
        redo: Vec<Copy>,
        revision: u64,
        next_revision: u64,
        saved: Option<u64>,
    }

    impl Copies {
        fn new(doc: AthleteDocument) -> Self {
            Copies {
                doc,
                undo: Vec::new(),
                redo: Vec::new(),
                revision: 0,
                next_revision: 1,
                saved: Some(0),
            }
        }

        /// Records an edit that turned the document into `after`, if it changed it.
        fn edited(&mut self, after: AthleteDocument, label: String) {
            if after == self.doc {
                return;
            }
            let before = std::mem::replace(&mut self.doc, after);
            self.undo.push((before, self.revision, label));
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
            self.redo.clear();
            self.revision = self.next_revision;
            self.next_revision += 1;
        }

        fn step(&mut self, backwards: bool) -> bool {
            let (from, to) = if backwards {
                (&mut self.undo, &mut self.redo)
            } else {
                (&mut self.redo, &mut self.undo)
            };
            let Some((doc, revision, label)) = from.pop() else {
                return false;
            };
            to.push((std::mem::replace(&mut self.doc, doc), self.revision, label));
            self.revision = revision;
            true
        }

        fn agrees_with(&self, session: &Session) -> Result<(), TestCaseError> {
            prop_assert!(session.document() == &self.doc, "documents differ");
            prop_assert_eq!(session.revision(), self.revision);
            prop_assert_eq!(session.is_modified(), self.saved != Some(self.revision));
            let label = |steps: &[Copy]| steps.last().map(|s| s.2.clone());
            prop_assert_eq!(session.undo_label().map(str::to_owned), label(&self.undo));
            prop_assert_eq!(session.redo_label().map(str::to_owned), label(&self.redo));
            Ok(())
        }
    }

    /// A check-in of a day, or of a day the demo athlete already checked in on (picked by
    /// position), which a file may hold twice.
    type CheckIn = (Option<usize>, i64, u8);

    /// The demo athlete with more activities and check-ins, in date order or as they came.
    fn document(runs: &[Run], check_ins: &[CheckIn], sorted: bool) -> AthleteDocument {
        let mut doc = stride::storage::demo_document(today()).expect("demo");
        doc.history
            .activities
            .extend(runs.iter().map(Run::activity));
        let check_ins: Vec<WellnessEntry> = check_ins
            .iter()
            .map(|(again, d, mood)| WellnessEntry {
                date: again
                    .and_then(|pick| nth(&doc.history.wellness, pick))
                    .map_or_else(|| day(*d), |e| e.date),
                mood: Some(*mood),
                ..WellnessEntry::default()
            })
            .collect();
        doc.history.wellness.extend(check_ins);
        if sorted {
            doc.history.activities.sort_by_key(|a| a.start);
            doc.history.wellness.sort_by_key(|e| e.date);
        }
        doc
    }

    proptest! {
        // 64 cases per `cargo test`; PROPTEST_CASES asks for more.
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
        ))]
        /// Any edits, undos, redos and saves leave the session where whole copies would: the
        /// same document, revision, saved state and Undo/Redo names. Then undoing everything
        /// gives back the original document and redoing everything the last one.
        #[test]
        fn undo_and_redo_agree_with_whole_copies(
            runs in proptest::collection::vec(run(), 0..30),
            check_ins in proptest::collection::vec(
                (proptest::option::of(0usize..1000), 0i64..7300, 1u8..=5),
                0..10,
            ),
            sorted in any::<bool>(),
            ops in proptest::collection::vec(op(), 1..40),
        ) {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("athlete.ron");
            let original = document(&runs, &check_ins, sorted);
            let mut session = Session::new(original.clone(), None);
            let mut copies = Copies::new(original.clone());
            for op in &ops {
                match op {
                    Op::Apply(op) => {
                        let edit = edit(op, session.document());
                        let label = edit.describe(session.document());
                        session.apply(edit);
                        copies.edited(session.document().clone(), label);
                    }
                    Op::Undo => prop_assert_eq!(session.undo(), copies.step(true)),
                    Op::Redo => prop_assert_eq!(session.redo(), copies.step(false)),
                    Op::Save => {
                        session.save_as(&path).expect("save");
                        copies.saved = Some(copies.revision);
                    }
                }
                copies.agrees_with(&session)?;
            }
            // The last document: the one redo leads to, or this one if there is nothing to redo.
            let last = copies
                .redo
                .first()
                .map_or_else(|| session.document().clone(), |c| c.0.clone());
            let steps = copies.undo.len();
            for _ in 0..steps {
                prop_assert!(session.undo());
                copies.step(true);
                copies.agrees_with(&session)?;
            }
            prop_assert!(!session.undo());
            prop_assert!(session.document() == &original, "back to the original");
            while copies.step(false) {
                prop_assert!(session.redo());
                copies.agrees_with(&session)?;
            }
            prop_assert!(!session.redo());
            prop_assert!(session.document() == &last, "forward to the last document");
        }
    }
}

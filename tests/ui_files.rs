//! The window's file work, driven through egui_kittest: importing activity files on a worker
//! thread, exporting the plan, and the recovery file (autosave, crash, restore, the panic
//! guard).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stride::session::Edit;
use stride::storage::recovery::RecoveryStore;
use stride::ui::{Command, DialogAnswer, FixedDialogs, Request, StrideApp};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
}

fn harness_for(app: StrideApp) -> Harness<'static, StrideApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut StrideApp| app.frame_guarded(ui), app);
    h.run();
    h
}

fn click(h: &mut Harness<'static, StrideApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Steps frames until `label` shows (the worker thread finishes in its own time, asking
/// for repaints as it goes, so frames are stepped rather than run to rest).
fn wait_for(h: &mut Harness<'static, StrideApp>, label: &str) {
    for _ in 0..1000 {
        if h.query_by_label(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    panic!("{label} never showed");
}

fn import_data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

#[test]
fn importing_files_runs_in_the_background_then_lists_what_happened_and_undoes_as_one() {
    let files = vec![
        import_data("morning.gpx"),
        import_data("long.tcx"),
        import_data("truncated.gpx"),
        import_data("garbage.fit"),
    ];
    let dialogs = FixedDialogs::answering([DialogAnswer::ChosenMany(files)]);
    let app = StrideApp::with_demo(today(), Box::new(dialogs));
    let mut h = harness_for(app);
    let before = h.state().session().document().history.activities.len();
    click(&mut h, "File");
    h.get_by_label("Import activities…").click();
    h.step();
    wait_for(&mut h, "Import finished");
    h.run();
    let after = h.state().session().document().history.activities.len();
    assert_eq!(after, before + 2, "the GPX and the TCX");
    assert!(
        h.query_by_label("2 activities imported, 0 merged into ones already there, 0 skipped as already there, 2 files failed.")
            .is_some()
    );
    assert!(h.query_by_label_contains("truncated.gpx: ").is_some());
    assert!(h.query_by_label_contains("garbage.fit: ").is_some());
    assert!(
        h.state()
            .session()
            .undo_label()
            .is_some_and(|l| l == "Import 2 activities from 4 files"),
        "{:?}",
        h.state().session().undo_label()
    );
    click(&mut h, "Close");
    h.state_mut().push(Command::Undo);
    h.run();
    assert_eq!(
        h.state().session().document().history.activities.len(),
        before
    );
}

#[test]
fn exporting_the_plan_writes_the_chosen_format_where_the_dialog_says() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("plan.ics");
    let app = StrideApp::with_demo(today(), Box::new(FixedDialogs::choosing([out.clone()])));
    let mut h = harness_for(app);
    click(&mut h, "File");
    click(&mut h, "Export plan…");
    click(&mut h, "Calendar (iCalendar .ics)");
    click(&mut h, "Export…");
    let text = std::fs::read_to_string(&out).expect("the file is written");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{}", &text[..40]);
    let plan = h
        .state()
        .session()
        .document()
        .active_plan()
        .expect("plan")
        .clone();
    let events = text.matches("BEGIN:VEVENT").count();
    let workouts = plan
        .workouts
        .iter()
        .filter(|w| w.intensity() != stride::model::Intensity::Rest)
        .count();
    assert_eq!(events, workouts, "one event per workout");
    assert!(
        h.state()
            .status_message()
            .is_some_and(|m| m.contains("plan.ics"))
    );
}

#[test]
fn exporting_over_the_open_document_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("anna.ron");
    let doc = stride::storage::demo_document(today()).expect("demo");
    stride::storage::save_document(&doc, &file).expect("save");
    let before = std::fs::read(&file).expect("read");
    let app = StrideApp::with_file(
        &file,
        today(),
        Box::new(FixedDialogs::choosing([file.clone()])),
    );
    let mut h = harness_for(app);
    click(&mut h, "File");
    click(&mut h, "Export plan…");
    click(&mut h, "Stride document (.ron)");
    click(&mut h, "Export…");
    assert!(
        h.state()
            .error_message()
            .is_some_and(|m| m.contains("the document you are working on")),
        "{:?}",
        h.state().error_message()
    );
    assert_eq!(std::fs::read(&file).expect("read"), before);
    assert!(!dir.path().join("anna.ron.bak").exists());
}

#[test]
fn saving_over_a_read_only_file_is_refused_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("anna.ron");
    let doc = stride::storage::demo_document(today()).expect("demo");
    stride::storage::save_document(&doc, &file).expect("save");
    let mut permissions = std::fs::metadata(&file).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&file, permissions).expect("read-only");
    let before = std::fs::read(&file).expect("read");
    let app = StrideApp::with_file(&file, today(), Box::new(FixedDialogs::default()));
    let mut h = harness_for(app);
    h.state_mut()
        .push(Request::Apply(stride::session::Edit::SetAthlete({
            let mut a = doc.athlete.clone();
            a.name = "Changed".to_owned();
            a
        })));
    h.run();
    h.state_mut().push(Command::Save);
    h.run();
    assert!(
        h.state()
            .error_message()
            .is_some_and(|m| m.contains("read-only") && m.contains("Nothing was overwritten")),
        "{:?}",
        h.state().error_message()
    );
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

/// A document saved to a file, opened in a window that keeps recovery files in `store`.
fn window_on_file(file: &Path, store: RecoveryStore) -> Harness<'static, StrideApp> {
    let app =
        StrideApp::with_file(file, today(), Box::new(FixedDialogs::default())).with_recovery(store);
    harness_for(app)
}

#[test]
fn after_a_crash_the_next_start_offers_the_unsaved_changes_and_restores_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("anna.ron");
    let demo = stride::storage::demo_document(today()).expect("demo");
    stride::storage::save_document(&demo, &file).expect("save");
    let recovery = dir.path().join("recovery");

    // A session edits the athlete's name; autosave keeps it; then the process dies.
    let mut first = window_on_file(
        &file,
        RecoveryStore::in_folder_as(recovery.clone(), 4_000_001),
    );
    let mut athlete = first.state().session().document().athlete.clone();
    athlete.name = "Anna Restored".into();
    first
        .state_mut()
        .push(Request::Apply(Edit::SetAthlete(athlete)));
    first.run();
    first.state_mut().autosave_now();
    drop(first);
    assert_eq!(
        stride::storage::load_document(&file)
            .expect("file")
            .athlete
            .name,
        demo.athlete.name,
        "the user's own file is never written by autosave"
    );

    // The next start finds it, compares it with the file, and restores it.
    let mut next = window_on_file(
        &file,
        RecoveryStore::in_folder_as(recovery.clone(), 4_000_002),
    );
    assert!(next.query_by_label("Unsaved changes were found").is_some());
    click(&mut next, "Compare");
    assert!(
        next.query_by_label("• the athlete profile changed")
            .is_some()
    );
    click(&mut next, "Restore");
    let session = next.state().session();
    assert_eq!(session.document().athlete.name, "Anna Restored");
    assert!(session.is_modified(), "restored changes are not saved yet");
    assert_eq!(session.path(), Some(file.as_path()));
    let leftovers = RecoveryStore::in_folder_as(recovery.clone(), 4_000_003).leftovers();
    assert!(
        leftovers
            .iter()
            .all(|l| !l.path.ends_with("recovery-4000001.ron")),
        "the old recovery file is gone once restored"
    );

    // Saving clears this session's recovery file too.
    next.state_mut().push(Command::Save);
    next.run();
    next.run();
    assert!(!next.state().session().is_modified());
    assert!(!recovery.join("recovery-4000002.ron").exists());
}

#[test]
fn discarding_the_offer_removes_the_recovery_file_and_a_clean_exit_leaves_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery = dir.path().join("recovery");
    let crashed = RecoveryStore::in_folder_as(recovery.clone(), 4_000_011);
    let doc = stride::storage::demo_document(today()).expect("demo");
    crashed.write(&doc, None).expect("write");
    let app = StrideApp::with_demo(today(), Box::new(FixedDialogs::default()))
        .with_recovery(RecoveryStore::in_folder_as(recovery.clone(), 4_000_012));
    let mut h = harness_for(app);
    assert!(
        h.query_by_label_contains("a document never saved")
            .is_some()
    );
    click(&mut h, "Discard");
    assert!(!crashed.own_file().exists());
    assert!(h.query_by_label("Unsaved changes were found").is_none());

    let mut athlete = h.state().session().document().athlete.clone();
    athlete.name = "Changed".into();
    h.state_mut()
        .push(Request::Apply(Edit::SetAthlete(athlete)));
    h.run();
    h.state_mut().autosave_now();
    let own = recovery.join("recovery-4000012.ron");
    assert!(own.exists(), "unsaved changes are kept");
    h.state_mut().clean_exit();
    assert!(!own.exists(), "a clean exit removes it");
}

#[test]
fn a_panic_in_a_view_is_caught_reported_and_the_document_kept_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::in_folder_as(dir.path().to_owned(), 4_000_021);
    let app = StrideApp::with_demo(today(), Box::new(FixedDialogs::default()))
        .with_recovery(store.clone());
    let mut h = harness_for(app);
    h.state_mut().panic_next_frame();
    h.run();
    let message = h.state().error_message().unwrap_or_default().to_owned();
    assert!(message.contains("Something went wrong"), "{message}");
    assert!(store.own_file().exists(), "the document was kept first");
    assert!(
        h.query_by_label_contains("Something went wrong").is_some(),
        "the user is told in the window"
    );
    // The window carries on.
    h.state_mut().push(Request::ShowDay(today()));
    h.run();
    assert!(h.query_by_label("29 · today").is_some());
}

#[test]
fn importing_a_duplicate_with_heart_rate_fills_in_the_stored_one_and_says_merged() {
    // long.tcx without its heart rates, imported first; then long.tcx itself.
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(import_data("long.tcx")).expect("read");
    let mut bare = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest
        .find("<HeartRateBpm>")
        .into_iter()
        .chain(rest.find("<AverageHeartRateBpm>"))
        .chain(rest.find("<MaximumHeartRateBpm>"))
        .min()
    {
        bare.push_str(&rest[..at]);
        let tag = &rest[at + 1..rest[at..].find('>').map_or(at, |e| at + e)];
        let close = format!("</{tag}>");
        let end = rest[at..]
            .find(&close)
            .map_or(rest.len(), |e| at + e + close.len());
        rest = &rest[end..];
    }
    bare.push_str(rest);
    assert!(!bare.contains("HeartRate"), "every heart rate is gone");
    let watch = dir.path().join("watch.tcx");
    std::fs::write(&watch, bare).expect("write");
    let dialogs = FixedDialogs::answering([
        DialogAnswer::ChosenMany(vec![watch]),
        DialogAnswer::ChosenMany(vec![import_data("long.tcx")]),
    ]);
    let app = StrideApp::with_demo(today(), Box::new(dialogs));
    let mut h = harness_for(app);
    let before = h.state().session().document().history.activities.len();
    for round in 0..2 {
        h.state_mut().push(Command::ImportActivities);
        h.step();
        wait_for(&mut h, "Import finished");
        h.run();
        if round == 1 {
            assert!(
                h.query_by_label(
                    "0 activities imported, 1 merged into ones already there, 0 skipped as \
                     already there, 0 files failed."
                )
                .is_some()
            );
            assert!(h.query_by_label_contains("long.tcx: ").is_some());
        }
        click(&mut h, "Close");
    }
    let history = &h.state().session().document().history.activities;
    assert_eq!(history.len(), before + 1, "one run");
    let run = history
        .iter()
        .find(|a| a.source_file.as_deref() == Some("watch.tcx"))
        .expect("the first file's run stays");
    assert!(
        run.avg_hr_bpm.is_some() && run.max_hr_bpm.is_some(),
        "{run:?}"
    );
    assert!(
        h.state()
            .session()
            .undo_label()
            .is_some_and(|l| l == "Merge 1 duplicate from 1 file"),
        "{:?}",
        h.state().session().undo_label()
    );
}

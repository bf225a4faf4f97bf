//! Hostile files: every file under `tests/data/bad/` is broken on purpose (truncated, wrong
//! types, huge numbers, NaN, deep nesting, wrong encoding, binary, ...). Each must give the
//! error `expected.tsv` names, with its place in the file, in the loader, in `stride
//! validate` or `stride import`, and in the window; none may panic or change anything.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use stride::ui::{FixedDialogs, StrideApp};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad")
}

/// The files and the words their errors must contain.
fn expected() -> Vec<(PathBuf, String)> {
    let text = std::fs::read_to_string(corpus().join("expected.tsv")).expect("expected.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (file, words) = l.split_once('\t').expect("file<TAB>words");
            (corpus().join(file), words.to_owned())
        })
        .collect()
}

#[test]
fn the_corpus_is_large_and_every_file_has_its_expected_error() {
    let listed: Vec<PathBuf> = expected().into_iter().map(|(p, _)| p).collect();
    let mut present: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.tsv"))
        .collect();
    present.sort();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(present, sorted, "every file is listed once in expected.tsv");
    assert!(present.len() >= 40, "{} files", present.len());
}

#[test]
fn the_loader_refuses_every_document_with_a_clear_message() {
    for (path, words) in expected() {
        if path.extension().is_some_and(|e| e == "ron") {
            let error = stride::storage::load_document(&path)
                .expect_err(&format!("{} must not load", path.display()))
                .to_string();
            assert!(error.contains(&words), "{}: {error}", path.display());
            assert!(
                error.contains(&*path.to_string_lossy()),
                "the file is named: {error}"
            );
        }
    }
}

fn stride(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .output()
        .expect("run stride")
}

#[test]
fn validate_and_import_report_each_file_and_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-athlete.ron");
    let into = dir.path().join("anna.ron");
    std::fs::copy(&demo, &into).expect("copy");
    let before = std::fs::read(&into).expect("read");
    for (path, words) in expected() {
        let out = if path.extension().is_some_and(|e| e == "ron") {
            stride(&["validate".as_ref(), path.as_os_str()])
        } else {
            stride(&[
                "import".as_ref(),
                path.as_os_str(),
                "--into".as_ref(),
                into.as_os_str(),
            ])
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", path.display());
        assert!(!stderr.contains("panicked"), "{}: {stderr}", path.display());
        assert!(
            stderr.starts_with("error: ") && stderr.contains(&words),
            "{}: {stderr}",
            path.display()
        );
        assert_eq!(
            std::fs::read(&into).expect("read"),
            before,
            "{} changed the document",
            path.display()
        );
    }
}

#[test]
fn the_window_shows_each_documents_error_and_keeps_a_document_open() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    for (path, words) in expected() {
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let app = StrideApp::with_file(&path, today, Box::new(FixedDialogs::default()));
        let shown = app.error_message().unwrap_or_default();
        assert!(shown.contains(&words), "{}: {shown}", path.display());
        assert!(
            app.session().path().is_none(),
            "{}: the broken file is not the open document",
            path.display()
        );
    }
}

#[test]
fn the_windows_import_lists_each_broken_recording_with_its_reason() {
    use egui_kittest::kittest::Queryable;
    let recordings: Vec<(PathBuf, String)> = expected()
        .into_iter()
        .filter(|(p, _)| {
            p.extension()
                .is_some_and(|e| ["fit", "gpx", "tcx", "gz", "zip"].iter().any(|x| e == *x))
        })
        .collect();
    assert!(recordings.len() >= 10);
    let files: Vec<PathBuf> = recordings.iter().map(|(p, _)| p.clone()).collect();
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let dialogs = FixedDialogs::answering([stride::ui::DialogAnswer::ChosenMany(files)]);
    let app = StrideApp::with_demo(today, Box::new(dialogs));
    let before = app.session().document().clone();
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut StrideApp| app.frame_guarded(ui), app);
    h.run();
    h.state_mut().push(stride::ui::Command::ImportActivities);
    h.step();
    for _ in 0..1000 {
        if h.query_by_label("Import finished").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
    for (path, words) in &recordings {
        let name = path.file_name().expect("name").to_string_lossy();
        let line = format!("{name}: ");
        // The window writes the place in words ("line 3, column 30"); compare what follows it.
        let words = match words.split_once(": ") {
            Some((place, rest)) if place.starts_with(|c: char| c.is_ascii_digit() || c == 'b') => {
                rest
            }
            _ => words.as_str(),
        };
        assert!(
            h.query_all_by_label_contains(&line)
                .any(|n| format!("{n:?}").contains(words)),
            "{name}: {words}: {:?}",
            h.query_all_by_label_contains(&line)
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
        );
    }
    assert_eq!(
        h.state().session().document(),
        &before,
        "nothing was imported"
    );
}

#[test]
fn files_over_the_size_limit_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Sparse: 257 MB on paper, nothing on disk.
    let huge = |name: &str| {
        let path = dir.path().join(name);
        let file = std::fs::File::create(&path).expect("create");
        file.set_len(257 * 1024 * 1024).expect("size");
        path
    };
    let (ron, csv) = (huge("huge.ron"), huge("huge.csv"));
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-athlete.ron");
    for args in [
        vec!["validate".as_ref(), ron.as_os_str()],
        vec!["load".as_ref(), ron.as_os_str()],
        vec!["check".as_ref(), csv.as_os_str()],
        vec!["load".as_ref(), csv.as_os_str()],
        vec![
            "check".as_ref(),
            demo.as_os_str(),
            "--history".as_ref(),
            csv.as_os_str(),
        ],
    ] {
        let out = stride(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("257 MB, over the 256 MB limit"),
            "{args:?}: {stderr}"
        );
    }
}

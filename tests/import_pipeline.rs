//! One import for the command line and the window: the same folder of mixed files (FIT, GPX,
//! TCX, session and wellness CSVs, with duplicates and a broken file) imported by
//! `stride import` and by the window's Import dialog gives the same document; files read on
//! every core still come out in order, with progress and cancel as if read one by one; and
//! merging keeps the history in start order and adds nothing the second time.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proptest::prelude::*;
use stride::import::{FileCounts, import_files};
use stride::model::{Activity, Athlete, AthleteDocument, History, WellnessEntry, WorkoutKind};
use stride::storage::{document_to_string, load_document};
use stride::ui::{Command, DialogAnswer, FixedDialogs, StrideApp};

#[path = "data/import/fit_writer.rs"]
mod fit_writer;

use fit_writer::{FitActivity, Point, Totals, write_fit};
use rustyfit::profile::typedef::{Sport, SubSport};

#[path = "common/cli.rs"]
mod cli;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").expect("valid time")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
}

fn run_at(start: NaiveDateTime, duration_s: f64) -> Activity {
    Activity::new(start, WorkoutKind::Easy, duration_s)
}

/// A 30-minute run from 2027-03-02 06:00 UTC, 07:00 at the file's own +01:00, at 3 m/s with a
/// point every 10 s.
fn fit_run() -> Vec<u8> {
    let points = (0..=180u32)
        .map(|i| Point {
            at_s: i * 10,
            distance_m: f64::from(i) * 30.0,
            hr: Some(140 + (i % 20) as u8),
        })
        .collect();
    write_fit(&FitActivity {
        start_unix_s: at("2027-03-02 06:00:00").and_utc().timestamp(),
        local_offset_s: Some(3600),
        points,
        session: Some(Totals {
            sport: (Sport::RUNNING, SubSport::GENERIC),
            elapsed_s: 1800.0,
            timer_s: 1800.0,
            distance_m: 5400.0,
            avg_hr: Some(150),
            max_hr: Some(159),
        }),
    })
}

/// A document with a run where `morning.gpx` has one (2027-03-01 07:00:30, without heart rate
/// or distance, which the recording fills in) and a check-in of 1 March.
fn athlete_document() -> AthleteDocument {
    let mut doc = AthleteDocument::new(Athlete::example());
    doc.history
        .activities
        .push(run_at(at("2027-03-01 07:00:30"), 1800.0));
    doc.history.wellness.push(WellnessEntry {
        date: day(2027, 3, 1),
        resting_hr_bpm: Some(52),
        mood: Some(3),
        ..WellnessEntry::default()
    });
    doc
}

/// A folder of every kind of file, in name order: the FIT run; a session CSV that repeats it
/// 20 s later with an RPE (which fills it in), repeats a row of its own, and adds two
/// sessions; the GPX run the document has; the TCX; check-ins that change 1 March and add
/// 2 March; a session CSV that repeats the first one's tempo run; and a broken GPX.
fn mixed_folder(dir: &Path) -> PathBuf {
    let folder = dir.join("inbox");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(folder.join("a-watch.fit"), fit_run()).expect("fit");
    std::fs::write(
        folder.join("b-log.csv"),
        "date,kind,duration_min,distance_km,rpe\n\
         2027-03-02 07:00:20,easy,30,5.4,4\n\
         2027-03-03 18:00,tempo,50,10,7\n\
         2027-03-03 18:00:40,tempo,50,10,7\n\
         2027-03-05,long,100,20,5\n",
    )
    .expect("sessions");
    std::fs::copy(fixture("morning.gpx"), folder.join("c-morning.gpx")).expect("gpx");
    std::fs::copy(fixture("long.tcx"), folder.join("d-long.tcx")).expect("tcx");
    std::fs::write(
        folder.join("e-wellness.csv"),
        "date,mood,sleep_hours\n2027-03-01,4,7.5\n2027-03-02,3,\n",
    )
    .expect("wellness");
    std::fs::write(
        folder.join("f-again.csv"),
        "date,kind,duration_min,avg_hr\n2027-03-03 18:00:10,tempo,50,161\n",
    )
    .expect("sessions again");
    std::fs::copy(fixture("truncated.gpx"), folder.join("g-broken.gpx")).expect("broken");
    folder
}

fn harness_for(app: StrideApp) -> Harness<'static, StrideApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_ui_state(|ui, app: &mut StrideApp| app.frame_guarded(ui), app);
    h.run();
    h
}

/// Steps frames until `label` shows (the import runs on a worker thread).
fn wait_for(h: &mut Harness<'static, StrideApp>, label: &str) {
    for _ in 0..2000 {
        if h.query_by_label(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    panic!("{label} never showed");
}

#[test]
fn the_command_line_and_the_window_import_a_folder_into_the_same_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = mixed_folder(dir.path());
    let text = document_to_string(&athlete_document()).expect("serialize");
    let for_cli = dir.path().join("cli.ron");
    let for_window = dir.path().join("window.ron");
    std::fs::write(&for_cli, &text).expect("write");
    std::fs::write(&for_window, &text).expect("write");

    let o = cli::stride(dir.path(), &["import", "inbox", "--into", "cli.ron"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(2), "the broken GPX fails: {stdout}");
    assert!(
        stdout.ends_with(
            "saved cli.ron\nsummary: 6 files imported, 1 failed, 4 activities added, 1 \
             duplicates skipped, 3 merged\n"
        ),
        "{stdout}"
    );
    let by_cli = load_document(&for_cli).expect("the saved document loads");

    let today = day(2027, 3, 10);
    let dialogs = FixedDialogs::answering([DialogAnswer::ChosenMany(vec![folder])]);
    let app = StrideApp::with_file(&for_window, today, Box::new(dialogs));
    let mut h = harness_for(app);
    h.state_mut().push(Command::ImportActivities);
    h.step();
    wait_for(&mut h, "Import finished");
    h.run();
    assert!(
        h.query_by_label("1 check-ins added, 1 updated, 0 unchanged.")
            .is_some()
    );
    let by_window = h.state().session().document().history.clone();

    // Worked out from the files: the stored run (the GPX fills it in), the FIT run (with the
    // log's RPE), the log's tempo run (with the second log's heart rate), its long run, the
    // TCX.
    let starts: Vec<NaiveDateTime> = by_cli.history.activities.iter().map(|a| a.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "in start order");
    assert_eq!(starts.len(), 5, "{starts:?}");
    let fit = &by_cli.history.activities[1];
    assert_eq!(
        (fit.start, fit.rpe, fit.source_file.as_deref()),
        (at("2027-03-02 07:00:00"), Some(4.0), Some("a-watch.fit"))
    );
    let tempo = &by_cli.history.activities[2];
    assert_eq!(
        (tempo.kind.clone(), tempo.avg_hr_bpm),
        (WorkoutKind::Tempo, Some(161))
    );
    let stored = &by_cli.history.activities[0];
    assert!(
        stored.distance_m.is_some() && stored.avg_hr_bpm.is_some(),
        "{stored:?}"
    );
    let w = &by_cli.history.wellness;
    assert_eq!(w.len(), 2);
    assert_eq!(
        (w[0].resting_hr_bpm, w[0].mood, w[0].sleep_hours),
        (Some(52), Some(4), Some(7.5))
    );

    assert_eq!(by_window.activities, by_cli.history.activities);
    assert_eq!(by_window.wellness, by_cli.history.wellness);
    assert_eq!(by_window, by_cli.history);

    // And the window takes the whole import back in one step.
    h.state_mut().push(Command::Undo);
    h.run();
    assert_eq!(
        h.state().session().document().history,
        athlete_document().history
    );
}

/// Writes `count` session CSVs of one run each, a day apart, and a broken file after every
/// seventh.
fn many_files(dir: &Path, count: u32) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for i in 0..count {
        let path = dir.join(format!("{i:03}.csv"));
        let start = at("2027-01-01 07:00:00") + TimeDelta::days(i64::from(i));
        std::fs::write(
            &path,
            format!(
                "date,kind,duration_min\n{},easy,{}\n",
                start.format("%Y-%m-%d %H:%M:%S"),
                30 + i
            ),
        )
        .expect("write");
        files.push(path);
        if i % 7 == 6 {
            let broken = dir.join(format!("{i:03}-broken.gpx"));
            std::fs::write(&broken, "<gpx><trk>").expect("write");
            files.push(broken);
        }
    }
    files
}

#[test]
fn files_read_on_every_core_come_out_in_order_and_a_cancel_stops_where_it_was_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = many_files(dir.path(), 60);
    let mut calls = Vec::new();
    let report = import_files(&files, &History::default(), &mut |done| {
        calls.push(done);
        true
    });
    assert_eq!(calls, (1..=files.len()).collect::<Vec<_>>());
    let outcomes: Vec<&Path> = report.files.iter().map(|f| f.file.as_path()).collect();
    assert_eq!(
        outcomes,
        files.iter().map(PathBuf::as_path).collect::<Vec<_>>()
    );
    let durations: Vec<f64> = report.imported.iter().map(|a| a.duration_s).collect();
    assert_eq!(
        durations,
        (0..60)
            .map(|i| f64::from(30 + i) * 60.0)
            .collect::<Vec<_>>()
    );
    assert_eq!(report.failed().len(), 8);
    assert!(
        report.files.iter().all(|f| match &f.result {
            Ok(FileCounts::Activities(m)) => m.added == 1,
            Err(failed) => failed.file.to_string_lossy().ends_with("-broken.gpx"),
            Ok(FileCounts::Wellness(_)) => false,
        }),
        "{:?}",
        report.files
    );

    for stop_at in [1, 8, 23] {
        let mut calls = Vec::new();
        let report = import_files(&files, &History::default(), &mut |done| {
            calls.push(done);
            done < stop_at
        });
        assert_eq!(calls, (1..=stop_at).collect::<Vec<_>>());
        assert!(report.cancelled);
        assert_eq!((report.files_done, report.files.len()), (stop_at, stop_at));
        let read: Vec<&Path> = report.files.iter().map(|f| f.file.as_path()).collect();
        assert_eq!(
            read,
            files[..stop_at]
                .iter()
                .map(PathBuf::as_path)
                .collect::<Vec<_>>()
        );
        let failed_before = files[..stop_at]
            .iter()
            .filter(|f| f.to_string_lossy().ends_with("-broken.gpx"))
            .count();
        assert_eq!(report.imported.len(), stop_at - failed_before);
    }
}

/// A session CSV row: a start, a kind, minutes, and optional heart rate and RPE.
#[derive(Clone, Debug)]
struct Row {
    start: NaiveDateTime,
    kind: &'static str,
    minutes: u32,
    avg_hr: Option<u32>,
    rpe: Option<u32>,
}

/// Sessions at least three minutes apart (from 06:00, never a date-only midnight), each
/// written up to three times within half a minute of its start, with or without its heart
/// rate and RPE, as a watch, an app and a log write one run.
fn sessions() -> impl Strategy<Value = Vec<Row>> {
    let kinds = prop::sample::select(vec!["easy", "tempo", "long", "recovery", "cycling"]);
    prop::collection::vec(
        (
            1u32..180,
            kinds,
            20u32..120,
            prop::collection::vec(
                (
                    -30i64..=30,
                    prop::option::of(120u32..180),
                    prop::option::of(1u32..10),
                ),
                1..4,
            ),
        ),
        1..12,
    )
    .prop_map(|sessions| {
        let mut rows = Vec::new();
        let mut start = at("2027-03-01 06:00:00");
        for (gap, kind, minutes, copies) in sessions {
            start += TimeDelta::minutes(i64::from(gap) * 3 + 3);
            for (offset_s, avg_hr, rpe) in copies {
                rows.push(Row {
                    start: start + TimeDelta::seconds(offset_s),
                    kind,
                    minutes,
                    avg_hr,
                    rpe,
                });
            }
        }
        rows
    })
}

fn write_rows(path: &Path, rows: &[Row]) {
    let mut text = String::from("date,kind,duration_min,avg_hr,rpe\n");
    let cell = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    for r in rows {
        text.push_str(&format!(
            "{},{},{},{},{}\n",
            r.start.format("%Y-%m-%d %H:%M:%S"),
            r.kind,
            r.minutes,
            cell(r.avg_hr),
            cell(r.rpe)
        ));
    }
    std::fs::write(path, text).expect("write");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_merged_history_is_in_start_order_and_a_second_import_adds_nothing(
        rows in sessions(),
        split in 0usize..1000,
        shuffle in prop::collection::vec(0usize..1000, 0..40),
        stored in prop::collection::vec(0usize..1000, 0..4),
        moods in prop::collection::vec((0i64..20, 1u8..=5), 0..10),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        // The rows in another order, over two files.
        let mut rows = rows;
        for (i, j) in shuffle.iter().enumerate() {
            let (a, b) = (i % rows.len(), j % rows.len());
            rows.swap(a, b);
        }
        let cut = split % (rows.len() + 1);
        write_rows(&dir.path().join("a.csv"), &rows[..cut]);
        write_rows(&dir.path().join("b.csv"), &rows[cut..]);
        let mut wellness = String::from("date,mood\n");
        let mut days: Vec<i64> = moods.iter().map(|(d, _)| *d).collect();
        days.sort_unstable();
        days.dedup();
        for d in days {
            let mood = moods.iter().find(|(m, _)| *m == d).map_or(3, |(_, v)| *v);
            let date = day(2027, 3, 1) + TimeDelta::days(d);
            wellness.push_str(&format!("{date},{mood}\n"));
        }
        std::fs::write(dir.path().join("c.csv"), wellness).expect("write");
        // A history that already has some of the sessions, recorded at their first start.
        let mut history = History::default();
        for k in stored {
            let r = &rows[k % rows.len()];
            if history.activities.iter().all(|a| (a.start - r.start).num_seconds().abs() > 60) {
                history.activities.push(run_at(r.start, f64::from(r.minutes) * 60.0));
            }
        }
        let folder = vec![dir.path().to_owned()];

        let first = import_files(&folder, &history, &mut |_| true);
        prop_assert!(first.failed().is_empty(), "{:?}", first.failed());
        first.additions().apply_to(&mut history);
        let starts: Vec<NaiveDateTime> = history.activities.iter().map(|a| a.start).collect();
        prop_assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
        let wellness_days: Vec<NaiveDate> = history.wellness.iter().map(|w| w.date).collect();
        prop_assert!(wellness_days.windows(2).all(|w| w[0] < w[1]), "{wellness_days:?}");
        // One activity per session, whatever how many files and copies told of it.
        let sessions = {
            let mut s: Vec<NaiveDateTime> = rows.iter().map(|r| r.start).collect();
            s.sort();
            s.dedup_by(|b, a| (*b - *a).num_seconds().abs() <= 60);
            s.len()
        };
        prop_assert_eq!(history.activities.len(), sessions);

        let after_first = history.clone();
        let second = import_files(&folder, &history, &mut |_| true);
        prop_assert!(second.imported.is_empty(), "{:?}", second.imported);
        prop_assert!(second.fills.is_empty(), "{:?}", second.fills);
        second.additions().apply_to(&mut history);
        prop_assert_eq!(history, after_first);
    }
}

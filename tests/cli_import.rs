//! `stride import`, run as a user would: wellness and session CSVs merged into a document.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{NaiveDate, NaiveDateTime};
use stride::model::{Activity, Athlete, AthleteDocument, WellnessEntry, WorkoutKind};
use stride::storage::{document_to_string, load_document};

#[path = "common/cli.rs"]
mod cli;

use cli::stride;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("valid time")
}

/// A document with one check-in (1 March: resting heart rate 52, mood 3) and one easy run
/// (1 March, 07:00, 40 minutes), written as `athlete.ron`.
fn athlete_file(dir: &Path) -> PathBuf {
    let mut doc = AthleteDocument::new(Athlete::example());
    doc.history.wellness.push(WellnessEntry {
        date: day(2027, 3, 1),
        resting_hr_bpm: Some(52),
        mood: Some(3),
        ..WellnessEntry::default()
    });
    doc.history.activities.push(Activity {
        start: at("2027-03-01 07:00"),
        kind: WorkoutKind::Easy,
        duration_s: 2400.0,
        moving_s: None,
        normalised_pace_s_per_km: None,
        instant: None,
        distance_m: Some(8000.0),
        avg_hr_bpm: None,
        max_hr_bpm: None,
        rpe: Some(3.0),
        load: None,
        source_file: None,
        planned_workout: None,
        notes: String::new(),
    });
    write(
        dir,
        "athlete.ron",
        &document_to_string(&doc).expect("serialize"),
    )
}

const WELLNESS: &str = "date,Mood,sleep_hours\n\
                        2027-03-01,4,7.5\n\
                        2027-03-02,3,\n\
                        2027-03-03,,8\n";

const RUNS: &str = "date,kind,duration_min,distance_km,rpe\n\
                    2027-03-01 07:00:30,easy,40,8,3\n\
                    2027-03-01 07:02,recovery,20,4,2\n\
                    2027-03-02 18:00,tempo,50,10,7\n\
                    2027-03-02 18:01,tempo,50,10,7\n";

#[test]
fn wellness_and_sessions_merge_into_the_document_and_the_old_one_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = athlete_file(dir.path());
    let before = std::fs::read(&doc).expect("read");
    write(dir.path(), "wellness.csv", WELLNESS);
    write(dir.path(), "runs.csv", RUNS);

    let o = stride(
        dir.path(),
        &[
            "import",
            "wellness.csv",
            "runs.csv",
            "--into",
            "athlete.ron",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    // 1 March is stored (mood changes), 2 and 3 March are new. The first run starts 30 s
    // after the stored one and the last a minute after the one before: both are skipped.
    assert_eq!(
        stdout(&o),
        "wellness.csv: wellness 2 added, 1 updated, 0 unchanged\n\
         runs.csv: activities 2 added, 2 duplicates skipped\n\
         saved athlete.ron\n"
    );

    let saved = load_document(&doc).expect("the saved document loads");
    let w = &saved.history.wellness;
    assert_eq!(
        w.iter().map(|e| e.date).collect::<Vec<_>>(),
        [day(2027, 3, 1), day(2027, 3, 2), day(2027, 3, 3)]
    );
    assert_eq!(
        w[0].resting_hr_bpm,
        Some(52),
        "kept: the file has no resting_hr"
    );
    assert_eq!(w[0].mood, Some(4), "overwritten");
    assert_eq!(w[0].sleep_hours, Some(7.5));
    assert_eq!((w[1].mood, w[1].sleep_hours), (Some(3), None));
    assert_eq!((w[2].mood, w[2].sleep_hours), (None, Some(8.0)));

    let a = &saved.history.activities;
    assert_eq!(
        a.iter().map(|a| a.start).collect::<Vec<_>>(),
        [
            at("2027-03-01 07:00"),
            at("2027-03-01 07:02"),
            at("2027-03-02 18:00")
        ]
    );
    assert_eq!(a[0].source_file, None, "the stored run is untouched");
    assert_eq!(a[1].kind, WorkoutKind::Recovery);
    assert_eq!(a[1].duration_s, 1200.0);
    assert_eq!(a[1].distance_m, Some(4000.0));
    assert_eq!(a[1].source_file.as_deref(), Some("runs.csv"));
    assert_eq!(a[2].kind, WorkoutKind::Tempo);
    assert_eq!(a[2].rpe, Some(7.0));

    let backup = std::fs::read(dir.path().join("athlete.ron.bak")).expect("a backup");
    assert_eq!(backup, before, "the backup is the document as it was");
}

#[test]
fn importing_nothing_new_leaves_the_document_byte_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = athlete_file(dir.path());
    let before = std::fs::read(&doc).expect("read");
    // The stored values again, an empty check-in and the stored run a few seconds off.
    write(
        dir.path(),
        "same.csv",
        "date,resting_hr,mood\n2027-03-01,52,3\n2027-03-09,,\n",
    );
    write(
        dir.path(),
        "runs.csv",
        "date,kind,duration_min\n2027-03-01 07:00:45,easy,40\n",
    );
    let o = stride(
        dir.path(),
        &["import", "same.csv", "runs.csv", "--into", "athlete.ron"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "same.csv: wellness 0 added, 0 updated, 2 unchanged\n\
         runs.csv: activities 0 added, 1 duplicates skipped\n\
         unchanged athlete.ron\n"
    );
    assert_eq!(std::fs::read(&doc).expect("read"), before);
    assert!(
        !dir.path().join("athlete.ron.bak").exists(),
        "nothing was written, so no backup either"
    );
}

#[test]
fn a_failing_file_is_reported_and_the_others_are_still_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = athlete_file(dir.path());
    write(dir.path(), "good.csv", "date,stress\n2027-03-05,2\n");
    // Line 2 is fine, line 3 is not: nothing of this file is imported.
    write(
        dir.path(),
        "bad.csv",
        "date,hrv\n2027-03-06,60\n2027-03-07,900\n",
    );
    write(dir.path(), "notes.txt", "steps,calories\n9000,2100\n");
    write(
        dir.path(),
        "runs.csv",
        "date,duration_min,rpe\n2027-03-04 07:00,30,4\n",
    );
    let o = stride(
        dir.path(),
        &[
            "import",
            "good.csv",
            "bad.csv",
            "notes.txt",
            "missing.csv",
            "runs.csv",
            "--into",
            "athlete.ron",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "a file failed");
    assert_eq!(
        stdout(&o),
        "good.csv: wellness 1 added, 0 updated, 0 unchanged\n\
         runs.csv: activities 1 added, 0 duplicates skipped\n\
         saved athlete.ron\n"
    );
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("error: bad.csv:3:2: "), "{err}");
    assert!(lines[0].contains("hrv 900"), "{err}");
    assert!(lines[1].starts_with("error: notes.txt:1:1: "), "{err}");
    assert!(lines[1].contains("no 'date' column"), "{err}");
    for expected in ["resting_hr", "motivation", "duration_min", "avg_hr"] {
        assert!(lines[1].contains(expected), "names {expected}: {err}");
    }
    assert!(lines[2].starts_with("error: missing.csv: "), "{err}");

    let saved = load_document(&doc).expect("loads");
    let days: Vec<NaiveDate> = saved.history.wellness.iter().map(|w| w.date).collect();
    assert_eq!(
        days,
        [day(2027, 3, 1), day(2027, 3, 5)],
        "nothing of bad.csv"
    );
    assert_eq!(saved.history.wellness[1].stress, Some(2));
    assert_eq!(saved.history.activities.len(), 2);
    assert_eq!(saved.history.activities[1].start, at("2027-03-04 07:00"));
}

#[test]
fn a_missing_document_is_exit_code_2_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.csv", "date,stress\n2027-03-05,2\n");
    let o = stride(dir.path(), &["import", "good.csv", "--into", "nobody.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).starts_with("error: nobody.ron: "),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("nobody.ron").exists());
    assert!(!dir.path().join("nobody.ron.bak").exists());
}

#[test]
fn a_broken_document_is_exit_code_2_and_left_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = "(\n    format_version: 1,\n    athlete: (name: ,\n";
    let doc = write(dir.path(), "athlete.ron", broken);
    write(dir.path(), "good.csv", "date,stress\n2027-03-05,2\n");
    let o = stride(dir.path(), &["import", "good.csv", "--into", "athlete.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: athlete.ron:3:"),
        "with line and column: {}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&doc).expect("read"), broken);
    assert!(!dir.path().join("athlete.ron.bak").exists());
}

#[test]
fn a_file_that_is_not_utf8_names_the_first_bad_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = athlete_file(dir.path());
    let before = std::fs::read(&doc).expect("read");
    std::fs::write(
        dir.path().join("latin1.csv"),
        b"date,mood\n2027-03-01,\xff\n",
    )
    .expect("write");
    let o = stride(
        dir.path(),
        &["import", "latin1.csv", "--into", "athlete.ron"],
    );
    assert_eq!(o.status.code(), Some(2));
    // "2027-03-01," is 11 characters, so the byte is in column 12 of line 2.
    assert!(
        stderr(&o).starts_with("error: latin1.csv:2:12: "),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "unchanged athlete.ron\n");
    assert_eq!(std::fs::read(&doc).expect("read"), before);
}

#[test]
fn a_session_outside_the_documents_years_names_its_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    athlete_file(dir.path());
    write(
        dir.path(),
        "old.csv",
        "kind,date,duration_min\neasy,1950-05-01,30\neasy,1850-05-01,30\n",
    );
    let o = stride(dir.path(), &["import", "old.csv", "--into", "athlete.ron"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("error: old.csv:3:2: "), "{err}");
    assert!(
        err.contains("1850-05-01") && err.contains("1900-2200"),
        "{err}"
    );
}

#[test]
fn a_header_mixing_both_kinds_is_refused_with_the_columns_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    athlete_file(dir.path());
    write(
        dir.path(),
        "mixed.csv",
        "date,kind,mood\n2027-03-05,easy,3\n",
    );
    let o = stride(
        dir.path(),
        &["import", "mixed.csv", "--into", "athlete.ron"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("error: mixed.csv:1:1: "), "{err}");
    assert!(err.contains("wellness columns (mood)"), "{err}");
    assert!(err.contains("session columns (kind)"), "{err}");
}

#[test]
fn import_needs_files_and_a_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = stride(dir.path(), &["import", "--into", "athlete.ron"]);
    assert_eq!(o.status.code(), Some(2), "no files");
    let o = stride(dir.path(), &["import", "wellness.csv"]);
    assert_eq!(o.status.code(), Some(2), "no --into");
    let help = stride(dir.path(), &["--help"]);
    assert!(stdout(&help).contains("import"), "{}", stdout(&help));
}

#[test]
fn a_read_only_document_is_not_replaced_by_an_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = athlete_file(dir.path());
    write(dir.path(), "runs.csv", RUNS);
    let mut permissions = std::fs::metadata(&doc).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&doc, permissions).expect("read-only");
    let before = std::fs::read(&doc).expect("read");
    let o = stride(dir.path(), &["import", "runs.csv", "--into", "athlete.ron"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("the file is read-only"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).is_empty(),
        "nothing claims to be imported: {}",
        stdout(&o)
    );
    assert_eq!(std::fs::read(&doc).expect("read"), before);
    assert!(
        std::fs::metadata(&doc)
            .expect("meta")
            .permissions()
            .readonly(),
        "still read-only"
    );
    assert!(!dir.path().join("athlete.ron.bak").exists());
}

#[test]
fn a_folder_of_damaged_compressed_recordings_and_dangling_links_says_why_nothing_was_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    athlete_file(dir.path());
    let folder = dir.path().join("export");
    std::fs::create_dir(&folder).expect("folder");
    // The gzip magic number and a little more, cut short.
    std::fs::write(folder.join("run.fit.gz"), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]).expect("gz");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.gpx"), folder.join("gone.gpx")).expect("link");
    let o = stride(dir.path(), &["import", "export", "--into", "athlete.ron"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("run.fit.gz: the gzip-compressed data is damaged or cut short"),
        "{}",
        stderr(&o)
    );
    let failed = if cfg!(unix) { 2 } else { 1 };
    assert!(
        stdout(&o).contains(&format!("0 files imported, {failed} failed")),
        "{}",
        stdout(&o)
    );
    #[cfg(unix)]
    assert!(stderr(&o).contains("gone.gpx"), "{}", stderr(&o));
}

#[test]
fn date_only_rows_of_one_day_are_duplicates_only_when_kind_and_duration_match() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = athlete_file(dir.path());
    write(
        dir.path(),
        "days.csv",
        "date,kind,duration_min,distance_km\n\
         2027-03-05,easy,40,8\n\
         2027-03-05,tempo,50,10\n\
         2027-03-05,easy,40,8\n",
    );
    let o = stride(dir.path(), &["import", "days.csv", "--into", "athlete.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("activities 2 added, 1 duplicates skipped"),
        "{}",
        stdout(&o)
    );
    // Again: nothing new.
    let o = stride(dir.path(), &["import", "days.csv", "--into", "athlete.ron"]);
    assert!(
        stdout(&o).contains("activities 0 added, 3 duplicates skipped"),
        "{}",
        stdout(&o)
    );
    let saved = stride::storage::load_document(&doc).expect("load");
    let starts: Vec<_> = saved.history.activities.iter().map(|a| a.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "the history stays in start order");
}

#[test]
fn two_imports_into_one_document_at_once_both_keep_their_activities() {
    for round in 0..5 {
        let dir = tempfile::tempdir().expect("temp dir");
        let doc = athlete_file(dir.path());
        let before = stride::storage::load_document(&doc)
            .expect("load")
            .history
            .activities
            .len();
        write(
            dir.path(),
            "a.csv",
            "date,kind,duration_min\n2027-03-10T07:00:00,easy,40\n",
        );
        write(
            dir.path(),
            "b.csv",
            "date,kind,duration_min\n2027-03-11T07:00:00,easy,45\n",
        );
        let spawn = |file: &str| {
            Command::new(env!("CARGO_BIN_EXE_stride"))
                .current_dir(dir.path())
                .args(["import", file, "--into", "athlete.ron"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (spawn("a.csv"), spawn("b.csv"));
        for child in [a, b] {
            let o = child.wait_with_output().expect("wait");
            assert!(o.status.success(), "round {round}: {}", stderr(&o));
        }
        let after = stride::storage::load_document(&doc).expect("load");
        assert_eq!(
            after.history.activities.len(),
            before + 2,
            "round {round}: both imports are kept"
        );
    }
}

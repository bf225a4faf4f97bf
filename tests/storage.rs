//! Loading and saving athlete documents: round trips, readable errors, and files left intact.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use stride::model::{Athlete, AthleteDocument, CURRENT_FORMAT_VERSION};
use stride::storage::{
    DEMO_ATHLETE_RON, DocumentError, backup_path, demo_document, document_from_str,
    document_to_string, load_document, migrate, save_document,
};

fn demo() -> AthleteDocument {
    document_from_str(DEMO_ATHLETE_RON, Path::new("demo-athlete.ron")).expect("demo parses")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

#[test]
fn demo_document_round_trips_through_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("anna.ron");
    let doc = demo();
    save_document(&doc, &path).expect("save");
    assert_eq!(load_document(&path).expect("load"), doc);
}

#[test]
fn saved_files_are_readable_ron_with_iso_dates() {
    let text = document_to_string(&demo()).expect("serialize");
    assert!(text.contains("format_version: 1"));
    assert!(text.contains("date: \"2027-02-14\""), "ISO race date");
    assert!(text.contains("kind: tempo"), "kinds are words from running");
    assert!(
        !text.contains("AthleteDocument("),
        "no struct names in files"
    );
}

#[test]
fn second_save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("anna.ron");
    let first = demo();
    save_document(&first, &path).expect("first save");
    assert!(
        !backup_path(&path).exists(),
        "no backup of a file that did not exist"
    );
    let before = std::fs::read(&path).expect("read");
    let mut second = first.clone();
    second.athlete.name = "Anna Karlsson".to_owned();
    save_document(&second, &path).expect("second save");
    assert_eq!(backup_path(&path), dir.path().join("anna.ron.bak"));
    assert_eq!(std::fs::read(backup_path(&path)).expect("read bak"), before);
    assert_eq!(
        load_document(&path).expect("load").athlete.name,
        "Anna Karlsson"
    );
    assert_eq!(
        load_document(&backup_path(&path)).expect("bak loads"),
        first
    );
}

/// One broken file per row: name, contents, and the line and column the error must name
/// (`None` for errors without a position).
/// Name, contents, expected position, and a word the message must contain.
type BrokenCase = (
    &'static str,
    &'static str,
    Option<(usize, usize)>,
    &'static str,
);

const BROKEN: &[BrokenCase] = &[
    (
        "truncated",
        "(\n    format_version: 1,\n    athlete: (\n        name: \"Anna\",\n",
        // The parser points just past the last token it read: `name: "Anna",` on line 4.
        Some((4, 22)),
        "end",
    ),
    (
        "wrong type",
        "(\n    format_version: 1,\n    athlete: (\n        name: 42,\n        birth_year: 1990,\n    ),\n)\n",
        Some((4, 15)),
        "string",
    ),
    (
        "future version",
        "(format_version: 9, athlete: ())",
        None,
        "version 9",
    ),
    ("empty", "   \n\n", None, "empty"),
    ("missing version", "(athlete: ())", None, "format_version"),
];

#[test]
fn broken_files_give_errors_with_position_and_leave_the_file_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text, position, needle) in BROKEN {
        let path = write(
            dir.path(),
            &format!("{}.ron", name.replace(' ', "-")),
            text.as_bytes(),
        );
        let error = load_document(&path).expect_err(name);
        let message = error.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{name}: {message}"
        );
        assert!(message.contains(needle), "{name}: {message}");
        if let Some((line, column)) = position {
            assert_eq!(
                error.position(),
                Some((*line, *column)),
                "{name}: {message}"
            );
            assert!(
                message.contains(&format!(":{line}:{column}:")),
                "{name}: {message}"
            );
        }
        assert_eq!(
            std::fs::read(&path).expect("read"),
            text.as_bytes(),
            "{name} untouched"
        );
        assert!(
            !backup_path(&path).exists(),
            "{name}: loading writes nothing"
        );
    }
}

#[test]
fn binary_garbage_is_reported_as_not_text_with_its_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = b"(\n  format_version: 1,\n  \xff\xfe\x00garbage";
    let path = write(dir.path(), "garbage.ron", bytes);
    let error = load_document(&path).expect_err("binary");
    assert!(
        matches!(
            error,
            DocumentError::Encoding {
                line: 3,
                column: 3,
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("not UTF-8"));
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[test]
fn a_corrupted_copy_of_the_demo_names_line_and_column() {
    let broken = DEMO_ATHLETE_RON.replacen("level: intermediate,", "level: intermediate,,", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("intermediate,,"))
        .expect("line")
        + 1;
    let error = document_from_str(&broken, Path::new("anna.ron")).expect_err("broken");
    let (found_line, _) = error.position().expect("position");
    assert_eq!(found_line, line, "{error}");
}

/// Line and column (from 1) of the first occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).expect("needle in text");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |p| p + 1) + 1;
    (line, column)
}

#[test]
fn an_unknown_word_is_named_with_its_position_and_the_expected_ones() {
    let text = DEMO_ATHLETE_RON.replacen("level: intermediate", "level: superhuman", 1);
    let error = document_from_str(&text, Path::new("anna.ron")).expect_err("unknown variant");
    assert_eq!(
        error.position(),
        Some(position_of(&text, "superhuman")),
        "{error}"
    );
    let message = error.to_string();
    assert!(message.contains("superhuman"), "{message}");
    assert!(
        message.contains("beginner"),
        "lists the accepted words: {message}"
    );
}

#[test]
fn out_of_range_values_name_the_field() {
    let cases = [
        (
            "resting_hr_bpm: 50",
            "resting_hr_bpm: 500",
            "athlete.resting_hr_bpm",
        ),
        ("date: \"2027-02-14\"", "date: \"2427-02-14\"", "goal.date"),
        (" duration_s: ", " duration_s: -", "duration_s"),
        (
            "sleep_quality: Some(",
            "sleep_quality: Some(9",
            "sleep_quality",
        ),
    ];
    for (from, to, field) in cases {
        let text = DEMO_ATHLETE_RON.replacen(from, to, 1);
        assert_ne!(text, DEMO_ATHLETE_RON, "{from} is in the demo");
        let error = document_from_str(&text, Path::new("anna.ron")).expect_err(field);
        assert!(matches!(error, DocumentError::Invalid { .. }), "{error}");
        assert!(error.to_string().contains(field), "{field}: {error}");
    }
}

#[test]
fn not_a_number_is_refused() {
    let text = DEMO_ATHLETE_RON.replacen("weekly_volume_km: 42.0", "weekly_volume_km: NaN", 1);
    let error = document_from_str(&text, Path::new("anna.ron")).expect_err("NaN");
    assert!(error.to_string().contains("weekly_volume_km"), "{error}");
}

#[test]
fn a_leading_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{DEMO_ATHLETE_RON}");
    assert_eq!(
        document_from_str(&text, Path::new("bom.ron")).expect("bom"),
        demo()
    );
}

#[test]
fn migration_brings_version_one_to_the_current_version_unchanged() {
    let mut doc = demo();
    doc.format_version = 1;
    let migrated = migrate(doc.clone(), 1).expect("migrate");
    assert_eq!(migrated.format_version, CURRENT_FORMAT_VERSION);
    assert_eq!(migrated.athlete, doc.athlete);
    assert_eq!(migrated.plans, doc.plans);
    assert!(migrate(doc, 0).is_err(), "version 0 never existed");
}

#[test]
fn failed_save_leaves_the_original_and_its_backup_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("anna.ron");
    save_document(&demo(), &path).expect("first save");
    let original = std::fs::read(&path).expect("read");
    // A folder where the backup should go makes the backup step fail, even for root.
    std::fs::create_dir(backup_path(&path)).expect("block the backup");
    let mut changed = demo();
    changed.athlete.name = "Someone else".to_owned();
    let error = save_document(&changed, &path).expect_err("backup is blocked");
    // The error names the backup in the way, not the document.
    assert!(
        matches!(
            &error,
            DocumentError::Io {
                action: "replace",
                path: p,
                ..
            } if *p == backup_path(&path)
        ),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), original);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary files left behind: {leftovers:?}"
    );
}

#[cfg(unix)]
#[test]
fn failed_save_into_a_read_only_folder_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("anna.ron");
    save_document(&demo(), &path).expect("first save");
    let original = std::fs::read(&path).expect("read");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = dir.path().join("probe");
    let folder_is_read_only = std::fs::write(&probe, b"x").is_err();
    let _ = std::fs::remove_file(&probe);
    let result = save_document(&AthleteDocument::new(Athlete::example()), &path);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    if folder_is_read_only {
        // Where permissions hold (not for root), the save must fail and change nothing.
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).expect("read"), original);
    } else {
        // Root ignores folder permissions: the save then succeeds and the old text is the backup.
        assert!(result.is_ok());
        assert_eq!(std::fs::read(backup_path(&path)).expect("bak"), original);
    }
}

#[test]
fn demo_dates_follow_today_and_keep_their_shape() {
    let stored = demo();
    for today in [
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("date"),
        NaiveDate::from_ymd_opt(2031, 3, 4).expect("date"),
        NaiveDate::from_ymd_opt(2020, 2, 29).expect("date"),
    ] {
        let doc = demo_document(today).expect("demo");
        // Moved by whole weeks: the history ends within the week before today.
        let last = doc.history.last_date().expect("history");
        let since = (today - last).num_days();
        assert!(
            (1..=7).contains(&since),
            "history ends {since} days before today"
        );
        let plan = doc.active_plan().expect("plan");
        let stored_plan = stored.active_plan().expect("plan");
        assert!(plan.end_date() > today, "the plan runs on from today");
        assert!(plan.start_date <= today, "and began before it");
        let shift = plan.goal.date - stored_plan.goal.date;
        assert_eq!(
            shift.num_days() % 7,
            0,
            "whole weeks keep the plan on its weekdays"
        );
        assert_eq!(plan.start_date - stored_plan.start_date, shift);
        assert_eq!(plan.workouts.len(), stored_plan.workouts.len());
        for (moved, original) in plan.workouts.iter().zip(&stored_plan.workouts) {
            assert_eq!(moved.date - original.date, shift);
        }
        let long_run = plan
            .workouts
            .iter()
            .find(|w| w.kind == stride::model::WorkoutKind::Long)
            .expect("a long run");
        assert_eq!(
            chrono::Datelike::weekday(&long_run.date),
            doc.athlete.long_run_day,
            "the preferred long-run day moves with the plan"
        );
    }
}

#[cfg(unix)]
#[test]
fn saving_and_exporting_through_a_symlink_update_the_linked_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let mut doc = stride::storage::demo_document(today).expect("demo");
    stride::storage::save_document(&doc, &real).expect("save");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("mode");
    let before = std::fs::read(&real).expect("read");
    std::os::unix::fs::symlink("real.ron", &link).expect("link");
    doc.athlete.name = "Through the link".to_owned();
    stride::storage::save_document(&doc, &link).expect("save through the link");
    let link_meta = std::fs::symlink_metadata(&link).expect("link");
    assert!(link_meta.file_type().is_symlink(), "the link stays a link");
    let saved = stride::storage::load_document(&real).expect("load");
    assert_eq!(saved.athlete.name, "Through the link");
    let mode = std::fs::metadata(&real).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the linked file keeps its permissions");
    let backup = dir.path().join("real.ron.bak");
    let backup_meta = std::fs::symlink_metadata(&backup).expect("backup");
    assert!(backup_meta.file_type().is_file(), "the .bak is a real file");
    assert_eq!(std::fs::read(&backup).expect("read"), before);
    assert!(!dir.path().join("link.ron.bak").exists());

    // An export through a link to a CSV replaces the linked CSV.
    let csv = dir.path().join("plan.csv");
    std::fs::write(&csv, "old\n").expect("write");
    let csv_link = dir.path().join("plan-link.csv");
    std::os::unix::fs::symlink(&csv, &csv_link).expect("link");
    stride::export::export_plan(
        &doc,
        stride::export::ExportFormat::Csv,
        &csv_link,
        chrono::Utc::now(),
    )
    .expect("export");
    assert!(
        std::fs::symlink_metadata(&csv_link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&csv)
            .expect("csv")
            .starts_with("date,")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.csv.bak")).expect("bak"),
        "old\n"
    );
}

#[test]
fn a_backup_that_is_a_folder_is_named_in_the_error_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("anna.ron");
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let mut doc = stride::storage::demo_document(today).expect("demo");
    stride::storage::save_document(&doc, &path).expect("save");
    let before = std::fs::read(&path).expect("read");
    std::fs::create_dir(dir.path().join("anna.ron.bak")).expect("folder");
    std::fs::write(dir.path().join("anna.ron.bak").join("inside"), "x").expect("file");
    doc.athlete.name = "Changed".to_owned();
    let e = stride::storage::save_document(&doc, &path).expect_err("a folder is in the way");
    let message = e.to_string();
    assert!(message.contains("anna.ron.bak"), "{message}");
    assert_eq!(std::fs::read(&path).expect("read"), before, "{message}");
}

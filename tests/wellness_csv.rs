//! Wellness CSVs: parsing, telling them from session CSVs, and merging check-ins by day.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use stride::model::{History, WellnessEntry};
use stride::storage::wellness_csv::{CsvKind, csv_kind, parse_wellness};

const FULL_HEADER: &str =
    "date,resting_hr,hrv,sleep_hours,sleep_quality,soreness,fatigue,stress,mood,motivation";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
}

fn entry(date: NaiveDate) -> WellnessEntry {
    WellnessEntry {
        date,
        ..WellnessEntry::default()
    }
}

// ---- parsing ----

#[test]
fn a_full_row_fills_every_field() {
    let text = format!("{FULL_HEADER}\n2027-03-01,48,62.5,7.25,4,2,3,1,5,4\n");
    let rows = parse_wellness(&text).expect("parses");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].line, 2);
    assert_eq!(
        rows[0].entry,
        WellnessEntry {
            date: day(2027, 3, 1),
            resting_hr_bpm: Some(48),
            hrv_ms: Some(62.5),
            sleep_hours: Some(7.25),
            sleep_quality: Some(4),
            soreness: Some(2),
            fatigue: Some(3),
            stress: Some(1),
            mood: Some(5),
            motivation: Some(4),
        }
    );
}

#[test]
fn columns_come_in_any_order_and_case_with_spaces_around_names() {
    let text = " Motivation ,STRESS,date, Resting_HR\n2,5,2027-03-02,51\n";
    let rows = parse_wellness(text).expect("parses");
    let e = &rows[0].entry;
    assert_eq!(e.date, day(2027, 3, 2));
    assert_eq!(e.motivation, Some(2));
    assert_eq!(e.stress, Some(5));
    assert_eq!(e.resting_hr_bpm, Some(51));
    assert_eq!(e.mood, None);
    assert_eq!(e.hrv_ms, None);
}

#[test]
fn a_subset_of_columns_and_empty_cells_leave_the_rest_unrecorded() {
    let text = "date,sleep_hours,soreness\n2027-03-01,8,\n2027-03-02,,3\n2027-03-03,,\n";
    let rows = parse_wellness(text).expect("parses");
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        [2, 3, 4],
        "lines count from the header"
    );
    assert_eq!(rows[0].entry.sleep_hours, Some(8.0));
    assert_eq!(rows[0].entry.soreness, None);
    assert_eq!(rows[1].entry.sleep_hours, None);
    assert_eq!(rows[1].entry.soreness, Some(3));
    assert_eq!(rows[2].entry, entry(day(2027, 3, 3)));
}

#[test]
fn a_header_only_file_has_no_rows() {
    assert_eq!(parse_wellness("date,mood\n").expect("parses"), []);
}

#[test]
fn the_edges_of_every_range_are_accepted() {
    let text = format!(
        "{FULL_HEADER}\n1900-01-01,20,1,0,1,1,1,1,1,1\n2200-12-31,250,500,24,5,5,5,5,5,5\n"
    );
    let rows = parse_wellness(&text).expect("parses");
    let (low, high) = (&rows[0].entry, &rows[1].entry);
    assert_eq!(low.date, day(1900, 1, 1));
    assert_eq!(low.resting_hr_bpm, Some(20));
    assert_eq!(low.hrv_ms, Some(1.0));
    assert_eq!(low.sleep_hours, Some(0.0));
    assert_eq!(low.fatigue, Some(1));
    assert_eq!(high.date, day(2200, 12, 31));
    assert_eq!(high.resting_hr_bpm, Some(250));
    assert_eq!(high.hrv_ms, Some(500.0));
    assert_eq!(high.sleep_hours, Some(24.0));
    assert_eq!(high.motivation, Some(5));
}

#[test]
fn a_whole_number_written_with_a_decimal_point_is_accepted() {
    let rows = parse_wellness("date,resting_hr,mood\n2027-03-01,52.0,4.0\n").expect("parses");
    assert_eq!(rows[0].entry.resting_hr_bpm, Some(52));
    assert_eq!(rows[0].entry.mood, Some(4));
}

/// Each bad value sits on line 3 (line 2 is good), in the column of its field.
#[test]
fn every_out_of_range_value_names_line_column_and_field() {
    let good = "2027-03-01,50,60,7,3,3,3,3,3,3";
    // (column from 1, field, bad value)
    let cases = [
        (2, "resting_hr", "19"),
        (2, "resting_hr", "251"),
        (2, "resting_hr", "55.5"),
        (2, "resting_hr", "fast"),
        (3, "hrv", "0.5"),
        (3, "hrv", "501"),
        (3, "hrv", "NaN"),
        (3, "hrv", "inf"),
        (4, "sleep_hours", "-1"),
        (4, "sleep_hours", "24.5"),
        (4, "sleep_hours", "-inf"),
        (5, "sleep_quality", "0"),
        (6, "soreness", "6"),
        (7, "fatigue", "2.5"),
        (8, "stress", "-3"),
        (9, "mood", "x"),
        (10, "motivation", "10"),
    ];
    for (column, field, value) in cases {
        let mut cells: Vec<&str> = "2027-03-02,50,60,7,3,3,3,3,3,3".split(',').collect();
        cells[column - 1] = value;
        let text = format!("{FULL_HEADER}\n{good}\n{}\n", cells.join(","));
        let e = parse_wellness(&text).expect_err(&format!("{field} {value} is refused"));
        assert_eq!((e.line, e.column), (3, column), "{field} {value}: {e}");
        assert!(e.message.contains(field), "{field} {value}: {e}");
        assert!(e.message.contains(value), "the value is quoted: {e}");
    }
}

#[test]
fn bad_dates_name_their_line_and_column() {
    for (date, words) in [
        ("2027-02-30", "not a date"),
        ("01/03/2027", "not a date"),
        ("2027-03-01 07:00", "not a date"),
        ("1899-12-31", "1900-2200"),
        ("2201-01-01", "1900-2200"),
        ("", "empty"),
    ] {
        let text = format!("mood,date\n4,2027-03-01\n3,{date}\n");
        let e = parse_wellness(&text).expect_err(date);
        assert_eq!((e.line, e.column), (3, 2), "{date}: {e}");
        assert!(e.message.contains("date"), "{date}: {e}");
        assert!(e.message.contains(words), "{date}: {e}");
    }
}

#[test]
fn a_day_given_twice_names_both_lines() {
    let text = "date,mood\n2027-03-01,4\n2027-03-02,3\n2027-03-01,2\n";
    let e = parse_wellness(text).expect_err("duplicate day");
    assert_eq!((e.line, e.column), (4, 1), "{e}");
    assert!(e.message.contains("2027-03-01"), "{e}");
    assert!(e.message.contains("line 2"), "{e}");
    assert!(e.message.contains("line 4"), "{e}");
}

#[test]
fn a_leading_byte_order_mark_is_skipped() {
    let rows = parse_wellness("\u{feff}date,mood\n2027-03-01,4\n").expect("parses");
    assert_eq!(rows[0].entry.mood, Some(4));
    assert_eq!(rows[0].line, 2);
}

#[test]
fn an_unknown_column_is_named_with_the_accepted_ones() {
    let e = parse_wellness("date,mood,hvr\n2027-03-01,4,60\n").expect_err("unknown column");
    assert_eq!((e.line, e.column), (1, 3), "{e}");
    assert!(e.message.contains("'hvr'"), "{e}");
    for accepted in ["resting_hr", "hrv", "sleep_hours", "motivation"] {
        assert!(e.message.contains(accepted), "lists {accepted}: {e}");
    }
}

#[test]
fn a_missing_date_column_or_a_repeated_column_is_refused() {
    let e = parse_wellness("mood,hrv\n4,60\n").expect_err("no date");
    assert_eq!(e.line, 1);
    assert!(e.message.contains("'date'"), "{e}");
    let e = parse_wellness("date,mood,Mood\n2027-03-01,4,4\n").expect_err("repeated");
    assert_eq!((e.line, e.column), (1, 3), "{e}");
    assert!(e.message.contains("twice"), "{e}");
}

#[test]
fn a_row_with_too_many_cells_names_its_line() {
    let e = parse_wellness("date,mood\n2027-03-01,4\n2027-03-02,4,5\n").expect_err("ragged");
    assert_eq!(e.line, 3, "{e}");
}

// ---- telling the kinds apart ----

#[test]
fn the_header_tells_wellness_from_sessions() {
    assert_eq!(
        csv_kind("date,mood\n2027-03-01,4\n"),
        Some(CsvKind::Wellness)
    );
    assert_eq!(
        csv_kind(&format!("{FULL_HEADER}\n")),
        Some(CsvKind::Wellness)
    );
    assert_eq!(csv_kind("\u{feff} HRV , Date\n"), Some(CsvKind::Wellness));
    assert_eq!(
        csv_kind("date,hrv,hvr\n"),
        Some(CsvKind::Wellness),
        "a typo does not hide the kind; the parser names the column"
    );
    assert_eq!(
        csv_kind("date,kind,duration_min,distance_km,rpe,avg_hr,load,title\n"),
        Some(CsvKind::Sessions)
    );
    assert_eq!(csv_kind("Duration_Min,DATE\n"), Some(CsvKind::Sessions));
}

#[test]
fn a_header_of_neither_kind_has_no_kind() {
    assert_eq!(csv_kind("date,kind,mood\n"), None, "mixed");
    assert_eq!(csv_kind("date\n2027-03-01\n"), None, "date alone");
    assert_eq!(csv_kind("mood,hrv\n"), None, "no date");
    assert_eq!(csv_kind("day,steps\n"), None, "another table");
    assert_eq!(csv_kind(""), None, "empty");
    assert_eq!(csv_kind("(format_version: 1)\n"), None, "a document");
}

// ---- merging ----

#[test]
fn merging_overwrites_what_the_import_has_and_keeps_what_it_lacks() {
    let mut history = History::default();
    history.wellness.push(WellnessEntry {
        date: day(2027, 3, 2),
        resting_hr_bpm: Some(50),
        hrv_ms: Some(60.0),
        mood: Some(3),
        ..WellnessEntry::default()
    });
    let merge = history.merge_wellness([WellnessEntry {
        date: day(2027, 3, 2),
        hrv_ms: Some(65.0),
        mood: Some(3),
        sleep_hours: Some(7.5),
        ..WellnessEntry::default()
    }]);
    assert_eq!((merge.added, merge.updated, merge.unchanged), (0, 1, 0));
    assert_eq!(
        history.wellness,
        [WellnessEntry {
            date: day(2027, 3, 2),
            resting_hr_bpm: Some(50),
            hrv_ms: Some(65.0),
            sleep_hours: Some(7.5),
            mood: Some(3),
            ..WellnessEntry::default()
        }]
    );
}

#[test]
fn merging_counts_added_updated_and_unchanged_and_keeps_days_in_order() {
    let mut history = History::default();
    // Stored out of order: the merge sorts them.
    history.wellness.push(WellnessEntry {
        stress: Some(2),
        ..entry(day(2027, 3, 5))
    });
    history.wellness.push(WellnessEntry {
        mood: Some(4),
        ..entry(day(2027, 3, 1))
    });
    let merge = history.merge_wellness([
        WellnessEntry {
            mood: Some(4),
            ..entry(day(2027, 3, 1))
        }, // same value: unchanged
        WellnessEntry {
            stress: Some(4),
            ..entry(day(2027, 3, 5))
        }, // new value: updated
        WellnessEntry {
            fatigue: Some(3),
            ..entry(day(2027, 3, 3))
        }, // new day: added
        WellnessEntry {
            fatigue: Some(1),
            ..entry(day(2026, 12, 31))
        }, // new day: added
        entry(day(2027, 3, 4)), // records nothing: not added
        entry(day(2027, 3, 1)), // records nothing: unchanged
    ]);
    assert_eq!((merge.added, merge.updated, merge.unchanged), (2, 1, 3));
    let days: Vec<NaiveDate> = history.wellness.iter().map(|w| w.date).collect();
    assert_eq!(
        days,
        [
            day(2026, 12, 31),
            day(2027, 3, 1),
            day(2027, 3, 3),
            day(2027, 3, 5)
        ]
    );
    assert_eq!(history.wellness[0].fatigue, Some(1));
    assert_eq!(history.wellness[1].mood, Some(4));
    assert_eq!(history.wellness[2].fatigue, Some(3));
    assert_eq!(history.wellness[3].stress, Some(4));
}

#[test]
fn parsed_rows_merge_into_a_history() {
    let mut history = History::default();
    history.wellness.push(WellnessEntry {
        resting_hr_bpm: Some(55),
        sleep_quality: Some(2),
        ..entry(day(2027, 3, 1))
    });
    let rows = parse_wellness("date,sleep_quality\n2027-03-01,4\n2027-03-02,3\n").expect("parses");
    let merge = history.merge_wellness(rows.into_iter().map(|r| r.entry));
    assert_eq!((merge.added, merge.updated, merge.unchanged), (1, 1, 0));
    assert_eq!(history.wellness[0].resting_hr_bpm, Some(55));
    assert_eq!(history.wellness[0].sleep_quality, Some(4));
    assert_eq!(history.wellness[1].sleep_quality, Some(3));
}

// ---- properties ----

fn scale() -> impl Strategy<Value = Option<u8>> {
    proptest::option::of(1u8..=5)
}

fn wellness_entry() -> impl Strategy<Value = WellnessEntry> {
    (
        0i64..60,
        proptest::option::of(20u16..=250),
        proptest::option::of(1.0f64..500.0),
        proptest::option::of(0.0f64..24.0),
        (scale(), scale(), scale(), scale(), scale(), scale()),
    )
        .prop_map(
            |(offset, rhr, hrv, sleep, (quality, soreness, fatigue, stress, mood, motivation))| {
                WellnessEntry {
                    date: day(2027, 1, 1) + chrono::TimeDelta::days(offset),
                    resting_hr_bpm: rhr,
                    hrv_ms: hrv,
                    sleep_hours: sleep,
                    sleep_quality: quality,
                    soreness,
                    fatigue,
                    stress,
                    mood,
                    motivation,
                }
            },
        )
}

fn is_sorted(history: &History) -> bool {
    history.wellness.windows(2).all(|w| w[0].date <= w[1].date)
}

/// Takes every value `new` records, field by field.
fn overlay(old: Option<WellnessEntry>, new: &WellnessEntry) -> WellnessEntry {
    let old = old.unwrap_or_else(|| entry(new.date));
    WellnessEntry {
        date: new.date,
        resting_hr_bpm: new.resting_hr_bpm.or(old.resting_hr_bpm),
        hrv_ms: new.hrv_ms.or(old.hrv_ms),
        sleep_hours: new.sleep_hours.or(old.sleep_hours),
        sleep_quality: new.sleep_quality.or(old.sleep_quality),
        soreness: new.soreness.or(old.soreness),
        fatigue: new.fatigue.or(old.fatigue),
        stress: new.stress.or(old.stress),
        mood: new.mood.or(old.mood),
        motivation: new.motivation.or(old.motivation),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_the_same_entries_twice_adds_nothing_the_second_time(
        stored in proptest::collection::vec(wellness_entry(), 0..20),
        imported in proptest::collection::vec(wellness_entry(), 0..30),
    ) {
        let mut history = History { wellness: stored, ..History::default() };
        let first = history.merge_wellness(imported.clone());
        prop_assert!(is_sorted(&history));
        prop_assert_eq!(first.added + first.updated + first.unchanged, imported.len());
        let second = history.merge_wellness(imported.clone());
        prop_assert_eq!(second.added, 0);
        prop_assert!(is_sorted(&history));
    }

    #[test]
    fn merging_distinct_days_leaves_each_day_as_the_overlay_of_old_and_new(
        stored in proptest::collection::vec(wellness_entry(), 0..20),
        imported in proptest::collection::vec(wellness_entry(), 0..30),
    ) {
        // One entry per day on both sides, as a parsed file and a validated document have.
        let stored: BTreeMap<NaiveDate, WellnessEntry> =
            stored.into_iter().map(|e| (e.date, e)).collect();
        let imported: BTreeMap<NaiveDate, WellnessEntry> =
            imported.into_iter().map(|e| (e.date, e)).collect();
        let mut expected = stored.clone();
        for (date, new) in &imported {
            // An entry that records nothing adds no day.
            if *new != entry(*date) || stored.contains_key(date) {
                expected.insert(*date, overlay(stored.get(date).cloned(), new));
            }
        }
        // Stored newest first, so the merge has to sort.
        let mut history = History {
            wellness: stored.values().rev().cloned().collect(),
            ..History::default()
        };
        let first = history.merge_wellness(imported.values().cloned());
        prop_assert_eq!(&history.wellness, &expected.values().cloned().collect::<Vec<_>>());
        prop_assert_eq!(first.added, expected.len() - stored.len());
        let second = history.merge_wellness(imported.values().cloned());
        prop_assert_eq!(
            (second.added, second.updated, second.unchanged),
            (0, 0, imported.len())
        );
        prop_assert_eq!(history.wellness, expected.into_values().collect::<Vec<_>>());
    }
}

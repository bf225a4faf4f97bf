//! Exporting the active plan: iCalendar, plan CSV, RON, FIT workouts and printable HTML,
//! each read back with a reader other than the writer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use stride::export::{ExportError, ExportFormat, export_plan, ics};
use stride::generator::CrossTrainingPreference;
use stride::model::{
    Athlete, AthleteDocument, CrossActivity, GoalRace, PaceZone, Phase, PhaseKind, Plan, Segment,
    SegmentKind, SegmentLength, Step, Target, Units, WeekStart, Workout, WorkoutId, WorkoutKind,
    format_pace,
};
use stride::science::paces::TrainingPaces;
use stride::storage::{self, plan_csv};

mod generated;
use generated::generated_document;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 2, 20, 8, 30, 0)
        .single()
        .expect("time")
}

const VDOT: f64 = 45.0;

fn seg(kind: SegmentKind, length: SegmentLength, target: Target) -> Segment {
    Segment {
        kind,
        length,
        target,
        rpe: None,
    }
}

fn workout(id: u64, day: NaiveDate, kind: WorkoutKind, title: &str) -> Workout {
    let mut w = Workout::new(WorkoutId(id), day, kind);
    w.title = title.to_owned();
    w
}

/// Two weeks toward a 10K with every kind of step and target, and titles that need escaping
/// and folding.
fn sample_plan() -> Plan {
    use SegmentKind::*;
    use SegmentLength::*;
    let mut rest = workout(1, date(2027, 3, 1), WorkoutKind::Rest, "Rest");
    rest.notes = "Sleep in.".to_owned();

    let mut tempo = workout(
        2,
        date(2027, 3, 2),
        WorkoutKind::Tempo,
        "Tempo, threshold; steady",
    );
    tempo.steps = vec![
        Step::Single(seg(WarmUp, Distance(2000.0), Target::PaceZone(PaceZone::E))),
        Step::Single(seg(Work, Distance(3000.0), Target::PaceZone(PaceZone::T))),
        Step::Single(seg(
            CoolDown,
            Distance(2000.0),
            Target::PaceZone(PaceZone::E),
        )),
    ];
    tempo.planned_distance_m = Some(7000.0);
    tempo.planned_duration_s = Some(2100.0);

    let mut intervals = workout(
        3,
        date(2027, 3, 4),
        WorkoutKind::Intervals,
        "Intervalles à la piste 🏃 5 x 1000 m",
    );
    let mut work = seg(Work, Distance(1000.0), Target::PaceZone(PaceZone::I));
    work.rpe = Some(8.0);
    intervals.steps = vec![
        Step::Single(seg(
            WarmUp,
            Duration(900.0),
            Target::HeartRate {
                min_bpm: 120,
                max_bpm: 140,
            },
        )),
        Step::Repeat {
            times: 5,
            segments: vec![
                work,
                seg(Recovery, Duration(90.0), Target::PaceZone(PaceZone::E)),
            ],
        },
        Step::Single(seg(CoolDown, Duration(600.0), Target::None)),
    ];
    intervals.planned_distance_m = Some(9500.0);
    intervals.notes = "Track: lane 2\\3, bring water; spikes optional.\nStretch after.".to_owned();

    let mut easy = workout(4, date(2027, 3, 6), WorkoutKind::Easy, "");
    easy.planned_distance_m = Some(8000.0);
    easy.planned_duration_s = Some(2880.0);

    let mut long = workout(5, date(2027, 3, 7), WorkoutKind::Long, "Long run");
    long.planned_distance_m = Some(14_000.0);

    let mut hills = workout(6, date(2027, 3, 9), WorkoutKind::Hills, "Hills 6 x 60 s");
    hills.steps = vec![
        Step::Single(seg(WarmUp, Duration(600.0), Target::Rpe(3.0))),
        Step::Repeat {
            times: 6,
            segments: vec![
                seg(
                    Work,
                    Duration(60.0),
                    Target::PaceRange {
                        fast_s_per_km: 240.0,
                        slow_s_per_km: 250.0,
                    },
                ),
                seg(Recovery, Duration(90.0), Target::None),
            ],
        },
        Step::Single(seg(
            CoolDown,
            Duration(600.0),
            Target::PaceZone(PaceZone::E),
        )),
    ];
    hills.planned_duration_s = Some(2100.0);

    let mut spin = workout(
        7,
        date(2027, 3, 10),
        WorkoutKind::CrossTraining {
            activity: CrossActivity::Cycling,
        },
        "Easy spin",
    );
    spin.planned_duration_s = Some(2700.0);

    let mut race = workout(
        8,
        date(2027, 3, 14),
        WorkoutKind::Race {
            distance_m: 10_000.0,
            priority: Default::default(),
        },
        "City 10K",
    );
    race.planned_distance_m = Some(10_000.0);

    Plan {
        notes: Vec::new(),
        days_off: Vec::new(),
        name: "Spring 10K".to_owned(),
        goal: GoalRace {
            name: "City 10K".to_owned(),
            distance_m: 10_000.0,
            date: date(2027, 3, 14),
            goal_time_s: Some(2700.0),
        },
        start_date: date(2027, 3, 1),
        phases: vec![
            Phase {
                kind: PhaseKind::Build,
                start: date(2027, 3, 1),
                end: date(2027, 3, 7),
            },
            Phase {
                kind: PhaseKind::Taper,
                start: date(2027, 3, 8),
                end: date(2027, 3, 14),
            },
        ],
        workouts: vec![rest, tempo, intervals, easy, long, hills, spin, race],
    }
}

fn sample_doc() -> AthleteDocument {
    let mut athlete = Athlete::example();
    athlete.name = "Anna".to_owned();
    athlete.vdot = Some(VDOT);
    athlete.units = Units::Km;
    athlete.week_start = WeekStart::Monday;
    let mut doc = AthleteDocument::new(athlete);
    doc.plans.push(sample_plan());
    doc
}

fn generated_doc() -> AthleteDocument {
    let mut athlete = Athlete::example();
    athlete.vdot = Some(VDOT);
    athlete.weekly_volume_km = 35.0;
    let goal = GoalRace {
        name: "City Half".to_owned(),
        distance_m: 21_097.5,
        date: date(2027, 5, 2),
        goal_time_s: None,
    };
    generated_document(
        athlete,
        goal,
        date(2027, 1, 4),
        CrossTrainingPreference::Bike,
    )
}

fn paces() -> TrainingPaces {
    TrainingPaces::from_vdot(VDOT).expect("paces")
}

fn export_text(doc: &AthleteDocument, format: ExportFormat, at: DateTime<Utc>) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join(format!("plan.{}", format.extension()));
    let written = export_plan(doc, format, &out, at).expect("export");
    assert_eq!(written, vec![out.clone()]);
    std::fs::read_to_string(&out).expect("read the export")
}

// ---------------------------------------------------------------------------------------
// iCalendar, read with the `ical` crate and with an unfolding written here from RFC 5545.

/// Undoes RFC 5545 folding: a CRLF followed by one space or tab is removed.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split("\r\n") {
        if let Some(rest) = physical
            .strip_prefix(' ')
            .or_else(|| physical.strip_prefix('\t'))
        {
            lines
                .last_mut()
                .expect("a continuation follows a line")
                .push_str(rest);
        } else if !physical.is_empty() {
            lines.push(physical.to_owned());
        }
    }
    lines
}

/// Undoes RFC 5545 TEXT escaping.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("a lone backslash ends {text:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The events of a calendar as maps from property name (with parameters) to value, from
/// the strict unfolding.
fn events(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut all = Vec::new();
    let mut current: Option<BTreeMap<String, String>> = None;
    for line in unfold(text) {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(BTreeMap::new()),
            "END:VEVENT" => all.push(current.take().expect("an event was open")),
            _ => {
                if let Some(event) = current.as_mut() {
                    // Property names and parameters here never hold a colon.
                    let (name, value) = line.split_once(':').expect("name:value");
                    event.insert(name.to_owned(), value.to_owned());
                }
            }
        }
    }
    all
}

fn value<'a>(event: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    event
        .get(name)
        .map(String::as_str)
        .unwrap_or_else(|| panic!("{name} missing in {event:?}"))
}

fn parse_day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y%m%d").unwrap_or_else(|_| panic!("{text} is a date"))
}

fn uid_by_workout(text: &str, doc: &AthleteDocument) -> BTreeMap<String, String> {
    // The sample has one workout a day.
    let plan = doc.active_plan().expect("plan");
    events(text)
        .iter()
        .map(|e| {
            let day = parse_day(value(e, "DTSTART;VALUE=DATE"));
            let w = plan
                .workouts
                .iter()
                .find(|w| w.date == day)
                .unwrap_or_else(|| panic!("no workout on {day}"));
            (w.display_title(), value(e, "UID").to_owned())
        })
        .collect()
}

#[test]
fn the_calendar_has_crlf_lines_of_at_most_75_octets() {
    let text = export_text(&sample_doc(), ExportFormat::Ics, now());
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "a bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "a bare CR at byte {i}");
        }
    }
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let physical: Vec<&str> = text.split("\r\n").collect();
    for line in &physical {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(
        physical.iter().any(|l| l.starts_with(' ')),
        "the long descriptions were folded"
    );
}

#[test]
fn the_calendar_parses_back_with_one_complete_event_per_workout() {
    let doc = sample_doc();
    let text = export_text(&doc, ExportFormat::Ics, now());
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("the calendar parses");
    assert!(parser.next().is_none(), "only one calendar");
    let version = calendar
        .properties
        .iter()
        .find(|p| p.name == "VERSION")
        .and_then(|p| p.value.clone());
    assert_eq!(version.as_deref(), Some("2.0"));
    assert!(calendar.properties.iter().any(|p| p.name == "PRODID"));

    // Seven workouts that are not rest days.
    assert_eq!(calendar.events.len(), 7);
    let mut uids = BTreeSet::new();
    for event in &calendar.events {
        let prop = |name: &str| {
            event
                .properties
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("{name} missing"))
        };
        let uid = prop("UID").value.clone().expect("UID value");
        assert!(uids.insert(uid.clone()), "UID {uid} twice");
        assert_eq!(prop("DTSTAMP").value.as_deref(), Some("20270220T083000Z"));
        let is_date = |p: &ical::property::Property| {
            p.params.as_ref().is_some_and(|params| {
                params
                    .iter()
                    .any(|(k, v)| k == "VALUE" && v == &vec!["DATE".to_owned()])
            })
        };
        let start = prop("DTSTART");
        let end = prop("DTEND");
        assert!(is_date(start) && is_date(end), "all-day: {start:?} {end:?}");
        let start_day = parse_day(start.value.as_deref().expect("start"));
        let end_day = parse_day(end.value.as_deref().expect("end"));
        assert_eq!(end_day, start_day.succ_opt().expect("next day"));
        assert!(prop("SUMMARY").value.is_some());
        assert!(prop("DESCRIPTION").value.is_some());
    }
}

#[test]
fn summaries_and_descriptions_name_the_workout_and_its_paces() {
    let doc = sample_doc();
    let text = export_text(&doc, ExportFormat::Ics, now());
    let events = events(&text);
    let p = paces();
    let find = |title: &str| {
        events
            .iter()
            .find(|e| unescape(value(e, "SUMMARY")).contains(title))
            .unwrap_or_else(|| panic!("no event for {title}"))
    };
    let threshold = format_pace(p.threshold_s_per_km, Units::Km);
    let easy = format_pace(p.easy_typical_s_per_km, Units::Km);
    let interval = format_pace(p.interval_s_per_km, Units::Km);

    // The title starts with the kind: no word before it; the target pace of its work after.
    let tempo = find("Tempo, threshold; steady");
    assert_eq!(
        unescape(value(tempo, "SUMMARY")),
        format!("Tempo, threshold; steady @ {threshold} · 7 km")
    );
    assert!(
        value(tempo, "SUMMARY").starts_with("Tempo\\, threshold\\; steady"),
        "escaped"
    );
    assert_eq!(value(tempo, "DTSTART;VALUE=DATE"), "20270302");
    assert_eq!(value(tempo, "DTEND;VALUE=DATE"), "20270303");
    let description = unescape(value(tempo, "DESCRIPTION"));
    for part in [
        "Effort: hard".to_owned(),
        format!("Work 3 km at threshold pace {threshold}"),
        format!("Warm-up 2 km at easy pace {easy}"),
        "Planned: 7 km, 35 min".to_owned(),
    ] {
        assert!(description.contains(&part), "{part:?} in {description}");
    }

    // A title that does not name the kind gets the kind's word first.
    let intervals = find("Intervalles à la piste 🏃 5 x 1000 m");
    assert_eq!(
        unescape(value(intervals, "SUMMARY")),
        format!("Intervals: Intervalles à la piste 🏃 5 x 1000 m @ {interval} · 9.5 km")
    );
    let description = unescape(value(intervals, "DESCRIPTION"));
    for part in [
        "Warm-up 15 min at 120-140 bpm",
        "5 times:",
        &format!("- Work 1 km at interval pace {interval}, RPE 8"),
        &format!("- Recovery 90 s at easy pace {easy}"),
        "Cool-down 10 min",
        "Track: lane 2\\3, bring water; spikes optional.\nStretch after.",
    ] {
        assert!(description.contains(part), "{part:?} in {description}");
    }
    assert!(
        !description.contains("1:30"),
        "90 s, not 1:30: {description}"
    );
    assert!(
        value(intervals, "DESCRIPTION").contains("lane 2\\\\3\\, bring water\\; spikes"),
        "backslash, comma and semicolon escaped"
    );

    let hills = find("Hills 6 x 60 s");
    assert_eq!(
        unescape(value(hills, "SUMMARY")),
        "Hills 6 x 60 s @ 4:00-4:10/km · 35 min"
    );
    let description = unescape(value(hills, "DESCRIPTION"));
    for part in [
        "Work 1 min at 4:00-4:10/km",
        "Warm-up 10 min at RPE 3",
        "- Recovery 90 s\n",
    ] {
        assert!(description.contains(part), "{part:?} in {description}");
    }

    // An easy run without steps: the kind as title, the easy range from the Daniels paces,
    // and no "(Easy)" after a title that says it.
    let easy_run = find("Easy ·");
    assert_eq!(unescape(value(easy_run, "SUMMARY")), "Easy · 8 km");
    let description = unescape(value(easy_run, "DESCRIPTION"));
    let slow = format_pace(p.easy_slow_s_per_km, Units::Km);
    assert!(description.contains(&slow), "{slow} in {description}");
    assert!(
        description.starts_with("Easy pace ") && !description.contains("Effort"),
        "{description}"
    );

    // Cross-training says its sport, and its amount once.
    let spin = find("Easy spin");
    assert_eq!(unescape(value(spin, "SUMMARY")), "Bike: Easy spin · 45 min");
    assert_eq!(
        unescape(value(spin, "DESCRIPTION")),
        "Effort: easy\nPlanned: 45 min"
    );

    // The goal race: the goal time and its pace, and the goal time as the planned time.
    let race = find("City 10K");
    assert_eq!(unescape(value(race, "SUMMARY")), "Race: City 10K · 10 km");
    let goal_pace = format_pace(2700.0 / 10.0, Units::Km);
    assert_eq!(goal_pace, "4:30/km");
    assert_eq!(
        unescape(value(race, "DESCRIPTION")),
        format!("Goal 45:00 ({goal_pace})\nPlanned: 10 km, 45:00")
    );
    assert!(
        events
            .iter()
            .all(|e| !value(e, "SUMMARY").starts_with("Rest")),
        "rest days have no event"
    );
}

#[test]
fn an_athlete_in_miles_gets_miles_and_paces_per_mile() {
    let mut doc = sample_doc();
    doc.athlete.units = Units::Miles;
    let text = export_text(&doc, ExportFormat::Ics, now());
    let events = events(&text);
    let long = events
        .iter()
        .find(|e| value(e, "SUMMARY").starts_with("Long run"))
        .expect("long run");
    // 14 km is 8.70 miles.
    assert_eq!(unescape(value(long, "SUMMARY")), "Long run · 8.7 mi");
    let tempo = events
        .iter()
        .find(|e| value(e, "SUMMARY").starts_with("Tempo"))
        .expect("tempo");
    let threshold = format_pace(paces().threshold_s_per_km, Units::Miles);
    assert!(threshold.ends_with("/mi"));
    assert!(unescape(value(tempo, "DESCRIPTION")).contains(&threshold));
}

#[test]
fn uids_stay_the_same_across_exports_and_when_a_workout_moves() {
    let doc = sample_doc();
    let first = export_text(&doc, ExportFormat::Ics, now());
    let later = now() + chrono::TimeDelta::days(3);
    let second = export_text(&doc, ExportFormat::Ics, later);
    assert_ne!(first, second, "the DTSTAMP follows the export time");
    let before = uid_by_workout(&first, &doc);
    assert_eq!(before.len(), 7);
    assert_eq!(before, uid_by_workout(&second, &doc));
    let distinct: BTreeSet<&String> = before.values().collect();
    assert_eq!(distinct.len(), before.len(), "UIDs are unique");

    let mut moved = doc.clone();
    let plan = &mut moved.plans[0];
    let tempo = plan
        .workouts
        .iter_mut()
        .find(|w| w.id == WorkoutId(2))
        .expect("tempo");
    tempo.date = date(2027, 3, 3);
    tempo.title.push_str(" (moved)");
    let third = export_text(&moved, ExportFormat::Ics, now());
    let after = uid_by_workout(&third, &moved);
    assert_eq!(
        after.get("Tempo, threshold; steady (moved)"),
        before.get("Tempo, threshold; steady"),
        "the moved and renamed workout keeps its UID"
    );
    let moved_event = events(&third)
        .into_iter()
        .find(|e| value(e, "SUMMARY").contains("moved"))
        .expect("moved event");
    assert_eq!(value(&moved_event, "DTSTART;VALUE=DATE"), "20270303");

    // Another plan gives other UIDs, even for the same workout ids.
    let mut other = doc.clone();
    other.plans[0].name = "Autumn 10K".to_owned();
    let fourth = export_text(&other, ExportFormat::Ics, now());
    let others: BTreeSet<String> = uid_by_workout(&fourth, &other).into_values().collect();
    assert!(others.iter().all(|u| !before.values().any(|b| b == u)));
}

#[test]
fn folding_never_splits_a_character() {
    let mut doc = sample_doc();
    let title = format!("{}{}{}", "é".repeat(50), "🏃‍♀️".repeat(12), "ü".repeat(33));
    doc.plans[0].workouts[1].title = title.clone();
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("plan.ics");
    export_plan(&doc, ExportFormat::Ics, &out, now()).expect("export");
    let bytes = std::fs::read(&out).expect("read");
    let text = String::from_utf8(bytes).expect("every physical line is whole UTF-8");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let summary = events(&text)
        .into_iter()
        .map(|e| unescape(value(&e, "SUMMARY")))
        .find(|s| s.starts_with("Tempo: é"))
        .expect("the summary");
    let threshold = format_pace(paces().threshold_s_per_km, Units::Km);
    assert_eq!(summary, format!("Tempo: {title} @ {threshold} · 7 km"));
}

proptest::proptest! {
    #[test]
    fn folding_keeps_the_text_and_its_characters(text in "\\PC{0,300}") {
        let line = format!("DESCRIPTION:{text}");
        let folded = ics::fold_line(&line);
        for physical in folded.split("\r\n") {
            proptest::prop_assert!(physical.len() <= 75);
        }
        proptest::prop_assert_eq!(unfold(&folded).concat(), line);
    }

    #[test]
    fn escaping_round_trips(text in "[a-z;,\\\\\n é]{0,60}") {
        let escaped = ics::escape_text(&text);
        proptest::prop_assert!(!escaped.contains('\n'));
        proptest::prop_assert_eq!(unescape(&escaped), text);
    }
}

#[test]
fn the_calendar_text_is_stable() {
    let text = export_text(&sample_doc(), ExportFormat::Ics, now());
    // Shown with LF line ends; the test above checks the CRLFs.
    insta::assert_snapshot!("ics", text.replace("\r\n", "\n"));
}

// ---------------------------------------------------------------------------------------
// CSV and RON

#[test]
fn the_csv_reads_back_into_the_same_plan() {
    for doc in [sample_doc(), generated_doc()] {
        let plan = doc.active_plan().expect("plan");
        let text = export_text(&doc, ExportFormat::Csv, now());
        let back = plan_csv::read_plan(&text).expect("the export reads back");
        let mut expected: Vec<&Workout> = plan
            .workouts
            .iter()
            .filter(|w| !matches!(w.kind, WorkoutKind::Rest))
            .collect();
        expected.sort_by_key(|w| (w.date, w.id));
        assert_eq!(back.workouts.len(), expected.len());
        for (a, b) in expected.iter().zip(&back.workouts) {
            assert_eq!(a.date, b.date);
            assert_eq!(plan_csv::kind_name(&a.kind), plan_csv::kind_name(&b.kind));
            assert_eq!(a.intensity(), b.intensity(), "{}", a.display_title());
            assert_eq!(a.display_title(), b.title);
            match (a.planned_distance_m, b.planned_distance_m) {
                (Some(x), Some(y)) => assert!((x - y).abs() <= 5.0, "{x} {y}"),
                (x, y) => assert_eq!(x, y, "{}", a.display_title()),
            }
            if let Some(d) = a.planned_duration_s {
                let read = b.planned_duration_s.expect("duration");
                assert!((d - read).abs() <= 3.0, "{d} {read}");
            }
        }
        assert_eq!(back.goal.date, plan.goal.date);
        assert!((back.goal.distance_m - plan.goal.distance_m).abs() < 5.0);
    }
}

#[test]
fn the_ron_document_opens_in_stride_with_the_same_plan() {
    let today = date(2026, 11, 29);
    let demo = storage::demo_document(today).expect("demo");
    for doc in [sample_doc(), generated_doc(), demo] {
        let dir = tempfile::tempdir().expect("dir");
        let out = dir.path().join("plan.ron");
        export_plan(&doc, ExportFormat::Ron, &out, now()).expect("export");
        let back = storage::load_document(&out).expect("the export opens");
        assert_eq!(back.plans.len(), 1);
        assert_eq!(back.active_plan(), doc.active_plan());
        assert_eq!(back.athlete, doc.athlete);
        assert_eq!(back.settings, doc.settings);
        assert!(back.history.activities.is_empty() && back.history.wellness.is_empty());
    }
}

#[test]
fn a_document_without_a_plan_is_refused_and_nothing_is_written() {
    let doc = AthleteDocument::new(Athlete::example());
    let dir = tempfile::tempdir().expect("dir");
    for format in ExportFormat::ALL {
        let out = dir.path().join(format!("plan.{}", format.extension()));
        let e = export_plan(&doc, format, &out, now()).expect_err("no plan");
        assert!(matches!(e, ExportError::NoPlan), "{e}");
        assert!(e.to_string().contains("no plan"), "{e}");
        assert!(!out.exists());
    }
}

#[test]
fn a_file_in_a_missing_folder_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("missing").join("plan.ics");
    let e = export_plan(&sample_doc(), ExportFormat::Ics, &out, now()).expect_err("fails");
    assert!(matches!(e, ExportError::Io { .. }), "{e}");
    assert!(e.to_string().contains("plan.ics"), "{e}");
}

#[test]
fn formats_have_distinct_extensions_and_only_fit_writes_a_folder() {
    let extensions: BTreeSet<&str> = ExportFormat::ALL.iter().map(|f| f.extension()).collect();
    assert_eq!(extensions.len(), 5);
    let labels: BTreeSet<&str> = ExportFormat::ALL.iter().map(|f| f.label()).collect();
    assert_eq!(labels.len(), 5);
    for f in ExportFormat::ALL {
        assert_eq!(f.writes_folder(), f == ExportFormat::Fit);
    }
}

// ---------------------------------------------------------------------------------------
// FIT, decoded with `fitparser`.

/// A decoded workout step: the fields the tests compare.
#[derive(Debug, Default, PartialEq)]
struct FitStep {
    index: i64,
    duration_type: String,
    /// Seconds, metres or (for a repeat) the step to go back to.
    duration: f64,
    target_type: Option<String>,
    low: Option<f64>,
    high: Option<f64>,
    repeat_steps: Option<i64>,
    intensity: Option<String>,
}

fn number(v: &fitparser::Value) -> f64 {
    match v {
        fitparser::Value::Float64(x) => *x,
        fitparser::Value::Float32(x) => f64::from(*x),
        other => {
            let n: i64 = other.try_into().unwrap_or_else(|_| panic!("{other:?}"));
            n as f64
        }
    }
}

fn text(v: &fitparser::Value) -> String {
    match v {
        fitparser::Value::String(s) => s.clone(),
        other => format!("{other}"),
    }
}

struct Decoded {
    file_type: String,
    name: String,
    sport: String,
    num_valid_steps: i64,
    steps: Vec<FitStep>,
}

fn decode(path: &Path) -> Decoded {
    let bytes = std::fs::read(path).expect("read the FIT file");
    let records = fitparser::from_bytes(&bytes).expect("fitparser decodes the file");
    let mut decoded = Decoded {
        file_type: String::new(),
        name: String::new(),
        sport: String::new(),
        num_valid_steps: -1,
        steps: Vec::new(),
    };
    for r in &records {
        let field = |name: &str| r.fields().iter().find(|f| f.name() == name);
        match r.kind() {
            fitparser::profile::MesgNum::FileId => {
                decoded.file_type = text(field("type").expect("type").value());
            }
            fitparser::profile::MesgNum::Workout => {
                decoded.name = text(field("wkt_name").expect("name").value());
                decoded.sport = text(field("sport").expect("sport").value());
                decoded.num_valid_steps =
                    number(field("num_valid_steps").expect("count").value()) as i64;
            }
            fitparser::profile::MesgNum::WorkoutStep => {
                let duration_type = text(field("duration_type").expect("duration").value());
                let duration = ["duration_time", "duration_distance", "duration_step"]
                    .iter()
                    .find_map(|n| field(n))
                    .map(|f| number(f.value()))
                    .expect("a duration value");
                let low = ["custom_target_speed_low", "custom_target_heart_rate_low"]
                    .iter()
                    .find_map(|n| field(n))
                    .map(|f| number(f.value()));
                let high = ["custom_target_speed_high", "custom_target_heart_rate_high"]
                    .iter()
                    .find_map(|n| field(n))
                    .map(|f| number(f.value()));
                decoded.steps.push(FitStep {
                    index: number(field("message_index").expect("index").value()) as i64,
                    duration_type,
                    duration,
                    target_type: field("target_type").map(|f| text(f.value())),
                    low,
                    high,
                    repeat_steps: field("repeat_steps").map(|f| number(f.value()) as i64),
                    intensity: field("intensity").map(|f| text(f.value())),
                });
            }
            _ => {}
        }
    }
    decoded
}

fn export_fit(doc: &AthleteDocument) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("workouts");
    let files = export_plan(doc, ExportFormat::Fit, &out, now()).expect("export");
    for f in &files {
        assert_eq!(f.parent(), Some(out.as_path()));
        assert!(f.exists());
    }
    (dir, files)
}

fn names(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .map(|f| f.file_name().expect("name").to_string_lossy().into_owned())
        .collect()
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// Speed in m/s of a pace in seconds per km.
fn speed(pace: f64) -> f64 {
    1000.0 / pace
}

#[test]
fn each_structured_workout_becomes_a_fit_file_named_by_day_and_kind() {
    let (_dir, files) = export_fit(&sample_doc());
    assert_eq!(
        names(&files),
        [
            "2027-03-02-tempo.fit",
            "2027-03-04-intervals.fit",
            "2027-03-09-hills.fit"
        ]
    );
    for f in &files {
        let d = decode(f);
        assert_eq!(d.file_type, "workout");
        assert_eq!(d.sport, "running");
        assert_eq!(d.num_valid_steps, d.steps.len() as i64);
        let indices: Vec<i64> = d.steps.iter().map(|s| s.index).collect();
        assert_eq!(indices, (0..d.steps.len() as i64).collect::<Vec<_>>());
    }
}

#[test]
fn the_tempo_decodes_into_its_three_steps_with_pace_ranges() {
    let (_dir, files) = export_fit(&sample_doc());
    let d = decode(&files[0]);
    assert_eq!(d.name, "Tempo, threshold; steady");
    let p = paces();
    let kinds: Vec<(&str, f64, Option<&str>)> = d
        .steps
        .iter()
        .map(|s| (s.duration_type.as_str(), s.duration, s.intensity.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("distance", 2000.0, Some("warmup")),
            ("distance", 3000.0, Some("active")),
            ("distance", 2000.0, Some("cooldown")),
        ]
    );
    for s in &d.steps {
        assert_eq!(s.target_type.as_deref(), Some("speed"));
        let (low, high) = (s.low.expect("low"), s.high.expect("high"));
        assert!(low < high, "{s:?}");
    }
    // Easy: the Daniels easy range, 59-74% of VDOT.
    let warm = &d.steps[0];
    assert!(close(
        warm.low.expect("low"),
        speed(p.easy_slow_s_per_km),
        0.002
    ));
    assert!(close(
        warm.high.expect("high"),
        speed(p.easy_fast_s_per_km),
        0.002
    ));
    // Threshold: a narrow window around the T pace.
    let work = &d.steps[1];
    let t = speed(p.threshold_s_per_km);
    let (low, high) = (work.low.expect("low"), work.high.expect("high"));
    assert!(low < t && t < high, "{low} < {t} < {high}");
    assert!(high / low < 1.08, "a narrow window: {low}-{high}");
}

#[test]
fn the_intervals_decode_with_their_repeat_heart_rate_and_open_steps() {
    let (_dir, files) = export_fit(&sample_doc());
    let d = decode(&files[1]);
    assert_eq!(d.name, "Intervalles à la piste 🏃 5 x 1000 m");
    let p = paces();
    assert_eq!(
        d.steps.len(),
        5,
        "warm-up, work, recovery, repeat, cool-down"
    );
    let warm = &d.steps[0];
    assert_eq!(
        (warm.duration_type.as_str(), warm.duration),
        ("time", 900.0)
    );
    assert_eq!(warm.target_type.as_deref(), Some("heart_rate"));
    // Custom heart rates are stored as bpm + 100 (the FIT profile's `workout_hr`).
    assert_eq!((warm.low, warm.high), (Some(220.0), Some(240.0)));

    let work = &d.steps[1];
    assert_eq!(
        (work.duration_type.as_str(), work.duration),
        ("distance", 1000.0)
    );
    assert_eq!(work.intensity.as_deref(), Some("active"));
    let i = speed(p.interval_s_per_km);
    assert!(work.low.expect("low") < i && i < work.high.expect("high"));

    let recovery = &d.steps[2];
    assert_eq!(
        (recovery.duration_type.as_str(), recovery.duration),
        ("time", 90.0)
    );
    assert_eq!(recovery.intensity.as_deref(), Some("rest"));
    assert!(close(
        recovery.low.expect("low"),
        speed(p.easy_slow_s_per_km),
        0.002
    ));

    let repeat = &d.steps[3];
    assert_eq!(repeat.duration_type, "repeat_until_steps_cmplt");
    assert_eq!(repeat.duration, 1.0, "back to the work step");
    assert_eq!(repeat.repeat_steps, Some(5));

    let cool = &d.steps[4];
    assert_eq!(
        (cool.duration_type.as_str(), cool.duration),
        ("time", 600.0)
    );
    assert_eq!(cool.target_type.as_deref(), Some("open"));
    assert_eq!(cool.intensity.as_deref(), Some("cooldown"));
}

#[test]
fn the_hills_decode_with_their_pace_range_and_an_open_rpe_step() {
    let (_dir, files) = export_fit(&sample_doc());
    let d = decode(&files[2]);
    assert_eq!(d.steps.len(), 5);
    assert_eq!(
        d.steps[0].target_type.as_deref(),
        Some("open"),
        "RPE is not a watch target"
    );
    let work = &d.steps[1];
    // 4:00-4:10/km: 4.167 and 4.000 m/s.
    assert!(
        close(work.high.expect("high"), 1000.0 / 240.0, 0.001),
        "{work:?}"
    );
    assert!(
        close(work.low.expect("low"), 1000.0 / 250.0, 0.001),
        "{work:?}"
    );
    assert_eq!(d.steps[2].target_type.as_deref(), Some("open"));
    assert_eq!(d.steps[3].duration_type, "repeat_until_steps_cmplt");
    assert_eq!(
        (d.steps[3].duration, d.steps[3].repeat_steps),
        (1.0, Some(6))
    );
}

/// The steps a workout should decode into, worked out from the model: (duration type,
/// amount, repeat target, repetitions).
fn expected_steps(w: &Workout) -> Vec<(String, f64, Option<i64>)> {
    let one = |s: &Segment| match s.length {
        SegmentLength::Duration(t) => ("time".to_owned(), t, None),
        SegmentLength::Distance(m) => ("distance".to_owned(), m, None),
    };
    let mut out = Vec::new();
    for step in &w.steps {
        match step {
            Step::Single(s) => out.push(one(s)),
            Step::Repeat { times, segments } => {
                let first = out.len() as f64;
                out.extend(segments.iter().map(one));
                out.push((
                    "repeat_until_steps_cmplt".to_owned(),
                    first,
                    Some(i64::from(*times)),
                ));
            }
        }
    }
    out
}

#[test]
fn every_structured_workout_of_real_plans_decodes_into_its_steps() {
    let today = date(2026, 11, 29);
    let demo = storage::demo_document(today).expect("demo");
    for doc in [demo, generated_doc()] {
        let plan = doc.active_plan().expect("plan");
        let mut structured: Vec<&Workout> = plan
            .workouts
            .iter()
            .filter(|w| w.kind.is_running() && !w.steps.is_empty())
            .collect();
        structured.sort_by_key(|w| (w.date, w.id));
        let (_dir, files) = export_fit(&doc);
        assert_eq!(files.len(), structured.len());
        let unique: BTreeSet<&PathBuf> = files.iter().collect();
        assert_eq!(unique.len(), files.len(), "no file overwrites another");
        for (w, f) in structured.iter().zip(&files) {
            let name = f.file_name().expect("name").to_string_lossy().into_owned();
            assert!(name.starts_with(&w.date.to_string()), "{name}");
            let d = decode(f);
            assert_eq!(d.name, w.display_title());
            let got: Vec<(String, f64, Option<i64>)> = d
                .steps
                .iter()
                .map(|s| (s.duration_type.clone(), s.duration, s.repeat_steps))
                .collect();
            let want = expected_steps(w);
            assert_eq!(got.len(), want.len(), "{name}");
            for (g, e) in got.iter().zip(&want) {
                assert_eq!(g.0, e.0, "{name}");
                assert!(close(g.1, e.1, 0.01), "{name}: {g:?} {e:?}");
                assert_eq!(g.2, e.2, "{name}");
            }
        }
    }
}

#[test]
fn a_plan_without_structured_workouts_writes_no_fit_files() {
    let mut doc = sample_doc();
    for w in &mut doc.plans[0].workouts {
        w.steps.clear();
    }
    let dir = tempfile::tempdir().expect("dir");
    let e = export_plan(&doc, ExportFormat::Fit, &dir.path().join("w"), now())
        .expect_err("nothing to write");
    assert!(matches!(e, ExportError::NoStructuredWorkouts), "{e}");
}

// ---------------------------------------------------------------------------------------
// HTML

/// Replaces the inline chart with a marker, so the snapshot shows the page's own markup.
fn without_svg(html: &str) -> String {
    let start = html.find("<svg").expect("an inline svg");
    let end = html.find("</svg>").expect("the svg ends") + "</svg>".len();
    format!("{}<svg>chart</svg>{}", &html[..start], &html[end..])
}

fn weeks_between(first: NaiveDate, last: NaiveDate) -> usize {
    ((last - first).num_days() / 7 + 1) as usize
}

#[test]
fn the_printable_plan_has_every_week_every_workout_and_the_chart() {
    for doc in [sample_doc(), generated_doc()] {
        let plan = doc.active_plan().expect("plan");
        let html = export_text(&doc, ExportFormat::Html, now());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("@media print"));
        assert!(html.contains("<svg") && html.contains("</svg>"));
        assert!(html.contains("Fitness") && html.contains("Fatigue"));
        assert!(!html.contains("<script"), "self-contained, no scripts");
        assert_eq!(
            html.matches("Fitness, fatigue and form").count(),
            1,
            "one title"
        );
        let first = WeekStart::Monday.week_of(plan.start_date);
        let last = WeekStart::Monday.week_of(plan.end_date());
        let weeks = weeks_between(first, last);
        assert_eq!(html.matches("<td class=\"week\">").count(), weeks);
        for n in 1..=weeks {
            assert!(
                html.contains(&format!("<td class=\"week\"><b>{n}</b>")),
                "week {n}"
            );
        }
        // A mark per workout, and a box to tick for each that is not a rest day.
        let page = without_svg(&html);
        assert_eq!(page.matches("<div class=\"w ").count(), plan.workouts.len());
        let to_do = plan
            .workouts
            .iter()
            .filter(|w| w.kind != WorkoutKind::Rest)
            .count();
        assert_eq!(
            page.matches("<span class=\"tick\">").count(),
            to_do + 1,
            "and the key's"
        );
        // No letters for intensities, and no zone letters left in the cells.
        for letters in [
            "Letters:",
            "<span class=\"k\">",
            " at T<",
            " at I<",
            " at M<",
        ] {
            assert!(!page.contains(letters), "{letters}");
        }
    }
}

#[test]
fn the_printable_plan_sums_each_week_in_whole_kilometres() {
    let html = export_text(&sample_doc(), ExportFormat::Html, now());
    let volumes: Vec<&str> = html
        .split("<td class=\"volume\">")
        .skip(1)
        .map(|rest| rest.split('<').next().expect("volume"))
        .collect();
    // Week 1: tempo 7 + intervals 9.5 + easy 8 + long 14 km = 38.5 km; week 2: hills (6 x 60 s
    // and 20 min around them, about 6.5 km at the paces) and the 10 km race.
    assert_eq!(volumes, ["39 km", "17 km"]);
}

#[test]
fn the_printable_plan_marks_today_numbers_the_notes_and_gives_the_goal() {
    let doc = sample_doc();
    let plan = doc.active_plan().expect("plan");
    let today = date(2027, 3, 4);
    let html = stride::export::html::printable_plan(&doc, plan, today);
    assert_eq!(html.matches("class=\"day today\"").count(), 1);
    // Thursday of week 1, the intervals day: the outline is in the fourth day's cell.
    let week_one = html
        .split("<td class=\"week\"><b>1</b>")
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .expect("week 1");
    let cells: Vec<&str> = week_one.split("<td class=\"day").skip(1).collect();
    assert_eq!(cells.len(), 7);
    assert!(cells[3].starts_with(" today") && cells[3].contains("Intervalles"));
    // Notes once each, numbered: rest's, then the intervals'.
    assert!(html.contains("<sup>1</sup>&nbsp;Sleep in."));
    assert!(html.contains(
        "<sup>2</sup>&nbsp;Track: lane 2\\3, bring water; spikes optional. Stretch after."
    ));
    assert!(html.contains("<div class=\"goal\">Goal 45:00 (4:30/km)</div>"));
    assert!(html.contains("City 10K: 10 km on Sunday 14 March 2027 · Goal 45:00 (4:30/km)"));
    // The bike ride is marked as another sport, not as an easy run.
    assert!(
        html.contains("<div class=\"w cross\"><span class=\"tick\"></span><b>Bike</b>: Easy spin")
    );
    // Training paces in words.
    let p = paces();
    assert!(html.contains(&format!(
        "threshold {} · interval {}",
        format_pace(p.threshold_s_per_km, Units::Km),
        format_pace(p.interval_s_per_km, Units::Km)
    )));
}

#[test]
fn the_printable_plan_is_stable() {
    let html = export_text(&sample_doc(), ExportFormat::Html, now());
    insta::assert_snapshot!("html", without_svg(&html));
}

// ---------------------------------------------------------------------------------------
// The command line

fn stride(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .output()
        .expect("run stride")
}

/// `stride export DOC --format FORMAT --out OUT`.
fn export_cli(doc: &Path, format: &str, out: &Path) -> Output {
    stride(&[
        "export",
        doc.to_str().expect("p"),
        "--format",
        format,
        "--out",
        out.to_str().expect("p"),
    ])
}

fn out_text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

fn saved(dir: &Path, doc: &AthleteDocument) -> PathBuf {
    let path = dir.join("anna.ron");
    storage::save_document(doc, &path).expect("save");
    path
}

#[test]
fn stride_export_prints_each_file_it_wrote() {
    let dir = tempfile::tempdir().expect("dir");
    let doc_path = saved(dir.path(), &sample_doc());
    let doc = doc_path.to_str().expect("path");
    let ics = dir.path().join("plan.ics");
    let o = stride(&[
        "export",
        doc,
        "--format",
        "ics",
        "--out",
        ics.to_str().expect("p"),
        "--now",
        "2027-02-20T08:30:00Z",
    ]);
    assert!(o.status.success(), "{}", out_text(&o.stderr));
    assert_eq!(out_text(&o.stdout), format!("wrote {}\n", ics.display()));
    assert_eq!(
        std::fs::read_to_string(&ics).expect("read"),
        export_text(&sample_doc(), ExportFormat::Ics, now()),
        "--now makes the file reproducible"
    );

    let folder = dir.path().join("watch");
    let o = stride(&[
        "export",
        doc,
        "--format",
        "fit",
        "--out",
        folder.to_str().expect("p"),
    ]);
    assert!(o.status.success(), "{}", out_text(&o.stderr));
    let lines: Vec<String> = out_text(&o.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 3);
    for line in &lines {
        let path = line.strip_prefix("wrote ").expect("wrote PATH");
        assert!(Path::new(path).starts_with(&folder) && Path::new(path).exists());
    }

    for (format, name) in [
        ("csv", "plan.csv"),
        ("ron", "plan.ron"),
        ("html", "plan.html"),
    ] {
        let out = dir.path().join(name);
        let o = stride(&[
            "export",
            doc,
            "--format",
            format,
            "--out",
            out.to_str().expect("p"),
        ]);
        assert!(o.status.success(), "{format}: {}", out_text(&o.stderr));
        assert_eq!(out_text(&o.stdout), format!("wrote {}\n", out.display()));
    }
    let o = stride(&["validate", dir.path().join("plan.ron").to_str().expect("p")]);
    assert!(
        out_text(&o.stdout).starts_with("ok\n"),
        "the RON export is a document"
    );
}

#[test]
fn stride_export_reports_errors_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("dir");
    let empty = saved(dir.path(), &AthleteDocument::new(Athlete::example()));
    let out = dir.path().join("plan.ics");
    let o = export_cli(&empty, "ics", &out);
    assert_eq!(o.status.code(), Some(2));
    let err = out_text(&o.stderr);
    assert!(
        err.starts_with("error: ") && err.contains("no plan"),
        "{err}"
    );
    assert!(err.contains("anna.ron"), "names the document: {err}");
    assert!(o.stdout.is_empty() && !out.exists());

    let doc = saved(dir.path(), &sample_doc());
    let o = stride(&[
        "export",
        doc.to_str().expect("p"),
        "--format",
        "ics",
        "--out",
        out.to_str().expect("p"),
        "--now",
        "yesterday",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out_text(&o.stderr).starts_with("error: --now 'yesterday'"));

    let missing = dir.path().join("nowhere").join("plan.ics");
    let o = export_cli(&doc, "ics", &missing);
    assert_eq!(o.status.code(), Some(2));
    let err = out_text(&o.stderr);
    assert!(
        err.contains("plan.ics") && err.contains("could not write"),
        "{err}"
    );

    let o = export_cli(&dir.path().join("absent.ron"), "csv", &out);
    assert_eq!(o.status.code(), Some(2));
    assert!(out_text(&o.stderr).contains("absent.ron"));
}

#[test]
fn export_refuses_to_write_over_its_own_input_and_keeps_what_it_replaces() {
    let dir = tempfile::tempdir().expect("dir");
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let doc = storage::demo_document(today).expect("demo");
    let path = saved(dir.path(), &doc);
    let before = std::fs::read(&path).expect("read");
    for format in ["ron", "csv"] {
        let o = export_cli(&path, format, &path);
        assert_eq!(o.status.code(), Some(2), "{format}");
        assert!(
            out_text(&o.stderr).contains("is the document being exported"),
            "{}",
            out_text(&o.stderr)
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{format}: untouched"
        );
    }
    // Through another name for the same file, too.
    let other = dir.path().join(".").join("anna.ron");
    let o = export_cli(&path, "csv", &other);
    assert_eq!(o.status.code(), Some(2));
    // An export that replaces another file keeps that file as .bak.
    let csv = dir.path().join("plan.csv");
    std::fs::write(&csv, "an older export\n").expect("write");
    let o = export_cli(&path, "csv", &csv);
    assert!(o.status.success(), "{}", out_text(&o.stderr));
    let backup = dir.path().join("plan.csv.bak");
    assert_eq!(
        std::fs::read_to_string(&backup).expect("backup"),
        "an older export\n"
    );
    assert!(
        std::fs::read_to_string(&csv)
            .expect("csv")
            .starts_with("date,")
    );
}

#[test]
fn csv_and_html_exports_neutralise_formulas_and_control_characters() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let mut doc = storage::demo_document(today).expect("demo");
    let formula = "=cmd|' /C calc'!A0";
    let plan = &mut doc.plans[0];
    let future: Vec<usize> = (0..plan.workouts.len())
        .filter(|&i| {
            let w = &plan.workouts[i];
            w.date > today && !w.kind.is_race() && w.kind != WorkoutKind::Rest
        })
        .take(2)
        .collect();
    plan.workouts[future[0]].title = formula.to_owned();
    plan.workouts[future[1]].title = "Tempo\u{0} with a bell\u{7}".to_owned();
    let plan = doc.active_plan().expect("plan");
    let context = stride::science::load::LoadContext::new(&doc.athlete, &doc.settings);
    let csv = plan_csv::write_plan(plan, &context);
    assert!(
        !csv.chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r'),
        "no control characters in the CSV"
    );
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let titles: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[6].to_owned())
        .collect();
    assert!(
        titles.iter().any(|t| t == &format!("'{formula}")),
        "{titles:?}"
    );
    assert!(
        titles.iter().all(|t| !t.starts_with(['=', '+', '-', '@'])),
        "{titles:?}"
    );
    // Read back, the title is the one the user typed.
    let back = plan_csv::read_plan(&csv).expect("read");
    assert!(back.workouts.iter().any(|w| w.title == formula));
    let html = stride::export::html::printable_plan(&doc, plan, today);
    assert!(
        !html
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t'),
        "no control characters in the HTML"
    );
    assert!(html.contains("<b>Tempo</b>  with a bell"));
}

#[test]
fn fit_export_refuses_empty_repeats_and_more_steps_than_fit_holds_and_writes_nothing() {
    use SegmentKind::*;
    use SegmentLength::*;
    let easy = || seg(Work, Distance(400.0), Target::PaceZone(PaceZone::E));
    let cases: Vec<(Vec<Step>, &str)> = vec![
        (
            vec![Step::Repeat {
                times: 3,
                segments: vec![],
            }],
            "step 1 is a repeat with nothing in it",
        ),
        (
            vec![
                Step::Single(easy()),
                Step::Repeat {
                    times: 0,
                    segments: vec![easy()],
                },
            ],
            "step 2 is a repeat of 0 times",
        ),
        (
            (0..5000).map(|_| Step::Single(easy())).collect(),
            "it has 5000 steps, and a FIT workout holds at most 4096",
        ),
    ];
    for (steps, words) in cases {
        let mut doc = sample_doc();
        let w = doc.plans[0]
            .workouts
            .iter_mut()
            .find(|w| w.kind == WorkoutKind::Tempo)
            .expect("tempo");
        w.steps = steps;
        let dir = tempfile::tempdir().expect("dir");
        let out = dir.path().join("watch");
        let err = export_plan(&doc, ExportFormat::Fit, &out, now()).expect_err(words);
        let message = err.to_string();
        assert!(message.contains(words), "{message}");
        assert!(message.contains("Tempo, threshold; steady"), "{message}");
        assert!(!out.exists(), "nothing written: {message}");
    }
}

//! `stride plan` and `stride check`, run as a user would.

use std::process::{Command, Output};

fn stride(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .output()
        .expect("run stride")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

const HALF: [&str; 14] = [
    "plan",
    "--race",
    "half",
    "--race-date",
    "2027-04-18",
    "--start",
    "2027-01-18",
    "--level",
    "intermediate",
    "--weekly-km",
    "35",
    "--days",
    "5",
    "--vdot",
];

fn half(extra: &[&str]) -> Output {
    let mut args: Vec<&str> = HALF.to_vec();
    args.push("45");
    args.extend_from_slice(extra);
    stride(&args)
}

#[test]
fn plan_csv_has_the_documented_columns_and_no_rest_rows() {
    let o = half(&["--format", "csv"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("date,kind,intensity,duration_min,distance_km,load,title")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.splitn(7, ',').collect()).collect();
    assert!(rows.len() > 40);
    let kinds = [
        "recovery",
        "easy",
        "long",
        "tempo",
        "intervals",
        "hills",
        "race_pace",
        "fartlek",
        "cross_training",
        "race",
    ];
    let intensities = ["recovery", "easy", "moderate", "hard", "race"];
    for r in &rows {
        assert_eq!(r.len(), 7, "{r:?}");
        assert!(kinds.contains(&r[1]), "{r:?}");
        assert!(intensities.contains(&r[2]), "{r:?}");
        assert!(
            r[3].parse::<f64>().is_ok() && r[5].parse::<f64>().is_ok(),
            "{r:?}"
        );
    }
    let last = rows.last().expect("rows");
    assert_eq!((last[0], last[1], last[2]), ("2027-04-18", "race", "race"));
    assert_eq!(last[4], "21.10");
    assert!(rows.windows(2).all(|w| w[0][0] <= w[1][0]), "date order");
}

#[test]
fn a_generated_plan_checks_clean_as_ron_and_as_csv() {
    let dir = tempfile::tempdir().expect("dir");
    for (format, name) in [("ron", "plan.ron"), ("csv", "plan.csv")] {
        let path = dir.path().join(name);
        let o = half(&["--format", format, "--out", path.to_str().expect("p")]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        assert!(
            o.stdout.is_empty(),
            "--out writes the file, not standard output"
        );
        let check = stride(&["check", path.to_str().expect("p")]);
        assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
        let out = text(&check.stdout);
        if format == "ron" {
            assert_eq!(out, "", "{format}: no findings");
        } else {
            // A CSV row holds no session structure, so R9 can only estimate the easy part of
            // a quality session (half of it) and may read a point or two under the plan's
            // own 80%; every other rule reads the same.
            let others: Vec<&str> = out.lines().filter(|l| !l.contains("\tR9\t")).collect();
            assert!(others.is_empty(), "{format}: {others:?}");
        }
    }
    let doc = stride(&["validate", dir.path().join("plan.ron").to_str().expect("p")]);
    assert!(
        text(&doc.stdout).starts_with("ok\n"),
        "the RON output is an athlete document"
    );
}

#[test]
fn check_prints_tab_separated_findings_and_exits_1_on_errors() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "date,kind,intensity,duration_min,distance_km,load,title\n\
         2027-03-01,tempo,hard,50,10,70,Tempo\n\
         2027-03-02,intervals,hard,50,10,70,Intervals\n\
         2027-03-03,long,moderate,90,16,80,Long\n\
         2027-03-05,easy,easy,40,7,40,Easy\n",
    )
    .expect("write");
    let o = stride(&["check", path.to_str().expect("p")]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert!(lines.iter().all(|l| l.len() == 4), "{out}");
    assert!(
        lines
            .iter()
            .any(|l| l[..3] == ["2027-03-03", "error", "R1"]),
        "{out}"
    );
    assert!(
        lines.iter().any(|l| l[1] == "error" && l[2] == "R2"),
        "{out}"
    );
}

#[test]
fn check_warnings_only_exit_0_and_unreadable_input_exits_2() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("warn.csv");
    std::fs::write(
        &path,
        "date,kind,intensity,duration_min,distance_km,load,title\n\
         2027-03-01,easy,easy,40,7,40,Easy\n\
         2027-03-02,tempo,hard,50,10,70,Tempo\n\
         2027-03-03,easy,easy,40,7,40,Easy\n\
         2027-03-04,tempo,hard,50,10,70,Tempo\n\
         2027-03-05,easy,easy,40,7,40,Easy\n\
         2027-03-06,intervals,hard,50,10,70,Intervals\n",
    )
    .expect("write");
    let o = stride(&["check", path.to_str().expect("p")]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(
        text(&o.stdout).contains("\twarning\tR4\t"),
        "{}",
        text(&o.stdout)
    );
    let o = stride(&["check", "missing.ron"]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::write(
        &path,
        "date,kind,intensity,duration_min,distance_km,load,title\n2027-03-01,jog,easy,40,7,40,x\n",
    )
    .expect("write");
    let o = stride(&["check", path.to_str().expect("p")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains(":2:2: unknown kind 'jog'"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn plan_errors_name_the_field_and_exit_2() {
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "plan",
                "--race",
                "marathon",
                "--race-date",
                "2027-02-01",
                "--start",
                "2027-01-18",
                "--level",
                "beginner",
                "--vdot",
                "40",
            ],
            "race_date: a 42.2 km plan for a beginner needs at least 18 weeks",
        ),
        (
            &[
                "plan",
                "--race",
                "10k",
                "--race-date",
                "2027-06-01",
                "--start",
                "2027-01-18",
                "--level",
                "intermediate",
            ],
            "vdot:",
        ),
        (
            &[
                "plan",
                "--race",
                "10k",
                "--race-date",
                "2027-06-01",
                "--start",
                "2027-01-18",
                "--level",
                "intermediate",
                "--vdot",
                "45",
                "--days",
                "mon,tue",
            ],
            "available_weekdays:",
        ),
        (
            &[
                "plan",
                "--race",
                "10k",
                "--race-date",
                "2027-06-01",
                "--start",
                "2027-01-18",
                "--vdot",
                "45",
            ],
            "--level",
        ),
    ];
    for (args, needle) in cases {
        let o = stride(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            text(&o.stderr).contains(needle),
            "{args:?}: {}",
            text(&o.stderr)
        );
    }
}

#[test]
fn plan_takes_the_profile_from_a_document_and_keeps_its_history() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-athlete.ron");
    let o = stride(&[
        "plan",
        "--race",
        "10k",
        "--race-date",
        "2027-05-02",
        "--start",
        "2027-03-01",
        "--profile",
        demo.to_str().expect("p"),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("anna.ron");
    std::fs::write(&path, o.stdout).expect("write");
    let v = stride(&["validate", path.to_str().expect("p")]);
    let summary = text(&v.stdout);
    assert!(
        summary.contains("Anna K.: 2 plans, active \"10K - 9 weeks\""),
        "{summary}"
    );
    let bundled = stride::storage::load_document(&demo).expect("demo");
    let activities = format!("{} activities", bundled.history.activities.len());
    assert!(summary.contains(&activities), "history kept: {summary}");
}

#[test]
fn without_start_the_plan_begins_next_monday() {
    let o = stride(&[
        "plan",
        "--race",
        "10k",
        "--race-date",
        "2027-06-06",
        "--level",
        "intermediate",
        "--vdot",
        "45",
        "--format",
        "csv",
        "--today",
        "2027-03-03",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let first = out.lines().nth(1).expect("a row");
    let date = &first[..10];
    assert!(
        ("2027-03-08"..="2027-03-14").contains(&date),
        "in the week of Monday 8 March: {first}"
    );
}

#[test]
fn check_adds_the_warning_signs_of_the_documents_history_and_its_readiness() {
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo-athlete.ron");
    // The demo's history ends on 28 Nov 2026 with a week of falling HRV, rising resting HR,
    // poor sleep, easy runs that felt hard and little difference between the days' loads.
    let out = stride(&["check", demo, "--today", "2026-11-29"]);
    assert_eq!(out.status.code(), Some(1), "a red readiness is an error");
    let stdout = text(&out.stdout);
    let signs: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("\tW-"))
        .map(|l| l.split('\t').nth(2).expect("rule column"))
        .collect();
    assert_eq!(
        signs,
        ["W-HRV", "W-HR", "W-SLEEP", "W-SLUGGISH", "W-MONOTONY"],
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l == "2026-11-29\terror\tREADINESS\treadiness red: 5 warning signs"),
        "{stdout}"
    );
    // Months later the check-ins are stale and the load has faded: no signs, and no
    // baseline to judge by until the runner checks in again.
    let later = stride(&["check", demo, "--today", "2027-06-01"]);
    let stdout = text(&later.stdout);
    assert!(!stdout.contains("\tW-"), "{stdout}");
    assert!(
        stdout.lines().any(|l| l
            == "2027-06-01\tinfo\tREADINESS\treadiness: no baseline yet (0 of 14 days of check-ins)"),
        "{stdout}"
    );
    assert_eq!(
        later.status.code(),
        Some(0),
        "a missing baseline is no error"
    );
}

/// A document whose last week of HRV sits well below its 60-day normal.
#[test]
fn check_prints_a_w_hrv_line_for_a_week_of_low_hrv() {
    use stride::model::{Athlete, AthleteDocument, WellnessEntry};
    let today = chrono::NaiveDate::from_ymd_opt(2027, 3, 10).expect("date");
    let mut doc = AthleteDocument::new(Athlete::example());
    for back in 0..67u64 {
        let wobble = [0.9, 1.0, 1.1, 0.95, 1.05, 1.0, 1.0][(back % 7) as usize];
        doc.history.wellness.push(WellnessEntry {
            date: today - chrono::Days::new(back),
            hrv_ms: Some(if back < 7 { 42.0 } else { 62.0 * wobble }),
            ..Default::default()
        });
    }
    doc.history.wellness.sort_by_key(|e| e.date);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("hrv.ron");
    std::fs::write(
        &path,
        stride::storage::document_to_string(&doc).expect("ron"),
    )
    .expect("write");
    let o = stride(&[
        "check",
        path.to_str().expect("path"),
        "--today",
        "2027-03-10",
    ]);
    let stdout = text(&o.stdout);
    let line = stdout
        .lines()
        .find(|l| l.split('\t').nth(2) == Some("W-HRV"))
        .unwrap_or_else(|| panic!("a W-HRV line: {stdout}"));
    assert!(line.starts_with("2027-03-10\t"), "{line}");
    assert!(line.contains("below your normal range"), "{line}");
}

/// `stride plan ... --format csv` rows as (date, kind) pairs.
fn plan_rows(extra: &[&str]) -> Vec<(chrono::NaiveDate, String)> {
    let mut args = vec!["plan", "--format", "csv"];
    args.extend_from_slice(extra);
    let o = stride(&args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    text(&o.stdout)
        .lines()
        .skip(1)
        .map(|l| {
            let mut f = l.split(',');
            let date = f.next().and_then(|d| d.parse().ok()).expect("date");
            (date, f.next().expect("kind").to_owned())
        })
        .collect()
}

#[test]
fn plans_never_put_a_quality_session_the_day_after_the_long_run() {
    use chrono::Days;
    let quality = ["tempo", "intervals", "hills", "race_pace"];
    for extra in [
        &[
            "--race",
            "marathon",
            "--race-date",
            "2027-05-02",
            "--start",
            "2027-01-04",
            "--level",
            "advanced",
            "--vdot",
            "60",
            "--weekly-km",
            "90",
            "--days",
            "7",
            "--long-run-day",
            "sun",
        ][..],
        &[
            "--race",
            "half",
            "--race-date",
            "2027-04-18",
            "--start",
            "2027-01-04",
            "--level",
            "intermediate",
            "--vdot",
            "45",
            "--days",
            "5",
        ][..],
    ] {
        let rows = plan_rows(extra);
        let longs: Vec<_> = rows
            .iter()
            .filter(|(_, k)| k == "long")
            .map(|(d, _)| *d)
            .collect();
        assert!(longs.len() > 8, "{extra:?}");
        for long in longs {
            let next = long + Days::new(1);
            assert!(
                !rows
                    .iter()
                    .any(|(d, k)| *d == next && quality.contains(&k.as_str())),
                "{extra:?}: quality on {next}, the day after the long run"
            );
        }
    }
}

#[test]
fn days_that_cannot_space_two_quality_sessions_get_one_and_a_note() {
    let o = stride(&[
        "plan",
        "--race",
        "10k",
        "--race-date",
        "2027-04-02",
        "--start",
        "2027-01-04",
        "--level",
        "intermediate",
        "--vdot",
        "45",
        "--weekly-km",
        "25",
        "--days",
        "mon,tue,sun",
        "--format",
        "ron",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("note: One quality session a week: on Mon, Tue, Sun"),
        "{}",
        text(&o.stderr)
    );
    let doc =
        stride::storage::document_from_str(&text(&o.stdout), std::path::Path::new("plan.ron"))
            .expect("a document");
    let plan = doc.active_plan().expect("plan");
    assert_eq!(plan.notes.len(), 1, "the note is kept in the plan");
    let hard_days = |week: chrono::NaiveDate| {
        plan.workouts
            .iter()
            .filter(|w| w.date >= week && w.date < week + chrono::Days::new(7))
            .filter(|w| w.intensity() == stride::model::Intensity::Hard)
            .count()
    };
    for k in 0..10 {
        let week = plan.start_date + chrono::Days::new(7 * k);
        assert!(hard_days(week) <= 1, "week of {week}");
    }
}

//! `stride paces` and `stride load`, run as a user would, with their output formats checked.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn stride(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .output()
        .expect("run stride")
}

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

// ---- paces ----

#[test]
fn paces_json_has_the_documented_shape() {
    let o = stride(&[
        "paces", "--race", "5k", "--time", "20:00", "--format", "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("{\"vdot\":"), "key order: {text}");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    // 19:57 is VDOT 50 in Daniels' table, so 20:00 is just under.
    let vdot = v["vdot"].as_f64().expect("vdot");
    assert!((49.6..50.0).contains(&vdot), "{vdot}");
    let paces = &v["paces_s_per_km"];
    let keys: Vec<&str> = paces
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "easy",
            "easy_typical",
            "interval",
            "marathon",
            "repetition",
            "threshold"
        ],
        "serde_json sorts keys when read back; all six are there"
    );
    let easy = paces["easy"].as_array().expect("range");
    assert!(easy[0].as_f64() < easy[1].as_f64(), "[fast, slow]");
    let predictions = &v["predictions_s"];
    for key in ["1500", "mile", "5k", "10k", "half", "marathon"] {
        assert!(predictions[key].as_f64().is_some(), "{key}");
    }
    let five_k = predictions["5k"].as_f64().expect("5k");
    assert!(
        (five_k - 1200.0).abs() < 1.0,
        "the race itself is predicted back: {five_k}"
    );
}

#[test]
fn paces_text_shows_paces_in_the_chosen_units_and_riegel_beside_daniels() {
    let o = stride(&[
        "paces", "--race", "half", "--time", "1:39:40", "--units", "mi",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("VDOT 45."), "{text}");
    assert!(
        text.contains("Threshold   7:"),
        "threshold per mile: {text}"
    );
    assert!(text.contains("/mi"));
    assert!(text.contains("Daniels    Riegel"));
    let half = text
        .lines()
        .find(|l| l.contains("Half marathon"))
        .expect("half row");
    assert_eq!(
        half.matches("1:39:40").count(),
        2,
        "both predict the race itself: {half}"
    );

    let o = stride(&["paces", "--vdot", "50"]);
    let text = stdout(&o);
    assert!(
        text.contains("Threshold   4:15/km"),
        "Daniels' T pace at VDOT 50: {text}"
    );
    assert!(!text.contains("Riegel"), "no race, no Riegel");
}

#[test]
fn paces_distances_in_every_accepted_form() {
    for (distance, time) in [
        ("1500", "5:30"),
        ("mile", "6:00"),
        ("3k", "11:30"),
        ("15k", "1:05:00"),
        ("marathon", "3:30:00"),
        ("8000m", "32:00"),
        ("12.5km", "55:00"),
    ] {
        let o = stride(&[
            "paces", "--race", distance, "--time", time, "--format", "json",
        ]);
        assert!(o.status.success(), "{distance}: {}", stderr(&o));
    }
}

#[test]
fn paces_refuses_implausible_input_with_exit_code_2() {
    let cases: [(&[&str], &str); 5] = [
        (&["paces", "--race", "5k", "--time", "5:00"], "gives VDOT"),
        (&["paces", "--vdot", "150"], "outside 20-90"),
        (
            &["paces", "--race", "far", "--time", "20:00"],
            "not a distance",
        ),
        (&["paces", "--race", "5k", "--time", "20:75"], "under 60"),
        (&["paces", "--race", "5k"], "--time"),
    ];
    for (args, needle) in cases {
        let o = stride(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
    }
}

// ---- load ----

fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

#[test]
fn load_csv_from_a_session_file_matches_hand_computation() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = write(
        dir.path(),
        "s.csv",
        "date,load\n2027-01-01,100\n2027-01-03,50\n",
    );
    // From nothing, as the hand computation starts.
    let o = stride(&[
        "load",
        csv.to_str().expect("path"),
        "--start-fitness",
        "0",
        "--start-fatigue",
        "0",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text.lines().next(),
        Some("date,load,fitness,fatigue,form,ramp,acwr,monotony,strain,projected")
    );
    let rows = rows(&text);
    assert_eq!(
        rows.len(),
        3,
        "one row per day from the first session to the last"
    );
    let (c, a) = (1.0 / 42.0, 1.0 / 7.0);
    let f1 = 100.0 * c;
    let t1 = 100.0 * a;
    let f2 = f1 * (1.0 - c);
    let t2 = t1 * (1.0 - a);
    let f3 = f2 + c * (50.0 - f2);
    let t3 = t2 + a * (50.0 - t2);
    let expected = [
        [
            "2027-01-01",
            "100.00",
            &format!("{f1:.2}"),
            &format!("{t1:.2}"),
            "0.00",
        ],
        [
            "2027-01-02",
            "0.00",
            &format!("{f2:.2}"),
            &format!("{t2:.2}"),
            &format!("{:.2}", f1 - t1),
        ],
        [
            "2027-01-03",
            "50.00",
            &format!("{f3:.2}"),
            &format!("{t3:.2}"),
            &format!("{:.2}", f2 - t2),
        ],
    ];
    for (row, want) in rows.iter().zip(expected) {
        assert_eq!(row.len(), 10);
        assert_eq!(&row[..5], want);
        assert_eq!(row[5], "", "ramp undefined in the first week");
        assert_eq!(row[6], "", "ACWR undefined before the chronic window");
        assert_eq!(row[9], "false");
    }
    // Monotony of day 3: loads 0,0,0,0,100,0,50 over the week.
    let mean: f64 = 150.0 / 7.0;
    let sd = ((4.0 * mean * mean + (100.0 - mean).powi(2) + mean * mean + (50.0 - mean).powi(2))
        / 7.0)
        .sqrt();
    assert_eq!(rows[2][7], format!("{:.2}", mean / sd));
    assert_eq!(rows[2][8], format!("{:.2}", 150.0 * mean / sd));
}

/// Issue: 35 days of a constant load showed form near -36 and an ACWR of 1.16 on day 28.
#[test]
fn load_of_a_steady_start_keeps_form_and_acwr_level() {
    let dir = tempfile::tempdir().expect("dir");
    let mut text = String::from("date,load\n");
    let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("date");
    for day in 0..35u64 {
        text.push_str(&format!("{},60\n", start + chrono::Days::new(day)));
    }
    let csv = write(dir.path(), "steady.csv", &text);
    let o = stride(&["load", csv.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = rows(&stdout(&o));
    assert_eq!(rows.len(), 35);
    for row in &rows {
        let form: f64 = row[4].parse().expect("form");
        assert!(form > -15.0, "{row:?}");
    }
    let acwr: f64 = rows[27][6].parse().expect("ACWR on day 28");
    assert!((acwr - 1.0).abs() <= 0.15, "{acwr}");
}

#[test]
fn load_models_and_form_conventions_are_selectable() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = write(dir.path(), "s.csv", "date,load\n2027-01-01,1000\n");
    let o = stride(&[
        "load",
        csv.to_str().expect("p"),
        "--model",
        "runalyze",
        "--form",
        "same-day",
        "--start-fitness",
        "0",
    ]);
    let row = &rows(&stdout(&o))[0];
    // Runalyze's published case: 1000 gives fitness 47, fatigue 250, form -203.
    assert_eq!(row[2], format!("{:.2}", 2000.0 / 43.0));
    assert_eq!(row[3], "250.00");
    assert_eq!(row[4], format!("{:.2}", 2000.0 / 43.0 - 250.0));
    let o = stride(&[
        "load",
        csv.to_str().expect("p"),
        "--model",
        "goldencheetah",
        "--fitness-days",
        "30",
        "--start-fitness",
        "40",
        "--start-fatigue",
        "45",
    ]);
    let row = &rows(&stdout(&o))[0];
    let l = 1.0 - (-1.0f64 / 30.0).exp();
    assert_eq!(row[2], format!("{:.2}", 40.0 + l * (1000.0 - 40.0)));
    assert_eq!(row[4], "-5.00", "start-of-day form is the season start's");
}

#[test]
fn load_refuses_start_values_out_of_the_settings_range() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = write(dir.path(), "s.csv", "date,load\n2027-01-01,100\n");
    for (flag, value) in [
        ("--start-fitness", "NaN"),
        ("--start-fatigue", "-5"),
        ("--start-fitness", "1e300"),
    ] {
        let given = format!("{flag}={value}");
        let o = stride(&["load", csv.to_str().expect("p"), &given]);
        assert_eq!(o.status.code(), Some(2), "{flag} {value}");
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(
            err.contains(flag) && err.contains("is not between 0 and 1000"),
            "{err}"
        );
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn load_from_and_to_trim_rows_without_changing_values() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = write(
        dir.path(),
        "s.csv",
        "date,kind,duration_min,rpe\n2027-01-01,easy,60,3\n2027-01-05,tempo,50,7\n2027-01-09,long,100,5\n",
    );
    let path = csv.to_str().expect("p");
    let all = rows(&stdout(&stride(&["load", path])));
    let some = rows(&stdout(&stride(&[
        "load",
        path,
        "--from",
        "2027-01-03",
        "--to",
        "2027-01-06",
    ])));
    assert_eq!(all.len(), 9);
    assert_eq!(some.len(), 4);
    assert_eq!(some[0], all[2]);
    assert_eq!(some[3], all[5]);
    // Session-RPE: an hour at 3 is 100 x (3/7)^0.58.
    assert_eq!(
        all[0][1],
        format!("{:.2}", 100.0 * (3.0f64 / 7.0).powf(0.58))
    );
}

#[test]
fn load_of_a_document_projects_its_plan_after_today() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-athlete.ron");
    let o = stride(&["load", demo.to_str().expect("p"), "--today", "2026-11-29"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = rows(&stdout(&o));
    for row in &rows {
        let projected = row[0].as_str() >= "2026-11-29";
        assert_eq!(row[9], projected.to_string(), "{}", row[0]);
    }
    assert_eq!(
        rows.last().map(|r| r[0].as_str()),
        Some("2027-02-14"),
        "through race day"
    );
    let o = stride(&[
        "load",
        demo.to_str().expect("p"),
        "--today",
        "2026-11-29",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["model"], "trainingpeaks");
    assert_eq!(v["form"], "start-of-day");
    assert_eq!(v["race"]["date"], "2027-02-14");
    let days = v["days"].as_array().expect("days");
    assert_eq!(days.len(), rows.len());
    let eve = days
        .iter()
        .find(|d| d["date"] == "2027-02-13")
        .expect("race eve");
    let morning = eve["fitness"].as_f64().expect("f") - eve["fatigue"].as_f64().expect("a");
    let reported = v["race"]["morning_form"].as_f64().expect("form");
    assert!(
        (morning - reported).abs() < 0.011,
        "{morning} vs {reported}"
    );
}

#[test]
fn load_errors_name_line_and_column_and_exit_with_2() {
    let dir = tempfile::tempdir().expect("dir");
    let cases = [
        (
            "date,load\n2027-01-01,10\n2027-13-01,10\n",
            ":3:1:",
            "not a date",
        ),
        (
            "date,kind,load\n2027-01-01,jogging,10\n",
            ":2:2:",
            "unknown kind 'jogging'",
        ),
        (
            "date,pace\n2027-01-01,5\n",
            ":1:2:",
            "unknown column 'pace'",
        ),
        ("kind,load\neasy,10\n", ":1:1:", "no 'date' column"),
        (
            "date,rpe,duration_min\n2027-01-01,12,30\n",
            ":2:2:",
            "rpe 12 is outside",
        ),
        (
            "date,kind,avg_hr,duration_min\n2027-01-01,easy,140,30\n",
            ":2:1:",
            "no load can be computed",
        ),
        (
            "date,load\n2027-01-01,10,5\n",
            ":2:",
            "the row has 3 fields",
        ),
    ];
    for (i, (text, place, needle)) in cases.iter().enumerate() {
        let path = write(dir.path(), &format!("bad{i}.csv"), text);
        let o = stride(&["load", path.to_str().expect("p")]);
        assert_eq!(o.status.code(), Some(2), "{text}");
        let err = stderr(&o);
        assert!(
            err.starts_with(&format!("error: {}{place}", path.display())),
            "{err}"
        );
        assert!(err.contains(needle), "{err}");
    }
}

#[test]
fn heart_rate_loads_from_a_csv_need_the_athletes_heart_rates() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = write(
        dir.path(),
        "hr.csv",
        "date,duration_min,avg_hr\n2027-01-01,60,160\n",
    );
    let path = csv.to_str().expect("p");
    let o = stride(&[
        "load",
        path,
        "--resting-hr",
        "50",
        "--max-hr",
        "190",
        "--sex",
        "male",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let hrr = (160.0 - 50.0) / 140.0;
    let ratio = hrr * (1.92f64 * hrr).exp() / (0.85 * (1.92f64 * 0.85).exp());
    let expected = 100.0 * ratio.powf(0.85);
    assert_eq!(rows(&stdout(&o))[0][1], format!("{expected:.2}"));
    let o = stride(&["load", path, "--resting-hr", "50"]);
    assert_eq!(o.status.code(), Some(2));
}

//! Recovery follows stress: days are judged by what their sessions add up to, long runs are
//! tough sessions, and the drop preview, the session's edits, the findings and `stride check`
//! agree.

use std::process::{Command, Output};

use chrono::{Days, NaiveDate};
use stride::model::*;
use stride::rules::preview::{DropKind, preview_drops};
use stride::rules::stress::{StressClass, day_stress};
use stride::rules::{CheckInput, Finding, Rule, Severity, check_plan};
use stride::science::{pmc::PmcParams, series::LoadSeries};
use stride::session::{Edit, Session};

mod day_codes;

use ExperienceLevel::{Advanced, Beginner, Elite, Intermediate};
use day_codes::*;

fn stride(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .args(args)
        .output()
        .expect("run stride")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `stride check` on a plan CSV: exit code and standard output.
fn check_csv(rows: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.csv");
    std::fs::write(
        &path,
        format!("date,kind,intensity,duration_min,distance_km,load,title\n{rows}"),
    )
    .expect("write");
    let o = stride(&["check", path.to_str().expect("path")]);
    (o.status.code(), text(&o.stdout))
}

#[test]
fn check_finds_two_hard_sessions_on_one_day_and_intervals_after_a_long_run() {
    // Intervals and a tempo on one day; the load column is left empty (it is recomputed).
    let (code, out) = check_csv(
        "2027-03-01,intervals,hard,50,10,,Intervals\n\
         2027-03-01,tempo,hard,45,9,,Tempo\n\
         2027-03-02,easy,easy,40,7,,Easy\n\
         2027-03-04,easy,easy,40,7,,Easy\n",
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("2027-03-01\terror\tR4\t") && l.contains("2 hard sessions")),
        "{out}"
    );
    // A 150-minute, 30 km long run, then intervals the next morning.
    let (code, out) = check_csv(
        "2027-03-07,long,moderate,150,30,,Long run\n\
         2027-03-08,intervals,hard,50,10,,Intervals\n\
         2027-03-09,easy,easy,40,7,,Easy\n",
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("2027-03-08\terror\tR2\t") && l.contains("150-minute long run")),
        "{out}"
    );
    // Hard, easy, easy, and the long run followed by an easy day: clean.
    let (code, out) = check_csv(
        "2027-03-01,intervals,hard,50,10,,Intervals\n\
         2027-03-02,easy,easy,40,7,,Easy\n\
         2027-03-03,easy,easy,40,7,,Easy\n\
         2027-03-04,tempo,hard,45,9,,Tempo\n\
         2027-03-05,easy,easy,40,7,,Easy\n\
         2027-03-07,long,moderate,100,18,,Long run\n\
         2027-03-08,easy,easy,40,7,,Easy\n",
    );
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("\terror\t"), "{out}");
}

/// The class of day `day` (0 = Monday) of a one-week plan, for an athlete of `level`.
fn class_of(level: ExperienceLevel, week: [&str; 7], day: usize) -> StressClass {
    let p = plan(&[week]);
    let a = athlete(level);
    let settings = Settings::default();
    let days = day_stress(&CheckInput {
        plan: &p,
        athlete: &a,
        settings: &settings,
        history: None,
    });
    days[day].1.class
}

#[test]
fn a_days_class_comes_from_its_sessions_its_long_run_and_its_load() {
    use StressClass::*;
    // At VDOT 45 easy running is about 5:40 a km: L10 is about 57 minutes, L17 about 96,
    // L25 about 142.
    let cases: [(&str, [&str; 7], usize, StressClass); 12] = [
        ("rest", ["-", "E8", "-", "E6", "-", "E14", "L10"], 0, Light),
        (
            "recovery run",
            ["R5", "E8", "-", "E6", "-", "E14", "L10"],
            0,
            Light,
        ),
        (
            "cross-training",
            ["X", "E8", "-", "E6", "-", "E14", "L10"],
            0,
            Easy,
        ),
        (
            "race pace by its label",
            ["P8", "E5", "-", "E6", "-", "E5", "L16"],
            0,
            Moderate,
        ),
        (
            "a short long run under a bigger day",
            ["-", "E8", "-", "E6", "-", "E14", "L10"],
            6,
            Moderate,
        ),
        (
            "a short long run carrying the week's largest load",
            ["-", "E6", "-", "E6", "-", "E5", "L10"],
            6,
            Hard,
        ),
        (
            "a 96-minute long run",
            ["-", "E8", "-", "E6", "-", "E14", "L17"],
            6,
            Hard,
        ),
        (
            "a long run over two hours",
            ["-", "E8", "-", "E6", "-", "E5", "L25"],
            6,
            VeryHard,
        ),
        (
            "intervals and a tempo on one day",
            ["I8+T6", "E5", "-", "E6", "-", "E5", "L14"],
            0,
            VeryHard,
        ),
        (
            "two easy runs add up to a hard day",
            ["E10+E9", "-", "E4", "-", "E4", "-", "L8"],
            0,
            Hard,
        ),
        (
            "a race",
            ["E5", "-", "E5", "-", "E3", "-", "RACE10"],
            6,
            VeryHard,
        ),
        (
            "ten short easy runs add up to a hard day",
            [
                "E2+E2+E2+E2+E2+E2+E2+E2+E2+E2",
                "E5",
                "-",
                "E6",
                "-",
                "E5",
                "L12",
            ],
            0,
            Hard,
        ),
    ];
    for (name, week, day, expected) in cases {
        assert_eq!(class_of(Intermediate, week, day), expected, "{name}");
    }
}

#[test]
fn marathon_pace_inside_a_long_run_makes_it_tough() {
    let sunday = monday() + Days::new(6);
    let mut p = plan(&[["-", "E8", "-", "E6", "-", "E14", "-"]]);
    let segment = |km: f64, zone: PaceZone| Segment {
        kind: if zone == PaceZone::E {
            SegmentKind::WarmUp
        } else {
            SegmentKind::Work
        },
        length: SegmentLength::Distance(km * 1000.0),
        target: Target::PaceZone(zone),
        rpe: None,
    };
    let mut long = Workout::new(WorkoutId(99), sunday, WorkoutKind::Long);
    long.steps = vec![
        Step::Single(segment(7.0, PaceZone::E)),
        Step::Single(segment(3.0, PaceZone::M)),
    ];
    p.workouts.push(long.clone());
    let a = athlete(Intermediate);
    let settings = Settings::default();
    let class = |p: &Plan| {
        day_stress(&CheckInput {
            plan: p,
            athlete: &a,
            settings: &settings,
            history: None,
        })[6]
            .1
            .class
    };
    assert_eq!(class(&p), StressClass::Hard, "3 km at M");
    // The same 10 km all easy is shorter than the Saturday run: not tough.
    long.steps = vec![Step::Single(segment(10.0, PaceZone::E))];
    p.workouts.pop();
    p.workouts.push(long);
    assert_eq!(class(&p), StressClass::Moderate);
}

#[test]
fn the_day_after_a_tough_long_run_is_easy_at_every_level() {
    let week = ["-", "E6", "-", "E6", "-", "L17", "I8"];
    for level in [Beginner, Intermediate, Advanced, Elite] {
        let f = findings(level, &[week], Rule::R2);
        assert!(
            f.iter().any(|f| f.severity == Severity::Error
                && f.date == monday() + Days::new(6)
                && f.message.contains("long run")),
            "{level:?}: {f:?}"
        );
        let easy_after = findings(
            level,
            &[["I8", "E6", "-", "E6", "-", "L17", "E6"]],
            Rule::R2,
        );
        assert!(easy_after.is_empty(), "{level:?}: {easy_after:?}");
    }
}

#[test]
fn two_hard_sessions_on_one_day_are_an_error_below_advanced_and_count_twice() {
    let week = ["I8+T6", "E5", "-", "E6", "I6", "-", "E12"];
    for (level, severity) in [
        (Beginner, Severity::Error),
        (Intermediate, Severity::Error),
        (Advanced, Severity::Warning),
        (Elite, Severity::Warning),
    ] {
        let f = findings(level, &[week], Rule::R4);
        let double = f
            .iter()
            .find(|f| f.date == monday() && f.message.contains("2 hard sessions"))
            .unwrap_or_else(|| panic!("{level:?}: {f:?}"));
        assert_eq!(double.severity, severity, "{level:?}");
    }
    // Three hard sessions in the week: two on Monday and Friday's.
    let weekly = findings(Intermediate, &[week], Rule::R4);
    assert!(
        weekly
            .iter()
            .any(|f| f.date == monday() && f.message.contains("has 3 hard sessions")),
        "{weekly:?}"
    );
}

#[test]
fn masters_get_two_easy_days_after_a_very_hard_day() {
    let week = ["L25", "E5", "I8", "-", "E6", "-", "E6"];
    let mut young = athlete(Advanced);
    young.birth_year = 1990;
    let mut master = young.clone();
    master.birth_year = 1972;
    let p = plan(&[week]);
    let r2 = |a: &Athlete| -> Vec<Finding> {
        check_with(&p, a)
            .into_iter()
            .filter(|f| f.rule == Rule::R2)
            .collect()
    };
    assert!(r2(&young).is_empty(), "{:?}", r2(&young));
    let f = r2(&master);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].date, monday() + Days::new(2));
    assert!(f[0].message.contains("2 easy days"), "{}", f[0].message);
}

/// A one-week plan in a document, with a history-free demo athlete.
fn document(week: [&str; 7], level: ExperienceLevel) -> AthleteDocument {
    let mut doc = AthleteDocument::new(athlete(level));
    doc.plans
        .push(plan(&[week, ["-", "E6", "-", "E6", "-", "E6", "E8"]]));
    doc
}

#[test]
fn a_run_dropped_on_a_rest_day_makes_it_a_training_day() {
    let doc = document(["REST", "T8", "E8", "E8", "E8", "E6", "L16"], Intermediate);
    let tempo = doc.plans[0]
        .workouts
        .iter()
        .find(|w| w.kind == WorkoutKind::Tempo)
        .expect("tempo")
        .clone();
    let mut session = Session::new(doc, None);
    session.apply(Edit::CopyWorkout {
        id: tempo.id,
        to: monday(),
    });
    let plan = session.document().active_plan().expect("plan");
    let kinds: Vec<&WorkoutKind> = plan.workouts_on(monday()).map(|w| &w.kind).collect();
    assert_eq!(kinds, vec![&WorkoutKind::Tempo], "the rest entry is gone");
    let findings = check_plan(&CheckInput::for_document(session.document()).expect("input"));
    assert!(
        findings
            .iter()
            .any(|f| f.rule == Rule::R3 && f.severity == Severity::Error),
        "{findings:?}"
    );
    session.undo();
    let plan = session.document().active_plan().expect("plan");
    assert_eq!(
        plan.workouts_on(monday()).count(),
        1,
        "undo brings the rest back"
    );
}

/// The lines `stride check` prints for a document.
fn check_lines(doc: &AthleteDocument) -> Vec<String> {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("doc.ron");
    stride::storage::save_document(doc, &path).expect("save");
    let o = stride(&["check", path.to_str().expect("path")]);
    text(&o.stdout).lines().map(str::to_owned).collect()
}

#[test]
fn the_drop_preview_the_session_the_findings_and_check_agree() {
    let today = monday() - Days::new(1);
    let week = ["E6", "I8", "E6", "T6", "-", "L17", "E6"];
    let at = |k: u64| monday() + Days::new(k);
    // (what, level, dragged day, target day)
    let cases = [
        (
            "onto an occupied day (intervals onto the tempo)",
            Intermediate,
            1,
            3,
        ),
        ("onto a rest day", Intermediate, 1, 4),
        ("onto the day after the long run", Intermediate, 3, 6),
        ("onto the day after the long run, advanced", Advanced, 1, 6),
        ("onto an occupied day, beginner", Beginner, 3, 0),
    ];
    for (what, level, from, to) in cases {
        let doc = document(week, level);
        let series =
            LoadSeries::from_document(&doc, today, &PmcParams::from_settings(&doc.settings));
        let dragged = doc.plans[0]
            .workouts_on(at(from))
            .next()
            .expect("a workout")
            .clone();
        let base = check_plan(&CheckInput::for_document(&doc).expect("input"));
        let base_lines = check_lines(&doc);
        for kind in [DropKind::Move, DropKind::Copy, DropKind::Swap] {
            let verdict = preview_drops(&doc, dragged.id, &[at(to)], &series, kind)
                .pop()
                .expect("a verdict");
            let edit = match kind {
                DropKind::Move => Edit::MoveWorkout {
                    id: dragged.id,
                    to: at(to),
                },
                DropKind::Copy => Edit::CopyWorkout {
                    id: dragged.id,
                    to: at(to),
                },
                DropKind::Swap => Edit::SwapDays {
                    a: at(from),
                    b: at(to),
                },
            };
            let mut session = Session::new(doc.clone(), None);
            session.apply(edit);
            let after = check_plan(&CheckInput::for_document(session.document()).expect("input"));
            let added: Vec<Finding> = after.into_iter().filter(|f| !base.contains(f)).collect();
            assert_eq!(verdict.added, added, "{what}, {kind:?}: preview vs session");
            let printed: Vec<String> = check_lines(session.document())
                .into_iter()
                .filter(|l| !base_lines.contains(l))
                .collect();
            let expected: Vec<String> = added.iter().map(ToString::to_string).collect();
            assert_eq!(printed, expected, "{what}, {kind:?}: stride check");
        }
    }
    // The cases do what their names say.
    let doc = document(week, Intermediate);
    let series = LoadSeries::from_document(&doc, today, &PmcParams::from_settings(&doc.settings));
    let intervals = doc.plans[0]
        .workouts_on(at(1))
        .next()
        .expect("intervals")
        .id;
    let onto_tempo = preview_drops(&doc, intervals, &[at(3)], &series, DropKind::Move);
    assert_eq!(onto_tempo[0].severity(), Some(Severity::Error));
    let tempo = doc.plans[0].workouts_on(at(3)).next().expect("tempo").id;
    let after_long = preview_drops(&doc, tempo, &[at(6)], &series, DropKind::Move);
    assert!(
        after_long[0]
            .added
            .iter()
            .any(|f| f.rule == Rule::R2 && f.severity == Severity::Error),
        "{:?}",
        after_long[0].added
    );
}

#[test]
fn findings_name_what_made_the_day_tough() {
    let f = findings(
        Intermediate,
        &[["-", "E6", "-", "E6", "-", "L25", "T8"]],
        Rule::R2,
    );
    assert!(
        f.iter()
            .any(|f| f.message.contains("long run") && f.message.contains("Sat 6 Mar")),
        "{f:?}"
    );
    let date = NaiveDate::from_ymd_opt(2027, 3, 7).expect("date");
    assert!(f.iter().all(|f| f.date == date), "{f:?}");
}

//! Each recovery rule on hand-built plans that trigger it and plans that do not.
//!
//! Plans are written as weeks of seven day codes (see `day_codes`).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use stride::model::*;
use stride::rules::{CheckInput, Finding, Rule, Severity, check_plan};
use stride::session::{Edit, Session};

mod day_codes;

use day_codes::*;

use ExperienceLevel::{Advanced, Beginner, Intermediate};

const STEADY: [&str; 7] = ["-", "I6", "E10", "E8", "T6", "E8", "L16"];

#[test]
fn r1_three_moderate_or_harder_days_in_a_row() {
    let bad = findings(
        Advanced,
        &[["P10", "L14", "P10", "E8", "-", "E6", "E8"]],
        Rule::R1,
    );
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].severity, Severity::Error);
    assert_eq!(
        bad[0].date,
        monday() + Days::new(2),
        "reported on the third day"
    );
    assert!(
        findings(
            Advanced,
            &[["P10", "L14", "E8", "P10", "-", "E6", "E8"]],
            Rule::R1
        )
        .is_empty()
    );
}

#[test]
fn r2_easy_days_after_hard_scale_with_the_athlete() {
    // Beginner: hard-easy-long breaks hard-easy-easy.
    let week = ["T8", "E5", "L10", "-", "E5", "-", "-"];
    let f = findings(Beginner, &[week], Rule::R2);
    assert_eq!((f.len(), f[0].severity), (1, Severity::Error));
    assert!(
        findings(
            Beginner,
            &[["T8", "E5", "E5", "L10", "-", "-", "-"]],
            Rule::R2
        )
        .is_empty()
    );
    // Intermediate: one easy day is enough, a moderate day right after is not.
    assert!(findings(Intermediate, &[week], Rule::R2).is_empty());
    assert_eq!(
        findings(
            Intermediate,
            &[["T8", "L10", "E5", "-", "E5", "-", "-"]],
            Rule::R2
        )
        .len(),
        1
    );
    // Advanced: the day after a tough day is easy at every level; the long run counts.
    let f = findings(
        Advanced,
        &[["T8", "L10", "E5", "-", "E5", "-", "-"]],
        Rule::R2,
    );
    assert_eq!((f.len(), f[0].severity), (1, Severity::Error));
    let pair = findings(
        Advanced,
        &[["T8", "I8", "E5", "-", "E5", "-", "-"]],
        Rule::R2,
    );
    assert_eq!((pair.len(), pair[0].severity), (1, Severity::Error));
    let pair = findings(
        Intermediate,
        &[["T8", "I8", "E5", "-", "E5", "-", "-"]],
        Rule::R2,
    );
    assert_eq!(pair[0].severity, Severity::Error);
}

#[test]
fn r3_a_light_day_every_week() {
    let every_day = ["E8", "I10", "E8", "E8", "T10", "E6", "L16"];
    let f = findings(Intermediate, &[every_day], Rule::R3);
    assert_eq!((f.len(), f[0].severity), (1, Severity::Error));
    assert!(findings(Intermediate, &[STEADY], Rule::R3).is_empty());
    assert!(
        findings(
            Intermediate,
            &[["X", "I10", "E8", "E8", "T10", "E6", "L16"]],
            Rule::R3
        )
        .is_empty(),
        "cross-training is light"
    );
    // Advanced and elite: a recovery run is light enough.
    assert!(
        findings(
            Advanced,
            &[["R5", "I10", "E8", "E8", "T10", "E6", "L16"]],
            Rule::R3
        )
        .is_empty()
    );
    assert_eq!(findings(Advanced, &[every_day], Rule::R3).len(), 1);
}

#[test]
fn r4_hard_sessions_per_week_and_the_beginners_long_run() {
    let three = ["I8", "E5", "T8", "E5", "I8", "-", "L12"];
    assert_eq!(findings(Intermediate, &[three], Rule::R4).len(), 1);
    assert!(
        findings(Advanced, &[three], Rule::R4).is_empty(),
        "advanced: 3 allowed"
    );
    let next_to_long = ["-", "E5", "E5", "-", "E5", "T6", "L10"];
    assert_eq!(findings(Beginner, &[next_to_long], Rule::R4).len(), 1);
    assert!(
        findings(Intermediate, &[next_to_long], Rule::R4)
            .iter()
            .all(|f| !f.message.contains("long run"))
    );
}

#[test]
fn r5_weekly_growth_and_two_week_growth() {
    let week = |long: &'static str| ["-", "E8", "E8", "E8", "-", "E8", long];
    // 40 -> 40 -> 44: +10% is fine.
    assert!(
        findings(
            Intermediate,
            &[week("L8"), week("L8"), week("L12")],
            Rule::R5
        )
        .is_empty()
    );
    // 40 -> 46: +15% warns.
    let f = findings(Intermediate, &[week("L8"), week("L14")], Rule::R5);
    assert!(
        f.iter()
            .any(|f| f.severity == Severity::Warning && f.message.contains("15%")),
        "{f:?}"
    );
    // 40 -> 44 -> 53: over 30% in two weeks is an error.
    let f = findings(
        Intermediate,
        &[week("L8"), week("L12"), week("L21")],
        Rule::R5,
    );
    assert!(
        f.iter()
            .any(|f| f.severity == Severity::Error && f.message.contains("two weeks")),
        "{f:?}"
    );
    // After a cut-back week, returning to the level before it is no jump.
    let f = findings(
        Intermediate,
        &[week("L8"), week("L0"), week("L8")],
        Rule::R5,
    );
    assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:?}");
}

#[test]
fn r5_projected_acwr_spikes() {
    let light = ["-", "E5", "-", "E5", "-", "E5", "L6"];
    let heavy = ["E10", "T12", "E10", "I12", "E10", "E12", "L20"];
    let f = findings(Advanced, &[light, light, light, light, heavy], Rule::R5);
    assert!(
        f.iter()
            .any(|f| f.message.contains("acute:chronic") && f.severity == Severity::Error),
        "{f:?}"
    );
    let f = findings(
        Advanced,
        &[STEADY, STEADY, STEADY, STEADY, STEADY],
        Rule::R5,
    );
    assert!(
        f.iter().all(|f| !f.message.contains("acute:chronic")),
        "steady weeks: {f:?}"
    );
}

#[test]
fn r6_cut_back_weeks_by_level_and_age() {
    let normal = ["-", "I10", "E8", "E8", "T10", "E6", "L16"];
    let cut = ["-", "I8", "E6", "E6", "T8", "E4", "L12"];
    let five = [normal, normal, normal, normal, normal];
    // The reference notes: a cut-back week every 3-4 weeks.
    assert_eq!(
        findings(Beginner, &five[..3], Rule::R6).len(),
        1,
        "beginners: every 3rd week"
    );
    assert!(findings(Intermediate, &five[..3], Rule::R6).is_empty());
    assert_eq!(
        findings(Intermediate, &five[..4], Rule::R6).len(),
        1,
        "others: every 4th"
    );
    assert!(findings(Beginner, &[normal, normal, cut], Rule::R6).is_empty());
    let mut masters = athlete(Intermediate);
    masters.birth_year = 1970;
    let f: Vec<_> = check_with(&plan(&five[..3]), &masters)
        .into_iter()
        .filter(|f| f.rule == Rule::R6)
        .collect();
    assert_eq!(f.len(), 1, "50 and over: every 3rd week");
}

#[test]
fn r7_taper_volume_sharpness_and_quiet_days() {
    let peak = ["-", "I10", "E8", "E8", "T10", "E6", "L16"];
    let tapered = ["-", "I6", "E5", "E5", "-", "E3", "RACE10"];
    let no_taper = ["-", "I10", "E8", "E8", "E8", "E8", "RACE10"];
    assert!(findings(Intermediate, &[peak, peak, tapered], Rule::R7).is_empty());
    let f = findings(Intermediate, &[peak, peak, no_taper], Rule::R7);
    assert!(f.iter().any(|f| f.message.contains("70% or less")), "{f:?}");
    let dull = ["-", "E5", "E5", "E5", "-", "E3", "RACE10"];
    let f = findings(Intermediate, &[peak, peak, dull], Rule::R7);
    assert!(
        f.iter().any(|f| f.message.contains("faster session")),
        "{f:?}"
    );
    let late = ["-", "E5", "E5", "-", "I4", "E3", "RACE10"];
    let f = findings(Intermediate, &[peak, peak, late], Rule::R7);
    assert!(
        f.iter().any(|f| f.severity == Severity::Error),
        "hard two days out: {f:?}"
    );
}

#[test]
fn r8_long_run_share_and_length() {
    assert!(
        findings(
            Intermediate,
            &[["-", "E8", "E8", "E8", "-", "E8", "L12"]],
            Rule::R8
        )
        .is_empty()
    );
    let f = findings(
        Intermediate,
        &[["-", "E6", "E6", "E6", "-", "E6", "L20"]],
        Rule::R8,
    );
    assert_eq!(f.len(), 1, "20 of 44 km at 5 days is over 30%");
    // 33 km at easy pace is well over 150 minutes.
    let f = findings(
        Advanced,
        &[["E20", "E20", "E20", "E20", "-", "E20", "L33"]],
        Rule::R8,
    );
    assert!(f.iter().any(|f| f.message.contains("minutes")), "{f:?}");
}

#[test]
fn r9_mostly_easy_over_four_weeks() {
    let hard = ["-", "T10", "E6", "T10", "E6", "-", "L12"];
    let f = findings(Advanced, &[hard, hard, hard, hard], Rule::R9);
    assert_eq!(f.first().map(|f| f.date), Some(monday()), "{f:?}");
    assert!(f[0].message.contains("% of running time is easy"));
    assert!(findings(Advanced, &[STEADY, STEADY, STEADY, STEADY], Rule::R9).is_empty());
}

#[test]
fn r10_easy_days_after_a_race() {
    let raced = ["-", "E6", "E6", "-", "E5", "-", "RACE10"];
    let too_soon = ["E5", "E5", "I8", "-", "E6", "-", "L14"];
    let f = findings(Advanced, &[raced, too_soon, STEADY], Rule::R10);
    assert_eq!(f.len(), 1, "a 10 km race needs 4 easy days");
    assert!(
        findings(
            Advanced,
            &[raced, ["E5", "E5", "E6", "E5", "I8", "-", "L14"], STEADY],
            Rule::R10
        )
        .is_empty()
    );
}

#[test]
fn r10_after_a_race_of_a_billion_kilometres_stops_at_the_plans_end() {
    // A hostile distance: 1e15 m asks for 3e11 easy days. The rule looks at the plan's days
    // only, so the check ends, and flags every tough day left in the plan.
    let raced = ["-", "E6", "E6", "-", "E5", "-", "RACE1000000000000"];
    let after = ["E5", "E5", "I8", "-", "E6", "-", "L14"];
    let f = findings(Advanced, &[raced, after, after], Rule::R10);
    let plan = plan(&[raced, after, after]);
    let last = plan.workouts.iter().map(|w| w.date).max().expect("days");
    assert!(f.iter().all(|x| x.date <= last), "{f:?}");
    // Each week's intervals; R2 speaks for the long run right after the race only if it
    // follows it, so count the tough days R10 must name.
    assert!(f.len() >= 2, "{f:?}");
}

#[test]
fn r11_only_available_days() {
    let mut a = athlete(Intermediate);
    a.available_weekdays = vec![Weekday::Tue, Weekday::Thu, Weekday::Sat, Weekday::Sun];
    let p = plan(&[["E5", "E8", "-", "T8", "-", "E6", "L12"]]);
    let f: Vec<_> = check_with(&p, &a)
        .into_iter()
        .filter(|f| f.rule == Rule::R11)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].date.weekday(), Weekday::Mon);
}

#[test]
fn findings_print_as_tab_separated_lines() {
    let f = findings(
        Advanced,
        &[["P10", "L14", "P10", "E8", "-", "E6", "E8"]],
        Rule::R1,
    );
    let line = f[0].to_string();
    let fields: Vec<&str> = line.split('\t').collect();
    assert_eq!(fields[..3], ["2027-03-03", "error", "R1"]);
    assert!(fields[3].starts_with("three moderate-or-harder days in a row"));
}

#[test]
fn fitter_athletes_get_shorter_gaps() {
    use stride::rules::profile::RecoveryProfile;
    let gaps: Vec<u32> = ExperienceLevel::ALL
        .iter()
        .map(|l| RecoveryProfile::for_level(*l, false).easy_days_after_hard)
        .collect();
    assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "{gaps:?}");
    let mut a = athlete(ExperienceLevel::Elite);
    a.birth_year = 1960;
    let veteran = RecoveryProfile::for_athlete(&a, 2027);
    assert_eq!(
        veteran.level,
        ExperienceLevel::Elite,
        "60+ keeps the level's volume"
    );
    assert_eq!(
        (
            veteran.easy_days_after_hard,
            veteran.easy_days_after_very_hard
        ),
        (2, 2),
        "60+ recovers longer"
    );
    a.training_age_years = 0;
    assert_eq!(
        RecoveryProfile::for_athlete(&a, 2027).level,
        Beginner,
        "new to training"
    );
}

fn history_of(daily_km: f64, days: u64) -> History {
    let mut h = History::default();
    for back in 1..=days {
        let date = monday() - Days::new(back);
        h.activities.push(Activity {
            start: date.and_hms_opt(7, 0, 0).expect("time"),
            kind: WorkoutKind::Easy,
            duration_s: daily_km * 330.0,
            moving_s: None,
            normalised_pace_s_per_km: None,
            instant: None,
            distance_m: Some(daily_km * 1000.0),
            avg_hr_bpm: None,
            max_hr_bpm: None,
            rpe: Some(3.0),
            load: None,
            source_file: None,
            planned_workout: None,
            notes: String::new(),
        });
    }
    h
}

/// The step from history into the plan is the weekly volume check's; the ratio itself is
/// judged once its chronic window lies in the plan, on the same series the chart shows.
#[test]
fn r5_acwr_is_the_charts_series_and_the_step_from_history_is_the_volume_checks() {
    let a = athlete(Advanced);
    let with = |p: &Plan, history: &History| -> Vec<Finding> {
        check_plan(&CheckInput {
            plan: p,
            athlete: &a,
            settings: &Settings::default(),
            history: Some(history),
        })
        .into_iter()
        .filter(|f| f.rule == Rule::R5)
        .collect()
    };
    let steady = plan(&[STEADY, STEADY, STEADY]);
    let light = with(&steady, &history_of(2.0, 60));
    assert!(
        light
            .iter()
            .any(|f| f.severity == Severity::Error && f.message.contains("two weeks earlier")),
        "after 2 km a day: {light:?}"
    );
    assert!(
        with(&steady, &history_of(8.0, 60)).is_empty(),
        "after a matching load"
    );
    // Four steady weeks, then a week of twice the load: the rule reports the chart's value.
    let double: [&str; 7] = ["E16", "T20", "E16", "I16", "E16", "E16", "L24"];
    let p = plan(&[STEADY, STEADY, STEADY, STEADY, double]);
    let history = history_of(8.0, 60);
    let found = with(&p, &history);
    let spike = found
        .iter()
        .find(|f| f.message.contains("acute:chronic"))
        .expect("a doubled week is a spike");
    let mut doc = AthleteDocument::new(a.clone());
    doc.history = history;
    doc.plans.push(p.clone());
    let today = monday() - Days::new(1);
    let series = stride::science::series::LoadSeries::from_document(
        &doc,
        today,
        &stride::science::pmc::PmcParams::from_settings(&doc.settings),
    );
    let chart = series
        .on(spike.date)
        .and_then(|d| d.values.acwr)
        .expect("the chart has a ratio that day");
    assert!(
        spike.message.contains(&format!("reaches {chart:.2} on")),
        "{} against the chart's {chart:.2}",
        spike.message
    );
}

#[test]
fn drop_previews_flag_a_hard_session_after_a_hard_day_before_the_drop() {
    use stride::rules::preview::{DropKind, preview_drops};
    use stride::science::{pmc::PmcParams, series::LoadSeries};
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let doc = stride::storage::demo_document(today).expect("demo");
    let series = LoadSeries::from_document(&doc, today, &PmcParams::from_settings(&doc.settings));
    let plan = doc.active_plan().expect("plan");
    let tempo = plan
        .workouts
        .iter()
        .find(|w| w.kind == WorkoutKind::Tempo && w.date > today)
        .expect("a tempo");
    let intervals = plan
        .workouts
        .iter()
        .find(|w| w.kind == WorkoutKind::Intervals && w.date > today && w.date < tempo.date)
        .expect("intervals before it");
    let after_tempo = tempo.date + Days::new(1);
    let days = [intervals.date, after_tempo];
    let verdicts = preview_drops(&doc, intervals.id, &days, &series, DropKind::Move);
    assert_eq!(verdicts[0].severity(), None, "where it is now");
    assert_eq!(verdicts[1].severity(), Some(Severity::Error));
    assert!(
        verdicts[1]
            .added
            .iter()
            .any(|f| f.rule == Rule::R2 && f.date == after_tempo)
    );
    let base = series.race_morning_form().expect("form");
    assert!(
        verdicts[1]
            .race_form
            .is_some_and(|f| (f - base).abs() < 5.0)
    );
    let copies = preview_drops(&doc, intervals.id, &days, &series, DropKind::Copy);
    // Two months out, an extra session's fatigue is long gone by race day but some of its
    // fitness remains: the copy leaves the runner slightly fitter on race morning.
    assert!(copies[1].race_form > verdicts[1].race_form);
}

#[test]
fn drop_previews_agree_with_a_full_check_of_each_moved_plan() {
    use stride::rules::preview::{DropKind, preview_drops};
    use stride::science::{pmc::PmcParams, series::LoadSeries};
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let doc = stride::storage::demo_document(today).expect("demo");
    let series = LoadSeries::from_document(&doc, today, &PmcParams::from_settings(&doc.settings));
    let plan = doc.active_plan().expect("plan").clone();
    let base = check_plan(&CheckInput::for_document(&doc).expect("input"));
    let days: Vec<NaiveDate> = (0..42).map(|k| today + Days::new(k)).collect();
    for w in plan
        .workouts
        .iter()
        .filter(|w| w.date > today)
        .step_by(9)
        .take(4)
    {
        for kind in [DropKind::Move, DropKind::Copy, DropKind::Swap] {
            let verdicts = preview_drops(&doc, w.id, &days, &series, kind);
            for v in verdicts {
                // The edit the drop would make, applied by the session as the window does.
                let edit = match kind {
                    DropKind::Move => Edit::MoveWorkout {
                        id: w.id,
                        to: v.date,
                    },
                    DropKind::Copy => Edit::CopyWorkout {
                        id: w.id,
                        to: v.date,
                    },
                    DropKind::Swap => Edit::SwapDays {
                        a: w.date,
                        b: v.date,
                    },
                };
                let mut session = Session::new(doc.clone(), None);
                session.apply(edit);
                let moved = session.document();
                let full: Vec<Finding> =
                    check_plan(&CheckInput::for_document(moved).expect("input"))
                        .into_iter()
                        .filter(|f| !base.contains(f))
                        .collect();
                assert_eq!(
                    v.added,
                    full,
                    "{} to {} ({kind:?})",
                    w.display_title(),
                    v.date
                );
            }
        }
    }
}

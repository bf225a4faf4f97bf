//! Personal recovery: the days to baseline read from synthetic athletes whose check-ins are
//! built off baseline for a known number of mornings after each tough session, and the
//! recovery rules and the generator that use them.

use std::time::{Duration, Instant};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate_with_history};
use stride::model::*;
use stride::rules::profile::{MAX_PERSONAL_EASY_DAYS, RecoveryProfile};
use stride::rules::stress::StressClass;
use stride::rules::{CheckInput, Finding, Rule, Severity, check_plan};
use stride::science::recovery_time::{MIN_SESSIONS, PersonalRecovery, RecoveryEstimate, ToughKind};

mod day_codes;

/// Days from a tough session's day to the first morning back at baseline, by kind.
#[derive(Clone, Copy, Debug)]
struct Recovery {
    long_run: u32,
    intervals: u32,
}

const FAST: Recovery = Recovery {
    long_run: 1,
    intervals: 1,
};
const SLOW: Recovery = Recovery {
    long_run: 3,
    intervals: 3,
};

/// The tough sessions of the `weeks` weeks before `end` (a Monday): a long run on the
/// Sundays of the weeks `long_week` picks, intervals on the Wednesdays of the weeks
/// `quality_week` picks (weeks counted from the first).
fn sessions(
    end: NaiveDate,
    weeks: u64,
    long_week: impl Fn(u64) -> bool,
    quality_week: impl Fn(u64) -> bool,
) -> Vec<(NaiveDate, WorkoutKind)> {
    assert_eq!(end.weekday(), Weekday::Mon);
    let first = end - Days::new(weeks * 7);
    let mut out = Vec::new();
    for week in 0..weeks {
        let monday = first + Days::new(week * 7);
        if quality_week(week) {
            out.push((monday + Days::new(2), WorkoutKind::Intervals));
        }
        if long_week(week) {
            out.push((monday + Days::new(6), WorkoutKind::Long));
        }
    }
    out
}

/// A long run every week and intervals every other week.
fn weekly(end: NaiveDate, weeks: u64) -> Vec<(NaiveDate, WorkoutKind)> {
    sessions(end, weeks, |_| true, |w| w % 2 == 0)
}

fn activity(date: NaiveDate, kind: WorkoutKind, km: f64, minutes: f64) -> Activity {
    Activity {
        start: date.and_hms_opt(7, 0, 0).expect("time"),
        kind,
        duration_s: minutes * 60.0,
        moving_s: None,
        normalised_pace_s_per_km: None,
        instant: None,
        distance_m: Some(km * 1000.0),
        avg_hr_bpm: None,
        max_hr_bpm: None,
        rpe: None,
        load: None,
        source_file: None,
        planned_workout: None,
        notes: String::new(),
    }
}

/// The history of the days from the first session's week to the day before `end`: the
/// sessions, easy runs on Tuesdays, Thursdays and Saturdays, and a check-in every morning.
/// A morning is off baseline (sore, tired, resting HR 10 bpm up, HRV down to 35 ms) when a
/// session of the day `k` days before needs more than `k` days; other mornings scatter a
/// little around the athlete's usual (soreness 1-2, fatigue 2, resting HR 48-52, HRV
/// 55-65 ms).
fn history(
    end: NaiveDate,
    weeks: u64,
    sessions: &[(NaiveDate, WorkoutKind)],
    recovery: Recovery,
) -> History {
    let first = end - Days::new(weeks * 7);
    let mut h = History::default();
    for (date, kind) in sessions {
        let (km, minutes) = if *kind == WorkoutKind::Long {
            (16.0, 95.0)
        } else {
            (10.0, 55.0)
        };
        h.activities
            .push(activity(*date, kind.clone(), km, minutes));
    }
    for i in 0..weeks * 7 {
        let date = first + Days::new(i);
        if matches!(date.weekday(), Weekday::Tue | Weekday::Thu | Weekday::Sat)
            && !sessions.iter().any(|(d, _)| *d == date)
        {
            h.activities
                .push(activity(date, WorkoutKind::Easy, 8.0, 46.0));
        }
        let off = sessions.iter().any(|(d, kind)| {
            let days = if *kind == WorkoutKind::Long {
                recovery.long_run
            } else {
                recovery.intervals
            };
            let k = (date - *d).num_days();
            k >= 1 && k < i64::from(days)
        });
        let hr = 48 + (i * 7 % 5) as u16;
        h.wellness.push(WellnessEntry {
            date,
            soreness: Some(if off { 4 } else { 1 + u8::from(i % 3 == 0) }),
            fatigue: Some(if off { 4 } else { 2 }),
            resting_hr_bpm: Some(if off { hr + 10 } else { hr }),
            hrv_ms: Some(if off {
                35.0
            } else {
                55.0 + (i * 13 % 11) as f64
            }),
            ..Default::default()
        });
    }
    h
}

fn end() -> NaiveDate {
    day_codes::monday()
}

#[test]
fn a_slow_recoverer_takes_more_days_than_a_fast_one() {
    let s = weekly(end(), 16);
    let slow = PersonalRecovery::from_history(&history(end(), 16, &s, SLOW));
    let fast = PersonalRecovery::from_history(&history(end(), 16, &s, FAST));
    let (slow_long, fast_long) = (slow.long_run.expect("slow"), fast.long_run.expect("fast"));
    assert_eq!((slow_long.days, fast_long.days), (3, 1));
    let (slow_q, fast_q) = (slow.intervals.expect("slow"), fast.intervals.expect("fast"));
    assert_eq!((slow_q.days, fast_q.days), (3, 1));
    assert_eq!(
        (slow_long.kind, slow_q.kind),
        (ToughKind::LongRun, ToughKind::Intervals)
    );
    // Long runs every week, intervals every other week; the sessions of the first week have
    // no usual level yet (7 check-ins), so they say nothing.
    assert!(
        (14..=16).contains(&slow_long.sessions) && (7..=8).contains(&slow_q.sessions),
        "{slow:?}"
    );
    assert_eq!(slow.estimates().count(), 2);
    assert!(!slow.is_empty());
    let sentences = slow.sentences();
    assert!(
        sentences[0].starts_with("You recover from long runs in about 3 days ("),
        "{sentences:?}"
    );
    assert!(
        sentences[1].starts_with("You recover from intervals in about 3 days ("),
        "{sentences:?}"
    );
    assert!(
        fast.sentences()[0].contains("in about 1 day ("),
        "{:?}",
        fast.sentences()
    );
    assert_eq!(
        (ToughKind::LongRun.name(), ToughKind::Intervals.name()),
        ("long_run", "intervals")
    );
    assert_eq!(
        (ToughKind::LongRun.label(), ToughKind::Intervals.label()),
        ("long runs", "intervals")
    );
}

#[test]
fn hills_and_tempo_runs_count_as_intervals_and_fartlek_does_not() {
    let mut s = weekly(end(), 16);
    let quality: Vec<usize> = (0..s.len())
        .filter(|i| s[*i].1 == WorkoutKind::Intervals)
        .collect();
    for (n, i) in quality.iter().enumerate() {
        s[*i].1 = [WorkoutKind::Hills, WorkoutKind::Tempo][n % 2].clone();
    }
    let h = history(end(), 16, &s, SLOW);
    let estimate = PersonalRecovery::from_history(&h)
        .intervals
        .expect("an estimate");
    assert_eq!(estimate.days, 3);
    for i in &quality {
        s[*i].1 = WorkoutKind::Fartlek;
    }
    let h = history(end(), 16, &s, SLOW);
    assert_eq!(PersonalRecovery::from_history(&h).intervals, None);
}

#[test]
fn fewer_than_six_sessions_give_no_estimate() {
    assert_eq!(MIN_SESSIONS, 6);
    // Eight weeks: the first long run has no baseline yet (six check-ins before it) and the
    // last no morning after it, six long runs remain.
    let s = sessions(end(), 8, |_| true, |_| false);
    let six = PersonalRecovery::from_history(&history(end(), 8, &s, SLOW));
    assert_eq!(six.long_run.map(|e| (e.days, e.sessions)), Some((3, 6)));
    let s = sessions(end(), 7, |_| true, |_| false);
    let five = PersonalRecovery::from_history(&history(end(), 7, &s, SLOW));
    assert_eq!(five, PersonalRecovery::default());
    assert!(five.is_empty() && five.sentences().is_empty());
    // Intervals in five weeks only: long runs have an estimate, intervals none.
    let s = sessions(end(), 16, |_| true, |w| (2..7).contains(&w));
    let p = PersonalRecovery::from_history(&history(end(), 16, &s, SLOW));
    assert!(p.long_run.is_some());
    assert_eq!(p.intervals, None);
    assert_eq!(p.estimates().count(), 1);
    // Check-ins alone, or sessions alone, say nothing.
    let h = history(end(), 16, &[], SLOW);
    assert!(PersonalRecovery::from_history(&h).is_empty());
    let mut h = history(end(), 16, &weekly(end(), 16), SLOW);
    h.wellness.clear();
    assert!(PersonalRecovery::from_history(&h).is_empty());
}

#[test]
fn sessions_whose_following_mornings_lack_check_ins_are_skipped() {
    let s = sessions(end(), 16, |_| true, |_| false);
    let full = history(end(), 16, &s, FAST);
    let all = PersonalRecovery::from_history(&full)
        .long_run
        .expect("an estimate");
    assert_eq!(all.days, 1);
    // The morning after six of the long runs has no check-in; the one after that is back at
    // baseline. Guessing would count those six as 2 days (or as 1): either way the count
    // and, with 2, the median would change.
    let mut gaps = full.clone();
    let missing: Vec<NaiveDate> = s
        .iter()
        .skip(4)
        .take(6)
        .map(|(d, _)| *d + Days::new(1))
        .collect();
    gaps.wellness.retain(|e| !missing.contains(&e.date));
    let skipped = PersonalRecovery::from_history(&gaps)
        .long_run
        .expect("an estimate");
    assert_eq!(skipped.days, 1);
    assert_eq!(skipped.sessions, all.sessions - 6);
    // A check-in without any reading is as good as none.
    let mut empty = full.clone();
    for e in empty
        .wellness
        .iter_mut()
        .filter(|e| missing.contains(&e.date))
    {
        *e = WellnessEntry {
            date: e.date,
            sleep_hours: Some(8.0),
            ..Default::default()
        };
    }
    assert_eq!(
        PersonalRecovery::from_history(&empty).long_run,
        Some(skipped)
    );
    // A slow recoverer missing the second morning: skipped too, not taken as recovered.
    let slow = history(end(), 16, &s, SLOW);
    let slow_all = PersonalRecovery::from_history(&slow)
        .long_run
        .expect("an estimate");
    let mut gaps = slow.clone();
    let second: Vec<NaiveDate> = s
        .iter()
        .skip(4)
        .take(6)
        .map(|(d, _)| *d + Days::new(2))
        .collect();
    gaps.wellness.retain(|e| !second.contains(&e.date));
    let p = PersonalRecovery::from_history(&gaps)
        .long_run
        .expect("an estimate");
    assert_eq!((p.days, p.sessions), (3, slow_all.sessions - 6));
    // With only five sessions left whole, there is no estimate.
    let mut gaps = full;
    let many: Vec<NaiveDate> = s.iter().skip(6).map(|(d, _)| *d + Days::new(1)).collect();
    gaps.wellness.retain(|e| !many.contains(&e.date));
    assert_eq!(PersonalRecovery::from_history(&gaps).long_run, None);
}

#[test]
fn a_session_not_back_before_the_next_one_counts_as_at_least_that_long() {
    // Long runs take six days, and intervals follow three days later: the mornings are
    // followed up to the intervals' morning (after it, the intervals' own effect mixes in),
    // so each long run counts as at least 4 days.
    let s = sessions(end(), 16, |w| w % 2 == 0, |w| w % 2 == 1);
    let h = history(
        end(),
        16,
        &s,
        Recovery {
            long_run: 6,
            intervals: 1,
        },
    );
    let p = PersonalRecovery::from_history(&h);
    assert_eq!(p.long_run.map(|e| e.days), Some(4));
    assert!(p.intervals.is_some());
}

fn intermediate() -> Athlete {
    let mut a = day_codes::athlete(ExperienceLevel::Intermediate);
    a.available_weekdays = vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    a.long_run_day = Weekday::Sun;
    a
}

/// Every finding of a check with default settings.
fn findings(plan: &Plan, a: &Athlete, history: Option<&History>) -> Vec<Finding> {
    check_plan(&CheckInput {
        plan,
        athlete: a,
        settings: &Settings::default(),
        history,
    })
}

fn r2(plan: &Plan, a: &Athlete, history: Option<&History>) -> Vec<Finding> {
    findings(plan, a, history)
        .into_iter()
        .filter(|f| f.rule == Rule::R2)
        .collect()
}

#[test]
fn a_slow_recoverers_plan_keeps_more_easy_days_after_the_long_run() {
    let a = intermediate();
    // The intervals two days after the long run: one easy day between, as the table asks of
    // an intermediate runner; a slow recoverer needs two.
    let plan = day_codes::plan(&[
        ["E8", "-", "E8", "E8", "-", "E8", "L20"],
        ["E8", "I8", "E8", "-", "E8", "E8", "L16"],
        ["E8", "-", "E8", "E8", "-", "E8", "E8"],
    ]);
    let tuesday = day_codes::monday() + Days::new(8);
    let s = weekly(end(), 16);
    let slow = history(end(), 16, &s, SLOW);
    let fast = history(end(), 16, &s, FAST);
    assert!(r2(&plan, &a, None).is_empty(), "the table allows it");
    assert!(
        r2(&plan, &a, Some(&fast)).is_empty(),
        "a fast recoverer keeps the table"
    );
    let found = r2(&plan, &a, Some(&slow));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].date, found[0].severity),
        (tuesday, Severity::Error)
    );
    assert!(
        found[0].message.contains("your check-ins after long runs")
            && found[0].message.contains("2 easy days"),
        "{}",
        found[0].message
    );
    // Two easy days between: the slow recoverer's plan is clean.
    let spaced = day_codes::plan(&[
        ["E8", "-", "E8", "E8", "-", "E8", "L20"],
        ["E8", "E8", "I8", "-", "E8", "E8", "L16"],
        ["E8", "-", "E8", "E8", "-", "E8", "E8"],
    ]);
    assert!(r2(&spaced, &a, Some(&slow)).is_empty());
}

#[test]
fn drop_previews_space_tough_days_by_the_athletes_own_recovery() {
    use stride::rules::preview::{DropKind, preview_drops};
    use stride::science::{pmc::PmcParams, series::LoadSeries};
    let spaced = day_codes::plan(&[
        ["E8", "-", "E8", "E8", "-", "E8", "L20"],
        ["E8", "E8", "I8", "-", "E8", "E8", "L16"],
        ["E8", "-", "E8", "E8", "-", "E8", "E8"],
    ]);
    let intervals = spaced
        .workouts
        .iter()
        .find(|w| w.kind == WorkoutKind::Intervals)
        .expect("intervals")
        .clone();
    let tuesday = intervals.date - Days::new(1);
    let days = [intervals.date, tuesday, intervals.date + Days::new(1)];
    let s = weekly(end(), 16);
    let added_r2 = |recovery: Recovery| -> Vec<bool> {
        let mut doc = AthleteDocument::new(intermediate());
        doc.history = history(end(), 16, &s, recovery);
        doc.plans.push(spaced.clone());
        let today = end() - Days::new(1);
        let series =
            LoadSeries::from_document(&doc, today, &PmcParams::from_settings(&doc.settings));
        let verdicts = preview_drops(&doc, intervals.id, &days, &series, DropKind::Move);
        // Each verdict is what a full check of the moved plan adds.
        let base = check_plan(&CheckInput::for_document(&doc).expect("input"));
        for v in &verdicts {
            let mut moved = doc.clone();
            for w in moved.plans[0].workouts.iter_mut() {
                if w.id == intervals.id {
                    w.date = v.date;
                }
            }
            let full: Vec<Finding> = check_plan(&CheckInput::for_document(&moved).expect("input"))
                .into_iter()
                .filter(|f| !base.contains(f))
                .collect();
            assert_eq!(v.added, full, "{recovery:?} to {}", v.date);
        }
        verdicts
            .iter()
            .map(|v| v.added.iter().any(|f| f.rule == Rule::R2))
            .collect()
    };
    assert_eq!(
        added_r2(SLOW),
        [false, true, false],
        "two days after the long run"
    );
    assert_eq!(
        added_r2(FAST),
        [false, false, false],
        "the table's one easy day"
    );
}

#[test]
fn a_fast_recoverer_never_gets_fewer_easy_days_than_the_table() {
    // A beginner needs two easy days after a tough day, however fast the check-ins say they
    // recover.
    let mut a = intermediate();
    a.level = ExperienceLevel::Beginner;
    let plan = day_codes::plan(&[
        ["E6", "-", "E6", "-", "E6", "-", "L14"],
        ["E6", "I6", "E6", "-", "E6", "-", "E6"],
    ]);
    let fast = history(end(), 16, &weekly(end(), 16), FAST);
    assert_eq!(r2(&plan, &a, None).len(), 1);
    assert_eq!(r2(&plan, &a, Some(&fast)), r2(&plan, &a, None));
}

fn generator_input(athlete: Athlete, distance_m: f64, weeks: u64) -> GeneratorInput {
    let start = end();
    GeneratorInput {
        athlete,
        goal: GoalRace {
            name: "Goal race".to_owned(),
            distance_m,
            date: start + Days::new(weeks * 7 - 1),
            goal_time_s: None,
        },
        start,
        longest_recent_run_km: Some(16.0),
        cross_training: CrossTrainingPreference::None,
        tune_ups: Vec::new(),
        days_off: Vec::new(),
    }
}

fn errors(plan: &Plan, a: &Athlete, history: Option<&History>) -> Vec<Finding> {
    findings(plan, a, history)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

#[test]
fn generated_plans_for_a_slow_recoverer_keep_their_own_rules() {
    let input = generator_input(intermediate(), 21_097.5, 14);
    let s = weekly(end(), 16);
    let slow = history(end(), 16, &s, SLOW);
    let settings = Settings::default();
    let plan = generate_with_history(&input, &settings, Some(&slow)).expect("a plan");
    let found = errors(&plan, &input.athlete, Some(&slow));
    assert!(found.is_empty(), "{found:?}");
    // The same runner without check-ins gets a plan that spaces tough days by the table
    // alone, which the slow recoverer's own recovery does not allow.
    let mut bare = slow.clone();
    bare.wellness.clear();
    let table = generate_with_history(&input, &settings, Some(&bare)).expect("a plan");
    assert!(
        errors(&table, &input.athlete, Some(&slow))
            .iter()
            .any(|f| f.rule == Rule::R2),
        "the table's spacing is too tight for this runner"
    );
    // Each tough long run of the plan is followed by two easy days.
    let days = stride::rules::stress::day_stress(&CheckInput {
        plan: &plan,
        athlete: &input.athlete,
        settings: &settings,
        history: Some(&slow),
    });
    for (i, (date, day)) in days.iter().enumerate() {
        if day.long_run.is_some() && day.class.is_tough() {
            for (next, after) in days.iter().skip(i + 1).take(2) {
                assert!(after.class < StressClass::Moderate, "{next} after {date}");
            }
        }
    }
}

#[test]
fn the_sharpener_keeps_three_easy_days_before_the_race() {
    // Three easy days after intervals: a sharpener three days out would reach race day.
    let mut a = intermediate();
    a.long_run_day = Weekday::Mon;
    a.weekly_volume_km = 45.0;
    let input = generator_input(a, 5000.0, 18);
    let s = sessions(end(), 20, |w| w % 2 == 0, |w| w % 2 == 1);
    let h = history(
        end(),
        20,
        &s,
        Recovery {
            long_run: 1,
            intervals: 4,
        },
    );
    let plan = generate_with_history(&input, &Settings::default(), Some(&h)).expect("a plan");
    assert!(errors(&plan, &input.athlete, Some(&h)).is_empty());
    let race = input.goal.date;
    assert!(
        plan.workouts
            .iter()
            .filter(|w| w.date < race && w.date + Days::new(3) >= race)
            .all(|w| w.intensity() < Intensity::Moderate),
        "{:?}",
        plan.workouts.iter().rev().take(5).collect::<Vec<_>>()
    );
}

#[test]
fn the_estimate_is_cheap_over_twenty_years_of_check_ins() {
    let weeks = 20 * 52;
    let s = weekly(end(), weeks);
    let h = history(end(), weeks, &s, SLOW);
    assert!(h.wellness.len() >= 7_280);
    let t = Instant::now();
    let p = PersonalRecovery::from_history(&h);
    let took = t.elapsed();
    assert_eq!(p.long_run.map(|e| e.days), Some(3));
    // A scan of every check-in per session would take tens of seconds here.
    assert!(took < Duration::from_secs(1), "{took:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The personal gap is never below the table's and never above the cap, whatever the
    /// athlete and whatever the estimate.
    #[test]
    fn the_personal_gap_stays_between_the_table_and_the_cap(
        level in 0usize..4,
        training_age in 0u32..30,
        born in 1940i32..=2012,
        long in prop::option::of((1u32..60, 6usize..400)),
        quality in prop::option::of((1u32..60, 6usize..400)),
    ) {
        let mut a = Athlete::example();
        a.level = ExperienceLevel::ALL[level];
        a.training_age_years = training_age;
        a.birth_year = born;
        let table = RecoveryProfile::for_athlete(&a, 2027);
        let estimate = |kind, e: Option<(u32, usize)>| {
            e.map(|(days, sessions)| RecoveryEstimate { kind, days, sessions })
        };
        let personal = PersonalRecovery {
            long_run: estimate(ToughKind::LongRun, long),
            intervals: estimate(ToughKind::Intervals, quality),
        };
        let p = table.with_personal(&personal);
        prop_assert!(MAX_PERSONAL_EASY_DAYS >= 2);
        for (gap, days) in [(p.after_long_run(), long), (p.after_quality(), quality)] {
            prop_assert!(gap >= table.easy_days_after_hard);
            prop_assert!(gap <= MAX_PERSONAL_EASY_DAYS);
            // Recovery days - 1 easy days, where the bounds allow.
            if let Some((days, _)) = days {
                let wanted = days - 1;
                if (table.easy_days_after_hard..=MAX_PERSONAL_EASY_DAYS).contains(&wanted) {
                    prop_assert_eq!(gap, wanted);
                }
            } else {
                prop_assert_eq!(gap, table.easy_days_after_hard);
            }
        }
        for class in [
            StressClass::Light,
            StressClass::Easy,
            StressClass::Moderate,
            StressClass::Hard,
            StressClass::VeryHard,
        ] {
            for (l, q) in [(false, false), (true, false), (false, true), (true, true)] {
                let with = p.easy_days_after(class, l, q);
                let without = table.easy_days_after(class, l, q);
                prop_assert!(with >= without);
                prop_assert!(with <= MAX_PERSONAL_EASY_DAYS.max(without));
                if !class.is_tough() {
                    prop_assert_eq!(with, 0);
                }
            }
        }
        // Everything else is the table's.
        prop_assert_eq!(
            RecoveryProfile {
                personal_after_long_run: 0,
                personal_after_quality: 0,
                ..p
            },
            table
        );
    }

    /// Recovery times built into the check-ins come back out exactly.
    #[test]
    fn built_in_recovery_times_are_read_back(
        long_run in 1u32..=3,
        intervals in 1u32..=3,
        weeks in 14u64..40,
    ) {
        let s = weekly(end(), weeks);
        let h = history(end(), weeks, &s, Recovery { long_run, intervals });
        let p = PersonalRecovery::from_history(&h);
        prop_assert_eq!(p.long_run.map(|e| e.days), Some(long_run));
        prop_assert_eq!(p.intervals.map(|e| e.days), Some(intervals));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The generator's plans for slow recoverers, with their history, have no rule errors.
    #[test]
    fn generated_plans_keep_the_rules_for_any_recovery(
        level in 0usize..4,
        born in 1950i32..2000,
        long_run in 1u32..=4,
        intervals in 1u32..=4,
        class in 0usize..4,
        days in 0u8..128,
        long_day in 0usize..7,
        extra_weeks in 0u64..6,
    ) {
        let mut a = intermediate();
        a.level = ExperienceLevel::ALL[level];
        a.birth_year = born;
        let week = a.available_weekdays.clone();
        a.long_run_day = week[long_day];
        // The days picked, the long run's among them, at least four.
        a.available_weekdays = week
            .iter()
            .enumerate()
            .filter(|(i, d)| days & (1 << i) != 0 || **d == a.long_run_day)
            .map(|(_, d)| *d)
            .collect();
        for d in &week {
            if a.available_weekdays.len() < 4 && !a.available_weekdays.contains(d) {
                a.available_weekdays.push(*d);
            }
        }
        a.available_weekdays.sort_by_key(|d| d.num_days_from_monday());
        a.weekly_volume_km = 45.0;
        let distance_m = [5000.0, 10_000.0, 21_097.5, 42_195.0][class];
        let level = RecoveryProfile::for_athlete(&a, end().year()).level;
        let weeks = u64::from(stride::generator::min_weeks(distance_m, level)) + 1 + extra_weeks;
        let input = generator_input(a, distance_m, weeks);
        // Long runs and intervals in turns, so that mornings off baseline stay the fewer.
        let s = sessions(end(), 20, |w| w % 2 == 0, |w| w % 2 == 1);
        let h = history(end(), 20, &s, Recovery { long_run, intervals });
        let plan = generate_with_history(&input, &Settings::default(), Some(&h))
            .expect("a plan");
        let found = errors(&plan, &input.athlete, Some(&h));
        prop_assert!(found.is_empty(), "{:?}", found);
    }
}

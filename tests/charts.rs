//! The data behind the charts, without a window: history/projection split, form zones, week
//! buckets on week-start boundaries, cut-back and taper weeks, and dates across DST changes.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate};
use stride::model::*;
use stride::science::charts::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn run(day: NaiveDate, kind: WorkoutKind, km: f64) -> Activity {
    Activity {
        start: day.and_hms_opt(7, 0, 0).expect("time"),
        kind,
        duration_s: km * 330.0,
        moving_s: None,
        normalised_pace_s_per_km: None,
        instant: None,
        distance_m: Some(km * 1000.0),
        avg_hr_bpm: None,
        max_hr_bpm: None,
        rpe: Some(4.0),
        load: None,
        source_file: None,
        planned_workout: None,
        notes: String::new(),
    }
}

fn history_doc(runs: &[(NaiveDate, WorkoutKind, f64)]) -> AthleteDocument {
    let mut doc = AthleteDocument::new(Athlete::example());
    doc.history.activities = runs
        .iter()
        .map(|(d, k, km)| run(*d, k.clone(), *km))
        .collect();
    doc
}

#[test]
fn history_and_projection_split_at_today_and_join() {
    let today = date(2026, 11, 29);
    let doc = stride::storage::demo_document(today).expect("demo");
    let charts = ChartData::from_document(&doc, today);
    let today_x = day_x(today);
    for line in [&charts.fitness, &charts.fatigue, &charts.form] {
        assert!(line.history.iter().all(|p| p[0] <= today_x));
        assert!(line.projection.iter().all(|p| p[0] >= today_x));
        assert_eq!(line.history.last().map(|p| p[0]), Some(today_x));
        assert_eq!(line.history.last(), line.projection.first());
        // Every day once, today twice.
        assert_eq!(
            line.history.len() + line.projection.len(),
            charts.series.days().len() + 1
        );
    }
    let race = charts.race.as_ref().expect("race");
    let plan = doc.active_plan().expect("plan");
    assert_eq!(x_day(race.x), Some(plan.goal.date));
    let eve = charts
        .day_values(plan.goal.date - Days::new(1))
        .expect("race eve");
    assert!(race.form.is_some());
    // The race morning is drawn in the projection.
    assert!(
        charts
            .form
            .projection
            .iter()
            .any(|p| p[0] == day_x(eve.date))
    );
}

#[test]
fn form_zones_cover_the_line_without_gaps() {
    let zones = FormZone::ALL;
    assert_eq!(zones[0].range().1, f64::INFINITY);
    assert_eq!(zones[zones.len() - 1].range().0, f64::NEG_INFINITY);
    for pair in zones.windows(2) {
        assert_eq!(pair[0].range().0, pair[1].range().1);
    }
    // The zones: fresh above +5, productive -10 to -30, high risk below -30.
    assert_eq!(FormZone::of(6.0), FormZone::Fresh);
    assert_eq!(FormZone::of(0.0), FormZone::Neutral);
    assert_eq!(FormZone::of(-20.0), FormZone::Productive);
    assert_eq!(FormZone::of(-30.5), FormZone::HighRisk);
    assert!(FormZone::Fresh.label().contains("+5"));
}

proptest! {
    #[test]
    fn every_form_falls_in_the_zone_whose_range_holds_it(form in -200.0f64..200.0) {
        let (low, high) = FormZone::of(form).range();
        prop_assert!(low <= form && form < high);
    }

    #[test]
    fn day_numbers_round_trip(offset in -40_000i64..40_000) {
        let d = date(2027, 3, 28) + chrono::TimeDelta::days(offset);
        prop_assert_eq!(x_day(day_x(d)), Some(d));
        prop_assert_eq!(day_x(d) - day_x(date(2027, 3, 28)), offset as f64);
    }

    #[test]
    fn weeks_start_on_the_week_start_and_hold_all_the_running(
        sunday in any::<bool>(),
        runs in prop::collection::vec((0u64..400, 0u8..4, 1.0f64..30.0), 1..60),
    ) {
        // From 2026-12-01 over daylight-saving changes in March and October 2027.
        let base = date(2026, 12, 1);
        let kinds = [WorkoutKind::Easy, WorkoutKind::Intervals, WorkoutKind::Long, WorkoutKind::Rest];
        let runs: Vec<(NaiveDate, WorkoutKind, f64)> = runs
            .iter()
            .map(|(d, k, km)| (base + Days::new(*d), kinds[*k as usize].clone(), *km))
            .collect();
        let mut doc = history_doc(&runs);
        doc.athlete.week_start = if sunday { WeekStart::Sunday } else { WeekStart::Monday };
        let today = base + Days::new(400);
        let charts = ChartData::from_document(&doc, today);
        let first_weekday = doc.athlete.week_start.weekday();
        for pair in charts.weeks.windows(2) {
            prop_assert_eq!((pair[1].start - pair[0].start).num_days(), 7);
        }
        for w in &charts.weeks {
            prop_assert_eq!(w.start.weekday(), first_weekday);
        }
        let running: f64 = runs.iter().filter(|r| r.1.is_running()).map(|r| r.2).sum();
        let bucketed: f64 = charts.weeks.iter().map(WeekBucket::total_km).sum();
        prop_assert!((running - bucketed).abs() < 1e-6, "{running} vs {bucketed}");
        for (day, kind, km) in runs.iter().filter(|r| r.1.is_running()) {
            let week = charts.week_of(*day).expect("a bucket for every run");
            prop_assert!(week.start <= *day && *day < week.start + Days::new(7));
            prop_assert!(week.km_at(kind.default_intensity()) >= *km - 1e-9);
        }
    }
}

#[test]
fn a_lower_week_after_steady_ones_is_a_cut_back_and_a_small_dip_is_not() {
    let monday = date(2027, 3, 1);
    let mut runs = Vec::new();
    // Weekly km: 40, 40, 40, 30 (cut-back), 41, 38 (a 7% dip).
    for (week, km) in [40.0, 40.0, 40.0, 30.0, 41.0, 38.0].iter().enumerate() {
        for day in [0u64, 2, 4, 6] {
            runs.push((
                monday + Days::new(7 * week as u64 + day),
                WorkoutKind::Easy,
                km / 4.0,
            ));
        }
    }
    let charts = ChartData::from_document(&history_doc(&runs), date(2027, 4, 11));
    let flags: Vec<bool> = charts.weeks.iter().map(|w| w.cut_back).collect();
    assert_eq!(flags, [false, false, false, true, false, false]);
    let ramp = charts.weeks[4].ramp.expect("ramp");
    assert!((ramp - (41.0 / 30.0 - 1.0)).abs() < 1e-9);
    assert_eq!(charts.weeks[0].ramp, None);
    assert!(charts.weeks.iter().all(|w| !w.projected && !w.taper));
    assert_eq!(charts.weeks[0].easy_share(), Some(1.0));
}

#[test]
fn a_generated_plan_shows_its_taper_and_its_cut_back_weeks() {
    let mut athlete = Athlete::example();
    athlete.vdot = Some(45.0);
    athlete.weekly_volume_km = 35.0;
    let input = GeneratorInput {
        athlete: athlete.clone(),
        goal: GoalRace {
            name: "City Half".to_owned(),
            distance_m: 21_097.5,
            date: date(2027, 5, 2),
            goal_time_s: None,
        },
        start: date(2027, 1, 4),
        longest_recent_run_km: None,
        cross_training: CrossTrainingPreference::None,
        tune_ups: Vec::new(),
        days_off: Vec::new(),
    };
    let plan = generate(&input, &Settings::default()).expect("plan");
    let taper = plan
        .phases
        .iter()
        .find(|p| p.kind == PhaseKind::Taper)
        .expect("taper")
        .clone();
    let mut doc = AthleteDocument::new(athlete);
    doc.plans.push(plan);
    let charts = ChartData::from_document(&doc, date(2027, 1, 3));
    assert!(charts.weeks.iter().all(|w| w.projected));
    for w in &charts.weeks {
        let overlaps = w.start <= taper.end && taper.start <= w.start + Days::new(6);
        assert_eq!(w.taper, overlaps, "week of {}", w.start);
    }
    let cut_backs: Vec<&WeekBucket> = charts.weeks.iter().filter(|w| w.cut_back).collect();
    assert!(!cut_backs.is_empty(), "a 17-week plan has cut-back weeks");
    for w in cut_backs {
        let before = charts.week_of(w.start - Days::new(1)).expect("week before");
        assert!(w.total_km() < before.total_km(), "week of {}", w.start);
    }
    // About 80% easy: each full training week's easy share is at least the rule's 75%.
    for w in charts.weeks.iter().filter(|w| !w.taper) {
        assert!(
            w.easy_share().expect("running") >= 0.75 - 1e-9,
            "week of {}",
            w.start
        );
    }
}

#[test]
fn load_bars_take_the_hardest_session_of_the_day() {
    let day = date(2027, 3, 10);
    let runs = [
        (day, WorkoutKind::Easy, 5.0),
        (day, WorkoutKind::Intervals, 8.0),
        (day + Days::new(1), WorkoutKind::Recovery, 6.0),
    ];
    let charts = ChartData::from_document(&history_doc(&runs), day + Days::new(3));
    let bars: Vec<(f64, Intensity)> = charts.loads.iter().map(|b| (b.x, b.intensity)).collect();
    assert_eq!(
        bars,
        [
            (day_x(day), Intensity::Hard),
            (day_x(day) + 1.0, Intensity::Recovery)
        ]
    );
    assert!(charts.loads.iter().all(|b| b.load > 0.0 && !b.projected));
}

#[test]
fn the_same_load_every_day_is_maximally_monotonous() {
    let monday = date(2027, 3, 1);
    let runs: Vec<_> = (0..7)
        .map(|d| (monday + Days::new(d), WorkoutKind::Easy, 8.0))
        .collect();
    let charts = ChartData::from_document(&history_doc(&runs), date(2027, 3, 10));
    let week = &charts.weeks[0];
    let daily = charts.series.days()[0].values.load;
    assert_eq!(week.monotony, Some(10.0));
    let strain = week.strain.expect("strain");
    assert!((strain - 7.0 * daily * 10.0).abs() < 1e-6);
    assert!(week.monotony.expect("monotony") >= MONOTONY_CRITICAL);
}

fn wellness(day: NaiveDate, hr: u16) -> WellnessEntry {
    WellnessEntry {
        date: day,
        resting_hr_bpm: Some(hr),
        hrv_ms: None,
        sleep_hours: Some(7.5),
        sleep_quality: None,
        soreness: Some(2),
        fatigue: None,
        stress: None,
        mood: None,
        motivation: None,
    }
}

#[test]
fn the_usual_resting_heart_rate_is_the_median_of_the_four_weeks_before() {
    let first = date(2027, 2, 1);
    let mut doc = AthleteDocument::new(Athlete::example());
    // 30 days at 48 bpm, then a day at 55, entered out of order.
    doc.history
        .wellness
        .push(wellness(first + Days::new(30), 55));
    for d in 0..30 {
        doc.history
            .wellness
            .push(wellness(first + Days::new(d), 48));
    }
    let lines = WellnessLines::from_history(&doc.history);
    assert_eq!(lines.resting_hr.len(), 31);
    assert!(lines.resting_hr.windows(2).all(|w| w[0][0] < w[1][0]));
    // No usual value until seven readings came before, as for the warning sign.
    assert_eq!(
        lines.usual_hr.first().map(|p| p[0]),
        Some(day_x(first) + 7.0)
    );
    let last = lines.usual_hr.last().expect("usual");
    assert_eq!(last, &[day_x(first) + 30.0, 48.0]);
    assert!(55.0 >= last[1] + RESTING_HR_WARNING_BPM);
    assert_eq!(lines.sleep_hours.len(), 31);
    assert_eq!(lines.soreness.len(), 31);
    assert!(lines.fatigue.is_empty());
}

#[test]
fn old_readings_leave_the_usual_after_four_weeks() {
    let first = date(2027, 2, 1);
    let mut doc = AthleteDocument::new(Athlete::example());
    // A high week, a gap of five weeks, then eight normal days.
    for d in 0..7 {
        doc.history
            .wellness
            .push(wellness(first + Days::new(d), 70));
    }
    for d in 42..50 {
        doc.history
            .wellness
            .push(wellness(first + Days::new(d), 50));
    }
    let lines = WellnessLines::from_history(&doc.history);
    let after_gap: Vec<&[f64; 2]> = lines
        .usual_hr
        .iter()
        .filter(|p| p[0] >= day_x(first) + 42.0)
        .collect();
    // Day 49 has seven readings of 50 before it and none of the old 70s.
    assert_eq!(after_gap, [&[day_x(first) + 49.0, 50.0]]);
}

/// Issue: the chart's usual resting HR (a mean of 3+ readings) and the sign's (a median of
/// 7+) disagreed. Both now read one function.
#[test]
fn the_chart_and_the_warning_sign_share_the_usual_resting_heart_rate() {
    let today = date(2027, 3, 10);
    let mut doc = AthleteDocument::new(Athlete::example());
    // Four weeks around 50 with two high mornings, then three days at 58.
    for back in 3..31u64 {
        let hr = if back % 9 == 0 {
            64
        } else {
            49 + (back % 3) as u16
        };
        doc.history
            .wellness
            .push(wellness(today - Days::new(back), hr));
    }
    for back in 0..3u64 {
        doc.history
            .wellness
            .push(wellness(today - Days::new(back), 58));
    }
    let lines = WellnessLines::from_history(&doc.history);
    let window_start = day_x(today - Days::new(2));
    let chart = lines
        .usual_hr
        .iter()
        .find(|p| p[0] == window_start)
        .expect("a usual value on the window's first day")[1];
    let r = stride::readiness::Readiness::assess(&doc, today);
    let sign = r
        .warnings
        .iter()
        .find(|w| w.sign == stride::readiness::Sign::RestingHr)
        .expect("the sign fires");
    assert!(
        sign.message.contains(&format!("your usual {chart:.0} ")),
        "{} against the chart's {chart}",
        sign.message
    );
}

/// Issue: a week shown "88% easy" had a bar one-third easy, because a quality session's
/// warm-up and cool-down and an all-easy long run counted at the session's class.
#[test]
fn the_weekly_bar_is_as_easy_as_the_easy_share_says() {
    let monday = date(2027, 3, 1);
    let mut athlete = Athlete::example();
    athlete.vdot = Some(45.0);
    let mut doc = AthleteDocument::new(athlete);
    let mut plan = Plan::new(
        "p",
        GoalRace {
            name: String::new(),
            distance_m: 10_000.0,
            date: monday + Days::new(60),
            goal_time_s: None,
        },
        monday,
    );
    for (day, kind, km) in [
        (0u64, WorkoutKind::Easy, 8.0),
        (2, WorkoutKind::Tempo, 10.0),
        (4, WorkoutKind::Easy, 8.0),
        (6, WorkoutKind::Long, 16.0),
    ] {
        let mut w = Workout::new(WorkoutId(day + 1), monday + Days::new(day), kind);
        w.planned_distance_m = Some(km * 1000.0);
        plan.workouts.push(w);
    }
    doc.plans.push(plan);
    let charts = ChartData::from_document(&doc, monday - Days::new(1));
    let week = charts.week_of(monday).expect("the week");
    let share = week.easy_share().expect("running");
    let easy_km = week.km_at(Intensity::Easy) + week.km_at(Intensity::Recovery);
    let bar = easy_km / week.total_km();
    assert!(share > 0.8, "{share}");
    assert!(
        (bar - share).abs() < 0.06,
        "bar {bar:.2} against share {share:.2}"
    );
}

proptest! {
    #[test]
    fn zoom_and_pan_stay_within_sensible_limits(
        start in -1000.0f64..1000.0,
        length in 0.0f64..5000.0,
        from in -20_000.0f64..20_000.0,
        width in -10.0f64..20_000.0,
    ) {
        let span = (start, start + length);
        let (a, b) = clamp_view(from, from + width, span);
        prop_assert!(b - a >= 7.0 - 1e-9);
        prop_assert!(b - a <= length + 730.0 + 1e-9);
        prop_assert!(a >= span.0 - 365.0 - 1e-9);
        // Some of the data stays in view.
        prop_assert!(a <= span.1 && b >= span.0, "{a}..{b} against {span:?}");
        // A view already inside the limits is left alone.
        if width >= 7.0 && from >= span.0 && from + width <= span.1 {
            prop_assert_eq!((a, b), (from, from + width));
        }
    }
}

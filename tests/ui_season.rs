//! The season in the window, driven through egui_kittest: a tune-up race and sick days from a
//! day's menu, sick days from the check-in, conditions in the workout editor, and the Season
//! view's plans.

use chrono::{Days, NaiveDate};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stride::model::{
    Conditions, Intensity, OffReason, PaceZone, RacePriority, WorkoutKind, format_pace,
};
use stride::science::conditions::Adjustment;
use stride::science::load::LoadContext;
use stride::ui::{CentralTab, FixedDialogs, StrideApp};

mod common;
use common::*;

/// Applies the comparison the season window shows. The pointer reaches the button before it
/// presses, as a hand's does.
fn apply_adapted(h: &mut Harness<'static, StrideApp>) {
    h.get_by_label("Apply the adapted plan").hover();
    h.run();
    click(h, "Apply the adapted plan");
}

/// Right-clicks a day of the calendar (its cell, or the workout chip at its centre: both
/// menus hold the day's entries).
fn open_day_menu(h: &mut Harness<'static, StrideApp>, day: NaiveDate) {
    h.get_by_label(&day.format("%A %-d %B %Y").to_string())
        .click_secondary();
    h.run();
}

#[test]
fn add_race_on_a_day_gives_a_b_race_there_with_easy_days_after_it() {
    let mut h = harness(FixedDialogs::default());
    let day = today() + Days::new(14);
    let before = active_plan(&h);
    assert!(
        before
            .workouts_on(day + Days::new(2))
            .chain(before.workouts_on(day + Days::new(3)))
            .any(|w| w.intensity() > Intensity::Easy),
        "the days after hold training to make easy"
    );
    open_day_menu(&mut h, day);
    click(&mut h, "Add race…");
    assert!(h.query_by_label("Add race").is_some(), "the form is open");
    fill(&mut h, "Name", "Winter 10K");
    fill(&mut h, "Distance", "10k");
    click(&mut h, "Show the changes");
    assert!(h.query_by_label("Week of").is_some(), "before and after");
    assert_eq!(
        active_plan(&h),
        before,
        "nothing changes before it is applied"
    );
    apply_adapted(&mut h);

    let plan = active_plan(&h);
    let race = plan
        .workouts_on(day)
        .find(|w| w.kind.is_race())
        .expect("the race");
    assert_eq!(race.kind, WorkoutKind::race(10_000.0, RacePriority::B));
    assert_eq!(race.title, "Winter 10K");
    // An easy day per 3 km raced: the three days after hold nothing harder than easy.
    for k in 1..=3 {
        for w in plan.workouts_on(day + Days::new(k)) {
            assert!(
                w.intensity() <= Intensity::Easy,
                "{} on {} after the race",
                w.display_title(),
                w.date
            );
        }
    }
    assert_eq!(
        undo_label(&h),
        format!("Add B race on {}", day.format("%a %-d %b"))
    );
    let chip = h
        .query_all_by_label_contains("Winter 10K")
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.contains(" · 10 km"))
        .expect("the race's chip");
    assert!(
        chip.contains("B race"),
        "the chip names its priority: {chip}"
    );
    click(&mut h, "Season");
    assert!(
        h.query_by_label_contains(&format!("Winter 10K · {}", day.format("%a %-d %b %Y")))
            .is_some(),
        "the Season view lists the tune-up"
    );
}

#[test]
fn sick_for_three_days_leaves_no_running_on_them_and_undo_restores_the_plan() {
    let mut h = harness(FixedDialogs::default());
    let first = today() + Days::new(2);
    let days = [0, 1, 2].map(|k| first + Days::new(k));
    let before = active_plan(&h);
    assert!(
        days.iter()
            .any(|d| before.workouts_on(*d).any(|w| w.kind.is_running())),
        "there is running to cancel"
    );
    assert!(h.query_by_label("Sick").is_none());
    open_day_menu(&mut h, first);
    click(&mut h, "Sick…");
    fill(&mut h, "Days", "3");
    assert_eq!(
        h.get_by_label("Last day").value().as_deref(),
        Some(days[2].to_string().as_str()),
        "the last day follows the number of days"
    );
    click(&mut h, "Show the changes");
    apply_adapted(&mut h);

    let plan = active_plan(&h);
    for d in days {
        assert_eq!(plan.day_off(d), Some(OffReason::Sick));
        assert!(
            plan.workouts_on(d).all(|w| !w.kind.is_running()),
            "no running on {d}"
        );
    }
    assert_eq!(plan.day_off(days[2] + Days::new(1)), None);
    assert_eq!(
        h.query_all_by_label("Sick").count(),
        3,
        "each sick day is marked on the calendar"
    );
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(active_plan(&h), before, "one undo step");
    assert!(h.query_by_label("Sick").is_none());
}

#[test]
fn days_away_with_cross_training_hold_no_running_and_are_marked_away() {
    let mut h = harness(FixedDialogs::default());
    let first = today() + Days::new(9);
    let last = first + Days::new(1);
    open_day_menu(&mut h, first);
    click(&mut h, "Away…");
    assert!(h.query_by_label("Days away").is_some());
    fill(&mut h, "Last day", &last.to_string());
    click(&mut h, "Cross-training possible");
    click(&mut h, "Show the changes");
    apply_adapted(&mut h);
    let plan = active_plan(&h);
    for d in [first, last] {
        assert_eq!(
            plan.day_off(d),
            Some(OffReason::Away {
                cross_training: true
            })
        );
        assert!(plan.workouts_on(d).all(|w| !w.kind.is_running()), "{d}");
    }
    assert_eq!(h.query_all_by_label("Away").count(), 2);
    assert!(undo_label(&h).starts_with("Away "), "{}", undo_label(&h));
}

#[test]
fn the_check_in_opens_the_sick_days_form_on_its_day() {
    let mut h = harness(FixedDialogs::default());
    click(&mut h, "Check in…");
    click(&mut h, "Sick…");
    assert!(h.query_by_label("Sick days").is_some());
    assert!(
        h.query_by_label("Check-in").is_some(),
        "the check-in stays open"
    );
    assert_eq!(
        h.get_by_label("First day").value().as_deref(),
        Some(today().to_string().as_str())
    );
    fill(&mut h, "Last day", "2026-11-27");
    click(&mut h, "Show the changes");
    assert!(
        h.query_by_label("Last day: on or after the first day.")
            .is_some(),
        "a bad range is refused next to the form"
    );
}

#[test]
fn the_editor_shows_the_paces_slowed_by_heat_once_temperature_and_dew_point_are_typed() {
    let mut h = harness(FixedDialogs::default());
    let id = select_first_tempo(&mut h);
    let doc = h.state().session().document().clone();
    let units = doc.athlete.units;
    let home = LoadContext::new(&doc.athlete, &doc.settings)
        .paces()
        .threshold_s_per_km;
    let hot = Conditions {
        temperature_c: Some(30.0),
        dew_point_c: Some(22.0),
        altitude_m: None,
    };
    let in_heat = Adjustment::new(&hot, doc.athlete.home_altitude_m).pace(PaceZone::T, home);
    let (cool_text, hot_text) = (format_pace(home, units), format_pace(in_heat, units));
    assert_ne!(cool_text, hot_text);
    assert!(h.query_by_label(&hot_text).is_none());
    let cool_before = h.query_all_by_label(&cool_text).count();
    assert!(cool_before > 0, "the T pace beside the step");

    for (field, value) in [("Temperature (°C)", "30"), ("Dew point (°C)", "22")] {
        fill(&mut h, field, value);
        h.key_press(Key::Tab);
        h.run();
    }
    let w = active_plan(&h).workout(id).expect("w").clone();
    assert_eq!(w.conditions, hot, "committed like the other fields");
    assert!(
        h.query_by_label(&hot_text).is_some(),
        "the T pace in the heat: {hot_text}"
    );
    assert!(h.query_all_by_label(&cool_text).count() < cool_before);
    assert!(
        h.query_by_label_contains("Paces adjusted: heat (temperature + dew point")
            .is_some()
    );

    fill(&mut h, "Dew point (°C)", "35");
    h.key_press(Key::Tab);
    h.run();
    assert!(
        h.query_by_label("The dew point is at most the temperature.")
            .is_some()
    );
    assert_eq!(
        active_plan(&h).workout(id).expect("w").conditions,
        hot,
        "refused, not committed"
    );
}

#[test]
fn the_season_view_lists_two_plans_and_switching_the_active_one_changes_the_calendar() {
    let mut h = harness(FixedDialogs::default());
    let first = active_plan(&h);
    click(&mut h, "Season");
    assert_eq!(h.state().tab(), CentralTab::Season);
    assert!(h.query_by_label("Season: 1 plan").is_some());
    click(&mut h, "New plan for another race…");
    click(&mut h, "Generate");
    let doc = h.state().session().document().clone();
    assert_eq!(doc.plans.len(), 2, "{:?}", h.state().status_message());
    assert_eq!(doc.plans[0], first, "the active plan stays active");
    let second = doc.plans[1].clone();
    assert!(second.start_date > first.goal.date, "after the first race");
    assert!(h.query_by_label("Season: 2 plans").is_some());
    for plan in [&first, &second] {
        let goal = format!(
            "{} · {}",
            plan.goal.name,
            plan.goal.date.format("%a %-d %b %Y")
        );
        assert!(h.query_by_label_contains(&goal).is_some(), "{goal}");
    }
    // The charts run on through the second plan.
    let last = |h: &Harness<'static, StrideApp>| {
        h.state()
            .chart_data()
            .series
            .days()
            .last()
            .expect("days")
            .date
    };
    assert!(last(&h) >= second.goal.date);

    let cell = |d: NaiveDate| d.format("%A %-d %B %Y").to_string();
    click(&mut h, "Make active");
    assert_eq!(active_plan(&h), second);
    assert_eq!(
        undo_label(&h),
        format!("Make \"{}\" the active plan", second.name)
    );
    click(&mut h, "Calendar");
    assert!(
        h.query_by_label(&cell(second.start_date)).is_some(),
        "the calendar shows the new active plan's first weeks"
    );
    let chip = second
        .workouts_on(second.start_date + Days::new(1))
        .next()
        .expect("a workout on the second day")
        .display_title();
    assert!(h.query_by_label_contains(&chip).is_some(), "{chip}");

    // Days away in a plan still to start: it keeps its weeks and reaches back no earlier.
    let away = second.start_date + Days::new(17);
    open_day_menu(&mut h, away);
    click(&mut h, "Away…");
    click(&mut h, "Show the changes");
    apply_adapted(&mut h);
    let adapted = active_plan(&h);
    assert_eq!(
        adapted.day_off(away),
        Some(OffReason::Away {
            cross_training: false
        })
    );
    assert_eq!(adapted.start_date, second.start_date);
    assert!(
        adapted.workouts.iter().all(|w| w.date >= second.start_date),
        "nothing before its first day"
    );
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(active_plan(&h), second);

    // Days before the active plan starts belong to no plan on the calendar.
    click(&mut h, "Today");
    open_day_menu(&mut h, today() + Days::new(14));
    assert!(h.get_by_label("Add race…").accesskit_node().is_disabled());
    assert!(h.get_by_label("Sick…").accesskit_node().is_disabled());
    h.key_press(Key::Escape);
    h.run();
    shortcut(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(active_plan(&h), first);
}

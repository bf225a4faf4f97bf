//! Representative generated plans, pinned as snapshots and read by eye: would a coach sign
//! them? Each also passes its own rules.

use chrono::{NaiveDate, Weekday};
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate};
use stride::model::*;
use stride::rules::{CheckInput, check_plan};
use stride::science::load::LoadContext;
use stride::storage::plan_csv::write_plan;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn plan_csv(input: &GeneratorInput) -> String {
    let settings = Settings::default();
    let plan = generate(input, &settings).expect("plan");
    let findings = check_plan(&CheckInput {
        plan: &plan,
        athlete: &input.athlete,
        settings: &settings,
        history: None,
    });
    assert!(findings.is_empty(), "{findings:?}");
    write_plan(&plan, &LoadContext::new(&input.athlete, &settings))
}

fn athlete(
    level: ExperienceLevel,
    years: u32,
    born: i32,
    km: f64,
    vdot: f64,
    days: &[Weekday],
    long: Weekday,
) -> Athlete {
    let mut a = Athlete::example();
    a.level = level;
    a.training_age_years = years;
    a.birth_year = born;
    a.weekly_volume_km = km;
    a.vdot = Some(vdot);
    a.available_weekdays = days.to_vec();
    a.long_run_day = long;
    a
}

fn input(a: Athlete, distance_m: f64, start: NaiveDate, race: NaiveDate) -> GeneratorInput {
    GeneratorInput {
        athlete: a,
        goal: GoalRace {
            name: "Goal race".to_owned(),
            distance_m,
            date: race,
            goal_time_s: None,
        },
        start,
        longest_recent_run_km: None,
        cross_training: CrossTrainingPreference::None,
        tune_ups: Vec::new(),
        days_off: Vec::new(),
    }
}

use Weekday::*;

fn beginner_5k() -> GeneratorInput {
    let a = athlete(
        ExperienceLevel::Beginner,
        0,
        1995,
        12.0,
        33.0,
        &[Tue, Thu, Sun],
        Sun,
    );
    input(a, 5000.0, day(2027, 3, 1), day(2027, 4, 25))
}

#[test]
fn beginner_5k_in_8_weeks_on_3_days() {
    insta::assert_snapshot!(plan_csv(&beginner_5k()));
}

fn intermediate_half() -> GeneratorInput {
    let a = athlete(
        ExperienceLevel::Intermediate,
        4,
        1988,
        35.0,
        44.0,
        &[Mon, Tue, Thu, Fri, Sun],
        Sun,
    );
    input(a, 21_097.5, day(2027, 1, 25), day(2027, 4, 18))
}

#[test]
fn intermediate_half_in_12_weeks() {
    insta::assert_snapshot!(plan_csv(&intermediate_half()));
}

fn advanced_marathon() -> GeneratorInput {
    let a = athlete(
        ExperienceLevel::Advanced,
        8,
        1985,
        60.0,
        52.0,
        &[Mon, Tue, Wed, Thu, Sat, Sun],
        Sun,
    );
    let mut i = input(a, 42_195.0, day(2027, 6, 14), day(2027, 10, 17));
    i.cross_training = CrossTrainingPreference::Bike;
    i
}

#[test]
fn advanced_marathon_in_18_weeks_on_6_days() {
    insta::assert_snapshot!(plan_csv(&advanced_marathon()));
}

fn masters_10k_input() -> GeneratorInput {
    let a = athlete(
        ExperienceLevel::Intermediate,
        12,
        1966,
        30.0,
        41.0,
        &[Tue, Wed, Fri, Sat, Sun],
        Sat,
    );
    let mut i = input(a, 10_000.0, day(2027, 2, 1), day(2027, 4, 24));
    i.cross_training = CrossTrainingPreference::Swim;
    i
}

#[test]
fn masters_10k() {
    insta::assert_snapshot!(plan_csv(&masters_10k_input()));
}

fn intermediate_10k() -> GeneratorInput {
    let a = athlete(
        ExperienceLevel::Intermediate,
        5,
        1990,
        40.0,
        46.0,
        &[Mon, Tue, Thu, Sat, Sun],
        Sun,
    );
    input(a, 10_000.0, day(2027, 3, 1), day(2027, 5, 9))
}

fn advanced_half() -> GeneratorInput {
    let a = athlete(
        ExperienceLevel::Advanced,
        7,
        1987,
        60.0,
        55.0,
        &[Mon, Tue, Wed, Thu, Sat, Sun],
        Sun,
    );
    input(a, 21_097.5, day(2027, 7, 5), day(2027, 9, 26))
}

fn beginner_marathon() -> GeneratorInput {
    let a = athlete(
        ExperienceLevel::Beginner,
        1,
        1992,
        30.0,
        36.0,
        &[Tue, Thu, Sat, Sun],
        Sun,
    );
    input(a, 42_195.0, day(2027, 5, 3), day(2027, 9, 19))
}

fn intermediate_marathon() -> GeneratorInput {
    let a = athlete(
        ExperienceLevel::Intermediate,
        5,
        1984,
        50.0,
        45.0,
        &[Tue, Wed, Thu, Sat, Sun],
        Sun,
    );
    input(a, 42_195.0, day(2027, 1, 4), day(2027, 4, 25))
}

/// More volume than one run a day carries: some days hold a second, easy run.
fn elite_marathon() -> GeneratorInput {
    let a = athlete(
        ExperienceLevel::Elite,
        10,
        1996,
        150.0,
        70.0,
        &[Mon, Tue, Wed, Thu, Fri, Sat, Sun],
        Sun,
    );
    input(a, 42_195.0, day(2027, 7, 19), day(2027, 11, 7))
}

/// Quality sessions: what the "quality" column of the gallery counts.
fn is_quality(kind: &WorkoutKind) -> bool {
    matches!(
        kind,
        WorkoutKind::Tempo
            | WorkoutKind::Intervals
            | WorkoutKind::RacePace
            | WorkoutKind::Hills
            | WorkoutKind::Fartlek
    )
}

/// One plan of the gallery as Markdown: who it is for, then a row a week with each day's
/// workouts, the week's running, its long run, its quality sessions and the average minutes
/// of its runs.
fn gallery_section(title: &str, input: &GeneratorInput, optimise: bool) -> String {
    use std::fmt::Write;
    let settings = Settings::default();
    let (plan, chosen) = if optimise {
        let doc = stride::model::AthleteDocument::new(input.athlete.clone());
        let found = stride::generator::optimize::optimize_for_document(input, &doc).expect("plan");
        let mut summary = found.summary();
        // When the standard plan stays, the page shows the best alternative, for a coach to
        // judge what the optimiser weighed.
        let shown = if found.best.tuning.is_standard() && found.tapers.len() > 1 {
            let alt = &found.tapers[1];
            summary += &format!(
                ". Shown below: the best alternative, {}, peak volume {:.0}% of the standard, \
                 predicting VDOT {:.2} against {:.2} (a departure needs {:.2} more)",
                alt.taper.describe(),
                100.0 * alt.tuning.peak_scale,
                alt.vdot.0,
                found.standard.vdot.0,
                found.worthwhile_vdot
            );
            alt.plan.clone()
        } else {
            found.best.plan
        };
        (shown, Some(summary))
    } else {
        (generate(input, &settings).expect("plan"), None)
    };
    let a = &input.athlete;
    let findings = check_plan(&CheckInput {
        plan: &plan,
        athlete: a,
        settings: &settings,
        history: None,
    });
    assert!(findings.is_empty(), "{title}: {findings:?}");
    let context = LoadContext::new(a, &settings);
    let days: Vec<String> = a.available_weekdays.iter().map(|d| d.to_string()).collect();
    let mut out = format!(
        "## {title}\n\n{} (training for {} {}, born {}), {:.0} km a week, VDOT {:.0}, runs on \
         {} with the long run on {}. Race: {:.1} km on {}. Rule findings: {}.\n\n",
        a.level.label(),
        a.training_age_years,
        if a.training_age_years == 1 {
            "year"
        } else {
            "years"
        },
        a.birth_year,
        a.weekly_volume_km,
        a.vdot.unwrap_or(0.0),
        days.join(", "),
        a.long_run_day,
        plan.goal.distance_m / 1000.0,
        plan.goal.date.format("%a %-d %b %Y"),
        findings.len()
    );
    if let Some(chosen) = chosen {
        let _ = writeln!(out, "> Race-day optimiser (population model): {chosen}.\n");
    }
    for note in &plan.notes {
        let _ = writeln!(out, "> Note: {note}\n");
    }
    let week_days = a.week_start.weekdays();
    let names: Vec<String> = week_days.iter().map(|d| d.to_string()).collect();
    let _ = writeln!(
        out,
        "| week | phase | {} | km | long run | quality | min/run |",
        names.join(" | ")
    );
    let _ = writeln!(out, "|{}", " --- |".repeat(13));
    let mut week = a.week_start.week_of(plan.start_date);
    while week <= plan.goal.date {
        let mut cells = Vec::new();
        let (mut km, mut long, mut quality) = (0.0, None, 0);
        let (mut minutes, mut runs) = (0.0, 0);
        for k in 0..7 {
            let date = week + chrono::Days::new(k);
            let mut titles = Vec::new();
            for w in plan.workouts_on(date) {
                if w.kind == WorkoutKind::Rest {
                    continue;
                }
                titles.push(w.display_title());
                let distance = context.running_split(w).1 / 1000.0;
                let race = matches!(w.kind, WorkoutKind::Race { .. });
                if !race {
                    km += distance;
                }
                if w.kind.is_running() && !race {
                    minutes += w.planned_duration_s.unwrap_or(0.0) / 60.0;
                    runs += 1;
                }
                if w.kind == WorkoutKind::Long {
                    long = Some(distance);
                }
                if is_quality(&w.kind) {
                    quality += 1;
                }
            }
            cells.push(if titles.is_empty() {
                "-".to_owned()
            } else {
                titles.join(" + ")
            });
        }
        let phase = plan
            .phase_on(week + chrono::Days::new(3))
            .or_else(|| plan.phase_on(plan.start_date))
            .map_or("", |p| p.kind.label());
        let per_run = if runs == 0 {
            "-".to_owned()
        } else {
            format!("{:.0}", minutes / f64::from(runs))
        };
        let _ = writeln!(
            out,
            "| {} | {phase} | {} | {km:.0} | {} | {quality} | {per_run} |",
            week.format("%-d %b"),
            cells.join(" | "),
            long.map_or("-".to_owned(), |l| format!("{l:.1} km"))
        );
        week = week + chrono::Days::new(7);
    }
    out
}

/// The plan gallery, `docs/plans.md`: eight reference runners' plans laid out week by week,
/// so that anyone can read them as a coach would. It must match what the generator makes
/// today; run with `STRIDE_WRITE_GALLERY=1` to write it anew after a change to the generator.
#[test]
fn the_plan_gallery_shows_what_the_generator_makes_today() {
    let mut text = String::from(
        "# The plan gallery\n\n\
         Plans Stride generates for 9 representative runners, from a beginner's first 5K to an \
         elite marathoner (and the intermediate marathon again through the race-day optimiser and \
         with a season of tune-up races and days away), week by week, as the generator makes them today (`tests/plans.rs` \
         checks that this page is current; `STRIDE_WRITE_GALLERY=1 cargo test --test plans` \
         writes it anew). Each day lists its workouts, joined by `+` when there are two; `-` \
         is rest (and a day away). Tune-up races show by their names. Kilometres are the week's running without the race; quality counts the \
         week's tempo, interval, race-pace, hill and fartlek sessions; min/run is the average \
         planned minutes of the week's runs, the race not counted. Read them as a coach \
         would: every long run and quality session is followed by an easy day, volume builds \
         with cut-back weeks, and the taper ends in the race.\n\n",
    );
    let gallery = [
        ("Beginner 5K in 8 weeks on 3 days", beginner_5k()),
        ("Intermediate 10K in 10 weeks on 5 days", intermediate_10k()),
        (
            "Runner of 61 (intermediate, 12 years) 10K in 12 weeks on 5 days, with swimming",
            masters_10k_input(),
        ),
        (
            "Intermediate half marathon in 12 weeks",
            intermediate_half(),
        ),
        (
            "Advanced half marathon in 12 weeks on 6 days",
            advanced_half(),
        ),
        (
            "Beginner marathon in 20 weeks on 4 days",
            beginner_marathon(),
        ),
        (
            "Intermediate marathon in 16 weeks on 5 days",
            intermediate_marathon(),
        ),
        (
            "The same marathon, through the race-day optimiser",
            intermediate_marathon(),
        ),
        (
            "The same marathon with a season: a C 10K in February, five days away, and a B half six weeks out",
            season_marathon(),
        ),
        (
            "Advanced marathon in 18 weeks on 6 days",
            advanced_marathon(),
        ),
        (
            "Elite marathon in 16 weeks on 7 days, with doubles",
            elite_marathon(),
        ),
    ];
    for (title, input) in gallery {
        let optimise = title.contains("optimiser");
        text.push_str(&gallery_section(title, &input, optimise));
        text.push('\n');
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/plans.md");
    if std::env::var_os("STRIDE_WRITE_GALLERY").is_some() {
        std::fs::create_dir_all(path.parent().expect("docs")).expect("docs folder");
        std::fs::write(&path, &text).expect("write the gallery");
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == text,
        "docs/plans.md is not what the generator makes today; run \
         STRIDE_WRITE_GALLERY=1 cargo test --test plans and read the plans again"
    );
}

/// The intermediate marathon with a season around it: a C 10K in the base, five days away
/// in February, and a B half marathon six weeks before the race.
fn season_marathon() -> GeneratorInput {
    let mut input = intermediate_marathon();
    input.tune_ups = vec![
        stride::generator::TuneUp {
            date: day(2027, 2, 6),
            distance_m: 10_000.0,
            priority: RacePriority::C,
            name: "Parkland 10K".to_owned(),
        },
        stride::generator::TuneUp {
            date: day(2027, 3, 14),
            distance_m: 21_097.5,
            priority: RacePriority::B,
            name: "Spring Half".to_owned(),
        },
    ];
    input.days_off = vec![DaysOff {
        from: day(2027, 2, 15),
        to: day(2027, 2, 19),
        reason: OffReason::Away {
            cross_training: false,
        },
    }];
    input
}

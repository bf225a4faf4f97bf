//! Property: any valid document survives save then load unchanged.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use proptest::prelude::*;
use stride::model::*;
use stride::storage::{document_from_str, document_to_string, load_document, save_document};

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=2200, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("valid day"))
}

fn amount() -> impl Strategy<Value = f64> {
    // Within every bound of the document (a duration of at most 7 days).
    prop_oneof![Just(0.0), 0.0f64..6e5, (0u32..100_000).prop_map(f64::from)]
}

/// A race distance validation accepts: over 0, at most 1,000 km.
fn race_distance() -> impl Strategy<Value = f64> {
    prop_oneof![Just(1.0), 1.0f64..1e6, (1u32..100_000).prop_map(f64::from)]
}

fn text() -> impl Strategy<Value = String> {
    // Quotes, backslashes, newlines and non-ASCII letters must all survive.
    "[a-zA-Z0-9 \"\\\\\n\t.,:()éüß🏃-]{0,24}"
}

fn weekday() -> impl Strategy<Value = Weekday> {
    (0u8..7).prop_map(|n| Weekday::try_from(n).expect("0-6"))
}

fn kind() -> impl Strategy<Value = WorkoutKind> {
    prop_oneof![
        Just(WorkoutKind::Rest),
        Just(WorkoutKind::Recovery),
        Just(WorkoutKind::Easy),
        Just(WorkoutKind::Long),
        Just(WorkoutKind::Tempo),
        Just(WorkoutKind::Intervals),
        Just(WorkoutKind::Hills),
        Just(WorkoutKind::RacePace),
        Just(WorkoutKind::Fartlek),
        Just(WorkoutKind::CrossTraining {
            activity: CrossActivity::Cycling
        }),
        text().prop_map(|name| WorkoutKind::CrossTraining {
            activity: CrossActivity::Other(name)
        }),
        (race_distance(), 0usize..3).prop_map(|(distance_m, p)| WorkoutKind::Race {
            distance_m,
            priority: [RacePriority::A, RacePriority::B, RacePriority::C][p],
        }),
    ]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::None),
        prop_oneof![
            Just(PaceZone::E),
            Just(PaceZone::M),
            Just(PaceZone::T),
            Just(PaceZone::I),
            Just(PaceZone::R)
        ]
        .prop_map(Target::PaceZone),
        (120.0f64..=900.0, 120.0f64..=900.0).prop_map(|(a, b)| Target::PaceRange {
            fast_s_per_km: a,
            slow_s_per_km: b
        }),
        (25u16..=250, 25u16..=250)
            .prop_map(|(min_bpm, max_bpm)| Target::HeartRate { min_bpm, max_bpm }),
        (0.0f64..=10.0).prop_map(Target::Rpe),
    ]
}

fn segment() -> impl Strategy<Value = Segment> {
    (
        prop_oneof![
            Just(SegmentKind::WarmUp),
            Just(SegmentKind::Work),
            Just(SegmentKind::Recovery),
            Just(SegmentKind::CoolDown)
        ],
        prop_oneof![
            amount().prop_map(SegmentLength::Duration),
            amount().prop_map(SegmentLength::Distance)
        ],
        target(),
        prop::option::of(0.0f64..=10.0),
    )
        .prop_map(|(kind, length, target, rpe)| Segment {
            kind,
            length,
            target,
            rpe,
        })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        segment().prop_map(Step::Single),
        (1u32..20, prop::collection::vec(segment(), 0..3))
            .prop_map(|(times, segments)| Step::Repeat { times, segments }),
    ]
}

fn intensity() -> impl Strategy<Value = Intensity> {
    prop_oneof![
        Just(Intensity::Rest),
        Just(Intensity::Recovery),
        Just(Intensity::Easy),
        Just(Intensity::Moderate),
        Just(Intensity::Hard),
        Just(Intensity::Race),
    ]
}

fn workout() -> impl Strategy<Value = Workout> {
    (
        (
            any::<u64>(),
            date(),
            kind(),
            prop::option::of(intensity()),
            text(),
            any::<bool>(),
        ),
        (
            prop::collection::vec(step(), 0..3),
            prop::option::of(amount()),
            prop::option::of(amount()),
            text(),
            any::<bool>(),
            conditions(),
        ),
    )
        .prop_map(
            |(
                (id, date, kind, intensity_override, title, title_typed),
                (steps, dur, dist, notes, locked, conditions),
            )| {
                Workout {
                    id: WorkoutId(id),
                    date,
                    kind,
                    intensity_override,
                    title_typed,
                    title,
                    steps,
                    planned_duration_s: dur,
                    planned_distance_m: dist,
                    notes,
                    locked,
                    conditions,
                }
            },
        )
}

/// Conditions within the accepted ranges, the dew point at most the temperature.
fn conditions() -> impl Strategy<Value = Conditions> {
    (
        prop::option::of((-60.0f64..=60.0, 0.0f64..=1.0)),
        any::<bool>(),
        prop::option::of(-500.0f64..=6000.0),
    )
        .prop_map(|(heat, with_dew, altitude_m)| Conditions {
            temperature_c: heat.map(|(t, _)| t),
            dew_point_c: heat
                .filter(|_| with_dew)
                .map(|(t, share)| -60.0 + share * (t + 60.0)),
            altitude_m,
        })
}

fn days_off() -> impl Strategy<Value = DaysOff> {
    (date(), 0u64..30, 0usize..3).prop_map(|(from, days, reason)| DaysOff {
        from,
        to: (from + chrono::Days::new(days))
            .min(NaiveDate::from_ymd_opt(2200, 12, 31).expect("a date")),
        reason: [
            OffReason::Sick,
            OffReason::Away {
                cross_training: false,
            },
            OffReason::Away {
                cross_training: true,
            },
        ][reason],
    })
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        text(),
        (text(), race_distance(), date(), prop::option::of(amount())),
        date(),
        prop::collection::vec(
            (
                prop_oneof![
                    Just(PhaseKind::Base),
                    Just(PhaseKind::Build),
                    Just(PhaseKind::Peak),
                    Just(PhaseKind::Taper),
                    Just(PhaseKind::CutBack)
                ],
                date(),
                0u64..200,
            ),
            0..4,
        ),
        prop::collection::vec(workout(), 0..8),
        prop::collection::vec(days_off(), 0..3),
    )
        .prop_map(
            |(
                name,
                (gname, distance_m, gdate, goal_time_s),
                start,
                phases,
                mut workouts,
                days_off,
            )| {
                // Every workout of a plan has its own id.
                let mut seen = std::collections::HashSet::new();
                for w in &mut workouts {
                    while !seen.insert(w.id) {
                        w.id = WorkoutId(w.id.0.wrapping_add(1));
                    }
                }
                Plan {
                    notes: Vec::new(),
                    name,
                    goal: GoalRace {
                        name: gname,
                        distance_m,
                        date: gdate,
                        goal_time_s,
                    },
                    start_date: start,
                    phases: phases
                        .into_iter()
                        .map(|(kind, start, days)| Phase {
                            kind,
                            start,
                            end: start + chrono::Days::new(days),
                        })
                        .filter(|p| p.end.year() <= 2200)
                        .collect(),
                    workouts,
                    days_off,
                }
            },
        )
}

fn scale() -> impl Strategy<Value = Option<u8>> {
    prop::option::of(1u8..=5)
}

fn wellness() -> impl Strategy<Value = WellnessEntry> {
    (
        date(),
        prop::option::of(25u16..120),
        prop::option::of(amount()),
        prop::option::of(0.0f64..=24.0),
        (scale(), scale(), scale(), scale(), scale(), scale()),
    )
        .prop_map(
            |(date, rhr, hrv, sleep, (q, so, fa, st, mo, mot))| WellnessEntry {
                date,
                resting_hr_bpm: rhr,
                hrv_ms: hrv,
                sleep_hours: sleep,
                sleep_quality: q,
                soreness: so,
                fatigue: fa,
                stress: st,
                mood: mo,
                motivation: mot,
            },
        )
}

fn activity() -> impl Strategy<Value = Activity> {
    (
        (
            date(),
            0u32..86_400,
            kind(),
            amount(),
            prop::option::of(amount()),
        ),
        (
            prop::option::of(30u16..230),
            prop::option::of(30u16..230),
            prop::option::of(0.0f64..=10.0),
            prop::option::of((amount(), 0usize..6)),
            prop::option::of(text()),
            prop::option::of(any::<u64>()),
            text(),
        ),
    )
        .prop_map(
            |(
                (day, secs, kind, duration_s, distance_m),
                (avg, max, rpe, load, src, link, notes),
            )| {
                // A race no faster than a person runs, as validation wants.
                let duration_s = match &kind {
                    WorkoutKind::Race { distance_m, .. }
                        if duration_s > 0.0 && distance_m / duration_s > 10.0 =>
                    {
                        distance_m / 5.0
                    }
                    _ => duration_s,
                };
                let metrics = [
                    LoadMetric::Explicit,
                    LoadMetric::HeartRate,
                    LoadMetric::Pace,
                    LoadMetric::SessionRpe,
                    LoadMetric::Planned,
                    LoadMetric::Estimated,
                ];
                Activity {
                    start: NaiveDateTime::new(
                        day,
                        NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).expect("time"),
                    ),
                    kind,
                    duration_s,
                    // Moving time where there is a distance, so both forms round-trip.
                    moving_s: distance_m.map(|_| duration_s * 0.95),
                    normalised_pace_s_per_km: distance_m.map(|_| 312.5),
                    // An instant where there is a distance (a recording), so both forms
                    // round-trip.
                    instant: distance_m.map(|_| {
                        NaiveDateTime::new(
                            day,
                            NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).expect("time"),
                        )
                        .and_utc()
                    }),
                    distance_m,
                    avg_hr_bpm: avg,
                    max_hr_bpm: max,
                    rpe,
                    load: load.map(|(value, m)| Load {
                        value,
                        metric: metrics[m],
                    }),
                    source_file: src,
                    planned_workout: link.map(WorkoutId),
                    notes,
                }
            },
        )
}

fn athlete() -> impl Strategy<Value = Athlete> {
    (
        (
            "[A-Za-zé][A-Za-z .'é-]{0,20}",
            prop::option::of(prop_oneof![Just(Sex::Female), Just(Sex::Male)]),
        ),
        (1900i32..=2200, 0usize..4, 0u32..=90, 0.0f64..=400.0),
        (25u16..=120, 0u16..100),
        (
            prop::option::of(20.0f64..=90.0),
            prop::option::of((400.0f64..=100_000.0, 1.0f64..1e5, prop::option::of(date()))),
        ),
        (
            prop::collection::vec(weekday(), 1..7),
            weekday(),
            any::<bool>(),
            any::<bool>(),
            prop_oneof![Just(0.0), -500.0f64..=6000.0],
        ),
    )
        .prop_map(
            |(
                (name, sex),
                (by, lvl, ta, vol),
                (rest, extra),
                (vdot, race),
                (days, lr, miles, sunday, home_altitude_m),
            )| Athlete {
                name,
                sex,
                birth_year: by,
                level: ExperienceLevel::ALL[lvl],
                training_age_years: ta,
                weekly_volume_km: vol,
                resting_hr_bpm: rest,
                max_hr_bpm: (rest + 1 + extra).clamp(100, 240).max(rest + 1),
                vdot,
                recent_race: race.map(|(distance_m, time_s, date)| RaceResult {
                    distance_m,
                    // No faster than a person runs, as validation wants.
                    time_s: time_s.max(distance_m / 5.0),
                    date,
                }),
                available_weekdays: days,
                long_run_day: lr,
                units: if miles { Units::Miles } else { Units::Km },
                week_start: if sunday {
                    WeekStart::Sunday
                } else {
                    WeekStart::Monday
                },
                home_altitude_m,
            },
        )
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        (1u32..=365, 1u32..=365, 0usize..3, any::<bool>()),
        (0.0f64..=1000.0, 0.0f64..=1000.0, 0.0f64..=2.0, 0.0f64..=2.0),
    )
        .prop_map(
            |((fit, fat, model, same_day), (start_fitness, start_fatigue, cycling, other))| {
                Settings {
                    fitness_days: fit,
                    fatigue_days: fat,
                    load_model: LoadModel::ALL[model],
                    form_convention: if same_day {
                        FormConvention::SameDay
                    } else {
                        FormConvention::StartOfDay
                    },
                    start_fitness,
                    start_fatigue,
                    cross_training: CrossTrainingFactors {
                        cycling,
                        other,
                        ..CrossTrainingFactors::default()
                    },
                }
            },
        )
}

fn document() -> impl Strategy<Value = AthleteDocument> {
    (
        athlete(),
        prop::collection::vec(plan(), 0..3),
        prop::collection::vec(activity(), 0..6),
        prop::collection::vec(wellness(), 0..6),
        settings(),
    )
        .prop_map(
            |(athlete, plans, activities, wellness, settings)| AthleteDocument {
                format_version: CURRENT_FORMAT_VERSION,
                athlete,
                plans,
                history: History {
                    activities,
                    wellness,
                },
                settings,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_document_survives_text_round_trip(doc in document()) {
        prop_assert_eq!(doc.validate(), Ok(()));
        let text = document_to_string(&doc).expect("serialize");
        let back = document_from_str(&text, "prop.ron".as_ref()).expect("parse");
        prop_assert_eq!(back, doc);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_document_survives_save_then_load(doc in document()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("athlete.ron");
        save_document(&doc, &path).expect("save");
        prop_assert_eq!(load_document(&path).expect("load"), doc);
    }
}

//! A day's content before it becomes a workout: sizes that repairs can scale.

use chrono::NaiveDate;

use super::*;

/// A recipe's kind and sizes, as bits: sessions of the same key run the same distance.
pub(super) type SizeKey = (u8, u64, u64, u64);

/// One planned day's content before it becomes a workout; its sizes can be scaled.
#[derive(Clone, Debug)]
pub(super) enum Recipe {
    Rest,
    Easy(f64),
    Recovery(f64),
    Strides(f64),
    /// A second easy run on a day that already has one (advanced and elite doubles).
    Double(f64),
    /// Easy running with short pick-ups: a beginner's first faster running.
    Fartlek {
        km: f64,
        pickups: u32,
    },
    Long {
        km: f64,
        marathon_km: f64,
    },
    Hills {
        weekly: f64,
        reps: u32,
        variant: usize,
    },
    Tempo {
        weekly: f64,
        work: f64,
        variant: usize,
    },
    Intervals {
        weekly: f64,
        work: f64,
        variant: usize,
    },
    /// Repetitions at R pace.
    Reps {
        weekly: f64,
        work: f64,
        variant: usize,
    },
    /// Repeats at the goal race's predicted pace (5K to half marathon).
    RacePace {
        weekly: f64,
        work: f64,
        variant: usize,
    },
    /// A continuous run at marathon pace.
    Marathon {
        weekly: f64,
        work: f64,
    },
    Sharpener {
        reps: u32,
        warm_up_km: f64,
    },
    Cross(CrossActivity),
    Race,
    /// A tune-up race: its index in the input's tune-ups.
    TuneUp(usize),
}

impl Recipe {
    /// A structured quality session (hills, threshold, intervals, repetitions, race pace).
    pub(super) fn is_quality(&self) -> bool {
        matches!(
            self,
            Recipe::Hills { .. }
                | Recipe::Tempo { .. }
                | Recipe::Intervals { .. }
                | Recipe::Reps { .. }
                | Recipe::RacePace { .. }
                | Recipe::Marathon { .. }
        )
    }

    /// Running: anything but rest, cross-training and the race.
    pub(super) fn is_run(&self) -> bool {
        !matches!(
            self,
            Recipe::Rest | Recipe::Cross(_) | Recipe::Race | Recipe::TuneUp(_)
        )
    }

    /// Easy running, fartlek and the long run: what volume trims shorten first.
    pub(super) fn is_easy_kind(&self) -> bool {
        matches!(
            self,
            Recipe::Easy(_)
                | Recipe::Recovery(_)
                | Recipe::Strides(_)
                | Recipe::Double(_)
                | Recipe::Fartlek { .. }
                | Recipe::Long { .. }
        )
    }

    /// A key for the sizes of a recipe whose workout is worth making once only: sessions
    /// with structure (the steady ones are worked out directly).
    pub(super) fn size_key(&self) -> Option<SizeKey> {
        let bits = |x: f64| x.to_bits();
        Some(match *self {
            Recipe::Strides(km) => (1, bits(km), 0, 0),
            Recipe::Fartlek { km, pickups } => (2, bits(km), u64::from(pickups), 0),
            Recipe::Hills {
                weekly,
                reps,
                variant,
            } => (3, bits(weekly), u64::from(reps), variant as u64),
            Recipe::Tempo {
                weekly,
                work,
                variant,
            } => (4, bits(weekly), bits(work), variant as u64),
            Recipe::Intervals {
                weekly,
                work,
                variant,
            } => (5, bits(weekly), bits(work), variant as u64),
            Recipe::Reps {
                weekly,
                work,
                variant,
            } => (6, bits(weekly), bits(work), variant as u64),
            Recipe::RacePace {
                weekly,
                work,
                variant,
            } => (7, bits(weekly), bits(work), variant as u64),
            Recipe::Marathon { weekly, work } => (8, bits(weekly), bits(work), 0),
            Recipe::Sharpener { reps, warm_up_km } => (9, u64::from(reps), bits(warm_up_km), 0),
            _ => return None,
        })
    }

    pub(super) fn scaled(&self, f: f64) -> Recipe {
        let work = |w: f64, min: f64| (w * f).max(min);
        match self.clone() {
            Recipe::Easy(km) => Recipe::Easy((km * f).max(2.0)),
            Recipe::Recovery(km) => Recipe::Recovery((km * f).max(2.0)),
            Recipe::Strides(km) => Recipe::Strides((km * f).max(3.0)),
            Recipe::Double(km) => Recipe::Double((km * f).max(3.0)),
            Recipe::Fartlek { km, pickups } => Recipe::Fartlek {
                km: (km * f).max(3.0),
                pickups,
            },
            Recipe::Long { km, marathon_km } => Recipe::Long {
                km: (km * f).max(3.0),
                marathon_km: (marathon_km * f).min(0.3 * km * f),
            },
            Recipe::Hills {
                weekly,
                reps,
                variant,
            } => Recipe::Hills {
                weekly: weekly * f,
                reps: ((f64::from(reps) * f).floor() as u32).max(2),
                variant,
            },
            Recipe::Tempo {
                weekly,
                work: w,
                variant,
            } => Recipe::Tempo {
                weekly: weekly * f,
                work: work(w, 1.0),
                variant,
            },
            Recipe::Intervals {
                weekly,
                work: w,
                variant,
            } => Recipe::Intervals {
                weekly: weekly * f,
                work: work(w, 0.8),
                variant,
            },
            Recipe::Reps {
                weekly,
                work: w,
                variant,
            } => Recipe::Reps {
                weekly: weekly * f,
                work: work(w, 0.8),
                variant,
            },
            Recipe::RacePace {
                weekly,
                work: w,
                variant,
            } => Recipe::RacePace {
                weekly: weekly * f,
                work: work(w, 0.8),
                variant,
            },
            Recipe::Marathon { weekly, work: w } => Recipe::Marathon {
                weekly: weekly * f,
                work: work(w, 3.0),
            },
            Recipe::Sharpener { reps, warm_up_km } => Recipe::Sharpener {
                reps: ((f64::from(reps) * f).floor() as u32).max(3),
                warm_up_km: (warm_up_km * f).max(1.0),
            },
            other => other,
        }
    }
}

/// Rounds to the nearest half kilometre.
pub(super) fn half_km(km: f64) -> f64 {
    (km * 2.0).round() / 2.0
}

/// Turns a recipe into a workout (None for nothing to do).
pub(super) fn make(
    s: &mut Sessions<'_>,
    input: &GeneratorInput,
    date: NaiveDate,
    r: &Recipe,
) -> Option<Workout> {
    Some(match r {
        Recipe::Rest => s.rest(date),
        Recipe::Easy(km) => s.easy(date, *km),
        Recipe::Recovery(km) => s.recovery(date, *km),
        Recipe::Strides(km) => s.strides(date, *km),
        Recipe::Double(km) => s.second_run(date, *km),
        Recipe::Fartlek { km, pickups } => s.fartlek(date, *km, *pickups),
        Recipe::Long { km, marathon_km } => s.long_run(date, half_km(*km), *marathon_km),
        Recipe::Hills {
            weekly,
            reps,
            variant,
        } => s.hills(date, *weekly, *reps, *variant),
        Recipe::Tempo {
            weekly,
            work,
            variant,
        } => s.tempo(date, *weekly, *work, *variant),
        Recipe::Intervals {
            weekly,
            work,
            variant,
        } => s.intervals(date, *weekly, *work, *variant),
        Recipe::Reps {
            weekly,
            work,
            variant,
        } => s.repetitions(date, *weekly, *work, *variant),
        Recipe::RacePace {
            weekly,
            work,
            variant,
        } => s.race_pace(date, *weekly, *work, *variant),
        Recipe::Marathon { weekly, work } => s.marathon_pace(date, *weekly, *work),
        Recipe::Sharpener { reps, warm_up_km } => s.sharpener(date, *reps, *warm_up_km),
        Recipe::Cross(activity) => s.cross_training(date, activity.clone()),
        Recipe::Race => s.race(
            date,
            &input.goal.name,
            input.goal.distance_m,
            input.goal.goal_time_s,
        ),
        Recipe::TuneUp(i) => {
            let t = input.tune_ups.get(*i)?;
            let mut w = s.race(date, &t.name, t.distance_m, None);
            w.kind = crate::model::WorkoutKind::race(t.distance_m, t.priority);
            if t.name.trim().is_empty() {
                w.title = format!("{} race", t.priority.letter());
            }
            w.notes = match t.priority {
                crate::model::RacePriority::C => {
                    "Tune-up race, run as the week's hard session.".to_owned()
                }
                _ => "Tune-up race: lighter days before it, easy days after it.".to_owned(),
            };
            w
        }
    })
}

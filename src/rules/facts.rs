//! What the rules look at: each day and week of a plan, summarised once.

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{
    Athlete, Intensity, PaceZone, Plan, Segment, Settings, Step, Target, Workout, WorkoutKind,
};
use crate::science::load::LoadContext;

/// One day of the plan.
#[derive(Clone, Debug, Default)]
pub(crate) struct DayFacts {
    /// Highest intensity of the day's workouts (rest when there are none).
    pub intensity: Option<Intensity>,
    /// Planned running, metres.
    pub running_m: f64,
    /// Planned running, seconds.
    pub running_s: f64,
    /// Seconds of that running at easy or recovery intensity (races excluded from both).
    pub easy_s: f64,
    /// Seconds of running outside races.
    pub training_s: f64,
    /// No running at all: rest, cross-training or nothing.
    pub no_running: bool,
    /// Workouts at hard intensity or races.
    pub hard_sessions: u32,
    /// The long run's distance (m) and duration (s), if there is one.
    pub long_run: Option<(f64, f64)>,
    /// A race's distance, if there is one.
    pub race_m: Option<f64>,
    /// A workout with faster running than easy that is neither the long run nor a race.
    pub faster_session: bool,
    /// Planned load.
    pub load: f64,
}

impl DayFacts {
    pub fn intensity(&self) -> Intensity {
        self.intensity.unwrap_or(Intensity::Rest)
    }

    pub fn is_hard(&self) -> bool {
        self.intensity() >= Intensity::Hard
    }

    pub fn is_moderate_plus(&self) -> bool {
        self.intensity() >= Intensity::Moderate
    }
}

/// A calendar week by the athlete's week start.
#[derive(Clone, Debug)]
pub(crate) struct WeekFacts {
    /// Its first day.
    pub start: NaiveDate,
    /// Index of its first day in the day list (may be negative: before the plan).
    pub first: i64,
    /// All seven days fall within the plan.
    pub full: bool,
    /// Running volume, metres.
    pub running_m: f64,
}

/// Facts about a plan.
#[derive(Clone, Debug)]
pub(crate) struct PlanFacts {
    pub start: NaiveDate,
    pub days: Vec<DayFacts>,
    pub weeks: Vec<WeekFacts>,
}

fn works_faster(w: &Workout) -> bool {
    let fast_zone = |s: &Segment| {
        matches!(
            s.target,
            Target::PaceZone(PaceZone::M | PaceZone::T | PaceZone::I | PaceZone::R)
        )
    };
    w.steps.iter().any(|step| match step {
        Step::Single(s) => fast_zone(s),
        Step::Repeat { segments, .. } => segments.iter().any(fast_zone),
    }) || (w.steps.is_empty() && w.intensity() >= Intensity::Moderate)
}

/// Adds one workout to its day's facts.
fn add_workout(day: &mut DayFacts, w: &Workout, context: &LoadContext) {
    let intensity = w.intensity();
    day.intensity = day.intensity.max(Some(intensity));
    day.load += context.planned_load(w);
    let (duration, distance, easy) = context.running_split(w);
    if distance > 0.0 {
        day.no_running = false;
    }
    match w.kind {
        // A race is not training volume: weekly volumes, shares and the taper leave it out.
        WorkoutKind::Race { distance_m } => {
            day.race_m = Some(day.race_m.unwrap_or(0.0) + distance_m);
            day.hard_sessions += 1;
        }
        WorkoutKind::Long => {
            day.running_m += distance;
            day.running_s += duration;
            let (m, s) = day.long_run.unwrap_or((0.0, 0.0));
            day.long_run = Some((m + distance, s + duration));
            day.training_s += duration;
            day.easy_s += easy;
        }
        _ => {
            day.running_m += distance;
            day.running_s += duration;
            day.training_s += duration;
            day.easy_s += easy;
            if intensity >= Intensity::Hard {
                day.hard_sessions += 1;
            }
            if w.kind.is_running() && works_faster(w) {
                day.faster_session = true;
            }
        }
    }
}

fn empty_day() -> DayFacts {
    DayFacts {
        no_running: true,
        ..DayFacts::default()
    }
}

impl PlanFacts {
    /// Summarises a plan: one entry per day from its start to its last day.
    pub fn new(plan: &Plan, athlete: &Athlete, settings: &Settings) -> Self {
        Self::with_context(
            plan,
            athlete.week_start,
            &LoadContext::new(athlete, settings),
        )
    }

    /// [`Self::new`] with the load context already made.
    pub fn with_context(
        plan: &Plan,
        week_start: crate::model::WeekStart,
        context: &LoadContext,
    ) -> Self {
        let start = plan.start_date;
        let end = plan.end_date().max(start);
        let len = usize::try_from((end - start).num_days() + 1).unwrap_or(0);
        let mut days: Vec<DayFacts> = (0..len).map(|_| empty_day()).collect();
        for w in &plan.workouts {
            let Ok(i) = usize::try_from((w.date - start).num_days()) else {
                continue;
            };
            if let Some(day) = days.get_mut(i) {
                add_workout(day, w, context);
            }
        }
        let first_week = week_start.week_of(start);
        let mut weeks = Vec::new();
        let mut week = first_week;
        while week <= end {
            let first = (week - start).num_days();
            let full = first >= 0 && first + 6 < len as i64;
            weeks.push(WeekFacts {
                start: week,
                first,
                full,
                running_m: 0.0,
            });
            week = week + Days::new(7);
        }
        let mut facts = PlanFacts { start, days, weeks };
        facts.total_weeks();
        facts
    }

    fn total_weeks(&mut self) {
        let len = self.days.len() as i64;
        for week in &mut self.weeks {
            week.running_m = (week.first.max(0)..=(week.first + 6).min(len - 1))
                .filter_map(|i| self.days.get(i as usize))
                .map(|d| d.running_m)
                .sum();
        }
    }

    /// Recomputes the facts of `dates` from `plan` (after a workout moved between them), if
    /// the plan still spans the same days. Returns false when it does not, and the facts
    /// must be built anew.
    pub fn refresh_days(
        &mut self,
        plan: &Plan,
        dates: &[NaiveDate],
        context: &LoadContext,
    ) -> bool {
        let end = plan.end_date().max(plan.start_date);
        if plan.start_date != self.start || self.index(end) != Some(self.days.len() - 1) {
            return false;
        }
        for &date in dates {
            let Some(i) = self.index(date) else {
                return false;
            };
            let mut day = empty_day();
            for w in plan.workouts_on(date) {
                add_workout(&mut day, w, context);
            }
            self.days[i] = day;
        }
        self.total_weeks();
        true
    }

    /// The index of a date, if the plan covers it.
    pub fn index(&self, date: NaiveDate) -> Option<usize> {
        usize::try_from((date - self.start).num_days())
            .ok()
            .filter(|i| *i < self.days.len())
    }

    /// The date of an index.
    pub fn date(&self, i: usize) -> NaiveDate {
        self.start + Days::new(i as u64)
    }

    /// Running days (days with any running) in the week starting at index `first`.
    pub fn running_days(&self, week: &WeekFacts) -> usize {
        (week.first..week.first + 7)
            .filter_map(|i| usize::try_from(i).ok().and_then(|i| self.days.get(i)))
            .filter(|d| !d.no_running)
            .count()
    }

    /// The weekday name of a date, for messages.
    pub fn day_name(date: NaiveDate) -> String {
        format!("{} {}", date.weekday(), date.format("%-d %b"))
    }
}

//! What the rules look at: each day and week of a plan, summarised once.

use chrono::{Datelike, Days, NaiveDate};

use super::CheckInput;
use super::stress::{DayStress, StressClass};
use crate::model::{Intensity, PaceZone, Plan, Segment, Step, Target, Workout, WorkoutKind};
use crate::science::load::LoadContext;

/// One day of the plan.
#[derive(Clone, Debug, Default)]
pub(crate) struct DayFacts {
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
    /// The long run's distance (m) and duration (s), if there is one.
    pub long_run: Option<(f64, f64)>,
    /// A race's distance, if there is one.
    pub race_m: Option<f64>,
    /// A workout with faster running than easy that is neither the long run nor a race.
    pub faster_session: bool,
    /// Planned load.
    pub load: f64,
    /// The day's stress (planned, or done when the history holds the day).
    pub stress: DayStress,
}

impl DayFacts {
    pub fn class(&self) -> StressClass {
        self.stress.class
    }

    /// A tough day: the days after it must be easy.
    pub fn is_tough(&self) -> bool {
        self.stress.class.is_tough()
    }

    pub fn is_moderate_plus(&self) -> bool {
        self.stress.class >= StressClass::Moderate
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
    /// The stress of days the history holds activities for, by day index: done days are
    /// judged by what was done.
    done: Vec<(usize, DayStress)>,
    /// The typical day's floor (see [`super::stress`]).
    typical_floor: f64,
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
    let load = context.planned_load(w);
    day.load += load;
    day.stress.add_workout(w, load, context);
    let (duration, distance, easy) = context.running_split(w);
    if distance > 0.0 {
        day.no_running = false;
    }
    match w.kind {
        // A race is not training volume: weekly volumes, shares and the taper leave it out.
        WorkoutKind::Race { distance_m } => {
            day.race_m = Some(day.race_m.unwrap_or(0.0) + distance_m);
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
    /// Summarises the plan of a check: one entry per day from its start to its last day.
    pub fn for_check(input: &CheckInput<'_>) -> Self {
        Self::with_context(input, &LoadContext::new(input.athlete, input.settings))
    }

    /// [`Self::for_check`] with the load context already made.
    pub fn with_context(input: &CheckInput<'_>, context: &LoadContext) -> Self {
        let plan = input.plan;
        let week_start = input.athlete.week_start;
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
        let mut done: Vec<(usize, DayStress)> = Vec::new();
        for a in input.history.iter().flat_map(|h| &h.activities) {
            let Ok(i) = usize::try_from((a.date() - start).num_days()) else {
                continue;
            };
            if i >= len {
                continue;
            }
            match done.iter_mut().find(|(j, _)| *j == i) {
                Some((_, stress)) => stress.add_activity(a, context),
                None => {
                    let mut stress = DayStress::default();
                    stress.add_activity(a, context);
                    done.push((i, stress));
                }
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
        let mut facts = PlanFacts {
            start,
            days,
            weeks,
            done,
            typical_floor: super::stress::typical_day_floor(input.athlete, context),
        };
        facts.total_weeks();
        facts
    }

    /// Sums the weeks' volumes and works out every day's stress class.
    fn total_weeks(&mut self) {
        let len = self.days.len() as i64;
        for week in &mut self.weeks {
            week.running_m = (week.first.max(0)..=(week.first + 6).min(len - 1))
                .filter_map(|i| self.days.get(i as usize))
                .map(|d| d.running_m)
                .sum();
        }
        self.classify();
    }

    /// Done days take the stress of what was done; then each day is classed against its
    /// typical day (the mean load of the training days in the window before it) and its
    /// week's loads.
    fn classify(&mut self) {
        for (i, stress) in &self.done {
            if let Some(day) = self.days.get_mut(*i) {
                day.stress = stress.clone();
            }
        }
        let window = super::stress::TYPICAL_DAY_WINDOW;
        let (mut sum, mut count) = (0.0, 0usize);
        let len = self.days.len() as i64;
        // The two largest day loads of each week, to tell whether a long run carries the
        // week's largest load.
        let mut week_of_day = vec![0usize; self.days.len()];
        let mut top: Vec<[f64; 2]> = vec![[0.0; 2]; self.weeks.len()];
        for (k, week) in self.weeks.iter().enumerate() {
            for i in week.first.max(0)..(week.first + 7).min(len) {
                let i = i as usize;
                week_of_day[i] = k;
                let load = self.days[i].stress.load;
                let t = &mut top[k];
                if load > t[0] {
                    *t = [load, t[0]];
                } else if load > t[1] {
                    t[1] = load;
                }
            }
        }
        // Before a whole window of the plan has passed, its first weeks stand in for the
        // weeks before it.
        let head: Vec<f64> = self
            .days
            .iter()
            .take(window)
            .map(|d| d.stress.load)
            .filter(|l| *l > 0.0)
            .collect();
        let head_mean = if head.is_empty() {
            0.0
        } else {
            head.iter().sum::<f64>() / head.len() as f64
        };
        for i in 0..self.days.len() {
            if i > window {
                let old = self.days[i - window - 1].stress.load;
                if old > 0.0 {
                    sum -= old;
                    count -= 1;
                }
            }
            let typical = if i < window {
                head_mean.max(self.typical_floor)
            } else if count > 0 {
                (sum / count as f64).max(self.typical_floor)
            } else {
                self.typical_floor
            };
            let stress = &mut self.days[i].stress;
            let largest = stress.long_run.is_some_and(|l| {
                let t = top[week_of_day[i]];
                let others = if stress.load >= t[0] { t[1] } else { t[0] };
                l.load > 0.0 && l.load >= others
            });
            stress.classify(typical, largest);
            if stress.load > 0.0 {
                sum += stress.load;
                count += 1;
            }
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

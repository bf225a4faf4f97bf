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
    /// The athlete's first day of the week.
    week_start: crate::model::WeekStart,
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
        WorkoutKind::Race { distance_m, .. } => {
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
        // Running done on the days the history holds replaces what was planned there, in
        // the weekly volumes as in the stress.
        let mut done_m: Vec<(usize, f64)> = Vec::new();
        for a in input.history.iter().flat_map(|h| &h.activities) {
            let date = a.date();
            if date < start || date > end {
                continue;
            }
            let i = (date - start).num_days() as usize;
            let metres = if a.kind.is_running() && !a.kind.is_race() {
                a.distance_m.unwrap_or(0.0)
            } else {
                0.0
            };
            match done_m.iter_mut().find(|(j, _)| *j == i) {
                Some((_, m)) => *m += metres,
                None => done_m.push((i, metres)),
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
        for (i, metres) in done_m {
            if let Some(day) = days.get_mut(i) {
                day.running_m = metres;
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
            week_start,
            done,
            typical_floor: super::stress::typical_day_floor(input.athlete, context),
        };
        facts.total_weeks();
        for (i, stress) in &facts.done {
            facts.days[*i].stress = stress.clone();
        }
        let len = facts.days.len();
        facts.classify(0..len);
        facts
    }

    /// Sums the weeks' volumes.
    fn total_weeks(&mut self) {
        let len = self.days.len() as i64;
        for week in &mut self.weeks {
            week.running_m = (week.first.max(0)..=(week.first + 6).min(len - 1))
                .filter_map(|i| self.days.get(i as usize))
                .map(|d| d.running_m)
                .sum();
        }
    }

    /// Classes the days in `range` against their typical day (the mean load of the training
    /// days in the window before each) and their week's loads. Days outside the range keep
    /// their class; the range must hold every day whose window or week changed.
    fn classify(&mut self, range: std::ops::Range<usize>) {
        let window = super::stress::TYPICAL_DAY_WINDOW;
        let load = |days: &[DayFacts], i: usize| days[i].stress.load;
        // The two largest day loads of each week the range touches, to tell whether a long
        // run carries the week's largest load.
        let len = self.days.len() as i64;
        let mut week_of_day = vec![usize::MAX; self.days.len()];
        let mut top: Vec<[f64; 2]> = vec![[0.0; 2]; self.weeks.len()];
        for (k, week) in self.weeks.iter().enumerate() {
            let days = week.first.max(0)..(week.first + 7).min(len);
            if days.end <= range.start as i64 || days.start >= range.end as i64 {
                continue;
            }
            for i in days {
                let i = i as usize;
                week_of_day[i] = k;
                let l = load(&self.days, i);
                let t = &mut top[k];
                if l > t[0] {
                    *t = [l, t[0]];
                } else if l > t[1] {
                    t[1] = l;
                }
            }
        }
        // Before a whole window of the plan has passed, its first weeks stand in for the
        // weeks before it.
        let (head_sum, head_count) = self
            .days
            .iter()
            .take(window)
            .map(|d| d.stress.load)
            .filter(|l| *l > 0.0)
            .fold((0.0, 0usize), |(s, c), l| (s + l, c + 1));
        let head_mean = if head_count == 0 {
            0.0
        } else {
            head_sum / head_count as f64
        };
        // The training days in the window before the range's first day.
        let (mut sum, mut count) = (range.start.saturating_sub(window)..range.start)
            .map(|j| load(&self.days, j))
            .filter(|l| *l > 0.0)
            .fold((0.0, 0usize), |(s, c), l| (s + l, c + 1));
        for i in range {
            let typical = if i < window {
                head_mean.max(self.typical_floor)
            } else if count > 0 {
                (sum / count as f64).max(self.typical_floor)
            } else {
                self.typical_floor
            };
            let stress = &mut self.days[i].stress;
            let largest = stress.long_run.is_some_and(|l| {
                let t = top.get(week_of_day[i]).copied().unwrap_or_default();
                let others = if stress.load >= t[0] { t[1] } else { t[0] };
                l.load > 0.0 && l.load >= others
            });
            stress.classify(typical, largest);
            // Slide the window on to the next day.
            if stress.load > 0.0 {
                sum += stress.load;
                count += 1;
            }
            if let Some(old) = i.checked_sub(window).map(|j| load(&self.days, j))
                && old > 0.0
            {
                sum -= old;
                count -= 1;
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
        let (mut first, mut last) = (usize::MAX, 0);
        for &date in dates {
            let Some(i) = self.index(date) else {
                return false;
            };
            let mut day = empty_day();
            for w in plan.workouts_on(date) {
                add_workout(&mut day, w, context);
            }
            if let Some((_, stress)) = self.done.iter().find(|(j, _)| *j == i) {
                day.stress = stress.clone();
            }
            self.days[i] = day;
            first = first.min(i);
            last = last.max(i);
        }
        self.total_weeks();
        if first <= last {
            // What a changed day can reach: its week (the long run's "largest load"), the
            // window after it (their typical day), and the plan's first window (the typical
            // day of the first weeks).
            let window = super::stress::TYPICAL_DAY_WINDOW;
            let week_first = |i: usize| {
                let date = self.date(i);
                let first = (self.week_start.week_of(date) - self.start).num_days();
                usize::try_from(first).unwrap_or(0)
            };
            let from = if first < window { 0 } else { week_first(first) };
            let to = (last + window + 1)
                .max(week_first(last) + 7)
                .min(self.days.len());
            self.classify(from..to);
        }
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

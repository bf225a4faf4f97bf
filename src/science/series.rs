//! One load series from the first day of history through today and on over the plan.
//!
//! Days before today take the loads of completed activities; days after today take the
//! planned loads of the active plan's workouts, and are marked `projected`. Today counts
//! what was done if anything was, else what is planned. The race-morning form is fitness
//! minus fatigue at the end of the day before the goal race.
//!
//! Because fitness and fatigue are linear in the daily loads, moving one workout changes the
//! race-morning form by a closed-form amount: a load `L` on day `d` adds
//! `lambda L (1 - lambda)^(r - 1 - d)` to each average on the race morning `r - 1`. That is
//! what [`LoadSeries::race_morning_form_after_move`] evaluates, in constant time, for every
//! day a dragged workout could be dropped on.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::science::series::LoadSeries;
//! use stride::science::pmc::PmcParams;
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let series = LoadSeries::from_document(&doc, today, &PmcParams::from_settings(&doc.settings));
//! assert!(series.days().iter().any(|d| d.projected));
//! assert!(series.race_morning_form().is_some());
//! ```

use chrono::{Days, NaiveDate};

use super::load::LoadContext;
use super::pmc::{PmcDay, PmcParams, compute_into};
use crate::model::AthleteDocument;

/// One day of the series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeriesDay {
    /// The date.
    pub date: NaiveDate,
    /// The model's values.
    pub values: PmcDay,
    /// True for days whose load comes from the plan rather than from history.
    pub projected: bool,
}

/// Daily loads through history and the plan, and the model run over them.
#[derive(Clone, Debug)]
pub struct LoadSeries {
    first_day: NaiveDate,
    days: Vec<SeriesDay>,
    params: PmcParams,
    /// Fitness and fatigue the day before the first day of data.
    start: (f64, f64),
    race_day: Option<NaiveDate>,
}

/// True when a day's load comes from the plan: after today, or today with nothing done.
pub(crate) fn counts_plan(date: NaiveDate, today: NaiveDate, done_today: bool) -> bool {
    date > today || (date == today && !done_today)
}

fn day_index(first: NaiveDate, date: NaiveDate) -> i64 {
    (date - first).num_days()
}

impl LoadSeries {
    /// The series for a document as of `today`, over the whole span of its data.
    pub fn from_document(doc: &AthleteDocument, today: NaiveDate, params: &PmcParams) -> Self {
        Self::from_document_in(doc, today, params, None, None)
    }

    /// The series from the earlier of the data's first day and `from`, to the later of the
    /// data's last day and `to`. The model always starts at the first day of data, so values
    /// are the same whatever range is asked for.
    pub fn from_document_in(
        doc: &AthleteDocument,
        today: NaiveDate,
        params: &PmcParams,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Self {
        let context = LoadContext::new(&doc.athlete, &doc.settings);
        // (date, load, planned, race)
        let mut entries: Vec<(NaiveDate, f64, bool, bool)> = Vec::new();
        let mut done_today = false;
        for a in &doc.history.activities {
            let date = a.date();
            if date > today {
                continue;
            }
            done_today |= date == today;
            let value = context.activity_load(a).map_or(0.0, |l| l.value);
            entries.push((date, value, false, a.kind.is_race()));
        }
        let plan = doc.active_plan();
        let race_day = plan.map(|p| p.goal.date);
        for w in plan.iter().flat_map(|p| &p.workouts) {
            if counts_plan(w.date, today, done_today) {
                entries.push((w.date, context.planned_load(w), true, w.kind.is_race()));
            }
        }
        let mut bounds = entries.iter().map(|e| e.0);
        let first_data = bounds.clone().min();
        let last_data = bounds.by_ref().max();
        let upcoming_race = race_day.filter(|d| *d >= today);
        let first = [first_data, from].into_iter().flatten().min();
        // The series reaches today at least, so today's values exist after rest days too.
        let last = [last_data, to, upcoming_race, last_data.map(|_| today)]
            .into_iter()
            .flatten()
            .max();
        let (Some(first), Some(last)) = (first, last) else {
            return LoadSeries {
                first_day: today,
                days: Vec::new(),
                params: *params,
                start: params.start_values(&[]),
                race_day,
            };
        };
        let len = usize::try_from(day_index(first, last) + 1).unwrap_or(0);
        let mut loads = vec![0.0; len];
        let mut projected = vec![false; len];
        let mut races = vec![false; len];
        for (date, value, planned, race) in entries {
            if let Ok(i) = usize::try_from(day_index(first, date)) {
                loads[i] += value;
                projected[i] |= planned;
                races[i] |= race;
            }
        }
        // Days after today are projected even when nothing is planned on them.
        for (i, flag) in projected.iter_mut().enumerate() {
            if first + Days::new(i as u64) > today {
                *flag = true;
            }
        }
        // The model starts on the first day of data; days asked for before it hold the
        // start values.
        let lead = first_data.map_or(0, |d| day_index(first, d).max(0) as usize);
        let mut values = Vec::with_capacity(len);
        compute_into(&loads[lead..], &races[lead..], params, &mut values);
        let (fitness, fatigue) = params.start_values(&loads[lead..]);
        let idle = PmcDay {
            load: 0.0,
            fitness,
            fatigue,
            form: fitness - fatigue,
            ramp: None,
            acwr: None,
            monotony: None,
            strain: None,
        };
        values.splice(0..0, std::iter::repeat_n(idle, lead));
        let start = (fitness, fatigue);
        let days = values
            .into_iter()
            .zip(projected)
            .enumerate()
            .map(|(i, (values, projected))| SeriesDay {
                date: first + Days::new(i as u64),
                values,
                projected,
            })
            .collect();
        LoadSeries {
            first_day: first,
            days,
            params: *params,
            start,
            race_day,
        }
    }

    /// All days, in date order.
    pub fn days(&self) -> &[SeriesDay] {
        &self.days
    }

    /// The days from `from` to `to`, both included (each end defaults to the series' own).
    pub fn days_between(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> &[SeriesDay] {
        let start = from.map_or(0, |d| day_index(self.first_day, d).max(0) as usize);
        let end = to.map_or(self.days.len(), |d| {
            (day_index(self.first_day, d) + 1).max(0) as usize
        });
        let end = end.min(self.days.len());
        &self.days[start.min(end)..end]
    }

    /// The day's values, if the series covers it.
    pub fn on(&self, date: NaiveDate) -> Option<&SeriesDay> {
        usize::try_from(day_index(self.first_day, date))
            .ok()
            .and_then(|i| self.days.get(i))
    }

    /// The goal race day of the active plan, if any.
    pub fn race_day(&self) -> Option<NaiveDate> {
        self.race_day
    }

    /// Fitness and fatigue at the end of the day before `date` (the start values before the
    /// series).
    fn before(&self, date: NaiveDate) -> Option<(f64, f64)> {
        let i = day_index(self.first_day, date);
        if i <= 0 {
            return Some(self.start);
        }
        let day = self.days.get(usize::try_from(i - 1).ok()?)?;
        Some((day.values.fitness, day.values.fatigue))
    }

    /// Predicted form on the morning of the goal race.
    pub fn race_morning_form(&self) -> Option<f64> {
        let (fitness, fatigue) = self.before(self.race_day?)?;
        Some(fitness - fatigue)
    }

    /// Predicted race-morning form if a workout of planned load `load` moved from day `from`
    /// to day `to`. Constant time; exact, since the averages are linear in the loads.
    pub fn race_morning_form_after_move(
        &self,
        load: f64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<f64> {
        let race = self.race_day?;
        let base = self.race_morning_form()?;
        let morning = day_index(self.first_day, race) - 1;
        let weight = |lambda: f64, date: NaiveDate| {
            let d = day_index(self.first_day, date);
            if d > morning {
                0.0
            } else {
                let age = i32::try_from(morning - d).unwrap_or(i32::MAX);
                lambda * (1.0 - lambda).powi(age)
            }
        };
        let (lc, la) = (self.params.fitness_lambda(), self.params.fatigue_lambda());
        let delta_fitness = load * (weight(lc, to) - weight(lc, from));
        let delta_fatigue = load * (weight(la, to) - weight(la, from));
        Some(base + delta_fitness - delta_fatigue)
    }
}

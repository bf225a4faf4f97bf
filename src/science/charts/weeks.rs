//! Weekly buckets for the volume and monotony charts: kilometres by intensity on the
//! athlete's week-start boundaries, the easy share, the ramp, cut-back and taper weeks.

use chrono::{Days, NaiveDate};

use super::CUT_BACK_SHARE;
use crate::model::{AthleteDocument, Intensity, PhaseKind};
use crate::science::load::LoadContext;
use crate::science::series::{SeriesDay, counts_plan};

/// One week of running, on the athlete's week-start boundary.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekBucket {
    /// First day of the week.
    pub start: NaiveDate,
    /// Kilometres by the session's intensity class, indexed by [`intensity_index`]; the easy
    /// part of a planned session (its easy running time's share) counts as easy.
    pub km: [f64; 6],
    /// Seconds of running.
    pub running_s: f64,
    /// Seconds of that at easy or recovery intensity (warm-ups and cool-downs of planned
    /// quality sessions count, as in the easy-share rule R9).
    pub easy_s: f64,
    /// Change of volume against the week before, as a fraction (0.1 = 10% more).
    pub ramp: Option<f64>,
    /// Volume at most [`CUT_BACK_SHARE`] of the week before.
    pub cut_back: bool,
    /// The week overlaps the plan's taper.
    pub taper: bool,
    /// The week has days after today (its numbers are partly or wholly planned).
    pub projected: bool,
    /// Monotony of the seven days up to the week's last day (or the series' last day).
    pub monotony: Option<f64>,
    /// Strain over the same seven days: their load times their monotony.
    pub strain: Option<f64>,
}

impl WeekBucket {
    fn new(start: NaiveDate) -> Self {
        WeekBucket {
            start,
            km: [0.0; 6],
            running_s: 0.0,
            easy_s: 0.0,
            ramp: None,
            cut_back: false,
            taper: false,
            projected: false,
            monotony: None,
            strain: None,
        }
    }

    /// Total kilometres.
    pub fn total_km(&self) -> f64 {
        self.km.iter().sum()
    }

    /// Kilometres at one intensity.
    pub fn km_at(&self, intensity: Intensity) -> f64 {
        self.km[intensity_index(intensity)]
    }

    /// Share of running time at easy or recovery intensity, if there was running.
    pub fn easy_share(&self) -> Option<f64> {
        (self.running_s > 0.0).then(|| (self.easy_s / self.running_s).clamp(0.0, 1.0))
    }
}

/// The position of an intensity in [`WeekBucket::km`], from rest (0) to race (5).
pub fn intensity_index(intensity: Intensity) -> usize {
    match intensity {
        Intensity::Rest => 0,
        Intensity::Recovery => 1,
        Intensity::Easy => 2,
        Intensity::Moderate => 3,
        Intensity::Hard => 4,
        Intensity::Race => 5,
    }
}

pub(super) fn week_buckets(
    doc: &AthleteDocument,
    today: NaiveDate,
    done_today: bool,
    days: &[SeriesDay],
) -> Vec<WeekBucket> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let week_start = doc.athlete.week_start;
    let first_week = week_start.week_of(first.date);
    let count = usize::try_from((last.date - first_week).num_days() / 7 + 1).unwrap_or(0);
    let mut weeks: Vec<WeekBucket> = (0..count)
        .map(|i| WeekBucket::new(first_week + Days::new(7 * i as u64)))
        .collect();
    let slot = |date: NaiveDate| usize::try_from((date - first_week).num_days() / 7).ok();

    let context = LoadContext::new(&doc.athlete, &doc.settings);
    for a in &doc.history.activities {
        if a.date() > today || !a.kind.is_running() || a.date() < first_week {
            continue;
        }
        let Some(week) = slot(a.date()).and_then(|i| weeks.get_mut(i)) else {
            continue;
        };
        let intensity = a.kind.default_intensity();
        week.km[intensity_index(intensity)] += a.distance_m.unwrap_or(0.0).max(0.0) / 1000.0;
        let duration = a.duration_s.max(0.0);
        week.running_s += duration;
        if intensity <= Intensity::Easy {
            week.easy_s += duration;
        }
    }
    let plan = doc.active_plan();
    for w in plan.iter().flat_map(|p| &p.workouts) {
        if !counts_plan(w.date, today, done_today) || w.date < first_week {
            continue;
        }
        let Some(week) = slot(w.date).and_then(|i| weeks.get_mut(i)) else {
            continue;
        };
        let (duration, distance, easy) = context.running_split(w);
        // The easy part of a session (warm-up, recoveries, cool-down, an all-easy long run)
        // is easy in the bar too, so the bar and the easy share tell one story.
        let class = w.intensity();
        let easy_km = if duration > 0.0 && class > Intensity::Easy {
            distance / 1000.0 * (easy / duration).clamp(0.0, 1.0)
        } else {
            0.0
        };
        week.km[intensity_index(Intensity::Easy)] += easy_km;
        week.km[intensity_index(class)] += distance / 1000.0 - easy_km;
        week.running_s += duration;
        week.easy_s += easy;
    }

    let taper: Vec<(NaiveDate, NaiveDate)> = plan
        .iter()
        .flat_map(|p| &p.phases)
        .filter(|p| p.kind == PhaseKind::Taper)
        .map(|p| (p.start, p.end))
        .collect();
    for i in 0..weeks.len() {
        let start = weeks[i].start;
        let end = start + Days::new(6);
        let total = weeks[i].total_km();
        let previous = i.checked_sub(1).map(|p| weeks[p].total_km());
        let week = &mut weeks[i];
        week.ramp = previous.filter(|p| *p > 0.0).map(|p| total / p - 1.0);
        week.taper = taper.iter().any(|(s, e)| *s <= end && start <= *e);
        week.cut_back =
            !week.taper && previous.is_some_and(|p| p > 0.0 && total <= CUT_BACK_SHARE * p + 1e-9);
        week.projected = end > today;
        let last_index = (end.min(last.date) - first.date).num_days();
        let last_day = usize::try_from(last_index)
            .ok()
            .and_then(|i| days.get(i))
            .filter(|d| d.date >= start);
        week.monotony = last_day.and_then(|d| d.values.monotony);
        week.strain = last_day.and_then(|d| d.values.strain);
    }
    weeks
}

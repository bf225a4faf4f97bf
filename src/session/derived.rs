//! Everything the window shows that is worked out from the document rather than stored in
//! it: the overview (load series, findings, model), the season's chart data, readiness with
//! its suggestions and tips. It is computed once per document change ([`Derived::compute`]),
//! never per frame, and without a window, so every number on screen can be tested here.
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::session::derived::Derived;
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let derived = Derived::compute(&doc, today);
//! assert!(derived.overview.race_morning_form.is_some());
//! assert!(!derived.charts.weeks.is_empty());
//! ```

use chrono::NaiveDate;

use super::overview::Overview;
use crate::model::{AthleteDocument, Plan};
use crate::readiness::{Readiness, Suggestion, Tip};
use crate::science::charts::ChartData;

/// The derived state of one document as of one day.
#[derive(Clone, Debug)]
pub struct Derived {
    /// VDOT, paces, predictions, the load series, findings and adherence.
    pub overview: Overview,
    /// What the Charts tab draws: the whole season's (shared with the window's cache of its
    /// lines, not copied).
    pub charts: std::sync::Arc<ChartData>,
    /// The warning signs of poor recovery.
    pub readiness: Readiness,
    /// Plan changes suggested for those signs.
    pub suggestions: Vec<Suggestion>,
    /// Recovery tips for them.
    pub tips: Vec<Tip>,
}

impl Derived {
    /// Works everything out for `doc` as of `today`.
    pub fn compute(doc: &AthleteDocument, today: NaiveDate) -> Self {
        let overview = Overview::compute(doc, today);
        // The charts run through the whole season when other plans lie ahead.
        let charts = std::sync::Arc::new(match season_chart_document(doc, today) {
            Some(season) => ChartData::from_document(&season, today),
            None => ChartData::with_series(doc, today, overview.series.clone()),
        });
        let readiness = Readiness::assess_with(doc, today, &overview.series);
        Derived {
            charts,
            suggestions: crate::readiness::suggestions(doc, today, &readiness),
            tips: crate::readiness::tips(doc, today, &readiness),
            readiness,
            overview,
        }
    }
}

/// The document the Charts tab draws, when the season has more to show than the active
/// plan: a copy whose active plan also holds the other plans' workouts, each on a day no plan
/// before it in the document covers (from its first day to its last), so the planned part of
/// the charts runs through every race ahead. `None` when no other plan adds a day after
/// `today`.
pub fn season_chart_document(doc: &AthleteDocument, today: NaiveDate) -> Option<AthleteDocument> {
    let (active, others) = doc.plans.split_first()?;
    let span = |p: &Plan| (p.start_date, p.end_date());
    let mut covered = vec![span(active)];
    let mut extra = Vec::new();
    for plan in others {
        let free = |d: NaiveDate| !covered.iter().any(|(a, b)| (*a..=*b).contains(&d));
        extra.extend(
            plan.workouts
                .iter()
                .filter(|w| w.date > today && free(w.date))
                .cloned(),
        );
        covered.push(span(plan));
    }
    if extra.is_empty() {
        return None;
    }
    let mut season = doc.clone();
    season.plans.truncate(1);
    season.plans[0].workouts.extend(extra);
    Some(season)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    #[test]
    fn the_season_adds_the_days_of_later_plans_that_the_active_one_leaves_free() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
        let mut doc = crate::storage::demo_document(today).expect("demo");
        assert!(season_chart_document(&doc, today).is_none(), "one plan");
        let active = doc.plans[0].clone();
        let end = active.end_date();
        // The same plan again, moved to start three weeks before the first one ends.
        let mut later = active.clone();
        let shift = Days::new(u64::try_from((end - active.start_date).num_days()).expect("n"));
        let back = Days::new(21);
        for w in &mut later.workouts {
            w.date = w.date + shift - back;
        }
        later.start_date = later.start_date + shift - back;
        later.goal.date = later.goal.date + shift - back;
        doc.plans.push(later.clone());
        let season = season_chart_document(&doc, today).expect("more days");
        assert_eq!(season.plans.len(), 1);
        let added: Vec<_> = season.plans[0]
            .workouts
            .iter()
            .skip(active.workouts.len())
            .collect();
        assert!(!added.is_empty());
        assert!(
            added.iter().all(|w| w.date > end),
            "the active plan's days stay its own"
        );
        assert_eq!(
            added.len(),
            later.workouts.iter().filter(|w| w.date > end).count(),
            "every later day is there"
        );
    }
}

//! "Your model" in the Charts tab: the races of the history, the model's line through them
//! with its 80% band into the plan, and how well it fits (from
//! [`crate::science::personal::ModelSummary`], computed once per document change).

use egui::Color32;
use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points, VLine};

use super::charts::LegendItem;
use crate::science::charts::{day_x, signed};
use crate::science::personal::ModelSummary;

/// The model's line and its fitted points.
const GREEN: Color32 = Color32::from_rgb(40, 150, 90);
/// The 80% band's edges.
const BAND: Color32 = Color32::from_rgb(120, 170, 140);
/// The races.
const RED: Color32 = Color32::from_rgb(200, 60, 60);

/// The model's plot points, made once per document change.
#[derive(Default)]
pub struct ModelCache {
    history: Vec<PlotPoint>,
    projection: Vec<PlotPoint>,
    low: Vec<PlotPoint>,
    high: Vec<PlotPoint>,
    races: Vec<PlotPoint>,
    fitted: Vec<PlotPoint>,
    /// The sentences under the chart.
    lines: Vec<String>,
}

impl ModelCache {
    /// The points and words for a document's model.
    pub fn new(summary: &ModelSummary) -> Self {
        let mut cache = ModelCache::default();
        for p in &summary.curve {
            let x = day_x(p.date);
            let point = PlotPoint::new(x, p.vdot);
            if p.projected {
                // The projection starts where the history ends.
                if cache.projection.is_empty()
                    && let Some(last) = cache.history.last()
                {
                    cache.projection.push(*last);
                }
                cache.projection.push(point);
            } else {
                cache.history.push(point);
            }
            cache.low.push(PlotPoint::new(x, p.low));
            cache.high.push(PlotPoint::new(x, p.high));
        }
        cache.races = summary
            .performances
            .iter()
            .map(|r| PlotPoint::new(day_x(r.date), r.vdot))
            .collect();
        match &summary.fit {
            Ok(fit) => {
                let m = &fit.model;
                cache.fitted = fit
                    .points
                    .iter()
                    .map(|p| PlotPoint::new(day_x(p.performance.date), p.fitted))
                    .collect();
                cache.lines.push(format!(
                    "Fitted to your {} races: the line misses them by {:.1} VDOT on average \
                     (RMSE).",
                    fit.points.len(),
                    fit.rmse_vdot
                ));
                cache.lines.push(format!(
                    "VDOT = {:.1} + {:.3} x fitness - {:.3} x fatigue (fitness over {:.0} days, \
                     fatigue over {:.0} days). Different numbers can fit the same races about \
                     as well: judge the model by how close the line runs to your races.",
                    m.p0, m.k1, m.k2, m.taus.fitness_days, m.taus.fatigue_days
                ));
            }
            Err(e) => cache.lines.push(format!(
                "Not fitted yet: {e}. The line uses population values from your latest race \
                 or your VDOT, with a wide band."
            )),
        }
        if summary.recovery.is_empty() {
            cache.lines.push(format!(
                "Recovery: not estimated yet. Check-ins on the mornings after {} long runs and \
                 {} interval sessions tell how many days you take to be back at your baseline.",
                crate::science::recovery_time::MIN_SESSIONS,
                crate::science::recovery_time::MIN_SESSIONS
            ));
        }
        cache.lines.extend(summary.recovery.sentences());
        if let Some(goal) = &summary.goal {
            cache.lines.push(format!(
                "Race day {}: VDOT {:.1} (80% band {:.1} to {:.1}), race-morning form {}.",
                goal.date.format("%-d %b %Y"),
                goal.vdot,
                goal.vdot_low,
                goal.vdot_high,
                signed(goal.form, 0)
            ));
        }
        cache
    }

    /// Whether there is anything to draw.
    pub fn is_empty(&self) -> bool {
        self.history.is_empty() && self.projection.is_empty()
    }

    /// The sentences shown under the chart.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }
}

impl ModelCache {
    /// The entries of the model chart's legend, in the order they are drawn.
    pub(super) fn legend(&self, today_color: Color32) -> Vec<LegendItem> {
        let mut items = vec![
            LegendItem::dashed("80% band", BAND),
            LegendItem::line("Model VDOT", GREEN),
            LegendItem::dot("Races", RED),
        ];
        if !self.fitted.is_empty() {
            items.push(LegendItem::dot("Fitted", GREEN));
        }
        items.push(LegendItem::line("Today", today_color));
        items
    }
}

/// Draws the model's chart with the plot set up as the other charts are, leaving out the
/// entries `shows` says are hidden; `today` is the day and its line's colour.
pub(super) fn model_ui(
    ui: &mut egui::Ui,
    cache: &ModelCache,
    plot: Plot<'_>,
    today: (f64, Color32),
    shows: &dyn Fn(&str) -> bool,
) -> egui_plot::PlotResponse<()> {
    plot.show(ui, |p| {
        if shows("80% band") {
            for points in [&cache.high, &cache.low] {
                p.add(
                    Line::new("80% band", PlotPoints::Borrowed(points))
                        .color(BAND)
                        .width(1.0)
                        .style(LineStyle::dashed_loose()),
                );
            }
        }
        if shows("Model VDOT") {
            p.add(
                Line::new("Model VDOT", PlotPoints::Borrowed(&cache.history))
                    .color(GREEN)
                    .width(2.0),
            );
            p.add(
                Line::new("Model VDOT", PlotPoints::Borrowed(&cache.projection))
                    .color(GREEN)
                    .width(2.0)
                    .style(LineStyle::dashed_dense()),
            );
        }
        if shows("Races") {
            p.add(
                Points::new("Races", PlotPoints::Borrowed(&cache.races))
                    .shape(MarkerShape::Diamond)
                    .radius(5.0)
                    .color(RED),
            );
        }
        if !cache.fitted.is_empty() && shows("Fitted") {
            p.add(
                Points::new("Fitted", PlotPoints::Borrowed(&cache.fitted))
                    .shape(MarkerShape::Circle)
                    .radius(3.0)
                    .color(GREEN),
            );
        }
        if shows("Today") {
            p.add(VLine::new("Today", today.0).color(today.1));
        }
    })
}

//! The wellness charts: resting heart rate against the runner's usual level, and sleep with
//! soreness and fatigue on the check-in's own scales.

use chrono::NaiveDate;
use egui::Color32;
use egui_plot::{Bar, BarChart, Line, LineStyle, PlotPoints};

use super::axes::{clicked_day, today_color};
use super::legend::{Hidden, LegendItem, legend_ui};
use super::{Tab, line};
use crate::readiness::scales::WellnessItem;
use crate::science::charts::{RESTING_HR_WARNING_BPM, USUAL_HR_DAYS};

const RED: Color32 = Color32::from_rgb(220, 70, 60);
const AMBER: Color32 = Color32::from_rgb(230, 150, 30);
const PINK: Color32 = Color32::from_rgb(200, 60, 120);
const BLUE: Color32 = Color32::from_rgb(90, 110, 200);
const GREY: Color32 = Color32::from_gray(140);
const SLEEP: &str = "Sleep, hours";

/// A check-in item's name with its scale as the check-in asks it: "Soreness 1-5 (5 worst)".
pub(super) fn scale_label(item: WellnessItem) -> String {
    let top = item.words().len();
    let best = if item.higher_is_better() {
        "best"
    } else {
        "worst"
    };
    format!("{} 1-{top} ({top} {best})", item.label())
}

impl Tab<'_> {
    /// Resting heart rate, the usual level and the warning line above it; then sleep,
    /// soreness and fatigue. A note instead when nothing is logged.
    pub(super) fn wellness_ui(&self, ui: &mut egui::Ui, hidden: &mut Hidden) -> Option<NaiveDate> {
        let w = &self.cache.data.wellness;
        ui.add_space(8.0);
        ui.strong("Wellness");
        if w.resting_hr.is_empty() && w.sleep_hours.is_empty() && w.soreness.is_empty() {
            ui.weak(
                "No wellness entries yet: resting heart rate, sleep, soreness and fatigue \
                 show here once logged.",
            );
            return None;
        }
        let heart = self.heart_ui(ui, hidden);
        let feel = self.feel_ui(ui, hidden);
        heart.or(feel)
    }

    fn heart_ui(&self, ui: &mut egui::Ui, hidden: &mut Hidden) -> Option<NaiveDate> {
        const CHART: &str = "Resting heart rate";
        let usual = format!("Usual ({USUAL_HR_DAYS}-day median)");
        let warning = format!("Usual + {RESTING_HR_WARNING_BPM:.0} bpm (warning sign)");
        let points = &self.cache.wellness;
        let today = today_color(self.dark);
        let shown = self.plots.plot(CHART, 140.0).show(ui, |p| {
            if hidden.shows(CHART, &usual) {
                p.add(line(&usual, &points.usual_hr, GREY, false).width(1.0));
            }
            if hidden.shows(CHART, &warning) {
                p.add(
                    Line::new(warning.as_str(), PlotPoints::Borrowed(&points.warning_hr))
                        .color(AMBER)
                        .style(LineStyle::dashed_dense()),
                );
            }
            if hidden.shows(CHART, "Resting HR") {
                p.add(line("Resting HR", &points.resting_hr, RED, false));
            }
            if hidden.shows(CHART, "Today") {
                p.add(egui_plot::VLine::new("Today", self.cache.data.today).color(today));
            }
        });
        let items = [
            LegendItem::line(usual.as_str(), GREY),
            LegendItem::dashed(warning.as_str(), AMBER),
            LegendItem::line("Resting HR", RED),
            LegendItem::line("Today", today),
        ];
        legend_ui(ui, CHART, &items, hidden);
        clicked_day(&shown)
    }

    fn feel_ui(&self, ui: &mut egui::Ui, hidden: &mut Hidden) -> Option<NaiveDate> {
        const CHART: &str = "Sleep and how you feel";
        let soreness = scale_label(WellnessItem::Soreness);
        let fatigue = scale_label(WellnessItem::Fatigue);
        let points = &self.cache.wellness;
        let today = today_color(self.dark);
        let shown = self.plots.plot(CHART, 140.0).show(ui, |p| {
            if hidden.shows(CHART, SLEEP) {
                let bars: Vec<Bar> = self
                    .cache
                    .data
                    .wellness
                    .sleep_hours
                    .iter()
                    .map(|q| Bar::new(q[0], q[1]).width(0.7))
                    .collect();
                p.add(BarChart::new(SLEEP, bars).color(BLUE).allow_hover(false));
            }
            for (name, line_points, color) in [
                (&soreness, &points.soreness, AMBER),
                (&fatigue, &points.fatigue, PINK),
            ] {
                if hidden.shows(CHART, name) {
                    p.add(line(name, line_points, color, false));
                }
            }
            if hidden.shows(CHART, "Today") {
                p.add(egui_plot::VLine::new("Today", self.cache.data.today).color(today));
            }
        });
        let items = [
            LegendItem::band(SLEEP, BLUE),
            LegendItem::line(soreness.as_str(), AMBER),
            LegendItem::line(fatigue.as_str(), PINK),
            LegendItem::line("Today", today),
        ];
        legend_ui(ui, CHART, &items, hidden);
        clicked_day(&shown)
    }
}

//! The load charts: the acute:chronic workload ratio against its usual band, the weekly
//! volume by intensity with cut-back and taper weeks named, and weekly monotony.

use chrono::{Days, NaiveDate};
use egui::Color32;
use egui_plot::{Bar, BarChart, HLine, PlotPoint, PlotPoints, Points, Polygon, Text};

use super::axes::{acwr_axis, clicked_day, today_color};
use super::cache::BAR_INTENSITIES;
use super::legend::{Hidden, LegendItem, legend_ui};
use super::{Tab, line};
use crate::science::charts::{ACWR_SPIKE, MONOTONY_CRITICAL, MONOTONY_WARNING, day_x};
use crate::ui::palette::intensity_color;

const PURPLE: Color32 = Color32::from_rgb(120, 90, 200);
const RED: Color32 = Color32::from_rgb(220, 70, 60);
const AMBER: Color32 = Color32::from_rgb(230, 150, 30);
const BAND: &str = "Usual band 0.8-1.3";
const SPIKE: &str = "Spike 1.5";
const WEEK_WORDS: &str = "Cut-back and taper weeks";

impl Tab<'_> {
    /// Adds today's line unless hidden.
    fn add_today(&self, p: &mut egui_plot::PlotUi<'_>, chart: &str, hidden: &Hidden) {
        if hidden.shows(chart, "Today") {
            p.add(
                egui_plot::VLine::new("Today", self.cache.data.today).color(today_color(self.dark)),
            );
        }
    }

    /// The ACWR with its band and spike line, on an axis that names their values.
    pub(super) fn acwr_ui(&self, ui: &mut egui::Ui, hidden: &mut Hidden) -> Option<NaiveDate> {
        const CHART: &str = "ACWR";
        let band = Color32::from_rgba_unmultiplied(60, 170, 90, 36);
        ui.add_space(8.0);
        ui.strong("Acute:chronic workload ratio");
        let plot = acwr_axis(self.plots.plot(CHART, 180.0), ui);
        let shown = plot.show(ui, |p| {
            if hidden.shows(CHART, BAND) {
                p.add(
                    Polygon::new(BAND, PlotPoints::Borrowed(&self.cache.acwr_band))
                        .fill_color(band)
                        .stroke(egui::Stroke::NONE)
                        .allow_hover(false),
                );
            }
            if hidden.shows(CHART, SPIKE) {
                p.add(HLine::new(SPIKE, ACWR_SPIKE).color(RED));
            }
            if hidden.shows(CHART, "ACWR") {
                p.add(line("ACWR", &self.cache.acwr.history, PURPLE, false));
                p.add(line("ACWR", &self.cache.acwr.projection, PURPLE, true));
            }
            self.add_today(p, CHART, hidden);
        });
        let items = [
            LegendItem::band(BAND, Color32::from_rgb(60, 170, 90)),
            LegendItem::line(SPIKE, RED),
            LegendItem::line("ACWR", PURPLE),
            LegendItem::line("Today", today_color(self.dark)),
        ];
        legend_ui(ui, CHART, &items, hidden);
        ui.weak("The thresholds are guides from studies of team sports, not verdicts.");
        clicked_day(&shown)
    }

    /// Each week's kilometres stacked by intensity, planned weeks lighter.
    pub(super) fn volume_ui(&self, ui: &mut egui::Ui, hidden: &mut Hidden) -> Option<NaiveDate> {
        const CHART: &str = "Weekly volume";
        let data = &self.cache.data;
        let dark = self.dark;
        let name = |i: crate::model::Intensity| format!("{} km", i.label());
        ui.add_space(8.0);
        ui.strong("Weekly volume by session intensity (planned weeks lighter)");
        let shown = self.plots.plot(CHART, 200.0).show(ui, |p| {
            let mut below: Vec<f64> = vec![0.0; data.weeks.len()];
            for intensity in BAR_INTENSITIES {
                let shows = hidden.shows(CHART, &name(intensity));
                let color = intensity_color(intensity, dark);
                let bars: Vec<Bar> = data
                    .weeks
                    .iter()
                    .zip(below.iter_mut())
                    .filter_map(|(w, base)| {
                        let km = w.km_at(intensity);
                        let x = day_x(w.start + Days::new(3));
                        let fill = if w.projected {
                            color.gamma_multiply(0.45)
                        } else {
                            color
                        };
                        let bar = Bar::new(x, km).width(5.5).base_offset(*base).fill(fill);
                        if shows {
                            *base += km;
                        }
                        (shows && km > 0.0).then_some(bar)
                    })
                    .collect();
                if !bars.is_empty() {
                    p.add(
                        BarChart::new(name(intensity), bars)
                            .color(color)
                            .allow_hover(false),
                    );
                }
            }
            if hidden.shows(CHART, WEEK_WORDS) {
                for (w, top) in data.weeks.iter().zip(&below) {
                    if !(w.cut_back || w.taper) {
                        continue;
                    }
                    let word = if w.taper { "taper" } else { "cut-back" };
                    let at = PlotPoint::new(day_x(w.start + Days::new(3)), *top);
                    p.add(
                        Text::new(WEEK_WORDS, at, egui::RichText::new(word).small())
                            .anchor(egui::Align2::CENTER_BOTTOM),
                    );
                }
            }
            self.add_today(p, CHART, hidden);
        });
        let mut items: Vec<LegendItem> = BAR_INTENSITIES
            .into_iter()
            .filter(|i| data.weeks.iter().any(|w| w.km_at(*i) > 0.0))
            .map(|i| LegendItem::band(name(i), intensity_color(i, dark)))
            .collect();
        items.push(LegendItem::dot(WEEK_WORDS, ui.visuals().text_color()));
        items.push(LegendItem::line("Today", today_color(dark)));
        legend_ui(ui, CHART, &items, hidden);
        clicked_day(&shown)
    }

    /// Monotony of the seven days to each week's end, against Foster's two levels.
    pub(super) fn monotony_ui(&self, ui: &mut egui::Ui, hidden: &mut Hidden) -> Option<NaiveDate> {
        const CHART: &str = "Monotony";
        const WARNING: &str = "Warning 1.5";
        const CRITICAL: &str = "Critical 2.0";
        let data = &self.cache.data;
        ui.add_space(8.0);
        ui.strong("Monotony (seven days to each week's end)");
        let shown = self.plots.plot(CHART, 140.0).show(ui, |p| {
            if hidden.shows(CHART, WARNING) {
                p.add(HLine::new(WARNING, MONOTONY_WARNING).color(AMBER));
            }
            if hidden.shows(CHART, CRITICAL) {
                p.add(HLine::new(CRITICAL, MONOTONY_CRITICAL).color(RED));
            }
            if hidden.shows(CHART, CHART) {
                let points: Vec<[f64; 2]> = data
                    .weeks
                    .iter()
                    .filter_map(|w| w.monotony.map(|m| [day_x(w.start + Days::new(6)), m]))
                    .collect();
                p.add(Points::new(CHART, points).radius(3.0).color(PURPLE));
            }
            self.add_today(p, CHART, hidden);
        });
        let items = [
            LegendItem::line(WARNING, AMBER),
            LegendItem::line(CRITICAL, RED),
            LegendItem::dot(CHART, PURPLE),
            LegendItem::line("Today", today_color(self.dark)),
        ];
        legend_ui(ui, CHART, &items, hidden);
        ui.weak("Strain (the week's load times its monotony) is in each day's hover text.");
        clicked_day(&shown)
    }
}

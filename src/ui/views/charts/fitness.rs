//! The fitness and fatigue chart with the daily load, the form chart over its zones, and
//! the runner's own model: each with its legend underneath.

use chrono::NaiveDate;
use egui::Color32;
use egui_plot::{Bar, BarChart, LineStyle, Polygon, VLine};

use super::axes::{clicked_day, today_color, zone_color, zone_shade};
use super::cache::BAR_INTENSITIES;
use super::legend::{Hidden, LegendItem, legend_ui};
use super::{Tab, line};
use crate::model::Intensity;
use crate::science::charts::{FormZone, clamp_view, colors, day_x, signed};
use crate::ui::palette::intensity_color;

fn rgb((r, g, b): (u8, u8, u8)) -> Color32 {
    Color32::from_rgb(r, g, b)
}

const LOAD: &str = "Daily load (colour: intensity)";

/// A goal race still ahead of one of the season's other plans.
struct SeasonRace {
    name: String,
    x: f64,
}

impl Tab<'_> {
    fn race_color(&self) -> Color32 {
        intensity_color(Intensity::Race, self.dark)
    }

    /// The active plan's race: its name, and on the form chart its race-morning form.
    fn race_name(&self, with_form: bool) -> Option<String> {
        self.cache
            .data
            .race
            .as_ref()
            .map(|race| match (with_form, race.form) {
                (true, Some(f)) => format!("{} (race-morning form {})", race.name, signed(f, 0)),
                _ => race.name.clone(),
            })
    }

    /// The goal races of the season's other plans still ahead, drawn dashed.
    fn season_races(&self) -> Vec<SeasonRace> {
        self.doc
            .plans
            .iter()
            .skip(1)
            .filter(|p| day_x(p.goal.date) >= self.cache.data.today)
            .map(|p| SeasonRace {
                name: format!("{} (season)", p.goal.name),
                x: day_x(p.goal.date),
            })
            .collect()
    }

    /// Today, the race and the season's races: the entries every date chart ends with.
    fn marker_items(&self, race_with_form: bool) -> Vec<LegendItem> {
        let mut items = vec![LegendItem::line("Today", today_color(self.dark))];
        if let Some(name) = self.race_name(race_with_form) {
            items.push(LegendItem::line(name, self.race_color()));
        }
        for race in self.season_races() {
            items.push(LegendItem::dashed(race.name, self.race_color()));
        }
        items
    }

    /// Adds today, the race and the season's races, those not hidden.
    fn add_markers(
        &self,
        p: &mut egui_plot::PlotUi<'_>,
        chart: &str,
        race_with_form: bool,
        hidden: &Hidden,
    ) {
        if hidden.shows(chart, "Today") {
            p.add(VLine::new("Today", self.cache.data.today).color(today_color(self.dark)));
        }
        if let (Some(race), Some(name)) = (&self.cache.data.race, self.race_name(race_with_form))
            && hidden.shows(chart, &name)
        {
            p.add(VLine::new(name, race.x).color(self.race_color()).width(2.0));
        }
        for race in self.season_races() {
            if hidden.shows(chart, &race.name) {
                p.add(
                    VLine::new(race.name, race.x)
                        .color(self.race_color())
                        .style(LineStyle::dashed_loose())
                        .width(1.5),
                );
            }
        }
    }

    /// Fitness and fatigue over the daily load; gives the days shown and a clicked day.
    pub(super) fn fitness_ui(
        &self,
        ui: &mut egui::Ui,
        hidden: &mut Hidden,
    ) -> ((f64, f64), Option<NaiveDate>) {
        const CHART: &str = "Fitness and fatigue";
        let data = &self.cache.data;
        let (blue, red) = (rgb(colors::FITNESS), rgb(colors::FATIGUE));
        ui.strong(CHART);
        let shown = self.plots.plot(CHART, 240.0).show(ui, |p| {
            // Zoom and pan stay sensible: at least a week, at most the data and a year
            // either side, and never wholly away from the data.
            let b = p.plot_bounds();
            let (from, to) = clamp_view(b.min()[0], b.max()[0], data.span);
            if (from, to) != (b.min()[0], b.max()[0]) {
                p.set_plot_bounds_x(from..=to);
            }
            if hidden.shows(CHART, LOAD) {
                for intensity in BAR_INTENSITIES {
                    let bars: Vec<Bar> = data
                        .loads
                        .iter()
                        .filter(|b| b.intensity == intensity)
                        .map(|b| Bar::new(b.x, b.load).width(0.7))
                        .collect();
                    if !bars.is_empty() {
                        let color = intensity_color(intensity, self.dark).gamma_multiply(0.55);
                        p.add(BarChart::new(LOAD, bars).color(color).allow_hover(false));
                    }
                }
            }
            for (name, points, color) in [
                ("Fitness", &self.cache.fitness, blue),
                ("Fatigue", &self.cache.fatigue, red),
            ] {
                if hidden.shows(CHART, name) {
                    p.add(line(name, &points.history, color, false));
                    p.add(line(name, &points.projection, color, true));
                }
            }
            self.add_markers(p, CHART, false, hidden);
        });
        let range = shown.transform.bounds().range_x();
        let clicked = clicked_day(&shown);
        let load_colors = BAR_INTENSITIES
            .map(|i| intensity_color(i, self.dark))
            .to_vec();
        let mut items = vec![
            LegendItem::bars(LOAD, load_colors),
            LegendItem::line("Fitness", blue),
            LegendItem::line("Fatigue", red),
        ];
        items.extend(self.marker_items(false));
        legend_ui(ui, CHART, &items, hidden);
        ((*range.start(), *range.end()), clicked)
    }

    /// Form over its zones, the race marked with its race-morning form.
    pub(super) fn form_ui(&self, ui: &mut egui::Ui, hidden: &mut Hidden) -> Option<NaiveDate> {
        const CHART: &str = "Form";
        let amber = rgb(colors::FORM);
        ui.strong(CHART);
        let shown = self.plots.plot(CHART, 180.0).show(ui, |p| {
            for (zone, corners) in &self.cache.zones {
                if hidden.shows(CHART, zone.label()) {
                    p.add(
                        Polygon::new(zone.label(), egui_plot::PlotPoints::Borrowed(corners))
                            .fill_color(zone_shade(*zone, self.dark))
                            .stroke(egui::Stroke::NONE)
                            .allow_hover(false),
                    );
                }
            }
            if hidden.shows(CHART, "Form") {
                p.add(line("Form", &self.cache.form.history, amber, false));
                p.add(line("Form", &self.cache.form.projection, amber, true));
            }
            self.add_markers(p, CHART, true, hidden);
        });
        let mut items = form_zone_items(&self.cache.zones);
        items.push(LegendItem::line("Form", amber));
        items.extend(self.marker_items(true));
        legend_ui(ui, CHART, &items, hidden);
        clicked_day(&shown)
    }

    /// The runner's model: race VDOT from fitness and fatigue, and its words.
    pub(super) fn model_ui(&self, ui: &mut egui::Ui, hidden: &mut Hidden) -> Option<NaiveDate> {
        const CHART: &str = "Your model";
        let model = &self.cache.model;
        if model.is_empty() {
            return None;
        }
        ui.add_space(8.0);
        ui.strong("Your model: race VDOT from fitness and fatigue");
        let today = (self.cache.data.today, today_color(self.dark));
        let shows = |name: &str| hidden.shows(CHART, name);
        let shown =
            super::super::model::model_ui(ui, model, self.plots.plot(CHART, 180.0), today, &shows);
        legend_ui(ui, CHART, &model.legend(today.1), hidden);
        for line in model.lines() {
            ui.label(line);
        }
        clicked_day(&shown)
    }
}

/// The form zones' legend entries, each in its zone's colour, top zone first.
fn form_zone_items(zones: &[(FormZone, Vec<egui_plot::PlotPoint>)]) -> Vec<LegendItem> {
    zones
        .iter()
        .map(|(zone, _)| LegendItem::band(zone.label(), zone_color(*zone)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_zone_is_named_in_its_own_colour() {
        let zones: Vec<_> = FormZone::ALL.iter().map(|z| (*z, Vec::new())).collect();
        let items = form_zone_items(&zones);
        assert_eq!(items.len(), FormZone::ALL.len());
        for (item, zone) in items.iter().zip(FormZone::ALL) {
            let (r, g, b) = colors::zone(zone);
            assert_eq!(item.name, zone.label());
            assert_eq!(item.color, Color32::from_rgb(r, g, b), "{zone:?}");
        }
        let mut distinct: Vec<Color32> = items.iter().map(|i| i.color).collect();
        distinct.dedup();
        assert_eq!(distinct.len(), items.len(), "no two zones share a colour");
    }
}

//! The Charts tab: fitness, fatigue and form; ACWR; weekly volume; wellness.
//!
//! Everything drawn comes from [`ChartData`], computed once per document change; the plot
//! points are kept here as `PlotPoint`s and lent to egui_plot each frame, never rebuilt.

use chrono::{Days, NaiveDate};
use egui::Color32;
use egui_plot::{
    Bar, BarChart, Corner, GridMark, HLine, Legend, Line, LineStyle, Plot, PlotPoint, PlotPoints,
    Span, VLine,
};

use crate::model::{AthleteDocument, FormConvention, Intensity, LoadModel};
use crate::science::charts::{
    ACWR_BAND_HIGH, ACWR_BAND_LOW, ACWR_SPIKE, ChartData, FormZone, SplitLine, day_x,
    intensity_index, x_day,
};
use crate::ui::palette::intensity_color;

/// A line's points in the form egui_plot borrows.
#[derive(Default)]
struct Points {
    history: Vec<PlotPoint>,
    projection: Vec<PlotPoint>,
}

impl Points {
    fn of(line: &SplitLine) -> Self {
        let convert = |v: &[[f64; 2]]| v.iter().map(|p| PlotPoint::new(p[0], p[1])).collect();
        Points {
            history: convert(&line.history),
            projection: convert(&line.projection),
        }
    }
}

/// Chart data and its plot points, rebuilt when the document changes.
pub struct ChartCache {
    data: ChartData,
    fitness: Points,
    fatigue: Points,
    form: Points,
    acwr: Points,
    caption: String,
}

impl ChartCache {
    /// The cache for a document's chart data.
    pub fn new(doc: &AthleteDocument, data: ChartData) -> Self {
        let s = &doc.settings;
        let model = match s.load_model {
            LoadModel::Trainingpeaks => "TrainingPeaks (1/N)",
            LoadModel::Goldencheetah => "GoldenCheetah (1 - e^(-1/N))",
            LoadModel::Runalyze => "Runalyze (2/(N+1))",
        };
        let form = match s.form_convention {
            FormConvention::StartOfDay => "form as the day starts",
            FormConvention::SameDay => "form at the end of the day",
        };
        ChartCache {
            fitness: Points::of(&data.fitness),
            fatigue: Points::of(&data.fatigue),
            form: Points::of(&data.form),
            acwr: Points::of(&data.acwr),
            caption: format!(
                "Model: {model}, fitness {} days, fatigue {} days, {form}. \
                 Solid: history; dashed: the plan.",
                s.fitness_days, s.fatigue_days
            ),
            data,
        }
    }
}

/// Which stretch of days the charts show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ChartRange {
    /// Three weeks either side of today.
    SixWeeks,
    /// Six weeks back, six ahead.
    #[default]
    ThreeMonths,
    /// The active plan, from its first day to the race.
    Plan,
    /// All data.
    All,
}

impl ChartRange {
    const ALL: [ChartRange; 4] = [
        ChartRange::SixWeeks,
        ChartRange::ThreeMonths,
        ChartRange::Plan,
        ChartRange::All,
    ];

    fn label(self) -> &'static str {
        match self {
            ChartRange::SixWeeks => "6 weeks",
            ChartRange::ThreeMonths => "3 months",
            ChartRange::Plan => "Plan",
            ChartRange::All => "All",
        }
    }
}

/// What the Charts tab keeps between frames.
#[derive(Default)]
pub struct ChartsState {
    range: ChartRange,
    /// Set when a preset was chosen, so the plots take its bounds on the next frame.
    apply_range: bool,
}

fn x_bounds(range: ChartRange, doc: &AthleteDocument, data: &ChartData) -> (f64, f64) {
    let today = data.today;
    match range {
        ChartRange::SixWeeks => (today - 21.0, today + 21.0),
        ChartRange::ThreeMonths => (today - 45.0, today + 46.0),
        ChartRange::Plan => doc.active_plan().map_or(data.span, |p| {
            (day_x(p.start_date) - 7.0, day_x(p.end_date()) + 3.0)
        }),
        ChartRange::All => (data.span.0 - 3.0, data.span.1 + 3.0),
    }
}

fn date_label(x: f64, wide: bool) -> String {
    match x_day(x) {
        Some(d) if wide => d.format("%-d %b %y").to_string(),
        Some(d) => d.format("%-d %b").to_string(),
        None => String::new(),
    }
}

fn axis_label(mark: GridMark, range: &std::ops::RangeInclusive<f64>) -> String {
    if mark.value.fract().abs() > 1e-6 {
        return String::new();
    }
    date_label(mark.value, range.end() - range.start() > 200.0)
}

/// The hover text for a day: the date and every value the charts show for it.
pub fn day_summary(data: &ChartData, date: NaiveDate) -> String {
    let mut text = date.format("%a %-d %b %Y").to_string();
    if let Some(v) = data.day_values(date) {
        let d = v.day.values;
        text.push_str(if v.day.projected { " (planned)" } else { "" });
        text.push_str(&format!(
            "\nload {:.0}\nfitness {:.1}\nfatigue {:.1}\nform {:+.1} ({})",
            d.load,
            d.fitness,
            d.fatigue,
            d.form,
            v.zone.label()
        ));
        if let Some(a) = d.acwr {
            text.push_str(&format!("\nACWR {a:.2}"));
        }
        if let Some(m) = d.monotony {
            text.push_str(&format!("\nmonotony {m:.2}"));
        }
    }
    text
}

fn line<'a>(name: &str, points: &'a [PlotPoint], color: Color32, dashed: bool) -> Line<'a> {
    let style = if dashed {
        LineStyle::dashed_dense()
    } else {
        LineStyle::Solid
    };
    Line::new(name, PlotPoints::Borrowed(points))
        .color(color)
        .width(2.0)
        .style(style)
}

fn zone_color(zone: FormZone, dark: bool) -> Color32 {
    let (r, g, b) = match zone {
        FormZone::Detraining => (150, 150, 150),
        FormZone::Fresh => (60, 170, 90),
        FormZone::Neutral => (160, 160, 160),
        FormZone::Productive => (70, 130, 210),
        FormZone::HighRisk => (220, 70, 60),
    };
    Color32::from_rgba_unmultiplied(r, g, b, if dark { 28 } else { 36 })
}

/// Draws the Charts tab.
pub fn charts_tab_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    cache: &ChartCache,
    state: &mut ChartsState,
) {
    let data = &cache.data;
    ui.horizontal(|ui| {
        ui.label("Show:");
        for range in ChartRange::ALL {
            if ui
                .selectable_label(state.range == range, range.label())
                .clicked()
            {
                state.range = range;
                state.apply_range = true;
            }
        }
    });
    if data.series.days().is_empty() {
        ui.weak("Log training or build a plan to see fitness, fatigue and form.");
        return;
    }
    let bounds = x_bounds(state.range, doc, data);
    let reset = std::mem::take(&mut state.apply_range);
    let group = egui::Id::unique("stride_charts_x");
    let dark = ui.visuals().dark_mode;
    let summary = |x: f64| x_day(x).map(|d| day_summary(data, d));
    let plot = |name: &str, height: f32| {
        let mut p = Plot::new(name.to_owned())
            .height(height)
            .legend(
                Legend::default()
                    .position(Corner::LeftTop)
                    .text_style(egui::TextStyle::Small)
                    .follow_insertion_order(true),
            )
            .link_axis(group, [true, false])
            .link_cursor(group, [true, false])
            .x_axis_formatter(axis_label)
            .label_formatter(move |pos| {
                let x = match pos {
                    egui_plot::HoverPosition::NearDataPoint { position, .. }
                    | egui_plot::HoverPosition::Elsewhere { position } => position.x,
                };
                summary(x)
            })
            .allow_scroll([true, false])
            .allow_zoom([true, false])
            .default_x_bounds(bounds.0, bounds.1);
        if reset {
            p = p.reset();
        }
        p
    };

    egui::ScrollArea::vertical().show(ui, |ui| {
        let blue = Color32::from_rgb(50, 120, 220);
        let red = Color32::from_rgb(200, 60, 120);
        let amber = Color32::from_rgb(230, 150, 30);
        let race_line = |label: bool| {
            data.race.as_ref().map(|race| {
                let name = match (label, race.form) {
                    (true, Some(f)) => format!("{} (race-morning form {f:+.0})", race.name),
                    _ => race.name.clone(),
                };
                VLine::new(name, race.x)
                    .color(intensity_color(Intensity::Race, dark))
                    .width(2.0)
            })
        };
        ui.strong("Fitness and fatigue");
        plot("Fitness and fatigue", 240.0).show(ui, |p| {
            for intensity in [
                Intensity::Recovery,
                Intensity::Easy,
                Intensity::Moderate,
                Intensity::Hard,
                Intensity::Race,
            ] {
                let bars: Vec<Bar> = data
                    .loads
                    .iter()
                    .filter(|b| intensity_index(b.intensity) == intensity_index(intensity))
                    .map(|b| Bar::new(b.x, b.load).width(0.7))
                    .collect();
                if !bars.is_empty() {
                    let color = intensity_color(intensity, dark).gamma_multiply(0.55);
                    p.add(
                        BarChart::new("Daily load (colour: intensity)", bars)
                            .color(color)
                            .allow_hover(false),
                    );
                }
            }
            for (name, points, color) in [("Fitness", &cache.fitness, blue), ("Fatigue", &cache.fatigue, red)] {
                p.add(line(name, &points.history, color, false));
                p.add(line(name, &points.projection, color, true));
            }
            p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
            if let Some(race) = race_line(false) {
                p.add(race);
            }
        });
        ui.add_space(4.0);
        ui.strong("Form");
        plot("Form", 180.0).show(ui, |p| {
            for zone in FormZone::ALL {
                let (low, high) = zone.range();
                p.add(
                    Span::new(zone.label(), low.max(-300.0)..=high.min(300.0))
                        .axis(egui_plot::Axis::Y)
                        .fill(zone_color(zone, dark))
                        .border_width(0.0)
                        .label_align(egui::Align2::RIGHT_TOP),
                );
            }
            p.add(line("Form", &cache.form.history, amber, false));
            p.add(line("Form", &cache.form.projection, amber, true));
            p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
            if let Some(race) = race_line(true) {
                p.add(race);
            }
        });
        ui.weak(&cache.caption);

        ui.add_space(8.0);
        ui.strong("Acute:chronic workload ratio");
        plot("ACWR", 160.0).show(ui, |p| {
            p.add(
                Span::new("Usual band 0.8-1.3", ACWR_BAND_LOW..=ACWR_BAND_HIGH)
                    .axis(egui_plot::Axis::Y)
                    .fill(Color32::from_rgba_unmultiplied(60, 170, 90, 36))
                    .border_width(0.0),
            );
            p.add(HLine::new("Spike 1.5", ACWR_SPIKE).color(Color32::from_rgb(220, 70, 60)));
            let purple = Color32::from_rgb(120, 90, 200);
            p.add(line("ACWR", &cache.acwr.history, purple, false));
            p.add(line("ACWR", &cache.acwr.projection, purple, true));
            p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
        });
        ui.weak("The thresholds are guides from studies of team sports, not verdicts.");

        ui.add_space(8.0);
        ui.strong("Weekly volume by intensity");
        plot("Weekly volume", 200.0).show(ui, |p| {
            let mut below: Vec<f64> = vec![0.0; data.weeks.len()];
            for intensity in [
                Intensity::Recovery,
                Intensity::Easy,
                Intensity::Moderate,
                Intensity::Hard,
                Intensity::Race,
            ] {
                let bars: Vec<Bar> = data
                    .weeks
                    .iter()
                    .zip(below.iter_mut())
                    .filter_map(|(w, base)| {
                        let km = w.km_at(intensity);
                        let x = day_x(w.start + Days::new(3));
                        let bar = Bar::new(x, km).width(5.5).base_offset(*base);
                        *base += km;
                        (km > 0.0).then_some(bar)
                    })
                    .collect();
                if !bars.is_empty() {
                    p.add(
                        BarChart::new(format!("{} km", intensity.label()), bars)
                            .color(intensity_color(intensity, dark))
                            .allow_hover(false),
                    );
                }
            }
            p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
        });
        if let Some(week) = data.week_of(x_day(data.today).unwrap_or_default()) {
            ui.weak(format!(
                "This week: {:.1} km, {} easy{}{}.",
                week.total_km(),
                week.easy_share()
                    .map_or("-".to_owned(), |s| format!("{:.0}%", 100.0 * s)),
                week.ramp
                    .map_or(String::new(), |r| format!(", {:+.0}% on last week", 100.0 * r)),
                week.monotony
                    .map_or(String::new(), |m| format!(", monotony {m:.1}")),
            ));
        }

        ui.add_space(8.0);
        ui.strong("Wellness");
        if doc.history.wellness.is_empty() {
            ui.weak("No wellness entries yet: resting heart rate, sleep and soreness show here once logged.");
        } else {
            ui.weak(format!(
                "{} wellness entries; their chart comes with the wellness log.",
                doc.history.wellness.len()
            ));
        }
    });
}

fn ui_today_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(220)
    } else {
        Color32::from_gray(40)
    }
}

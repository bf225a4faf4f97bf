//! The Charts tab: fitness, fatigue and form; the runner's own model; ACWR; weekly volume;
//! wellness.
//!
//! Everything drawn comes from [`ChartData`], computed once per document change; the plot
//! points are kept here as `PlotPoint`s and lent to egui_plot each frame, never rebuilt.

use chrono::{Days, NaiveDate};
use egui::Color32;
use egui_plot::{
    Bar, BarChart, Corner, GridMark, HLine, Legend, Line, LineStyle, Plot, PlotPoint, PlotPoints,
    Points, Polygon, Text, VLine,
};

use crate::model::{AthleteDocument, FormConvention, Intensity, LoadModel};
use crate::science::charts::{
    ACWR_BAND_HIGH, ACWR_BAND_LOW, ACWR_SPIKE, ChartData, FormZone, MONOTONY_CRITICAL,
    MONOTONY_WARNING, RESTING_HR_WARNING_BPM, SplitLine, clamp_view, colors, day_x, x_day,
};
use crate::ui::commands::Request;
use crate::ui::palette::intensity_color;

/// A line's points in the form egui_plot borrows.
#[derive(Default)]
struct LinePoints {
    history: Vec<PlotPoint>,
    projection: Vec<PlotPoint>,
}

impl LinePoints {
    fn of(line: &SplitLine) -> Self {
        LinePoints {
            history: plot_points(&line.history, 0.0),
            projection: plot_points(&line.projection, 0.0),
        }
    }
}

/// `[x, y]` points as plot points, raised by `dy`.
fn plot_points(points: &[[f64; 2]], dy: f64) -> Vec<PlotPoint> {
    points
        .iter()
        .map(|p| PlotPoint::new(p[0], p[1] + dy))
        .collect()
}

/// The intensities drawn as bars, bottom to top (rest carries no load or distance).
const BAR_INTENSITIES: [Intensity; 5] = [
    Intensity::Recovery,
    Intensity::Easy,
    Intensity::Moderate,
    Intensity::Hard,
    Intensity::Race,
];

/// Chart data and its plot points, rebuilt when the document changes.
pub struct ChartCache {
    data: ChartData,
    fitness: LinePoints,
    fatigue: LinePoints,
    form: LinePoints,
    acwr: LinePoints,
    /// Each form zone's rectangle over the data, clipped to the form values drawn.
    zones: Vec<(FormZone, Vec<PlotPoint>)>,
    /// The ACWR band's rectangle.
    acwr_band: Vec<PlotPoint>,
    /// Wellness: resting HR, usual, usual + warning margin, soreness, fatigue.
    wellness: [Vec<PlotPoint>; 5],
    caption: String,
    model: super::model::ModelCache,
}

impl ChartCache {
    /// The cache for a document's chart data and its runner's model.
    pub fn new(
        doc: &AthleteDocument,
        data: ChartData,
        summary: &crate::science::personal::ModelSummary,
    ) -> Self {
        let s = &doc.settings;
        let model = model_label(s.load_model);
        let form = form_label(s.form_convention);
        ChartCache {
            fitness: LinePoints::of(&data.fitness),
            fatigue: LinePoints::of(&data.fatigue),
            form: LinePoints::of(&data.form),
            acwr: LinePoints::of(&data.acwr),
            zones: zone_rectangles(&data),
            acwr_band: band(&data, ACWR_BAND_LOW, ACWR_BAND_HIGH),
            wellness: {
                let w = &data.wellness;
                [
                    plot_points(&w.resting_hr, 0.0),
                    plot_points(&w.usual_hr, 0.0),
                    plot_points(&w.usual_hr, RESTING_HR_WARNING_BPM),
                    plot_points(&w.soreness, 0.0),
                    plot_points(&w.fatigue, 0.0),
                ]
            },
            caption: format!(
                "Model: {model}, fitness {} days, fatigue {} days, {form}. \
                 Solid: history; dashed: the plan.",
                s.fitness_days, s.fatigue_days
            ),
            data,
            model: super::model::ModelCache::new(summary),
        }
    }
}

/// Rectangles for the form zones, as wide as the data and as tall as the form values (with
/// a margin), so they shade the chart without stretching its bounds.
fn zone_rectangles(data: &ChartData) -> Vec<(FormZone, Vec<PlotPoint>)> {
    let forms = data
        .form
        .history
        .iter()
        .chain(&data.form.projection)
        .map(|p| p[1]);
    let (low, high) = forms.fold((0.0f64, 0.0f64), |(lo, hi), y| (lo.min(y), hi.max(y)));
    // A strip of every zone stays in view, so the legend always names all five.
    let (low, high) = ((low - 10.0).min(-35.0), (high + 10.0).max(30.0));
    FormZone::ALL
        .into_iter()
        .filter_map(|zone| {
            let (bottom, top) = zone.range();
            let (bottom, top) = (bottom.max(low), top.min(high));
            (bottom < top).then(|| (zone, band(data, bottom, top)))
        })
        .collect()
}

/// An x range well beyond the data, for shading that must not end inside the view.
fn wide_x(data: &ChartData) -> (f64, f64) {
    (data.span.0 - 400.0, data.span.1 + 400.0)
}

/// A rectangle across [`wide_x`] between two values.
fn band(data: &ChartData, bottom: f64, top: f64) -> Vec<PlotPoint> {
    let (left, right) = wide_x(data);
    [[left, bottom], [right, bottom], [right, top], [left, top]]
        .map(|[x, y]| PlotPoint::new(x, y))
        .to_vec()
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
            ChartRange::Plan => "Whole plan",
            ChartRange::All => "All data",
        }
    }
}

/// What the Charts tab keeps between frames.
#[derive(Default)]
pub struct ChartsState {
    range: ChartRange,
    /// Set when a preset was chosen, so the plots take its bounds on the next frame.
    apply_range: bool,
    /// The days the charts showed last frame (after zoom and pan), for export.
    visible: Option<(f64, f64)>,
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

/// Grid lines on week starts (Mondays), every week, four weeks, quarter or year by zoom,
/// with lighter daily lines when zoomed in.
fn week_grid(input: egui_plot::GridInput) -> Vec<GridMark> {
    // 1970-01-05, day 4, was a Monday. Each Monday's line is as strong as the largest of
    // these periods (in days) it starts, so labels thin out as the view widens.
    const MONDAY: f64 = 4.0;
    const LEVELS: [f64; 4] = [7.0, 28.0, 364.0, 3640.0];
    let (min, max) = input.bounds;
    let span = max - min;
    if !span.is_finite() || span <= 0.0 {
        return Vec::new();
    }
    let base = LEVELS
        .into_iter()
        .find(|step| span / step < 150.0)
        .unwrap_or(3640.0);
    let mut marks = Vec::new();
    let mut x = MONDAY + ((min - MONDAY) / base).floor() * base;
    while x <= max {
        let step_size = LEVELS
            .into_iter()
            .rev()
            .find(|l| (x - MONDAY).rem_euclid(*l) == 0.0)
            .unwrap_or(base);
        marks.push(GridMark {
            value: x,
            step_size,
        });
        x += base;
    }
    if span < 60.0 {
        let mut day = min.floor();
        while day <= max {
            if (day - MONDAY).rem_euclid(7.0) != 0.0 {
                marks.push(GridMark {
                    value: day,
                    step_size: 1.0,
                });
            }
            day += 1.0;
        }
    }
    marks
}

fn axis_label(mark: GridMark, range: &std::ops::RangeInclusive<f64>) -> String {
    if mark.value.fract().abs() > 1e-6 || mark.step_size < 7.0 {
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
    if let Some(w) = data.week_of(date) {
        text.push_str(&format!(
            "\nweek of {}: {:.1} km",
            w.start.format("%-d %b"),
            w.total_km()
        ));
        if let Some(share) = w.easy_share() {
            text.push_str(&format!(", {:.0}% easy", 100.0 * share));
        }
        if let Some(r) = w.ramp {
            text.push_str(&format!(", {:+.0}% on the week before", 100.0 * r));
        }
        if let Some(strain) = w.strain {
            text.push_str(&format!(", strain {strain:.0}"));
        }
        if w.taper {
            text.push_str(" (taper)");
        } else if w.cut_back {
            text.push_str(" (cut-back)");
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
    let (r, g, b) = colors::zone(zone);
    Color32::from_rgba_unmultiplied(r, g, b, if dark { 28 } else { 36 })
}

/// Draws the Charts tab.
pub fn charts_tab_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    cache: &ChartCache,
    state: &mut ChartsState,
    commands: &mut Vec<Request>,
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
        ui.separator();
        let save = ui
            .button("Save chart…")
            .on_hover_text("Save fitness, fatigue and form over the days shown, as PNG or SVG");
        if let (true, Some((from, to))) = (save.clicked(), state.visible) {
            commands.push(Request::ExportChart {
                from: from.floor() as i64,
                to: to.ceil() as i64,
            });
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
            .x_grid_spacer(week_grid)
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

    let mut clicked = None;
    let mut visible = state.visible;
    egui::ScrollArea::vertical().show(ui, |ui| {
        let rgb = |(r, g, b): (u8, u8, u8)| Color32::from_rgb(r, g, b);
        let (blue, red, amber) = (
            rgb(colors::FITNESS),
            rgb(colors::FATIGUE),
            rgb(colors::FORM),
        );
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
        // The goal races of the season's other plans still ahead, dashed.
        let season_races = || {
            doc.plans
                .iter()
                .skip(1)
                .filter(|p| day_x(p.goal.date) >= data.today)
                .map(|p| {
                    VLine::new(format!("{} (season)", p.goal.name), day_x(p.goal.date))
                        .color(intensity_color(Intensity::Race, dark))
                        .style(LineStyle::dashed_loose())
                        .width(1.5)
                })
        };
        ui.strong("Fitness and fatigue");
        let shown = plot("Fitness and fatigue", 240.0).show(ui, |p| {
            // Zoom and pan stay sensible: at least a week, at most the data and a year
            // either side, and never wholly away from the data.
            let b = p.plot_bounds();
            let (from, to) = (b.min()[0], b.max()[0]);
            let (from, to) = clamp_view(from, to, data.span);
            if (from, to) != (b.min()[0], b.max()[0]) {
                p.set_plot_bounds_x(from..=to);
            }
            for intensity in BAR_INTENSITIES {
                let bars: Vec<Bar> = data
                    .loads
                    .iter()
                    .filter(|b| b.intensity == intensity)
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
            for (name, points, color) in [
                ("Fitness", &cache.fitness, blue),
                ("Fatigue", &cache.fatigue, red),
            ] {
                p.add(line(name, &points.history, color, false));
                p.add(line(name, &points.projection, color, true));
            }
            p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
            if let Some(race) = race_line(false) {
                p.add(race);
            }
            for race in season_races() {
                p.add(race);
            }
        });
        clicked = clicked.or_else(|| clicked_day(&shown));
        let shown_x = shown.transform.bounds().range_x();
        visible = Some((*shown_x.start(), *shown_x.end()));
        ui.add_space(4.0);
        ui.strong("Form");
        let shown = plot("Form", 180.0).show(ui, |p| {
            for (zone, corners) in &cache.zones {
                p.add(
                    Polygon::new(zone.label(), PlotPoints::Borrowed(corners))
                        .fill_color(zone_color(*zone, dark))
                        .stroke(egui::Stroke::NONE)
                        .allow_hover(false),
                );
            }
            p.add(line("Form", &cache.form.history, amber, false));
            p.add(line("Form", &cache.form.projection, amber, true));
            p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
            if let Some(race) = race_line(true) {
                p.add(race);
            }
            for race in season_races() {
                p.add(race);
            }
        });
        clicked = clicked.or_else(|| clicked_day(&shown));
        ui.weak(&cache.caption);
        model_settings_ui(ui, &doc.settings, commands);
        if !cache.model.is_empty() {
            ui.add_space(8.0);
            ui.strong("Your model: race VDOT from fitness and fatigue");
            let shown = super::model::model_ui(
                ui,
                &cache.model,
                plot("Your model", 180.0),
                data.today,
                ui_today_color(dark),
            );
            clicked = clicked.or_else(|| clicked_day(&shown));
        }

        ui.add_space(8.0);
        ui.strong("Acute:chronic workload ratio");
        let shown = plot("ACWR", 160.0).show(ui, |p| {
            p.add(
                Polygon::new("Usual band 0.8-1.3", PlotPoints::Borrowed(&cache.acwr_band))
                    .fill_color(Color32::from_rgba_unmultiplied(60, 170, 90, 36))
                    .stroke(egui::Stroke::NONE)
                    .allow_hover(false),
            );
            p.add(HLine::new("Spike 1.5", ACWR_SPIKE).color(Color32::from_rgb(220, 70, 60)));
            let purple = Color32::from_rgb(120, 90, 200);
            p.add(line("ACWR", &cache.acwr.history, purple, false));
            p.add(line("ACWR", &cache.acwr.projection, purple, true));
            p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
        });
        clicked = clicked.or_else(|| clicked_day(&shown));
        ui.weak("The thresholds are guides from studies of team sports, not verdicts.");

        ui.add_space(8.0);
        ui.strong("Weekly volume by session intensity (planned weeks lighter)");
        let shown = plot("Weekly volume", 200.0).show(ui, |p| {
            let mut below: Vec<f64> = vec![0.0; data.weeks.len()];
            for intensity in BAR_INTENSITIES {
                let bars: Vec<Bar> = data
                    .weeks
                    .iter()
                    .zip(below.iter_mut())
                    .filter_map(|(w, base)| {
                        let km = w.km_at(intensity);
                        let x = day_x(w.start + Days::new(3));
                        let color = intensity_color(intensity, dark);
                        let fill = if w.projected {
                            color.gamma_multiply(0.45)
                        } else {
                            color
                        };
                        let bar = Bar::new(x, km).width(5.5).base_offset(*base).fill(fill);
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
            for w in data.weeks.iter().filter(|w| w.cut_back || w.taper) {
                let word = if w.taper { "taper" } else { "cut-back" };
                let at = PlotPoint::new(day_x(w.start + Days::new(3)), w.total_km());
                p.add(
                    Text::new(
                        "Cut-back and taper weeks",
                        at,
                        egui::RichText::new(word).small(),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM),
                );
            }
            p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
        });
        clicked = clicked.or_else(|| clicked_day(&shown));
        ui.add_space(8.0);
        ui.strong("Monotony (seven days to each week's end)");
        let shown = plot("Monotony", 140.0).show(ui, |p| {
            let points: Vec<[f64; 2]> = data
                .weeks
                .iter()
                .filter_map(|w| w.monotony.map(|m| [day_x(w.start + Days::new(6)), m]))
                .collect();
            p.add(
                HLine::new("Warning 1.5", MONOTONY_WARNING).color(Color32::from_rgb(230, 150, 30)),
            );
            p.add(
                HLine::new("Critical 2.0", MONOTONY_CRITICAL).color(Color32::from_rgb(220, 70, 60)),
            );
            p.add(
                Points::new("Monotony", points)
                    .radius(3.0)
                    .color(Color32::from_rgb(120, 90, 200)),
            );
            p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
        });
        clicked = clicked.or_else(|| clicked_day(&shown));
        ui.weak("Strain (the week's load times its monotony) is in each day's hover text.");
        if let Some(week) = data.week_of(x_day(data.today).unwrap_or_default()) {
            ui.weak(format!(
                "This week: {:.1} km, {} easy{}{}.",
                week.total_km(),
                week.easy_share()
                    .map_or("-".to_owned(), |s| format!("{:.0}%", 100.0 * s)),
                week.ramp.map_or(String::new(), |r| format!(
                    ", {:+.0}% on last week",
                    100.0 * r
                )),
                week.monotony
                    .map_or(String::new(), |m| format!(", monotony {m:.1}")),
            ));
        }

        ui.add_space(8.0);
        ui.strong("Wellness");
        let w = &data.wellness;
        if w.resting_hr.is_empty() && w.sleep_hours.is_empty() && w.soreness.is_empty() {
            ui.weak(
                "No wellness entries yet: resting heart rate, sleep, soreness and fatigue \
                 show here once logged.",
            );
        } else {
            let shown = plot("Resting heart rate", 140.0).show(ui, |p| {
                let [resting, usual, upper, _, _] = &cache.wellness;
                let grey = Color32::from_gray(140);
                p.add(line("Usual (28-day mean)", usual, grey, false).width(1.0));
                p.add(
                    Line::new("Usual + 5 bpm (warning sign)", PlotPoints::Borrowed(upper))
                        .color(Color32::from_rgb(230, 150, 30))
                        .style(LineStyle::dashed_dense()),
                );
                p.add(line(
                    "Resting HR",
                    resting,
                    Color32::from_rgb(220, 70, 60),
                    false,
                ));
                p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
            });
            clicked = clicked.or_else(|| clicked_day(&shown));
            let shown = plot("Sleep and how you feel", 140.0).show(ui, |p| {
                let bars: Vec<Bar> = w
                    .sleep_hours
                    .iter()
                    .map(|q| Bar::new(q[0], q[1]).width(0.7))
                    .collect();
                p.add(
                    BarChart::new("Sleep, hours", bars)
                        .color(Color32::from_rgb(90, 110, 200))
                        .allow_hover(false),
                );
                let [_, _, _, soreness, fatigue] = &cache.wellness;
                p.add(line(
                    "Soreness 1-7",
                    soreness,
                    Color32::from_rgb(230, 150, 30),
                    false,
                ));
                p.add(line(
                    "Fatigue 1-7",
                    fatigue,
                    Color32::from_rgb(200, 60, 120),
                    false,
                ));
                p.add(VLine::new("Today", data.today).color(ui_today_color(dark)));
            });
            clicked = clicked.or_else(|| clicked_day(&shown));
        }
    });
    state.visible = visible;
    if let Some(day) = clicked {
        commands.push(Request::ShowDay(day));
    }
}

fn model_label(model: LoadModel) -> &'static str {
    match model {
        LoadModel::Trainingpeaks => "TrainingPeaks (1/N)",
        LoadModel::Goldencheetah => "GoldenCheetah (1 - e^(-1/N))",
        LoadModel::Runalyze => "Runalyze (2/(N+1))",
    }
}

fn form_label(form: FormConvention) -> &'static str {
    match form {
        FormConvention::StartOfDay => "form as the day starts",
        FormConvention::SameDay => "form at the end of the day",
    }
}

/// The model's settings, each change one undoable edit.
fn model_settings_ui(
    ui: &mut egui::Ui,
    settings: &crate::model::Settings,
    commands: &mut Vec<Request>,
) {
    egui::CollapsingHeader::new("Model settings").show(ui, |ui| {
        // While a number is dragged the changing value lives in a draft, committed when the
        // drag ends, so one drag is one undo step; other changes commit at once.
        let draft_id = egui::Id::unique("model_settings_draft");
        let draft: Option<crate::model::Settings> = ui.ctx().data(|d| d.get_temp(draft_id));
        let mut next = draft.clone().unwrap_or_else(|| settings.clone());
        let mut dragging = false;
        egui::Grid::new("model_settings")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Averaging");
                egui::ComboBox::from_id_salt("load_model")
                    .selected_text(model_label(next.load_model))
                    .show_ui(ui, |ui| {
                        for model in LoadModel::ALL {
                            ui.selectable_value(&mut next.load_model, model, model_label(model));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Form convention");
                egui::ComboBox::from_id_salt("form_convention")
                    .selected_text(form_label(next.form_convention))
                    .show_ui(ui, |ui| {
                        for form in [FormConvention::StartOfDay, FormConvention::SameDay] {
                            ui.selectable_value(&mut next.form_convention, form, form_label(form));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Fitness days");
                dragging |= ui
                    .add(egui::DragValue::new(&mut next.fitness_days).range(7..=90))
                    .labelled_by(l.id)
                    .dragged();
                ui.end_row();
                let l = ui.label("Fatigue days");
                dragging |= ui
                    .add(egui::DragValue::new(&mut next.fatigue_days).range(2..=21))
                    .labelled_by(l.id)
                    .dragged();
                ui.end_row();
            });
        if dragging {
            ui.ctx().data_mut(|d| d.insert_temp(draft_id, next));
        } else {
            if draft.is_some() {
                ui.ctx()
                    .data_mut(|d| d.remove::<crate::model::Settings>(draft_id));
            }
            if next != *settings {
                commands.push(Request::Apply(crate::session::Edit::SetSettings(next)));
            }
        }
        if ui.button("Defaults").clicked() && *settings != crate::model::Settings::default() {
            let defaults = crate::model::Settings {
                cross_training: settings.cross_training.clone(),
                start_fitness: settings.start_fitness,
                start_fatigue: settings.start_fatigue,
                ..crate::model::Settings::default()
            };
            commands.push(Request::Apply(crate::session::Edit::SetSettings(defaults)));
        }
    });
}

/// The day under the pointer when a plot was clicked.
fn clicked_day(shown: &egui_plot::PlotResponse<()>) -> Option<NaiveDate> {
    if !shown.response.clicked() {
        return None;
    }
    let pos = shown.response.interact_pointer_pos()?;
    x_day(shown.transform.value_from_position(pos).x)
}

fn ui_today_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(220)
    } else {
        Color32::from_gray(40)
    }
}

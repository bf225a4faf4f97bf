//! What every chart shares: the days shown, the week grid and date labels on the x axis, the
//! hover text of a day, and the ACWR chart's y axis.

use chrono::NaiveDate;
use egui::Color32;
use egui_plot::{AxisHints, GridInput, GridMark, Plot};

use crate::model::AthleteDocument;
use crate::science::charts::{ChartData, FormZone, acwr_ticks, day_x, signed, x_day};

/// Which stretch of days the charts show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(super) enum ChartRange {
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
    pub const ALL: [ChartRange; 4] = [
        ChartRange::SixWeeks,
        ChartRange::ThreeMonths,
        ChartRange::Plan,
        ChartRange::All,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ChartRange::SixWeeks => "6 weeks",
            ChartRange::ThreeMonths => "3 months",
            ChartRange::Plan => "Whole plan",
            ChartRange::All => "All data",
        }
    }
}

/// The days a range shows, as day numbers.
pub(super) fn x_bounds(range: ChartRange, doc: &AthleteDocument, data: &ChartData) -> (f64, f64) {
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
fn week_grid(input: GridInput) -> Vec<GridMark> {
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
            "\nload {:.0}\nfitness {:.1}\nfatigue {:.1}\nform {} ({})",
            d.load,
            d.fitness,
            d.fatigue,
            signed(d.form, 1),
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
            text.push_str(&format!(", {}% on the week before", signed(100.0 * r, 0)));
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

/// The zone's colour at full strength, for its legend entry.
pub(super) fn zone_color(zone: FormZone) -> Color32 {
    let (r, g, b) = crate::science::charts::colors::zone(zone);
    Color32::from_rgb(r, g, b)
}

/// The zone's translucent shade behind the form line.
pub(super) fn zone_shade(zone: FormZone, dark: bool) -> Color32 {
    let (r, g, b) = crate::science::charts::colors::zone(zone);
    Color32::from_rgba_unmultiplied(r, g, b, if dark { 28 } else { 36 })
}

pub(super) fn today_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(220)
    } else {
        Color32::from_gray(40)
    }
}

/// How every chart of the tab is set up: the days shown, linked to the others, with the
/// week grid and the day's values on hover.
pub(super) struct Plots<'a> {
    pub data: &'a ChartData,
    pub bounds: (f64, f64),
    /// A preset was just chosen: the plots take its bounds.
    pub reset: bool,
    pub group: egui::Id,
}

impl<'a> Plots<'a> {
    /// A chart of the tab, `height` points tall.
    pub fn plot(&self, name: &str, height: f32) -> Plot<'a> {
        let data = self.data;
        let mut p = Plot::new(name.to_owned())
            .height(height)
            .link_axis(self.group, [true, false])
            .link_cursor(self.group, [true, false])
            .x_axis_formatter(axis_label)
            .x_grid_spacer(week_grid)
            .label_formatter(move |pos| {
                let x = match pos {
                    egui_plot::HoverPosition::NearDataPoint { position, .. }
                    | egui_plot::HoverPosition::Elsewhere { position } => position.x,
                };
                x_day(x).map(|d| day_summary(data, d))
            })
            .allow_scroll([true, false])
            .allow_zoom([true, false])
            .default_x_bounds(self.bounds.0, self.bounds.1);
        if self.reset {
            p = p.reset();
        }
        p
    }
}

/// The ACWR chart's y axis: a tick at each round value and at the usual band's edges, in
/// small type so the band's edges have room; the band and 1.0 always in view.
pub(super) fn acwr_axis<'a>(plot: Plot<'a>, ui: &egui::Ui) -> Plot<'a> {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let hints = AxisHints::new_y()
        .formatter(|mark, _| format!("{:.1}", mark.value))
        .label_spacing(10.0..=14.0)
        .tick_label_font(font);
    plot.custom_y_axes(vec![hints])
        .y_grid_spacer(|input| {
            acwr_ticks(input.bounds.0, input.bounds.1)
                .into_iter()
                .map(|t| GridMark {
                    value: t.value,
                    step_size: t.spacing,
                })
                .collect()
        })
        .include_y(0.5)
        .include_y(1.6)
}

/// The day under the pointer when a plot was clicked.
pub(super) fn clicked_day(shown: &egui_plot::PlotResponse<()>) -> Option<NaiveDate> {
    if !shown.response.clicked() {
        return None;
    }
    let pos = shown.response.interact_pointer_pos()?;
    x_day(shown.transform.value_from_position(pos).x)
}

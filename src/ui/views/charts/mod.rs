//! The Charts tab: fitness, fatigue and form; the runner's own model; ACWR; weekly volume;
//! monotony; wellness.
//!
//! Everything drawn comes from [`ChartData`], computed once per document change; the plot
//! points are kept as `PlotPoint`s ([`ChartCache`]) and lent to egui_plot each frame, never
//! rebuilt. Each chart's legend is a row under it, so it never covers the data, and each
//! entry carries the colour of what it names; a click on an entry hides or shows it.

mod axes;
mod cache;
mod fitness;
mod legend;
mod load;
mod settings;
mod wellness;

use egui::Color32;
use egui_plot::{Line, LineStyle, PlotPoint, PlotPoints};

use crate::model::AthleteDocument;
use crate::science::charts::{ChartData, signed, x_day};
use crate::ui::commands::Request;
pub use axes::day_summary;
use axes::{ChartRange, Plots, x_bounds};
pub use cache::ChartCache;
pub(in crate::ui::views) use legend::LegendItem;

/// What the Charts tab keeps between frames.
#[derive(Default)]
pub struct ChartsState {
    range: ChartRange,
    /// Set when a preset was chosen, so the plots take its bounds on the next frame.
    apply_range: bool,
    /// The days the charts showed last frame (after zoom and pan), for export.
    visible: Option<(f64, f64)>,
    /// Legend entries hidden by a click.
    hidden: legend::Hidden,
}

/// What every chart of the tab draws from.
struct Tab<'a> {
    doc: &'a AthleteDocument,
    cache: &'a ChartCache,
    plots: Plots<'a>,
    dark: bool,
}

/// A line of borrowed points, dashed for the plan.
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

/// The range presets and the button that saves the chart.
fn toolbar_ui(ui: &mut egui::Ui, state: &mut ChartsState, commands: &mut Vec<Request>) {
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
}

/// "This week: 46.6 km, 88% easy, +57% on last week, monotony 1.6."
fn this_week_line(data: &ChartData) -> Option<String> {
    let week = data.week_of(x_day(data.today)?)?;
    Some(format!(
        "This week: {:.1} km, {} easy{}{}.",
        week.total_km(),
        week.easy_share()
            .map_or("-".to_owned(), |s| format!("{:.0}%", 100.0 * s)),
        week.ramp.map_or(String::new(), |r| format!(
            ", {}% on last week",
            signed(100.0 * r, 0)
        )),
        week.monotony
            .map_or(String::new(), |m| format!(", monotony {m:.1}")),
    ))
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
    toolbar_ui(ui, state, commands);
    if data.series.days().is_empty() {
        ui.weak("Log training or build a plan to see fitness, fatigue and form.");
        return;
    }
    let tab = Tab {
        doc,
        cache,
        plots: Plots {
            data,
            bounds: x_bounds(state.range, doc, data),
            reset: std::mem::take(&mut state.apply_range),
            group: egui::Id::unique("stride_charts_x"),
        },
        dark: ui.visuals().dark_mode,
    };
    let hidden = &mut state.hidden;
    let mut visible = state.visible;
    let mut clicked = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        let (shown, day) = tab.fitness_ui(ui, hidden);
        visible = Some(shown);
        clicked = clicked.or(day);
        ui.add_space(4.0);
        clicked = clicked.or(tab.form_ui(ui, hidden));
        ui.weak(&cache.caption);
        settings::model_settings_ui(ui, &doc.settings, commands);
        clicked = clicked.or(tab.model_ui(ui, hidden));
        clicked = clicked.or(tab.acwr_ui(ui, hidden));
        clicked = clicked.or(tab.volume_ui(ui, hidden));
        clicked = clicked.or(tab.monotony_ui(ui, hidden));
        if let Some(week) = this_week_line(data) {
            ui.weak(week);
        }
        clicked = clicked.or(tab.wellness_ui(ui, hidden));
    });
    state.visible = visible;
    if let Some(day) = clicked {
        commands.push(Request::ShowDay(day));
    }
}

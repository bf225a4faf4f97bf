//! The charts' plot points, made once per document change and lent to egui_plot each frame.

use crate::model::{AthleteDocument, FormConvention, Intensity, LoadModel};
use crate::science::charts::{
    ACWR_BAND_HIGH, ACWR_BAND_LOW, ChartData, FormZone, RESTING_HR_WARNING_BPM, SplitLine,
};
use crate::science::personal::ModelSummary;
use egui_plot::PlotPoint;

/// A line's points in the form egui_plot borrows.
#[derive(Default)]
pub(super) struct LinePoints {
    pub history: Vec<PlotPoint>,
    pub projection: Vec<PlotPoint>,
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
pub(super) const BAR_INTENSITIES: [Intensity; 5] = [
    Intensity::Recovery,
    Intensity::Easy,
    Intensity::Moderate,
    Intensity::Hard,
    Intensity::Race,
];

/// The wellness lines' points.
#[derive(Default)]
pub(super) struct WellnessPoints {
    pub resting_hr: Vec<PlotPoint>,
    pub usual_hr: Vec<PlotPoint>,
    /// The usual resting HR raised by the warning margin.
    pub warning_hr: Vec<PlotPoint>,
    pub soreness: Vec<PlotPoint>,
    pub fatigue: Vec<PlotPoint>,
}

/// Chart data and its plot points, rebuilt when the document changes.
pub struct ChartCache {
    pub(super) data: std::sync::Arc<ChartData>,
    pub(super) fitness: LinePoints,
    pub(super) fatigue: LinePoints,
    pub(super) form: LinePoints,
    pub(super) acwr: LinePoints,
    /// Each form zone's rectangle over the data, clipped to the form values drawn.
    pub(super) zones: Vec<(FormZone, Vec<PlotPoint>)>,
    /// The ACWR band's rectangle.
    pub(super) acwr_band: Vec<PlotPoint>,
    pub(super) wellness: WellnessPoints,
    pub(super) caption: String,
    pub(super) model: super::super::model::ModelCache,
}

impl ChartCache {
    /// The cache for a document's chart data and its runner's model.
    pub fn new(
        doc: &AthleteDocument,
        data: std::sync::Arc<ChartData>,
        summary: &ModelSummary,
    ) -> Self {
        let s = &doc.settings;
        let model = model_label(s.load_model);
        let form = form_label(s.form_convention);
        let w = &data.wellness;
        ChartCache {
            fitness: LinePoints::of(&data.fitness),
            fatigue: LinePoints::of(&data.fatigue),
            form: LinePoints::of(&data.form),
            acwr: LinePoints::of(&data.acwr),
            zones: zone_rectangles(&data),
            acwr_band: band(&data, ACWR_BAND_LOW, ACWR_BAND_HIGH),
            wellness: WellnessPoints {
                resting_hr: plot_points(&w.resting_hr, 0.0),
                usual_hr: plot_points(&w.usual_hr, 0.0),
                warning_hr: plot_points(&w.usual_hr, RESTING_HR_WARNING_BPM),
                soreness: plot_points(&w.soreness, 0.0),
                fatigue: plot_points(&w.fatigue, 0.0),
            },
            caption: format!(
                "Model: {model}, fitness {} days, fatigue {} days, {form}. \
                 Solid: history; dashed: the plan.",
                s.fitness_days, s.fatigue_days
            ),
            data,
            model: super::super::model::ModelCache::new(summary),
        }
    }
}

/// The averaging's name, with its formula.
pub(super) fn model_label(model: LoadModel) -> &'static str {
    match model {
        LoadModel::Trainingpeaks => "TrainingPeaks (1/N)",
        LoadModel::Goldencheetah => "GoldenCheetah (1 - e^(-1/N))",
        LoadModel::Runalyze => "Runalyze (2/(N+1))",
    }
}

/// When in the day form is taken, in words.
pub(super) fn form_label(form: FormConvention) -> &'static str {
    match form {
        FormConvention::StartOfDay => "form as the day starts",
        FormConvention::SameDay => "form at the end of the day",
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

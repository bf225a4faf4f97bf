//! The fitness, fatigue and form chart as an SVG or PNG file, without a window or a GPU.
//!
//! The SVG is drawn with plotters; the PNG is that SVG rendered by resvg with a bundled font
//! (Ubuntu Light, shipped with egui), so text shows on machines without system fonts. Colours
//! are the charts' own ([`crate::science::charts::colors`]).
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::science::charts::{ChartData, day_x};
//! use stride::storage::chart_image::{ImageSize, fitness_chart_svg};
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let data = ChartData::from_document(&doc, today);
//! let range = (day_x(today) - 42.0, day_x(today) + 42.0);
//! let svg = fitness_chart_svg(&data, range, ImageSize::default()).unwrap();
//! assert!(svg.contains("Fitness") && svg.contains("Fatigue"));
//! ```

use std::path::Path;

use plotters::prelude::*;
use resvg::{tiny_skia, usvg};

use crate::science::charts::{ChartData, FormZone, SplitLine, colors, x_day};

/// Pixel size of an exported image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageSize {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Default for ImageSize {
    fn default() -> Self {
        ImageSize {
            width: 1200,
            height: 600,
        }
    }
}

/// Why an image could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum ChartImageError {
    /// Nothing to draw in the range.
    #[error("there is no training data between these dates to draw")]
    Empty,
    /// The drawing library failed.
    #[error("the chart could not be drawn: {0}")]
    Draw(String),
    /// The SVG could not be rendered to pixels.
    #[error("the chart could not be rendered as PNG: {0}")]
    Render(String),
    /// The file could not be written.
    #[error("{path}: could not write the image: {source}")]
    Write {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn in_range(points: &[[f64; 2]], range: (f64, f64)) -> Vec<(f64, f64)> {
    points
        .iter()
        .filter(|p| p[0] >= range.0 && p[0] <= range.1)
        .map(|p| (p[0], p[1]))
        .collect()
}

/// The fitness, fatigue and form chart over `range` (day numbers, see
/// [`crate::science::charts::day_x`]) as SVG text: history solid, projection dashed, form
/// zones shaded, today and the goal race marked, and a legend.
pub fn fitness_chart_svg(
    data: &ChartData,
    range: (f64, f64),
    size: ImageSize,
) -> Result<String, ChartImageError> {
    let draw = |e: &dyn std::fmt::Display| ChartImageError::Draw(e.to_string());
    let lines: [(&str, &SplitLine, (u8, u8, u8)); 3] = [
        ("Fitness", &data.fitness, colors::FITNESS),
        ("Fatigue", &data.fatigue, colors::FATIGUE),
        ("Form", &data.form, colors::FORM),
    ];
    let values: Vec<f64> = lines
        .iter()
        .flat_map(|(_, l, _)| {
            in_range(&l.history, range)
                .into_iter()
                .chain(in_range(&l.projection, range))
        })
        .map(|p| p.1)
        .collect();
    if values.is_empty() || range.1 <= range.0 {
        return Err(ChartImageError::Empty);
    }
    let low = values.iter().copied().fold(-35.0f64, f64::min) - 5.0;
    let high = values.iter().copied().fold(30.0f64, f64::max) + 5.0;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| draw(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .caption("Fitness, fatigue and form", ("sans-serif", 22))
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(44)
            .build_cartesian_2d(range.0..range.1, low..high)
            .map_err(|e| draw(&e))?;
        chart
            .configure_mesh()
            .x_labels(8)
            .x_label_formatter(&|x| {
                x_day(*x).map_or_else(String::new, |d| d.format("%-d %b %y").to_string())
            })
            .label_style(("sans-serif", 14))
            .light_line_style(TRANSPARENT)
            .draw()
            .map_err(|e| draw(&e))?;
        for zone in FormZone::ALL {
            let (bottom, top) = zone.range();
            let (bottom, top) = (bottom.max(low), top.min(high));
            if bottom >= top {
                continue;
            }
            let c = rgb(colors::zone(zone));
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(range.0, bottom), (range.1, top)],
                    c.mix(0.15).filled(),
                )))
                .map_err(|e| draw(&e))?
                .label(zone.label())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 16, y + 5)], c.mix(0.4).filled())
                });
        }
        for (name, line, color) in lines {
            let c = rgb(color);
            chart
                .draw_series(LineSeries::new(
                    in_range(&line.history, range),
                    c.stroke_width(2),
                ))
                .map_err(|e| draw(&e))?
                .label(name)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], c.stroke_width(2))
                });
            chart
                .draw_series(DashedLineSeries::new(
                    in_range(&line.projection, range),
                    6,
                    4,
                    c.stroke_width(2),
                ))
                .map_err(|e| draw(&e))?;
        }
        let marker = |x: f64, color: RGBColor| {
            PathElement::new(vec![(x, low), (x, high)], color.stroke_width(2))
        };
        if data.today >= range.0 && data.today <= range.1 {
            chart
                .draw_series(std::iter::once(marker(data.today, RGBColor(60, 60, 60))))
                .map_err(|e| draw(&e))?
                .label("Today")
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], RGBColor(60, 60, 60)));
        }
        if let Some(race) = data
            .race
            .as_ref()
            .filter(|r| r.x >= range.0 && r.x <= range.1)
        {
            let c = rgb(colors::RACE);
            let label = match race.form {
                Some(f) => format!("{} (race-morning form {f:+.0})", race.name),
                None => race.name.clone(),
            };
            chart
                .draw_series(std::iter::once(marker(race.x, c)))
                .map_err(|e| draw(&e))?
                .label(label)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], c.stroke_width(2))
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .label_font(("sans-serif", 13))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()
            .map_err(|e| draw(&e))?;
        root.present().map_err(|e| draw(&e))?;
    }
    Ok(svg)
}

/// Renders SVG text to PNG bytes with the bundled font.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, ChartImageError> {
    let render = |e: &dyn std::fmt::Display| ChartImageError::Render(e.to_string());
    let mut options = usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    fonts.set_sans_serif_family("Ubuntu");
    options.font_family = "Ubuntu".to_owned();
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| render(&e))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ChartImageError::Render("the image has no area".to_owned()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| render(&e))
}

/// Writes the chart to `path`: PNG when the name ends in `.png`, else SVG. The file is
/// written atomically, so a failure leaves any earlier file as it was.
pub fn export_fitness_chart(
    data: &ChartData,
    range: (f64, f64),
    size: ImageSize,
    path: &Path,
) -> Result<(), ChartImageError> {
    let svg = fitness_chart_svg(data, range, size)?;
    let png = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    let bytes = if png {
        svg_to_png(&svg)?
    } else {
        svg.into_bytes()
    };
    let write = |source| ChartImageError::Write {
        path: path.display().to_string(),
        source,
    };
    let mut file = atomic_write_file::AtomicWriteFile::open(path).map_err(write)?;
    std::io::Write::write_all(&mut file, &bytes).map_err(write)?;
    file.commit().map_err(write)
}

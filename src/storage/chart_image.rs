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

/// How a legend entry is marked: a shaded band or a line.
#[derive(Clone, Copy)]
enum Mark {
    Band(RGBColor),
    Line(RGBColor),
}

/// Legend text size, pixels.
const LEGEND_FONT_PX: u32 = 13;
/// Height of one legend row, pixels.
const LEGEND_ROW_PX: u32 = 20;
/// Width of a legend entry's mark and the gap after it, pixels.
const LEGEND_MARK_PX: i32 = 24;
/// Space between legend entries on a row, pixels.
const LEGEND_GAP_PX: i32 = 18;

/// A generous estimate of a legend text's width: the font has no metrics here, and an
/// entry that overflows its row would be cut off.
fn legend_text_px(text: &str) -> i32 {
    let chars = i32::try_from(text.chars().count()).unwrap_or(i32::MAX / 16);
    chars.saturating_mul(LEGEND_FONT_PX as i32 * 6 / 10)
}

/// Where each legend entry goes: rows that fill `width` from `left`, as (x, row).
fn legend_layout(entries: &[(String, Mark)], left: i32, width: i32) -> Vec<(i32, u32)> {
    let mut places = Vec::with_capacity(entries.len());
    let (mut x, mut row) = (left, 0);
    for (text, _) in entries {
        let w = LEGEND_MARK_PX + legend_text_px(text);
        if x > left && x + w > width {
            x = left;
            row += 1;
        }
        places.push((x, row));
        x += w + LEGEND_GAP_PX;
    }
    places
}

/// The fitness, fatigue and form chart over `range` (day numbers, see
/// [`crate::science::charts::day_x`]) as SVG text: history solid, projection dashed, form
/// zones shaded, today and the goal race marked, and a legend in rows below the plot, so it
/// covers none of the lines.
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

    // The zones in view, the lines, today and the race, in the legend's order.
    let zones: Vec<(FormZone, f64, f64)> = FormZone::ALL
        .into_iter()
        .filter_map(|zone| {
            let (bottom, top) = zone.range();
            let (bottom, top) = (bottom.max(low), top.min(high));
            (bottom < top).then_some((zone, bottom, top))
        })
        .collect();
    let today_shown = data.today >= range.0 && data.today <= range.1;
    let race = data
        .race
        .as_ref()
        .filter(|r| r.x >= range.0 && r.x <= range.1);
    let today_color = RGBColor(60, 60, 60);
    let mut legend: Vec<(String, Mark)> = zones
        .iter()
        .map(|(zone, _, _)| {
            (
                zone.label().to_owned(),
                Mark::Band(rgb(colors::zone(*zone))),
            )
        })
        .collect();
    legend.extend(
        lines
            .iter()
            .map(|(name, _, color)| ((*name).to_owned(), Mark::Line(rgb(*color)))),
    );
    if today_shown {
        legend.push(("Today".to_owned(), Mark::Line(today_color)));
    }
    if let Some(race) = race {
        let label = match race.form {
            Some(f) => format!(
                "{} (race-morning form {})",
                race.name,
                crate::science::charts::signed(f, 0)
            ),
            None => race.name.clone(),
        };
        legend.push((label, Mark::Line(rgb(colors::RACE))));
    }
    // The legend starts where the plot does, after the margin and the y labels.
    let left = 12 + 44;
    let width = i32::try_from(size.width).unwrap_or(i32::MAX) - 12;
    let places = legend_layout(&legend, left, width);
    let rows = places.last().map_or(0, |p| p.1 + 1);
    let legend_px = (rows * LEGEND_ROW_PX + 8).min(size.height / 2);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| draw(&e))?;
        let (plot_area, legend_area) = root.split_vertically(size.height - legend_px);
        let mut chart = ChartBuilder::on(&plot_area)
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
        for (zone, bottom, top) in &zones {
            let c = rgb(colors::zone(*zone));
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(range.0, *bottom), (range.1, *top)],
                    c.mix(0.15).filled(),
                )))
                .map_err(|e| draw(&e))?;
        }
        for (_, line, color) in lines {
            let c = rgb(color);
            chart
                .draw_series(LineSeries::new(
                    in_range(&line.history, range),
                    c.stroke_width(2),
                ))
                .map_err(|e| draw(&e))?;
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
        if today_shown {
            chart
                .draw_series(std::iter::once(marker(data.today, today_color)))
                .map_err(|e| draw(&e))?;
        }
        if let Some(race) = race {
            chart
                .draw_series(std::iter::once(marker(race.x, rgb(colors::RACE))))
                .map_err(|e| draw(&e))?;
        }
        for ((text, mark), (x, row)) in legend.iter().zip(&places) {
            let y = (row * LEGEND_ROW_PX + LEGEND_ROW_PX / 2) as i32;
            match *mark {
                Mark::Band(c) => legend_area.draw(&Rectangle::new(
                    [(*x, y - 6), (x + 16, y + 6)],
                    c.mix(0.45).filled(),
                )),
                Mark::Line(c) => legend_area.draw(&PathElement::new(
                    vec![(*x, y), (x + 16, y)],
                    c.stroke_width(2),
                )),
            }
            .map_err(|e| draw(&e))?;
            let style = ("sans-serif", LEGEND_FONT_PX)
                .into_font()
                .color(&BLACK)
                .pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Left,
                    plotters::style::text_anchor::VPos::Center,
                ));
            legend_area
                .draw(&Text::new(text.clone(), (x + LEGEND_MARK_PX, y), style))
                .map_err(|e| draw(&e))?;
        }
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

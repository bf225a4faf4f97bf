//! Legends drawn in a row under each chart, never over its data: each entry names a line,
//! band or set of bars with its own colour, and a click hides or shows it.

use std::collections::HashSet;

use egui::{Color32, Sense, Stroke, vec2};

/// How an entry's sample is drawn.
#[derive(Clone, Debug, PartialEq)]
pub(in crate::ui::views) enum Mark {
    /// A line, dashed or solid.
    Line { dashed: bool },
    /// A shaded band.
    Band,
    /// A point.
    Dot,
    /// Bars in several colours: a colour per intensity.
    Bars(Vec<Color32>),
}

/// One legend entry.
#[derive(Clone, Debug, PartialEq)]
pub(in crate::ui::views) struct LegendItem {
    /// The name on the chart, also how the entry is found.
    pub name: String,
    /// The colour of what it names.
    pub color: Color32,
    pub mark: Mark,
}

impl LegendItem {
    pub fn line(name: impl Into<String>, color: Color32) -> Self {
        LegendItem {
            name: name.into(),
            color,
            mark: Mark::Line { dashed: false },
        }
    }

    pub fn dashed(name: impl Into<String>, color: Color32) -> Self {
        LegendItem {
            mark: Mark::Line { dashed: true },
            ..LegendItem::line(name, color)
        }
    }

    pub fn band(name: impl Into<String>, color: Color32) -> Self {
        LegendItem {
            mark: Mark::Band,
            ..LegendItem::line(name, color)
        }
    }

    pub fn dot(name: impl Into<String>, color: Color32) -> Self {
        LegendItem {
            mark: Mark::Dot,
            ..LegendItem::line(name, color)
        }
    }

    pub fn bars(name: impl Into<String>, colors: Vec<Color32>) -> Self {
        LegendItem {
            color: colors.first().copied().unwrap_or(Color32::GRAY),
            mark: Mark::Bars(colors),
            name: name.into(),
        }
    }
}

/// The entries hidden by a click, by chart and name (UI state, not saved).
#[derive(Clone, Debug, Default)]
pub(super) struct Hidden(HashSet<(String, String)>);

impl Hidden {
    /// Whether the entry `name` of chart `chart` is drawn.
    pub fn shows(&self, chart: &str, name: &str) -> bool {
        !self.0.contains(&(chart.to_owned(), name.to_owned()))
    }

    fn toggle(&mut self, chart: &str, name: &str) {
        let key = (chart.to_owned(), name.to_owned());
        if !self.0.remove(&key) {
            self.0.insert(key);
        }
    }
}

/// Paints an entry's sample in `rect`.
fn paint_mark(painter: &egui::Painter, rect: egui::Rect, item: &LegendItem, alpha: f32) {
    let color = item.color.gamma_multiply(alpha);
    let (left, right) = (rect.left() + 1.0, rect.right() - 1.0);
    let y = rect.center().y;
    match &item.mark {
        Mark::Line { dashed: false } => {
            painter.line_segment(
                [egui::pos2(left, y), egui::pos2(right, y)],
                Stroke::new(2.0, color),
            );
        }
        Mark::Line { dashed: true } => {
            let dash = (right - left) / 5.0;
            for i in [0.0, 2.0, 4.0] {
                let x = left + i * dash;
                painter.line_segment(
                    [egui::pos2(x, y), egui::pos2(x + dash, y)],
                    Stroke::new(2.0, color),
                );
            }
        }
        Mark::Band => {
            let band = egui::Rect::from_min_max(
                egui::pos2(left, rect.top() + 2.0),
                egui::pos2(right, rect.bottom() - 2.0),
            );
            painter.rect_filled(band, 2.0, color.gamma_multiply(0.6));
        }
        Mark::Dot => {
            painter.circle_filled(rect.center(), rect.height() * 0.25, color);
        }
        Mark::Bars(colors) => {
            let n = colors.len().max(1) as f32;
            let width = (right - left) / n;
            for (i, c) in colors.iter().enumerate() {
                let x = left + i as f32 * width;
                let height = rect.height() * (0.45 + 0.1 * i as f32).min(0.9);
                let bar = egui::Rect::from_min_max(
                    egui::pos2(x + 0.5, rect.bottom() - 1.0 - height),
                    egui::pos2(x + width - 0.5, rect.bottom() - 1.0),
                );
                painter.rect_filled(bar, 0.0, c.gamma_multiply(alpha));
            }
        }
    }
}

/// One entry: its sample and name, a checkbox for assistive technology; a click toggles it.
fn entry_ui(ui: &mut egui::Ui, item: &LegendItem, shown: bool) -> egui::Response {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let text_color = if shown {
        ui.visuals().text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    let galley = ui
        .painter()
        .layout_no_wrap(item.name.clone(), font, text_color);
    let mark_width = 18.0;
    let gap = 4.0;
    let height = galley.size().y.max(12.0);
    let size = vec2(mark_width + gap + galley.size().x, height);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::CheckBox, ui.is_enabled(), shown, &item.name)
    });
    if ui.is_rect_visible(rect) {
        let mark = egui::Rect::from_min_size(rect.min, vec2(mark_width, height));
        let alpha = if shown { 1.0 } else { 0.3 };
        paint_mark(ui.painter(), mark, item, alpha);
        let text_at = egui::pos2(
            rect.left() + mark_width + gap,
            rect.center().y - galley.size().y / 2.0,
        );
        ui.painter().galley(text_at, galley, text_color);
    }
    response
}

/// The legend of chart `chart` in wrapped rows under it.
pub(super) fn legend_ui(ui: &mut egui::Ui, chart: &str, items: &[LegendItem], hidden: &mut Hidden) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 12.0;
        for item in items {
            let shown = hidden.shows(chart, &item.name);
            let response = entry_ui(ui, item, shown).on_hover_text("Click to hide or show");
            if response.clicked() {
                hidden.toggle(chart, &item.name);
            }
        }
    });
}

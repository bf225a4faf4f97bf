//! Completed activities as a table, newest first.

use crate::model::{AthleteDocument, format_distance, format_duration};

/// Draws the history table; only visible rows are laid out.
pub fn history_ui(ui: &mut egui::Ui, doc: &AthleteDocument) {
    let activities = &doc.history.activities;
    if activities.is_empty() {
        ui.weak("No training logged yet.");
        return;
    }
    let units = doc.athlete.units;
    let mut order: Vec<usize> = (0..activities.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(activities[i].start));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let columns = ["Date", "Kind", "Duration", "Distance", "Avg HR", "RPE"];
    egui::Grid::new("history_header")
        .num_columns(6)
        .min_col_width(90.0)
        .show(ui, |ui| {
            for c in columns {
                ui.strong(c);
            }
            ui.end_row();
        });
    egui::ScrollArea::vertical().show_rows(ui, row_height, order.len(), |ui, rows| {
        egui::Grid::new("history_rows")
            .num_columns(6)
            .min_col_width(90.0)
            .show(ui, |ui| {
                for &i in &order[rows] {
                    let a = &activities[i];
                    ui.label(a.start.format("%a %-d %b %Y").to_string());
                    ui.label(a.kind.label());
                    ui.label(format_duration(a.duration_s));
                    ui.label(
                        a.distance_m
                            .map_or_else(String::new, |d| format_distance(d, units)),
                    );
                    ui.label(a.avg_hr_bpm.map_or_else(String::new, |h| h.to_string()));
                    ui.label(a.rpe.map_or_else(String::new, |r| format!("{r:.0}")));
                    ui.end_row();
                }
            });
    });
}

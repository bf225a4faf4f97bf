//! The plan on a six-week calendar: workouts as chips coloured by intensity, with a letter.

use chrono::{Days, NaiveDate};

use crate::model::{AthleteDocument, WorkoutId, format_distance, format_duration};
use crate::ui::commands::AppCommand;
use crate::ui::palette::{intensity_color, on_intensity_color};

/// Weeks shown at once.
const WEEKS: u64 = 6;

/// Which weeks the calendar shows (UI state, not saved in the document).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarState {
    /// First day of the first week shown.
    pub first_day: NaiveDate,
}

impl CalendarState {
    /// The weeks around `today`: the past week first, then five ahead.
    pub fn around(today: NaiveDate, doc: &AthleteDocument) -> Self {
        let week = doc.athlete.week_start.week_of(today);
        CalendarState {
            first_day: week.checked_sub_days(Days::new(7)).unwrap_or(week),
        }
    }

    fn shift_weeks(&mut self, weeks: i64) {
        let days = Days::new(weeks.unsigned_abs() * 7);
        let moved = if weeks < 0 {
            self.first_day.checked_sub_days(days)
        } else {
            self.first_day.checked_add_days(days)
        };
        if let Some(day) = moved {
            self.first_day = day;
        }
    }
}

/// Draws the calendar with its navigation bar.
pub fn calendar_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    today: NaiveDate,
    state: &mut CalendarState,
    selected: Option<WorkoutId>,
    commands: &mut Vec<AppCommand>,
) {
    let week_start = doc.athlete.week_start;
    let plan = doc.active_plan();
    ui.horizontal(|ui| {
        if ui.button("<").on_hover_text("Previous weeks").clicked() {
            state.shift_weeks(-4);
        }
        if ui.button("Today").clicked() {
            *state = CalendarState::around(today, doc);
        }
        if ui.button(">").on_hover_text("Next weeks").clicked() {
            state.shift_weeks(4);
        }
        if let Some(plan) = plan
            && ui.button("Jump to race").clicked()
        {
            state.first_day = week_start.week_of(plan.goal.date);
            state.shift_weeks(-(WEEKS as i64) + 1);
        }
        let last = state.first_day + Days::new(WEEKS * 7 - 1);
        ui.strong(format!(
            "{} – {}",
            state.first_day.format("%-d %b"),
            last.format("%-d %b %Y")
        ));
    });
    if plan.is_none() {
        ui.add_space(20.0);
        ui.weak(
            "This athlete has no plan yet: the calendar shows planned workouts once there is one.",
        );
        return;
    }
    let dark = ui.visuals().dark_mode;
    let units = doc.athlete.units;
    let phase_width = 52.0;
    let gap = 4.0;
    let header_height = 18.0;
    let area = ui.available_rect_before_wrap();
    let cell_width = ((area.width() - phase_width) / 7.0 - gap).max(70.0);
    let cell_height = ((area.height() - header_height) / WEEKS as f32 - gap).max(72.0);
    let total = egui::vec2(
        phase_width + 7.0 * (cell_width + gap),
        header_height + WEEKS as f32 * (cell_height + gap),
    );
    egui::ScrollArea::both().show(ui, |ui| {
        let (rect, _) = ui.allocate_exact_size(total, egui::Sense::hover());
        for (i, day) in week_start.weekdays().iter().enumerate() {
            let x = rect.left() + phase_width + i as f32 * (cell_width + gap);
            let header = egui::Rect::from_min_size(
                egui::pos2(x, rect.top()),
                egui::vec2(cell_width, header_height),
            );
            ui.put(
                header,
                egui::Label::new(egui::RichText::new(day.to_string()).strong()),
            );
        }
        for week in 0..WEEKS {
            let first = state.first_day + Days::new(week * 7);
            let y = rect.top() + header_height + week as f32 * (cell_height + gap);
            if let Some(phase) = plan.and_then(|p| p.phase_on(first + Days::new(3))) {
                let band = egui::Rect::from_min_size(
                    egui::pos2(rect.left(), y),
                    egui::vec2(phase_width - gap, cell_height),
                );
                ui.put(
                    band,
                    egui::Label::new(egui::RichText::new(phase.kind.label()).weak()),
                );
            }
            for offset in 0..7 {
                let day = first + Days::new(offset);
                let cell = egui::Rect::from_min_size(
                    egui::pos2(
                        rect.left() + phase_width + offset as f32 * (cell_width + gap),
                        y,
                    ),
                    egui::vec2(cell_width, cell_height),
                );
                let mut cell_ui = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(cell)
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                day_cell_ui(
                    &mut cell_ui,
                    doc,
                    day,
                    today,
                    selected,
                    dark,
                    units,
                    commands,
                );
            }
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn day_cell_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    day: NaiveDate,
    today: NaiveDate,
    selected: Option<WorkoutId>,
    dark: bool,
    units: crate::model::Units,
    commands: &mut Vec<AppCommand>,
) {
    let is_today = day == today;
    let rect = ui.max_rect();
    let visuals = ui.visuals();
    let (stroke, fill) = if is_today {
        (
            egui::Stroke::new(2.0, visuals.selection.stroke.color),
            visuals.faint_bg_color,
        )
    } else {
        (
            egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
            egui::Color32::TRANSPARENT,
        )
    };
    ui.painter()
        .rect(rect, 4.0, fill, stroke, egui::StrokeKind::Inside);
    let mut inner = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink(4.0))
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    let ui = &mut inner;
    ui.spacing_mut().item_spacing.y = 2.0;
    let date_text = if day.format("%d").to_string() == "01" {
        day.format("%-d %b").to_string()
    } else {
        day.format("%-d").to_string()
    };
    if is_today {
        ui.strong(format!("{date_text} · today"));
    } else {
        ui.weak(date_text);
    }
    let Some(plan) = doc.active_plan() else {
        return;
    };
    let width = rect.width() - 8.0;
    for w in plan.workouts_on(day) {
        let intensity = w.intensity();
        let mut text = format!("{} {}", intensity.letter(), w.display_title());
        if let Some(d) = w.planned_distance_m {
            text.push_str(&format!(" · {}", format_distance(d, units)));
        } else if let Some(t) = w.planned_duration_s {
            text.push_str(&format!(" · {}", format_duration(t)));
        }
        let label = egui::RichText::new(text)
            .color(on_intensity_color(dark))
            .small();
        let mut chip = egui::Button::new(label)
            .fill(intensity_color(intensity, dark))
            .wrap()
            .min_size(egui::vec2(width, 0.0));
        if selected == Some(w.id) {
            chip = chip.stroke(egui::Stroke::new(2.5, ui.visuals().strong_text_color()));
        }
        let response = ui.add_sized([width, 0.0], chip).on_hover_text(format!(
            "{} · {}",
            w.kind.label(),
            intensity.label()
        ));
        if response.clicked() {
            commands.push(AppCommand::SelectWorkout(Some(w.id)));
        }
    }
}

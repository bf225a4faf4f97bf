//! The plan on a six-week calendar: workouts as chips coloured by intensity, each naming its
//! kind in words with its target pace and distance (the line the print and the calendar
//! file show too); the days themselves are drawn in [`super::day_cell`], the one-week view in
//! [`super::week`].

use chrono::{Days, NaiveDate};

use crate::model::{AthleteDocument, Workout, WorkoutId};
use crate::rules::Severity;
use crate::rules::preview::DropKind;
use crate::session::drag::DragPreview;
use crate::session::overview::Overview;
use crate::ui::commands::Request;

/// What is carried while a workout is dragged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DragPayload(pub WorkoutId);

/// The days the calendar shows.
pub fn visible_days(state: &CalendarState) -> Vec<NaiveDate> {
    (0..WEEKS * 7)
        .map(|k| state.first_day + Days::new(k))
        .collect()
}

/// Tint of a drop verdict: fine, warning or error.
pub(super) fn verdict_look(
    severity: Option<Severity>,
    ui: &egui::Ui,
) -> (egui::Color32, &'static str) {
    match severity {
        None => (egui::Color32::from_rgb(60, 170, 90), "fine"),
        Some(Severity::Warning) => (ui.visuals().warn_fg_color, "warning"),
        Some(Severity::Error) => (ui.visuals().error_fg_color, "error"),
    }
}

/// Weeks shown at once.
pub(super) const WEEKS: u64 = 6;

/// Which weeks the calendar shows (UI state, not saved in the document).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarState {
    /// First day of the first week shown (the week view shows the week after it).
    pub first_day: NaiveDate,
    /// One row per day for a single week, instead of six weeks.
    pub week_mode: bool,
}

impl CalendarState {
    /// The weeks around `today`: the past week first, then five ahead.
    pub fn around(today: NaiveDate, doc: &AthleteDocument) -> Self {
        let week = doc.athlete.week_start.week_of(today);
        CalendarState {
            first_day: week.checked_sub_days(Days::new(7)).unwrap_or(week),
            week_mode: false,
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

/// What the calendar shows: the document, its derived numbers, and the UI's selection and
/// drag.
#[derive(Clone, Copy)]
pub struct CalendarView<'a> {
    /// The document.
    pub doc: &'a AthleteDocument,
    /// Its derived numbers (findings, statuses).
    pub overview: &'a Overview,
    /// Today.
    pub today: NaiveDate,
    /// The selected workout.
    pub selected: Option<WorkoutId>,
    /// The drag in progress.
    pub drag: Option<&'a DragPreview>,
    /// What a drop would do with the keys held now, worked out once per frame by the app:
    /// the tint, the label at the pointer and the drop itself all take it from here.
    pub drop_kind: DropKind,
    /// Days a suggested change would alter, with the workout after it (previewed while the
    /// suggestion is hovered).
    pub preview: Option<&'a [Change]>,
}

const PHASE_WIDTH: f32 = 56.0;
const GAP: f32 = 4.0;
const MIN_CELL_WIDTH: f32 = 56.0;

/// The narrowest the month view gets before it scrolls sideways: the phase column, seven
/// days and the week's totals. The window keeps this much for the central view where it can.
pub const CALENDAR_MIN_WIDTH: f32 =
    PHASE_WIDTH + 7.0 * (MIN_CELL_WIDTH + GAP) + TOTALS_WIDTH + 16.0;

/// One day's change: the day, the workout before and after.
pub type Change = (NaiveDate, Option<Workout>, Option<Workout>);

/// Draws the calendar with its navigation bar.
pub fn calendar_ui(
    ui: &mut egui::Ui,
    view: &CalendarView<'_>,
    state: &mut CalendarState,
    commands: &mut Vec<Request>,
) {
    let CalendarView {
        doc, today, drag, ..
    } = *view;
    let week_start = doc.athlete.week_start;
    let plan = doc.active_plan();
    let step = if state.week_mode { 1 } else { 4 };
    ui.horizontal(|ui| {
        if ui.button("<").on_hover_text("Earlier weeks").clicked() {
            state.shift_weeks(-step);
        }
        if ui.button("Today").clicked() {
            *state = CalendarState {
                week_mode: state.week_mode,
                ..CalendarState::around(today, doc)
            };
        }
        if ui.button(">").on_hover_text("Later weeks").clicked() {
            state.shift_weeks(step);
        }
        if let Some(plan) = plan
            && ui.button("Jump to race").clicked()
        {
            state.first_day = week_start.week_of(plan.goal.date);
            state.shift_weeks(-(WEEKS as i64) + 1);
        }
        let (first, last) = if state.week_mode {
            (
                state.first_day + Days::new(7),
                state.first_day + Days::new(13),
            )
        } else {
            (state.first_day, state.first_day + Days::new(WEEKS * 7 - 1))
        };
        ui.strong(format!(
            "{} – {}",
            first.format("%-d %b"),
            last.format("%-d %b %Y")
        ));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.selectable_value(&mut state.week_mode, true, "Week");
            ui.selectable_value(&mut state.week_mode, false, "Month");
        });
    });
    if plan.is_none() {
        ui.add_space(20.0);
        ui.weak(
            "This athlete has no plan yet: the calendar shows planned workouts once there is one.",
        );
        return;
    }
    if state.week_mode {
        super::week::week_ui(ui, view, state, commands);
        return;
    }
    let phase_width = PHASE_WIDTH;
    let gap = GAP;
    let header_height = 18.0;
    let area = ui.available_rect_before_wrap();
    let cell_width = ((area.width() - phase_width - TOTALS_WIDTH) / 7.0 - gap).max(MIN_CELL_WIDTH);
    let cell_height = ((area.height() - header_height) / WEEKS as f32 - gap).max(72.0);
    let total = egui::vec2(
        phase_width + 7.0 * (cell_width + gap) + TOTALS_WIDTH,
        header_height + WEEKS as f32 * (cell_height + gap),
    );
    let mut hovered = None;
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
        let totals_left = rect.left() + phase_width + 7.0 * (cell_width + gap);
        ui.put(
            egui::Rect::from_min_size(
                egui::pos2(totals_left, rect.top()),
                egui::vec2(TOTALS_WIDTH, header_height),
            ),
            egui::Label::new(egui::RichText::new("Week total").strong()),
        );
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
                    // Small, on one line: "Cut-back" is the longest phase name.
                    egui::Label::new(egui::RichText::new(phase.kind.label()).small().weak())
                        .extend(),
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
                if super::day_cell::day_cell_ui(&mut cell_ui, view, day, commands) {
                    hovered = Some(day);
                }
            }
            let totals = egui::Rect::from_min_size(
                egui::pos2(totals_left, y),
                egui::vec2(TOTALS_WIDTH, cell_height),
            );
            week_totals_ui(ui, view, first, totals);
        }
    });
    if let Some(drag) = drag {
        drag_ghost_ui(ui, view, drag, hovered);
    }
}

/// Width of the column of week totals at the end of each row of the month view.
const TOTALS_WIDTH: f32 = 84.0;

/// A week's planned distance, time and load, one under the other, in `rect` at the end of
/// its row; nothing for a week without workouts.
fn week_totals_ui(ui: &mut egui::Ui, view: &CalendarView<'_>, first: NaiveDate, rect: egui::Rect) {
    let Some(week) = view.overview.weeks.get(&first) else {
        return;
    };
    let mut column = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(6.0, 4.0)))
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    column.spacing_mut().item_spacing.y = 2.0;
    let [distance, time, load] = crate::export::week_totals_lines(week, view.doc.athlete.units);
    column
        .strong(distance)
        .on_hover_text("Planned running distance of the week");
    column
        .label(time)
        .on_hover_text("Planned training time of the week");
    column
        .weak(load)
        .on_hover_text("Planned training load of the week");
}

/// The floating panel that follows the pointer during a drag: what is dragged, and what a
/// drop on the day under the pointer would do.
pub(super) fn drag_ghost_ui(
    ui: &egui::Ui,
    view: &CalendarView<'_>,
    drag: &DragPreview,
    hovered: Option<NaiveDate>,
) {
    let Some(pointer) = ui.ctx().pointer_latest_pos() else {
        return;
    };
    let kind = view.drop_kind;
    egui::Area::new(egui::Id::unique("drag_ghost"))
        .order(egui::Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(14.0, 14.0))
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(320.0);
                ui.strong(drag.describe(view.doc, kind, hovered));
                let Some(v) = hovered.and_then(|day| drag.verdict(kind, day)) else {
                    return;
                };
                if v.added.is_empty() {
                    let (color, _) = verdict_look(None, ui);
                    ui.colored_label(color, "Keeps every recovery rule.");
                }
                for f in &v.added {
                    let (color, word) = verdict_look(Some(f.severity), ui);
                    ui.colored_label(color, format!("{word}: {} ({})", f.message, f.rule.code()));
                }
                if let (Some(before), Some(after)) = (drag.base_form, v.race_form) {
                    ui.label(format!(
                        "Race-morning form {} -> {}",
                        crate::science::charts::signed(before, 0),
                        crate::science::charts::signed(after, 0)
                    ));
                }
            });
        });
}

//! The plan on a six-week calendar: workouts as chips coloured by intensity, each naming its
//! kind in words with its target pace and distance (the line the print and the calendar
//! file show too).

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use crate::export::workout_line;
use crate::model::{AthleteDocument, Workout, WorkoutId, format_distance, format_duration};
use crate::rules::Severity;
use crate::rules::preview::DropVerdict;
use crate::science::adherence::Status;
use crate::science::overview::Overview;
use crate::session::Edit;
use crate::ui::commands::AppCommand;
use crate::ui::palette::{intensity_color, on_intensity_color};

/// What is carried while a workout is dragged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DragPayload(pub WorkoutId);

/// A drag in progress (UI state): the verdict of every visible day, for a move and a copy,
/// computed once when the drag starts.
#[derive(Clone, Debug)]
pub struct DragView {
    /// The dragged workout.
    pub id: WorkoutId,
    /// Its title.
    pub title: String,
    /// Race-morning form as the plan is.
    pub base_form: Option<f64>,
    /// Verdicts for moving it, by day.
    pub moves: HashMap<NaiveDate, DropVerdict>,
    /// Verdicts for copying it (Ctrl held), by day.
    pub copies: HashMap<NaiveDate, DropVerdict>,
}

/// The days the calendar shows.
pub fn visible_days(state: &CalendarState) -> Vec<NaiveDate> {
    (0..WEEKS * 7)
        .map(|k| state.first_day + Days::new(k))
        .collect()
}

/// Tint of a drop verdict: fine, warning or error.
fn verdict_look(severity: Option<Severity>, ui: &egui::Ui) -> (egui::Color32, &'static str) {
    match severity {
        None => (egui::Color32::from_rgb(60, 170, 90), "fine"),
        Some(Severity::Warning) => (ui.visuals().warn_fg_color, "warning"),
        Some(Severity::Error) => (ui.visuals().error_fg_color, "error"),
    }
}

/// Weeks shown at once.
const WEEKS: u64 = 6;

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
    pub drag: Option<&'a DragView>,
    /// Days a suggested change would alter, with the workout after it (previewed while the
    /// suggestion is hovered).
    pub preview: Option<&'a [Change]>,
}

/// One day's change: the day, the workout before and after.
pub type Change = (NaiveDate, Option<Workout>, Option<Workout>);

/// Draws the calendar with its navigation bar.
pub fn calendar_ui(
    ui: &mut egui::Ui,
    view: &CalendarView<'_>,
    state: &mut CalendarState,
    commands: &mut Vec<AppCommand>,
) {
    let CalendarView {
        doc,
        overview,
        today,
        selected,
        drag,
        preview,
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
    let dark = ui.visuals().dark_mode;
    let units = doc.athlete.units;
    if state.week_mode {
        week_ui(ui, view, state, commands);
        return;
    }
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
                let cell_view = CellView {
                    overview,
                    day,
                    today,
                    selected,
                    dark,
                    units,
                    drag,
                    preview,
                };
                if day_cell_ui(&mut cell_ui, doc, &cell_view, commands) {
                    hovered = Some(day);
                }
            }
        }
    });
    if let Some(drag) = drag {
        drag_ghost_ui(ui, drag, hovered);
    }
}

/// One week, one row per day: the day's chips (to drag, click, right-click) and each
/// workout's full details beside them.
fn week_ui(
    ui: &mut egui::Ui,
    view: &CalendarView<'_>,
    state: &CalendarState,
    commands: &mut Vec<AppCommand>,
) {
    let doc = view.doc;
    let units = doc.athlete.units;
    let dark = ui.visuals().dark_mode;
    let first = state.first_day + Days::new(7);
    let area = ui.available_rect_before_wrap();
    let row_height = ((area.height() - 8.0) / 7.0).max(84.0);
    let chip_width = (area.width() * 0.34).clamp(150.0, 260.0);
    let mut hovered = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for k in 0..7 {
            let day = first + Days::new(k);
            let (row, _) = ui.allocate_exact_size(
                egui::vec2(area.width() - 8.0, row_height),
                egui::Sense::hover(),
            );
            let cell = egui::Rect::from_min_size(row.min, egui::vec2(chip_width, row_height - 4.0));
            let mut cell_ui = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(cell)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            let cell_view = CellView {
                overview: view.overview,
                day,
                today: view.today,
                selected: view.selected,
                dark,
                units,
                drag: view.drag,
                preview: view.preview,
            };
            if day_cell_ui(&mut cell_ui, doc, &cell_view, commands) {
                hovered = Some(day);
            }
            let details =
                egui::Rect::from_min_max(egui::pos2(cell.right() + 10.0, row.top() + 2.0), row.max);
            let mut details_ui = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(details)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            day_details_ui(&mut details_ui, view, day);
        }
    });
    if let Some(drag) = view.drag {
        drag_ghost_ui(ui, drag, hovered);
    }
}

/// The full details of a day's workouts: kind, intensity, size, load, steps, status, notes.
fn day_details_ui(ui: &mut egui::Ui, view: &CalendarView<'_>, day: NaiveDate) {
    let doc = view.doc;
    let units = doc.athlete.units;
    let Some(plan) = doc.active_plan() else {
        return;
    };
    ui.spacing_mut().item_spacing.y = 1.0;
    ui.strong(day.format("%A %-d %B").to_string());
    for w in plan.workouts_on(day) {
        let mut line = format!("{} · {}", w.kind.label(), w.intensity().label());
        if let Some(d) = w.planned_distance_m {
            line.push_str(&format!(" · {}", format_distance(d, units)));
        }
        if let Some(t) = w.planned_duration_s {
            line.push_str(&format!(" · {}", format_duration(t)));
        }
        if let Some(load) = view.overview.planned_loads.get(&w.id) {
            line.push_str(&format!(" · load {load:.0}"));
        }
        if let Some(status) = view.overview.statuses.get(&w.id) {
            line.push_str(&format!(" · {}", status.word()));
        }
        ui.label(line);
        if !w.steps.is_empty() {
            ui.weak(steps_summary(w, units));
        }
        if !w.notes.is_empty() {
            ui.weak(&w.notes);
        }
    }
}

/// One line for a workout's steps in the athlete's units: "2.0 km E, 4 x (1.0 km I, 0.4 km E),
/// 2.0 km E".
pub fn steps_summary(w: &crate::model::Workout, units: crate::model::Units) -> String {
    use crate::model::{SegmentLength, Step, Target};
    let one = |s: &crate::model::Segment| {
        let length = match s.length {
            SegmentLength::Distance(m) => format_distance(m, units),
            SegmentLength::Duration(t) => format_duration(t),
        };
        match &s.target {
            Target::PaceZone(z) => format!("{length} {z:?}"),
            Target::Rpe(r) => format!("{length} RPE {r}"),
            Target::HeartRate { min_bpm, max_bpm } => format!("{length} {min_bpm}-{max_bpm} bpm"),
            Target::PaceRange { .. } => format!("{length} at pace"),
            Target::None => length,
        }
    };
    w.steps
        .iter()
        .map(|step| match step {
            Step::Single(s) => one(s),
            Step::Repeat { times, segments } => format!(
                "{times} x ({})",
                segments.iter().map(one).collect::<Vec<_>>().join(", ")
            ),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The floating panel that follows the pointer during a drag: what is dragged, and what a
/// drop on the day under the pointer would do.
fn drag_ghost_ui(ui: &egui::Ui, drag: &DragView, hovered: Option<NaiveDate>) {
    let Some(pointer) = ui.ctx().pointer_latest_pos() else {
        return;
    };
    let (copy, swap) = ui.input(|i| (i.modifiers.command, i.modifiers.shift));
    let verb = if copy {
        "Copy"
    } else if swap {
        "Swap with"
    } else {
        "Move"
    };
    egui::Area::new(egui::Id::unique("drag_ghost"))
        .order(egui::Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(14.0, 14.0))
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(320.0);
                let Some(day) = hovered else {
                    ui.label(format!("{verb} {}", drag.title));
                    return;
                };
                ui.strong(format!(
                    "{verb} {} to {}",
                    drag.title,
                    day.format("%a %-d %b")
                ));
                if swap {
                    return;
                }
                let verdicts = if copy { &drag.copies } else { &drag.moves };
                let Some(v) = verdicts.get(&day) else {
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
                    ui.label(format!("Race-morning form {before:+.0} -> {after:+.0}"));
                }
            });
        });
}

/// What a day cell needs besides the document.
struct CellView<'a> {
    overview: &'a Overview,
    day: NaiveDate,
    today: NaiveDate,
    selected: Option<WorkoutId>,
    dark: bool,
    units: crate::model::Units,
    drag: Option<&'a DragView>,
    preview: Option<&'a [Change]>,
}

/// Draws one day; returns true when a dragged workout is over it.
fn day_cell_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    view: &CellView<'_>,
    commands: &mut Vec<AppCommand>,
) -> bool {
    let day = view.day;
    let is_today = day == view.today;
    let rect = ui.max_rect();
    // The drop zone is registered first, so the chips on top keep their clicks.
    // Days before today are history: workouts are rescheduled forward.
    let open = day >= view.today;
    let zone = ui.interact(rect, ui.scope_id().with(("day", day)), egui::Sense::hover());
    let dragged_over = open && zone.dnd_hover_payload::<DragPayload>().is_some();
    if !open {
        // Nothing to drop here.
    } else if let Some(payload) = zone.dnd_release_payload::<DragPayload>() {
        let (copy, swap) = ui.input(|i| (i.modifiers.command, i.modifiers.shift));
        commands.push(AppCommand::Drop {
            id: payload.0,
            to: day,
            copy,
            swap,
        });
    }
    let visuals = ui.visuals();
    let (mut stroke, fill) = if is_today {
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
    // While dragging, every day shows what a drop there would do: tint and a word.
    let mut verdict_word = None;
    if let Some(drag) = view.drag.filter(|_| open) {
        let copy = ui.input(|i| i.modifiers.command);
        let verdicts = if copy { &drag.copies } else { &drag.moves };
        if let Some(v) = verdicts.get(&day) {
            let (color, word) = verdict_look(v.severity(), ui);
            ui.painter()
                .rect_filled(rect, 4.0, color.gamma_multiply(0.18));
            verdict_word = Some((color, word));
            if dragged_over {
                stroke = egui::Stroke::new(2.5, color);
            }
        }
    }
    // A suggested change under the pointer: the day outlined, with what it would become.
    let change = view
        .preview
        .and_then(|changes| changes.iter().find(|c| c.0 == day));
    if change.is_some() {
        stroke = egui::Stroke::new(2.5, egui::Color32::from_rgb(225, 150, 20));
    }
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
    ui.horizontal(|ui| {
        if is_today {
            ui.strong(format!("{date_text} · today"));
        } else {
            ui.weak(date_text);
        }
        if let Some((color, word)) = verdict_word {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(egui::RichText::new(word).color(color).small());
            });
        } else {
            // The day's own findings, visible without opening the findings panel.
            let here: Vec<_> = view
                .overview
                .findings
                .iter()
                .filter(|f| f.date == day)
                .collect();
            if let Some(worst) = here.iter().map(|f| f.severity).max() {
                let (color, word) = match worst {
                    Severity::Error => (ui.visuals().error_fg_color, "error"),
                    Severity::Warning => (ui.visuals().warn_fg_color, "warning"),
                };
                let text: Vec<String> = here
                    .iter()
                    .map(|f| format!("{}: {}", f.rule.code(), f.message))
                    .collect();
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(egui::RichText::new(word).color(color).small())
                        .on_hover_text(text.join("\n"));
                });
            }
        }
    });
    let Some(plan) = doc.active_plan() else {
        return dragged_over;
    };
    let width = rect.width() - 8.0;
    for w in plan.workouts_on(day) {
        let intensity = w.intensity();
        let mut text = workout_line(w, view.overview.paces.as_ref(), view.units).to_string();
        if let Some(load) = view.overview.planned_loads.get(&w.id).filter(|l| **l > 0.0) {
            text.push_str(&format!(" · load {load:.0}"));
        }
        let status = view.overview.statuses.get(&w.id).copied();
        if let Some(s) = status.filter(|s| *s != Status::Planned) {
            text.push_str(&format!(" · {}", s.word()));
        }
        let label = egui::RichText::new(text)
            .color(on_intensity_color(view.dark))
            .small();
        let mut fill = intensity_color(intensity, view.dark);
        if status == Some(Status::Missed) {
            fill = fill.gamma_multiply(0.45);
        }
        let mut chip = egui::Button::new(label)
            .fill(fill)
            .wrap()
            .sense(egui::Sense::click_and_drag())
            .min_size(egui::vec2(width, 0.0));
        if view.selected == Some(w.id) {
            chip = chip.stroke(egui::Stroke::new(2.5, ui.visuals().strong_text_color()));
        }
        let response = ui.add_sized([width, 0.0], chip).on_hover_text(format!(
            "{} · {}. Drag to move, Ctrl-drag to copy, Shift-drop to swap days.",
            w.kind.label(),
            intensity.label()
        ));
        if response.drag_started() {
            commands.push(AppCommand::SelectWorkout(Some(w.id)));
            commands.push(AppCommand::BeginDrag(w.id));
        }
        response.dnd_set_drag_payload(DragPayload(w.id));
        if response.clicked() {
            commands.push(AppCommand::SelectWorkout(Some(w.id)));
        }
        response.context_menu(|ui| {
            if ui.button("Edit").clicked() {
                commands.push(AppCommand::SelectWorkout(Some(w.id)));
            }
            if ui.button("Duplicate").clicked() {
                commands.push(AppCommand::Apply(Edit::CopyWorkout {
                    id: w.id,
                    to: w.date,
                }));
            }
            if ui.button("Delete").clicked() {
                commands.push(AppCommand::Apply(Edit::DeleteWorkout(w.id)));
            }
            ui.separator();
            if ui.button("Convert to easy").clicked() {
                commands.push(AppCommand::Apply(Edit::ReplaceWorkout(w.as_easy())));
            }
            if ui.button("Convert to rest").clicked() {
                commands.push(AppCommand::Apply(Edit::ReplaceWorkout(w.as_rest())));
            }
            ui.separator();
            let done = doc
                .history
                .activities
                .iter()
                .any(|a| a.planned_workout == Some(w.id));
            if ui
                .add_enabled(!done, egui::Button::new("Mark done…"))
                .on_disabled_hover_text("Already logged.")
                .clicked()
            {
                commands.push(AppCommand::MarkDone(w.id));
            }
        });
    }
    if let Some((_, _, after)) = change {
        let after = after
            .as_ref()
            .map_or_else(|| "nothing".to_owned(), Workout::display_title);
        ui.label(
            egui::RichText::new(format!("-> {after}"))
                .small()
                .color(egui::Color32::from_rgb(225, 150, 20)),
        );
    }
    if let Some(done) = view.overview.unplanned.get(&day) {
        for a in done {
            let distance = a.distance_m.map_or_else(
                || format_duration(a.duration_s),
                |d| format_distance(d, view.units),
            );
            ui.weak(egui::RichText::new(format!("Logged: {} {distance}", a.kind.label())).small());
        }
    }
    dragged_over
}

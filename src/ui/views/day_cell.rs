//! One day of the calendar: its workouts as chips (click, drag, right-click), its findings,
//! the days off drawn hatched with their reason, and the day's menu (a race, days away,
//! sick days).

use chrono::NaiveDate;

use super::calendar::{CalendarView, DragPayload, verdict_look};
use super::targets::{adjustment_line, paces_line};
use crate::model::{OffReason, Plan, RacePriority, Workout};
use crate::rules::Severity;
use crate::science::adherence::Status;
use crate::session::Edit;
use crate::ui::commands::Request;
use crate::ui::palette::{day_off_color, intensity_color, on_intensity_color};
use crate::ui::season_form::plan_covers;

/// "B race" or "C race" for a tune-up race; `None` for the goal race and every other kind.
pub(super) fn race_tag(w: &Workout) -> Option<String> {
    w.kind
        .race_priority()
        .filter(|p| *p != RacePriority::A)
        .map(|p| format!("{} race", p.letter()))
}

/// Diagonal hatching over a day off.
fn hatch(ui: &egui::Ui, rect: egui::Rect, color: egui::Color32) {
    let painter = ui.painter().with_clip_rect(rect.shrink(1.0));
    painter.rect_filled(rect, 4.0, color.gamma_multiply(0.12));
    let stroke = egui::Stroke::new(1.0, color.gamma_multiply(0.45));
    let step = 9.0;
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        painter.line_segment(
            [
                egui::pos2(x, rect.bottom()),
                egui::pos2(x + rect.height(), rect.top()),
            ],
            stroke,
        );
        x += step;
    }
}

/// The day's own entries, in its menu and in the menus of its workouts. They fit a race or
/// days off into the active plan, so they are for its days before its race only; races and
/// days away for days ahead only.
fn day_menu_ui(
    ui: &mut egui::Ui,
    day: NaiveDate,
    today: NaiveDate,
    plan: &Plan,
    commands: &mut Vec<Request>,
) {
    let in_plan = plan_covers(plan, day, day);
    let ahead = in_plan && day >= today;
    let why = if in_plan {
        "Days before today are history."
    } else {
        "Only the active plan's days before its race: the Season view picks the active plan."
    };
    for (command, enabled, hint) in [
        (
            Request::AddRace(day),
            ahead,
            "A tune-up race: B with lighter days before and easy days after, C run as a workout",
        ),
        (
            Request::Away(day),
            ahead,
            "Travel or other days without running",
        ),
        (
            Request::Sick(day),
            in_plan,
            "Ill or injured: a pause, then a gradual return",
        ),
    ] {
        if ui
            .add_enabled(enabled, egui::Button::new(command.label()))
            .on_hover_text(hint)
            .on_disabled_hover_text(why)
            .clicked()
        {
            commands.push(command);
        }
    }
}

/// Draws one day; returns true when a dragged workout is over it.
pub(super) fn day_cell_ui(
    ui: &mut egui::Ui,
    view: &CalendarView<'_>,
    day: NaiveDate,
    commands: &mut Vec<Request>,
) -> bool {
    let doc = view.doc;
    let dark = ui.visuals().dark_mode;
    let units = doc.athlete.units;
    let is_today = day == view.today;
    let rect = ui.max_rect();
    // The drop zone is registered first, so the chips on top keep their clicks.
    // Days before today are history: workouts are rescheduled forward.
    let open = day >= view.today;
    let zone = ui.interact(rect, ui.scope_id().with(("day", day)), egui::Sense::click());
    let name = day.format("%A %-d %B %Y").to_string();
    zone.widget_info(|| egui::WidgetInfo::labeled(egui::Role::GridCell, true, &name));
    if let Some(plan) = doc.active_plan() {
        zone.context_menu(|ui| day_menu_ui(ui, day, view.today, plan, commands));
    }
    let dragged_over = open && zone.dnd_hover_payload::<DragPayload>().is_some();
    if !open {
        // Nothing to drop here.
    } else if let Some(payload) = zone.dnd_release_payload::<DragPayload>() {
        commands.push(Request::Drop {
            id: payload.0,
            to: day,
            kind: view.drop_kind,
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
    if let Some(v) = view
        .drag
        .filter(|_| open)
        .and_then(|drag| drag.verdict(view.drop_kind, day))
    {
        let (color, word) = verdict_look(v.severity(), ui);
        ui.painter()
            .rect_filled(rect, 4.0, color.gamma_multiply(0.18));
        verdict_word = Some((color, word));
        if dragged_over {
            stroke = egui::Stroke::new(2.5, color);
        }
    }
    // A suggested change under the pointer: the day outlined, with what it would become.
    let change = view
        .preview
        .and_then(|changes| changes.iter().find(|c| c.0 == day));
    if change.is_some() {
        stroke = egui::Stroke::new(2.5, egui::Color32::from_rgb(225, 150, 20));
    }
    let off = doc.active_plan().and_then(|p| p.day_off(day));
    if let Some(reason) = off {
        hatch(ui, rect, day_off_color(reason));
    }
    ui.painter()
        .rect(rect, 4.0, fill, stroke, egui::StrokeKind::Inside);
    let mut inner = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink(4.0))
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    let ui = &mut inner;
    // A narrow day keeps its chips inside it: what does not fit is cut at the day's edge (the
    // week view and the editor show all of it), never drawn over the next week.
    ui.set_clip_rect(rect.intersect(ui.clip_rect()));
    ui.spacing_mut().item_spacing.y = 2.0;
    let date_text = if day.format("%d").to_string() == "01" {
        day.format("%-d %b").to_string()
    } else {
        day.format("%-d").to_string()
    };
    ui.horizontal(|ui| {
        let with_today = format!("{date_text} · today");
        let font = egui::TextStyle::Body.resolve(ui.style());
        let needed = ui
            .fonts_mut(|f| f.layout_no_wrap(with_today.clone(), font, egui::Color32::WHITE))
            .size()
            .x;
        let fits = needed <= ui.available_width();
        if is_today && fits {
            ui.strong(with_today);
        } else if is_today {
            // Too narrow for the word: the outline says it.
            ui.strong(date_text).on_hover_text("Today");
        } else {
            ui.weak(date_text);
        }
        if let Some(reason) = off {
            let word = match reason {
                OffReason::Sick => "Sick",
                OffReason::Away { .. } => "Away",
            };
            ui.label(
                egui::RichText::new(word)
                    .small()
                    .strong()
                    .color(day_off_color(reason)),
            )
            .on_hover_text(reason.label());
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
        let paces = crate::export::workout_paces(&doc.athlete, view.overview.paces.as_ref(), w);
        let mut text = crate::export::workout_line(w, paces.as_ref(), units).to_string();
        if let Some(tag) = race_tag(w).filter(|t| !text.contains(t.as_str())) {
            text.push_str(&format!(" · {tag}"));
        }
        if let Some(load) = view.overview.planned_loads.get(&w.id).filter(|l| **l > 0.0) {
            text.push_str(&format!(" · load {load:.0}"));
        }
        let status = view.overview.statuses.get(&w.id).copied();
        if let Some(s) = status.filter(|s| *s != Status::Planned) {
            text.push_str(&format!(" · {}", s.word()));
        }
        let label = egui::RichText::new(text)
            .color(on_intensity_color(dark))
            .small();
        let mut fill = intensity_color(intensity, dark);
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
        let response = ui.add_sized([width, 0.0], chip).on_hover_ui(|ui| {
            // The kind, and the effort only when the kind's word does not say it.
            let mut what = vec![w.kind.label()];
            what.extend(crate::export::effort_text(w));
            ui.label(format!(
                "{}. Drag to move, Ctrl-drag to copy, Shift-drop to swap days.",
                what.join(" · ")
            ));
            // In the workout's conditions: the paces to run, and why they differ.
            if let Some(paces) = paces_line(w, doc, units) {
                ui.label(paces);
            }
            if let Some(adjusted) = adjustment_line(w, doc) {
                ui.colored_label(ui.visuals().warn_fg_color, adjusted);
            }
        });
        if response.drag_started() {
            commands.push(Request::SelectWorkout(Some(w.id)));
            commands.push(Request::BeginDrag(w.id));
        }
        response.dnd_set_drag_payload(DragPayload(w.id));
        if response.clicked() {
            commands.push(Request::SelectWorkout(Some(w.id)));
        }
        response.context_menu(|ui| {
            if ui.button("Edit").clicked() {
                commands.push(Request::SelectWorkout(Some(w.id)));
            }
            if ui.button("Duplicate").clicked() {
                commands.push(Request::Apply(Edit::CopyWorkout {
                    id: w.id,
                    to: w.date,
                }));
            }
            if ui.button("Delete").clicked() {
                commands.push(Request::Apply(Edit::DeleteWorkout(w.id)));
            }
            ui.separator();
            if ui.button("Convert to easy").clicked() {
                commands.push(Request::Apply(Edit::ReplaceWorkout(w.as_easy())));
            }
            if ui.button("Convert to rest").clicked() {
                commands.push(Request::Apply(Edit::ReplaceWorkout(w.as_rest())));
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
                commands.push(Request::MarkDone(w.id));
            }
            ui.separator();
            day_menu_ui(ui, day, view.today, plan, commands);
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
            let distance = a.distance_m.filter(|d| *d > 0.0).map_or_else(
                || crate::export::time_text(a.duration_s),
                |d| crate::export::distance_text(d, units),
            );
            ui.weak(egui::RichText::new(format!("Logged: {} {distance}", a.kind.label())).small());
        }
    }
    dragged_over
}

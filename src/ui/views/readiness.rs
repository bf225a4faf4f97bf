//! The readiness banner at the top of the window, and the Recovery window: the warning
//! signs, the suggested changes (previewed on the calendar while hovered, applied with one
//! click as one undoable edit) and the recovery tips.

use crate::export::workout_line;
use crate::readiness::{Readiness, Status, Suggestion, Tip};
use crate::session::Edit;
use crate::ui::commands::{Command, Request};

/// The colour of a status (always shown with its word too).
pub fn status_color(status: Status, ui: &egui::Ui) -> egui::Color32 {
    match status {
        Status::Green => egui::Color32::from_rgb(60, 160, 90),
        Status::Amber => egui::Color32::from_rgb(225, 150, 20),
        Status::Red => ui.visuals().error_fg_color,
    }
}

/// The one-line banner: status, reasons, and the buttons to act on them.
pub fn readiness_banner_ui(
    ui: &mut egui::Ui,
    readiness: &Readiness,
    has_plan: bool,
    commands: &mut Vec<Request>,
) {
    ui.horizontal(|ui| {
        // Without a baseline and without a sign, green would claim more than is known.
        let unknown = readiness.warnings.is_empty() && readiness.no_baseline.is_some();
        let (name, color) = if unknown {
            ("NO BASELINE".to_owned(), ui.visuals().weak_text_color())
        } else {
            (
                readiness.status.name().to_uppercase(),
                status_color(readiness.status, ui),
            )
        };
        let badge = egui::RichText::new(format!(" Readiness: {name} "))
            .strong()
            .color(egui::Color32::WHITE)
            .background_color(color);
        ui.label(badge);
        let mut reasons: Vec<String> = readiness
            .warnings
            .iter()
            .map(|w| w.message.clone())
            .collect();
        reasons.extend(
            readiness
                .baseline_note()
                .map(|n| format!("{n}: check in each morning")),
        );
        if reasons.is_empty() {
            reasons.push("no warning signs".to_owned());
        }
        let reasons = reasons.join("; ");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(has_plan, egui::Button::new("Adapt plan from today…"))
                .on_hover_text(
                    "Make the remaining weeks again from the training actually done, \
                     keeping the race date and the workouts you placed by hand",
                )
                .on_disabled_hover_text("There is no plan to adapt.")
                .clicked()
            {
                commands.push(Command::AdaptPlan.into());
            }
            if ui
                .button("Check in…")
                .on_hover_text("Today's resting HR, sleep, soreness, fatigue, stress, mood")
                .clicked()
            {
                commands.push(Command::CheckIn.into());
            }
            let fixes = if readiness.status == Status::Green {
                "Recovery tips"
            } else {
                "See fixes"
            };
            if ui.button(fixes).clicked() {
                commands.push(Command::ShowRecovery.into());
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(reasons).truncate());
            });
        });
    });
}

/// The Recovery window's content. `hovered` is set to the suggestion under the pointer,
/// whose changes the calendar previews.
pub fn recovery_ui(
    ui: &mut egui::Ui,
    units: crate::model::Units,
    readiness: &Readiness,
    suggestions: &[Suggestion],
    tips: &[Tip],
    hovered: &mut Option<usize>,
    commands: &mut Vec<Request>,
) {
    *hovered = None;
    let color = status_color(readiness.status, ui);
    ui.colored_label(
        color,
        egui::RichText::new(format!("Readiness {}", readiness.status.name())).strong(),
    );
    if let Some(note) = readiness.baseline_note() {
        ui.label(format!(
            "{}: the signs that compare with your own normal (resting HR, HRV, the wellness \
             score) start once there are enough check-ins.",
            capitalised(&note)
        ));
    } else if readiness.warnings.is_empty() {
        ui.label("No warning signs in the history and check-ins.");
    }
    for w in &readiness.warnings {
        let level = status_color(w.level, ui);
        ui.horizontal(|ui| {
            ui.colored_label(level, "•");
            ui.label(&w.message).on_hover_text(format!(
                "{} ({})",
                w.date.format("%a %-d %b"),
                w.sign.code()
            ));
        });
    }
    if !suggestions.is_empty() {
        ui.separator();
        ui.strong("Suggested changes");
        ui.weak("Hover to see them on the calendar; Apply makes one change you can undo.");
    }
    for (i, s) in suggestions.iter().enumerate() {
        let frame = egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                if ui.button("Apply").clicked() {
                    commands.push(Request::Apply(Edit::ChangePlan {
                        plan: s.plan.clone(),
                        label: s.title.clone(),
                    }));
                }
                ui.label(&s.title);
            });
            for (day, before, after) in &s.changes {
                // The chip's words, so a distance in the title is not said twice.
                let title = |w: &Option<crate::model::Workout>| match w {
                    None => "nothing".to_owned(),
                    Some(w) => workout_line(w, None, units).to_string(),
                };
                ui.weak(format!(
                    "{}: {} -> {}",
                    day.format("%a %-d %b"),
                    title(before),
                    title(after)
                ));
            }
        });
        if frame.response.contains_pointer() {
            *hovered = Some(i);
        }
    }
    if !tips.is_empty() {
        ui.separator();
        ui.strong("Recovery tips");
        for t in tips {
            ui.label(format!("• {}", t.text))
                .on_hover_text(format!("Because {}", t.because));
        }
    }
}

/// The text with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

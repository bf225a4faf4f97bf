//! The windows of training history and recovery: the check-in, the activity form, the
//! Recovery window and the "Adapt plan from today" comparison.

use super::*;
use crate::ui::activity_form::{ActivityOutcome, activity_form_ui};
use crate::ui::checkin_form::{CheckInOutcome, checkin_form_ui};

impl StrideApp {
    pub(super) fn checkin_window(&mut self, ctx: &egui::Context) {
        let Some(form) = &mut self.checkin else {
            return;
        };
        let mut outcome = CheckInOutcome::Editing;
        let mut open = true;
        window_over_calendar("Check-in", ctx)
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| outcome = checkin_form_ui(ui, form));
        match outcome {
            CheckInOutcome::Sick => self.requests.push(Request::Sick(form.date)),
            CheckInOutcome::Editing if open => {}
            CheckInOutcome::Editing | CheckInOutcome::Cancelled => self.checkin = None,
            CheckInOutcome::Save(entry) => {
                self.checkin = None;
                self.requests.push(Request::Apply(Edit::SetWellness(entry)));
            }
        }
    }

    pub(super) fn activity_window(&mut self, ctx: &egui::Context) {
        let Some(form) = &mut self.activity_form else {
            return;
        };
        let title = if form.original.is_some() {
            "Edit activity"
        } else {
            "Log activity"
        };
        let mut outcome = ActivityOutcome::Editing;
        let mut open = true;
        let doc = self.session.document();
        window_over_calendar(title, ctx)
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| outcome = activity_form_ui(ui, form, doc));
        match outcome {
            ActivityOutcome::Editing if open => {}
            ActivityOutcome::Editing | ActivityOutcome::Cancelled => self.activity_form = None,
            ActivityOutcome::Save(activity) => {
                let edit = match self.activity_form.take().and_then(|f| f.original) {
                    Some(old) => Edit::EditActivity {
                        old: Box::new(old),
                        new: activity,
                    },
                    None => Edit::LogActivity(*activity),
                };
                self.requests.push(Request::Apply(edit));
            }
        }
    }

    pub(super) fn recovery_window(&mut self, ctx: &egui::Context) {
        if !self.recovery_open {
            self.suggestion_hover = None;
            return;
        }
        let mut open = true;
        let units = self.session.document().athlete.units;
        // Over the workout panel, so the calendar's preview stays in view.
        let right = ctx.content_rect().right();
        egui::Window::new("Recovery")
            .open(&mut open)
            .default_width(420.0)
            .default_pos(egui::pos2(right - 440.0, 60.0))
            .show(ctx, |ui| {
                views::recovery_ui(
                    ui,
                    units,
                    &self.derived.core.readiness,
                    &self.derived.core.suggestions,
                    &self.derived.core.tips,
                    &mut self.suggestion_hover,
                    &mut self.requests,
                );
            });
        self.recovery_open = open;
    }

    pub(super) fn adapt_window(&mut self, ctx: &egui::Context) {
        let Some(result) = &self.adaptation else {
            return;
        };
        let mut open = true;
        let mut apply = false;
        let units = self.session.document().athlete.units;
        window_over_calendar("Adapt plan from today", ctx)
            .open(&mut open)
            .default_width(460.0)
            .show(ctx, |ui| match result {
                Err(message) => {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
                Ok(a) => apply = adaptation_ui(ui, a, units),
            });
        let result = if apply { self.adaptation.take() } else { None };
        if let Some(Ok(a)) = result {
            self.requests.push(Request::Apply(Edit::ChangePlan {
                plan: a.plan,
                label: format!("Adapt plan from {}", a.start.format("%a %-d %b")),
            }));
        }
        if !open {
            self.adaptation = None;
        }
    }
}

/// The before/after comparison; returns true when Apply is clicked.
pub(super) fn adaptation_ui(ui: &mut egui::Ui, a: &Adaptation, units: crate::model::Units) -> bool {
    ui.label(format!(
        "From {} to the race on {}: {} of {} days change.",
        a.start.format("%a %-d %b"),
        a.plan.goal.date.format("%a %-d %b"),
        a.sessions_changed,
        a.days
    ));
    if let (Some(before), Some(after)) = (a.race_form_before, a.race_form_after) {
        ui.label(format!(
            "Race-morning form: {} with the plan as it is, {} adapted",
            crate::science::charts::signed(before, 0),
            crate::science::charts::signed(after, 0)
        ));
    }
    if !a.eased.is_empty() {
        let days: Vec<String> = a
            .eased
            .iter()
            .map(|d| d.format("%a %-d").to_string())
            .collect();
        ui.label(format!(
            "Lighter because of the warning signs: {}",
            days.join(", ")
        ));
    }
    for w in &a.dropped_locked {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} on {} no longer fits and is left out",
                w.display_title(),
                w.date.format("%a %-d %b")
            ),
        );
    }
    let per_unit = units.metres_per_unit() / 1000.0;
    let unit = units.distance_label();
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("adapt_weeks")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Week of");
                    ui.strong(format!("Now ({unit})"));
                    ui.strong(format!("Adapted ({unit})"));
                    ui.end_row();
                    for w in &a.weeks {
                        ui.label(w.week.format("%-d %b").to_string());
                        ui.label(format!("{:.1}", w.before_km / per_unit));
                        ui.label(format!("{:.1}", w.after_km / per_unit));
                        ui.end_row();
                    }
                });
        });
    ui.button("Apply the adapted plan").clicked()
}

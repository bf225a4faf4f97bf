//! The season: tune-up races, days away and sick days fitted into the active plan, the
//! choice of the active plan, and the document the Charts tab draws for the whole season.

use super::*;
use crate::ui::season_form::{SeasonOutcome, plan_covers, season_edit_label, season_form_ui};

impl StrideApp {
    /// The Add race, Days away or Sick days window, with the comparison once asked for.
    pub(super) fn season_window(&mut self, ctx: &egui::Context) {
        let Some(form) = &mut self.season_form else {
            return;
        };
        let mut outcome = SeasonOutcome::Editing;
        let mut open = true;
        let mut apply = false;
        let units = self.session.document().athlete.units;
        window_over_calendar(form.title(), ctx)
            .open(&mut open)
            .default_width(460.0)
            .show(ctx, |ui| {
                outcome = season_form_ui(ui, form);
                if let Some((_, Ok(a))) = &form.preview {
                    ui.separator();
                    apply = super::recovery::adaptation_ui(ui, a, units);
                }
            });
        match outcome {
            SeasonOutcome::Editing => {}
            SeasonOutcome::Cancelled => open = false,
            SeasonOutcome::Preview(edit) => {
                self.preview_season(edit);
                // The comparison is drawn in the next frame.
                ctx.request_repaint();
            }
        }
        if apply && let Some((edit, Ok(a))) = self.season_form.take().and_then(|f| f.preview) {
            self.requests.push(Request::Apply(Edit::ChangePlan {
                plan: a.plan,
                label: season_edit_label(&edit),
            }));
        }
        if !open {
            self.season_form = None;
        }
    }

    /// Works out the active plan adapted around a change, for the season window to show. A
    /// change wholly outside the active plan's days is another plan's business: it is refused
    /// with what to do. A plan that starts after today is adapted from its first day, so it
    /// keeps its weeks and does not reach back into the plan before it.
    fn preview_season(&mut self, edit: crate::readiness::SeasonEdit) {
        self.refresh_derived();
        let doc = self.session.document();
        let (from, to) = match &edit {
            crate::readiness::SeasonEdit::AddRace(t) => (t.date, t.date),
            crate::readiness::SeasonEdit::DaysOff(off) => (off.from, off.to),
        };
        let result = match doc.active_plan() {
            Some(plan) if !plan_covers(plan, from, to) => Err(format!(
                "{} is outside the active plan \"{}\" ({} to {}): make the plan of those \
                 days the active one in the Season view first.",
                if from == to {
                    from.format("%a %-d %b %Y").to_string()
                } else {
                    format!(
                        "{} to {}",
                        from.format("%a %-d %b"),
                        to.format("%a %-d %b %Y")
                    )
                },
                plan.name,
                plan.start_date.format("%-d %b %Y"),
                plan.goal.date.format("%-d %b %Y"),
            )),
            Some(plan) if plan.start_date > self.today => {
                // A plan still to start is made again from its first day, as it was made:
                // the training and warning signs of today are no guide to it yet.
                let first = plan.start_date;
                let readiness = crate::readiness::Readiness::assess(doc, first);
                crate::readiness::adapt_season(doc, first, &readiness, &edit)
                    .map_err(|e| e.to_string())
            }
            _ => {
                crate::readiness::adapt_season(doc, self.today, &self.derived.core.readiness, &edit)
                    .map_err(|e| e.to_string())
            }
        };
        if let Some(form) = &mut self.season_form {
            form.preview = Some((edit, result));
        }
    }

    /// Makes another plan of the season the active one and shows it on the calendar: from
    /// today, or from its first day when it starts later (its last weeks when it is over).
    pub(super) fn make_active_plan(&mut self, index: usize) {
        self.apply(Edit::MakeActivePlan(index));
        self.selected = None;
        let doc = self.session.document();
        if let Some(plan) = doc.active_plan() {
            let day = self.today.max(plan.start_date).min(plan.goal.date);
            let week = doc.athlete.week_start.week_of(day);
            self.calendar.first_day = week.checked_sub_days(chrono::Days::new(7)).unwrap_or(week);
        }
    }
}

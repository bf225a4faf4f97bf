//! The season: tune-up races, days away and sick days fitted into the active plan, the
//! choice of the active plan, and the document the Charts tab draws for the whole season.

use super::*;
use crate::model::Plan;
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
        // Over the top of the calendar, clear of the menus, where the day was chosen.
        let top = ctx.content_rect().center_top() + egui::vec2(0.0, 90.0);
        egui::Window::new(form.title())
            .open(&mut open)
            .collapsible(false)
            .default_width(460.0)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(top)
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
            self.commands.push(AppCommand::Apply(Edit::ChangePlan {
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
            _ => crate::readiness::adapt_season(doc, self.today, &self.derived.readiness, &edit)
                .map_err(|e| e.to_string()),
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

/// The document the Charts tab draws, when the season has more to show than the active
/// plan: a copy whose active plan also holds the other plans' workouts, each on a day no plan
/// before it in the document covers (from its first day to its last), so the planned part of
/// the charts runs through every race ahead. `None` when no other plan adds a day after
/// `today`.
pub(super) fn season_chart_document(
    doc: &AthleteDocument,
    today: NaiveDate,
) -> Option<AthleteDocument> {
    let (active, others) = doc.plans.split_first()?;
    let span = |p: &Plan| (p.start_date, p.end_date());
    let mut covered = vec![span(active)];
    let mut extra = Vec::new();
    for plan in others {
        let free = |d: NaiveDate| !covered.iter().any(|(a, b)| (*a..=*b).contains(&d));
        extra.extend(
            plan.workouts
                .iter()
                .filter(|w| w.date > today && free(w.date))
                .cloned(),
        );
        covered.push(span(plan));
    }
    if extra.is_empty() {
        return None;
    }
    let mut season = doc.clone();
    season.plans.truncate(1);
    season.plans[0].workouts.extend(extra);
    Some(season)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    #[test]
    fn the_season_adds_the_days_of_later_plans_that_the_active_one_leaves_free() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
        let mut doc = storage::demo_document(today).expect("demo");
        assert!(season_chart_document(&doc, today).is_none(), "one plan");
        let active = doc.plans[0].clone();
        let end = active.end_date();
        // The same plan again, moved to start three weeks before the first one ends.
        let mut later = active.clone();
        let shift = Days::new(u64::try_from((end - active.start_date).num_days()).expect("n"));
        let back = Days::new(21);
        for w in &mut later.workouts {
            w.date = w.date + shift - back;
        }
        later.start_date = later.start_date + shift - back;
        later.goal.date = later.goal.date + shift - back;
        doc.plans.push(later.clone());
        let season = season_chart_document(&doc, today).expect("more days");
        assert_eq!(season.plans.len(), 1);
        let added: Vec<_> = season.plans[0]
            .workouts
            .iter()
            .skip(active.workouts.len())
            .collect();
        assert!(!added.is_empty());
        assert!(
            added.iter().all(|w| w.date > end),
            "the active plan's days stay its own"
        );
        assert_eq!(
            added.len(),
            later.workouts.iter().filter(|w| w.date > end).count(),
            "every later day is there"
        );
    }
}

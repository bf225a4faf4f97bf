//! The forms that fit real life into the plan: a tune-up race on a day, days away, sick days.
//!
//! Each form reads into a [`SeasonEdit`]. Nothing changes while it is filled: the app works
//! out the adapted plan when asked ("Show the changes"), shows it beside the plan as it is,
//! and applies it as one undoable edit. A changed field drops the comparison shown, so what
//! is applied is always what was typed.

use chrono::{Days, NaiveDate};

use crate::generator::TuneUp;
use crate::model::parse_distance;
use crate::model::{DaysOff, OffReason, RacePriority};
use crate::readiness::Adaptation;
use crate::readiness::SeasonEdit;
use crate::ui::fields::typed_date;

/// Which change the form is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeasonKind {
    /// A tune-up race (B or C).
    Race,
    /// Days away: no running, or cross-training only.
    Away,
    /// Sick or injured days.
    Sick,
}

/// What the user typed, kept as text until it is read (UI state, not saved).
#[derive(Clone, Debug)]
pub struct SeasonForm {
    /// Which change.
    pub kind: SeasonKind,
    /// The race's name (races only; may be empty).
    pub name: String,
    /// The race's distance as the command line takes it: `10k`, `half`, `8000m`, `12.5km`.
    pub distance: String,
    /// B or C.
    pub priority: RacePriority,
    /// Race day, or the first day off.
    pub from: String,
    /// The last day off.
    pub to: String,
    /// How many days sick, kept in step with the last day.
    pub days: String,
    /// Cross-training is possible while away.
    pub cross_training: bool,
    /// What is wrong with the input, from the last attempt.
    pub errors: Vec<String>,
    /// The change as it was read when the comparison was asked for, and the adapted plan
    /// (or why there is none).
    pub preview: Option<(SeasonEdit, Result<Adaptation, String>)>,
    focused: bool,
}

/// What the form asks of the app after a frame.
pub enum SeasonOutcome {
    /// Still being filled.
    Editing,
    /// Closed.
    Cancelled,
    /// Work out the plan adapted around this change and show it.
    Preview(SeasonEdit),
}

impl SeasonForm {
    fn on(kind: SeasonKind, day: NaiveDate) -> Self {
        SeasonForm {
            kind,
            name: String::new(),
            distance: String::new(),
            priority: RacePriority::B,
            from: day.to_string(),
            to: day.to_string(),
            days: "1".to_owned(),
            cross_training: false,
            errors: Vec::new(),
            preview: None,
            focused: false,
        }
    }

    /// A B race on `day`, to be named and measured.
    pub fn race(day: NaiveDate) -> Self {
        SeasonForm::on(SeasonKind::Race, day)
    }

    /// Days away from `day` (to the same day until changed).
    pub fn away(day: NaiveDate) -> Self {
        SeasonForm::on(SeasonKind::Away, day)
    }

    /// Sick from `day`, one day until changed.
    pub fn sick(day: NaiveDate) -> Self {
        SeasonForm::on(SeasonKind::Sick, day)
    }

    /// The window's title.
    pub fn title(&self) -> &'static str {
        match self.kind {
            SeasonKind::Race => "Add race",
            SeasonKind::Away => "Days away",
            SeasonKind::Sick => "Sick days",
        }
    }

    /// The change the form holds, or what is wrong with it.
    ///
    /// # Errors
    /// One plain message per bad field.
    pub fn edit(&self) -> Result<SeasonEdit, Vec<String>> {
        let mut errors = Vec::new();
        let first = match self.kind {
            SeasonKind::Race => "Race day",
            SeasonKind::Away | SeasonKind::Sick => "First day",
        };
        let from = read_date(first, &self.from, &mut errors);
        if self.kind == SeasonKind::Race {
            let distance = parse_distance(&self.distance)
                .map_err(|e| errors.push(format!("Distance: {e}")))
                .ok();
            return match (from, distance) {
                (Some(date), Some(distance_m)) if errors.is_empty() => {
                    Ok(SeasonEdit::AddRace(TuneUp {
                        date,
                        distance_m,
                        priority: self.priority,
                        name: self.name.trim().to_owned(),
                    }))
                }
                _ => Err(errors),
            };
        }
        if self.kind == SeasonKind::Sick && sick_days(&self.days).is_none() {
            errors.push("Days: enter a whole number of days, 1 or more.".to_owned());
        }
        let to = read_date("Last day", &self.to, &mut errors);
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            errors.push("Last day: on or after the first day.".to_owned());
        }
        let reason = match self.kind {
            SeasonKind::Away => OffReason::Away {
                cross_training: self.cross_training,
            },
            SeasonKind::Race | SeasonKind::Sick => OffReason::Sick,
        };
        match (from, to) {
            (Some(from), Some(to)) if errors.is_empty() => {
                Ok(SeasonEdit::DaysOff(DaysOff { from, to, reason }))
            }
            _ => Err(errors),
        }
    }

    /// The last day from the first day and the number of days, when both read.
    fn follow_days(&mut self) {
        if let (Some(from), Some(n)) = (typed_date(&self.from), sick_days(&self.days))
            && let Some(to) = from.checked_add_days(Days::new(n - 1))
        {
            self.to = to.to_string();
        }
    }

    /// The number of days from the first and last day, when both read.
    fn follow_last_day(&mut self) {
        if let (Some(from), Some(to)) = (typed_date(&self.from), typed_date(&self.to))
            && to >= from
        {
            self.days = ((to - from).num_days() + 1).to_string();
        }
    }
}

/// True when some of the days `from` to `to` fall in the plan, from its first day to the day
/// before its race: the days a race or days off can be fitted into.
pub fn plan_covers(plan: &crate::model::Plan, from: NaiveDate, to: NaiveDate) -> bool {
    to >= plan.start_date && from < plan.goal.date
}

/// A number of sick days: a whole number from 1.
fn sick_days(text: &str) -> Option<u64> {
    text.trim().parse::<u64>().ok().filter(|n| *n >= 1)
}

fn read_date(label: &str, text: &str, errors: &mut Vec<String>) -> Option<NaiveDate> {
    let date = typed_date(text);
    if date.is_none() {
        errors.push(format!("{label}: use YYYY-MM-DD."));
    }
    date
}

/// What a change is called in the Undo menu and the status bar: "Add B race on Sun 20 Dec",
/// "Sick Tue 1 Dec to Thu 3 Dec".
pub fn season_edit_label(edit: &SeasonEdit) -> String {
    let day = |d: NaiveDate| d.format("%a %-d %b").to_string();
    match edit {
        SeasonEdit::AddRace(t) => {
            format!("Add {} race on {}", t.priority.letter(), day(t.date))
        }
        SeasonEdit::DaysOff(off) => {
            let what = match off.reason {
                OffReason::Sick => "Sick",
                OffReason::Away { .. } => "Away",
            };
            if off.from == off.to {
                format!("{what} {}", day(off.from))
            } else {
                format!("{what} {} to {}", day(off.from), day(off.to))
            }
        }
    }
}

/// A labelled one-line field in a grid row (labelled for screen readers and tests); ends the
/// row.
fn field(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str) -> egui::Response {
    let l = ui.label(label);
    let r = ui
        .add(
            egui::TextEdit::singleline(text)
                .desired_width(150.0)
                .hint_text(hint),
        )
        .labelled_by(l.id);
    ui.end_row();
    r
}

/// Draws the form; returns what the user asked for.
pub fn season_form_ui(ui: &mut egui::Ui, form: &mut SeasonForm) -> SeasonOutcome {
    let mut changed = false;
    let mut first = None;
    egui::Grid::new("season_form")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| match form.kind {
            SeasonKind::Race => {
                let r = field(ui, "Race day", &mut form.from, "YYYY-MM-DD");
                changed |= r.changed();
                let r = field(ui, "Name", &mut form.name, "optional");
                changed |= r.changed();
                let r = field(ui, "Distance", &mut form.distance, "5k, 10k, half, 8000m");
                changed |= r.changed();
                first = Some(r);
                ui.label("Priority");
                ui.vertical(|ui| {
                    changed |= ui
                        .radio_value(
                            &mut form.priority,
                            RacePriority::B,
                            "B: a few lighter days before, easy days after",
                        )
                        .changed();
                    changed |= ui
                        .radio_value(
                            &mut form.priority,
                            RacePriority::C,
                            "C: run as the week's hard session",
                        )
                        .changed();
                });
                ui.end_row();
            }
            SeasonKind::Away => {
                let r = field(ui, "First day", &mut form.from, "YYYY-MM-DD");
                changed |= r.changed();
                first = Some(r);
                changed |= field(ui, "Last day", &mut form.to, "YYYY-MM-DD").changed();
                ui.label("");
                changed |= ui
                    .checkbox(&mut form.cross_training, "Cross-training possible")
                    .on_hover_text("The days' runs become easy cycling or swimming")
                    .changed();
                ui.end_row();
            }
            SeasonKind::Sick => {
                let r = field(ui, "First day", &mut form.from, "YYYY-MM-DD");
                if r.changed() {
                    form.follow_days();
                    changed = true;
                }
                let r = field(ui, "Days", &mut form.days, "1 or more");
                if r.changed() {
                    form.follow_days();
                    changed = true;
                }
                first = Some(r);
                let r = field(ui, "Last day", &mut form.to, "YYYY-MM-DD");
                if r.changed() {
                    form.follow_last_day();
                    changed = true;
                }
            }
        });
    if !form.focused {
        if let Some(r) = &first {
            r.request_focus();
        }
        form.focused = true;
    }
    if changed {
        form.preview = None;
        form.errors.clear();
    }
    match form.kind {
        SeasonKind::Race => {
            ui.weak("The plan keeps its goal race; the weeks around this one adapt.")
        }
        SeasonKind::Away => ui.weak("No running on these days; the weeks around them adapt."),
        SeasonKind::Sick => ui.weak(
            "No training on these days, then a gradual return: about half, then three \
             quarters of the planned running, with nothing hard at first.",
        ),
    };
    for e in &form.errors {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    let mut outcome = SeasonOutcome::Editing;
    ui.horizontal(|ui| {
        if ui.button("Show the changes").clicked() {
            match form.edit() {
                Ok(edit) => outcome = SeasonOutcome::Preview(edit),
                Err(errors) => form.errors = errors,
            }
        }
        if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            outcome = SeasonOutcome::Cancelled;
        }
    });
    if let Some((_, Err(message))) = &form.preview {
        ui.colored_label(ui.visuals().error_fg_color, message);
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).expect("date")
    }

    #[test]
    fn a_race_reads_its_distance_as_the_command_line_does() {
        let mut form = SeasonForm::race(day(20));
        form.distance = "half".to_owned();
        form.name = " Winter half ".to_owned();
        let Ok(SeasonEdit::AddRace(t)) = form.edit() else {
            panic!("a race");
        };
        assert_eq!(
            (t.date, t.distance_m, t.priority, t.name.as_str()),
            (day(20), 21_097.5, RacePriority::B, "Winter half")
        );
        form.distance = "far".to_owned();
        let errors = form.edit().expect_err("not a distance");
        assert!(errors[0].starts_with("Distance: 'far' is not a distance"));
    }

    #[test]
    fn sick_days_keep_the_count_and_the_last_day_in_step() {
        let mut form = SeasonForm::sick(day(1));
        form.days = "3".to_owned();
        form.follow_days();
        assert_eq!(form.to, "2026-12-03");
        form.to = "2026-12-05".to_owned();
        form.follow_last_day();
        assert_eq!(form.days, "5");
        assert_eq!(
            form.edit(),
            Ok(SeasonEdit::DaysOff(DaysOff {
                from: day(1),
                to: day(5),
                reason: OffReason::Sick
            }))
        );
        form.days = "0".to_owned();
        assert!(form.edit().is_err(), "no sick days");
    }

    #[test]
    fn a_plan_covers_its_days_up_to_the_day_before_its_race() {
        let goal = crate::model::GoalRace {
            name: "10K".into(),
            distance_m: 10_000.0,
            date: day(20),
            goal_time_s: None,
        };
        let plan = crate::model::Plan::new("10K", goal, day(5));
        for (from, to, covered) in [
            (day(1), day(4), false),
            (day(1), day(5), true),
            (day(19), day(19), true),
            (day(20), day(20), false),
            (day(3), day(25), true),
        ] {
            assert_eq!(plan_covers(&plan, from, to), covered, "{from} to {to}");
        }
    }

    #[test]
    fn days_away_end_on_or_after_they_start() {
        let mut form = SeasonForm::away(day(10));
        form.to = "2026-12-08".to_owned();
        assert_eq!(
            form.edit(),
            Err(vec!["Last day: on or after the first day.".to_owned()])
        );
        form.to = "2026-12-12".to_owned();
        form.cross_training = true;
        let edit = form.edit().expect("valid");
        assert_eq!(season_edit_label(&edit), "Away Thu 10 Dec to Sat 12 Dec");
    }
}

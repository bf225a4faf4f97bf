//! The one place requests are carried out, and so the one place the session changes: every
//! edit is applied here (one undo step each, re-checked against the recovery rules when the
//! derived state is next worked out), and a new or restored document replaces the session
//! only here.

use super::*;
use crate::rules::preview::DropKind;
use crate::ui::commands::Command;

impl StrideApp {
    /// Carries out one request.
    pub(super) fn run(&mut self, request: Request, ctx: &egui::Context) {
        match request {
            Request::Run(command) => self.run_command(command, ctx),
            Request::Apply(edit) => self.apply(edit),
            Request::OpenPath(path) => self.unless_unsaved(PendingAction::OpenPath(path), ctx),
            Request::OpenCreated(document) => {
                self.replace_session(Session::created(*document));
                self.set_status("New athlete created; save it to keep it");
            }
            Request::OpenRestored {
                document,
                path,
                leftover,
            } => self.open_restored(*document, path, &leftover),
            Request::Answer { request, answer } => self.dialog_answered(request, answer, ctx),
            Request::Decide { action, choice } => self.decide(action, choice, ctx),
            Request::Say(text) => self.set_status(text),
            Request::SelectWorkout(id) => self.selected = id,
            Request::ShowDay(day) => self.show_day(day),
            Request::ExportChart { from, to } => {
                self.dialogs.start(DialogRequest {
                    purpose: DialogPurpose::ExportChart { from, to },
                    save: true,
                    suggested_name: "fitness-fatigue-form.png".to_owned(),
                    directory: self.current_folder(),
                });
            }
            Request::CheckInOn(day) => self.open_check_in(day),
            Request::EditActivity(activity) => {
                let units = self.session.document().athlete.units;
                self.activity_form = Some(super::super::activity_form::ActivityForm::new(
                    *activity, units, true,
                ));
            }
            Request::MarkDone(id) => {
                let doc = self.session.document();
                if let Some(w) = doc.active_plan().and_then(|p| p.workout(id)) {
                    let a = crate::model::Activity::from_planned(w);
                    self.activity_form = Some(super::super::activity_form::ActivityForm::new(
                        a,
                        doc.athlete.units,
                        false,
                    ));
                }
            }
            Request::AddRace(day) => {
                self.season_form = Some(super::super::season_form::SeasonForm::race(day));
            }
            Request::Away(day) => {
                self.season_form = Some(super::super::season_form::SeasonForm::away(day));
            }
            Request::Sick(day) => {
                self.season_form = Some(super::super::season_form::SeasonForm::sick(day));
            }
            Request::MakeActivePlan(index) => self.make_active_plan(index),
            Request::BeginDrag(id) => self.begin_drag(id),
            Request::Drop { id, to, kind } => self.drop_workout(id, to, kind),
        }
    }

    /// Carries out a data-less command.
    fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::NewAthlete => self.unless_unsaved(PendingAction::NewAthlete, ctx),
            Command::Open => self.unless_unsaved(PendingAction::Open, ctx),
            Command::Quit => self.unless_unsaved(PendingAction::Quit, ctx),
            Command::Save => {
                self.save(None);
            }
            Command::SaveAs => self.ask_save_as(None),
            Command::Undo => {
                if let Some(label) = self.session.undo_label().map(str::to_owned) {
                    self.session.undo();
                    self.set_status(format!("Undid {label}"));
                }
            }
            Command::Redo => {
                if let Some(label) = self.session.redo_label().map(str::to_owned) {
                    self.session.redo();
                    self.set_status(format!("Redid {label}"));
                }
            }
            Command::NewPlan => {
                self.plan_form = Some(super::super::plan_form::PlanForm::for_document(
                    self.session.document(),
                    self.today,
                ));
            }
            Command::PlanAnotherRace => {
                self.plan_form = Some(super::super::plan_form::PlanForm::for_another_race(
                    self.session.document(),
                    self.today,
                ));
            }
            Command::EditProfile => {
                let form = ProfileForm::from_athlete(&self.session.document().athlete);
                self.form = Some((FormMode::Edit, form));
            }
            Command::CheckIn => self.open_check_in(self.today),
            Command::LogActivity => {
                let units = self.session.document().athlete.units;
                self.activity_form = Some(super::super::activity_form::ActivityForm::blank(
                    self.today, units,
                ));
            }
            Command::ShowRecovery => self.recovery_open = true,
            Command::ImportActivities => self.ask_import(false),
            Command::ImportFolder => self.ask_import(true),
            Command::ExportPlan => self.choose_export(),
            Command::AdaptPlan => {
                self.refresh_derived();
                let doc = self.session.document();
                self.adaptation = Some(
                    crate::readiness::adapt_from_today(
                        doc,
                        self.today,
                        &self.derived.core.readiness,
                    )
                    .map_err(|e| e.to_string()),
                );
            }
            Command::DeleteSelected => {
                if let Some(id) = self.selected.take() {
                    self.apply(Edit::DeleteWorkout(id));
                }
            }
            Command::DuplicateSelected => {
                if let Some(w) = self.selected_workout_in_plan() {
                    self.apply(Edit::CopyWorkout {
                        id: w.id,
                        to: w.date,
                    });
                }
            }
            Command::SelectPreviousDay => self.move_selection(-1),
            Command::SelectNextDay => self.move_selection(1),
            Command::SelectPreviousWeek => self.move_selection(-7),
            Command::SelectNextWeek => self.move_selection(7),
            Command::ToggleAthletePanel => {
                self.ui_state.hide_athlete_panel = !self.ui_state.hide_athlete_panel;
            }
            Command::ToggleWorkoutPanel => {
                self.ui_state.hide_workout_panel = !self.ui_state.hide_workout_panel;
            }
        }
    }

    /// Applies an edit and says what it did in the status bar.
    pub(super) fn apply(&mut self, edit: Edit) {
        let label = edit.describe(self.session.document());
        let revision = self.session.revision();
        self.session.apply(edit);
        if self.session.revision() != revision {
            self.set_status(label);
        }
    }

    /// Makes `session` the open one, with a fresh view of it.
    pub(super) fn replace_session(&mut self, session: Session) {
        self.calendar = views::CalendarState::around(self.today, session.document());
        self.session = session;
        self.generation += 1;
        self.selected = None;
        self.drag = None;
        self.refresh_derived();
    }

    /// Switches to the calendar on the week of `day` and selects its first workout.
    fn show_day(&mut self, day: NaiveDate) {
        let doc = self.session.document();
        let week = doc.athlete.week_start.week_of(day);
        self.tab = CentralTab::Calendar;
        // The month view opens on the week before; the week view shows the week after it.
        self.calendar.first_day = week.checked_sub_days(chrono::Days::new(7)).unwrap_or(week);
        self.selected = doc
            .active_plan()
            .and_then(|p| p.workouts_on(day).next())
            .map(|w| w.id);
    }

    fn open_check_in(&mut self, day: NaiveDate) {
        let doc = self.session.document();
        let existing = doc.history.wellness.iter().find(|e| e.date == day);
        self.checkin = Some(super::super::checkin_form::CheckInForm::for_day(
            day, existing,
        ));
    }

    fn selected_workout_in_plan(&self) -> Option<crate::model::Workout> {
        let plan = self.session.document().active_plan()?;
        plan.workout(self.selected?).cloned()
    }

    /// Moves the selection `days` days on, to the first workout of that day, stepping on the
    /// same way past empty days (up to a year). With nothing selected, starts from today.
    fn move_selection(&mut self, days: i64) {
        let Some(plan) = self.session.document().active_plan() else {
            return;
        };
        let start = self
            .selected_workout_in_plan()
            .map_or(self.today - chrono::TimeDelta::days(days), |w| w.date);
        let mut day = start;
        for _ in 0..(365 / days.unsigned_abs().max(1)) {
            let Some(next) = day.checked_add_signed(chrono::TimeDelta::days(days)) else {
                return;
            };
            day = next;
            if let Some(w) = plan.workouts_on(day).next() {
                self.selected = Some(w.id);
                let first = self.calendar.first_day;
                let last = first + chrono::Days::new(41);
                if day < first || day > last {
                    self.calendar = views::CalendarState {
                        first_day: self.session.document().athlete.week_start.week_of(day)
                            - chrono::Days::new(7),
                        week_mode: self.calendar.week_mode,
                    };
                }
                return;
            }
        }
    }

    /// Works out, once per drag, what moving the workout to each visible day would do; copy
    /// and swap verdicts follow when their keys are first held.
    fn begin_drag(&mut self, id: WorkoutId) {
        self.refresh_derived();
        let today = self.today;
        let days: Vec<_> = views::visible_days(&self.calendar)
            .into_iter()
            .filter(|d| *d >= today)
            .collect();
        self.drag = DragPreview::start(self.session.document(), &self.derived.core, id, days);
    }

    /// A drop: the edit the calendar showed for these keys, or nothing where it showed that
    /// nothing would change.
    fn drop_workout(&mut self, id: WorkoutId, to: NaiveDate, kind: DropKind) {
        self.drag = None;
        let from = self
            .session
            .document()
            .active_plan()
            .and_then(|p| p.workout(id))
            .map(|w| w.date);
        if let Some(edit) = from.and_then(|from| Edit::for_drop(kind, id, from, to)) {
            self.apply(edit);
        }
    }
}

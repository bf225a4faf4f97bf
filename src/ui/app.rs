//! The application: state, the frame, and the one place commands are carried out.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::commands::AppCommand;
use super::dialogs::{DialogAnswer, DialogPurpose, DialogRequest, FileDialogs};
use super::profile_form::{FormOutcome, ProfileForm, profile_form_ui};
use super::views;
use crate::model::{Athlete, AthleteDocument, WorkoutId};
use crate::readiness::{Adaptation, Readiness, Suggestion, Tip};
use crate::science::overview::Overview;
use crate::session::{Edit, Session};
use crate::storage;

mod autosave;
mod recovery;
mod season;
mod transfer;
mod windows;

/// How many recent files the File menu lists.
const RECENT_LIMIT: usize = 10;

/// UI state kept between runs through eframe's storage. Athlete data is never stored here,
/// only in the user's own files.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    /// Most recently opened or saved files, newest first.
    pub recent_files: Vec<PathBuf>,
}

impl UiState {
    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_LIMIT);
    }
}

/// An action waiting for the user to decide about unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingAction {
    /// Start a new athlete.
    NewAthlete,
    /// Show the open dialog.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the window.
    Quit,
}

/// Which profile form is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FormMode {
    New,
    Edit,
}

/// The main view in the centre of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CentralTab {
    /// The plan on a calendar.
    Calendar,
    /// Completed activities.
    History,
    /// Fitness, fatigue and form, ACWR, weekly volume, wellness.
    Charts,
    /// The plans of the document with their races and days off.
    Season,
}

/// A typed-path prompt, used when no native dialog can be shown.
struct PathPrompt {
    request: DialogRequest,
    reason: String,
    text: String,
    /// Whether the field has been given the keyboard focus yet.
    focused: bool,
}

/// Messages in the status bar.
struct StatusMessage {
    text: String,
}

/// Derived numbers and the document state they were computed from.
struct Derived {
    generation: u64,
    revision: u64,
    overview: Overview,
    charts: views::ChartCache,
    readiness: Readiness,
    suggestions: Vec<Suggestion>,
    tips: Vec<Tip>,
}

impl Derived {
    fn compute(doc: &crate::model::AthleteDocument, today: NaiveDate, key: (u64, u64)) -> Self {
        let overview = Overview::compute(doc, today);
        // The charts run through the whole season when other plans lie ahead.
        let data = match season::season_chart_document(doc, today) {
            Some(season) => crate::science::charts::ChartData::from_document(&season, today),
            None => {
                crate::science::charts::ChartData::with_series(doc, today, overview.series.clone())
            }
        };
        let readiness = Readiness::assess_with(doc, today, &overview.series);
        Derived {
            generation: key.0,
            revision: key.1,
            charts: views::ChartCache::new(doc, data, &overview.model),
            suggestions: crate::readiness::suggestions(doc, today, &readiness),
            tips: crate::readiness::tips(doc, today, &readiness),
            readiness,
            overview,
        }
    }
}

/// The Stride window.
pub struct StrideApp {
    session: Session,
    /// Counts session replacements (open, new), so derived data knows when to recompute.
    generation: u64,
    derived: Derived,
    today: NaiveDate,
    dialogs: Box<dyn FileDialogs>,
    ui_state: UiState,
    form: Option<(FormMode, ProfileForm)>,
    plan_form: Option<super::plan_form::PlanForm>,
    pending: Option<PendingAction>,
    path_prompt: Option<PathPrompt>,
    error: Option<String>,
    status: Option<StatusMessage>,
    selected: Option<WorkoutId>,
    tab: CentralTab,
    calendar: views::CalendarState,
    drag: Option<views::DragView>,
    editor: views::EditorState,
    charts: views::ChartsState,
    history: views::HistoryState,
    checkin: Option<super::checkin_form::CheckInForm>,
    activity_form: Option<super::activity_form::ActivityForm>,
    recovery_open: bool,
    /// The suggestion under the pointer in the Recovery window, previewed on the calendar.
    suggestion_hover: Option<usize>,
    adaptation: Option<Result<Adaptation, String>>,
    season_form: Option<super::season_form::SeasonForm>,
    import_job: Option<transfer::ImportJob>,
    import_summary: Option<transfer::ImportSummary>,
    import_summary_close: bool,
    export_choice: Option<transfer::ExportChoice>,
    autosave: Option<autosave::Autosave>,
    recovery_offer: Option<autosave::RecoveryOffer>,
    panic_next_frame: bool,
    shown_title: String,
    close_confirmed: bool,
    commands: Vec<AppCommand>,
}

impl StrideApp {
    /// The app on a document; `today` anchors the calendar.
    pub fn new(session: Session, today: NaiveDate, dialogs: Box<dyn FileDialogs>) -> Self {
        let calendar = views::CalendarState::around(today, session.document());
        let derived = Derived::compute(session.document(), today, (0, session.revision()));
        StrideApp {
            session,
            generation: 0,
            derived,
            today,
            dialogs,
            ui_state: UiState::default(),
            form: None,
            plan_form: None,
            pending: None,
            path_prompt: None,
            error: None,
            status: None,
            selected: None,
            tab: CentralTab::Calendar,
            calendar,
            drag: None,
            editor: views::EditorState::default(),
            charts: views::ChartsState::default(),
            history: views::HistoryState::default(),
            checkin: None,
            activity_form: None,
            recovery_open: false,
            suggestion_hover: None,
            adaptation: None,
            season_form: None,
            import_job: None,
            import_summary: None,
            import_summary_close: false,
            export_choice: None,
            autosave: None,
            recovery_offer: None,
            panic_next_frame: false,
            shown_title: String::new(),
            close_confirmed: false,
            commands: Vec::new(),
        }
    }

    /// The app on the bundled demo athlete, its dates moved to run around `today`.
    pub fn with_demo(today: NaiveDate, dialogs: Box<dyn FileDialogs>) -> Self {
        match storage::demo_document(today) {
            Ok(doc) => StrideApp::new(Session::new(doc, None), today, dialogs),
            Err(e) => {
                let doc = AthleteDocument::new(Athlete::example());
                let mut app = StrideApp::new(Session::new(doc, None), today, dialogs);
                app.error = Some(format!("The demo athlete could not be loaded: {e}"));
                app
            }
        }
    }

    /// Starts on a file, or on the demo athlete (with the error shown) if it cannot be opened.
    pub fn with_file(path: &Path, today: NaiveDate, dialogs: Box<dyn FileDialogs>) -> Self {
        match Session::open(path) {
            Ok(session) => {
                let mut app = StrideApp::new(session, today, dialogs);
                app.ui_state.remember(path);
                app
            }
            Err(e) => {
                let mut app = StrideApp::with_demo(today, dialogs);
                app.error = Some(format!("{e}\n\nThe demo athlete is open instead."));
                app
            }
        }
    }

    /// Restores UI state saved by an earlier run.
    pub fn set_ui_state(&mut self, state: UiState) {
        let mut state = state;
        for p in self.ui_state.recent_files.iter().rev() {
            state.remember(p);
        }
        self.ui_state = state;
    }

    /// The tab the central area shows.
    pub fn tab(&self) -> CentralTab {
        self.tab
    }

    /// Switches the central area to a tab.
    pub fn show_tab(&mut self, tab: CentralTab) {
        self.tab = tab;
    }

    /// UI state to keep for the next run.
    pub fn ui_state(&self) -> &UiState {
        &self.ui_state
    }

    /// The open session (document, file, undo history).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The error shown to the user, if any.
    pub fn error_message(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The status-bar message, if any.
    pub fn status_message(&self) -> Option<&str> {
        self.status.as_ref().map(|s| s.text.as_str())
    }

    /// The derived numbers shown for the current document.
    pub fn overview(&self) -> &Overview {
        &self.derived.overview
    }

    /// The readiness shown in the banner.
    pub fn readiness(&self) -> &Readiness {
        &self.derived.readiness
    }

    /// The data the Charts tab draws: the whole season's.
    pub fn chart_data(&self) -> &crate::science::charts::ChartData {
        self.derived.charts.data()
    }

    /// The plan changes suggested for the current warning signs.
    pub fn suggestions(&self) -> &[Suggestion] {
        &self.derived.suggestions
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
        self.checkin = Some(super::checkin_form::CheckInForm::for_day(day, existing));
    }

    /// Recomputes derived data if the document changed since it was last computed.
    fn refresh_derived(&mut self) {
        let key = (self.generation, self.session.revision());
        if (self.derived.generation, self.derived.revision) != key {
            self.derived = Derived::compute(self.session.document(), self.today, key);
        }
    }

    /// Applies an edit and says what it did in the status bar.
    fn apply(&mut self, edit: Edit) {
        let label = edit.describe(self.session.document());
        let revision = self.session.revision();
        self.session.apply(edit);
        if self.session.revision() != revision {
            self.set_status(label);
        }
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

    /// Works out, once per drag, what dropping the workout on each visible day would do.
    fn begin_drag(&mut self, id: WorkoutId) {
        self.refresh_derived();
        let doc = self.session.document();
        let Some(workout) = doc.active_plan().and_then(|p| p.workout(id)) else {
            return;
        };
        let today = self.today;
        let days: Vec<_> = views::visible_days(&self.calendar)
            .into_iter()
            .filter(|d| *d >= today)
            .collect();
        let series = &self.derived.overview.series;
        let by_day = |kind| {
            crate::rules::preview::preview_drops(doc, id, &days, series, kind)
                .into_iter()
                .map(|v| (v.date, v))
                .collect()
        };
        self.drag = Some(views::DragView {
            id,
            title: workout.display_title(),
            base_form: self.derived.overview.race_morning_form,
            moves: by_day(crate::rules::preview::DropKind::Move),
            copies: by_day(crate::rules::preview::DropKind::Copy),
        });
    }

    /// The drag in progress, if any.
    pub fn drag(&self) -> Option<&views::DragView> {
        self.drag.as_ref()
    }

    /// Makes `session` the open one, with a fresh view of it.
    fn replace_session(&mut self, session: Session) {
        self.calendar = views::CalendarState::around(self.today, session.document());
        self.session = session;
        self.generation += 1;
        self.selected = None;
        self.refresh_derived();
    }

    /// The selected workout.
    pub fn selected_workout(&self) -> Option<WorkoutId> {
        self.selected
    }

    /// The window title for the current state: athlete, file name, and `*` when modified.
    pub fn title(&self) -> String {
        let file = self.session.path().and_then(Path::file_name).map_or_else(
            || "untitled".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let marker = if self.session.is_modified() { " *" } else { "" };
        format!(
            "{} - {}{} - Stride",
            self.session.document().athlete.name,
            file,
            marker
        )
    }

    /// Queues a command, as a view would.
    pub fn push(&mut self, command: AppCommand) {
        self.commands.push(command);
    }

    /// Draws one frame into `ui` and carries out what the user asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.refresh_derived();
        // A drag that ended anywhere but on a day (or was cancelled) leaves nothing behind.
        if self.drag.is_some() && !egui::DragAndDrop::has_any_payload(&ctx) {
            self.drag = None;
        }
        self.read_shortcuts(&ctx);
        self.poll_dialogs(&ctx);
        self.watch_close_request(&ctx);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            views::menu_bar_ui(
                ui,
                &self.session,
                &self.ui_state,
                self.selected.is_some(),
                &mut self.commands,
            );
        });
        egui::Panel::top("readiness_banner").show(ui, |ui| {
            views::readiness_banner_ui(
                ui,
                &self.derived.readiness,
                self.session.document().active_plan().is_some(),
                &mut self.commands,
            );
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            views::status_bar_ui(ui, &self.session, self.status_message());
        });
        egui::Panel::left("athlete_panel")
            .default_size(230.0)
            .show(ui, |ui| {
                views::athlete_panel_ui(
                    ui,
                    self.session.document(),
                    &self.derived.overview,
                    self.today,
                    &mut self.commands,
                );
            });
        egui::Panel::right("workout_panel")
            .default_size(300.0)
            .show(ui, |ui| {
                views::workout_editor_ui(
                    ui,
                    &mut self.editor,
                    self.session.document(),
                    self.selected,
                    (self.generation, self.session.revision()),
                    &mut self.commands,
                );
            });
        egui::Panel::bottom("charts_panel")
            .resizable(true)
            .default_size(150.0)
            .show(ui, |ui| views::charts_ui(ui, &self.derived.overview));
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut self.tab, CentralTab::Calendar, "Calendar");
                ui.selectable_value(&mut self.tab, CentralTab::History, "History");
                ui.selectable_value(&mut self.tab, CentralTab::Charts, "Charts");
                ui.selectable_value(&mut self.tab, CentralTab::Season, "Season");
            });
            ui.separator();
            match self.tab {
                CentralTab::Calendar => views::calendar_ui(
                    ui,
                    &views::CalendarView {
                        doc: self.session.document(),
                        overview: &self.derived.overview,
                        today: self.today,
                        selected: self.selected,
                        drag: self.drag.as_ref(),
                        preview: self
                            .suggestion_hover
                            .and_then(|i| self.derived.suggestions.get(i))
                            .map(|s| s.changes.as_slice()),
                    },
                    &mut self.calendar,
                    &mut self.commands,
                ),
                CentralTab::History => views::history_ui(
                    ui,
                    self.session.document(),
                    (self.generation, self.session.revision()),
                    self.today,
                    &mut self.history,
                    &mut self.commands,
                ),
                CentralTab::Charts => views::charts_tab_ui(
                    ui,
                    self.session.document(),
                    &self.derived.charts,
                    &mut self.charts,
                    &mut self.commands,
                ),
                CentralTab::Season => {
                    views::season_ui(ui, self.session.document(), self.today, &mut self.commands);
                }
            }
        });

        self.form_window(&ctx);
        self.plan_form_window(&ctx);
        self.unsaved_changes_modal(&ctx);
        self.path_prompt_window(&ctx);
        self.checkin_window(&ctx);
        self.activity_window(&ctx);
        self.recovery_window(&ctx);
        self.adapt_window(&ctx);
        self.season_window(&ctx);
        self.import_window(&ctx);
        self.import_summary_window(&ctx);
        self.export_window(&ctx);
        self.recovery_offer_window(&ctx);
        self.error_window(&ctx);

        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // What the commands changed is drawn in the next frame.
            ctx.request_repaint();
        }
        for command in commands {
            self.run(command, &ctx);
        }
        self.autosave_tick(&ctx);
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() && self.form.is_some() {
            return;
        }
        for (shortcut, command) in AppCommand::keyboard() {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
        let modal_open =
            self.form.is_some() || self.pending.is_some() || self.path_prompt.is_some();
        if !ctx.egui_wants_keyboard_input() && !modal_open {
            for (shortcut, command) in AppCommand::selection_keys() {
                if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    self.commands.push(command);
                }
            }
        }
    }

    fn watch_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_confirmed
            && self.session.is_modified()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(PendingAction::Quit);
        }
    }

    /// Carries out one command. This is the only place the session changes.
    fn run(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::NewAthlete => self.unless_unsaved(PendingAction::NewAthlete, ctx),
            AppCommand::Open => self.unless_unsaved(PendingAction::Open, ctx),
            AppCommand::OpenPath(path) => self.unless_unsaved(PendingAction::OpenPath(path), ctx),
            AppCommand::Quit => {
                if self.session.is_modified() {
                    self.pending = Some(PendingAction::Quit);
                } else {
                    self.carry_on(PendingAction::Quit, ctx);
                }
            }
            AppCommand::Save => {
                self.save(None);
            }
            AppCommand::SaveAs => self.ask_save_as(None),
            AppCommand::Undo => {
                if let Some(label) = self.session.undo_label().map(str::to_owned) {
                    self.session.undo();
                    self.set_status(format!("Undid {label}"));
                }
            }
            AppCommand::Redo => {
                if let Some(label) = self.session.redo_label().map(str::to_owned) {
                    self.session.redo();
                    self.set_status(format!("Redid {label}"));
                }
            }
            AppCommand::NewPlan => {
                self.plan_form = Some(super::plan_form::PlanForm::for_document(
                    self.session.document(),
                    self.today,
                ));
            }
            AppCommand::EditProfile => {
                let form = ProfileForm::from_athlete(&self.session.document().athlete);
                self.form = Some((FormMode::Edit, form));
            }
            AppCommand::Apply(edit) => self.apply(edit),
            AppCommand::SelectWorkout(id) => self.selected = id,
            AppCommand::ShowDay(day) => self.show_day(day),
            AppCommand::ExportChart { from, to } => {
                self.dialogs.start(DialogRequest {
                    purpose: DialogPurpose::ExportChart { from, to },
                    save: true,
                    suggested_name: "fitness-fatigue-form.png".to_owned(),
                    directory: self.current_folder(),
                });
            }
            AppCommand::MoveSelection(days) => self.move_selection(days),
            AppCommand::CheckIn => self.open_check_in(self.today),
            AppCommand::CheckInOn(day) => self.open_check_in(day),
            AppCommand::LogActivity(activity) => {
                let units = self.session.document().athlete.units;
                self.activity_form = Some(match activity {
                    Some(a) => super::activity_form::ActivityForm::new(*a, units, true),
                    None => super::activity_form::ActivityForm::blank(self.today, units),
                });
            }
            AppCommand::MarkDone(id) => {
                let doc = self.session.document();
                if let Some(w) = doc.active_plan().and_then(|p| p.workout(id)) {
                    let a = crate::model::Activity::from_planned(w);
                    self.activity_form = Some(super::activity_form::ActivityForm::new(
                        a,
                        doc.athlete.units,
                        false,
                    ));
                }
            }
            AppCommand::ShowRecovery => self.recovery_open = true,
            AppCommand::ImportActivities => {
                self.dialogs.start(DialogRequest {
                    purpose: DialogPurpose::ImportFiles,
                    save: false,
                    suggested_name: String::new(),
                    directory: self.current_folder(),
                });
            }
            AppCommand::ImportFolder => {
                self.dialogs.start(DialogRequest {
                    purpose: DialogPurpose::ImportFolder,
                    save: false,
                    suggested_name: String::new(),
                    directory: self.current_folder(),
                });
            }
            AppCommand::ExportPlan => self.choose_export(),
            AppCommand::AdaptPlan => {
                self.refresh_derived();
                let doc = self.session.document();
                self.adaptation = Some(
                    crate::readiness::adapt_from_today(doc, self.today, &self.derived.readiness)
                        .map_err(|e| e.to_string()),
                );
            }
            AppCommand::AddRace(day) => {
                self.season_form = Some(super::season_form::SeasonForm::race(day));
            }
            AppCommand::Away(day) => {
                self.season_form = Some(super::season_form::SeasonForm::away(day));
            }
            AppCommand::Sick(day) => {
                self.season_form = Some(super::season_form::SeasonForm::sick(day));
            }
            AppCommand::PlanAnotherRace => {
                self.plan_form = Some(super::plan_form::PlanForm::for_another_race(
                    self.session.document(),
                    self.today,
                ));
            }
            AppCommand::MakeActivePlan(index) => self.make_active_plan(index),
            AppCommand::DeleteSelected => {
                if let Some(id) = self.selected.take() {
                    self.apply(Edit::DeleteWorkout(id));
                }
            }
            AppCommand::DuplicateSelected => {
                let workout = self.selected_workout_in_plan();
                if let Some(w) = workout {
                    self.apply(Edit::CopyWorkout {
                        id: w.id,
                        to: w.date,
                    });
                }
            }
            AppCommand::BeginDrag(id) => self.begin_drag(id),
            AppCommand::Drop { id, to, copy, swap } => {
                self.drag = None;
                let from = self
                    .session
                    .document()
                    .active_plan()
                    .and_then(|p| p.workout(id))
                    .map(|w| w.date);
                let edit = match from {
                    Some(from) if swap => Edit::SwapDays { a: from, b: to },
                    _ if copy => Edit::CopyWorkout { id, to },
                    Some(from) if from == to => return,
                    _ => Edit::MoveWorkout { id, to },
                };
                self.apply(edit);
            }
        }
    }

    fn unless_unsaved(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.session.is_modified() {
            self.pending = Some(action);
        } else {
            self.carry_on(action, ctx);
        }
    }

    /// Does an action whose unsaved-changes question has been answered (or did not arise).
    fn carry_on(&mut self, action: PendingAction, ctx: &egui::Context) {
        match action {
            PendingAction::NewAthlete => {
                self.form = Some((
                    FormMode::New,
                    ProfileForm::from_athlete(&Athlete::example()),
                ));
            }
            PendingAction::Open => {
                self.dialogs.start(DialogRequest {
                    purpose: DialogPurpose::Open,
                    save: false,
                    suggested_name: String::new(),
                    directory: self.current_folder(),
                });
            }
            PendingAction::OpenPath(path) => self.open(&path),
            PendingAction::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn current_folder(&self) -> Option<PathBuf> {
        self.session
            .path()
            .or(self.ui_state.recent_files.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            .map(Path::to_owned)
    }

    fn open(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(session) => {
                self.replace_session(session);
                self.ui_state.remember(path);
                self.set_status(format!("Opened {}", path.display()));
            }
            Err(e) => {
                self.error = Some(format!("{e}\n\nThe open document is unchanged."));
            }
        }
    }

    /// Saves to `path` (or the session's file); returns true when the document is saved.
    fn save(&mut self, path: Option<&Path>) -> bool {
        let result = match (path, self.session.path()) {
            (Some(path), _) => self.session.save_as(path),
            (None, Some(_)) => self.session.save(),
            (None, None) => {
                self.ask_save_as(None);
                return false;
            }
        };
        match result {
            Ok(()) => {
                let saved = self.session.path().map(Path::to_owned);
                if let Some(saved) = saved {
                    self.ui_state.remember(&saved);
                    let time = chrono::Local::now().format("%H:%M");
                    self.set_status(format!("Saved {} at {time}", saved.display()));
                }
                true
            }
            Err(e) => {
                self.error = Some(format!("{e}\n\nNothing was overwritten."));
                false
            }
        }
    }

    fn ask_save_as(&mut self, then: Option<PendingAction>) {
        let suggested_name = self.session.path().and_then(Path::file_name).map_or_else(
            || suggested_file_name(&self.session.document().athlete.name),
            |n| n.to_string_lossy().into_owned(),
        );
        self.dialogs.start(DialogRequest {
            purpose: DialogPurpose::SaveAs { then },
            save: true,
            suggested_name,
            directory: self.current_folder(),
        });
    }

    fn poll_dialogs(&mut self, ctx: &egui::Context) {
        let Some((request, answer)) = self.dialogs.poll() else {
            return;
        };
        match answer {
            DialogAnswer::Chosen(path) => self.dialog_chosen(request, path, ctx),
            DialogAnswer::ChosenMany(paths) => match request.purpose {
                DialogPurpose::ImportFiles | DialogPurpose::ImportFolder => {
                    self.start_import(paths, ctx);
                }
                _ => {
                    if let Some(first) = paths.into_iter().next() {
                        self.dialog_chosen(request, first, ctx);
                    }
                }
            },
            DialogAnswer::Cancelled => {}
            DialogAnswer::Unavailable(reason) => {
                let name = if request.save {
                    request.suggested_name.clone()
                } else {
                    String::new()
                };
                let text = match self.current_folder() {
                    Some(dir) => dir.join(name).display().to_string(),
                    None => name,
                };
                self.path_prompt = Some(PathPrompt {
                    focused: false,
                    request,
                    reason,
                    text,
                });
            }
        }
    }

    fn dialog_chosen(&mut self, request: DialogRequest, path: PathBuf, ctx: &egui::Context) {
        match request.purpose {
            DialogPurpose::Open => self.open(&path),
            DialogPurpose::SaveAs { then } => {
                let saved = self.save(Some(&with_ron_extension(path)));
                if let (true, Some(action)) = (saved, then) {
                    self.carry_on(action, ctx);
                }
            }
            DialogPurpose::ImportFiles | DialogPurpose::ImportFolder => {
                self.start_import(vec![path], ctx);
            }
            DialogPurpose::ExportPlan(format) => self.export_to(format, &path),
            DialogPurpose::ExportChart { from, to } => {
                let data = self.derived.charts.data();
                let range = (from as f64, to as f64);
                let size = crate::storage::chart_image::ImageSize::default();
                match crate::storage::chart_image::export_fitness_chart(data, range, size, &path) {
                    Ok(()) => self.set_status(format!("Saved the chart to {}", path.display())),
                    Err(e) => self.error = Some(format!("{e}\n\nNothing was overwritten.")),
                }
            }
        }
    }

    fn set_status(&mut self, text: String) {
        self.status = Some(StatusMessage { text });
    }
}

/// The user's answer about unsaved changes.
enum Choice {
    Save,
    Discard,
    Cancel,
}

/// A file name from an athlete's name: `Anna K.` -> `anna-k.ron`.
pub fn suggested_file_name(name: &str) -> String {
    let slug: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "athlete.ron".to_owned()
    } else {
        format!("{slug}.ron")
    }
}

/// Adds `.ron` to a chosen save path that has no extension.
fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path
    }
}

//! The application: its state, split by what each part does.
//!
//! - here: the app's state and what tests and `main` read of it;
//! - [`frame`]: one frame's layout, the keyboard, and the close button;
//! - [`run`]: the one place requests are carried out and the session changes;
//! - [`files`]: open, save, the file dialogs and the unsaved-changes question;
//! - [`windows`], [`recovery`], [`season`], [`transfer`], [`autosave`]: the windows over the
//!   main view and the background work. They read the state and push [`Request`]s; none of
//!   them changes the session itself.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::commands::Request;
use super::dialogs::{DialogAnswer, DialogPurpose, DialogRequest, FileDialogs};
use super::profile_form::{FormOutcome, ProfileForm, profile_form_ui};
use super::state::{CentralTab, PendingAction, UiState, UnsavedChoice};
use super::views;
use crate::model::{Athlete, AthleteDocument, WorkoutId};
use crate::readiness::{Adaptation, Readiness, Suggestion};
use crate::rules::preview::DropKind;
use crate::session::derived::Derived;
use crate::session::drag::DragPreview;
use crate::session::overview::Overview;
use crate::session::{Edit, Session};
use crate::storage;

mod autosave;
mod files;
mod frame;
mod recovery;
mod run;
mod season;
mod transfer;
mod windows;

pub use files::suggested_file_name;

/// Which profile form is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FormMode {
    New,
    Edit,
}

/// A typed-path prompt, used when no native dialog can be shown.
struct PathPrompt {
    request: DialogRequest,
    reason: String,
    text: String,
    /// Whether the field has been given the keyboard focus yet.
    focused: bool,
}

/// A window over the top of the central view, clear of the menus and the banner, where the
/// eye already is; it can be moved from there.
fn window_over_calendar<'a>(title: &'a str, ctx: &egui::Context) -> egui::Window<'a> {
    let top = ctx.content_rect().center_top() + egui::vec2(0.0, 90.0);
    egui::Window::new(title)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(top)
}

/// What is left as it was after a failure, said after the error so the user knows nothing
/// was lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kept {
    /// A save or export failed: the file on disk is as it was.
    NothingOverwritten,
    /// An open failed: the document in the window is as it was.
    DocumentUnchanged,
    /// The file given at start could not be opened: the demo is open instead.
    DemoInstead,
    /// The message says it all.
    Said,
}

/// The derived state ([`Derived`]) with the document state it was worked out for, and the
/// window's own cache of the chart lines.
struct DerivedView {
    generation: u64,
    revision: u64,
    core: Derived,
    charts: views::ChartCache,
}

impl DerivedView {
    fn compute(doc: &AthleteDocument, today: NaiveDate, key: (u64, u64)) -> Self {
        let core = Derived::compute(doc, today);
        DerivedView {
            generation: key.0,
            revision: key.1,
            charts: views::ChartCache::new(doc, core.charts.clone(), &core.overview.model),
            core,
        }
    }
}

/// The Stride window.
pub struct StrideApp {
    session: Session,
    /// Counts session replacements (open, new), so derived data knows when to recompute.
    generation: u64,
    derived: DerivedView,
    today: NaiveDate,
    dialogs: Box<dyn FileDialogs>,
    ui_state: UiState,
    form: Option<(FormMode, ProfileForm)>,
    plan_form: Option<super::plan_form::PlanForm>,
    pending: Option<PendingAction>,
    path_prompt: Option<PathPrompt>,
    error: Option<String>,
    status: Option<String>,
    selected: Option<WorkoutId>,
    tab: CentralTab,
    calendar: views::CalendarState,
    drag: Option<DragPreview>,
    /// What a drop would do with the keys held in this frame.
    drop_kind: DropKind,
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
    requests: Vec<Request>,
}

impl StrideApp {
    /// The app on a document; `today` anchors the calendar.
    pub fn new(session: Session, today: NaiveDate, dialogs: Box<dyn FileDialogs>) -> Self {
        let calendar = views::CalendarState::around(today, session.document());
        let derived = DerivedView::compute(session.document(), today, (0, session.revision()));
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
            drop_kind: DropKind::Move,
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
            requests: Vec::new(),
        }
    }

    /// The app on the bundled demo athlete, its dates moved to run around `today`.
    pub fn with_demo(today: NaiveDate, dialogs: Box<dyn FileDialogs>) -> Self {
        match storage::demo_document(today) {
            Ok(doc) => StrideApp::new(Session::new(doc, None), today, dialogs),
            Err(e) => {
                let doc = AthleteDocument::new(Athlete::example());
                let mut app = StrideApp::new(Session::new(doc, None), today, dialogs);
                app.show_error(
                    format!("The demo athlete could not be loaded: {e}"),
                    Kept::Said,
                );
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
                app.show_error(e, Kept::DemoInstead);
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
        self.status.as_deref()
    }

    /// The derived numbers shown for the current document.
    pub fn overview(&self) -> &Overview {
        &self.derived.core.overview
    }

    /// The readiness shown in the banner.
    pub fn readiness(&self) -> &Readiness {
        &self.derived.core.readiness
    }

    /// The data the Charts tab draws: the whole season's.
    pub fn chart_data(&self) -> &crate::science::charts::ChartData {
        &self.derived.core.charts
    }

    /// The plan changes suggested for the current warning signs.
    pub fn suggestions(&self) -> &[Suggestion] {
        &self.derived.core.suggestions
    }

    /// The drag in progress, if any.
    pub fn drag(&self) -> Option<&DragPreview> {
        self.drag.as_ref()
    }

    /// What the label at the pointer says a drop on `day` would do now, with the keys held in
    /// the last frame: the words the drop then puts in the status bar and the Undo menu.
    pub fn drop_label(&self, day: NaiveDate) -> Option<String> {
        let drag = self.drag.as_ref()?;
        Some(drag.describe(self.session.document(), self.drop_kind, Some(day)))
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

    /// Queues a request, as a view would; it is carried out after the next frame is drawn.
    pub fn push(&mut self, request: impl Into<Request>) {
        self.requests.push(request.into());
    }

    /// Recomputes derived data if the document changed since it was last computed.
    fn refresh_derived(&mut self) {
        let key = (self.generation, self.session.revision());
        if (self.derived.generation, self.derived.revision) != key {
            self.derived = DerivedView::compute(self.session.document(), self.today, key);
        }
    }

    /// Shows an error once, in plain words, with what was kept as it was.
    fn show_error(&mut self, error: impl std::fmt::Display, kept: Kept) {
        let after = match kept {
            Kept::NothingOverwritten => "\n\nNothing was overwritten.",
            Kept::DocumentUnchanged => "\n\nThe open document is unchanged.",
            Kept::DemoInstead => "\n\nThe demo athlete is open instead.",
            Kept::Said => "",
        };
        self.error = Some(format!("{error}{after}"));
    }

    fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(text.into());
    }

    /// The folder file dialogs start in: the open document's, the last file's, or else the
    /// user's documents folder (home when there is none).
    fn current_folder(&self) -> Option<PathBuf> {
        self.session
            .path()
            .or(self.ui_state.recent_files.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| {
                let dirs = directories::UserDirs::new()?;
                let folder = dirs.document_dir().unwrap_or(dirs.home_dir());
                Some(folder.to_owned())
            })
    }

    /// A path typed in the path prompt, made whole: a relative one is taken from the folder
    /// the dialogs start in, as the prompt says.
    fn typed_path(&self, text: &str) -> PathBuf {
        let path = PathBuf::from(text.trim());
        match self.current_folder() {
            Some(folder) if path.is_relative() => folder.join(path),
            _ => path,
        }
    }
}

//! Native file dialogs behind one small interface.
//!
//! The app asks for a file with [`FileDialogs::start`] and picks up the answer with
//! [`FileDialogs::poll`] on a later frame, so the window never freezes while a dialog is open.
//! [`NativeDialogs`] runs rfd's dialog on a worker thread; [`FixedDialogs`] answers from a list,
//! for tests and scripted runs. When the desktop has no file-chooser service (no D-Bus session,
//! so no xdg-desktop-portal), the answer is [`DialogAnswer::Unavailable`] and the app asks for a
//! path in its own window instead.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// What a dialog is for; the app acts on the answer by this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Open an athlete document.
    Open,
    /// Save the document under a new name, then carry on with a pending action.
    SaveAs {
        /// The action that was waiting for the save (New, Open, Quit), if any.
        then: Option<super::state::PendingAction>,
    },
    /// Save the fitness, fatigue and form chart as PNG or SVG over these days (day
    /// numbers, see `science::charts::day_x`).
    ExportChart {
        /// First day shown.
        from: i64,
        /// Last day shown.
        to: i64,
    },
    /// Choose activity files (FIT, GPX, TCX, CSV) to import; several at once.
    ImportFiles,
    /// Choose a folder whose activity files are imported.
    ImportFolder,
    /// Where to export the active plan in this format (a folder for FIT workouts).
    ExportPlan(crate::export::ExportFormat),
}

/// A request for one dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogRequest {
    /// Why it is asked.
    pub purpose: DialogPurpose,
    /// True for a save dialog, false for an open dialog.
    pub save: bool,
    /// File name proposed in a save dialog.
    pub suggested_name: String,
    /// Folder to start in.
    pub directory: Option<PathBuf>,
}

/// What came back from a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The user chose this file.
    Chosen(PathBuf),
    /// The user chose these files (a dialog that allows several).
    ChosenMany(Vec<PathBuf>),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown; the message says why.
    Unavailable(String),
}

/// Shows file dialogs without blocking the frame loop.
pub trait FileDialogs {
    /// Starts a dialog. Only one is open at a time; a second request while one is open is
    /// ignored and returns false.
    fn start(&mut self, request: DialogRequest) -> bool;
    /// The answer to the open dialog, once there is one.
    fn poll(&mut self) -> Option<(DialogRequest, DialogAnswer)>;
    /// True while a dialog is open.
    fn is_open(&self) -> bool;
}

/// The operating system's dialogs (through rfd's xdg-desktop-portal backend on Linux), run on
/// a worker thread.
#[derive(Default)]
pub struct NativeDialogs {
    pending: Option<(DialogRequest, Receiver<DialogAnswer>)>,
    /// Asked to repaint when an answer arrives.
    repaint: Option<egui::Context>,
}

impl NativeDialogs {
    /// Dialogs that wake the given context when an answer arrives.
    pub fn new(repaint: egui::Context) -> Self {
        NativeDialogs {
            pending: None,
            repaint: Some(repaint),
        }
    }
}

/// Why no file-chooser can be shown here, if that can be told before trying.
fn portal_unavailable() -> Option<String> {
    if cfg!(target_os = "linux") {
        let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists());
        if !has_bus {
            return Some(
                "This desktop has no file-chooser service (xdg-desktop-portal over D-Bus), so \
                 type the file's path instead."
                    .to_owned(),
            );
        }
    }
    None
}

impl FileDialogs for NativeDialogs {
    fn start(&mut self, request: DialogRequest) -> bool {
        if self.pending.is_some() {
            return false;
        }
        let (sender, receiver) = channel();
        if let Some(reason) = portal_unavailable() {
            // The receiver is alive: this send cannot fail.
            let _ = sender.send(DialogAnswer::Unavailable(reason));
        } else {
            let job = request.clone();
            let repaint = self.repaint.clone();
            std::thread::spawn(move || {
                let mut dialog = match job.purpose {
                    DialogPurpose::ExportChart { .. } => rfd::FileDialog::new()
                        .add_filter("PNG image", &["png"])
                        .add_filter("SVG image", &["svg"]),
                    DialogPurpose::ImportFiles => rfd::FileDialog::new()
                        .add_filter(
                            "Activities and check-ins",
                            &["fit", "gpx", "tcx", "csv", "gz", "zip"],
                        )
                        .add_filter("All files", &["*"]),
                    DialogPurpose::ExportPlan(format) => {
                        rfd::FileDialog::new().add_filter(format.label(), &[format.extension()])
                    }
                    _ => rfd::FileDialog::new()
                        .add_filter("Stride athlete document", &["ron"])
                        .add_filter("All files", &["*"]),
                };
                if let Some(dir) = &job.directory {
                    dialog = dialog.set_directory(dir);
                }
                let folder = match job.purpose {
                    DialogPurpose::ImportFolder => true,
                    DialogPurpose::ExportPlan(format) => format.writes_folder(),
                    _ => false,
                };
                let answer = if folder {
                    dialog
                        .pick_folder()
                        .map_or(DialogAnswer::Cancelled, DialogAnswer::Chosen)
                } else if job.purpose == DialogPurpose::ImportFiles {
                    dialog
                        .pick_files()
                        .map_or(DialogAnswer::Cancelled, DialogAnswer::ChosenMany)
                } else if job.save {
                    dialog
                        .set_file_name(&job.suggested_name)
                        .save_file()
                        .map_or(DialogAnswer::Cancelled, DialogAnswer::Chosen)
                } else {
                    dialog
                        .pick_file()
                        .map_or(DialogAnswer::Cancelled, DialogAnswer::Chosen)
                };
                // The app may have quit meanwhile; then nobody needs the answer.
                let _ = sender.send(answer);
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        }
        self.pending = Some((request, receiver));
        true
    }

    fn poll(&mut self) -> Option<(DialogRequest, DialogAnswer)> {
        let (_, receiver) = self.pending.as_ref()?;
        let answer = match receiver.try_recv() {
            Ok(answer) => answer,
            Err(std::sync::mpsc::TryRecvError::Empty) => return None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => DialogAnswer::Unavailable(
                "The file dialog closed unexpectedly; type the file's path instead.".to_owned(),
            ),
        };
        self.pending.take().map(|(request, _)| (request, answer))
    }

    fn is_open(&self) -> bool {
        self.pending.is_some()
    }
}

/// Dialogs that answer from a fixed list, in order; when the list is used up they answer
/// [`DialogAnswer::Cancelled`]. For tests and scripted runs.
#[derive(Debug, Default)]
pub struct FixedDialogs {
    answers: VecDeque<DialogAnswer>,
    pending: Option<DialogRequest>,
    /// Every request made so far, for tests to inspect.
    pub requests: Vec<DialogRequest>,
}

impl FixedDialogs {
    /// Dialogs that will answer with these files, one per request.
    pub fn choosing(paths: impl IntoIterator<Item = PathBuf>) -> Self {
        Self::answering(paths.into_iter().map(DialogAnswer::Chosen))
    }

    /// Dialogs that will give these answers, one per request.
    pub fn answering(answers: impl IntoIterator<Item = DialogAnswer>) -> Self {
        FixedDialogs {
            answers: answers.into_iter().collect(),
            pending: None,
            requests: Vec::new(),
        }
    }
}

impl FileDialogs for FixedDialogs {
    fn start(&mut self, request: DialogRequest) -> bool {
        if self.pending.is_some() {
            return false;
        }
        self.requests.push(request.clone());
        self.pending = Some(request);
        true
    }

    fn poll(&mut self) -> Option<(DialogRequest, DialogAnswer)> {
        let request = self.pending.take()?;
        let answer = self.answers.pop_front().unwrap_or(DialogAnswer::Cancelled);
        Some((request, answer))
    }

    fn is_open(&self) -> bool {
        self.pending.is_some()
    }
}

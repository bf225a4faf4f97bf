//! Files: open and save, the file dialogs' answers, and the unsaved-changes question.

use super::*;

impl StrideApp {
    /// Does `action` now, or first asks about unsaved changes.
    pub(super) fn unless_unsaved(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.session.is_modified() {
            self.pending = Some(action);
        } else {
            self.carry_on(action, ctx);
        }
    }

    /// Does an action whose unsaved-changes question has been answered (or did not arise).
    pub(super) fn carry_on(&mut self, action: PendingAction, ctx: &egui::Context) {
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

    /// Carries out the answer to the unsaved-changes question.
    pub(super) fn decide(
        &mut self,
        action: PendingAction,
        choice: UnsavedChoice,
        ctx: &egui::Context,
    ) {
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => self.carry_on(action, ctx),
            UnsavedChoice::Save if self.session.path().is_some() => {
                if self.save(None) {
                    self.carry_on(action, ctx);
                }
            }
            UnsavedChoice::Save => self.ask_save_as(Some(action)),
        }
    }

    fn open(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(session) => {
                self.replace_session(session);
                self.ui_state.remember(path);
                self.set_status(format!("Opened {}", path.display()));
            }
            Err(e) => {
                self.show_error(e, Kept::DocumentUnchanged);
            }
        }
    }

    /// Saves to `path` (or the session's file); returns true when the document is saved.
    pub(super) fn save(&mut self, path: Option<&Path>) -> bool {
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
                self.show_error(e, Kept::NothingOverwritten);
                false
            }
        }
    }

    pub(super) fn ask_save_as(&mut self, then: Option<PendingAction>) {
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

    /// Passes a file dialog's answer on as a request, to be carried out with the others.
    pub(super) fn poll_dialogs(&mut self) {
        if let Some((request, answer)) = self.dialogs.poll() {
            self.requests.push(Request::Answer { request, answer });
        }
    }

    /// Carries out the answer of a file dialog.
    pub(super) fn dialog_answered(
        &mut self,
        request: DialogRequest,
        answer: DialogAnswer,
        ctx: &egui::Context,
    ) {
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

    pub(super) fn dialog_chosen(
        &mut self,
        request: DialogRequest,
        path: PathBuf,
        ctx: &egui::Context,
    ) {
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
                let data = &self.derived.core.charts;
                let range = (from as f64, to as f64);
                let size = crate::storage::chart_image::ImageSize::default();
                match crate::storage::chart_image::export_fitness_chart(data, range, size, &path) {
                    Ok(()) => self.set_status(format!("Saved the chart to {}", path.display())),
                    Err(e) => self.show_error(e, Kept::NothingOverwritten),
                }
            }
        }
    }
    /// Asks for files (or a folder) to import.
    pub(super) fn ask_import(&mut self, folder: bool) {
        self.dialogs.start(DialogRequest {
            purpose: if folder {
                DialogPurpose::ImportFolder
            } else {
                DialogPurpose::ImportFiles
            },
            save: false,
            suggested_name: String::new(),
            directory: self.current_folder(),
        });
    }
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

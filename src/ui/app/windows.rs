//! The app's windows: the profile and New plan forms, the unsaved-changes question, the
//! typed-path prompt and the error message.

use std::path::Path;

use super::*;

impl StrideApp {
    pub(super) fn form_window(&mut self, ctx: &egui::Context) {
        let Some((mode, form)) = &mut self.form else {
            return;
        };
        let (title, confirm) = match mode {
            FormMode::New => ("New athlete", "Create"),
            FormMode::Edit => ("Athlete profile", "Apply"),
        };
        let mut outcome = FormOutcome::Editing;
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| outcome = profile_form_ui(ui, form, confirm));
        let mode = *mode;
        match outcome {
            FormOutcome::Editing => {}
            FormOutcome::Cancelled => self.form = None,
            FormOutcome::Accepted(athlete) => {
                self.form = None;
                match mode {
                    FormMode::New => {
                        self.requests
                            .push(Request::OpenCreated(Box::new(AthleteDocument::new(
                                athlete,
                            ))))
                    }
                    FormMode::Edit => self
                        .requests
                        .push(Request::Apply(Edit::SetAthlete(athlete))),
                }
            }
        }
    }

    pub(super) fn plan_form_window(&mut self, ctx: &egui::Context) {
        let Some(form) = &mut self.plan_form else {
            return;
        };
        let mut outcome = crate::ui::plan_form::PlanFormOutcome::Editing;
        let title = if form.add_to_season {
            "New plan for the season"
        } else {
            "New plan"
        };
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                outcome = crate::ui::plan_form::plan_form_ui(ui, form)
            });
        match outcome {
            crate::ui::plan_form::PlanFormOutcome::Editing => {}
            crate::ui::plan_form::PlanFormOutcome::Cancelled => self.plan_form = None,
            crate::ui::plan_form::PlanFormOutcome::Generate => self.generate_plan(),
            crate::ui::plan_form::PlanFormOutcome::Use(i) => self.use_candidate(i),
        }
    }

    /// Takes one of the optimiser's candidates shown in the New plan form.
    fn use_candidate(&mut self, index: usize) {
        let Some(form) = &mut self.plan_form else {
            return;
        };
        let Some(chosen) = form.candidates.get(index).cloned() else {
            return;
        };
        let Ok(input) = form.input(self.session.document()) else {
            return;
        };
        self.adopt_plan(chosen.plan, &input);
    }

    /// Runs the generator from the New plan form, or with "Optimise for race day" the
    /// optimiser, whose candidates the form then shows.
    fn generate_plan(&mut self) {
        let Some(form) = &mut self.plan_form else {
            return;
        };
        let doc = self.session.document();
        let input = match form.input(doc) {
            Ok(input) => input,
            Err(errors) => {
                form.errors = errors;
                return;
            }
        };
        let made = if form.optimize {
            crate::generator::optimize::optimize_for_document(&input, doc).map(|found| {
                form.standard_vdot = Some((found.standard.vdot.0, found.worthwhile_vdot));
                form.candidates = found.tapers;
                None
            })
        } else {
            crate::generator::generate_with_history(&input, &doc.settings, Some(&doc.history))
                .map(Some)
        };
        match made {
            Ok(Some(plan)) => self.adopt_plan(plan, &input),
            Ok(None) => form.errors.clear(),
            Err(e) => {
                form.errors.clear();
                let field = match e.field {
                    "race" | "race_date" | "start" | "weekly_volume_km" | "vdot"
                    | "available_weekdays" | "long_run_day" => e.field,
                    _ => "other",
                };
                form.errors.insert(field, e.message);
            }
        }
    }

    /// Makes a plan from the New plan form the active one; keeps hand-placed workouts where
    /// the rules allow, and says which it could not keep. A plan for another race of the
    /// season is added beside the active one instead.
    fn adopt_plan(&mut self, plan: crate::model::Plan, input: &crate::generator::GeneratorInput) {
        if self.plan_form.take_if(|f| f.add_to_season).is_some() {
            let summary = format!(
                "Added \"{}\" to the season: make it the active plan in the Season view",
                plan.name
            );
            self.requests.push(Request::Apply(Edit::AddPlan(plan)));
            self.requests.push(Request::Say(summary));
            return;
        }
        let doc = self.session.document();
        let (plan, dropped) = match doc.active_plan() {
            Some(old) => crate::generator::keep_locked(plan, old, &input.athlete, &doc.settings),
            None => (plan, Vec::new()),
        };
        let kept_note = if dropped.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = dropped
                .iter()
                .map(|w| format!("{} on {}", w.display_title(), w.date.format("%a %-d %b")))
                .collect();
            format!(
                "; could not keep {} (the rules would break)",
                names.join(", ")
            )
        };
        let summary = format!("New plan: {} workouts{kept_note}", plan.workouts.len());
        self.plan_form = None;
        self.calendar = views::CalendarState::around(self.today, self.session.document());
        self.requests.push(Request::Apply(Edit::SetPlan(plan)));
        self.requests.push(Request::Say(summary));
    }

    pub(super) fn unsaved_changes_modal(&mut self, ctx: &egui::Context) {
        let Some(action) = self.pending.clone() else {
            return;
        };
        let name = self.session.path().and_then(Path::file_name).map_or_else(
            || "this athlete".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ctx, |ui| {
            ui.heading("Unsaved changes");
            ui.label(format!("Save the changes to {name} first?"));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(UnsavedChoice::Save);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(UnsavedChoice::Discard);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    choice = Some(UnsavedChoice::Cancel);
                }
            });
        });
        let Some(choice) = choice else {
            return;
        };
        self.pending = None;
        self.requests.push(Request::Decide { action, choice });
    }

    pub(super) fn path_prompt_window(&mut self, ctx: &egui::Context) {
        let whole = match &self.path_prompt {
            None => return,
            Some(p) if p.text.trim().is_empty() => None,
            Some(p) => Some(self.typed_path(&p.text)),
        };
        let Some(prompt) = &mut self.path_prompt else {
            return;
        };
        let (title, field, hint) = match &prompt.request.purpose {
            DialogPurpose::Open => ("Open", "File path", "/home/you/anna.ron"),
            DialogPurpose::SaveAs { .. } => ("Save as", "File path", "/home/you/anna.ron"),
            DialogPurpose::ExportChart { .. } => ("Save chart", "File path", "/home/you/chart.png"),
            DialogPurpose::ImportFiles | DialogPurpose::ImportFolder => (
                "Import activities",
                "File or folder path",
                "/home/you/watch-exports",
            ),
            DialogPurpose::ExportPlan(format) if format.writes_folder() => {
                ("Export plan", "Folder path", "/home/you/workouts")
            }
            DialogPurpose::ExportPlan(_) => ("Export plan", "File path", "/home/you/plan"),
        };
        let mut answer = None;
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(&prompt.reason);
                let label = ui.label(field);
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut prompt.text)
                            .hint_text(hint)
                            .desired_width(360.0),
                    )
                    .labelled_by(label.id);
                if !std::mem::replace(&mut prompt.focused, true) {
                    edit.request_focus();
                }
                if let Some(whole) = &whole {
                    ui.weak(format!("Full path: {}", whole.display()));
                }
                let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let ok =
                        ui.add_enabled(!prompt.text.trim().is_empty(), egui::Button::new("OK"));
                    if ok.clicked() || (entered && !prompt.text.trim().is_empty()) {
                        answer = Some(true);
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(false);
                    }
                });
            });
        match answer {
            Some(true) => {
                if let Some(prompt) = self.path_prompt.take() {
                    let path = self.typed_path(&prompt.text);
                    self.requests.push(Request::Answer {
                        request: prompt.request,
                        answer: DialogAnswer::Chosen(path),
                    });
                }
            }
            Some(false) => self.path_prompt = None,
            None => {}
        }
    }

    pub(super) fn error_window(&mut self, ctx: &egui::Context) {
        let Some(message) = &self.error else {
            return;
        };
        let mut close = false;
        egui::Window::new("Problem")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.set_max_width(480.0);
                ui.colored_label(ui.visuals().error_fg_color, message.as_str());
                ui.add_space(6.0);
                if ui.button("OK").clicked() {
                    close = true;
                }
            });
        if close {
            self.error = None;
        }
    }
}

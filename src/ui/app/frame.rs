//! One frame: the panels and the central view, the windows over them, the keyboard, and the
//! window's close button. Drawing only reads the state and pushes requests; they are carried
//! out at the end of the frame ([`StrideApp::run`]).

use super::*;
use crate::rules::preview::DropKind;
use crate::ui::commands::{Command, KeyScope};

impl StrideApp {
    /// Draws one frame into `ui` and carries out what the user asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.refresh_derived();
        // A drag that ended anywhere but on a day (or was cancelled) leaves nothing behind.
        if self.drag.is_some() && !egui::DragAndDrop::has_any_payload(&ctx) {
            self.drag = None;
        }
        // The keys held say what a drop would do; its verdicts are worked out the first time.
        self.drop_kind = ctx.input(|i| DropKind::from_keys(i.modifiers.command, i.modifiers.shift));
        if let Some(drag) = &mut self.drag {
            drag.prepare(self.session.document(), &self.derived.core, self.drop_kind);
        }
        self.read_shortcuts(&ctx);
        self.poll_dialogs();
        self.watch_close_request(&ctx);
        self.panels_ui(ui);
        self.windows_ui(&ctx);

        let requests = std::mem::take(&mut self.requests);
        if !requests.is_empty() {
            // What the requests changed is drawn in the next frame.
            ctx.request_repaint();
        }
        for request in requests {
            self.run(request, &ctx);
        }
        self.autosave_tick(&ctx);
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// The menu bar, banner, status bar, side panels, charts strip and the central tabs.
    fn panels_ui(&mut self, ui: &mut egui::Ui) {
        let derived = &self.derived.core;
        egui::Panel::top("menu_bar").show(ui, |ui| {
            let state = views::MenuState {
                session: &self.session,
                ui_state: &self.ui_state,
                has_selection: self.selected.is_some(),
            };
            views::menu_bar_ui(ui, &state, &mut self.requests);
        });
        egui::Panel::top("readiness_banner").show(ui, |ui| {
            views::readiness_banner_ui(
                ui,
                &derived.readiness,
                self.session.document().active_plan().is_some(),
                &mut self.requests,
            );
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            views::status_bar_ui(ui, &self.session, self.status.as_deref());
        });
        // The side panels take their share of the window, so the calendar keeps room for a
        // whole week even at the smallest window (900 px); either can be resized or hidden.
        let width = ui.ctx().content_rect().width();
        // What the panels may take between them, leaving the calendar its week.
        let spare = (width - views::CALENDAR_MIN_WIDTH).max(320.0);
        // Dragging a panel's edge past its smallest size hides it too.
        let mut athlete_shown = !self.ui_state.hide_athlete_panel;
        let mut workout_shown = !self.ui_state.hide_workout_panel;
        egui::Panel::left("athlete_panel")
            .resizable(true)
            .default_size((width * 0.19).clamp(150.0, 240.0).min(spare * 0.45))
            .size_range(140.0..=(spare * 0.45).max(140.0))
            .show_collapsible(ui, &mut athlete_shown, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    views::athlete_panel_ui(
                        ui,
                        self.session.document(),
                        &derived.overview,
                        self.today,
                        &mut self.requests,
                    );
                });
            });
        egui::Panel::right("workout_panel")
            .resizable(true)
            .default_size((width * 0.23).clamp(180.0, 300.0).min(spare * 0.55))
            .size_range(180.0..=(spare * 0.55).max(180.0))
            .show_collapsible(ui, &mut workout_shown, |ui| {
                views::workout_editor_ui(
                    ui,
                    &mut self.editor,
                    self.session.document(),
                    self.selected,
                    (self.generation, self.session.revision()),
                    &mut self.requests,
                );
            });
        self.ui_state.hide_athlete_panel = !athlete_shown;
        self.ui_state.hide_workout_panel = !workout_shown;
        egui::Panel::bottom("charts_panel")
            .resizable(true)
            .default_size(150.0)
            .show(ui, |ui| views::charts_ui(ui, &derived.overview));
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut self.tab, CentralTab::Calendar, "Calendar");
                ui.selectable_value(&mut self.tab, CentralTab::History, "History");
                ui.selectable_value(&mut self.tab, CentralTab::Charts, "Charts");
                ui.selectable_value(&mut self.tab, CentralTab::Season, "Season");
            });
            ui.separator();
            let doc = self.session.document();
            match self.tab {
                CentralTab::Calendar => views::calendar_ui(
                    ui,
                    &views::CalendarView {
                        doc,
                        overview: &derived.overview,
                        today: self.today,
                        selected: self.selected,
                        drag: self.drag.as_ref(),
                        drop_kind: self.drop_kind,
                        preview: self
                            .suggestion_hover
                            .and_then(|i| derived.suggestions.get(i))
                            .map(|s| s.changes.as_slice()),
                    },
                    &mut self.calendar,
                    &mut self.requests,
                ),
                CentralTab::History => views::history_ui(
                    ui,
                    doc,
                    (self.generation, self.session.revision()),
                    self.today,
                    &mut self.history,
                    &mut self.requests,
                ),
                // The charts scroll when the window is too short for all of them.
                CentralTab::Charts => {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        views::charts_tab_ui(
                            ui,
                            doc,
                            &self.derived.charts,
                            &mut self.charts,
                            &mut self.requests,
                        );
                    });
                }
                CentralTab::Season => {
                    views::season_ui(ui, doc, self.today, &mut self.requests);
                }
            }
        });
    }

    /// The windows over the main view, in the order they stack.
    fn windows_ui(&mut self, ctx: &egui::Context) {
        self.form_window(ctx);
        self.plan_form_window(ctx);
        self.unsaved_changes_modal(ctx);
        self.path_prompt_window(ctx);
        self.checkin_window(ctx);
        self.activity_window(ctx);
        self.recovery_window(ctx);
        self.adapt_window(ctx);
        self.season_window(ctx);
        self.import_window(ctx);
        self.import_summary_window(ctx);
        self.export_window(ctx);
        self.recovery_offer_window(ctx);
        self.error_window(ctx);
    }

    /// Pushes the commands whose shortcuts were pressed. The calendar's keys (arrows, Delete,
    /// Ctrl+D) are left to a text field that has the keyboard, and to open dialogs.
    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        if typing && self.form.is_some() {
            return;
        }
        let modal_open =
            self.form.is_some() || self.pending.is_some() || self.path_prompt.is_some();
        for (shortcut, command) in Command::keyboard() {
            if command.info().scope == KeyScope::Calendar && (typing || modal_open) {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.requests.push(command.into());
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
}

//! The model's settings under the form chart: the averaging, when form is taken, and the
//! fitness and fatigue time constants. A choice commits at once; a number commits when it is
//! confirmed (Enter or leaving the field), stepped with the arrow keys, or when a drag ends,
//! so each change is one undo step and a number being typed is never applied half-typed.

use super::cache::{form_label, model_label};
use crate::model::{FormConvention, LoadModel, Settings};
use crate::session::Edit;
use crate::ui::commands::Request;

/// The fields' ranges, days.
const FITNESS_DAYS: std::ops::RangeInclusive<u32> = 7..=90;
const FATIGUE_DAYS: std::ops::RangeInclusive<u32> = 2..=21;

/// A time constant in days: typing is applied only when confirmed; one day per arrow key.
fn days_field(
    ui: &mut egui::Ui,
    days: &mut u32,
    range: std::ops::RangeInclusive<u32>,
    label: egui::Id,
) -> egui::Response {
    ui.add(
        egui::DragValue::new(days)
            .range(range)
            .speed(1.0)
            .suffix(" days")
            .update_while_editing(false),
    )
    .labelled_by(label)
}

/// The model's settings, each change one undoable edit.
pub(super) fn model_settings_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    commands: &mut Vec<Request>,
) {
    egui::CollapsingHeader::new("Model settings").show(ui, |ui| {
        // While a number is dragged the changing value lives in a draft, committed when the
        // drag ends, so one drag is one undo step.
        let draft_id = egui::Id::unique("model_settings_draft");
        let draft: Option<Settings> = ui.ctx().data(|d| d.get_temp(draft_id));
        let mut next = draft.clone().unwrap_or_else(|| settings.clone());
        let mut dragging = false;
        egui::Grid::new("model_settings")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Averaging");
                egui::ComboBox::from_id_salt("load_model")
                    .selected_text(model_label(next.load_model))
                    .show_ui(ui, |ui| {
                        for model in LoadModel::ALL {
                            ui.selectable_value(&mut next.load_model, model, model_label(model));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Form convention");
                egui::ComboBox::from_id_salt("form_convention")
                    .selected_text(form_label(next.form_convention))
                    .show_ui(ui, |ui| {
                        for form in [FormConvention::StartOfDay, FormConvention::SameDay] {
                            ui.selectable_value(&mut next.form_convention, form, form_label(form));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Fitness days");
                dragging |= days_field(ui, &mut next.fitness_days, FITNESS_DAYS, l.id).dragged();
                ui.end_row();
                let l = ui.label("Fatigue days");
                dragging |= days_field(ui, &mut next.fatigue_days, FATIGUE_DAYS, l.id).dragged();
                ui.end_row();
            });
        if dragging {
            ui.ctx().data_mut(|d| d.insert_temp(draft_id, next));
        } else {
            if draft.is_some() {
                ui.ctx().data_mut(|d| d.remove::<Settings>(draft_id));
            }
            if next != *settings {
                commands.push(Request::Apply(Edit::SetSettings(next)));
            }
        }
        if ui.button("Defaults").clicked() && *settings != Settings::default() {
            let defaults = Settings {
                cross_training: settings.cross_training.clone(),
                start_fitness: settings.start_fitness,
                start_fatigue: settings.start_fatigue,
                ..Settings::default()
            };
            commands.push(Request::Apply(Edit::SetSettings(defaults)));
        }
    });
}

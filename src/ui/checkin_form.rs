//! The daily check-in: quick to fill with the keyboard (type a number, Tab, next; Enter
//! saves), or with the mouse (each 1-5 scale is a row of buttons with its words).

use chrono::NaiveDate;

use crate::model::WellnessEntry;
use crate::readiness::scales::WellnessItem;
use crate::ui::fields::{grid_field, optional_number};

/// What the user typed, kept as text until it is saved.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckInForm {
    /// The day checked in for.
    pub date: NaiveDate,
    /// Resting heart rate, bpm.
    pub resting_hr: String,
    /// HRV (rMSSD), ms; optional.
    pub hrv: String,
    /// Hours slept.
    pub sleep_hours: String,
    /// The six 1-5 items as typed, in [`WellnessItem::ALL`] order.
    pub scales: [String; 6],
    /// What is wrong with the input, shown under the form.
    pub errors: Vec<String>,
    /// Whether the first field has been focused yet.
    focused: bool,
}

/// What the form asks of the app after a frame.
pub enum CheckInOutcome {
    /// Still being filled.
    Editing,
    /// Closed without saving.
    Cancelled,
    /// Save this check-in.
    Save(WellnessEntry),
    /// Open the sick-days form from the check-in's day (the check-in stays open).
    Sick,
}

fn text<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

impl CheckInForm {
    /// The form for `date`, filled with that day's check-in if there is one.
    pub fn for_day(date: NaiveDate, existing: Option<&WellnessEntry>) -> Self {
        let e = existing.cloned().unwrap_or(WellnessEntry {
            date,
            ..Default::default()
        });
        CheckInForm {
            date,
            resting_hr: text(e.resting_hr_bpm),
            hrv: text(e.hrv_ms),
            sleep_hours: text(e.sleep_hours),
            scales: WellnessItem::ALL.map(|item| text(item.get(&e))),
            errors: Vec::new(),
            focused: false,
        }
    }

    /// The check-in the form holds, or what is wrong with it.
    ///
    /// # Errors
    /// One plain message per bad field.
    pub fn entry(&self) -> Result<WellnessEntry, Vec<String>> {
        let mut errors = Vec::new();
        let mut number = |label: &str, text: &str, range: (f64, f64)| {
            optional_number(label, text, range, &mut errors)
        };
        let resting = number("Resting HR", &self.resting_hr, (20.0, 250.0));
        let hrv = number("HRV", &self.hrv, (1.0, 500.0));
        let sleep = number("Sleep hours", &self.sleep_hours, (0.0, 24.0));
        let mut entry = WellnessEntry {
            date: self.date,
            resting_hr_bpm: resting.map(|v| v.round() as u16),
            hrv_ms: hrv,
            sleep_hours: sleep,
            ..Default::default()
        };
        for (item, typed) in WellnessItem::ALL.iter().zip(&self.scales) {
            let t = typed.trim();
            if t.is_empty() {
                continue;
            }
            match t.parse::<u8>() {
                Ok(v @ 1..=5) => item.set(&mut entry, Some(v)),
                _ => errors.push(format!("{}: enter 1 to 5", item.label())),
            }
        }
        if errors.is_empty() {
            Ok(entry)
        } else {
            Err(errors)
        }
    }
}

/// Draws the form; returns what the user asked for.
pub fn checkin_form_ui(ui: &mut egui::Ui, form: &mut CheckInForm) -> CheckInOutcome {
    ui.label(form.date.format("%A %-d %B %Y").to_string());
    let mut first = None;
    egui::Grid::new("checkin_grid")
        .num_columns(3)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            first = Some(grid_field(
                ui,
                "Resting HR",
                &mut form.resting_hr,
                "bpm",
                70.0,
            ));
            grid_field(ui, "HRV (optional)", &mut form.hrv, "ms", 70.0);
            grid_field(ui, "Sleep hours", &mut form.sleep_hours, "h", 70.0);
            for (item, typed) in WellnessItem::ALL.iter().zip(form.scales.iter_mut()) {
                let l = ui.label(item.label());
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(typed)
                            .desired_width(30.0)
                            .char_limit(1)
                            .hint_text("1-5"),
                    )
                    .labelled_by(l.id);
                    let current = typed.trim().parse::<u8>().ok();
                    for v in 1..=5u8 {
                        // Clickable but left out of the Tab order: Tab goes field to field.
                        let button = egui::Button::selectable(current == Some(v), v.to_string())
                            .sense(egui::Sense::CLICK);
                        if ui.add(button).on_hover_text(item.word(v)).clicked() {
                            *typed = v.to_string();
                        }
                    }
                    match current.filter(|v| (1..=5).contains(v)) {
                        Some(v) => ui.label(item.word(v)),
                        None => ui.weak(format!("1 {} … 5 {}", item.word(1), item.word(5))),
                    };
                });
                ui.end_row();
            }
        });
    if !form.focused {
        if let Some(r) = &first {
            r.request_focus();
        }
        form.focused = true;
    }
    for e in &form.errors {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.weak("Sleep quality, mood, motivation: 5 is best. Soreness, fatigue, stress: 5 is worst.");
    let mut outcome = CheckInOutcome::Editing;
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        if ui.button("Save check-in").clicked() || enter {
            match form.entry() {
                Ok(entry) => outcome = CheckInOutcome::Save(entry),
                Err(errors) => form.errors = errors,
            }
        }
        if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            outcome = CheckInOutcome::Cancelled;
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Sick…")
                .on_hover_text("Ill or injured: pause the plan, then return gradually")
                .clicked()
            {
                outcome = CheckInOutcome::Sick;
            }
        });
    });
    outcome
}

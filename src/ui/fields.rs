//! Pieces the small forms share: a labelled text field in a grid row, and reading an optional
//! number or a date typed into one.

/// A label and a one-line text field in a grid row (the field labelled by it for screen
/// readers and tests); ends the row.
pub fn grid_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    width: f32,
) -> egui::Response {
    let response = labelled_line(ui, label, value, hint, width);
    ui.end_row();
    response
}

/// A label and a one-line field beside it, the field labelled by it for screen readers.
fn labelled_line(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    width: f32,
) -> egui::Response {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(value)
            .desired_width(width)
            .hint_text(hint),
    )
    .labelled_by(l.id)
}

/// A labelled one-line field in a three-column grid, with what is wrong with it (if anything)
/// in the third column, next to the field, where it goes away as soon as the text is right.
pub fn checked_grid_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    width: f32,
    problem: Option<&str>,
) -> egui::Response {
    let response = labelled_line(ui, label, value, hint, width);
    match problem {
        Some(problem) => {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        None => {
            ui.label("");
        }
    }
    ui.end_row();
    response
}

/// The date typed in a field as `YYYY-MM-DD` (spaces around it allowed), if it is one.
pub fn typed_date(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The number typed in a field, `None` when it is empty. A comma counts as a decimal point.
/// Anything not a finite number within `range` adds "LABEL: enter a number from A to B" to
/// `errors` and gives `None`.
pub fn optional_number(
    label: &str,
    text: &str,
    range: (f64, f64),
    errors: &mut Vec<String>,
) -> Option<f64> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return None;
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && (range.0..=range.1).contains(&v) => Some(v),
        _ => {
            errors.push(format!(
                "{label}: enter a number from {} to {}",
                range.0, range.1
            ));
            None
        }
    }
}

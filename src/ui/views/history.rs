//! The history: completed activities as a table (sortable by any column, filtered by kind
//! and dates, each row editable and deletable) and the daily check-ins.

use chrono::{Days, NaiveDate};

use crate::model::{
    Activity, AthleteDocument, Load, WellnessEntry, format_distance, format_duration,
};
use crate::readiness::scales::WellnessItem;
use crate::science::load::{LoadContext, metric_label};
use crate::session::Edit;
use crate::ui::commands::{Command, Request};

/// A column the activities can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortColumn {
    /// Start time.
    Date,
    /// Kind label.
    Kind,
    /// Duration.
    Duration,
    /// Distance.
    Distance,
    /// Average heart rate.
    AvgHr,
    /// RPE.
    Rpe,
    /// Load.
    Load,
}

/// Which kinds the table shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KindFilter {
    /// Everything.
    All,
    /// Running only.
    Running,
    /// Other sports only.
    CrossTraining,
    /// One kind, by its label.
    Kind(String),
}

impl KindFilter {
    fn label(&self) -> String {
        match self {
            KindFilter::All => "All kinds".to_owned(),
            KindFilter::Running => "Running".to_owned(),
            KindFilter::CrossTraining => "Cross-training".to_owned(),
            KindFilter::Kind(k) => k.clone(),
        }
    }

    fn keeps(&self, a: &Activity) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Running => a.kind.is_running(),
            KindFilter::CrossTraining => !a.kind.is_running(),
            KindFilter::Kind(k) => a.kind.label() == *k,
        }
    }
}

/// The table's settings and its cached row order (UI state).
#[derive(Clone, Debug)]
pub struct HistoryState {
    /// Sort column and whether descending.
    pub sort: (SortColumn, bool),
    /// Kind filter.
    pub kind: KindFilter,
    /// First day shown, `YYYY-MM-DD` (empty: no limit).
    pub from: String,
    /// Last day shown (empty: no limit).
    pub to: String,
    /// Show the check-ins instead of the activities.
    pub check_ins: bool,
    cache: Option<(RowsKey, Rows)>,
}

impl Default for HistoryState {
    fn default() -> Self {
        HistoryState {
            sort: (SortColumn::Date, true),
            kind: KindFilter::All,
            from: String::new(),
            to: String::new(),
            check_ins: false,
            cache: None,
        }
    }
}

type RowsKey = ((u64, u64), (SortColumn, bool), KindFilter, String, String);

/// The shown rows: indices into the activities, and every activity's load.
#[derive(Clone, Debug, Default)]
struct Rows {
    order: Vec<usize>,
    loads: Vec<Option<Load>>,
}

fn rows(doc: &AthleteDocument, state: &HistoryState) -> Rows {
    let context = LoadContext::new(&doc.athlete, &doc.settings);
    let activities = &doc.history.activities;
    let loads: Vec<Option<Load>> = activities
        .iter()
        .map(|a| context.activity_load(a))
        .collect();
    let (from, to) = (
        crate::ui::fields::typed_date(&state.from),
        crate::ui::fields::typed_date(&state.to),
    );
    let mut order: Vec<usize> = (0..activities.len())
        .filter(|&i| {
            let a = &activities[i];
            let d = a.date();
            state.kind.keeps(a) && from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t)
        })
        .collect();
    let (column, descending) = state.sort;
    let num = |v: Option<f64>| v.unwrap_or(f64::NEG_INFINITY);
    order.sort_by(|&i, &j| {
        let (a, b) = (&activities[i], &activities[j]);
        let by = match column {
            SortColumn::Date => a.start.cmp(&b.start),
            SortColumn::Kind => a.kind.label().cmp(&b.kind.label()),
            SortColumn::Duration => a.duration_s.total_cmp(&b.duration_s),
            SortColumn::Distance => num(a.distance_m).total_cmp(&num(b.distance_m)),
            SortColumn::AvgHr => a.avg_hr_bpm.cmp(&b.avg_hr_bpm),
            SortColumn::Rpe => num(a.rpe).total_cmp(&num(b.rpe)),
            SortColumn::Load => {
                num(loads[i].map(|l| l.value)).total_cmp(&num(loads[j].map(|l| l.value)))
            }
        };
        let by = by.then(a.start.cmp(&b.start));
        if descending { by.reverse() } else { by }
    });
    Rows { order, loads }
}

/// Draws the history; `key` changes whenever the document does.
pub fn history_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    key: (u64, u64),
    today: NaiveDate,
    state: &mut HistoryState,
    commands: &mut Vec<Request>,
) {
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.check_ins, false, "Activities");
        ui.selectable_value(&mut state.check_ins, true, "Check-ins");
        ui.separator();
        if ui.button("Log activity…").clicked() {
            commands.push(Command::LogActivity.into());
        }
        if ui.button("Check in…").clicked() {
            commands.push(Command::CheckIn.into());
        }
    });
    if state.check_ins {
        check_ins_ui(ui, doc, commands);
    } else {
        filters_ui(ui, doc, today, state);
        activities_ui(ui, doc, key, state, commands);
    }
}

fn filters_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    today: NaiveDate,
    state: &mut HistoryState,
) {
    ui.horizontal(|ui| {
        let l = ui.label("Show");
        let mut kinds: Vec<String> = doc
            .history
            .activities
            .iter()
            .map(|a| a.kind.label())
            .collect();
        kinds.sort();
        kinds.dedup();
        egui::ComboBox::from_id_salt("history_kind")
            .selected_text(state.kind.label())
            .show_ui(ui, |ui| {
                let fixed = [
                    KindFilter::All,
                    KindFilter::Running,
                    KindFilter::CrossTraining,
                ];
                for f in fixed
                    .into_iter()
                    .chain(kinds.into_iter().map(KindFilter::Kind))
                {
                    let text = f.label();
                    ui.selectable_value(&mut state.kind, f, text);
                }
            })
            .response
            .labelled_by(l.id);
        for (label, day) in [("from", &mut state.from), ("to", &mut state.to)] {
            let l = ui.label(label);
            ui.add(
                egui::TextEdit::singleline(day)
                    .desired_width(108.0)
                    .hint_text("YYYY-MM-DD"),
            )
            .labelled_by(l.id);
        }
        for (label, days) in [("4 weeks", 27), ("3 months", 90), ("Year", 364)] {
            if ui.small_button(label).clicked() {
                state.from = (today - Days::new(days)).format("%Y-%m-%d").to_string();
                state.to = today.format("%Y-%m-%d").to_string();
            }
        }
        if ui.small_button("All").clicked() {
            state.from.clear();
            state.to.clear();
        }
    });
    let bad = [&state.from, &state.to]
        .iter()
        .any(|t| !t.trim().is_empty() && crate::ui::fields::typed_date(t).is_none());
    if bad {
        ui.colored_label(
            ui.visuals().error_fg_color,
            "Dates: use YYYY-MM-DD; an unreadable date is ignored.",
        );
    }
}

fn activities_ui(
    ui: &mut egui::Ui,
    doc: &AthleteDocument,
    key: (u64, u64),
    state: &mut HistoryState,
    commands: &mut Vec<Request>,
) {
    let rows_key: RowsKey = (
        key,
        state.sort,
        state.kind.clone(),
        state.from.clone(),
        state.to.clone(),
    );
    if state.cache.as_ref().is_none_or(|(k, _)| *k != rows_key) {
        state.cache = Some((rows_key, rows(doc, state)));
    }
    let Some((_, shown)) = &state.cache else {
        return;
    };
    let activities = &doc.history.activities;
    if activities.is_empty() {
        ui.weak("No training logged yet: Log activity… adds a session, or Mark done on a planned workout.");
        return;
    }
    ui.weak(format!(
        "{} of {} activities",
        shown.order.len(),
        activities.len()
    ));
    let units = doc.athlete.units;
    let columns = [
        ("Date", SortColumn::Date),
        ("Kind", SortColumn::Kind),
        ("Duration", SortColumn::Duration),
        ("Distance", SortColumn::Distance),
        ("Avg HR", SortColumn::AvgHr),
        ("RPE", SortColumn::Rpe),
        ("Load", SortColumn::Load),
    ];
    let widths = [125.0, 80.0, 60.0, 66.0, 48.0, 36.0, 100.0];
    let mut sort = state.sort;
    // Edit and Delete come first in each row, so they stay in view in a narrow window.
    let actions_width = 96.0;
    ui.horizontal(|ui| {
        ui.add_space(actions_width + ui.spacing().item_spacing.x);
        for ((name, column), width) in columns.iter().zip(widths) {
            let arrow = match sort {
                (c, true) if c == *column => " · desc",
                (c, false) if c == *column => " · asc",
                _ => "",
            };
            let button = egui::Button::new(egui::RichText::new(format!("{name}{arrow}")).strong())
                .frame(false)
                .min_size(egui::vec2(width, 0.0));
            if ui
                .add(button)
                .on_hover_text(format!("Sort by {}", name.to_lowercase()))
                .clicked()
            {
                sort = if sort.0 == *column {
                    (*column, !sort.1)
                } else {
                    (*column, true)
                };
            }
        }
    });
    state.sort = sort;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical().show_rows(ui, row_height, shown.order.len(), |ui, range| {
        for &i in &shown.order[range] {
            let a = &activities[i];
            ui.horizontal(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(actions_width, row_height - 4.0),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        if ui.small_button("Edit…").clicked() {
                            commands.push(Request::EditActivity(Box::new(a.clone())));
                        }
                        if ui.small_button("Delete").clicked() {
                            commands.push(Request::Apply(Edit::DeleteActivity(a.clone())));
                        }
                    },
                );
                let cell = |ui: &mut egui::Ui, text: String, width: f32| {
                    ui.add_sized([width, row_height - 4.0], egui::Label::new(text).truncate());
                };
                cell(ui, a.start.format("%-d %b %Y %H:%M").to_string(), widths[0]);
                cell(ui, a.kind.label(), widths[1]);
                cell(ui, format_duration(a.duration_s), widths[2]);
                let distance = a
                    .distance_m
                    .map_or_else(String::new, |d| format_distance(d, units));
                cell(ui, distance, widths[3]);
                cell(
                    ui,
                    a.avg_hr_bpm.map_or_else(String::new, |h| h.to_string()),
                    widths[4],
                );
                cell(
                    ui,
                    a.rpe.map_or_else(String::new, |r| format!("{r:.0}")),
                    widths[5],
                );
                let load = shown.loads[i].map_or_else(String::new, |l| {
                    format!("{:.0} · {}", l.value, metric_label(l.metric))
                });
                cell(ui, load, widths[6]);
                if !a.notes.is_empty() {
                    ui.weak(&a.notes);
                }
            });
        }
    });
}

fn check_ins_ui(ui: &mut egui::Ui, doc: &AthleteDocument, commands: &mut Vec<Request>) {
    let wellness = &doc.history.wellness;
    if wellness.is_empty() {
        ui.weak("No check-ins yet: Check in… records today's.");
        return;
    }
    let mut order: Vec<&WellnessEntry> = wellness.iter().collect();
    order.sort_by_key(|e| std::cmp::Reverse(e.date));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let fixed = ["Date", "Rest HR", "HRV", "Sleep h"];
    let header: Vec<&str> = fixed
        .into_iter()
        .chain(WellnessItem::ALL.iter().map(|i| i.label()))
        .collect();
    // Each column as wide as its heading (the date's as its longest day); the scales show
    // their number, with the word on hover, so every column fits beside the calendar's width.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_width = |ui: &egui::Ui, text: &str| {
        ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE))
            .size()
            .x
    };
    let widths: Vec<f32> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let widest = if i == 0 { "30 Sep 2026" } else { h };
            text_width(ui, widest).max(text_width(ui, h)) + 8.0
        })
        .collect();
    let actions_width = 96.0;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.add_space(actions_width + ui.spacing().item_spacing.x);
            for (h, w) in header.iter().zip(&widths) {
                ui.add_sized(
                    [*w, row_height],
                    egui::Label::new(egui::RichText::new(*h).strong()),
                );
            }
        });
        check_in_rows(ui, &order, &widths, row_height, actions_width, commands);
    });
}

fn check_in_rows(
    ui: &mut egui::Ui,
    order: &[&WellnessEntry],
    widths: &[f32],
    row_height: f32,
    actions_width: f32,
    commands: &mut Vec<Request>,
) {
    egui::ScrollArea::vertical().show_rows(ui, row_height, order.len(), |ui, range| {
        for e in &order[range] {
            ui.horizontal(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(actions_width, row_height - 4.0),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        if ui.small_button("Edit…").clicked() {
                            commands.push(Request::CheckInOn(e.date));
                        }
                        if ui.small_button("Delete").clicked() {
                            commands.push(Request::Apply(Edit::DeleteWellness(e.date)));
                        }
                    },
                );
                let mut cells: Vec<(String, Option<String>)> = vec![
                    (
                        e.date.format("%-d %b %Y").to_string(),
                        Some(e.date.format("%A %-d %B %Y").to_string()),
                    ),
                    (
                        e.resting_hr_bpm.map_or_else(String::new, |v| v.to_string()),
                        None,
                    ),
                    (
                        e.hrv_ms.map_or_else(String::new, |v| format!("{v:.0}")),
                        None,
                    ),
                    (
                        e.sleep_hours
                            .map_or_else(String::new, |v| format!("{v:.1}")),
                        None,
                    ),
                ];
                cells.extend(WellnessItem::ALL.iter().map(|item| match item.get(e) {
                    Some(v) => (
                        v.to_string(),
                        Some(format!("{}: {v}, {}", item.label(), item.word(v))),
                    ),
                    None => (String::new(), None),
                }));
                for ((text, hover), w) in cells.into_iter().zip(widths) {
                    let cell = ui.add_sized([*w, row_height - 4.0], egui::Label::new(text));
                    if let Some(hover) = hover {
                        cell.on_hover_text(hover);
                    }
                }
            });
        }
    });
}

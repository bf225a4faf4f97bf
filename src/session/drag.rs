//! A workout being dragged on the calendar: what a drop on each visible day would do, and the
//! one edit a drop makes. What the calendar shows before the drop (the tint of each day, the
//! label at the pointer, the findings it would add) and what the drop does come from the same
//! [`DropKind`] and the same [`Edit`], so they cannot disagree.
//!
//! ```
//! use chrono::{Days, NaiveDate};
//! use stride::rules::preview::DropKind;
//! use stride::session::{derived::Derived, drag::DragPreview};
//!
//! let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let doc = stride::storage::demo_document(today).unwrap();
//! let derived = Derived::compute(&doc, today);
//! let tempo = doc.plans[0].workouts.iter().find(|w| w.title.starts_with("Tempo")).unwrap();
//! let days: Vec<NaiveDate> = (0..7).map(|k| tempo.date + Days::new(k)).collect();
//! let mut drag = DragPreview::start(&doc, &derived, tempo.id, days).unwrap();
//! drag.prepare(&doc, &derived, DropKind::Swap);
//! let next = tempo.date + Days::new(1);
//! assert!(drag.verdict(DropKind::Swap, next).is_some());
//! let label = drag.describe(&doc, DropKind::Swap, Some(next));
//! assert!(label.starts_with("Swap "), "{label}");
//! assert_eq!(drag.edit(DropKind::Move, tempo.date), None, "a move onto its own day does nothing");
//! ```

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Edit;
use super::derived::Derived;
use crate::model::{AthleteDocument, WorkoutId};
use crate::rules::preview::{DropKind, DropVerdict, preview_drops};

impl Edit {
    /// The edit a drop of workout `id` (on `from`) on day `to` makes, or `None` when it would
    /// change nothing (a move or swap onto its own day).
    pub fn for_drop(kind: DropKind, id: WorkoutId, from: NaiveDate, to: NaiveDate) -> Option<Edit> {
        match kind {
            DropKind::Move if from == to => None,
            DropKind::Move => Some(Edit::MoveWorkout { id, to }),
            DropKind::Copy => Some(Edit::CopyWorkout { id, to }),
            DropKind::Swap if from == to => None,
            DropKind::Swap => Some(Edit::SwapDays { a: from, b: to }),
        }
    }
}

/// What dropping one workout on each of some days would do. The move verdicts are worked out
/// when the drag starts; copy and swap ones the first time their keys are held
/// ([`DragPreview::prepare`]), since most drags are plain moves.
#[derive(Clone, Debug)]
pub struct DragPreview {
    /// The dragged workout.
    pub id: WorkoutId,
    /// Its title.
    pub title: String,
    /// The day it is on.
    pub from: NaiveDate,
    /// Race-morning form as the plan is.
    pub base_form: Option<f64>,
    days: Vec<NaiveDate>,
    verdicts: HashMap<DropKind, HashMap<NaiveDate, DropVerdict>>,
}

impl DragPreview {
    /// Starts a drag of workout `id` of the active plan over `days`; `None` when there is no
    /// such workout.
    pub fn start(
        doc: &AthleteDocument,
        derived: &Derived,
        id: WorkoutId,
        days: Vec<NaiveDate>,
    ) -> Option<DragPreview> {
        let workout = doc.active_plan()?.workout(id)?;
        let mut preview = DragPreview {
            id,
            title: workout.display_title(),
            from: workout.date,
            base_form: derived.overview.race_morning_form,
            days,
            verdicts: HashMap::new(),
        };
        preview.prepare(doc, derived, DropKind::Move);
        Some(preview)
    }

    /// Works out the verdicts of one kind of drop, unless they are known already.
    pub fn prepare(&mut self, doc: &AthleteDocument, derived: &Derived, kind: DropKind) {
        if self.verdicts.contains_key(&kind) {
            return;
        }
        let series = &derived.overview.series;
        let by_day = preview_drops(doc, self.id, &self.days, series, kind)
            .into_iter()
            .map(|v| (v.date, v))
            .collect();
        self.verdicts.insert(kind, by_day);
    }

    /// The verdict for a drop of this kind on `day`, once prepared.
    pub fn verdict(&self, kind: DropKind, day: NaiveDate) -> Option<&DropVerdict> {
        self.verdicts.get(&kind)?.get(&day)
    }

    /// The edit a drop of this kind on `to` makes.
    pub fn edit(&self, kind: DropKind, to: NaiveDate) -> Option<Edit> {
        Edit::for_drop(kind, self.id, self.from, to)
    }

    /// The label at the pointer: the edit's own description ("Move Tempo to Thu 12 Mar",
    /// the words Undo uses afterwards), "Move Tempo" between days, or "Leave Tempo on ..."
    /// where the drop would change nothing.
    pub fn describe(&self, doc: &AthleteDocument, kind: DropKind, to: Option<NaiveDate>) -> String {
        match to {
            None => format!("{} {}", kind.verb(), self.title),
            Some(day) => match self.edit(kind, day) {
                Some(edit) => edit.describe(doc),
                None => format!("Leave {} on {}", self.title, day.format("%a %-d %b")),
            },
        }
    }
}

//! Undo records that hold only what an edit changed, not copies of the whole document.
//!
//! Before an edit is applied, [`scope`] names the parts of the document it can change: the
//! profile, the settings, a range of the plans or the active plan's workouts, and of the long
//! lists (activities, check-ins) only the range it can reach. [`Before`] copies just those
//! parts; once the edit is applied it compares them with what the document holds now, and
//! what differs becomes a list of [`Change`]s: the profile or the settings as they were, or
//! for a list the runs of items that differ ([`Patch`]). An edit that changed nothing gives
//! no change, found without comparing the rest of the document.
//!
//! Applying a change puts the old parts back and returns the change that takes them out
//! again, so undo and redo are one operation: each turns the record it applies into the
//! record of the opposite direction.

use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;

use super::Edit;
use crate::model::{Activity, Athlete, AthleteDocument, Plan, Settings, WellnessEntry, Workout};

/// Items of a list to put in place: the `len` items from position `at` become `items`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Hunk<T> {
    at: usize,
    len: usize,
    items: Vec<T>,
}

/// Changes to one list: hunks in the order of their positions, none overlapping another.
/// Positions are those of the list the patch applies to.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Patch<T> {
    hunks: Vec<Hunk<T>>,
}

impl<T: Clone + PartialEq> Patch<T> {
    /// The patch that turns `new` back into `old`, whose items sit from position `at` of
    /// their list (the rest of the list being the same before and after).
    ///
    /// Items the two have in common at the start and at the end are left out first. In
    /// between, an item and its counterpart are matched by `key` (a workout's id, an
    /// activity's start): equal items cost nothing, an item whose key the other side no
    /// longer has was removed or inserted, and anything else is stored as a replacement.
    /// Whatever the keys, the patch is exact; good keys only keep it small.
    fn between<K: Hash + Eq>(old: &[T], new: &[T], at: usize, key: impl Fn(&T) -> K) -> Self {
        let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let (old, new) = (&old[prefix..], &new[prefix..]);
        let suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let old = &old[..old.len() - suffix];
        let new = &new[..new.len() - suffix];
        let at = at + prefix;
        if old.is_empty() && new.is_empty() {
            return Patch { hunks: Vec::new() };
        }
        if old.len() <= 1 || new.len() <= 1 {
            return Patch {
                hunks: vec![Hunk {
                    at,
                    len: new.len(),
                    items: old.to_vec(),
                }],
            };
        }
        Patch {
            hunks: matched_hunks(old, new, at, key),
        }
    }

    fn is_empty(&self) -> bool {
        self.hunks.is_empty()
    }

    /// Applies the patch to `list` and returns the patch that undoes it.
    fn apply(self, list: &mut Vec<T>) -> Self {
        match <[Hunk<T>; 1]>::try_from(self.hunks) {
            Ok([hunk]) => Patch {
                hunks: vec![apply_in_place(hunk, list)],
            },
            Err(hunks) if hunks.is_empty() => Patch { hunks },
            Err(hunks) => Patch {
                hunks: rebuild(hunks, list),
            },
        }
    }
}

/// What the walk of [`matched_hunks`] takes next: an item on both sides that is the same,
/// one replaced by another, one removed, or one inserted.
enum Walk {
    Same,
    Replaced,
    Removed,
    Inserted,
}

/// The hunks between `old` and `new` (which differ at both ends), from a walk along both
/// that matches items by key.
fn matched_hunks<T: Clone + PartialEq, K: Hash + Eq>(
    old: &[T],
    new: &[T],
    at: usize,
    key: impl Fn(&T) -> K,
) -> Vec<Hunk<T>> {
    fn counts<T, K: Hash + Eq>(items: &[T], key: &impl Fn(&T) -> K) -> HashMap<K, usize> {
        let mut counts = HashMap::new();
        for item in items {
            *counts.entry(key(item)).or_insert(0usize) += 1;
        }
        counts
    }
    fn take<K: Hash + Eq>(counts: &mut HashMap<K, usize>, k: K) {
        if let Some(n) = counts.get_mut(&k) {
            *n = n.saturating_sub(1);
        }
    }
    fn left<K: Hash + Eq>(counts: &HashMap<K, usize>, k: &K) -> bool {
        counts.get(k).is_some_and(|n| *n > 0)
    }
    // Keys not yet walked past, on each side.
    let mut old_left = counts(old, &key);
    let mut new_left = counts(new, &key);
    let mut hunks = Vec::new();
    let mut open: Option<Hunk<T>> = None;
    let (mut i, mut j) = (0, 0);
    loop {
        let step = match (old.get(i), new.get(j)) {
            (None, None) => break,
            (Some(_), None) => Walk::Removed,
            (None, Some(_)) => Walk::Inserted,
            (Some(a), Some(b)) if a == b => Walk::Same,
            (Some(a), Some(b)) => {
                let (ka, kb) = (key(a), key(b));
                if ka == kb {
                    Walk::Replaced
                } else if !left(&new_left, &ka) {
                    Walk::Removed
                } else if !left(&old_left, &kb) {
                    Walk::Inserted
                } else {
                    Walk::Replaced
                }
            }
        };
        if let Walk::Same = step {
            hunks.extend(open.take());
        }
        let hunk = || Hunk {
            at: at + j,
            len: 0,
            items: Vec::new(),
        };
        if let (Walk::Replaced | Walk::Removed, Some(a)) = (&step, old.get(i)) {
            open.get_or_insert_with(hunk).items.push(a.clone());
        }
        if let Walk::Replaced | Walk::Inserted = step {
            open.get_or_insert_with(hunk).len += 1;
        }
        if let (Walk::Same | Walk::Replaced | Walk::Removed, Some(a)) = (&step, old.get(i)) {
            take(&mut old_left, key(a));
            i += 1;
        }
        if let (Walk::Same | Walk::Replaced | Walk::Inserted, Some(b)) = (&step, new.get(j)) {
            take(&mut new_left, key(b));
            j += 1;
        }
    }
    hunks.extend(open);
    hunks
}

/// Applies one hunk where it is: items are exchanged when the hunk keeps the list's length,
/// so a changed activity costs no move of the ten thousand after it.
fn apply_in_place<T>(hunk: Hunk<T>, list: &mut Vec<T>) -> Hunk<T> {
    let end = hunk.at.saturating_add(hunk.len).min(list.len());
    let at = hunk.at.min(end);
    let mut items = hunk.items;
    let len = items.len();
    if end - at == len {
        for (slot, item) in list[at..end].iter_mut().zip(items.iter_mut()) {
            std::mem::swap(slot, item);
        }
    } else {
        items = list.splice(at..end, items).collect();
    }
    Hunk { at, len, items }
}

/// Applies several hunks in one pass over the list (an import's may lie anywhere in the
/// history), and returns the hunks that undo them.
fn rebuild<T>(hunks: Vec<Hunk<T>>, list: &mut Vec<T>) -> Vec<Hunk<T>> {
    let added: usize = hunks.iter().map(|h| h.items.len()).sum();
    let removed: usize = hunks.iter().map(|h| h.len).sum();
    let mut out = Vec::with_capacity((list.len() + added).saturating_sub(removed));
    let mut rest = std::mem::take(list).into_iter();
    let mut done = 0;
    let mut reverse = Vec::with_capacity(hunks.len());
    for hunk in hunks {
        out.extend(rest.by_ref().take(hunk.at.saturating_sub(done)));
        let taken: Vec<T> = rest.by_ref().take(hunk.len).collect();
        done = hunk.at.max(done) + hunk.len;
        let at = out.len();
        let len = hunk.items.len();
        out.extend(hunk.items);
        reverse.push(Hunk {
            at,
            len,
            items: taken,
        });
    }
    out.extend(rest);
    *list = out;
    reverse
}

/// One part of the document as it is to become: what an undo or redo record holds.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Change {
    Athlete(Box<Athlete>),
    Settings(Box<Settings>),
    Plans(Patch<Plan>),
    /// The active plan's workouts.
    Workouts(Patch<Workout>),
    Activities(Patch<Activity>),
    Wellness(Patch<WellnessEntry>),
}

impl Change {
    /// Puts the change into the document; returns the change that takes it out again.
    pub(super) fn apply(self, doc: &mut AthleteDocument) -> Change {
        match self {
            Change::Athlete(mut athlete) => {
                std::mem::swap(&mut doc.athlete, &mut athlete);
                Change::Athlete(athlete)
            }
            Change::Settings(mut settings) => {
                std::mem::swap(&mut doc.settings, &mut settings);
                Change::Settings(settings)
            }
            Change::Plans(patch) => Change::Plans(patch.apply(&mut doc.plans)),
            Change::Workouts(patch) => Change::Workouts(match doc.plans.first_mut() {
                Some(active) => patch.apply(&mut active.workouts),
                // Records are made and undone in turn, so the plan they were made on is here.
                None => Patch { hunks: Vec::new() },
            }),
            Change::Activities(patch) => {
                Change::Activities(patch.apply(&mut doc.history.activities))
            }
            Change::Wellness(patch) => Change::Wellness(patch.apply(&mut doc.history.wellness)),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Change::Athlete(_) | Change::Settings(_) => false,
            Change::Plans(p) => p.is_empty(),
            Change::Workouts(p) => p.is_empty(),
            Change::Activities(p) => p.is_empty(),
            Change::Wellness(p) => p.is_empty(),
        }
    }
}

/// Which plans an edit can change.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) enum PlansScope {
    /// Nothing of the plans.
    #[default]
    Untouched,
    /// Plans in this range of the list (whole plans: there are few, and they are short).
    Range(Range<usize>),
    /// The active plan's workouts, and nothing else of it.
    ActiveWorkouts,
}

/// Which parts of the document an edit can change. For a list, the range holds the positions
/// (in the list before the edit) of every item the edit can change or remove, and the place
/// of any it inserts: items before the range keep their places, items after it their order.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Scope {
    athlete: bool,
    settings: bool,
    plans: PlansScope,
    activities: Option<Range<usize>>,
    wellness: Option<Range<usize>>,
}

/// What `edit` can change in `doc`. Each edit has one arm; a new edit needs one too.
pub(super) fn scope(edit: &Edit, doc: &AthleteDocument) -> Scope {
    let plans = |range| Scope {
        plans: PlansScope::Range(range),
        ..Scope::default()
    };
    let workouts = || Scope {
        plans: PlansScope::ActiveWorkouts,
        ..Scope::default()
    };
    let activities = |range| Scope {
        activities: Some(range),
        ..Scope::default()
    };
    let wellness = |range| Scope {
        wellness: Some(range),
        ..Scope::default()
    };
    let history = &doc.history;
    let plan_count = doc.plans.len();
    let activity_at = |old: &Activity| {
        history
            .activities
            .iter()
            .position(|a| a == old)
            .map_or(0..0, |i| i..i + 1)
    };
    match edit {
        Edit::SetAthlete(_) => Scope {
            athlete: true,
            ..Scope::default()
        },
        Edit::SetSettings(_) => Scope {
            settings: true,
            ..Scope::default()
        },
        Edit::SetPlan(_) | Edit::ChangePlan { .. } => plans(0..plan_count.min(1)),
        Edit::AddPlan(_) => plans(plan_count..plan_count),
        Edit::MakeActivePlan(i) => plans(if *i < plan_count { 0..i + 1 } else { 0..0 }),
        Edit::MoveWorkout { .. }
        | Edit::CopyWorkout { .. }
        | Edit::SwapDays { .. }
        | Edit::DeleteWorkout(_)
        | Edit::ReplaceWorkout(_) => workouts(),
        Edit::LogActivity(_) => activities(history.activities.len()..history.activities.len()),
        Edit::EditActivity { old, .. } => activities(activity_at(old)),
        Edit::DeleteActivity(old) => activities(activity_at(old)),
        // An import merges into the whole history, and may bring check-ins as well as
        // activities.
        Edit::ImportActivities { .. } => Scope {
            activities: Some(0..history.activities.len()),
            wellness: Some(0..history.wellness.len()),
            ..Scope::default()
        },
        Edit::SetWellness(entry) => wellness(day_of_check_ins(&history.wellness, entry.date)),
        Edit::DeleteWellness(day) => {
            let of_day = |e: &WellnessEntry| e.date == *day;
            let check_ins = &history.wellness;
            wellness(
                match (
                    check_ins.iter().position(of_day),
                    check_ins.iter().rposition(of_day),
                ) {
                    (Some(first), Some(last)) => first..last + 1,
                    _ => 0..0,
                },
            )
        }
    }
}

/// The check-ins a new check-in of `day` replaces, and where it goes: in a list sorted by
/// date, those of the day (or the empty range where the day would be); in a list out of
/// order, all of it.
fn day_of_check_ins(wellness: &[WellnessEntry], day: chrono::NaiveDate) -> Range<usize> {
    if wellness.is_sorted_by_key(|e| e.date) {
        wellness.partition_point(|e| e.date < day)..wellness.partition_point(|e| e.date <= day)
    } else {
        0..wellness.len()
    }
}

/// A range of a list as it was before an edit, and how many items followed it.
#[derive(Debug)]
struct Part<T> {
    at: usize,
    items: Vec<T>,
    after: usize,
}

impl<T: Clone + PartialEq> Part<T> {
    fn take(list: &[T], range: Range<usize>) -> Self {
        let end = range.end.min(list.len());
        let at = range.start.min(end);
        Part {
            at,
            items: list[at..end].to_vec(),
            after: list.len() - end,
        }
    }

    /// The patch from the list as it is back to the part as it was.
    fn patch<K: Hash + Eq>(&self, list: &[T], key: impl Fn(&T) -> K) -> Patch<T> {
        let end = list.len().saturating_sub(self.after).max(self.at);
        let now = list.get(self.at..end).unwrap_or_default();
        Patch::between(&self.items, now, self.at, key)
    }
}

/// The parts of a document an edit can change, as they were before it.
#[derive(Debug)]
pub(super) struct Before {
    athlete: Option<Athlete>,
    settings: Option<Settings>,
    plans: Option<Part<Plan>>,
    workouts: Option<Vec<Workout>>,
    activities: Option<Part<Activity>>,
    wellness: Option<Part<WellnessEntry>>,
}

impl Before {
    /// Copies what `scope` names of `doc`.
    pub(super) fn take(doc: &AthleteDocument, scope: Scope) -> Self {
        let history = &doc.history;
        let (plans, workouts) = match scope.plans {
            PlansScope::Untouched => (None, None),
            PlansScope::Range(range) => (Some(Part::take(&doc.plans, range)), None),
            PlansScope::ActiveWorkouts => (None, doc.plans.first().map(|p| p.workouts.clone())),
        };
        Before {
            athlete: scope.athlete.then(|| doc.athlete.clone()),
            settings: scope.settings.then(|| doc.settings.clone()),
            plans,
            workouts,
            activities: scope
                .activities
                .map(|range| Part::take(&history.activities, range)),
            wellness: scope
                .wellness
                .map(|range| Part::take(&history.wellness, range)),
        }
    }

    /// What brings `doc`, as the edit left it, back to how it was: empty when the edit changed
    /// nothing.
    pub(super) fn changes(self, doc: &AthleteDocument) -> Vec<Change> {
        let history = &doc.history;
        let mut changes = Vec::new();
        if let Some(athlete) = self.athlete.filter(|a| *a != doc.athlete) {
            changes.push(Change::Athlete(Box::new(athlete)));
        }
        if let Some(settings) = self.settings.filter(|s| *s != doc.settings) {
            changes.push(Change::Settings(Box::new(settings)));
        }
        let patches = [
            self.plans
                .map(|p| Change::Plans(p.patch(&doc.plans, |_| ()))),
            self.workouts.zip(doc.plans.first()).map(|(old, plan)| {
                Change::Workouts(Patch::between(&old, &plan.workouts, 0, |w| w.id))
            }),
            self.activities
                .map(|p| Change::Activities(p.patch(&history.activities, |a| a.start))),
            self.wellness
                .map(|p| Change::Wellness(p.patch(&history.wellness, |e| e.date))),
        ];
        changes.extend(patches.into_iter().flatten().filter(|c| !c.is_empty()));
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patch from `new` back to `old`, checked both ways: applied to `new` it gives
    /// `old`, and its reverse applied to that gives `new` again.
    fn round_trip(old: &[(u8, char)], new: &[(u8, char)]) -> Patch<(u8, char)> {
        let patch = Patch::between(old, new, 0, |item| item.0);
        let mut list = new.to_vec();
        let reverse = patch.clone().apply(&mut list);
        assert_eq!(list, old, "undo of {new:?}");
        let again = reverse.apply(&mut list);
        assert_eq!(list, new, "redo of {old:?}");
        assert_eq!(again, patch, "a second undo holds the same record");
        patch
    }

    fn stored(patch: &Patch<(u8, char)>) -> Vec<(usize, usize, String)> {
        patch
            .hunks
            .iter()
            .map(|h| (h.at, h.len, h.items.iter().map(|i| i.1).collect()))
            .collect()
    }

    #[test]
    fn a_list_without_change_gives_an_empty_patch() {
        let list = [(1, 'a'), (2, 'b')];
        assert!(round_trip(&list, &list).is_empty());
        assert!(round_trip(&[], &[]).is_empty());
    }

    #[test]
    fn a_patch_stores_only_the_items_that_differ() {
        let old = [(1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e'), (6, 'f')];
        // One changed, one removed, one inserted, far apart.
        let new = [(1, 'a'), (2, 'B'), (3, 'c'), (5, 'e'), (6, 'f'), (7, 'g')];
        let patch = round_trip(&old, &new);
        assert_eq!(
            stored(&patch),
            vec![
                (1, 1, "b".to_owned()),
                (3, 0, "d".to_owned()),
                (5, 1, String::new()),
            ]
        );
    }

    #[test]
    fn an_item_appended_is_taken_away_by_position() {
        let old = [(1, 'a'), (2, 'b')];
        let new = [(1, 'a'), (2, 'b'), (3, 'c')];
        assert_eq!(stored(&round_trip(&old, &new)), vec![(2, 1, String::new())]);
    }

    #[test]
    fn reordered_and_repeated_keys_still_give_an_exact_patch() {
        let old = [(1, 'a'), (2, 'b'), (1, 'c'), (3, 'd'), (2, 'e')];
        for new in [
            vec![(3, 'd'), (2, 'b'), (1, 'a'), (2, 'e')],
            vec![(2, 'x'), (2, 'y'), (2, 'z')],
            vec![(9, 'q')],
            vec![],
            vec![(1, 'c'), (1, 'a'), (2, 'e'), (2, 'b'), (3, 'd'), (4, 'f')],
        ] {
            round_trip(&old, &new);
            round_trip(&new, &old);
        }
    }

    #[test]
    fn a_part_is_compared_only_within_its_range() {
        let before = [(1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')];
        let part = Part::take(&before, 1..2);
        let after = [(1, 'a'), (2, 'B'), (3, 'c'), (4, 'd')];
        let patch = part.patch(&after, |item| item.0);
        assert_eq!(stored(&patch), vec![(1, 1, "b".to_owned())]);
        let mut list = after.to_vec();
        patch.apply(&mut list);
        assert_eq!(list, before);
    }
}

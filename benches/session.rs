//! Speed and memory goals of editing with undo, on the demo athlete with twenty years of
//! history (10,000 activities).
//!
//! - One edit, its undo record included, with the undo history full: at most 100
//!   microseconds for moving a workout, logging an activity and editing an old activity, so
//!   a drop or a form's commit never waits on the size of the history.
//! - After 200 edits (a full undo history), the memory the history holds: at most twice the
//!   document's own. Bytes are counted by the allocator: what building the document
//!   allocated, then what 200 edits added, printed as the bench starts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use criterion::{Criterion, criterion_group, criterion_main};
use stride::model::{Activity, AthleteDocument, WorkoutKind};
use stride::session::{Edit, Session, UNDO_LIMIT};

/// The system allocator, counting the bytes currently allocated.
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees for `layout` are those System::alloc needs.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by this allocator, so by System, with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` and `layout` come from this allocator, so from System.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
            ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        moved
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocated() -> usize {
    ALLOCATED.load(Ordering::Relaxed)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
}

const ACTIVITIES: usize = 10_000;

/// The demo athlete, with activities before its own history back to twenty years ago: 10,000
/// in all, in date order, a third of them with the file they came from and some with notes.
/// The history has room for the activities the bench logs, so what it measures is the undo
/// history and not the list growing.
fn twenty_years() -> AthleteDocument {
    let mut doc = stride::storage::demo_document(today()).expect("demo");
    let first = doc
        .history
        .activities
        .iter()
        .map(|a| a.start)
        .min()
        .unwrap_or_else(|| today().and_time(chrono::NaiveTime::MIN));
    let from: NaiveDateTime = (today() - TimeDelta::days(7305))
        .and_hms_opt(6, 30, 0)
        .expect("time");
    let count = ACTIVITIES.saturating_sub(doc.history.activities.len());
    let step_s = (first - from).num_seconds() / count.max(1) as i64;
    let kinds = [
        WorkoutKind::Easy,
        WorkoutKind::Long,
        WorkoutKind::Tempo,
        WorkoutKind::Easy,
        WorkoutKind::Intervals,
        WorkoutKind::Recovery,
    ];
    let older = (0..count).map(|i| Activity {
        start: from + TimeDelta::seconds(step_s * i as i64),
        kind: kinds[i % kinds.len()].clone(),
        instant: None,
        duration_s: 2400.0 + (i % 5) as f64 * 600.0,
        moving_s: Some(2300.0 + (i % 5) as f64 * 600.0),
        normalised_pace_s_per_km: None,
        distance_m: Some(8000.0 + (i % 5) as f64 * 2000.0),
        avg_hr_bpm: Some(140 + (i % 20) as u16),
        max_hr_bpm: Some(170),
        rpe: None,
        load: None,
        source_file: (i % 3 == 0).then(|| format!("activity_{i:06}.fit")),
        planned_workout: None,
        notes: if i % 10 == 0 {
            "Parkrun with the club".to_owned()
        } else {
            String::new()
        },
    });
    let mut activities = Vec::with_capacity(count + doc.history.activities.len() + UNDO_LIMIT);
    activities.extend(older);
    activities.append(&mut doc.history.activities);
    doc.history.activities = activities;
    doc
}

/// The three edits measured, made concrete on the document as it is: a workout of the
/// active plan moved a day on, a run logged for today, and an activity ten years back with
/// its time corrected.
fn edit(kind: usize, n: usize, doc: &AthleteDocument) -> Edit {
    let plan = doc.active_plan().expect("the demo has a plan");
    match kind % 3 {
        0 => {
            let runs: Vec<_> = plan
                .workouts
                .iter()
                .filter(|w| w.kind != WorkoutKind::Rest && w.date > today())
                .collect();
            let w = runs[n % runs.len()];
            Edit::MoveWorkout {
                id: w.id,
                to: w.date + TimeDelta::days(if n.is_multiple_of(2) { 1 } else { -1 }),
            }
        }
        1 => {
            let mut run = Activity::from_planned(&plan.workouts[n % plan.workouts.len()]);
            run.start = today().and_hms_opt(7, 0, 0).expect("time") + TimeDelta::minutes(n as i64);
            Edit::LogActivity(run)
        }
        _ => {
            let old = &doc.history.activities[ACTIVITIES / 2 + n % 100];
            let mut new = old.clone();
            new.duration_s += 60.0;
            Edit::EditActivity {
                old: Box::new(old.clone()),
                new: Box::new(new),
            }
        }
    }
}

/// What 200 edits add to the memory in use, against the document's own.
fn memory() -> Session {
    let start = allocated();
    let doc = twenty_years();
    let document_bytes = allocated() - start;
    let copy = doc.clone();
    let copy_bytes = allocated() - start - document_bytes;
    drop(copy);
    let mut session = Session::new(doc, None);
    let before = allocated();
    for n in 0..UNDO_LIMIT {
        let edit = edit(n, n / 3, session.document());
        session.apply(edit);
    }
    let history_bytes = allocated().saturating_sub(before);
    let mb = |bytes: usize| bytes as f64 / 1e6;
    eprintln!(
        "document with {} activities: {:.2} MB; a whole copy of it: {:.2} MB",
        session.document().history.activities.len(),
        mb(document_bytes),
        mb(copy_bytes),
    );
    eprintln!(
        "after {UNDO_LIMIT} edits (moves, logged runs, edited activities): {:.3} MB more, \
         {:.3} times the document (goal: at most 2)",
        mb(history_bytes),
        history_bytes as f64 / document_bytes as f64,
    );
    assert!(
        history_bytes <= 2 * document_bytes,
        "the undo history holds more than twice the document"
    );
    session
}

fn bench(c: &mut Criterion) {
    let mut session = memory();
    let names = [
        "edit with undo record: move a workout (10,000 activities, full undo history)",
        "edit with undo record: log an activity (10,000 activities, full undo history)",
        "edit with undo record: edit an activity (10,000 activities, full undo history)",
    ];
    for (kind, name) in names.into_iter().enumerate() {
        let mut n = 0;
        c.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    let edit = edit(kind, n, session.document());
                    let start = Instant::now();
                    session.apply(edit);
                    spent += start.elapsed();
                    // Back to where it was, so each edit meets the same document.
                    session.undo();
                }
                spent
            });
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

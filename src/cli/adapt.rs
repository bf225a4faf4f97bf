//! `stride adapt`: "Adapt plan from today" without a window.
//!
//! Reads an athlete document, makes the active plan's remaining days again from the training
//! actually done ([`crate::readiness::adapt_from_today`], the warning signs as of `--today`
//! lightening the first days), and writes the adapted document: over the input, keeping the
//! previous version as `FILE.ron.bak`, or to `--out`. It prints, tab-separated:
//!
//! - `changed<TAB>DATE<TAB>BEFORE<TAB>AFTER` for each day from the start whose workouts
//!   changed, the workouts as their titles joined by ` + ` (`-` for none);
//! - `form<TAB>BEFORE<TAB>AFTER`: the predicted race-morning form with the plan as it was
//!   and as adapted (signed, one decimal; `-` when there is none);
//! - `saved<TAB>PATH`.
//!
//! With `--sick FROM..TO` the days are recorded as sick days first, and the rest of the plan
//! is made again around them ([`crate::readiness::adapt_season`]): no training on them, then
//! a graded return.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::model::{Plan, Workout};
use crate::readiness::{Readiness, SeasonEdit, adapt_from_today, adapt_season};
use crate::storage;

/// The day's workouts as titles joined by ` + `, or `-`.
fn day_text(plan: &Plan, date: NaiveDate) -> String {
    let titles: Vec<String> = plan
        .workouts
        .iter()
        .filter(|w| w.date == date)
        .map(Workout::display_title)
        .collect();
    if titles.is_empty() {
        "-".to_owned()
    } else {
        titles.join(" + ")
    }
}

fn form_text(form: Option<f64>) -> String {
    form.map_or_else(|| "-".to_owned(), |f| format!("{f:+.1}"))
}

/// Runs `stride adapt`.
///
/// # Errors
/// A message naming the file for unreadable input, a document without a plan or with its
/// race behind, or a folder that cannot be written (nothing is written then).
pub fn run(
    file: &Path,
    today: NaiveDate,
    sick: Option<&str>,
    out_path: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let sick = sick
        .map(super::plan::parse_day_range)
        .transpose()?
        .map(|(from, to)| crate::model::DaysOff {
            from,
            to,
            reason: crate::model::OffReason::Sick,
        });
    // Held until the document is written, when it is written over itself.
    let _lock = match out_path {
        None => Some(storage::lock_document(file).map_err(|e| e.to_string())?),
        Some(_) => None,
    };
    let mut doc = storage::load_document(file).map_err(|e| e.to_string())?;
    let readiness = Readiness::assess(&doc, today);
    let adapted = match sick {
        Some(off) => adapt_season(&doc, today, &readiness, &SeasonEdit::DaysOff(off)),
        None => adapt_from_today(&doc, today, &readiness),
    }
    .map_err(|e| format!("{}: {e}", file.display()))?;
    let old = doc.active_plan().cloned().ok_or("no plan")?;
    let mut dates: Vec<NaiveDate> = old
        .workouts
        .iter()
        .chain(&adapted.plan.workouts)
        .map(|w| w.date)
        .filter(|d| *d >= adapted.start)
        .collect();
    dates.sort();
    dates.dedup();
    let mut lines = Vec::new();
    for date in dates {
        let (before, after) = (day_text(&old, date), day_text(&adapted.plan, date));
        if before != after {
            lines.push(format!("changed\t{date}\t{before}\t{after}"));
        }
    }
    lines.push(format!(
        "form\t{}\t{}",
        form_text(adapted.race_form_before),
        form_text(adapted.race_form_after)
    ));
    doc.plans[0] = adapted.plan;
    let target = out_path.unwrap_or(file);
    storage::save_document(&doc, target).map_err(|e| e.to_string())?;
    lines.push(format!("saved\t{}", target.display()));
    for line in lines {
        writeln!(out, "{line}").map_err(super::output_error)?;
    }
    Ok(())
}

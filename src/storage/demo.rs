//! The bundled demo athlete, so a newcomer opens a populated app.

use chrono::{NaiveDate, TimeDelta};

use super::{DocumentError, document_from_str};
use crate::model::AthleteDocument;

/// The demo document as stored in `assets/demo-athlete.ron`, compiled into the binary.
pub const DEMO_ATHLETE_RON: &str = include_str!("../../assets/demo-athlete.ron");

/// The demo athlete with its dates moved by whole weeks so that its history ends in the week
/// before `today` and its plan runs on from there. Whole weeks keep the plan's weeks on the
/// calendar's weeks, so its cut-back weeks stay where the rules look for them.
///
/// # Errors
/// Only if the bundled file is broken, which a test rules out.
///
/// ```
/// use chrono::{Datelike, NaiveDate};
/// let today = NaiveDate::from_ymd_opt(2030, 6, 5).unwrap();
/// let doc = stride::storage::demo_document(today).unwrap();
/// let last = doc.history.last_date().unwrap();
/// assert!(last < today && (today - last).num_days() <= 7);
/// let bundled = stride::storage::demo_document(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap())
///     .unwrap();
/// assert_eq!(last.weekday(), bundled.history.last_date().unwrap().weekday());
/// ```
pub fn demo_document(today: NaiveDate) -> Result<AthleteDocument, DocumentError> {
    let mut doc = document_from_str(DEMO_ATHLETE_RON, "demo-athlete.ron".as_ref())?;
    if let (Some(last), Some(yesterday)) = (doc.history.last_date(), today.pred_opt()) {
        let shift: TimeDelta = yesterday - last;
        doc.shift_dates(shift.num_days().div_euclid(7) * 7);
    }
    Ok(doc)
}

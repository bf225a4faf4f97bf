//! The bundled demo athlete, so a newcomer opens a populated app.

use chrono::{NaiveDate, TimeDelta};

use super::{DocumentError, document_from_str};
use crate::model::AthleteDocument;

/// The demo document as stored in `assets/demo-athlete.ron`, compiled into the binary.
pub const DEMO_ATHLETE_RON: &str = include_str!("../../assets/demo-athlete.ron");

/// The demo athlete with its dates moved so that its history ends the day before `today` and
/// its plan runs on from `today`.
///
/// # Errors
/// Only if the bundled file is broken, which a test rules out.
///
/// ```
/// use chrono::NaiveDate;
/// let today = NaiveDate::from_ymd_opt(2030, 6, 5).unwrap();
/// let doc = stride::storage::demo_document(today).unwrap();
/// assert_eq!(doc.history.last_date(), today.pred_opt());
/// ```
pub fn demo_document(today: NaiveDate) -> Result<AthleteDocument, DocumentError> {
    let mut doc = document_from_str(DEMO_ATHLETE_RON, "demo-athlete.ron".as_ref())?;
    if let (Some(last), Some(yesterday)) = (doc.history.last_date(), today.pred_opt()) {
        let shift: TimeDelta = yesterday - last;
        doc.shift_dates(shift.num_days());
    }
    Ok(doc)
}

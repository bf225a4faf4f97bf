//! Arbitrary bytes as a GPX file: the importer returns activities or an error, never panics,
//! and whatever it returns passes the document's checks.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stride::import::{SourceFormat, parse};
use stride::model::{Athlete, AthleteDocument};

fuzz_target!(|data: &[u8]| {
    if let Ok(activities) = parse(SourceFormat::Gpx, data, "fuzz") {
        let mut doc = AthleteDocument::new(Athlete::example());
        doc.history.activities = activities;
        if let Err(e) = doc.validate() {
            panic!(
                "an imported activity fails the document's checks: {}",
                e.message
            );
        }
    }
});

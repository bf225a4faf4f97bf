//! Arbitrary bytes as an athlete document: the loader returns a document or an error with a
//! message, never panics, and a document it accepts passes the checks and saves again.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match stride::storage::document_from_str(text, Path::new("fuzz.ron")) {
        Ok(doc) => {
            if let Err(e) = doc.validate() {
                panic!("an accepted document fails the checks: {}", e.message);
            }
            let again = stride::storage::document_to_string(&doc).expect("it saves");
            let back = stride::storage::document_from_str(&again, Path::new("fuzz.ron"))
                .expect("what was saved loads");
            assert_eq!(back, doc, "a save and a load give the same document");
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});

//! Stride's FIT reader against an independent decoder: every FIT recording under
//! `tests/data/import` is read by Stride and by the `fitparser` crate, and for every file both
//! read, each activity's start, elapsed time, distance and average heart rate agree within the
//! rounding of the file's own units (a second, a millisecond, a centimetre, and Stride's whole
//! beats).
//!
//! The recordings there are ones Stride writes itself with `data/import/fit_writer.rs`
//! (rustyfit's encoder), then changed as other devices write them:
//! `run-zero-header-crc.fit` (a 45-minute run; header CRC set to 0x0000 and the file CRC
//! computed again over the whole file, as older Garmin devices do), `ride-12-byte-header.fit`
//! (a one-hour ride; the 12-byte header of older files, the file CRC over header and data)
//! and `records-only.fit` (records without a session, as some apps write), plus the fuzzing
//! findings in `regressions/`.

use std::path::{Path, PathBuf};

use fitparser::Value;
use fitparser::profile::MesgNum;
use stride::import::{SourceFormat, parse};

/// What both decoders are compared on, for one activity.
#[derive(Debug)]
struct Figures {
    start_unix_s: i64,
    elapsed_s: f64,
    distance_m: Option<f64>,
    avg_hr: Option<f64>,
}

/// The files under `dir`, in its subfolders too, that start with a FIT header.
fn fit_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("list the folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(fit_files(&path));
        } else {
            let bytes = std::fs::read(&path).expect("read");
            let header =
                matches!(bytes.first(), Some(12 | 14)) && bytes.get(8..12) == Some(b".FIT");
            if header {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Float64(v) => Some(*v),
        Value::Float32(v) => Some(f64::from(*v)),
        Value::UInt8(v) => Some(f64::from(*v)),
        Value::UInt16(v) => Some(f64::from(*v)),
        Value::UInt32(v) => Some(f64::from(*v)),
        _ => None,
    }
}

fn field<'a>(record: &'a fitparser::FitDataRecord, name: &str) -> Option<&'a Value> {
    record
        .fields()
        .iter()
        .find(|f| f.name() == name)
        .map(|f| f.value())
}

fn time(record: &fitparser::FitDataRecord, name: &str) -> Option<i64> {
    match field(record, name)? {
        Value::Timestamp(t) => Some(t.timestamp()),
        _ => None,
    }
}

/// The figures as `fitparser` reads them: each session's totals, or, in a file without
/// sessions, what its records span.
fn by_fitparser(bytes: &[u8]) -> Option<Vec<Figures>> {
    let records = fitparser::from_bytes(bytes).ok()?;
    let sessions: Vec<Figures> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Session)
        .map(|s| Figures {
            start_unix_s: time(s, "start_time").expect("a session's start"),
            elapsed_s: field(s, "total_elapsed_time")
                .and_then(number)
                .expect("a session's elapsed time"),
            distance_m: field(s, "total_distance").and_then(number),
            avg_hr: field(s, "avg_heart_rate").and_then(number),
        })
        .collect();
    if !sessions.is_empty() {
        return Some(sessions);
    }
    let points: Vec<(i64, Option<f64>, Option<f64>)> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Record)
        .filter_map(|r| {
            Some((
                time(r, "timestamp")?,
                field(r, "distance").and_then(number),
                field(r, "heart_rate").and_then(number),
            ))
        })
        .collect();
    let first = points.iter().map(|p| p.0).min()?;
    let last = points.iter().map(|p| p.0).max()?;
    let distances: Vec<f64> = points.iter().filter_map(|p| p.1).collect();
    let hrs: Vec<f64> = points.iter().filter_map(|p| p.2).collect();
    Some(vec![Figures {
        start_unix_s: first,
        elapsed_s: (last - first) as f64,
        distance_m: distances.first().zip(distances.last()).map(|(a, b)| b - a),
        avg_hr: (!hrs.is_empty()).then(|| hrs.iter().sum::<f64>() / hrs.len() as f64),
    }])
}

#[test]
fn stride_and_fitparser_agree_on_every_fit_recording_both_read() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import");
    let files = fit_files(&dir);
    let mut compared = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("read");
        let name = path.display();
        let (Ok(ours), Some(theirs)) = (
            parse(SourceFormat::Fit, &bytes, "x.fit"),
            by_fitparser(&bytes),
        ) else {
            continue;
        };
        assert_eq!(ours.len(), theirs.len(), "{name}: activities");
        for (a, f) in ours.iter().zip(&theirs) {
            let start = a.instant.map(|i| i.timestamp());
            assert_eq!(start, Some(f.start_unix_s), "{name}: start");
            assert!(
                (a.duration_s - f.elapsed_s).abs() <= 0.001,
                "{name}: elapsed {} and {}",
                a.duration_s,
                f.elapsed_s
            );
            match (a.distance_m, f.distance_m) {
                (Some(x), Some(y)) => {
                    assert!((x - y).abs() <= 0.01, "{name}: distance {x} and {y}")
                }
                (x, y) => assert_eq!(x, y, "{name}: distance"),
            }
            match (a.avg_hr_bpm, f.avg_hr) {
                (Some(x), Some(y)) => {
                    assert!(
                        (f64::from(x) - y).abs() <= 0.5,
                        "{name}: heart rate {x} and {y}"
                    )
                }
                (x, y) => assert_eq!(x.map(f64::from), y, "{name}: heart rate"),
            }
        }
        compared.push(path.clone());
    }
    for wanted in [
        "run-zero-header-crc.fit",
        "ride-12-byte-header.fit",
        "records-only.fit",
    ] {
        assert!(
            compared.iter().any(|p| p.ends_with(wanted)),
            "{wanted} is read by both: {compared:?} of {files:?}"
        );
    }
}

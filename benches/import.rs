//! Speed goals of importing activity files.
//!
//! - A 3-hour run recorded once a second as FIT (10,800 records and a session, about 110 KB):
//!   reported in MB/s. The goal is 10 MB/s or more, which keeps even a 24-hour recording
//!   (about 1 MB) well under a second.
//! - A bulk import of 1,000 small files (a third each FIT, GPX and TCX, 30-minute runs with a
//!   point every 5 seconds, written to a temporary folder in the setup) with
//!   [`stride::import::import_files`]: under 10 s, so a Strava export's activities folder
//!   imports while the user watches the progress bar.
//! - Merging 20,000 activities into a 100,000-activity history, and merging the same 20,000
//!   again (adding nothing): under 2 s each (duplicates are found by a range lookup on the
//!   start, not by a scan).
//! - A folder of 200 FIT runs of 52 minutes at one record a second (about 3,100 records each,
//!   the size of a typical watch's file) imported with [`stride::import::import_files`], which
//!   decodes on every core, against the bare `rustyfit` decoder reading the same files on
//!   the same number of threads, checking checksums as the import does: within 1.2 times the
//!   bare decoder's time, so what Stride adds to decoding (totals, duplicates, order) stays
//!   small. The bare decoder without checksums is measured too, for what checking them costs.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rustyfit::profile::typedef::{Sport, SubSport};
use stride::import::{SourceFormat, import_files, parse};
use stride::model::History;

#[path = "../tests/data/import/fit_writer.rs"]
mod fit_writer;

use fit_writer::{FitActivity, Point, Totals, write_fit};

/// Seconds since 1970 of 2027-01-01 06:00 UTC.
const START_UNIX_S: i64 = 1_798_783_200;

/// A run of `seconds` with a point every `step` seconds at about 3 m/s and a heart rate
/// wandering between 130 and 170.
fn fit_run(start_unix_s: i64, seconds: u32, step: u32) -> FitActivity {
    let points: Vec<Point> = (0..=seconds / step)
        .map(|i| {
            let at_s = i * step;
            Point {
                at_s,
                distance_m: f64::from(at_s) * 3.0,
                hr: Some(130 + (at_s / 7 % 40) as u8),
            }
        })
        .collect();
    FitActivity {
        start_unix_s,
        local_offset_s: Some(3600),
        points,
        session: Some(Totals {
            sport: (Sport::RUNNING, SubSport::GENERIC),
            elapsed_s: f64::from(seconds),
            timer_s: f64::from(seconds),
            distance_m: f64::from(seconds) * 3.0,
            avg_hr: Some(150),
            max_hr: Some(169),
        }),
    }
}

/// The same run as GPX, with times at +01:00.
fn gpx_run(start: chrono::NaiveDateTime, seconds: u32, step: u32) -> String {
    let mut text = String::from(
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"bench\" \
         xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\
         <trk><type>running</type><trkseg>\n",
    );
    for i in 0..=seconds / step {
        let at_s = i * step;
        let time = start + chrono::TimeDelta::seconds(i64::from(at_s));
        let lat = 52.0 + f64::from(at_s) * 3.0 / 111_195.0;
        let _ = writeln!(
            text,
            "<trkpt lat=\"{lat:.7}\" lon=\"13.4\"><ele>35.0</ele><time>{}+01:00</time>\
             <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{}</gpxtpx:hr>\
             </gpxtpx:TrackPointExtension></extensions></trkpt>",
            time.format("%Y-%m-%dT%H:%M:%S"),
            130 + at_s / 7 % 40
        );
    }
    text.push_str("</trkseg></trk></gpx>\n");
    text
}

/// The same run as TCX, with times at +01:00.
fn tcx_run(start: chrono::NaiveDateTime, seconds: u32, step: u32) -> String {
    let stamp = |t: chrono::NaiveDateTime| format!("{}+01:00", t.format("%Y-%m-%dT%H:%M:%S"));
    let mut text = format!(
        "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase \
         xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities>\
         <Activity Sport=\"Running\"><Id>{0}</Id><Lap StartTime=\"{0}\">\
         <TotalTimeSeconds>{seconds}</TotalTimeSeconds><DistanceMeters>{1}</DistanceMeters>\
         <Track>\n",
        stamp(start),
        seconds * 3
    );
    for i in 0..=seconds / step {
        let at_s = i * step;
        let time = start + chrono::TimeDelta::seconds(i64::from(at_s));
        let _ = writeln!(
            text,
            "<Trackpoint><Time>{}</Time><DistanceMeters>{}</DistanceMeters>\
             <HeartRateBpm><Value>{}</Value></HeartRateBpm></Trackpoint>",
            stamp(time),
            at_s * 3,
            130 + at_s / 7 % 40
        );
    }
    text.push_str("</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n");
    text
}

fn bench_long_fit(c: &mut Criterion) {
    let file = write_fit(&fit_run(START_UNIX_S, 3 * 3600, 1));
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(file.len() as u64));
    group.bench_function("FIT: 3 hours at 1 Hz", |b| {
        b.iter(|| parse(SourceFormat::Fit, black_box(&file), "long.fit"))
    });
    group.finish();
}

/// Writes 1,000 small files into `dir`, one run a day.
fn write_many(dir: &std::path::Path) -> Vec<PathBuf> {
    let first = chrono::DateTime::from_timestamp(START_UNIX_S, 0)
        .expect("a time")
        .naive_utc();
    (0..1000u32)
        .map(|i| {
            let day = i64::from(i) * 86_400;
            let local = first + chrono::TimeDelta::seconds(day + 3600);
            let (name, bytes) = match i % 3 {
                0 => (
                    format!("{i:04}.fit"),
                    write_fit(&fit_run(START_UNIX_S + day, 1800, 5)),
                ),
                1 => (format!("{i:04}.gpx"), gpx_run(local, 1800, 5).into_bytes()),
                _ => (format!("{i:04}.tcx"), tcx_run(local, 1800, 5).into_bytes()),
            };
            let path = dir.join(name);
            std::fs::write(&path, bytes).expect("write a file");
            path
        })
        .collect()
}

fn bench_many_files(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = write_many(dir.path());
    let history = History::default();
    let check = import_files(&files, &history, &mut |_| true);
    assert_eq!(check.imported.len(), 1000, "{:?}", check.failed().first());
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("1,000 small files (FIT, GPX, TCX)", |b| {
        b.iter(|| import_files(black_box(&files), &history, &mut |_| true))
    });
    group.finish();
}

fn bench_merge_at_scale(c: &mut Criterion) {
    use chrono::{NaiveDate, TimeDelta};
    use stride::import::merge_into;
    use stride::model::{Activity, Workout, WorkoutId, WorkoutKind};
    let day = NaiveDate::from_ymd_opt(1990, 1, 1).expect("date");
    // One session every 6 hours from 1990: 100,000 of them, then 20,000 new ones later on.
    let session = |i: i64| {
        let mut a = Activity::from_planned(&Workout::new(WorkoutId(0), day, WorkoutKind::Easy));
        a.start = day.and_hms_opt(7, 0, 0).expect("time") + TimeDelta::hours(6 * i);
        a.duration_s = 3000.0;
        a
    };
    let history = History {
        activities: (0..100_000).map(session).collect(),
        ..History::default()
    };
    let new: Vec<Activity> = (100_000..120_000).map(session).collect();
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    group.bench_function("20,000 activities into 100,000", |b| {
        b.iter_batched(
            || history.clone(),
            |mut h| merge_into(&mut h, black_box(new.clone())),
            criterion::BatchSize::LargeInput,
        )
    });
    let mut merged = history.clone();
    merge_into(&mut merged, new.clone());
    group.bench_function("the same 20,000 again, adding nothing", |b| {
        b.iter_batched(
            || merged.clone(),
            |mut h| merge_into(&mut h, black_box(new.clone())),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// Writes `count` FIT runs of `seconds` at one record a second into `dir`, one a day.
fn write_fit_folder(dir: &std::path::Path, count: u32, seconds: u32) -> Vec<PathBuf> {
    (0..count)
        .map(|i| {
            let start = START_UNIX_S + i64::from(i) * 86_400;
            let path = dir.join(format!("{i:04}.fit"));
            std::fs::write(&path, write_fit(&fit_run(start, seconds, 1))).expect("write a file");
            path
        })
        .collect()
}

/// Reads and decodes `files` with `rustyfit` alone on `threads` threads, each taking the next
/// file not yet taken; components are left unexpanded, as the import does, and checksums are
/// checked (as the import checks them) when `checksum` is true. Returns how many messages
/// were decoded.
fn bare_decode(files: &[PathBuf], threads: usize, checksum: bool) -> usize {
    use rustyfit::{Decoder, DecoderEvent, StreamingIterator};
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut messages = 0usize;
                    while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let bytes = std::fs::read(path).expect("read a file");
                        let mut reader = bytes.as_slice();
                        let mut decoder = Decoder::builder()
                            .expand_components(false)
                            .checksum(checksum)
                            .build();
                        let mut stream = decoder.stream(&mut reader);
                        while let Some(event) = stream.next() {
                            match event {
                                Ok(DecoderEvent::Message(_)) => messages += 1,
                                Ok(_) => {}
                                Err(e) => panic!("{}: {e:?}", path.display()),
                            }
                        }
                    }
                    messages
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a decoding thread"))
            .sum()
    })
}

fn bench_every_core(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = write_fit_folder(dir.path(), 200, 52 * 60);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let history = History::default();
    let check = import_files(&files, &history, &mut |_| true);
    assert_eq!(check.imported.len(), 200, "{:?}", check.failed().first());
    assert!(bare_decode(&files, threads, true) > 200 * 3000);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let mut group = c.benchmark_group("every core");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("200 FIT files: import_files", |b| {
        b.iter(|| import_files(black_box(&files), &history, &mut |_| true))
    });
    group.bench_function(
        format!("200 FIT files: bare rustyfit on {threads} threads"),
        |b| b.iter(|| bare_decode(black_box(&files), threads, true)),
    );
    group.bench_function(
        format!("200 FIT files: bare rustyfit on {threads} threads, no checksums"),
        |b| b.iter(|| bare_decode(black_box(&files), threads, false)),
    );
    group.finish();
}

criterion_group!(
    benches,
    bench_long_fit,
    bench_many_files,
    bench_merge_at_scale,
    bench_every_core
);
criterion_main!(benches);

//! Importing activity files: each format's fixture against figures worked out by hand from its
//! points, broken and hostile input, duplicates, progress and cancelling, and `stride import`
//! on a folder of mixed files.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone};
use stride::import::{
    self, ImportError, Place, SourceFormat, detect, expand_paths, gpx, import_files, merge_into,
    parse, read_file,
};
use stride::model::{Activity, Athlete, AthleteDocument, CrossActivity, History, WorkoutKind};
use stride::storage::{document_to_string, load_document};

#[path = "data/import/fit_writer.rs"]
mod fit_writer;

use fit_writer::{FitActivity, Point, Totals, write_fit};
use rustyfit::profile::typedef::{Sport, SubSport};

#[path = "common/cli.rs"]
mod cli;

use cli::stride;

/// Mean Earth radius of the IUGG, metres: the sphere the import measures on.
const R: f64 = 6_371_008.8;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("read fixture")
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").expect("valid time")
}

/// A UTC time as this computer's local time (what the import does with `Z` times).
fn local(utc: &str) -> NaiveDateTime {
    Local.from_utc_datetime(&at(utc)).naive_local()
}

/// Along a meridian the great-circle distance between two latitudes is R times their
/// difference in radians.
fn meridian_m(lat0: f64, lat1: f64) -> f64 {
    R * (lat1.to_radians() - lat0.to_radians()).abs()
}

fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < 1e-6)
}

fn only(activities: Vec<Activity>) -> Activity {
    assert_eq!(activities.len(), 1, "{activities:#?}");
    activities.into_iter().next().expect("one activity")
}

fn cross(activity: CrossActivity) -> WorkoutKind {
    WorkoutKind::CrossTraining { activity }
}

fn unix(utc: &str) -> i64 {
    at(utc).and_utc().timestamp()
}

// ---------------------------------------------------------------- GPX

#[test]
fn a_gpx_track_with_garmin_heart_rate_gives_every_figure() {
    let a = only(read_file(&fixture("morning.gpx")).expect("imports"));
    // Times are written at +01:00: the wall time is kept.
    assert_eq!(a.start, at("2027-03-01 07:00:00"));
    assert_eq!(a.kind, WorkoutKind::Easy);
    // 07:00:00 to 07:02:30.
    assert_eq!(a.duration_s, 150.0);
    // Three 30 s steps of 0.001 degrees (3.7 m/s) move; the minute standing still does not.
    assert_eq!(a.moving_s, Some(90.0));
    let expected =
        meridian_m(52.000, 52.001) + meridian_m(52.001, 52.002) + 0.0 + meridian_m(52.002, 52.003);
    assert!(
        close(a.distance_m, expected),
        "{:?} vs {expected}",
        a.distance_m
    );
    // (120 + 130 + 140 + 150 + 160) / 5; the cadences (80-88) are not heart rates.
    assert_eq!(a.avg_hr_bpm, Some(140));
    assert_eq!(a.max_hr_bpm, Some(160));
    assert_eq!(a.notes, "Morning Run & Coffee");
    assert_eq!(a.source_file.as_deref(), Some("morning.gpx"));
    assert_eq!(
        a.load, None,
        "the science core computes the load when it is needed"
    );
    assert_eq!(a.rpe, None);
}

#[test]
fn leading_white_space_and_a_byte_order_mark_are_read_past() {
    let text = bytes("whitespace.gpx");
    assert!(
        text.starts_with(b"\n\n   \t<?xml"),
        "the fixture starts with white space"
    );
    let a = only(parse(SourceFormat::Gpx, &text, "whitespace.gpx").expect("imports"));
    assert_eq!(
        a.start,
        local("2027-03-02 12:00:00"),
        "a Z time becomes local time"
    );
    assert_eq!(a.kind, cross(CrossActivity::Cycling));
    // 12:00 to 12:33, the gap between the segments included.
    assert_eq!(a.duration_s, 33.0 * 60.0);
    // Both segments move fast; the 28 minutes between them are not moving time...
    assert_eq!(a.moving_s, Some(120.0 + 180.0));
    // ... and the jump between them is no distance.
    let expected = meridian_m(45.00, 45.01) + meridian_m(45.50, 45.51);
    assert!(
        close(a.distance_m, expected),
        "{:?} vs {expected}",
        a.distance_m
    );
    // 0 bpm (no contact) is dropped: (110 + 130) / 2.
    assert_eq!((a.avg_hr_bpm, a.max_hr_bpm), (Some(120), Some(130)));
    assert_eq!(a.notes, "Lunch Ride");

    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&text);
    let b = only(parse(SourceFormat::Gpx, &with_bom, "whitespace.gpx").expect("imports"));
    assert_eq!(a, b);
    assert_eq!(
        detect(&with_bom, "track.xml".as_ref()),
        Some(SourceFormat::Gpx)
    );
}

#[test]
fn a_gpx_without_timed_track_points_holds_no_activity() {
    let e = read_file(&fixture("route.gpx")).expect_err("a route is no activity");
    assert!(
        matches!(
            e,
            ImportError::Empty {
                format: SourceFormat::Gpx,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("no times"), "{e}");
}

#[test]
fn a_gpx_point_without_a_number_for_latitude_names_its_place() {
    let e = read_file(&fixture("bad_lat.gpx")).expect_err("lat is not a number");
    assert_eq!(
        e.place(),
        Some(Place::LineColumn { line: 4, column: 3 }),
        "{e}"
    );
    assert!(e.to_string().contains("lat 'north' is not a number"), "{e}");
    assert_eq!(
        e.located(Path::new("bad_lat.gpx")),
        format!(
            "bad_lat.gpx:4:3: {}",
            e.to_string().trim_start_matches("line 4, column 3: ")
        )
    );
}

#[test]
fn a_gpx_in_a_year_a_document_cannot_hold_is_refused_and_odd_heart_rates_dropped() {
    let gpx = |year: u32, hr: u32| {
        format!(
            "<gpx><trk><trkseg>\
             <trkpt lat=\"1\" lon=\"1\"><time>{year}-05-01T10:00:00+02:00</time>\
             <extensions><hr>{hr}</hr></extensions></trkpt>\
             <trkpt lat=\"1.001\" lon=\"1\"><time>{year}-05-01T10:01:00+02:00</time></trkpt>\
             </trkseg></trk></gpx>"
        )
    };
    let e = parse(SourceFormat::Gpx, gpx(1850, 140).as_bytes(), "old.gpx").expect_err("1850");
    assert!(e.to_string().contains("outside the years 1900-2200"), "{e}");
    let a = only(parse(SourceFormat::Gpx, gpx(2027, 300).as_bytes(), "x.gpx").expect("imports"));
    assert_eq!(
        (a.avg_hr_bpm, a.max_hr_bpm),
        (None, None),
        "300 bpm is no heart rate"
    );
}

// ---------------------------------------------------------------- TCX

#[test]
fn a_tcx_activity_gives_every_figure_from_laps_and_trackpoints() {
    let a = only(read_file(&fixture("long.tcx")).expect("imports"));
    assert_eq!(a.start, local("2027-03-06 08:00:00"), "the Id, a Z time");
    // Moving time 90 minutes: a long run.
    assert_eq!(a.kind, WorkoutKind::Long);
    // The last trackpoint is 100 minutes after the start.
    assert_eq!(a.duration_s, 6000.0);
    // Lap 1: five 600 s steps of 1800 m; lap 2 (a new Track, so no step across the pause):
    // four. Every step is 3 m/s.
    assert_eq!(a.moving_s, Some(9.0 * 600.0));
    // The laps' distances, 9000 + 7200 m (the positions, about 670 m apart, are not used).
    assert_eq!(a.distance_m, Some(16_200.0));
    // 130+135+140+145+150+150+145+150+155+160+158 = 1618 over 11 points: 147.09.
    assert_eq!(a.avg_hr_bpm, Some(147));
    assert_eq!(a.max_hr_bpm, Some(160));
    assert_eq!(a.notes, "Long run with a stop");
}

#[test]
fn a_tcx_with_laps_only_takes_their_times_and_heart_rates() {
    let tcx = r#"<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
 <Activities><Activity Sport="Biking"><Id>2027-04-01T06:00:00+02:00</Id>
  <Lap StartTime="2027-04-01T06:00:00+02:00"><TotalTimeSeconds>1200</TotalTimeSeconds>
   <DistanceMeters>10000</DistanceMeters>
   <AverageHeartRateBpm><Value>120</Value></AverageHeartRateBpm>
   <MaximumHeartRateBpm><Value>140</Value></MaximumHeartRateBpm></Lap>
  <Lap StartTime="2027-04-01T06:20:00+02:00"><TotalTimeSeconds>600</TotalTimeSeconds>
   <DistanceMeters>5000</DistanceMeters>
   <AverageHeartRateBpm><Value>150</Value></AverageHeartRateBpm>
   <MaximumHeartRateBpm><Value>165</Value></MaximumHeartRateBpm></Lap>
 </Activity></Activities></TrainingCenterDatabase>"#;
    let a = only(parse(SourceFormat::Tcx, tcx.as_bytes(), "ride.tcx").expect("imports"));
    assert_eq!(a.start, at("2027-04-01 06:00:00"));
    assert_eq!(a.kind, cross(CrossActivity::Cycling));
    assert_eq!((a.duration_s, a.moving_s), (1800.0, Some(1800.0)));
    assert_eq!(a.distance_m, Some(15_000.0));
    // Weighted by lap time: (120 * 1200 + 150 * 600) / 1800 = 130.
    assert_eq!((a.avg_hr_bpm, a.max_hr_bpm), (Some(130), Some(165)));
}

// ---------------------------------------------------------------- Strava

#[test]
fn stravas_export_is_read_by_position_among_repeated_column_names() {
    let all = read_file(&fixture("activities.csv")).expect("imports");
    assert_eq!(
        all.len(),
        6,
        "every row; duplicates are the importer's business"
    );
    let run = &all[0];
    assert_eq!(
        run.start,
        local("2018-09-12 15:02:23"),
        "Sep 12, 2018, 3:02:23 PM UTC"
    );
    assert_eq!(run.kind, WorkoutKind::Easy);
    assert_eq!((run.duration_s, run.moving_s), (2400.0, Some(2310.0)));
    assert_eq!(
        run.distance_m,
        Some(8020.5),
        "the second Distance, in metres"
    );
    assert_eq!((run.avg_hr_bpm, run.max_hr_bpm), (Some(150), Some(171)));
    assert_eq!(run.notes, "Evening Run");
    assert_eq!(run.source_file.as_deref(), Some("activities.csv"));

    let ride = &all[1];
    assert_eq!(ride.start, local("2018-09-13 06:30:00"));
    assert_eq!(ride.kind, cross(CrossActivity::Cycling));
    assert_eq!((ride.duration_s, ride.moving_s), (3600.0, Some(3400.0)));
    assert_eq!(ride.distance_m, Some(20_100.0));
    assert_eq!((ride.avg_hr_bpm, ride.max_hr_bpm), (None, None));

    let swim = &all[2];
    assert_eq!(swim.kind, cross(CrossActivity::Swimming));
    assert_eq!(
        swim.distance_m,
        Some(1500.0),
        "not the first Distance, '1,500'"
    );
    assert_eq!(
        swim.max_hr_bpm,
        Some(140),
        "the second Max Heart Rate, not the first's 139"
    );
    assert_eq!(swim.avg_hr_bpm, Some(128));

    let gym = &all[3];
    assert_eq!(gym.kind, cross(CrossActivity::Strength));
    assert_eq!(gym.distance_m, None);

    let long = &all[4];
    assert_eq!(long.kind, WorkoutKind::Long, "110 minutes moving");
    assert_eq!(long.distance_m, Some(20_000.0));
    assert_eq!(long.start, local("2018-09-16 10:00:00"));
}

#[test]
fn an_older_strava_layout_without_the_private_note_column_reads_the_same() {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(fixture("activities.csv"))
        .expect("open");
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let record = record.expect("a record");
        assert_eq!(
            record.get(10).map(str::trim),
            Some(if record.position().map_or(0, |p| p.line()) == 1 {
                "Activity Private Note"
            } else {
                ""
            })
        );
        let shifted: Vec<&str> = record
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 10)
            .map(|(_, f)| f)
            .collect();
        writer.write_record(shifted).expect("write");
    }
    let older = writer.into_inner().expect("bytes");
    let from_older = parse(SourceFormat::StravaCsv, &older, "activities.csv").expect("imports");
    let from_today = read_file(&fixture("activities.csv")).expect("imports");
    assert_eq!(from_older, from_today);
}

#[test]
fn a_strava_export_without_the_raw_columns_falls_back_to_the_first_ones() {
    let csv = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,\
               Max Heart Rate\n\
               7,\"Jan 2, 2024, 7:05:09 AM\",Run,Run,1800,5.01,170\n";
    let a = only(parse(SourceFormat::StravaCsv, csv.as_bytes(), "a.csv").expect("imports"));
    assert_eq!(a.start, local("2024-01-02 07:05:09"));
    assert_eq!(a.duration_s, 1800.0);
    assert_eq!(a.distance_m, None, "the first Distance is in display units");
    assert_eq!(a.max_hr_bpm, Some(170));
}

#[test]
fn a_strava_date_written_in_words_names_its_line_and_column() {
    let e = read_file(&fixture("bad_date.csv")).expect_err("not a date Strava writes");
    assert_eq!(
        e.place(),
        Some(Place::LineColumn { line: 2, column: 2 }),
        "{e}"
    );
    assert!(e.to_string().contains("le douze septembre 2018"), "{e}");
    assert!(
        e.to_string().contains("Sep 12, 2018, 3:02:23 PM"),
        "says what is read: {e}"
    );
}

// ---------------------------------------------------------------- session CSV

#[test]
fn a_session_csv_is_imported_too() {
    let all = read_file(&fixture("sessions.csv")).expect("imports");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].start, at("2027-03-03 18:00:00"));
    assert_eq!(all[0].kind, WorkoutKind::Tempo);
    assert_eq!(
        (all[0].duration_s, all[0].distance_m),
        (3000.0, Some(10_000.0))
    );
    assert_eq!((all[0].rpe, all[0].avg_hr_bpm), (Some(7.0), Some(158)));
    assert_eq!(all[0].notes, "Tempo Tuesday");
    assert_eq!(all[1].source_file.as_deref(), Some("sessions.csv"));
}

// ---------------------------------------------------------------- FIT

/// A 21-minute run from 06:30 UTC, local time two hours ahead: ten minutes at 3 m/s, a
/// minute standing, ten more minutes at 3 m/s; heart rate 140 + the minute.
fn fit_run(session: bool, local_offset_s: Option<i64>) -> FitActivity {
    let mut points = Vec::new();
    let mut distance = 0.0;
    for i in 0..=126u32 {
        let at_s = i * 10;
        if at_s > 0 && !(601..=660).contains(&at_s) {
            distance += 30.0;
        }
        points.push(Point {
            at_s,
            distance_m: distance,
            hr: Some(140 + (at_s / 60) as u8),
        });
    }
    FitActivity {
        start_unix_s: unix("2027-03-08 06:30:00"),
        local_offset_s,
        points,
        session: session.then_some(Totals {
            sport: (Sport::RUNNING, SubSport::GENERIC),
            elapsed_s: 1260.5,
            timer_s: 1200.0,
            distance_m: 3600.0,
            avg_hr: Some(151),
            max_hr: Some(175),
        }),
    }
}

#[test]
fn a_fit_session_gives_its_totals_and_the_files_own_local_time() {
    let file = write_fit(&fit_run(true, Some(2 * 3600)));
    let a = only(parse(SourceFormat::Fit, &file, "run.fit").expect("imports"));
    assert_eq!(
        a.start,
        at("2027-03-08 08:30:00"),
        "06:30 UTC, two hours ahead"
    );
    assert_eq!(a.kind, WorkoutKind::Easy);
    assert_eq!(a.duration_s, 1260.5);
    // No total_moving_time: from the records, 60 + 60 steps of 10 s at 3 m/s; the six steps
    // standing still (600-660 s) do not count.
    assert_eq!(a.moving_s, Some(1200.0));
    assert_eq!(a.distance_m, Some(3600.0));
    assert_eq!((a.avg_hr_bpm, a.max_hr_bpm), (Some(151), Some(175)));
    assert_eq!(a.source_file.as_deref(), Some("run.fit"));
    assert_eq!(
        detect(&file, "no-extension".as_ref()),
        Some(SourceFormat::Fit)
    );
}

#[test]
fn a_fit_file_of_records_only_is_summed_from_them() {
    let file = write_fit(&fit_run(false, None));
    let a = only(parse(SourceFormat::Fit, &file, "records.fit").expect("imports"));
    assert_eq!(
        a.start,
        local("2027-03-08 06:30:00"),
        "no offset in the file: local time"
    );
    assert_eq!(a.kind, WorkoutKind::Easy, "no sport said: running");
    assert_eq!(a.duration_s, 1260.0);
    assert_eq!(a.moving_s, Some(1200.0));
    // 120 steps of 30 m.
    assert_eq!(a.distance_m, Some(3600.0));
    // Minute m (0-21) has 6 points at 140 + m, except minute 21 with one: (sum over m of
    // 6 * (140 + m) for m < 21, + 161) / 127.
    let sum: u32 = (0..21).map(|m| 6 * (140 + m)).sum::<u32>() + 161;
    assert_eq!(a.avg_hr_bpm, Some((f64::from(sum) / 127.0).round() as u16));
    assert_eq!(a.max_hr_bpm, Some(161));
}

#[test]
fn fit_sports_map_to_kinds() {
    let cases = [
        (Sport::RUNNING, SubSport::TRAIL, WorkoutKind::Easy),
        (
            Sport::CYCLING,
            SubSport::GENERIC,
            cross(CrossActivity::Cycling),
        ),
        (
            Sport::E_BIKING,
            SubSport::GENERIC,
            cross(CrossActivity::Cycling),
        ),
        (
            Sport::SWIMMING,
            SubSport::LAP_SWIMMING,
            cross(CrossActivity::Swimming),
        ),
        (
            Sport::ROWING,
            SubSport::GENERIC,
            cross(CrossActivity::Rowing),
        ),
        (
            Sport::FITNESS_EQUIPMENT,
            SubSport::INDOOR_ROWING,
            cross(CrossActivity::Rowing),
        ),
        (
            Sport::FITNESS_EQUIPMENT,
            SubSport::ELLIPTICAL,
            cross(CrossActivity::Elliptical),
        ),
        (
            Sport::TRAINING,
            SubSport::STRENGTH_TRAINING,
            cross(CrossActivity::Strength),
        ),
        (
            Sport::HIKING,
            SubSport::GENERIC,
            cross(CrossActivity::Other("Hiking".into())),
        ),
    ];
    for (sport, sub, expected) in cases {
        let mut run = fit_run(true, Some(0));
        if let Some(t) = run.session.as_mut() {
            t.sport = (sport, sub);
        }
        let a = only(parse(SourceFormat::Fit, &write_fit(&run), "x.fit").expect("imports"));
        assert_eq!(a.kind, expected, "{sport:?} {sub:?}");
    }
    let mut long = fit_run(true, Some(0));
    if let Some(t) = long.session.as_mut() {
        t.elapsed_s = 95.0 * 60.0;
    }
    // The records still say 20 minutes of moving, so it stays an easy run...
    let a = only(parse(SourceFormat::Fit, &write_fit(&long), "x.fit").expect("imports"));
    assert_eq!(a.kind, WorkoutKind::Easy);
    // ... without records, 95 minutes of timer time make it a long run.
    long.points.truncate(1);
    let a = only(parse(SourceFormat::Fit, &write_fit(&long), "x.fit").expect("imports"));
    assert_eq!(a.moving_s, Some(1200.0), "the timer time");
    long.session = long.session.map(|t| Totals {
        timer_s: 95.0 * 60.0,
        ..t
    });
    let a = only(parse(SourceFormat::Fit, &write_fit(&long), "x.fit").expect("imports"));
    assert_eq!(a.kind, WorkoutKind::Long);
}

#[test]
fn a_fit_file_with_a_bad_crc_is_reported_with_the_byte_offset() {
    let good = write_fit(&fit_run(true, Some(0)));
    // The distance of the record at 600 s (1800 m, 180000 cm) changes; the CRC at the end no
    // longer fits.
    let mut bad = good.clone();
    let value = 180_000u32.to_le_bytes();
    let found = bad
        .windows(4)
        .position(|w| w == value)
        .expect("the record's distance is in the file");
    bad[found] ^= 0x01;
    let e = parse(SourceFormat::Fit, &bad, "bad.fit").expect_err("CRC");
    assert!(e.to_string().contains("checksum does not match"), "{e}");
    assert_eq!(
        e.place(),
        Some(Place::Byte(good.len() as u64)),
        "read to the end: {e}"
    );
    assert!(
        e.located(Path::new("bad.fit"))
            .starts_with("bad.fit: byte "),
        "{e}"
    );
    // The CRC itself damaged.
    let mut bad = good.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0xFF;
    let e = parse(SourceFormat::Fit, &bad, "bad.fit").expect_err("CRC");
    assert!(e.to_string().contains("checksum"), "{e}");
}

/// The FIT CRC, bit by bit (CRC-16 with the reflected polynomial 0xA001, as the FIT protocol
/// defines it), written apart from the importer's table-driven one.
fn fit_crc(bytes: &[u8]) -> u16 {
    let mut crc = 0u16;
    for &b in bytes {
        crc ^= u16::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xA001
            } else {
                crc >> 1
            };
        }
    }
    crc
}

proptest::proptest! {
    #[test]
    fn the_fit_crc_of_any_bytes_is_the_bit_by_bit_one_also_taken_in_two_parts(
        bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200),
        cut in 0usize..200,
    ) {
        let cut = cut.min(bytes.len());
        let whole = stride::import::fit::crc16(0, &bytes);
        proptest::prop_assert_eq!(whole, fit_crc(&bytes));
        let (a, b) = bytes.split_at(cut);
        let parts = stride::import::fit::crc16(stride::import::fit::crc16(0, a), b);
        proptest::prop_assert_eq!(parts, whole);
    }
}

/// Replaces the file CRC (the last two bytes) with the CRC of everything before it.
fn with_whole_file_crc(mut bytes: Vec<u8>) -> Vec<u8> {
    let n = bytes.len();
    let crc = fit_crc(&bytes[..n - 2]).to_le_bytes();
    bytes[n - 2..].copy_from_slice(&crc);
    bytes
}

#[test]
fn a_fit_header_crc_of_zero_means_not_computed_and_the_file_crc_covers_the_header() {
    let good = write_fit(&fit_run(true, Some(0)));
    let expected = only(parse(SourceFormat::Fit, &good, "x.fit").expect("imports"));
    assert_eq!(good[0], 14, "the writer writes a 14-byte header");
    assert_eq!(
        u16::from_le_bytes([good[12], good[13]]),
        fit_crc(&good[..12]),
        "with its CRC"
    );
    // As older Garmin devices write it: header CRC 0x0000, file CRC over header and data.
    let mut zeroed = good.clone();
    zeroed[12..14].fill(0);
    let zeroed = with_whole_file_crc(zeroed);
    assert_ne!(zeroed[zeroed.len() - 2..], good[good.len() - 2..]);
    let a = only(parse(SourceFormat::Fit, &zeroed, "x.fit").expect("a zero header CRC imports"));
    assert_eq!(a, expected);
    // Header CRC 0x0000 and a file CRC over the data records alone, as some apps write it.
    let mut data_only = good.clone();
    data_only[12..14].fill(0);
    only(parse(SourceFormat::Fit, &data_only, "x.fit").expect("imports too"));
    // A 12-byte header (no CRC of its own): the file CRC covers it.
    let mut short = good[..12].to_vec();
    short[0] = 12;
    short.extend_from_slice(&good[14..]);
    let short = with_whole_file_crc(short);
    let a = only(parse(SourceFormat::Fit, &short, "x.fit").expect("a 12-byte header imports"));
    assert_eq!(a, expected);
    // A zero header CRC whose file CRC fits neither is still damaged.
    let mut damaged = zeroed.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 0x10;
    let e = parse(SourceFormat::Fit, &damaged, "x.fit").expect_err("damaged");
    assert!(e.to_string().contains("the checksum does not match"), "{e}");
}

#[test]
fn a_wrong_non_zero_fit_header_crc_is_refused_with_its_own_message() {
    let mut bad = write_fit(&fit_run(true, Some(0)));
    bad[12] ^= 0x01;
    let e = parse(SourceFormat::Fit, &bad, "x.fit").expect_err("a wrong header CRC");
    assert_eq!(e.place(), Some(Place::Byte(14)), "{e}");
    assert!(
        e.to_string()
            .starts_with("byte 14: the file header's checksum does not match"),
        "{e}"
    );
    // Even when the file CRC is made to cover everything.
    let e = parse(SourceFormat::Fit, &with_whole_file_crc(bad), "x.fit").expect_err("still");
    assert!(e.to_string().contains("file header's checksum"), "{e}");
}

#[test]
fn the_fit_regression_files_stride_writes_import_with_their_figures() {
    // Written by fit_writer.rs (see tests/fit_conformance.rs): a run whose header CRC is
    // zeroed and whose file CRC covers the whole file; a ride with a 12-byte header; records
    // without a session.
    let run = bytes("run-zero-header-crc.fit");
    assert_eq!((run[0], run[12], run[13]), (14, 0, 0));
    assert_eq!(
        fit_crc(&run[..run.len() - 2]).to_le_bytes(),
        run[run.len() - 2..],
        "the file CRC covers the header"
    );
    let a = only(read_file(&fixture("run-zero-header-crc.fit")).expect("imports"));
    assert_eq!(
        a.start,
        at("2027-03-01 07:00:00"),
        "06:00 UTC at the file's +01:00"
    );
    assert_eq!((a.kind.clone(), a.duration_s), (WorkoutKind::Easy, 2700.0));
    assert_eq!(a.distance_m, Some(7560.0));
    assert_eq!((a.avg_hr_bpm, a.max_hr_bpm), (Some(149), Some(159)));

    let ride = bytes("ride-12-byte-header.fit");
    assert_eq!(ride[0], 12);
    assert_eq!(
        fit_crc(&ride[..ride.len() - 2]).to_le_bytes(),
        ride[ride.len() - 2..]
    );
    let a = only(read_file(&fixture("ride-12-byte-header.fit")).expect("imports"));
    assert_eq!(a.start, local("2027-03-02 16:30:00"));
    assert_eq!(a.kind, cross(CrossActivity::Cycling));
    assert_eq!((a.duration_s, a.distance_m), (3600.0, Some(28_800.0)));
    assert_eq!(a.avg_hr_bpm, None);

    let walk = only(read_file(&fixture("records-only.fit")).expect("imports"));
    assert_eq!(walk.start, local("2027-03-03 07:15:00"));
    assert_eq!((walk.duration_s, walk.distance_m), (1200.0, Some(1800.0)));
    // 241 samples of 110 + i % 10: 24 rounds of 110..=119 and one more 110, 27,590 / 241.
    assert_eq!(walk.avg_hr_bpm, Some(114));
}

#[test]
fn every_truncation_of_a_fit_file_is_an_error_never_a_panic() {
    let good = write_fit(&fit_run(true, Some(0)));
    for n in 0..good.len() {
        let e = parse(SourceFormat::Fit, &good[..n], "cut.fit").expect_err("cut short");
        assert!(matches!(e, ImportError::Corrupt { .. }), "{n}: {e}");
    }
    let e = parse(SourceFormat::Fit, &good[..good.len() / 2], "cut.fit").expect_err("cut");
    assert!(e.to_string().contains("cut short"), "{e}");
}

#[test]
fn a_text_file_named_fit_is_not_a_fit_file() {
    let e = read_file(&fixture("garbage.fit")).expect_err("not FIT");
    assert!(
        e.to_string().contains("does not start with a FIT header"),
        "{e}"
    );
    assert_eq!(e.place(), Some(Place::Byte(0)));
}

// ---------------------------------------------------------------- broken input

#[test]
fn truncated_xml_files_are_reported_where_they_end() {
    for (name, bytes_in_file) in [("truncated.gpx", 1100), ("truncated.tcx", 3000)] {
        let e = read_file(&fixture(name)).expect_err("cut short");
        let text = e.to_string();
        assert!(
            text.contains("cut short") || text.contains("not well-formed"),
            "{name}: {e}"
        );
        let content = bytes(name);
        assert_eq!(content.len(), bytes_in_file);
        let lines = content.iter().filter(|&&b| b == b'\n').count() + 1;
        match e.place() {
            Some(Place::LineColumn { line, .. }) => assert!(line <= lines, "{name}: {e}"),
            other => panic!("{name}: a line and column, not {other:?}"),
        }
    }
}

#[test]
fn no_prefix_of_any_fixture_panics() {
    for (name, format) in [
        ("morning.gpx", SourceFormat::Gpx),
        ("whitespace.gpx", SourceFormat::Gpx),
        ("long.tcx", SourceFormat::Tcx),
        ("activities.csv", SourceFormat::StravaCsv),
        ("sessions.csv", SourceFormat::SessionCsv),
    ] {
        let content = bytes(name);
        let full = parse(format, &content, name).expect("the whole file imports");
        assert!(!full.is_empty());
        let end = content.trim_ascii_end().len();
        for n in 0..content.len() {
            // Shorter CSVs are still valid CSVs; XML cut before its last tag never is.
            // Neither panics.
            let result = parse(format, &content[..n], name);
            if matches!(format, SourceFormat::Gpx | SourceFormat::Tcx) && n < end {
                assert!(result.is_err(), "{name} cut at {n} imports");
            }
        }
    }
}

/// Deterministic pseudo-random bytes (xorshift64).
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.max(1);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn garbage_is_an_error_in_every_format() {
    let formats = [
        SourceFormat::Fit,
        SourceFormat::Gpx,
        SourceFormat::Tcx,
        SourceFormat::SessionCsv,
        SourceFormat::StravaCsv,
    ];
    for seed in 1..200u64 {
        let junk = noise(seed, (seed as usize * 37) % 2000);
        for format in formats {
            assert!(
                parse(format, &junk, "junk").is_err(),
                "{format:?} seed {seed}"
            );
        }
        // Garbage after a valid FIT header: the decoder reads into it and fails cleanly.
        let mut fit = write_fit(&fit_run(true, Some(0)))[..14].to_vec();
        fit.extend_from_slice(&junk);
        assert!(
            parse(SourceFormat::Fit, &fit, "junk.fit").is_err(),
            "seed {seed}"
        );
    }
}

#[test]
fn deeply_nested_xml_is_refused_rather_than_followed() {
    for (format, root) in [
        (SourceFormat::Gpx, "<gpx>"),
        (SourceFormat::Tcx, "<TrainingCenterDatabase>"),
    ] {
        let text = format!("{root}{}", "<a>".repeat(100_000));
        let e = parse(format, text.as_bytes(), "deep").expect_err("too deep");
        assert!(e.to_string().contains("nest more than 256 levels"), "{e}");
        // The 256th <a> (the root is the first level) opens at byte len(root) + 3 * 255.
        let column = root.len() + 3 * 255 + 1;
        assert_eq!(
            e.place(),
            Some(Place::LineColumn { line: 1, column }),
            "{e}"
        );
    }
}

#[test]
fn dates_at_the_ends_of_the_calendar_are_refused_not_converted() {
    // Moving these to local time would overflow the calendar.
    for date in [
        "+262142-12-31 23:59:59",
        "-262143-01-01 00:00:00",
        "1850-01-01 00:00:00",
    ] {
        let csv = format!("Activity ID,Activity Date,Elapsed Time\n1,{date},60\n");
        let e = parse(SourceFormat::StravaCsv, csv.as_bytes(), "a.csv");
        let e = e.expect_err("outside the years");
        assert!(
            e.to_string().contains("outside the years 1900-2200"),
            "{date}: {e}"
        );
    }
    let gpx = "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"1\"><time>9999-12-31T23:59:59Z</time>\
               </trkpt></trkseg></trk></gpx>";
    let e = parse(SourceFormat::Gpx, gpx.as_bytes(), "a.gpx").expect_err("year 9999");
    assert!(e.to_string().contains("outside the years"), "{e}");
}

// ---------------------------------------------------------------- detecting

#[test]
fn content_tells_the_format_before_the_extension() {
    assert_eq!(
        detect(&bytes("morning.gpx"), "x.tcx".as_ref()),
        Some(SourceFormat::Gpx)
    );
    assert_eq!(
        detect(&bytes("long.tcx"), "x.gpx".as_ref()),
        Some(SourceFormat::Tcx)
    );
    assert_eq!(
        detect(&bytes("activities.csv"), "export.txt".as_ref()),
        Some(SourceFormat::StravaCsv)
    );
    let fit = write_fit(&fit_run(true, None));
    assert_eq!(detect(&fit, "run.gpx".as_ref()), Some(SourceFormat::Fit));
    assert_eq!(
        detect(b"hello", "run.TCX".as_ref()),
        Some(SourceFormat::Tcx)
    );
    assert_eq!(detect(b"hello", "notes.txt".as_ref()), None);

    let dir = tempfile::tempdir().expect("temp dir");
    let wellness = dir.path().join("wellness.csv");
    std::fs::write(&wellness, "date,mood\n2027-03-01,4\n").expect("write");
    let e = read_file(&wellness).expect_err("check-ins are no activities");
    assert!(matches!(e, ImportError::Unsupported { .. }), "{e}");
    assert!(e.to_string().contains("wellness CSV"), "{e}");
    let gz = dir.path().join("123.fit.gz");
    std::fs::write(&gz, [0x1f, 0x8b, 8, 0]).expect("write");
    let e = read_file(&gz).expect_err("cut short");
    assert!(e.to_string().contains("damaged or cut short"), "{e}");
    // Compressed content without its name saying so.
    let hidden = dir.path().join("123.fit");
    std::fs::write(&hidden, [0x1f, 0x8b, 8, 0]).expect("write");
    let e = read_file(&hidden).expect_err("compressed");
    assert!(e.to_string().contains("name does not end in .gz"), "{e}");
    let e = read_file(&dir.path().join("123.bin").with_extension("dat")).expect_err("missing");
    assert!(matches!(e, ImportError::Io { .. }), "{e}");
    let misnamed = dir.path().join("export.dat");
    std::fs::write(&misnamed, b"PK\x03\x04rest").expect("write");
    let e = read_file(&misnamed).expect_err("a zip by another name");
    assert!(e.to_string().contains("name does not end in .zip"), "{e}");
    let e = read_file(&dir.path().join("missing.gpx")).expect_err("missing");
    assert!(matches!(e, ImportError::Io { .. }), "{e}");
}

#[test]
fn a_folder_stands_for_its_supported_files_in_name_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "b.gpx",
        "a.FIT",
        "c.tcx",
        "d.csv",
        "notes.txt",
        ".hidden.gpx",
    ] {
        std::fs::write(dir.path().join(name), "x").expect("write");
    }
    std::fs::create_dir(dir.path().join("sub.gpx")).expect("folder");
    std::fs::write(dir.path().join("sub.gpx").join("inner.gpx"), "x").expect("write");
    let single = fixture("morning.gpx");
    let files = expand_paths(&[single.clone(), dir.path().to_owned()]);
    let names: Vec<String> = files
        .iter()
        .skip(1)
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert_eq!(files[0], single, "a file stays as given, in its place");
    assert_eq!(names, ["a.FIT", "b.gpx", "c.tcx", "d.csv"]);
}

// ---------------------------------------------------------------- importing many files

fn run_at(start: NaiveDateTime) -> Activity {
    Activity::new(start, WorkoutKind::Easy, 1800.0)
}

#[test]
fn duplicates_within_a_minute_are_skipped_and_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    // long.tcx starts 08:00:00Z; this one 40 s later, another 61 s later.
    let copy = |name: &str, seconds: &str| {
        let text = std::fs::read_to_string(fixture("long.tcx"))
            .expect("read")
            .replace(
                "2027-03-06T08:00:00Z",
                &format!("2027-03-06T08:00:{seconds}Z"),
            );
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let near = copy("near.tcx", "40");
    // 08:01:01 is written as 08:00:61 no more: use the minute.
    let far = {
        let text = std::fs::read_to_string(fixture("long.tcx"))
            .expect("read")
            .replace("<Id>2027-03-06T08:00:00Z", "<Id>2027-03-06T08:01:01Z")
            .replace(
                "StartTime=\"2027-03-06T08:00:00Z\"",
                "StartTime=\"2027-03-06T08:01:01Z\"",
            )
            .replace("<Time>2027-03-06T08:00:00Z", "<Time>2027-03-06T08:01:01Z");
        let path = dir.path().join("far.tcx");
        std::fs::write(&path, text).expect("write");
        path
    };
    let mut history = History::default();
    // 30 s after morning.gpx's start.
    history.activities.push(run_at(at("2027-03-01 07:00:30")));
    let files = [
        fixture("morning.gpx"),
        fixture("activities.csv"),
        fixture("long.tcx"),
        near.clone(),
        far.clone(),
    ];
    let report = import_files(&files, &history, &mut |_| true);
    assert!(report.failed().is_empty(), "{:?}", report.failed());
    assert_eq!((report.files_done, report.cancelled), (5, false));
    // activities.csv: 5 of 6 (its last row is its first again, 27 s later); long.tcx; far.tcx.
    assert_eq!(report.imported.len(), 5 + 1 + 1);
    // morning.gpx repeats the history's run, which has no distance or heart rate: it fills
    // them in.
    assert_eq!(report.merged.len(), 1, "{:?}", report.merged);
    assert_eq!(report.merged[0].file, fixture("morning.gpx"));
    assert!(
        report.merged[0].reason.contains("already in the history"),
        "{:?}",
        report.merged
    );
    assert!(
        report.merged[0].filled.contains("distance")
            && report.merged[0].filled.contains("average heart rate"),
        "{:?}",
        report.merged
    );
    assert_eq!(report.fills.len(), 1, "to apply to the history");
    assert_eq!(report.skipped.len(), 2);
    let reasons: Vec<(&Path, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.file.as_path(), s.reason.as_str()))
        .collect();
    assert_eq!(reasons[0].0, fixture("activities.csv"));
    assert!(
        reasons[0].1.contains("earlier in the same file"),
        "{reasons:?}"
    );
    assert_eq!(reasons[1].0, near.as_path());
    assert!(
        reasons[1].1.contains("long.tcx"),
        "names the file it came from: {reasons:?}"
    );
    assert_eq!(report.skipped[1].start, local("2027-03-06 08:00:40"));
    assert!(history.activities.len() == 1, "the history is not changed");

    // Merging into a history counts the same way.
    let mut history = History::default();
    let merge = merge_into(
        &mut history,
        read_file(&fixture("activities.csv")).expect("ok"),
    );
    assert_eq!((merge.added, merge.merged, merge.duplicates), (5, 0, 1));
    assert!(
        history
            .activities
            .windows(2)
            .all(|w| w[0].start <= w[1].start)
    );
}

#[test]
fn progress_is_told_after_each_file_and_can_cancel() {
    let files = [
        fixture("morning.gpx"),
        fixture("garbage.fit"),
        fixture("long.tcx"),
    ];
    let mut calls = Vec::new();
    let report = import_files(&files, &History::default(), &mut |done| {
        calls.push(done);
        done < 2
    });
    assert_eq!(calls, [1, 2]);
    assert_eq!((report.files_done, report.cancelled), (2, true));
    assert_eq!(report.imported.len(), 1, "long.tcx was never read");
    // A failing file is recorded and the import goes on.
    assert_eq!(report.failed().len(), 1);
    assert_eq!(report.failed()[0].file, fixture("garbage.fit"));
    assert!(
        report.failed()[0].reason.contains("FIT header"),
        "{:?}",
        report.failed()
    );

    let report = import_files(&files, &History::default(), &mut |_| true);
    assert_eq!((report.files_done, report.cancelled), (3, false));
    assert_eq!((report.imported.len(), report.failed().len()), (2, 1));
}

#[test]
fn every_imported_activity_passes_the_documents_checks() {
    let mut doc = AthleteDocument::new(Athlete::example());
    let files = expand_paths(&[fixture("")]);
    let report = import_files(&files, &doc.history, &mut |_| true);
    assert!(report.imported.len() >= 10, "{}", report.imported.len());
    let fit =
        only(parse(SourceFormat::Fit, &write_fit(&fit_run(true, None)), "r.fit").expect("ok"));
    merge_into(&mut doc.history, report.imported);
    merge_into(&mut doc.history, vec![fit]);
    doc.validate().expect("valid");
    let text = document_to_string(&doc).expect("serialize");
    let back = stride::storage::document_from_str(&text, "x.ron".as_ref()).expect("loads");
    assert_eq!(back.history.activities.len(), doc.history.activities.len());
}

#[test]
fn errors_name_the_file_and_the_place() {
    let e = import::parse(SourceFormat::Gpx, b"<gpx><trk>", "a.gpx").expect_err("cut");
    assert_eq!(
        e.place(),
        Some(Place::LineColumn {
            line: 1,
            column: 11
        })
    );
    assert!(
        e.located(Path::new("in/a.gpx"))
            .starts_with("in/a.gpx:1:11: the file ends inside <trk>")
    );
    let e = import::parse(SourceFormat::Tcx, b"<gpx/>", "a.tcx").expect_err("not TCX");
    assert!(e.to_string().contains("root element is <gpx>"), "{e}");
    let e = import::parse(SourceFormat::Gpx, b"\xff<gpx/>", "a.gpx").expect_err("not UTF-8");
    assert_eq!(
        e.located(Path::new("a.gpx")).split(": ").next(),
        Some("a.gpx:1:1")
    );
}

// ---------------------------------------------------------------- the command line

#[test]
fn stride_import_takes_a_folder_of_mixed_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = AthleteDocument::new(Athlete::example());
    std::fs::write(
        dir.path().join("athlete.ron"),
        document_to_string(&doc).expect("serialize"),
    )
    .expect("write");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("folder");
    for name in ["morning.gpx", "long.tcx", "activities.csv", "sessions.csv"] {
        std::fs::copy(fixture(name), inbox.join(name)).expect("copy");
    }
    std::fs::copy(fixture("truncated.tcx"), inbox.join("broken.tcx")).expect("copy");
    // 06:30 UTC, the file's local time an hour ahead.
    std::fs::write(inbox.join("run.fit"), write_fit(&fit_run(true, Some(3600)))).expect("write");
    // The same run as a GPX from another app, 20 s off: a duplicate.
    std::fs::write(
        inbox.join("watch-copy.gpx"),
        "<gpx><trk><trkseg>\
         <trkpt lat=\"1\" lon=\"1\"><time>2027-03-08T07:30:20+01:00</time></trkpt>\
         <trkpt lat=\"1.01\" lon=\"1\"><time>2027-03-08T07:50:00+01:00</time></trkpt>\
         </trkseg></trk></gpx>",
    )
    .expect("write");
    std::fs::write(
        inbox.join("wellness.csv"),
        "date,mood\n2027-03-01,4\n2027-03-02,3\n",
    )
    .expect("write");
    std::fs::write(
        inbox.join("readme.txt"),
        "not imported: not a supported extension",
    )
    .expect("write");

    let o = stride(dir.path(), &["import", "inbox", "--into", "athlete.ron"]);
    let out = String::from_utf8(o.stdout.clone()).expect("utf-8");
    let err = String::from_utf8(o.stderr.clone()).expect("utf-8");
    assert_eq!(o.status.code(), Some(2), "one file failed: {err}");
    assert_eq!(
        out,
        "inbox/activities.csv: activities 5 added, 1 duplicates skipped\n\
         inbox/long.tcx: activities 1 added, 0 duplicates skipped\n\
         inbox/morning.gpx: activities 1 added, 0 duplicates skipped\n\
         inbox/run.fit: activities 1 added, 0 duplicates skipped\n\
         inbox/sessions.csv: activities 2 added, 0 duplicates skipped\n\
         inbox/watch-copy.gpx: activities 0 added, 1 duplicates skipped\n\
         inbox/wellness.csv: wellness 2 added, 0 updated, 0 unchanged\n\
         saved athlete.ron\n\
         summary: 7 files imported, 1 failed, 10 activities added, 2 duplicates skipped, 0 merged\n"
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with("error: inbox/broken.tcx:"), "{err}");
    assert!(lines[0].contains("cut short"), "{err}");

    let saved = load_document(&dir.path().join("athlete.ron")).expect("loads");
    assert_eq!(saved.history.activities.len(), 10);
    assert_eq!(saved.history.wellness.len(), 2);
    let run = saved
        .history
        .activities
        .iter()
        .find(|a| a.source_file.as_deref() == Some("run.fit"))
        .expect("the FIT run");
    assert_eq!(run.start, at("2027-03-08 07:30:00"));
    assert!(
        saved
            .history
            .activities
            .windows(2)
            .all(|w| w[0].start <= w[1].start),
        "kept in start order"
    );
    let first = NaiveDate::from_ymd_opt(2018, 9, 11).expect("day");
    assert!(saved.history.activities.iter().all(|a| a.date() >= first));
}

#[test]
fn a_date_at_the_end_of_the_calendar_is_an_error_in_a_time_zone_ahead_of_utc() {
    // Nine hours ahead of UTC (a POSIX zone, no time-zone database needed): converting the
    // last representable UTC time to local time would overflow the calendar.
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = AthleteDocument::new(Athlete::example());
    std::fs::write(
        dir.path().join("a.ron"),
        document_to_string(&doc).expect("serialize"),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("activities.csv"),
        "Activity ID,Activity Date,Elapsed Time\n1,+262142-12-31 23:59:59,60\n",
    )
    .expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_stride"))
        .current_dir(dir.path())
        .env("TZ", "JST-9")
        .args(["import", "activities.csv", "--into", "a.ron"])
        .output()
        .expect("run stride");
    let err = String::from_utf8(o.stderr.clone()).expect("utf-8");
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: activities.csv:2:2: "), "{err}");
    assert!(err.contains("outside the years 1900-2200"), "{err}");
}

#[test]
fn stride_import_of_one_recording_adds_it_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = AthleteDocument::new(Athlete::example());
    std::fs::write(
        dir.path().join("a.ron"),
        document_to_string(&doc).expect("serialize"),
    )
    .expect("write");
    std::fs::copy(fixture("morning.gpx"), dir.path().join("morning.gpx")).expect("copy");
    let o = stride(dir.path(), &["import", "morning.gpx", "--into", "a.ron"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout.clone()).expect("utf-8"),
        "morning.gpx: activities 1 added, 0 duplicates skipped\nsaved a.ron\n\
         summary: 1 files imported, 0 failed, 1 activities added, 0 duplicates skipped, 0 merged\n"
    );
    // Again: nothing new, the document is not written.
    let o = stride(dir.path(), &["import", "morning.gpx", "--into", "a.ron"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(o.stdout.clone()).expect("utf-8"),
        "morning.gpx: activities 0 added, 1 duplicates skipped\nunchanged a.ron\n\
         summary: 1 files imported, 0 failed, 0 activities added, 1 duplicates skipped, 0 merged\n"
    );
}

/// Inputs the fuzzers found; each once made an importer panic.
#[test]
fn fuzz_findings_give_an_error_or_activities_never_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("regressions") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("fit") => SourceFormat::Fit,
            Some("gpx") => SourceFormat::Gpx,
            Some("tcx") => SourceFormat::Tcx,
            _ => continue,
        };
        // A crafted FIT file once overflowed the decoder's component accumulator.
        let result = stride::import::parse(format, &bytes, "fuzz");
        if let Err(e) = &result {
            assert!(!e.to_string().is_empty());
        }
        seen += 1;
    }
    assert!(seen >= 1);
}

/// A GPX track due north from the equator: one point every `dt` seconds, each moving the
/// metres `speeds(i)` x dt at the altitude `ele(i)`.
fn gpx_track(
    points: usize,
    dt: i64,
    speed: impl Fn(usize) -> f64,
    ele: impl Fn(usize) -> f64,
) -> String {
    let mut text = String::from(
        "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"test\" \
         xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>",
    );
    let start = chrono::DateTime::parse_from_rfc3339("2027-03-01T07:00:00Z").expect("time");
    let mut metres = 0.0;
    for i in 0..points {
        let time = start + chrono::TimeDelta::seconds(i as i64 * dt);
        let lat = metres / R * 180.0 / std::f64::consts::PI;
        text.push_str(&format!(
            "<trkpt lat=\"{lat:.9}\" lon=\"0\"><ele>{:.2}</ele><time>{}</time></trkpt>",
            ele(i),
            time.format("%Y-%m-%dT%H:%M:%SZ")
        ));
        metres += speed(i) * dt as f64;
    }
    text.push_str("</trkseg></trk></gpx>");
    text
}

/// Issue: the pace load took elapsed time and average pace, which under-counts intervals.
/// The reader now works out a normalised, grade-adjusted pace from the track.
#[test]
fn a_recorded_track_gives_a_normalised_grade_adjusted_pace() {
    let pace_of = |text: String| {
        let a = only(gpx::parse(text.as_bytes()).expect("a track"));
        let moving = a.moving_s.expect("moving time");
        let average = moving / (a.distance_m.expect("distance") / 1000.0);
        (
            a.normalised_pace_s_per_km.expect("normalised pace"),
            average,
        )
    };
    // Steady on the flat: the normalised pace is the average moving pace.
    let (steady, average) = pace_of(gpx_track(1201, 3, |_| 3.5, |_| 10.0));
    assert!((steady - average).abs() < 2.0, "{steady} against {average}");
    // Intervals: 2 minutes at 5 m/s, 2 minutes at 2.5 m/s. Faster than the average.
    let (intervals, average) = pace_of(gpx_track(
        1201,
        3,
        |i| if (i / 40) % 2 == 0 { 5.0 } else { 2.5 },
        |_| 10.0,
    ));
    assert!(intervals < average - 10.0, "{intervals} against {average}");
    // Steadily uphill at 5%: harder than the same pace on the flat (Minetti's cost).
    let (uphill, average) = pace_of(gpx_track(1201, 3, |_| 3.5, |i| i as f64 * 3.0 * 3.5 * 0.05));
    let cost = stride::import::running_cost(0.05) / stride::import::running_cost(0.0);
    assert!(
        (uphill - average / cost).abs() < 3.0,
        "{uphill} against {average} / {cost}"
    );
}

#[test]
fn recordings_written_out_of_order_start_at_their_earliest_time() {
    // A GPX whose points go backwards: the run is 07:00 to 07:20, written last point first.
    let gpx = "<gpx><trk><trkseg>\
         <trkpt lat=\"1.02\" lon=\"1\"><time>2027-03-08T07:20:00Z</time></trkpt>\
         <trkpt lat=\"1.01\" lon=\"1\"><time>2027-03-08T07:10:00Z</time></trkpt>\
         <trkpt lat=\"1\" lon=\"1\"><time>2027-03-08T07:00:00Z</time></trkpt>\
         </trkseg></trk></gpx>";
    let a = only(parse(SourceFormat::Gpx, gpx.as_bytes(), "back.gpx").expect("imports"));
    let first = only(
        parse(
            SourceFormat::Gpx,
            gpx.replace("07:20:00Z", "07:00:00Z")
                .replace("lat=\"1.02\"", "lat=\"1.00\"")
                .as_bytes(),
            "probe.gpx",
        )
        .expect("imports"),
    );
    assert_eq!(a.start, first.start, "the earliest point, 07:00 local");
    assert_eq!(a.duration_s, 1200.0);
    // A TCX with its laps in reverse order and no Id: 06:00 to 06:35 in all.
    let tcx = r#"<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
 <Activities><Activity Sport="Running">
  <Lap StartTime="2027-04-01T06:20:00+02:00"><TotalTimeSeconds>900</TotalTimeSeconds>
   <DistanceMeters>3000</DistanceMeters>
   <Track><Trackpoint><Time>2027-04-01T06:20:00+02:00</Time></Trackpoint>
   <Trackpoint><Time>2027-04-01T06:35:00+02:00</Time></Trackpoint></Track></Lap>
  <Lap StartTime="2027-04-01T06:00:00+02:00"><TotalTimeSeconds>1200</TotalTimeSeconds>
   <DistanceMeters>4000</DistanceMeters>
   <Track><Trackpoint><Time>2027-04-01T06:00:00+02:00</Time></Trackpoint>
   <Trackpoint><Time>2027-04-01T06:20:00+02:00</Time></Trackpoint></Track></Lap>
 </Activity></Activities></TrainingCenterDatabase>"#;
    let a = only(parse(SourceFormat::Tcx, tcx.as_bytes(), "laps.tcx").expect("imports"));
    assert_eq!(a.start, at("2027-04-01 06:00:00"));
    assert_eq!(a.duration_s, 2100.0);
}

#[test]
fn recordings_that_span_no_time_are_refused() {
    let one_point = "<gpx><trk><trkseg>\
         <trkpt lat=\"1\" lon=\"1\"><time>2027-03-08T07:00:00Z</time></trkpt>\
         </trkseg></trk></gpx>";
    let same_time = "<gpx><trk><trkseg>\
         <trkpt lat=\"1\" lon=\"1\"><time>2027-03-08T07:00:00Z</time></trkpt>\
         <trkpt lat=\"1.01\" lon=\"1\"><time>2027-03-08T07:00:00Z</time></trkpt>\
         </trkseg></trk></gpx>";
    for gpx in [one_point, same_time] {
        let e = parse(SourceFormat::Gpx, gpx.as_bytes(), "x.gpx").expect_err("no time");
        assert!(e.to_string().contains("spans no time"), "{e}");
    }
    let no_laps = r#"<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
 <Activities><Activity Sport="Running"><Id>2027-04-01T06:00:00+02:00</Id>
 </Activity></Activities></TrainingCenterDatabase>"#;
    let e = parse(SourceFormat::Tcx, no_laps.as_bytes(), "x.tcx").expect_err("no laps");
    assert!(e.to_string().contains("spans no time"), "{e}");
}

#[test]
fn a_negative_heart_rate_in_stravas_export_is_named_without_a_huge_bound() {
    let csv = "Activity ID,Activity Date,Elapsed Time,Max Heart Rate\n\
               1,\"Sep 12, 2018, 3:02:23 PM\",2400,-5\n";
    let e = parse(SourceFormat::StravaCsv, csv.as_bytes(), "activities.csv").expect_err("-5");
    let message = e.to_string();
    assert!(
        message.contains("Max Heart Rate -5 is not a number of 0 or more"),
        "{message}"
    );
    assert!(message.len() < 200, "{message}");
}

#[test]
fn one_run_read_with_z_and_with_an_offset_or_in_another_time_zone_is_one_activity() {
    let track = |offset: &str, hour: u32| {
        format!(
            "<gpx><trk><trkseg>\
             <trkpt lat=\"1\" lon=\"1\"><time>2027-03-08T{hour:02}:00:00{offset}</time></trkpt>\
             <trkpt lat=\"1.01\" lon=\"1\"><time>2027-03-08T{hour:02}:20:00{offset}</time></trkpt>\
             </trkseg></trk></gpx>"
        )
    };
    let utc = only(parse(SourceFormat::Gpx, track("Z", 6).as_bytes(), "z.gpx").expect("z"));
    let paris = only(
        parse(
            SourceFormat::Gpx,
            track("+01:00", 7).as_bytes(),
            "paris.gpx",
        )
        .expect("+01"),
    );
    assert_eq!(utc.instant, paris.instant, "one instant");
    assert!(utc.instant.is_some());
    let mut history = stride::model::History::default();
    let first = merge_into(&mut history, vec![utc.clone()]);
    assert_eq!(first.added, 1);
    let again = merge_into(&mut history, vec![paris]);
    assert_eq!((again.added, again.duplicates), (0, 1), "the same run");
    // The history was written on a computer three hours away: its local start differs, its
    // instant does not.
    let mut elsewhere = utc.clone();
    elsewhere.start += chrono::TimeDelta::hours(3);
    let mut moved = stride::model::History::default();
    merge_into(&mut moved, vec![elsewhere]);
    let again = merge_into(&mut moved, vec![utc]);
    assert_eq!(
        (again.added, again.duplicates),
        (0, 1),
        "re-imported after a move"
    );
}

#[test]
fn a_fit_recording_of_a_single_record_is_refused() {
    let mut run = fit_run(false, None);
    run.points.truncate(1);
    let e = parse(SourceFormat::Fit, &write_fit(&run), "one.fit").expect_err("one record");
    assert!(e.to_string().contains("spans no time"), "{e}");
}

//! Recordings as they come from Strava's bulk export: gzip-compressed files and folders of
//! them, a zip laid out like the export (written here: `activities.csv`, `activities/` with
//! `.fit.gz`, `.gpx` and `.tcx.gz`, and the `routes/` and `media/` that are not imported),
//! `activities.csv` in other languages, and duplicates that fill in what the stored activity
//! lacks.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDateTime, TimeZone};
use stride::import::{
    ImportError, SourceFormat, count_files, expand_paths, import_files, merge_into, parse,
    read_file,
};
use stride::model::{Activity, CrossActivity, History, WorkoutKind};

#[path = "data/import/fit_writer.rs"]
mod fit_writer;

use fit_writer::{FitActivity, Point, Totals, write_fit};
use rustyfit::profile::typedef::{Sport, SubSport};

#[path = "common/cli.rs"]
mod cli;

use cli::stride;

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").expect("valid time")
}

/// A UTC time as this computer's local time (what the import does with UTC times).
fn local(utc: &str) -> NaiveDateTime {
    Local.from_utc_datetime(&at(utc)).naive_local()
}

fn unix(utc: &str) -> i64 {
    at(utc).and_utc().timestamp()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("compress");
    encoder.finish().expect("compress")
}

/// A run of `minutes` from `start` (UTC) at 3 m/s, a point a minute, with or without a sport
/// and heart rate.
fn fit_run(start: &str, minutes: u32, sport: Option<Sport>, hr: bool) -> Vec<u8> {
    let points = (0..=minutes)
        .map(|m| Point {
            at_s: m * 60,
            distance_m: f64::from(m) * 180.0,
            hr: hr.then_some(140),
        })
        .collect();
    write_fit(&FitActivity {
        start_unix_s: unix(start),
        local_offset_s: None,
        points,
        session: sport.map(|sport| Totals {
            sport: (sport, SubSport::GENERIC),
            elapsed_s: f64::from(minutes * 60),
            timer_s: f64::from(minutes * 60),
            distance_m: f64::from(minutes) * 180.0,
            avg_hr: hr.then_some(140),
            max_hr: hr.then_some(140),
        }),
    })
}

/// A GPX track of `minutes` from `start` (UTC, `Z`) northwards, a point a minute, with the
/// `type` Strava writes (a number) or none.
fn gpx_track(start: &str, minutes: i64, kind: Option<&str>) -> String {
    let t0 = at(start);
    let points: String = (0..=minutes)
        .map(|m| {
            let time = t0 + chrono::TimeDelta::minutes(m);
            format!(
                "<trkpt lat=\"{:.6}\" lon=\"13.0\"><time>{}Z</time></trkpt>\n",
                52.0 + m as f64 * 0.002,
                time.format("%Y-%m-%dT%H:%M:%S")
            )
        })
        .collect();
    let kind = kind.map_or_else(String::new, |k| format!("<type>{k}</type>"));
    format!(
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"StravaGPX\"><trk>\
         <name>Track</name>{kind}<trkseg>\n{points}</trkseg></trk></gpx>\n"
    )
}

/// A TCX running activity of `minutes` from `start` (UTC), a trackpoint a minute at 3 m/s,
/// with a heart rate of 150 or none.
fn tcx_run(start: &str, minutes: i64, hr: bool) -> String {
    let t0 = at(start);
    let stamp = |t: NaiveDateTime| format!("{}Z", t.format("%Y-%m-%dT%H:%M:%S"));
    let points: String = (0..=minutes)
        .map(|m| {
            let hr = if hr {
                "<HeartRateBpm><Value>150</Value></HeartRateBpm>"
            } else {
                ""
            };
            format!(
                "<Trackpoint><Time>{}</Time><DistanceMeters>{}</DistanceMeters>{hr}\
                 </Trackpoint>\n",
                stamp(t0 + chrono::TimeDelta::minutes(m)),
                m * 180
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase \
         xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities>\
         <Activity Sport=\"Running\"><Id>{0}</Id><Lap StartTime=\"{0}\"><Track>\n{points}\
         </Track></Lap></Activity></Activities></TrainingCenterDatabase>\n",
        stamp(t0)
    )
}

/// A zip archive of `members` (name, content), deflated as Strava's export is.
fn zip(members: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        if name.ends_with('/') {
            writer.add_directory(*name, options).expect("folder");
        } else {
            writer.start_file(*name, options).expect("member");
            writer.write_all(bytes).expect("write");
        }
    }
    writer.finish().expect("zip").into_inner()
}

fn only(activities: Vec<Activity>) -> Activity {
    assert_eq!(activities.len(), 1, "{activities:#?}");
    activities.into_iter().next().expect("one activity")
}

fn cross(activity: CrossActivity) -> WorkoutKind {
    WorkoutKind::CrossTraining { activity }
}

fn athlete_file(dir: &Path) -> PathBuf {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-athlete.ron");
    let path = dir.join("athlete.ron");
    std::fs::copy(demo, &path).expect("copy the demo");
    path
}

// ---------------------------------------------------------------- gzip

#[test]
fn a_folder_of_gz_recordings_imports_each_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = [
        (
            "a-run.fit.gz",
            gz(&fit_run(
                "2027-03-01 06:00:00",
                40,
                Some(Sport::RUNNING),
                true,
            )),
        ),
        (
            "b-ride.gpx.gz",
            gz(gpx_track("2027-03-02 17:00:00", 30, Some("cycling")).as_bytes()),
        ),
        (
            "c-long.tcx.gz",
            gz(tcx_run("2027-03-03 07:00:00", 100, false).as_bytes()),
        ),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    let listed = expand_paths(&[dir.path().to_owned()]);
    assert_eq!(listed.len(), 3, "{listed:?}");
    let report = import_files(&listed, &History::default(), &mut |_| true);
    assert!(report.failed().is_empty(), "{:?}", report.failed());
    let got: Vec<(WorkoutKind, f64, Option<&str>)> = report
        .imported
        .iter()
        .map(|a| (a.kind.clone(), a.duration_s, a.source_file.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (WorkoutKind::Easy, 2400.0, Some("a-run.fit.gz")),
            (cross(CrossActivity::Cycling), 1800.0, Some("b-ride.gpx.gz")),
            (WorkoutKind::Long, 6000.0, Some("c-long.tcx.gz")),
        ]
    );
    assert_eq!(report.imported[0].avg_hr_bpm, Some(140));
    assert_eq!(report.imported[0].start, local("2027-03-01 06:00:00"));
    // The command line takes the folder the same way.
    let home = tempfile::tempdir().expect("temp dir");
    athlete_file(home.path());
    let folder = dir.path().to_string_lossy().into_owned();
    let o = stride(home.path(), &["import", &folder, "--into", "athlete.ron"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.ends_with(
            "summary: 3 files imported, 0 failed, 3 activities added, 0 duplicates skipped, \
             0 merged\n"
        ),
        "{stdout}"
    );
}

#[test]
fn a_gz_that_is_not_gzip_gets_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("run.fit.gz");
    std::fs::write(
        &plain,
        fit_run("2027-03-01 06:00:00", 40, Some(Sport::RUNNING), false),
    )
    .expect("write");
    let e = read_file(&plain).expect_err("not gzip");
    assert!(matches!(e, ImportError::Archive { .. }), "{e:?}");
    let text = e.to_string();
    assert!(
        text.contains("named .gz but is not gzip-compressed") && text.contains("1f 8b"),
        "{text}"
    );
    // Cut short: gzip, but damaged.
    let whole = gz(gpx_track("2027-03-02 17:00:00", 30, None).as_bytes());
    let cut = dir.path().join("cut.gpx.gz");
    std::fs::write(&cut, &whole[..whole.len() / 2]).expect("write");
    let e = read_file(&cut).expect_err("damaged");
    assert!(e.to_string().contains("damaged or cut short"), "{e}");
    // The command line says so and imports nothing.
    athlete_file(dir.path());
    let o = stride(
        dir.path(),
        &["import", "run.fit.gz", "--into", "athlete.ron"],
    );
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.starts_with("error: run.fit.gz: the file is named .gz but is not gzip"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------- Strava's export zip

const STRAVA_HEADER: &str = "Activity ID,Activity Date,Activity Name,Activity Type,\
    Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,\
    Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,\
    Moving Time,Distance";

/// An export as Strava lays it out: four activities, three with recordings (one a GPX whose
/// type is Strava's number, so the CSV gives the sport), one entered by hand.
fn strava_export() -> Vec<u8> {
    let csv = format!(
        "{STRAVA_HEADER}\n\
         101,\"Mar 1, 2027, 6:00:00 AM\",Lakeside intervals,Run,,2400,7.20,,,false,,,\
         activities/101.fit.gz,,,2400.0,2400.0,7200.0\n\
         102,\"Mar 2, 2027, 5:00:00 PM\",Commute home,Ride,,1800,10.0,,,true,,,\
         activities/102.gpx,,,1800.0,1800.0,10000.0\n\
         103,\"Mar 3, 2027, 7:00:00 AM\",Pool,Swim,,1800,1500,,,false,,,,,,1800.0,1700.0,1500.0\n\
         104,\"Mar 4, 2027, 7:00:00 AM\",Recovery,Run,,1800,5.40,,,false,,,\
         activities/104.tcx.gz,,,1800.0,1800.0,5400.0\n"
    );
    zip(&[
        ("activities.csv", csv.into_bytes()),
        (
            "profile.csv",
            b"Athlete ID,Email\n1,a@example.org\n".to_vec(),
        ),
        ("activities/", Vec::new()),
        (
            "activities/101.fit.gz",
            gz(&fit_run(
                "2027-03-01 06:00:00",
                40,
                Some(Sport::RUNNING),
                true,
            )),
        ),
        (
            "activities/102.gpx",
            gpx_track("2027-03-02 17:00:00", 30, Some("1")).into_bytes(),
        ),
        (
            "activities/104.tcx.gz",
            gz(tcx_run("2027-03-04 07:00:00", 30, true).as_bytes()),
        ),
        // A planned route: a GPX without times, which is not an activity.
        (
            "routes/1.gpx",
            b"<?xml version=\"1.0\"?><gpx><rte><rtept lat=\"1\" lon=\"1\"/></rte></gpx>".to_vec(),
        ),
        ("media/photo.jpg", vec![0xff, 0xd8, 0xff, 0xe0]),
    ])
}

#[test]
fn a_zip_laid_out_like_stravas_export_imports_in_one_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("export_123.zip");
    std::fs::write(&path, strava_export()).expect("write");
    assert_eq!(count_files(&path), 4, "three recordings and activities.csv");
    let mut progress = Vec::new();
    let report = import_files(std::slice::from_ref(&path), &History::default(), &mut |n| {
        progress.push(n);
        true
    });
    assert!(report.failed().is_empty(), "{:?}", report.failed());
    assert_eq!(progress, vec![1, 2, 3, 4]);
    let got: Vec<(&str, WorkoutKind, Option<&str>)> = report
        .imported
        .iter()
        .map(|a| (a.notes.as_str(), a.kind.clone(), a.source_file.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Lakeside intervals", WorkoutKind::Easy, Some("101.fit.gz")),
            // The GPX's type is Strava's number, which names no sport: the CSV's Ride does.
            (
                "Commute home",
                cross(CrossActivity::Cycling),
                Some("102.gpx")
            ),
            ("Recovery", WorkoutKind::Easy, Some("104.tcx.gz")),
            // Entered by hand on Strava: only the CSV has it.
            (
                "Pool",
                cross(CrossActivity::Swimming),
                Some("activities.csv")
            ),
        ]
    );
    // The figures are the recordings' own.
    assert_eq!(report.imported[0].avg_hr_bpm, Some(140));
    assert_eq!(report.imported[2].avg_hr_bpm, Some(150));
    assert_eq!(report.imported[3].moving_s, Some(1700.0));
    // Each file in the archive is named by the archive and its place in it.
    let again = import_files(
        std::slice::from_ref(&path),
        &History::default(),
        &mut |_| true,
    );
    assert_eq!(again, report, "the same archive reads the same");
}

#[test]
fn stride_import_reads_the_export_zip_and_names_each_file_in_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("export.zip"), strava_export()).expect("write");
    let doc = athlete_file(dir.path());
    let before = stride::storage::load_document(&doc)
        .expect("load")
        .history
        .activities
        .len();
    let o = stride(
        dir.path(),
        &["import", "export.zip", "--into", "athlete.ron"],
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        stdout,
        "export.zip/activities/101.fit.gz: activities 1 added, 0 duplicates skipped\n\
         export.zip/activities/102.gpx: activities 1 added, 0 duplicates skipped\n\
         export.zip/activities/104.tcx.gz: activities 1 added, 0 duplicates skipped\n\
         export.zip/activities.csv: activities 1 added, 0 duplicates skipped\n\
         saved athlete.ron\n\
         summary: 4 files imported, 0 failed, 4 activities added, 0 duplicates skipped, 0 merged\n"
    );
    let after = stride::storage::load_document(&doc).expect("load");
    assert_eq!(after.history.activities.len(), before + 4);
}

#[test]
fn a_broken_member_fails_alone_and_a_broken_archive_says_what_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mixed.zip");
    std::fs::write(
        &path,
        zip(&[
            (
                "a.fit",
                fit_run("2027-03-01 06:00:00", 40, Some(Sport::RUNNING), false),
            ),
            ("b.gpx.gz", b"<gpx>not compressed</gpx>".to_vec()),
            (
                "c.tcx",
                tcx_run("2027-03-04 07:00:00", 30, true).into_bytes(),
            ),
            ("notes.txt", b"not a recording".to_vec()),
        ]),
    )
    .expect("write");
    let report = import_files(
        std::slice::from_ref(&path),
        &History::default(),
        &mut |_| true,
    );
    assert_eq!(report.imported.len(), 2, "{report:?}");
    assert_eq!(report.failed().len(), 1);
    assert_eq!(report.failed()[0].file, path.join("b.gpx.gz"));
    assert!(report.failed()[0].reason.contains("not gzip-compressed"));

    let broken = dir.path().join("broken.zip");
    std::fs::write(&broken, b"PK\x03\x04 and then nothing a zip needs").expect("write");
    let report = import_files(
        std::slice::from_ref(&broken),
        &History::default(),
        &mut |_| true,
    );
    assert_eq!(report.failed().len(), 1, "{report:?}");
    assert!(
        report.failed()[0].reason.contains("zip archive is damaged"),
        "{}",
        report.failed()[0].reason
    );
}

// ---------------------------------------------------------------- localised activities.csv

#[test]
fn a_german_activities_csv_imports() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/activities-de.csv");
    let all = read_file(&file).expect("a German export imports");
    type Row = (NaiveDateTime, WorkoutKind, f64, Option<f64>, Option<f64>);
    let got: Vec<Row> = all
        .iter()
        .map(|a| {
            (
                a.start,
                a.kind.clone(),
                a.duration_s,
                a.moving_s,
                a.distance_m,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                local("2022-12-09 15:24:49"),
                cross(CrossActivity::Cycling),
                3189.0,
                Some(2070.0),
                Some(9440.0)
            ),
            (
                local("2022-12-10 06:30:00"),
                WorkoutKind::Easy,
                2400.0,
                Some(2310.0),
                Some(8020.5)
            ),
            (
                local("2022-12-11 18:00:00"),
                WorkoutKind::Long,
                6600.0,
                Some(6500.0),
                Some(20_000.0)
            ),
            (
                local("2022-12-12 12:00:00"),
                cross(CrossActivity::Swimming),
                1800.0,
                Some(1750.0),
                Some(1500.0)
            ),
            (
                local("2022-12-13 19:15:00"),
                cross(CrossActivity::Strength),
                2700.0,
                Some(2700.0),
                None
            ),
        ]
    );
    assert_eq!(all[0].notes, "Feierabendrunde");
    assert_eq!(
        (all[1].avg_hr_bpm, all[1].max_hr_bpm),
        (Some(150), Some(171))
    );
    assert_eq!(
        (all[3].avg_hr_bpm, all[3].max_hr_bpm),
        (Some(128), Some(140)),
        "the second Max. Herzfrequenz, not the first's 139,0"
    );
}

#[test]
fn every_language_strava_writes_is_read() {
    // Each: the header of the columns read, and a row of a 50-minute run on 12 September 2018
    // at 15:02:23 UTC as that language writes its date.
    let cases = [
        (
            "en",
            "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Filename,\
             Elapsed Time,Moving Time,Max Heart Rate,Average Heart Rate",
            "\"Sep 12, 2018, 3:02:23 PM\"",
            "Run",
        ),
        (
            "de",
            "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Verstrichene Zeit,\
             Dateiname,Verstrichene Zeit,Bewegungszeit,Max. Herzfrequenz,\
             Durchschnittliche Herzfrequenz",
            "\"12.09.2018, 15:02:23\"",
            "Lauf",
        ),
        (
            "fr",
            "ID de l'activité,Date de l'activité,Nom de l'activité,Type d'activité,\
             Temps écoulé,Nom du fichier,Temps écoulé,Durée de déplacement,\
             Fréquence cardiaque max.,Fréquence cardiaque moyenne",
            "\"12 sept. 2018, 15:02:23\"",
            "Course à pied",
        ),
        (
            "es",
            "ID de actividad,Fecha de la actividad,Nombre de la actividad,Tipo de actividad,\
             Tiempo transcurrido,Nombre del archivo,Tiempo transcurrido,Tiempo en movimiento,\
             Frecuencia cardíaca máxima,Frecuencia cardíaca media",
            "\"12 sept 2018 3:02:23 p. m.\"",
            "Carrera",
        ),
        (
            "it",
            "ID attività,Data attività,Nome attività,Tipo attività,Tempo trascorso,Nome file,\
             Tempo trascorso,Tempo in movimento,Frequenza cardiaca massima,\
             Frequenza cardiaca media",
            "\"12 set 2018, 15:02:23\"",
            "Corsa",
        ),
        (
            "nl",
            "Activiteits-ID,Datum van activiteit,Naam activiteit,Activiteitstype,\
             Verstreken tijd,Bestandsnaam,Verstreken tijd,Beweegtijd,Max. hartslag,\
             Gemiddelde hartslag",
            "\"12 sep. 2018 15:02:23\"",
            "Hardloopsessie",
        ),
        (
            "pt",
            "ID da atividade,Data da atividade,Nome da atividade,Tipo de atividade,\
             Tempo decorrido,Nome do arquivo,Tempo decorrido,Tempo em movimento,\
             Frequência cardíaca máxima,Frequência cardíaca média",
            "\"12 de set. de 2018, 15:02:23\"",
            "Corrida",
        ),
    ];
    for (language, header, date, sport) in cases {
        let csv = format!(
            "{header}\n7,{date},Nachmittag,{sport},3000,activities/7.fit.gz,3000.0,2900.0,\
             171.0,150.4\n"
        );
        let a = only(
            parse(SourceFormat::StravaCsv, csv.as_bytes(), "activities.csv")
                .unwrap_or_else(|e| panic!("{language}: {e}")),
        );
        assert_eq!(a.start, local("2018-09-12 15:02:23"), "{language}");
        assert_eq!(a.kind, WorkoutKind::Easy, "{language}");
        assert_eq!(
            (a.duration_s, a.moving_s),
            (3000.0, Some(2900.0)),
            "{language}"
        );
        assert_eq!(
            (a.avg_hr_bpm, a.max_hr_bpm),
            (Some(150), Some(171)),
            "{language}"
        );
        assert_eq!(a.notes, "Nachmittag", "{language}");
    }
}

#[test]
fn a_localised_export_zip_links_its_rows_by_their_file_name() {
    let csv = "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,\
               Verstrichene Zeit,Dateiname\n\
               9,\"02.03.2027, 17:00:00\",Heimweg,Radfahrt,1800,activities/9.gpx.gz\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("export.zip");
    std::fs::write(
        &path,
        zip(&[
            ("activities.csv", csv.as_bytes().to_vec()),
            (
                "activities/9.gpx.gz",
                gz(gpx_track("2027-03-02 17:00:00", 30, None).as_bytes()),
            ),
        ]),
    )
    .expect("write");
    let all = read_file(&path).expect("imports");
    let a = only(all);
    assert_eq!(
        (a.notes.as_str(), a.kind.clone()),
        ("Heimweg", cross(CrossActivity::Cycling))
    );
    assert_eq!(a.source_file.as_deref(), Some("9.gpx.gz"));
}

// ---------------------------------------------------------------- merging duplicates

#[test]
fn a_duplicate_with_heart_rate_fills_in_a_stored_activity_without_it() {
    let without = only(
        parse(
            SourceFormat::Tcx,
            tcx_run("2027-03-04 07:00:00", 30, false).as_bytes(),
            "watch.tcx",
        )
        .expect("imports"),
    );
    let with_hr = only(
        parse(
            SourceFormat::Tcx,
            tcx_run("2027-03-04 07:00:20", 31, true).as_bytes(),
            "strap.tcx",
        )
        .expect("imports"),
    );
    assert_eq!(without.avg_hr_bpm, None);
    let mut history = History {
        activities: vec![without.clone()],
        ..History::default()
    };
    let merge = merge_into(&mut history, vec![with_hr.clone()]);
    assert_eq!((merge.added, merge.merged, merge.duplicates), (0, 1, 0));
    let stored = only(history.activities.clone());
    assert_eq!(
        (stored.avg_hr_bpm, stored.max_hr_bpm),
        (Some(150), Some(150))
    );
    // What was there stays: the start, the elapsed time and the distance of the first.
    assert_eq!(
        (
            stored.start,
            stored.duration_s,
            stored.distance_m,
            stored.source_file
        ),
        (
            without.start,
            1800.0,
            without.distance_m,
            Some("watch.tcx".to_owned())
        )
    );
    // Again: nothing left to fill, so it is skipped.
    let merge = merge_into(&mut history, vec![with_hr.clone()]);
    assert_eq!((merge.added, merge.merged, merge.duplicates), (0, 0, 1));

    // The window's import: the report says what it filled, and applying it fills the history.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("strap.tcx");
    std::fs::write(&file, tcx_run("2027-03-04 07:00:20", 31, true)).expect("write");
    let history = History {
        activities: vec![without.clone()],
        ..History::default()
    };
    let report = import_files(std::slice::from_ref(&file), &history, &mut |_| true);
    assert!(
        report.imported.is_empty() && report.skipped.is_empty(),
        "{report:?}"
    );
    assert_eq!(report.merged.len(), 1);
    assert!(report.merged[0].filled.contains("average heart rate"));
    let mut applied = history.clone();
    merge_into(&mut applied, report.fills.clone());
    assert_eq!(applied.activities[0].avg_hr_bpm, Some(150));

    // Within one import: the second file fills in the first.
    let first = dir.path().join("a-watch.tcx");
    std::fs::write(&first, tcx_run("2027-03-04 07:00:00", 30, false)).expect("write");
    let report = import_files(&[first, file], &History::default(), &mut |_| true);
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.imported[0].avg_hr_bpm, Some(150));
    assert_eq!(report.merged.len(), 1);
    assert!(report.fills.is_empty(), "nothing in the history to fill");
}

#[test]
fn stride_import_counts_merged_duplicates_in_its_summary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = athlete_file(dir.path());
    std::fs::write(
        dir.path().join("watch.tcx"),
        tcx_run("2027-03-04 07:00:00", 30, false),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("strap.tcx"),
        tcx_run("2027-03-04 07:00:20", 31, true),
    )
    .expect("write");
    let o = stride(
        dir.path(),
        &["import", "watch.tcx", "--into", "athlete.ron"],
    );
    assert!(o.status.success());
    let o = stride(
        dir.path(),
        &["import", "strap.tcx", "--into", "athlete.ron"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "strap.tcx: activities 0 added, 0 duplicates skipped\n\
         saved athlete.ron\n\
         summary: 1 files imported, 0 failed, 0 activities added, 0 duplicates skipped, 1 merged\n"
    );
    let saved = stride::storage::load_document(&doc).expect("load");
    let run = saved
        .history
        .activities
        .iter()
        .find(|a| a.source_file.as_deref() == Some("watch.tcx"))
        .expect("the stored run");
    assert_eq!(run.avg_hr_bpm, Some(150));
}

// ---------------------------------------------------------------- size limits

#[test]
fn a_gzip_bomb_is_refused_once_the_limit_is_inflated() {
    use stride::import::packed::gunzip_within;
    const MIB: usize = 1 << 20;
    // Eight gzip members of a mebibyte of zeros each: a few kilobytes that inflate to 8 MiB.
    let member = gz(&vec![0u8; MIB]);
    let bomb: Vec<u8> = member
        .iter()
        .copied()
        .cycle()
        .take(member.len() * 8)
        .collect();
    assert!(bomb.len() < MIB / 16, "{} bytes", bomb.len());
    let e = gunzip_within(bomb.as_slice(), 4 * MIB as u64).expect_err("over the limit");
    assert!(matches!(e, ImportError::TooLarge { .. }), "{e:?}");
    let whole = gunzip_within(bomb.as_slice(), 8 * MIB as u64).expect("at the limit");
    assert_eq!(whole.len(), 8 * MIB, "every member is inflated");
}

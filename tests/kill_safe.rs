//! Kill-safe saves: a child process saves a large document over and over, alternating two
//! versions, and is killed with SIGKILL at random moments. Afterwards the file is always one
//! complete version or the other, never a mix or a torn write, and the `.bak` beside it is a
//! complete version too.
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{Days, NaiveDate, NaiveTime};
use stride::model::{Activity, AthleteDocument, WorkoutKind};
use stride::storage::{backup_path, load_document, save_document};

/// Where the child saves; set only for the child.
const CHILD_FILE: &str = "STRIDE_KILL_TEST_FILE";
/// How many times the child is killed.
const KILLS: usize = 200;

/// The demo document with `extra` more activities (about 150 bytes each), named `name`.
fn version(name: &str, extra: usize) -> AthleteDocument {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let mut doc = stride::storage::demo_document(today).expect("demo");
    doc.athlete.name = name.to_owned();
    let first = NaiveDate::from_ymd_opt(2000, 1, 3).expect("date");
    for i in 0..extra {
        let day = first + Days::new(i as u64 / 2);
        doc.history.activities.push(Activity {
            start: day
                .and_time(NaiveTime::from_hms_opt(7 + (i % 2) as u32 * 10, 0, 0).expect("time")),
            kind: WorkoutKind::Easy,
            duration_s: 1800.0 + (i % 60) as f64 * 10.0,
            moving_s: None,
            normalised_pace_s_per_km: None,
            instant: None,
            distance_m: Some(5000.0 + (i % 50) as f64 * 100.0),
            avg_hr_bpm: Some(130 + (i % 30) as u16),
            max_hr_bpm: None,
            rpe: Some(3.0),
            load: None,
            source_file: None,
            planned_workout: None,
            notes: String::new(),
        });
    }
    doc
}

fn versions() -> (AthleteDocument, AthleteDocument) {
    (version("Version A", 6000), version("Version B", 6500))
}

/// The child's work: save the two versions in turn until killed. Runs only when started by
/// the test below (it is ignored otherwise).
#[test]
#[ignore = "the child process of saves_survive_sigkill_at_random_moments"]
fn child_saver() {
    let Some(file) = std::env::var_os(CHILD_FILE) else {
        return;
    };
    let (a, b) = versions();
    loop {
        for doc in [&a, &b] {
            save_document(doc, Path::new(&file)).expect("save");
        }
    }
}

/// A small deterministic generator of kill moments.
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, max: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % max
    }
}

#[test]
fn saves_survive_sigkill_at_random_moments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("athlete.ron");
    // The kill moments span the child's start and a few of its saves, however fast this
    // machine and this build make them.
    let started = std::time::Instant::now();
    let (a, b) = versions();
    let start_ms = started.elapsed().as_millis() as u64;
    let saving = std::time::Instant::now();
    save_document(&a, &file).expect("first save");
    let save_ms = (saving.elapsed().as_millis() as u64).max(1);
    let text_a = std::fs::read(&file).expect("read");
    save_document(&b, &file).expect("second save");
    let text_b = std::fs::read(&file).expect("read");
    let size = text_a.len();
    assert!(size > 1_000_000, "a large document: {size} bytes");
    let exe = std::env::current_exe().expect("test binary");
    let mut moments = Moments(0x9e37_79b9_7f4a_7c15);
    let (mut saw_a, mut saw_b) = (false, false);
    let mut torn_writes = 0;
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["child_saver", "--exact", "--ignored", "--nocapture"])
            .env(CHILD_FILE, &file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the child");
        std::thread::sleep(Duration::from_millis(
            10 + start_ms + moments.next_ms(4 * save_ms + 300),
        ));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        // Complete means byte for byte what a save of one version writes.
        for path in [file.clone(), backup_path(&file)] {
            let bytes = std::fs::read(&path).expect("read");
            let which = if bytes == text_a {
                'a'
            } else if bytes == text_b {
                'b'
            } else {
                panic!(
                    "round {round}: {} is torn ({} bytes)",
                    path.display(),
                    bytes.len()
                )
            };
            if path == file {
                saw_a |= which == 'a';
                saw_b |= which == 'b';
            }
        }
        // No temporary file is left behind to be mistaken for the document.
        let stray: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .filter(|n| n != "athlete.ron" && n != "athlete.ron.bak")
            .collect();
        assert!(
            stray.iter().all(|n| n.to_string_lossy().starts_with('.')),
            "round {round}: {stray:?}"
        );
        // A hidden temporary file left behind means the kill came in the middle of writing.
        if !stray.is_empty() {
            torn_writes += 1;
            for n in stray {
                std::fs::remove_file(dir.path().join(n)).expect("clean up");
            }
        }
    }
    assert!(torn_writes > 0, "some kills came in the middle of a write");
    eprintln!("{torn_writes} of {KILLS} kills came in the middle of a write");
    assert!(
        saw_a && saw_b,
        "the kills landed between both versions' saves"
    );
    // And what is left opens as a document.
    for path in [file.clone(), backup_path(&file)] {
        let doc = load_document(&path).expect("opens");
        assert!(doc == a || doc == b);
    }
}

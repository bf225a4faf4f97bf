//! Writes FIT activity files for the import tests and benchmarks, with rustyfit's encoder.
//!
//! A file holds a `file_id` (type activity), one `record` per point (timestamp, distance and
//! heart rate), optionally a `session` with the totals given, and optionally an `activity`
//! message whose `local_timestamp` puts the file's local time `local_offset_s` from UTC.

use std::io::Cursor;

use embedded_io_adapters::std::FromStd;
use rustyfit::Encoder;
use rustyfit::profile::mesgdef;
use rustyfit::profile::typedef::{DateTime, File, LocalDateTime, Manufacturer, Sport, SubSport};
use rustyfit::proto::{FIT, Message};

/// Seconds from 1970-01-01 to the FIT epoch, 1989-12-31 00:00 UTC (FIT SDK).
pub const FIT_EPOCH_UNIX_S: i64 = 631_065_600;

/// One recorded point.
#[derive(Clone, Copy, Debug)]
pub struct Point {
    /// Seconds after the start.
    pub at_s: u32,
    /// Metres from the start.
    pub distance_m: f64,
    /// Heart rate, bpm.
    pub hr: Option<u8>,
}

/// A session's totals, written as they are given.
#[derive(Clone, Copy, Debug)]
pub struct Totals {
    /// Sport and sub-sport.
    pub sport: (Sport, SubSport),
    /// Elapsed seconds.
    pub elapsed_s: f64,
    /// Timer seconds.
    pub timer_s: f64,
    /// Metres.
    pub distance_m: f64,
    /// Average heart rate.
    pub avg_hr: Option<u8>,
    /// Highest heart rate.
    pub max_hr: Option<u8>,
}

/// What to write.
#[derive(Clone, Debug)]
pub struct FitActivity {
    /// Start, seconds since 1970-01-01 UTC.
    pub start_unix_s: i64,
    /// Local time minus UTC, seconds, written in an `activity` message; `None`: no message.
    pub local_offset_s: Option<i64>,
    /// The points.
    pub points: Vec<Point>,
    /// The session's totals; `None`: no session message.
    pub session: Option<Totals>,
}

fn fit_time(unix_s: i64) -> u32 {
    u32::try_from(unix_s - FIT_EPOCH_UNIX_S).expect("a time after 1989")
}

/// The FIT file's bytes.
pub fn write_fit(activity: &FitActivity) -> Vec<u8> {
    let start = fit_time(activity.start_unix_s);
    let mut messages = Vec::with_capacity(activity.points.len() + 3);
    let mut file_id = mesgdef::FileId::new();
    file_id.r#type = File::ACTIVITY;
    file_id.manufacturer = Manufacturer::DEVELOPMENT;
    file_id.product = 1;
    file_id.time_created = DateTime(start);
    messages.push(Message::from(file_id));
    for p in &activity.points {
        let mut record = mesgdef::Record::new();
        record.timestamp = DateTime(start + p.at_s);
        record.distance = (p.distance_m * 100.0).round() as u32;
        if let Some(hr) = p.hr {
            record.heart_rate = hr;
        }
        messages.push(Message::from(record));
    }
    let end = start + activity.points.last().map_or(0, |p| p.at_s);
    if let Some(t) = activity.session {
        let mut session = mesgdef::Session::new();
        session.timestamp = DateTime(end);
        session.start_time = DateTime(start);
        session.sport = t.sport.0;
        session.sub_sport = t.sport.1;
        session.set_total_elapsed_time_scaled(t.elapsed_s);
        session.set_total_timer_time_scaled(t.timer_s);
        session.set_total_distance_scaled(t.distance_m);
        if let Some(hr) = t.avg_hr {
            session.avg_heart_rate = hr;
        }
        if let Some(hr) = t.max_hr {
            session.max_heart_rate = hr;
        }
        messages.push(Message::from(session));
    }
    if let Some(offset) = activity.local_offset_s {
        let mut a = mesgdef::Activity::new();
        a.timestamp = DateTime(end);
        a.local_timestamp = LocalDateTime(u32::try_from(i64::from(end) + offset).expect("time"));
        a.num_sessions = 1;
        messages.push(Message::from(a));
    }
    let mut fit = FIT {
        messages,
        ..FIT::default()
    };
    let mut writer = FromStd::new(Cursor::new(Vec::new()));
    Encoder::new()
        .encode(&mut writer, &mut fit)
        .expect("rustyfit encodes the activity");
    writer.into_inner().into_inner()
}

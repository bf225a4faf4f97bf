//! FIT activity files (Garmin's Flexible and Interoperable Data Transfer protocol; message and
//! field meanings from the FIT SDK's `Profile.xlsx`), decoded with `rustyfit` with its CRC
//! checks on.
//!
//! Each `session` message becomes one activity (a multisport file has one per leg):
//!
//! - start: `start_time` (seconds since 1989-12-31 00:00 UTC), moved to local time by the file's
//!   own offset, `activity.local_timestamp` minus `activity.timestamp`, when the file has an
//!   `activity` message with both; else by this computer's time zone;
//! - elapsed: `total_elapsed_time` (scale 1000), else `timestamp` minus `start_time`;
//! - moving: `total_moving_time`, else the intervals between consecutive `record` messages of
//!   the session's time faster than [`super::MOVING_SPEED_M_S`] (from their `distance`), else
//!   `total_timer_time` (timer time leaves out pauses);
//! - distance: `total_distance` (scale 100), else what the session's records cover;
//! - heart rate: `avg_heart_rate` and `max_heart_rate`, else the mean and highest of the
//!   records' `heart_rate`;
//! - sport: `sport` and `sub_sport` (running, cycling and e-biking, swimming, rowing and indoor
//!   rowing, elliptical, strength training; any other by its profile name).
//!
//! A file without sessions (some apps write only records) gives one activity from its records
//! and its `sport` message. Chained FIT files are read sequence after sequence; bytes after the
//! last complete sequence that do not start another one are ignored. A file that is cut short,
//! fails its header or data CRC, or uses a message type it never defined is an error naming
//! the byte offset where reading stopped.
//!
//! The CRCs are checked here, before decoding, as the FIT protocol defines them (FIT SDK,
//! "FIT File Types: File Structure"; CRC-16 with polynomial 0xA001, [`crc16`]):
//!
//! - a 14-byte header's own CRC covers its first 12 bytes; 0x0000 means "not computed" and is
//!   not checked, any other value that does not match is an error of its own;
//! - the file CRC after the data records covers every byte of the sequence before it, header
//!   included. With a valid header CRC that equals the CRC of the data records alone (a CRC
//!   run over bytes that end in their own CRC comes back to zero), which is what many readers
//!   check; with a header CRC of 0x0000 or a 12-byte header it does not. A file CRC over the
//!   data records alone is accepted too, as some writers of zeroed headers compute it that way.

use rustyfit::profile::mesgdef;
use rustyfit::profile::typedef::{File, MesgNum, Sport, SubSport};
use rustyfit::proto::{Message, Value};
use rustyfit::{Decoder, DecoderError, DecoderEvent, StreamingIterator};

use chrono::{NaiveDateTime, TimeDelta};

mod crc;

pub use crc::crc16;

use crc::check_crcs;

use super::track::PointTime;
use super::{
    ImportError, Place, Recorded, SourceFormat, Stamp, Summary, TrackPoint, TrackStats,
    plausible_hr,
};
use crate::model::Activity;

const FORMAT: SourceFormat = SourceFormat::Fit;

/// Seconds from 1970-01-01 to the FIT epoch, 1989-12-31 00:00 UTC.
const FIT_EPOCH_UNIX_S: i64 = 631_065_600;

/// FIT times below this are seconds since the device was switched on, not dates.
const FIT_MIN_DATE: u32 = 0x1000_0000;

/// Most `record` messages read from one file (46 days at one a second).
pub const MAX_RECORDS: usize = 4_000_000;

/// Most `session` messages read from one file.
pub const MAX_SESSIONS: usize = 10_000;

/// Largest local time offset accepted from a file, seconds.
const MAX_OFFSET_S: i64 = 16 * 3600;

/// Whether `bytes` start with a FIT file header: a size of 12 or 14 and `.FIT` at bytes 8-11.
pub fn has_header(bytes: &[u8]) -> bool {
    matches!(bytes.first(), Some(12 | 14)) && bytes.get(8..12) == Some(b".FIT".as_slice())
}

/// One `record` message, compactly.
#[derive(Clone, Copy, Debug)]
struct Record {
    /// FIT time, seconds.
    time: u32,
    /// Distance from the start, centimetres ([`u32::MAX`]: none).
    distance_cm: u32,
    /// Heart rate, bpm (0: none).
    hr: u8,
}

/// What is kept of a `session` message.
#[derive(Clone, Debug)]
struct Session {
    start: Option<u32>,
    end: Option<u32>,
    elapsed_s: Option<f64>,
    timer_s: Option<f64>,
    moving_s: Option<f64>,
    distance_m: Option<f64>,
    avg_hr: Option<u8>,
    max_hr: Option<u8>,
    sport: Sport,
    sub_sport: SubSport,
}

/// Everything read from the file.
#[derive(Default)]
struct Collected {
    records: Vec<Record>,
    sessions: Vec<Session>,
    /// `activity.local_timestamp - activity.timestamp`, seconds.
    local_offset_s: Option<i64>,
    /// The `sport` message's sport and sub-sport.
    sport: Option<(Sport, SubSport)>,
    /// The `file_id` message's file type.
    file_type: Option<File>,
}

/// A valid FIT date.
fn fit_date(value: u32) -> Option<u32> {
    (value >= FIT_MIN_DATE && value != u32::MAX).then_some(value)
}

/// A `uint32` value, `None` when it is another type or the invalid value.
fn valid_u32(value: &Value) -> Option<u32> {
    match value {
        Value::Uint32(v) if *v != u32::MAX => Some(*v),
        _ => None,
    }
}

/// A `uint8` value, `None` when it is another type or the invalid value.
fn valid_u8(value: &Value) -> Option<u8> {
    match value {
        Value::Uint8(v) if *v != u8::MAX => Some(*v),
        _ => None,
    }
}

fn field_u32(mesg: &Message, num: u8) -> Option<u32> {
    mesg.fields
        .iter()
        .find(|f| f.num == num)
        .and_then(|f| valid_u32(&f.value))
}

fn field_u8(mesg: &Message, num: u8) -> Option<u8> {
    mesg.fields
        .iter()
        .find(|f| f.num == num)
        .and_then(|f| valid_u8(&f.value))
}

impl Collected {
    fn take(&mut self, mesg: &Message) -> Result<(), String> {
        match mesg.num {
            MesgNum::RECORD => {
                // One pass over the fields (a recording has millions of records); as with
                // `field_u32`, the first field of a number counts, if it holds a valid value.
                let (mut time, mut distance_cm, mut hr) = (None, None, None);
                for field in &mesg.fields {
                    match (field.num, &field.value) {
                        (mesgdef::Record::TIMESTAMP, v) if time.is_none() => {
                            time = Some(valid_u32(v));
                        }
                        (mesgdef::Record::DISTANCE, v) if distance_cm.is_none() => {
                            distance_cm = Some(valid_u32(v));
                        }
                        (mesgdef::Record::HEART_RATE, v) if hr.is_none() => hr = Some(valid_u8(v)),
                        _ => {}
                    }
                }
                let (time, distance_cm, hr) = (
                    time.flatten(),
                    distance_cm.flatten().unwrap_or(u32::MAX),
                    hr.flatten().unwrap_or(0),
                );
                let Some(time) = time else {
                    return Ok(());
                };
                if self.records.len() >= MAX_RECORDS {
                    return Err(format!(
                        "the recording has more than {MAX_RECORDS} points, more than Stride \
                         reads from one file; is it damaged?"
                    ));
                }
                self.records.push(Record {
                    time,
                    distance_cm,
                    hr,
                });
            }
            MesgNum::SESSION => {
                if self.sessions.len() >= MAX_SESSIONS {
                    return Err(format!(
                        "the file has more than {MAX_SESSIONS} sessions; is it damaged?"
                    ));
                }
                let s = mesgdef::Session::from(mesg);
                let valid = |v: u8| (v != u8::MAX).then_some(v);
                self.sessions.push(Session {
                    start: fit_date(s.start_time.0),
                    end: fit_date(s.timestamp.0),
                    elapsed_s: s.total_elapsed_time_scaled(),
                    timer_s: s.total_timer_time_scaled(),
                    moving_s: s.total_moving_time_scaled(),
                    distance_m: s.total_distance_scaled(),
                    avg_hr: valid(s.avg_heart_rate),
                    max_hr: valid(s.max_heart_rate),
                    sport: s.sport,
                    sub_sport: s.sub_sport,
                });
            }
            MesgNum::ACTIVITY => {
                let utc = field_u32(mesg, mesgdef::Activity::TIMESTAMP);
                let local = field_u32(mesg, mesgdef::Activity::LOCAL_TIMESTAMP);
                if let (Some(utc), Some(local)) = (utc, local) {
                    let offset = i64::from(local) - i64::from(utc);
                    if offset.abs() <= MAX_OFFSET_S {
                        self.local_offset_s = Some(offset);
                    }
                }
            }
            MesgNum::SPORT => {
                let sport = field_u8(mesg, mesgdef::Sport::SPORT).map(Sport);
                let sub = field_u8(mesg, mesgdef::Sport::SUB_SPORT).map_or(SubSport(0), SubSport);
                if let Some(sport) = sport {
                    self.sport = Some((sport, sub));
                }
            }
            MesgNum::FILE_ID => {
                if let Some(t) = field_u8(mesg, mesgdef::FileId::TYPE) {
                    self.file_type = Some(File(t));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The instant of a FIT time (FIT times are UTC by definition).
    fn instant(fit: u32) -> Option<chrono::DateTime<chrono::Utc>> {
        chrono::DateTime::from_timestamp(i64::from(fit) + FIT_EPOCH_UNIX_S, 0)
    }

    /// The local wall-clock time of a FIT date.
    fn local_time(&self, fit: u32) -> Option<NaiveDateTime> {
        let unix = i64::from(fit) + FIT_EPOCH_UNIX_S;
        let utc = chrono::DateTime::from_timestamp(unix, 0)?.naive_utc();
        match self.local_offset_s {
            Some(offset) => utc.checked_add_signed(TimeDelta::seconds(offset)),
            None => Some(Stamp::from_utc(utc).local),
        }
    }

    /// Statistics of the records from `start` to `end` (FIT times, inclusive).
    fn record_stats(&self, start: u32, end: u32) -> TrackStats<FitTime> {
        let mut stats = TrackStats::with_capacity(self.records.len());
        for r in self
            .records
            .iter()
            .filter(|r| r.time >= start && r.time <= end)
        {
            let point = TrackPoint {
                time: Some(FitTime(r.time)),
                distance_m: (r.distance_cm != u32::MAX).then(|| f64::from(r.distance_cm) / 100.0),
                hr: (r.hr > 0).then(|| f64::from(r.hr)).and_then(plausible_hr),
                ..TrackPoint::default()
            };
            stats.add(point, true);
        }
        stats
    }
}

/// A FIT time: seconds since 1989-12-31 00:00 UTC.
#[derive(Clone, Copy, Debug)]
struct FitTime(u32);

impl PointTime for FitTime {
    fn ms(&self) -> i64 {
        i64::from(self.0) * 1000
    }

    /// Whole seconds, as they are: the same as through milliseconds, without dividing.
    fn seconds_until(&self, later: &Self) -> f64 {
        f64::from(later.0) - f64::from(self.0)
    }
}

/// The name of a FIT sport for [`super::kind_for_sport`], `None` when the file does not say.
fn sport_name(sport: Sport, sub: SubSport) -> Option<String> {
    let name = match sport {
        Sport(u8::MAX) => return None,
        Sport::RUNNING => "running",
        Sport::CYCLING | Sport::E_BIKING => "cycling",
        Sport::SWIMMING => "swimming",
        Sport::ROWING => "rowing",
        _ => match sub {
            SubSport::ELLIPTICAL => "elliptical",
            SubSport::INDOOR_ROWING => "rowing",
            SubSport::STRENGTH_TRAINING => "strength training",
            SubSport::INDOOR_CYCLING => "cycling",
            SubSport::TREADMILL => "running",
            _ => {
                // The profile's name, like "stand_up_paddleboarding": made readable.
                let text = sport.to_string().replace('_', " ");
                let mut chars = text.chars();
                return Some(match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => text,
                });
            }
        },
    };
    Some(name.to_owned())
}

/// The error of a decoding failure at byte `offset`.
fn decode_error<E: std::fmt::Debug>(e: DecoderError<E>, offset: usize) -> ImportError {
    let reason = match e {
        DecoderError::UnexpectedEof => {
            "the file ends early: it is cut short (truncated); copy or export it again in full"
                .to_owned()
        }
        DecoderError::NotFITFile => {
            "there is no FIT file header here (a header size of 12 or 14 and \".FIT\"); this is \
             not a FIT file, or it is damaged"
                .to_owned()
        }
        DecoderError::ChecksumMismatch { found, calculated } => format!(
            "the checksum does not match (the file says {found:#06x}, its content gives \
             {calculated:#06x}): the file is damaged; copy or export it again"
        ),
        DecoderError::MissingMessageDefinition { local_mesg_num } => format!(
            "a message uses local message type {local_mesg_num}, which was never defined: the \
             file is damaged"
        ),
        DecoderError::Io { err } => format!("the FIT data cannot be read ({err:?})"),
    };
    ImportError::corrupt(FORMAT, Some(Place::Byte(offset as u64)), reason)
}

/// Reads a FIT file's activities.
///
/// # Errors
/// An [`ImportError`] with the byte offset where reading stopped when the file is not a FIT
/// file, is cut short, fails a CRC check or is otherwise damaged; [`ImportError::Empty`] when
/// it holds no session and no timed record (a workout or course file, say).
pub fn parse(bytes: &[u8]) -> Result<Vec<Activity>, ImportError> {
    Ok(read(bytes)?.into_iter().map(|r| r.activity).collect())
}

/// [`parse`], telling for each activity whether the file named its sport (a generic sport
/// names none).
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Recorded>, ImportError> {
    if !has_header(bytes) {
        let reason = if bytes.len() < 12 {
            format!(
                "the file is {} bytes long, too short for a FIT file (its header alone is 12 or \
                 14 bytes)",
                bytes.len()
            )
        } else {
            "the file does not start with a FIT header (a header size of 12 or 14 and \".FIT\"); \
             this is not a FIT file, or it is damaged"
                .to_owned()
        };
        return Err(ImportError::corrupt(FORMAT, Some(Place::Byte(0)), reason));
    }
    let checked = check_crcs(bytes)?;
    let mut reader: &[u8] = &bytes[..checked];
    // Components (compressed or scaled sub-fields) are not expanded: the fields read here are
    // whole fields, and the expansion's accumulator overflows on crafted files. The CRCs were
    // checked above, as the protocol defines them.
    let mut decoder = Decoder::builder()
        .expand_components(false)
        .checksum(false)
        .build();
    // A record takes ten bytes or more: room for that many at first, within the limit.
    let mut collected = Collected {
        records: Vec::with_capacity((checked / 10).min(MAX_RECORDS)),
        ..Collected::default()
    };
    let mut complete_sequences = 0usize;
    let mut between_sequences = false;
    let failure = {
        let mut stream = decoder.stream(&mut reader);
        loop {
            match stream.next() {
                None => break None,
                Some(Ok(DecoderEvent::Message(mesg))) => {
                    if let Err(reason) = collected.take(mesg) {
                        break Some(Err(reason));
                    }
                }
                Some(Ok(DecoderEvent::Crc(_))) => {
                    complete_sequences += 1;
                    between_sequences = true;
                }
                Some(Ok(DecoderEvent::FileHeader(_))) => between_sequences = false,
                Some(Ok(DecoderEvent::MessageDefinition(_))) => {}
                // Bytes after a complete sequence that are not another one are ignored.
                Some(Err(_)) if between_sequences && complete_sequences > 0 => break None,
                Some(Err(e)) => break Some(Ok(e)),
            }
        }
    };
    let offset = checked - reader.len();
    match failure {
        Some(Ok(e)) => return Err(decode_error(e, offset)),
        Some(Err(reason)) => {
            return Err(ImportError::corrupt(
                FORMAT,
                Some(Place::Byte(offset as u64)),
                reason,
            ));
        }
        None => {}
    }
    activities(&collected)
}

/// Whether a FIT sport says what was done: not invalid, not generic.
fn names_sport(sport: Sport, sub: SubSport) -> bool {
    sport != Sport(u8::MAX) && !(sport == Sport::GENERIC && sub == SubSport::GENERIC)
}

/// The activities of what was read.
fn activities(c: &Collected) -> Result<Vec<Recorded>, ImportError> {
    let fail = |reason: String| ImportError::corrupt(FORMAT, None, reason);
    let mut out = Vec::with_capacity(c.sessions.len().max(1));
    for s in &c.sessions {
        let start = match s.start {
            Some(start) => start,
            None => {
                return Err(fail(
                    "a session has no start time, or one counted from when the device was \
                     switched on rather than a date; was the device's clock set?"
                        .to_owned(),
                ));
            }
        };
        let elapsed = s.elapsed_s.or_else(|| {
            s.end
                .filter(|end| *end >= start)
                .map(|end| f64::from(end - start))
        });
        let end = match (elapsed, s.end) {
            (Some(e), _) => start.saturating_add(e.ceil().clamp(0.0, f64::from(u32::MAX)) as u32),
            (None, Some(end)) => end,
            (None, None) => u32::MAX,
        };
        let stats = c.record_stats(start, end);
        let elapsed = elapsed
            .or_else(|| Some(f64::from(stats.end()?.0 - start)))
            .unwrap_or(0.0);
        let summary = Summary {
            start: c.local_time(start),
            instant: Collected::instant(start),
            sport: sport_name(s.sport, s.sub_sport),
            elapsed_s: elapsed,
            moving_s: s.moving_s.or(stats.moving_s()).or(s.timer_s),
            normalised_pace_s_per_km: stats.normalised_pace(),
            distance_m: s.distance_m.or(stats.distance_m()),
            avg_hr: s.avg_hr.map(f64::from).or(stats.avg_hr()),
            max_hr: s.max_hr.map(f64::from).or(stats.max_hr()),
            name: None,
        };
        let mut recorded = summary.into_recorded(FORMAT, None)?;
        recorded.sport_named = names_sport(s.sport, s.sub_sport);
        out.push(recorded);
    }
    if out.is_empty() {
        let first = c.records.iter().map(|r| r.time).filter_map(fit_date).min();
        let Some(first) = first else {
            let what = match c.file_type {
                Some(t) if t != File::ACTIVITY => format!("it is a FIT {t} file"),
                _ => "it has no session and no timed record".to_owned(),
            };
            return Err(ImportError::Empty {
                format: FORMAT,
                reason: what,
            });
        };
        let stats = c.record_stats(first, u32::MAX);
        let (sport, sub) = c.sport.unwrap_or((Sport(u8::MAX), SubSport(0)));
        let summary = Summary {
            start: c.local_time(first),
            instant: Collected::instant(first),
            sport: sport_name(sport, sub),
            elapsed_s: stats.end().map_or(0.0, |l| f64::from(l.0 - first)),
            moving_s: stats.moving_s(),
            normalised_pace_s_per_km: stats.normalised_pace(),
            distance_m: stats.distance_m(),
            avg_hr: stats.avg_hr(),
            max_hr: stats.max_hr(),
            name: None,
        };
        let mut recorded = summary.into_recorded(FORMAT, None)?;
        recorded.sport_named = names_sport(sport, sub);
        out.push(recorded);
    }
    Ok(out)
}

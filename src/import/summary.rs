//! What a reader found out about one activity ([`Summary`]), checked and made an [`Activity`]:
//! its kind from the sport's name ([`kind_for_sport`]), its name cleaned, and the times a file
//! writes read as local wall-clock time and instant ([`Stamp`]).

use chrono::{DateTime, Datelike, Local, NaiveDateTime, TimeZone};

use super::track::plausible_hr;
use super::{ImportError, LONG_RUN_S, MAX_DISTANCE_M, MAX_DURATION_S, Place, SourceFormat, strava};
use crate::model::{Activity, CrossActivity, DATE_YEARS, WorkoutKind};

/// Longest sport or activity name kept, in characters.
const MAX_NAME_CHARS: usize = 80;

/// The kind of a session from the name of its sport as files write it ("running", "Run",
/// "Trail Run", "Biking", "cycling", "Swim", "WeightTraining", "elliptical", ...), compared
/// without case, accents, spaces or punctuation; the names of Strava's exports in German,
/// French, Spanish, Italian, Dutch and Portuguese ("Lauf", "Radfahrt", "Course à pied",
/// "Natación", "Corsa", "Fietsrit", "Corrida", ...) are known too. No name means running. Running is
/// [`WorkoutKind::Easy`], or [`WorkoutKind::Long`] when `duration_s` is at least
/// [`LONG_RUN_S`]; other sports are cross-training, by the name given when none of Stride's
/// sports fits.
///
/// ```
/// use stride::import::kind_for_sport;
/// use stride::model::{CrossActivity, WorkoutKind};
/// assert_eq!(kind_for_sport(Some("Trail Run"), 3600.0), WorkoutKind::Easy);
/// assert_eq!(kind_for_sport(None, 2.0 * 3600.0), WorkoutKind::Long);
/// assert_eq!(
///     kind_for_sport(Some("VirtualRide"), 3600.0),
///     WorkoutKind::CrossTraining { activity: CrossActivity::Cycling }
/// );
/// assert_eq!(
///     kind_for_sport(Some("Radfahrt"), 3600.0),
///     WorkoutKind::CrossTraining { activity: CrossActivity::Cycling }
/// );
/// assert_eq!(kind_for_sport(Some("Course à pied"), 3600.0), WorkoutKind::Easy);
/// assert_eq!(
///     kind_for_sport(Some("Hike"), 3600.0),
///     WorkoutKind::CrossTraining { activity: CrossActivity::Other("Hike".into()) }
/// );
/// ```
pub fn kind_for_sport(sport: Option<&str>, duration_s: f64) -> WorkoutKind {
    let name = sport.map(clean_name).unwrap_or_default();
    let key = strava::fold(&name);
    let any = |words: &[&str]| words.iter().any(|w| key.contains(w));
    let cross = |activity| WorkoutKind::CrossTraining { activity };
    if any(&[
        "swim", "schwimm", "natation", "natacion", "natacao", "nuoto", "zwem",
    ]) {
        cross(CrossActivity::Swimming)
    } else if any(&["ellipti", "ellittic", "crosstrainer"]) {
        cross(CrossActivity::Elliptical)
    } else if any(&[
        "cycl", "bik", "ride", "radfahrt", "velo", "bici", "cicl", "fiets", "pedalada",
    ]) {
        cross(CrossActivity::Cycling)
    } else if key == "row" || any(&["rowing", "rudern", "aviron", "remo", "canottaggio", "roei"]) {
        cross(CrossActivity::Rowing)
    } else if any(&[
        "strength",
        "weight",
        "kraft",
        "poids",
        "musculation",
        "pesas",
        "pesi",
        "pesos",
    ]) {
        cross(CrossActivity::Strength)
    } else if key.is_empty()
        || any(&[
            "run",
            "jog",
            "courseapied",
            "carrera",
            "corsa",
            "hardloop",
            "corrida",
        ])
        || (key.contains("lauf") && !key.contains("langlauf"))
    {
        if duration_s >= LONG_RUN_S {
            WorkoutKind::Long
        } else {
            WorkoutKind::Easy
        }
    } else {
        cross(CrossActivity::Other(name))
    }
}

/// A name from a file, without control characters, trimmed and at most
/// [`MAX_NAME_CHARS`] characters long.
pub(crate) fn clean_name(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    cleaned.trim().chars().take(MAX_NAME_CHARS).collect()
}

/// A point in time from a file: the instant, for durations, and the local wall-clock time, for
/// the start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Stamp {
    /// Milliseconds since 1970-01-01 UTC (for a time without offset, as if it were UTC).
    pub ms: i64,
    /// Local wall-clock time.
    pub local: NaiveDateTime,
    /// Whether the file gave a zone (`Z`, an offset, or a clock that is UTC by definition),
    /// so that `ms` is a real instant.
    pub zoned: bool,
}

impl Stamp {
    /// The instant, when the file gave a zone.
    pub(crate) fn instant(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        if self.zoned {
            chrono::DateTime::from_timestamp_millis(self.ms)
        } else {
            None
        }
    }

    /// A UTC time, as local time of this computer. A time outside the years a document holds
    /// is left as it is (it is refused later); the time zone is not asked about it, as
    /// conversions near the ends of the calendar overflow.
    pub(crate) fn from_utc(utc: NaiveDateTime) -> Self {
        let (lo, hi) = DATE_YEARS;
        let local = if (lo..=hi).contains(&utc.year()) {
            let offset = Local.offset_from_utc_datetime(&utc);
            utc.checked_add_offset(offset).unwrap_or(utc)
        } else {
            utc
        };
        Stamp {
            ms: utc.and_utc().timestamp_millis(),
            local,
            zoned: true,
        }
    }

    /// Parses an ISO 8601 / RFC 3339 time: with `Z` or `+00:00` it is UTC and becomes local
    /// time of this computer; with another offset its wall time is kept; without an offset it
    /// is taken as local time.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(time) = DateTime::parse_from_rfc3339(text) {
            if time.offset().local_minus_utc() == 0 {
                return Some(Stamp::from_utc(time.naive_utc()));
            }
            return Some(Stamp {
                ms: time.timestamp_millis(),
                local: time.naive_local(),
                zoned: true,
            });
        }
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
        Some(Stamp {
            ms: naive.and_utc().timestamp_millis(),
            local: naive,
            zoned: false,
        })
    }
}

/// What a reader found out about one activity, before it is checked and becomes an
/// [`Activity`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Summary {
    /// Local start time.
    pub start: Option<NaiveDateTime>,
    /// The start as an instant, when the file gives a zone.
    pub instant: Option<chrono::DateTime<chrono::Utc>>,
    /// The sport's name as the file gives it (`None`: not said).
    pub sport: Option<String>,
    /// Elapsed seconds.
    pub elapsed_s: f64,
    /// Moving seconds.
    pub moving_s: Option<f64>,
    /// Normalised, grade-adjusted pace, s/km.
    pub normalised_pace_s_per_km: Option<f64>,
    /// Metres.
    pub distance_m: Option<f64>,
    /// Average heart rate, bpm.
    pub avg_hr: Option<f64>,
    /// Highest heart rate, bpm.
    pub max_hr: Option<f64>,
    /// The activity's name.
    pub name: Option<String>,
}

impl Summary {
    /// Checks every value and makes the activity. Implausible heart rates and moving times are
    /// dropped (a moving time over the elapsed one is cut to it); a missing or out-of-range
    /// start, or a duration or distance that is negative, not finite or over the limits, is an
    /// error at `place`.
    pub(crate) fn into_activity(
        self,
        format: SourceFormat,
        place: Option<Place>,
    ) -> Result<Activity, ImportError> {
        let fail = |reason: String| ImportError::corrupt(format, place, reason);
        let Some(start) = self.start else {
            return Err(fail(
                "the activity has no start time; the recording may be damaged".to_owned(),
            ));
        };
        let (lo, hi) = DATE_YEARS;
        if !(lo..=hi).contains(&start.year()) {
            return Err(fail(format!(
                "the activity starts on {}, outside the years {lo}-{hi}; was the device's \
                 clock set?",
                start.date()
            )));
        }
        let elapsed = self.elapsed_s;
        if !elapsed.is_finite() || elapsed < 0.0 {
            return Err(fail(format!(
                "the elapsed time {elapsed} s is not a duration; the recording may be damaged"
            )));
        }
        let recording = matches!(
            format,
            SourceFormat::Fit | SourceFormat::Gpx | SourceFormat::Tcx
        );
        if recording && elapsed < 1.0 {
            return Err(fail(
                "the recording spans no time (a single point, or every point at one time): \
                 there is no session in it to import"
                    .to_owned(),
            ));
        }
        if elapsed > MAX_DURATION_S {
            return Err(fail(format!(
                "the activity lasts {:.1} hours, over the {} days Stride accepts for one \
                 session; is the recording damaged?",
                elapsed / 3600.0,
                MAX_DURATION_S / 86_400.0
            )));
        }
        let distance = match self.distance_m {
            Some(d) if !d.is_finite() || d < 0.0 => {
                return Err(fail(format!(
                    "the distance {d} m is not a distance; the recording may be damaged"
                )));
            }
            Some(d) if d > MAX_DISTANCE_M => {
                return Err(fail(format!(
                    "the distance {:.1} km is over the {} km Stride accepts for one session; \
                     is the recording damaged?",
                    d / 1000.0,
                    MAX_DISTANCE_M / 1000.0
                )));
            }
            other => other,
        };
        let moving = self
            .moving_s
            .filter(|m| m.is_finite() && *m >= 0.0)
            .map(|m| m.min(elapsed));
        let bpm = |hr: Option<f64>| hr.and_then(plausible_hr).map(|h| h.round() as u16);
        let kind = kind_for_sport(self.sport.as_deref(), moving.unwrap_or(elapsed));
        Ok(Activity {
            start,
            kind,
            instant: self.instant,
            duration_s: elapsed,
            moving_s: moving,
            normalised_pace_s_per_km: self
                .normalised_pace_s_per_km
                .filter(|p| p.is_finite() && *p > 0.0),
            distance_m: distance,
            avg_hr_bpm: bpm(self.avg_hr),
            max_hr_bpm: bpm(self.max_hr),
            rpe: None,
            load: None,
            source_file: None,
            planned_workout: None,
            notes: self.name.map(|n| clean_name(&n)).unwrap_or_default(),
        })
    }
}

/// An activity as a file gave it, with whether the file named its sport (for Strava's
/// export, which gives the type of recordings that do not).
#[derive(Clone, Debug)]
pub(crate) struct Recorded {
    /// The activity.
    pub activity: Activity,
    /// Whether the file named the sport; else the kind is running by default.
    pub sport_named: bool,
}

impl Summary {
    /// [`Summary::into_activity`], remembering whether a sport was named.
    pub(crate) fn into_recorded(
        self,
        format: SourceFormat,
        place: Option<Place>,
    ) -> Result<Recorded, ImportError> {
        let sport_named = self.sport.is_some();
        Ok(Recorded {
            activity: self.into_activity(format, place)?,
            sport_named,
        })
    }
}

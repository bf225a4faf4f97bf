//! Training Center XML activities (Garmin's TCX, schema
//! `http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2`).
//!
//! Each `Activities/Activity` becomes one activity; its `Sport` attribute (`Running`,
//! `Biking`, `Other`) names the sport and its `Notes` become the notes. The start is the
//! activity's `Id` (its start time), else its first lap's `StartTime`, else its first
//! trackpoint's `Time`. Elapsed time runs from the start to the last trackpoint's time (the
//! sum of the laps' `TotalTimeSeconds` when no trackpoint has one). The distance is the sum of
//! the laps' `DistanceMeters` when every lap has one, else what the trackpoints cover (their
//! cumulative `DistanceMeters`, else haversine between their `Position`s; a new `Track` is a
//! new segment). Moving time counts the intervals between consecutive trackpoints faster than
//! [`super::MOVING_SPEED_M_S`]; without positions or distances it is the laps' summed
//! `TotalTimeSeconds` (timer time, which leaves out pauses). Heart rate is the mean and highest
//! of the trackpoints' `HeartRateBpm/Value`, else the laps' `AverageHeartRateBpm` weighted by
//! their time and their highest `MaximumHeartRateBpm`.
//!
//! Courses (`Courses/Course`, planned routes) are not activities. A byte-order mark and white
//! space before `<?xml` are skipped; element names are compared without namespace prefix.
//! Anything that is not well-formed XML, an unreadable number or time, or a file that ends
//! inside an element is an error naming the line and column.

use quick_xml::events::BytesStart;

use super::xml::{Elements, Source, walk};
use super::{ImportError, Recorded, SourceFormat, Stamp, Summary, TrackPoint, TrackStats};
use crate::model::Activity;

const FORMAT: SourceFormat = SourceFormat::Tcx;

/// The elements the reader cares about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Root,
    Activity,
    Id,
    Notes,
    Lap,
    TotalTimeSeconds,
    DistanceMeters,
    AverageHeartRateBpm,
    MaximumHeartRateBpm,
    HeartRateBpm,
    Value,
    Track,
    Trackpoint,
    Time,
    Position,
    LatitudeDegrees,
    LongitudeDegrees,
    Course,
    AltitudeMeters,
    Other,
}

impl Tag {
    fn of(local: &str) -> Tag {
        match local {
            "TrainingCenterDatabase" => Tag::Root,
            "Activity" => Tag::Activity,
            "Id" => Tag::Id,
            "Notes" => Tag::Notes,
            "Lap" => Tag::Lap,
            "TotalTimeSeconds" => Tag::TotalTimeSeconds,
            "DistanceMeters" => Tag::DistanceMeters,
            "AverageHeartRateBpm" => Tag::AverageHeartRateBpm,
            "MaximumHeartRateBpm" => Tag::MaximumHeartRateBpm,
            "HeartRateBpm" => Tag::HeartRateBpm,
            "Value" => Tag::Value,
            "Track" => Tag::Track,
            "Trackpoint" => Tag::Trackpoint,
            "Time" => Tag::Time,
            "Position" => Tag::Position,
            "LatitudeDegrees" => Tag::LatitudeDegrees,
            "LongitudeDegrees" => Tag::LongitudeDegrees,
            "Course" => Tag::Course,
            "AltitudeMeters" => Tag::AltitudeMeters,
            _ => Tag::Other,
        }
    }
}

/// A lap's summary.
#[derive(Default)]
struct Lap {
    start: Option<Stamp>,
    time_s: Option<f64>,
    distance_m: Option<f64>,
    avg_hr: Option<f64>,
    max_hr: Option<f64>,
}

/// An activity being read.
#[derive(Default)]
struct ActivityState {
    sport: Option<String>,
    id: Option<Stamp>,
    notes: Option<String>,
    laps: Vec<Lap>,
    stats: TrackStats,
    connected: bool,
    offset: usize,
}

/// A trackpoint being read: its values and the latitude and longitude apart.
#[derive(Default)]
struct PointState {
    point: TrackPoint,
    lat: Option<f64>,
    lon: Option<f64>,
}

/// Everything the reader holds between events.
struct State<'s, 'b> {
    source: &'s Source<'b>,
    activity: Option<ActivityState>,
    lap: Option<Lap>,
    point: Option<PointState>,
    activities: Vec<Recorded>,
    courses: usize,
}

/// Reads a TCX file's activities.
///
/// # Errors
/// An [`ImportError`] naming the line and column of XML that is not well-formed, an unreadable
/// value or time, or a file that ends early; or [`ImportError::Empty`] when it holds no
/// activity.
pub fn parse(bytes: &[u8]) -> Result<Vec<Activity>, ImportError> {
    Ok(read(bytes)?.into_iter().map(|r| r.activity).collect())
}

/// [`parse`], telling for each activity whether the file named its sport.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Recorded>, ImportError> {
    let (text, base) = super::xml::xml_text(bytes, FORMAT)?;
    let source = Source {
        bytes,
        base,
        format: FORMAT,
    };
    let mut state = State {
        source: &source,
        activity: None,
        lap: None,
        point: None,
        activities: Vec::new(),
        courses: 0,
    };
    walk(
        &source,
        text,
        Tag::Root,
        "TrainingCenterDatabase",
        &mut state,
    )?;
    if state.activities.is_empty() {
        let reason = if state.courses > 0 {
            "it holds a course (a planned route), not a recorded activity"
        } else {
            "it has no Activity element"
        };
        return Err(ImportError::Empty {
            format: FORMAT,
            reason: reason.to_owned(),
        });
    }
    Ok(state.activities)
}

/// A string attribute's value, `None` when absent or unreadable.
fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    let attribute = element.try_get_attribute(name).ok()??;
    Some(attribute.value.trim().to_owned())
}

impl State<'_, '_> {
    fn time(&self, text: &str, offset: usize) -> Result<Stamp, ImportError> {
        Stamp::parse(text).ok_or_else(|| {
            self.source.error_at(
                offset,
                format!(
                    "time '{}' is not a date and time; TCX times look like \
                     2027-03-01T07:00:00Z",
                    text.trim()
                ),
            )
        })
    }

    fn number(
        &self,
        text: &str,
        what: &str,
        offset: usize,
        range: (f64, f64),
    ) -> Result<f64, ImportError> {
        let value: f64 = text.trim().parse().map_err(|_| {
            self.source
                .error_at(offset, format!("{what} '{}' is not a number", text.trim()))
        })?;
        if !value.is_finite() || value < range.0 || value > range.1 {
            return Err(self.source.error_at(
                offset,
                format!(
                    "{what} {} is outside {} to {}",
                    text.trim(),
                    range.0,
                    range.1
                ),
            ));
        }
        Ok(value)
    }
}

impl Elements for State<'_, '_> {
    type Tag = Tag;

    fn tag(local: &str) -> Tag {
        Tag::of(local)
    }

    fn start(
        &mut self,
        tag: Tag,
        element: &BytesStart<'_>,
        _stack: &[(Tag, usize)],
        offset: usize,
    ) -> Result<(), ImportError> {
        match tag {
            Tag::Activity => {
                self.activity = Some(ActivityState {
                    sport: attribute(element, "Sport").filter(|s| !s.is_empty()),
                    offset,
                    ..ActivityState::default()
                });
            }
            Tag::Lap if self.activity.is_some() => {
                let start = match attribute(element, "StartTime") {
                    Some(text) => Some(self.time(&text, offset)?),
                    None => None,
                };
                self.lap = Some(Lap {
                    start,
                    ..Lap::default()
                });
            }
            Tag::Track => {
                if let Some(a) = self.activity.as_mut() {
                    a.connected = false;
                }
            }
            Tag::Trackpoint if self.activity.is_some() => {
                self.point = Some(PointState::default());
            }
            Tag::Course => self.courses += 1,
            _ => {}
        }
        Ok(())
    }

    fn end(
        &mut self,
        tag: Tag,
        stack: &[(Tag, usize)],
        content: &str,
        start: usize,
    ) -> Result<(), ImportError> {
        let parent = stack.last().map(|s| s.0);
        let grandparent = stack
            .len()
            .checked_sub(2)
            .and_then(|i| stack.get(i))
            .map(|s| s.0);
        let distance_range = (0.0, super::MAX_DISTANCE_M);
        let time_range = (0.0, super::MAX_DURATION_S);
        match (tag, parent) {
            (Tag::Id, Some(Tag::Activity)) => {
                let id = Stamp::parse(content);
                if let Some(a) = self.activity.as_mut() {
                    // An Id that is not a time (some apps write other identifiers) is no start.
                    a.id = id;
                }
            }
            (Tag::Notes, Some(Tag::Activity)) => {
                if let Some(a) = self.activity.as_mut() {
                    a.notes = Some(content.to_owned()).filter(|n| !n.trim().is_empty());
                }
            }
            (Tag::TotalTimeSeconds, Some(Tag::Lap)) => {
                let value = self.number(content, "TotalTimeSeconds", start, time_range)?;
                if let Some(lap) = self.lap.as_mut() {
                    lap.time_s = Some(value);
                }
            }
            (Tag::DistanceMeters, Some(Tag::Lap)) => {
                let value = self.number(content, "DistanceMeters", start, distance_range)?;
                if let Some(lap) = self.lap.as_mut() {
                    lap.distance_m = Some(value);
                }
            }
            (Tag::AltitudeMeters, Some(Tag::Trackpoint)) => {
                // An altitude that is not a number is left out: it only grades the pace.
                if let Some(p) = self.point.as_mut() {
                    p.point.altitude_m =
                        content.trim().parse().ok().filter(|a: &f64| a.is_finite());
                }
            }
            (Tag::DistanceMeters, Some(Tag::Trackpoint)) => {
                let value = self.number(content, "DistanceMeters", start, distance_range)?;
                if let Some(p) = self.point.as_mut() {
                    p.point.distance_m = Some(value);
                }
            }
            (Tag::Value, Some(Tag::AverageHeartRateBpm | Tag::MaximumHeartRateBpm))
                if grandparent == Some(Tag::Lap) =>
            {
                let value = self.number(content, "heart rate", start, (0.0, 1000.0))?;
                if let Some(lap) = self.lap.as_mut() {
                    let hr = super::plausible_hr(value);
                    if parent == Some(Tag::AverageHeartRateBpm) {
                        lap.avg_hr = hr;
                    } else {
                        lap.max_hr = hr;
                    }
                }
            }
            (Tag::Value, Some(Tag::HeartRateBpm)) if grandparent == Some(Tag::Trackpoint) => {
                let value = self.number(content, "heart rate", start, (0.0, 1000.0))?;
                if let Some(p) = self.point.as_mut() {
                    p.point.hr = super::plausible_hr(value);
                }
            }
            (Tag::Time, Some(Tag::Trackpoint)) => {
                let time = self.time(content, start)?;
                if let Some(p) = self.point.as_mut() {
                    p.point.time = Some(time);
                }
            }
            (Tag::LatitudeDegrees, Some(Tag::Position)) => {
                let value = self.number(content, "LatitudeDegrees", start, (-90.0, 90.0))?;
                if let Some(p) = self.point.as_mut() {
                    p.lat = Some(value);
                }
            }
            (Tag::LongitudeDegrees, Some(Tag::Position)) => {
                let value = self.number(content, "LongitudeDegrees", start, (-180.0, 180.0))?;
                if let Some(p) = self.point.as_mut() {
                    p.lon = Some(value);
                }
            }
            (Tag::Trackpoint, _) => {
                if let (Some(a), Some(mut p)) = (self.activity.as_mut(), self.point.take()) {
                    if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
                        p.point.position = Some((lat, lon));
                    }
                    a.stats.add(p.point, a.connected);
                    a.connected = true;
                }
            }
            (Tag::Lap, _) => {
                if let (Some(a), Some(lap)) = (self.activity.as_mut(), self.lap.take()) {
                    a.laps.push(lap);
                }
            }
            (Tag::Activity, _) => {
                if let Some(a) = self.activity.take() {
                    let place = self.source.place(a.offset);
                    let activity = summarize(a).into_recorded(FORMAT, place)?;
                    self.activities.push(activity);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The activity's figures from its laps and trackpoints.
fn summarize(a: ActivityState) -> Summary {
    // The earliest lap: laps written out of order still start the activity at the first.
    let first_lap = a.laps.iter().filter_map(|l| l.start).min_by_key(|s| s.ms);
    let start = a.id.or(first_lap).or(a.stats.start());
    let lap_time: Option<f64> = a
        .laps
        .iter()
        .map(|l| l.time_s)
        .sum::<Option<f64>>()
        .filter(|_| !a.laps.is_empty());
    let through_points = match (start, a.stats.span_s(), a.stats.start()) {
        (Some(s), Some(span), Some(first)) => {
            // From the activity's start to the last point: the span plus any wait before the
            // first point.
            Some(span + ((first.ms - s.ms) as f64 / 1000.0).max(0.0))
        }
        _ => None,
    };
    let elapsed = through_points.or(lap_time).unwrap_or(0.0);
    let lap_distance: Option<f64> = a
        .laps
        .iter()
        .map(|l| l.distance_m)
        .sum::<Option<f64>>()
        .filter(|_| !a.laps.is_empty());
    let lap_avg_hr = {
        let weighted: Vec<(f64, f64)> = a
            .laps
            .iter()
            .filter_map(|l| Some((l.avg_hr?, l.time_s?)))
            .filter(|(_, t)| *t > 0.0)
            .collect();
        let total: f64 = weighted.iter().map(|(_, t)| t).sum();
        (total > 0.0).then(|| weighted.iter().map(|(h, t)| h * t).sum::<f64>() / total)
    };
    let lap_max_hr = a.laps.iter().filter_map(|l| l.max_hr).reduce(f64::max);
    Summary {
        start: start.map(|s| s.local),
        instant: start.and_then(|s| s.instant()),
        sport: a.sport,
        elapsed_s: elapsed,
        moving_s: a.stats.moving_s().or(lap_time),
        normalised_pace_s_per_km: a.stats.normalised_pace(),
        distance_m: lap_distance.or(a.stats.distance_m()),
        avg_hr: a.stats.avg_hr().or(lap_avg_hr),
        max_hr: a.stats.max_hr().or(lap_max_hr),
        name: a.notes,
    }
}

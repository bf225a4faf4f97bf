//! GPX tracks (GPS Exchange Format 1.0 and 1.1, <https://www.topografix.com/GPX/1/1/>), with
//! heart rate from Garmin's `TrackPointExtension` (`gpxtpx:hr`, namespace
//! `http://www.garmin.com/xmlschemas/TrackPointExtension/v1` and `/v2`).
//!
//! Each `trk` with at least one timed point becomes one activity. Its points (`trkpt`, with
//! `lat` and `lon` in degrees and a `time`) give the start (the first time), the elapsed time
//! (earliest to latest), the distance (haversine between consecutive points of a `trkseg`;
//! the gap between segments adds time, not distance), the moving time (intervals between
//! consecutive points faster than [`super::MOVING_SPEED_M_S`]) and the heart rate (mean and
//! highest of the `hr` values inside each point's `extensions`, under any namespace prefix; a
//! `cad` cadence there is read past). The track's `type` names the sport (a type that is only a
//! number, as some apps write, counts as none: running) and its `name` becomes the notes.
//! Routes (`rte`) and waypoints (`wpt`) are not activities and are read past.
//!
//! The file may start with a byte-order mark and white space before `<?xml`. Element names are
//! compared without their namespace prefix. Anything that is not well-formed XML, a point
//! without a valid position, an unreadable time, or a file that ends inside an element is an
//! error naming the line and column.

use quick_xml::events::BytesStart;

use super::xml::{Elements, Source, number_attribute, walk};
use super::{ImportError, Recorded, SourceFormat, Stamp, Summary, TrackPoint, TrackStats};
use crate::model::Activity;

const FORMAT: SourceFormat = SourceFormat::Gpx;

/// The elements the reader cares about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Gpx,
    Trk,
    TrkSeg,
    TrkPt,
    Time,
    Name,
    Type,
    HeartRate,
    Ele,
    Other,
}

impl Tag {
    fn of(local: &str) -> Tag {
        match local {
            "gpx" => Tag::Gpx,
            "trk" => Tag::Trk,
            "trkseg" => Tag::TrkSeg,
            "trkpt" => Tag::TrkPt,
            "time" => Tag::Time,
            "name" => Tag::Name,
            "type" => Tag::Type,
            "hr" | "heartrate" => Tag::HeartRate,
            "ele" => Tag::Ele,
            _ => Tag::Other,
        }
    }
}

/// A track being read.
#[derive(Default)]
struct Track {
    name: Option<String>,
    sport: Option<String>,
    stats: TrackStats,
    /// Whether the next point continues the segment.
    connected: bool,
    /// Where the track starts in the text.
    offset: usize,
}

/// Everything the reader holds between events.
struct State<'s, 'b> {
    source: &'s Source<'b>,
    track: Option<Track>,
    point: Option<TrackPoint>,
    activities: Vec<Recorded>,
    tracks_without_time: usize,
}

/// Reads a GPX file's tracks.
///
/// # Errors
/// An [`ImportError`] naming the line and column of XML that is not well-formed, a point
/// without a valid position, an unreadable time or value, a file that ends early; or
/// [`ImportError::Empty`] when no track has timed points.
pub fn parse(bytes: &[u8]) -> Result<Vec<Activity>, ImportError> {
    Ok(read(bytes)?.into_iter().map(|r| r.activity).collect())
}

/// [`parse`], telling for each activity whether the track named its sport.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Recorded>, ImportError> {
    let (text, base) = super::xml::xml_text(bytes, FORMAT)?;
    let source = Source {
        bytes,
        base,
        format: FORMAT,
    };
    let mut state = State {
        source: &source,
        track: None,
        point: None,
        activities: Vec::new(),
        tracks_without_time: 0,
    };
    walk(&source, text, Tag::Gpx, "gpx", &mut state)?;
    if state.activities.is_empty() {
        let reason = if state.tracks_without_time > 0 {
            "its track points have no times, so it is a route rather than a recorded activity"
        } else {
            "it has no track (a route or waypoints alone are not a recorded activity)"
        };
        return Err(ImportError::Empty {
            format: FORMAT,
            reason: reason.to_owned(),
        });
    }
    Ok(state.activities)
}

/// A point's `lat` and `lon`.
fn read_position(element: &BytesStart<'_>) -> Result<(f64, f64), String> {
    let lat = number_attribute(element, "lat")
        .map_err(|m| format!("a track point's {m}"))?
        .ok_or("a track point has no lat attribute; every trkpt needs lat and lon")?;
    let lon = number_attribute(element, "lon")
        .map_err(|m| format!("a track point's {m}"))?
        .ok_or("a track point has no lon attribute; every trkpt needs lat and lon")?;
    if !(-90.0..=90.0).contains(&lat) {
        return Err(format!(
            "a track point's lat {lat} is outside -90 to 90 degrees"
        ));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(format!(
            "a track point's lon {lon} is outside -180 to 180 degrees"
        ));
    }
    Ok((lat, lon))
}

impl State<'_, '_> {
    /// Makes a finished track an activity, if it has timed points.
    fn finish_track(&mut self, t: Track) -> Result<(), ImportError> {
        let Some(first) = t.stats.start() else {
            self.tracks_without_time += 1;
            return Ok(());
        };
        let summary = Summary {
            start: Some(first.local),
            instant: first.instant(),
            sport: t.sport,
            elapsed_s: t.stats.span_s().unwrap_or(0.0),
            moving_s: t.stats.moving_s(),
            normalised_pace_s_per_km: t.stats.normalised_pace(),
            distance_m: t.stats.distance_m(),
            avg_hr: t.stats.avg_hr(),
            max_hr: t.stats.max_hr(),
            name: t.name,
        };
        let place = self.source.place(t.offset);
        self.activities.push(summary.into_recorded(FORMAT, place)?);
        Ok(())
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
        stack: &[(Tag, usize)],
        offset: usize,
    ) -> Result<(), ImportError> {
        match tag {
            Tag::Trk if !stack.iter().any(|s| s.0 == Tag::Trk) => {
                self.track = Some(Track {
                    offset,
                    ..Track::default()
                });
            }
            Tag::TrkSeg => {
                if let Some(t) = self.track.as_mut() {
                    t.connected = false;
                }
            }
            Tag::TrkPt if self.track.is_some() => {
                let position =
                    read_position(element).map_err(|m| self.source.error_at(offset, m))?;
                self.point = Some(TrackPoint {
                    position: Some(position),
                    ..TrackPoint::default()
                });
            }
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
        match tag {
            Tag::Time if parent == Some(Tag::TrkPt) => {
                if let Some(p) = self.point.as_mut() {
                    let time = Stamp::parse(content).ok_or_else(|| {
                        self.source.error_at(
                            start,
                            format!(
                                "time '{}' is not a date and time; GPX times look like \
                                 2027-03-01T07:00:00Z",
                                content.trim()
                            ),
                        )
                    })?;
                    p.time = Some(time);
                }
            }
            Tag::HeartRate if stack.iter().any(|s| s.0 == Tag::TrkPt) => {
                if let Some(p) = self.point.as_mut() {
                    let hr: f64 = content.trim().parse().map_err(|_| {
                        self.source.error_at(
                            start,
                            format!("heart rate '{}' is not a number", content.trim()),
                        )
                    })?;
                    p.hr = super::plausible_hr(hr);
                }
            }
            Tag::Ele if parent == Some(Tag::TrkPt) => {
                // An altitude that is not a number is left out: it only grades the pace.
                if let Some(p) = self.point.as_mut() {
                    p.altitude_m = content.trim().parse().ok().filter(|a: &f64| a.is_finite());
                }
            }
            Tag::Name if parent == Some(Tag::Trk) => {
                if let Some(t) = self.track.as_mut() {
                    t.name = Some(content.to_owned()).filter(|n| !n.trim().is_empty());
                }
            }
            Tag::Type if parent == Some(Tag::Trk) => {
                if let Some(t) = self.track.as_mut() {
                    let sport = content.trim();
                    let numeric = sport.chars().all(|c| c.is_ascii_digit());
                    t.sport = (!numeric).then(|| sport.to_owned());
                }
            }
            Tag::TrkPt => {
                if let (Some(t), Some(p)) = (self.track.as_mut(), self.point.take()) {
                    t.stats.add(p, t.connected);
                    t.connected = true;
                }
            }
            Tag::Trk if !stack.iter().any(|s| s.0 == Tag::Trk) => {
                if let Some(t) = self.track.take() {
                    self.finish_track(t)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

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

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::{ImportError, Place, Recorded, SourceFormat, Stamp, Summary, TrackPoint, TrackStats};
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

/// The XML text and where it sits in the file, for error places.
pub(crate) struct Source<'a> {
    /// The whole file.
    pub bytes: &'a [u8],
    /// Byte offset of the text in the file.
    pub base: usize,
    /// The format being read.
    pub format: SourceFormat,
}

impl Source<'_> {
    /// An error at an offset of the text (moved past white space to the markup).
    pub(crate) fn error_at(&self, offset: usize, reason: String) -> ImportError {
        let mut at = self.base.saturating_add(offset).min(self.bytes.len());
        while self.bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        ImportError::at_offset(self.format, self.bytes, at, reason)
    }

    /// The place of an offset of the text.
    pub(crate) fn place(&self, offset: usize) -> Option<Place> {
        self.error_at(offset, String::new()).place()
    }

    /// The error of XML that is not well-formed.
    pub(crate) fn xml_error(&self, reader: &Reader<&[u8]>, e: &quick_xml::Error) -> ImportError {
        let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
        self.error_at(
            offset,
            format!(
                "the {} file is not well-formed XML ({e}); it may be damaged or cut short, so \
                 export it again",
                self.format
            ),
        )
    }

    /// Refuses a document type that declares entities: Stride does not expand them, and
    /// nested ones ("billion laughs") would make a small file enormous.
    pub(crate) fn refuse_entities(
        &self,
        event: &Event<'_>,
        offset: usize,
    ) -> Result<(), ImportError> {
        match event {
            Event::DocType(d) if d.as_ref().contains("<!ENTITY") => Err(self.error_at(
                offset,
                format!(
                    "the {} file declares its own XML entities (<!ENTITY ...>), which Stride \
                         does not expand; remove its <!DOCTYPE ...> part",
                    self.format
                ),
            )),
            _ => Ok(()),
        }
    }

    /// The error of a file that ends inside an element.
    pub(crate) fn truncated(&self, open: &str) -> ImportError {
        let end = self.bytes.len().saturating_sub(self.base);
        self.error_at(
            end,
            format!(
                "the file ends inside <{open}>: it is cut short; export or copy it again in full"
            ),
        )
    }
}

/// Appends the text of a text, CDATA or entity event to `text`.
pub(crate) fn append_text(event: &Event<'_>, text: &mut String) {
    match event {
        Event::Text(t) => text.push_str(&t.xml10_content()),
        Event::CData(t) => text.push_str(t),
        Event::GeneralRef(r) => {
            if let Ok(Some(c)) = r.resolve_char_ref() {
                text.push(c);
            } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
            {
                text.push_str(s);
            }
        }
        _ => {}
    }
}

/// What a format's reader does with the elements of an XML file, for [`walk`].
pub(crate) trait Elements {
    /// The element kinds the format tells apart.
    type Tag: Copy + PartialEq;
    /// The kind of an element, from its local name.
    fn tag(local: &str) -> Self::Tag;
    /// The start of an element (or an empty one); `stack` holds its ancestors.
    fn start(
        &mut self,
        tag: Self::Tag,
        element: &BytesStart<'_>,
        stack: &[(Self::Tag, usize)],
        offset: usize,
    ) -> Result<(), ImportError>;
    /// The end of an element whose text is `content` and which started at `start`; `stack`
    /// holds its ancestors.
    fn end(
        &mut self,
        tag: Self::Tag,
        stack: &[(Self::Tag, usize)],
        content: &str,
        start: usize,
    ) -> Result<(), ImportError>;
}

/// Reads the XML `text` of `source` element by element into `elements`, checking what every
/// format needs checked: the root element is `root` (named `root_name`), elements nest at
/// most [`super::MAX_XML_DEPTH`] deep, the document type declares no entities, and no
/// element is left open at the end.
pub(crate) fn walk<E: Elements>(
    source: &Source<'_>,
    text: &str,
    root: E::Tag,
    root_name: &str,
    elements: &mut E,
) -> Result<(), ImportError> {
    let format = source.format;
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<(E::Tag, usize)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut seen_root = false;
    let mut text_buf = String::new();
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader
            .read_event()
            .map_err(|e| source.xml_error(&reader, &e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                let tag = E::tag(local.as_ref());
                if !seen_root {
                    seen_root = true;
                    if tag != root {
                        return Err(source.error_at(
                            offset,
                            format!(
                                "this is not a {format} file: its root element is <{}>, not \
                                 <{root_name}>",
                                local.as_ref()
                            ),
                        ));
                    }
                }
                text_buf.clear();
                elements.start(tag, e, &stack, offset)?;
                if matches!(event, Event::Start(_)) {
                    if stack.len() >= super::MAX_XML_DEPTH {
                        return Err(source.error_at(
                            offset,
                            format!(
                                "elements nest more than {} levels deep; this is not a {format} \
                                 file Stride can read",
                                super::MAX_XML_DEPTH
                            ),
                        ));
                    }
                    stack.push((tag, offset));
                    names.push(e.name().as_ref().to_owned());
                } else {
                    elements.end(tag, &stack, "", offset)?;
                }
            }
            Event::End(_) => {
                let Some((tag, start)) = stack.pop() else {
                    return Err(
                        source.error_at(offset, "an element closes that never opened".into())
                    );
                };
                names.pop();
                let content = std::mem::take(&mut text_buf);
                elements.end(tag, &stack, &content, start)?;
            }
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                append_text(&event, &mut text_buf);
            }
            Event::DocType(_) => source.refuse_entities(&event, offset)?,
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = names.last() {
        return Err(source.truncated(open));
    }
    if !seen_root {
        return Err(source.error_at(
            0,
            format!("this is not a {format} file: it has no XML element at all"),
        ));
    }
    Ok(())
}

/// An attribute's value as a number, `None` when absent.
pub(crate) fn number_attribute(
    element: &BytesStart<'_>,
    name: &str,
) -> Result<Option<f64>, String> {
    let attribute = element
        .try_get_attribute(name)
        .map_err(|e| format!("its attributes cannot be read ({e})"))?;
    let Some(attribute) = attribute else {
        return Ok(None);
    };
    let text = &attribute.value;
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{name} '{}' is not a number", text.trim()))?;
    if !value.is_finite() {
        return Err(format!("{name} '{}' is not a finite number", text.trim()));
    }
    Ok(Some(value))
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
    let (text, base) = super::xml_text(bytes, FORMAT)?;
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

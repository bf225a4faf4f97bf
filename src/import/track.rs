//! Statistics of a recorded track, point by point ([`TrackStats`]): elapsed span, distance
//! (from the device's distances, else haversine between positions), moving time, heart rate
//! and the normalised, grade-adjusted pace ([`GradedTrack`]). The GPX, TCX and FIT readers
//! all sum their points here.
//!
//! ```
//! use stride::import::{haversine_m, running_cost};
//! // One minute of latitude is one nautical mile, about 1,853 m on this sphere.
//! let mile = haversine_m((52.0, 13.0), (52.0 + 1.0 / 60.0, 13.0));
//! assert!((mile - 1853.0).abs() < 1.0, "{mile}");
//! assert!(running_cost(0.1) > running_cost(0.0));
//! ```

use super::MOVING_SPEED_M_S;
use super::summary::Stamp;

/// Mean Earth radius (IUGG), metres.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Heart rates outside this range, bpm, are not recorded values.
const HR_RANGE: (f64, f64) = (20.0, 250.0);

/// Great-circle distance between two points given in degrees, metres (haversine).
pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.1 - a.1).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.clamp(0.0, 1.0).sqrt().asin()
}

/// A heart rate sample if it is a plausible one.
pub(crate) fn plausible_hr(bpm: f64) -> Option<f64> {
    (bpm.is_finite() && bpm >= HR_RANGE.0 && bpm <= HR_RANGE.1).then_some(bpm)
}

/// `amount / span`, without dividing over a span of one (points a second apart, as most
/// watches record them, are most of every track): the same number either way.
#[inline]
fn per(amount: f64, span: f64) -> f64 {
    if span == 1.0 { amount } else { amount / span }
}

/// A recorded point's time as a reader keeps it; durations are taken in milliseconds.
pub(crate) trait PointTime: Copy {
    /// Milliseconds on the recording's clock.
    fn ms(&self) -> i64;

    /// Seconds from this time to `later`.
    fn seconds_until(&self, later: &Self) -> f64 {
        (later.ms() - self.ms()) as f64 / 1000.0
    }
}

impl PointTime for Stamp {
    fn ms(&self) -> i64 {
        self.ms
    }
}

/// Statistics of a recorded track, point by point: elapsed span, distance, moving time and
/// heart rate. The GPX and TCX readers give their points' times as [`Stamp`]s; the FIT reader
/// gives its own (seconds since the FIT epoch), so it works out a local time for the start
/// only.
#[derive(Debug)]
pub(crate) struct TrackStats<T: PointTime = Stamp> {
    first: Option<T>,
    last: Option<T>,
    prev: Option<TrackPoint<T>>,
    distance_m: f64,
    has_distance: bool,
    moving_s: f64,
    has_motion: bool,
    hr_sum: f64,
    hr_count: u64,
    hr_max: Option<f64>,
    graded: GradedTrack,
}

impl<T: PointTime> Default for TrackStats<T> {
    fn default() -> Self {
        TrackStats {
            first: None,
            last: None,
            prev: None,
            distance_m: 0.0,
            has_distance: false,
            moving_s: 0.0,
            has_motion: false,
            hr_sum: 0.0,
            hr_count: 0,
            hr_max: None,
            graded: GradedTrack::default(),
        }
    }
}

/// One recorded point.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TrackPoint<T: PointTime = Stamp> {
    /// When, if recorded.
    pub time: Option<T>,
    /// Latitude and longitude in degrees, if recorded.
    pub position: Option<(f64, f64)>,
    /// Distance from the start as the device measured it, metres.
    pub distance_m: Option<f64>,
    /// Heart rate, bpm (plausible values only).
    pub hr: Option<f64>,
    /// Altitude, metres, if recorded.
    pub altitude_m: Option<f64>,
}

impl<T: PointTime> Default for TrackPoint<T> {
    fn default() -> Self {
        TrackPoint {
            time: None,
            position: None,
            distance_m: None,
            hr: None,
            altitude_m: None,
        }
    }
}

impl<T: PointTime> TrackStats<T> {
    /// Statistics with room for `points` points, when their number is known.
    pub(crate) fn with_capacity(points: usize) -> Self {
        let mut stats = Self::default();
        stats.graded.points.reserve(points.saturating_add(1));
        stats
    }

    /// Adds the next point. `connected` is false for the first point of a new segment: the
    /// gap before it adds time but no distance.
    #[inline]
    pub(crate) fn add(&mut self, point: TrackPoint<T>, connected: bool) {
        if let Some(time) = point.time {
            // The start is the earliest time, also when a device wrote its points out of order.
            if self.first.is_none_or(|f| time.ms() < f.ms()) {
                self.first = Some(time);
            }
            if self.last.is_none_or(|l| time.ms() > l.ms()) {
                self.last = Some(time);
            }
        }
        if let Some(hr) = point.hr {
            self.hr_sum += hr;
            self.hr_count += 1;
            self.hr_max = Some(self.hr_max.map_or(hr, |m: f64| m.max(hr)));
        }
        let prev = if connected { self.prev.as_ref() } else { None };
        if let Some(prev) = prev {
            let step = match (prev.distance_m, point.distance_m) {
                (Some(a), Some(b)) => Some((b - a).max(0.0)),
                _ => prev
                    .position
                    .zip(point.position)
                    .map(|(a, b)| haversine_m(a, b)),
            };
            if let Some(step) = step.filter(|s| s.is_finite()) {
                self.distance_m += step;
                self.has_distance = true;
                if let (Some(t0), Some(t1)) = (prev.time, point.time) {
                    let dt = t0.seconds_until(&t1);
                    if dt > 0.0 {
                        self.has_motion = true;
                        if per(step, dt) > MOVING_SPEED_M_S {
                            self.moving_s += dt;
                        }
                        let climb = prev.altitude_m.zip(point.altitude_m).map(|(a, b)| b - a);
                        self.graded.add(dt, step, climb);
                    }
                }
            }
        }
        // After a point without distance or position the next step is measured from the last
        // point that had one.
        let located = point.distance_m.is_some() || point.position.is_some();
        if located || !connected || self.prev.is_none() {
            self.prev = Some(point);
        }
    }

    /// The earliest recorded time.
    pub(crate) fn start(&self) -> Option<T> {
        self.first
    }

    /// The latest recorded time.
    pub(crate) fn end(&self) -> Option<T> {
        self.last
    }

    /// Seconds from the earliest to the latest recorded time.
    pub(crate) fn span_s(&self) -> Option<f64> {
        Some((self.last?.ms() - self.first?.ms()) as f64 / 1000.0)
    }

    /// The distance covered, when positions or distances were recorded.
    pub(crate) fn distance_m(&self) -> Option<f64> {
        self.has_distance.then_some(self.distance_m)
    }

    /// Moving time, when positions or distances were recorded with times.
    pub(crate) fn moving_s(&self) -> Option<f64> {
        self.has_motion.then_some(self.moving_s)
    }

    /// Mean of the heart-rate samples.
    pub(crate) fn avg_hr(&self) -> Option<f64> {
        (self.hr_count > 0).then(|| self.hr_sum / self.hr_count as f64)
    }

    /// Highest heart-rate sample.
    pub(crate) fn max_hr(&self) -> Option<f64> {
        self.hr_max
    }

    /// Normalised, grade-adjusted pace, s/km ([`GradedTrack::normalised_pace`]).
    pub(crate) fn normalised_pace(&self) -> Option<f64> {
        self.graded.normalised_pace()
    }
}

/// Seconds of the rolling average that normalised pace is taken over (as normalised power
/// takes 30 s: Coggan).
const NORMALISED_WINDOW_S: f64 = 30.0;
/// Steepest grade the cost of running is taken at, either way: steeper readings are mostly
/// altitude noise (Minetti's measurements span -45% to +45%).
const MAX_GRADE: f64 = 0.3;
/// Fewest seconds of moving track a normalised pace is worked out from.
const NORMALISED_MIN_S: f64 = 120.0;

/// Energy cost of running on a slope, J/kg/m (Minetti et al. 2002, J Appl Physiol
/// 93:1039-1046): `155.4 i^5 - 30.4 i^4 - 43.3 i^3 + 46.3 i^2 + 19.5 i + 3.6` for a grade `i`.
///
/// ```
/// use stride::import::running_cost;
/// assert_eq!(running_cost(0.0), 3.6);
/// assert!(running_cost(0.1) > running_cost(0.0) && running_cost(-0.1) < running_cost(0.0));
/// ```
pub fn running_cost(grade: f64) -> f64 {
    let i = grade;
    155.4 * i.powi(5) - 30.4 * i.powi(4) - 43.3 * i.powi(3) + 46.3 * i.powi(2) + 19.5 * i + 3.6
}

/// A track's moving intervals as grade-adjusted distance over time, for its normalised pace.
///
/// Each interval's distance is weighted by the cost of running its grade against the flat
/// ([`running_cost`]); the speed is averaged over rolling [`NORMALISED_WINDOW_S`] seconds,
/// and the normalised speed is the fourth root of the mean fourth power of those averages,
/// as normalised power is worked out from power (Coggan). Stops are left out. For a steady
/// run on the flat it equals the average moving pace; for intervals and hills it is faster,
/// as their cost is.
#[derive(Clone, Debug, Default)]
struct GradedTrack {
    /// (seconds of moving time so far, graded metres so far) after each moving interval.
    points: Vec<(f64, f64)>,
}

impl GradedTrack {
    /// Adds an interval of `dt` seconds covering `step` metres, climbing `climb` metres.
    #[inline]
    fn add(&mut self, dt: f64, step: f64, climb: Option<f64>) {
        if !(dt > 0.0 && step.is_finite() && per(step, dt) > MOVING_SPEED_M_S) {
            return;
        }
        let grade = climb
            .filter(|c| c.is_finite() && step > 1.0)
            .map_or(0.0, |c| (c / step).clamp(-MAX_GRADE, MAX_GRADE));
        let (t, d) = self.points.last().copied().unwrap_or((0.0, 0.0));
        if self.points.is_empty() {
            self.points.push((0.0, 0.0));
        }
        // On the flat (FIT records carry no altitude) the polynomial is not worked out again.
        let flat = running_cost(0.0);
        let cost = if grade == 0.0 {
            flat
        } else {
            running_cost(grade)
        };
        self.points.push((t + dt, d + step * cost / flat));
    }

    /// Graded metres after `t` seconds of moving time (linear between points).
    fn distance_at(&self, t: f64, from: &mut usize) -> f64 {
        while *from + 1 < self.points.len() && self.points[*from + 1].0 < t {
            *from += 1;
        }
        let (t0, d0) = self.points[*from];
        match self.points.get(*from + 1) {
            Some(&(t1, d1)) if t1 > t0 => d0 + (d1 - d0) * per(t - t0, t1 - t0).clamp(0.0, 1.0),
            _ => d0,
        }
    }

    /// Normalised pace, s/km, from at least [`NORMALISED_MIN_S`] of moving track.
    fn normalised_pace(&self) -> Option<f64> {
        let total = self.points.last()?.0;
        if total < NORMALISED_MIN_S {
            return None;
        }
        // One sample a second, or fewer on very long tracks.
        let step = (total / 20_000.0).max(1.0);
        let (mut lead, mut lag) = (0usize, 0usize);
        let (mut sum, mut n) = (0.0, 0.0);
        let mut t = NORMALISED_WINDOW_S;
        while t <= total {
            let speed = (self.distance_at(t, &mut lead)
                - self.distance_at(t - NORMALISED_WINDOW_S, &mut lag))
                / NORMALISED_WINDOW_S;
            sum += speed.powi(4);
            n += 1.0;
            t += step;
        }
        let speed = (sum / n).powf(0.25);
        (speed > MOVING_SPEED_M_S).then(|| 1000.0 / speed)
    }
}

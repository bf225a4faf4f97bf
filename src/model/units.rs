//! Units of display and the few formatting helpers every view and the CLI share.
//!
//! Stored values are always metric (metres, seconds, seconds per kilometre); only display
//! converts to the athlete's [`Units`].

use serde::{Deserialize, Serialize};

/// Metres in one statute mile.
pub const METRES_PER_MILE: f64 = 1609.344;

/// How distances and paces are shown to the athlete.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    /// Kilometres, paces per kilometre.
    #[default]
    Km,
    /// Miles, paces per mile.
    Miles,
}

impl Units {
    /// Metres in one display unit of distance.
    pub fn metres_per_unit(self) -> f64 {
        match self {
            Units::Km => 1000.0,
            Units::Miles => METRES_PER_MILE,
        }
    }

    /// Short label of the distance unit: `km` or `mi`.
    pub fn distance_label(self) -> &'static str {
        match self {
            Units::Km => "km",
            Units::Miles => "mi",
        }
    }
}

/// Formats a distance in the given units with one decimal, e.g. `12.5 km`.
///
/// ```
/// use stride::model::{format_distance, Units};
/// assert_eq!(format_distance(12_500.0, Units::Km), "12.5 km");
/// assert_eq!(format_distance(1609.344, Units::Miles), "1.0 mi");
/// ```
pub fn format_distance(distance_m: f64, units: Units) -> String {
    format!(
        "{:.1} {}",
        distance_m / units.metres_per_unit(),
        units.distance_label()
    )
}

/// Formats a duration as `h:mm:ss`, or `m:ss` under an hour. Negative or non-finite input
/// gives `-`.
///
/// ```
/// use stride::model::format_duration;
/// assert_eq!(format_duration(3725.0), "1:02:05");
/// assert_eq!(format_duration(305.4), "5:05");
/// ```
pub fn format_duration(duration_s: f64) -> String {
    if !duration_s.is_finite() || duration_s < 0.0 {
        return "-".to_owned();
    }
    let total = duration_s.round() as u64;
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Formats a pace given in seconds per kilometre in the athlete's units, e.g. `4:27/km`.
///
/// ```
/// use stride::model::{format_pace, Units};
/// assert_eq!(format_pace(267.0, Units::Km), "4:27/km");
/// assert_eq!(format_pace(300.0, Units::Miles), "8:03/mi");
/// ```
pub fn format_pace(pace_s_per_km: f64, units: Units) -> String {
    let per_unit = pace_s_per_km * units.metres_per_unit() / 1000.0;
    format!("{}/{}", format_duration(per_unit), units.distance_label())
}

/// Parses `h:mm:ss`, `mm:ss` or plain seconds into seconds.
///
/// # Errors
/// Returns a message naming what is wrong when a part is not a number, minutes or seconds are
/// 60 or more in a multi-part time, or the text has more than three parts.
///
/// ```
/// use stride::model::parse_duration;
/// assert_eq!(parse_duration("1:39:40"), Ok(5980.0));
/// assert_eq!(parse_duration("19:57"), Ok(1197.0));
/// assert!(parse_duration("19:75").is_err());
/// ```
pub fn parse_duration(text: &str) -> Result<f64, String> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    if parts.len() > 3 || parts.iter().any(|p| p.trim().is_empty()) {
        return Err(format!("'{text}' is not a time: use h:mm:ss or mm:ss"));
    }
    let mut total = 0.0;
    for (i, part) in parts.iter().enumerate() {
        let value: f64 = part
            .trim()
            .parse()
            .map_err(|_| format!("'{part}' in '{text}' is not a number"))?;
        if !value.is_finite() || value < 0.0 {
            return Err(format!(
                "'{text}' is not a time: parts must be positive numbers"
            ));
        }
        if i > 0 && value >= 60.0 {
            return Err(format!(
                "'{text}' is not a time: minutes and seconds must be under 60"
            ));
        }
        total = total * 60.0 + value;
    }
    Ok(total)
}

/// Longest duration accepted anywhere (an activity, a planned workout, a step), seconds: 7
/// days, the longest multi-day event a runner records. One bound for documents, imports and
/// forms alike.
pub const MAX_DURATION_S: f64 = 7.0 * 24.0 * 3600.0;

/// Longest distance accepted for an activity, metres (a 7-day multi-day event recorded as one
/// activity stays well inside it).
pub const MAX_DISTANCE_M: f64 = 5_000_000.0;

/// Heart rates accepted for a target or a recording, bpm.
pub const HEART_RATE_BPM: (u16, u16) = (25, 250);

/// Repetitions accepted for a repeat block.
pub const REPEAT_TIMES: (u32, u32) = (1, 50);

/// Altitudes accepted for a home or a workout, metres: the Dead Sea shore to above the highest
/// towns people train in.
pub const ALTITUDE_M: (f64, f64) = (-500.0, 6000.0);

/// Air temperatures and dew points accepted for a workout, degrees Celsius.
pub const TEMPERATURE_C: (f64, f64) = (-60.0, 60.0);

/// Fastest pace accepted for a target, seconds per km (2:00/km).
pub const FASTEST_PACE_S_PER_KM: f64 = 120.0;
/// Slowest pace accepted for a target, seconds per km (15:00/km).
pub const SLOWEST_PACE_S_PER_KM: f64 = 900.0;

/// Parses a pace typed in the athlete's units (`4:30` per km or per mile) into seconds per km.
///
/// # Errors
/// A message when the text is not `m:ss` or the pace is outside 2:00-15:00 per km.
///
/// ```
/// use stride::model::{parse_pace, Units};
/// assert_eq!(parse_pace("4:30", Units::Km), Ok(270.0));
/// assert!((parse_pace("8:00", Units::Miles).unwrap() - 298.26).abs() < 0.01);
/// assert!(parse_pace("1:30", Units::Km).is_err());
/// ```
pub fn parse_pace(text: &str, units: Units) -> Result<f64, String> {
    let per_unit = parse_duration(text)?;
    let per_km = per_unit * 1000.0 / units.metres_per_unit();
    if (FASTEST_PACE_S_PER_KM..=SLOWEST_PACE_S_PER_KM).contains(&per_km) {
        Ok(per_km)
    } else {
        Err(format!(
            "a pace must be between {} and {}",
            format_pace(FASTEST_PACE_S_PER_KM, units),
            format_pace(SLOWEST_PACE_S_PER_KM, units)
        ))
    }
}

/// Parses a race distance: `1500`, `mile`, `3k`, `5k`, `10k`, `15k`, `half`, `marathon`,
/// metres (`8000m`, or a plain number) or kilometres (`12.5km`).
///
/// # Errors
/// A message listing the accepted forms.
///
/// ```
/// use stride::model::parse_distance;
/// assert_eq!(parse_distance("half"), Ok(21_097.5));
/// assert_eq!(parse_distance("12.5km"), Ok(12_500.0));
/// assert_eq!(parse_distance("8000m"), Ok(8000.0));
/// assert!(parse_distance("far").is_err());
/// ```
pub fn parse_distance(text: &str) -> Result<f64, String> {
    let t = text.trim().to_ascii_lowercase();
    let named = match t.as_str() {
        "mile" => Some(1609.344),
        "3k" => Some(3000.0),
        "5k" => Some(5000.0),
        "10k" => Some(10_000.0),
        "15k" => Some(15_000.0),
        "half" => Some(21_097.5),
        "marathon" => Some(42_195.0),
        _ => None,
    };
    let number = |s: &str, scale: f64| s.trim().parse::<f64>().ok().map(|v| v * scale);
    let parsed = named
        .or_else(|| t.strip_suffix("km").and_then(|n| number(n, 1000.0)))
        .or_else(|| t.strip_suffix('m').and_then(|n| number(n, 1.0)))
        .or_else(|| number(&t, 1.0));
    match parsed {
        Some(d) if d.is_finite() && d > 0.0 => Ok(d),
        _ => Err(format!(
            "'{text}' is not a distance; use 1500, mile, 3k, 5k, 10k, 15k, half, marathon, \
             metres like 8000m or kilometres like 12.5km"
        )),
    }
}

/// A count of days in words: `1 day`, `3 days`, `0 days`.
///
/// ```
/// use stride::model::days_text;
/// assert_eq!(days_text(1), "1 day");
/// assert_eq!(days_text(3), "3 days");
/// ```
pub fn days_text(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}

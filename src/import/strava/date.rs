//! The dates and numbers of Strava's `activities.csv` in the languages its exports are written
//! in (see [`super`]): `Sep 12, 2018, 3:02:23 PM`, `09.12.2022, 15:24:49`, `12 sept. 2018,
//! 15:02:23`, `6 mrt. 2024 14:23:15`, `12 de set. de 2018, 15:02:23`, and numbers with a
//! decimal comma.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::fold;

/// The English date formats of `Activity Date`, tried first.
const DATE_FORMATS: [&str; 4] = [
    "%b %d, %Y, %I:%M:%S %p",
    "%b %d, %Y %I:%M:%S %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
];

/// The months by their names in English, German, French, Spanish, Italian, Dutch and
/// Portuguese, as [`fold`] leaves them, and the short forms that are not the start of one.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "januar", "janvier", "januari", "enero", "gennaio", "janeiro",
    ],
    &[
        "february",
        "februar",
        "fevrier",
        "februari",
        "febrero",
        "febbraio",
        "fevereiro",
    ],
    &[
        "march", "marz", "mars", "maart", "marzo", "marco", "mrz", "mrt",
    ],
    &["april", "avril", "abril", "aprile"],
    &["may", "mai", "mei", "mayo", "maggio", "maio"],
    &["june", "juni", "juin", "junio", "giugno", "junho"],
    &["july", "juli", "juillet", "julio", "luglio", "julho"],
    &["august", "aout", "augustus", "agosto"],
    &[
        "september",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
    ],
    &[
        "october", "oktober", "octobre", "octubre", "ottobre", "outubro",
    ],
    &["november", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dezember",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
    ],
];

/// The month (1-12) a word names, in full or by its first three letters or more; `None` when
/// it names none or more than one.
fn month(word: &str) -> Option<u32> {
    if word.chars().count() < 3 {
        return None;
    }
    let mut found = MONTHS
        .iter()
        .zip(1..)
        .filter(|(names, _)| names.iter().any(|n| n.starts_with(word)))
        .map(|(_, m)| m);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// A time of day `H:MM` or `H:MM:SS`.
fn time_of_day(token: &str) -> Option<NaiveTime> {
    let mut parts = token.split(':').map(|p| p.parse::<u32>().ok());
    let (h, m) = (parts.next()??, parts.next()??);
    let s = parts.next().map_or(Some(0), |s| s)?;
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, s)
}

/// A date and time in one of the forms of the module documentation.
fn localised_date(text: &str) -> Option<NaiveDateTime> {
    let mut time = None;
    let mut pm: Option<bool> = None;
    let mut marker = String::new();
    let mut numbers: Vec<u32> = Vec::new();
    let mut named_month = None;
    for token in text.split(|c: char| c.is_whitespace() || c == ',') {
        let token = token.trim_matches('.');
        if token.is_empty() {
            continue;
        }
        if token.contains(':') {
            if time.is_some() {
                return None;
            }
            time = Some(time_of_day(token)?);
            continue;
        }
        if token.starts_with(|c: char| c.is_ascii_digit()) {
            for part in token.split(['.', '/', '-']) {
                numbers.push(part.parse().ok()?);
            }
            continue;
        }
        let word = fold(token);
        // AM and PM, also written "a. m." and "p. m.".
        marker.push_str(&word);
        match marker.as_str() {
            "am" | "pm" => {
                pm = Some(marker == "pm");
                marker.clear();
                continue;
            }
            "a" | "p" => continue,
            _ => marker.clear(),
        }
        if let Some(m) = month(&word) {
            if named_month.replace(m).is_some() {
                return None;
            }
        } else if word.chars().count() > 3 {
            // Short words ("de", "um", "às", "at") join the parts; a longer one is not a date.
            return None;
        }
    }
    let (year, month, day) = match (named_month, numbers.as_slice()) {
        (Some(m), [a, b]) if *a > 31 => (*a, m, *b),
        (Some(m), [a, b]) => (*b, m, *a),
        (None, [y, m, d]) if *y > 31 => (*y, *m, *d),
        (None, [d, m, y]) => (*y, *m, *d),
        _ => return None,
    };
    let mut time = time?;
    if let Some(pm) = pm {
        let hour = chrono::Timelike::hour(&time);
        if !(1..=12).contains(&hour) {
            return None;
        }
        let hour24 = hour % 12 + if pm { 12 } else { 0 };
        time = chrono::Timelike::with_hour(&time, hour24)?;
    }
    let year = i32::try_from(year).ok()?;
    NaiveDate::from_ymd_opt(year, month, day).map(|d| d.and_time(time))
}

/// Parses `Activity Date`, a UTC time, in English or another language (see the module
/// documentation).
///
/// ```
/// use stride::import::strava::parse_date;
/// for text in [
///     "Sep 12, 2018, 3:02:23 PM",
///     "12.09.2018, 15:02:23",
///     "12 sept. 2018, 15:02:23",
///     "12 de set. de 2018, 15:02:23",
///     "12 sep 2018 3:02:23 p. m.",
/// ] {
///     assert_eq!(parse_date(text).unwrap().to_string(), "2018-09-12 15:02:23", "{text}");
/// }
/// assert_eq!(parse_date("someday"), None);
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    DATE_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| localised_date(text))
}

/// A number, also with a decimal comma (`9,44`).
pub(super) fn number_text(text: &str) -> Option<f64> {
    text.parse().ok().or_else(|| {
        let (whole, fraction) = text.split_once(',')?;
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        (digits(whole) && digits(fraction))
            .then(|| format!("{whole}.{fraction}").parse().ok())
            .flatten()
    })
}

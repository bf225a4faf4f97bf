//! The `activities.csv` of Strava's bulk export (Settings > My Account > Download or Delete
//! Your Account > Request your archive), one row per activity, in any of the languages below.
//!
//! Its header repeats names: the first `Elapsed Time`, `Distance` and `Max Heart Rate` are
//! display values, the later ones the raw figures. The reader finds each column by its name and
//! the how-many-th time that name occurs, so exports with and without some columns (older ones
//! lack `Activity Private Note`, which shifts everything after it by one) read alike. In
//! today's layout the columns read are (counted from 1):
//!
//! | column | name | read as |
//! | --- | --- | --- |
//! | 2 | `Activity Date` | start, UTC, like `Sep 12, 2018, 3:02:23 PM` (or `2018-09-12 15:02:23`); becomes local time of this computer |
//! | 3 | `Activity Name` | notes |
//! | 4 | `Activity Type` | sport: `Run`, `Trail Run`, `Ride`, `Swim`, `Rowing`, `Elliptical`, `Weight Training`, ... ([`super::kind_for_sport`]) |
//! | 6 | `Elapsed Time` (1st) | elapsed seconds, when there is no second one |
//! | 8 | `Max Heart Rate` (1st) | highest heart rate, when there is no second one |
//! | 13 | `Filename` | the recording in the export (`activities/1836025202.fit.gz`), which the zip reader links the row to |
//! | 16 | `Elapsed Time` (2nd) | elapsed seconds |
//! | 17 | `Moving Time` | moving seconds |
//! | 18 | `Distance` (2nd) | metres |
//! | 31 | `Max Heart Rate` (2nd) | highest heart rate, bpm |
//! | 32 | `Average Heart Rate` | average heart rate, bpm |
//!
//! The first `Distance` (column 7) is in the unit the activity is shown in (kilometres,
//! miles, or metres for swims), so it is not used: an export without the second `Distance` has
//! no distances. Rows may have fewer fields than the header (the missing ones are empty);
//! empty rows are skipped. A date that cannot be read or a duration or distance that is not a
//! non-negative number is an error naming its line and column; an implausible heart rate
//! (outside 20-250) is dropped.
//!
//! # Other languages
//!
//! Strava writes the header, the activity types and the dates in the language of the account;
//! the layout stays the same. Names are compared without case, accents, spaces or punctuation
//! ([`fold`]), against the English ones and those of German, French, Spanish, Italian, Dutch
//! and Portuguese exports ([`COLUMN_NAMES`]). The German and French names are those of real
//! exports whose headers their owners posted when other programs could not read them (in the
//! issue tracker of geo-activity-playground, and in a project's tests of its own export); the
//! Dutch ones are those that scripts written for their authors' own exports read; the
//! Spanish, Italian and Portuguese ones are the usual translations of the English names, with
//! variants, not yet checked against a real export. When a localised moving time or average
//! heart rate is not found by name, the layout finds it: it is the column after the second
//! elapsed time, or after the second highest heart rate.
//!
//! Dates are read in the forms Strava writes: `Sep 12, 2018, 3:02:23 PM` (English),
//! `09.12.2022, 15:24:49` (German), `12 sept. 2018, 15:02:23` (French), `6 mrt. 2024 14:23:15`
//! (Dutch), `12 de set. de 2018, 15:02:23` (Portuguese), and the like: day, month (by name in
//! any of the seven languages, full or cut short, or by number after the day), year, and the
//! time of day, with `AM`/`PM` (also `a. m.`/`p. m.`) when given ([`parse_date`]). Numbers
//! with a decimal comma (`9,44`) are read too.
//!
//! ```
//! use stride::import::{SourceFormat, parse};
//! let csv = "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Verstrichene Zeit\n\
//!            1,\"09.12.2022, 15:24:49\",Feierabendlauf,Lauf,1800\n";
//! let a = &parse(SourceFormat::StravaCsv, csv.as_bytes(), "activities.csv").unwrap()[0];
//! assert_eq!((a.notes.as_str(), a.duration_s), ("Feierabendlauf", 1800.0));
//! assert_eq!(a.start.date().to_string(), "2022-12-09");
//! ```

mod date;

pub use date::parse_date;

use date::number_text;

use super::{ImportError, Place, SourceFormat, Stamp, Summary};
use crate::model::Activity;
use crate::storage::session_csv::CsvError;

const FORMAT: SourceFormat = SourceFormat::StravaCsv;

/// A column the reader uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// `Activity ID`: the first column, which tells the file.
    Id,
    /// `Activity Date`.
    Date,
    /// `Activity Name`.
    Name,
    /// `Activity Type`.
    Type,
    /// `Elapsed Time`.
    Elapsed,
    /// `Moving Time`.
    Moving,
    /// `Distance`.
    Distance,
    /// `Max Heart Rate`.
    MaxHr,
    /// `Average Heart Rate`.
    AvgHr,
    /// `Filename`.
    Filename,
}

/// The names of each column in English, German, French, Spanish, Italian, Dutch and
/// Portuguese exports (see the module documentation for where they come from), with the
/// variants seen.
pub const COLUMN_NAMES: [(Column, &[&str]); 10] = [
    (
        Column::Id,
        &[
            "Activity ID",
            "Aktivitäts-ID",
            "ID de l'activité",
            "ID de actividad",
            "ID de la actividad",
            "ID attività",
            "ID dell'attività",
            "Activiteits-ID",
            "ID da atividade",
        ],
    ),
    (
        Column::Date,
        &[
            "Activity Date",
            "Aktivitätsdatum",
            "Date de l'activité",
            "Fecha de la actividad",
            "Fecha de actividad",
            "Data attività",
            "Data dell'attività",
            "Datum van activiteit",
            "Data da atividade",
        ],
    ),
    (
        Column::Name,
        &[
            "Activity Name",
            "Name der Aktivität",
            "Nom de l'activité",
            "Nombre de la actividad",
            "Nombre de actividad",
            "Nome attività",
            "Nome dell'attività",
            "Naam activiteit",
            "Naam van activiteit",
            "Nome da atividade",
        ],
    ),
    (
        Column::Type,
        &[
            "Activity Type",
            "Aktivitätsart",
            "Type d'activité",
            "Tipo de actividad",
            "Tipo di attività",
            "Tipo attività",
            "Activiteitstype",
            "Tipo de atividade",
            "Tipo da atividade",
        ],
    ),
    (
        Column::Elapsed,
        &[
            "Elapsed Time",
            "Verstrichene Zeit",
            "Temps écoulé",
            "Tiempo transcurrido",
            "Tempo trascorso",
            "Verstreken tijd",
            "Tempo decorrido",
        ],
    ),
    (
        Column::Moving,
        &[
            "Moving Time",
            "Bewegungszeit",
            "Durée de déplacement",
            "Temps de déplacement",
            "Tiempo en movimiento",
            "Tempo in movimento",
            "Beweegtijd",
            "Tempo em movimento",
            "Tempo de movimento",
        ],
    ),
    (
        Column::Distance,
        &[
            "Distance",
            "Distanz",
            "Distancia",
            "Distanza",
            "Afstand",
            "Distância",
        ],
    ),
    (
        Column::MaxHr,
        &[
            "Max Heart Rate",
            "Max. Herzfrequenz",
            "Fréquence cardiaque max.",
            "Frecuencia cardíaca máxima",
            "Frecuencia cardiaca máx.",
            "Frequenza cardiaca massima",
            "Frequenza cardiaca max",
            "Max. hartslag",
            "Frequência cardíaca máxima",
            "Frequência cardíaca máx.",
        ],
    ),
    (
        Column::AvgHr,
        &[
            "Average Heart Rate",
            "Durchschnittliche Herzfrequenz",
            "Fréquence cardiaque moyenne",
            "Frecuencia cardíaca media",
            "Frecuencia cardíaca promedio",
            "Frequenza cardiaca media",
            "Gemiddelde hartslag",
            "Frequência cardíaca média",
        ],
    ),
    (
        Column::Filename,
        &[
            "Filename",
            "Dateiname",
            "Nom du fichier",
            "Nombre del archivo",
            "Nombre de archivo",
            "Nome file",
            "Nome del file",
            "Bestandsnaam",
            "Nome do arquivo",
            "Nome do ficheiro",
        ],
    ),
];

/// A name as it is compared: lower case, accents taken off the Latin letters that carry them
/// in these languages, and only letters and digits kept (`Max. Herzfrequenz` is
/// `maxherzfrequenz`, `Durée` is `duree`).
///
/// ```
/// use stride::import::strava::fold;
/// assert_eq!(fold("ID de l'activité"), "iddelactivite");
/// assert_eq!(fold("Aktivitäts-ID"), "aktivitatsid");
/// ```
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            let base = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
                'ç' => 'c',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ñ' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ß' => 's',
                c if c.is_alphanumeric() => c,
                _ => return None,
            };
            Some(base)
        })
        .collect()
}

/// Whether a header cell names `column` in one of the languages read.
fn names(cell: &str, column: Column) -> bool {
    let cell = fold(cell);
    COLUMN_NAMES
        .iter()
        .filter(|(c, _)| *c == column)
        .flat_map(|(_, names)| names.iter())
        .any(|name| fold(name) == cell)
}

/// Whether a CSV header line is that of Strava's `activities.csv`: its first column is the
/// activity's ID and it has a column of the activity's date, in one of the languages read.
pub fn is_header(line: &str) -> bool {
    let line = line.trim_start_matches('\u{feff}').trim_start();
    let mut cells = line.split(',').map(|c| c.trim_matches([' ', '"']));
    cells.next().is_some_and(|first| names(first, Column::Id))
        && cells.any(|c| names(c, Column::Date))
}

/// The column of the `nth` (from 1) occurrence of `column`'s name in the header, from 0.
fn column(headers: &csv::StringRecord, column: Column, nth: usize) -> Option<usize> {
    headers
        .iter()
        .enumerate()
        .filter(|(_, h)| names(h, column))
        .nth(nth.saturating_sub(1))
        .map(|(i, _)| i)
}

/// The column after the second occurrence of `column`'s name, when it occurs twice: the
/// layout's place of the moving time (after the second elapsed time) and of the average heart
/// rate (after the second highest one).
fn after_second(headers: &csv::StringRecord, of: Column) -> Option<usize> {
    column(headers, of, 2)
        .map(|i| i + 1)
        .filter(|i| *i < headers.len())
}

/// The columns the reader uses, from 0.
struct Columns {
    date: usize,
    name: Option<usize>,
    sport: Option<usize>,
    elapsed: usize,
    moving: Option<usize>,
    distance: Option<usize>,
    max_hr: Option<usize>,
    avg_hr: Option<usize>,
    file: Option<usize>,
}

impl Columns {
    fn find(headers: &csv::StringRecord) -> Result<Columns, ImportError> {
        let missing = |name: &str| {
            ImportError::corrupt(
                FORMAT,
                Some(Place::LineColumn { line: 1, column: 1 }),
                format!(
                    "the header has no '{name}' column (nor one of its names in German, \
                     French, Spanish, Italian, Dutch or Portuguese); is this the \
                     activities.csv of a Strava export?"
                ),
            )
        };
        let date = column(headers, Column::Date, 1).ok_or_else(|| missing("Activity Date"))?;
        let elapsed = column(headers, Column::Elapsed, 2)
            .or_else(|| column(headers, Column::Elapsed, 1))
            .ok_or_else(|| missing("Elapsed Time"))?;
        Ok(Columns {
            date,
            name: column(headers, Column::Name, 1),
            sport: column(headers, Column::Type, 1),
            elapsed,
            moving: column(headers, Column::Moving, 1)
                .or_else(|| after_second(headers, Column::Elapsed)),
            distance: column(headers, Column::Distance, 2),
            max_hr: column(headers, Column::MaxHr, 2).or_else(|| column(headers, Column::MaxHr, 1)),
            avg_hr: column(headers, Column::AvgHr, 1)
                .or_else(|| after_second(headers, Column::MaxHr)),
            file: column(headers, Column::Filename, 1),
        })
    }
}

/// One row of the file: its activity, its sport as written, and its recording in the export.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    /// The activity the row describes.
    pub activity: Activity,
    /// `Activity Type`, as written.
    pub sport: Option<String>,
    /// `Filename`: where the recording is in the export (`activities/123.fit.gz`).
    pub file: Option<String>,
}

/// Reads the activities of Strava's `activities.csv`.
///
/// # Errors
/// An [`ImportError`] naming the line and column of a header without the needed columns, a
/// malformed row, or a value that cannot be read.
pub fn parse(bytes: &[u8]) -> Result<Vec<Activity>, ImportError> {
    Ok(rows(bytes)?.into_iter().map(|r| r.activity).collect())
}

/// The rows of Strava's `activities.csv` ([`parse`]).
pub(crate) fn rows(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let text = super::utf8_text(bytes, FORMAT)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers = match records.next() {
        Some(Ok(headers)) => headers,
        Some(Err(e)) => return Err(ImportError::of_csv(FORMAT, CsvError::of_row(&e))),
        None => {
            return Err(ImportError::Empty {
                format: FORMAT,
                reason: "the file is empty".to_owned(),
            });
        }
    };
    let columns = Columns::find(&headers)?;
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| ImportError::of_csv(FORMAT, CsvError::of_row(&e)))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        let place = |column: usize| {
            Some(Place::LineColumn {
                line,
                column: column + 1,
            })
        };
        let field = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("");
        let number = |c: Option<usize>, what: &str, max: f64| -> Result<Option<f64>, ImportError> {
            let text = field(c);
            if text.is_empty() {
                return Ok(None);
            }
            let fail = |reason: String| ImportError::corrupt(FORMAT, place(c.unwrap_or(0)), reason);
            let value = number_text(text)
                .ok_or_else(|| fail(format!("{what} '{text}' is not a number")))?;
            if !value.is_finite() || value < 0.0 {
                return Err(fail(format!("{what} {text} is not a number of 0 or more")));
            }
            if value > max {
                return Err(fail(format!(
                    "{what} {text} is over the {max} Stride accepts"
                )));
            }
            Ok(Some(value))
        };
        let date_text = field(Some(columns.date));
        let start = parse_date(date_text).map(Stamp::from_utc).ok_or_else(|| {
            ImportError::corrupt(
                FORMAT,
                place(columns.date),
                format!(
                    "Activity Date '{date_text}' is not a date Stride reads; Strava writes dates \
                     like 'Sep 12, 2018, 3:02:23 PM', '12.09.2018, 15:02:23' or '12 sept. 2018, \
                     15:02:23'"
                ),
            )
        })?;
        let elapsed = number(Some(columns.elapsed), "Elapsed Time", super::MAX_DURATION_S)?
            .ok_or_else(|| {
                ImportError::corrupt(
                    FORMAT,
                    place(columns.elapsed),
                    "Elapsed Time is empty; every activity needs one".to_owned(),
                )
            })?;
        let moving = number(columns.moving, "Moving Time", super::MAX_DURATION_S)?;
        let distance = number(columns.distance, "Distance", super::MAX_DISTANCE_M)?;
        let max_hr = number(columns.max_hr, "Max Heart Rate", f64::MAX)?;
        let avg_hr = number(columns.avg_hr, "Average Heart Rate", f64::MAX)?;
        let text_of = |c: Option<usize>| Some(field(c).to_owned()).filter(|s| !s.is_empty());
        let sport = text_of(columns.sport);
        let summary = Summary {
            start: Some(start.local),
            instant: start.instant(),
            sport: sport.clone(),
            elapsed_s: elapsed,
            moving_s: moving,
            normalised_pace_s_per_km: None,
            distance_m: distance,
            avg_hr,
            max_hr,
            name: text_of(columns.name),
        };
        rows.push(Row {
            activity: summary.into_activity(FORMAT, place(columns.date))?,
            sport,
            file: text_of(columns.file),
        });
    }
    Ok(rows)
}

//! `stride plan` and `stride check`.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::generator::optimize::optimize_for_document;
use crate::generator::{
    CrossTrainingPreference, GeneratorInput, generate_with_history, spaced_days,
};
use crate::model::{
    Athlete, AthleteDocument, ExperienceLevel, GoalRace, History, RaceResult, WeekStart,
    parse_duration,
};
use crate::rules::{CheckInput, has_errors};
use crate::science::load::LoadContext;
use crate::science::paces::athlete_vdot;
use crate::science::personal;
use crate::storage::{self, plan_csv, session_csv};

/// What `stride plan` was asked for, as typed.
pub struct PlanRequest {
    /// Race distance text.
    pub race: String,
    /// Race date.
    pub race_date: NaiveDate,
    /// First day (default: the next Monday after `today`).
    pub start: Option<NaiveDate>,
    /// Level.
    pub level: Option<ExperienceLevel>,
    /// Current weekly volume, km.
    pub weekly_km: Option<f64>,
    /// `N` or a list of day names.
    pub days: Option<String>,
    /// Long-run day name.
    pub long_run_day: Option<String>,
    /// VDOT.
    pub vdot: Option<f64>,
    /// `DIST:TIME`.
    pub recent_race: Option<String>,
    /// Age in years.
    pub age: Option<i32>,
    /// Cross-training preference.
    pub cross_training: CrossTrainingPreference,
    /// An athlete document to take the profile from.
    pub profile: Option<PathBuf>,
    /// `ron`, `csv` or `json`.
    pub format: String,
    /// Where to write (default: standard output).
    pub out: Option<PathBuf>,
    /// Search for the best predicted race day.
    pub optimize: bool,
    /// Today, for the default start.
    pub today: NaiveDate,
    /// Tune-up races as `DATE:DISTANCE[:B|C]`.
    pub tune_ups: Vec<String>,
    /// Days away as `FROM..TO`.
    pub unavailable: Vec<String>,
}

/// Parses a tune-up race, `DATE:DISTANCE[:B|C]` (B when no priority is given), the distance
/// written as `--race` takes it.
///
/// # Errors
/// A message naming the part that is wrong and the form expected.
///
/// ```
/// use stride::cli::plan::parse_tune_up;
/// use stride::model::RacePriority;
/// let t = parse_tune_up("2027-03-14:half").unwrap();
/// assert_eq!((t.distance_m, t.priority), (21_097.5, RacePriority::B));
/// assert_eq!(parse_tune_up("2027-02-06:10k:C").unwrap().priority, RacePriority::C);
/// assert!(parse_tune_up("2027-02-06:10k:A").is_err());
/// ```
pub fn parse_tune_up(text: &str) -> Result<crate::generator::TuneUp, String> {
    let form = "--tune-up takes DATE:DISTANCE[:B|C], like 2027-03-14:half:B";
    let mut parts = text.split(':');
    let (Some(date), Some(distance)) = (parts.next(), parts.next()) else {
        return Err(format!("'{text}': {form}"));
    };
    let date = parse_date(date).map_err(|e| format!("'{text}': {e}; {form}"))?;
    let distance_m = super::paces::parse_distance(distance)?;
    let priority = match parts.next() {
        None => crate::model::RacePriority::B,
        Some(p) => match crate::model::RacePriority::from_letter(p) {
            Some(crate::model::RacePriority::A) => {
                return Err(format!(
                    "'{text}': the goal race (--race) is the A race; a tune-up is B or C"
                ));
            }
            Some(p) => p,
            None => return Err(format!("'{text}': '{p}' is not a priority; use B or C")),
        },
    };
    if parts.next().is_some() {
        return Err(format!("'{text}': {form}"));
    }
    Ok(crate::generator::TuneUp {
        date,
        distance_m,
        priority,
        name: String::new(),
    })
}

/// Parses a range of days, `FROM..TO` (both included), or a single day.
///
/// # Errors
/// A message naming the part that is wrong.
///
/// ```
/// use stride::cli::plan::parse_day_range;
/// let (from, to) = parse_day_range("2027-02-15..2027-02-19").unwrap();
/// assert_eq!((to - from).num_days(), 4);
/// assert!(parse_day_range("2027-02-19..2027-02-15").is_err());
/// ```
pub fn parse_day_range(text: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let form = "give the days as FROM..TO, like 2027-02-15..2027-02-19";
    let (from, to) = match text.split_once("..") {
        Some((a, b)) => (parse_date(a), parse_date(b)),
        None => (parse_date(text), parse_date(text)),
    };
    let (from, to) = (
        from.map_err(|e| format!("'{text}': {e}; {form}"))?,
        to.map_err(|e| format!("'{text}': {e}; {form}"))?,
    );
    if to < from {
        return Err(format!(
            "'{text}': the last day is before the first; {form}"
        ));
    }
    Ok((from, to))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{}' is not a date (YYYY-MM-DD)", text.trim()))
}

/// Parses a day name: `mon`, `Monday`, ...
///
/// # Errors
/// A message listing the accepted names.
pub fn parse_day(text: &str) -> Result<Weekday, String> {
    text.trim()
        .parse::<Weekday>()
        .map_err(|_| format!("'{text}' is not a day; use mon, tue, wed, thu, fri, sat or sun"))
}

/// What `--days` says: a number of days (the generator picks them), or the days themselves.
enum DaysArg {
    Count(usize),
    List(Vec<Weekday>),
}

fn parse_days(text: &str) -> Result<DaysArg, String> {
    if let Ok(n) = text.trim().parse::<usize>() {
        return if (1..=7).contains(&n) {
            Ok(DaysArg::Count(n))
        } else {
            Err(format!("--days {n}: give 1 to 7 days"))
        };
    }
    let mut days = text
        .split(',')
        .map(parse_day)
        .collect::<Result<Vec<_>, _>>()?;
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    Ok(DaysArg::List(days))
}

fn default_weekly_km(level: ExperienceLevel) -> f64 {
    match level {
        ExperienceLevel::Beginner => 15.0,
        ExperienceLevel::Intermediate => 30.0,
        ExperienceLevel::Advanced => 50.0,
        ExperienceLevel::Elite => 80.0,
    }
}

/// A plain name for a race distance: "10K", "Half marathon", "12.5 km race".
fn race_name(distance_m: f64) -> String {
    match distance_m {
        d if (d - 21_097.5).abs() < 1.0 => "Half marathon".to_owned(),
        d if (d - 42_195.0).abs() < 1.0 => "Marathon".to_owned(),
        d if (d - 1609.344).abs() < 1.0 => "Mile".to_owned(),
        d if d % 1000.0 == 0.0 => format!("{:.0}K", d / 1000.0),
        d => format!("{:.1} km race", d / 1000.0),
    }
}

/// Builds the generator input from the request (and profile).
fn input(req: &PlanRequest) -> Result<(GeneratorInput, Option<AthleteDocument>), String> {
    let profile = match &req.profile {
        Some(path) => Some(storage::load_document(path).map_err(|e| e.to_string())?),
        None => None,
    };
    let start = req.start.unwrap_or_else(|| {
        let mut d = req.today + Days::new(1);
        while d.weekday() != Weekday::Mon {
            d = d + Days::new(1);
        }
        d
    });
    let mut athlete = match &profile {
        Some(doc) => doc.athlete.clone(),
        None => {
            let level = req.level.ok_or(
                "give --level beginner|intermediate|advanced|elite, or --profile FILE.ron",
            )?;
            let mut a = Athlete::example();
            a.name = "Athlete".to_owned();
            a.level = level;
            a.training_age_years = match level {
                ExperienceLevel::Beginner => 0,
                ExperienceLevel::Intermediate => 3,
                ExperienceLevel::Advanced => 6,
                ExperienceLevel::Elite => 10,
            };
            a.weekly_volume_km = default_weekly_km(level);
            a.vdot = None;
            a.long_run_day = Weekday::Sun;
            a.available_weekdays = spaced_days(&a, 5, start.year());
            a.week_start = WeekStart::Monday;
            a
        }
    };
    if let Some(level) = req.level {
        athlete.level = level;
    }
    if let Some(km) = req.weekly_km {
        athlete.weekly_volume_km = km;
    }
    if let Some(age) = req.age {
        athlete.birth_year = start.year() - age;
    }
    if let Some(day) = &req.long_run_day {
        athlete.long_run_day = parse_day(day)?;
    }
    match req.days.as_deref().map(parse_days).transpose()? {
        Some(DaysArg::Count(n)) => {
            athlete.available_weekdays = spaced_days(&athlete, n, start.year());
        }
        Some(DaysArg::List(days)) => {
            athlete.available_weekdays = days;
            if req.long_run_day.is_none()
                && !athlete.available_weekdays.contains(&athlete.long_run_day)
            {
                let last = athlete.available_weekdays.last().copied();
                athlete.long_run_day = last.unwrap_or(Weekday::Sun);
            }
        }
        None => {}
    }
    if let Some(vdot) = req.vdot {
        athlete.vdot = Some(vdot);
    }
    if let Some(race) = &req.recent_race {
        let (distance, time) = race
            .split_once(':')
            .ok_or("--recent-race takes DIST:TIME, like 10k:45:30")?;
        athlete.recent_race = Some(RaceResult {
            distance_m: super::paces::parse_distance(distance)?,
            time_s: parse_duration(time)?,
            date: None,
        });
        if req.vdot.is_none() {
            athlete.vdot = None;
        }
    }
    if athlete_vdot(&athlete).is_none()
        && let Some(doc) = &profile
        && let Some(race) = personal::history_vdot(&doc.history, start)
    {
        eprintln!(
            "note: VDOT {:.1} from the {:.1} km race on {}, the best of the history's races in \
             the {} days before the plan",
            race.vdot,
            race.distance_m / 1000.0,
            race.date,
            personal::RECENT_RACE_DAYS
        );
        athlete.vdot = Some(race.vdot);
    }
    let distance_m = super::paces::parse_distance(&req.race)?;
    let goal = GoalRace {
        name: race_name(distance_m),
        distance_m,
        date: req.race_date,
        goal_time_s: None,
    };
    Ok((
        GeneratorInput {
            athlete,
            goal,
            start,
            longest_recent_run_km: None,
            cross_training: req.cross_training,
            tune_ups: req
                .tune_ups
                .iter()
                .map(|t| parse_tune_up(t))
                .collect::<Result<_, _>>()?,
            days_off: req
                .unavailable
                .iter()
                .map(|d| {
                    parse_day_range(d).map(|(from, to)| crate::model::DaysOff {
                        from,
                        to,
                        reason: crate::model::OffReason::Away {
                            cross_training: false,
                        },
                    })
                })
                .collect::<Result<_, _>>()?,
        },
        profile,
    ))
}

/// Runs `stride plan`.
///
/// # Errors
/// A message naming the field and the allowed range.
pub fn run_plan(req: &PlanRequest, out: &mut dyn Write) -> Result<(), String> {
    let (input, profile) = input(req)?;
    let settings = profile
        .as_ref()
        .map(|d| d.settings.clone())
        .unwrap_or_default();
    let history = profile.as_ref().map(|d| &d.history);
    let plan = if req.optimize {
        let mut doc = profile
            .clone()
            .unwrap_or_else(|| AthleteDocument::new(input.athlete.clone()));
        doc.athlete = input.athlete.clone();
        let best = optimize_for_document(&input, &doc).map_err(|e| e.to_string())?;
        eprintln!("note: {}", best.summary());
        best.best.plan
    } else {
        generate_with_history(&input, &settings, history).map_err(|e| e.to_string())?
    };
    for note in &plan.notes {
        eprintln!("note: {note}");
    }
    let text = match req.format.as_str() {
        "csv" => plan_csv::write_plan(&plan, &LoadContext::new(&input.athlete, &settings)),
        "json" => serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())? + "\n",
        _ => {
            let mut doc = profile.unwrap_or_else(|| AthleteDocument::new(input.athlete.clone()));
            doc.athlete = input.athlete.clone();
            doc.plans.insert(0, plan);
            storage::document_to_string(&doc).map_err(|e| e.to_string())?
        }
    };
    match &req.out {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| format!("{}: could not write the file: {e}", path.display())),
        None => out.write_all(text.as_bytes()).map_err(super::output_error),
    }
}

fn read_history(path: &Path) -> Result<History, String> {
    let text = storage::read_text(path).map_err(|e| e.to_string())?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        let rows = session_csv::parse_sessions(&text)
            .map_err(|e| format!("{}:{}:{}: {}", path.display(), e.line, e.column, e.message))?;
        Ok(History {
            activities: rows.into_iter().map(|r| r.activity).collect(),
            wellness: Vec::new(),
        })
    } else {
        Ok(storage::document_from_str(&text, path)
            .map_err(|e| e.to_string())?
            .history)
    }
}

/// What `stride check` found: the exit code to use.
pub enum CheckOutcome {
    /// No errors (warnings may have been printed).
    Clean,
    /// At least one error.
    Errors,
}

/// Runs `stride check`: prints `date<TAB>severity<TAB>rule<TAB>message` per finding of
/// the recovery rules (R1-R11), then, when the document has history or check-ins, one such
/// line per warning sign of poor recovery as of `today` (rule codes `W-HR`, `W-SLEEP` ...;
/// severity `error` for a red sign) and a `READINESS` line with the status (`error` when
/// red). While the check-ins are too few for a baseline, the `READINESS` line says so
/// ("no baseline yet (3 of 14 days of check-ins)"), with severity `info` when no sign
/// fired. Errors and a red readiness give exit code 1.
///
/// # Errors
/// A message for unreadable input (exit code 2).
pub fn run_check(
    file: &Path,
    history: Option<&Path>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<CheckOutcome, String> {
    let text = storage::read_text(file).map_err(|e| e.to_string())?;
    let doc = if file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        || text
            .trim_start_matches('\u{feff}')
            .starts_with("date,kind,intensity")
    {
        let plan = plan_csv::read_plan(&text)
            .map_err(|e| format!("{}:{}:{}: {}", file.display(), e.line, e.column, e.message))?;
        // A CSV carries no profile: the default athlete, without a weekly volume to
        // compare the first week with.
        let mut athlete = Athlete::example();
        athlete.weekly_volume_km = 0.0;
        let mut doc = AthleteDocument::new(athlete);
        doc.plans.push(plan);
        doc
    } else {
        storage::document_from_str(&text, file).map_err(|e| e.to_string())?
    };
    let extra = history.map(read_history).transpose()?;
    let has_history = !doc.history.activities.is_empty() || !doc.history.wellness.is_empty();
    let findings = match CheckInput::for_document(&doc) {
        Some(mut input) => {
            if let Some(h) = &extra {
                input.history = Some(h);
            }
            crate::rules::check_plan(&input)
        }
        None if has_history => Vec::new(),
        None => {
            return Err(format!(
                "{}: the document has no plan or history to check",
                file.display()
            ));
        }
    };
    for f in &findings {
        writeln!(out, "{f}").map_err(super::output_error)?;
    }
    // The warning signs of the document's own history and check-ins, as of `today`, then
    // the readiness they add up to.
    let readiness = has_history.then(|| crate::readiness::Readiness::assess(&doc, today));
    let mut red = false;
    if let Some(r) = &readiness {
        for w in &r.warnings {
            writeln!(out, "{w}").map_err(super::output_error)?;
        }
        red = r.status == crate::readiness::Status::Red;
        let signs = r.warnings.len();
        let plural = if signs == 1 { "" } else { "s" };
        let line = match (signs, r.baseline_note()) {
            (0, None) => None,
            (0, Some(note)) => Some(format!("{today}\tinfo\tREADINESS\treadiness: {note}")),
            (_, note) => {
                let severity = if red { "error" } else { "warning" };
                let note = note.map(|n| format!("; {n}")).unwrap_or_default();
                Some(format!(
                    "{today}\t{severity}\tREADINESS\treadiness {}: {signs} warning sign{plural}{note}",
                    r.status.name()
                ))
            }
        };
        if let Some(line) = line {
            writeln!(out, "{line}").map_err(super::output_error)?;
        }
    }
    Ok(if has_errors(&findings) || red {
        CheckOutcome::Errors
    } else {
        CheckOutcome::Clean
    })
}

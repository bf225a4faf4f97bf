//! The command line: `stride` with no subcommand opens the window; subcommands work headless.
//!
//! Output formats of the subcommands are stable: other tools read them. Errors go to standard
//! error as `error: FILE:LINE:COLUMN: message` and the process exits with code 2.
//!
//! ```
//! use clap::Parser;
//! use stride::cli::{Cli, Command};
//!
//! let cli = Cli::parse_from(["stride", "validate", "anna.ron"]);
//! assert!(matches!(cli.command, Some(Command::Validate { .. })));
//! let cli = Cli::parse_from(["stride", "anna.ron"]);
//! assert_eq!(cli.file.as_deref(), Some("anna.ron".as_ref()));
//! ```

pub mod adapt;
pub mod export;
pub mod import;
pub mod load;
pub mod model;
pub mod paces;
pub mod plan;

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::model::{FormConvention, LoadModel, Sex, Units};
use crate::storage;

/// The message an output error becomes when the reader has gone away.
const BROKEN_PIPE: &str = "broken pipe";

/// Turns an error writing the output into the message `run` reports (or ignores, for a
/// closed pipe).
pub(crate) fn output_error(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        BROKEN_PIPE.to_owned()
    } else {
        format!("could not write the output: {e}")
    }
}

/// Exit code of `stride check` when a plan has error-level findings.
pub const EXIT_FINDINGS: u8 = 1;

/// Exit code for bad input (unreadable or invalid files, bad arguments).
pub const EXIT_BAD_INPUT: u8 = 2;

/// Stride: running plans that build recovery in.
///
/// Without a subcommand, opens the planner window on FILE (or on the demo athlete).
#[derive(Debug, Parser)]
#[command(name = "stride", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Athlete document (.ron) to open in the window.
    pub file: Option<PathBuf>,
    /// A headless subcommand.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check an athlete document: prints `ok` and a one-line summary, or the error with its
    /// line and column (exit code 2).
    Validate {
        /// The athlete document (.ron).
        file: PathBuf,
    },
    /// VDOT, training paces and race predictions from a race result or a VDOT.
    Paces {
        /// Race distance: 1500, mile, 3k, 5k, 10k, 15k, half, marathon, 8000m, 12.5km.
        #[arg(long, requires = "time", conflicts_with = "vdot")]
        race: Option<String>,
        /// Race time: h:mm:ss or mm:ss.
        #[arg(long, requires = "race")]
        time: Option<String>,
        /// A VDOT instead of a race.
        #[arg(long, required_unless_present = "race")]
        vdot: Option<f64>,
        /// Units of the text output (JSON is always per km).
        #[arg(long, value_enum, default_value = "km")]
        units: UnitsArg,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
        /// Air temperature, °C: with --dew-point-c, paces slow for heat (temperature plus
        /// dew point in °F, Hadley's table).
        #[arg(long, requires = "dew_point_c", allow_negative_numbers = true)]
        temperature_c: Option<f64>,
        /// Dew point, °C.
        #[arg(long, requires = "temperature_c", allow_negative_numbers = true)]
        dew_point_c: Option<f64>,
        /// Altitude, m: T and I paces slow above 900 m (Daniels).
        #[arg(long, allow_negative_numbers = true)]
        altitude_m: Option<f64>,
    },
    /// Daily load, fitness, fatigue, form, ramp, ACWR, monotony and strain, as CSV or JSON.
    Load(LoadArgs),
    /// Generate a plan toward a goal race that passes the recovery rules.
    Plan(PlanArgs),
    /// Check a plan against the recovery rules: one finding per line
    /// (date, severity, rule, message); exit code 1 when any is an error.
    Check {
        /// A plan or athlete document (.ron), or a plan CSV
        /// (date,kind,intensity,duration_min,distance_km,load,title); a CSV carries no
        /// profile, so it is checked for an intermediate athlete.
        file: PathBuf,
        /// Training history before the plan: an athlete document or a session CSV.
        #[arg(long)]
        history: Option<PathBuf>,
        /// The day readiness is assessed on (default: today).
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// Merge wellness check-ins, sessions and recorded activities into an athlete document:
    /// one line per file (`FILE: wellness A added, U updated, N unchanged` or `FILE:
    /// activities A added, D duplicates skipped`), then `saved FILE.ron` or `unchanged
    /// FILE.ron`, then (when a folder or a recording was among the files) `summary: F files
    /// imported, E failed, A activities added, D duplicates skipped`; exit code 2 when any
    /// file failed.
    Import {
        /// Files or folders (a folder's .fit, .gpx, .tcx and .csv files), each told apart by
        /// its content: FIT, GPX or TCX recordings, Strava's activities.csv, or CSV files with
        /// a header of wellness (date and any of resting_hr, hrv, sleep_hours, sleep_quality,
        /// soreness, fatigue, stress, mood, motivation) or sessions (date and any of kind,
        /// duration_min, distance_km, rpe, avg_hr, load, title).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The athlete document (.ron) to merge into; the previous version is kept as .bak.
        #[arg(long, value_name = "FILE.ron")]
        into: PathBuf,
    },
    /// Make the active plan's remaining days again from the training actually done (as the
    /// window's "Adapt plan from today"): prints `changed<TAB>DATE<TAB>BEFORE<TAB>AFTER` per
    /// changed day, `form<TAB>BEFORE<TAB>AFTER` (race-morning form) and `saved<TAB>PATH`.
    Adapt {
        /// The athlete document (.ron).
        file: PathBuf,
        /// The day to adapt from (default: today).
        #[arg(long)]
        today: Option<NaiveDate>,
        /// Sick or injured days, FROM..TO: no training on them, then a graded return (about
        /// 50%, then 75% of the planned running, nothing hard until a few easy days are done).
        #[arg(long, value_name = "FROM..TO")]
        sick: Option<String>,
        /// Where to write the adapted document (default: over FILE, keeping FILE.ron.bak).
        #[arg(long, value_name = "FILE.ron")]
        out: Option<PathBuf>,
    },
    /// Fit the runner's own model (Banister: VDOT from fitness and fatigue) to the races in
    /// an athlete document's history; needs at least 4 races.
    Fit {
        /// The athlete document (.ron).
        file: PathBuf,
        /// Fit the fitness and fatigue time constants too (within 21-70 and 3-20 days),
        /// instead of taking them from the document's settings.
        #[arg(long)]
        fit_time_constants: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
    },
    /// Predict the VDOT, form and race times on a day from the history and the active plan,
    /// with an 80% band.
    Predict {
        /// The athlete document (.ron).
        file: PathBuf,
        /// The race day (YYYY-MM-DD).
        #[arg(long)]
        date: NaiveDate,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
    },
    /// Write the active plan of an athlete document for a calendar, a spreadsheet, a watch
    /// or paper: prints `wrote PATH` for each file written.
    Export(ExportArgs),
}

/// Arguments of `stride export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The athlete document (.ron) whose active plan is exported.
    pub file: PathBuf,
    /// ics: calendar events; csv: the plan CSV; ron: a Stride document with the plan; fit:
    /// watch workouts, one file per structured workout, in the folder --out; html: a
    /// printable page.
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// The file to write, or for fit the folder (created if missing).
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// The export time (RFC 3339, like 2027-03-01T08:00:00Z) for reproducible files: the
    /// calendar's DTSTAMP, the FIT creation time, the HTML chart's today (default: now).
    #[arg(long)]
    pub now: Option<String>,
}

/// `stride export` formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// iCalendar (.ics).
    Ics,
    /// The plan CSV.
    Csv,
    /// A Stride athlete document with the plan.
    Ron,
    /// FIT workout files.
    Fit,
    /// A printable HTML page.
    Html,
}

impl From<ExportFormatArg> for crate::export::ExportFormat {
    fn from(arg: ExportFormatArg) -> Self {
        match arg {
            ExportFormatArg::Ics => crate::export::ExportFormat::Ics,
            ExportFormatArg::Csv => crate::export::ExportFormat::Csv,
            ExportFormatArg::Ron => crate::export::ExportFormat::Ron,
            ExportFormatArg::Fit => crate::export::ExportFormat::Fit,
            ExportFormatArg::Html => crate::export::ExportFormat::Html,
        }
    }
}

/// Arguments of `stride plan`.
#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// Race distance: 5k, 10k, half, marathon, 15k, 8000m, 12.5km ...
    #[arg(long)]
    pub race: String,
    /// Race day (YYYY-MM-DD).
    #[arg(long)]
    pub race_date: NaiveDate,
    /// First day of the plan (default: the next Monday).
    #[arg(long)]
    pub start: Option<NaiveDate>,
    /// Experience level (required unless --profile gives it).
    #[arg(long, value_enum)]
    pub level: Option<LevelArg>,
    /// Current weekly running volume, km.
    #[arg(long)]
    pub weekly_km: Option<f64>,
    /// Days to run on: a number (3-7) or a list like tue,thu,sat,sun.
    #[arg(long)]
    pub days: Option<String>,
    /// Long-run day: mon ... sun (default: the last available day of the week).
    #[arg(long)]
    pub long_run_day: Option<String>,
    /// VDOT, for the paces.
    #[arg(long, conflicts_with = "recent_race")]
    pub vdot: Option<f64>,
    /// A recent race as DIST:TIME, like 10k:45:30.
    #[arg(long)]
    pub recent_race: Option<String>,
    /// Age in years (masters get more cut-back weeks).
    #[arg(long)]
    pub age: Option<i32>,
    /// Cross-training on a spare day.
    #[arg(long, value_enum, default_value = "none")]
    pub cross_training: CrossArg,
    /// An athlete document to take the profile from; flags override its fields.
    #[arg(long)]
    pub profile: Option<PathBuf>,
    /// Output: a RON athlete document with the plan, the plan CSV, or JSON.
    #[arg(long, value_enum, default_value = "ron")]
    pub format: PlanFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Search peak volumes and tapers for the best race day the runner's model predicts,
    /// within every recovery rule; prints what it chose on standard error.
    #[arg(long)]
    pub optimize: bool,
    /// The day the default start counts from (default: today).
    #[arg(long, hide = true)]
    pub today: Option<NaiveDate>,
    /// A tune-up race as DATE:DISTANCE[:B|C] (B by default; repeatable): B races get a
    /// mini-taper and easy days after, C races are run as the week's hard session.
    #[arg(long = "tune-up", value_name = "DATE:DISTANCE[:B|C]")]
    pub tune_up: Vec<String>,
    /// Days away with no running, as FROM..TO (repeatable).
    #[arg(long, value_name = "FROM..TO")]
    pub unavailable: Vec<String>,
}

/// Levels on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LevelArg {
    /// New to structured running.
    Beginner,
    /// Some years of regular running.
    Intermediate,
    /// Years of structured training.
    Advanced,
    /// Competes at a high level.
    Elite,
}

/// Cross-training preferences on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CrossArg {
    /// None.
    None,
    /// Cycling.
    Bike,
    /// Swimming.
    Swim,
}

/// `stride plan` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// An athlete document with the plan.
    Ron,
    /// The plan CSV.
    Csv,
    /// The plan as JSON.
    Json,
}

/// Arguments of `stride load`.
#[derive(Debug, clap::Args)]
pub struct LoadArgs {
    /// An athlete document (.ron: its history, then its plan, projected) or a CSV of
    /// sessions with a header naming any of date,kind,duration_min,distance_km,rpe,avg_hr,
    /// load,title.
    pub input: PathBuf,
    /// How fitness and fatigue are averaged (default: the document's, else trainingpeaks).
    #[arg(long, value_enum)]
    pub model: Option<ModelArg>,
    /// Fitness time constant in days (default 42).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub fitness_days: Option<u32>,
    /// Fatigue time constant in days (default 7).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub fatigue_days: Option<u32>,
    /// Form of a day: from the day before (start-of-day) or the same day (same-day).
    #[arg(long, value_enum)]
    pub form: Option<FormArg>,
    /// Fitness before the first day (a season start; without it, and without start values
    /// in the document, both start at the mean daily load of the first 28 days).
    #[arg(long)]
    pub start_fitness: Option<f64>,
    /// Fatigue before the first day (a season start).
    #[arg(long)]
    pub start_fatigue: Option<f64>,
    /// First day to print (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last day to print (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: LoadFormat,
    /// The day that separates history from plan (default: today).
    #[arg(long)]
    pub today: Option<NaiveDate>,
    /// For a session CSV: resting heart rate, for heart-rate loads.
    #[arg(long)]
    pub resting_hr: Option<u16>,
    /// For a session CSV: maximum heart rate, for heart-rate loads.
    #[arg(long)]
    pub max_hr: Option<u16>,
    /// For a session CSV: sex, for the heart-rate formula's coefficient.
    #[arg(long, value_enum)]
    pub sex: Option<SexArg>,
    /// For a session CSV: VDOT, for pace loads.
    #[arg(long)]
    pub vdot: Option<f64>,
}

/// Distance units on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum UnitsArg {
    /// Kilometres.
    Km,
    /// Miles.
    Mi,
}

/// Output formats of `stride paces`, `stride fit` and `stride predict`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    /// A readable table.
    Text,
    /// One JSON object.
    Json,
}

/// `stride load` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LoadFormat {
    /// One row per day.
    Csv,
    /// One JSON object.
    Json,
}

/// Fitness/fatigue models on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ModelArg {
    /// lambda = 1/N.
    Trainingpeaks,
    /// lambda = 1 - e^(-1/N).
    Goldencheetah,
    /// lambda = 2/(N+1).
    Runalyze,
}

/// Form conventions on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormArg {
    /// Yesterday's fitness minus yesterday's fatigue.
    StartOfDay,
    /// The same day's fitness minus fatigue.
    SameDay,
}

/// Sex on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SexArg {
    /// Female coefficient.
    Female,
    /// Male coefficient.
    Male,
}

/// Runs a subcommand, writing results to `out` and errors to `err`; returns the exit code.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::Validate { file } => validate(&file, out),
        Command::Paces {
            race,
            time,
            vdot,
            units,
            format,
            temperature_c,
            dew_point_c,
            altitude_m,
        } => {
            let conditions = crate::model::Conditions {
                temperature_c,
                dew_point_c,
                altitude_m,
            };
            let input = match (race, time, vdot) {
                (Some(distance), Some(time), _) => paces::PacesInput::Race { distance, time },
                (_, _, Some(vdot)) => paces::PacesInput::Vdot(vdot),
                _ => return usage_error(err, "give --race and --time, or --vdot"),
            };
            let units = match units {
                UnitsArg::Km => Units::Km,
                UnitsArg::Mi => Units::Miles,
            };
            paces::run(input, units, format == TextOrJson::Json, &conditions, out)
        }
        Command::Load(args) => load::run(&load_request(&args), out),
        Command::Plan(args) => plan::run_plan(&plan_request(args), out),
        Command::Check {
            file,
            history,
            today,
        } => match plan::run_check(
            &file,
            history.as_deref(),
            today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            out,
        ) {
            Ok(plan::CheckOutcome::Clean) => Ok(()),
            Ok(plan::CheckOutcome::Errors) => return EXIT_FINDINGS,
            Err(e) => Err(e),
        },
        Command::Adapt {
            file,
            today,
            sick,
            out: out_path,
        } => adapt::run(
            &file,
            today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            sick.as_deref(),
            out_path.as_deref(),
            out,
        ),
        Command::Fit {
            file,
            fit_time_constants,
            format,
        } => model::run_fit(
            &file,
            crate::science::banister::FitOptions { fit_time_constants },
            format == TextOrJson::Json,
            out,
        ),
        Command::Predict { file, date, format } => {
            model::run_predict(&file, date, format == TextOrJson::Json, out)
        }
        Command::Export(args) => args
            .now
            .as_deref()
            .map_or_else(|| Ok(chrono::Utc::now()), export::parse_now)
            .and_then(|now| export::run(&args.file, args.format.into(), &args.out, now, out)),
        Command::Import { files, into } => match import::run(&files, &into, out, err) {
            Ok(import::ImportOutcome::AllImported) => Ok(()),
            Ok(import::ImportOutcome::SomeFailed) => return EXIT_BAD_INPUT,
            Err(e) => Err(e),
        },
    };
    match result {
        Ok(()) => 0,
        // A reader that stopped reading (`stride load ... | head`) is not an error.
        Err(message) if message == BROKEN_PIPE => 0,
        Err(message) => {
            // If standard error is gone there is nobody left to tell.
            let _ = writeln!(err, "error: {message}");
            EXIT_BAD_INPUT
        }
    }
}

fn usage_error(err: &mut dyn Write, message: &str) -> u8 {
    let _ = writeln!(err, "error: {message}");
    EXIT_BAD_INPUT
}

fn plan_request(args: PlanArgs) -> plan::PlanRequest {
    plan::PlanRequest {
        race: args.race,
        race_date: args.race_date,
        start: args.start,
        level: args.level.map(|l| match l {
            LevelArg::Beginner => crate::model::ExperienceLevel::Beginner,
            LevelArg::Intermediate => crate::model::ExperienceLevel::Intermediate,
            LevelArg::Advanced => crate::model::ExperienceLevel::Advanced,
            LevelArg::Elite => crate::model::ExperienceLevel::Elite,
        }),
        weekly_km: args.weekly_km,
        days: args.days,
        long_run_day: args.long_run_day,
        vdot: args.vdot,
        recent_race: args.recent_race,
        age: args.age,
        cross_training: match args.cross_training {
            CrossArg::None => crate::generator::CrossTrainingPreference::None,
            CrossArg::Bike => crate::generator::CrossTrainingPreference::Bike,
            CrossArg::Swim => crate::generator::CrossTrainingPreference::Swim,
        },
        profile: args.profile,
        format: match args.format {
            PlanFormat::Ron => "ron",
            PlanFormat::Csv => "csv",
            PlanFormat::Json => "json",
        }
        .to_owned(),
        out: args.out,
        optimize: args.optimize,
        today: args
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        tune_ups: args.tune_up,
        unavailable: args.unavailable,
    }
}

fn load_request(args: &LoadArgs) -> load::LoadRequest<'_> {
    load::LoadRequest {
        input: &args.input,
        model: args.model.map(|m| match m {
            ModelArg::Trainingpeaks => LoadModel::Trainingpeaks,
            ModelArg::Goldencheetah => LoadModel::Goldencheetah,
            ModelArg::Runalyze => LoadModel::Runalyze,
        }),
        fitness_days: args.fitness_days,
        fatigue_days: args.fatigue_days,
        form: args.form.map(|f| match f {
            FormArg::StartOfDay => FormConvention::StartOfDay,
            FormArg::SameDay => FormConvention::SameDay,
        }),
        start_fitness: args.start_fitness,
        start_fatigue: args.start_fatigue,
        from: args.from,
        to: args.to,
        today: args
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        json: args.format == LoadFormat::Json,
        resting_hr: args.resting_hr,
        max_hr: args.max_hr,
        sex: args.sex.map(|s| match s {
            SexArg::Female => Sex::Female,
            SexArg::Male => Sex::Male,
        }),
        vdot: args.vdot,
    }
}

fn validate(file: &std::path::Path, out: &mut dyn Write) -> Result<(), String> {
    let doc = storage::load_document(file).map_err(|e| e.to_string())?;
    writeln!(out, "ok\n{}", doc.summary()).map_err(output_error)
}

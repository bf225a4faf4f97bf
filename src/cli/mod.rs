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

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::storage;

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
}

/// Runs a subcommand, writing results to `out` and errors to `err`; returns the exit code.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::Validate { file } => validate(&file, out),
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            // If standard error is gone there is nobody left to tell.
            let _ = writeln!(err, "error: {message}");
            EXIT_BAD_INPUT
        }
    }
}

fn validate(file: &std::path::Path, out: &mut dyn Write) -> Result<(), String> {
    let doc = storage::load_document(file).map_err(|e| e.to_string())?;
    writeln!(out, "ok\n{}", doc.summary()).map_err(|e| e.to_string())
}

//! The `stride` binary: the planner window, or a headless subcommand.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = stride::cli::Cli::parse();
    match cli.command {
        Some(command) => {
            let code = stride::cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
            ExitCode::from(code)
        }
        None => stride::ui::run_app(cli.file),
    }
}

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
        #[cfg(feature = "gui")]
        None => stride::ui::run_app(cli.file),
        #[cfg(not(feature = "gui"))]
        None => {
            eprintln!(
                "error: this build of stride has no window; use a subcommand (stride --help)"
            );
            ExitCode::from(stride::cli::EXIT_BAD_INPUT)
        }
    }
}

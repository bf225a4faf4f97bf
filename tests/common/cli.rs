//! Running the `stride` binary as a user would, for the command-line tests.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `stride` in `dir`, so the file names it prints are the ones given.
pub fn stride(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stride"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run stride")
}

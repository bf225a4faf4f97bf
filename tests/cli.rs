//! The `stride` binary's command line, run as a user would.

use std::process::Command;

fn stride() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stride"))
}

fn demo_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo-athlete.ron")
}

#[test]
fn validate_prints_ok_and_a_summary_for_the_demo() {
    let output = stride()
        .arg("validate")
        .arg(demo_path())
        .output()
        .expect("run");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(lines[0], "ok");
    assert!(
        lines[1].starts_with("Anna K.: plan \"Riverside Half, spring\""),
        "{stdout}"
    );
    assert!(
        lines[1].contains("workouts, race 2027-02-14"),
        "stored dates kept: {stdout}"
    );
}

#[test]
fn validate_reports_a_corrupted_copy_with_line_and_column_and_exit_code_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.ron");
    let demo = std::fs::read_to_string(demo_path()).expect("demo");
    let broken = demo.replacen("units: km,", "units: kilometres,", 1);
    std::fs::write(&path, &broken).expect("write");
    let line = broken
        .lines()
        .position(|l| l.contains("kilometres"))
        .expect("line")
        + 1;
    let column = broken
        .lines()
        .nth(line - 1)
        .expect("line")
        .find("kilometres")
        .expect("col")
        + 1;

    let output = stride().arg("validate").arg(&path).output().expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    let expected = format!("error: {}:{line}:{column}: ", path.display());
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("kilometres"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        broken,
        "file untouched"
    );
}

#[test]
fn validate_of_a_missing_file_says_so() {
    let output = stride()
        .args(["validate", "no-such-file.ron"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    assert!(
        stderr.contains("no-such-file.ron: could not read the file"),
        "{stderr}"
    );
}

#[test]
fn help_lists_the_subcommands_and_version_prints_the_version() {
    let help = stride().arg("--help").output().expect("run");
    assert!(help.status.success());
    let text = String::from_utf8(help.stdout).expect("utf-8");
    assert!(text.contains("validate"), "{text}");
    let version = stride().arg("--version").output().expect("run");
    let text = String::from_utf8(version.stdout).expect("utf-8");
    assert_eq!(text.trim(), format!("stride {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_missing_file_argument_is_a_usage_error() {
    let output = stride().args(["validate"]).output().expect("run");
    assert_eq!(
        output.status.code(),
        Some(2),
        "a missing FILE is a usage error"
    );
}

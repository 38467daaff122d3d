//! Running the project's tools: from the repository root, with Cargo's bin folder on PATH.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root (the parent of this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// A command run from the repository root, finding tools installed by `cargo install`.
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut path = vec![cargo_bin_dir()];
    if let Some(existing) = std::env::var_os("PATH") {
        path.extend(std::env::split_paths(&existing));
    }
    let mut command = Command::new(program);
    command.current_dir(root()).env(
        "PATH",
        std::env::join_paths(path).expect("PATH entries are valid"),
    );
    command
}

/// `cargo`, as the one running this task.
pub fn cargo() -> Command {
    command(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs a command to its end, showing what runs; Err when it fails.
pub fn run(mut command: Command) -> Result<(), String> {
    let line = describe(&command);
    println!("$ {line}");
    let status = command
        .status()
        .map_err(|e| format!("cannot run `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// The first line a command prints, or None when it cannot run or fails.
pub fn output_line(mut command: Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .next()
        .map(str::to_owned)
}

/// Test counts read from a test runner's `test result:` lines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
}

impl Counts {
    /// Adds the counts of one libtest `test result: ok. 3 passed; 0 failed; …` line.
    fn add_result_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split([';', '.']) {
            let mut words = part.split_whitespace();
            if let (Some(number), Some(label)) = (words.next(), words.next())
                && let Ok(number) = number.parse::<u64>()
            {
                match label {
                    "passed" => self.passed += number,
                    "failed" => self.failed += number,
                    _ => {}
                }
            }
        }
    }
}

/// Runs a test command, echoing its output and counting its results.
pub fn run_tests(mut command: Command) -> (Counts, Result<(), String>) {
    let line = describe(&command);
    println!("$ {line}");
    let mut counts = Counts::default();
    let mut child = match command.stdout(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(e) => return (counts, Err(format!("cannot run `{line}`: {e}"))),
    };
    let stdout = child.stdout.take().expect("piped stdout");
    for output in BufReader::new(stdout).lines().map_while(Result::ok) {
        println!("{output}");
        counts.add_result_line(&output);
    }
    match child.wait() {
        Ok(status) if status.success() => (counts, Ok(())),
        Ok(status) => (counts, Err(format!("`{line}` failed ({status})"))),
        Err(e) => (counts, Err(format!("`{line}`: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libtest_result_lines() {
        let mut counts = Counts::default();
        counts.add_result_line(
            "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s",
        );
        counts.add_result_line("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        counts.add_result_line("running 5 tests");
        assert_eq!(
            counts,
            Counts {
                passed: 15,
                failed: 2
            }
        );
    }
}

//! Running the project's tools: from the repository root, with Cargo's bin folder on PATH.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

/// Runs a test command in a process group of its own, echoing its output and counting its
/// results. Past `limit` it is stopped, and said so; whatever it started and left running (a
/// server, a browser) is stopped when it ends, so that nothing holds its output or the machine.
pub fn run_tests(mut command: Command, limit: Duration) -> (Counts, Result<(), String>) {
    let line = describe(&command);
    println!("$ {line}");
    let mut child = match command.stdout(Stdio::piped()).process_group(0).spawn() {
        Ok(child) => child,
        Err(e) => return (Counts::default(), Err(format!("cannot run `{line}`: {e}"))),
    };
    let group = child.id();
    let stdout = child.stdout.take().expect("piped stdout");
    // Its output is read beside the wait: a line not yet ended (libtest's `test name ... `) shows
    // once the command ends, even if it ends by being stopped.
    let echo = std::thread::spawn(move || {
        let mut counts = Counts::default();
        for output in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{output}");
            counts.add_result_line(&output);
        }
        counts
    });
    let deadline = Instant::now() + limit;
    let ended = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if Instant::now() >= deadline => {
                stop_group(group);
                // The command itself, should the group not be stopped (no `kill` on the machine).
                let _ = child.kill();
                let _ = child.wait();
                let (minutes, seconds) = (limit.as_secs() / 60, limit.as_secs() % 60);
                break Err(format!(
                    "`{line}` did not finish within {minutes} min {seconds} s, and was stopped"
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => break Err(format!("`{line}`: {e}")),
        }
    };
    stop_group(group);
    let counts = echo.join().unwrap_or_default();
    match ended {
        Ok(status) if status.success() => (counts, Ok(())),
        Ok(status) => (counts, Err(format!("`{line}` failed ({status})"))),
        Err(why) => (counts, Err(why)),
    }
}

/// Stops every process of the process group `group`, if any is left.
fn stop_group(group: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{group}")])
        .stderr(Stdio::null())
        .status();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shell(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        command
    }

    #[test]
    fn what_a_test_command_leaves_running_is_stopped_with_it() {
        let started = Instant::now();
        // A process it started and left running holds its output open.
        let (counts, outcome) = run_tests(
            shell("sleep 60 & echo 'test result: ok. 1 passed; 0 failed'"),
            Duration::from_secs(50),
        );
        let took = started.elapsed();
        assert!(took < Duration::from_secs(10), "it took {took:?}");
        assert_eq!(outcome, Ok(()));
        assert_eq!(counts.passed, 1);
    }

    #[test]
    fn a_test_command_past_its_limit_is_stopped_and_said_so() {
        let started = Instant::now();
        let (counts, outcome) = run_tests(
            shell("echo 'test result: ok. 2 passed; 0 failed'; sleep 60"),
            Duration::from_secs(1),
        );
        let took = started.elapsed();
        assert!(took < Duration::from_secs(10), "it took {took:?}");
        let why = outcome.expect_err("it fails");
        assert!(
            why.contains("did not finish within 0 min 1 s, and was stopped"),
            "{why}"
        );
        assert_eq!(counts.passed, 2, "what it said before counts");
    }

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

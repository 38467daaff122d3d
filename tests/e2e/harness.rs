//! The harness's own behaviour: a test that stops answering, even one that blocks its thread,
//! fails within its limit and the run goes on; the browsers leave nothing behind.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Failed, Trial};

use assistant_e2e::harness::Harness;
use assistant_e2e::limits::{first_line, on_own_thread};

/// A test whose work blocks its thread far past its limit (as reading from a process that never
/// answers does) fails at its limit, saying so.
fn a_test_that_blocks_its_thread_fails_at_its_limit() -> Result<(), Failed> {
    let started = Instant::now();
    let outcome = on_own_thread(Duration::from_millis(500), || async {
        std::thread::sleep(Duration::from_secs(20));
        Ok(())
    });
    let took = started.elapsed();
    let why = match outcome {
        Ok(()) => return Err(format!("a test blocked for 20 s passed, after {took:?}").into()),
        Err(why) => why.message().map(str::to_owned).unwrap_or_default(),
    };
    assert!(took < Duration::from_secs(5), "it failed after {took:?}");
    assert!(
        why.contains("did not finish within 0.5 s"),
        "it says why: {why:?}"
    );
    Ok(())
}

/// A test that awaits past its limit fails at it too; one within it gives its own outcome.
fn a_test_that_waits_fails_at_its_limit_and_others_give_their_outcome() -> Result<(), Failed> {
    let waited = on_own_thread(Duration::from_millis(500), || async {
        tokio::time::sleep(Duration::from_secs(20)).await;
        Ok(())
    });
    assert!(waited.is_err(), "a test that waits past its limit fails");
    let answered = on_own_thread(Duration::from_secs(5), || async { Ok(42) })?;
    assert_eq!(answered, 42);
    let failed = on_own_thread(Duration::from_secs(5), || async {
        Err::<(), Failed>("its own failure".into())
    });
    assert_eq!(
        failed
            .err()
            .and_then(|why| why.message().map(str::to_owned)),
        Some("its own failure".to_owned())
    );
    Ok(())
}

fn panics() -> Result<(), Failed> {
    panic!("the test's own panic")
}

/// A test that panics fails with its own panic.
fn a_test_that_panics_fails_with_its_panic() -> Result<(), Failed> {
    let panicked =
        std::panic::catch_unwind(|| on_own_thread(Duration::from_secs(5), || async { panics() }));
    let payload = panicked.err().ok_or("the panic did not reach the caller")?;
    assert_eq!(
        payload.downcast_ref::<&str>(),
        Some(&"the test's own panic")
    );
    Ok(())
}

fn shell(script: &str) -> Result<Child, Failed> {
    Ok(Command::new("sh")
        .args(["-c", script])
        .stdout(Stdio::piped())
        .spawn()?)
}

/// A process that never prints its address fails to start at the limit, and is stopped; one that
/// prints it gives that line, and one that ends first says so.
fn a_process_that_never_says_its_address_fails_at_the_limit() -> Result<(), Failed> {
    let mut silent = shell("sleep 20")?;
    let started = Instant::now();
    let outcome = first_line(&mut silent, Duration::from_millis(500));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "it failed after {took:?}");
    let why = outcome.err().ok_or("a silent process said a line")?;
    assert!(
        why.contains("printed nothing within 0.5 s, and was stopped"),
        "it says why: {why:?}"
    );
    assert!(
        silent.try_wait()?.is_some(),
        "the silent process is stopped"
    );

    let mut ready = shell("echo 'Listening on http://127.0.0.1:1'; sleep 20")?;
    assert_eq!(
        first_line(&mut ready, Duration::from_secs(5))?.trim(),
        "Listening on http://127.0.0.1:1"
    );
    let _ = ready.kill();
    let _ = ready.wait();

    let mut ended = shell("exit 3")?;
    let why = first_line(&mut ended, Duration::from_secs(5))
        .err()
        .ok_or("a process that ended said a line")?;
    assert!(why.contains("ended"), "it says why: {why:?}");
    Ok(())
}

/// The entries of `folder` that Chromium or ChromeDriver made (a profile, a socket's folder).
fn chromiums_in(folder: &Path) -> Result<BTreeSet<String>, Failed> {
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(folder)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with("org.chromium.") {
            found.insert(name);
        }
    }
    Ok(found)
}

/// A browser opened and closed leaves nothing in the machine's temporary folder: its files are
/// in the run's own folder, removed at the run's end.
fn a_browser_leaves_nothing_in_the_machines_temporary_folder(
    harness: &Harness,
) -> Result<(), Failed> {
    let machines = std::env::temp_dir();
    let before = chromiums_in(&machines)?;
    let runs = harness.browsers_temp().to_path_buf();
    let while_open = harness.in_browser(move |browser, apps| async move {
        browser.goto(&apps.api).await?;
        chromiums_in(&runs)
    })?;
    assert!(
        !while_open.is_empty(),
        "the browser keeps its files in the run's own folder"
    );
    let left: Vec<_> = chromiums_in(&machines)?
        .difference(&before)
        .cloned()
        .collect();
    assert!(left.is_empty(), "left in {}: {left:?}", machines.display());
    Ok(())
}

pub fn tests(harness: &Harness) -> Vec<Trial> {
    let own = harness.clone();
    vec![
        Trial::test(
            "harness: a browser leaves nothing in the machine's temporary folder",
            move || a_browser_leaves_nothing_in_the_machines_temporary_folder(&own),
        ),
        Trial::test(
            "harness: a process that never says its address fails at the limit",
            a_process_that_never_says_its_address_fails_at_the_limit,
        ),
        Trial::test(
            "harness: a test that blocks its thread fails at its limit",
            a_test_that_blocks_its_thread_fails_at_its_limit,
        ),
        Trial::test(
            "harness: a test that waits fails at its limit, and others give their outcome",
            a_test_that_waits_fails_at_its_limit_and_others_give_their_outcome,
        ),
        Trial::test(
            "harness: a test that panics fails with its panic",
            a_test_that_panics_fails_with_its_panic,
        ),
    ]
}

//! Cold loads of the built app in headless Chromium with the CPU throttled 4×, served with its API
//! by the reference server on this machine: the median time to the first screen's shell, to its
//! first control (an account's button or link), and to the first question page opened directly.
//!
//! Run by `cargo xtask bench`, which builds the app and the server and says where they are
//! (`ASSISTANT_DIST`, `ASSISTANT_SERVER_BIN`, as for the end-to-end tests). Each load is in a new
//! browser (nothing cached), and the times are read in the page, from the start of navigation, by a
//! script the DevTools protocol runs before the app's own.

mod scale;

use std::process::ExitCode;
use std::time::Duration;

use assistant_e2e::devtools::{self, Network};
use assistant_e2e::harness::{FileServer, Harness, built_file};
use assistant_e2e::page::Page;
use fantoccini::Client;
use libtest_mimic::Failed;
use serde_json::Value;

/// Cold loads per measured page.
const LOADS: usize = 9;
/// How much slower than this machine the CPU is made.
const CPU_SLOWDOWN: u32 = 4;

/// Notes, in `window.pmaTimes`, when each awaited element first appears (milliseconds since the
/// start of navigation), the first contentful paint (`fcp`), and the layout shift so far (`cls`,
/// the sum of every shift not caused by input, as the Layout Instability API reports them).
const OBSERVER: &str = r##"
(() => {
  const times = { cls: 0 };
  window.pmaTimes = times;
  const awaited = {
    shell: "header.pma-header",
    control: "li[data-account] button, li[data-account] a",
    question: "#work-email",
    peer: "#survey input",
  };
  const look = () => {
    for (const [name, selector] of Object.entries(awaited)) {
      if (!(name in times) && document.querySelector(selector)) {
        times[name] = performance.now();
      }
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === "first-contentful-paint") times.fcp = entry.startTime;
    }
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) times.cls += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
})();
"##;

/// How deep the chain of requests was before `until` (ms since navigation): the page is 1, and a
/// request is one deeper than the deepest request that had ended when it started (none deeper
/// than the page is found in it). Only requests that ended by `until` count.
const CHAIN: &str = r##"
const until = arguments[0];
const page = performance.getEntriesByType("navigation")[0];
const ended = [{ end: page.responseEnd, depth: 1 }];
let deepest = 1;
const requests = performance.getEntriesByType("resource")
  .filter((e) => !e.name.startsWith("data:") && e.responseEnd > 0 && e.responseEnd <= until)
  .sort((a, b) => a.startTime - b.startTime);
for (const request of requests) {
  const before = ended.filter((e) => e.end <= request.startTime).map((e) => e.depth);
  const depth = 1 + Math.max(1, ...before);
  ended.push({ end: request.responseEnd, depth });
  deepest = Math.max(deepest, depth);
}
return deepest;
"##;

/// The peer comparison's mobile network (a slow 4G, as Lighthouse emulates it): 150 ms more for
/// each request, 1.6 Mbit/s down, 750 kbit/s up.
const MOBILE: Network = Network {
    latency_ms: 150,
    download_bytes_per_second: 1_600_000 / 8,
    upload_bytes_per_second: 750_000 / 8,
};

/// The pages measured: what is read on each, its path in the app, and the time it stops at.
const MEASURES: [(&str, &str, &str); 2] = [
    ("first control, accounts overview", "", "control"),
    (
        "first question page, opened directly",
        "accounts/northwind/work-email",
        "question",
    ),
];

/// The next page's code, which the overview has fetched ahead, and when a click on it is counted.
const NEXT_CHUNK: &str = "split_journey.wasm";
const CLICK_AT_MS: f64 = 1_000.0;

/// Whether the page had fetched the next page's code ([`NEXT_CHUNK`]) by [`CLICK_AT_MS`] after
/// navigation, asked once that time has passed.
async fn next_chunk_by_the_click(page: &Page) -> Result<bool, Failed> {
    let next = built_file(NEXT_CHUNK)?;
    let script = format!(
        "if (performance.now() < {CLICK_AT_MS}) return null;
         return performance.getEntriesByType('resource')
             .some((e) => e.name.endsWith('{next}') && e.responseEnd > 0 && e.responseEnd <= {CLICK_AT_MS});"
    );
    page.until("a second after navigation", || async {
        let ready = page.browser.execute(&script, vec![]).await.ok()?;
        ready.as_bool()
    })
    .await
}

/// One cold load of `path`: the times noted in the page once `until` and the first contentful
/// paint are among them, with the layout shift half a second later and the depth of the chain of
/// requests before `until` (`chain`); on the overview, whether the next page's code was fetched
/// before a click at one second.
async fn cold_load(
    browser: Client,
    base: &str,
    path: &str,
    until: &str,
    network: Option<Network>,
) -> Result<(Value, Option<bool>), Failed> {
    // As a new tab: throttling set on the blank page stays with the tab as it loads the app.
    browser.goto("about:blank").await?;
    devtools::throttle_cpu(&browser, CPU_SLOWDOWN).await?;
    if let Some(network) = network {
        devtools::emulate_network(&browser, network).await?;
    }
    devtools::run_before_each_document(&browser, OBSERVER).await?;
    let page = Page::new(browser, base.to_owned());
    page.open(path).await?;
    let script = format!(
        "const t = window.pmaTimes || {{}};
         return t['{until}'] === undefined || t.fcp === undefined ? null : t['{until}'];"
    );
    let at = page
        .until(&format!("the {until} mark"), || async {
            let at = page.browser.execute(&script, vec![]).await.ok()?;
            at.as_f64()
        })
        .await?;
    // Shifts that come with or just after the first control count too.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut times = page
        .browser
        .execute("return window.pmaTimes;", vec![])
        .await?;
    let chain = page.browser.execute(CHAIN, vec![at.into()]).await?;
    if let Some(times) = times.as_object_mut() {
        times.insert("chain".into(), chain);
    }
    let next_chunk = if until == "control" && network.is_none() {
        Some(next_chunk_by_the_click(&page).await?)
    } else {
        None
    };
    Ok((times, next_chunk))
}

/// What the first screen requested after the page, each with when it started and ended (ms since
/// navigation, CPU not throttled), as the browser's resource timing lists it.
async fn requests_of_first_screen(browser: Client, base: &str) -> Result<Vec<String>, Failed> {
    let page = Page::new(browser, base.to_owned());
    page.open_overview().await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let names = page
        .browser
        .execute(
            "return performance.getEntriesByType('resource')
                .map((e) => `${e.name} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms`);",
            vec![],
        )
        .await?;
    Ok(names
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|name| name.strip_prefix(base).unwrap_or(name).to_owned())
        .collect())
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn target(name: &str) -> Option<f64> {
    std::env::var(name).ok()?.parse().ok()
}

fn measure(harness: &Harness) -> Result<(), Failed> {
    let requests = harness.in_browser(|browser, apps| async move {
        requests_of_first_screen(browser, &apps.api).await
    })?;
    println!(
        "\nThe first screen's requests after the page (ms since navigation, CPU not throttled):"
    );
    for request in requests {
        println!("  {request}");
    }

    println!(
        "\nCold loads in headless Chromium, CPU throttled {CPU_SLOWDOWN}x, median of {LOADS} (ms since navigation):"
    );
    println!(
        "| {:<38} | {:>7} | {:>7} | {:>7} | {:>7} |",
        "until", "shell", "median", "min", "max"
    );
    println!("|{:-<40}|{:->9}|{:->9}|{:->9}|{:->9}|", "", "", "", "", "");
    let targets = [
        target("ASSISTANT_TARGET_FIRST_CONTROL_MS"),
        target("ASSISTANT_TARGET_FIRST_QUESTION_MS"),
    ];
    for ((label, path, until), target) in MEASURES.into_iter().zip(targets) {
        let mut shell = Vec::new();
        let mut times = Vec::new();
        let mut next_chunk_ready = Vec::new();
        for _ in 0..LOADS {
            let (marks, next_chunk) = harness.in_browser(move |browser, apps| async move {
                cold_load(browser, &apps.api, path, until, None).await
            })?;
            next_chunk_ready.extend(next_chunk);
            let read = |name: &str| marks.get(name).and_then(Value::as_f64);
            shell.extend(read("shell"));
            times.push(read(until).ok_or("no time noted")?);
        }
        let (min, max) = (
            times.iter().copied().fold(f64::INFINITY, f64::min),
            times.iter().copied().fold(0.0, f64::max),
        );
        let median = median(times);
        println!(
            "| {label:<38} | {:>7.0} | {median:>7.0} | {min:>7.0} | {max:>7.0} |",
            self::median(shell)
        );
        if let Some(target) = target.filter(|target| median > *target) {
            println!("  over the aim of {target:.0} ms (budgets.toml)");
        }
        if !next_chunk_ready.is_empty() {
            println!(
                "  the next page's code ({NEXT_CHUNK}) fetched before a click at {CLICK_AT_MS:.0} ms: \
                 {} of {} loads",
                next_chunk_ready.iter().filter(|ready| **ready).count(),
                next_chunk_ready.len()
            );
        }
    }
    Ok(())
}

/// What [`LOADS`] cold loads measured of one page, each measure's values in load order.
struct Loads {
    fcp: Vec<f64>,
    control: Vec<f64>,
    cls: Vec<f64>,
    chain: Vec<f64>,
}

/// [`LOADS`] cold loads of `path` at `base` (the app's API server when `None`) until `until`.
fn cold_loads(
    harness: &Harness,
    base: Option<&str>,
    path: &str,
    until: &str,
    network: Option<Network>,
) -> Result<Loads, Failed> {
    let mut loads = Loads {
        fcp: Vec::new(),
        control: Vec::new(),
        cls: Vec::new(),
        chain: Vec::new(),
    };
    for _ in 0..LOADS {
        let (at, page, mark) = (base.map(str::to_owned), path.to_owned(), until.to_owned());
        let (marks, _) = harness.in_browser(move |browser, apps| async move {
            let base = at.unwrap_or(apps.api);
            cold_load(browser, &base, &page, &mark, network).await
        })?;
        let read = |name: &str| {
            marks
                .get(name)
                .and_then(Value::as_f64)
                .ok_or_else(|| format!("no {name} noted"))
        };
        loads.fcp.push(read("fcp")?);
        loads.control.push(read(until)?);
        loads.cls.push(read("cls")?);
        loads.chain.push(read("chain")?);
    }
    Ok(loads)
}

/// A measure's median with its spread, `median (min–max)`, each with `decimals`.
fn spread(values: &[f64], decimals: usize) -> String {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let median = median(values.to_vec());
    format!("{median:.decimals$} ({min:.decimals$}–{max:.decimals$})")
}

/// The app's first screen beside the peer's, on this machine's network and on a slow mobile one:
/// the first contentful paint, the first control (on the overview: an account's action; on the
/// peer: its first question's field), the layout shift and the chain of requests before the
/// first control, with the ratio of the first controls and its aim. The app is measured on its
/// API (the reference server, whose `config.json` needs no sign-in) and on its demo backend.
fn compare_with_peer(harness: &Harness, peer: &FileServer) -> Result<(), Failed> {
    println!(
        "\nBeside the peer, a SurveyJS page of the same first three questions served the same way \
         (median (min–max) of {LOADS} cold loads, CPU throttled {CPU_SLOWDOWN}x; ms since navigation):"
    );
    println!(
        "| {:<44} | {:<13} | {:<18} | {:<18} | {:<20} | {:<9} | {:>6} | {:>6} |",
        "",
        "page",
        "first paint (FCP)",
        "first control",
        "layout shift (CLS)",
        "chain",
        "ratio",
        "aim"
    );
    println!(
        "|{:-<46}|{:-<15}|{:-<20}|{:-<20}|{:-<22}|{:-<11}|{:->8}|{:->8}|",
        "", "", "", "", "", "", "", ""
    );
    let conditions = [
        ("this machine's network", None, "ASSISTANT_AIM_PEER_PERCENT"),
        (
            "mobile network (150 ms, 1.6 Mbit/s)",
            Some(MOBILE),
            "ASSISTANT_AIM_PEER_MOBILE_PERCENT",
        ),
    ];
    for (label, network, aim) in conditions {
        let surveyjs = cold_loads(harness, Some(&peer.url), "", "peer", network)?;
        let demo = &harness.apps().demo;
        let pages = vec![
            (
                "this app, API",
                cold_loads(harness, None, "", "control", network)?,
            ),
            (
                "this app, demo",
                cold_loads(harness, Some(demo), "", "control", network)?,
            ),
            ("SurveyJS", surveyjs),
        ];
        let aim = target(aim).map(|percent| percent / 100.0);
        let peer_control = median(pages[2].1.control.clone());
        for (page, loads) in &pages {
            let ratio = median(loads.control.clone()) / peer_control;
            println!(
                "| {label:<44} | {page:<13} | {:<18} | {:<18} | {:<20} | {:<9} | {ratio:>5.2}x | {:>6} |",
                spread(&loads.fcp, 0),
                spread(&loads.control, 0),
                spread(&loads.cls, 3),
                spread(&loads.chain, 0),
                aim.filter(|_| *page != "SurveyJS")
                    .map_or("-".to_owned(), |aim| format!("{aim:.2}x"))
            );
            if let Some(aim) = aim.filter(|aim| *page != "SurveyJS" && ratio > *aim) {
                println!("  over the aim of {aim:.2}x (budgets.toml)");
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let outcome = Harness::start().map_err(Failed::from).and_then(|harness| {
        measure(&harness)?;
        let peer_dir =
            std::env::var_os("ASSISTANT_PEER_DIST").ok_or("ASSISTANT_PEER_DIST is not set")?;
        let peer = FileServer::start(std::path::Path::new(&peer_dir), &["--app-on-demo-backend"])?;
        compare_with_peer(&harness, &peer)?;
        if std::env::var_os("ASSISTANT_BENCH_SCALE").is_some() {
            let dist = std::env::var_os("ASSISTANT_DIST").ok_or("ASSISTANT_DIST is not set")?;
            scale::measure(&harness, std::path::Path::new(&dist))?;
        }
        Ok(())
    });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!(
                "first-load benchmark: {}",
                why.message().unwrap_or("failed")
            );
            ExitCode::FAILURE
        }
    }
}

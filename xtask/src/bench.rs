//! `cargo xtask bench [--check]`: what the first screen transfers, how soon it can be used on a
//! slow CPU, and how long the core's rules take; measured against `budgets.toml`.
//!
//! `--check` measures the sizes only and fails when one is over its limit: sizes are the same on
//! every run, times are not, so only sizes are checked in `cargo xtask test`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

use crate::command::{cargo, root, run};
use crate::compress::kilobytes;
use crate::install::{self, Tools};
use crate::{build, compress, fingerprint, peer, server, shares};

/// The files the standalone app's first screen loads, as the built page names them (content-hashed,
/// under `assets/`), in the page's order: the page itself, the start-up script, the stylesheet,
/// the JS glue and the chunks' loader (preloaded beside it), the wasm's first part, and the
/// script that gives the page's frame its language.
/// `config.json` is counted apart, as the server sends it; the chunks come later.
fn first_screen_files(dist: &Path) -> Result<Vec<String>, String> {
    let page = dist.join("index.html");
    let html = std::fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?;
    let mut files = vec!["index.html".to_owned()];
    for attribute in html.split([' ', '\n']) {
        let value = attribute
            .strip_prefix("src=\"")
            .or_else(|| attribute.strip_prefix("href=\""))
            .and_then(|rest| rest.split('"').next());
        let Some(value) = value else { continue };
        // `/assets/…` as Trunk writes it, `assets/…` (below the page's base) as the build does.
        let name = value
            .split_once(&format!("/{}/", fingerprint::ASSETS))
            .map(|(_, name)| name)
            .or_else(|| value.strip_prefix(&format!("{}/", fingerprint::ASSETS)));
        if let Some(name) = name {
            files.push(format!("{}/{name}", fingerprint::ASSETS));
        }
    }
    if files.len() < 6 {
        return Err(format!(
            "index.html names {files:?}: not the split build's page"
        ));
    }
    Ok(files)
}

/// One thing the first screen transfers.
struct Transfer {
    name: String,
    raw: usize,
    gzip: usize,
    brotli: usize,
}

fn transfer(name: &str, bytes: &[u8]) -> Result<Transfer, String> {
    Ok(Transfer {
        name: fingerprint::unhashed(name),
        raw: bytes.len(),
        gzip: compress::gzip(bytes)?.len(),
        brotli: compress::brotli(bytes)?.len(),
    })
}

/// The body of a GET on the reference server (HTTP/1.0: the answer ends with the connection).
fn http_get(base_url: &str, path: &str) -> Result<Vec<u8>, String> {
    let address = base_url
        .strip_prefix("http://")
        .ok_or_else(|| format!("{base_url} is not an http:// address"))?;
    let mut stream = TcpStream::connect(address).map_err(|e| format!("{address}: {e}"))?;
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {address}\r\nAccept-Encoding: identity\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).map_err(|e| e.to_string())?;
    let split = answer
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .ok_or_else(|| format!("GET {path}: no HTTP answer"))?;
    let head = String::from_utf8_lossy(&answer[..split]);
    if !head.starts_with("HTTP/1.0 200") && !head.starts_with("HTTP/1.1 200") {
        let status = head.lines().next().unwrap_or_default().to_owned();
        return Err(format!("GET {path}: {status}"));
    }
    Ok(answer[split + 4..].to_vec())
}

/// What the first screen transfers: the built files, and `config.json` as `cargo xtask run`
/// serves it.
fn first_screen(dist: &Path, server_binary: &Path) -> Result<Vec<Transfer>, String> {
    let mut transfers = first_screen_files(dist)?
        .iter()
        .map(|name| {
            let bytes = std::fs::read(dist.join(name)).map_err(|e| format!("dist/{name}: {e}"))?;
            transfer(name, &bytes)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let static_dir = dist.to_string_lossy();
    let (_server, url) = server::start_server(server_binary, &["--static-dir", &static_dir])?;
    transfers.push(transfer("config.json", &http_get(&url, "/config.json")?)?);
    Ok(transfers)
}

/// The chunks of the split wasm, which no first screen loads: each part's when first needed (or
/// fetched ahead once the overview has shown), and the code parts share.
fn print_chunks(dist: &Path) -> Result<(), String> {
    let mut chunks = Vec::new();
    let assets = dist.join(fingerprint::ASSETS);
    for entry in std::fs::read_dir(&assets).map_err(|e| format!("{}: {e}", assets.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm") {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            chunks.push(transfer(&name, &bytes)?);
        }
    }
    chunks.sort_by_key(|chunk| std::cmp::Reverse(chunk.gzip));
    println!("\nLoaded later (chunks of the wasm), gzip -9 and brotli 11:");
    for chunk in &chunks {
        print_transfer(chunk);
    }
    Ok(())
}

fn print_sizes(transfers: &[Transfer]) {
    println!("\nFirst screen (standalone), gzip -9 and brotli 11:");
    println!(
        "| {:<24} | {:>10} | {:>10} | {:>10} |",
        "file", "raw", "gzip", "brotli"
    );
    println!("|{:-<26}|{:->12}|{:->12}|{:->12}|", "", "", "", "");
    for transfer in transfers {
        print_transfer(transfer);
    }
    print_transfer(&Transfer {
        name: "total".into(),
        raw: transfers.iter().map(|t| t.raw).sum(),
        gzip: transfers.iter().map(|t| t.gzip).sum(),
        brotli: transfers.iter().map(|t| t.brotli).sum(),
    });
}

fn print_transfer(transfer: &Transfer) {
    println!(
        "| {:<24} | {:>10} | {:>10} | {:>10} |",
        transfer.name,
        kilobytes(transfer.raw),
        kilobytes(transfer.gzip),
        kilobytes(transfer.brotli)
    );
}

/// `budgets.toml`.
pub struct Budgets(toml::Table);

impl Budgets {
    /// Reads `budgets.toml` from the repository root.
    pub fn read() -> Result<Self, String> {
        let path = root().join("budgets.toml");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("budgets.toml: {e}"))?;
        text.parse::<toml::Table>()
            .map(Budgets)
            .map_err(|e| format!("budgets.toml: {e}"))
    }

    /// The number at `section.key`.
    fn number(&self, section: &str, key: &str) -> Result<usize, String> {
        self.0
            .get(section)
            .and_then(|table| table.get(key))
            .and_then(toml::Value::as_integer)
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| format!("budgets.toml has no number at {section}.{key}"))
    }
}

/// Each size against its limit; Err naming every size over its limit.
fn check_sizes(transfers: &[Transfer], budgets: &Budgets) -> Result<(), String> {
    let total: usize = transfers.iter().map(|t| t.gzip).sum();
    let wasm = transfers
        .iter()
        .find(|t| t.name.ends_with(".wasm"))
        .map_or(0, |t| t.gzip);
    let target = budgets.number("first_screen", "target_gzip")?;
    let checks = [
        (
            "first screen",
            total,
            budgets.number("first_screen", "limit_gzip")?,
        ),
        ("wasm", wasm, budgets.number("wasm", "limit_gzip")?),
    ];
    let mut over = Vec::new();
    println!();
    for (what, size, limit) in checks {
        let verdict = if size <= limit { "within" } else { "OVER" };
        println!(
            "{what}: {} gzip, {verdict} its limit of {}",
            kilobytes(size),
            kilobytes(limit)
        );
        if size > limit {
            over.push(format!(
                "{what} is {} gzip, over its limit of {}",
                kilobytes(size),
                kilobytes(limit)
            ));
        }
    }
    if total > target {
        println!(
            "first screen: {} over the aim of {} (budgets.toml)",
            kilobytes(total - target),
            kilobytes(target)
        );
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}

/// The first-load timings in headless Chromium (the end-to-end crate drives the browser).
fn timings(
    dist: &Path,
    peer: &Path,
    server_binary: &Path,
    budgets: &Budgets,
    at_scale: bool,
) -> Result<(), String> {
    let mut first_load = cargo();
    if at_scale {
        first_load.env("ASSISTANT_BENCH_SCALE", "1");
    }
    first_load
        .args([
            "run",
            "--quiet",
            "--package",
            "assistant-e2e",
            "--bin",
            "first-load",
        ])
        .env("ASSISTANT_DIST", dist)
        .env("ASSISTANT_PEER_DIST", peer)
        .env("ASSISTANT_SERVER_BIN", server_binary)
        .env("CHROMEDRIVER", install::CHROMEDRIVER)
        .env("CHROMIUM", install::CHROMIUM)
        .env(
            "ASSISTANT_TARGET_FIRST_CONTROL_MS",
            budgets
                .number("time", "target_first_control_ms")?
                .to_string(),
        )
        .env(
            "ASSISTANT_TARGET_FIRST_QUESTION_MS",
            budgets
                .number("time", "target_first_question_ms")?
                .to_string(),
        )
        .env(
            "ASSISTANT_AIM_PEER_PERCENT",
            budgets
                .number("peer", "aim_first_control_percent")?
                .to_string(),
        )
        .env(
            "ASSISTANT_AIM_PEER_MOBILE_PERCENT",
            budgets
                .number("peer", "aim_first_control_mobile_percent")?
                .to_string(),
        );
    run(first_load)
}

/// The core's Criterion benchmarks.
fn rules() -> Result<(), String> {
    let mut bench = cargo();
    bench.args(["bench", "--package", "assistant-core", "--bench", "rules"]);
    run(bench)
}

/// The peer's first screen (`peer::FILES`) beside the app's, gzip and brotli.
fn compare_sizes(app: &[Transfer], peer: &Path) -> Result<(), String> {
    let sum = |transfers: &[Transfer]| {
        transfers.iter().fold((0, 0), |(gzip, brotli), t| {
            (gzip + t.gzip, brotli + t.brotli)
        })
    };
    let app = sum(app);
    let peer_files = peer::FILES
        .iter()
        .map(|name| {
            let bytes = std::fs::read(peer.join(name)).map_err(|e| format!("peer/{name}: {e}"))?;
            transfer(name, &bytes)
        })
        .collect::<Result<Vec<_>, String>>()?;
    let surveyjs = sum(&peer_files);
    println!("\nFirst screen beside the peer (SurveyJS 2.5.38, bundled and minified by esbuild):");
    println!("| {:<24} | {:>10} | {:>10} |", "", "gzip", "brotli");
    println!("|{:-<26}|{:->12}|{:->12}|", "", "", "");
    for (what, (gzip, brotli)) in [("this app", app), ("SurveyJS", surveyjs)] {
        println!(
            "| {what:<24} | {:>10} | {:>10} |",
            kilobytes(gzip),
            kilobytes(brotli)
        );
    }
    println!(
        "| {:<24} | {:>9.2}x | {:>9.2}x |",
        "ratio",
        app.0 as f64 / surveyjs.0 as f64,
        app.1 as f64 / surveyjs.1 as f64
    );
    Ok(())
}

/// Measures the first screen's sizes of the built app and checks them against their limits.
pub fn check_sizes_of(dist: &Path, server_binary: &Path, budgets: &Budgets) -> Result<(), String> {
    measure_sizes(dist, server_binary, budgets).1
}

/// What the first screen transfers, printed with the chunks, and the check against the limits.
fn measure_sizes(
    dist: &Path,
    server_binary: &Path,
    budgets: &Budgets,
) -> (Vec<Transfer>, Result<(), String>) {
    let transfers = match first_screen(dist, server_binary) {
        Ok(transfers) => transfers,
        Err(why) => return (Vec::new(), Err(why)),
    };
    print_sizes(&transfers);
    let checked = print_chunks(dist).and_then(|()| check_sizes(&transfers, budgets));
    (transfers, checked)
}

pub fn bench(args: &[String]) -> Result<(), String> {
    let (check_only, at_scale, built) = match args {
        [] => (false, false, None),
        [flag] if flag == "--check" => (true, false, None),
        [flag] if flag == "--scale" => (false, true, None),
        [flag, dir] if flag == "--dist" => (false, false, Some(Path::new(dir).to_path_buf())),
        _ => {
            return Err(format!(
                "unknown arguments {args:?} (bench takes --check, --scale to measure with 200 \
                 more accounts, one with 500 offers, too, or --dist DIR to measure an app built \
                 before, such as a copy of an earlier commit's dist/)"
            ));
        }
    };
    Tools::App.ensure()?;
    let budgets = Budgets::read()?;
    let dist = match &built {
        Some(dir) => dir.clone(),
        None => build::app()?,
    };
    let server_binary = build::server()?;
    let (transfers, sizes) = measure_sizes(&dist, &server_binary, &budgets);
    if check_only || transfers.is_empty() {
        return sizes;
    }
    Tools::Browser.ensure()?;
    let peer = peer::build()?;
    compare_sizes(&transfers, &peer)?;
    timings(&dist, &peer, &server_binary, &budgets, at_scale)?;
    if built.is_none() {
        shares::crate_shares()?;
        rules()?;
    }
    sizes
}

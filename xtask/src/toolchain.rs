//! The Rust toolchain the build needs, checked rather than trusted.
//!
//! `rustup toolchain install` adds the targets and components of `rust-toolchain.toml` only to a
//! toolchain it installs itself. Where the pinned name is already there as a link (to the
//! machine's stable toolchain, or to a build of one's own), it says "using existing install" and
//! adds nothing, and the build fails later, deep in the compiler's output. So the installer looks
//! at what the build needs (the wasm32 target's standard library, clippy, rustfmt), for the
//! toolchain that is active in the repository, and adds what is missing where rustup can; where it
//! cannot, it stops with one message that says why and the one command that fixes it.
//!
//! [`plan`] is the decision, plain code over what was found; [`ensure`] finds and carries it out.

use std::path::{Path, PathBuf};

use crate::command::{command, output_line, root, run};

/// The web app's target.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// A component the checks run with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Component {
    Clippy,
    Rustfmt,
}

impl Component {
    const ALL: [Component; 2] = [Component::Clippy, Component::Rustfmt];

    fn name(self) -> &'static str {
        match self {
            Component::Clippy => "clippy",
            Component::Rustfmt => "rustfmt",
        }
    }

    fn purpose(self) -> &'static str {
        match self {
            Component::Clippy => "the linter `cargo xtask test` runs",
            Component::Rustfmt => "the formatter `cargo xtask test` checks with",
        }
    }

    /// The program that answers when the component is there.
    fn probe(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Component::Clippy => ("cargo", &["clippy", "--version"]),
            Component::Rustfmt => ("rustfmt", &["--version"]),
        }
    }
}

/// What rustup has under the toolchain name active in the repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Toolchain {
    /// A folder rustup installed: it adds targets and components to it.
    Installed { name: String },
    /// A link to another toolchain that rustup installed (such as the machine's stable one):
    /// rustup adds to that one, and the link sees it.
    LinkToInstalled {
        name: String,
        points_to: PathBuf,
        installed: String,
    },
    /// A link to a folder rustup does not manage (`rustup toolchain link`, a build of one's
    /// own): rustup can add nothing to it.
    Custom { name: String, points_to: PathBuf },
}

impl Toolchain {
    fn name(&self) -> &str {
        match self {
            Toolchain::Installed { name }
            | Toolchain::LinkToInstalled { name, .. }
            | Toolchain::Custom { name, .. } => name,
        }
    }
}

/// What the build needs and the toolchain has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Present {
    /// The wasm32 target's standard library (its `libcore`) is in the target's library folder.
    pub wasm_std: bool,
    /// The components that do not answer.
    pub missing: Vec<Component>,
}

/// A rustup command that adds something, and the line that says what and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addition {
    pub says: String,
    pub rustup_args: Vec<String>,
}

/// What to do about the toolchain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Everything the build needs is there.
    Ready,
    /// Add these, in order, then look again.
    Add(Vec<Addition>),
    /// Rustup cannot add what is missing: the message says why and what fixes it.
    Stop(String),
}

/// What to do, given the toolchain and what it has.
pub fn plan(toolchain: &Toolchain, present: &Present) -> Plan {
    let mut missing: Vec<(String, String, Vec<String>)> = Vec::new();
    if !present.wasm_std {
        missing.push((
            format!("the {WASM_TARGET} target"),
            "the web app is built for it".to_owned(),
            vec!["target".into(), "add".into(), WASM_TARGET.into()],
        ));
    }
    for component in &present.missing {
        missing.push((
            component.name().to_owned(),
            component.purpose().to_owned(),
            vec!["component".into(), "add".into(), component.name().into()],
        ));
    }
    if missing.is_empty() {
        return Plan::Ready;
    }
    let (into, link) = match toolchain {
        Toolchain::Installed { name } => (name.as_str(), None),
        Toolchain::LinkToInstalled {
            name,
            points_to,
            installed,
        } => (installed.as_str(), Some((name, points_to))),
        Toolchain::Custom { name, points_to } => {
            let what: Vec<&str> = missing.iter().map(|(what, ..)| what.as_str()).collect();
            return Plan::Stop(format!(
                "the toolchain {name} has no {what}, and rustup cannot add to it: it is a link to \
                 {points}, which rustup does not manage. Remove the link with \
                 `rustup toolchain uninstall {name}` and run this task again: it installs {name} \
                 from rustup, with everything the build needs.",
                what = what.join(", nor "),
                points = points_to.display(),
            ));
        }
    };
    Plan::Add(
        missing
            .into_iter()
            .map(|(what, why, mut rustup_args)| {
                let onto = match link {
                    None => format!("to the toolchain {into}"),
                    Some((name, points_to)) => format!(
                        "to the toolchain {into}, which {name} is a link to ({})",
                        points_to.display()
                    ),
                };
                rustup_args.extend(["--toolchain".to_owned(), into.to_owned()]);
                Addition {
                    says: format!("adding {what} {onto}: {why}"),
                    rustup_args,
                }
            })
            .collect(),
    )
}

/// The toolchain the repository builds with, complete: whatever is missing is added, or the task
/// stops with what to do.
pub fn ensure() -> Result<(), String> {
    // Installs the pinned toolchain where it is absent; where the name exists it adds nothing.
    let mut install = command("rustup");
    install.args(["toolchain", "install"]);
    run(install)?;
    let toolchain = active()?;
    match plan(&toolchain, &present()) {
        Plan::Ready => return Ok(()),
        Plan::Stop(message) => return Err(message),
        Plan::Add(additions) => {
            for addition in additions {
                println!("{}", addition.says);
                let mut rustup = command("rustup");
                rustup.args(&addition.rustup_args);
                run(rustup)?;
            }
        }
    }
    match plan(&toolchain, &present()) {
        Plan::Ready => Ok(()),
        Plan::Stop(message) => Err(message),
        Plan::Add(still) => Err(format!(
            "rustup added what the toolchain {} lacked, yet it still lacks it: {}",
            toolchain.name(),
            still
                .iter()
                .map(|addition| format!("`rustup {}`", addition.rustup_args.join(" ")))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The toolchain active in the repository, and what rustup has under its name.
fn active() -> Result<Toolchain, String> {
    let mut show = command("rustup");
    show.args(["show", "active-toolchain"]);
    let name = output_line(show)
        .and_then(|line| line.split_whitespace().next().map(str::to_owned))
        .ok_or("rustup names no active toolchain in the repository")?;
    let toolchains = rustup_home().join("toolchains");
    Ok(classify(&toolchains, name))
}

/// A toolchain's kind from its entry in rustup's folder of toolchains.
fn classify(toolchains: &Path, name: String) -> Toolchain {
    let Ok(points_to) = std::fs::read_link(toolchains.join(&name)) else {
        return Toolchain::Installed { name };
    };
    let absolute = if points_to.is_absolute() {
        points_to.clone()
    } else {
        toolchains.join(&points_to)
    };
    let installed = absolute
        .parent()
        .filter(|parent| same_folder(parent, toolchains))
        .and_then(|_| absolute.file_name())
        .map(|file| file.to_string_lossy().into_owned())
        .filter(|installed| {
            std::fs::symlink_metadata(toolchains.join(installed)).is_ok_and(|meta| meta.is_dir())
        });
    match installed {
        Some(installed) => Toolchain::LinkToInstalled {
            name,
            points_to,
            installed,
        },
        None => Toolchain::Custom { name, points_to },
    }
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn rustup_home() -> PathBuf {
    std::env::var_os("RUSTUP_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".rustup")))
        .unwrap_or_else(|| PathBuf::from(".rustup"))
}

/// What the active toolchain has of what the build needs.
fn present() -> Present {
    let mut libdir = command("rustc");
    libdir.args(["--print", "target-libdir", "--target", WASM_TARGET]);
    let wasm_std = output_line(libdir).is_some_and(|dir| holds_libcore(Path::new(&dir)));
    let missing = Component::ALL
        .into_iter()
        .filter(|component| {
            let (program, args) = component.probe();
            let mut probe = command(program);
            probe.args(args).current_dir(root());
            output_line(probe).is_none()
        })
        .collect();
    Present { wasm_std, missing }
}

fn holds_libcore(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|entry| {
            let file = entry.file_name();
            let file = file.to_string_lossy();
            file.starts_with("libcore-") && file.ends_with(".rlib")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> Present {
        Present {
            wasm_std: true,
            missing: vec![],
        }
    }

    fn without_target() -> Present {
        Present {
            wasm_std: false,
            missing: vec![],
        }
    }

    fn installed() -> Toolchain {
        Toolchain::Installed {
            name: "1.95.0-x86_64-unknown-linux-gnu".into(),
        }
    }

    fn rustup_args(plan: &Plan) -> Vec<String> {
        match plan {
            Plan::Add(additions) => additions
                .iter()
                .map(|addition| addition.rustup_args.join(" "))
                .collect(),
            other => panic!("expected additions, got {other:?}"),
        }
    }

    #[test]
    fn nothing_missing_is_ready() {
        assert_eq!(plan(&installed(), &complete()), Plan::Ready);
        let custom = Toolchain::Custom {
            name: "1.95.0-x86_64-unknown-linux-gnu".into(),
            points_to: "/opt/rust".into(),
        };
        assert_eq!(plan(&custom, &complete()), Plan::Ready);
    }

    #[test]
    fn a_missing_target_is_added_to_an_installed_toolchain() {
        let plan = plan(&installed(), &without_target());
        assert_eq!(
            rustup_args(&plan),
            ["target add wasm32-unknown-unknown --toolchain 1.95.0-x86_64-unknown-linux-gnu"]
        );
        let Plan::Add(additions) = plan else {
            unreachable!()
        };
        assert!(additions[0].says.contains("wasm32-unknown-unknown target"));
        assert!(additions[0].says.contains("the web app is built for it"));
    }

    #[test]
    fn a_missing_target_of_a_link_to_an_installed_toolchain_is_added_where_it_points() {
        let linked = Toolchain::LinkToInstalled {
            name: "1.95.0-x86_64-unknown-linux-gnu".into(),
            points_to: "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu".into(),
            installed: "stable-x86_64-unknown-linux-gnu".into(),
        };
        let plan = plan(&linked, &without_target());
        assert_eq!(
            rustup_args(&plan),
            ["target add wasm32-unknown-unknown --toolchain stable-x86_64-unknown-linux-gnu"]
        );
        let Plan::Add(additions) = plan else {
            unreachable!()
        };
        assert!(
            additions[0]
                .says
                .contains("which 1.95.0-x86_64-unknown-linux-gnu is a link to")
        );
    }

    #[test]
    fn a_missing_target_of_a_custom_toolchain_stops_with_the_command_that_fixes_it() {
        let custom = Toolchain::Custom {
            name: "1.95.0-x86_64-unknown-linux-gnu".into(),
            points_to: "/opt/rust-1.95".into(),
        };
        let Plan::Stop(message) = plan(&custom, &without_target()) else {
            panic!("a custom toolchain cannot be added to");
        };
        assert!(message.contains("toolchain 1.95.0-x86_64-unknown-linux-gnu"));
        assert!(message.contains("/opt/rust-1.95"));
        assert!(message.contains("wasm32-unknown-unknown target"));
        assert!(message.contains("`rustup toolchain uninstall 1.95.0-x86_64-unknown-linux-gnu`"));
    }

    #[test]
    fn a_missing_component_is_added_after_the_target() {
        let present = Present {
            wasm_std: false,
            missing: vec![Component::Clippy, Component::Rustfmt],
        };
        assert_eq!(
            rustup_args(&plan(&installed(), &present)),
            [
                "target add wasm32-unknown-unknown --toolchain 1.95.0-x86_64-unknown-linux-gnu",
                "component add clippy --toolchain 1.95.0-x86_64-unknown-linux-gnu",
                "component add rustfmt --toolchain 1.95.0-x86_64-unknown-linux-gnu",
            ]
        );
        let only_rustfmt = Present {
            wasm_std: true,
            missing: vec![Component::Rustfmt],
        };
        assert_eq!(
            rustup_args(&plan(&installed(), &only_rustfmt)),
            ["component add rustfmt --toolchain 1.95.0-x86_64-unknown-linux-gnu"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_told_from_an_installed_folder_and_from_a_custom_build() {
        let home = std::env::temp_dir().join(format!("xtask-toolchains-{}", std::process::id()));
        let toolchains = home.join("toolchains");
        let elsewhere = home.join("custom-build");
        std::fs::create_dir_all(toolchains.join("stable-x86_64-unknown-linux-gnu")).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(
            toolchains.join("stable-x86_64-unknown-linux-gnu"),
            toolchains.join("1.95.0-x86_64-unknown-linux-gnu"),
        )
        .unwrap();
        std::os::unix::fs::symlink(&elsewhere, toolchains.join("mine")).unwrap();

        let stable = classify(&toolchains, "stable-x86_64-unknown-linux-gnu".into());
        let pinned = classify(&toolchains, "1.95.0-x86_64-unknown-linux-gnu".into());
        let mine = classify(&toolchains, "mine".into());
        std::fs::remove_dir_all(&home).unwrap();

        assert!(matches!(stable, Toolchain::Installed { .. }));
        assert!(matches!(
            pinned,
            Toolchain::LinkToInstalled { ref installed, .. }
                if installed == "stable-x86_64-unknown-linux-gnu"
        ));
        assert!(matches!(mine, Toolchain::Custom { ref points_to, .. } if *points_to == elsewhere));
    }
}

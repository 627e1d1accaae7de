//! Behaviour visible as diffs: `annotate` of every example and fixture article and
//! `check --format json` of each folder of them, as committed insta snapshots
//! (tests/snapshots/). A change to a word list or a rule shows here what it changed; review
//! with `cargo insta review` (or `INSTA_UPDATE=always cargo test --test snapshots`).

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");
/// Folders of articles, relative to the crate root (their paths appear in the output).
const FOLDERS: &[&str] = &[
    "examples",
    "tests/fixtures/sources",
    "tests/fixtures/workspace",
];

fn run(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run copydesk");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn articles(folder: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".md") || n.ends_with(".txt"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn snapshot_name(path: &str) -> String {
    path.replace(['/', '.'], "_")
}

#[test]
fn annotate_snapshots() {
    for folder in FOLDERS {
        let names = articles(folder);
        assert!(!names.is_empty(), "no articles in {folder}");
        for name in names {
            let path = format!("{folder}/{name}");
            let out = run(&["annotate", &path]);
            insta::assert_snapshot!(format!("annotate_{}", snapshot_name(&path)), out);
        }
    }
}

#[test]
fn check_json_snapshots() {
    for folder in FOLDERS {
        let out = run(&["check", "--format", "json", folder]);
        insta::assert_snapshot!(format!("check_{}", snapshot_name(folder)), out);
    }
}

//! The CLI and the language server go through one engine, so they cannot disagree: the fixture
//! workspace (severities, `vague-sources`, `window-days`, `ignore`, unused suppressions and a
//! suppression hiding a real source conflict) gives the same findings through
//! `copydesk check --format json` and through `copydesk lsp` over stdio; `claims`, `compare`
//! and the hover agree on vague sources; and a hover asked right after the first diagnostics
//! of a cold start answers.

mod common;

use common::{file_uri, pos, vscode_caps, Client, TIMEOUT};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace")
}

const ARTICLES: &[&str] = &["bay-herald.md", "coast-bulletin.md"];

/// (rule, start line, start column, end line, end column, severity, message); 1-based
/// character columns.
type Row = (String, u64, u64, u64, u64, String, String);

fn cli_findings() -> Vec<(String, Vec<Row>)> {
    let out = Command::new(BIN)
        .args(["check", "--format", "json", "."])
        .current_dir(workspace())
        .output()
        .expect("run copydesk check");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut files = Vec::new();
    for f in doc["files"].as_array().cloned().unwrap_or_default() {
        let name = Path::new(f["path"].as_str().unwrap_or(""))
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let rows = f["findings"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|x| {
                (
                    x["rule"].as_str().unwrap_or("").to_string(),
                    x["line"].as_u64().unwrap_or(0),
                    x["column"].as_u64().unwrap_or(0),
                    x["end_line"].as_u64().unwrap_or(0),
                    x["end_column"].as_u64().unwrap_or(0),
                    x["severity"].as_str().unwrap_or("").to_string(),
                    x["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        files.push((name, rows));
    }
    files.sort();
    files
}

fn severity_name(n: &Value) -> String {
    match n.as_u64() {
        Some(1) => "error",
        Some(2) => "warning",
        Some(3) => "info",
        Some(4) => "hint",
        _ => "?",
    }
    .to_string()
}

fn lsp_rows(diags: &[Value]) -> Vec<Row> {
    let mut rows: Vec<Row> = diags
        .iter()
        .map(|d| {
            let at = |k: &str, f: &str| d["range"][k][f].as_u64().unwrap_or(0) + 1;
            (
                d["code"].as_str().unwrap_or("").to_string(),
                at("start", "line"),
                at("start", "character"),
                at("end", "line"),
                at("end", "character"),
                severity_name(&d["severity"]),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    rows.sort_by_key(|r| (r.1, r.2, r.3, r.4, r.0.clone()));
    rows
}

/// A server on the fixture workspace with an empty index cache, once indexing has finished.
fn indexed_server(cache: &Path) -> Client {
    indexed_server_at(cache, &workspace())
}

/// A server for the workspace at `root`, once it has indexed it.
fn indexed_server_at(cache: &Path, root: &Path) -> Client {
    let cache = cache.to_str().unwrap_or("");
    let mut c = Client::spawn_env(Path::new(BIN), &[], &[("XDG_CACHE_HOME", cache)]);
    c.initialize(vscode_caps(), json!({}), Some(&file_uri(root)));
    let done = c.wait_for(TIMEOUT, |m| {
        m["method"] == "$/progress"
            && m["params"]["value"]["kind"] == "end"
            && m["params"]["value"]["message"]
                .as_str()
                .is_some_and(|s| s.starts_with("Indexed"))
    });
    assert!(done.is_some(), "indexing did not finish");
    c
}

#[test]
fn check_and_the_language_server_report_the_same_findings() {
    let cli = cli_findings();
    let names: Vec<&str> = cli.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ARTICLES);
    // the fixture exercises what the engine applies: a severity from [rules], an unused
    // suppression, the ignore pattern, and a suppression that hides a real source conflict
    let herald = &cli[0].1;
    let rules: Vec<&str> = herald.iter().map(|r| r.0.as_str()).collect();
    assert!(
        herald
            .iter()
            .any(|r| r.0 == "figure-unattributed" && r.5 == "error"),
        "{herald:#?}"
    );
    assert!(rules.contains(&"suppression-unused"), "{herald:#?}");
    assert!(rules.contains(&"date-weekday-mismatch"), "{herald:#?}");
    assert!(!rules.contains(&"source-conflict"), "{herald:#?}");
    assert!(
        herald
            .iter()
            .filter(|r| r.0 == "suppression-unused")
            .all(|r| r.6.contains("date-weekday-mismatch")),
        "the suppression hiding a source conflict is used: {herald:#?}"
    );
    assert!(!herald.iter().any(|r| r.6.contains("6 trawlers")));

    let dir = tempfile::tempdir().expect("tempdir");
    let mut c = indexed_server(dir.path());
    for (name, rows) in &cli {
        let path = workspace().join(name);
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let uri = file_uri(&path);
        c.open(&uri, "markdown", &text);
        let diags = c.diagnostics(&uri, Some(0));
        let mut want = rows.clone();
        want.sort_by_key(|r| (r.1, r.2, r.3, r.4, r.0.clone()));
        assert_eq!(lsp_rows(&diags), want, "{name}: editor and CLI disagree");
    }
    assert_eq!(c.shutdown(), Some(0));
}

/// Opens `text` as `uri`, waits for its diagnostics and returns the hover's Markdown at byte
/// `at` (one past it, inside the word).
fn open_and_hover(c: &mut Client, uri: &str, text: &str, at: usize) -> String {
    c.open(uri, "markdown", text);
    let _ = c.diagnostics(uri, Some(0));
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(text, at + 1, false)}),
    );
    h["contents"]["value"].as_str().unwrap_or("").to_string()
}

/// The 1-based line and column of `needle` in `text`, and its byte offset.
fn find(text: &str, needle: &str) -> (usize, usize, usize) {
    let at = text.find(needle).expect("needle in fixture");
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rfind('\n').map_or(at, |i| at - i - 1) + 1;
    (line, col, at)
}

#[test]
fn claims_compare_and_hover_agree_on_vague_sources() {
    let path = workspace().join("bay-herald.md");
    let text = std::fs::read_to_string(&path).expect("read fixture");
    let (line, col, at) = find(&text, "14 boats");
    // claims: the configured vague word makes the source vague
    let out = Command::new(BIN)
        .args(["claims", "bay-herald.md"])
        .current_dir(workspace())
        .output()
        .expect("run claims");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let claim = doc["files"][0]["claims"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["text"] == "14 boats").cloned())
        .expect("the claim");
    assert_eq!(claim["attribution"]["named"], false, "{claim:#}");
    // compare
    let out = Command::new(BIN)
        .args(["compare", &format!("bay-herald.md:{line}:{col}")])
        .current_dir(workspace())
        .output()
        .expect("run compare");
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("(a vague source)"), "{md}");
    // hover
    let dir = tempfile::tempdir().expect("tempdir");
    let mut c = indexed_server(dir.path());
    let uri = file_uri(&path);
    let hover = open_and_hover(&mut c, &uri, &text, at);
    assert!(hover.contains("(a vague source)"), "{hover}");
    assert_eq!(hover, md.as_ref(), "hover and compare differ");
    // showComparisons as data
    let data = c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.showComparisons",
               "arguments": [uri, pos(&text, at + 1, false), {"format": "json"}]}),
    );
    assert_eq!(data["subject"]["kind"], "figure", "{data:#}");
    assert_eq!(data["subject"]["named"], false, "{data:#}");
    assert_eq!(c.shutdown(), Some(0));
    // without the configuration the same words name a source
    let plain = tempfile::tempdir().expect("tempdir");
    let copy = plain.path().join("bay-herald.md");
    std::fs::write(&copy, &text).expect("write");
    let out = Command::new(BIN)
        .args(["claims", "bay-herald.md"])
        .current_dir(plain.path())
        .output()
        .expect("run claims");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let named = doc["files"][0]["claims"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["text"] == "14 boats").cloned())
        .map(|c| c["attribution"]["named"].clone());
    assert_eq!(named, Some(json!(true)));
}

#[test]
fn compare_and_hover_say_when_other_outlets_carry_the_same_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("desk");
    std::fs::create_dir_all(&root).expect("folder");
    std::fs::copy(
        workspace().join("coast-bulletin.md"),
        root.join("coast-bulletin.md"),
    )
    .expect("copy");
    let text = std::fs::read_to_string(workspace().join("bay-herald.md")).expect("read");
    // the same text under two more names: one wire story republished twice
    for name in ["bay-herald.md", "wire-one.md", "wire-two.md"] {
        std::fs::write(root.join(name), &text).expect("write");
    }
    let (line, col, at) = find(&text, "180 homes");
    let out = Command::new(BIN)
        .args([
            "compare",
            "--no-cache",
            &format!("bay-herald.md:{line}:{col}"),
        ])
        .current_dir(&root)
        .output()
        .expect("run compare");
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("Also in 2 other outlets, same text."), "{md}");
    // the copies are no sources of their own: only the other article's figure is compared
    assert!(!md.contains("wire-one"), "{md}");
    let cache = dir.path().join("cache");
    let mut c = indexed_server_at(&cache, &root);
    let uri = file_uri(&root.join("bay-herald.md"));
    let hover = open_and_hover(&mut c, &uri, &text, at);
    // the same Markdown (the hover adds a link to the story timeline)
    assert!(
        hover.starts_with(md.as_ref()),
        "hover and compare differ: {hover}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn a_hover_right_after_the_first_diagnostics_of_a_cold_start_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("desk");
    std::fs::create_dir_all(&root).expect("folder");
    for name in ARTICLES {
        std::fs::copy(workspace().join(name), root.join(name)).expect("copy");
    }
    // more articles, so that indexing takes a while
    let filler = std::fs::read_to_string(workspace().join("coast-bulletin.md")).expect("read");
    for i in 0..300 {
        std::fs::write(root.join(format!("filler-{i:03}.md")), &filler).expect("write");
    }
    let cache = dir.path().join("cache");
    let mut c = Client::spawn_env(
        Path::new(BIN),
        &[],
        &[("XDG_CACHE_HOME", cache.to_str().unwrap_or(""))],
    );
    c.initialize(vscode_caps(), json!({}), Some(&file_uri(&root)));
    let path = root.join("bay-herald.md");
    let text = std::fs::read_to_string(&path).expect("read");
    let uri = file_uri(&path);
    c.open(&uri, "markdown", &text);
    let _ = c.diagnostics(&uri, Some(0));
    let (_, _, at) = find(&text, "180 homes");
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(&text, at + 1, false)}),
    );
    let md = h["contents"]["value"].as_str().unwrap_or("");
    assert!(
        md.contains("**180 homes**"),
        "empty hover during indexing: {h:#}"
    );
    // once indexed, the hover has the full table
    let done = c.wait_for(TIMEOUT, |m| {
        m["method"] == "$/progress"
            && m["params"]["value"]["kind"] == "end"
            && m["params"]["value"]["message"]
                .as_str()
                .is_some_and(|s| s.starts_with("Indexed"))
    });
    assert!(done.is_some(), "indexing did not finish");
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(&text, at + 1, false)}),
    );
    let md = h["contents"]["value"].as_str().unwrap_or("");
    assert!(md.contains("| Outlet |"), "{md}");
    assert!(md.contains("Coast Bulletin"), "{md}");
    assert!(!md.contains("still being built"), "{md}");
    assert_eq!(c.shutdown(), Some(0));
}

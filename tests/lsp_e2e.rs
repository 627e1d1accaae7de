//! End-to-end tests of `copydesk lsp`: the real binary over stdio.

mod common;

use common::{file_uri, nvim_caps, pos, vscode_caps, Client, TIMEOUT};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");
const SEED_000: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/000_85c950aaef89da52.txt"
);

/// A weekday that contradicts its date, with non-ASCII text before it on the same line.
const WEEKDAY: &str = " date 2032-03-15 Über the weekend, Kestrelyan – 30 growers said the fair ended on Thursday, Mar. 12, in Montevideo.\n\nThe growers met again on Saturday and yesterday.\n";
/// A dateline that contradicts the body (Saturday + March 15 fit 2014 nearest, or 2025).
const DATELINE: &str = " date 2016-03-02 Both unions said a curfew that came into force at noon on Saturday was lifted within hours.\n\n\"The curfew effective as of March 15, 12:00 was lifted at 18:05,\" a spokesman wrote.\n";

fn client() -> Client {
    Client::spawn(Path::new(BIN), &[])
}

fn rules_of(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

/// Applies a quick fix's edit for `uri` to `text` (offsets computed with `utf8` columns).
fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap_or(0) as usize;
        let col = p["character"].as_u64().unwrap_or(0) as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= col || c == '\n' {
                return start + i;
            }
            units += if utf8 { c.len_utf8() } else { c.len_utf16() };
        }
        text.len()
    };
    let mut out = text.to_string();
    let mut edits: Vec<&Value> = edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    for e in edits {
        let (a, b) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.replace_range(a..b, e["newText"].as_str().unwrap_or(""));
    }
    out
}

fn check_dateline_flow(c: &mut Client, uri: &str, text: &str, utf8: bool, want: &str) {
    let diags = c.diagnostics(uri, Some(0));
    let d = diags
        .iter()
        .find(|d| d["code"] == "date-dateline-mismatch")
        .unwrap_or_else(|| panic!("no date-dateline-mismatch in {diags:#?}"));
    assert_eq!(d["source"], "copydesk");
    assert!(d["codeDescription"]["href"]
        .as_str()
        .is_some_and(|h| h.ends_with("#date-dateline-mismatch")));
    assert!(d["relatedInformation"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
    assert_eq!(d["range"]["start"], json!({"line": 0, "character": 6}));
    assert!(d["data"]["fix"]["replacement"].is_string());
    // The quick fix replaces the dateline.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let fix = actions
        .as_array()
        .and_then(|a| a.iter().find(|x| x["isPreferred"] == true))
        .unwrap_or_else(|| panic!("no preferred fix in {actions:#}"))
        .clone();
    assert_eq!(fix["kind"], "quickfix");
    let edits = fix["edit"]["changes"][uri]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(edits.len(), 1);
    assert_eq!(
        edits[0]["range"]["start"],
        json!({"line": 0, "character": 6})
    );
    assert_eq!(
        edits[0]["range"]["end"],
        json!({"line": 0, "character": 16})
    );
    let fixed = apply_edits(text, &edits, utf8);
    assert!(fixed.starts_with(&format!(" date {want} ")), "{fixed}");
    // "Ignore this finding here" inserts a suppression on the line before.
    let ignore = actions
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|x| x["title"].as_str().is_some_and(|t| t.starts_with("Ignore")))
        })
        .cloned()
        .unwrap_or_default();
    let ins = ignore["edit"]["changes"][uri][0]["newText"]
        .as_str()
        .unwrap_or("");
    if uri.ends_with(".md") {
        assert_eq!(
            ins,
            "<!-- copydesk-disable-next-line date-dateline-mismatch -->\n"
        );
    } else {
        assert_eq!(ins, "copydesk: ignore date-dateline-mismatch\n");
    }
    // Apply the fix as the editor would: the finding goes away.
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": changes}),
    );
    let after = c.diagnostics(uri, Some(1));
    assert!(
        !rules_of(&after).contains(&"date-dateline-mismatch".to_string()),
        "{after:#?}"
    );
}

#[test]
fn vscode_like_client_gets_diagnostics_hover_and_quick_fix() {
    let mut c = client();
    let caps = c.initialize(vscode_caps(), json!({}), None);
    assert_eq!(caps["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(caps["capabilities"]["textDocumentSync"]["change"], 2);
    let dir = tmp();
    let uri = file_uri(&dir.path().join("truce.txt"));
    c.open(&uri, "plaintext", DATELINE);
    check_dateline_flow(&mut c, &uri, DATELINE, false, "2014-03-15");
    // Hover on a date: the resolved date, its weekday and how it was resolved.
    let fixed = DATELINE.replacen("2016-03-02", "2014-03-15", 1);
    let at = fixed.find("March 15").unwrap_or(0) + 3;
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(&fixed, at, false)}),
    );
    let md = h["contents"]["value"].as_str().unwrap_or("");
    assert_eq!(h["contents"]["kind"], "markdown");
    assert!(md.contains("Saturday, March 15, 2014"), "{md}");
    assert!(md.contains("resolved:"), "{md}");
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn seed_000_has_a_dateline_mismatch() {
    let Ok(text) = std::fs::read_to_string(SEED_000) else {
        eprintln!("skipped: {SEED_000} is absent");
        return;
    };
    for (caps, utf8) in [(vscode_caps(), false), (nvim_caps(), true)] {
        let mut c = client();
        c.initialize(caps, json!({}), None);
        let uri = file_uri(Path::new(SEED_000));
        c.open(&uri, "plaintext", &text);
        check_dateline_flow(&mut c, &uri, &text, utf8, "2020-10-10");
        assert_eq!(c.shutdown(), Some(0));
    }
}

#[test]
fn neovim_like_client_gets_utf8_positions() {
    for (caps, utf8) in [(nvim_caps(), true), (vscode_caps(), false)] {
        let mut c = client();
        let r = c.initialize(caps, json!({}), None);
        let want = if utf8 { "utf-8" } else { "utf-16" };
        assert_eq!(r["capabilities"]["positionEncoding"], want);
        let dir = tmp();
        let uri = file_uri(&dir.path().join("talks.md"));
        c.open(&uri, "markdown", WEEKDAY);
        let diags = c.diagnostics(&uri, Some(0));
        let d = diags
            .iter()
            .find(|d| d["code"] == "date-weekday-mismatch")
            .unwrap_or_else(|| panic!("{diags:#?}"))
            .clone();
        let start = WEEKDAY.find("Thursday").unwrap_or(0);
        assert_eq!(d["range"]["start"], pos(WEEKDAY, start, utf8));
        assert_eq!(d["range"]["end"], pos(WEEKDAY, start + 8, utf8));
        // UTF-8 and UTF-16 columns differ on this line ("Über", "–").
        assert_ne!(pos(WEEKDAY, start, true), pos(WEEKDAY, start, false));
        // Hover at the same place in the negotiated encoding.
        let h = c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": pos(WEEKDAY, start + 1, utf8)}),
        );
        let md = h["contents"]["value"].as_str().unwrap_or("");
        assert!(md.contains("Friday, March 12, 2032"), "{md}");
        assert!(md.contains("the text says Thursday"), "{md}");
        assert_eq!(h["range"]["start"], pos(WEEKDAY, start, utf8));
        // An edit after the non-ASCII text, in the negotiated encoding: fix the weekday.
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": [
                {"range": {"start": pos(WEEKDAY, start, utf8), "end": pos(WEEKDAY, start + 8, utf8)}, "text": "Friday"}]}),
        );
        let after = c.diagnostics(&uri, Some(1));
        assert!(
            !rules_of(&after).contains(&"date-weekday-mismatch".into()),
            "{after:#?}"
        );
        let text = c.request(
            "workspace/executeCommand",
            json!({"command": "copydesk.debugText", "arguments": [uri]}),
        );
        assert_eq!(
            text.as_str(),
            Some(WEEKDAY.replacen("Thursday", "Friday", 1).as_str())
        );
        // Inlay hint after "yesterday" and "on Saturday", and the outline.
        let hints = c.request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
        );
        let labels: Vec<&str> = hints
            .as_array()
            .map(|h| h.iter().filter_map(|x| x["label"].as_str()).collect())
            .unwrap_or_default();
        assert!(labels.contains(&"2032-03-14"), "{hints:#}");
        let syms = c.request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        );
        assert!(
            syms.as_array().is_some_and(|s| s
                .iter()
                .any(|x| x["name"].as_str().is_some_and(|n| n.contains("Mar. 12")))),
            "{syms:#}"
        );
        assert_eq!(c.shutdown(), Some(0));
    }
}

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Diagnostics of a fresh `copydesk check --format json` as (rule, start, end, message).
fn check_json(path: &Path, text: &str, utf8: bool) -> Vec<(String, Value, Value, String)> {
    let out = std::process::Command::new(BIN)
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .expect("run check");
    let v: Value = serde_json::from_slice(&out.stdout).expect("check json");
    let mut got: Vec<_> = v["files"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|f| {
            let s = f["start_byte"].as_u64().unwrap_or(0) as usize;
            let e = f["end_byte"].as_u64().unwrap_or(0) as usize;
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                pos(text, s, utf8),
                pos(text, e, utf8),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    got.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    got
}

fn torture(utf8: bool, edits: usize, seed: u64) {
    let mut c = client();
    let caps = if utf8 { nvim_caps() } else { vscode_caps() };
    c.initialize(caps, json!({"debounceMs": 50}), None);
    let dir = tmp();
    let path: PathBuf = dir.path().join("torture.md");
    let uri = file_uri(&path);
    let mut text = format!(
        "{WEEKDAY}\n{}",
        DATELINE.replacen(" date 2016-03-02 ", "", 1)
    );
    c.open(&uri, "markdown", &text);
    let protect = text.find('\n').unwrap_or(0) + 1; // keep the dateline intact
    let pieces = [
        "a",
        "e",
        " ",
        "\n",
        "é",
        "Ü",
        "–",
        "😀",
        "\r\n",
        "Thursday",
        " on Friday",
        ", Mar. 12, ",
        "yesterday ",
        "2020",
        "42",
        ".",
        "\"",
        "<!-- x -->",
        "日本",
    ];
    let mut rng = Rng(seed);
    let mut version = 0;
    let mut i = 0;
    while i < edits {
        // 1–3 changes per notification, applied in order.
        let n = 1 + rng.below(3);
        let mut changes = Vec::new();
        for _ in 0..n {
            let len = text.len();
            let a = boundary(&text, protect + rng.below(len - protect + 1));
            let del = if len > 6000 {
                rng.below(200)
            } else {
                rng.below(12)
            };
            let b = boundary(&text, a + if rng.below(3) == 0 { 0 } else { del }).max(a);
            let ins = if rng.below(4) == 0 {
                String::new()
            } else {
                (0..1 + rng.below(3))
                    .map(|_| pieces[rng.below(pieces.len())])
                    .collect()
            };
            changes.push(json!({"range": {"start": pos(&text, a, utf8), "end": pos(&text, b, utf8)}, "text": ins}));
            text.replace_range(a..b, &ins);
            i += 1;
        }
        version += 1;
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }
    let server = c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.debugText", "arguments": [uri]}),
    );
    assert_eq!(
        server.as_str(),
        Some(text.as_str()),
        "the server's text differs"
    );
    let diags = c.diagnostics(&uri, Some(version));
    // Earlier publishes came in version order; nothing stale arrives after the newest one.
    let earlier: Vec<i64> = c
        .pending
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(earlier.windows(2).all(|w| w[0] < w[1]), "{earlier:?}");
    c.pending
        .retain(|m| m["method"] != "textDocument/publishDiagnostics");
    std::thread::sleep(Duration::from_millis(200));
    let _ = c.wait_for(Duration::from_millis(10), |_| false);
    let late: Vec<String> = c
        .pending
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .filter(|m| m["params"]["version"] != json!(version))
        .map(|m| {
            format!(
                "version {} ({} diagnostics)",
                m["params"]["version"],
                m["params"]["diagnostics"].as_array().map_or(0, Vec::len)
            )
        })
        .collect();
    assert!(
        late.is_empty(),
        "a stale publish arrived after the newest version {version}: {late:?}"
    );
    let mut got: Vec<_> = diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["range"]["start"].clone(),
                d["range"]["end"].clone(),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    got.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    std::fs::write(&path, &text).expect("write final text");
    assert_eq!(got, check_json(&path, &text, utf8));
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn torture_5000_random_edits_utf16() {
    torture(false, 5000, 0x9E37_79B9_7F4A_7C15);
}

#[test]
fn torture_2000_random_edits_utf8() {
    torture(true, 2000, 0xD1B5_4A32_D192_ED03);
}

#[test]
fn workspace_commands_progress_and_non_articles() {
    let dir = tmp();
    let root = dir.path();
    std::fs::write(root.join("truce.txt"), DATELINE).expect("write");
    std::fs::write(root.join("talks.md"), WEEKDAY).expect("write");
    std::fs::write(root.join("README.md"), "# Notes\n\nSee you on Thursday.\n").expect("write");
    let mut c = client();
    c.initialize(
        vscode_caps(),
        json!({"rules": {"date-weekday-mismatch": "off"}}),
        Some(&file_uri(root)),
    );
    // File watching is registered dynamically and indexing reports progress.
    let reg = c.wait_for(TIMEOUT, |m| m["method"] == "client/registerCapability");
    assert!(
        reg.as_ref().is_some_and(
            |r| r["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles"
        ),
        "{reg:?}"
    );
    let done = c.wait_for(TIMEOUT, |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
    });
    assert!(done.is_some(), "no end of indexing progress");
    // A README gets an empty list.
    let readme = file_uri(&root.join("README.md"));
    c.open(&readme, "markdown", "# Notes\n\nSee you on Thursday.\n");
    assert!(c.diagnostics(&readme, Some(0)).is_empty());
    // The rule turned off in initializationOptions stays off.
    let talks = file_uri(&root.join("talks.md"));
    c.open(&talks, "markdown", WEEKDAY);
    assert!(!rules_of(&c.diagnostics(&talks, Some(0))).contains(&"date-weekday-mismatch".into()));
    let r = c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.checkWorkspace", "arguments": []}),
    );
    assert_eq!(r["articles"], 2, "{r}");
    let end = c.wait_for(TIMEOUT, |m| {
        m["method"] == "$/progress"
            && m["params"]["value"]["kind"] == "end"
            && m["params"]["value"]["message"]
                .as_str()
                .is_some_and(|s| s.starts_with("2 articles"))
    });
    assert!(end.is_some(), "no end of the checkWorkspace progress");
    assert!(r["findings"].as_u64().is_some_and(|n| n >= 1), "{r}");
    let truce = file_uri(&root.join("truce.txt"));
    let d = c.diagnostics(&truce, None);
    assert!(rules_of(&d).contains(&"date-dateline-mismatch".into()));
    // showComparisons returns the hover Markdown (or null).
    let at = WEEKDAY.find("Mar. 12").unwrap_or(0);
    let md = c.request("workspace/executeCommand", json!({"command": "copydesk.showComparisons", "arguments": [talks, pos(WEEKDAY, at, false)]}));
    assert!(
        md.as_str().is_some_and(|m| m.contains("March 12, 2032")),
        "{md}"
    );
    let none = c.request("workspace/executeCommand", json!({"command": "copydesk.showComparisons", "arguments": [talks, {"line": 0, "character": 1}]}));
    assert!(none.is_null());
    // Settings change: turn the rule back on.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"date-weekday-mismatch": "error"}}}}),
    );
    let d = c.wait_for(TIMEOUT, |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == talks
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|a| a.iter().any(|d| d["code"] == "date-weekday-mismatch"))
    });
    assert!(
        d.is_some_and(|d| d["params"]["diagnostics"].as_array().is_some_and(|a| a
            .iter()
            .any(|x| x["code"] == "date-weekday-mismatch" && x["severity"] == 1)))
    );
    // A source deleted under the server: the open documents are refreshed, nothing breaks.
    std::fs::remove_file(root.join("truce.txt")).expect("rm");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": truce, "type": 3}]}),
    );
    let _ = c.diagnostics(&talks, None);
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn robust_against_bad_positions_odd_text_and_large_files() {
    let mut c = client();
    c.initialize(
        vscode_caps(),
        json!({"maxFileBytes": 100000, "diagnostics": "both"}),
        None,
    );
    let dir = tmp();
    let uri = file_uri(&dir.path().join("odd.md"));
    let odd = "\u{feff} date 2020-13-45 \u{0}\u{1}😀\r\n\r\n---\n---\n<!--\n date 2020-10-10\n\u{2028}on Thursday\r";
    c.open(&uri, "markdown", odd);
    let _ = c.diagnostics(&uri, Some(0));
    for p in [
        json!({"line": 0, "character": 99999}),
        json!({"line": 99999, "character": 3}),
        json!({"line": 0, "character": 2}),
    ] {
        let h = c.request_async(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": p}),
        );
        assert!(c.response(h).get("error").is_none());
        let a = c.request_async("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": {"start": p, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}));
        assert!(c.response(a).get("error").is_none());
    }
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": [
        {"range": {"start": {"line": 500, "character": 0}, "end": {"line": 0, "character": 9999}}, "text": "x"}]}));
    let _ = c.diagnostics(&uri, Some(1));
    // Requests for documents that are not open.
    let h = c.request_async("textDocument/hover", json!({"textDocument": {"uri": "file:///nope.md"}, "position": {"line": 0, "character": 0}}));
    assert!(c.response(h).get("error").is_none());
    // Pull diagnostics answer too.
    let p = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(p["kind"], "full");
    // Over the size limit: a message and one info diagnostic, not silence.
    let big = format!(
        " date 2020-10-10 {}",
        "The talks ended on Thursday. ".repeat(5000)
    );
    let big_uri = file_uri(&dir.path().join("big.md"));
    c.open(&big_uri, "markdown", &big);
    let d = c.diagnostics(&big_uri, Some(0));
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["severity"], 3);
    assert!(c
        .wait_for(TIMEOUT, |m| m["method"] == "window/showMessage")
        .is_some());
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn log_file_is_written() {
    let dir = tmp();
    let log = dir.path().join("lsp.log");
    let mut c = Client::spawn(Path::new(BIN), &["--log-file", log.to_str().unwrap_or("")]);
    c.initialize(vscode_caps(), json!({}), None);
    let _ = c.wait_for(Duration::from_secs(5), |m| {
        m["method"] == "window/logMessage"
    });
    assert_eq!(c.shutdown(), Some(0));
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(text.contains("ready"), "{text}");
}

#[test]
// the server's test panic exists in debug builds only
#[cfg_attr(not(debug_assertions), ignore)]
fn a_panic_in_the_analysis_is_an_error_not_an_exit() {
    let mut c = Client::spawn_env(Path::new(BIN), &[], &[("COPYDESK_LSP_TEST_PANIC", "1")]);
    c.initialize(vscode_caps(), json!({"debounceMs": 0}), None);
    let dir = tmp();
    let uri = file_uri(&dir.path().join("boom.md"));
    let boom = format!("{WEEKDAY}copydesk-test-panic\n");
    c.open(&uri, "markdown", &boom);
    let h = c.request_async(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}),
    );
    let r = c.response(h);
    assert!(r.get("error").is_some(), "{r}");
    let logged = c.wait_for(TIMEOUT, |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("panicked"))
    });
    assert!(logged.is_some());
    // The server lives on: remove the marker and the diagnostics come.
    let at = boom.find("copydesk-test-panic").unwrap_or(0);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": [
            {"range": {"start": pos(&boom, at, false), "end": pos(&boom, at + 19, false)}, "text": ""}]}),
    );
    assert!(rules_of(&c.diagnostics(&uri, Some(1))).contains(&"date-weekday-mismatch".into()));
    // A panic in a request handler (debug builds only) is an error response too.
    let id = c.request_async(
        "workspace/executeCommand",
        json!({"command": "copydesk.debugPanic", "arguments": []}),
    );
    assert!(c.response(id).get("error").is_some());
    let text = c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.debugText", "arguments": [uri]}),
    );
    assert!(text.is_string());
    assert_eq!(c.shutdown(), Some(0));
}

/// The server's exit code, waiting for it to stop (None when it is killed by a signal).
fn exit_code(c: &mut Client) -> Option<i32> {
    let deadline = std::time::Instant::now() + TIMEOUT;
    loop {
        if let Ok(Some(st)) = c.child.try_wait() {
            return st.code();
        }
        assert!(std::time::Instant::now() < deadline, "no exit");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn exit_without_shutdown_is_code_1_and_eof_ends_the_server() {
    let mut c = client();
    c.initialize(vscode_caps(), json!({}), None);
    c.notify("exit", Value::Null);
    assert_eq!(exit_code(&mut c), Some(1));
}

#[test]
fn exit_right_after_shutdown_is_code_0() {
    // a client that does not wait for the answer to `shutdown` before `exit`
    let mut c = client();
    c.initialize(vscode_caps(), json!({}), None);
    let _ = c.request_async("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(exit_code(&mut c), Some(0));
}

#[test]
fn copydesk_toml_applies_and_client_settings_override_it() {
    let dir = tmp();
    let root = dir.path();
    std::fs::write(
        root.join(".copydesk.toml"),
        "inlay-hints = false\n[rules]\ndate-weekday-mismatch = \"off\"\n",
    )
    .expect("write config");
    let talks = file_uri(&root.join("talks.md"));
    // The file alone: the rule is off, and so are inlay hints.
    let mut c = client();
    c.initialize(vscode_caps(), json!({}), Some(&file_uri(root)));
    c.open(&talks, "markdown", WEEKDAY);
    assert!(!rules_of(&c.diagnostics(&talks, Some(0))).contains(&"date-weekday-mismatch".into()));
    let hints = c.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": talks}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
    );
    assert_eq!(hints, json!([]));
    assert_eq!(c.shutdown(), Some(0));
    // Client settings win over the file.
    let mut c = client();
    c.initialize(
        vscode_caps(),
        json!({"settings": {"copydesk": {"rules": {"date-weekday-mismatch": "hint"}, "inlayHints": true}}}),
        Some(&file_uri(root)),
    );
    c.open(&talks, "markdown", WEEKDAY);
    let d = c.diagnostics(&talks, Some(0));
    let w = d.iter().find(|d| d["code"] == "date-weekday-mismatch");
    assert!(w.is_some_and(|w| w["severity"] == 4), "{d:#?}");
    assert_eq!(c.shutdown(), Some(0));
    // A broken file: said once, and the defaults apply.
    std::fs::write(
        root.join(".copydesk.toml"),
        "[rules]\nno-such-rule = \"off\"\n",
    )
    .expect("write");
    let mut c = client();
    c.initialize(vscode_caps(), json!({}), Some(&file_uri(root)));
    c.open(&talks, "markdown", WEEKDAY);
    assert!(rules_of(&c.diagnostics(&talks, Some(0))).contains(&"date-weekday-mismatch".into()));
    let shown = c.wait_for(TIMEOUT, |m| {
        m["method"] == "window/showMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("no-such-rule"))
    });
    assert!(shown.is_some());
    // The file is fixed without any watcher notification: the next analysis reads it.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(
        root.join(".copydesk.toml"),
        "[rules]\ndate-weekday-mismatch = \"off\"\n",
    )
    .expect("write");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": talks, "version": 1}, "contentChanges": [
            {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "So "}]}),
    );
    assert!(!rules_of(&c.diagnostics(&talks, Some(1))).contains(&"date-weekday-mismatch".into()));
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn pull_diagnostics_mode() {
    let mut c = client();
    let r = c.initialize(vscode_caps(), json!({"diagnostics": "pull"}), None);
    assert_eq!(
        r["capabilities"]["diagnosticProvider"]["identifier"],
        "copydesk"
    );
    let dir = tmp();
    let uri = file_uri(&dir.path().join("talks.md"));
    c.open(&uri, "markdown", WEEKDAY);
    let rep = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(rep["kind"], "full");
    let items = rep["items"].as_array().cloned().unwrap_or_default();
    assert!(
        rules_of(&items).contains(&"date-weekday-mismatch".into()),
        "{rep:#}"
    );
    // Nothing is pushed in pull mode.
    let pushed = c.wait_for(Duration::from_millis(400), |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    assert!(pushed.is_none(), "{pushed:?}");
    assert_eq!(c.shutdown(), Some(0));
}

/// The end-of-indexing progress message of a server started on `root` with its index cache in
/// `cache`.
fn indexing_message(root: &Path, cache: &Path) -> String {
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
    let _ = c.shutdown();
    done.and_then(|d| d["params"]["value"]["message"].as_str().map(String::from))
        .unwrap_or_default()
}

#[test]
fn reopening_a_workspace_takes_unchanged_articles_from_the_cache() {
    let dir = tmp();
    let root = dir.path().join("desk");
    std::fs::create_dir_all(&root).expect("folder");
    std::fs::write(root.join("truce.txt"), DATELINE).expect("write");
    std::fs::write(root.join("talks.md"), WEEKDAY).expect("write");
    let cache = dir.path().join("cache");
    let first = indexing_message(&root, &cache);
    assert_eq!(first, "Indexed 2 sources (0 unchanged, from the cache)");
    assert!(cache.join("copydesk").join("index.sqlite").is_file());
    let second = indexing_message(&root, &cache);
    assert_eq!(second, "Indexed 2 sources (2 unchanged, from the cache)");
    // a changed file is read again
    std::fs::write(
        root.join("talks.md"),
        format!("{WEEKDAY}\nMore talks are planned.\n"),
    )
    .expect("write");
    let third = indexing_message(&root, &cache);
    assert_eq!(third, "Indexed 2 sources (1 unchanged, from the cache)");
}

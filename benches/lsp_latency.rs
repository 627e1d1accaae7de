//! Language-server latency and memory (not a timed test): `cargo bench --bench lsp_latency`.
//!
//! Spawns `copydesk lsp` with the debounce set to 0, opens a generated 10,000-word article, and
//! measures didChange→publishDiagnostics latency, hover latency and the idle RSS of the server.

#[path = "../tests/common/mod.rs"]
mod common;

use common::{pos, vscode_caps, Client};
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// A deterministic article of about `words` words with dates, weekdays and figures.
fn article(words: usize) -> String {
    let mut r = Rng(0x5EED_1234_ABCD_0001);
    let subjects = [
        "The ministers",
        "Officials in Baku",
        "Armenian Foreign Minister Zohrab Mnatsakanyan",
        "The defence ministry",
        "Residents of Stepanakert",
        "Negotiators",
    ];
    let verbs = [
        "said",
        "reported",
        "announced",
        "confirmed",
        "denied",
        "wrote",
    ];
    let times = [
        "on Thursday",
        "on Saturday, Oct. 10",
        "yesterday",
        "two days ago",
        "since September 27",
        "on Oct. 9",
        "last week",
        "on Friday, October 9, 2020",
        "at noon local time",
        "on Thursday, Oct. 10",
    ];
    let objects = [
        "that more than 400 people had been killed",
        "that 30 soldiers were injured",
        "a cease-fire that came into force",
        "that talks would resume",
        "that 1,200 residents had fled",
    ];
    let mut out = String::from(" date 2020-10-12 ");
    let mut n = 3;
    while n < words {
        let s = format!(
            "{} {} {} {}. ",
            r.pick(&subjects),
            r.pick(&verbs),
            r.pick(&times),
            r.pick(&objects)
        );
        n += s.split_whitespace().count();
        out.push_str(&s);
        if r.next() % 5 == 0 {
            out.push_str("\n\n");
        }
    }
    out.push('\n');
    out
}

fn pct(xs: &mut [f64], p: f64) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    let i = ((xs.len() as f64 - 1.0) * p).round() as usize;
    xs[i.min(xs.len() - 1)]
}

fn rss_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn status_kb(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

/// A 20 MB article: open, 20 rapid edits, a hover in the middle, the final diagnostics.
fn big_file() {
    let mb: usize = std::env::var("BIG_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    if mb == 0 {
        return;
    }
    let mut text = article(mb * 1_000_000 / 6);
    let mut c = Client::spawn(Path::new(BIN), &[]);
    let pid = c.child.id();
    c.initialize(vscode_caps(), json!({"debounceMs": 0}), None);
    let uri = "file:///bench/big.md";
    let t = Instant::now();
    c.open(uri, "markdown", &text);
    let d = c.diagnostics(uri, Some(0));
    println!(
        "{:.1} MB article: open → diagnostics {:.2} s ({} diagnostics); RSS {} kB",
        text.len() as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        d.len(),
        status_kb(pid, "VmRSS:")
    );
    if let Ok(p) = std::env::var("BIG_DUMP") {
        let _ = std::fs::write(p, &text);
    }
    let t = Instant::now();
    for v in 1..=20 {
        let at = text.len() / 2 + v * 10;
        let mut at = at;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [
                {"range": {"start": pos(&text, at, false), "end": pos(&text, at, false)}, "text": "é"}]}),
        );
        text.insert(at, 'é');
    }
    let th = Instant::now();
    let _ = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 20}}),
    );
    let hover = th.elapsed().as_secs_f64();
    let _ = c.diagnostics(uri, Some(20));
    println!(
        "  20 rapid edits → final diagnostics {:.2} s; a hover during them {:.2} s; RSS {} kB (peak {} kB)",
        t.elapsed().as_secs_f64(),
        hover,
        status_kb(pid, "VmRSS:"),
        status_kb(pid, "VmHWM:")
    );
    let _ = c.shutdown();
}

fn main() {
    let edits: usize = std::env::var("EDITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    let hovers: usize = std::env::var("HOVERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let mut text = article(10_000);
    println!(
        "article: {} words, {} bytes",
        text.split_whitespace().count(),
        text.len()
    );
    let mut c = Client::spawn(Path::new(BIN), &[]);
    let pid = c.child.id();
    c.initialize(vscode_caps(), json!({"debounceMs": 0}), None);
    let uri = "file:///bench/article.md";
    let t = Instant::now();
    c.open(uri, "markdown", &text);
    let d = c.diagnostics(uri, Some(0));
    println!(
        "open → first diagnostics: {:.2} ms ({} diagnostics)",
        t.elapsed().as_secs_f64() * 1e3,
        d.len()
    );
    std::thread::sleep(Duration::from_millis(1500));
    let idle = rss_kb(pid);

    // didChange → publishDiagnostics, one edit at a time (insert then delete a word mid-text).
    let mut r = Rng(42);
    let mut lat = Vec::new();
    for v in 1..=edits {
        let at = (r.next() as usize % (text.len() - 20)) + 17;
        let mut at = at;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let (range, ins) = if v % 2 == 1 {
            (
                json!({"start": pos(&text, at, false), "end": pos(&text, at, false)}),
                "Thursday ",
            )
        } else {
            let i = text.find("Thursday ").unwrap_or(0);
            at = i;
            (
                json!({"start": pos(&text, i, false), "end": pos(&text, i + 9, false)}),
                "",
            )
        };
        let end = if ins.is_empty() { at + 9 } else { at };
        let t = Instant::now();
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"range": range, "text": ins}]}));
        let _ = c.diagnostics(uri, Some(v as i64));
        lat.push(t.elapsed().as_secs_f64() * 1e3);
        text.replace_range(at..end, ins);
        c.pending.clear();
    }
    let server = c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.debugText", "arguments": [uri]}),
    );
    assert_eq!(server.as_str(), Some(text.as_str()), "server text diverged");

    // Hover on dates all over the article.
    let spots: Vec<usize> = text.match_indices("Oct. ").map(|(i, _)| i + 1).collect();
    let mut hl = Vec::new();
    for k in 0..hovers {
        let at = spots[k * 7919 % spots.len()];
        let t = Instant::now();
        let h = c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": pos(&text, at, false)}),
        );
        hl.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(!h.is_null());
    }
    std::thread::sleep(Duration::from_millis(1500));
    let after = rss_kb(pid);
    println!("didChange → publishDiagnostics ({edits} edits, debounce 0): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms", pct(&mut lat, 0.5), pct(&mut lat, 0.99), pct(&mut lat, 1.0));
    println!(
        "hover ({hovers} requests, no sources indexed): p50 {:.3} ms, p99 {:.3} ms",
        pct(&mut hl, 0.5),
        pct(&mut hl, 0.99)
    );
    println!(
        "idle RSS, one article open: {} kB after open, {} kB after the run",
        idle.unwrap_or(0),
        after.unwrap_or(0)
    );
    let _ = c.shutdown();

    big_file();

    // Hover with many sources indexed (the dates index; figures/names arrive with the sources
    // index of another issue).
    let sources: usize = std::env::var("SOURCES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    if sources == 0 {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..sources {
        let body = article(60 + i % 80);
        let day = 1 + i % 28;
        let body = body.replacen("2020-10-12", &format!("2020-10-{day:02}"), 1);
        std::fs::write(dir.path().join(format!("src{i:05}.md")), body).expect("write source");
    }
    let mut c = Client::spawn(Path::new(BIN), &[]);
    let pid = c.child.id();
    let t = Instant::now();
    c.initialize(
        vscode_caps(),
        json!({"debounceMs": 0}),
        Some(&common::file_uri(dir.path())),
    );
    let done = c.wait_for(Duration::from_secs(600), |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
    });
    println!(
        "indexed {sources} sources in {:.2} s ({})",
        t.elapsed().as_secs_f64(),
        done.map(|d| d["params"]["value"]["message"].to_string())
            .unwrap_or_default()
    );
    c.pending.clear();
    c.open(uri, "markdown", &text);
    let _ = c.diagnostics(uri, Some(0));
    let mut hl = Vec::new();
    let mut listed = 0;
    for k in 0..hovers {
        let at = spots[k * 7919 % spots.len()];
        let t = Instant::now();
        let h = c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": pos(&text, at, false)}),
        );
        hl.push(t.elapsed().as_secs_f64() * 1e3);
        if h["contents"]["value"]
            .as_str()
            .is_some_and(|m| m.contains("Same day in other sources"))
        {
            listed += 1;
        }
    }
    println!(
        "hover ({hovers} requests, {sources} sources indexed, {listed} listing other sources): p50 {:.3} ms, p99 {:.3} ms",
        pct(&mut hl, 0.5),
        pct(&mut hl, 0.99)
    );
    println!(
        "RSS with {sources} sources indexed: {} kB",
        rss_kb(pid).unwrap_or(0)
    );
    let _ = c.shutdown();
}

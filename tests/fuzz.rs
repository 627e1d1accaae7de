//! Issue #19: fuzzing without nightly. A deterministic generator (xorshift, fixed seeds: the
//! same inputs on every run, so a failure reproduces exactly; no extra crate to fetch) mutates
//! texts — the corpus in ../shared/corpus when present, else the test's own sentences — and
//! feeds them to `Analysis::new`; random frames go through the language server's framing
//! layer and into the real server. A panic saves its input under `target/fuzz-crashes/`.
//!
//! The budget is `COPYDESK_FUZZ_SECS` seconds per target (default 3; `.ci/run` sets more).

mod common;

use copydesk::lsp::transport::{judge, Frame, FrameReader};
use copydesk::Analysis;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn budget() -> Duration {
    let secs = std::env::var("COPYDESK_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(3);
    Duration::from_secs(secs)
}

/// Pieces that the analysis gives meaning to.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "`",
    "```\n",
    "---\n",
    "\n\n",
    "\n",
    ".",
    ". ",
    "!",
    "?",
    ",",
    ";",
    ":",
    "—",
    "–",
    "-",
    "%",
    "$",
    "€",
    "£",
    "1",
    "12",
    "999",
    "1,000",
    "3.5",
    "0",
    "2020",
    "-5",
    "1e9",
    "99999999999999999999",
    " ago",
    " weeks",
    " days",
    " later",
    " earlier",
    " last ",
    " next ",
    "Monday",
    "Thursday",
    "March",
    "Oct.",
    "Sept. 31",
    "February 30",
    " said",
    " according to ",
    " told ",
    "officials",
    "Mr.",
    "Dr.",
    "U.S.",
    "million",
    "billion",
    "half",
    "dozens",
    "hundreds",
    "<!-- copydesk-disable-next-line -->",
    "<b>",
    "</b>",
    "# ",
    "* ",
    "1. ",
    "> ",
    "é",
    "😀",
    "\u{200B}",
    "\u{202E}",
    "\r",
    "\t",
    "\u{1b}[2J",
    "date: ",
    "outlet: ",
    " date 2020-10-12 ",
    "BERLIN (Newswire) - ",
];

const OWN_SEEDS: &[&str] = &[
    "---\ndate: 2023-05-02\noutlet: Harbour Ledger\n---\n\nThe ferry service resumed on Monday after a three-week pause, the port authority said. About 1,200 passengers crossed on the first day.\n\n\"We expected fewer,\" a deckhand told reporters.\n",
    "LAKESIDE, April 4, 2019 — Two schools closed for 10 days last month after a boiler failed, according to the district. Repairs cost $45,000.\n",
    "The count rose to 17 by Thursday. Officials gave no source for the earlier figure of 12.\n",
];

fn corpus_seeds() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    if t.len() < 200_000 {
                        out.push(t);
                    }
                }
            }
        }
    }
    out.sort();
    out
}

fn boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One mutation of `s`: insert tokens, delete, duplicate a range, or splice in another seed.
fn mutate(r: &mut Rng, s: &str, seeds: &[String]) -> String {
    let mut t = s.to_string();
    for _ in 0..1 + r.below(8) {
        let at = boundary(&t, r.below(t.len() + 1));
        match r.below(5) {
            0 | 1 => {
                let cap = if r.below(10) == 0 { 2000 } else { 6 };
                let n = 1 + r.below(cap);
                let tok = TOKENS[r.below(TOKENS.len())];
                let ins: String = if r.below(2) == 0 {
                    tok.repeat(n)
                } else {
                    (0..n).map(|_| TOKENS[r.below(TOKENS.len())]).collect()
                };
                t.insert_str(at, &ins);
            }
            2 => {
                let end = boundary(&t, at + r.below(200));
                t.replace_range(at..end, "");
            }
            3 => {
                let end = boundary(&t, at + r.below(300));
                let piece = t[at..end].to_string();
                t.insert_str(at, &piece.repeat(1 + r.below(20)));
            }
            _ => {
                let other = &seeds[r.below(seeds.len())];
                let a = boundary(other, r.below(other.len() + 1));
                let b = boundary(other, a + r.below(500));
                t.insert_str(at, &other[a..b]);
            }
        }
    }
    t
}

fn save_crash(kind: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
    let _ = std::fs::create_dir_all(&dir);
    let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    });
    let p = dir.join(format!("{kind}-{h:016x}"));
    let _ = std::fs::write(&p, bytes);
    p
}

#[test]
fn fuzz_analysis_on_mutated_texts() {
    let mut seeds = corpus_seeds();
    let from_corpus = seeds.len();
    seeds.extend(OWN_SEEDS.iter().map(|s| s.to_string()));
    let mut r = Rng(0x2545_f491_4f6c_dd1d);
    let end = Instant::now() + budget();
    let mut runs = 0;
    while Instant::now() < end {
        let base = seeds[r.below(seeds.len())].clone();
        let text = mutate(&mut r, &base, &seeds);
        let got = std::panic::catch_unwind(|| {
            let a = Analysis::new(&text);
            std::hint::black_box(a.claims.len() + a.dates.len());
        });
        if got.is_err() {
            let p = save_crash("analysis", text.as_bytes());
            panic!("Analysis::new panicked; input saved to {}", p.display());
        }
        runs += 1;
    }
    eprintln!("fuzz analysis: {runs} inputs ({from_corpus} corpus seeds)");
    assert!(runs > 0);
}

fn random_frames(r: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..1 + r.below(6) {
        let body: Vec<u8> = match r.below(7) {
            0 => br#"{"jsonrpc":"2.0","method":"x","params":{"t":"\ud83d"}}"#.to_vec(),
            1 => b"[1,2,3]".to_vec(),
            2 => {
                let n = r.below(64);
                (0..n).map(|_| (r.next() & 0xff) as u8).collect()
            }
            3 => br#"{"jsonrpc":"2.0","id":999999,"result":null}"#.to_vec(),
            4 => {
                let id = 1_000_000 + r.below(9);
                format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"$/cancelRequest"}}"#).into_bytes()
            }
            5 => br#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nope.md","version":1},"contentChanges":[{"text":"\udc00x"}]}}"#.to_vec(),
            _ => b"{\"a\":".repeat(1 + r.below(50)),
        };
        let len = match r.below(6) {
            0 => "x".to_string(),
            1 => "99999999999999999999999".to_string(),
            2 => (body.len() + r.below(5)).to_string(),
            3 => body.len().saturating_sub(r.below(5)).to_string(),
            _ => body.len().to_string(),
        };
        if r.below(8) == 0 {
            out.extend_from_slice(b"garbage\r\n");
        }
        out.extend_from_slice(format!("Content-Length: {len}\r\n\r\n").as_bytes());
        out.extend_from_slice(&body);
    }
    out
}

#[test]
fn fuzz_framing_layer_with_random_frames() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let end = Instant::now() + budget();
    let mut runs = 0;
    while Instant::now() < end {
        let input = random_frames(&mut r);
        let ok = std::panic::catch_unwind(|| {
            rt.block_on(async {
                let mut fr = FrameReader::new(&input[..], 1 << 20);
                let mut n = 0;
                while let Some(f) = fr.next().await {
                    if let Frame::Body(b) = f {
                        let _ = judge(b);
                    }
                    n += 1;
                    assert!(n <= input.len() + 1, "no progress");
                }
            })
        });
        if ok.is_err() {
            let p = save_crash("frames", &input);
            panic!("the framing layer panicked; input saved to {}", p.display());
        }
        runs += 1;
    }
    eprintln!("fuzz frames: {runs} inputs");
}

#[test]
fn fuzz_the_real_server_with_random_frames() {
    let mut c = common::Client::spawn(Path::new(env!("CARGO_BIN_EXE_copydesk")), &[]);
    c.initialize(common::vscode_caps(), serde_json::json!({}), None);
    let mut r = Rng(0x1234_5678_9abc_def1);
    let end = Instant::now() + budget().min(Duration::from_secs(30));
    while Instant::now() < end {
        c.send_raw(&random_frames(&mut r));
        // a frame whose length was too short or too long can swallow the next header: a
        // well-formed request after a blank separator resynchronises
        c.send_raw(b"\r\n\r\n");
        std::thread::sleep(Duration::from_millis(5));
        c.pending.clear();
    }
    // the server still answers, and exits cleanly
    c.send_raw(b"Content-Length: 2\r\n\r\n{}");
    assert_eq!(c.shutdown(), Some(0));
}

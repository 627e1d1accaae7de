//! Date rules on real coverage: ../shared/seeds and ../shared/corpus (skipped when absent).
//!
//! Precision first: every `date-` warning must be a gold date issue (gold.json `date_issues`),
//! and the seeds must behave as specified. Prints precision and recall against the gold.

use copydesk::analysis::Analysis;
use copydesk::config::Config;
use copydesk::rules::{self, Severity};
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    d.is_dir().then_some(d)
}

fn date_findings(path: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let a = Analysis::new(&text);
    rules::run(&a, &Config::default())
        .into_iter()
        .filter(|f| f.rule.starts_with("date-") && f.severity >= Severity::Info)
        .map(|f| (f.rule.to_string(), f.span.slice(&text).to_string()))
        .collect()
}

#[test]
fn seeds_behave_as_specified() {
    let Some(s) = shared() else {
        eprintln!("skipped: ../shared not found");
        return;
    };
    let seed0 = s.join("seeds/000_85c950aaef89da52.txt");
    let seed2 = s.join("seeds/002_b02f48862c04265b.txt");
    if !seed0.is_file() || !seed2.is_file() {
        eprintln!("skipped: seeds not found");
        return;
    }
    let text = std::fs::read_to_string(&seed0).unwrap_or_default();
    let a = Analysis::new(&text);
    let f: Vec<_> = rules::run(&a, &Config::default())
        .into_iter()
        .filter(|f| f.rule == "date-dateline-mismatch")
        .collect();
    assert_eq!(f.len(), 1, "seed 000 must have one dateline finding");
    assert!(
        f[0].message.contains("2020"),
        "the message names the year the body fits: {}",
        f[0].message
    );
    let fix = f[0].fix.as_ref().map(|x| x.replacement.as_str());
    assert_eq!(fix, Some("2020-10-10"));
    assert!(
        date_findings(&seed2).is_empty(),
        "seed 002 must have no date- finding: {:?}",
        date_findings(&seed2)
    );
}

#[test]
fn corpus_date_findings_match_gold() {
    let Some(s) = shared() else {
        eprintln!("skipped: ../shared not found");
        return;
    };
    let Ok(raw) = std::fs::read_to_string(s.join("corpus/gold.json")) else {
        eprintln!("skipped: corpus/gold.json not found");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&raw).unwrap_or_default();
    let (mut tp, mut fp, mut gold_n) = (0, 0, 0);
    let mut fps = Vec::new();
    // per event: [tp, fp, gold] (printed for scripts/eval when EVAL_EVENTS is set)
    let mut per_event: std::collections::BTreeMap<String, [usize; 3]> = Default::default();
    for entry in gold.as_array().into_iter().flatten() {
        let file = entry["file"].as_str().unwrap_or("");
        let issues: Vec<&str> = entry["date_issues"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["text"].as_str())
            .collect();
        gold_n += issues.len();
        let ev = per_event
            .entry(file.split('/').next().unwrap_or("").to_string())
            .or_default();
        ev[2] += issues.len();
        for (rule, text) in date_findings(&s.join("corpus").join(file)) {
            if issues
                .iter()
                .any(|g| g.contains(text.as_str()) || text.contains(g))
            {
                tp += 1;
                ev[0] += 1;
            } else {
                fp += 1;
                ev[1] += 1;
                fps.push(format!("{file}: {rule} on '{text}'"));
            }
        }
    }
    if std::env::var_os("EVAL_EVENTS").is_some() {
        for (event, [t, f, g]) in &per_event {
            println!(
                "EVAL_EVENT dates {event} precision {t} {} recall {t} {g}",
                t + f
            );
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if gold_n == 0 {
        1.0
    } else {
        tp as f64 / gold_n as f64
    };
    println!("date rules on ../shared/corpus: precision {precision:.2} ({tp}/{}), recall {recall:.2} ({tp}/{gold_n})", tp + fp);
    // No false date finding on the corpus (the two weekday warnings #16 named are fixed).
    assert!(
        fps.is_empty(),
        "date findings on consistent articles: {fps:#?}"
    );
    assert!(tp >= 1, "the wrong dateline of dw.txt must be found");
    // ratchet: five of the eight real date errors are found (2026-12-04, tenth session)
    assert!(
        tp >= 5 || gold_n < 8,
        "date rules recall fell: {tp} of {gold_n} real date errors found (was 5)"
    );
}

//! Runs Microsoft Recognizers-Text's English date specs (../shared/peer-specs/recognizers-text)
//! through copydesk's date extractor and prints the pass rate. Floor: 85 % of each file.
//!
//! A case passes when every expected result is found with the same text (case aside) and, for
//! the parser file, a value equal to its past or its future resolution. Skipped when ../shared
//! is absent. `PEER_VERBOSE=1` lists the failing cases.

use chrono::NaiveDate;
use copydesk::text::Span;
use copydesk::time::{extract_sentence, Value};
use std::path::PathBuf;

fn spec_dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/peer-specs/recognizers-text");
    d.is_dir().then_some(d)
}

struct Outcome {
    passed: usize,
    total: usize,
    failures: Vec<String>,
}

fn run(file: &str, check_values: bool) -> Option<Outcome> {
    let dir = spec_dir()?;
    let raw = std::fs::read_to_string(dir.join(file)).ok()?;
    let cases: serde_json::Value = serde_json::from_str(&raw).ok()?;
    let cases = cases.as_array()?;
    let mut out = Outcome {
        passed: 0,
        total: 0,
        failures: Vec::new(),
    };
    for case in cases {
        let input = case["Input"].as_str().unwrap_or("");
        let reference = case["Context"]["ReferenceDateTime"]
            .as_str()
            .and_then(|s| s.get(..10))
            .unwrap_or("2016-11-07");
        let published = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
        let mut found = Vec::new();
        extract_sentence(
            input,
            Span::new(0, input.len()),
            None,
            published,
            &mut found,
        );
        let expected = case["Results"].as_array().cloned().unwrap_or_default();
        let ok = if expected.is_empty() {
            found.is_empty()
        } else {
            expected.iter().all(|e| {
                let text = e["Text"].as_str().unwrap_or("");
                found.iter().any(|f| {
                    if !f.span.slice(input).eq_ignore_ascii_case(text) {
                        return false;
                    }
                    if !check_values {
                        return true;
                    }
                    let past = e["Value"]["PastResolution"]["date"].as_str();
                    let future = e["Value"]["FutureResolution"]["date"].as_str();
                    let got = match &f.value {
                        Value::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
                        Value::Unresolved => Some("0001-01-01".to_string()),
                        _ => None,
                    };
                    got.is_some_and(|g| Some(g.as_str()) == past || Some(g.as_str()) == future)
                })
            })
        };
        out.total += 1;
        if ok {
            out.passed += 1;
        } else {
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{:?}={}", f.span.slice(input), f.value.to_json()))
                .collect();
            out.failures.push(format!(
                "{input:?} @ {reference}: expected {:?}, got {got:?}",
                expected
                    .iter()
                    .map(|e| e["Text"].as_str().unwrap_or(""))
                    .collect::<Vec<_>>()
            ));
        }
    }
    Some(out)
}

fn report(file: &str, check_values: bool) {
    let Some(o) = run(file, check_values) else {
        eprintln!("skipped: ../shared/peer-specs/recognizers-text/{file} not found");
        return;
    };
    let rate = 100.0 * o.passed as f64 / o.total.max(1) as f64;
    println!(
        "Recognizers-Text {file}: {}/{} passed ({rate:.1} %)",
        o.passed, o.total
    );
    if std::env::var_os("PEER_VERBOSE").is_some() {
        for f in &o.failures {
            println!("  FAIL {f}");
        }
    }
    assert!(
        rate >= 85.0,
        "{file}: pass rate {rate:.1} % is below the 85 % floor"
    );
}

#[test]
fn date_extractor_spec() {
    report("DateExtractor.json", false);
}

#[test]
fn date_parser_spec() {
    report("DateParser.json", true);
}

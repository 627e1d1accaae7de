//! Runs Microsoft Recognizers-Text's English date specs (../shared/peer-specs/recognizers-text)
//! through copydesk's date extractor and prints the pass rate. Floor: 85 % of each file for the
//! day files; the period and duration files (chat and calendar forms among their news forms)
//! are measured, with a ratchet at the rate they first reached.
//!
//! A case passes when every expected result is found with the same text (case aside) and, for
//! the parser file, a value equal to its past or its future resolution. Skipped when ../shared
//! is absent. `PEER_VERBOSE=1` lists the failing cases.
//!
//! The period and duration files are read through `annotate` (what TempEval-3 scores): a case
//! passes when every expected text is one of its expressions and, for the parsers, its value
//! names the same period as the expected TIMEX or its past or future resolution.

use chrono::{Datelike, NaiveDate};
use copydesk::text::Span;
use copydesk::time::{extract_sentence, Value};
use std::path::PathBuf;

fn spec_dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/peer-specs/recognizers-text");
    d.is_dir().then_some(d)
}

#[derive(Default)]
struct Outcome {
    passed: usize,
    total: usize,
    failures: Vec<String>,
}

impl Outcome {
    /// Counts one case; a failed one keeps the line `failure` writes.
    fn record(&mut self, ok: bool, failure: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.passed += 1;
        } else {
            self.failures.push(failure());
        }
    }
}

/// The cases of one spec file (some start with a byte-order mark).
fn cases(file: &str) -> Option<Vec<serde_json::Value>> {
    let raw = std::fs::read_to_string(spec_dir()?.join(file)).ok()?;
    let cases: serde_json::Value = serde_json::from_str(raw.trim_start_matches('\u{feff}')).ok()?;
    cases.as_array().cloned()
}

/// A case's input and its reference date (the publication date it is read against).
fn input_and_reference(case: &serde_json::Value) -> (&str, Option<NaiveDate>) {
    let input = case["Input"].as_str().unwrap_or("");
    let reference = case["Context"]["ReferenceDateTime"]
        .as_str()
        .and_then(|s| s.get(..10))
        .unwrap_or("2016-11-07");
    (input, NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok())
}

fn run(file: &str, check_values: bool) -> Option<Outcome> {
    let mut out = Outcome::default();
    for case in &cases(file)? {
        let (input, published) = input_and_reference(case);
        let reference = published.map(|d| d.to_string()).unwrap_or_default();
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
        out.record(ok, || {
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{:?}={}", f.span.slice(input), f.value.to_json()))
                .collect();
            let want: Vec<&str> = expected
                .iter()
                .map(|e| e["Text"].as_str().unwrap_or(""))
                .collect();
            format!("{input:?} @ {reference}: expected {want:?}, got {got:?}")
        });
    }
    Some(out)
}

fn report(file: &str, check_values: bool) {
    report_with(file, run(file, check_values), 85.0);
}

/// Prints one file's pass rate (and with `PEER_VERBOSE` its failures); fails below `floor` %.
fn report_with(file: &str, outcome: Option<Outcome>, floor: f64) {
    let Some(o) = outcome else {
        eprintln!("skipped: ../shared/peer-specs/recognizers-text/{file} not found");
        return;
    };
    let rate = 100.0 * o.passed as f64 / o.total.max(1) as f64;
    println!(
        "Recognizers-Text {file}: {}/{} passed ({rate:.1} %), floor {floor} %",
        o.passed, o.total
    );
    if std::env::var_os("PEER_VERBOSE").is_some() {
        for f in &o.failures {
            println!("  FAIL {f}");
        }
    }
    assert!(
        rate >= floor,
        "{file}: pass rate {rate:.1} % is below the {floor} % floor"
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

/// Runs one period or duration file through `annotate`; `check_values` compares the values.
fn run_annotated(file: &str, check_values: bool) -> Option<Outcome> {
    let mut out = Outcome::default();
    for case in &cases(file)? {
        let (input, published) = input_and_reference(case);
        let reference = published.map(|d| d.to_string()).unwrap_or_default();
        let a = copydesk::Analysis::with_published(input, published);
        let doc = copydesk::cli::annotate::document(&a, published);
        let found = doc["dates"].as_array().cloned().unwrap_or_default();
        let expected = case["Results"].as_array().cloned().unwrap_or_default();
        let ok = if expected.is_empty() {
            found.is_empty()
        } else {
            expected.iter().all(|e| {
                let text = e["Text"].as_str().unwrap_or("").trim();
                found.iter().any(|f| {
                    f["text"]
                        .as_str()
                        .is_some_and(|t| t.eq_ignore_ascii_case(text))
                        && (!check_values || same_period(&f["value"], &e["Value"]))
                })
            })
        };
        out.record(ok, || {
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{}={}", f["text"], f["value"]))
                .collect();
            let want: Vec<String> = expected
                .iter()
                .map(|e| format!("{}={}", e["Text"], e["Value"]["Timex"]))
                .collect();
            format!("{input:?} @ {reference}: expected {want:?}, got {got:?}")
        });
    }
    Some(out)
}

/// True when copydesk's annotate value names the period a Recognizers-Text value names: the
/// same TIMEX (a year-less one filled from either resolution), or the same days.
fn same_period(ours: &serde_json::Value, theirs: &serde_json::Value) -> bool {
    let mine = our_forms(ours);
    their_forms(theirs).iter().any(|t| mine.contains(t))
}

/// A value's forms: its TIMEX string and, for a calendar period, its days as `start..end`
/// (end exclusive).
fn our_forms(v: &serde_json::Value) -> Vec<String> {
    if let (Some(a), Some(b)) = (v["start"].as_str(), v["end"].as_str()) {
        let (Some(first), Some(end)) = (day(a), day(b).and_then(|d| d.succ_opt())) else {
            return Vec::new();
        };
        let mut forms = vec![format!("{a}..{end}")];
        forms.extend(folded(first, end));
        return forms;
    }
    let Some(s) = v.as_str() else {
        return Vec::new();
    };
    let mut forms = vec![s.to_string()];
    forms.extend(days_of(s).map(|(a, b)| format!("{a}..{b}")));
    forms
}

/// The TIMEX3 value of the days `first..end` (end exclusive) when they are one whole year,
/// month or Monday-to-Sunday week, as the TempEval-3 scorer folds a span.
fn folded(first: NaiveDate, end: NaiveDate) -> Option<String> {
    let whole = |s: &str| days_of(s) == Some((first, end));
    let year = format!("{:04}", first.year());
    let month = format!("{year}-{:02}", first.month());
    if whole(&year) {
        return Some(year);
    }
    if whole(&month) {
        return Some(month);
    }
    let week = first.iso_week();
    let monday = first.weekday() == chrono::Weekday::Mon;
    (monday && (end - first).num_days() == 7)
        .then(|| format!("{:04}-W{:02}", week.year(), week.week()))
}

/// The days `start..end` (end exclusive) of a TIMEX calendar value: a day, month, year,
/// quarter, half, decade or century.
fn days_of(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    let months = |y: i32, m: u32, n: u32| {
        let a = ymd(y, m)?;
        Some((a, a.checked_add_months(chrono::Months::new(n))?))
    };
    if let Some(d) = day(s) {
        return Some((d, d.succ_opt()?));
    }
    let (y, rest) = s.split_at(s.find('-').unwrap_or(s.len()));
    let y_num: i32 = y.parse().ok()?;
    let rest = rest.trim_start_matches('-');
    match (y.len(), rest) {
        (4, "") => months(y_num, 1, 12),
        (3, "") => Some((ymd(y_num * 10, 1)?, ymd(y_num * 10 + 10, 1)?)),
        (2, "") => Some((ymd(y_num * 100, 1)?, ymd(y_num * 100 + 100, 1)?)),
        (4, q) if q.starts_with('Q') => months(y_num, 3 * q[1..].parse::<u32>().ok()? - 2, 3),
        (4, h) if h.starts_with('H') => months(y_num, 6 * h[1..].parse::<u32>().ok()? - 5, 6),
        (4, m) => months(y_num, m.parse().ok()?, 1),
        _ => None,
    }
}

/// A `YYYY-MM-DD` day.
fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The forms a Recognizers-Text value accepts: its TIMEX (with `XXXX` filled from the past and
/// the future resolution) and each resolution's days, its end taken as exclusive or inclusive.
fn their_forms(v: &serde_json::Value) -> Vec<String> {
    let timex = v["Timex"].as_str().unwrap_or("");
    let mut forms = vec![timex.to_string()];
    for side in ["FutureResolution", "PastResolution"] {
        let r = &v[side];
        let start = r["startDate"].as_str().or(r["date"].as_str()).and_then(day);
        if let Some(a) = start {
            forms.push(timex.replace("XXXX", &format!("{:04}", a.year())));
            let end = r["endDate"].as_str().and_then(day).or(a.succ_opt());
            for e in end
                .into_iter()
                .flat_map(|e| [Some(e), e.succ_opt()])
                .flatten()
            {
                forms.push(format!("{a}..{e}"));
            }
        }
    }
    forms
}

#[test]
fn date_period_extractor_spec() {
    report_with(
        "DatePeriodExtractor.json",
        run_annotated("DatePeriodExtractor.json", false),
        42.0,
    );
}

#[test]
fn date_period_parser_spec() {
    report_with(
        "DatePeriodParser.json",
        run_annotated("DatePeriodParser.json", true),
        26.9,
    );
}

#[test]
fn duration_parser_spec() {
    report_with(
        "DurationParser.json",
        run_annotated("DurationParser.json", true),
        19.6,
    );
}

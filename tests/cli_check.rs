//! `copydesk check` and `copydesk annotate` through the real binary, on the project's own
//! fixtures in examples/ and on generated files.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn rules_in(v: &serde_json::Value) -> Vec<String> {
    let mut r: Vec<String> = v["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["findings"].as_array().cloned().unwrap_or_default())
        .filter_map(|x| x["rule"].as_str().map(String::from))
        .collect();
    r.sort();
    r.dedup();
    r
}

#[test]
fn examples_trigger_every_date_rule_and_the_clean_one_is_clean() {
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(examples())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let rules = rules_in(&v);
    for r in [
        "date-after-publication",
        "date-dateline-mismatch",
        "date-invalid-header",
        "date-no-dateline",
        "date-weekday-mismatch",
    ] {
        assert!(rules.contains(&r.to_string()), "{r} missing from {rules:?}");
    }
    let clean = v["files"].as_array().into_iter().flatten().find(|f| {
        f["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("clean-harbour-reopens.md"))
    });
    assert_eq!(
        clean.map(|f| f["findings"].as_array().map_or(0, Vec::len)),
        Some(0),
        "the clean example has findings: {clean:?}"
    );
}

#[test]
fn json_schema_fields() {
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(examples().join("wrong-weekday.txt"))
        .output()
        .expect("run");
    let v = json(&out);
    assert_eq!(v["version"], 1);
    let f = &v["files"][0];
    assert_eq!(f["published"], "2021-05-20");
    let x = &f["findings"][0];
    assert_eq!(x["rule"], "date-weekday-mismatch");
    assert_eq!(x["severity"], "warning");
    assert_eq!(x["text"], "Wednesday");
    assert_eq!(x["line"], 3);
    assert_eq!(x["column"], 24);
    assert_eq!(x["end_line"], 3);
    assert_eq!(x["end_column"], 33);
    assert_eq!(x["fix"]["replacement"], "Tuesday");
    let (s, e) = (
        x["start_byte"].as_u64().unwrap_or(0),
        x["end_byte"].as_u64().unwrap_or(0),
    );
    assert_eq!(e - s, 9);
    assert!(x["related"].is_array());
}

#[test]
fn human_output_points_at_the_words() {
    let out = bin()
        .args(["check", "--color", "never"])
        .arg(examples().join("wrong-weekday.txt"))
        .output()
        .expect("run");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("warning[date-weekday-mismatch]"), "{s}");
    assert!(s.contains("wrong-weekday.txt:3:24"), "{s}");
    assert!(s.contains("^^^^^^^^^"), "{s}");
    assert!(s.contains("= fix: Change 'Wednesday' to 'Tuesday'"), "{s}");
    assert!(s.contains("1 warning in 1 of 1 article"), "{s}");
}

#[test]
fn exit_codes_and_bad_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clean = dir.path().join("clean.txt");
    std::fs::write(
        &clean,
        " date 2020-10-08 The council met on Thursday, the mayor said.\n",
    )
    .expect("write");
    let out = bin().arg("check").arg(&clean).output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // a hint does not fail by default, but does with --fail-on hint
    let nodate = dir.path().join("nodate.md");
    std::fs::write(
        &nodate,
        "---\noutlet: Test\n---\nThe council met on Thursday.\n",
    )
    .expect("write");
    assert_eq!(
        bin()
            .arg("check")
            .arg(&nodate)
            .output()
            .expect("run")
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        bin()
            .args(["check", "--fail-on", "hint"])
            .arg(&nodate)
            .output()
            .expect("run")
            .status
            .code(),
        Some(1)
    );

    // missing path: explained, exit 2, other files still checked
    let out = bin()
        .arg("check")
        .arg(dir.path().join("missing.txt"))
        .arg(&clean)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));

    // binary and non-UTF-8 files get a one-line explanation, never a crash
    let bin_file = dir.path().join("image.txt");
    std::fs::write(&bin_file, [0u8, 159, 146, 150, 0, 1]).expect("write");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b" date 2020-10-08 Caf\xe9 opens.\n").expect("write");
    let out = bin()
        .arg("check")
        .arg(&bin_file)
        .arg(&latin1)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("binary"), "{err}");
    assert!(err.contains("not UTF-8"), "{err}");

    // a folder walk skips them with a note and still checks the rest
    let out = bin().arg("check").arg(dir.path()).output().expect("run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));

    // an empty folder is explained
    let empty = tempfile::tempdir().expect("tempdir");
    let out = bin().arg("check").arg(empty.path()).output().expect("run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles"));

    // usage errors
    assert_eq!(
        bin()
            .args(["check", "--fail-on", "loud"])
            .arg(&clean)
            .output()
            .expect("run")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["check", "--format", "yaml"])
            .arg(&clean)
            .output()
            .expect("run")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn standard_input() {
    use std::io::Write;
    let mut child = bin()
        .args(["check", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(
                b" date 2031-03-17 The fair ended on Thursday, Mar. 14, 2031, in Montevideo.\n",
            )
            .expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    let v = json(&out);
    assert_eq!(v["files"][0]["path"], "<stdin>");
    assert_eq!(rules_in(&v), ["date-weekday-mismatch"]);
}

#[test]
fn annotate_prints_dates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("a.txt");
    std::fs::write(
        &f,
        "Ostrenko on Thursday urged talks. Since September 27, fighting has raged.",
    )
    .expect("write");
    let out = bin()
        .args(["annotate", "--published", "2020-10-08", "--format", "json"])
        .arg(&f)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let dates = v["dates"].as_array().cloned().unwrap_or_default();
    assert_eq!(dates.len(), 2);
    assert_eq!(dates[0]["text"], "Thursday");
    assert_eq!(dates[0]["kind"], "weekday");
    assert_eq!(dates[0]["value"], "2020-10-08");
    assert_eq!(dates[0]["resolution"], "past");
    // TIMEX3's extent: "since" is the signal, not part of the date; the value is the stretch
    assert_eq!(dates[1]["text"], "September 27");
    assert_eq!(dates[1]["kind"], "span");
    assert_eq!(dates[1]["value"]["start"], "2020-09-27");
    assert_eq!(dates[1]["value"]["end"], "2020-10-08");
    assert_eq!(dates[0]["start_byte"], 12);
    assert_eq!(dates[0]["end_byte"], 20);
}

#[test]
fn huge_and_odd_inputs_do_not_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("big.txt");
    let mut s = String::from(" date 2020-10-08 ");
    while s.len() < 8_000_000 {
        s.push_str("On Thursday, Oct. 9, 2020, at least 30 people — “Über” said — were counted. ");
    }
    std::fs::write(&f, &s).expect("write");
    let out = bin()
        .args(["check", "--quiet"])
        .arg(&f)
        .output()
        .expect("run");
    assert!(matches!(out.status.code(), Some(0) | Some(1)));
    for odd in [
        "",
        "date",
        " date ",
        "---",
        "---\n---",
        "+++\n",
        " date 2020-02-30 x",
        "\u{feff} date 2020-10-08 ok",
        "\n\n\n",
        "“”\"\"(((",
        "0/0/0 32/13 99:99",
    ] {
        let g = dir.path().join("odd.txt");
        std::fs::write(&g, odd).expect("write");
        let out = bin()
            .args(["check", "--format", "json"])
            .arg(&g)
            .output()
            .expect("run");
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "{odd:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn rules_and_explain() {
    let out = bin().arg("rules").output().expect("run");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("date-weekday-mismatch") && s.contains("warning"));
    let out = bin()
        .args(["explain", "date-dateline-mismatch"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Before:"));
    assert_eq!(
        bin()
            .args(["explain", "nope"])
            .output()
            .expect("run")
            .status
            .code(),
        Some(2)
    );
}

//! Every suppression form, through the real binary.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// A sentence with a weekday mismatch.
const BAD: &str = "The talks ended on Thursday, Oct. 9, 2020.";
/// Another one.
const BAD2: &str = "The vote was held on Monday, Oct. 6, 2020.";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the copydesk binary runs")
}

/// (rule, line, text) of every finding in `name`, written with `text`.
fn findings(name: &str, text: &str, extra: &[&str]) -> Vec<(String, u64, String)> {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join(name), text).expect("write");
    let mut args = vec!["check", "--format", "json", name];
    args.extend_from_slice(extra);
    let o = run(tmp.path(), &args);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{o:?}");
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    v["files"][0]["findings"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| {
                    (
                        f["rule"].as_str().unwrap_or("").to_string(),
                        f["line"].as_u64().unwrap_or(0),
                        f["text"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn rules_of(f: &[(String, u64, String)]) -> Vec<(&str, u64)> {
    f.iter().map(|(r, l, _)| (r.as_str(), *l)).collect()
}

#[test]
fn unsuppressed_fixture_has_two_findings() {
    let t = format!(" date 2020-10-20\n\n{BAD}\n\n{BAD2}\n");
    assert_eq!(
        rules_of(&findings("a.md", &t, &[])),
        [("date-weekday-mismatch", 3), ("date-weekday-mismatch", 5)]
    );
}

#[test]
fn disable_next_line() {
    let t = format!(" date 2020-10-20\n\n<!-- copydesk-disable-next-line date-weekday-mismatch -->\n{BAD}\n\n{BAD2}\n");
    assert_eq!(
        rules_of(&findings("a.md", &t, &[])),
        [("date-weekday-mismatch", 6)]
    );
    // another rule named: not suppressed; several rules, commas and a reason
    let t = format!(
        " date 2020-10-20\n\n<!-- copydesk-disable-next-line date-after-publication -->\n{BAD}\n"
    );
    assert_eq!(
        rules_of(&findings("a.md", &t, &[])),
        [("date-weekday-mismatch", 4)]
    );
    let t = format!(" date 2020-10-20\n\n<!-- copydesk-disable-next-line date-after-publication, date-weekday-mismatch -- checked with the desk -->\n{BAD}\n");
    assert!(findings("a.md", &t, &[]).is_empty());
}

#[test]
fn disable_line() {
    let t = format!(" date 2020-10-20\n\n{BAD} <!-- copydesk-disable-line date-weekday-mismatch -->\n\n{BAD2}\n");
    assert_eq!(
        rules_of(&findings("a.md", &t, &[])),
        [("date-weekday-mismatch", 5)]
    );
}

#[test]
fn disable_enable_blocks() {
    let t = format!(" date 2020-10-20\n\n<!-- copydesk-disable date-weekday-mismatch -->\n\n{BAD}\n\n<!-- copydesk-enable date-weekday-mismatch -->\n\n{BAD2}\n");
    assert_eq!(
        rules_of(&findings("a.md", &t, &[])),
        [("date-weekday-mismatch", 9)]
    );
    // bare: every rule, to a bare enable
    let t = format!("<!-- copydesk-disable -->\n\n{BAD}\n\n<!-- copydesk-enable -->\n\n{BAD2}\n");
    assert_eq!(
        rules_of(&findings("a.md", &t, &[])),
        [("date-weekday-mismatch", 7)],
        "date-no-dateline (line 3) and the first mismatch are hidden"
    );
    // never enabled again: to the end of the text
    let t = format!(
        " date 2020-10-20\n\n<!-- copydesk-disable date-weekday-mismatch -->\n\n{BAD}\n\n{BAD2}\n"
    );
    assert!(findings("a.md", &t, &[]).is_empty());
}

#[test]
fn plain_text_ignore_comments() {
    // on the same line
    let t =
        format!(" date 2020-10-20\n\n{BAD} [copydesk: ignore date-weekday-mismatch]\n\n{BAD2}\n");
    assert_eq!(
        rules_of(&findings("a.txt", &t, &[])),
        [("date-weekday-mismatch", 5)]
    );
    // alone on its line: the next line too
    let t =
        format!(" date 2020-10-20\n\n# copydesk: ignore date-weekday-mismatch\n{BAD}\n\n{BAD2}\n");
    assert_eq!(
        rules_of(&findings("a.txt", &t, &[])),
        [("date-weekday-mismatch", 6)]
    );
    // not alone: only its own line
    let t =
        format!(" date 2020-10-20\n\nSome words. copydesk: ignore date-weekday-mismatch\n{BAD}\n");
    assert_eq!(
        rules_of(&findings("a.txt", &t, &[])),
        [("date-weekday-mismatch", 4)]
    );
}

#[test]
fn unknown_rules_in_suppressions_are_reported() {
    let t = format!(" date 2020-10-20\n\n<!-- copydesk-disable-next-line date-weekday-mismatsh -->\n{BAD}\n\n# copydesk: ignore no-such-rule\n{BAD2}\n");
    let f = findings("a.md", &t, &[]);
    assert_eq!(
        f.iter()
            .map(|(r, l, t)| (r.as_str(), *l, t.as_str()))
            .collect::<Vec<_>>(),
        [
            ("suppression-unknown-rule", 3, "date-weekday-mismatsh"),
            ("date-weekday-mismatch", 4, "Thursday"),
            ("suppression-unknown-rule", 6, "no-such-rule"),
            ("date-weekday-mismatch", 7, "Monday"),
        ]
    );
    // the message suggests the right id
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("a.md"), &t).expect("write");
    let o = run(tmp.path(), &["check", "a.md"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Did you mean 'date-weekday-mismatch'?"),
        "{out}"
    );
    // the rule can be turned off like any other
    std::fs::write(
        tmp.path().join(".copydesk.toml"),
        "[rules]\nsuppression-unknown-rule = \"off\"\n",
    )
    .expect("write");
    let o = run(tmp.path(), &["check", "a.md", "--format", "json"]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("suppression-unknown-rule"));
}

#[test]
fn unused_suppressions_are_reported_on_request() {
    let t = format!(" date 2020-10-20\n\n<!-- copydesk-disable-next-line date-weekday-mismatch -->\n{BAD}\n\n<!-- copydesk-disable-next-line date-weekday-mismatch date-after-publication -->\nThe mayor spoke.\n\n# copydesk: ignore\nNothing here.\n");
    assert!(findings("a.md", &t, &[]).is_empty(), "off by default");
    let f = findings("a.md", &t, &["--report-unused-suppressions"]);
    assert_eq!(
        f.iter()
            .map(|(r, l, t)| (r.as_str(), *l, t.as_str()))
            .collect::<Vec<_>>(),
        [
            ("suppression-unused", 6, "date-weekday-mismatch"),
            ("suppression-unused", 6, "date-after-publication"),
            ("suppression-unused", 9, "copydesk: ignore"),
        ]
    );
    // the configuration can ask for it too
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("a.md"), &t).expect("write");
    std::fs::write(
        tmp.path().join(".copydesk.toml"),
        "report-unused-suppressions = true\n",
    )
    .expect("write");
    let o = run(tmp.path(), &["check", "a.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("suppression-unused"));
}

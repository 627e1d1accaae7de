//! `copydesk check --format sarif|github` through the real binary: SARIF structure, schema
//! validity (with Microsoft's SARIF Multitool when installed), fingerprint stability, and
//! GitHub annotations that article text cannot use to inject workflow commands.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// An article with one weekday mismatch (line 3, characters 20..28) that has a fix.
const WEEKDAY: &str = " date 2020-10-20\n\nThe talks ended on Thursday, Oct. 9, 2020.\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("the copydesk binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn sarif(dir: &Path, args: &[&str]) -> Value {
    let mut a = vec!["check", "--format", "sarif"];
    a.extend_from_slice(args);
    let o = run(dir, &a);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{o:?}"
    );
    serde_json::from_slice(&o.stdout).expect("SARIF is JSON")
}

fn rule_ids() -> Vec<String> {
    let o = run(Path::new("."), &["rules"]);
    stdout(&o)
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn sarif_has_the_driver_rules_and_a_precise_result() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("talks.md"), WEEKDAY).expect("write");
    let doc = sarif(tmp.path(), &["talks.md"]);
    assert_eq!(doc["version"], "2.1.0");
    assert!(doc["$schema"].as_str().is_some_and(|s| s.contains("sarif")));
    let run = &doc["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "copydesk");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver["informationUri"].as_str().is_some());
    let rules = driver["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(
        ids,
        rule_ids(),
        "every rule `copydesk rules` lists, in order"
    );
    for r in rules {
        for key in [
            "name",
            "shortDescription",
            "fullDescription",
            "helpUri",
            "help",
        ] {
            assert!(!r[key].is_null(), "rule {} lacks {key}", r["id"]);
        }
        let level = r["defaultConfiguration"]["level"].as_str().unwrap_or("");
        assert!(["error", "warning", "note"].contains(&level), "{level}");
    }
    let src_root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .expect("%SRCROOT%");
    assert!(src_root.starts_with("file:///") && src_root.ends_with('/'));

    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "{results:?}");
    let r = &results[0];
    assert_eq!(r["ruleId"], "date-weekday-mismatch");
    let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(rules[index]["id"], "date-weekday-mismatch");
    assert_eq!(r["level"], "warning");
    assert!(r["message"]["text"]
        .as_str()
        .is_some_and(|m| m.contains("Friday")));
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "talks.md");
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    let region = &loc["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ),
        (&3.into(), &20.into(), &3.into(), &28.into())
    );
    assert_eq!(
        loc["contextRegion"]["snippet"]["text"],
        "The talks ended on Thursday, Oct. 9, 2020."
    );
    assert_eq!(loc["contextRegion"]["startColumn"], 1);
    let change = &r["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "talks.md");
    let rep = &change["replacements"][0];
    assert_eq!(rep["insertedContent"]["text"], "Friday");
    assert_eq!(rep["deletedRegion"]["startColumn"], 20);
    assert_eq!(rep["deletedRegion"]["endColumn"], 28);
    assert!(r["partialFingerprints"]["copydesk/v1"].as_str().is_some());
}

#[test]
fn sarif_levels_follow_the_configured_severity() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("talks.md"), WEEKDAY).expect("write");
    std::fs::write(
        tmp.path().join(".copydesk.toml"),
        "[rules]\ndate-weekday-mismatch = \"hint\"\n",
    )
    .expect("write");
    let doc = sarif(tmp.path(), &["talks.md"]);
    assert_eq!(doc["runs"][0]["results"][0]["level"], "note");
}

fn fingerprints(doc: &Value) -> Vec<(String, u64)> {
    doc["runs"][0]["results"]
        .as_array()
        .map(|rs| {
            rs.iter()
                .map(|r| {
                    (
                        r["partialFingerprints"]["copydesk/v1"]
                            .as_str()
                            .unwrap_or("")
                            .to_string(),
                        r["locations"][0]["physicalLocation"]["region"]["startLine"]
                            .as_u64()
                            .unwrap_or(0),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn fingerprints_survive_unrelated_edits() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("talks.md");
    let body = "The talks ended on Thursday, Oct. 9, 2020.\n\nThe mayor spoke.\n\nThe talks ended on Thursday, Oct. 9, 2020.\n";
    std::fs::write(&path, format!(" date 2020-10-20\n\n{body}")).expect("write");
    let before = fingerprints(&sarif(tmp.path(), &["talks.md"]));
    assert_eq!(before.len(), 2);
    assert_ne!(
        before[0].0, before[1].0,
        "identical sentences differ by occurrence"
    );
    std::fs::write(
        &path,
        format!(" date 2020-10-20\n\nAn unrelated paragraph, added later.\n\nAnd another one.\n\n{body}"),
    )
    .expect("write");
    let after = fingerprints(&sarif(tmp.path(), &["talks.md"]));
    assert_eq!(after.len(), 2);
    assert_eq!(before[0].0, after[0].0);
    assert_eq!(before[1].0, after[1].0);
    assert_eq!(
        after[0].1,
        before[0].1 + 4,
        "the line moved, the print did not"
    );
    // an edit of the flagged sentence itself is a new finding
    std::fs::write(
        &path,
        " date 2020-10-20\n\nThe talks finally ended on Thursday, Oct. 9, 2020.\n",
    )
    .expect("write");
    let edited = fingerprints(&sarif(tmp.path(), &["talks.md"]));
    assert_ne!(edited[0].0, before[0].0);
}

/// The SARIF Multitool: `$SARIF_MULTITOOL`, the cache folder `.ci/run` installs it into, or
/// `sarif-multitool` on the PATH.
fn multitool() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SARIF_MULTITOOL") {
        return Some(PathBuf::from(p));
    }
    let home = std::env::var_os("HOME").map(PathBuf::from)?;
    let cached = home.join(".cache/copydesk-sarif/node_modules/.bin/sarif-multitool");
    if cached.is_file() {
        return Some(cached);
    }
    Command::new("sarif-multitool")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| PathBuf::from("sarif-multitool"))
}

/// Validates a SARIF file; returns the multitool's error lines.
fn validate(tool: &Path, file: &Path) -> Vec<String> {
    let o = Command::new(tool)
        .arg("validate")
        .arg(file)
        .output()
        .expect("the multitool runs");
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        out.contains("Analysis completed successfully"),
        "multitool failed: {out}"
    );
    for l in out.lines().filter(|l| l.contains(": warning ")) {
        eprintln!("multitool: {l}");
    }
    out.lines()
        .filter(|l| l.contains(": error "))
        .map(str::to_string)
        .collect()
}

#[test]
fn sarif_passes_the_multitool() {
    let Some(tool) = multitool() else {
        eprintln!("skipped: SARIF Multitool not installed (npm install --prefix \"$HOME/.cache/copydesk-sarif\" @microsoft/sarif-multitool)");
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    // findings with fixes, related locations, odd file names and hostile text
    std::fs::create_dir_all(dir.join("news desk/é")).expect("mkdir");
    std::fs::write(dir.join("news desk/é/talks #1.md"), WEEKDAY).expect("write");
    std::fs::write(
        dir.join("truce.txt"),
        " date 2017-07-11 DW | 06.11.2020\n\nThe truce came into force at noon on Saturday.\n\nThe truce, effective as of October 10, 12:00, held.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("hostile.md"),
        "+++\ndate = \"x%0A\\r\\n::error::boom, a: b\"\n+++\nText.\n<!-- copydesk-disable-next-line no-such-rule -->\n",
    )
    .expect("write");
    let out = run(dir, &["check", ".", "--format", "sarif"]);
    let file = dir.join("out.sarif");
    std::fs::write(&file, &out.stdout).expect("write");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        doc["runs"][0]["results"]
            .as_array()
            .is_some_and(|r| r.len() >= 3),
        "{doc}"
    );
    let errors = validate(&tool, &file);
    assert!(errors.is_empty(), "{errors:#?}");

    // the shared corpus, when present
    let corpus = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    if corpus.is_dir() {
        let out = run(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            &["check", "../shared/corpus", "--format", "sarif"],
        );
        let file = dir.join("corpus.sarif");
        std::fs::write(&file, &out.stdout).expect("write");
        let errors = validate(&tool, &file);
        assert!(errors.is_empty(), "{errors:#?}");
    } else {
        eprintln!("skipped the corpus: ../shared/corpus not found");
    }
}

/// Reverses `@actions/core`'s escaping.
fn unescape(s: &str) -> String {
    s.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_annotations_are_precise() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("talks.md"), WEEKDAY).expect("write");
    let o = run(tmp.path(), &["check", "talks.md", "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let first = out.lines().next().unwrap_or("");
    assert!(
        first.starts_with("::warning file=talks.md,line=3,endLine=3,col=20,endColumn=28,title=copydesk date-weekday-mismatch::'Thursday, Oct. 9, 2020': October 9, 2020 was a Friday"),
        "{out}"
    );
    assert_eq!(
        out.lines().last(),
        Some("copydesk: 1 warning in 1 of 1 article")
    );
    // hints and info are notices
    std::fs::write(tmp.path().join("plain.md"), "The council met.\n").expect("write");
    let o = run(tmp.path(), &["check", "plain.md", "--format", "github"]);
    assert!(stdout(&o).starts_with("::notice file=plain.md,"));
}

#[test]
fn article_text_cannot_inject_workflow_commands() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    // TOML front matter turns \n and \r into real line breaks inside the quoted message
    let hostile = "+++\ndate = \"x\\n::set-output name=x::y\\r\\n::error::injected, a: b %0A %25 ::warning file=z::w\\n\"\n+++\nText.\n<!-- copydesk-disable-next-line ::error::boom,%0A::x -->\nMore text.\n";
    std::fs::write(dir.join("hostile.md"), hostile).expect("write");
    let evil_name = "evil,line=1:x\n::error::named.md";
    let mut files = vec!["hostile.md".to_string()];
    if std::fs::write(dir.join(evil_name), WEEKDAY).is_ok() {
        files.push(evil_name.to_string());
    }
    let mut args = vec!["check", "--format", "github"];
    args.extend(files.iter().map(String::as_str));
    let o = run(dir, &args);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = stdout(&o);

    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let json: Value = serde_json::from_slice(&run(dir, &args).stdout).expect("json");
    let mut expected = Vec::new();
    for f in json["files"].as_array().into_iter().flatten() {
        for x in f["findings"].as_array().into_iter().flatten() {
            expected.push((
                f["path"].as_str().unwrap_or("").to_string(),
                x["message"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    assert!(
        expected.iter().any(|(_, m)| m.contains("\n::set-output")),
        "the fixture puts a line break and a command in a message: {expected:?}"
    );

    let mut commands = Vec::new();
    for line in out.lines() {
        if line.starts_with("::") {
            let ok = ["::error file=", "::warning file=", "::notice file="]
                .iter()
                .any(|p| line.starts_with(p));
            assert!(ok, "a line we did not emit: {line:?}\n{out}");
            commands.push(line);
        } else {
            assert!(line.starts_with("copydesk: "), "stray line: {line:?}");
        }
        assert!(!line.contains('\r'));
    }
    assert_eq!(commands.len(), expected.len(), "{out}");
    for (line, (path, message)) in commands.iter().zip(&expected) {
        let (props, msg) = line
            .split_once(' ')
            .and_then(|(_, rest)| rest.split_once("::"))
            .expect("::cmd props::message");
        // properties hold no raw separators beyond the ones we put there
        let file = props
            .strip_prefix("file=")
            .and_then(|p| p.split(',').next())
            .expect("file property");
        assert_eq!(unescape(file), *path);
        assert_eq!(props.split(',').count(), 6, "{props}");
        assert!(!props.contains("::"));
        let msg = unescape(msg);
        assert!(msg.starts_with(message.as_str()), "{msg:?} vs {message:?}");
    }
}

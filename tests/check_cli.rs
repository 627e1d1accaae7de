//! `copydesk check` as CI runs it, through the real binary: configuration discovery, globs and
//! errors, exit codes, `--quiet`, `--color`, `--changed-since`, and `init`/`rules`/`explain`.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// A weekday mismatch on line 3 (a warning).
const WEEKDAY: &str = " date 2020-10-20\n\nThe talks ended on Thursday, Oct. 9, 2020.\n";
/// No finding.
const CLEAN: &str = " date 2020-10-20\n\nThe talks ended on Friday, Oct. 9, 2020.\n";
/// Only a hint (no publication date).
const HINT: &str = "---\noutlet: The Desk\n---\nThe council met.\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("the copydesk binary runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(p, text).expect("write");
}

/// (path, rule, severity) of every finding, from `--format json`.
fn json_findings(o: &Output) -> Vec<(String, String, String)> {
    let v: Value = serde_json::from_slice(&o.stdout).expect("json output");
    let mut res = Vec::new();
    for f in v["files"].as_array().into_iter().flatten() {
        for x in f["findings"].as_array().into_iter().flatten() {
            res.push((
                f["path"].as_str().unwrap_or("").replace('\\', "/"),
                x["rule"].as_str().unwrap_or("").to_string(),
                x["severity"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    res
}

fn json_paths(o: &Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&o.stdout).expect("json output");
    let mut p: Vec<String> = v["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["path"].as_str().map(|s| s.replace('\\', "/")))
        .collect();
    p.sort();
    p
}

#[test]
fn exit_codes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(d, "bad.md", WEEKDAY);
    write(d, "clean.md", CLEAN);
    write(d, "hint.md", HINT);
    assert_eq!(run(d, &["check", "clean.md"]).status.code(), Some(0));
    assert_eq!(
        run(d, &["check", "hint.md"]).status.code(),
        Some(0),
        "hints do not fail"
    );
    assert_eq!(run(d, &["check", "bad.md"]).status.code(), Some(1));
    assert_eq!(
        run(d, &["check", "hint.md", "--fail-on", "hint"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(d, &["check", "bad.md", "--fail-on", "error"])
            .status
            .code(),
        Some(0)
    );
    for args in [
        &["check", "missing.md"][..],
        &["check", "bad.md", "--fail-on", "loud"],
        &["check", "bad.md", "--format", "xml"],
        &["check", "bad.md", "--color", "sometimes"],
        &["check", "bad.md", "--config", "nope.toml"],
        &["check", "--no-such-flag"],
        &["explain", "no-such-rule"],
    ] {
        let o = run(d, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {o:?}");
        assert!(!err(&o).is_empty(), "{args:?} says why");
    }
    // every format keeps the exit codes
    for format in ["human", "json", "sarif", "github"] {
        assert_eq!(
            run(d, &["check", "bad.md", "--format", format])
                .status
                .code(),
            Some(1)
        );
        assert_eq!(
            run(d, &["check", "clean.md", "--format", format])
                .status
                .code(),
            Some(0)
        );
    }
}

#[test]
fn config_is_found_by_walking_up_from_each_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(
        d,
        ".copydesk.toml",
        "[rules]\ndate-weekday-mismatch = \"off\"\n",
    );
    write(d, "top.md", WEEKDAY);
    write(
        d,
        "desk/.copydesk.toml",
        "[rules]\ndate-weekday-mismatch = \"error\"\n",
    );
    write(d, "desk/mid.md", WEEKDAY);
    write(d, "desk/deeper/still/low.md", WEEKDAY);
    let o = run(d, &["check", ".", "--format", "json"]);
    assert_eq!(
        json_findings(&o),
        [
            (
                "./desk/deeper/still/low.md".to_string(),
                "date-weekday-mismatch".to_string(),
                "error".to_string()
            ),
            (
                "./desk/mid.md".to_string(),
                "date-weekday-mismatch".to_string(),
                "error".to_string()
            ),
        ]
    );
    // from inside a subfolder, with a file argument
    let o = run(
        &d.join("desk/deeper"),
        &["check", "still/low.md", "--format", "json"],
    );
    assert_eq!(json_findings(&o)[0].2, "error");
    // --config overrides discovery for every file
    write(d, "elsewhere/strict.toml", "fail-on = \"hint\"\n");
    let o = run(
        d,
        &[
            "check",
            ".",
            "--format",
            "json",
            "--config",
            "elsewhere/strict.toml",
        ],
    );
    assert_eq!(json_findings(&o).len(), 3);
    assert!(json_findings(&o).iter().all(|f| f.2 == "warning"));
}

#[test]
fn include_and_exclude_globs_apply_when_walking_folders() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(
        d,
        "site/.copydesk.toml",
        "include = [\"news/**\", \"*.md\"]\nexclude = [\"news/drafts/**\", \"**/skip-*\"]\n",
    );
    write(d, "site/front.md", WEEKDAY);
    write(d, "site/notes.txt", WEEKDAY);
    write(d, "site/news/a.md", WEEKDAY);
    write(d, "site/news/b.txt", WEEKDAY);
    write(d, "site/news/skip-me.md", WEEKDAY);
    write(d, "site/news/drafts/c.md", WEEKDAY);
    // the globs are relative to the config's folder, wherever check runs from
    let o = run(d, &["check", "site", "--format", "json"]);
    assert_eq!(
        json_paths(&o),
        ["site/front.md", "site/news/a.md", "site/news/b.txt"]
    );
    let o = run(&d.join("site/news"), &["check", ".", "--format", "json"]);
    assert_eq!(json_paths(&o), ["./a.md", "./b.txt"]);
    // a file named on the command line is always checked
    let o = run(d, &["check", "site/news/drafts/c.md", "--format", "json"]);
    assert_eq!(json_paths(&o), ["site/news/drafts/c.md"]);
    // --config: relative to that file's folder
    write(d, "cfg/only-a.toml", "include = [\"../site/news/a.md\"]\n");
    write(d, "alt/.copydesk.toml", "exclude = [\"x/**\"]\n");
    write(d, "alt/x/y.md", WEEKDAY);
    write(d, "alt/z.md", WEEKDAY);
    let o = run(d, &["check", "alt", "--format", "json"]);
    assert_eq!(json_paths(&o), ["alt/z.md"]);
    let o = run(
        d,
        &[
            "check",
            "alt",
            "--format",
            "json",
            "--config",
            "alt/.copydesk.toml",
        ],
    );
    assert_eq!(json_paths(&o), ["alt/z.md"]);
}

#[test]
fn config_settings_apply() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(d, "a.md", WEEKDAY);
    write(d, "h.md", HINT);
    // ignore regexes drop findings whose text matches
    write(d, ".copydesk.toml", "ignore = [\"^Thurs\"]\n");
    let o = run(d, &["check", "a.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    // the failing severity
    write(d, ".copydesk.toml", "fail-on = \"hint\"\n");
    assert_eq!(run(d, &["check", "h.md"]).status.code(), Some(1));
    write(d, ".copydesk.toml", "fail-on = \"error\"\n");
    assert_eq!(run(d, &["check", "a.md"]).status.code(), Some(0));
    // --fail-on wins over the file
    assert_eq!(
        run(d, &["check", "a.md", "--fail-on", "warning"])
            .status
            .code(),
        Some(1)
    );
    // the remaining keys parse
    write(
        d,
        ".copydesk.toml",
        "sources = [\"../wire\"]\nsensitive-measures = [\"killed\", \"money\"]\nvague-sources = [\"insiders\"]\nwindow-days = 7\n",
    );
    assert_eq!(run(d, &["check", "a.md"]).status.code(), Some(1));
}

#[test]
fn bad_configs_stop_everything_with_file_line_and_expectation() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(d, "sub/a.md", WEEKDAY);
    let cases: &[(&str, &str, &str)] = &[
        (
            "fail-on = \"warning\"\n\n[rules]\ndate-weekday-mismatch = \"loud\"\n",
            ":4:",
            "expected",
        ),
        ("[rules]\nno-such-rule = \"off\"\n", ":2:", "unknown rule"),
        ("fail-on = \"warning\"\ncolour = 3\n", ":2:", "colour"),
        (
            "ignore = [\n  \"ok\",\n  \"(\"\n]\n",
            ":3:",
            "regular expression",
        ),
        (
            "sensitive-measures = [\"killed\", \"feelings\"]\n",
            ":1:",
            "expected one of",
        ),
        ("fail-on = \n", ":1:", ""),
        ("exclude = [\"a/[\"]\n", ".copydesk.toml", "glob"),
    ];
    for (config, line, expected) in cases {
        write(d, ".copydesk.toml", config);
        for args in [
            &["check", "sub"][..],
            &["check", "sub/a.md", "--format", "sarif"],
        ] {
            let o = run(d, args);
            assert_eq!(o.status.code(), Some(2), "{config:?}: {o:?}");
            assert!(
                o.stdout.is_empty(),
                "nothing runs on a bad config: {}",
                out(&o)
            );
            let e = err(&o);
            assert!(
                e.contains(&format!(".copydesk.toml{line}")) || e.contains(line),
                "{config:?}: {e}"
            );
            assert!(e.contains(expected), "{config:?}: {e}");
        }
        // and with --config
        let o = run(d, &["check", "sub/a.md", "--config", ".copydesk.toml"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn quiet_and_color() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    write(d, "a.md", WEEKDAY);
    write(d, "b.md", CLEAN);
    let o = run(d, &["check", "a.md", "b.md"]);
    let full = out(&o);
    assert!(full.contains("--> a.md:3:20"), "{full}");
    assert!(full.ends_with("1 warning in 1 of 2 articles\n"), "{full}");
    assert!(!full.contains('\x1b'), "auto: no color when piped");
    let o = run(d, &["check", "a.md", "b.md", "--quiet"]);
    assert_eq!(out(&o), "1 warning in 1 of 2 articles\n");
    assert_eq!(o.status.code(), Some(1));
    let o = run(d, &["check", "-q", "a.md", "--format", "github"]);
    assert_eq!(out(&o), "copydesk: 1 warning in 1 of 1 article\n");
    let o = run(d, &["check", "a.md", "--color", "always"]);
    // bold yellow (annotate-snippets writes bold and yellow as two sequences)
    assert!(out(&o).contains("\x1b[1m\x1b[33mwarning[date-weekday-mismatch]\x1b[0m"));
    let o = run(d, &["check", "a.md", "--color", "never"]);
    assert!(!out(&o).contains('\x1b'));
    let o = run(d, &["check", "b.md"]);
    assert_eq!(out(&o), "No findings in 1 article\n");
}

#[test]
fn init_rules_and_explain() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    let o = run(d, &["init"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let written = std::fs::read_to_string(d.join(".copydesk.toml")).expect("init wrote it");
    assert!(
        written.lines().filter(|l| l.starts_with('#')).count() >= 5,
        "commented"
    );
    for key in [
        "fail-on", "include", "exclude", "sources", "ignore", "[rules]",
    ] {
        assert!(written.contains(key), "{key}");
    }
    // the starter config is in force and valid
    write(d, "a.md", WEEKDAY);
    assert_eq!(run(d, &["check", "a.md"]).status.code(), Some(1));
    let o = run(d, &["init"]);
    assert_eq!(o.status.code(), Some(2), "no overwrite");
    assert!(err(&o).contains("--force"));
    std::fs::write(d.join(".copydesk.toml"), "broken = ").expect("write");
    assert_eq!(run(d, &["init", "--force"]).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(d.join(".copydesk.toml")).expect("read"),
        written
    );

    let o = run(d, &["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let listing = out(&o);
    for (id, sev) in [
        ("date-weekday-mismatch", "warning"),
        ("date-no-dateline", "hint"),
        ("suppression-unknown-rule", "warning"),
        ("suppression-unused", "warning"),
    ] {
        let line = listing
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} listed"));
        assert!(line.contains(sev), "{line}");
    }
    let ids: Vec<&str> = listing
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        listing.matches("e.g.").count(),
        ids.len(),
        "an example per rule"
    );
    for id in ids {
        let o = run(d, &["explain", id]);
        assert_eq!(o.status.code(), Some(0), "{id}");
        let text = out(&o);
        assert!(text.starts_with(id) && text.contains("Before:") && text.contains("After:"));
    }
    let o = run(d, &["explain", "date-weekday-mismatsh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("date-weekday-mismatch"), "lists the rules");
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {o:?}");
}

#[test]
fn changed_since_checks_only_changed_articles() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipped: git not installed");
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    git(d, &["init", "-q"]);
    git(d, &["config", "user.name", "Copy Desk"]);
    git(d, &["config", "user.email", "desk@example.com"]);
    write(d, "news/old.md", WEEKDAY);
    write(d, "news/edited.md", WEEKDAY);
    write(d, "news/staged.md", WEEKDAY);
    write(d, "other/elsewhere.md", WEEKDAY);
    write(d, ".gitignore", "ignored/\n");
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    git(d, &["tag", "base"]);
    write(d, "news/edited.md", &format!("{WEEKDAY}\nOne more line.\n"));
    write(d, "news/staged.md", &format!("{WEEKDAY}\nStaged line.\n"));
    git(d, &["add", "news/staged.md"]);
    write(d, "news/new file.md", WEEKDAY);
    write(d, "ignored/x.md", WEEKDAY);
    write(d, "other/fresh.md", WEEKDAY);
    let o = run(
        d,
        &[
            "check",
            "news",
            "--changed-since",
            "base",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(
        json_paths(&o),
        ["news/edited.md", "news/new file.md", "news/staged.md"]
    );
    // explicit files are kept only when changed; from a subfolder too
    let o = run(
        &d.join("news"),
        &[
            "check",
            "old.md",
            "edited.md",
            "--changed-since",
            "base",
            "--format",
            "json",
        ],
    );
    assert_eq!(json_paths(&o), ["edited.md"]);
    // committed changes count: everything since the first commit
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "more"]);
    let o = run(
        d,
        &["check", ".", "--changed-since", "base", "--format", "json"],
    );
    assert_eq!(
        json_paths(&o),
        [
            "./news/edited.md",
            "./news/new file.md",
            "./news/staged.md",
            "./other/fresh.md"
        ]
    );
    // nothing changed: nothing checked, exit 0
    let o = run(d, &["check", ".", "--changed-since", "HEAD"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(out(&o), "No findings in 0 articles\n");
    // errors: unknown revision, not a repository
    let o = run(d, &["check", ".", "--changed-since", "no-such-rev"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("unknown revision 'no-such-rev'"),
        "{}",
        err(&o)
    );
    let o = run(d, &["check", ".", "--changed-since", "--output=x"]);
    assert_eq!(o.status.code(), Some(2));
    let plain = tempfile::tempdir().expect("tempdir");
    write(plain.path(), "a.md", WEEKDAY);
    let o = run(plain.path(), &["check", "a.md", "--changed-since", "HEAD"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("not inside a git repository"),
        "{}",
        err(&o)
    );
}

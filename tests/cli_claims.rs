//! `copydesk claims` and `copydesk annotate` on a fixture article written for this test.

use std::process::Command;

const ARTICLE: &str = " date 2022-05-10 At least 26 farm workers have been killed and 91 wounded in the floods, the regional governor said. More than 400 people have fled the valley.\n";

fn run(args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("story.txt");
    std::fs::write(&path, ARTICLE).expect("write");
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.push(path.display().to_string());
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(&all)
        .output()
        .expect("run copydesk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf8")
}

#[test]
fn claims_as_json() {
    let v: serde_json::Value = serde_json::from_str(&run(&["claims"])).expect("json");
    assert_eq!(v["version"], 1);
    let claims = v["files"][0]["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 3, "{claims:#?}");
    let first = &claims[0];
    assert_eq!(first["text"], "At least 26 farm workers");
    assert_eq!(first["value"]["min"], 26);
    assert!(first["value"]["max"].is_null());
    assert_eq!(first["qualifier"], "At least");
    assert_eq!(first["measure"], "killed");
    assert_eq!(first["time"], "2022-05-10");
    assert_eq!(first["line"], 1);
    assert_eq!(first["attribution"]["source"], "the regional governor");
    assert_eq!(first["attribution"]["kind"], "said");
    assert_eq!(first["attribution"]["named"], true);
    assert_eq!(claims[1]["value"], 91);
    assert_eq!(claims[1]["noun"], "farm workers");
    assert_eq!(claims[1]["measure"], "injured");
    assert!(claims[2]["attribution"].is_null());
    assert_eq!(claims[2]["measure"], "displaced");
}

#[test]
fn claims_as_csv() {
    let csv = run(&["claims", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[0].starts_with("path,published,start_byte"));
    assert!(
        lines[3].contains(",More than 400 people,400,,More than,people,displaced,"),
        "{csv}"
    );
}

#[test]
fn annotate_has_figures_and_entities() {
    let v: serde_json::Value = serde_json::from_str(&run(&["annotate"])).expect("json");
    assert_eq!(v["figures"].as_array().map(Vec::len), Some(3));
    assert!(v["entities"].is_array());
}

#[test]
fn check_reports_the_unattributed_figure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("story.txt");
    std::fs::write(&path, ARTICLE).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run copydesk");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let f = v["files"][0]["findings"].as_array().expect("findings");
    let fig: Vec<_> = f
        .iter()
        .filter(|f| f["rule"] == "figure-unattributed")
        .collect();
    assert_eq!(fig.len(), 1, "{f:#?}");
    assert_eq!(fig[0]["text"], "More than 400 people");
    assert_eq!(fig[0]["severity"], "warning");
    assert_eq!(
        fig[0]["message"],
        "No source for 'More than 400 people displaced': who says so?"
    );
}

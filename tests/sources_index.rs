//! The sources index through the real binary and the cache: cross-source findings, the
//! comparison Markdown, incremental re-indexing and cache reuse, on the project's fixtures.

use copydesk::cache::{self, Cache};
use copydesk::sources::Index;
use std::path::PathBuf;
use std::process::Command;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources")
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

#[test]
fn check_reports_conflicts_and_name_variants() {
    let out = bin()
        .args(["check", "--format", "json", "--no-cache"])
        .arg(fixtures())
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let local = v["files"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| {
            f["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("local-paper.md"))
        })
        .cloned()
        .unwrap_or_default();
    let find = |rule: &str, text: &str| {
        local["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|f| f["rule"] == rule && f["text"] == text)
    };
    assert!(find("source-conflict", "31 people"), "{local:#}");
    assert!(find("source-conflict", "March 7"), "{local:#}");
    assert!(find("source-name-variant", "Klara Voss"), "{local:#}");
    let conflict = local["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["text"] == "31 people")
        .cloned()
        .unwrap_or_default();
    assert_eq!(conflict["severity"], "info");
    assert!(
        conflict["related"][0]["path"]
            .as_str()
            .is_some_and(|p| p.contains("wire-")),
        "{conflict:#}"
    );
    // the earliest wire has no earlier source to conflict with
    let early = v["files"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| {
            f["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("wire-early.txt"))
        })
        .cloned()
        .unwrap_or_default();
    assert!(
        !early["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|f| f["rule"] == "source-conflict"),
        "{early:#}"
    );
}

#[test]
fn compare_prints_the_table() {
    let pos = format!("{}:6:43", fixtures().join("local-paper.md").display());
    let out = bin()
        .args(["compare", "--no-cache", &pos])
        .output()
        .expect("run");
    let md = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{md}");
    assert!(
        md.starts_with("**31 people** (killed) — according to Interior Minister Klara Voss"),
        "{md}"
    );
    assert!(
        md.contains("| Outlet | Published | Their figure | Attributed to | Verdict |"),
        "{md}"
    );
    // newest first: the follow-up (52, updated toll) before the early wire (at least 40)
    let i52 = md.find("52 people").unwrap_or(usize::MAX);
    let i40 = md.find("at least 40 people").unwrap_or(0);
    assert!(i52 < i40, "{md}");
    assert!(md.contains("| differs |"), "{md}");
    let bad = bin()
        .args(["compare", "nowhere.md:1"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn seeds_compare_as_in_the_issue() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let seed0 = seeds.join("000_85c950aaef89da52.txt");
    let Ok(text) = std::fs::read_to_string(&seed0) else {
        eprintln!("skipped: ../shared/seeds not found");
        return;
    };
    let Some(off) = text.find("more than 400") else {
        return;
    };
    let line = text[..off].matches('\n').count() + 1;
    let col = text[..off]
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
        + 1;
    let out = bin()
        .args([
            "compare",
            "--no-cache",
            &format!("{}:{line}:{col}", seed0.display()),
        ])
        .output()
        .expect("run");
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("at least 30 Azeri civilians killed"), "{md}");
    assert!(
        md.contains("the Third Secretary of the Azerbaijan Mission to the UN"),
        "{md}"
    );
    assert!(md.contains("at least 18 civilians killed"), "{md}");
    assert!(md.contains("Artak Beglaryan"), "{md}");
    assert!(md.contains("narrower group"), "{md}");
}

#[test]
fn index_is_incremental_and_the_cache_is_reused() {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in ["wire-early.txt", "wire-followup.txt", "local-paper.md"] {
        std::fs::copy(fixtures().join(f), dir.path().join(f)).expect("copy");
    }
    let db = dir.path().join("cache").join("index.sqlite");
    let folders = vec![dir.path().to_path_buf()];
    let mut c = Cache::open(&db).expect("cache");
    let mut index = Index::new();
    let s = cache::load(&mut index, &folders, Some(&mut c));
    assert_eq!((s.articles, s.analysed, s.from_cache), (3, 3, 0));
    drop(c);
    // reopening reads nothing
    let mut c = Cache::open(&db).expect("cache");
    let mut index = Index::new();
    let s = cache::load(&mut index, &folders, Some(&mut c));
    assert_eq!((s.articles, s.analysed, s.from_cache), (3, 0, 3));
    // one changed file is analysed again, the others come from the cache
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dir.path().join("local-paper.md"), "---\ndate: 2024-03-12\noutlet: Valmere Weekly\n---\n\nFloods killed 33 people in Northport, Mayor Tomas Reid said.\n").expect("write");
    let mut index = Index::new();
    let s = cache::load(&mut index, &folders, Some(&mut c));
    assert_eq!((s.articles, s.analysed, s.from_cache), (3, 1, 2));
    // the same content is not indexed twice; removing forgets it
    let key = dir.path().join("wire-early.txt").display().to_string();
    let text = std::fs::read_to_string(dir.path().join("wire-early.txt")).expect("read");
    let summary = copydesk::engine::summarize(&key, &copydesk::Analysis::new(&text));
    assert!(!index.insert(summary.clone()));
    assert!(index.remove(&key));
    assert_eq!(index.len(), 2);
    assert!(index.insert(summary));
    // deleting the cache loses nothing
    drop(c);
    std::fs::remove_dir_all(dir.path().join("cache")).expect("rm");
    let mut c = Cache::open(&db).expect("cache");
    let mut index = Index::new();
    let s = cache::load(&mut index, &folders, Some(&mut c));
    assert_eq!((s.articles, s.analysed), (3, 3));
}

#[test]
fn claims_with_matches() {
    let out = bin()
        .args(["claims", "--with-matches", "--no-cache"])
        .arg(fixtures())
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let local = v["files"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| {
            f["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("local-paper.md"))
        })
        .cloned()
        .unwrap_or_default();
    let c = local["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["text"] == "31 people")
        .cloned()
        .unwrap_or_default();
    let m = c["matches"].as_array().cloned().unwrap_or_default();
    assert_eq!(m.len(), 2, "{c:#}");
    assert!(
        m.iter().all(|x| x["verdict"] == "differs"
            && x["path"].as_str().is_some_and(|p| p.contains("wire-"))),
        "{c:#}"
    );
    assert!(
        m.iter().any(|x| x["value"] == 52.0 || x["value"] == 52),
        "{c:#}"
    );
    // without the flag there is no matches key
    let out = bin()
        .args(["claims"])
        .arg(fixtures())
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["files"][0]["claims"][0].get("matches").is_none());
}

//! Issue #19 through the real CLI: hostile names never become markup, escape sequences never
//! reach the terminal, sources are listed once, `init` never writes through a symlink, bad
//! config values exit 2 with `file:line`, and no exit code is other than 0, 1 or 2.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn bin() -> Command {
    let mut c = Command::new(BIN);
    c.env(
        "XDG_CACHE_HOME",
        std::env::temp_dir().join("copydesk-test-cache"),
    );
    c
}

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sources")
        .join(name);
    std::fs::read_to_string(p).unwrap_or_default()
}

/// The hostile outlet names of the issue.
const HOSTILE: &[&str] = &[
    "[Open terminal](command:workbench.action.terminal.new)",
    "<img src=x onerror=alert(1)>",
    "![x](http://example.com/x.png)",
    "Tick`s | Pipe `Gazette`",
];

/// Markdown a renderer would turn into a link, image, HTML, code span or extra table cell.
fn unescaped_markup(md: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for line in md.lines() {
        let b = line.as_bytes();
        let cells = (0..b.len())
            .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
            .count();
        if line.starts_with('|') && !line.starts_with("|---") {
            let header = md
                .lines()
                .find(|l| l.starts_with("| Outlet"))
                .map_or(0, |h| h.matches('|').count());
            if cells != header {
                bad.push(format!("cells: {line}"));
            }
        }
        for (i, c) in b.iter().enumerate() {
            let escaped = i > 0 && b[i - 1] == b'\\';
            if !escaped && matches!(c, b'[' | b']' | b'<' | b'>' | b'`') {
                bad.push(format!("{}: {line}", *c as char));
            }
        }
        if line.replace("\\://", "").contains("://") {
            bad.push(format!("link: {line}"));
        }
    }
    bad
}

fn hostile_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path();
    std::fs::write(root.join("local.md"), fixture("local-paper.md")).expect("write");
    let wire = fixture("wire-followup.txt");
    let body = wire.split_once(' ').map_or(wire.as_str(), |x| x.1);
    let body = body.split_once(' ').map_or(body, |x| x.1);
    for (i, outlet) in HOSTILE.iter().enumerate() {
        let text = format!("---\ndate: 2024-03-11\noutlet: \"{outlet}\"\n---\n\n{body}");
        // the file name is hostile too where the file system allows it
        let name = format!("{}-{i}.md", outlet.replace('/', "_"));
        std::fs::write(root.join(name), text).expect("write");
    }
    dir
}

#[test]
fn compare_escapes_hostile_outlets_and_lists_each_source_once() {
    let dir = hostile_workspace();
    let text = std::fs::read_to_string(dir.path().join("local.md")).unwrap_or_default();
    let off = text.find("31 people").unwrap_or(0);
    let line = text[..off].matches('\n').count() + 1;
    let col = off - text[..off].rfind('\n').map_or(0, |i| i + 1) + 1;
    // run from the article's folder with the folder named again as sources
    let out = bin()
        .current_dir(dir.path())
        .args(["compare", "--no-cache", "--sources", "."])
        .arg(format!("local.md:{line}:{col}"))
        .output()
        .expect("run");
    let md = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{md}");
    assert!(md.contains("| Outlet"), "{md}");
    let rows = md.lines().filter(|l| l.contains("52 people")).count();
    assert_eq!(rows, HOSTILE.len(), "each source once:\n{md}");
    let bad = unescaped_markup(&md);
    assert!(bad.is_empty(), "{bad:#?}\n{md}");
    // the names are still readable
    assert!(md.contains("Open terminal"), "{md}");
}

#[test]
fn human_output_never_echoes_escape_sequences() {
    let dir = tempfile::tempdir().expect("tmp");
    let p = dir.path().join("osc.md");
    let text = "---\ndate: 2024-03-12\n---\n\nThe clinic \u{1b}]52;c;aGVsbG8=\u{7}treated 31 patients\u{1b}[2J\u{1b}[H on Monday.\n";
    std::fs::write(&p, text).expect("write");
    let out = bin()
        .args(["check", "--no-cache", "--color", "never"])
        .arg(&p)
        .output()
        .expect("run");
    assert!(matches!(out.status.code(), Some(0..=2)), "{out:?}");
    let all = [out.stdout, out.stderr].concat();
    assert!(!all.contains(&0x1b), "{}", String::from_utf8_lossy(&all));
    assert!(!all.contains(&0x07));
    // a file name with an escape sequence in an error message
    let q = dir.path().join("bad\u{1b}[2Jname.md");
    let _ = std::os::unix::fs::symlink("/nonexistent/target", &q);
    let out = bin()
        .args(["check", "--no-cache"])
        .arg(&q)
        .output()
        .expect("run");
    assert!(matches!(out.status.code(), Some(0..=2)));
    assert!(
        !out.stderr.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn init_refuses_symlinked_config_and_dangling_links() {
    let dir = tempfile::tempdir().expect("tmp");
    let outside = tempfile::tempdir().expect("tmp");
    let target = outside.path().join("precious.txt");
    std::fs::write(&target, "keep me").expect("write");
    let ws = dir.path().join("ws");
    std::fs::create_dir(&ws).expect("mkdir");
    std::os::unix::fs::symlink(&target, ws.join(".copydesk.toml")).expect("link");
    let out = bin()
        .current_dir(&ws)
        .args(["init", "--force"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap_or_default(),
        "keep me"
    );
    let ws2 = dir.path().join("ws2");
    std::fs::create_dir(&ws2).expect("mkdir");
    let dangling = outside.path().join("created-outside.toml");
    std::os::unix::fs::symlink(&dangling, ws2.join(".copydesk.toml")).expect("link");
    for args in [&["init"][..], &["init", "--force"][..]] {
        let out = bin().current_dir(&ws2).args(args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(!dangling.exists());
    }
}

#[test]
fn config_numbers_out_of_range_exit_2_with_file_and_line() {
    for bad in ["9223372036854775807", "1.07e11", "1e8", "100000", "-3"] {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(
            dir.path().join(".copydesk.toml"),
            format!("# settings\nwindow-days = {bad}\n"),
        )
        .expect("write");
        std::fs::write(dir.path().join("a.md"), fixture("local-paper.md")).expect("write");
        let out = bin()
            .current_dir(dir.path())
            .args(["check", "--no-cache", "a.md"])
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(err.contains(".copydesk.toml:2:"), "{bad}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn special_files_and_loops_are_named_with_a_reason() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path();
    std::fs::write(root.join("ok.md"), fixture("local-paper.md")).expect("write");
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.md")).expect("link");
    std::os::unix::fs::symlink(root.join("loop.md"), root.join("loop.md")).expect("link");
    let _ = Command::new("mkfifo").arg(root.join("pipe.md")).status();
    let out = bin()
        .args(["check", "--no-cache"])
        .arg(root)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0..=2)), "{err}");
    assert!(err.contains("zero.md: device"), "{err}");
    assert!(err.contains("loop.md: symlink loop"), "{err}");
    assert_eq!(err.matches("loop.md").count(), 1, "named once: {err}");
    // named directly, the loop is a loop, not "no such file"
    let out = bin()
        .args(["check", "--no-cache"])
        .arg(root.join("loop.md"))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("symlink loop"), "{err}");
    assert_eq!(out.status.code(), Some(2));
    // a missing sources folder is named
    let out = bin()
        .args(["check", "--no-cache", "--sources"])
        .arg(root.join("no-such-sources"))
        .arg(root.join("ok.md"))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-sources"), "{err}");
    let _ = Path::new(BIN);
}

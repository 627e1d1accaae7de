//! Issue #19 against the real `copydesk lsp` over stdio: bad frames are answered and the
//! server keeps reading; special files never block or exhaust it.

mod common;

use common::{file_uri, vscode_caps, Client, TIMEOUT};
use serde_json::{json, Value};
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn frame(body: &[u8]) -> Vec<u8> {
    let mut v = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    v.extend_from_slice(body);
    v
}

/// Waits for an error response with a null id and returns its code.
fn null_id_error(c: &mut Client) -> i64 {
    let r = c
        .next_matching(|m| m.get("error").is_some() && m["id"].is_null())
        .expect("an error reply with a null id");
    r["error"]["code"].as_i64().unwrap_or(0)
}

fn still_alive(c: &mut Client, uri: &str) {
    let r = c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.debugText", "arguments": [uri]}),
    );
    assert!(r.is_string(), "{r}");
}

#[test]
fn bad_frames_get_an_error_and_the_server_keeps_reading() {
    let mut c = Client::spawn(Path::new(BIN), &[]);
    c.initialize(vscode_caps(), json!({"debounceMs": 0}), None);
    let dir = tempfile::tempdir().expect("tmp");
    let uri = file_uri(&dir.path().join("a.md"));
    let text = "The council met on Monday.\n";
    c.open(&uri, "markdown", text);

    c.send_raw(&frame(b"{this is not json"));
    assert_eq!(null_id_error(&mut c), -32700);
    still_alive(&mut c, &uri);

    c.send_raw(&frame(
        br#"[{"jsonrpc":"2.0","id":99,"method":"shutdown"}]"#,
    ));
    assert_eq!(null_id_error(&mut c), -32600);
    still_alive(&mut c, &uri);

    c.send_raw(b"Content-Length: twelve\r\n\r\n{}");
    assert_eq!(null_id_error(&mut c), -32700);
    still_alive(&mut c, &uri);

    // A huge length is refused before anything is allocated; reading resumes at the next header.
    c.send_raw(b"Content-Length: 99999999999999\r\n\r\n{\"x\":1}");
    assert_eq!(null_id_error(&mut c), -32700);
    still_alive(&mut c, &uri);

    // Invalid UTF-8 in the body.
    c.send_raw(&frame(
        b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"\xff\xfe\"}",
    ));
    assert_eq!(null_id_error(&mut c), -32700);
    still_alive(&mut c, &uri);

    // A lone surrogate in a didChange: repaired to U+FFFD (one UTF-16 unit, so the copies stay
    // aligned), logged, and the document still follows later edits.
    let change = br#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"URI","version":1},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"\ud83d"}]}}"#;
    let change = String::from_utf8_lossy(change).replace("URI", &uri);
    c.send_raw(&frame(change.as_bytes()));
    let logged = c.next_matching(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("surrogate"))
    });
    assert!(logged.is_some());
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 1}}, "text": "X"}]}),
    );
    let server_text = c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.debugText", "arguments": [uri]}),
    );
    assert_eq!(server_text, json!(format!("\u{FFFD}X{text}")));

    // A request with a usable id but no usable method gets an error reply with that id.
    c.send_raw(&frame(br#"{"jsonrpc":"2.0","id":4242,"method":7}"#));
    let r = c
        .next_matching(|m| m["id"] == json!(4242))
        .expect("reply to id 4242");
    let code = r["error"]["code"].as_i64();
    assert!(code == Some(-32600) || code == Some(-32601), "{r}");

    // Garbage between frames is skipped.
    c.send_raw(b"\r\n\r\nnonsense without a header\r\n");
    still_alive(&mut c, &uri);
    assert_eq!(c.shutdown(), Some(0));
}

#[cfg(unix)]
#[test]
fn special_files_never_block_or_exhaust_the_server() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path();
    std::fs::write(
        root.join("ok.md"),
        "The board said on Monday that 12 staff left.\n",
    )
    .expect("write");
    // A FIFO and a symlink to /dev/zero with article names, inside the workspace.
    let fifo = root.join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let _ = std::os::unix::fs::symlink("/dev/zero", root.join("zero.md"));
    let mut c = Client::spawn(Path::new(BIN), &[]);
    c.initialize(vscode_caps(), json!({}), Some(&file_uri(root)));
    // showComparisons on a device uri answers (null or an error), and quickly.
    let t = std::time::Instant::now();
    let id = c.request_async(
        "workspace/executeCommand",
        json!({"command": "copydesk.showComparisons", "arguments": ["file:///dev/zero", {"line": 0, "character": 0}]}),
    );
    let r = c.response(id);
    assert!(r.get("result").is_some() || r.get("error").is_some(), "{r}");
    if made.is_ok_and(|s| s.success()) {
        let id = c.request_async(
            "workspace/executeCommand",
            json!({"command": "copydesk.showComparisons", "arguments": [file_uri(&fifo), {"line": 0, "character": 0}]}),
        );
        let r = c.response(id);
        assert!(r.get("result").is_some() || r.get("error").is_some(), "{r}");
        // A watcher event on the FIFO does not freeze anything.
        c.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": file_uri(&fifo), "type": 2}, {"uri": file_uri(&root.join("zero.md")), "type": 2}]}),
        );
    }
    assert!(t.elapsed() < TIMEOUT);
    let r: Value = c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.checkWorkspace", "arguments": []}),
    );
    let _ = r;
    assert_eq!(c.shutdown(), Some(0));
}

//! A small synchronous LSP client over the real binary's stdio (Content-Length framing), with
//! timeouts so a hang fails instead of blocking. Shared by the end-to-end tests and the benchmark.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// How long any single wait may take.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// A running `copydesk lsp` and the messages it sent that nobody has read yet.
pub struct Client {
    pub child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    pub pending: VecDeque<Value>,
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut buf = vec![0; len?];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

impl Client {
    /// Spawns `bin lsp` (extra args appended).
    pub fn spawn(bin: &Path, extra: &[&str]) -> Client {
        Client::spawn_env(bin, extra, &[])
    }

    /// Spawns `bin lsp` with extra environment variables.
    pub fn spawn_env(bin: &Path, extra: &[&str], env: &[(&str, &str)]) -> Client {
        let mut child = Command::new(bin)
            .arg("lsp")
            // the index cache of test servers stays out of the user's cache folder
            .env(
                "XDG_CACHE_HOME",
                std::env::temp_dir().join("copydesk-test-cache"),
            )
            .envs(env.iter().copied())
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn copydesk lsp");
        let stdout = child.stdout.take().expect("stdout");
        let stdin = child.stdin.take();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(v) = read_message(&mut r) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next_id: 0,
            pending: VecDeque::new(),
        }
    }

    fn send(&mut self, v: &Value) {
        let body = serde_json::to_vec(v).expect("json");
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).expect("write header");
        stdin.write_all(&body).expect("write body");
        stdin.flush().expect("flush");
    }

    /// Writes raw bytes to the server's standard input (for malformed frames).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write raw");
        stdin.flush().expect("flush");
    }

    /// Waits for a message matching `pred`, looking at the already received ones first.
    pub fn next_matching(&mut self, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.pending.iter().position(&pred) {
            return self.pending.remove(i);
        }
        self.wait_for(TIMEOUT, pred)
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting; returns its id.
    pub fn request_async(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Receives the next message, answering the server's own requests (registrations,
    /// progress tokens, configuration) on the way.
    fn recv(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        let v = self.rx.recv_timeout(left).ok()?;
        if v.get("method").is_some() && v.get("id").is_some() {
            let id = v["id"].clone();
            self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
        }
        Some(v)
    }

    /// Waits for the response to request `id`; returns the whole response (result or error).
    pub fn response(&mut self, id: i64) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let v = self
                .recv(deadline)
                .unwrap_or_else(|| panic!("no response to request {id} within {TIMEOUT:?}"));
            if v.get("id") == Some(&json!(id)) && v.get("method").is_none() {
                return v;
            }
            self.pending.push_back(v);
        }
    }

    /// Sends a request and returns its result (panics on an error response).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_async(method, params);
        let r = self.response(id);
        if let Some(e) = r.get("error") {
            panic!("{method} failed: {e}");
        }
        r["result"].clone()
    }

    /// Waits for a notification matching `pred` (looking at earlier ones first); None on timeout.
    pub fn wait_for(&mut self, timeout: Duration, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.pending.iter().position(&pred) {
            return self.pending.remove(i);
        }
        let deadline = Instant::now() + timeout;
        loop {
            let v = self.recv(deadline)?;
            if pred(&v) {
                return Some(v);
            }
            self.pending.push_back(v);
        }
    }

    /// Waits for `publishDiagnostics` of `uri` (with `version` when given).
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let v = self
            .wait_for(TIMEOUT, |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && version.is_none_or(|ver| m["params"]["version"] == json!(ver))
            })
            .unwrap_or_else(|| panic!("no diagnostics for {uri} (version {version:?})"));
        v["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Sends `initialize` then `initialized`; returns the server capabilities.
    pub fn initialize(&mut self, capabilities: Value, options: Value, root: Option<&str>) -> Value {
        let folders = root.map(|r| json!([{"uri": r, "name": "ws"}]));
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": root, "capabilities": capabilities,
                   "initializationOptions": options, "workspaceFolders": folders}),
        );
        self.notify("initialized", json!({}));
        r
    }

    /// Opens a document.
    pub fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 0, "text": text}}),
        );
    }

    /// Sends `shutdown` and `exit`; returns the exit status code.
    pub fn shutdown(mut self) -> Option<i32> {
        let r = self.request("shutdown", Value::Null);
        assert!(r.is_null(), "shutdown result {r}");
        self.notify("exit", Value::Null);
        self.stdin.take();
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(Some(st)) = self.child.try_wait() {
                return st.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit after `exit`");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// VS Code-like capabilities (UTF-16 positions, dynamic file watching, progress).
pub fn vscode_caps() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-16"]},
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}, "configuration": true, "workspaceFolders": true},
        "window": {"workDoneProgress": true},
        "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}, "publishDiagnostics": {"relatedInformation": true, "versionSupport": true}}
    })
}

/// Neovim 0.11-like capabilities (offers UTF-8 first).
pub fn nvim_caps() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-8", "utf-16", "utf-32"]},
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": false}},
        "window": {"workDoneProgress": true},
        "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}
    })
}

/// The LSP position of byte `offset` in `text` (UTF-16 or UTF-8 columns).
pub fn pos(text: &str, offset: usize, utf8: bool) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let seg = &text[start..offset];
    let col = if utf8 {
        seg.len()
    } else {
        seg.encode_utf16().count()
    };
    json!({"line": line, "character": col})
}

/// A `file://` URI for a path.
pub fn file_uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

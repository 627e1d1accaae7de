//! The framing layer between standard input and tower-lsp.
//!
//! tower-lsp-server 0.23 stops reading after the first frame it cannot decode (its
//! `FramedRead` ends on an error), so one bad frame from a client would end every diagnostic
//! until a restart. This layer reads the frames itself, with bounded sizes, and forwards to
//! tower-lsp only frames it will decode. What it does with the rest:
//!
//! - a body that is not JSON: a `-32700` parse error reply with a null id (JSON-RPC 2.0);
//! - JSON that is not a request, notification or response (an array, i.e. a batch, which LSP
//!   does not use; a number; an object without `method`): a `-32600` invalid-request reply with
//!   the message's id when it has a usable one, else a null id;
//! - a missing or unreadable `Content-Length`, or one above [`MAX_FRAME`]: a `-32700` reply,
//!   then the bytes up to the next `Content-Length` header are skipped (the body is never
//!   allocated);
//! - a lone UTF-16 surrogate escape (`\ud83d` without its pair) is *repaired*, not rejected:
//!   it becomes U+FFFD, which is one UTF-16 code unit too, so the server's copy of a document
//!   stays the same length as the editor's and later incremental edits still line up (a
//!   rejected `didChange` would leave the two copies apart for good). The repair is logged.
//!
//! Every reply or log line this layer writes goes through the one writer that also copies
//! tower-lsp's output to standard output, so frames never interleave.

use serde_json::{json, Value};
use std::borrow::Cow;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

/// The largest frame body accepted (bytes): a 30 MB article JSON-escaped fits.
pub const MAX_FRAME: usize = 256 << 20;
/// The largest header block accepted before its blank line (bytes).
const MAX_HEADER: usize = 8 << 10;

/// One outcome of reading the input stream.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A body to check (the header declared its length and it was all read).
    Body(Vec<u8>),
    /// A header that could not be used; the reason. The reader has already skipped ahead.
    BadHeader(String),
}

/// Reads `Content-Length`-framed messages from a byte stream, bounded in memory.
pub struct FrameReader<R> {
    inner: R,
    buf: Vec<u8>,
    max_frame: usize,
    eof: bool,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_header_start(hay: &[u8]) -> Option<usize> {
    // Case-insensitive search for "content-" (the only headers LSP has).
    hay.windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"content-"))
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// A reader over `inner` accepting bodies up to `max_frame` bytes.
    pub fn new(inner: R, max_frame: usize) -> Self {
        FrameReader {
            inner,
            buf: Vec::new(),
            max_frame,
            eof: false,
        }
    }

    async fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        let mut chunk = [0u8; 64 * 1024];
        match self.inner.read(&mut chunk).await {
            Ok(0) | Err(_) => {
                self.eof = true;
                false
            }
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                true
            }
        }
    }

    /// The next frame, or `None` at the end of the stream.
    pub async fn next(&mut self) -> Option<Frame> {
        // Find the start of a header and its blank line.
        let (start, end) = loop {
            if let Some(s) = find_header_start(&self.buf) {
                if let Some(e) = find(&self.buf[s..], b"\r\n\r\n") {
                    break (s, s + e + 4);
                }
                if self.buf.len() - s > MAX_HEADER {
                    // A header without end: drop it and look for the next one.
                    self.buf.drain(..s + 8);
                    return Some(Frame::BadHeader("header too long".into()));
                }
            } else if self.buf.len() > 8 {
                // Garbage before any header: keep only a tail that could start one.
                let keep = self.buf.len() - 7;
                self.buf.drain(..keep);
            }
            if !self.fill().await {
                return None;
            }
        };
        let header = String::from_utf8_lossy(&self.buf[start..end]).into_owned();
        self.buf.drain(..end);
        let mut len: Option<Result<usize, String>> = None;
        for line in header.split("\r\n").filter(|l| !l.is_empty()) {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            if name.trim().eq_ignore_ascii_case("content-length") {
                len = Some(
                    value
                        .trim()
                        .parse::<usize>()
                        .map_err(|_| format!("bad Content-Length '{}'", value.trim())),
                );
            }
        }
        let len = match len {
            None => return Some(Frame::BadHeader("missing Content-Length".into())),
            Some(Err(e)) => return Some(Frame::BadHeader(e)),
            Some(Ok(n)) if n > self.max_frame => {
                return Some(Frame::BadHeader(format!(
                    "Content-Length {n} is above the limit of {} bytes",
                    self.max_frame
                )))
            }
            Some(Ok(n)) => n,
        };
        while self.buf.len() < len {
            if !self.fill().await {
                return None;
            }
        }
        let rest = self.buf.split_off(len);
        let body = std::mem::replace(&mut self.buf, rest);
        Some(Frame::Body(body))
    }
}

/// Replaces lone UTF-16 surrogate escapes (`\uD800`–`\uDFFF` without a partner) with
/// `\uFFFD`; returns the count. Paired escapes and escaped backslashes are left alone.
pub fn repair_lone_surrogates(body: &[u8]) -> (Cow<'_, [u8]>, usize) {
    fn hex4(b: &[u8]) -> Option<u16> {
        let s = std::str::from_utf8(b.get(..4)?).ok()?;
        u16::from_str_radix(s, 16).ok()
    }
    let is_esc_u = |i: usize| body.get(i) == Some(&b'\\') && body.get(i + 1) == Some(&b'u');
    let mut out: Option<Vec<u8>> = None;
    let mut count = 0;
    let mut i = 0;
    let mut copied = 0;
    while let Some(off) = body
        .get(i..)
        .and_then(|r| r.iter().position(|b| *b == b'\\'))
    {
        i += off;
        if body.get(i + 1) != Some(&b'u') {
            i += 2;
            continue;
        }
        let Some(u) = hex4(&body[(i + 2).min(body.len())..]) else {
            i += 2;
            continue;
        };
        if (0xD800..0xDC00).contains(&u) {
            let low = if is_esc_u(i + 6) {
                hex4(&body[(i + 8).min(body.len())..])
            } else {
                None
            };
            if low.is_some_and(|l| (0xDC00..0xE000).contains(&l)) {
                i += 12;
                continue;
            }
        } else if !(0xDC00..0xE000).contains(&u) {
            i += 6;
            continue;
        }
        // A lone surrogate at i..i+6.
        let o = out.get_or_insert_with(|| Vec::with_capacity(body.len()));
        o.extend_from_slice(&body[copied..i]);
        o.extend_from_slice(b"\\uFFFD");
        count += 1;
        i += 6;
        copied = i;
    }
    match out {
        None => (Cow::Borrowed(body), 0),
        Some(mut o) => {
            o.extend_from_slice(&body[copied..]);
            (Cow::Owned(o), count)
        }
    }
}

/// What to do with one frame body.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Forward these bytes to tower-lsp; a note to log when something was repaired.
    Forward(Vec<u8>, Option<String>),
    /// Do not forward; send this reply (a JSON-RPC error response).
    Reject(Value),
}

fn error_reply(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// A `-32700` reply for a header that could not be used.
pub fn header_error(reason: &str) -> Value {
    error_reply(Value::Null, -32700, &format!("Parse error: {reason}"))
}

/// Decides what to do with a frame body (see the module documentation).
pub fn judge(body: Vec<u8>) -> Verdict {
    let (fixed, repaired) = repair_lone_surrogates(&body);
    let fixed = fixed.into_owned();
    let note = (repaired > 0).then(|| {
        format!("replaced {repaired} lone UTF-16 surrogate escape(s) with U+FFFD in a message")
    });
    let value: Value = match serde_json::from_slice(&fixed) {
        Ok(v) => v,
        Err(e) => {
            return Verdict::Reject(error_reply(
                Value::Null,
                -32700,
                &format!("Parse error: {e}"),
            ))
        }
    };
    use serde::Deserialize;
    // A request or notification names a method; a response carries a result or an error.
    let shaped = value.get("method").is_some_and(Value::is_string)
        || (value.get("id").is_some()
            && (value.get("result").is_some() || value.get("error").is_some()));
    let ok = shaped
        && (tower_lsp_server::jsonrpc::Request::deserialize(&value).is_ok()
            || tower_lsp_server::jsonrpc::Response::deserialize(&value).is_ok());
    if ok {
        return Verdict::Forward(fixed, note);
    }
    let id = match value.get("id") {
        Some(v @ (Value::Number(_) | Value::String(_))) => v.clone(),
        _ => Value::Null,
    };
    let what = match &value {
        Value::Array(_) => "a batch (JSON array); LSP messages are single objects",
        Value::Object(_) => "not a JSON-RPC 2.0 request, notification or response",
        _ => "not a JSON object",
    };
    Verdict::Reject(error_reply(id, -32600, &format!("Invalid Request: {what}")))
}

/// Writes one framed JSON value.
async fn write_frame<W: AsyncWrite + Unpin>(out: &mut W, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    out.write_all(body).await?;
    out.flush().await
}

fn log_message(text: &str) -> Vec<u8> {
    let v = json!({"jsonrpc": "2.0", "method": "window/logMessage",
        "params": {"type": 2, "message": format!("copydesk: {text}")}});
    serde_json::to_vec(&v).unwrap_or_default()
}

/// Copies frames from `input` to `to_server`, answering bad ones on `replies` (see the module
/// documentation). Returns at the end of `input`; dropping `to_server` then ends tower-lsp.
pub async fn pump_input<R, W>(
    input: R,
    mut to_server: W,
    replies: mpsc::UnboundedSender<Option<Vec<u8>>>,
    parcels: super::parcels::Parcels,
    shutdown_read: std::sync::Arc<std::sync::atomic::AtomicBool>,
) where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut frames = FrameReader::new(input, MAX_FRAME);
    while let Some(frame) = frames.next().await {
        match frame {
            Frame::BadHeader(reason) => {
                let _ = replies.send(Some(log_message(&format!("dropped a frame: {reason}"))));
                let _ = replies.send(Some(
                    serde_json::to_vec(&header_error(&reason)).unwrap_or_default(),
                ));
            }
            Frame::Body(body) => match judge(body) {
                Verdict::Forward(bytes, note) => {
                    if let Some(n) = note {
                        let _ = replies.send(Some(log_message(&n)));
                    }
                    // a client may send `exit` right after `shutdown`, before its answer:
                    // the request counts from when it is read (the exit code depends on it)
                    if is_shutdown(&bytes) {
                        shutdown_read.store(true, std::sync::atomic::Ordering::SeqCst);
                    }
                    let bytes = parcels.wrap(&bytes).unwrap_or(bytes);
                    if write_frame(&mut to_server, &bytes).await.is_err() {
                        return; // the server has stopped (after `exit`)
                    }
                }
                Verdict::Reject(reply) => {
                    let _ = replies.send(Some(serde_json::to_vec(&reply).unwrap_or_default()));
                }
            },
        }
    }
}

/// True for a `shutdown` request (parsed only when the word is in the body).
fn is_shutdown(body: &[u8]) -> bool {
    find(body, b"shutdown").is_some()
        && serde_json::from_slice::<Value>(body)
            .is_ok_and(|v| v.get("method").and_then(Value::as_str) == Some("shutdown"))
}

/// Copies tower-lsp's frames from `from_server` to `out_tx`, then sends `None`: the end.
pub async fn pump_server_output<R>(from_server: R, out_tx: mpsc::UnboundedSender<Option<Vec<u8>>>)
where
    R: AsyncRead + Unpin,
{
    let mut frames = FrameReader::new(from_server, usize::MAX);
    while let Some(frame) = frames.next().await {
        if let Frame::Body(b) = frame {
            let _ = out_tx.send(Some(b));
        }
    }
    let _ = out_tx.send(None);
}

/// Writes the frames from `rx` (tower-lsp's and this layer's replies) to `out`, one whole
/// frame at a time, until the `None` that [`pump_server_output`] sends at its end.
pub async fn write_output<W>(mut out: W, mut rx: mpsc::UnboundedReceiver<Option<Vec<u8>>>)
where
    W: AsyncWrite + Unpin,
{
    while let Some(Some(body)) = rx.recv().await {
        if write_frame(&mut out, &body).await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        rt.block_on(async {
            let mut r = FrameReader::new(input, 1000);
            let mut v = Vec::new();
            while let Some(f) = r.next().await {
                v.push(f);
            }
            v
        })
    }

    #[test]
    fn reads_frames_and_skips_garbage_and_bad_headers() {
        let got = frames(
            b"junk\r\nContent-Length: 2\r\n\r\n{}Content-Length: x\r\n\r\n{}\
              Content-Length: 99999999999\r\n\r\nContent-Type: a\r\n\r\n\
              content-length: 3\r\n\r\n[1]",
        );
        assert_eq!(
            got,
            vec![
                Frame::Body(b"{}".to_vec()),
                Frame::BadHeader("bad Content-Length 'x'".into()),
                Frame::BadHeader(
                    "Content-Length 99999999999 is above the limit of 1000 bytes".into()
                ),
                Frame::BadHeader("missing Content-Length".into()),
                Frame::Body(b"[1]".to_vec()),
            ]
        );
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let (s, n) = repair_lone_surrogates(br#"{"a":"x\ud83d y \ud83d\ude00 \\ud83d \udc00"}"#);
        assert_eq!(n, 2);
        assert_eq!(
            &*s,
            br#"{"a":"x\uFFFD y \ud83d\ude00 \\ud83d \uFFFD"}"#.as_slice()
        );
        let v: Value = serde_json::from_slice(&s).expect("valid after repair");
        assert_eq!(v["a"], "x\u{FFFD} y \u{1F600} \\ud83d \u{FFFD}");
        let (s, n) = repair_lone_surrogates(br#"{"a":"\ud83d"#);
        assert_eq!((n, &*s), (1, br#"{"a":"\uFFFD"#.as_slice()));
        let (_, n) = repair_lone_surrogates(br#"\u12"#);
        assert_eq!(n, 0);
        // found by tests/fuzz.rs: a backslash as the last byte
        for tail in [&b"x\\"[..], b"\\", b"\\u", b"\\ud83d\\"] {
            let _ = repair_lone_surrogates(tail);
        }
    }

    #[test]
    fn a_shutdown_request_is_told_from_text_that_names_it() {
        assert!(is_shutdown(
            br#"{"jsonrpc":"2.0","id":4,"method":"shutdown"}"#
        ));
        assert!(!is_shutdown(
            br#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"text":"shutdown"}}"#
        ));
    }

    #[test]
    fn judges_bodies() {
        let req = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#.to_vec();
        assert!(matches!(judge(req), Verdict::Forward(_, None)));
        let Verdict::Reject(r) = judge(b"{not json".to_vec()) else {
            panic!("accepted bad JSON")
        };
        assert_eq!(r["error"]["code"], -32700);
        let Verdict::Reject(r) = judge(b"[1,2]".to_vec()) else {
            panic!("accepted a batch")
        };
        assert_eq!(r["error"]["code"], -32600);
        let Verdict::Reject(r) = judge(br#"{"jsonrpc":"2.0","id":7,"method":12}"#.to_vec()) else {
            panic!("accepted a number as method")
        };
        assert_eq!(
            (r["id"].clone(), r["error"]["code"].clone()),
            (json!(7), json!(-32600))
        );
        let s = br#"{"jsonrpc":"2.0","method":"x","params":{"t":"\ud83d"}}"#.to_vec();
        assert!(matches!(judge(s), Verdict::Forward(_, Some(_))));
    }
}

//! Large document texts travel beside tower-lsp, not through it.
//!
//! tower-lsp reads its input into one buffer that grows to the largest message and never
//! shrinks: after a 30 MB document was opened and closed, 32 MB stayed resident for good
//! (issue #19: memory after closing a document back under 50 MB). So the framing layer
//! ([`super::transport`]) takes every text of at least [`PARCEL_MIN`] bytes out of a
//! `didOpen`/`didChange` message, keeps it here and forwards a short placeholder; the handler
//! swaps the text back in ([`Parcels::take`]). Placeholders carry a per-process random nonce,
//! so no client text can name a parcel.

use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Texts of at least this many bytes travel as parcels.
pub const PARCEL_MIN: usize = 1 << 20;
/// Parcels held at once, in bytes: beyond this, texts go through tower-lsp as before (a
/// parcel is only left unclaimed when its message is never handled, before `initialized`).
const MAX_HELD: usize = 1 << 30;

#[derive(Default)]
struct Held {
    next: u64,
    bytes: usize,
    texts: HashMap<u64, String>,
}

/// The texts taken out of messages, until their handlers claim them.
#[derive(Clone)]
pub struct Parcels {
    prefix: Arc<str>,
    held: Arc<Mutex<Held>>,
}

impl Default for Parcels {
    fn default() -> Self {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        Parcels {
            prefix: format!("\u{0}copydesk parcel {:016x} ", h.finish()).into(),
            held: Arc::default(),
        }
    }
}

impl Parcels {
    fn held(&self) -> std::sync::MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Keeps `text` and returns its placeholder, or gives `text` back when too much is held.
    fn put(&self, text: String) -> Result<String, String> {
        let mut held = self.held();
        if held.bytes + text.len() > MAX_HELD {
            return Err(text);
        }
        held.next += 1;
        let id = held.next;
        held.bytes += text.len();
        held.texts.insert(id, text);
        Ok(format!("{}{id}", self.prefix))
    }

    /// The text a placeholder stands for (removed from here), or `None` for any other text.
    pub fn take(&self, text: &str) -> Option<String> {
        let id: u64 = text.strip_prefix(&*self.prefix)?.parse().ok()?;
        let mut held = self.held();
        let t = held.texts.remove(&id)?;
        held.bytes -= t.len();
        Some(t)
    }

    /// Swaps a placeholder in `text` for its text; any other text is left as it is.
    pub fn restore(&self, text: &mut String) {
        if text.len() < 64 && text.starts_with(&*self.prefix) {
            if let Some(t) = self.take(text) {
                *text = t;
            }
        }
    }

    /// A message body with its large document texts taken out, or `None` when it has none.
    pub fn wrap(&self, body: &[u8]) -> Option<Vec<u8>> {
        if body.len() < PARCEL_MIN {
            return None;
        }
        let mut v: Value = serde_json::from_slice(body).ok()?;
        let method = v.get("method").and_then(Value::as_str).map(str::to_owned);
        let params = v.get_mut("params")?;
        let mut slots: Vec<&mut Value> = Vec::new();
        match method.as_deref() {
            Some("textDocument/didOpen") => {
                slots.extend(params.pointer_mut("/textDocument/text"));
            }
            Some("textDocument/didChange") => {
                if let Some(Value::Array(changes)) = params.get_mut("contentChanges") {
                    slots.extend(changes.iter_mut().filter_map(|c| c.get_mut("text")));
                }
            }
            _ => return None,
        }
        let mut any = false;
        for slot in slots {
            if let Value::String(s) = slot {
                if s.len() >= PARCEL_MIN {
                    match self.put(std::mem::take(s)) {
                        Ok(p) => {
                            *s = p;
                            any = true;
                        }
                        Err(t) => *s = t,
                    }
                }
            }
        }
        any.then(|| serde_json::to_vec(&v).ok()).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn large_texts_travel_as_parcels_and_come_back() {
        let p = Parcels::default();
        let big = "word ".repeat(PARCEL_MIN / 4);
        let open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params":
            {"textDocument": {"uri": "file:///a.md", "languageId": "markdown", "version": 0, "text": big}}});
        let wrapped = p
            .wrap(&serde_json::to_vec(&open).unwrap())
            .expect("wrapped");
        assert!(wrapped.len() < 300);
        let v: Value = serde_json::from_slice(&wrapped).unwrap();
        let mut text = v["params"]["textDocument"]["text"]
            .as_str()
            .unwrap()
            .to_string();
        p.restore(&mut text);
        assert_eq!(text, big);
        // claimed once: the placeholder names nothing afterwards
        let mut again = v["params"]["textDocument"]["text"]
            .as_str()
            .unwrap()
            .to_string();
        p.restore(&mut again);
        assert!(again.starts_with('\u{0}'));
    }

    #[test]
    fn small_texts_other_methods_and_foreign_placeholders_are_left_alone() {
        let p = Parcels::default();
        let small = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params":
            {"textDocument": {"uri": "file:///a.md", "version": 1}, "contentChanges": [{"text": "short"}]}});
        assert!(p.wrap(&serde_json::to_vec(&small).unwrap()).is_none());
        let big = "x".repeat(PARCEL_MIN);
        let other = json!({"jsonrpc": "2.0", "id": 1, "method": "workspace/executeCommand",
            "params": {"command": "c", "arguments": [big]}});
        assert!(p.wrap(&serde_json::to_vec(&other).unwrap()).is_none());
        // a placeholder of another process (another nonce) stays text
        let mut forged = "\u{0}copydesk parcel 0000000000000000 1".to_string();
        p.restore(&mut forged);
        assert_eq!(forged, "\u{0}copydesk parcel 0000000000000000 1");
    }
}

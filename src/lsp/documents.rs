//! Open documents, kept as ropes and edited incrementally, each with its latest analysis.
//!
//! Every change bumps the document's sequence number synchronously; analyses are tagged with the
//! sequence number of the text they read, so a result for an older text is never used.

use super::analyse::Snapshot;
use super::position::{rope_char, Encoding};
use ropey::Rope;
use std::collections::HashMap;
use std::sync::Arc;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

/// One open document.
#[derive(Debug)]
pub struct Document {
    /// The current text.
    pub rope: Rope,
    /// The client's version number.
    pub version: i32,
    /// Our own sequence number: bumped on every change, never reused.
    pub seq: u64,
    /// The latest analysis (maybe of an older text: compare `snapshot.seq` with `seq`).
    pub snapshot: Option<Arc<Snapshot>>,
    /// The client's language id ("markdown", "plaintext").
    pub language_id: String,
}

impl Document {
    /// The analysis of the current text, if it is done.
    pub fn fresh(&self) -> Option<Arc<Snapshot>> {
        self.snapshot.clone().filter(|s| s.seq == self.seq)
    }
}

/// Every open document, by URI.
#[derive(Debug, Default)]
pub struct Documents {
    map: HashMap<Uri, Document>,
    next_seq: u64,
}

impl Documents {
    fn bump(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// Opens (or reopens) a document; returns its sequence number.
    pub fn open(&mut self, uri: Uri, text: &str, version: i32, language_id: &str) -> u64 {
        let seq = self.bump();
        self.map.insert(
            uri,
            Document {
                rope: Rope::from_str(text),
                version,
                seq,
                snapshot: None,
                language_id: language_id.to_string(),
            },
        );
        seq
    }

    /// Applies `changes` in order (ranges in `enc`, clamped); returns the new sequence number,
    /// or None when the document is not open.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        enc: Encoding,
    ) -> Option<u64> {
        let seq = self.bump();
        let doc = self.map.get_mut(uri)?;
        for ch in changes {
            apply(&mut doc.rope, ch, enc);
        }
        doc.version = version;
        doc.seq = seq;
        Some(seq)
    }

    /// Closes a document.
    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.map.remove(uri)
    }

    /// The document at `uri`.
    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.map.get(uri)
    }

    /// The current sequence number and text of a document.
    pub fn text(&self, uri: &Uri) -> Option<(u64, String)> {
        self.map.get(uri).map(|d| (d.seq, d.rope.to_string()))
    }

    /// Stores an analysis if it is of the current text; returns whether it was stored.
    pub fn store(&mut self, uri: &Uri, snapshot: Arc<Snapshot>) -> bool {
        match self.map.get_mut(uri) {
            Some(d) if d.seq == snapshot.seq => {
                d.snapshot = Some(snapshot);
                true
            }
            _ => false,
        }
    }

    /// Drops a document's stored analysis (the configuration or the sources changed).
    pub fn forget(&mut self, uri: &Uri) -> bool {
        self.map
            .get_mut(uri)
            .and_then(|d| d.snapshot.take())
            .is_some()
    }

    /// True when `seq` is the document's current sequence number.
    pub fn is_current(&self, uri: &Uri, seq: u64) -> bool {
        self.map.get(uri).is_some_and(|d| d.seq == seq)
    }

    /// URIs of every open document.
    pub fn uris(&self) -> Vec<Uri> {
        self.map.keys().cloned().collect()
    }
}

/// Applies one change to a rope: a full replacement when there is no range.
pub fn apply(rope: &mut Rope, ch: &TextDocumentContentChangeEvent, enc: Encoding) {
    match ch.range {
        None => *rope = Rope::from_str(&ch.text),
        Some(r) => {
            let a = rope_char(rope, r.start, enc);
            let b = rope_char(rope, r.end, enc);
            let (a, b) = (a.min(b), a.max(b));
            rope.remove(a..b);
            rope.insert(a, &ch.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn edit(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_edits_in_both_encodings() {
        let uri: Uri = "file:///a.md".parse().expect("uri");
        let mut docs = Documents::default();
        docs.open(uri.clone(), "Über\nKestrelyan – 30\n", 1, "markdown");
        // Replace "30" (UTF-16 columns 13..15).
        docs.change(&uri, 2, &[edit(1, 13, 1, 15, "31")], Encoding::Utf16);
        assert_eq!(
            docs.text(&uri).map(|t| t.1).as_deref(),
            Some("Über\nKestrelyan – 31\n")
        );
        // Same place in UTF-8 columns: 15..17.
        docs.change(&uri, 3, &[edit(1, 15, 1, 17, "32")], Encoding::Utf8);
        assert_eq!(
            docs.text(&uri).map(|t| t.1).as_deref(),
            Some("Über\nKestrelyan – 32\n")
        );
        // Out of range: clamped to the end; reversed ranges are swapped.
        docs.change(
            &uri,
            4,
            &[edit(99, 0, 99, 5, "!"), edit(0, 4, 0, 1, "")],
            Encoding::Utf16,
        );
        assert_eq!(
            docs.text(&uri).map(|t| t.1).as_deref(),
            Some("Ü\nKestrelyan – 32\n!")
        );
        let seq = docs.get(&uri).map(|d| d.seq).unwrap_or(0);
        assert!(docs.is_current(&uri, seq));
        assert!(!docs.is_current(&uri, seq - 1));
    }
}

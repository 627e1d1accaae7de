//! Summaries to rows and back, through `ArticleSummary`'s serde form (as the SQLite cache
//! stores them): the JSON without the keyword hashes, and the hashes as 8 little-endian bytes
//! each.

use crate::sources::ArticleSummary;

/// The JSON form of a summary (keywords left out, see [`keywords_to_bytes`]).
pub fn to_json(s: &ArticleSummary) -> Result<String, String> {
    serde_json::to_string(s).map_err(|e| e.to_string())
}

/// The keyword hashes as bytes.
pub fn keywords_to_bytes(k: &[u64]) -> Vec<u8> {
    k.iter().flat_map(|k| k.to_le_bytes()).collect()
}

/// The keyword hashes from bytes (a trailing partial hash is ignored).
pub fn keywords_from_bytes(b: &[u8]) -> Vec<u64> {
    b.chunks_exact(8)
        .map(|c| {
            let mut x = [0u8; 8];
            x.copy_from_slice(c);
            u64::from_le_bytes(x)
        })
        .collect()
}

/// A summary from its row: the JSON, the keyword bytes, and the key it is stored under (which
/// becomes its path). None when the JSON is not a summary of this version.
pub fn from_row(key: &str, json: &str, keywords: &[u8]) -> Option<ArticleSummary> {
    let mut s: ArticleSummary = serde_json::from_str(json).ok()?;
    s.keywords = keywords_from_bytes(keywords);
    s.path = key.to_string();
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_round_trips() {
        let a = crate::engine::Engine::default().analyse(
            " date 2022-05-04 The river rose 3 metres and 120 homes were flooded, the mayor said.\n",
        );
        let s = crate::engine::summarize("here.md", &a);
        let json = to_json(&s).expect("json");
        let back = from_row("there.md", &json, &keywords_to_bytes(&s.keywords)).expect("back");
        assert_eq!(back.path, "there.md");
        assert_eq!(back.keywords, s.keywords);
        assert_eq!(back.claims.len(), s.claims.len());
        assert_eq!(back.published, s.published);
        assert!(from_row("x", "{not json", &[]).is_none());
    }
}

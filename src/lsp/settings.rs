//! Client settings: `initializationOptions` and `workspace/didChangeConfiguration`
//! (`{ "sources": [..], "rules": { id: severity }, "inlayHints": bool }`, also nested under
//! `settings.copydesk` or `copydesk`). They override `.copydesk.toml`.

use crate::config::{Config, RuleSetting};
use crate::rules::{self, Severity};
use serde_json::Value;
use std::collections::BTreeMap;

/// Default debounce between an edit and its analysis, in milliseconds.
pub const DEFAULT_DEBOUNCE_MS: u64 = 120;
/// Default size limit of an analysed document, in bytes.
pub const DEFAULT_MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// The largest accepted `debounceMs` (ten seconds).
pub const MAX_DEBOUNCE_MS: u64 = 10_000;
/// The largest accepted `maxFileBytes` (256 MiB).
pub const MAX_FILE_BYTES_LIMIT: u64 = 256 << 20;

/// The whole number at `key` when it lies in `lo..=hi`; otherwise None and a problem (the
/// default then applies and the server keeps running).
fn ranged(v: &Value, key: &str, lo: u64, hi: u64, problems: &mut Vec<String>) -> Option<u64> {
    let x = v.get(key)?;
    match x.as_u64() {
        Some(n) if (lo..=hi).contains(&n) => Some(n),
        _ => {
            problems.push(format!(
                "{key} = {x}: expected a whole number from {lo} to {hi}; the default is used"
            ));
            None
        }
    }
}

/// How diagnostics reach the client.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DiagnosticsMode {
    /// `textDocument/publishDiagnostics` after every change (default).
    #[default]
    Push,
    /// Only `textDocument/diagnostic` (the server advertises a diagnostic provider).
    Pull,
    /// Both (the client may show duplicates).
    Both,
}

/// The settings a client sent; None means "not set" (the file or the default applies).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// Extra source folders.
    pub sources: Option<Vec<String>>,
    /// Rule settings by id.
    pub rules: Option<BTreeMap<String, RuleSetting>>,
    /// Inlay hints on or off.
    pub inlay_hints: Option<bool>,
    /// Debounce in milliseconds (`debounceMs`; 0 for benchmarks).
    pub debounce_ms: Option<u64>,
    /// Size limit in bytes (`maxFileBytes`).
    pub max_file_bytes: Option<usize>,
    /// Diagnostics mode (`diagnostics`: "push", "pull" or "both").
    pub diagnostics: Option<DiagnosticsMode>,
}

impl Settings {
    /// Reads settings from JSON; unknown or invalid entries are reported and skipped.
    pub fn from_json(v: &Value) -> (Settings, Vec<String>) {
        let mut v = v;
        if let Some(inner) = v.get("settings") {
            v = inner;
        }
        if let Some(inner) = v.get("copydesk") {
            v = inner;
        }
        let mut s = Settings::default();
        let mut problems = Vec::new();
        if let Some(src) = v.get("sources") {
            match src.as_array() {
                Some(a) => {
                    s.sources = Some(
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect(),
                    )
                }
                None => problems.push("sources: expected an array of folder paths".to_string()),
            }
        }
        if let Some(r) = v.get("rules").and_then(Value::as_object) {
            let rules = s.rules.get_or_insert_with(BTreeMap::new);
            for (id, sev) in r {
                if rules::rule_info(id).is_none() {
                    problems.push(format!("rules: unknown rule '{id}'"));
                    continue;
                }
                let sev = sev.as_str().unwrap_or("");
                let setting = if sev.eq_ignore_ascii_case("off") {
                    Some(RuleSetting::Off)
                } else {
                    Severity::parse(sev).map(RuleSetting::Severity)
                };
                match setting {
                    Some(x) => {
                        rules.insert(id.clone(), x);
                    }
                    None => problems.push(format!(
                        "rules.{id} = {sev:?}: expected \"error\", \"warning\", \"info\", \"hint\" or \"off\""
                    )),
                }
            }
        }
        s.inlay_hints = v.get("inlayHints").and_then(Value::as_bool);
        s.debounce_ms = ranged(v, "debounceMs", 0, MAX_DEBOUNCE_MS, &mut problems);
        s.max_file_bytes = ranged(v, "maxFileBytes", 1, MAX_FILE_BYTES_LIMIT, &mut problems)
            .and_then(|n| usize::try_from(n).ok());
        s.diagnostics = match v.get("diagnostics").and_then(Value::as_str) {
            Some("push") => Some(DiagnosticsMode::Push),
            Some("pull") => Some(DiagnosticsMode::Pull),
            Some("both") => Some(DiagnosticsMode::Both),
            Some(x) => {
                problems.push(format!(
                    "diagnostics = {x:?}: expected \"push\", \"pull\" or \"both\""
                ));
                None
            }
            None => None,
        };
        (s, problems)
    }

    /// `base` (from `.copydesk.toml` or the default) with these settings applied on top.
    pub fn apply(&self, mut base: Config) -> Config {
        if let Some(src) = &self.sources {
            base.sources = src.clone();
        }
        for (id, r) in self.rules.iter().flatten() {
            base.rules.insert(id.clone(), *r);
        }
        if let Some(b) = self.inlay_hints {
            base.inlay_hints = b;
        }
        base
    }

    /// These settings with every key `newer` sets replaced (keys it leaves out are kept).
    pub fn merged(&self, newer: Settings) -> Settings {
        Settings {
            sources: newer.sources.or_else(|| self.sources.clone()),
            rules: newer.rules.or_else(|| self.rules.clone()),
            inlay_hints: newer.inlay_hints.or(self.inlay_hints),
            debounce_ms: newer.debounce_ms.or(self.debounce_ms),
            max_file_bytes: newer.max_file_bytes.or(self.max_file_bytes),
            // Fixed at initialize: it decides the advertised capabilities.
            diagnostics: self.diagnostics,
        }
    }

    /// The debounce in milliseconds.
    pub fn debounce(&self) -> u64 {
        self.debounce_ms.unwrap_or(DEFAULT_DEBOUNCE_MS)
    }

    /// The size limit in bytes.
    pub fn max_bytes(&self) -> usize {
        self.max_file_bytes.unwrap_or(DEFAULT_MAX_FILE_BYTES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_out_of_range_are_problems_and_keep_the_default() {
        for bad in [
            json!({"debounceMs": 1e12}),
            json!({"debounceMs": -1}),
            json!({"debounceMs": 9_223_372_036_854_775_807_u64}),
            json!({"maxFileBytes": 0}),
            json!({"maxFileBytes": 1e15}),
            json!({"maxFileBytes": "lots"}),
        ] {
            let (s, problems) = Settings::from_json(&bad);
            assert_eq!(problems.len(), 1, "{bad}");
            assert_eq!(
                (s.debounce(), s.max_bytes()),
                (DEFAULT_DEBOUNCE_MS, DEFAULT_MAX_FILE_BYTES)
            );
        }
    }
    use serde_json::json;

    #[test]
    fn reads_flat_and_nested_settings() {
        let (s, p) = Settings::from_json(&json!({"settings": {"copydesk": {
            "sources": ["/x"], "rules": {"date-no-dateline": "off", "date-weekday-mismatch": "hint", "nope": "off"},
            "inlayHints": false}}}));
        assert_eq!(p.len(), 1);
        assert_eq!(s.sources, Some(vec!["/x".to_string()]));
        assert_eq!(s.inlay_hints, Some(false));
        let c = s.apply(Config::default());
        assert_eq!(c.severity_of("date-no-dateline", Severity::Info), None);
        assert_eq!(
            c.severity_of("date-weekday-mismatch", Severity::Error),
            Some(Severity::Hint)
        );
        assert!(!c.inlay_hints);
        let (s, p) = Settings::from_json(
            &json!({"inlayHints": true, "rules": {"date-no-dateline": "loud"}}),
        );
        assert_eq!(s.inlay_hints, Some(true));
        assert_eq!(p.len(), 1);
        assert_eq!(Settings::from_json(&json!(null)).0, Settings::default());
        // A later partial update keeps what it does not mention.
        let first = Settings::from_json(&json!({"inlayHints": false, "debounceMs": 0})).0;
        let next = first
            .merged(Settings::from_json(&json!({"settings": {"copydesk": {"sources": ["/y"]}}})).0);
        assert_eq!(next.inlay_hints, Some(false));
        assert_eq!(next.debounce_ms, Some(0));
        assert_eq!(next.sources, Some(vec!["/y".to_string()]));
    }
}

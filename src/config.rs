//! `.copydesk.toml`: rule severities, which files are articles, sources, and what to ignore.
//!
//! Parsing is pure (text in, [`Config`] or [`ConfigError`] out); finding the file on disk is the
//! shells' job (see `workspace`).

pub use crate::figures::attribution::DEFAULT_VAGUE;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A suggestion.
    Hint,
    /// Worth a look.
    Info,
    /// Probably wrong.
    Warning,
    /// Certainly wrong.
    Error,
}

impl Severity {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    /// Parses "error", "warning", "info" or "hint".
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "information" => Some(Severity::Info),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

crate::word_set!(
    /// Measure categories whose unattributed figures are warnings by default.
    pub DEFAULT_SENSITIVE = file "sensitive-measures.txt"
);

/// A rule's configured setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSetting {
    /// Report at this severity.
    Severity(Severity),
    /// Do not run.
    Off,
}

/// The configuration in force for a file.
#[derive(Clone, Debug)]
pub struct Config {
    /// Per-rule settings; rules not listed keep their default severity.
    pub rules: BTreeMap<String, RuleSetting>,
    /// Globs of files to check (relative to the config's folder); empty means every article.
    pub include: Vec<String>,
    /// Globs of files to skip.
    pub exclude: Vec<String>,
    /// Extra source folders (relative to the config's folder, or absolute).
    pub sources: Vec<String>,
    /// Findings at or above this severity fail `copydesk check`.
    pub fail_on: Severity,
    /// Measure categories whose unattributed figures are warnings.
    pub sensitive_measures: Vec<String>,
    /// Words that make an attribution vague.
    pub vague_sources: Vec<String>,
    /// Findings whose text matches one of these are dropped.
    pub ignore: Vec<Regex>,
    /// Days within which two articles can report on the same story.
    pub window_days: i64,
    /// Show resolved dates as inlay hints (language server).
    pub inlay_hints: bool,
    /// Report suppression comments that hide no finding (rule `suppression-unused`).
    pub report_unused_suppressions: bool,
    /// The user's own places (`[words] places`): treated as places, like the gazetteer's.
    pub places: Vec<String>,
    /// The user's own outlets (`[words] outlets`): names of organisations that are sources.
    pub outlets: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            rules: BTreeMap::new(),
            include: Vec::new(),
            exclude: Vec::new(),
            sources: Vec::new(),
            fail_on: Severity::Warning,
            sensitive_measures: DEFAULT_SENSITIVE.iter().map(|s| s.to_string()).collect(),
            vague_sources: DEFAULT_VAGUE.iter().map(|s| s.to_string()).collect(),
            ignore: Vec::new(),
            window_days: 21,
            inlay_hints: true,
            report_unused_suppressions: false,
            places: Vec::new(),
            outlets: Vec::new(),
        }
    }
}

/// A configuration that could not be read: where and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
    fail_on: Option<toml::Spanned<String>>,
    sensitive_measures: Option<Vec<toml::Spanned<String>>>,
    vague_sources: Option<Vec<String>>,
    #[serde(default)]
    ignore: Vec<toml::Spanned<String>>,
    window_days: Option<toml::Spanned<i64>>,
    inlay_hints: Option<bool>,
    report_unused_suppressions: Option<bool>,
    #[serde(default)]
    words: RawWords,
}

/// `[words]`: the user's own word knowledge.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawWords {
    #[serde(default)]
    places: Vec<toml::Spanned<String>>,
    #[serde(default)]
    outlets: Vec<toml::Spanned<String>>,
}

/// The names of a `[words]` list, each a name of one to eight words of at most 100 bytes.
fn word_names(
    text: &str,
    key: &str,
    list: Vec<toml::Spanned<String>>,
) -> Result<Vec<String>, ConfigError> {
    let mut out = Vec::new();
    for n in list {
        let name = n.get_ref().split_whitespace().collect::<Vec<_>>().join(" ");
        let words = name.split(' ').count();
        if name.is_empty() || name.len() > 100 || words > 8 {
            return Err(ConfigError {
                line: Some(line_of(text, n.span().start)),
                message: format!(
                    "words.{key}: '{}' is not a name (expected one to eight words)",
                    n.get_ref()
                ),
            });
        }
        if !out.contains(&name) {
            out.push(name);
        }
    }
    Ok(out)
}

/// The largest `window-days` accepted (about ten years): larger windows only cost time.
pub const MAX_WINDOW_DAYS: i64 = 3_660;

/// Every measure category a claim can have.
pub const MEASURES: &[&str] = &[
    "killed",
    "injured",
    "missing",
    "displaced",
    "arrested",
    "money",
    "percent",
    "count",
    "duration",
    "other",
];

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|b| *b == b'\n')
        .count()
        + 1
}

impl Config {
    /// Parses a `.copydesk.toml`; `known_rules` lists valid rule ids.
    pub fn parse(text: &str, known_rules: &[&str]) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError {
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().trim().to_string(),
        })?;
        let mut c = Config::default();
        for (id, setting) in raw.rules {
            let line = Some(line_of(text, setting.span().start));
            if !known_rules.contains(&id.as_str()) {
                return Err(ConfigError {
                    line,
                    message: format!("unknown rule '{id}' (run `copydesk rules` for the list)"),
                });
            }
            let v = setting.get_ref();
            let s = if v.eq_ignore_ascii_case("off") {
                RuleSetting::Off
            } else {
                RuleSetting::Severity(Severity::parse(v).ok_or_else(|| ConfigError {
                    line,
                    message: format!("rule '{id}' = \"{v}\": expected \"error\", \"warning\", \"info\", \"hint\" or \"off\""),
                })?)
            };
            c.rules.insert(id, s);
        }
        c.include = raw.include;
        c.exclude = raw.exclude;
        for g in c.include.iter().chain(&c.exclude) {
            globset::Glob::new(g).map_err(|e| ConfigError {
                line: None,
                message: format!("bad glob '{g}': {e}"),
            })?;
        }
        c.sources = raw.sources;
        if let Some(f) = raw.fail_on {
            c.fail_on = Severity::parse(f.get_ref()).ok_or_else(|| ConfigError {
                line: Some(line_of(text, f.span().start)),
                message: format!(
                    "fail-on = \"{}\": expected \"error\", \"warning\", \"info\" or \"hint\"",
                    f.get_ref()
                ),
            })?;
        }
        if let Some(ms) = raw.sensitive_measures {
            let mut v = Vec::new();
            for m in ms {
                if !MEASURES.contains(&m.get_ref().as_str()) {
                    return Err(ConfigError {
                        line: Some(line_of(text, m.span().start)),
                        message: format!(
                            "sensitive-measures: unknown measure '{}' (expected one of {})",
                            m.get_ref(),
                            MEASURES.join(", ")
                        ),
                    });
                }
                v.push(m.into_inner());
            }
            c.sensitive_measures = v;
        }
        if let Some(v) = raw.vague_sources {
            c.vague_sources = v;
        }
        for r in raw.ignore {
            let re = Regex::new(r.get_ref()).map_err(|e| ConfigError {
                line: Some(line_of(text, r.span().start)),
                message: format!(
                    "ignore: '{}' is not a valid regular expression: {e}",
                    r.get_ref()
                ),
            })?;
            c.ignore.push(re);
        }
        if let Some(w) = raw.window_days {
            if !(0..=MAX_WINDOW_DAYS).contains(w.get_ref()) {
                return Err(ConfigError {
                    line: Some(line_of(text, w.span().start)),
                    message: format!(
                        "window-days = {}: expected a whole number of days from 0 to {MAX_WINDOW_DAYS}",
                        w.get_ref()
                    ),
                });
            }
            c.window_days = *w.get_ref();
        }
        if let Some(b) = raw.inlay_hints {
            c.inlay_hints = b;
        }
        if let Some(b) = raw.report_unused_suppressions {
            c.report_unused_suppressions = b;
        }
        c.places = word_names(text, "places", raw.words.places)?;
        c.outlets = word_names(text, "outlets", raw.words.outlets)?;
        c.apply_words();
        Ok(c)
    }

    /// Makes the configuration's own places and outlets known to the analysis (for the
    /// process: the look-ups are shared; see `lexicon::user`).
    pub fn apply_words(&self) {
        crate::lexicon::user::add_places(&self.places);
        crate::lexicon::user::add_outlets(&self.outlets);
    }

    /// The severity a rule runs at, or None when it is off.
    pub fn severity_of(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.rules.get(rule) {
            Some(RuleSetting::Off) => None,
            Some(RuleSetting::Severity(s)) => Some(*s),
            None => Some(default),
        }
    }

    /// True when a finding's text matches an `ignore` pattern.
    pub fn is_ignored_text(&self, text: &str) -> bool {
        self.ignore.iter().any(|r| r.is_match(text))
    }
}

/// A commented starter configuration (what `copydesk init` writes).
pub const STARTER: &str = r#"# copydesk configuration: https://github.com/copydesk/copydesk#configuration
# Every key is optional; delete what you do not need.

# Findings at or above this severity make `copydesk check` exit with 1.
fail-on = "warning"

# Which files are checked (globs relative to this file). Empty: every article found.
include = []
exclude = ["drafts/**", "README.md"]

# Other folders whose articles are compared with yours (relative or absolute paths).
sources = []

# How many days apart two articles can be and still report on the same story.
window-days = 21

# Unattributed figures of these kinds are warnings; other figures are info.
sensitive-measures = ["killed", "injured", "missing", "displaced", "arrested", "money", "percent"]

# Words that make an attribution vague ("officials said").
vague-sources = ["officials", "sources", "reports", "authorities", "experts", "witnesses"]

# Findings whose exact text matches one of these regular expressions are dropped.
ignore = []

# Show resolved dates after "on Thursday", "yesterday" in the editor.
inlay-hints = true

# Report suppression comments that no longer hide any finding (rule suppression-unused).
report-unused-suppressions = false

# Your beat's own word knowledge, beside the built-in gazetteer.
[words]
# Places the gazetteer does not know (towns, districts, neighbourhoods): treated as places.
places = []
# Outlets and other sources you cite by name: treated as organisations that can be sources.
outlets = []

# Rule severities: "error", "warning", "info", "hint" or "off".
[rules]
# figure-unattributed = "off"
# date-no-dateline = "off"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &[&str] = &["figure-unattributed", "date-no-dateline"];

    #[test]
    fn users_add_places_and_outlets() {
        let c = Config::parse(
            "[words]\nplaces = [\"Quillby  Township\", \"Quillby Township\"]\noutlets = [\"The Marsh Courier\"]\n",
            RULES,
        )
        .expect("config");
        assert_eq!(c.places, ["Quillby Township"]);
        assert_eq!(c.outlets, ["The Marsh Courier"]);
        // they take effect: the tagger reads them
        assert!(crate::lexicon::places::is_place("quillby township"));
        let text =
            "date 2024-03-02 Four homes flooded in Quillby Township, the Marsh Courier reported.";
        let a = crate::article::read(text);
        let e = crate::entities::extract(text, &a);
        assert!(
            e.iter()
                .any(|x| x.name == "Quillby Township"
                    && x.kind == crate::entities::EntityKind::Place),
            "{e:?}"
        );
        assert!(crate::figures::attribution::is_named(
            "the marsh courier",
            &[]
        ));
        assert!(!crate::figures::attribution::is_named(
            "the local paper",
            &[]
        ));
        // a bad entry is an error with its line
        let err = Config::parse("[words]\nplaces = [\"\"]\n", RULES).expect_err("empty name");
        assert_eq!(err.line, Some(2));
        assert!(Config::parse("[words]\ntowns = []\n", RULES).is_err());
        assert!(STARTER.contains("[words]"));
        assert!(Config::parse(STARTER, &["figure-unattributed", "date-no-dateline"]).is_ok());
    }

    #[test]
    fn window_days_is_bounded_with_a_line() {
        for bad in [
            "9223372036854775807",
            "-1",
            "3661",
            "1.07e11",
            "1e8",
            "\"x\"",
        ] {
            let text = format!("# c\nwindow-days = {bad}\n");
            let e = Config::parse(&text, RULES)
                .err()
                .unwrap_or_else(|| panic!("{bad} accepted"));
            assert_eq!(e.line, Some(2), "{bad}: {}", e.message);
        }
        for ok in ["0", "3660", "21"] {
            let c = Config::parse(&format!("window-days = {ok}\n"), RULES);
            assert!(c.is_ok(), "{ok}");
        }
    }

    #[test]
    fn parses_a_full_config() {
        let c = Config::parse("fail-on = \"info\"\nignore = [\"^Korlanov$\"]\n[rules]\nfigure-unattributed = \"off\"\ndate-no-dateline = \"warning\"\n", RULES)
            .expect("config");
        assert_eq!(c.fail_on, Severity::Info);
        assert_eq!(
            c.severity_of("figure-unattributed", Severity::Warning),
            None
        );
        assert_eq!(
            c.severity_of("date-no-dateline", Severity::Hint),
            Some(Severity::Warning)
        );
        assert!(c.is_ignored_text("Korlanov"));
    }

    #[test]
    fn errors_name_the_line_and_what_was_expected() {
        let e =
            Config::parse("\n[rules]\nfigure-unattributed = \"loud\"\n", RULES).expect_err("error");
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("expected"));
        let e = Config::parse("[rules]\nno-such-rule = \"off\"\n", RULES).expect_err("error");
        assert_eq!(e.line, Some(2));
        let e = Config::parse("fail-on = \n", RULES).expect_err("error");
        assert_eq!(e.line, Some(1));
        let e = Config::parse("colour = 3\n", RULES).expect_err("error");
        assert!(e.message.contains("colour"), "{e}");
        let e = Config::parse("ignore = [\"(\"]\n", RULES).expect_err("error");
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn starter_config_parses() {
        assert!(Config::parse(STARTER, RULES).is_ok());
    }
}

//! The engine: the one pipeline every front end goes through.
//!
//! An [`Engine`] is a configuration and a sources index. [`Engine::check`] analyses a text with
//! the configuration's options, runs every rule (source rules included when the index holds
//! other articles), and applies suppressions, severities and `ignore` patterns exactly once;
//! [`Engine::compare_at`] says what other sources report about the figure, date or name at an
//! offset. `copydesk check`, `claims`, `compare`, `annotate`, the cache and the language
//! server all call it, so they cannot disagree.
//!
//! The index is shared (`Arc<Index>`): the CLI checks files under several `.copydesk.toml`
//! files against one index ([`Engine::with_config`]), and the language server hands the same
//! index to analyses running off its request loop while it builds the next one.

use crate::analysis::{Analysis, Options};
use crate::config::Config;
use crate::rules::{self, Finding, SourcesView};
use crate::sources::compare::{comparison_at, Comparison};
use crate::sources::{self, ArticleSummary, Index};
use std::borrow::Cow;
use std::sync::Arc;

/// Texts larger than this are checked without comparing them with other sources (a huge
/// file is not a news article, and its summary would cost more than its rules).
pub const MAX_COMPARED_BYTES: usize = 2 * 1024 * 1024;

/// Configuration and sources: everything a check needs besides the text.
#[derive(Clone, Debug)]
pub struct Engine {
    config: Arc<Config>,
    index: Arc<Index>,
}

/// The result of checking one text.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path the text was checked as.
    pub path: String,
    /// The analysis (text, article, line index).
    pub analysis: Analysis,
    /// Findings after suppressions, severities and `ignore`, in position order.
    pub findings: Vec<Finding>,
    /// Whether the text looks like an article (see [`is_article`]); shells may skip others.
    pub is_article: bool,
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new(Config::default(), Arc::new(Index::new()))
    }
}

impl Engine {
    /// An engine with this configuration and index.
    pub fn new(config: Config, index: Arc<Index>) -> Engine {
        Engine {
            config: Arc::new(config),
            index,
        }
    }

    /// An engine from a shared configuration and index.
    pub fn from_shared(config: Arc<Config>, index: Arc<Index>) -> Engine {
        Engine { config, index }
    }

    /// The shared handle of the configuration.
    pub fn config_handle(&self) -> Arc<Config> {
        self.config.clone()
    }

    /// An engine with this configuration and no other sources.
    pub fn standalone(config: Config) -> Engine {
        Engine::new(config, Arc::new(Index::new()))
    }

    /// The same index under another configuration (a file under another `.copydesk.toml`).
    pub fn with_config(&self, config: Config) -> Engine {
        Engine {
            config: Arc::new(config),
            index: self.index.clone(),
        }
    }

    /// The same configuration with another index.
    pub fn with_index(&self, index: Arc<Index>) -> Engine {
        Engine {
            config: self.config.clone(),
            index,
        }
    }

    /// The configuration in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The sources index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The shared handle of the sources index.
    pub fn index_handle(&self) -> Arc<Index> {
        self.index.clone()
    }

    /// The analysis options the configuration asks for.
    pub fn options(&self) -> Options {
        Options {
            vague_sources: self.config.vague_sources.clone(),
            published: None,
        }
    }

    /// Analyses `text` with the configuration's options.
    pub fn analyse(&self, text: &str) -> Analysis {
        self.analyse_published(text, None)
    }

    /// Analyses `text`, with a publication date overriding the header's when given.
    pub fn analyse_published(&self, text: &str, published: Option<chrono::NaiveDate>) -> Analysis {
        if self.config.vague_sources.as_slice() == default_vague() && published.is_none() {
            return Analysis::new(text);
        }
        let mut o = self.options();
        o.published = published;
        Analysis::with_options(text, &o)
    }

    /// Analyses and checks one text: every enabled rule, then suppressions, severities and
    /// `ignore`, once.
    pub fn check(&self, path: &str, text: &str) -> FileReport {
        self.check_analysis(path, self.analyse(text))
    }

    /// Checks a text already analysed by [`Engine::analyse`].
    pub fn check_analysis(&self, path: &str, analysis: Analysis) -> FileReport {
        let findings = self.findings(path, &analysis);
        FileReport {
            path: path.to_string(),
            is_article: is_article(&analysis),
            analysis,
            findings,
        }
    }

    /// The findings of [`Engine::check_analysis`] for an analysis the caller keeps (the CLI
    /// shares one analysis between copies of a text).
    pub fn findings(&self, path: &str, analysis: &Analysis) -> Vec<Finding> {
        let this = self.summary_for_rules(path, analysis);
        let view = this.as_deref().map(|this| SourcesView {
            index: &self.index,
            this,
        });
        rules::run_with_sources(analysis, &self.config, view)
    }

    /// This article's summary, when the index holds other articles to compare it with.
    fn summary_for_rules(&self, path: &str, a: &Analysis) -> Option<Cow<'_, ArticleSummary>> {
        if a.text.len() > MAX_COMPARED_BYTES {
            return None;
        }
        let own = self.index.get(path);
        let others = self.index.len() - usize::from(own.is_some());
        if others == 0 {
            return None;
        }
        // the indexed summary when it is of this very text, else a fresh one
        match own {
            Some(s) if s.hash == sources::content_hash(&a.text) => Some(Cow::Borrowed(s)),
            _ => Some(Cow::Owned(summarize(path, a))),
        }
    }

    /// What other sources say about the figure, date or name at byte `offset` of `text`.
    pub fn compare_at(&self, path: &str, text: &str, offset: usize) -> Option<Comparison> {
        let a = self.analyse(text);
        let this = summarize(path, &a);
        self.compare_summary_at(&this, offset)
    }

    /// [`Engine::compare_at`] for an article already summarised.
    pub fn compare_summary_at(&self, this: &ArticleSummary, offset: usize) -> Option<Comparison> {
        comparison_at(&self.index, this, offset, self.config.window_days)
    }
}

fn default_vague() -> &'static [String] {
    static D: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| Options::default().vague_sources);
    &D
}

/// The summary the sources index keeps of an analysed article. Its publication date is the
/// one the body fits when it contradicts the dateline (the verdict of
/// `date-dateline-mismatch`), else the dateline.
pub fn summarize(path: &str, a: &Analysis) -> ArticleSummary {
    let published = a
        .article
        .published
        .as_ref()
        .map(|p| rules::date_dateline_mismatch::fitting_date(a).unwrap_or(p.date));
    sources::summarize_dated(path, a, published)
}

/// True when a text is an article: a dateline or front-matter date, front matter naming an
/// outlet, source, publisher, author or byline, or a dateline that could not be read (so its
/// problem is shown). Files found by walking a folder, and documents in the editor, are
/// checked only when this holds.
pub fn is_article(a: &Analysis) -> bool {
    a.article.is_article()
        || a.article.names_outlet_or_byline()
        || !a.article.header_problems.is_empty()
}

/// True when a file belongs in the sources index: a dateline or front matter naming its
/// outlet.
pub fn is_source(a: &Analysis) -> bool {
    a.article.is_article() || a.article.outlet().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUPPRESSED: &str = " date 2021-03-04 The ferry carried 212 passengers, the port authority said.\n\n<!-- copydesk-disable-next-line date-weekday-mismatch -->\nIt sailed on Monday, March 2, 2021.\n";

    #[test]
    fn check_applies_configuration_once() {
        let e = Engine::default();
        let r = e.check("ferry.md", SUPPRESSED);
        assert!(r.is_article);
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        let strict = e.with_config(Config {
            report_unused_suppressions: true,
            ..Config::default()
        });
        let r = strict.check("ferry.md", SUPPRESSED);
        // the suppression hides a real weekday mismatch: it is used
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn configured_vague_words_reach_the_analysis() {
        let text = " date 2021-03-04 Pilots said at least 12 passengers were injured.\n";
        let plain = Engine::default().analyse(text);
        let named = plain.claims[0].attribution.as_ref().map(|a| a.named);
        assert_eq!(named, Some(true));
        let mut c = Config::default();
        c.vague_sources.push("pilots".into());
        let vague = Engine::standalone(c).analyse(text);
        let named = vague.claims[0].attribution.as_ref().map(|a| a.named);
        assert_eq!(named, Some(false));
    }
}

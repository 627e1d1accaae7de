//! One immutable analysis of one version of one text.

use crate::article::{self, Article};
use crate::entities::{self, Entity};
use crate::figures::{self, Claim};
use crate::suppress::{self, Suppressions};
use crate::text::LineIndex;
use crate::time::{self, Temporal};

/// Everything the core knows about one text: the article, its dates (and, as later stages
/// land, its figures and entities).
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The text analysed.
    pub text: String,
    /// The article model.
    pub article: Article,
    /// Temporal expressions in text order.
    pub dates: Vec<Temporal>,
    /// Check-worthy figures in text order, with their attributions.
    pub claims: Vec<Claim>,
    /// Named entities in text order.
    pub entities: Vec<Entity>,
    /// Line starts, for the shells: built on first use by [`Analysis::lines`] (`cargo bench
    /// --bench throughput` and rules never ask for it).
    lines: std::sync::OnceLock<LineIndex>,
    /// Suppression comments written in the text.
    pub suppressions: Suppressions,
}

/// What an analysis may be told from outside the text: the configuration's words and a
/// publication date given on the command line. The engine builds these from `.copydesk.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Words that make an attribution vague (`vague-sources`).
    pub vague_sources: Vec<String>,
    /// A publication date overriding the header's.
    pub published: Option<chrono::NaiveDate>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            vague_sources: figures::attribution::DEFAULT_VAGUE
                .iter()
                .map(|s| s.to_string())
                .collect(),
            published: None,
        }
    }
}

/// The default options, built once.
static DEFAULT_OPTIONS: std::sync::LazyLock<Options> = std::sync::LazyLock::new(Options::default);

impl Analysis {
    /// The line index of [`Analysis::text`], built the first time it is asked for.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// Analyses `text` with the default options.
    pub fn new(text: &str) -> Analysis {
        Analysis::with_options(text, &DEFAULT_OPTIONS)
    }

    /// Analyses `text`, with an explicit publication date overriding the header's.
    pub fn with_published(text: &str, published: Option<chrono::NaiveDate>) -> Analysis {
        Analysis::with_options(
            text,
            &Options {
                published,
                ..DEFAULT_OPTIONS.clone()
            },
        )
    }

    /// Analyses `text` with these options.
    pub fn with_options(text: &str, options: &Options) -> Analysis {
        let article = article::read(text);
        let original = text;
        // code, tags and link targets are blanked out: the stages below read prose only
        let prose = article.prose(text);
        let text: &str = &prose;
        let p = options
            .published
            .or(article.published.as_ref().map(|p| p.date));
        // one tokenization of each sentence, shared by dates, entities, figures and attribution
        let toks = figures::sentence_tokens(text, &article);
        let dates = time::extract_with(text, &article, p, &toks);
        let entities = entities::extract_with(text, &toks);
        let mut claims = figures::extract_with(text, &article, &dates, p, &toks);
        figures::attribution::attach_with(
            text,
            &article,
            &mut claims,
            &options.vague_sources,
            &toks,
        );
        for c in &mut claims {
            // entities are in sentence order
            let from = entities.partition_point(|e| e.sentence < c.sentence);
            c.entities = entities
                .iter()
                .skip(from)
                .take_while(|e| e.sentence == c.sentence)
                .map(|e| e.name.clone())
                .collect();
        }
        Analysis {
            claims,
            entities,
            text: original.to_string(),
            lines: std::sync::OnceLock::new(),
            suppressions: suppress::parse(original),
            article,
            dates,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_link_targets_are_not_read_as_prose() {
        let md = "---\ndate: 2024-03-05\n---\n\nThe log line `12 dead workers` came from the \
                  [press office](https://example.org/2024/03/400-dead).\n\n```\n57 people died\n```\n";
        let a = Analysis::new(md);
        assert!(a.claims.is_empty(), "{:?}", a.claims);
        // the text itself is untouched, and spans still point into it
        assert_eq!(a.text, md);
        let s = a.article.sentences.first().map(|s| s.span.slice(md));
        assert!(
            s.is_some_and(|s| s.starts_with("The log line `12 dead")),
            "{s:?}"
        );
    }

    #[test]
    fn a_figure_in_prose_beside_code_is_still_read() {
        let md =
            "---\ndate: 2024-03-05\n---\n\nRun `make check` first. About 40 people were hurt.\n";
        let a = Analysis::new(md);
        assert_eq!(a.claims.len(), 1, "{:?}", a.claims);
    }
}

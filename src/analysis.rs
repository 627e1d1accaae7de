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
    /// Line starts, for the shells.
    pub lines: LineIndex,
    /// Suppression comments written in the text.
    pub suppressions: Suppressions,
}

impl Analysis {
    /// Analyses `text`.
    pub fn new(text: &str) -> Analysis {
        Analysis::with_published(text, None)
    }

    /// Analyses `text`, with an explicit publication date overriding the header's.
    pub fn with_published(text: &str, published: Option<chrono::NaiveDate>) -> Analysis {
        let article = article::read(text);
        let p = published.or(article.published.as_ref().map(|p| p.date));
        // one tokenization of each sentence, shared by dates, entities, figures and attribution
        let toks = figures::sentence_tokens(text, &article);
        let dates = time::extract_with(text, &article, p, &toks);
        let entities = entities::extract_with(text, &toks);
        let mut claims = figures::extract_with(text, &article, &dates, p, &toks);
        let vague: Vec<String> = crate::config::DEFAULT_VAGUE
            .iter()
            .map(|s| s.to_string())
            .collect();
        figures::attribution::attach_with(text, &article, &mut claims, &vague, &toks);
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
            text: text.to_string(),
            lines: LineIndex::new(text),
            suppressions: suppress::parse(text),
            article,
            dates,
        }
    }

    /// Re-decides whether each claim's source is named with these `vague-sources` words (the
    /// analysis uses the default list; shells call this with the configuration's).
    pub fn apply_vague_sources(&mut self, vague: &[String]) {
        for c in &mut self.claims {
            if let Some(a) = &mut c.attribution {
                if !a.span.is_empty() && a.source == a.span.slice(&self.text) {
                    a.named = figures::attribution::is_named(&a.source, vague);
                }
            }
        }
    }
}

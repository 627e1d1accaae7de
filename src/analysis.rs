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
        let dates = time::extract(text, &article, p);
        let entities = entities::extract(text, &article);
        let mut claims = figures::extract(text, &article, &dates, p);
        let vague: Vec<String> = crate::config::DEFAULT_VAGUE
            .iter()
            .map(|s| s.to_string())
            .collect();
        figures::attribution::attach(text, &article, &mut claims, &vague);
        for c in &mut claims {
            c.entities = entities
                .iter()
                .filter(|e| e.sentence == c.sentence)
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
}

//! `figure-unattributed`: a check-worthy figure with no source.
//!
//! Severity policy: the rule's default severity is `warning`. Findings on figures whose measure
//! is in `sensitive-measures` (killed, injured, missing, displaced, arrested, money, percent by
//! default) are warnings; other measures (counts, durations, distances) are `info`; historical
//! figures (every date of their sentence lies in a year before publication) are `info` too,
//! since background facts are usually settled. A severity set for the rule in `[rules]` applies
//! to every finding of the rule.

use super::{finding, Context, Finding, Fix, RuleInfo, Severity};
use crate::figures::attribution::{may_count_a_source, SentenceCues};
use crate::figures::Claim;
use crate::lexicon::sets::COMPARISON_WORDS;
use crate::text::{tokenize, Span, TokKind};

mod legal_maximum;
mod model_numbers;
mod poll_panel;
mod rule_threshold;

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "figure-unattributed",
    default_severity: Severity::Warning,
    summary: "A figure (a toll, a sum, a percentage, a count) is given without saying who says so.",
    description: "Every check-worthy figure needs a source the reader can weigh: \"at least 30 civilians have been killed, the health ministry said\". Casualty tolls, arrests, the displaced, money and percentages (the `sensitive-measures` setting) are warnings; other counts and durations are info, and so are historical figures (dated in a year before publication). Attribution is found in the figure's sentence (\"according to X\", \"X said\", \"said X\", \"citing X\", \"X's statement said\"), in a following \"It added…\" sentence, and in quotations with a speaker.",
    example_before: " date 2020-10-08 More than 400 people have been killed in the fighting.",
    example_after: " date 2020-10-08 More than 400 people have been killed in the fighting, according to the health ministry.",
};

/// Reports claims without attribution.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let a = ctx.analysis;
    let text = ctx.text();
    if a.claims.iter().all(|c| c.attribution.is_some()) {
        return;
    }
    let tables = Tables::of(a);
    let mut cues: Option<(usize, SentenceCues)> = None;
    let mut models = model_numbers::ModelNumbers::default();
    for c in &a.claims {
        if c.attribution.is_some()
            || tables.holds(a, c)
            || is_market_quote(a, c)
            || counts_its_source(a, c, &mut cues)
            || models.names(a, c)
            || legal_maximum::is_legal_maximum(a, c)
            || poll_panel::is_poll_panel(a, c)
            || rule_threshold::is_rule_threshold(a, c)
        {
            continue;
        }
        let words = c.span.slice(text);
        let what = describe(c, words);
        let mut f = finding(
            &INFO,
            c.span,
            format!("No source for '{what}': who says so?"),
        );
        f.severity = severity(ctx, c);
        let at = clause_end(a, c);
        f.fix = Some(Fix {
            title: "Add the source".to_string(),
            replacement: ", according to [SOURCE]".to_string(),
            span: Span::new(at, at),
        });
        out.push(f);
    }
}

/// The nearest char boundary at or before byte `i` of `text` (the sub-rules read a window of
/// bytes around a figure, never its whole sentence).
fn boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True when the claim counts the source of its own sentence ("according to three people
/// familiar with the talks", "Two officials said …"): it sizes who speaks. `cues` keeps the
/// last sentence read, so a sentence of many figures is read once, not once per figure.
fn counts_its_source<'a>(
    a: &'a crate::analysis::Analysis,
    c: &Claim,
    cues: &mut Option<(usize, SentenceCues<'a>)>,
) -> bool {
    let Some(s) = a.article.sentences.get(c.sentence) else {
        return false;
    };
    if !may_count_a_source(&a.text, c.span) {
        return false;
    }
    if cues.as_ref().is_none_or(|(k, _)| *k != c.sentence) {
        *cues = Some((c.sentence, SentenceCues::of(&a.text, s.span)));
    }
    cues.as_ref()
        .is_some_and(|(_, sc)| sc.counts_its_source(c.span))
}

crate::word_set!(
    /// "note", "notes": the word that opens a footnote to a table.
    TABLE_NOTE_WORDS = file "table-note-words.txt"
);

/// The sentences of an article laid out as a table: a results table ("Sales 4.1 mln vs 3.9
/// mln"), a price list in columns. Their figures are data the story lays out, not claims of
/// its prose; so are the figures of the table's footnotes ("Note: net includes …") and of its
/// headings ("Nine months").
struct Tables {
    /// One flag per sentence: a row of a table.
    rows: Vec<bool>,
    /// True when any sentence is a row.
    any: bool,
}

impl Tables {
    /// Reads which sentences of the analysed article are table rows.
    fn of(a: &crate::analysis::Analysis) -> Tables {
        let rows: Vec<bool> = a
            .article
            .sentences
            .iter()
            .map(|s| is_table_row(&a.text, s.span))
            .collect();
        let any = rows.contains(&true);
        Tables { rows, any }
    }

    /// True when claim `c` belongs to a table: its sentence is a row, or (in an article with
    /// rows) it is the whole of an unpunctuated line, a heading, or stands in a footnote.
    fn holds(&self, a: &crate::analysis::Analysis, c: &Claim) -> bool {
        if self.rows.get(c.sentence).copied().unwrap_or(false) {
            return true;
        }
        if !self.any {
            return false;
        }
        let Some(s) = a.article.sentences.get(c.sentence) else {
            return false;
        };
        let heading = s.span == c.span && !ends_as_prose(s.span.slice(&a.text));
        heading
            || a.article
                .paragraphs
                .get(s.paragraph)
                .is_some_and(|p| is_table_note(&a.text, p.span))
    }
}

/// True when a sentence ends as prose does: with a full stop, a question or exclamation
/// mark, a colon, a closing quotation mark or bracket.
fn ends_as_prose(sentence: &str) -> bool {
    sentence.trim_end().chars().next_back().is_some_and(|ch| {
        matches!(
            ch,
            '.' | '!' | '?' | ':' | ';' | '"' | '\'' | ')' | '\u{201D}' | '\u{2019}'
        )
    })
}

/// True when the sentence at `span` is a table row: it does not end as prose does, and it
/// sets figures beside each other with "vs" or in columns (two spaces or a tab next to a
/// number).
fn is_table_row(text: &str, span: Span) -> bool {
    if ends_as_prose(span.slice(text)) {
        return false;
    }
    let toks = tokenize(text, span);
    let is_num = is_number_token;
    if toks.iter().filter(|t| is_num(t)).count() < 2 {
        return false;
    }
    let compared = toks.iter().enumerate().any(|(i, t)| {
        t.kind == TokKind::Word
            && COMPARISON_WORDS.contains(t.text)
            && toks
                .get(i.saturating_sub(4)..(i + 5).min(toks.len()))
                .is_some_and(|near| near.iter().any(is_num))
    });
    compared
        || toks.windows(2).any(|w| {
            let gap = text.get(w[0].span.end..w[1].span.start).unwrap_or("");
            (gap.contains('\t') || gap.contains("  "))
                && !gap.contains('\n')
                && (is_num(&w[0]) || is_num(&w[1]))
        })
}

/// True for digits or a spelled cardinal ("seven").
fn is_number_token(t: &crate::text::Tok) -> bool {
    t.kind == TokKind::Num
        || (t.kind == TokKind::Word && crate::lexicon::sets::CARDINALS.contains(t.text))
}

/// True when the paragraph at `span` is a footnote to a table: it opens with "Note" and a
/// colon or a dash ("NOTE - net includes …").
fn is_table_note(text: &str, span: Span) -> bool {
    let toks = tokenize(text, span);
    let mut it = toks.iter();
    let (Some(w), Some(p)) = (it.next(), it.next()) else {
        return false;
    };
    w.kind == TokKind::Word
        && TABLE_NOTE_WORDS.contains(w.text)
        && (p.is_punct(':') || p.is_punct('-'))
}

crate::word_set!(
    /// "closed", "traded", "priced": verbs that quote a market price.
    MARKET_QUOTE_VERBS = file "market-quote-verbs.txt"
);

/// True when claim `c` is a market price quoted: "at" or "to" right before it, after a verb
/// of quoting a few words back in the same clause ("the shares closed 20 cents higher at
/// 4.20 dlrs", "the notes are priced at 99.8 pct").
fn is_market_quote(a: &crate::analysis::Analysis, c: &Claim) -> bool {
    let Some(s) = a.article.sentences.get(c.sentence) else {
        return false;
    };
    let toks = tokenize(&a.text, Span::new(s.span.start, c.span.start));
    let mut back = toks.iter().rev();
    if !back
        .next()
        .is_some_and(|t| t.kind == TokKind::Word && (t.is("at") || t.is("to")))
    {
        return false;
    }
    back.take(5)
        .take_while(|t| t.kind != TokKind::Punct || t.is_punct('.'))
        .any(|t| t.kind == TokKind::Word && MARKET_QUOTE_VERBS.contains(t.text))
}

/// The severity of a finding on `c` before any user override.
pub fn severity(ctx: &Context, c: &Claim) -> Severity {
    let sensitive = ctx
        .config
        .sensitive_measures
        .iter()
        .any(|m| m.eq_ignore_ascii_case(c.measure.as_str()));
    if sensitive && !c.historical {
        Severity::Warning
    } else {
        Severity::Info
    }
}

/// The stems that say a measure in words ("kill", "injur"), from `measure-stems.tsv`.
fn stems(measure: &'static str) -> impl Iterator<Item = &'static str> {
    crate::lexicon::entries(crate::word_data!("measure-stems.tsv")).filter_map(move |e| {
        let mut c = crate::lexicon::columns(e);
        let (s, m) = (c.next()?, c.next()?);
        (m == measure).then_some(s)
    })
}

/// The claim in a few words: its own text, with the measure when the text does not say it
/// ("400 people killed").
fn describe(c: &Claim, words: &str) -> String {
    let w = words.split_whitespace().collect::<Vec<_>>().join(" ");
    // lowercased only for the measures that ask (the throughput benchmark, `cargo bench
    // --bench throughput`)
    let lower = || w.to_lowercase();
    let m = c.measure.as_str();
    let says_it = match c.measure {
        crate::figures::Measure::Killed => {
            let l = lower();
            stems("killed").any(|k| l.contains(k))
        }
        crate::figures::Measure::Injured => {
            let l = lower();
            stems("injured").any(|k| l.contains(k))
        }
        crate::figures::Measure::Missing
        | crate::figures::Measure::Displaced
        | crate::figures::Measure::Arrested => lower().contains(m),
        _ => true,
    };
    if says_it {
        w
    } else {
        format!("{w} {m}")
    }
}

/// The byte offset where the clause holding the claim ends: before the next comma or
/// semicolon after the claim outside quotation, or before the sentence's final punctuation.
fn clause_end(a: &crate::analysis::Analysis, c: &Claim) -> usize {
    let text = &a.text;
    let Some(s) = a.article.sentences.get(c.sentence) else {
        return c.span.end;
    };
    let toks = tokenize(text, Span::new(c.span.end, s.span.end));
    let mut end = c.span.end;
    for t in &toks {
        if t.kind == TokKind::Punct
            && matches!(
                t.text,
                "," | ";" | ":" | "." | "!" | "?" | "\"" | "\u{201D}" | "(" | "\u{2014}"
            )
        {
            return t.span.start;
        }
        end = t.span.end;
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::config::Config;
    use crate::rules::{Finding, Severity};

    /// The rule's findings on `text` (shared with the submodules' tests).
    pub(super) fn findings(text: &str) -> Vec<Finding> {
        let a = Analysis::new(text);
        crate::rules::run(&a, &Config::default())
            .into_iter()
            .filter(|f| f.rule == super::INFO.id)
            .collect()
    }

    #[test]
    fn the_count_of_a_source_is_no_finding() {
        // the number sizes who speaks; the figure they give is attributed
        for text in [
            " date 2021-03-02 Velmar Corp paid $40 million for the mill, according to three people familiar with the deal.",
            " date 2021-03-02 Two officials said the Tessaly toll reached 40.",
            " date 2021-03-02 The Tessaly mill was sold in 2019, two of the people said.",
        ] {
            let f = findings(text);
            assert!(f.is_empty(), "{text}: {f:?}");
        }
        // a count of people that is what is told stays a finding
        let f = findings(" date 2021-03-02 Two officials were hurt at the Tessaly mill.");
        assert_eq!(f.len(), 1, "{f:?}");
        // a toll after a verb that can also be one of saying: no source, a finding
        let f = findings(" date 2021-03-02 Ondrej Halvik wants an inquiry into the Tessaly fire that claimed at least a dozen lives.");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn unattributed_toll_is_a_warning_with_a_fix() {
        let text = " date 2021-03-02 More than 400 people have been killed in the floods, and roads are closed.";
        let f = findings(text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].span.slice(text), "More than 400 people");
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            f[0].message,
            "No source for 'More than 400 people killed': who says so?"
        );
        let fix = f[0].fix.as_ref().expect("a fix");
        assert!(fix.span.is_empty());
        assert_eq!(fix.replacement, ", according to [SOURCE]");
        assert_eq!(
            &text[..fix.span.start],
            " date 2021-03-02 More than 400 people have been killed in the floods"
        );
    }

    #[test]
    fn a_figure_that_says_its_measure_is_not_told_it_twice() {
        let text = " date 2021-03-02 Six people were shot, four of them fatally, near the depot.";
        let f = findings(text);
        assert!(
            f.iter()
                .any(|f| f.message == "No source for 'four of them fatally': who says so?"),
            "{f:?}"
        );
    }

    #[test]
    fn attributed_figures_are_fine() {
        assert!(findings(
            " date 2021-03-02 At least 12 people died in the fire, the fire service said."
        )
        .is_empty());
        assert!(findings(
            " date 2021-03-02 According to the county coroner, 12 people died in the fire."
        )
        .is_empty());
    }

    #[test]
    fn counts_are_info_and_history_is_info() {
        let f = findings(" date 2021-03-02 The fire destroyed 37 homes in the valley.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Info);
        let f =
            findings(" date 2021-03-02 A war that killed at least 12,000 people ended in 1971.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn sensitive_measures_come_from_the_configuration() {
        let text = " date 2021-03-02 The fire destroyed 37 homes and killed 12 people.";
        let a = Analysis::new(text);
        let c =
            Config::parse("sensitive-measures = [\"count\"]\n", &[super::INFO.id]).expect("config");
        let f: Vec<_> = crate::rules::run(&a, &c)
            .into_iter()
            .filter(|f| f.rule == super::INFO.id)
            .map(|f| (f.span.slice(text).to_string(), f.severity))
            .collect();
        assert_eq!(
            f,
            [
                ("37 homes".to_string(), Severity::Warning),
                ("12 people".to_string(), Severity::Info)
            ]
        );
    }

    #[test]
    fn measures_match_the_configuration_names() {
        use crate::figures::Measure::*;
        let names: Vec<&str> = [
            Killed, Injured, Missing, Displaced, Arrested, Money, Percent, Count, Duration, Other,
        ]
        .iter()
        .map(|m| m.as_str())
        .collect();
        assert_eq!(names, crate::config::MEASURES);
    }

    #[test]
    fn a_configured_severity_applies_to_every_finding() {
        let text = " date 2021-03-02 The fire destroyed 37 homes and killed 12 people.";
        let a = Analysis::new(text);
        let c = Config::parse(
            "[rules]\nfigure-unattributed = \"error\"\n",
            &[super::INFO.id],
        )
        .expect("config");
        let f: Vec<_> = crate::rules::run(&a, &c)
            .into_iter()
            .filter(|f| f.rule == super::INFO.id)
            .collect();
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().all(|f| f.severity == Severity::Error));
    }

    #[test]
    fn a_results_table_its_headings_and_footnotes_need_no_source() {
        let text = " date 2021-03-02 MONGOLIAN FELT WORKS 2ND QTR NET\n\nULAN BATOR, March 2 - Shr 41 cts vs 33 cts\n\nNet 2,310,000 vs 1,870,000\n\nSix mths\n\nRevs 19.4 mln vs 17.2 mln\n\nNote: Net includes a gain of 410,000 dlrs on the sale of a warehouse.\n";
        let f = findings(text);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn figures_laid_out_in_columns_need_no_source() {
        let text = " date 2021-03-02 URUGUAY PORT WAITS\n\nThe port authority posted its waiting times.\n\nBulk carriers  Tankers\n\nEast quay:  12 hrs     14 hrs\n";
        let f = findings(text);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn prose_that_compares_figures_still_needs_a_source() {
        let f = findings(
            " date 2021-03-02 Sales of the Bhutanese weaver rose to 4.1 mln dlrs vs 3.9 mln dlrs a year earlier.",
        );
        assert!(!f.is_empty(), "{f:?}");
        // a note with no table above it is prose
        let f = findings(" date 2021-03-02 Note: the dam cost 40 mln dlrs to build.");
        assert!(!f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_market_price_quoted_needs_no_source() {
        let f = findings(
            " date 2021-03-02 Shares of the Paraguayan brewer closed 15 cents higher at 8.40 dlrs, and the notes were priced at 99.6 pct.",
        );
        assert!(
            f.iter()
                .all(|f| !f.message.contains("8.40") && !f.message.contains("99.6")),
            "{f:?}"
        );
        // a sum paid in a deal is no price quoted
        let f = findings(" date 2021-03-02 The mill was sold to a rival for 40 mln dlrs.");
        assert!(!f.is_empty(), "{f:?}");
    }
}

//! `figure-unattributed`: a check-worthy figure with no source.
//!
//! Severity policy: the rule's default severity is `warning`. Findings on figures whose measure
//! is in `sensitive-measures` (killed, injured, missing, displaced, arrested, money, percent by
//! default) are warnings; other measures (counts, durations, distances) are `info`; historical
//! figures (every date of their sentence lies in a year before publication) are `info` too,
//! since background facts are usually settled. A severity set for the rule in `[rules]` applies
//! to every finding of the rule.

use super::{finding, Context, Finding, Fix, RuleInfo, Severity};
use crate::figures::Claim;
use crate::text::{tokenize, Span, TokKind};

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
    for c in &a.claims {
        if c.attribution.is_some() {
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

    fn findings(text: &str) -> Vec<Finding> {
        let a = Analysis::new(text);
        crate::rules::run(&a, &Config::default())
            .into_iter()
            .filter(|f| f.rule == super::INFO.id)
            .collect()
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
}

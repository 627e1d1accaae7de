//! Evaluates figures and `figure-unattributed` against ../shared/corpus/gold.json (skipped
//! when absent). `EVAL_VERBOSE=1` lists misses and false positives per file.
//!
//! Definitions. A gold figure's *occurrences* are every place its exact `text` appears in the
//! file. A `figure-unattributed` finding (any severity) is a true positive when its span
//! overlaps an occurrence of a gold figure with `attributed: false`, otherwise a false positive
//! (it flags an attributed figure, or a number gold does not count as check-worthy).
//! Recall: the share of gold figures with `attributed: false` that some finding overlaps.
//! Extraction recall: the share of all gold figures that some claim overlaps. Attribution
//! accuracy: over gold figures matched by a claim, the share where the claim's "attributed or
//! not" agrees with gold; and, over attributed ones, how often `named` is the opposite of gold's
//! `vague`. Floors: precision >= 0.90, recall >= 0.80.

use copydesk::config::Config;
use copydesk::text::Span;
use copydesk::Analysis;
use std::path::PathBuf;

fn corpus() -> Option<PathBuf> {
    let d = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    d.join("gold.json").is_file().then_some(d)
}

fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

#[test]
fn figures_against_gold() {
    let Some(dir) = corpus() else {
        println!("skipped: ../shared/corpus/gold.json is absent");
        return;
    };
    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap_or_default())
            .unwrap_or_default();
    let config = Config::default();
    let (mut tp, mut fp, mut gold_un, mut found_un) = (0usize, 0usize, 0usize, 0usize);
    let (mut gold_all, mut extracted, mut attr_ok) = (0usize, 0usize, 0usize);
    let (mut named_total, mut named_ok) = (0usize, 0usize);
    // per event: [tp, fp, found_un, gold_un] (printed for scripts/eval when EVAL_EVENTS is set)
    let mut per_event: std::collections::BTreeMap<String, [usize; 4]> = Default::default();
    for entry in gold.as_array().into_iter().flatten() {
        let Some(file) = entry["file"].as_str() else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        let a = Analysis::new(&text);
        let findings: Vec<_> = copydesk::rules::run(&a, &config)
            .into_iter()
            .filter(|f| f.rule == "figure-unattributed")
            .collect();
        let figs: Vec<(Vec<Span>, bool, String, Option<bool>)> = entry["figures"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|g| {
                let t = g["text"].as_str().unwrap_or("");
                (
                    occurrences(&text, t),
                    g["attributed"].as_bool().unwrap_or(false),
                    t.to_string(),
                    g["vague"].as_bool(),
                )
            })
            .collect();
        let mut notes = Vec::new();
        let before = (tp, fp, found_un, gold_un);
        for f in &findings {
            let hit = figs
                .iter()
                .any(|(occ, attr, _, _)| !attr && occ.iter().any(|o| o.overlaps(f.span)));
            if hit {
                tp += 1;
            } else {
                fp += 1;
                let attributed_in_gold = figs
                    .iter()
                    .any(|(occ, attr, _, _)| *attr && occ.iter().any(|o| o.overlaps(f.span)));
                notes.push(format!(
                    "  FP ({}) {:?} [{}]",
                    if attributed_in_gold {
                        "attributed in gold"
                    } else {
                        "not a gold figure"
                    },
                    f.span.slice(&text),
                    sentence_of(&a, f.span)
                ));
            }
        }
        for (occ, attr, t, gold_vague) in &figs {
            let gold_vague = *gold_vague;
            gold_all += 1;
            let claim = a
                .claims
                .iter()
                .find(|c| occ.iter().any(|o| o.overlaps(c.span)));
            if let Some(c) = claim {
                extracted += 1;
                if let (Some(x), true, Some(vague)) = (&c.attribution, *attr, gold_vague) {
                    named_total += 1;
                    if x.named != vague {
                        named_ok += 1;
                    }
                }
                if c.attribution.is_some() == *attr {
                    attr_ok += 1;
                } else {
                    notes.push(format!(
                        "  ATTR gold {} / found {:?}: {t:?}",
                        if *attr { "attributed" } else { "unattributed" },
                        c.attribution.as_ref().map(|a| &a.source)
                    ));
                }
            } else {
                notes.push(format!("  NOT EXTRACTED {t:?}"));
            }
            if !attr {
                gold_un += 1;
                if findings
                    .iter()
                    .any(|f| occ.iter().any(|o| o.overlaps(f.span)))
                {
                    found_un += 1;
                } else {
                    notes.push(format!("  MISS {t:?}"));
                }
            }
        }
        let ev = per_event
            .entry(file.split('/').next().unwrap_or("").to_string())
            .or_default();
        ev[0] += tp - before.0;
        ev[1] += fp - before.1;
        ev[2] += found_un - before.2;
        ev[3] += gold_un - before.3;
        if verbose && !notes.is_empty() {
            println!("{file}");
            for n in notes {
                println!("{n}");
            }
        }
    }
    if std::env::var_os("EVAL_EVENTS").is_some() {
        for (event, [t, f, fu, gu]) in &per_event {
            println!(
                "EVAL_EVENT figures {event} precision {t} {} recall {fu} {gu}",
                t + f
            );
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(found_un, gold_un);
    println!(
        "figure-unattributed: precision {precision:.3} ({tp}/{}), recall {recall:.3} ({found_un}/{gold_un})",
        tp + fp
    );
    println!(
        "extraction recall {:.3} ({extracted}/{gold_all}); attribution accuracy {:.3} ({attr_ok}/{extracted})",
        ratio(extracted, gold_all),
        ratio(attr_ok, extracted)
    );
    println!(
        "named vs vague sources agree with gold on {:.3} ({named_ok}/{named_total}) of attributed figures",
        ratio(named_ok, named_total)
    );
    // A ratchet at the values measured on the grown corpus (119 files, 17 events); raised as the
    // attribution work (#15) lands. The floors are on held-out news, not on this corpus.
    assert!(
        precision >= 0.905,
        "precision {precision:.3} below the ratchet 0.905"
    );
    assert!(
        recall >= 0.830,
        "recall {recall:.3} below the ratchet 0.830"
    );
}

fn sentence_of(a: &Analysis, span: Span) -> String {
    a.article
        .sentence_at(span.start)
        .and_then(|i| a.article.sentences.get(i))
        .map(|s| s.span.slice(&a.text).chars().take(160).collect())
        .unwrap_or_default()
}

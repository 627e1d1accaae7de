//! Cross-source matching on real coverage (../shared/corpus, skipped when absent): for each
//! event, how many cross-source pairs were found (with a sample), and precision/recall of
//! "same figure" pairs against gold.json's `key`s (issue floors: precision ≥ 0.85, recall ≥ 0.70).
//!
//! A predicted pair is two claims in different files that the matcher calls the same group
//! (verdict agrees, differs or updated). Pairs are judged when both claims overlap a gold
//! figure: correct when both gold figures carry the same non-null key. Gold pairs are all
//! cross-file pairs of gold figures sharing a key, among those the extractor found.

use copydesk::analysis::Analysis;
use copydesk::sources::matching::Verdict;
use copydesk::sources::{self, Index};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

fn corpus() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    d.join("gold.json").is_file().then_some(d)
}

#[test]
fn cross_source_pairs_against_gold() {
    let Some(dir) = corpus() else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap_or_default())
            .unwrap_or_default();
    let mut index = Index::new();
    // file -> [(start, end, key)] of gold figures located in the text
    let mut gold_spans: HashMap<String, Vec<(usize, usize, Option<String>)>> = HashMap::new();
    let mut summaries = Vec::new();
    for entry in gold.as_array().into_iter().flatten() {
        let file = entry["file"].as_str().unwrap_or("").to_string();
        let Ok(text) = std::fs::read_to_string(dir.join(&file)) else {
            continue;
        };
        let a = Analysis::new(&text);
        let s = copydesk::engine::summarize(&file, &a);
        let mut spans = Vec::new();
        for f in entry["figures"].as_array().into_iter().flatten() {
            let t = f["text"].as_str().unwrap_or("");
            if let Some(p) = text.find(t) {
                spans.push((p, p + t.len(), f["key"].as_str().map(String::from)));
            }
        }
        gold_spans.insert(file.clone(), spans);
        index.insert(s.clone());
        summaries.push(s);
    }
    let key_of = |file: &str, span: (usize, usize)| -> Option<Option<String>> {
        gold_spans
            .get(file)?
            .iter()
            .find(|(s, e, _)| span.0 < *e && *s < span.1)
            .map(|(_, _, k)| k.clone())
    };
    let mut predicted: HashSet<((String, usize), (String, usize))> = HashSet::new();
    let (mut judged, mut correct) = (0, 0);
    let mut per_event: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    // per event: [correct, judged, found, gold pairs] (printed for scripts/eval when EVAL_EVENTS is set)
    let mut counts: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let event_of = |path: &str| path.split('/').next().unwrap_or("").to_string();
    let mut wrong = Vec::new();
    for s in &summaries {
        for c in &s.claims {
            for m in index.claim_matches(s, c, 21) {
                if !matches!(
                    m.verdict,
                    Verdict::Agrees | Verdict::Differs | Verdict::Updated
                ) {
                    continue;
                }
                let a = (s.path.clone(), c.span.0);
                let b = (m.article.path.clone(), m.claim.span.0);
                let pair = if a < b { (a, b) } else { (b, a) };
                if !predicted.insert(pair) {
                    continue;
                }
                let event = s.path.split('/').next().unwrap_or("").to_string();
                let e = per_event.entry(event).or_default();
                e.0 += 1;
                if e.1.len() < 2 {
                    e.1.push(format!(
                        "{} '{}' ~ {} '{}' ({})",
                        s.outlet,
                        c.text,
                        m.article.outlet,
                        m.claim.text,
                        m.verdict.label()
                    ));
                }
                if let (Some(ka), Some(kb)) = (
                    key_of(&s.path, c.span),
                    key_of(&m.article.path, m.claim.span),
                ) {
                    judged += 1;
                    let ev = counts.entry(event_of(&s.path)).or_default();
                    ev[1] += 1;
                    if ka.is_some() && ka == kb {
                        correct += 1;
                        ev[0] += 1;
                        if std::env::var_os("EVAL_RIGHT").is_some() {
                            println!(
                                "  RIGHT {} '{}' ~ {} '{}' [{ka:?}]",
                                s.path, c.text, m.article.path, m.claim.text
                            );
                        }
                    } else {
                        wrong.push(format!(
                            "{} '{}' [{ka:?}] ~ {} '{}' [{kb:?}]",
                            s.path, c.text, m.article.path, m.claim.text
                        ));
                    }
                }
            }
        }
    }
    // gold pairs among figures the extractor found
    let mut found_claims: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for s in &summaries {
        found_claims.insert(s.path.clone(), s.claims.iter().map(|c| c.span).collect());
    }
    let mut by_key: HashMap<String, Vec<Located>> = HashMap::new();
    for (file, spans) in &gold_spans {
        for (st, en, k) in spans {
            let Some(k) = k else { continue };
            let Some(claim) = found_claims
                .get(file)
                .and_then(|cs| cs.iter().find(|c| c.0 < *en && *st < c.1))
            else {
                continue;
            };
            by_key
                .entry(k.clone())
                .or_default()
                .push((file.clone(), *claim));
        }
    }
    let (mut gold_pairs, mut found) = (0, 0);
    let mut per_key: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (key, members) in &by_key {
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                if members[i].0 == members[j].0 {
                    continue;
                }
                gold_pairs += 1;
                let a = (members[i].0.clone(), members[i].1 .0);
                let b = (members[j].0.clone(), members[j].1 .0);
                let pair = if a < b { (a, b) } else { (b, a) };
                let k = per_key.entry(key.clone()).or_default();
                k.1 += 1;
                let ev = counts.entry(event_of(&members[i].0)).or_default();
                ev[3] += 1;
                if predicted.contains(&pair) {
                    found += 1;
                    ev[2] += 1;
                    k.0 += 1;
                }
            }
        }
    }
    if std::env::var_os("EVAL_EVENTS").is_some() {
        for (event, [c, j, f, g]) in &counts {
            println!("EVAL_EVENT sources {event} precision {c} {j} recall {f} {g}");
        }
    }
    for (event, (n, sample)) in &per_event {
        println!(
            "{event}: {n} cross-source pairs; e.g. {}",
            sample.join("; ")
        );
    }
    let precision = if judged == 0 {
        1.0
    } else {
        correct as f64 / judged as f64
    };
    let recall = if gold_pairs == 0 {
        1.0
    } else {
        found as f64 / gold_pairs as f64
    };
    println!("cross-source figure pairs: precision {precision:.3} ({correct}/{judged} judged), recall {recall:.3} ({found}/{gold_pairs} gold pairs among extracted figures)");
    if std::env::var_os("EVAL_VERBOSE").is_some() {
        for w in &wrong {
            println!("  WRONG {w}");
        }
        for (k, (f, n)) in &per_key {
            println!("  KEY {k}: {f}/{n}");
        }
    }
    // A ratchet at the values measured on the grown corpus (119 files, 17 events); raised as the
    // cross-source work (#17) lands. The GeoNames gazetteer that replaced the corpus-shaped place
    // lists moved it from P 0.847 / R 0.677 to P 0.862 / R 0.674 (3 of 1,027 pairs, places the old
    // lists did not know): the precision ratchet rose with it, the recall one by that much only. The floors are on held-out news, not on this corpus.
    // Story identity (#17: a TF-IDF cosine gate, and a higher one for articles whose news days
    // are apart) moved it to P 0.873 / R 0.657: 17 true pairs of stories that run for days
    // (a canal blocked for a week, a war's toll) are lost for fewer false ones here, and on the
    // gun-incident coverage false cross-incident pairs fell from 28 % to 3 % (dev) and from
    // 35 % to 28 % (unseen). The thirteenth session's small-toll tests (kinds of people,
    // lower bounds) dropped one false pair: P 0.875 (676/773).
    assert!(
        precision >= 0.876,
        "precision {precision:.3} fell below the ratchet 0.876"
    );
    assert!(
        recall >= 0.655,
        "recall {recall:.3} fell below the ratchet 0.655"
    );
}

/// A file and a claim's byte span in it.
type Located = (String, (usize, usize));

/// A summary and the index of one of its claims.
type Member = (sources::ArticleSummary, usize);

#[test]
fn debug_misses() {
    if std::env::var_os("EVAL_MISSES").is_none() {
        return;
    }
    let Some(dir) = corpus() else { return };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap_or_default())
            .unwrap_or_default();
    let mut by_key: HashMap<String, Vec<Member>> = HashMap::new();
    for entry in gold.as_array().into_iter().flatten() {
        let file = entry["file"].as_str().unwrap_or("").to_string();
        let Ok(text) = std::fs::read_to_string(dir.join(&file)) else {
            continue;
        };
        let s = copydesk::engine::summarize(&file, &Analysis::new(&text));
        for f in entry["figures"].as_array().into_iter().flatten() {
            let (Some(t), Some(k)) = (f["text"].as_str(), f["key"].as_str()) else {
                continue;
            };
            let Some(p) = text.find(t) else { continue };
            if let Some(ci) = s
                .claims
                .iter()
                .position(|c| c.span.0 < p + t.len() && p < c.span.1)
            {
                by_key
                    .entry(k.to_string())
                    .or_default()
                    .push((s.clone(), ci));
            }
        }
    }
    let mut index = Index::new();
    for members in by_key.values() {
        for (s, _) in members {
            index.insert(s.clone());
        }
    }
    let mut n = 0;
    for (k, members) in &by_key {
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                let ((a, ai), (b, bi)) = (&members[i], &members[j]);
                if a.path == b.path {
                    continue;
                }
                let (ca, cb) = (&a.claims[*ai], &b.claims[*bi]);
                let story = index.same_story(a, b, 21);
                let v = copydesk::sources::matching::affinity(a, ca, b, cb);
                let why = copydesk::sources::matching::rejection(a, ca, b, cb).unwrap_or("-");
                let found = index
                    .claim_matches(a, ca, 21)
                    .iter()
                    .any(|m| m.article.path == b.path && m.claim.span == cb.span);
                if found {
                    continue;
                }
                n += 1;
                let best_of = |x: &sources::ArticleSummary,
                               y: &sources::ArticleSummary,
                               c: &sources::ClaimSummary| {
                    x.claims
                        .iter()
                        .filter_map(|o| copydesk::sources::matching::affinity(y, c, x, o))
                        .filter(|(v, _)| v.same_group())
                        .map(|(_, s)| s)
                        .fold(f64::NEG_INFINITY, f64::max)
                };
                let (bo, bt) = (best_of(b, a, ca), best_of(a, b, cb));
                if n < 600 {
                    print!("why={why} best_in_b={bo:.1} best_in_a={bt:.1} likely={} places={:?}/{:?} hist={}/{} ", index.same_story(a, b, 21), ca.places, cb.places, ca.historical, cb.historical);
                    println!("MISS {k}: {} '{}' [{} {:?} {:?}] ~ {} '{}' [{} {:?} {:?}] story={story} ({:.2}) v={v:?} shared_ctx={}", a.path, ca.text, ca.measure, ca.noun, ca.scope, b.path, cb.text, cb.measure, cb.noun, cb.scope, index.story_similarity(a, b), ca.context.iter().filter(|w| cb.context.contains(w)).count());
                }
            }
        }
    }
}

#[test]
fn debug_dump() {
    if std::env::var_os("EVAL_DUMP").is_none() {
        return;
    }
    let Some(dir) = corpus() else { return };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap_or_default())
            .unwrap_or_default();
    for entry in gold.as_array().into_iter().flatten() {
        let file = entry["file"].as_str().unwrap_or("").to_string();
        let Ok(text) = std::fs::read_to_string(dir.join(&file)) else {
            continue;
        };
        let s = copydesk::engine::summarize(&file, &Analysis::new(&text));
        println!("== {file} {:?} topics={}", s.published, s.topics.len());
        for f in entry["figures"].as_array().into_iter().flatten() {
            let t = f["text"].as_str().unwrap_or("");
            let k = f["key"].as_str().unwrap_or("-");
            let c = text.find(t).and_then(|p| {
                s.claims
                    .iter()
                    .find(|c| c.span.0 < p + t.len() && p < c.span.1)
            });
            match c {
                Some(c) => println!(
                    "  {k:40} '{t}' -> '{}' {} {:?} {:?} scope={:?} hist={} inc={} [{}..{:?}]",
                    c.text,
                    c.measure,
                    c.noun,
                    c.places,
                    c.scope,
                    c.historical,
                    c.increment,
                    c.min,
                    c.max
                ),
                None => println!("  {k:40} '{t}' -> NOT EXTRACTED"),
            }
        }
    }
}

#[test]
fn debug_stories() {
    if std::env::var_os("EVAL_STORIES").is_none() {
        return;
    }
    let Some(dir) = corpus() else { return };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap_or_default())
            .unwrap_or_default();
    let mut ss = Vec::new();
    for entry in gold.as_array().into_iter().flatten() {
        let file = entry["file"].as_str().unwrap_or("").to_string();
        let Ok(text) = std::fs::read_to_string(dir.join(&file)) else {
            continue;
        };
        ss.push(copydesk::engine::summarize(&file, &Analysis::new(&text)));
    }
    let mut index = Index::new();
    for s in &ss {
        index.insert(s.clone());
    }
    let mut sims = Vec::new();
    for a in &ss {
        for b in &ss {
            if a.path >= b.path {
                continue;
            }
            let ev = |p: &str| p.split('/').next().unwrap_or("").to_string();
            let same = ev(&a.path) == ev(&b.path) && ev(&a.path) != "standalone";
            sims.push((
                index.story_similarity(a, b),
                same,
                a.path.clone(),
                b.path.clone(),
            ));
            let ev = |p: &str| p.split('/').next().unwrap_or("").to_string();
            let same = ev(&a.path) == ev(&b.path) && ev(&a.path) != "standalone";
            let got = copydesk::sources::matching::same_story(a, b, 21);
            let shared: Vec<&String> = a.topics.iter().filter(|t| b.topics.contains(t)).collect();
            if same != got && std::env::var_os("EVAL_STORIES_OLD").is_some() {
                println!(
                    "{} {} ~ {} shared={:?}",
                    if same { "MISSED" } else { "WRONG" },
                    a.path,
                    b.path,
                    shared
                );
            }
        }
    }
    sims.sort_by(|x, y| y.0.total_cmp(&x.0));
    for (sim, same, a, b) in &sims {
        if *sim > 0.05 {
            println!(
                "SIM {sim:.3} {} {a} ~ {b}",
                if *same { "same" } else { "DIFF" }
            );
        }
    }
}

#[test]
fn debug_pair() {
    let (Some(pa), Some(pb)) = (std::env::var_os("EVAL_A"), std::env::var_os("EVAL_B")) else {
        return;
    };
    let Some(dir) = corpus() else { return };
    let load = |p: &std::ffi::OsStr| {
        let p = p.to_string_lossy().to_string();
        let text = std::fs::read_to_string(dir.join(&p)).unwrap_or_default();
        copydesk::engine::summarize(&p, &Analysis::new(&text))
    };
    let (a, b) = (load(&pa), load(&pb));
    let measure = std::env::var("EVAL_M").unwrap_or_else(|_| "killed".into());
    for ca in a.claims.iter().filter(|c| c.measure == measure) {
        println!(
            "A '{}' {:?} {:?} {:?} y={:?} proj={}",
            ca.text, ca.noun, ca.scope, ca.places, ca.year, ca.projected
        );
        for cb in b.claims.iter().filter(|c| c.measure == measure) {
            let v = copydesk::sources::matching::affinity(&a, ca, &b, cb);
            let why = copydesk::sources::matching::rejection(&a, ca, &b, cb).unwrap_or("-");
            println!(
                "    B '{}' {:?} {:?} {:?}: {v:?} {why}",
                cb.text, cb.noun, cb.scope, cb.places
            );
        }
    }
}

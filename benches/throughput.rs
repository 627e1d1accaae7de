//! `cargo bench --bench throughput`: `check` throughput on ≥ 50 MB of generated articles, per
//! core (single thread). Prints MB/s. Not a timed test: run it and read the number.

use copydesk::analysis::Analysis;
use copydesk::config::Config;
use std::time::Instant;

fn main() {
    let mb: usize = std::env::var("COPYDESK_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64);
    let articles = copydesk::bench::corpus(42, mb * 1024 * 1024, 2500);
    let bytes: usize = articles.iter().map(String::len).sum();
    let config = Config::default();
    // warm-up
    for a in articles.iter().take(20) {
        let an = Analysis::new(a);
        std::hint::black_box(copydesk::rules::run(&an, &config));
    }
    let mut best = f64::MAX;
    let mut findings = 0;
    for _ in 0..3 {
        let t = Instant::now();
        findings = 0;
        for a in &articles {
            let an = Analysis::new(a);
            findings += copydesk::rules::run(&an, &config).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mbs = bytes as f64 / (1024.0 * 1024.0) / best;
    let per_article_ms = best * 1000.0 / articles.len() as f64;
    println!(
        "check throughput: {:.1} MB/s on one core ({} articles, {:.1} MB, {:.3} ms per ~{} KB article, {} findings)",
        mbs,
        articles.len(),
        bytes as f64 / 1048576.0,
        per_article_ms,
        bytes / articles.len() / 1024,
        findings
    );
}

//! `cargo bench --bench throughput`: `check` throughput (article reading, dates, figures,
//! entities, attribution and every rule) on ≥ 50 MB of generated articles, on one core.
//! Prints MB/s per CPU second of the benchmark's thread where /proc tells it (so a busy
//! machine lowers the figure less), and per wall-clock second. Not a timed test.

use copydesk::analysis::Analysis;
use copydesk::config::Config;
use std::time::Instant;

/// CPU seconds used by this thread (user + system) from /proc; None where /proc is missing.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // fields after the command name in parentheses; utime and stime are fields 14 and 15
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() {
    let mb: usize = std::env::var("COPYDESK_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64);
    let articles = copydesk::bench::corpus(42, mb * 1024 * 1024, 2500);
    let bytes: usize = articles.iter().map(String::len).sum();
    let config = Config::default();
    for a in articles.iter().take(20) {
        let an = Analysis::new(a);
        std::hint::black_box(copydesk::rules::run(&an, &config));
    }
    let (mut best_wall, mut best_cpu) = (f64::MAX, f64::MAX);
    let mut findings = 0;
    let mut dates = 0;
    let mut claims = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let c0 = cpu_seconds();
        findings = 0;
        dates = 0;
        claims = 0;
        for a in &articles {
            let an = Analysis::new(a);
            dates += an.dates.len();
            claims += an.claims.len();
            findings += copydesk::rules::run(&an, &config).len();
        }
        best_wall = best_wall.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let total_mb = bytes as f64 / 1048576.0;
    let cpu = if best_cpu < f64::MAX && best_cpu > 0.0 {
        format!("{:.1} MB/s per CPU second, ", total_mb / best_cpu)
    } else {
        String::new()
    };
    println!(
        "check throughput: {cpu}{:.1} MB/s wall clock, one core ({} articles, {:.1} MB, {:.3} ms per ~{} KB article; {:.1} dates and {:.1} figures per KB; {} findings)",
        total_mb / best_wall,
        articles.len(),
        total_mb,
        best_wall * 1000.0 / articles.len() as f64,
        bytes / articles.len() / 1024,
        dates as f64 / (bytes as f64 / 1024.0),
        claims as f64 / (bytes as f64 / 1024.0),
        findings
    );
}

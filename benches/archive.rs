//! `cargo bench --bench archive`: the shared archive on a real PostgreSQL (issue #20).
//!
//! Starts a throwaway cluster on a Unix socket with the server's durable defaults (fsync on;
//! or uses `COPYDESK_TEST_PG`), then measures:
//! - ingest: `copydesk index - --into …` fed `COPYDESK_BENCH_ARTICLES` (default 100,000)
//!   generated articles as JSON lines (no files written), whole command, analysis included;
//! - four ingesters at once, each a quarter of another 20,000 articles;
//! - a hover's lookup (`Archive::story_figures`: the figure's story, one measure and slot,
//!   ±21 days, 64 rows; its plan, to show it is an index scan of `figures_story`), a
//!   document's stories (`Archive::stories_of`: the skeletons of its window and the story
//!   test) and a check's load (`Archive::around`: every article within 21 days of a date),
//!   p50/p99 over a warm connection;
//! - `copydesk check --sources postgres://…` with the server stopped.
//!
//! Not a timed test: run it and read the numbers.

#[path = "../tests/support/pg.rs"]
mod pg;

use copydesk::archive::{load, Blocking, Role};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    c.env_remove("COPYDESK_DATABASE_URL");
    c
}

/// Feeds `n` generated articles (seed `seed`, keys `prefix…`) to `copydesk index -`.
fn ingest(url: &str, n: usize, seed: u64, prefix: &str) -> (Duration, String) {
    let t = Instant::now();
    let mut child = bin()
        .args(["index", "-", "--into", url])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn copydesk index");
    {
        let mut w = std::io::BufWriter::new(child.stdin.take().expect("stdin"));
        let mut rng = copydesk::bench::Rng::new(seed);
        let outlets = ["North Ledger", "South Courier", "East Wire", "West Post"];
        for i in 0..n {
            let text = copydesk::bench::article(&mut rng, 150);
            let line = serde_json::json!({
                "path": format!("{prefix}{i:06}"),
                "outlet": outlets[i % outlets.len()],
                "text": text,
            });
            writeln!(w, "{line}").expect("write");
        }
    }
    let o = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&o.stderr).trim().to_string();
    assert!(o.status.success(), "{err}");
    (t.elapsed(), err)
}

/// A figure to look up: measure, slot, date, story, its article's key.
type Probe = (String, String, chrono::NaiveDate, Option<i64>, String);

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v.get(i).copied().unwrap_or(f64::NAN)
}

fn main() {
    let n: usize = std::env::var("COPYDESK_BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let Some(pg) = pg::Pg::start_with(false) else {
        return;
    };
    let url = pg.database("bench");

    // 1. ingest
    let (took, line) = ingest(&url, n, 7, "desk/");
    println!("{line}");
    println!(
        "ingest: {n} articles in {:.1} s = {:.0} articles/s (whole command: reading, analysis, writing)",
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64()
    );
    // again: every article unchanged
    let (took2, _) = ingest(&url, n, 7, "desk/");
    println!(
        "re-ingest, nothing changed: {:.1} s = {:.0} articles/s",
        took2.as_secs_f64(),
        n as f64 / took2.as_secs_f64()
    );

    // 2. four ingesters at once
    let m = 20_000;
    let t = Instant::now();
    let handles: Vec<_> = (0..4)
        .map(|k| {
            let url = url.clone();
            std::thread::spawn(move || ingest(&url, m / 4, 100 + k, &format!("wire{k}/")))
        })
        .collect();
    for h in handles {
        h.join().expect("ingester");
    }
    let took = t.elapsed();
    println!(
        "four ingesters at once: {m} articles in {:.1} s = {:.0} articles/s in all",
        took.as_secs_f64(),
        m as f64 / took.as_secs_f64()
    );

    // 3. lookups
    let db = Blocking::new(&url, Role::Reader).expect("pool");
    let (count, probes) = db.run(async {
        let c = db.archive().client().await.expect("connect");
        // as autovacuum would: the visibility map lets the lookup be an index-only scan
        c.batch_execute("VACUUM ANALYZE").await.expect("vacuum");
        let count: i64 = c
            .query_one("SELECT count(*) FROM articles", &[])
            .await
            .expect("count")
            .get(0);
        let rows = c
            .query(
                "SELECT f.measure, f.slot, f.published, f.story, a.key FROM figures f JOIN articles a ON a.id = f.article_id
                 WHERE f.published IS NOT NULL ORDER BY random() LIMIT 2000",
                &[],
            )
            .await
            .expect("probes");
        let probes: Vec<Probe> = rows
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
            .collect();
        (count, probes)
    });
    let w = chrono::Duration::days(21);
    let mut hover = Vec::new();
    let mut rows_seen = 0usize;
    for (measure, slot, date, story, _) in &probes {
        let stories: Vec<i64> = story.iter().copied().collect();
        let t = Instant::now();
        let got = db
            .run(db.archive().story_figures(
                &stories,
                story.is_none(),
                measure,
                slot,
                *date - w,
                *date + w,
                64,
            ))
            .expect("lookup");
        hover.push(t.elapsed().as_secs_f64() * 1000.0);
        rows_seen += got.len();
    }
    println!(
        "hover lookup over {count} articles: p50 {:.2} ms, p99 {:.2} ms ({} lookups, {:.1} rows each)",
        percentile(&mut hover, 0.5),
        percentile(&mut hover, 0.99),
        hover.len(),
        rows_seen as f64 / hover.len().max(1) as f64
    );
    // the same lookups as the server times them (no client, no socket, no scheduling of the
    // client process): EXPLAIN ANALYZE's execution time; and the plan of the first
    let mut server = Vec::new();
    db.run(async {
        let c = db.archive().client().await.expect("connect");
        for (i, (measure, slot, date, story, _)) in probes.iter().take(1000).enumerate() {
            let (from, to) = (*date - w, *date + w);
            let stories: Vec<i64> = story.iter().copied().collect();
            let unassigned = story.is_none();
            let params: [&(dyn tokio_postgres::types::ToSql + Sync); 7] =
                [&stories, measure, slot, &from, &to, &unassigned, &64i64];
            if i == 0 {
                let rows = c
                    .query(&format!("EXPLAIN {}", load::STORY_FIGURES), &params)
                    .await
                    .expect("explain");
                let plan: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
                println!("hover lookup plan:\n  {}", plan.join("\n  "));
            }
            let rows = c
                .query(
                    &format!("EXPLAIN (ANALYZE, FORMAT JSON) {}", load::STORY_FIGURES),
                    &params,
                )
                .await
                .expect("explain");
            let plan: serde_json::Value = rows[0].get(0);
            if let Some(ms) = plan[0]["Execution Time"].as_f64() {
                server.push(ms);
            }
        }
    });
    println!(
        "hover lookup, server execution time (EXPLAIN ANALYZE): p50 {:.2} ms, p99 {:.2} ms",
        percentile(&mut server, 0.5),
        percentile(&mut server, 0.99)
    );
    // a document's stories: the skeletons of its window, weighed by the archive's counts
    let mut find = Vec::new();
    let mut found = 0usize;
    for (_, _, _, _, key) in probes.iter().take(100) {
        let t = Instant::now();
        let got = db.run(async {
            let this = db.archive().get(key).await.expect("get").expect("stored");
            db.archive()
                .stories_of(&this, 21)
                .await
                .expect("stories")
                .0
                .len()
        });
        find.push(t.elapsed().as_secs_f64() * 1000.0);
        found += got;
    }
    println!(
        "a document's stories (skeletons of its window, counts, story test): p50 {:.1} ms, p99 {:.1} ms ({:.1} stories each)",
        percentile(&mut find, 0.5),
        percentile(&mut find, 0.99),
        found as f64 / find.len().max(1) as f64
    );
    let mut load = Vec::new();
    let mut loaded = 0usize;
    for (_, _, date, _, _) in probes.iter().take(100) {
        let t = Instant::now();
        let got = db.run(db.archive().around(&[*date], 21)).expect("around");
        load.push(t.elapsed().as_secs_f64() * 1000.0);
        loaded += got.summaries.len();
    }
    println!(
        "a check's load (every article within 21 days, summaries parsed): p50 {:.1} ms, p99 {:.1} ms ({:.0} articles each)",
        percentile(&mut load, 0.5),
        percentile(&mut load, 0.99),
        loaded as f64 / load.len().max(1) as f64
    );

    // 4. the server stopped midway: a check goes on with the local files
    let dir = tempfile::tempdir().expect("tmp");
    let f = dir.path().join("draft.md");
    std::fs::write(
        &f,
        " date 2020-06-01 Officials said 40 people were injured when the roof of the market collapsed.\n",
    )
    .expect("write");
    let f = f.display().to_string();
    let t = Instant::now();
    let up = bin()
        .args(["check", &f, "--format", "json", "--sources", &url])
        .output()
        .expect("check");
    let up_t = t.elapsed();
    if pg.stop() {
        let t = Instant::now();
        let down = bin()
            .args(["check", &f, "--format", "json", "--sources", &url])
            .output()
            .expect("check");
        println!(
            "check with the archive up: {:.0} ms; stopped: {:.0} ms, exit {:?}, stderr: {}",
            up_t.as_secs_f64() * 1000.0,
            t.elapsed().as_secs_f64() * 1000.0,
            down.status.code(),
            String::from_utf8_lossy(&down.stderr).trim()
        );
        let _ = up;
    }
}

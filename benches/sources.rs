//! `cargo bench --bench sources`: the sources index on a generated workspace of 10,000 articles.
//! Prints the cold index time, the warm start from the on-disk cache, comparison lookup
//! latency (p50/p99) and resident memory. Not a timed test: run it and read the numbers.
//! `COPYDESK_BENCH_ARTICLES=100000` sets the size; `COPYDESK_BENCH_LOOKUPS_ONLY=1` builds the
//! index in memory without the cache (no cold and warm start) to time the lookups and the
//! re-check alone. `COPYDESK_BENCH_VOCAB=20000` adds to each article a paragraph of words
//! drawn from that many made-up words with a Zipf-like distribution (the generator's own text
//! has only ~230 distinct words, so every article of a week shares most keywords; real text
//! does not).

use copydesk::cache::{self, Cache};
use copydesk::sources::{compare::markdown_at, Index};
use std::time::Instant;

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// CPU seconds (user + system) from a /proc stat file: the process's (`self`) or this thread's
/// (`thread-self`); None where /proc is missing.
fn cpu_seconds(of: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{of}/stat")).ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() {
    let n: usize = std::env::var("COPYDESK_BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut rng = copydesk::bench::Rng::new(7);
    let mut bytes = 0;
    let vocab = std::env::var("COPYDESK_BENCH_VOCAB")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|v| *v > 0)
        .map(Zipf::new);
    let mut words_rng = copydesk::bench::Rng::new(17);
    for i in 0..n {
        let mut a = copydesk::bench::article(&mut rng, 450);
        if let Some(z) = &vocab {
            a.push_str(&z.paragraph(&mut words_rng, 80));
        }
        bytes += a.len();
        let sub = dir.path().join(format!("desk{}", i % 20));
        std::fs::create_dir_all(&sub).expect("folder");
        std::fs::write(sub.join(format!("story{i:05}.txt")), a).expect("write");
    }
    println!(
        "workspace: {n} articles, {:.1} MB",
        bytes as f64 / 1048576.0
    );
    let cache_path = dir.path().join("cache.sqlite");
    let folders = vec![dir.path().to_path_buf()];

    if std::env::var_os("COPYDESK_BENCH_LOOKUPS_ONLY").is_some() {
        // the index built in memory, without the on-disk cache: for profiling the lookups
        let t = Instant::now();
        let mut index = Index::new();
        for p in all_paths(dir.path()) {
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            let a = copydesk::Analysis::new(&text);
            index.insert(copydesk::engine::summarize(&p.display().to_string(), &a));
        }
        index.prepare();
        println!("index in memory: {:.2} s", t.elapsed().as_secs_f64());
        let rss = rss_kb();
        lookups(&index, rss, 0);
        recheck_one_changed_file(index, &all_paths(dir.path()));
        return;
    }
    let rss0 = rss_kb();
    let t = Instant::now();
    let mut index = Index::new();
    let mut c = Cache::open(&cache_path).expect("cache");
    let stats = cache::load(&mut index, &folders, Some(&mut c));
    let cold = t.elapsed().as_secs_f64();
    println!(
        "cold index: {cold:.2} s ({} analysed, {} articles)",
        stats.analysed, stats.articles
    );
    drop(index);
    drop(c);

    let t = Instant::now();
    let (p0, m0) = (cpu_seconds("self"), cpu_seconds("thread-self"));
    let mut index = Index::new();
    let mut c = Cache::open(&cache_path).expect("cache");
    let stats = cache::load(&mut index, &folders, Some(&mut c));
    let warm = t.elapsed().as_secs_f64();
    // On a shared machine wall time says little: the main thread's CPU time is the part
    // that runs on one core, the rest of the process's CPU time is spread over the workers.
    let cpu = match (p0, m0, cpu_seconds("self"), cpu_seconds("thread-self")) {
        (Some(p0), Some(m0), Some(p1), Some(m1)) => format!(
            "; CPU {:.2} s on the main thread, {:.2} s on workers",
            m1 - m0,
            (p1 - p0) - (m1 - m0)
        ),
        _ => String::new(),
    };
    println!(
        "warm start from the cache: {warm:.2} s ({} from cache, {} analysed{cpu})",
        stats.from_cache, stats.analysed
    );
    let rss = rss_kb();
    lookups(&index, rss, rss0);
    recheck_one_changed_file(index, &all_paths(dir.path()));
}

/// Made-up lowercase words, drawn with probability falling as 1 / rank.
struct Zipf {
    words: Vec<String>,
    /// Cumulative weights of the ranks.
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        const ON: &[&str] = &[
            "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
        ];
        const NUCLEUS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
        let words = (0..n)
            .map(|i| {
                // three or four syllables spelled from the rank's digits: distinct words
                let mut w = String::new();
                let mut x = i + 1;
                for _ in 0..4 {
                    w.push_str(ON[x % ON.len()]);
                    x /= ON.len();
                    w.push_str(NUCLEUS[x % NUCLEUS.len()]);
                    x /= NUCLEUS.len();
                }
                w.push('n');
                w
            })
            .collect();
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / (r as f64 + 1.0);
                total
            })
            .collect();
        Zipf { words, cumulative }
    }

    fn word(&self, rng: &mut copydesk::bench::Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|c| *c < u);
        &self.words[i.min(self.words.len() - 1)]
    }

    /// Sentences of about `n` words in all.
    fn paragraph(&self, rng: &mut copydesk::bench::Rng, n: usize) -> String {
        let mut s = String::from("\n\n");
        let mut k = 0;
        while k < n {
            s.push_str("The");
            for _ in 0..8 {
                s.push(' ');
                s.push_str(self.word(rng));
            }
            s.push_str(". ");
            k += 9;
        }
        s.push('\n');
        s
    }
}

/// CPU time this thread has run, in nanoseconds (`CLOCK_THREAD_CPUTIME_ID`; None where the
/// clock is missing): on a shared machine, unlike wall time, not lengthened by waiting for a
/// core. /proc/thread-self/schedstat would not do: it is brought up to date only at the
/// scheduler's ticks and switches, so a lookup of a millisecond or two read as 0 or 4 ms.
fn thread_cpu_ns() -> Option<u64> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    if rc != 0 {
        return None;
    }
    Some(u64::try_from(t.tv_sec).ok()? * 1_000_000_000 + u64::try_from(t.tv_nsec).ok()?)
}

/// The comparison for random claims of random articles: latency, and the memory then.
fn lookups(index: &Index, rss: u64, rss0: u64) {
    let all: Vec<_> = index.iter().collect();
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut rng = copydesk::bench::Rng::new(11);
    let mut found = 0;
    let total0 = thread_cpu_ns();
    for _ in 0..2000 {
        let a = all[rng.below(all.len())];
        let Some(c) = a.claims.get(rng.below(a.claims.len().max(1))) else {
            continue;
        };
        let cpu0 = thread_cpu_ns();
        let t = Instant::now();
        let md = markdown_at(index, a, c.span.0, 21);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if let (Some(c0), Some(c1)) = (cpu0, thread_cpu_ns()) {
            cpu.push(c1.saturating_sub(c0) as f64 / 1e6);
        }
        found += usize::from(md.is_some_and(|m| m.contains("| Outlet")));
    }
    let total = match (total0, thread_cpu_ns()) {
        (Some(c0), Some(c1)) => format!(
            "; {:.3} s CPU time of the thread in all",
            c1.saturating_sub(c0) as f64 / 1e9
        ),
        _ => String::new(),
    };
    times.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| percentile(&times, q);
    println!("comparison lookup: p50 {:.3} ms, p99 {:.3} ms over {} lookups ({found} with other sources{total})", p(0.5), p(0.99), times.len());
    if !cpu.is_empty() {
        cpu.sort_by(|a, b| a.total_cmp(b));
        let c = |q: f64| percentile(&cpu, q);
        println!(
            "comparison lookup, CPU time of the thread (not waiting for a core): p50 {:.3} ms, p99 {:.3} ms",
            c(0.5),
            c(0.99)
        );
    }
    println!(
        "resident memory with the index loaded: {:.0} MB (process total; {:.0} MB before indexing)",
        rss as f64 / 1024.0,
        rss0 as f64 / 1024.0
    );
}

/// The `q` quantile of sorted `times`.
fn percentile(times: &[f64], q: f64) -> f64 {
    times
        .get(((times.len() as f64 - 1.0) * q) as usize)
        .copied()
        .unwrap_or(0.0)
}

/// The articles' paths, sorted (the generated workspace's files).
fn all_paths(root: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for d in std::fs::read_dir(root).into_iter().flatten().flatten() {
        if d.path().is_dir() {
            for f in std::fs::read_dir(d.path()).into_iter().flatten().flatten() {
                out.push(f.path());
            }
        }
    }
    out.sort();
    out
}

/// What the language server does when one file of the workspace changes on disk: analyse it,
/// replace its summary in the index, and check it against the whole index (issue #17's
/// "warm re-check of one changed file"). Timed end to end, 50 times over random files.
fn recheck_one_changed_file(index: Index, paths: &[std::path::PathBuf]) {
    use std::sync::Arc;
    let mut index = Arc::new(index);
    let mut rng = copydesk::bench::Rng::new(13);
    let mut times = Vec::new();
    let mut findings = 0;
    for k in 0..50 {
        let Some(path) = paths.get(rng.below(paths.len().max(1))) else {
            return;
        };
        let Ok(mut text) = std::fs::read_to_string(path) else {
            continue;
        };
        text.push_str(&format!(
            "\n\nAt least {} people were hurt, police said.\n",
            3 + k
        ));
        let key = path.display().to_string();
        let t = Instant::now();
        let a = copydesk::Analysis::new(&text);
        let summary = copydesk::engine::summarize(&key, &a);
        let ix = Arc::make_mut(&mut index);
        ix.remove(&key);
        ix.insert(summary);
        let engine = copydesk::engine::Engine::new(Default::default(), index.clone());
        let report = engine.check_analysis(&key, a);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        findings += report.findings.len();
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| percentile(&times, q);
    println!(
        "re-check of one changed file against the whole index: p50 {:.1} ms, max {:.1} ms over {} files ({findings} findings)",
        p(0.5),
        p(1.0),
        times.len()
    );
}

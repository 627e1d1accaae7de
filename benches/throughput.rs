//! Throughput of the whole `check` core (article reading, dates, figures, entities,
//! attribution and every rule) over the corpus in ../shared (or the seeds, or a built-in
//! fictional article when absent). Run with `cargo bench --bench throughput`; prints MB/s on
//! one core, per CPU second of the benchmark's thread where /proc tells it (so a busy machine
//! lowers it less), with a per-stage breakdown. Floor: 50 MB/s.

use copydesk::config::Config;
use copydesk::Analysis;
use std::path::Path;
use std::time::{Duration, Instant};

const FALLBACK: &str = " date 2021-03-02 More than 400 people have been killed in the floods, the interior ministry said on Monday. According to the regional governor, 1,200 homes were destroyed and about 30,000 residents were evacuated. \"We need $4.5bn to rebuild,\" Mayor Ana Ruiz said.\n\nThe storm, the worst since 1994, lasted 10 hours.\n";

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt" || e == "md") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
}

/// CPU seconds used by this thread (user + system) from /proc, so that a loaded machine does
/// not slow the measure down; None where /proc is missing (wall time is used then).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // fields after the command name in parentheses; utime and stime are fields 14 and 15
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// A clock: CPU time when available, else wall time.
struct Clock {
    wall: Instant,
    cpu: Option<f64>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu_seconds(),
        }
    }
    fn seconds(&self) -> f64 {
        match (self.cpu, cpu_seconds()) {
            (Some(a), Some(b)) if b > a => b - a,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

fn main() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"));
    let mut texts = Vec::new();
    collect(&shared.join("corpus"), &mut texts);
    collect(&shared.join("seeds"), &mut texts);
    if texts.is_empty() {
        texts.push(FALLBACK.to_string());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let config = Config::default();
    let mut findings = 0usize;
    let mut claims = 0usize;
    // warm up
    for t in &texts {
        let a = Analysis::new(t);
        findings += copydesk::rules::run(&a, &config).len();
    }
    let start = Instant::now();
    let clock = Clock::start();
    let mut done = 0usize;
    while start.elapsed() < Duration::from_secs(3) {
        for t in &texts {
            let a = Analysis::new(t);
            claims += a.claims.len();
            findings += copydesk::rules::run(&a, &config).len();
        }
        done += bytes;
    }
    let secs = clock.seconds();
    // where the time goes, one pass per stage
    let stage = |name: &str, f: &dyn Fn(&str)| {
        let t0 = Instant::now();
        let mut n = 0usize;
        while t0.elapsed() < Duration::from_millis(700) {
            for t in &texts {
                f(t);
            }
            n += bytes;
        }
        println!(
            "  {name}: {:.1} MB/s",
            n as f64 / t0.elapsed().as_secs_f64() / 1e6
        );
    };
    stage("article", &|t| {
        std::hint::black_box(copydesk::article::read(t));
    });
    stage("article+dates", &|t| {
        let a = copydesk::article::read(t);
        let p = a.published.as_ref().map(|p| p.date);
        std::hint::black_box(copydesk::time::extract(t, &a, p));
    });
    stage("article+dates+figures", &|t| {
        let a = copydesk::article::read(t);
        let p = a.published.as_ref().map(|p| p.date);
        let d = copydesk::time::extract(t, &a, p);
        std::hint::black_box(copydesk::figures::extract(t, &a, &d, p));
    });
    stage("article+dates+figures+attribution", &|t| {
        let a = copydesk::article::read(t);
        let p = a.published.as_ref().map(|p| p.date);
        let d = copydesk::time::extract(t, &a, p);
        let mut c = copydesk::figures::extract(t, &a, &d, p);
        copydesk::figures::attribution::attach(t, &a, &mut c, &[]);
        std::hint::black_box(c);
    });
    stage("article+entities", &|t| {
        let a = copydesk::article::read(t);
        std::hint::black_box(copydesk::entities::extract(t, &a));
    });
    stage("analysis", &|t| {
        std::hint::black_box(Analysis::new(t));
    });
    let mbs = done as f64 / secs / 1e6;
    println!(
        "check core: {mbs:.1} MB/s on one core ({} files, {bytes} bytes per pass, {claims} claims, {findings} findings)",
        texts.len()
    );
}

//! Build script: a fingerprint of the analysis (every source file and word-data file), so that
//! summaries cached by another build of copydesk are analysed again instead of being trusted
//! (`src/cache.rs`, `FORMAT`). Standard library only.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let mut all = Vec::new();
    for d in ["src", "data"] {
        println!("cargo:rerun-if-changed={d}");
        files(&root.join(d), &mut all);
    }
    all.sort();
    // FNV-1a over each file's path (relative) and contents
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for p in &all {
        let rel = p.strip_prefix(&root).unwrap_or(p);
        eat(rel.to_string_lossy().as_bytes());
        eat(&std::fs::read(p).unwrap_or_default());
    }
    // a positive i32 (the shared archive stores it in an `integer` column)
    let format = (h ^ (h >> 31) ^ (h >> 62)) & 0x7fff_ffff;
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("format.rs");
    let code = format!(
        "/// The analysis fingerprint of this build (see build.rs).\npub const FORMAT: i64 = {format};\n"
    );
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=could not write {}: {e}", out.display());
    }
}

//! Plain-text news read as Markdown keeps its prose: on every `.txt` article of `../shared`
//! (the corpus and the external sets' texts), the bytes that the Markdown reader marks as no
//! prose, apart from HTML tags, stay a tiny share. Wire copy's ``quotes'', indented paragraphs, "*" bullets and
//! "<" in prose once blanked whole sentences; this catches the next construct that would.
//! Skips cleanly when `../shared` is absent.

use std::path::{Path, PathBuf};

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            txt_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

#[test]
fn plain_text_news_is_not_blanked_as_markdown() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut files = Vec::new();
    txt_files(&shared.join("corpus"), &mut files);
    txt_files(&shared.join("external"), &mut files);
    if files.is_empty() {
        eprintln!("../shared not found: skipped");
        return;
    }
    let (mut body, mut blanked) = (0usize, 0usize);
    let mut worst: Vec<(f64, String)> = Vec::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let a = copydesk::article::read(&text);
        let b = a.body.end - a.body.start;
        // HTML tags (embedded-post markup in scraped pages) are rightly no prose: not counted
        let s: usize = a
            .skipped
            .iter()
            .filter(|s| !text[s.start..s.end].starts_with('<'))
            .map(|s| {
                // page furniture (other stories' headlines) is rightly no prose: not counted
                let furniture: usize = a
                    .furniture
                    .iter()
                    .map(|f| f.end.min(s.end).saturating_sub(f.start.max(s.start)))
                    .sum();
                (s.end - s.start).saturating_sub(furniture)
            })
            .sum();
        body += b;
        blanked += s;
        if b > 0 {
            worst.push((s as f64 / b as f64, f.display().to_string()));
        }
    }
    worst.sort_by(|x, y| y.0.total_cmp(&x.0));
    let share = blanked as f64 / body.max(1) as f64;
    eprintln!(
        "{} files, {blanked} of {body} body bytes not prose ({:.4} %); most: {:?}",
        files.len(),
        share * 100.0,
        &worst[..worst.len().min(3)]
    );
    assert!(
        share < 0.0005,
        "{:.4} % of plain-text bytes read as no prose",
        share * 100.0
    );
    let over: Vec<_> = worst.iter().filter(|(r, _)| *r > 0.02).collect();
    assert!(
        over.is_empty(),
        "files with over 2 % of their body blanked: {over:?}"
    );
}

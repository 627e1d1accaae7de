//! Word knowledge is data: every word list lives in `data/lexicon/`, each concept once, and the
//! places come from the generated gazetteer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Files (or folders, ending in '/') of `src/` where string-literal word lists are still
/// allowed, and why.
const ALLOWED: &[(&str, &str)] = &[
    // front-matter keys and severity names: a file format's field names, not word knowledge
    ("src/article/front_matter.rs", "front-matter key names"),
    ("src/cli/printer/html.rs", "severity names"),
    // word → value tables (month and weekday numbers, ordinal suffixes), not word lists
    ("src/time/lexicon.rs", "value tables of the date words"),
    // synthetic articles for the benchmarks; file extensions
    ("src/bench.rs", "benchmark text generator"),
    ("src/workspace.rs", "file extensions"),
];

/// Files (or folders) of `src/` where lists of two words are still allowed, and why: longer
/// lists there are still caught.
const ALLOWED_PAIRS: &[(&str, &str)] = &[
    // a file format's names, not word knowledge
    ("src/config.rs", "severity names of .copydesk.toml"),
    ("src/cache.rs", "SQLite's side-file suffixes"),
    ("src/report/build.rs", "front-matter keys"),
];

/// The text without raw string literals (templates), test modules and the tag names of
/// `word_set!` (`tags ["aim", "deadline"]`: a data file's column values), line breaks kept so
/// that line numbers stay true.
fn code_of(src: &str) -> String {
    let blank = |s: &str| s.chars().filter(|&c| c == '\n').collect::<String>();
    let raw = regex::Regex::new(r##"(?s)r#".*?"#"##).expect("pattern");
    let src = raw.replace_all(src, |c: &regex::Captures| format!("\"\"{}", blank(&c[0])));
    let src = without_test_modules(&src);
    let tags = regex::Regex::new(r"tags\s*\[[^\]]*\]").expect("pattern");
    tags.replace_all(&src, |c: &regex::Captures| blank(&c[0]))
        .into_owned()
}

/// `src` with the body of every `#[cfg(test)] mod … { … }` (also `pub(super) mod …`) blanked
/// (its line breaks kept); code after a test module is kept. Braces in string and character
/// literals are not counted.
fn without_test_modules(src: &str) -> String {
    let mark =
        regex::Regex::new(r"#\[cfg\(test\)\]\n(?:pub(?:\([a-z: ]+\))? )?mod ").expect("pattern");
    let mut out = String::with_capacity(src.len());
    let mut rest = src;
    while let Some(i) = mark.find(rest).map(|m| m.start()) {
        out.push_str(&rest[..i]);
        let module = &rest[i..];
        let open = module.find('{');
        // `mod tests;`: the module is another file
        if let Some(semi) = module.find(';').filter(|s| open.is_none_or(|o| *s < o)) {
            out.push_str(&module[..=semi]);
            rest = &module[semi + 1..];
            continue;
        }
        let end = open.map_or(module.len(), |o| o + block_len(&module[o..]));
        out.extend(module[..end].chars().filter(|&c| c == '\n'));
        rest = &module[end..];
    }
    out.push_str(rest);
    out
}

/// The length of the `{ … }` block `s` starts with (all of `s` when it never closes), skipping
/// string and character literals.
fn block_len(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            // '{', '}', '\'' (a lifetime has no closing quote two or three bytes on)
            b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2,
            b'\'' if b.get(i + 1) == Some(&b'\\') && b.get(i + 3) == Some(&b'\'') => i += 3,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

#[test]
fn no_word_list_outside_the_lexicon() {
    let word = r#"b?"[a-z][a-z'/]*(?:[ -][a-z][a-z']*)?""#;
    let array =
        regex::Regex::new(&format!(r"\[\s*{word}(?:\s*,\s*{word})+\s*,?\s*\]")).expect("re");
    let pipe = regex::Regex::new(&format!(r"{word}(?:\s*\|\s*{word})+")).expect("re");
    let lit = regex::Regex::new(r#""([^"]*)""#).expect("re");
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    assert!(files.len() > 20, "src/ not found");
    let mut found = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root())
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("src/lexicon/")
            || rel.ends_with("/tests.rs")
            || ALLOWED.iter().any(|(p, _)| rel.starts_with(p))
        {
            continue;
        }
        let pairs_allowed = ALLOWED_PAIRS.iter().any(|(p, _)| rel.starts_with(p));
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let code = code_of(&text);
        for m in array.find_iter(&code).chain(pipe.find_iter(&code)) {
            let words: Vec<&str> = lit
                .captures_iter(m.as_str())
                .filter_map(|c| c.get(1).map(|x| x.as_str()))
                .collect();
            // measure names (`config::MEASURES`) are identifiers, not words
            if words.iter().all(|w| copydesk::config::MEASURES.contains(w)) {
                continue;
            }
            if words.len() == 2 && pairs_allowed {
                continue;
            }
            let line = code[..m.start()].matches('\n').count() + 1;
            found.push(format!("{rel}:{line}: {}", m.as_str().replace('\n', " ")));
        }
    }
    assert!(
        found.is_empty(),
        "word lists outside data/lexicon/ (move them to a data file):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_word_list_check_reads_code_after_tests_and_skips_syntax() {
    let src = "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn t() { let _ = \"}\"; let _ = '{'; }\n}\nfn b() -> bool { matches!(w, \"said\" | \"told\") }\n";
    let code = code_of(src);
    assert_eq!(code.lines().count(), src.lines().count());
    assert!(code.contains("\"said\" | \"told\""), "{code}");
    assert!(!code.contains("fn t()"), "{code}");
    let tagged = "crate::word_set!(AIM = file \"x.tsv\", tags [\"aim\", \"deadline\"]);";
    assert!(!code_of(tagged).contains("aim"));
    let external = "#[cfg(test)]\nmod tests;\nconst X: [&str; 2] = [\"a\", \"an\"];";
    assert!(code_of(external).contains("[\"a\", \"an\"]"));
}

/// The entries of every hand-written `.txt` data file, and each file's `# kind:`.
fn data_files() -> BTreeMap<String, (Option<String>, Vec<String>)> {
    let mut out = BTreeMap::new();
    let dir = root().join("data/lexicon");
    for e in std::fs::read_dir(&dir).expect("data/lexicon").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !(name.ends_with(".txt") || name.ends_with(".tsv")) || name == "places.tsv" {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        let kind = text
            .lines()
            .find_map(|l| l.strip_prefix("# kind:"))
            .map(|k| k.trim().to_string());
        let entries = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(|l| l.split('\t').next().unwrap_or("").trim().to_string())
            .collect();
        out.insert(name, (kind, entries));
    }
    out
}

#[test]
fn each_concept_once() {
    let files = data_files();
    assert!(files.len() >= 40, "{}", files.len());
    let mut problems = Vec::new();
    for (name, (_, entries)) in &files {
        let set: BTreeSet<&String> = entries.iter().collect();
        if set.len() != entries.len() {
            problems.push(format!("{name}: an entry is listed twice"));
        }
    }
    let names: Vec<&String> = files.keys().collect();
    for (i, a) in names.iter().enumerate() {
        for b in names.iter().skip(i + 1) {
            let (ka, ea) = &files[*a];
            let (kb, eb) = &files[*b];
            let sa: BTreeSet<&String> = ea.iter().collect();
            let sb: BTreeSet<&String> = eb.iter().collect();
            let shared: Vec<&&String> = sa.intersection(&sb).collect();
            let union = sa.union(&sb).count();
            // two files that share most of their entries are one concept
            if union >= 3 && shared.len() * 2 > union {
                problems.push(format!("{a} and {b} share {} entries", shared.len()));
            }
            // two files of one kind hold different entries
            if ka.is_some() && ka == kb && !shared.is_empty() {
                problems.push(format!("{a} and {b} (one kind) share {shared:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_gazetteer_is_generated_and_complete() {
    let text = std::fs::read_to_string(root().join("data/lexicon/places.tsv")).expect("places");
    let mut lines = text.lines();
    let head = lines.next().unwrap_or("");
    assert!(
        head.contains("generated by scripts/gazetteer/build.py") && head.contains("GeoNames"),
        "{head}"
    );
    let rows: usize = lines
        .next()
        .and_then(|l| l.strip_prefix("# rows: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("row count");
    let data: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(data.len(), rows, "row count in the header");
    assert!(data.iter().all(|r| r.len() == 5), "five columns");
    let of = |k: &str| data.iter().filter(|r| r.get(1) == Some(&k)).count();
    assert!((245..=260).contains(&of("country")), "{}", of("country"));
    assert!(of("region") >= 3000, "{}", of("region"));
    assert!(of("city") >= 20_000, "{}", of("city"));
    let countries: BTreeSet<&str> = data
        .iter()
        .filter(|r| r.get(1) == Some(&"country"))
        .filter_map(|r| r.get(2).copied())
        .collect();
    let with_regions: BTreeSet<&str> = data
        .iter()
        .filter(|r| r.get(1) == Some(&"region"))
        .filter_map(|r| r.get(2).copied())
        .collect();
    // every region and city lies in a listed country, and most countries have regions
    assert!(with_regions.is_subset(&countries));
    assert!(with_regions.len() >= 200, "{}", with_regions.len());
    for r in data.iter().filter(|r| r.get(1) == Some(&"city")) {
        assert!(countries.contains(r.get(2).unwrap_or(&"")), "{r:?}");
    }
    // the library reads the same rows
    let [continents, c, reg, cities] = copydesk::lexicon::places::counts();
    assert_eq!(continents + c + reg + cities, rows);
    assert!(copydesk::lexicon::places::is_scope("ohio"));
}

#[test]
fn hand_written_data_names_no_place() {
    // places come from the gazetteer alone: no hand-written list holds the name of a country
    // or a city that is not also a common word
    let mut found = Vec::new();
    for (name, (_, entries)) in data_files() {
        if name == "place-common-words.txt" {
            continue;
        }
        // abbreviations ("mon") are too short to be taken for a place
        for e in entries.into_iter().filter(|e| e.len() > 3) {
            use copydesk::lexicon::places::{lookup, PlaceKind};
            let places = lookup(&e);
            if places
                .iter()
                .any(|p| !p.common && matches!(p.kind, PlaceKind::Country | PlaceKind::City))
            {
                found.push(format!("{name}: {e}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The `(data file, tags)` selections of every `word_set!` in `src/` outside test modules,
/// each with the files declaring it.
fn word_set_declarations() -> BTreeMap<String, Vec<String>> {
    let decl = regex::Regex::new(
        r#"\w+\s*=\s*(?:file\s*"([^"]+)"|files\s*\[([^\]]*)\])(?:\s*,\s*(tags?)\s*(\[[^\]]*\]|"[^"]*"))?"#,
    )
    .expect("pattern");
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in files {
        let Ok(src) = std::fs::read_to_string(&path) else {
            continue;
        };
        let rel = path
            .strip_prefix(root())
            .unwrap_or(&path)
            .display()
            .to_string();
        for c in decl.captures_iter(&without_test_modules(&src)) {
            // `files ["a.txt", "b.txt"]`: the union of its files, one selection
            let mut names: Vec<&str> = match (c.get(1), c.get(2)) {
                (Some(one), _) => vec![one.as_str()],
                (None, Some(list)) => list
                    .as_str()
                    .split(|ch: char| ch == ',' || ch.is_whitespace() || ch == '"')
                    .filter(|t| !t.is_empty())
                    .collect(),
                _ => continue,
            };
            names.sort_unstable();
            let mut tags: Vec<&str> = c
                .get(4)
                .map(|m| m.as_str())
                .unwrap_or("")
                .split(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
                .filter(|t| !t.is_empty())
                .collect();
            tags.sort_unstable();
            let key = format!("{} [{}]", names.join(" + "), tags.join(", "));
            out.entry(key).or_default().push(rel.clone());
        }
    }
    out
}

#[test]
fn each_word_set_is_loaded_once() {
    let decls = word_set_declarations();
    assert!(decls.len() >= 100, "{}", decls.len());
    let twice: Vec<String> = decls
        .iter()
        .filter(|(_, at)| at.len() > 1)
        .map(|(key, at)| format!("{key}: {}", at.join(", ")))
        .collect();
    assert!(
        twice.is_empty(),
        "word sets declared in more than one place (declare each once in lexicon::sets):\n{}",
        twice.join("\n")
    );
}

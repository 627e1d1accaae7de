//! Dependencies run one way. This test reads every `src/**/*.rs`, collects the `crate::<module>`
//! references of each top-level module (test code left out), and fails on any cycle between
//! top-level modules (printing it) and on any edge that points up the declared layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may use modules of its own layer (without a cycle) or of
/// lower layers, never of higher ones. See ARCHITECTURE.md.
const LAYERS: &[&[&str]] = &[
    // word knowledge as data
    &["wordset", "lexicon"],
    // text and the article model
    &["text", "escape"],
    &["article", "suppress"],
    // extraction
    &["time"],
    &["entities"],
    &["figures"],
    // one analysis of one text
    &["analysis"],
    // the engine: configuration, sources, rules, and the entry point
    &["config"],
    &["sources"],
    &["rules"],
    &["engine"],
    // the report model (stories, figure slots, points) built from checked articles and the index
    &["report"],
    // I/O around the engine
    &["workspace"],
    &["cache"],
    // shells
    &["cli", "lsp", "bench"],
];

/// Edges allowed against the layers (none: the lexicon no longer reads the extractors).
const TEMPORARY_ALLOWED: &[(&str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The text without comments (line and block) and without `#[cfg(test)] mod … { … }` blocks.
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    let mut in_str = false;
    while i < b.len() {
        let c = b[i];
        if in_str {
            out.push(c as char);
            if c == b'\\' && i + 1 < b.len() {
                out.push(b[i + 1] as char);
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
            i += 1;
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            continue;
        }
        if c == b'"' && !(i > 0 && b[i - 1] == b'\'') {
            in_str = true;
        }
        out.push(c as char);
        i += 1;
    }
    strip_test_modules(&out)
}

fn strip_test_modules(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = rest[at + "#[cfg(test)]".len()..].trim_start();
        // a visibility before `mod` (`pub(super) mod test_support { … }`)
        let after = match after.strip_prefix("pub") {
            Some(v) => match v.strip_prefix('(') {
                Some(inner) => inner
                    .find(')')
                    .map_or(after, |i| inner[i + 1..].trim_start()),
                None => v.trim_start(),
            },
            None => after,
        };
        if after.starts_with("mod ") {
            // `mod x;` (a test file, skipped by name) or `mod x { … }`
            let semi = after.find(';');
            let brace = after.find('{');
            match (semi, brace) {
                (Some(s), Some(br)) if s < br => rest = &after[s + 1..],
                (_, Some(br)) => {
                    let mut depth = 0usize;
                    let mut end = after.len();
                    for (k, ch) in after[br..].char_indices() {
                        match ch {
                            '{' => depth += 1,
                            '}' => {
                                depth -= 1;
                                if depth == 0 {
                                    end = br + k + 1;
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                    rest = &after[end..];
                }
                (Some(s), None) => rest = &after[s + 1..],
                (None, None) => rest = "",
            }
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules named after `crate::` in `code`, including `use crate::{a, b::c}`.
fn references(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before_ok = at == 0 || {
            let p = rest.as_bytes()[at - 1];
            !(p.is_ascii_alphanumeric() || p == b'_')
        };
        let after = &rest[at + "crate::".len()..];
        rest = after;
        if !before_ok {
            continue;
        }
        if let Some(group) = after.strip_prefix('{') {
            // the top-level items of the group
            let mut depth = 0usize;
            let mut start = 0;
            for (k, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.insert(ident_at(group[start..k].trim()).to_string());
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(ident_at(group[start..k].trim()).to_string());
                        start = k + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(ident_at(after).to_string());
        }
    }
    out.remove("");
    out
}

/// Edges between top-level modules: module -> modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = std::fs::read_dir(&src)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let p = e.path();
                    let stem = p.file_stem()?.to_string_lossy().to_string();
                    (p.is_dir() || p.extension().is_some_and(|x| x == "rs")).then_some(stem)
                })
                .filter(|m| m != "lib" && m != "main")
                .collect()
        })
        .unwrap_or_default();
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let Ok(rel) = f.strip_prefix(&src) else {
            continue;
        };
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .unwrap_or_default();
        let module = first.trim_end_matches(".rs").to_string();
        if !modules.contains(&module) {
            continue; // lib.rs, main.rs
        }
        // unit-test files are not part of the dependency graph
        if f.file_stem().is_some_and(|s| s == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let entry = g.entry(module.clone()).or_default();
        for r in references(&code_of(&text)) {
            if r != module && modules.contains(&r) {
                entry.insert(r);
            }
        }
    }
    g
}

/// A cycle through the graph, if any, as the list of modules along it.
fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // 0 = unvisited, 1 = on the stack, 2 = done
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|x| x == m).unwrap_or(0);
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, g, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in g.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(n, g, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

fn without_allowed(
    mut g: BTreeMap<String, BTreeSet<String>>,
) -> BTreeMap<String, BTreeSet<String>> {
    for (a, b) in TEMPORARY_ALLOWED {
        if let Some(s) = g.get_mut(*a) {
            s.remove(*b);
        }
    }
    g
}

fn layer_of(m: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&m))
}

#[test]
fn no_cycle_between_top_level_modules() {
    let g = without_allowed(graph());
    assert!(g.len() > 10, "too few modules found: {g:?}");
    if let Some(c) = find_cycle(&g) {
        panic!("dependency cycle: {}", c.join(" -> "));
    }
}

#[test]
fn dependencies_point_down_the_layers() {
    let g = without_allowed(graph());
    let mut wrong = Vec::new();
    for (a, uses) in &g {
        let Some(la) = layer_of(a) else {
            wrong.push(format!("{a} is in no layer: add it to LAYERS"));
            continue;
        };
        for b in uses {
            match layer_of(b) {
                None => wrong.push(format!("{b} is in no layer: add it to LAYERS")),
                Some(lb) if lb > la => wrong.push(format!("{a} -> {b} points up the layers")),
                _ => {}
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_graph_holds_the_known_edges() {
    let g = graph();
    let uses = |a: &str, b: &str| g.get(a).is_some_and(|s| s.contains(b));
    assert!(uses("engine", "rules"), "{g:#?}");
    assert!(uses("rules", "sources"), "{g:#?}");
    assert!(uses("cli", "engine"), "{g:#?}");
    assert!(uses("lsp", "engine"), "{g:#?}");
    assert!(uses("analysis", "figures"), "{g:#?}");
    // the one place rules and the shells meet the configuration
    assert!(!uses("config", "rules"), "{g:#?}");
    assert!(!uses("sources", "rules"), "{g:#?}");
    assert!(!uses("lsp", "cli"), "{g:#?}");
    assert!(!uses("analysis", "config"), "{g:#?}");
    // the lexicon is at the bottom: it uses nothing else in the crate
    assert!(
        g.get("lexicon")
            .is_none_or(|s| s.iter().all(|m| m == "lexicon")),
        "{g:#?}"
    );
}

/// One engine: the shells and the I/O layer analyse and run rules only through it.
#[test]
fn shells_go_through_the_engine() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for m in ["cli", "lsp", "cache.rs", "workspace.rs"] {
        let p = src.join(m);
        if p.is_dir() {
            rust_files(&p, &mut files);
        } else {
            files.push(p);
        }
    }
    let mut wrong = Vec::new();
    for f in files {
        if f.file_stem().is_some_and(|s| s == "tests") {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(&f).unwrap_or_default());
        for call in [
            "Analysis::new(",
            "Analysis::with_options(",
            "Analysis::with_published(",
            "rules::run(",
            "rules::run_with_sources(",
        ] {
            if code.contains(call) {
                wrong.push(format!(
                    "{} calls {call}…): go through engine::Engine",
                    f.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_reader_sees_every_form_of_reference() {
    let code = code_of(
        "use crate::{alpha, beta::{x, y}, gamma::z};\n// crate::comment\nfn f() { crate::delta::g(); $crate::eps::h(); }\n/* crate::block */\n#[cfg(test)]\nmod tests { use crate::omega; }\n",
    );
    let r: Vec<String> = references(&code).into_iter().collect();
    assert_eq!(r, ["alpha", "beta", "delta", "eps", "gamma"]);
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    g.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(
        find_cycle(&g).map(|c| c.join(" -> ")),
        Some("a -> b -> a".to_string())
    );
}

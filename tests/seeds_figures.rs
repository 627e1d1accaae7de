//! The figures expectations of the issue on the two seed articles (../shared/seeds), read in
//! place; skipped when absent.

use copydesk::config::Config;
use copydesk::rules::Severity;
use copydesk::Analysis;

fn seed(prefix: &str) -> Option<String> {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    let entry = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    std::fs::read_to_string(entry.path()).ok()
}

fn source_of(a: &Analysis, starts: &str) -> Option<String> {
    let c = a
        .claims
        .iter()
        .find(|c| c.span.slice(&a.text).starts_with(starts))
        .unwrap_or_else(|| panic!("no claim starting {starts:?}"));
    c.attribution.as_ref().map(|x| x.source.clone())
}

#[test]
fn seed_000_toll_is_an_unattributed_warning() {
    let Some(text) = seed("000") else {
        println!("skipped: ../shared/seeds is absent");
        return;
    };
    let a = Analysis::new(&text);
    let f: Vec<_> = copydesk::rules::run(&a, &Config::default())
        .into_iter()
        .filter(|f| f.rule == "figure-unattributed")
        .collect();
    let toll = f
        .iter()
        .find(|f| f.span.slice(&text) == "more than 400 people")
        .expect("the toll is reported");
    assert_eq!(toll.severity, Severity::Warning);
    assert!(
        toll.message.contains("more than 400 people killed"),
        "{}",
        toll.message
    );
    // the 1994 war's toll is background: reported, at info
    let war = f
        .iter()
        .find(|f| f.span.slice(&text) == "at least 30,000 people")
        .expect("the war's toll is reported");
    assert_eq!(war.severity, Severity::Info);
}

#[test]
fn seed_002_figures_are_attributed() {
    let Some(text) = seed("002") else {
        println!("skipped: ../shared/seeds is absent");
        return;
    };
    let a = Analysis::new(&text);
    let ud = Some("the Third Secretary of the Azerbaijan Mission to the UN".to_string());
    assert_eq!(source_of(&a, "at least 30 Azeri civilians"), ud);
    assert_eq!(source_of(&a, "144 wounded"), ud);
    let wounded = a
        .claims
        .iter()
        .find(|c| c.span.slice(&text) == "144 wounded")
        .expect("144 wounded");
    assert_eq!(wounded.noun.as_deref(), Some("Azeri civilians"));
    assert_eq!(wounded.measure.as_str(), "injured");
    assert_eq!(
        source_of(&a, "at least 18 civilians"),
        Some("Nagorno-Karabakh Ombudsman Artak Beglaryan".to_string())
    );
    let spokeswoman = Some("Armenian Foreign Ministry spokeswoman Anna Naghdalyan".to_string());
    assert_eq!(source_of(&a, "three Russians"), spokeswoman);
    assert_eq!(source_of(&a, "two journalists"), spokeswoman);
    assert_eq!(source_of(&a, "one local guide"), spokeswoman);
    let warnings = copydesk::rules::run(&a, &Config::default())
        .into_iter()
        .filter(|f| f.rule == "figure-unattributed" && f.severity >= Severity::Warning)
        .count();
    assert_eq!(warnings, 0);
}

//! Unit tests of figure extraction, on fixtures written for these tests.

use super::*;
use crate::analysis::Analysis;

fn claims(text: &str) -> Vec<Claim> {
    Analysis::new(text).claims
}

fn one(text: &str) -> Claim {
    let c = claims(text);
    assert_eq!(c.len(), 1, "{text}: {c:#?}");
    c.into_iter().next().expect("one claim")
}

fn words(text: &str) -> Vec<String> {
    claims(text)
        .iter()
        .map(|c| c.span.slice(text).to_string())
        .collect()
}

const D: &str = " date 2022-05-10 ";

#[test]
fn numerals_with_separators_and_scales() {
    let t = format!("{D}The storm cut power to 30,000 homes.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "30,000 homes");
    assert_eq!(c.value, Interval::exact(30_000.0));
    assert_eq!(c.measure, Measure::Count);
    assert_eq!(c.noun.as_deref(), Some("homes"));

    let t = format!("{D}The repairs will cost 1.2 million dollars.");
    let c = one(&t);
    assert_eq!(c.value, Interval::exact(1_200_000.0));
    assert_eq!(c.measure, Measure::Money);

    let t = format!("{D}The regulator imposed a $4.5bn penalty on the firm.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "$4.5bn penalty");
    assert_eq!(c.value, Interval::exact(4.5e9));
    assert_eq!(c.measure, Measure::Money);

    let t = format!("{D}The fine of €1.2 billion was the largest yet.");
    let c = one(&t);
    assert_eq!(c.value, Interval::exact(1.2e9));
    assert_eq!(c.measure, Measure::Money);
}

#[test]
fn percentages() {
    let t = format!("{D}Turnout rose to 12% in the city.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "12%");
    assert_eq!(c.measure, Measure::Percent);
    let t = format!("{D}Prices climbed 3 per cent last month.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "3 per cent");
    assert_eq!(c.measure, Measure::Percent);
}

#[test]
fn spelled_out_and_vague_numbers() {
    let t = format!("{D}Three firefighters were hurt in the blaze.");
    let c = one(&t);
    assert_eq!(c.value, Interval::exact(3.0));
    assert_eq!(c.measure, Measure::Injured);
    assert_eq!(c.noun.as_deref(), Some("firefighters"));

    let t = format!("{D}Police detained a dozen protesters near the bridge.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "a dozen protesters");
    assert_eq!(c.value, Interval::exact(12.0));
    assert_eq!(c.measure, Measure::Arrested);

    let t = format!("{D}Thousands of residents were evacuated from the coast.");
    let c = one(&t);
    assert!(c.vague);
    assert_eq!(c.value.min, 2000.0);
    assert_eq!(c.measure, Measure::Displaced);
    assert_eq!(c.noun.as_deref(), Some("residents"));
}

#[test]
fn qualifiers_bound_the_value() {
    let c = one(&format!("{D}At least 30 people died in the crash."));
    assert_eq!(c.qualifier.as_deref(), Some("At least"));
    assert_eq!((c.value.min, c.value.max), (30.0, f64::INFINITY));
    assert_eq!(c.measure, Measure::Killed);

    let c = one(&format!("{D}More than 400 people have been killed."));
    assert!(c.value.min_exclusive);
    assert_eq!(c.value.min, 400.0);

    let c = one(&format!("{D}Nearly 20,000 people fled the valley."));
    assert_eq!((c.value.min, c.value.max), (18_000.0, 20_000.0));
    assert_eq!(c.measure, Measure::Displaced);

    let c = one(&format!("{D}About 100 homes were destroyed."));
    assert!((c.value.min - 90.0).abs() < 1e-9 && (c.value.max - 110.0).abs() < 1e-9);

    let c = one(&format!("{D}Up to 50 boats sank in the harbour."));
    assert_eq!((c.value.min, c.value.max), (0.0, 50.0));

    let c = one(&format!("{D}Fewer than 20 patients remain in hospital."));
    assert!(c.value.max_exclusive);
    assert_eq!(c.value.max, 20.0);
}

#[test]
fn ranges() {
    let t = format!("{D}Between 20 and 30 miners are trapped.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "Between 20 and 30 miners");
    assert_eq!((c.value.min, c.value.max), (20.0, 30.0));
    let t = format!("{D}Officials expect 20-30 trucks of aid.");
    let c = one(&t);
    assert_eq!((c.value.min, c.value.max), (20.0, 30.0));
}

#[test]
fn subject_carried_over_the_ellipsis() {
    let t = format!("{D}At least 26 farm workers have been killed and 91 wounded in the floods.");
    let c = claims(&t);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].span.slice(&t), "At least 26 farm workers");
    assert_eq!(c[0].measure, Measure::Killed);
    assert_eq!(c[1].span.slice(&t), "91 wounded");
    assert_eq!(c[1].measure, Measure::Injured);
    assert_eq!(c[1].noun.as_deref(), Some("farm workers"));
    assert_eq!(c[1].value, Interval::exact(91.0));
}

#[test]
fn durations_and_measurements() {
    let c = one(&format!("{D}The talks lasted 10 hours in the capital."));
    assert_eq!(c.measure, Measure::Duration);
    let c = one(&format!(
        "{D}The village lies 15 kilometres from the border."
    ));
    assert_eq!(c.measure, Measure::Other);
}

#[test]
fn not_figures() {
    for s in [
        "The plant opened on 12 March 2019 after a delay.",
        "The meeting starts at 10:30 in the hall.",
        "The driver, aged 34, was unhurt.",
        "A 28-year-old man was questioned.",
        "She is the Third Secretary of the mission.",
        "Cases of COVID-19 fell in the region.",
        "A Corvane 410 landed safely.",
        "The G20 summit ended early.",
        "Flight 519 was delayed.",
        "Call 555-0199 for the hotline.",
        "It was the 3rd attempt this year.",
        "One of the drivers was a local man.",
        "In 2004 the dam was rebuilt.",
        "A five-year-old boy was rescued.",
        "The office is at 41822 Quill Ave in the city.",
    ] {
        let t = format!("{D}{s}");
        assert!(claims(&t).is_empty(), "{s}: {:?}", words(&t));
    }
}

#[test]
fn time_is_the_sentence_date_or_publication() {
    let c = one(&format!(
        "{D}On 3 May, 40 people were arrested in the square."
    ));
    assert_eq!(c.time, chrono::NaiveDate::from_ymd_opt(2022, 5, 3));
    assert_eq!(c.measure, Measure::Arrested);
    let c = one(&format!("{D}Police arrested 40 people in the square."));
    assert_eq!(c.time, chrono::NaiveDate::from_ymd_opt(2022, 5, 10));
    assert!(!c.historical);
    let c = one(&format!(
        "{D}A war that killed at least 12,000 people ended in 1971."
    ));
    assert!(c.historical);
}

#[test]
fn never_panics_on_odd_input() {
    for s in [
        "",
        "1",
        "$",
        "1,",
        "1.",
        "between 3 and",
        "at least",
        "€",
        "1-",
        "٣ people",
        "1,000,",
        "\u{201C}40 people\u{201D}",
        "a dozen",
        "thousands of",
        "12 per",
    ] {
        let _ = claims(s);
        let _ = claims(&format!("{D}{s}"));
    }
}

#[test]
fn tolls_and_lists_after_a_toll() {
    let t = format!("{D}The death toll from the floods in the northern valley has risen to 106.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "106");
    assert_eq!(c.measure, Measure::Killed);
    let t = format!("{D}The state counted 44 deaths; 30 in Harlow, 3 in Denby.");
    let c = claims(&t);
    assert_eq!(c.len(), 3, "{c:#?}");
    assert_eq!(c[1].span.slice(&t), "30");
    assert_eq!(c[1].measure, Measure::Killed);
    assert_eq!(c[2].span.slice(&t), "3");
}

#[test]
fn magnitudes_and_compounds() {
    let t = format!("{D}An M6.4 quake shook the coast.");
    let c = one(&t);
    assert_eq!(c.value, Interval::exact(6.4));
    let t = format!("{D}Crews set up a 20-foot perimeter around the site.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "20-foot perimeter");
    assert_eq!(c.measure, Measure::Other);
    let t = format!("{D}The ten-hour talks ended at dawn.");
    let c = one(&t);
    assert_eq!(c.value, Interval::exact(10.0));
    assert_eq!(c.measure, Measure::Duration);
}

#[test]
fn one_is_a_figure_only_among_casualties() {
    let t = format!("{D}The strike killed one more civilian in the town.");
    let c = one(&t);
    assert_eq!(c.measure, Measure::Killed);
    assert!(claims(&format!("{D}One of the bridges reopened.")).is_empty());
    assert!(claims(&format!("{D}The two countries signed the deal.")).is_empty());
}

#[test]
fn never_panics_on_any_cut_of_an_article() {
    let text = " date 2020-10-08 \u{201C}At least 26 farm workers have been killed and 91 wounded,\u{201D} Mayor Ana Ruiz said. According to the Third Secretary, $4.5bn (€4bn) was pledged; 12% – or 3 per cent – of 1,200 homes: between 20 and 30 km.\n\nIt added that 12 soldiers were detained: officials.";
    for (i, _) in text.char_indices() {
        let _ = claims(&text[..i]);
        let _ = claims(&text[i..]);
    }
}

#[test]
fn things_that_caused_casualties_are_counts() {
    let t = format!("{D}Two landslides killed 14 villagers overnight.");
    let c = claims(&t);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].span.slice(&t), "Two landslides");
    assert_eq!(c[0].measure, Measure::Count);
    assert_eq!(c[1].measure, Measure::Killed);
}

#[test]
fn glued_units_and_lone_ones() {
    let t = format!("{D}The quake struck at a depth of 10km near the coast.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "10km");
    assert_eq!(c.measure, Measure::Other);
    assert!(claims(&format!("{D}One day the river rose.")).is_empty());
    assert!(claims(&format!("{D}It was one step too far for the council.")).is_empty());
}

#[test]
fn decades() {
    let t = format!("{D}Temperatures were in the 40s overnight.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "40s");
    assert_eq!((c.value.min, c.value.max), (40.0, 49.0));
    assert_eq!(c.measure, Measure::Other);
    assert!(claims(&format!("{D}The dispute dates back to the 1990s.")).is_empty());
}

#[test]
fn vague_quantities_of_a_measure_and_possessives() {
    let t = format!("{D}The region is home to millions of refugees from the war.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "millions of refugees");
    assert_eq!(c.measure, Measure::Displaced);
    let t = format!("{D}Ana Ruiz's 4,000-pound boat sank.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "4,000-pound boat");
}

#[test]
fn the_measure_of_each_figure_in_a_coordinated_clause() {
    let t = format!("{D}The quake struck at dawn, killing more than 1,460 people and wounding more than 6,000 in the region.");
    let c = claims(&t);
    let m: Vec<(&str, Measure)> = c.iter().map(|c| (c.span.slice(&t), c.measure)).collect();
    assert_eq!(
        m,
        vec![
            ("more than 1,460 people", Measure::Killed),
            ("more than 6,000", Measure::Injured)
        ]
    );
    // an aside between the figure and its verb
    let t = format!("{D}At least nine people, including four women, were killed in the strike.");
    assert_eq!(claims(&t).first().map(|c| c.measure), Some(Measure::Killed));
    // "remain unaccounted for" after "people"
    let t = format!("{D}Fourteen people remain unaccounted for, officials said.");
    let c = one(&t);
    assert_eq!(
        (c.measure, c.noun.as_deref()),
        (Measure::Missing, Some("people"))
    );
}

#[test]
fn an_adjective_before_the_casualty_word_and_a_magnitude_before_the_number() {
    let t = format!("{D}The toll has grown to 54 confirmed fatalities in the county.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "54 confirmed fatalities");
    assert_eq!(c.measure, Measure::Killed);
    let t = format!("{D}A powerful magnitude 6.4 earthquake struck the region.");
    let c = one(&t);
    assert_eq!(c.span.slice(&t), "magnitude 6.4");
    assert_eq!(
        (c.measure, c.noun.as_deref()),
        (Measure::Other, Some("magnitude"))
    );
    // the sum of the sentence's tolls
    let t = format!("{D}There were 1,700 deaths in the north and another 300 in the south, putting the total at 2,000.");
    let c = claims(&t);
    assert_eq!(
        c.iter().map(|c| (c.span.slice(&t), c.measure)).next_back(),
        Some(("2,000", Measure::Killed)),
        "{c:#?}"
    );
    // a time after the number is no counted noun
    let t = format!("{D}The number of confirmed deaths increased to 12 Tuesday evening.");
    let c = one(&t);
    assert_eq!((c.measure, c.noun.as_deref()), (Measure::Killed, None));
}

/// The copy-free people test answers as the one on a lowercase copy.
#[test]
fn people_words_without_a_lowercase_copy_match_the_copy() {
    for w in [
        "Residents",
        "residents",
        "PEOPLE",
        "people",
        "Bhutanese",
        "Ölkers",
        "ϒs",
        "",
        "a b",
        "Civilians",
        "tanks",
        "Sherpas",
    ] {
        assert_eq!(is_people_lowercased(w), is_people(&w.to_lowercase()), "{w}");
    }
}

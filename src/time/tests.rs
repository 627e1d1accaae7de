use super::*;
use crate::text::Span;

fn found(text: &str, published: &str) -> Vec<(String, Kind, serde_json::Value, Resolution)> {
    let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let mut out = Vec::new();
    extract_sentence(text, Span::new(0, text.len()), None, p, &mut out);
    out.into_iter()
        .map(|t| {
            (
                t.span.slice(text).to_string(),
                t.kind,
                t.value.to_json(),
                t.resolution,
            )
        })
        .collect()
}

fn one(text: &str, published: &str) -> (String, serde_json::Value, Resolution) {
    let f = found(text, published);
    assert_eq!(f.len(), 1, "expected one expression in {text:?}, got {f:?}");
    (f[0].0.clone(), f[0].2.clone(), f[0].3)
}

#[test]
fn month_day_forms() {
    let p = "2020-10-12";
    for t in [
        "The truce began October 10.",
        "It began on 9 October.",
        "It was signed Oct. 17, 2020.",
        "Fighting erupted Sept. 27 in the region.",
        "The vote was held on the 10th of October.",
        "Talks resume 2020-10-19.",
        "Talks resume 10/19/2020.",
        "Stamped 06.11.2020 by the site",
    ] {
        eprintln!("{t:?} -> {:?}", found(t, p));
    }
    assert_eq!(
        one("The truce began October 10.", p),
        ("October 10".into(), "2020-10-10".into(), Resolution::Past)
    );
    assert_eq!(one("It began on 9 October.", p).1, "2020-10-09");
    assert_eq!(
        one("It was signed Oct. 17, 2020.", p),
        (
            "Oct. 17, 2020".into(),
            "2020-10-17".into(),
            Resolution::Explicit
        )
    );
    assert_eq!(
        one("Fighting erupted Sept. 27 in the region.", p).1,
        "2020-09-27"
    );
    assert_eq!(
        one("The vote was held on the 10th of October.", p).0,
        "the 10th of October"
    );
    assert_eq!(one("Talks resume 2020-10-19.", p).1, "2020-10-19");
    assert_eq!(one("Talks resume 10/19/2020.", p).1, "2020-10-19");
    assert_eq!(one("Stamped 06.11.2020 by the site", p).1, "2020-11-06");
}

#[test]
fn tense_decides_year_less_dates() {
    let p = "2020-10-08";
    assert_eq!(
        one("The ministers are invited to Moscow on 9 October.", p).2,
        Resolution::Future
    );
    assert_eq!(
        one("The ministers are invited to Moscow on 9 October.", p).1,
        "2020-10-09"
    );
    // past tense points back a year
    assert_eq!(one("The talks were held on 9 October.", p).1, "2019-10-09");
    assert_eq!(one("Elections will be held on March 3.", p).1, "2021-03-03");
}

#[test]
fn weekdays_and_relative_words() {
    let p = "2020-10-08"; // a Thursday
    assert_eq!(
        one("Putin on Thursday urged a ceasefire.", p).1,
        "2020-10-08"
    );
    assert_eq!(
        one("The truce took effect late Saturday.", p).1,
        "2020-10-03"
    );
    assert_eq!(one("They will meet on Saturday.", p).1, "2020-10-10");
    assert_eq!(one("He arrived yesterday.", p).1, "2020-10-07");
    assert_eq!(one("It happened two days ago.", p).1, "2020-10-06");
    assert_eq!(
        one("Prices rose last week.", p).1,
        serde_json::json!({"start": "2020-09-28", "end": "2020-10-04"})
    );
    assert_eq!(
        one("Prices rose this year.", p).1,
        serde_json::json!({"start": "2020-01-01", "end": "2020-12-31"})
    );
    assert_eq!(
        one("Prices rose last month.", p).1,
        serde_json::json!({"start": "2020-09-01", "end": "2020-09-30"})
    );
    assert_eq!(one("Nothing changed today.", p).1, "2020-10-08");
}

#[test]
fn years_times_and_spans() {
    let p = "2020-10-08";
    assert_eq!(
        one("The war ended in 1994.", p),
        ("1994".into(), "1994".into(), Resolution::Explicit)
    );
    let f = found(
        "Since September 27, more than 400 people have been killed.",
        p,
    );
    assert_eq!(f[0].0, "Since September 27");
    assert_eq!(
        f[0].2,
        serde_json::json!({"start": "2020-09-27", "end": "2020-10-08"})
    );
    assert_eq!(one("The group was created in 1992.", p).1, "1992");
    assert_eq!(
        one("It started at noon local time.", p),
        (
            "noon local time".into(),
            "T12:00 local time".into(),
            Resolution::Explicit
        )
    );
    assert_eq!(one("It started at 08:00 UTC.", p).1, "T08:00 UTC");
    assert_eq!(one("Polls close at 4 p.m. ET.", p).1, "T16:00 ET");
    assert_eq!(
        one("It ran from 9 to 12 October.", "2020-10-20").1,
        serde_json::json!({"start": "2020-10-09", "end": "2020-10-12"})
    );
    assert_eq!(
        found("effective as of October 10, 12:00, the units", p).len(),
        2
    );
}

#[test]
fn weekday_with_date_records_the_weekday() {
    let t = "It happened Thursday, Oct. 9, 2020, in the capital.";
    let mut out = Vec::new();
    extract_sentence(t, Span::new(0, t.len()), None, None, &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].span.slice(t), "Thursday, Oct. 9, 2020");
    assert_eq!(out[0].weekday.map(|w| w.span.slice(t)), Some("Thursday"));
}

#[test]
fn not_dates() {
    let p = "2020-10-08";
    for t in [
        "At least 30 civilians were killed and 144 wounded.",
        "The score was 3-1 at half time.",
        "Turnout was 71.8% and 1,300 people voted.",
        "It may rain. He will march on.",
        "A Boeing 737 carried 20-30 people.",
        "She won by 2000 votes.",
        "the face amount of its 6 1/4% convertible",
        "the 27th floor and the first prize",
        "The Sun reported it.",
    ] {
        assert!(found(t, p).is_empty(), "{t:?} gave {:?}", found(t, p));
    }
}

#[test]
fn extreme_offsets_and_years_never_panic() {
    // dates at and near both ends of the calendar, and ordinary ones
    let ends = [
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::from_ymd_opt(-262_000, 6, 15).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(262_000, 6, 15).unwrap_or(NaiveDate::MAX),
        NaiveDate::from_ymd_opt(2020, 2, 29).unwrap_or(NaiveDate::MIN),
    ];
    let chain = "999 weeks, ".repeat(2_000);
    let texts = [
        format!("It happened {chain}999 weeks ago."),
        format!("It happens in {chain}999 weeks."),
        format!(
            "It opens in {}999 business days.",
            "999 business days, ".repeat(500)
        ),
        "It happened 999 years, 999 years, 999 years and 999 months ago.".to_string(),
        "It will be 999 years from now, on Monday next week.".to_string(),
        "The vote was last week, the count next month, the result next year.".to_string(),
        "He spoke on Saturday, April 25, and again on the 30th, then last Friday.".to_string(),
        "They met on the second Tuesday of next month, three Sundays from now.".to_string(),
        "Since September 27 and from 9 to 12 October, yesterday and tomorrow.".to_string(),
        "In 262143 and 9999, on December 31 and January 1.".to_string(),
    ];
    for p in ends {
        for text in &texts {
            let mut out = Vec::new();
            extract_sentence(text, Span::new(0, text.len()), None, Some(p), &mut out);
            for t in &out {
                let _ = (t.value.to_json(), t.value.first_day(), t.value.last_day());
            }
        }
    }
    for k in [i64::MIN, -1_000_000_000, -1, 0, 1, 1_000_000_000, i64::MAX] {
        for p in ends {
            let _ = (add_days(p, k), shift_months(p, k));
        }
    }
}

#[test]
fn chained_offsets_resolve_or_stay_unresolved() {
    // 20,000 × 999 weeks is past the calendar's first day: unresolved, not a panic
    let text = format!("It happened {}999 weeks ago.", "999 weeks, ".repeat(20_000));
    let f = found(&text, "2020-10-12");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].2, serde_json::Value::Null, "far beyond the calendar");
    let text = format!("It happened {}999 weeks ago.", "999 weeks, ".repeat(50));
    let (_, v, _) = one(&text, "2020-10-12");
    assert_eq!(v, serde_json::json!("1044-04-29"));
    // from a Saturday, six working days end on the second Monday
    let (_, v, _) = one("It opens in 6 business days.", "2020-10-10");
    assert_eq!(v, serde_json::json!("2020-10-19"));
}

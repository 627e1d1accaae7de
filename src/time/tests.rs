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
        one("The growers are invited to Asunción on 9 October.", p).2,
        Resolution::Future
    );
    assert_eq!(
        one("The growers are invited to Asunción on 9 October.", p).1,
        "2020-10-09"
    );
    // past tense points back a year
    assert_eq!(one("The talks were held on 9 October.", p).1, "2019-10-09");
    assert_eq!(one("Elections will be held on March 3.", p).1, "2021-03-03");
}

#[test]
fn a_date_of_a_saying_takes_the_saying_tense() {
    let p = "2020-10-08";
    assert_eq!(
        one("In May, the ministry said it would ban exports.", p).1,
        "2020-05"
    );
    assert_eq!(
        one("The ministry said in December it would ban exports.", p).1,
        "2019-12"
    );
    assert_eq!(
        one(
            "On Monday, the Bhutanese ministry said it would ban exports.",
            p
        )
        .1,
        "2020-10-05"
    );
    // the reporting verb set off by commas, or after another verb, does not date the saying
    assert_eq!(
        one("On Friday, officials said, the border will reopen.", p).1,
        "2020-10-09"
    );
    assert_eq!(
        one("On Friday, the border will reopen, officials said.", p).1,
        "2020-10-09"
    );
}

#[test]
fn a_year_written_earlier_in_the_sentence_dates_a_later_month() {
    let p = "2020-10-08";
    let values = |text: &str| -> Vec<serde_json::Value> {
        found(text, p).into_iter().map(|f| f.2).collect()
    };
    assert_eq!(
        values("Paraguay signed the pact in March 2017 and ratified it in June."),
        ["2017-03", "2017-06"]
    );
    assert_eq!(
        values("The dam opened on May 4, 2016, and flooded on Aug. 2."),
        ["2016-05-04", "2016-08-02"]
    );
    // a sentence opening with its year, with or without a comma
    assert_eq!(
        values("In 2015 the council met in May."),
        ["2015", "2015-05"]
    );
    assert_eq!(values("In 2015 and 2016 it met in May.")[2], "2020-05");
    // a month before the written one may be of the next year: left to the tense
    assert_eq!(
        values("The mill shut in December 2016 and reopened in March."),
        ["2016-12", "2020-03"]
    );
    // nor in the future tense
    assert_eq!(
        values("The law passed in March 2017 will take effect in November."),
        ["2017-03", "2020-11"]
    );
}

#[test]
fn a_delivery_month_glued_to_a_digit_is_no_day() {
    let p = "1997-06-10";
    // a price table's contract months ("MAY7" the May 1997 contract)
    assert!(found("OATS  P SETT MAY7  152A  155 SEP7  160B", p).is_empty());
    // a day written apart, or after its month in any case, stays a day
    assert_eq!(one("Grain fell on MAY 7.", p).1, "1997-05-07");
    assert_eq!(one("The fair opened May7.", p).1, "1997-05-07");
}

#[test]
fn a_month_as_a_modifier_in_the_past_is_the_coming_one() {
    let p = "2020-10-20";
    assert_eq!(
        one("Tea for November delivery fell 3 cents.", p).1,
        "2020-11"
    );
    assert_eq!(
        one("Orders for November shipments were cut.", p).1,
        "2020-11"
    );
    // a month the clause's verb tells stays in the past
    assert_eq!(one("Tea sales in November fell 3 percent.", p).1, "2019-11");
    assert_eq!(one("Tea for March delivery fell 3 cents.", p).1, "2020-03");
}

#[test]
fn a_month_not_yet_over_is_ahead_in_the_future_tense() {
    let p = "2020-10-08";
    assert_eq!(
        one("Mongolia will hold its census in October.", p),
        ("October".into(), "2020-10".into(), Resolution::Future)
    );
    // the months before it still point to next year, and a past tense stays this month
    assert_eq!(
        one("Mongolia will hold its census in September.", p).1,
        "2021-09"
    );
    assert_eq!(one("Mongolia held its census in October.", p).1, "2020-10");
}

#[test]
fn an_hour_said_with_its_part_of_the_day_is_a_clock_time() {
    let p = "2020-10-14";
    let times = |s: &str| -> Vec<(String, serde_json::Value)> {
        found(s, p)
            .into_iter()
            .filter(|f| f.1 == Kind::Time)
            .map(|f| (f.0, f.2))
            .collect()
    };
    assert_eq!(
        times("The ferry sails at 5 in the morning and returns by 7 in the evening."),
        [
            ("5 in the morning".to_string(), serde_json::json!("T05:00")),
            ("7 in the evening".to_string(), serde_json::json!("T19:00")),
        ]
    );
    // a count before "in the morning" without a clock word before it is no hour
    assert!(times("The team scored 3 in the afternoon session.").is_empty());
    assert!(times("Shops open at 9 in the week.").is_empty());
}

#[test]
fn a_plan_the_event_kept_to_gives_no_future() {
    // published on a Wednesday: "as planned" compares with a plan, the verb tells the tense
    let p = "2020-10-14";
    for s in [
        "The parade went ahead as planned Sunday.",
        "Crews let the launch proceed as originally scheduled Sunday.",
    ] {
        assert_eq!(one(s, p).1, "2020-10-11", "{s}");
    }
    // a plan itself still points ahead
    assert_eq!(one("A vote is planned Sunday.", p).1, "2020-10-18");
}

#[test]
fn a_period_two_on_from_this_one() {
    let p = "2020-10-08"; // a Thursday
    assert_eq!(
        one("The council of Paraguay meets the week after next.", p),
        (
            "the week after next".into(),
            serde_json::json!({"start": "2020-10-19", "end": "2020-10-25"}),
            Resolution::Relative
        )
    );
    assert_eq!(
        one("Mongolia held its census the year before last.", p).1,
        serde_json::json!({"start": "2018-01-01", "end": "2018-12-31"})
    );
    assert_eq!(
        one("Uruguay will vote the month after next.", p).1,
        serde_json::json!({"start": "2020-12-01", "end": "2020-12-31"})
    );
    // "the week before the vote" counts from the vote, not from this week
    assert!(
        found("Bhutan closed its border the week before the vote.", p)
            .iter()
            .all(|f| f.0 != "the week before the vote")
    );
}

#[test]
fn this_weekday_lies_on_the_side_of_publication_its_tense_names() {
    // publication on a Wednesday: this week's Sunday is still ahead, so told in the past it is
    // the one just gone
    let p = "2020-10-07";
    assert_eq!(one("Bhutan held a rally this Sunday.", p).1, "2020-10-04");
    assert_eq!(
        one("Bhutan will hold a rally this Sunday.", p).1,
        "2020-10-11"
    );
    // this week's Monday is gone: told in the future it is the next one
    assert_eq!(
        one("The court of Paraguay will rule this Monday.", p).1,
        "2020-10-12"
    );
    assert_eq!(
        one("The court of Paraguay ruled this Monday.", p).1,
        "2020-10-05"
    );
    // "coming" is always ahead, a week ahead on the day itself
    assert_eq!(one("Mongolia votes this coming Monday.", p).1, "2020-10-12");
    assert_eq!(one("Mongolia votes coming Wednesday.", p).1, "2020-10-14");
}

#[test]
fn weekdays_and_relative_words() {
    let p = "2020-10-08"; // a Thursday
    assert_eq!(
        one("Ostrenko on Thursday urged a ceasefire.", p).1,
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
        "At least 41 hikers were stranded and 156 rescued.",
        "The score was 3-1 at half time.",
        "Turnout was 71.8% and 1,300 people voted.",
        "It may rain. He will march on.",
        "A Zephyr 737 carried 20-30 people.",
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

#[test]
fn a_weekday_picks_the_year_it_falls_in() {
    // the other clause's future tense does not move a date its weekday pins
    let (_, v, _) = one(
        "The ban will last until the weekend; it began on Wednesday, June 14.",
        "2023-06-15",
    );
    assert_eq!(v, serde_json::json!("2023-06-14"));
    // a weekday-dated day after publication, told in the past, stays in the publication's year
    let (_, v, _) = one(
        "The agency announced Wednesday, July 28, a reopening.",
        "2021-03-06",
    );
    assert_eq!(v, serde_json::json!("2021-07-28"));
    // a weekday that fits no nearby year leaves the tense to decide (the rule then warns)
    let (_, v, _) = one("The talks ended on Friday, June 14.", "2023-06-15");
    assert_eq!(v, serde_json::json!("2023-06-14"));
}

#[test]
fn the_governing_verb_decides_the_tense() {
    // the reported clause's future does not move the day the thing was said
    let (_, v, r) = one(
        "The ministry said on Tuesday that its troops would respond.",
        "2020-10-08",
    );
    assert_eq!((v, r), (serde_json::json!("2020-10-06"), Resolution::Past));
    let (_, v, _) = one(
        "The mayor announced Monday that the road would open.",
        "2020-10-08",
    );
    assert_eq!(v, serde_json::json!("2020-10-05"));
    // a date inside the reported clause keeps that clause's tense
    let (_, v, _) = one(
        "The ministry said its troops would respond on Friday.",
        "2020-10-08",
    );
    assert_eq!(v, serde_json::json!("2020-10-09"));
    // a passive infinitive names what is still to happen, whatever the past words around it
    let (_, v, r) = one(
        "The bank said it sold bonds in listed markets, to be settled around Nov. 3.",
        "2020-10-08",
    );
    assert_eq!(
        (v, r),
        (serde_json::json!("2020-11-03"), Resolution::Future)
    );
}

#[test]
fn determiners_deadlines_and_granularity() {
    let p = "1989-10-26";
    assert_eq!(one("Holders approved the plan last April.", p).1, "1989-04");
    assert_eq!(
        one("Holders approved the plan last December.", p).1,
        "1988-12"
    );
    assert_eq!(
        one("The vote is due this September.", "1998-02-10").1,
        "1998-09"
    );
    assert_eq!(one("Shares were split, payable Dec. 7.", p).1, "1989-12-07");
    assert_eq!(one("The deal is to close by Dec. 15.", p).1, "1989-12-15");
    assert_eq!(one("The plant opened four years ago.", p).1, "1985");
    assert_eq!(one("The plant opened two months ago.", p).1, "1989-08");
}

fn texts(text: &str, published: &str) -> Vec<String> {
    found(text, published).into_iter().map(|f| f.0).collect()
}

#[test]
fn possessive_periods_are_periods() {
    let p = "2021-05-12";
    let f = found(
        "Police linked it to last month's fire and this year's vote.",
        p,
    );
    let values: Vec<_> = f.iter().map(|x| x.2.clone()).collect();
    assert_eq!(
        values,
        vec![
            serde_json::json!({"start": "2021-04-01", "end": "2021-04-30"}),
            serde_json::json!({"start": "2021-01-01", "end": "2021-12-31"}),
        ]
    );
}

#[test]
fn years_before_nouns_and_pairs_of_years() {
    let p = "2021-05-12";
    assert_eq!(
        texts("She lost her 2016 race after the 1998 flood.", p),
        ["2016", "1998"]
    );
    assert_eq!(texts("Iraq's 1990 invasion changed that.", p), ["1990"]);
    // one adjective between the determiner and the year
    assert_eq!(
        texts("The mayor recalled her bruising 2012 race.", p),
        ["2012"]
    );
    assert!(texts("Police sent the remaining 1500 officers home.", p).is_empty());
    assert!(texts("They hired an estimated 2000 workers.", p).is_empty());
    assert_eq!(
        texts(
            "He drove trucks from 1991 to 1997 and between 2001 and 2003.",
            p
        ),
        ["1991", "1997", "2001", "2003"]
    );
    // counts, not years
    assert!(texts("Police sent the 1500 officers home.", p).is_empty());
    assert!(texts("The bill passed by 2000 votes.", p).is_empty());
    // a clause or a noun phrase after the number: a year
    assert_eq!(
        texts(
            "By 2030 it hopes to double; the plan dates from 1995 when it began.",
            p
        ),
        ["2030", "1995"]
    );
    assert!(texts("The index fell by 1995 points.", p).is_empty());
}

#[test]
fn a_year_before_a_plural_it_dates_or_with_a_possessive() {
    let p = "2021-05-12";
    assert_eq!(
        texts(
            "Analysts compared the 2019 results with its 2018 figures.",
            p
        ),
        ["2019", "2018"]
    );
    assert_eq!(texts("Turnout in the 2014 elections was low.", p), ["2014"]);
    assert_eq!(texts("2017's harvest was poor.", p), ["2017"]);
    assert_eq!(texts("The board cut 2016's budget.", p), ["2016"]);
    // still counts: other plurals after a number
    assert!(texts("The 2000 volunteers went home.", p).is_empty());
    // a decade with an apostrophe and a season of a year are no years (timex.rs)
    assert!(texts("Rents rose in the 1980's and the late 1970's.", p).is_empty());
    assert!(texts("It froze in the winter of 1977.", p).is_empty());
    assert_eq!(texts("He suffered a fall of 1990.", p), ["1990"]);
    // a year running into the next
    assert_eq!(
        texts("The 2018-19 figures beat those of fiscal 2016-17.", p),
        ["2018-19", "2016-17"]
    );
    assert!(texts("The 2018-45 figures were odd.", p).is_empty());
}

#[test]
fn a_year_opening_a_sentence_is_a_year() {
    let p = "2021-05-12";
    assert_eq!(texts("2019 was a record for the port.", p), ["2019"]);
    assert_eq!(texts("\"2016 changed everything,\" she said.", p), ["2016"]);
    assert_eq!(texts("2015 results were restated.", p), ["2015"]);
    // counts and table rows
    assert!(texts("1500 workers walked out.", p).is_empty());
    assert!(texts("2000 1999 1998", p).is_empty());
}

#[test]
fn fractions_names_companies_and_race_times_are_not_dates() {
    let p = "1989-10-27";
    assert!(texts("The chip maker eased 1/8 to 31 and the bank fell 7/8.", p).is_empty());
    assert!(texts("Ministers Lena Berg and Jan Novak signed the accord.", p).is_empty());
    assert!(texts("Rivals such as Sun, Apple and others cut prices.", p).is_empty());
    assert!(texts("She won the marathon in 2:21:07 on a warm course.", p).is_empty());
    assert!(texts("The help line now runs 24/7 for callers.", p).is_empty());
    // the forms they resemble still count
    assert_eq!(texts("The fund paid on 1/8 as planned.", p), ["1/8"]);
    assert_eq!(texts("It opened Sun., Jan. 8.", p).len(), 1);
    assert_eq!(texts("Doors open at 10:30:00 a.m. sharp.", p).len(), 1);
}

#[test]
fn a_month_with_last_or_this_year() {
    let p = "1998-03-04";
    assert_eq!(
        one("They moved in June last year.", p),
        (
            "June last year".into(),
            "1997-06".into(),
            Resolution::Relative
        )
    );
    assert_eq!(one("It shut in January this year.", p).1, "1998-01");
    assert_eq!(one("It shut on May 2 last year.", p).1, "1997-05-02");
}

#[test]
fn a_year_ago_in_a_quarterly_report_is_that_quarter() {
    let text = "Headline\n\nThe mill's second-quarter profit rose to $8 million from $6 million a year earlier.\n";
    let a = crate::article::read(text);
    let p = NaiveDate::from_ymd_opt(2004, 8, 3);
    let got: Vec<_> = extract(text, &a, p)
        .into_iter()
        .map(|t| t.value.to_json())
        .collect();
    assert_eq!(
        got,
        vec![serde_json::json!({"start": "2003-04-01", "end": "2003-06-30"})]
    );
    let plain = "Headline\n\nThe mill made $6 million a year earlier.\n";
    let a = crate::article::read(plain);
    let got: Vec<_> = extract(plain, &a, p)
        .into_iter()
        .map(|t| t.value.to_json())
        .collect();
    assert_eq!(got, vec![serde_json::json!("2003")]);
}

#[test]
fn a_year_ago_far_from_the_quarter_stays_a_year() {
    let p = NaiveDate::from_ymd_opt(2004, 8, 3);
    let filler = "The board met in the capital to weigh its options for the plant. ".repeat(20);
    let text = format!(
        "Headline\n\nThe mill's second-quarter profit rose 8%. {filler}\n\nOndrej Halvik said \
         he would not have backed the merger a year ago.\n"
    );
    let a = crate::article::read(&text);
    let got: Vec<_> = extract(&text, &a, p)
        .into_iter()
        .map(|t| t.value.to_json())
        .collect();
    assert_eq!(got.last(), Some(&serde_json::json!("2003")));
}

#[test]
fn the_same_period_last_year_is_the_year_ago_quarter() {
    let p = NaiveDate::from_ymd_opt(2004, 8, 3);
    let values = |text: &str| -> Vec<(String, serde_json::Value)> {
        let a = crate::article::read(text);
        extract(text, &a, p)
            .iter()
            .map(|t| {
                let s = super::extent::date_extent(text, t);
                (s.slice(text).to_string(), t.value.to_json())
            })
            .collect()
    };
    let quarter = serde_json::json!({"start": "2003-04-01", "end": "2003-06-30"});
    let text = "Headline\n\nThe brewery's second-quarter sales fell 3%. It earned $2 million in \
                the corresponding period last year.\n";
    assert_eq!(
        values(text),
        vec![("the corresponding period last year".to_string(), quarter)]
    );
    // without "the same period" before it, "last year" stays the year
    let text = "Headline\n\nThe brewery's second-quarter sales fell 3%. It earned $2 million \
                last year.\n";
    let year = serde_json::json!({"start": "2003-01-01", "end": "2003-12-31"});
    assert_eq!(values(text), vec![("last year".to_string(), year.clone())]);
    // and without a reported quarter too
    let text = "Headline\n\nThe brewery earned $2 million in the same period last year.\n";
    assert_eq!(values(text)[0].1, year);
}

#[test]
fn a_modifier_year_is_marked() {
    let text = "The agency said its 2030 target was met in 2021.";
    let mut out = Vec::new();
    let p = NaiveDate::from_ymd_opt(2024, 1, 5);
    extract_sentence(text, Span::new(0, text.len()), None, p, &mut out);
    let marks: Vec<_> = out
        .iter()
        .map(|t| (t.span.slice(text), modifier_year(text, t)))
        .collect();
    assert_eq!(marks, vec![("2030", true), ("2021", false)]);
    let text = "Her costly 2019 bid ended in 2020.";
    let mut out = Vec::new();
    extract_sentence(text, Span::new(0, text.len()), None, p, &mut out);
    let marks: Vec<_> = out
        .iter()
        .map(|t| (t.span.slice(text), modifier_year(text, t)))
        .collect();
    assert_eq!(marks, vec![("2019", true), ("2020", false)]);
}

#[test]
fn a_day_that_modifies_a_noun_is_not_sent_a_year_back() {
    // a past-tense clause names a deadline nine days ahead: the same year
    assert_eq!(
        one(
            "The agency gave no reason for the Mar. 12 cutoff.",
            "2021-03-03"
        )
        .1,
        "2021-03-12"
    );
    // a possessive weekday in a past clause, two days ahead
    assert_eq!(
        one("Officials criticised Friday's vote.", "2021-03-03").1,
        "2021-03-05"
    );
    // a reported future ("would") does not send a day named by its event ahead
    assert_eq!(
        one(
            "The family said it would appeal Monday's ruling.",
            "2021-03-03"
        )
        .1,
        "2021-03-01"
    );
    assert_eq!(
        one("The family will appeal Monday's ruling.", "2021-03-03").1,
        "2021-03-08"
    );
    // far ahead, the past tense still sends the day back
    assert_eq!(
        one("Voters rejected the Aug. 9 proposal.", "2021-03-03").1,
        "2020-08-09"
    );
    // no noun after the date: the clause's tense decides
    assert_eq!(
        one("Talks collapsed on Mar. 12.", "2021-03-03").1,
        "2020-03-12"
    );
}

#[test]
fn a_participle_after_an_article_is_no_past_verb() {
    // "a still unspecified" describes a noun; the clause's verb is "will"
    assert_eq!(
        one(
            "Payment will come on a still unspecified date in January.",
            "2021-03-03"
        )
        .1,
        "2022-01"
    );
}

#[test]
fn an_adverb_between_be_and_a_participle_keeps_it_tenseless() {
    // "would be quietly moved": the clause looks ahead, Friday is the coming one
    assert_eq!(
        one(
            "The prisoner would be quietly moved on Friday.",
            "2021-03-03"
        )
        .1,
        "2021-03-05"
    );
}

#[test]
fn a_verb_before_the_day_outranks_one_past_a_comma_or_and() {
    // the relative clause's "are" governs the day, not the main clause's "were sold"
    assert_eq!(
        one(
            "The bonds, which are callable on Nov. 3, were sold to a bank.",
            "2021-06-01"
        )
        .1,
        "2021-11-03"
    );
    // "will be freed in May and returned home": "returned" goes with "will be"
    assert_eq!(
        one(
            "The inmate will be freed in May and returned home.",
            "2021-08-01"
        )
        .1,
        "2022-05"
    );
}

#[test]
fn a_hyphenated_comparative_is_no_past_verb() {
    // "lower-than-hoped" describes the growth; the clause's verb is "will"
    assert_eq!(
        one(
            "Ministers think the cuts will mean lower-than-hoped growth in March.",
            "2021-05-10"
        )
        .1,
        "2022-03"
    );
}

#[test]
fn a_rescheduled_day_points_ahead() {
    assert_eq!(
        one("The offer was extended to Apr. 19.", "2021-04-06").1,
        "2021-04-19"
    );
    assert_eq!(
        one("The hearing was postponed to Apr. 19.", "2021-04-06").1,
        "2021-04-19"
    );
    // without a change of schedule a past-tense day goes back
    assert_eq!(
        one("The price fell to 40 cents on Apr. 19.", "2021-04-06").1,
        "2020-04-19"
    );
}

#[test]
fn a_modal_in_a_reported_clause_looks_to_the_nearer_year() {
    // said in late December: the coming January, though the saying is past
    assert_eq!(
        one(
            "Velmar could unveil its new plant in January, an insider said.",
            "2019-12-28"
        )
        .1,
        "2020-01"
    );
    assert_eq!(
        one(
            "An insider said Velmar might close the mill on Jan. 9.",
            "2019-12-28"
        )
        .1,
        "2020-01-09"
    );
    // a past ability or a perfect keeps the past reading
    assert_eq!(
        one(
            "An insider said Velmar could not sell the mill in January.",
            "2019-12-28"
        )
        .1,
        "2019-01"
    );
    assert_eq!(
        one(
            "An insider said Velmar might have sold the mill in January.",
            "2019-12-28"
        )
        .1,
        "2019-01"
    );
    // the month "May" is no modal
    assert_eq!(
        one("Tessaly said exports rose in May.", "2019-12-28").1,
        "2019-05"
    );
}

#[test]
fn a_count_before_a_dotted_month_and_its_day_is_no_day() {
    // "the 12 Nov. 9 raiders": twelve raiders of the Nov. 9 raid
    assert_eq!(
        one(
            "Nine of the 12 Nov. 9 raiders came from Tessaly.",
            "2016-09-29"
        )
        .1,
        "2015-11-09"
    );
    // a day-led date keeps its reading
    assert_eq!(
        one("The mill closed on 12 Nov. after a strike.", "2016-09-29").1,
        "2015-11-12"
    );
    assert_eq!(
        one("The mill closed on 12 Nov. 2015.", "2016-09-29").1,
        "2015-11-12"
    );
}

#[test]
fn a_weekday_after_a_modal_in_a_reported_clause_is_the_coming_one() {
    let p = "2019-12-27"; // a Friday
    let days =
        |t: &str| -> Vec<serde_json::Value> { found(t, p).into_iter().map(|f| f.2).collect() };
    assert_eq!(
        days(
            "Lenders could unveil a rescue as soon as Monday or Tuesday, a broker said on Friday."
        ),
        ["2019-12-30", "2019-12-31", "2019-12-27"]
    );
    assert_eq!(
        days("An insider said the board might meet on Wednesday."),
        ["2020-01-01"]
    );
    // a possessive, a noun's modifier or a day whose own verb follows keeps its reading
    assert_eq!(
        days("Velmar shares could double from Thursday's close, an analyst said."),
        ["2019-12-26"]
    );
    assert_eq!(
        days("Aides said members might reconsider their Monday votes."),
        ["2019-12-23"]
    );
    assert_eq!(
        days("Analysts said prices could rise after a survey on Tuesday showed weak demand."),
        ["2019-12-24"]
    );
}

#[test]
fn a_month_of_a_noun_a_past_year_dates_takes_that_year() {
    // the peak was reached in the year written before the noun
    assert_eq!(
        found(
            "Velmar stock trades well below its 2016 peak of $48 in March.",
            "2017-09-12"
        )
        .last()
        .map(|f| f.2.clone()),
        Some("2016-03".into())
    );
    // a verb between them: the month is the verb's time, read by its tense
    assert_eq!(
        found(
            "Velmar cut its 2016 forecast and then sold the mill in March.",
            "2017-09-12"
        )
        .last()
        .map(|f| f.2.clone()),
        Some("2017-03".into())
    );
    // a year still to come holds no month back
    assert_eq!(
        found("Tessaly set its 2018 budget target in March.", "2017-09-12")
            .last()
            .map(|f| f.2.clone()),
        Some("2017-03".into())
    );
}

#[test]
fn a_day_booked_by_a_past_verb_is_the_nearer_one() {
    // booked in February for the summer: this year's, not last year's
    assert_eq!(
        one(
            "The magistrate set the hearing for July 14 in the city.",
            "2021-02-10"
        )
        .1,
        "2021-07-14"
    );
    // a booked day that has passed stays in the past
    assert_eq!(
        one(
            "The magistrate set the hearing for Jan. 20 in Ondrej Halvik's case.",
            "2021-02-10"
        )
        .1,
        "2021-01-20"
    );
    // without a verb of booking the past tense decides
    assert_eq!(
        one("The hearing lasted for hours on July 14.", "2021-02-10").1,
        "2020-07-14"
    );
}

#[test]
fn a_deadline_without_tense_takes_the_nearer_year() {
    // a running total up to a day a week before publication
    let f = found(
        "The fund has lost 3% this year through Jun. 8.",
        "2021-06-15",
    );
    assert_eq!(f.last().map(|x| x.2.clone()), Some("2021-06-08".into()));
    assert_eq!(
        one("The offer runs until Jan. 8.", "2021-11-15").1,
        "2022-01-08"
    );
}

#[test]
fn a_running_term_ends_at_the_coming_month() {
    // the present of a term that runs or lasts to a month: its end is still to come, even when
    // last year's month lies nearer
    assert_eq!(
        one(
            "Halvik, whose contract runs to October, may leave.",
            "2021-03-02"
        )
        .1,
        "2021-10"
    );
    assert_eq!(
        one("The Tessaly lease lasts to August.", "2021-02-10").1,
        "2021-08"
    );
    // told in the past, the nearer year
    assert_eq!(
        one("His contract ran to October.", "2021-03-02").1,
        "2020-10"
    );
}

#[test]
fn a_month_takes_the_year_of_the_date_listed_after_it() {
    let f = found(
        "The Tessaly mill flooded in March and again in June 1998.",
        "2000-02-10",
    );
    assert_eq!(f[0].2, "1998-03");
    let f = found(
        "Velmar cut jobs on March 3, then on Aug. 9, 1997.",
        "2000-02-10",
    );
    assert_eq!(f[0].2, "1997-03-03");
    // a verb between: two clauses, the month keeps its own reading
    let f = found(
        "Halvik resigned in March and Velmar closed in June 1998.",
        "2000-02-10",
    );
    assert_eq!(f[0].2, "1999-03");
    // a month after the later one's may be of the year before: left alone
    let f = found(
        "The mill flooded in November and again in June 1998.",
        "2000-02-10",
    );
    assert_eq!(f[0].2, "1999-11");
}

#[test]
fn a_written_fraction_is_no_count() {
    // "3.5 years ago" is not five years ago, nor three
    let f = found("Halvik first wrote to Velmar 3.5 years ago.", "2021-06-12");
    assert!(
        f.iter()
            .all(|x| x.2 != serde_json::json!("2016") && x.2 != serde_json::json!("2018")),
        "{f:?}"
    );
    // "3 1/2 years ago": three years and a half, not two years
    assert_eq!(
        one(
            "Halvik first wrote to Velmar 3 1/2 years ago.",
            "2021-06-12"
        ),
        (
            "3 1/2 years ago".to_string(),
            serde_json::json!("2017-12-12"),
            Resolution::Relative
        )
    );
    assert_eq!(
        one("The Tessaly mill shut 2 1/2 months ago.", "2021-06-12").1,
        "2021-03-28"
    );
}

#[test]
fn a_slated_or_pencilled_day_is_ahead() {
    // a plan written as a past participle of scheduling points to the coming month
    assert_eq!(
        one("A hearing was pencilled in for October.", "2021-06-12").1,
        "2021-10"
    );
    assert_eq!(
        one("The Velmar Corp vote was slated for March.", "2021-01-20").1,
        "2021-03"
    );
}

#[test]
fn next_to_is_a_place_not_the_future() {
    // "next to" marks no tense; the past participle before it does
    assert_eq!(
        one(
            "Dozens were hurt in the fire next to the old market on Monday.",
            "2021-05-15"
        )
        .1,
        "2021-05-10"
    );
}

#[test]
fn a_long_sentence_takes_the_tense_of_its_distant_verb() {
    // the only verb lies beyond the near reach: it still decides the year
    let f = found(
        "In February, shortly after the opening of the new wing of the town library on the hill \
         beside the river, a burst pipe flooded the reading room.",
        "2022-10-10",
    );
    assert_eq!(f.first().map(|x| x.2.clone()), Some("2022-02".into()));
    let f = found(
        "In March, after the builders of the new wing of the town library on the hill beside \
         the old river finish, the reading room will reopen.",
        "2022-06-10",
    );
    assert_eq!(f.first().map(|x| x.2.clone()), Some("2023-03".into()));
}

#[test]
fn spelled_years() {
    let p = "2001-05-20";
    assert_eq!(
        one("The museum opened in nineteen ninety-six.", p),
        (
            "nineteen ninety-six".into(),
            "1996".into(),
            Resolution::Explicit
        )
    );
    assert_eq!(
        one("The flood of March nineteen eighty-one ruined the mill.", p).1,
        "1981-03"
    );
    assert_eq!(
        one("She recalled a nineteen seventy-two storm.", p).1,
        "1972"
    );
    // said aloud, a year needs no word before it
    assert_eq!(
        one("Lisbon, nineteen fifty-five: the city rebuilt its port.", p).1,
        "1955"
    );
    // a transcript writes the tens and the unit as two words
    assert_eq!(
        one("The dam of Bhutan was finished in nineteen eighty four.", p),
        (
            "nineteen eighty four".into(),
            "1984".into(),
            Resolution::Explicit
        )
    );
    assert_eq!(
        one("Paraguay joined in June of nineteen ninety nine.", p).1,
        "1999-06"
    );
    // a count of nineteen before another number word is no year
    assert!(found("Nineteen of the forty boats sank.", p).is_empty());
}

#[test]
fn a_dated_day_closing_a_long_sentence_takes_its_main_verb() {
    // a caption: the only verb lies far before the date that closes the sentence
    let text = " date 2016-05-10 Flooded hall\n\nVolunteers worked well into the night clearing \
                the flooded basement of the old school hall, 12 Elm Road, Monday May 2, 2016.\n";
    let a = crate::analysis::Analysis::new(text);
    let tense = |needle: &str| {
        a.dates
            .iter()
            .find(|t| t.span.slice(text).contains(needle))
            .map(|t| t.tense)
    };
    assert_eq!(tense("May 2, 2016"), Some(crate::time::Tense::Past));
}

#[test]
fn title_case_relative_words_inside_names_are_not_dates() {
    let p = "2021-05-12";
    assert!(texts(
        "The minister told the Daily Planet Today podcast he would stay.",
        p
    )
    .is_empty());
    assert!(texts(
        "She spoke on the \"This Week\" programme about the budget.",
        p
    )
    .is_empty());
    // the words themselves still count
    assert_eq!(
        texts("Today the council votes, and this week it meets twice.", p).len(),
        2
    );
    assert_eq!(
        texts("Officials said \"Today we begin,\" and left.", p).len(),
        1
    );
}

#[test]
fn a_year_spelled_in_thousands_after_the_word_year() {
    let p = "1996-05-01";
    assert_eq!(
        texts("They vowed to finish by the year two thousand.", p),
        ["two thousand"]
    );
    assert_eq!(
        texts("The plan runs to the year two thousand and five.", p),
        ["two thousand and five"]
    );
    // without the word "year" it stays a count
    assert!(texts("Police sent two thousand officers in two thousand cars.", p).is_empty());
}

#[test]
fn a_calendar_quarter_outranks_a_fiscal_one() {
    let both = "The airline's profit for its fiscal first quarter rose; a rival's third-quarter \
                loss widened.";
    assert_eq!(reported_quarter(both), Some(3));
    assert_eq!(
        reported_quarter("Net for the fiscal-first quarter fell."),
        Some(1)
    );
    assert_eq!(
        reported_quarter("Profit rose in the second quarter."),
        Some(2)
    );
    // only a whole word on the line before "quarter" names it
    assert_eq!(
        reported_quarter("The 1first quarter and \"third quarter."),
        None
    );
    assert_eq!(reported_quarter("It was the first\nquarter."), None);
    assert_eq!(reported_quarter("Sales (fourth-quarter) rose."), Some(4));
}

#[test]
fn a_bare_month_after_for_or_a_hyphenated_part() {
    let p = "2003-11-20";
    let t = texts(
        "Orders for October were weak. Rain fell in mid-September.",
        p,
    );
    assert_eq!(t, vec!["October", "September"]);
    // a month that reads as a name, or the modal, stays out
    for s in [
        "The award went for April Jones.",
        "They voted for May.",
        "Thanks for June Smith's help.",
    ] {
        assert!(texts(s, p).is_empty(), "{s:?} gave {:?}", texts(s, p));
    }
}

#[test]
fn an_approximate_count_back_keeps_its_anchor() {
    let p = "2004-06-10";
    assert_eq!(
        one("The pier closed a week or so ago.", p).0,
        "a week or so ago"
    );
    assert_eq!(one("The pier closed a week or so ago.", p).1, "2004-06-03");
}

#[test]
fn a_scheduling_verb_in_the_present_governs_its_day() {
    // "closes on March 9" after "said": the present of the scheduled event decides, the coming day
    assert_eq!(
        one(
            "The director said the exhibit closes on March 9.",
            "2021-03-02"
        )
        .1,
        "2021-03-09"
    );
    // a term that ends in a later year is no past event, whatever verb reports it
    let text = " date 2020-03-02 The chair, who was elected in 2016, said her term ends in 2022. \
                The permit runs until 2031, the council said.\n";
    let a = crate::analysis::Analysis::new(text);
    let past: Vec<_> = a
        .dates
        .iter()
        .filter(|t| t.tense == super::Tense::Past)
        .map(|t| t.span.slice(text))
        .collect();
    assert_eq!(past, ["2016"]);
}

#[test]
fn a_weekday_closing_a_calendar_name_is_no_weekday() {
    let p = "2015-11-20";
    // the name of a day the calendar fixes, and one a campaign's calendar gives
    assert_eq!(
        texts(
            "Crowds packed the malls on Black Friday and queued again on Good Friday's eve.",
            p
        ),
        Vec::<String>::new()
    );
    let f = found(
        "The win could carry her into the \"Super Tuesday\" contests on March 1.",
        p,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "March 1");
    // a capitalised word that names no day leaves the weekday alone
    assert_eq!(
        texts(
            "Voters in Springfield Tuesday lined up; a good Friday for stocks.",
            p
        ),
        vec!["Tuesday".to_string(), "Friday".to_string()]
    );
}

#[test]
fn clock_times_as_wire_copy_writes_them() {
    let p = "2014-03-05";
    // a four-figure time with its zone after a space, or with "local time"
    assert_eq!(
        one("The ferry sank at 0412 GMT.", p).1,
        serde_json::json!("T04:12 GMT")
    );
    assert_eq!(
        texts("Polls shut at 1930 local time.", p),
        ["1930 local time"]
    );
    // "12 noon", "12 midnight": the twelve is part of the time
    assert_eq!(
        texts("The curfew starts at 12 midnight.", p),
        ["12 midnight"]
    );
    assert_eq!(
        one("The vote closes at 12 noon.", p).1,
        serde_json::json!("T12:00")
    );
    // the zone restated in brackets is not a second time
    assert_eq!(
        texts("The roof gave way at 9:05 a.m. (1405 GMT).", p).len(),
        1
    );
    // "high noon" is an idiom, not twelve o'clock
    assert!(texts("The standoff felt like high noon for the mayor.", p).is_empty());
    assert!(texts("They watched High Noon again.", p).is_empty());
    assert_eq!(texts("The march began at noon.", p), ["noon"]);
}

#[test]
fn a_clock_time_takes_its_half_from_the_part_of_the_day_after_it() {
    let p = "2014-03-05";
    // the time's value, beside the weekday's own date
    let value = |s: &str| {
        found(s, p)
            .into_iter()
            .find(|f| f.0.starts_with(|c: char| c.is_ascii_digit()))
            .map(|f| f.2)
            .unwrap_or_default()
    };
    assert_eq!(value("Shots rang out around 6:30 Sunday night."), "T18:30");
    assert_eq!(value("The call came at 9:10 last night."), "T21:10");
    assert_eq!(value("Doors open at 7:15 this evening."), "T19:15");
    assert_eq!(value("The vigil starts at 8:30 tonight."), "T20:30");
    assert_eq!(
        value("He was found at 5:40 early Sunday morning."),
        "T05:40"
    );
    assert_eq!(value("It happened at 12:30 Saturday morning."), "T00:30");
    // night before dawn stays before dawn; no part of the day, no guess
    assert_eq!(value("The alarm rang at 2:05 Sunday night."), "T02:05");
    assert_eq!(value("The shop opens at 6:30, Velmar said."), "T06:30");
    // the weekday stays a date of its own
    assert!(texts("Shots rang out around 6:30 Sunday night.", p)
        .iter()
        .any(|t| t.contains("Sunday")));
}

#[test]
fn next_or_last_before_a_weekday_keeps_the_date_named_after_it() {
    let p = "2021-03-03";
    // the weekday and its date are one expression, so the weekday can be checked
    assert_eq!(
        texts(
            "The council will vote next Saturday, March 13, Velmar said.",
            p
        ),
        ["next Saturday, March 13"]
    );
    assert_eq!(
        texts("Tessaly voted last Friday, Feb. 26, on the plan.", p),
        ["last Friday, Feb. 26"]
    );
    // a figure after the comma is no date
    assert_eq!(
        texts("Shares rose last Friday, 2.5 billion changed hands.", p),
        ["last Friday"]
    );
}

#[test]
fn two_days_joined_by_a_dash_are_a_range() {
    let p = "2021-04-20";
    let (text, value, _) = one(
        "Velmar bought the shares March 30-April 17, the filing said.",
        p,
    );
    assert_eq!(text, "March 30-April 17");
    assert_eq!(
        value,
        serde_json::json!({"start": "2021-03-30", "end": "2021-04-17"})
    );
    let (text, value, _) = one("The fair ran Dec. 28-Jan. 4, 2021 in Kelby.", p);
    assert_eq!(text, "Dec. 28-Jan. 4, 2021");
    assert_eq!(
        value,
        serde_json::json!({"start": "2020-12-28", "end": "2021-01-04"})
    );
    // a dash with spaces is no join of the two
    assert_eq!(
        texts("Halvik voted March 30 - April 17 was the new date.", p).len(),
        2
    );
}

#[test]
fn a_decimal_after_a_weekday_is_a_figure() {
    let p = "2021-06-18";
    let no_figure = |t: &str| {
        let got = texts(t, p);
        assert_eq!(got.len(), 1, "{t}: {got:?}");
        assert!(!got[0].bytes().any(|b| b.is_ascii_digit()), "{t}: {got:?}");
    };
    // a weekday's possessive owns a figure, never a day
    no_figure("Velmar stock recovered from Monday's 2.4 percent slide.");
    no_figure("Bonds held on to Thursday's 3/8 point gain.");
    // a decimal with a word after it is a figure
    no_figure("Tessaly shares closed on Wednesday, 7.5 percent higher.");
    // a dotted day closing its phrase after a weekday is still a date
    let got = texts("The vote is set for Friday 25.6, officials said.", p);
    assert!(got.iter().any(|x| x.ends_with("25.6")), "{got:?}");
    // and so is one with a preposition after it
    let got = texts("Book a call on friday 7.6 with the Tessaly desk.", p);
    assert!(got.iter().any(|x| x.ends_with("7.6")), "{got:?}");
}

#[test]
fn days_listed_under_one_month_are_each_a_date() {
    let p = "2023-03-10";
    let got = |t: &str| {
        found(t, p)
            .into_iter()
            .map(|f| (f.0, f.2))
            .collect::<Vec<_>>()
    };
    let pair = |a: &str, b: &str| (a.to_string(), serde_json::json!(b));
    assert_eq!(
        got("The regatta in Uruguay was held on June 5 and 6."),
        [pair("June 5", "2022-06-05"), pair("6", "2022-06-06")]
    );
    // the year written once at the end is every day's year
    assert_eq!(
        got("Bhutan's fair opens Jan. 3 and 4, 2024."),
        [pair("Jan. 3", "2024-01-03"), pair("4, 2024", "2024-01-04")]
    );
    assert_eq!(
        got("Paraguay held its vote Feb. 3, 4 and 5 in the capital."),
        [
            pair("Feb. 3", "2023-02-03"),
            pair("4", "2023-02-04"),
            pair("5", "2023-02-05")
        ]
    );
    // the month written after the last day
    assert_eq!(
        got("Hearings in Mongolia were held on the 1st and 2nd of March."),
        [
            pair("the 1st", "2023-03-01"),
            pair("2nd of March", "2023-03-02")
        ]
    );
    assert_eq!(
        got("The board met on 7 and 8 February 2021."),
        [
            pair("7", "2021-02-07"),
            pair("8 February 2021", "2021-02-08")
        ]
    );
    // a number after "and" that counts a noun, or a day that does not rise, is no day
    assert_eq!(texts("On March 5 and 6 people were hurt.", p), ["March 5"]);
    assert_eq!(
        texts("He left on March 5 and 3 others stayed.", p),
        ["March 5"]
    );
    assert!(texts("Prices rose 5 and 6 percent.", p).is_empty());
}

#[test]
fn four_figures_and_hours_after_at_are_a_clock_time() {
    let p = "2023-03-10";
    assert_eq!(
        one("The curfew in Bhutan starts at 2100 hours.", p),
        (
            "2100 hours".into(),
            serde_json::json!("T21:00"),
            Resolution::Explicit
        )
    );
    assert_eq!(
        one("The convoy left 0600 hrs.", p).1,
        serde_json::json!("T06:00")
    );
    // a wire time with its zone is a clock time even when it looks like a year
    assert_eq!(
        one("The quake struck at 2001 GMT.", p).1,
        serde_json::json!("T20:01 GMT")
    );
    // a stretch: no lead word, a count of hours "of" something, or no clock (2460)
    assert!(texts("She logged 2100 hours of flight time.", p).is_empty());
    assert!(texts("The pilot had flown after 1200 hours of training.", p).is_empty());
    assert!(texts("Crews worked until 2460 hours.", p).is_empty());
}

#[test]
fn a_model_year_before_a_vehicle_is_no_date() {
    let p = "2023-03-10";
    assert!(texts(
        "Police found his 1987 sedan near the border with Bhutan.",
        p
    )
    .is_empty());
    assert!(texts("She drove a 1999 Falcon hatchback to Paraguay.", p).is_empty());
    // a year before an event or a plain noun stays a year
    assert_eq!(texts("His 1987 campaign in Mongolia failed.", p), ["1987"]);
}

#[test]
fn an_irregular_simple_past_marks_the_past() {
    // published in February: a past-tense March is last year's, a present-tense one the nearer
    let p = "2021-02-10";
    assert_eq!(one("The lake froze on March 3.", p).1, "2020-03-03");
    assert_eq!(
        one("The herd swam the river on March 3.", p).1,
        "2020-03-03"
    );
    assert_eq!(
        one("Mongolia withdrew its envoy on March 3.", p).1,
        "2020-03-03"
    );
    assert_eq!(one("The lake is frozen on March 3.", p).1, "2021-03-03");
}

#[test]
fn a_month_listed_after_a_comma_is_a_month_and_takes_the_lists_year() {
    let p = "2023-03-10";
    let values = |t: &str| found(t, p).into_iter().map(|f| f.2).collect::<Vec<_>>();
    let json = |v: &str| serde_json::json!(v);
    assert_eq!(
        values("Wool exports from Mongolia fell in May, June and July 2021."),
        [json("2021-05"), json("2021-06"), json("2021-07")]
    );
    // with a comma before "or", and a list that opens the sentence
    assert_eq!(
        values("August, September, or October 2020 saw the harvest."),
        [json("2020-08"), json("2020-09"), json("2020-10")]
    );
    // a month name beside no other is left to its own lead words
    assert!(values("The ferry captain, June, waved.").is_empty());
}

#[test]
fn a_year_written_once_after_a_list_of_months_is_each_ones() {
    let p = "2023-03-10";
    let values = |t: &str| found(t, p).into_iter().map(|f| f.2).collect::<Vec<_>>();
    assert_eq!(
        values("Exports from Uruguay rose in March and April 2021."),
        [serde_json::json!("2021-03"), serde_json::json!("2021-04")]
    );
    assert_eq!(
        values("Talks were held on June 5 and July 9, 2020."),
        [
            serde_json::json!("2020-06-05"),
            serde_json::json!("2020-07-09")
        ]
    );
    assert_eq!(
        values("Rains hit Bhutan on Aug. 2, Sept. 3 and Sept. 9, 2019."),
        [
            serde_json::json!("2019-08-02"),
            serde_json::json!("2019-09-03"),
            serde_json::json!("2019-09-09")
        ]
    );
    // a later month before an earlier one's year is of the year before: left to the tense
    assert_eq!(
        values("Snow fell in December and January 2021.")[1],
        serde_json::json!("2021-01")
    );
    assert_ne!(
        values("Snow fell in December and January 2021.")[0],
        serde_json::json!("2021-12")
    );
}

#[test]
fn a_year_after_from_and_before_until_is_a_year() {
    let p = "2023-03-10";
    assert_eq!(
        texts("She governed Uruguay from 1990 until 1995.", p),
        ["1990", "1995"]
    );
    assert_eq!(
        texts("He led Bhutan's team from 2001 till his retirement.", p),
        ["2001"]
    );
    // a count after "from" stays a count
    assert!(texts("Turnout rose from 2000 voters to many more.", p).is_empty());
}

#[test]
fn the_year_of_a_quarter_half_or_season_is_no_date_of_its_own() {
    let p = "2023-03-10";
    assert!(texts(
        "Bhutan expects the deal in the first quarter of next year.",
        p
    )
    .is_empty());
    assert!(texts("Exports fell in the spring of last year.", p).is_empty());
    // a year with its own possessive stays
    assert_eq!(
        texts("The fall of last year's leader shook Uruguay.", p),
        ["last year's"]
    );
}

#[test]
fn a_month_name_before_a_surname_after_to_from_or_and_is_a_first_name() {
    let p = "2024-03-04";
    assert!(texts("The mayor sent a letter to June Okafor.", p).is_empty());
    assert!(texts("A gift from April Mendez arrived.", p).is_empty());
    assert!(texts("Priya Das and June Okafor spoke to the council.", p).is_empty());
    assert!(texts("The fund was set up by August Lindqvist.", p).is_empty());
    // a month with a year, a day or no name after it stays a month
    assert_eq!(texts("The talks moved to June 2021.", p), ["June 2021"]);
    assert_eq!(texts("The vote was put off to June.", p), ["June"]);
    assert_eq!(texts("The fair runs from June 5.", p), ["June 5"]);
}

#[test]
fn the_first_or_last_day_or_weekday_of_a_month_or_year() {
    let p = "2013-02-12";
    assert_eq!(
        one(
            "The rally in Bhutan is set for the last Friday of March.",
            p
        ),
        (
            "the last Friday of March".into(),
            "2013-03-29".into(),
            Resolution::Future
        )
    );
    assert_eq!(
        one(
            "Voters in Paraguay went to the polls on the final Sunday of January.",
            p
        )
        .1,
        "2013-01-27"
    );
    assert_eq!(
        one("The levy lapsed on the last day of 2012.", p),
        (
            "the last day of 2012".into(),
            "2012-12-31".into(),
            Resolution::Explicit
        )
    );
    assert_eq!(
        one("The border reopened on the first day of March.", p).1,
        "2012-03-01"
    );
    assert_eq!(
        one("The port closed on the last day of February 2012.", p).1,
        "2012-02-29"
    );
    assert_eq!(
        one("The census ends on the last day of April.", p).1,
        "2013-04-30"
    );
    // a week of a named month or year is not last week
    assert!(
        found("Bids in Uruguay closed in the last week of January.", p)
            .iter()
            .all(|f| f.0 != "the last week"),
        "{:?}",
        found("Bids in Uruguay closed in the last week of January.", p)
    );
    // "the last Friday" alone is still last week's; a year-less February has no known last day
    assert_eq!(one("The mayor spoke the last Friday.", p).1, "2013-02-08");
    assert!(found("The lease ran to the last day of February.", p)
        .iter()
        .all(|f| !f.0.contains("day of")));
}

#[test]
fn the_fraction_of_a_decimal_counts_nothing() {
    // "5 years ago" read out of "3.5 years ago" would be a wrong day
    let f = found("The mine in Mongolia opened 3.5 years ago.", "2013-02-12");
    assert!(f.iter().all(|x| !x.0.starts_with('5')), "{f:?}");
}

#[test]
fn a_sentence_framed_by_a_year_puts_its_months_in_it() {
    let p = "2013-02-12";
    let f = found(
        "In 2011, the mill in Uruguay hired 300 workers in March and let them go in May.",
        p,
    );
    let values: Vec<_> = f.iter().map(|x| (x.0.as_str(), x.2.clone())).collect();
    assert_eq!(
        values,
        [
            ("2011", "2011".into()),
            ("March", "2011-03".into()),
            ("May", "2011-05".into())
        ]
    );
    // a year later in the sentence frames nothing
    assert_eq!(
        one("The mill in Uruguay hired 300 workers in March.", p).1,
        "2012-03"
    );
}

#[test]
fn an_irregular_past_points_a_month_back() {
    // irregular simple pasts no participle shares mark the past as "-ed" forms do
    for t in [
        "Velmar underwent a review in November.",
        "Velmar overtook its Tessaly rival in November.",
        "Ondrej Halvik forgave the debt in November.",
        "Velmar's sales shrank in November.",
    ] {
        let (_, v, _) = one(t, "2020-10-08");
        assert_eq!(v, serde_json::json!("2019-11"), "{t}");
    }
}

#[test]
fn a_present_passive_is_no_past() {
    // "is held": a participle after a present "be" tells no past; "was held" does
    let (_, v, _) = one("The Tessaly hearing is held in November.", "2020-10-08");
    assert_eq!(v, serde_json::json!("2020-11"));
    let (_, v, _) = one("The Tessaly hearing was held in November.", "2020-10-08");
    assert_eq!(v, serde_json::json!("2019-11"));
}

/// The TIMEX3 words and value of each expression `annotate` writes for `text`.
fn annotated(text: &str, published: &str) -> Vec<(String, serde_json::Value)> {
    let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let engine = crate::engine::Engine::standalone(crate::config::Config::default());
    let a = engine.analyse_published(text, p);
    let doc = crate::cli::annotate::document(&a, p);
    doc["dates"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|x| {
                    (
                        x["text"].as_str().unwrap_or("").to_string(),
                        x["value"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The TIMEX3 words of each expression `annotate` writes for `text`.
fn annotated_words(text: &str, published: &str) -> Vec<String> {
    annotated(text, published)
        .into_iter()
        .map(|(w, _)| w)
        .collect()
}

#[test]
fn a_preposition_before_a_stretch_stays_outside_it() {
    let words = annotated_words(
        "Headline\n\nThe Tessaly mill hired staff within weeks and for months lost money. Over \
         the years it grew, and it will double in five years.\n",
        "2011-06-15",
    );
    assert_eq!(words, ["weeks", "months", "the years", "five years"]);
    // a bound before a count is no preposition of time: it stays with the count
    let words = annotated_words(
        "Headline\n\nThe Velmar Corp strike lasted at least two weeks.\n",
        "2011-06-15",
    );
    assert_eq!(words, ["at least two weeks"]);
}

#[test]
fn earlier_or_later_before_this_period_is_inside_it() {
    let got = annotated(
        "Headline\n\nVelmar Corp cut prices earlier this month and will cut them again later \
         this year.\n",
        "2011-06-15",
    );
    let words: Vec<_> = got.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(words, ["earlier this month", "later this year"]);
    // the value is still the period the words shift within
    assert_eq!(got[0].1["start"], "2011-06-01");
}

#[test]
fn an_approximate_tail_and_a_count_range_are_one_expression() {
    let words = annotated_words(
        "Headline\n\nOndrej Halvik expects losses for the next year or so, and repairs will take \
         two to three weeks, perhaps the next 12 to 18 months.\n",
        "2011-06-15",
    );
    assert_eq!(
        words,
        [
            "the next year or so",
            "two to three weeks",
            "the next 12 to 18 months"
        ]
    );
}

#[test]
fn a_decade_with_a_hyphened_part_keeps_it() {
    let got = annotated(
        "Headline\n\nThe Velmar plant opened in the mid-1980s and closed in mid-1990s.\n",
        "2011-06-15",
    );
    assert_eq!(
        got,
        [
            ("the mid-1980s".to_string(), serde_json::json!("198")),
            ("mid-1990s".to_string(), serde_json::json!("199"))
        ]
    );
}

#[test]
fn a_bare_season_after_in_is_the_season_of_the_clause() {
    let got = annotated(
        "Headline\n\nThe Tessaly council met in the spring and again in the fall.\n",
        "2011-11-20",
    );
    assert_eq!(
        got,
        [
            ("the spring".to_string(), serde_json::json!("2011-SP")),
            ("the fall".to_string(), serde_json::json!("2011-FA"))
        ]
    );
    // a season word before more of its noun phrase is no season: "the fall in prices"
    let got = annotated(
        "Headline\n\nTraders were caught in the fall in copper prices.\n",
        "2011-11-20",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn weeks_counted_back_are_a_week() {
    let got = annotated(
        "Headline\n\nThe Velmar Corp plant shut three weeks ago and its rival a week ago. The \
         mill shut ten days ago.\n",
        "2011-06-15",
    );
    assert_eq!(
        got,
        [
            ("three weeks ago".to_string(), serde_json::json!("2011-W21")),
            ("a week ago".to_string(), serde_json::json!("2011-W23")),
            ("ten days ago".to_string(), serde_json::json!("2011-06-05"))
        ]
    );
}

#[test]
fn a_clock_time_and_a_day_apart_by_a_preposition_stay_two_expressions() {
    let p = "2019-03-16"; // a Saturday
    let text = "Crews reached the Velmar depot at 6:15 a.m. on Thursday and left at 9 p.m. Friday.";
    let a = crate::article::read(text);
    let dates = extract(text, &a, NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
    let joined: Vec<_> = super::timex::join_day_times(text, &dates)
        .into_iter()
        .map(|j| (j.span.slice(text).to_string(), j.value))
        .collect();
    // "9 p.m. Friday" is one time; "6:15 a.m. on Thursday" a time and a day
    assert_eq!(
        joined,
        [("9 p.m. Friday".to_string(), "2019-03-15T21:00".to_string())]
    );
    let thursday = dates.iter().find(|t| t.span.slice(text) == "Thursday");
    assert_eq!(
        thursday.map(|t| t.value.to_json()),
        Some(serde_json::json!("2019-03-14"))
    );
}

#[test]
fn a_day_a_postponement_sets_is_the_coming_one() {
    let p = "2018-11-09"; // a Friday
    let (_, v, _) = one(
        "The judge said the Halvik trial was over for the week before postponing the ruling until Monday.",
        p,
    );
    assert_eq!(v, serde_json::json!("2018-11-12"));
    let (_, v, _) = one("The Tessaly council adjourned the vote to Tuesday.", p);
    assert_eq!(v, serde_json::json!("2018-11-13"));
    // no change of schedule: a past Monday stays past
    let (_, v, _) = one("The Velmar board met until Monday, a spokesman said.", p);
    assert_eq!(v, serde_json::json!("2018-11-05"));
}

#[test]
fn an_age_and_a_paper_s_name_are_no_time_expressions() {
    let p = "2016-05-02";
    for text in [
        "An 18-year old clerk from Tessaly was charged.",
        "A twenty-year old driver was hurt.",
        "The Velmar Daily News reported the fire.",
        "Ondrej Halvik told the Tessaly Weekly on Friday.",
    ] {
        let a = crate::article::read(text);
        let got =
            super::timex::extract(text, &a, NaiveDate::parse_from_str(p, "%Y-%m-%d").ok(), &[]);
        assert!(
            got.iter().all(|x| x.kind != "duration" && x.kind != "set"),
            "{text}: {:?}",
            got.iter()
                .map(|x| (x.span.slice(text), x.kind))
                .collect::<Vec<_>>()
        );
    }
    // the words themselves still count where they are no name or age
    let text = "The ferry to Tessaly runs daily. Daily flights start in a 10-year plan.";
    let a = crate::article::read(text);
    let got = super::timex::extract(text, &a, NaiveDate::parse_from_str(p, "%Y-%m-%d").ok(), &[]);
    let kinds: Vec<_> = got.iter().map(|x| (x.span.slice(text), x.kind)).collect();
    assert!(kinds.contains(&("daily", "set")), "{kinds:?}");
    assert!(kinds.contains(&("Daily", "set")), "{kinds:?}");
    assert!(kinds.contains(&("10-year", "duration")), "{kinds:?}");
}

#[test]
fn current_before_a_bookkeeping_noun_is_no_present() {
    let words = annotated_words(
        "Headline\n\nTessaly's current account deficit widened while Velmar Corp's current \
         assets shrank. The current plan stands.\n",
        "2014-06-11",
    );
    assert_eq!(words, ["current"]);
}

#[test]
fn a_quarter_takes_the_year_written_right_after_it() {
    let got = annotated(
        "Headline\n\nVelmar Corp booked a second-quarter 2011 charge and lost money in the \
         third quarter 2010.\n",
        "2013-04-22",
    );
    assert_eq!(
        got,
        [
            (
                "second-quarter 2011".to_string(),
                serde_json::json!("2011-Q2")
            ),
            (
                "the third quarter 2010".to_string(),
                serde_json::json!("2010-Q3")
            ),
        ]
    );
}

#[test]
fn this_weekend_told_as_done_on_a_weekday_is_the_one_just_gone() {
    // published on a Tuesday of ISO week 27
    let p = "2015-06-30";
    let got = annotated(
        "Headline\n\nVelmar Corp this weekend put its Tessaly plans on hold.\n",
        p,
    );
    assert_eq!(got[0].1, serde_json::json!("2015-W26-WE"));
    // a coming weekend, or one that dates a thing, stays the week's own
    let got = annotated(
        "Headline\n\nOndrej Halvik will race this weekend. Tickets for this weekend's final \
         sold out.\n",
        p,
    );
    let values: Vec<_> = got.iter().map(|g| g.1.clone()).collect();
    assert_eq!(
        values,
        [
            serde_json::json!("2015-W27-WE"),
            serde_json::json!("2015-W27-WE")
        ]
    );
}

#[test]
fn a_month_or_day_before_that_year_is_in_that_year() {
    let got = annotated(
        "Headline\n\nIn March 2009, Velmar Corp sold its Tessaly mill. On July 22 that year it \
         bought a smaller one, and in November that same year it shut both.\n",
        "2019-01-25",
    );
    let values: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.1.clone())).collect();
    assert_eq!(
        values,
        [
            ("March 2009", serde_json::json!("2009-03")),
            ("July 22 that year", serde_json::json!("2009-07-22")),
            ("November that same year", serde_json::json!("2009-11")),
        ]
    );
}

#[test]
fn the_next_day_still_to_come_counts_from_publication() {
    // published on a Wednesday; the story's last written day is the Tuesday before
    let p = "2014-02-26";
    let got = annotated(
        "Headline\n\nThe Tessaly governor flew home on Tuesday. She will likely spend the next \
         day weighing the Velmar Corp bid.\n",
        p,
    );
    assert_eq!(
        got[1],
        ("the next day".to_string(), serde_json::json!("2014-02-27"))
    );
    // a day told as done stays the story's
    let got = annotated(
        "Headline\n\nThe Tessaly governor flew home on Monday. She signed the bill the next \
         day.\n",
        p,
    );
    assert_eq!(
        got[1],
        ("the next day".to_string(), serde_json::json!("2014-02-25"))
    );
}

#[test]
fn a_range_of_months_takes_the_year_of_its_last_month() {
    let p = "2008-10-07";
    let (_, v, _) = one("Output at Velmar Corp fell between June and July 2006.", p);
    assert_eq!(
        v,
        serde_json::json!({"start": "2006-06-01", "end": "2006-07-31"})
    );
    // neither month with a year: still one stretch, in one year
    let (_, v, _) = one("Growth in Tessaly slowed between April and June.", p);
    let start = v["start"].as_str().unwrap_or_default().to_string();
    let end = v["end"].as_str().unwrap_or_default().to_string();
    assert_eq!((&start[5..], &end[5..]), ("04-01", "06-30"));
    assert_eq!(&start[..4], &end[..4]);
}

/// The analysis's value (as the rules see it) and tense of each date `text` holds.
fn analysed(text: &str, published: &str) -> Vec<(String, serde_json::Value, Tense)> {
    let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let engine = crate::engine::Engine::standalone(crate::config::Config::default());
    let a = engine.analyse_published(text, p);
    a.dates
        .iter()
        .map(|t| (t.span.slice(text).to_string(), t.value.to_json(), t.tense))
        .collect()
}

#[test]
fn a_run_of_weekday_dated_entries_rolls_into_the_next_year() {
    // a season listing published in June: the entries run on into the next year, each weekday
    // falls on its day in that year, and a participle in an entry tells no past
    let text = "Headline\n\nThe Orlan Hall season is set. The dates:\n\nFriday, Sept. 17: Velmar \
                String Quartet.\n\nThursday, Dec. 9: Tessaly Brass.\n\nMonday, Jan. 24: Halvik \
                Duo.\n\nSaturday, Feb. 19: a farce about a choir wrongly billed as a circus.\n\n\
                Wednesday, April 13: Ondrej Halvik, piano.\n";
    let got = analysed(text, "2021-06-14");
    let value = |w: &str| got.iter().find(|(t, _, _)| t.starts_with(w)).cloned();
    assert_eq!(value("Friday").map(|x| x.1), Some("2021-09-17".into()));
    assert_eq!(value("Thursday").map(|x| x.1), Some("2021-12-09".into()));
    assert_eq!(value("Monday").map(|x| x.1), Some("2022-01-24".into()));
    let feb = value("Saturday").expect("the February entry");
    assert_eq!(feb.1, serde_json::json!("2022-02-19"));
    assert_eq!(feb.2, Tense::Future);
    assert_eq!(value("Wednesday").map(|x| x.1), Some("2022-04-13".into()));
    // no date finding on the clean listing, with its dateline
    let engine = crate::engine::Engine::standalone(crate::config::Config::default());
    let dated = format!(" date 2021-06-14 {text}");
    let a = engine.analyse_published(&dated, None);
    let findings = crate::rules::run(&a, &crate::config::Config::default());
    assert!(
        findings.iter().all(|f| !f.rule.starts_with("date-")),
        "{findings:?}"
    );
}

#[test]
fn a_weekday_that_fits_no_year_of_the_run_stays_as_it_was() {
    // "Sunday, Jan. 24" is no Sunday in 2022 either: the run gives it no year, the value stays
    let text = "Headline\n\nThe dates:\n\nThursday, Dec. 9: Tessaly Brass.\n\nSunday, Jan. 24: \
                Halvik Duo.\n";
    let got = analysed(text, "2021-06-14");
    let jan = got.iter().find(|(t, _, _)| t.starts_with("Sunday"));
    assert_eq!(jan.map(|x| x.1.clone()), Some("2021-01-24".into()));
}

#[test]
fn a_year_less_day_a_tense_sent_most_of_a_year_off_is_the_nearby_one() {
    // a past verb plans a trip seventeen days on; a future word ("next") in a clause about a
    // night eight weeks back
    let got = annotated(
        "Headline\n\nVelmar has settled on an Oct. 23 trip that will take him north. Police \
         believe the Tessaly pair vanished on the night of Aug. 12 or the next morning.\n",
        "2021-10-06",
    );
    let value = |w: &str| got.iter().find(|(t, _)| t == w).map(|x| x.1.clone());
    assert_eq!(value("Oct. 23"), Some("2021-10-23".into()));
    assert_eq!(value("Aug. 12"), Some("2021-08-12".into()));
    // a day told as past months back keeps the tense's reading
    let got = annotated(
        "Headline\n\nThe Orlan plant closed on March 3.\n",
        "2021-10-06",
    );
    assert_eq!(got[0].1, serde_json::json!("2021-03-03"));
}

#[test]
fn a_clock_time_without_a_day_in_its_sentence_takes_the_nearby_day() {
    let got = annotated(
        "Headline\n\nDivers reached the Velmar wreck on Tuesday. The hull was raised about 4:30 \
         p.m. EDT.\n\nThe board met Monday. Rescuers arrived at 9 a.m. (0700 GMT) today, a day \
         after the call on Sunday.\n",
        "2021-10-06",
    );
    let value = |w: &str| {
        got.iter()
            .find(|(t, _)| t.starts_with(w))
            .map(|x| x.1.clone())
    };
    // the day named earlier in the paragraph
    assert_eq!(value("4:30"), Some("2021-10-05T16:30".into()));
    // the day written right after the time across a parenthesis
    assert_eq!(value("9 a.m."), Some("2021-10-06T09:00".into()));
}

#[test]
fn a_small_cardinal_after_the_is_a_group_not_a_day() {
    assert!(found("Critics saw Halvik as the bolder of the two.", "2021-10-06").is_empty());
    assert!(found("Of the candidates, Velmar chose the three.", "2021-10-06").is_empty());
}

/// Values of every expression of a whole article (paragraphs and sentences read as `annotate`
/// reads them).
fn article_values(text: &str, published: &str) -> Vec<(String, serde_json::Value)> {
    let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let a = crate::article::read(text);
    extract(text, &a, p)
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.value.to_json()))
        .collect()
}

#[test]
fn a_chronology_line_dates_its_days_by_the_year_that_heads_it() {
    let text = "Milestones in the career of Ondrej Halvik:\n\n\
        1931 - Halvik is born May 9 in Tessaly.\n\n\
        1975 - Parliament elects him speaker Nov. 2.\n\n\
        1988 - Hosts the Velmar summit in July. The border opens in October.\n";
    let v = article_values(text, "1999-03-10");
    let get = |w: &str| v.iter().find(|(t, _)| t == w).map(|(_, x)| x.clone());
    assert_eq!(get("1931"), Some("1931".into()), "{v:?}");
    assert_eq!(get("1975"), Some("1975".into()), "{v:?}");
    assert_eq!(get("May 9"), Some("1931-05-09".into()), "{v:?}");
    assert_eq!(get("Nov. 2"), Some("1975-11-02".into()), "{v:?}");
    assert_eq!(get("July"), Some("1988-07".into()), "{v:?}");
    assert_eq!(get("October"), Some("1988-10".into()), "{v:?}");
    // one such line is no chronology: the day keeps the value its tense gives
    let single = "Velmar Corp said:\n\n1931 - the founder opened a shop May 9.\n";
    let v = article_values(single, "1999-03-10");
    assert!(
        v.iter().any(|(t, x)| t == "May 9" && x == "1998-05-09"),
        "{v:?}"
    );
}

#[test]
fn a_year_before_a_hyphen_of_a_compound_is_still_no_heading() {
    // "1500 - strong" and "2000 -" before a number stay what they were
    let v = found("1999 - 2001 saw the Tessaly boom.", "2005-01-01");
    assert!(v.iter().all(|(t, ..)| t != "1999 -"), "{v:?}");
}

#[test]
fn a_second_day_listed_after_a_month_and_day_shares_its_year() {
    let p = "1998-07-22";
    let v = found(
        "The Velmar troupe will dance on April 13 and 14 at the hall.",
        p,
    );
    let vals: Vec<_> = v
        .iter()
        .map(|(t, _, x, _)| (t.as_str(), x.clone()))
        .collect();
    assert_eq!(
        vals,
        [
            ("April 13", "1999-04-13".into()),
            ("14", "1999-04-14".into())
        ]
    );
}

#[test]
fn a_day_in_a_statement_said_in_the_past_is_the_past_one() {
    let p = "2000-03-29";
    let v = found(
        "Halvik added in a Tuesday statement that he will always act.",
        p,
    );
    assert_eq!(v[0].2, "2000-03-28", "{v:?}");
}

#[test]
fn a_part_of_a_month_opening_a_saying_takes_the_saying_tense() {
    let p = "2000-06-08";
    let v = found(
        "In late April, after heavy losses, Ondrej Halvik said he would close the fund.",
        p,
    );
    assert_eq!(v[0].2, "2000-04", "{v:?}");
}

#[test]
fn a_year_in_a_list_of_years_is_a_year() {
    let p = "1999-05-04";
    assert_eq!(
        found("The club squandered 1981, 1984 and 1992.", p).len(),
        3
    );
    // before a year written with an apostrophe ("'88": timex.rs, for annotate)
    let v = found("The Owls faded in 1983, '88 and '94.", p);
    assert_eq!(v.first().map(|f| f.2.clone()), Some("1983".into()), "{v:?}");
    let v = found("Halvik coached them from 1991 to '97.", p);
    assert_eq!(v.first().map(|f| f.2.clone()), Some("1991".into()), "{v:?}");
}

#[test]
fn a_count_of_a_weekday_per_period_is_no_day() {
    let p = "1999-01-09";
    assert!(found("The Velmar choir sings one Sunday a month.", p).is_empty());
    assert!(found("Halvik fasts two Fridays per year.", p).is_empty());
    // a distance from a day is still that day
    assert_eq!(
        found("The Velmar choir sang on Sunday a week ago.", p)
            .first()
            .map(|f| f.0.clone()),
        Some("Sunday".to_string())
    );
}

#[test]
fn a_part_of_a_month_keeps_its_hyphen_across_a_space() {
    let v = found("The Tessaly flood peaked in mid- March.", "1999-04-12");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].2, "1999-03");
}

#[test]
fn come_before_a_day_or_month_points_ahead() {
    // published on a Thursday, in a past-tense story
    let p = "2016-08-04";
    assert_eq!(
        one(
            "And come Tuesday, the Velmar board met voters who had seen him change.",
            p
        )
        .1,
        "2016-08-09"
    );
    assert_eq!(
        one(
            "Tessaly changed its rules, but come September the fees rose.",
            p
        )
        .1,
        "2016-09"
    );
    // "come" as the verb after its subject keeps the clause's tense
    assert_eq!(
        one("Ondrej Halvik did not come Tuesday.", p).1,
        "2016-08-02"
    );
}

#[test]
fn a_present_perfect_passive_books_a_day_ahead() {
    let p = "2016-03-17";
    assert_eq!(
        one(
            "A special Velmar board session has been called for December.",
            p
        )
        .1,
        "2016-12"
    );
    // a plain past keeps last year's month
    assert_eq!(
        one("A special Velmar board session was held in December.", p).1,
        "2015-12"
    );
}

#[test]
fn a_verb_of_naming_between_a_subject_and_an_object_is_past() {
    let p = "2016-08-30";
    assert_eq!(
        one(
            "Governor Halvik appointed Tessaly's new judge in September.",
            p
        )
        .1,
        "2015-09"
    );
    assert_eq!(
        one("Velmar named its new chief in September.", p).1,
        "2015-09"
    );
    // a participle after a noun is no verb: the clause's own verb tells the tense
    assert_eq!(
        one(
            "A man named Halvik will lead the Velmar board in September.",
            p
        )
        .1,
        "2016-09"
    );
}

#[test]
fn a_sentence_opening_with_last_year_frames_its_past_months() {
    let p = "2016-03-20";
    let f = found(
        "Last year much of the Tessaly crop was not sown until May.",
        p,
    );
    assert_eq!(
        f.last().map(|x| x.2.clone()),
        Some(serde_json::json!("2015-05"))
    );
    let f = found("Next year, Velmar will open the mill in October.", p);
    assert_eq!(
        f.last().map(|x| x.2.clone()),
        Some(serde_json::json!("2017-10"))
    );
    // a future told in a sentence framed by last year keeps its own reading
    let f = found(
        "Last year, Velmar said it would open the mill in October.",
        p,
    );
    assert_eq!(
        f.last().map(|x| x.2.clone()),
        Some(serde_json::json!("2016-10"))
    );
}

#[test]
fn a_present_in_s_after_a_pronoun_tells_its_clause_tense() {
    // published in February: the coming April, though a past verb opens the sentence
    let p = "2016-02-18";
    assert_eq!(
        one(
            "Halvik said he stayed away because he faces a Velmar trial in April.",
            p
        )
        .1,
        "2016-04"
    );
    // no pronoun: a plural noun in "-s" is no verb
    assert_eq!(
        one("Halvik said the Velmar plants closed in April.", p).1,
        "2015-04"
    );
}

#[test]
fn a_weekday_after_the_present_of_a_scheduled_event_is_ahead() {
    // published on a Friday: the hearing that resumes on Monday is the coming Monday
    let p = "2011-03-11";
    assert_eq!(
        one("The Tessaly hearing resumes on Monday in the capital.", p).1,
        "2011-03-14"
    );
    assert_eq!(one("Velmar's board meets Tuesday.", p).1, "2011-03-15");
    assert_eq!(one("The tour kicks off on Thursday.", p).1, "2011-03-17");
    // today's weekday stays today
    assert_eq!(one("The fair opens on Friday.", p).1, "2011-03-11");
    // a past verb keeps last week's
    assert_eq!(one("The hearing resumed on Monday.", p).1, "2011-03-07");
}

#[test]
fn a_weekday_opening_a_title_after_the_is_no_day() {
    let p = "2006-12-11";
    assert_eq!(
        texts(
            "Velmar said on Sunday it had turned down a bid, after the Sunday Courier reported it.",
            p
        ),
        vec!["Sunday".to_string()]
    );
    // a part of the day after it keeps the day
    assert_eq!(
        texts("Halvik spoke after the Sunday Night vigil ended.", p).len(),
        1
    );
}

#[test]
fn a_spelled_ordinal_after_a_quarter_is_no_day_of_the_month() {
    let p = "2010-10-26";
    assert_eq!(
        texts(
            "Rain cut output in the first quarter and lifted it in the second.",
            p
        ),
        Vec::<String>::new()
    );
    // with no quarter before it, the ordinal closing a sentence is a day
    assert_eq!(texts("The vote falls on the second.", p).len(), 1);
}

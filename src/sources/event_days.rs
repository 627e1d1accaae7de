//! The days an incident happened on, as its reports tell them: "shot late Saturday", "the
//! shooting on Aug. 3". Two reports of one shooting name its day; two shootings in one town a
//! few days apart name different days (see [`super::details::agreement`]).

use crate::analysis::Analysis;
use crate::text::{tokenize, word_after, word_before, Gap, Span};
use crate::time::{Raw, Resolution, Value};
use chrono::NaiveDate;

crate::word_set!(
    /// Words naming a violent incident ("the shooting", "gunfire"), its shots ("bullets"), its
    /// actor ("a gunman") or its turn ("deadly").
    INCIDENT_NOUNS = file "incident-nouns.txt"
);
crate::word_set!(
    /// Words before a day that reach into the next one ("late Saturday", "overnight Saturday").
    BEFORE_NEXT = file "night-edges.tsv", tags ["before-next"]
);
crate::word_set!(
    /// Words after a day that reach into the next one ("Saturday night").
    AFTER_NEXT = file "night-edges.tsv", tags ["after-next"]
);
crate::word_set!(
    /// Words before a day that reach into the one before ("early Sunday").
    BEFORE_PREVIOUS = file "night-edges.tsv", tags ["before-previous"]
);

/// How many days before its publication a report still tells the day its incident happened on.
const DAYS_BACK: i64 = 14;

/// At most this many days are kept (a round-up names many).
const MAX_DAYS: usize = 64;

/// The days an article's incident happened on: the days it names by a weekday or a month and
/// day (never "yesterday" or "the 27th"), resolved to its publication day or the
/// [`DAYS_BACK`] days before, in sentences that tell of someone killed or hurt or of a
/// shooting, and not as the day something was said ("police said Tuesday"). A day at a
/// night's edge counts the day across it too ("late Saturday" and "early Sunday" meet).
/// Sorted, each once; empty without a publication day.
pub fn event_days(a: &Analysis) -> Vec<NaiveDate> {
    let Some(p) = a
        .article
        .published
        .as_ref()
        .filter(|p| p.precision == crate::article::Precision::Day)
        .map(|p| p.date)
    else {
        return Vec::new();
    };
    let mut casualty: Vec<Option<bool>> = vec![None; a.article.sentences.len()];
    let mut days = Vec::new();
    for t in &a.dates {
        let Value::Date(d) = t.value else {
            continue;
        };
        let written = matches!(t.raw, Raw::Date { .. } | Raw::Weekday { .. });
        if !written
            || t.resolution == Resolution::Future
            || !(0..=DAYS_BACK).contains(&(p - d).num_days())
            || crate::time::tense::dates_a_saying(&a.text, t.span.start)
        {
            continue;
        }
        let Some(s) = t.sentence.filter(|s| *s < casualty.len()) else {
            continue;
        };
        if !*casualty[s].get_or_insert_with(|| casualty_sentence(a, s)) {
            continue;
        }
        days.push(d);
        let reach = night_edge(&a.text, t.span);
        days.extend(d.checked_add_signed(chrono::Duration::days(reach)));
    }
    days.sort_unstable();
    days.dedup();
    days.truncate(MAX_DAYS);
    days
}

/// The word before `start` and the word after `end` in `text` (letters only; "" at an end).
fn words_around(text: &str, span: Span) -> (&str, &str) {
    let (_, prev) = word_before(text, span.start, Gap::Any);
    let (_, next) = word_after(text, span.end, Gap::Any);
    (prev, next)
}

/// How far the day named at `span` reaches across a night: +1 for "late Saturday",
/// "overnight Saturday", "Saturday night"; −1 for "early Sunday"; else 0.
fn night_edge(text: &str, span: Span) -> i64 {
    let (prev, next) = words_around(text, span);
    if BEFORE_PREVIOUS.contains(prev) {
        -1
    } else if BEFORE_NEXT.contains(prev) || AFTER_NEXT.contains(next) {
        1
    } else {
        0
    }
}

/// True when sentence `s` of the article tells of someone killed or hurt, or of a shooting (see
/// [`INCIDENT_NOUNS`]).
fn casualty_sentence(a: &Analysis, s: usize) -> bool {
    use crate::figures::Measure;
    let Some(sentence) = a.article.sentences.get(s) else {
        return false;
    };
    tokenize(&a.text, sentence.span).iter().any(|t| {
        INCIDENT_NOUNS.contains(t.text)
            || matches!(
                crate::figures::measure_word(t),
                Some(Measure::Killed | Measure::Injured)
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> Vec<String> {
        event_days(&Analysis::new(text))
            .iter()
            .map(|d| d.format("%m-%d").to_string())
            .collect()
    }

    #[test]
    fn the_day_of_the_incident_is_read() {
        // 2031-05-12 is a Monday
        assert_eq!(
            days(" date 2031-05-12 A teenager was shot Saturday afternoon outside a bakery in Elmbrook.\n"),
            vec!["05-10"]
        );
        assert_eq!(
            days(" date 2031-05-12 Two men were wounded in a shooting on May 4 near the river.\n"),
            vec!["05-04"]
        );
    }

    #[test]
    fn shots_an_actor_or_a_deadly_turn_tell_the_day_too() {
        // 2031-05-12 is a Monday
        assert_eq!(
            days(" date 2031-05-12 A spray of bullets hit a parked van Friday on Birch Lane.\n"),
            vec!["05-09"]
        );
        assert_eq!(
            days(" date 2031-05-12 A gunman opened fire outside a bakery in Elmbrook Saturday.\n"),
            vec!["05-10"]
        );
        assert_eq!(
            days(" date 2031-05-12 A card game turned deadly in Elmbrook on Saturday.\n"),
            vec!["05-10"]
        );
    }

    #[test]
    fn a_night_edge_reaches_the_day_across_it() {
        assert_eq!(
            days(" date 2031-05-12 A woman was killed late Saturday in Elmbrook.\n"),
            vec!["05-10", "05-11"]
        );
        assert_eq!(
            days(" date 2031-05-12 A woman was killed early Sunday in Elmbrook.\n"),
            vec!["05-10", "05-11"]
        );
    }

    #[test]
    fn days_that_are_not_the_incident_are_left_out() {
        // the day something was said, a day ahead, a day without a casualty, a day long ago,
        // a day of the month alone
        let text = " date 2031-05-12 Police said Monday that nobody was hurt. \
                    The council meets on Thursday. A parade was held Saturday. \
                    A man was shot on March 2 in the same street. \
                    Two people were hurt in a crash on the 3rd.\n";
        assert!(days(text).is_empty(), "{:?}", days(text));
    }

    #[test]
    fn no_publication_day_no_days() {
        assert!(days("A teenager was shot Saturday outside a bakery.\n").is_empty());
    }
}

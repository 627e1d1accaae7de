//! Step 2: the value meant: a range ("20 to 30", "between 20 and 30"), a decade of values
//! ("in the 40s"), percent or currency, and the qualifier before it ("at least").

use super::{in_set, Cx, Rejection};
use crate::figures::number::{self, Number};
use crate::figures::{apply, qualifiers, Interval, CURRENCY_SET, CURRENCY_SYMBOLS};
use crate::text::TokKind;

crate::word_set!(
    /// Words in a sentence that make an ambiguous currency word after a number money.
    MONEY_CONTEXT = file "money-context.txt"
);
crate::word_set!(
    /// Currency words that are also weights or other things ("pounds"): money only
    /// where the sentence speaks of money.
    AMBIGUOUS_CURRENCIES = file "ambiguous-currencies.txt"
);

/// Capitalised words or initialism points a currency word may follow its number over
/// ("50 mln Q.R. dollars", "10 mln Tessaly Isle dollars"): at most this many tokens.
const CURRENCY_QUALIFIER_TOKENS: usize = 4;

/// A figure's value and the tokens it covers so far.
#[derive(Debug)]
pub(super) struct Value {
    /// The value meant, bounded by its qualifier.
    pub interval: Interval,
    /// The qualifier as written.
    pub qualifier: Option<String>,
    /// The first token (qualifier, currency symbol or number).
    pub start: usize,
    /// One past the number and its percent sign, currency word or range.
    pub end: usize,
    /// An amount of money.
    pub money: bool,
    /// A percentage.
    pub percent: bool,
    /// A decade of values ("the 40s").
    pub decade: bool,
}

/// Reads the value of `num`; a decade of years ("the 1990s") is a time.
pub(super) fn read(cx: &Cx, num: &Number) -> Result<Value, Rejection> {
    let last = cx
        .tok(num.end.checked_sub(1).ok_or(Rejection::Truncated)?)
        .ok_or(Rejection::Truncated)?;
    let prev = num.start.checked_sub(1).and_then(|p| cx.tok(p));
    let next = cx.tok(num.end);
    let mut v = Value {
        interval: Interval {
            min: num.min,
            max: num.max,
            min_exclusive: false,
            max_exclusive: false,
        },
        qualifier: None,
        start: num.start,
        end: num.end,
        money: false,
        percent: false,
        decade: false,
    };
    // currency before: "$4.5bn", "€1.2 billion", "US$ 3"
    if prev.is_some_and(|p| p.kind == TokKind::Punct && p.text.starts_with(CURRENCY_SYMBOLS)) {
        v.money = true;
        v.start = num.start - 1;
    }
    // decades: "the 1990s" is a time, "in the 40s" (temperatures, ages) a range of values
    v.decade = num.digits
        && next.is_some_and(|n| n.is("s") && n.span.start == last.span.end)
        && num.min % 10.0 == 0.0;
    if v.decade {
        if (1800.0..=2100.0).contains(&num.min) {
            return Err(Rejection::Year);
        }
        v.interval.max = num.min + 9.0;
        v.end += 1;
    }
    let between = range(cx, num, &mut v);
    percent_or_currency(cx, &mut v);
    qualifier(cx, &mut v, between)?;
    Ok(v)
}

/// Ranges: "20-30", "20 to 30", "between 20 and 30". True after "between".
fn range(cx: &Cx, num: &Number, v: &mut Value) -> bool {
    let next = cx.tok(num.end);
    let after_between = num.start >= 1 && cx.tok(num.start - 1).is_some_and(|p| p.is("between"));
    if next.is_some_and(|n| n.is_punct('-') || n.is_punct('–') || n.is("to")) {
        let mut k = num.end + 1;
        if cx
            .tok(k)
            .is_some_and(|t| t.is_punct('$') || t.is_punct('€'))
        {
            k += 1;
        }
        if let Some(r) =
            number::read(cx.toks, k).filter(|r| r.digits == num.digits && r.max >= num.min)
        {
            v.interval.max = r.max;
            v.end = r.end;
            return after_between;
        }
    }
    if after_between && next.is_some_and(|n| n.is("and")) {
        if let Some(r) = number::read(cx.toks, num.end + 1) {
            v.interval.max = r.max;
            v.end = r.end;
            return true;
        }
    }
    false
}

/// Percent after: "12%", "3 per cent", "12 percent"; else a currency word: "5 million euros"
/// ("pounds" only where the sentence speaks of money).
fn percent_or_currency(cx: &Cx, v: &mut Value) {
    if let Some(n) = cx.tok(v.end) {
        if n.is_punct('%') || n.is("percent") || n.is("pct") {
            v.percent = true;
            v.end += 1;
        } else if n.is("per") && cx.word(v.end + 1).is_some_and(|c| c.is("cent")) {
            v.percent = true;
            v.end += 2;
        }
    }
    if !v.percent && !v.money {
        if let Some(at) = currency_after(cx, v.end) {
            v.money = true;
            v.end = at + 1;
        }
    }
}

/// The index of the currency word that names the money of a number ending at `k`: right
/// after it ("5 million euros"), or after a country's capitalised name or initialism
/// ("50 mln Tessalian dollars", "20 mln Q.R. dollars"). An ambiguous word ("pounds") only where the
/// sentence speaks of money.
pub(super) fn currency_after(cx: &Cx, k: usize) -> Option<usize> {
    let money_sentence = || cx.toks.iter().any(|t| in_set(t, &MONEY_CONTEXT));
    for at in k..=k + CURRENCY_QUALIFIER_TOKENS {
        let t = cx.tok(at)?;
        if in_set(t, &CURRENCY_SET) {
            return (!in_set(t, &AMBIGUOUS_CURRENCIES) || money_sentence()).then_some(at);
        }
        let qualifier = if t.is_punct('.') {
            // an initialism's point, glued to its one- or two-letter capital
            at > k
                && cx
                    .tok(at - 1)
                    .is_some_and(|p| p.span.end == t.span.start && p.text.len() <= 2)
        } else {
            t.kind == TokKind::Word && t.is_capitalized()
        };
        if !qualifier {
            return None;
        }
    }
    None
}

/// The qualifier before the value ("at least", "more than"), which bounds the interval.
fn qualifier(cx: &Cx, v: &mut Value, between: bool) -> Result<(), Rejection> {
    if between {
        v.qualifier = Some("between".to_string());
        v.start -= 1;
        return Ok(());
    }
    let qstart = v.start;
    for (words, q) in qualifiers() {
        let n = words.len();
        if qstart < n {
            continue;
        }
        let at = qstart - n;
        let matches = words
            .iter()
            .enumerate()
            .all(|(k, w)| cx.tok(at + k).is_some_and(|t| t.is(w)));
        if matches {
            v.interval = apply(*q, v.interval);
            v.qualifier = Some(cx.slice(at, qstart)?);
            v.start = at;
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::judge;
    use crate::figures::Interval;

    fn value(sentence: &str, number: &str) -> (Interval, Option<String>) {
        let c = judge(&format!(" date 2022-05-10 {sentence}"), number).expect("a figure");
        (c.value, c.qualifier)
    }

    #[test]
    fn ranges_and_between() {
        let (v, q) = value("Between 20 and 30 homes burned.", "20");
        assert_eq!((v.min, v.max), (20.0, 30.0));
        assert_eq!(q.as_deref(), Some("between"));
        let (v, _) = value("Crews saved 20 to 30 homes.", "20");
        assert_eq!((v.min, v.max), (20.0, 30.0));
    }

    #[test]
    fn qualifiers_bound_the_value() {
        let (v, q) = value("At least 40 homes burned.", "40");
        assert_eq!(q.as_deref(), Some("At least"));
        assert!(v.max.is_infinite());
        let (v, _) = value("Fewer than 20 homes burned.", "20");
        assert!(v.max_exclusive);
        assert_eq!(v.min, 0.0);
    }

    #[test]
    fn decades_of_values_and_of_years() {
        let (v, _) = value("Temperatures stayed in the 40s for days.", "40");
        assert_eq!((v.min, v.max), (40.0, 49.0));
        assert_eq!(
            super::super::test_support::why_not("Music of the 1980s played.", "1980"),
            Some(super::Rejection::Year)
        );
    }

    #[test]
    fn wire_scales_and_currencies_over_a_country_name_make_money() {
        use super::super::test_support::measure_of;
        use crate::figures::Measure;
        for (text, num) in [
            (
                "Velmar Corp said it paid 30 mln dollars for the plant.",
                "30",
            ),
            (
                "The bank said it lent 50 mln Q.R. dollars to the council.",
                "50",
            ),
            (
                "Ondrej Halvik said the fund raised 25 bln Tessalian pounds.",
                "25",
            ),
        ] {
            assert_eq!(measure_of(text, num), Measure::Money, "{text}");
        }
        let (v, _) = value(
            "Velmar Corp said it paid 30 mln dollars for the plant.",
            "30",
        );
        assert_eq!(v.min, 30e6);
        // a capitalised word that leads to no currency is no currency's qualifier
        assert_ne!(
            measure_of("The fund holds 30 mln Velmar shares.", "30"),
            Measure::Money
        );
        assert_ne!(
            measure_of("The fish weighed 30 Tessalian pounds.", "30"),
            Measure::Money
        );
    }

    #[test]
    fn pounds_are_money_only_beside_money_words() {
        use super::super::test_support::measure_of;
        use crate::figures::Measure;
        assert_eq!(
            measure_of("The repair cost 300 pounds in all.", "300"),
            Measure::Money
        );
        assert_ne!(
            measure_of("The fish weighed 300 pounds in all.", "300"),
            Measure::Money
        );
    }
}

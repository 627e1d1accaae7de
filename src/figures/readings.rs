//! Readings of a figure that the cross-source comparison needs, made once by the figures
//! stage: is it a change ("40 more"), a projection ("could surpass 20,000"), above its
//! number ("the toll passed 20,000"); the speed unit it is written in; the year it is tied to.

use super::Claim;
use crate::text::Span;
use std::borrow::Cow;

crate::word_set!(
    /// Fear as a verb before a projected count.
    FEAR_WORDS = file "fear-words.txt"
);
crate::word_set!(
    /// Words after a fear word that make it a verb with a clause.
    FEAR_FOLLOWERS = file "fear-followers.txt"
);
crate::word_set!(
    /// Words between a growth verb and its figure ("rise to").
    GROWTH_PARTICLES = file "growth-particles.txt"
);
crate::word_set!(
    /// Verbs of growth of a projection.
    GROWTH_VERBS = file "growth-verbs.txt"
);
crate::word_set!(
    /// Modals and expectations before a growth verb.
    EXPECTATION_WORDS = file "expectation-words.txt"
);
crate::word_set!(
    /// Verbs that say a count is above its figure.
    PASSING_VERBS = file "passing-verbs.txt"
);
crate::word_set!(
    /// Words after a figure that make it a change.
    INCREMENT_WORDS = file "increment-words.txt"
);
crate::word_set!(
    /// Words before "past" that make it time.
    PAST_TIME_LEADS = file "past-time-leads.txt"
);

/// What the figures stage reads around a figure for the comparison of sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Readings {
    /// A change, not a total: "40 more", "16 new", "an additional 12" (not "another" count of
    /// another measure: "the toll stood at 86, with another 43 missing").
    pub increment: bool,
    /// A projection, not a count: "could surpass 20,000", "is expected to rise to 100".
    pub projected: bool,
    /// The count is above the figure: "the toll passed 20,000".
    pub passed: bool,
    /// The speed unit of a distance per hour: "mph" for "150 miles per hour".
    pub speed_unit: Option<String>,
    /// The year its sentence names nearest to it ("killed in a 2018 fire").
    pub year: Option<i32>,
}

/// Fills the readings of `claims[from..]`, the claims of the sentence `sentence`.
pub(super) fn read(text: &str, sentence: Span, claims: &mut [Claim], from: usize) {
    for i in from..claims.len() {
        let Some(c) = claims.get(i) else { continue };
        // one list of the words before the figure for both readings that look back
        // (`cargo bench --bench throughput`: reading them twice was 1 % of it)
        let before = words_before(text, sentence, c.span, 8);
        let r = Readings {
            increment: is_increment(text, c.span) && !another_kind(text, claims, c),
            projected: is_projected(&before),
            passed: passed_before(&before),
            speed_unit: speed_unit(text, c.span, c.noun.as_deref()),
            year: figure_year(text, sentence, c.span),
        };
        if let Some(c) = claims.get_mut(i) {
            c.readings = r;
        }
    }
}

/// True for "40 more", "16 new", "an additional 12": a change, not a total.
fn is_increment(text: &str, span: Span) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    // the letters right after the figure, borrowed, not collected (throughput bench)
    let rest = after.trim_start();
    let next = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest, |(i, _)| &rest[..i]);
    let inside = span.slice(text);
    // "2,418 in Paraguay and another 655 in Uruguay" counts another place, not more dead
    let elsewhere = after.starts_with(" in ")
        && after
            .get(4..)
            .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
    INCREMENT_WORDS.contains(next)
        || lower_ends_with(inside, " more")
        || lower_ends_with(inside, " new")
        || (!elsewhere
            && text
                .get(span.start.saturating_sub(12)..span.start)
                .is_some_and(|b| lower_contains(b, "additional") || lower_contains(b, "another")))
}

/// `s.to_lowercase().contains(needle)` for a lowercase ASCII `needle`, without the copy when
/// `s` is ASCII (throughput bench).
fn lower_contains(s: &str, needle: &str) -> bool {
    if !s.is_ascii() {
        return s.to_lowercase().contains(needle);
    }
    crate::text::contains_ignoring_case(s, needle)
}

/// `s.to_lowercase().ends_with(suffix)` for a lowercase ASCII `suffix`, without the copy when
/// `s` is ASCII (throughput bench).
fn lower_ends_with(s: &str, suffix: &str) -> bool {
    if !s.is_ascii() {
        return s.to_lowercase().ends_with(suffix);
    }
    let (b, n) = (s.as_bytes(), suffix.as_bytes());
    b.len() >= n.len() && b[b.len() - n.len()..].eq_ignore_ascii_case(n)
}

/// "150 miles per hour", "240 kilometres an hour": a speed, written as its unit ("mph",
/// "km/h"), when the figures stage took only the distance for the noun.
fn speed_unit(text: &str, figure: Span, noun: Option<&str>) -> Option<String> {
    let noun = noun?;
    let rest = text.get(figure.end..)?.trim_start();
    let starts = |p: &str| {
        rest.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    if !(starts("per hour") || starts("an hour") || starts("/h")) {
        return None;
    }
    // lowercased only after the cheap test above rejected most figures
    let n = noun.to_lowercase();
    crate::lexicon::entries(crate::word_data!("speed-units.tsv")).find_map(|e| {
        let mut c = crate::lexicon::columns(e);
        (c.next()? == n).then(|| c.next().map(str::to_string))?
    })
}

/// The words of `sentence` before `figure` in its clause, lowercase, nearest first, at most `n`.
// Not `text::word_before` nor tokens: its unit is a whitespace word with digits and inner marks.
// Borrowed when already lowercase: a `String` per word was 1 % of the throughput bench.
fn words_before(text: &str, sentence: Span, figure: Span, n: usize) -> Vec<Cow<'_, str>> {
    let before = text.get(sentence.start..figure.start).unwrap_or("");
    let clause = before
        .rsplit([',', ';', ':', '(', '—', '–'])
        .next()
        .unwrap_or(before);
    clause
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            // the same for ASCII, without the Unicode case tables (throughput bench)
            if w.is_ascii() {
                if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(w.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(w)
                }
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
        .collect()
}

/// True when the verb right before the figure says the count is above it: "the toll passed
/// 20,000", "has topped 1,000", "now past 7,200" (not "the past 24 hours"); `w` is
/// [`words_before`] the figure.
fn passed_before(w: &[Cow<str>]) -> bool {
    match w.first().map(|x| x.as_ref()) {
        Some("past") => !w.get(1).is_some_and(|x| PAST_TIME_LEADS.contains(x)),
        Some(x) => PASSING_VERBS.contains(x),
        None => false,
    }
}

/// True when the figure is a projection, not a count: a verb of growth in its base form,
/// after a modal or an expectation, right before it ("could surpass 20,000", "is expected to
/// rise to 100", "may reach 5,000"), or a fear ("we fear the deaths are in the hundreds");
/// `w` is [`words_before`] the figure, at most 8.
fn is_projected(w: &[Cow<str>]) -> bool {
    // "we fear that the deaths are in the hundreds", "officials fear the toll will reach …"
    // (not "fears grew as the toll rose to 7,200")
    let fear = w
        .iter()
        .enumerate()
        .any(|(i, x)| FEAR_WORDS.contains(x) && i > 0 && FEAR_FOLLOWERS.contains(&w[i - 1]));
    if fear {
        return true;
    }
    let grow = |x: &Cow<str>| GROWTH_VERBS.contains(x);
    // the growth verb right before the figure ("surpass 20,000", "rise to 9,000")
    let verb = match w.first().map(|x| x.as_ref()) {
        Some(_) if w.first().is_some_and(grow) => Some(0),
        Some(x) if GROWTH_PARTICLES.contains(x) && w.get(1).is_some_and(grow) => Some(1),
        _ => None,
    };
    // a modal or an expectation just before the verb ("could", "is expected to", "set to")
    verb.is_some_and(|i| {
        (i + 1..(i + 5).min(w.len())).any(|k| {
            let m = w[k].as_ref();
            EXPECTATION_WORDS.contains(m) && (m != "set" || w[k - 1] == "to")
        })
    })
}

/// "The toll stood at 86, with another 43 people still missing": "another" after a figure of
/// another measure in the sentence adds a different count, not more of the same.
fn another_kind(text: &str, claims: &[Claim], c: &Claim) -> bool {
    let mut from = c.span.start.saturating_sub(12);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let another = text
        .get(from..c.span.start)
        .is_some_and(|b| lower_contains(b, "another"));
    another
        && claims
            .iter()
            .rfind(|x| x.sentence == c.sentence && x.span.end <= c.span.start)
            .is_some_and(|x| x.measure != c.measure)
}

/// The year a figure's sentence names nearest to it ("the 85 people killed in a 2018 fire"):
/// a standalone four-digit number from 1900 to 2100, not after "since" (a span to today).
fn figure_year(text: &str, sentence: Span, figure: Span) -> Option<i32> {
    let s = text.get(sentence.start..sentence.end)?;
    let b = s.as_bytes();
    let mut best: Option<(usize, i32)> = None;
    let mut i = 0;
    while i + 4 <= b.len() {
        let is_year = b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0
                || !(b[i - 1].is_ascii_alphanumeric()
                    || matches!(b[i - 1], b',' | b'.' | b'$' | b'-')))
            && b.get(i + 4).is_none_or(|c| {
                !(c.is_ascii_alphanumeric()
                    || *c == b'%'
                    || (*c == b',' && b.get(i + 5).is_some_and(u8::is_ascii_digit)))
                    // "the 1990s"
                    || (*c == b's' && b.get(i + 5).is_none_or(|d| !d.is_ascii_alphanumeric()))
            });
        if !is_year {
            i += 1;
            continue;
        }
        let at = sentence.start + i;
        let y: i32 = s.get(i..i + 4).and_then(|d| d.parse().ok()).unwrap_or(0);
        let since = s
            .get(..i)
            .is_some_and(|p| p.trim_end().to_ascii_lowercase().ends_with("since"));
        let inside = at >= figure.start && at < figure.end;
        if (1900..=2100).contains(&y) && !since && !inside {
            let d = if at >= figure.end {
                at - figure.end
            } else {
                figure.start.saturating_sub(at + 4)
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, y));
            }
        }
        i += 4;
    }
    best.map(|(_, y)| y)
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;

    fn readings(sentence: &str, figure: &str) -> super::Readings {
        let t = format!(" date 2022-05-10 {sentence}");
        let a = Analysis::new(&t);
        a.claims
            .iter()
            .find(|c| c.span.slice(&t).contains(figure))
            .map(|c| c.readings.clone())
            .unwrap_or_else(|| panic!("no figure {figure} in {sentence}: {:#?}", a.claims))
    }

    #[test]
    fn increments_and_another_count() {
        assert!(readings("Officials said 40 more died.", "40").increment);
        assert!(!readings("Crews found 12 bodies.", "12").increment);
        assert!(
            !readings(
                "The toll stood at 86, with another 43 people still missing.",
                "43"
            )
            .increment
        );
    }

    #[test]
    fn projections_and_passing() {
        assert!(
            readings(
                "The toll could surpass 2,000 people, officials fear.",
                "2,000"
            )
            .projected
        );
        assert!(readings("The toll passed 2,000 people on Monday.", "2,000").passed);
        assert!(!readings("Over the past 24 hours 30 people died.", "30").passed);
    }

    #[test]
    fn speed_and_year() {
        assert_eq!(
            readings("Winds reached 150 miles per hour.", "150")
                .speed_unit
                .as_deref(),
            Some("mph")
        );
        assert_eq!(
            readings("A fire in 2018 killed 85 people.", "85").year,
            Some(2018)
        );
    }
}

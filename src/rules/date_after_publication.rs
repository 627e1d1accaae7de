//! `date-after-publication`: an event told in the past tense but dated after publication.

use super::{finding, Context, Finding, Related, RuleInfo, Severity};
use crate::analysis::Analysis;
use crate::lexicon::sets::{
    ARTICLES, AUXILIARIES, BE_FORMS, MODAL_WORDS, PARTS_OF_DAY, POSSESSIVES, PREPOSITIONS,
    RELATIVE_PRONOUNS,
};
use crate::text::Tok;
use crate::time::{Kind, Raw, Resolution, Temporal, Tense};
use chrono::{Datelike, NaiveDate};

/// Rule documentation.
pub const INFO: RuleInfo = RuleInfo {
    id: "date-after-publication",
    default_severity: Severity::Warning,
    summary: "An event is told in the past tense but dated after the publication date.",
    description: "\"The bridge reopened on October 12, 2020\" in an article dated 2020-10-08 cannot be right: either the date or the tense is wrong. Dates that pin a day (a year, or a weekday written with the date) are checked; so is a year-less day in digits that, read in the year of publication, falls 2 to 31 days after it and hangs on a done verb (\"the board met on March 14\" in a story of March 3, with no future word, plan or occasion before the day); other year-less dates are read in the tense of their clause. When many dates are long after the dateline, `date-dateline-mismatch` reports the dateline instead.",
    example_before: " date 2020-10-08 The bridge reopened on October 12, 2020.",
    example_after: " date 2020-10-08 The bridge will reopen on October 12, 2020.",
};

/// Reports past-tense dates after publication.
pub fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let a = ctx.analysis;
    let Some(p) = ctx.trusted_published() else {
        return;
    };
    // the page's own publication lines and gallery, found once when a candidate needs them
    let furniture = Furniture::default();
    let mut hits: Vec<(&Temporal, Finding)> = Vec::new();
    for t in &a.dates {
        let Some((first, yearless)) = told_done_after(a, t, p) else {
            continue;
        };
        if furniture.holds(a, t) {
            continue;
        }
        hits.push((t, after_publication(ctx.text(), t, p, first, yearless)));
    }
    if super::evidence::later_dates_corroborated(hits.iter().map(|h| h.0)) {
        out.extend(hits.into_iter().map(|h| h.1));
    }
}

/// The first day of `t` when it is an event told as done after publication `p`, with
/// whether that day is a year-less one read in the year of publication.
fn told_done_after(
    a: &Analysis,
    t: &Temporal,
    p: &crate::article::Published,
) -> Option<(NaiveDate, bool)> {
    let text = a.text.as_str();
    // a year-less day that closes its sentence after "on" with no tense near it takes the
    // tense of the verb far before it (`far_past_day`)
    let far = t.tense == Tense::Present && far_past_day(a, t);
    // a day that dates a noun ("the March 13 letter") was read as a fixed day, maybe ahead
    // (`time::attributive_tense`); `day_of_a_done_verb` asks what the sentence tells of it
    let far = far || (t.tense != Tense::Past && dates_a_noun(a, t));
    if !(t.tense == Tense::Past || far)
        || !matches!(t.kind, Kind::Date | Kind::Month | Kind::Year | Kind::Span)
    {
        return None;
    }
    let pinned = matches!(
        t.raw,
        Raw::Date { y: Some(_), .. } | Raw::Month { y: Some(_), .. } | Raw::Year(_)
    );
    // a year-less day told as past a few days after publication (see `yearless_day_after`)
    let yearless = if pinned {
        None
    } else if t.kind == Kind::Span {
        yearless_range_after(a, t, p)
    } else {
        yearless_day_after(a, t, p, far)
    };
    // "the 2030 target" is what a plan is about, not when the clause happened; "bonds due
    // May 1, 2031" a term set in advance; "approved for 2021" the year a plan is for
    if !(pinned || yearless.is_some())
        || crate::time::modifier_year(text, t)
        || super::evidence::after_term_word(text, t.span.start)
        || super::evidence::year_for(text, t)
    {
        return None;
    }
    let first = yearless.or_else(|| t.value.first_day())?;
    // a year a verbless phrase describes ("Lee, up for a vote in 2030, said"), looked for
    // only after publication (it reads the words around the year)
    if first <= p.latest()
        || super::evidence::described_year(a, t)
        || super::evidence::opening_modifier_year(a, t)
        || super::evidence::second_end_of_range(a, t)
        || super::evidence::not_told_as_done(a, t)
        // a year the text also tells as coming: an outlook ("the 2031 timeline would …")
        || super::evidence::year_told_ahead(a, t)
    {
        return None;
    }
    // "… in 1988 were cut, and in 1989 to 700 mln": told as the date beside it is
    if super::evidence::gapped_parallel(a, t).is_some_and(|x| {
        x.tense != Tense::Past
            || super::evidence::after_term_word(text, x.span.start)
            || super::evidence::not_told_as_done(a, x)
    }) {
        return None;
    }
    // a day and month that may trade places ("05-04-2015") prove nothing when the other
    // reading is no later than publication
    if super::evidence::swapped_reading(text, t).is_some_and(|d| d <= p.latest()) {
        return None;
    }
    Some((first, yearless.is_some()))
}

/// The page's own furniture, read once per article when a candidate needs it.
#[derive(Default)]
struct Furniture {
    stamps: std::cell::OnceCell<Vec<super::evidence::PublicationLine>>,
    gallery: std::cell::OnceCell<Option<usize>>,
}

impl Furniture {
    /// True when `t` is the page's furniture rather than an event: "(Published Wednesday, May
    /// 3)" a day after the header is the page's own stamp (when it disagrees more,
    /// `date-dateline-mismatch` says so); an embedded post's stamp tells when it was posted; a
    /// gallery's caption under the story may be updated long after it.
    fn holds(&self, a: &Analysis, t: &Temporal) -> bool {
        let text = a.text.as_str();
        self.stamps
            .get_or_init(|| super::evidence::publication_lines(a))
            .iter()
            .any(|l| l.span == t.span)
            || super::evidence::post_stamp(text, t.span.start)
            || self
                .gallery
                .get_or_init(|| super::evidence::gallery_start(text))
                .is_some_and(|g| t.span.start >= g)
    }
}

/// The finding for `t`, first day `first`, told as done after publication `p`.
fn after_publication(
    text: &str,
    t: &Temporal,
    p: &crate::article::Published,
    first: NaiveDate,
    yearless: bool,
) -> Finding {
    let year_note = if yearless {
        format!(
            " (in the year of publication, {}: a year earlier would want its year written)",
            first.year()
        )
    } else {
        String::new()
    };
    let mut f = finding(
        &INFO,
        t.span,
        format!(
            "'{}' is told in the past tense but is after the publication date ({}){year_note}. Check the date, or the tense.",
            t.span.slice(text),
            p.display()
        ),
    );
    f.related.push(Related {
        path: None,
        span: p.span,
        line_col: None,
        message: "the publication date".to_string(),
    });
    f
}

/// True for a day whose year "this year" right after it names ("expired on June 29 this
/// year"): the year of publication, written.
fn in_this_year(text: &str, t: &Temporal) -> bool {
    t.resolution == Resolution::Relative
        && t.span
            .slice(text)
            .to_ascii_lowercase()
            .ends_with(" this year")
}

/// True for a day whose year "last year" (or "of last year") right after it names ("a high on
/// May 9 of last year"): the year before publication, written in words.
fn of_last_year(text: &str, t: &Temporal) -> bool {
    let after: String = text
        .get(t.span.end..)
        .unwrap_or("")
        .chars()
        .take(20)
        .collect();
    let after = after.to_ascii_lowercase();
    let after = after.trim_start();
    let after = after.strip_prefix("of ").unwrap_or(after);
    after.starts_with("last year")
}

/// How many days after publication a year-less day told as past is still read in the year of
/// publication: within a month, the same day a year back is too far off to go without its year.
const YEARLESS_DAYS: i64 = 31;
/// The fewest days after publication a year-less day must lie: a header a day early (a story
/// filed before midnight and stamped then) is no error of the text.
const YEARLESS_MIN_DAYS: i64 = 2;

crate::word_set!(
    /// Words that give a later "on <day>" to a thing still to come ("for the election on July 16").
    COMING_DAY_LEADS = file "coming-day-leads.txt"
);
crate::word_set!(
    /// Nouns of an occasion a day right after them dates ("set a hearing on April 8").
    OCCASION_DAY_NOUNS = file "occasion-day-nouns.txt"
);

/// The day a year-less "March 13" names in the year of publication, when the clause tells it as
/// past (so it was resolved a year back) but that day is one to `YEARLESS_DAYS` days after
/// publication: an event told as done on a day still to come ("The bridge reopened on March 13"
/// in a story of March 3), or with "this year" after it ([`in_this_year`]). A weekday written
/// with it is left to `date-weekday-mismatch`.
fn yearless_day_after(
    a: &Analysis,
    t: &Temporal,
    p: &crate::article::Published,
    far: bool,
) -> Option<NaiveDate> {
    let Raw::Date {
        y: None,
        m,
        d,
        wd: None,
    } = t.raw
    else {
        return None;
    };
    if t.kind != Kind::Date
        || !(far || t.resolution == Resolution::Past || in_this_year(&a.text, t))
        || p.precision != crate::article::Precision::Day
        || of_last_year(&a.text, t)
    {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(p.date.year(), m, d)?;
    let after = (day - p.latest()).num_days();
    if !(YEARLESS_MIN_DAYS..=YEARLESS_DAYS).contains(&after) {
        return None;
    }
    // a chronology's entry, a day of another year, gives its year to the days after it (a
    // year or a month named before is no entry: "the results for 2009 given on March 13");
    // looked for only for a day in range, as it reads the paragraph's dates
    let entry_year = super::evidence::last_dated_entry(a, t)
        .filter(|x| x.kind == Kind::Date)
        .and_then(|x| x.value.first_day())
        .map(|d| d.year());
    // "the biggest drop since the week that ended Feb 6": a record's start lies before the story
    (entry_year.is_none_or(|y| y == p.date.year())
        && !crate::time::timex::record_since(&a.text, t.span.start)
        && !in_agenda(a, t, p)
        && day_of_a_done_verb(a, t))
    .then_some(day)
}

/// True when the day `t` heads an entry of a list ("October 15 - Rally in Velmar") whose entry
/// right before it in the paragraph is headed by a day after publication `p`: an agenda of
/// coming days, whose entries name events by nouns and participles ("a rally organized by the
/// unions") and tell no done act.
fn in_agenda(a: &Analysis, t: &Temporal, p: &crate::article::Published) -> bool {
    let text = a.text.as_str();
    if !heads_entry(text, t) {
        return false;
    }
    let para = |s: Option<usize>| {
        s.and_then(|i| a.article.sentences.get(i))
            .map(|x| x.paragraph)
    };
    let here = para(t.sentence);
    let ahead = |x: &Temporal| match x.raw {
        Raw::Date { y: None, m, d, .. } => {
            NaiveDate::from_ymd_opt(p.date.year(), m, d).is_some_and(|d| d > p.latest())
        }
        _ => x.value.first_day().is_some_and(|d| d > p.latest()),
    };
    a.dates
        .iter()
        .rfind(|x| x.span.end <= t.span.start && para(x.sentence) == here && heads_entry(text, x))
        .is_some_and(ahead)
}

/// True when the date `t` opens a sentence or a line and a dash follows it ("October 15 -
/// Rally", "July 9, 2009 - The board quit"): the heading of a list's entry.
fn heads_entry(text: &str, t: &Temporal) -> bool {
    let after = text.get(t.span.end..).unwrap_or("").trim_start_matches(' ');
    let before = text.get(..t.span.start).unwrap_or("").trim_end_matches(' ');
    after.starts_with(['-', '\u{2013}', '\u{2014}'])
        && (before.is_empty() || before.ends_with(['.', ':', '\n', ')']))
}

/// The day in the year of publication that a year-less "between <day> and <day>" (or "<day> to
/// <day>", "<day>-<day>") told as past ends on, when it ends 2 to `YEARLESS_DAYS` days after
/// publication but starts no later than publication: shares "bought between March 2 and March
/// 15" in a story of March 5 were partly bought after it. The range must hang on a done verb
/// as a day does after "on" (`day_of_a_done_verb`).
fn yearless_range_after(
    a: &Analysis,
    t: &Temporal,
    p: &crate::article::Published,
) -> Option<NaiveDate> {
    let Raw::Range(from, to) = &t.raw else {
        return None;
    };
    let (
        Raw::Date {
            y: None,
            m: m0,
            d: d0,
            wd: None,
        },
        Raw::Date {
            y: None,
            m,
            d,
            wd: None,
        },
    ) = (from.as_ref(), to.as_ref())
    else {
        return None;
    };
    if t.resolution != Resolution::Past || p.precision != crate::article::Precision::Day {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(p.date.year(), *m, *d)?;
    // the first day lies in the year of the last, or the year before ("Sept 9 to March 19")
    let year = if m0 > m { day.year() - 1 } else { day.year() };
    let first = NaiveDate::from_ymd_opt(year, *m0, *d0)?;
    let after = (day - p.latest()).num_days();
    ((YEARLESS_MIN_DAYS..=YEARLESS_DAYS).contains(&after)
        && first <= p.date
        && first < day
        && day_of_a_done_verb(a, t))
    .then_some(day)
}

/// True when the year-less day `t` ("March 13", no weekday), read in the present for want of
/// a tense near it, closes its sentence right after "on" and the nearest verb far before it
/// is past (`tense::clause_tense` with the far reach a date with its year gets): "Velmar said
/// it sold its whole stake in the Tessaly mill to a local group for 4 dlrs a share on March
/// 13" tells a done sale however long the object between.
fn far_past_day(a: &Analysis, t: &Temporal) -> bool {
    if !year_less_day(t) {
        return false;
    }
    super::evidence::in_sentence_tokens(a, t, |toks, start, end| {
        let on = start
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|w| w.is("on"));
        let markers = crate::time::tense::Markers::new(toks);
        on && crate::time::tense::clause_tense(toks, &markers, start, end, true) == Tense::Past
    })
}

/// How many words before a year-less day a past verb is looked for.
const DONE_VERB_REACH: usize = 12;

crate::word_set!(
    /// Nouns of a stretch of time ("year", "quarter"): a past form after one ("the year ended
    /// March 31") names the stretch's edge, no event.
    PERIOD_NOUNS = file "period-nouns.txt"
);
crate::word_set!(
    /// Past verbs whose "to" leads a done act or a place ("failed to agree", "came to light").
    TO_DONE_VERBS = file "to-done-verbs.txt"
);
crate::word_set!(
    /// Conjunctions after a day that leave it the day of the verb before it ("expired March 13
    /// and").
    DAY_FOLLOWERS = file "day-followers.txt"
);
crate::word_set!(
    /// Particles that close a phrasal verb before its day ("was gunned down March 13").
    VERB_PARTICLES = file "verb-particles.txt"
);
crate::word_set!(
    /// Past verbs of a start or an end whose "-ing" form after them is a done act ("started
    /// tendering").
    ASPECT_VERBS = file "aspect-verbs.txt"
);
crate::word_set!(
    /// Past participles of a charge whose "of", "with" or "for" leads a done act ("convicted of
    /// hijacking").
    CHARGE_VERBS = file "charge-verbs.txt"
);

/// What stands right before a year-less day in its clause.
enum Lead {
    /// Nothing: the day opens its sentence.
    Opens,
    /// "on" (or "on the morning of", or "at") at this token: the verb is looked for before it.
    On(usize),
    /// A past verb right before the day ("the plant closed March 13", "expired at midnight
    /// March 13", "was gunned down March 13"), at this token.
    Verb(usize),
    /// The past verb right after the noun phrase the day dates, which is its subject ("the
    /// March 13 letter said"): the phrase's first token and the verb's, in the sentence.
    Subject(usize, usize),
}

/// The lead of a day whose sentence's tokens before it are `toks` ([`Lead`]); None when the
/// day hangs on something else (a noun, another preposition).
fn lead(toks: &[Tok]) -> Option<Lead> {
    let at = |k: usize| toks.get(k);
    let Some(mut k) = toks.len().checked_sub(1) else {
        return Some(Lead::Opens);
    };
    // "owned 19 pct of the stock at March 13" dates a state as "on" does an act
    if at(k).is_some_and(|w| w.is("on") || w.is("at")) {
        return Some(Lead::On(k));
    }
    // "on the morning of March 13"
    if k >= 3
        && at(k).is_some_and(|w| w.is("of"))
        && at(k - 1).is_some_and(|w| PARTS_OF_DAY.has(w))
        && at(k - 2).is_some_and(|w| w.is("the"))
        && at(k - 3).is_some_and(|w| w.is("on"))
    {
        return Some(Lead::On(k - 3));
    }
    // "closed late March 13", "expired at midnight (EST) March 13"
    if at(k).is_some_and(|w| w.is("late") || w.is("early")) {
        k = k.checked_sub(1)?;
    } else {
        if at(k).is_some_and(|w| {
            w.text.len() <= 4 && w.text.len() >= 2 && w.text.bytes().all(|b| b.is_ascii_uppercase())
        }) && k >= 1
            && at(k - 1).is_some_and(|w| w.is("midnight"))
        {
            k -= 1;
        }
        if k >= 2
            && at(k).is_some_and(|w| w.is("midnight"))
            && at(k - 1).is_some_and(|w| w.is("at"))
        {
            k -= 2;
        }
    }
    // "was gunned down March 13": the particle closes the verb before it
    if at(k).is_some_and(|w| VERB_PARTICLES.has(w))
        && k >= 1
        && crate::time::tense::past_verb_at(toks, k - 1)
    {
        return Some(Lead::Verb(k - 1));
    }
    crate::time::tense::past_verb_at(toks, k).then_some(Lead::Verb(k))
}

/// True when the word right after a day is one a day that dates a noun is followed by: a
/// lowercase word that is no preposition, conjunction or relative pronoun ("the revised March
/// 13 deadline", "showed March 13 stocks"), or "as", after which the day is the verb's object
/// named as something ("set March 13 as the record date"), not its time.
fn noun_follows(text: &str, end: usize) -> bool {
    let (_, next) = crate::text::word_after(text, end, crate::text::Gap::Spaces);
    !next.is_empty()
        && next.bytes().all(|b| b.is_ascii_lowercase())
        && !PREPOSITIONS.contains(next)
        && !RELATIVE_PRONOUNS.contains(next)
        && !DAY_FOLLOWERS.contains(next)
}

/// The token of the determiner before a year-less day written with its month's name (at token
/// `day` of the sentence `toks`, ending at byte `end`) that dates the noun after it (`tense::dated_noun_phrase`), with a noun
/// after it as [`noun_follows`] reads one.
fn noun_dated_by(toks: &[Tok], day: usize, text: &str, end: usize) -> Option<usize> {
    // a day in digits alone ("the 9/11 attacks") is as often a name as a date
    if toks
        .get(day)
        .is_none_or(|t| crate::time::lexicon::month(t.text).is_none())
    {
        return None;
    }
    let det = crate::time::tense::dated_noun_determiner(toks, day)?;
    noun_follows(text, end).then_some(det)
}

/// True for a day written with its month and without its year or weekday ("March 13").
fn year_less_day(t: &Temporal) -> bool {
    matches!(
        t.raw,
        Raw::Date {
            y: None,
            wd: None,
            ..
        }
    ) && t.kind == Kind::Date
}

/// True when the year-less day `t` dates the noun after it (`noun_dated_by`).
fn dates_a_noun(a: &Analysis, t: &Temporal) -> bool {
    if !year_less_day(t) {
        return false;
    }
    super::evidence::in_sentence_tokens(a, t, |toks, start, _| {
        noun_dated_by(toks, start, &a.text, t.span.end).is_some()
    })
}

crate::word_set!(
    /// Prepositions that set a done act inside the thing a day dates ("rose in the March 8
    /// week").
    INSIDE_DATED_PREPOSITIONS = file "inside-dated-prepositions.txt"
);

/// What the sentence `toks` tells of the noun phrase a year-less day dates (the day ending
/// before token `after`): the subject of the past verb right after its words ([`Lead::Subject`]:
/// "the March 13 letter said", "a March 13 storm cost"; `tense::dated_noun_phrase`); or the
/// object of a preposition that sets a done act inside it ([`Lead::On`] at the preposition:
/// "rose in the March 13 week", "died during the March 13 storm"). None for the noun of an
/// occasion or a plan ("the March 13 deadline", "its March 13 proposal"), which may lie ahead of
/// any verb.
fn dated_noun_lead(toks: &[Tok], day: usize, after: usize) -> Option<Lead> {
    let phrase = crate::time::tense::dated_noun_phrase(toks, day, after)?;
    if toks.get(phrase.words.clone()).is_some_and(|ws| {
        ws.iter()
            .any(|w| OCCASION_DAY_NOUNS.has(w) || crate::lexicon::sets::AIM_NOUNS.has(w))
    }) {
        return None;
    }
    let det = phrase.det;
    if det
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|w| INSIDE_DATED_PREPOSITIONS.has(w))
    {
        return Some(Lead::On(det - 1));
    }
    phrase.verb.map(|v| Lead::Subject(det, v))
}

/// True when the past verb at token `v` of the sentence `toks`, whose subject is the noun
/// phrase a day dates (from token `det` on), tells a done act of it: no change of schedule or
/// plan ("the March 13 vote was postponed", "set for", "called by"), no modal or future word
/// from the phrase on (a quotation the phrase reports may hold its own) and no infinitive
/// before the verb.
fn subject_of_done_verb(toks: &[Tok], det: usize, v: usize) -> bool {
    let Some(w) = toks.get(v) else { return false };
    // a passive ("the March 13 vote was called off") may tell what was done to a thing ahead
    let passive = (det..=v + 1).any(|k| toks.get(k).is_some_and(|b| BE_FORMS.has(b)));
    if passive
        || crate::lexicon::sets::RESCHEDULE_WORDS.has(w)
        || toks
            .get(v + 1)
            .is_some_and(|n| n.is("by") || COMING_DAY_LEADS.contains(n.text))
    {
        return false;
    }
    let clause = toks.get(det..).unwrap_or_default();
    !(0..clause.len()).any(|i| modal_at(clause, i))
        && !crate::time::tense::tells_of_coming(clause, 0, v.saturating_sub(det))
}

/// True when token `i` of `toks` is a modal verb: a month "May" beside a number is none.
fn modal_at(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !MODAL_WORDS.has(t) {
        return false;
    }
    let month = t.text.starts_with('M')
        && [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .any(|k| {
                toks.get(k)
                    .is_some_and(|n| n.kind == crate::text::TokKind::Num)
            });
    !month
}

/// True when the year-less day (or range of days) `t` is written as the day of its clause's
/// verb: after "on" or "on the morning of" (or opening its sentence, or right after a past
/// verb: "the plant closed March 13"; [`Lead`]) in a sentence with no future word or modal
/// and no infinitive in or after that verb (`tense::tells_of_coming`), not after the noun of
/// an occasion (`OCCASION_DAY_NOUNS`: "set a hearing on April 8"), with no word of a thing to
/// come (`COMING_DAY_LEADS`) between it and the nearest tense marker before it; that verb is
/// no change of schedule and does not tell a person's background in a relative clause or the
/// edge of a stretch of time ("the year ended March 31"). A day right after a noun ("the
/// caucuses Feb. 22") or before one ("the March 8 week", "a 15-day loan") dates that noun,
/// not the clause's event.
fn day_of_a_done_verb(a: &Analysis, t: &Temporal) -> bool {
    let Some(s) = t.sentence.and_then(|s| a.article.sentences.get(s)) else {
        return false;
    };
    if t.span.start < s.span.start || t.span.end > s.span.end {
        return false;
    }
    let text = &a.text;
    // a day in words ("March nine") and a day that may open a range ("Feb 27 to 3.4 billion",
    // "April 15-day") are left alone: read loosely, they prove too little
    let range = t.kind == Kind::Span;
    let after = text.get(t.span.end..).unwrap_or("");
    let range_word = after.trim_start().split_once(' ').is_some_and(|(w, rest)| {
        (w == "to" || w == "and") && rest.starts_with(|c: char| c.is_ascii_digit())
    });
    if !t.span.slice(text).bytes().any(|b| b.is_ascii_digit())
        || after.starts_with(['-', '\u{2013}'])
        || range_word
    {
        return false;
    }
    let sentence = crate::text::tokenize(text, s.span);
    let end = sentence
        .iter()
        .position(|k| k.span.start >= t.span.start)
        .unwrap_or(sentence.len());
    let day_end = sentence
        .iter()
        .position(|k| k.span.start >= t.span.end)
        .unwrap_or(sentence.len());
    let toks = sentence.get(..end).unwrap_or_default();
    // a range ("between March 2 and March 15") leads itself, as "on" does a day
    let lead = if range {
        Some(Lead::On(toks.len()))
    } else if noun_dated_by(&sentence, end, text, t.span.end).is_some() {
        dated_noun_lead(&sentence, end, day_end)
    } else {
        lead(toks)
    };
    let verb = match lead {
        None => return false,
        Some(Lead::Subject(det, v)) => return subject_of_done_verb(&sentence, det, v),
        Some(Lead::Opens) => None,
        // "the offer presented March 13 contained": a past verb after the day is the
        // predicate of the phrase the day closes, no noun the day dates
        Some(Lead::Verb(_))
            if noun_follows(text, t.span.end)
                && !crate::time::tense::past_verb_at(&sentence, day_end) =>
        {
            return false
        }
        Some(Lead::Verb(v)) => Some(v),
        Some(Lead::On(on)) => match done_verb_before(toks.get(..on).unwrap_or_default()) {
            Err(()) => return false,
            Ok(v) => v,
        },
    };
    // "the clerks who resigned on April 4": a relative clause on a person tells background,
    // which may lie a year back with its year left out (one on a thing dates the thing's own
    // act: "the offer, which expired April 4"); "the year ended March 31" names a stretch's edge
    if verb
        .and_then(|v| v.checked_sub(1))
        .and_then(|k| toks.get(k))
        .is_some_and(|w| w.is("who") || w.is("whom") || PERIOD_NOUNS.has(w))
    {
        return false;
    }
    // "postponed delivery to July 1-20 from the original June 5-25": a change of schedule's
    // days are the planned ones, old or new
    if verb
        .and_then(|v| toks.get(v))
        .is_some_and(|w| crate::lexicon::sets::RESCHEDULE_WORDS.has(w))
    {
        return false;
    }
    // a modal or a future word of the day's clause tells of something still to come
    let (lo, hi) = day_clause(&sentence, end, verb);
    let clause = sentence.get(lo..hi).unwrap_or_default();
    if (0..clause.len()).any(|i| modal_at(clause, i)) {
        return false;
    }
    // the verb's words: "was to have been heard on March 13" is one verb, its infinitive too;
    // "failed to agree", "came to light" tell no act to come (`TO_DONE_VERBS`)
    let from = verb.map_or(0, |v| {
        let to_done = toks.get(v).is_some_and(|w| TO_DONE_VERBS.has(w))
            && toks.get(v + 1).is_some_and(|n| n.is("to"));
        // "was to have left on March 2 and returned March 13": a verb after "and" shares
        // the verb before it, and so the clause's words from its start
        let joined = v
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|w| w.is("and") || w.is("or"));
        if to_done {
            v + 3
        } else if joined {
            lo
        } else {
            verb_group_start(toks, v)
        }
    });
    !crate::time::tense::tells_of_coming(clause, from.saturating_sub(lo), end.saturating_sub(lo))
}

/// The tokens `lo..hi` of the sentence `toks` that hold the clause of a day (at token `day`,
/// hanging on the verb at token `verb`) when another clause's modal or future word may stand
/// beside it: a relative clause set off by commas ends at its closing comma ("the report,
/// which was sent on March 13, will be out in May"), a "that" after the day ends the day's
/// clause ("said on March 13 that it would sell"), and a past verb with a subject of its own
/// opens a clause at that subject ("it will lift the fees it imposed on March 13", "will
/// appeal the ruling the court made on March 13": [`own_subject`]).
fn day_clause(toks: &[Tok], day: usize, verb: Option<usize>) -> (usize, usize) {
    let comma = |k: &Tok| k.is_punct(',');
    let before = toks.get(..day).unwrap_or_default();
    let relative = before.iter().rposition(comma).is_some_and(|c| {
        toks.get(c + 1)
            .is_some_and(|w| w.is("which") || w.is("who"))
    });
    let hi = toks
        .iter()
        .skip(day)
        .position(comma)
        .filter(|_| relative)
        .map_or(toks.len(), |k| day + k);
    // "said on March 13 that it would sell": "that" after the day opens a reported or
    // relative clause, whose modal tells of the thing said, not of the saying
    let hi = toks
        .get(day..hi)
        .and_then(|after| after.iter().position(|w| w.is("that")))
        .map_or(hi, |k| day + k);
    let lo = verb
        .filter(|&v| crate::time::tense::past_verb_at(toks, v))
        .and_then(|v| own_subject(toks, v))
        .unwrap_or(0);
    (lo, hi)
}

/// The first token of the subject of its own that the past verb at token `v` has right after
/// the noun its clause tells of: a subject pronoun ("the fees it imposed") or an article and a
/// noun ("the ruling the court made"). None when the word before the subject is no noun (a
/// verb, a modal, a conjunction): the verb is then the clause's own.
fn own_subject(toks: &[Tok], v: usize) -> Option<usize> {
    let lowercase_word = |k: usize| {
        toks.get(k).is_some_and(|n| {
            n.kind == crate::text::TokKind::Word
                && n.text.bytes().all(|b| b.is_ascii_lowercase())
                && crate::time::tense::tense_at(toks, k).is_none()
        })
    };
    // the noun the clause tells of: no verb, modal, conjunction or preposition
    let noun = |k: usize| {
        lowercase_word(k)
            && toks.get(k).is_some_and(|n| {
                !crate::lexicon::sets::MODAL_WORDS.has(n)
                    && !PREPOSITIONS.has(n)
                    && !n.is("and")
                    && !n.is("but")
                    && !n.is("that")
            })
    };
    let pronoun = toks.get(v.checked_sub(1)?).is_some_and(|p| {
        crate::lexicon::sets::SUBJECT_PRONOUNS.has(p) && !RELATIVE_PRONOUNS.has(p)
    });
    if pronoun && noun(v.checked_sub(2)?) {
        return Some(v - 1);
    }
    let article = toks.get(v.checked_sub(2)?).is_some_and(|w| ARTICLES.has(w));
    (article && lowercase_word(v - 1) && noun(v.checked_sub(3)?)).then_some(v - 2)
}

/// The first token of the verb whose last word is token `v` of `toks`: back over the
/// auxiliaries and "not" before it ("had not been closed", "was to have been heard": the
/// infinitive's "have" is its first word, so `tense::tells_of_coming` sees the "to" before it).
fn verb_group_start(toks: &[Tok], v: usize) -> usize {
    let mut k = v;
    while let Some(p) = k.checked_sub(1) {
        let w = &toks[p];
        let aux = AUXILIARIES.has(w) || w.is("not") || w.is("be") || w.is("been");
        if w.kind != crate::text::TokKind::Word || !aux {
            break;
        }
        k = p;
    }
    k
}

/// The nearest word of `before` (the words of a clause before a day's "on") that marks a
/// tense, within `DONE_VERB_REACH` words: `Ok(None)` when there is none, `Err` when the day is
/// one of an occasion ("set a deadline of noon on March 11"), of a thing to come, or of an act
/// named by a gerund ("no motive behind publishing the figures on June 11") before it.
fn done_verb_before(before: &[Tok]) -> Result<Option<usize>, ()> {
    for (i, tok) in crate::text::words_back(before, DONE_VERB_REACH) {
        // a verb form, read in its words: "opens a new plant on March 13" tells a day to come
        // (a present verb), whatever tense the clause took from the verb that reports it; "a
        // fully-owned plant" holds no verb, and the walk goes on
        if crate::time::tense::has_tense_marker(std::slice::from_ref(tok)) {
            match crate::time::tense::tense_at(before, i) {
                Some(Tense::Present) => return Err(()),
                Some(_) => return Ok(Some(i)),
                None => {}
            }
        }
        if (COMING_DAY_LEADS.contains(tok.text) && !for_an_amount(before, i))
            || OCCASION_DAY_NOUNS.contains(tok.text)
        {
            return Err(());
        }
        // "completed the share offering of 2 mln on March 13": a form in "-ing" after a
        // determiner or before "of" names a thing, no act still to come
        if gerund(tok.text)
            && !after_determiner(before, i)
            && !before.get(i + 1).is_some_and(|n| n.is("of"))
            && !gerund_of_a_done_verb(before, i)
        {
            return Err(());
        }
    }
    Ok(None)
}

/// True when the form in "-ing" at token `i` of `toks` is the act of the past verb before
/// it: right after a verb of a start or an end ("started tendering", `ASPECT_VERBS`), or after
/// the "of", "with" or "for" of a charge ("convicted of hijacking", `CHARGE_VERBS`). That act
/// was done by then; after other verbs an "-ing" form may name a plan ("considered selling").
fn gerund_of_a_done_verb(toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    if ASPECT_VERBS.has(p) {
        return true;
    }
    (p.is("of") || p.is("with") || p.is("for"))
        && i.checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|v| CHARGE_VERBS.has(v))
}

crate::word_set!(
    /// Words after "for" that make it lead a price, an amount or a beneficiary ("for all").
    FOR_AMOUNT_WORDS = file "for-amount-words.txt"
);

/// True when token `i` of `toks` is "for" before a number, a cardinal or a word of
/// `FOR_AMOUNT_WORDS` ("sold for 11 dlrs", "bid for six tracts", "a loan for them"): a price,
/// an amount or a beneficiary, no occasion the day dates.
fn for_an_amount(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|w| w.is("for"))
        && toks.get(i + 1).is_some_and(|n| {
            n.kind == crate::text::TokKind::Num
                || crate::lexicon::sets::CARDINALS.has(n)
                || FOR_AMOUNT_WORDS.has(n)
        })
}

/// True when token `i` of `toks` comes right after an article, a possessive determiner, a
/// possessive noun ("the market's") or a number ("a 4.5 pct rise"): a word there is a noun.
fn after_determiner(toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    p.kind == crate::text::TokKind::Num
        || ARTICLES.has(p)
        || POSSESSIVES.has(p)
        || (p.kind == crate::text::TokKind::Word
            && (p.text.ends_with("'s") || p.text.ends_with("\u{2019}s")))
}

/// True for a lowercase word in "-ing" of more than four letters that is no preposition
/// ("publishing"; not "during").
fn gerund(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ing")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !PREPOSITIONS.contains(w)
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::config::Config;

    /// The spans of the findings of `text` whose rule id `rule` accepts.
    fn spans_where(text: &str, rule: impl Fn(&str) -> bool) -> Vec<String> {
        let a = Analysis::new(text);
        crate::rules::run(&a, &Config::default())
            .into_iter()
            .filter(|f| rule(f.rule))
            .map(|f| f.span.slice(text).to_string())
            .collect()
    }

    /// The spans of this rule's findings.
    fn spans(text: &str) -> Vec<String> {
        spans_where(text, |r| r == super::INFO.id)
    }

    #[test]
    fn a_day_before_a_noun_the_sentence_tells_as_done() {
        // the subject of a past verb, or a preposition that sets a done act inside the thing
        for (t, day) in [
            (" date 1987-03-12 Velmar news\n\nThe board fought the plan, the March 23 letter showed.\n", "March 23"),
            (" date 1987-03-12 Velmar news\n\nThe March 20 storm wrecked the Tessaly dam.\n", "March 20"),
            (" date 1987-03-12 Velmar news\n\nVelmar said its four-week March 19 sales totaled 25 mln dlrs.\n", "March 19"),
            (" date 1987-03-12 Velmar news\n\nStocks rose 2 mln dlrs to 73 mln dlrs in the March 22 week, the bank said.\n", "March 22"),
            (" date 1987-03-12 Velmar news\n\nOndrej Halvik resigned in a March 22 letter to the Velmar board.\n", "March 22"),
        ] {
            assert_eq!(spans(t), vec![day], "{t}");
        }
        // a scheduled thing, a preposition's object, a passive or a plan stays a fixed day
        for t in [
            " date 1987-03-12 Velmar news\n\nThe March 23 deadline loomed over the talks, Halvik said.\n",
            " date 1987-03-12 Velmar news\n\nA poll taken before the March 23 vote showed Halvik ahead.\n",
            " date 1987-03-12 Velmar news\n\nThe March 23 offer was withdrawn, Halvik said.\n",
            " date 1987-03-12 Velmar news\n\nIt said the March 30 closing date has been changed to April 30.\n",
            " date 1987-03-12 Velmar news\n\nHalvik said he was interested in the March 23 sale and would bid.\n",
            " date 1987-03-12 Velmar news\n\nHalvik said the March 23 letter would be sent.\n",
            " date 1987-03-12 Velmar news\n\nThe March 23 letter says the plan is dead.\n",
            " date 1987-03-12 Velmar news\n\nHalvik denied any part in the 3/23 riots.\n",
            " date 1987-03-12 Velmar news\n\nHalvik met the March 23 panel and asked for time.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }

    #[test]
    fn a_day_of_a_phrasal_verb_a_charge_a_start_or_a_state_is_a_done_act() {
        let h = " date 1991-05-02 Tessaly news\n\n";
        for (body, day) in [
            ("Ondrej Halvik was shot dead outside his home, gunned down May 14 by two men.", "May 14"),
            ("A Tessaly court found Halvik guilty, and he was convicted of smuggling and fraud on May 14.", "May 14"),
            ("Velmar began tendering for all Tessaly Mills shares at 9 dlrs each on May 14.", "May 14"),
            ("The union said the offer presented May 14 contained no pay rise.", "May 14"),
            ("Velmar raised its prices after a May 13 flood closed the Tessaly mill.", "May 13"),
            ("Velmar owned 12 pct of Tessaly Mills at May 14, the filing showed.", "May 14"),
            ("The Velmar lease of the mill expired on May 14 this year, Halvik said.", "May 14 this year"),
            ("Velmar told the Tessaly court on May 14 that it would appeal.", "May 14"),
            ("Velmar will appeal the ruling the court made on May 14.", "May 14"),
        ] {
            let t = format!("{h}{body}\n");
            assert_eq!(spans(&t), vec![day], "{body}");
        }
        // a form in "-ing" after another verb may be a plan; a task is still to do; a day
        // named as a date is no event; an act after a day still to come is told as coming
        for body in [
            "Velmar considered selling the Tessaly stake on May 14.",
            "Halvik was tasked with auditing the mill on May 14.",
            "Velmar said it will raise its prices after the May 13 flood.",
            "Halvik said May 14 this year was the date set for the vote on the mill.",
            "Velmar said it would tell the court on May 14 that it had sold the mill.",
            "Velmar will appeal the ruling on May 14, the day the Tessaly court made it.",
        ] {
            let t = format!("{h}{body}\n");
            assert!(spans(&t).is_empty(), "{body}: {:?}", spans(&t));
        }
    }

    #[test]
    fn a_day_of_a_present_verb_or_of_a_chronology_entry_is_no_done_event() {
        // a present verb tells what is coming, whatever verb reports it
        for t in [
            " date 2013-03-27 Velmar Corp opens a state-owned 40-bed clinic on April 1.\n",
            " date 2013-03-27 The new levy starts on April 5, the council said.\n",
            " date 2013-03-27 The dockers have called a stoppage on April 6.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
        // the same days of a past verb are told as done
        let t = " date 2013-03-27 Velmar Corp opened a state-owned 40-bed clinic on April 1.\n";
        assert_eq!(spans(t), vec!["April 1"]);
        // a timeline's entry of an earlier year gives its year to the days after it
        let t = " date 2013-03-27 Timeline\n\nMay 5, 2011 - Velmar Corp bid for Tessaly Mills. April 2 - The bid was dropped.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        let t = t
            .replace("May 5, 2011", "May 5, 2012")
            .replace("2013-03-27", "2012-03-27");
        assert!(
            spans(&t).is_empty() || spans(&t) == vec!["April 2"],
            "{:?}",
            spans(&t)
        );
    }

    #[test]
    fn one_coming_year_in_one_sentence_proves_nothing() {
        // a past clause that names a coming year once is an outlook, whatever its verb
        let one = " date 2021-03-04 Velmar Corp\n\nVelmar Corp gave little sign of how it saw 2022, and its shares fell.\n";
        assert!(spans_where(one, |r| r.starts_with("date-")).is_empty());
        // told in two sentences, the year is the story's own: the header is wrong somewhere
        let two = " date 2021-03-04 Velmar Corp\n\nVelmar Corp opened its Tessaly plant in 2022. Output there rose in 2022 as well.\n";
        assert!(!spans_where(two, |r| r.starts_with("date-")).is_empty());
        // a day is specific enough on its own
        let day = " date 2021-03-04 Velmar Corp\n\nVelmar Corp opened its Tessaly plant on May 5, 2022.\n";
        assert!(!spans_where(day, |r| r.starts_with("date-")).is_empty());
    }

    #[test]
    fn the_pages_own_stamp_a_day_after_the_header_is_no_event() {
        let t = " date 2019-04-09 Two boats collided off the pier on Monday, the harbour master said, and one sank within minutes while its crew swam to the ladder. (Published Wednesday, April 10, 2019)\n\nThe pier reopened at noon.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        // a stamp word inside a sentence is a verb: the report is an event like any other
        let t = " date 2019-04-09 The harbour master said a report published April 30, 2019 found the pier unsafe.\n";
        assert_eq!(spans(t), vec!["April 30, 2019"]);
    }

    #[test]
    fn a_record_day_or_a_planned_day_is_no_event_told_as_past() {
        let t = " date 1989-03-02 The mill in mongolia declared a dividend payable to holders of record April 1, 1989, it said. The firm said the mill should reopen on March 20, 1989.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        let told = " date 1989-03-02 The firm said the mill reopened on March 20, 1989.\n";
        assert_eq!(spans(told), vec!["March 20, 1989"]);
    }

    #[test]
    fn the_last_day_of_an_accounting_period_is_no_event() {
        for t in [
            " date 1989-06-02 Analysts said the outlook for the mill was bleak for the year to end-July, 1989.\n",
            " date 1989-06-02 The mill said profits were flat in the six months to July 1, 1989.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
        let t = " date 1989-06-02 The mill said profits were flat on July 1, 1989.\n";
        assert_eq!(spans(t).len(), 1, "{:?}", spans(t));
    }

    #[test]
    fn an_embedded_posts_stamp_is_no_event() {
        let t = " date 2019-04-09 The ferry ran aground near the pier.\n\nCrews have reached the ferry and towed it off the rocks. — Harbour Watch (@harbour_watch) April 10, 2019\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        // the same date told as an event is one
        let t = " date 2019-04-09 Crews towed the ferry off the rocks on April 10, 2019.\n";
        assert_eq!(spans(t), vec!["April 10, 2019"]);
    }

    #[test]
    fn a_day_something_falls_due_is_no_event() {
        let t = " date 2020-10-08 The council signed for notes due October 30, 2020, with a local bank.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        let t = " date 2020-10-08 The council signed for the notes on October 30, 2020.\n";
        assert_eq!(spans(t), vec!["October 30, 2020"]);
        // the year a budget is for, and the year it was passed in
        let t = " date 2019-12-20 The board approved the budget for 2020.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        let t =
            " date 2019-12-20 The board approved the budget in 2020. It was signed in 2020 too.\n";
        assert_eq!(spans(t), vec!["2020", "2020"]);
    }

    #[test]
    fn a_numeric_day_that_may_be_read_either_way_is_no_evidence() {
        // 06/05/2018 read day first is the 6th of May, before publication
        let t = " date 2018-05-08 The mill closed on 06/05/2018, workers said.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        // a day above twelve leaves one reading: after publication
        let t = " date 2018-05-08 The mill closed on 05/25/2018, workers said.\n";
        assert_eq!(spans(t), vec!["05/25/2018"]);
    }

    /// The spans of every date rule's findings.
    fn date_spans(text: &str) -> Vec<String> {
        spans_where(text, |r| r.starts_with("date-"))
    }

    #[test]
    fn the_second_end_of_a_range_and_a_fiscal_period_are_no_events() {
        // "between … and", and a dash between two months
        let t = " date 1989-03-02 The accord cut repayments due between 1989 and 1993, officials in paraguay said. Frost had hit the (October 1988-April 1989) harvest.\n";
        assert!(date_spans(t).is_empty(), "{:?}", date_spans(t));
        // a month or year after "fiscal" names an accounting year
        let t = " date 1989-02-10 The ministry recorded a surplus for fiscal March 1989.\n";
        assert!(date_spans(t).is_empty(), "{:?}", date_spans(t));
        let t = " date 1989-02-10 The ministry recorded a surplus in fiscal year 1990.\n";
        assert!(date_spans(t).is_empty(), "{:?}", date_spans(t));
        let t = " date 1989-02-10 The ministry recorded a surplus in March 1989.\n";
        assert_eq!(spans(t), vec!["March 1989"]);
    }

    #[test]
    fn past_event_after_publication() {
        assert_eq!(
            spans(" date 2020-10-08 The bridge reopened on October 12, 2020."),
            ["October 12, 2020"]
        );
    }

    #[test]
    fn a_third_person_present_of_an_irregular_verb_tells_no_past() {
        // "goes", "takes": the present of a verb whose past the lists know, before the tag
        for t in [
            " date 2021-03-03 The new Velmar Bank fee goes into force on March 13, the bank said.\n",
            " date 2021-03-03 The Tessaly toll rise takes effect on March 13, the port said.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
        let t = " date 2021-03-03 The new Velmar Bank fee went into force on March 13, the bank said.\n";
        assert_eq!(spans(t), vec!["March 13"]);
    }

    #[test]
    fn a_dashed_range_told_as_done_that_ends_after_publication() {
        let t = " date 2021-03-03 Velmar said it bought the Tessaly shares February 26-March 13 for 8.50 dlrs each.\n";
        assert_eq!(spans(t), vec!["February 26-March 13"]);
        let t = " date 2021-03-03 Velmar said it will buy the Tessaly shares February 26-March 13 for 8.50 dlrs each.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
    }

    #[test]
    fn a_record_since_a_day_reaches_back_before_the_story() {
        // March 13 in 2021 would be ten days after the story: a record's start lies before it
        for t in [
            " date 2021-03-03 Ferry bookings saw their biggest drop since the week that ended March 13, the port of Velmar said.\n",
            " date 2021-03-03 Tessaly fares hit their highest level since March 13, the port said.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
        // without a record, the day is still a done act ahead of the story
        let t = " date 2021-03-03 Ferry bookings fell in the week that ended March 13, the port of Velmar said.\n";
        assert_eq!(spans(t), vec!["March 13"]);
    }

    #[test]
    fn a_yearless_day_told_as_past_days_after_publication() {
        let t = " date 2021-03-03 The ferry to Tessaly resumed service on March 13, the port of Velmar said.\n";
        assert_eq!(spans(t), vec!["March 13"]);
        // told as coming, before publication, or far after it (then last year's): no finding
        for t in [
            " date 2021-03-03 The ferry to Tessaly will resume service on March 13, the port said.\n",
            " date 2021-03-03 The ferry to Tessaly resumed service on February 23, the port said.\n",
            " date 2021-03-03 The ferry to Tessaly resumed service on August 13, the port said.\n",
            " date 2021-12-28 The ferry to Tessaly resumed service on January 4, the port said.\n",
            // a header a day early, a day that dates a noun, a day of a thing to come
            " date 2021-03-03 The ferry to Tessaly resumed service on March 4, the port said.\n",
            " date 2021-03-03 Crowds gathered before the Velmar regatta March 13, the port said.\n",
            " date 2021-03-03 Crews repaired the pier for the regatta on March 13, the port said.\n",
            " date 2021-03-03 The port of Velmar set a hearing on March 13, its lawyers said.\n",
            " date 2021-03-03 Dockers in Tessaly voted to strike on March 13, their union said.\n",
            " date 2021-03-03 The port said the ferry to Tessaly will resume service on March 13.\n",
            " date 2021-03-03 The port set a deadline of noon on March 13 for the Velmar bid.\n",
            " date 2021-03-03 The port hired the pilots who resigned on March 13 from Velmar.\n",
            " date 2021-03-03 The port saw no motive behind reopening the pier on March 13.\n",
            " date 2021-03-03 The ferry to Tessaly resumed service on March nine, the port said.\n",
            " date 2021-03-03 Port fees rose on March 13 to 4.2 million, the port said.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }

    #[test]
    fn a_day_of_last_year_a_participle_after_a_preposition_and_an_agenda_are_no_done_acts() {
        // "of last year" writes the year a year back; a participle after "on" is an adjective
        for t in [
            " date 2021-03-03 Velmar shares reached a peak of $40 on March 13 of last year, the exchange said.\n",
            " date 2021-03-03 Adding to the strain is the end of a guarantee on dated subordinated notes on March 13.\n",
            " date 2021-03-03 \"Halvik will get his pay in the form of common, unrestricted shares in May of 2021,\" she said.\n",
            " date 2021-03-03 \"Halvik will receive his restricted stock in May of 2021,\" she said.\n",
            " date 2021-10-13 Coming events\n\nTESSALY: October 14 - Board meeting in Velmar. October 15 - Rally in Velmar organized by dock workers. October 17 - Deadline for bids.\n",
        ] {
            let dated = |t: &str| spans_where(t, |r| r.starts_with("date-"));
            assert!(dated(t).is_empty(), "{t}: {:?}", dated(t));
        }
        // the same days of a done act are still found
        let t = " date 2021-03-03 Velmar shares reached a peak of $40 on March 13, the exchange said.\n";
        assert_eq!(spans(t), vec!["March 13"]);
        let t = " date 2021-03-03 Velmar redeemed its dated subordinated notes on March 13.\n";
        assert_eq!(spans(t), vec!["March 13"]);
        let t = " date 2021-03-03 Halvik sold his restricted stock on March 13.\n";
        assert_eq!(spans(t), vec!["March 13"]);
    }

    #[test]
    fn a_yearless_day_right_after_its_past_verb() {
        // no "on": the verb right before the day, maybe with "late" or "at midnight" between
        for t in [
            " date 2021-03-03 The Velmar ferry terminal was closed March 13, the port said.\n",
            " date 2021-03-03 The Tessaly pilots' contract expired at midnight March 13.\n",
            " date 2021-03-03 The Velmar offer, which expired March 13, drew few shares.\n",
        ] {
            assert_eq!(spans(t), vec!["March 13"], "{t}");
        }
        for t in [
            // a day before a noun dates the noun, and a day named "as" something is an object
            " date 2021-03-03 The port printed revised March 13 timetables for Tessaly.\n",
            " date 2021-03-03 The port set March 13 as the record day for Velmar holders.\n",
            // the edge of a stretch of time, and a change of schedule's days
            " date 2021-03-03 For the year ended March 13, Velmar Corp posted a small loss.\n",
            " date 2021-03-03 The port postponed sailings to Tessaly from the original March 2-13.\n",
            // an infinitive in the verb itself
            " date 2021-03-03 The Velmar case was to have been heard on March 13.\n",
            // a person's background in a relative clause may lie a year back
            " date 2021-03-03 The port hired the pilots who resigned March 13 from Velmar.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }

    #[test]
    fn a_yearless_day_on_the_morning_of_and_in_may() {
        let t = " date 2021-03-03 Crews reached the Tessaly pier on the morning of March 13.\n";
        assert_eq!(spans(t), vec!["March 13"]);
        // the month "May" is no modal verb
        let t = " date 2021-04-28 The ferry to Tessaly resumed service on May 8, the port said.\n";
        assert_eq!(spans(t), vec!["May 8"]);
        let t = " date 2021-04-28 The ferry to Tessaly may resume service on May 8.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
    }

    #[test]
    fn to_death_is_no_infinitive() {
        let t = " date 2021-03-03 Police said a Tessaly man was shot to death near the pier on March 13.\n";
        assert_eq!(spans(t), vec!["March 13"]);
    }

    #[test]
    fn an_infinitive_before_the_verb_of_the_day_governs_another_clause() {
        let t =
            " date 2021-04-20 Tessaly asked the court to void the accord it signed on April 27.\n";
        assert_eq!(spans(t), vec!["April 27"]);
        let t = " date 2021-04-20 Tessaly asked the court to void the accord on April 27.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
    }

    #[test]
    fn a_yearless_range_told_as_done_that_ends_after_publication() {
        let t = " date 2021-03-05 Velmar Corp said it bought 40,000 Tessaly Mining shares between February 24 and March 15.\n";
        assert_eq!(spans(t), vec!["between February 24 and March 15"]);
        for t in [
            // all of it after publication, all of it before, or told as coming
            " date 2021-03-05 Velmar Corp said it bought 40,000 Tessaly Mining shares between March 8 and March 15.\n",
            " date 2021-03-05 Velmar Corp said it bought 40,000 Tessaly Mining shares between February 4 and March 1.\n",
            " date 2021-03-05 Velmar Corp said it will buy 40,000 Tessaly Mining shares between February 24 and March 15.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }

    #[test]
    fn a_noun_in_ing_after_a_determiner_or_before_of_is_no_gerund() {
        for t in [
            " date 2021-03-03 Velmar Corp completed the Tessaly share offering of 2 mln shares on March 13.\n",
            " date 2021-03-03 Velmar Corp completed its offering on March 13, the firm said.\n",
        ] {
            assert_eq!(spans(t), vec!["March 13"], "{t}");
        }
        // a gerund with its object tells an act that may lie ahead
        let t = " date 2021-03-03 The port saw no motive behind reopening the pier on March 13.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
    }

    #[test]
    fn a_modal_of_another_clause_leaves_the_day_told_as_done() {
        for t in [
            " date 2021-03-03 The Velmar report, which was sent on March 13 to the Tessaly board, should be published in May.\n",
            " date 2021-03-03 Tessaly said it will lift the fees it imposed on Velmar growers on March 13.\n",
        ] {
            assert_eq!(spans(t), vec!["March 13"], "{t}");
        }
        for t in [
            // the modal in the day's own clause, or the fees no clause of their own
            " date 2021-03-03 The Velmar report, which should be sent on March 13 to the board, was drafted in May.\n",
            " date 2021-03-03 Tessaly said it will lift the fees on Velmar growers on March 13.\n",
            // a verb after "and" shares the "was to have" before it
            " date 2021-03-03 Asked if the trip by Ondrej Halvik, who was to have left on March 9 and returned March 13, was off, the port said: \"I would think so.\"\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }

    #[test]
    fn to_after_a_verb_of_a_done_act_or_a_place_is_no_infinitive() {
        for t in [
            " date 2021-03-03 The pier's cracks came to light during a routine check on March 13, the port said.\n",
            " date 2021-03-03 The Velmar talks failed to agree new quotas on March 13.\n",
        ] {
            assert_eq!(spans(t), vec!["March 13"], "{t}");
        }
        let t = " date 2021-03-03 The Tessaly union has refused to march with the dockers on March 13.\n";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
    }

    #[test]
    fn a_day_before_its_verb_and_a_day_of_an_act_of_planning() {
        for t in [
            " date 2021-03-03 Ondrej Halvik heads Velmar Mutual, an insurer that on March 13 acquired 2 mln Tessaly shares.\n",
            " date 2021-03-03 The port said that during a test on March 13, a crane failed.\n",
            " date 2021-03-03 Ondrej Halvik, in a talk with reporters on March 13, said Velmar wanted a new pier.\n",
            " date 2021-03-03 The Tessaly bureau had estimated on March 13 that exports rose 6 pct.\n",
        ] {
            assert_eq!(spans(t), vec!["March 13"], "{t}");
        }
        for t in [
            " date 2021-03-03 The port said that on March 13 the pier would reopen.\n",
            " date 2021-03-03 The Tessaly bureau estimated that exports would peak on March 13.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }

    #[test]
    fn a_past_verb_far_before_a_day_that_closes_its_sentence() {
        for t in [
            " date 2021-03-03 Velmar Corp said they sold their entire 1,200,000-share stake in Tessaly Mills to the company for 11 dlrs a share on March 13.\n",
            " date 2021-03-03 Velmar Corp said it submitted the high bid for six tracts at the Tessaly offshore lease sale on March 13.\n",
        ] {
            assert_eq!(spans(t), vec!["March 13"], "{t}");
        }
        for t in [
            " date 2021-03-03 Velmar Corp said it will submit the high bid for six tracts at the Tessaly offshore lease sale on March 13.\n",
            " date 2021-03-03 Velmar Corp said it set aside seats for the Tessaly vote on March 13.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
    }

    #[test]
    fn future_and_earlier_events_are_fine() {
        assert!(spans(" date 2020-10-08 The bridge will reopen on October 12, 2020.").is_empty());
        assert!(spans(" date 2020-10-08 The bridge reopened on October 2, 2020.").is_empty());
        assert!(
            spans(" date 2020-10-08 The growers are invited to Asunción on 9 October.").is_empty()
        );
    }

    #[test]
    fn a_participle_after_the_object_of_a_wish_is_no_done_act() {
        // the result someone wants, needs or expects, not an act told as done
        for t in [
            " date 2031-05-02 Velmar talks\n\nTessaly officials want the merger wrapped up on May 9.\n",
            " date 2031-05-02 Velmar talks\n\nHalvik wanted the contract signed by the board on May 10, 2031.\n",
            " date 2031-05-02 Velmar talks\n\nThe union would like the pact ratified on Friday, May 9.\n",
            " date 2031-05-02 Velmar talks\n\nThe lenders expect the mill reopened on May 12, Newswire reported.\n",
        ] {
            assert!(spans(t).is_empty(), "{t}: {:?}", spans(t));
        }
        // a participle set off by a comma, or a verb with a subject of its own, tells a done act
        for (t, day) in [
            (" date 2031-05-02 Velmar talks\n\nHalvik wanted the merger, signed on May 10, 2031.\n", "May 10, 2031"),
            (" date 2031-05-02 Velmar talks\n\nHalvik wanted the mill he reopened on May 10, 2031.\n", "May 10, 2031"),
            (" date 2031-05-02 Velmar talks\n\nThe mill reopened on May 10, 2031, Halvik said.\n", "May 10, 2031"),
        ] {
            assert_eq!(spans(t), vec![day], "{t}");
        }
    }
}

//! The tense of the clause around an expression: past tense points a year-less date back,
//! future tense forward.

use crate::lexicon::sets::{
    AIM_NOUNS, ARTICLES, AUXILIARIES, AUXILIARY_WORDS, BE_FORMS, FUTURE_BEFORE_TO_WORDS,
    FUTURE_PARTICLES, FUTURE_WORDS, MODAL_WORDS, NOT_PAST_ED_WORDS, OCCASION_CONJUNCTIONS,
    PAST_WORDS, POSSESSIVES, PREPOSITIONS, PRESENT_WORDS, PRE_VERB_ADVERBS, RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS, TENSE_SPEECH_WORDS as SPEECH_WORDS,
};
use crate::lexicon::{short_key, ShortTable};
use crate::text::{Tok, TokKind};

/// The tense of a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// "was", "killed", "has been", "said".
    Past,
    /// "is", "says", no verb found.
    Present,
    /// "will", "is due to", "is expected to", "plans to".
    Future,
}

/// The tense a word token marks, from the lists it is in and the tokens beside it. The lists
/// come from the token's class bits when the word has a short key (ASCII, up to 16 bytes: nearly
/// every word, with no lookup), else from the word sets themselves ([`list_flags`]); both give
/// the same flags (`flags_from_the_table_and_the_lists_agree`), and one [`classify_flags`] reads
/// them. The class bits are kept for speed alone: asking the lists for every word costs 12 % of
/// the whole check (callgrind of the throughput bench at 2 MB: 1,613 M instructions against
/// 1,440 M).
fn classify(t: &Tok, prev: Option<&Tok>, next: Option<&Tok>) -> Option<Tense> {
    if t.kind != TokKind::Word {
        return None;
    }
    let tense = match tok_flags(t) {
        Some(f) => classify_flags(t.text.as_bytes(), f, prev, next),
        None => crate::time::lexicon::with_lower(t.text, |w| {
            classify_flags(w.as_bytes(), list_flags(w), prev, next)
        }),
    };
    // the last byte first: most words end otherwise
    if tense.is_none() && t.text.ends_with('s') && third_person(t, prev, next) {
        return Some(Tense::Present);
    }
    tense
}

crate::word_set!(
    /// Base forms of the verbs of irregular past ("go", "take"), whose "-s" forms are present.
    IRREGULAR_BASES = file "irregular-verb-bases.txt"
);

/// True for the third-person present of a verb of irregular past ("goes", "takes", "holds")
/// where a verb stands: a lowercase word after a word that is no article, possessive,
/// preposition or number, and before a word ("the new rate goes into force on May 1"). After
/// an article or a possessive the same form is a plural noun ("the falls", "its holds").
fn third_person(t: &Tok, prev: Option<&Tok>, next: Option<&Tok>) -> bool {
    let w = t.text;
    if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let known = |cut: usize| {
        w.get(..w.len() - cut)
            .is_some_and(|b| IRREGULAR_BASES.contains(b))
    };
    if !(known(1) || (w.ends_with("es") && known(2))) {
        return false;
    }
    let subject = prev.is_some_and(|p| {
        p.kind == TokKind::Word
            && !ARTICLES.has(p)
            && !POSSESSIVES.has(p)
            && !PREPOSITIONS.has(p)
            && !crate::lexicon::sets::CARDINALS.has(p)
    });
    subject && next.is_some_and(|n| n.kind == TokKind::Word)
}

/// The tense lists a lowercase word is in, asked of the word sets: for the words without a short
/// key, which the token class table does not hold.
fn list_flags(w: &str) -> u8 {
    [
        (&PAST_WORDS, PAST),
        (&FUTURE_WORDS, FUTURE),
        (&FUTURE_BEFORE_TO_WORDS, FUTURE_BEFORE_TO),
        (&NOT_PAST_ED_WORDS, NOT_PAST_ED),
        (&PRESENT_WORDS, PRESENT),
        (&SPEECH_WORDS, SPEECH),
        (&AUXILIARY_WORDS, AUXILIARY),
    ]
    .into_iter()
    .filter(|(list, _)| list.contains(w))
    .fold(0, |f, (_, flag)| f | flag)
}

use crate::lexicon::class::tense::{
    AUXILIARY, FUTURE, FUTURE_BEFORE_TO, NOT_PAST_ED, PAST, PRESENT, SPEECH,
};

/// Every word of the lists above, with the lists it is in.
static WORD_FLAGS: std::sync::LazyLock<ShortTable<u8>> =
    std::sync::LazyLock::new(|| ShortTable::new(flagged_words()));

/// Every word of the lists above, with the lists it is in (built by the lexicon).
fn flagged_words() -> Vec<(&'static str, u8)> {
    crate::lexicon::tense_words()
}

/// Every word of the tense lists with its list flags as token class bits
/// ([`crate::lexicon::class::TENSE_SHIFT`]).
#[cfg(test)]
pub(crate) fn class_words() -> Vec<(&'static str, u32)> {
    flagged_words()
        .into_iter()
        .map(|(w, f)| (w, u32::from(f) << crate::lexicon::class::TENSE_SHIFT))
        .collect()
}

/// The lists a token's word is in: from its class bits when it has a short key.
#[inline]
fn tok_flags(t: &Tok) -> Option<u8> {
    use crate::lexicon::class;
    if t.class & class::KEYED != 0 {
        Some(((t.class >> class::TENSE_SHIFT) & 0x7f) as u8)
    } else {
        short_key(t.text.as_bytes()).map(word_flags)
    }
}

/// The lists a word (by its [`short_key`]) is in.
#[inline]
fn word_flags(key: u128) -> u8 {
    WORD_FLAGS.get(key).unwrap_or(0)
}

/// The tense a word (ASCII in any case, or lowercased) marks, given the tense lists it is in
/// (`f`, [`crate::lexicon::class::tense`]) and the tokens beside it.
#[inline(always)]
fn classify_flags(w: &[u8], f: u8, prev: Option<&Tok>, next: Option<&Tok>) -> Option<Tense> {
    let ends_with = |suffix: &[u8]| {
        w.len() >= suffix.len() && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    // "it'll", "we’ll" (the last byte first: most words end otherwise)
    if matches!(w.last(), Some(b'l' | b'L'))
        && (ends_with(b"'ll") || ends_with("\u{2019}ll".as_bytes()))
    {
        return Some(Tense::Future);
    }
    // "we're", "I’m": a present "be"
    if matches!(w.last(), Some(b'e' | b'E' | b'm' | b'M'))
        && [
            b"'re".as_slice(),
            "\u{2019}re".as_bytes(),
            b"'m",
            "\u{2019}m".as_bytes(),
        ]
        .iter()
        .any(|x| ends_with(x))
    {
        return Some(Tense::Present);
    }
    if f & FUTURE != 0 {
        // "next to the embassy" is a place
        if f & FUTURE_BEFORE_TO == 0 && next.is_some_and(|n| n.is("to")) {
            return None;
        }
        return Some(Tense::Future);
    }
    if f & FUTURE_BEFORE_TO != 0 && next.is_some_and(|n| FUTURE_PARTICLES.has(n)) {
        return Some(Tense::Future);
    }
    if f & PAST != 0 {
        // "will be held": the participle after "be" carries no tense
        if prev.is_some_and(|p| p.is("be") || p.is("to")) && f & AUXILIARY == 0 {
            return None;
        }
        return Some(Tense::Past);
    }
    // "sued", "cued": a four-letter "-ued" is a verb's past too ("need", "feed" are not)
    if (w.len() > 4 || ends_with(b"ued")) && ends_with(b"ed") && f & NOT_PAST_ED == 0 {
        // "to be launched", "will be held" are not past
        if prev.is_some_and(|p| p.is("be") || p.is("to")) {
            return None;
        }
        return Some(Tense::Past);
    }
    if f & PRESENT != 0 {
        return Some(Tense::Present);
    }
    None
}

/// Reporting verbs tell when something was said, not when it happened: they decide the tense
/// only when the clause has no other marker.
/// True for a reporting verb ("said", "told", "according").
pub fn is_speech_word(w: &str) -> bool {
    SPEECH_WORDS.contains(w)
}

/// True when the words before byte `start` of `text` are a reporting verb, maybe with "on"
/// ("police said on Tuesday", "reported Monday"): the date there dates the saying, not the
/// event told.
pub fn dates_a_saying(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let before = before
        .strip_suffix(" on")
        .or_else(|| before.strip_suffix(" On"))
        .unwrap_or(before);
    let (_, word) = crate::text::word_before(before, before.len(), crate::text::Gap::Nothing);
    crate::lexicon::sets::SAYING_WORDS.contains(word)
}

/// Tense markers of a sentence's tokens, each computed on first use and shared by its
/// expressions: an expression asks only the tokens near it (`cargo bench --bench throughput`:
/// classifying every token of every sentence with a date was 4 % of it).
pub struct Markers<'t, 'a> {
    toks: &'t [Tok<'a>],
    cells: Vec<std::cell::OnceCell<Option<(Tense, bool)>>>,
}

impl<'t, 'a> Markers<'t, 'a> {
    /// The markers of a sentence's tokens, none classified yet.
    pub fn new(toks: &'t [Tok<'a>]) -> Markers<'t, 'a> {
        Markers {
            toks,
            cells: vec![std::cell::OnceCell::new(); toks.len()],
        }
    }

    /// The tense token `i` marks and whether it is a reporting word; None for no marker or
    /// no token.
    pub(super) fn get(&self, i: usize) -> Option<(Tense, bool)> {
        *self.cells.get(i)?.get_or_init(|| marker(self.toks, i))
    }
}

/// The tense token `i` of `toks` marks and whether it is a reporting word.
fn marker(toks: &[Tok], i: usize) -> Option<(Tense, bool)> {
    let t = toks.get(i)?;
    let tense = classify(
        t,
        i.checked_sub(1).and_then(|p| toks.get(p)),
        toks.get(i + 1),
    )
    .or_else(|| planned_passive(toks, i))
    // "they sold the stake": a form shared by the past and the participle is past after a
    // subject pronoun, which no auxiliary follows
    .or_else(|| past_after_pronoun(toks, i).then_some(Tense::Past))
    .or_else(|| past_before_object(toks, i).then_some(Tense::Past))
    .or_else(|| past_naming_verb(toks, i).then_some(Tense::Past))
    .or_else(|| third_person_after_pronoun(toks, i).then_some(Tense::Present))?;
    if tense == Tense::Future && as_planned(toks, i) {
        return None;
    }
    if tense == Tense::Past
        && (after_article(toks, i)
            || after_present_be(toks, i)
            || after_be_adverb(toks, i)
            || compound_adjective(t)
            || attributive_compound(toks, i)
            || compound_before_name(toks, i)
            || adjective_after_preposition(toks, i))
    {
        return None;
    }
    let speech = t.kind == TokKind::Word
        && match tok_flags(t) {
            Some(f) => f & SPEECH != 0,
            None => crate::time::lexicon::with_lower(t.text, |w| Some(is_speech_word(w)))
                .unwrap_or(false),
        };
    Some((tense, speech))
}

/// True when the sentence `toks` tells of something still to come: a word of it marks the
/// future tense ("will", "due to", "scheduled"), or an infinitive comes among tokens
/// `from..end` ("voted to strike on May 3", "asked them to begin talks on May 1"). A year-less
/// day a few days after publication reads as a wrong day only in a sentence of done events
/// alone; an infinitive before the past verb the day hangs on (`from`) governs another clause
/// ("wants to end the accord it signed on May 3").
pub fn tells_of_coming(toks: &[Tok], from: usize, end: usize) -> bool {
    let markers = Markers::new(toks);
    (0..toks.len()).any(|i| matches!(markers.get(i), Some((Tense::Future, _))))
        || (from..end.min(toks.len())).any(|i| infinitive(toks, i))
}

/// True when token `i` of the sentence `toks` is a past verb, read with its neighbours ("the
/// plant was closed"; not "to be closed", "is closed" or "the closed plant").
pub fn past_verb_at(toks: &[Tok], i: usize) -> bool {
    matches!(marker(toks, i), Some((Tense::Past, _)))
}

/// The tense token `i` of `toks` marks, if it is a verb with a tense of its own ("opens":
/// present, "opened": past).
pub fn tense_at(toks: &[Tok], i: usize) -> Option<Tense> {
    marker(toks, i).map(|(tense, _)| tense)
}

/// True when a word of `toks` marks a tense: the words hold a verb of their own.
pub fn has_tense_marker(toks: &[Tok]) -> bool {
    (0..toks.len()).any(|i| marker(toks, i).is_some())
}

/// True when a word of the sentence `sentence` lying between the spans `x` and `y` (in either
/// order) marks a tense: each span is told by a verb of its own ("charged on Tuesday the driver
/// who crashed … on October 1"), so the two date two events.
pub fn verb_between(
    text: &str,
    sentence: crate::text::Span,
    x: crate::text::Span,
    y: crate::text::Span,
) -> bool {
    let (lo, hi) = if x.start <= y.start {
        (x.end, y.start)
    } else {
        (y.end, x.start)
    };
    if hi <= lo || lo < sentence.start || hi > sentence.end {
        return false;
    }
    let toks = crate::text::tokenize(text, sentence);
    toks.iter()
        .enumerate()
        .any(|(i, t)| t.span.start >= lo && t.span.end <= hi && marker(&toks, i).is_some())
}

/// How many words around an expression the verb it hangs on is looked for.
const HANG_REACH: usize = 14;
/// How many words before an expression the verb it hangs on is looked for: a figure's words
/// may stand between them ("will cut costs by about three mln dlrs this year and 2.5 mln dlrs
/// in 1990").
const HANG_BACK_REACH: usize = 20;

crate::word_set!(
    /// Verbs that tell a forecast or an intention ("projected", "aimed"): a date they govern is
    /// what was foreseen or meant, no event done.
    PLAN_VERBS = files ["prediction-verbs.txt", "intention-verbs.txt"]
);
crate::word_set!(
    /// Adjectives of how likely an event is ("probable", "unlikely"): a date of a noun they
    /// describe, or of a clause they are the predicate of, tells an estimate.
    LIKELIHOOD_WORDS = file "likelihood-words.txt"
);
crate::word_set!(
    /// Conjunctions of a condition: a participle right after one is a reduced conditional
    /// clause ("would lapse if unused by 1990").
    CONDITION_CONJUNCTIONS = file "condition-conjunctions.txt"
);
crate::word_set!(
    /// Endings of irregular past forms ("sold", "cut"): a word that ends so may be past.
    PAST_FORM_ENDINGS = file "past-form-endings.txt"
);

/// True when the expression at tokens `start..end` of a sentence hangs on a verb that tells no
/// done event, though its clause may read as past: walking back from it, a modal ("sales could
/// reach 50 units by 1990"), an infinitive ("agreed to extend the loan through June 1990"), a
/// verb of a forecast or plan ("projected growth in 1990"), a present passive ("when the plant
/// is completed in 1990") or a future or present word comes before any past verb. Reporting
/// verbs are passed over ("he said output should double in 1990": the saying is past, not the
/// doubling) unless one governs the expression right before it ("said on May 3, 1990"); with
/// no verb before it in its clause, the first verb after it decides ("In 1990, sales should
/// double, she said"). A date whose only verb before it is a reporting one hangs on none
/// ("economists said a bullish market by 1990"), unless it is a day between "on" and the
/// "that" of what is reported ("told the court on May 3 that …" dates the saying).
///
/// For a whole day (`day`) an infinitive decides nothing: "voted to fund the repairs on May 3,
/// 1990" most often dates the vote, while a year or month after one is the aim ("agreed to
/// widen the road in 1990").
pub fn hangs_on_undone_verb(toks: &[Tok], start: usize, end: usize, day: bool) -> bool {
    if rescheduled_to(toks, start, end) {
        return true;
    }
    // "the March 13 letter said": the day dates the subject of a past verb, which was there
    // then, whatever the sentence before the phrase tells
    if day && dated_noun_phrase(toks, start, end).is_some_and(|d| d.verb.is_some()) {
        return false;
    }
    let markers = Markers::new(toks);
    if governing_speech_verb(toks, &markers, start).is_some() {
        return false;
    }
    let mut speech = false;
    // a gerund passed on the way back ("saw prices dropping … in 1990"), and a present form
    // the lists miss after a noun ("the term refers to 1990"), which decides only when no
    // verb of the lists does
    let mut gerund = false;
    let mut weak_present = false;
    let mut back = WordsBack::new(toks, start, HANG_BACK_REACH);
    for i in back.by_ref() {
        // "a firm that on May 3 bought …", "said that during a test on May 3 …": a clause
        // opened by a relative pronoun or "that" before a phrase of time has its verb after it
        if opens_clause_before_adverbial(toks, i) {
            speech = false;
            break;
        }
        match verb_kind(toks, &markers, i, day) {
            Verb::Done => return foreseen_course(toks, i, gerund) || in_the_past_of_would(toks, i),
            Verb::Undone => return true,
            Verb::Saying => speech = true,
            Verb::None => {
                gerund |= bare_gerund(toks, i);
                weak_present |= present_after_noun(toks, &markers, i);
            }
        }
    }
    if back.stopped() {
        return speech || weak_present;
    }
    let reach = toks.len().min(end.saturating_add(HANG_REACH));
    let opens_sentence = WordsBack::new(toks, start, 2).count() <= 1;
    for j in end..reach {
        let t = &toks[j];
        if t.is_punct(';') || opens_clause(t) {
            break;
        }
        // "By 1990, however, customized chips are expected to …": a past form right after a
        // comma, with no subject before it, is an adjective
        if opens_sentence && j > end && toks[j - 1].is_punct(',') && ends_in_ed(t) {
            continue;
        }
        match verb_kind(toks, &markers, j, day) {
            Verb::Done => return false,
            Verb::Undone => return true,
            // "In 1990, Velmar said.": a year or month before a bare speech tag times what was
            // said (in the sentence before), never the saying, which happens on a day
            Verb::Saying if !day && opens_sentence && closes_sentence(toks, j + 1) => return true,
            // "X repaid the bonds on May 1, 1990, she said": a verb the lists miss may come
            // before, so a reporting verb after the date proves nothing; the verbs after it
            // are the reported clause's ("Lee, in a talk on May 1, said prices would rise")
            Verb::Saying => break,
            Verb::None => {}
        }
    }
    // "told the court on May 3 that it would appeal": a day between "on" and the "that" of
    // what a reporting verb reports dates the saying
    let saying_day = day
        && start.checked_sub(1).is_some_and(|k| toks[k].is("on"))
        && toks.get(end).is_some_and(|t| t.is("that"));
    (speech && !saying_day) || weak_present
}

/// How many words of a noun phrase a day dates are read after the day.
const DATED_NOUN_WORDS: usize = 3;

/// The token of the determiner of the noun a day (first token `day`) dates: an article, a
/// possessive determiner or a possessive noun right before the day ("the March 13 letter",
/// "Velmar's March 13 offer"), or before one hyphenated modifier before it ("its four-week
/// March 13 sales").
pub fn dated_noun_determiner(toks: &[Tok], day: usize) -> Option<usize> {
    let det = |k: usize| {
        toks.get(k).is_some_and(|w| {
            ARTICLES.has(w)
                || POSSESSIVES.has(w)
                || w.text.ends_with("'s")
                || w.text.ends_with("\u{2019}s")
        })
    };
    let prev = day.checked_sub(1)?;
    let hyphenated = toks.get(prev).is_some_and(|w| {
        w.kind == TokKind::Word
            && w.text.contains('-')
            && w.text.bytes().all(|b| b == b'-' || b.is_ascii_lowercase())
    });
    if det(prev) {
        Some(prev)
    } else if hyphenated && prev.checked_sub(1).is_some_and(det) {
        Some(prev - 1)
    } else {
        None
    }
}

/// A noun phrase a day dates ([`dated_noun_phrase`]).
pub struct DatedNoun {
    /// The determiner's token.
    pub det: usize,
    /// The words after the day up to the verb (or the end of the words read).
    pub words: std::ops::Range<usize>,
    /// The past verb right after the words, when the phrase is its subject.
    pub verb: Option<usize>,
}

/// The noun phrase a day with its month's name dates (its tokens `day..after`): a determiner before it
/// ([`dated_noun_determiner`]) and a lowercase word after it that is no preposition, relative
/// pronoun or verb, then at most `DATED_NOUN_WORDS` words in all with no tense. `verb` is the
/// past verb right after those words when the phrase is its subject ("the March 13 letter
/// said", "a March 13 storm cost"): not when the phrase is a preposition's object, whose verb
/// after it has another subject ("a poll taken before the March 13 vote showed"), nor the verb
/// of a relative clause.
pub fn dated_noun_phrase(toks: &[Tok], day: usize, after: usize) -> Option<DatedNoun> {
    // a day in digits alone ("the 9/11 attacks") is as often a name as a date
    if !toks
        .get(day..after)?
        .iter()
        .any(|t| t.kind == TokKind::Word && crate::time::lexicon::month(t.text).is_some())
    {
        return None;
    }
    let det = dated_noun_determiner(toks, day)?;
    let first = toks.get(after)?;
    if first.kind != TokKind::Word
        || !first.text.starts_with(|c: char| c.is_ascii_lowercase())
        || PREPOSITIONS.has(first)
        || RELATIVE_PRONOUNS.has(first)
    {
        return None;
    }
    let mut end = after;
    let mut verb = None;
    while end < toks.len().min(after + DATED_NOUN_WORDS + 1) {
        // "the March 13 attacks that destroyed": a relative clause tells the noun's past
        // (a day of another year, maybe, named without it)
        // "intimidate the 9/11 families and asserted": "and" joins another verb
        let joins = toks[end].is("and") || toks[end].is("or");
        if toks[end].kind != TokKind::Word || RELATIVE_PRONOUNS.has(&toks[end]) || joins {
            break;
        }
        if marker(toks, end).is_some() {
            verb = past_verb_at(toks, end).then_some(end);
            break;
        }
        end += 1;
    }
    let object = det
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|w| PREPOSITIONS.has(w) || w.is("to"));
    (end > after).then_some(DatedNoun {
        det,
        words: after..end,
        verb: verb.filter(|_| !object),
    })
}

/// True when token `i` is a relative pronoun or "that" right before a preposition ("a firm
/// that on May 3 bought", "said that during a test on May 3"): it opens a clause whose verb
/// comes after the phrase of time (a determiner "that" is followed by its noun instead).
fn opens_clause_before_adverbial(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| RELATIVE_PRONOUNS.has(t))
        && toks.get(i + 1).is_some_and(|n| PREPOSITIONS.has(n))
}

/// True when token `i` is a lowercase word in "-ing" of six letters or more with no form of
/// "be" right before it: a participle or gerund of no tense ("saw prices dropping").
fn bare_gerund(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let w = t.text;
    t.kind == TokKind::Word
        && w.len() > 5
        && w.ends_with("ing")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| BE_FORMS.has(p))
}

crate::word_set!(
    /// Past verbs of seeing a course ahead ("saw", "envisaged"): with a gerund in their object
    /// ("saw prices dropping to 15 dlrs in 1990") the date is of the course foreseen.
    FORESIGHT_VERBS = file "foresight-verbs.txt"
);

/// True when the past verb at token `i` is one of seeing a course ahead and a gerund of its
/// object lies between it and the date (`gerund`): the date times the course foreseen, no
/// done event.
fn foreseen_course(toks: &[Tok], i: usize, gerund: bool) -> bool {
    gerund
        && toks
            .get(i)
            .is_some_and(|t| FORESIGHT_VERBS.contains(t.text))
}

/// How many words before a past verb the conjunction of its time clause is looked for.
const OCCASION_REACH: usize = 6;

/// True when the past verb at token `i` heads a time clause ("after the lease ended in 1990",
/// "when the plant opened in 1990") or a condition ("would help if it were funded in 1990") in
/// a sentence that tells a future in the past or a hypothesis with "would" ("would enjoy
/// autonomy after …", "said it would sell the unit when …"): the past form follows the
/// sequence of tenses, or is the conditional's, and tells no done event.
fn in_the_past_of_would(toks: &[Tok], i: usize) -> bool {
    let occasion = WordsBack::new(toks, i, OCCASION_REACH)
        .or_at_comma()
        .any(|k| OCCASION_CONJUNCTIONS.has(&toks[k]) || CONDITION_CONJUNCTIONS.has(&toks[k]));
    occasion
        && toks
            .iter()
            .enumerate()
            .any(|(k, t)| t.is("would") && !toks.get(k + 1).is_some_and(|n| n.is("have")))
}

/// True when token `i` is a present verb the lists miss, read from its form and place: a
/// lowercase word in "-s" (not "-ss", "-us" or "-is") right after a lowercase word of no
/// tense that is no article, preposition, pronoun or number, at most the third word of
/// its sentence ("the term refers to …"). A plural noun reads the same ("bond sales"), so it
/// decides only when no verb of the lists does.
fn present_after_noun(toks: &[Tok], markers: &Markers, i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let w = t.text;
    let form = t.kind == TokKind::Word
        && w.len() > 3
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is");
    let noun = i.checked_sub(1).is_some_and(|p| {
        markers.get(p).is_none() && noun_like(toks, p) && !POSSESSIVES.has(&toks[p])
    });
    let early = WordsBack::new(toks, i, 3).count() < 3;
    form && noun && early
}

/// The word tokens before token `from` of a clause, nearest first: at most `reach` of them,
/// passing over other tokens and stopping at a ";" (or also at a ",", [`WordsBack::or_at_comma`]),
/// the clause's edge. The walk back of every check here that looks for the verb an expression
/// hangs on; [`WordsBack::stopped`] tells whether it met the edge before its reach.
struct WordsBack<'t, 'a> {
    toks: &'t [Tok<'a>],
    /// The token the next step looks at is the one before this.
    at: usize,
    /// How many more words it may give.
    left: usize,
    /// Whether a "," ends the walk as well.
    comma: bool,
    /// Whether the walk met the clause's edge.
    edge: bool,
}

impl<'t, 'a> WordsBack<'t, 'a> {
    /// The words before token `from` (any index: past the end means from the last token),
    /// up to `reach` of them.
    fn new(toks: &'t [Tok<'a>], from: usize, reach: usize) -> Self {
        WordsBack {
            toks,
            at: from.min(toks.len()),
            left: reach,
            comma: false,
            edge: false,
        }
    }

    /// The same walk, ending at a "," as well: a list or an aside before it is another
    /// phrase's.
    fn or_at_comma(mut self) -> Self {
        self.comma = true;
        self
    }

    /// True when the walk ended at a ";" (or a ","), not at its reach or the sentence start.
    fn stopped(&self) -> bool {
        self.edge
    }
}

impl Iterator for WordsBack<'_, '_> {
    type Item = usize;

    /// The index of the next word back, or None at the reach, the clause's edge or the start.
    fn next(&mut self) -> Option<usize> {
        if self.left == 0 || self.edge {
            return None;
        }
        while self.at > 0 {
            self.at -= 1;
            let t = self.toks.get(self.at)?;
            if t.is_punct(';') || (self.comma && t.is_punct(',')) {
                self.edge = true;
                return None;
            }
            if t.kind == TokKind::Word {
                self.left -= 1;
                return Some(self.at);
            }
        }
        None
    }
}

/// What a token says of the verb an expression hangs on.
enum Verb {
    /// A past verb: a done event.
    Done,
    /// A modal, an infinitive, a forecast or plan, a present passive, a future or present word.
    Undone,
    /// A reporting verb: it dates the saying.
    Saying,
    /// No verb.
    None,
}

/// What token `i` says of the verb an expression hangs on ([`Verb`]).
fn verb_kind(toks: &[Tok], markers: &Markers, i: usize, day: bool) -> Verb {
    let Some(t) = toks.get(i) else {
        return Verb::None;
    };
    if t.kind != TokKind::Word {
        return Verb::None;
    }
    if MODAL_WORDS.has(t) {
        // "could have been finished by then" tells a past possibility; "should have strong
        // sales" is no perfect
        let perfect = toks.get(i + 1).is_some_and(|n| n.is("have"))
            && toks.get(i + 2).is_some_and(participle_like);
        return if perfect && !unreal_modal(t) {
            Verb::Done
        } else {
            Verb::Undone
        };
    }
    // "to be paid by May 1, 1990": a passive or a copula after "to" tells what is to come,
    // for a whole day too
    let to_be = t.is("be") && i.checked_sub(1).is_some_and(|p| toks[p].is("to"));
    // "estimated on May 3 that …", "proposed on May 3 a cut": a day right after a verb of a
    // plan or forecast dates the act of planning, not its aim
    let dated_act = day
        && toks.get(i + 1).is_some_and(|n| n.is("on"))
        && toks.get(i + 2).is_some_and(|n| {
            n.kind == TokKind::Num || n.text.starts_with(|c: char| c.is_ascii_uppercase())
        });
    if to_be || (!day && infinitive(toks, i)) || (PLAN_VERBS.contains(t.text) && !dated_act) {
        return Verb::Undone;
    }
    if LIKELIHOOD_WORDS.has(t) || likelihood_predicate(toks, i) {
        return Verb::Undone;
    }
    if gerund_of_an_aim(toks, i) {
        return Verb::Undone;
    }
    match markers.get(i) {
        None if present_after_pronoun(toks, i) || present_after_adverb(toks, i) => Verb::Undone,
        None if past_after_pronoun(toks, i) => Verb::Done,
        None => Verb::None,
        Some((_, true)) => Verb::Saying,
        Some((Tense::Past, false)) => past_form(toks, markers, i),
        Some(_) => Verb::Undone,
    }
}

crate::word_set!(
    /// Irregular past forms that are their participles too ("sold", "bought"), which the tense
    /// lists leave out.
    SHARED_PAST_FORMS = file "shared-past-forms.txt"
);

/// True when token `i` is an irregular past form that is its participle too ("sold",
/// "bought") right after a subject pronoun ("said it sold the stake"): a participle has no
/// subject of its own, so there it is a past verb.
fn past_after_pronoun(toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == TokKind::Word && SHARED_PAST_FORMS.contains(t.text))
        && i.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| SUBJECT_PRONOUNS.has(p))
}

/// True when token `i` is an irregular past form that is its participle too ("sold",
/// "bought") after a word that is no auxiliary, article, preposition or conjunction (nor an
/// adverb after an auxiliary), and before an article, a possessive determiner or a number
/// ("Velmar bought the mill", "the group sold 500 shares"): a participle after a noun takes
/// no object ("the stake sold at auction"), so there it is a past verb with an object of its
/// own.
fn past_before_object(toks: &[Tok], i: usize) -> bool {
    let shared = toks
        .get(i)
        .is_some_and(|t| t.kind == TokKind::Word && SHARED_PAST_FORMS.contains(t.text));
    let subject = i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
        p.kind == TokKind::Word
            && !(AUXILIARIES.has(p)
                || BE_FORMS.has(p)
                || ARTICLES.has(p)
                || POSSESSIVES.has(p)
                || PREPOSITIONS.has(p)
                || p.is("to")
                || p.is("not")
                || p.is("and")
                || p.is("or")
                || p.is("being"))
    });
    let object = toks
        .get(i + 1)
        .is_some_and(|n| ARTICLES.has(n) || POSSESSIVES.has(n) || n.kind == TokKind::Num);
    // "has already bought 20 mln tonnes": the auxiliary an adverb parts from the form marks
    // the verb's tense itself
    let auxiliary_before = i
        .checked_sub(2)
        .and_then(|k| toks.get(k))
        .is_some_and(|w| AUXILIARIES.has(w) || BE_FORMS.has(w));
    shared && subject && object && !auxiliary_before
}

crate::word_set!(
    /// Verbs of naming to a post in "-ed" that the not-past list keeps ("appointed", "named").
    NAMING_VERBS = file "naming-verbs.txt"
);

/// True when token `i` is a lowercase verb of naming in "-ed" ([`NAMING_VERBS`]) after a
/// capitalized word or a subject pronoun and before a capitalized word, an article or a
/// possessive ("the governor's aide said Velmar appointed Halvik in September", "it named its
/// chief"): a subject and an object make it a past verb. Not "a man named Halvik" or "the
/// newly elected Tessaly assembly" (a lowercase word before it).
fn past_naming_verb(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let verb = t.kind == TokKind::Word
        && t.text.starts_with(|c: char| c.is_ascii_lowercase())
        && NAMING_VERBS.contains(t.text);
    if !verb {
        return false;
    }
    let subject = i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
        p.kind == TokKind::Word
            && (p.is_capitalized() || SUBJECT_PRONOUNS.has(p))
            && !(ARTICLES.has(p) || POSSESSIVES.has(p) || p.text.ends_with("ly"))
    });
    let object = toks.get(i + 1).is_some_and(|n| {
        n.kind == TokKind::Word && (n.is_capitalized() || ARTICLES.has(n) || POSSESSIVES.has(n))
    });
    subject && object
}

/// True when token `i` is a form of "be" whose predicate is an adjective of likelihood,
/// perhaps after "not" or an adverb ("was not unlikely", "is highly probable"): the clause
/// tells an estimate, whatever the tense of "be".
fn likelihood_predicate(toks: &[Tok], i: usize) -> bool {
    if !toks.get(i).is_some_and(|t| BE_FORMS.has(t)) {
        return false;
    }
    for k in i + 1..i + 3 {
        let Some(t) = toks.get(k) else { return false };
        if LIKELIHOOD_WORDS.has(t) {
            return true;
        }
        if !(t.is("not") || (t.text.len() > 4 && t.text.ends_with("ly"))) {
            return false;
        }
    }
    false
}

/// What a past form at token `i` tells: a participle after a present "be" is a present
/// passive ("is completed"); one after "and" that follows a participle of no tense shares its
/// auxiliary ("must be registered and shipped"), and the walk goes on to it.
fn past_form(toks: &[Tok], markers: &Markers, i: usize) -> Verb {
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k));
    let prev = at(i.checked_sub(1));
    // a capitalised "Is" heads a title's words ("Man Is Asked To Call"), whose tense is no
    // clause's
    let present_be = prev.is_some_and(|p| {
        BE_FORMS.has(p)
            && p.text.starts_with(|c: char| c.is_ascii_lowercase())
            && (p.is("being") || matches!(markers.get(i - 1), Some((Tense::Present, _))))
    });
    // "would have been paid then": an unreal or a coming event, not a done one (the modal
    // before "have", or before "have been" for a passive)
    let passive =
        prev.is_some_and(|p| p.is("been")) && at(i.checked_sub(2)).is_some_and(|h| h.is("have"));
    let perfect_of = if passive {
        i.checked_sub(3)
    } else {
        i.checked_sub(2)
            .filter(|_| prev.is_some_and(|p| p.is("have")))
    };
    if present_be || after_condition(toks, i) || at(perfect_of).is_some_and(unreal_modal) {
        return Verb::Undone;
    }
    if prev.is_some_and(|p| PREPOSITIONS.has(p))
        || after_count(toks, i)
        || after_distributive_noun(toks, i)
    {
        return Verb::None;
    }
    let shared = prev.is_some_and(|p| p.is("and"))
        && i.checked_sub(2).is_some_and(|k| {
            markers.get(k).is_none()
                && toks.get(k).is_some_and(|w| {
                    w.kind == TokKind::Word
                        && (w.text.ends_with("ed") || PAST_WORDS.contains(w.text))
                })
        });
    if shared || shares_distant_be(toks, markers, i) {
        Verb::None
    } else {
        Verb::Done
    }
}

/// True when the past form at token `i` comes after an article or a number word, perhaps with
/// an adverb in "-ly" between ("the first two newly ordered jets", "the recently hired
/// clerks"): an adjective before its noun, no past verb. (A number in digits may be a year
/// that closes another phrase: "sales in 1986 rose".)
fn after_count(toks: &[Tok], i: usize) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k));
    let mut k = i.checked_sub(1);
    if at(k).is_some_and(|a| {
        a.kind == TokKind::Word
            && a.text.len() > 4
            && a.text.ends_with("ly")
            && a.text.bytes().all(|b| b.is_ascii_lowercase())
    }) {
        k = k.and_then(|k| k.checked_sub(1));
    }
    at(k).is_some_and(|c| {
        ARTICLES.has(c)
            || crate::lexicon::sets::CARDINALS.has(c)
            || crate::lexicon::sets::ORDINALS.has(c)
    })
}

crate::word_set!(
    /// Determiners of one thing at a time ("each", "per").
    DISTRIBUTIVES = file "distributive-determiners.txt"
);

/// True when the past form at token `i` follows a noun after a determiner of one thing at a
/// time ("for each share held on May 1", "per unit sold"): a participle describing the noun,
/// no past verb of the clause.
fn after_distributive_noun(toks: &[Tok], i: usize) -> bool {
    let noun = i
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|n| n.kind == TokKind::Word && n.text.bytes().all(|b| b.is_ascii_lowercase()));
    noun && i
        .checked_sub(2)
        .and_then(|k| toks.get(k))
        .is_some_and(|d| DISTRIBUTIVES.contains(d.text))
}

/// True for "would" and "will" (also as "we'll"), whose perfect tells an unreal or a coming
/// event ("would have been paid", "we'll have finished"), not a past one as "could have" and
/// "must have" may.
fn unreal_modal(t: &Tok) -> bool {
    t.is("would") || t.is("will") || t.text.ends_with("'ll") || t.text.ends_with("\u{2019}ll")
}

/// True for a word that may be a past participle: "been", a word of the past list, or one in
/// "-ed", "-en" or with an ending of an irregular past ("paid", "sold", "built").
fn participle_like(t: &Tok) -> bool {
    let w = t.text;
    t.kind == TokKind::Word
        && w.bytes().all(|b| b.is_ascii_alphabetic())
        && (t.is("been")
            || PAST_WORDS.contains(w)
            || w.ends_with("ed")
            || w.ends_with("en")
            || (1..=w.len().min(5)).any(|k| PAST_FORM_ENDINGS.contains(&w[w.len() - k..])))
}

/// True when token `i` is a gerund after a noun of a plan or an aim and a preposition ("the
/// aim of cutting", "plans for building"), after a verb of a plan and one ("aimed at
/// cutting"), after a noun of money set aside and one ("a provision for closing"), or right
/// after a plural noun of a plan ("plans calling for"): the act meant, no done event.
fn gerund_of_an_aim(toks: &[Tok], i: usize) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k));
    let gerund = at(Some(i))
        .is_some_and(|t| t.kind == TokKind::Word && t.text.len() > 5 && t.text.ends_with("ing"));
    let aim = |n: &Tok| AIM_NOUNS.has(n) || PLAN_VERBS.contains(n.text) || PROVISION_NOUNS.has(n);
    gerund
        && (at(i.checked_sub(1)).is_some_and(|p| PREPOSITIONS.has(p))
            && at(i.checked_sub(2)).is_some_and(aim)
            || at(i.checked_sub(1)).is_some_and(|n| AIM_NOUNS.has(n)))
}

crate::word_set!(
    /// Nouns of money set aside for an act to come ("a provision for closing the plant"): a
    /// gerund after one and a preposition is the act meant.
    PROVISION_NOUNS = file "provision-nouns.txt"
);

/// True when token `i`, a word no tense list holds, is a present verb after an adverb that
/// comes before a verb ("the levy also raises", "the firm now expects"): a lowercase word in
/// "-s" (not "-ss") after one, which follows a word that is no auxiliary or modal.
fn present_after_adverb(toks: &[Tok], i: usize) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k));
    let Some(t) = at(Some(i)) else { return false };
    let w = t.text;
    let form = t.kind == TokKind::Word
        && w.len() > 3
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && w.ends_with('s')
        && !w.ends_with("ss");
    let adverb = at(i.checked_sub(1)).is_some_and(|a| {
        a.kind == TokKind::Word
            && PRE_VERB_ADVERBS.has(a)
            && !AUXILIARIES.has(a)
            && !MODAL_WORDS.has(a)
    });
    let subject = at(i.checked_sub(2)).is_some_and(|s| {
        s.kind == TokKind::Word
            && !AUXILIARIES.has(s)
            && !MODAL_WORDS.has(s)
            && !PREPOSITIONS.has(s)
    });
    form && adverb && subject
}

/// True for a word in "-ed" of five letters or more ("customized", "reduced").
fn ends_in_ed(t: &Tok) -> bool {
    t.kind == TokKind::Word && t.text.len() > 4 && t.text.ends_with("ed")
}

/// True when token `i` is a present verb in "-s" read from its place ([`present_after_pronoun`]:
/// "because he faces a trial in April", "the notes, which mature in May"): the clause's own
/// present, which a past verb farther off does not outrank.
fn third_person_after_pronoun(toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.text.ends_with('s') && !t.text.ends_with("ss"))
        && present_after_pronoun(toks, i)
}

/// True when token `i`, a word no tense list holds, is a present-tense verb read from its form
/// and place: right after a subject pronoun, perhaps with an adverb in "-ly" between, a
/// lowercase word that is no auxiliary and no form in "-ed", "-ing" or "-ly"; after "he",
/// "she" or "it" it ends in "-s" ("he retires", "it becomes"), after "I", "we" or "they" it
/// has no ending of an irregular past ("we project", "I see"; not "we sold", "they cut"), and
/// so after ", which" or ", who" ("the bonds, which mature").
fn present_after_pronoun(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let w = t.text;
    let ends = |x: &str| w.len() > x.len() && w.ends_with(x);
    let form = t.kind == TokKind::Word
        && w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !ends("ed")
        && !ends("ing")
        && !ends("ly")
        && !AUXILIARIES.has(t)
        && !ARTICLES.has(t);
    if !form {
        return false;
    }
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k));
    let mut p = i.checked_sub(1);
    if at(p).is_some_and(|a| a.kind == TokKind::Word && a.text.len() > 4 && a.text.ends_with("ly"))
    {
        p = p.and_then(|k| k.checked_sub(1));
    }
    // ", which" and ", who" open a clause whose subject they are ("the notes, which mature")
    // and "that" right after a noun opens one too ("the rules that take effect"); after a
    // verb it opens a reported clause ("said that")
    let relative = |x: &Tok| {
        let before = p.and_then(|k| k.checked_sub(1));
        crate::lexicon::sets::RELATIVE_PRONOUNS.has(x)
            && (before.is_some_and(|k| toks[k].is_punct(','))
                || (x.is("that") && before.is_some_and(|k| noun_like(toks, k))))
    };
    let Some(pronoun) =
        at(p).filter(|x| x.kind == TokKind::Word && (SUBJECT_PRONOUNS.has(*x) || relative(x)))
    else {
        return false;
    };
    let third = pronoun.is("he") || pronoun.is("she") || pronoun.is("it");
    if third {
        return ends("s") && !ends("ss");
    }
    !(1..=w.len().min(5)).any(|k| PAST_FORM_ENDINGS.contains(&w[w.len() - k..]))
}

/// True when token `k` may be a noun: a lowercase word of three letters or more that marks no
/// tense and is no article, preposition, pronoun, auxiliary, modal or number word.
fn noun_like(toks: &[Tok], k: usize) -> bool {
    let Some(n) = toks.get(k) else { return false };
    n.kind == TokKind::Word
        && n.text.len() > 2
        && n.text.bytes().all(|b| b.is_ascii_lowercase())
        && marker(toks, k).is_none()
        && !ARTICLES.has(n)
        && !PREPOSITIONS.has(n)
        && !SUBJECT_PRONOUNS.has(n)
        && !AUXILIARIES.has(n)
        && !MODAL_WORDS.has(n)
        && !crate::lexicon::sets::CARDINALS.has(n)
}

/// True when token `i` follows a conjunction of a condition, perhaps with "not" between ("if
/// approved", "unless not renewed"): a reduced conditional clause, which tells what may happen.
fn after_condition(toks: &[Tok], i: usize) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k));
    let mut k = i.checked_sub(1);
    if at(k).is_some_and(|t| t.is("not")) {
        k = k.and_then(|k| k.checked_sub(1));
    }
    at(k).is_some_and(|t| CONDITION_CONJUNCTIONS.has(t))
}

/// How many words before a coordinated participle its shared "be" is looked for.
const SHARED_BE_REACH: usize = 12;

/// True when the past form at token `i` is the second participle of a passive whose "be" it
/// shares across words between them ("must be registered with the agency by May 1, and
/// shipped by June 1"; "will be built abroad and delivered by 1990"; "must be signed and
/// goods loaded by then", a noun of its own before it): after "and", perhaps with one
/// lowercase word between, the first verb walking back is a participle right after "be",
/// which carries no tense, and no verb of another tense comes between.
fn shares_distant_be(toks: &[Tok], markers: &Markers, i: usize) -> bool {
    let at = |k: usize| toks.get(k);
    let word = |k: usize| at(k).is_some_and(|t| t.kind == TokKind::Word);
    let Some(and_at) = i
        .checked_sub(1)
        .filter(|&k| at(k).is_some_and(|t| t.is("and")))
        .or_else(|| {
            let noun = i.checked_sub(1).is_some_and(|k| {
                word(k)
                    && markers.get(k).is_none()
                    && at(k).is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_lowercase()))
            });
            i.checked_sub(2)
                .filter(|&k| noun && at(k).is_some_and(|t| t.is("and")))
        })
    else {
        return false;
    };
    for k in WordsBack::new(toks, and_at, SHARED_BE_REACH) {
        if markers.get(k).is_some() {
            return false;
        }
        let lowercase = toks[k].text.starts_with(|c: char| c.is_ascii_lowercase());
        if lowercase
            && k.checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.is("be"))
        {
            return true;
        }
    }
    false
}

/// True when the expression at tokens `start..end` is the new day or year of a change of
/// schedule: "to" right before it (or "to the end of", "to early") or a "from … to" range as
/// the expression itself, and a verb of rescheduling as the first verb before it ("the deadline
/// was extended to May 1, 1990", "moved the vote from May 1 to June 1"): the day aimed at, no
/// event done then.
pub fn rescheduled_to(toks: &[Tok], start: usize, end: usize) -> bool {
    let markers = Markers::new(toks);
    let inner_to = toks
        .get(start..end)
        .is_some_and(|e| e.first().is_some_and(|t| t.is("from")) && e.iter().any(|t| t.is("to")));
    let mut k = start;
    // "to the end of 1990", "to early 1990": the lead words TIMEX3 may leave outside
    let lead = |t: &Tok| {
        ARTICLES.has(t)
            || t.is("of")
            || crate::time::lexicon::PERIOD_EDGE.contains(t.text)
            || crate::time::lexicon::PERIOD_PART.contains(t.text)
    };
    while k > 0 && k + 4 > start && lead(&toks[k - 1]) {
        k -= 1;
    }
    let to_before = k > 0 && toks[k - 1].is("to");
    if !(inner_to || to_before) {
        return false;
    }
    for k in WordsBack::new(toks, k, HANG_REACH).or_at_comma() {
        if crate::lexicon::sets::RESCHEDULE_WORDS.contains(toks[k].text) {
            return true;
        }
        if markers.get(k).is_some() || MODAL_WORDS.has(&toks[k]) {
            return false;
        }
    }
    false
}

/// True when token `i` is a verb's base form after "to" ("to extend", "to rise"): a lowercase
/// word that is no article, no possessive or object pronoun, no plural ("to investors") and no
/// form in "-ing" or "-ed" ("to dating", "to revised terms"); a noun read as a verb here ("to
/// power") only keeps a date from counting as evidence.
fn infinitive(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let to = i.checked_sub(1).and_then(|p| toks.get(p));
    let after_to = to.is_some_and(|p| p.is("to"));
    let w = t.text;
    // a headline in capitals writes its infinitive so ("ADVISED TO CUT OUTPUT IN 1990")
    let capitals = to.is_some_and(|p| p.text == "TO") && w.bytes().all(|b| b.is_ascii_uppercase());
    let suffix = |x: &str| w.len() >= x.len() && w[w.len() - x.len()..].eq_ignore_ascii_case(x);
    after_to
        && t.kind == TokKind::Word
        && w.len() >= 2
        && (capitals || w.bytes().all(|b| b.is_ascii_lowercase()))
        && !ARTICLES.has(t)
        && !crate::lexicon::sets::NOT_A_VERB_AFTER_TO.contains(w)
        && (!suffix("s") || suffix("ss"))
        && !suffix("ing")
        && !suffix("ed")
}

/// "to be completed", "is to be held": a passive infinitive names what is still to happen, so
/// a day it governs lies ahead ("shares, to be sold around Nov. 1").
fn planned_passive(toks: &[Tok], i: usize) -> Option<Tense> {
    let t = toks.get(i)?;
    // "to be" first, and the word set compares without case: no lowercase copy of every word
    // asked about (the throughput benchmark, `cargo bench --bench throughput`)
    let to_be = i >= 2 && toks[i - 1].is("be") && toks[i - 2].is("to");
    let participle = || {
        t.kind == TokKind::Word
            && t.text.len() > 4
            && (t.text.ends_with("ed") || PAST_WORDS.contains(t.text))
    };
    (to_be && participle()).then_some(Tense::Future)
}

/// True when token `i` is a participle after "as", perhaps with an adverb between ("went ahead
/// as planned", "began as previously scheduled"): it compares the event with a plan made
/// before, and gives the clause no future.
fn as_planned(toks: &[Tok], i: usize) -> bool {
    let participle = toks
        .get(i)
        .is_some_and(|t| t.kind == TokKind::Word && t.text.len() > 4 && t.text.ends_with("ed"));
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k));
    let adverb = at(i.checked_sub(1))
        .is_some_and(|t| t.kind == TokKind::Word && t.text.len() > 4 && t.text.ends_with("ly"));
    let before = if adverb {
        i.checked_sub(2)
    } else {
        i.checked_sub(1)
    };
    participle && at(before).is_some_and(|t| t.is("as"))
}

/// True when token `i` comes right after a lowercase present form of "be" ("the case is heard
/// in May", "the talks are held on Monday"): the participle of a present passive, which tells
/// no past; the "be" before it marks the clause's tense. So does a subject pronoun's "'s" in a
/// clause of an occasion ("when he's sentenced May 7"): "is", not "has".
fn after_present_be(toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    if contracted_is(toks, i - 1) {
        return true;
    }
    BE_FORMS.has(p)
        && p.text.starts_with(|c: char| c.is_ascii_lowercase())
        && matches!(
            classify(p, i.checked_sub(2).and_then(|k| toks.get(k)), toks.get(i)),
            Some(Tense::Present)
        )
}

/// True when token `k` is a subject pronoun with "'s" right after a conjunction of an occasion
/// ("when he's", "after it's"; `OCCASION_CONJUNCTIONS`): a clause that tells when something
/// happens, whose "'s" before a participle is a present "be".
fn contracted_is(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    let stem = t
        .text
        .strip_suffix("'s")
        .or_else(|| t.text.strip_suffix("\u{2019}s"))
        .unwrap_or("");
    !stem.is_empty()
        && SUBJECT_PRONOUNS.contains(stem)
        && k.checked_sub(1)
            .and_then(|c| toks.get(c))
            .is_some_and(|c| OCCASION_CONJUNCTIONS.has(c))
}

/// True when token `i` follows "be" and an adverb ("would be quietly released", "will be
/// double tracked"): a participle of a passive that carries no tense, as right after "be".
fn after_be_adverb(toks: &[Tok], i: usize) -> bool {
    let adverb = i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|t| {
        t.kind == TokKind::Word
            && t.text.len() > 2
            && t.text.bytes().all(|b| b.is_ascii_lowercase())
            && !t.text.ends_with("ed")
            && !ARTICLES.has(t)
    });
    adverb
        && i.checked_sub(2)
            .and_then(|p| toks.get(p))
            .is_some_and(|t| t.is("be"))
}

/// True for a word of three or more hyphenated parts ending in a participle
/// ("lower-than-expected", "out-of-court-settled"): an adjective, no verb (two parts may be one
/// verb: "re-elected", "test-fired").
fn compound_adjective(t: &Tok) -> bool {
    t.text.split('-').filter(|p| !p.is_empty()).count() >= 3
}

/// True when token `i` is a participle of two hyphenated parts whose first is a word of four
/// letters or more, right before a lowercase word that may be a noun ("its trade-weighted
/// index", "a state-owned mill", "a state-owned 40-bed clinic"): an adjective before its noun,
/// no verb. Short first parts
/// are prefixes of verbs ("re-elected", "co-owned"); an article, a preposition, a pronoun or
/// a number after it is the object a verb takes ("hand-picked the team").
fn attributive_compound(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let Some((first, second)) = t.text.split_once('-') else {
        return false;
    };
    let alphabetic = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic());
    // "a fully-owned 57-dealer network": a number-word compound is a modifier of the noun too
    let counted = toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Num)
        && toks.get(i + 2).is_some_and(|d| d.text == "-")
        && toks.get(i + 3).is_some_and(|w| w.kind == TokKind::Word);
    let noun_after = counted
        || toks.get(i + 1).is_some_and(|n| {
            n.kind == TokKind::Word
                && n.text.starts_with(|c: char| c.is_ascii_lowercase())
                && !ARTICLES.has(n)
                && !PREPOSITIONS.has(n)
                && !SUBJECT_PRONOUNS.has(n)
                && !crate::lexicon::sets::CARDINALS.has(n)
                && !n.is("and")
                && !n.is("or")
        });
    first.len() >= 4 && alphabetic(first) && alphabetic(second) && noun_after
}

/// True when token `i` is a participle of two hyphenated parts that opens its sentence or
/// follows an article, right before a capitalized word ("Top-ranked Velmar Corp reports …",
/// "the state-owned Tessaly Bank"): an adjective of the name, no verb (a finite verb wants a
/// subject before it).
fn compound_before_name(toks: &[Tok], i: usize) -> bool {
    let Some((first, second)) = toks.get(i).and_then(|t| t.text.split_once('-')) else {
        return false;
    };
    let alphabetic = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic());
    let opens = i == 0 || toks.get(i - 1).is_some_and(|p| ARTICLES.has(p));
    opens
        && alphabetic(first)
        && alphabetic(second)
        && toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokKind::Word && n.is_capitalized())
}

/// How many participles may stand in a row between a preposition and its noun ("on dated
/// subordinated debt").
const PREMODIFIER_RUN: usize = 3;

/// True when token `i` is a form in "-ed" in a run of such forms right after a preposition and
/// right before a lowercase word ("on dated subordinated debt", "in restricted stock"): the
/// adjectives of the preposition's noun, no finite verb (a finite verb wants a subject first).
fn adjective_after_preposition(toks: &[Tok], i: usize) -> bool {
    let ed = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.text.len() > 4
                && t.text.ends_with("ed")
                && t.text.bytes().all(|b| b.is_ascii_lowercase())
        })
    };
    let noun_after = toks.get(i + 1).is_some_and(|n| {
        n.kind == TokKind::Word
            && n.text.bytes().all(|b| b.is_ascii_lowercase())
            && !ARTICLES.has(n)
            && !POSSESSIVES.has(n)
            && !PREPOSITIONS.has(n)
            && !n.is("to")
            && !n.is("and")
            && !n.is("or")
            && !n.is("that")
    });
    if !ed(i) || !noun_after {
        return false;
    }
    let mut k = i;
    for _ in 0..PREMODIFIER_RUN {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        if toks.get(p).is_some_and(|w| PREPOSITIONS.has(w)) || listed_adjective(toks, p) {
            return true;
        }
        if !ed(p) {
            return false;
        }
        k = p;
    }
    false
}

/// True when token `p` is the comma after the first of two adjectives of a preposition's noun:
/// one lowercase word, in no "-ed", right after the preposition ("of common, unrestricted
/// shares").
fn listed_adjective(toks: &[Tok], p: usize) -> bool {
    let Some(w) = p.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    toks.get(p).is_some_and(|c| c.is_punct(','))
        && w.kind == TokKind::Word
        && w.text.bytes().all(|b| b.is_ascii_lowercase())
        && !w.text.ends_with("ed")
        && p.checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|x| PREPOSITIONS.has(x))
}

crate::word_set!(
    /// Adverbs not in "-ly" between a determiner and a participle used as an adjective ("its
    /// already delayed report", "the long awaited vote").
    PARTICIPLE_ADVERBS = file "participle-adverbs.txt"
);

/// True when token `i` follows an article, perhaps with an adverb between ("the revised
/// plan", "a still unspecified date"), or a possessive of a thing with an adverb between
/// before a noun or a number ("its already delayed 2019 accounts"): a participle used as an
/// adjective, no past-tense verb.
fn after_article(toks: &[Tok], i: usize) -> bool {
    let article = |k: usize| toks.get(k).is_some_and(|t| ARTICLES.has(t));
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    if article(p) || owned_adjective(toks, p, i) {
        return true;
    }
    let adverb = toks.get(p).is_some_and(|t| {
        t.kind == TokKind::Word
            && (PARTICIPLE_ADVERBS.has(t) || (t.text.len() > 4 && t.text.ends_with("ly")))
    });
    let owned = |k: usize| {
        toks.get(k)
            .is_some_and(|w| POSSESSIVES.has(w) && !w.is("her"))
            && toks.get(i + 1).is_some_and(|n| {
                n.kind == TokKind::Num
                    || (n.kind == TokKind::Word && n.text.bytes().all(|b| b.is_ascii_lowercase()))
            })
    };
    adverb && p.checked_sub(1).is_some_and(|k| article(k) || owned(k))
}

/// True when token `p` is a possessive of a thing ("his", "its", "their", "our"; not "her", which
/// may be an object) and the form at `i` is followed by a lowercase word: "his restricted stock",
/// "their scheduled talks" are a participle used as an adjective of an owned noun.
fn owned_adjective(toks: &[Tok], p: usize, i: usize) -> bool {
    toks.get(p)
        .is_some_and(|w| POSSESSIVES.has(w) && !w.is("her"))
        && toks.get(i + 1).is_some_and(|n| {
            n.kind == TokKind::Word && n.text.bytes().all(|b| b.is_ascii_lowercase())
        })
}

/// The tense of the clause holding tokens `start..end`: the nearest tense marker in the same
/// sentence (markers before the expression win ties), limited to the clause (semicolons end it).
/// An expression that opens a long sentence whose verb lies beyond the near reach ("In
/// January, a week after …, a bombing killed …") takes the tense of that verb (looked for after
/// the expression only: a distant verb before it belongs to another clause more often).
/// A date written with its year that closes a long sentence ("Crews worked through the night at
/// the scene, 12 Elm Road, Monday May 2, 2016.") takes the tense of the main verb however far
/// before it lies (`year_stated`; a year-less date's tense also picks its year, so it keeps the
/// near reach).
pub fn clause_tense(
    toks: &[Tok],
    markers: &Markers,
    start: usize,
    end: usize,
    year_stated: bool,
) -> Tense {
    if let Some(t) =
        governing_speech_verb(toks, markers, start).filter(|_| !modal_subject(toks, end))
    {
        return t;
    }
    nearest(toks, markers, start, end, false, NEAR)
        .or_else(|| nearest(toks, markers, start, end, true, NEAR))
        .or_else(|| following(toks, markers, end, FAR))
        .or_else(|| {
            (year_stated && closes_sentence(toks, end))
                .then(|| nearest(toks, markers, start, end, false, FAR))?
        })
        .unwrap_or(Tense::Present)
}

/// How many words before an expression a modal it hangs on is looked for.
const MODAL_REACH: usize = 10;

/// True when the nearest verb before the expression at token `start` is a modal of what may
/// come ("could", "might", "may", "should": possibility-modals.txt) with its bare verb, and no
/// other tense marker stands between: "the source said Velmar could announce its decision in
/// January" tells a possible event, not a done one, though the saying is past. Not a past of
/// ability or a perfect ("could not find it in January", "might have sold it in May"), nor
/// across a clause break.
pub fn hangs_on_modal(toks: &[Tok], markers: &Markers, start: usize) -> bool {
    let from = start.saturating_sub(MODAL_REACH);
    for i in (from..start).rev() {
        let t = &toks[i];
        if t.is_punct(',') || t.is_punct(';') || t.is_punct(':') || opens_clause(t) {
            return false;
        }
        if lower_modal(t) {
            let bare = toks
                .get(i + 1)
                .is_some_and(|n| n.kind == TokKind::Word && !PAST_MODAL_FOLLOWERS.has(n));
            return bare;
        }
        // the bare verb right after the modal may read as present: it is the modal's
        let after_modal = i
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(lower_modal);
        if markers.get(i).is_some() && !after_modal {
            return false;
        }
    }
    false
}

/// True for a lowercase modal of possibility-modals.txt ("may", not the month "May").
fn lower_modal(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && t.text.starts_with(|c: char| c.is_ascii_lowercase())
        && POSSIBILITY_MODALS.has(t)
}

crate::word_set!(
    /// Lowercase modals of a possible or advised event ("could", "might"): a year-less date
    /// after one and its bare verb tells what may come.
    POSSIBILITY_MODALS = file "possibility-modals.txt"
);
crate::word_set!(
    /// Words after a modal that make it a past ability, a negation or a perfect ("could not",
    /// "might have"): no event still to come.
    PAST_MODAL_FOLLOWERS = file "past-modal-followers.txt"
);

/// True when only punctuation follows token `end` in the sentence.
fn closes_sentence(toks: &[Tok], end: usize) -> bool {
    toks.get(end..)
        .is_some_and(|rest| rest.iter().all(|t| t.kind == TokKind::Punct))
}

/// A reporting verb right before the expression governs it ("said on Tuesday that they would
/// retaliate": Tuesday is when it was said, past, whatever the reported clause's tense).
fn governing_speech_verb(toks: &[Tok], markers: &Markers, start: usize) -> Option<Tense> {
    let mut i = start;
    for _ in 0..3 {
        i = i.checked_sub(1)?;
        let t = toks.get(i)?;
        if t.is_punct(',') || t.is("on") || t.is("late") || t.is("early") {
            continue;
        }
        return match markers.get(i) {
            Some((tense, true)) => Some(tense),
            _ => None,
        };
    }
    None
}

/// True when a modal verb follows the expression right away ("said Sunday would be sunny"):
/// the expression is the subject of the reported clause, not the time of the saying before it.
fn modal_subject(toks: &[Tok], end: usize) -> bool {
    toks.get(end).is_some_and(|t| MODAL_WORDS.has(t))
}

/// "that" after the expression opens a reported or relative clause that does not govern it.
fn opens_clause(t: &Tok) -> bool {
    t.is("that")
}

/// How far (in tokens) a tense marker is looked for.
const NEAR: usize = 14;
/// How far a tense marker is looked for when none is near (a long sentence's main verb).
const FAR: usize = 40;

/// The first non-reporting tense marker after `end` within `reach` tokens of the clause.
fn following(toks: &[Tok], markers: &Markers, end: usize, reach: usize) -> Option<Tense> {
    for j in end..toks.len().min(end.saturating_add(reach)) {
        let t = toks.get(j)?;
        if t.is_punct(';') || opens_clause(t) {
            return None;
        }
        if let Some((tense, false)) = markers.get(j) {
            return Some(tense);
        }
    }
    None
}

fn nearest(
    toks: &[Tok],
    markers: &Markers,
    start: usize,
    end: usize,
    speech: bool,
    reach: usize,
) -> Option<Tense> {
    let hit = |i: usize| markers.get(i).filter(|(_, s)| *s == speech).map(|(t, _)| t);
    let mut best: Option<(usize, Tense)> = None;
    let mut i = start;
    let mut dist = 0;
    while i > 0 && dist < reach {
        i -= 1;
        dist += 1;
        if toks[i].is_punct(';') || closes_quote(toks, i) {
            break;
        }
        if let Some(t) = hit(i) {
            let t = if plan_of_past_verb(toks, markers, i) {
                Tense::Past
            } else {
                t
            };
            best = Some((dist, t));
            break;
        }
    }
    let mut j = end;
    let mut dist = 0;
    let mut after_when = false;
    while j < toks.len() && dist < reach {
        dist += 1;
        if toks[j].is_punct(';') || opens_clause(&toks[j]) {
            break;
        }
        // a verb before the expression outranks one past a comma or "and" after it: that one
        // belongs to the next clause ("the notes, which are callable in 1999, were sold")
        if best.is_some() && (toks[j].is_punct(',') || toks[j].is("and")) {
            break;
        }
        after_when |= toks[j].is("when");
        if let Some(t) = hit(j) {
            // and it outranks a present in a "when" clause, which tells a coming event ("will
            // vote in November when the seats are up")
            if after_when && t == Tense::Present && best.is_some() {
                break;
            }
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, t));
            }
            break;
        }
        j += 1;
    }
    best.map(|(_, t)| t)
}

/// True when token `i` is a quotation mark that closes a quoted sentence (a comma, period,
/// question or exclamation mark right before it): a verb inside the quotation is the speaker's,
/// not the tense of the attribution after it ("'Tessaly is weak,' he told us this weekend").
fn closes_quote(toks: &[Tok], i: usize) -> bool {
    let quote = toks[i].text == "\"" || toks[i].text == "”" || toks[i].text == "''";
    quote
        && i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|t| {
            t.is_punct(',') || t.is_punct('.') || t.is_punct('?') || t.is_punct('!')
        })
}

/// True when token `i` is a word of a plan ("scheduled", "planned") between an article and its
/// noun, right after a past verb ("cancelled a scheduled interview Monday night", "skipped the
/// planned talks on Friday"): the plan is the past verb's object, and the past verb tells when.
fn plan_of_past_verb(toks: &[Tok], markers: &Markers, i: usize) -> bool {
    let article = i
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| ARTICLES.has(t));
    article
        && matches!(markers.get(i), Some((Tense::Future, false)))
        && i.checked_sub(2)
            .and_then(|k| markers.get(k))
            .is_some_and(|(t, speech)| t == Tense::Past && !speech)
}

#[cfg(test)]
mod table_tests {
    use super::*;
    use crate::text::{tokenize, Span};

    /// Whether the date of `text` that opens with `from` and ends with its first four-digit
    /// year hangs on a verb of no done event.
    fn undone_from(text: &str, from: &str) -> bool {
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = text.find(from).unwrap_or(0);
        let start = toks.iter().position(|t| t.span.start >= at).unwrap_or(0);
        let year = toks[start..]
            .iter()
            .position(|t| t.text.len() == 4 && t.text.starts_with("19"))
            .map_or(start, |k| start + k);
        let day = toks[start..year].iter().any(|t| t.kind == TokKind::Num);
        hangs_on_undone_verb(&toks, start, year + 1, day)
    }

    /// Whether the first four-digit year of `text`, alone, hangs on a verb of no done event.
    fn undone(text: &str) -> bool {
        undone_from(text, "19")
    }

    /// The index of the `n`th token reading `w` (usize::MAX when there is none).
    fn nth_index(toks: &[Tok], w: &str, n: usize) -> usize {
        toks.iter()
            .enumerate()
            .filter(|(_, t)| t.text == w)
            .nth(n)
            .map_or(usize::MAX, |(i, _)| i)
    }

    #[test]
    fn a_form_shared_by_past_and_participle_is_past_after_a_subject_pronoun() {
        let text =
            "They sold the Velmar stake, and the stake sold at auction was the one they kept.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = |w: &str, n: usize| nth_index(&toks, w, n);
        assert_eq!(tense_at(&toks, at("sold", 0)), Some(Tense::Past));
        assert_eq!(
            tense_at(&toks, at("sold", 1)),
            None,
            "a participle after a noun"
        );
        assert_eq!(tense_at(&toks, at("kept", 0)), Some(Tense::Past));
    }

    #[test]
    fn a_form_shared_by_past_and_participle_is_past_before_its_object() {
        let text = "Velmar bought the mill, the group sold 500 shares, and the stake sold at auction was kept; Tessaly has already sold 20 mln tonnes.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = |w: &str, n: usize| nth_index(&toks, w, n);
        assert_eq!(tense_at(&toks, at("bought", 0)), Some(Tense::Past));
        assert_eq!(tense_at(&toks, at("sold", 0)), Some(Tense::Past));
        assert_eq!(
            tense_at(&toks, at("sold", 1)),
            None,
            "a participle before a preposition"
        );
        assert_eq!(
            tense_at(&toks, at("sold", 2)),
            None,
            "a perfect's participle"
        );
    }

    #[test]
    fn third_person_forms_of_irregular_verbs_mark_the_present() {
        let text =
            "The Velmar fee goes into force as the Tessaly river rises, and the falls draw crowds.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = |w: &str| toks.iter().position(|t| t.text == w).unwrap_or(usize::MAX);
        assert_eq!(tense_at(&toks, at("goes")), Some(Tense::Present));
        assert_eq!(tense_at(&toks, at("rises")), None, "no word after it");
        assert_eq!(
            tense_at(&toks, at("falls")),
            None,
            "a noun after an article"
        );
    }

    /// The value and tense of the date `written` in `text`, published on `published`.
    fn valued(text: &str, published: &str, written: &str) -> (String, Option<Tense>) {
        let full = format!(" date {published} Velmar news\n\n{text}\n");
        let a = crate::analysis::Analysis::new(&full);
        a.dates
            .iter()
            .find(|t| t.span.slice(&a.text) == written)
            .map_or((String::new(), None), |t| {
                (
                    t.value.to_json().as_str().unwrap_or("").to_string(),
                    Some(t.tense),
                )
            })
    }

    #[test]
    fn a_four_letter_past_in_ued_dates_the_month_after_its_object() {
        // published in October: the April of the suit is this year's, gone
        let (v, tense) = valued(
            "Velmar sued the Tessaly maker in a federal court in April over its tablets.",
            "2011-10-14",
            "April",
        );
        assert_eq!((v.as_str(), tense), ("2011-04", Some(Tense::Past)));
        // a word in "-eed" is no past form
        let toks = tokenize("They need the mill.", Span::new(0, 19));
        assert_ne!(tense_at(&toks, 1), Some(Tense::Past));
    }

    #[test]
    fn a_plan_a_past_verb_takes_as_its_object_is_dated_by_that_verb() {
        // published on a Wednesday: the Monday of the cancelled interview is gone
        let (v, tense) = valued(
            "Halvik canceled a scheduled radio interview Monday night.",
            "2012-08-22",
            "Monday",
        );
        assert_eq!((v.as_str(), tense), ("2012-08-20", Some(Tense::Past)));
        // a plan with no past verb before it is still ahead
        let (v, _) = valued(
            "Halvik will give a scheduled radio interview Monday night.",
            "2012-08-22",
            "Monday",
        );
        assert_eq!(v, "2012-08-27");
    }

    #[test]
    fn a_when_clause_after_a_date_does_not_lend_it_its_present() {
        // published in April: the coming November, not last year's
        let (v, tense) = valued(
            "Velmar shareholders have said they will voice their anger at the meeting in November when the directors are up for a vote.",
            "2016-04-20",
            "November",
        );
        assert_eq!((v.as_str(), tense), ("2016-11", Some(Tense::Future)));
        // with no verb before the date, the one after "when" still tells its tense
        let (v, _) = valued(
            "In March, when the Tessaly strike began, the union said pay was low.",
            "2016-04-20",
            "March",
        );
        assert_eq!(v, "2016-03");
        // a past in the "when" clause dates the expression it follows
        let (v, _) = valued(
            "The Velmar race will be a rematch of the contest in March when Halvik won by a wide margin.",
            "2016-09-20",
            "March",
        );
        assert_eq!(v, "2016-03");
    }

    #[test]
    fn a_day_right_before_a_modal_is_what_is_said_not_when() {
        // published on a Friday: the coming Sunday is forecast, not last Sunday
        let (v, _) = valued(
            "Ondrej Halvik said Sunday would be dry across Tessaly.",
            "2016-04-22",
            "Sunday",
        );
        assert_eq!(v, "2016-04-24");
        let (v, _) = valued(
            "Ondrej Halvik said Sunday it would stay dry.",
            "2016-04-22",
            "Sunday",
        );
        assert_eq!(v, "2016-04-17");
    }

    #[test]
    fn a_day_after_likely_to_is_a_forecast_still_ahead() {
        // published on a Thursday: "Friday" after "likely to leave" is the next day
        let (v, tense) = valued(
            "By Thursday night, Ondrej Halvik seemed ever more likely to leave Friday for Tessaly.",
            "2015-04-16",
            "Friday",
        );
        assert_eq!((v.as_str(), tense), ("2015-04-17", Some(Tense::Future)));
        // a done trip keeps the past
        let (v, _) = valued(
            "Ondrej Halvik left Friday for Tessaly.",
            "2015-04-16",
            "Friday",
        );
        assert_eq!(v, "2015-04-10");
    }

    #[test]
    fn a_pronoun_s_before_a_participle_in_a_clause_of_an_occasion_is_is() {
        let text = "Halvik faces up to 10 years in prison when he's sentenced May 7.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = toks
            .iter()
            .position(|t| t.text == "sentenced")
            .unwrap_or(usize::MAX);
        assert_eq!(tense_at(&toks, at), None, "is sentenced");
        let (v, _) = valued(text, "2015-04-20", "May 7");
        assert_eq!(v, "2015-05-07");
        // outside such a clause "'s" before a participle may be "has"
        let text = "Halvik said he's resigned from the Velmar board.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = toks
            .iter()
            .position(|t| t.text == "resigned")
            .unwrap_or(usize::MAX);
        assert_eq!(tense_at(&toks, at), Some(Tense::Past));
    }

    #[test]
    fn the_subject_a_day_dates_hangs_on_its_past_verb() {
        let text = "The board fought the plan, the March 23, 1990 letter showed.";
        assert!(!undone_from(text, "March"));
        let toks = tokenize(text, Span::new(0, text.len()));
        let day = toks
            .iter()
            .position(|t| t.text == "March")
            .unwrap_or(usize::MAX);
        let phrase = dated_noun_phrase(&toks, day, day + 4);
        assert!(phrase.is_some_and(|p| p.verb.is_some()));
        // the object of a preposition is no subject of the verb after it
        let text = "A poll taken before the March 23 vote showed Halvik ahead.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let day = toks
            .iter()
            .position(|t| t.text == "March")
            .unwrap_or(usize::MAX);
        let phrase = dated_noun_phrase(&toks, day, day + 2);
        assert!(phrase.is_some_and(|p| p.verb.is_none()));
    }

    #[test]
    fn a_year_under_a_modal_or_an_infinitive_tells_no_done_event() {
        assert!(undone(
            "Officials in paraguay said exports could double by 1990."
        ));
        assert!(undone(
            "In 1990, harvests should recover, the minister said."
        ));
        assert!(undone(
            "The ministry agreed to widen the coast road in 1990."
        ));
        assert!(undone(
            "Growers must have the crop weighed and stored by May 30, 1990."
        ));
        assert!(undone("Sacks must be weighed and stored by May 30, 1990."));
        assert!(undone(
            "The port will be busier when the new quay is opened in 1990."
        ));
        assert!(undone(
            "The board projected slower growth for 1990, a director said."
        ));
    }

    #[test]
    fn a_year_before_a_bare_speech_tag_tells_no_done_event() {
        // the sentence holds nothing but the year and who said it: the year is of what was
        // said before, whose tense this sentence does not tell
        assert!(undone("In 1990, Velmar said."));
        assert!(undone_from(
            "In March 1990, the Tessaly ministry said.",
            "March"
        ));
        // a verb of its own still decides, and so does a day (a saying happens on one)
        assert!(!undone("In 1990, the plant closed, Velmar said."));
        assert!(!undone_from("On May 3, 1990, Velmar said.", "May"));
    }

    #[test]
    fn a_second_participle_shares_a_distant_be() {
        // words and a date between the two participles of one passive
        assert!(undone_from(
            "Cargoes must be cleared by the port of bhutan by May 1, 1990, and unloaded by \
             June 30, 1990, the agency said.",
            "June"
        ));
        // a noun of its own before the second participle
        assert!(undone(
            "Every lot must be weighed at the depot, and crates sealed by 1990, it said."
        ));
        assert!(undone(
            "The first ferry will be built in mongolia and towed to the lake by 1990."
        ));
        // a "be" with its own tense is a done event, and so is the second participle
        assert!(!undone(
            "The guard was hired in March and dismissed in 1990, the firm said."
        ));
    }

    #[test]
    fn the_new_day_of_a_change_of_schedule_is_no_done_event() {
        assert!(undone_from(
            "The lender said it extended the loan to May 1, 1990.",
            "May"
        ));
        assert!(undone(
            "The treaty with uruguay was extended by a year to the end of 1990."
        ));
        // a "from … to" range as one expression, up to the closing full stop
        let range = "The ministry moved the auction from April 2, 1990 to May 1, 1990.";
        let toks = tokenize(range, Span::new(0, range.len()));
        let from = toks.iter().position(|t| t.is("from")).unwrap_or(0);
        assert!(rescheduled_to(&toks, from, toks.len() - 1));
        // a move to a place is no change of schedule
        assert!(!undone("The family moved to the capital in 1990."));
    }

    #[test]
    fn a_participle_after_if_is_a_condition() {
        assert!(undone(
            "The levy would not be raised if approved before the end of 1990."
        ));
        assert!(undone(
            "Quotas stay at 30 tonnes and, if not renewed, lapse in 1990, it said."
        ));
    }

    #[test]
    fn a_contracted_present_be_and_a_participle_after_be_and_a_word() {
        assert!(undone(
            "\"We're aiming for ten ferries by 1990,\" the chairman said."
        ));
        assert!(undone(
            "\"The canal will be double dredged by 1990,\" the engineer said."
        ));
    }

    #[test]
    fn verbs_in_eed_are_no_past_tense() {
        assert!(undone_from(
            "The bank said its deputy will succeed the governor on May 1, 1990.",
            "May"
        ));
    }

    #[test]
    fn preferred_before_a_noun_is_no_past_verb() {
        assert!(undone_from(
            "The bank of paraguay will redeem its second preferred shares on May 1, 1990.",
            "May"
        ));
    }

    #[test]
    fn a_headline_in_capitals_has_infinitives_too() {
        assert!(undone("FARMERS URGED TO PLANT MORE RICE IN 1990"));
        assert!(!undone("FARMERS PLANTED MORE RICE IN 1990"));
    }

    #[test]
    fn a_year_told_by_a_reporting_verb_alone_hangs_on_no_verb_of_its_own() {
        assert!(undone(
            "Bankers in uruguay said a recovery in 1990, not sooner."
        ));
        // a reporting verb right before the year dates the saying
        assert!(!undone_from(
            "The envoy said on May 3, 1990 that talks had stalled.",
            "May"
        ));
    }

    #[test]
    fn a_year_a_past_verb_governs_is_a_done_event() {
        assert!(!undone("The new dam was completed on April 1, 1990."));
        assert!(!undone(
            "The lab said the mongolia fund posted a loss in 1990."
        ));
        assert!(!undone(
            "The bridge could have been finished by 1990, engineers said."
        ));
        // a capitalised title's "Is" makes no present passive
        assert!(!undone_from(
            "Driver Is Arrested By Police March 3, 1990 9:15 PM",
            "March"
        ));
        // "to" before an object is no infinitive
        assert!(!undone("The farm sold its land to investors in 1990."));
    }

    #[test]
    fn a_shared_past_form_after_a_subject_pronoun_is_a_past_verb() {
        // the lists leave "sold" out (a participle as often), so only the reporting verb was left
        assert!(!undone_from(
            "Velmar Corp said it sold 4,000 Tessaly shares on May 3, 1990.",
            "May"
        ));
        assert!(!undone_from(
            "Halvik said they bought the Tessaly mill on May 3, 1990.",
            "May"
        ));
        // with no subject of its own it is a participle: the reporting verb alone, as before
        assert!(undone_from(
            "Velmar Corp said shares sold on May 3, 1990.",
            "May"
        ));
    }

    #[test]
    fn a_course_seen_ahead_in_a_gerund_is_no_done_event() {
        assert!(undone_from(
            "Velmar Corp said it saw freight rates easing to 40 dlrs by mid-1989 and 38 dlrs in 1990.",
            "1990"
        ));
        // without a gerund the past verb tells a done event
        assert!(!undone("The Tessaly mill saw a loss in 1990."));
        // a gerund after "be" is a progressive with its own tense
        assert!(!undone("Freight rates were easing in 1990."));
    }

    #[test]
    fn a_past_time_clause_under_would_is_still_to_come() {
        assert!(undone(
            "Halvik said that after the lease formally ended in 1999, the port would stay open."
        ));
        assert!(undone(
            "The firm said it would sell the unit when its contract expired in 1990."
        ));
        // no "would": the time clause tells a done event
        assert!(!undone(
            "The port stayed open after the lease ended in 1990."
        ));
    }

    #[test]
    fn a_present_verb_after_that_or_a_subject_noun() {
        assert!(undone(
            "Because of new rules that take effect in 1990, Velmar Corp has bought a second bank."
        ));
        assert!(undone_from(
            "Short term refers to 1989 and 1990, the spokesman said.",
            "1990"
        ));
        // a reported clause after "said that" keeps its past verb
        assert!(!undone("Halvik said that output fell in 1990."));
        // a verb of the lists outranks a form that may be a plural noun
        assert!(!undone("Bond sales rose sharply in 1990."));
    }

    #[test]
    fn a_gerund_of_a_planned_act() {
        assert!(undone(
            "The charge reflected a provision for closing the Tessaly plant in 1990."
        ));
        assert!(undone(
            "The board approved plans calling for two new kilns in 1990."
        ));
        assert!(undone(
            "Velmar Corp said it aimed at cutting its debt by half by 1990."
        ));
        // a gerund after a verb of a done act is no plan
        assert!(!undone("The mill was fined for dumping waste in 1990."));
    }

    #[test]
    fn a_participle_after_an_article_or_a_count_is_an_adjective() {
        assert!(undone_from(
            "The first jet is due in April 1989 and the two newly ordered jets in November 1990.",
            "November"
        ));
        assert!(!undone("Two of the jets were ordered in 1990."));
    }

    #[test]
    fn a_participle_after_each_and_its_noun_describes_the_noun() {
        assert!(undone_from(
            "Velmar Corp said holders will get one share for each share held on May 4, 1990.",
            "May"
        ));
        assert!(!undone("Each guard held a post in 1990."));
    }

    #[test]
    fn a_participle_after_a_preposition_is_an_adjective() {
        assert!(undone(
            "The mill will run at reduced shifts through the winter to July 1990."
        ));
        assert!(undone(
            "Growers in uruguay would be paid with targeted grants over the years 1988 to 1990."
        ));
        // a past verb of its own still dates the event
        assert!(!undone("The mill reduced its shifts in 1990."));
    }

    #[test]
    fn a_participle_after_the_comma_of_an_opening_date_is_no_verb() {
        assert!(undone(
            "By 1990, however, refitted ferries are expected to serve the lake."
        ));
        // a subject before the date: the verb after the comma is the clause's own
        assert!(!undone("The ferry, in 1990, capsized off the coast."));
    }

    #[test]
    fn a_present_verb_after_a_subject_pronoun() {
        assert!(undone(
            "\"We expect wool output at two mln bales by 1990,\" the minister said."
        ));
        assert!(undone_from(
            "The board named her deputy to follow when he resigns on May 1, 1990.",
            "May"
        ));
        // an irregular past after "we" or "they", and a present perfect
        assert!(!undone("They sold the quarry to a mongolia firm in 1990."));
        assert!(!undone(
            "He has sold the quarry in 1990, the registry said."
        ));
    }

    #[test]
    fn would_have_tells_an_unreal_or_a_coming_event() {
        assert!(undone_from(
            "The lender said the coupon would have been paid on May 1, 1990.",
            "May"
        ));
    }

    #[test]
    fn a_figure_between_a_verb_and_its_year() {
        assert!(undone(
            "The plan will trim the ministry fuel bill by about three mln dlrs this year and by \
             2.5 mln dlrs in 1990."
        ));
    }

    #[test]
    fn verbs_of_an_aim_a_plan_or_a_present_clause() {
        // a gerund after a noun of an aim
        assert!(undone(
            "The cabinet confirmed its aim of halving the levy of uruguay by 1990."
        ));
        // a passive infinitive governs a whole day too
        assert!(undone_from(
            "The bonds, issued in series, are to be fully repaid by May 1, 1990, it said.",
            "May"
        ));
        // a present verb after an adverb, and after ", which"
        assert!(undone(
            "The new levy also trims the export quota by two pct in 1990, it said."
        ));
        assert!(undone_from(
            "The notes, which fall due on May 1, 1990, were sold at par.",
            "May"
        ));
        // a modal and "have" with no participle is no perfect
        assert!(undone(
            "The mill said it should have higher output in 1990, the agency said."
        ));
        assert!(!undone(
            "The mill said it could have sold more in 1990 had prices held."
        ));
        // a contracted "will" before a perfect
        assert!(undone(
            "\"We'll have finished the dam by 1990,\" the engineer said."
        ));
    }

    #[test]
    fn an_adjective_of_likelihood_tells_an_estimate() {
        // before the noun the year hangs on, and as the predicate after "be"
        assert!(undone(
            "The big event was the probable launch in 1990 of a smelter in mongolia."
        ));
        assert!(undone(
            "He said a sale of the state stake in 1990 was not unlikely."
        ));
        // a plain predicate after "be" is a done event
        assert!(!undone(
            "He said a sale of the state stake in 1990 was cheap."
        ));
    }

    #[test]
    fn a_past_form_in_the_condition_of_would_is_no_done_event() {
        assert!(undone(
            "More aid would only help Tessaly if it were fully funded beyond the end of its plan in May 1990, the agency said."
        ));
    }

    #[test]
    fn a_participle_after_a_determiner_and_an_adverb_is_an_adjective() {
        // "its already delayed" describes the noun; the date hangs on "postpone" under "would"
        assert!(undone(
            "She said the audit would force Velmar to postpone its already delayed 2018 accounts beyond March 1, 1990."
        ));
        assert!(undone(
            "She said the board would delay the long awaited vote until June 1990."
        ));
        // a past verb after a subject still tells a done event
        assert!(!undone(
            "She said its board already delayed the vote until June 1990."
        ));
    }

    #[test]
    fn a_hyphenated_participle_before_a_name_is_an_adjective() {
        let toks = |s: &'static str| tokenize(s, Span::new(0, s.len()));
        let t = toks("Top-ranked Velmar Corp reports its results on May 7.");
        assert_eq!(tense_at(&t, 0), None);
        let t = toks("The state-owned Tessaly Bank opens on May 7.");
        assert_eq!(tense_at(&t, 1), None);
        // after its subject it is the verb
        let t = toks("The navy test-fired Halvik missiles on May 7.");
        assert_eq!(tense_at(&t, 2), Some(Tense::Past));
    }

    #[test]
    fn a_hyphenated_participle_before_its_noun_is_an_adjective() {
        assert!(undone(
            "It said the peso will lose five pct on its trade-weighted index in 1990 after a drop."
        ));
        // a verb of two parts taking its object is still a verb
        assert!(!undone(
            "The navy test-fired the new missile in 1990, the ministry said."
        ));
    }

    #[test]
    fn the_walk_back_gives_words_nearest_first_within_the_clause() {
        let text = "Rain fell; the ferry, late again, docked at noon";
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = |w: &str| toks.iter().position(|t| t.text == w).unwrap_or(0);
        let words = |walk: WordsBack| walk.map(|i| toks[i].text).collect::<Vec<_>>();
        let mut back = WordsBack::new(&toks, at("noon"), 10);
        assert_eq!(
            words(WordsBack::new(&toks, at("noon"), 10)),
            ["at", "docked", "again", "late", "ferry", "the"]
        );
        assert!(back.by_ref().count() == 6 && back.stopped());
        // the reach ends the walk before the edge
        let mut near = WordsBack::new(&toks, at("noon"), 2);
        assert_eq!(near.by_ref().count(), 2);
        assert!(!near.stopped());
        // a comma ends it too when asked
        let short = WordsBack::new(&toks, at("noon"), 10).or_at_comma();
        assert_eq!(words(short), ["at", "docked"]);
        // the sentence start is no edge
        let mut first = WordsBack::new(&toks, at("fell"), 10);
        assert_eq!(first.by_ref().count(), 1);
        assert!(!first.stopped());
    }

    #[test]
    fn token_class_flags_match_the_table() {
        let mut words: Vec<String> = Vec::new();
        for (w, _) in flagged_words() {
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                format!("{w}'s"),
                format!("x-{w}"),
            ]);
        }
        words.extend(["it’ll", "naïve", "hello", "Said"].map(str::to_string));
        for w in &words {
            for t in tokenize(w, Span::new(0, w.len())) {
                if t.kind == TokKind::Word {
                    assert_eq!(
                        tok_flags(&t),
                        short_key(t.text.as_bytes()).map(word_flags),
                        "{w}"
                    );
                }
            }
        }
    }

    #[test]
    fn flags_from_the_table_and_the_lists_agree() {
        let mut words: Vec<String> = Vec::new();
        for (w, _) in flagged_words() {
            words.extend([w.to_string(), w.to_uppercase(), format!("x-{w}")]);
        }
        words.push(
            "He said they will be held, were KILLED and Ended it; it'll come. The united \
             Hundred were expected to go, plans for the vote, to be launched, is Says \
             according Tweeted wed Led fled so-called was-ended aged ALLEGED Sat"
                .to_string(),
        );
        for w in &words {
            for t in tokenize(w, Span::new(0, w.len())) {
                if let (TokKind::Word, Some(f)) = (t.kind, tok_flags(&t)) {
                    let lists = crate::time::lexicon::with_lower(t.text, |w| Some(list_flags(w)));
                    assert_eq!(lists, Some(f), "{}", t.text);
                }
            }
        }
    }

    #[test]
    fn words_without_a_short_key_are_classified_from_the_lists() {
        let t = "it’ll rain; they institutionalized it, were naïved, Über-ed and SAÏD so";
        let toks = tokenize(t, Span::new(0, t.len()));
        let tense = |word: &str| {
            let i = toks.iter().position(|x| x.text == word)?;
            classify(
                &toks[i],
                i.checked_sub(1).map(|p| &toks[p]),
                toks.get(i + 1),
            )
        };
        assert_eq!(tense("it’ll"), Some(Tense::Future));
        assert_eq!(tense("institutionalized"), Some(Tense::Past));
        assert_eq!(tense("naïved"), Some(Tense::Past));
        assert_eq!(tense("Über-ed"), Some(Tense::Past));
        assert_eq!(tense("SAÏD"), None);
        assert_eq!(tense("rain"), None);
    }
}

//! Who says so: attaches an [`Attribution`] to each claim.
//!
//! Cues, in the claim's sentence: "according to X", "as per X", "based on X", "citing X",
//! "estimated from X", "confirmed by X", "X said/says/told/reported/estimated/confirmed/
//! announced/added" (with adverbs, appositives and relative clauses: "Jane Doe, director of
//! the agency, said"; "Paraguay, which has reported…"), "…, said X", "X's statement said",
//! "X said in a statement", headline colons ("Officials: 40 dead", "…: Mongolia") and
//! passives that name no one ("were reported dead": unnamed reports). A candidate source must
//! read as one: no verb or number inside, and a proper name or a source word ("officials",
//! "the ministry").
//!
//! A source reaches only its clause: figures before "X says 80…", after ", although…", or
//! before ", but X warned…" are not X's. Pronoun sources ("It added that 12 soldiers…", "he
//! said") take the source of the previous attributed sentence of the paragraph. A figure
//! inside a quotation is attributed to the quotation's speaker, even when the speaker is named
//! in another sentence of the quotation (or to "the person quoted" when no speaker is found). A
//! paragraph ending "…, the station reports:" gives its source to the next paragraph.
//!
//! A source keeps the article's words (`claims` prints them; PolNeAR scores them). Messages and
//! tables show it through [`shown`] / [`according_to`] (issue #17): no internal "unnamed (…)"
//! form, no sentence capital on a common noun; the index keeps "the company" with the one
//! company named before it, and "It said" with the one organisation named (and quoted) before
//! it, "it (Velmar Corp)" ([`with_referent`]).

use super::Claim;
use crate::article::{Article, Paragraph};
use crate::lexicon::sets::{
    ARTICLES, AUXILIARIES, BELIEF_VERBS, BE_FORMS, COMPANY_HEADS, MODAL_WORDS,
    OCCASION_CONJUNCTIONS, ORG_SET, PEOPLE_SET, PREPOSITIONS, PRE_VERB_ADVERBS, RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS, VERB_ROLE_SET,
};
use crate::text::{contains_ignoring_case, Span, Tok, TokKind};
use serde::Serialize;

/// How a figure is attributed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// "according to X", "citing X".
    AccordingTo,
    /// "X said", "said X", "X told".
    Said,
    /// "X's statement said", "in a statement".
    Statement,
    /// Inside a quotation with a speaker.
    Quote,
    /// "X reported", "reports say".
    Report,
}

impl AttributionKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::AccordingTo => "according_to",
            AttributionKind::Said => "said",
            AttributionKind::Statement => "statement",
            AttributionKind::Quote => "quote",
            AttributionKind::Report => "report",
        }
    }
}

/// The source of a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The source as written ("the Second Secretary of the Velmar Mission to the Council").
    pub source: String,
    /// Where the source is written.
    pub span: Span,
    /// The kind of cue.
    pub kind: AttributionKind,
    /// A named person or organisation, not "officials said" or "reports say".
    pub named: bool,
}

/// The internal form of a source the article does not name: a pronoun with no antecedent
/// ("unnamed (he)") or a passive with no agent ("unnamed (is estimated)"). Kept as written for
/// `claims` (PolNeAR scores its words); [`shown`] turns it into words an editor reads.
const UNNAMED: &str = "unnamed (";

/// How a source reads in a message or a table (issue #17, "sources are never pronouns"):
/// "an unnamed source" for a pronoun that names no one, "no source named" for a passive with
/// no agent, and a common-noun phrase without the capital of its sentence ("The company" ->
/// "the company"). Names stay as written.
pub fn shown(source: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if let Some(inner) = unnamed_inner(source) {
        // one word is a pronoun; a passive keeps its auxiliary ("is rated")
        return Cow::Borrowed(if inner.contains(' ') {
            NO_AGENT
        } else {
            UNNAMED_SOURCE
        });
    }
    // a pronoun or a possessive alone ("Its") names no one either
    if !source.contains(' ') && (SUBJECT_PRONOUNS.contains(source) || DETERMINERS.contains(source))
    {
        return Cow::Borrowed(UNNAMED_SOURCE);
    }
    if starts_common_noun_phrase(source) {
        let mut out = String::with_capacity(source.len());
        let mut chars = source.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
        }
        out.push_str(chars.as_str());
        return Cow::Owned(out);
    }
    Cow::Borrowed(source)
}

/// The source after a figure in a message: "according to the company", "according to an
/// unnamed source", or "with no source named" for a passive with no agent.
pub fn according_to(source: &str) -> String {
    let s = shown(source);
    if s == NO_AGENT {
        format!("with {s}")
    } else {
        format!("according to {s}")
    }
}

/// How [`shown`] reads a pronoun that names no one.
const UNNAMED_SOURCE: &str = "an unnamed source";
/// How [`shown`] reads a passive with no agent ("is estimated").
const NO_AGENT: &str = "no source named";

/// The source as the index keeps it for messages and tables: a definite description of an
/// organisation ("the company", "the bank": "the" and a head of org-heads.tsv) followed by the
/// organisation it stands for, when the article named exactly one of that kind before it:
/// "the company (Velmar Corp)". The description stays (it is what the article says, and the
/// editor finds it in the text); the name in brackets is our reading of it. With two
/// candidates ("Velmar Corp agreed to buy Tarn Inc. The company said…") nothing is added: a
/// wrong name in a message costs more than a missing one.
///
/// A pronoun source ("unnamed (It)", from "It said…") is read the same way, conservatively:
/// "it"/"its" stand for an organisation, "he"/"she" for a person
/// (pronoun-referents.tsv), and only when the article named exactly one of that kind before
/// it (a short and a full form of one name count as one) and that one was already the named
/// source of a figure ("Velmar Corp said it sold 12 mills. … It said…"). It is then kept as the
/// pronoun and the name, "it (Velmar Corp)": like "the company (Velmar Corp)", the word the
/// editor finds in the text first and our reading of it in brackets. Otherwise it stays as
/// written, and [`shown`] reads it as "an unnamed source".
pub fn with_referent(
    a: &Attribution,
    entities: &[crate::entities::Entity],
    claims: &[Claim],
) -> String {
    if let Some((kind, word)) = pronoun_reading(&a.source) {
        return pronoun_referent(a, kind, entities, claims)
            .map_or_else(|| a.source.clone(), |name| format!("{word} ({name})"));
    }
    described(a, entities)
}

/// A definite description kept with the one organisation it stands for ([`referent`]).
fn described(a: &Attribution, entities: &[crate::entities::Entity]) -> String {
    referent(a, entities).map_or_else(|| a.source.clone(), |name| format!("{} ({name})", a.source))
}

/// A pronoun source's reading: what it can stand for and the word a message shows.
type PronounReading = (crate::entities::EntityKind, &'static str);

/// The rows of pronoun-referents.tsv: a pronoun, the kind it stands for, the word shown.
static PRONOUN_REFERENTS: std::sync::LazyLock<Vec<(&'static str, PronounReading)>> =
    std::sync::LazyLock::new(|| {
        use crate::entities::EntityKind;
        crate::lexicon::entries(crate::word_data!("pronoun-referents.tsv"))
            .filter_map(|e| {
                let mut c = crate::lexicon::columns(e);
                let (word, kind, shown) = (c.next()?, c.next()?, c.next()?);
                let kind = match kind {
                    "person" => EntityKind::Person,
                    "organisation" => EntityKind::Organization,
                    _ => return None,
                };
                Some((word, (kind, shown)))
            })
            .collect()
    });

/// The reading of a source that is one pronoun ("unnamed (It)", or "Its" alone).
fn pronoun_reading(source: &str) -> Option<PronounReading> {
    let word = unnamed_inner(source).unwrap_or(source);
    PRONOUN_REFERENTS
        .iter()
        .find(|(p, _)| word.eq_ignore_ascii_case(p))
        .map(|(_, r)| *r)
}

/// True for a pronoun [`with_referent`] read as a name: "it (Velmar Corp)".
fn is_read_pronoun(source: &str) -> bool {
    source.split_once(" (").is_some_and(|(word, rest)| {
        rest.ends_with(')') && PRONOUN_REFERENTS.iter().any(|(_, (_, w))| *w == word)
    })
}

/// The one entity of `kind` named before the pronoun `a`, in its longest form and without a
/// possessive: None when none is, when two that are not forms of one name are, or when it was
/// never the named source of one of `claims` before `a`.
fn pronoun_referent(
    a: &Attribution,
    kind: crate::entities::EntityKind,
    entities: &[crate::entities::Entity],
    claims: &[Claim],
) -> Option<String> {
    let spoke: Vec<Span> = claims
        .iter()
        .filter_map(|c| c.attribution.as_ref())
        .filter(|o| o.named && o.span.end <= a.span.start)
        .map(|o| o.span)
        .collect();
    let mut found: Option<&str> = None;
    let mut said = false;
    for e in entities {
        if e.span.end > a.span.start || e.kind != kind || !reads_as_name(&e.name) {
            continue;
        }
        match found {
            Some(f) if !one_name(f, &e.name) => return None,
            Some(f) if name_words(&e.name).len() <= name_words(f).len() => {}
            _ => found = Some(&e.name),
        }
        said |= spoke
            .iter()
            .any(|s| s.start <= e.span.start && e.span.end <= s.end);
    }
    // a tail of heads alone ("Co Inc") still counts as a second name above
    let name = found.filter(|f| said && !heads_alone(f))?;
    let name = name.strip_suffix("'s").unwrap_or(name);
    Some(name.strip_suffix("\u{2019}s").unwrap_or(name).to_string())
}

/// True for an entity's name a pronoun can stand for: it opens with a capital, and is no run
/// of capitals longer than an initialism (a dateline's city, a headline: "ORVO", "VELMAR
/// BUYS MILL").
fn reads_as_name(name: &str) -> bool {
    let capital = name.chars().next().is_some_and(char::is_uppercase);
    let shouting =
        !name.chars().any(char::is_lowercase) && (name.contains(' ') || name.chars().count() > 5);
    capital && !shouting
}

/// True for a name of heads alone ("Co Inc"): the tail of a name cut short, no name to show.
fn heads_alone(name: &str) -> bool {
    name_words(name).iter().all(|w| ORG_SET.contains(w))
}

/// The words of a name, without a possessive or a closing point ("Velmar's" -> "Velmar").
fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .map(|w| {
            let w = w.trim_end_matches(['.', ',']);
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when one name is the other or a row of its words: "Velmar" and "Velmar Corp",
/// "Quellby" and "Dana Quellby" are forms of one name.
fn one_name(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// The one organisation named before `a` that its definite description stands for.
fn referent<'e>(a: &Attribution, entities: &'e [crate::entities::Entity]) -> Option<&'e str> {
    let mut words = a.source.split_whitespace();
    let (Some(the), Some(head), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    let lower = head.chars().all(char::is_lowercase);
    if !the.eq_ignore_ascii_case("the") || !lower || !ORG_SET.contains(head) {
        return None;
    }
    let company = COMPANY_HEADS.contains(head);
    // a head word of its kind, and a word that is no head ("Co" alone names no one)
    let fits = |name: &str| {
        let words = || name.split_whitespace().map(|w| w.trim_end_matches('.'));
        words().any(|w| w.eq_ignore_ascii_case(head) || (company && COMPANY_HEADS.contains(w)))
            && words().any(|w| !ORG_SET.contains(w))
    };
    let mut found: Option<&str> = None;
    for e in entities {
        let before = e.span.end <= a.span.start;
        if !before || e.kind != crate::entities::EntityKind::Organization || !fits(&e.name) {
            continue;
        }
        match found {
            Some(f) if f != e.name => return None,
            _ => found = Some(&e.name),
        }
    }
    found
}

/// True for a source the article does not name in its sentence: [`shown`] reads it as "an
/// unnamed source" or "no source named", or it is a pronoun read as the one name before it
/// ("it (Velmar Corp)", see [`with_referent`]). Either way it is no vague source to flag.
pub fn is_unnamed(source: &str) -> bool {
    matches!(&*shown(source), UNNAMED_SOURCE | NO_AGENT) || is_read_pronoun(source)
}

/// The words inside "unnamed (…)", trimmed.
fn unnamed_inner(source: &str) -> Option<&str> {
    source
        .strip_prefix(UNNAMED)
        .and_then(|r| r.strip_suffix(')'))
        .map(str::trim)
}

/// True when `source` opens with a capitalised article ("The Bank of Orvo", "A spokesman"),
/// or with another capitalised common word (a determiner: "Its", "This"; a lower-case source
/// word: "Officials", "Analysts") that no capitalised word follows: the capital is the
/// sentence's, not a name's. Organisation heads ("Police", "Ministry") and words in capitals
/// ("AP", "THE") are left alone.
fn starts_common_noun_phrase(source: &str) -> bool {
    let mut words = source.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let mut letters = first.chars();
    let capital = letters.next().is_some_and(char::is_uppercase);
    let in_capitals = first.chars().count() > 1 && !letters.any(char::is_lowercase);
    if !capital || in_capitals || !first.chars().all(char::is_alphabetic) {
        return false;
    }
    let common = DETERMINERS.contains(first)
        || DETERMINER_HEAD_SET.contains(first)
        || ((SOURCE_HEAD_SET.contains(first) || PEOPLE_SET.contains(first))
            && !ORG_SET.contains(first)
            && !SUBJECT_PRONOUNS.contains(first));
    // "The Bank of Orvo": an article is the sentence's whatever follows it; "President
    // Vardo": a capital after another common word makes it part of a name
    ARTICLES.contains(first)
        || common
            && !words
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

use super::np_chunk;

mod closing_tag;
mod long_subject;
mod offer;
mod source_note;
use crate::lexicon::class;
use crate::lexicon::sets::SOURCE_HEAD_SET as SOURCE_HEADS;
pub(crate) use crate::lexicon::sets::{
    LEAD_WORD_SET, NOT_IN_SOURCE_SET, SOURCE_HEAD_SET, SPEECH_VERB_SET, STOP_BACK_SET,
};

crate::word_set!(
    /// "found", "suggested", "forecast": cues only when their subject names evidence (or, for
    /// the verbs of predicting, someone).
    EVIDENTIAL_VERB_SET = files [
        "evidential-verbs.txt",
        "prediction-verbs.txt",
        "prediction-participles.txt"
    ]
);
crate::word_set!(
    /// "forecast", "calculated": predicting or reckoning, a cue also when a person or an
    /// organisation does it.
    PREDICTION_VERB_SET = files ["prediction-verbs.txt", "prediction-participles.txt"]
);
crate::word_set!(
    /// "projecting", "forecasting": cues only when the sentence gives no other
    /// ([`forecasting_cue`]).
    PREDICTION_PARTICIPLES = file "prediction-participles.txt"
);
crate::word_set!(
    /// "survey", "study", "data": evidence a figure comes from.
    EVIDENCE_NOUN_SET = file "evidence-nouns.txt"
);
crate::word_set!(
    /// "ad", "memo", "lawsuit": documents and recordings, sources of what they show.
    DOCUMENT_NOUN_SET = file "document-nouns.txt"
);
crate::word_set!(
    /// "mentions", "lists": a document's verbs of showing, cues only when the subject names a
    /// document or evidence.
    DOCUMENT_VERB_SET = file "document-verbs.txt"
);
crate::word_set!(
    /// "criticized", "praised": a judgement of the subject on what follows the verb.
    JUDGING_VERB_SET = file "judging-verbs.txt"
);
crate::word_set!(
    /// "backs", "urged": a stance or demand of the subject on what follows the verb, cues
    /// only when the subject is a person or an organisation.
    STANCE_VERB_SET = files ["stance-verbs.txt", "directive-verbs.txt"]
);
/// "pointed to", "spoke of": a verb of speaking and the particle it needs to be a cue.
static PARTICLE_SPEECH: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        crate::lexicon::entries(crate::word_data!("particle-speech-verbs.txt"))
            .filter_map(|e| e.split_once(' '))
            .collect()
    });
/// "pointed", "spoke": the verbs of [`PARTICLE_SPEECH`].
static PARTICLE_SPEECH_VERBS: crate::lexicon::WordSet =
    crate::lexicon::WordSet::new(|| PARTICLE_SPEECH.iter().map(|(v, _)| *v).collect());

/// True when the word at `v` and the next one are a verb of speaking and its particle.
fn particle_speech(toks: &[Tok], v: usize) -> bool {
    let (Some(t), Some(n)) = (toks.get(v), toks.get(v + 1)) else {
        return false;
    };
    t.kind == TokKind::Word
        && PARTICLE_SPEECH_VERBS.has(t)
        && PARTICLE_SPEECH
            .iter()
            .any(|(w, p)| t.text.eq_ignore_ascii_case(w) && n.text.eq_ignore_ascii_case(p))
}
crate::word_set!(
    /// "interview", "letter": the occasion a source speaks in ("In an interview, …").
    VENUE_NOUNS = file "venue-nouns.txt"
);
crate::word_set!(
    /// "published", "issued": an organisation's own act of putting out a figure.
    ACT_VERB_SET = file "act-verbs.txt"
);
crate::word_set!(
    /// "All", "This": never a source on their own.
    DETERMINER_HEAD_SET = file "determiner-heads.txt"
);
crate::word_set!(
    /// "wants", "plans", "believes": a belief or intention of the subject, a cue before "to",
    /// "that" or a figure.
    INTENTION_VERB_SET = files ["intention-verbs.txt", "belief-verbs.txt", "outlook-verbs.txt"]
);
crate::word_set!(
    /// "expects", "expected", "sees": their object is the subject's forecast.
    EXPECTING_VERB_SET = files ["expecting-verbs.txt", "outlook-verbs.txt"]
);
crate::word_set!(
    /// "sees", "see": the subject's forecast, read last ([`outlook_cue`]).
    OUTLOOK_VERB_SET = file "outlook-verbs.txt"
);
crate::word_set!(
    /// "plan", "proposal": after a possessive, what follows is the owner's proposal.
    PLAN_NOUN_SET = file "plan-nouns.txt"
);
crate::word_set!(
    /// "outlook", "target": after a possessive, the figure is one the owner set for itself.
    STATED_AIM_SET = file "stated-aims.txt"
);
crate::word_set!(
    /// "range": a noun after an evidence noun that leaves it heading the phrase.
    EVIDENCE_TAIL_SET = file "evidence-tails.txt"
);
crate::word_set!(
    /// "called", "asked": a demand of the subject, a cue before "for".
    DEMAND_VERB_SET = file "demand-verbs.txt"
);
crate::word_set!(
    /// "report", "claim", "statement": nouns whose "that" clause is what the source says.
    CLAIM_NOUN_SET = files ["evidence-nouns.txt", "claim-nouns.txt"]
);
crate::word_set!(
    /// "states", "ruled": cue words more often nouns or of other senses, cues only before
    /// "that", a colon or a quotation.
    NOUN_LIKE_CUE_SET = file "speech-verbs.tsv", tag "complement"
);
crate::word_set!(
    /// "the", "he", "more": a reported clause opening right after a speech verb.
    CLAUSE_OPENERS = file "clause-openers.txt"
);
crate::word_set!(
    /// "would", "was": a verb that goes on with the same subject after "but".
    SAME_SUBJECT_VERBS = files ["auxiliaries.txt", "modal-verbs.txt"]
);

crate::word_set!(
    /// "did", "does": a form of "do" stressing the verb of saying after its source ("Halvik
    /// did say that …").
    DO_FORMS = file "do-forms.txt"
);
crate::word_set!(
    /// "family", "assembly": words in "-ly" that head a source, never skipped as adverbs.
    LY_NOUNS = file "ly-nouns.txt"
);
crate::word_set!(
    /// "estimated", "confirmed": source lead words that are cues only before "by" or "from".
    LEAD_PARTICIPLES = file "source-lead-words.tsv", tags ["participle"]
);
crate::word_set!(
    /// "reported", "estimated": a passive with no agent names unnamed reports.
    PASSIVE_REPORT_VERBS = file "passive-report-verbs.txt"
);
crate::word_set!(
    /// "statement", "coroner": lowercase nouns that make a source named.
    NAMED_SOURCE_NOUNS = file "source-heads.tsv", tag "named"
);
/// "the", "a", "its", "her": an article or a possessive of one owner.
static ARTICLES_AND_POSSESSIVES: crate::lexicon::WordSet = crate::lexicon::WordSet::new(|| {
    let mut v = crate::lexicon::first_column(crate::word_data!("articles.tsv"));
    v.extend(crate::lexicon::tagged(
        crate::word_data!("possessives.tsv"),
        &["one"],
    ));
    v
});
crate::word_set!(
    /// "the", "their": every determiner that opens a short source phrase.
    DETERMINERS = files ["articles.tsv", "possessives.tsv"]
);
crate::word_set!(
    /// "in", "despite": prepositions a short determiner-led source never holds.
    SOURCE_BREAKING_PREPOSITIONS = file "source-breaking-prepositions.txt"
);
crate::word_set!(
    /// "another": a determiner that opens a source ("Another official said …") though it
    /// stands in no other source phrase.
    SOURCE_OPENING_DETERMINERS = file "source-opening-determiners.txt"
);
crate::word_set!(
    /// "announcing", "saying": after "by", the subject's act of telling what follows.
    BY_SPEECH_PARTICIPLES = file "by-speech-participles.txt"
);
crate::word_set!(
    /// "on", "last": the first word of a time phrase between a source and its verb.
    TIME_BEFORE_VERB = file "time-before-verb.txt"
);
crate::word_set!(
    /// "week", "today": the second word of a time phrase between a source and its verb.
    TIME_BEFORE_VERB_UNITS = file "time-before-verb-units.txt"
);
crate::word_set!(
    /// "although", "but": open a contrasting clause a source does not reach.
    CONTRASTS = file "contrast-conjunctions.tsv", tags ["always"]
);
crate::word_set!(
    /// "while", "whereas": contrasts only when the verb takes no "that" complement.
    PLAIN_CONTRASTS = file "contrast-conjunctions.tsv", tags ["plain"]
);

/// True for a word token in `set`.
fn word_in(t: &Tok, set: &crate::lexicon::WordSet) -> bool {
    t.kind == TokKind::Word && set.has(t)
}

/// Words that make an attribution vague ("officials said", "reports say").
pub static DEFAULT_VAGUE: crate::lexicon::WordSet = crate::lexicon::WordSet::new(|| {
    crate::lexicon::first_column(crate::word_data!("vague-sources.txt"))
});

/// True when a source names a person or an organisation rather than "officials" or "reports".
pub fn is_named(source: &str, vague_words: &[String]) -> bool {
    if crate::lexicon::user::is_outlet(source) {
        return true;
    }
    let mut capital = false;
    let mut org = false;
    for (k, w) in source
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        // the words compared have no 'k' (the one ASCII letter a non-ASCII capital, the
        // Kelvin sign, lowercases to), so comparing without ASCII case is comparing lowercased
        if vague_words.iter().any(|v| v.eq_ignore_ascii_case(w)) {
            return false;
        }
        if crate::entities::is_organisation_or_title_word(w) || NAMED_SOURCE_NOUNS.contains(w) {
            org = true;
        }
        let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
        if cap && !(k == 0 && ARTICLES_AND_POSSESSIVES.contains(w)) {
            capital = true;
        }
    }
    capital || org
}

/// A cue found in one sentence.
#[derive(Clone, Debug)]
struct Cue {
    attribution: Attribution,
    pronoun: bool,
    /// Claims before this offset are outside the cue's reach ("…rises to 60, mayor says 80").
    from: Option<usize>,
    /// Claims from this offset on are outside the cue's reach ("X put the toll at 76,
    /// although the disaster had flattened dozens of blocks").
    until: Option<usize>,
}

fn is_quote_char(t: &Tok) -> bool {
    t.kind == TokKind::Punct
        && matches!(
            t.text,
            "\"" | "''" | "``" | "\u{201C}" | "\u{201D}" | "\u{00AB}" | "\u{00BB}"
        )
}

/// True when token `i` is a point of an initialism ("U.S.", "U.N."): glued to a one-letter
/// capital before it, and either to another such letter after it or to a point before that
/// letter. It joins a source ("the U.S. Geological Survey"), it ends no sentence.
fn initialism_point(toks: &[Tok], i: usize) -> bool {
    let letter = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.text.len() == 1
                && t.text.chars().all(|c| c.is_ascii_uppercase())
        })
    };
    let glued_at = |l: usize, r: usize| match (toks.get(l), toks.get(r)) {
        (Some(l), Some(r)) => glued(l, r),
        _ => false,
    };
    if !toks.get(i).is_some_and(|t| t.is_punct('.')) || i == 0 || !letter(i - 1) {
        return false;
    }
    if !glued_at(i - 1, i) {
        return false;
    }
    let letter_after = letter(i + 1) && glued_at(i, i + 1);
    let point_before =
        i >= 2 && toks.get(i - 2).is_some_and(|p| p.is_punct('.')) && glued_at(i - 2, i - 1);
    letter_after || point_before
}

fn is_break(t: &Tok) -> bool {
    t.kind == TokKind::Punct
        && (is_quote_char(t) || matches!(t.text, "," | "." | ";" | ":" | "(" | ")" | "!" | "?"))
}

fn words_span(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<(String, Span)> {
    if b <= a {
        return None;
    }
    let s = toks.get(a)?.span.start;
    let e = toks.get(b - 1)?.span.end;
    let span = Span::new(s, e);
    Some((span.slice(text).to_string(), span))
}

/// Finds the attribution cue of one sentence.
fn sentence_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    lead_cue(text, toks, vague)
        .or_else(|| verb_sentence_cue(text, toks, vague))
        // headlines: "Officials: 40 dead", "Flooding leaves seven hurt: Mongolia"
        .or_else(|| colon_cue(text, toks, vague))
        .or_else(|| possessed_evidence(text, toks, vague))
        .or_else(|| noun_that_cue(text, toks, vague))
        .or_else(|| venue_cue(text, toks, vague))
        .or_else(|| forecasting_cue(text, toks, vague))
        .or_else(|| outlook_cue(text, toks, vague))
        .or_else(|| offer::offer_cue(text, toks, vague))
}

/// True when word `t` can head a source that a count sizes: a source word ("officials",
/// "sources") or a noun of people ("men").
fn source_noun(t: &Tok) -> bool {
    SOURCE_HEAD_SET.has(t) || t.class & class::PEOPLE != 0
}

/// True when the figure at `claim` in the sentence at `sentence` counts the source of the
/// sentence's own cue ("according to three people familiar with the plans", "Two officials
/// said …", "…, two of the people said"): the number opens the source's phrase and its noun
/// heads it. It sizes who speaks; it is no figure the story asserts. For many claims of one
/// sentence, read the sentence once with [`SentenceCues`].
pub fn counts_its_source(text: &str, sentence: Span, claim: Span) -> bool {
    may_count_a_source(text, claim) && SentenceCues::of(text, sentence).counts_its_source(claim)
}

/// True when the last word of `claim` can head a source ("three officials"): the cheap test
/// before a sentence's cues are read (a 200 KB sentence of figures read once per figure took
/// a quarter more time on the adversarial sweep).
pub fn may_count_a_source(text: &str, claim: Span) -> bool {
    crate::text::tokenize(text, claim)
        .last()
        .is_some_and(|t| t.kind == TokKind::Word && source_noun(t))
}

/// One sentence's tokens and speech cues (a verb of saying, a closing tag), read once for
/// every claim of the sentence that [`counts_its_source`] asks about.
pub struct SentenceCues<'a> {
    toks: Vec<Tok<'a>>,
    cues: [Option<Cue>; 2],
}

impl<'a> SentenceCues<'a> {
    /// Reads the sentence at `sentence` of `text`.
    pub fn of(text: &'a str, sentence: Span) -> Self {
        let toks = crate::text::tokenize(text, sentence);
        let cues = [
            sentence_cue(text, &toks, &[]),
            closing_tag::closing_tag_cue(text, &toks, &[]),
        ];
        SentenceCues { toks, cues }
    }

    /// True when the figure at `claim` counts the source of one of the sentence's cues.
    pub fn counts_its_source(&self, claim: Span) -> bool {
        let toks = &self.toks;
        let first = toks.partition_point(|t| t.span.start < claim.start);
        let last = toks.partition_point(|t| t.span.start < claim.end);
        let Some(noun) = last.checked_sub(1).and_then(|k| toks.get(k)) else {
            return false;
        };
        if noun.kind != TokKind::Word || !source_noun(noun) {
            return false;
        }
        self.cues.iter().flatten().any(|c| {
            let s = c.attribution.span;
            let opens = toks.partition_point(|t| t.span.start < s.start);
            let ends = toks.partition_point(|t| t.span.start < s.end);
            s.start <= claim.start
                && claim.end <= s.end
                && first <= opens + 1
                && speaks(toks, opens, ends)
        })
    }
}

/// True when the source at tokens `a..b` speaks: a verb of saying follows it (past adverbs
/// and a stressing "did": "two officials have said"), a leading phrase comes right before it
/// ("according to three people"), or a verb of saying after a comma ("…, said two
/// officials"; not "the collapse that claimed a dozen lives").
fn speaks(toks: &[Tok], a: usize, b: usize) -> bool {
    let mut e = b;
    while toks
        .get(e)
        .is_some_and(|t| word_in(t, &PRE_VERB_ADVERBS) || word_in(t, &DO_FORMS))
    {
        e += 1;
    }
    let speech = |k: usize| toks.get(k).is_some_and(|t| word_in(t, &SPEECH_VERB_SET));
    let lead = a.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
        word_in(p, &LEAD_WORD_SET)
            || (p.is("to")
                && a.checked_sub(2)
                    .and_then(|q| toks.get(q))
                    .is_some_and(|q| q.is("according")))
    });
    // an inverted tag after a comma: "…, said two officials"
    let inverted = a >= 2 && speech(a - 1) && toks.get(a - 2).is_some_and(|p| p.is_punct(','));
    speech(e) || inverted || lead
}

/// "according to X", "citing X", "confirmed by X", "as per X", "based on X": the source
/// after a leading phrase.
fn lead_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    // "according to X", "citing X"
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Word || !LEAD_WORD_SET.has(t) {
            continue;
        }
        let (skip, kind) = if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            (2, AttributionKind::AccordingTo)
        } else if t.is("citing") {
            (1, AttributionKind::Report)
        } else if word_in(t, &LEAD_PARTICIPLES)
            && toks.get(i + 1).is_some_and(|n| n.is("by") || n.is("from"))
        {
            // "estimated from reconnaissance data", "confirmed by the coroner"
            (2, AttributionKind::Report)
        } else if (t.is("as") && toks.get(i + 1).is_some_and(|n| n.is("per")))
            || ((t.is("based") || t.is("relying")) && toks.get(i + 1).is_some_and(|n| n.is("on")))
        {
            (2, AttributionKind::AccordingTo)
        } else {
            continue;
        };
        let a = i + skip;
        let mut b = a;
        while b < toks.len() && b < a + 14 {
            let Some(x) = toks.get(b) else { break };
            // "according to a poll of 400 voters": a figure inside the source's phrase is
            // part of the source, not what it says
            let of_count = x.kind == TokKind::Num
                && b > a
                && toks.get(b - 1).is_some_and(|p| p.is("of"))
                && toks.get(b + 1).is_some_and(|n| n.kind == TokKind::Word);
            // "according to 3 people familiar with the talks": the count of the sources opens
            // their phrase
            let sources_count = x.kind == TokKind::Num
                && b == a
                && (t.is("according") || t.is("citing"))
                && toks
                    .get(b + 1)
                    .is_some_and(|n| n.kind == TokKind::Word && source_noun(n));
            if (is_break(x) && !initialism_point(toks, b))
                || (x.kind == TokKind::Num && !of_count && !sources_count)
                || (b > a && x.is("that"))
                || (b > a && BE_FORMS.has(x))
            {
                break;
            }
            b += 1;
        }
        // "…, citing its $21.6 billion purchase": what is cited holds a figure, the subject
        // of the sentence cites it (a participle of saying), no source after "citing"
        if t.is("citing") && toks.get(b).is_some_and(|x| x.kind == TokKind::Num) {
            match participle_cue(text, toks, i, vague) {
                Some(c) => return Some(c),
                None => continue,
            }
        }
        // "estimated by Forbes at $18 billion": a value's "at" (and its sign) end no source
        if toks.get(b).is_some_and(|x| x.kind == TokKind::Num) {
            let mut k = b;
            while k > a + 1
                && toks
                    .get(k - 1)
                    .is_some_and(|x| x.kind == TokKind::Punct && !is_break(x))
            {
                k -= 1;
            }
            if k > a + 1 && toks.get(k - 1).is_some_and(|x| x.is("at")) {
                b = k - 1;
            }
        }
        // the noun phrase after the lead (feature `harper-np`), else the hand rule's words
        let b = np_chunk::starting_at(toks, a, b)
            .filter(|&n| n > a)
            .unwrap_or(b);
        // "reported by midnight" names no one
        if t.kind == TokKind::Word
            && !t.is("according")
            && !t.is("citing")
            && !t.is("as")
            && !t.is("based")
            && !t.is("relying")
            && !plausible(toks, a, b)
        {
            continue;
        }
        if let Some((source, span)) = words_span(text, toks, a, b) {
            // "according to them": resolved like "they said"
            let pronoun = b - a == 1
                && toks
                    .get(a)
                    .is_some_and(|f| SUBJECT_PRONOUNS.has(f) || f.is("them"));
            let named = !pronoun && is_named(&source, vague);
            return Some(Cue {
                attribution: Attribution {
                    source,
                    span,
                    kind,
                    named,
                },
                pronoun,
                from: None,
                until: None,
            });
        }
    }
    None
}

/// What a word can be as a cue verb where it stands (each kind excludes the ones before it).
struct VerbRole {
    speech: bool,
    evidential: bool,
    act: bool,
    intention: bool,
    demand: bool,
    passive_report: bool,
    documented: bool,
    stance: bool,
    judging: bool,
    rejected: bool,
}

impl VerbRole {
    /// The roles of `t`, the token at `v`.
    fn of(toks: &[Tok], v: usize, t: &Tok) -> VerbRole {
        let speech = SPEECH_VERB_SET.has(t);
        let evidential = !speech && EVIDENTIAL_VERB_SET.has(t);
        let act = !speech && !evidential && ACT_VERB_SET.has(t);
        let intention = !(speech || evidential || act) && INTENTION_VERB_SET.has(t);
        // "the senator called for a cap", not "the calls for help"
        let demand = !(speech || evidential || act || intention)
            && DEMAND_VERB_SET.has(t)
            && demand_for(toks, v)
            && !v
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| word_in(p, &DETERMINERS));
        // "were rated as false": a passive of judging, a cue of unnamed reports
        let passive_report = !(speech || evidential || act || intention || demand)
            && PASSIVE_REPORT_VERBS.has(t)
            && v.checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| BE_FORMS.has(p));
        // "the ad mentions one inmate": a document's verb of showing
        let documented = DOCUMENT_VERB_SET.has(t);
        // "the senator criticized a $2 billion plan": a judgement on what follows
        let plain = !(speech || evidential || act || intention || demand || passive_report);
        let stance = plain && STANCE_VERB_SET.has(t);
        // "she admitted to taking $40,000": a cue word that needs a complement, with a particle
        let particle = particle_speech(toks, v);
        let judging = (plain && (stance || JUDGING_VERB_SET.has(t))) || particle;
        let rejected = not_a_verb_here(toks, v, intention) && !particle;
        VerbRole {
            speech,
            evidential,
            act,
            intention,
            demand,
            passive_report,
            documented,
            stance,
            judging,
            rejected,
        }
    }
}

/// True when "for" follows the verb of demanding at `v`: right after it ("called for"), or
/// after a short object with a figure right after "for" ("asked the Tessaly council for $2
/// million", not "asked him to wait for 3 hours").
fn demand_for(toks: &[Tok], v: usize) -> bool {
    if toks.get(v + 1).is_some_and(|n| n.is("for")) {
        return true;
    }
    let Some(f) =
        (v + 2..(v + 6).min(toks.len())).find(|&k| toks.get(k).is_some_and(|t| t.is("for")))
    else {
        return false;
    };
    let object = toks.get(v + 1..f).is_some_and(|r| {
        r.iter()
            .all(|t| t.kind == TokKind::Word && !t.is("to") && !t.is("that"))
    });
    object && figure_at(toks, f + 1)
}

/// The first verb of saying, showing, judging or acting in the sentence that gives a cue.
fn verb_sentence_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    // speech verbs; a headline in title case capitalises its verbs too
    let title_case = toks
        .iter()
        .all(|t| t.kind != TokKind::Word || t.is_capitalized() || t.text.len() <= 4);
    for (v, t) in toks.iter().enumerate() {
        // no word of any role set (nor a particle verb): every role is false, so skipped below
        if t.kind != TokKind::Word || !(SPEECH_VERB_SET.has(t) || VERB_ROLE_SET.has(t)) {
            continue;
        }
        // read last, when no other verb gives a cue (`forecasting_cue`, `outlook_cue`)
        if PREDICTION_PARTICIPLES.has(t) || OUTLOOK_VERB_SET.has(t) {
            continue;
        }
        let role = VerbRole::of(toks, v, t);
        if !(role.speech
            || role.evidential
            || role.act
            || role.intention
            || role.demand
            || role.passive_report
            || role.documented
            || role.judging)
            || part_of_name(toks, v, title_case)
            || (role.rejected && !role.documented)
        {
            continue;
        }
        if let Some(c) = cue_of_verb(text, toks, v, &role, vague) {
            return Some(c);
        }
    }
    None
}

/// "Analysts are projecting earnings of $2.20 a share", "The agency, forecasting growth of 2
/// percent, …": a participle of predicting after a form of "be" or a comma, read when no
/// other cue of the sentence is found (it would take the place of a later verb's cue: "…,
/// with X forecasting 4 percent, while Y called for 5 percent"). Not a participle after a
/// noun ("a survey predicting growth helped lift shares 2 percent": the survey's clause is
/// no one's speech about the rest).
fn forecasting_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    toks.iter().enumerate().find_map(|(v, t)| {
        if t.kind != TokKind::Word || !PREDICTION_PARTICIPLES.has(t) {
            return None;
        }
        let after = v
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| BE_FORMS.has(p) || p.is_punct(','));
        if !after {
            return None;
        }
        let role = VerbRole::of(toks, v, t);
        cue_of_verb(text, toks, v, &role, vague)
    })
}

/// "Velmar Corp sees a $20 billion lift to sales", "Analysts see the rate at 2 percent": a verb
/// of seeing ahead whose object is the subject's forecast, read when no other cue of the
/// sentence is found (it would take the place of a surer cue: "It also stood by its forecast of
/// $1.90, even though it sees costs rising"). Not an imperative ("For details, see …") nor after
/// "to" or a modal ("would also see its funding rise": undergone), adverbs passed.
fn outlook_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    toks.iter().enumerate().find_map(|(v, t)| {
        if t.kind != TokKind::Word || !OUTLOOK_VERB_SET.has(t) {
            return None;
        }
        let mut p = v.checked_sub(1)?;
        while toks
            .get(p)
            .is_some_and(|x| !MODAL_WORDS.has(x) && (PRE_VERB_ADVERBS.has(x) || manner_adverb(x)))
        {
            p = p.checked_sub(1)?;
        }
        let before = toks.get(p)?;
        let undergone = before.is("to") || MODAL_WORDS.has(before) || before.is("let's");
        // "Velmar Inc, a health insurer, sees …": an appositive's comma; "sees" is never an
        // imperative ("For details, see …")
        let appositive = before.is_punct(',') && t.is("sees");
        if (before.kind != TokKind::Word && !appositive) || undergone {
            return None;
        }
        let role = VerbRole::of(toks, v, t);
        if role.rejected {
            return None;
        }
        let mut c = cue_of_verb(text, toks, v, &role, vague)?;
        // the subject stands before the verb: no inverted "…, see the program as …"
        if c.attribution.span.start >= t.span.start {
            return None;
        }
        // "Analysts see its assets, which make up a third of its $178 billion balance sheet,
        // as …", "…, a party that …": a relative clause or an appositive set off by a comma is
        // the writer's aside
        c.until = c.until.or_else(|| aside_after(toks, v));
        // "The campaigns see the state's 20 votes as essential": seeing as, a judgement of
        // what follows "as", the object being the writer's
        if let Some(a) = regard_as(toks, v).filter(|_| !figure_at(toks, v + 1)) {
            c.from = Some(c.from.map_or(a, |f| f.max(a)));
        }
        Some(c)
    })
}

/// The start of the first relative clause or appositive set off by a comma after token `v`
/// (", which …", ", a party that …").
fn aside_after(toks: &[Tok], v: usize) -> Option<usize> {
    (v + 1..toks.len().min(v + 1 + ASIDE_REACH)).find_map(|k| {
        let comma = toks.get(k).filter(|t| t.is_punct(','))?;
        toks.get(k + 1)
            .filter(|n| {
                n.kind == TokKind::Word
                    && ((RELATIVE_PRONOUNS.has(*n) && !n.is("that")) || ARTICLES.has(*n))
            })
            .map(|_| comma.span.start)
    })
}

/// Tokens after a verb of seeing read for an aside at most.
const ASIDE_REACH: usize = 40;

/// The start of "as" after the object of a verb of seeing at `v`, in its clause ("see the
/// plan as a burden"), when a word stands between them. A figure right after the verb is the
/// view itself ("sees 90 yen to the dollar as a fair rate"): the caller keeps it.
fn regard_as(toks: &[Tok], v: usize) -> Option<usize> {
    toks.iter()
        .skip(v + 2)
        .take_while(|t| !(is_break(t) || t.is_punct(',')))
        .find(|t| t.is("as"))
        .map(|t| t.span.start)
}

/// The cue a candidate verb at `v` gives: through the subject of "quoted as", unnamed reports
/// for a passive, none for a toll ("claimed 453 lives"), else the verb's own subject.
fn cue_of_verb(
    text: &str,
    toks: &[Tok],
    v: usize,
    role: &VerbRole,
    vague: &[String],
) -> Option<Cue> {
    let t = toks.get(v)?;
    // "X has been quoted as saying": the subject before the auxiliaries
    if t.is("quoted") && toks.get(v + 1).is_some_and(|n| n.is("as")) {
        let mut aux = v;
        while aux > 0
            && toks
                .get(aux - 1)
                .is_some_and(|p| BE_FORMS.has(p) || p.is("has") || p.is("have") || p.is("had"))
        {
            aux -= 1;
        }
        if aux < v {
            return verb_cue(text, toks, aux, vague);
        }
    }
    // passive "were reported dead", "is estimated at": attributed to unnamed reports;
    // other passives ("were recorded") give no source
    let prev = v.checked_sub(1).and_then(|p| toks.get(p));
    let progressive = t.text.ends_with("ing");
    if prev.is_some_and(|p| BE_FORMS.has(p)) && !progressive {
        if !word_in(t, &PASSIVE_REPORT_VERBS) {
            return None;
        }
        return Some(Cue {
            attribution: Attribution {
                source: format!("unnamed ({} {})", prev.map_or("", |p| p.text), t.text),
                span: t.span,
                kind: AttributionKind::Report,
                named: false,
            },
            pronoun: false,
            from: None,
            until: None,
        });
    }
    // "the fire claimed 453 lives": a toll, not a claim made by someone
    if (t.is("claimed") || t.is("claims"))
        && toks
            .get(v + 1..(v + 5).min(toks.len()))
            .is_some_and(|r| r.iter().any(|x| x.is("lives") || x.is("life")))
    {
        return None;
    }
    let c = verb_cue(text, toks, v, vague)?;
    admit_verb_cue(text, toks, v, t, role, c)
}

/// Keeps the subject cue of verb `t` only when its subject fits the verb's role (evidence for
/// a finding, an organisation for an act, a document for a showing), and sets its reach.
fn admit_verb_cue(
    text: &str,
    toks: &[Tok],
    v: usize,
    t: &Tok,
    role: &VerbRole,
    mut c: Cue,
) -> Option<Cue> {
    // a document's verb needs a document or evidence as its subject, unless it is a cue
    // of its own here ("the senator mentioned that…")
    let needs_document = role.documented
        && (role.rejected
            || !(role.speech || role.evidential || role.act || role.intention || role.demand));
    // "the survey found…" but not "rescuers found…"; "the ministry published…" but
    // not "the band released…"
    // "the fund predicted that…", "the paper found that…": a reported finding
    let that = toks.get(v + 1).is_some_and(|n| n.is("that"));
    // "It forecast 25 cents more": a subject pronoun right before a verb of predicting stands
    // for the party last named (a thing forecasts nothing; a passive is read above)
    let it_predicts = c.pronoun
        && subject_before_verb(toks, v)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.is("it") && p.span == c.attribution.span);
    let someone = PREDICTION_VERB_SET.has(t) && (names_someone(text, toks, &c, t) || it_predicts);
    // a forecaster known only by its clause ("Rockwell forecast revenue would fall …")
    let clause = PREDICTION_VERB_SET.has(t) && !someone && predicts_clause(text, toks, &c, v);
    let predicted = (someone || clause) && !noun_phrase_head(toks, &c);
    if (role.evidential && !that && !names_evidence(toks, &c) && !predicted)
        || (role.act && (c.pronoun || !names_organisation(&c.attribution.source)))
        || (needs_document && !names_document(toks, &c))
    {
        return None;
    }
    // a forecast clause after a comma reaches from its subject on, up to a spaced dash ("In April, when
    // prices were $65, the trader forecast …"; "… would rise 2 percent - the most since …")
    if clause && predicted {
        if after_comma(toks, c.attribution.span.start) {
            c.from = c.from.or(Some(c.attribution.span.start));
        }
        c.until = c.until.or(spaced_dash_after(toks, v).map(|d| d.span.start));
    }
    // a judgement or a document's showing reaches only what follows the verb, and its
    // subject stands before it
    if role.judging || needs_document {
        if c.attribution.span.start >= t.span.start
            || (role.stance && !names_someone(text, toks, &c, t))
        {
            return None;
        }
        c.from = Some(t.span.start);
    }
    // "…, and analysts had expected claims to slip to N": what is expected follows the verb
    // of expecting; a figure before its subject is none of it
    if EXPECTING_VERB_SET.has(t) && c.attribution.span.start < t.span.start && c.from.is_none() {
        c.from = Some(c.attribution.span.start);
    }
    // "Most voters expect Halvik to win -- 44 percent to 34 percent": what a spaced dash sets
    // off is the writer's aside, not what is expected
    if EXPECTING_VERB_SET.has(t) && c.until.is_none() {
        c.until = spaced_dash_after(toks, v).map(|d| d.span.start);
    }
    // "police said in a statement"
    let statement = toks
        .get(v + 1..(v + 5).min(toks.len()))
        .is_some_and(|r| r.iter().any(|x| x.is("statement")));
    if statement {
        c.attribution.kind = AttributionKind::Statement;
    }
    Some(c)
}

/// The token right before the verb at `v` once its auxiliaries and adverbs are passed ("it
/// had earlier forecast": "it").
fn subject_before_verb(toks: &[Tok], v: usize) -> Option<usize> {
    let mut p = v.checked_sub(1)?;
    while toks
        .get(p)
        .is_some_and(|t| t.kind == TokKind::Word && (AUXILIARIES.has(t) || PRE_VERB_ADVERBS.has(t)))
    {
        p = p.checked_sub(1)?;
    }
    Some(p)
}

/// Words between a verb of predicting and the modal of its clause at most ("forecast overall
/// revenue would fall").
const MAX_CLAUSE_SUBJECT: usize = 4;

/// "Rockwell forecast overall revenue would fall 12 percent", "the oilman forecast prices
/// could tip $80": a verb of predicting whose object is a clause (a short subject of words,
/// then a modal) is a verb, and its subject predicts, whatever noun it is (a thing forecasts
/// nothing). Not across a comma, nor a noun right before a modal ("the revenue forecast
/// would …").
fn predicts_clause(text: &str, toks: &[Tok], c: &Cue, v: usize) -> bool {
    let Some(verb) = toks.get(v) else {
        return false;
    };
    let between = text
        .get(c.attribution.span.end..verb.span.start)
        .unwrap_or(",");
    if between.contains(',') || c.attribution.span.start >= verb.span.start {
        return false;
    }
    let modal = (v + 1..=v + 1 + MAX_CLAUSE_SUBJECT)
        .take_while(|&k| {
            toks.get(k).is_some_and(|x| {
                x.kind == TokKind::Word && !PREPOSITIONS.has(x) && !BE_FORMS.has(x)
            })
        })
        .find(|&k| toks.get(k).is_some_and(|x| MODAL_WORDS.has(x)));
    modal.is_some_and(|m| m > v + 1)
}

/// True when the word at byte `start` follows a comma, or a comma and "and"/"but" ("In
/// April, the trader forecast …", "…, and Velmar estimates …"): a clause of its own begins.
fn after_comma(toks: &[Tok], start: usize) -> bool {
    let a = toks.partition_point(|t| t.span.start < start);
    let mut p = a.checked_sub(1);
    if p.and_then(|k| toks.get(k))
        .is_some_and(|t| t.is("and") || t.is("but"))
    {
        p = p.and_then(|k| k.checked_sub(1));
    }
    p.and_then(|k| toks.get(k)).is_some_and(|t| t.is_punct(','))
}

/// The first dash after token `v` with a space before it ("… the debate -- 44 percent …").
fn spaced_dash_after<'t, 'a>(toks: &'t [Tok<'a>], v: usize) -> Option<&'t Tok<'a>> {
    let mut prev = toks.get(v)?;
    for t in toks.get(v + 1..)? {
        let dash = t.is_punct('-') || t.is_punct('\u{2014}') || t.is_punct('\u{2013}');
        if dash && !glued(prev, t) {
            return Some(t);
        }
        prev = t;
    }
    None
}

/// "a newspaper report that the firm lost $915 million", "the claim that 12 percent…": a noun
/// of saying or evidence with a "that" clause is the source of what the clause says. A
/// relative clause ("the report that was released") is none: the word after "that" must open
/// a clause (a subject word, a name or a figure). The cue reaches only what follows the noun.
/// "a claim by the campaign that …": the maker named after "by" or "from" is the source.
fn noun_that_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Word || !CLAIM_NOUN_SET.has(t) {
            continue;
        }
        // "a claim by the campaign that …": the maker after "by" or "from" is the source
        let agent = toks
            .get(i + 1)
            .filter(|n| n.is("by") || n.is("from"))
            .and_then(|_| {
                (i + 3..(i + 9).min(toks.len()))
                    .take_while(|&k| toks.get(k - 1).is_some_and(|w| w.kind == TokKind::Word))
                    .find(|&k| toks.get(k).is_some_and(|n| n.is("that")))
            });
        let that = agent.unwrap_or(i + 1);
        if !toks.get(that).is_some_and(|n| n.is("that")) {
            continue;
        }
        let opens = toks.get(that + 1).is_some_and(|n| {
            n.kind == TokKind::Num
                || (n.kind == TokKind::Word
                    && (n.is_capitalized() || CLAUSE_OPENERS.has(n))
                    && !BE_FORMS.has(n)
                    && !SAME_SUBJECT_VERBS.has(n))
        });
        if !opens {
            continue;
        }
        // the noun phrase: names and modifiers back to its determiner ("a Valley Ledger report")
        let mut a = i;
        while a > 0 && i - a < 6 {
            let Some(p) = toks.get(a - 1) else { break };
            if p.kind != TokKind::Word || STOP_BACK_SET.has(p) || SPEECH_VERB_SET.has(p) {
                break;
            }
            a -= 1;
            if DETERMINERS.has(p) {
                break;
            }
        }
        let (a, b) = agent.map_or((a, i + 1), |k| (i + 2, k));
        let Some((source, span)) = words_span(text, toks, a, b) else {
            continue;
        };
        let named = is_named(&source, vague);
        return Some(Cue {
            attribution: Attribution {
                source,
                span,
                kind: AttributionKind::Report,
                named,
            },
            pronoun: false,
            from: Some(t.span.start),
            until: None,
        });
    }
    None
}

/// "It raised its growth forecast to 4.2 percent", "the agency's estimate of growth at 3.1
/// percent": a figure after evidence its possessor owns is the possessor's (a possessive
/// pronoun resolves like "it said"). The cue reaches only what follows the noun.
fn possessed_evidence(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    for (i, t) in toks.iter().enumerate() {
        let plan = t.kind == TokKind::Word && PLAN_NOUN_SET.has(t);
        let aim = t.kind == TokKind::Word && STATED_AIM_SET.has(t);
        if t.kind != TokKind::Word || !(plan || aim || EVIDENCE_NOUN_SET.has(t)) {
            continue;
        }
        if !heads_phrase(toks, i, plan, aim) {
            continue;
        }
        // the possessor, up to two modifiers back ("its Bhutanese harvest forecast"), a year
        // and a hyphened word counting as modifiers ("its full-year 2024 profit outlook")
        let mut p = i;
        let mut words = 0;
        while p > 0 && words < 3 && i - p < 7 {
            let Some(q) = toks.get(p - 1) else { break };
            let modifier =
                q.is_punct('-') || (q.kind == TokKind::Num && q.text.len() == 4 && p > 1);
            if modifier {
                p -= 1;
                continue;
            }
            // a plural's possessive ("analysts' expectations of N"): the apostrophe glued to
            // a word in "s" before it, the noun going on with what it holds (a preposition or
            // a figure; "at the top of analysts' forecasts, …" holds nothing)
            let holds = toks
                .get(i + 1)
                .is_some_and(|n| n.is("of") || n.is("for") || n.is("at") || n.is("to"))
                || figure_at(toks, i + 1);
            if holds && plural_possessive(toks, p - 1) {
                let cue = cue_from(text, toks, p - 2, p - 1, t, vague).map(|mut c| {
                    c.attribution.kind = AttributionKind::Report;
                    c.from = Some(t.span.start);
                    c
                });
                if cue.is_some() {
                    return cue;
                }
                break;
            }
            if q.kind != TokKind::Word {
                break;
            }
            words += 1;
            let from = Some(t.span.start);
            if q.is("its") || q.is("their") {
                return Some(Cue {
                    attribution: Attribution {
                        source: q.text.to_string(),
                        span: q.span,
                        kind: AttributionKind::Report,
                        named: false,
                    },
                    pronoun: true,
                    from,
                    until: None,
                });
            }
            if q.text.ends_with("'s") || q.text.ends_with("\u{2019}s") {
                let end = p;
                let mut start = end - 1;
                // a name before it ("the Northport Harbour Board's"), or "the"
                while start > 0 && end - start < 6 {
                    let Some(b) = toks.get(start - 1) else { break };
                    if b.kind != TokKind::Word || !(b.is_capitalized() || b.is("the")) {
                        break;
                    }
                    start -= 1;
                    if b.is("the") {
                        break;
                    }
                }
                let cue = cue_from(text, toks, start, end, t, vague).map(|mut c| {
                    c.attribution.kind = AttributionKind::Report;
                    c.from = from;
                    c
                });
                if cue.is_some() {
                    return cue;
                }
                break;
            }
            p -= 1;
        }
    }
    None
}

/// True when token `k` is the apostrophe of a plural's possessive: glued to a word in "s"
/// before it ("analysts'"), with a space after it.
fn plural_possessive(toks: &[Tok], k: usize) -> bool {
    let (Some(q), Some(w)) = (toks.get(k), k.checked_sub(1).and_then(|p| toks.get(p))) else {
        return false;
    };
    q.kind == TokKind::Punct
        && matches!(q.text, "'" | "\u{2019}")
        && glued(w, q)
        && w.kind == TokKind::Word
        && w.text.ends_with('s')
        && toks.get(k + 1).is_some_and(|n| !glued(q, n))
}

/// True when the evidence, plan or aim noun at `i` heads its phrase ("its forecast for…", "the
/// fund's estimate of…", "its outlook range by…"): it does not modify another ("Uruguay's water
/// regulator") nor open a clause ("its count was"); a plan goes on with a modal ("the mayor's
/// plan would cap…"); an aim only before a preposition ("its target of 5 percent", not "hit
/// its target 300 km away").
fn heads_phrase(toks: &[Tok], i: usize, plan: bool, aim: bool) -> bool {
    let mut j = i + 1;
    if toks
        .get(j)
        .is_some_and(|n| n.kind == TokKind::Word && EVIDENCE_TAIL_SET.has(n))
    {
        j += 1;
    }
    let Some(n) = toks.get(j) else {
        return !aim;
    };
    let preposition = n.is("of") || n.is("at") || n.is("to");
    if aim {
        return n.kind == TokKind::Word && (preposition || n.is("by") || n.is("for"));
    }
    n.kind != TokKind::Word || preposition || STOP_BACK_SET.has(n) || (plan && MODAL_WORDS.has(n))
}

/// True when the cue word at `v` is a noun inside a name or after a possessive, not a verb:
/// "United States", "Editor's note", "the agency's report".
fn part_of_name(toks: &[Tok], v: usize, title_case: bool) -> bool {
    let Some(t) = toks.get(v) else {
        return false;
    };
    let Some(p) = v.checked_sub(1).and_then(|p| toks.get(p)) else {
        return false;
    };
    if p.kind != TokKind::Word {
        return false;
    }
    let possessive = p.text.ends_with("'s") || p.text.ends_with("\u{2019}s");
    possessive || (!title_case && t.is_capitalized() && p.is_capitalized())
}

/// True when the cue word at `v` is no verb of a statement here: an infinitive ("to put that
/// number in context"), a noun-like cue word without a complement ("27 states"), or a belief
/// or intention verb not followed by "to", "that" or a figure ("wants 5 million people").
fn not_a_verb_here(toks: &[Tok], v: usize, intention: bool) -> bool {
    let Some(t) = toks.get(v) else {
        return true;
    };
    let next = toks.get(v + 1);
    let prev = v.checked_sub(1).and_then(|p| toks.get(p));
    if prev.is_some_and(|p| p.is("to")) {
        return true;
    }
    let complement = next.is_some_and(|n| n.is("that") || n.is_punct(':') || is_quote_char(n))
        || that_after_gap(toks, v);
    if NOUN_LIKE_CUE_SET.has(t) && !complement {
        return true;
    }
    // "a boat believed to have been carrying 400": a passive, not the boat's belief
    let raising = t.text.ends_with("ed")
        && next.is_some_and(|n| n.is("to"))
        && toks.get(v + 2).is_some_and(|n| n.is("be") || n.is("have"));
    // "We believe the 11 debates…", "No one expected a full 90 minutes": a view whose clause
    // opens right after the verb
    let belief_clause = BELIEF_VERBS.has(t)
        && (next.is_some_and(|n| {
            n.kind == TokKind::Word && (CLAUSE_OPENERS.has(n) || n.class & class::CARDINAL != 0)
        }) || figure_at(toks, v + 1));
    // "It still expects savings of N", "Traders had expected orders to reach N": the object
    // of a verb of expecting is the subject's forecast
    let expects_object = EXPECTING_VERB_SET.has(t) && takes_object(toks, v);
    intention
        && !belief_clause
        && !expects_object
        && (raising
            || !(next.is_some_and(|n| n.is("to") || n.is("that"))
                || figure_at(toks, v + 1)
                || that_after_gap(toks, v)))
}

/// True when the verb at `v` takes an object where it stands: a word that is no preposition,
/// or a figure, follows it, and the word before it makes it no adjective or comparison ("the
/// expected rise", "than expected", "as expected").
fn takes_object(toks: &[Tok], v: usize) -> bool {
    let prev = v.checked_sub(1).and_then(|p| toks.get(p));
    if prev.is_some_and(|p| word_in(p, &DETERMINERS) || p.is("than") || p.is("as")) {
        return false;
    }
    // "the 134 billion traders had expected and …": a verb ending an object relative
    toks.get(v + 1).is_some_and(|n| {
        (n.kind == TokKind::Word && !word_in(n, &PREPOSITIONS) && !n.is("and") && !n.is("or"))
            || figure_at(toks, v + 1)
    })
}

/// True when a figure opens at token `i`, after a qualifier of its size if any ("at least
/// 200", "more than $5 billion", "40").
fn figure_at(toks: &[Tok], i: usize) -> bool {
    let figure = |t: &Tok| {
        t.kind == TokKind::Num
            || t.is_punct('$')
            || t.is_punct('\u{20AC}')
            || t.is_punct('\u{00A3}')
    };
    if toks.get(i).is_some_and(figure) {
        return true;
    }
    super::qualifiers().iter().any(|(words, _)| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.is(w)))
            && toks.get(i + words.len()).is_some_and(figure)
    })
}

/// "has argued for years that 5 million…", "have heard by now that…": a "that" clause after a
/// short adverbial (at most three lowercase words, or a weekday or month) right after the verb
/// at `v`; the word after "that" must open a clause, so that a relative clause ("the charges
/// against him that were dropped") is none.
fn that_after_gap(toks: &[Tok], v: usize) -> bool {
    (v + 2..=v + 4).any(|k| {
        toks.get(k).is_some_and(|t| t.is("that"))
            && toks.get(v + 1..k).is_some_and(|gap| {
                gap.iter().all(|g| {
                    g.kind == TokKind::Word
                        && !g.is("that")
                        && (!g.is_capitalized() || g.class & (class::WEEKDAY | class::MONTH) != 0)
                })
            })
            && toks.get(k + 1).is_some_and(|n| {
                n.kind == TokKind::Num
                    || (n.kind == TokKind::Word && (CLAUSE_OPENERS.has(n) || n.is_capitalized()))
            })
    })
}

/// True when the source of a cue names evidence ("a recent survey", "the study", "a poll by
/// the county").
fn names_evidence(toks: &[Tok], c: &Cue) -> bool {
    source_with_maker(toks, c)
        .iter()
        .any(|t| t.kind == TokKind::Word && EVIDENCE_NOUN_SET.has(t))
}

/// True when the source of a cue names a document or evidence ("the ad", "a court filing").
fn names_document(toks: &[Tok], c: &Cue) -> bool {
    source_with_maker(toks, c)
        .iter()
        .any(|t| t.kind == TokKind::Word && (EVIDENCE_NOUN_SET.has(t) || DOCUMENT_NOUN_SET.has(t)))
}

/// The tokens of a cue's source, with the words of a document or evidence before "by" its
/// maker: "a web video by the party references…", "a survey by the county found…".
fn source_with_maker<'t, 'a>(toks: &'t [Tok<'a>], c: &Cue) -> &'t [Tok<'a>] {
    let span = c.attribution.span;
    let mut a = toks.partition_point(|t| t.span.start < span.start);
    if a >= 2 && toks.get(a - 1).is_some_and(|p| p.is("by")) {
        let mut k = a - 1;
        while k > 0 && a - k < 5 && toks.get(k - 1).is_some_and(|p| p.kind == TokKind::Word) {
            k -= 1;
        }
        a = k;
    }
    let b = toks.partition_point(|t| t.span.start < span.end);
    toks.get(a..b.max(a)).unwrap_or(&[])
}

/// True when the words of a cue's source go on with a determiner after their first word ("it
/// raised its growth forecast"): the cue word heads a noun phrase, it is no verb.
fn noun_phrase_head(toks: &[Tok], c: &Cue) -> bool {
    let span = c.attribution.span;
    let a = toks.partition_point(|t| t.span.start < span.start);
    let b = toks.partition_point(|t| t.span.start < span.end);
    toks.get(a..b.max(a))
        .unwrap_or(&[])
        .iter()
        .skip(1)
        .any(|t| word_in(t, &DETERMINERS))
}

/// True when the source of a stance cue is a person or an organisation standing right
/// before the verb (or the subject of a participle clause): "the senator criticized", not
/// "the plan supports" nor "the plan, opposed by…".
fn names_someone(text: &str, toks: &[Tok], c: &Cue, verb: &Tok) -> bool {
    let span = c.attribution.span;
    let between = text.get(span.end..verb.span.start).unwrap_or(",");
    // "Velmar Corp, which competes with Tessaly, has forecast …": a relative clause set off
    // by commas keeps its noun the subject (not "Tessaly, which urges …": the verb inside)
    let relative = between
        .trim_start()
        .strip_prefix(',')
        .and_then(|r| r.split_whitespace().next())
        .is_some_and(|w| RELATIVE_PRONOUNS.contains(w) && !w.eq_ignore_ascii_case("that"))
        && between.matches(',').count() >= 2;
    if between.contains(',') && !verb.text.ends_with("ing") && !relative {
        return false;
    }
    if c.pronoun {
        return !c.attribution.source.eq_ignore_ascii_case("it");
    }
    let a = toks.partition_point(|t| t.span.start < span.start);
    let b = toks.partition_point(|t| t.span.start < span.end);
    let r = toks.get(a..b.max(a)).unwrap_or(&[]);
    let person = r.iter().any(|t| {
        t.kind == TokKind::Word
            && (SOURCE_HEAD_SET.has(t) || t.class & (class::PEOPLE | class::TITLE) != 0)
    });
    // a name: two capitalized words, or one not opening the sentence ("Tourism supports…"
    // is no one's stance)
    let capitals: Vec<usize> = r
        .iter()
        .enumerate()
        .filter(|(k, t)| {
            t.kind == TokKind::Word && t.is_capitalized() && !(*k == 0 && DETERMINERS.has(*t))
        })
        .map(|(k, _)| a + k)
        .collect();
    let name = capitals.len() >= 2 || capitals.first().is_some_and(|&i| i > 0);
    person || name || names_organisation(&c.attribution.source)
}

/// True when a source names an organisation or an official ("the health ministry").
fn names_organisation(source: &str) -> bool {
    source
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .any(|w| crate::entities::is_organisation_or_title_word(w) || SOURCE_HEAD_SET.contains(w))
}

/// True when tokens `a..b` read as a source: no verb or number inside, and a proper name or
/// a source word ("officials", "the ministry") in it.
fn plausible(toks: &[Tok], a: usize, b: usize) -> bool {
    let Some(r) = toks.get(a..b) else {
        return false;
    };
    if r.is_empty() || r.len() > 14 {
        return false;
    }
    // "All told": a lone determiner names no one
    if let [only] = r {
        if DETERMINER_HEAD_SET.has(only) {
            return false;
        }
    }
    // "The deal, announced Friday, …": a day or a month names no one
    if r.iter()
        .all(|t| t.kind == TokKind::Word && t.class & (class::WEEKDAY | class::MONTH) != 0)
    {
        return false;
    }
    // "the state", "a civil cooperative": a short determiner-led noun phrase
    let mut ok = r.len() <= 4
        && r.len() >= 2
        && !r.iter().any(|t| word_in(t, &SOURCE_BREAKING_PREPOSITIONS))
        && r.first().is_some_and(|f| word_in(f, &DETERMINERS))
        && r.iter().all(|t| t.kind == TokKind::Word);
    for (k, t) in r.iter().enumerate() {
        // "the 34-year-old": a person described by age
        if t.kind == TokKind::Num && age_compound_at(r, k + 2) {
            ok = true;
            continue;
        }
        if t.kind == TokKind::Num || is_quote_char(t) {
            return false;
        }
        if t.kind != TokKind::Word {
            continue;
        }
        if NOT_IN_SOURCE_SET.has(t) && !head_with(r, k) && !opens_source(r, k) {
            return false;
        }
        // a word of letters alone ends in no "'s"
        let l = if t.class & class::PLAIN != 0 {
            t.text
        } else {
            t.text.trim_end_matches("'s").trim_end_matches("\u{2019}s")
        };
        let head = if l.len() == t.text.len() {
            SOURCE_HEAD_SET.has(t)
        } else {
            SOURCE_HEAD_SET.contains(l)
        };
        // "…, respondents said, …": people named by what they are; "a federal judge ruled
        // that…": or by their office
        if head || t.class & (class::PEOPLE | class::TITLE) != 0 {
            ok = true;
        }
        if t.is_capitalized() && !(k == 0 && ARTICLES.has(t)) {
            ok = true;
        }
    }
    // "court records show", "filings list": a document or a piece of evidence heading the
    // words is a source without a determiner
    ok || r.last().is_some_and(|t| {
        t.kind == TokKind::Word && (DOCUMENT_NOUN_SET.has(t) || EVIDENCE_NOUN_SET.has(t))
    })
}

/// True when word `k` of `r` is a determiner opening the source before a word ("Another
/// official"), not a count ("another 40").
fn opens_source(r: &[Tok], k: usize) -> bool {
    k == 0
        && r.get(k)
            .is_some_and(|t| word_in(t, &SOURCE_OPENING_DETERMINERS))
        && r.get(1).is_some_and(|n| n.kind == TokKind::Word)
}

/// True when tokens `l` and `r` touch (no space between them).
fn glued(l: &Tok, r: &Tok) -> bool {
    l.span.end == r.span.start
}

/// The start of a source whose first word ends a hyphenated modifier cut off by its own
/// punctuation: "a Velmar, Paraguay.,-based defense contractor" is cut at "based" by the
/// backward scan (the comma and the hyphen break it). The modifier's place (one capitalised
/// word glued to the hyphen, and a capitalised run before a comma) and its article belong to
/// the source; anything else leaves `a` as it is.
fn modifier_start(toks: &[Tok], a: usize) -> usize {
    let (Some(first), Some(hyphen)) = (toks.get(a), a.checked_sub(1).and_then(|h| toks.get(h)))
    else {
        return a;
    };
    if first.kind != TokKind::Word || first.is_capitalized() || !hyphen.is_punct('-') {
        return a;
    }
    let mut j = a - 1;
    // "Paraguay.,-based": the abbreviation's point and a comma glued before the hyphen
    while j > 0
        && toks.get(j - 1).is_some_and(|p| {
            (p.is_punct('.') || p.is_punct(',')) && toks.get(j).is_some_and(|n| glued(p, n))
        })
    {
        j -= 1;
    }
    let place = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokKind::Word && t.is_capitalized())
    };
    if j == 0 || !place(j - 1) || !toks.get(j).is_some_and(|n| glued(&toks[j - 1], n)) {
        return a;
    }
    j -= 1;
    // "Velmar, Paraguay": the town before the comma, up to three capitalised words
    if j >= 2 && toks.get(j - 1).is_some_and(|c| c.is_punct(',')) && place(j - 2) {
        j -= 2;
        let stop = j.saturating_sub(2);
        while j > stop && place(j - 1) {
            j -= 1;
        }
    }
    if j > 0 && toks.get(j - 1).is_some_and(|d| ARTICLES.has(d)) {
        j -= 1;
    }
    j
}

fn cue_from(
    text: &str,
    toks: &[Tok],
    a: usize,
    b: usize,
    verb: &Tok,
    vague: &[String],
) -> Option<Cue> {
    let a = modifier_start(toks, a);
    if !plausible(toks, a, b) {
        return None;
    }
    source_cue(text, toks, a, b, verb, vague)
}

/// The cue of the source in tokens `a..b` before or after its verb: its words and span, its kind
/// (a statement, a report, said) and whether it is named or a pronoun; no reach (`from`,
/// `until`) yet. The one way a cue is made of a source found by its place in the sentence.
fn source_cue(
    text: &str,
    toks: &[Tok],
    a: usize,
    b: usize,
    verb: &Tok,
    vague: &[String],
) -> Option<Cue> {
    let (source, span) = words_span(text, toks, a, b)?;
    let pronoun = b - a == 1 && toks.get(a).is_some_and(|f| SUBJECT_PRONOUNS.has(f));
    let has = |w: &str| contains_ignoring_case(&source, w);
    let kind = if has("statement") {
        AttributionKind::Statement
    } else if verb
        .text
        .as_bytes()
        .get(..6)
        .is_some_and(|p| p.eq_ignore_ascii_case(b"report"))
        || has("report")
        || has("media")
        || has("news")
    {
        AttributionKind::Report
    } else {
        AttributionKind::Said
    };
    let named = !pronoun && is_named(&source, vague);
    Some(Cue {
        attribution: Attribution {
            source,
            span,
            kind,
            named,
        },
        pronoun,
        from: None,
        until: None,
    })
}

fn is_back_break(t: &Tok) -> bool {
    t.kind == TokKind::Punct
        && (is_quote_char(t)
            || matches!(
                t.text,
                "," | "."
                    | ";"
                    | ":"
                    | "!"
                    | "?"
                    | "\u{2014}"
                    | "\u{2013}"
                    | "|"
                    | "-"
                    | "\u{2022}"
            ))
}

/// "flatly", "bluntly": a lowercase word in "-ly" that is no noun ("family"), an adverb between a
/// source and its verb.
pub(crate) fn manner_adverb(t: &Tok) -> bool {
    t.kind == TokKind::Word
        && t.text.len() > 4
        && t.text.ends_with("ly")
        && !t.is_capitalized()
        && !LY_NOUNS.contains(t.text)
}

/// The cue of the speech verb at `v`: its subject before it, or after it ("said the ministry").
fn verb_cue(text: &str, toks: &[Tok], v: usize, vague: &[String]) -> Option<Cue> {
    let verb = toks.get(v)?;
    // subject before the verb, skipping adverbs ("also said") and a stressing "did" right
    // before the verb ("Halvik did say that …"; not "did not say")
    let mut e = v;
    let progressive = verb.text.ends_with("ing");
    if v.checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| word_in(p, &DO_FORMS) && !p.is_capitalized())
    {
        e -= 1;
    }
    while e > 0
        && toks.get(e - 1).is_some_and(|p| {
            PRE_VERB_ADVERBS.has(p) || manner_adverb(p) || (progressive && BE_FORMS.has(p))
        })
    {
        e -= 1;
    }
    if progressive
        && e == v
        && !v
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.kind == TokKind::Word && p.is_capitalized())
    {
        // "The mayor defended the plan, saying that 40…": a participle clause of saying
        // after a comma speaks for the subject of the sentence; "…, reporting 44 deaths"
        // with no subject that reads as a source is no cue
        return participle_cue(text, toks, v, vague);
    }
    // "Velmar Corp on Monday said…", "the agency in May said…": a time phrase
    if !progressive && time_before(toks, e) {
        e -= 2;
    }
    // "Witnesses, however, said…": a lone adverb set off by commas
    let aside = e >= 4
        && toks.get(e - 1).is_some_and(|p| p.is_punct(','))
        && toks.get(e - 3).is_some_and(|p| p.is_punct(','))
        && toks.get(e - 2).is_some_and(|w| {
            w.kind == TokKind::Word && !w.is_capitalized() && !STOP_BACK_SET.has(w)
        });
    if aside {
        e -= 3;
    }
    let a = source_start(toks, e);
    // the noun phrase right before the verb inside the hand rule's words (feature
    // `harper-np`), else those words
    if let Some(c) = np_chunk::ending_at(toks, a, e)
        .filter(|&n| n > a && n < e)
        .and_then(|n| before_verb_cue(text, toks, n, e, v, vague))
    {
        return Some(c);
    }
    if a < e {
        return before_verb_cue(text, toks, a, e, v, vague)
            .or_else(|| restrictive_relative_cue(text, toks, a, e, v, vague))
            .or_else(|| long_subject::long_subject_cue(text, toks, e, v, vague));
    }
    if let Some((start, end)) = relative_head(toks, a) {
        // it reaches only what follows the noun
        return cue_from(text, toks, start, end, verb, vague).map(|mut c| {
            c.from = Some(c.attribution.span.start);
            c
        });
    }
    let before = a.checked_sub(1).and_then(|p| toks.get(p));
    // "…, but says 63 civilians", "… and agreed that 40 …": the subject of the sentence
    let coordinated_that =
        before.is_some_and(|p| p.is("and")) && toks.get(v + 1).is_some_and(|n| n.is("that"));
    if before.is_some_and(|p| p.is("but")) || coordinated_that {
        let mut c = 0;
        while c < 8
            && toks
                .get(c)
                .is_some_and(|t| t.is_capitalized() || t.is("of") || t.is("the"))
        {
            c += 1;
        }
        return cue_from(text, toks, 0, c, verb, vague);
    }
    after_verb_cue(text, toks, a, v, vague)
        .or_else(|| long_subject::long_subject_cue(text, toks, e, v, vague))
}

/// True when the two words before token `e` are a short time phrase ("on Monday", "in May",
/// "last week") after a word of the source, a capitalised one or a source word: "Velmar Corp
/// on Monday said". Not "…killed in May said" (a lowercase verb before the phrase).
fn time_before(toks: &[Tok], e: usize) -> bool {
    if e < 3 {
        return false;
    }
    let (Some(s), Some(w), Some(u)) = (toks.get(e - 3), toks.get(e - 2), toks.get(e - 1)) else {
        return false;
    };
    let unit = u.kind == TokKind::Word
        && (u.class & (class::WEEKDAY | class::MONTH) != 0 || TIME_BEFORE_VERB_UNITS.has(u));
    // "Sun last week reported": a word that reads as a day alone is no source
    let source_word = s.kind == TokKind::Word
        && (s.is_capitalized() || source_noun(s))
        && s.class & (class::WEEKDAY | class::MONTH) == 0;
    word_in(w, &TIME_BEFORE_VERB) && unit && source_word
}

/// "The agency that runs the camps said …": the words before the verb (`toks[a..e]`) are a
/// subject relative clause ("that"/"who"/"which" right after a noun, then a word that is no
/// determiner or pronoun); the source is the noun phrase it hangs on, with the clause.
fn restrictive_relative_cue(
    text: &str,
    toks: &[Tok],
    a: usize,
    e: usize,
    v: usize,
    vague: &[String],
) -> Option<Cue> {
    let rel = a.checked_sub(1)?;
    let pronoun = toks.get(rel)?;
    if !RELATIVE_PRONOUNS.has(pronoun) {
        return None;
    }
    // "the toll that officials gave", "the plan that she said": an object relative has a
    // subject of its own, which the cue's other paths take
    let opens = toks.get(a)?;
    if opens.kind != TokKind::Word
        || opens.is_capitalized()
        || DETERMINERS.has(opens)
        || SUBJECT_PRONOUNS.has(opens)
        || opens.class & class::PEOPLE != 0
    {
        return None;
    }
    // the noun right before the pronoun: no comma (that is `relative_head`'s aside)
    if !toks.get(rel.checked_sub(1)?)?.kind.eq(&TokKind::Word) {
        return None;
    }
    // the clause is words only: a dot or a comma inside it ends a sentence or an aside
    if !toks.get(a..e)?.iter().all(|t| t.kind == TokKind::Word) {
        return None;
    }
    let head = source_start(toks, rel);
    if head >= rel || e - head > 24 {
        return None;
    }
    let mut c = before_verb_cue(text, toks, head, rel, v, vague)?;
    if let Some((source, span)) = words_span(text, toks, head, e) {
        c.attribution.source = source;
        c.attribution.span = span;
    }
    Some(c)
}

/// Where the words before a verb of saying that can be its source begin: back from `e` over at
/// most 14 tokens, stopping at a clause break, a number or a word that ends a source.
fn source_start(toks: &[Tok], e: usize) -> usize {
    let mut a = e;
    let mut depth = 0usize;
    while a > 0 && e - a < 14 {
        let Some(p) = toks.get(a - 1) else { break };
        // "the 34-year-old said": an age compound is part of the source
        if a >= 3 && age_compound_at(toks, a - 1) {
            a -= 3;
            continue;
        }
        if p.is_punct(')') {
            depth += 1;
        } else if p.is_punct('(') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            // "PowerOutage.us": a dot inside a name is no break
            let inner_dot = p.is_punct('.')
                && toks.get(a).is_some_and(|n| n.span.start == p.span.end)
                && a >= 2
                && toks.get(a - 2).is_some_and(|b| b.span.end == p.span.start);
            let initialism = initialism_point(toks, a - 1);
            if (is_back_break(p) && !inner_dot && !initialism) || p.kind == TokKind::Num {
                break;
            }
            if p.kind == TokKind::Word
                && STOP_BACK_SET.has(p)
                && !name_and(toks, a - 1)
                && !head_with(toks, a - 1)
            {
                break;
            }
        }
        a -= 1;
    }
    after_opening_time(toks, a, e)
}

/// `a` moved past a time phrase that opens the sentence with no comma ("In February Velmar
/// Corp said", "Last week the union said"): the phrase dates the act and is no part of its
/// source. Left as it is when nothing would be left of the source.
fn after_opening_time(toks: &[Tok], a: usize, e: usize) -> usize {
    let (Some(w), Some(u)) = (toks.get(a), toks.get(a + 1)) else {
        return a;
    };
    let unit = u.kind == TokKind::Word
        && (u.class & (class::WEEKDAY | class::MONTH) != 0 || TIME_BEFORE_VERB_UNITS.has(u));
    if w.is_capitalized() && word_in(w, &TIME_BEFORE_VERB) && unit && a + 2 < e {
        a + 2
    } else {
        a
    }
}

/// True when the "with" at `i` qualifies a source word before it: "sources with knowledge of
/// the talks", "officials with the agency" (the whole phrase is the source).
fn head_with(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|w| w.is("with"))
        && i.checked_sub(1)
            .and_then(|h| toks.get(h))
            .is_some_and(|h| h.kind == TokKind::Word && SOURCE_HEAD_SET.has(h))
}

/// True when the "and" at `i` joins the words of one company's name: "Roebuck and Co",
/// "Tarn and Company", "S and P" (a capitalised word before it, and after it a company's head
/// word or a lone capital letter), not two subjects ("Orvo and the ministry said").
fn name_and(toks: &[Tok], i: usize) -> bool {
    let (Some(and), Some(next)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    let before = i
        .checked_sub(1)
        .and_then(|b| toks.get(b))
        .is_some_and(|b| b.kind == TokKind::Word && b.is_capitalized());
    let lone_capital = next.text.len() == 1 && next.text.chars().all(|c| c.is_ascii_uppercase());
    let head = next.is_capitalized() && COMPANY_HEADS.contains(next.text);
    and.is("and") && next.kind == TokKind::Word && before && (lone_capital || head)
}

/// The source stands before the verb (`toks[a..e]`, the verb at `v`): kept when the words
/// read as a source, with how far what is said reaches on each side.
fn before_verb_cue(
    text: &str,
    toks: &[Tok],
    a: usize,
    e: usize,
    v: usize,
    vague: &[String],
) -> Option<Cue> {
    let verb = toks.get(v)?;
    // the words before the verb: kept when they read as a source. When the verb opens
    // what is said ("mayor says 80 are missing"), figures before the source are not its.
    let forward = toks.get(v + 1).is_some_and(|n| n.kind == TokKind::Num)
        || (opens_clause(toks, v))
        || (after_relative(toks, a));
    // "X estimated that A; B, while C": a that-complement runs over a semicolon and a
    // contrast of its own
    let complement = toks.get(v + 1).is_some_and(|n| n.is("that"));
    // a contrasting clause after the verb is the writer's, not the source's
    // (", but would eventually add…" goes on with the same subject: no contrast)
    let contrast = |k: usize| {
        toks.get(k).is_some_and(|t| {
            (t.is_punct(';') && !complement)
                || (t.is_punct(',')
                    && toks.get(k + 1).is_some_and(|n| {
                        word_in(n, &CONTRASTS) || (!complement && word_in(n, &PLAIN_CONTRASTS))
                    })
                    && !toks
                        .get(k + 2)
                        .is_some_and(|n| n.kind == TokKind::Word && SAME_SUBJECT_VERBS.has(n)))
        })
    };
    // "52 percent of voters agreed that …, while 73 percent said …": a counted share of
    // those asked speaks for one clause only
    let counted = a
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| p.kind == TokKind::Num);
    let share_end = || {
        if !counted {
            return None;
        }
        (v + 1..toks.len()).find(|&k| {
            toks.get(k).is_some_and(|t| {
                t.is_punct(',')
                    || t.is_punct(';')
                    || word_in(t, &CONTRASTS)
                    || word_in(t, &PLAIN_CONTRASTS)
            })
        })
    };
    let until = (v + 1..toks.len())
        .find(|&k| contrast(k))
        .or_else(share_end)
        .or_else(|| occasion_after(toks, v))
        .and_then(|k| toks.get(k))
        .map(|t| t.span.start);
    // and one before the source: "Paraguay has 4,000 cases, but Vell warned that…"
    let since = (0..a)
        .rev()
        .find(|&k| contrast(k))
        .and_then(|k| toks.get(k))
        .map(|t| t.span.end);
    cue_from(text, toks, a, e, verb, vague).map(|mut c| {
        c.from = if forward {
            Some(c.attribution.span.start)
        } else {
            since
        };
        c.until = until;
        c
    })
}

/// "The chairman said after the witness failed to appear at two hearings": the clause right
/// after the verb at `v` names the occasion of the saying (occasion-conjunctions.txt), not what
/// is said, when no "that", colon or quotation follows; its first token.
fn occasion_after(toks: &[Tok], v: usize) -> Option<usize> {
    let k = v + 1;
    let rest = toks.get(k..)?;
    if !rest
        .first()
        .is_some_and(|n| word_in(n, &OCCASION_CONJUNCTIONS))
    {
        return None;
    }
    let said_later = rest
        .iter()
        .any(|t| t.is("that") || t.is_punct(':') || is_quote_char(t));
    (!said_later).then_some(k)
}

/// "Uruguay, which has reported 2,600 illnesses" (or "the study -- which notes that…"): the noun
/// the relative clause before the verb hangs on, as a token range, when there is one.
fn relative_head(toks: &[Tok], a: usize) -> Option<(usize, usize)> {
    let before = a.checked_sub(1).and_then(|p| toks.get(p));
    let aside = |p: &Tok| {
        p.is_punct(',')
            || p.is_punct('-')
            || p.is_punct('(')
            || p.is_punct('\u{2014}')
            || p.is_punct('\u{2013}')
    };
    if !(before.is_some_and(|p| p.is("which") || p.is("who"))
        && a >= 2
        && toks.get(a - 2).is_some_and(aside))
    {
        return None;
    }
    let mut end = a - 2;
    while end > 0 && toks.get(end - 1).is_some_and(aside) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start < 8 {
        let Some(p) = toks.get(start - 1) else { break };
        if is_back_break(p)
            || p.kind == TokKind::Num
            || (p.kind == TokKind::Word && STOP_BACK_SET.has(p))
        {
            break;
        }
        start -= 1;
    }
    // the noun phrase the clause hangs on (feature `harper-np`), else the hand rule's words
    let start = np_chunk::ending_at(toks, start, end)
        .filter(|&s| s < end)
        .unwrap_or(start);
    Some((start, end))
}

/// No source before the verb: one after it ("…, said the ministry"), a pronoun opening what
/// was said, or an appositive subject further back.
fn after_verb_cue(text: &str, toks: &[Tok], a: usize, v: usize, vague: &[String]) -> Option<Cue> {
    let verb = toks.get(v)?;
    // inverted: "…, said the ministry"
    let a2 = v + 1;
    let mut b2 = a2;
    while b2 < toks.len() && b2 < a2 + 14 {
        let Some(x) = toks.get(b2) else { break };
        let stop = is_break(x) && !initialism_point(toks, b2);
        if stop || x.kind == TokKind::Num || x.is("that") || x.is("on") {
            break;
        }
        b2 += 1;
    }
    // "Jane Doe, director of the agency, told reporters that…": the addressee after "told"
    // is no inverted source when the subject stands in an appositive before it
    let addressee = verb.is("told") || verb.is("tells");
    if addressee {
        if let Some(c) = appositive_cue(text, toks, a, verb, vague) {
            return Some(c);
        }
    }
    // "…, said she performed…": the pronoun is the subject of a clause, and what follows is
    // what was said
    let clause = b2 > a2 + 1 && toks.get(a2).is_some_and(|f| SUBJECT_PRONOUNS.has(f));
    if clause {
        return appositive_cue(text, toks, a, verb, vague)
            .or_else(|| cue_from(text, toks, a2, a2 + 1, verb, vague));
    }
    // the noun phrase after the verb (feature `harper-np`), else the hand rule's words
    let np_end = np_chunk::starting_at(toks, a2, b2).filter(|&b| b > a2 && b < b2);
    // "Jane Doe, the mayor's aide, said the office's staff had counted 300…": words after the
    // verb followed by an auxiliary are the subject of the reported clause, the speaker stands
    // in the appositive before the verb
    if clause_subject_after(toks, a2) {
        if let Some(c) = appositive_cue(text, toks, a, verb, vague) {
            return Some(c);
        }
    }
    if let Some(mut c) = np_end.and_then(|b| cue_from(text, toks, a2, b, verb, vague)) {
        c.until = Some(c.attribution.span.end);
        return Some(c);
    }
    // "Jane Roe, a senator, said the 5-year plan…": words cut off by a number open the
    // reported clause, they are no source after the verb
    let cut_by_number = toks.get(b2).is_some_and(|x| x.kind == TokKind::Num);
    if let Some(mut c) = (!cut_by_number)
        .then(|| cue_from(text, toks, a2, b2, verb, vague))
        .flatten()
    {
        // "…, said Jane Doe, a two-term mayor": what follows the source is the writer's
        c.until = Some(c.attribution.span.end);
        return Some(c);
    }
    // "The deal, announced Friday, would last…": a participle dated by a day is an aside
    let dated = b2 > a2
        && toks.get(a2..b2).is_some_and(|r| {
            r.iter()
                .all(|t| t.kind == TokKind::Word && t.class & (class::WEEKDAY | class::MONTH) != 0)
        });
    if dated || addressee {
        return None;
    }
    appositive_cue(text, toks, a, verb, vague)
        .or_else(|| (!cut_by_number).then(|| headed_after_verb(text, toks, a2, b2, verb, vague))?)
}

/// True when the words from token `a` are the subject of a clause: a few words (points and
/// apostrophes glued to them, "Ms. Reyes's office") then an auxiliary or a modal ("… had
/// received", "… would cost").
fn clause_subject_after(toks: &[Tok], a: usize) -> bool {
    for k in a..a + 10 {
        let Some(t) = toks.get(k) else { return false };
        let aux = t.kind == TokKind::Word && (AUXILIARIES.has(t) || MODAL_WORDS.has(t));
        if aux {
            return k > a;
        }
        let glued = k > a
            && toks.get(k - 1).is_some_and(|p| p.span.end == t.span.start)
            && (t.is_punct('.') || t.is_punct('\'') || t.is_punct('\u{2019}'));
        let word = t.kind == TokKind::Word && !RELATIVE_PRONOUNS.has(t) && !t.is("that");
        if !(word || glued) {
            return false;
        }
    }
    false
}

/// "…, said a source who had seen the numbers", "…, said a person familiar with the talks":
/// the inverted source cut after its head noun (a source word or a noun of people among the
/// first words after the verb, `toks[a..b]`), when the whole stretch reads as no source for
/// the clause or modifier after the head. It reaches nothing after the source.
fn headed_after_verb(
    text: &str,
    toks: &[Tok],
    a: usize,
    b: usize,
    verb: &Tok,
    vague: &[String],
) -> Option<Cue> {
    // only the inverted tag after a comma: "…, said a source who …"
    let after_comma = a >= 2 && toks.get(a - 2).is_some_and(|p| p.is_punct(','));
    if !after_comma || verb.is_capitalized() {
        return None;
    }
    let h = (a..b.min(a + 4)).find(|&k| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokKind::Word && source_noun(t) && !SUBJECT_PRONOUNS.has(t))
    })?;
    if h + 1 >= b {
        return None;
    }
    // a determiner or a count opens the phrase, lowercase modifiers lead to the head
    let opens = toks.get(a).is_some_and(|f| {
        h == a
            || word_in(f, &DETERMINERS)
            || (f.kind == TokKind::Word && f.class & class::CARDINAL != 0)
    });
    let modifiers = toks.get(a + 1..h.max(a + 1)).is_some_and(|r| {
        r.iter()
            .all(|t| t.kind == TokKind::Word && !t.is_capitalized() && !SUBJECT_PRONOUNS.has(t))
    });
    // what follows the head hangs on it ("who had seen", "familiar with", "close to"), it is
    // no verb of a clause the head is the subject of ("said its data is …")
    let prep = |k: usize| toks.get(k).is_some_and(|t| word_in(t, &PREPOSITIONS));
    let hangs = toks.get(h + 1).is_some_and(|n| {
        n.kind == TokKind::Word
            && !BE_FORMS.has(n)
            && !SAME_SUBJECT_VERBS.has(n)
            && (RELATIVE_PRONOUNS.has(n) || prep(h + 1) || prep(h + 2))
    });
    if !opens || !modifiers || !hangs {
        return None;
    }
    let mut c = cue_from(text, toks, a, h + 1, verb, vague)?;
    c.until = Some(c.attribution.span.end);
    Some(c)
}

/// "The mayor defended the plan, saying that 40…", "He ended the talk, adding 12…", "The
/// agency cut the rating, citing the $2 billion purchase", "Banks answered by announcing $4
/// billion in buybacks": a speech verb in "-ing" opening a clause after a comma or "by" speaks
/// for the subject at the start of the sentence (the words before its first verb-like word).
/// It reaches only what follows it.
fn participle_cue(text: &str, toks: &[Tok], v: usize, vague: &[String]) -> Option<Cue> {
    // "…, citing …", "… by announcing …" (not "by adding 2,000 subscribers")
    let telling = toks
        .get(v)
        .is_some_and(|t| word_in(t, &BY_SPEECH_PARTICIPLES));
    if !v
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| p.is_punct(',') || (p.is("by") && telling))
    {
        return None;
    }
    let verb = toks.get(v)?;
    let limit = v.min(10);
    let b = subject_end(toks, 0, limit);
    if b == 0 || b >= limit {
        return None;
    }
    cue_from(text, toks, 0, b, verb, vague).map(|mut c| {
        c.from = Some(verb.span.start);
        c
    })
}

/// "In an interview, the mayor put the cost at $4 million": a sentence opening with "in" and a
/// noun of the occasion a source speaks in (venue-nouns.txt) names the subject after the comma
/// as the source of what follows it, whatever its verb; "In the latest poll, …" names the poll.
fn venue_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    if !toks.first().is_some_and(|t| t.is("in")) {
        return None;
    }
    let comma = toks.iter().take(12).position(|t| t.is_punct(','))?;
    let fronted = toks.get(1..comma)?;
    // "In the latest poll, the mayor leads by 9 points": the evidence is the source
    if fronted.iter().any(|t| word_in(t, &EVIDENCE_NOUN_SET)) {
        let verb = toks.get(comma)?;
        return cue_from(text, toks, 1, comma, verb, vague).map(|mut c| {
            c.attribution.kind = AttributionKind::Report;
            c.from = Some(verb.span.end);
            c
        });
    }
    if !fronted.iter().any(|t| word_in(t, &VENUE_NOUNS)) {
        return None;
    }
    let start = comma + 1;
    let limit = (start + 8).min(toks.len());
    let b = subject_end(toks, start, limit);
    if b == start || b >= limit {
        return None;
    }
    let verb = toks.get(b)?;
    cue_from(text, toks, start, b, verb, vague).map(|mut c| {
        c.attribution.kind = AttributionKind::Statement;
        c.from = Some(c.attribution.span.start);
        c
    })
}

/// The end of a subject opening at `start`: the first lowercase word before `limit` that reads
/// as a verb (an auxiliary, a modal, a cue word, or a word in "-ed"/"-s" that is no source
/// word), or a stop word.
fn subject_end(toks: &[Tok], start: usize, limit: usize) -> usize {
    let mut b = start;
    while b < limit {
        let Some(t) = toks.get(b) else { break };
        if t.kind != TokKind::Word || (b > start && STOP_BACK_SET.has(t)) {
            break;
        }
        let verbish = b > start
            && !t.is_capitalized()
            && (SAME_SUBJECT_VERBS.has(t)
                || PRE_VERB_ADVERBS.has(t)
                || SPEECH_VERB_SET.has(t)
                || ((t.text.ends_with("ed") || t.text.ends_with('s'))
                    && !SOURCE_HEAD_SET.has(t)
                    && t.class & class::PEOPLE == 0
                    && !DETERMINERS.has(t)));
        if verbish {
            break;
        }
        b += 1;
    }
    b
}

/// The subject of the verb at `a` standing in an appositive before it: "Jane Doe, director of
/// the agency, said that…"; a relative clause is skipped: "A mother, who was waiting outside,
/// said…".
fn appositive_cue(text: &str, toks: &[Tok], a: usize, verb: &Tok, vague: &[String]) -> Option<Cue> {
    let before = a.checked_sub(1).and_then(|p| toks.get(p));
    if !before.is_some_and(|p| p.is_punct(',')) {
        return None;
    }
    let mut end = a - 1;
    // after a relative clause skipped: where it closes (its figures are the writer's, "PMIs,
    // which survey thousands of companies, showed …")
    let mut past_relative: Option<usize> = None;
    for _ in 0..2 {
        let mut start = end;
        while start > 0 && end - start < 14 {
            let Some(p) = toks.get(start - 1) else { break };
            if (is_back_break(p) && !initialism_point(toks, start - 1)) || p.kind == TokKind::Num {
                break;
            }
            start -= 1;
        }
        // a relative clause is never the source: "Velmar Corp, which competes with Tessaly
        // Power, has forecast …" reads on to the noun before it
        let relative = toks
            .get(start)
            .is_some_and(|t| t.is("who") || t.is("which"));
        // the noun phrase of the appositive inside those words (feature `harper-np`)
        if let Some(c) = np_chunk::ending_at(toks, start, end)
            .filter(|&s| s > start && s < end && !relative)
            .and_then(|s| cue_from(text, toks, s, end, verb, vague))
        {
            return Some(past(after_contrast(toks, start, c), past_relative));
        }
        if let Some(c) = (!relative)
            .then(|| cue_from(text, toks, start, end, verb, vague))
            .flatten()
        {
            return Some(past(after_contrast(toks, start, c), past_relative));
        }
        if !relative || start == 0 || !toks.get(start - 1).is_some_and(|p| p.is_punct(',')) {
            break;
        }
        past_relative = toks.get(a - 1).map(|t| t.span.end);
        end = start - 1;
    }
    None
}

/// The cue `c` reaching nothing before `from` when given (the later of its own start and it).
fn past(mut c: Cue, from: Option<usize>) -> Cue {
    if let Some(f) = from {
        c.from = Some(c.from.map_or(f, |o| o.max(f)));
    }
    c
}

/// "About 15 percent are members, but Ondrej Halvik, a former chairman, thinks 30 percent
/// are": an appositive source after ", but" (contrast-conjunctions.txt, "always") reaches
/// only what follows the contrast.
fn after_contrast(toks: &[Tok], start: usize, mut c: Cue) -> Cue {
    if c.from.is_some() {
        return c;
    }
    let k = (1..start.min(toks.len())).rev().find(|&k| {
        toks.get(k).is_some_and(|t| word_in(t, &CONTRASTS))
            && toks.get(k - 1).is_some_and(|p| p.is_punct(','))
    });
    c.from = k.and_then(|k| toks.get(k)).map(|t| t.span.end);
    c
}

/// True when the speech verb at `v` opens a reported clause ("Mr. Doe said the museum would
/// open", "said that…"), so that it looks forward: figures before its subject are not what is
/// said. "said the next day" and "told reporters" open none.
fn opens_clause(toks: &[Tok], v: usize) -> bool {
    let Some(n) = toks.get(v + 1) else {
        return false;
    };
    // "Minutes later, the senator wrote, "…"": what is said is the quotation after the verb
    if (n.is_punct(',') || n.is_punct(':')) && toks.get(v + 2).is_some_and(is_quote_char) {
        return true;
    }
    if toks.get(v).is_some_and(|t| t.is("told") || t.is("tells")) || n.kind != TokKind::Word {
        return false;
    }
    if n.is("that") {
        return true;
    }
    // "said the next day", "said this week"
    let timed = toks.get(v + 2).is_some_and(|t| {
        t.kind == TokKind::Word
            && t.class & (class::WEEKDAY | class::MONTH | class::DURATION_UNIT | class::LEAD) != 0
    });
    CLAUSE_OPENERS.has(n) && !timed
}

/// True when token `i` ends an age compound glued to its number: "34-year-old".
fn age_compound_at(toks: &[Tok], i: usize) -> bool {
    let (Some(w), Some(h), Some(n)) = (
        toks.get(i),
        i.checked_sub(1).and_then(|k| toks.get(k)),
        i.checked_sub(2).and_then(|k| toks.get(k)),
    ) else {
        return false;
    };
    w.kind == TokKind::Word
        && w.text
            .get(..4)
            .is_some_and(|y| y.eq_ignore_ascii_case("year"))
        && w.text.contains("old")
        && h.is_punct('-')
        && n.kind == TokKind::Num
        && n.span.end == h.span.start
        && h.span.end == w.span.start
}

/// True when the source starting at `a` follows a relative pronoun ("pages that she said
/// were…", "a toll which officials said was 40"): what comes before it is not the source's.
fn after_relative(toks: &[Tok], a: usize) -> bool {
    a.checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| RELATIVE_PRONOUNS.has(p))
}

/// "Officials: 40 dead" (a short source before a colon at the start) or "…: Mongolia"
/// (a short source after a colon at the end).
fn colon_cue(text: &str, toks: &[Tok], vague: &[String]) -> Option<Cue> {
    for (colon, c) in toks.iter().enumerate() {
        if !c.is_punct(':') || !toks.get(colon + 1).is_some_and(|t| t.kind == TokKind::Num) {
            continue;
        }
        if toks
            .get(colon.wrapping_sub(1))
            .is_some_and(|p| p.kind == TokKind::Num)
        {
            continue; // a time of day
        }
        let mut a = colon;
        while a > 0 && colon - a < 7 && toks.get(a - 1).is_some_and(|p| !is_back_break(p)) {
            a -= 1;
        }
        // "State medical examiners: 44 deaths" — but not "Velmar-Ostrand War: 7 hurt"
        let has_head = toks.get(a..colon).is_some_and(|r| {
            r.iter()
                .any(|t| SOURCE_HEADS.has(t) && !SUBJECT_PRONOUNS.has(t))
        });
        if colon - a <= 6 && has_head {
            if let Some(cue) = cue_from(text, toks, a, colon, c, vague) {
                return Some(cue);
            }
        }
    }
    let last = toks
        .iter()
        .rposition(|t| t.is_punct(':') || t.is_punct('-') || t.is_punct('\u{2013}'))?;
    if toks.get(last).is_some_and(|t| !t.is_punct(':'))
        && !toks.get(last + 1..).is_some_and(|r| {
            !r.is_empty()
                && r.iter()
                    .all(|t| t.is_capitalized() || t.kind == TokKind::Punct)
        })
    {
        return None;
    }
    let mut end = toks.len();
    while end > last + 1 && toks.get(end - 1).is_some_and(|t| t.kind == TokKind::Punct) {
        end -= 1;
    }
    if end > last + 1 && end - last - 1 <= 5 {
        let c = toks.get(last)?;
        return cue_from(text, toks, last + 1, end, c, vague);
    }
    None
}

/// Quotation regions of a paragraph, as byte spans (from the opening mark to the closing one).
fn quotations(toks: &[Tok]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<Span> = None;
    for (k, t) in toks.iter().enumerate() {
        if !is_quote_char(t) {
            continue;
        }
        // an inch mark: 12" of rain
        let after_digit = k
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.kind == TokKind::Num && p.span.end == t.span.start);
        if t.text == "\"" && after_digit {
            continue;
        }
        // an opening mark typed where the closing one belongs: glued to the word or stop
        // before it and followed by a space or nothing, while a quotation is open ("…is 51
        // percent.\u{201C}")
        let misused_close = open.is_some()
            && t.text == "\u{201C}"
            && k.checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.span.end == t.span.start)
            && toks.get(k + 1).is_none_or(|n| n.span.start > t.span.end);
        let straight = t.text == "\"";
        let opening = match t.text {
            "\u{201C}" => !misused_close,
            "\u{00AB}" | "``" => true,
            "\u{201D}" | "\u{00BB}" => false,
            "\"" => straight_mark_opens(toks, k).unwrap_or(open.is_none()),
            _ => open.is_none(),
        };
        match (open, opening) {
            (None, true) => open = Some(t.span),
            (Some(o), false) => {
                out.push(o.cover(t.span));
                open = None;
            }
            (Some(o), true) => {
                // a straight mark opening while a quotation is open: the quotation went on
                // over a paragraph break the text lost ("… decline. "Next paragraph …"), and
                // ends before this mark
                if straight {
                    if let Some(p) = k.checked_sub(1).and_then(|p| toks.get(p)) {
                        out.push(o.cover(p.span));
                    }
                }
                open = Some(t.span);
            }
            (None, false) => {}
        }
    }
    // a quotation left open runs to the end of the paragraph (quotes over several paragraphs)
    if let (Some(o), Some(last)) = (open, toks.last()) {
        out.push(o.cover(last.span));
    }
    out
}

/// Which way a straight mark `"` (token `k`) faces, told by what is glued to it: it opens when
/// nothing but an opening bracket or dash is glued before it and a word, number or opening
/// bracket is glued after it (` "Rents rose`); it closes when a word, number or stop is glued
/// before it and nothing or a stop or bracket after it (`rose."` ). `None` when its spacing
/// tells neither (spaces on both sides, or words on both).
fn straight_mark_opens(toks: &[Tok], k: usize) -> Option<bool> {
    let t = toks.get(k)?;
    let before = k
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|p| glued(p, t));
    let after = toks.get(k + 1).filter(|n| glued(t, n));
    let opener =
        |x: &Tok| x.kind == TokKind::Punct && matches!(x.text, "(" | "[" | "-" | "\u{2014}");
    let stop = |x: &Tok| {
        x.kind == TokKind::Punct && matches!(x.text, "," | "." | ";" | ":" | "!" | "?" | ")" | "]")
    };
    let opens_before = before.is_none_or(opener);
    let opens_after = after.is_some_and(|n| !stop(n) && !is_quote_char(n));
    let closes_before = before.is_some_and(|p| !opener(p) && !is_quote_char(p));
    let closes_after = after.is_none_or(stop);
    match (opens_before && opens_after, closes_before && closes_after) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Attaches attributions to `claims` (claims in text order).
pub fn attach(text: &str, article: &Article, claims: &mut [Claim], vague: &[String]) {
    let toks = super::sentence_tokens(text, article);
    attach_with(text, article, claims, vague, &toks);
}

/// [`attach`] over the tokens of each sentence, computed once by the caller.
pub fn attach_with(
    text: &str,
    article: &Article,
    claims: &mut [Claim],
    vague: &[String],
    sentence_toks: &crate::text::SentenceToks,
) {
    if claims.is_empty() {
        return;
    }
    let mut ci = 0usize;
    // a paragraph ending "…, the station reports:" introduces the next one
    let mut intro: Option<Attribution> = None;
    // "The operator said: ¶ - 21 … ¶ - 14 …": the colon's source speaks for every item of the
    // list it introduces, until a paragraph that is no list item
    let mut list_intro: Option<Attribution> = None;
    // an interview laid out as questions and answers ("Q: …" / "A: …")
    let interview = article
        .paragraphs
        .iter()
        .any(|p| interview_turn(p.span.slice(text)) == Some('Q'));
    for para in &article.paragraphs {
        let item = crate::article::bullet(para.span.slice(text).trim_start()).is_some();
        if !item {
            list_intro = None;
        }
        let introduced = intro.take().or_else(|| list_intro.clone());
        let turn = interview_speaker(text, para, interview);
        let introduced = introduced.or(turn);
        // claims of this paragraph
        let first = ci;
        while claims
            .get(ci)
            .is_some_and(|c| c.sentence < para.sentences.end)
        {
            ci += 1;
        }
        let ends_with_colon = para.span.slice(text).trim_end().ends_with(':');
        if ci == first && !ends_with_colon {
            continue;
        }
        // the paragraph's sentences are consecutive, so their tokens are too
        let toks = sentence_toks.range(para.sentences.clone());
        let cues = ParaCues::of(text, article, para, toks, vague);
        if ends_with_colon {
            intro = cues.cues.last().cloned().flatten();
            list_intro = intro.clone();
        }
        let para_claims = claims.get_mut(first..ci).unwrap_or(&mut []);
        cues.attribute(para_claims, introduced.as_ref());
    }
    // "… (Source: Velmar Corp)": a factbox's source note
    source_note::attach_notes(text, article, claims, vague);
}

/// The speaker of a paragraph of an interview laid out as questions and answers ("Q: …" /
/// "A: …"): the interviewer or the person interviewed.
fn interview_speaker(text: &str, para: &Paragraph, interview: bool) -> Option<Attribution> {
    if !interview {
        return None;
    }
    interview_turn(para.span.slice(text)).map(|q| Attribution {
        source: if q == 'Q' {
            "the interviewer"
        } else {
            "the person interviewed"
        }
        .to_string(),
        span: para.span,
        kind: AttributionKind::Quote,
        named: false,
    })
}

/// One paragraph with its quotations and the cue of each sentence (pronouns resolved to the
/// last named source), with the offsets each cue reaches from and until.
struct ParaCues<'a> {
    text: &'a str,
    article: &'a Article,
    para: &'a Paragraph,
    toks: &'a [Tok<'a>],
    quotes: Vec<Span>,
    cues: Vec<Option<Attribution>>,
    froms: Vec<(Option<usize>, Option<usize>)>,
    /// The cue of a speech tag closing the sentence, when the first cue is another one: it
    /// reaches the figures the first leaves out ("…, but …, Velmar Corp said").
    tags: Vec<Option<Cue>>,
}

impl<'a> ParaCues<'a> {
    /// Finds the quotations of `para` and the cue of each sentence (outside its quotations),
    /// and resolves pronouns.
    fn of(
        text: &'a str,
        article: &'a Article,
        para: &'a Paragraph,
        toks: &'a [Tok<'a>],
        vague: &[String],
    ) -> Self {
        let quotes = quotations(toks);
        let mut cues: Vec<Option<Attribution>> = Vec::with_capacity(para.sentences.len());
        let mut froms: Vec<(Option<usize>, Option<usize>)> =
            Vec::with_capacity(para.sentences.len());
        let mut tags: Vec<Option<Cue>> = Vec::with_capacity(para.sentences.len());
        let mut last: Option<Attribution> = None;
        for si in para.sentences.clone() {
            let Some(s) = article.sentences.get(si) else {
                cues.push(None);
                froms.push((None, None));
                tags.push(None);
                continue;
            };
            let a = toks.partition_point(|t| t.span.start < s.span.start);
            let b = toks.partition_point(|t| t.span.start < s.span.end);
            let st = toks.get(a..b).unwrap_or(&[]);
            // the cue must lie outside the quotations of the sentence
            let within = quotes_within(&quotes, s.span);
            let mut cue = outside_quotes(text, st, within, vague, sentence_cue);
            let mut tag = outside_quotes(text, st, within, vague, closing_tag::closing_tag_cue);
            // "Velmar sees …, averaging 91 yen, while it expects …": a verb of seeing ahead
            // reaches what a surer first cue leaves out
            if tag.is_none() {
                tag = outside_quotes(text, st, within, vague, outlook_cue);
            }
            if cue.is_none() {
                cue = tag.take();
            }
            froms.push(cue.as_ref().map_or((None, None), |c| (c.from, c.until)));
            let tag = tag.map(|t| Cue {
                attribution: resolve_pronoun(t.clone(), last.as_ref()),
                ..t
            });
            tags.push(tag);
            let cue = cue.map(|c| resolve_pronoun(c, last.as_ref()));
            if let Some(c) = &cue {
                last = Some(c.clone());
            }
            cues.push(cue);
        }
        ParaCues {
            text,
            article,
            para,
            toks,
            quotes,
            cues,
            froms,
            tags,
        }
    }

    /// Attributes each claim of the paragraph: a claim in a quotation to its speaker, any
    /// other to its sentence's own cue, the paragraph's introduction, or a partitive pronoun.
    fn attribute(&self, claims: &mut [Claim], introduced: Option<&Attribution>) {
        // the source of the last figure its own cue attributed, with that figure's sentence
        let mut attributed_before: Option<(usize, Attribution)> = None;
        for c in claims {
            let k = c.sentence.saturating_sub(self.para.sentences.start);
            let in_quote = quotes_within(&self.quotes, c.span)
                .iter()
                .find(|q| q.start <= c.span.start && c.span.end <= q.end);
            let own = self.own_cue(k, c.span);
            if let Some(q) = in_quote {
                let speaker = own.or_else(|| self.quote_speaker(q, introduced));
                // a quotation is someone's words even when the speaker is named elsewhere
                let speaker = speaker.unwrap_or_else(|| Attribution {
                    source: "the person quoted".to_string(),
                    span: *q,
                    kind: AttributionKind::Quote,
                    named: false,
                });
                c.attribution = Some(Attribution {
                    kind: AttributionKind::Quote,
                    ..speaker
                });
            } else {
                // A blanket carry-over of the previous sentence's source was measured on the
                // corpus and lost precision; sources carry over through pronoun cues ("It
                // added…") and quotations only.
                let had_own = own.is_some();
                c.attribution = own
                    .or_else(|| {
                        introduced.cloned().map(|mut a| {
                            a.kind = AttributionKind::Quote;
                            a
                        })
                    })
                    .or_else(|| part_of_attributed(self.toks, c, attributed_before.as_ref()));
                if had_own {
                    attributed_before = c.attribution.clone().map(|a| (c.sentence, a));
                }
            }
        }
    }

    /// The cue of sentence `k` of the paragraph when it reaches a claim at `span` (and is not
    /// inside it).
    fn own_cue(&self, k: usize, span: Span) -> Option<Attribution> {
        let reaches = |(from, until): (Option<usize>, Option<usize>)| {
            from.is_none_or(|f| span.start >= f) && until.is_none_or(|u| span.start < u)
        };
        self.cues
            .get(k)
            .cloned()
            .flatten()
            .filter(|a| !a.span.overlaps(span))
            .filter(|_| reaches(self.froms.get(k).copied().unwrap_or((None, None))))
            .or_else(|| {
                let tag = self.tags.get(k)?.as_ref()?;
                (!tag.attribution.span.overlaps(span) && reaches((tag.from, tag.until)))
                    .then(|| tag.attribution.clone())
            })
    }

    /// The speaker of quotation `q` when the claim's sentence has no cue of its own: a cue in a
    /// sentence the quotation touches, a colon right before it, or the paragraph's introduction.
    fn quote_speaker(&self, q: &Span, introduced: Option<&Attribution>) -> Option<Attribution> {
        let (text, article, para) = (self.text, self.article, self.para);
        // only the sentences from the quotation's start on can touch it
        let from = article
            .sentences
            .partition_point(|s| s.span.end < q.start)
            .max(para.sentences.start);
        (from..para.sentences.end)
            .take_while(|si| {
                article
                    .sentences
                    .get(*si)
                    .is_some_and(|s| s.span.start <= q.end)
            })
            .zip(self.cues.iter().skip(from - para.sentences.start))
            .find_map(|(si, cue)| {
                let s = article.sentences.get(si)?;
                let touches = s.span.overlaps(*q) || s.span.start == q.end;
                if touches {
                    cue.clone()
                } else {
                    None
                }
            })
            // an explicit introduction: a sentence ending in a colon right before the
            // quotation ("She said: …"), or a paragraph ending in one
            .or_else(|| colon_intro(text, article, &self.cues, para.sentences.clone(), q))
            .or_else(|| introduced.cloned())
    }
}

/// A pronoun is never shown alone as the source: the last source of the paragraph, else
/// "unnamed (he)".
fn resolve_pronoun(c: Cue, last: Option<&Attribution>) -> Attribution {
    if !c.pronoun {
        return c.attribution;
    }
    match last {
        Some(l) => Attribution {
            span: c.attribution.span,
            ..l.clone()
        },
        None => Attribution {
            source: format!("unnamed ({})", c.attribution.source),
            named: false,
            ..c.attribution
        },
    }
}

/// The source of a figure counted in the sentence before, for a part of it told by a pronoun
/// ("Police said four people were shot. Two of them died."): "of them" points back at the
/// attributed figure. Only a partitive pronoun carries a source over; a blanket carry-over of
/// the previous sentence's source lost precision on the corpus.
fn part_of_attributed(
    toks: &[Tok],
    c: &Claim,
    before: Option<&(usize, Attribution)>,
) -> Option<Attribution> {
    let (sentence, a) = before?;
    if *sentence + 1 != c.sentence {
        return None;
    }
    let first = toks.partition_point(|t| t.span.start < c.span.start);
    let inside = toks
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|t| t.span.end <= c.span.end);
    let mut prev_of = false;
    for t in inside {
        if prev_of && super::claim::is_partitive_pronoun(t) {
            return Some(a.clone());
        }
        prev_of = t.kind == TokKind::Word && t.is("of");
    }
    None
}

/// 'Q' or 'A' when a paragraph opens a question or an answer of an interview ("Q: …").
fn interview_turn(para: &str) -> Option<char> {
    let p = para.trim_start_matches(|c: char| c.is_whitespace() || c == '*');
    let mut cs = p.chars();
    let q = cs.next().filter(|c| *c == 'Q' || *c == 'A')?;
    cs.next().filter(|c| *c == ':').map(|_| q)
}

/// The cue of the sentence right before the one where quotation `q` opens, when that sentence
/// ends in a colon: "The mayor said: ¶ "…"".
fn colon_intro(
    text: &str,
    article: &Article,
    cues: &[Option<Attribution>],
    sentences: std::ops::Range<usize>,
    q: &Span,
) -> Option<Attribution> {
    let opens = article.sentences.partition_point(|s| s.span.end <= q.start);
    let prev = opens.checked_sub(1).filter(|p| *p >= sentences.start)?;
    let s = article.sentences.get(prev)?;
    if !s.span.slice(text).trim_end().ends_with(':') {
        return None;
    }
    cues.get(prev - sentences.start).cloned().flatten()
}

/// The quotations (sorted, not overlapping) that overlap `span`.
fn quotes_within(quotes: &[Span], span: Span) -> &[Span] {
    let a = quotes.partition_point(|q| q.end < span.start);
    let b = quotes.partition_point(|q| q.start <= span.end);
    quotes.get(a..b.max(a)).unwrap_or(&[])
}

/// The cue `find` gives for a sentence read without its quotations (their marks left as
/// breaks).
fn outside_quotes(
    text: &str,
    toks: &[Tok],
    quotes: &[Span],
    vague: &[String],
    find: fn(&str, &[Tok], &[String]) -> Option<Cue>,
) -> Option<Cue> {
    // Linear-logarithmic, not tokens × quotations: the quotations sorted by start with the
    // running maximum of their ends answer "does some quotation starting before x end after
    // y" by one binary search.
    let mut by_start: Vec<(usize, usize)> = quotes.iter().map(|q| (q.start, q.end)).collect();
    by_start.sort_unstable();
    let mut max_end = 0;
    for q in &mut by_start {
        max_end = max_end.max(q.1);
        q.1 = max_end;
    }
    // the largest end among quotations whose start satisfies `before`
    let reach = |before: &dyn Fn(usize) -> bool| {
        let n = by_start.partition_point(|q| before(q.0));
        n.checked_sub(1).map_or(0, |i| by_start[i].1)
    };
    if quotes.is_empty()
        || !toks
            .iter()
            .any(|t| reach(&|s| s <= t.span.start) > t.span.start)
    {
        return find(text, toks, vague);
    }
    // blank out quoted tokens: keep only tokens outside quotations, with the quotation marks
    // as breaks
    let kept: Vec<Tok> = toks
        .iter()
        .filter(|t| reach(&|s| s < t.span.start) <= t.span.end)
        .copied()
        .collect();
    find(text, &kept, vague)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;

    /// The in-place search answers as `to_ascii_lowercase().contains` did.
    #[test]
    fn searching_without_case_matches_the_lowercase_copy() {
        for hay in [
            "",
            "news",
            "NEWS",
            "Bhutan News Agency",
            "a ministry statement",
            "néws",
            "ne",
        ] {
            for needle in ["news", "statement", "media", "report"] {
                assert_eq!(
                    contains_ignoring_case(hay, needle),
                    hay.to_ascii_lowercase().contains(needle),
                    "{hay} {needle}"
                );
            }
        }
    }

    /// The prefilter of `verb_sentence_cue` skips a word outside VERB_ROLE_SET: every verb
    /// role set must lie inside it.
    #[test]
    fn the_verb_role_set_holds_every_role_set() {
        for set in [
            &EVIDENTIAL_VERB_SET,
            &ACT_VERB_SET,
            &INTENTION_VERB_SET,
            &DEMAND_VERB_SET,
            &PASSIVE_REPORT_VERBS,
            &DOCUMENT_VERB_SET,
            &STANCE_VERB_SET,
            &JUDGING_VERB_SET,
            &PARTICLE_SPEECH_VERBS,
        ] {
            for w in set.iter() {
                assert!(VERB_ROLE_SET.contains(w), "{w}");
            }
        }
    }

    /// (claim words, source, kind) of every claim (the closing tag's tests read it too).
    pub(super) fn attributed(text: &str) -> Vec<(String, Option<String>, Option<AttributionKind>)> {
        let a = Analysis::new(text);
        a.claims
            .iter()
            .map(|c| {
                (
                    c.span.slice(text).to_string(),
                    c.attribution.as_ref().map(|x| x.source.clone()),
                    c.attribution.as_ref().map(|x| x.kind),
                )
            })
            .collect()
    }

    fn source_of(text: &str) -> (Option<String>, Option<AttributionKind>) {
        let v = attributed(text);
        assert_eq!(v.len(), 1, "{v:?}");
        let (_, s, k) = v.into_iter().next().expect("one claim");
        (s, k)
    }

    const D: &str = " date 2022-05-10 ";

    /// The source of the claim whose words contain `claim`.
    pub(super) fn source_of_claim(text: &str, claim: &str) -> Option<String> {
        let v = attributed(text);
        v.iter()
            .find(|(c, _, _)| c.contains(claim))
            .unwrap_or_else(|| panic!("no claim {claim} in {v:?}"))
            .1
            .clone()
    }

    #[test]
    fn a_verb_of_predicting_with_a_clause_is_its_subjects_forecast() {
        let t = format!("{D}Velmar forecast overall sales would fall 12 percent this year.");
        assert_eq!(source_of_claim(&t, "12 percent").as_deref(), Some("Velmar"));
        let t = format!("{D}The veteran trader forecast copper could tip $9,000 by June.");
        assert_eq!(
            source_of_claim(&t, "$9,000").as_deref(),
            Some("The veteran trader")
        );
        // before its subject, after a spaced dash: the reporter's
        let t = format!(
            "{D}When sales were $5 million, the old mill forecast output would double - the most since 40 firms closed."
        );
        assert_eq!(source_of_claim(&t, "$5 million"), None);
        assert_eq!(source_of_claim(&t, "40 firms"), None);
    }

    #[test]
    fn a_participle_of_predicting_is_a_cue_when_no_other_verb_is() {
        let t = format!("{D}Analysts are projecting earnings of $2.20 a share at Velmar Corp.");
        assert_eq!(source_of_claim(&t, "$2.20").as_deref(), Some("Analysts"));
        let t = format!(
            "{D}The Newswire institute, forecasting growth of 2.5 percent, urged a tax cut."
        );
        assert!(source_of_claim(&t, "2.5 percent").is_some());
        // a later verb's cue is not taken away
        let t = format!(
            "{D}Some are upbeat, with Velmar Corp forecasting gains of 4 percent, while \
             Newswire called for sales to rise 5 percent."
        );
        assert!(source_of_claim(&t, "5 percent").is_some());
        // a participle after a noun speaks for no one
        let t = format!(
            "{D}A survey predicting strong sales helped lift Velmar Corp shares 2.6 percent."
        );
        assert_eq!(source_of_claim(&t, "2.6 percent"), None);
    }

    #[test]
    fn what_is_cited_with_a_figure_is_the_subjects() {
        // "citing" with a figure in what is cited: the subject of the sentence cites it
        let t = format!(
            "{D}The Tessaly agency cut Velmar Corp's rating, citing risks from its $21 billion purchase."
        );
        assert!(
            source_of_claim(&t, "$21 billion").is_some_and(|s| s.starts_with("The Tessaly agency"))
        );
        // a source after "citing" stays the source
        let t = format!("{D}Velmar Corp shares fell 4 percent, citing Newswire.");
        assert_eq!(
            source_of_claim(&t, "4 percent").as_deref(),
            Some("Newswire")
        );
        // "by announcing": the subject tells; "by adding": an act, no source
        let t = format!("{D}Tessaly Bank answered the test by announcing $4 billion in buybacks.");
        assert!(source_of_claim(&t, "$4 billion").is_some());
        let t = format!("{D}The cable provider beat forecasts by adding 2,000 subscribers.");
        assert_eq!(source_of_claim(&t, "2,000"), None);
    }

    #[test]
    fn a_time_phrase_or_another_may_stand_in_the_source() {
        let t = format!("{D}Velmar Corp in May said it would issue 400 million crowns in bonds.");
        assert_eq!(source_of(&t).0.as_deref(), Some("Velmar Corp"));
        let t = format!("{D}The Tessaly union last week said 300 members had voted.");
        assert!(source_of(&t)
            .0
            .is_some_and(|s| s.starts_with("The Tessaly union")));
        let t = format!("{D}Another official said 12 miners were trapped in Tessaly.");
        assert_eq!(source_of(&t).0.as_deref(), Some("Another official"));
        // a time phrase opening the sentence with no comma dates the act, no part of the source
        let t = format!("{D}In March Velmar Corp said it would cut 250 jobs.");
        assert_eq!(source_of(&t).0.as_deref(), Some("Velmar Corp"));
        let t = format!("{D}Last week the Tessaly union said 300 members had voted.");
        assert_eq!(source_of(&t).0.as_deref(), Some("the Tessaly union"));
        // "another" counting stays no source
        let t = format!("{D}Another 40 people were hurt in Tessaly.");
        assert_eq!(source_of(&t).0, None);
    }

    #[test]
    fn a_valuation_by_someone_and_a_request_are_theirs() {
        let t = format!("{D}Halvik has a fortune estimated by Newswire at $18 billion.");
        assert_eq!(source_of(&t).0.as_deref(), Some("Newswire"));
        let t = format!("{D}The Tessaly council asked the ministry for $2 million in aid.");
        assert_eq!(source_of(&t).0.as_deref(), Some("The Tessaly council"));
        // an object and "to" before "for": no request of a figure
        let t = format!("{D}The Tessaly council asked him to wait for 3 hours.");
        assert_eq!(source_of(&t).0, None);
    }

    #[test]
    fn a_clause_after_the_verb_leaves_the_appositive_speaker() {
        // the noun phrase after "said" has its own verb: it is what was said, not who said it
        let t = format!(
            "{D}Ondrej Halvik, the mayor's aide, said Ms. Reyes's office had received more \
             than 4,000 letters on the plan."
        );
        assert!(source_of_claim(&t, "4,000").is_some());
        let t = format!(
            "{D}Ondrej Halvik, a spokesman, said Velmar Corp's crews would need 300 more workers."
        );
        assert!(source_of_claim(&t, "300").is_some());
        // the inverted tag still reaches only its clause
        let t = format!("{D}Sales fell 4 percent last year, said Velmar Corp's chief executive.");
        assert!(source_of_claim(&t, "4 percent").is_some());
    }

    #[test]
    fn a_relative_clause_or_a_contrast_around_an_appositive() {
        let t = format!("{D}Velmar Corp, which competes with Tessaly Power, has forecast $7 billion in revenue.");
        assert_eq!(source_of(&t).0.as_deref(), Some("Velmar Corp"));
        // a figure inside the relative clause is the writer's
        let t = format!(
            "{D}The Tessaly index, which surveys thousands of firms, showed output rose 3 percent."
        );
        assert_eq!(source_of_claim(&t, "thousands"), None);
        // a verb inside the relative clause is not the noun's cue for the main clause
        let t = format!("{D}Measure K, which urges the council to sell the port, won with 56 percent of the vote.");
        assert_eq!(source_of(&t).0, None);
        // a figure before ", but" is not the appositive source's
        let t = format!("{D}About 15 percent of voters are members, but Ondrej Halvik, another former chairman, thinks 30 percent are.");
        assert_eq!(source_of_claim(&t, "15 percent"), None);
        assert!(source_of_claim(&t, "30 percent").is_some());
        let t = format!("{D}Halvik theorized that music could be made with 12 tones.");
        assert_eq!(source_of(&t).0.as_deref(), Some("Halvik"));
    }

    #[test]
    fn a_stressing_did_stands_between_a_source_and_its_verb() {
        let t = format!("{D}Ondrej Halvik did say that the Velmar Corp plant employs 400 workers.");
        assert_eq!(source_of(&t).0.as_deref(), Some("Ondrej Halvik"));
        let t = format!("{D}The Tessaly board does say the levy raised $3 million.");
        assert_eq!(source_of(&t).0.as_deref(), Some("The Tessaly board"));
        // a negated saying gives the figure to no one
        let t = format!("{D}Ondrej Halvik did not say that the plant employs 400 workers.");
        assert_eq!(source_of(&t).0, None);
    }

    #[test]
    fn an_inverted_source_is_cut_after_its_head() {
        let t = format!(
            "{D}The Velmar Corp fund gained about 9 percent, said a source who had seen its books."
        );
        assert_eq!(source_of(&t).0.as_deref(), Some("a source"));
        let t = format!(
            "{D}The Tessaly plant will cost $40 million, said a person familiar with the plans."
        );
        assert_eq!(source_of(&t).0.as_deref(), Some("a person"));
        // a clause after the verb is what is said, not a source
        let t = format!("{D}Ondrej Halvik said the Tessaly plant will cost $40 million.");
        assert_eq!(source_of(&t).0.as_deref(), Some("Ondrej Halvik"));
    }

    #[test]
    fn executives_speak_in_a_closing_tag_and_alerting_is_telling() {
        let t = format!(
            "{D}Velmar Corp will post a profit on sales of 2 million cars, executives said."
        );
        assert_eq!(source_of(&t).0.as_deref(), Some("executives"));
        let t =
            format!("{D}Velmar Corp cut its dividend by 60 percent, bankers and executives said.");
        assert!(source_of(&t).0.is_some());
        let t =
            format!("{D}Ondrej Halvik alerted the board that the Tessaly mill lost $8 million.");
        assert_eq!(source_of(&t).0.as_deref(), Some("Ondrej Halvik"));
    }

    #[test]
    fn a_count_of_the_sources_opens_their_phrase() {
        // "according to 3 people …": the count belongs to the source, the figure before it
        // is theirs
        let t = format!("{D}Velmar Corp spent $40 million on the Tessaly plant, according to 3 people familiar with the talks.");
        assert_eq!(
            source_of_claim(&t, "$40 million").as_deref(),
            Some("3 people familiar with the talks")
        );
        // (claim words, counts its source) of every claim of one text
        let counted = |text: &str| -> Vec<(String, bool)> {
            let a = Analysis::new(text);
            a.claims
                .iter()
                .map(|c| {
                    let s = a.article.sentences[c.sentence].span;
                    (
                        c.span.slice(text).to_string(),
                        counts_its_source(text, s, c.span),
                    )
                })
                .collect()
        };
        let got = counted(&t);
        assert!(got.contains(&("3 people".to_string(), true)), "{got:?}");
        assert!(got.contains(&("$40 million".to_string(), false)), "{got:?}");
        let t = format!("{D}The Tessaly mill flooded. Two officials said the toll reached 40.");
        let got = counted(&t);
        assert!(
            got.contains(&("Two officials".to_string(), true)),
            "{got:?}"
        );
        // a count of people that is what the source says is a figure
        let t = format!("{D}The Tessaly plant opened. Officials said two officials were hurt.");
        let got = counted(&t);
        assert!(
            got.contains(&("two officials".to_string(), false)),
            "{got:?}"
        );
    }

    #[test]
    fn a_source_is_shown_in_words_an_editor_reads() {
        // the internal forms of a source the article does not name
        assert_eq!(shown("unnamed (She)"), "an unnamed source");
        assert_eq!(shown("unnamed (them)"), "an unnamed source");
        assert_eq!(shown("unnamed (are estimated)"), "no source named");
        assert_eq!(
            according_to("unnamed (was reported)"),
            "with no source named"
        );
        assert_eq!(
            according_to("unnamed (it)"),
            "according to an unnamed source"
        );
        assert_eq!(shown("Their"), "an unnamed source");
        assert!(is_unnamed("unnamed (they)") && !is_unnamed("the unnamed envoy"));
        // the sentence's capital on a common noun phrase goes
        assert_eq!(shown("The cooperative"), "the cooperative");
        assert_eq!(
            shown("A spokesman for Tarnwell Co"),
            "a spokesman for Tarnwell Co"
        );
        assert_eq!(shown("Officials"), "officials");
        assert_eq!(according_to("The bank"), "according to the bank");
        assert_eq!(shown("The Bank of Orvo"), "the Bank of Orvo");
        // names keep theirs
        for name in [
            "President Halvard Ost",
            "Police",
            "AP",
            "Uruguay's mining ministry",
            "the person quoted",
            "Tarnwell Co",
        ] {
            assert_eq!(shown(name), name);
        }
    }

    /// The source of the first attributed claim as the index keeps it for messages.
    fn kept_source(text: &str) -> Option<String> {
        let a = Analysis::new(text);
        a.claims
            .iter()
            .find_map(|c| c.attribution.as_ref())
            .map(|x| with_referent(x, &a.entities, &a.claims))
    }

    #[test]
    fn the_company_is_shown_with_the_one_company_named_before() {
        let one = format!(
            "{D}Tarnwell Mining Corp lifted its dividend.\n\nThe company said 2,400 miners were hired in Paraguay."
        );
        assert_eq!(
            kept_source(&one).as_deref(),
            Some("The company (Tarnwell Mining Corp)")
        );
        // two companies named before: which one is meant is not ours to guess
        let two = format!(
            "{D}Tarnwell Mining Corp agreed to buy Quillam Ore Inc.\n\nThe company said 2,400 miners were hired in Paraguay."
        );
        assert_eq!(kept_source(&two).as_deref(), Some("The company"));
        // a bank is no company's referent, and a name is never given one
        let bank = format!(
            "{D}Tarnwell Mining Corp lifted its dividend.\n\nThe bank said 2,400 miners were hired in Paraguay."
        );
        assert_eq!(kept_source(&bank).as_deref(), Some("The bank"));
        let head_alone = Attribution {
            source: "the company".into(),
            span: Span::new(90, 101),
            kind: AttributionKind::Said,
            named: true,
        };
        let entity = |name: &str| crate::entities::Entity {
            span: Span::new(0, 10),
            name: name.into(),
            title: None,
            kind: crate::entities::EntityKind::Organization,
            sentence: 0,
        };
        assert_eq!(described(&head_alone, &[entity("Co")]), "the company");
        assert_eq!(
            described(&head_alone, &[entity("Orvo Co")]),
            "the company (Orvo Co)"
        );
    }

    /// Every source of the article's claims as the index keeps it, in order.
    fn kept_sources(text: &str) -> Vec<String> {
        let a = Analysis::new(text);
        a.claims
            .iter()
            .filter_map(|c| c.attribution.as_ref())
            .map(|x| with_referent(x, &a.entities, &a.claims))
            .collect()
    }

    /// The source of the article's last attributed claim as the index keeps it.
    fn last_kept(text: &str) -> Option<String> {
        kept_sources(text).pop()
    }

    #[test]
    fn a_pronoun_source_is_read_as_the_one_name_of_its_kind_before_it() {
        // one company named, as the source of a figure, then "It said": it is that company
        let one = format!(
            "{D}Orvandi Textile Corp said it shut 12 mills on Monday.\n\nIt said 3,100 looms were idle in Bhutan."
        );
        assert_eq!(
            last_kept(&one).as_deref(),
            Some("it (Orvandi Textile Corp)")
        );
        assert_eq!(
            according_to("it (Orvandi Textile Corp)"),
            "according to it (Orvandi Textile Corp)"
        );
        assert!(is_unnamed("it (Orvandi Textile Corp)"));
        // its short form later is the same company, shown in full
        let short = format!(
            "{D}Orvandi Textile Corp said it shut 12 mills. Orvandi Textile opened a shop.\n\nIt said 3,100 looms were idle in Bhutan."
        );
        assert_eq!(
            last_kept(&short).as_deref(),
            Some("it (Orvandi Textile Corp)")
        );
        // two companies named before: which one is meant is not ours to guess
        let two = format!(
            "{D}Orvandi Textile Corp said it would buy Pellucid Yarn Inc for 40 mln dlrs.\n\nIt said 3,100 looms were idle in Bhutan."
        );
        assert_eq!(last_kept(&two).as_deref(), Some("unnamed (It)"));
        assert_eq!(
            according_to("unnamed (It)"),
            "according to an unnamed source"
        );
        // a company named but never the source of a figure: no reading
        let silent = format!(
            "{D}Orvandi Textile Corp raised its dividend.\n\nIt said 3,100 looms were idle in Bhutan."
        );
        assert_eq!(last_kept(&silent).as_deref(), Some("unnamed (It)"));
        // a person named before is no referent for "it"
        let person = format!(
            "{D}Dana Quellby said 40 mills closed in Bhutan.\n\nIt said 3,100 looms were idle."
        );
        assert_eq!(last_kept(&person).as_deref(), Some("unnamed (It)"));
        // "she" with one person named before is that person
        let she = format!(
            "{D}Mirela Tostovic said 40 mills closed in Paraguay.\n\nShe said 3,100 looms were idle."
        );
        assert_eq!(last_kept(&she).as_deref(), Some("she (Mirela Tostovic)"));
        // two people named before: no guess
        let two_people = format!(
            "{D}Mirela Tostovic said Dana Quellby closed 40 mills in Paraguay.\n\nShe said 3,100 looms were idle."
        );
        assert_eq!(last_kept(&two_people).as_deref(), Some("unnamed (She)"));
    }

    #[test]
    fn forms_of_one_name_are_one_candidate() {
        assert!(one_name("Orvandi Textile Corp", "Orvandi Textile"));
        assert!(one_name("Dana Quellby", "Quellby's"));
        assert!(!one_name("Orvandi Textile Corp", "Pellucid Yarn Inc"));
        assert!(!one_name("Textile Orvandi", "Orvandi Textile Corp"));
        assert_eq!(pronoun_reading("Its").map(|r| r.1), Some("it"));
        assert_eq!(pronoun_reading("unnamed (He)").map(|r| r.1), Some("he"));
        assert_eq!(pronoun_reading("unnamed (We)"), None);
        assert_eq!(pronoun_reading("unnamed (is estimated)"), None);
        assert!(!is_read_pronoun("the company (Orvo Co)") && !is_read_pronoun("it"));
        // a dateline's city or a headline in capitals is no name to read a pronoun as
        assert!(reads_as_name("Orvandi Textile Corp") && reads_as_name("OTC"));
        assert!(!reads_as_name("ORVANDI") && !reads_as_name("ORVANDI TO SHUT MILLS"));
        assert!(!reads_as_name("government"));
        assert!(heads_alone("Co Inc") && !heads_alone("Orvandi Co"));
        // "they" is read as no one
        assert_eq!(pronoun_reading("unnamed (They)"), None);
    }

    #[test]
    fn a_company_name_with_and_is_not_cut_at_it() {
        let (s, _) = source_of(&format!(
            "{D}Tarn, Quillam and Co said it cut 1,200 jobs in Mongolia."
        ));
        assert_eq!(s.as_deref(), Some("Quillam and Co"));
        let (s, _) = source_of(&format!("{D}S and P said it cut 1,200 ratings."));
        assert_eq!(s.as_deref(), Some("S and P"));
        // two subjects stay apart
        let (s, _) = source_of(&format!(
            "{D}Tarn and the Orvo ministry said 1,200 jobs went in Mongolia."
        ));
        assert_ne!(s.as_deref(), Some("Tarn and the Orvo ministry"));
    }

    #[test]
    fn the_points_of_an_initialism_hold_a_source_together() {
        let (s, _) = source_of(&format!(
            "{D}A quake of magnitude 5.2 shook Uruguay, the U.N. Seismic Office said."
        ));
        assert_eq!(s.as_deref(), Some("the U.N. Seismic Office"));
        let (s, _) = source_of(&format!(
            "{D}According to the U.N. Seismic Office, 14 homes collapsed in Uruguay."
        ));
        assert_eq!(s.as_deref(), Some("the U.N. Seismic Office"));
        // a sentence's own point still ends a source
        let (s, _) = source_of(&format!(
            "{D}The storm came from the south. Rescuers said 14 homes collapsed in Uruguay."
        ));
        assert_eq!(s.as_deref(), Some("Rescuers"));
    }

    #[test]
    fn a_based_modifier_cut_by_its_comma_keeps_its_place_and_article() {
        // "Orvo, Bhutan.,-based": the comma and the hyphen cut the phrase at "based"
        let (s, _) = source_of(&format!(
            "{D}Tarnwell Co, a Orvo, Bhutan.,-based armour maker, said it bought 41,200 shares."
        ));
        assert_eq!(s.as_deref(), Some("a Orvo, Bhutan.,-based armour maker"));
        let (s, _) = source_of(&format!(
            "{D}Under the deal, Lake Orvo, Bhutan.-based Quillam said it will pay 9 mln dlrs."
        ));
        assert_eq!(s.as_deref(), Some("Lake Orvo, Bhutan.-based Quillam"));
        // a modifier glued in one word is kept as before
        let (s, _) = source_of(&format!(
            "{D}Profit rose to 12 mln dlrs, the Orvo-based armour maker said."
        ));
        assert_eq!(s.as_deref(), Some("the Orvo-based armour maker"));
    }

    #[test]
    fn according_to_and_citing() {
        let (s, k) = source_of(&format!(
            "{D}According to the regional health office, 48 people were injured."
        ));
        assert_eq!(s.as_deref(), Some("the regional health office"));
        assert_eq!(k, Some(AttributionKind::AccordingTo));
        let (s, k) = source_of(&format!(
            "{D}Some 300 families were evacuated, citing the port authority."
        ));
        assert_eq!(s.as_deref(), Some("the port authority"));
        assert_eq!(k, Some(AttributionKind::Report));
    }

    #[test]
    fn an_office_names_a_source_and_a_clause_after_said_is_none() {
        let (s, _) = source_of(&format!(
            "{D}The fund stalled even after a federal judge ruled that the firm misled 9,000 savers."
        ));
        assert_eq!(s.as_deref(), Some("a federal judge"));
        // "said the G-7 summit…": the words after the verb open what is said
        let (s, _) = source_of(&format!(
            "{D}Jane Roe, a senator from the north, said the G-7 summit had promised 60 new clinics."
        ));
        assert!(s.is_some_and(|s| !s.contains("G")));
    }

    #[test]
    fn a_participle_of_saying_speaks_for_the_subject() {
        // "saying" after a comma opens what the subject of the sentence says
        let v = attributed(&format!(
            "{D}The council member who chaired 3 hearings defended the budget, saying 45 clinics would close without it."
        ));
        let clinics = v.iter().find(|c| c.0.contains("45")).expect("45 clinics");
        assert!(
            clinics
                .1
                .as_deref()
                .is_some_and(|s| s.contains("council member")),
            "{v:?}"
        );
        // what comes before the participle is the writer's
        let hearings = v.iter().find(|c| c.0.contains('3')).expect("3 hearings");
        assert_eq!(hearings.1, None, "{v:?}");
        // a participle with no subject that reads as a source is no cue
        let (s, _) = source_of(&format!(
            "{D}Storms swept the coast overnight, bringing 8 inches of rain."
        ));
        assert_eq!(s, None);
    }

    #[test]
    fn subject_said_and_said_subject() {
        let (s, k) = source_of(&format!(
            "{D}Fire chief Dana Morrow said 14 homes burned overnight."
        ));
        assert_eq!(s.as_deref(), Some("Fire chief Dana Morrow"));
        assert_eq!(k, Some(AttributionKind::Said));
        let (s, _) = source_of(&format!(
            "{D}At least 9 climbers are missing, said the mountain rescue service."
        ));
        assert_eq!(s.as_deref(), Some("the mountain rescue service"));
        let (s, _) = source_of(&format!(
            "{D}At least 9 climbers are missing, the mountain rescue service told reporters."
        ));
        assert_eq!(s.as_deref(), Some("the mountain rescue service"));
    }

    #[test]
    fn an_adverb_in_ly_between_source_and_verb_is_skipped() {
        // any "-ly" adverb, not only the listed ones, stands between a source and its verb
        let (s, _) = source_of(&format!(
            "{D}The ferry captain flatly denied that 30 passengers had boarded without tickets."
        ));
        assert_eq!(s.as_deref(), Some("The ferry captain"));
        // a noun in "-ly" is the source itself, never skipped
        let (s, _) = source_of(&format!(
            "{D}The victim's family said 4 officers arrived late."
        ));
        assert_eq!(s.as_deref(), Some("The victim's family"));
        let (s, _) = source_of(&format!(
            "{D}The national assembly reported 12 absences on the first day."
        ));
        assert_eq!(s.as_deref(), Some("The national assembly"));
    }

    #[test]
    fn documents_without_a_determiner_are_sources() {
        for src in [
            "tax records show",
            "court filings show",
            "internal emails show",
        ] {
            let (s, _) = source_of(&format!(
                "{D}The agency paid $3.1 million for the software last year, {src}."
            ));
            assert!(s.is_some(), "{src}");
        }
    }

    #[test]
    fn a_part_of_an_attributed_count_keeps_its_source() {
        let v = attributed(&format!(
            "{D}Deputies said five hikers were hurt in the rockfall. Two of them died overnight."
        ));
        let two = v
            .iter()
            .find(|c| c.0.starts_with("Two"))
            .expect("two of them");
        assert_eq!(two.1.as_deref(), Some("Deputies"), "{v:?}");
        // a new count in the next sentence stays the writer's
        let v = attributed(&format!(
            "{D}Deputies said five hikers were hurt in the rockfall. Two rangers died overnight."
        ));
        let two = v
            .iter()
            .find(|c| c.0.starts_with("Two"))
            .expect("two rangers");
        assert_eq!(two.1, None, "{v:?}");
        // so does a part of a count nobody gave
        let v = attributed(&format!(
            "{D}Five hikers were hurt in the rockfall. Two of them died overnight."
        ));
        let two = v
            .iter()
            .find(|c| c.0.starts_with("Two"))
            .expect("two of them");
        assert_eq!(two.1, None, "{v:?}");
    }

    #[test]
    fn statements_and_reports() {
        let (s, k) = source_of(&format!(
            "{D}The utility's statement said 2,000 customers lost power."
        ));
        assert_eq!(s.as_deref(), Some("The utility's statement"));
        assert_eq!(k, Some(AttributionKind::Statement));
        let (s, k) = source_of(&format!(
            "{D}State television reported 31 arrests in the capital."
        ));
        assert_eq!(s.as_deref(), Some("State television"));
        assert_eq!(k, Some(AttributionKind::Report));
    }

    #[test]
    fn said_in_a_statement() {
        let (s, k) = source_of(&format!(
            "{D}Twelve people died in the crash, police said in a statement."
        ));
        assert_eq!(s.as_deref(), Some("police"));
        assert_eq!(k, Some(AttributionKind::Statement));
    }

    #[test]
    fn pronouns_carry_the_source_over() {
        let text = format!(
            "{D}The interior ministry confirmed the raids on Monday. It added that 12 suspects were detained."
        );
        let (s, _) = source_of(&text);
        assert_eq!(s.as_deref(), Some("The interior ministry"));
    }

    #[test]
    fn quotations_take_their_speaker() {
        let text = format!(
            "{D}\u{201C}We pulled 23 people out of the water,\u{201D} coastguard captain Ilse Brandt said."
        );
        let (s, k) = source_of(&text);
        assert_eq!(s.as_deref(), Some("coastguard captain Ilse Brandt"));
        assert_eq!(k, Some(AttributionKind::Quote));
        // the speaker named in the quotation's second sentence
        let text = format!(
            "{D}\u{201C}Ninety boats sank. We saved the rest,\u{201D} harbour master Olu Ade said."
        );
        let (s, k) = source_of(&text);
        assert_eq!(s.as_deref(), Some("harbour master Olu Ade"));
        assert_eq!(k, Some(AttributionKind::Quote));
    }

    #[test]
    fn every_quotation_style_opens_a_quotation() {
        for (open, close) in [("''", "''"), ("\u{00AB}", "\u{00BB}"), ("``", "''")] {
            let text = format!(
                "{D}{open}We pulled 23 people out of the water,{close} coastguard captain Ilse Brandt said."
            );
            let (s, k) = source_of(&text);
            assert_eq!(
                s.as_deref(),
                Some("coastguard captain Ilse Brandt"),
                "{open}"
            );
            assert_eq!(k, Some(AttributionKind::Quote));
        }
    }

    #[test]
    fn a_colon_hands_the_speaker_to_the_next_quotation() {
        let text = format!(
            "{D}The harbour master spoke on the radio: \u{201C}Ninety boats sank overnight.\u{201D}"
        );
        let (s, _) = source_of(&text);
        assert_eq!(s.as_deref(), Some("the person quoted"));
        let text = format!(
            "{D}Harbour master Olu Ade said:\n\n\u{201C}Ninety boats sank overnight.\u{201D}"
        );
        let (s, k) = source_of(&text);
        assert_eq!(s.as_deref(), Some("Harbour master Olu Ade"));
        assert_eq!(k, Some(AttributionKind::Quote));
    }

    #[test]
    fn evidence_that_finds_a_figure() {
        let (s, _) = source_of(&format!(
            "{D}A recent survey of renters found 64 percent could not afford a deposit."
        ));
        assert_eq!(s.as_deref(), Some("A recent survey of renters"));
        // finding is no evidence when the finder is no survey or study
        let (s, _) = source_of(&format!("{D}Divers found 3 wrecks off the cape."));
        assert_eq!(s, None);
        let (s, _) = source_of(&format!(
            "{D}Over 40 people have died, Fisheries Minister Ana Rocha has been quoted as saying."
        ));
        assert_eq!(s.as_deref(), Some("Fisheries Minister Ana Rocha"));
    }

    #[test]
    fn names_and_determiners_are_no_cues() {
        let (s, _) = source_of(&format!(
            "{D}Applicants for United States residency wait 14 months on average."
        ));
        assert_eq!(s, None);
        let (s, _) = source_of(&format!("{D}All told, 75 volunteers turned up on Sunday."));
        assert_eq!(s, None);
        let (s, _) = source_of(&format!("{D}According to them, 30 cabins burned down."));
        assert_eq!(s.as_deref(), Some("unnamed (them)"));
    }

    #[test]
    fn findings_intentions_and_asides_have_sources() {
        let cases = [
            ("The fund predicted that output would shrink 4 percent.", Some("The fund")),
            ("The senator wants to hire 5,000 more teachers.", Some("The senator")),
            (
                "The institute says the rule would cost money at first, but would later raise $84 billion.",
                Some("The institute"),
            ),
            (
                "The main worries, respondents said, are rent (34 percent) and jobs.",
                Some("respondents"),
            ),
            (
                "The study -- which notes that 58 firms would owe more -- was shelved.",
                Some("The study"),
            ),
            (
                "The bank kept the fund's estimate of growth at 3.1 percent.",
                Some("the fund's"),
            ),
            ("To put that number in context, the gap was $438 billion.", None),
            ("A ferry believed to have carried 300 people sank.", None),
            ("The mayor wants a panel to review the 12 closures.", None),
            ("The country's data watchdog imposed a $5 million fine.", None),
            ("The tentative deal, announced Friday, would last four years.", None),
            ("Lawyers for 27 states filed suits against the rule.", None),
        ];
        for (sentence, want) in cases {
            let (s, _) = source_of(&format!("{D}{sentence}"));
            assert_eq!(s.as_deref(), want, "{sentence}");
        }
    }

    #[test]
    fn an_organisation_publishing_a_figure_is_its_source() {
        let (s, _) = source_of(&format!(
            "{D}The transport ministry published a list of 152 closed bridges."
        ));
        assert_eq!(s.as_deref(), Some("The transport ministry"));
        let (s, _) = source_of(&format!(
            "{D}The relief agency issued an appeal for $6 million on Friday."
        ));
        assert_eq!(s.as_deref(), Some("The relief agency"));
        // an act that is no organisation's is no source
        let (s, _) = source_of(&format!("{D}The quartet released 3 albums in a year."));
        assert_eq!(s, None);
    }

    #[test]
    fn inch_marks_are_not_quotations() {
        let (s, _) = source_of(&format!(
            "{D}The storm dropped 12\" of rain on the town and 300 homes flooded."
        ));
        assert_eq!(s, None);
    }

    #[test]
    fn named_and_vague_sources() {
        let a = Analysis::new(&format!("{D}Officials said 40 people were hurt."));
        let x = a.claims[0].attribution.as_ref().expect("attributed");
        assert!(!x.named);
        let a = Analysis::new(&format!("{D}Mayor Ruth Okafor said 40 people were hurt."));
        let x = a.claims[0].attribution.as_ref().expect("attributed");
        assert!(x.named);
    }

    #[test]
    fn a_source_reaches_only_its_own_clause() {
        // a contrasting clause after the source is the writer's
        let v = attributed(&format!(
            "{D}The fire service put the toll at 12, although the blaze had gutted 30 homes."
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("The fire service"));
        assert_eq!(v[1].1, None);
        // and so is a clause before it
        let v = attributed(&format!(
            "{D}The town has 4,000 residents, but the mayor warned that 300 homes may flood."
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].1, None);
        assert_eq!(v[1].1.as_deref(), Some("the mayor"));
        // a relative clause's verb belongs to the noun it hangs on
        let v = attributed(&format!(
            "{D}Lund, which has 9,000 residents, and Varna, which has reported 120 cases, are hit."
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].1, None);
        assert_eq!(v[1].1.as_deref(), Some("Varna"));
    }

    #[test]
    fn what_follows_an_inverted_source_is_the_writers() {
        let v = attributed(&format!(
            "{D}Repairs will cost $3 million, said Ana Ruiz, who has run the depot for 12 years."
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Ana Ruiz"));
        assert_eq!(v[1].1, None);
    }

    #[test]
    fn a_cue_inside_a_relative_clause_reaches_only_what_follows() {
        let v = attributed(&format!(
            "{D}The archive held 40 ledgers that the clerk said were worth $9,000."
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].1, None);
        assert_eq!(v[1].1.as_deref(), Some("the clerk"));
    }

    #[test]
    fn a_verb_that_opens_a_clause_looks_forward() {
        // a fronted aside before the subject is the writer's
        let v = attributed(&format!(
            "{D}Speaking to 300 delegates, the minister said the plan would cost $2 billion."
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].1, None);
        assert_eq!(v[1].1.as_deref(), Some("the minister"));
        // a verb with no clause after it still looks back
        let (s, _) = source_of(&format!(
            "{D}Forty homes burned, the fire chief said the next day."
        ));
        assert_eq!(s.as_deref(), Some("the fire chief"));
    }

    #[test]
    fn a_that_complement_runs_over_semicolons_and_while() {
        let v = attributed(&format!(
            "{D}The agency estimated that rents rose 8 percent downtown; in the suburbs they rose 5 percent, while 30 percent of tenants moved."
        ));
        assert_eq!(v.len(), 3, "{v:?}");
        assert!(
            v.iter().all(|c| c.1.as_deref() == Some("The agency")),
            "{v:?}"
        );
        // without "that" a semicolon still ends the source's reach
        let v = attributed(&format!(
            "{D}The agency put the rise at 8 percent; rents fell 5 percent in the suburbs."
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].1, None);
    }

    #[test]
    fn interview_answers_belong_to_the_person_interviewed() {
        let text = format!(
            "{D}The skipper talked to us about the storm.\n\nQ: How many boats did the harbour lose?\n\nA: We lost 14 boats that night."
        );
        let (s, k) = source_of(&text);
        assert_eq!(s.as_deref(), Some("the person interviewed"));
        assert_eq!(k, Some(AttributionKind::Quote));
        // an "A:" paragraph with no question anywhere is no interview
        let (s, _) = source_of(&format!("{D}A: 14 boats sank in the harbour that night."));
        assert_eq!(s, None);
    }

    #[test]
    fn participles_with_by_or_from() {
        let (s, k) = source_of(&format!(
            "{D}The pressure, estimated from reconnaissance data, is 940 mb."
        ));
        assert_eq!(s.as_deref(), Some("reconnaissance data"));
        assert_eq!(k, Some(AttributionKind::Report));
        let (s, _) = source_of(&format!(
            "{D}Only 7,000 ballots had been counted and reported by midnight."
        ));
        assert_eq!(s, None);
        let (s, _) = source_of(&format!("{D}The 1918 fire claimed 453 lives."));
        assert_eq!(s, None);
    }

    #[test]
    fn configured_vague_words_decide_named() {
        let text = format!("{D}Witnesses said 40 people were hurt.");
        let a = Analysis::new(&text);
        assert!(!a.claims[0].attribution.as_ref().expect("attributed").named);
        let none = crate::analysis::Options {
            vague_sources: Vec::new(),
            published: None,
        };
        let a = Analysis::with_options(&text, &none);
        assert!(a.claims[0].attribution.as_ref().expect("attributed").named);
    }

    #[test]
    fn a_relative_pronoun_names_no_one_and_an_acronym_does() {
        let none: Vec<String> = Vec::new();
        assert!(!is_named("the sailors who saw it", &none));
        assert!(is_named("the QRX", &none));
    }

    #[test]
    fn views_demands_and_claim_nouns_are_cues() {
        let cases = [
            (
                "We believe the 9 hearings were enough for the panel.",
                Some("unnamed (We)"),
            ),
            (
                "Nobody expected a full 40 minutes of questions.",
                Some("Nobody"),
            ),
            (
                "The union called for a raise of 6 percent next year.",
                Some("The union"),
            ),
            (
                "The defence asked for a term of two years.",
                Some("The defence"),
            ),
            (
                "The mayor seized on a city audit that the agency lost $12 million.",
                Some("a city audit"),
            ),
            (
                "Most of the 48 claims were rated as false.",
                Some("unnamed (were rated)"),
            ),
            (
                "Growers met in March and agreed that 30 percent of the crop was lost.",
                Some("Growers"),
            ),
            (
                "Rents are rising, according to a survey of 900 tenants.",
                None,
            ),
            (
                "Under the governor's plan, fares would rise 5 percent.",
                Some("the governor's"),
            ),
            // no view, no demand, no clause: the writer's
            ("The calls for 30 more nurses went unanswered.", None),
            ("The audit that was released cost $2 million.", None),
            ("The mayor wants a panel to review the 12 closures.", None),
        ];
        let mut wrong = Vec::new();
        for (sentence, want) in cases {
            let v = attributed(&format!("{D}{sentence}"));
            let got = v.last().and_then(|c| c.1.clone());
            if got.as_deref() != want {
                wrong.push(format!("{sentence}: {v:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn documents_judgements_stances_and_pointing_are_cues() {
        let cases = [
            (
                "The union called on the board to rehire 80 drivers.",
                Some("The union"),
            ),
            (
                "The senator described the $3 billion deal as a gift.",
                Some("The senator"),
            ),
            (
                "In an interview, the warden put the cost at $4 million.",
                Some("the warden"),
            ),
            ("In the first round, the team scored 3 goals.", None),
            (
                "The clerk admitted to taking $40,000 from the fund.",
                Some("The clerk"),
            ),
            (
                "A short film by the charity mentions 9 shelters.",
                Some("the charity"),
            ),
            (
                "In the latest city poll, the mayor leads by 9 points.",
                Some("the latest city poll"),
            ),
            (
                "The campaign video mentions 14 factory closures.",
                Some("The campaign video"),
            ),
            (
                "A court filing lists 26 unpaid contractors.",
                Some("A court filing"),
            ),
            (
                "The senator criticized a plan to close 12 schools.",
                Some("The senator"),
            ),
            (
                "Governor Ada Lind backs a raise to $18 an hour.",
                Some("Governor Ada Lind"),
            ),
            (
                "The governor urged lawmakers to fund 300 more beds.",
                Some("The governor"),
            ),
            (
                "The mayor pointed to 12 closures last year.",
                Some("The mayor"),
            ),
            // no document, no one judging, no particle: the writer's
            ("The chef features 3 new dishes each week.", None),
            ("Tourism supports 40,000 jobs in the valley.", None),
            ("The bridge, opposed by 30 residents, opened in May.", None),
            ("The mayor pointed at 12 empty lots.", None),
        ];
        let mut wrong = Vec::new();
        for (sentence, want) in cases {
            let v = attributed(&format!("{D}{sentence}"));
            let got = v.last().and_then(|c| c.1.clone());
            if got.as_deref() != want {
                wrong.push(format!("{sentence}: {v:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // a judgement reaches only what follows its verb
        let v = attributed(&format!(
            "{D}After the flood left 40 families homeless, the union criticized a bonus of $2 million."
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].1, None);
        assert_eq!(v[1].1.as_deref(), Some("the union"));
    }

    #[test]
    fn a_straight_mark_faces_the_way_its_spacing_says() {
        // a wire story run together on one line: each paragraph of the quotation under the
        // speaker's heading opens with a mark, and only the last one closes
        let text = format!(
            "{D}Tessaly's output grew in the spring. ONDREJ HALVIK, ECONOMIST, VELMAR BANK: \"Orders held up well. \"Exports to the coast rose 12 percent in the quarter, the best in years.\" Imports fell 3 percent in May."
        );
        let v = attributed(&text);
        let f = |w: &str| v.iter().find(|c| c.0.starts_with(w)).cloned();
        assert_eq!(f("12").and_then(|c| c.2), Some(AttributionKind::Quote));
        // after the closing mark the writer speaks again
        assert_eq!(f("3").and_then(|c| c.1), None);
        // a closing mark glued to a comma after an unclosed paragraph closes, it opens nothing
        let text = format!(
            "{D}\"Orders held up. \"Exports rose 12 percent,\" Ondrej Halvik said on Monday. Imports fell 3 percent in May."
        );
        let v = attributed(&text);
        let f = |w: &str| v.iter().find(|c| c.0.starts_with(w)).cloned();
        assert_eq!(f("12").and_then(|c| c.2), Some(AttributionKind::Quote));
        assert_eq!(f("3").and_then(|c| c.1), None);
    }

    /// The source of the first figure containing `figure` in `text` after the dateline `D`.
    fn source(text: &str, figure: &str) -> Option<String> {
        let v = attributed(&format!("{D}{text}"));
        v.iter()
            .find(|c| c.0.contains(figure))
            .map(|c| c.1.clone())
            .unwrap_or_else(|| panic!("{figure} in {v:?}"))
    }

    #[test]
    fn what_a_party_sees_ahead_is_its_figure() {
        // "sees": the object is the subject's forecast, in a headline too
        assert!(source(
            "Velmar Corp sees a $30 billion lift to its sales by 2030.",
            "$30 billion"
        )
        .is_some());
        assert!(source(
            "Tessaly analysts see the rate averaging 4 percent next year.",
            "4 percent"
        )
        .is_some());
        assert!(source(
            "Velmar Inc, a Tessaly insurer, sees the reform giving a $9 billion lift to sales.",
            "$9 billion"
        )
        .is_some());
        // seeing as: the object is the writer's, what follows "as" the view
        assert_eq!(
            source(
                "Both Tessaly parties see the state's 20 seats as essential to a majority.",
                "20 seats"
            ),
            None
        );
        // an imperative, and an aside set off by ", which"
        assert_eq!(
            source(
                "For details, see the Tessaly index, which shed 8.5 percent.",
                "8.5 percent"
            ),
            None
        );
        assert_eq!(
            source(
                "Analysts see its plants, which make up 40 percent of its assets, as a burden.",
                "40 percent"
            ),
            None
        );
        // after a modal it is what the subject undergoes, no view
        assert_eq!(
            source(
                "The Tessaly plant will see 300 workers laid off in May.",
                "300 workers"
            ),
            None
        );
        // a pronoun before an auxiliary and a verb of predicting stands for the party last named
        assert!(source(
            "Velmar Corp expects a profit of 70 million crowns. In May, it had forecast the profit at 50 million crowns.",
            "50 million"
        )
        .is_some());
    }

    #[test]
    fn what_a_party_expects_is_its_figure() {
        // the object of a verb of expecting, after a pronoun that stands for the company
        assert!(source(
            "Velmar Corp said its plant in Tessaly would close. It still expects yearly savings of $40 million once the work ends.",
            "$40 million"
        )
        .is_some());
        // an object with an infinitive
        assert!(source(
            "Traders had expected orders to climb to 9,000 units.",
            "9,000"
        )
        .is_some());
        // a plural's possessive expectation, and market people as a source after a comma
        assert!(source(
            "Sales beat brokers' expectations of $12 million.",
            "$12 million"
        )
        .is_some());
        assert!(source("Orders fell to $8.50 a unit, dealers said.", "$8.50").is_some());
        // an adjective, a comparison, an object relative, a figure before the subject and an
        // aside after a spaced dash stay the writer's
        assert_eq!(
            source(
                "Most voters expect Halvik to win the debate -- 44 percent to 31 percent.",
                "44 percent"
            ),
            None
        );
        assert_eq!(
            source("Sales rose 5 percent, more than expected.", "5 percent"),
            None
        );
        assert_eq!(
            source("The expected 6 percent rise did not come.", "6 percent"),
            None
        );
        assert_eq!(
            source("Orders rose 7 percent, as expected.", "7 percent"),
            None
        );
        assert_eq!(
            source(
                "Velmar took 154 million euros, well above the 134 million traders had expected and the 120 million of May.",
                "154 million"
            ),
            None
        );
        assert_eq!(
            source(
                "Claims rose to 321,000, and analysts had expected them to slip to 320,000.",
                "321,000"
            ),
            None
        );
        // a possessed forecast that holds no figure ("at the top of analysts' forecasts, …")
        assert_eq!(
            source(
                "Although at the top of analysts' forecasts, growth was weaker than in the six weeks to May.",
                "six weeks"
            ),
            None
        );
    }

    #[test]
    fn an_opening_mark_typed_as_the_closing_one_ends_the_quotation() {
        let text = format!(
            "{D}The senator posted this on Monday.\n\n\u{201C}Rents rose 14 percent in a year.\u{201C}\n\nThe board did not meet."
        );
        let (s, k) = source_of(&text);
        assert_eq!(s.as_deref(), Some("the person quoted"));
        assert_eq!(k, Some(AttributionKind::Quote));
    }

    #[test]
    fn unattributed_figures_stay_unattributed() {
        let (s, _) = source_of(&format!(
            "{D}More than 400 people have been killed since March."
        ));
        assert_eq!(s, None);
        // a passive with no agent gives no source
        let (s, _) = source_of(&format!("{D}Twelve deaths were recorded in the county."));
        assert_eq!(s, None);
        // the source's reach: "rises to 60, mayor says 80" attributes only the 80
        let v = attributed(&format!(
            "{D}The death toll rises to 60, mayor says 80 people remain missing."
        ));
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].1, None);
        assert_eq!(v[1].1.as_deref(), Some("mayor"));
    }

    #[test]
    fn a_view_with_a_qualified_figure_or_an_adverbial_before_that() {
        // a belief whose clause opens with a qualified figure
        let (s, _) = source_of(&format!(
            "{D}Rescue teams believe at least 70 climbers were trapped."
        ));
        assert_eq!(s.as_deref(), Some("Rescue teams"));
        // arguing for a view, the clause right after the verb
        let (s, _) = source_of(&format!(
            "{D}Economists argue the levy would bring in $6 billion."
        ));
        assert_eq!(s.as_deref(), Some("Economists"));
        // a short adverbial between a cue that needs a complement and its "that"
        let (s, _) = source_of(&format!(
            "{D}The union has alleged for months that 800 drivers went unpaid."
        ));
        assert_eq!(s.as_deref(), Some("The union"));
        // a relative "that" after a noun is no complement
        let (s, _) = source_of(&format!(
            "{D}The charges against the 3 officers that were dropped were minor."
        ));
        assert_eq!(s, None);
    }

    #[test]
    fn a_view_in_the_ing_form_is_the_viewer_s() {
        // a participle of belief, its clause right after it
        let (s, _) = source_of(&format!(
            "{D}Divers, believing 25 sailors were still below deck, went back in."
        ));
        assert_eq!(s.as_deref(), Some("Divers"));
        // a progressive of expectation before a figure
        let (s, _) = source_of(&format!(
            "{D}Hotels in Mongolia are expecting 4,000 visitors next week."
        ));
        assert_eq!(s.as_deref(), Some("Hotels in Mongolia"));
        // a progressive of belief before "that"
        let (s, _) = source_of(&format!(
            "{D}The guard was believing that the thieves had taken 14 paintings."
        ));
        assert_eq!(s.as_deref(), Some("The guard"));
    }

    #[test]
    fn a_colon_speaks_for_every_item_of_its_list() {
        let v = attributed(&format!(
            "{D}The rescue service said on Sunday:\n\n- 9 climbers were brought down\n\n- 4 climbers are still missing\n\nIn winter 30 climbers a day try the route.\n"
        ));
        let sources: Vec<_> = v.iter().map(|(_, s, _)| s.as_deref()).collect();
        assert_eq!(
            sources,
            [Some("The rescue service"), Some("The rescue service"), None],
            "{v:?}"
        );
    }

    #[test]
    fn a_study_by_its_maker_found() {
        let (s, _) = source_of(&format!(
            "{D}A new poll by the state university found 64 percent backing for the tax."
        ));
        assert_eq!(s.as_deref(), Some("the state university"));
    }

    #[test]
    fn a_source_with_a_relative_clause_is_the_whole_phrase() {
        let (s, _) = source_of(&format!(
            "{D}The board that oversees the county's schools said on Friday that 42 teachers had left."
        ));
        assert_eq!(
            s.as_deref(),
            Some("The board that oversees the county's schools")
        );
        let (s, _) = source_of(&format!(
            "{D}Residents who fled the valley said that 15 houses had burned."
        ));
        assert_eq!(s.as_deref(), Some("Residents who fled the valley"));
        // an object relative: the subject inside it speaks, not the noun before it
        let (s, _) = source_of(&format!(
            "{D}The plan that the mayor said would cost $9 million was shelved."
        ));
        assert_ne!(s.as_deref(), Some("The plan"));
        // no noun before the pronoun that reads as a source
        let (s, _) = source_of(&format!(
            "{D}It was clear that crews working the night said 30 roads were shut."
        ));
        assert_ne!(
            s.as_deref(),
            Some("It was clear that crews working the night")
        );
    }

    #[test]
    fn the_occasion_of_saying_and_a_fronted_time_are_the_writers() {
        // "said after …" with nothing said after it: the occasion is the writer's
        let (s, _) = source_of(&format!(
            "{D}\"We will act,\" the chair said after the envoy skipped 2 sessions in a row."
        ));
        assert_eq!(s, None);
        // "said after the vote that …": what follows "that" is still said
        let v = attributed(&format!(
            "{D}The chair said after the vote that 14 members had resigned."
        ));
        assert!(
            v.iter().any(|(w, s, _)| w.contains("14") && s.is_some()),
            "{v:?}"
        );
        // a fronted time before "X wrote, \"…\"": only the quotation is what X wrote
        let v = attributed(&format!(
            "{D}About 20 minutes later, the mayor wrote, \"We have 5 shelters open.\""
        ));
        assert!(
            v.iter()
                .any(|(w, s, _)| w.starts_with("About 20") && s.is_none()),
            "{v:?}"
        );
        assert!(
            v.iter()
                .any(|(w, s, _)| w.contains("5 shelters") && s.is_some()),
            "{v:?}"
        );
    }

    #[test]
    fn sources_with_knowledge_and_a_company_that_forecasts() {
        // a source word qualified by "with …" is one source
        let (s, _) = source_of(&format!(
            "{D}Velmar will keep its board for six months, two sources with knowledge of the \
             talks said on Friday."
        ));
        assert_eq!(
            s.as_deref(),
            Some("two sources with knowledge of the talks")
        );
        // "it" right before a verb of predicting is the party named before
        let v = attributed(&format!(
            "{D}Tessaly Foods expects a lift from the deal. It forecast an extra 30 cents a \
             share next year."
        ));
        assert!(
            v.iter()
                .any(|(x, s, _)| x.contains("30 cents") && s.is_some()),
            "{v:?}"
        );
    }

    #[test]
    fn a_party_s_own_outlook_and_target_are_its_figures() {
        // raising one's own outlook or forecast range states the new figures
        let v = attributed(&format!(
            "{D}Velmar Corp raised its full-year profit outlook range by 15 cents, to between \
             $2.10 and $2.20 a share."
        ));
        for w in ["15 cents", "$2.10"] {
            assert!(
                v.iter().any(|(x, s, _)| x.starts_with(w) && s.is_some()),
                "{w}: {v:?}"
            );
        }
        let v = attributed(&format!(
            "{D}Tessaly Foods lifted its 2031 sales forecast range by more than $3 a share."
        ));
        assert!(
            v.iter().any(|(x, s, _)| x.contains("$3") && s.is_some()),
            "{v:?}"
        );
        // a target of the owner's own, read only before a preposition
        let v = attributed(&format!(
            "{D}The agency kept its output target of 40 percent for the decade."
        ));
        assert!(
            v.iter()
                .any(|(x, s, _)| x.contains("40 percent") && s.is_some()),
            "{v:?}"
        );
        let v = attributed(&format!(
            "{D}The rocket hit its target 300 km away from the coast."
        ));
        assert!(
            v.iter().all(|(x, s, _)| !x.contains("300") || s.is_none()),
            "{v:?}"
        );
    }

    #[test]
    fn a_claim_by_someone_predictions_and_a_counted_share() {
        // the maker of a claim named after "by" is the source of its "that" clause
        let (s, _) = source_of(&format!(
            "{D}The mayor rejected a claim by the council that 40 roads were unsafe."
        ));
        assert_eq!(s.as_deref(), Some("the council"));
        // predicting or reckoning by someone
        let (s, _) = source_of(&format!(
            "{D}Analysts predicted a gain of 9 percent for the index."
        ));
        assert_eq!(s.as_deref(), Some("Analysts"));
        // a noun after a possessive is no verb of predicting
        let v = attributed(&format!("{D}It trimmed its yearly forecast by 3 points."));
        assert!(
            v.iter()
                .all(|(_, s, _)| s.as_deref() != Some("It trimmed its")),
            "{v:?}"
        );
        // a counted share of those asked speaks for its own clause only
        let v = attributed(&format!(
            "{D}About 45 percent of members agreed that the fee was fair, while 30 percent \
             said the same of the dues."
        ));
        assert!(
            v.iter().any(|(w, s, _)| w == "30 percent" && s.is_none()),
            "{v:?}"
        );
    }
}

/// [`is_named`] as first written (lowercasing each word), to check the fast one against.
#[cfg(test)]
fn is_named_slow(source: &str, vague_words: &[String]) -> bool {
    let mut capital = false;
    let mut org = false;
    for (k, w) in source
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        let lw = w.to_lowercase();
        if vague_words.iter().any(|v| v.eq_ignore_ascii_case(w)) {
            return false;
        }
        if crate::entities::is_organisation_or_title_word(w) || NAMED_SOURCE_NOUNS.contains(&lw) {
            org = true;
        }
        let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
        if cap && !(k == 0 && ARTICLES_AND_POSSESSIVES.contains(&lw)) {
            capital = true;
        }
    }
    capital || org
}

#[cfg(test)]
#[test]
fn is_named_matches_the_lowercasing_version() {
    let vague = vec!["officials".to_string(), "sources".to_string()];
    for s in [
        "The ministry",
        "THE Coroner",
        "İts statement",
        "Its people",
        "the \u{212A}remlin",
        "ÜBER group",
        "a STATEMENT",
        "Her office",
        "officials",
        "the Prosecutors' office",
        "über-official Ana",
        "",
        "An 'x'",
    ] {
        assert_eq!(is_named(s, &vague), is_named_slow(s, &vague), "{s}");
    }
}

//! Named entities per sentence: people (with their titles), organisations and places.
//!
//! Runs of capitalised words, classified with small word lists: a run holding an
//! organisation word ("Ministry", "Council", an acronym) is an organisation, a run found in
//! the gazetteer is a place, a run after a title ("Foreign Minister Dmitry Korlanov") or of two
//! or three names is a person. Lower-case organisations ("the defense ministry") are found by
//! their head word.

mod credits;
mod furniture;
mod labels;
mod outlets;
mod shapes;
mod short_forms;
pub(crate) use crate::lexicon::sets::COMPANY_HEADS;

use crate::article::Article;
use crate::lexicon::sets::CITY_PART_NOUNS;
use crate::text::{Span, Tok, TokKind};
use serde::Serialize;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A place.
    Place,
}

/// One named entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The entity's words, title included.
    pub span: Span,
    /// The name without its title ("Dmitry Korlanov").
    pub name: String,
    /// The title ("Mongolian Foreign Minister"), for people.
    pub title: Option<String>,
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// Index of its sentence.
    pub sentence: usize,
}

crate::word_set!(
    /// Last words that make a capitalised run an administrative area ("Orrin County").
    pub(crate) PLACE_SUFFIXES = file "place-suffixes.txt"
);

pub(crate) use crate::lexicon::sets::{NOT_NAME_SET, ORG_SET, TITLE_SET};
crate::word_set!(
    /// Lower-case heads of organisations after "the" ("the defense ministry").
    ORG_HEADS_LOWERCASE = file "org-heads.tsv", tag "lowercase"
);

/// True for a word that heads an organisation's name ("ministry") or is a title
/// ("spokeswoman"), any case.
pub fn is_organisation_or_title_word(w: &str) -> bool {
    ORG_SET.contains(w) || TITLE_SET.contains(w)
}

/// Month and weekday names ("March", "Thursday"), which are capitalised but name no one.
fn is_calendar(t: &Tok) -> bool {
    is_weekday(t) || (t.text.len() >= 3 && crate::time::lexicon::tok_month(t).is_some())
}

/// A weekday's name ("Thursday"): right after a name it dates the sentence, it is no part of
/// the name.
fn is_weekday(t: &Tok) -> bool {
    t.text.len() >= 6 && crate::time::lexicon::tok_weekday(t).is_some()
}

fn in_set(t: &Tok, set: &crate::lexicon::WordSet) -> bool {
    t.kind == TokKind::Word && set.has(t)
}

crate::word_set!(
    /// Prepositions that put a name in a place ("in Dixon").
    PLACE_PREPOSITIONS = file "place-prepositions.tsv"
);

/// A name without its possessive ending ("Turkey's" → "Turkey").
fn without_possessive(name: &str) -> &str {
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(name)
}

/// True when a capitalised run names a place of the gazetteer or of the user's
/// configuration ("Ohio", "North Carolina", "Turkey's"). A country, continent or region is a
/// place wherever it is named; a city's one-word name may be a person's ("Roth said"), so it
/// is a place only after a preposition of place ("in Dixon") or before ", Region".
fn is_place_name(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    use crate::lexicon::places::{self, PlaceKind};
    let (Some(first), Some(last)) = (toks.get(a), toks.get(b.wrapping_sub(1))) else {
        return false;
    };
    let name = without_possessive(first.span.cover(last.span).slice(text));
    let found = places::lookup(name);
    let sure = found.iter().any(|p| match p.kind {
        PlaceKind::Country | PlaceKind::Continent | PlaceKind::User => true,
        PlaceKind::Region => !p.common,
        PlaceKind::City => false,
    });
    if sure {
        return true;
    }
    if !found.iter().any(|p| p.kind == PlaceKind::City && !p.common) {
        return false;
    }
    let words = toks
        .get(a..b)
        .map_or(0, |r| r.iter().filter(|t| t.kind == TokKind::Word).count());
    let after_preposition = a
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|p| in_set(p, &PLACE_PREPOSITIONS));
    let before_region = toks.get(b).is_some_and(|c| c.is_punct(','))
        && toks
            .get(b + 1)
            .is_some_and(|r| r.is_capitalized() && places::is_scope(without_possessive(r.text)));
    words >= 2 || after_preposition || before_region
}

/// True when the country `span` (its run starting at token `a`) is named as someone's origin
/// or home: "a man from <country>", "moved from", "a native of", "sent back to", "born in".
/// A local story naming where a victim came from is no story of that country.
fn origin(text: &str, toks: &[Tok], a: usize, span: Span) -> bool {
    let (Some(link), Some(word)) = (
        a.checked_sub(1).and_then(|i| toks.get(i)),
        a.checked_sub(2).and_then(|i| toks.get(i)),
    ) else {
        return false;
    };
    if !crate::lexicon::places::is_country(without_possessive(span.slice(text))) {
        return false;
    }
    // a row of origin-words.tsv: the word, then the preposition between it and the country
    let listed = crate::lexicon::entries(crate::word_data!("origin-words.tsv")).any(|e| {
        let mut c = crate::lexicon::columns(e);
        c.next().is_some_and(|w| word.is(w)) && c.next().is_some_and(|p| link.is(p))
    });
    listed || (link.is("from") && in_set(word, &crate::lexicon::sets::PEOPLE_SET))
}

crate::word_set!(
    /// Nouns that a country right before them modifies ("a <country> veteran", "the <country>
    /// war"): the country is then no place of the story.
    COUNTRY_MODIFIER_HEADS = file "country-modifier-heads.txt"
);

/// True when the country `span` (its run ending before token `b`) modifies the noun after it:
/// "a <country> veteran", "the <country> war". A local story naming someone's war service is
/// no story of that country.
fn modifier(text: &str, toks: &[Tok], b: usize, span: Span) -> bool {
    toks.get(b)
        .is_some_and(|t| t.kind == TokKind::Word && COUNTRY_MODIFIER_HEADS.contains(t.text))
        && crate::lexicon::places::is_country(span.slice(text))
}

/// True for a street noun, singular or plural ("Street", "avenues").
fn is_street_noun(t: &Tok) -> bool {
    use crate::lexicon::sets::STREET_NOUNS;
    t.kind == TokKind::Word
        && (STREET_NOUNS.contains(t.text)
            || t.text
                .strip_suffix('s')
                .is_some_and(|w| STREET_NOUNS.contains(w)))
}

/// True when the country `span` (its run ending before token `b`) names a street: a street
/// noun follows it ("<country> avenue"), or "and", another name and a plural street noun
/// ("at <country> and Elm streets"). A shooting on a street named for a country is no story
/// of that country.
fn street_name(text: &str, toks: &[Tok], b: usize, span: Span) -> bool {
    if !crate::lexicon::places::is_country(span.slice(text)) {
        return false;
    }
    if toks.get(b).is_some_and(is_street_noun) {
        return true;
    }
    if !toks.get(b).is_some_and(|t| t.is("and")) {
        return false;
    }
    let names = toks
        .get(b + 1..)
        .unwrap_or(&[])
        .iter()
        .take(4)
        .take_while(|t| is_cap(t) && !is_street_noun(t))
        .count();
    names > 0 && toks.get(b + 1 + names).is_some_and(is_street_noun)
}

/// A place's span without its possessive ending.
fn place_span(text: &str, span: Span) -> Span {
    let name = span.slice(text);
    let cut = name.len() - without_possessive(name).len();
    Span::new(span.start, span.end - cut)
}

/// True for a dash with a space on either side ("HOUSTON - A man"): it ends a name, it joins
/// no two names.
fn spaced(text: &str, t: &Tok) -> bool {
    let before = t
        .span
        .start
        .checked_sub(1)
        .and_then(|i| text.get(i..t.span.start));
    let after = text.get(t.span.end..t.span.end + 1);
    [before, after]
        .iter()
        .any(|c| c.is_some_and(|c| c.trim().is_empty()))
}

fn is_cap(t: &Tok) -> bool {
    t.kind == TokKind::Word && t.is_capitalized()
}

/// Extracts the entities of every sentence of an article, in text order.
pub fn extract(text: &str, article: &Article) -> Vec<Entity> {
    let toks = crate::text::SentenceToks::new(text, article.sentences.iter().map(|s| s.span));
    extract_with(text, &toks)
}

/// [`extract`] over the tokens of each sentence, computed once by the caller.
pub fn extract_with(text: &str, sentence_toks: &crate::text::SentenceToks) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut credited = Vec::new();
    for (si, toks) in sentence_toks.iter().enumerate() {
        let from = out.len();
        sentence_entities(text, toks, si, &mut out);
        credited.extend(credits::unname_credited(&mut out, from, toks));
        // a copyright line names its outlet, no one in the story
        if out
            .get(from..)
            .is_some_and(|new| new.iter().any(|e| e.kind == EntityKind::Person))
            && furniture::copyright_line(toks)
        {
            for e in out.iter_mut().skip(from) {
                if e.kind == EntityKind::Person {
                    e.kind = EntityKind::Organization;
                }
            }
        }
    }
    if !credited.is_empty() {
        credits::unname_everywhere(&mut out, &credited);
    }
    furniture::unname_common_word_runs(&mut out, sentence_toks);
    short_forms::unname_short_forms(&mut out);
    out
}

fn sentence_entities(text: &str, toks: &[Tok], si: usize, out: &mut Vec<Entity>) {
    let mut i = 0;
    while i < toks.len() {
        let Some(t) = toks.get(i) else { break };
        if !is_cap(t) {
            // lower-case organisations: "the defense ministry", "the ministry"
            if t.is("the") {
                let mut j = i + 1;
                while j < toks.len() && j < i + 4 {
                    let Some(x) = toks.get(j) else { break };
                    if x.kind != TokKind::Word || x.is_capitalized() {
                        break;
                    }
                    // ORG_SET's class bit first: its words hold every lower-case head, and
                    // most words are none (throughput bench: a look-up per word after "the")
                    if in_set(x, &ORG_SET) && in_set(x, &ORG_HEADS_LOWERCASE) {
                        if let (Some(a), Some(b)) = (toks.get(i + 1), toks.get(j)) {
                            let span = a.span.cover(b.span);
                            out.push(Entity {
                                span,
                                name: span.slice(text).to_string(),
                                title: None,
                                kind: EntityKind::Organization,
                                sentence: si,
                            });
                        }
                        i = j;
                        break;
                    }
                    j += 1;
                }
            }
            i += 1;
            continue;
        }
        // a run of capitalised words, with "of"/"the"/"for" inside organisation names
        let a = i;
        let mut b = i + 1;
        while let Some(x) = toks.get(b) {
            // a weekday ends a name: "in <Town> Sunday", "Chief <Surname> Monday"
            if is_weekday(x) {
                break;
            }
            let joins = is_cap(x)
                || ((x.is("of") || x.is("for") || x.is("the") || x.is("and"))
                    && toks.get(b + 1).is_some_and(is_cap)
                    && toks
                        .get(a..b)
                        .is_some_and(|r| r.iter().any(|y| in_set(y, &ORG_SET))))
                || (x.is_punct('-') && toks.get(b + 1).is_some_and(is_cap) && !spaced(text, x))
                || initial_dot(toks, a, b)
                || outlets::acronym_dot(toks, b);
            if joins {
                b += 1;
            } else {
                break;
            }
        }
        // drop leading function words ("The", "In")
        let mut a2 = a;
        while a2 < b
            && toks
                .get(a2)
                .is_some_and(|x| in_set(x, &NOT_NAME_SET) || is_calendar(x))
        {
            a2 += 1;
        }
        if a2 < b {
            classify(text, toks, a2, b, si, out);
        }
        i = b;
    }
}

/// True when token `b` is the period of a middle initial inside a name ("Jane Q. Roe",
/// "Jane Q. R. Roe"): right after one capital letter, in a run that holds a name word
/// already, and before a capitalised word.
fn initial_dot(toks: &[Tok], a: usize, b: usize) -> bool {
    let (Some(initial), Some(dot), Some(next)) = (
        b.checked_sub(1).and_then(|i| toks.get(i)),
        toks.get(b),
        toks.get(b + 1),
    ) else {
        return false;
    };
    let name_word = |t: &Tok| t.kind == TokKind::Word && t.text.chars().any(char::is_lowercase);
    dot.is_punct('.')
        && initial.kind == TokKind::Word
        && initial.text.len() == 1
        && initial.is_capitalized()
        && initial.span.end == dot.span.start
        && is_cap(next)
        && toks.get(a..b).is_some_and(|r| r.iter().any(name_word))
}

crate::word_set!(
    /// Last words that make a capitalised run a building or an institution ("Alder Creek High
    /// School", "Marlow High").
    FACILITY_HEADS = file "facility-heads.txt"
);

/// True for an organisation's head word, with a possessive ending or not ("Department's").
fn is_org_word(t: &Tok) -> bool {
    in_set(t, &ORG_SET)
        || (t.kind == TokKind::Word
            && without_possessive(t.text).len() < t.text.len()
            && ORG_SET.contains(without_possessive(t.text)))
}

/// True for a compass point, alone or two joined ("north", "Northwest").
fn is_compass(w: &str) -> bool {
    let points = &crate::lexicon::sets::COMPASS_POINT_SET;
    points.contains(w)
        || (1..w.len()).any(|i| {
            w.is_char_boundary(i)
                && w.get(..i).is_some_and(|x| points.contains(x))
                && w.get(i..).is_some_and(|y| points.contains(y))
        })
}

/// True for a run naming a part of a city by a compass point and a city-part noun, with
/// words before it or not ("South Side", "Near North Side", "Northwest Side").
fn city_part(run: &[Tok]) -> bool {
    let n = run.len();
    n >= 2
        && run.get(n - 1).is_some_and(|t| in_set(t, &CITY_PART_NOUNS))
        && run
            .get(n - 2)
            .is_some_and(|t| t.kind == TokKind::Word && is_compass(t.text))
}

/// Classifies the capitalised run `toks[a..b]` of sentence `si` as a person, organisation or
/// place (or nothing), in order: by its last word or title, by a name the user or the
/// gazetteer knows, by an organisation's word, else as a person.
fn classify(text: &str, toks: &[Tok], a: usize, b: usize, si: usize, out: &mut Vec<Entity>) {
    let Some(run) = Run::new(text, toks, a, b, si) else {
        return;
    };
    if run.by_title_or_area(out) || run.by_known_name(out) || run.by_organisation(out) {
        return;
    }
    run.person(out);
}

/// A capitalised run being classified: its tokens `toks[a..b]` in sentence `si`.
struct Run<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
    a: usize,
    b: usize,
    si: usize,
    run: &'a [Tok<'a>],
    first: &'a Tok<'a>,
    last: &'a Tok<'a>,
    span: Span,
}

impl<'a> Run<'a> {
    /// The run `toks[a..b]`, or none when it is empty.
    fn new(text: &'a str, toks: &'a [Tok<'a>], a: usize, b: usize, si: usize) -> Option<Self> {
        let run = toks.get(a..b).unwrap_or(&[]);
        let (first, last) = (run.first()?, run.last()?);
        Some(Run {
            text,
            toks,
            a,
            b,
            si,
            run,
            first,
            last,
            span: first.span.cover(last.span),
        })
    }

    /// Pushes an untitled entity of `kind` over `span`.
    fn push(&self, out: &mut Vec<Entity>, span: Span, kind: EntityKind) {
        out.push(Entity {
            span,
            name: span.slice(self.text).to_string(),
            title: None,
            kind,
            sentence: self.si,
        });
    }

    /// Decides a run ending in an area's word, naming a part of a city, or holding a title
    /// word before a name; true when decided (an entity pushed or none to push).
    fn by_title_or_area(&self, out: &mut Vec<Entity>) -> bool {
        let (run, first, span) = (self.run, self.first, self.span);
        // "Prince Alder's County": a run ending in an area's word (and no organisation's) is a
        // place, even after a title word
        if run.len() >= 2
            && in_set(self.last, &PLACE_SUFFIXES)
            && !run.iter().any(|t| in_set(t, &ORG_SET))
        {
            self.push(out, span, EntityKind::Place);
            return true;
        }
        // "the South Side", "the Near West Side": a part of a city, never a person; no place
        // either, as the gazetteer cannot tell which city it lies in (two reports of one
        // shooting, one naming the city and one its side, would name no place in common)
        if city_part(run) {
            return true;
        }
        // title + name: the name is the capitalised words after the last title word
        // (a name right after a lower-case title: "spokeswoman Lena Kestrelyan" is handled
        // by the caller's run starting at "Lena")
        let Some(k) = run.iter().rposition(|t| in_set(t, &TITLE_SET)) else {
            return false;
        };
        let org_after_title = run
            .get(k + 1..)
            .is_some_and(|r| r.iter().any(|t| in_set(t, &ORG_SET)));
        if k + 1 >= run.len() || org_after_title {
            return false;
        }
        if furniture::not_a_person(self.toks, self.a + k + 1, self.b) {
            self.push(out, span, EntityKind::Organization);
            return true;
        }
        let name_toks = run.get(k + 1..).unwrap_or(&[]);
        let (Some(n1), Some(n2)) = (name_toks.first(), name_toks.last()) else {
            return false;
        };
        let name_span = n1.span.cover(n2.span);
        let title_span = first.span.cover(run.get(k).map_or(first.span, |t| t.span));
        out.push(Entity {
            span,
            name: name_span.slice(self.text).to_string(),
            title: Some(title_span.slice(self.text).to_string()),
            kind: EntityKind::Person,
            sentence: self.si,
        });
        true
    }

    /// Decides a run the user named as an outlet, a place of the gazetteer (or a region of
    /// one), or a bare title; true when decided.
    fn by_known_name(&self, out: &mut Vec<Entity>) -> bool {
        let (text, toks, a, b, span) = (self.text, self.toks, self.a, self.b, self.span);
        // an outlet the user named in `.copydesk.toml`
        if crate::lexicon::user::is_outlet(span.slice(text)) {
            self.push(out, span, EntityKind::Organization);
            return true;
        }
        // a run naming a place of the gazetteer: "Vermont", "South Dakota", "Alto Paraguay"
        if is_place_name(text, toks, a, b) {
            // "a man from <country>": where someone comes from, not where the story happens
            if origin(text, toks, a, span)
                || modifier(text, toks, b, span)
                || street_name(text, toks, b, span)
            {
                return true;
            }
            self.push(out, place_span(text, span), EntityKind::Place);
            return true;
        }
        // "Northern Uruguay", "Southeastern Paraguay": a region of a known place
        if self.run.len() >= 2
            && in_set(self.first, &crate::lexicon::sets::COMPASS_ADJECTIVES)
            && is_place_name(text, toks, a + 1, b)
        {
            self.push(out, place_span(text, span), EntityKind::Place);
            return true;
        }
        // a bare title ("the Mongolian Foreign Minister", "the Third Secretary") names no one here
        self.last.kind == TokKind::Word && in_set(self.last, &TITLE_SET)
    }

    /// Decides a run with an organisation's or facility's word, an all-capitals acronym, an
    /// outlet's name, a dotted acronym or an administrative area; true when decided.
    fn by_organisation(&self, out: &mut Vec<Entity>) -> bool {
        let (run, span) = (self.run, self.span);
        let all_caps = |t: &Tok| t.text.len() >= 2 && t.text.chars().all(|c| c.is_uppercase());
        if run.iter().any(is_org_word)
            || (run.len() >= 2 && in_set(self.last, &FACILITY_HEADS))
            || (run.len() == 1 && all_caps(self.first))
            || outlets::is_outlet(self.toks, self.a, self.b)
        {
            self.push(out, span, EntityKind::Organization);
            return true;
        }
        // "U.S.": a dotted acronym elsewhere names no one
        if outlets::dotted_acronym(run) {
            return true;
        }
        // "Orrin County", "Velmar Province": an administrative area is a place
        if run.len() >= 2 && in_set(self.last, &PLACE_SUFFIXES) {
            self.push(out, span, EntityKind::Place);
            return true;
        }
        false
    }

    /// A person: two to four names, or any after a lower-case title (with the organisation
    /// right before that title as part of it).
    fn person(&self, out: &mut Vec<Entity>) {
        let (text, toks, a, si) = (self.text, self.toks, self.a, self.si);
        let span = self.span;
        let prev_title = a
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| in_set(p, &TITLE_SET));
        let words = self.run.iter().filter(|t| t.kind == TokKind::Word).count();
        if !((2..=4).contains(&words) || prev_title) {
            return;
        }
        if furniture::not_a_person(toks, a, self.b)
            || labels::nameless(toks, a, self.b)
            || labels::headline(toks, a, self.b)
            || shapes::not_a_person(text, toks, a, self.b)
        {
            self.push(out, span, EntityKind::Organization);
            return;
        }
        let title_tok = a
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .filter(|_| prev_title);
        // "Ruritanian Foreign Ministry spokeswoman Lena Kestrelyan": the organisation right
        // before a lower-case title is part of the title
        let title = title_tok.map(|t| {
            let org = out.last().filter(|e| {
                e.kind == EntityKind::Organization
                    && e.sentence == si
                    && text
                        .get(e.span.end..t.span.start)
                        .is_some_and(|gap| gap.trim().is_empty())
            });
            match org {
                Some(e) => format!("{} {}", e.span.slice(text), t.text),
                None => t.text.to_string(),
            }
        });
        let span = title_tok.map_or(span, |t| {
            if title.as_deref().is_some_and(|x| x.len() > t.text.len()) {
                out.last().map_or(span, |e| e.span.cover(span))
            } else {
                span
            }
        });
        let name_span = self.first.span.cover(self.last.span);
        out.push(Entity {
            span,
            name: name_span.slice(text).to_string(),
            title,
            kind: EntityKind::Person,
            sentence: si,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_organisation_heads_are_organisation_heads() {
        for w in ORG_HEADS_LOWERCASE.iter() {
            assert!(ORG_SET.contains(w), "{w}");
        }
    }

    /// The names of the people `text` names, in order.
    pub(super) fn people(text: &str) -> Vec<String> {
        ents(text)
            .into_iter()
            .filter(|(_, _, k)| *k == EntityKind::Person)
            .map(|(n, ..)| n)
            .collect()
    }

    /// The places `text` names, in order.
    fn places(text: &str) -> Vec<String> {
        ents(text)
            .into_iter()
            .filter(|(_, _, k)| *k == EntityKind::Place)
            .map(|(n, ..)| n)
            .collect()
    }

    fn ents(text: &str) -> Vec<(String, Option<String>, EntityKind)> {
        let a = crate::article::read(text);
        extract(text, &a)
            .into_iter()
            .map(|e| (e.name, e.title, e.kind))
            .collect()
    }

    #[test]
    fn a_newspaper_is_an_organisation() {
        let e = ents("The Larkmoor Herald and the Quellby Gazette both ran the photo.");
        assert!(
            e.iter().all(|(_, _, k)| *k == EntityKind::Organization),
            "{e:?}"
        );
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn a_weekday_after_a_name_is_no_part_of_it() {
        let e =
            ents("Two men were hurt near Larkmoor Quay Sunday, Chief Dana Quellby Monday said.");
        let names: Vec<&str> = e.iter().map(|(n, ..)| n.as_str()).collect();
        assert!(names.contains(&"Larkmoor Quay"), "{names:?}");
        assert!(names.contains(&"Dana Quellby"), "{names:?}");
        assert!(!names
            .iter()
            .any(|n| n.contains("Sunday") || n.contains("Monday")));
    }

    #[test]
    fn people_with_titles() {
        let e = ents(
            "The talks were led by Mongolian Foreign Minister Dmitry Korlanov in Ulaanbaatar.",
        );
        assert!(e.contains(&(
            "Dmitry Korlanov".into(),
            Some("Mongolian Foreign Minister".into()),
            EntityKind::Person
        )));
        let e = ents("The figure came from spokeswoman Lena Orvik on Monday.");
        assert!(e.contains(&(
            "Lena Orvik".into(),
            Some("spokeswoman".into()),
            EntityKind::Person
        )));
        let e = ents("It was confirmed by Interior Ministry spokesman Karel Novak on Monday.");
        assert!(
            e.contains(&(
                "Karel Novak".into(),
                Some("Interior Ministry spokesman".into()),
                EntityKind::Person
            )),
            "{e:?}"
        );
    }

    #[test]
    fn administrative_areas_are_places() {
        let e = ents("date 2030-04-02 Officials in Orrin County and Velmar Province said so.");
        assert!(
            e.contains(&("Orrin County".into(), None, EntityKind::Place)),
            "{e:?}"
        );
        assert!(
            e.contains(&("Velmar Province".into(), None, EntityKind::Place)),
            "{e:?}"
        );
    }

    #[test]
    fn an_area_after_a_title_word_is_a_place_and_a_side_of_town_no_person() {
        let e = ents(
            "date 2030-04-02 Deputies in Prince Alder's County said a man was hurt on the \
             Lower Northwest Side and another near the East End.",
        );
        assert!(
            e.contains(&("Prince Alder's County".into(), None, EntityKind::Place)),
            "{e:?}"
        );
        assert!(!e.iter().any(|x| x.2 == EntityKind::Person), "{e:?}");
        let e = ents("date 2030-04-02 Sheriff Tom Reed said Elmwick Borough was quiet.");
        assert!(
            e.contains(&("Elmwick Borough".into(), None, EntityKind::Place)),
            "{e:?}"
        );
        // an organisation named for its county stays an organisation
        let e = ents("date 2030-04-02 The Board of Elections of Fernley County met.");
        assert!(!e.iter().any(|x| x.2 != EntityKind::Organization), "{e:?}");
    }

    #[test]
    fn states_are_places() {
        let e = ents("Three others were hurt in South Dakota, and one in New Mexico and Vermont.");
        for state in ["South Dakota", "New Mexico", "Vermont"] {
            assert!(
                e.contains(&(state.into(), None, EntityKind::Place)),
                "{state}: {e:?}"
            );
        }
        assert!(!e.iter().any(|x| x.2 == EntityKind::Person), "{e:?}");
    }

    #[test]
    fn a_country_named_as_someone_s_origin_is_no_place_of_the_story() {
        let none: Vec<String> = Vec::new();
        assert_eq!(
            places("date 2030-04-02 A man from Uruguay was hurt, police said."),
            none
        );
        assert_eq!(
            places("date 2030-04-02 The victim, a native of Mongolia, had moved from Uruguay."),
            none
        );
        assert_eq!(
            places("date 2030-04-02 His family will fly his body back to Mongolia, they said."),
            none
        );
        // a country the story happens in, or that acts in it, stays a place
        assert_eq!(
            places("date 2030-04-02 Two people were hurt in Mongolia, with aid from Uruguay."),
            ["Mongolia", "Uruguay"]
        );
    }

    #[test]
    fn a_country_in_a_street_s_name_is_no_place_of_the_story() {
        let none: Vec<String> = Vec::new();
        assert_eq!(
            places("date 2030-04-02 Shots were fired at Mongolia and Elm avenues, police said."),
            none
        );
        assert_eq!(
            places("date 2030-04-02 The car was found near Uruguay street on Monday."),
            none
        );
        // a country joined to another by "and" stays a place
        assert_eq!(
            places("date 2030-04-02 Aid reached Mongolia and Uruguay on Monday."),
            ["Mongolia", "Uruguay"]
        );
    }

    #[test]
    fn a_country_modifying_a_veteran_or_a_war_is_no_place_of_the_story() {
        let none: Vec<String> = Vec::new();
        assert_eq!(
            places("date 2030-04-02 The man shot on the porch, a Mongolia veteran, was 71."),
            none
        );
        assert_eq!(
            places("date 2030-04-02 His grandfather had served in the Uruguay war, she said."),
            none
        );
        // a country the story happens in stays a place, with a possessive too
        assert_eq!(
            places("date 2030-04-02 Mongolia's war dead were buried in Uruguay on Monday."),
            ["Mongolia", "Uruguay"]
        );
    }

    #[test]
    fn a_region_of_a_known_place_is_a_place_not_a_person() {
        let e = ents("The hailstorm hit southern Paraguay and Northern Uruguay on Friday.");
        assert!(
            e.contains(&("Northern Uruguay".into(), None, EntityKind::Place)),
            "{e:?}"
        );
        assert!(!e.iter().any(|x| x.2 == EntityKind::Person), "{e:?}");
    }

    #[test]
    fn a_school_a_jail_or_a_department_s_office_is_no_person() {
        let p = people(
            "Dana Quellby, a student at Fennick High School, was hurt near Orrin Apartments. \
             Both went to Talbot High. The suspect was taken to Marlow County Jail, according \
             to the Fire Department's news office.",
        );
        assert_eq!(p, ["Dana Quellby"]);
    }

    #[test]
    fn a_middle_initial_keeps_a_name_whole() {
        let p = people("Police said Remy J. Vantorre and Ines K. L. Pollard were hurt.");
        assert_eq!(p, ["Remy J. Vantorre", "Ines K. L. Pollard"]);
        // an acronym's letters join no name
        let e = ents("U.S. Army officers said so.");
        assert!(!e.iter().any(|x| x.2 == EntityKind::Person), "{e:?}");
    }

    #[test]
    fn organisations_and_places() {
        let e = ents("The Council and the UNDC met in Thimphu, the defense ministry said.");
        assert!(e
            .iter()
            .any(|x| x.0 == "Council" && x.2 == EntityKind::Organization));
        assert!(e
            .iter()
            .any(|x| x.0 == "UNDC" && x.2 == EntityKind::Organization));
        assert!(e
            .iter()
            .any(|x| x.0 == "Thimphu" && x.2 == EntityKind::Place));
        assert!(e
            .iter()
            .any(|x| x.0 == "defense ministry" && x.2 == EntityKind::Organization));
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn bare_titles_are_not_people_and_places_win_over_acronyms() {
        let text = "The talks were chaired by the Foreign Minister in the US.";
        let a = crate::article::read(text);
        let e = extract(text, &a);
        assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
        assert!(
            e.iter()
                .any(|x| x.name == "US" && x.kind == EntityKind::Place),
            "{e:?}"
        );
    }
    #[test]
    fn a_company_named_with_a_short_head_is_no_person() {
        let text = "Velmary Power Co said its profit rose, and Orvik Holdings plc agreed.";
        let a = crate::article::read(text);
        let e = extract(text, &a);
        assert!(!e.iter().any(|x| x.kind == EntityKind::Person), "{e:?}");
        assert!(
            e.iter().any(|x| x.kind == EntityKind::Organization),
            "{e:?}"
        );
    }
}

//! The details that tell one incident from another of the same kind: the ages of the people
//! in it ("a 17-year-old", "Jane Roe, 34,"), the times of day it names ("about 2:30 a.m."),
//! the street blocks ("the 1200 block of"), the parts of town ("southwest Hilltown", "the East
//! Side") and the days it happened on ("late Saturday"). Two shootings in one city a week apart share
//! every word of the story; they rarely share these. Also whether it tells of a later death,
//! which lets a small toll change between two reports of one incident (see `matching`), and
//! the sex of the one victim its lead tells of ("a woman was shot"; see [`super::victim`]).

use crate::analysis::Analysis;
use crate::lexicon::sets::{CITY_PART_NOUNS, LATER_ADVERBS};
use crate::text::{tokenize, Tok, TokKind};
use crate::time::Value;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::word_set!(
    /// Words after a number that make it an age ("34-year-old", "a five-year-old").
    AGE_SUFFIXES = file "age-suffixes.txt"
);
crate::word_set!(
    /// Verbs that tell a later death by themselves ("succumbed").
    LATER_DEATH_VERBS = file "toll-change-words.tsv", tag "verb"
);
crate::word_set!(
    /// Words that name deaths ("died", "killed", "toll").
    DEATH_WORDS = file "measure-words.tsv", tag "killed"
);

/// At most this many of each kind of detail are kept (a long round-up names dozens).
const MAX_EACH: usize = 64;

/// Two times of day this many minutes apart or less count as the same moment ("about 2:30"
/// and "2:45 a.m." tell one shooting).
const SAME_TIME_MINUTES: i32 = 60;

/// An article's distinguishing details, each list sorted and without repeats.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    /// Ages of people, in years.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ages: Vec<u16>,
    /// Local times of day (no zone given), in minutes after midnight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<u16>,
    /// The first local time of day the text writes (a report opens with when it happened).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_time: Option<u16>,
    /// Street block numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<u32>,
    /// The days its incident happened on (see [`super::event_days::event_days`]); a report
    /// naming a country keeps none (see [`Details::for_country`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<NaiveDate>,
    /// True when it tells of a later death ("succumbed", "later died"): its toll may differ
    /// from an earlier report's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub toll_changed: bool,
    /// The parts of a town it names by compass points ("southwest Hilltown", "the East Side"),
    /// each as bits of its points (see [`quarter_at`]), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quarters: Vec<u8>,
    /// The parts of a town its lead names by name ("the Alder Park neighborhood", "<city>'s
    /// Fennick neighbourhood"; see [`area_at`]), lowercase, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// The parts of a town named by name after the lead (a round-up tells of many), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later_areas: Vec<String>,
    /// The sex of the one victim its lead tells of, when it tells of one only (see
    /// [`super::victim::lone_victim`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victim: Option<super::victim::Sex>,
    /// The places its opening sentences name, as the summary's places are written (see
    /// [`super::apart::lead_places`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead_places: Vec<String>,
    /// The whole toll its lead states (see [`super::lead_toll::lead_toll`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_toll: Option<super::lead_toll::LeadToll>,
    /// The words of the streets its lead names (see [`super::street::street_at`]), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub streets: Vec<String>,
    /// The name words of its lead (see [`super::street::name_word`]), lowercase, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead_words: Vec<String>,
    /// Each figure's holder by the figure's start byte (see [`super::holder::holders`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holders: Vec<(usize, String)>,
    /// The start bytes of the figures that count one person's family (see
    /// [`super::holder::family_figures`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub family: Vec<usize>,
}

impl Details {
    /// True when no detail was found.
    pub fn is_empty(&self) -> bool {
        self.ages.is_empty()
            && self.times.is_empty()
            && self.blocks.is_empty()
            && self.days.is_empty()
            && !self.toll_changed
            && self.quarters.is_empty()
            && self.areas.is_empty()
            && self.later_areas.is_empty()
            && self.victim.is_none()
            && self.lead_time.is_none()
            && self.lead_places.is_empty()
            && self.lead_toll.is_none()
            && self.streets.is_empty()
            && self.lead_words.is_empty()
            && self.holders.is_empty()
            && self.family.is_empty()
    }

    /// The details of a report that names a country: no days, as news told for a country (a
    /// war, a quake's toll) runs for days in other reports that name other days.
    pub fn for_country(mut self) -> Details {
        self.days.clear();
        self.lead_time = None;
        self
    }

    /// The details of an analysed article.
    pub fn of(a: &Analysis) -> Details {
        // the prose only: a related story's headline is another incident
        let text = a.article.prose(&a.text);
        let toks = tokenize(&text, a.article.body);
        let mut d = Details::default();
        let mut victims = Vec::new();
        // parts of a town and the victim from the lead only: a later paragraph names where else things happened
        let lead_end = a
            .article
            .sentences
            .get(AREA_LEAD_SENTENCES - 1)
            .or(a.article.sentences.last())
            .map_or(0, |s| s.span.end);
        for i in 0..toks.len() {
            if let Some(age) = age_at(&toks, i) {
                d.ages.push(age);
            }
            if let Some(b) = block_at(&toks, i) {
                d.blocks.push(b);
            }
            let in_lead = toks.get(i).is_some_and(|t| t.span.start < lead_end);
            if let Some(q) = quarter_at(&toks, i, in_lead) {
                d.quarters.push(q);
            }
            if let Some(v) = in_lead
                .then(|| super::victim::victim_at(&toks, i))
                .flatten()
            {
                victims.push(v);
            }
            if in_lead {
                d.streets.extend(super::street::street_at(&toks, i));
                if let Some(t) = toks.get(i).filter(|t| super::street::name_word(t)) {
                    d.lead_words.push(t.text.to_lowercase());
                }
            }
            if let Some(n) = area_at(&toks, i) {
                if in_lead {
                    d.areas.push(n);
                } else {
                    d.later_areas.push(n);
                }
            }
        }
        d.victim = super::victim::lone_victim(&victims);
        d.lead_toll = super::lead_toll::lead_toll(a, lead_end);
        for v in [
            &mut d.areas,
            &mut d.later_areas,
            &mut d.streets,
            &mut d.lead_words,
        ] {
            v.sort_unstable();
            v.dedup();
            v.truncate(MAX_EACH);
        }
        d.quarters.sort_unstable();
        d.quarters.dedup();
        for t in &a.dates {
            // a time given in a zone is often another zone's (the wire's clock, UTC): only
            // local times, as a local report gives them, are compared
            if let Value::Time {
                hour,
                minute,
                zone: None,
            } = t.value
            {
                if hour < 24 && minute < 60 {
                    let m = (hour * 60 + minute) as u16;
                    d.lead_time.get_or_insert(m);
                    d.times.push(m);
                }
            }
        }
        for v in [&mut d.ages, &mut d.times] {
            v.sort_unstable();
            v.dedup();
            v.truncate(MAX_EACH);
        }
        d.blocks.sort_unstable();
        d.blocks.dedup();
        d.blocks.truncate(MAX_EACH);
        d.days = super::event_days::event_days(a);
        d.toll_changed = (0..toks.len()).any(|i| later_death_at(&toks, i));
        d.lead_places = super::apart::lead_places(a);
        d.holders = super::holder::holders(a);
        d.family = super::holder::family_figures(a);
        d
    }
}

/// True when token `i` tells of a later death: "succumbed", or an adverb of later time within
/// two words of a death word ("later died", "died later", "has since died").
fn later_death_at(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i).filter(|t| t.kind == TokKind::Word) else {
        return false;
    };
    if LATER_DEATH_VERBS.contains(t.text) {
        return true;
    }
    LATER_ADVERBS.contains(t.text)
        && toks[i.saturating_sub(2)..toks.len().min(i + 3)]
            .iter()
            .any(|w| w.kind == TokKind::Word && DEATH_WORDS.contains(w.text))
}

/// A number token's value, or a spelled-out cardinal's.
fn number(t: &Tok) -> Option<u32> {
    match t.kind {
        TokKind::Num if t.text.len() <= 6 => t.text.parse().ok(),
        TokKind::Word => crate::time::lexicon::cardinal(t.text),
        _ => None,
    }
}

/// A plausible age in years.
fn age(n: u32) -> Option<u16> {
    (1..=110).contains(&n).then_some(n as u16)
}

/// The age told at token `i`: "34-year-old" (a number, a hyphen, an age word), "five-year-old"
/// (one word), or a name's apposition "Roe, 34," (a capitalised word, a comma, a number of one
/// or two digits, a comma).
fn age_at(toks: &[Tok], i: usize) -> Option<u16> {
    let t = toks.get(i)?;
    if t.kind == TokKind::Word {
        // "five-year-old", "five-year-olds"
        let (head, tail) = t.text.split_once('-')?;
        if AGE_SUFFIXES.contains(tail) {
            return age(crate::time::lexicon::cardinal(head)?);
        }
        return None;
    }
    if t.kind != TokKind::Num {
        return None;
    }
    let next = toks.get(i + 1);
    // "34-year-old", "34 year-old"
    let word = match next {
        Some(h) if h.is_punct('-') && h.span.start == t.span.end => toks.get(i + 2),
        n => n,
    };
    if word.is_some_and(|w| w.kind == TokKind::Word && AGE_SUFFIXES.contains(w.text)) {
        return age(number(t)?);
    }
    // "Roe, 34,"
    let before = i.checked_sub(2).and_then(|k| toks.get(k));
    let comma_before = i.checked_sub(1).and_then(|k| toks.get(k));
    let apposition = t.text.len() <= 2
        && comma_before.is_some_and(|c| c.is_punct(','))
        && next.is_some_and(|c| c.is_punct(','))
        && before.is_some_and(|w| {
            w.kind == TokKind::Word
                && w.text.chars().next().is_some_and(char::is_uppercase)
                && w.text.chars().skip(1).any(char::is_lowercase)
                && crate::time::lexicon::month(w.text).is_none()
                && crate::time::lexicon::weekday(w.text).is_none()
        });
    if apposition {
        return age(number(t)?);
    }
    None
}

/// The points of a compass word as bits, one per point of compass-points.txt in its order
/// ("north" 1, "southwest" 2 | 8); None for any other word.
fn compass_bits(w: &str) -> Option<u8> {
    let points = &crate::lexicon::sets::COMPASS_POINT_SET;
    let bit = |x: &str| -> Option<u8> {
        let i = points
            .words()
            .iter()
            .position(|p| p.eq_ignore_ascii_case(x))?;
        u32::try_from(i).ok().and_then(|i| 1u8.checked_shl(i))
    };
    bit(w).or_else(|| {
        (1..w.len()).find_map(|i| {
            let (x, y) = (w.get(..i)?, w.get(i..)?);
            Some(bit(x)? | bit(y)?)
        })
    })
}

/// The part of a town named at token `i`: a lowercase compass point before a capitalised
/// name that is no street ("southwest Hilltown"), a compass point before a city-part noun
/// ("the East Side", "the west side"), or, in the lead (`in_lead`), a capitalised one before
/// a one-word name that is no place of its own (see [`capital_quarter`]).
fn quarter_at(toks: &[Tok], i: usize, in_lead: bool) -> Option<u8> {
    let t = toks.get(i).filter(|t| t.kind == TokKind::Word)?;
    // a compass word opens with a point's first letter: most words stop here
    let first = t.text.bytes().next()?.to_ascii_lowercase();
    let points = crate::lexicon::sets::COMPASS_POINT_SET.words();
    if !points.iter().any(|p| p.as_bytes().first() == Some(&first)) {
        return None;
    }
    let bits = compass_bits(t.text)?;
    let next = toks.get(i + 1).filter(|t| t.kind == TokKind::Word)?;
    if CITY_PART_NOUNS.contains(next.text) {
        return Some(bits);
    }
    let lower = t.text.chars().next().is_some_and(char::is_lowercase);
    let name = next.text.chars().next().is_some_and(char::is_uppercase);
    let street = toks
        .iter()
        .skip(i + 1)
        .take(3)
        .any(|t| super::matching::STREET_NOUNS.contains(t.text));
    if !name || street {
        return None;
    }
    (lower || (in_lead && capital_quarter(toks, i))).then_some(bits)
}

/// True when the capitalised compass word at token `i` opens a part of a town: "near West
/// Fennick", "in North Orme". It follows a lowercase word, the name after it is one word (a
/// longer name, "West Gate Mall", is a place of its own), and the two are no place of the
/// gazetteer ("West Tessaly", a state), nor is the name a place wider than a town ("North
/// Africa", see [`wider_than_a_town`]) or a company's head ("Southwest Corp").
fn capital_quarter(toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word);
    let after_lower = i
        .checked_sub(1)
        .and_then(word)
        .is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase));
    let (Some(t), Some(name)) = (word(i), word(i + 1)) else {
        return false;
    };
    let one_word = !word(i + 2).is_some_and(Tok::is_capitalized);
    after_lower
        && one_word
        && name.text.chars().all(char::is_alphabetic)
        && !crate::entities::COMPANY_HEADS.contains(name.text)
        && !wider_than_a_town(name.text)
        && crate::lexicon::places::lookup(&format!("{} {}", t.text, name.text)).is_empty()
}

/// True when a name may name a continent, a country or a state ("Africa" of "North Africa",
/// "Tessaly" of "West Tessaly"): a compass word before it names a part of that, no part of a
/// town.
fn wider_than_a_town(name: &str) -> bool {
    use crate::lexicon::places::PlaceKind;
    crate::lexicon::places::lookup(name).iter().any(|p| {
        matches!(
            p.kind,
            PlaceKind::Continent | PlaceKind::Country | PlaceKind::Region
        )
    })
}

crate::word_set!(
    /// Nouns after a name that make it a part of a town ("the Alder Park neighborhood").
    NEIGHBOURHOOD_NOUNS = file "neighbourhood-nouns.txt"
);

/// Sentences that open a report (headline, dateline, lead), where it says where its incident
/// happened: the parts of a town ([`Details::areas`]) are read there only.
const AREA_LEAD_SENTENCES: usize = 5;

/// Most words of a part of a town's name ("Back of the Yards" is longer; it is then missed).
const AREA_WORDS: usize = 3;

/// The part of a town named at token `i`, a neighbourhood noun ([`NEIGHBOURHOOD_NOUNS`]), by
/// the capitalised words before it, which follow "the" or a place's possessive ("the Alder
/// Park neighborhood", "<city>'s Fennick neighbourhood"); lowercase, words joined by a space.
fn area_at(toks: &[Tok], i: usize) -> Option<String> {
    let noun = toks.get(i).filter(|t| t.kind == TokKind::Word)?;
    if !NEIGHBOURHOOD_NOUNS.contains(noun.text) || noun.is_capitalized() {
        return None;
    }
    let possessive = |t: &Tok| t.text.ends_with("'s") || t.text.ends_with("\u{2019}s");
    let name_word = |t: &Tok| t.kind == TokKind::Word && t.is_capitalized() && !possessive(t);
    let n = (1..=AREA_WORDS)
        .take_while(|k| {
            i.checked_sub(*k)
                .and_then(|j| toks.get(j))
                .is_some_and(name_word)
        })
        .count();
    let start = i.checked_sub(n).filter(|_| n > 0)?;
    let before = toks.get(start.checked_sub(1)?)?;
    let opens = before.kind == TokKind::Word
        && (before.text.eq_ignore_ascii_case("the")
            || (before.is_capitalized() && possessive(before)));
    if !opens {
        return None;
    }
    let words: Vec<String> = toks
        .get(start..i)?
        .iter()
        .map(|t| t.text.to_lowercase())
        .collect();
    Some(words.join(" "))
}

/// True when two reports each name parts of a town by name ([`area_at`]) and none in common:
/// two incidents of one town (one incident happens in one part of it). A report of one
/// incident counts the parts its lead names; a round-up (`wide_a`, `wide_b`) every part it
/// names, as it tells of many incidents.
pub fn areas_apart(a: &Details, wide_a: bool, b: &Details, wide_b: bool) -> bool {
    let all = |d: &Details, wide: bool| -> Vec<String> {
        let mut v = d.areas.clone();
        if wide {
            v.extend(d.later_areas.iter().cloned());
            v.sort_unstable();
            v.dedup();
        }
        v
    };
    let (x, y) = (all(a, wide_a), all(b, wide_b));
    !x.is_empty() && !y.is_empty() && super::matching::shared(&x, &y) == 0
}

/// True when the leads of two reports each tell of one victim only, by sex, and the two
/// differ (a woman shot in one, a man shot in the other): two incidents, whatever else
/// they share (one story of a town's shootings is told in the same words).
pub fn victims_apart(a: &Details, b: &Details) -> bool {
    matches!((a.victim, b.victim), (Some(x), Some(y)) if x != y)
}

/// The block number at token `i`: "1200 block".
fn block_at(toks: &[Tok], i: usize) -> Option<u32> {
    let t = toks.get(i)?;
    let n = toks.get(i + 1)?;
    (t.kind == TokKind::Num
        && n.kind == TokKind::Word
        && crate::lexicon::sets::ADDRESS_NOUNS.contains(n.text))
    .then(|| number(t))
    .flatten()
}

/// How two articles' details compare: +1 for each kind both give that has a value in common
/// (times within [`SAME_TIME_MINUTES`]), −1 for each kind both give with none in common (ages,
/// blocks, days, parts of town; times only when the first times written are
/// [`LEAD_TIMES_APART`]: see the body), except that days and parts of town in common add
/// nothing; 0 when they give no kind in common.
pub fn agreement(a: &Details, b: &Details) -> i32 {
    let mut score = 0;
    let mut kind = |some: bool, common: bool| {
        if some {
            score += if common { 1 } else { -1 };
        }
    };
    kind(
        !a.ages.is_empty() && !b.ages.is_empty(),
        super::matching::shared(&a.ages, &b.ages) > 0,
    );
    kind(
        !a.blocks.is_empty() && !b.blocks.is_empty(),
        super::matching::shared(&a.blocks, &b.blocks) > 0,
    );
    let close = times_close(a, b);
    // times that differ say little (a story told over hours names other moments: when it
    // happened, when the victim died, when the police spoke); times that agree say much
    kind(close, close);
    // but no time in common and the first times the two write hours apart (a report opens with
    // when it happened) are two incidents: one story's later moments come after its first
    if !close && lead_times_apart(a, b) {
        score -= 1;
    }
    // two shootings of one town on one day are common: a day in common says little, days
    // apart say much (a follow-up names the day it follows up, a round-up every day)
    // parts of a town with no compass point in common ("northeast" and "southwest") are two
    // places; a part in common says little (a town's shootings cluster in a few parts)
    if quarters_apart(a, b) {
        score -= 1;
    }
    let days_apart =
        !a.days.is_empty() && !b.days.is_empty() && super::matching::shared(&a.days, &b.days) == 0;
    if days_apart {
        score -= 1;
    }
    score
}

/// [`agreement`] less an age in common when each report gives an age the other does not: two
/// incidents of one town each name a handful of ages and share one by chance, while two
/// reports of one incident name the same people (one may name more of them). For telling
/// look-alike incidents apart; a shared age still keeps two reports from [`differ`]ing.
pub fn ties(a: &Details, b: &Details) -> i32 {
    let common = super::matching::shared(&a.ages, &b.ages);
    let by_chance = common > 0 && common < a.ages.len().min(b.ages.len());
    agreement(a, b) - i32::from(by_chance)
}

/// True when both articles name parts of a town and no part of one shares a compass point
/// with a part of the other.
fn quarters_apart(a: &Details, b: &Details) -> bool {
    !a.quarters.is_empty()
        && !b.quarters.is_empty()
        && a.quarters
            .iter()
            .all(|x| b.quarters.iter().all(|y| x & y == 0))
}

/// Lead times of day this many minutes apart or more tell two incidents.
const LEAD_TIMES_APART: i32 = 180;

/// True when both articles write a first time of day and the two are at least
/// [`LEAD_TIMES_APART`] apart.
fn lead_times_apart(a: &Details, b: &Details) -> bool {
    match (a.lead_time, b.lead_time) {
        (Some(x), Some(y)) => {
            let d = (i32::from(x) - i32::from(y)).abs();
            d.min(24 * 60 - d) >= LEAD_TIMES_APART
        }
        _ => false,
    }
}

/// True when two articles give times of day within [`SAME_TIME_MINUTES`] of each other.
fn times_close(a: &Details, b: &Details) -> bool {
    a.times.iter().any(|x| {
        b.times.iter().any(|y| {
            let d = (i32::from(*x) - i32::from(*y)).abs();
            // "11:50 p.m." and "12:10 a.m." are twenty minutes apart
            d.min(24 * 60 - d) <= SAME_TIME_MINUTES
        })
    })
}

/// True when two articles' details say they tell different incidents: more kinds of detail
/// disagree (ages or street blocks with none in common) than agree.
pub fn differ(a: &Details, b: &Details) -> bool {
    agreement(a, b) < 0
}

/// [`differ`] for two reports that each tell one incident (no round-up of a city's
/// shootings): street blocks with none in common weigh against an age in common when each
/// report gives an age the other lacks (see [`ties`]): two shootings of one town name a
/// handful of ages each and share one by chance, while one incident happens on one block.
/// Leads naming streets with no word in common weigh one kind more against (see
/// [`super::street::streets_apart`]) when both tell `small` tolls only (a town-wide disaster's
/// reports name its different streets).
pub fn differ_as_one_incident(a: &Details, b: &Details, small: bool) -> bool {
    let blocks_apart = !a.blocks.is_empty()
        && !b.blocks.is_empty()
        && super::matching::shared(&a.blocks, &b.blocks) == 0;
    // leads naming streets with no word in common: two places, as blocks apart are
    let streets = i32::from(
        small && super::street::streets_apart(&a.streets, &a.lead_words, &b.streets, &b.lead_words),
    );
    if blocks_apart {
        ties(a, b) - streets < 0
    } else {
        agreement(a, b) - streets < 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details(text: &str) -> Details {
        Details::of(&Analysis::new(text))
    }

    #[test]
    fn details_of_the_lead_only_survive_the_cache() {
        // a summary is cached as JSON: details with only lead places, holders or a family
        // figure are details all the same, not left out as empty
        let d = Details {
            lead_places: vec!["velmar bay".into()],
            holders: vec![(12, "the otters".into())],
            family: vec![40],
            lead_time: Some(90),
            ..Details::default()
        };
        assert!(!d.is_empty());
        #[derive(Serialize, Deserialize)]
        struct Wrap {
            #[serde(default, skip_serializing_if = "Details::is_empty")]
            details: Details,
        }
        let json = serde_json::to_string(&Wrap { details: d.clone() }).expect("json");
        let back: Wrap = serde_json::from_str(&json).expect("parse");
        assert_eq!(back.details, d);
        assert!(Details::default().is_empty());
    }

    #[test]
    fn ages_times_and_blocks_are_read() {
        let d = details(
            "A 19-year-old man was hurt and a nine-year-old girl was unharmed after shots rang \
             out around 11:40 p.m. in the 4300 block of a side street. Sam Doe, 23, was held.",
        );
        assert_eq!(d.ages, vec![9, 19, 23]);
        assert_eq!(d.blocks, vec![4300]);
        assert_eq!(d.times, vec![23 * 60 + 40]);
    }

    #[test]
    fn parts_of_a_town_are_read_by_name() {
        let d = details(
            "Two men were shot in Quillby's Alder Park neighborhood. Another man was hurt in \
             the Fennick neighbourhood on Friday. A Neighborhood Watch meeting was held.",
        );
        assert_eq!(
            d.areas,
            vec!["alder park".to_string(), "fennick".to_string()]
        );
        let other = details("A woman was shot in the Orme Heights neighborhood, police said.");
        assert!(areas_apart(&d, false, &other, false));
        let fennick = details("Police patrolled the Fennick neighborhood.");
        assert!(!areas_apart(&d, false, &fennick, false));
        assert!(!areas_apart(
            &d,
            false,
            &details("A man was shot, police said."),
            false
        ));
        // past the lead, a report of one incident names where else things happened; a
        // round-up tells of every part it names
        let late = details(
            "A man was shot in the Orme Heights neighborhood. Police came. Medics came. A crowd \
             formed. Officers left. Last week a woman was hurt in the Fennick neighborhood.",
        );
        assert_eq!(late.later_areas, vec!["fennick".to_string()]);
        assert!(areas_apart(&late, false, &fennick, false));
        assert!(!areas_apart(&late, true, &fennick, false));
    }

    #[test]
    fn conflicting_details_mean_different_incidents() {
        let one = details("A 22-year-old woman was shot about 1:15 a.m. in the 800 block.");
        let same = details("Police said Jane Roe, 22, was wounded at 1:30 a.m. on Sunday.");
        let other = details("A 41-year-old man was shot at 6 p.m. in the 2100 block.");
        let bare = details("A man was shot on the east side, police said.");
        assert_eq!(agreement(&one, &same), 2);
        assert!(!differ(&one, &same));
        // ages, blocks, and first times hours apart with no time in common
        assert_eq!(agreement(&one, &other), -3);
        assert!(differ(&one, &other));
        // nothing to compare says nothing
        assert!(!differ(&one, &bare));
        // a round-up that names this shooting among others agrees with it
        let roundup = details(
            "A 22-year-old woman was shot about 1:15 a.m. Later a 35-year-old man was shot at \
             4 p.m. in the 100 block.",
        );
        assert!(!differ(&one, &roundup));
    }

    #[test]
    fn blocks_apart_outweigh_an_age_shared_by_chance_in_one_incident_reports() {
        let one = details(
            "At 9:40 p.m. a 31-year-old man and a 52-year-old woman were shot in the 7700 \
             block of a quiet street.",
        );
        let other = details(
            "Around 8:20 p.m. a 31-year-old man and a 19-year-old man were wounded in the 300 \
             block of a side street.",
        );
        // one age in common, blocks apart: nothing either way on balance ...
        assert_eq!(agreement(&one, &other), 0);
        assert!(!differ(&one, &other));
        // ... but each gives an age the other lacks: two incidents, one block each
        assert!(differ_as_one_incident(&one, &other, true));
        // the same ages (one report names fewer) tie them whatever the blocks
        let fewer = details("A man, 31, was shot at 9:45 p.m. in the 7900 block, police said.");
        assert!(!differ_as_one_incident(&one, &fewer, true));
        // the same block keeps them one incident
        let same_block = details("A 19-year-old and a 31-year-old were shot in the 7700 block.");
        assert!(!differ_as_one_incident(&one, &same_block, true));
    }

    #[test]
    fn parts_of_town_with_no_compass_point_in_common_disagree() {
        let sw = details("Gunfire wounded two men in southwest Millbrook, police said.");
        let area = details("It happened in the southwest area of the city on a quiet lane.");
        let ne = details("Two people were hurt on the northeast side after an argument.");
        let south = details("A man was shot on the South Side late at night.");
        let street = details("A man was shot on west Orme Avenue near a bakery.");
        assert_eq!(sw.quarters, area.quarters);
        assert_eq!(agreement(&sw, &ne), -1);
        assert!(differ(&area, &ne));
        // a compass point in common says nothing either way
        assert_eq!(agreement(&sw, &south), 0);
        // a street named by a compass point is no part of town
        assert!(street.quarters.is_empty());
        // a capitalised compass word opens a name ("West Gate Mall"), not a part of town
        assert!(details("Shots rang out at West Gate Mall.")
            .quarters
            .is_empty());
        // ... unless a one-word name follows it in the lead: "near West Fennick"
        let west = details("Nine people were hurt when a man opened fire near West Fennick.");
        assert_eq!(west.quarters.len(), 1);
        assert!(differ(&west, &ne));
        assert!(!differ(&west, &sw));
        // a place of the gazetteer is a place of its own, not a part of town
        assert!(details("A man from South Africa was shot near a store.")
            .quarters
            .is_empty());
        // and so is a part of a continent or a state
        assert!(details("Cables were cut between Sicily and North Africa.")
            .quarters
            .is_empty());
        // and a name opening a sentence is no part of town
        assert!(details("North Orme fell silent.").quarters.is_empty());
    }

    #[test]
    fn an_age_a_block_or_a_close_time_agrees() {
        let early = details("A 30-year-old man was shot at 11:50 p.m. in the 600 block.");
        let age = details("Police said Ned Hollis, 30, was hurt.");
        let block = details("Shots were fired in the 600 block of a quiet road.");
        let time = details("A man was found wounded at 12:20 a.m.");
        let later = details("A 57-year-old was shot at 9 a.m. in the 3100 block.");
        for d in [&age, &block, &time] {
            assert!(agreement(&early, d) > 0);
        }
        assert!(agreement(&early, &later) <= 0);
        assert_eq!(agreement(&early, &Details::default()), 0);
    }

    #[test]
    fn an_age_each_report_lacks_makes_a_shared_one_no_tie() {
        let one = details("A 19-year-old and a 52-year-old were shot in the 800 block.");
        let other = details("A 19-year-old and a 33-year-old were shot in the 800 block.");
        let fewer = details("Police said a 19-year-old was hurt in the 800 block.");
        assert_eq!(agreement(&one, &other), 2);
        assert_eq!(ties(&one, &other), 1);
        // one report naming fewer of the same people still ties by age
        assert_eq!(ties(&one, &fewer), 2);
    }

    #[test]
    fn first_times_hours_apart_with_none_in_common_mean_two_incidents() {
        let evening = details("A man was shot at 7:10 p.m. outside a store, police said.");
        let night = details("At 11:45 p.m. a man was wounded near a gas station.");
        let told =
            details("The man shot at 7:20 p.m. died at 11:45 p.m., police said at a briefing.");
        let later = details("Police spoke at 10 a.m. about the man shot at 7:15 p.m.");
        assert_eq!(evening.lead_time, Some(19 * 60 + 10));
        assert!(differ(&evening, &night));
        // a time in common outweighs first times apart (a later moment of the same story)
        assert!(!differ(&evening, &later));
        assert!(!differ(&night, &told));
        // a report naming a country keeps no first time (news told for days)
        assert!(!differ(&evening, &night.clone().for_country()));
        // one or two hours apart says nothing
        let soon = details("A man was wounded at 8:50 p.m. on a side street.");
        assert!(!differ(&evening, &soon));
    }

    #[test]
    fn a_lone_victim_of_each_sex_means_two_incidents() {
        let woman = details("A woman was shot Friday night outside a house in Hilltown.");
        let man = details("Police said a gunman killed a man on Birch Avenue in Hilltown.");
        let her = details("A 29-year-old woman, who was shot in Hilltown, has died.");
        let both = details("A man and a woman were wounded in Hilltown late Friday.");
        assert!(victims_apart(&woman, &man));
        assert!(!victims_apart(&woman, &her));
        // a lead telling of more than one victim tells no lone sex
        assert!(!victims_apart(&man, &both));
        assert!(!victims_apart(&man, &Details::default()));
    }

    #[test]
    fn a_later_death_is_read() {
        let later = details("Two men were shot; one of them later died at a hospital.");
        assert!(later.toll_changed);
        let succumbed = details("A second man succumbed to his wounds on Monday.");
        assert!(succumbed.toll_changed);
        let since = details("A woman who was shot on Friday has since died, police said.");
        assert!(since.toll_changed);
        let plain = details("Two men were killed in a shooting on the east side, police said.");
        assert!(!plain.toll_changed);
        // a later arrest is no later death
        let arrest = details("One man was killed; a suspect was later arrested.");
        assert!(!arrest.toll_changed);
    }

    #[test]
    fn days_apart_count_against_and_a_day_in_common_adds_nothing() {
        // 2031-05-12 is a Monday
        let saturday =
            details(" date 2031-05-12 A 30-year-old man was shot Saturday in Elmbrook.\n");
        let late = details(" date 2031-05-12 A man was wounded late Friday in Elmbrook.\n");
        let thursday = details(" date 2031-05-12 A man was wounded Thursday in Elmbrook.\n");
        let sunday = details(" date 2031-05-12 A 30-year-old man was killed Sunday in Elmbrook.\n");
        let undated = details(" date 2031-05-12 A man was wounded in Elmbrook, police said.\n");
        // late Friday reaches Saturday
        assert_eq!(agreement(&saturday, &late), 0);
        assert!(differ(&saturday, &thursday));
        // ages in common hold two reports together whose days are apart
        assert_eq!(agreement(&saturday, &sunday), 0);
        assert!(!differ(&saturday, &undated));
        // a report naming a country keeps no days
        assert!(!differ(&saturday.clone(), &thursday.clone().for_country()));
    }
}

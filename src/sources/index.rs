//! The in-memory index of article summaries, with postings by measure and week so that a
//! lookup touches only the articles of the same weeks.

use super::matching::{
    affinity, chance_small_toll, compare_events, name_variant, roundup_against_one, same_figure,
    same_story, NewsDays, Verdict,
};
use super::word_ids::{PreHashed, WordIds};
use super::{ArticleSummary, ClaimSummary, EventSummary, NameSummary};
use chrono::Datelike;
use std::collections::HashMap;

const NO_DATE: i64 = i64::MIN;

/// How two articles relate as stories (see `Index::story`).
#[derive(Clone, Copy, Debug)]
struct Story {
    /// Very likely the same story; else only possibly.
    likely: bool,
    /// The story similarity (see [`Index::story_similarity`]).
    sim: f64,
    /// The TF-IDF cosine (see [`Index::story_cosine`]).
    cos: f64,
}

/// At most this many articles of the same story are compared for one figure or date: the ones
/// sharing the most words with this article (a workspace may hold thousands of versions of
/// one story; a reader needs the closest few dozen).
pub const MAX_SOURCES: usize = 64;

/// True when the details of two articles say they tell different incidents (see
/// `details::differ`; two reports of one incident each, no city round-up among them:
/// `details::differ_as_one_incident`), two local reports naming different parts of a town
/// (`details::areas_apart`), or two leads each telling of one victim, of different sexes
/// (`details::victims_apart`), or two local reports of one incident each whose leads state
/// different whole tolls (`lead_toll::tolls_apart`).
/// `wide_a` and `wide_b` tell whether each is a round-up (see [`roundup`]).
fn details_differ(a: &ArticleSummary, wide_a: bool, b: &ArticleSummary, wide_b: bool) -> bool {
    if super::details::victims_apart(&a.details, &b.details) {
        return true;
    }
    // two local reports naming different parts of a town
    if super::details::areas_apart(&a.details, wide_a, &b.details, wide_b)
        && super::matching::local(a)
        && super::matching::local(b)
    {
        return true;
    }
    if wide_a || wide_b {
        return super::details::differ(&a.details, &b.details);
    }
    // two local reports of one incident each whose leads state different whole tolls
    if super::lead_toll::tolls_apart(a.details.lead_toll, b.details.lead_toll)
        && super::matching::local(a)
        && super::matching::local(b)
    {
        true
    } else {
        let small = |x: &ArticleSummary| {
            x.claims
                .iter()
                .filter(|c| matches!(c.measure.as_str(), "killed" | "injured"))
                .all(|c| super::matching::told(c) < super::matching::LOCAL_TOLL)
        };
        super::details::differ_as_one_incident(&a.details, &b.details, small(a) && small(b))
    }
}

/// True when an article has a figure of a round-up (many incidents' figures in one).
fn roundup(a: &ArticleSummary) -> bool {
    a.claims.iter().any(|c| c.roundup)
}

/// The keyword hashes of the places two articles name: each place's name and each word of
/// it ("bellmont" and "falls" of "bellmont falls").
fn place_words(a: &ArticleSummary, b: &ArticleSummary) -> Vec<u64> {
    a.places
        .iter()
        .chain(&b.places)
        .flat_map(|p| std::iter::once(p.as_str()).chain(p.split_whitespace()))
        .map(super::content_hash)
        .collect()
}

/// The hashes of the places an article names: each place's name and each word of it (see
/// [`place_words`]).
fn own_place_words(a: &ArticleSummary) -> impl Iterator<Item = u64> + '_ {
    a.places
        .iter()
        .flat_map(|p| std::iter::once(p.as_str()).chain(p.split_whitespace()))
        .map(super::content_hash)
}

/// The keys an article is found by among the candidates for one story (see
/// [`Index::candidates`]): its keywords and its place words, sorted, each once.
fn story_keys(a: &ArticleSummary) -> Vec<u64> {
    let mut v: Vec<u64> = a
        .keywords
        .iter()
        .copied()
        .chain(own_place_words(a))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// True when an article names something that is neither one of its places nor held by
/// [`HOUSE_TEXTS`] texts or more (`df`: in how many texts a word is), so that only an article
/// sharing one of its rare words or naming that thing as a place can be one story with it
/// (see [`Index::apart_but_template`]).
fn names_own(a: &ArticleSummary, df: impl Fn(u64) -> u32) -> bool {
    let places: Vec<u64> = own_place_words(a).collect();
    a.topics
        .iter()
        .map(|t| super::content_hash(t))
        .any(|k| !places.contains(&k) && df(k) < HOUSE_TEXTS)
}

/// A posting of [`Index::rare`] keeps its texts while at most this many hold the key: more
/// than [`HOUSE_TEXTS`], so that a key rare in a background collection is still listed.
const KEPT: u32 = 64;

/// Keeps the `MAX_SOURCES` most alike of `v` (likely stories first, then by similarity), in
/// slot order.
fn closest_stories(v: &mut Vec<(u32, Story)>) {
    if v.len() > MAX_SOURCES {
        let key = |s: &Story| (u8::from(s.likely), s.sim);
        v.select_nth_unstable_by(MAX_SOURCES - 1, |a, b| {
            key(&b.1)
                .partial_cmp(&key(&a.1))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        v.truncate(MAX_SOURCES);
        v.sort_unstable_by_key(|(slot, _)| *slot);
    }
}

/// The score (see `matching::affinity`) a figure needs when the stories are only possibly the
/// same: the same value, or several words in common.
const STRONG: f64 = 3.0;

/// Story similarity (see `Index::story_similarity`) below which two articles published within
/// the window are not the same story, and above which they very likely are.
const DATED: (f64, f64) = (0.06, 0.10);

/// The TF-IDF cosine (see `Index::story_cosine`) below which two articles are not the same
/// story, whatever share of the shorter one's words the longer one holds (a round-up holds a
/// brief's).
const COSINE: f64 = 0.06;

/// The TF-IDF cosine two articles need, beside a story similarity above `DATED.1` /
/// `UNDATED.1`, to be very likely one story: the similarity forgives a long article for
/// holding a short one's words, so a long feature that names everything (a league, a state,
/// a company, a budget) holds enough of any brief's words; with so little of their wording
/// shared the two are only possibly one story, and a figure needs stronger evidence
/// ([`STRONG`]).
const LIKELY_COSINE: f64 = 0.08;

/// True when two articles of story similarity `sim` and TF-IDF cosine `cos` are very likely one
/// story (`high`: the similarity asked, see [`DATED`]): both measures, as a long article holds a
/// short one's words whatever its own story (see [`LIKELY_COSINE`]).
fn very_likely(sim: f64, cos: f64, high: f64) -> bool {
    sim >= high && cos >= LIKELY_COSINE
}

/// Texts of the index from which a word is the archive's house wording (the agency that rates
/// every company, the city of every dateline, the words of a results table) rather than one
/// story's own (see `Index::apart_but_template`).
const HOUSE_TEXTS: u32 = 20;

/// Rare words two stories of one template may share by chance when their leads are about
/// different organisations or people (see `Index::apart_but_template`); any number when both
/// leads name a company (see [`names_company`]).
const CHANCE_WORDS: usize = 2;

/// True when `a`'s lead names a company (see `subjects::companies`): two such stories that
/// share many rare words (a third party's, an offering's terms, one trade's) are still about
/// different companies when neither names the other's.
fn names_company(a: &ArticleSummary) -> bool {
    super::subjects::companies(&a.subjects).next().is_some()
}

/// Figures of one measure in another article that a figure is compared with: the first this
/// many. A real article gives a few dozen at most; without a bound, a text repeating one figure
/// hundreds of times costs the cube of its repeats (each figure, each of the other's, each of
/// their other mentions).
const MAX_COMPARED: usize = 64;

/// Mentions of one figure in an article (see [`mentions`]) taken as one: the first this many.
const MAX_MENTIONS: usize = 8;

/// The same when a publication date is missing: more words in common are needed.
const UNDATED: (f64, f64) = (0.12, 0.15);

/// How far below the best score a figure may be and still be taken as the same figure (two
/// mentions of one toll in an article score alike).
const TIE: f64 = 0.75;

/// Each figure of `other` of `claim`'s measure with its verdict and score against `claim` at
/// its best mention in `this` (`own`: the lede's "at least 620" and the body's "620" are
/// one figure), as (index, verdict, score); `cos` is the story similarity.
fn scored_figures(
    this: &ArticleSummary,
    claim: &ClaimSummary,
    own: &[usize],
    other: &ArticleSummary,
    cos: f64,
) -> Vec<(usize, Verdict, f64)> {
    other
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.measure == claim.measure)
        .take(MAX_COMPARED)
        .filter_map(|(i, c)| {
            let (v, s) = affinity(this, claim, other, c)?;
            if chance_small_toll(this, claim, other, c, cos) {
                return None;
            }
            let s = own
                .iter()
                .filter_map(|m| this.claims.get(*m))
                .filter_map(|m| affinity(this, m, other, c))
                .filter(|(v, _)| v.same_group())
                .map(|(_, s)| s)
                .fold(s, f64::max);
            Some((i, v, s))
        })
        .collect()
}

/// Pushes the scored figures of `other` (at `slot`) that match: of the same group, only those
/// that speak most like `claim` (or mention the same figure as one that does) and for which
/// `claim` is, in turn, among the closest in `this`; none that a round-up sets against one.
fn keep_closest<'a>(
    memo: &mut StoryMemo,
    this: &ArticleSummary,
    claim: &ClaimSummary,
    (slot, other): (u32, &'a ArticleSummary),
    story: &Story,
    scored: &[(usize, Verdict, f64)],
    out: &mut Vec<ClaimMatch<'a>>,
) {
    let best = scored
        .iter()
        .filter(|(_, v, _)| v.same_group())
        .map(|(_, _, s)| *s)
        .fold(f64::NEG_INFINITY, f64::max);
    for &(i, verdict, score) in scored {
        let Some(c) = other.claims.get(i) else {
            continue;
        };
        if verdict.same_group() {
            let score = scored
                .iter()
                .filter(|(j, v, _)| {
                    v.same_group() && other.claims.get(*j).is_some_and(|x| same_figure(c, x))
                })
                .map(|(_, _, s)| *s)
                .fold(score, f64::max);
            if score < best - TIE || (!story.likely && score < STRONG) {
                continue;
            }
            let closest = *memo.best.entry((slot, i as u32)).or_insert_with(|| {
                mentions(other, c)
                    .iter()
                    .filter_map(|j| other.claims.get(*j))
                    .map(|x| best_in(this, other, x))
                    .fold(f64::NEG_INFINITY, f64::max)
            });
            if closest >= score + TIE {
                continue;
            }
        }
        if roundup_against_one(this, claim, other, c) {
            continue;
        }
        out.push(ClaimMatch {
            article: other,
            claim: c,
            verdict,
        });
    }
}

/// The best score any same-group figure of `this` article has with `c` (of `other`); a
/// figure matches `c` only when none of its neighbours in `this` speaks more like `c`.
fn best_in(this: &ArticleSummary, other: &ArticleSummary, c: &ClaimSummary) -> f64 {
    this.claims
        .iter()
        .filter(|x| x.measure == c.measure)
        .filter_map(|x| affinity(other, c, this, x))
        .filter(|(v, _)| v.same_group())
        .map(|(_, s)| s)
        .fold(f64::NEG_INFINITY, f64::max)
}

/// The indices of the figures of `art` that are mentions of the same figure as `c` (see
/// [`same_figure`]), `c` itself included when it is one of them: the first [`MAX_MENTIONS`].
fn mentions(art: &ArticleSummary, c: &ClaimSummary) -> Vec<usize> {
    art.claims
        .iter()
        .enumerate()
        .filter(|(_, x)| x.measure == c.measure && same_figure(c, x))
        .map(|(i, _)| i)
        .take(MAX_MENTIONS)
        .collect()
}

/// What identifies an article for its [`StoryMemo`]: path, keywords, date and window.
fn memo_key(a: &ArticleSummary, window_days: i64) -> (String, u64, Option<chrono::NaiveDate>, i64) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for k in &a.keywords {
        h = (h ^ k).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (a.path.clone(), h ^ a.hash, a.published, window_days)
}

/// Drops the spare capacity of a summary's lists and strings before it is kept: lists built by
/// pushing every word and then deduplicating (keywords, context words) hold room for every
/// word of the article, often twice what they keep (an archive keeps 100,000 of them).
fn compact(s: &mut ArticleSummary) {
    fn strings(v: &mut Vec<String>) {
        v.iter_mut().for_each(String::shrink_to_fit);
        v.shrink_to_fit();
    }
    fn opt(o: &mut Option<String>) {
        if let Some(x) = o {
            x.shrink_to_fit();
        }
    }
    s.path.shrink_to_fit();
    s.outlet.shrink_to_fit();
    for c in &mut s.claims {
        c.text.shrink_to_fit();
        opt(&mut c.qualifier);
        opt(&mut c.noun);
        c.measure.shrink_to_fit();
        opt(&mut c.source);
        strings(&mut c.places);
        strings(&mut c.context);
        strings(&mut c.scope);
        if let Some(g) = &mut c.group {
            g.name.shrink_to_fit();
            strings(&mut g.modifiers);
        }
    }
    s.claims.shrink_to_fit();
    for e in &mut s.events {
        e.text.shrink_to_fit();
        strings(&mut e.words);
        e.word_hashes.shrink_to_fit();
    }
    s.events.shrink_to_fit();
    for n in &mut s.names {
        n.name.shrink_to_fit();
        opt(&mut n.title);
    }
    s.names.shrink_to_fit();
    strings(&mut s.topics);
    strings(&mut s.subjects);
    s.keywords.shrink_to_fit();
    for d in &mut s.days {
        d.text.shrink_to_fit();
    }
    s.days.shrink_to_fit();
    strings(&mut s.places);
    s.details.ages.shrink_to_fit();
    s.details.times.shrink_to_fit();
    s.details.blocks.shrink_to_fit();
}

/// The postings key of an event's day and one of its words (a collision only adds a
/// candidate, which `compare_events` then rejects).
fn event_key(day: i64, word: u64) -> u64 {
    word ^ (day as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn day(d: chrono::NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn week(d: Option<chrono::NaiveDate>) -> i64 {
    d.map_or(NO_DATE, |d| i64::from(d.num_days_from_ce()) / 7)
}

/// The weeks whose figures a lookup for `this` reads (besides the undated ones): those within
/// `window_days` of its date; None when it has no date (every week).
fn claim_weeks(this: &ArticleSummary, window_days: i64) -> Option<std::ops::RangeInclusive<i64>> {
    let d = this.published?;
    let window = chrono::Duration::try_days(window_days.max(0));
    let from = window.and_then(|x| d.checked_sub_signed(x));
    let to = window.and_then(|x| d.checked_add_signed(x));
    let w = week(this.published);
    let span = window_days / 7 + 1;
    let from = from.map_or(w - span, |f| week(Some(f)));
    let to = to.map_or(w + span, |t| week(Some(t)));
    Some(from..=to)
}

/// Summaries of many articles, incrementally updated.
#[derive(Clone, Default, Debug)]
pub struct Index {
    slots: Vec<Option<ArticleSummary>>,
    free: Vec<usize>,
    by_path: HashMap<String, usize>,
    claims: HashMap<(String, i64), Vec<(u32, u32)>>,
    /// The dates' events by day and word (see [`event_key`]): an event is a candidate for
    /// another only when they share words, so a busy week's other events are never visited.
    events: HashMap<u64, Vec<(u32, u32)>, PreHashed>,
    /// Names by surname, in order: a lookup reads only the surnames of its first letters.
    names: std::collections::BTreeMap<String, Vec<(u32, u32)>>,
    /// Each keyword's count, and the texts holding each story key (see [`KeyUse`]).
    keys: HashMap<u64, KeyUse, PreHashed>,
    /// The texts that can be one story with an article sharing no rare key with them (see
    /// [`Index::open_slots`]), with the index generation they were found in.
    open: Scratch<Option<(u64, Vec<u32>)>>,
    /// The slots of each text (content hash), first the one whose figures, dates and names
    /// are in the postings: copies of one text (a wire story republished word for word) are
    /// compared once, and count once in the keyword weights.
    copies: HashMap<u64, Vec<u32>, PreHashed>,
    /// The keywords' numbers (see [`WordIds`]).
    words: WordIds,
    /// What a lookup reads of each slot's article besides its summary.
    slot_words: Vec<SlotWords>,
    /// Keyword counts of a larger collection than the one loaded (a shared archive of which
    /// only the articles around a date are loaded): its size and counts, used for the keyword
    /// weights instead of the loaded articles' own (see [`Index::set_background`]).
    background: Option<(usize, HashMap<u64, u32, PreHashed>)>,
    /// Bumped by every insert and remove (the keyword weights change).
    generation: u64,
    /// Keyword weights and each slot's total, computed when first needed.
    weights: Scratch<WeightCache>,
    /// Story relations of the last few compared articles (an editor compares one or two
    /// documents at a time), most recently used last.
    memos: Scratch<Vec<StoryMemo>>,
}

/// What the index counts of one keyword hash, or one place word's (see [`story_keys`]).
#[derive(Clone, Default, Debug)]
struct KeyUse {
    /// In how many texts it is a keyword (for weighting rare words).
    df: u32,
    /// How many texts of the postings (first copies) hold it as a story key.
    held: u32,
    /// Which, while at most [`KEPT`] do: the first one (most keys are held by one text, and
    /// need no list of their own), then the others (dropped beyond). Two articles can be one
    /// story only when they share a key few texts hold (see [`Index::candidates`]).
    first: u32,
    /// The others.
    rest: Box<[u32]>,
    /// True once more than [`KEPT`] texts held the key: the list is dropped for good (until
    /// no text holds the key).
    dropped: bool,
}

impl KeyUse {
    /// True when no text holds the key any more.
    fn unused(&self) -> bool {
        self.df == 0 && self.held == 0
    }

    /// The texts holding the key, when they are all listed (at most [`KEPT`]).
    fn slots(&self) -> Option<impl Iterator<Item = u32> + '_> {
        let listed = usize::from(self.held > 0);
        (!self.dropped).then(|| {
            std::iter::once(self.first)
                .take(listed)
                .chain(self.rest.iter().copied())
        })
    }

    /// Lists one more text holding the key (forgetting the list beyond [`KEPT`]).
    fn hold(&mut self, slot: u32) {
        self.held += 1;
        if self.dropped {
            return;
        }
        if self.held > KEPT {
            self.dropped = true;
            self.rest = Box::default();
        } else if self.held == 1 {
            self.first = slot;
        } else {
            let mut rest = std::mem::take(&mut self.rest).into_vec();
            rest.push(slot);
            self.rest = rest.into_boxed_slice();
        }
    }

    /// Forgets a text holding the key.
    fn release(&mut self, slot: u32) {
        self.held = self.held.saturating_sub(1);
        if self.dropped {
            return;
        }
        let mut rest = std::mem::take(&mut self.rest).into_vec();
        if self.first == slot {
            if let Some(next) = rest.pop() {
                self.first = next;
            }
        } else {
            rest.retain(|s| *s != slot);
        }
        self.rest = rest.into_boxed_slice();
    }
}

/// What a lookup reads of an indexed article besides its summary, worked out at insert.
#[derive(Clone, Default, Debug)]
struct SlotWords {
    /// Its keywords as numbers (see [`WordIds`]), in the summary's order.
    ids: Box<[u32]>,
    /// True when it names no country (see `matching::local`).
    local: bool,
    /// True when it is a round-up (see [`roundup`]).
    roundup: bool,
    /// True when a place it names is a country (see `apart::names_country`).
    country: bool,
    /// Its news days (see `matching::news_day_numbers`).
    news: Box<[i32]>,
    /// True when its keywords are sorted (every summary made since keywords were kept): a
    /// lookup asks it of thousands of candidates, and reading them all costs a tenth of one.
    sorted: bool,
    /// Its text's hash (the summary's `hash`).
    hash: u64,
    /// Its publication date (the summary's `published`).
    published: Option<chrono::NaiveDate>,
}

/// Keys that are slot numbers (small integers): spread by one multiplication, cheaper than
/// the default SipHash for the thousands of slots a lookup memoises.
#[derive(Clone, Copy, Default, Debug)]
struct BySlot;

/// The hasher of [`BySlot`]: a multiplicative hash of the integers written.
#[derive(Default)]
struct SlotHasher(u64);

impl std::hash::Hasher for SlotHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

impl std::hash::BuildHasher for BySlot {
    type Hasher = SlotHasher;
    fn build_hasher(&self) -> SlotHasher {
        SlotHasher::default()
    }
}

/// Keyword weights as of some index size: `idf[df]` is the weight of a keyword found in `df`
/// articles, `norms[slot]` each article's total and total of squares (NaN until computed). Recomputed in full when
/// the index has grown or shrunk by more than a twentieth since (the weights barely move
/// in between), and per slot when an article changes.
#[derive(Default)]
struct WeightCache {
    /// Index size the table was computed for (0: never).
    len_at: usize,
    idf: Vec<f64>,
    norms: Vec<(f64, f64)>,
}

/// Derived data an `&Index` fills on demand, behind a lock. A clone of the index starts with
/// it empty (it is recomputed when needed).
#[derive(Default)]
struct Scratch<T>(std::sync::Mutex<T>);

impl<T: Default> Clone for Scratch<T> {
    fn clone(&self) -> Scratch<T> {
        Scratch::default()
    }
}

impl<T> std::fmt::Debug for Scratch<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scratch")
    }
}

/// What one article (`this`, the one being compared) is known to share with the indexed ones:
/// its keyword weights, and its story relation to each slot asked so far.
struct StoryMemo {
    /// Identifies `this`: path, keywords, date and window.
    key: (String, u64, Option<chrono::NaiveDate>, i64),
    /// The index generation it was computed in.
    generation: u64,
    /// `this`'s keywords and their weights.
    words: HashMap<u64, f64, PreHashed>,
    /// The same, sorted by keyword (for merging with another article's sorted keywords).
    sorted: Vec<(u64, f64)>,
    /// The same by keyword number (see [`WordIds`]), 0 for the numbers of other words; empty
    /// when only articles not in the index are compared.
    by_id: Vec<f64>,
    /// Their total.
    norm: f64,
    /// The square root of the total of their squares (for the cosine).
    length: f64,
    /// `this`'s news days (see `matching::cosine_needed`).
    news: NewsDays,
    /// The slot of `this`'s path, when indexed: an indexed article has `this`'s path only when
    /// it is in that slot (no need to read its path).
    this_slot: Option<u32>,
    /// The story relation to each slot asked so far.
    stories: HashMap<u32, Option<Story>, BySlot>,
    /// For figures of other articles (slot, figure): the best score of this article's figures.
    best: HashMap<(u32, u32), f64, BySlot>,
    /// Event matches found so far, by the event's span: (slot, event, verdict).
    events: HashMap<(usize, usize), Vec<EventHit>>,
    /// The slots that can be one story with `this` (see [`Index::candidates`]), once asked.
    candidates: Option<Option<Vec<u32>>>,
    /// What the story tests ask of `this` alone, once asked.
    own: Option<OwnWords>,
}

/// What [`Index::story`]'s tests ask of the memo's article alone, worked out once rather than
/// for each of the thousands of articles a lookup compares it with.
struct OwnWords {
    /// True when its keywords are sorted (else [`Index::apart_but_template`] is asked in full).
    sorted: bool,
    /// True when it is a round-up (see [`roundup`]).
    roundup: bool,
    /// True when a place it names is a country (see `apart::names_country`).
    country: bool,
    /// Its place words (see [`own_place_words`]).
    places: Vec<u64>,
    /// Its keywords fewer than [`HOUSE_TEXTS`] texts hold, its place words aside, sorted.
    rare: Vec<u64>,
    /// The hashes of its topics fewer than [`HOUSE_TEXTS`] texts hold, its place words aside
    /// (see [`Index::has_own_name`]).
    names: Vec<u64>,
    /// The keys of its lead subjects, its place words aside (see [`Index::own_subjects`]).
    subjects: Vec<u64>,
    /// Its lead companies many texts name (see [`Index::house_subjects`]).
    house: Vec<Vec<u64>>,
    /// True when its lead names a company (see [`names_company`]).
    company: bool,
}

impl StoryMemo {
    /// True when the article in `slot` can be one story with this memo's article (see
    /// [`Index::candidates`]; the candidates must have been found).
    fn may_be_story(&self, slot: u32) -> bool {
        match &self.candidates {
            Some(Some(v)) => v.binary_search(&slot).is_ok(),
            _ => true,
        }
    }
}

/// An event of another article that matches: (slot, event index, verdict).
type EventHit = (u32, u32, Verdict);

/// How many running sums [`Sums`] spreads keyword weights over.
const LANES: usize = 4;

/// Keyword weights and their squares added up in [`LANES`] running sums, a keyword's chosen by
/// its position in the list: the same sums to the last bit whichever way the shared words are
/// found (a word not shared adds 0, which leaves a sum as it is), and four additions in flight
/// at once instead of one chain. Hand-written for speed: summing thousands of candidates'
/// keywords was a third of a hover lookup's time, and four sums cut it (benches/sources.rs).
#[derive(Default)]
struct Sums {
    weight: [f64; LANES],
    squares: [f64; LANES],
}

impl Sums {
    /// Adds the weight `w` of the keyword at `position`.
    fn add(&mut self, position: usize, w: f64) {
        let lane = position % LANES;
        self.weight[lane] += w;
        self.squares[lane] += w * w;
    }

    /// The total weight and the total of the squares.
    fn total(&self) -> (f64, f64) {
        let sum = |v: &[f64; LANES]| (v[0] + v[1]) + (v[2] + v[3]);
        (sum(&self.weight), sum(&self.squares))
    }
}

/// The total weight of the keywords of `memo`'s article found in `b`, and the total of their
/// squares, added by `b`'s positions (see [`Sums`]; so the sums are the same to the last bit
/// whichever way they are found): by merging the two sorted lists (keywords are kept sorted),
/// or by hash lookups when `b` is not sorted.
fn shared_weight(memo: &StoryMemo, b: &[u64]) -> (f64, f64) {
    let mine = &memo.sorted;
    let mut j = 0;
    let mut sums = Sums::default();
    for (i, k) in b.iter().enumerate() {
        if i > 0 && b[i - 1] > *k {
            let mut sums = Sums::default();
            for (i, k) in b.iter().enumerate() {
                sums.add(i, memo.words.get(k).copied().unwrap_or(0.0));
            }
            return sums.total();
        }
        while mine.get(j).is_some_and(|(m, _)| m < k) {
            j += 1;
        }
        if let Some((m, w)) = mine.get(j) {
            if m == k {
                sums.add(i, *w);
            }
        }
    }
    sums.total()
}

/// The same as [`shared_weight`] for an indexed article's keywords as numbers: each one's
/// weight read from `by_id` (0 for the words `memo`'s article lacks), by `b`'s positions. No
/// branch on whether a word is shared.
fn shared_weight_by_id(by_id: &[f64], b: &[u32]) -> (f64, f64) {
    let weight = |id: &u32| by_id.get(*id as usize).copied().unwrap_or(0.0);
    let mut sums = Sums::default();
    let chunks = b.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        for (lane, id) in chunk.iter().enumerate() {
            sums.add(lane, weight(id));
        }
    }
    for (lane, id) in rest.iter().enumerate() {
        sums.add(lane, weight(id));
    }
    sums.total()
}

/// The story similarity and cosine of `memo`'s article and another (see
/// [`Index::similarity`]) from the weight they share and its squares (`shared`, `dot`) and the
/// other's total weight and total of squares (`b_norm`).
fn similarity_ratios(
    memo: &StoryMemo,
    (shared, dot): (f64, f64),
    b_norm: (f64, f64),
) -> (f64, f64) {
    let norm = f64::min(memo.norm, b_norm.0);
    let length = memo.length * b_norm.1.sqrt();
    let ratio = |x: f64, d: f64| if d <= 0.0 { 0.0 } else { (x / d).min(1.0) };
    (ratio(shared, norm), ratio(dot, length))
}

/// The similarity asked of two articles' publication dates (see [`DATED`], [`UNDATED`]):
/// None when both are dated more than `window_days` apart (never one story).
fn similarity_asked(
    a: Option<chrono::NaiveDate>,
    b: Option<chrono::NaiveDate>,
    window_days: i64,
) -> Option<(f64, f64)> {
    match (a, b) {
        (Some(x), Some(y)) if (x - y).num_days().abs() > window_days => None,
        (Some(_), Some(_)) => Some(DATED),
        _ => Some(UNDATED),
    }
}

/// True when both articles are dated and published more than the window apart: never the same
/// story (see `Index::story_by_words`).
fn published_apart(a: &ArticleSummary, b: &ArticleSummary, window_days: i64) -> bool {
    matches!((a.published, b.published), (Some(x), Some(y)) if (x - y).num_days().abs() > window_days)
}

/// How many articles' memos are kept.
const MEMOS: usize = 4;

/// How many candidates ahead [`Index::closest_stories_of`] asks for a candidate's memory (the memory
/// it points to at half the distance).
const PREFETCH: usize = 8;

/// Asks the processor to bring the memory of `x` into its cache: its first `lines` 64-byte
/// lines at most (a hint: nothing is read, no fault on any address).
fn prefetch_lines<T: ?Sized>(x: &T, lines: usize) {
    let start = (x as *const T).cast::<u8>();
    let len = std::mem::size_of_val(x);
    for offset in (0..len).step_by(64).take(lines) {
        prefetch(start.wrapping_add(offset));
    }
    // the last byte's line, when `x` does not start on a line's boundary
    if len > 0 && len <= 64 * lines {
        prefetch(start.wrapping_add(len - 1));
    }
}

/// One cache line's prefetch hint; nothing on processors without one here.
#[inline(always)]
fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE, which the instruction needs, is part of every x86_64 processor; a prefetch
    // reads nothing and faults on no address, valid or not.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Another source's figure that speaks of the same thing.
#[derive(Clone, Debug)]
pub struct ClaimMatch<'a> {
    /// The other article.
    pub article: &'a ArticleSummary,
    /// Its figure.
    pub claim: &'a ClaimSummary,
    /// How it relates.
    pub verdict: Verdict,
}

/// Another source's date for the same event.
#[derive(Clone, Debug)]
pub struct EventMatch<'a> {
    /// The other article.
    pub article: &'a ArticleSummary,
    /// Its dated event.
    pub event: &'a EventSummary,
    /// Same day or not.
    pub verdict: Verdict,
}

/// How the sources spell a person's name.
#[derive(Clone, Debug)]
pub struct NameUse<'a> {
    /// The article.
    pub article: &'a ArticleSummary,
    /// The name as written there.
    pub name: &'a NameSummary,
}

fn surname(name: &str) -> String {
    name.split_whitespace()
        .last()
        .unwrap_or(name)
        .to_lowercase()
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index::default()
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    /// Number of distinct texts (copies of one text count once).
    pub fn texts(&self) -> usize {
        self.copies.len()
    }

    /// The other articles with exactly this article's text (wire copies), by path.
    pub fn copies_of<'a>(&'a self, this: &ArticleSummary) -> Vec<&'a ArticleSummary> {
        self.copies
            .get(&this.hash)
            .into_iter()
            .flatten()
            .filter_map(|slot| self.article(*slot))
            .filter(|a| a.path != this.path)
            .collect()
    }

    /// True when no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// The summary of a path.
    pub fn get(&self, path: &str) -> Option<&ArticleSummary> {
        self.by_path.get(path).and_then(|i| self.slots[*i].as_ref())
    }

    /// Every summary.
    pub fn iter(&self) -> impl Iterator<Item = &ArticleSummary> {
        self.slots.iter().flatten()
    }

    /// Adds or replaces an article; returns false when the same content was already indexed.
    pub fn insert(&mut self, mut s: ArticleSummary) -> bool {
        for c in &mut s.claims {
            if c.group.is_none() {
                c.fill_group();
            }
        }
        for e in &mut s.events {
            if e.word_hashes.is_empty() {
                e.word_hashes = super::hash_words(&e.words);
            }
        }
        if !s.keywords.is_sorted() {
            // kept sorted (summaries are made so): merged with other articles' keywords
            s.keywords.sort_unstable();
        }
        compact(&mut s);
        if self
            .get(&s.path)
            .is_some_and(|old| old.hash == s.hash && old.published == s.published)
        {
            return false;
        }
        self.remove(&s.path);
        let slot = self.free.pop().unwrap_or_else(|| {
            self.slots.push(None);
            self.slots.len() - 1
        });
        let copies = self.copies.entry(s.hash).or_default();
        copies.push(slot as u32);
        let first = copies.len() == 1;
        if first {
            self.post(slot, &s);
            for k in &s.keywords {
                self.keys.entry(*k).or_default().df += 1;
            }
        }
        self.forget_norm(slot);
        self.generation += 1;
        if self.slot_words.len() < self.slots.len() {
            self.slot_words
                .resize(self.slots.len(), SlotWords::default());
        }
        self.slot_words[slot] = SlotWords {
            ids: self.words.intern(&s.keywords),
            local: super::matching::local(&s),
            roundup: roundup(&s),
            country: super::apart::names_country(&s.places),
            news: super::matching::news_day_numbers(&s),
            sorted: s.keywords.is_sorted(),
            hash: s.hash,
            published: s.published,
        };
        self.by_path.insert(s.path.clone(), slot);
        self.slots[slot] = Some(s);
        true
    }

    /// Adds the figures, dates and names of the article in `slot` to the postings.
    fn post(&mut self, slot: usize, s: &ArticleSummary) {
        let w = week(s.published);
        for (ci, c) in s.claims.iter().enumerate() {
            self.claims
                .entry((c.measure.clone(), w))
                .or_default()
                .push((slot as u32, ci as u32));
        }
        for (ei, e) in s.events.iter().enumerate() {
            for h in &e.word_hashes {
                self.events
                    .entry(event_key(day(e.date), *h))
                    .or_default()
                    .push((slot as u32, ei as u32));
            }
        }
        for (ni, n) in s.names.iter().enumerate() {
            self.names
                .entry(surname(&n.name))
                .or_default()
                .push((slot as u32, ni as u32));
        }
        for k in story_keys(s) {
            self.keys.entry(k).or_default().hold(slot as u32);
        }
    }

    /// Removes the figures, dates and names of the article in `slot` from the postings.
    fn unpost(&mut self, slot: usize, s: &ArticleSummary) {
        let w = week(s.published);
        let keep = |v: &mut Vec<(u32, u32)>| v.retain(|(a, _)| *a as usize != slot);
        for c in &s.claims {
            if let Some(v) = self.claims.get_mut(&(c.measure.clone(), w)) {
                keep(v);
            }
        }
        for e in &s.events {
            for h in &e.word_hashes {
                if let Some(v) = self.events.get_mut(&event_key(day(e.date), *h)) {
                    keep(v);
                }
            }
        }
        for n in &s.names {
            if let Some(v) = self.names.get_mut(&surname(&n.name)) {
                keep(v);
            }
        }
        for k in story_keys(s) {
            if let Some(key) = self.keys.get_mut(&k) {
                key.release(slot as u32);
                if key.unused() {
                    self.keys.remove(&k);
                }
            }
        }
    }

    /// Removes an article (when its file is deleted).
    pub fn remove(&mut self, path: &str) -> bool {
        let Some(slot) = self.by_path.remove(path) else {
            return false;
        };
        let Some(s) = self.slots[slot].take() else {
            return false;
        };
        let copies = self
            .copies
            .get_mut(&s.hash)
            .map(std::mem::take)
            .unwrap_or_default();
        let was_first = copies.first() == Some(&(slot as u32));
        let rest: Vec<u32> = copies.into_iter().filter(|c| *c as usize != slot).collect();
        if was_first {
            self.unpost(slot, &s);
            // the next copy of the text takes its place in the postings
            if let Some(next) = rest.first().copied() {
                if let Some(n) = self.slots.get_mut(next as usize).and_then(Option::take) {
                    self.post(next as usize, &n);
                    self.slots[next as usize] = Some(n);
                }
            }
        }
        if rest.is_empty() {
            self.copies.remove(&s.hash);
            for k in &s.keywords {
                if let Some(key) = self.keys.get_mut(k) {
                    key.df = key.df.saturating_sub(1);
                    if key.unused() {
                        self.keys.remove(k);
                    }
                }
            }
        } else {
            self.copies.insert(s.hash, rest);
        }
        self.forget_norm(slot);
        self.generation += 1;
        self.words.release(&s.keywords);
        if let Some(w) = self.slot_words.get_mut(slot) {
            *w = SlotWords::default();
        }
        self.free.push(slot);
        true
    }

    /// Weighs keywords by their counts in a larger collection than the one loaded: `articles`
    /// articles, `df` of which have each keyword (keywords it does not count keep the loaded
    /// articles' count). A shared archive loads only the articles around a date; with its
    /// counts, the weights, and so the findings, are those of the whole archive.
    pub fn set_background(&mut self, articles: usize, df: impl IntoIterator<Item = (u64, u32)>) {
        self.background = Some((articles, df.into_iter().collect()));
        *self.weights.0.get_mut().unwrap_or_else(|e| e.into_inner()) = WeightCache::default();
        self.generation += 1;
    }

    /// Computes the keyword weights of every indexed article now rather than at the first
    /// comparison (call after indexing, off any latency-sensitive path).
    pub fn prepare(&self) {
        let mut cache = self.weight_cache();
        for slot in 0..self.slots.len() {
            self.slot_norm(&mut cache, slot);
        }
    }

    /// Marks a slot's total weight as unknown (its article changed).
    fn forget_norm(&mut self, slot: usize) {
        let cache = self.weights.0.get_mut().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = cache.norms.get_mut(slot) {
            *n = (f64::NAN, f64::NAN);
        }
    }

    /// The weight cache, brought up to date (see [`WeightCache`]).
    fn weight_cache(&self) -> std::sync::MutexGuard<'_, WeightCache> {
        let mut cache = self.weights.0.lock().unwrap_or_else(|e| e.into_inner());
        let n = self
            .background
            .as_ref()
            .map_or(self.texts(), |(n, _)| *n)
            .max(1);
        let drift = n.abs_diff(cache.len_at);
        if cache.len_at == 0 || drift > n / 20 {
            cache.len_at = n;
            cache.idf = (0..=n)
                .map(|df| (1.0 + n as f64 / df.max(1) as f64).ln())
                .collect();
            cache.norms = vec![(f64::NAN, f64::NAN); self.slots.len()];
        }
        if cache.norms.len() < self.slots.len() {
            cache.norms.resize(self.slots.len(), (f64::NAN, f64::NAN));
        }
        cache
    }

    /// How rare a keyword is in the index: ln(1 + N / df); a word no other article has weighs
    /// most.
    fn weight_in(&self, cache: &WeightCache, k: u64) -> f64 {
        let own = || self.keys.get(&k).map_or(0, |x| x.df);
        let df = match &self.background {
            Some((_, bg)) => bg.get(&k).copied().unwrap_or_else(own),
            None => own(),
        } as usize;
        let i = df.clamp(1, cache.idf.len().saturating_sub(1).max(1));
        cache.idf.get(i).copied().unwrap_or(0.0)
    }

    /// The total keyword weight of the article in `slot` and the total of the squares,
    /// computed once.
    fn slot_norm(&self, cache: &mut WeightCache, slot: usize) -> (f64, f64) {
        match cache.norms.get(slot) {
            Some(n) if !n.0.is_nan() => *n,
            _ => {
                let n = self
                    .article(slot as u32)
                    .map_or((0.0, 0.0), |a| self.total_weight(cache, a));
                if let Some(x) = cache.norms.get_mut(slot) {
                    *x = n;
                }
                n
            }
        }
    }

    /// An article's total keyword weight and total of squared weights.
    fn total_weight(&self, cache: &WeightCache, a: &ArticleSummary) -> (f64, f64) {
        a.keywords.iter().fold((0.0, 0.0), |(t, q), k| {
            let w = self.weight_in(cache, *k);
            (t + w, q + w * w)
        })
    }

    /// How much two articles' wording has in common, from 0 to 1: the weight of the keywords
    /// they share over the weight of the smaller article's keywords (rare words count most).
    pub fn story_similarity(&self, a: &ArticleSummary, b: &ArticleSummary) -> f64 {
        let memo = self.new_memo(a, 0, true);
        self.similarity(&memo, b, self.by_path.get(&b.path).map(|s| *s as u32))
            .0
    }

    /// The TF-IDF cosine of two articles' keywords (binary term weights times the rare-word
    /// weight), from 0 to 1. Unlike [`Index::story_similarity`] it does not forgive a long
    /// article for holding a short one's words: a city's round-up of the week's shootings
    /// names every word of one shooting's brief. One pair: the memo is not numbered (no array
    /// the size of the vocabulary for a single comparison).
    pub fn story_cosine(&self, a: &ArticleSummary, b: &ArticleSummary) -> f64 {
        let memo = self.new_memo(a, 0, false);
        self.similarity(&memo, b, self.by_path.get(&b.path).map(|s| *s as u32))
            .1
    }

    /// A fresh memo for comparing `this` with the indexed articles (`numbered`: with its
    /// weights by keyword number, see [`StoryMemo::by_id`]).
    fn new_memo(&self, this: &ArticleSummary, window_days: i64, numbered: bool) -> StoryMemo {
        let cache = self.weight_cache();
        let words: HashMap<u64, f64, PreHashed> = this
            .keywords
            .iter()
            .map(|k| (*k, self.weight_in(&cache, *k)))
            .collect();
        let norm = words.values().sum();
        let length = words.values().map(|w| w * w).sum::<f64>().sqrt();
        let mut sorted: Vec<(u64, f64)> = words.iter().map(|(k, w)| (*k, *w)).collect();
        sorted.sort_unstable_by_key(|(k, _)| *k);
        let mut by_id = if numbered {
            vec![0.0; self.words.bound()]
        } else {
            Vec::new()
        };
        for (k, w) in &sorted {
            if let Some(x) = self.words.get(*k).and_then(|id| by_id.get_mut(id as usize)) {
                *x = *w;
            }
        }
        StoryMemo {
            key: memo_key(this, window_days),
            generation: self.generation,
            words,
            sorted,
            by_id,
            norm,
            length,
            news: NewsDays::of(this),
            this_slot: self.by_path.get(&this.path).map(|s| *s as u32),
            stories: HashMap::default(),
            best: HashMap::default(),
            events: HashMap::new(),
            candidates: None,
            own: None,
        }
    }

    /// Runs `f` with the memo of `this` (made if needed).
    fn with_memo<R>(
        &self,
        this: &ArticleSummary,
        window_days: i64,
        f: impl FnOnce(&mut StoryMemo) -> R,
    ) -> R {
        let key = memo_key(this, window_days);
        let mut memos = self.memos.0.lock().unwrap_or_else(|e| e.into_inner());
        memos.retain(|m| m.generation == self.generation);
        let i = match memos.iter().position(|m| m.key == key) {
            Some(i) => i,
            None => {
                if memos.len() >= MEMOS {
                    memos.remove(0);
                }
                memos.push(self.new_memo(this, window_days, true));
                memos.len() - 1
            }
        };
        // most recently used last
        let m = memos.remove(i);
        memos.push(m);
        let last = memos.len() - 1;
        f(&mut memos[last])
    }

    /// The share of keyword weight `memo`'s article has in common with `b` (see
    /// [`Index::story_similarity`]) and their cosine (see [`Index::story_cosine`]).
    fn similarity(&self, memo: &StoryMemo, b: &ArticleSummary, b_slot: Option<u32>) -> (f64, f64) {
        self.similarity_in(&mut self.weight_cache(), memo, b, b_slot)
    }

    /// [`Index::similarity`] with the weight cache already locked (a lookup locks it once for
    /// its thousands of candidates, see [`Index::closest_stories_of`]).
    fn similarity_in(
        &self,
        cache: &mut WeightCache,
        memo: &StoryMemo,
        b: &ArticleSummary,
        b_slot: Option<u32>,
    ) -> (f64, f64) {
        let numbered = self
            .slot_words_of(b, b_slot)
            .filter(|_| memo.by_id.len() == self.words.bound());
        let (shared, dot) = match numbered {
            Some(w) => shared_weight_by_id(&memo.by_id, &w.ids),
            None => shared_weight(memo, &b.keywords),
        };
        if shared <= 0.0 {
            return (0.0, 0.0);
        }
        let b_norm = match b_slot {
            Some(slot) if self.article(slot).is_some_and(|x| x.hash == b.hash) => {
                self.slot_norm(cache, slot as usize)
            }
            _ => self.total_weight(cache, b),
        };
        similarity_ratios(memo, (shared, dot), b_norm)
    }

    /// What the index worked out of `b` at insert, when `b` is the article in `b_slot`.
    fn slot_words_of(&self, b: &ArticleSummary, b_slot: Option<u32>) -> Option<&SlotWords> {
        b_slot
            .filter(|slot| self.article(*slot).is_some_and(|x| std::ptr::eq(x, b)))
            .and_then(|slot| self.slot_words.get(slot as usize))
    }

    /// True when two articles can be about the same story: publication dates within the
    /// window (when both are known) and enough rare words in common (more when a date is
    /// missing). See [`Index::story_similarity`].
    pub fn same_story(&self, a: &ArticleSummary, b: &ArticleSummary, window_days: i64) -> bool {
        let slot = self.by_path.get(&b.path).map(|s| *s as u32);
        self.with_memo(a, window_days, |m| self.story(m, a, b, slot))
            .is_some_and(|s| s.likely)
    }

    /// How `this` relates as a story to each of `others`, articles not in the index (a shared
    /// archive's, before they are loaded), weighed as the index weighs keywords: for each one
    /// that may be the same story, its position in `others`, whether it very likely is (what
    /// [`Index::same_story`] asks), and the story similarity. Every article the figure and
    /// date lookups would compare with `this` once indexed is among them.
    pub fn story_relations<'b>(
        &self,
        this: &ArticleSummary,
        others: impl IntoIterator<Item = &'b ArticleSummary>,
        window_days: i64,
    ) -> Vec<(usize, bool, f64)> {
        // the others are not indexed: no keyword numbers to look up
        let mut memo = self.new_memo(this, window_days, false);
        others
            .into_iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let s = self.story(&mut memo, this, b, None)?;
                Some((i, s.likely, s.sim))
            })
            .collect()
    }

    /// How `this` (the memo's article) and `b` relate as stories: None when they cannot be
    /// the same story; else whether they very likely are (`likely`), or only may be, in which
    /// case a figure needs stronger evidence (the same value, or sentences with words in
    /// common). Remembered per slot.
    fn story(
        &self,
        memo: &mut StoryMemo,
        this: &ArticleSummary,
        b: &ArticleSummary,
        b_slot: Option<u32>,
    ) -> Option<Story> {
        self.story_in(&mut self.weight_cache(), memo, this, b, b_slot)
    }

    /// [`Index::story`] with the weight cache already locked.
    fn story_in(
        &self,
        cache: &mut WeightCache,
        memo: &mut StoryMemo,
        this: &ArticleSummary,
        b: &ArticleSummary,
        b_slot: Option<u32>,
    ) -> Option<Story> {
        let indexed = b_slot.filter(|s| self.article(*s).is_some_and(|x| std::ptr::eq(x, b)));
        if let Some(slot) = indexed {
            if let Some(known) = memo.stories.get(&slot) {
                return *known;
            }
        }
        let window_days = memo.key.3;
        let same_path = match indexed {
            Some(slot) => memo.this_slot == Some(slot),
            None => this.path == b.path,
        };
        // a copy of this very text is no other source to compare with
        let story = if this.hash == b.hash || same_path {
            None
        } else if this.keywords.is_empty() || b.keywords.is_empty() {
            // summaries from before keywords were kept: the older test
            same_story(this, b, window_days).then_some(Story {
                likely: true,
                sim: 1.0,
                cos: 1.0,
            })
        } else {
            self.story_by_words(cache, memo, this, b, b_slot)
        };
        // tested last, as the dearest test (see Index::details_agree)
        let story = story.filter(|_| self.details_agree(memo, this, b, b_slot));
        if let Some(slot) = indexed {
            memo.stories.insert(slot, story);
        }
        story
    }

    /// True unless what the two articles tell of places and details sets them apart, the last
    /// and dearest of the story tests (gazetteer look-ups): articles naming places, none of
    /// them the same, tell different stories (a wildfire and a building collapse share the
    /// words of every toll).
    fn details_agree(
        &self,
        memo: &mut StoryMemo,
        this: &ArticleSummary,
        b: &ArticleSummary,
        b_slot: Option<u32>,
    ) -> bool {
        let own = memo.own.get_or_insert_with(|| self.own_words(this));
        let theirs = self.slot_words_of(b, b_slot);
        let b_roundup = theirs.map_or_else(|| roundup(b), |w| w.roundup);
        // provinces apart are asked only of two articles that each name a country
        let b_country = theirs.is_none_or(|w| w.country);
        let b_sorted = theirs.map_or_else(|| b.keywords.is_sorted(), |w| w.sorted);
        let regions_apart = || own.country && b_country && super::apart::regions_apart(this, b);
        // ages, times and street blocks that disagree: another incident of the same kind
        !details_differ(this, own.roundup, b, b_roundup)
            && !self.apart_but_template_of(own, this, b, b_sorted)
            && !regions_apart()
            && (this.places.is_empty()
                || b.places.is_empty()
                || super::matching::places_overlap(&this.places, &b.places))
    }

    /// [`Index::story`] of the article in `slot` up to [`Index::details_agree`], read from
    /// what the index keeps of it (see [`SlotWords`]) without its summary: None when that is
    /// not enough (an article without keywords, a memo without keyword numbers). The same
    /// answer as [`Index::story_by_words`] and the tests before it in [`Index::story_in`].
    fn slot_story_by_words(
        &self,
        cache: &mut WeightCache,
        memo: &StoryMemo,
        this: &ArticleSummary,
        slot: u32,
    ) -> Option<Option<Story>> {
        let w = self.slot_words.get(slot as usize)?;
        // a copy of this very text is no other source to compare with
        if this.hash == w.hash || memo.this_slot == Some(slot) {
            return Some(None);
        }
        // (an empty slot has no keyword numbers either)
        if this.keywords.is_empty() || w.ids.is_empty() || memo.by_id.len() != self.words.bound() {
            return None;
        }
        let Some((low, high)) = similarity_asked(this.published, w.published, memo.key.3) else {
            return Some(None);
        };
        let shared = shared_weight_by_id(&memo.by_id, &w.ids);
        let (sim, cos) = if shared.0 <= 0.0 {
            (0.0, 0.0)
        } else {
            similarity_ratios(memo, shared, self.slot_norm(cache, slot as usize))
        };
        if sim < low {
            return Some(None);
        }
        let least = memo
            .news
            .cosine_needed_numbered(w.published, || w.local, &w.news, COSINE);
        Some((cos >= least).then_some(Story {
            likely: very_likely(sim, cos, high),
            sim,
            cos,
        }))
    }

    /// The story relation of two articles with keywords, places aside (see [`Index::story`]):
    /// publication dates within the window, then the shared words.
    fn story_by_words(
        &self,
        cache: &mut WeightCache,
        memo: &StoryMemo,
        this: &ArticleSummary,
        b: &ArticleSummary,
        b_slot: Option<u32>,
    ) -> Option<Story> {
        let (low, high) = similarity_asked(this.published, b.published, memo.key.3)?;
        let (sim, cos) = self.similarity_in(cache, memo, b, b_slot);
        let enough = sim >= low;
        if !enough {
            return None;
        }
        // the same words on different days are another incident of the same kind, unless
        // the articles are much alike (a story that runs for days)
        let local = || match self.slot_words_of(b, b_slot) {
            Some(w) => w.local,
            None => super::matching::local(b),
        };
        let news = self.slot_words_of(b, b_slot).map(|w| &*w.news);
        let least = memo.news.cosine_needed_with(b, local, news, COSINE);
        (cos >= least).then_some(Story {
            likely: very_likely(sim, cos, high),
            sim,
            cos,
        })
    }

    /// In how many texts of the index (or of the background collection, see
    /// [`Index::set_background`]) the keyword `k` appears.
    fn df_of(&self, k: u64) -> u32 {
        let own = || self.keys.get(&k).map_or(0, |x| x.df);
        match &self.background {
            Some((_, bg)) => bg.get(&k).copied().unwrap_or_else(own),
            None => own(),
        }
    }

    /// True when `a` names something few texts of the index name (a name held by fewer than
    /// [`HOUSE_TEXTS`]; see `ArticleSummary::topics`), a place aside (`places`, see
    /// [`place_words`]).
    fn has_own_name(&self, a: &ArticleSummary, places: &[u64]) -> bool {
        a.topics
            .iter()
            .map(|t| super::content_hash(t))
            .any(|k| !places.contains(&k) && self.df_of(k) < HOUSE_TEXTS)
    }

    /// True when two articles each name something of their own (see
    /// [`Index::has_own_name`]) and share no word, name or other, that fewer than
    /// [`HOUSE_TEXTS`] texts of the index hold, the places they name aside: two stories told
    /// in one desk's template (two companies' results tables, two ratings changes by one
    /// agency) share every word of the template, the names every story of the archive names
    /// and, from one town's desk, the town, never a word of their own. Whether their places
    /// agree is asked apart (see `matching::places_overlap`).
    ///
    /// One rare word in common is chance too when the two leads are about different
    /// organisations or people (see `subjects::subjects_apart`): two ratings notices given the
    /// same code, two results tables under one heading, two firms of one suburb.
    fn apart_but_template(&self, a: &ArticleSummary, b: &ArticleSummary) -> bool {
        let places = place_words(a, b);
        let own = |k: &u64| !places.contains(k) && self.df_of(*k) < HOUSE_TEXTS;
        let shared = super::sorted::common(&a.keywords, &b.keywords)
            .filter(|k| own(k))
            .take(CHANCE_WORDS + 1)
            .count();
        if shared > CHANCE_WORDS && !(names_company(a) && names_company(b)) {
            return false;
        }
        let (own_a, own_b) = (self.own_subjects(a, &places), self.own_subjects(b, &places));
        let house_a = self.house_apart(&self.house_subjects(a), b);
        let house_b = self.house_apart(&self.house_subjects(b), a);
        (self.has_own_name(a, &places) || !own_a.is_empty() || house_a)
            && (self.has_own_name(b, &places) || !own_b.is_empty() || house_b)
            && (shared == 0 || self.subjects_apart((a, &own_a, house_a), (b, &own_b, house_b)))
    }

    /// The lead companies of `a` (see `subjects::companies`) whose name [`HOUSE_TEXTS`] texts
    /// or more hold, each as its keys: a company every desk writes about, too common for its
    /// name to be a word of its own story's.
    fn house_subjects(&self, a: &ArticleSummary) -> Vec<Vec<u64>> {
        super::subjects::companies(&a.subjects)
            .filter(|keys| keys.first().is_some_and(|n| self.df_of(*n) >= HOUSE_TEXTS))
            .collect()
    }

    /// True when `b` names one of the companies `house` (see [`Index::house_subjects`]) nowhere:
    /// none of its keys is among `b`'s keywords.
    fn house_apart(&self, house: &[Vec<u64>], b: &ArticleSummary) -> bool {
        house
            .iter()
            .any(|keys| !keys.iter().any(|k| super::subjects::holds(&b.keywords, *k)))
    }

    /// The keys of `a`'s lead subjects (see `subjects::subject_keys`) fewer than
    /// [`HOUSE_TEXTS`] texts hold, `places` aside, sorted, once each.
    fn own_subjects(&self, a: &ArticleSummary, places: &[u64]) -> Vec<u64> {
        let mut v: Vec<u64> = super::subjects::subject_keys(&a.subjects)
            .filter(|k| !places.contains(k) && self.df_of(*k) < HOUSE_TEXTS)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// True when `a` and `b` (each with its own subject keys, see [`Index::own_subjects`],
    /// and whether its lead names a company the other does not, see [`Index::house_apart`])
    /// are about different subjects (see `subjects::subjects_apart`).
    fn subjects_apart(
        &self,
        (a, own_a, house_a): (&ArticleSummary, &[u64], bool),
        (b, own_b, house_b): (&ArticleSummary, &[u64], bool),
    ) -> bool {
        super::subjects::subjects_apart(
            (own_a, house_a),
            (own_b, house_b),
            |k| super::subjects::holds(&a.keywords, k),
            |k| super::subjects::holds(&b.keywords, k),
        )
    }

    /// What [`Index::story`]'s tests ask of `a` alone.
    fn own_words(&self, a: &ArticleSummary) -> OwnWords {
        let places: Vec<u64> = own_place_words(a).collect();
        let own = |k: &u64| !places.contains(k) && self.df_of(*k) < HOUSE_TEXTS;
        let rare = a.keywords.iter().copied().filter(own).collect();
        let names = a
            .topics
            .iter()
            .map(|t| super::content_hash(t))
            .filter(own)
            .collect();
        let subjects = self.own_subjects(a, &places);
        OwnWords {
            subjects,
            house: self.house_subjects(a),
            company: names_company(a),
            sorted: a.keywords.is_sorted(),
            roundup: roundup(a),
            country: super::apart::names_country(&a.places),
            places,
            rare,
            names,
        }
    }

    /// [`Index::apart_but_template`] of the memo's article `a` and `b`, with what it asks of
    /// `a` worked out once per memo (see [`OwnWords`]): the same answer, most pairs told by
    /// `a`'s few words of its own alone. `b_sorted`: whether `b`'s keywords are sorted.
    fn apart_but_template_of(
        &self,
        own: &OwnWords,
        a: &ArticleSummary,
        b: &ArticleSummary,
        b_sorted: bool,
    ) -> bool {
        if !own.sorted || !b_sorted {
            return self.apart_but_template(a, b);
        }
        // `a` names something of its own, even beside `b`'s places
        if own.names.is_empty() && own.subjects.is_empty() && own.house.is_empty() {
            return false;
        }
        let b_places: Vec<u64> = own_place_words(b).collect();
        let house_a = || self.house_apart(&own.house, b);
        let a_own = |keys: &[u64]| keys.iter().any(|k| !b_places.contains(k));
        if !a_own(&own.names) && !a_own(&own.subjects) && !house_a() {
            return false;
        }
        // rare words in common, no place of `b`'s: none, or a few by chance
        let mut shared = own
            .rare
            .iter()
            .filter(|k| !b_places.contains(k) && b.keywords.binary_search(k).is_ok());
        let n = shared.by_ref().take(CHANCE_WORDS + 1).count();
        if n > CHANCE_WORDS && !(own.company && names_company(b)) {
            return false;
        }
        // words in common tell nothing apart when `a`'s lead names no one of its own
        let one = n > 0;
        if one && own.subjects.is_empty() && own.house.is_empty() {
            return false;
        }
        // `b` names something of its own
        let places: Vec<u64> = own.places.iter().chain(&b_places).copied().collect();
        let own_b = self.own_subjects(b, &places);
        let house_b = self.house_apart(&self.house_subjects(b), a);
        let b_own = !own_b.is_empty()
            || house_b
            || b.topics.iter().map(|t| super::content_hash(t)).any(|k| {
                !own.places.contains(&k) && !b_places.contains(&k) && self.df_of(k) < HOUSE_TEXTS
            });
        if !b_own {
            return false;
        }
        if !one {
            return true;
        }
        let own_a: Vec<u64> = own
            .subjects
            .iter()
            .copied()
            .filter(|k| !b_places.contains(k))
            .collect();
        self.subjects_apart((a, &own_a, house_a()), (b, &own_b, house_b))
    }

    fn article(&self, slot: u32) -> Option<&ArticleSummary> {
        self.slots.get(slot as usize).and_then(Option::as_ref)
    }

    /// The story relation (see [`Index::story`]) of the memo's article `this` to the article
    /// in each of `slots`: those that may be one story, in the order of `slots`. The reference
    /// [`Index::closest_stories_of`] is tested against.
    #[cfg(test)]
    fn stories_of(
        &self,
        memo: &mut StoryMemo,
        this: &ArticleSummary,
        slots: &[u32],
    ) -> Vec<(u32, Story)> {
        let mut cache = self.weight_cache();
        let mut out = Vec::new();
        for slot in slots {
            let Some(other) = self.article(*slot) else {
                continue;
            };
            if let Some(st) = self.story_in(&mut cache, memo, this, other, Some(*slot)) {
                out.push((*slot, st));
            }
        }
        out
    }

    /// The stories [`closest_stories`] keeps of those the memo's article `this` may be one
    /// story with among the articles in `slots` (sorted; with `likely_only`, of those it very
    /// likely is), in slot order: what [`Index::story`] of each slot, then `closest_stories`,
    /// would give, in two passes.
    ///
    /// A lookup compares its article with a thousand or more articles spread over the whole
    /// index, and waiting for each one's memory was most of its time. The first pass reads
    /// only what the index keeps of each (see [`Index::slot_story_by_words`]: dates, keyword
    /// numbers, weight total), with the weight cache locked once and the memory asked for
    /// [`PREFETCH`] candidates ahead. The second asks the details test (summaries, places)
    /// of the most alike first, and stops once [`MAX_SOURCES`] have passed and the next is
    /// less alike than the last of them (when more pass than are kept at the least alike
    /// kept, it asks the rest and keeps as `closest_stories` does). On the bench
    /// (benches/sources.rs, 100,000 articles) half of a lookup's candidates pass the first
    /// pass and a tenth of them are asked the details test.
    fn closest_stories_of(
        &self,
        memo: &mut StoryMemo,
        this: &ArticleSummary,
        slots: &[u32],
        likely_only: bool,
    ) -> Vec<(u32, Story)> {
        // (slot, story, whether the details test was asked already)
        let mut found: Vec<(u32, Story, bool)> = Vec::new();
        {
            let mut cache = self.weight_cache();
            memo.stories.reserve(slots.len());
            for (i, slot) in slots.iter().enumerate() {
                if let Some(ahead) = slots.get(i + PREFETCH) {
                    self.prefetch_slot(&cache, *ahead);
                }
                if let Some(near) = slots.get(i + PREFETCH / 2) {
                    self.prefetch_words(*near);
                }
                let (story, asked) = match memo.stories.get(slot) {
                    Some(known) => (*known, true),
                    None => match self.slot_story_by_words(&mut cache, memo, this, *slot) {
                        Some(None) => {
                            memo.stories.insert(*slot, None);
                            (None, true)
                        }
                        Some(Some(st)) => (Some(st), false),
                        None => {
                            let Some(other) = self.article(*slot) else {
                                continue;
                            };
                            (
                                self.story_in(&mut cache, memo, this, other, Some(*slot)),
                                true,
                            )
                        }
                    },
                };
                if let Some(st) = story.filter(|st| st.likely || !likely_only) {
                    found.push((*slot, st, asked));
                }
            }
        }
        let closeness = |st: &Story| (u8::from(st.likely), st.sim);
        let by_closeness = found.len() > MAX_SOURCES && found.iter().all(|f| !f.1.sim.is_nan());
        let mut order: Vec<usize> = (0..found.len()).collect();
        if by_closeness {
            order.sort_by(|a, b| {
                closeness(&found[*b].1)
                    .partial_cmp(&closeness(&found[*a].1))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        }
        let mut kept = vec![false; found.len()];
        let mut passed = 0;
        let mut least_kept = None;
        let mut k = 0;
        while let Some(&i) = order.get(k) {
            let Some((slot, st, asked)) = found.get(i).copied() else {
                break;
            };
            if by_closeness
                && passed >= MAX_SOURCES
                && least_kept.is_some_and(|l| closeness(&st) < l)
            {
                break;
            }
            if let Some(ahead) = order.get(k + PREFETCH).and_then(|j| found.get(*j)) {
                self.prefetch_summary(ahead.0);
            }
            if let Some(near) = order.get(k + PREFETCH / 2).and_then(|j| found.get(*j)) {
                self.prefetch_places(near.0);
            }
            kept[i] = asked || self.details_of(memo, this, slot, st);
            if kept[i] {
                passed += 1;
                if passed == MAX_SOURCES {
                    least_kept = Some(closeness(&st));
                }
            }
            k += 1;
        }
        if passed > MAX_SOURCES {
            // more pass than are kept at the least alike kept: which of them are kept depends on
            // all, as `closest_stories` picks them
            for &i in order.get(k..).unwrap_or_default() {
                if let Some((slot, st, asked)) = found.get(i).copied() {
                    kept[i] = asked || self.details_of(memo, this, slot, st);
                }
            }
        }
        let mut out: Vec<(u32, Story)> = found
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|((slot, st, _), _)| (*slot, *st))
            .collect();
        closest_stories(&mut out);
        out
    }

    /// The second pass of [`Index::closest_stories_of`] for the article in `slot`, found by
    /// words to be `story`: true when [`Index::details_agree`]; remembered in the memo.
    fn details_of(
        &self,
        memo: &mut StoryMemo,
        this: &ArticleSummary,
        slot: u32,
        story: Story,
    ) -> bool {
        let agree = self
            .article(slot)
            .is_some_and(|other| self.details_agree(memo, this, other, Some(slot)));
        memo.stories.insert(slot, agree.then_some(story));
        agree
    }

    /// Asks for the memory the first pass of [`Index::closest_stories_of`] reads of the
    /// article in `slot` directly: what the index keeps of it (see [`SlotWords`]) and its
    /// keyword weight total.
    fn prefetch_slot(&self, cache: &WeightCache, slot: u32) {
        let slot = slot as usize;
        if let Some(w) = self.slot_words.get(slot) {
            prefetch_lines(w, 2);
        }
        if let Some(n) = cache.norms.get(slot) {
            prefetch_lines(n, 1);
        }
    }

    /// Asks for the memory the first pass reads that the article in `slot` points to: its
    /// keyword numbers and news days (what [`Index::prefetch_slot`] fetched says where).
    fn prefetch_words(&self, slot: u32) {
        if let Some(w) = self.slot_words.get(slot as usize) {
            prefetch_lines(&*w.ids, 4);
            prefetch_lines(&*w.news, 1);
        }
    }

    /// Asks for the summary of the article in `slot` (the details test reads it).
    fn prefetch_summary(&self, slot: u32) {
        if let Some(a) = self.slots.get(slot as usize) {
            prefetch_lines(a, 8);
        }
    }

    /// Asks for the places of the article in `slot` (what [`Index::prefetch_summary`] fetched
    /// says where).
    fn prefetch_places(&self, slot: u32) {
        if let Some(a) = self.article(slot) {
            prefetch_lines(a.places.as_slice(), 1);
            for p in a.places.iter().take(2) {
                prefetch_lines(p.as_str(), 1);
            }
        }
    }

    /// Figures in other articles of the same story that count the same thing as `claim`,
    /// newest first.
    pub fn claim_matches<'a>(
        &'a self,
        this: &ArticleSummary,
        claim: &ClaimSummary,
        window_days: i64,
    ) -> Vec<ClaimMatch<'a>> {
        let mut out = Vec::new();
        // the other mentions of this figure in this article
        let own = mentions(this, claim);
        self.with_memo(this, window_days, |memo| {
            let slots = match self.memo_candidates(memo, this) {
                Some(c) => self.claim_candidates(c, this, claim, window_days),
                None => self.claim_slots(this, claim, window_days),
            };
            let stories = self.closest_stories_of(memo, this, &slots, false);
            for (slot, story) in stories {
                let Some(other) = self.article(slot) else {
                    continue;
                };
                let scored = scored_figures(this, claim, &own, other, story.cos);
                keep_closest(memo, this, claim, (slot, other), &story, &scored, &mut out);
            }
        });
        out.sort_by(|a, b| {
            b.article
                .published
                .cmp(&a.article.published)
                .then(a.article.path.cmp(&b.article.path))
                .then(a.claim.span.cmp(&b.claim.span))
        });
        out
    }

    /// The articles with a figure of `claim`'s measure in the weeks within `window_days` of
    /// `this` (or any week when it has no date), each once.
    fn claim_slots(
        &self,
        this: &ArticleSummary,
        claim: &ClaimSummary,
        window_days: i64,
    ) -> Vec<u32> {
        let mut weeks: Vec<i64> = match claim_weeks(this, window_days) {
            // articles published more than the window apart are not the same story
            Some(weeks) => weeks.collect(),
            None => self
                .claims
                .keys()
                .filter(|(m, _)| *m == claim.measure)
                .map(|(_, w)| *w)
                .collect(),
        };
        if this.published.is_some() {
            weeks.push(NO_DATE);
        }
        let mut slots: Vec<u32> = Vec::new();
        for w in weeks {
            if let Some(posting) = self.claims.get(&(claim.measure.clone(), w)) {
                slots.extend(posting.iter().map(|(slot, _)| *slot));
            }
        }
        slots.sort_unstable();
        slots.dedup();
        slots
    }

    /// The same slots as [`Index::claim_slots`] among `candidates` (sorted, texts in the
    /// postings): those with a figure of `claim`'s measure published in the weeks it reads.
    fn claim_candidates(
        &self,
        candidates: &[u32],
        this: &ArticleSummary,
        claim: &ClaimSummary,
        window_days: i64,
    ) -> Vec<u32> {
        let weeks = claim_weeks(this, window_days);
        candidates
            .iter()
            .copied()
            .filter(|slot| {
                self.article(*slot).is_some_and(|o| {
                    let w = week(o.published);
                    let dated = weeks
                        .as_ref()
                        .is_none_or(|r| w == NO_DATE || r.contains(&w));
                    dated && o.claims.iter().any(|c| c.measure == claim.measure)
                })
            })
            .collect()
    }

    /// The candidates of `memo`'s article (see [`Index::candidates`]), found once per memo.
    fn memo_candidates<'m>(
        &self,
        memo: &'m mut StoryMemo,
        this: &ArticleSummary,
    ) -> Option<&'m [u32]> {
        if memo.candidates.is_none() {
            memo.candidates = Some(self.candidates(this));
        }
        memo.candidates.as_ref().and_then(|c| c.as_deref())
    }

    /// The slots of the texts that can be one story with `this`, sorted: those sharing with
    /// it a story key (see [`story_keys`]) fewer than [`HOUSE_TEXTS`] texts hold, and the open
    /// ones (see [`Index::open_slots`]). Any other pair is set apart by
    /// [`Index::apart_but_template`]: it shares no rare word, and each article names something
    /// of its own that the other does not name as a place. None when any text can be one
    /// story with `this` (it names nothing of its own, or has no keywords) or when the list of
    /// a rare key was dropped (see [`KEPT`]).
    fn candidates(&self, this: &ArticleSummary) -> Option<Vec<u32>> {
        if this.keywords.is_empty() || !names_own(this, |k| self.df_of(k)) {
            return None;
        }
        let mut out = self.open_slots();
        for k in story_keys(this) {
            if self.df_of(k) >= HOUSE_TEXTS {
                continue;
            }
            if let Some(key) = self.keys.get(&k) {
                out.extend(key.slots()?);
            }
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }

    /// The texts in the postings (first copies) that can be one story with an article sharing
    /// no rare key with them: those without keywords and those naming nothing of their own
    /// (see [`names_own`]). Found once per index generation (the counts change).
    fn open_slots(&self) -> Vec<u32> {
        let mut open = self.open.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((generation, v)) = open.as_ref() {
            if *generation == self.generation {
                return v.clone();
            }
        }
        let mut v: Vec<u32> = self
            .copies
            .values()
            .filter_map(|c| c.first().copied())
            .filter(|slot| {
                self.article(*slot)
                    .is_some_and(|a| a.keywords.is_empty() || !names_own(a, |k| self.df_of(k)))
            })
            .collect();
        v.sort_unstable();
        *open = Some((self.generation, v.clone()));
        v
    }

    /// The events dated within a week of `event` that share at least three of its words, by
    /// day, then slot (the postings hold each event under each of its words' day keys).
    fn event_candidates(&self, event: &EventSummary) -> Vec<(u32, u32)> {
        let w = day(event.date);
        let mut seen: Vec<(u32, u32)> = Vec::new();
        for wk in w - 7..=w + 7 {
            for h in &event.word_hashes {
                if let Some(posting) = self.events.get(&event_key(wk, *h)) {
                    seen.extend_from_slice(posting);
                }
            }
        }
        seen.sort_unstable();
        let mut out = Vec::new();
        for run in seen.chunk_by(|a, b| a == b) {
            if let Some(first) = run.first().filter(|_| run.len() >= 3) {
                out.push(*first);
            }
        }
        // by day first, as a day's postings were read before: the first match cited is the
        // nearest in the calendar's order, whatever the postings' layout
        out.sort_by_cached_key(|&(slot, ei)| {
            let d = self
                .article(slot)
                .and_then(|o| o.events.get(ei as usize))
                .map_or(i64::MAX, |e| day(e.date));
            (d, slot, ei)
        });
        out
    }

    /// Dates that other articles of the same story give for the same event, newest first.
    pub fn event_matches<'a>(
        &'a self,
        this: &ArticleSummary,
        event: &EventSummary,
        window_days: i64,
    ) -> Vec<EventMatch<'a>> {
        let hashed;
        let event = if event.word_hashes.is_empty() {
            hashed = EventSummary {
                word_hashes: super::hash_words(&event.words),
                ..event.clone()
            };
            &hashed
        } else {
            event
        };
        let mut out = Vec::new();
        let found = self.with_memo(this, window_days, |memo| {
            if let Some(known) = memo.events.get(&event.span) {
                return known.clone();
            }
            // events differing by more than a week are not compared (see compare_events)
            let mut candidates: Vec<EventHit> = Vec::new();
            self.memo_candidates(memo, this);
            for (slot, ei) in self.event_candidates(event) {
                if !memo.may_be_story(slot) {
                    continue;
                }
                let Some(o) = self.article(slot) else {
                    continue;
                };
                if published_apart(this, o, window_days) {
                    continue;
                }
                let Some(e) = o.events.get(ei as usize) else {
                    continue;
                };
                // the same words around the date, a week apart at most
                if let Some(verdict) = compare_events(event, e) {
                    candidates.push((slot, ei, verdict));
                }
            }
            // the most alike stories, each with its events of the same words
            let mut slots: Vec<u32> = candidates.iter().map(|(s, _, _)| *s).collect();
            slots.sort_unstable();
            slots.dedup();
            let stories = self.closest_stories_of(memo, this, &slots, true);
            candidates
                .retain(|(slot, _, _)| stories.binary_search_by_key(slot, |(s, _)| *s).is_ok());
            memo.events.insert(event.span, candidates.clone());
            candidates
        });
        for (slot, ei, verdict) in found {
            let Some(other) = self.article(slot) else {
                continue;
            };
            let Some(e) = other.events.get(ei as usize) else {
                continue;
            };
            out.push(EventMatch {
                article: other,
                event: e,
                verdict,
            });
        }
        out.sort_by(|a, b| {
            b.article
                .published
                .cmp(&a.article.published)
                .then(a.article.path.cmp(&b.article.path))
        });
        out
    }

    /// How other articles of the same story write this person's name (same spelling or a variant).
    pub fn name_uses<'a>(
        &'a self,
        this: &ArticleSummary,
        name: &str,
        window_days: i64,
    ) -> Vec<NameUse<'a>> {
        let mut out = Vec::new();
        // a variant may differ in the surname too ("Kestrelyan"/"Kesrelyan"): look up by the first letters
        let key = surname(name);
        let prefix: String = key.chars().take(3).collect();
        let from = std::ops::Bound::Included(prefix.as_str());
        self.with_memo(this, window_days, |memo| {
            self.memo_candidates(memo, this);
            let postings = self
                .names
                .range::<str, _>((from, std::ops::Bound::Unbounded))
                .take_while(|(k, _)| k.starts_with(&prefix))
                .flat_map(|(_, posting)| posting);
            for &(slot, ni) in postings {
                // the cheap tests first
                let Some(other) = self.article(slot).filter(|_| memo.may_be_story(slot)) else {
                    continue;
                };
                if published_apart(this, other, window_days) {
                    continue;
                }
                let Some(n) = other.names.get(ni as usize) else {
                    continue;
                };
                if (n.name == name || name_variant(name, &n.name))
                    && self
                        .story(memo, this, other, Some(slot))
                        .is_some_and(|s| s.likely)
                {
                    out.push(NameUse {
                        article: other,
                        name: n,
                    });
                }
            }
        });
        out.sort_by(|a, b| {
            b.article
                .published
                .cmp(&a.article.published)
                .then(a.article.path.cmp(&b.article.path))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::engine::summarize;

    fn index(files: &[(&str, &str)]) -> Index {
        let mut i = Index::new();
        for (path, text) in files {
            i.insert(summarize(path, &Analysis::new(text)));
        }
        i
    }

    fn matches(i: &Index, path: &str, figure: &str) -> Vec<(String, String, Verdict)> {
        let Some(this) = i.get(path) else {
            return Vec::new();
        };
        let Some(c) = this.claims.iter().find(|c| c.text.starts_with(figure)) else {
            return Vec::new();
        };
        i.claim_matches(this, c, 21)
            .into_iter()
            .map(|m| (m.article.path.clone(), m.claim.text.clone(), m.verdict))
            .collect()
    }

    const STRIKE_A: &str = " date 2031-04-17 At least five people were killed and 21 wounded overnight when a rocket struck the city of Erdenet, Mongolian officials said. The strike hit an apartment block near the bus depot. Since the fighting began, more than 400 soldiers have been killed, the defence ministry said.\n";
    const STRIKE_B: &str = " date 2031-04-17 Five people were killed when a rocket hit an apartment block near the bus depot in Erdenet overnight, officials said. Rescuers searched the rubble of the block through the morning.\n";
    const BAKE_SALE: &str = " date 2031-04-17 The school bake sale raised money for new library books, and five people volunteered at the stall, the organisers said.\n";

    /// Twenty-two reports of one template from different towns, the two rocket reports and a
    /// report naming nothing of its own.
    fn fairs() -> Index {
        let towns = [
            "Ashby",
            "Brackwater",
            "Calder",
            "Dunmore",
            "Eskdale",
            "Fenmoor",
            "Glenrock",
            "Harlow",
            "Ivybridge",
            "Jedburgh",
            "Kelso",
            "Lanark",
            "Moffat",
            "Nairn",
            "Oban",
            "Peebles",
            "Quarrington",
            "Rothes",
            "Selkirk",
            "Thurso",
            "Ullapool",
            "Wick",
        ];
        let mut files: Vec<(String, String)> = towns
            .iter()
            .enumerate()
            .map(|(n, t)| {
                let text = format!(
                    " date 2031-04-17 The council of {t} said {} people attended the harvest fair on the green, officials said.\n",
                    100 + n
                );
                (format!("{t}.txt"), text)
            })
            .collect();
        files.push(("a.txt".into(), STRIKE_A.into()));
        files.push(("b.txt".into(), STRIKE_B.into()));
        let plain = " date 2031-04-17 The council said 130 people attended the harvest fair on the green, officials said.\n";
        files.push(("plain.txt".into(), plain.into()));
        let mut i = Index::new();
        for (path, text) in &files {
            i.insert(summarize(path, &Analysis::new(text)));
        }
        i
    }

    #[test]
    fn every_article_that_can_be_one_story_is_a_candidate() {
        let i = fairs();
        let slot = |p: &str| i.by_path[p] as u32;
        let mut pruned = 0;
        for a in i.iter() {
            let mut memo = i.new_memo(a, 21, true);
            let candidates = i.candidates(a);
            for b in i.iter() {
                let b_slot = slot(&b.path);
                let story = i.story(&mut memo, a, b, Some(b_slot)).is_some();
                let candidate = candidates.as_ref().is_none_or(|c| c.contains(&b_slot));
                assert!(!story || candidate, "{} and {}", a.path, b.path);
                pruned += usize::from(!candidate);
            }
        }
        // two towns' fair reports share only the template's words: never compared
        let ashby = i.get("Ashby.txt").expect("ashby");
        let c = i.candidates(ashby).expect("ashby names a town of its own");
        assert!(!c.contains(&slot("Brackwater.txt")));
        // the rockets' reports share the town's name; the report naming nothing is open
        assert!(i
            .candidates(i.get("a.txt").expect("a"))
            .is_some_and(|c| c.contains(&slot("b.txt"))));
        assert!(c.contains(&slot("plain.txt")));
        assert!(i.candidates(i.get("plain.txt").expect("plain")).is_none());
        assert!(pruned > 400, "{pruned}");
        // the matches are those of every pair compared
        assert_eq!(matches(&i, "a.txt", "At least five").len(), 1);
    }

    #[test]
    fn a_figure_repeated_hundreds_of_times_is_still_matched_in_bounded_work() {
        let body = STRIKE_B.trim_start_matches(" date 2031-04-17 ");
        let b = format!(" date 2031-04-17 {}", body.repeat(300));
        let refs = [("a.txt", STRIKE_A), ("b.txt", b.as_str())];
        let i = index(&refs);
        let other = i.get("b.txt").expect("b");
        let counts = other
            .claims
            .iter()
            .filter(|c| c.measure == "killed")
            .count();
        assert!(counts >= 300, "{counts}");
        // the first mentions of the repeated figure stand for all of them
        let m = matches(&i, "a.txt", "At least five");
        assert!(!m.is_empty());
        assert!(m.iter().all(|(path, _, _)| path == "b.txt"));
        assert!(mentions(other, &other.claims[0]).len() <= MAX_MENTIONS);
    }

    #[test]
    fn a_key_lists_its_texts_until_too_many_hold_it() {
        let mut k = KeyUse::default();
        k.hold(7);
        k.hold(9);
        let listed = |k: &KeyUse| k.slots().map(|s| s.collect::<Vec<u32>>());
        assert_eq!(listed(&k), Some(vec![7, 9]));
        k.release(7);
        assert_eq!(listed(&k), Some(vec![9]));
        for s in 0..KEPT {
            k.hold(100 + s);
        }
        assert_eq!(listed(&k), None);
        // dropped for good, however many let go
        for s in 0..KEPT {
            k.release(100 + s);
        }
        assert_eq!(k.held, 1);
        assert_eq!(listed(&k), None);
        k.release(9);
        assert!(k.unused());
    }

    #[test]
    fn merged_keyword_weights_are_the_hashed_ones_to_the_last_bit() {
        let i = index(&[
            ("a.txt", STRIKE_A),
            ("b.txt", STRIKE_B),
            ("c.txt", BAKE_SALE),
        ]);
        let a = i.get("a.txt").expect("a");
        let memo = i.new_memo(a, 21, true);
        let hashed = |b: &[u64]| {
            let mut sums = Sums::default();
            for (i, k) in b.iter().enumerate() {
                sums.add(i, memo.words.get(k).copied().unwrap_or(0.0));
            }
            sums.total()
        };
        for other in ["a.txt", "b.txt", "c.txt"] {
            let mut b = i.get(other).expect("article").keywords.clone();
            assert!(b.windows(2).all(|w| w[0] <= w[1]));
            assert_eq!(shared_weight(&memo, &b), hashed(&b), "{other}");
            // the indexed article's keywords as numbers give the same sums
            let slot = i.by_path[other];
            let ids = &i.slot_words[slot].ids;
            assert_eq!(ids.len(), b.len());
            assert_eq!(shared_weight_by_id(&memo.by_id, ids), hashed(&b), "{other}");
            // a repeated keyword counts twice, as it did
            if let Some(k) = b.get(1).copied() {
                b.insert(1, k);
                assert_eq!(shared_weight(&memo, &b), hashed(&b), "{other}");
            }
            // an unsorted list is looked up word by word
            b.reverse();
            assert_eq!(shared_weight(&memo, &b), hashed(&b), "{other}");
        }
        assert!(shared_weight(&memo, &[]).0 == 0.0);
    }

    #[test]
    fn keyword_numbers_follow_removals_and_reused_slots() {
        let mut i = index(&[("a.txt", STRIKE_A), ("b.txt", STRIKE_B)]);
        i.remove("b.txt");
        i.insert(summarize("c.txt", &Analysis::new(BAKE_SALE)));
        i.insert(summarize("d.txt", &Analysis::new(STRIKE_B)));
        let a = i.get("a.txt").expect("a");
        let memo = i.new_memo(a, 21, true);
        for other in ["a.txt", "c.txt", "d.txt"] {
            let b = i.get(other).expect("article");
            let slot = i.by_path[other];
            assert_eq!(
                shared_weight_by_id(&memo.by_id, &i.slot_words[slot].ids),
                shared_weight(&memo, &b.keywords),
                "{other}"
            );
        }
    }

    #[test]
    fn a_long_feature_holding_a_brief_s_words_is_only_possibly_its_story() {
        // a brief on the Velmar league's lockout and a long feature on Tessaly's software
        // makers: the feature holds a fifth of the brief's weight of words (a state, a league,
        // a sum), yet their wordings have little in common
        assert!(!very_likely(0.21, 0.07, DATED.1));
        // two reports of one lockout share both
        assert!(very_likely(0.21, 0.25, DATED.1));
        assert!(!very_likely(0.08, 0.25, DATED.1));
    }

    #[test]
    fn the_closest_figure_of_the_same_story_matches_and_other_stories_do_not() {
        let i = index(&[
            ("a.txt", STRIKE_A),
            ("b.txt", STRIKE_B),
            ("c.txt", BAKE_SALE),
        ]);
        let m = matches(&i, "b.txt", "Five people");
        assert!(
            m.iter().any(|(p, t, v)| p == "a.txt"
                && t.starts_with("At least five")
                && *v == Verdict::Agrees),
            "{m:?}"
        );
        // the war's toll of soldiers is at most a narrower group, and the bake sale another story
        assert!(
            !m.iter()
                .any(|(_, t, v)| t.contains("400") && v.same_group()),
            "{m:?}"
        );
        assert!(!m.iter().any(|(p, _, _)| p == "c.txt"), "{m:?}");
        assert!(
            i.story_similarity(i.get("a.txt").expect("a"), i.get("b.txt").expect("b"))
                > i.story_similarity(i.get("a.txt").expect("a"), i.get("c.txt").expect("c"))
        );
    }

    #[test]
    fn a_toll_for_one_country_is_not_the_toll_for_two() {
        let i = index(&[
            ("a.txt", " date 2031-03-04 The floods killed more than 540 people in Paraguay and Uruguay, officials said on Tuesday as rescuers searched flooded buildings.\n"),
            ("b.txt", " date 2031-03-04 The floods killed at least 340 people in Paraguay, officials said on Tuesday as rescuers searched flooded buildings.\n"),
            ("c.txt", " date 2031-03-05 The floods have killed more than 700 people in Paraguay and Uruguay, officials said on Wednesday as rescuers searched flooded buildings.\n"),
        ]);
        let m = matches(&i, "a.txt", "more than 540");
        assert!(!m.iter().any(|(p, _, _)| p == "b.txt"), "{m:?}");
        assert!(
            m.iter()
                .any(|(p, _, v)| p == "c.txt" && *v == Verdict::Agrees),
            "{m:?}"
        );
    }

    #[test]
    fn every_mention_of_a_figure_pairs_with_every_mention_of_the_other() {
        // the lede's "at least 620 people" and the body's "620" are one figure
        let i = index(&[
            ("a.txt", " date 2031-03-03 The floods killed at least 620 people in the border region, officials said. Rescuers worked through the night. The toll of 620 is expected to rise, officials said.\n"),
            ("b.txt", " date 2031-03-03 At least 710 people were killed by the floods in the border region, officials said on Monday as rescuers worked through the night.\n"),
        ]);
        for figure in ["at least 620", "620 is"] {
            let m = matches(&i, "a.txt", figure.trim_end_matches(" is"));
            assert!(
                m.iter()
                    .any(|(p, t, _)| p == "b.txt" && t.starts_with("At least 710")),
                "{figure}: {m:?}"
            );
        }
    }

    #[test]
    fn a_toll_from_another_year_or_another_place_is_not_compared() {
        let i = index(&[
            ("a.txt", " date 2031-08-12 The flood has killed 71 people, passing the 64 people killed in a 2009 flood in another province, officials said.\n"),
            ("b.txt", " date 2031-08-13 The flood has killed 74 people, officials said on Wednesday, more than the 64 people killed in a 2009 flood.\n"),
            ("c.txt", " date 2031-09-15 The state counts 38 deaths from the storm, including 22 in Brackwater and 4 in Fenmoor, officials said.\n"),
            ("d.txt", " date 2031-09-15 At least 41 people died in Brackwater County after the storm, the sheriff said.\n"),
        ]);
        let m = matches(&i, "a.txt", "71 people");
        assert!(
            m.iter()
                .any(|(p, t, _)| p == "b.txt" && t.starts_with("74")),
            "{m:?}"
        );
        assert!(!m.iter().any(|(_, t, _)| t.starts_with("64")), "{m:?}");
        let m = matches(&i, "a.txt", "64 people");
        assert!(
            m.iter()
                .any(|(p, t, _)| p == "b.txt" && t.starts_with("64")),
            "{m:?}"
        );
        // "41 in Brackwater County" is Brackwater's toll, not the state's or Fenmoor's
        let m = matches(&i, "d.txt", "At least 41");
        assert!(m.iter().any(|(_, t, _)| t == "22"), "{m:?}");
        assert!(
            !m.iter().any(|(_, t, _)| t == "4" || t.starts_with("38")),
            "{m:?}"
        );
    }

    #[test]
    fn projections_regions_and_passed_counts() {
        let i = index(&[
            ("a.txt", " date 2031-03-05 The floods have killed more than 2,600 people in Paraguay and Uruguay, officials said, and experts warned the toll could surpass 9,000. In north and northwestern Uruguay, at least 310 deaths were reported, the health ministry said.\n"),
            ("b.txt", " date 2031-03-07 The flood's toll in Paraguay and Uruguay passed 9,000 on Friday, officials said, as rescuers searched flooded buildings. Uruguay's toll stood at 2,118, the health ministry said.\n"),
        ]);
        // the toll that passed 9,000 is the count that stood at more than 2,600 two days
        // earlier (which it does not contradict), not the projection
        let m = matches(&i, "b.txt", "9,000");
        assert!(
            m.iter().any(|(p, t, v)| p == "a.txt"
                && t.starts_with("more than 2,600")
                && *v == Verdict::Agrees),
            "{m:?}"
        );
        assert!(!m.iter().any(|(_, t, _)| t == "9,000"), "{m:?}");
        // a region's count is not the country's
        let m = matches(&i, "a.txt", "at least 310");
        assert!(!m.iter().any(|(_, t, _)| t == "2,118"), "{m:?}");
    }

    #[test]
    fn one_incident_reports_on_blocks_apart_sharing_an_age_by_chance_are_two_stories() {
        let report = |time: &str, age: &str, block: &str, street: &str| {
            format!(
                " date 2030-05-04 A shooting in Millbrook left two people wounded on Friday \
                 night, police said. At {time} p.m., a 31-year-old man and a {age}-year-old \
                 woman were standing outside a home in the {block} block of {street} Street \
                 when a car pulled up and a man fired shots.\n"
            )
        };
        let (a, b, c) = (
            report("9:40", "52", "7700", "Alder"),
            report("8:20", "19", "300", "Orme"),
            report("9:45", "19", "7700", "Alder"),
        );
        let i = index(&[
            ("a.txt", a.as_str()),
            ("b.txt", b.as_str()),
            ("c.txt", c.as_str()),
            ("d.txt", BAKE_SALE),
            ("e.txt", STRIKE_B),
        ]);
        let get = |p: &str| i.get(p).expect("indexed");
        // one age in common, each with an age the other lacks, blocks apart: two shootings
        assert!(!i.same_story(get("a.txt"), get("b.txt"), 21));
        // on the same block, the same incident told twice
        assert!(i.same_story(get("a.txt"), get("c.txt"), 21));
    }

    /// A dividend notice of a made-up company, as a desk writes hundreds of them a month.
    fn dividend_notice(company: &str, day: u32, cents: u32) -> String {
        format!(
            " date 2031-03-{day:02} The board of {company} Holdings declared a quarterly \
             dividend of {cents} cents a share, payable April 20 to shareholders of record on \
             April 6, the company said in a statement.\n"
        )
    }

    /// Made-up company names, none a word of the template.
    fn companies(n: usize) -> Vec<String> {
        let heads = [
            "Korv", "Belna", "Trisk", "Oduva", "Marel", "Zemp", "Quill", "Harb", "Vost",
        ];
        let tails = ["athon", "orex", "idyne", "ulco", "anta"];
        heads
            .iter()
            .flat_map(|h| tails.iter().map(move |t| format!("{h}{t}")))
            .take(n)
            .collect()
    }

    #[test]
    fn stories_told_in_one_template_about_different_companies_are_two_stories() {
        let names = companies(40);
        let mut files: Vec<(String, String)> = names
            .iter()
            .enumerate()
            .map(|(n, c)| {
                (
                    format!("{c}.txt"),
                    dividend_notice(c, 2 + (n % 3) as u32, 10 + n as u32),
                )
            })
            .collect();
        // the same company's notice told again, in other words
        let again = format!(
            " date 2031-03-03 {} Holdings will pay shareholders of record on April 6 a \
             quarterly dividend of 11 cents a share on April 20, a statement said.\n",
            names[1]
        );
        files.push(("again.txt".into(), again));
        // two more companies of one town: the town is no word of either's own
        for (n, c) in companies(42).iter().skip(40).enumerate() {
            let t = dividend_notice(c, 3, 50 + n as u32).replace(" Holdings", " Holdings in Salto");
            files.push((format!("town{n}.txt"), t));
        }
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let i = index(&refs);
        let get = |p: &str| i.get(p).expect("indexed");
        let (first, second) = (get(&files[0].0), get(&files[1].0));
        // forty notices share every word but the company's name: no word of its own in common
        assert!(!i.same_story(first, second, 21));
        assert!(i.same_story(second, get("again.txt"), 21));
        let (t0, t1) = (get("town0.txt"), get("town1.txt"));
        assert_eq!(t0.places, ["salto"]);
        assert!(!i.same_story(t0, t1, 21));
        // in a handful of texts the template's words are no house wording yet
        let few = index(&refs[..3]);
        let (a, b) = (
            few.get(refs[0].0).expect("a"),
            few.get(refs[1].0).expect("b"),
        );
        assert!(few.same_story(a, b, 21));
    }

    #[test]
    fn two_companies_sharing_a_third_party_s_words_are_two_stories() {
        let offering = |company: &str, day: u32, mln: u32| {
            format!(
                " date 2031-03-{day:02} {company} said it would sell {mln} mln shares of common \
                 stock through underwriters Trevoli Brothers and Ostrander Pell Securities, \
                 priced at about 14 dlrs a share.\n"
            )
        };
        let files = [
            ("a.txt", offering("Korvathon Corp", 3, 2)),
            ("b.txt", offering("Belnaorex Inc", 4, 3)),
            ("c.txt", offering("Korvathon Corp", 4, 2)),
        ];
        let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        let i = index(&refs);
        let get = |p: &str| i.get(p).expect("indexed");
        // every rare word but the companies' names in common: two issuers, one syndicate
        assert!(!i.same_story(get("a.txt"), get("b.txt"), 21));
        assert!(!i.same_story(get("b.txt"), get("a.txt"), 21));
        // the same issuer's offering told twice is one story
        assert!(i.same_story(get("a.txt"), get("c.txt"), 21));
    }

    #[test]
    fn a_company_many_texts_name_is_still_whom_its_own_story_is_about() {
        let sales = |company: &str, day: u32, pct: u32| {
            format!(
                " date 2031-03-{day:02} {company} said its sales for the four weeks ended \
                 February 28 rose {pct} pct from a year earlier, on more stores.\n"
            )
        };
        let names = companies(40);
        let mut files: Vec<(String, String)> = names
            .iter()
            .enumerate()
            .map(|(n, c)| {
                (
                    format!("{c}.txt"),
                    sales(&format!("{c} Inc"), 5, 3 + n as u32),
                )
            })
            .collect();
        // the carmaker every desk writes about: its name in texts of other weeks
        for d in 1..=24u32 {
            files.push((
                format!("maker{d}.txt"),
                format!(
                    " date 2031-01-{d:02} Velmar Motors Corp named a new head of its plant \
                     number {d}.\n"
                ),
            ));
        }
        files.push(("maker.txt".into(), sales("Velmar Motors Corp", 5, 90)));
        files.push(("maker-again.txt".into(), sales("Velmar Motors Corp", 6, 91)));
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let i = index(&refs);
        let get = |p: &str| i.get(p).expect("indexed");
        let (maker, other) = (get("maker.txt"), get(&files[0].0));
        // the carmaker's name is no rare word, yet the retailer's story never names it
        assert!(!i.same_story(maker, other, 21));
        assert!(!i.same_story(other, maker, 21));
        // the carmaker's own two reports are one story
        assert!(i.same_story(maker, get("maker-again.txt"), 21));
    }

    /// A ratings notice of a made-up company, given one of a few codes.
    fn ratings_notice(company: &str, day: u32, code: &str) -> String {
        format!(
            " date 2031-03-{day:02} The Harnet rating agency said it cut {company} Holdings \
             to {code} from its earlier grade, citing weaker earnings and more debt.\n"
        )
    }

    /// Forty ratings notices, each of five codes given to eight companies, and one company's
    /// notice told again in other words.
    fn ratings() -> Vec<(String, String)> {
        let codes = ["qrv4", "qrv5", "qrv6", "qrv7", "qrv8"];
        let names = companies(40);
        let mut files: Vec<(String, String)> = names
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let t = ratings_notice(c, 2 + (n % 3) as u32, codes[n % codes.len()]);
                (format!("{c}.txt"), t)
            })
            .collect();
        files.push((
            "again.txt".into(),
            format!(
                " date 2031-03-03 Weaker earnings led Harnet to cut {} Holdings to qrv5, \
                 the agency said.\n",
                names[1]
            ),
        ));
        files
    }

    #[test]
    fn notices_of_one_template_sharing_one_code_by_chance_are_two_stories() {
        let files = ratings();
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let i = index(&refs);
        let get = |p: &str| i.get(p).expect("indexed");
        // the first and sixth companies were given the same code: still two companies
        let (first, sixth) = (get(&files[0].0), get(&files[5].0));
        assert!(!first.subjects.is_empty());
        assert!(!i.same_story(first, sixth, 21));
        // the one company's notice told twice shares its name and its code
        assert!(i.same_story(get(&files[1].0), get("again.txt"), 21));
    }

    #[test]
    fn the_template_test_from_one_article_s_own_words_answers_as_the_full_test() {
        let names = companies(24);
        let mut files: Vec<(String, String)> = names
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let t = dividend_notice(c, 2 + (n % 3) as u32, 10 + n as u32);
                // some in a town, some in a country, some naming nowhere
                let t = match n % 3 {
                    0 => t.replace(" Holdings", " Holdings of Salto"),
                    1 => t.replace(" Holdings", " Holdings of Uruguay"),
                    _ => t,
                };
                (format!("{c}.txt"), t)
            })
            .collect();
        files.push((
            "again.txt".into(),
            format!(
                " date 2031-03-03 {} Holdings will pay a quarterly dividend of 11 cents.\n",
                names[1]
            ),
        ));
        // notices sharing one code by chance (see `ratings`)
        files.extend(ratings().into_iter().map(|(p, t)| (format!("r-{p}"), t)));
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let i = index(&refs);
        let all: Vec<&ArticleSummary> = i.iter().collect();
        for a in &all {
            let own = i.own_words(a);
            assert!(own.sorted);
            // an article not in the index, its keywords out of order: asked in full
            let mut shuffled = (*a).clone();
            shuffled.keywords.reverse();
            let own_shuffled = i.own_words(&shuffled);
            for b in &all {
                let full = i.apart_but_template(a, b);
                assert_eq!(
                    i.apart_but_template_of(&own, a, b, b.keywords.is_sorted()),
                    full,
                    "{} {}",
                    a.path,
                    b.path
                );
                assert_eq!(
                    i.apart_but_template_of(&own_shuffled, &shuffled, b, b.keywords.is_sorted()),
                    i.apart_but_template(&shuffled, b)
                );
            }
        }
    }

    #[test]
    fn stories_of_many_slots_answer_as_one_slot_at_a_time() {
        let mut files: Vec<(String, String)> = companies(12)
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let t = dividend_notice(c, 2 + (n % 3) as u32, 10 + n as u32);
                (format!("{c}.txt"), t)
            })
            .collect();
        files.extend(ratings().into_iter().map(|(p, t)| (format!("r-{p}"), t)));
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        for i in [fairs(), index(&refs)] {
            // every slot, one of them twice and one past the end: more than the prefetch
            // distance ahead, a repeat and a missing slot answer as one at a time too
            let mut slots: Vec<u32> = (0..i.slots.len() as u32).collect();
            slots.push(0);
            slots.push(i.slots.len() as u32 + 3);
            assert!(slots.len() > PREFETCH);
            for a in i.iter() {
                let mut batch = i.new_memo(a, 21, true);
                let got = i.stories_of(&mut batch, a, &slots);
                let mut one = i.new_memo(a, 21, true);
                let want: Vec<(u32, Story)> = slots
                    .iter()
                    .filter_map(|s| {
                        let b = i.article(*s)?;
                        Some((*s, i.story(&mut one, a, b, Some(*s))?))
                    })
                    .collect();
                let key = |v: &[(u32, Story)]| -> Vec<(u32, bool, u64, u64)> {
                    v.iter()
                        .map(|(s, st)| (*s, st.likely, st.sim.to_bits(), st.cos.to_bits()))
                        .collect()
                };
                assert_eq!(key(&got), key(&want), "{}", a.path);
            }
        }
    }

    #[test]
    fn the_closest_stories_in_two_passes_are_those_of_every_slot_asked_in_full() {
        // generated reports of one fortnight: more alike stories than are kept, some set apart
        // by their places, and copies differing by a bare number (the same words: ties in
        // similarity at the least alike kept)
        let mut rng = crate::bench::Rng::new(5);
        let mut files: Vec<(String, String)> = (0..150)
            .map(|n| {
                let text = crate::bench::article(&mut rng, 200);
                let body = text.get(17..).unwrap_or_default();
                let dated = format!(" date 2031-05-{:02} {body}", 3 + n % 12);
                (format!("desk/{n:03}.txt"), dated)
            })
            .collect();
        let copies: Vec<(String, String)> = files
            .iter()
            .take(30)
            .enumerate()
            .map(|(n, (p, t))| (format!("{p}.{n}"), format!("{t}\n\n{}\n", 11 + n)))
            .collect();
        files.extend(copies);
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let i = index(&refs);
        let mut slots: Vec<u32> = (0..i.slots.len() as u32 + 2).collect();
        slots.sort_unstable();
        let key = |v: &[(u32, Story)]| -> Vec<(u32, bool, u64, u64)> {
            v.iter()
                .map(|(s, st)| (*s, st.likely, st.sim.to_bits(), st.cos.to_bits()))
                .collect()
        };
        let mut trimmed = 0;
        for a in i.iter().step_by(3) {
            for likely_only in [false, true] {
                let mut one = i.new_memo(a, 21, true);
                let mut want = i.stories_of(&mut one, a, &slots);
                if likely_only {
                    want.retain(|(_, st)| st.likely);
                }
                trimmed += usize::from(want.len() > MAX_SOURCES);
                closest_stories(&mut want);
                let mut two = i.new_memo(a, 21, true);
                let got = i.closest_stories_of(&mut two, a, &slots, likely_only);
                assert_eq!(key(&got), key(&want), "{}", a.path);
                // asked again with what the memo remembers
                let again = i.closest_stories_of(&mut two, a, &slots, likely_only);
                assert_eq!(key(&again), key(&want), "{}", a.path);
            }
        }
        assert!(trimmed > 0);
    }

    #[test]
    fn a_city_roundup_is_never_shown_against_one_incident() {
        let i = index(&[
            ("a.txt", " date 2024-06-02 Four people were wounded in a shooting on Birch Avenue in Millbrook late Saturday, police said. Officers found the four near a corner store on Birch Avenue and took them to a hospital.\n"),
            ("b.txt", " date 2024-06-03 Nine people were wounded in shootings across Millbrook over the weekend, police said, among them people shot near a corner store on Birch Avenue late Saturday and taken to a hospital.\n"),
        ]);
        let (a, b) = (i.get("a.txt").expect("a"), i.get("b.txt").expect("b"));
        assert!(b
            .claims
            .iter()
            .any(|c| c.roundup && c.text.starts_with("Nine")));
        assert!(!a.claims.iter().any(|c| c.roundup));
        // the city's count over a weekend is another story than one shooting's toll
        let m = matches(&i, "a.txt", "Four people");
        assert!(!m.iter().any(|(_, t, _)| t.starts_with("Nine")), "{m:?}");
        let m = matches(&i, "b.txt", "Nine");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn a_city_roundup_is_no_wider_group_of_one_incident() {
        let i = index(&[
            ("a.txt", " date 2024-06-02 Two police officers were wounded in a shooting on Birch Avenue in Millbrook late Saturday, police said. Officers found the pair near a corner store on Birch Avenue and took them to a hospital.\n"),
            ("b.txt", " date 2024-06-03 Nine people were wounded in shootings across Millbrook over the weekend, police said, among them people shot near a corner store on Birch Avenue late Saturday and taken to a hospital.\n"),
        ]);
        let b = i.get("b.txt").expect("b");
        assert!(b
            .claims
            .iter()
            .any(|c| c.roundup && c.text.starts_with("Nine")));
        // a narrower group of one shooting is not shown against the city's weekend count
        let m = matches(&i, "a.txt", "Two police officers");
        assert!(m.is_empty(), "{m:?}");
        let m = matches(&i, "b.txt", "Nine");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn tolls_in_different_states_or_countries_are_not_compared() {
        let i = index(&[
            ("a.txt", " date 2031-09-13 Four other people died as the storm barreled into South Dakota, officials said, as rescuers searched flooded homes.\n"),
            ("b.txt", " date 2031-09-13 Two people died as the storm barreled across Paraguay, officials said, as rescuers searched flooded homes.\n"),
        ]);
        let (a, b) = (i.get("a.txt").expect("a"), i.get("b.txt").expect("b"));
        assert_eq!(a.claims[0].text, "Four other people");
        // South Dakota is a state, so the two tolls name different places
        assert_eq!(
            crate::sources::matching::rejection(a, &a.claims[0], b, &b.claims[0]),
            Some("places")
        );
        assert!(matches(&i, "a.txt", "Four").is_empty());
    }

    #[test]
    fn measurements_in_different_units_are_compared() {
        let i = index(&[
            ("a.txt", " date 2031-03-03 The quake struck at a depth of about 8 miles near Taunggyi, the geological survey said, and was followed by a strong aftershock.\n"),
            ("b.txt", " date 2031-03-03 The quake struck at a depth of 13.0 kilometers near Taunggyi, the geological survey said, and was followed by a strong aftershock.\n"),
            ("c.txt", " date 2031-03-03 The storm made landfall with maximum sustained winds of 130 miles per hour near Taunggyi, forecasters said, as it crossed the coast.\n"),
            ("d.txt", " date 2031-03-03 The storm made landfall with maximum sustained winds of 210 km/h near Taunggyi, forecasters said, as it crossed the coast.\n"),
        ]);
        let m = matches(&i, "a.txt", "about 8 miles");
        assert!(
            m.iter()
                .any(|(p, t, v)| p == "b.txt" && t.starts_with("13.0") && *v == Verdict::Agrees),
            "{m:?}"
        );
        let m = matches(&i, "c.txt", "130 miles");
        assert!(
            m.iter()
                .any(|(p, t, v)| p == "d.txt" && t.starts_with("210") && *v == Verdict::Agrees),
            "{m:?}"
        );
        // a length is not a speed (the four are of one day and place)
        let (b, d) = (i.get("b.txt").expect("b"), i.get("d.txt").expect("d"));
        assert_eq!(
            crate::sources::matching::rejection(b, &b.claims[0], d, &d.claims[0]),
            Some("group")
        );
    }

    #[test]
    fn counts_whose_nouns_name_one_kind_are_compared() {
        let i = index(&[
            ("a.txt", " date 2031-03-03 More than 200 vessels were waiting to pass through the Tessaly canal on Thursday, the canal authority said, as tugs worked to free the stranded freighter.\n"),
            ("b.txt", " date 2031-03-03 Some 240 ships were waiting to pass through the Tessaly canal on Thursday, the canal authority said, as tugs worked to free the stranded freighter.\n"),
        ]);
        let m = matches(&i, "a.txt", "More than 200 vessels");
        assert!(
            m.iter()
                .any(|(p, t, _)| p == "b.txt" && t.starts_with("Some 240")),
            "{m:?}"
        );
    }

    #[test]
    fn a_rounded_share_and_its_exact_value_are_one_figure() {
        let i = index(&[
            ("a.txt", " date 2031-06-20 Supporters of the charter won 57.38% of the vote in the referendum, the electoral commission said. Their 57% share was described as decisive by campaigners.\n"),
            ("b.txt", " date 2031-06-20 Voters approved the charter with 57.4 per cent of the vote in the referendum, the electoral commission said.\n"),
        ]);
        for figure in ["57.38%", "57%"] {
            let m = matches(&i, "a.txt", figure);
            assert!(
                m.iter()
                    .any(|(p, t, _)| p == "b.txt" && t.starts_with("57.4")),
                "{figure}: {m:?}"
            );
        }
    }

    #[test]
    fn an_attacker_named_in_the_sentence_is_not_the_toll_s_place() {
        let i = index(&[
            ("a.txt", " date 2031-04-18 The death toll from the rocket strike on Erdenet by Uruguay has reached 8 people, Mongolian prosecutors said, as rescuers searched the rubble of the block.\n"),
            ("b.txt", " date 2031-04-17 At least six people were killed in Erdenet, Mongolia said, as rescuers searched the rubble of the block after the rocket strike.\n"),
        ]);
        let m = matches(&i, "a.txt", "8 people");
        assert!(
            m.iter()
                .any(|(p, t, _)| p == "b.txt" && t.starts_with("At least six")),
            "{m:?}"
        );
    }

    #[test]
    fn a_count_of_countries_is_not_scoped_to_the_countries_it_names() {
        let i = index(&[
            ("a.txt", " date 2031-05-09 The blight has now spread to 37 countries, including Bhutan, the plant health agency said in Montevideo as it raised its alert.\n"),
            ("b.txt", " date 2031-05-09 The blight has reached 37 countries, among them Mongolia, the plant health agency said in Montevideo as it raised its alert.\n"),
        ]);
        let m = matches(&i, "a.txt", "37 countries");
        assert!(
            m.iter()
                .any(|(p, _, v)| p == "b.txt" && *v == Verdict::Agrees),
            "{m:?}"
        );
    }
}

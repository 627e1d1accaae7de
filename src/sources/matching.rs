//! When two claims (or dated events, or names) from different articles speak of the same thing,
//! and whether they agree.

use super::{ArticleSummary, ClaimSummary, EventSummary};
use crate::lexicon::sets::PLACE_NOUNS;
use crate::text::contains_ignoring_case;

pub(crate) use crate::lexicon::sets::STREET_NOUNS;
use serde::Serialize;

/// How another source's figure relates to this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Same group; the values overlap once qualifiers are taken into account.
    Agrees,
    /// Same group; the values cannot both be right.
    Differs,
    /// Same group; a later source reports a higher cumulative count (tolls grow).
    Updated,
    /// The other figure counts a narrower group ("Mongolian civilians" within "people").
    Narrower,
    /// The other figure counts a wider group.
    Broader,
}

impl Verdict {
    /// True for the verdicts on figures of the same group (agrees, differs, updated).
    pub fn same_group(self) -> bool {
        matches!(self, Verdict::Agrees | Verdict::Differs | Verdict::Updated)
    }

    /// True when `label` (a table cell's words, see [`Verdict::label`]) names a verdict on
    /// figures of the same group: the ones a story timeline draws.
    pub fn same_group_label(label: &str) -> bool {
        [Verdict::Agrees, Verdict::Differs, Verdict::Updated]
            .iter()
            .any(|v| v.label() == label)
    }

    /// Words for a table cell.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Differs => "differs",
            Verdict::Updated => "updated",
            Verdict::Narrower => "narrower group",
            Verdict::Broader => "wider group",
        }
    }
}

crate::word_set!(
    /// Groups of people, from the widest: a subgroup is comparable with "people" as narrower.
    PEOPLE = file "people-groups.txt"
);
/// The subgroups of people, widest first, each with its member words
/// (`people-subgroups.tsv`).
static SUBGROUPS: std::sync::LazyLock<Vec<(&str, Vec<&str>)>> = std::sync::LazyLock::new(|| {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for e in crate::lexicon::entries(crate::word_data!("people-subgroups.tsv")) {
        let mut c = crate::lexicon::columns(e);
        let (Some(w), Some(g)) = (c.next(), c.next()) else {
            continue;
        };
        match out.iter_mut().find(|(x, _)| *x == g) {
            Some((_, m)) => m.push(w),
            None => out.push((g, vec![w])),
        }
    }
    out
});
crate::word_set!(
    /// Words before a unit that change what it measures ("square miles").
    UNIT_MODIFIERS = file "unit-modifiers.txt"
);
crate::word_set!(
    /// Words taken for a figure's noun that name no group ("28 others").
    NOT_A_GROUP = file "count-not-a-group.txt"
);

fn singular(w: &str) -> String {
    let w = w.to_lowercase();
    if crate::lexicon::sets::IRREGULAR_PLURALS.contains(&w) {
        return w;
    }
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y");
    }
    if w.ends_with("ss") {
        return w;
    }
    w.strip_suffix('s').map_or(w.clone(), str::to_string)
}

/// The group a figure counts: "civilians" with the modifiers that set it apart ("mongolian").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// The group ("people", "civilian", "soldier", the measure, or the noun's head).
    pub name: String,
    /// Distinguishing modifiers such as nationalities (lowercase).
    pub modifiers: Vec<String>,
    /// For money: the currency its text names ("EUR", "GBP", "USD", "?").
    pub currency: &'static str,
    /// The size of its unit in the base unit of its quantity ("miles": 1,609 metres); 1 for
    /// counts and for units that do not convert.
    pub scale: f64,
}

impl ClaimSummary {
    /// The claim with its [`Group`] worked out.
    pub fn with_group(mut self) -> ClaimSummary {
        self.fill_group();
        self
    }

    /// Works out its [`Group`].
    pub fn fill_group(&mut self) {
        self.group = self.work_out_group();
    }

    fn work_out_group(&self) -> Option<Group> {
        group(
            self.noun.as_deref(),
            &self.measure,
            &self.context,
            &self.text,
        )
        .map(|(name, modifiers)| Group {
            scale: self
                .noun
                .as_deref()
                .filter(|_| self.measure == "other")
                .and_then(unit)
                .map_or(1.0, |(_, k)| k),
            name,
            modifiers,
            currency: if self.measure == "money" {
                currency(&self.text)
            } else {
                "?"
            },
        })
    }

    /// Its group: the one worked out, else worked out now.
    fn group_cow(&self) -> Option<std::borrow::Cow<'_, Group>> {
        match &self.group {
            Some(g) => Some(std::borrow::Cow::Borrowed(g)),
            None => self.work_out_group().map(std::borrow::Cow::Owned),
        }
    }
}

/// The group a noun counts: (group name, distinguishing modifiers such as nationalities).
fn group(
    noun: Option<&str>,
    measure: &str,
    context: &[String],
    text: &str,
) -> Option<(String, Vec<String>)> {
    let people_measure = counts_people(measure);
    // sums, shares and spans of time are told apart by their sentences, not by the word after
    // them ("€1.4bn fine against Corvane", "1.4 billion euros"); a duration keeps its unit
    match measure {
        "money" | "percent" => return Some((measure.to_string(), Vec::new())),
        "duration" => {
            let l = text.to_ascii_lowercase();
            let unit = crate::lexicon::sets::DURATION_UNIT_SET
                .iter()
                .copied()
                .find(|u| !u.ends_with('s') && l.contains(u))
                .unwrap_or("duration");
            return Some((format!("duration:{unit}"), Vec::new()));
        }
        _ => {}
    }
    // "magnitude 6.1", "6.1-magnitude earthquake", "M6.1", "the 5.9 mag"
    let magnitude = |w: &str| {
        let l = w.to_ascii_lowercase();
        l.contains("magnitude") || l.split(|c: char| !c.is_alphanumeric()).any(|x| x == "mag")
    };
    if magnitude(text)
        || noun.is_some_and(magnitude)
        || (text.starts_with('M') && text[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return Some(("magnitude".to_string(), Vec::new()));
    }
    // "8 miles" and "13.0 kilometers" are lengths, "130 mph" and "210 km/h" speeds
    if measure == "other" {
        if let Some((quantity, _)) = noun.and_then(unit) {
            return Some((quantity.to_string(), Vec::new()));
        }
    }
    let Some(noun) = noun.filter(|n| !n.trim().is_empty()) else {
        // "the military death toll rose to 476": with no counted noun, a sentence that names
        // soldiers or civilians (not both) says whom the toll counts
        if people_measure {
            let mut hit = SUBGROUPS.iter().take(2).filter(|(_, members)| {
                context
                    .iter()
                    .any(|w| members.contains(&singular(w).as_str()))
            });
            if let (Some((g, _)), None) = (hit.next(), hit.next()) {
                return Some((g.to_string(), Vec::new()));
            }
        }
        // "57.4%", "€1.4 billion": the measure itself is the group; the sentence decides the topic
        return Some((
            if people_measure {
                "people".to_string()
            } else {
                measure.to_string()
            },
            Vec::new(),
        ));
    };
    let words: Vec<&str> = noun
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let head = words
        .iter()
        .rev()
        .find(|w| w.chars().any(char::is_alphabetic))
        .map(|w| singular(w))?;
    // "vessels" and "ships": another name of one kind
    let head = crate::lexicon::sets::noun_kind(&head).map_or(head, str::to_string);
    let modifiers: Vec<String> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.to_lowercase())
        .filter(|w| *w != head)
        .collect();
    // "28 others", and words the figures stage took for a noun ("54 confirmed", "44 statewide")
    let not_a_noun = head.ends_with("ed") || NOT_A_GROUP.contains(&head);
    if PEOPLE.contains(&head) || (people_measure && not_a_noun) {
        return Some(("people".to_string(), modifiers));
    }
    for (g, members) in SUBGROUPS.iter() {
        if members.contains(&head.as_str()) {
            return Some((g.to_string(), modifiers));
        }
    }
    if people_measure {
        // "dozens of homes destroyed" is not a toll of people
        return Some((head, modifiers));
    }
    Some((head, modifiers))
}

/// How two groups relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same group.
    Same,
    /// The second is a narrower group than the first.
    Narrower,
    /// The second is a wider group than the first.
    Broader,
}

fn relate(a: &ClaimSummary, b: &ClaimSummary) -> Option<Relation> {
    let (ga, gb) = (a.group_cow()?, b.group_cow()?);
    let (ga, ma, gb, mb) = (&ga.name, &ga.modifiers, &gb.name, &gb.modifiers);
    // "Mongolian civilians" and "Paraguayan civilians" are different groups
    if !ma.is_empty() && !mb.is_empty() && !ma.iter().any(|m| mb.contains(m)) {
        return None;
    }
    let rel_groups = if ga == gb {
        Relation::Same
    } else if ga == "people" && SUBGROUPS.iter().any(|(g, _)| g == gb) {
        Relation::Narrower
    } else if gb == "people" && SUBGROUPS.iter().any(|(g, _)| g == ga) {
        Relation::Broader
    } else {
        return None;
    };
    Some(match (rel_groups, ma.is_empty(), mb.is_empty()) {
        (Relation::Same, true, false) => Relation::Narrower,
        (Relation::Same, false, true) => Relation::Broader,
        (r, _, _) => r,
    })
}

/// True when two articles name a place in common: the same place, or a place and the
/// country or state it lies in ("Bavaria" and "Germany", a city and its state; not two states
/// of one country). Two local reports (no country named) are compared by their most specific
/// places ([`most_specific`]): a state both name beside two different cities of it is no
/// place in common (a town's news happened in the town; a country's runs across its regions).
pub(crate) fn places_overlap(a: &[String], b: &[String]) -> bool {
    use crate::lexicon::places::lies_in;
    let (a, b): (Vec<&str>, Vec<&str>) = if local_places(a) && local_places(b) {
        (most_specific(a), most_specific(b))
    } else {
        (
            a.iter().map(String::as_str).collect(),
            b.iter().map(String::as_str).collect(),
        )
    };
    a.iter()
        .any(|x| b.iter().any(|y| x == y || lies_in(x, y) || lies_in(y, x)))
}

/// The places of a list that hold none of the others: a state named beside one of its cities
/// stands for that city ("a shooting in <city>, <state>"). A name the gazetteer does not
/// place (a neighbourhood, a county) holds nothing and is kept.
fn most_specific(v: &[String]) -> Vec<&str> {
    use crate::lexicon::places::lies_in;
    v.iter()
        .filter(|p| !v.iter().any(|q| q != *p && lies_in(q, p)))
        .map(String::as_str)
        .collect()
}

/// The number of items two sorted lists share.
pub(crate) fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    // both sorted
    super::sorted::common(a, b).count()
}

/// True when two articles can be about the same story: publication dates within the window
/// (when both are known) and at least two named entities in common.
pub fn same_story(a: &ArticleSummary, b: &ArticleSummary, window_days: i64) -> bool {
    if a.path == b.path {
        return false;
    }
    let topics = shared(&a.topics, &b.topics);
    match (a.published, b.published) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= window_days && topics >= 2,
        // without both dates, ask for more in common
        _ => topics >= 3,
    }
}

/// How many days before its publication an article's news may have happened and still be
/// told by the days it names (a follow-up names the day of the event it follows up).
const NEWS_DAYS_BACK: i64 = 21;

/// The days an article's news happened on: the days it names from [`NEWS_DAYS_BACK`] days
/// before its publication to the day after; else, when it names none, its publication day
/// and the day before ("late Wednesday" in Thursday's paper). Empty without a publication
/// date.
fn news_days(a: &ArticleSummary) -> Vec<chrono::NaiveDate> {
    let Some(p) = a.published else {
        return Vec::new();
    };
    let named: Vec<chrono::NaiveDate> = a
        .days
        .iter()
        .map(|d| d.date)
        .filter(|d| {
            let back = (p - *d).num_days();
            (-1..=NEWS_DAYS_BACK).contains(&back)
        })
        .collect();
    if named.is_empty() {
        vec![p, p - chrono::Duration::days(1)]
    } else {
        named
    }
}

/// How many days lie between the nearest two days two articles' news happened on (see
/// [`news_days`]); None when either is undated.
fn news_gap(a: &ArticleSummary, b: &ArticleSummary) -> Option<i64> {
    gap(&news_days(a), &news_days(b))
}

/// The least number of days between a day of `da` and one of `db`; None when either is empty.
fn gap(da: &[chrono::NaiveDate], db: &[chrono::NaiveDate]) -> Option<i64> {
    da.iter()
        .flat_map(|x| db.iter().map(move |y| (*x - *y).num_days().abs()))
        .min()
}

/// True when two articles tell of news on different days: both dated, and no day one names
/// (see [`news_days`]) is within a day of a day the other names. Two shootings in one city a
/// few days apart share every word of the story but the days.
pub fn days_apart(a: &ArticleSummary, b: &ArticleSummary) -> bool {
    news_gap(a, b).is_some_and(|g| g > 1)
}

/// The TF-IDF cosine two articles need to be one story when their news days are apart (see
/// [`days_apart`]) ...
const COSINE_APART: f64 = 0.12;

/// ... and when they are a week or more apart: a report of the same news a week later names
/// the day it happened (then the days are not apart), so two reports of days a week apart
/// are one story only when their texts are nearly the same (a re-run of one report). Two
/// shootings on one street a fortnight apart, told in the same words by one newsroom, are
/// alike, but less.
const COSINE_WEEK_APART: f64 = 0.6;

/// Days between the news of two articles from which they are a week apart (see
/// [`COSINE_WEEK_APART`]).
const WEEK: i64 = 7;

/// The TF-IDF cosine (see `Index::story_cosine`) two articles need to be one story: `least`
/// when their news happened on the same days, more when the days are apart (two incidents of
/// one kind in one city share every word of the story but the days).
pub fn cosine_needed(a: &ArticleSummary, b: &ArticleSummary, least: f64) -> f64 {
    NewsDays::of(a).cosine_needed(b, least)
}

/// What [`cosine_needed`] asks of one article, worked out once for the article a lookup
/// compares with every candidate (see `Index::story`).
pub(crate) struct NewsDays {
    /// Its [`news_days`] as day numbers (see [`day_number`]): a lookup measures the gap to thousands of
    /// articles' days.
    numbers: Vec<i64>,
    /// The same with its publication day (see [`NewsDays::cosine_needed_with`]), as numbers.
    with_publication: Vec<i64>,
    /// True when it names no country (see [`cosine_needed`]).
    local: bool,
}

impl NewsDays {
    /// The news days of `a`.
    pub(crate) fn of(a: &ArticleSummary) -> NewsDays {
        let days = news_days(a);
        let numbers: Vec<i64> = days.iter().copied().map(day_number).collect();
        NewsDays {
            with_publication: numbers
                .iter()
                .copied()
                .chain(a.published.map(day_number))
                .collect(),
            numbers,
            local: local(a),
        }
    }

    /// [`cosine_needed`] of this article and `b`.
    pub(crate) fn cosine_needed(&self, b: &ArticleSummary, least: f64) -> f64 {
        self.cosine_needed_with(b, || local(b), None, least)
    }

    /// The same, told by `b_local` whether `b` names no country (see [`local`]) and, when
    /// known, `b`'s news days (see [`news_day_numbers`]): an index works both out once per
    /// article.
    pub(crate) fn cosine_needed_with(
        &self,
        b: &ArticleSummary,
        b_local: impl FnOnce() -> bool,
        b_news: Option<&[i32]>,
        least: f64,
    ) -> f64 {
        if let Some(theirs) = b_news {
            return self.cosine_needed_numbered(b.published, b_local, theirs, least);
        }
        match gap_to_news_numbered(&self.numbers, b) {
            Some(g)
                if g >= WEEK
                    && self.local
                    && b_local()
                    && self
                        .gap_with_publication(b.published, &news_day_numbers(b))
                        .is_some_and(|w| w >= WEEK) =>
            {
                COSINE_WEEK_APART
            }
            Some(g) if g > 1 => COSINE_APART.max(least),
            _ => least,
        }
    }

    /// The same for an indexed `b`, told only its publication date and news days as an index
    /// keeps them (see [`news_day_numbers`]): a lookup asks it of a thousand candidates
    /// without reading their summaries.
    pub(crate) fn cosine_needed_numbered(
        &self,
        b_published: Option<chrono::NaiveDate>,
        b_local: impl FnOnce() -> bool,
        b_news: &[i32],
        least: f64,
    ) -> f64 {
        match gap_of_numbers(&self.numbers, b_news) {
            Some(g)
                if g >= WEEK
                    && self.local
                    && b_local()
                    && self
                        .gap_with_publication(b_published, b_news)
                        .is_some_and(|w| w >= WEEK) =>
            {
                COSINE_WEEK_APART
            }
            Some(g) if g > 1 => COSINE_APART.max(least),
            _ => least,
        }
    }
}

impl NewsDays {
    /// The gap (see [`gap`]) between this article's news days and `b`'s (`b_news`, see
    /// [`news_day_numbers`]), each with its publication day (`b_published`): a week apart
    /// counts the publication days too, as an article may name only an older day (the last
    /// time something like it happened) beside news of the day it was published.
    fn gap_with_publication(
        &self,
        b_published: Option<chrono::NaiveDate>,
        b_news: &[i32],
    ) -> Option<i64> {
        let mine = &self.with_publication;
        let published = b_published.map(day_number);
        let theirs = gap_of_numbers(mine, b_news);
        let to_published = published.and_then(|p| mine.iter().map(|x| (x - p).abs()).min());
        theirs.into_iter().chain(to_published).min()
    }
}

/// `gap(days, &news_days(b))` without collecting `b`'s news days (a lookup asks it of
/// thousands of articles).
#[cfg(test)]
fn gap_to_news_of(days: &[chrono::NaiveDate], b: &ArticleSummary) -> Option<i64> {
    let numbers: Vec<i64> = days.iter().copied().map(day_number).collect();
    gap_to_news_numbered(&numbers, b)
}

/// A day as a number of days (since the common era): the difference of two is the number of
/// days between them, as `(x - y).num_days()` counts it, without building a duration.
fn day_number(d: chrono::NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// The [`news_days`] of an article as day numbers (see [`day_number`]), for an index to keep.
pub(crate) fn news_day_numbers(a: &ArticleSummary) -> Box<[i32]> {
    news_days(a)
        .into_iter()
        .map(|d| chrono::Datelike::num_days_from_ce(&d))
        .collect()
}

/// [`gap`] of days given as [`day_number`]s (`theirs` as an index keeps them).
fn gap_of_numbers(days: &[i64], theirs: &[i32]) -> Option<i64> {
    days.iter()
        .flat_map(|x| theirs.iter().map(move |y| (*x - i64::from(*y)).abs()))
        .min()
}

/// [`gap_to_news_of`] for days given as [`day_number`]s.
fn gap_to_news_numbered(days: &[i64], b: &ArticleSummary) -> Option<i64> {
    let p = day_number(b.published?);
    let nearest = |d: i64| days.iter().map(move |x| (*x - d).abs()).min();
    let mut named = false;
    let mut best: Option<i64> = None;
    for d in b.days.iter().map(|d| day_number(d.date)) {
        if (-1..=NEWS_DAYS_BACK).contains(&(p - d)) {
            named = true;
            best = best.into_iter().chain(nearest(d)).min();
        }
    }
    if named {
        best
    } else {
        nearest(p).into_iter().chain(nearest(p - 1)).min()
    }
}

/// True when `a` and `b`, two local reports, share nothing that would tie them to one
/// incident: no word of a name in common (the places they name aside) while at least one
/// names people (a report naming no one has no name to share with one that names the
/// victim), and their details do not tie them on balance (an age in common with street
/// blocks apart ties nothing: a city's shootings share ages by chance; see
/// [`super::details::ties`]). Alone, names apart
/// split reports of one incident (one outlet names the victim, another the police
/// spokesman); see [`chance_small_toll`] for when it is asked.
fn look_alike_incidents(a: &ArticleSummary, b: &ArticleSummary) -> bool {
    if super::details::ties(&a.details, &b.details) > 0 {
        return false;
    }
    let place_words: Vec<&str> = a
        .places
        .iter()
        .chain(&b.places)
        .flat_map(|p| p.split_whitespace())
        .collect();
    let (wa, wb) = (name_words(a, &place_words), name_words(b, &place_words));
    match (wa.is_empty(), wb.is_empty()) {
        (true, true) => false,
        (false, false) => shared(&wa, &wb) == 0,
        _ => true,
    }
}

/// Shortest word of a name that counts in [`look_alike_incidents`] ("Jo" and initials say
/// little).
const NAME_WORD_CHARS: usize = 3;

crate::word_set!(
    /// Last words of a neighbourhood's or a park's name ("Park", "Heights").
    NEIGHBOURHOOD_HEADS = file "neighbourhood-heads.txt"
);

/// The capitalised words of the names `a` gives, lowercase, sorted, without the words of
/// `places` (a city's name read as part of a name) and the words every town's streets and
/// neighbourhoods share ("South Fenwick Avenue" and "West Orme Avenue" share only those, as
/// "Alder Park" and "Orme Park" do; "Alder" still ties two reports of one shooting).
fn name_words(a: &ArticleSummary, places: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = a
        .names
        .iter()
        .flat_map(|n| n.name.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| w.chars().count() >= NAME_WORD_CHARS)
        .map(str::to_lowercase)
        .filter(|w| !places.contains(&w.as_str()))
        .filter(|w| {
            !STREET_NOUNS.contains(w)
                && !NEIGHBOURHOOD_HEADS.contains(w)
                && !crate::lexicon::sets::COMPASS_POINT_SET.contains(w)
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// News told for a country (a war, an outbreak, a count of the dead) runs for weeks in other
/// words; news told for a town and its streets happened on one day.
pub(crate) fn local(x: &ArticleSummary) -> bool {
    local_places(&x.places)
}

/// [`local`] of an article naming `places` (as [`ArticleSummary::places`] holds them).
pub(crate) fn local_places(places: &[String]) -> bool {
    !places.iter().any(|p| crate::lexicon::places::is_country(p))
}

/// True for a place that sets a figure's scope: a country or a first-level region of the
/// gazetteer (a state, a province). "7 killed in Erdenet" and "seven dead, Mongolia says"
/// count the same toll; "180 in Bhutan" and "540 in Swaziland and Bhutan" do not.
pub(crate) fn is_scope(place: &str) -> bool {
    crate::lexicon::places::is_scope(place)
}

/// True when two figures' scopes count the same places: the same names, or regions and the
/// country they lie in ("40 killed in Bavaria" and "Germany says 40 dead"; not two neighbouring
/// countries, nor two regions of one country).
fn scopes_agree(sa: &[&str], sb: &[&str]) -> bool {
    use crate::lexicon::places::{is_country, scope_countries};
    if sa == sb {
        return true;
    }
    // the most specific places: a country named beside one of its regions is that region
    // ("Bavaria, Germany" is Bavaria)
    let specific = |s: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = s
            .iter()
            .filter(|p| {
                !is_country(p)
                    || !s.iter().any(|q| {
                        q != *p
                            && !is_country(q)
                            && scope_countries(q)
                                .iter()
                                .any(|c| scope_countries(p).contains(c))
                    })
            })
            .map(|p| p.to_string())
            .collect();
        v.sort();
        v
    };
    let (ra, rb) = (specific(sa), specific(sb));
    if ra == rb {
        return true;
    }
    let only_countries = |s: &[String]| s.iter().all(|p| is_country(p));
    if !(only_countries(&ra) || only_countries(&rb)) {
        return false;
    }
    // a region and the country it lies in: every place of each side lies in (or is) a
    // country of the other side
    let covered = |x: &[String], y: &[String]| {
        x.iter().all(|p| {
            let cp = scope_countries(p);
            y.iter()
                .any(|q| scope_countries(q).iter().any(|c| cp.contains(c)))
        })
    };
    covered(&ra, &rb) && covered(&rb, &ra)
}

/// The places a figure counts for, sorted: the places its sentence ties it to, else the
/// countries and states named in its sentence.
fn scope(c: &ClaimSummary) -> Vec<&str> {
    let mut v: Vec<&str> = if c.scope.is_empty() {
        let v: Vec<&str> = c
            .places
            .iter()
            .map(String::as_str)
            .filter(|p| is_scope(p))
            .collect();
        // the places a sentence names around a figure not given "in" one: its countries
        // when it names any (a region named beside them is where something else happened)
        if v.iter().any(|p| crate::lexicon::places::is_country(p)) {
            v.into_iter()
                .filter(|p| crate::lexicon::places::is_country(p))
                .collect()
        } else {
            v
        }
    } else {
        c.scope.iter().map(String::as_str).collect()
    };
    v.sort_unstable();
    v.dedup();
    v
}

/// True for a count of places ("37 countries", "12 states"), whose sentence names some of
/// them rather than where it was counted.
fn counts_places(c: &ClaimSummary) -> bool {
    c.noun.as_deref().is_some_and(|n| {
        let head = singular(n.rsplit(' ').next().unwrap_or(n));
        PLACE_NOUNS.contains(&head)
    })
}

/// True for the measures that count what accumulates (a toll "passed 9,000"), as against
/// distances and prices ("passed 30 miles west of the port").
pub(crate) fn counts_over_time(measure: &str) -> bool {
    counts_people(measure) || measure == "count"
}

/// True for the measures that count people.
fn counts_people(measure: &str) -> bool {
    matches!(
        measure,
        "killed" | "injured" | "missing" | "displaced" | "arrested"
    )
}

/// How `b` (in article `bart`) relates to `a` (in `aart`), or None when they count different things.
///
/// This is the pairwise test; [`crate::sources::Index::claim_matches`] also asks that a pair
/// be each other's best candidate in their two articles (see [`affinity`]).
pub fn compare_claims(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> Option<Verdict> {
    affinity(aart, a, bart, b).map(|(v, _)| v)
}

/// Whether `b` can count what `a` counts, with how strongly their wording says so: None when
/// they count different things; else the verdict and a score (shared sentence words, the same
/// value, the same place and noun), used to pick, among an article's figures, the one that
/// speaks of the same thing.
pub fn affinity(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> Option<(Verdict, f64)> {
    judge(aart, a, bart, b).ok()
}

/// Why [`affinity`] finds that `b` does not count what `a` counts (None when it does): a few
/// words for people tuning the matcher.
pub fn rejection(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> Option<&'static str> {
    judge(aart, a, bart, b).err()
}

/// [`affinity`], with the reason when the figures count different things.
fn judge(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> Result<(Verdict, f64), &'static str> {
    same_kind(aart, a, bart, b)?;
    // another actor's figure, or one person's family ("a wife and two children")
    super::holder::held_apart(aart, a, bart, b, counts_over_time(&a.measure))?;
    let rel = relate(a, b).ok_or("group")?;
    // "24 years on the bench" and "the fiercest quarrel of the last 25 years"
    if super::duration::apart(a, b) {
        return Err("length of another thing");
    }
    same_places(a, b)?;
    let people = counts_people(&a.measure);
    let ctx = shared_context(a, b);
    if people && roundup_mismatch(aart, a, bart, b) {
        return Err("round-up");
    }
    if chance_head_count(aart, a, bart, b) {
        return Err("small head count, no shared words");
    }
    // "46 percent higher" and "a 43 percent drop"
    if super::direction::opposite(a, b) {
        return Err("a rise against a fall");
    }
    if rel != Relation::Same && part_out_of_scale(a, b) {
        return Err("part out of scale");
    }
    if rel != Relation::Same {
        // narrower and wider groups of the same story are shown, not judged
        let v = if rel == Relation::Narrower {
            Verdict::Narrower
        } else {
            Verdict::Broader
        };
        return Ok((v, ctx as f64));
    }
    // a toll for one country is not a toll for several ("180 in Bhutan" vs "540 in Swaziland and Bhutan")
    // (a measurement such as a quake's magnitude is the same wherever it is reported from)
    let (sa, sb) = if !counts_over_time(&a.measure) || counts_places(a) {
        (Vec::new(), Vec::new())
    } else {
        (scope(a), scope(b))
    };
    if !sa.is_empty() && !sb.is_empty() && !scopes_agree(&sa, &sb) {
        return Err("scope");
    }
    let verdict = value_verdict(aart, a, bart, b);
    if verdict == Verdict::Updated && unexplained_rise(aart, a, bart, b) {
        return Err("small toll rose unexplained");
    }
    // the same place named for both ("21 in Brackwater", "37 people died in Brackwater County")
    let same_place = !sa.is_empty() && sa == sb;
    let score = same_group_score(a, b, verdict, ctx, same_place)?;
    Ok((verdict, score))
}

/// How many content words the sentences of two figures share, the figures' own number words
/// aside (see [`figure_word`]): the "million" of "$20 million" and the "percent" of "20
/// percent" are in every sentence with a sum or a share, and say nothing of what two sums are
/// about.
fn shared_context(a: &ClaimSummary, b: &ClaimSummary) -> usize {
    let own = |w: &str| figure_word(a, w) || figure_word(b, w);
    super::sorted::common(&a.context, &b.context)
        .filter(|w| !own(w.as_str()))
        .count()
}

/// True when `w` is a number word of the figure `c` itself: a scale ("million" in "about $20
/// million") or, for a share, any of its words ("percent" in "20 percent"). Its noun and
/// unit ("officers", "magnitude") say what it counts and stay.
fn figure_word(c: &ClaimSummary, w: &str) -> bool {
    // the word's kind first: most shared words are neither a scale nor a share's, and then
    // the figure's text is not read (a pair's judgement runs for every candidate of a lookup)
    (c.measure == "percent" || crate::lexicon::sets::NUMBER_SCALES.contains(w))
        && c.text
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether `a` and `b` are figures of one kind: the same measure, both historical or not, no
/// increment, both projected or not, and of the same year.
fn same_kind(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> Result<(), &'static str> {
    if a.measure != b.measure {
        return Err("measure");
    }
    if a.historical != b.historical {
        return Err("historical");
    }
    if a.increment || b.increment {
        return Err("increment");
    }
    if a.projected != b.projected {
        return Err("projected");
    }
    // "64 killed in a 2009 flood" is not this year's toll: figures tied to a year (else the
    // year of their article) must be of the same year
    let year = |c: &ClaimSummary, art: &ArticleSummary| {
        c.year
            .or_else(|| art.published.map(|p| chrono::Datelike::year(&p)))
    };
    if let (Some(ya), Some(yb)) = (year(a, aart), year(b, bart)) {
        if ya != yb {
            return Err("year");
        }
    }
    Ok(())
}

/// Whether the countries named with both figures overlap (for counts over time), and sums of
/// money are in one currency.
fn same_places(a: &ClaimSummary, b: &ClaimSummary) -> Result<(), &'static str> {
    // the countries and states named with both figures must overlap (a town and its country
    // may be named for one toll: "seven killed in Erdenet", "Mongolia says seven died")
    let countries = |c: &ClaimSummary| c.places.iter().filter(|p| is_scope(p)).count();
    // (a count of countries names some of them: "37 countries, including Bhutan")
    // (a region and its country overlap: "Bavaria" and "Germany"; a sum of money or a share is not
    // located by the countries its sentence names)
    let overlap = |x: &str| {
        let cx = crate::lexicon::places::scope_countries(x);
        b.places.iter().any(|q| {
            q == x
                || crate::lexicon::places::scope_countries(q)
                    .iter()
                    .any(|c| cx.contains(c))
        })
    };
    if !counts_places(a)
        && counts_over_time(&a.measure)
        && countries(a) > 0
        && countries(b) > 0
        && !a.places.iter().any(|p| is_scope(p) && overlap(p))
    {
        return Err("places");
    }
    if a.measure == "money" {
        let cur = |c: &ClaimSummary| {
            c.group
                .as_ref()
                .map_or_else(|| currency(&c.text), |g| g.currency)
        };
        if cur(a) != cur(b) {
            return Err("currency");
        }
    }
    Ok(())
}

/// True when `a` and `b`, head counts of a narrower and a wider group ("14 children", "160,000
/// people"), are too far apart in size for one to be a part of the other that a reader would
/// compare: more than [`RATIO_LIMIT`] times ("two police officers" and "tens of thousands of
/// people" on the streets; a town's population and the children trapped in one building).
/// Tolls are left alone: three children among 600 dead are a part of the toll.
fn part_out_of_scale(a: &ClaimSummary, b: &ClaimSummary) -> bool {
    a.measure == "count" && b.measure == "count" && ratio(a, b) > RATIO_LIMIT
}

/// The score of two figures of the same group (`ctx` shared context words, `same_place` when
/// both name one place), or why they count different things: a toll many times the other, or
/// values and sentences too far apart.
fn same_group_score(
    a: &ClaimSummary,
    b: &ClaimSummary,
    verdict: Verdict,
    ctx: usize,
    same_place: bool,
) -> Result<f64, &'static str> {
    let people = counts_people(&a.measure);
    // "at least 30" and "35" are the same value; "more than 10 per cent" and "57.4%" only agree
    // a vague "hundreds" is no value to match "260" by
    let same_value =
        verdict == Verdict::Agrees && ratio(a, b) <= 1.5 && is_vague(&a.text) == is_vague(&b.text);
    // a toll many times another is another count ("7 killed in the strike", "600 in the war"),
    // even when "at least 7" does not contradict 600
    if people && ratio(a, b) > RATIO_LIMIT {
        return Err("ratio");
    }
    // values this close are the same figure even when the sentences share no word
    // ("57.38%" in a table, "57.4 per cent" in a sentence; "130 mph" and "135 mph")
    let tight = if a.measure == "percent" {
        (a.min - b.min).abs() <= 0.5
    } else {
        ratio(a, b) <= 1.05
    };
    // the same unit, or units of one quantity ("8 miles", "13.0 kilometers")
    // (the groups are the same here: a quantity's name when both are units)
    let same_unit = a.noun.is_some()
        && (a.noun == b.noun
            || a.group_cow()
                .is_some_and(|g| UNITS.iter().any(|(_, q, _)| *q == g.name)));
    let shown_alike = (same_value && (ctx >= 1 || tight)) || (tight && same_unit);
    if !people && !shown_alike && (ctx < 5 || (verdict != Verdict::Agrees && ctx < 8)) {
        // percentages and sums: the topic cannot be told from a word or two ("57%" yes vs
        // "43%" no), so only close values or strongly shared sentences are compared
        return Err("weak");
    }
    let mut score = ctx as f64;
    if same_value {
        score += 3.0;
    } else {
        // the same order of magnitude (bounded values only)
        let ((amin, amax), (bmin, bmax)) = (values(a), values(b));
        let (lo, hi) = (amin.max(bmin).min(amax.max(bmax)), amax.max(bmax));
        if lo > 0.0 && hi.is_finite() && hi / lo <= 2.0 {
            score += 1.5;
        }
    }
    if tight {
        score += 1.0;
    }
    if same_place {
        score += 2.5;
    }
    if a.noun.is_some() && a.noun == b.noun {
        score += 0.5;
    }
    Ok(score)
}

/// True when `a` and `b`, two figures of one article, are mentions of the same figure: the
/// lede's "at least 620 people" and the body's "620", the same measure of the same group
/// and place with about the same value. A pairing found for one mention holds for the others.
pub fn same_figure(a: &ClaimSummary, b: &ClaimSummary) -> bool {
    if a.span == b.span {
        return true;
    }
    if a.measure != b.measure
        || a.historical != b.historical
        || a.increment != b.increment
        || a.projected != b.projected
    {
        return false;
    }
    if relate(a, b).is_none() {
        return false;
    }
    // a measurement is the same wherever it is reported from (see `judge`)
    if counts_over_time(&a.measure) {
        let (sa, sb) = (scope(a), scope(b));
        if !sa.is_empty() && !sb.is_empty() && !scopes_agree(&sa, &sb) {
            return false;
        }
    }
    // "57.38%" in a table and "57%" in the text: the same value, rounded
    let slack = |v: f64| v.abs() * 0.01;
    let ((amin, amax), (bmin, bmax)) = (values(a), values(b));
    amin <= bmax + slack(bmax.min(1e12))
        && bmin <= amax + slack(amax.min(1e12))
        && ratio(a, b) <= 1.2
}

/// A figure's lowest and highest values in its group's base unit ("8 miles" in metres, so
/// that it compares with "13.0 kilometers"); the highest is infinite when unbounded.
fn values(c: &ClaimSummary) -> (f64, f64) {
    let k = c.group_cow().map_or(1.0, |g| g.scale);
    let k = if k > 0.0 { k } else { 1.0 };
    (c.min * k, c.max.map_or(f64::INFINITY, |m| m * k))
}

/// Units of measurement that convert: (unit as written, singular, lowercase; quantity; size
/// in the quantity's base unit).
const UNITS: &[(&str, &str, f64)] = &[
    ("mile", "unit:length", 1609.344),
    ("kilometer", "unit:length", 1000.0),
    ("kilometre", "unit:length", 1000.0),
    ("km", "unit:length", 1000.0),
    ("meter", "unit:length", 1.0),
    ("metre", "unit:length", 1.0),
    ("foot", "unit:length", 0.3048),
    ("feet", "unit:length", 0.3048),
    ("mph", "unit:speed", 1.609_344),
    ("km/h", "unit:speed", 1.0),
    ("kph", "unit:speed", 1.0),
    ("kmh", "unit:speed", 1.0),
    ("pound", "unit:weight", 0.453_592),
    ("lb", "unit:weight", 0.453_592),
    ("kilogram", "unit:weight", 1.0),
    ("kg", "unit:weight", 1.0),
    ("tonne", "unit:weight", 1000.0),
    ("acre", "unit:area", 4046.86),
    ("hectare", "unit:area", 10_000.0),
];

/// The quantity and size of a unit of measurement ("miles" is a length of 1,609 m).
fn unit(noun: &str) -> Option<(&'static str, f64)> {
    let n = noun.trim().to_lowercase();
    // "100 square miles" is an area, "1,000 metric tons" no short ton: not converted
    if n.split(' ').any(|x| UNIT_MODIFIERS.contains(x)) {
        return None;
    }
    let n = n.rsplit(' ').next().unwrap_or(&n);
    let one = singular(n);
    UNITS
        .iter()
        .find(|(u, _, _)| *u == n || *u == one)
        .map(|(_, q, k)| (*q, *k))
}

/// True for a vague quantity with no digits: "hundreds", "thousands of people", "dozens".
pub fn is_vague(text: &str) -> bool {
    use crate::lexicon::sets::{NUMBER_SCALES, VAGUE_QUANTITIES};
    // a vague quantity is a plural of a scale ("hundreds"), not "a dozen"
    !text.bytes().any(|b| b.is_ascii_digit())
        && text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| VAGUE_QUANTITIES.contains(w) && !NUMBER_SCALES.contains(w))
}

/// How many times another a toll may be and still count the same dead: tolls grow (a
/// flood's went from 620 to 9,000 in three days), but "7 killed in the strike" and
/// "600 in the war" are different counts.
const RATIO_LIMIT: f64 = 20.0;

/// How many times larger the larger figure is (from the figures' lower bounds).
fn ratio(a: &ClaimSummary, b: &ClaimSummary) -> f64 {
    let (am, bm) = (values(a).0, values(b).0);
    let (lo, hi) = if am <= bm { (am, bm) } else { (bm, am) };
    if lo <= 0.0 {
        f64::INFINITY
    } else {
        hi / lo
    }
}

/// The currency of a money figure, from its symbol or word.
fn currency(text: &str) -> &'static str {
    let t = text;
    if t.contains('€') || contains_ignoring_case(t, "euro") {
        "EUR"
    } else if t.contains('£')
        || contains_ignoring_case(t, "pound")
        || contains_ignoring_case(t, "sterling")
    {
        "GBP"
    } else if t.contains('$') || contains_ignoring_case(t, "dollar") {
        "USD"
    } else {
        "?"
    }
}

/// How many times the other a count reported on the same day must be to be taken for the
/// same toll later that day rather than a discrepancy.
const ROSE_WITHIN_A_DAY: f64 = 1.5;

fn value_verdict(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> Verdict {
    let ((amin, amax), (bmin, bmax)) = (values(a), values(b));
    // rounding: "about 600" and "605" agree; allow 1 % slack on exact figures, and a figure
    // written to a scale ("seven million") covers what rounds to it ("7,292,000")
    let slack = |v: f64| (v.abs() * 0.01).max(0.0);
    // (only the coarser of the two is widened: "2.5bn" and "2.6bn" differ as written)
    let (ra, rb) = match (rounding(a), rounding(b)) {
        (ra, rb) if ra > rb => (ra, 0.0),
        (ra, rb) if rb > ra => (0.0, rb),
        _ => (0.0, 0.0),
    };
    if amin - ra <= bmax + rb + slack(bmax.min(1e12))
        && bmin - rb <= amax + ra + slack(amax.min(1e12))
    {
        return Verdict::Agrees;
    }
    if counts_over_time(&a.measure) {
        if let (Some(pa), Some(pb)) = (aart.published, bart.published) {
            // the later source reports more: the toll grew
            if (pb > pa && bmin > amax) || (pa > pb && amin > bmax) {
                return Verdict::Updated;
            }
            // the same day: a toll that rose within hours ("58 bodies" in the morning, "at
            // least 216" by night), not a near miss ("216" and "238")
            if pa == pb && (bmin > amax * ROSE_WITHIN_A_DAY || amin > bmax * ROSE_WITHIN_A_DAY) {
                return Verdict::Updated;
            }
        }
    }
    Verdict::Differs
}

/// The least scale a figure's rounding is read from (see [`rounding`]): "seven million"
/// rounds, "two hundred" as often counts.
const ROUNDING_SCALE: f64 = 1e6;

/// Half the last unit of a figure written to a scale of a million or more, in its values (see
/// [`values`]): "seven million" and "7 mln" stand for 6.5 to 7.5 million, "2.5 billion" and
/// "$2.5bn" for 2.45 to 2.55 billion. 0 for a figure written in full ("7,292,000").
fn rounding(c: &ClaimSummary) -> f64 {
    let k = c.group_cow().map_or(1.0, |g| g.scale);
    let k = if k > 0.0 { k } else { 1.0 };
    // the words read twice as iterators, not collected: judging two figures asks it of both,
    // and allocating the list was half of its time in a profile of benches/sources.rs
    let words = || c.text.split_whitespace();
    let scaled = |number: &str, scale: &str| {
        let scale = crate::figures::number::scale_value(scale).filter(|v| *v >= ROUNDING_SCALE)?;
        let decimals = written_decimals(number)?;
        Some(0.5 * 10f64.powi(-decimals) * scale * k)
    };
    let apart = words()
        .zip(words().skip(1))
        .find_map(|(number, scale)| scaled(number, scale));
    apart
        .or_else(|| {
            // a scale glued to the digits ("$2.5bn")
            words().find_map(|w| {
                let cut = w.rfind(|ch: char| ch.is_ascii_digit())? + 1;
                let (number, suffix) = w.split_at(cut);
                (!suffix.is_empty())
                    .then(|| scaled(number, suffix))
                    .flatten()
            })
        })
        .unwrap_or(0.0)
}

/// How many decimals a written number gives ("2.5": 1, "7" or "seven": 0); None for no number.
fn written_decimals(w: &str) -> Option<i32> {
    let digits = w.trim_start_matches(|ch: char| !ch.is_ascii_digit());
    if digits.is_empty() {
        return crate::figures::number::word_value(w).map(|_| 0);
    }
    if !digits
        .chars()
        .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
    {
        return None;
    }
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    i32::try_from(decimals).ok().filter(|d| *d <= 6)
}

/// A small toll of dead or wounded this large or smaller rarely changes between two reports of
/// one incident unless the later one tells why.
const SMALL_TOLL: f64 = 3.0;

/// A toll this large or larger is no small incident's, whatever the other report says (an
/// early "3 dead" of a disaster that rose to 40).
pub(crate) const LOCAL_TOLL: f64 = 10.0;

/// True when `a` and `b`, tolls of people killed or wounded found "updated" in two local
/// reports, are small (one at most [`SMALL_TOLL`], the other below [`LOCAL_TOLL`]) and the
/// later report (either, when both are of one day) tells of no later death: two small
/// incidents of one kind (or a city's wounded of a night against one shooting's), not one toll
/// that rose.
fn unexplained_rise(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> bool {
    let ((amin, amax), (bmin, bmax)) = (values(a), values(b));
    if !matches!(a.measure.as_str(), "killed" | "injured")
        || amin.min(bmin) > SMALL_TOLL
        || amax.max(bmax) >= LOCAL_TOLL
        || !local(aart)
        || !local(bart)
    {
        return false;
    }
    match (aart.published, bart.published) {
        (Some(pa), Some(pb)) if pa < pb => !bart.details.toll_changed,
        (Some(pa), Some(pb)) if pb < pa => !aart.details.toll_changed,
        _ => !aart.details.toll_changed && !bart.details.toll_changed,
    }
}

/// True when `a` or `b`, tolls of people in two local reports, is a city's round-up of many
/// incidents ("21 more wounded in shootings across the city since Friday") and the two are
/// not one figure: a round-up against one incident's toll is a later, wider count, kept in
/// the pairing only as a rise (updated) and never shown (see [`roundup_against_one`]); two
/// round-ups are one only with the same value (a round-up of other days counts other incidents).
fn roundup_mismatch(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> bool {
    if !(a.roundup || b.roundup) || !local(aart) || !local(bart) {
        return false;
    }
    let verdict = value_verdict(aart, a, bart, b);
    if a.roundup && b.roundup {
        verdict != Verdict::Agrees
    } else {
        verdict != Verdict::Updated
    }
}

/// True when one of `a` and `b`, tolls of people in two local reports, is a city's round-up of
/// many incidents and the other is not: a round-up and one incident's toll are two stories.
/// The pair still competes in the pairing (see [`affinity`]), where the round-up keeps the
/// incident's toll from another figure, but it is never shown (see
/// [`crate::sources::Index::claim_matches`]).
pub(crate) fn roundup_against_one(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> bool {
    a.roundup != b.roundup && counts_people(&a.measure) && local(aart) && local(bart)
}

/// True when `a` and `b` are small tolls of people killed or hurt (both telling less than
/// [`LOCAL_TOLL`], see [`told`]) in two reports worded alike only as two incidents of one kind in one town
/// are (TF-IDF cosine `cos` below [`COSINE_APART`]) that tell look-alike incidents (see
/// [`look_alike_incidents`]): the value alone does not make them one toll.
pub(crate) fn chance_small_toll(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
    cos: f64,
) -> bool {
    cos < COSINE_APART
        && matches!(a.measure.as_str(), "killed" | "injured")
        && a.measure == b.measure
        && told(a).max(told(b)) < LOCAL_TOLL
        && local_figure(aart, a)
        && local_figure(bart, b)
        && look_alike_incidents(aart, bart)
}

/// True when figure `c` of `art` is told as a local report's: its article names no country,
/// or only one, and not in the figure's own sentence (a city's story may mention, elsewhere,
/// a trip abroad; a story of two countries is no local report).
fn local_figure(art: &ArticleSummary, c: &ClaimSummary) -> bool {
    let countries = art
        .places
        .iter()
        .filter(|p| crate::lexicon::places::is_country(p))
        .count();
    countries == 0 || (countries == 1 && local_places(&c.places))
}

/// The largest value a figure tells: its upper bound, or its lower bound when it has none
/// ("at least nine" tells nine, a toll that may grow, not a large one).
pub(crate) fn told(c: &ClaimSummary) -> f64 {
    let (min, max) = values(c);
    if max.is_finite() {
        max
    } else {
        min
    }
}

/// Shared sentence words below which two small head counts of local reports are not taken
/// for one figure (see [`chance_head_count`]).
const HEAD_COUNT_WORDS: usize = 2;

/// True when `a` and `b` count people, or a kind of people ("two girls", "three children"),
/// with no word of what befell them ("two people got out of a car and opened fire", "two
/// victims were taken to hospital"), both below [`LOCAL_TOLL`], in
/// two local reports whose sentences share fewer than [`HEAD_COUNT_WORDS`] words besides the
/// figures' number words ("three other people" shares "three" with any other three; see
/// [`shared_beyond_figures`]): a handful of people is the same number in many incidents of one
/// kind, and the value alone says nothing.
fn chance_head_count(
    aart: &ArticleSummary,
    a: &ClaimSummary,
    bart: &ArticleSummary,
    b: &ClaimSummary,
) -> bool {
    a.measure == "count"
        && told(a).max(told(b)) < LOCAL_TOLL
        && [a, b].iter().all(|c| {
            c.group_cow().is_some_and(|g| {
                g.name == "people" || SUBGROUPS.iter().any(|(s, _)| *s == g.name.as_str())
            })
        })
        && local(aart)
        && local(bart)
        && shared_beyond_figures(a, b) < HEAD_COUNT_WORDS
}

/// How many content words the sentences of two figures share besides the figures' own number
/// words (the "three" of "three other people" is in the sentence of any other three; the noun
/// stays, as in [`shared_context`]).
fn shared_beyond_figures(a: &ClaimSummary, b: &ClaimSummary) -> usize {
    let number_of = |c: &ClaimSummary, w: &str| {
        crate::lexicon::sets::CARDINALS.contains(w)
            && c.text
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|x| x.eq_ignore_ascii_case(w))
    };
    super::sorted::common(&a.context, &b.context)
        .filter(|w| !number_of(a, w) && !number_of(b, w))
        .count()
}

/// How event `b` relates to event `a`: None when they are not the same event.
pub fn compare_events(a: &EventSummary, b: &EventSummary) -> Option<Verdict> {
    let overlap = if !a.word_hashes.is_empty() && !b.word_hashes.is_empty() {
        shared(&a.word_hashes, &b.word_hashes)
    } else {
        shared(&a.words, &b.words)
    };
    if overlap < 3 {
        return None;
    }
    let gap = (a.date - b.date).num_days().abs();
    if gap == 0 {
        Some(Verdict::Agrees)
    } else if gap <= 7 {
        Some(Verdict::Differs)
    } else {
        None
    }
}

/// True when two names look like spellings of the same person ("Dmitry Korlanov" / "Dmitri Korlanov").
pub fn name_variant(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (aw, bw): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    if aw.len() != bw.len() || aw.len() < 2 {
        return false;
    }
    // a place and its people ("South Korea", "South Korean") are no spellings of one person
    if crate::lexicon::places::is_place(a) || crate::lexicon::places::is_place(b) {
        return false;
    }
    // a name and its adjective or its people ("East Velmary", "East Velmar"; "Upper Ruritania",
    // "Upper Ruritanian"): the last words differ by such an ending only
    if let (Some(x), Some(y)) = (aw.last(), bw.last()) {
        let (x, y) = (x.to_lowercase(), y.to_lowercase());
        let one = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
        // and in the plural ("West Germans")
        if adjective_of(&x, &y) || adjective_of(&one(&x), &one(&y)) {
            return false;
        }
    }
    let mut diffs = 0;
    for (x, y) in aw.iter().zip(&bw) {
        if x == y {
            continue;
        }
        let d = edit_distance(&x.to_lowercase(), &y.to_lowercase());
        if d == 0 {
            continue; // case only
        }
        // a plural is no spelling ("Border Patrol agent", "agents")
        let (xl, yl) = (x.to_lowercase(), y.to_lowercase());
        let plural = |p: &str, q: &str| {
            p.strip_prefix(q)
                .is_some_and(|rest| rest == "s" || rest == "es")
        };
        if plural(&xl, &yl) || plural(&yl, &xl) {
            return false;
        }
        // "Sergey"/"Sergei", "Clara"/"Klara"; not "Jill"/"Joe"
        if d > 2 || (x.chars().next() != y.chars().next() && d > 1) || x.chars().count() < 4 {
            return false;
        }
        diffs += 1;
    }
    diffs >= 1
}

/// True when one of two lowercase words is the other with an ending of
/// [`NAME_ADJECTIVE_ENDINGS`] ("ruritania" / "ruritanian", "velmary" / "velmar").
fn adjective_of(x: &str, y: &str) -> bool {
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    crate::lexicon::sets::NAME_ADJECTIVE_ENDINGS
        .iter()
        .any(|e| match e.strip_prefix('-') {
            Some(lost) => long.strip_suffix(lost) == Some(short),
            None => long.strip_prefix(short) == Some(*e),
        })
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let v = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            cur.push(v);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A claim of `text` for tests: its value, noun and measure.
    pub(in crate::sources) fn claim(
        text: &str,
        min: f64,
        max: Option<f64>,
        noun: Option<&str>,
        measure: &str,
    ) -> ClaimSummary {
        ClaimSummary {
            group: None,
            span: (0, 0),
            line: 0,
            col: 0,
            text: text.into(),
            min,
            max,
            qualifier: None,
            noun: noun.map(String::from),
            measure: measure.into(),
            source: None,
            named: false,
            places: Vec::new(),
            context: vec!["paraguay".into(), "uruguay".into(), "fighting".into()],
            scope: Vec::new(),
            historical: false,
            increment: false,
            projected: false,
            year: None,
            roundup: false,
            head: Vec::new(),
            frame: false,
        }
    }

    #[test]
    fn a_figure_written_to_a_scale_covers_what_rounds_to_it() {
        let (x, y) = (art("a.txt", "2031-03-04"), art("b.txt", "2031-03-05"));
        let money = |text: &str, v: f64| claim(text, v, Some(v), None, "money");
        let cases = [
            (
                ("seven mln dlrs", 7e6),
                ("7,292,000 dlrs", 7_292_000.0),
                Verdict::Agrees,
            ),
            (
                ("7,292,000 dlrs", 7_292_000.0),
                ("7 million dollars", 7e6),
                Verdict::Agrees,
            ),
            (
                ("$2.5bn", 2.5e9),
                ("$2.46 billion", 2.46e9),
                Verdict::Agrees,
            ),
            // a figure rounded to a tenth covers only its tenth; one written in full, nothing
            (
                ("7.0 mln dlrs", 7e6),
                ("7,292,000 dlrs", 7_292_000.0),
                Verdict::Differs,
            ),
            (("$2.5bn", 2.5e9), ("$2.6 billion", 2.6e9), Verdict::Differs),
            (
                ("7,000,000 dlrs", 7e6),
                ("7,292,000 dlrs", 7_292_000.0),
                Verdict::Differs,
            ),
        ];
        for ((ta, va), (tb, vb), want) in cases {
            let got = value_verdict(&x, &money(ta, va), &y, &money(tb, vb));
            assert_eq!(got, want, "{ta} / {tb}");
        }
        assert_eq!(rounding(&money("200 dollars", 200.0)), 0.0);
    }

    fn art(path: &str, date: &str) -> ArticleSummary {
        ArticleSummary {
            path: path.into(),
            outlet: path.into(),
            published: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            hash: 0,
            claims: Vec::new(),
            events: Vec::new(),
            names: Vec::new(),
            topics: vec!["paraguay".into(), "uruguay".into()],
            keywords: Vec::new(),
            days: Vec::new(),
            places: Vec::new(),
            subjects: Vec::new(),
            details: Default::default(),
        }
    }

    #[test]
    fn qualifier_arithmetic_and_verdicts() {
        let (a, b) = (art("a", "2031-04-14"), art("b", "2031-04-16"));
        let at_least_30 = claim("at least 30 people", 30.0, None, Some("people"), "killed");
        let exactly_35 = claim("35 people", 35.0, Some(35.0), Some("people"), "killed");
        let exactly_20 = claim("20 people", 20.0, Some(20.0), Some("people"), "killed");
        assert_eq!(
            compare_claims(&a, &at_least_30, &b, &exactly_35),
            Some(Verdict::Agrees)
        );
        // b is later and lower than "at least 30": cannot both be right
        assert_eq!(
            compare_claims(&a, &at_least_30, &b, &exactly_20),
            Some(Verdict::Differs)
        );
        // the later source reports more: updated
        let exactly_10 = claim("10 people", 10.0, Some(10.0), Some("people"), "killed");
        assert_eq!(
            compare_claims(&a, &exactly_10, &b, &exactly_35),
            Some(Verdict::Updated)
        );
        // the same day, several times higher: the toll rose within hours
        let c = art("c", "2031-04-16");
        let fifty_eight = claim("58 people", 58.0, Some(58.0), Some("people"), "killed");
        let later = claim("at least 216 people", 216.0, None, Some("people"), "killed");
        assert_eq!(
            compare_claims(&b, &fifty_eight, &c, &later),
            Some(Verdict::Updated)
        );
        let near = claim("238 people", 238.0, Some(238.0), Some("people"), "killed");
        let other = claim("216 people", 216.0, Some(216.0), Some("people"), "killed");
        assert_eq!(
            compare_claims(&b, &other, &c, &near),
            Some(Verdict::Differs)
        );
        // "about 600" vs 605
        let about = claim("about 600", 540.0, Some(660.0), None, "killed");
        let exact = claim("605", 605.0, Some(605.0), None, "killed");
        assert_eq!(
            compare_claims(&a, &about, &b, &exact),
            Some(Verdict::Agrees)
        );
    }

    #[test]
    fn a_small_toll_rises_only_with_a_word_of_a_later_death() {
        let (a, b) = (art("a", "2031-04-14"), art("b", "2031-04-15"));
        let one = claim("one person", 1.0, Some(1.0), Some("people"), "killed");
        let three = claim("three people", 3.0, Some(3.0), Some("people"), "killed");
        // two local reports, one dead and then three dead, no word of a later death: two
        // shootings, not one toll that rose
        assert_eq!(compare_claims(&a, &one, &b, &three), None);
        // the later report tells why
        let mut told = b.clone();
        told.details.toll_changed = true;
        assert_eq!(
            compare_claims(&a, &one, &told, &three),
            Some(Verdict::Updated)
        );
        // a word of a change in the earlier report says nothing of the later toll
        let mut early = a.clone();
        early.details.toll_changed = true;
        assert_eq!(compare_claims(&early, &one, &b, &three), None);
        // large tolls rise as the count goes on
        let twelve = claim("12 people", 12.0, Some(12.0), Some("people"), "killed");
        assert_eq!(
            compare_claims(&a, &three, &b, &twelve),
            Some(Verdict::Updated)
        );
        // the wounded too: three hurt in one shooting, seven across the city later
        let hurt = claim("three others", 3.0, Some(3.0), Some("people"), "injured");
        let city = claim(
            "seven other people",
            7.0,
            Some(7.0),
            Some("people"),
            "injured",
        );
        assert_eq!(compare_claims(&a, &hurt, &b, &city), None);
        // and news told for a country runs for days
        let mut national = b.clone();
        national.places = vec!["uruguay".into()];
        assert_eq!(
            compare_claims(&a, &one, &national, &three),
            Some(Verdict::Updated)
        );
    }

    #[test]
    fn a_city_roundup_is_no_one_incidents_toll() {
        let (a, b) = (art("a", "2021-05-01"), art("b", "2021-05-02"));
        let mut night = claim("six people", 6.0, Some(6.0), Some("people"), "injured");
        night.roundup = true;
        let one = claim("six people", 6.0, Some(6.0), Some("people"), "injured");
        // six hurt across the city is not the six of one shooting, even with the same value
        assert_eq!(compare_claims(&a, &night, &b, &one), None);
        assert_eq!(compare_claims(&b, &one, &a, &night), None);
        // a later round-up counts the incident's wounded among others: a rise at most
        let mut later = night.clone();
        (later.min, later.max) = (25.0, Some(25.0));
        let early = claim("four people", 4.0, Some(4.0), Some("people"), "injured");
        assert_eq!(
            compare_claims(&a, &early, &b, &later),
            Some(Verdict::Updated)
        );
        // two round-ups: one figure with the same value, other nights' with another
        let mut again = night.clone();
        again.context = night.context.clone();
        assert_eq!(
            compare_claims(&a, &night, &b, &again),
            Some(Verdict::Agrees)
        );
        let mut other_night = night.clone();
        (other_night.min, other_night.max) = (8.0, Some(8.0));
        assert_eq!(compare_claims(&a, &night, &b, &other_night), None);
    }

    #[test]
    fn a_handful_of_people_with_no_fate_needs_shared_words() {
        let (a, b) = (art("a", "2021-03-02"), art("b", "2021-03-03"));
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        // the gunmen of one report, the wounded taken away in another: both "three people"
        let mut gunmen = claim("three people", 3.0, Some(3.0), Some("people"), "count");
        gunmen.context = words(&["jumped", "van", "fired", "crowd"]);
        let mut taken = claim("three people", 3.0, Some(3.0), Some("people"), "count");
        taken.context = words(&["driven", "county", "hospital", "van"]);
        assert_eq!(compare_claims(&a, &gunmen, &b, &taken), None);
        // so with a kind of people: the girls of one report, the children of another
        let mut girls = claim("two girls", 2.0, Some(2.0), Some("girls"), "count");
        girls.context = words(&["walking", "school", "porch"]);
        let mut children = claim("three children", 3.0, Some(3.0), Some("children"), "count");
        children.context = words(&["inside", "car", "parked"]);
        assert_eq!(compare_claims(&a, &girls, &b, &children), None);
        assert_eq!(compare_claims(&a, &gunmen, &b, &children), None);
        // the figures' number words are in both sentences and tie nothing
        let mut riders = claim(
            "three other people",
            3.0,
            Some(3.0),
            Some("people"),
            "count",
        );
        riders.context = words(&["people", "station", "three", "vestibule"]);
        let mut followers = claim(
            "three other people",
            3.0,
            Some(3.0),
            Some("people"),
            "count",
        );
        followers.context = words(&["followed", "people", "three", "vehicle"]);
        assert_eq!(compare_claims(&a, &riders, &b, &followers), None);
        // told in the same words, they are one figure
        let mut again = gunmen.clone();
        again.context = words(&["jumped", "van", "fired", "porch"]);
        assert_eq!(
            compare_claims(&a, &gunmen, &b, &again),
            Some(Verdict::Agrees)
        );
        // a national count of people is no handful of one street
        let mut national = b.clone();
        national.places = vec!["uruguay".into()];
        assert_eq!(
            compare_claims(&a, &gunmen, &national, &taken),
            Some(Verdict::Agrees)
        );
        // nor is a count of a dozen
        let mut dozen = gunmen.clone();
        (dozen.min, dozen.max) = (12.0, Some(12.0));
        let mut dozen_taken = taken.clone();
        (dozen_taken.min, dozen_taken.max) = (12.0, Some(12.0));
        assert_eq!(
            compare_claims(&a, &dozen, &b, &dozen_taken),
            Some(Verdict::Agrees)
        );
    }

    #[test]
    fn two_cities_of_one_state_are_no_place_in_common_for_local_reports() {
        let v = |p: &[&str]| p.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (east, franco) = (
            v(&["alto paraná", "ciudad del este"]),
            v(&["alto paraná", "presidente franco"]),
        );
        assert!(!places_overlap(&east, &franco));
        // a city and the state it lies in, with or without the state named beside it
        assert!(places_overlap(&east, &v(&["alto paraná"])));
        assert!(places_overlap(
            &v(&["presidente franco"]),
            &v(&["alto paraná"])
        ));
        // a neighbourhood the gazetteer does not know is kept, and shared
        assert!(places_overlap(
            &v(&["ciudad del este", "quarry hill"]),
            &v(&["quarry hill"])
        ));
        // news of a country runs across its regions: the country is shared
        assert!(places_overlap(
            &v(&["ciudad del este", "paraguay"]),
            &v(&["encarnación", "paraguay"])
        ));
    }

    #[test]
    fn a_local_report_naming_one_country_aside_stays_local() {
        let at = |path: &str, places: &[&str], name: &str| {
            let mut a = art(path, "2022-05-07");
            a.places = places.iter().map(|p| p.to_string()).collect();
            a.names = vec![crate::sources::NameSummary {
                span: (0, 0),
                line: 0,
                col: 0,
                name: name.to_string(),
                title: None,
            }];
            a
        };
        let first = at("a", &["riverton"], "Orla Penhallow");
        // the town's mayor is away on a trip abroad: told in a sentence with no toll
        let abroad = at("b", &["riverton", "bhutan"], "Quincy Arbogast");
        let two = claim("two people", 2.0, Some(2.0), Some("people"), "killed");
        assert!(chance_small_toll(&first, &two, &abroad, &two, 0.08));
        // the toll told with the country, or a story of two countries: no local report
        let mut there = two.clone();
        there.places = vec!["bhutan".into()];
        assert!(!chance_small_toll(&first, &two, &abroad, &there, 0.08));
        let two_countries = at("c", &["riverton", "bhutan", "paraguay"], "Quincy Arbogast");
        assert!(!chance_small_toll(&first, &two, &two_countries, &two, 0.08));
    }

    #[test]
    fn a_small_toll_of_look_alike_reports_is_no_match_by_its_value_alone() {
        let named = |path: &str, names: &[&str]| {
            let mut a = art(path, "2022-05-07");
            a.places = vec!["riverton".into()];
            a.names = names
                .iter()
                .map(|n| crate::sources::NameSummary {
                    span: (0, 0),
                    line: 0,
                    col: 0,
                    name: n.to_string(),
                    title: None,
                })
                .collect();
            a
        };
        // two shootings of one town, each report naming its own victim and officer
        let first = named("a", &["Orla Penhallow", "Sgt. Bram Tillet"]);
        let second = named("b", &["Quincy Arbogast", "Riverton Police"]);
        let two = claim("two people", 2.0, Some(2.0), Some("people"), "killed");
        assert!(chance_small_toll(&first, &two, &second, &two, 0.08));
        // worded alike beyond the kind of incident, or a name in common: one incident
        assert!(!chance_small_toll(&first, &two, &second, &two, 0.3));
        let again = named("c", &["Penhallow's neighbour Ida Vance"]);
        assert!(!chance_small_toll(&first, &two, &again, &two, 0.08));
        // two streets of the town share only the words every street has
        let on_street = named("d", &["Orla Penhallow", "South Fenwick Avenue"]);
        let other_street = named("e", &["Quincy Arbogast", "West Orme Avenue"]);
        assert!(chance_small_toll(
            &on_street,
            &two,
            &other_street,
            &two,
            0.08
        ));
        let same_street = named("f", &["Fenwick Avenue"]);
        assert!(!chance_small_toll(
            &on_street,
            &two,
            &same_street,
            &two,
            0.08
        ));
        // two neighbourhoods (or parks) of the town, read as names, share only their head
        // word; one neighbourhood named in both reports still ties them
        let in_one = named("g", &["Orla Penhallow", "Wexley Heights", "Tarrow Park"]);
        let in_other = named("h", &["Quincy Arbogast", "Dunmore Heights", "Ashby Park"]);
        assert!(chance_small_toll(&in_one, &two, &in_other, &two, 0.08));
        let in_same = named("i", &["Wexley Heights"]);
        assert!(!chance_small_toll(&in_one, &two, &in_same, &two, 0.08));
        // a detail in common ties them too
        let (mut aged, mut aged_too) = (first.clone(), second.clone());
        aged.details.ages = vec![19];
        aged_too.details.ages = vec![19, 44];
        assert!(!chance_small_toll(&aged, &two, &aged_too, &two, 0.08));
        // ... unless other details conflict as much: an age met by chance, with street
        // blocks apart
        let (mut on_block, mut other_block) = (aged.clone(), aged_too.clone());
        on_block.details.blocks = vec![300];
        other_block.details.blocks = vec![5100];
        assert!(chance_small_toll(&on_block, &two, &other_block, &two, 0.08));
        // each report gives an age the other lacks: the one they share is met by chance
        let (mut ages_apart, mut other_ages) = (first.clone(), second.clone());
        ages_apart.details.ages = vec![19, 52];
        other_ages.details.ages = vec![19, 33];
        assert!(chance_small_toll(
            &ages_apart,
            &two,
            &other_ages,
            &two,
            0.08
        ));
        // a report naming nobody has no name to share: only its details can tie it
        let nobody = named("d", &[]);
        assert!(chance_small_toll(&first, &two, &nobody, &two, 0.08));
        let mut nobody_aged = nobody.clone();
        nobody_aged.details.ages = vec![19];
        assert!(!chance_small_toll(&aged, &two, &nobody_aged, &two, 0.08));
        // two reports naming nobody, a large toll or a country's report says nothing here
        assert!(!chance_small_toll(&nobody, &two, &nobody_aged, &two, 0.08));
        let dozen = claim("12 people", 12.0, Some(12.0), Some("people"), "killed");
        assert!(!chance_small_toll(&first, &dozen, &second, &dozen, 0.08));
        // "at least nine" is a small toll that may grow, not a large one
        let nine_or_more = claim("at least nine people", 9.0, None, Some("people"), "killed");
        assert!(chance_small_toll(
            &first,
            &two,
            &second,
            &nine_or_more,
            0.08
        ));
        let dozen_or_more = claim("at least 12 people", 12.0, None, Some("people"), "killed");
        assert!(!chance_small_toll(
            &first,
            &two,
            &second,
            &dozen_or_more,
            0.08
        ));
        // (a country's report: the toll told with its country; see
        // a_local_report_naming_one_country_aside_stays_local)
        let mut abroad = second.clone();
        abroad.places.push("uruguay".into());
        let mut two_there = two.clone();
        two_there.places = vec!["uruguay".into()];
        assert!(!chance_small_toll(&first, &two, &abroad, &two_there, 0.08));
    }

    #[test]
    fn a_head_count_far_out_of_scale_is_no_part_of_another() {
        let (a, b) = (art("a", "2031-04-14"), art("b", "2031-04-14"));
        // the children trapped in one building of Tessaly, and the town's population
        let trapped = claim("14 children", 14.0, Some(14.0), Some("children"), "count");
        let town = claim(
            "160,000 people",
            160_000.0,
            Some(160_000.0),
            Some("people"),
            "count",
        );
        assert_eq!(compare_claims(&a, &trapped, &b, &town), None);
        assert_eq!(compare_claims(&b, &town, &a, &trapped), None);
        // a part of a size to compare is not out of scale
        let sheltered = claim("200 people", 200.0, Some(200.0), Some("people"), "count");
        assert!(!part_out_of_scale(&sheltered, &trapped));
        assert!(part_out_of_scale(&town, &trapped));
        // tolls are left alone: three children among 600 dead are a part of the toll
        let dead = claim("600 people", 600.0, Some(600.0), Some("people"), "killed");
        let three = claim("three children", 3.0, Some(3.0), Some("children"), "killed");
        assert!(compare_claims(&a, &dead, &b, &three).is_some());
    }

    #[test]
    fn groups_and_measures() {
        let (a, b) = (art("a", "2031-04-14"), art("b", "2031-04-16"));
        let people = claim("400 people", 400.0, Some(400.0), Some("people"), "killed");
        let mongolian = claim(
            "30 Mongolian civilians",
            30.0,
            None,
            Some("Mongolian civilians"),
            "killed",
        );
        let paraguayan = claim(
            "18 Paraguayan civilians",
            18.0,
            None,
            Some("Paraguayan civilians"),
            "killed",
        );
        let injured = claim("144 people", 144.0, Some(144.0), Some("people"), "injured");
        assert_eq!(
            compare_claims(&a, &people, &b, &mongolian),
            Some(Verdict::Narrower)
        );
        assert_eq!(
            compare_claims(&b, &mongolian, &a, &people),
            Some(Verdict::Broader)
        );
        assert_eq!(compare_claims(&a, &mongolian, &b, &paraguayan), None);
        assert_eq!(compare_claims(&a, &people, &b, &injured), None);
        let soldiers = claim(
            "418 servicemen",
            418.0,
            Some(418.0),
            Some("servicemen"),
            "killed",
        );
        let troops = claim("476 troops", 476.0, Some(476.0), Some("troops"), "killed");
        assert_eq!(
            compare_claims(&a, &soldiers, &b, &troops),
            Some(Verdict::Updated)
        );
    }

    #[test]
    fn stories_need_shared_entities_and_close_dates() {
        let a = art("a", "2031-04-14");
        let mut far = art("b", "2031-09-01");
        assert!(same_story(&a, &art("b", "2031-04-24"), 21));
        assert!(!same_story(&a, &far, 21));
        far.published = None;
        far.topics.push("brackwater".into());
        let mut a = a;
        a.topics.push("brackwater".into());
        assert!(same_story(&a, &far, 21));
        far.topics = vec!["fenmoor".into()];
        assert!(!same_story(&a, &far, 21));
    }

    #[test]
    fn a_figure_s_own_number_words_are_no_words_two_sentences_share() {
        let words = |ws: &[&str]| {
            let mut v: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
            v.sort();
            v
        };
        // "a player paid $20 million" at the Velmar league and "about $20 million a year" of
        // Tessaly Soft's licences: both sentences hold "million", which says nothing
        let mut wage = claim("$20 million", 2e7, Some(2e7), None, "money");
        wage.context = words(&["million", "player", "salary", "team"]);
        let mut licence = claim("about $20 million", 1.8e7, Some(2.2e7), None, "money");
        licence.context = words(&["licence", "million", "software", "year"]);
        assert_eq!(shared_context(&wage, &licence), 0);
        // nor does "percent" for two shares
        let mut raise = claim("20 percent", 20.0, Some(20.0), None, "percent");
        raise.context = words(&["contracts", "percent", "raises"]);
        let mut stake = claim("15 to 20 percent", 15.0, Some(20.0), None, "percent");
        stake.context = words(&["invest", "percent", "stake"]);
        assert_eq!(shared_context(&raise, &stake), 0);
        // a word both sentences share beside the figure still counts
        licence.context = words(&["million", "salary", "year"]);
        assert_eq!(shared_context(&wage, &licence), 1);
        // what a figure counts is no number word ("officers", "magnitude")
        let mut guards = claim(
            "nearly 20 police officers",
            18.0,
            Some(20.0),
            Some("police officers"),
            "count",
        );
        guards.context = words(&["hallway", "officers", "police"]);
        let mut others = claim(
            "as many as 19 officers",
            0.0,
            Some(19.0),
            Some("officers"),
            "count",
        );
        others.context = words(&["hallway", "officers", "waited"]);
        assert_eq!(shared_context(&guards, &others), 2);
    }

    #[test]
    fn sums_shares_and_magnitudes_are_told_apart_by_value_not_by_the_word_after() {
        let (a, b) = (art("a", "2031-06-10"), art("b", "2031-06-10"));
        let fine = claim(
            "€1.4B fine against Corvane",
            1.4e9,
            Some(1.4e9),
            Some("fine against Corvane"),
            "money",
        );
        let euros = claim("1.4 billion euros", 1.4e9, Some(1.4e9), None, "money");
        assert_eq!(compare_claims(&a, &fine, &b, &euros), Some(Verdict::Agrees));
        let mut share = claim("57.38%", 57.38, Some(57.38), None, "percent");
        let mut rounded = claim("57%", 57.0, Some(57.0), None, "percent");
        let mut other = claim("43%", 43.0, Some(43.0), None, "percent");
        // even when the sentences share no word
        for c in [&mut share, &mut rounded, &mut other] {
            c.context = vec![c.text.clone()];
        }
        assert_eq!(
            compare_claims(&a, &share, &b, &rounded),
            Some(Verdict::Agrees)
        );
        assert_eq!(compare_claims(&a, &share, &b, &other), None);
        let m1 = claim("magnitude 6.1", 6.1, Some(6.1), Some("magnitude"), "other");
        let m2 = claim(
            "6.1-magnitude earthquake",
            6.1,
            Some(6.1),
            Some("earthquake"),
            "other",
        );
        assert_eq!(compare_claims(&a, &m1, &b, &m2), Some(Verdict::Agrees));
        // a lower bound agrees with a toll eighty times higher, but is not the same toll
        let seven = claim("at least seven people", 7.0, None, Some("people"), "killed");
        let war = claim("about 600", 540.0, Some(660.0), None, "killed");
        assert_eq!(compare_claims(&a, &seven, &b, &war), None);
    }

    #[test]
    fn news_a_week_apart_is_one_story_only_in_nearly_the_same_words() {
        // an article published on `published` that names the day `named`
        let naming = |path: &str, published: &str, named: &str| {
            let mut a = art(path, published);
            a.days.push(crate::sources::DayMention {
                date: chrono::NaiveDate::parse_from_str(named, "%Y-%m-%d").unwrap_or_default(),
                line: 0,
                text: named.into(),
            });
            a
        };
        let first = art("a", "2019-03-01");
        // a fortnight later, naming no earlier day: another incident unless a re-run
        let fortnight = art("b", "2019-03-15");
        assert_eq!(cosine_needed(&first, &fortnight, 0.06), COSINE_WEEK_APART);
        // three days later: apart, but not a week
        let soon = art("c", "2019-03-04");
        assert_eq!(cosine_needed(&first, &soon, 0.06), COSINE_APART);
        // the next day, naming only a day weeks before: apart, but not a week
        let next = naming("f", "2019-03-02", "2019-02-20");
        assert_eq!(cosine_needed(&first, &next, 0.06), COSINE_APART);
        // a follow-up naming the day it follows up is the same news days
        let follow_up = naming("d", "2019-03-15", "2019-03-01");
        assert_eq!(cosine_needed(&first, &follow_up, 0.06), 0.06);
        // news told for a country runs for weeks: only apart
        let mut war = art("g", "2019-03-15");
        war.places = vec!["france".into()];
        assert_eq!(cosine_needed(&first, &war, 0.06), COSINE_APART);
        // without a date nothing is apart
        let undated = art("e", "");
        assert_eq!(cosine_needed(&first, &undated, 0.06), 0.06);
    }

    #[test]
    fn the_news_gap_is_the_same_without_collecting_the_other_article_s_days() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let with_days = |published: &str, named: &[&str]| {
            let mut a = art("x", published);
            for n in named {
                a.days.push(crate::sources::DayMention {
                    date: day(n),
                    line: 0,
                    text: (*n).into(),
                });
            }
            a
        };
        let others = [
            with_days("2021-06-10", &[]),
            // days within the news window, one after publication, one long before
            with_days("2021-06-10", &["2021-06-08", "2021-06-11", "2021-04-01"]),
            with_days("2021-06-10", &["2021-03-01"]),
            with_days("", &["2021-06-08"]),
        ];
        let mine = [
            vec![],
            vec![day("2021-06-09")],
            vec![day("2021-05-30"), day("2021-06-12")],
        ];
        for days in &mine {
            for b in &others {
                assert_eq!(
                    gap_to_news_of(days, b),
                    gap(days, &news_days(b)),
                    "{days:?} {b:?}"
                );
                // as an index keeps the news days
                let numbers: Vec<i64> = days.iter().copied().map(day_number).collect();
                assert_eq!(
                    gap_of_numbers(&numbers, &news_day_numbers(b)),
                    gap(days, &news_days(b)),
                    "{days:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn name_variants() {
        assert!(name_variant("Dmitry Korlanov", "Dmitri Korlanov"));
        assert!(!name_variant("Dmitry Korlanov", "Dmitry Korlanov"));
        assert!(!name_variant("Dmitry Korlanov", "Pavel Ostrenko"));
        assert!(!name_variant("Orhan Velimov", "Selma Velimova"));
        assert!(!name_variant("Joe Harwick", "Jill Harwick"));
        assert!(name_variant("Steven Marsh", "Steve Marsh"));
        // a country and its people, a plural
        assert!(!name_variant("South Korea", "South Korean"));
        assert!(!name_variant("New Zealand", "New Zealander"));
        assert!(!name_variant("Harbor Hawk", "Harbor Hawks"));
        // a name and its adjective: a lost country, a region, a party's member
        assert!(!name_variant("East Ruritania", "East Ruritanian"));
        assert!(!name_variant("North Velmary", "North Velmar"));
        assert!(!name_variant("Upper Kestrel", "Upper Kestreli"));
        assert!(!name_variant("Senate Democrat", "Senate Democratic"));
        assert!(!name_variant("North Velmary", "North Velmars"));
        assert!(!name_variant("East Ruritania", "East Ruritanians"));
        // a misspelt surname is still a variant, and so is a first name that ends shorter
        assert!(name_variant("Mara Kestrelyan", "Mara Kesrelyan"));
        assert!(name_variant("Loris Halden", "Loris Haldn"));
    }
}

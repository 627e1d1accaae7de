//! The word sets more than one module reads, or whose words tokens carry as class bits
//! ([`super::class`]): each loaded from its data file in `data/lexicon/`.

use super::class;

crate::word_set!(
    /// Personal pronouns that open a clause as its subject ("he", "they", "it"): a source or an
    /// actor named elsewhere (`figures::attribution`, `sources::antecedent`, `time::tense`).
    pub SUBJECT_PRONOUNS = file "subject-pronouns.txt"
);

// Attribution (figures::attribution)
crate::word_set!(
    /// Verbs that attribute what is said to their subject (the `attribution` words of
    /// `speech-verbs.tsv`).
    pub SPEECH_VERB_SET = file "speech-verbs.tsv", tag "attribution", class = class::SPEECH_VERB
);
/// Every verb of a role `figures::attribution` reads besides speech (evidential, act,
/// intention, demand, passive report, document, stance, judging) and the verbs of
/// `particle-speech-verbs.txt`, as one class bit: most words are none, and one bit test
/// rejects them before nine look-ups (`cargo bench --bench throughput`: they were 3 % of it).
/// Its files are those of the role sets (a test there checks that each lies inside).
pub static VERB_ROLE_SET: super::WordSet = super::WordSet::with_class(
    || {
        let mut v: Vec<&'static str> = Vec::new();
        for data in [
            crate::word_data!("evidential-verbs.txt"),
            crate::word_data!("prediction-verbs.txt"),
            crate::word_data!("prediction-participles.txt"),
            crate::word_data!("act-verbs.txt"),
            crate::word_data!("intention-verbs.txt"),
            crate::word_data!("belief-verbs.txt"),
            crate::word_data!("outlook-verbs.txt"),
            crate::word_data!("demand-verbs.txt"),
            crate::word_data!("passive-report-verbs.txt"),
            crate::word_data!("document-verbs.txt"),
            crate::word_data!("stance-verbs.txt"),
            crate::word_data!("directive-verbs.txt"),
            crate::word_data!("judging-verbs.txt"),
        ] {
            v.extend(super::first_column(data));
        }
        v.extend(
            super::entries(crate::word_data!("particle-speech-verbs.txt"))
                .filter_map(|e| e.split_once(' ').map(|(w, _)| w)),
        );
        v
    },
    class::VERB_ROLE,
);
crate::word_set!(
    /// Words that cannot be part of a source noun phrase.
    pub NOT_IN_SOURCE_SET = file "not-in-source.txt", class = class::NOT_IN_SOURCE
);
crate::word_set!(
    /// Head words of a source phrase written in lower case.
    pub SOURCE_HEAD_SET = file "source-heads.tsv", class = class::SOURCE_HEAD
);
crate::word_set!(
    /// Words that stop the backward search for a source.
    pub STOP_BACK_SET = file "source-stop-back.txt", class = class::STOP_BACK
);
crate::word_set!(
    /// Words that open a source phrase ("according to", "citing").
    pub LEAD_WORD_SET = file "source-lead-words.tsv", class = class::LEAD_WORD
);

// Figures
crate::word_set!(
    /// Words that end the counted noun phrase.
    pub NOUN_STOP_SET = file "noun-stop.txt", class = class::NOUN_STOP
);
crate::word_set!(
    /// Units of measurement.
    pub MEASURE_UNIT_SET = file "units.txt", class = class::MEASURE_UNIT
);
crate::word_set!(
    /// Units of time.
    pub DURATION_UNIT_SET = file "duration-units.tsv", class = class::DURATION_UNIT
);
crate::word_set!(
    /// Currency words.
    pub CURRENCY_SET = file "currencies.txt", class = class::CURRENCY
);
crate::word_set!(
    /// Nouns for people.
    pub PEOPLE_SET = file "people-nouns.txt", class = class::PEOPLE
);
crate::word_set!(
    /// Words that name a measure (the first column of `measure-words.tsv`).
    pub MEASURE_WORD_SET = file "measure-words.tsv", class = class::MEASURE_WORD
);
crate::word_set!(
    /// Vague quantities and "dozen" ("hundreds"), which may start a number in any case.
    pub VAGUE_QUANTITIES = file "vague-quantities.txt"
);
crate::word_set!(
    /// Number words that multiply ("hundred", "dozen").
    pub NUMBER_SCALES = file "number-scales.txt"
);

// Entities
crate::word_set!(
    /// Titles before a person's name.
    pub TITLE_SET = file "titles.txt", class = class::TITLE
);
crate::word_set!(
    /// Heads of organisations' names.
    pub ORG_SET = file "org-heads.tsv", class = class::ORG
);
crate::word_set!(
    /// Capitalised words that name no one.
    pub NOT_NAME_SET = file "not-names.txt", class = class::NOT_NAME
);

// Dates
crate::word_set!(
    /// Month names and abbreviations.
    pub MONTHS = file "months.txt"
);
crate::word_set!(
    /// Weekday names and abbreviations.
    pub WEEKDAYS = file "weekdays.txt"
);
crate::word_set!(
    /// Relative day words ("today", "noon").
    pub RELATIVE_DAYS = file "relative-days.txt"
);
crate::word_set!(
    /// The cardinals from "one" to "ninety", spelled out.
    pub CARDINALS = file "cardinals.txt"
);
crate::word_set!(
    /// The ordinals from "first" to "thirtieth", spelled out.
    pub ORDINALS = file "ordinals.txt"
);
crate::word_set!(
    /// Small words that lead a temporal expression.
    pub DATE_LEADS = file "date-leads.txt"
);
crate::word_set!(
    /// Words that may follow a leading small word.
    pub FOLLOWS_LEAD = file "follows-lead.txt"
);

// Tense
crate::word_set!(
    /// Auxiliaries.
    pub AUXILIARY_WORDS = file "tense-auxiliary.txt"
);
crate::word_set!(
    /// Past-tense words.
    pub PAST_WORDS = file "tense-past.txt"
);
crate::word_set!(
    /// Future markers.
    pub FUTURE_WORDS = file "tense-future.txt"
);
crate::word_set!(
    /// Future markers before "to".
    pub FUTURE_BEFORE_TO_WORDS = file "tense-future-before-to.txt"
);
crate::word_set!(
    /// The words after a future marker before "to" that make it mark the future ("due to",
    /// "set for", "scheduled on").
    pub FUTURE_PARTICLES = file "tense-future-particles.txt"
);
crate::word_set!(
    /// Modal verbs ("could", "may", "will"): what they govern is told as possible or coming.
    pub MODAL_WORDS = file "modal-verbs.txt"
);
crate::word_set!(
    /// Words after "to" that make it no infinitive's ("sold to them", "to date").
    pub NOT_A_VERB_AFTER_TO = file "not-verbs-after-to.txt"
);
crate::word_set!(
    /// Words in "-ed" that are no past tense.
    pub NOT_PAST_ED_WORDS = file "not-past-ed.txt"
);
crate::word_set!(
    /// Present-tense markers.
    pub PRESENT_WORDS = file "tense-present.txt"
);
crate::word_set!(
    /// Verbs of a change of schedule before "to" + a day ("extended to Nov. 20").
    pub RESCHEDULE_WORDS = file "reschedule-verbs.txt"
);
crate::word_set!(
    /// Reporting verbs, for the tense (the `tense` words of `speech-verbs.tsv`).
    pub TENSE_SPEECH_WORDS = file "speech-verbs.tsv", tag "tense"
);

/// Every word that may head a spelled-out or vague number, for the token class
/// [`class::NUMBERISH`] (which ignores case): the cardinals, the vague quantities and the
/// scales.
pub fn numberish_words() -> impl Iterator<Item = &'static str> {
    CARDINALS
        .iter()
        .chain(VAGUE_QUANTITIES.iter())
        .chain(NUMBER_SCALES.iter())
        .copied()
}

crate::word_set!(
    /// Every word of `speech-verbs.tsv`, of either use: a date right after one dates the saying.
    pub SAYING_WORDS = file "speech-verbs.tsv", tags ["attribution", "tense"]
);

/// The kind a counted noun (singular) names when the word is another name for it ("vessel":
/// "ship"; `noun-kinds.tsv`), for `sources::matching`.
pub fn noun_kind(word: &str) -> Option<&'static str> {
    static KINDS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
        std::sync::LazyLock::new(|| {
            super::entries(crate::word_data!("noun-kinds.tsv"))
                .filter_map(|e| {
                    let mut c = super::columns(e);
                    Some((c.next()?, c.next()?))
                })
                .collect()
        });
    KINDS.iter().find(|(w, _)| *w == word).map(|(_, k)| *k)
}

// Grammar words more than one module reads
crate::word_set!(
    /// "the", "a", "an".
    pub ARTICLES = file "articles.tsv"
);
crate::word_set!(
    /// "a", "an".
    pub INDEFINITE_ARTICLES = file "articles.tsv", tag "indefinite"
);
crate::word_set!(
    /// Nouns for places ("city", "countries").
    pub PLACE_NOUNS = file "place-nouns.txt"
);
crate::word_set!(
    /// Nouns after a number that make it a street address ("the 1200 block of"): a figure's
    /// sign that it is none, a detail's that it is a block.
    pub ADDRESS_NOUNS = file "address-nouns.txt"
);
crate::word_set!(
    /// "that", "which", "who", "whom": the pronouns that open a relative clause.
    pub RELATIVE_PRONOUNS = file "relative-pronouns.txt"
);
crate::word_set!(
    /// Plurals not ending in -s ("people", "children").
    pub IRREGULAR_PLURALS = file "irregular-plurals.txt"
);
crate::word_set!(
    /// What a name's last word gains as its adjective or its people's word ("Ruritania" /
    /// "Ruritanian"; "-y": "Velmary" / "Velmar").
    pub NAME_ADJECTIVE_ENDINGS = file "name-adjective-endings.txt"
);

// Places
crate::word_set!(
    /// Words of every town's street names ("Street", "Ave"), which tie no two reports to one
    /// incident, and make the country before them part of a street's name.
    pub STREET_NOUNS = file "street-nouns.txt"
);
crate::word_set!(
    /// Compass adjectives that name a part of a place ("northern Syria").
    pub COMPASS_ADJECTIVES = file "compass-adjectives.txt"
);
crate::word_set!(
    /// Compass points naming a part of a place ("north Texas", "the South Side").
    pub COMPASS_POINT_SET = file "compass-points.txt"
);
crate::word_set!(
    /// Adverbs of a later time ("since", "later"): "has since died", "later died"
    /// (`sources::details`, `sources::victim`).
    pub LATER_ADVERBS = file "toll-change-words.tsv", tag "adverb"
);
crate::word_set!(
    /// Nouns after a compass point that name a part of a town ("the South Side", "West End")
    /// (`entities`, `sources::details`).
    pub CITY_PART_NOUNS = file "city-part-nouns.txt"
);
crate::word_set!(
    /// Lower-case words a credit line holds before its verb ("staff writer", "correspondent",
    /// "and") (`entities::credits`, `entities::outlets`).
    pub CREDIT_INSIDE = file "credit-words.tsv", tag "inside"
);
crate::word_set!(
    /// Prepositions (`prepositions.txt`): a past form right after one is an adjective ("at
    /// reduced levels"), an "-ing" word among them is no gerund ("during"), a year before one
    /// opens a title ("1990 in review") (`time::tense`, the date rules).
    pub PREPOSITIONS = file "prepositions.txt"
);
crate::word_set!(
    /// The parts of a day, in order: morning, afternoon, evening, night (`time`, the date
    /// rules: "on the morning of March 13" dates its clause as "on March 13" does).
    pub PARTS_OF_DAY = file "parts-of-day.txt"
);
crate::word_set!(
    /// Words of a clock time or time zone after a time of day ("p.m.", "GMT")
    /// (`article::furniture`, `rules::evidence`).
    pub CLOCK_WORDS = file "clock-words.txt"
);
crate::word_set!(
    /// Forms of "be" and "have" that help another verb ("was shot", "has died", "he has sold");
    /// capitalised by a title-case headline ("Is", "Has") they are no name.
    pub AUXILIARIES = file "auxiliaries.txt"
);
crate::word_set!(
    /// The forms of "be" ("is", "were", "being"), whose participle takes its tense from them ("is
    /// completed").
    pub BE_FORMS = file "be-forms.txt"
);
crate::word_set!(
    /// Verbs of belief ("believes", "expected"): their subject holds a view, also a cue before a
    /// clause that opens right after it ("We believe the 11 debates ...").
    pub BELIEF_VERBS = file "belief-verbs.txt"
);
crate::word_set!(
    /// "vs", "versus": in a results table row ("Sales 4.1 mln vs 3.9 mln") the word sets the next
    /// figure beside this one.
    pub COMPARISON_WORDS = file "comparison-words.txt"
);
crate::word_set!(
    /// Words between an auxiliary and a casualty word that keep it the subject's fate ("was found
    /// dead", "was pronounced dead").
    pub FATE_LINKS = file "fate-links.txt"
);
crate::word_set!(
    /// Conjunctions of a time clause ("after", "when"); right after a verb of saying, the occasion
    /// of the saying.
    pub OCCASION_CONJUNCTIONS = file "occasion-conjunctions.txt"
);
crate::word_set!(
    /// Head words of a company's name ("Co", "plc", "company"): "the company" stands for a name
    /// with any of them.
    pub COMPANY_HEADS = file "org-heads.tsv", tag "company"
);
crate::word_set!(
    /// Possessive determiners ("his", "its", "their"): a word after one is a noun ("their five-year
    /// offer").
    pub POSSESSIVES = file "possessives.tsv"
);
crate::word_set!(
    /// Adverbs that stand between a subject or a source and its verb ("also", "now", "later").
    pub PRE_VERB_ADVERBS = file "pre-verb-adverbs.txt"
);
crate::word_set!(
    /// Determiners and possessives before a modifier: a year ("the 1987 crash") or a bracket word
    /// ("the top 10") after one is an adjective.
    pub YEAR_DETERMINERS = file "year-determiners.txt"
);
crate::word_set!(
    /// Nouns of a plan, an aim or an outlook on a time ahead ("plans", "aim", "prospects"): a
    /// gerund after one and a preposition is the act meant; a year after one lies ahead.
    pub AIM_NOUNS = files ["plan-nouns.txt", "outlook-nouns.txt"]
);

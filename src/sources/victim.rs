//! Who a report's lead tells was shot: one person of one sex ("a woman was shot", "killed a
//! man") or more. Two shootings of one town on one day share every word of the story; a woman
//! shot in one and a man shot in the other are two incidents (see [`super::details`]).

use crate::lexicon::sets::{AUXILIARIES, BE_FORMS, FATE_LINKS, LATER_ADVERBS, POSSESSIVES};
use crate::text::{Tok, TokKind};
use serde::{Deserialize, Serialize};

crate::word_set!(
    /// Nouns for a man or men.
    MALE = file "people-sex.tsv", tag "male"
);
crate::word_set!(
    /// Nouns for a woman or women.
    FEMALE = file "people-sex.tsv", tag "female"
);
crate::word_set!(
    /// Nouns for people of one sex that name more than one ("men", "girls").
    PLURAL = file "people-sex.tsv", tag "plural"
);
crate::word_set!(
    /// Words that tell a death or an injury ("shot", "killed", "wounded").
    CASUALTY = file "measure-words.tsv", tags ["killed", "injured"]
);
crate::word_set!(
    /// Forms of be and have that agree with more than one ("were shot").
    PLURAL_AUXILIARIES = file "plural-auxiliaries.txt"
);

/// The sex of a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    /// A man or a boy.
    Male,
    /// A woman or a girl.
    Female,
}

/// The sex of a word for people, and whether it names more than one.
fn sex_of(t: &Tok) -> Option<(Sex, bool)> {
    if t.kind != TokKind::Word {
        return None;
    }
    let sex = if MALE.contains(t.text) {
        Sex::Male
    } else if FEMALE.contains(t.text) {
        Sex::Female
    } else {
        return None;
    };
    Some((sex, PLURAL.contains(t.text)))
}

/// One person or more of one sex shot, killed or hurt, told at token `i`: the sex, and whether
/// more than one was (a plural noun, "were"). See [`casualty_after`] and [`casualty_before`].
pub fn victim_at(toks: &[Tok], i: usize) -> Option<(Sex, bool)> {
    let (sex, plural) = toks.get(i).and_then(sex_of)?;
    if let Some(more) = casualty_after(toks, i + 1) {
        return Some((sex, plural || more));
    }
    casualty_before(toks, i).then_some((sex, plural))
}

/// Most words between a person and the casualty word they are the subject of ("who had
/// been fatally shot").
const SUBJECT_WORDS: usize = 6;

/// The person at token `start - 1` is the subject of a casualty word from token `start`: "was
/// shot", "was fatally shot", "was found dead", "has died", "who had been shot", ", 34, was
/// killed"; or a casualty word right after ("died Saturday") that takes no object ("shot a
/// woman" is a shooter's). Some(true) when the verb tells of more than one ("were shot").
fn casualty_after(toks: &[Tok], start: usize) -> Option<bool> {
    let mut i = start;
    // an age in apposition: ", 34,"
    if toks.get(i).is_some_and(|t| t.is_punct(','))
        && toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Num)
        && toks.get(i + 2).is_some_and(|t| t.is_punct(','))
    {
        i += 3;
    }
    // "who was shot"
    if toks
        .get(i)
        .is_some_and(|t| crate::lexicon::sets::RELATIVE_PRONOUNS.has(t))
    {
        i += 1;
    }
    let (mut aux, mut more) = (false, false);
    // "was shot", "had been shot", "was fatally shot", "was found dead", "has since died"
    while let Some(t) = toks
        .get(i)
        .filter(|t| t.kind == TokKind::Word && i < start + SUBJECT_WORDS)
    {
        if CASUALTY.contains(t.text) {
            break;
        }
        if AUXILIARIES.contains(t.text) || BE_FORMS.contains(t.text) {
            aux = true;
            more |= PLURAL_AUXILIARIES.contains(t.text);
        } else if !(t.text.ends_with("ly")
            || FATE_LINKS.contains(t.text)
            || LATER_ADVERBS.contains(t.text))
        {
            return None;
        }
        i += 1;
    }
    let verb = toks.get(i).filter(|t| t.kind == TokKind::Word)?;
    if !CASUALTY.contains(verb.text) || (!aux && takes_object(toks.get(i + 1))) {
        return None;
    }
    Some(more)
}

/// True when a word after a casualty verb opens its object ("shot a woman", "killed his
/// wife", "shot two"): the subject before the verb is then a shooter, not a victim.
fn takes_object(next: Option<&Tok>) -> bool {
    next.is_some_and(|t| {
        t.kind == TokKind::Num
            || crate::lexicon::sets::ARTICLES.has(t)
            || POSSESSIVES.contains(t.text)
            || crate::lexicon::sets::PEOPLE_SET.has(t)
            || crate::time::lexicon::cardinal(t.text).is_some()
            || t.is("at")
    })
}

/// Most words between a casualty verb and the person it took ("shot and killed a
/// 25-year-old woman").
const OBJECT_WORDS: usize = 3;

/// The person at token `i` is the object of a casualty verb before it: "shot a man", "killed
/// a 25-year-old woman", "wounding two men".
fn casualty_before(toks: &[Tok], i: usize) -> bool {
    for k in 1..=OBJECT_WORDS + 1 {
        let Some(t) = i.checked_sub(k).and_then(|j| toks.get(j)) else {
            return false;
        };
        if t.kind == TokKind::Word && CASUALTY.contains(t.text) {
            // the words between are the object's opening: a determiner, a count, an age
            return k > 1;
        }
        if t.kind == TokKind::Punct && !t.is_punct('-') {
            return false;
        }
    }
    false
}

/// The one victim a lead tells of by sex, from every victim it tells ([`victim_at`]): Some
/// when all are one person of one sex, None when it tells of none, of more than one, or of
/// both sexes.
pub fn lone_victim(victims: &[(Sex, bool)]) -> Option<Sex> {
    let (first, _) = *victims.first()?;
    victims
        .iter()
        .all(|(s, more)| *s == first && !more)
        .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{tokenize, Span};

    fn victim(text: &str) -> Option<Sex> {
        let toks = tokenize(text, Span::new(0, text.len()));
        let v: Vec<_> = (0..toks.len())
            .filter_map(|i| victim_at(&toks, i))
            .collect();
        lone_victim(&v)
    }

    #[test]
    fn the_victim_is_the_one_shot_not_the_shooter() {
        assert_eq!(
            victim("A woman was shot Friday in Hilltown."),
            Some(Sex::Female)
        );
        assert_eq!(
            victim("A 34-year-old man was fatally shot."),
            Some(Sex::Male)
        );
        assert_eq!(
            victim("Police said a gunman shot and killed a woman."),
            Some(Sex::Female)
        );
        assert_eq!(
            victim("A man opened fire and shot a woman."),
            Some(Sex::Female)
        );
        assert_eq!(
            victim("A man, 22, was found dead near a school."),
            Some(Sex::Male)
        );
        assert_eq!(
            victim("A girl died Sunday after a shooting."),
            Some(Sex::Female)
        );
        assert_eq!(
            victim("Officers found a boy who had been shot in the arm."),
            Some(Sex::Male)
        );
        // a shooter alone is no victim
        assert_eq!(victim("A man was arrested after the shooting."), None);
    }

    #[test]
    fn more_than_one_victim_tells_no_lone_sex() {
        assert_eq!(victim("A man and a woman were shot in Millbrook."), None);
        assert_eq!(victim("Two men were wounded late Friday."), None);
        assert_eq!(victim("A woman was killed and a man was hurt."), None);
        // one person told twice is one victim
        assert_eq!(
            victim("A man was shot Friday. The man was taken to a hospital and has died."),
            Some(Sex::Male)
        );
    }
}

//! Words for months, weekdays and small numbers.

use chrono::Weekday;

/// Month number (1–12) for a month name or abbreviation ("Sept", "oct", "January").
pub fn month(word: &str) -> Option<u32> {
    let mut buf = [0u8; 32];
    let w = crate::wordset::lower(word, &mut buf)?;
    let m = match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// True when the month word is an abbreviation that may carry a period ("Oct.").
pub fn is_month_abbrev(word: &str) -> bool {
    word.len() <= 4
        && !word.eq_ignore_ascii_case("may")
        && !word.eq_ignore_ascii_case("june")
        && !word.eq_ignore_ascii_case("july")
}

/// Weekday for a weekday name or abbreviation ("Thu", "tues", "Saturday").
pub fn weekday(word: &str) -> Option<Weekday> {
    let mut buf = [0u8; 32];
    let w = crate::wordset::lower(word, &mut buf)?;
    let d = match w {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(d)
}

/// True for a full weekday name (abbreviations like "sat" or "sun" are also common words).
pub fn is_full_weekday(word: &str) -> bool {
    word.len() >= 6 && weekday(word).is_some()
}

/// English name of a weekday.
pub fn weekday_name(wd: Weekday) -> &'static str {
    match wd {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// English name of a month (1–12).
pub fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// Cardinal number words: "one" → 1 … "twenty" → 20, tens up to ninety; "a"/"an" → 1.
pub fn cardinal(word: &str) -> Option<u32> {
    let mut buf = [0u8; 32];
    let w = crate::wordset::lower(word, &mut buf)?;
    let n = match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => {
            if let Some((a, b)) = w.split_once('-') {
                let t = cardinal(a)?;
                let u = cardinal(b)?;
                if t >= 20 && t % 10 == 0 && (1..10).contains(&u) {
                    return Some(t + u);
                }
            }
            return None;
        }
    };
    Some(n)
}

/// Ordinal words: "first" → 1 … "thirty-first" → 31 ("twenty-first", also as one hyphenated word).
pub fn ordinal(word: &str) -> Option<u32> {
    let mut buf = [0u8; 32];
    let w = crate::wordset::lower(word, &mut buf)?;
    let n = match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => {
            if let Some((a, b)) = w.split_once('-') {
                let t = cardinal(a)?;
                let u = ordinal(b)?;
                if (t == 20 || t == 30) && (1..10).contains(&u) {
                    return Some(t + u);
                }
            }
            return None;
        }
    };
    Some(n)
}

/// Ordinal suffix check for a number written "1st", "22nd", "3rd", "4th".
pub fn is_ordinal_suffix(word: &str) -> bool {
    word.len() == 2
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(word))
}

/// Time zone abbreviations recognised after a clock time.
pub fn zone(word: &str) -> Option<&'static str> {
    let z = match word {
        "UTC" | "UCT" => "UTC",
        "GMT" => "GMT",
        "ET" => "ET",
        "EST" => "EST",
        "EDT" => "EDT",
        "CT" => "CT",
        "CST" => "CST",
        "CDT" => "CDT",
        "MT" => "MT",
        "MST" => "MST",
        "MDT" => "MDT",
        "PT" => "PT",
        "PST" => "PST",
        "PDT" => "PDT",
        "HST" => "HST",
        "BST" => "BST",
        "CET" => "CET",
        "CEST" => "CEST",
        "EET" => "EET",
        "MSK" => "MSK",
        "IST" => "IST",
        "JST" => "JST",
        "AEST" => "AEST",
        "AEDT" => "AEDT",
        _ => return None,
    };
    Some(z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words() {
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(weekday("tues"), Some(Weekday::Tue));
        assert_eq!(cardinal("twenty-one"), Some(21));
        assert_eq!(ordinal("twenty-first"), Some(21));
        assert_eq!(ordinal("thirty-first"), Some(31));
        assert_eq!(ordinal("forty-first"), None);
    }
}

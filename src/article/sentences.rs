//! Paragraphs, sentences and subheads.

use super::{Article, Paragraph, ParagraphKind, Sentence};
use crate::text::Span;

crate::word_set!(
    /// Abbreviations after which a period does not end a sentence (without the period).
    ABBREVIATION_SET = file "abbreviations.txt"
);
crate::word_set!(
    /// Dotted abbreviations that may end a sentence ("U.S.", "p.m."): a capitalised function word
    /// or source head after them ("The", "Police") starts a new sentence.
    AMBIGUOUS_ABBREVIATION_SET = file "ambiguous-abbreviations.txt"
);
crate::word_set!(
    /// Legal forms that end a company's name ("Corp", "Ltd"): after one with a period, a
    /// capitalised word that does not go on with the name starts a new sentence.
    COMPANY_FORM_SET = file "company-forms.txt"
);
crate::word_set!(
    /// Capitalised words after an initialism that join it to what follows ("the U.S. And").
    ABBREVIATION_JOINER_SET = file "abbreviation-joiners.txt"
);

/// Splits the body of `article` into paragraphs and sentences.
pub(super) fn split(text: &str, article: &mut Article, block_starts: &[usize]) {
    let body = article.body;
    // about one sentence per 100 bytes of prose, one paragraph per 400
    article.sentences.reserve(body.len() / 100);
    article.paragraphs.reserve(body.len() / 400);
    let mut pos = body.start;
    let mut block: Option<(usize, usize)> = None; // current paragraph: start, end
    let mut in_fence = false;
    let mut in_comment = false;
    let mut prev_line_ends_para = false;
    while pos < body.end {
        // memchr's vector search, not `str::find` (the throughput benchmark, `cargo bench
        // --bench throughput`: a paragraph is one long line)
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[pos..body.end])
            .map_or(body.end, |i| pos + i + 1);
        let line = &text[pos..line_end];
        let here = pos;
        pos = line_end;
        let trimmed = line.trim();
        // HTML comments and code fences are not prose
        if in_comment {
            if let Some(e) = line.find("-->") {
                article.skipped.push(Span::new(here, here + e + 3));
                in_comment = false;
            } else {
                article.skipped.push(Span::new(here, line_end));
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(text, article, &mut block);
            article.skipped.push(Span::new(here, line_end));
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            article.skipped.push(Span::new(here, line_end));
            continue;
        }
        if trimmed.starts_with("<!--") {
            flush(text, article, &mut block);
            let off = here + (line.len() - line.trim_start().len());
            if let Some(e) = line.find("-->") {
                article.skipped.push(Span::new(off, here + e + 3));
                // text after the comment on the same line is prose
                let after = here + e + 3;
                if !text[after..line_end].trim().is_empty() {
                    block = Some((after, line_end));
                }
            } else {
                article.skipped.push(Span::new(off, line_end));
                in_comment = true;
            }
            continue;
        }
        if trimmed.is_empty() {
            flush(text, article, &mut block);
            prev_line_ends_para = false;
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let starts_new = block_starts.binary_search(&(here + indent)).is_ok()
            || trimmed.starts_with('#')
            || trimmed.starts_with(['•', '*', '>', '|'])
            || trimmed.starts_with("- ")
            || prev_line_ends_para;
        if starts_new {
            flush(text, article, &mut block);
        }
        match &mut block {
            Some((_, end)) => *end = line_end,
            None => block = Some((here, line_end)),
        }
        // a line that ends a sentence, or a short unpunctuated line, ends its paragraph
        let last = trimmed.chars().last().unwrap_or(' ');
        prev_line_ends_para = trimmed.starts_with('#')
            || matches!(last, '.' | '!' | '?' | '"' | '”' | ':' | ')' | '\'')
            // at most 13 words counted: the answer is the same, a long line is not read twice
            || trimmed.split_whitespace().take(13).count() <= 12;
    }
    flush(text, article, &mut block);
}

fn flush(text: &str, article: &mut Article, block: &mut Option<(usize, usize)>) {
    let Some((start, end)) = block.take() else {
        return;
    };
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let s = start + lead;
    let e = start + raw.trim_end().len();
    if s >= e {
        return;
    }
    let span = Span::new(s, e);
    let t = span.slice(text);
    let heading = t.starts_with('#');
    let last = t.chars().last().unwrap_or('.');
    let subhead = heading
        || (!matches!(
            last,
            '.' | '!' | '?' | '"' | '”' | ':' | ';' | ',' | ')' | '\'' | '’' | '…'
        ) && t.len() < 200
            && !t.contains('\n')
            && t.split_whitespace().count() <= 12);
    let kind = if subhead {
        ParagraphKind::Subhead
    } else {
        ParagraphKind::Text
    };
    let first = article.sentences.len();
    let pidx = article.paragraphs.len();
    if subhead {
        let st = if heading {
            s + (t.len() - t.trim_start_matches('#').trim_start().len())
        } else {
            s
        };
        // a short line after a wire dateline ("HARBOUR CITY, May 5 - Shr 43 cts") keeps the
        // dateline apart too
        let dateline = if heading { None } else { wire_dateline_len(t) };
        let mut push = |sp: Span| {
            article.sentences.push(Sentence {
                span: sp,
                paragraph: pidx,
            })
        };
        match dateline {
            Some(n) => {
                push_trimmed(s, t, 0, n, &mut push);
                push_trimmed(s, t, n, t.len(), &mut push);
            }
            None => push(Span::new(st.min(e), e)),
        }
    } else {
        each_sentence(text, span, &mut |sp| {
            article.sentences.push(Sentence {
                span: sp,
                paragraph: pidx,
            })
        });
    }
    let last_idx = article.sentences.len();
    article.paragraphs.push(Paragraph {
        span,
        kind,
        sentences: first..last_idx,
    });
}

/// The bytes [`each_sentence`] acts on: parentheses and sentence-ending marks.
static SPLIT_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'(' as usize] = true;
    t[b')' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t
};

/// The index of the first byte of `b` from `i` on that [`each_sentence`] acts on (see
/// [`SPLIT_BYTE`]), or `b.len()`: eight bytes at a time while none of them is one.
#[inline]
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // a zero byte in `v` sets its high bit (bytes above a zero byte may be flagged too, which
    // only stops the fast loop early)
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let v = u64::from_le_bytes(a);
        // '(' and ')' differ only in the lowest bit
        let hit = zero((v | ONES) ^ (ONES * 0x29))
            | zero(v ^ (ONES * u64::from(b'.')))
            | zero(v ^ (ONES * u64::from(b'!')))
            | zero(v ^ (ONES * u64::from(b'?')));
        if hit != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && !SPLIT_BYTE[usize::from(b[i])] {
        i += 1;
    }
    i
}

/// Splits a paragraph into sentence spans.
#[cfg(test)]
pub(crate) fn sentence_spans(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    each_sentence(text, para, &mut |sp| out.push(sp));
    out
}

/// Calls `out` with the span of each sentence of a paragraph, in order.
fn each_sentence(text: &str, para: Span, out: &mut impl FnMut(Span)) {
    let s = para.slice(text);
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut depth_paren = 0i32;
    // a wire dateline is no part of the lead's sentence
    if let Some(n) = wire_dateline_len(s) {
        push_trimmed(para.start, s, 0, n, out);
        start = n;
        i = n;
    }
    while i < b.len() {
        // skip the bytes that change nothing here
        i = skip_plain(b, i);
        // A run without full stops is cut into pieces of at most MAX_SENTENCE bytes (at a
        // space when there is one), so the per-sentence work of later stages stays bounded
        // and a megabyte without a full stop is analysed in linear time.
        while i.min(b.len()) - start > MAX_SENTENCE {
            let cut = long_sentence_cut(s, start);
            push_trimmed(para.start, s, start, cut, out);
            start = cut;
            depth_paren = 0;
        }
        i = i.max(start);
        let Some(&c) = b.get(i) else {
            break;
        };
        if c == b'(' {
            depth_paren += 1;
        } else if c == b')' {
            depth_paren = (depth_paren - 1).max(0);
        }
        if matches!(c, b'.' | b'!' | b'?') {
            // extend over closing quotes/brackets and repeated marks
            let mut j = i + 1;
            while j < b.len() {
                if matches!(b[j], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                    if b[j] == b')' {
                        depth_paren = (depth_paren - 1).max(0);
                    }
                    j += 1;
                } else if s[j..].starts_with('”') || s[j..].starts_with('’') {
                    j += 3;
                } else {
                    break;
                }
            }
            // must be followed by whitespace then a plausible sentence start
            let mut k = j;
            while k < b.len() && (b[k] == b' ' || b[k] == b'\t' || b[k] == b'\n' || b[k] == b'\r') {
                k += 1;
            }
            let boundary = k > j
                && k < b.len()
                && is_sentence_start(&s[k..])
                && (depth_paren == 0 || b[i] != b'.')
                && (c != b'.' || !is_abbreviation(s, i, &s[k..]));
            if boundary {
                push_trimmed(para.start, s, start, j, out);
                start = k;
                i = k;
                depth_paren = 0;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(para.start, s, start, b.len(), out);
}

/// How many bytes a wire dateline's place may take before its date ("SAN JOSE, Costa Rica, ").
const DATELINE_PLACE: usize = 48;

/// True when `place` may be a wire dateline's place, the words before its date ("SAN JOSE,
/// Costa Rica"): not empty, at most [`DATELINE_PLACE`] bytes, every word capitalised (words
/// split at spaces and commas). The one test of a dateline's place, for the sentence splitter
/// and the date rules alike.
pub fn is_dateline_place(place: &str) -> bool {
    !place.is_empty()
        && place.len() <= DATELINE_PLACE
        && place
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// The length of a wire dateline opening a paragraph, up to its dash ("HARBOUR CITY, May 5 -"):
/// a place in capitalised words and commas, a month and a day of one or two digits, a dash.
fn wire_dateline_len(s: &str) -> Option<usize> {
    let head = s.get(..s.len().min(DATELINE_PLACE + 24))?;
    head.match_indices(", ").find_map(|(comma, _)| {
        if !is_dateline_place(&s[..comma]) {
            return None;
        }
        let rest = &s[comma + 2..];
        let (month, rest) = rest.split_once(' ')?;
        if !crate::lexicon::sets::MONTHS.contains(month.trim_end_matches('.')) {
            return None;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let tail = &rest[digits..];
        Some(s.len() - tail.len() + dateline_dash_len(tail)?)
    })
}

/// True when the date at `span` is a wire's dateline: it opens its line after a place in
/// capitalised words and commas and is followed by a dash ("HARBOUR CITY, May 5 - The …").
/// It tells the day the story was filed, no event of the story.
pub fn wire_dateline(text: &str, span: Span) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    // an agency's name and a dash take a few dozen bytes at most
    let cut = (0..=after.len().min(48))
        .rev()
        .find(|&i| after.is_char_boundary(i))
        .unwrap_or(0);
    if dateline_dash_len(&after[..cut]).is_none() {
        return false;
    }
    let before = text.get(..span.start).unwrap_or("");
    let line = &before[before.rfind('\n').map_or(0, |k| k + 1)..];
    line.trim_end()
        .strip_suffix(',')
        .is_some_and(is_dateline_place)
}

/// How many bytes after a wire dateline's day lead through its dash: " - ", " -- ", or an
/// agency's name in parentheses first (" (Newswire) -- "); None when no dash follows.
pub fn dateline_dash_len(tail: &str) -> Option<usize> {
    let mut after = tail.trim_start_matches(' ');
    if let Some(inner) = after.strip_prefix('(') {
        let close = inner.find(')')?;
        let agency = &inner[..close];
        let name_like = (1..=30).contains(&agency.len())
            && agency.starts_with(|c: char| c.is_uppercase())
            && agency
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '&'));
        if !name_like {
            return None;
        }
        after = inner[close + 1..].trim_start_matches(' ');
    }
    let dashes = after
        .char_indices()
        .take_while(|(_, c)| matches!(c, '-' | '–' | '—'))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    Some(tail.len() - after.len() + dashes)
}

/// The longest sentence in bytes; longer runs are cut (no real sentence comes near it).
pub(crate) const MAX_SENTENCE: usize = 3_000;

/// Where to cut a run that is longer than [`MAX_SENTENCE`] from `start`: after the last
/// space of its last quarter, else at the first char boundary from the limit.
fn long_sentence_cut(s: &str, start: usize) -> usize {
    let b = s.as_bytes();
    let lim = (start + MAX_SENTENCE).min(b.len());
    let from = start + MAX_SENTENCE * 3 / 4;
    if let Some(p) = b
        .get(from..lim)
        .and_then(|w| w.iter().rposition(|&x| x == b' '))
    {
        return from + p + 1;
    }
    let mut c = lim;
    while c < b.len() && !s.is_char_boundary(c) {
        c += 1;
    }
    c
}

fn push_trimmed(base: usize, s: &str, start: usize, end: usize, out: &mut impl FnMut(Span)) {
    let seg = &s[start..end];
    let lead = seg.len() - seg.trim_start().len();
    let t = seg.trim();
    if !t.is_empty() {
        out(Span::new(
            base + start + lead,
            base + start + lead + t.len(),
        ));
    }
}

fn is_sentence_start(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('"' | '“' | '\'' | '‘' | '(' | '[' | '—' | '-' | '•' | '*') => true,
        _ => false,
    }
}

/// True when the period at `dot` ends an abbreviation, an initial or a number, not a sentence.
fn is_abbreviation(s: &str, dot: usize, next: &str) -> bool {
    let before = &s[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if word.len() <= 8 && ABBREVIATION_SET.contains(word) {
        return true;
    }
    if word.len() <= 8 && COMPANY_FORM_SET.contains(word) {
        // "Velmar Corp. The shares fell": a company's name ends many sentences
        return name_goes_on(next);
    }
    // single capital letters are initials ("J. Smith"); dotted initialisms ("U.S.", "J.P.")
    // and the ambiguous abbreviations end a sentence only before a word that opens one
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if initial || is_initialism(word) || AMBIGUOUS_ABBREVIATION_SET.contains(word) {
        return !opens_sentence(next, !initial);
    }
    false
}

/// True for a dotted initialism without its final period: two or more parts of one or two
/// letters joined by periods ("U.S", "J.P", "S.A.Y").
fn is_initialism(word: &str) -> bool {
    word.len() <= 12
        && word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The word at the start of `next` (after an opening quote, if any), and whether a quote
/// opened it.
fn next_word(next: &str) -> (&str, bool) {
    let rest = next.trim_start_matches(['"', '“', '\'', '‘']);
    let quoted = rest.len() < next.len();
    let end = rest
        .find(|c: char| !c.is_alphanumeric() && c != '.')
        .unwrap_or(rest.len());
    (rest[..end].trim_end_matches('.'), quoted)
}

/// True when the word at `next` goes on with a name before it ("U.S. Department", "U.N.
/// Secretary", "Tessaly Co. Ltd."): a company form, an organisation head or a title.
fn goes_on_with_name(word: &str) -> bool {
    let mut buf = [0u8; 16];
    // "L.P." is read as "LP"
    let bare = if word.contains('.') && word.len() <= buf.len() {
        let mut n = 0;
        for b in word.bytes().filter(|&b| b != b'.') {
            buf[n] = b;
            n += 1;
        }
        std::str::from_utf8(&buf[..n]).unwrap_or(word)
    } else {
        word
    };
    COMPANY_FORM_SET.contains(bare)
        || crate::lexicon::sets::ORG_SET.contains(bare)
        || crate::lexicon::sets::TITLE_SET.contains(bare)
}

/// After a company form with a period: true when `next` goes on with the name (a form, an
/// organisation head, a title), or does not start with a capital (a number, a bracket).
fn name_goes_on(next: &str) -> bool {
    let (word, quoted) = next_word(next);
    let capital = word.starts_with(|c: char| c.is_uppercase());
    !capital || (!quoted && goes_on_with_name(word))
}

/// After an initial or an ambiguous abbreviation: true when `next` opens a sentence. A quote
/// before a capital opens one (when `quotes`); so does a capitalised function word ("The",
/// "In", "It"), except a joining one ("And", "To"); and so does a source head ("Officials",
/// "Police") that does not go on with the name ("U.S. Department of ...", "U.S. Defense
/// Secretary").
fn opens_sentence(next: &str, quotes: bool) -> bool {
    let (word, quoted) = next_word(next);
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    if quoted {
        return quotes;
    }
    if crate::lexicon::sets::NOT_NAME_SET.contains(word) {
        return !ABBREVIATION_JOINER_SET.contains(word);
    }
    if !crate::lexicon::sets::SOURCE_HEAD_SET.contains(word) || goes_on_with_name(word) {
        return false;
    }
    // the word after the source head: "of" or a capital goes on with a name
    let after = next[word.len()..].trim_start();
    let (then, _) = next_word(after);
    let named = then == "of" || then.starts_with(|c: char| c.is_uppercase());
    !named
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_plain_stops_at_every_split_byte() {
        let t = "Plain words here (and) then 3.5 more! Why? Yes... ‘quoted’ text)(x".as_bytes();
        for i in 0..=t.len() {
            let naive = (i..t.len())
                .find(|&j| SPLIT_BYTE[usize::from(t[j])])
                .unwrap_or(t.len());
            assert_eq!(skip_plain(t, i), naive, "{i}");
        }
    }

    fn split_str(t: &str) -> Vec<&str> {
        sentence_spans(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.slice(t))
            .collect()
    }

    #[test]
    fn survives_abbreviations_numbers_and_quotes() {
        assert_eq!(
            split_str("Talks began Oct. 17 in the U.S. capital. Gen. Smith and Mr. Jones left at 3.5 km. \"It ended,\" he said. (It rained.) Then calm."),
            [
                "Talks began Oct. 17 in the U.S. capital.",
                "Gen. Smith and Mr. Jones left at 3.5 km.",
                "\"It ended,\" he said.",
                "(It rained.)",
                "Then calm."
            ]
        );
    }

    #[test]
    fn a_run_without_full_stops_is_cut_into_bounded_sentences() {
        let run = "the crews worked late near the old mill ".repeat(500);
        let parts = split_str(&run);
        assert!(parts.len() > 5, "{}", parts.len());
        assert!(parts.iter().all(|p| p.len() <= MAX_SENTENCE));
        // cut at spaces: no word is split
        assert!(parts.iter().all(|p| p.ends_with("mill")
            || p.ends_with(' ')
            || p.split(' ').all(|w| !w.is_empty())));
        let digits = "7".repeat(10_000);
        let parts = split_str(&digits);
        assert_eq!(parts.concat(), digits);
        let multi = "é".repeat(5_000);
        assert_eq!(split_str(&multi).concat(), multi);
    }

    #[test]
    fn quote_end_closes_sentence() {
        assert_eq!(
            split_str("\"We will fight.\" The minister left."),
            ["\"We will fight.\"", "The minister left."]
        );
    }

    #[test]
    fn us_at_sentence_end() {
        assert_eq!(
            split_str("He flew to the U.S. The trip was short."),
            ["He flew to the U.S.", "The trip was short."]
        );
    }

    #[test]
    fn an_initialism_inside_a_name_does_not_end_the_sentence() {
        assert_eq!(
            split_str("Shares of K.T. Halvik Holdings rose after R.V. Ondrej bought more. The U.N. Secretary General spoke."),
            [
                "Shares of K.T. Halvik Holdings rose after R.V. Ondrej bought more.",
                "The U.N. Secretary General spoke."
            ]
        );
        assert_eq!(
            split_str("Exports to the U.S. Department of Trade rose, and talks with the U.S. And Tessaly went on."),
            ["Exports to the U.S. Department of Trade rose, and talks with the U.S. And Tessaly went on."]
        );
    }

    #[test]
    fn an_initialism_before_a_sentence_opener_ends_the_sentence() {
        assert_eq!(
            split_str("Velmar sold more cars in the U.K. In March it cut prices. Output grew in the U.S. \"We were lucky,\" he said."),
            [
                "Velmar sold more cars in the U.K.",
                "In March it cut prices.",
                "Output grew in the U.S.",
                "\"We were lucky,\" he said."
            ]
        );
        assert_eq!(
            split_str("Velmar hired staff in the U.S. Officials there welcomed it."),
            [
                "Velmar hired staff in the U.S.",
                "Officials there welcomed it."
            ]
        );
    }

    #[test]
    fn a_company_form_ends_a_sentence_unless_the_name_goes_on() {
        assert_eq!(
            split_str("Tessaly signed a deal with Velmar Corp. The shares rose. Velmar Corp. said it was pleased."),
            ["Tessaly signed a deal with Velmar Corp.", "The shares rose.", "Velmar Corp. said it was pleased."]
        );
        assert_eq!(
            split_str("It owns Halvik Co. Ltd. and Ondrej Inc. Chairman Ivo Tessaly said so. It sold Ondrej Co. (OND) last year."),
            ["It owns Halvik Co. Ltd. and Ondrej Inc. Chairman Ivo Tessaly said so.", "It sold Ondrej Co. (OND) last year."]
        );
        assert_eq!(
            split_str("The fund bought Ondrej Inc. Analysts expect more."),
            ["The fund bought Ondrej Inc.", "Analysts expect more."]
        );
    }

    #[test]
    fn titles_and_months_never_end_a_sentence_but_figures_do() {
        assert_eq!(
            split_str("Gov. Halvik and Sen. Ondrej met Jan. 5 in Tessaly. Profit rose to 4.1 mln. The board met."),
            ["Gov. Halvik and Sen. Ondrej met Jan. 5 in Tessaly.", "Profit rose to 4.1 mln.", "The board met."]
        );
    }

    #[test]
    fn a_dateline_place_is_short_and_capitalised() {
        assert!(is_dateline_place("HARBOUR CITY"));
        assert!(is_dateline_place("SAN VELMAR, Tessaly"));
        assert!(!is_dateline_place(""));
        assert!(!is_dateline_place("Velmar Corp said on"));
        assert!(!is_dateline_place(&"TESSALY ".repeat(8)));
    }

    #[test]
    fn a_wire_dateline_is_its_own_sentence() {
        let text = "HARBOUR CITY, May 5 - Shr 43 cts vs 30 cts\n\nNet rose.";
        let article = crate::article::read(text);
        let got: Vec<&str> = article
            .sentences
            .iter()
            .map(|s| s.span.slice(text))
            .collect();
        assert_eq!(
            got,
            ["HARBOUR CITY, May 5 -", "Shr 43 cts vs 30 cts", "Net rose."]
        );
        assert_eq!(
            split_str(
                "HARBOUR CITY, Tessaly, May 5 - Velmar Corp said sales rose. They fell in April."
            ),
            [
                "HARBOUR CITY, Tessaly, May 5 -",
                "Velmar Corp said sales rose.",
                "They fell in April."
            ]
        );
        // an agency's name between the day and the dash, a doubled dash
        assert_eq!(
            split_str("HARBOUR CITY, May 5 (Newswire) -- Velmar Corp said sales rose."),
            [
                "HARBOUR CITY, May 5 (Newswire) --",
                "Velmar Corp said sales rose."
            ]
        );
        assert_eq!(
            split_str("HARBOUR CITY, May 5 (sales rose) - Velmar Corp said."),
            ["HARBOUR CITY, May 5 (sales rose) - Velmar Corp said."]
        );
        assert_eq!(
            split_str("Velmar said on May 5 - a Friday - that sales rose."),
            ["Velmar said on May 5 - a Friday - that sales rose."]
        );
    }
}

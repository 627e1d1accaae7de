//! "… Grand total: about 8.5 million (Source: Velmar Corp)": a source note ("Source:",
//! "Sources:") closing a factbox or a table names where its data come from. It speaks for the
//! figures of its paragraph before it (not the paragraph's first sentence, a story's lead),
//! back to the nearest figure with a source of its own ("…, according to Newswire. RESULTS TABLE … Source: Velmar Corp": the
//! prose before that figure is the story's, not the table's). A note on a line of its own
//! ("Source: Newswire." under a chart) credits a graphic, not the prose above it.

use super::{is_named, Attribution, AttributionKind};
use crate::figures::Claim;
use crate::text::Span;

crate::word_set!(
    /// "Source", "Sources": the label of a source note.
    SOURCE_NOTE_LABELS = file "source-note-labels.txt"
);

/// Characters of a note's source at most; a longer stretch is prose, not a note.
const MAX_NOTE: usize = 120;

/// The last source note of the paragraph at `para`: where it starts, and its source.
pub(super) fn source_note(
    text: &str,
    para: Span,
    vague: &[String],
) -> Option<(usize, Attribution)> {
    let p = para.slice(text);
    let mut from = p.len();
    while let Some(colon) = p.get(..from).and_then(|s| s.rfind(':')) {
        from = colon;
        if let Some(found) = note_at(p, colon, vague) {
            let (start, mut a) = found;
            a.span = Span::new(para.start + a.span.start, para.start + a.span.end);
            return Some((para.start + start, a));
        }
    }
    None
}

/// The note whose label ends right before the colon at byte `colon` of paragraph text `p`.
fn note_at(p: &str, colon: usize, vague: &[String]) -> Option<(usize, Attribution)> {
    let before = p.get(..colon)?;
    let label_start = before.rfind(|ch: char| !ch.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let label = before.get(label_start..)?;
    if !SOURCE_NOTE_LABELS.contains(label) {
        return None;
    }
    // the label opens the paragraph, or follows a space or a bracket
    let opens = before
        .get(..label_start)?
        .chars()
        .next_back()
        .is_none_or(|ch| ch.is_whitespace() || ch == '(' || ch == '[');
    let after = p.get(colon + 1..)?;
    if !opens || !after.starts_with(' ') {
        return None;
    }
    let body_start = colon + 1 + (after.len() - after.trim_start().len());
    let body = p.get(body_start..)?;
    let end = note_end(body);
    let source = body.get(..end)?.trim_end().trim_end_matches('.');
    let lettered = source.chars().next().is_some_and(char::is_alphanumeric);
    if source.is_empty() || source.len() > MAX_NOTE || !lettered {
        return None;
    }
    let opener = if before.get(..label_start)?.ends_with(['(', '[']) {
        label_start - 1
    } else {
        label_start
    };
    Some((
        opener,
        Attribution {
            source: source.to_string(),
            span: Span::new(body_start, body_start + source.len()),
            kind: AttributionKind::AccordingTo,
            named: is_named(source, vague),
        },
    ))
}

/// Where a note's source ends in `body`: at a bracket, a semicolon, a sentence's full stop or
/// the line's end (read no further than a note can be long, so that many labels on one long
/// line are read in linear time).
fn note_end(body: &str) -> usize {
    let mut prev_point = false;
    for (i, ch) in body.char_indices() {
        if i > MAX_NOTE {
            return i;
        }
        if matches!(ch, '(' | ')' | '[' | ']' | ';' | '\n') {
            return i;
        }
        if prev_point && ch == ' ' {
            return i - 1;
        }
        prev_point = ch == '.';
    }
    body.len()
}

/// Gives the note of each paragraph to the unattributed claims it speaks for (`claims` in
/// text order).
pub(super) fn attach_notes(
    text: &str,
    article: &crate::article::Article,
    claims: &mut [Claim],
    vague: &[String],
) {
    for para in &article.paragraphs {
        if !para.span.slice(text).contains(':') {
            continue;
        }
        let Some((start, a)) = source_note(text, para.span, vague) else {
            continue;
        };
        // never the paragraph's first sentence: a wire story run into one paragraph opens
        // with its lead, the story's own words ("Velmar Corp shares rose 56 percent on its
        // debut. … Sources: filings")
        let first_sentence = para.sentences.start + 1;
        let lo = claims.partition_point(|c| c.sentence < first_sentence);
        let hi = claims.partition_point(|c| c.sentence < para.sentences.end);
        // back from the note to the nearest figure with a source of its own: what stands
        // before it is the story's prose, not the factbox's
        let before = claims.get_mut(lo..hi).unwrap_or(&mut []);
        for c in before.iter_mut().rev().filter(|c| c.span.end <= start) {
            // the note read as a colon's source by the sentence's own cue is the note
            let own = c.attribution.as_ref().is_some_and(|x| x.source != a.source);
            if own {
                break;
            }
            if c.attribution.is_none() {
                c.attribution = Some(a.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::source_of_claim;

    const D: &str = " date 2022-05-10 ";

    #[test]
    fn a_source_note_speaks_for_the_figures_before_it() {
        let t = format!(
            "{D}Velmar Corp recalls by region follow. Tessaly 120,000, elsewhere 45,000 \
             vehicles. Total: about 165,000 vehicles (Source: Velmar Corp)"
        );
        assert_eq!(
            source_of_claim(&t, "165,000").as_deref(),
            Some("Velmar Corp")
        );
        let t = format!(
            "{D}Velmar Corp timeline. March - Velmar Corp cut 750 jobs. Sources: company \
             filings, Newswire. (Reporting by Ondrej Halvik)"
        );
        assert_eq!(
            source_of_claim(&t, "750").as_deref(),
            Some("company filings, Newswire")
        );
        // a note on a line of its own credits a graphic, not the paragraph above it
        let t = format!("{D}Velmar Corp sold 42,000 tractors last year.\n\nSource: Newswire.\n");
        assert_eq!(source_of_claim(&t, "42,000"), None);
    }

    #[test]
    fn no_note_without_the_label_and_colon() {
        let t = format!("{D}The open-source tool cost Velmar Corp $40 million.");
        assert_eq!(source_of_claim(&t, "$40 million"), None);
        let t = format!("{D}Its Source label sold 300 records.");
        assert_eq!(source_of_claim(&t, "300"), None);
        // nor the prose before a figure with its own source
        let t = format!(
            "{D}Velmar Corp results. It hired 900 workers. Sales rose 4 percent, according to Newswire. \
             Tractors: 2,400 (Source: Velmar Corp)"
        );
        assert_eq!(source_of_claim(&t, "900"), None);
        assert_eq!(source_of_claim(&t, "2,400").as_deref(), Some("Velmar Corp"));
        // nor the lead of the paragraph it closes
        let t = format!(
            "{D}Velmar Corp shares rose 56 percent on their debut. Facts: - Offer size: \
             $700 million - Price: $20 a share Sources: filings, Velmar Corp"
        );
        assert_eq!(source_of_claim(&t, "56 percent"), None);
        assert!(source_of_claim(&t, "$700 million").is_some());
        // a figure after the note is not its
        let t = format!("{D}Source: Newswire. Later Velmar Corp hired 900 workers.");
        assert_eq!(source_of_claim(&t, "900"), None);
    }
}

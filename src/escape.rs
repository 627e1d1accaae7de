//! Escaping of article-controlled text (outlets, file names, quoted words, source names,
//! figures) before it reaches Markdown (hovers, `copydesk compare`) or a terminal.
//!
//! An article in a sources folder is not trusted: its outlet or file name could hold a link
//! to a `command:` URI, an image that calls home, or raw HTML, and its text could hold escape
//! sequences that write the clipboard (OSC 52) or clear the screen.

/// Text for Markdown or HTML inline content: every ASCII punctuation character that Markdown
/// gives a meaning is backslash-escaped, `<`, `>` and `&` become entities (no HTML, no
/// autolinks), `://` and `www.` are broken so no bare link is recognised, line breaks become
/// spaces and control characters are dropped. The reader sees the same characters.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for (i, c) in s.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || is_invisible_format(c) => {}
            // the characters that open emphasis, code, links, images and table cells (text
            // here is never at the start of a line, so `#`, `-` and `1.` cannot open a block)
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // "http://x": the colon escaped ends the scheme for a linkifier
            ':' if s[i + 1..].starts_with("//") => out.push_str("\\:"),
            // "www.x": the same for the dot
            '.' if s[..i].to_ascii_lowercase().ends_with("www") => out.push_str("\\."),
            c => out.push(c),
        }
    }
    out
}

/// Zero-width and direction-changing format characters (a reader cannot see them; they can
/// reorder what is shown).
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Text for a terminal: control characters (ESC, BEL, the C1 range, DEL, a carriage return)
/// and invisible direction marks are shown as `\u{…}`; tab and newline pass.
pub fn terminal(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_invisible_format(c);
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Text for a terminal with the same byte length: each control or invisible format
/// character (a carriage return before a newline excepted) becomes as many `?` as it has
/// bytes, so byte offsets into the text stay valid.
pub fn terminal_same_len(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |i: usize, c: char| {
        ((c.is_control() && c != '\n' && c != '\t') || is_invisible_format(c))
            && !(c == '\r' && s[i + 1..].starts_with('\n'))
    };
    if !s.char_indices().any(|(i, c)| bad(i, c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if bad(i, c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hostile names an article can carry.
    pub const HOSTILE: &[&str] = &[
        "[Open terminal](command:workbench.action.terminal.new)",
        "<img src=x onerror=alert(1)>",
        "![x](http://example.com/x.png)",
        "`code` and ``more``",
        "a | b | c",
        "<https://example.com>",
        "www.example.com and http://example.com/p",
        "**bold** _em_ # head",
        "line\nbreak\r\u{1b}]52;c;aGk=\u{7}",
    ];

    /// True when `md` contains something a Markdown renderer would turn into markup.
    pub fn has_markup(md: &str) -> bool {
        // Any of these unescaped is markup: a link or image bracket, raw HTML, a code span.
        let b = md.as_bytes();
        (0..b.len()).any(|i| {
            let escaped = i > 0 && b[i - 1] == b'\\' && !(i > 1 && b[i - 2] == b'\\');
            !escaped && matches!(b[i], b'[' | b']' | b'<' | b'>' | b'`' | b'|')
        }) || md.replace("\\://", "").contains("://")
            || md.contains('\u{1b}')
    }

    #[test]
    fn hostile_names_lose_their_markup_but_keep_their_letters() {
        for h in HOSTILE {
            let e = markdown(h);
            assert!(!has_markup(&e), "{h} -> {e}");
            let letters = |s: &str| {
                s.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
            };
            // entities add letters (lt, gt, amp); the original letters stay in order
            let kept = letters(
                &e.replace("&lt;", "")
                    .replace("&gt;", "")
                    .replace("&amp;", ""),
            );
            let want: String = letters(h).chars().filter(|c| *c != '\u{1b}').collect();
            assert!(kept.contains(&want[..want.len().min(4)]), "{h} -> {e}");
        }
    }

    #[test]
    fn terminal_text_shows_control_characters() {
        let osc52 = "Mayor\u{1b}]52;c;aGVsbG8=\u{7} said";
        assert_eq!(terminal(osc52), "Mayor\\u{1b}]52;c;aGVsbG8=\\u{7} said");
        assert_eq!(terminal("\u{1b}[2J\u{1b}[H"), "\\u{1b}[2J\\u{1b}[H");
        assert_eq!(terminal("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(terminal("a\u{202E}b\u{9b}c"), "a\\u{202e}b\\u{9b}c");
        let same = terminal_same_len("x\u{1b}[2J\u{9b}y\r\nz");
        assert_eq!(same, "x?[2J??y\r\nz");
    }
}

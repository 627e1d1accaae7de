//! Byte offsets <-> LSP positions, in the negotiated encoding (UTF-8 or UTF-16).
//!
//! Every conversion clamps: a line past the end maps to the end of the text, a column past the
//! end of its line maps to the end of that line, and a column inside a multi-unit character
//! snaps to the next character boundary. Lines end at `\n` only, as in the core's
//! [`LineIndex`] (ropey is built without CR/Unicode line breaks).

use crate::text::{ColUnit, LineIndex};
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// The unit of `Position.character` agreed with the client.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes (`"utf-8"`), when the client offers it.
    Utf8,
    /// UTF-16 code units, the LSP default (VS Code).
    #[default]
    Utf16,
}

impl Encoding {
    /// Chooses UTF-8 when the client lists it among `general.positionEncodings`, else UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The LSP name of the encoding.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    /// The matching column unit of the core's [`LineIndex`].
    pub fn unit(self) -> ColUnit {
        match self {
            Encoding::Utf8 => ColUnit::Utf8,
            Encoding::Utf16 => ColUnit::Utf16,
        }
    }

    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// The LSP position of a byte offset in `text` (clamped).
pub fn position(text: &str, lines: &LineIndex, offset: usize, enc: Encoding) -> Position {
    let lc = lines.line_col(text, offset, enc.unit());
    Position::new(sat(lc.line), sat(lc.col))
}

/// The LSP range of a byte span in `text` (clamped).
pub fn range(text: &str, lines: &LineIndex, start: usize, end: usize, enc: Encoding) -> Range {
    Range::new(
        position(text, lines, start, enc),
        position(text, lines, end.max(start), enc),
    )
}

/// The byte offset of an LSP position in `text` (clamped to the end of the text, or of the
/// line before its `\n`).
pub fn offset(text: &str, lines: &LineIndex, pos: Position, enc: Encoding) -> usize {
    let Some(start) = lines.line_start(pos.line as usize) else {
        return text.len();
    };
    let start = start.min(text.len());
    let want = pos.character as usize;
    let mut units = 0;
    for (i, c) in text.get(start..).unwrap_or("").char_indices() {
        if units >= want || c == '\n' {
            return start + i;
        }
        units += enc.units(c);
    }
    text.len()
}

/// The char index in `rope` of an LSP position (clamped to the rope and to the line's end,
/// before its line break).
pub fn rope_char(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let want = pos.character as usize;
    let mut units = 0;
    for (i, c) in rope.line(line).chars().enumerate() {
        if units >= want || c == '\n' {
            return start + i;
        }
        units += enc.units(c);
    }
    // The last line (no line break): its end.
    start + rope.line(line).len_chars()
}

fn sat(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_utf16_columns_differ_on_non_ascii() {
        let t = "Über\nKestrelyan – 30\n";
        let idx = LineIndex::new(t);
        let off = t.find("30").unwrap_or(0);
        assert_eq!(
            position(t, &idx, off, Encoding::Utf16),
            Position::new(1, 13)
        );
        assert_eq!(position(t, &idx, off, Encoding::Utf8), Position::new(1, 15));
        assert_eq!(offset(t, &idx, Position::new(1, 15), Encoding::Utf8), off);
        assert_eq!(offset(t, &idx, Position::new(1, 13), Encoding::Utf16), off);
        let rope = Rope::from_str(t);
        assert_eq!(
            rope.char_to_byte(rope_char(&rope, Position::new(1, 13), Encoding::Utf16)),
            off
        );
        assert_eq!(
            rope.char_to_byte(rope_char(&rope, Position::new(1, 15), Encoding::Utf8)),
            off
        );
        // "Über": after Ü is column 1 in UTF-16, 2 in UTF-8.
        assert_eq!(rope_char(&rope, Position::new(0, 1), Encoding::Utf16), 1);
        assert_eq!(rope_char(&rope, Position::new(0, 2), Encoding::Utf8), 1);
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let t = "ab\ncd";
        let idx = LineIndex::new(t);
        let rope = Rope::from_str(t);
        assert_eq!(
            offset(t, &idx, Position::new(99, 99), Encoding::Utf16),
            t.len()
        );
        assert_eq!(offset(t, &idx, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(rope_char(&rope, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(rope_char(&rope, Position::new(1, 99), Encoding::Utf16), 5);
        assert_eq!(rope_char(&rope, Position::new(7, 0), Encoding::Utf8), 5);
        assert_eq!(position(t, &idx, 999, Encoding::Utf8), Position::new(1, 2));
        // Inside a surrogate pair: snaps to the next char boundary.
        let t = "a😀b";
        let rope = Rope::from_str(t);
        assert_eq!(rope_char(&rope, Position::new(0, 2), Encoding::Utf16), 2);
        assert_eq!(rope_char(&rope, Position::new(0, 3), Encoding::Utf16), 2);
    }
}

//! Source text positions: the line index that turns byte offsets into CPython's
//! `lineno` (1-based) and `col_offset` (0-based, in UTF-8 bytes), built once per
//! file.
//!
//! The text indexed is the decoded, newline-normalized source (see
//! [`encoding`](super::encoding)): every line ends in `\n` except maybe the last.

/// Start offsets of every line of a source text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut line_starts = Vec::with_capacity(src.len() / 32 + 1);
        line_starts.push(0);
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        LineIndex { line_starts, len: src.len() as u32 }
    }

    /// `(lineno, col_offset)` of a byte offset: 1-based line, 0-based byte column.
    #[inline]
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let offset = offset.min(self.len);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, offset - self.line_starts[line])
    }

    /// Number of lines (a final line without `\n` counts; an empty text has one).
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// Byte offset where 1-based line `lineno` starts (the end of the text past the last line).
    pub fn line_start(&self, lineno: u32) -> u32 {
        let i = lineno.saturating_sub(1) as usize;
        self.line_starts.get(i).copied().unwrap_or(self.len)
    }

    /// The text of 1-based line `lineno`, without its `\n` (empty past the end).
    pub fn line_text<'s>(&self, src: &'s str, lineno: u32) -> &'s str {
        let i = lineno.saturating_sub(1) as usize;
        if i >= self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[i] as usize;
        let end = self.line_starts.get(i + 1).map(|&e| e as usize - 1).unwrap_or(src.len());
        &src[start..end.max(start)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_to_lines_and_columns() {
        let src = "a = 1\nbb\n\nc";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(0), (1, 0));
        assert_eq!(idx.line_col(4), (1, 4));
        assert_eq!(idx.line_col(5), (1, 5));
        assert_eq!(idx.line_col(6), (2, 0));
        assert_eq!(idx.line_col(9), (3, 0));
        assert_eq!(idx.line_col(10), (4, 0));
        assert_eq!(idx.line_col(11), (4, 1));
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_text(src, 2), "bb");
        assert_eq!(idx.line_text(src, 3), "");
        assert_eq!(idx.line_text(src, 4), "c");
        assert_eq!(idx.line_text(src, 9), "");
    }
}

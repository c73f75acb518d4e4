//! Token kinds and the compact `Token` record produced by the lexer.
//!
//! A token is 12 bytes: its kind and the byte span it covers in the (decoded,
//! newline-normalized) source text. The token's text is always recovered from
//! the source by slicing, so the lexer allocates nothing per token.
//!
//! Keywords (hard keywords of Python 3.11) get their own kinds; the soft
//! keywords `match`, `case` and `_` stay `Name` and are recognized by the parser.

/// A byte range `[start, end)` in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    #[inline]
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }
    /// The smallest span covering both `self` and `other`.
    #[inline]
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start, end: other.end }
    }
    #[inline]
    pub fn len(self) -> u32 {
        self.end - self.start
    }
    #[inline]
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

macro_rules! define_tokens {
    ( $( $(#[$meta:meta])* $variant:ident => $text:expr ),* $(,)? ) => {
        /// Every kind of token the lexer produces.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum TokenKind { $( $(#[$meta])* $variant ),* }

        impl TokenKind {
            /// The token's spelling for operators, delimiters and keywords;
            /// a descriptive name (as in CPython's `token` module) for the others.
            pub fn text(self) -> &'static str {
                match self { $( TokenKind::$variant => $text ),* }
            }
        }
    };
}

define_tokens! {
    // Structure.
    EndMarker => "ENDMARKER",
    Newline => "NEWLINE",
    Indent => "INDENT",
    Dedent => "DEDENT",
    /// `# type: ...` comment (the span covers the text after `type:`, trimmed).
    TypeComment => "TYPE_COMMENT",
    // Atoms.
    Name => "NAME",
    Number => "NUMBER",
    /// One string literal, prefix and quotes included (`rb'..'`, `f"""..."""`).
    String => "STRING",
    // Hard keywords.
    False => "False",
    None => "None",
    True => "True",
    And => "and",
    As => "as",
    Assert => "assert",
    Async => "async",
    Await => "await",
    Break => "break",
    Class => "class",
    Continue => "continue",
    Def => "def",
    Del => "del",
    Elif => "elif",
    Else => "else",
    Except => "except",
    Finally => "finally",
    For => "for",
    From => "from",
    Global => "global",
    If => "if",
    Import => "import",
    In => "in",
    Is => "is",
    Lambda => "lambda",
    Nonlocal => "nonlocal",
    Not => "not",
    Or => "or",
    Pass => "pass",
    Raise => "raise",
    Return => "return",
    Try => "try",
    While => "while",
    With => "with",
    Yield => "yield",
    // Delimiters.
    LPar => "(",
    RPar => ")",
    LSqb => "[",
    RSqb => "]",
    LBrace => "{",
    RBrace => "}",
    Colon => ":",
    Comma => ",",
    Semi => ";",
    Dot => ".",
    Ellipsis => "...",
    Arrow => "->",
    // Operators.
    Plus => "+",
    Minus => "-",
    Star => "*",
    DoubleStar => "**",
    Slash => "/",
    DoubleSlash => "//",
    Percent => "%",
    At => "@",
    Vbar => "|",
    Amper => "&",
    Circumflex => "^",
    Tilde => "~",
    LeftShift => "<<",
    RightShift => ">>",
    Less => "<",
    Greater => ">",
    EqEqual => "==",
    NotEqual => "!=",
    LessEqual => "<=",
    GreaterEqual => ">=",
    Equal => "=",
    ColonEqual => ":=",
    PlusEqual => "+=",
    MinEqual => "-=",
    StarEqual => "*=",
    SlashEqual => "/=",
    DoubleSlashEqual => "//=",
    PercentEqual => "%=",
    AtEqual => "@=",
    AmperEqual => "&=",
    VbarEqual => "|=",
    CircumflexEqual => "^=",
    LeftShiftEqual => "<<=",
    RightShiftEqual => ">>=",
    DoubleStarEqual => "**=",
    /// `!` alone (only meaningful inside f-string replacement fields) and other
    /// stray characters CPython's tokenizer passes to the parser as OP/ERRORTOKEN
    /// (`$`, `?`, backtick): the parser reports "invalid syntax" at them.
    Exclamation => "!",
    ErrorToken => "ERRORTOKEN",
}

impl TokenKind {
    /// The keyword kind for `s`, if `s` is a hard keyword.
    pub fn keyword(s: &str) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match s {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }

    /// True for hard keywords (which look like names but are not).
    pub fn is_keyword(self) -> bool {
        (self as u8) >= (TokenKind::False as u8) && (self as u8) <= (TokenKind::Yield as u8)
    }
}

/// One token: its kind and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_is_compact() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
    }

    #[test]
    fn keywords_roundtrip() {
        for kw in ["False", "None", "True", "and", "yield", "nonlocal", "await"] {
            let k = TokenKind::keyword(kw).unwrap();
            assert!(k.is_keyword());
            assert_eq!(k.text(), kw);
        }
        assert!(TokenKind::keyword("match").is_none());
        assert!(!TokenKind::Name.is_keyword());
        assert!(!TokenKind::LPar.is_keyword());
    }
}

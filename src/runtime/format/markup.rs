//! `str.format` / `str.format_map`: CPython's `MarkupIterator`,
//! `parse_field`, `field_name_split` and `FieldNameIterator`
//! (`Objects/stringlib/unicode_format.h`).
//!
//! [`MarkupIter`] yields the pieces of a format string lazily (literal text,
//! then an optional replacement field), with CPython's syntax errors raised
//! where CPython raises them. [`vformat`] drives it like CPython's
//! `build_string`: it resolves each field through the VM's [`FormatFields`]
//! in CPython's order (name split and auto-numbering, first lookup, then each
//! `.attr`/`[key]`, conversion, nested spec expansion, `format()`).

use crate::runtime::int::{decimal_value, ArithError};

/// One step of a format string: a literal and possibly a replacement field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    /// Literal text before the field (`{{`/`}}` already unescaped).
    pub literal: &'a str,
    /// The replacement field, if any.
    pub field: Option<Field<'a>>,
}

/// A replacement field `{name!conv:spec}`, unparsed beyond its three parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    /// The field name (`0`, `name.attr[key]`, or empty for auto-numbering).
    pub name: &'a str,
    /// The conversion character after `!` (`r`, `s`, `a`, or an invalid one).
    pub conversion: Option<char>,
    /// The format spec after `:`.
    pub spec: &'a str,
    /// The spec contains `{`: it must itself be formatted first.
    pub spec_needs_expanding: bool,
}

/// Iterator over the [`Piece`]s of a format string.
pub struct MarkupIter<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> MarkupIter<'a> {
    /// Iterate over the pieces of `s`.
    pub fn new(s: &'a str) -> MarkupIter<'a> {
        MarkupIter { s, pos: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// CPython's `parse_field`.
    fn parse_field(&mut self) -> Result<Field<'a>, ArithError> {
        let s = self.s;
        let name_start = self.pos;
        let mut c = '\0';
        let mut broke = false;
        while let Some(ch) = self.bump() {
            c = ch;
            match ch {
                '{' => return Err(ArithError::value("unexpected '{' in field name")),
                '[' => {
                    while let Some(x) = self.peek() {
                        if x == ']' {
                            break;
                        }
                        self.bump();
                    }
                }
                '}' | ':' | '!' => {
                    broke = true;
                    break;
                }
                _ => {}
            }
        }
        let name_end = if broke { self.pos - 1 } else { self.pos };
        let name = &s[name_start..name_end];
        let mut field = Field { name, conversion: None, spec: "", spec_needs_expanding: false };
        if c == '!' || c == ':' {
            if c == '!' {
                let Some(conv) = self.bump() else {
                    return Err(ArithError::value(
                        "end of string while looking for conversion specifier",
                    ));
                };
                field.conversion = Some(conv);
                if let Some(next) = self.bump() {
                    if next == '}' {
                        return Ok(field);
                    }
                    if next != ':' {
                        return Err(ArithError::value("expected ':' after conversion specifier"));
                    }
                }
            }
            let spec_start = self.pos;
            let mut count = 1;
            while let Some(ch) = self.bump() {
                match ch {
                    '{' => {
                        field.spec_needs_expanding = true;
                        count += 1;
                    }
                    '}' => {
                        count -= 1;
                        if count == 0 {
                            field.spec = &s[spec_start..self.pos - 1];
                            return Ok(field);
                        }
                    }
                    _ => {}
                }
            }
            return Err(ArithError::value("unmatched '{' in format spec"));
        }
        if !broke {
            return Err(ArithError::value("expected '}' before end of string"));
        }
        Ok(field)
    }
}

impl<'a> Iterator for MarkupIter<'a> {
    type Item = Result<Piece<'a>, ArithError>;

    /// CPython's `MarkupIterator_next`.
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.s.len() {
            return None;
        }
        let start = self.pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while let Some(ch) = self.bump() {
            c = ch;
            if ch == '{' || ch == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = self.pos >= self.s.len();
        let mut end = self.pos;
        if c == '}' && markup_follows && (at_end || self.peek() != Some('}')) {
            return Some(Err(ArithError::value("Single '}' encountered in format string")));
        }
        if at_end && c == '{' && markup_follows {
            return Some(Err(ArithError::value("Single '{' encountered in format string")));
        }
        if !at_end && markup_follows {
            if self.peek() == Some(c) {
                // An escaped brace: the literal keeps one.
                self.bump();
                markup_follows = false;
            } else {
                end -= 1;
            }
        }
        let literal = &self.s[start..end];
        if !markup_follows {
            return Some(Ok(Piece { literal, field: None }));
        }
        Some(self.parse_field().map(|f| Piece { literal, field: Some(f) }))
    }
}

/// CPython's auto-numbering state, shared by a format string and its nested specs.
#[derive(Debug, Clone, Default)]
pub struct AutoNumber {
    state: AutoState,
    next: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum AutoState {
    #[default]
    Init,
    Auto,
    Manual,
}

/// The first part of a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldName<'a> {
    /// A positional index (given, or from auto-numbering).
    Index(usize),
    /// A keyword name.
    Name(&'a str),
}

/// A key inside `[...]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKey<'a> {
    /// All decimal digits: an integer index.
    Index(usize),
    /// Anything else: a string key.
    Str(&'a str),
}

/// One `.attr` or `[key]` after the first part of a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldPart<'a> {
    Attr(&'a str),
    Item(ItemKey<'a>),
}

/// CPython's `get_integer` on a field-name part: `None` if not all decimal digits.
fn get_integer(s: &str) -> Result<Option<usize>, ArithError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else { return Ok(None) };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(ArithError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
    }
    Ok(Some(acc))
}

/// Split a field name into its first part and the rest (CPython's
/// `field_name_split`, including the auto-numbering checks).
pub fn split_field_name<'a>(
    name: &'a str,
    auto: &mut AutoNumber,
) -> Result<(FieldName<'a>, &'a str), ArithError> {
    let cut = name.find(['.', '[']).unwrap_or(name.len());
    let (first, rest) = name.split_at(cut);
    let idx = get_integer(first)?;
    let empty = first.is_empty();
    let numeric = empty || idx.is_some();
    if auto.state == AutoState::Init && numeric {
        auto.state = if empty { AutoState::Auto } else { AutoState::Manual };
    }
    if numeric {
        if auto.state == AutoState::Manual {
            if empty {
                return Err(ArithError::value(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
        } else if !empty {
            return Err(ArithError::value(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
    }
    if empty {
        let i = auto.next;
        auto.next += 1;
        return Ok((FieldName::Index(i), rest));
    }
    Ok((idx.map_or(FieldName::Name(first), FieldName::Index), rest))
}

/// Iterator over the `.attr` / `[key]` parts of a field name (CPython's
/// `FieldNameIterator`); errors are raised lazily, part by part.
pub struct FieldParts<'a> {
    rest: &'a str,
}

impl<'a> FieldParts<'a> {
    /// Iterate over `rest` (the second result of [`split_field_name`]).
    pub fn new(rest: &'a str) -> FieldParts<'a> {
        FieldParts { rest }
    }
}

impl<'a> Iterator for FieldParts<'a> {
    type Item = Result<FieldPart<'a>, ArithError>;

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.rest;
        let first = s.chars().next()?;
        let body = &s[first.len_utf8()..];
        let (name, part) = match first {
            '.' => {
                let end = body.find(['.', '[']).unwrap_or(body.len());
                self.rest = &body[end..];
                (&body[..end], None)
            }
            '[' => {
                let Some(end) = body.find(']') else {
                    self.rest = "";
                    return Some(Err(ArithError::value("Missing ']' in format string")));
                };
                self.rest = &body[end + 1..];
                let key = &body[..end];
                let k = match get_integer(key) {
                    Ok(Some(i)) => ItemKey::Index(i),
                    Ok(None) => ItemKey::Str(key),
                    Err(e) => return Some(Err(e)),
                };
                (key, Some(FieldPart::Item(k)))
            }
            _ => {
                self.rest = "";
                return Some(Err(ArithError::value(
                    "Only '.' or '[' may follow ']' in format field specifier",
                )));
            }
        };
        if name.is_empty() {
            self.rest = "";
            return Some(Err(ArithError::value("Empty attribute in format string")));
        }
        Some(Ok(part.unwrap_or(FieldPart::Attr(name))))
    }
}

/// The VM's side of `str.format`.
pub trait FormatFields {
    /// A Python value.
    type Value;
    /// The VM's exception type; syntax errors arrive as [`ArithError`].
    type Err: From<ArithError>;
    /// `args[index]`; CPython raises `IndexError: Replacement index {index}
    /// out of range for positional args tuple` (or, for `format_map`,
    /// `ValueError: Format string contains positional fields`).
    fn positional(&mut self, index: usize) -> Result<Self::Value, Self::Err>;
    /// `kwargs[name]` (`KeyError: 'name'` if absent).
    fn keyword(&mut self, name: &str) -> Result<Self::Value, Self::Err>;
    /// `getattr(v, name)`.
    fn getattr(&mut self, v: &Self::Value, name: &str) -> Result<Self::Value, Self::Err>;
    /// `v[key]` (`v[int]` for an index key if `v` is a sequence or not).
    fn getitem(&mut self, v: &Self::Value, key: ItemKey<'_>) -> Result<Self::Value, Self::Err>;
    /// `repr(v)` / `str(v)` / `ascii(v)` for `conversion` in `r s a`.
    fn convert(&mut self, v: Self::Value, conversion: char) -> Result<Self::Value, Self::Err>;
    /// `format(v, spec)`.
    fn format(&mut self, v: &Self::Value, spec: &str) -> Result<String, Self::Err>;
}

/// `s.format(...)` with fields resolved by `f` (CPython's `build_string`
/// with recursion depth 2: one level of nested fields in specs).
pub fn vformat<F: FormatFields>(s: &str, f: &mut F) -> Result<String, F::Err> {
    let mut auto = AutoNumber::default();
    let mut out = String::with_capacity(s.len() + 16);
    build(s, f, 2, &mut auto, &mut out)?;
    Ok(out)
}

fn build<F: FormatFields>(
    s: &str,
    f: &mut F,
    depth: u32,
    auto: &mut AutoNumber,
    out: &mut String,
) -> Result<(), F::Err> {
    if depth == 0 {
        return Err(ArithError::value("Max string recursion exceeded").into());
    }
    for piece in MarkupIter::new(s) {
        let piece = piece?;
        out.push_str(piece.literal);
        let Some(field) = piece.field else { continue };
        let (first, rest) = split_field_name(field.name, auto)?;
        let mut obj = match first {
            FieldName::Index(i) => f.positional(i)?,
            FieldName::Name(n) => f.keyword(n)?,
        };
        for part in FieldParts::new(rest) {
            obj = match part? {
                FieldPart::Attr(a) => f.getattr(&obj, a)?,
                FieldPart::Item(k) => f.getitem(&obj, k)?,
            };
        }
        if let Some(c) = field.conversion {
            if !matches!(c, 'r' | 's' | 'a') {
                let cp = c as u32;
                let msg = if cp > 32 && cp < 127 {
                    format!("Unknown conversion specifier {c}")
                } else {
                    format!("Unknown conversion specifier \\x{cp:x}")
                };
                return Err(ArithError::value(msg).into());
            }
            obj = f.convert(obj, c)?;
        }
        let formatted = if field.spec_needs_expanding {
            let mut spec = String::new();
            build(field.spec, f, depth - 1, auto, &mut spec)?;
            f.format(&obj, &spec)?
        } else {
            f.format(&obj, field.spec)?
        };
        out.push_str(&formatted);
    }
    Ok(())
}

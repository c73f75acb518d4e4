//! The format-spec mini-language (`format(value, spec)`, `f'{x:spec}'`):
//! parsing as CPython's `parse_internal_render_format_spec` and rendering
//! for `int`, `float` and `str` as `Python/formatter_unicode.c`, in the C
//! locale (`n` uses no grouping and `.` as the decimal point).

use super::float_fmt::{format_float_short, FloatFlags};
use crate::runtime::int::{ArithError, ArithResult, Int};

/// Alignment of a formatted field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    /// `=`: padding after the sign and prefix.
    AfterSign,
}

/// A parsed format spec `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// `None`: the type's default (right for numbers, left for strings).
    pub align: Option<Align>,
    /// `'+'`, `'-'`, `' '` or `None`.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero (floats only).
    pub no_neg_0: bool,
    /// `#`.
    pub alternate: bool,
    /// Width (`None` if not given).
    pub width: Option<usize>,
    /// `','` or `'_'`.
    pub grouping: Option<char>,
    /// Precision (`None` if not given).
    pub precision: Option<usize>,
    /// The presentation type (`None` if not given).
    pub ty: Option<char>,
}

fn is_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Parse a run of decimal digits at `chars[*pos..]` (CPython's `get_integer`).
fn get_integer(chars: &[char], pos: &mut usize) -> ArithResult<Option<usize>> {
    let mut acc: usize = 0;
    let start = *pos;
    while *pos < chars.len() {
        let Some(d) = crate::runtime::int::decimal_value(chars[*pos]) else { break };
        let d = d as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(ArithError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(acc) })
}

/// Render a presentation type for an error message (`'x'` or `'\x1'`).
fn show_type(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{cp:x}'")
    }
}

impl FormatSpec {
    /// Parse `spec` for a value of Python type `type_name` whose default
    /// alignment is `default_align` and default presentation type
    /// `default_type` (`'s'` for str, `'d'` for int, `'\0'` for float;
    /// CPython's `parse_internal_render_format_spec`). `ty` stays `None`
    /// when the spec has no type.
    pub fn parse(
        spec: &str,
        type_name: &str,
        default_align: Align,
        default_type: char,
    ) -> ArithResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut f = FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        };
        let mut fill_specified = false;
        if end >= 2 && is_align(chars[1]).is_some() {
            f.align = is_align(chars[1]);
            f.fill = chars[0];
            fill_specified = true;
            pos = 2;
        } else if end >= 1 && is_align(chars[0]).is_some() {
            f.align = is_align(chars[0]);
            pos = 1;
        }
        if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
            f.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < end && chars[pos] == 'z' {
            f.no_neg_0 = true;
            pos += 1;
        }
        if pos < end && chars[pos] == '#' {
            f.alternate = true;
            pos += 1;
        }
        if !fill_specified && pos < end && chars[pos] == '0' {
            f.fill = '0';
            if f.align.is_none() && default_align == Align::Right {
                f.align = Some(Align::AfterSign);
            }
            pos += 1;
        }
        f.width = get_integer(&chars, &mut pos)?;
        let both = || ArithError::value("Cannot specify both ',' and '_'.");
        if pos < end && chars[pos] == ',' {
            f.grouping = Some(',');
            pos += 1;
        }
        if pos < end && chars[pos] == '_' {
            if f.grouping.is_some() {
                return Err(both());
            }
            f.grouping = Some('_');
            pos += 1;
        }
        if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
            return Err(both());
        }
        if pos < end && chars[pos] == '.' {
            pos += 1;
            f.precision = get_integer(&chars, &mut pos)?;
            if f.precision.is_none() {
                return Err(ArithError::value("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(ArithError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        if end - pos == 1 {
            f.ty = Some(chars[pos]);
        }
        if f.width.is_some_and(|w| w > MAX_WIDTH) {
            // CPython tries to allocate the padding.
            return Err(ArithError::memory());
        }
        if let Some(g) = f.grouping {
            let ok = match f.ty.or(Some(default_type)).filter(|&c| c != '\0') {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => g == '_',
                _ => false,
            };
            if !ok {
                return Err(ArithError::value(format!(
                    "Cannot specify '{g}' with {}.",
                    show_type(f.ty.unwrap_or(default_type))
                )));
            }
        }
        Ok(f)
    }
}

/// `ValueError: Unknown format code 'x' for object of type 'T'`.
#[cold]
fn unknown_code(c: char, type_name: &str) -> ArithError {
    ArithError::value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        show_type(c)
    ))
}

/// Insert thousands separators into `digits` (CPython's
/// `_PyUnicode_InsertThousandsGrouping`): groups of `group` (0 = no grouping),
/// zero-padded on the left to at least `min_width` characters.
fn group_digits(digits: &str, group: usize, sep: char, min_width: isize) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width;
    // Pieces from the right.
    let mut out_rev: Vec<char> = Vec::with_capacity(d.len() * 4 / 3 + 2);
    let mut use_sep = false;
    let mut broken = false;
    let emit = |out_rev: &mut Vec<char>,
                n_zeros: isize,
                n_chars: isize,
                remaining: isize,
                use_sep: bool| {
        if use_sep {
            out_rev.push(sep);
        }
        for k in 0..n_chars {
            out_rev.push(d[(remaining - 1 - k) as usize]);
        }
        for _ in 0..n_zeros {
            out_rev.push('0');
        }
    };
    if group > 0 {
        loop {
            let l = (group as isize).min(remaining.max(min_width).max(1));
            let n_zeros = (l - remaining).max(0);
            let n_chars = remaining.min(l).max(0);
            emit(&mut out_rev, n_zeros, n_chars, remaining, use_sep);
            use_sep = true;
            remaining -= n_chars;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let l = remaining.max(min_width).max(1);
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        emit(&mut out_rev, n_zeros, n_chars, remaining, use_sep);
    }
    out_rev.iter().rev().collect()
}

/// The parts of a formatted number (CPython's `NumberFieldWidths`).
struct Number<'a> {
    sign: Option<char>,
    prefix: &'a str,
    digits: &'a str,
    /// `.` if there is a decimal point.
    decimal: bool,
    /// After the decimal point (or the exponent, `%`, `inf`…).
    remainder: &'a str,
}

/// Lay out a number: sign, prefix, padding, grouped digits, decimal point,
/// remainder (CPython's `calc_number_widths` + `fill_number`).
fn fill_number(n: &Number<'_>, spec: &FormatSpec, group: usize, sep: char) -> String {
    let width = spec.width.map_or(-1, |w| w as isize);
    let align = spec.align.unwrap_or(Align::Right);
    let sign = match spec.sign {
        Some('+') => Some(n.sign.unwrap_or('+')),
        Some(' ') => Some(n.sign.unwrap_or(' ')),
        _ => n.sign,
    };
    let n_sign = isize::from(sign.is_some());
    let prefix_len = n.prefix.chars().count() as isize;
    let n_non_digit =
        n_sign + prefix_len + isize::from(n.decimal) + n.remainder.chars().count() as isize;
    let min_width =
        if spec.fill == '0' && align == Align::AfterSign { width - n_non_digit } else { 0 };
    let grouped = if n.digits.is_empty() {
        String::new()
    } else {
        group_digits(n.digits, group, sep, min_width)
    };
    let n_grouped = grouped.chars().count() as isize;
    let padding = (width - (n_non_digit + n_grouped)).max(0) as usize;
    let (lpad, spad, rpad) = match align {
        Align::Left => (0, 0, padding),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
        Align::Right => (padding, 0, 0),
    };
    let mut out = String::with_capacity(padding + n_grouped as usize + n.remainder.len() + 4);
    out.extend(std::iter::repeat_n(spec.fill, lpad));
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(n.prefix);
    out.extend(std::iter::repeat_n(spec.fill, spad));
    out.push_str(&grouped);
    if n.decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    out.extend(std::iter::repeat_n(spec.fill, rpad));
    out
}

/// Pad `s` (of `len` characters) to the spec's width with its alignment.
fn pad_str(s: &str, len: usize, spec: &FormatSpec, default: Align) -> String {
    let width = spec.width.unwrap_or(0);
    if width <= len {
        return s.to_string();
    }
    let padding = width - len;
    let (l, r) = match spec.align.unwrap_or(default) {
        Align::Left => (0, padding),
        Align::Center => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    let mut out = String::with_capacity(s.len() + padding * spec.fill.len_utf8());
    out.extend(std::iter::repeat_n(spec.fill, l));
    out.push_str(s);
    out.extend(std::iter::repeat_n(spec.fill, r));
    out
}

/// `format(s, spec)` for a `str` (`type_name` for error messages: `str` or a subclass).
pub fn format_str(s: &str, spec: &str, type_name: &str) -> ArithResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = FormatSpec::parse(spec, type_name, Align::Left, 's')?;
    match f.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_code(c, type_name)),
    }
    if f.sign.is_some() {
        return Err(ArithError::value("Sign not allowed in string format specifier"));
    }
    if f.no_neg_0 {
        return Err(ArithError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(ArithError::value("Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == Some(Align::AfterSign) {
        return Err(ArithError::value("'=' alignment not allowed in string format specifier"));
    }
    let mut len = s.chars().count();
    let mut body = s;
    if let Some(p) = f.precision {
        if len > p {
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            body = &s[..cut];
            len = p;
        }
    }
    Ok(pad_str(body, len, &f, Align::Left))
}

/// `format(v, spec)` for an `int` (`type_name`: `int`, `bool` or a subclass).
/// Float presentation types convert to float. `max_str_digits` is
/// `sys.get_int_max_str_digits()` (0 = unlimited).
pub fn format_int(
    v: &Int,
    spec: &str,
    type_name: &str,
    max_str_digits: usize,
) -> ArithResult<String> {
    if spec.is_empty() {
        return v.to_decimal_string(max_str_digits);
    }
    let f = FormatSpec::parse(spec, type_name, Align::Right, 'd')?;
    match f.ty {
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_parsed(v.to_f64()?, &f);
        }
        Some(c) => return Err(unknown_code(c, type_name)),
    }
    if f.precision.is_some() {
        return Err(ArithError::value("Precision not allowed in integer format specifier"));
    }
    if f.no_neg_0 {
        return Err(ArithError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = f.ty.unwrap_or('d');
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(ArithError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if f.alternate {
            return Err(ArithError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = match v.as_i64() {
            Some(x) => x,
            None => return Err(ArithError::overflow("Python int too large to convert to C long")),
        };
        let c = u32::try_from(x)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| ArithError::overflow("%c arg not in range(0x110000)"))?;
        // Surrogates cannot live in a Rust `str`: U+FFFD stands in.
        let ch = char::from_u32(c).unwrap_or('\u{fffd}');
        let s = ch.to_string();
        let n = Number { sign: None, prefix: "", digits: &s, decimal: false, remainder: "" };
        return Ok(fill_number(&n, &f, 0, ','));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        let mut s = v.abs().to_decimal_string(max_str_digits)?;
        if v.is_negative() && s.starts_with('-') {
            s.remove(0);
        }
        s
    } else {
        v.to_radix_abs(radix)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let group = match f.grouping {
        Some('_') if radix != 10 => 4,
        Some(_) if ty != 'n' => 3,
        _ => 0,
    };
    let n = Number {
        sign: if v.is_negative() { Some('-') } else { None },
        prefix: if f.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
    };
    Ok(fill_number(&n, &f, group, f.grouping.unwrap_or(',')))
}

/// `format(x, spec)` for a `float` (`type_name`: `float` or a subclass).
pub fn format_float(x: f64, spec: &str, type_name: &str) -> ArithResult<String> {
    if spec.is_empty() {
        return Ok(crate::repr::float_repr(x));
    }
    let f = FormatSpec::parse(spec, type_name, Align::Right, '\0')?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(c) => return Err(unknown_code(c, type_name)),
    }
    format_float_parsed(x, &f)
}

/// Largest width rendered: wider fields raise `MemoryError` (CPython would
/// try to allocate them).
pub const MAX_WIDTH: usize = 100_000_000;

/// Largest precision rendered (CPython would allocate; beyond this we raise
/// `MemoryError` rather than build gigabyte strings). CPython itself raises
/// `ValueError: precision too big` above `INT_MAX`.
const MAX_PRECISION: usize = 100_000_000;

/// CPython's `format_float_internal`.
fn format_float_parsed(x: f64, f: &FormatSpec) -> ArithResult<String> {
    if let Some(p) = f.precision {
        if p > i32::MAX as usize {
            return Err(ArithError::value("precision too big"));
        }
        if p > MAX_PRECISION {
            return Err(ArithError::memory());
        }
    }
    let mut flags =
        FloatFlags { sign: false, add_dot_0: false, alt: f.alternate, no_neg_0: f.no_neg_0 };
    let mut ty = f.ty.unwrap_or('\0');
    let mut default_precision = 6;
    if ty == '\0' {
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut buf = format_float_short(val, ty, precision, flags);
    if add_pct {
        buf.push('%');
    }
    if f.sign != Some('+')
        && f.sign != Some(' ')
        && f.width.is_none()
        && f.ty != Some('n')
        && f.grouping.is_none()
    {
        return Ok(buf);
    }
    let (sign, body) = match buf.strip_prefix('-') {
        Some(rest) => (Some('-'), rest),
        None => (None, buf.as_str()),
    };
    let ndig = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(ndig);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let group = if f.grouping.is_some() && f.ty != Some('n') { 3 } else { 0 };
    let n = Number { sign, prefix: "", digits, decimal, remainder };
    Ok(fill_number(&n, f, group, f.grouping.unwrap_or(',')))
}

/// `format(z, spec)` for a `complex` (CPython's `format_complex_internal`):
/// both parts formatted as floats (the imaginary one always signed), the
/// real part left out when the type is omitted and it is `+0.0`, padding
/// applied to the whole.
pub fn format_complex(re: f64, im: f64, spec: &str, type_name: &str) -> ArithResult<String> {
    if spec.is_empty() {
        return Ok(crate::repr::complex_repr(re, im));
    }
    let f = FormatSpec::parse(spec, type_name, Align::Right, '\0')?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(c) => return Err(unknown_code(c, type_name)),
    }
    if f.fill == '0' {
        return Err(ArithError::value("Zero padding is not allowed in complex format specifier"));
    }
    if f.align == Some(Align::AfterSign) {
        return Err(ArithError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    if let Some(p) = f.precision {
        if p > i32::MAX as usize {
            return Err(ArithError::value("precision too big"));
        }
        if p > MAX_PRECISION {
            return Err(ArithError::memory());
        }
    }
    let flags =
        FloatFlags { sign: false, add_dot_0: false, alt: f.alternate, no_neg_0: f.no_neg_0 };
    let mut ty = f.ty.unwrap_or('\0');
    let mut default_precision = 6;
    let (mut skip_re, mut add_parens) = (false, false);
    if ty == '\0' {
        ty = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let group = if f.grouping.is_some() && f.ty != Some('n') { 3 } else { 0 };
    let sep = f.grouping.unwrap_or(',');
    let part = |x: f64, sign: Option<char>| {
        let buf = format_float_short(x, ty, precision, flags);
        let (s, body) = match buf.strip_prefix('-') {
            Some(rest) => (Some('-'), rest.to_string()),
            None => (None, buf.clone()),
        };
        let ndig = body.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, rest) = body.split_at(ndig);
        let (decimal, remainder) = match rest.strip_prefix('.') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let n = Number { sign: s, prefix: "", digits, decimal, remainder };
        let tmp =
            FormatSpec { fill: ' ', align: Some(Align::Left), sign, width: None, ..f.clone() };
        fill_number(&n, &tmp, group, sep)
    };
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, f.sign));
    }
    body.push_str(&part(im, if skip_re { f.sign } else { Some('+') }));
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let len = body.chars().count();
    if f.width.is_some_and(|w| w > MAX_WIDTH) {
        return Err(ArithError::memory());
    }
    Ok(pad_str(&body, len, &f, Align::Right))
}

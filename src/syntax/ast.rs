//! The abstract syntax tree, node for node CPython 3.11's `ast` module.
//!
//! Every node lives in a `bumpalo::Bump` arena owned by the caller; children are
//! `&'a` references and sequences are arena slices (`&'a [T]`). Identifiers are
//! interned [`Symbol`]s. Every node that has `lineno`/`col_offset` attributes in
//! CPython carries a [`Span`] (byte offsets into the decoded source); line and
//! column numbers come from the [`LineIndex`](super::source::LineIndex).
//!
//! The async variants of CPython (`AsyncFunctionDef`, `AsyncFor`, `AsyncWith`)
//! and `TryStar` are the synchronous node with a flag: the fields are identical.

use super::intern::Symbol;
use super::tokens::Span;

/// A module-level parse result (CPython's `mod`).
#[derive(Debug, Clone, Copy)]
pub enum Mod<'a> {
    Module { body: &'a [Stmt<'a>], type_ignores: &'a [TypeIgnore<'a>] },
    Interactive { body: &'a [Stmt<'a>] },
    Expression { body: &'a Expr<'a> },
    FunctionType { argtypes: &'a [Expr<'a>], returns: &'a Expr<'a> },
}

/// `TypeIgnore(int lineno, string tag)` from a `# type: ignore[tag]` comment.
#[derive(Debug, Clone, Copy)]
pub struct TypeIgnore<'a> {
    pub lineno: u32,
    pub tag: &'a str,
}

#[derive(Debug, Clone, Copy)]
pub struct Stmt<'a> {
    pub kind: StmtKind<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub enum StmtKind<'a> {
    /// `FunctionDef` or, with `is_async`, `AsyncFunctionDef`.
    FunctionDef {
        is_async: bool,
        name: Symbol,
        args: &'a Arguments<'a>,
        body: &'a [Stmt<'a>],
        decorator_list: &'a [Expr<'a>],
        returns: Option<&'a Expr<'a>>,
        type_comment: Option<&'a str>,
    },
    ClassDef {
        name: Symbol,
        bases: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
        body: &'a [Stmt<'a>],
        decorator_list: &'a [Expr<'a>],
    },
    Return {
        value: Option<&'a Expr<'a>>,
    },
    Delete {
        targets: &'a [Expr<'a>],
    },
    Assign {
        targets: &'a [Expr<'a>],
        value: &'a Expr<'a>,
        type_comment: Option<&'a str>,
    },
    AugAssign {
        target: &'a Expr<'a>,
        op: Operator,
        value: &'a Expr<'a>,
    },
    AnnAssign {
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    },
    /// `For` or, with `is_async`, `AsyncFor`.
    For {
        is_async: bool,
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
        type_comment: Option<&'a str>,
    },
    While {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    If {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    /// `With` or, with `is_async`, `AsyncWith`.
    With {
        is_async: bool,
        items: &'a [WithItem<'a>],
        body: &'a [Stmt<'a>],
        type_comment: Option<&'a str>,
    },
    Match {
        subject: &'a Expr<'a>,
        cases: &'a [MatchCase<'a>],
    },
    Raise {
        exc: Option<&'a Expr<'a>>,
        cause: Option<&'a Expr<'a>>,
    },
    /// `Try` or, with `is_star` (`except*`), `TryStar`.
    Try {
        is_star: bool,
        body: &'a [Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [Stmt<'a>],
        finalbody: &'a [Stmt<'a>],
    },
    Assert {
        test: &'a Expr<'a>,
        msg: Option<&'a Expr<'a>>,
    },
    Import {
        names: &'a [Alias],
    },
    ImportFrom {
        module: Option<Symbol>,
        names: &'a [Alias],
        level: u32,
    },
    Global {
        names: &'a [Symbol],
    },
    Nonlocal {
        names: &'a [Symbol],
    },
    Expr {
        value: &'a Expr<'a>,
    },
    Pass,
    Break,
    Continue,
}

#[derive(Debug, Clone, Copy)]
pub struct Expr<'a> {
    pub kind: ExprKind<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub enum ExprKind<'a> {
    BoolOp {
        op: BoolOp,
        values: &'a [Expr<'a>],
    },
    NamedExpr {
        target: &'a Expr<'a>,
        value: &'a Expr<'a>,
    },
    BinOp {
        left: &'a Expr<'a>,
        op: Operator,
        right: &'a Expr<'a>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: &'a Expr<'a>,
    },
    Lambda {
        args: &'a Arguments<'a>,
        body: &'a Expr<'a>,
    },
    IfExp {
        test: &'a Expr<'a>,
        body: &'a Expr<'a>,
        orelse: &'a Expr<'a>,
    },
    /// `keys[i]` is `None` for a `**mapping` entry.
    Dict {
        keys: &'a [Option<Expr<'a>>],
        values: &'a [Expr<'a>],
    },
    Set {
        elts: &'a [Expr<'a>],
    },
    ListComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    SetComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    DictComp {
        key: &'a Expr<'a>,
        value: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    GeneratorExp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    Await {
        value: &'a Expr<'a>,
    },
    Yield {
        value: Option<&'a Expr<'a>>,
    },
    YieldFrom {
        value: &'a Expr<'a>,
    },
    Compare {
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comparators: &'a [Expr<'a>],
    },
    Call {
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    },
    /// `conversion` is -1 (none) or the code of `s`, `r`, `a` (115, 114, 97).
    FormattedValue {
        value: &'a Expr<'a>,
        conversion: i32,
        format_spec: Option<&'a Expr<'a>>,
    },
    JoinedStr {
        values: &'a [Expr<'a>],
    },
    /// `kind` is `Some("u")` for a `u"..."` literal, else `None`.
    Constant {
        value: Constant<'a>,
        kind: Option<&'a str>,
    },
    Attribute {
        value: &'a Expr<'a>,
        attr: Symbol,
        ctx: ExprContext,
    },
    Subscript {
        value: &'a Expr<'a>,
        slice: &'a Expr<'a>,
        ctx: ExprContext,
    },
    Starred {
        value: &'a Expr<'a>,
        ctx: ExprContext,
    },
    Name {
        id: Symbol,
        ctx: ExprContext,
    },
    List {
        elts: &'a [Expr<'a>],
        ctx: ExprContext,
    },
    Tuple {
        elts: &'a [Expr<'a>],
        ctx: ExprContext,
    },
    Slice {
        lower: Option<&'a Expr<'a>>,
        upper: Option<&'a Expr<'a>>,
        step: Option<&'a Expr<'a>>,
    },
}

/// The value of a `Constant` node (or a `MatchSingleton` pattern).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Constant<'a> {
    None,
    Bool(bool),
    Ellipsis,
    /// An integer literal that fits in an `i64`.
    Int(i64),
    /// A larger integer literal, as its decimal digits (no sign, no leading zeros).
    BigInt(&'a str),
    Float(f64),
    /// An imaginary literal `<imag>j`: the complex number `0 + imag*j`.
    Complex {
        real: f64,
        imag: f64,
    },
    /// A string, as WTF-8 bytes: UTF-8 that may also encode lone surrogates
    /// (which `"\ud800"` can produce). Valid UTF-8 whenever there are none.
    Str(&'a [u8]),
    Bytes(&'a [u8]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Debug, Clone, Copy)]
pub struct Comprehension<'a> {
    pub target: Expr<'a>,
    pub iter: Expr<'a>,
    pub ifs: &'a [Expr<'a>],
    pub is_async: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct ExceptHandler<'a> {
    pub type_: Option<&'a Expr<'a>>,
    pub name: Option<Symbol>,
    pub body: &'a [Stmt<'a>],
    pub span: Span,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Arguments<'a> {
    pub posonlyargs: &'a [Arg<'a>],
    pub args: &'a [Arg<'a>],
    pub vararg: Option<&'a Arg<'a>>,
    pub kwonlyargs: &'a [Arg<'a>],
    /// One entry per keyword-only argument; `None` where it has no default.
    pub kw_defaults: &'a [Option<Expr<'a>>],
    pub kwarg: Option<&'a Arg<'a>>,
    /// Defaults of the last `defaults.len()` positional parameters.
    pub defaults: &'a [Expr<'a>],
}

#[derive(Debug, Clone, Copy)]
pub struct Arg<'a> {
    pub arg: Symbol,
    pub annotation: Option<&'a Expr<'a>>,
    pub type_comment: Option<&'a str>,
    pub span: Span,
}

/// A keyword argument `arg=value`, or `**value` when `arg` is `None`.
#[derive(Debug, Clone, Copy)]
pub struct Keyword<'a> {
    pub arg: Option<Symbol>,
    pub value: Expr<'a>,
    pub span: Span,
}

/// `name [as asname]` in an import; `name` may be dotted (`os.path`) or `*`.
#[derive(Debug, Clone, Copy)]
pub struct Alias {
    pub name: Symbol,
    pub asname: Option<Symbol>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub struct WithItem<'a> {
    pub context_expr: Expr<'a>,
    pub optional_vars: Option<&'a Expr<'a>>,
}

#[derive(Debug, Clone, Copy)]
pub struct MatchCase<'a> {
    pub pattern: Pattern<'a>,
    pub guard: Option<&'a Expr<'a>>,
    pub body: &'a [Stmt<'a>],
}

#[derive(Debug, Clone, Copy)]
pub struct Pattern<'a> {
    pub kind: PatternKind<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub enum PatternKind<'a> {
    MatchValue {
        value: &'a Expr<'a>,
    },
    MatchSingleton {
        value: Constant<'a>,
    },
    MatchSequence {
        patterns: &'a [Pattern<'a>],
    },
    MatchMapping {
        keys: &'a [Expr<'a>],
        patterns: &'a [Pattern<'a>],
        rest: Option<Symbol>,
    },
    MatchClass {
        cls: &'a Expr<'a>,
        patterns: &'a [Pattern<'a>],
        kwd_attrs: &'a [Symbol],
        kwd_patterns: &'a [Pattern<'a>],
    },
    MatchStar {
        name: Option<Symbol>,
    },
    MatchAs {
        pattern: Option<&'a Pattern<'a>>,
        name: Option<Symbol>,
    },
    MatchOr {
        patterns: &'a [Pattern<'a>],
    },
}

impl Operator {
    /// CPython's class name for the operator node (`Add`, `FloorDiv`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Operator::Add => "Add",
            Operator::Sub => "Sub",
            Operator::Mult => "Mult",
            Operator::MatMult => "MatMult",
            Operator::Div => "Div",
            Operator::Mod => "Mod",
            Operator::Pow => "Pow",
            Operator::LShift => "LShift",
            Operator::RShift => "RShift",
            Operator::BitOr => "BitOr",
            Operator::BitXor => "BitXor",
            Operator::BitAnd => "BitAnd",
            Operator::FloorDiv => "FloorDiv",
        }
    }
    /// The operator's spelling in source (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Add => "+",
            Operator::Sub => "-",
            Operator::Mult => "*",
            Operator::MatMult => "@",
            Operator::Div => "/",
            Operator::Mod => "%",
            Operator::Pow => "**",
            Operator::LShift => "<<",
            Operator::RShift => ">>",
            Operator::BitOr => "|",
            Operator::BitXor => "^",
            Operator::BitAnd => "&",
            Operator::FloorDiv => "//",
        }
    }
}

impl UnaryOp {
    pub fn name(self) -> &'static str {
        match self {
            UnaryOp::Invert => "Invert",
            UnaryOp::Not => "Not",
            UnaryOp::UAdd => "UAdd",
            UnaryOp::USub => "USub",
        }
    }
}

impl CmpOp {
    pub fn name(self) -> &'static str {
        match self {
            CmpOp::Eq => "Eq",
            CmpOp::NotEq => "NotEq",
            CmpOp::Lt => "Lt",
            CmpOp::LtE => "LtE",
            CmpOp::Gt => "Gt",
            CmpOp::GtE => "GtE",
            CmpOp::Is => "Is",
            CmpOp::IsNot => "IsNot",
            CmpOp::In => "In",
            CmpOp::NotIn => "NotIn",
        }
    }
}

impl BoolOp {
    pub fn name(self) -> &'static str {
        match self {
            BoolOp::And => "And",
            BoolOp::Or => "Or",
        }
    }
}

impl ExprContext {
    pub fn name(self) -> &'static str {
        match self {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        }
    }
}

impl<'a> ExprKind<'a> {
    /// CPython's class name for this expression node.
    pub fn name(&self) -> &'static str {
        match self {
            ExprKind::BoolOp { .. } => "BoolOp",
            ExprKind::NamedExpr { .. } => "NamedExpr",
            ExprKind::BinOp { .. } => "BinOp",
            ExprKind::UnaryOp { .. } => "UnaryOp",
            ExprKind::Lambda { .. } => "Lambda",
            ExprKind::IfExp { .. } => "IfExp",
            ExprKind::Dict { .. } => "Dict",
            ExprKind::Set { .. } => "Set",
            ExprKind::ListComp { .. } => "ListComp",
            ExprKind::SetComp { .. } => "SetComp",
            ExprKind::DictComp { .. } => "DictComp",
            ExprKind::GeneratorExp { .. } => "GeneratorExp",
            ExprKind::Await { .. } => "Await",
            ExprKind::Yield { .. } => "Yield",
            ExprKind::YieldFrom { .. } => "YieldFrom",
            ExprKind::Compare { .. } => "Compare",
            ExprKind::Call { .. } => "Call",
            ExprKind::FormattedValue { .. } => "FormattedValue",
            ExprKind::JoinedStr { .. } => "JoinedStr",
            ExprKind::Constant { .. } => "Constant",
            ExprKind::Attribute { .. } => "Attribute",
            ExprKind::Subscript { .. } => "Subscript",
            ExprKind::Starred { .. } => "Starred",
            ExprKind::Name { .. } => "Name",
            ExprKind::List { .. } => "List",
            ExprKind::Tuple { .. } => "Tuple",
            ExprKind::Slice { .. } => "Slice",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_sizes_stay_small() {
        // Expressions are stored by value in arena slices: keep them compact.
        assert!(std::mem::size_of::<Expr>() <= 56, "Expr is {} bytes", std::mem::size_of::<Expr>());
        assert!(std::mem::size_of::<Stmt>() <= 96, "Stmt is {} bytes", std::mem::size_of::<Stmt>());
    }
}

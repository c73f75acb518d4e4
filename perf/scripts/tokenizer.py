"""A hand-written tokenizer and recursive-descent parser (no regexes).

Generates arithmetic programs (assignments and expressions with + - * / %,
parentheses, unary minus and comparisons), tokenizes them character by
character, parses them into tuples and evaluates them.
"""


def generate(n, seed):
    names = ["alpha", "beta", "gamma", "delta", "eps"]
    ops = ["+", "-", "*", "%", "+", "-"]
    x = seed
    lines = []
    for i in range(n):
        parts = []
        for k in range(6):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            if k and x % 5 == 0:
                parts.append("(")
            if x % 3 == 0 and i > 5:
                parts.append(names[x % 5])
            else:
                parts.append(str(x % 97 + 1))
            parts.append(ops[(x >> 8) % len(ops)])
        parts.pop()
        depth = parts.count("(")
        expr = " ".join(parts) + " )" * depth
        lines.append("%s = %s" % (names[i % 5], expr))
        if i % 10 == 9:
            lines.append("print %s < %s" % (names[(i + 1) % 5], names[(i + 3) % 5]))
    return "\n".join(lines) + "\n"


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == " ":
            i += 1
        elif c == "\n":
            tokens.append(("NL", c))
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("NUM", int(src[i:j])))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("KW" if word == "print" else "NAME", word))
            i = j
        elif c in "+-*/%()=<>":
            tokens.append(("OP", c))
            i += 1
        else:
            raise SyntaxError("bad character %r" % c)
    tokens.append(("EOF", None))
    return tokens


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def advance(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, kind, value=None):
        tok = self.advance()
        if tok[0] != kind or (value is not None and tok[1] != value):
            raise SyntaxError("expected %s %r, got %r" % (kind, value, tok))
        return tok

    def program(self):
        stmts = []
        while self.peek()[0] != "EOF":
            stmts.append(self.statement())
            self.expect("NL")
        return stmts

    def statement(self):
        tok = self.peek()
        if tok[0] == "KW":
            self.advance()
            return ("print", self.comparison())
        name = self.expect("NAME")[1]
        self.expect("OP", "=")
        return ("assign", name, self.comparison())

    def comparison(self):
        left = self.sum()
        tok = self.peek()
        if tok[0] == "OP" and tok[1] in "<>":
            self.advance()
            return (tok[1], left, self.sum())
        return left

    def sum(self):
        left = self.term()
        while True:
            tok = self.peek()
            if tok[0] == "OP" and tok[1] in "+-":
                self.advance()
                left = (tok[1], left, self.term())
            else:
                return left

    def term(self):
        left = self.unary()
        while True:
            tok = self.peek()
            if tok[0] == "OP" and tok[1] in "*/%":
                self.advance()
                left = (tok[1], left, self.unary())
            else:
                return left

    def unary(self):
        tok = self.peek()
        if tok == ("OP", "-"):
            self.advance()
            return ("neg", self.unary())
        if tok == ("OP", "("):
            self.advance()
            inner = self.comparison()
            self.expect("OP", ")")
            return inner
        if tok[0] == "NUM":
            self.advance()
            return ("num", tok[1])
        if tok[0] == "NAME":
            self.advance()
            return ("var", tok[1])
        raise SyntaxError("unexpected %r" % (tok,))


def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        return env.get(node[1], 0)
    if kind == "neg":
        return -evaluate(node[1], env)
    a = evaluate(node[1], env)
    b = evaluate(node[2], env)
    if kind == "+":
        return (a + b) % 1000003
    if kind == "-":
        return (a - b) % 1000003
    if kind == "*":
        return (a * b) % 1000003
    if kind == "%":
        return a % b if b else 0
    if kind == "<":
        return int(a < b)
    return int(a > b)


def run(src):
    stmts = Parser(tokenize(src)).program()
    env = {}
    out = []
    for stmt in stmts:
        if stmt[0] == "assign":
            env[stmt[1]] = evaluate(stmt[2], env)
        else:
            out.append(evaluate(stmt[1], env))
    return len(stmts), env, out


source = generate(22000, 2024)
count, env, out = run(source)
print(len(source), count)
print(sorted(env.items()))
print(sum(out), "".join(map(str, out[:60])))

# A tiny interpreter: tokenizer, recursive-descent parser and tree-walking evaluator
# for a language with variables, arithmetic, comparisons, if/else, while and print.
SOURCE = """
n = 10;
a = 0; b = 1; i = 0;
while (i < n) {
    print(a);
    t = a + b; a = b; b = t;
    i = i + 1;
}
x = 7 * (3 + 4) - 10 / 2;
print(x);
if (x > 40) { print(1); } else { print(0); }
s = 0; k = 1;
while (k <= 100) { if (k % 3 == 0) { s = s + k; } k = k + 1; }
print(s);
f = 1; m = 20;
while (m > 1) { f = f * m; m = m - 1; }
print(f);
"""
class ParseError(Exception):
    pass
class Token:
    def __init__(self, kind, value, pos):
        self.kind = kind
        self.value = value
        self.pos = pos
    def __repr__(self):
        return f"{self.kind}:{self.value}"
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(Token("num", int(src[i:j]), i))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            kind = "kw" if word in ("while", "if", "else", "print") else "name"
            tokens.append(Token(kind, word, i))
            i = j
        elif src[i:i + 2] in ("==", "!=", "<=", ">="):
            tokens.append(Token("op", src[i:i + 2], i))
            i += 2
        elif c in "+-*/%<>=(){};":
            tokens.append(Token("op", c, i))
            i += 1
        else:
            raise ParseError(f"bad character {c!r} at {i}")
    tokens.append(Token("eof", None, len(src)))
    return tokens
class Parser:
    def __init__(self, tokens):
        self.toks = tokens
        self.i = 0
    def peek(self):
        return self.toks[self.i]
    def take(self, value=None):
        t = self.toks[self.i]
        if value is not None and t.value != value:
            raise ParseError(f"expected {value!r} got {t.value!r}")
        self.i += 1
        return t
    def program(self):
        stmts = []
        while self.peek().kind != "eof":
            stmts.append(self.statement())
        return ("block", stmts)
    def block(self):
        self.take("{")
        stmts = []
        while self.peek().value != "}":
            stmts.append(self.statement())
        self.take("}")
        return ("block", stmts)
    def statement(self):
        t = self.peek()
        if t.value == "while":
            self.take()
            self.take("(")
            cond = self.expr()
            self.take(")")
            return ("while", cond, self.block())
        if t.value == "if":
            self.take()
            self.take("(")
            cond = self.expr()
            self.take(")")
            then = self.block()
            other = ("block", [])
            if self.peek().value == "else":
                self.take()
                other = self.block()
            return ("if", cond, then, other)
        if t.value == "print":
            self.take()
            self.take("(")
            e = self.expr()
            self.take(")")
            self.take(";")
            return ("print", e)
        name = self.take().value
        self.take("=")
        e = self.expr()
        self.take(";")
        return ("assign", name, e)
    def expr(self):
        left = self.arith()
        while self.peek().value in ("<", ">", "<=", ">=", "==", "!="):
            op = self.take().value
            left = ("bin", op, left, self.arith())
        return left
    def arith(self):
        left = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            left = ("bin", op, left, self.term())
        return left
    def term(self):
        left = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            left = ("bin", op, left, self.factor())
        return left
    def factor(self):
        t = self.take()
        if t.kind == "num":
            return ("num", t.value)
        if t.kind == "name":
            return ("var", t.value)
        if t.value == "(":
            e = self.expr()
            self.take(")")
            return e
        if t.value == "-":
            return ("bin", "-", ("num", 0), self.factor())
        raise ParseError(f"unexpected {t!r}")
OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a // b, "%": lambda a, b: a % b,
    "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b), "<=": lambda a, b: int(a <= b),
    ">=": lambda a, b: int(a >= b), "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b),
}
steps = 0
def run(node, env):
    global steps
    steps += 1
    kind = node[0]
    if kind == "block":
        for s in node[1]:
            run(s, env)
    elif kind == "assign":
        env[node[1]] = run(node[2], env)
    elif kind == "print":
        print("out:", run(node[1], env))
    elif kind == "while":
        while run(node[1], env):
            run(node[2], env)
    elif kind == "if":
        run(node[2] if run(node[1], env) else node[3], env)
    elif kind == "num":
        return node[1]
    elif kind == "var":
        return env[node[1]]
    elif kind == "bin":
        return OPS[node[1]](run(node[2], env), run(node[3], env))
toks = tokenize(SOURCE)
print(len(toks), toks[:8])
tree = Parser(toks).program()
print(len(tree[1]), tree[1][0], tree[1][5])
env = {}
run(tree, env)
print(sorted(env.items()))
print("steps", steps)
for bad in ["x = ;", "y = 3 $ 4;", "print(1"]:
    try:
        Parser(tokenize(bad)).program()
    except ParseError as e:
        print("ParseError:", e)

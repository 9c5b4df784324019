# A tokenizer for a Python-like language that tracks line/column and indentation.
KEYWORDS = {"def", "return", "if", "else", "while", "for", "in", "and", "or", "not", "True", "False", "None"}
OPERATORS = ["**=", "//=", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "**", "//", "->",
             "+", "-", "*", "/", "%", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ":", "."]
class LexError(Exception):
    pass
def tokenize(src):
    tokens = []
    indents = [0]
    depth = 0
    for lineno, line in enumerate(src.split("\n"), 1):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        col = len(line) - len(stripped)
        if depth == 0:
            if col > indents[-1]:
                indents.append(col)
                tokens.append(("INDENT", "", lineno, col))
            while col < indents[-1]:
                indents.pop()
                tokens.append(("DEDENT", "", lineno, col))
            if col != indents[-1]:
                raise LexError(f"inconsistent dedent at line {lineno}")
        i = col
        while i < len(line):
            c = line[i]
            if c == " ":
                i += 1
                continue
            if c == "#":
                break
            start = i
            if c.isdigit():
                while i < len(line) and (line[i].isdigit() or line[i] in "._"):
                    i += 1
                text = line[start:i]
                tokens.append(("FLOAT" if "." in text else "INT", text, lineno, start))
                continue
            if c.isalpha() or c == "_":
                while i < len(line) and (line[i].isalnum() or line[i] == "_"):
                    i += 1
                word = line[start:i]
                tokens.append(("KEYWORD" if word in KEYWORDS else "NAME", word, lineno, start))
                continue
            if c in "\"'":
                i += 1
                while i < len(line) and line[i] != c:
                    i += 2 if line[i] == "\\" else 1
                if i >= len(line):
                    raise LexError(f"unterminated string at {lineno}:{start}")
                i += 1
                tokens.append(("STRING", line[start:i], lineno, start))
                continue
            for op in OPERATORS:
                if line.startswith(op, i):
                    if op in "([{":
                        depth += 1
                    elif op in ")]}":
                        depth -= 1
                    tokens.append(("OP", op, lineno, start))
                    i += len(op)
                    break
            else:
                raise LexError(f"unexpected {c!r} at {lineno}:{i}")
        if depth == 0:
            tokens.append(("NEWLINE", "", lineno, len(line)))
    while len(indents) > 1:
        indents.pop()
        tokens.append(("DEDENT", "", lineno + 1, 0))
    tokens.append(("EOF", "", lineno + 1, 0))
    return tokens
SRC = '''
# compute things
def area(w, h=2.5) -> float:
    if w <= 0 and not h:
        return None
    total = w * h ** 2  # trailing comment
    items = [1, 2,
             3, 4]
    for x in items:
        total += x // 2
    return total
msg = "it's \\"quoted\\"" + 'single'
print(area(3), msg, 1_000)
'''
toks = tokenize(SRC)
for kind, text, line, col in toks:
    print(f"{line:>2}:{col:<3} {kind:<8} {text}")
counts = {}
for kind, *_ in toks:
    counts[kind] = counts.get(kind, 0) + 1
print(sorted(counts.items()))
for bad in ["x = 'open", "y = 3 $ 4", "if x:\n        a\n    b"]:
    try:
        tokenize(bad)
    except LexError as e:
        print("LexError:", e)

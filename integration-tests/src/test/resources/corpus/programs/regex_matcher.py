# A small backtracking regular expression matcher supporting literals, '.', '*', '+', '?',
# character classes [a-z] and anchors '^' and '$'.
def parse(pattern):
    items = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "[":
            j = pattern.index("]", i)
            body = pattern[i + 1:j]
            negate = body.startswith("^")
            if negate:
                body = body[1:]
            chars = set()
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == "-":
                    for o in range(ord(body[k]), ord(body[k + 2]) + 1):
                        chars.add(chr(o))
                    k += 3
                else:
                    chars.add(body[k])
                    k += 1
            atom = ("class", frozenset(chars), negate)
            i = j + 1
        elif c == "\\":
            atom = ("lit", pattern[i + 1])
            i += 2
        elif c == ".":
            atom = ("any",)
            i += 1
        else:
            atom = ("lit", c)
            i += 1
        if i < len(pattern) and pattern[i] in "*+?":
            items.append((atom, pattern[i]))
            i += 1
        else:
            items.append((atom, ""))
    return items
def atom_matches(atom, ch):
    kind = atom[0]
    if kind == "any":
        return True
    if kind == "lit":
        return atom[1] == ch
    return (ch in atom[1]) != atom[2]
def match_here(items, text, pos, anchored_end):
    if not items:
        return pos if (not anchored_end or pos == len(text)) else -1
    atom, q = items[0]
    if q == "":
        if pos < len(text) and atom_matches(atom, text[pos]):
            return match_here(items[1:], text, pos + 1, anchored_end)
        return -1
    lo = 1 if q == "+" else 0
    hi = 1 if q == "?" else len(text) - pos
    n = 0
    while n < hi and pos + n < len(text) and atom_matches(atom, text[pos + n]):
        n += 1
    while n >= lo:
        end = match_here(items[1:], text, pos + n, anchored_end)
        if end != -1:
            return end
        n -= 1
    return -1
def search(pattern, text):
    anchored_start = pattern.startswith("^")
    anchored_end = pattern.endswith("$") and not pattern.endswith("\\$")
    core = pattern[1 if anchored_start else 0:len(pattern) - (1 if anchored_end else 0)]
    items = parse(core)
    starts = [0] if anchored_start else range(len(text) + 1)
    for s in starts:
        end = match_here(items, text, s, anchored_end)
        if end != -1:
            return (s, end, text[s:end])
    return None
tests = [
    ("abc", "xxabcxx"), ("a.c", "abc adc"), ("ab*c", "ac abbbc"), ("ab+c", "ac abbbc"),
    ("colou?r", "my favourite color"), ("^hello", "hello world"), ("^world", "hello world"),
    ("world$", "hello world"), ("[0-9]+", "order 66 shipped"), ("[A-Z][a-z]+", "the Quick brown"),
    ("[^aeiou ]+", "aaa rhythm"), ("x*", "yyy"), ("a.*b", "a123b456b"), ("\\.txt$", "notes.txt"),
    ("^[a-z_][a-z0-9_]*$", "var_name2"), ("^[a-z_][a-z0-9_]*$", "2bad"), ("q", ""),
]
for pat, text in tests:
    print(f"{pat!r:<22} {text!r:<22} -> {search(pat, text)}")
words = "cat cot cut coat cart scat act".split()
print([w for w in words if search("^c.t$", w)], [w for w in words if search("c[aeiou]+t", w)])

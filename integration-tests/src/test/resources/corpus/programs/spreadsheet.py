# A spreadsheet with formulas, dependency tracking, recalculation and cycle detection.
class CycleError(Exception):
    pass
class FormulaError(Exception):
    pass
class Sheet:
    def __init__(self):
        self.raw = {}
        self.cache = {}
    def set(self, cell, value):
        self.raw[cell] = value
        self.cache.clear()
    def refs(self, text):
        out = []
        i = 0
        while i < len(text):
            if text[i].isalpha() and text[i].isupper():
                j = i + 1
                while j < len(text) and text[j].isdigit():
                    j += 1
                if j > i + 1:
                    out.append(text[i:j])
                i = j
            else:
                i += 1
        return out
    def expand(self, text):
        while ":" in text:
            k = text.index(":")
            a = text[k - 2:k]
            b = text[k + 1:k + 3]
            cells = [f"{chr(c)}{r}" for c in range(ord(a[0]), ord(b[0]) + 1) for r in range(int(a[1]), int(b[1]) + 1)]
            text = text[:k - 2] + ",".join(cells) + text[k + 3:]
        return text
    def value(self, cell, visiting=()):
        if cell in self.cache:
            return self.cache[cell]
        if cell in visiting:
            raise CycleError(" -> ".join(visiting + (cell,)))
        raw = self.raw.get(cell, 0)
        if isinstance(raw, str) and raw.startswith("="):
            result = self.evaluate(self.expand(raw[1:]), visiting + (cell,))
        else:
            result = raw
        self.cache[cell] = result
        return result
    def evaluate(self, expr, visiting):
        for fn in ("SUM(", "MAX(", "MIN("):
            if expr.startswith(fn) and expr.endswith(")"):
                args = [self.value(c.strip(), visiting) for c in expr[4:-1].split(",")]
                return {"SUM(": sum, "MAX(": max, "MIN(": min}[fn](args)
        tokens = []
        for part in expr.replace("+", " + ").replace("-", " - ").replace("*", " * ").replace("/", " / ").split():
            if part in "+-*/":
                tokens.append(part)
            elif part[0].isalpha():
                tokens.append(self.value(part, visiting))
            else:
                try:
                    tokens.append(float(part) if "." in part else int(part))
                except ValueError:
                    raise FormulaError(f"bad token {part!r}")
        acc = tokens[0]
        for i in range(1, len(tokens), 2):
            op, v = tokens[i], tokens[i + 1]
            if op == "+":
                acc += v
            elif op == "-":
                acc -= v
            elif op == "*":
                acc *= v
            else:
                acc /= v
        return acc
s = Sheet()
s.set("A1", 10)
s.set("A2", 20)
s.set("A3", 30.5)
s.set("B1", "=A1*2")
s.set("B2", "=A2+B1")
s.set("B3", "=SUM(A1:A3)")
s.set("C1", "=B3/4")
s.set("C2", "=MAX(A1:B2)")
s.set("C3", "=MIN(A1:A3) - C1")
for cell in ["A1", "B1", "B2", "B3", "C1", "C2", "C3", "D9"]:
    print(cell, s.raw.get(cell), "->", s.value(cell))
s.set("A1", 100)
print("after A1=100:", [s.value(c) for c in ["B1", "B2", "B3", "C1", "C2", "C3"]])
print(s.refs("=A1+B22*C3"), s.expand("SUM(A1:B2)"))
s.set("D1", "=D2+1")
s.set("D2", "=D3+1")
s.set("D3", "=D1+1")
try:
    s.value("D1")
except CycleError as e:
    print("CycleError:", e)
s.set("E1", "=A1 + 2x")
try:
    s.value("E1")
except FormulaError as e:
    print("FormulaError:", e)
s.set("E2", "=A1/0")
try:
    s.value("E2")
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

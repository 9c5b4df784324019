# A compiler from a tiny expression language to stack bytecode, and a dispatch-loop VM.
PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, EQ, JMP, JZ, PRINT, HALT = range(14)
NAMES = ["PUSH", "LOAD", "STORE", "ADD", "SUB", "MUL", "DIV", "MOD", "LT", "EQ", "JMP", "JZ", "PRINT", "HALT"]
BINOPS = {"+": ADD, "-": SUB, "*": MUL, "/": DIV, "%": MOD, "<": LT, "==": EQ}
class Compiler:
    def __init__(self):
        self.code = []
        self.slots = {}
    def slot(self, name):
        if name not in self.slots:
            self.slots[name] = len(self.slots)
        return self.slots[name]
    def emit(self, *ins):
        self.code.append(list(ins))
        return len(self.code) - 1
    def expr(self, e):
        if isinstance(e, int):
            self.emit(PUSH, e)
        elif isinstance(e, str):
            self.emit(LOAD, self.slot(e))
        else:
            op, a, b = e
            self.expr(a)
            self.expr(b)
            self.emit(BINOPS[op])
    def stmt(self, s):
        kind = s[0]
        if kind == "set":
            self.expr(s[2])
            self.emit(STORE, self.slot(s[1]))
        elif kind == "print":
            self.expr(s[1])
            self.emit(PRINT)
        elif kind == "while":
            top = len(self.code)
            self.expr(s[1])
            jz = self.emit(JZ, None)
            for b in s[2]:
                self.stmt(b)
            self.emit(JMP, top)
            self.code[jz][1] = len(self.code)
        elif kind == "if":
            self.expr(s[1])
            jz = self.emit(JZ, None)
            for b in s[2]:
                self.stmt(b)
            jmp = self.emit(JMP, None)
            self.code[jz][1] = len(self.code)
            for b in s[3]:
                self.stmt(b)
            self.code[jmp][1] = len(self.code)
    def compile(self, prog):
        for s in prog:
            self.stmt(s)
        self.emit(HALT)
        return self.code, len(self.slots)
def run(code, nslots, out):
    stack = []
    slots = [0] * nslots
    pc = 0
    executed = 0
    while True:
        ins = code[pc]
        op = ins[0]
        pc += 1
        executed += 1
        if op == PUSH:
            stack.append(ins[1])
        elif op == LOAD:
            stack.append(slots[ins[1]])
        elif op == STORE:
            slots[ins[1]] = stack.pop()
        elif op == JMP:
            pc = ins[1]
        elif op == JZ:
            if not stack.pop():
                pc = ins[1]
        elif op == PRINT:
            out.append(stack.pop())
        elif op == HALT:
            return executed, slots
        else:
            b = stack.pop()
            a = stack.pop()
            if op == ADD:
                stack.append(a + b)
            elif op == SUB:
                stack.append(a - b)
            elif op == MUL:
                stack.append(a * b)
            elif op == DIV:
                stack.append(a // b)
            elif op == MOD:
                stack.append(a % b)
            elif op == LT:
                stack.append(1 if a < b else 0)
            else:
                stack.append(1 if a == b else 0)
# primes below 200 and a collatz length, written in the tiny language
program = [
    ("set", "n", 2),
    ("set", "count", 0),
    ("while", ("<", "n", 200), [
        ("set", "d", 2),
        ("set", "prime", 1),
        ("while", ("<", ("*", "d", "d"), ("+", "n", 1)), [
            ("if", ("==", ("%", "n", "d"), 0), [("set", "prime", 0)], []),
            ("set", "d", ("+", "d", 1)),
        ]),
        ("if", "prime", [("set", "count", ("+", "count", 1)), ("if", ("<", 180, "n"), [("print", "n")], [])], []),
        ("set", "n", ("+", "n", 1)),
    ]),
    ("print", "count"),
    ("set", "x", 27),
    ("set", "steps", 0),
    ("while", ("<", 1, "x"), [
        ("if", ("%", "x", 2), [("set", "x", ("+", ("*", 3, "x"), 1))], [("set", "x", ("/", "x", 2))]),
        ("set", "steps", ("+", "steps", 1)),
    ]),
    ("print", "steps"),
]
code, nslots = Compiler().compile(program)
print(len(code), "instructions,", nslots, "slots")
for i, ins in enumerate(code[:16]):
    print(f"{i:3d} {NAMES[ins[0]]:<6} {'' if len(ins) == 1 else ins[1]}")
out = []
executed, slots = run(code, nslots, out)
print("output", out)
print("executed", executed, "final slots", slots)

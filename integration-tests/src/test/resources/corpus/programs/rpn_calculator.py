# Infix to RPN with the shunting-yard algorithm, then evaluation with a stack.
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
RIGHT = {"^"}
class CalcError(Exception):
    pass
def lex(expr):
    out = []
    i = 0
    while i < len(expr):
        c = expr[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(expr) and (expr[j].isdigit() or expr[j] == "."):
                j += 1
            out.append(float(expr[i:j]) if "." in expr[i:j] else int(expr[i:j]))
            i = j
        elif c in PREC or c in "()":
            if c == "-" and (not out or out[-1] in PREC or out[-1] == "("):
                out.append(0)
            out.append(c)
            i += 1
        else:
            raise CalcError(f"bad char {c!r}")
    return out
def to_rpn(tokens):
    out, ops = [], []
    for t in tokens:
        if isinstance(t, (int, float)):
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops and ops[-1] != "(":
                out.append(ops.pop())
            if not ops:
                raise CalcError("unbalanced )")
            ops.pop()
        else:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t not in RIGHT)):
                out.append(ops.pop())
            ops.append(t)
    while ops:
        op = ops.pop()
        if op == "(":
            raise CalcError("unbalanced (")
        out.append(op)
    return out
def evaluate(rpn):
    st = []
    for t in rpn:
        if isinstance(t, (int, float)):
            st.append(t)
            continue
        if len(st) < 2:
            raise CalcError("missing operand")
        b, a = st.pop(), st.pop()
        if t == "+":
            st.append(a + b)
        elif t == "-":
            st.append(a - b)
        elif t == "*":
            st.append(a * b)
        elif t == "/":
            st.append(a / b)
        elif t == "%":
            st.append(a % b)
        else:
            st.append(a ** b)
    if len(st) != 1:
        raise CalcError("leftover operands")
    return st[0]
tests = ["3 + 4 * 2 / (1 - 5) ^ 2 ^ 3", "2 ^ 3 ^ 2", "(2 ^ 3) ^ 2", "-7 % 3", "10 - 4 - 3",
         "1.5 * (2 + 0.25)", "2 ^ 100", "(1 + 2", "1 / 0", "4 + * 2", "8 & 2", "((((9))))", "-(3 - 5) * -2"]
for e in tests:
    try:
        rpn = to_rpn(lex(e))
        print(f"{e:<30} rpn: {' '.join(str(t) for t in rpn):<35} = {evaluate(rpn)}")
    except CalcError as err:
        print(f"{e:<30} CalcError: {err}")
    except ZeroDivisionError as err:
        print(f"{e:<30} ZeroDivisionError: {err}")

# Recursive data processing on nested structures.
expr = ("+", ("*", 2, 3), ("-", ("/", 20, 4), 1))
def evaluate(e, depth=0):
    if isinstance(e, (int, float)):
        return e
    op, left, right = e
    a = evaluate(left, depth + 1)
    b = evaluate(right, depth + 1)
    r = {"+": a + b, "-": a - b, "*": a * b, "/": a / b}[op]
    print("  " * depth + f"{a} {op} {b} = {r}")
    return r
print(evaluate(expr))
def to_str(e):
    if not isinstance(e, tuple):
        return str(e)
    return "(" + to_str(e[1]) + " " + e[0] + " " + to_str(e[2]) + ")"
print(to_str(expr))
def count_nodes(e):
    return 1 if not isinstance(e, tuple) else 1 + count_nodes(e[1]) + count_nodes(e[2])
print(count_nodes(expr))

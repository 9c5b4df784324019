# Conditional expressions and boolean operators returning operands.
for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
print(0 or "default", "" or [] or None, 5 or 6, 0 and 1, 3 and 4, None and 1/0)
print(not 0, not 1, not [], not [0], not None)
name = ""
print(name or "anonymous", (name and name.upper()) or "-")
def side(tag, v):
    print("eval", tag)
    return v
print(side("a", 0) and side("b", 1))
print(side("c", 1) and side("d", 2))
print(side("e", 0) or side("f", 0) or side("g", 3))
print(side("h", 1) or side("i", 1))
x = 7
print("big" if x > 5 else "small", [1, 2][x > 5], (x > 5) + (x > 6) + (x > 7))
print(1 < 2 and 2 < 3 or 1/0, not 1 == 2, not (1 and 0))

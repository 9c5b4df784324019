# if/elif/else chains and truthiness.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0 and n > 100:
        return "big even"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"
for n in [-5, 0, 1, 2, 101, 102, 7]:
    print(n, classify(n))
for v in [0, 1, "", "a", [], [0], {}, None, 0.0, -0.0, set(), (), (0,), range(0), range(1)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
x = 5
if x > 3:
    if x > 4:
        print("x > 4")
    else:
        print("3 < x <= 4")
if not x:
    print("unreachable")
elif x:
    pass
print("done")

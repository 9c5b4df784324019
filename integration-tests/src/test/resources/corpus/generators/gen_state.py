# Generator state persists between next() calls; generators are single-use.
def stateful():
    x = 1
    while x < 100:
        yield x
        x = x * 3 + 1
g = stateful()
print(next(g), next(g), next(g), next(g), next(g, "stop"))
def once():
    yield "only"
o = once()
print(list(o), list(o))
def with_return(n):
    for i in range(n):
        if i == 2:
            return "early"
        yield i
print(list(with_return(5)), list(with_return(2)))
def tracked(name):
    print(f"  {name} begins")
    try:
        yield 1
        yield 2
    finally:
        print(f"  {name} finally")
for v in tracked("A"):
    print("A", v)
t = tracked("C")
print(next(t), next(t), next(t, "exhausted"))

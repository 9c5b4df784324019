# Arguments are evaluated left to right.
log = []
def v(tag, value):
    log.append(tag)
    return value
def f(a, b, c=0, *rest, **kw):
    return a + b + c + sum(rest) + sum(kw.values())
print(f(v("a", 1), v("b", 2), v("c", 3), v("d", 4), x=v("x", 5)))
print(log)
log.clear()
print(f(*[v("s1", 1), v("s2", 2)], **{"k": v("k", 3)}))
print(log)
log.clear()
result = v("left", [1, 2])[v("idx", 1)] + v("right", 10)
print(result, log)
log.clear()
d = {v("k1", "a"): v("v1", 1), v("k2", "b"): v("v2", 2)}
print(d, log)

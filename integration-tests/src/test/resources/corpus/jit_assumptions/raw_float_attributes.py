# Float attributes that compiled code keeps unboxed: a store of float arithmetic's result
# leaves the attribute raw (no float object until something reads it as one), and float
# arithmetic and comparisons read attributes raw. Everything else must see ordinary floats,
# one object per stored value: the interpreter reading them back, identity, deletion, a
# values array that grows, a collection, and attributes that stop holding floats mid-loop
# (an int, None, a big int compared exactly).



class Body:
    def __init__(self, x, v):
        self.x = x
        self.v = v


def advance(bodies, steps, dt):
    for _ in range(steps):
        for b in bodies:
            b.x += dt * b.v
            b.v -= b.x * 0.001


def brightest(points):
    best = points[0]
    for p in points:
        if p.x > best.x:
            best = p
    return best


class P:
    def __init__(self, x):
        self.x = x


class Mirror:
    # a.x - Mirror(): float.__sub__ gives up, and this sees a.x itself, the very object.
    def __init__(self, target):
        self.target = target

    def __rsub__(self, other):
        return other is self.target.x


def differences(a, others):
    out = []
    for o in others:
        a.x += 0.5
        out.append(a.x - o)
    return out


class V:
    def __init__(self, x):
        self.x = x


def total(vs):
    t = 0.0
    for v in vs:
        t = t + v.x
    return t


def bump(vs):
    for v in vs:
        v.x += 0.5


def code_compiled_before_a_class_keeps_floats_raw():
    # total's loop is compiled while nothing keeps V's floats raw, so it loads them without
    # looking for raw ones; bump's raw stores then make it go before any is raw.
    vs = [V(float(i)) for i in range(500)]
    first = [total(vs) for _ in range(20)]
    for _ in range(20):
        bump(vs)
    print(first[-1], total(vs), [total(vs) for _ in range(20)][-1], vs[7].x is vs[7].x)


def main():
    code_compiled_before_a_class_keeps_floats_raw()
    bodies = [Body(float(i), 0.5 * i) for i in range(6)]
    advance(bodies, 400, 0.01)
    for b in bodies:
        print(b.x, b.v)
    b = bodies[3]
    # One object per attribute value, however often it is read.
    print(b.x is b.x, id(b.v) == id(b.v), type(b.x).__name__)
    saved = b.x
    advance(bodies, 300, 0.01)
    print(saved, b.x, saved is b.x)

    # An int where a float was: arithmetic reads it as a float would.
    bodies[2].v = 3
    advance(bodies, 300, 0.01)
    print(bodies[2].x, bodies[2].v)
    # Not a number at all: the compiled load gives up, the interpreter raises.
    bodies[4].v = None
    try:
        advance(bodies, 300, 0.01)
    except TypeError as e:
        print("TypeError:", e)
    print([round(c.x, 6) for c in bodies])

    # Deleting and re-adding attributes of instances whose floats are raw.
    victim = bodies[1]
    del victim.x
    print(hasattr(victim, "x"), round(victim.v, 9))
    victim.x = 1.5
    victim.extra1 = 1
    victim.extra2 = 2
    victim.extra3 = 3
    victim.extra4 = 4
    print(victim.x, victim.v, victim.extra4)
    advance([victim], 200, 0.01)
    print(victim.x, victim.v, getattr(victim, "v"))

    # A collection while raw attributes are live.
    for _ in range(30):
        junk = [[i] * 3 for i in range(20000)]
    del junk

    print([c.x for c in bodies if c is not bodies[4]])

    # Comparisons read both sides raw; an int compares exactly, not as a double.
    points = [P(float(i % 97) * 1.25) for i in range(1000)]
    print(brightest(points).x)
    points[500].x = 2 ** 53 + 1
    points[501].x = float(2 ** 53)
    print(brightest(points).x)
    points[10].x = 2.0 ** 60
    print(brightest(points).x)

    # An exit between a raw load and its float operation puts back the attribute's own float.
    a = P(1.0)
    others = [0.25] * 3000 + [Mirror(a)] + [0.5] * 10 + [Mirror(a)]
    got = differences(a, others)
    print(got[2999], got[3000], got[3001], got[-1], a.x)


main()

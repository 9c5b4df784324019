# Float locals the JIT keeps raw and that are dead where a trace leaves: the exit clears
# them instead of boxing them (decision 7, "Dead raw locals"). Every way the interpreter can
# still reach such a local must find its float: a later read after the loop, a branch whose
# other way reads it, del, an exception handler, a generator resumed later.


def pair_loop(bodies):
    # dx, dy, d2 are written before they are read in every inner iteration: dead at its end.
    total = 0.0
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            d2 = dx * dx + dy * dy
            total += d2 * 0.5
    return total


pts = [(float(k), float(k * k % 7)) for k in range(12)]
print(pair_loop(pts))


def read_after_loop(n):
    # last is dead inside the loop's body until it is stored, but read after the loop.
    last = 0.0
    acc = 1.0
    for i in range(n):
        last = acc * 1.5
        acc = last - 0.25
    return last, acc


print(read_after_loop(50))


def branch_reads_one_way(n):
    out = []
    for i in range(n):
        z = i * 0.5
        w = z * z
        if i % 9 == 4:
            # The branch's rare way reads z; the common way writes it again first.
            out.append(z + w)
    return out


print(branch_reads_one_way(40))


def deleted_after(n):
    t = 0.0
    for i in range(n):
        t = t * 0.5 + i
        u = t * 2.0
        t = u - t
    del u
    try:
        print(u)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    return t


print(deleted_after(30))


def handler_reads(n):
    v = 1.0
    try:
        for i in range(n):
            v = v * 1.5
            q = v / 3.0
            if i == n - 2:
                raise ValueError("stop")
            v = q * 2.0
    except ValueError:
        return v, q
    return None


print(handler_reads(25))


def gen(n):
    for i in range(n):
        s = i * 0.25
        r = s * s
        yield r
        s = r + 1.0
        yield s


print(list(gen(12)))


def dead_then_rebound(n):
    # x is dead at the inner loop's end; the outer loop binds it again before reading.
    res = []
    for k in range(n):
        for i in range(20):
            x = i * 1.0
            y = x * x
        x = float(k)
        res.append(x + y)
    return res


print(dead_then_rebound(6))

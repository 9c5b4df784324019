# Floor division and modulo follow the sign of the divisor.
values = [-7, -6, -1, 0, 1, 6, 7]
divisors = [-3, -2, 2, 3]
for v in values:
    row = []
    for d in divisors:
        q = v // d
        r = v % d
        assert q * d + r == v
        row.append(f"{v}//{d}={q} {v}%{d}={r}")
    print("; ".join(row))
print(divmod(-1, 10**20), divmod(10**20 + 3, -7))
print((-10**30) // 7, (-10**30) % 7)

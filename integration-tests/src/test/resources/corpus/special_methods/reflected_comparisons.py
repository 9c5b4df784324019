# Comparisons fall back to the reflected method.
class Num:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        ov = o.v if isinstance(o, Num) else o
        return self.v < ov
    def __gt__(self, o):
        ov = o.v if isinstance(o, Num) else o
        return self.v > ov
    def __eq__(self, o):
        ov = o.v if isinstance(o, Num) else o
        return self.v == ov
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return f"Num({self.v})"
n = Num(5)
print(n < 10, 10 < n, 3 > n, n > 3, 5 == n, n == 5.0)
print(sorted([Num(3), 1, Num(2), 4]), max([Num(3), 7, Num(9)]))
print(1 < Num(2) < 3, {Num(5): "x"}[5])
